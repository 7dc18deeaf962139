/*
 * test_post_exit.c: the four quarters after exit over HTTP (issue 6,
 * "Post-exit quarters"; R-PEX-1, R-DATE-2, R-EXIT-4).
 *
 * A WIOA Adult participant exits on 2025-05-20 holding a job; the quarters
 * are 2025-07-01..2026-06-30. The exit-time facts come with them (exit
 * date, school status at exit, exit reason, the job held at exit), each
 * quarter takes its outcome with earnings, verification and the job it
 * refers to (which must overlap the quarter), a quarter that has not begun
 * takes nothing, and a hard exit has no quarters at all. Jobs are written
 * with SQL: the employment API is another module's.
 */
#include "exit_fixtures.h"
#include "itest.h"

#include <stdio.h>
#include <string.h>

#define WIOA_JOB_SEARCH 104

static long put_quarter(const struct it_session *s, long long eid, int n, const char *etag,
                        const char *body, struct it_resp *r)
{
	char path[128];

	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/post-exit/%d", eid, n);
	return xf_call(s, "PUT", path, etag, body, r);
}

static long get_post_exit(const struct it_session *s, long long eid, struct it_resp *r)
{
	char path[96];

	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/post-exit", eid);
	return xf_call(s, "GET", path, NULL, NULL, r);
}

/* A job of participant pid, with SQL; its id. */
static long long job(long long pid, const char *employer, const char *title, const char *start,
                     const char *end)
{
	char e[24] = "NULL";

	if (end)
		snprintf(e, sizeof(e), "'%s'", end);
	if (xf_sql("INSERT INTO employment (participant_id, employer, start_date, end_date, "
	           "is_current, job_title, city, state, duties, hours_per_week, wage_cents, "
	           "wage_period) VALUES (%lld, '%s', '%s', %s, %d, '%s', 'Los Angeles', 'CA', "
	           "'Stock and receiving', 30, 1650, 'hour')",
	           pid, employer, start, e, end ? 0 : 1, title) != 0)
		return 0;
	return xf_sql_num("SELECT MAX(id) FROM employment WHERE participant_id = %lld", pid);
}

/* A WIOA Adult enrollment exited on exit_date by s; its id and participant. */
static long long exited(const struct it_session *s, const char *last, const char *start,
                        const char *svc_end, const char *exit_date, long long *pid)
{
	char body[512];
	struct it_resp r;
	long long eid =
	        xf_enroll(s, "Tran", last, XF_WIOA_ADULT, XF_LOC_EAST_LA, start, start, pid);

	if (eid <= 0 ||
	    xf_service(s, eid, WIOA_JOB_SEARCH, "completed_successful", start, svc_end) <= 0)
		return 0;
	snprintf(body, sizeof(body),
	         "{\"kind\": \"regular\", \"exit_date\": \"%s\", \"school_status\": "
	         "\"in_school_postsecondary\", \"exit_reason\": \"entered_employment\"}",
	         exit_date);
	{
		char path[96];
		snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/exit", eid);
		if (xf_call(s, "POST", path, NULL, body, &r) != 200) {
			fprintf(stderr, "\n    exit: %ld %s", r.status, r.body);
			eid = 0;
		}
	}
	it_resp_free(&r);
	return eid;
}

