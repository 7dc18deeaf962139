// dialog.js: modal <dialog>s: Tab wraps inside (Chromium would let focus
// reach its toolbar), Escape closes, focus returns to the opener.
import { h, uid, focus, delegate } from './dom.js';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), ' +
  'textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function trapTab(dialog, event) {
  if (event.key !== 'Tab') return;
  const items = [...dialog.querySelectorAll(FOCUSABLE)].filter((el) => !el.closest('[hidden]'));
  if (!items.length) return;
  const first = items[0];
  const last = items[items.length - 1];
  if (event.shiftKey && (document.activeElement === first || !dialog.contains(document.activeElement))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

// build(close) returns the content; close(value) resolves the promise
// (Escape: null). actions / forms: {name: fn(el, event, close)} for
// data-action and data-form inside the dialog.
export function openDialog({ title, describe, build, actions = {}, forms = {}, initialFocus }) {
  return new Promise((resolve) => {
    const opener = document.activeElement;
    const titleId = uid('dialog-title');
    const descId = describe ? uid('dialog-desc') : null;
    let result = null;
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': titleId, 'aria-describedby': descId });
    const close = (value = null) => {
      result = value;
      dialog.close();
    };
    // Element.append would print a null as the word "null".
    dialog.append(...[
      h('h2', { id: titleId, class: 'dialog-title' }, title),
      describe ? h('p', { id: descId }, describe) : null,
      build(close),
    ].filter((n) => n !== null && n !== undefined));
    dialog.addEventListener('keydown', (event) => trapTab(dialog, event));
    delegate(dialog, 'click', 'action', (el, name, event) => {
      if (name === 'dialog-cancel') close(null);
      else if (actions[name]) actions[name](el, event, close);
    });
    delegate(dialog, 'submit', 'form', (form, name, event) => {
      event.preventDefault();
      if (forms[name]) forms[name](form, event, close);
    });
    // Escape fires "cancel" and then "close"; the default closes it.
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (opener && opener.isConnected) opener.focus();
      resolve(result);
    });
    document.body.append(dialog);
    dialog.showModal();
    const target = initialFocus ? dialog.querySelector(initialFocus) : dialog.querySelector(FOCUSABLE);
    focus(target || dialog.querySelector('h2'));
  });
}

// Asks a yes/no question. Resolves true only when confirmed; the safe
// answer (Cancel) has the focus first.
export async function confirm({ title, message, confirmLabel, danger = false }) {
  const answer = await openDialog({
    title,
    describe: message,
    build: () => h('div', { class: 'dialog-actions' },
      h('button', { type: 'button', class: danger ? 'button button-danger' : 'button', 'data-action': 'dialog-confirm' }, confirmLabel),
      h('button', { type: 'button', class: 'button button-secondary', 'data-action': 'dialog-cancel' }, 'Cancel')),
    actions: { 'dialog-confirm': (el, event, close) => close(true) },
    initialFocus: '[data-action="dialog-cancel"]',
  });
  return answer === true;
}
