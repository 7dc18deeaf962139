// Sessions that end under the user: an action after the session expired
// leads to sign-in and then back to the same screen; a deep link opened
// while signed out survives the sign-in and a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newContext, openPage, screen } from './lib/browser.mjs';
import { ACCOUNTS, signIn, waitForHeading, settled, field, notice, expectHash } from './lib/app.mjs';
import { sql, quote } from './lib/env.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// Ends every session of login the way the idle timeout does: its last
// request is made to look two hours old.
function expireSessions(login) {
  sql(`UPDATE sessions SET last_seen_at = UTC_TIMESTAMP(6) - INTERVAL 2 HOUR
       WHERE user_id = (SELECT id FROM users WHERE login = ${quote(login)})`);
}

test('after the session ends, saving leads to sign-in and then back to the same record', async () => {
  const context = await newContext(browser);
  const { page, watch } = await openPage(context, '#/signin');
  await signIn(page, ACCOUNTS.session);
  await page.evaluate(() => { window.location.hash = '#/admin/providers/2'; });
  await waitForHeading(page, 'Provider: Asian Human Services');

  expireSessions(ACCOUNTS.session.login);
  watch.allow(401, '/api/v1/providers/2');
  await field(page, 'Agency code').fill('AHS-IL-08');
  await page.getByRole('button', { name: 'Save changes' }).click();

  await expectHash(page, '#/signin');
  assert.match(await notice(page, 'session has ended'), /Your session has ended/);
  await screen(page, 'signin-session-ended');
  await signIn(page, ACCOUNTS.session);
  await expectHash(page, '#/admin/providers/2');
  await waitForHeading(page, 'Provider: Asian Human Services');
  // The record was not changed by the refused save.
  assert.equal(await field(page, 'Agency code').inputValue(), 'AHS-IL-07');
  await watch.check();
  await context.close();
});

test('a screen opened while the session has ended is reached again after signing in', async () => {
  const context = await newContext(browser);
  const { page, watch } = await openPage(context, '#/signin');
  await signIn(page, ACCOUNTS.partner);
  await waitForHeading(page, 'Caseload');
  expireSessions(ACCOUNTS.partner.login);
  // That screen asks the server for a new secret; the refusal (401, allowed
  // for /api/v1/session/...) leads to sign-in and back.
  await page.evaluate(() => { window.location.hash = '#/account/authenticator'; });
  await expectHash(page, '#/signin');
  await signIn(page, ACCOUNTS.partner);
  await expectHash(page, '#/account/authenticator');
  await waitForHeading(page, 'Set up your authenticator app');
  await watch.check();
  await context.close();
});

test('a deep link opened while signed out survives signing in and a reload', async () => {
  const context = await newContext(browser);
  const { page, watch } = await openPage(context, '#/admin/regions/2');
  await expectHash(page, '#/signin');
  await signIn(page, ACCOUNTS.state);
  await expectHash(page, '#/admin/regions/2');
  await waitForHeading(page, 'Region: Chicago Cook Workforce Area');
  // Reloading while the history still loads would abort that request.
  await settled(page);
  await page.reload();
  await expectHash(page, '#/admin/regions/2');
  await waitForHeading(page, 'Region: Chicago Cook Workforce Area');
  // An address that names no screen says so.
  await page.evaluate(() => { window.location.hash = '#/no/such/screen'; });
  await waitForHeading(page, 'Page not found');
  await screen(page, 'not-found');
  // A record that does not exist (or is out of reach) says so too.
  watch.allow(404, '/api/v1/regions/999999');
  await page.evaluate(() => { window.location.hash = '#/admin/regions/999999'; });
  await waitForHeading(page, 'Record not found');
  await watch.check();
  await context.close();
});
