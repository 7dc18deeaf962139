// header.js: the signed-in header: the main menu (Admin only for statewide
// users) and who is signed in, with their role and a sign-out button. The
// menu marks the current section with aria-current.
import { h, replace } from './dom.js';
import * as session from './session.js';

let lastSection = 'home';

// Which menu entry a route path belongs to.
export function currentSection(path) {
  if (path.startsWith('/admin')) return 'admin';
  if (path.startsWith('/account')) return 'account';
  if (path.startsWith('/participants')) return 'caseload';
  if (path.startsWith('/my')) return 'my';
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
    link('home', '#/', 'Home'),
    s.scope.participant_id ? link('my', '#/my', 'My Dashboard') : link('caseload', '#/participants', 'Caseload'),
    session.isStatewide() ? link('admin', '#/admin', 'Admin') : null));
  nav.hidden = false;
  replace(account,
    h('p', { class: 'account-who' },
      h('span', { class: 'account-name' }, s.user.display_name),
      h('span', { class: 'account-role' }, s.user.role_label)),
    h('button', { type: 'button', class: 'button button-header', 'data-frame': 'sign-out' }, 'Sign out'));
}
