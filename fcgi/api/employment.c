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
#include "api/record.h"
#include "db.h"
#include "json_io.h"
#include "pw.h"
#include "rules/acl.h"
#include "rules/employment.h"
#include "store/employment.h"

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

/* One write's state: the record kind's arg (see api/record.h). The stored
 * job, which a PATCH's body changes. */
struct edit {
	struct pw_job j;
};

/* A write shows the job as of today (R-EMP-2), in its answer and in the
 * audit trail. */
static json_object *edit_json(const struct pw_db_rows *rows, size_t r, void *arg)
{
	(void)arg;
	return job_json(rows, r, api_today());
}

static int edit_prepare(struct pw_ctx *ctx, long long pid, const struct pw_db_rows *rows, void *arg)
{
	struct edit *w = arg;

	(void)ctx;
	(void)pid;
	return pw_employment_job_from_row(rows, 0, &w->j);
}

static int edit_check_update(struct pw_ctx *ctx, void *arg)
{
	struct edit *w = arg;
	json_object *details = pw_details_new();

	read_job(ctx, 0, &w->j, details);
	return outcomes_refuse(ctx, details);
}

static int edit_insert(struct pw_ctx *ctx, long long participant_id, void *arg, long long *id)
{
	const struct edit *w = arg;

	return pw_employment_insert(ctx->db, participant_id, &w->j, id);
}

static int edit_update(struct pw_ctx *ctx, long long id, int version, void *arg)
{
	const struct edit *w = arg;

	return pw_employment_update(ctx->db, id, version, &w->j);
}

static const struct record_kind kind = {
        .entity = "employment",
        .location = "/api/v1/employment/",
        .get = pw_employment_get,
        .version_col = EM_VERSION,
        .json = edit_json,
        .parent = RECORD_UNDER_PARTICIPANT,
        .parent_col = EM_PARTICIPANT_ID,
        .prepare = edit_prepare,
        .check_update = edit_check_update,
        .insert = edit_insert,
        .update = edit_update,
        .remove = pw_employment_delete,
        .in_use_code = "employment_in_use",
        .in_use_message = in_use_message,
};

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

	if (record_load(ctx, &kind, ctx->ids[0], &rows))
		return;
	if (api_authorize_participant(ctx, pw_db_cell_int(rows, 0, EM_PARTICIPANT_ID, 0),
	                              PW_ACL_READ) == 0 &&
	    outcomes_as_of(ctx, &as_of) == 0) {
		api_etag(ctx, pw_db_cell_int(rows, 0, EM_VERSION, 0));
		pw_response_json(ctx->res, 200, job_json(rows, 0, as_of));
	}
	pw_db_rows_free(rows);
}

/* POST: the job is checked before the transaction, which only writes. */
void api_employment_create(struct pw_ctx *ctx)
{
	long long pid = ctx->ids[0];
	struct edit w = {.j.start_date = PW_DATE_NONE, .j.end_date = PW_DATE_NONE};
	json_object *details;

	if (api_authorize_participant(ctx, pid, PW_ACL_WRITE))
		return;
	details = pw_details_new();
	read_job(ctx, 1, &w.j, details);
	if (outcomes_refuse(ctx, details))
		return;
	record_create(ctx, &kind, pid, &w);
}

/* PATCH answers 200 with the job, DELETE 204 (api/record.h); a delete the
 * database refuses because a post-exit quarter refers to the job is 409
 * employment_in_use. */
void api_employment_update(struct pw_ctx *ctx)
{
	struct edit w = {0};

	record_change(ctx, &kind, 0, &w);
}

void api_employment_delete(struct pw_ctx *ctx)
{
	struct edit w = {0};

	record_change(ctx, &kind, 1, &w);
}
