/*
 * store/session.c: the sessions table (see session.h).
 */
#include "store/session.h"

#include "arena.h"
#include "auth.h"
#include "db.h"
#include "pw.h"

#include <stdlib.h>
#include <string.h>

static const char *const stage_codes[] = {
	[PW_STAGE_PASSWORD] = "password",
	[PW_STAGE_ENROLL] = "enroll",
	[PW_STAGE_FULL] = "full",
};

const char *pw_session_stage_code(enum pw_session_stage s)
{
	return stage_codes[s];
}

/* Copies a cell into the arena; NULL stays NULL. */
static const char *dup_cell(struct pw_arena *a, const struct pw_db_rows *r, size_t c)
{
	const char *s = pw_db_cell(r, 0, c);

	return s ? pw_arena_strndup(a, s, r->lens[c]) : NULL;
}

/* Parses "3,7,12" into an arena array. */
static int parse_ids(struct pw_arena *a, const char *s, const long long **out, size_t *n)
{
	size_t count = 1, k = 0;
	long long *ids;

	*out = NULL;
	*n = 0;
	if (!s || !*s)
		return PW_OK;
	for (const char *p = s; *p; p++)
		count += *p == ',';
	ids = pw_arena_alloc(a, count * sizeof(*ids));
	if (!ids)
		return PW_ERR_NOMEM;
	while (*s && k < count) {
		char *end;
		long long v = strtoll(s, &end, 10);
		if (end == s)
			break;
		ids[k++] = v;
		if (*end != ',')
			break;
		s = end + 1;
	}
	*out = ids;
	*n = k;
	return PW_OK;
}

int pw_session_load(struct pw_db *db, struct pw_arena *a, const unsigned char *hash,
		    int idle_seconds, struct pw_session *out)
{
	static const char sql[] =
		"SELECT s.id, s.stage, s.csrf_token, "
		"DATE_FORMAT(s.expires_at, '%Y-%m-%dT%H:%i:%sZ'), u.id, u.login, "
		"u.display_name, u.email, u.role, u.participant_id, u.totp_enabled, "
		"(SELECT GROUP_CONCAT(ul.location_id ORDER BY ul.location_id) "
		" FROM user_locations ul WHERE ul.user_id = u.id) "
		"FROM sessions s JOIN users u ON u.id = s.user_id "
		"WHERE s.token_hash = ? AND s.expires_at > UTC_TIMESTAMP(6) "
		"AND s.last_seen_at > UTC_TIMESTAMP(6) - INTERVAL ? SECOND AND u.active = 1";
	struct pw_db_param p[] = {PW_P_BLOB((const char *)hash, PW_HASH_LEN),
				  PW_P_INT(idle_seconds)};
	struct pw_db_rows *r = NULL;
	const char *stage, *role;
	int rc;

	rc = pw_db_query(db, sql, p, PW_ARRAY_LEN(p), &r);
	if (rc != PW_OK)
		return rc;
	if (r->nrows != 1) {
		rc = PW_ERR_NOT_FOUND;
		goto out;
	}
	memset(out, 0, sizeof(*out));
	out->id = pw_db_cell_int(r, 0, 0, 0);
	stage = pw_db_cell(r, 0, 1);
	out->stage = !strcmp(stage, "full")	 ? PW_STAGE_FULL
		     : !strcmp(stage, "enroll") ? PW_STAGE_ENROLL
						 : PW_STAGE_PASSWORD;
	out->csrf_token = dup_cell(a, r, 2);
	out->expires_at = dup_cell(a, r, 3);
	out->principal.user_id = pw_db_cell_int(r, 0, 4, 0);
	out->login = dup_cell(a, r, 5);
	out->display_name = dup_cell(a, r, 6);
	out->email = dup_cell(a, r, 7);
	role = pw_db_cell(r, 0, 8);
	if (pw_acl_role_from_code(role, &out->principal.role) != PW_OK) {
		rc = PW_ERR_DB;
		goto out;
	}
	out->principal.participant_id = pw_db_cell_int(r, 0, 9, 0);
	out->totp_enabled = (int)pw_db_cell_int(r, 0, 10, 0);
	rc = parse_ids(a, pw_db_cell(r, 0, 11), &out->principal.locations,
		       &out->principal.nlocations);
	if (rc == PW_OK && (!out->csrf_token || !out->login || !out->display_name))
		rc = PW_ERR_NOMEM;
out:
	pw_db_rows_free(r);
	return rc;
}

int pw_session_touch(struct pw_db *db, long long id)
{
	static const char sql[] = "UPDATE sessions SET last_seen_at = UTC_TIMESTAMP(6) "
				  "WHERE id = ? AND last_seen_at < UTC_TIMESTAMP(6) - INTERVAL 15 SECOND";
	struct pw_db_param p[] = {PW_P_INT(id)};

	return pw_db_exec(db, sql, p, 1, NULL, NULL);
}

int pw_session_create(struct pw_db *db, long long user_id, const unsigned char *hash,
		      const char *csrf, enum pw_session_stage stage, int lifetime_seconds,
		      const char *remote_addr, const char *user_agent, long long *id)
{
	static const char sql[] =
		"INSERT INTO sessions (token_hash, user_id, csrf_token, stage, expires_at, "
		"remote_addr, user_agent) "
		"VALUES (?, ?, ?, ?, UTC_TIMESTAMP(6) + INTERVAL ? SECOND, ?, LEFT(?, 255))";
	struct pw_db_param p[] = {
		PW_P_BLOB((const char *)hash, PW_HASH_LEN),
		PW_P_INT(user_id),
		PW_P_TEXT(csrf),
		PW_P_TEXT(pw_session_stage_code(stage)),
		PW_P_INT(lifetime_seconds),
		PW_P_TEXT(remote_addr),
		PW_P_TEXT(user_agent),
	};
	return pw_db_insert(db, sql, p, PW_ARRAY_LEN(p), id);
}

int pw_session_elevate(struct pw_db *db, long long id, const unsigned char *new_hash,
		       enum pw_session_stage stage)
{
	static const char sql[] = "UPDATE sessions SET token_hash = ?, stage = ?, "
				  "last_seen_at = UTC_TIMESTAMP(6) WHERE id = ?";
	struct pw_db_param p[] = {PW_P_BLOB((const char *)new_hash, PW_HASH_LEN),
				  PW_P_TEXT(pw_session_stage_code(stage)), PW_P_INT(id)};

	return pw_db_exec(db, sql, p, PW_ARRAY_LEN(p), NULL, NULL);
}

int pw_session_delete(struct pw_db *db, long long id)
{
	static const char sql[] = "DELETE FROM sessions WHERE id = ?";
	struct pw_db_param p[] = {PW_P_INT(id)};

	return pw_db_exec(db, sql, p, 1, NULL, NULL);
}

int pw_session_delete_by_hash(struct pw_db *db, const unsigned char *hash)
{
	static const char sql[] = "DELETE FROM sessions WHERE token_hash = ?";
	struct pw_db_param p[] = {PW_P_BLOB((const char *)hash, PW_HASH_LEN)};

	return pw_db_exec(db, sql, p, 1, NULL, NULL);
}

int pw_session_delete_for_user(struct pw_db *db, long long user_id)
{
	static const char sql[] = "DELETE FROM sessions WHERE user_id = ?";
	struct pw_db_param p[] = {PW_P_INT(user_id)};

	return pw_db_exec(db, sql, p, 1, NULL, NULL);
}
