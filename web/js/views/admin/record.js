// views/admin/record.js: what the admin create and edit screens share:
// saving the changed fields with If-Match, the 412 path, the facts line.
import * as api from '../../api.js';
import { h } from '../../dom.js';
import { announce } from '../../announce.js';
import { confirm } from '../../dialog.js';
import { when } from '../../format.js';

// Saves form's changes to path. Resolves to the saved record, or null when
// nothing was changed or the save was refused (the form shows why).
export async function saveChanges(form, path, { noun, afterSave }) {
  const body = form.changes();
  if (!Object.keys(body).length) {
    announce('Nothing to save: no field was changed.', 'info');
    return null;
  }
  const saved = await form.submit(() => api.patch(path, body, { ifMatch: form.record }), {
    onStale: () => showStale(form, path, noun),
  });
  if (saved) {
    form.setRecord(saved);
    announce(`Saved. This ${noun} is now at version ${saved.version}.`);
    if (afterSave) afterSave(saved);
  }
  return saved || null;
}

// A 412: load the record as it is now and let the form show the difference.
export async function showStale(form, path, noun) {
  const current = await api.get(path);
  form.showConflict(current, { label: noun });
  announce(`Not saved: someone else changed this ${noun} meanwhile.`, 'error');
}

// The retire / disable button: ask(retiring) gives the confirm dialog's
// words; done(saved, retiring) runs after the PATCH of active.
export async function toggleActive(form, path, noun, ask, done) {
  const on = form.record.active;
  if (!(await confirm({ ...ask(on), danger: on }))) return;
  try {
    const saved = await api.patch(path, { active: !on }, { ifMatch: form.record });
    form.record = saved;
    done(saved, on);
  } catch (err) {
    if (err.status === 412) await showStale(form, path, noun);
    else if (err.status !== 401) announce(err.message, 'error');
  }
}

// "Version 3 · created … · last changed …".
export function facts(record) {
  return h('p', { class: 'muted record-facts' },
    `Version ${record.version} · created ${when(record.created_at)} · last changed ${when(record.updated_at)}`);
}

// The body of a create: the fields that have a value (the API fills in
// defaults for the rest).
export function filled(values) {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && !(Array.isArray(v) && !v.length)));
}

export function capital(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
