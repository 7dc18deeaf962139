/*
 * api/services.c: services, also called activities or steps (issue 4,
 * "Services"; R-SVC-1..4, R-DATE-4).
 *
 *   GET    /api/v1/enrollments/{id}/services   list (status=, goal_id=, unassigned=true)
 *   POST   /api/v1/enrollments/{id}/services   add a service
 *   GET    /api/v1/services/{id}               one service
 *   PATCH  /api/v1/services/{id}               change it (If-Match)
 *   DELETE /api/v1/services/{id}               mark it deleted (If-Match)
 *
 * The enrollment's program catalog decides which service types may be
 * used and what they carry: an amount only for types that have one
 * (supportive services such as transportation), a training type only for
 * education/training types. Status and dates go through the rules of
 * rules/service.h with today as the as-of date and the profile's grace for
 * planned services. `deleted` is a status; no row is ever removed.
 *
 * After an exit (R-SVC-4) no service can be added to the enrollment or
 * moved into it, except follow-up services. For the services already on an
 * exited enrollment this file takes the rule one step further: the fields
 * that drive the 90-day clock (type, status, start, end and projected end
 * dates) of a service that is not a follow-up are closed too, because
 * changing them would move the last qualifying service date behind the
 * recorded exit (R-SVC-3, R-EXIT-3); undoing the exit (R-EXIT-7) is the way
 * to correct them. Note, goal, provider, amount and training type stay
 * editable, and follow-up services stay fully editable. Both refusals are
 * 409 enrollment_exited.
 *
 * Reads need read access to the enrollment (customers: their own), writes
 * write access (R-ACL-1: 404 when out of reach). Every write is audited with
 * the record before and after, in the same transaction (R-ACL-3).
 */
#include "api/api.h"

#include "api/common.h"
#include "db.h"
#include "gate.h"
#include "json_io.h"
#include "pw.h"
#include "rules/acl.h"
#include "rules/service.h"
#include "store/audit.h"
#include "store/goal.h"
#include "store/program.h"
#include "store/service.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ID_MAX   (1LL << 53)
#define NOTE_MAX 2000
/* Amounts are money: > 0, at most a million dollars, two decimals. */
#define AMOUNT_MIN_CENTS 1
#define AMOUNT_MAX_CENTS 100000000LL

static const struct api_col service_cols[SC_COUNT] = {
        [SC_ID] = {"id", API_INT},
        [SC_ENROLLMENT_ID] = {"enrollment_id", API_INT},
        [SC_TYPE_ID] = {"service_type_id", API_INT},
        [SC_TYPE_CODE] = {"service_type_code", API_STR},
        [SC_TYPE_NAME] = {"service_type_name", API_STR},
        [SC_STATUS] = {"status", API_STR},
        [SC_START_DATE] = {"start_date", API_STR},
        [SC_END_DATE] = {"end_date", API_STR},
        [SC_PROJECTED_END_DATE] = {"projected_end_date", API_STR},
        [SC_GOAL_ID] = {"goal_id", API_INT},
        [SC_GOAL_STATEMENT] = {"goal_statement", API_STR},
        [SC_PROVIDER_ID] = {"provider_id", API_INT},
        [SC_PROVIDER_NAME] = {"provider_name", API_STR},
        [SC_NOTE] = {"note", API_STR},
        [SC_AMOUNT_CENTS] = {"amount", API_SKIP}, /* written as money below */
        [SC_TRAINING_TYPE] = {"training_type", API_STR},
        [SC_VERSION] = {"version", API_INT},
        [SC_CREATED_AT] = {"created_at", API_STR},
        [SC_UPDATED_AT] = {"updated_at", API_STR},
};

/* R-SVC-1: the status codes, in the order of enum pw_service_status. */
static const char *const status_codes[] = {"planned", "open", "completed_successful",
                                           "completed_unsuccessful", "deleted"};

/* Kinds of training for education/training services (the training
 * categories of WIOA title I). */
static const char *const training_types[] = {
        "occupational_skills",
        "on_the_job",
        "customized",
        "registered_apprenticeship",
        "skill_upgrading",
        "entrepreneurial",
        "adult_education_with_training",
        "job_readiness_with_training",
        "prerequisite",
        "youth_occupational_skills",
        "other",
};