static void the_quarters_come_with_the_exit_time_facts_and_their_dates(void)
{
	const struct it_session *s = xf_login("staff25.lao");
	struct it_resp r;
	long long pid = 0, eid, held;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	eid = exited(s, "Quarters", "2025-02-03", "2025-05-15", "2025-05-20", &pid);
	CU_ASSERT_FATAL(eid > 0);
	held = job(pid, "Backroom Team", "Stock associate", "2025-04-07", NULL);
	CU_ASSERT_FATAL(held > 0);
	CU_ASSERT_FATAL(job(pid, "Later Co", "Clerk", "2026-08-03", NULL) > 0);

	CU_ASSERT_EQUAL_FATAL(get_post_exit(s, eid, &r), 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "exit.exit_date"), "2025-05-20");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "exit.school_status_label"),
	                       "In-school, postsecondary school");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "exit.exit_reason_label"),
	                       "Entered unsubsidized employment");
	CU_ASSERT_EQUAL(it_json_int(&r, "exit.employment_at_exit.id", 0), held);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "exit.employment_at_exit.employer"),
	                       "Backroom Team");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "exit.employment_at_exit.start_date"), "2025-04-07");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "exit.employment_at_exit.job_title"),
	                       "Stock associate");
	/* R-DATE-2: exit in Q2 2025, so quarters Q3 2025 .. Q2 2026. */
	CU_ASSERT_EQUAL(it_json_int(&r, "quarters.0.quarter", 0), 1);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "quarters.0.first_day"), "2025-07-01");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "quarters.0.last_day"), "2025-09-30");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "quarters.1.first_day"), "2025-10-01");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "quarters.2.last_day"), "2026-03-31");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "quarters.3.first_day"), "2026-04-01");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "quarters.3.last_day"), "2026-06-30");
	CU_ASSERT_PTR_NULL(it_json_str(&r, "quarters.0.outcome"));
	CU_ASSERT_EQUAL(it_json_int(&r, "quarters.0.version", 0), 1);
	it_resp_free(&r);

	/* Q2 employed at the job held at exit, with earnings and a pay stub. */
	CU_ASSERT_EQUAL_FATAL(
	        put_quarter(s, eid, 2, "\"1\"",
	                    "{\"outcome\": \"employed\", \"earnings\": 5400.50, "
	                    "\"verified_date\": \"2026-01-12\", \"verification_source\": "
	                    "\"pay_stub\", \"employment_id\": 0}",
	                    &r),
	        422);
	it_resp_free(&r);
	{
		char body[256];
		snprintf(
		        body, sizeof(body),
		        "{\"outcome\": \"employed\", \"earnings\": 5400.50, \"verified_date\": "
		        "\"2026-01-12\", \"verification_source\": \"pay_stub\", \"employment_id\": "
		        "%lld}",
		        held);
		CU_ASSERT_EQUAL_FATAL(put_quarter(s, eid, 2, "\"1\"", body, &r), 200);
	}
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "outcome"), "employed");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "outcome_label"), "Employed");
	CU_ASSERT_STRING_EQUAL(
	        json_object_to_json_string(json_object_object_get(r.json, "earnings")), "5400.50");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "verification_source"), "pay_stub");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "employment.employer"), "Backroom Team");
	CU_ASSERT_EQUAL(it_json_int(&r, "version", 0), 2);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(xf_audit_count("post_exit", eid, "update_quarter_2"), 1);
	/* The audit trail of the quarters is the enrollment's to read. */
	{
		char path[128];
		snprintf(path, sizeof(path), "/api/v1/audit?entity=post_exit&id=%lld", eid);
		CU_ASSERT_EQUAL(xf_call(it_statewide(), "GET", path, NULL, NULL, &r), 200);
		CU_ASSERT_STRING_EQUAL(it_json_str(&r, "items.0.action"), "update_quarter_2");
		it_resp_free(&r);
	}
	/* The exit date never moved. */
	{
		char d[16];
		xf_sql_str(d, sizeof(d), "SELECT exit_date FROM enrollments WHERE id = %lld", eid);
		CU_ASSERT_STRING_EQUAL(d, "2025-05-20");
	}
}

