// audit.js: the "History" panel of an admin record (GET /audit, newest
// first): who changed what, as "field: before → after".
import * as api from './api.js';
import { h, replace, scrollRegion, focus } from './dom.js';
import { when } from './format.js';

const ACTIONS = {
  create: 'Created',
  update: 'Changed',
  disable: 'Disabled',
  password_set: 'Password set',
  sign_in: 'Signed in',
  sign_in_password_ok: 'Password accepted (code still needed)',
  sign_in_failed: 'Sign-in failed',
  sign_in_throttled: 'Sign-in refused (too many attempts)',
  locked: 'Locked',
  second_factor_failed: 'Wrong code',
  sign_in_recovery_code: 'Signed in with a recovery code',
  totp_enrollment_started: 'Authenticator set-up started',
  totp_enabled: 'Authenticator set up',
  sign_out: 'Signed out',
};

// Fields that change with every write and say nothing on their own.
const NOISE = new Set(['version', 'updated_at', 'created_at']);

function show(v) {
  if (v === null || v === undefined || v === '') return '(empty)';
  if (Array.isArray(v)) return v.length ? v.join(', ') : '(none)';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
}

// The changes of one audit row as list items.
function changes(row, labels) {
  const before = row.before || {};
  const after = row.after || {};
  if (row.action === 'create') return [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !NOISE.has(k));
  return keys
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => h('li', {}, h('span', { class: 'audit-field' }, `${labels[k] || k.replace(/_/g, ' ')}: `),
      show(before[k]), ' → ', show(after[k])));
}

function row(item, labels) {
  const list = changes(item, labels);
  return h('tr', {},
    h('td', {}, when(item.occurred_at)),
    h('td', {}, item.actor || 'system'),
    h('td', {}, ACTIONS[item.action] || item.action),
    h('td', {}, list.length ? h('ul', { class: 'audit-changes' }, list) : item.reason || ''));
}

// entity: the API's (user, provider ...); labels: {field: label}.
export function auditPanel(entity, id, labels = {}) {
  const headingId = `history-${entity}-${id}`;
  const body = h('tbody', {});
  const status = h('p', { class: 'muted' }, 'Loading the history…');
  const more = h('div', { class: 'form-actions' });
  const table = h('table', { class: 'table', hidden: true },
    h('caption', { class: 'visually-hidden' }, 'Changes to this record, newest first'),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'When'), h('th', { scope: 'col' }, 'Who'),
      h('th', { scope: 'col' }, 'What'), h('th', { scope: 'col' }, 'Details'))),
    body);
  const section = h('section', { class: 'panel', 'aria-labelledby': headingId, 'aria-busy': 'true' },
    h('h2', { id: headingId }, 'History'), status, scrollRegion('History (table)', table), more);

  async function load(cursor) {
    section.setAttribute('aria-busy', 'true');
    try {
      const page = await api.get(`/audit${api.query({ entity, id, limit: 20, cursor })}`);
      body.append(...page.items.map((item) => row(item, labels)));
      table.hidden = body.children.length === 0;
      status.textContent = body.children.length ? '' : 'No changes recorded yet.';
      status.hidden = body.children.length > 0;
      replace(more, page.next_cursor
        ? h('button', { type: 'button', class: 'button button-secondary', 'data-more': page.next_cursor }, 'Show older changes')
        : null);
    } catch (err) {
      if (err.status === 401) return;
      status.hidden = false;
      status.textContent = `The history could not be loaded: ${err.message}`;
    } finally {
      section.removeAttribute('aria-busy');
    }
  }
  more.addEventListener('click', async (event) => {
    const button = event.target.closest('[data-more]');
    if (!button) return;
    button.disabled = true;
    const firstNew = body.children.length;
    await load(button.dataset.more);
    // The clicked button is gone: focus the next one, or the first older row.
    const next = more.querySelector('button');
    if (next) next.focus();
    else focus(body.children[firstNew] ? body.children[firstNew].firstElementChild : table);
  });
  load(null);
  return section;
}
