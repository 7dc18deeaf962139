// The caseload (issue 7) as a statewide user sees it: search, each filter,
// sorting from the column headers, "Showing 1 to 10 of N entries" with Next
// and Previous, a reload that keeps the page (and a working Previous), the
// page size, and the soft-exit watch; axe-clean with a screenshot at each
// kind of screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newContext, openPage, screen } from './lib/browser.mjs';
import { ACCOUNTS, signIn, waitForHeading, field, settled } from './lib/app.mjs';
import { sql } from './lib/env.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// The pager's line, once it matches re.
async function showing(page, re) {
  const line = page.getByRole('status').filter({ hasText: /^(Showing|No )/ });
  await line.filter({ hasText: re }).waitFor();
  return (await line.textContent()).trim();
}

// The row headers (names) of the participants table, in order.
function names(page) {
  return page.locator('table tbody th').allTextContents();
}

// Waits until the column header named name says it is sorted want: the
// sort is a navigation, so the old table stays on screen for a moment.
async function sortedBy(page, name, want) {
  await page.locator(`th[aria-sort="${want}"]`, { hasText: name }).waitFor();
  await settled(page);
}

// Sends the search form and waits for the new address's screen (every
// search here changes the address).
async function search(page) {
  const before = page.url();
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.waitForFunction((u) => window.location.href !== u, before);
  await settled(page);
}

