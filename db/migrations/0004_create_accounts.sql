-- Accounts, their second factor, sessions and sign-in throttling (issue 3).
-- Secrets are never stored in the clear: passwords as Argon2id strings (the
-- parameters are inside the string and in password_params, so they can be
-- raised later), session tokens and recovery codes as SHA-256 digests.
CREATE TABLE users (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  login VARCHAR(64) NOT NULL,
  display_name VARCHAR(190) NOT NULL,
  email VARCHAR(254) NULL,
  role ENUM('statewide','program_manager','intermediary','provider_partner','customer') NOT NULL,
  staff_position_id BIGINT UNSIGNED NULL,
  -- A customer account sees one participant's own outcomes (R-ACL-1).
  participant_id BIGINT UNSIGNED NULL,
  active TINYINT(1) NOT NULL DEFAULT 1,
  password_hash VARCHAR(255) NOT NULL,
  password_params VARCHAR(64) NOT NULL,
  password_changed_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  totp_secret VARCHAR(64) NULL,
  totp_enabled TINYINT(1) NOT NULL DEFAULT 0,
  -- The last TOTP time step accepted: a code cannot be used twice.
  totp_last_step BIGINT NULL,
  version INT UNSIGNED NOT NULL DEFAULT 1,
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  UNIQUE KEY idx_users_login (login),
  KEY idx_users_participant (participant_id),
  CONSTRAINT fk_users_staff_position FOREIGN KEY (staff_position_id) REFERENCES staff_positions (id),
  CONSTRAINT chk_users_customer CHECK ((role = 'customer') = (participant_id IS NOT NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The partner locations a staff user works for (R-ACL-1).
CREATE TABLE user_locations (
  user_id BIGINT UNSIGNED NOT NULL,
  location_id BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (user_id, location_id),
  KEY idx_user_locations_location (location_id),
  CONSTRAINT fk_user_locations_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT fk_user_locations_location FOREIGN KEY (location_id) REFERENCES office_locations (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE recovery_codes (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  user_id BIGINT UNSIGNED NOT NULL,
  code_hash BINARY(32) NOT NULL,
  used_at DATETIME(6) NULL,
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  UNIQUE KEY idx_recovery_codes_hash (code_hash),
  KEY idx_recovery_codes_user (user_id),
  CONSTRAINT fk_recovery_codes_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Sessions live here, not in a worker, so any worker on any host serves any
-- request. stage: 'password' = second factor still owed, 'enroll' = second
-- factor must be set up first, 'full' = signed in.
CREATE TABLE sessions (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  token_hash BINARY(32) NOT NULL,
  user_id BIGINT UNSIGNED NOT NULL,
  csrf_token CHAR(43) NOT NULL,
  stage ENUM('password','enroll','full') NOT NULL,
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  last_seen_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  expires_at DATETIME(6) NOT NULL,
  remote_addr VARCHAR(64) NULL,
  user_agent VARCHAR(255) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY idx_sessions_token_hash (token_hash),
  KEY idx_sessions_user (user_id),
  KEY idx_sessions_expires_at (expires_at),
  CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Failed sign-ins per login and per address, for throttling. The key is a
-- digest so the table never lists logins that do not exist in the clear.
CREATE TABLE login_throttle (
  scope ENUM('login','address') NOT NULL,
  key_hash BINARY(32) NOT NULL,
  failures INT UNSIGNED NOT NULL DEFAULT 0,
  window_started_at DATETIME(6) NOT NULL,
  locked_until DATETIME(6) NULL,
  PRIMARY KEY (scope, key_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
