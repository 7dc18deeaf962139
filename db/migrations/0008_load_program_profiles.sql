-- The seven program profiles Pathway ships with (issue 4, "Program profiles
-- (data, not code)"): WIOA Adult, Dislocated Worker and Youth as CalJOBS and
-- Illinois workNet show them (seeds 000, 001, 003), the three ISETS SNAP E&T
-- programs (seed 004) and C-Work (seed 002). Every code below is one of the
-- vocabularies of fcgi/rules/ (checklist.h, summary.h, followup.h, exit.h);
-- the programs API checks the same vocabularies whenever a profile changes.
--
-- Ids are fixed and form a contract: programs 1..7, and each program's
-- service types numbered from 100 * program id + 1, so demo data and tests
-- may name them. Service-type codes are stable too (ISETS "BE", "SJS", "VT",
-- "TRANS"...). The migration runner applies this file in one transaction
-- together with its schema_migrations row, so it holds no START TRANSACTION
-- of its own: a failure leaves nothing behind.

INSERT INTO programs
  (id, code, name, system_code, is_youth, common_exit_group, fiscal_year_start_month,
   supportive_extends_exit, follow_up_rule, hard_exit_reasons, hard_exit_needs_document,
   offers_not_enrolled, planned_grace_days, settings)
VALUES
  -- WIOA (R-CHK-1, R-EXIT-2, R-EXIT-4, R-FUP-1). The three share the "wioa"
  -- common-exit group. Hard exits offer CalJOBS's five reasons (seed 000)
  -- plus PIRL 923 "06" (found ineligible after enrolment); "07" (criminal
  -- offender) belongs to reentry grants, not WIOA Title I. A hard exit needs
  -- a case note with a verifying document (seed 000).
  (1, 'wioa_adult', 'WIOA Adult', 'caljobs', 0, 'wioa', 7,
   1, 'after_first_employment_12_months', '01,02,03,04,05,06', 1,
   0, 14,
   '{"wording": {"hard_exit_note": "Use a hard exit only for a global exclusion. If no exit reason fits, close the case instead: it soft-exits 90 days after the last qualifying service.", "exit_note": "Once the exit is saved no more services can be added, except follow-up services."}}'),
  (2, 'wioa_dw', 'WIOA Dislocated Worker', 'caljobs', 0, 'wioa', 7,
   1, 'after_first_employment_12_months', '01,02,03,04,05,06', 1,
   0, 14,
   '{"wording": {"hard_exit_note": "Use a hard exit only for a global exclusion. If no exit reason fits, close the case instead: it soft-exits 90 days after the last qualifying service.", "exit_note": "Once the exit is saved no more services can be added, except follow-up services."}}'),
  (3, 'wioa_youth', 'WIOA Youth', 'worknet', 1, 'wioa', 7,
   1, 'youth_12_months_after_exit', '01,02,03,04,05,06', 1,
   0, 14,
   '{"wording": {"hard_exit_note": "Use a hard exit only for a global exclusion. If no exit reason fits, close the case instead: it soft-exits 90 days after the last qualifying service.", "exit_note": "Once the exit is saved no more services can be added, except follow-up services."}}'),

  -- ISETS SNAP E&T (R-CHK-2). Supportive services neither block the exit
  -- nor keep the enrollment open (R-SVC-2). No hard exit and no common-exit
  -- group: each provider exits its own enrollment (R-EXIT-9). The seed lets
  -- staff record follow-up case notes after exit but sets no schedule, so
  -- the rule is "none". settings.completion_statuses lists the seed's
  -- completion statuses with the outcome reasons each takes.
  (4, 'snap_jp', 'SNAP JP', 'isets', 0, NULL, 7,
   0, 'none', '', 0,
   0, 14,
   '{"isets_program": "snap_jp", "completion_statuses": [{"code": "exited_unsuccessful", "outcome_reasons": ["unsuccessful_employed_moved_out_of_area", "unsuccessful_moved_out_of_area", "unsuccessful_no_longer_eligible", "unsuccessful_not_right_fit", "unsuccessful_did_not_meet_requirements"]}, {"code": "exited_moved", "outcome_reasons": []}, {"code": "exited_successful", "outcome_reasons": ["successful_pending_employment", "successful_unemployed", "successful_retention", "successful_employed_beyond_90_days", "successful_completed_requirements"]}], "wording": {"exit_note": "If the participant is enrolled with two providers, each provider exits the participant when its own program is completed."}}'),
  (5, 'snap_to_success', 'SNAP to Success', 'isets', 0, NULL, 7,
   0, 'none', '', 0,
   0, 14,
   '{"isets_program": "snap_to_success", "completion_statuses": [{"code": "exited_unsuccessful", "outcome_reasons": ["unsuccessful_employed_moved_out_of_area", "unsuccessful_moved_out_of_area", "unsuccessful_no_longer_eligible", "unsuccessful_not_right_fit", "unsuccessful_did_not_meet_requirements"]}, {"code": "exited_moved", "outcome_reasons": []}, {"code": "exited_successful", "outcome_reasons": ["successful_pending_employment", "successful_unemployed", "successful_retention", "successful_employed_beyond_90_days", "successful_completed_requirements"]}], "wording": {"exit_note": "If the participant is enrolled with two providers, each provider exits the participant when its own program is completed."}}'),
  (6, 'earnfare', 'Earnfare', 'isets', 0, NULL, 7,
   0, 'none', '', 0,
   0, 14,
   '{"isets_program": "earnfare", "completion_statuses": [{"code": "exited_unsuccessful", "outcome_reasons": ["unsuccessful_employed_moved_out_of_area", "unsuccessful_moved_out_of_area", "unsuccessful_no_longer_eligible", "unsuccessful_not_right_fit", "unsuccessful_did_not_meet_requirements"]}, {"code": "exited_moved", "outcome_reasons": []}, {"code": "exited_successful", "outcome_reasons": ["successful_pending_employment", "successful_unemployed", "successful_retention", "successful_employed_beyond_90_days", "successful_completed_requirements"]}], "wording": {"exit_note": "If the participant is enrolled with two providers, each provider exits the participant when its own program is completed."}}'),

  -- C-Work (R-CHK-3, R-EXIT-6, R-DATE-3): fiscal year from July, "not
  -- enrolled" for a client never served, no hard exit, no follow-up
  -- schedule. settings.trackers describes the fields of each tracker type
  -- that the exit checklist reads (seed 002).
  (7, 'cwork', 'C-Work', 'cwork', 0, NULL, 7,
   1, 'none', '', 0,
   1, 14,
   '{"trackers": {"intervention": {"fields": [{"code": "status", "label": "Status", "type": "tracker_status"}, {"code": "exit_date", "label": "Exit Date", "type": "date"}, {"code": "end_reason", "label": "End Reason", "type": "exit_reason"}, {"code": "end_details", "label": "End Details", "type": "text"}, {"code": "outcomes_detail", "label": "Outcomes Detail", "type": "multi_select", "options": ["Completed ECE course", "Completed internship", "Obtained employment", "Obtained or upgraded ECE permit", "Enrolled in further education or training", "Increased income", "Improved housing"]}]}, "employment": {"fields": [{"code": "stage", "label": "Stage", "type": "tracker_stage"}]}, "ece_course": {"fields": [{"code": "status", "label": "Status", "type": "tracker_status"}, {"code": "end_date", "label": "End Date", "type": "date"}, {"code": "attendance", "label": "Attendance", "type": "attendance"}, {"code": "grade", "label": "Grade", "type": "text"}]}, "internship": {"label": "Training/Intervention Tracker", "fields": [{"code": "status", "label": "Status", "type": "tracker_status"}, {"code": "end_date", "label": "End Date", "type": "date"}]}, "income": {"fields": [{"code": "amount", "label": "Income", "type": "money"}, {"code": "period", "label": "Per", "type": "select", "options": ["hour", "week", "month", "year"]}, {"code": "date", "label": "Date", "type": "date"}]}, "housing": {"fields": [{"code": "housing_stage", "label": "Housing Stage", "type": "tracker_stage"}]}}, "wording": {"exit_note": "Exiting closes the case: Case Status CLOSED, Program Status EXITED.", "not_enrolled_note": "If the client never received any service after the referral, set the Program Status to NOT ENROLLED instead; no exit action items are needed."}}');

-- R-CHK-1..3: the exit checklists, in the order the help sheets show them.
INSERT INTO program_checklist_items (program_id, position, code, required) VALUES
  (1, 1, 'services_complete', 1),
  (1, 2, 'school_status_at_exit', 1),
  (1, 3, 'exit_reason', 1),
  (1, 4, 'msg_entered', 0),
  (1, 5, 'credentials_entered', 0),
  (2, 1, 'services_complete', 1),
  (2, 2, 'school_status_at_exit', 1),
  (2, 3, 'exit_reason', 1),
  (2, 4, 'msg_entered', 0),
  (2, 5, 'credentials_entered', 0),
  (3, 1, 'services_complete', 1),
  (3, 2, 'school_status_at_exit', 1),
  (3, 3, 'exit_reason', 1),
  (3, 4, 'msg_entered', 0),
  (3, 5, 'credentials_entered', 0),
  (4, 1, 'activities_complete_except_supportive', 1),
  (4, 2, 'msg_entered', 0),
  (4, 3, 'credentials_entered', 0),
  (4, 4, 'isets_program', 1),
  (4, 5, 'completion_status_and_outcome_reason', 1),
  (4, 6, 'program_completion_date', 1),
  (5, 1, 'activities_complete_except_supportive', 1),
  (5, 2, 'msg_entered', 0),
  (5, 3, 'credentials_entered', 0),
  (5, 4, 'isets_program', 1),
  (5, 5, 'completion_status_and_outcome_reason', 1),
  (5, 6, 'program_completion_date', 1),
  (6, 1, 'activities_complete_except_supportive', 1),
  (6, 2, 'msg_entered', 0),
  (6, 3, 'credentials_entered', 0),
  (6, 4, 'isets_program', 1),
  (6, 5, 'completion_status_and_outcome_reason', 1),
  (6, 6, 'program_completion_date', 1),
  (7, 1, 'cwork_intervention_exited', 1),
  (7, 2, 'cwork_employment_tracker_exit', 1),
  (7, 3, 'cwork_ece_course_closed', 1),
  (7, 4, 'cwork_internship_closed', 1),
  (7, 5, 'cwork_income_same_fiscal_quarter', 1),
  (7, 6, 'cwork_housing_tracker_exit', 1),
  (7, 7, 'goals_closed', 1),
  (7, 8, 'cwork_exit_reason', 1),
  (7, 9, 'exit_comments', 1);

-- R-SUM-1: workNet's five items for WIOA, ISETS's five for SNAP E&T. The
-- seeds show no summary for C-Work; it gets the two items that apply to
-- any program.
INSERT INTO program_summary_items (program_id, position, code) VALUES
  (1, 1, 'services_complete'), (1, 2, 'msg_entered'), (1, 3, 'credentials_entered'),
  (1, 4, 'exited'), (1, 5, 'followup_complete'),
  (2, 1, 'services_complete'), (2, 2, 'msg_entered'), (2, 3, 'credentials_entered'),
  (2, 4, 'exited'), (2, 5, 'followup_complete'),
  (3, 1, 'services_complete'), (3, 2, 'msg_entered'), (3, 3, 'credentials_entered'),
  (3, 4, 'exited'), (3, 5, 'followup_complete'),
  (4, 1, 'activity_completed_successfully'), (4, 2, 'credential_gained'),
  (4, 3, 'employment_gained'), (4, 4, 'employment_retained_90_days'),
  (4, 5, 'exited_completion'),
  (5, 1, 'activity_completed_successfully'), (5, 2, 'credential_gained'),
  (5, 3, 'employment_gained'), (5, 4, 'employment_retained_90_days'),
  (5, 5, 'exited_completion'),
  (6, 1, 'activity_completed_successfully'), (6, 2, 'credential_gained'),
  (6, 3, 'employment_gained'), (6, 4, 'employment_retained_90_days'),
  (6, 5, 'exited_completion'),
  (7, 1, 'services_complete'), (7, 2, 'exited');

-- Regular exit reasons. WIOA: the workNet exit form asks for a reason but
-- the seed does not list them; this list follows the outcomes PIRL records
-- at exit. ISETS uses completion status + outcome reason instead (settings).
-- C-Work: seed 002's five reasons with its own labels.
INSERT INTO program_exit_reasons (program_id, position, code, label) VALUES
  (1, 1, 'completed_services', 'Completed program services'),
  (1, 2, 'entered_employment', 'Entered unsubsidized employment'),
  (1, 3, 'entered_education', 'Entered postsecondary education or training'),
  (1, 4, 'entered_apprenticeship', 'Entered a registered apprenticeship'),
  (1, 5, 'entered_military', 'Entered military service'),
  (1, 6, 'moved_out_of_area', 'Moved out of the area'),
  (1, 7, 'unable_to_locate', 'Unable to locate / lost contact'),
  (1, 8, 'declined_services', 'No longer interested in services'),
  (1, 9, 'other', 'Other'),
  (2, 1, 'completed_services', 'Completed program services'),
  (2, 2, 'entered_employment', 'Entered unsubsidized employment'),
  (2, 3, 'entered_education', 'Entered postsecondary education or training'),
  (2, 4, 'entered_apprenticeship', 'Entered a registered apprenticeship'),
  (2, 5, 'entered_military', 'Entered military service'),
  (2, 6, 'moved_out_of_area', 'Moved out of the area'),
  (2, 7, 'unable_to_locate', 'Unable to locate / lost contact'),
  (2, 8, 'declined_services', 'No longer interested in services'),
  (2, 9, 'other', 'Other'),
  (3, 1, 'completed_services', 'Completed program services'),
  (3, 2, 'entered_employment', 'Entered unsubsidized employment'),
  (3, 3, 'entered_education', 'Entered postsecondary education or training'),
  (3, 4, 'entered_apprenticeship', 'Entered a registered apprenticeship'),
  (3, 5, 'entered_military', 'Entered military service'),
  (3, 6, 'moved_out_of_area', 'Moved out of the area'),
  (3, 7, 'unable_to_locate', 'Unable to locate / lost contact'),
  (3, 8, 'declined_services', 'No longer interested in services'),
  (3, 9, 'other', 'Other'),
  (7, 1, 'program_completion', 'Program completion'),
  (7, 2, 'unable_to_complete', 'Unable to complete program'),
  (7, 3, 'lack_of_contact', 'Lack of contact'),
  (7, 4, 'no_longer_interested', 'No longer interested'),
  (7, 5, 'groups_classes_only', 'Groups/Classes Only');

-- Service-type catalogs (R-SVC-2). Flags not named take the column
-- defaults: extends_exit 1, everything else 0. Self-service,
-- information-only and follow-up types never extend exit; OJT and
-- customized training are training (education_training) with the
-- ojt_customized flag that keeps them out of the credential indicator
-- (R-PERF-3). Supportive services carry an amount.

-- WIOA Adult and Dislocated Worker: basic and individualized career
-- services, training services, supportive services, follow-up.
INSERT INTO program_service_types
  (id, program_id, code, name, extends_exit, supportive, self_service, info_only, followup,
   education_training, ojt_customized, has_amount, position)
VALUES
  (101, 1, 'SELF_SERVICE', 'Self-service job search and labor market information', 0, 0, 1, 0, 0, 0, 0, 0, 1),
  (102, 1, 'INFO_ONLY', 'Information-only service or activity', 0, 0, 0, 1, 0, 0, 0, 0, 2),
  (103, 1, 'INITIAL_ASSESS', 'Initial assessment of skills and needs', 1, 0, 0, 0, 0, 0, 0, 0, 3),
  (104, 1, 'JOB_SEARCH', 'Staff-assisted job search and placement assistance', 1, 0, 0, 0, 0, 0, 0, 0, 4),
  (105, 1, 'REFERRAL', 'Referral to employment or other services', 1, 0, 0, 0, 0, 0, 0, 0, 5),
  (106, 1, 'COMP_ASSESS', 'Comprehensive and specialized assessment', 1, 0, 0, 0, 0, 0, 0, 0, 6),
  (107, 1, 'IEP', 'Individual employment plan', 1, 0, 0, 0, 0, 0, 0, 0, 7),
  (108, 1, 'CAREER_COUNSEL', 'Career planning and counseling', 1, 0, 0, 0, 0, 0, 0, 0, 8),
  (109, 1, 'PREVOC', 'Short-term prevocational services', 1, 0, 0, 0, 0, 0, 0, 0, 9),
  (110, 1, 'WORK_EXP', 'Work experience / internship', 1, 0, 0, 0, 0, 0, 0, 0, 10),
  (111, 1, 'FIN_LIT', 'Financial literacy services', 1, 0, 0, 0, 0, 0, 0, 0, 11),
  (112, 1, 'OST', 'Occupational skills training (ITA)', 1, 0, 0, 0, 0, 1, 0, 0, 12),
  (113, 1, 'OJT', 'On-the-job training', 1, 0, 0, 0, 0, 1, 1, 0, 13),
  (114, 1, 'CUSTOMIZED', 'Customized training', 1, 0, 0, 0, 0, 1, 1, 0, 14),
  (115, 1, 'APPRENTICESHIP', 'Registered apprenticeship', 1, 0, 0, 0, 0, 1, 0, 0, 15),
  (116, 1, 'ABE_TRAINING', 'Adult education and literacy combined with training', 1, 0, 0, 0, 0, 1, 0, 0, 16),
  (117, 1, 'ENTREPRENEUR', 'Entrepreneurial training', 1, 0, 0, 0, 0, 1, 0, 0, 17),
  (118, 1, 'TRANS', 'Transportation', 1, 1, 0, 0, 0, 0, 0, 1, 18),
  (119, 1, 'CHILD_CARE', 'Child care', 1, 1, 0, 0, 0, 0, 0, 1, 19),
  (120, 1, 'NRP', 'Needs-related payments', 1, 1, 0, 0, 0, 0, 0, 1, 20),
  (121, 1, 'WORK_SUPPLIES', 'Work clothing, tools and supplies', 1, 1, 0, 0, 0, 0, 0, 1, 21),
  (122, 1, 'FOLLOW_UP', 'Follow-up services', 0, 0, 0, 0, 1, 0, 0, 0, 22),

  (201, 2, 'SELF_SERVICE', 'Self-service job search and labor market information', 0, 0, 1, 0, 0, 0, 0, 0, 1),
  (202, 2, 'INFO_ONLY', 'Information-only service or activity', 0, 0, 0, 1, 0, 0, 0, 0, 2),
  (203, 2, 'INITIAL_ASSESS', 'Initial assessment of skills and needs', 1, 0, 0, 0, 0, 0, 0, 0, 3),
  (204, 2, 'JOB_SEARCH', 'Staff-assisted job search and placement assistance', 1, 0, 0, 0, 0, 0, 0, 0, 4),
  (205, 2, 'REFERRAL', 'Referral to employment or other services', 1, 0, 0, 0, 0, 0, 0, 0, 5),
  (206, 2, 'COMP_ASSESS', 'Comprehensive and specialized assessment', 1, 0, 0, 0, 0, 0, 0, 0, 6),
  (207, 2, 'IEP', 'Individual employment plan', 1, 0, 0, 0, 0, 0, 0, 0, 7),
  (208, 2, 'CAREER_COUNSEL', 'Career planning and counseling', 1, 0, 0, 0, 0, 0, 0, 0, 8),
  (209, 2, 'PREVOC', 'Short-term prevocational services', 1, 0, 0, 0, 0, 0, 0, 0, 9),
  (210, 2, 'WORK_EXP', 'Work experience / internship', 1, 0, 0, 0, 0, 0, 0, 0, 10),
  (211, 2, 'FIN_LIT', 'Financial literacy services', 1, 0, 0, 0, 0, 0, 0, 0, 11),
  (212, 2, 'OST', 'Occupational skills training (ITA)', 1, 0, 0, 0, 0, 1, 0, 0, 12),
  (213, 2, 'OJT', 'On-the-job training', 1, 0, 0, 0, 0, 1, 1, 0, 13),
  (214, 2, 'CUSTOMIZED', 'Customized training', 1, 0, 0, 0, 0, 1, 1, 0, 14),
  (215, 2, 'APPRENTICESHIP', 'Registered apprenticeship', 1, 0, 0, 0, 0, 1, 0, 0, 15),
  (216, 2, 'ABE_TRAINING', 'Adult education and literacy combined with training', 1, 0, 0, 0, 0, 1, 0, 0, 16),
  (217, 2, 'ENTREPRENEUR', 'Entrepreneurial training', 1, 0, 0, 0, 0, 1, 0, 0, 17),
  (218, 2, 'TRANS', 'Transportation', 1, 1, 0, 0, 0, 0, 0, 1, 18),
  (219, 2, 'CHILD_CARE', 'Child care', 1, 1, 0, 0, 0, 0, 0, 1, 19),
  (220, 2, 'NRP', 'Needs-related payments', 1, 1, 0, 0, 0, 0, 0, 1, 20),
  (221, 2, 'WORK_SUPPLIES', 'Work clothing, tools and supplies', 1, 1, 0, 0, 0, 0, 0, 1, 21),
  (222, 2, 'FOLLOW_UP', 'Follow-up services', 0, 0, 0, 0, 1, 0, 0, 0, 22),

  -- WIOA Youth: the fourteen program elements, plus the self-service and
  -- information-only types that never extend exit.
  (301, 3, 'SELF_SERVICE', 'Self-service job search and labor market information', 0, 0, 1, 0, 0, 0, 0, 0, 1),
  (302, 3, 'INFO_ONLY', 'Information-only service or activity', 0, 0, 0, 1, 0, 0, 0, 0, 2),
  (303, 3, 'OBJ_ASSESS', 'Objective assessment', 1, 0, 0, 0, 0, 0, 0, 0, 3),
  (304, 3, 'ISS', 'Individual service strategy', 1, 0, 0, 0, 0, 0, 0, 0, 4),
  (305, 3, 'TUTORING', 'Tutoring, study skills training and dropout prevention', 1, 0, 0, 0, 0, 0, 0, 0, 5),
  (306, 3, 'ALT_SCHOOL', 'Alternative secondary school services', 1, 0, 0, 0, 0, 1, 0, 0, 6),
  (307, 3, 'WORK_EXP', 'Paid and unpaid work experience', 1, 0, 0, 0, 0, 0, 0, 0, 7),
  (308, 3, 'OST', 'Occupational skills training', 1, 0, 0, 0, 0, 1, 0, 0, 8),
  (309, 3, 'OJT', 'On-the-job training', 1, 0, 0, 0, 0, 1, 1, 0, 9),
  (310, 3, 'CONCURRENT_ED', 'Education offered concurrently with workforce preparation', 1, 0, 0, 0, 0, 1, 0, 0, 10),
  (311, 3, 'LEADERSHIP', 'Leadership development opportunities', 1, 0, 0, 0, 0, 0, 0, 0, 11),
  (312, 3, 'MENTORING', 'Adult mentoring', 1, 0, 0, 0, 0, 0, 0, 0, 12),
  (313, 3, 'COUNSELING', 'Comprehensive guidance and counseling', 1, 0, 0, 0, 0, 0, 0, 0, 13),
  (314, 3, 'FIN_LIT', 'Financial literacy education', 1, 0, 0, 0, 0, 0, 0, 0, 14),
  (315, 3, 'ENTREPRENEUR', 'Entrepreneurial skills training', 1, 0, 0, 0, 0, 1, 0, 0, 15),
  (316, 3, 'LMI', 'Labor market and employment information', 1, 0, 0, 0, 0, 0, 0, 0, 16),
  (317, 3, 'POSTSEC_PREP', 'Postsecondary preparation and transition activities', 1, 0, 0, 0, 0, 0, 0, 0, 17),
  (318, 3, 'TRANS', 'Transportation', 1, 1, 0, 0, 0, 0, 0, 1, 18),
  (319, 3, 'CHILD_CARE', 'Child care', 1, 1, 0, 0, 0, 0, 0, 1, 19),
  (320, 3, 'WORK_SUPPLIES', 'Work clothing, tools and supplies', 1, 1, 0, 0, 0, 0, 0, 1, 20),
  (321, 3, 'FOLLOW_UP', 'Follow-up services', 0, 0, 0, 0, 1, 0, 0, 0, 21),

  -- ISETS SNAP E&T activities, named as ISETS shows them (seed 004), and
  -- its supportive services. Earnfare adds its work assignment.
  (401, 4, 'JS', 'JS - Job Search', 1, 0, 0, 0, 0, 0, 0, 0, 1),
  (402, 4, 'SJS', 'SJS - Supervised Job Search', 1, 0, 0, 0, 0, 0, 0, 0, 2),
  (403, 4, 'JST', 'JST - Job Search Training', 1, 0, 0, 0, 0, 0, 0, 0, 3),
  (404, 4, 'BE', 'BE - Basic Education (ABE/GED)', 1, 0, 0, 0, 0, 1, 0, 0, 4),
  (405, 4, 'ESL', 'ESL - English as a Second Language', 1, 0, 0, 0, 0, 1, 0, 0, 5),
  (406, 4, 'VT', 'VT - Vocational Training', 1, 0, 0, 0, 0, 1, 0, 0, 6),
  (407, 4, 'OJT', 'OJT - On-the-Job Training', 1, 0, 0, 0, 0, 1, 1, 0, 7),
  (408, 4, 'WE', 'WE - Work Experience', 1, 0, 0, 0, 0, 0, 0, 0, 8),
  (409, 4, 'SET', 'SET - Self-Employment Training', 1, 0, 0, 0, 0, 1, 0, 0, 9),
  (410, 4, 'JR', 'JR - Job Retention', 1, 0, 0, 0, 0, 0, 0, 0, 10),
  (411, 4, 'TRANS', 'Transportation', 1, 1, 0, 0, 0, 0, 0, 1, 11),
  (412, 4, 'DEP_CARE', 'Dependent Care', 1, 1, 0, 0, 0, 0, 0, 1, 12),
  (413, 4, 'WORK_EXPENSE', 'Work-Related Expenses', 1, 1, 0, 0, 0, 0, 0, 1, 13),
  (414, 4, 'FOLLOW_UP', 'Follow-up', 0, 0, 0, 0, 1, 0, 0, 0, 14),

  (501, 5, 'JS', 'JS - Job Search', 1, 0, 0, 0, 0, 0, 0, 0, 1),
  (502, 5, 'SJS', 'SJS - Supervised Job Search', 1, 0, 0, 0, 0, 0, 0, 0, 2),
  (503, 5, 'JST', 'JST - Job Search Training', 1, 0, 0, 0, 0, 0, 0, 0, 3),
  (504, 5, 'BE', 'BE - Basic Education (ABE/GED)', 1, 0, 0, 0, 0, 1, 0, 0, 4),
  (505, 5, 'ESL', 'ESL - English as a Second Language', 1, 0, 0, 0, 0, 1, 0, 0, 5),
  (506, 5, 'VT', 'VT - Vocational Training', 1, 0, 0, 0, 0, 1, 0, 0, 6),
  (507, 5, 'OJT', 'OJT - On-the-Job Training', 1, 0, 0, 0, 0, 1, 1, 0, 7),
  (508, 5, 'WE', 'WE - Work Experience', 1, 0, 0, 0, 0, 0, 0, 0, 8),
  (509, 5, 'SET', 'SET - Self-Employment Training', 1, 0, 0, 0, 0, 1, 0, 0, 9),
  (510, 5, 'JR', 'JR - Job Retention', 1, 0, 0, 0, 0, 0, 0, 0, 10),
  (511, 5, 'TRANS', 'Transportation', 1, 1, 0, 0, 0, 0, 0, 1, 11),
  (512, 5, 'DEP_CARE', 'Dependent Care', 1, 1, 0, 0, 0, 0, 0, 1, 12),
  (513, 5, 'WORK_EXPENSE', 'Work-Related Expenses', 1, 1, 0, 0, 0, 0, 0, 1, 13),
  (514, 5, 'FOLLOW_UP', 'Follow-up', 0, 0, 0, 0, 1, 0, 0, 0, 14),

  (601, 6, 'JS', 'JS - Job Search', 1, 0, 0, 0, 0, 0, 0, 0, 1),
  (602, 6, 'SJS', 'SJS - Supervised Job Search', 1, 0, 0, 0, 0, 0, 0, 0, 2),
  (603, 6, 'JST', 'JST - Job Search Training', 1, 0, 0, 0, 0, 0, 0, 0, 3),
  (604, 6, 'BE', 'BE - Basic Education (ABE/GED)', 1, 0, 0, 0, 0, 1, 0, 0, 4),
  (605, 6, 'ESL', 'ESL - English as a Second Language', 1, 0, 0, 0, 0, 1, 0, 0, 5),
  (606, 6, 'VT', 'VT - Vocational Training', 1, 0, 0, 0, 0, 1, 0, 0, 6),
  (607, 6, 'OJT', 'OJT - On-the-Job Training', 1, 0, 0, 0, 0, 1, 1, 0, 7),
  (608, 6, 'WE', 'WE - Work Experience', 1, 0, 0, 0, 0, 0, 0, 0, 8),
  (609, 6, 'SET', 'SET - Self-Employment Training', 1, 0, 0, 0, 0, 1, 0, 0, 9),
  (610, 6, 'JR', 'JR - Job Retention', 1, 0, 0, 0, 0, 0, 0, 0, 10),
  (611, 6, 'TRANS', 'Transportation', 1, 1, 0, 0, 0, 0, 0, 1, 11),
  (612, 6, 'DEP_CARE', 'Dependent Care', 1, 1, 0, 0, 0, 0, 0, 1, 12),
  (613, 6, 'WORK_EXPENSE', 'Work-Related Expenses', 1, 1, 0, 0, 0, 0, 0, 1, 13),
  (614, 6, 'FOLLOW_UP', 'Follow-up', 0, 0, 0, 0, 1, 0, 0, 0, 14),
  (615, 6, 'WF', 'WF - Earnfare Work Assignment', 1, 0, 0, 0, 0, 0, 0, 0, 15),

  -- C-Work: workshops (the "Groups/Classes Only" path), the ECE course and
  -- internship its trackers follow, case management, supportive services.
  (701, 7, 'WORKSHOP', 'Workshop / group class', 1, 0, 0, 0, 0, 0, 0, 0, 1),
  (702, 7, 'ORIENTATION', 'Program orientation', 0, 0, 0, 1, 0, 0, 0, 0, 2),
  (703, 7, 'CASE_MGMT', 'Case management', 1, 0, 0, 0, 0, 0, 0, 0, 3),
  (704, 7, 'CAREER_COACH', 'Career coaching and action planning', 1, 0, 0, 0, 0, 0, 0, 0, 4),
  (705, 7, 'ECE_COURSE', 'ECE course', 1, 0, 0, 0, 0, 1, 0, 0, 5),
  (706, 7, 'INTERNSHIP', 'Internship', 1, 0, 0, 0, 0, 0, 0, 0, 6),
  (707, 7, 'WF_TRAINING', 'Workforce development training', 1, 0, 0, 0, 0, 1, 0, 0, 7),
  (708, 7, 'JOB_PLACEMENT', 'Job search and placement assistance', 1, 0, 0, 0, 0, 0, 0, 0, 8),
  (709, 7, 'ECE_PERMIT', 'ECE permit application assistance', 1, 0, 0, 0, 0, 0, 0, 0, 9),
  (710, 7, 'TRANS', 'Transportation', 1, 1, 0, 0, 0, 0, 0, 1, 10),
  (711, 7, 'CHILD_CARE', 'Child care', 1, 1, 0, 0, 0, 0, 0, 1, 11),
  (712, 7, 'FOLLOW_UP', 'Follow-up', 0, 0, 0, 0, 1, 0, 0, 0, 12);
