/*
 * api/common.c: shared handler helpers (see common.h).
 */
#include "api/common.h"

#include "db.h"
#include "pw.h"
#include "store/scope.h"
#include "store/session.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

json_object *api_row_json(const struct pw_db_rows *rows, size_t r, const struct api_col *cols,
			  size_t n)
{
	json_object *o = json_object_new_object();

	for (size_t c = 0; c < n && c < rows->ncols; c++) {
		const char *v = pw_db_cell(rows, r, c);
		json_object *val = NULL;

		switch (cols[c].type) {
		case API_SKIP:
			continue;
		case API_INT:
			val = v ? json_object_new_int64(strtoll(v, NULL, 10)) : NULL;
			break;
		case API_STR:
			val = v ? json_object_new_string_len(v, (int)rows->lens[r * rows->ncols + c])
				: NULL;
			break;
		case API_BOOL:
			val = json_object_new_boolean(v && strcmp(v, "0") != 0);
			break;
		case API_IDLIST:
			val = json_object_new_array();
			for (const char *p = v; p && *p;) {
				char *end;
				long long id = strtoll(p, &end, 10);
				if (end == p)
					break;
				json_object_array_add(val, json_object_new_int64(id));
				p = *end == ',' ? end + 1 : end;
			}
			break;
		case API_JSON:
			val = v ? json_tokener_parse(v) : NULL;
			break;
		}
		json_object_object_add(o, cols[c].name, val);
	}
	return o;
}

int api_if_match(struct pw_ctx *ctx, int *version)
{
	const char *h = pw_request_header(ctx->req, "If-Match");
	char *end;
	long v;

	if (!h) {
		pw_response_error(ctx->res, 428, "precondition_required",
				  "Send If-Match with the record's ETag to change it.", NULL);
		return -1;
	}
	if (!strncmp(h, "W/", 2))
		h += 2;
	if (*h != '"' || h[1] < '1' || h[1] > '9')
		goto stale;
	v = strtol(h + 1, &end, 10);
	if (end[0] != '"' || end[1] != '\0' || v <= 0 || v > 2000000000)
		goto stale;
	*version = (int)v;
	return 0;
stale:
	pw_response_error_rc(ctx->res, PW_ERR_STALE);
	return -1;
}

void api_etag(struct pw_ctx *ctx, long long version)
{
	pw_response_header(ctx->res, "ETag", "\"%lld\"", version);
}

int api_page_params(struct pw_ctx *ctx, int *limit, long long *after_id)
{
	const char *l = pw_request_query(ctx->req, "limit");
	const char *c = pw_request_query(ctx->req, "cursor");
	json_object *details = NULL;
	char *end;

	*limit = API_LIMIT_DEFAULT;
	*after_id = 0;
	if (l && *l) {
		long v = strtol(l, &end, 10);
		if (*end || v < 1 || v > API_LIMIT_MAX) {
			details = pw_details_new();
			pw_details_add(details, "limit", "must be a whole number from 1 to 500",
				       NULL);
		} else {
			*limit = (int)v;
		}
	}
	if (c && *c) {
		unsigned char raw[32];
		size_t n = 0;
		char num[33];
		long long v = -1;
		if (sodium_base642bin(raw, sizeof(raw) - 1, c, strlen(c), NULL, &n, NULL,
				      sodium_base64_VARIANT_URLSAFE_NO_PADDING) == 0 &&
		    n > 2 && raw[0] == 'i' && raw[1] == ':') {
			memcpy(num, raw + 2, n - 2);
			num[n - 2] = '\0';
			v = strtoll(num, &end, 10);
			if (*end)
				v = -1;
		}
		if (v < 0) {
			if (!details)
				details = pw_details_new();
			pw_details_add(details, "cursor", "is not a cursor this list gave out",
				       NULL);
		} else {
			*after_id = v;
		}
	}
	if (details) {
		pw_response_error(ctx->res, 400, "bad_query", "The list parameters are wrong.",
				  details);
		return -1;
	}
	return 0;
}

void api_rows_answer(struct pw_ctx *ctx, struct pw_db_rows *rows, const struct api_col *cols,
		     size_t ncols)
{
	json_object *o = json_object_new_object(), *items = json_object_new_array();

	for (size_t r = 0; r < rows->nrows; r++)
		json_object_array_add(items, api_row_json(rows, r, cols, ncols));
	pw_db_rows_free(rows);
	json_object_object_add(o, "items", items);
	json_object_object_add(o, "next_cursor", NULL);
	pw_response_json(ctx->res, 200, o);
}

