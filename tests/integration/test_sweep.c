/*
 * test_sweep.c: `pathway-admin sweep` against the test stack (issue 6,
 * "Soft exit"; R-EXIT-1, R-EXIT-2, R-EXIT-8, R-PEX-1), and the soft-exit
 * watch list.
 *
 * Each test gives its enrollments a last qualifying service date L in a
 * year of its own and sweeps as of a date just after; an as-of date in the
 * past only exits what was due then, so the other suites' data (dated
 * around today) and the demo caseload (from 2025) are out of reach.
 *
 *   - a WIOA youth soft-exited with the backdated date, four quarters and
 *     an audit row, once however often the sweep runs;
 *   - the R-EXIT-1 example: L = 2024-01-01 is still enrolled on 2024-03-31
 *     and exited by a sweep on 2024-04-01, through readiness and the sweep;
 *   - a common exit (R-EXIT-2) across WIOA Adult and Youth;
 *   - two sweeps and a caseworker's edits at the same time (forked
 *     processes): one exit per enrollment, no lost edit;
 *   - a sweep killed half-way, resumed by the next;
 *   - the watch list of a caseload.
 */
#include "exit_fixtures.h"
#include "itest.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* Service types of migration 0008. */
#define ADULT_JOB_SEARCH 104
#define YOUTH_OBJ_ASSESS 303
#define YOUTH_SELF       301
#define YOUTH_TUTORING   305
#define SNAP_JS          401

static long get_exit(const struct it_session *s, long long eid, const char *as_of,
                     struct it_resp *r)
{
	char path[160];

	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/exit?as_of=%s", eid, as_of);
	return xf_call(s, "GET", path, NULL, NULL, r);
}

/* The boolean r.outer.key. */
static int nested_true(const struct it_resp *r, const char *outer, const char *key)
{
	json_object *o = NULL, *v = NULL;

	return json_object_object_get_ex(r->json, outer, &o) &&
	       json_object_object_get_ex(o, key, &v) && json_object_get_boolean(v);
}

/* 1 when the readiness answer offers exit kind k. */
static int kinds_has(const struct it_resp *r, const char *k)
{
	char p[32];

	for (int i = 0; i < 4; i++) {
		const char *v;
		snprintf(p, sizeof(p), "kinds_possible.%d", i);
		v = it_json_str(r, p);
		if (v && !strcmp(v, k))
			return 1;
	}
	return 0;
}

/* Field of the enrollment row as text. */
static const char *col(long long eid, const char *column, char out[64])
{
	return xf_sql_str(out, 64, "SELECT %s FROM enrollments WHERE id = %lld", column, eid);
}

