/*
 * post_exit.h: the four quarters after exit (R-PEX-1, R-DATE-2).
 *
 * A regular or soft exit opens four calendar quarters after the exit
 * quarter; in each, staff record what the participant was doing (employed,
 * military, in education...), the quarter's earnings, how and when it was
 * verified and, for employment, which job. Hard exits and not-enrolled
 * closures have none (R-EXIT-4, R-EXIT-6). This header gives the quarters'
 * dates, the outcome and verification-source codes, and the check of one
 * quarter's entry against the participant's jobs, as of an explicit date.
 */
#ifndef PW_RULES_POST_EXIT_H
#define PW_RULES_POST_EXIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rules/dates.h"
#include "rules/exit.h"
#include "rules/violation.h"

#define PW_POST_EXIT_QUARTERS 4

/* R-PEX-1. Codes "employed", "employed_registered_apprenticeship",
 * "military", "education_training", "not_employed", "not_yet_known". */
enum pw_post_exit_outcome {
	PW_POST_EXIT_EMPLOYED,
	PW_POST_EXIT_EMPLOYED_APPRENTICESHIP,
	PW_POST_EXIT_MILITARY,
	PW_POST_EXIT_EDUCATION_TRAINING,
	PW_POST_EXIT_NOT_EMPLOYED,
	PW_POST_EXIT_NOT_YET_KNOWN,
};
int pw_post_exit_outcome_from_code(const char *code, enum pw_post_exit_outcome *out);
const char *pw_post_exit_outcome_code(enum pw_post_exit_outcome o);
const char *pw_post_exit_outcome_label(enum pw_post_exit_outcome o);
/* Employed or employed in a registered apprenticeship: the entry refers to
 * an employment record that overlaps the quarter. */
bool pw_post_exit_outcome_needs_job(enum pw_post_exit_outcome o);
/* WIOA counts entering the military as employment (for R-PERF-2). */
bool pw_post_exit_outcome_counts_as_employed(enum pw_post_exit_outcome o);

/* R-PEX-1. Codes "ui_wage_match", "federal_military_records", "pay_stub",
 * "employer_verification", "other". */
enum pw_post_exit_source {
	PW_POST_EXIT_SOURCE_UI_WAGE_MATCH,
	PW_POST_EXIT_SOURCE_FEDERAL_MILITARY_RECORDS,
	PW_POST_EXIT_SOURCE_PAY_STUB,
	PW_POST_EXIT_SOURCE_EMPLOYER_VERIFICATION,
	PW_POST_EXIT_SOURCE_OTHER,
};
int pw_post_exit_source_from_code(const char *code, enum pw_post_exit_source *out);
const char *pw_post_exit_source_code(enum pw_post_exit_source s);
const char *pw_post_exit_source_label(enum pw_post_exit_source s);

/* One quarter after exit: its number (1..4), calendar quarter index
 * (R-DATE-2) and first / last day. */
struct pw_post_exit_quarter {
	int number;
	int index;
	pw_date first;
	pw_date last;
};

/* A job as the post-exit rules and the summary need it (R-EMP-1): the
 * employment record's id and its span; end PW_DATE_NONE while current. */
struct pw_post_exit_job {
	int64_t id;
	pw_date start;
	pw_date end;
};

/* R-PEX-1: regular and soft exits create post-exit quarters; hard exits and
 * not-enrolled closures do not. */
bool pw_post_exit_applies(enum pw_exit_kind kind);

/* R-DATE-2: the n-th quarter after an exit on exit_date (n 1..4; exit
 * 2017-06-01, n 2 -> 2017-10-01..2017-12-31). PW_OK, or PW_ERR_INVALID for
 * an invalid date or n. */
int pw_post_exit_quarter(pw_date exit_date, int n, struct pw_post_exit_quarter *out);

/* R-PEX-1: the schedule an exit of `kind` on exit_date creates: writes the
 * four quarters into out and returns 4, or returns 0 (out untouched) for a
 * hard or not-enrolled exit or an invalid date. */
size_t pw_post_exit_schedule(enum pw_exit_kind kind, pw_date exit_date,
                             struct pw_post_exit_quarter out[PW_POST_EXIT_QUARTERS]);

/* What staff enter for one quarter. */
struct pw_post_exit_entry {
	enum pw_post_exit_outcome outcome;
	bool has_earnings;
	int64_t earnings_cents; /* earnings for the quarter, in cents */
	pw_date verified;       /* the date the document was verified; NONE if not given */
	bool has_source;
	enum pw_post_exit_source source;
	int64_t job_id; /* the employment record referred to; 0 for none */
};

/* True when the entry holds no data: outcome not yet known and nothing
 * else. An undone exit (R-EXIT-7) removes only quarters whose entry is
 * empty; it never deletes entered outcome data. */
bool pw_post_exit_entry_is_empty(const struct pw_post_exit_entry *e);

/* R-PEX-1: checks filling quarter n (1..4) of an enrollment that exited with
 * `kind` on exit_date, as of as_of, against the participant's jobs.
 * PW_ERR_CONFLICT when the exit has no post-exit quarters, or the quarter
 * has not begun (an empty entry excepted). Otherwise PW_ERR_INVALID for:
 * an unknown outcome or source; negative earnings; a verified date in the
 * future or before the quarter begins; a missing verified date for any known
 * outcome; a missing source or job for an employment outcome, a job that is
 * not one of `jobs` or does not overlap the quarter ([start, end or open]);
 * a job referred to by a non-employment outcome. PW_OK when all pass. */
int pw_post_exit_validate(enum pw_exit_kind kind, pw_date exit_date, int n,
                          const struct pw_post_exit_entry *e, const struct pw_post_exit_job *jobs,
                          size_t n_jobs, pw_date as_of, struct pw_violations *v);

#endif
