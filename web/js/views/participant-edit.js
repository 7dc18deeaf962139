// views/participant-edit.js: #/participants/new (with the first
// enrollment; a 409 lists possible duplicates) and #/participants/:id/edit.
import * as api from '../api.js';
import * as router from '../router.js';
import * as session from '../session.js';
import * as lookups from '../lookups.js';
import { h, replace, focus } from '../dom.js';
import { RecordForm } from '../form.js';
import { flash } from '../announce.js';
import { saveChanges, filled } from './admin/record.js';
import { fullName } from './participant/box.js';
import { exitFields } from './participant/exit-fields.js';

const opts = (s) => s.split(';').map((p) => ({ value: p.split('=')[0], label: p.split('=')[1] }));
// The same list as the exit's school status.
const SCHOOL = exitFields({ fields: ['school_status'] })[0].options;
// fcgi/rules/education.c, in its order.
const EDUCATION = opts('grade_8_or_less=8th grade or less;hs_freshman=H.S. freshman;hs_sophomore=H.S. sophomore;hs_junior=H.S. junior;'
  + 'hs_senior=H.S. senior;grade_12_no_diploma=12th grade, no diploma;iep_certificate=IEP certificate of completion;'
  + 'hs_equivalency=H.S. equivalency (GED);hs_diploma=H.S. diploma;some_postsecondary=Some postsecondary;'
  + 'postsecondary_certificate=Postsecondary vocational certificate;associate=Associate degree;bachelor=Bachelor\'s degree;'
  + 'beyond_bachelor=Beyond a bachelor\'s degree');
const EMPLOYMENT = opts('employed=Employed;employed_notice_of_termination=Employed, with notice of termination;'
  + 'not_in_labor_force=Not in the labor force;unemployed=Unemployed');

const f = (name, label, extra) => ({ name, label, ...extra });
const date = (name, label, extra) => f(name, label, { type: 'date', width: 'short', ...extra });
const pick = (n) => ({ type: 'select', options: n });

// [group heading, fields].
const PERSON = [
  ['Person', [f('first_name', 'First name', { required: true }), f('middle_name', 'Middle name'),
    f('last_name', 'Last name', { required: true }), date('date_of_birth', 'Date of birth', { required: true })]],
  ['Contact', [f('email', 'Email', { type: 'email' }), f('phone', 'Phone', { type: 'tel' }), f('address_line1', 'Address line 1'),
    f('address_line2', 'Address line 2'), f('city', 'City'), f('state', 'State', { width: 'short', hint: 'Two letters, such as IL.' }),
    f('zip', 'ZIP code', { width: 'short' })]],
  ['Identifiers', [f('ssn_last4', 'SSN last four', { width: 'short', inputmode: 'numeric', hint: 'Only the last four digits: a full SSN is refused.' }),
    f('state_id', 'State ID'), f('individual_number', 'Individual number'), f('username', 'User name')]],
  ['Education and employment', [f('school_status', 'School status', pick(SCHOOL)),
    f('highest_education', 'Highest education completed', pick(EDUCATION)),
    f('employment_status_at_entry', 'Employment status at entry', pick(EMPLOYMENT)), date('redetermination_date', 'Redetermination date')]],
];
const PERSON_FIELDS = PERSON.flatMap(([, x]) => x);

let programs = null;
let staff = null;
const officeStaff = new Map();
session.onChange(() => { programs = null; staff = null; officeStaff.clear(); });

function staffOf(location) {
  if (!officeStaff.has(location)) officeStaff.set(location, api.get(`/office-locations/${location}/staff`).then((r) => r.items, () => []));
  return officeStaff.get(location);
}

// Case manager choices: the user, known ([id, name]) and the staff of
// location (or the user's offices; a statewide user: every account).
export async function people(location, known = []) {
  const { user: me, scope } = session.session();
  const m = new Map([[me.id, `${me.display_name} (you)`], ...known.filter(([id]) => id && id !== me.id)]);
  const offices = location ? [location] : scope.all_records ? [] : scope.locations;
  let found = (await Promise.all(offices.map(staffOf))).flat();
  if (!offices.length && session.isStatewide()) {
    staff = staff || api.getAll('/users').catch(() => []);
    found = (await staff).filter((u) => u.active && u.role !== 'customer');
  }
  for (const u of found) if (!m.has(u.id)) m.set(u.id, u.display_name);
  return [...m].map(([value, label]) => ({ value, label }));
}

