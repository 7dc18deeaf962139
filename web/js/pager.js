// pager.js: "Showing 1 to 10" and Previous / Next for the API's keyset
// lists. The API pages with an opaque cursor and gives no total (counting a
// million rows on every page would cost more than the page), so the line
// says how far the user is and whether more follow. The cursors of pages
// already seen are remembered per list, so Previous works without asking
// the server to page backwards; after a reload it falls back to the first
// page.
import { h } from './dom.js';
import { href } from './router.js';

export const PAGE_SIZES = [10, 25, 50, 100];
const seen = new Map(); // list key -> Map(from -> cursor)

// The paging state of a list screen from its route query.
export function state(query, defaultLimit = 25) {
  const limit = Number(query.get('limit'));
  const from = Number(query.get('from'));
  return {
    limit: PAGE_SIZES.includes(limit) ? limit : defaultLimit,
    cursor: query.get('cursor') || null,
    from: Number.isInteger(from) && from > 0 ? from : 1,
  };
}

// path: the screen's route; params: its other query values (q); page: the
// API's answer; st: state() of this screen.
export function pager(path, params, page, st) {
  const key = `${path}?${new URLSearchParams(params)}&limit=${st.limit}`;
  if (!seen.has(key)) seen.set(key, new Map());
  const cursors = seen.get(key);
  cursors.set(st.from, st.cursor);

  const n = page.items.length;
  const to = st.from + n - 1;
  const words = n === 0
    ? (st.from === 1 ? 'No entries' : 'No more entries')
    : `Showing ${st.from} to ${to}${page.next_cursor ? ' (more on the next page)' : ` of ${to} entries`}`;

  const links = [];
  if (st.from > 1) {
    const prevFrom = Math.max(1, st.from - st.limit);
    const prevCursor = cursors.get(prevFrom);
    const known = prevFrom === 1 || prevCursor !== undefined;
    links.push(h('a', {
      class: 'button button-secondary',
      href: href(path, { ...params, limit: st.limit, ...(known && prevFrom > 1 ? { cursor: prevCursor, from: prevFrom } : {}) }),
      rel: 'prev',
    }, known ? 'Previous' : 'First page'));
  }
  if (page.next_cursor) {
    links.push(h('a', {
      class: 'button button-secondary',
      href: href(path, { ...params, limit: st.limit, cursor: page.next_cursor, from: to + 1 }),
      rel: 'next',
    }, 'Next'));
  }
  return h('div', { class: 'pager' },
    h('p', { class: 'pager-status', role: 'status' }, words),
    links.length ? h('nav', { class: 'pager-links', 'aria-label': 'Pages' }, links) : null);
}
