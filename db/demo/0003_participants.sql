-- Demo participants: the people of the help sheets and a few dozen more,
-- spread over every program and office so each role sees a caseload.
-- Karen James (CalJOBS help sheet 10): WIOA Adult at WDACS East LA, case
-- manager "Staff25, Lao". Billy Elliott (ISETS help sheet): SNAP to Success
-- at Asian Human Services with the four activities of the sheet.
-- Fixed ids and ON DUPLICATE KEY make loading it twice a no-op.
INSERT INTO participants (id, first_name, last_name, date_of_birth, email, phone, city, state,
  zip, ssn_last4, state_id, individual_number, username, school_status, highest_education,
  employment_status_at_entry, redetermination_date) VALUES
  (1, 'Karen', 'James', '1984-03-12', 'karen.james@example.org', '323-555-0142', 'Los Angeles',
   'CA', '90022', '4821', '34712', '37762', 'USERNAME000', 'not_attending_hs_graduate',
   'hs_diploma', 'unemployed', NULL),
  (2, 'Billy', 'Elliott', '1979-07-10', 'BillyElliott071079@noisetsemail.com', '773-555-0178',
   'Chicago', 'IL', '60640', '6748', NULL, NULL, 'BElliott975', 'not_attending_hs_graduate',
   'hs_diploma', 'unemployed', '2024-01-31')
ON DUPLICATE KEY UPDATE id = id;

-- Thirty-eight more, generated from two short lists of names so the data
-- stays readable: participant n gets first name n mod 10, last name n div 10.
INSERT INTO participants (id, first_name, last_name, date_of_birth, ssn_last4, city, state,
  zip, school_status, highest_education, employment_status_at_entry)
SELECT 2 + seq,
  ELT(1 + seq MOD 10, 'Maria', 'James', 'Aisha', 'Luis', 'Mei', 'Darnell', 'Sofia', 'Tran',
      'Grace', 'Omar'),
  ELT(1 + seq DIV 10, 'Alvarez', 'Brooks', 'Chen', 'Delgado'),
  DATE_ADD('1970-01-15', INTERVAL seq * 211 DAY),
  LPAD((seq * 7919) MOD 10000, 4, '0'),
  IF(seq MOD 2 = 0, 'Los Angeles', 'Chicago'),
  IF(seq MOD 2 = 0, 'CA', 'IL'),
  IF(seq MOD 2 = 0, '90022', '60640'),
  IF(seq MOD 3 = 0, 'in_school_secondary', 'not_attending_hs_graduate'),
  IF(seq MOD 3 = 0, 'hs_junior', 'hs_diploma'),
  IF(seq MOD 4 = 0, 'employed', 'unemployed')
FROM seq_1_to_38
ON DUPLICATE KEY UPDATE id = participants.id;

-- Enrollments. Program ids (migration 0008): 1 WIOA Adult, 2 WIOA DW,
-- 3 WIOA Youth, 4 SNAP JP, 5 SNAP to Success, 6 Earnfare, 7 C-Work.
-- Locations (0001_organisation): 1 WDACS East LA, 2 WDACS Pomona, 3 AHS
-- Chicago North, 4 C-Work Oakland, 5 Northside Career Center.
INSERT INTO enrollments (id, participant_id, program_id, provider_id, location_id, region_id,
  application_date, participation_date, status, case_manager_user_id, agency_code) VALUES
  (1, 1, 1, 1, 1, 1, '2024-09-03', '2024-09-10', 'enrolled',
   (SELECT id FROM users WHERE login = 'staff25.lao'), 'WDACS-001'),
  (2, 2, 5, 2, 3, 2, '2023-08-21', '2023-08-31', 'enrolled',
   (SELECT id FROM users WHERE login = 'ahs.tprograms'), NULL)
ON DUPLICATE KEY UPDATE id = id;

INSERT INTO enrollments (id, participant_id, program_id, provider_id, location_id, region_id,
  application_date, participation_date, status)
SELECT 2 + seq, 2 + seq,
  ELT(1 + seq MOD 7, 1, 2, 3, 4, 5, 6, 7),
  ELT(1 + seq MOD 7, 1, 1, 4, 2, 2, 4, 3),
  ELT(1 + seq MOD 7, 1, 2, 5, 3, 3, 5, 4),
  ELT(1 + seq MOD 7, 1, 1, 2, 2, 2, 2, 3),
  DATE_ADD('2025-01-06', INTERVAL seq * 9 DAY),
  IF(seq MOD 5 = 4, NULL, DATE_ADD('2025-01-13', INTERVAL seq * 9 DAY)),
  IF(seq MOD 5 = 4, 'referred', 'enrolled')
FROM seq_1_to_38
ON DUPLICATE KEY UPDATE id = enrollments.id;

INSERT INTO case_manager_assignments (id, enrollment_id, user_id, kind, assigned_at)
SELECT 1, 1, id, 'primary', '2024-09-10 16:00:00' FROM users WHERE login = 'staff25.lao'
UNION ALL
SELECT 2, 2, id, 'primary', '2023-08-31 15:00:00' FROM users WHERE login = 'ahs.tprograms'
ON DUPLICATE KEY UPDATE id = case_manager_assignments.id;

-- Billy Elliott's activities, as the ISETS sheet shows them: all
-- Started/Open, none assigned to a goal.
INSERT INTO services (id, enrollment_id, service_type_id, status, start_date, amount_cents) VALUES
  (1, 2, 504, 'open', '2023-08-22', NULL),
  (2, 2, 502, 'open', '2023-08-28', NULL),
  (3, 2, 511, 'open', '2023-08-22', 2500),
  (4, 2, 506, 'open', '2023-08-28', NULL)
ON DUPLICATE KEY UPDATE id = id;

-- A service for everyone enrolled: the clock of the 90-day soft exit runs.
INSERT INTO services (id, enrollment_id, service_type_id, status, start_date, end_date)
SELECT 100 + seq, 2 + seq,
  ELT(1 + seq MOD 7, 103, 203, 303, 402, 502, 602, 703),
  IF(seq MOD 3 = 0, 'completed_successful', 'open'),
  DATE_ADD('2025-01-20', INTERVAL seq * 9 DAY),
  IF(seq MOD 3 = 0, DATE_ADD('2025-03-20', INTERVAL seq * 9 DAY), NULL)
FROM seq_1_to_38 WHERE seq MOD 5 <> 4
ON DUPLICATE KEY UPDATE id = services.id;
