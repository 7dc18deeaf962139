/*
 * api/post_exit.c: the four quarters after exit (issue 6, "Post-exit
 * quarters"; R-PEX-1, R-DATE-2, R-EXIT-4).
 *
 *   GET /api/v1/enrollments/{id}/post-exit             the exit-time facts and the
 *                                                      four quarters (?as_of=)
 *   PUT /api/v1/enrollments/{id}/post-exit/{quarter}   fill quarter 1..4 (If-Match)
 *
 * The quarters are created by a regular or soft exit (api/exit.c, the
 * sweep) with their dates; hard exits and not-enrolled closures have none.
 * Each quarter takes an outcome, the quarter's earnings, the date the
 * document was verified, the verification source and, for an employment
 * outcome, the participant's job it refers to, which must overlap the
 * quarter; nothing can be entered before the quarter begins. All of that
 * is pw_post_exit_validate's to decide. With the quarters the answer shows
 * what was true at exit, as the workNet screen does: exit date, school
 * status at exit, exit reason, and the job held on the exit date.
 * Writes are audited under entity "post_exit" with the enrollment's id.
 */
#include "api/api.h"

#include "api/common.h"
#include "api/exit_common.h"
#include "db.h"
#include "gate.h"
#include "json_io.h"
#include "pw.h"
#include "rules/checklist.h"
#include "rules/post_exit.h"
#include "store/audit.h"
#include "store/exit.h"
#include "store/facts.h"

#include <stdio.h>
#include <string.h>

#define ID_MAX (1LL << 53)
/* Earnings of one quarter: at most ten million dollars. */
#define EARNINGS_MAX_CENTS 1000000000LL

static const char *const outcome_codes[] = {"employed",     "employed_registered_apprenticeship",
                                            "military",     "education_training",
                                            "not_employed", "not_yet_known"};
static const char *const source_codes[] = {"ui_wage_match", "federal_military_records", "pay_stub",
                                           "employer_verification", "other"};

/* The job a quarter refers to, from the row's joined columns. */
static json_object *quarter_job(const struct pw_db_rows *rows, size_t r)
{
	json_object *o;

	if (pw_db_cell(rows, r, QC_EMPLOYMENT_ID) == NULL)
		return NULL;
	o = json_object_new_object();
	json_object_object_add(o, "id",
	                       json_object_new_int64(pw_db_cell_int(rows, r, QC_EMPLOYMENT_ID, 0)));
	json_object_object_add(o, "employer", api_exit_str(pw_db_cell(rows, r, QC_EMPLOYER)));
	json_object_object_add(o, "job_title", api_exit_str(pw_db_cell(rows, r, QC_JOB_TITLE)));
	json_object_object_add(o, "start_date", api_exit_str(pw_db_cell(rows, r, QC_JOB_START)));
	return o;
}

/* Quarter row r as the API shows it; begun says whether as_of has reached
 * its first day. */
static json_object *quarter_json(const struct pw_db_rows *rows, size_t r, pw_date as_of)
{
	json_object *o = json_object_new_object();
	struct pw_post_exit_entry e;
	const char *first = pw_db_cell(rows, r, QC_FIRST_DAY);
	const char *outcome = pw_db_cell(rows, r, QC_OUTCOME);
	pw_date fd = PW_DATE_NONE;
	bool ok = pw_exit_quarter_entry(rows, r, &e) == PW_OK;

	if (first != NULL)
		pw_date_parse(first, strlen(first), &fd);
	json_object_object_add(o, "quarter",
	                       json_object_new_int((int)pw_db_cell_int(rows, r, QC_QUARTER, 0)));
	json_object_object_add(o, "first_day", api_exit_str(first));
	json_object_object_add(o, "last_day", api_exit_str(pw_db_cell(rows, r, QC_LAST_DAY)));
	json_object_object_add(o, "begun",
	                       json_object_new_boolean(pw_date_is_valid(fd) && as_of >= fd));
	json_object_object_add(o, "outcome", api_exit_str(outcome));
	json_object_object_add(
	        o, "outcome_label",
	        ok && outcome != NULL
	                ? json_object_new_string(pw_post_exit_outcome_label(e.outcome))
	                : NULL);
	json_object_object_add(o, "earnings",
	                       ok && e.has_earnings ? api_exit_money(e.earnings_cents) : NULL);
	json_object_object_add(o, "verified_date",
	                       api_exit_str(pw_db_cell(rows, r, QC_VERIFIED_ON)));
	json_object_object_add(o, "verification_source",
	                       api_exit_str(pw_db_cell(rows, r, QC_SOURCE)));
	json_object_object_add(o, "verification_source_label",
	                       ok && e.has_source
	                               ? json_object_new_string(pw_post_exit_source_label(e.source))
	                               : NULL);
	json_object_object_add(
	        o, "employment_id",
	        pw_db_cell(rows, r, QC_EMPLOYMENT_ID)
	                ? json_object_new_int64(pw_db_cell_int(rows, r, QC_EMPLOYMENT_ID, 0))
	                : NULL);
	json_object_object_add(o, "employment", quarter_job(rows, r));
	json_object_object_add(o, "empty",
	                       json_object_new_boolean(ok && pw_post_exit_entry_is_empty(&e)));
	json_object_object_add(o, "version",
	                       json_object_new_int((int)pw_db_cell_int(rows, r, QC_VERSION, 0)));
	json_object_object_add(o, "updated_at", api_exit_str(pw_db_cell(rows, r, QC_UPDATED_AT)));
	return o;
}

