// api.js: the only module that talks to the server (/api/v1, same origin,
// CSRF token on unsafe methods, JSON). A refusal becomes an ApiError with
// status, code, message and field problems.

const BASE = '/api/v1';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken = null;
let onSessionEnded = null;

// The CSRF token of the current session (from the sign-in answer or
// GET /session); null when signed out.
export function setCsrfToken(token) {
  csrfToken = token || null;
}

// fn(error) runs when a request (not a sign-in step) answers 401.
export function whenSessionEnds(fn) {
  onSessionEnded = fn;
}

export class ApiError extends Error {
  constructor(status, body, headers) {
    const err = body && body.error ? body.error : {};
    super(err.message || defaultMessage(status));
    this.name = 'ApiError';
    this.status = status;
    this.code = err.code || (status === 0 ? 'network' : 'http_' + status);
    // [{field, problem, rule}] as the API sent them.
    this.details = Array.isArray(err.details) ? err.details : [];
    this.body = body; // the whole answer (e.g. an exit's `unmet` items)
    this.retryAfter = headers ? Number(headers.get('Retry-After')) || null : null;
  }

  // The problems of one field, or of none (field null: the form as a whole).
  problems(field) {
    return this.details.filter((d) => (d.field || null) === field);
  }
}

function defaultMessage(status) {
  if (status === 0) return 'The service cannot be reached. Check your connection and try again.';
  if (status >= 500) return 'Something went wrong on our side. Try again in a moment.';
  return `The request was refused (${status}).`;
}

// The If-Match value for a record: the API's ETag is its version in quotes.
export function ifMatch(record) {
  return `"${record.version}"`;
}

// A query string from an object, leaving out empty values.
export function query(params) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== undefined && value !== null && value !== '') q.set(key, String(value));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

// options: body (JSON), ifMatch (a record or an ETag), signInStep (a 401
// is the answer, not a lost session). Resolves to the body (null for 204).
export async function request(method, path, options = {}) {
  const headers = { Accept: 'application/json' };
  const init = { method, headers, credentials: 'same-origin', cache: 'no-store' };
  if (options.formData) {
    init.body = options.formData; // multipart: the browser sets the boundary
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  if (UNSAFE.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (options.ifMatch) {
    headers['If-Match'] = typeof options.ifMatch === 'string' ? options.ifMatch : ifMatch(options.ifMatch);
  }

  let res;
  try {
    res = await fetch(BASE + path, init);
  } catch {
    throw new ApiError(0, null, null);
  }
  let body = null;
  if (res.status !== 204) {
    const text = await res.text();
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = null; // e.g. an HTML error page from a proxy: the status tells
      }
    }
  }
  if (res.ok) return body;

  const error = new ApiError(res.status, body, res.headers);
  if (res.status === 401 && !options.signInStep && onSessionEnded &&
      (error.code === 'unauthenticated' || error.code === 'second_factor_required')) {
    onSessionEnded(error);
  }
  throw error;
}

export const get = (path, options) => request('GET', path, options);
export const post = (path, body, options = {}) => request('POST', path, { ...options, body });
export const put = (path, body, options = {}) => request('PUT', path, { ...options, body });
export const patch = (path, body, options = {}) => request('PATCH', path, { ...options, body });
export const upload = (path, formData) => request('POST', path, { formData });
export const del = (path, options) => request('DELETE', path, options);

// Every item of a list, following next_cursor (for choice lists, which are
// short: regions, providers, office locations, positions).
export async function getAll(path, params = {}) {
  const items = [];
  let cursor = null;
  do {
    const page = await get(path + query({ ...params, limit: 500, cursor }));
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return items;
}