static void a_wioa_youth_is_soft_exited_with_the_backdated_date_and_four_quarters(void)
{
	const struct it_session *s = xf_login("staff25.lao");
	struct it_resp r;
	char out[4096], v[64];
	long long eid;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	eid = xf_enroll(s, "Aisha", "Youthsweep", XF_WIOA_YOUTH, XF_LOC_EAST_LA, "2022-02-28",
	                "2022-03-01", NULL);
	CU_ASSERT_FATAL(eid > 0);
	CU_ASSERT_FATAL(xf_service(s, eid, YOUTH_OBJ_ASSESS, "completed_successful", "2022-03-05",
	                           "2022-06-15") > 0);
	/* Self-service never holds the clock (R-SVC-2). */
	CU_ASSERT_FATAL(xf_service(s, eid, YOUTH_SELF, "completed_successful", "2022-08-01",
	                           "2022-08-01") > 0);

	CU_ASSERT_EQUAL_FATAL(get_exit(s, eid, "2022-09-13", &r), 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "soft_exit.last_service_date"), "2022-06-15");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "soft_exit.projected_date"), "2022-09-14");
	CU_ASSERT_EQUAL(it_json_int(&r, "soft_exit.days_left", -1), 1);
	it_resp_free(&r);

	CU_ASSERT_EQUAL(xf_sweep("2022-09-13", 50, out, sizeof(out)), 0);
	CU_ASSERT_STRING_EQUAL(col(eid, "status", v), "enrolled");
	CU_ASSERT_EQUAL(xf_sweep("2022-09-14", 50, out, sizeof(out)), 0);
	CU_ASSERT(xf_contains(out, "finished"));
	CU_ASSERT(xf_contains(out, "enrollments/s"));
	CU_ASSERT_STRING_EQUAL(col(eid, "status", v), "exited");
	CU_ASSERT_STRING_EQUAL(col(eid, "exit_kind", v), "soft");
	CU_ASSERT_STRING_EQUAL(col(eid, "exit_date", v), "2022-06-15");
	CU_ASSERT_STRING_EQUAL(col(eid, "exited_by", v), "system");
	CU_ASSERT_STRING_EQUAL(col(eid, "case_status", v), "closed");
	CU_ASSERT_EQUAL(xf_audit_count("enrollment", eid, "soft_exit"), 1);

	/* R-DATE-2: the four calendar quarters after the exit quarter. */
	CU_ASSERT_EQUAL_FATAL(xf_call(s, "GET", "/api/v1/enrollments/0/post-exit", NULL, NULL, &r),
	                      404);
	it_resp_free(&r);
	{
		char path[96];
		snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/post-exit", eid);
		CU_ASSERT_EQUAL_FATAL(xf_call(s, "GET", path, NULL, NULL, &r), 200);
	}
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "exit.kind"), "soft");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "exit.exit_date"), "2022-06-15");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "quarters.0.first_day"), "2022-07-01");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "quarters.0.last_day"), "2022-09-30");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "quarters.1.first_day"), "2022-10-01");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "quarters.2.first_day"), "2023-01-01");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "quarters.3.first_day"), "2023-04-01");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "quarters.3.last_day"), "2023-06-30");
	CU_ASSERT_PTR_NULL(it_json_str(&r, "quarters.4.first_day"));
	it_resp_free(&r);

	/* Again: nothing more happens (idempotent). */
	CU_ASSERT_EQUAL(xf_sweep("2022-09-14", 7, out, sizeof(out)), 0);
	CU_ASSERT_EQUAL(xf_audit_count("enrollment", eid, "soft_exit"), 1);
	CU_ASSERT_EQUAL(
	        xf_sql_num("SELECT COUNT(*) FROM post_exit_quarters WHERE enrollment_id = %lld",
	                   eid),
	        4);
	/* Every run is recorded, finished, with what it looked at: every
	 * enrollment there is. */
	CU_ASSERT_EQUAL(xf_sql_num("SELECT COUNT(*) FROM sweep_runs WHERE as_of = '2022-09-14' AND "
	                           "finished_at IS NOT NULL AND examined = (SELECT COUNT(*) FROM "
	                           "enrollments)"),
	                2);
}

