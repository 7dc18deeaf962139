// views/participant/credentials.js: the Outcomes tab's Credentials section
// (R-CRED-1): the credentials of the enrollment and a form to add one. The
// last allowed date (one year after the exit, CalJOBS' "Maximum date to
// record after exit") shows beside the date; a date outside the window is
// refused by the API with a sentence shown beside the date field.
import * as api from '../../api.js';
import { h } from '../../dom.js';
import { RecordForm } from '../../form.js';

const opts = (rows) => rows.map(([value, label]) => ({ value, label }));
const TYPES = opts([['secondary_diploma', 'Secondary school diploma or equivalent'], ['aa_as', 'AA or AS degree'], ['ba_bs', 'BA or BS degree'], ['graduate', 'Graduate degree'],
  ['occupational_license', 'Occupational licensure'], ['occupational_certificate', 'Occupational certificate'], ['occupational_certification', 'Occupational certification'], ['other', 'Other recognized credential']]);
const SOURCES = opts([['copy_of_credential', 'Copy of credential'], ['copy_of_diploma', 'Copy of diploma'], ['copy_of_certificate', 'Copy of certificate'], ['copy_of_degree', 'Copy of degree'],
  ['copy_of_graduation_list', 'Copy of graduation list'], ['written_verification_of_transcript', 'Written verification of transcript']]);

export async function credentialsSection(enrollmentId, canWrite) {
  const list = await api.get(`/enrollments/${enrollmentId}/credentials?limit=200`);
  const last = list.last_allowed_date || (list.items[0] && list.items[0].last_allowed_date) || null;
  const form = canWrite ? new RecordForm({
    name: 'credential',
    noun: 'credential',
    submitLabel: 'Add credential',
    fields: [
      { name: 'title', label: 'Credential title', required: true, maxlength: 255 },
      { name: 'type', label: 'Credential type', type: 'select', required: true, emptyLabel: 'Choose a type', options: TYPES },
      { name: 'other_credential', label: 'Other credential (for "Other")', maxlength: 255 },
      { name: 'source', label: 'Verification source', type: 'select', required: true, emptyLabel: 'Choose a source', options: SOURCES },
      { name: 'institution', label: 'Institution', required: true, maxlength: 255 },
      { name: 'date_attained', label: 'Date attained', type: 'date', required: true,
        hint: last ? `On or after the participation date and no later than ${last}, the last date allowed after the exit.` : 'On or after the participation date, not in the future.' },
      { name: 'agency_code', label: 'Agency code', maxlength: 32 },
    ],
  }) : null;
  const node = h('div', {},
    list.items.length
      ? h('ul', { class: 'plain-list' }, list.items.map((c) => h('li', {}, `${c.title} (${c.type_label || c.type}), ${c.institution}, attained ${c.date_attained}`)))
      : h('p', {}, 'No credentials yet.'),
    h('p', {}, last ? `Last allowed date: ${last}.` : 'Last allowed date: one year after the exit (not exited yet).'),
    form ? h('details', { class: 'no-print' }, h('summary', {}, 'Add a credential'), form.el) : null);
  const submit = async (done) => {
    const v = Object.fromEntries(Object.entries(form.values()).filter(([, x]) => x !== null));
    try {
      await api.post(`/enrollments/${enrollmentId}/credentials`, v);
      done(`Credential “${v.title}” added.`);
    } catch (err) { form.showErrors(err); }
  };
  return { node, submit };
}
