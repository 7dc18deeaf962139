-- R-ACL-3: every write is audited with who, when, what, before and after,
-- in the same transaction as the write. Rows are only ever inserted.
CREATE TABLE audit_log (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  occurred_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  -- The signed-in user, or NULL for the system (sweep, migrations).
  actor_user_id BIGINT UNSIGNED NULL,
  -- A readable name of the actor at the time ("system", a login name).
  actor_label VARCHAR(190) NOT NULL,
  request_id CHAR(32) NULL,
  remote_addr VARCHAR(64) NULL,
  entity VARCHAR(64) NOT NULL,
  entity_id BIGINT UNSIGNED NULL,
  action VARCHAR(32) NOT NULL,
  before_json LONGTEXT NULL CHECK (before_json IS NULL OR JSON_VALID(before_json)),
  after_json LONGTEXT NULL CHECK (after_json IS NULL OR JSON_VALID(after_json)),
  reason TEXT NULL,
  PRIMARY KEY (id),
  KEY idx_audit_log_entity (entity, entity_id, id),
  KEY idx_audit_log_actor (actor_user_id, id),
  KEY idx_audit_log_occurred_at (occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
