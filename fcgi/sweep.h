/*
 * sweep.h: the nightly sweep, `pathway-admin sweep` (R-EXIT-1, R-EXIT-2).
 *
 * The sweep walks every enrollment in id order, one batch at a time. For
 * each batch a set-based query picks the enrollments that look due for a
 * soft exit; each of them is then locked (SELECT ... FOR UPDATE, the whole
 * common-exit group of a participant at once), its facts reloaded and the
 * rules asked again, and only then exited: kind soft, exit date L (the last
 * qualifying service date), exited by "system", the four post-exit quarters
 * created (R-PEX-1) and an audit row written, all in the batch's
 * transaction together with the run's progress in sweep_runs.
 *
 * Because the decision is taken under the row lock, two sweeps running at
 * once, or a sweep and a caseworker adding a service, never exit an
 * enrollment twice or exit one that has just got a new service: whoever
 * comes second sees the first's committed work. A deadlock between two
 * sweeps rolls the batch back and it is tried again. A run killed half-way
 * leaves its progress behind; the next sweep for the same as-of date adopts
 * it (its named lock is free once its connection is gone) and carries on
 * from the last batch it committed.
 */
#ifndef PW_SWEEP_H
#define PW_SWEEP_H

#include "rules/dates.h"

#include <stdbool.h>
#include <stdio.h>

struct pw_db;

#define PW_SWEEP_BATCH_DEFAULT 1000
#define PW_SWEEP_BATCH_MAX     100000

struct pw_sweep_options {
	pw_date as_of; /* R-DATE-4: the day the sweep is for; never after today */
	int batch;     /* enrollments examined per transaction, 1..PW_SWEEP_BATCH_MAX */
	int pause_ms;  /* pause between batches, to spare a busy database */
	const char *host;
	FILE *progress; /* one line per batch; NULL: quiet */
};

struct pw_sweep_stats {
	long long run_id;
	bool resumed;         /* carried on a run that died */
	long long examined;   /* enrollments looked at, this run and the run it adopted */
	long long candidates; /* picked by the SQL filter (this process) */
	long long exited;     /* soft exits written, this run and the run it adopted */
	long long retries;    /* batches rolled back by a deadlock and tried again */
	long long batches;    /* batches committed by this process */
	double seconds;       /* this process's wall time */
};

/*
 * Runs the sweep with options o on db (a connection of its own: the sweep
 * sets it to READ COMMITTED and holds the run's named lock on it). Returns
 * PW_OK with *st filled, or the first error (progress up to the last
 * committed batch is kept, and the next run resumes from there).
 */
int pw_sweep_run(struct pw_db *db, const struct pw_sweep_options *o, struct pw_sweep_stats *st);

/* `pathway-admin sweep [--as-of YYYY-MM-DD] [--batch N] [--pause MS]`:
 * 0 done, 1 failed, 2 misuse. */
int pw_admin_sweep(struct pw_db *db, int argc, char **argv);

#endif
