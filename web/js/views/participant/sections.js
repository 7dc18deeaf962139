// views/participant/sections.js: the Outcomes record sections as data for
// records.js, with the help sheets' fields (seeds 001-004). R-SVC-1, R-SVC-4,
// R-CHK-3, R-MSG-1..3, R-CRED-1, R-EMP-1, R-FUP-1, R-PEX-1.
import * as api from '../../api.js';
import { h } from '../../dom.js';
import { choices, YN, today, button } from './records.js';

const label = (list, v) => (list.find((o) => o.value === v) || {}).label || v || '';
// A field; a label ending in * is a required field's.
const fld = (name, lbl, more) => ({ name, label: lbl.replace('*', ''), required: lbl.endsWith('*'), ...more });
const sel = (name, lbl, options, more) => fld(name, lbl, { type: 'select', options, emptyLabel: 'Choose one', ...more });
const req = (name, lbl, more) => fld(name, `${lbl}*`, more);
const date = (name, lbl, more) => fld(name, lbl, { type: 'date', ...more });
const PERIOD = choices('hour;week;month;year');

export function services({ base, items, goals, types, exited }) {
  const type = (v) => types.find((t) => t.id === v.service_type_id) || {};
  const STATUS = choices('planned;open=Started/Open;completed_successful=Completed Successfully;completed_unsuccessful=Completed Unsuccessfully;deleted');
  return {
    key: 'service', title: 'Services', noun: 'service', items, add: `${base}/services`, item: (r) => `/services/${r.id}`,
    name: (r) => `${r.service_type_name} (${r.start_date})`,
    intro: exited && 'Exited: only follow-up services can be added (R-SVC-4).',
    columns: ['Activity=service_type_name', 'Status=status_label', 'Start=start_date', 'End=end_date',
      ['Goal', (r) => r.goal_statement || 'Not assigned to a goal']],
    extra: (r) => !exited && /open|planned/.test(r.status) && button('Mark completed', 'complete', r.id, r.service_type_name),
    start: { status: 'open', start_date: today() },
    fields: (r) => [
      sel('service_type_id', 'Service type*', types.filter((t) => (t.active && (!exited || t.followup)) || (r && t.id === r.service_type_id)).map((t) => ({ value: t.id, label: `${t.code} - ${t.name}` })), { int: true }),
      sel('status', 'Status*', STATUS.filter((o) => r || o.value !== 'deleted')),
      date('start_date', 'Start date*'),
      date('end_date', 'End date', ),
      date('projected_end_date', 'Projected end date'),
      sel('goal_id', 'Goal', goals.map((g) => ({ value: g.id, label: g.statement })), { int: true, emptyLabel: 'Not assigned to a goal' }),
      { name: 'amount', label: 'Amount ($)', num: true, when: (v) => type(v).has_amount },
      sel('training_type', 'Training type', choices('occupational_skills;on_the_job;customized;registered_apprenticeship;skill_upgrading;entrepreneurial;adult_education_with_training;job_readiness_with_training;prerequisite;youth_occupational_skills;other'), { when: (v) => type(v).education_training }),
      { name: 'note', label: 'Note', type: 'textarea' },
    ],
  };
}

const CATEGORY = choices('support_services;career_plan;education_training_plan=Education/training plan;independent_living');
const TERM = choices('short=Short term;long=Long term');
const GSTATUS = choices('not_started;on_track;off_track;complete');
const PROGRESS = choices('COMPLETED;NOT_COMPLETED');
export const goals = ({ base, items }) => ({
  key: 'goal', title: 'Goals', noun: 'goal', items, add: `${base}/goals`, item: (r) => `/goals/${r.id}`,
  columns: ['Goal=statement', ['Category', (r) => label(CATEGORY, r.category)], ['Term', (r) => label(TERM, r.term)], ['Status', (r) => label(GSTATUS, r.status)],
    ['Goal progress', (r) => label(PROGRESS, r.progress)], 'Actual completion=actual_completion_date', ['Services', (r) => r.services.map((s) => s.name).join(', ')]],
  start: { status: 'not_started' },
  fields: () => [
    req('statement', 'Goal statement', { type: 'textarea' }),
    sel('category', 'Goal category*', CATEGORY),
    sel('term', 'Short or long term*', TERM),
    sel('status', 'Goal status*', GSTATUS),
    date('target_date', 'Target date'),
    sel('progress', 'Goal progress', PROGRESS),
    date('actual_completion_date', 'Actual completion date'),
  ],
});

