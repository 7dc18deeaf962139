// The program profiles screens (issue 7, R-ACL-2): statewide users and
// program managers list the programs and open one; a program manager
// changes a value of the profile document and sees it saved; the API's
// validation problems show beside the editor with their path, the text
// kept; JSON that does not parse is refused in the browser with its line
// and column; a stale save (412) offers their version; a new program starts
// from a copy of another's profile; a provider partner gets "not for your
// role". Every profile changed here is put back at the end.
import { describe, test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newContext, openPage, screen } from './lib/browser.mjs';
import { ACCOUNTS, signIn, waitForHeading, field, fieldError, notice, expectHash, go } from './lib/app.mjs';
import { BASE_URL, PASSWORD } from './lib/env.mjs';
import { codeFor } from './lib/totp.mjs';

const RUN = Date.now().toString(36).slice(-5);
const EARNFARE = 6;

// Another person's session, straight through the API (Node's fetch).
async function apiAs(account) {
  let cookie = '';
  let csrf = '';
  const call = async (method, path, body, version) => {
    const headers = { Cookie: cookie, 'X-CSRF-Token': csrf, Accept: 'application/json' };
    if (body) headers['Content-Type'] = 'application/json';
    if (version) headers['If-Match'] = `"${version}"`;
    const r = await fetch(`${BASE_URL}/api/v1${path}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
    if (r.headers.get('set-cookie')) cookie = r.headers.get('set-cookie').split(';')[0];
    assert.ok(r.ok, `${method} ${path}: ${r.status} ${await r.clone().text()}`);
    const answer = await r.json();
    if (answer.csrf_token) csrf = answer.csrf_token;
    return answer;
  };
  await call('POST', '/session', { login: account.login, password: PASSWORD });
  await call('POST', '/session/totp', { code: await codeFor(account.secret) });
  return call;
}

let browser;
let api;
let original; // Earnfare's profile before the tests
before(async () => {
  browser = await launch();
  api = await apiAs(ACCOUNTS.state);
  original = await api('GET', `/programs/${EARNFARE}`);
});
after(async () => {
  // Put Earnfare's profile back as it was (the other tests use it).
  if (api && original) {
    const now = await api('GET', `/programs/${EARNFARE}`);
    await api('PUT', `/programs/${EARNFARE}`, original, now.version);
  }
  await browser?.close();
});

async function signedIn(account, hash) {
  const context = await newContext(browser);
  const { page, watch } = await openPage(context, hash);
  await signIn(page, account);
  await expectHash(page, hash);
  return { context, page, watch };
}

const editor = (page) => field(page, 'Profile document (JSON)');

// The editor's text as a document, changed by fn, typed back in.
async function editDocument(page, fn) {
  const doc = JSON.parse(await editor(page).inputValue());
  fn(doc);
  await editor(page).fill(JSON.stringify(doc, null, 2));
}

describe('program profiles, as a statewide user', () => {
  let s;
  before(async () => { s = await signedIn(ACCOUNTS.state, '#/admin/programs'); });
  after(async () => { await s?.context.close(); });
  afterEach(async () => { await s.watch.check(); });

  test('the programs are listed with code, name and version, under the admin sections', async () => {
    const { page } = s;
    await waitForHeading(page, 'Program profiles');
    const row = page.getByRole('row', { name: /wioa_adult/ });
    await row.getByRole('cell', { name: 'WIOA Adult', exact: true }).waitFor();
    await row.getByText('Active').waitFor();
    const tabs = page.getByRole('navigation', { name: 'Admin sections' });
    await tabs.getByRole('link', { name: 'Users' }).waitFor();
    assert.equal(await tabs.getByRole('link', { name: 'Program profiles' }).getAttribute('aria-current'), 'page');
    await screen(page, 'admin-programs');
  });

  test('a profile reads as lists of what it holds, beside its document', async () => {
    const { page } = s;
    await page.getByRole('link', { name: 'cwork' }).click();
    await waitForHeading(page, 'Program: C-Work');
    const holds = page.getByRole('region', { name: 'What this profile holds' });
    await holds.getByRole('heading', { name: 'Exit checklist (9)' }).waitFor();
    await holds.getByText('Client exit comments are entered.').waitFor();
    await holds.getByRole('heading', { name: 'Trackers (6)' }).waitFor();
    await holds.getByText(/^Intervention Tracker: Status, Exit Date/).waitFor();
    await holds.getByText('WORKSHOP - Workshop / group class').waitFor();
    const doc = JSON.parse(await editor(page).inputValue());
    assert.equal(doc.code, 'cwork');
    assert.equal(doc.id, undefined, 'what the API derives is left out');
    assert.equal(typeof doc.checklist[0].label, 'undefined');
    await screen(page, 'admin-program');
  });

  test('a new program starts from a copy of another profile', async () => {
    const { page } = s;
    await go(page, '#/admin/programs/new');
    await waitForHeading(page, 'Add a program');
    await field(page, 'Start from a copy of').selectOption({ label: 'SNAP JP' });
    await page.waitForFunction(() => document.querySelector('textarea').value.includes('"isets_program": "snap_jp"'));
    await field(page, 'Code').fill(`pilot_${RUN}`);
    await field(page, 'Name').fill(`Pilot ${RUN}`);
    await screen(page, 'admin-program-new');
    await page.getByRole('button', { name: 'Create program' }).click();
    await waitForHeading(page, `Program: Pilot ${RUN}`);
    await notice(page, `Program “Pilot ${RUN}” created.`);
    await page.getByRole('region', { name: 'What this profile holds' }).getByText('JS - JS - Job Search').first().waitFor();
    // Retired again, so the other tests' program lists stay as they were.
    const made = await api('GET', `/programs/${/\/(\d+)$/.exec(page.url())[1]}`);
    await api('PUT', `/programs/${made.id}`, { ...made, active: false }, made.version);
  });
});

describe('program profiles, as a program manager', () => {
  let s;
  before(async () => { s = await signedIn(ACCOUNTS.pm, `#/admin/programs/${EARNFARE}`); });
  after(async () => { await s?.context.close(); });
  afterEach(async () => { await s.watch.check(); });

  test('a program manager sees only the program profiles, and saves a changed label', async () => {
    const { page } = s;
    await waitForHeading(page, 'Program: Earnfare');
    const tabs = page.getByRole('navigation', { name: 'Admin sections' });
    assert.equal(await tabs.getByRole('link').count(), 1, 'only Program profiles');
    await editDocument(page, (d) => { d.service_types[0].name = `Job search ${RUN}`; });
    await page.getByRole('button', { name: 'Save profile' }).click();
    await notice(page, 'Saved. This program is now at version');
    const code = original.service_types[0].code;
    await page.getByRole('region', { name: 'What this profile holds' }).getByText(`${code} - Job search ${RUN}`).waitFor();
    assert.equal((await api('GET', `/programs/${EARNFARE}`)).service_types[0].name, `Job search ${RUN}`);
    // The header's Admin link leads a program manager to the profiles.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await expectHash(page, '#/admin/programs');
    await waitForHeading(page, 'Program profiles');
    await go(page, `#/admin/programs/${EARNFARE}`);
    await waitForHeading(page, 'Program: Earnfare');
  });

  test('the API’s validation problems show beside the editor with their path, the text kept', async () => {
    const { page, watch } = s;
    watch.allow(422, '/api/v1/programs/');
    await editDocument(page, (d) => { d.fiscal_year_start_month = 13; d.checklist.push({ code: 'no_such_item', required: true }); });
    const typed = await editor(page).inputValue();
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('heading', { name: 'The program profile needs attention.' }).waitFor();
    const error = await fieldError(editor(page));
    assert.match(error, /fiscal_year_start_month: must be from 1 to 12 \(Rule R-DATE-3\.\)/);
    assert.match(error, /checklist: .*no_such_item/);
    assert.equal(await editor(page).inputValue(), typed, 'nothing typed is lost');
    await screen(page, 'admin-program-errors');
  });

  test('JSON that does not parse is refused in the browser with its line and column', async () => {
    const { page } = s;
    let sent = 0;
    const count = (req) => { if (req.method() === 'PUT') sent += 1; };
    page.on('request', count);
    await editor(page).fill('{\n  "code": "earnfare",\n  "name": "Earnfare",,\n}');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.waitForFunction(() => document.querySelector('textarea[aria-invalid="true"]'));
    assert.match(await fieldError(editor(page)), /not valid JSON at line 3, column 22/);
    assert.equal(await editor(page).evaluate((el) => el === document.activeElement), true, 'focus is on the editor');
    page.off('request', count);
    assert.equal(sent, 0, 'nothing was sent');
    await screen(page, 'admin-program-json');
  });

  test('a stale save says what the other person changed and reloads their version', async () => {
    const { page, watch } = s;
    watch.allow(412, '/api/v1/programs/');
    await go(page, '#/admin/programs');
    await go(page, `#/admin/programs/${EARNFARE}`);
    await waitForHeading(page, 'Program: Earnfare');
    // Someone else saves the profile meanwhile, through the API.
    const now = await api('GET', `/programs/${EARNFARE}`);
    await api('PUT', `/programs/${EARNFARE}`, { ...now, planned_grace_days: 21 }, now.version);
    await editDocument(page, (d) => { d.name = `Earnfare ${RUN}`; });
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('heading', { name: 'Someone else saved this program after you opened it' }).waitFor();
    await page.getByText('They changed: planned_grace_days.', { exact: false }).waitFor();
    await notice(page, 'Not saved');
    await screen(page, 'admin-program-conflict');
    await page.getByRole('button', { name: 'Reload their version' }).click();
    const doc = JSON.parse(await editor(page).inputValue());
    assert.equal(doc.planned_grace_days, 21, 'their change is in');
    assert.equal(doc.name, `Earnfare ${RUN}`, 'the name typed here is kept');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await waitForHeading(page, `Program: Earnfare ${RUN}`);
    await notice(page, 'Saved.');
  });
});

test('a provider partner gets "not for your role"', async () => {
  const context = await newContext(browser);
  const { page, watch } = await openPage(context, '#/admin/programs');
  await signIn(page, ACCOUNTS.ahs);
  await waitForHeading(page, 'Not available for your role');
  await go(page, `#/admin/programs/${EARNFARE}`);
  await waitForHeading(page, 'Not available for your role');
  await watch.check();
  await context.close();
});
