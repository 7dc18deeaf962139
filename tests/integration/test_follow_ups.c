/*
 * test_follow_ups.c: follow-up after exit over HTTP (issue 6, "Follow-up";
 * R-FUP-1, R-EXIT-4, R-SUM-1).
 *
 * A WIOA youth exits on 2025-06-10: one contact is due in each of the four
 * quarters after exit. Contacts are follow-up case notes recorded against
 * the enrollment (completed, declined, unable to locate); when every due
 * contact is done the follow-up is complete, and the workNet summary says
 * so. An adult's schedule runs from the first day of employment instead,
 * and only once there is a job. None of it moves the exit date.
 */
#include "exit_fixtures.h"
#include "itest.h"

#include <stdio.h>
#include <string.h>

#define YOUTH_TUTORING   305
#define ADULT_JOB_SEARCH 104

static long contact(const struct it_session *s, long long eid, const char *date,
                    const char *outcome, const char *extra, struct it_resp *r)
{
	char path[96], body[1024];

	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/follow-ups", eid);
	snprintf(body, sizeof(body),
	         "{\"contact_date\": \"%s\", \"contact_method\": \"phone\", \"subject\": "
	         "\"Quarterly follow-up\", \"body\": \"Called to ask how the new job is going.\", "
	         "\"follow_up_outcome\": \"%s\"%s}",
	         date, outcome, extra ? extra : "");
	return xf_call(s, "POST", path, NULL, body, r);
}

static long follow_ups(const struct it_session *s, long long eid, const char *as_of,
                       struct it_resp *r)
{
	char path[128];

	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/follow-ups%s%s", eid,
	         as_of ? "?as_of=" : "", as_of ? as_of : "");
	return xf_call(s, "GET", path, NULL, NULL, r);
}

/* A regular exit of eid on exit_date with the WIOA fields. */
static long exit_wioa(const struct it_session *s, long long eid, const char *exit_date)
{
	char path[96], body[512];
	struct it_resp r;
	long st;

	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/exit", eid);
	snprintf(body, sizeof(body),
	         "{\"kind\": \"regular\", \"exit_date\": \"%s\", \"school_status\": "
	         "\"not_attending_hs_graduate\", \"exit_reason\": \"completed_services\"}",
	         exit_date);
	st = xf_call(s, "POST", path, NULL, body, &r);
	if (st != 200)
		fprintf(stderr, "\n    exit: %ld %s", r.status, r.body);
	it_resp_free(&r);
	return st;
}

