// session.js: who is signed in, in memory only (the cookie is HttpOnly;
// GET /session gives the CSRF token again after a reload).
import * as api from './api.js';

let current = null;
const listeners = new Set();

export function session() {
  return current;
}

// True once both factors are done.
export function signedIn() {
  return Boolean(current && current.stage === 'full');
}

export function role() {
  return current && current.stage === 'full' ? current.user.role : null;
}

// Statewide users administer accounts and the organisation (R-ACL-2).
export function isStatewide() {
  return role() === 'statewide';
}

// Called with the new session (or null) whenever it changes: the header
// re-renders itself this way.
export function onChange(fn) {
  listeners.add(fn);
}

export function set(s) {
  current = s || null;
  api.setCsrfToken(current ? current.csrf_token : null);
  for (const fn of listeners) fn(current);
}

// Asks the server who is signed in; null when nobody is.
export async function load() {
  try {
    set(await api.get('/session', { signInStep: true }));
  } catch (err) {
    if (err.status !== 401) throw err;
    set(null);
  }
  return current;
}

export async function signIn(login, password) {
  set(await api.post('/session', { login, password }, { signInStep: true }));
  return current;
}

// code: six digits from the app, or recovery: a one-time recovery code.
export async function secondFactor({ code, recovery }) {
  const body = recovery ? { recovery_code: recovery } : { code };
  set(await api.post('/session/totp', body, { signInStep: true }));
  return current;
}

// Not a sign-in step: a 401 here means the session ended.
export async function startEnrolment() {
  return api.post('/session/totp/enrollment');
}

// Confirms the new secret; the answer holds the recovery codes, shown once.
export async function confirmEnrolment(code) {
  const answer = await api.post('/session/totp/enrollment/confirm', { code });
  const codes = answer.recovery_codes || [];
  delete answer.recovery_codes;
  set(answer);
  return codes;
}

export async function signOut() {
  try {
    await api.del('/session', { signInStep: true });
  } finally {
    set(null);
  }
}

// Forgets the session locally (it has ended on the server).
export function forget() {
  set(null);
}
