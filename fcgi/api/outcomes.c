/*
 * api/outcomes.c: helpers shared by the outcome-record handlers (see
 * outcomes.h).
 */
#include "api/outcomes.h"

#include "api/common.h"
#include "db.h"
#include "pw.h"
#include "store/document.h"
#include "store/scope.h"
#include "store/session.h"

#include <stdio.h>
#include <string.h>

/* MariaDB's ER_ROW_IS_REFERENCED_2: a foreign key still points at the row. */
#define ER_ROW_IS_REFERENCED_2 1451

int outcomes_null(const struct pw_ctx *ctx, const char *name)
{
	json_object *v = NULL;

	return json_object_object_get_ex(ctx->body, name, &v) && v == NULL;
}

int outcomes_present(const struct pw_ctx *ctx, const char *name)
{
	return json_object_object_get_ex(ctx->body, name, NULL);
}

void outcomes_text(const struct pw_ctx *ctx, struct pw_fields *fl, const char *name, size_t max,
                   const char **out)
{
	const char *s = NULL;
	int rc = pw_field_string(fl, name, PW_FIELD_OPTIONAL, max, &s);

	if (rc == PW_OK)
		*out = s;
	else if (rc == PW_ERR_NOT_FOUND && outcomes_present(ctx, name))
		*out = NULL; /* null, "" or blanks */
}

void outcomes_code(const struct pw_ctx *ctx, struct pw_fields *fl, const char *name,
                   const char *const *codes, size_t n, const char **out)
{
	size_t k = 0;

	if (pw_field_enum(fl, name, PW_FIELD_OPTIONAL, codes, n, &k) == PW_OK)
		*out = codes[k];
	else if (outcomes_null(ctx, name))
		*out = NULL;
}

void outcomes_date(const struct pw_ctx *ctx, struct pw_fields *fl, const char *name, pw_date *out)
{
	if (pw_field_date(fl, name, PW_FIELD_OPTIONAL, out) == PW_ERR_NOT_FOUND &&
	    outcomes_null(ctx, name))
		*out = PW_DATE_NONE;
}

void outcomes_id(const struct pw_ctx *ctx, struct pw_fields *fl, const char *name, long long *out)
{
	if (pw_field_int(fl, name, PW_FIELD_OPTIONAL, 1, OUTCOMES_ID_MAX, out) ==
	            PW_ERR_NOT_FOUND &&
	    outcomes_null(ctx, name))
		*out = 0;
}

void outcomes_name_rule(json_object *details, const char *rule, const char *const *fields, size_t n)
{
	size_t len = json_object_array_length(details);

	for (size_t i = 0; i < len; i++) {
		json_object *d = json_object_array_get_idx(details, i), *f = NULL;
		const char *field;

		if (json_object_object_get_ex(d, "rule", NULL) ||
		    !json_object_object_get_ex(d, "field", &f) || !f)
			continue;
		field = json_object_get_string(f);
		if (!fields) {
			json_object_object_add(d, "rule", json_object_new_string(rule));
			continue;
		}
		for (size_t k = 0; k < n; k++) {
			if (!strcmp(field, fields[k])) {
				json_object_object_add(d, "rule", json_object_new_string(rule));
				break;
			}
		}
	}
}

void outcomes_rename_field(json_object *details, const char *from, const char *to)
{
	size_t len = json_object_array_length(details);

	for (size_t i = 0; i < len; i++) {
		json_object *d = json_object_array_get_idx(details, i), *f = NULL;

		if (json_object_object_get_ex(d, "field", &f) && f &&
		    !strcmp(json_object_get_string(f), from))
			json_object_object_add(d, "field", json_object_new_string(to));
	}
}

int outcomes_check_document(struct pw_ctx *ctx, long long document_id, long long participant_id,
                            const char *field, const char *rule, json_object *details)
{
	struct pw_scope_filter scope;
	int found = 0, rc;

	pw_scope_filter_of(&ctx->session->principal, &scope);
	rc = pw_document_reachable(ctx->db, document_id, participant_id, &scope, &found);
	if (rc == PW_OK && !found)
		pw_details_add(details, field,
		               "must be a document uploaded for this participant "
		               "(POST /api/v1/documents)",
		               rule);
	return rc;
}

json_object *outcomes_money(long long cents)
{
	char text[32];
	long long whole = cents / 100, part = cents % 100;

	if (part < 0)
		part = -part;
	snprintf(text, sizeof(text), "%s%lld.%02lld", cents < 0 && whole == 0 ? "-" : "", whole,
	         part);
	return json_object_new_double_s((double)cents / 100.0, text);
}

int outcomes_as_of(struct pw_ctx *ctx, pw_date *as_of)
{
	const char *s = pw_request_query(ctx->req, "as_of");
	json_object *d;

	*as_of = api_today();
	if (!s || !*s)
		return 0;
	if (pw_date_parse(s, strlen(s), as_of) == PW_OK)
		return 0;
	d = pw_details_new();
	pw_details_add(d, "as_of", "must be a real date written YYYY-MM-DD", "R-DATE-4");
	pw_response_error(ctx->res, 400, "bad_query", "The as-of date is wrong.", d);
	return -1;
}

int outcomes_refuse(struct pw_ctx *ctx, json_object *details)
{
	if (json_object_array_length(details)) {
		api_invalid(ctx, "Some fields need attention.", details);
		return -1;
	}
	json_object_put(details);
	return 0;
}

void outcomes_write_failed(struct pw_ctx *ctx, int rc, const char *in_use_code,
                           const char *in_use_message)
{
	pw_response_reset(ctx->res);
	if (rc == PW_ERR_DB && in_use_code && pw_db_errno(ctx->db) == ER_ROW_IS_REFERENCED_2)
		pw_response_error(ctx->res, 409, in_use_code, in_use_message, NULL);
	else
		pw_response_error_rc(ctx->res, rc);
}
