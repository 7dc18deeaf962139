// views/participant/records.js: an Outcomes record section from a
// description: list, add, edit (412 keeps what was typed), delete. Fields
// may have when(values) (else hidden, not sent), num, file (uploaded first,
// sent as document_id), local (not sent), fixed (not changed once saved).
import * as api from '../../api.js';
import * as router from '../../router.js';
import { h } from '../../dom.js';
import { flash, announce } from '../../announce.js';
import { RecordForm } from '../../form.js';
import { confirm } from '../../dialog.js';

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
// 'a_b=Label;c_d' → [{value: 'a_b', label: 'Label'}, {value: 'c_d', label: 'C d'}]
export const choices = (s) => s.split(';').map((p) => {
  const [value, label = cap(value.replace(/_/g, ' ')).replace(/^Hs /, 'H.S. ')] = p.split('=');
  return { value, label };
});
export const YN = choices('yes;no');

export function today() {
  const d = new Date();
  return [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
}

let again = null; // the heading to focus after the redraw
export function takeFocus(node) {
  const el = again && node.querySelector(`#${again}`);
  again = null;
  return el;
}
function saved(key, msg) {
  flash(msg);
  again = `${key}-heading`;
  router.dispatch();
}

export const section = (id, title, ...content) => h('section', { class: 'panel outcome-section', 'aria-labelledby': `${id}-heading`, id },
  h('h2', { id: `${id}-heading`, tabindex: '-1' }, title), ...content);

export function table(caption, heads, rows) {
  return rows.length ? h('div', { class: 'table-wrap', role: 'region', 'aria-label': `${caption} (table)`, tabindex: '0' },
    h('table', { class: 'table' }, h('caption', { class: 'visually-hidden' }, caption),
      h('thead', {}, h('tr', {}, heads.map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((c, i) => h(i ? 'td' : 'th', { scope: i ? null : 'row' }, c))))))) : null;
}

export const button = (label, action, id, name, cls = 'button-secondary') => h('button',
  { type: 'button', class: `button ${cls} button-small`, 'data-action': action, 'data-id': String(id), 'aria-label': `${label}: ${name}` }, label);

function sync(form) {
  const v = form.values();
  if (form.onSync) form.onSync(v);
  for (const f of form.fields) if (f.when) form.el.querySelector(`[data-field="${f.name}"]`).hidden = !f.when(v);
}

// Uploads a document of the participant (c.pid) and enrollment (c.eid):
// its id.
export async function upload(file, c, kind) {
  const fd = new FormData();
  for (const [k, x] of [['participant_id', c.pid], ['enrollment_id', c.eid], ['document_type', kind], ['file', file]]) fd.append(k, x);
  return (await api.upload('/documents', fd)).id;
}

// What changed (all of it for a PUT or a new record).
async function body(c, form, edit) {
  const v = form.values();
  const src = edit && !c.put ? form.changes() : v;
  const out = {};
  for (const f of form.fields) {
    const file = f.file && form.control(f.name).files[0];
    if (f.when && !f.when(v)) continue;
    if (file) out.document_id = await upload(file, c, f.file);
    else if (f.name in src && !f.local && !f.file) {
      const x = src[f.name];
      if (edit || !(x === null || (Array.isArray(x) && !x.length))) out[f.name] = f.num && /^-?\d+(\.\d+)?$/.test(x) ? Number(x) : x;
    }
  }
  return c.prep ? c.prep(out, v) : out;
}

// c: a section of sections.js (columns 'Head=field' or [head, fn]) →
// {node, items, add(preset), edit(record, preset), actions, forms, changes}
export async function recordSection(c) {
  const items = c.items || (await api.get(`${c.add}?limit=200`)).items;
  const { key, noun, write } = c;
  const cols = c.columns.map((x) => (x.split ? [x.split('=')[0], (r) => r[x.split('=')[1]]] : x));
  c.name = c.name || cols[0][1];
  const rows = items.map((r) => [...cols.map(([, f]) => f(r) ?? ''), write ? [c.extra && c.extra(r),
    c.item && (!c.canEdit || c.canEdit(r)) && button('Edit', `${key}-edit`, r.id, c.name(r)),
    c.del && button('Delete', `${key}-delete`, r.id, c.name(r), 'button-danger')] : null]);
  const form = (edit, r) => {
    const f = new RecordForm({ name: `${key}-${edit ? 'edit' : 'add'}`, noun, fields: c.fields(r), record: r || c.start || {}, submitLabel: `${edit ? 'Save' : 'Add'} ${noun}`,
      after: edit ? h('button', { type: 'button', class: 'button button-secondary', 'data-action': `${key}-cancel` }, 'Cancel') : [] });
    f.el.dataset.change = `${key}-sync`;
    f.onSync = c.help && c.help(f);
    for (const x of f.fields) if (edit && x.fixed) f.control(x.name).disabled = true;
    sync(f);
    return f;
  };
  const addForm = write && c.add ? form(false) : null;
  const details = addForm && h('details', { class: 'no-print' }, h('summary', {}, c.addLabel || `Add a ${noun}`), addForm.el);
  const panel = h('div', { class: 'edit-panel no-print', hidden: true });
  let editForm = null;
  const find = (el) => items.find((r) => String(r.id) === el.dataset.id);
  const show = (f, preset) => {
    if (preset) f.setValues(preset);
    sync(f);
    const el = [...f.el.querySelectorAll('input, select, textarea')].find((x) => !x.disabled && !x.closest('[hidden]'));
    if (el) el.focus();
  };
  const submit = (f, edit) => f.submit(async () => {
    const b = await body(c, f, edit);
    const r = await (edit ? api[c.put ? 'put' : 'patch'](c.item(f.record), b, { ifMatch: f.record }) : api.post(c.add, b));
    const what = r && c.name(r);
    saved(key, `${cap(noun)} ${edit ? 'saved' : 'added'}${what ? `: ${what}` : ''}.`);
  }, { onStale: async () => f.showConflict(await (c.load || ((r) => api.get(c.item(r))))(f.record)) });
  const sec = {
    node: h('div', {}, typeof c.intro === 'string' ? h('p', {}, c.intro) : c.intro,
      table(c.title, [...cols.map(([t]) => t), write && 'Actions'].filter(Boolean), rows) || h('p', {}, c.empty || `No ${noun} records yet.`),
      details, panel),
    items,
    add(preset) {
      details.open = true;
      show(addForm, preset);
    },
    edit(r, preset) {
      editForm = form(true, r);
      panel.replaceChildren(h('h3', {}, `Edit ${noun}: ${c.name(r)}`), editForm.el);
      panel.hidden = false;
      show(editForm, preset);
    },
    actions: {
      [`${key}-edit`]: (el) => sec.edit(find(el)),
      [`${key}-cancel`]: () => {
        panel.hidden = true;
        document.getElementById(`${key}-heading`).focus();
      },
      [`${key}-delete`]: async (el) => {
        const r = find(el);
        if (!await confirm({ title: `Delete this ${noun}?`, message: c.name(r), confirmLabel: `Delete ${noun}`, danger: true })) return;
        try {
          await api.del(c.item(r), { ifMatch: r });
          saved(key, `${cap(noun)} deleted.`);
        } catch (err) {
          announce([err.message, ...err.details.map((d) => d.problem)].join(' '), 'error');
        }
      },
    },
    changes: { [`${key}-sync`]: (el) => sync(editForm && el === editForm.el ? editForm : addForm) },
    forms: { [`${key}-add`]: () => submit(addForm, false), [`${key}-edit`]: () => submit(editForm, true) },
  };
  return sec;
}