export const credentials = ({ base, items, last, services: svc }) => ({
  key: 'credential', title: 'Credentials', noun: 'credential', items, add: `${base}/credentials`, item: (r) => `/credentials/${r.id}`, del: true,
  columns: ['Credential=title', 'Type=type_label', 'Source=source_label', 'Institution=institution',
    'Date attained=date_attained', 'Activity=service_name'],
  intro: `Last allowed date: ${last ? `${last}.` : 'one year after the exit (not exited yet).'}`,
  fields: () => [
    req('title', 'Credential title'),
    sel('type', 'Credential type', choices('secondary_diploma=H.S. Diploma/Equivalency/G.E.D.;aa_as=A.A. or A.S. Diploma/Degree;ba_bs=B.A. or B.S. Diploma/Degree;occupational_license=Occupational Skills License;'
      + 'occupational_certificate=Occupational Skills Certificate or Credential;other=Other Recognized Diploma, Degree, or Certificate;occupational_certification=Occupational Certification;graduate=Graduate/Post Graduate'), { required: true }),
    req('other_credential', 'Other credential', { when: (v) => v.type === 'other' }),
    sel('source', 'Verification source*', choices('copy_of_credential;copy_of_diploma;copy_of_certificate;copy_of_degree;copy_of_graduation_list;written_verification_of_transcript')),
    req('institution', 'Institution'),
    date('date_attained', 'Date attained*', { hint: `On or after the participation date, ${last ? `no later than ${last}, the last date allowed after the exit` : 'not in the future'}.` }),
    sel('service_id', 'Activity the credential was earned in', svc.filter((s) => s.status !== 'deleted').map((s) => ({ value: s.id, label: `${s.service_type_name} (${s.start_date})` })), { int: true }),
    sel('experience_in_field', 'Experience in the credential field', YN),
    { name: 'agency_code', label: 'Agency code' },
    { name: 'doc', label: 'Verification document', type: 'file', file: 'credential' },
  ],
});

export const assessments = ({ pid, eid }) => ({
  key: 'assessment', title: 'Assessments', noun: 'assessment', addLabel: 'Add an assessment', del: true,
  add: `/participants/${pid}/assessments`, item: (r) => `/assessments/${r.id}`,
  name: (r) => `${r.test_label} ${r.subject_label} ${r.assessed_on}`,
  columns: [['Test', (r) => r.test_name || r.test_label], 'Subject=subject_label', 'Date=assessed_on', 'Scale score=scale_score',
    ['Level', (r) => r.nrs_level && `${r.nrs_level}: ${r.nrs_level_label}`], 'Program year=program_year'],
  fields: () => [
    sel('test', 'Test*', choices('tabe_11_12=TABE 11/12;tabe_clas_e=TABE CLAS-E;casas=CASAS;best_plus=BEST Plus;other')),
    req('test_name', 'Name of the test', { when: (v) => v.test === 'other' }),
    sel('subject', 'Subject*', choices('reading;math;language;writing;listening;speaking')),
    date('assessed_on', 'Date assessed*'),
    { name: 'scale_score', label: 'Scale score', num: true },
    sel('level_scale', 'Level scale', choices('abe=ABE;esl=ESL'), { when: (v) => v.test !== 'tabe_11_12' }),
    sel('functioning_level', 'NRS functioning level', choices('1;2;3;4;5;6'), { int: true, when: (v) => v.test !== 'tabe_11_12' }),
  ],
  prep: (b) => ({ ...b, enrollment_id: eid }),
});

// The help sheets' guidance for each type (seeds 001 and 004).
const HELP = {
  efl: 'One full level up in the tests of Assessments; or, after exit with school status "Not attending school; H.S. Graduate", entry into postsecondary education in the program year.',
  secondary_transcript: 'No diploma at entry: one semester in the program year, satisfactory in all classes.',
  postsecondary_transcript: 'Full-time: 12 credits in a semester; part-time: 12 in two consecutive semesters within 12 months (R-MSG-2).',
  training_milestone: 'A satisfactory progress report towards milestones (OJT, a year of apprenticeship).',
  skills_progression: 'An occupational exam or trade benchmarks passed; a diploma, GED, credential or degree.',
};
const only = (types, f) => ({ ...f, when: (v) => types.includes(v.type) && (!f.when || f.when(v)) });
const PS = ['postsecondary_transcript'];
const sem = (n, when) => [date(`semester${n}_start`, `Semester ${n} start`), date(`semester${n}_end`, `Semester ${n} end`),
  { name: `semester${n}_credits`, label: `Semester ${n} credits`, num: true }].map((f) => only(PS, { ...f, required: true, when }));
