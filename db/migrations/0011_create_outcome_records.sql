-- Outcome records (issue 5) and what comes after exit (issue 6): skill
-- gains and the assessments behind EFL gains, credentials, jobs, C-Work
-- trackers, success stories, the four post-exit quarters, and the sweep's
-- own bookkeeping. Codes are the vocabularies of fcgi/rules/.
CREATE TABLE assessments (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  participant_id BIGINT UNSIGNED NOT NULL,
  enrollment_id BIGINT UNSIGNED NULL,
  -- tabe_11_12, tabe_clas_e, casas, best_plus, other (skill_gain.h)
  test VARCHAR(32) NOT NULL,
  test_name VARCHAR(100) NULL,
  -- reading, math, language, writing, listening, speaking
  subject VARCHAR(32) NOT NULL,
  assessed_on DATE NOT NULL,
  scale_score INT NULL,
  -- abe or esl, and the NRS educational functioning level 1..6
  level_scale VARCHAR(8) NULL,
  functioning_level TINYINT UNSIGNED NULL,
  version INT UNSIGNED NOT NULL DEFAULT 1,
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  KEY idx_assessments_participant (participant_id, subject, assessed_on),
  CONSTRAINT fk_assessments_participant FOREIGN KEY (participant_id) REFERENCES participants (id),
  CONSTRAINT fk_assessments_enrollment FOREIGN KEY (enrollment_id) REFERENCES enrollments (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- R-MSG-1..3: measurable skill gains, each type with its own answers.
CREATE TABLE skill_gains (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  enrollment_id BIGINT UNSIGNED NOT NULL,
  -- efl, secondary_transcript, postsecondary_transcript, training_milestone,
  -- skills_progression
  gain_type VARCHAR(32) NOT NULL,
  date_attained DATE NOT NULL,
  -- R-DATE-1 / R-MSG-2: the program year the gain counts in.
  program_year SMALLINT UNSIGNED NOT NULL,
  comment VARCHAR(4000) NOT NULL,
  -- secondary transcript
  pursuing_secondary VARCHAR(3) NULL,
  highest_education VARCHAR(40) NULL,
  -- postsecondary transcript: full_time / part_time and the semesters
  enrollment_load VARCHAR(16) NULL,
  semester1_start DATE NULL,
  semester1_end DATE NULL,
  semester1_credits DECIMAL(5,1) NULL,
  semester2_start DATE NULL,
  semester2_end DATE NULL,
  semester2_credits DECIMAL(5,1) NULL,
  -- skills progression
  passed_exam VARCHAR(3) NULL,
  -- EFL: test_scores (pre/post assessments) or postsecondary_entry (after exit)
  efl_basis VARCHAR(32) NULL,
  pre_assessment_id BIGINT UNSIGNED NULL,
  post_assessment_id BIGINT UNSIGNED NULL,
  document_id BIGINT UNSIGNED NULL,
  version INT UNSIGNED NOT NULL DEFAULT 1,
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  KEY idx_skill_gains_enrollment (enrollment_id, date_attained),
  KEY idx_skill_gains_program_year (program_year),
  CONSTRAINT fk_skill_gains_enrollment FOREIGN KEY (enrollment_id) REFERENCES enrollments (id),
  CONSTRAINT fk_skill_gains_pre FOREIGN KEY (pre_assessment_id) REFERENCES assessments (id),
  CONSTRAINT fk_skill_gains_post FOREIGN KEY (post_assessment_id) REFERENCES assessments (id),
  CONSTRAINT fk_skill_gains_document FOREIGN KEY (document_id) REFERENCES documents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- R-CRED-1.
CREATE TABLE credentials (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  enrollment_id BIGINT UNSIGNED NOT NULL,
  title VARCHAR(255) NOT NULL,
  credential_type VARCHAR(40) NOT NULL,
  other_text VARCHAR(255) NULL,
  source VARCHAR(40) NOT NULL,
  institution VARCHAR(255) NOT NULL,
  date_attained DATE NOT NULL,
  service_id BIGINT UNSIGNED NULL,
  experience_in_field VARCHAR(3) NULL,
  agency_code VARCHAR(32) NULL,
  document_id BIGINT UNSIGNED NULL,
  version INT UNSIGNED NOT NULL DEFAULT 1,
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  KEY idx_credentials_enrollment (enrollment_id, date_attained),
  CONSTRAINT fk_credentials_enrollment FOREIGN KEY (enrollment_id) REFERENCES enrollments (id),
  CONSTRAINT fk_credentials_service FOREIGN KEY (service_id) REFERENCES services (id),
  CONSTRAINT fk_credentials_document FOREIGN KEY (document_id) REFERENCES documents (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- R-EMP-1: jobs held, per participant.
CREATE TABLE employment (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  participant_id BIGINT UNSIGNED NOT NULL,
  employer VARCHAR(255) NOT NULL,
  start_date DATE NOT NULL,
  end_date DATE NULL,
  is_current TINYINT(1) NOT NULL DEFAULT 1,
  job_title VARCHAR(255) NOT NULL,
  soc_code VARCHAR(10) NULL,
  address_line1 VARCHAR(190) NULL,
  address_line2 VARCHAR(190) NULL,
  city VARCHAR(100) NOT NULL,
  state CHAR(2) NOT NULL,
  zip VARCHAR(10) NULL,
  duties VARCHAR(4000) NOT NULL,
  hours_per_week DECIMAL(5,2) NOT NULL,
  wage_cents BIGINT NOT NULL,
  -- hour, week, month, year
  wage_period VARCHAR(8) NOT NULL,
  meets_needs VARCHAR(3) NULL,
  meets_needs_why VARCHAR(2000) NULL,
  version INT UNSIGNED NOT NULL DEFAULT 1,
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  KEY idx_employment_participant (participant_id, start_date),
  CONSTRAINT fk_employment_participant FOREIGN KEY (participant_id) REFERENCES participants (id),
  CONSTRAINT chk_employment_dates CHECK (end_date IS NULL OR end_date >= start_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- C-Work trackers (R-CHK-3). Which fields a tracker type uses comes from the
-- C-Work profile's settings; status / stage codes from rules/checklist.h.
CREATE TABLE trackers (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  enrollment_id BIGINT UNSIGNED NOT NULL,
  -- intervention, employment, ece_course, internship, income, housing
  tracker_type VARCHAR(16) NOT NULL,
  status VARCHAR(16) NULL,
  stage VARCHAR(16) NULL,
  tracker_date DATE NULL,
  end_date DATE NULL,
  end_reason VARCHAR(190) NULL,
  end_details VARCHAR(2000) NULL,
  outcomes_detail VARCHAR(2000) NULL,
  course_name VARCHAR(190) NULL,
  attendance_attended SMALLINT UNSIGNED NULL,
  attendance_total SMALLINT UNSIGNED NULL,
  grade VARCHAR(8) NULL,
  income_cents BIGINT NULL,
  income_period VARCHAR(8) NULL,
  -- The day the tracker was made: "a NEW employment tracker" (R-CHK-3).
  created_on DATE NOT NULL,
  version INT UNSIGNED NOT NULL DEFAULT 1,
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  KEY idx_trackers_enrollment (enrollment_id, tracker_type, id),
  CONSTRAINT fk_trackers_enrollment FOREIGN KEY (enrollment_id) REFERENCES enrollments (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE success_stories (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  participant_id BIGINT UNSIGNED NOT NULL,
  enrollment_id BIGINT UNSIGNED NULL,
  title VARCHAR(255) NOT NULL,
  story TEXT NOT NULL,
  -- staff or participant
  submitted_by VARCHAR(16) NOT NULL,
  submitted_by_user_id BIGINT UNSIGNED NULL,
  story_date DATE NOT NULL,
  consent_to_share TINYINT(1) NOT NULL DEFAULT 0,
  version INT UNSIGNED NOT NULL DEFAULT 1,
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  KEY idx_success_stories_participant (participant_id, story_date),
  CONSTRAINT fk_success_stories_participant FOREIGN KEY (participant_id)
    REFERENCES participants (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- R-PEX-1 / R-DATE-2: the four quarters after a regular or soft exit.
CREATE TABLE post_exit_quarters (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  enrollment_id BIGINT UNSIGNED NOT NULL,
  quarter TINYINT UNSIGNED NOT NULL,
  first_day DATE NOT NULL,
  last_day DATE NOT NULL,
  -- employed, employed_registered_apprenticeship, military,
  -- education_training, not_employed, not_yet_known
  outcome VARCHAR(40) NULL,
  earnings_cents BIGINT NULL,
  verified_on DATE NULL,
  -- ui_wage_match, federal_military_records, pay_stub, employer_verification, other
  verification_source VARCHAR(32) NULL,
  employment_id BIGINT UNSIGNED NULL,
  version INT UNSIGNED NOT NULL DEFAULT 1,
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  UNIQUE KEY idx_post_exit_quarters_enrollment (enrollment_id, quarter),
  CONSTRAINT fk_post_exit_quarters_enrollment FOREIGN KEY (enrollment_id)
    REFERENCES enrollments (id),
  CONSTRAINT fk_post_exit_quarters_employment FOREIGN KEY (employment_id)
    REFERENCES employment (id),
  CONSTRAINT chk_post_exit_quarters_quarter CHECK (quarter BETWEEN 1 AND 4)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- pathway-admin sweep: one row per run, with its progress, so a run killed
-- half-way is visible and the next run simply carries on (R-EXIT-1).
CREATE TABLE sweep_runs (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  as_of DATE NOT NULL,
  started_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  finished_at DATETIME(6) NULL,
  last_enrollment_id BIGINT UNSIGNED NOT NULL DEFAULT 0,
  examined INT UNSIGNED NOT NULL DEFAULT 0,
  exited INT UNSIGNED NOT NULL DEFAULT 0,
  host VARCHAR(190) NULL,
  PRIMARY KEY (id),
  KEY idx_sweep_runs_started (started_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
