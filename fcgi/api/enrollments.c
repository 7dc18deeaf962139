/*
 * api/enrollments.c: one participation in one program with one provider
 * (issue 4, "Enrollments").
 *
 *   GET    /api/v1/participants/{id}/enrollments   the ones the caller may see
 *   POST   /api/v1/participants/{id}/enrollments   a new enrollment
 *   GET    /api/v1/enrollments/{id}
 *   PATCH  /api/v1/enrollments/{id}                dates, referred -> enrolled, agency code
 *   PUT    /api/v1/enrollments/{id}/case-manager   assign {user_id, kind: primary|temporary}
 *   DELETE /api/v1/enrollments/{id}/case-manager   remove (?kind=temporary for the temporary one)
 *   GET    /api/v1/enrollments/{id}/case-managers  the assignment history
 *
 * A participant may be enrolled with several providers at once (each
 * enrollment has its own location and exits on its own, R-EXIT-9), but not
 * twice in one program while an enrollment there is open (409
 * enrollment_open; the database's unique open_key enforces it even under
 * concurrent requests). Exits are made by the exit endpoint (issue 6), not
 * by setting the status here.
 */
#include "api/api.h"

#include "api/common.h"
#include "api/enrollment_json.h"
#include "db.h"
#include "gate.h"
#include "json_io.h"
#include "pw.h"
#include "store/audit.h"
#include "store/enrollment.h"
#include "store/scope.h"
#include "store/session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct api_col enrollment_cols[EC_COUNT] = {
	[EC_ID] = {"id", API_INT},
	[EC_PARTICIPANT_ID] = {"participant_id", API_INT},
	[EC_PROGRAM_ID] = {"program_id", API_INT},
	[EC_PROGRAM_CODE] = {"program_code", API_STR},
	[EC_PROGRAM_NAME] = {"program_name", API_STR},
	[EC_PROVIDER_ID] = {"provider_id", API_INT},
	[EC_PROVIDER_NAME] = {"provider_name", API_STR},
	[EC_LOCATION_ID] = {"location_id", API_INT},
	[EC_LOCATION_NAME] = {"location_name", API_STR},
	[EC_REGION_ID] = {"region_id", API_INT},
	[EC_REGION_NAME] = {"region_name", API_STR},
	[EC_APPLICATION_DATE] = {"application_date", API_STR},
	[EC_PARTICIPATION_DATE] = {"participation_date", API_STR},
	[EC_STATUS] = {"status", API_STR},
	[EC_CASE_STATUS] = {"case_status", API_STR},
	[EC_CASE_MANAGER_ID] = {"case_manager_id", API_INT},
	[EC_CASE_MANAGER_NAME] = {"case_manager_name", API_STR},
	[EC_TEMP_CASE_MANAGER_ID] = {"temporary_case_manager_id", API_INT},
	[EC_TEMP_CASE_MANAGER_NAME] = {"temporary_case_manager_name", API_STR},
	[EC_AGENCY_CODE] = {"agency_code", API_STR},
	[EC_EXIT_KIND] = {"exit_kind", API_STR},
	[EC_EXIT_DATE] = {"exit_date", API_STR},
	[EC_EXIT_REASON] = {"exit_reason", API_STR},
	[EC_EXCLUSION_REASON] = {"exclusion_reason", API_STR},
	[EC_SCHOOL_STATUS_AT_EXIT] = {"school_status_at_exit", API_STR},
	[EC_ISETS_PROGRAM] = {"isets_program", API_STR},
	[EC_COMPLETION_STATUS] = {"completion_status", API_STR},
	[EC_OUTCOME_REASON] = {"outcome_reason", API_STR},
	[EC_PROGRAM_COMPLETION_DATE] = {"program_completion_date", API_STR},
	[EC_EXIT_COMMENTS] = {"exit_comments", API_STR},
	[EC_EXITED_BY] = {"exited_by", API_STR},
	[EC_EXITED_AT] = {"exited_at", API_STR},
	[EC_VERSION] = {"version", API_INT},
	[EC_CREATED_AT] = {"created_at", API_STR},
	[EC_UPDATED_AT] = {"updated_at", API_STR},
};

