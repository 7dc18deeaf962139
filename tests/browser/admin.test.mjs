// The admin screens, as a statewide user: creating a provider, an office
// location and an account; field errors beside their fields with nothing
// typed lost; a stale edit (412) that offers to reload and shows what
// changed; dialogs; paging; and each record's history.
import { describe, test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newContext, openPage, screen } from './lib/browser.mjs';
import { ACCOUNTS, signIn, waitForHeading, field, fieldError, notice, expectHash } from './lib/app.mjs';
import { sql, quote } from './lib/env.mjs';

// Names made unique per run, so the file also passes on a stack it has
// already run against.
const RUN = Date.now().toString(36).slice(-5);
const PROVIDER = `Eastside Works ${RUN}`;
const OFFICE = `Eastside Main Office ${RUN}`;
const LOGIN = `rivera.${RUN}`;

let browser;
let context;
let page;
let watch;

async function go(hash) {
  await page.evaluate((h) => { window.location.hash = h; }, hash);
  await expectHash(page, hash);
}

describe('admin screens', () => {
  before(async () => {
    browser = await launch();
    context = await newContext(browser);
    ({ page, watch } = await openPage(context, '#/admin'));
    await signIn(page, ACCOUNTS.admin);
    await expectHash(page, '#/admin');
  });
  after(async () => {
    await browser?.close();
  });
  // Every test leaves the page clean (no console errors, CSP violations or
  // unexpected HTTP errors).
  afterEach(async () => {
    await watch.check();
  });

  test('the admin home lists every section', async () => {
    await waitForHeading(page, 'Administration');
    for (const name of ['Users', 'Providers', 'Office locations', 'LWIA / Regions', 'Staff positions']) {
      await page.getByRole('main').getByRole('link', { name, exact: true }).first().waitFor();
    }
    await screen(page, 'admin-home');
  });

  test('a statewide user creates a provider and sees it in its history', async () => {
    await go('#/admin/providers');
    await waitForHeading(page, 'Providers');
    await screen(page, 'admin-providers');
    await page.getByRole('link', { name: 'Add a provider' }).click();
    await waitForHeading(page, 'Add a provider');
    await field(page, 'Name').fill(PROVIDER);
    await field(page, 'Agency code').fill(`EW-${RUN}`);
    await screen(page, 'admin-provider-new');
    await page.getByRole('button', { name: 'Create provider' }).click();
    await waitForHeading(page, `Provider: ${PROVIDER}`);
    assert.match(await notice(page, 'created'), new RegExp(`Provider “${PROVIDER}” created`));
    const history = page.getByRole('region', { name: 'History', exact: true });
    await history.getByRole('cell', { name: 'Created' }).waitFor();
    await history.getByRole('cell', { name: ACCOUNTS.admin.login }).waitFor();
    await screen(page, 'admin-provider');
  });

  test('a duplicate provider name is refused with the reason, and the typed values stay', async () => {
    watch.allow(409, '/api/v1/providers');
    await go('#/admin/providers/new');
    await waitForHeading(page, 'Add a provider');
    await field(page, 'Name').fill(PROVIDER);
    await field(page, 'Agency code').fill('DUP-1');
    await page.getByRole('button', { name: 'Create provider' }).click();
    await page.getByText('Another provider already has that name or code.').waitFor();
    assert.equal(await field(page, 'Name').inputValue(), PROVIDER);
    assert.equal(await field(page, 'Agency code').inputValue(), 'DUP-1');
  });

  test('a statewide user creates an office location for the new provider', async () => {
    watch.allow(422, '/api/v1/office-locations');
    await go('#/admin/office-locations/new');
    await waitForHeading(page, 'Add an office location');
    await field(page, 'Name').fill(OFFICE);
    await field(page, 'Address').fill('100 Main St\nLos Angeles, CA 90012');
    // Provider and region are missing: both are named beside their fields.
    await page.getByRole('button', { name: 'Create office location' }).click();
    await page.getByRole('heading', { name: 'Some fields need attention.' }).waitFor();
    assert.match(await fieldError(field(page, 'Provider')), /Provider is required/);
    assert.match(await fieldError(field(page, 'LWIA / Region')), /LWIA \/ Region is required/);
    assert.equal(await field(page, 'Name').inputValue(), OFFICE, 'the typed name is kept');
    await screen(page, 'admin-location-errors');
    await field(page, 'Provider').selectOption({ label: PROVIDER });
    await field(page, 'LWIA / Region').selectOption({ label: 'Los Angeles County WDACS' });
    await page.getByRole('button', { name: 'Create office location' }).click();
    await waitForHeading(page, `Office location: ${OFFICE}`);
    await go('#/admin/office-locations');
    const row = page.getByRole('row', { name: new RegExp(OFFICE) });
    await row.getByRole('cell', { name: PROVIDER }).waitFor();
    await screen(page, 'admin-locations');
  });

  test('creating an account: a weak password is refused beside its field, nothing typed is lost', async () => {
    watch.allow(422, '/api/v1/users');
    await go('#/admin/users/new');
    await waitForHeading(page, 'Add a user');
    await field(page, 'Login').fill(LOGIN);
    await field(page, 'Name').fill('Maria Rivera');
    await field(page, 'Email').fill(`maria.${RUN}@example.org`);
    await field(page, 'Role').selectOption('provider_partner');
    await field(page, 'Staff position').selectOption({ label: 'Case Manager' });
    await page.getByLabel(`${OFFICE} (${PROVIDER})`).check();
    await field(page, 'First password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    const password = field(page, 'First password');
    await page.waitForFunction(() => document.querySelector('[aria-invalid="true"]'));
    assert.equal(await password.getAttribute('aria-invalid'), 'true');
    assert.match(await fieldError(password), /^Error: .*at least 12 characters/);
    // Everything typed is still there.
    assert.equal(await field(page, 'Login').inputValue(), LOGIN);
    assert.equal(await field(page, 'Name').inputValue(), 'Maria Rivera');
    assert.equal(await field(page, 'Role').inputValue(), 'provider_partner');
    assert.equal(await page.getByLabel(`${OFFICE} (${PROVIDER})`).isChecked(), true);
    await screen(page, 'admin-user-new-error');

    await password.fill('Eastside-Works-2026!');
    await page.getByRole('button', { name: 'Create account' }).click();
    await waitForHeading(page, `Maria Rivera (${LOGIN})`);
    await notice(page, `Account “${LOGIN}” created`);
    assert.equal(await page.getByLabel(`${OFFICE} (${PROVIDER})`).isChecked(), true);
    await screen(page, 'admin-user');
  });

  test('the users list searches by the start of a login or name and pages through', async () => {
    await go(`#/admin/users?q=${LOGIN}`);
    await waitForHeading(page, 'Users');
    await page.getByRole('link', { name: LOGIN }).waitFor();
    assert.equal(await page.getByRole('main').getByRole('row').count(), 2, 'header row and one match');
    await page.getByText('Showing 1 to 1 of 1 entries').waitFor();

    await go('#/admin/users?limit=10');
    await page.getByText('Showing 1 to 10 (more on the next page)').waitFor();
    await page.getByRole('link', { name: 'Next' }).click();
    await page.getByText(/^Showing 11 to \d+/).waitFor();
    await page.getByRole('link', { name: 'Previous' }).click();
    await page.getByText('Showing 1 to 10 (more on the next page)').waitFor();
    // Back and forward walk the pages too.
    await page.goBack();
    await page.getByText(/^Showing 11 to \d+/).waitFor();
    await page.goForward();
    await page.getByText('Showing 1 to 10 (more on the next page)').waitFor();
    await screen(page, 'admin-users');
  });

  test('a stale edit (412) says what the other person changed and reloads their version', async () => {
    watch.allow(412, '/api/v1/providers/');
    const [[id]] = sql(`SELECT id FROM providers WHERE name = ${quote(PROVIDER)}`);
    await go(`#/admin/providers/${id}`);
    await waitForHeading(page, `Provider: ${PROVIDER}`);
    // Someone else saves the record meanwhile.
    sql(`UPDATE providers SET agency_code = 'EW-CHANGED', version = version + 1 WHERE id = ${Number(id)}`);
    await field(page, 'Name').fill(`${PROVIDER} West`);
    await page.getByRole('button', { name: 'Save changes' }).click();
    const conflict = page.getByRole('heading', { name: 'Someone else saved this provider after you opened it' });
    await conflict.waitFor();
    await page.getByText(`Agency code: “EW-${RUN}” → “EW-CHANGED”`).waitFor();
    await notice(page, 'Not saved');
    await screen(page, 'admin-conflict');
    await page.getByRole('button', { name: 'Reload their version' }).click();
    // Their change is in; the name typed here is kept.
    assert.equal(await field(page, 'Agency code').inputValue(), 'EW-CHANGED');
    assert.equal(await field(page, 'Name').inputValue(), `${PROVIDER} West`);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await waitForHeading(page, `Provider: ${PROVIDER} West`);
    await notice(page, 'Saved.');
    const history = page.getByRole('region', { name: 'History', exact: true });
    await history.getByText(`Name: ${PROVIDER} → ${PROVIDER} West`).waitFor();
    // Put the name back for the tests that follow.
    await field(page, 'Name').fill(PROVIDER);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await waitForHeading(page, `Provider: ${PROVIDER}`);
  });

  test('setting a password and disabling an account go through dialogs that Escape closes', async () => {
    await go('#/admin/users?q=' + LOGIN);
    await page.getByRole('link', { name: LOGIN }).click();
    await waitForHeading(page, `Maria Rivera (${LOGIN})`);

    const opener = page.getByRole('button', { name: 'Set a new password' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: `Set a new password for ${LOGIN}` });
    await dialog.waitFor();
    // Focus is in the dialog, on its first field.
    assert.equal(await page.evaluate(() => document.activeElement.closest('dialog') !== null), true);
    await screen(page, 'admin-password-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await opener.evaluate((el) => el === document.activeElement), true, 'focus returns to the opener');

    await opener.click();
    await dialog.getByLabel(/^New password/).fill('Another-Strong-Pass-2026');
    await dialog.getByRole('button', { name: 'Set password' }).click();
    await dialog.waitFor({ state: 'detached' });
    await notice(page, 'New password set');

    await page.getByRole('button', { name: 'Disable account' }).click();
    const confirmDialog = page.getByRole('dialog', { name: `Disable ${LOGIN}?` });
    await confirmDialog.waitFor();
    await confirmDialog.getByRole('button', { name: 'Disable account' }).click();
    await notice(page, `Account ${LOGIN} disabled.`);
    await page.getByText('Disabled', { exact: true }).first().waitFor();
    const history = page.getByRole('region', { name: 'History', exact: true });
    await history.getByRole('cell', { name: 'Disabled', exact: true }).waitFor();
    await history.getByRole('cell', { name: 'Password set' }).waitFor();
    await page.getByRole('button', { name: 'Enable account' }).click();
    await page.getByRole('dialog', { name: `Enable ${LOGIN}?` }).getByRole('button', { name: 'Enable account' }).click();
    await notice(page, `Account ${LOGIN} enabled.`);
  });

  test('a staff position is retired and reinstated, never deleted', async () => {
    await go('#/admin/staff-positions');
    await page.getByRole('link', { name: 'Supervisor' }).click();
    await waitForHeading(page, 'Staff position: Supervisor');
    await page.getByRole('button', { name: 'Retire staff position' }).click();
    const dialog = page.getByRole('dialog', { name: 'Retire Supervisor?' });
    await screen(page, 'admin-retire-dialog');
    await dialog.getByRole('button', { name: 'Retire staff position' }).click();
    await notice(page, 'Staff position retired.');
    await page.getByRole('button', { name: 'Reinstate staff position' }).click();
    await page.getByRole('dialog', { name: 'Reinstate Supervisor?' }).getByRole('button', { name: 'Reinstate staff position' }).click();
    await notice(page, 'Staff position reinstated.');
    await go('#/admin/staff-positions');
    await page.getByRole('row', { name: /Supervisor/ }).getByText('Active').waitFor();
  });

  test('regions and their form', async () => {
    await go('#/admin/regions');
    await waitForHeading(page, 'LWIA / Regions');
    await page.getByRole('link', { name: 'CA-LA-WDACS' }).click();
    await waitForHeading(page, 'Region: Los Angeles County WDACS');
    assert.equal(await page.getByLabel('Credentials in this region need an agency code').isChecked(), true);
    await screen(page, 'admin-region');
  });
});
