// views/caseload.js: #/participants?q=billy, the participants in the
// caller's scope (R-ACL-1): searched, filtered (statewide users pick any case
// manager), sorted by the column headers, keyset-paged with a capped total.
// With soft_exit=N: the soft-exit watch (R-EXIT-8), soonest first.
import * as api from '../api.js';
import * as router from '../router.js';
import * as session from '../session.js';
import * as lookups from '../lookups.js';
import { h, scrollRegion } from '../dom.js';
import { state, pager, PAGE_SIZES } from '../pager.js';

const FILTERS = ['q', 'dob', 'ssn_last4', 'state_id', 'provider_id', 'program_id', 'status', 'cm', 'mine', 'soft_exit'];
const STATUSES = [['referred', 'Referred'], ['enrolled', 'Enrolled'], ['exited', 'Exited'], ['not_enrolled', 'Not enrolled']];
const WATCH_DAYS = [7, 14, 30, 60];
const SORTS = { name: 'Name', dob: 'Date of birth' };

function item(id, label, control, cls = 'toolbar-item') {
  return h('div', { class: cls }, h('label', { for: `cl-${id}` }, label), control);
}

function input(name, label, value, attrs = {}) {
  return item(name, label, h('input', { id: `cl-${name}`, name, class: 'input input-auto', value: value || '', spellcheck: 'false', ...attrs }));
}

function select(name, label, value, first, choices) {
  return item(name, label, h('select', { id: `cl-${name}`, name, class: 'input input-auto' },
    h('option', { value: '' }, first),
    choices.map(([v, text]) => h('option', { value: String(v), selected: String(v) === value }, text))));
}

// A column header that sorts: a button in the th, aria-sort on the th.
function sortHeader(key, sort, link) {
  const on = sort.replace('-', '') === key;
  const desc = sort.startsWith('-');
  return h('th', { scope: 'col', 'aria-sort': on ? (desc ? 'descending' : 'ascending') : null },
    h('button', { type: 'button', class: 'link', 'data-action': 'sort', 'data-href': link(on && !desc ? `-${key}` : key) },
      SORTS[key], on ? h('span', { 'aria-hidden': 'true' }, desc ? ' ▼' : ' ▲') : null));
}

function table(caption, heads, rows) {
  return scrollRegion(`${caption} (table)`, h('table', { class: 'table' },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, heads.map((c) => (typeof c === 'string' ? h('th', { scope: 'col' }, c) : c)))),
    h('tbody', {}, rows)));
}

