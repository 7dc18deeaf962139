// views/admin/nav.js: what every admin screen has at the top: the trail back
// up ("Admin › Providers › Asian Human Services") and the row of admin
// sections, with the current one marked for screen readers too.
import { h } from '../../dom.js';

export const SECTIONS = [
  { key: 'users', label: 'Users', blurb: 'Staff and participant accounts: roles, office locations, passwords, disabling.' },
  { key: 'providers', label: 'Providers', blurb: 'Partner organisations and their agency codes.' },
  { key: 'office-locations', label: 'Office locations', blurb: 'Offices of each provider, in their LWIA / region. Staff see the participants of theirs.' },
  { key: 'regions', label: 'LWIA / Regions', blurb: 'Local workforce areas, and whether credentials there need an agency code.' },
  { key: 'staff-positions', label: 'Staff positions', blurb: 'Positions staff hold, shown on exits and case notes.' },
];

// crumbs: [[label, href], ..., [label]] (the last is the current page).
export function adminHeader(current, crumbs = []) {
  const trail = [['Admin', '#/admin'], ...crumbs];
  return h('div', { class: 'admin-header' },
    h('nav', { 'aria-label': 'Breadcrumb', class: 'breadcrumbs' },
      h('ol', {}, trail.map(([label, target], i) => h('li', {},
        target && i < trail.length - 1 ? h('a', { href: target }, label) : h('span', { 'aria-current': 'page' }, label))))),
    h('nav', { 'aria-label': 'Admin sections', class: 'tabs' },
      h('ul', {}, SECTIONS.map((s) => h('li', {},
        h('a', { href: `#/admin/${s.key}`, 'aria-current': s.key === current ? 'page' : null }, s.label))))));
}
