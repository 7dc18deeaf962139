/*
 * sweep.c: the soft-exit sweep (R-EXIT-1, R-EXIT-2, R-PEX-1). See sweep.h
 * for what it guarantees; this file is the loop.
 *
 * Per batch: one statement finds the window of enrollment ids, one picks
 * the candidates in it (store/exit.c), and each candidate costs a locked
 * reload and, when the rules agree, three writes (the exit, its quarters,
 * its audit row). Profiles are loaded once per program and kept for the
 * whole run; everything else of a batch lives in an arena reset after the
 * batch commits.
 */
#include "sweep.h"

#include "arena.h"
#include "db.h"
#include "pw.h"
#include "rules/exit.h"
#include "rules/post_exit.h"
#include "store/audit.h"
#include "store/exit.h"
#include "store/facts.h"
#include "store/program.h"

#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* A batch rolled back by a deadlock or lock wait is tried this many times. */
#define SWEEP_TRIES 8
/* At most this many enrollments of one participant take part in a common exit. */
#define GROUP_MAX 32

struct cached_profile {
	long long program_id;
	struct pw_profile profile;
	struct cached_profile *next;
};

struct sweep {
	struct pw_db *db;
	const struct pw_sweep_options *o;
	struct pw_arena keep;  /* profiles, for the whole run */
	struct pw_arena batch; /* one batch's facts */
	struct cached_profile *profiles;
	struct pw_sweep_run run;
	struct pw_actor system;
	long long batch_exited;
	long long retries;
};

static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void pause_ms(int ms)
{
	struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};

	while (ms > 0 && nanosleep(&ts, &ts) != 0)
		;
}

/* The profile of program_id, loaded on first use; NULL on error (*rc set). */
static const struct pw_profile *profile_of(struct sweep *s, long long program_id, int *rc)
{
	struct cached_profile *c;

	for (c = s->profiles; c != NULL; c = c->next) {
		if (c->program_id == program_id)
			return &c->profile;
	}
	c = pw_arena_alloc(&s->keep, sizeof(*c));
	if (c == NULL) {
		*rc = PW_ERR_NOMEM;
		return NULL;
	}
	*rc = pw_program_load(s->db, &s->keep, program_id, &c->profile);
	if (*rc != PW_OK)
		return NULL;
	c->program_id = program_id;
	c->next = s->profiles;
	s->profiles = c;
	return &c->profile;
}

/* Adds a "YYYY-MM-DD" member to o. */
static void add_date(json_object *o, const char *key, pw_date d)
{
	char text[PW_DATE_STRLEN];

	pw_date_format(d, text);
	json_object_object_add(o, key, json_object_new_string(text));
}

/* The audit row of one soft exit: before and after as small JSON objects
 * (the fields the exit changed), the rule in the reason. */
static int audit_exit(struct sweep *s, const struct pw_facts *f, pw_date l, const char *group,
                      const struct pw_post_exit_quarter *q, size_t nq)
{
	json_object *before = json_object_new_object(), *after = json_object_new_object();
	json_object *quarters = json_object_new_array();
	char reason[160], ld[PW_DATE_STRLEN], ad[PW_DATE_STRLEN];
	int rc;

	json_object_object_add(before, "status", json_object_new_string("enrolled"));
	json_object_object_add(before, "case_status", json_object_new_string("open"));
	json_object_object_add(before, "version", json_object_new_int(f->version));
	json_object_object_add(after, "status", json_object_new_string("exited"));
	json_object_object_add(after, "case_status", json_object_new_string("closed"));
	json_object_object_add(after, "exit_kind", json_object_new_string("soft"));
	add_date(after, "exit_date", l);
	json_object_object_add(after, "exited_by", json_object_new_string("system"));
	json_object_object_add(after, "version", json_object_new_int(f->version + 1));
	for (size_t i = 0; i < nq; i++) {
		json_object *o = json_object_new_object();
		json_object_object_add(o, "quarter", json_object_new_int(q[i].number));
		add_date(o, "first_day", q[i].first);
		add_date(o, "last_day", q[i].last);
		json_object_array_add(quarters, o);
	}
	json_object_object_add(after, "post_exit_quarters", quarters);
	pw_date_format(l, ld);
	pw_date_format(s->o->as_of, ad);
	if (group != NULL)
		snprintf(
		        reason, sizeof(reason),
		        "R-EXIT-2: common exit (%.40s) with the latest last service date %s; swept "
		        "as of %s",
		        group, ld, ad);
	else
		snprintf(reason, sizeof(reason),
		         "R-EXIT-1: no qualifying service after %s; swept as of %s", ld, ad);
	rc = pw_audit_write(s->db, &s->system, "enrollment", f->enrollment_id, "soft_exit",
	                    json_object_to_json_string_ext(before, JSON_C_TO_STRING_PLAIN),
	                    json_object_to_json_string_ext(after, JSON_C_TO_STRING_PLAIN), reason);
	json_object_put(before);
	json_object_put(after);
	return rc;
}

