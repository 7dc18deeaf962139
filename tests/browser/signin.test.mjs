// Signing in and out: passwords, the TOTP step, setting up an authenticator
// app with its recovery codes, and what each role is shown afterwards.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newContext, openPage, screen } from './lib/browser.mjs';
import { ACCOUNTS, signIn, waitForHeading, field, fieldError, notice, expectHash } from './lib/app.mjs';
import { codeFor, hotp, currentStep, markUsed } from './lib/totp.mjs';
import { PASSWORD, sql, quote } from './lib/env.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// Runs fn with a new page in a context of its own, then checks the page
// stayed clean (no console errors, CSP violations or unexpected HTTP errors).
async function withPage(path, fn) {
  const context = await newContext(browser);
  try {
    const { page, watch } = await openPage(context, path);
    await fn(page, watch);
    await watch.check();
  } finally {
    await context.close();
  }
}

test('a provider partner signs in to the caseload, and sees who they are and which locations they reach', async () => {
  await withPage('#/', async (page) => {
    // Not signed in: the home address leads to the sign-in screen.
    await expectHash(page, '#/signin');
    await screen(page, 'signin');
    await signIn(page, ACCOUNTS.partner);
    await expectHash(page, '#/');
    // The staff home page is the caseload.
    await waitForHeading(page, 'Caseload');
    const header = page.getByRole('banner');
    await header.getByText(ACCOUNTS.partner.name).waitFor();
    await header.getByText('Provider partner').waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    assert.equal(await nav.getByRole('link', { name: 'Admin' }).count(), 0,
      'a provider partner must not see the Admin menu');
    await nav.getByRole('link', { name: 'Add participant' }).waitFor();
    await screen(page, 'home-provider-partner');
    await nav.getByRole('link', { name: 'Your account' }).click();
    await waitForHeading(page, 'Your account');
    await page.getByText('WDACS East LA Office (WDACS Test)').waitFor();
    await screen(page, 'account-provider-partner');
  });
});

test('a non-statewide user who opens an admin address is told it is not for their role', async () => {
  await withPage('#/admin/users', async (page) => {
    await signIn(page, ACCOUNTS.intermediary);
    // Brought back to the address they opened, which they may not use.
    await expectHash(page, '#/admin/users');
    await waitForHeading(page, 'Not available for your role');
    assert.equal(await page.getByRole('link', { name: 'Admin' }).count(), 0);
    await screen(page, 'no-access');
  });
});

