// views/participant/box.js: the profile box and the Profile / Outcomes
// tabs that start every participant screen.
import { h } from '../../dom.js';

function fact(term, value) {
  return [h('dt', {}, term), h('dd', {}, value === null || value === undefined || value === '' ? 'Not given' : String(value))];
}

export function fullName(p) {
  return [p.first_name, p.middle_name, p.last_name].filter(Boolean).join(' ');
}

// The ISETS profile facts, with the first enrollment date, and the
// programs and offices of the enrollments shown.
export function profileBox(p) {
  const enr = p.enrollments || [];
  const dates = enr.map((e) => e.participation_date || e.application_date).filter(Boolean).sort();
  const offices = [...new Set(enr.map((e) => e.location_name).filter(Boolean))];
  return h('section', { class: 'panel profile-box', 'aria-labelledby': 'profile-box-heading' },
    h('h2', { id: 'profile-box-heading', class: 'visually-hidden' }, 'Profile'),
    h('dl', { class: 'facts facts-2' },
      fact('Name', fullName(p)),
      fact('Email', p.email),
      fact('Date of birth', p.date_of_birth),
      fact('User name', p.username),
      fact('SSN last four', p.ssn_last4),
      fact('State ID', p.state_id),
      fact('Individual number', p.individual_number),
      fact('Phone', p.phone),
      fact('Redetermination date', p.redetermination_date),
      fact('Enrollment date', dates[0]),
      fact('Programs', [...new Set(enr.map((e) => e.program_name))].join('; ')),
      fact('Providers', (p.providers || []).join('; ')),
      fact('Office', offices.join('; '))));
}

export function tabs(id, current) {
  const tab = (key, label, href) => h('li', {}, h('a', { href, 'aria-current': key === current ? 'page' : null }, label));
  return h('nav', { class: 'tabs participant-tabs', 'aria-label': 'Participant sections' },
    h('ul', {}, tab('profile', 'Profile', `#/participants/${id}`), tab('outcomes', 'Outcomes', `#/participants/${id}/outcomes`)));
}

export function breadcrumbs(p) {
  return h('nav', { class: 'breadcrumbs', 'aria-label': 'Breadcrumb' },
    h('ol', {}, h('li', {}, h('a', { href: '#/' }, 'Caseload')), h('li', {}, fullName(p))));
}

// "Enrolled", "Exited 2024-01-31 (Regular exit)".
export function enrollmentStatus(e) {
  if (e.exit_date) return `${e.status_label || e.status} ${e.exit_date}${e.exit_kind ? ` (${e.exit_kind})` : ''}`;
  return e.status_label || e.status;
}
