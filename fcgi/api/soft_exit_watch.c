/*
 * api/soft_exit_watch.c: GET /api/v1/soft-exit-watch (issue 6, "Soft
 * exit"; R-EXIT-1, R-EXIT-8, R-ACL-1).
 *
 * The enrolled enrollments within the caller's reach whose soft exit is
 * near: `days` days away or less (?days=, default 14), the ones already due
 * included, soonest first, for one case manager's caseload when
 * ?case_manager_id= is given, as of ?as_of= (default today), paged with a
 * keyset cursor on (last service date, id). The selection and the scope
 * are SQL (store/exit.c), so a million enrollments cost an index walk, not
 * a load; each row's projection (sweep date, days left) is then the rules'
 * (pw_exit_soft_status). Staff only: a customer has no caseload (403).
 */
#include "api/api.h"

#include "api/common.h"
#include "api/exit_common.h"
#include "db.h"
#include "pw.h"
#include "rules/acl.h"
#include "rules/exit.h"
#include "store/exit.h"
#include "store/scope.h"
#include "store/session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ID_MAX             (1LL << 53)
#define WATCH_DAYS_DEFAULT 14
#define WATCH_DAYS_MAX     366

/* R-EXIT-8 for one watch row: the rules' projection from its L, as if its
 * last qualifying service were the only one (the query has already made
 * sure none is open or planned). */
static void project(pw_date l, pw_date as_of, struct pw_exit_soft *out)
{
	struct pw_service s;
	struct pw_exit_facts ef;

	memset(&s, 0, sizeof(s));
	s.type.extends_exit = true;
	s.status = PW_SERVICE_COMPLETED_SUCCESSFUL;
	s.start = l;
	s.end = l;
	memset(&ef, 0, sizeof(ef));
	ef.status = PW_ENROLLMENT_ENROLLED;
	ef.participation_date = PW_DATE_NONE;
	ef.services = &s;
	ef.n_services = 1;
	ef.supportive_extends_exit = true;
	pw_exit_soft_status(&ef, as_of, out);
}

/* ?name= as a whole number lo..hi (dflt when absent); -1 when bad. */
static long long query_number(struct pw_ctx *ctx, const char *name, long long lo, long long hi,
                              long long dflt)
{
	const char *s = pw_request_query(ctx->req, name);
	char *end = NULL;
	long long v;

	if (s == NULL || *s == '\0')
		return dflt;
	v = strtoll(s, &end, 10);
	return *end == '\0' && v >= lo && v <= hi ? v : -1;
}

