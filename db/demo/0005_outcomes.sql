-- Demo outcome records (issue 5): assessments, measurable skill gains,
-- credentials, jobs, C-Work trackers and success stories, with the
-- verification documents they rest on. Loaded after 0003_participants.sql
-- and the accounts, by `pathway-admin demo`, in name order.
--
-- Billy Elliott (participant 2, enrollment 2, SNAP to Success) has exactly
-- one credential and one job, as the ISETS help sheet shows him. The job ran
-- from 2023-09-05 to 2023-12-25: 111 days retained (R-EMP-2) for any as-of
-- date from 2023-12-25 on, so GET /api/v1/enrollments/2/summary?as_of=2024-01-31
-- (his redetermination date; any later date gives the same) reads "Complete
-- (111 Days)". Karen James (participant 1, enrollment 1, WIOA Adult, Los
-- Angeles County: agency code required) has a pair of TABE tests with the
-- EFL gain they show, a training milestone, a credential and a current job.
-- Every other record type appears across participants 3..40; the C-Work
-- trackers are on C-Work enrollments 8, 15, 22 and 29 (program 7).
-- Every date lies within its enrollment's participation and before today.
-- Fixed ids and ON DUPLICATE KEY make loading it twice a no-op; documents
-- use ids from 501 so they stay clear of other demo files.

-- The verification documents: a tiny PDF each, with its size and SHA-256.
INSERT INTO documents (id, participant_id, enrollment_id, attached_entity, attached_id,
  document_type, filename, content_type, size_bytes, sha256, content)
SELECT d.id, d.participant_id, d.enrollment_id, d.entity, d.attached_id, d.doc_type,
  d.filename, 'application/pdf', LENGTH(d.body), UNHEX(SHA2(d.body, 256)), d.body
FROM (
  SELECT 501 AS id, 1 AS participant_id, 1 AS enrollment_id, 'skill_gain' AS entity,
    2 AS attached_id, 'progress_report' AS doc_type, 'cna-clinical-progress-report.pdf' AS filename,
    CONCAT('%PDF-1.4\n% Karen James: CNA clinical hours progress report\n%%EOF\n') AS body
  UNION ALL SELECT 502, 32, 32, 'skill_gain', 4, 'report_card', 'report-card-fall-2025.pdf',
    CONCAT('%PDF-1.4\n% Report card, fall semester 2025\n%%EOF\n')
  UNION ALL SELECT 503, 25, 25, 'skill_gain', 5, 'transcript', 'transcript-2025-2026.pdf',
    CONCAT('%PDF-1.4\n% Unofficial transcript, fall 2025 and spring 2026 (part-time)\n%%EOF\n')
  UNION ALL SELECT 504, 9, 9, 'skill_gain', 6, 'exam_result', 'osha-30-exam-result.pdf',
    CONCAT('%PDF-1.4\n% OSHA 30 construction exam: passed\n%%EOF\n')
  UNION ALL SELECT 505, 39, 39, 'skill_gain', 7, 'transcript', 'transcript-spring-2026.pdf',
    CONCAT('%PDF-1.4\n% Unofficial transcript, spring 2026 (full-time, 12 credits)\n%%EOF\n')
  UNION ALL SELECT 506, 1, 1, 'credential', 2, 'license', 'cna-license.pdf',
    CONCAT('%PDF-1.4\n% California CNA certificate\n%%EOF\n')
  UNION ALL SELECT 507, 2, 2, 'credential', 1, 'certificate', 'forklift-certification.pdf',
    CONCAT('%PDF-1.4\n% Forklift operator certification\n%%EOF\n')
) d
ON DUPLICATE KEY UPDATE id = documents.id;

