/*
 * summary.c: the summary item kinds of the Outcomes tab (R-SUM-1). See
 * summary.h. Result texts follow the agency screens: an unmet item reads
 * "Not Completed"; met items say what was found.
 */
#include "rules/summary.h"

#include "pw.h"
#include "rules/checklist.h"

#include <stdio.h>
#include <string.h>

#define NOT_COMPLETED "Not Completed"

typedef bool (*summary_fn)(const struct pw_summary_facts *f, char *res, size_t cap);

const char *pw_summary_status_text(bool complete)
{
	return complete ? "Complete" : "Not Complete";
}

static bool set(char *res, size_t cap, bool complete, const char *text)
{
	snprintf(res, cap, "%s", complete ? text : NOT_COMPLETED);
	return complete;
}

/* workNet: every service (follow-up services aside, as in the checklist)
 * completed successfully / unsuccessfully or deleted. */
static bool sum_services_complete(const struct pw_summary_facts *f, char *res, size_t cap)
{
	for (size_t i = 0; f->services != NULL && i < f->n_services; i++) {
		const struct pw_service *s = &f->services[i];

		if (s->type.followup || s->status == PW_SERVICE_DELETED ||
		    pw_service_status_is_completed(s->status))
			continue;
		return set(res, cap, false, "");
	}
	return set(res, cap, true, "All services complete.");
}

static bool sum_msg_entered(const struct pw_summary_facts *f, char *res, size_t cap)
{
	return set(res, cap, f->n_skill_gains > 0, "At least 1 skill gain entered.");
}

static bool sum_credentials(const struct pw_summary_facts *f, char *res, size_t cap)
{
	return set(res, cap, f->n_credentials > 0, "At least 1 credential entered.");
}

static bool exited(const struct pw_summary_facts *f)
{
	return f->status == PW_ENROLLMENT_EXITED;
}

/* workNet: "Customer is exited." Shows the date and the kind of exit. */
static bool sum_exited(const struct pw_summary_facts *f, char *res, size_t cap)
{
	char d[PW_DATE_STRLEN];

	if (!exited(f))
		return set(res, cap, false, "");
	pw_date_format(f->exit_date, d);
	snprintf(res, cap, "Exited %s (%s)", d, pw_exit_kind_label(f->exit_kind));
	return true;
}

/* ISETS: "Exited from program. (Successful/Unsuccessful)": shows the
 * completion status when the exit has one, else as sum_exited. */
static bool sum_exited_completion(const struct pw_summary_facts *f, char *res, size_t cap)
{
	enum pw_checklist_isets_completion c;

	if (exited(f) && pw_checklist_isets_completion_from_code(f->completion_status, &c) == PW_OK)
		return set(res, cap, true, pw_checklist_isets_completion_label(c));
	return sum_exited(f, res, cap);
}

static bool sum_followup(const struct pw_summary_facts *f, char *res, size_t cap)
{
	struct pw_followup_status st;

	if (f->followup == NULL || pw_followup_evaluate(f->followup, f->as_of, &st) != PW_OK)
		return set(res, cap, false, "");
	if (st.state == PW_FOLLOWUP_NOT_REQUIRED)
		return set(res, cap, true, "Not Required");
	return set(res, cap, st.complete, "Complete");
}

/* ISETS: at least one activity (supportive services aside) completed
 * successfully. */
static bool sum_activity_success(const struct pw_summary_facts *f, char *res, size_t cap)
{
	for (size_t i = 0; f->services != NULL && i < f->n_services; i++) {
		const struct pw_service *s = &f->services[i];

		if (!s->type.supportive && s->status == PW_SERVICE_COMPLETED_SUCCESSFUL)
			return set(res, cap, true, "At least 1 activity completed successfully.");
	}
	return set(res, cap, false, "");
}

static bool sum_employment_gained(const struct pw_summary_facts *f, char *res, size_t cap)
{
	return set(res, cap, f->n_jobs > 0, "At least 1 employment entered.");
}

/* R-EMP-2: days retained = (end date or as-of date) - start date, never
 * counting days after as_of (a job that ends later is still held then); a
 * job that starts after as_of has 0 days. -1 for a job without a start. */
