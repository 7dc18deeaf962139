/*
 * api/common.h: what every resource handler does the same way: versions
 * (ETag / If-Match), list paging (limit + keyset cursor), turning database
 * rows into JSON by a column table, and the 422 for field errors.
 */
#ifndef PW_API_COMMON_H
#define PW_API_COMMON_H

#include "handler.h"
#include "rules/dates.h"

#include <stddef.h>

struct pw_db_rows;
struct pw_actor;

#define API_LIMIT_DEFAULT 50
#define API_LIMIT_MAX 500

enum api_col_type {
	API_INT,     /* integer, null when NULL */
	API_STR,     /* string, null when NULL */
	API_BOOL,    /* 0/1 to false/true */
	API_IDLIST,  /* "1,2,3" to [1,2,3] */
	API_JSON,    /* JSON text embedded as a value */
	API_SKIP,    /* a column the JSON does not show */
};

struct api_col {
	const char *name;
	enum api_col_type type;
};

/* Row r of rows as a JSON object with one member per column (cols[i] for
 * column i; n must equal rows->ncols). */
json_object *api_row_json(const struct pw_db_rows *rows, size_t r, const struct api_col *cols,
			  size_t n);

/*
 * Reads If-Match as a version: 428 precondition_required when absent, 412
 * when it is not one of ours. Returns 0 with *version set, or -1 with the
 * response filled.
 */
int api_if_match(struct pw_ctx *ctx, int *version);
/* Sets ETag: "<version>". */
void api_etag(struct pw_ctx *ctx, long long version);

/*
 * Parses ?limit= and ?cursor= : limit 1..API_LIMIT_MAX (default 50), cursor
 * an opaque token from a previous page's next_cursor holding the last id.
 * Returns 0, or -1 with a 400 in the response.
 */
int api_page_params(struct pw_ctx *ctx, int *limit, long long *after_id);
/* {"items": items, "next_cursor": ...}: a cursor for last_id when the page
 * was full (more may follow), else null. Consumes items. */
void api_page_answer(struct pw_ctx *ctx, json_object *items, int limit, long long last_id);
/* Answers 200 with a whole, unpaged list: {"items": [one object per row
 * with cols], "next_cursor": null}. Takes rows and frees them. */
void api_rows_answer(struct pw_ctx *ctx, struct pw_db_rows *rows, const struct api_col *cols,
		     size_t ncols);

/* 422 validation_failed with details (consumed). */
void api_invalid(struct pw_ctx *ctx, const char *message, json_object *details);
/* 404 not_found for a record out of reach or absent (R-ACL-1: the same). */
void api_not_found(struct pw_ctx *ctx);
/* 403 forbidden for an action the role never has. */
void api_forbidden(struct pw_ctx *ctx);

/*
 * R-ACL-1: loads the scope of a participant or an enrollment and checks
 * action for the signed-in user. Returns 0 when allowed (with *participant_id
 * set when not NULL); otherwise -1 with 404 not_found in the response (also
 * when the record does not exist), or another error status.
 */
int api_authorize_participant(struct pw_ctx *ctx, long long participant_id, int action);
int api_authorize_enrollment(struct pw_ctx *ctx, long long enrollment_id, int action,
			     long long *participant_id);

/* Today's date (UTC) for "not in the future" checks (R-DATE-4). UTC is
 * never behind a US agency's local date, so no local today is refused. */
pw_date api_today(void);

/* s as a LIKE prefix pattern with % and _ escaped, in the arena. */
const char *api_like_prefix(struct pw_ctx *ctx, const char *s);

/*
 * Keyset cursors over several columns: encode joins the parts (none may hold
 * the 0x1f separator) into an opaque base64url token in the arena; decode
 * splits a token back into exactly n arena strings. decode returns 0, or -1
 * with a 400 in the response.
 */
const char *api_cursor_encode(struct pw_ctx *ctx, const char *const *parts, size_t n);
int api_cursor_decode(struct pw_ctx *ctx, const char *token, const char **parts, size_t n);

/* JSON text of obj into the arena (for audit before/after); NULL when obj is. */
const char *api_json_text(struct pw_ctx *ctx, json_object *obj);

/* Ends a write transaction: commits when rc is PW_OK, else rolls back. */
int api_finish(struct pw_ctx *ctx, int rc);

#endif
