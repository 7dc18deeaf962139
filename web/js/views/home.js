// views/home.js: #/ (the caseload for staff, My Dashboard for a customer)
// and #/account (who, two-step sign-in, session, scope: R-ACL-1).
import * as session from '../session.js';
import * as lookups from '../lookups.js';
import { h } from '../dom.js';
import { when, time } from '../format.js';
import caseload from './caseload.js';
import dashboard from './dashboard.js';

function row(term, ...detail) {
  return [h('dt', {}, term), h('dd', {}, ...detail)];
}

async function scopeText(s) {
  if (s.scope.all_records) return [h('p', {}, 'Every participant and record in the state.')];
  if (s.scope.participant_id) return [h('p', {}, 'Your own record only (read-only).')];
  if (!s.scope.locations.length) {
    return [h('p', {}, 'No office locations are assigned to your account yet, so you see no participants. Ask your statewide administrator to assign yours.')];
  }
  const choices = await lookups.locationChoices();
  const names = new Map(choices.map((c) => [c.value, c.label]));
  return [
    h('p', {}, 'Participants served at these office locations:'),
    h('ul', { class: 'plain-list' }, s.scope.locations.map((id) => h('li', {}, names.get(id) || `Office location ${id}`))),
  ];
}

export default {
  render(ctx) {
    return (session.role() === 'customer' ? dashboard : caseload).render(ctx);
  },
};

export const account = {
  async render() {
    const s = session.session();
    const minutes = Math.round((s.idle_timeout_seconds || 0) / 60);
    const twoStep = s.user.totp_enabled
      ? h('p', {}, 'On: you sign in with a code from your authenticator app.')
      : [h('p', {}, 'Off: you sign in with your password only.'),
        h('p', {}, h('a', { href: '#/account/authenticator', class: 'button button-secondary' }, 'Set up an authenticator app'))];
    const node = h('div', {},
      h('h1', {}, 'Your account'),
      h('div', { class: 'cards' },
        h('section', { class: 'panel', 'aria-labelledby': 'you-heading' },
          h('h2', { id: 'you-heading' }, 'Details'),
          h('dl', { class: 'facts' },
            row('Name', s.user.display_name),
            row('Login', s.user.login),
            row('Role', s.user.role_label),
            row('Email', s.user.email || 'Not given'),
            row('Two-step sign-in', twoStep),
            row('Session', `Ends at ${time(s.expires_at)} (${when(s.expires_at)}) at the latest, or after ${minutes} minutes without activity.`))),
        h('section', { class: 'panel', 'aria-labelledby': 'scope-heading' },
          h('h2', { id: 'scope-heading' }, 'What you can see'),
          ...(await scopeText(s)))));
    return { title: 'Your account', node };
  },
};