void api_page_answer(struct pw_ctx *ctx, json_object *items, int limit, long long last_id)
{
	json_object *o = json_object_new_object();
	size_t n = json_object_array_length(items);

	json_object_object_add(o, "items", items);
	if ((int)n == limit && n > 0) {
		char raw[32], enc[64];
		int len = snprintf(raw, sizeof(raw), "i:%lld", last_id);
		sodium_bin2base64(enc, sizeof(enc), (const unsigned char *)raw, (size_t)len,
				  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
		json_object_object_add(o, "next_cursor", json_object_new_string(enc));
	} else {
		json_object_object_add(o, "next_cursor", NULL);
	}
	pw_response_json(ctx->res, 200, o);
}

void api_invalid(struct pw_ctx *ctx, const char *message, json_object *details)
{
	pw_response_error(ctx->res, 422, "validation_failed", message, details);
}

void api_not_found(struct pw_ctx *ctx)
{
	pw_response_error(ctx->res, 404, "not_found", "No such record.", NULL);
}

void api_forbidden(struct pw_ctx *ctx)
{
	pw_response_error(ctx->res, 403, "forbidden", "Your role does not allow this.", NULL);
}

const char *api_json_text(struct pw_ctx *ctx, json_object *obj)
{
	const char *s;

	if (!obj)
		return NULL;
	s = json_object_to_json_string_ext(obj, JSON_C_TO_STRING_PLAIN |
							JSON_C_TO_STRING_NOSLASHESCAPE);
	return s ? pw_arena_strdup(ctx->arena, s) : NULL;
}

int api_finish(struct pw_ctx *ctx, int rc)
{
	if (rc == PW_OK)
		rc = pw_db_commit(ctx->db);
	if (rc != PW_OK)
		pw_db_rollback(ctx->db);
	return rc;
}

/* Turns a scope lookup and the access decision into 0 or a response. */
static int decide(struct pw_ctx *ctx, int rc, int action, const struct pw_acl_scope *scope)
{
	if (rc == PW_ERR_NOT_FOUND) {
		api_not_found(ctx);
		return -1;
	}
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return -1;
	}
	if (!pw_acl_allows(&ctx->session->principal, (enum pw_acl_action)action, scope)) {
		/* A caller who may read the record already knows it exists: say
		 * plainly that the change is not theirs to make. Anyone else gets
		 * exactly the answer for an absent record (R-ACL-1). */
		if (action != PW_ACL_READ &&
		    pw_acl_allows(&ctx->session->principal, PW_ACL_READ, scope))
			api_forbidden(ctx);
		else
			api_not_found(ctx);
		return -1;
	}
	return 0;
}

int api_authorize_participant(struct pw_ctx *ctx, long long participant_id, int action)
{
	struct pw_acl_scope scope;
	int rc = pw_scope_participant(ctx->db, ctx->arena, participant_id, &scope);

	return decide(ctx, rc, action, &scope);
}

int api_authorize_enrollment(struct pw_ctx *ctx, long long enrollment_id, int action,
			     long long *participant_id)
{
	struct pw_acl_scope scope;
	int rc = pw_scope_enrollment(ctx->db, ctx->arena, enrollment_id, &scope, participant_id);

	return decide(ctx, rc, action, &scope);
}

pw_date api_today(void)
{
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	return pw_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

const char *api_like_prefix(struct pw_ctx *ctx, const char *s)
{
	size_t n = strlen(s), k = 0;
	char *out = pw_arena_alloc(ctx->arena, 2 * n + 2);

	if (!out)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '%' || s[i] == '_' || s[i] == '\\')
			out[k++] = '\\';
		out[k++] = s[i];
	}
	out[k++] = '%';
	out[k] = '\0';
	return out;
}

const char *api_cursor_encode(struct pw_ctx *ctx, const char *const *parts, size_t n)
{
	size_t len = 0, k = 0, enc_len;
	char *raw, *enc;

	for (size_t i = 0; i < n; i++)
		len += strlen(parts[i]) + 1;
	raw = pw_arena_alloc(ctx->arena, len + 1);
	if (!raw)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(parts[i]);
		memcpy(raw + k, parts[i], l);
		k += l;
		if (i + 1 < n)
			raw[k++] = '\x1f';
	}
	enc_len = sodium_base64_ENCODED_LEN(k, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	enc = pw_arena_alloc(ctx->arena, enc_len);
	if (!enc)
		return NULL;
	sodium_bin2base64(enc, enc_len, (const unsigned char *)raw, k,
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return enc;
}

int api_cursor_decode(struct pw_ctx *ctx, const char *token, const char **parts, size_t n)
{
	size_t tl = strlen(token), got = 0, k = 0;
	unsigned char *raw = pw_arena_alloc(ctx->arena, tl + 1);
	json_object *d;

	if (raw && tl < 4096 &&
	    sodium_base642bin(raw, tl, token, tl, NULL, &got, NULL,
			      sodium_base64_VARIANT_URLSAFE_NO_PADDING) == 0) {
		char *p = (char *)raw;
		raw[got] = '\0';
		if (strlen(p) == got) {
			for (k = 0; k < n; k++) {
				char *sep = strchr(p, '\x1f');
				parts[k] = p;
				if (k + 1 < n) {
					if (!sep)
						break;
					*sep = '\0';
					p = sep + 1;
				} else if (sep) {
					break;
				}
			}
		}
	}
	if (k == n)
		return 0;
	d = pw_details_new();
	pw_details_add(d, "cursor", "is not a cursor this list gave out", NULL);
	pw_response_error(ctx->res, 400, "bad_query", "The list parameters are wrong.", d);
	return -1;
}
