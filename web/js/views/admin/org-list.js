// views/admin/org-list.js: the list screen of one organisation resource
// (#/admin/providers and the others of org-kinds.js).
import * as api from '../../api.js';
import * as router from '../../router.js';
import * as lookups from '../../lookups.js';
import { h } from '../../dom.js';
import { state, pager } from '../../pager.js';
import { notFound } from '../problem.js';
import { kindOf } from './org-kinds.js';
import { adminHeader } from './nav.js';
import { listOptions, table, status } from './table.js';

export default {
  async render({ params, query, path }) {
    const kind = kindOf(params.kind);
    if (!kind) return notFound.render();
    const st = state(query, 25);
    const [page, providers, regions] = await Promise.all([
      api.get(kind.api + api.query({ limit: st.limit, cursor: st.cursor })),
      kind.key === 'office-locations' ? lookups.byId('providers') : null,
      kind.key === 'office-locations' ? lookups.byId('regions') : null,
    ]);
    const name = (map, id) => (map && map.get(id) ? map.get(id).name : String(id ?? ''));
    const cellOf = (key, r) => {
      if (key === 'provider_id') return name(providers, r.provider_id);
      if (key === 'region_id') return name(regions, r.region_id);
      if (typeof r[key] === 'boolean') return r[key] ? 'Yes' : 'No';
      return r[key] ?? '';
    };
    const columns = kind.columns.map(([key, label], i) => ({
      label,
      cell: (r) => (i === 0 ? h('a', { href: `#/admin/${kind.key}/${r.id}` }, String(r[key])) : cellOf(key, r)),
    }));
    columns.push({ label: 'Status', cell: (r) => status(r.active) });

    return {
      title: kind.many,
      node: h('div', {},
        adminHeader(kind.key, [[kind.many]]),
        h('div', { class: 'title-row' },
          h('h1', {}, kind.many),
          h('a', { class: 'button', href: `#/admin/${kind.key}/new` }, kind.add)),
        listOptions({ limit: st.limit }),
        table({ caption: kind.many, columns, rows: page.items, empty: `No ${kind.many.toLowerCase()} yet.` }),
        pager(path, {}, page, st)),
      forms: {
        'list-options': (form) => router.go(router.href(path, { limit: form.elements.limit.value })),
      },
    };
  },
};
