// The Outcomes tab's record forms (issue 7), on the demo data: every kind
// of record added through its form and seen in its list; the five skill-gain
// types each asking only their own questions; a stale edit that keeps what
// was typed; a credential after the last allowed date refused beside its
// date; a regular exit, a post-exit quarter, a follow-up contact and the
// undo by a program manager; the C-Work close-out, where each unmet
// checklist item leads to the form that meets it; the not-enrolled closure.
// axe runs with the forms open.
import { describe, test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newContext, openPage, screen } from './lib/browser.mjs';
import { ACCOUNTS, signIn, waitForHeading, field, fieldError, notice, expectHash } from './lib/app.mjs';
import { BASE_URL, PASSWORD } from './lib/env.mjs';

const RUN = Date.now().toString(36).slice(-5);
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

// Another person's session, straight through the API (Node's fetch).
async function apiAs(login) {
  const res = await fetch(`${BASE_URL}/api/v1/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login, password: PASSWORD }) });
  const cookie = res.headers.get('set-cookie').split(';')[0];
  const { csrf_token: csrf } = await res.json();
  return async (method, path, body, version) => {
    const headers = { Cookie: cookie, 'X-CSRF-Token': csrf, Accept: 'application/json' };
    if (body) headers['Content-Type'] = 'application/json';
    if (version) headers['If-Match'] = `"${version}"`;
    const r = await fetch(`${BASE_URL}/api/v1${path}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
    assert.ok(r.ok, `${method} ${path}: ${r.status} ${await r.clone().text()}`);
    return r.json();
  };
}

async function open(page, id, name) {
  await page.evaluate((h) => { window.location.hash = h; }, `#/participants/${id}/outcomes`);
  await expectHash(page, `#/participants/${id}/outcomes`);
  await waitForHeading(page, `${name}: Outcomes`);
}

const region = (page, name) => page.getByRole('region', { name, exact: true });

// Opens a section's add form, fills it ({label: value}: text is typed, a
// value of an <select> chosen, true ticks a box, {file} uploads) and adds.
async function addRecord(page, sectionName, summary, values, button) {
  const sec = region(page, sectionName);
  await sec.getByText(summary, { exact: true }).click();
  await fill(sec, values);
  await sec.getByRole('button', { name: button, exact: true }).click();
}

async function fill(scope, values) {
  for (const [label, value] of Object.entries(values)) {
    const el = field(scope, label).first();
    const tag = await el.evaluate((n) => `${n.tagName}:${n.type}`);
    if (tag.startsWith('SELECT')) await el.selectOption(value);
    else if (tag === 'INPUT:checkbox') await el.setChecked(value);
    else if (tag === 'INPUT:file') await el.setInputFiles({ name: value, mimeType: 'text/plain', buffer: Buffer.from(`${value} (test)\n`) });
    else await el.fill(value);
  }
}

