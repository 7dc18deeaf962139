/*
 * indicators.h: the WIOA primary indicators of performance for a report
 * program year (R-PERF-1..5).
 *
 * The report handler loads one struct pw_perf_record per enrollment of the
 * program / provider / period asked for (its exit, post-exit quarters,
 * education and training periods, credentials and skill gains) and calls
 * pw_indicators_compute(). Each rate comes back as numerator, denominator and
 * rate, with has_denominator false when nobody is in the cohort, so a report
 * can say "no denominator" rather than 0%.
 *
 * Who is left out (R-PERF-1): an enrollment with a hard exit or a later
 * exclusion (R-EXIT-4/5) is out of every indicator, including the skill-gain
 * rate; a not-enrolled one (R-EXIT-6) is never a participant. Exit-based
 * indicators count regular and soft exits whose exit date is in the cohort of
 * R-PERF-5.
 *
 * All arrays are borrowed from the caller and only read.
 */
#ifndef PW_RULES_INDICATORS_H
#define PW_RULES_INDICATORS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rules/credential.h"
#include "rules/dates.h"

/* The indicators, for cohorts and report labels. */
enum pw_perf_indicator {
	PW_PERF_NONE = 0,
	PW_PERF_EMPLOYMENT_Q2,      /* "employment_q2" */
	PW_PERF_EMPLOYMENT_Q4,      /* "employment_q4" */
	PW_PERF_MEDIAN_EARNINGS_Q2, /* "median_earnings_q2" */
	PW_PERF_CREDENTIAL,         /* "credential" */
	PW_PERF_MSG,                /* "msg" */
};

/* How the enrollment ended, as far as the indicators care. */
enum pw_perf_exit {
	PW_PERF_EXIT_NONE = 0, /* still enrolled */
	PW_PERF_EXIT_REGULAR,
	PW_PERF_EXIT_SOFT,
	PW_PERF_EXIT_HARD,         /* R-EXIT-4: always excluded */
	PW_PERF_EXIT_NOT_ENROLLED, /* R-EXIT-6: never counted */
};

/* A post-exit quarter's outcome (R-PEX-1). */
enum pw_perf_outcome {
	PW_PERF_OUTCOME_NONE = 0, /* nothing entered yet */
	PW_PERF_OUTCOME_EMPLOYED,
	PW_PERF_OUTCOME_APPRENTICESHIP, /* employed in a registered apprenticeship */
	PW_PERF_OUTCOME_MILITARY,
	PW_PERF_OUTCOME_EDUCATION, /* in education or training */
	PW_PERF_OUTCOME_NOT_EMPLOYED,
	PW_PERF_OUTCOME_UNKNOWN, /* "not yet known" */
};

struct pw_perf_quarter {
	enum pw_perf_outcome outcome;
	int64_t earnings_cents; /* earnings of the quarter; 0 or less = not recorded */
};

/* A period of education or training during participation (a training
 * service, secondary school, ...). */
struct pw_perf_period {
	pw_date start;
	pw_date end;            /* PW_DATE_NONE while it goes on */
	bool ojt_or_customized; /* on-the-job or customized training */
};

struct pw_perf_credential {
	pw_date date;
	enum pw_credential_type type;
};

/* One enrollment. */
struct pw_perf_record {
	bool youth; /* a youth program: education/training counts as a placement */
	enum pw_perf_exit exit_kind;
	pw_date exit_date;                  /* PW_DATE_NONE while enrolled */
	bool excluded;                      /* an exclusion reason (R-EXIT-4/5) */
	bool not_enrolled;                  /* R-EXIT-6 */
	pw_date participation_date;         /* PW_DATE_NONE: never participated */
	struct pw_perf_quarter quarters[4]; /* [0] = Q1 after exit .. [3] = Q4 */
	/* Education/training periods. "In education or training" (R-PERF-3/4)
	 * means having one; credential attainment needs one that is not
	 * OJT/customized. */
	const struct pw_perf_period *training;
	size_t n_training;
	const struct pw_perf_credential *credentials;
	size_t n_credentials;
	/* The program year each skill gain counts in, as
	 * pw_skill_gain_program_year() gives it (R-MSG-1/2). */
	const int *gain_years;
	size_t n_gains;
	/* Employed or in education/training within one year after exit, known
	 * from follow-up (R-PERF-3). An employment or education outcome in any
	 * of the four quarters counts too. */
	bool employed_or_education_within_year;
};

