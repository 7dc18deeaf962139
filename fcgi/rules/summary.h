/*
 * summary.h: the Outcomes tab's summary, computed on request (R-SUM-1).
 *
 * Each profile lists its summary items by code, in display order. An item
 * kind reads plain facts about one enrollment and yields a result text
 * ("Not Completed", "At least 1 credential entered.", "Complete (111 Days)")
 * and Complete / Not Complete. Nothing is stored. Unknown codes are errors.
 */
#ifndef PW_RULES_SUMMARY_H
#define PW_RULES_SUMMARY_H

#include <stdbool.h>
#include <stddef.h>

#include "rules/dates.h"
#include "rules/exit.h"
#include "rules/followup.h"
#include "rules/post_exit.h"
#include "rules/service.h"
#include "rules/violation.h"

/* R-EMP-2: days a job must reach for "retained employment for 90 days". */
#define PW_SUMMARY_RETENTION_DAYS 90
#define PW_SUMMARY_RESULT         64

struct pw_summary_facts {
	const struct pw_service *services;
	size_t n_services;
	size_t n_skill_gains;
	size_t n_credentials;
	const struct pw_post_exit_job *jobs; /* the participant's employment records */
	size_t n_jobs;
	enum pw_enrollment_status status;
	enum pw_exit_kind exit_kind;   /* meaningful when exited */
	pw_date exit_date;             /* meaningful when exited */
	const char *completion_status; /* ISETS completion status code of the exit, or NULL */
	const struct pw_followup_facts *followup; /* NULL: no follow-up data */
	pw_date as_of;
};

struct pw_summary_result {
	const char *code;  /* static: the item kind's code */
	const char *label; /* static: "Gained a credential." */
	bool complete;
	char result[PW_SUMMARY_RESULT]; /* "At least 1 credential entered." */
};

/* "Complete" or "Not Complete". */
const char *pw_summary_status_text(bool complete);

/* Item kinds, for profile editors. */
size_t pw_summary_kind_count(void);
const char *pw_summary_kind_code(size_t i);  /* NULL when out of range */
const char *pw_summary_kind_label(size_t i); /* NULL when out of range */
bool pw_summary_kind_known(const char *code);

/* Checks a profile's list of summary codes: known, none twice. Violations
 * (rule "R-SUM-1", field "summary"); PW_OK or PW_ERR_INVALID. */
int pw_summary_validate_profile(const char *const *codes, size_t n, struct pw_violations *v);

/* R-SUM-1: evaluates codes[0..n) over f into out[0..n) in the same order.
 * PW_ERR_INVALID (violations appended) for a bad list or invalid as_of,
 * PW_ERR_TOO_LARGE when cap < n, PW_OK otherwise. */
int pw_summary_evaluate(const struct pw_summary_facts *f, const char *const *codes, size_t n,
                        struct pw_summary_result *out, size_t cap, struct pw_violations *v);

#endif
