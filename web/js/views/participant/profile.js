// views/participant/profile.js: #/participants/:id: profile box,
// enrollments (case managers), case notes (changed within 24 hours, then
// addenda) with documents. Only staff see the forms.
import * as api from '../../api.js';
import * as router from '../../router.js';
import * as session from '../../session.js';
import { h, replace, focus } from '../../dom.js';
import { when } from '../../format.js';
import { flash } from '../../announce.js';
import { RecordForm } from '../../form.js';
import { openDialog } from '../../dialog.js';
import { profileBox, tabs, breadcrumbs, fullName, enrollmentStatus } from './box.js';
import { enrollmentFields, people, unprefix, today } from '../participant-edit.js';
import { filled } from '../admin/record.js';

const KINDS = [{ value: 'primary', label: 'Case manager' }, { value: 'temporary', label: 'Temporary case manager' }];

function docLink(id) {
  return h('a', { href: `/api/v1/documents/${id}/content`, download: '' }, `Document ${id}`);
}

function button(label, action, id, aria) {
  return h('button', { type: 'button', class: 'button button-secondary button-small', 'data-action': action, 'data-id': String(id), 'aria-label': aria }, label);
}

function noteItem(n, canWrite) {
  return h('li', { class: 'note' },
    h('h3', { class: 'note-subject' }, n.subject),
    h('p', { class: 'note-meta' }, `${n.note_type === 'general' ? 'Note' : n.note_type === 'exit' ? 'Exit note' : 'Follow-up'} by ${n.author || 'unknown'}, ${when(n.created_at)}${n.locked ? ' (locked: add an addendum to change it)' : ` (can be changed until ${when(n.editable_until)})`}`),
    h('p', { class: 'note-body' }, n.body),
    (n.document_ids || []).length ? h('p', {}, 'Documents: ', n.document_ids.map((d, i) => [i ? ', ' : '', docLink(d)])) : null,
    (n.addenda || []).length ? h('ul', { class: 'addenda', 'aria-label': `Addenda to ${n.subject}` },
      n.addenda.map((a) => h('li', {}, h('p', { class: 'note-meta' }, `Addendum by ${a.author || 'unknown'}, ${when(a.created_at)}`), h('p', { class: 'note-body' }, a.body)))) : null,
    canWrite ? h('div', { class: 'form-actions' },
      n.locked ? null : button('Change', 'edit-note', n.id, `Change ${n.subject}`),
      button('Add an addendum', 'addendum', n.id, `Add an addendum to ${n.subject}`)) : null);
}

function enrollmentItem(e, pid, canWrite) {
  const name = `${e.program_name} at ${e.provider_name}`;
  return h('li', {},
    h('a', { href: `#/participants/${pid}/outcomes?enrollment=${e.id}` }, name),
    ` — ${enrollmentStatus(e)}; ${e.location_name}; applied ${e.application_date || ''}${e.participation_date ? `, enrolled ${e.participation_date}` : ''}; case manager ${e.case_manager_name || 'none'}${e.temporary_case_manager_name ? `, temporary ${e.temporary_case_manager_name}` : ''} `,
    canWrite ? button('Case manager', 'case-manager', e.id, `Case manager of ${name}`) : null);
}

// A dialog with form; send() saves it, then the profile is shown afresh.
function dialog(title, describe, form, send, done, opts = {}) {
  openDialog({
    title,
    describe,
    build: () => form.el,
    actions: opts.actions,
    forms: {
      [form.name]: (el, ev, close) => form.submit(async () => {
        await send();
        flash(done);
        close();
        router.dispatch();
      }, opts),
    },
  });
}

const text = (name, label, rows) => ({ name, label, required: true, type: rows ? 'textarea' : 'text', rows });

// body: the text to start from (a change refused as too late).
function addendum(id, body) {
  const form = new RecordForm({ name: 'addendum', submitLabel: 'Add addendum', record: { body }, fields: [text('body', 'Addendum', 4)] });
  dialog('Add an addendum', 'It goes below the note, which stays as it was.', form, () => api.post(`/case-notes/${id}/addenda`, form.values()), 'Addendum added.');
}

// A note changes within 24 hours (If-Match); after that (note_locked)
// what was typed can become an addendum.
async function editNote(id) {
  const path = `/case-notes/${id}`;
  const note = await api.get(path);
  const later = h('button', { type: 'button', class: 'button button-secondary', 'data-action': 'later', hidden: true }, 'Add it as an addendum');
  const form = new RecordForm({ name: 'note-edit', noun: 'case note', submitLabel: 'Save changes', record: note, after: [later],
    fields: [text('subject', 'Subject'), text('body', 'Note', 5)] });
  dialog(`Change ${note.subject}`, 'A note can be changed within 24 hours of being made.', form, () => api.patch(path, form.changes(), { ifMatch: form.record }).catch((err) => {
    if (err.code === 'note_locked') {
      later.hidden = false;
      err.details = [{ field: 'body', text: `${err.message} (The 24-hour rule for case notes.)` }];
    }
    throw err;
  }), 'Case note changed.', {
    onStale: async () => form.showConflict(await api.get(path)),
    actions: { later: (el, ev, close) => { close(); addendum(id, form.values().body); } },
  });
}

