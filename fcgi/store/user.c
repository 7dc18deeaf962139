/*
 * store/user.c: the users table and its satellites (see user.h).
 */
#include "store/user.h"

#include "db.h"
#include "pw.h"

#include <stdlib.h>
#include <string.h>

#define USER_COLUMNS                                                                               \
	"u.id, u.login, u.display_name, u.email, u.role, u.staff_position_id, "                    \
	"u.participant_id, u.active, u.totp_enabled, u.version, "                                  \
	"DATE_FORMAT(u.created_at, '%Y-%m-%dT%H:%i:%sZ'), "                                        \
	"DATE_FORMAT(u.updated_at, '%Y-%m-%dT%H:%i:%sZ'), "                                        \
	"(SELECT GROUP_CONCAT(ul.location_id ORDER BY ul.location_id) FROM user_locations ul "     \
	"WHERE ul.user_id = u.id)"

void pw_user_auth_free(struct pw_user_auth *u)
{
	if (!u)
		return;
	free(u->login);
	free(u->role);
	free(u->password_hash);
	free(u->totp_secret);
	memset(u, 0, sizeof(*u));
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

static int auth_query(struct pw_db *db, const char *sql, const struct pw_db_param *p,
		      struct pw_user_auth *out)
{
	struct pw_db_rows *r = NULL;
	int rc = pw_db_query(db, sql, p, 1, &r);

	if (rc != PW_OK)
		return rc;
	memset(out, 0, sizeof(*out));
	if (r->nrows != 1) {
		rc = PW_ERR_NOT_FOUND;
		goto out;
	}
	out->id = pw_db_cell_int(r, 0, 0, 0);
	out->login = dup_or_null(pw_db_cell(r, 0, 1));
	out->role = dup_or_null(pw_db_cell(r, 0, 2));
	out->password_hash = dup_or_null(pw_db_cell(r, 0, 3));
	out->totp_secret = dup_or_null(pw_db_cell(r, 0, 4));
	out->totp_enabled = (int)pw_db_cell_int(r, 0, 5, 0);
	out->totp_last_step = pw_db_cell_int(r, 0, 6, -1);
	out->active = (int)pw_db_cell_int(r, 0, 7, 0);
	if (!out->login || !out->role || !out->password_hash ||
	    (pw_db_cell(r, 0, 4) && !out->totp_secret)) {
		pw_user_auth_free(out);
		rc = PW_ERR_NOMEM;
	}
out:
	pw_db_rows_free(r);
	return rc;
}

int pw_user_auth_by_login(struct pw_db *db, const char *login, struct pw_user_auth *out)
{
	static const char sql[] = "SELECT id, login, role, password_hash, totp_secret, "
				  "totp_enabled, totp_last_step, active FROM users WHERE login = ?";
	struct pw_db_param p[] = {PW_P_TEXT(login)};

	return auth_query(db, sql, p, out);
}

int pw_user_auth_by_id(struct pw_db *db, long long id, struct pw_user_auth *out)
{
	static const char sql[] = "SELECT id, login, role, password_hash, totp_secret, "
				  "totp_enabled, totp_last_step, active FROM users WHERE id = ?";
	struct pw_db_param p[] = {PW_P_INT(id)};

	return auth_query(db, sql, p, out);
}

int pw_user_set_password(struct pw_db *db, long long id, const char *hash, const char *params)
{
	static const char sql[] = "UPDATE users SET password_hash = ?, password_params = ?, "
				  "password_changed_at = UTC_TIMESTAMP(6), version = version + 1, "
				  "updated_at = UTC_TIMESTAMP(6) WHERE id = ?";
	struct pw_db_param p[] = {PW_P_TEXT(hash), PW_P_TEXT(params), PW_P_INT(id)};

	return pw_db_exec(db, sql, p, PW_ARRAY_LEN(p), NULL, NULL);
}

int pw_user_set_totp_secret(struct pw_db *db, long long id, const char *secret)
{
	static const char sql[] = "UPDATE users SET totp_secret = ?, totp_enabled = 0, "
				  "totp_last_step = NULL, updated_at = UTC_TIMESTAMP(6) "
				  "WHERE id = ?";
	struct pw_db_param p[] = {PW_P_TEXT(secret), PW_P_INT(id)};

	return pw_db_exec(db, sql, p, PW_ARRAY_LEN(p), NULL, NULL);
}

int pw_user_totp_used(struct pw_db *db, long long id, long long step, int enable)
{
	/* The guard on the old step makes two sign-ins racing with one code
	 * fail for all but one of them. */
	static const char sql[] = "UPDATE users SET totp_last_step = ?, "
				  "totp_enabled = GREATEST(totp_enabled, ?) WHERE id = ? AND "
				  "(totp_last_step IS NULL OR totp_last_step < ?)";
	struct pw_db_param p[] = {PW_P_INT(step), PW_P_INT(enable ? 1 : 0), PW_P_INT(id),
				  PW_P_INT(step)};
	unsigned long long affected = 0;
	int rc = pw_db_exec(db, sql, p, PW_ARRAY_LEN(p), &affected, NULL);

	if (rc == PW_OK && affected != 1)
		rc = PW_ERR_CONFLICT;
	return rc;
}

int pw_user_replace_recovery_codes(struct pw_db *db, long long id,
				   const unsigned char (*hashes)[32], size_t n)
{
	static const char del[] = "DELETE FROM recovery_codes WHERE user_id = ?";
	static const char ins[] = "INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, ?)";
	struct pw_db_param p[] = {PW_P_INT(id)};
	int rc = pw_db_exec(db, del, p, 1, NULL, NULL);

	for (size_t i = 0; rc == PW_OK && i < n; i++) {
		struct pw_db_param q[] = {PW_P_INT(id), PW_P_BLOB((const char *)hashes[i], 32)};
		rc = pw_db_exec(db, ins, q, 2, NULL, NULL);
	}
	return rc;
}

int pw_user_use_recovery_code(struct pw_db *db, long long id, const unsigned char *hash)
{
	static const char sql[] = "UPDATE recovery_codes SET used_at = UTC_TIMESTAMP(6) "
				  "WHERE user_id = ? AND code_hash = ? AND used_at IS NULL";
	struct pw_db_param p[] = {PW_P_INT(id), PW_P_BLOB((const char *)hash, 32)};
	unsigned long long affected = 0;
	int rc = pw_db_exec(db, sql, p, 2, &affected, NULL);

	if (rc == PW_OK && affected != 1)
		rc = PW_ERR_NOT_FOUND;
	return rc;
}

int pw_user_create(struct pw_db *db, const struct pw_user_fields *f, const char *hash,
		   const char *params, long long *id)
{
	static const char sql[] =
		"INSERT INTO users (login, display_name, email, role, staff_position_id, "
		"participant_id, active, password_hash, password_params) "
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
	struct pw_db_param p[] = {
		PW_P_TEXT(f->login),
		PW_P_TEXT(f->display_name),
		PW_P_TEXT(f->email),
		PW_P_TEXT(f->role),
		f->staff_position_id ? PW_P_INT(f->staff_position_id) : PW_P_NULL,
		f->participant_id ? PW_P_INT(f->participant_id) : PW_P_NULL,
		PW_P_INT(f->active == 0 ? 0 : 1),
		PW_P_TEXT(hash),
		PW_P_TEXT(params),
	};
	return pw_db_insert(db, sql, p, PW_ARRAY_LEN(p), id);
}

int pw_user_update(struct pw_db *db, long long id, int version, const struct pw_user_fields *f)
{
	/* Each field keeps its value when not given (NULL parameter). */
	static const char sql[] =
		"UPDATE users SET display_name = COALESCE(?, display_name), "
		"email = IF(?, ?, email), role = COALESCE(?, role), "
		"staff_position_id = IF(?, ?, staff_position_id), "
		"active = COALESCE(?, active), version = version + 1, "
		"updated_at = UTC_TIMESTAMP(6) WHERE id = ? AND version = ?";
	struct pw_db_param p[] = {
		PW_P_TEXT(f->display_name),
		PW_P_INT(f->email != NULL),
		PW_P_TEXT(f->email),
		PW_P_TEXT(f->role),
		PW_P_INT(f->staff_position_id != 0),
		f->staff_position_id > 0 ? PW_P_INT(f->staff_position_id) : PW_P_NULL,
		f->active >= 0 ? PW_P_INT(f->active) : PW_P_NULL,
		PW_P_INT(id),
		PW_P_INT(version),
	};
	return pw_db_exec_one(db, sql, p, PW_ARRAY_LEN(p));
}

int pw_user_set_locations(struct pw_db *db, long long id, const long long *locs, size_t n)
{
	static const char del[] = "DELETE FROM user_locations WHERE user_id = ?";
	static const char ins[] = "INSERT INTO user_locations (user_id, location_id) VALUES (?, ?)";
	struct pw_db_param p[] = {PW_P_INT(id)};
	int rc = pw_db_exec(db, del, p, 1, NULL, NULL);

	for (size_t i = 0; rc == PW_OK && i < n; i++) {
		struct pw_db_param q[] = {PW_P_INT(id), PW_P_INT(locs[i])};
		rc = pw_db_exec(db, ins, q, 2, NULL, NULL);
	}
	return rc;
}

int pw_user_get(struct pw_db *db, long long id, struct pw_db_rows **out)
{
	static const char sql[] = "SELECT " USER_COLUMNS " FROM users u WHERE u.id = ?";
	struct pw_db_param p[] = {PW_P_INT(id)};

	return pw_db_query(db, sql, p, 1, out);
}

int pw_user_list(struct pw_db *db, long long after_id, int limit, const char *q,
		 struct pw_db_rows **out)
{
	static const char sql[] =
		"SELECT " USER_COLUMNS " FROM users u WHERE u.id > ? AND "
		"(? IS NULL OR u.login LIKE CONCAT(?, '%') OR u.display_name LIKE CONCAT(?, '%')) "
		"ORDER BY u.id LIMIT ?";
	struct pw_db_param p[] = {PW_P_INT(after_id), PW_P_TEXT(q), PW_P_TEXT(q), PW_P_TEXT(q),
				  PW_P_INT(limit)};

	return pw_db_query(db, sql, p, PW_ARRAY_LEN(p), out);
}
