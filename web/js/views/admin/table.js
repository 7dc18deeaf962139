// views/admin/table.js: the admin lists' toolbar ("Show N entries", a
// search box) and table.
import { h, scrollRegion } from '../../dom.js';
import { PAGE_SIZES } from '../../pager.js';

// A GET-like form: submitting it goes to the same list with new options.
// search: {label, value} adds a search box (the API's q=).
export function listOptions({ limit, search }) {
  return h('form', { class: 'toolbar', 'data-form': 'list-options', role: 'search', 'aria-label': 'List options' },
    search ? h('div', { class: 'toolbar-item' },
      h('label', { for: 'list-q' }, search.label),
      h('input', { id: 'list-q', name: 'q', type: 'search', class: 'input', value: search.value || '', spellcheck: 'false' })) : null,
    h('div', { class: 'toolbar-item' },
      h('label', { for: 'list-limit' }, 'Show'),
      h('select', { id: 'list-limit', name: 'limit', class: 'input input-auto' },
        PAGE_SIZES.map((n) => h('option', { value: String(n), selected: n === limit }, String(n)))),
      h('span', {}, 'entries')),
    h('button', { type: 'submit', class: 'button button-secondary' }, search ? 'Search' : 'Apply'));
}

// columns: [{label, cell(record) → node or text}]; the first column is the
// row header (its cell usually links to the record).
export function table({ caption, columns, rows, empty }) {
  if (!rows.length) return h('p', { class: 'empty' }, empty);
  return scrollRegion(`${caption} (table)`,
    h('table', { class: 'table' },
      h('caption', { class: 'visually-hidden' }, caption),
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c.label)))),
      h('tbody', {}, rows.map((r) => h('tr', {}, columns.map((c, i) => (i === 0
        ? h('th', { scope: 'row' }, c.cell(r))
        : h('td', {}, c.cell(r)))))))));
}

// "Active" / "Retired" as a badge whose words carry the meaning.
export function status(active, words = ['Active', 'Retired']) {
  return h('span', { class: active ? 'badge badge-ok' : 'badge badge-off' }, active ? words[0] : words[1]);
}
