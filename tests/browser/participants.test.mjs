// Participants, as staff of AHS Chicago North (Ana Ortiz, intermediary):
// the caseload as the home page; adding a participant with a first
// enrollment; the possible-duplicate warning with a link and "create
// anyway"; an edit against a stale version that keeps what was typed;
// enrolling in another program; assigning and removing the case manager
// with the history; changing a fresh case note, and the 24-hour rule once
// it has passed. The customer's home is My Dashboard. axe on every screen.
import { describe, test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newContext, openPage, screen } from './lib/browser.mjs';
import { ACCOUNTS, signIn, waitForHeading, field, fieldError, notice, expectHash, hashOf, go } from './lib/app.mjs';
import { sql, quote } from './lib/env.mjs';

// Unique per run, so the file also passes on a stack it already ran on.
const RUN = Date.now().toString(36).slice(-5);
const LAST = `Quintero-${RUN}`;
const NAME = `Rosa ${LAST}`;
const SUBJECT = `Intake call ${RUN}`;
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function fillPerson(page) {
  await field(page, 'First name').fill('Rosa');
  await field(page, 'Last name').fill(LAST);
  await field(page, 'Date of birth').fill('1990-04-02');
  await field(page, 'SSN last four').fill('5150');
  await field(page, 'Program (required)').selectOption({ label: 'SNAP JP' });
  await field(page, 'Office location').selectOption({ label: 'AHS Chicago North (Asian Human Services)' });
}

