/*
 * handler.h: what a resource handler receives, and the route entry type.
 *
 * The worker prepares a pw_ctx per request (request parsed, JSON body
 * parsed for JSON routes, database connection checked unless the route
 * handles that itself) and calls the route's handler, which fills ctx->res.
 * Handler shape (style.md): the response starts as a 500; the handler sets
 * success last; everything it allocates it frees at its `out:` label or
 * places in ctx->arena.
 */
#ifndef PW_HANDLER_H
#define PW_HANDLER_H

#include "arena.h"
#include "request.h"
#include "response.h"

#include <json-c/json.h>

struct pw_db;
struct pw_config;
struct pw_session;

#define PW_ROUTE_MAX_IDS 4

struct pw_ctx {
	struct pw_request *req;
	struct pw_response *res;
	struct pw_db *db;
	const struct pw_config *cfg;
	struct pw_arena *arena;
	json_object *body; /* parsed body of a JSON route; borrowed, NULL otherwise */
	struct pw_session *session; /* the signed-in session; NULL on public routes */
	long long ids[PW_ROUTE_MAX_IDS]; /* the {id} segments of the path, in order */
	size_t nids;
};

typedef void (*pw_handler)(struct pw_ctx *ctx);

enum pw_route_flags {
	PW_ROUTE_JSON = 1u << 0, /* the body must be application/json */
	PW_ROUTE_NODB = 1u << 1, /* the handler checks the database itself */
	PW_ROUTE_PUBLIC = 1u << 2, /* no session needed (health, sign-in) */
	/* Allowed while the second factor is still owed or being set up. */
	PW_ROUTE_PARTIAL = 1u << 3,
	/* The body is read as it comes (any Content-Type, e.g. a document upload);
	 * the handler finds it in ctx->req->body. */
	PW_ROUTE_RAW_BODY = 1u << 4,
};

struct pw_route {
	const char *method;  /* "GET", "POST", "PUT", "PATCH", "DELETE" */
	const char *pattern; /* "/api/v1/enrollments/{id}/exit" */
	pw_handler handler;
	unsigned flags;
};

#endif