// The case manager dialog: who it is now, assign or remove, the history.
async function caseManagers(e) {
  const status = h('p', { role: 'status', class: 'dialog-status' });
  const box = h('div', {});
  const kind = (k) => KINDS.find((x) => x.value === k).label;
  let form;
  let changed = false;
  const fill = async (msg) => {
    const [cur, hist] = await Promise.all([api.get(`/enrollments/${e.id}`), api.get(`/enrollments/${e.id}/case-managers`)]);
    form = new RecordForm({ name: 'cm', submitLabel: 'Assign', fields: [
      { name: 'user_id', label: 'Person', type: 'select', int: true, required: true, emptyLabel: 'Choose a person',
        options: await people(cur.location_id, hist.items.map((a) => [a.user_id, a.display_name])) },
      { name: 'kind', label: 'As', type: 'select', required: true, options: KINDS }] });
    const now = (k, who) => h('li', {}, `${kind(k)}: ${who || 'none'} `, who ? button('Remove', 'cm-remove', k, `Remove the ${kind(k).toLowerCase()}`) : null);
    replace(box,
      h('ul', { class: 'plain-list' }, now('primary', cur.case_manager_name), now('temporary', cur.temporary_case_manager_name)),
      form.el,
      h('h3', { id: 'cm-history' }, 'History'),
      h('ul', { 'aria-labelledby': 'cm-history' }, hist.items.map((a) => h('li', {},
        `${a.display_name}, ${kind(a.kind).toLowerCase()}: ${when(a.assigned_at)} to ${a.removed_at ? when(a.removed_at) : 'now'}`))),
      h('button', { type: 'button', class: 'button button-secondary', 'data-action': 'dialog-cancel' }, 'Close'));
    status.textContent = msg || '';
    if (msg) focus(status);
  };
  const change = (send, msg) => form.submit(async () => {
    const saved = await send();
    changed = true;
    await fill(msg(saved));
  });
  await fill();
  await openDialog({
    title: `Case manager of ${e.program_name} at ${e.provider_name}`,
    describe: 'Both must work at the office of the enrollment.',
    build: () => h('div', {}, status, box),
    actions: {
      'cm-remove': (el) => change(() => api.del(`/enrollments/${e.id}/case-manager?kind=${el.dataset.id}`), () => `${kind(el.dataset.id)} removed.`),
    },
    forms: {
      cm: () => {
        const v = form.values();
        change(() => api.put(`/enrollments/${e.id}/case-manager`, v),
          (r) => `${r[v.kind === 'primary' ? 'case_manager_name' : 'temporary_case_manager_name']} assigned as ${kind(v.kind).toLowerCase()}.`);
      },
    },
  });
  if (changed) router.dispatch();
}

export default {
  async render({ params }) {
    const id = Number(params.id);
    const [p, notes] = await Promise.all([
      api.get(`/participants/${id}`),
      api.get(`/participants/${id}/case-notes?limit=50`),
    ]);
    const canWrite = session.role() !== 'customer';
    const enr = p.enrollments || [];
    const noteForm = new RecordForm({
      name: 'note',
      noun: 'case note',
      submitLabel: 'Add note',
      fields: [
        { name: 'enrollment_id', label: 'Enrollment', type: 'select', int: true, options: enr.map((e) => ({ value: e.id, label: `${e.program_name}, ${e.provider_name}` })) },
        text('subject', 'Subject'),
        text('body', 'Note', 4),
        { name: 'file', label: 'Document (optional)', type: 'file', hint: 'PDF, PNG, JPEG, TIFF, Word (DOCX) or plain text, up to 10 MB.' },
      ],
    });
    const enrollForm = canWrite ? new RecordForm({ name: 'enroll', noun: 'enrollment', submitLabel: 'Enroll',
      record: { status: 'enrolled', application_date: today(), participation_date: today() },
      fields: await enrollmentFields() }) : null;
    const name = fullName(p);
    return {
      title: name,
      node: h('div', {},
        breadcrumbs(p),
        h('div', { class: 'title-row' }, h('h1', {}, name),
          canWrite ? h('a', { href: `#/participants/${id}/edit`, class: 'button button-secondary' }, 'Edit profile') : null),
        tabs(id, 'profile'),
        profileBox(p),
        h('section', { 'aria-labelledby': 'enr-heading' },
          h('h2', { id: 'enr-heading' }, 'Enrollments'),
          enr.length ? h('ul', { class: 'plain-list' }, enr.map((e) => enrollmentItem(e, id, canWrite)))
            : h('p', {}, 'No enrollments you can see.'),
          canWrite ? h('details', { class: 'panel' }, h('summary', {}, 'Enroll in another program'), enrollForm.el) : null),
        h('section', { 'aria-labelledby': 'notes-heading' },
          h('h2', { id: 'notes-heading' }, 'Case notes'),
          canWrite ? h('details', { class: 'panel' }, h('summary', {}, 'Add a case note'), noteForm.el) : null,
          notes.items.length ? h('ul', { class: 'notes' }, notes.items.map((n) => noteItem(n, canWrite))) : h('p', { class: 'empty' }, 'No case notes yet.'))),
      actions: {
        addendum: (el) => addendum(el.dataset.id),
        'edit-note': (el) => editNote(el.dataset.id),
        'case-manager': (el) => caseManagers(enr.find((e) => String(e.id) === el.dataset.id)),
      },
      forms: {
        enroll: () => enrollForm.submit(async () => {
          const e = await api.post(`/participants/${id}/enrollments`, filled(enrollForm.values())).catch((err) => { throw unprefix(err); });
          flash(`Enrolled in ${e.program_name} at ${e.provider_name}.`);
          router.dispatch();
        }),
        note: (f) => noteForm.submit(async () => {
          const { file, ...v } = filled(noteForm.values());
          if (file) {
            const fd = new FormData();
            fd.append('participant_id', id);
            if (v.enrollment_id) fd.append('enrollment_id', v.enrollment_id);
            fd.append('file', f.elements.file.files[0]);
            v.document_ids = [(await api.upload('/documents', fd)).id];
          }
          await api.post(`/participants/${id}/case-notes`, v);
          flash('Case note added.');
          router.dispatch();
        }),
      },
    };
  },
};