static void a_youths_follow_up_is_complete_when_every_quarter_has_its_contact(void)
{
	const struct it_session *s = xf_login("staff25.lao");
	struct it_resp r;
	char d[16];
	long long eid;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	eid = xf_enroll(s, "Grace", "Followup", XF_WIOA_YOUTH, XF_LOC_EAST_LA, "2025-01-06",
	                "2025-01-06", NULL);
	CU_ASSERT_FATAL(eid > 0);
	CU_ASSERT_FATAL(xf_service(s, eid, YOUTH_TUTORING, "completed_successful", "2025-01-07",
	                           "2025-06-01") > 0);

	/* Before the exit: no follow-up, and no contact can be taken. */
	CU_ASSERT_EQUAL(follow_ups(s, eid, NULL, &r), 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "state"), "not_exited");
	it_resp_free(&r);
	CU_ASSERT_EQUAL(contact(s, eid, "2025-06-05", "completed", NULL, &r), 409);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "not_exited");
	it_resp_free(&r);

	CU_ASSERT_EQUAL_FATAL(exit_wioa(s, eid, "2025-06-10"), 200);
	CU_ASSERT_EQUAL_FATAL(follow_ups(s, eid, "2025-08-01", &r), 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "rule"), "youth_12_months_after_exit");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "state"), "in_progress");
	CU_ASSERT_EQUAL(it_json_int(&r, "scheduled", 0), 4);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "schedule.0.from"), "2025-07-01");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "schedule.0.due"), "2025-09-30");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "schedule.0.state"), "open");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "schedule.3.due"), "2026-06-30");
	it_resp_free(&r);

	/* Refused: before the exit, in the future, an unknown outcome, missing
	 * fields; nothing is written. */
	CU_ASSERT_EQUAL(contact(s, eid, "2025-06-01", "completed", NULL, &r), 422);
	CU_ASSERT(xf_has_detail(&r, "contact_date", "R-FUP-1", "2025-06-10"));
	it_resp_free(&r);
	CU_ASSERT_EQUAL(contact(s, eid, xf_day(3, d), "completed", NULL, &r), 422);
	CU_ASSERT(xf_has_detail(&r, "contact_date", NULL, NULL));
	it_resp_free(&r);
	CU_ASSERT_EQUAL(contact(s, eid, "2025-08-01", "ghosted", NULL, &r), 422);
	it_resp_free(&r);
	{
		char path[96];
		snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/follow-ups", eid);
		CU_ASSERT_EQUAL(
		        xf_call(s, "POST", path, NULL, "{\"contact_date\": \"2025-08-01\"}", &r),
		        422);
		CU_ASSERT(xf_has_detail(&r, "contact_method", NULL, NULL));
		CU_ASSERT(xf_has_detail(&r, "follow_up_outcome", NULL, NULL));
		it_resp_free(&r);
	}
	CU_ASSERT_EQUAL(
	        xf_sql_num("SELECT COUNT(*) FROM case_notes WHERE enrollment_id = %lld", eid), 0);

	/* One contact a quarter: done, declined, unable to locate, done. */
	CU_ASSERT_EQUAL_FATAL(
	        contact(s, eid, "2025-08-01", "completed",
	                ", \"visibility\": \"participant\", \"recipients\": [\"Grace Followup\"]",
	                &r),
	        201);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "schedule.0.state"), "done");
	CU_ASSERT_EQUAL(it_json_int(&r, "schedule.0.contact_id", 0),
	                it_json_int(&r, "contact_id", -1));
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "contacts.0.recipients.0"), "Grace Followup");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "contacts.0.follow_up_outcome_label"), "Completed");
	it_resp_free(&r);
	CU_ASSERT_EQUAL(contact(s, eid, "2025-11-05", "declined", NULL, &r), 201);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(contact(s, eid, "2026-02-10", "unable_to_locate", NULL, &r), 201);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(follow_ups(s, eid, "2026-04-15", &r), 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "state"), "in_progress");
	CU_ASSERT_EQUAL(it_json_int(&r, "done", 0), 3);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(contact(s, eid, "2026-05-01", "completed", NULL, &r), 201);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(follow_ups(s, eid, NULL, &r), 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "state"), "complete");
	CU_ASSERT_EQUAL(it_json_int(&r, "done", 0), 4);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "contacts.1.follow_up_outcome"), "declined");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "contacts.2.follow_up_outcome_label"),
	                       "Unable to locate");
	it_resp_free(&r);

	/* The contacts are case notes of type follow_up, audited. */
	CU_ASSERT_EQUAL(xf_sql_num("SELECT COUNT(*) FROM case_notes WHERE enrollment_id = %lld AND "
	                           "note_type = 'follow_up'",
	                           eid),
	                4);
	CU_ASSERT_EQUAL(xf_sql_num("SELECT COUNT(*) FROM audit_log a JOIN case_notes n ON "
	                           "a.entity = 'case_note' AND a.entity_id = n.id WHERE "
	                           "n.enrollment_id = %lld AND a.action = 'create'",
	                           eid),
	                4);
	/* The workNet summary's last item; the exit date has not moved. */
	{
		char path[96];
		snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/summary", eid);
		CU_ASSERT_EQUAL(xf_call(s, "GET", path, NULL, NULL, &r), 200);
		CU_ASSERT_STRING_EQUAL(it_json_str(&r, "items.4.code"), "followup_complete");
		CU_ASSERT_STRING_EQUAL(it_json_str(&r, "items.4.status"), "Complete");
		it_resp_free(&r);
		xf_sql_str(d, sizeof(d), "SELECT exit_date FROM enrollments WHERE id = %lld", eid);
		CU_ASSERT_STRING_EQUAL(d, "2025-06-10");
	}
}

