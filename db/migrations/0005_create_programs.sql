-- Program profiles: the data that makes each program behave as its agency
-- expects (design.md: "program-specific behaviour is data"). Item and rule
-- codes are the vocabularies of fcgi/rules/ (checklist.h, summary.h,
-- followup.h, exit.h); the API validates them whenever a profile changes, so
-- adding a program needs no C change.
CREATE TABLE programs (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  code VARCHAR(32) NOT NULL,
  name VARCHAR(190) NOT NULL,
  -- The system whose screens the program follows: caljobs, worknet, isets, cwork.
  system_code VARCHAR(32) NOT NULL,
  -- WIOA Youth: youth indicators (R-PERF-2) and youth follow-up.
  is_youth TINYINT(1) NOT NULL DEFAULT 0,
  -- R-EXIT-2: programs sharing a group exit together; NULL for none.
  common_exit_group VARCHAR(32) NULL,
  -- R-DATE-3 (default July).
  fiscal_year_start_month TINYINT UNSIGNED NOT NULL DEFAULT 7,
  -- R-SVC-2: supportive services extend exit unless the profile says not.
  supportive_extends_exit TINYINT(1) NOT NULL DEFAULT 1,
  -- R-FUP-1: none, youth_12_months_after_exit, after_first_employment_12_months.
  follow_up_rule VARCHAR(64) NOT NULL DEFAULT 'none',
  -- R-EXIT-4: PIRL 923 reasons offered, comma-separated ("01,02,03,04,05").
  hard_exit_reasons VARCHAR(64) NOT NULL DEFAULT '',
  hard_exit_needs_document TINYINT(1) NOT NULL DEFAULT 0,
  -- R-EXIT-6 (C-Work).
  offers_not_enrolled TINYINT(1) NOT NULL DEFAULT 0,
  -- R-SVC-1: days a planned service may lie in the past before it must be
  -- marked open or moved.
  planned_grace_days SMALLINT UNSIGNED NOT NULL DEFAULT 14,
  -- Anything else a profile carries (tracker fields, wording), as JSON.
  settings LONGTEXT NULL CHECK (settings IS NULL OR JSON_VALID(settings)),
  active TINYINT(1) NOT NULL DEFAULT 1,
  version INT UNSIGNED NOT NULL DEFAULT 1,
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  UNIQUE KEY idx_programs_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- R-CHK-*: the profile's exit checklist, in display order.
CREATE TABLE program_checklist_items (
  program_id BIGINT UNSIGNED NOT NULL,
  position SMALLINT UNSIGNED NOT NULL,
  code VARCHAR(64) NOT NULL,
  required TINYINT(1) NOT NULL,
  PRIMARY KEY (program_id, position),
  UNIQUE KEY idx_program_checklist_items_code (program_id, code),
  CONSTRAINT fk_program_checklist_items_program FOREIGN KEY (program_id) REFERENCES programs (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- R-SUM-1: the Outcomes tab summary items, in display order.
CREATE TABLE program_summary_items (
  program_id BIGINT UNSIGNED NOT NULL,
  position SMALLINT UNSIGNED NOT NULL,
  code VARCHAR(64) NOT NULL,
  PRIMARY KEY (program_id, position),
  UNIQUE KEY idx_program_summary_items_code (program_id, code),
  CONSTRAINT fk_program_summary_items_program FOREIGN KEY (program_id) REFERENCES programs (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The exit reasons a program offers for a regular exit (C-Work's five,
-- workNet's list); ISETS uses completion status + outcome reason instead.
CREATE TABLE program_exit_reasons (
  program_id BIGINT UNSIGNED NOT NULL,
  position SMALLINT UNSIGNED NOT NULL,
  code VARCHAR(64) NOT NULL,
  label VARCHAR(190) NOT NULL,
  PRIMARY KEY (program_id, position),
  UNIQUE KEY idx_program_exit_reasons_code (program_id, code),
  CONSTRAINT fk_program_exit_reasons_program FOREIGN KEY (program_id) REFERENCES programs (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The service-type catalog of a program, with its flags (R-SVC-2).
CREATE TABLE program_service_types (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  program_id BIGINT UNSIGNED NOT NULL,
  code VARCHAR(32) NOT NULL,
  name VARCHAR(190) NOT NULL,
  extends_exit TINYINT(1) NOT NULL DEFAULT 1,
  supportive TINYINT(1) NOT NULL DEFAULT 0,
  self_service TINYINT(1) NOT NULL DEFAULT 0,
  info_only TINYINT(1) NOT NULL DEFAULT 0,
  followup TINYINT(1) NOT NULL DEFAULT 0,
  education_training TINYINT(1) NOT NULL DEFAULT 0,
  ojt_customized TINYINT(1) NOT NULL DEFAULT 0,
  -- Supportive services such as transportation carry an amount.
  has_amount TINYINT(1) NOT NULL DEFAULT 0,
  position SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  active TINYINT(1) NOT NULL DEFAULT 1,
  PRIMARY KEY (id),
  UNIQUE KEY idx_program_service_types_code (program_id, code),
  CONSTRAINT fk_program_service_types_program FOREIGN KEY (program_id) REFERENCES programs (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
