/*
 * api/employment.c: the jobs a participant holds (issue 5, "Employment";
 * R-EMP-1, R-EMP-2, R-DATE-4).
 *
 *   GET    /api/v1/participants/{id}/employment   list, paged (?as_of=)
 *   POST   /api/v1/participants/{id}/employment   add a job
 *   GET    /api/v1/employment/{id}                one job (?as_of=)
 *   PATCH  /api/v1/employment/{id}                change it (If-Match)
 *   DELETE /api/v1/employment/{id}                remove it (If-Match)
 *
 * The fields are the workNet "Add Employment" form (seed 001): current
 * flag, employer, start and end dates, job title, SOC code, address, duties,
 * hours per week, wage and what it is per, and whether the job meets the
 * participant's needs and why; rules/employment.c checks them (R-EMP-1).
 * Every answer adds what the rules compute (R-EMP-2): the days retained as
 * of ?as_of= (today when absent, R-DATE-4), the hourly-equivalent wage and
 * the estimated quarterly earnings, both null when they cannot be known.
 *
 * A job that a post-exit quarter refers to (R-PEX-1) cannot be deleted:
 * 409 employment_in_use. Jobs stay open after an exit (R-SVC-4). Reads need
 * read access to the participant, writes write access (R-ACL-1); every
 * write is audited in its transaction (R-ACL-3).
 */
#include "api/api.h"

#include "api/common.h"
#include "api/outcomes.h"
#include "db.h"
#include "gate.h"
#include "json_io.h"
#include "pw.h"
#include "rules/acl.h"
#include "rules/employment.h"
#include "store/audit.h"
#include "store/employment.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The columns' sizes in migration 0011 where they are below the rules'. */
#define STREET_MAX 190
#define CITY_MAX   100
#define SOC_MAX    10
#define ZIP_MAX    10
#define WHY_MAX    2000

static const struct api_col cols[EM_COUNT] = {
        [EM_ID] = {"id", API_INT},
        [EM_PARTICIPANT_ID] = {"participant_id", API_INT},
        [EM_EMPLOYER] = {"employer", API_STR},
        [EM_START_DATE] = {"start_date", API_STR},
        [EM_END_DATE] = {"end_date", API_STR},
        [EM_IS_CURRENT] = {"is_current", API_BOOL},
        [EM_JOB_TITLE] = {"job_title", API_STR},
        [EM_SOC_CODE] = {"soc_code", API_STR},
        [EM_STREET1] = {"street1", API_STR},
        [EM_STREET2] = {"street2", API_STR},
        [EM_CITY] = {"city", API_STR},
        [EM_STATE] = {"state", API_STR},
        [EM_ZIP] = {"zip", API_STR},
        [EM_DUTIES] = {"duties", API_STR},
        [EM_HOURS_PER_WEEK] = {"hours_per_week", API_SKIP}, /* numbers, below */
        [EM_WAGE_CENTS] = {"wage", API_SKIP},
        [EM_WAGE_PERIOD] = {"wage_period", API_STR},
        [EM_MEETS_NEEDS] = {"meets_needs", API_STR},
        [EM_MEETS_NEEDS_WHY] = {"meets_needs_why", API_STR},
        [EM_VERSION] = {"version", API_INT},
        [EM_CREATED_AT] = {"created_at", API_STR},
        [EM_UPDATED_AT] = {"updated_at", API_STR},
};

static const char *const fields_allowed[] = {
        "is_current",  "employer",        "start_date",     "end_date", "job_title",
        "soc_code",    "street1",         "street2",        "city",     "state",
        "zip",         "duties",          "hours_per_week", "wage",     "wage_period",
        "meets_needs", "meets_needs_why",
};

static const char *const answers[] = {"yes", "no"};
static const char *const in_use_message =
        "A post-exit quarter refers to this job: link the quarter to another job first.";

/* Row r as the API shows it, with what R-EMP-2 computes as of as_of; a new
 * object. */
