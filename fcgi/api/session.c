/*
 * api/session.c: signing in and out, and the second factor (issue 3).
 *
 *   POST   /api/v1/session                         sign in with login + password
 *   GET    /api/v1/session                         who is signed in, role and scope
 *   DELETE /api/v1/session                         sign out
 *   POST   /api/v1/session/totp                    finish sign-in with a TOTP or recovery code
 *   POST   /api/v1/session/totp/enrollment         start setting up TOTP (secret + otpauth URI)
 *   POST   /api/v1/session/totp/enrollment/confirm confirm with a first code; recovery codes
 *
 * A failed sign-in never says whether the login exists: unknown, disabled
 * and wrong-password attempts get the same answer after the same work.
 * Failures are counted per login and per address; past the limit both are
 * refused with 429 for the lockout period. Every outcome is audited.
 */
#include "api/api.h"

#include "auth.h"
#include "config.h"
#include "db.h"
#include "gate.h"
#include "json_io.h"
#include "pw.h"
#include "store/audit.h"
#include "store/session.h"
#include "store/throttle.h"
#include "store/user.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The JSON description of a session (GET and the sign-in answers). */
static json_object *session_json(const struct pw_ctx *ctx, const struct pw_session *s)
{
	json_object *o = json_object_new_object(), *u = json_object_new_object();
	json_object *scope = json_object_new_object(), *locs = json_object_new_array();
	const char *factor = s->stage == PW_STAGE_PASSWORD ? "required"
			     : s->stage == PW_STAGE_ENROLL ? "enroll"
							   : "done";

	json_object_object_add(u, "id", json_object_new_int64(s->principal.user_id));
	json_object_object_add(u, "login", json_object_new_string(s->login));
	json_object_object_add(u, "display_name", json_object_new_string(s->display_name));
	json_object_object_add(u, "email", s->email ? json_object_new_string(s->email) : NULL);
	json_object_object_add(u, "role",
			       json_object_new_string(pw_acl_role_code(s->principal.role)));
	json_object_object_add(u, "role_label",
			       json_object_new_string(pw_acl_role_label(s->principal.role)));
	json_object_object_add(u, "totp_enabled", json_object_new_boolean(s->totp_enabled));
	for (size_t i = 0; i < s->principal.nlocations; i++)
		json_object_array_add(locs, json_object_new_int64(s->principal.locations[i]));
	json_object_object_add(scope, "all_records",
			       json_object_new_boolean(s->principal.role == PW_ROLE_STATEWIDE));
	json_object_object_add(scope, "locations", locs);
	json_object_object_add(scope, "participant_id",
			       s->principal.participant_id
				       ? json_object_new_int64(s->principal.participant_id)
				       : NULL);
	json_object_object_add(o, "user", u);
	json_object_object_add(o, "scope", scope);
	json_object_object_add(o, "stage", json_object_new_string(pw_session_stage_code(s->stage)));
	json_object_object_add(o, "second_factor", json_object_new_string(factor));
	json_object_object_add(o, "csrf_token", json_object_new_string(s->csrf_token));
	json_object_object_add(o, "expires_at", json_object_new_string(s->expires_at));
	json_object_object_add(o, "idle_timeout_seconds",
			       json_object_new_int(ctx->cfg->session_idle_timeout));
	return o;
}

/* Digest keys for throttling: the login folded to lower case, the address. */
static void throttle_keys(const char *login, const char *addr, unsigned char lk[PW_HASH_LEN],
			  unsigned char ak[PW_HASH_LEN])
{
	char buf[80];
	size_t n = 0;

	buf[n++] = 'L';
	for (const char *p = login; *p && n < sizeof(buf); p++)
		buf[n++] = (char)tolower((unsigned char)*p);
	pw_auth_sha256(buf, n, lk);
	pw_auth_sha256(addr, strlen(addr), ak);
}

