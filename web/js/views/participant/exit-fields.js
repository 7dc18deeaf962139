// views/participant/exit-fields.js: the exit form's fields (R-EXIT-3),
// only those the program's profile asks for (the readiness' `fields`).
const SCHOOL = [
  ['in_school_secondary', 'In-school, secondary school or less'], ['in_school_alternative', 'In-school, alternative school'],
  ['in_school_postsecondary', 'In-school, postsecondary school'], ['not_attending_dropout', 'Not attending school, dropout'],
  ['not_attending_hs_graduate', 'Not attending school, high school graduate'], ['not_attending_compulsory_age', 'Not attending school, within compulsory age'],
];
const CWORK_REASONS = [['program_completion', 'Program completion'], ['unable_to_complete', 'Unable to complete'], ['lack_of_contact', 'Lack of contact'], ['no_longer_interested', 'No longer interested'], ['groups_classes_only', 'Groups / classes only']];
const ISETS_PROGRAMS = [['snap_jp', 'SNAP JP'], ['snap_to_success', 'SNAP to Success'], ['earnfare', 'Earnfare']];
const COMPLETION = [['exited_unsuccessful', 'Exited - Unsuccessful Completion'], ['exited_moved', 'Moved to another program'], ['exited_successful', 'Exited - Successful Completion']];
const OUTCOME = [
  ['unsuccessful_employed_moved_out_of_area', 'Unsuccessful - Employed moved out of area'], ['unsuccessful_moved_out_of_area', 'Unsuccessful - Moved out of the area'],
  ['unsuccessful_no_longer_eligible', 'Unsuccessful - No longer eligible'], ['unsuccessful_not_right_fit', 'Unsuccessful - not the right fit / referred to a different program'],
  ['unsuccessful_did_not_meet_requirements', 'Unsuccessful - did not meet program requirements'], ['successful_pending_employment', 'Successful - Pending employment'],
  ['successful_unemployed', 'Successful - Unemployed'], ['successful_retention', 'Successful - Retention'],
  ['successful_employed_beyond_90_days', 'Successful - Employed beyond 90 days'], ['successful_completed_requirements', 'Successful - Completed Requirements'],
];
const opts = (rows) => rows.map(([value, label]) => ({ value, label }));

export function exitFields(readiness) {
  const reasons = readiness.exit_reasons && readiness.exit_reasons.length
    ? readiness.exit_reasons.map((r) => ({ value: r.code, label: r.label })) : opts(CWORK_REASONS);
  const all = {
    exit_date: { name: 'exit_date', label: 'Exit date', type: 'date', required: true, hint: 'Not before the last qualifying service, not in the future.' },
    school_status: { name: 'school_status', label: 'School status at exit', type: 'select', options: opts(SCHOOL) },
    exit_reason: { name: 'exit_reason', label: 'Exit reason', type: 'select', options: reasons },
    comments: { name: 'comments', label: 'Client exit comments', type: 'textarea', maxlength: 4000 },
    isets_program: { name: 'isets_program', label: 'Program', type: 'select', required: true, emptyLabel: 'Choose a program', options: opts(ISETS_PROGRAMS) },
    completion_status: { name: 'completion_status', label: 'Program completion status', type: 'select', required: true, emptyLabel: 'Choose a status', options: opts(COMPLETION) },
    outcome_reason: { name: 'outcome_reason', label: 'Outcome reason', type: 'select', emptyLabel: 'Choose a reason', options: opts(OUTCOME) },
    program_completion_date: { name: 'program_completion_date', label: 'Program completion date', type: 'date', required: true },
  };
  return (readiness.fields || ['exit_date']).map((f) => all[f]).filter(Boolean);
}

export function hardFields(readiness) {
  return [
    { name: 'reason', label: 'Outcome (hard exit reason)', type: 'select', required: true, emptyLabel: 'Choose a reason', options: readiness.hard_reasons.map((r) => ({ value: r.code, label: r.label })) },
    { name: 'exit_date', label: 'Exit date', type: 'date', required: true },
    { name: 'body', label: 'Case note: why the participant exits', type: 'textarea', required: true, rows: 4 },
    { name: 'file', label: 'Verifying document', type: 'file', required: readiness.hard_needs_document, hint: 'For example a death certificate: PDF, PNG, JPEG, TIFF, DOCX or text.' },
  ];
}