export default {
  async render({ query, path }) {
    const st = state(query, 10);
    const f = Object.fromEntries(FILTERS.map((k) => [k, (query.get(k) || '').trim()]));
    const sort = ['name', '-name', 'dob', '-dob'].includes(query.get('sort')) ? query.get('sort') : 'name';
    const me = session.session().user;
    const statewide = session.isStatewide();
    const cm = f.mine ? me.id : f.cm;
    const watch = f.soft_exit !== '';
    const list = watch
      ? api.get(`/soft-exit-watch${api.query({ days: f.soft_exit, case_manager_id: cm, limit: st.limit, cursor: st.cursor })}`)
      : api.get(`/participants${api.query({
        q: f.q, dob: f.dob, ssn_last4: f.ssn_last4, state_id: f.state_id, provider_id: f.provider_id,
        program_id: f.program_id, status: f.status, case_manager_id: cm, sort,
        count: st.cursor && !st.of ? 'true' : '', limit: st.limit, cursor: st.cursor,
      })}`);
    const [page, providers, programs, users, locations] = await Promise.all([
      list,
      lookups.byId('providers').catch(() => new Map()),
      api.getAll('/programs').catch(() => []),
      statewide ? api.get('/users?limit=500').then((p) => p.items, () => []) : [],
      watch ? lookups.list('locations').catch(() => []) : [],
    ]);
    const params = Object.fromEntries(FILTERS.filter((k) => f[k]).map((k) => [k, f[k]]));
    const searched = Object.keys(params).length > 0;
    const staff = users.filter((u) => u.active && u.role !== 'customer' && u.id !== me.id);
    const form = h('form', { class: 'toolbar toolbar-wrap', 'data-form': 'caseload-search', role: 'search', 'aria-label': 'Find participants' },
      input('q', 'Name', f.q, { type: 'search' }),
      input('dob', 'Date of birth', f.dob, { type: 'date' }),
      input('ssn_last4', 'SSN last four', f.ssn_last4, { inputmode: 'numeric', maxlength: '4', size: '5' }),
      input('state_id', 'State ID', f.state_id, { size: '10' }),
      select('provider_id', 'Provider', f.provider_id, 'All providers', [...providers.values()].map((p) => [p.id, p.name])),
      select('program_id', 'Program', f.program_id, 'All programs', programs.map((p) => [p.id, p.name])),
      select('status', 'Enrollment status', f.status, 'Any status', STATUSES),
      statewide
        ? select('cm', 'Case manager', f.mine ? String(me.id) : f.cm, 'Anyone', [[me.id, 'Only my case load'], ...staff.map((u) => [u.id, u.display_name])])
        : item('mine', 'Only my case load', h('input', { id: 'cl-mine', name: 'mine', type: 'checkbox', class: 'checkbox', value: '1', checked: !!f.mine }), 'toolbar-item check'),
      select('soft_exit', 'Approaching soft exit', f.soft_exit, 'Off (list participants)', WATCH_DAYS.map((d) => [d, `Within ${d} days`])),
      item('limit', 'Show', h('select', { id: 'cl-limit', name: 'limit', class: 'input input-auto' },
        PAGE_SIZES.map((n) => h('option', { value: String(n), selected: n === st.limit }, `${n} entries`)))),
      h('button', { type: 'submit', class: 'button' }, 'Search'),
      searched ? h('a', { href: '#/participants', class: 'button button-secondary' }, 'Clear') : null);
    const rows = page.items;
    let body;
    if (watch) {
      const where = new Map(locations.map((l) => [l.id, providers.get(l.provider_id)?.name || l.name]));
      body = rows.length
        ? table('Enrollments approaching their soft exit', ['Name', 'Program', 'Provider', 'Projected soft exit', 'Days left'],
          rows.map((w) => h('tr', {},
            h('th', { scope: 'row' }, h('a', { href: `#/participants/${w.participant_id}` }, w.participant_name)),
            h('td', {}, w.program_name || ''),
            h('td', {}, where.get(w.location_id) || ''),
            h('td', {}, w.projected_date || ''),
            h('td', {}, w.due ? 'Due' : String(w.days_left ?? '')))))
        : h('p', { class: 'empty' }, `No enrollment reaches its soft exit within ${f.soft_exit} days.`);
    } else {
      const link = (s) => router.href(path, { ...params, limit: st.limit, sort: s });
      body = rows.length
        ? table('Participants', [sortHeader('name', sort, link), sortHeader('dob', sort, link), 'Last four', 'State ID', 'User name', 'City'],
          rows.map((p) => h('tr', {},
            h('th', { scope: 'row' }, h('a', { href: `#/participants/${p.id}` }, `${p.last_name}, ${p.first_name}`)),
            h('td', {}, p.date_of_birth || ''),
            h('td', {}, p.ssn_last4 || ''),
            h('td', {}, p.state_id || ''),
            h('td', {}, p.username || ''),
            h('td', {}, p.city || ''))))
        : h('p', { class: 'empty' }, searched ? 'No participant matches this search.' : 'No participants in your case load yet.');
    }
    return {
      title: watch ? 'Soft-exit watch' : 'Caseload',
      node: h('div', {},
        h('div', { class: 'title-row' },
          h('h1', {}, 'Caseload'),
          watch ? null : h('a', { class: 'button button-secondary', href: router.href(path, { soft_exit: 14 }) }, 'Soft-exit watch')),
        form,
        watch ? h('h2', {}, `Approaching soft exit (within ${f.soft_exit} days)`) : null,
        body,
        pager(path, watch ? params : { ...params, sort }, page, st)),
      actions: {
        sort: (el) => router.go(el.dataset.href),
      },
      forms: {
        'caseload-search': (el) => {
          const next = {};
          for (const k of ['q', 'dob', 'ssn_last4', 'state_id', 'provider_id', 'program_id', 'status', 'cm', 'soft_exit']) {
            const v = el.elements[k]?.value.trim();
            if (v) next[k] = v;
          }
          if (next.cm === String(me.id) || el.elements.mine?.checked) {
            delete next.cm;
            next.mine = '1';
          }
          next.limit = el.elements.limit.value;
          if (!next.soft_exit) next.sort = sort;
          router.go(router.href(path, next));
        },
      },
    };
  },
};
