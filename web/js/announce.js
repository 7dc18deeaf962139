// announce.js: the results line. One visible message area (#notice, a
// polite aria-live status region in index.html) says what just happened:
// "Provider saved.", "You have signed out.". A message meant for the next
// screen (after a redirect) waits in `pending` until that screen is shown.

let pending = null;

function region() {
  return document.getElementById('notice');
}

// Shows msg now. kind: 'ok', 'info' or 'error' (colour and icon only; the
// words carry the meaning).
export function announce(msg, kind = 'ok') {
  const el = region();
  if (!el) return;
  // Clearing first makes screen readers announce a repeated message again.
  el.textContent = '';
  el.className = `notice notice-${kind}`;
  window.requestAnimationFrame(() => {
    el.textContent = msg;
  });
}

// Shows msg on the next screen rendered (see app.js).
export function flash(msg, kind = 'ok') {
  pending = { msg, kind };
}

// Called by app.js after each navigation: shows a pending message or clears
// the last one, so an old result never sits under a new screen.
export function afterNavigation() {
  const el = region();
  if (!el) return;
  if (pending) {
    announce(pending.msg, pending.kind);
    pending = null;
  } else {
    // Left in place, empty (CSS collapses it): a live region must exist
    // before its text changes for screen readers to announce the change.
    el.textContent = '';
    el.className = 'notice';
  }
}
