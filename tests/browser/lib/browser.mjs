// lib/browser.mjs: Chromium for the tests, and the watch every page is kept
// under. A test fails when the page logs an error, throws, reports a CSP
// violation, or gets an HTTP error it did not say it expects: the app must
// run clean under the shipped Content-Security-Policy, not merely work.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { BASE_URL, SHOTS } from './env.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// Chromium's own background traffic (updates, sync, safe browsing) has no
// network here and would only add noise and delay.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage'];

// Chromium, headless. Playwright gives each launch a new temporary profile
// (--user-data-dir) and removes it on close, so no state survives a run.
export function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
}

// A fresh browser context (its own cookies: one signed-in user each).
export function newContext(browser, options = {}) {
  return browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    timezoneId: 'America/Los_Angeles',
    ...options,
  });
}

// Watches page: collects everything that counts as a failure. allow(status,
// pathPart) declares an HTTP error the test provokes on purpose.
export function guard(page) {
  const problems = [];
  const allowed = [{ status: 401, part: '/api/v1/session' }];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    // Chromium logs every HTTP error response as a console error; those are
    // judged by status below, where expected ones are allowed.
    if (/^Failed to load resource: the server responded with a status of \d+/.test(text)) return;
    problems.push(`console error: ${text}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  page.on('requestfailed', (req) => {
    // A reload or sign-out navigation cancels the browser's own favicon
    // fetch if it is still in flight; that is Chromium's doing, not the app's.
    if (req.failure()?.errorText === 'net::ERR_ABORTED' && new URL(req.url()).pathname === '/favicon.svg') return;
    problems.push(`request failed: ${req.method()} ${req.url()} ${req.failure()?.errorText}`);
  });
  page.on('response', (res) => {
    if (res.status() < 400) return;
    const url = new URL(res.url());
    if (allowed.some((a) => a.status === res.status() && url.pathname.includes(a.part))) return;
    problems.push(`HTTP ${res.status()} for ${res.request().method()} ${url.pathname}${url.search}`);
  });
  return {
    allow(status, part = '/api/') {
      allowed.push({ status, part });
    },
    // Fails with every problem seen so far, CSP violations included.
    async check() {
      let csp = [];
      if (!page.isClosed()) csp = await page.evaluate(() => window.__cspViolations || []);
      const all = [...problems, ...csp.map((v) => `CSP violation: ${v}`)];
      problems.length = 0;
      if (all.length) throw new Error(`the page was not clean:\n  ${all.join('\n  ')}`);
    },
  };
}

// A new page of context, at path (a hash route), under guard.
export async function openPage(context, path = '#/') {
  const page = await context.newPage();
  // Runs before the app's scripts (through the DevTools protocol, which the
  // CSP does not govern) and records any violation the page reports.
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const watch = guard(page);
  await page.goto(`${BASE_URL}/${path}`);
  return { page, watch };
}

// Runs axe-core on the page as it is and fails on serious or critical
// violations of WCAG 2.1 A/AA (and axe's best practices), naming each.
export async function checkA11y(page, screen) {
  const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    resultTypes: ['violations'],
  }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) {
    const lines = bad.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')})`);
    throw new Error(`axe on "${screen}":\n  ${lines.join('\n  ')}`);
  }
  return result.violations.length;
}

// Saves a screenshot as SHOTS/name.png: the whole page, or only the
// window while a modal dialog is open (its backdrop covers the window).
export async function screenshot(page, name) {
  const modal = await page.evaluate(() => Boolean(document.querySelector('dialog[open]')));
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: !modal });
}

// Both, for one screen: what every test does at each screen it reaches,
// once the parts that load after it (marked aria-busy) have arrived.
export async function screen(page, name) {
  await page.waitForFunction(() => !document.querySelector('main[aria-busy="true"], main [aria-busy="true"]'));
  await checkA11y(page, name);
  await screenshot(page, name);
}
