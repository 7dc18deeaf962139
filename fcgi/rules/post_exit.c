/*
 * post_exit.c: post-exit quarters, their outcome and source codes, and the
 * check of one quarter's entry (R-PEX-1, R-DATE-2). See post_exit.h.
 */
#include "rules/post_exit.h"

#include "pw.h"

#include <string.h>

struct code_row {
	int value;
	const char *code;
	const char *label;
};

static const struct code_row outcome_rows[] = {
        {PW_POST_EXIT_EMPLOYED, "employed", "Employed"},
        {PW_POST_EXIT_EMPLOYED_APPRENTICESHIP, "employed_registered_apprenticeship",
         "Employed in a Registered Apprenticeship"},
        {PW_POST_EXIT_MILITARY, "military", "Entered military service"},
        {PW_POST_EXIT_EDUCATION_TRAINING, "education_training", "In education or training"},
        {PW_POST_EXIT_NOT_EMPLOYED, "not_employed", "Not employed"},
        {PW_POST_EXIT_NOT_YET_KNOWN, "not_yet_known", "Not yet known"},
};

static const struct code_row source_rows[] = {
        {PW_POST_EXIT_SOURCE_UI_WAGE_MATCH, "ui_wage_match", "UI wage match"},
        {PW_POST_EXIT_SOURCE_FEDERAL_MILITARY_RECORDS, "federal_military_records",
         "Federal or military records"},
        {PW_POST_EXIT_SOURCE_PAY_STUB, "pay_stub", "Pay stub"},
        {PW_POST_EXIT_SOURCE_EMPLOYER_VERIFICATION, "employer_verification",
         "Employer verification"},
        {PW_POST_EXIT_SOURCE_OTHER, "other", "Other"},
};

static const struct code_row *by_value(const struct code_row *rows, size_t n, int value)
{
	for (size_t i = 0; i < n; i++) {
		if (rows[i].value == value)
			return &rows[i];
	}
	return NULL;
}

static int by_code(const struct code_row *rows, size_t n, const char *code, int *out)
{
	for (size_t i = 0; code != NULL && i < n; i++) {
		if (strcmp(rows[i].code, code) == 0) {
			*out = rows[i].value;
			return PW_OK;
		}
	}
	return PW_ERR_INVALID;
}

int pw_post_exit_outcome_from_code(const char *code, enum pw_post_exit_outcome *out)
{
	int value;
	int rc = by_code(outcome_rows, PW_ARRAY_LEN(outcome_rows), code, &value);

	if (rc == PW_OK)
		*out = (enum pw_post_exit_outcome)value;
	return rc;
}

const char *pw_post_exit_outcome_code(enum pw_post_exit_outcome o)
{
	const struct code_row *r = by_value(outcome_rows, PW_ARRAY_LEN(outcome_rows), (int)o);

	return r ? r->code : "";
}

const char *pw_post_exit_outcome_label(enum pw_post_exit_outcome o)
{
	const struct code_row *r = by_value(outcome_rows, PW_ARRAY_LEN(outcome_rows), (int)o);

	return r ? r->label : "";
}

bool pw_post_exit_outcome_needs_job(enum pw_post_exit_outcome o)
{
	return o == PW_POST_EXIT_EMPLOYED || o == PW_POST_EXIT_EMPLOYED_APPRENTICESHIP;
}

bool pw_post_exit_outcome_counts_as_employed(enum pw_post_exit_outcome o)
{
	return pw_post_exit_outcome_needs_job(o) || o == PW_POST_EXIT_MILITARY;
}

int pw_post_exit_source_from_code(const char *code, enum pw_post_exit_source *out)
{
	int value;
	int rc = by_code(source_rows, PW_ARRAY_LEN(source_rows), code, &value);

	if (rc == PW_OK)
		*out = (enum pw_post_exit_source)value;
	return rc;
}

const char *pw_post_exit_source_code(enum pw_post_exit_source s)
{
	const struct code_row *r = by_value(source_rows, PW_ARRAY_LEN(source_rows), (int)s);

	return r ? r->code : "";
}

const char *pw_post_exit_source_label(enum pw_post_exit_source s)
{
	const struct code_row *r = by_value(source_rows, PW_ARRAY_LEN(source_rows), (int)s);

	return r ? r->label : "";
}

/* R-PEX-1 */
bool pw_post_exit_applies(enum pw_exit_kind kind)
{
	return kind == PW_EXIT_REGULAR || kind == PW_EXIT_SOFT;
}

/* R-DATE-2 */
int pw_post_exit_quarter(pw_date exit_date, int n, struct pw_post_exit_quarter *out)
{
	if (!pw_date_is_valid(exit_date) || n < 1 || n > PW_POST_EXIT_QUARTERS)
		return PW_ERR_INVALID;
	out->number = n;
	out->index = pw_quarter_index(exit_date) + n;
	pw_quarter_bounds(out->index, &out->first, &out->last);
	return PW_OK;
}

/* R-PEX-1 */
size_t pw_post_exit_schedule(enum pw_exit_kind kind, pw_date exit_date,
                             struct pw_post_exit_quarter out[PW_POST_EXIT_QUARTERS])
{
	if (!pw_post_exit_applies(kind) || !pw_date_is_valid(exit_date))
		return 0;
	for (int n = 1; n <= PW_POST_EXIT_QUARTERS; n++)
		pw_post_exit_quarter(exit_date, n, &out[n - 1]);
	return PW_POST_EXIT_QUARTERS;
}

