/*
 * api/exit_common.c: shared pieces of the exit-side handlers (see
 * exit_common.h).
 */
#include "api/exit_common.h"

#include "api/common.h"
#include "pw.h"
#include "store/facts.h"

#include <stdio.h>
#include <string.h>

int api_exit_as_of(struct pw_ctx *ctx, pw_date *as_of)
{
	const char *q = pw_request_query(ctx->req, "as_of");
	json_object *d;

	*as_of = api_today();
	if (q == NULL || *q == '\0')
		return 0;
	if (pw_date_parse(q, strlen(q), as_of) == PW_OK && *as_of <= api_today())
		return 0;
	d = pw_details_new();
	pw_details_add(d, "as_of", "must be a date YYYY-MM-DD, not in the future", "R-DATE-4");
	pw_response_error(ctx->res, 400, "bad_query", "The as-of date is wrong.", d);
	return -1;
}

int api_exit_load(struct pw_ctx *ctx, long long id, unsigned parts, pw_date as_of,
                  struct pw_facts *f)
{
	int rc = pw_facts_load(ctx->db, ctx->arena, id, parts, as_of, NULL, f);

	if (rc == PW_OK)
		return 0;
	if (rc == PW_ERR_NOT_FOUND)
		api_not_found(ctx);
	else
		pw_response_error_rc(ctx->res, rc);
	return -1;
}

json_object *api_exit_date(pw_date d)
{
	char text[PW_DATE_STRLEN];

	if (!pw_date_is_valid(d))
		return NULL;
	pw_date_format(d, text);
	return json_object_new_string(text);
}

json_object *api_exit_money(long long cents)
{
	char text[32];
	long long a = cents < 0 ? -cents : cents;

	snprintf(text, sizeof(text), "%s%lld.%02lld", cents < 0 ? "-" : "", a / 100, a % 100);
	return json_object_new_double_s((double)cents / 100.0, text);
}

json_object *api_exit_str(const char *s)
{
	return s != NULL ? json_object_new_string(s) : NULL;
}

void api_exit_refuse(struct pw_ctx *ctx, int status, const char *code, const char *message,
                     const struct pw_violations *v)
{
	json_object *d = pw_details_new();

	pw_details_add_violations(d, v);
	pw_response_error(ctx->res, status, code, message, d);
}

void api_exit_refuse_rc(struct pw_ctx *ctx, int rc, const char *conflict_code, const char *message,
                        const struct pw_violations *v)
{
	if (rc == PW_ERR_CONFLICT)
		api_exit_refuse(ctx, 409, conflict_code, message, v);
	else if (rc == PW_ERR_FORBIDDEN)
		api_exit_refuse(ctx, 403, "forbidden", message, v);
	else if (rc == PW_ERR_INVALID)
		api_exit_refuse(ctx, 422, "validation_failed", message, v);
	else
		pw_response_error_rc(ctx->res, rc);
}