/* R-EXIT-1, R-PEX-1: writes the soft exit of f on exit date l, its four
 * quarters and its audit row. f is locked by the caller. */
static int exit_soft(struct sweep *s, const struct pw_facts *f, pw_date l, const char *group)
{
	struct pw_post_exit_quarter q[PW_POST_EXIT_QUARTERS];
	struct pw_exit_write w;
	size_t nq;
	int rc;

	memset(&w, 0, sizeof(w));
	w.status = PW_ENROLLMENT_EXITED;
	w.kind = PW_EXIT_SOFT;
	w.exit_date = l;
	w.program_completion_date = PW_DATE_NONE;
	w.by_label = "system";
	rc = pw_exit_write(s->db, f->enrollment_id, &w);
	if (rc != PW_OK)
		return rc;
	nq = pw_post_exit_schedule(PW_EXIT_SOFT, l, q);
	if (nq == PW_POST_EXIT_QUARTERS)
		rc = pw_exit_quarters_create(s->db, f->enrollment_id, q);
	if (rc == PW_OK)
		rc = audit_exit(s, f, l, group, q, nq);
	if (rc == PW_OK)
		s->batch_exited++;
	return rc;
}

/* One enrollment outside any common-exit group: lock, reload, decide. */
static int sweep_single(struct sweep *s, long long id, const struct pw_profile *p)
{
	struct pw_exit_facts ef;
	struct pw_facts f;
	pw_date l = PW_DATE_NONE;
	int rc = pw_facts_load(s->db, &s->batch, id, PW_FACTS_LOCK, s->o->as_of, p, &f);

	if (rc == PW_ERR_NOT_FOUND)
		return PW_OK;
	if (rc != PW_OK || f.status != PW_ENROLLMENT_ENROLLED)
		return rc;
	pw_facts_exit_view(&f, &ef);
	/* R-EXIT-1 */
	if (!pw_exit_soft_due(&ef, s->o->as_of, &l))
		return PW_OK;
	return exit_soft(s, &f, l, NULL);
}

/* R-EXIT-2: the enrolled enrollments of the participant whose programs
 * share group exit together, each on the latest L among them, or not at
 * all. All of the participant's open enrollments are locked first, in id
 * order. */
static int sweep_group(struct sweep *s, long long participant_id, const char *group)
{
	struct pw_facts f[GROUP_MAX];
	struct pw_exit_facts ef[GROUP_MAX];
	struct pw_exit_common c;
	struct pw_db_rows *rows = NULL;
	size_t n = 0;
	int rc = pw_exit_lock_participant(s->db, participant_id, &rows);

	for (size_t i = 0; rc == PW_OK && i < rows->nrows; i++) {
		const struct pw_profile *p = profile_of(s, pw_db_cell_int(rows, i, 1, 0), &rc);

		if (p == NULL || p->common_exit_group == NULL ||
		    strcmp(p->common_exit_group, group) != 0)
			continue;
		if (n == GROUP_MAX) {
			rc = PW_ERR_TOO_LARGE;
			break;
		}
		rc = pw_facts_load(s->db, &s->batch, pw_db_cell_int(rows, i, 0, 0), 0, s->o->as_of,
		                   p, &f[n]);
		if (rc == PW_OK)
			pw_facts_exit_view(&f[n], &ef[n]);
		n++;
	}
	pw_db_rows_free(rows);
	if (rc != PW_OK || n == 0)
		return rc;
	rc = pw_exit_common_status(ef, n, s->o->as_of, &c);
	if (rc != PW_OK || !c.due)
		return rc;
	for (size_t i = 0; rc == PW_OK && i < n; i++) {
		if (f[i].status == PW_ENROLLMENT_ENROLLED)
			rc = exit_soft(s, &f[i], c.exit_date, group);
	}
	return rc;
}

