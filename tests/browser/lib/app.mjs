// lib/app.mjs: doing things in the app the way a person does: by label,
// role and visible text, never by CSS classes, so the tests also check that
// the screens are labelled properly.
import assert from 'node:assert/strict';
import { PASSWORD } from './env.mjs';
import { codeFor } from './totp.mjs';

// The demo accounts (db/demo/users.tsv) and the test accounts
// (tests/browser/fixtures/users.tsv) the tests sign in with.
export const ACCOUNTS = {
  state: { login: 'state.admin', name: 'Sam Statewide', secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' },
  pm: { login: 'pm.lee', name: 'Lee Program-Manager', secret: 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU' },
  intermediary: { login: 'int.ortiz', name: 'Ana Ortiz' },
  partner: { login: 'staff25.lao', name: 'Lao Staff25' },
  ahs: { login: 'ahs.tprograms', name: 'T Programs' },
  cwork: { login: 'cwork.kim', name: 'Kim Nguyen' },
  admin: { login: 'bt.admin', name: 'Bea Admin-Tests', secret: 'IP5X6XEI67CSR2U2ZKAGFZVEYRPIWOGZ' },
  session: { login: 'bt.session', name: 'Sol Session-Tests', secret: 'B3TQNNUHIRX3DYVECCRAKSGIVEHSSOV6' },
  keys: { login: 'bt.keys', name: 'Kai Keyboard-Tests', secret: 'AUPIXK44YHZPFQ7B2TICUZ7YAUPHONRC' },
  axe: { login: 'bt.axe', name: 'Ada Axe-Tests', secret: 'MCYT4QOJ536AOCUOEOPRXQV22B5MFV2M' },
  enrol: { login: 'bt.enrol', name: 'Eli Enrol-Tests' },
};

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Waits until the h1 reads text exactly (a string), or matches a RegExp.
// Exactly: "Provider: X" must not be taken for "Provider: X West".
export async function waitForHeading(page, text) {
  const want = typeof text === 'string' ? new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`) : text;
  await page.locator('main h1', { hasText: want }).first().waitFor();
}

// Waits until nothing on the screen is still loading (the app marks
// loading parts, such as a record's history, with aria-busy).
export async function settled(page) {
  // The screen of the current address is drawn (app.js marks main with the
  // route it shows) and nothing in it is still loading.
  await page.waitForFunction(() => document.querySelector('main').dataset.shown === (window.location.hash || '#/')
    && !document.querySelector('main[aria-busy="true"], main [aria-busy="true"]'));
}

// A form control by the start of its label ("Login" matches "Login (required)").
export function field(page, label) {
  return page.getByLabel(new RegExp(`^${escapeRegExp(label)}`));
}

// The text of the error shown beside a control (through aria-describedby).
export async function fieldError(control) {
  return control.evaluate((el) => {
    const ids = (el.getAttribute('aria-describedby') || '').split(/\s+/);
    return ids.map((id) => document.getElementById(id)).filter((n) => n && n.classList.contains('field-error'))
      .map((n) => n.textContent.trim()).join(' ');
  });
}

// Signs in through the sign-in screen, with the TOTP step when the account
// has a secret. The page must be on the sign-in screen.
export async function signIn(page, account, { password = PASSWORD } = {}) {
  await waitForHeading(page, 'Sign in to Pathway');
  await field(page, 'Login').fill(account.login);
  await field(page, 'Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (account.secret) {
    await waitForHeading(page, 'Enter your security code');
    await field(page, 'Code from your authenticator app').fill(await codeFor(account.secret));
    await page.getByRole('button', { name: 'Verify' }).click();
  }
  await page.waitForFunction(() => !window.location.hash.startsWith('#/signin'));
}

// The results line's text once it says something matching text.
export async function notice(page, text) {
  const el = page.locator('#notice');
  await el.filter({ hasText: text }).waitFor();
  return (await el.textContent()).trim();
}

export function hashOf(page) {
  return new URL(page.url()).hash;
}

export async function expectHash(page, hash) {
  await page.waitForFunction((h) => window.location.hash === h, hash);
  assert.equal(hashOf(page), hash);
}

// Navigates the app to hash as a link would, and waits until it is there.
export async function go(page, hash) {
  await page.evaluate((h) => { window.location.hash = h; }, hash);
  await expectHash(page, hash);
}
