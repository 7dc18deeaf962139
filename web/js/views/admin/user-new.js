// views/admin/user-new.js: creating an account with its first password.
import * as api from '../../api.js';
import * as router from '../../router.js';
import { h } from '../../dom.js';
import { RecordForm } from '../../form.js';
import { flash } from '../../announce.js';
import { adminHeader } from './nav.js';
import { userFields } from './user-fields.js';
import { filled } from './record.js';

export default {
  async render() {
    const form = new RecordForm({
      name: 'user',
      noun: 'account',
      fields: await userFields({ creating: true }),
      submitLabel: 'Create account',
      after: [h('a', { href: '#/admin/users', class: 'button button-secondary' }, 'Cancel')],
    });
    return {
      title: 'Add a user',
      node: h('div', {},
        adminHeader('users', [['Users', '#/admin/users'], ['Add a user']]),
        h('h1', {}, 'Add a user'),
        form.el),
      forms: {
        user: () => form.submit(async () => {
          const created = await api.post('/users', filled(form.values()));
          flash(`Account “${created.login}” created. Give them their password; statewide users and program managers set up an authenticator app at their first sign-in.`);
          router.go(`#/admin/users/${created.id}`);
        }),
      },
    };
  },
};
