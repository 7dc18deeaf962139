/*
 * api/goals.c: goals of an enrollment (issue 4, "Goals"; R-CHK-3, R-DATE-4).
 *
 *   GET   /api/v1/enrollments/{id}/goals   list, each goal with its services
 *   POST  /api/v1/enrollments/{id}/goals   add a goal
 *   GET   /api/v1/goals/{id}               one goal with its services
 *   PATCH /api/v1/goals/{id}               change it (If-Match)
 *
 * A goal has a statement, a category and a term (workNet's goal window), a
 * status (not started, on track, off track, complete) and, for C-Work, a
 * progress (COMPLETED / NOT_COMPLETED) with the actual completion date that
 * the C-Work exit checklist needs beside it (R-CHK-3). The target date is a
 * planned date and may lie ahead; the actual completion date may not
 * (R-DATE-4). Services are assigned to a goal from the service side
 * (goal_id on /services); each goal shows the services assigned to it.
 *
 * Goals are never removed: a goal is closed by its status and progress.
 * They stay editable after the enrollment exits, because C-Work closes its
 * goals as part of the exit (R-SVC-4 only closes services). Reads need
 * read access to the enrollment, writes write access (R-ACL-1); every write
 * is audited before/after in its transaction (R-ACL-3).
 */
#include "api/api.h"

#include "api/common.h"
#include "db.h"
#include "gate.h"
#include "json_io.h"
#include "pw.h"
#include "rules/acl.h"
#include "rules/violation.h"
#include "store/audit.h"
#include "store/goal.h"

#include <stdio.h>
#include <string.h>

#define STATEMENT_MAX 1000

static const struct api_col goal_cols[GC_COUNT] = {
        [GC_ID] = {"id", API_INT},
        [GC_ENROLLMENT_ID] = {"enrollment_id", API_INT},
        [GC_STATEMENT] = {"statement", API_STR},
        [GC_CATEGORY] = {"category", API_STR},
        [GC_TERM] = {"term", API_STR},
        [GC_STATUS] = {"status", API_STR},
        [GC_PROGRESS] = {"progress", API_STR},
        [GC_TARGET_DATE] = {"target_date", API_STR},
        [GC_ACTUAL_COMPLETION_DATE] = {"actual_completion_date", API_STR},
        [GC_VERSION] = {"version", API_INT},
        [GC_CREATED_AT] = {"created_at", API_STR},
        [GC_UPDATED_AT] = {"updated_at", API_STR},
};

/* workNet's goal categories, terms and statuses; C-Work's goal progress. */
static const char *const categories[] = {"support_services", "career_plan",
                                         "education_training_plan", "independent_living"};
static const char *const terms[] = {"short", "long"};
static const char *const statuses[] = {"not_started", "on_track", "off_track", "complete"};
static const char *const progresses[] = {"COMPLETED", "NOT_COMPLETED"};

static const char *const fields_allowed[] = {"statement",
                                             "category",
                                             "term",
                                             "status",
                                             "progress",
                                             "target_date",
                                             "actual_completion_date"};

/*
 * The goals of rows [0, rows->nrows) as JSON objects in items, each with a
 * "services" array of {id, name, status} taken from svc (rows of
 * pw_goal_services for the same goals, ordered by goal). Consumes nothing;
 * adds to items.
 */