static const char *const fields_allowed[] = {
        "service_type_id", "status",      "start_date", "end_date", "projected_end_date",
        "goal_id",         "provider_id", "note",       "amount",   "training_type",
};

/* Row r of a service result as the API shows it; a new object. */
static json_object *service_json(const struct pw_db_rows *rows, size_t r)
{
	json_object *o = api_row_json(rows, r, service_cols, SC_COUNT);
	const char *cents = pw_db_cell(rows, r, SC_AMOUNT_CENTS);
	enum pw_service_status st;
	json_object *amount = NULL;

	if (pw_service_status_from_code(pw_db_cell(rows, r, SC_STATUS), &st) == PW_OK)
		json_object_object_add(o, "status_label",
		                       json_object_new_string(pw_service_status_label(st)));
	if (cents) {
		/* Money keeps its two decimals on the wire ("12.50", not 12.5). */
		long long c = strtoll(cents, NULL, 10);
		char text[32];
		snprintf(text, sizeof(text), "%lld.%02lld", c / 100, c % 100);
		amount = json_object_new_double_s((double)c / 100.0, text);
	}
	json_object_object_add(o, "amount", amount);
	return o;
}

/*
 * Loads service id: *rows (the caller frees it) with one row, unless the
 * answer is already in the response (404, or a database error), in which
 * case it returns -1 and *rows is NULL.
 */
static int load(struct pw_ctx *ctx, long long id, struct pw_db_rows **rows)
{
	int rc = pw_service_get(ctx->db, id, rows);

	if (rc != PW_OK) {
		*rows = NULL;
		pw_response_error_rc(ctx->res, rc);
		return -1;
	}
	if ((*rows)->nrows != 1) {
		pw_db_rows_free(*rows);
		*rows = NULL;
		api_not_found(ctx);
		return -1;
	}
	return 0;
}

/* The service id as JSON for the answer and the audit row; NULL (with the
 * response filled) when it cannot be read. */
static json_object *load_json(struct pw_ctx *ctx, long long id, long long *version)
{
	struct pw_db_rows *rows = NULL;
	json_object *o;

	if (load(ctx, id, &rows))
		return NULL;
	o = service_json(rows, 0);
	*version = pw_db_cell_int(rows, 0, SC_VERSION, 0);
	pw_db_rows_free(rows);
	return o;
}

/* 1 when the body holds name with the value null. */
static int explicit_null(const struct pw_ctx *ctx, const char *name)
{
	json_object *v = NULL;

	return json_object_object_get_ex(ctx->body, name, &v) && v == NULL;
}

/* 1 when the body holds name at all. */
static int present(const struct pw_ctx *ctx, const char *name)
{
	return json_object_object_get_ex(ctx->body, name, NULL);
}

/* A date field that may be cleared with null. */
static void read_optional_date(struct pw_ctx *ctx, struct pw_fields *fl, const char *name,
                               pw_date *d)
{
	if (pw_field_date(fl, name, PW_FIELD_OPTIONAL, d) == PW_ERR_NOT_FOUND &&
	    explicit_null(ctx, name))
		*d = PW_DATE_NONE;
}

/*
 * Reads the body over f, which holds the defaults (create) or the stored
 * state (update): only the fields sent change. On create the type, status
 * and start date are required. Nullable fields are cleared by null (and
 * the note also by ""); the others refuse null on update. Strings in f
 * borrow from the body. Field errors go to details.
 */