static json_object *job_json(const struct pw_db_rows *rows, size_t r, pw_date as_of)
{
	json_object *o = api_row_json(rows, r, cols, EM_COUNT);
	const char *hours = pw_db_cell(rows, r, EM_HOURS_PER_WEEK);
	struct pw_job j;
	int64_t cents = 0;
	char d[PW_DATE_STRLEN];

	json_object_object_add(o, "hours_per_week",
	                       hours ? json_object_new_double_s(strtod(hours, NULL), hours) : NULL);
	json_object_object_add(o, "wage",
	                       outcomes_money(pw_db_cell_int(rows, r, EM_WAGE_CENTS, 0)));
	if (pw_employment_job_from_row(rows, r, &j) != PW_OK)
		return o;
	json_object_object_add(
	        o, "wage_period_label",
	        json_object_new_string(pw_employment_wage_period_label(j.wage_period)));
	/* R-EMP-2 and the wage equivalents, computed on request. */
	pw_date_format(as_of, d);
	json_object_object_add(o, "as_of", json_object_new_string(d));
	json_object_object_add(o, "days_retained",
	                       json_object_new_int(pw_employment_days_retained(&j, as_of)));
	json_object_object_add(
	        o, "hourly_wage",
	        pw_employment_hourly_cents(&j, &cents) == PW_OK ? outcomes_money(cents) : NULL);
	json_object_object_add(
	        o, "quarterly_earnings",
	        pw_employment_quarterly_cents(&j, &cents) == PW_OK ? outcomes_money(cents) : NULL);
	return o;
}

/* Loads job id into *rows (one row; the caller frees it), or fills the
 * response (404 / database error) and returns -1. */
