/*
 * idempotency.h: the Idempotency-Key contract of design.md for every POST.
 *
 * A signed-in POST carrying Idempotency-Key runs once: a retry with the
 * same key and the same request gets the first response again (marked
 * Idempotent-Replayed: true) and creates nothing twice; the same key with a
 * different request is 422 idempotency_key_reused; a retry while the first
 * is still running is 409 idempotency_in_progress. Keys belong to the user,
 * live for a day, and a response of 500 or more is not kept (the request
 * may be tried again).
 */
#ifndef PW_IDEMPOTENCY_H
#define PW_IDEMPOTENCY_H

#include "auth.h"
#include "handler.h"

struct pw_idem {
	const char *key; /* borrowed from the request */
	unsigned char hash[PW_HASH_LEN];
	int active; /* a row was claimed: finish it */
};

/*
 * Looks at the request's Idempotency-Key. Returns 0 when the handler should
 * run (idem->active says whether the outcome must be recorded), or 1 when
 * the response is already filled (a replay or a refusal).
 */
int pw_idem_begin(struct pw_ctx *ctx, struct pw_idem *idem);
/* Records the handler's response for the key, or frees the key after a 5xx. */
void pw_idem_finish(struct pw_ctx *ctx, struct pw_idem *idem);

/* The digest of a request as the key remembers it: method, path, query and
 * body, NUL-separated. Exposed for the tests. */
void pw_idem_request_hash(const char *method, const char *path, const char *query,
			  const char *body, size_t body_len, unsigned char out[PW_HASH_LEN]);

#endif
