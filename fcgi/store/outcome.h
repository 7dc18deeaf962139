/*
 * store/outcome.h: what every outcome record (skill gains, credentials,
 * jobs, trackers, success stories, assessments) needs to know about the
 * enrollment or participant it is written under, and the small conversions
 * the outcome stores share.
 *
 * The rules in fcgi/rules/ take plain facts: participation and exit dates,
 * the participant's education at entry, the school status at exit, whether
 * the region asks for an agency code (R-CRED-1, R-MSG-1..3). This file loads
 * them in one query so a handler can fill the rules' context structs.
 */
#ifndef PW_STORE_OUTCOME_H
#define PW_STORE_OUTCOME_H

#include "rules/dates.h"

#include <stdbool.h>
#include <stddef.h>

struct pw_db;
struct pw_db_rows;
struct pw_db_param;
struct pw_arena;

/* One enrollment as the outcome rules see it. Strings live in the arena
 * given to pw_outcome_enrollment_facts; NULL means not recorded. */
struct pw_outcome_facts {
	long long enrollment_id;
	long long participant_id;
	long long program_id;
	pw_date participation_date;        /* PW_DATE_NONE while referred */
	pw_date exit_date;                 /* PW_DATE_NONE until exited */
	const char *status;                /* "referred", "enrolled", "exited", "not_enrolled" */
	bool requires_agency_code;         /* the region's rule (R-CRED-1, profile) */
	const char *school_status_at_exit; /* pw_exit_school_status code */
	const char *education_at_entry;    /* participants.highest_education */
};

/*
 * Loads the facts of enrollment id into out. With lock set, the enrollment
 * row is read with a shared lock held until the transaction ends (call it
 * inside one), so an exit or undo cannot commit between the check of a
 * window and the write that relies on it. PW_ERR_NOT_FOUND when there is no
 * such enrollment; PW_ERR_DB when a stored date is unreadable.
 */
int pw_outcome_enrollment_facts(struct pw_db *db, struct pw_arena *a, long long id, bool lock,
                                struct pw_outcome_facts *out);

/*
 * 1 in *found when enrollment_id is an enrollment of participant_id, else
 * 0 (used where a participant's record may name one of their enrollments).
 */
int pw_outcome_enrollment_of(struct pw_db *db, long long enrollment_id, long long participant_id,
                             int *found);

/* A DATE parameter for d: its text in buf (PW_DATE_STRLEN bytes, which must
 * live until the statement has run), or SQL NULL when d is not a date. */
struct pw_db_param pw_outcome_date_param(pw_date d, char *buf);

/* Cell (r, c) of rows as a date: PW_DATE_NONE for NULL; PW_ERR_DB when the
 * cell holds something else than YYYY-MM-DD. */
int pw_outcome_cell_date(const struct pw_db_rows *rows, size_t r, size_t c, pw_date *d);

/* Cell (r, c) as a double, or dflt for NULL. */
double pw_outcome_cell_double(const struct pw_db_rows *rows, size_t r, size_t c, double dflt);

#endif
