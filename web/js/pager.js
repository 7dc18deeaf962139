// pager.js: "Showing 1 to 10 of 42 entries" and Previous / Next over the
// API's forward-only cursors. The way back lives in the URL (`prev`: the
// earlier pages' cursors, `from`: the first row's number, `of`: the first
// page's total, if any), so a reload keeps a working Previous.
import { h } from './dom.js';
import { href } from './router.js';

export const PAGE_SIZES = [10, 25, 50, 100];

// The paging state of a list screen from its route query.
export function state(query, defaultLimit = 25) {
  const limit = Number(query.get('limit'));
  const from = Number(query.get('from'));
  const prev = query.get('prev');
  return {
    limit: PAGE_SIZES.includes(limit) ? limit : defaultLimit,
    cursor: query.get('cursor') || null,
    from: Number.isInteger(from) && from > 0 ? from : 1,
    prev: prev ? prev.split('.') : [],
    of: query.get('of') || '',
  };
}

// The total as the URL carries it: "42", "10000+" when capped, "?" when
// the count was given up (too costly: the list does without).
function totalOf(page, st) {
  if (page.total === null) return '?';
  if (typeof page.total !== 'number') return st.of;
  return `${page.total}${page.total_capped ? '+' : ''}`;
}

// path: the screen's route; params: its other query values (q); page: the
// API's answer; st: state() of this screen.
export function pager(path, params, page, st) {
  const n = page.items.length;
  const to = st.from + n - 1;
  const of = totalOf(page, st);
  const count = Number.parseInt(of, 10);
  let words;
  if (n === 0) words = st.from === 1 ? 'No entries' : 'No more entries';
  else if (of && of !== '?') words = `Showing ${st.from} to ${to} of ${of.endsWith('+') ? 'more than ' : ''}${count.toLocaleString('en-US')} entries`;
  else words = `Showing ${st.from} to ${to}${page.next_cursor ? ' (more on the next page)' : ` of ${to} entries`}`;

  const base = { ...params, limit: st.limit, of };
  const links = [];
  if (st.from > 1) {
    // Page k holds the cursors of pages 2 .. k-1; anything else (an old
    // or shortened link) can only go back to the first page.
    const known = st.prev.length === Math.round((st.from - 1) / st.limit) - 1;
    const back = known && st.prev.length
      ? { cursor: st.prev.at(-1), from: st.from - st.limit, prev: st.prev.slice(0, -1).join('.') }
      : {};
    links.push(h('a', { class: 'button button-secondary', href: href(path, { ...base, ...back }), rel: 'prev' },
      known ? 'Previous' : 'First page'));
  }
  if (page.next_cursor) {
    const prev = st.cursor ? [...st.prev, st.cursor] : [];
    links.push(h('a', {
      class: 'button button-secondary',
      href: href(path, { ...base, cursor: page.next_cursor, from: to + 1, prev: prev.join('.') }),
      rel: 'next',
    }, 'Next'));
  }
  return h('div', { class: 'pager' },
    h('p', { class: 'pager-status', role: 'status' }, words),
    links.length ? h('nav', { class: 'pager-links', 'aria-label': 'Pages' }, links) : null);
}
