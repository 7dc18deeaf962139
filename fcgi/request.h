/*
 * request.h: one HTTP request as nginx hands it over FastCGI.
 *
 * The request borrows the FastCGI parameter array (valid until
 * FCGX_Finish_r) and keeps its decoded pieces in the request's arena. It
 * knows nothing of libfcgi: the worker reads the body into `body`, which
 * keeps this layer pure and fuzzable (tests/fuzz).
 */
#ifndef PW_REQUEST_H
#define PW_REQUEST_H

#include "arena.h"
#include "buf.h"

#include <stddef.h>

#define PW_REQUEST_ID_LEN 33 /* 32 hex digits and a NUL */

struct pw_kv {
	const char *key;
	const char *value;
	size_t value_len;
};

struct pw_request {
	char **env;          /* borrowed FastCGI params, "NAME=value" */
	struct pw_arena *arena;
	const char *method;  /* never NULL ("" when absent) */
	const char *path;    /* DOCUMENT_URI, never NULL */
	const char *query;   /* raw QUERY_STRING, never NULL */
	const char *content_type; /* NULL when absent */
	const char *remote_addr;  /* "" when absent */
	long long content_length; /* -1 when absent */
	char request_id[PW_REQUEST_ID_LEN];
	struct pw_kv *query_kv; /* decoded query pairs, arena-owned */
	size_t nquery;
	int query_bad;          /* a malformed %-escape was seen */
	struct pw_buf body;     /* filled by the worker; freed by pw_request_free */
	int body_complete;      /* every byte of the body has been read */
};

/*
 * Sets up r from the parameter array. The request id is nginx's REQUEST_ID
 * when it is 32 hex digits, else a fresh random one. Returns PW_ERR_NOMEM
 * on allocation failure; a malformed query only sets query_bad.
 */
int pw_request_init(struct pw_request *r, char **env, struct pw_arena *arena, size_t body_max);
void pw_request_free(struct pw_request *r);

/* The FastCGI parameter `name`, or NULL. */
const char *pw_request_env(const struct pw_request *r, const char *name);
/* The request header `name` (any case, e.g. "If-Match"), or NULL. */
const char *pw_request_header(const struct pw_request *r, const char *name);
/* The first decoded query value for key, or NULL. */
const char *pw_request_query(const struct pw_request *r, const char *key);
/*
 * Finds cookie `name` in the Cookie header; on success points *val into the
 * header (not NUL-terminated at the value's end) and sets *len.
 * Returns PW_OK or PW_ERR_NOT_FOUND.
 */
int pw_request_cookie(const struct pw_request *r, const char *name, const char **val, size_t *len);

/* Is the Content-Type application/json (parameters such as charset=utf-8 allowed)? */
int pw_request_is_json(const struct pw_request *r);

/*
 * Percent-decodes n bytes of s ('+' as space when plus_is_space) into a NUL-
 * terminated arena string. A bad escape or an encoded NUL gives PW_ERR_INVALID.
 */
int pw_url_decode(struct pw_arena *a, const char *s, size_t n, int plus_is_space, char **out,
		  size_t *outlen);

/* Fills out with 2*n lowercase hex digits of fresh random bytes and a NUL. */
int pw_random_hex(char *out, size_t n);

#endif