static const char *const statuses[] = {"referred", "enrolled"};

json_object *api_enrollment_json(const struct pw_db_rows *rows, size_t r)
{
	return api_row_json(rows, r, enrollment_cols, EC_COUNT);
}

/* Moves the details added after `from` under prefix ("enrollment.x"). */
static void prefix_details(json_object *details, size_t from, const char *prefix)
{
	for (size_t i = from; prefix && *prefix && i < json_object_array_length(details); i++) {
		json_object *d = json_object_array_get_idx(details, i), *f = NULL;
		char name[160];
		if (json_object_object_get_ex(d, "field", &f) && f) {
			snprintf(name, sizeof(name), "%s%s", prefix, json_object_get_string(f));
			json_object_object_add(d, "field", json_object_new_string(name));
		}
	}
}

/* A date field as an arena string; not in the future (R-DATE-4). */
static const char *date_field(struct pw_ctx *ctx, struct pw_fields *f, const char *name, int flags)
{
	pw_date d;
	char *s;

	if (pw_field_date(f, name, flags, &d) != PW_OK)
		return NULL;
	if (d > api_today()) {
		pw_details_add(f->details, name, "must not be in the future", "R-DATE-4");
		return NULL;
	}
	s = pw_arena_alloc(ctx->arena, PW_DATE_STRLEN);
	if (s)
		pw_date_format(d, s);
	return s;
}

void api_enrollment_read(struct pw_ctx *ctx, json_object *obj, const char *prefix,
			 struct api_enrollment_input *in, json_object *details)
{
	static const char *const allowed[] = {"program_id",	    "location_id",
					      "application_date",   "participation_date",
					      "status",		    "case_manager_id",
					      "agency_code"};
	struct pw_fields f = {obj, details};
	size_t from = json_object_array_length(details), st = 0;
	long long v;

	if (!json_object_is_type(obj, json_type_object)) {
		pw_details_add(details, prefix && *prefix ? "enrollment" : NULL,
			       "must be an object", NULL);
		return;
	}
	if (pw_field_int(&f, "program_id", PW_FIELD_REQUIRED, 1, 1LL << 53, &v) == PW_OK)
		in->program_id = v;
	if (pw_field_int(&f, "location_id", PW_FIELD_REQUIRED, 1, 1LL << 53, &v) == PW_OK)
		in->location_id = v;
	if (pw_field_int(&f, "case_manager_id", PW_FIELD_OPTIONAL, 1, 1LL << 53, &v) == PW_OK)
		in->case_manager_user_id = v;
	in->application_date = date_field(ctx, &f, "application_date", PW_FIELD_REQUIRED);
	in->participation_date = date_field(ctx, &f, "participation_date", PW_FIELD_OPTIONAL);
	in->status = "referred";
	if (pw_field_enum(&f, "status", PW_FIELD_OPTIONAL, statuses, 2, &st) == PW_OK)
		in->status = statuses[st];
	pw_field_string(&f, "agency_code", PW_FIELD_OPTIONAL, 32, &in->agency_code);
	if (in->application_date && in->participation_date &&
	    strcmp(in->participation_date, in->application_date) < 0)
		pw_details_add(details, "participation_date",
			       "must not be before the application date", NULL);
	if (!strcmp(in->status, "enrolled") && !in->participation_date &&
	    !json_object_object_get_ex(obj, "participation_date", NULL))
		pw_details_add(details, "participation_date",
			       "is required for an enrolled participant", NULL);
	pw_fields_reject_unknown(&f, allowed, PW_ARRAY_LEN(allowed));
	prefix_details(details, from, prefix);
}