static void an_adults_follow_up_runs_from_the_first_day_of_employment(void)
{
	const struct it_session *s = xf_login("staff25.lao");
	struct it_resp r;
	long long pid = 0, eid;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	eid = xf_enroll(s, "Omar", "Adultfollow", XF_WIOA_ADULT, XF_LOC_EAST_LA, "2025-01-06",
	                "2025-01-06", &pid);
	CU_ASSERT_FATAL(eid > 0);
	CU_ASSERT_FATAL(xf_service(s, eid, ADULT_JOB_SEARCH, "completed_successful", "2025-01-07",
	                           "2025-03-01") > 0);
	CU_ASSERT_EQUAL_FATAL(exit_wioa(s, eid, "2025-03-10"), 200);
	/* No job yet: nothing is scheduled. */
	CU_ASSERT_EQUAL(follow_ups(s, eid, NULL, &r), 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "rule"), "after_first_employment_12_months");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "state"), "not_required");
	CU_ASSERT_EQUAL(it_json_int(&r, "scheduled", -1), 0);
	it_resp_free(&r);
	/* A job from 2025-05-05: contacts every three months from that day. */
	CU_ASSERT_EQUAL(xf_sql("INSERT INTO employment (participant_id, employer, start_date, "
	                       "is_current, job_title, city, state, duties, hours_per_week, "
	                       "wage_cents, wage_period) VALUES (%lld, 'Acme Logistics', "
	                       "'2025-05-05', 1, 'Warehouse associate', 'Pomona', 'CA', 'Picking', "
	                       "40, 1900, 'hour')",
	                       pid),
	                0);
	CU_ASSERT_EQUAL(follow_ups(s, eid, "2025-06-01", &r), 200);
	CU_ASSERT(it_json_int(&r, "scheduled", 0) > 0);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "schedule.0.from"), "2025-05-05");
	it_resp_free(&r);
}

static void a_hard_exit_takes_no_follow_up_contacts(void)
{
	const struct it_session *s = xf_login("staff25.lao");
	struct it_resp r;
	char body[512], today[16];
	long long pid = 0, eid, doc;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	xf_day(0, today);
	eid = xf_enroll(s, "Mei", "Nofollowup", XF_WIOA_YOUTH, XF_LOC_EAST_LA, "2025-01-06",
	                "2025-01-06", &pid);
	CU_ASSERT_FATAL(eid > 0);
	doc = xf_document(s, pid, "placement-letter.txt");
	CU_ASSERT_FATAL(doc > 0);
	snprintf(body, sizeof(body),
	         "{\"kind\": \"hard\", \"exit_date\": \"%s\", \"reason\": \"05\", \"case_note\": "
	         "{\"body\": \"Moved out of the area by the foster care system.\"}, "
	         "\"document_id\": %lld}",
	         today, doc);
	{
		char path[96];
		snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/exit", eid);
		CU_ASSERT_EQUAL_FATAL(xf_call(s, "POST", path, NULL, body, &r), 200);
		it_resp_free(&r);
	}
	CU_ASSERT_EQUAL(contact(s, eid, today, "completed", NULL, &r), 409);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "no_follow_up");
	it_resp_free(&r);
	CU_ASSERT_EQUAL(follow_ups(s, eid, NULL, &r), 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "state"), "not_required");
	CU_ASSERT_EQUAL(json_object_to_json_string(json_object_object_get(r.json, "complete"))[0],
	                't');
	it_resp_free(&r);
	/* Out of another provider's reach. */
	CU_ASSERT_EQUAL(follow_ups(xf_login("ahs.tprograms"), eid, NULL, &r), 404);
	it_resp_free(&r);
}

static const struct it_test tests[] = {
        {"a youth's follow-up is complete when every quarter has its contact",
         a_youths_follow_up_is_complete_when_every_quarter_has_its_contact},
        {"an adult's follow-up runs from the first day of employment",
         an_adults_follow_up_runs_from_the_first_day_of_employment},
        {"a hard exit takes no follow-up contacts", a_hard_exit_takes_no_follow_up_contacts},
};

const struct it_suite it_suite_follow_ups = {"follow_ups", tests, IT_LEN(tests)};
