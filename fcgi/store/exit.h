/*
 * store/exit.h: the SQL of exits (R-EXIT-1..9), the post-exit quarters
 * (R-PEX-1), the sweep's bookkeeping and its locked candidate queries, the
 * soft-exit watch list and the follow-up notes of an enrollment.
 *
 * Every write here runs inside the caller's transaction, next to its audit
 * row. An exit is written only while the enrollment is still open: the
 * UPDATE itself checks the status, so even a caller that forgot its row
 * lock cannot exit an enrollment twice (PW_ERR_CONFLICT). The rules decide;
 * this file only stores what they decided.
 */
#ifndef PW_STORE_EXIT_H
#define PW_STORE_EXIT_H

#include "rules/dates.h"
#include "rules/exit.h"
#include "rules/post_exit.h"
#include "rules/service.h"
#include "store/scope.h"

#include <stdbool.h>
#include <stddef.h>

struct pw_db;
struct pw_db_rows;
struct pw_arena;

/* An exit as it is stored. Strings are borrowed; NULL stores NULL. */
struct pw_exit_write {
	enum pw_enrollment_status status; /* exited or not_enrolled */
	enum pw_exit_kind kind;
	pw_date exit_date;
	const char *exit_reason;
	const char *exclusion_reason; /* R-EXIT-4: PIRL 923 code of a hard exit */
	const char *school_status;
	const char *isets_program;
	const char *completion_status;
	const char *outcome_reason;
	pw_date program_completion_date; /* PW_DATE_NONE: none */
	const char *comments;
	long long by_user_id; /* 0: the system */
	const char *by_label; /* "system" or the staff member's login */
};

/* Records the exit of enrollment id and closes its case (case status
 * closed; C-Work's CLOSED / EXITED). PW_ERR_CONFLICT when the enrollment is
 * no longer referred or enrolled. */
int pw_exit_write(struct pw_db *db, long long id, const struct pw_exit_write *w);

/* R-EXIT-7: clears the exit of enrollment id (exclusion included) and
 * reopens it with status `restore`. PW_ERR_CONFLICT when it has not
 * exited; PW_ERR_DUPLICATE when the participant has meanwhile opened
 * another enrollment in the same program with the same provider. */
int pw_exit_clear(struct pw_db *db, long long id, enum pw_enrollment_status restore);

/* R-EXIT-5: records a late exclusion reason on an exited enrollment that
 * has none. PW_ERR_CONFLICT otherwise. */
int pw_exit_add_exclusion(struct pw_db *db, long long id, const char *reason);

/* R-EXIT-4: sets service id of enrollment_id to status, with end date end
 * (PW_DATE_NONE: the end date is left as it is). */
int pw_exit_service_change(struct pw_db *db, long long enrollment_id, long long id,
                           enum pw_service_status status, pw_date end);

/* ---- post-exit quarters (R-PEX-1) ------------------------------------- */

/* Columns of quarter rows (pw_exit_quarters_list, pw_exit_quarter_lock). */
enum pw_quarter_col {
	QC_ID,
	QC_ENROLLMENT_ID,
	QC_QUARTER,
	QC_FIRST_DAY,
	QC_LAST_DAY,
	QC_OUTCOME,
	QC_EARNINGS_CENTS,
	QC_VERIFIED_ON,
	QC_SOURCE,
	QC_EMPLOYMENT_ID,
	QC_VERSION,
	QC_UPDATED_AT,
	QC_EMPLOYER,
	QC_JOB_TITLE,
	QC_JOB_START,
	QC_COUNT
};

/* Creates the four quarters q[0..3] of enrollment_id. A quarter that is
 * already there (entered data kept by an undone exit, R-EXIT-7) is left as
 * it is. */
int pw_exit_quarters_create(struct pw_db *db, long long enrollment_id,
                            const struct pw_post_exit_quarter q[PW_POST_EXIT_QUARTERS]);

/* The quarters of enrollment_id by number, with the job each refers to. */
int pw_exit_quarters_list(struct pw_db *db, long long enrollment_id, struct pw_db_rows **out);

/* Quarter n of enrollment_id, read FOR UPDATE (zero or one row). */
int pw_exit_quarter_lock(struct pw_db *db, long long enrollment_id, int n, struct pw_db_rows **out);

/* Reads row r of a quarter result into *e (R-PEX-1 entry). PW_ERR_DB for a
 * code or date the schema should have refused. */
int pw_exit_quarter_entry(const struct pw_db_rows *rows, size_t r, struct pw_post_exit_entry *e);

/* Writes entry e and the quarter's dates to quarter id when its version is
 * still `version`; PW_ERR_STALE otherwise. */