describe('Karen James, WIOA Adult: adding and editing records', () => {
  let context; let page; let watch;
  before(async () => {
    context = await newContext(browser);
    ({ page, watch } = await openPage(context, '#/signin'));
    await signIn(page, ACCOUNTS.partner);
    await open(page, 1, 'Karen James');
  });
  after(async () => { await context?.close(); });
  afterEach(async () => { await watch.check(); });

  test('a service, a goal, an assessment, a job and a success story through their forms', async () => {
    await addRecord(page, 'Goals', 'Add a goal', { 'Goal statement': `Work as a CNA ${RUN}`, 'Goal category': 'career_plan', 'Short or long term': 'long' }, 'Add goal');
    await notice(page, 'Goal added');
    await region(page, 'Goals').getByRole('rowheader', { name: `Work as a CNA ${RUN}` }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'goal-heading');

    await addRecord(page, 'Services / Activities', 'Add a service', { 'Service type': '108', 'Start date': '2025-03-01', Goal: `Work as a CNA ${RUN}` }, 'Add service');
    await notice(page, 'Service added');
    await region(page, 'Goals').getByRole('cell', { name: 'Career planning and counseling' }).waitFor();

    await addRecord(page, 'Assessments', 'Add an assessment', { Test: 'casas', Subject: 'math', 'Date assessed': '2025-02-03', 'Scale score': '210', 'Level scale': 'abe', 'NRS functioning level': '3' }, 'Add assessment');
    await notice(page, 'Assessment added');
    await region(page, 'Assessments').getByRole('cell', { name: 'Mathematics', exact: true }).waitFor();

    await addRecord(page, 'Employment', 'Add employment', {
      Employer: `Keck Hospital ${RUN}`, 'Start date': '2025-06-02', 'Job title': 'Patient care technician', 'SOC code': '29-2099', 'Street address 1': '1500 San Pablo St',
      'Employer city': 'Los Angeles', 'Employer state': 'CA', 'ZIP code': '90033', 'Job duties': 'Vital signs and patient transport.', 'Hours per week': '24', 'Wage ($)': '21.50',
      'Wage per': 'hour', 'Does this job meet your needs?': 'yes', 'Why or why not?': 'Evening shifts fit around her other job.',
    }, 'Add job');
    await notice(page, 'Job added');
    await region(page, 'Employment').getByRole('cell', { name: '$21.50' }).waitFor();

    await addRecord(page, 'Success stories', 'Add a success story', { 'Title of the story': `Two jobs, one career ${RUN}`, Story: 'Karen now works two shifts in patient care.', 'The participant consents': true }, 'Add success story');
    await notice(page, 'Success story added');
    await region(page, 'Success stories').getByRole('rowheader', { name: `Two jobs, one career ${RUN}` }).waitFor();
  });

  test('a skill gain of each type asks only its own questions, and one is added with its document', async () => {
    const sec = region(page, 'Measurable Skill Gains');
    await sec.getByText('Add a measurable skill gain', { exact: true }).click();
    const own = {
      efl: ['How the EFL gain was achieved', 'EFL gain shown by the test scores'],
      secondary_transcript: ['1. This customer is pursuing their GED/Diploma/certificate and enrolled in secondary', '2. This customer is in the system', 'Secondary transcript or report card'],
      postsecondary_transcript: ['1. This customer is pursuing their GED/Diploma/certificate and enrolled in post-secondary', '2. This customer is in the system', 'Semester 1 start', 'Semester 1 credits', 'Postsecondary transcript or report card'],
      training_milestone: ['Progress report'],
      skills_progression: ['1. Has this customer successfully passed an exam', 'Exam or benchmark document'],
    };
    const everyQuestion = [...new Set(Object.values(own).flat())];
    for (const [type, questions] of Object.entries(own)) {
      await field(sec, 'Skill type').selectOption(type);
      for (const q of everyQuestion) {
        const visible = await field(sec, q).first().isVisible();
        assert.equal(visible, questions.includes(q), `${type}: "${q}" ${visible ? 'shown' : 'hidden'}`);
      }
      await sec.locator('[data-help]').filter({ hasText: /\w/ }).waitFor();
      if (type === 'efl' || type === 'postsecondary_transcript') await screen(page, `msg-form-${type}`);
    }
    // Part-time asks for the second semester too.
    await field(sec, 'Skill type').selectOption('postsecondary_transcript');
    assert.equal(await field(sec, 'Semester 2 end').isVisible(), false);
    await field(sec, '1. This customer is pursuing their GED/Diploma/certificate and enrolled in post-secondary').selectOption('part_time');
    await field(sec, 'Semester 2 end').waitFor();

    await field(sec, 'Skill type').selectOption('skills_progression');
    await fill(sec, { '1. Has this customer': 'yes', 'Exam or benchmark document': 'cna-exam.txt', 'Date attained': '2025-02-20', Comment: `Passed the state CNA exam ${RUN}.` });
    await sec.getByRole('button', { name: 'Add measurable skill gain' }).click();
    await notice(page, 'Measurable skill gain added');
    await region(page, 'Measurable Skill Gains').getByRole('cell', { name: `Passed the state CNA exam ${RUN}.` }).waitFor();
  });

  test('a stale edit shows what the other person changed and keeps what was typed', async () => {
    watch.allow(412, '/api/v1/employment/');
    const other = await apiAs(ACCOUNTS.partner.login);
    const job = (await other('GET', '/participants/1/employment')).items.find((j) => j.employer === `Keck Hospital ${RUN}`);
    const sec = region(page, 'Employment').locator('.edit-panel');
    await region(page, 'Employment').getByRole('button', { name: `Edit: Patient care technician at Keck Hospital ${RUN}` }).click();
    await field(sec, 'Job title').fill('Senior patient care technician');
    await other('PATCH', `/employment/${job.id}`, { employer: `Keck Medicine of USC ${RUN}` }, job.version);
    await sec.getByRole('button', { name: 'Save job' }).click();
    const conflict = sec.getByText('Someone else saved this job after you opened it');
    await conflict.waitFor();
    await sec.getByText(`“Keck Hospital ${RUN}” → “Keck Medicine of USC ${RUN}”`).waitFor();
    assert.equal(await field(sec, 'Job title').inputValue(), 'Senior patient care technician');
    await screen(page, 'outcomes-stale-edit');
    await sec.getByRole('button', { name: 'Reload their version' }).click();
    assert.equal(await field(sec, 'Employer').first().inputValue(), `Keck Medicine of USC ${RUN}`);
    assert.equal(await field(sec, 'Job title').inputValue(), 'Senior patient care technician');
    await sec.getByRole('button', { name: 'Save job' }).click();
    await notice(page, 'Job saved');
    await region(page, 'Employment').getByRole('cell', { name: 'Senior patient care technician', exact: true }).waitFor();
  });
});

