// views/caseload.js: the staff home page (#/?q=billy): the participants of
// the caller's scope (R-ACL-1), searchable by name, date of birth, last four
// and state ID, filtered by provider or "my participants" (the API's
// case_manager_id), paged with the API's keyset cursor. The API gives no
// total, so the line says how far the list goes and whether more follow.
import * as api from '../api.js';
import * as router from '../router.js';
import * as session from '../session.js';
import * as lookups from '../lookups.js';
import { h, scrollRegion } from '../dom.js';
import { state, pager, PAGE_SIZES } from '../pager.js';

const FILTERS = ['q', 'dob', 'ssn_last4', 'state_id', 'provider_id', 'mine'];

function input(name, label, value, attrs = {}) {
  return h('div', { class: 'toolbar-item' },
    h('label', { for: `cl-${name}` }, label),
    h('input', { id: `cl-${name}`, name, class: 'input input-auto', value: value || '', spellcheck: 'false', ...attrs }));
}

export default {
  async render({ query, path }) {
    const st = state(query, 10);
    const f = Object.fromEntries(FILTERS.map((k) => [k, (query.get(k) || '').trim()]));
    const me = session.session().user;
    const [page, providers] = await Promise.all([
      api.get(`/participants${api.query({
        q: f.q, dob: f.dob, ssn_last4: f.ssn_last4, state_id: f.state_id, provider_id: f.provider_id,
        case_manager_id: f.mine ? me.id : '', limit: st.limit, cursor: st.cursor,
      })}`),
      lookups.list('providers').catch(() => []),
    ]);
    const rows = page.items;
    const searched = FILTERS.some((k) => f[k]);
    const form = h('form', { class: 'toolbar toolbar-wrap', 'data-form': 'caseload-search', role: 'search', 'aria-label': 'Find participants' },
      input('q', 'Name', f.q, { type: 'search' }),
      input('dob', 'Date of birth', f.dob, { type: 'date' }),
      input('ssn_last4', 'SSN last four', f.ssn_last4, { inputmode: 'numeric', maxlength: '4', size: '5' }),
      input('state_id', 'State ID', f.state_id, { size: '10' }),
      h('div', { class: 'toolbar-item' },
        h('label', { for: 'cl-provider' }, 'Provider'),
        h('select', { id: 'cl-provider', name: 'provider_id', class: 'input input-auto' },
          h('option', { value: '' }, 'All providers'),
          providers.map((p) => h('option', { value: String(p.id), selected: String(p.id) === f.provider_id }, p.name)))),
      h('div', { class: 'toolbar-item check' },
        h('input', { id: 'cl-mine', name: 'mine', type: 'checkbox', class: 'checkbox', value: '1', checked: !!f.mine }),
        h('label', { for: 'cl-mine' }, 'Only my case load')),
      h('div', { class: 'toolbar-item' },
        h('label', { for: 'cl-limit' }, 'Show'),
        h('select', { id: 'cl-limit', name: 'limit', class: 'input input-auto' },
          PAGE_SIZES.map((n) => h('option', { value: String(n), selected: n === st.limit }, String(n)))),
        h('span', {}, 'entries')),
      h('button', { type: 'submit', class: 'button' }, 'Search'),
      searched ? h('a', { href: '#/participants', class: 'button button-secondary' }, 'Clear') : null);
    const table = rows.length
      ? scrollRegion('Participants (table)',
        h('table', { class: 'table' },
          h('caption', { class: 'visually-hidden' }, 'Participants'),
          h('thead', {}, h('tr', {}, ['Name', 'Date of birth', 'Last four', 'State ID', 'User name', 'City']
            .map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, rows.map((p) => h('tr', {},
            h('th', { scope: 'row' }, h('a', { href: `#/participants/${p.id}` }, `${p.last_name}, ${p.first_name}`)),
            h('td', {}, p.date_of_birth || ''),
            h('td', {}, p.ssn_last4 || ''),
            h('td', {}, p.state_id || ''),
            h('td', {}, p.username || ''),
            h('td', {}, p.city || ''))))))
      : h('p', { class: 'empty' }, searched ? 'No participant matches this search.' : 'No participants in your case load yet.');
    const params = Object.fromEntries(FILTERS.filter((k) => f[k]).map((k) => [k, f[k]]));
    return {
      title: 'Caseload',
      node: h('div', {},
        h('h1', {}, 'Caseload'),
        form,
        table,
        pager(path, params, page, st)),
      forms: {
        'caseload-search': (el) => {
          const next = {};
          for (const k of ['q', 'dob', 'ssn_last4', 'state_id', 'provider_id']) {
            const v = el.elements[k].value.trim();
            if (v) next[k] = v;
          }
          if (el.elements.mine.checked) next.mine = '1';
          next.limit = el.elements.limit.value;
          router.go(router.href(path, next));
        },
      },
    };
  },
};