/* Works through the candidates of one window and records the progress, in
 * the caller's transaction. */
static int sweep_candidates(struct sweep *s, const struct pw_db_rows *cand)
{
	int rc = PW_OK;

	for (size_t i = 0; rc == PW_OK && i < cand->nrows; i++) {
		long long id = pw_db_cell_int(cand, i, 0, 0);
		const struct pw_profile *p = profile_of(s, pw_db_cell_int(cand, i, 2, 0), &rc);

		if (p == NULL)
			break;
		if (p->common_exit_group != NULL)
			rc = sweep_group(s, pw_db_cell_int(cand, i, 1, 0), p->common_exit_group);
		else
			rc = sweep_single(s, id, p);
	}
	return rc;
}

/* True for the errors that a retry of the batch may cure. */
static bool retryable(struct pw_db *db, int rc)
{
	unsigned no = pw_db_errno(db);

	return rc == PW_ERR_CONFLICT && (no == 1213 || no == 1205);
}

/* One window (after_id, hi] with count enrollments: candidates, then a
 * transaction for their exits and the run's progress, tried again after a
 * deadlock. */
static int sweep_window(struct sweep *s, long long hi, long long count, long long *n_cand)
{
	pw_date cutoff = pw_date_add_days(s->o->as_of, -PW_EXIT_SOFT_DAYS);
	struct pw_db_rows *cand = NULL;
	int rc = pw_exit_sweep_candidates(s->db, s->run.last_enrollment_id, hi, cutoff, &cand);

	if (rc != PW_OK)
		return rc;
	*n_cand = (long long)cand->nrows;
	for (int attempt = 1;; attempt++) {
		s->batch_exited = 0;
		rc = pw_db_begin(s->db);
		if (rc == PW_OK)
			rc = sweep_candidates(s, cand);
		if (rc == PW_OK) {
			struct pw_sweep_run next = s->run;
			next.last_enrollment_id = hi;
			next.examined += count;
			next.exited += s->batch_exited;
			rc = pw_exit_sweep_run_progress(s->db, &next);
			if (rc == PW_OK)
				rc = pw_db_commit(s->db);
			if (rc == PW_OK)
				s->run = next;
		}
		if (rc != PW_OK)
			pw_db_rollback(s->db);
		pw_arena_reset(&s->batch);
		if (rc == PW_OK || attempt >= SWEEP_TRIES || !retryable(s->db, rc))
			break;
		/* Let the other transaction finish before trying again. */
		s->retries++;
		pause_ms(20 * attempt + (int)(random() % 30));
	}
	pw_db_rows_free(cand);
	return rc;
}

int pw_sweep_run(struct pw_db *db, const struct pw_sweep_options *o, struct pw_sweep_stats *st)
{
	struct sweep s;
	char ad[PW_DATE_STRLEN];
	double start = now_seconds();
	long long examined0 = 0, hi = 0, count = 0, n_cand = 0, exited_before;
	int rc;

	memset(st, 0, sizeof(*st));
	memset(&s, 0, sizeof(s));
	s.db = db;
	s.o = o;
	s.system.label = "system";
	pw_arena_init(&s.keep);
	pw_arena_init(&s.batch);
	pw_date_format(o->as_of, ad);
	srandom((unsigned)getpid());

	rc = pw_exit_sweep_session(db);
	if (rc == PW_OK)
		rc = pw_exit_sweep_run_begin(db, o->as_of, o->host, &s.run);
	if (rc != PW_OK)
		goto out;
	st->run_id = s.run.id;
	st->resumed = s.run.resumed;
	examined0 = s.run.examined;
	if (o->progress != NULL) {
		if (s.run.resumed)
			fprintf(o->progress,
			        "sweep run %lld as of %s: resuming a run that stopped after "
			        "enrollment %lld (%lld examined, %lld exited)\n",
			        s.run.id, ad, s.run.last_enrollment_id, s.run.examined,
			        s.run.exited);
		else
			fprintf(o->progress, "sweep run %lld as of %s: started, batches of %d\n",
			        s.run.id, ad, o->batch);
		fflush(o->progress);
	}
	for (;;) {
		rc = pw_exit_sweep_window(db, s.run.last_enrollment_id, o->batch, &hi, &count);
		if (rc != PW_OK || count == 0)
			break;
		exited_before = s.run.exited;
		rc = sweep_window(&s, hi, count, &n_cand);
		if (rc != PW_OK)
			break;
		st->batches++;
		st->candidates += n_cand;
		if (o->progress != NULL) {
			double el = now_seconds() - start;
			fprintf(o->progress,
			        "sweep run %lld: batch %lld: up to enrollment %lld: %lld examined, "
			        "%lld candidates, %lld exited (+%lld), %.0f enrollments/s\n",
			        s.run.id, st->batches, hi, s.run.examined, n_cand, s.run.exited,
			        s.run.exited - exited_before,
			        el > 0 ? (double)(s.run.examined - examined0) / el : 0.0);
			fflush(o->progress);
		}
		if (o->pause_ms > 0)
			pause_ms(o->pause_ms);
	}
	if (rc == PW_OK)
		rc = pw_exit_sweep_run_finish(db, &s.run);
out:
	st->examined = s.run.examined;
	st->exited = s.run.exited;
	st->retries = s.retries;
	st->seconds = now_seconds() - start;
	if (o->progress != NULL && rc == PW_OK) {
		fprintf(o->progress,
		        "sweep run %lld as of %s: finished: %lld enrollments examined, %lld soft "
		        "exits, %.2f s, %.0f enrollments/s, %lld batches retried\n",
		        s.run.id, ad, st->examined, st->exited, st->seconds,
		        st->seconds > 0 ? (double)(st->examined - examined0) / st->seconds : 0.0,
		        st->retries);
		fflush(o->progress);
	}
	pw_arena_reset(&s.batch);
	pw_arena_reset(&s.keep);
	return rc;
}