static int64_t days_retained(const struct pw_post_exit_job *j, pw_date as_of)
{
	pw_date until = pw_date_is_valid(j->end) && j->end < as_of ? j->end : as_of;
	int64_t days;

	if (!pw_date_is_valid(j->start))
		return -1;
	days = pw_date_diff(until, j->start);
	return days < 0 ? 0 : days;
}

/* R-EMP-2: met when any job reaches 90 days; shows the longest. */
static bool sum_retained_90(const struct pw_summary_facts *f, char *res, size_t cap)
{
	int64_t best = -1;

	for (size_t i = 0; f->jobs != NULL && i < f->n_jobs; i++) {
		int64_t d = days_retained(&f->jobs[i], f->as_of);

		if (d > best)
			best = d;
	}
	if (best < PW_SUMMARY_RETENTION_DAYS)
		return set(res, cap, false, "");
	snprintf(res, cap, "Complete (%lld Days)", (long long)best);
	return true;
}

struct summary_kind {
	const char *code;
	const char *label;
	summary_fn eval;
};

/* R-SUM-1: workNet items first, then ISETS items. */
static const struct summary_kind kinds[] = {
        {"services_complete", "All services marked as complete (successfully/unsuccessfully).",
         sum_services_complete},
        {"msg_entered", "Measurable Skill Gains (MSG) have been entered.", sum_msg_entered},
        {"credentials_entered", "Industry recognized credentials have been entered.",
         sum_credentials},
        {"exited", "Customer is exited.", sum_exited},
        {"followup_complete", "Follow-up is complete.", sum_followup},
        {"activity_completed_successfully", "Successfully completed a SNAP E&T Activity.",
         sum_activity_success},
        {"credential_gained", "Gained a credential.", sum_credentials},
        {"employment_gained", "Gained employment.", sum_employment_gained},
        {"employment_retained_90_days", "Retained employment for 90 Days.", sum_retained_90},
        {"exited_completion", "Exited from program. (Successful/Unsuccessful)",
         sum_exited_completion},
};

static const struct summary_kind *kind_by_code(const char *code)
{
	for (size_t i = 0; code != NULL && i < PW_ARRAY_LEN(kinds); i++) {
		if (strcmp(kinds[i].code, code) == 0)
			return &kinds[i];
	}
	return NULL;
}

size_t pw_summary_kind_count(void)
{
	return PW_ARRAY_LEN(kinds);
}

const char *pw_summary_kind_code(size_t i)
{
	return i < PW_ARRAY_LEN(kinds) ? kinds[i].code : NULL;
}

const char *pw_summary_kind_label(size_t i)
{
	return i < PW_ARRAY_LEN(kinds) ? kinds[i].label : NULL;
}

bool pw_summary_kind_known(const char *code)
{
	return kind_by_code(code) != NULL;
}

int pw_summary_validate_profile(const char *const *codes, size_t n, struct pw_violations *v)
{
	size_t mark = v->n + v->dropped;

	for (size_t i = 0; i < n; i++) {
		const char *code = codes ? codes[i] : NULL;

		if (kind_by_code(code) == NULL) {
			pw_violation_add(v, "R-SUM-1", "summary",
			                 "Summary item %zu has an unknown code.", i + 1);
			continue;
		}
		for (size_t j = 0; j < i; j++) {
			if (codes[j] != NULL && strcmp(codes[j], code) == 0) {
				pw_violation_add(v, "R-SUM-1", "summary",
				                 "Summary item \"%s\" is listed twice.", code);
				break;
			}
		}
	}
	return v->n + v->dropped > mark ? PW_ERR_INVALID : PW_OK;
}

/* R-SUM-1 */
int pw_summary_evaluate(const struct pw_summary_facts *f, const char *const *codes, size_t n,
                        struct pw_summary_result *out, size_t cap, struct pw_violations *v)
{
	int rc = pw_summary_validate_profile(codes, n, v);

	if (rc != PW_OK)
		return rc;
	if (!pw_date_is_valid(f->as_of)) {
		pw_violation_add(v, "R-DATE-4", "as_of", "The summary needs a valid as-of date.");
		return PW_ERR_INVALID;
	}
	if (cap < n)
		return PW_ERR_TOO_LARGE;
	for (size_t i = 0; i < n; i++) {
		const struct summary_kind *k = kind_by_code(codes[i]);

		out[i].code = k->code;
		out[i].label = k->label;
		out[i].complete = k->eval(f, out[i].result, sizeof(out[i].result));
	}
	return PW_OK;
}