static int role_needs_totp(const struct pw_config *cfg, const char *role)
{
	const char *p = cfg->totp_required_roles;
	size_t n = strlen(role);

	while (*p) {
		while (*p == ' ' || *p == ',')
			p++;
		if (!strncmp(p, role, n) && (p[n] == '\0' || p[n] == ',' || p[n] == ' '))
			return 1;
		p += strcspn(p, ",");
	}
	return 0;
}

/* Audits in a transaction of its own (for outcomes that change nothing else). */
static int audit_alone(struct pw_ctx *ctx, long long user_id, const char *action,
		       const char *reason)
{
	struct pw_actor who;
	int rc;

	pw_gate_actor(ctx, &who);
	rc = pw_db_begin(ctx->db);
	if (rc == PW_OK)
		rc = pw_audit_write(ctx->db, &who, "user", user_id, action, NULL, NULL, reason);
	if (rc == PW_OK)
		rc = pw_db_commit(ctx->db);
	else
		pw_db_rollback(ctx->db);
	return rc;
}

static void too_many(struct pw_ctx *ctx, int seconds)
{
	pw_response_error(ctx->res, 429, "too_many_attempts",
			  "Too many failed sign-in attempts. Wait and try again.", NULL);
	pw_response_header(ctx->res, "Retry-After", "%d", seconds > 0 ? seconds : 1);
}

/* Counts a failed attempt against login and address, auditing it and a lock. */
static int count_failure(struct pw_ctx *ctx, const unsigned char *lk, const unsigned char *ak,
			 long long user_id, const char *action, const char *reason)
{
	const struct pw_config *cfg = ctx->cfg;
	struct pw_actor who;
	int locked_login = 0, locked_addr = 0, rc;

	pw_gate_actor(ctx, &who);
	rc = pw_db_begin(ctx->db);
	if (rc == PW_OK)
		rc = pw_throttle_fail(ctx->db, PW_THROTTLE_LOGIN, lk, cfg->login_window,
				      cfg->login_max_failures, cfg->login_lockout, &locked_login);
	if (rc == PW_OK)
		rc = pw_throttle_fail(ctx->db, PW_THROTTLE_ADDRESS, ak, cfg->login_window,
				      cfg->address_max_failures, cfg->login_lockout, &locked_addr);
	if (rc == PW_OK)
		rc = pw_audit_write(ctx->db, &who, "user", user_id, action, NULL, NULL, reason);
	if (rc == PW_OK && (locked_login || locked_addr))
		rc = pw_audit_write(ctx->db, &who, "user", user_id, "locked", NULL, NULL,
				    locked_login ? "too many failures for this login"
						 : "too many failures from this address");
	if (rc == PW_OK)
		rc = pw_db_commit(ctx->db);
	else
		pw_db_rollback(ctx->db);
	return rc;
}

/* Slows repeated failures down: 250 ms doubling per failure, at most 2 s. */
static void slow_down(int failures)
{
	struct timespec t;
	long ms;

	if (failures <= 0)
		return;
	ms = failures >= 4 ? 2000 : 250L << (failures - 1);
	t.tv_sec = ms / 1000;
	t.tv_nsec = (ms % 1000) * 1000000L;
	nanosleep(&t, NULL);
}

