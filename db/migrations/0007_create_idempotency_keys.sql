-- design.md: a POST with an Idempotency-Key returns the first response when
-- retried and creates nothing twice. Keys are per user; the stored response
-- is replayed verbatim. Rows older than a day are swept.
CREATE TABLE idempotency_keys (
  user_id BIGINT UNSIGNED NOT NULL,
  idem_key VARCHAR(255) NOT NULL,
  request_hash BINARY(32) NOT NULL,
  state ENUM('running','done') NOT NULL DEFAULT 'running',
  response_status SMALLINT UNSIGNED NULL,
  response_headers TEXT NULL,
  response_body LONGBLOB NULL,
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (user_id, idem_key),
  KEY idx_idempotency_keys_created_at (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