// POST .../enrollments; the office names the provider.
export async function enrollmentFields(known) {
  programs = programs || api.getAll('/programs');
  const { scope } = session.session();
  const [progs, offices, cms] = await Promise.all([programs, lookups.locationChoices({ activeOnly: true }), people(null, known)]);
  return [
    f('program_id', 'Program', { type: 'select', int: true, required: true, emptyLabel: 'Choose a program', options: progs.filter((p) => p.active).map((p) => ({ value: p.id, label: p.name })) }),
    f('location_id', 'Office location (provider)', { type: 'select', int: true, required: true, emptyLabel: 'Choose an office',
      options: offices.filter((o) => scope.all_records || scope.locations.includes(o.value)) }),
    f('status', 'Status', { ...pick(opts('enrolled=Enrolled;referred=Referred')), required: true }),
    date('application_date', 'Application date', { required: true }),
    date('participation_date', 'Enrollment (participation) date'),
    f('case_manager_id', 'Case manager', { ...pick(cms), int: true }),
    f('agency_code', 'Agency code', { width: 'short', hint: 'Where the region asks for one.' }),
  ];
}

export const today = () => new Date().toLocaleDateString('en-CA');

// "enrollment.x" (the API) is "x" (the form).
export function unprefix(err) {
  for (const d of err.details) if (d.field) d.field = d.field.replace(/^enrollment\./, '');
  return err;
}

export default {
  async render({ params }) {
    if (session.role() === 'customer') return { title: 'Not available', node: h('h1', {}, 'Not available for your role') };
    const path = `/participants/${params.id}`;
    const old = params.id && await api.get(path);
    const enr = old ? [] : await enrollmentFields();
    const title = old ? `Edit ${fullName(old)}` : 'Add a participant';
    const form = new RecordForm({ name: 'participant', noun: 'participant', fields: [...PERSON_FIELDS, ...enr], submitLabel: old ? 'Save changes' : 'Create participant',
      record: old || { status: 'enrolled', application_date: today(), participation_date: today(), case_manager_id: session.session().user.id },
      after: old ? [h('a', { href: `#${path}` }, 'Back to the profile')] : [] });
    for (const [head, x] of [...PERSON, ['First enrollment', enr]]) {
      if (x[0]) form.control(x[0].name).parentNode.before(h('h2', { class: 'form-group-title' }, head));
    }
    const dup = h('section', { class: 'conflict', tabindex: '-1', 'aria-labelledby': 'dup-title', hidden: true });
    form.el.prepend(dup);
    const save = async (confirmed) => {
      const v = form.values();
      const part = (fields) => filled(Object.fromEntries(fields.map((x) => [x.name, v[x.name]])));
      const body = part(PERSON_FIELDS);
      const e = part(enr);
      if (!session.isStatewide() || e.program_id || e.location_id) body.enrollment = e;
      body.confirm_duplicate = confirmed;
      const p = await form.submit(() => api.post('/participants', body).catch((err) => {
        if (err.code === 'possible_duplicate') return { dup: err.body.existing_ids };
        throw unprefix(err);
      }));
      if (p && p.dup) {
        const found = await Promise.all(p.dup.map((id) => api.get(`/participants/${id}`).catch(() => ({ id }))));
        replace(dup, h('h2', { id: 'dup-title', class: 'conflict-title' }, 'This person may already be in Pathway'),
          h('p', {}, 'Same name, date of birth and SSN last four. Open their record to enroll them, or, for someone else, go on.'),
          h('ul', {}, found.map((x) => h('li', {}, x.first_name
            ? h('a', { href: `#/participants/${x.id}` }, `${fullName(x)}, born ${x.date_of_birth} (${x.providers.join('; ')})`)
            : `Participant ${x.id}, served by an office you do not work for`))),
          h('button', { type: 'button', class: 'button button-secondary', 'data-action': 'confirm-dup' }, 'Create a new participant anyway'));
        dup.hidden = false;
        focus(dup);
      } else if (p) {
        flash(`${fullName(p)} added.`);
        router.go(`#/participants/${p.id}`);
      }
    };
    const done = () => { flash('Participant saved.'); router.go(`#${path}`); };
    return {
      title,
      node: h('div', {}, h('h1', {}, title), form.el),
      forms: { participant: () => (old ? saveChanges(form, path, { noun: 'participant', afterSave: done }) : save(false)) },
      actions: { 'confirm-dup': () => save(true) },
    };
  },
};
