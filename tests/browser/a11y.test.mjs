// Every screen under axe-core (no serious or critical WCAG 2.1 A/AA
// violation), at desktop width and on a phone, with a screenshot of each.
// The other test files check the screens they pass through (sign-in steps,
// errors, dialogs, the conflict panel); this one walks the rest.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, newContext, openPage, screen } from './lib/browser.mjs';
import { ACCOUNTS, signIn, waitForHeading, expectHash, settled } from './lib/app.mjs';
import { WEB_ROOT, BASE_URL } from './lib/env.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// [hash, heading, screenshot name]: the screens of a statewide user.
const ADMIN_SCREENS = [
  ['#/', 'Caseload', 'a11y-home'],
  ['#/account', 'Your account', 'a11y-account'],
  ['#/participants/new', 'Add a participant', 'a11y-participant-new'],
  ['#/participants/2', 'Billy Elliott', 'a11y-participant'],
  ['#/participants/2/edit', 'Edit Billy Elliott', 'a11y-participant-edit'],
  ['#/admin', 'Administration', 'a11y-admin'],
  ['#/admin/users', 'Users', 'a11y-users'],
  ['#/admin/users/new', 'Add a user', 'a11y-user-new'],
  ['#/admin/users/2', 'Lee Program-Manager (pm.lee)', 'a11y-user-edit'],
  ['#/admin/providers', 'Providers', 'a11y-providers'],
  ['#/admin/providers/new', 'Add a provider', 'a11y-provider-new'],
  ['#/admin/providers/1', 'Provider: WDACS Test', 'a11y-provider-edit'],
  ['#/admin/office-locations', 'Office locations', 'a11y-locations'],
  ['#/admin/office-locations/new', 'Add an office location', 'a11y-location-new'],
  ['#/admin/office-locations/1', 'Office location: WDACS East LA Office', 'a11y-location-edit'],
  ['#/admin/regions', 'LWIA / Regions', 'a11y-regions'],
  ['#/admin/regions/new', 'Add a region', 'a11y-region-new'],
  ['#/admin/regions/1', 'Region: Los Angeles County WDACS', 'a11y-region-edit'],
  ['#/admin/staff-positions', 'Staff positions', 'a11y-positions'],
  ['#/admin/staff-positions/new', 'Add a staff position', 'a11y-position-new'],
  ['#/admin/staff-positions/2', 'Staff position: Case Manager', 'a11y-position-edit'],
  ['#/account/authenticator', 'Authenticator app', 'a11y-authenticator-on'],
];

test('every screen of a statewide user passes axe, at desktop width and on a phone', async () => {
  for (const [viewport, suffix] of [[{ width: 1280, height: 900 }, ''], [{ width: 390, height: 844 }, '-phone']]) {
    const context = await newContext(browser, { viewport });
    const { page, watch } = await openPage(context, '#/signin');
    await signIn(page, ACCOUNTS.axe);
    for (const [hash, title, name] of ADMIN_SCREENS) {
      await page.evaluate((h) => { window.location.hash = h; }, hash);
      await expectHash(page, hash);
      await waitForHeading(page, title);
      // The history panel loads after the screen: wait for it.
      await settled(page);
      await screen(page, `${name}${suffix}`);
    }
    await watch.check();
    await context.close();
  }
});

test('the sign-in screen and a partner home pass axe on a phone', async () => {
  const context = await newContext(browser, { viewport: { width: 390, height: 844 } });
  const { page, watch } = await openPage(context, '#/signin');
  await waitForHeading(page, 'Sign in to Pathway');
  await screen(page, 'a11y-signin-phone');
  await signIn(page, ACCOUNTS.ahs);
  await waitForHeading(page, 'Caseload');
  await screen(page, 'a11y-home-partner-phone');
  await watch.check();
  await context.close();
});

test('the app is served under the shipped CSP, and the watch on every page catches a violation', async () => {
  const shipped = readFileSync(join(WEB_ROOT, '..', 'conf', 'nginx', 'pathway.conf'), 'utf8')
    .match(/add_header Content-Security-Policy "([^"]+)"/)[1];
  const context = await newContext(browser);
  const { page, watch } = await openPage(context, '#/signin');
  for (const path of ['/', '/js/app.js', '/api/v1/health']) {
    const response = await context.request.get(`${BASE_URL}${path}`);
    assert.equal(response.headers()['content-security-policy'], shipped, path);
  }
  await waitForHeading(page, 'Sign in to Pathway');
  await watch.check();
  // A style attribute set from script is what style-src 'self' refuses.
  await page.evaluate(() => document.body.setAttribute('style', 'color: red'));
  await page.waitForFunction(() => window.__cspViolations.length > 0);
  await assert.rejects(watch.check(), /CSP violation: style-src/);
  await context.close();
});
