// views/participant/exit-fields.js: the fields of the exits the profile
// asks for (R-EXIT-3..6), and where each checklist item is put right.
import { choices } from './records.js';

const SCHOOL = choices('in_school_secondary=In-school, secondary school or less;in_school_alternative=In-school, alternative school;in_school_postsecondary=In-school, postsecondary school;'
  + 'not_attending_dropout=Not attending school, dropout;not_attending_hs_graduate=Not attending school, high school graduate;not_attending_compulsory_age=Not attending school, within compulsory age');
const opts = (list) => list.map((r) => ({ value: r.code, label: r.label }));
const sel = (name, label, options, more) => ({ name, label, type: 'select', options, ...more });
const date = (name, label, more) => ({ name, label, type: 'date', required: true, ...more });

// profile: the program's, whose completion statuses carry their outcome
// reasons (R-CHK-2); participant-edit.js passes none.
export function exitFields(readiness, profile = {}) {
  const cs = profile.completion_statuses || [];
  const all = {
    exit_date: date('exit_date', 'Exit date', { hint: 'Not before the last qualifying service, not in the future.' }),
    school_status: sel('school_status', 'School status at exit', SCHOOL),
    exit_reason: sel('exit_reason', 'Exit reason', opts(readiness.exit_reasons || [])),
    comments: { name: 'comments', label: 'Client exit comments', type: 'textarea' },
    isets_program: sel('isets_program', 'Program', choices('snap_jp=SNAP JP;snap_to_success=SNAP to Success;earnfare=Earnfare'), { required: true, emptyLabel: 'Choose a program' }),
    completion_status: sel('completion_status', 'Program completion status', opts(cs), { required: true, emptyLabel: 'Choose a status' }),
    outcome_reason: sel('outcome_reason', 'Outcome reason', opts(cs.flatMap((c) => c.outcome_reasons)), { emptyLabel: 'Choose a reason' }),
    program_completion_date: date('program_completion_date', 'Program completion date'),
  };
  return (readiness.fields || ['exit_date']).map((f) => all[f]).filter(Boolean);
}

// late: the exclusion after exit, which has no date of its own.
export const hardFields = (readiness, late) => [
  sel('reason', 'Outcome (hard exit reason)', opts(readiness.hard_reasons), { required: true, emptyLabel: 'Choose a reason' }),
  late ? null : date('exit_date', 'Exit date'),
  { name: 'body', label: 'Case note: why the participant exits', type: 'textarea', required: true, rows: 4 },
  { name: 'file', label: 'Verifying document', type: 'file', required: readiness.hard_needs_document, hint: 'For example a death certificate: PDF, PNG, JPEG, TIFF, DOCX or text.' },
].filter(Boolean);

export const notEnrolledFields = (note) => [
  date('exit_date', 'Closing date', { hint: note || 'Only for a client who never received a service.' }),
  { name: 'comments', label: 'Client exit comments', type: 'textarea' },
];

// Checklist item → [section, tracker kind, values to start from, edit the
// open one]; an item naming a `field` is met in the exit form itself.
export const FIX = {
  services_complete: ['service'], activities_complete_except_supportive: ['service'], msg_entered: ['msg'], credentials_entered: ['credential'], goals_closed: ['goal'],
  cwork_intervention_exited: ['tracker', 'intervention', { status: 'EXITED' }, 1], cwork_employment_tracker_exit: ['tracker', 'employment', { stage: 'PROGRAM_EXIT' }],
  cwork_ece_course_closed: ['tracker', 'ece_course', {}, 1], cwork_internship_closed: ['tracker', 'internship', {}, 1],
  cwork_income_same_fiscal_quarter: ['tracker', 'income'], cwork_housing_tracker_exit: ['tracker', 'housing', { housing_stage: 'PROGRAM_EXIT' }],
};