static void read_fields(struct pw_ctx *ctx, int create, struct pw_service_fields *f,
                        json_object *details)
{
	static const char *const required[] = {"service_type_id", "status", "start_date"};
	struct pw_fields fl = {ctx->body, details};
	int req = create ? PW_FIELD_REQUIRED : PW_FIELD_OPTIONAL;
	long long n = 0;
	size_t k = 0;
	pw_date d = PW_DATE_NONE;
	const char *s = NULL;
	int rc;

	if (pw_field_int(&fl, "service_type_id", req, 1, ID_MAX, &n) == PW_OK)
		f->service_type_id = n;
	if (pw_field_enum(&fl, "status", req, status_codes, PW_ARRAY_LEN(status_codes), &k) ==
	    PW_OK) {
		pw_service_status_from_code(status_codes[k], &f->status);
		if (create && f->status == PW_SERVICE_DELETED)
			pw_details_add(details, "status", "a new service cannot start out deleted",
			               "R-SVC-1");
	}
	if (pw_field_date(&fl, "start_date", req, &d) == PW_OK)
		f->start = d;
	read_optional_date(ctx, &fl, "end_date", &f->end);
	read_optional_date(ctx, &fl, "projected_end_date", &f->projected_end);
	if (pw_field_int(&fl, "goal_id", PW_FIELD_OPTIONAL, 1, ID_MAX, &n) == PW_OK)
		f->goal_id = n;
	else if (explicit_null(ctx, "goal_id"))
		f->goal_id = 0;
	if (pw_field_int(&fl, "provider_id", PW_FIELD_OPTIONAL, 1, ID_MAX, &n) == PW_OK)
		f->provider_id = n;
	rc = pw_field_string(&fl, "note", PW_FIELD_OPTIONAL, NOTE_MAX, &s);
	if (rc == PW_OK)
		f->note = s;
	else if (rc == PW_ERR_NOT_FOUND && present(ctx, "note"))
		f->note = NULL; /* null, "" or blanks clear it */
	if (pw_field_money(&fl, "amount", PW_FIELD_OPTIONAL, AMOUNT_MIN_CENTS, AMOUNT_MAX_CENTS,
	                   &n) == PW_OK)
		f->amount_cents = n;
	else if (explicit_null(ctx, "amount"))
		f->amount_cents = -1;
	if (pw_field_enum(&fl, "training_type", PW_FIELD_OPTIONAL, training_types,
	                  PW_ARRAY_LEN(training_types), &k) == PW_OK)
		f->training_type = training_types[k];
	else if (explicit_null(ctx, "training_type"))
		f->training_type = NULL;
	/* The fields every service has cannot be cleared. */
	for (size_t i = 0; !create && i < PW_ARRAY_LEN(required); i++)
		if (explicit_null(ctx, required[i]))
			pw_details_add(details, required[i], "must not be empty", NULL);
	if (!create && explicit_null(ctx, "provider_id"))
		pw_details_add(details, "provider_id", "must not be empty", NULL);
	pw_fields_reject_unknown(&fl, fields_allowed, PW_ARRAY_LEN(fields_allowed));
}

/* The service as the rules see it. */
static struct pw_service rule_view(long long id, const struct pw_service_fields *f,
                                   const struct pw_service_type_row *t)
{
	struct pw_service s = {0};

	s.id = id;
	s.name = t ? t->name : NULL;
	if (t)
		s.type = t->flags;
	s.status = f->status;
	s.start = f->start;
	s.end = f->end;
	return s;
}

/* 1 when a change touches what the 90-day clock reads (R-SVC-3). */
static int clock_changed(const struct pw_service_fields *a, const struct pw_service_fields *b)
{
	return a->service_type_id != b->service_type_id || a->status != b->status ||
	       a->start != b->start || a->end != b->end || a->projected_end != b->projected_end;
}

/* 409 enrollment_exited with the violations as details. */
static void exited(struct pw_ctx *ctx, const struct pw_violations *v)
{
	json_object *d = pw_details_new();

	pw_details_add_violations(d, v);
	pw_response_error(ctx->res, 409, "enrollment_exited",
	                  "This enrollment has exited: its services are closed except follow-up "
	                  "services.",
	                  d);
}

/*
 * Checks f (the service after the write) against its enrollment, inside the
 * write's transaction: the enrollment is locked (store/service.h), its
 * program catalog loaded, then R-SVC-4, the catalog, amount and training
 * type, the goal, and the rules of R-SVC-1 / R-DATE-4. before is the stored
 * state for an update, NULL for a create (then f gets the enrollment's
 * provider when it names none); id is the service's id (0 on create).
 * Returns 0 when the write may go ahead; otherwise the response holds 404,
 * 409 or 422 and it returns -1. The field problems found before (details,
 * consumed) are reported with the rest in one 422.
 */