static void goals_json(const struct pw_db_rows *rows, const struct pw_db_rows *svc,
                       json_object *items)
{
	size_t k = 0;

	for (size_t r = 0; r < rows->nrows; r++) {
		json_object *o = api_row_json(rows, r, goal_cols, GC_COUNT);
		json_object *list = json_object_new_array();
		long long id = pw_db_cell_int(rows, r, GC_ID, 0);

		/* Both are ordered by goal id: walk them together. */
		while (k < svc->nrows && pw_db_cell_int(svc, k, 0, 0) < id)
			k++;
		for (; k < svc->nrows && pw_db_cell_int(svc, k, 0, 0) == id; k++) {
			json_object *s = json_object_new_object();
			const char *name = pw_db_cell(svc, k, 2);
			const char *status = pw_db_cell(svc, k, 3);
			json_object_object_add(s, "id",
			                       json_object_new_int64(pw_db_cell_int(svc, k, 1, 0)));
			json_object_object_add(s, "name", json_object_new_string(name ? name : ""));
			json_object_object_add(s, "status",
			                       json_object_new_string(status ? status : ""));
			json_object_array_add(list, s);
		}
		json_object_object_add(o, "services", list);
		json_object_array_add(items, o);
	}
}

/*
 * Loads goal id. With rows_out, the goal's rows are handed to the caller
 * (who frees them); *obj gets the goal as JSON (a new object). Returns 0,
 * or -1 with the response filled (404 or a database error).
 */
static int load(struct pw_ctx *ctx, long long id, struct pw_db_rows **rows_out, json_object **obj)
{
	struct pw_db_rows *rows = NULL, *svc = NULL;
	json_object *items = NULL;
	int rc = pw_goal_get(ctx->db, id, &rows);

	*obj = NULL;
	if (rc == PW_OK && rows->nrows != 1) {
		pw_db_rows_free(rows);
		api_not_found(ctx);
		return -1;
	}
	if (rc == PW_OK)
		rc = pw_goal_services(ctx->db, pw_db_cell_int(rows, 0, GC_ENROLLMENT_ID, 0), id, id,
		                      &svc);
	if (rc != PW_OK) {
		pw_db_rows_free(rows);
		pw_response_error_rc(ctx->res, rc);
		return -1;
	}
	items = json_object_new_array();
	goals_json(rows, svc, items);
	*obj = json_object_get(json_object_array_get_idx(items, 0));
	json_object_put(items);
	pw_db_rows_free(svc);
	if (rows_out)
		*rows_out = rows;
	else
		pw_db_rows_free(rows);
	return 0;
}

/* 1 when the body holds name with the value null. */
static int explicit_null(const struct pw_ctx *ctx, const char *name)
{
	json_object *v = NULL;

	return json_object_object_get_ex(ctx->body, name, &v) && v == NULL;
}

/* An enum field: *code gets the code; a nullable one is cleared by null. */
static void read_enum(struct pw_ctx *ctx, struct pw_fields *fl, const char *name, int flags,
                      const char *const *codes, size_t n, int nullable, const char **code)
{
	size_t k = 0;

	if (pw_field_enum(fl, name, flags, codes, n, &k) == PW_OK)
		*code = codes[k];
	else if (explicit_null(ctx, name)) {
		if (nullable)
			*code = NULL;
		else if (!(flags & PW_FIELD_REQUIRED))
			pw_details_add(fl->details, name, "must not be empty", NULL);
	}
}

/* A date field, cleared by null. */
static void read_date(struct pw_ctx *ctx, struct pw_fields *fl, const char *name, pw_date *d)
{
	if (pw_field_date(fl, name, PW_FIELD_OPTIONAL, d) == PW_ERR_NOT_FOUND &&
	    explicit_null(ctx, name))
		*d = PW_DATE_NONE;
}

/*
 * Reads the body over f (defaults on create, the stored goal on update) and
 * checks the result: R-CHK-3 (a progress needs its actual completion date)
 * and R-DATE-4 (that date is not in the future). Strings in f borrow from
 * the body or the stored row. Problems go to details.
 */
