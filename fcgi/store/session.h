/*
 * store/session.h: sessions and the signed-in user they carry.
 */
#ifndef PW_STORE_SESSION_H
#define PW_STORE_SESSION_H

#include "rules/acl.h"

#include <stddef.h>

struct pw_db;
struct pw_arena;

enum pw_session_stage {
	PW_STAGE_PASSWORD, /* password checked, second factor owed */
	PW_STAGE_ENROLL,   /* password checked, second factor must be set up */
	PW_STAGE_FULL,     /* signed in */
};

/* A live session and its user; strings and arrays live in the arena. */
struct pw_session {
	long long id;
	enum pw_session_stage stage;
	const char *csrf_token;
	const char *expires_at; /* RFC 3339 */
	const char *login;
	const char *display_name;
	const char *email; /* NULL when none */
	int totp_enabled;
	struct pw_principal principal;
};

const char *pw_session_stage_code(enum pw_session_stage s);

/*
 * Loads the session whose token digest is hash, if it is neither idle for
 * more than idle_seconds nor past its absolute expiry and its user is
 * active. PW_OK, PW_ERR_NOT_FOUND, or a database error.
 */
int pw_session_load(struct pw_db *db, struct pw_arena *a, const unsigned char *hash,
		    int idle_seconds, struct pw_session *out);
/* Records activity (at most every 15 s, to keep reads cheap). */
int pw_session_touch(struct pw_db *db, long long id);
/* Creates a session lasting lifetime_seconds at most; *id gets its id. */
int pw_session_create(struct pw_db *db, long long user_id, const unsigned char *hash,
		      const char *csrf, enum pw_session_stage stage, int lifetime_seconds,
		      const char *remote_addr, const char *user_agent, long long *id);
/* Moves a session to stage under a new token digest (rotation on elevation). */
int pw_session_elevate(struct pw_db *db, long long id, const unsigned char *new_hash,
		       enum pw_session_stage stage);
int pw_session_delete(struct pw_db *db, long long id);
int pw_session_delete_by_hash(struct pw_db *db, const unsigned char *hash);
int pw_session_delete_for_user(struct pw_db *db, long long user_id);

#endif
