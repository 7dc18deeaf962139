// return-to.js: the screen to go back to after signing in, kept in
// sessionStorage (survives a reload, not the tab). Only in-app addresses,
// so it can never redirect elsewhere.
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