static void read_fields(struct pw_ctx *ctx, int create, struct pw_goal_fields *f,
                        json_object *details)
{
	struct pw_fields fl = {ctx->body, details};
	int req = create ? PW_FIELD_REQUIRED : PW_FIELD_OPTIONAL;
	struct pw_violations v;
	const char *s = NULL;
	char d[PW_DATE_STRLEN];
	int rc;

	rc = pw_field_string(&fl, "statement", req, STATEMENT_MAX, &s);
	if (rc == PW_OK)
		f->statement = s;
	else if (rc == PW_ERR_NOT_FOUND && json_object_object_get_ex(ctx->body, "statement", NULL))
		pw_details_add(details, "statement", "must not be empty", NULL);
	read_enum(ctx, &fl, "category", req, categories, PW_ARRAY_LEN(categories), 0, &f->category);
	read_enum(ctx, &fl, "term", req, terms, PW_ARRAY_LEN(terms), 0, &f->term);
	read_enum(ctx, &fl, "status", PW_FIELD_OPTIONAL, statuses, PW_ARRAY_LEN(statuses), 0,
	          &f->status);
	read_enum(ctx, &fl, "progress", PW_FIELD_OPTIONAL, progresses, PW_ARRAY_LEN(progresses), 1,
	          &f->progress);
	read_date(ctx, &fl, "target_date", &f->target);
	read_date(ctx, &fl, "actual_completion_date", &f->actual_completion);
	pw_fields_reject_unknown(&fl, fields_allowed, PW_ARRAY_LEN(fields_allowed));
	if (pw_fields_errors(&fl))
		return;

	pw_violations_init(&v);
	/* R-CHK-3: C-Work's exit needs every goal's progress with its actual
	 * completion date, so one is never stored without the other. */
	if (f->progress && !pw_date_is_valid(f->actual_completion))
		pw_violation_add(&v, "R-CHK-3", "actual_completion_date",
		                 "A goal progress of %s needs its actual completion date.",
		                 f->progress);
	/* R-DATE-4: the target is a planned date; the completion is not. */
	if (pw_date_is_valid(f->actual_completion) && f->actual_completion > api_today()) {
		pw_date_format(f->actual_completion, d);
		pw_violation_add(&v, "R-DATE-4", "actual_completion_date",
		                 "The actual completion date %s is in the future.", d);
	}
	pw_details_add_violations(details, &v);
}

