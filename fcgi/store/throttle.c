/*
 * store/throttle.c: the login_throttle table (see throttle.h).
 *
 * A window starts at the first failure; failures older than the window no
 * longer count. The row is read FOR UPDATE so two workers counting at once
 * cannot lose a failure.
 */
#include "store/throttle.h"

#include "auth.h"
#include "db.h"
#include "pw.h"

static const char *scope_code(enum pw_throttle_scope s)
{
	return s == PW_THROTTLE_LOGIN ? "login" : "address";
}

int pw_throttle_get(struct pw_db *db, enum pw_throttle_scope scope, const unsigned char *key,
		    int window, struct pw_throttle_state *st)
{
	static const char sql[] =
		"SELECT IF(window_started_at > UTC_TIMESTAMP(6) - INTERVAL ? SECOND, failures, 0), "
		"GREATEST(0, CEIL(TIMESTAMPDIFF(MICROSECOND, UTC_TIMESTAMP(6), "
		"COALESCE(locked_until, UTC_TIMESTAMP(6))) / 1000000)) "
		"FROM login_throttle WHERE scope = ? AND key_hash = ?";
	struct pw_db_param p[] = {PW_P_INT(window), PW_P_TEXT(scope_code(scope)),
				  PW_P_BLOB((const char *)key, PW_HASH_LEN)};
	struct pw_db_rows *r = NULL;
	int rc = pw_db_query(db, sql, p, PW_ARRAY_LEN(p), &r);

	if (rc != PW_OK)
		return rc;
	st->failures = r->nrows ? (int)pw_db_cell_int(r, 0, 0, 0) : 0;
	st->locked_seconds = r->nrows ? (int)pw_db_cell_int(r, 0, 1, 0) : 0;
	pw_db_rows_free(r);
	return PW_OK;
}

int pw_throttle_fail(struct pw_db *db, enum pw_throttle_scope scope, const unsigned char *key,
		     int window, int max, int lockout, int *locked_now)
{
	static const char lock_sql[] =
		"SELECT IF(window_started_at > UTC_TIMESTAMP(6) - INTERVAL ? SECOND, failures, 0) "
		"FROM login_throttle WHERE scope = ? AND key_hash = ? FOR UPDATE";
	static const char upsert_sql[] =
		"INSERT INTO login_throttle (scope, key_hash, failures, window_started_at, "
		"locked_until) VALUES (?, ?, ?, UTC_TIMESTAMP(6), "
		"IF(? > 0, UTC_TIMESTAMP(6) + INTERVAL ? SECOND, NULL)) "
		"ON DUPLICATE KEY UPDATE failures = VALUES(failures), "
		"window_started_at = IF(VALUES(failures) = 1, VALUES(window_started_at), "
		"window_started_at), locked_until = COALESCE(VALUES(locked_until), locked_until)";
	struct pw_db_param lp[] = {PW_P_INT(window), PW_P_TEXT(scope_code(scope)),
				   PW_P_BLOB((const char *)key, PW_HASH_LEN)};
	struct pw_db_rows *r = NULL;
	int failures, lock, rc;

	rc = pw_db_query(db, lock_sql, lp, PW_ARRAY_LEN(lp), &r);
	if (rc != PW_OK)
		return rc;
	failures = (r->nrows ? (int)pw_db_cell_int(r, 0, 0, 0) : 0) + 1;
	pw_db_rows_free(r);
	lock = failures >= max;
	{
		struct pw_db_param up[] = {PW_P_TEXT(scope_code(scope)),
					   PW_P_BLOB((const char *)key, PW_HASH_LEN),
					   PW_P_INT(failures), PW_P_INT(lock), PW_P_INT(lockout)};
		rc = pw_db_exec(db, upsert_sql, up, PW_ARRAY_LEN(up), NULL, NULL);
	}
	/* Counting on from here after a lock would lock again at once. */
	*locked_now = lock && failures == max;
	return rc;
}

int pw_throttle_clear(struct pw_db *db, enum pw_throttle_scope scope, const unsigned char *key)
{
	static const char sql[] = "DELETE FROM login_throttle WHERE scope = ? AND key_hash = ?";
	struct pw_db_param p[] = {PW_P_TEXT(scope_code(scope)),
				  PW_P_BLOB((const char *)key, PW_HASH_LEN)};

	return pw_db_exec(db, sql, p, PW_ARRAY_LEN(p), NULL, NULL);
}