describe('James Chen, WIOA Adult: exit, quarters, follow-up, credential window, undo', () => {
  let context; let page; let watch;
  before(async () => {
    context = await newContext(browser);
    ({ page, watch } = await openPage(context, '#/signin'));
    await signIn(page, ACCOUNTS.partner);
    await open(page, 23, 'James Chen');
  });
  after(async () => { await context?.close(); });
  afterEach(async () => { await watch.check(); });

  test('a regular exit, then a post-exit quarter and a follow-up contact', async () => {
    const exit = region(page, 'Exit');
    await fill(exit, { 'School status at exit': 'not_attending_hs_graduate', 'Exit reason': 'entered_employment', 'Exit date': '2025-09-30' });
    await exit.getByRole('button', { name: 'Exit participant' }).click();
    await notice(page, 'James Chen exited.');

    const pe = region(page, 'Post-exit');
    await pe.getByRole('button', { name: 'Edit: Quarter 2' }).click();
    await field(pe, 'Outcome').selectOption('employed');
    await field(pe, 'Employment this outcome refers to').selectOption({ label: 'Kaiser Permanente, Medical Records Specialist, from 2026-01-05' });
    await fill(pe, { 'Earnings in the quarter': '9800', 'Document verified date': '2026-03-20', 'Source used to verify': 'pay_stub' });
    await screen(page, 'outcomes-quarter-form');
    await pe.getByRole('button', { name: 'Save quarter' }).click();
    await notice(page, 'Quarter saved');
    await region(page, 'Post-exit quarters (table)').getByRole('cell', { name: 'Kaiser Permanente' }).waitFor();

    await addRecord(page, 'Follow-up', 'Add a follow-up case note', {
      'How the contact was made': 'phone', 'Result of the contact': 'completed', Subject: `First follow-up ${RUN}`, 'Case note': 'Still at Kaiser, full-time.', 'Sent to': 'James Chen',
    }, 'Add follow-up contact');
    await notice(page, 'Follow-up contact added');
    await region(page, 'Follow-up').getByRole('cell', { name: `First follow-up ${RUN}` }).waitFor();
    await screen(page, 'outcomes-after-exit');
  });

  test('a credential dated after the last allowed date is refused beside the date', async () => {
    watch.allow(422, '/credentials');
    const sec = region(page, 'Credentials');
    await sec.getByText('Last allowed date: 2026-09-30.').waitFor();
    await addRecord(page, 'Credentials', 'Add a credential', {
      'Credential title': 'Medical records certificate', 'Credential type': 'occupational_certificate', 'Verification source': 'copy_of_certificate',
      Institution: 'East Los Angeles College', 'Date attained': '2026-10-15', 'Activity the credential': '121', 'Agency code': 'WDACS-001',
    }, 'Add credential');
    const date = field(sec, 'Date attained');
    await page.waitForFunction(() => document.activeElement && document.activeElement.name === 'date_attained');
    assert.match(await fieldError(date), /2026-09-30.*R-CRED-1/);
    assert.equal(await field(sec, 'Credential title').inputValue(), 'Medical records certificate');
    await screen(page, 'outcomes-credential-window');
  });

  test('a program manager undoes the exit and the enrollment is back', async () => {
    const pm = await newContext(browser);
    const { page: p2, watch: w2 } = await openPage(pm, '#/participants/23/outcomes');
    await signIn(p2, ACCOUNTS.pm);
    await waitForHeading(p2, 'James Chen: Outcomes');
    await field(p2, 'Why undo this exit').fill('A service dated in September was entered late.');
    await p2.getByRole('button', { name: 'Undo the exit' }).click();
    await notice(p2, 'Exit undone');
    await region(p2, 'Exit').getByText('Enrolled, case open').waitFor();
    await p2.getByRole('button', { name: 'Exit participant' }).waitFor();
    await w2.check();
    await pm.close();
  });
});