describe('staff of AHS Chicago North', () => {
  let context; let page; let watch; let id;
  before(async () => {
    context = await newContext(browser);
    ({ page, watch } = await openPage(context, '#/'));
    await signIn(page, ACCOUNTS.intermediary);
  });
  after(async () => { await context?.close(); });
  afterEach(async () => { await watch.check(); });

  test('the home page is the caseload, with Add participant in the menu', async () => {
    await expectHash(page, '#/');
    await waitForHeading(page, 'Caseload');
    const nav = page.getByRole('navigation', { name: 'Main' });
    assert.equal(await nav.getByRole('link', { name: 'Caseload' }).getAttribute('aria-current'), 'page');
    assert.equal(await nav.getByRole('link', { name: 'Admin' }).count(), 0);
    await nav.getByRole('link', { name: 'Add participant' }).click();
    await waitForHeading(page, 'Add a participant');
  });

  test('a participant is created with the first enrollment and lands on the profile', async () => {
    await screen(page, 'participant-new');
    await fillPerson(page);
    await field(page, 'Email').fill('rosa@example.org');
    await field(page, 'City').fill('Chicago');
    await field(page, 'Highest education completed').selectOption('hs_diploma');
    await field(page, 'Employment status at entry').selectOption('unemployed');
    await page.getByRole('button', { name: 'Create participant' }).click();
    await waitForHeading(page, NAME);
    await notice(page, `${NAME} added.`);
    id = hashOf(page).match(/^#\/participants\/(\d+)$/)[1];
    await page.getByText('SNAP JP at Asian Human Services').waitFor();
    await page.getByText(/case manager Ana Ortiz/).waitFor();
    await screen(page, 'participant-created');
  });

  test('the same person again is flagged as a possible duplicate, with a link, and can be created anyway', async () => {
    watch.allow(409, '/api/v1/participants');
    await go(page, '#/participants/new');
    await waitForHeading(page, 'Add a participant');
    await fillPerson(page);
    await field(page, 'Program (required)').selectOption({ label: 'Earnfare' });
    await page.getByRole('button', { name: 'Create participant' }).click();
    const box = page.getByRole('region', { name: 'This person may already be in Pathway' });
    await box.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-labelledby')), 'dup-title');
    assert.equal(await box.getByRole('link', { name: new RegExp(`^${NAME}, born 1990-04-02`) }).getAttribute('href'), `#/participants/${id}`);
    assert.equal(await field(page, 'Last name').inputValue(), LAST, 'nothing typed is lost');
    await screen(page, 'participant-duplicate');
    await box.getByRole('button', { name: 'Create a new participant anyway' }).click();
    await waitForHeading(page, NAME);
    assert.notEqual(hashOf(page), `#/participants/${id}`);
  });

  test('an edit against a stale version shows what changed and keeps what was typed', async () => {
    watch.allow(412, `/api/v1/participants/${id}`);
    await go(page, `#/participants/${id}`);
    await waitForHeading(page, NAME);
    await page.getByRole('link', { name: 'Edit profile' }).click();
    await waitForHeading(page, `Edit ${NAME}`);
    await expectHash(page, `#/participants/${id}/edit`);
    // A deep link survives a reload.
    await page.reload();
    await waitForHeading(page, `Edit ${NAME}`);
    await screen(page, 'participant-edit');
    sql(`UPDATE participants SET city = 'Evanston', version = version + 1 WHERE id = ${Number(id)}`);
    await field(page, 'Phone').fill('773-555-0101');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const conflict = page.getByRole('heading', { name: 'Someone else saved this participant after you opened it' });
    await conflict.waitFor();
    await page.getByText('“Chicago” → “Evanston”').waitFor();
    assert.equal(await field(page, 'Phone').inputValue(), '773-555-0101');
    await screen(page, 'participant-edit-conflict');
    await page.getByRole('button', { name: 'Reload their version' }).click();
    assert.equal(await field(page, 'City').inputValue(), 'Evanston');
    assert.equal(await field(page, 'Phone').inputValue(), '773-555-0101');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await waitForHeading(page, NAME);
    await notice(page, 'Participant saved.');
    await page.getByText('773-555-0101').waitFor();
  });

  test('a wrong ZIP code is refused beside the field', async () => {
    watch.allow(422, `/api/v1/participants/${id}`);
    await go(page, `#/participants/${id}/edit`);
    await waitForHeading(page, `Edit ${NAME}`);
    await field(page, 'ZIP code').fill('6064');
    await page.getByRole('button', { name: 'Save changes' }).click();
    const zip = field(page, 'ZIP code');
    await page.waitForFunction(() => document.querySelector('[aria-invalid="true"]'));
    assert.match(await fieldError(zip), /ZIP code must be a ZIP code/);
    assert.equal(await zip.inputValue(), '6064');
  });

  test('enrolling in another program', async () => {
    watch.allow(409, `/api/v1/participants/${id}/enrollments`);
    await go(page, `#/participants/${id}`);
    await waitForHeading(page, NAME);
    await page.getByText('Enroll in another program').click();
    const form = page.locator('form[data-form="enroll"]');
    await form.getByLabel(/^Program/).selectOption({ label: 'SNAP JP' });
    await form.getByLabel(/^Office location/).selectOption({ label: 'AHS Chicago North (Asian Human Services)' });
    await form.getByRole('button', { name: 'Enroll' }).click();
    // Already open in that program there: refused beside the program.
    await page.waitForFunction(() => document.querySelector('form[data-form="enroll"] [aria-invalid="true"]'));
    assert.match(await fieldError(form.getByLabel(/^Program/)), /already has an open enrollment/);
    await form.getByLabel(/^Program/).selectOption({ label: 'SNAP to Success' });
    await form.getByRole('button', { name: 'Enroll' }).click();
    await notice(page, 'Enrolled in SNAP to Success at Asian Human Services.');
    await page.getByRole('link', { name: 'SNAP to Success at Asian Human Services' }).waitFor();
  });

  test('the case manager: a temporary one assigned and removed, with the history', async () => {
    await page.getByRole('button', { name: 'Case manager of SNAP JP at Asian Human Services' }).click();
    const dialog = page.getByRole('dialog', { name: 'Case manager of SNAP JP at Asian Human Services' });
    await dialog.waitFor();
    assert.equal(await page.evaluate(() => Boolean(document.activeElement.closest('dialog'))), true, 'focus moved into the dialog');
    await dialog.getByLabel(/^Person/).selectOption({ label: 'Ana Ortiz (you)' });
    await dialog.getByLabel(/^As/).selectOption('temporary');
    await dialog.getByRole('button', { name: 'Assign' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Ana Ortiz assigned as temporary case manager.' }).waitFor();
    const history = dialog.getByRole('list', { name: 'History' });
    await history.getByText(/^Ana Ortiz, case manager: .+ to now$/).waitFor();
    await history.getByText(/^Ana Ortiz, temporary case manager: .+ to now$/).waitFor();
    await screen(page, 'participant-case-manager');
    await dialog.getByRole('button', { name: 'Remove the temporary case manager' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Temporary case manager removed.' }).waitFor();
    await history.getByText(/^Ana Ortiz, temporary case manager: .+ to (?!now).+$/).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    await waitForHeading(page, NAME);
    assert.equal(await page.getByText(/temporary Ana Ortiz/).count(), 0);
  });

  test('a fresh case note is changed; after 24 hours the change is refused and becomes an addendum', async () => {
    watch.allow(409, '/api/v1/case-notes/');
    await page.getByText('Add a case note').click();
    await field(page, 'Subject').fill(SUBJECT);
    await field(page, 'Note').fill('Rosa called about the SNAP JP orientation.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await notice(page, 'Case note added.');
    await page.getByRole('button', { name: `Change ${SUBJECT}` }).click();
    const dialog = page.getByRole('dialog', { name: `Change ${SUBJECT}` });
    await dialog.getByLabel(/^Note/).fill('Rosa called about the SNAP JP orientation on Monday.');
    await screen(page, 'participant-note-edit');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await notice(page, 'Case note changed.');
    await page.getByText('Rosa called about the SNAP JP orientation on Monday.').waitFor();

    await page.getByRole('button', { name: `Change ${SUBJECT}` }).click();
    await dialog.getByLabel(/^Note/).fill('She will bring her ID.');
    sql(`UPDATE case_notes SET created_at = created_at - INTERVAL 2 DAY WHERE subject = ${quote(SUBJECT)}`);
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForFunction(() => document.querySelector('dialog [aria-invalid="true"]'));
    assert.match(await fieldError(dialog.getByLabel(/^Note/)), /only within 24 hours .* \(The 24-hour rule for case notes\.\)/);
    await screen(page, 'participant-note-locked');
    await dialog.getByRole('button', { name: 'Add it as an addendum' }).click();
    const add = page.getByRole('dialog', { name: 'Add an addendum' });
    assert.equal(await add.getByLabel(/^Addendum/).inputValue(), 'She will bring her ID.', 'what was typed moves along');
    await add.getByRole('button', { name: 'Add addendum' }).click();
    await notice(page, 'Addendum added.');
    await page.getByText('She will bring her ID.').waitFor();
    assert.equal(await page.getByRole('button', { name: `Change ${SUBJECT}` }).count(), 0);
  });
});

describe('the customer', () => {
  test('the home page is My Dashboard, and no form to add a participant', async () => {
    const context = await newContext(browser);
    const { page, watch } = await openPage(context, '#/signin');
    await signIn(page, { login: 'billy.elliott', name: 'Billy Elliott' });
    await expectHash(page, '#/');
    await waitForHeading(page, 'My Dashboard');
    const nav = page.getByRole('navigation', { name: 'Main' });
    assert.equal(await nav.getByRole('link', { name: 'Add participant' }).count(), 0);
    await screen(page, 'customer-home');
    await go(page, '#/participants/2');
    await waitForHeading(page, 'Billy Elliott');
    assert.equal(await page.locator('main form').count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Edit profile' }).count(), 0);
    await go(page, '#/participants/new');
    await waitForHeading(page, 'Not available for your role');
    await watch.check();
    await context.close();
  });
});