/* A rate. rate is numerator / denominator, 0 when has_denominator is false.
 * pending counts, for the employment rates, the denominator's members whose
 * quarter outcome is not entered or not yet known (they count as not
 * employed); it is 0 for the other rates. */
struct pw_perf_rate {
	size_t numerator;
	size_t denominator;
	bool has_denominator;
	double rate;
	size_t pending;
};

struct pw_perf_median {
	size_t count;   /* how many earnings the median is taken over */
	bool has_value; /* false when count is 0 */
	int64_t median_cents;
};

struct pw_perf_report {
	int program_year;
	struct pw_perf_rate employment_q2;
	struct pw_perf_rate employment_q4;
	struct pw_perf_median median_earnings_q2;
	struct pw_perf_rate credential;
	struct pw_perf_rate msg;
};

/* *_code() and *_label() return a static string, "" for the NONE value or
 * one out of range. *_from_code() takes a NUL-terminated code and returns
 * PW_OK, or PW_ERR_INVALID (out untouched) if unknown or NULL. */
const char *pw_indicators_code(enum pw_perf_indicator i);
const char *pw_indicators_label(enum pw_perf_indicator i);
int pw_indicators_from_code(const char *code, enum pw_perf_indicator *out);

/*
 * R-PERF-5: the dates the cohort of indicator i covers in the report of
 * program year py. Employment Q2 and median earnings: exits July 1 of py-1 ..
 * June 30 of py. Employment Q4 and credential: exits January 1 .. December 31
 * of py-1. MSG: program year py itself (July 1 of py .. June 30 of py+1).
 * Returns PW_OK, or PW_ERR_INVALID (outputs untouched) for PW_PERF_NONE or an
 * unknown indicator.
 */
int pw_indicators_cohort(enum pw_perf_indicator i, int py, pw_date *first, pw_date *last);

/*
 * R-PERF-1/2: employment rate in quarter 2 or 4 after exit for the report of
 * program year py: of the cohort's counted exiters, those employed (employed,
 * registered apprenticeship, military) in that quarter; for youth, in
 * education or training counts as well. PW_ERR_INVALID for another quarter.
 */
int pw_indicators_employment_rate(const struct pw_perf_record *r, size_t n, int py, int quarter,
                                  struct pw_perf_rate *out);

/*
 * R-PERF-2: the median of the Q2 earnings of the Q2 cohort's exiters employed
 * in Q2 (education alone does not count) whose earnings are recorded.
 * Allocates a scratch array of up to n int64_t and frees it before
 * returning. Returns PW_OK or PW_ERR_NOMEM.
 */
int pw_indicators_median_earnings_q2(const struct pw_perf_record *r, size_t n, int py,
                                     struct pw_perf_median *out);

/*
 * R-PERF-3: of the cohort's counted exiters who had an education or training
 * period other than OJT/customized training, those with a credential dated
 * within participation or one year after exit (pw_credential_in_window); a
 * secondary diploma counts only with employment or education/training within
 * one year after exit.
 */
void pw_indicators_credential_rate(const struct pw_perf_record *r, size_t n, int py,
                                   struct pw_perf_rate *out);

/*
 * R-PERF-4: of the counted participants with an education or training period
 * (OJT and customized included) overlapping both their participation and
 * program year py, those with at least one gain counting in py (a person with
 * several gains counts once).
 */
void pw_indicators_msg_rate(const struct pw_perf_record *r, size_t n, int py,
                            struct pw_perf_rate *out);

/*
 * The median of values[0..n), n >= 1, all >= 0: the middle value, or for an
 * even count the mean of the two middle values rounded half up to a cent.
 * Allocates a sorted copy of values (freed before returning).
 * Returns PW_OK, PW_ERR_INVALID (n == 0 or a negative value), PW_ERR_NOMEM.
 */
int pw_indicators_median(const int64_t *values, size_t n, int64_t *out);

/* Everything above for program year py. Returns PW_OK or PW_ERR_NOMEM (out
 * then holds the rates but no median). */
int pw_indicators_compute(const struct pw_perf_record *r, size_t n, int py,
                          struct pw_perf_report *out);

#endif
