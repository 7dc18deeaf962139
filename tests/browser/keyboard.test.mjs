// Keyboard only: the whole sign-in (with the TOTP step) and an admin edit,
// with Tab, Shift+Tab, Enter and typing, never a click, checking at each
// step where focus is. Also: a dialog keeps focus inside and Escape closes
// it, giving focus back to the button that opened it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newContext, openPage, screen } from './lib/browser.mjs';
import { ACCOUNTS, waitForHeading, notice, expectHash } from './lib/app.mjs';
import { codeFor } from './lib/totp.mjs';
import { PASSWORD } from './lib/env.mjs';

let browser;
let context;
let page;
let watch;

before(async () => {
  browser = await launch();
  context = await newContext(browser);
  ({ page, watch } = await openPage(context, '#/signin'));
});
after(async () => {
  await browser?.close();
});

// What has focus: its tag, accessible-ish name and label text.
function focused() {
  return page.evaluate(() => {
    const el = document.activeElement;
    const label = el.labels && el.labels[0] ? el.labels[0].textContent.trim() : '';
    return { tag: el.tagName, text: (el.textContent || '').trim(), label, type: el.type || '' };
  });
}

// Presses Tab (or Shift+Tab) until the focused element satisfies want,
// failing after max presses: how a keyboard user finds a control.
async function tabTo(want, { back = false, max = 40 } = {}) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focused();
    if (want(f)) return f;
  }
  throw new Error(`no focusable element matched within ${max} presses`);
}

test('signing in with the TOTP step by keyboard alone', async () => {
  await waitForHeading(page, 'Sign in to Pathway');
  // After navigation, focus is on the page's heading.
  assert.equal((await focused()).tag, 'H1');
  let f = await tabTo(() => true);
  assert.match(f.label, /^Login/, 'Tab from the heading reaches the login field');
  await page.keyboard.type(ACCOUNTS.keys.login);
  f = await tabTo(() => true);
  assert.match(f.label, /^Password/);
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');

  await waitForHeading(page, 'Enter your security code');
  assert.equal((await focused()).tag, 'H1');
  f = await tabTo(() => true);
  assert.match(f.label, /^Code from your authenticator app/);
  await page.keyboard.type(await codeFor(ACCOUNTS.keys.secret));
  await page.keyboard.press('Enter');

  // The staff home page is the caseload.
  await waitForHeading(page, 'Caseload');
  await expectHash(page, '#/');
  assert.equal((await focused()).tag, 'H1');
  await watch.check();
});

test('the skip link is the first stop and jumps to the heading', async () => {
  // From the top of the page, the first Tab shows the skip link. (The
  // caseload has links after its heading, so start from the document.)
  await page.evaluate(() => {
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute('tabindex');
  });
  await page.keyboard.press('Tab');
  const f = await focused();
  assert.equal(f.text, 'Skip to main content');
  await screen(page, 'skip-link');
  await page.keyboard.press('Enter');
  assert.equal((await focused()).tag, 'H1');
});

test('renaming a staff position by keyboard alone', async () => {
  // Back from the heading into the header's menu.
  await tabTo((f) => f.tag === 'A' && f.text === 'Admin', { back: true });
  await page.keyboard.press('Enter');
  await waitForHeading(page, 'Administration');
  await tabTo((f) => f.tag === 'A' && f.text === 'Staff positions');
  await page.keyboard.press('Enter');
  await waitForHeading(page, 'Staff positions');
  await tabTo((f) => f.tag === 'A' && f.text === 'Program Administrator');
  await page.keyboard.press('Enter');
  await waitForHeading(page, 'Staff position: Program Administrator');

  await tabTo((f) => f.tag === 'INPUT' && /^Name/.test(f.label));
  await page.keyboard.press('End');
  await page.keyboard.type(' (statewide)');
  await page.keyboard.press('Enter');
  await waitForHeading(page, 'Staff position: Program Administrator (statewide)');
  await notice(page, 'Saved.');
  await screen(page, 'keyboard-saved');

  // And back again, so the demo data reads as before.
  await tabTo((f) => f.tag === 'INPUT' && /^Name/.test(f.label), { back: true });
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Program Administrator');
  await page.keyboard.press('Enter');
  await waitForHeading(page, 'Staff position: Program Administrator');
  await watch.check();
});

test('a dialog keeps focus inside, and Escape closes it and returns focus', async () => {
  const opener = await tabTo((f) => f.tag === 'BUTTON' && f.text === 'Retire staff position');
  assert.ok(opener);
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'Retire Program Administrator?' }).waitFor();
  // The safe choice has focus first.
  assert.equal((await focused()).text, 'Cancel');
  // Tab and Shift+Tab go round the dialog's two buttons and never leave it.
  const seen = [];
  for (let i = 0; i < 4; i += 1) {
    await page.keyboard.press('Tab');
    seen.push((await focused()).text);
  }
  assert.deepEqual(seen, ['Retire staff position', 'Cancel', 'Retire staff position', 'Cancel']);
  await page.keyboard.press('Shift+Tab');
  assert.equal((await focused()).text, 'Retire staff position');
  assert.equal(await page.evaluate(() => Boolean(document.activeElement.closest('dialog'))), true);
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  const back = await focused();
  assert.equal(back.text, 'Retire staff position', 'focus is back on the opener');
  assert.equal(await page.evaluate(() => Boolean(document.activeElement.closest('dialog'))), false);
  // Nothing was retired.
  await page.getByText('Active', { exact: true }).first().waitFor();
  await watch.check();
});