static void a_quarter_refuses_what_the_rules_refuse(void)
{
	const struct it_session *s = xf_login("staff25.lao");
	const struct it_session *ahs = xf_login("ahs.tprograms");
	struct it_resp r;
	char body[512], today[16], start[16], end[16];
	long long pid = 0, other = 0, eid, later, fresh, fresh_pid = 0, foreign;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	CU_ASSERT_PTR_NOT_NULL_FATAL(ahs);
	eid = exited(s, "Refusals", "2025-02-03", "2025-05-15", "2025-05-20", &pid);
	CU_ASSERT_FATAL(eid > 0);
	later = job(pid, "Later Co", "Clerk", "2025-11-03", NULL);
	/* A job of another participant. */
	CU_ASSERT_FATAL(xf_enroll(s, "Other", "Person", XF_WIOA_ADULT, XF_LOC_EAST_LA, "2025-02-03",
	                          "2025-02-03", &other) > 0);
	foreign = job(other, "Someone Else Inc", "Driver", "2025-01-06", NULL);
	CU_ASSERT_FATAL(later > 0 && foreign > 0);

	/* The job must overlap the quarter: Q1 ends before "Later Co" starts. */
	snprintf(body, sizeof(body),
	         "{\"outcome\": \"employed\", \"verified_date\": \"2025-10-20\", "
	         "\"verification_source\": \"employer_verification\", \"employment_id\": %lld}",
	         later);
	CU_ASSERT_EQUAL(put_quarter(s, eid, 1, "\"1\"", body, &r), 422);
	CU_ASSERT(xf_has_detail(&r, "employment_id", "R-PEX-1", NULL));
	it_resp_free(&r);
	/* Nor someone else's job. */
	snprintf(body, sizeof(body),
	         "{\"outcome\": \"employed\", \"verified_date\": \"2025-10-20\", "
	         "\"verification_source\": \"employer_verification\", \"employment_id\": %lld}",
	         foreign);
	CU_ASSERT_EQUAL(put_quarter(s, eid, 1, "\"1\"", body, &r), 422);
	it_resp_free(&r);
	/* Employment needs its source; a verification date before the quarter
	 * began is refused; an unknown outcome too. */
	snprintf(
	        body, sizeof(body),
	        "{\"outcome\": \"employed\", \"verified_date\": \"2025-12-20\", \"employment_id\": "
	        "%lld}",
	        later);
	CU_ASSERT_EQUAL(put_quarter(s, eid, 2, "\"1\"", body, &r), 422);
	CU_ASSERT(xf_has_detail(&r, "verification_source", "R-PEX-1", NULL));
	it_resp_free(&r);
	CU_ASSERT_EQUAL(put_quarter(s, eid, 3, "\"1\"",
	                            "{\"outcome\": \"not_employed\", \"verified_date\": "
	                            "\"2025-12-01\"}",
	                            &r),
	                422);
	CU_ASSERT(xf_has_detail(&r, "verified_date", "R-PEX-1", NULL));
	it_resp_free(&r);
	CU_ASSERT_EQUAL(put_quarter(s, eid, 1, "\"1\"", "{\"outcome\": \"retired\"}", &r), 422);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(put_quarter(s, eid, 1, "\"1\"",
	                            "{\"outcome\": \"not_employed\", \"earnings\": -5}", &r),
	                422);
	it_resp_free(&r);
	/* Versions, quarter numbers and reach. */
	CU_ASSERT_EQUAL(put_quarter(s, eid, 1, NULL, "{\"outcome\": \"not_yet_known\"}", &r), 428);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(put_quarter(s, eid, 1, "\"5\"",
	                            "{\"outcome\": \"education_training\", \"verified_date\": "
	                            "\"2025-10-02\"}",
	                            &r),
	                412);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(put_quarter(s, eid, 5, "\"1\"", "{\"outcome\": \"not_yet_known\"}", &r),
	                404);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(put_quarter(ahs, eid, 1, "\"1\"", "{\"outcome\": \"not_yet_known\"}", &r),
	                404);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(xf_sql_num("SELECT COUNT(*) FROM post_exit_quarters WHERE enrollment_id = "
	                           "%lld AND version > 1",
	                           eid),
	                0);
	CU_ASSERT_EQUAL(put_quarter(s, eid, 1, "\"1\"",
	                            "{\"outcome\": \"education_training\", \"verified_date\": "
	                            "\"2025-10-02\", \"verification_source\": \"other\"}",
	                            &r),
	                200);
	it_resp_free(&r);

	/* R-PEX-1: an exit today has quarters that have not begun. */
	xf_day(0, today);
	fresh = exited(s, "Notbegun", xf_day(-30, start), xf_day(-20, end), today, &fresh_pid);
	CU_ASSERT_FATAL(fresh > 0);
	CU_ASSERT_EQUAL(get_post_exit(s, fresh, &r), 200);
	CU_ASSERT_STRING_EQUAL(
	        json_object_to_json_string(json_object_object_get(
	                json_object_array_get_idx(json_object_object_get(r.json, "quarters"), 0),
	                "begun")),
	        "false");
	it_resp_free(&r);
	CU_ASSERT_EQUAL(
	        put_quarter(s, fresh, 1, "\"1\"",
	                    "{\"outcome\": \"not_employed\", \"verified_date\": \"2020-01-01\"}",
	                    &r),
	        409);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "quarter_not_begun");
	it_resp_free(&r);
}