describe('C-Work close-out (Tran Chen) and not enrolled (Mei Delgado)', () => {
  let context; let page; let watch;
  before(async () => {
    context = await newContext(browser);
    ({ page, watch } = await openPage(context, '#/signin'));
    await signIn(page, ACCOUNTS.cwork);
    await open(page, 29, 'Tran Chen');
  });
  after(async () => { await context?.close(); });
  afterEach(async () => { await watch.check(); });

  const fix = (name) => region(page, 'Exit').getByRole('button', { name, exact: true });

  test('each unmet item leads to its form; filled in, the exit goes through', async () => {
    await addRecord(page, 'Goals', 'Add a goal', { 'Goal statement': `Obtain a child development permit ${RUN}`, 'Goal category': 'education_training_plan', 'Short or long term': 'long' }, 'Add goal');
    await notice(page, 'Goal added');
    await screen(page, 'cwork-checklist');

    // By keyboard: the item's button takes focus to the form, preset.
    await fix('Update Intervention Tracker #15').focus();
    await page.keyboard.press('Enter');
    const trackers = region(page, 'C-Work trackers');
    await page.waitForFunction(() => document.activeElement && document.activeElement.name === 'status');
    assert.equal(await field(trackers.locator('.edit-panel'), 'Status').inputValue(), 'EXITED');
    await fill(trackers.locator('.edit-panel'), { 'Exit Date': today(), 'End Reason': 'program_completion', 'End Details': 'Finished the ECE course and the internship.', 'Obtained employment': true });
    await screen(page, 'cwork-tracker-edit');
    await trackers.getByRole('button', { name: 'Save tracker' }).click();
    await notice(page, 'Tracker saved');

    for (const [kind, values] of [['Employment', {}], ['Income', { Income: '2400', Per: 'month' }], ['Housing', {}]]) {
      await fix(`Add a new ${kind} Tracker`).click();
      await page.waitForFunction(() => document.activeElement && document.activeElement.closest('[data-form="tracker-add"]'));
      await fill(trackers.locator('[data-form="tracker-add"]'), values);
      await trackers.getByRole('button', { name: 'Add tracker' }).click();
      await notice(page, `Tracker added: ${kind} Tracker #`);
    }
    await trackers.getByRole('cell', { name: /Housing Stage: PROGRAM.EXIT/ }).waitFor();

    await fix(`Update goal: Obtain a child development permit ${RUN}`).click();
    const goals = region(page, 'Goals');
    await fill(goals.locator('.edit-panel'), { 'Goal progress': 'COMPLETED', 'Actual completion date': today() });
    await goals.getByRole('button', { name: 'Save goal' }).click();
    await notice(page, 'Goal saved');

    await fix('Exit reason in the regular exit form below').click();
    await page.waitForFunction(() => document.activeElement && document.activeElement.name === 'exit_reason');
    await page.keyboard.type('Program');
    await fix('Client exit comments in the regular exit form below').click();
    await page.keyboard.type('Completed the course and the internship; now working in a preschool.');
    await screen(page, 'cwork-ready-to-exit');
    await region(page, 'Exit').getByRole('button', { name: 'Exit participant' }).click();
    await notice(page, 'Tran Chen exited.');
    await region(page, 'Exit').getByText('Closed', { exact: false }).first().waitFor();
  });

  test('a client never served is closed as not enrolled', async () => {
    await open(page, 36, 'Mei Delgado');
    const exit = region(page, 'Exit');
    await exit.getByText('Not enrolled (never received a service)').click();
    await field(exit, 'Client exit comments').last().fill('Referred in the spring; never came to orientation.');
    await screen(page, 'cwork-not-enrolled');
    await exit.getByRole('button', { name: 'Close as not enrolled' }).click();
    await notice(page, 'closed as not enrolled');
  });
});
