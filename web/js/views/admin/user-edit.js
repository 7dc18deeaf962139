// views/admin/user-edit.js: an account: details, a new password, disable
// or enable, and its history (with sign-ins).
import * as api from '../../api.js';
import { h, replace, focus } from '../../dom.js';
import { RecordForm } from '../../form.js';
import { announce } from '../../announce.js';
import { openDialog } from '../../dialog.js';
import { auditPanel } from '../../audit.js';
import { roleLabel } from '../../format.js';
import { notFound } from '../problem.js';
import { adminHeader } from './nav.js';
import { status } from './table.js';
import { userFields, USER_LABELS } from './user-fields.js';
import { saveChanges, toggleActive, facts } from './record.js';

// The "Set a new password" dialog. Resolves true once the password is set.
function setPassword(user) {
  const form = new RecordForm({
    name: 'password',
    submitLabel: 'Set password',
    fields: [{ name: 'password', label: 'New password', type: 'password', required: true, autocomplete: 'new-password',
      hint: 'At least 12 characters, not the login, not a common password.' }],
    after: [h('button', { type: 'button', class: 'button button-secondary', 'data-action': 'dialog-cancel' }, 'Cancel')],
  });
  return openDialog({
    title: `Set a new password for ${user.login}`,
    describe: 'Their current sessions end at once; they sign in again with the new password.',
    build: () => form.el,
    forms: {
      password: (el, event, close) => form.submit(async () => {
        await api.put(`/users/${user.id}/password`, { password: form.value(form.field('password')) || '' });
        close(true);
      }),
    },
  });
}

export default {
  async render({ params }) {
    if (!/^[1-9][0-9]*$/.test(params.id)) return notFound.render();
    const path = `/users/${params.id}`;
    const user = await api.get(path);
    const form = new RecordForm({ name: 'user', noun: 'account', fields: await userFields({ user }), record: user, submitLabel: 'Save changes' });
    const heading = h('h1', {});
    const badge = h('span', {});
    const factsLine = h('div', {});
    const accessBox = h('section', { class: 'panel', 'aria-labelledby': 'access-heading' });
    const history = h('div', {});

    function refresh(u) {
      replace(heading, `${u.display_name} (${u.login})`);
      replace(badge, status(u.active, ['Active', 'Disabled']));
      replace(factsLine, facts(u), h('p', { class: 'muted' },
        `${roleLabel(u.role)} · authenticator app ${u.totp_enabled ? 'set up' : 'not set up'}`));
      replace(accessBox,
        h('h2', { id: 'access-heading' }, 'Sign-in'),
        h('p', {}, u.active
          ? 'Setting a password or disabling the account ends its sessions at once.'
          : 'This account is disabled: it cannot sign in.'),
        h('div', { class: 'form-actions' },
          h('button', { type: 'button', class: 'button button-secondary', 'data-action': 'set-password' }, 'Set a new password'),
          h('button', { type: 'button', class: u.active ? 'button button-danger' : 'button', 'data-action': 'toggle-active' },
            u.active ? 'Disable account' : 'Enable account')));
      replace(history, auditPanel('user', u.id, USER_LABELS));
    }
    refresh(user);

    return {
      title: `User ${user.login}`,
      node: h('div', {},
        adminHeader('users', [['Users', '#/admin/users'], [user.login]]),
        h('div', { class: 'title-row' }, heading, badge),
        factsLine,
        h('section', { class: 'panel', 'aria-labelledby': 'edit-heading' },
          h('h2', { id: 'edit-heading' }, 'Details'), form.el),
        accessBox,
        history),
      forms: {
        user: () => saveChanges(form, path, { noun: 'account', afterSave: refresh }),
      },
      actions: {
        'set-password': async () => {
          if (await setPassword(form.record)) {
            // A new password is a new version: take it (not stale).
            const fresh = await api.get(path);
            form.record = fresh;
            refresh(fresh);
            // refresh() replaced the button the dialog gave focus back to.
            focus(accessBox.querySelector('[data-action="set-password"]'));
            announce(`New password set for ${fresh.login}. Their sessions have ended.`);
          }
        },
        'toggle-active': () => toggleActive(form, path, 'account', (disabling) => ({
          title: `${disabling ? 'Disable' : 'Enable'} ${form.record.login}?`,
          message: disabling
            ? 'They are signed out at once and cannot sign in until the account is enabled again. Their records stay.'
            : 'They can sign in again with their password.',
          confirmLabel: `${disabling ? 'Disable' : 'Enable'} account`,
        }), (saved, disabling) => {
          refresh(saved);
          focus(accessBox.querySelector('[data-action="toggle-active"]'));
          announce(`Account ${saved.login} ${disabling ? 'disabled' : 'enabled'}.`);
        }),
      },
    };
  },
};