void api_goals_list(struct pw_ctx *ctx)
{
	struct pw_db_rows *rows = NULL, *svc = NULL;
	json_object *items;
	long long after = 0, first = 0, last = 0;
	int limit, rc;

	if (api_authorize_enrollment(ctx, ctx->ids[0], PW_ACL_READ, NULL) ||
	    api_page_params(ctx, &limit, &after))
		return;
	rc = pw_goal_list(ctx->db, ctx->ids[0], after, limit, &rows);
	if (rc == PW_OK && rows->nrows) {
		first = pw_db_cell_int(rows, 0, GC_ID, 0);
		last = pw_db_cell_int(rows, rows->nrows - 1, GC_ID, 0);
	}
	/* One query for the services of the whole page. */
	if (rc == PW_OK)
		rc = pw_goal_services(ctx->db, ctx->ids[0], first, last, &svc);
	if (rc != PW_OK) {
		pw_db_rows_free(rows);
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	items = json_object_new_array();
	goals_json(rows, svc, items);
	pw_db_rows_free(rows);
	pw_db_rows_free(svc);
	api_page_answer(ctx, items, limit, last);
}

void api_goals_get(struct pw_ctx *ctx)
{
	struct pw_db_rows *rows = NULL;
	json_object *o = NULL;

	if (load(ctx, ctx->ids[0], &rows, &o))
		return;
	if (api_authorize_enrollment(ctx, pw_db_cell_int(rows, 0, GC_ENROLLMENT_ID, 0), PW_ACL_READ,
	                             NULL) == 0) {
		api_etag(ctx, pw_db_cell_int(rows, 0, GC_VERSION, 0));
		pw_response_json(ctx->res, 200, o);
		o = NULL;
	}
	json_object_put(o);
	pw_db_rows_free(rows);
}

void api_goals_create(struct pw_ctx *ctx)
{
	long long id = 0;
	struct pw_goal_fields f = {0};
	struct pw_db_rows *rows = NULL;
	json_object *details = NULL, *after = NULL;
	struct pw_actor who;
	char path[64];
	int rc;

	if (api_authorize_enrollment(ctx, ctx->ids[0], PW_ACL_WRITE, NULL))
		return;
	f.status = "not_started";
	f.target = f.actual_completion = PW_DATE_NONE;
	details = pw_details_new();
	read_fields(ctx, 1, &f, details);
	if (json_object_array_length(details)) {
		api_invalid(ctx, "Some fields need attention.", details);
		return;
	}
	json_object_put(details);
	pw_gate_actor(ctx, &who);
	rc = pw_db_begin(ctx->db);
	if (rc == PW_OK)
		rc = pw_goal_insert(ctx->db, ctx->ids[0], &f, &id);
	if (rc == PW_OK && load(ctx, id, &rows, &after))
		rc = PW_ERR_DB;
	if (rc == PW_OK)
		rc = pw_audit_write(ctx->db, &who, "goal", id, "create", NULL,
		                    api_json_text(ctx, after), NULL);
	rc = api_finish(ctx, rc);
	if (rc != PW_OK) {
		json_object_put(after);
		pw_response_reset(ctx->res);
		pw_response_error_rc(ctx->res, rc);
	} else {
		api_etag(ctx, pw_db_cell_int(rows, 0, GC_VERSION, 0));
		snprintf(path, sizeof(path), "/api/v1/goals/%lld", id);
		pw_response_header(ctx->res, "Location", "%s", path);
		pw_response_json(ctx->res, 201, after);
	}
	pw_db_rows_free(rows);
}

void api_goals_update(struct pw_ctx *ctx)
{
	long long id = ctx->ids[0];
	struct pw_db_rows *rows = NULL, *after_rows = NULL;
	struct pw_goal_fields f;
	json_object *details = NULL, *before = NULL, *after = NULL;
	struct pw_actor who;
	int version = 0, rc;

	if (api_if_match(ctx, &version))
		return;
	rc = pw_db_begin(ctx->db);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	if (load(ctx, id, &rows, &before))
		goto out;
	if (api_authorize_enrollment(ctx, pw_db_cell_int(rows, 0, GC_ENROLLMENT_ID, 0),
	                             PW_ACL_WRITE, NULL))
		goto out;
	if (pw_db_cell_int(rows, 0, GC_VERSION, 0) != version) {
		pw_response_error_rc(ctx->res, PW_ERR_STALE);
		goto out;
	}
	if (pw_goal_fields_from_row(rows, 0, &f) != PW_OK) {
		pw_response_error_rc(ctx->res, PW_ERR_DB);
		goto out;
	}
	details = pw_details_new();
	read_fields(ctx, 0, &f, details);
	if (json_object_array_length(details)) {
		api_invalid(ctx, "Some fields need attention.", details);
		details = NULL;
		goto out;
	}
	pw_gate_actor(ctx, &who);
	rc = pw_goal_update(ctx->db, id, version, &f);
	if (rc == PW_OK && load(ctx, id, &after_rows, &after))
		rc = PW_ERR_DB;
	if (rc == PW_OK)
		rc = pw_audit_write(ctx->db, &who, "goal", id, "update", api_json_text(ctx, before),
		                    api_json_text(ctx, after), NULL);
	rc = api_finish(ctx, rc);
	if (rc != PW_OK) {
		pw_response_reset(ctx->res);
		pw_response_error_rc(ctx->res, rc);
	} else {
		api_etag(ctx, pw_db_cell_int(after_rows, 0, GC_VERSION, 0));
		pw_response_json(ctx->res, 200, after);
		after = NULL;
	}
out:
	/* Every path that did not commit rolls back; after a commit this is a
	 * no-op. */
	pw_db_rollback(ctx->db);
	json_object_put(details);
	json_object_put(before);
	json_object_put(after);
	pw_db_rows_free(rows);
	pw_db_rows_free(after_rows);
}
