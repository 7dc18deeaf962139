// header.js: the signed-in header: the main menu (by role; the current
// section marked with aria-current), who is signed in, and Sign out.
import { h, replace } from './dom.js';
import * as session from './session.js';

let lastSection = 'home';

// Which menu entry a route path belongs to.
export function currentSection(path) {
  if (path.startsWith('/admin')) return 'admin';
  if (path.startsWith('/account')) return 'account';
  if (path === '/participants/new') return 'new';
  return 'home';
}

function link(section, target, label) {
  return h('li', {}, h('a', { href: target, 'aria-current': section === lastSection ? 'page' : null }, label));
}

// s: the session (or null); section: see currentSection.
export function renderHeader(s, section = lastSection) {
  lastSection = section;
  const nav = document.getElementById('site-nav');
  const account = document.getElementById('account');
  if (!nav || !account) return;
  if (!s || s.stage !== 'full') {
    nav.hidden = true;
    replace(nav);
    replace(account);
    return;
  }
  replace(nav, h('ul', { class: 'nav-list' },
    link('home', '#/', s.scope.participant_id ? 'My Dashboard' : 'Caseload'),
    s.scope.participant_id ? null : link('new', '#/participants/new', 'Add participant'),
    link('account', '#/account', 'Your account'),
    // Program managers edit program profiles (R-ACL-2), nothing else there.
    session.isStatewide() ? link('admin', '#/admin', 'Admin')
      : session.role() === 'program_manager' ? link('admin', '#/admin/programs', 'Admin') : null));
  nav.hidden = false;
  replace(account,
    h('p', { class: 'account-who' },
      h('span', { class: 'account-name' }, s.user.display_name),
      h('span', { class: 'account-role' }, s.user.role_label)),
    h('button', { type: 'button', class: 'button button-header', 'data-frame': 'sign-out' }, 'Sign out'));
}