static int load(struct pw_ctx *ctx, long long id, struct pw_db_rows **rows)
{
	int rc = pw_employment_get(ctx->db, id, rows);

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

/* Job id as JSON (as of today) with its version; NULL when unreadable. */
static json_object *load_json(struct pw_ctx *ctx, long long id, long long *version)
{
	struct pw_db_rows *rows = NULL;
	json_object *o;

	if (load(ctx, id, &rows))
		return NULL;
	o = job_json(rows, 0, api_today());
	*version = pw_db_cell_int(rows, 0, EM_VERSION, 0);
	pw_db_rows_free(rows);
	return o;
}

/*
 * Reads the body over j (the stored job, or an empty one on create) and
 * checks it with the rules (R-EMP-1, R-DATE-4). Absent the current flag, a
 * new job is current exactly when it has no end date. Strings borrow from
 * the body. Problems go to details.
 */
static void read_job(struct pw_ctx *ctx, int create, struct pw_job *j, json_object *details)
{
	struct pw_fields fl = {ctx->body, details};
	struct pw_violations v;
	const char *code = NULL, *periods[PW_WAGE_YEAR];
	size_t np = 0;
	long long cents = 0;
	double hours = 0.0;
	int b = 0;

	if (pw_field_bool(&fl, "is_current", PW_FIELD_OPTIONAL, &b) == PW_OK)
		j->is_current = b != 0;
	outcomes_text(ctx, &fl, "employer", PW_EMPLOYMENT_TEXT_MAX, &j->employer);
	outcomes_date(ctx, &fl, "start_date", &j->start_date);
	outcomes_date(ctx, &fl, "end_date", &j->end_date);
	outcomes_text(ctx, &fl, "job_title", PW_EMPLOYMENT_TEXT_MAX, &j->job_title);
	outcomes_text(ctx, &fl, "soc_code", SOC_MAX, &j->soc_code);
	outcomes_text(ctx, &fl, "street1", STREET_MAX, &j->street1);
	outcomes_text(ctx, &fl, "street2", STREET_MAX, &j->street2);
	outcomes_text(ctx, &fl, "city", CITY_MAX, &j->city);
	outcomes_text(ctx, &fl, "state", 2, &j->state);
	outcomes_text(ctx, &fl, "zip", ZIP_MAX, &j->zip);
	outcomes_text(ctx, &fl, "duties", PW_EMPLOYMENT_LONG_MAX, &j->duties);
	/* Out-of-range hours and wages are the rules' to refuse (R-EMP-1):
	 * here only the number's form is checked. */
	if (pw_field_number(&fl, "hours_per_week", PW_FIELD_OPTIONAL, -1e6, 1e6, &hours) == PW_OK)
		j->hours_per_week = hours;
	else if (outcomes_null(ctx, "hours_per_week"))
		j->hours_per_week = 0.0;
	if (pw_field_money(&fl, "wage", PW_FIELD_OPTIONAL, -PW_EMPLOYMENT_WAGE_MAX,
	                   PW_EMPLOYMENT_WAGE_MAX, &cents) == PW_OK)
		j->wage_cents = cents;
	else if (outcomes_null(ctx, "wage"))
		j->wage_cents = 0;
	for (int p = PW_WAGE_HOUR; p <= PW_WAGE_YEAR; p++)
		periods[np++] = pw_employment_wage_period_code((enum pw_wage_period)p);
	code = pw_employment_wage_period_code(j->wage_period);
	code = *code ? code : NULL;
	outcomes_code(ctx, &fl, "wage_period", periods, np, &code);
	j->wage_period = PW_WAGE_NONE;
	if (code)
		pw_employment_wage_period_from_code(code, &j->wage_period);
	code = pw_education_answer_code(j->meets_needs);
	code = *code ? code : NULL;
	outcomes_code(ctx, &fl, "meets_needs", answers, PW_ARRAY_LEN(answers), &code);
	j->meets_needs = PW_ANSWER_NONE;
	if (code)
		pw_education_answer_from_code(code, &j->meets_needs);
	outcomes_text(ctx, &fl, "meets_needs_why", WHY_MAX, &j->meets_needs_why);
	if (create && !outcomes_present(ctx, "is_current"))
		j->is_current = !pw_date_is_valid(j->end_date);
	pw_fields_reject_unknown(&fl, fields_allowed, PW_ARRAY_LEN(fields_allowed));
	outcomes_name_rule(details, "R-EMP-1", fields_allowed, PW_ARRAY_LEN(fields_allowed));
	if (json_object_array_length(details))
		return;
	pw_violations_init(&v);
	pw_employment_validate(j, api_today(), &v);
	pw_details_add_violations(details, &v);
}

void api_employment_list(struct pw_ctx *ctx)
{
	struct pw_db_rows *rows = NULL;
	json_object *items;
	long long after = 0, last = 0;
	pw_date as_of;
	int limit, rc;

	if (api_authorize_participant(ctx, ctx->ids[0], PW_ACL_READ) ||
	    api_page_params(ctx, &limit, &after) || outcomes_as_of(ctx, &as_of))
		return;
	rc = pw_employment_list(ctx->db, ctx->ids[0], after, limit, &rows);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	items = json_object_new_array();
	for (size_t r = 0; r < rows->nrows; r++) {
		json_object_array_add(items, job_json(rows, r, as_of));
		last = pw_db_cell_int(rows, r, EM_ID, 0);
	}
	pw_db_rows_free(rows);
	api_page_answer(ctx, items, limit, last);
}

void api_employment_get(struct pw_ctx *ctx)
{
	struct pw_db_rows *rows = NULL;
	pw_date as_of;

	if (load(ctx, ctx->ids[0], &rows))
		return;
	if (api_authorize_participant(ctx, pw_db_cell_int(rows, 0, EM_PARTICIPANT_ID, 0),
	                              PW_ACL_READ) == 0 &&
	    outcomes_as_of(ctx, &as_of) == 0) {
		api_etag(ctx, pw_db_cell_int(rows, 0, EM_VERSION, 0));
		pw_response_json(ctx->res, 200, job_json(rows, 0, as_of));
	}
	pw_db_rows_free(rows);
}

void api_employment_create(struct pw_ctx *ctx)
{
	long long pid = ctx->ids[0], id = 0, version = 0;
	struct pw_job j;
	json_object *details, *after = NULL;
	struct pw_actor who;
	char path[64];
	int rc;

	if (api_authorize_participant(ctx, pid, PW_ACL_WRITE))
		return;
	memset(&j, 0, sizeof(j));
	j.start_date = j.end_date = PW_DATE_NONE;
	details = pw_details_new();
	read_job(ctx, 1, &j, details);
	if (outcomes_refuse(ctx, details))
		return;
	pw_gate_actor(ctx, &who);
	rc = pw_db_begin(ctx->db);
	if (rc == PW_OK)
		rc = pw_employment_insert(ctx->db, pid, &j, &id);
	if (rc == PW_OK && !(after = load_json(ctx, id, &version)))
		rc = PW_ERR_DB;
	if (rc == PW_OK)
		rc = pw_audit_write(ctx->db, &who, "employment", id, "create", NULL,
		                    api_json_text(ctx, after), NULL);
	rc = api_finish(ctx, rc);
	if (rc != PW_OK) {
		json_object_put(after);
		outcomes_write_failed(ctx, rc, NULL, NULL);
		return;
	}
	api_etag(ctx, version);
	snprintf(path, sizeof(path), "/api/v1/employment/%lld", id);
	pw_response_header(ctx->res, "Location", "%s", path);
	pw_response_json(ctx->res, 201, after);
}

/* PATCH and DELETE inside one transaction: access, version, the write and
 * its audit row; a delete the database refuses because a post-exit quarter
 * refers to the job is 409 employment_in_use. */
static void change(struct pw_ctx *ctx, int deleting)
{
	long long id = ctx->ids[0], newv = 0;
	struct pw_db_rows *rows = NULL;
	struct pw_job j;
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
	if (api_authorize_participant(ctx, pw_db_cell_int(rows, 0, EM_PARTICIPANT_ID, 0),
	                              PW_ACL_WRITE))
		goto out;
	if (pw_db_cell_int(rows, 0, EM_VERSION, 0) != version) {
		pw_response_error_rc(ctx->res, PW_ERR_STALE);
		goto out;
	}
	rc = pw_employment_job_from_row(rows, 0, &j);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		goto out;
	}
	before_json = job_json(rows, 0, api_today());
	pw_gate_actor(ctx, &who);
	if (deleting) {
		rc = pw_employment_delete(ctx->db, id, version);
	} else {
		details = pw_details_new();
		read_job(ctx, 0, &j, details);
		rc = outcomes_refuse(ctx, details);
		details = NULL; /* consumed */
		if (rc)
			goto out;
		rc = pw_employment_update(ctx->db, id, version, &j);
		if (rc == PW_OK && !(after = load_json(ctx, id, &newv)))
			rc = PW_ERR_DB;
	}
	if (rc == PW_OK)
		rc = pw_audit_write(ctx->db, &who, "employment", id, deleting ? "delete" : "update",
		                    api_json_text(ctx, before_json), api_json_text(ctx, after),
		                    NULL);
	rc = api_finish(ctx, rc);
	if (rc != PW_OK) {
		outcomes_write_failed(ctx, rc, "employment_in_use", in_use_message);
	} else if (deleting) {
		pw_response_no_content(ctx->res);
	} else {
		api_etag(ctx, newv);
		pw_response_json(ctx->res, 200, after);
		after = NULL;
	}
out:
	/* Every path that did not commit rolls back; after a commit this is a
	 * no-op. */
	pw_db_rollback(ctx->db);
	json_object_put(details);
	json_object_put(before_json);
	json_object_put(after);
	pw_db_rows_free(rows);
}

void api_employment_update(struct pw_ctx *ctx)
{
	change(ctx, 0);
}

void api_employment_delete(struct pw_ctx *ctx)
{
	change(ctx, 1);
}
