/*
 * employment.h: jobs a participant holds (R-EMP-1, R-EMP-2).
 *
 * A job is what the workNet "Add Employment" form records: employer, dates,
 * title, SOC code, address, duties, hours, wage and its period, whether it is
 * current, and whether it meets the participant's needs and why. From jobs
 * this module computes the days retained (ISETS "Retained employment for 90
 * days ... Complete (111 Days)"), wage equivalents for reports, and whether a
 * job overlaps a date range (a post-exit quarter, R-PEX-1).
 *
 * Money is in cents (int64_t). Strings are NUL-terminated and borrowed; NULL
 * means absent. Nothing here allocates.
 */
#ifndef PW_RULES_EMPLOYMENT_H
#define PW_RULES_EMPLOYMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rules/dates.h"
#include "rules/education.h"
#include "rules/violation.h"

#define PW_EMPLOYMENT_TEXT_MAX      255  /* employer, title, street, city (bytes) */
#define PW_EMPLOYMENT_LONG_MAX      4000 /* duties, why the job meets needs (bytes) */
#define PW_EMPLOYMENT_HOURS_MAX     168.0
#define PW_EMPLOYMENT_WAGE_MAX      100000000000LL /* cents per period: $1 billion */
#define PW_EMPLOYMENT_RETAINED_DAYS 90             /* R-EMP-2 */

/* The workNet "Wage Per" choices. */
enum pw_wage_period {
	PW_WAGE_NONE = 0,
	PW_WAGE_HOUR,  /* "hour" */
	PW_WAGE_WEEK,  /* "week" */
	PW_WAGE_MONTH, /* "month" */
	PW_WAGE_YEAR,  /* "year" */
};

/* One job, as entered. */
struct pw_job {
	bool is_current; /* "Select if position is current" */
	const char *employer;
	pw_date start_date; /* PW_DATE_NONE if absent */
	pw_date end_date;   /* PW_DATE_NONE for a current job */
	const char *job_title;
	const char *soc_code; /* "NN-NNNN" or O*NET "NN-NNNN.NN" */
	const char *street1;
	const char *street2; /* optional */
	const char *city;
	const char *state; /* USPS code of a state, DC or territory, upper case */
	const char *zip;   /* "NNNNN" or "NNNNN-NNNN" */
	const char *duties;
	double hours_per_week;
	int64_t wage_cents;
	enum pw_wage_period wage_period;
	enum pw_answer meets_needs;  /* "Does this job meet your needs?" */
	const char *meets_needs_why; /* "Why or Why not?" */
};

/* *_code() and *_label() return a static string, "" for the NONE value or
 * one out of range. *_from_code() takes a NUL-terminated code and returns
 * PW_OK, or PW_ERR_INVALID (out untouched) if unknown or NULL. */
const char *pw_employment_wage_period_code(enum pw_wage_period p);
const char *pw_employment_wage_period_label(enum pw_wage_period p);
int pw_employment_wage_period_from_code(const char *code, enum pw_wage_period *out);

/* Format checks on NUL-terminated strings (NULL is false). */
bool pw_employment_soc_code_valid(const char *s); /* NN-NNNN or NN-NNNN.NN, digits */
/* The 50 states, DC, and the territories AS, GU, MP, PR, VI. Military (AA,
 * AE, AP) and freely associated states (FM, MH, PW) are not accepted. */
bool pw_employment_state_valid(const char *s);
bool pw_employment_zip_valid(const char *s); /* NNNNN or NNNNN-NNNN */

/*
 * R-EMP-1, R-DATE-4: checks j as of as_of, appending one violation per broken
 * rule to v (initialised by the caller). A current job has no end date; a job
 * that is not current needs one, on or after the start and not in the future.
 * Returns PW_OK if nothing was appended, PW_ERR_INVALID otherwise.
 */
int pw_employment_validate(const struct pw_job *j, pw_date as_of, struct pw_violations *v);

/*
 * R-EMP-2: days retained as of as_of = (end date, or as_of when the job has
 * none or ends later) - start date. A job starting after as_of, or with no
 * start date, has 0. Start 2023-08-01, as of 2023-11-20: 111.
 */
int pw_employment_days_retained(const struct pw_job *j, pw_date as_of);

/* R-EMP-2: the most days any of jobs[0..n) has been retained (0 if none). */
int pw_employment_max_days_retained(const struct pw_job *jobs, size_t n, pw_date as_of);

/* R-EMP-2: true when some job reaches 90 days retained; *days (may be NULL)
 * receives the most days retained, for "Complete (111 Days)". */
bool pw_employment_retained_90(const struct pw_job *jobs, size_t n, pw_date as_of, int *days);

/*
 * Wage equivalents, rounded to the nearest cent (halves up). Assumptions: a
 * year is 52 weeks and 12 months; a week has the job's own hours per week; a
 * quarter is 13 weeks (so a monthly wage times 3, a yearly one divided by 4).
 * Return PW_OK, or PW_ERR_INVALID (out untouched) when the wage, its period or
 * (where needed) the hours are missing or out of range.
 */
int pw_employment_hourly_cents(const struct pw_job *j, int64_t *out);
int pw_employment_weekly_cents(const struct pw_job *j, int64_t *out);
int pw_employment_quarterly_cents(const struct pw_job *j, int64_t *out);

/* True when the job (start .. end, open-ended without an end date) shares at
 * least one day with from .. to (both inclusive). False if the job has no
 * start date or from > to. Used for post-exit quarters (R-PEX-1). */
bool pw_employment_overlaps(const struct pw_job *j, pw_date from, pw_date to);

#endif
