/*
 * gate.h: the check every non-public request passes before its handler:
 * a live session from the cookie, the right sign-in stage, and for unsafe
 * methods the session's CSRF token.
 */
#ifndef PW_GATE_H
#define PW_GATE_H

#include "handler.h"

#define PW_SESSION_COOKIE "pw_session"

/*
 * Loads ctx->session for route. On refusal fills ctx->res (401
 * unauthenticated, 401 second_factor_required, 403 csrf_failed, or 503) and
 * returns non-zero; the handler must not run.
 */
int pw_gate(struct pw_ctx *ctx, const struct pw_route *route, struct pw_session *storage);

/* The session cookie header value for token (NULL: an expiring cookie). */
int pw_gate_set_cookie(struct pw_ctx *ctx, const char *token);

/* The actor for audit rows of this request (system when signed out). */
struct pw_actor;
void pw_gate_actor(const struct pw_ctx *ctx, struct pw_actor *who);

#endif
