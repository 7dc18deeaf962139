// views/admin/record.js: what the create and edit screens of users and
// organisation records share: the body of a create, saving only the changed
// fields with If-Match, the stale-version path (412: show what changed,
// offer to reload), and the facts line under the heading.
import * as api from '../../api.js';
import { h } from '../../dom.js';
import { announce } from '../../announce.js';
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
