/*
 * gate.c: sessions, stages and CSRF at the door (see gate.h).
 *
 * The cookie carries a 256-bit random token; only its SHA-256 is stored, so
 * a copy of the sessions table signs nobody in. The CSRF token is a second
 * random value handed to the app in the sign-in response; a page on another
 * site can make the browser send the cookie but cannot read that token.
 */
#include "gate.h"

#include "auth.h"
#include "config.h"
#include "db.h"
#include "pw.h"
#include "store/audit.h"
#include "store/session.h"

#include <string.h>

static int unsafe_method(const char *m)
{
	return strcmp(m, "GET") && strcmp(m, "HEAD") && strcmp(m, "OPTIONS");
}

int pw_gate(struct pw_ctx *ctx, const struct pw_route *route, struct pw_session *storage)
{
	const char *tok = NULL, *csrf;
	size_t len = 0;
	unsigned char hash[PW_HASH_LEN];
	int rc;

	if (route->flags & PW_ROUTE_PUBLIC)
		return 0;
	if (pw_request_cookie(ctx->req, PW_SESSION_COOKIE, &tok, &len) != PW_OK ||
	    len != PW_TOKEN_LEN) {
		pw_response_error(ctx->res, 401, "unauthenticated", "Please sign in.", NULL);
		return -1;
	}
	pw_auth_sha256(tok, len, hash);
	rc = pw_session_load(ctx->db, ctx->arena, hash, ctx->cfg->session_idle_timeout, storage);
	if (rc == PW_ERR_NOT_FOUND) {
		pw_response_error(ctx->res, 401, "unauthenticated",
				  "Your session has ended. Please sign in again.", NULL);
		return -1;
	}
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return -1;
	}
	if (storage->stage != PW_STAGE_FULL && !(route->flags & PW_ROUTE_PARTIAL)) {
		pw_response_error(ctx->res, 401, "second_factor_required",
				  storage->stage == PW_STAGE_ENROLL
					  ? "Set up your authenticator app to finish signing in."
					  : "Enter the code from your authenticator app to finish "
					    "signing in.",
				  NULL);
		return -1;
	}
	if (unsafe_method(ctx->req->method)) {
		csrf = pw_request_header(ctx->req, "X-CSRF-Token");
		if (!csrf || !pw_auth_equal(csrf, strlen(csrf), storage->csrf_token,
					    strlen(storage->csrf_token))) {
			pw_response_error(ctx->res, 403, "csrf_failed",
					  "The request is missing this session's X-CSRF-Token.",
					  NULL);
			return -1;
		}
	}
	rc = pw_session_touch(ctx->db, storage->id);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return -1;
	}
	ctx->session = storage;
	return 0;
}

int pw_gate_set_cookie(struct pw_ctx *ctx, const char *token)
{
	const char *secure = ctx->cfg->cookie_secure ? "; Secure" : "";

	if (!token)
		return pw_response_header(ctx->res, "Set-Cookie",
					  "%s=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict%s",
					  PW_SESSION_COOKIE, secure);
	return pw_response_header(ctx->res, "Set-Cookie",
				  "%s=%s; Path=/; Max-Age=%d; HttpOnly; SameSite=Strict%s",
				  PW_SESSION_COOKIE, token, ctx->cfg->session_lifetime, secure);
}

void pw_gate_actor(const struct pw_ctx *ctx, struct pw_actor *who)
{
	memset(who, 0, sizeof(*who));
	who->user_id = ctx->session ? ctx->session->principal.user_id : 0;
	who->label = ctx->session ? ctx->session->login : "anonymous";
	who->request_id = ctx->req->request_id;
	who->remote_addr = ctx->req->remote_addr;
}