/* R-EXIT-7 */
bool pw_post_exit_entry_is_empty(const struct pw_post_exit_entry *e)
{
	return e->outcome == PW_POST_EXIT_NOT_YET_KNOWN && !e->has_earnings &&
	       e->verified == PW_DATE_NONE && !e->has_source && e->job_id == 0;
}

static const struct pw_post_exit_job *find_job(const struct pw_post_exit_job *jobs, size_t n,
                                               int64_t id)
{
	for (size_t i = 0; jobs != NULL && i < n; i++) {
		if (jobs[i].id == id)
			return &jobs[i];
	}
	return NULL;
}

/* The job's span [start, end or open] meets [q->first, q->last]. */
static bool job_overlaps(const struct pw_post_exit_job *j, const struct pw_post_exit_quarter *q)
{
	if (!pw_date_is_valid(j->start) || j->start > q->last)
		return false;
	return !pw_date_is_valid(j->end) || j->end >= q->first;
}

/* R-PEX-1 */
int pw_post_exit_validate(enum pw_exit_kind kind, pw_date exit_date, int n,
                          const struct pw_post_exit_entry *e, const struct pw_post_exit_job *jobs,
                          size_t n_jobs, pw_date as_of, struct pw_violations *v)
{
	size_t mark = v->n + v->dropped;
	struct pw_post_exit_quarter q;
	const struct pw_post_exit_job *job;
	bool outcome_known = by_value(outcome_rows, PW_ARRAY_LEN(outcome_rows), (int)e->outcome);
	char a[PW_DATE_STRLEN], b[PW_DATE_STRLEN];

	if (!pw_post_exit_applies(kind)) {
		pw_violation_add(v, "R-PEX-1", NULL,
		                 "This exit (%s) has no post-exit quarters to fill.",
		                 pw_exit_kind_label(kind));
		return PW_ERR_CONFLICT;
	}
	if (pw_post_exit_quarter(exit_date, n, &q) != PW_OK) {
		pw_violation_add(v, "R-PEX-1", "quarter", "The quarter must be 1, 2, 3 or 4.");
		return PW_ERR_INVALID;
	}
	pw_date_format(q.first, a);
	if ((!pw_date_is_valid(as_of) || as_of < q.first) && !pw_post_exit_entry_is_empty(e)) {
		pw_violation_add(
		        v, "R-PEX-1", "quarter",
		        "Quarter %d after exit begins on %s and cannot be filled before then.", n,
		        a);
		return PW_ERR_CONFLICT;
	}
	if (!outcome_known)
		pw_violation_add(v, "R-PEX-1", "outcome",
		                 "The outcome is not one of the listed ones.");
	if (e->has_source && !by_value(source_rows, PW_ARRAY_LEN(source_rows), (int)e->source))
		pw_violation_add(v, "R-PEX-1", "verification_source",
		                 "The verification source is not one of the listed ones.");
	if (e->has_earnings && e->earnings_cents < 0)
		pw_violation_add(v, "R-PEX-1", "earnings", "Earnings cannot be negative.");
	if (e->verified != PW_DATE_NONE) {
		pw_date_format(e->verified, b);
		if (!pw_date_is_valid(e->verified))
			pw_violation_add(v, "R-PEX-1", "verified_date",
			                 "The verified date is not a valid date.");
		else if (e->verified > as_of)
			pw_violation_add(v, "R-DATE-4", "verified_date",
			                 "The verified date %s is in the future.", b);
		else if (e->verified < q.first)
			pw_violation_add(v, "R-PEX-1", "verified_date",
			                 "The verified date %s is before the quarter begins (%s).",
			                 b, a);
	} else if (outcome_known && e->outcome != PW_POST_EXIT_NOT_YET_KNOWN) {
		pw_violation_add(v, "R-PEX-1", "verified_date",
		                 "Enter the date the document was verified.");
	}
	if (!outcome_known)
		goto out;
	if (!pw_post_exit_outcome_needs_job(e->outcome)) {
		if (e->job_id != 0)
			pw_violation_add(v, "R-PEX-1", "employment_id",
			                 "\"%s\" does not refer to an employment record.",
			                 pw_post_exit_outcome_label(e->outcome));
		goto out;
	}
	if (!e->has_source)
		pw_violation_add(v, "R-PEX-1", "verification_source",
		                 "Select the source used to verify employment.");
	if (e->job_id == 0) {
		pw_violation_add(v, "R-PEX-1", "employment_id",
		                 "Select the employment record this outcome refers to.");
		goto out;
	}
	job = find_job(jobs, n_jobs, e->job_id);
	if (job == NULL) {
		pw_violation_add(v, "R-PEX-1", "employment_id",
		                 "The employment record is not one of this participant's.");
		goto out;
	}
	if (!job_overlaps(job, &q)) {
		pw_date_format(q.last, b);
		pw_violation_add(v, "R-PEX-1", "employment_id",
		                 "The employment record does not overlap quarter %d (%s to %s).", n,
		                 a, b);
	}
out:
	return v->n + v->dropped > mark ? PW_ERR_INVALID : PW_OK;
}
