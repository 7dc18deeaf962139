// return-to.js: the screen to go back to after signing in. A deep link
// opened while signed out, or a screen whose session ended under it, is
// remembered here; the sign-in screen takes it once signing in is done.
// sessionStorage keeps it across a reload of the sign-in page and forgets it
// with the tab. Only in-app addresses are accepted, so nothing can turn it
// into a redirect elsewhere.
const KEY = 'pathway.returnTo';

function inApp(hash) {
  return typeof hash === 'string' && hash.startsWith('#/') && !hash.startsWith('#/signin');
}

export function rememberReturn(hash) {
  if (inApp(hash)) sessionStorage.setItem(KEY, hash);
}

export function forgetReturn() {
  sessionStorage.removeItem(KEY);
}

// The remembered screen (forgetting it), or home.
export function takeReturn() {
  const hash = sessionStorage.getItem(KEY);
  forgetReturn();
  return inApp(hash) ? hash : '#/';
}