/* Loads the session just created from its token and answers with it. */
static void answer_session(struct pw_ctx *ctx, int status, const unsigned char *hash,
			   json_object *extra)
{
	struct pw_session s;
	json_object *o;
	int rc = pw_session_load(ctx->db, ctx->arena, hash, ctx->cfg->session_idle_timeout, &s);

	if (rc != PW_OK) {
		json_object_put(extra);
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	o = session_json(ctx, &s);
	if (extra) {
		json_object_object_foreach(extra, k, v)
		{
			json_object_object_add(o, k, json_object_get(v));
		}
		json_object_put(extra);
	}
	pw_response_json(ctx->res, status, o);
}

void api_session_create(struct pw_ctx *ctx)
{
	static const char *const allowed[] = {"login", "password"};
	struct pw_fields f = {ctx->body, pw_details_new()};
	const char *login = NULL, *password = NULL;
	struct pw_user_auth u = {0};
	struct pw_throttle_state ls, as;
	unsigned char lk[PW_HASH_LEN], ak[PW_HASH_LEN], hash[PW_HASH_LEN];
	char token[PW_TOKEN_LEN + 1], csrf[PW_TOKEN_LEN + 1];
	const char *old;
	size_t oldlen;
	enum pw_session_stage stage;
	struct pw_actor who;
	long long sid = 0;
	int rc, ok = 0, found;

	pw_field_string(&f, "login", PW_FIELD_REQUIRED, 64, &login);
	pw_field_string(&f, "password", PW_FIELD_REQUIRED, PW_PASSWORD_MAX, &password);
	pw_fields_reject_unknown(&f, allowed, PW_ARRAY_LEN(allowed));
	if (pw_fields_errors(&f)) {
		pw_response_error(ctx->res, 422, "validation_failed",
				  "Enter your login and password.", f.details);
		return;
	}
	json_object_put(f.details);
	throttle_keys(login, ctx->req->remote_addr, lk, ak);
	rc = pw_throttle_get(ctx->db, PW_THROTTLE_LOGIN, lk, ctx->cfg->login_window, &ls);
	if (rc == PW_OK)
		rc = pw_throttle_get(ctx->db, PW_THROTTLE_ADDRESS, ak, ctx->cfg->login_window, &as);
	if (rc != PW_OK)
		goto fail;
	if (ls.locked_seconds > 0 || as.locked_seconds > 0) {
		audit_alone(ctx, 0, "sign_in_throttled", login);
		too_many(ctx, ls.locked_seconds > as.locked_seconds ? ls.locked_seconds
								    : as.locked_seconds);
		return;
	}
	slow_down(ls.failures);

	rc = pw_user_auth_by_login(ctx->db, login, &u);
	if (rc != PW_OK && rc != PW_ERR_NOT_FOUND)
		goto fail;
	found = rc == PW_OK && u.active;
	if (found)
		ok = pw_auth_verify_password(u.password_hash, password, strlen(password)) == PW_OK;
	else
		pw_auth_burn_verify(ctx->cfg, password, strlen(password));
	if (!ok) {
		char reason[128];
		snprintf(reason, sizeof(reason), "login '%.64s'%s", login,
			 rc == PW_OK && !u.active ? " (disabled)" : "");
		rc = count_failure(ctx, lk, ak, found ? u.id : 0, "sign_in_failed", reason);
		if (rc != PW_OK)
			goto fail;
		pw_response_error(ctx->res, 401, "invalid_credentials",
				  "The login or password is not right.", NULL);
		goto out;
	}

	if (u.totp_enabled)
		stage = PW_STAGE_PASSWORD;
	else if (role_needs_totp(ctx->cfg, u.role))
		stage = PW_STAGE_ENROLL;
	else
		stage = PW_STAGE_FULL;
	pw_auth_new_token(token);
	pw_auth_new_token(csrf);
	pw_auth_sha256(token, PW_TOKEN_LEN, hash);
	pw_gate_actor(ctx, &who);
	who.user_id = u.id;
	who.label = u.login;

	rc = pw_db_begin(ctx->db);
	if (rc == PW_OK)
		rc = pw_throttle_clear(ctx->db, PW_THROTTLE_LOGIN, lk);
	if (rc == PW_OK && pw_auth_needs_rehash(ctx->cfg, u.password_hash)) {
		char nh[PW_PASSWORD_HASH_MAX], params[64];
		rc = pw_auth_hash_password(ctx->cfg, password, strlen(password), nh, params);
		if (rc == PW_OK)
			rc = pw_user_set_password(ctx->db, u.id, nh, params);
	}
	/* Rotation: whatever session this browser had ends here. */
	if (rc == PW_OK &&
	    pw_request_cookie(ctx->req, PW_SESSION_COOKIE, &old, &oldlen) == PW_OK) {
		unsigned char oh[PW_HASH_LEN];
		pw_auth_sha256(old, oldlen, oh);
		rc = pw_session_delete_by_hash(ctx->db, oh);
	}
	if (rc == PW_OK)
		rc = pw_session_create(ctx->db, u.id, hash, csrf, stage, ctx->cfg->session_lifetime,
				       ctx->req->remote_addr,
				       pw_request_header(ctx->req, "User-Agent"), &sid);
	if (rc == PW_OK)
		rc = pw_audit_write(ctx->db, &who, "user", u.id,
				    stage == PW_STAGE_FULL ? "sign_in" : "sign_in_password_ok", NULL,
				    NULL, NULL);
	if (rc == PW_OK)
		rc = pw_db_commit(ctx->db);
	if (rc != PW_OK) {
		pw_db_rollback(ctx->db);
		goto fail;
	}
	pw_gate_set_cookie(ctx, token);
	answer_session(ctx, 201, hash, NULL);
	goto out;
fail:
	pw_response_error_rc(ctx->res, rc);
out:
	pw_user_auth_free(&u);
}

void api_session_get(struct pw_ctx *ctx)
{
	pw_response_json(ctx->res, 200, session_json(ctx, ctx->session));
}

void api_session_delete(struct pw_ctx *ctx)
{
	struct pw_actor who;
	int rc;

	pw_gate_actor(ctx, &who);
	rc = pw_db_begin(ctx->db);
	if (rc == PW_OK)
		rc = pw_session_delete(ctx->db, ctx->session->id);
	if (rc == PW_OK)
		rc = pw_audit_write(ctx->db, &who, "user", who.user_id, "sign_out", NULL, NULL,
				    NULL);
	if (rc == PW_OK)
		rc = pw_db_commit(ctx->db);
	if (rc != PW_OK) {
		pw_db_rollback(ctx->db);
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	pw_gate_set_cookie(ctx, NULL);
	pw_response_no_content(ctx->res);
}

/* Moves the session to FULL under a new token, sets the cookie, audits. */
static int elevate(struct pw_ctx *ctx, const char *action, unsigned char hash[PW_HASH_LEN],
		   char token[PW_TOKEN_LEN + 1])
{
	struct pw_actor who;
	int rc;

	pw_gate_actor(ctx, &who);
	pw_auth_new_token(token);
	pw_auth_sha256(token, PW_TOKEN_LEN, hash);
	rc = pw_session_elevate(ctx->db, ctx->session->id, hash, PW_STAGE_FULL);
	if (rc == PW_OK)
		rc = pw_audit_write(ctx->db, &who, "user", who.user_id, action, NULL, NULL, NULL);
	return rc;
}

void api_session_totp(struct pw_ctx *ctx)
{
	static const char *const allowed[] = {"code", "recovery_code"};
	struct pw_fields f = {ctx->body, pw_details_new()};
	const char *code = NULL, *recovery = NULL;
	struct pw_user_auth u = {0};
	struct pw_throttle_state ls;
	unsigned char lk[PW_HASH_LEN], ak[PW_HASH_LEN], hash[PW_HASH_LEN], rh[PW_HASH_LEN];
	char token[PW_TOKEN_LEN + 1];
	long long step = 0;
	int rc, ok = 0;

	pw_field_string(&f, "code", PW_FIELD_OPTIONAL, 6, &code);
	pw_field_string(&f, "recovery_code", PW_FIELD_OPTIONAL, 20, &recovery);
	pw_fields_reject_unknown(&f, allowed, PW_ARRAY_LEN(allowed));
	if (!pw_fields_errors(&f) && !code == !recovery)
		pw_details_add(f.details, code ? "recovery_code" : "code",
			       "give either a code from the app or a recovery code", NULL);
	if (pw_fields_errors(&f)) {
		pw_response_error(ctx->res, 422, "validation_failed",
				  "Enter the 6-digit code from your authenticator app.", f.details);
		return;
	}
	json_object_put(f.details);
	if (ctx->session->stage != PW_STAGE_PASSWORD) {
		pw_response_error(ctx->res, 409, "second_factor_not_expected",
				  "This session does not need a code now.", NULL);
		return;
	}
	throttle_keys(ctx->session->login, ctx->req->remote_addr, lk, ak);
	rc = pw_throttle_get(ctx->db, PW_THROTTLE_LOGIN, lk, ctx->cfg->login_window, &ls);
	if (rc != PW_OK)
		goto fail;
	if (ls.locked_seconds > 0) {
		too_many(ctx, ls.locked_seconds);
		return;
	}
	rc = pw_user_auth_by_id(ctx->db, ctx->session->principal.user_id, &u);
	if (rc != PW_OK)
		goto fail;
	rc = pw_db_begin(ctx->db);
	if (rc != PW_OK)
		goto fail;
	if (code && u.totp_secret &&
	    pw_totp_verify(u.totp_secret, code, time(NULL), u.totp_last_step, &step) == PW_OK) {
		rc = pw_user_totp_used(ctx->db, u.id, step, 0);
		ok = rc == PW_OK;
		if (rc == PW_ERR_CONFLICT)
			rc = PW_OK; /* the same code won elsewhere a moment ago */
	} else if (recovery && pw_recovery_code_hash(recovery, rh) == PW_OK) {
		rc = pw_user_use_recovery_code(ctx->db, u.id, rh);
		ok = rc == PW_OK;
		if (rc == PW_ERR_NOT_FOUND)
			rc = PW_OK;
	}
	if (rc == PW_OK && ok)
		rc = elevate(ctx, recovery ? "sign_in_recovery_code" : "sign_in", hash, token);
	if (rc == PW_OK && ok)
		rc = pw_throttle_clear(ctx->db, PW_THROTTLE_LOGIN, lk);
	if (rc == PW_OK && ok)
		rc = pw_db_commit(ctx->db);
	else
		pw_db_rollback(ctx->db);
	if (rc != PW_OK)
		goto fail;
	if (!ok) {
		rc = count_failure(ctx, lk, ak, u.id, "second_factor_failed", NULL);
		if (rc != PW_OK)
			goto fail;
		pw_response_error(ctx->res, 401, "invalid_code",
				  "That code is not right, or it was already used.", NULL);
		goto out;
	}
	pw_gate_set_cookie(ctx, token);
	answer_session(ctx, 200, hash, NULL);
	goto out;
fail:
	pw_response_error_rc(ctx->res, rc);
out:
	pw_user_auth_free(&u);
}

void api_session_enroll(struct pw_ctx *ctx)
{
	char secret[PW_TOTP_SECRET_B32];
	struct pw_actor who;
	json_object *o;
	char *uri = NULL;
	int rc;

	if (ctx->session->stage == PW_STAGE_PASSWORD ||
	    (ctx->session->stage == PW_STAGE_FULL && ctx->session->totp_enabled)) {
		pw_response_error(ctx->res, 409, "totp_already_enabled",
				  "An authenticator app is already set up for this account.",
				  NULL);
		return;
	}
	pw_gate_actor(ctx, &who);
	rc = pw_totp_new_secret(secret);
	if (rc == PW_OK)
		rc = pw_db_begin(ctx->db);
	if (rc == PW_OK)
		rc = pw_user_set_totp_secret(ctx->db, who.user_id, secret);
	if (rc == PW_OK)
		rc = pw_audit_write(ctx->db, &who, "user", who.user_id, "totp_enrollment_started",
				    NULL, NULL, NULL);
	if (rc == PW_OK)
		rc = pw_db_commit(ctx->db);
	if (rc != PW_OK) {
		pw_db_rollback(ctx->db);
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	uri = pw_totp_uri(ctx->cfg->totp_issuer, ctx->session->login, secret);
	if (!uri) {
		pw_response_error_rc(ctx->res, PW_ERR_NOMEM);
		return;
	}
	o = json_object_new_object();
	json_object_object_add(o, "secret", json_object_new_string(secret));
	json_object_object_add(o, "otpauth_uri", json_object_new_string(uri));
	free(uri);
	pw_response_json(ctx->res, 201, o);
}

void api_session_enroll_confirm(struct pw_ctx *ctx)
{
	static const char *const allowed[] = {"code"};
	struct pw_fields f = {ctx->body, pw_details_new()};
	const char *code = NULL;
	struct pw_user_auth u = {0};
	unsigned char hashes[PW_RECOVERY_CODES][32], hash[PW_HASH_LEN];
	char codes[PW_RECOVERY_CODES][PW_RECOVERY_CODE_LEN + 3], token[PW_TOKEN_LEN + 1];
	struct pw_actor who;
	json_object *list, *extra;
	long long step = 0;
	int rc, was_enroll = ctx->session->stage == PW_STAGE_ENROLL;

	pw_field_string(&f, "code", PW_FIELD_REQUIRED, 6, &code);
	pw_fields_reject_unknown(&f, allowed, PW_ARRAY_LEN(allowed));
	if (pw_fields_errors(&f)) {
		pw_response_error(ctx->res, 422, "validation_failed",
				  "Enter the 6-digit code from your authenticator app.", f.details);
		return;
	}
	json_object_put(f.details);
	if (ctx->session->stage == PW_STAGE_PASSWORD) {
		pw_response_error(ctx->res, 409, "second_factor_not_expected",
				  "Finish signing in first.", NULL);
		return;
	}
	rc = pw_user_auth_by_id(ctx->db, ctx->session->principal.user_id, &u);
	if (rc != PW_OK)
		goto fail;
	if (!u.totp_secret || u.totp_enabled) {
		pw_response_error(ctx->res, 409, "no_enrollment_pending",
				  "Start setting up the authenticator app first.", NULL);
		goto out;
	}
	if (pw_totp_verify(u.totp_secret, code, time(NULL), u.totp_last_step, &step) != PW_OK) {
		json_object *d = pw_details_new();
		pw_details_add(d, "code", "does not match the new secret", NULL);
		pw_response_error(ctx->res, 422, "invalid_code",
				  "That code does not match. Check the app and try again.", d);
		goto out;
	}
	for (int i = 0; i < PW_RECOVERY_CODES; i++) {
		pw_recovery_code_new(codes[i]);
		pw_recovery_code_hash(codes[i], hashes[i]);
	}
	pw_gate_actor(ctx, &who);
	rc = pw_db_begin(ctx->db);
	if (rc == PW_OK)
		rc = pw_user_totp_used(ctx->db, u.id, step, 1);
	if (rc == PW_OK)
		rc = pw_user_replace_recovery_codes(ctx->db, u.id,
						    (const unsigned char (*)[32])hashes,
						    PW_RECOVERY_CODES);
	if (rc == PW_OK)
		rc = pw_audit_write(ctx->db, &who, "user", u.id, "totp_enabled", NULL, NULL, NULL);
	if (rc == PW_OK && was_enroll)
		rc = elevate(ctx, "sign_in", hash, token);
	if (rc == PW_OK)
		rc = pw_db_commit(ctx->db);
	if (rc != PW_OK) {
		pw_db_rollback(ctx->db);
		goto fail;
	}
	list = json_object_new_array();
	for (int i = 0; i < PW_RECOVERY_CODES; i++)
		json_object_array_add(list, json_object_new_string(codes[i]));
	extra = json_object_new_object();
	json_object_object_add(extra, "recovery_codes", list);
	if (was_enroll) {
		pw_gate_set_cookie(ctx, token);
	} else {
		char t[PW_TOKEN_LEN + 1];
		const char *cur;
		size_t len;
		/* Same session, same token: answer with the current one. */
		if (pw_request_cookie(ctx->req, PW_SESSION_COOKIE, &cur, &len) == PW_OK &&
		    len == PW_TOKEN_LEN) {
			memcpy(t, cur, len);
			t[len] = '\0';
			pw_auth_sha256(t, len, hash);
		}
	}
	answer_session(ctx, 200, hash, extra);
	goto out;
fail:
	pw_response_error_rc(ctx->res, rc);
out:
	pw_user_auth_free(&u);
}
