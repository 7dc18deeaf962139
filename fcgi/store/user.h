/*
 * store/user.h: accounts, their locations, second factor and recovery codes.
 */
#ifndef PW_STORE_USER_H
#define PW_STORE_USER_H

#include <stddef.h>

struct pw_db;
struct pw_db_rows;

/* What sign-in needs of an account; strings are malloc'd, free with
 * pw_user_auth_free. */
struct pw_user_auth {
	long long id;
	char *login;
	char *role;
	char *password_hash;
	char *totp_secret; /* NULL when never enrolled */
	int totp_enabled;
	long long totp_last_step; /* -1 when none */
	int active;
};

void pw_user_auth_free(struct pw_user_auth *u);
/* By login (exact, case-insensitive by collation) or by id. PW_ERR_NOT_FOUND when none. */
int pw_user_auth_by_login(struct pw_db *db, const char *login, struct pw_user_auth *out);
int pw_user_auth_by_id(struct pw_db *db, long long id, struct pw_user_auth *out);

int pw_user_set_password(struct pw_db *db, long long id, const char *hash, const char *params);
/* Stores a new, not yet confirmed TOTP secret (turns the factor off). */
int pw_user_set_totp_secret(struct pw_db *db, long long id, const char *secret);
/* Confirms the factor and records the step used; last_step only moves forward. */
int pw_user_totp_used(struct pw_db *db, long long id, long long step, int enable);
/* Replaces the recovery codes with the given digests (n of them). */
int pw_user_replace_recovery_codes(struct pw_db *db, long long id,
				   const unsigned char (*hashes)[32], size_t n);
/* Marks one unused code spent; PW_ERR_NOT_FOUND when no such unused code. */
int pw_user_use_recovery_code(struct pw_db *db, long long id, const unsigned char *hash);

/* The fields of a new or changed account. NULL/0 means "not given". */
struct pw_user_fields {
	const char *login;
	const char *display_name;
	const char *email;
	const char *role;
	long long staff_position_id;
	long long participant_id;
	int active; /* -1: not given */
};

int pw_user_create(struct pw_db *db, const struct pw_user_fields *f, const char *hash,
		   const char *params, long long *id);
/* Updates the given fields when version matches; PW_ERR_STALE when it does not. */
int pw_user_update(struct pw_db *db, long long id, int version, const struct pw_user_fields *f);
int pw_user_set_locations(struct pw_db *db, long long id, const long long *locs, size_t n);

/*
 * The public columns of users: id, login, display_name, email, role,
 * staff_position_id, participant_id, active, totp_enabled, version,
 * created_at, updated_at, locations ("1,2").
 */
int pw_user_get(struct pw_db *db, long long id, struct pw_db_rows **out);
int pw_user_list(struct pw_db *db, long long after_id, int limit, const char *q,
		 struct pw_db_rows **out);

#endif