const doc = (type, lbl) => only([type], { name: `doc_${type}`, label: lbl, type: 'file', file: 'skill_gain', required: true });
const PURSUING = '1. This customer is pursuing their GED/Diploma/certificate and enrolled in ';

export function skillGains({ base, candidates, education, help }) {
  return {
    key: 'msg', title: 'Measurable skill gains', noun: 'measurable skill gain', del: true,
    add: `${base}/skill-gains`, item: (r) => `/skill-gains/${r.id}`,
    start: { highest_education: education },
    name: (r) => `${r.type_label} ${r.date_attained}`,
    columns: ['Skill type=type_label', 'Date attained=date_attained', 'Comment=comment', 'Program year=program_year'],
    fields: (r) => [
      sel('type', 'Skill type', choices('efl=Educational Functional Level (EFL);secondary_transcript=Secondary Transcript/Report Card;postsecondary_transcript=Postsecondary Transcript/Report Card;'
        + 'training_milestone=Training Milestone;skills_progression=Skills Progression/Diploma/Certificate/Degree'), { required: true, fixed: true }),
      only(['efl'], sel('efl_basis', 'How the EFL gain was achieved*', choices('test_scores=Test scores (Assessments);postsecondary_entry=Entry into postsecondary education after exit'), { emptyLabel: null })),
      only(['efl'], sel('candidate', 'EFL gain shown by the test scores', candidates.map((c) => ({ value: `${c.pre_assessment_id}-${c.post_assessment_id}`,
        label: `${c.subject_label}: level ${c.pre_level} to ${c.post_level}, ${c.date_attained}${c.recorded ? ' (recorded)' : ''}` })),
      { required: true, local: true, when: (v) => v.efl_basis === 'test_scores' })),
      only(['secondary_transcript'], sel('enrolled_secondary', `${PURSUING}secondary education`, YN, { required: true })),
      only(PS, sel('load', `${PURSUING}post-secondary education`, choices('full_time=Full time and achieved at least 12 credits within one semester;part_time=Part-time and achieved at least 12 credits in two consecutive semesters within the same 12-month period'), { required: true })),
      only(['secondary_transcript', ...PS], sel('highest_education', '2. This customer is in the system with the following Highest Level of Education', choices('grade_8_or_less;hs_freshman;hs_sophomore;hs_junior;hs_senior;grade_12_no_diploma;iep_certificate=IEP certificate;hs_equivalency;hs_diploma;some_postsecondary;postsecondary_certificate;associate;bachelor;beyond_bachelor'), { required: true })),
      ...sem(1), ...sem(2, (v) => v.load === 'part_time'),
      only(['skills_progression'], sel('passed_exam', '1. Has this customer successfully passed an exam or benchmarks to receive a high-school diploma or GED, an industry recognized credential or certificate, or an Associates or Bachelors Degree?*', YN)),
      doc('secondary_transcript', 'Secondary transcript or report card'),
      doc('postsecondary_transcript', 'Postsecondary transcript or report card'),
      doc('training_milestone', 'Progress report'),
      doc('skills_progression', 'Exam or benchmark document'),
      date('date_attained', 'Date attained*'),
      req('comment', 'Comment', { type: 'textarea' }),
    ].map((f) => (r && f.file ? { ...f, required: false } : f)),
    prep: (b, v) => {
      if (v.type === 'efl' && v.efl_basis === 'test_scores' && v.candidate) [b.pre_assessment_id, b.post_assessment_id] = v.candidate.split('-').map(Number);
      return b;
    },
    help: (form) => {
      const box = h('div', { class: 'hint', 'aria-live': 'polite', 'data-help': '' });
      form.el.querySelector('[data-field="type"]').after(box);
      return (v) => box.replaceChildren(HELP[v.type] || '', v.type === 'efl' ? help() : '');
    },
  };
}

