// The caseload, the participant profile and the Outcomes tab, on the demo
// data: finding Billy Elliott, his exit refused while activities are open
// (named, beside the form), completing them, exiting him by keyboard and
// seeing the four post-exit quarters; Karen James's hard exit with its case
// note and document; a case note with a document and an addendum; the
// customer's read-only dashboard; axe on every screen, and deep links that
// survive a reload.
import { describe, test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newContext, openPage, screen } from './lib/browser.mjs';
import { ACCOUNTS, signIn, waitForHeading, field, fieldError, notice, expectHash, go } from './lib/app.mjs';

const RUN = Date.now().toString(36).slice(-5);
const SUBJECT = `Called about classes ${RUN}`;
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

describe('Billy Elliott, SNAP to Success at Asian Human Services', () => {
  let context; let page; let watch;
  before(async () => {
    context = await newContext(browser);
    ({ page, watch } = await openPage(context, '#/signin'));
    await signIn(page, ACCOUNTS.ahs);
  });
  after(async () => { await context?.close(); });
  afterEach(async () => { await watch.check(); });

  test('the caseload finds him by name and pages truthfully', async () => {
    await go(page, '#/participants');
    await waitForHeading(page, 'Caseload');
    await page.getByRole('status').filter({ hasText: /^Showing 1 to \d+/ }).waitFor();
    await screen(page, 'caseload');
    await field(page, 'Name').fill('Billy');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: 'Elliott, Billy' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Showing 1 to 1 of 1 entries' }).waitFor();
    await page.getByRole('link', { name: 'Elliott, Billy' }).click();
    await waitForHeading(page, 'Billy Elliott');
    await page.getByText('BElliott975').waitFor();
    await screen(page, 'participant-profile');
  });

  test('a case note with a document, then an addendum', async () => {
    await page.getByText('Add a case note').click();
    await field(page, 'Subject').fill(SUBJECT);
    await field(page, 'Note').fill('Billy will attend the Monday class.');
    await field(page, 'Document').setInputFiles({ name: 'schedule.txt', mimeType: 'text/plain', buffer: Buffer.from('Monday 9am, room 4\n') });
    await page.getByRole('button', { name: 'Add note' }).click();
    await notice(page, 'Case note added.');
    await page.getByRole('heading', { name: SUBJECT }).waitFor();
    await page.getByRole('link', { name: /^Document \d+/ }).first().waitFor();
    await page.getByRole('button', { name: `Add an addendum to ${SUBJECT}` }).click();
    await field(page, 'Addendum').fill('He asked for a bus card too.');
    await page.getByRole('button', { name: 'Add addendum' }).click();
    await notice(page, 'Addendum added.');
    await page.getByText('He asked for a bus card too.').first().waitFor();
  });

  test('the exit is refused while activities are open, naming them', async () => {
    watch.allow(409, '/api/v1/enrollments/2/exit');
    await page.getByRole('link', { name: 'Outcomes' }).click();
    await waitForHeading(page, 'Billy Elliott: Outcomes');
    await page.getByRole('heading', { name: 'Activities not assigned to a goal' }).waitFor();
    await screen(page, 'outcomes');
    // A deep link survives a reload.
    await page.reload();
    await waitForHeading(page, 'Billy Elliott: Outcomes');
    await field(page, 'Program (required)').selectOption('snap_to_success');
    await field(page, 'Program completion status').selectOption('exited_successful');
    await field(page, 'Outcome reason').selectOption('successful_completed_requirements');
    await field(page, 'Program completion date').fill(new Date().toISOString().slice(0, 10));
    await page.getByRole('button', { name: 'Exit participant' }).click();
    const box = page.getByRole('alert').filter({ hasText: 'exit checklist is not complete' });
    await box.getByText(/BE - Basic Education \(ABE\/GED\) is Started\/Open/).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'exit-blocked');
    await screen(page, 'outcomes-exit-blocked');
  });

  test('completing the activities, then exiting by keyboard alone, gives four quarters', async () => {
    for (;;) {
      const button = page.getByRole('button', { name: /^Mark completed: / }).first();
      if (!(await button.count())) break;
      const label = await button.getAttribute('aria-label');
      await button.click();
      await notice(page, 'marked completed');
      await page.getByRole('button', { name: label }).waitFor({ state: 'detached' });
    }
    // Keyboard only from here: focus moves with Tab, choices with the keys.
    await field(page, 'Program (required)').focus();
    const today = new Date().toISOString().slice(0, 10);
    const choose = async (label, value) => {
      await page.keyboard.press('Tab');
      assert.match(await page.evaluate(() => document.activeElement.labels[0].textContent), new RegExp(`^${label}`));
      if (value) await page.keyboard.type(value);
    };
    await page.keyboard.type('SNAP to');
    await choose('Program completion status', 'Exited - S');
    await choose('Outcome reason', 'Successful - C');
    await page.keyboard.press('Tab');
    await page.evaluate((d) => { document.activeElement.value = d; }, today);
    await page.keyboard.press('Enter');
    await notice(page, 'Billy Elliott exited.');
    const quarters = page.getByRole('region', { name: 'Post-exit quarters (table)' });
    for (const q of [1, 2, 3, 4]) await quarters.getByRole('rowheader', { name: `Quarter ${q}` }).waitFor();
    await screen(page, 'outcomes-exited');
  });

  test('a credential dated outside the window is refused beside the date, nothing typed lost', async () => {
    watch.allow(422, '/credentials');
    // The section's own form: other sections have a "Date attained" too.
    const creds = page.getByRole('region', { name: 'Credentials', exact: true });
    await creds.getByText('Add a credential').click();
    await creds.getByText(/^Last allowed date: \d{4}-\d{2}-\d{2}\.$/).waitFor();
    await field(creds, 'Credential title').fill('Forklift operator');
    await field(creds, 'Credential type').selectOption('occupational_certificate');
    await field(creds, 'Verification source').selectOption('copy_of_certificate');
    await field(creds, 'Institution').fill('Chicago Safety School');
    const date = field(creds, 'Date attained');
    await date.fill('2020-01-15');
    await creds.getByRole('button', { name: 'Add credential' }).click();
    await page.waitForFunction(() => document.activeElement && document.activeElement.name === 'date_attained');
    assert.match(await fieldError(date), /R-CRED-1/);
    assert.equal(await date.getAttribute('aria-invalid'), 'true');
    assert.equal(await field(creds, 'Credential title').inputValue(), 'Forklift operator');
    await screen(page, 'outcomes-credential-error');
  });
});