-- Basic-skills tests. Karen's TABE 11/12 reading scores 480 (NRS level 2)
-- and 540 (level 4) in program year 2024: an EFL gain. Participant 4 (WIOA
-- Youth) moved from CASAS math level 2 to 3; participant 18 has a pre-test
-- only, so no gain is offered yet.
INSERT INTO assessments (id, participant_id, enrollment_id, test, test_name, subject,
  assessed_on, scale_score, level_scale, functioning_level) VALUES
  (1, 1, 1, 'tabe_11_12', NULL, 'reading', '2024-09-12', 480, NULL, NULL),
  (2, 1, 1, 'tabe_11_12', NULL, 'reading', '2025-01-10', 540, NULL, NULL),
  (3, 4, 4, 'casas', NULL, 'math', '2025-02-05', 205, 'abe', 2),
  (4, 4, 4, 'casas', NULL, 'math', '2025-05-20', 213, 'abe', 3),
  (5, 18, 18, 'tabe_11_12', NULL, 'language', '2025-06-10', 500, NULL, NULL)
ON DUPLICATE KEY UPDATE id = id;

-- Measurable skill gains of all five types (R-MSG-1), each with the program
-- year its date (or, part-time, its second semester's end) falls in.
INSERT INTO skill_gains (id, enrollment_id, gain_type, date_attained, program_year, comment,
  pursuing_secondary, highest_education, enrollment_load, semester1_start, semester1_end,
  semester1_credits, semester2_start, semester2_end, semester2_credits, passed_exam, efl_basis,
  pre_assessment_id, post_assessment_id, document_id) VALUES
  (1, 1, 'efl', '2025-01-10', 2024, 'TABE reading post-test two levels above the pre-test.',
   NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'test_scores', 1, 2, NULL),
  (2, 1, 'training_milestone', '2025-01-15', 2024,
   'Completed the 100 clinical hours of the CNA program.', NULL, NULL, NULL, NULL, NULL, NULL,
   NULL, NULL, NULL, NULL, NULL, NULL, NULL, 501),
  (3, 4, 'efl', '2025-05-20', 2024, 'CASAS math moved up one level.', NULL, NULL, NULL, NULL,
   NULL, NULL, NULL, NULL, NULL, NULL, 'test_scores', 3, 4, NULL),
  (4, 32, 'secondary_transcript', '2026-01-30', 2025,
   'Satisfactory grades in every class in the fall semester.', 'yes', 'hs_junior', NULL, NULL,
   NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 502),
  (5, 25, 'postsecondary_transcript', '2026-05-20', 2025,
   'Part-time: 7 credits in the fall and 6 in the spring.', NULL, 'hs_diploma', 'part_time',
   '2025-08-25', '2025-12-12', 7.0, '2026-01-12', '2026-05-08', 6.0, NULL, NULL, NULL, NULL,
   503),
  (6, 9, 'skills_progression', '2025-09-30', 2025, 'Passed the OSHA 30 construction exam.',
   NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'yes', NULL, NULL, NULL, 504),
  (7, 39, 'postsecondary_transcript', '2026-05-29', 2025,
   'Full-time spring semester, 12 credits.', NULL, 'hs_diploma', 'full_time', '2026-01-12',
   '2026-05-15', 12.0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 505)
ON DUPLICATE KEY UPDATE id = id;

-- Credentials (R-CRED-1). Enrollments at Los Angeles County offices
-- (region 1) carry the agency code the region requires.
INSERT INTO credentials (id, enrollment_id, title, credential_type, other_text, source,
  institution, date_attained, service_id, experience_in_field, agency_code, document_id) VALUES
  (1, 2, 'Forklift Operator Certification', 'occupational_certification', NULL,
   'copy_of_certificate', 'City Colleges of Chicago - Olive-Harvey', '2023-10-20', 4, 'no',
   NULL, 507),
  (2, 1, 'Certified Nursing Assistant', 'occupational_license', NULL, 'copy_of_credential',
   'East Los Angeles College', '2025-02-14', NULL, 'yes', 'WDACS-001', 506),
  (3, 3, 'Commercial Driver''s License, Class A', 'occupational_license', NULL,
   'copy_of_credential', 'Los Angeles Trade-Technical College', '2025-04-30', 101, 'yes',
   'WDACS-001', NULL),
  (4, 13, 'ServSafe Food Handler', 'occupational_certificate', NULL, 'copy_of_certificate',
   'National Restaurant Association', '2025-06-02', 111, 'no', NULL, NULL),
  (5, 32, 'High School Equivalency (GED)', 'secondary_diploma', NULL, 'copy_of_diploma',
   'Regional Office of Education', '2026-06-11', NULL, 'no', NULL, NULL),
  (6, 23, 'Medical Billing and Coding', 'other', 'Certified Professional Biller (AAPC)',
   'copy_of_certificate', 'AAPC', '2025-12-05', 121, 'no', 'WDACS-001', NULL),
  (7, 37, 'A.S. Early Childhood Education', 'aa_as', NULL, 'copy_of_degree',
   'Pasadena City College', '2026-06-05', NULL, 'yes', 'WDACS-001', NULL)
ON DUPLICATE KEY UPDATE id = id;

-- Jobs (R-EMP-1), with every wage period.
INSERT INTO employment (id, participant_id, employer, start_date, end_date, is_current,
  job_title, soc_code, address_line1, address_line2, city, state, zip, duties, hours_per_week,
  wage_cents, wage_period, meets_needs, meets_needs_why) VALUES
  (1, 2, 'Jewel-Osco', '2023-09-05', '2023-12-25', 0, 'Backroom Team Member', '43-5081',
   '4355 N Sheridan Rd', NULL, 'Chicago', 'IL', '60613',
   'Unload trucks, stock shelves and keep the backroom in order.', 30.00, 1650, 'hour', 'yes',
   'Steady hours close to home while finishing the training.'),
  (2, 1, 'St. Francis Medical Center', '2025-03-03', NULL, 1, 'Certified Nursing Assistant',
   '31-1131', '3630 E Imperial Hwy', NULL, 'Lynwood', 'CA', '90262',
   'Patient care on the medical-surgical floor.', 40.00, 1950, 'hour', 'yes',
   'Full-time with benefits, in the field she trained for.'),
  (3, 3, 'Sysco Los Angeles', '2025-05-12', NULL, 1, 'Delivery Driver', '53-3032',
   '20701 Currier Rd', NULL, 'Walnut', 'CA', '91789',
   'Drive a Class A route to restaurants and unload orders.', 40.00, 2600, 'hour', 'yes',
   'Uses the new CDL and pays well.'),
  (4, 13, 'Garrett Popcorn Shops', '2025-07-07', '2025-10-31', 0, 'Production Worker',
   '51-9111', '2855 N Elston Ave', NULL, 'Chicago', 'IL', '60618',
   'Pack and label tins on the production line.', 32.00, 1725, 'hour', 'no',
   'Hours were cut after the summer season.'),
  (5, 8, 'Bright Horizons', '2025-09-02', NULL, 1, 'Assistant Teacher', '25-2011',
   '1 Kaiser Plaza', 'Suite 150', 'Oakland', 'CA', '94612',
   'Support the lead teacher in a preschool classroom.', 35.00, 3400000, 'year', 'yes',
   'A first step on the ECE career ladder.'),
  (6, 20, 'Walgreens', '2025-08-18', NULL, 1, 'Pharmacy Technician', '29-2052',
   '4700 N Broadway', NULL, 'Chicago', 'IL', '60640',
   'Fill prescriptions and help customers at the pharmacy counter.', 25.00, 66000, 'week',
   'yes', 'Part-time hours fit around classes.'),
  (7, 23, 'Kaiser Permanente', '2026-01-05', NULL, 1, 'Medical Records Specialist', '29-2072',
   '1011 Baldwin Park Blvd', NULL, 'Baldwin Park', 'CA', '91706',
   'Code and bill outpatient visits.', 40.00, 410000, 'month', 'yes',
   'Uses the billing certificate; room to grow.')
ON DUPLICATE KEY UPDATE id = id;

-- C-Work trackers (R-CHK-3), with the fields of the C-Work profile
-- (migration 0008, settings.trackers). Enrollment 22 has the full set the
-- exit checklist asks for; the others are mid-program.
INSERT INTO trackers (id, enrollment_id, tracker_type, status, stage, tracker_date, end_date,
  end_reason, end_details, outcomes_detail, course_name, attendance_attended, attendance_total,
  grade, income_cents, income_period, created_on) VALUES
  (1, 8, 'intervention', 'ACTIVE', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
   NULL, NULL, '2025-03-08'),
  (2, 8, 'employment', NULL, 'IN_PROGRAM', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
   NULL, NULL, '2025-03-08'),
  (3, 8, 'ece_course', 'COMPLETED', NULL, NULL, '2025-06-13', NULL, NULL, NULL, NULL, 14, 15,
   'A-', NULL, NULL, '2025-03-10'),
  (4, 8, 'income', NULL, NULL, '2025-09-30', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
   283300, 'month', '2025-09-30'),
  (5, 8, 'housing', NULL, 'IN_PROGRAM', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
   NULL, NULL, '2025-03-08'),
  (6, 15, 'intervention', 'ACTIVE', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
   NULL, NULL, '2025-05-10'),
  (7, 15, 'internship', 'ACTIVE', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
   NULL, NULL, '2025-06-02'),
  (8, 15, 'income', NULL, NULL, '2025-05-10', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
   152000, 'month', '2025-05-10'),
  (9, 22, 'intervention', 'EXITED', NULL, NULL, '2026-06-30', 'program_completion',
   'Completed the ECE course and the internship, then started work.',
   '["Completed ECE course", "Completed internship", "Obtained employment"]', NULL, NULL,
   NULL, NULL, NULL, NULL, '2025-07-12'),
  (10, 22, 'employment', NULL, 'PROGRAM_EXIT', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
   NULL, NULL, NULL, '2026-06-30'),
  (11, 22, 'ece_course', 'COMPLETED', NULL, NULL, '2026-05-29', NULL, NULL, NULL, NULL, 15, 15,
   'B+', NULL, NULL, '2025-08-01'),
  (12, 22, 'internship', 'COMPLETED', NULL, NULL, '2026-06-19', NULL, NULL, NULL, NULL, NULL,
   NULL, NULL, NULL, NULL, '2026-02-02'),
  (13, 22, 'income', NULL, NULL, '2026-06-15', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
   218000, 'month', '2026-06-15'),
  (14, 22, 'housing', NULL, 'PROGRAM_EXIT', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
   NULL, NULL, NULL, '2026-06-30'),
  (15, 29, 'intervention', 'ACTIVE', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
   NULL, NULL, '2025-09-13'),
  (16, 29, 'housing', NULL, 'INTAKE', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
   NULL, '2025-09-13')
ON DUPLICATE KEY UPDATE id = id;

-- Success stories, by staff and by a participant (Billy, through his own
-- customer account).
INSERT INTO success_stories (id, participant_id, enrollment_id, title, story, submitted_by,
  submitted_by_user_id, story_date, consent_to_share)
SELECT s.id, s.participant_id, s.enrollment_id, s.title, s.story, s.submitted_by,
  (SELECT u.id FROM users u WHERE u.login = s.login), s.story_date, s.consent
FROM (
  SELECT 1 AS id, 2 AS participant_id, 2 AS enrollment_id,
    'Back to work in a week' AS title,
    'I started the forklift class at the end of August and had a job at Jewel-Osco a week later. The hours let me finish the certification.' AS story,
    'participant' AS submitted_by, 'billy.elliott' AS login, DATE('2023-12-01') AS story_date,
    1 AS consent
  UNION ALL SELECT 2, 1, 1, 'From the classroom to the hospital floor',
    'Karen finished her CNA clinical hours in January, passed the state exam in February and was hired by St. Francis the next month.',
    'staff', 'staff25.lao', DATE('2025-04-01'), 1
  UNION ALL SELECT 3, 3, 3, 'Behind the wheel',
    'After earning his Class A license he was driving a Sysco route within two weeks.',
    'staff', 'staff25.lao', DATE('2025-06-20'), 1
  UNION ALL SELECT 4, 8, 8, 'Teaching the little ones',
    'She completed the ECE course with 14 of 15 sessions attended and now assists in a preschool classroom.',
    'staff', 'cwork.kim', DATE('2025-10-15'), 0
) s
ON DUPLICATE KEY UPDATE id = success_stories.id;