export const employment = ({ pid }) => ({
  key: 'job', title: 'Employment', noun: 'job', addLabel: 'Add employment', del: true, start: { is_current: true },
  add: `/participants/${pid}/employment`, item: (r) => `/employment/${r.id}`,
  name: (r) => `${r.job_title} at ${r.employer}`,
  columns: ['Employer=employer', 'Job title=job_title', 'Start=start_date', ['End', (r) => r.end_date || 'Present'],
    ['Hourly wage', (r) => r.hourly_wage !== null && `$${r.hourly_wage.toFixed(2)}`], 'Days retained=days_retained'],
  fields: () => [
    { name: 'is_current', label: 'This is a current job', type: 'checkbox' },
    req('employer', 'Employer'),
    date('start_date', 'Start date*'),
    date('end_date', 'End date*', { when: (v) => !v.is_current }),
    req('job_title', 'Job title'),
    req('soc_code', 'SOC code', { hint: 'NN-NNNN or NN-NNNN.NN, for example 43-5081.' }),
    req('street1', 'Street address 1'),
    { name: 'street2', label: 'Street address 2' },
    req('city', 'Employer city'),
    req('state', 'Employer state', { width: 'short' }),
    req('zip', 'ZIP code', { width: 'short' }),
    req('duties', 'Job duties', { type: 'textarea' }),
    req('hours_per_week', 'Hours per week', { num: true, width: 'short' }),
    req('wage', 'Wage ($)', { num: true, width: 'short' }),
    sel('wage_period', 'Wage per*', PERIOD),
    sel('meets_needs', 'Does this job meet your needs?*', YN),
    req('meets_needs_why', 'Why or why not?', { type: 'textarea' }),
  ],
});

const BY_TYPE = {
  tracker_status: { type: 'select', options: choices('ACTIVE;EXITED;COMPLETED;NOT_COMPLETED;WITHDRAWN') },
  tracker_stage: { type: 'select', options: choices('INTAKE;IN_PROGRAM;PROGRAM_EXIT;FOLLOW_UP') },
  date: { type: 'date' },
  money: { num: true },
  attendance: { hint: 'Sessions attended out of the total, such as 14 of 15.' },
  multi_select: { type: 'checkboxes' },
};
const KINDS = { intervention: 'Intervention', employment: 'Employment', ece_course: 'ECE Course', internship: 'Internship', income: 'Income', housing: 'Housing' };
// The profile's tracker kinds and their labels.
export const trackerKinds = (t) => Object.fromEntries(Object.entries(t || {}).map(([k, x]) => [k, x.label || `${KINDS[k] || k} Tracker`]));

// trackers: the profile's settings.trackers ({} when it cannot be read).
// The fields of every kind make one list, each shown for its kinds.
export function trackers({ base, trackers: t = {}, reasons }) {
  BY_TYPE.exit_reason = { type: 'select', options: reasons.map((r) => ({ value: r.code, label: r.label })) };
  const byCode = new Map();
  for (const [kind, x] of Object.entries(t)) {
    for (const f of x.fields) {
      if (!byCode.has(f.code)) byCode.set(f.code, { ...f, kinds: [] });
      byCode.get(f.code).kinds.push(kind);
    }
  }
  const fields = [...byCode.values()].map((f) => ({
    name: f.code, label: f.label, maxlength: f.code === 'grade' ? 8 : 2000, ...BY_TYPE[f.type],
    ...(f.options && { options: f.options.map((o) => ({ value: o, label: label(PERIOD, o) })) }), when: (v) => f.kinds.includes(v.tracker_type),
  }));
  return {
    key: 'tracker', title: 'Trackers', noun: 'tracker', del: true, start: { date: today() },
    add: `${base}/trackers`, item: (r) => `/trackers/${r.id}`,
    columns: [['Tracker', (r) => `${r.tracker_type_label} #${r.id}`], 'Created=created_on',
      ['Details', (r) => fields.filter((f) => r[f.name] != null && f.when(r)).map((f) => `${f.label}: ${r[`${f.name}_label`] || [].concat(r[f.name]).join(', ')}`).join('; ')]],
    fields: (r) => [sel('tracker_type', 'Kind of tracker', Object.entries(trackerKinds(t)).map(([value, lbl]) => ({ value, label: lbl })),
      { required: true, fixed: true, local: !!r }), ...fields],
  };
}