static void day_90_keeps_the_enrollment_and_day_91_exits_it(void)
{
	const struct it_session *s = xf_login("staff25.lao");
	struct it_resp r;
	char out[4096], v[64];
	long long eid;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	eid = xf_enroll(s, "Luis", "Ninetyone", XF_WIOA_YOUTH, XF_LOC_EAST_LA, "2023-11-27",
	                "2023-12-01", NULL);
	CU_ASSERT_FATAL(eid > 0);
	CU_ASSERT_FATAL(xf_service(s, eid, YOUTH_TUTORING, "completed_successful", "2023-12-01",
	                           "2024-01-01") > 0);

	/* R-EXIT-1's example, over the leap day: L = 2024-01-01. */
	CU_ASSERT_EQUAL_FATAL(get_exit(s, eid, "2024-03-31", &r), 200);
	CU_ASSERT(!nested_true(&r, "soft_exit", "due"));
	CU_ASSERT_EQUAL(it_json_int(&r, "soft_exit.days_left", -1), 1);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "soft_exit.projected_date"), "2024-04-01");
	CU_ASSERT(kinds_has(&r, "regular"));
	CU_ASSERT(!kinds_has(&r, "soft"));
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(get_exit(s, eid, "2024-04-01", &r), 200);
	CU_ASSERT_EQUAL(it_json_int(&r, "soft_exit.days_left", -1), 0);
	CU_ASSERT(nested_true(&r, "soft_exit", "due"));
	CU_ASSERT(kinds_has(&r, "soft"));
	it_resp_free(&r);

	CU_ASSERT_EQUAL(xf_sweep("2024-03-31", 100, out, sizeof(out)), 0);
	CU_ASSERT_STRING_EQUAL(col(eid, "status", v), "enrolled");
	CU_ASSERT_EQUAL(xf_sweep("2024-04-01", 100, out, sizeof(out)), 0);
	CU_ASSERT_STRING_EQUAL(col(eid, "status", v), "exited");
	CU_ASSERT_STRING_EQUAL(col(eid, "exit_date", v), "2024-01-01");
	/* After the exit the readiness shows it and offers nothing more. */
	CU_ASSERT_EQUAL_FATAL(get_exit(s, eid, "2024-04-01", &r), 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "exit.kind"), "soft");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "exit.exited_by"), "system");
	CU_ASSERT_PTR_NULL(it_json_str(&r, "kinds_possible.0"));
	it_resp_free(&r);
}

static void a_common_exit_waits_for_every_wioa_program_and_takes_the_latest_date(void)
{
	const struct it_session *s = xf_login("staff25.lao");
	const struct it_session *ahs = xf_login("ahs.tprograms");
	char out[4096], v[64];
	long long pid = 0, adult, youth, snap;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	CU_ASSERT_PTR_NOT_NULL_FATAL(ahs);
	adult = xf_enroll(s, "Mei", "Commonexit", XF_WIOA_ADULT, XF_LOC_EAST_LA, "2021-01-04",
	                  "2021-01-04", &pid);
	CU_ASSERT_FATAL(adult > 0);
	youth = xf_enroll_again(s, pid, XF_WIOA_YOUTH, XF_LOC_EAST_LA, "2021-01-04", "2021-01-04");
	snap = xf_enroll_again(it_statewide(), pid, XF_SNAP_JP, XF_LOC_AHS, "2021-01-04",
	                       "2021-01-04");
	CU_ASSERT_FATAL(youth > 0 && snap > 0);
	CU_ASSERT_FATAL(xf_service(s, adult, ADULT_JOB_SEARCH, "completed_successful", "2021-01-05",
	                           "2021-02-01") > 0);
	CU_ASSERT_FATAL(xf_service(s, youth, YOUTH_TUTORING, "completed_successful", "2021-01-05",
	                           "2021-03-15") > 0);
	CU_ASSERT_FATAL(xf_service(ahs, snap, SNAP_JS, "completed_successful", "2021-01-05",
	                           "2021-01-20") > 0);

	/* 2021-05-10: the Adult program alone is due; the group waits (R-EXIT-2).
	 * SNAP JP shares no group and goes on its own. */
	CU_ASSERT_EQUAL(xf_sweep("2021-05-10", 20, out, sizeof(out)), 0);
	CU_ASSERT_STRING_EQUAL(col(adult, "status", v), "enrolled");
	CU_ASSERT_STRING_EQUAL(col(youth, "status", v), "enrolled");
	CU_ASSERT_STRING_EQUAL(col(snap, "status", v), "exited");
	CU_ASSERT_STRING_EQUAL(col(snap, "exit_date", v), "2021-01-20");
	/* 2021-06-14: both due; both exit on the latest L. */
	CU_ASSERT_EQUAL(xf_sweep("2021-06-14", 20, out, sizeof(out)), 0);
	CU_ASSERT_STRING_EQUAL(col(adult, "status", v), "exited");
	CU_ASSERT_STRING_EQUAL(col(youth, "status", v), "exited");
	CU_ASSERT_STRING_EQUAL(col(adult, "exit_date", v), "2021-03-15");
	CU_ASSERT_STRING_EQUAL(col(youth, "exit_date", v), "2021-03-15");
	CU_ASSERT_EQUAL(xf_sql_num("SELECT COUNT(*) FROM audit_log WHERE entity = 'enrollment' AND "
	                           "entity_id = %lld AND action = 'soft_exit' AND reason LIKE "
	                           "'R-EXIT-2%%'",
	                           adult),
	                1);
}