static void a_hard_exit_or_an_open_enrollment_has_no_quarters(void)
{
	const struct it_session *s = xf_login("staff25.lao");
	struct it_resp r;
	char body[512], today[16];
	long long pid = 0, eid, open, doc;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	xf_day(0, today);
	eid = xf_enroll(s, "Ana", "Hardexit", XF_WIOA_ADULT, XF_LOC_EAST_LA, "2025-03-03",
	                "2025-03-03", &pid);
	open = xf_enroll(s, "Ana", "Stillopen", XF_WIOA_ADULT, XF_LOC_EAST_LA, "2025-03-03",
	                 "2025-03-03", NULL);
	CU_ASSERT_FATAL(eid > 0 && open > 0);
	doc = xf_document(s, pid, "orders.txt");
	CU_ASSERT_FATAL(doc > 0);
	snprintf(body, sizeof(body),
	         "{\"kind\": \"hard\", \"exit_date\": \"%s\", \"reason\": \"04\", \"case_note\": "
	         "{\"body\": \"Called to active duty.\"}, \"document_id\": %lld}",
	         today, doc);
	{
		char path[96];
		snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/exit", eid);
		CU_ASSERT_EQUAL_FATAL(xf_call(s, "POST", path, NULL, body, &r), 200);
		it_resp_free(&r);
	}
	CU_ASSERT_EQUAL(put_quarter(s, eid, 1, "\"1\"", "{\"outcome\": \"military\"}", &r), 409);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "no_post_exit");
	it_resp_free(&r);
	CU_ASSERT_EQUAL(put_quarter(s, open, 1, "\"1\"", "{\"outcome\": \"military\"}", &r), 409);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "not_exited");
	it_resp_free(&r);
	/* Not exited: the section is blank. */
	CU_ASSERT_EQUAL(get_post_exit(s, open, &r), 200);
	CU_ASSERT_PTR_NULL(json_object_object_get(r.json, "exit"));
	CU_ASSERT_EQUAL(json_object_array_length(json_object_object_get(r.json, "quarters")), 0);
	it_resp_free(&r);
}

static const struct it_test tests[] = {
        {"the quarters come with the exit-time facts and their dates, and take an outcome",
         the_quarters_come_with_the_exit_time_facts_and_their_dates},
        {"a quarter refuses what the rules refuse and changes nothing",
         a_quarter_refuses_what_the_rules_refuse},
        {"a hard exit or an open enrollment has no quarters to fill",
         a_hard_exit_or_an_open_enrollment_has_no_quarters},
};

const struct it_suite it_suite_post_exit = {"post_exit", tests, IT_LEN(tests)};
