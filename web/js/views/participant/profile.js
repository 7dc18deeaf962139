// views/participant/profile.js: #/participants/:id, the profile box, the
// enrollments, and the case notes with their addenda and documents (add a
// note with a document, add an addendum, download a document).
import * as api from '../../api.js';
import * as router from '../../router.js';
import { h } from '../../dom.js';
import { when } from '../../format.js';
import { flash } from '../../announce.js';
import { RecordForm } from '../../form.js';
import { profileBox, tabs, breadcrumbs, fullName, enrollmentStatus } from './box.js';

function docLink(id) {
  return h('a', { href: `/api/v1/documents/${id}/content`, download: '' }, `Document ${id}`);
}

function noteItem(n, canWrite) {
  return h('li', { class: 'note' },
    h('h3', { class: 'note-subject' }, n.subject),
    h('p', { class: 'note-meta' }, `${n.note_type === 'general' ? 'Note' : n.note_type === 'exit' ? 'Exit note' : 'Follow-up'} by ${n.author || 'unknown'}, ${when(n.created_at)}${n.locked ? ' (locked: add an addendum to change it)' : ''}`),
    h('p', { class: 'note-body' }, n.body),
    (n.document_ids || []).length ? h('p', {}, 'Documents: ', n.document_ids.map((d, i) => [i ? ', ' : '', docLink(d)])) : null,
    (n.addenda || []).length ? h('ul', { class: 'addenda', 'aria-label': `Addenda to ${n.subject}` },
      n.addenda.map((a) => h('li', {}, h('p', { class: 'note-meta' }, `Addendum by ${a.author || 'unknown'}, ${when(a.created_at)}`), h('p', { class: 'note-body' }, a.body)))) : null,
    canWrite ? h('button', { type: 'button', class: 'button button-secondary button-small', 'data-action': 'addendum', 'data-id': String(n.id), 'aria-label': `Add an addendum to ${n.subject}` }, 'Add an addendum') : null);
}

export default {
  async render({ params }) {
    const id = Number(params.id);
    const [p, notes] = await Promise.all([
      api.get(`/participants/${id}`),
      api.get(`/participants/${id}/case-notes?limit=50`),
    ]);
    const canWrite = true;
    const enr = p.enrollments || [];
    const noteForm = new RecordForm({
      name: 'note',
      noun: 'case note',
      submitLabel: 'Add note',
      fields: [
        { name: 'enrollment_id', label: 'Enrollment', type: 'select', int: true, options: enr.map((e) => ({ value: e.id, label: `${e.program_name}, ${e.provider_name}` })) },
        { name: 'subject', label: 'Subject', required: true, maxlength: 190 },
        { name: 'body', label: 'Note', type: 'textarea', required: true, rows: 4 },
        { name: 'file', label: 'Document (optional)', type: 'file', hint: 'PDF, PNG, JPEG, TIFF, Word (DOCX) or plain text, up to 10 MB.' },
      ],
    });
    const addForm = h('details', { class: 'panel' }, h('summary', {}, 'Add a case note'), noteForm.el);
    const name = fullName(p);
    return {
      title: name,
      node: h('div', {},
        breadcrumbs(p),
        h('h1', {}, name),
        tabs(id, 'profile'),
        profileBox(p),
        h('section', { 'aria-labelledby': 'enr-heading' },
          h('h2', { id: 'enr-heading' }, 'Enrollments'),
          enr.length ? h('ul', { class: 'plain-list' }, enr.map((e) => h('li', {},
            h('a', { href: `#/participants/${id}/outcomes?enrollment=${e.id}` }, `${e.program_name} at ${e.provider_name}`),
            ` — ${enrollmentStatus(e)}; applied ${e.application_date || ''}; case manager ${e.case_manager_name || 'none'}`)))
            : h('p', {}, 'No enrollments you can see.')),
        h('section', { 'aria-labelledby': 'notes-heading' },
          h('h2', { id: 'notes-heading' }, 'Case notes'),
          addForm,
          notes.items.length ? h('ul', { class: 'notes' }, notes.items.map((n) => noteItem(n, canWrite))) : h('p', { class: 'empty' }, 'No case notes yet.'))),
      actions: {
        addendum: async (el) => {
          const { openDialog } = await import('../../dialog.js');
          const form = new RecordForm({ name: 'addendum', noun: 'addendum', submitLabel: 'Add addendum', fields: [{ name: 'body', label: 'Addendum', type: 'textarea', required: true, rows: 4 }] });
          openDialog({
            title: 'Add an addendum',
            build: () => form.el,
            forms: {
              addendum: async (f, ev, close) => {
                try {
                  await api.post(`/case-notes/${el.dataset.id}/addenda`, { body: form.values().body });
                  flash('Addendum added.');
                  close();
                  router.dispatch();
                } catch (err) { form.showErrors(err); }
              },
            },
          });
        },
      },
      forms: {
        note: async (f) => {
          const v = noteForm.values();
          const file = f.elements.file && f.elements.file.files[0];
          try {
            const body = { subject: v.subject, body: v.body };
            if (v.enrollment_id) body.enrollment_id = v.enrollment_id;
            if (file) {
              const fd = new FormData();
              fd.append('participant_id', String(id));
              if (v.enrollment_id) fd.append('enrollment_id', String(v.enrollment_id));
              fd.append('file', file, file.name);
              const doc = await api.upload('/documents', fd);
              body.document_ids = [doc.id];
            }
            await api.post(`/participants/${id}/case-notes`, body);
            flash('Case note added.');
            router.dispatch();
          } catch (err) { noteForm.showErrors(err); }
        },
      },
    };
  },
};
