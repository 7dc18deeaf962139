// router.js: hash routes (#/admin/users/5?q=lee): reloads and links work
// without the server, back/forward use the browser's history. A route:
// {pattern: '/admin/users/:id', view, access}; ":name" captures a segment;
// the first match wins ('/admin/users/new' before '/admin/users/:id').

let routes = [];
let handler = null;

export function define(table, onRoute) {
  routes = table.map((r) => ({ ...r, regex: compile(r.pattern), names: names(r.pattern) }));
  handler = onRoute;
  window.addEventListener('hashchange', () => dispatch());
}

function compile(pattern) {
  const body = pattern.split('/').map((seg) => (seg.startsWith(':') ? '([^/]+)' : escape(seg))).join('/');
  return new RegExp(`^${body}$`);
}

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function names(pattern) {
  return pattern.split('/').filter((s) => s.startsWith(':')).map((s) => s.slice(1));
}

// The current location as {path, query (URLSearchParams), hash}.
export function current() {
  const raw = window.location.hash.replace(/^#/, '') || '/';
  const [path, search = ''] = raw.split('?');
  return { path: path || '/', query: new URLSearchParams(search), hash: `#${raw}` };
}

export function match(path) {
  for (const route of routes) {
    const m = route.regex.exec(path);
    if (m) {
      const params = {};
      route.names.forEach((name, i) => {
        params[name] = decodeURIComponent(m[i + 1]);
      });
      return { route, params };
    }
  }
  return null;
}

// Builds '#/path?query' from a path and an object of query values.
export function href(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return `#${path}${s ? `?${s}` : ''}`;
}

// Goes to target ('#/x' or '/x'); replace: for redirects, so back does not
// bounce into them.
export function go(target, { replace = false } = {}) {
  const hash = target.startsWith('#') ? target : `#${target}`;
  if (replace) {
    window.history.replaceState(null, '', hash);
    dispatch();
  } else if (window.location.hash === hash) {
    dispatch(); // same screen again: render it afresh
  } else {
    window.location.hash = hash;
  }
}

export function dispatch() {
  if (handler) handler(current());
}