test('search, filters, sorting, paging, reload and the soft-exit watch', async () => {
  const total = Number(sql('SELECT COUNT(*) FROM participants')[0][0]);
  assert.ok(total > 30, 'the demo data has more than three pages of participants');
  // One enrollment due for its soft exit in 11 days: a qualifying service
  // of its program that ended 80 days ago (R-EXIT-8: L + 91).
  const [[eid, who, cmName]] = sql(`SELECT e.id, CONCAT(p.first_name, ' ', p.last_name), u.display_name
    FROM enrollments e JOIN participants p ON p.id = e.participant_id
    JOIN users u ON u.id = e.case_manager_user_id WHERE e.status = 'enrolled'
    AND NOT EXISTS (SELECT 1 FROM services s WHERE s.enrollment_id = e.id) ORDER BY e.id LIMIT 1`);
  sql(`INSERT INTO services (enrollment_id, service_type_id, status, start_date, end_date)
    SELECT ${eid}, t.id, 'completed_successful', UTC_DATE() - INTERVAL 90 DAY, UTC_DATE() - INTERVAL 80 DAY
    FROM program_service_types t JOIN enrollments e ON e.program_id = t.program_id AND e.id = ${eid}
    WHERE t.extends_exit = 1 AND t.self_service = 0 AND t.info_only = 0 AND t.followup = 0
    AND t.supportive = 0 ORDER BY t.id LIMIT 1`);

  const context = await newContext(browser);
  const { page, watch } = await openPage(context, '#/signin');
  await signIn(page, ACCOUNTS.state);
  await page.evaluate(() => { window.location.hash = '#/participants'; });
  await waitForHeading(page, 'Caseload');
  const of = `of ${total.toLocaleString('en-US')} entries`;
  assert.equal(await showing(page, /Showing 1 to 10/), `Showing 1 to 10 ${of}`);
  const nameHead = page.getByRole('columnheader', { name: /^Name/ });
  assert.equal(await nameHead.getAttribute('aria-sort'), 'ascending');
  const first = await names(page);
  await screen(page, 'caseload');

  // Next, Previous; then two pages on, a reload, and Previous still works.
  await page.getByRole('link', { name: 'Next' }).click();
  assert.equal(await showing(page, /Showing 11/), `Showing 11 to 20 ${of}`);
  await page.getByRole('link', { name: 'Previous' }).click();
  assert.equal(await showing(page, /Showing 1 to/), `Showing 1 to 10 ${of}`);
  assert.deepEqual(await names(page), first);
  await page.getByRole('link', { name: 'Next' }).click();
  await showing(page, /Showing 11/);
  const second = await names(page);
  await page.getByRole('link', { name: 'Next' }).click();
  await showing(page, /Showing 21/);
  await page.reload();
  assert.equal(await showing(page, /Showing 21/), `Showing 21 to 30 ${of}`);
  await page.getByRole('link', { name: 'Previous' }).click();
  await showing(page, /Showing 11/);
  assert.deepEqual(await names(page), second);

  // Sorting: the header's button, by keyboard too; aria-sort follows.
  await page.getByRole('button', { name: /^Name/ }).click();
  await sortedBy(page, 'Name', 'descending');
  assert.equal(await nameHead.getAttribute('aria-sort'), 'descending');
  await showing(page, /Showing 1 to 10/);
  const desc = await names(page);
  assert.ok(desc[0].localeCompare(first[0]) > 0, `${desc[0]} sorts after ${first[0]}`);
  await page.getByRole('button', { name: /^Name/ }).focus();
  await page.keyboard.press('Enter');
  await sortedBy(page, 'Name', 'ascending');
  assert.equal(await nameHead.getAttribute('aria-sort'), 'ascending');
  assert.deepEqual(await names(page), first);
  await page.getByRole('button', { name: /^Date of birth/ }).click();
  await sortedBy(page, 'Date of birth', 'ascending');
  assert.equal(await page.getByRole('columnheader', { name: /^Date of birth/ }).getAttribute('aria-sort'), 'ascending');
  const dobs = await page.locator('table tbody td:nth-of-type(1)').allTextContents();
  assert.deepEqual(dobs, [...dobs].sort());
  await page.getByRole('link', { name: 'Next' }).click();
  await showing(page, /Showing 11/);
  await screen(page, 'caseload-by-dob');

  // Search by name, then each filter.
  await field(page, 'Name').fill('Billy');
  await search(page);
  assert.equal(await showing(page, /Showing|No /), 'Showing 1 to 1 of 1 entries');
  assert.deepEqual(await names(page), ['Elliott, Billy']);
  await page.getByRole('link', { name: 'Clear' }).click();
  await showing(page, new RegExp(of));
  const filters = [
    ['Date of birth', '1979-07-10', 'fill'],
    ['SSN last four', '6748', 'fill'],
    ['State ID', '34712', 'fill'],
    ['Provider', 'Asian Human Services', 'select'],
    ['Program', 'SNAP to Success', 'select'],
    ['Enrollment status', 'Referred', 'select'],
    ['Case manager', 'Lao Staff25', 'select'],
  ];
  for (const [label, value, how] of filters) {
    if (how === 'fill') await field(page, label).fill(value);
    else await field(page, label).selectOption({ label: value });
    await search(page);
    const line = await showing(page, /Showing 1 to \d+ of \d+ entries|No entries/);
    assert.match(line, /^Showing 1 to \d+ of \d+ entries$/, `${label}: ${line}`);
    assert.ok(Number(line.match(/of (\d+)/)[1]) < total, `${label} narrows the list`);
    if (label === 'Case manager') {
      assert.ok((await names(page)).includes('James, Karen'), 'Lao Staff25 manages Karen James');
      await screen(page, 'caseload-filtered');
    }
    await page.getByRole('link', { name: 'Clear' }).click();
    await showing(page, new RegExp(of));
  }

  // Page size.
  await field(page, 'Show').selectOption('25');
  await search(page);
  assert.equal(await showing(page, /Showing 1 to 25/), `Showing 1 to 25 ${of}`);

  // The soft-exit watch: the link, then another window of days.
  await page.getByRole('link', { name: 'Soft-exit watch' }).click();
  await page.getByRole('heading', { name: 'Approaching soft exit (within 14 days)' }).waitFor();
  const table = page.getByRole('table', { name: 'Enrollments approaching their soft exit' });
  await table.waitFor();
  const headers = await table.locator('thead th').allTextContents();
  assert.deepEqual(headers, ['Name', 'Program', 'Provider', 'Projected soft exit', 'Days left']);
  await screen(page, 'caseload-soft-exit');
  // Soonest first, the overdue ones lead; one case manager's caseload
  // narrows it to the enrollment made due above.
  await field(page, 'Case manager').selectOption({ label: cmName });
  await search(page);
  await page.getByRole('heading', { name: 'Approaching soft exit (within 14 days)' }).waitFor();
  const row = table.locator('tbody tr').filter({ hasText: who });
  assert.equal(await row.locator('td').last().textContent(), '11');
  await field(page, 'Approaching soft exit').selectOption({ label: 'Within 60 days' });
  await search(page);
  await page.getByRole('heading', { name: 'Approaching soft exit (within 60 days)' }).waitFor();
  assert.match(page.url(), /soft_exit=60/);
  await watch.check();
  await context.close();
});