int api_enrollment_check(struct pw_ctx *ctx, const struct api_enrollment_input *in,
			 long long participant_id)
{
	static const char prog_sql[] = "SELECT active FROM programs WHERE id = ?";
	struct pw_db_param p[] = {PW_P_INT(in->program_id)};
	struct pw_db_rows *r = NULL;
	struct pw_acl_scope scope;
	json_object *d;
	int rc, serves = 0;

	rc = pw_enrollment_location(ctx->db, in->location_id, &r);
	if (rc != PW_OK)
		goto fail;
	scope.locations = &in->location_id;
	scope.nlocations = 1;
	scope.participant_id = participant_id;
	if (r->nrows != 1 || !pw_db_cell_int(r, 0, 2, 0) ||
	    !pw_acl_allows(&ctx->session->principal, PW_ACL_WRITE, &scope)) {
		pw_db_rows_free(r);
		d = pw_details_new();
		pw_details_add(d, "location_id", "must be an active office location you work for",
			       "R-ACL-1");
		api_invalid(ctx, "Choose one of your office locations.", d);
		return -1;
	}
	pw_db_rows_free(r);
	r = NULL;
	rc = pw_db_query(ctx->db, prog_sql, p, 1, &r);
	if (rc != PW_OK)
		goto fail;
	if (r->nrows != 1 || !pw_db_cell_int(r, 0, 0, 0)) {
		pw_db_rows_free(r);
		d = pw_details_new();
		pw_details_add(d, "program_id", "must be an active program", NULL);
		api_invalid(ctx, "Choose a program.", d);
		return -1;
	}
	pw_db_rows_free(r);
	if (in->case_manager_user_id) {
		rc = pw_enrollment_user_serves(ctx->db, in->case_manager_user_id, in->location_id,
					       &serves);
		if (rc != PW_OK)
			goto fail;
		if (!serves) {
			d = pw_details_new();
			pw_details_add(d, "case_manager_id",
				       "must be an active staff member of this office location",
				       NULL);
			api_invalid(ctx, "Choose a case manager who works at this office.", d);
			return -1;
		}
	}
	return 0;
fail:
	pw_response_error_rc(ctx->res, rc);
	return -1;
}

static json_object *load(struct pw_ctx *ctx, long long id, long long *version)
{
	struct pw_db_rows *rows = NULL;
	json_object *o = NULL;
	int rc = pw_enrollment_get(ctx->db, id, &rows);

	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return NULL;
	}
	if (rows->nrows == 1) {
		o = api_enrollment_json(rows, 0);
		*version = pw_db_cell_int(rows, 0, EC_VERSION, 0);
	} else {
		api_not_found(ctx);
	}
	pw_db_rows_free(rows);
	return o;
}

int api_enrollment_insert(struct pw_ctx *ctx, const struct api_enrollment_input *in,
			  long long *id)
{
	struct pw_enrollment_new e = {
		.participant_id = in->participant_id,
		.program_id = in->program_id,
		.location_id = in->location_id,
		.application_date = in->application_date,
		.participation_date = in->participation_date,
		.status = in->status,
		.case_manager_user_id = in->case_manager_user_id,
		.agency_code = in->agency_code,
	};
	struct pw_actor who;
	json_object *after;
	long long version = 0;
	int rc;

	pw_gate_actor(ctx, &who);
	rc = pw_enrollment_create(ctx->db, &e, id);
	if (rc == PW_ERR_DUPLICATE) {
		json_object *d = pw_details_new();
		pw_details_add(d, "program_id",
			       "the participant already has an open enrollment in this program "
			       "with this provider",
			       NULL);
		pw_response_error(ctx->res, 409, "enrollment_open",
				  "This participant already has an open enrollment in this "
				  "program with this provider. Exit it first.",
				  d);
		return PW_ERR_CONFLICT;
	}
	if (rc == PW_OK && in->case_manager_user_id)
		rc = pw_enrollment_set_case_manager(ctx->db, *id, 0, in->case_manager_user_id,
						    who.user_id);
	if (rc != PW_OK)
		return rc;
	after = load(ctx, *id, &version);
	if (!after)
		return PW_ERR_DB;
	rc = pw_audit_write(ctx->db, &who, "enrollment", *id, "create", NULL,
			    api_json_text(ctx, after), NULL);
	json_object_put(after);
	return rc;
}