static int check(struct pw_ctx *ctx, long long enrollment_id, long long id,
                 const struct pw_service_fields *before, struct pw_service_fields *f,
                 json_object *details)
{
	struct pw_service_enrollment enr = {0};
	struct pw_profile profile;
	const struct pw_service_type_row *type = NULL, *old_type = NULL;
	struct pw_violations v;
	struct pw_service a, b;
	long long goal_enrollment = 0;
	int rc;

	pw_violations_init(&v);
	rc = pw_service_lock_enrollment(ctx->db, enrollment_id, &enr);
	if (rc == PW_OK)
		rc = pw_program_load(ctx->db, ctx->arena, enr.program_id, &profile);
	if (rc != PW_OK) {
		json_object_put(details);
		pw_response_error_rc(ctx->res, rc);
		return -1;
	}
	/* A new service's provider is the enrollment's unless the body names one. */
	if (!before && !f->provider_id)
		f->provider_id = enr.provider_id;
	type = pw_program_service_type(&profile, f->service_type_id);
	if (before)
		old_type = pw_program_service_type(&profile, before->service_type_id);
	/* A retired type stays valid on the services that already have it. */
	if (!type || (!type->active && (!before || before->service_type_id != f->service_type_id)))
		pw_details_add(details, "service_type_id",
		               "is not an active service type of this enrollment's program", NULL);

	/* R-SVC-4: nothing is added to or moved into an exited enrollment except
	 * follow-up services, and the clock of its other services is closed. */
	if (type && enr.closed && !type->flags.followup &&
	    (!before || before->service_type_id != f->service_type_id))
		rc = pw_service_check_enrollment_open(true, &type->flags, &v);
	else if (type && before && enr.closed &&
	         (!type->flags.followup || !old_type || !old_type->flags.followup) &&
	         clock_changed(before, f)) {
		pw_violation_add(&v, "R-SVC-4", "enrollment_id",
		                 "This enrollment has exited: the type, status and dates of its "
		                 "services are closed; undo the exit to correct them.");
		rc = PW_ERR_CONFLICT;
	}
	if (rc == PW_ERR_CONFLICT) {
		json_object_put(details);
		exited(ctx, &v);
		return -1;
	}

	if (type && f->amount_cents >= 0 && !type->has_amount)
		pw_details_add(details, "amount",
		               "is only for service types that carry an amount, such as "
		               "transportation",
		               NULL);
	if (type && f->training_type && !type->flags.education_training)
		pw_details_add(details, "training_type",
		               "is only for education and training services", NULL);
	if (f->goal_id && (!before || before->goal_id != f->goal_id)) {
		rc = pw_goal_enrollment(ctx->db, f->goal_id, &goal_enrollment);
		if (rc != PW_OK && rc != PW_ERR_NOT_FOUND) {
			json_object_put(details);
			pw_response_error_rc(ctx->res, rc);
			return -1;
		}
		if (rc == PW_ERR_NOT_FOUND || goal_enrollment != enrollment_id)
			pw_details_add(details, "goal_id", "must be a goal of this enrollment",
			               NULL);
	}
	if (pw_date_is_valid(f->projected_end) && pw_date_is_valid(f->start) &&
	    f->projected_end < f->start)
		pw_details_add(details, "projected_end_date", "must not be before the start date",
		               NULL);

	/* R-SVC-1, R-DATE-4 (and the status transitions on an update). */
	a = rule_view(id, f, type);
	if (before) {
		b = rule_view(id, before, old_type);
		rc = pw_service_validate_change(&b, &a, api_today(), profile.planned_grace_days,
		                                &v);
	} else {
		rc = pw_service_validate(&a, api_today(), profile.planned_grace_days, &v);
	}
	if (rc == PW_ERR_CONFLICT) {
		json_object *d = pw_details_new();
		json_object_put(details);
		pw_details_add_violations(d, &v);
		pw_response_error(ctx->res, 409, "invalid_status_change",
		                  "The service cannot change to that status.", d);
		return -1;
	}
	pw_details_add_violations(details, &v);
	if (json_object_array_length(details)) {
		api_invalid(ctx, "Some fields need attention.", details);
		return -1;
	}
	json_object_put(details);
	return 0;
}

