// views/admin/users.js: the accounts list (#/admin/users?q=lee&limit=25),
// searchable by the start of the login or the name (the API's q=).
import * as api from '../../api.js';
import * as router from '../../router.js';
import * as lookups from '../../lookups.js';
import { h } from '../../dom.js';
import { state, pager } from '../../pager.js';
import { roleLabel } from '../../format.js';
import { adminHeader } from './nav.js';
import { listOptions, table, status } from './table.js';

export default {
  async render({ query, path }) {
    const st = state(query, 25);
    const q = (query.get('q') || '').trim();
    const [page, locations] = await Promise.all([
      api.get(`/users${api.query({ q, limit: st.limit, cursor: st.cursor })}`),
      lookups.locationChoices(),
    ]);
    const locationName = new Map(locations.map((l) => [l.value, l.label]));
    const columns = [
      { label: 'Login', cell: (u) => h('a', { href: `#/admin/users/${u.id}` }, u.login) },
      { label: 'Name', cell: (u) => u.display_name },
      { label: 'Role', cell: (u) => roleLabel(u.role) },
      { label: 'Office locations', cell: (u) => (u.role === 'statewide' ? 'All (statewide)' : u.location_ids.map((id) => locationName.get(id) || id).join('; ')) },
      { label: 'Authenticator', cell: (u) => (u.totp_enabled ? 'Set up' : 'Not set up') },
      { label: 'Status', cell: (u) => status(u.active, ['Active', 'Disabled']) },
    ];
    return {
      title: q ? `Users matching ${q}` : 'Users',
      node: h('div', {},
        adminHeader('users', [['Users']]),
        h('div', { class: 'title-row' },
          h('h1', {}, 'Users'),
          h('a', { class: 'button', href: '#/admin/users/new' }, 'Add a user')),
        listOptions({ limit: st.limit, search: { label: 'Search by login or name', value: q } }),
        table({
          caption: 'Users',
          columns,
          rows: page.items,
          empty: q ? `No login or name starts with “${q}”.` : 'No users yet.',
        }),
        pager(path, { q }, page, st)),
      forms: {
        'list-options': (form) => router.go(router.href(path, {
          q: form.elements.q.value.trim(), limit: form.elements.limit.value,
        })),
      },
    };
  },
};