/* Today's date (UTC), the default as-of date. */
static pw_date today_utc(void)
{
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	return pw_date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* A whole number lo..hi from s, or -1. */
static long parse_number(const char *s, long lo, long hi)
{
	char *end = NULL;
	long v;

	if (s == NULL || *s == '\0')
		return -1;
	v = strtol(s, &end, 10);
	return *end == '\0' && v >= lo && v <= hi ? v : -1;
}

int pw_admin_sweep(struct pw_db *db, int argc, char **argv)
{
	struct pw_sweep_options o;
	struct pw_sweep_stats st;
	pw_date today = today_utc();
	char host[256] = "";
	int rc;

	memset(&o, 0, sizeof(o));
	o.as_of = today;
	o.batch = PW_SWEEP_BATCH_DEFAULT;
	o.progress = stdout;
	for (int i = 0; i < argc; i++) {
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(argv[i], "--as-of") && v != NULL) {
			if (pw_date_parse(v, strlen(v), &o.as_of) != PW_OK) {
				fprintf(stderr, "pathway-admin: --as-of wants a date YYYY-MM-DD\n");
				return 2;
			}
			i++;
		} else if (!strcmp(argv[i], "--batch") && v != NULL) {
			long n = parse_number(v, 1, PW_SWEEP_BATCH_MAX);
			if (n < 0) {
				fprintf(stderr, "pathway-admin: --batch wants 1..%d\n",
				        PW_SWEEP_BATCH_MAX);
				return 2;
			}
			o.batch = (int)n;
			i++;
		} else if (!strcmp(argv[i], "--pause") && v != NULL) {
			long n = parse_number(v, 0, 60000);
			if (n < 0) {
				fprintf(stderr, "pathway-admin: --pause wants 0..60000 (ms)\n");
				return 2;
			}
			o.pause_ms = (int)n;
			i++;
		} else {
			fprintf(stderr,
			        "pathway-admin: sweep [--as-of YYYY-MM-DD] [--batch N] [--pause "
			        "MS]: "
			        "unexpected '%s'\n",
			        argv[i]);
			return 2;
		}
	}
	/* R-DATE-4: a sweep for a day still to come would exit early. */
	if (o.as_of > today) {
		fprintf(stderr, "pathway-admin: --as-of must not be in the future\n");
		return 2;
	}
	if (gethostname(host, sizeof(host) - 1) != 0)
		snprintf(host, sizeof(host), "unknown");
	o.host = host;
	rc = pw_sweep_run(db, &o, &st);
	if (rc != PW_OK) {
		fprintf(stderr, "pathway-admin: sweep failed: %s (%s); run it again to resume\n",
		        pw_strerror(rc), pw_db_error(db));
		return 1;
	}
	return 0;
}
