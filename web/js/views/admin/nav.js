// views/admin/nav.js: the top of every admin screen: the breadcrumb trail
// and the sections (a program manager's: only program profiles).
import { h } from '../../dom.js';
import { isStatewide } from '../../session.js';

export const SECTIONS = [
  { key: 'users', label: 'Users', blurb: 'Staff and participant accounts: roles, office locations, passwords, disabling.' },
  { key: 'providers', label: 'Providers', blurb: 'Partner organisations and their agency codes.' },
  { key: 'office-locations', label: 'Office locations', blurb: 'Offices of each provider, in their LWIA / region. Staff see the participants of theirs.' },
  { key: 'regions', label: 'LWIA / Regions', blurb: 'Local workforce areas, and whether credentials there need an agency code.' },
  { key: 'staff-positions', label: 'Staff positions', blurb: 'Positions staff hold, shown on exits and case notes.' },
  { key: 'programs', label: 'Program profiles', blurb: 'What each program asks for: exit checklist, summary, exit reasons, service types, trackers.' },
];

// crumbs: [[label, href], ..., [label]] (the last is the current page).
export function adminHeader(current, crumbs = []) {
  const all = isStatewide();
  const trail = all ? [['Admin', '#/admin'], ...crumbs] : crumbs;
  return h('div', { class: 'admin-header' },
    h('nav', { 'aria-label': 'Breadcrumb', class: 'breadcrumbs' },
      h('ol', {}, trail.map(([label, target], i) => h('li', {},
        target && i < trail.length - 1 ? h('a', { href: target }, label) : h('span', { 'aria-current': 'page' }, label))))),
    h('nav', { 'aria-label': 'Admin sections', class: 'tabs' },
      h('ul', {}, SECTIONS.filter((s) => all || s.key === 'programs').map((s) => h('li', {},
        h('a', { href: `#/admin/${s.key}`, 'aria-current': s.key === current ? 'page' : null }, s.label))))));
}