/* The answer for a write the database refused (after the rollback). */
static void write_failed(struct pw_ctx *ctx, int rc)
{
	pw_response_reset(ctx->res);
	if (rc == PW_ERR_DB && pw_db_errno(ctx->db) == 1452) {
		/* ER_NO_REFERENCED_ROW_2: the only reference not checked before
		 * the write is the provider. */
		json_object *d = pw_details_new();
		pw_details_add(d, "provider_id", "must name an existing provider", NULL);
		api_invalid(ctx, "The provider does not exist.", d);
	} else {
		pw_response_error_rc(ctx->res, rc);
	}
}

/* Parses the list filters; 0, or -1 with a 400 in the response. */
static int list_filter(struct pw_ctx *ctx, struct pw_service_filter *f)
{
	const char *status = pw_request_query(ctx->req, "status");
	const char *goal = pw_request_query(ctx->req, "goal_id");
	const char *unassigned = pw_request_query(ctx->req, "unassigned");
	json_object *details = pw_details_new();
	enum pw_service_status st;

	memset(f, 0, sizeof(*f));
	if (status && *status) {
		if (pw_service_status_from_code(status, &st) == PW_OK)
			f->status = pw_service_status_code(st);
		else
			pw_details_add(details, "status",
			               "must be planned, open, completed_successful, "
			               "completed_unsuccessful or deleted",
			               NULL);
	}
	if (goal && *goal) {
		char *end = NULL;
		long long g = strtoll(goal, &end, 10);
		if (*end || g < 1 || g > ID_MAX)
			pw_details_add(details, "goal_id", "must be a goal id", NULL);
		else
			f->goal_id = g;
	}
	if (unassigned && *unassigned) {
		if (!strcmp(unassigned, "true"))
			f->unassigned = true;
		else if (strcmp(unassigned, "false"))
			pw_details_add(details, "unassigned", "must be true or false", NULL);
	}
	if (f->unassigned && f->goal_id)
		pw_details_add(details, "unassigned", "cannot be combined with goal_id", NULL);
	if (json_object_array_length(details)) {
		pw_response_error(ctx->res, 400, "bad_query", "The list parameters are wrong.",
		                  details);
		return -1;
	}
	json_object_put(details);
	return 0;
}

void api_services_list(struct pw_ctx *ctx)
{
	struct pw_service_filter filter;
	struct pw_db_rows *rows = NULL;
	json_object *items;
	long long after = 0, last = 0;
	int limit, rc;

	if (api_authorize_enrollment(ctx, ctx->ids[0], PW_ACL_READ, NULL) ||
	    list_filter(ctx, &filter) || api_page_params(ctx, &limit, &after))
		return;
	rc = pw_service_list(ctx->db, ctx->ids[0], &filter, after, limit, &rows);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	items = json_object_new_array();
	for (size_t r = 0; r < rows->nrows; r++) {
		json_object_array_add(items, service_json(rows, r));
		last = pw_db_cell_int(rows, r, SC_ID, 0);
	}
	pw_db_rows_free(rows);
	api_page_answer(ctx, items, limit, last);
}

void api_services_get(struct pw_ctx *ctx)
{
	struct pw_db_rows *rows = NULL;

	if (load(ctx, ctx->ids[0], &rows))
		return;
	if (api_authorize_enrollment(ctx, pw_db_cell_int(rows, 0, SC_ENROLLMENT_ID, 0), PW_ACL_READ,
	                             NULL) == 0) {
		api_etag(ctx, pw_db_cell_int(rows, 0, SC_VERSION, 0));
		pw_response_json(ctx->res, 200, service_json(rows, 0));
	}
	pw_db_rows_free(rows);
}