int pw_exit_quarter_update(struct pw_db *db, long long id, int version,
                           const struct pw_post_exit_entry *e,
                           const struct pw_post_exit_quarter *q);

/* Removes quarter id (an empty one, R-EXIT-7). */
int pw_exit_quarter_delete(struct pw_db *db, long long id);

/* ---- the sweep (R-EXIT-1, R-EXIT-2) ---------------------------------- */

/* Sets the session's isolation to READ COMMITTED, so every statement of a
 * sweep transaction reads what was committed before it, not a snapshot
 * from the transaction's first read. */
int pw_exit_sweep_session(struct pw_db *db);

/* The next window of at most batch enrollments with id > after_id: *hi the
 * last id in it and *count how many (0 at the end). */
int pw_exit_sweep_window(struct pw_db *db, long long after_id, int batch, long long *hi,
                         long long *count);

/*
 * R-EXIT-1 in SQL, for picking candidates fast: the enrolled enrollments
 * with after_id < id <= hi that have a qualifying service (R-SVC-2), no open
 * or planned one, and a last qualifying service date L < cutoff (cutoff =
 * as_of - 90 days). A coarse filter only: the sweep decides each one again
 * with the rules, under its row lock. Columns: id, participant_id,
 * program_id.
 */
int pw_exit_sweep_candidates(struct pw_db *db, long long after_id, long long hi, pw_date cutoff,
                             struct pw_db_rows **out);

/* Locks enrollment id FOR UPDATE; *status gets its status (-1 when it does
 * not exist). */
int pw_exit_lock_one(struct pw_db *db, long long id, int *status);

/* R-EXIT-2: locks the enrolled enrollments of participant_id FOR UPDATE, in
 * id order (every locker takes them in the same order). Columns: id,
 * program_id. */
int pw_exit_lock_participant(struct pw_db *db, long long participant_id, struct pw_db_rows **out);

/* A sweep run's row (sweep_runs). */
struct pw_sweep_run {
	long long id;
	long long last_enrollment_id;
	long long examined, exited;
	bool resumed; /* adopted from a run that died before finishing */
};

/*
 * Starts a run for as_of: adopts the newest unfinished run for the same
 * as_of whose process is gone (its named lock is free), else inserts a new
 * one. Either way this connection then holds the run's named lock
 * ("pathway.sweep.<id>") until it disconnects, which is how a later sweep
 * tells a dead run from a running one. host names this machine.
 */
int pw_exit_sweep_run_begin(struct pw_db *db, pw_date as_of, const char *host,
                            struct pw_sweep_run *out);
/* Records the progress of run in its row (inside the batch's transaction). */
int pw_exit_sweep_run_progress(struct pw_db *db, const struct pw_sweep_run *run);
/* Marks run finished and lets its named lock go. */
int pw_exit_sweep_run_finish(struct pw_db *db, const struct pw_sweep_run *run);

/* ---- the soft-exit watch list (R-EXIT-8) ------------------------------ */

/* Columns of watch rows. */
enum pw_watch_col {
	WC_ID,
	WC_PARTICIPANT_ID,
	WC_FIRST_NAME,
	WC_LAST_NAME,
	WC_PROGRAM_ID,
	WC_PROGRAM_NAME,
	WC_LOCATION_ID,
	WC_CASE_MANAGER_ID,
	WC_CASE_MANAGER_NAME,
	WC_LAST_DATE,
	WC_COUNT
};

/*
 * The enrolled enrollments within scope whose soft exit is near: no open or
 * planned qualifying service and a last qualifying service date L <=
 * latest_l (as_of + days - 91), ordered by L then id, after the keyset
 * (after_l, after_id) (after_l NONE: from the start), at most limit.
 * case_manager 0: any. The sweep's SQL form of R-EXIT-1; callers project
 * each row with the rules.
 */
int pw_exit_watch_list(struct pw_db *db, const struct pw_scope_filter *scope,
                       long long case_manager, pw_date latest_l, pw_date after_l,
                       long long after_id, int limit, struct pw_db_rows **out);

/* ---- follow-up notes (R-FUP-1) ----------------------------------------- */

/* The follow-up case notes of enrollment_id (addenda excluded), by contact
 * date; only those marked visibility "participant" when participant_only.
 * Columns: id, contact_date, contact_method, subject, body, visibility,
 * recipients (JSON text), follow_up_outcome, author, created_at,
 * document_ids ("1,2" or NULL). */
int pw_exit_followup_notes(struct pw_db *db, long long enrollment_id, bool participant_only,
                           struct pw_db_rows **out);

#endif