void api_enrollment_write_failed(struct pw_ctx *ctx, int rc)
{
	if (rc == PW_ERR_DB && pw_db_errno(ctx->db) == 1452) {
		json_object *d = pw_details_new();
		pw_details_add(d, NULL, "refers to a record that does not exist", NULL);
		api_invalid(ctx, "A referenced record does not exist.", d);
		return;
	}
	pw_response_error_rc(ctx->res, rc);
}

void api_enrollments_list(struct pw_ctx *ctx)
{
	struct pw_scope_filter scope;
	struct pw_db_rows *rows = NULL;
	json_object *items, *o;
	int rc;

	if (api_authorize_participant(ctx, ctx->ids[0], PW_ACL_READ))
		return;
	pw_scope_filter_of(&ctx->session->principal, &scope);
	rc = pw_enrollment_list(ctx->db, ctx->ids[0], &scope, &rows);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	items = json_object_new_array();
	for (size_t r = 0; r < rows->nrows; r++)
		json_object_array_add(items, api_enrollment_json(rows, r));
	pw_db_rows_free(rows);
	o = json_object_new_object();
	json_object_object_add(o, "items", items);
	json_object_object_add(o, "next_cursor", NULL);
	pw_response_json(ctx->res, 200, o);
}

void api_enrollments_create(struct pw_ctx *ctx)
{
	struct api_enrollment_input in;
	json_object *details, *after;
	long long id = 0, version = 0;
	char path[64];
	int rc;

	/* The participant must exist and be visible; the new location must be
	 * one of the caller's (checked below). */
	if (api_authorize_participant(ctx, ctx->ids[0], PW_ACL_READ))
		return;
	memset(&in, 0, sizeof(in));
	details = pw_details_new();
	api_enrollment_read(ctx, ctx->body, "", &in, details);
	if (json_object_array_length(details)) {
		api_invalid(ctx, "Some fields need attention.", details);
		return;
	}
	json_object_put(details);
	if (ctx->session->principal.role == PW_ROLE_CUSTOMER) {
		api_forbidden(ctx);
		return;
	}
	if (api_enrollment_check(ctx, &in, ctx->ids[0]))
		return;
	in.participant_id = ctx->ids[0];
	rc = pw_db_begin(ctx->db);
	if (rc == PW_OK)
		rc = api_enrollment_insert(ctx, &in, &id);
	rc = api_finish(ctx, rc);
	if (rc == PW_ERR_CONFLICT)
		return; /* 409 already set */
	if (rc != PW_OK) {
		pw_response_reset(ctx->res);
		api_enrollment_write_failed(ctx, rc);
		return;
	}
	after = load(ctx, id, &version);
	if (!after)
		return;
	api_etag(ctx, version);
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld", id);
	pw_response_header(ctx->res, "Location", "%s", path);
	pw_response_json(ctx->res, 201, after);
}

void api_enrollments_get(struct pw_ctx *ctx)
{
	long long version = 0;
	json_object *o;

	if (api_authorize_enrollment(ctx, ctx->ids[0], PW_ACL_READ, NULL))
		return;
	o = load(ctx, ctx->ids[0], &version);
	if (!o)
		return;
	api_etag(ctx, version);
	pw_response_json(ctx->res, 200, o);
}