/* A sweep as a child process writing to fd; returns its pid. */
static pid_t spawn_sweep(const char *as_of, const char *batch, const char *pause, int fd)
{
	pid_t pid = fork();

	if (pid == 0) {
		const char *argv[] = {it_env("PATHWAY_ADMIN_BIN"),
		                      "-c",
		                      it_env("PATHWAY_TEST_CONF"),
		                      "sweep",
		                      "--as-of",
		                      as_of,
		                      "--batch",
		                      batch,
		                      "--pause",
		                      pause,
		                      NULL};
		dup2(fd, 1);
		dup2(fd, 2);
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	return pid;
}

static int wait_status(pid_t pid)
{
	int st = 0;

	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* The enrollment id a progress line says a sweep has reached, or -1. */
static long long reached(const char *line)
{
	const char *p = strstr(line, "up to enrollment ");

	return p ? atoll(p + strlen("up to enrollment ")) : -1;
}

#define CROWD  24
#define ROUNDS 3

/*
 * The caseworker's side of the race, in ROUNDS rounds over the crowd: for
 * even i, once, a new open service on enrollment i (the sweep must then
 * leave it alone, or the service is refused because the exit came first);
 * for odd i, every round, a new agency code "AC-i-round", sent again with a
 * fresh ETag after a 412 until it lands. One line per outcome to fd: "i
 * status" for a service, "i round status" for an agency code.
 */
static void staff_edits(const struct it_session *s, const long long *eids, int fd)
{
	for (int round = 0; round < ROUNDS; round++) {
		for (int k = 0; k < CROWD; k++) {
			int i = (k * 7 + round * 5) % CROWD; /* an order of its own each round */
			struct it_resp r;
			char line[64], path[96], body[160], etag[32];
			long st = 0;

			if (i % 2 == 0 && round == i % ROUNDS) {
				snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/services",
				         eids[i]);
				snprintf(body, sizeof(body),
				         "{\"service_type_id\": %d, \"status\": \"open\", "
				         "\"start_date\": \"2023-05-20\"}",
				         ADULT_JOB_SEARCH);
				st = xf_call(s, "POST", path, NULL, body, &r);
				it_resp_free(&r);
				snprintf(line, sizeof(line), "%d %ld\n", i, st);
			} else if (i % 2 == 1) {
				snprintf(path, sizeof(path), "/api/v1/enrollments/%lld", eids[i]);
				snprintf(body, sizeof(body), "{\"agency_code\": \"AC-%d-%d\"}", i,
				         round);
				for (int tries = 0; tries < 20 && st != 200; tries++) {
					if (xf_call(s, "GET", path, NULL, NULL, &r) == 200 &&
					    it_header(&r, "ETag", etag, sizeof(etag))) {
						it_resp_free(&r);
						st = xf_call(s, "PATCH", path, etag, body, &r);
					}
					it_resp_free(&r);
				}
				snprintf(line, sizeof(line), "%d %d %ld\n", i, round, st);
			} else {
				continue;
			}
			if (write(fd, line, strlen(line)) < 0)
				return;
		}
	}
}

static void two_sweeps_and_staff_edits_at_once_make_one_exit_each_and_lose_no_edit(void)
{
	const struct it_session *s = xf_login("staff25.lao");
	long long eids[CROWD], runs_before;
	char path[] = "/tmp/pathway-sweep-race-XXXXXX", v[64], line[512];
	int fd, progress[2], go[2], results[CROWD], last_round[CROWD], started = 0;
	pid_t a, b, c;
	FILE *f;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	for (int i = 0; i < CROWD; i++) {
		char last[32];
		snprintf(last, sizeof(last), "Race%02d", i);
		eids[i] = xf_enroll(s, "Darnell", last, XF_WIOA_ADULT, XF_LOC_EAST_LA, "2023-01-09",
		                    "2023-01-10", NULL);
		CU_ASSERT_FATAL(eids[i] > 0);
		CU_ASSERT_FATAL(xf_service(s, eids[i], ADULT_JOB_SEARCH, "completed_successful",
		                           "2023-01-12", "2023-02-01") > 0);
		results[i] = 0;
		last_round[i] = -1;
	}
	runs_before = xf_sql_num("SELECT COUNT(*) FROM sweep_runs WHERE as_of = '2023-06-01'");
	fd = mkstemp(path);
	CU_ASSERT_FATAL(fd >= 0);
	unlink(path);
	CU_ASSERT_FATAL(pipe2(go, O_CLOEXEC) == 0 && pipe2(progress, O_CLOEXEC) == 0);
	/* The caseworker waits for the word go. */
	c = fork();
	if (c == 0) {
		char byte;
		close(go[1]);
		close(progress[0]);
		close(progress[1]);
		if (read(go[0], &byte, 1) < 0)
			_exit(1);
		staff_edits(s, eids, fd);
		_exit(0);
	}
	close(go[0]);
	/* Two sweeps, one enrollment and three enrollments per batch. */
	a = spawn_sweep("2023-06-01", "1", "1", progress[1]);
	b = spawn_sweep("2023-06-01", "3", "0", progress[1]);
	close(progress[1]);
	f = fdopen(progress[0], "r");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	/* Go when a sweep nears the crowd, so the edits meet the sweeps there. */
	while (fgets(line, sizeof(line), f)) {
		if (!started && reached(line) >= eids[0] - 8) {
			started = write(go[1], "g", 1) == 1;
			close(go[1]);
		}
	}
	fclose(f);
	if (!started) {
		CU_ASSERT(write(go[1], "g", 1) == 1);
		close(go[1]);
	}
	CU_ASSERT_EQUAL(wait_status(a), 0);
	CU_ASSERT_EQUAL(wait_status(b), 0);
	CU_ASSERT_EQUAL(wait_status(c), 0);
	CU_ASSERT(started);

	lseek(fd, 0, SEEK_SET);
	f = fdopen(fd, "r");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	while (fgets(line, sizeof(line), f)) {
		int i = -1, x = 0, y = 0, n = sscanf(line, "%d %d %d", &i, &x, &y);
		if (i < 0 || i >= CROWD)
			continue;
		if (n == 2)
			results[i] = x;
		else if (n == 3 && y == 200)
			last_round[i] = x;
		else if (n == 3)
			results[i] = y; /* an agency code that never landed */
	}
	fclose(f);

	for (int i = 0; i < CROWD; i++) {
		long long exits = xf_audit_count("enrollment", eids[i], "soft_exit");
		int exited = !strcmp(col(eids[i], "status", v), "exited");

		/* One exit at most, and an exit has its four quarters and date. */
		CU_ASSERT_EQUAL(exits, exited);
		if (exited) {
			CU_ASSERT_EQUAL(xf_sql_num("SELECT COUNT(*) FROM post_exit_quarters WHERE "
			                           "enrollment_id = %lld",
			                           eids[i]),
			                4);
			CU_ASSERT_STRING_EQUAL(col(eids[i], "exit_date", v), "2023-02-01");
		}
		if (i % 2 == 0) {
			/* The service landed before the exit (and kept the enrollment
			 * open), or was refused because the exit came first. */
			CU_ASSERT(results[i] == 201 || results[i] == 409);
			CU_ASSERT_EQUAL(results[i] == 201, !exited);
			CU_ASSERT_EQUAL(xf_sql_num("SELECT COUNT(*) FROM services WHERE "
			                           "enrollment_id = %lld",
			                           eids[i]),
			                results[i] == 201 ? 2 : 1);
		} else {
			char want[24];
			/* Every round's edit landed, the last one is what is stored,
			 * and the exit happened all the same. */
			snprintf(want, sizeof(want), "AC-%d-%d", i, ROUNDS - 1);
			CU_ASSERT_EQUAL(results[i], 0);
			CU_ASSERT_EQUAL(last_round[i], ROUNDS - 1);
			CU_ASSERT_STRING_EQUAL(col(eids[i], "agency_code", v), want);
			CU_ASSERT(exited);
		}
	}
	CU_ASSERT_EQUAL(xf_sql_num("SELECT COUNT(*) FROM sweep_runs WHERE as_of = '2023-06-01' AND "
	                           "finished_at IS NOT NULL"),
	                runs_before + 2);
}

static void a_sweep_killed_half_way_is_resumed_by_the_next(void)
{
	const struct it_session *s = xf_login("ahs.tprograms");
	long long eids[12], run, stopped, rest;
	int pipefd[2], exited = 0;
	char out[8192], v[64];
	pid_t pid;
	FILE *f;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	for (int i = 0; i < 12; i++) {
		char last[32];
		snprintf(last, sizeof(last), "Resume%02d", i);
		eids[i] = xf_enroll(s, "Sofia", last, XF_SNAP_JP, XF_LOC_AHS, "2023-06-05",
		                    "2023-06-05", NULL);
		CU_ASSERT_FATAL(eids[i] > 0);
		CU_ASSERT_FATAL(xf_service(s, eids[i], SNAP_JS, "completed_successful",
		                           "2023-06-06", "2023-07-01") > 0);
	}
	/* A run for the day that died just before these enrollments: its row
	 * is there, unfinished, and no process holds its lock. */
	CU_ASSERT_EQUAL_FATAL(xf_sql("INSERT INTO sweep_runs (as_of, last_enrollment_id, host) "
	                             "VALUES ('2023-10-15', %lld, 'gone')",
	                             eids[0] - 1),
	                      0);
	run = xf_sql_num("SELECT MAX(id) FROM sweep_runs WHERE as_of = '2023-10-15'");

	/* The next sweep adopts it; one enrollment per batch, slowly; it is
	 * killed in the middle of the twelve. */
	CU_ASSERT_EQUAL_FATAL(pipe2(pipefd, O_CLOEXEC), 0);
	pid = spawn_sweep("2023-10-15", "1", "60", pipefd[1]);
	close(pipefd[1]);
	f = fdopen(pipefd[0], "r");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	while (fgets(out, sizeof(out), f)) {
		CU_ASSERT(reached(out) < 0 || reached(out) >= eids[0]);
		if (reached(out) >= eids[3])
			break;
	}
	kill(pid, SIGKILL);
	fclose(f);
	wait_status(pid);
	/* The dead run's connection goes away with it, and its named lock. */
	for (int i = 0; i < 100; i++) {
		if (xf_sql_num("SELECT IS_FREE_LOCK('pathway.sweep.%lld')", run) == 1)
			break;
		usleep(50 * 1000);
	}
	stopped = xf_sql_num("SELECT last_enrollment_id FROM sweep_runs WHERE id = %lld AND "
	                     "finished_at IS NULL",
	                     run);
	CU_ASSERT(stopped >= eids[3] && stopped < eids[11]);
	for (int i = 0; i < 12; i++) {
		int is_exited = !strcmp(col(eids[i], "status", v), "exited");
		/* Exactly what the committed batches wrote: nothing half done. */
		CU_ASSERT_EQUAL(is_exited, eids[i] <= stopped);
		CU_ASSERT_EQUAL(xf_audit_count("enrollment", eids[i], "soft_exit"), is_exited);
		exited += is_exited;
	}
	CU_ASSERT(exited >= 4 && exited < 12);

	/* The next sweep for the day carries on from there and finishes. */
	CU_ASSERT_EQUAL(xf_sweep("2023-10-15", 50, out, sizeof(out)), 0);
	CU_ASSERT(xf_contains(out, "resuming"));
	/* Adopted, not a new run. */
	CU_ASSERT_EQUAL(xf_sql_num("SELECT MAX(id) FROM sweep_runs WHERE as_of = '2023-10-15'"),
	                run);
	rest = xf_sql_num("SELECT COUNT(*) FROM enrollments WHERE id >= %lld", eids[0]);
	CU_ASSERT_EQUAL(xf_sql_num("SELECT examined FROM sweep_runs WHERE id = %lld AND "
	                           "finished_at IS NOT NULL",
	                           run),
	                rest);
	for (int i = 0; i < 12; i++) {
		CU_ASSERT_STRING_EQUAL(col(eids[i], "status", v), "exited");
		CU_ASSERT_EQUAL(xf_audit_count("enrollment", eids[i], "soft_exit"), 1);
	}
}

static void the_sweep_refuses_a_future_date_and_bad_options(void)
{
	char out[1024], tomorrow[16];

	CU_ASSERT_EQUAL(xf_sweep(xf_day(1, tomorrow), 10, out, sizeof(out)), 2);
	CU_ASSERT(xf_contains(out, "future"));
	CU_ASSERT_EQUAL(xf_sweep("2023-02-30", 10, out, sizeof(out)), 2);
	CU_ASSERT_EQUAL(xf_sweep("2023-02-01", 0, out, sizeof(out)), 2);
	CU_ASSERT_EQUAL(xf_sweep("2023-02-01", 100001, out, sizeof(out)), 2);
}

/* 1 when the watch list answer holds enrollment eid; its days_left in *days. */
static int watch_has(const struct it_resp *r, long long eid, long long *days)
{
	char p[64];

	for (int i = 0; i < 500; i++) {
		long long id;
		snprintf(p, sizeof(p), "items.%d.enrollment_id", i);
		id = it_json_int(r, p, 0);
		if (id == 0)
			return 0;
		if (id == eid) {
			snprintf(p, sizeof(p), "items.%d.days_left", i);
			if (days)
				*days = it_json_int(r, p, -1);
			return 1;
		}
	}
	return 0;
}

static void the_watch_list_shows_a_caseloads_enrollments_near_their_soft_exit(void)
{
	const struct it_session *lao = xf_login("staff25.lao");
	const struct it_session *ahs = xf_login("ahs.tprograms");
	struct it_resp r;
	char path[256], body[512];
	long long near, blocked, far, cm, days = -1;

	CU_ASSERT_PTR_NOT_NULL_FATAL(lao);
	CU_ASSERT_PTR_NOT_NULL_FATAL(ahs);
	cm = xf_sql_num("SELECT id FROM users WHERE login = 'staff25.lao'");
	snprintf(
	        body, sizeof(body),
	        "{\"first_name\": \"Omar\", \"last_name\": \"Watchlist\", \"date_of_birth\": "
	        "\"1990-01-01\", \"confirm_duplicate\": true, \"enrollment\": {\"program_id\": 1, "
	        "\"location_id\": 1, \"application_date\": \"2024-04-01\", \"participation_date\": "
	        "\"2024-04-01\", \"status\": \"enrolled\", \"case_manager_id\": %lld}}",
	        cm);
	CU_ASSERT_EQUAL_FATAL(xf_call(lao, "POST", "/api/v1/participants", NULL, body, &r), 201);
	near = it_json_int(&r, "enrollments.0.id", 0);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(xf_call(lao, "POST", "/api/v1/participants", NULL, body, &r), 201);
	blocked = it_json_int(&r, "enrollments.0.id", 0);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(xf_call(lao, "POST", "/api/v1/participants", NULL, body, &r), 201);
	far = it_json_int(&r, "enrollments.0.id", 0);
	it_resp_free(&r);
	/* L = 2024-05-01: projected soft exit 2024-07-31, 11 days after 2024-07-20. */
	CU_ASSERT(xf_service(lao, near, ADULT_JOB_SEARCH, "completed_successful", "2024-04-02",
	                     "2024-05-01") > 0);
	CU_ASSERT(xf_service(lao, blocked, ADULT_JOB_SEARCH, "open", "2024-04-02", NULL) > 0);
	CU_ASSERT(xf_service(lao, far, ADULT_JOB_SEARCH, "completed_successful", "2024-04-02",
	                     "2024-07-01") > 0);

	snprintf(path, sizeof(path),
	         "/api/v1/soft-exit-watch?as_of=2024-07-20&days=14&case_manager_id=%lld", cm);
	CU_ASSERT_EQUAL_FATAL(xf_call(lao, "GET", path, NULL, NULL, &r), 200);
	CU_ASSERT(watch_has(&r, near, &days));
	CU_ASSERT_EQUAL(days, 11);
	CU_ASSERT(!watch_has(&r, blocked, NULL));
	CU_ASSERT(!watch_has(&r, far, NULL));
	it_resp_free(&r);
	snprintf(path, sizeof(path),
	         "/api/v1/soft-exit-watch?as_of=2024-07-20&days=10&case_manager_id=%lld", cm);
	CU_ASSERT_EQUAL(xf_call(lao, "GET", path, NULL, NULL, &r), 200);
	CU_ASSERT(!watch_has(&r, near, NULL));
	it_resp_free(&r);
	/* Another provider's staff do not see this caseload (R-ACL-1). */
	snprintf(path, sizeof(path), "/api/v1/soft-exit-watch?as_of=2024-07-20&days=14");
	CU_ASSERT_EQUAL(xf_call(ahs, "GET", path, NULL, NULL, &r), 200);
	CU_ASSERT(!watch_has(&r, near, NULL));
	it_resp_free(&r);
	/* Paging: one at a time reaches it through the cursor. */
	{
		char cursor[256] = "";
		int found = 0;
		for (int page = 0; page < 200 && !found; page++) {
			const char *next;
			snprintf(path, sizeof(path),
			         "/api/v1/soft-exit-watch?as_of=2024-07-20&days=14&limit=1%s%s",
			         cursor[0] ? "&cursor=" : "", cursor);
			if (xf_call(lao, "GET", path, NULL, NULL, &r) != 200) {
				it_resp_free(&r);
				break;
			}
			found = watch_has(&r, near, NULL);
			next = it_json_str(&r, "next_cursor");
			snprintf(cursor, sizeof(cursor), "%s", next ? next : "");
			it_resp_free(&r);
			if (!cursor[0])
				break;
		}
		CU_ASSERT(found);
	}
	CU_ASSERT_EQUAL(xf_call(lao, "GET", "/api/v1/soft-exit-watch?days=-1", NULL, NULL, &r),
	                400);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(xf_call(lao, "GET", "/api/v1/soft-exit-watch?cursor=zzz", NULL, NULL, &r),
	                400);
	it_resp_free(&r);
}

static const struct it_test tests[] = {
        {"a WIOA youth is soft-exited with the backdated date and four quarters, once",
         a_wioa_youth_is_soft_exited_with_the_backdated_date_and_four_quarters},
        {"day 90 keeps the enrollment, day 91 exits it (R-EXIT-1's example)",
         day_90_keeps_the_enrollment_and_day_91_exits_it},
        {"a common exit waits for every WIOA program and takes the latest date",
         a_common_exit_waits_for_every_wioa_program_and_takes_the_latest_date},
        {"two sweeps and staff edits at once make one exit each and lose no edit",
         two_sweeps_and_staff_edits_at_once_make_one_exit_each_and_lose_no_edit},
        {"a sweep killed half-way is resumed by the next",
         a_sweep_killed_half_way_is_resumed_by_the_next},
        {"the sweep refuses a future date and bad options",
         the_sweep_refuses_a_future_date_and_bad_options},
        {"the watch list shows a caseload's enrollments near their soft exit",
         the_watch_list_shows_a_caseloads_enrollments_near_their_soft_exit},
};

const struct it_suite it_suite_sweep = {"sweep", tests, IT_LEN(tests)};
