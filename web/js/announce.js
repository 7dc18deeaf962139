// announce.js: the results line (#notice, aria-live): what just happened.
// A message for the next screen waits in `pending`.

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
    // Kept, empty: a live region must exist before its text changes.
    el.textContent = '';
    el.className = 'notice';
  }
}