export const stories = ({ pid, eid }) => ({
  key: 'story', title: 'Success stories', noun: 'success story', del: true, start: { submitted_by: 'staff', story_date: today() },
  add: `/participants/${pid}/success-stories`, item: (r) => `/success-stories/${r.id}`,
  columns: ['Title=title', 'Date=story_date', ['Told by', (r) => `${r.submitted_by_name} (${r.submitted_by})`],
    ['Consent to share', (r) => (r.consent_to_share ? 'Yes' : 'No')], 'Story=story'],
  fields: () => [
    req('title', 'Title of the story'),
    req('story', 'Story', { type: 'textarea', rows: 5 }),
    date('story_date', 'Date of the story*'),
    sel('submitted_by', 'Told by', choices('staff;participant=The participant')),
    { name: 'consent_to_share', label: 'The participant consents to sharing this story', type: 'checkbox' },
  ],
  prep: (b) => ({ ...b, enrollment_id: eid }),
});

const METHOD = choices('in_person;phone;email;text=Text message;video=Video call;mail;other');
// fu: GET .../follow-ups; open: contacts may be recorded (after a regular,
// soft or not-enrolled exit).
export const followUps = ({ base, fu, open }) => ({
  key: 'followup', title: 'Follow-up contacts', noun: 'follow-up contact', items: fu.contacts, add: open && `${base}/follow-ups`,
  addLabel: 'Add a follow-up case note', empty: 'No follow-up contacts yet.',
  intro: [h('p', {}, `${fu.rule_label}. ${fu.exit_date ? `Exited ${fu.exit_date}: ${fu.done} of ${fu.scheduled} due contacts done, ${fu.overdue} overdue.` : 'Follow-up starts after the exit.'}`),
    fu.schedule.length ? h('p', {}, `Schedule: ${fu.schedule.map((s) => `contact ${s.number} ${s.from} to ${s.due}, ${s.state}`).join('; ')}.`) : null],
  columns: ['Date=contact_date', ['Method', (r) => label(METHOD, r.contact_method)], 'Subject=subject',
    'Result=follow_up_outcome_label', 'By=author', 'Shown to=visibility'],
  start: { contact_date: today(), visibility: 'staff' },
  fields: () => [
    date('contact_date', 'Contact date*'),
    sel('contact_method', 'How the contact was made*', METHOD),
    sel('follow_up_outcome', 'Result of the contact*', choices('completed;declined;unable_to_locate')),
    req('subject', 'Subject'),
    req('body', 'Case note', { type: 'textarea', rows: 4 }),
    sel('visibility', 'Saved as', choices('staff=Staff only;participant=Shared with the participant')),
    { name: 'recipients', label: 'Sent to', hint: 'Names or addresses, separated by commas.' },
  ],
  prep: (b) => (b.recipients ? { ...b, recipients: b.recipients.split(',').map((s) => s.trim()).filter(Boolean) } : b),
});

// pe: GET .../post-exit; jobs: the participant's.
export function quarters({ base, pe, jobs }) {
  const q = (x) => ({ ...x, id: x.quarter });
  return {
    key: 'quarter', title: 'Post-exit quarters', noun: 'quarter', items: pe.quarters.map(q), put: true, canEdit: (r) => r.begun,
    item: (r) => `${base}/post-exit/${r.quarter}`,
    load: async (r) => q((await api.get(`${base}/post-exit`)).quarters.find((x) => x.quarter === r.quarter)),
    empty: 'The post-exit quarters start after a regular or soft exit.',
    columns: [['Quarter', (r) => `Quarter ${r.quarter}`], ['Dates', (r) => `${r.first_day} to ${r.last_day}${r.begun ? '' : ' (not begun)'}`],
      ['Outcome', (r) => r.outcome_label || 'Not entered'], 'Earnings=earnings', 'Verified=verified_date',
      'Source=verification_source_label', ['Job', (r) => r.employment && r.employment.employer]],
    fields: () => [
      sel('outcome', 'Outcome*', choices('employed;employed_registered_apprenticeship=Employed in a registered apprenticeship;military;education_training=In education or training;not_employed;not_yet_known')),
      { name: 'earnings', label: 'Earnings in the quarter ($)', num: true },
      date('verified_date', 'Document verified date'),
      sel('verification_source', 'Source used to verify', choices('ui_wage_match=UI wage match;federal_military_records=Federal or military records;pay_stub;employer_verification;other')),
      sel('employment_id', 'Employment this outcome refers to', jobs.map((j) => ({ value: j.id, label: `${j.employer}, ${j.job_title}, from ${j.start_date}` })),
        { int: true, required: true, when: (v) => /^employed/.test(v.outcome || '') }),
    ],
  };
}
