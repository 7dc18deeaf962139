-- The case record (issue 4): participants, their enrollments, case manager
-- history, services, goals, case notes and documents.
CREATE TABLE participants (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  first_name VARCHAR(100) NOT NULL,
  middle_name VARCHAR(100) NULL,
  last_name VARCHAR(100) NOT NULL,
  date_of_birth DATE NOT NULL,
  email VARCHAR(254) NULL,
  phone VARCHAR(32) NULL,
  address_line1 VARCHAR(190) NULL,
  address_line2 VARCHAR(190) NULL,
  city VARCHAR(100) NULL,
  state CHAR(2) NULL,
  zip VARCHAR(10) NULL,
  -- Only ever the last four digits of the SSN.
  ssn_last4 CHAR(4) NULL,
  state_id VARCHAR(32) NULL,
  individual_number VARCHAR(32) NULL,
  username VARCHAR(64) NULL,
  school_status VARCHAR(40) NULL,
  highest_education VARCHAR(40) NULL,
  employment_status_at_entry VARCHAR(40) NULL,
  redetermination_date DATE NULL,
  created_by BIGINT UNSIGNED NULL,
  version INT UNSIGNED NOT NULL DEFAULT 1,
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  -- The search indexes: name prefix, date of birth, last four, state id.
  KEY idx_participants_name (last_name, first_name, id),
  KEY idx_participants_first_name (first_name, id),
  KEY idx_participants_dob (date_of_birth, id),
  KEY idx_participants_ssn_last4 (ssn_last4, id),
  KEY idx_participants_state_id (state_id),
  KEY idx_participants_dup (last_name, first_name, date_of_birth, ssn_last4),
  CONSTRAINT chk_participants_ssn_last4 CHECK (ssn_last4 IS NULL OR ssn_last4 REGEXP '^[0-9]{4}$')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE users ADD CONSTRAINT fk_users_participant FOREIGN KEY (participant_id)
  REFERENCES participants (id);

CREATE TABLE enrollments (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  participant_id BIGINT UNSIGNED NOT NULL,
  program_id BIGINT UNSIGNED NOT NULL,
  provider_id BIGINT UNSIGNED NOT NULL,
  location_id BIGINT UNSIGNED NOT NULL,
  region_id BIGINT UNSIGNED NOT NULL,
  application_date DATE NOT NULL,
  participation_date DATE NULL,
  status ENUM('referred','enrolled','exited','not_enrolled') NOT NULL DEFAULT 'referred',
  case_status ENUM('open','closed') NOT NULL DEFAULT 'open',
  case_manager_user_id BIGINT UNSIGNED NULL,
  temp_case_manager_user_id BIGINT UNSIGNED NULL,
  agency_code VARCHAR(32) NULL,
  -- The exit, once there is one (issue 6).
  exit_kind ENUM('regular','soft','hard','not_enrolled') NULL,
  exit_date DATE NULL,
  exit_reason VARCHAR(64) NULL,
  -- R-EXIT-4/5: PIRL 923 exclusion reason, '01'..'07'.
  exclusion_reason CHAR(2) NULL,
  exclusion_recorded_at DATETIME(6) NULL,
  school_status_at_exit VARCHAR(40) NULL,
  isets_program VARCHAR(32) NULL,
  completion_status VARCHAR(40) NULL,
  outcome_reason VARCHAR(64) NULL,
  program_completion_date DATE NULL,
  exit_comments TEXT NULL,
  exited_by_user_id BIGINT UNSIGNED NULL,
  exited_by VARCHAR(190) NULL,
  exited_at DATETIME(6) NULL,
  -- "No new enrollment in the same program while one is open", per provider:
  -- a participant may be co-enrolled with several providers (R-EXIT-9), but
  -- holds at most one open enrollment per program and provider.
  open_key VARCHAR(64) AS (IF(status IN ('referred','enrolled'),
    CONCAT(participant_id, ':', program_id, ':', provider_id), NULL)) PERSISTENT,
  version INT UNSIGNED NOT NULL DEFAULT 1,
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  UNIQUE KEY idx_enrollments_open_key (open_key),
  KEY idx_enrollments_participant (participant_id, id),
  KEY idx_enrollments_location (location_id, status, participant_id),
  KEY idx_enrollments_provider (provider_id, participant_id),
  KEY idx_enrollments_case_manager (case_manager_user_id, participant_id),
  KEY idx_enrollments_status_program (status, program_id, id),
  KEY idx_enrollments_program_exit (program_id, exit_date),
  CONSTRAINT fk_enrollments_participant FOREIGN KEY (participant_id) REFERENCES participants (id),
  CONSTRAINT fk_enrollments_program FOREIGN KEY (program_id) REFERENCES programs (id),
  CONSTRAINT fk_enrollments_provider FOREIGN KEY (provider_id) REFERENCES providers (id),
  CONSTRAINT fk_enrollments_location FOREIGN KEY (location_id) REFERENCES office_locations (id),
  CONSTRAINT fk_enrollments_region FOREIGN KEY (region_id) REFERENCES regions (id),
  CONSTRAINT fk_enrollments_case_manager FOREIGN KEY (case_manager_user_id) REFERENCES users (id),
  CONSTRAINT fk_enrollments_temp_case_manager FOREIGN KEY (temp_case_manager_user_id)
    REFERENCES users (id),
  CONSTRAINT chk_enrollments_dates CHECK (participation_date IS NULL
    OR participation_date >= application_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Case manager assignments over time (assign, remove, temporary).
CREATE TABLE case_manager_assignments (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  enrollment_id BIGINT UNSIGNED NOT NULL,
  user_id BIGINT UNSIGNED NOT NULL,
  kind ENUM('primary','temporary') NOT NULL,
  assigned_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  assigned_by BIGINT UNSIGNED NULL,
  removed_at DATETIME(6) NULL,
  removed_by BIGINT UNSIGNED NULL,
  PRIMARY KEY (id),
  KEY idx_case_manager_assignments_enrollment (enrollment_id, id),
  CONSTRAINT fk_case_manager_assignments_enrollment FOREIGN KEY (enrollment_id)
    REFERENCES enrollments (id),
  CONSTRAINT fk_case_manager_assignments_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE goals (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  enrollment_id BIGINT UNSIGNED NOT NULL,
  statement VARCHAR(1000) NOT NULL,
  category ENUM('support_services','career_plan','education_training_plan','independent_living')
    NOT NULL,
  term ENUM('short','long') NOT NULL,
  status ENUM('not_started','on_track','off_track','complete') NOT NULL DEFAULT 'not_started',
  -- C-Work's "Goal Progress" at exit (R-CHK-3).
  progress ENUM('COMPLETED','NOT_COMPLETED') NULL,
  target_date DATE NULL,
  actual_completion_date DATE NULL,
  version INT UNSIGNED NOT NULL DEFAULT 1,
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  KEY idx_goals_enrollment (enrollment_id, id),
  CONSTRAINT fk_goals_enrollment FOREIGN KEY (enrollment_id) REFERENCES enrollments (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- R-SVC-1: services / activities / steps. 'deleted' is a status, never a
-- removed row.
CREATE TABLE services (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  enrollment_id BIGINT UNSIGNED NOT NULL,
  service_type_id BIGINT UNSIGNED NOT NULL,
  status ENUM('planned','open','completed_successful','completed_unsuccessful','deleted') NOT NULL,
  start_date DATE NOT NULL,
  end_date DATE NULL,
  projected_end_date DATE NULL,
  goal_id BIGINT UNSIGNED NULL,
  provider_id BIGINT UNSIGNED NULL,
  note VARCHAR(2000) NULL,
  amount_cents BIGINT NULL,
  training_type VARCHAR(64) NULL,
  version INT UNSIGNED NOT NULL DEFAULT 1,
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  KEY idx_services_enrollment (enrollment_id, status),
  KEY idx_services_goal (goal_id),
  CONSTRAINT fk_services_enrollment FOREIGN KEY (enrollment_id) REFERENCES enrollments (id),
  CONSTRAINT fk_services_type FOREIGN KEY (service_type_id) REFERENCES program_service_types (id),
  CONSTRAINT fk_services_goal FOREIGN KEY (goal_id) REFERENCES goals (id),
  CONSTRAINT fk_services_provider FOREIGN KEY (provider_id) REFERENCES providers (id),
  CONSTRAINT chk_services_dates CHECK (end_date IS NULL OR end_date >= start_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Uploaded verification documents, stored in the database with their
-- SHA-256; attached to the record they verify.
CREATE TABLE documents (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  participant_id BIGINT UNSIGNED NOT NULL,
  enrollment_id BIGINT UNSIGNED NULL,
  attached_entity VARCHAR(64) NULL,
  attached_id BIGINT UNSIGNED NULL,
  document_type VARCHAR(64) NULL,
  filename VARCHAR(255) NOT NULL,
  content_type VARCHAR(100) NOT NULL,
  size_bytes BIGINT UNSIGNED NOT NULL,
  sha256 BINARY(32) NOT NULL,
  content LONGBLOB NOT NULL,
  uploaded_by BIGINT UNSIGNED NULL,
  version INT UNSIGNED NOT NULL DEFAULT 1,
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  KEY idx_documents_participant (participant_id, id),
  KEY idx_documents_attached (attached_entity, attached_id),
  CONSTRAINT fk_documents_participant FOREIGN KEY (participant_id) REFERENCES participants (id),
  CONSTRAINT fk_documents_enrollment FOREIGN KEY (enrollment_id) REFERENCES enrollments (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Case notes: general, exit, follow-up. A note is editable for 24 hours
-- after it is made; after that, changes are addenda (addendum_of).
CREATE TABLE case_notes (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  participant_id BIGINT UNSIGNED NOT NULL,
  enrollment_id BIGINT UNSIGNED NULL,
  addendum_of BIGINT UNSIGNED NULL,
  note_type ENUM('general','exit','follow_up') NOT NULL DEFAULT 'general',
  subject VARCHAR(190) NOT NULL,
  body TEXT NOT NULL,
  contact_date DATE NULL,
  contact_method VARCHAR(32) NULL,
  -- Who may read it: staff of the record's locations, or the participant too.
  visibility ENUM('staff','participant') NOT NULL DEFAULT 'staff',
  recipients VARCHAR(1000) NULL,
  -- Follow-up outcome of the contact (R-FUP-1): completed, declined, unable_to_locate.
  follow_up_outcome VARCHAR(32) NULL,
  author_user_id BIGINT UNSIGNED NULL,
  author VARCHAR(190) NOT NULL,
  version INT UNSIGNED NOT NULL DEFAULT 1,
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  KEY idx_case_notes_participant (participant_id, id),
  KEY idx_case_notes_enrollment (enrollment_id, note_type, id),
  CONSTRAINT fk_case_notes_participant FOREIGN KEY (participant_id) REFERENCES participants (id),
  CONSTRAINT fk_case_notes_enrollment FOREIGN KEY (enrollment_id) REFERENCES enrollments (id),
  CONSTRAINT fk_case_notes_addendum FOREIGN KEY (addendum_of) REFERENCES case_notes (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE case_note_documents (
  case_note_id BIGINT UNSIGNED NOT NULL,
  document_id BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (case_note_id, document_id),
  CONSTRAINT fk_case_note_documents_note FOREIGN KEY (case_note_id) REFERENCES case_notes (id),
  CONSTRAINT fk_case_note_documents_document FOREIGN KEY (document_id) REFERENCES documents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
