/*
 * response.h: what a handler answers, and the one error envelope.
 *
 * A handler fills a pw_response; the worker serialises it once, after the
 * handler returns, so a handler can change its mind (an error after a
 * partial success) without having written anything. Every error goes
 * through pw_response_error and has the shape of design.md:
 *   {"error": {"code": "...", "message": "...", "details": [...]}}
 */
#ifndef PW_RESPONSE_H
#define PW_RESPONSE_H

#include "buf.h"

#include <json-c/json.h>

struct pw_violations;

struct pw_response {
	int status;
	const char *content_type; /* static string */
	struct pw_buf headers;    /* extra "Name: value\r\n" lines */
	struct pw_buf body;
	int sent;                 /* set by the worker */
};

void pw_response_init(struct pw_response *res);
void pw_response_free(struct pw_response *res);
/* Drops status, headers and body so the handler can start again. */
void pw_response_reset(struct pw_response *res);

/* Adds a header; CR, LF and NUL in the value are replaced by spaces. */
int pw_response_header(struct pw_response *res, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* 204 with no body. */
void pw_response_no_content(struct pw_response *res);

/* Sets status and the JSON body from obj; consumes obj (json_object_put). */
int pw_response_json(struct pw_response *res, int status, json_object *obj);

/*
 * Sets an error response. details is a JSON array of {"field", "problem"}
 * objects or NULL; it is consumed. extra, when not NULL, is an object whose
 * members are added beside "error" at the top level (consumed).
 */
void pw_response_error_ex(struct pw_response *res, int status, const char *code,
			  const char *message, json_object *details, json_object *extra);
void pw_response_error(struct pw_response *res, int status, const char *code,
		       const char *message, json_object *details);

/* The standard error for a pw_rc from a lower layer (e.g. 503 for
 * PW_ERR_DB_UNAVAILABLE, 500 with no detail for PW_ERR_DB). */
void pw_response_error_rc(struct pw_response *res, int rc);

/* A new empty details array. */
json_object *pw_details_new(void);
/* Appends {"field": field, "problem": problem[, "rule": rule]} to details. */
void pw_details_add(json_object *details, const char *field, const char *problem,
		    const char *rule);
/* Appends every violation as a detail with its rule. */
void pw_details_add_violations(json_object *details, const struct pw_violations *v);

/* The reason phrase of an HTTP status ("Not Found"). */
const char *pw_status_text(int status);

/*
 * Writes the CGI response head and body into out: "Status: ...", the
 * headers, Content-Type, Content-Length, X-Request-Id, Cache-Control, then
 * the body. HEAD requests get the head only.
 */
int pw_response_serialize(const struct pw_response *res, const char *request_id, int head_only,
			  struct pw_buf *out);

#endif