void api_services_create(struct pw_ctx *ctx)
{
	long long enrollment_id = ctx->ids[0], id = 0, version = 0;
	struct pw_service_fields f;
	json_object *details = NULL, *after = NULL;
	struct pw_actor who;
	char path[64];
	int rc;

	if (api_authorize_enrollment(ctx, enrollment_id, PW_ACL_WRITE, NULL))
		return;
	memset(&f, 0, sizeof(f));
	f.start = f.end = f.projected_end = PW_DATE_NONE;
	f.amount_cents = -1;
	details = pw_details_new();
	read_fields(ctx, 1, &f, details);
	if (json_object_array_length(details)) {
		api_invalid(ctx, "Some fields need attention.", details);
		return;
	}
	rc = pw_db_begin(ctx->db);
	if (rc != PW_OK) {
		json_object_put(details);
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	if (check(ctx, enrollment_id, 0, NULL, &f, details)) {
		pw_db_rollback(ctx->db);
		return;
	}
	pw_gate_actor(ctx, &who);
	rc = pw_service_insert(ctx->db, enrollment_id, &f, &id);
	if (rc == PW_OK && !(after = load_json(ctx, id, &version)))
		rc = PW_ERR_DB;
	if (rc == PW_OK)
		rc = pw_audit_write(ctx->db, &who, "service", id, "create", NULL,
		                    api_json_text(ctx, after), NULL);
	rc = api_finish(ctx, rc);
	if (rc != PW_OK) {
		json_object_put(after);
		write_failed(ctx, rc);
		return;
	}
	api_etag(ctx, version);
	snprintf(path, sizeof(path), "/api/v1/services/%lld", id);
	pw_response_header(ctx->res, "Location", "%s", path);
	pw_response_json(ctx->res, 201, after);
}

/*
 * The shared body of PATCH and DELETE: loads the service inside a
 * transaction, checks access (404) and the version (412), lets apply turn
 * the stored state into the new one, checks it, writes it and answers 200
 * with the record. A DELETE of a service already deleted changes nothing
 * and answers the record as it is.
 */
static void change(struct pw_ctx *ctx, int deleting)
{
	long long id = ctx->ids[0], enrollment_id, cur, newv = 0;
	struct pw_db_rows *rows = NULL;
	struct pw_service_fields before, f;
	json_object *details = NULL, *before_json = NULL, *after = NULL;
	struct pw_actor who;
	int version = 0, rc;

	if (api_if_match(ctx, &version))
		return;
	rc = pw_db_begin(ctx->db);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	if (load(ctx, id, &rows))
		goto out;
	enrollment_id = pw_db_cell_int(rows, 0, SC_ENROLLMENT_ID, 0);
	cur = pw_db_cell_int(rows, 0, SC_VERSION, 0);
	if (api_authorize_enrollment(ctx, enrollment_id, PW_ACL_WRITE, NULL))
		goto out;
	if (cur != version) {
		pw_response_error_rc(ctx->res, PW_ERR_STALE);
		goto out;
	}
	rc = pw_service_fields_from_row(rows, 0, &before);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		goto out;
	}
	before_json = service_json(rows, 0);
	if (deleting && before.status == PW_SERVICE_DELETED) {
		api_etag(ctx, cur);
		pw_response_json(ctx->res, 200, before_json);
		before_json = NULL;
		goto out;
	}
	f = before;
	details = pw_details_new();
	if (deleting)
		f.status = PW_SERVICE_DELETED;
	else
		read_fields(ctx, 0, &f, details);
	if (json_object_array_length(details)) {
		api_invalid(ctx, "Some fields need attention.", details);
		details = NULL;
		goto out;
	}
	rc = check(ctx, enrollment_id, id, &before, &f, details);
	details = NULL; /* consumed */
	if (rc)
		goto out;
	pw_gate_actor(ctx, &who);
	rc = pw_service_update(ctx->db, id, version, &f);
	if (rc == PW_OK && !(after = load_json(ctx, id, &newv)))
		rc = PW_ERR_DB;
	if (rc == PW_OK)
		rc = pw_audit_write(ctx->db, &who, "service", id, deleting ? "delete" : "update",
		                    api_json_text(ctx, before_json), api_json_text(ctx, after),
		                    NULL);
	rc = api_finish(ctx, rc);
	if (rc != PW_OK) {
		json_object_put(after);
		write_failed(ctx, rc);
	} else {
		api_etag(ctx, newv);
		pw_response_json(ctx->res, 200, after);
	}
out:
	/* Every path that did not commit rolls back; after a commit this is a
	 * no-op. */
	pw_db_rollback(ctx->db);
	json_object_put(details);
	json_object_put(before_json);
	pw_db_rows_free(rows);
}

void api_services_update(struct pw_ctx *ctx)
{
	change(ctx, 0);
}

void api_services_delete(struct pw_ctx *ctx)
{
	change(ctx, 1);
}