void api_soft_exit_watch_list(struct pw_ctx *ctx)
{
	const char *cursor = pw_request_query(ctx->req, "cursor");
	struct pw_scope_filter scope;
	struct pw_db_rows *rows = NULL;
	json_object *items, *o, *details;
	pw_date as_of, after_l = PW_DATE_NONE, last_l = PW_DATE_NONE;
	long long days, cm, after_id = 0, last_id = 0, limit;
	int rc;

	if (ctx->session->principal.role == PW_ROLE_CUSTOMER) {
		api_forbidden(ctx);
		return;
	}
	if (api_exit_as_of(ctx, &as_of))
		return;
	days = query_number(ctx, "days", 0, WATCH_DAYS_MAX, WATCH_DAYS_DEFAULT);
	cm = query_number(ctx, "case_manager_id", 1, ID_MAX, 0);
	limit = query_number(ctx, "limit", 1, API_LIMIT_MAX, API_LIMIT_DEFAULT);
	details = pw_details_new();
	if (days < 0)
		pw_details_add(details, "days", "must be a whole number from 0 to 366", NULL);
	if (cm < 0)
		pw_details_add(details, "case_manager_id", "must be a user id", NULL);
	if (limit < 0)
		pw_details_add(details, "limit", "must be a whole number from 1 to 500", NULL);
	if (json_object_array_length(details)) {
		pw_response_error(ctx->res, 400, "bad_query", "The list parameters are wrong.",
		                  details);
		return;
	}
	json_object_put(details);
	if (cursor != NULL && *cursor != '\0') {
		const char *parts[2];
		char *end = NULL;
		if (api_cursor_decode(ctx, cursor, parts, 2))
			return;
		after_id = strtoll(parts[1], &end, 10);
		if (pw_date_parse(parts[0], strlen(parts[0]), &after_l) != PW_OK || *end != '\0' ||
		    after_id < 0) {
			details = pw_details_new();
			pw_details_add(details, "cursor", "is not a cursor this list gave out",
			               NULL);
			pw_response_error(ctx->res, 400, "bad_query",
			                  "The list parameters are wrong.", details);
			return;
		}
	}
	pw_scope_filter_of(&ctx->session->principal, &scope);
	/* R-EXIT-8: days left = (L + 91) - as_of <= days. */
	rc = pw_exit_watch_list(ctx->db, &scope, cm,
	                        pw_date_add_days(as_of, (int)days - PW_EXIT_SOFT_DAYS - 1), after_l,
	                        after_id, (int)limit, &rows);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	items = json_object_new_array();
	for (size_t i = 0; i < rows->nrows; i++) {
		const char *ls = pw_db_cell(rows, i, WC_LAST_DATE);
		struct pw_exit_soft soft;
		pw_date l = PW_DATE_NONE;
		json_object *it = json_object_new_object();
		char name[420];

		if (ls != NULL)
			pw_date_parse(ls, strlen(ls), &l);
		project(l, as_of, &soft);
		snprintf(name, sizeof(name), "%s %s", pw_db_cell(rows, i, WC_FIRST_NAME),
		         pw_db_cell(rows, i, WC_LAST_NAME));
		json_object_object_add(it, "enrollment_id",
		                       json_object_new_int64(pw_db_cell_int(rows, i, WC_ID, 0)));
		json_object_object_add(
		        it, "participant_id",
		        json_object_new_int64(pw_db_cell_int(rows, i, WC_PARTICIPANT_ID, 0)));
		json_object_object_add(it, "participant_name", json_object_new_string(name));
		json_object_object_add(
		        it, "program_id",
		        json_object_new_int64(pw_db_cell_int(rows, i, WC_PROGRAM_ID, 0)));
		json_object_object_add(it, "program_name",
		                       api_exit_str(pw_db_cell(rows, i, WC_PROGRAM_NAME)));
		json_object_object_add(
		        it, "location_id",
		        json_object_new_int64(pw_db_cell_int(rows, i, WC_LOCATION_ID, 0)));
		json_object_object_add(it, "case_manager_id",
		                       pw_db_cell(rows, i, WC_CASE_MANAGER_ID)
		                               ? json_object_new_int64(pw_db_cell_int(
		                                         rows, i, WC_CASE_MANAGER_ID, 0))
		                               : NULL);
		json_object_object_add(it, "case_manager_name",
		                       api_exit_str(pw_db_cell(rows, i, WC_CASE_MANAGER_NAME)));
		json_object_object_add(it, "last_service_date", api_exit_date(l));
		json_object_object_add(it, "projected_date", api_exit_date(soft.sweep_date));
		json_object_object_add(it, "days_left",
		                       soft.days_left >= 0 ? json_object_new_int(soft.days_left)
		                                           : NULL);
		json_object_object_add(it, "due", json_object_new_boolean(soft.due));
		json_object_array_add(items, it);
		last_l = l;
		last_id = pw_db_cell_int(rows, i, WC_ID, 0);
	}
	pw_db_rows_free(rows);
	o = json_object_new_object();
	json_object_object_add(o, "as_of", api_exit_date(as_of));
	json_object_object_add(o, "days", json_object_new_int((int)days));
	json_object_object_add(o, "items", items);
	if ((long long)json_object_array_length(items) == limit && pw_date_is_valid(last_l)) {
		char ld[PW_DATE_STRLEN], id[32];
		const char *parts[2] = {ld, id};
		pw_date_format(last_l, ld);
		snprintf(id, sizeof(id), "%lld", last_id);
		json_object_object_add(o, "next_cursor",
		                       api_exit_str(api_cursor_encode(ctx, parts, 2)));
	} else {
		json_object_object_add(o, "next_cursor", NULL);
	}
	pw_response_json(ctx->res, 200, o);
}