test('a wrong password shows the message beside the password field and keeps the login', async () => {
  await withPage('#/signin', async (page, watch) => {
    watch.allow(401, '/api/v1/session');
    await waitForHeading(page, 'Sign in to Pathway');
    await field(page, 'Login').fill(ACCOUNTS.cwork.login);
    await field(page, 'Password').fill('not-the-password-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const password = field(page, 'Password');
    await page.waitForFunction(() => document.querySelector('[aria-invalid="true"]'));
    assert.equal(await password.getAttribute('aria-invalid'), 'true');
    assert.match(await fieldError(password), /login or password is not right/);
    assert.equal(await field(page, 'Login').inputValue(), ACCOUNTS.cwork.login);
    // With one problem, focus goes straight to the field to correct.
    assert.equal(await password.evaluate((el) => el === document.activeElement), true);
    await screen(page, 'signin-wrong-password');
    // Correcting it signs in.
    await password.fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitForHeading(page, 'Caseload');
  });
});

test('empty fields are named beside each field', async () => {
  await withPage('#/signin', async (page, watch) => {
    watch.allow(422, '/api/v1/session');
    await waitForHeading(page, 'Sign in to Pathway');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Enter your login and password.' }).waitFor();
    assert.match(await fieldError(field(page, 'Login')), /Login must not be empty/);
    assert.match(await fieldError(field(page, 'Password')), /Password must not be empty/);
  });
});

test('a statewide user signs in with the code from the authenticator app', async () => {
  await withPage('#/signin', async (page) => {
    await waitForHeading(page, 'Sign in to Pathway');
    await field(page, 'Login').fill(ACCOUNTS.state.login);
    await field(page, 'Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitForHeading(page, 'Enter your security code');
    // Focus moves to the new step's heading.
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1');
    await screen(page, 'signin-code');
    await field(page, 'Code from your authenticator app').fill(await codeFor(ACCOUNTS.state.secret));
    await page.getByRole('button', { name: 'Verify' }).click();
    await waitForHeading(page, 'Caseload');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).waitFor();
    await screen(page, 'home-statewide');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Your account' }).click();
    await page.getByText('Every participant and record in the state.').waitFor();
  });
});

test('signing out ends the session: the app and a reload both ask to sign in', async () => {
  await withPage('#/', async (page) => {
    await signIn(page, ACCOUNTS.ahs);
    // The home screen's reads finish first: one still in flight when the
    // session ends is answered 401, which is right but not this test's point.
    await waitForHeading(page, 'Caseload');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expectHash(page, '#/signin');
    assert.match(await notice(page, 'signed out'), /You have signed out/);
    await page.reload();
    await waitForHeading(page, 'Sign in to Pathway');
    await page.goto(page.url().replace(/#.*$/, '#/'));
    await expectHash(page, '#/signin');
  });
});

test('a program manager without an app sets one up, keeps the recovery codes, and later signs in with one', async () => {
  const account = ACCOUNTS.enrol;
  let codes;
  // Back to "no app set up", so the test also passes on a stack it already
  // ran against (tests/browser/run --serve).
  sql(`DELETE FROM recovery_codes WHERE user_id = (SELECT id FROM users WHERE login = ${quote(account.login)})`);
  sql(`UPDATE users SET totp_secret = NULL, totp_enabled = 0, totp_last_step = NULL WHERE login = ${quote(account.login)}`);
  await withPage('#/signin', async (page) => {
    await field(page, 'Login').fill(account.login);
    await field(page, 'Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitForHeading(page, 'Set up your authenticator app');
    await page.getByRole('img', { name: 'QR code to scan with your authenticator app' }).waitFor();
    const secret = (await page.locator('[data-secret]').textContent()).replace(/\s+/g, '');
    const uri = (await page.locator('.otpauth code').textContent()).trim();
    assert.match(secret, /^[A-Z2-7]{16,}$/);
    assert.equal(new URL(uri).searchParams.get('secret'), secret, 'the link and the key are the same secret');
    assert.match(uri, /^otpauth:\/\/totp\/Pathway:bt\.enrol\?/);
    await screen(page, 'enrol');

    const step = currentStep();
    markUsed(secret, step);
    await field(page, 'Code from the app').fill(hotp(secret, step));
    await page.getByRole('button', { name: 'Confirm and continue' }).click();
    await waitForHeading(page, 'Save your recovery codes');
    codes = await page.getByRole('list', { name: 'Recovery codes' }).locator('li').allTextContents();
    assert.equal(codes.length, 10);
    await screen(page, 'recovery-codes');

    // Going on without saying they were saved is refused beside the box.
    await page.getByRole('button', { name: 'Continue' }).click();
    assert.match(await fieldError(page.getByLabel('I have saved these recovery codes')), /Tick the box/);
    await page.getByLabel('I have saved these recovery codes').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await waitForHeading(page, 'Caseload');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Your account' }).click();
    await page.getByText('On: you sign in with a code from your authenticator app.').waitFor();
  });

  await withPage('#/signin', async (page) => {
    await field(page, 'Login').fill(account.login);
    await field(page, 'Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitForHeading(page, 'Enter your security code');
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await waitForHeading(page, 'Sign in with a recovery code');
    await screen(page, 'signin-recovery');
    await field(page, 'Recovery code').fill(codes[3].trim());
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitForHeading(page, 'Caseload');
  });
});