void api_enrollments_update(struct pw_ctx *ctx)
{
	static const char *const allowed[] = {"application_date", "participation_date", "status",
					      "agency_code"};
	struct pw_fields f;
	json_object *details, *before = NULL, *after = NULL, *cur_status = NULL, *app = NULL,
			      *part = NULL;
	const char *vals[4] = {NULL, NULL, NULL, NULL};
	int given[4] = {0, 0, 0, 0}, version = 0, rc;
	size_t st = 0;
	struct pw_actor who;
	long long cur = 0, newv = 0, id = ctx->ids[0];
	const char *app_d, *part_d;

	if (api_authorize_enrollment(ctx, id, PW_ACL_WRITE, NULL) || api_if_match(ctx, &version))
		return;
	details = pw_details_new();
	f.obj = ctx->body;
	f.details = details;
	vals[0] = date_field(ctx, &f, "application_date", PW_FIELD_OPTIONAL);
	vals[1] = date_field(ctx, &f, "participation_date", PW_FIELD_OPTIONAL);
	if (pw_field_enum(&f, "status", PW_FIELD_OPTIONAL, statuses, 2, &st) == PW_OK)
		vals[2] = statuses[st];
	if (pw_field_string(&f, "agency_code", PW_FIELD_OPTIONAL, 32, &vals[3]) != PW_ERR_INVALID &&
	    json_object_object_get_ex(ctx->body, "agency_code", NULL))
		given[3] = 1;
	given[0] = vals[0] != NULL;
	given[1] = vals[1] != NULL;
	given[2] = vals[2] != NULL;
	pw_fields_reject_unknown(&f, allowed, PW_ARRAY_LEN(allowed));
	if (json_object_array_length(details)) {
		api_invalid(ctx, "Some fields need attention.", details);
		return;
	}
	pw_gate_actor(ctx, &who);
	rc = pw_db_begin(ctx->db);
	if (rc != PW_OK) {
		json_object_put(details);
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	before = load(ctx, id, &cur);
	if (!before) {
		json_object_put(details);
		pw_db_rollback(ctx->db);
		return;
	}
	/* Rules that need the stored record: only referred -> enrolled here
	 * (exits go through the exit endpoint), dates in order. */
	json_object_object_get_ex(before, "status", &cur_status);
	json_object_object_get_ex(before, "application_date", &app);
	json_object_object_get_ex(before, "participation_date", &part);
	if (vals[2] && strcmp(json_object_get_string(cur_status), vals[2]) &&
	    strcmp(json_object_get_string(cur_status), "referred"))
		pw_details_add(details, "status",
			       "only a referred enrollment can become enrolled; exits use the "
			       "exit endpoint",
			       NULL);
	app_d = vals[0] ? vals[0] : json_object_get_string(app);
	part_d = vals[1] ? vals[1] : (part ? json_object_get_string(part) : NULL);
	if (part_d && app_d && strcmp(part_d, app_d) < 0)
		pw_details_add(details, "participation_date",
			       "must not be before the application date", NULL);
	if (vals[2] && !strcmp(vals[2], "enrolled") && !part_d)
		pw_details_add(details, "participation_date",
			       "is required for an enrolled participant", NULL);
	if (json_object_array_length(details)) {
		pw_db_rollback(ctx->db);
		json_object_put(before);
		api_invalid(ctx, "Some fields need attention.", details);
		return;
	}
	json_object_put(details);
	rc = pw_enrollment_update(ctx->db, id, version, given, vals);
	if (rc == PW_OK && !(after = load(ctx, id, &newv)))
		rc = PW_ERR_DB;
	if (rc == PW_OK)
		rc = pw_audit_write(ctx->db, &who, "enrollment", id, "update",
				    api_json_text(ctx, before), api_json_text(ctx, after), NULL);
	rc = api_finish(ctx, rc);
	json_object_put(before);
	if (rc != PW_OK) {
		json_object_put(after);
		pw_response_reset(ctx->res);
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	api_etag(ctx, newv);
	pw_response_json(ctx->res, 200, after);
}

/* PUT (assign) and DELETE (remove) of the case manager. */
static void case_manager(struct pw_ctx *ctx, int assign)
{
	static const char *const kinds[] = {"primary", "temporary"};
	static const char *const allowed[] = {"user_id", "kind"};
	struct pw_fields f = {ctx->body, NULL};
	json_object *before = NULL, *after = NULL, *loc = NULL;
	const char *kq = pw_request_query(ctx->req, "kind");
	size_t kind = 0;
	long long user = 0, id = ctx->ids[0], cur = 0, newv = 0;
	struct pw_actor who;
	int rc, serves = 0;

	if (api_authorize_enrollment(ctx, id, PW_ACL_WRITE, NULL))
		return;
	if (assign) {
		f.details = pw_details_new();
		pw_field_int(&f, "user_id", PW_FIELD_REQUIRED, 1, 1LL << 53, &user);
		pw_field_enum(&f, "kind", PW_FIELD_OPTIONAL, kinds, 2, &kind);
		pw_fields_reject_unknown(&f, allowed, 2);
		if (pw_fields_errors(&f)) {
			api_invalid(ctx, "Some fields need attention.", f.details);
			return;
		}
		json_object_put(f.details);
	} else if (kq && !strcmp(kq, "temporary")) {
		kind = 1;
	} else if (kq && strcmp(kq, "primary")) {
		pw_response_error(ctx->res, 400, "bad_query", "kind is primary or temporary.",
				  NULL);
		return;
	}
	pw_gate_actor(ctx, &who);
	rc = pw_db_begin(ctx->db);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	before = load(ctx, id, &cur);
	if (!before) {
		pw_db_rollback(ctx->db);
		return;
	}
	json_object_object_get_ex(before, "location_id", &loc);
	if (assign) {
		rc = pw_enrollment_user_serves(ctx->db, user, json_object_get_int64(loc), &serves);
		if (rc == PW_OK && !serves) {
			json_object *d = pw_details_new();
			pw_db_rollback(ctx->db);
			json_object_put(before);
			pw_details_add(d, "user_id",
				       "must be an active staff member of this office location", NULL);
			api_invalid(ctx, "Choose a case manager who works at this office.", d);
			return;
		}
	}
	if (rc == PW_OK)
		rc = pw_enrollment_set_case_manager(ctx->db, id, (int)kind, assign ? user : 0,
						    who.user_id);
	if (rc == PW_OK && !(after = load(ctx, id, &newv)))
		rc = PW_ERR_DB;
	if (rc == PW_OK)
		rc = pw_audit_write(ctx->db, &who, "enrollment", id,
				    assign ? "assign_case_manager" : "remove_case_manager",
				    api_json_text(ctx, before), api_json_text(ctx, after), NULL);
	rc = api_finish(ctx, rc);
	json_object_put(before);
	if (rc != PW_OK) {
		json_object_put(after);
		pw_response_reset(ctx->res);
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	api_etag(ctx, newv);
	pw_response_json(ctx->res, 200, after);
}

void api_enrollments_assign_case_manager(struct pw_ctx *ctx)
{
	case_manager(ctx, 1);
}

void api_enrollments_remove_case_manager(struct pw_ctx *ctx)
{
	case_manager(ctx, 0);
}

void api_enrollments_case_managers(struct pw_ctx *ctx)
{
	static const struct api_col cols[] = {
		{"id", API_INT},	  {"user_id", API_INT},	    {"display_name", API_STR},
		{"kind", API_STR},	  {"assigned_at", API_STR}, {"removed_at", API_STR},
	};
	struct pw_db_rows *rows = NULL;
	int rc;

	if (api_authorize_enrollment(ctx, ctx->ids[0], PW_ACL_READ, NULL))
		return;
	rc = pw_enrollment_case_manager_history(ctx->db, ctx->ids[0], &rows);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	api_rows_answer(ctx, rows, cols, PW_ARRAY_LEN(cols));
}