/* The exit-time facts: exit date, school status, exit reason (the ISETS
 * outcome reason where the program records that instead), and the job
 * held on the exit date. */
static json_object *exit_facts_json(const struct pw_facts *f)
{
	const struct pw_facts_job *job;
	enum pw_exit_school_status ss;
	enum pw_checklist_isets_reason ir;
	const char *reason = pw_facts_exit_reason_label(f->profile, f->stored.exit_reason);
	json_object *o = json_object_new_object(), *j = NULL;

	if (reason == NULL &&
	    pw_checklist_isets_reason_from_code(f->stored.outcome_reason, &ir) == PW_OK)
		reason = pw_checklist_isets_reason_short_label(ir);
	json_object_object_add(o, "kind", json_object_new_string(pw_exit_kind_code(f->exit_kind)));
	json_object_object_add(o, "exit_date", api_exit_date(f->exit_date));
	json_object_object_add(o, "school_status", api_exit_str(f->stored.school_status));
	json_object_object_add(o, "school_status_label",
	                       pw_exit_school_status_from_code(f->stored.school_status, &ss) ==
	                                       PW_OK
	                               ? json_object_new_string(pw_exit_school_status_label(ss))
	                               : NULL);
	json_object_object_add(o, "exit_reason",
	                       api_exit_str(f->stored.exit_reason ? f->stored.exit_reason
	                                                          : f->stored.outcome_reason));
	json_object_object_add(o, "exit_reason_label", api_exit_str(reason));
	job = pw_facts_job_on(f, f->exit_date);
	if (job != NULL) {
		j = json_object_new_object();
		json_object_object_add(j, "id", json_object_new_int64(job->id));
		json_object_object_add(j, "employer", api_exit_str(job->employer));
		json_object_object_add(j, "start_date", api_exit_date(job->start));
		json_object_object_add(j, "job_title", api_exit_str(job->job_title));
	}
	json_object_object_add(o, "employment_at_exit", j);
	return o;
}

/* The whole post-exit document of f as of as_of; NULL (response set) on a
 * database error. */
static json_object *post_exit_json(struct pw_ctx *ctx, const struct pw_facts *f, pw_date as_of)
{
	struct pw_db_rows *rows = NULL;
	json_object *o, *items;
	bool exited = f->status == PW_ENROLLMENT_EXITED;
	int rc = pw_exit_quarters_list(ctx->db, f->enrollment_id, &rows);

	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return NULL;
	}
	o = json_object_new_object();
	json_object_object_add(o, "enrollment_id", json_object_new_int64(f->enrollment_id));
	json_object_object_add(o, "as_of", api_exit_date(as_of));
	/* "If a customer has not been Exited, the section shows as blank." */
	json_object_object_add(o, "exit", exited ? exit_facts_json(f) : NULL);
	json_object_object_add(
	        o, "applies",
	        json_object_new_boolean(exited && pw_post_exit_applies(f->exit_kind)));
	items = json_object_new_array();
	for (size_t i = 0; i < rows->nrows; i++)
		json_object_array_add(items, quarter_json(rows, i, as_of));
	pw_db_rows_free(rows);
	json_object_object_add(o, "quarters", items);
	return o;
}

void api_post_exit_get(struct pw_ctx *ctx)
{
	struct pw_facts f;
	pw_date as_of;
	json_object *o;

	if (api_authorize_enrollment(ctx, ctx->ids[0], PW_ACL_READ, NULL) ||
	    api_exit_as_of(ctx, &as_of) ||
	    api_exit_load(ctx, ctx->ids[0], PW_FACTS_JOBS, as_of, &f))
		return;
	o = post_exit_json(ctx, &f, as_of);
	if (o != NULL)
		pw_response_json(ctx->res, 200, o);
}

/* Reads the body of a PUT into e. Problems go to details. */
static void read_entry(struct pw_ctx *ctx, struct pw_post_exit_entry *e, json_object *details)
{
	static const char *const allowed[] = {"outcome", "earnings", "verified_date",
	                                      "verification_source", "employment_id"};
	struct pw_fields fl = {ctx->body, details};
	long long n = 0;
	size_t k = 0;

	memset(e, 0, sizeof(*e));
	e->outcome = PW_POST_EXIT_NOT_YET_KNOWN;
	e->verified = PW_DATE_NONE;
	if (pw_field_enum(&fl, "outcome", PW_FIELD_REQUIRED, outcome_codes,
	                  PW_ARRAY_LEN(outcome_codes), &k) == PW_OK)
		pw_post_exit_outcome_from_code(outcome_codes[k], &e->outcome);
	if (pw_field_money(&fl, "earnings", PW_FIELD_OPTIONAL, 0, EARNINGS_MAX_CENTS, &n) ==
	    PW_OK) {
		e->has_earnings = true;
		e->earnings_cents = n;
	}
	pw_field_date(&fl, "verified_date", PW_FIELD_OPTIONAL, &e->verified);
	if (pw_field_enum(&fl, "verification_source", PW_FIELD_OPTIONAL, source_codes,
	                  PW_ARRAY_LEN(source_codes), &k) == PW_OK) {
		e->has_source = true;
		pw_post_exit_source_from_code(source_codes[k], &e->source);
	}
	if (pw_field_int(&fl, "employment_id", PW_FIELD_OPTIONAL, 1, ID_MAX, &n) == PW_OK)
		e->job_id = n;
	pw_fields_reject_unknown(&fl, allowed, PW_ARRAY_LEN(allowed));
}