describe('the customer', () => {
  test('Billy Elliott sees his own read-only dashboard and outcomes', async () => {
    const context = await newContext(browser);
    const { page, watch } = await openPage(context, '#/signin');
    await signIn(page, { login: 'billy.elliott', name: 'Billy Elliott' });
    await page.getByRole('navigation').getByRole('link', { name: 'My Dashboard' }).click();
    await waitForHeading(page, 'My Dashboard');
    await page.getByText('BElliott975').waitFor();
    await screen(page, 'my-dashboard');
    await page.getByRole('link', { name: 'See the details of my outcomes' }).first().click();
    await waitForHeading(page, 'Billy Elliott: Outcomes');
    assert.equal(await page.locator('main form').count(), 0);
    await screen(page, 'my-outcomes');
    await watch.check();
    await context.close();
  });
});

describe('Karen James, WIOA Adult at WDACS East LA', () => {
  test('a hard exit with its reason, case note and document', async () => {
    const context = await newContext(browser);
    const { page, watch } = await openPage(context, '#/participants/1/outcomes');
    await signIn(page, ACCOUNTS.partner);
    await expectHash(page, '#/participants/1/outcomes');
    await waitForHeading(page, 'Karen James: Outcomes');
    await page.getByText('Hard exit (the participant cannot continue)').click();
    await field(page, 'Outcome (hard exit reason)').selectOption('03');
    await field(page, 'Case note: why the participant exits').fill('Her family told us she passed away on Friday.');
    await field(page, 'Verifying document').setInputFiles({ name: 'certificate.txt', mimeType: 'text/plain', buffer: Buffer.from('Certificate of death (test)\n') });
    await screen(page, 'outcomes-hard-exit');
    await page.getByRole('button', { name: 'Record hard exit' }).click();
    await notice(page, 'hard exit recorded');
    await page.getByText('Deceased').first().waitFor();
    await watch.check();
    await context.close();
  });
});