void api_post_exit_update(struct pw_ctx *ctx)
{
	long long id = ctx->ids[0], qid;
	int n = (int)ctx->ids[1], version = 0, rc;
	struct pw_post_exit_entry e;
	struct pw_post_exit_quarter q;
	struct pw_violations v;
	struct pw_db_rows *rows = NULL;
	struct pw_actor who;
	struct pw_facts f;
	json_object *details, *before = NULL, *after = NULL, *doc;
	pw_date today = api_today();
	char action[32];

	if (api_authorize_enrollment(ctx, id, PW_ACL_WRITE, NULL))
		return;
	if (n < 1 || n > PW_POST_EXIT_QUARTERS) {
		api_not_found(ctx);
		return;
	}
	if (api_if_match(ctx, &version))
		return;
	details = pw_details_new();
	read_entry(ctx, &e, details);
	if (json_object_array_length(details)) {
		api_invalid(ctx, "Some fields need attention.", details);
		return;
	}
	json_object_put(details);
	if (pw_db_begin(ctx->db) != PW_OK) {
		pw_response_error_rc(ctx->res, PW_ERR_DB_UNAVAILABLE);
		return;
	}
	/* The enrollment's lock keeps an undo from removing the quarter under
	 * this write. */
	if (api_exit_load(ctx, id, PW_FACTS_JOBS | PW_FACTS_LOCK, today, &f))
		goto out;
	pw_violations_init(&v);
	if (f.status != PW_ENROLLMENT_EXITED) {
		pw_violation_add(&v, "R-PEX-1", NULL, "This enrollment has not exited.");
		api_exit_refuse(ctx, 409, "not_exited", "There are no post-exit quarters yet.", &v);
		goto out;
	}
	/* R-PEX-1, R-EXIT-4: the rules say whether the quarter may be filled. */
	rc = pw_post_exit_validate(f.exit_kind, f.exit_date, n, &e, f.jobs, f.n_jobs, today, &v);
	if (rc != PW_OK) {
		api_exit_refuse_rc(ctx, rc,
		                   pw_post_exit_applies(f.exit_kind) ? "quarter_not_begun"
		                                                     : "no_post_exit",
		                   "This quarter cannot be filled in.", &v);
		goto out;
	}
	rc = pw_exit_quarter_lock(ctx->db, id, n, &rows);
	if (rc != PW_OK || rows->nrows != 1) {
		if (rc == PW_OK)
			api_not_found(ctx);
		else
			pw_response_error_rc(ctx->res, rc);
		goto out;
	}
	qid = pw_db_cell_int(rows, 0, QC_ID, 0);
	if (pw_db_cell_int(rows, 0, QC_VERSION, 0) != version) {
		pw_response_error_rc(ctx->res, PW_ERR_STALE);
		goto out;
	}
	pw_db_rows_free(rows);
	rows = NULL;
	/* The quarter's dates follow the current exit (R-DATE-2). */
	rc = pw_post_exit_quarter(f.exit_date, n, &q);
	doc = post_exit_json(ctx, &f, today);
	if (doc == NULL)
		goto out;
	json_object_object_get_ex(doc, "quarters", &before);
	before = json_object_get(json_object_array_get_idx(before, (size_t)n - 1));
	json_object_put(doc);
	if (rc == PW_OK)
		rc = pw_exit_quarter_update(ctx->db, qid, version, &e, &q);
	if (rc == PW_OK) {
		doc = post_exit_json(ctx, &f, today);
		if (doc == NULL)
			goto out;
		json_object_object_get_ex(doc, "quarters", &after);
		after = json_object_get(json_object_array_get_idx(after, (size_t)n - 1));
		json_object_put(doc);
		pw_gate_actor(ctx, &who);
		snprintf(action, sizeof(action), "update_quarter_%d", n);
		rc = pw_audit_write(ctx->db, &who, "post_exit", id, action,
		                    api_json_text(ctx, before), api_json_text(ctx, after),
		                    "R-PEX-1");
	}
	if (rc == PW_OK)
		rc = api_finish(ctx, rc);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		goto out;
	}
	api_etag(ctx, version + 1);
	pw_response_json(ctx->res, 200, after);
	after = NULL;
out:
	pw_db_rollback(ctx->db);
	pw_db_rows_free(rows);
	json_object_put(before);
	json_object_put(after);
}
