/*
 * test_exit.c: exits over HTTP (issue 6; R-EXIT-3..9, R-CHK-1..3, R-SVC-4,
 * R-ACL-2), walking the help sheets' stories end to end:
 *   - Karen James, WIOA Adult (CalJOBS help sheet 10), hard exited as
 *     deceased with a case note and a verifying document;
 *   - Billy Elliott, SNAP to Success (ISETS), blocked by his open
 *     activities, then exited successful, "Completed Requirements", while
 *     his enrollment with a second provider stays his own (R-EXIT-9);
 *   - a C-Work client taken through every checklist item to CLOSED;
 *   - a C-Work referral closed as not enrolled;
 *   - an exit undone, and an exclusion added after exit, by the people
 *     allowed to, with their audit rows.
 * Each story makes its own participant through the API (the demo caseload
 * stays as it is for the other suites); trackers, whose API belongs to
 * another module, are written with SQL.
 */
#include "exit_fixtures.h"
#include "itest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Service types of migration 0008. */
#define WIOA_JOB_SEARCH 104
#define WIOA_IEP        107
#define SNAP_BE         504
#define SNAP_SJS        502
#define SNAP_VT         506
#define SNAP_TRANS      511
#define SNAP_FOLLOW_UP  514
#define CWORK_ECE       705
#define CWORK_WORKSHOP  701

static long get_exit(const struct it_session *s, long long eid, const char *query,
                     struct it_resp *r)
{
	char path[256];

	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/exit%s", eid, query ? query : "");
	return xf_call(s, "GET", path, NULL, NULL, r);
}

static long post_exit(const struct it_session *s, long long eid, const char *body,
                      struct it_resp *r)
{
	char path[96];

	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/exit", eid);
	return xf_call(s, "POST", path, NULL, body, r);
}

static void expect_status(long long eid, const char *status)
{
	char got[64];

	xf_sql_str(got, sizeof(got), "SELECT status FROM enrollments WHERE id = %lld", eid);
	CU_ASSERT_STRING_EQUAL(got, status);
}

/* 1 when the JSON array at path holds the string s. */
static int array_has(const struct it_resp *r, const char *path, const char *s)
{
	char p[96];

	for (int i = 0; i < 16; i++) {
		const char *v;
		snprintf(p, sizeof(p), "%s.%d", path, i);
		v = it_json_str(r, p);
		if (!v)
			return 0;
		if (!strcmp(v, s))
			return 1;
	}
	return 0;
}

static void karen_james_is_hard_exited_as_deceased_with_a_note_and_a_document(void)
{
	const struct it_session *s = xf_login("staff25.lao");
	struct it_resp r;
	char body[1024], today[16], later[16];
	long long karen = 0, other = 0, eid, other_eid, open_svc, planned_svc, doc, other_doc;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	xf_day(0, today);
	eid = xf_enroll(s, "Karen", "James", XF_WIOA_ADULT, XF_LOC_EAST_LA, "2024-09-03",
	                "2024-09-10", &karen);
	other_eid = xf_enroll(s, "Maria", "Alvarez", XF_WIOA_ADULT, XF_LOC_EAST_LA, "2024-09-03",
	                      "2024-09-10", &other);
	CU_ASSERT_FATAL(eid > 0 && other_eid > 0);
	open_svc = xf_service(s, eid, WIOA_JOB_SEARCH, "open", "2024-09-12", NULL);
	planned_svc = xf_service(s, eid, WIOA_IEP, "planned", xf_day(5, later), NULL);
	doc = xf_document(s, karen, "death-certificate.txt");
	other_doc = xf_document(s, other, "someone-else.txt");
	CU_ASSERT_FATAL(open_svc > 0 && planned_svc > 0 && doc > 0 && other_doc > 0);

	/* Readiness offers the hard exit with CalJOBS's reasons. */
	CU_ASSERT_EQUAL_FATAL(get_exit(s, eid, NULL, &r), 200);
	CU_ASSERT(array_has(&r, "kinds_possible", "hard"));
	CU_ASSERT(array_has(&r, "kinds_possible", "regular"));
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "hard_reasons.2.label"), "Deceased");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "hard_reasons.0.label"), "Institutionalized");
	it_resp_free(&r);

	/* Each missing piece of evidence is refused and nothing is written. */
	snprintf(body, sizeof(body),
	         "{\"kind\": \"hard\", \"exit_date\": \"%s\", \"reason\": \"03\", "
	         "\"case_note\": {\"body\": \"Karen passed away; death certificate to follow.\"}}",
	         today);
	CU_ASSERT_EQUAL(post_exit(s, eid, body, &r), 422);
	CU_ASSERT(xf_has_detail(&r, "document_id", "R-EXIT-4", NULL));
	it_resp_free(&r);
	snprintf(body, sizeof(body),
	         "{\"kind\": \"hard\", \"exit_date\": \"%s\", \"reason\": \"07\", "
	         "\"case_note\": {\"body\": \"x\"}, \"document_id\": %lld}",
	         today, doc);
	CU_ASSERT_EQUAL(post_exit(s, eid, body, &r), 422);
	CU_ASSERT(xf_has_detail(&r, "reason", "R-EXIT-4", "does not offer"));
	it_resp_free(&r);
	snprintf(body, sizeof(body),
	         "{\"kind\": \"hard\", \"exit_date\": \"2024-09-11\", \"reason\": \"03\", "
	         "\"case_note\": {\"body\": \"x\"}, \"document_id\": %lld}",
	         doc);
	CU_ASSERT_EQUAL(post_exit(s, eid, body, &r), 422);
	CU_ASSERT(xf_has_detail(&r, "exit_date", "R-EXIT-4", "before the start"));
	it_resp_free(&r);
	snprintf(body, sizeof(body),
	         "{\"kind\": \"hard\", \"exit_date\": \"%s\", \"reason\": \"03\", "
	         "\"case_note\": {\"body\": \"x\"}, \"document_id\": %lld}",
	         today, other_doc);
	CU_ASSERT_EQUAL(post_exit(s, eid, body, &r), 422);
	CU_ASSERT(xf_has_detail(&r, "document_id", "R-EXIT-4", NULL));
	it_resp_free(&r);
	snprintf(body, sizeof(body),
	         "{\"kind\": \"hard\", \"exit_date\": \"%s\", \"reason\": \"03\"}", today);
	CU_ASSERT_EQUAL(post_exit(s, eid, body, &r), 422);
	CU_ASSERT(xf_has_detail(&r, "case_note_id", "R-EXIT-4", NULL));
	it_resp_free(&r);
	expect_status(eid, "enrolled");
	CU_ASSERT_EQUAL(
	        xf_sql_num("SELECT COUNT(*) FROM case_notes WHERE enrollment_id = %lld", eid), 0);

	/* The outcome: immediate, with the note and its document. */
	snprintf(body, sizeof(body),
	         "{\"kind\": \"hard\", \"exit_date\": \"%s\", \"reason\": \"03\", "
	         "\"case_note\": {\"subject\": \"Global exclusion: deceased\", \"body\": \"Karen "
	         "James passed away. Death certificate attached.\"}, \"document_id\": %lld}",
	         today, doc);
	CU_ASSERT_EQUAL_FATAL(post_exit(s, eid, body, &r), 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "status"), "exited");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "case_status"), "closed");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "exit.kind"), "hard");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "exit.exit_date"), today);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "exit.exclusion_reason"), "03");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "exit.exclusion_reason_label"), "Deceased");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "exit.exited_by"), "staff25.lao");
	CU_ASSERT_PTR_NULL(it_json_str(&r, "exit.exclusion_deadline"));
	CU_ASSERT_PTR_NULL(it_json_str(&r, "kinds_possible.0"));
	it_resp_free(&r);

	/* R-EXIT-4: the open service ended unsuccessful on the exit date, the
	 * planned one deleted; one exit note, with the document. */
	{
		char st[64], end[16];
		xf_sql_str(st, sizeof(st), "SELECT status FROM services WHERE id = %lld", open_svc);
		CU_ASSERT_STRING_EQUAL(st, "completed_unsuccessful");
		xf_sql_str(end, sizeof(end), "SELECT end_date FROM services WHERE id = %lld",
		           open_svc);
		CU_ASSERT_STRING_EQUAL(end, today);
		xf_sql_str(st, sizeof(st), "SELECT status FROM services WHERE id = %lld",
		           planned_svc);
		CU_ASSERT_STRING_EQUAL(st, "deleted");
	}
	CU_ASSERT_EQUAL(xf_sql_num("SELECT COUNT(*) FROM case_notes WHERE enrollment_id = %lld "
	                           "AND note_type = 'exit'",
	                           eid),
	                1);
	CU_ASSERT_EQUAL(xf_sql_num("SELECT COUNT(*) FROM case_note_documents d JOIN case_notes n "
	                           "ON n.id = d.case_note_id WHERE n.enrollment_id = %lld "
	                           "AND d.document_id = %lld",
	                           eid, doc),
	                1);
	CU_ASSERT_EQUAL(xf_audit_count("enrollment", eid, "exit"), 1);
	CU_ASSERT_EQUAL(xf_audit_count("service", open_svc, "hard_exit"), 1);
	CU_ASSERT_EQUAL(xf_audit_count("service", planned_svc, "hard_exit"), 1);

	/* No quarters to fill, no follow-up, no more services but follow-up. */
	CU_ASSERT_EQUAL(
	        xf_sql_num("SELECT COUNT(*) FROM post_exit_quarters WHERE enrollment_id = %lld",
	                   eid),
	        0);
	{
		char path[96];
		snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/post-exit", eid);
		CU_ASSERT_EQUAL(xf_call(s, "GET", path, NULL, NULL, &r), 200);
		CU_ASSERT_STRING_EQUAL(
		        json_object_to_json_string(json_object_object_get(r.json, "applies")),
		        "false");
		CU_ASSERT_PTR_NULL(it_json_str(&r, "quarters.0.first_day"));
		it_resp_free(&r);
		snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/follow-ups", eid);
		CU_ASSERT_EQUAL(xf_call(s, "GET", path, NULL, NULL, &r), 200);
		CU_ASSERT_STRING_EQUAL(it_json_str(&r, "state"), "not_required");
		it_resp_free(&r);
		snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/services", eid);
		snprintf(body, sizeof(body),
		         "{\"service_type_id\": %d, \"status\": \"open\", \"start_date\": \"%s\"}",
		         WIOA_JOB_SEARCH, today);
		CU_ASSERT_EQUAL(xf_call(s, "POST", path, NULL, body, &r), 409);
		CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "enrollment_exited");
		it_resp_free(&r);
	}

	/* Once out, out: a second exit and a late exclusion are refused. */
	snprintf(body, sizeof(body),
	         "{\"kind\": \"hard\", \"exit_date\": \"%s\", \"reason\": \"01\", "
	         "\"case_note\": {\"body\": \"again\"}, \"document_id\": %lld}",
	         today, doc);
	CU_ASSERT_EQUAL(post_exit(s, eid, body, &r), 409);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "invalid_state");
	it_resp_free(&r);
	{
		char path[96];
		snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/exclusion", eid);
		snprintf(body, sizeof(body),
		         "{\"reason\": \"01\", \"case_note\": {\"body\": \"x\"}, \"document_id\": "
		         "%lld}",
		         doc);
		CU_ASSERT_EQUAL(xf_call(it_statewide(), "POST", path, NULL, body, &r), 409);
		CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "exclusion_not_allowed");
		it_resp_free(&r);
	}
	CU_ASSERT_EQUAL(xf_audit_count("enrollment", eid, "exit"), 1);
}

/* Billy's four activities as the ISETS sheet shows them; ids in svc[4]. */
static void billys_activities(const struct it_session *s, long long eid, long long svc[4])
{
	svc[0] = xf_service(s, eid, SNAP_BE, "open", "2023-08-22", NULL);
	svc[1] = xf_service(s, eid, SNAP_SJS, "open", "2023-08-28", NULL);
	svc[2] = xf_service(s, eid, SNAP_TRANS, "open", "2023-08-22", NULL);
	svc[3] = xf_service(s, eid, SNAP_VT, "open", "2023-08-28", NULL);
}

static const char billy_exit[] =
        "{\"kind\": \"regular\", \"isets_program\": \"snap_to_success\", "
        "\"completion_status\": \"exited_successful\", \"outcome_reason\": "
        "\"successful_completed_requirements\", \"program_completion_date\": \"2023-11-30\"}";

static void billy_elliott_is_blocked_by_open_activities_then_exits_successful(void)
{
	const struct it_session *s = xf_login("ahs.tprograms");
	const struct it_session *lao = xf_login("staff25.lao");
	struct it_resp r;
	const char *why = NULL;
	char path[128];
	long long billy = 0, eid, north, svc[4];

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	CU_ASSERT_PTR_NOT_NULL_FATAL(lao);
	eid = xf_enroll(s, "Billy", "Elliott", XF_SNAP_TO_SUCCESS, XF_LOC_AHS, "2023-08-21",
	                "2023-08-31", &billy);
	CU_ASSERT_FATAL(eid > 0);
	billys_activities(s, eid, svc);
	CU_ASSERT_FATAL(svc[0] > 0 && svc[1] > 0 && svc[2] > 0 && svc[3] > 0);
	/* R-EXIT-9: co-enrolled with a second provider, who exits on its own. */
	north = xf_enroll_again(it_statewide(), billy, XF_SNAP_JP, XF_LOC_NORTHSIDE, "2023-09-01",
	                        "2023-09-05");
	CU_ASSERT_FATAL(north > 0);

	/* Readiness names every open activity, supportive services aside. */
	CU_ASSERT_EQUAL_FATAL(get_exit(s, eid, "?as_of=2023-11-20", &r), 200);
	CU_ASSERT_EQUAL(xf_item_met(&r, "activities_complete_except_supportive", &why), 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(why);
	CU_ASSERT(xf_contains(why, "VT - Vocational Training is Started/Open since 2023-08-28"));
	CU_ASSERT(xf_contains(why,
	                      "BE - Basic Education (ABE/GED) is Started/Open since 2023-08-22"));
	CU_ASSERT(!xf_contains(why, "Transportation"));
	CU_ASSERT_EQUAL(xf_item_met(&r, "msg_entered", NULL), 0);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "last_qualifying_service.date"), "2023-08-28");
	CU_ASSERT_PTR_NULL(it_json_str(&r, "soft_exit.projected_date"));
	it_resp_free(&r);

	/* R-EXIT-3: refused, listing the unmet item; nothing written. */
	CU_ASSERT_EQUAL(post_exit(s, eid, billy_exit, &r), 409);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "exit_blocked");
	CU_ASSERT(xf_has_detail(&r, "activities_complete_except_supportive", "R-CHK-2",
	                        "BE - Basic Education (ABE/GED) is Started/Open since 2023-08-22"));
	/* The whole list of open activities comes with the refusal. */
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "unmet.0.code"),
	                       "activities_complete_except_supportive");
	CU_ASSERT(xf_contains(it_json_str(&r, "unmet.0.why"),
	                      "VT - Vocational Training is Started/Open since 2023-08-28"));
	it_resp_free(&r);
	expect_status(eid, "enrolled");
	CU_ASSERT_EQUAL(xf_audit_count("enrollment", eid, "exit"), 0);
	/* A field the ISETS form does not ask for. */
	CU_ASSERT_EQUAL(post_exit(s, eid,
	                          "{\"kind\": \"regular\", \"school_status\": "
	                          "\"not_attending_hs_graduate\"}",
	                          &r),
	                422);
	CU_ASSERT(xf_has_detail(&r, "school_status", "R-EXIT-3", "not asked"));
	it_resp_free(&r);
	/* Another provider's staff cannot even see this enrollment. */
	CU_ASSERT_EQUAL(post_exit(lao, eid, billy_exit, &r), 404);
	it_resp_free(&r);

	/* The activities completed; transportation may stay open. */
	CU_ASSERT_EQUAL(xf_service_close(s, svc[0], "completed_successful", "2023-11-15"), 200);
	CU_ASSERT_EQUAL(xf_service_close(s, svc[1], "completed_unsuccessful", "2023-11-10"), 200);
	CU_ASSERT_EQUAL(xf_service_close(s, svc[3], "completed_successful", "2023-11-15"), 200);

	/* A completion status needs its own kind of outcome reason (R-CHK-2). */
	CU_ASSERT_EQUAL(post_exit(s, eid,
	                          "{\"kind\": \"regular\", \"isets_program\": \"snap_to_success\", "
	                          "\"completion_status\": \"exited_successful\", "
	                          "\"outcome_reason\": \"unsuccessful_moved_out_of_area\", "
	                          "\"program_completion_date\": \"2023-11-30\"}",
	                          &r),
	                409);
	CU_ASSERT(xf_has_detail(&r, "completion_status", "R-CHK-2", NULL));
	it_resp_free(&r);
	/* An empty form: the checklist names what the ISETS form asks for. */
	CU_ASSERT_EQUAL(post_exit(s, eid, "{\"kind\": \"regular\"}", &r), 409);
	CU_ASSERT(xf_has_detail(&r, "program_completion_date", "R-CHK-2", NULL));
	CU_ASSERT(xf_has_detail(&r, "isets_program", "R-CHK-2", NULL));
	it_resp_free(&r);
	/* The exit date cannot precede the last activity (R-EXIT-3). */
	CU_ASSERT_EQUAL(post_exit(s, eid,
	                          "{\"kind\": \"regular\", \"isets_program\": \"snap_to_success\", "
	                          "\"completion_status\": \"exited_successful\", "
	                          "\"outcome_reason\": \"successful_completed_requirements\", "
	                          "\"program_completion_date\": \"2023-11-12\"}",
	                          &r),
	                422);
	CU_ASSERT(xf_has_detail(&r, "exit_date", "R-EXIT-3", "2023-11-15"));
	it_resp_free(&r);

	CU_ASSERT_EQUAL_FATAL(post_exit(s, eid, billy_exit, &r), 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "status"), "exited");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "exit.kind"), "regular");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "exit.exit_date"), "2023-11-30");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "exit.completion_status_label"),
	                       "Exited - Successful Completion");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "exit.outcome_reason_label"),
	                       "Completed Requirements");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "exit.isets_program_label"), "SNAP to Success");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "exit.exited_by"), "ahs.tprograms");
	it_resp_free(&r);
	CU_ASSERT_EQUAL(xf_audit_count("enrollment", eid, "exit"), 1);

	/* R-PEX-1: four quarters, Q1 the calendar quarter after the exit's. */
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/post-exit", eid);
	CU_ASSERT_EQUAL(xf_call(s, "GET", path, NULL, NULL, &r), 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "quarters.0.first_day"), "2024-01-01");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "quarters.3.last_day"), "2024-12-31");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "exit.exit_reason_label"), "Completed Requirements");
	it_resp_free(&r);
	/* The summary shows the successful exit. */
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/summary?as_of=2023-12-01", eid);
	CU_ASSERT_EQUAL(xf_call(s, "GET", path, NULL, NULL, &r), 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "items.0.status"), "Complete");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "items.4.result"), "Exited - Successful Completion");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "items.4.status"), "Complete");
	it_resp_free(&r);

	/* R-SVC-4 end to end: no more activities, except follow-up. */
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/services", eid);
	CU_ASSERT_EQUAL(xf_call(s, "POST", path, NULL,
	                        "{\"service_type_id\": 502, \"status\": \"open\", "
	                        "\"start_date\": \"2023-12-01\"}",
	                        &r),
	                409);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "enrollment_exited");
	it_resp_free(&r);
	CU_ASSERT(xf_service(s, eid, SNAP_FOLLOW_UP, "completed_successful", "2023-12-05",
	                     "2023-12-05") > 0);

	/* R-EXIT-9: the other provider's enrollment is untouched and out of
	 * this provider's reach. */
	expect_status(north, "enrolled");
	CU_ASSERT_EQUAL(get_exit(s, north, NULL, &r), 404);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(get_exit(it_statewide(), north, NULL, &r), 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "status"), "enrolled");
	it_resp_free(&r);
}

/* Adds a tracker with SQL (the trackers API is another module's). */
static void tracker(long long eid, const char *type, const char *status, const char *stage,
                    const char *date, const char *end, const char *created)
{
	char st[40] = "NULL", sg[40] = "NULL", d[24] = "NULL", e[24] = "NULL";

	if (status)
		snprintf(st, sizeof(st), "'%s'", status);
	if (stage)
		snprintf(sg, sizeof(sg), "'%s'", stage);
	if (date)
		snprintf(d, sizeof(d), "'%s'", date);
	if (end)
		snprintf(e, sizeof(e), "'%s'", end);
	CU_ASSERT_EQUAL(xf_sql("INSERT INTO trackers (enrollment_id, tracker_type, status, stage, "
	                       "tracker_date, end_date, created_on) VALUES (%lld, '%s', %s, %s, "
	                       "%s, %s, '%s')",
	                       eid, type, st, sg, d, e, created),
	                0);
}

/* Readiness of eid as of today: item `code` met or not, and the exit still
 * blocked or not. */
static void expect_item(const struct it_session *s, long long eid, const char *code, int met,
                        int blocked)
{
	struct it_resp r;
	json_object *b = NULL;

	CU_ASSERT_EQUAL_FATAL(get_exit(s, eid, NULL, &r), 200);
	CU_ASSERT_EQUAL(xf_item_met(&r, code, NULL), met);
	json_object_object_get_ex(r.json, "blocked", &b);
	CU_ASSERT_EQUAL(json_object_get_boolean(b) ? 1 : 0, blocked);
	it_resp_free(&r);
}

static void a_cwork_client_goes_through_every_checklist_item_to_closed(void)
{
	const struct it_session *s = xf_login("cwork.kim");
	struct it_resp r;
	char today[16], begin[16], old[16], body[512], path[128], etag[32];
	long long eid, goal, iv;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	xf_day(0, today);
	xf_day(-200, begin);
	xf_day(-150, old);
	eid = xf_enroll(s, "Rosa", "Cworkclient", XF_CWORK, XF_LOC_CWORK, begin, begin, NULL);
	CU_ASSERT_FATAL(eid > 0);
	CU_ASSERT_FATAL(xf_service(s, eid, CWORK_ECE, "open", old, NULL) > 0);
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/goals", eid);
	CU_ASSERT_EQUAL_FATAL(xf_call(s, "POST", path, NULL,
	                              "{\"statement\": \"Complete the ECE course\", \"category\": "
	                              "\"education_training_plan\", \"term\": \"short\", "
	                              "\"status\": \"on_track\"}",
	                              &r),
	                      201);
	goal = it_json_int(&r, "id", 0);
	it_resp_free(&r);

	/* Nothing done yet: the trackers, the goal, the reason and comments. */
	CU_ASSERT_EQUAL_FATAL(get_exit(s, eid, NULL, &r), 200);
	CU_ASSERT_EQUAL(xf_item_met(&r, "cwork_intervention_exited", NULL), 0);
	CU_ASSERT_EQUAL(xf_item_met(&r, "cwork_employment_tracker_exit", NULL), 0);
	CU_ASSERT_EQUAL(xf_item_met(&r, "cwork_ece_course_closed", NULL), 1);
	CU_ASSERT_EQUAL(xf_item_met(&r, "cwork_internship_closed", NULL), 1);
	CU_ASSERT_EQUAL(xf_item_met(&r, "cwork_income_same_fiscal_quarter", NULL), 0);
	CU_ASSERT_EQUAL(xf_item_met(&r, "cwork_housing_tracker_exit", NULL), 0);
	CU_ASSERT_EQUAL(xf_item_met(&r, "goals_closed", NULL), 0);
	CU_ASSERT_EQUAL(xf_item_met(&r, "cwork_exit_reason", NULL), 0);
	CU_ASSERT_EQUAL(xf_item_met(&r, "exit_comments", NULL), 0);
	CU_ASSERT(array_has(&r, "fields", "exit_reason"));
	CU_ASSERT(array_has(&r, "fields", "comments"));
	it_resp_free(&r);
	snprintf(body, sizeof(body),
	         "{\"kind\": \"regular\", \"exit_date\": \"%s\", \"exit_reason\": "
	         "\"program_completion\", \"comments\": \"Finished the ECE course and the "
	         "internship; working as an assistant teacher.\"}",
	         today);
	CU_ASSERT_EQUAL(post_exit(s, eid, body, &r), 409);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "exit_blocked");
	CU_ASSERT(xf_has_detail(&r, NULL, "R-CHK-3", "No Intervention Tracker"));
	CU_ASSERT(!xf_has_detail(&r, "exit_reason", NULL, NULL));
	it_resp_free(&r);

	/* 1. The intervention tracker: ACTIVE is not enough; EXITED with its
	 * exit date, end reason and details is. */
	tracker(eid, "intervention", "ACTIVE", NULL, begin, NULL, begin);
	expect_item(s, eid, "cwork_intervention_exited", 0, 1);
	iv = xf_sql_num("SELECT MAX(id) FROM trackers WHERE enrollment_id = %lld", eid);
	CU_ASSERT_EQUAL(xf_sql("UPDATE trackers SET status = 'EXITED', end_date = '%s', "
	                       "end_reason = 'program_completion', end_details = 'Completed the "
	                       "course and internship' WHERE id = %lld",
	                       today, iv),
	                0);
	expect_item(s, eid, "cwork_intervention_exited", 1, 1);
	/* 2. A new employment tracker at PROGRAM_EXIT. */
	tracker(eid, "employment", NULL, "PROGRAM_EXIT", today, NULL, today);
	expect_item(s, eid, "cwork_employment_tracker_exit", 1, 1);
	/* 3. An open ECE course tracker blocks until it has status and end. */
	tracker(eid, "ece_course", "ACTIVE", NULL, old, NULL, old);
	expect_item(s, eid, "cwork_ece_course_closed", 0, 1);
	CU_ASSERT_EQUAL(xf_sql("UPDATE trackers SET status = 'COMPLETED', end_date = '%s' "
	                       "WHERE enrollment_id = %lld AND tracker_type = 'ece_course'",
	                       today, eid),
	                0);
	expect_item(s, eid, "cwork_ece_course_closed", 1, 1);
	/* 4. The internship tracker likewise. */
	tracker(eid, "internship", "ACTIVE", NULL, old, NULL, old);
	expect_item(s, eid, "cwork_internship_closed", 0, 1);
	CU_ASSERT_EQUAL(xf_sql("UPDATE trackers SET status = 'COMPLETED', end_date = '%s' "
	                       "WHERE enrollment_id = %lld AND tracker_type = 'internship'",
	                       today, eid),
	                0);
	expect_item(s, eid, "cwork_internship_closed", 1, 1);
	/* 5. Income: an old tracker is not in the exit's fiscal quarter; a new one is. */
	tracker(eid, "income", NULL, NULL, begin, NULL, begin);
	expect_item(s, eid, "cwork_income_same_fiscal_quarter", 0, 1);
	tracker(eid, "income", NULL, NULL, today, NULL, today);
	expect_item(s, eid, "cwork_income_same_fiscal_quarter", 1, 1);
	/* 6. A new housing tracker at PROGRAM_EXIT. */
	tracker(eid, "housing", NULL, "PROGRAM_EXIT", today, NULL, today);
	expect_item(s, eid, "cwork_housing_tracker_exit", 1, 1);
	/* 7. The goal closed with its actual completion date. */
	snprintf(path, sizeof(path), "/api/v1/goals/%lld", goal);
	CU_ASSERT_EQUAL(xf_call(s, "GET", path, NULL, NULL, &r), 200);
	CU_ASSERT_PTR_NOT_NULL(it_header(&r, "ETag", etag, sizeof(etag)));
	it_resp_free(&r);
	snprintf(body, sizeof(body),
	         "{\"status\": \"complete\", \"progress\": \"COMPLETED\", "
	         "\"actual_completion_date\": \"%s\"}",
	         today);
	CU_ASSERT_EQUAL(xf_call(s, "PATCH", path, etag, body, &r), 200);
	it_resp_free(&r);
	expect_item(s, eid, "goals_closed", 1, 1);

	/* 8, 9. The reason must be one of C-Work's five, and comments given. */
	snprintf(body, sizeof(body),
	         "{\"kind\": \"regular\", \"exit_date\": \"%s\", \"exit_reason\": \"moved_away\", "
	         "\"comments\": \"x\"}",
	         today);
	CU_ASSERT_EQUAL(post_exit(s, eid, body, &r), 409);
	CU_ASSERT(xf_has_detail(&r, "exit_reason", "R-CHK-3", NULL));
	it_resp_free(&r);
	snprintf(body, sizeof(body),
	         "{\"kind\": \"regular\", \"exit_date\": \"%s\", \"exit_reason\": "
	         "\"program_completion\"}",
	         today);
	CU_ASSERT_EQUAL(post_exit(s, eid, body, &r), 409);
	CU_ASSERT(xf_has_detail(&r, "comments", "R-EXIT-3", NULL));
	it_resp_free(&r);
	expect_status(eid, "enrolled");

	snprintf(body, sizeof(body),
	         "{\"kind\": \"regular\", \"exit_date\": \"%s\", \"exit_reason\": "
	         "\"program_completion\", \"comments\": \"Finished the ECE course and the "
	         "internship; working as an assistant teacher.\"}",
	         today);
	CU_ASSERT_EQUAL_FATAL(post_exit(s, eid, body, &r), 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "status"), "exited");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "case_status"), "closed");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "exit.exit_reason_label"), "Program completion");
	CU_ASSERT(xf_contains(it_json_str(&r, "exit.comments"), "assistant teacher"));
	it_resp_free(&r);
	/* The enrollment itself: case CLOSED, program EXITED. */
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld", eid);
	CU_ASSERT_EQUAL(xf_call(s, "GET", path, NULL, NULL, &r), 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "case_status"), "closed");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "status"), "exited");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "exit_kind"), "regular");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "exit_reason"), "program_completion");
	it_resp_free(&r);
}

static void a_cwork_referral_never_served_is_closed_as_not_enrolled(void)
{
	const struct it_session *s = xf_login("cwork.kim");
	const struct it_session *lao = xf_login("staff25.lao");
	struct it_resp r;
	char later[16], path[128], etag[32];
	long long referral, served, wioa;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	CU_ASSERT_PTR_NOT_NULL_FATAL(lao);
	referral =
	        xf_enroll(s, "Nadia", "Referral", XF_CWORK, XF_LOC_CWORK, "2025-02-03", NULL, NULL);
	served = xf_enroll(s, "Omar", "Workshop", XF_CWORK, XF_LOC_CWORK, "2025-02-03",
	                   "2025-02-05", NULL);
	wioa = xf_enroll(lao, "Tran", "Referral", XF_WIOA_ADULT, XF_LOC_EAST_LA, "2025-02-03", NULL,
	                 NULL);
	CU_ASSERT_FATAL(referral > 0 && served > 0 && wioa > 0);
	/* A planned service was never received (R-EXIT-6). */
	CU_ASSERT(xf_service(s, referral, CWORK_WORKSHOP, "planned", xf_day(7, later), NULL) > 0);
	CU_ASSERT(xf_service(s, served, CWORK_WORKSHOP, "completed_successful", "2025-02-10",
	                     "2025-02-10") > 0);

	CU_ASSERT_EQUAL_FATAL(get_exit(s, referral, NULL, &r), 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "kinds_possible.0"), "not_enrolled");
	CU_ASSERT_PTR_NULL(it_json_str(&r, "kinds_possible.1"));
	it_resp_free(&r);
	CU_ASSERT_EQUAL(post_exit(s, served, "{\"kind\": \"not_enrolled\"}", &r), 409);
	CU_ASSERT(xf_has_detail(&r, "kind", "R-EXIT-6", "received a service"));
	it_resp_free(&r);
	CU_ASSERT_EQUAL(post_exit(lao, wioa, "{\"kind\": \"not_enrolled\"}", &r), 409);
	CU_ASSERT(xf_has_detail(&r, "kind", "R-EXIT-6", "does not close"));
	it_resp_free(&r);
	/* A regular exit is for someone enrolled. */
	CU_ASSERT_EQUAL(post_exit(s, referral,
	                          "{\"kind\": \"regular\", \"exit_reason\": \"lack_of_contact\", "
	                          "\"comments\": \"x\", \"exit_date\": \"2025-03-01\"}",
	                          &r),
	                409);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "invalid_state");
	it_resp_free(&r);

	CU_ASSERT_EQUAL_FATAL(post_exit(s, referral,
	                                "{\"kind\": \"not_enrolled\", \"comments\": \"Referred in "
	                                "February; never came to orientation.\"}",
	                                &r),
	                      200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "status"), "not_enrolled");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "case_status"), "closed");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "exit.kind"), "not_enrolled");
	it_resp_free(&r);
	CU_ASSERT_EQUAL(xf_sql_num("SELECT COUNT(*) FROM post_exit_quarters WHERE enrollment_id = "
	                           "%lld",
	                           referral),
	                0);
	expect_status(served, "enrolled");

	/* Undone (R-EXIT-7), a not-enrolled closure returns to referred. */
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld", referral);
	CU_ASSERT_EQUAL(xf_call(it_statewide(), "GET", path, NULL, NULL, &r), 200);
	CU_ASSERT_PTR_NOT_NULL(it_header(&r, "ETag", etag, sizeof(etag)));
	it_resp_free(&r);
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/exit?reason=Closed%%20by%%20mistake",
	         referral);
	CU_ASSERT_EQUAL(xf_call(it_statewide(), "DELETE", path, etag, NULL, &r), 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "status"), "referred");
	it_resp_free(&r);
}

/* A WIOA Adult enrollment with one completed service, regularly exited on
 * exit_date by s; returns its id. */
static long long exited_wioa(const struct it_session *s, const char *last, const char *start,
                             const char *end, const char *exit_date)
{
	char body[512];
	struct it_resp r;
	long long eid =
	        xf_enroll(s, "Lee", last, XF_WIOA_ADULT, XF_LOC_EAST_LA, start, start, NULL);

	if (eid <= 0 ||
	    xf_service(s, eid, WIOA_JOB_SEARCH, "completed_successful", start, end) <= 0)
		return 0;
	snprintf(body, sizeof(body),
	         "{\"kind\": \"regular\", \"exit_date\": \"%s\", \"school_status\": "
	         "\"not_attending_hs_graduate\", \"exit_reason\": \"entered_employment\"}",
	         exit_date);
	if (post_exit(s, eid, body, &r) != 200) {
		fprintf(stderr, "\n    exit: %ld %s", r.status, r.body);
		eid = 0;
	}
	it_resp_free(&r);
	return eid;
}

static void an_exit_is_undone_only_by_the_privileged_with_a_reason_keeping_entered_data(void)
{
	const struct it_session *lao = xf_login("staff25.lao");
	const struct it_session *pm = xf_login("pm.lee");
	struct it_resp r;
	char path[160], etag[32], stale[32];
	long long eid;

	CU_ASSERT_PTR_NOT_NULL_FATAL(lao);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pm);
	eid = exited_wioa(lao, "Undone", "2025-01-06", "2025-01-15", "2025-01-20");
	CU_ASSERT_FATAL(eid > 0);
	CU_ASSERT_EQUAL(
	        xf_sql_num("SELECT COUNT(*) FROM post_exit_quarters WHERE enrollment_id = %lld",
	                   eid),
	        4);
	/* Q1 (2025-04-01..06-30) gets data. */
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/post-exit/1", eid);
	CU_ASSERT_EQUAL(xf_call(lao, "PUT", path, "\"1\"",
	                        "{\"outcome\": \"not_employed\", \"verified_date\": \"2025-07-10\", "
	                        "\"verification_source\": \"other\"}",
	                        &r),
	                200);
	it_resp_free(&r);

	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld", eid);
	CU_ASSERT_EQUAL(xf_call(lao, "GET", path, NULL, NULL, &r), 200);
	CU_ASSERT_PTR_NOT_NULL(it_header(&r, "ETag", etag, sizeof(etag)));
	it_resp_free(&r);
	snprintf(path, sizeof(path),
	         "/api/v1/enrollments/%lld/exit?reason=A%%20back-dated%%20service%%20was%%20found",
	         eid);
	/* R-ACL-2: a provider partner may not. */
	CU_ASSERT_EQUAL(xf_call(lao, "DELETE", path, etag, NULL, &r), 403);
	CU_ASSERT(xf_has_detail(&r, NULL, "R-ACL-2", NULL));
	it_resp_free(&r);
	CU_ASSERT_EQUAL(xf_call(pm, "DELETE", path, NULL, NULL, &r), 428);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(xf_call(pm, "DELETE", path, "\"999\"", NULL, &r), 412);
	it_resp_free(&r);
	{
		char noreason[96];
		snprintf(noreason, sizeof(noreason), "/api/v1/enrollments/%lld/exit", eid);
		CU_ASSERT_EQUAL(xf_call(pm, "DELETE", noreason, etag, NULL, &r), 422);
		CU_ASSERT(xf_has_detail(&r, "reason", "R-EXIT-7", NULL));
		it_resp_free(&r);
	}
	expect_status(eid, "exited");

	/* The program manager of the office undoes it. */
	CU_ASSERT_EQUAL_FATAL(xf_call(pm, "DELETE", path, etag, NULL, &r), 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "status"), "enrolled");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "case_status"), "open");
	CU_ASSERT_PTR_NULL(json_object_object_get(r.json, "exit"));
	it_resp_free(&r);
	/* Only the quarter with data is left; the audit row has the reason. */
	CU_ASSERT_EQUAL(xf_sql_num("SELECT COUNT(*) FROM post_exit_quarters WHERE enrollment_id = "
	                           "%lld AND quarter = 1 AND outcome = 'not_employed'",
	                           eid),
	                1);
	CU_ASSERT_EQUAL(
	        xf_sql_num("SELECT COUNT(*) FROM post_exit_quarters WHERE enrollment_id = %lld",
	                   eid),
	        1);
	CU_ASSERT_EQUAL(xf_sql_num("SELECT COUNT(*) FROM audit_log WHERE entity = 'enrollment' AND "
	                           "entity_id = %lld AND action = 'undo_exit' AND reason = "
	                           "'A back-dated service was found'",
	                           eid),
	                1);
	/* Undoing again: there is no exit to undo. */
	snprintf(stale, sizeof(stale), "\"%lld\"",
	         xf_sql_num("SELECT version FROM enrollments WHERE id = %lld", eid));
	CU_ASSERT_EQUAL(xf_call(pm, "DELETE", path, stale, NULL, &r), 409);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "not_exited");
	it_resp_free(&r);
}

static void an_exclusion_is_added_after_exit_until_the_fourth_quarter_ends(void)
{
	const struct it_session *lao = xf_login("staff25.lao");
	struct it_resp r;
	char path[128], body[512], a[16], b[16], c[16];
	long long old, recent, pid, doc;

	CU_ASSERT_PTR_NOT_NULL_FATAL(lao);
	/* Exit 2024-02-10: the window closed on 2025-03-31 (R-EXIT-5). */
	old = exited_wioa(lao, "Lateold", "2024-01-08", "2024-02-01", "2024-02-10");
	recent = exited_wioa(lao, "Laterecent", xf_day(-60, a), xf_day(-40, b), xf_day(-30, c));
	CU_ASSERT_FATAL(old > 0 && recent > 0);
	pid = xf_sql_num("SELECT participant_id FROM enrollments WHERE id = %lld", recent);
	doc = xf_document(lao, pid, "hospital-letter.txt");
	CU_ASSERT_FATAL(doc > 0);
	snprintf(body, sizeof(body),
	         "{\"reason\": \"02\", \"case_note\": {\"body\": \"Long hospital stay since "
	         "leaving the program; letter attached.\"}, \"document_id\": %lld}",
	         doc);

	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/exclusion", old);
	CU_ASSERT_EQUAL(xf_call(it_statewide(), "POST", path, NULL, body, &r), 409);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "exclusion_not_allowed");
	CU_ASSERT(xf_has_detail(&r, "reason", "R-EXIT-5", "2025-03-31"));
	it_resp_free(&r);

	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/exclusion", recent);
	CU_ASSERT_EQUAL(xf_call(lao, "POST", path, NULL, body, &r), 403);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(xf_call(it_statewide(), "POST", path, NULL, body, &r), 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "exit.kind"), "regular");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "exit.exclusion_reason"), "02");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "exit.exclusion_reason_label"), "Health/Medical");
	it_resp_free(&r);
	CU_ASSERT_EQUAL(xf_audit_count("enrollment", recent, "add_exclusion"), 1);
	CU_ASSERT_EQUAL(xf_sql_num("SELECT COUNT(*) FROM case_notes WHERE enrollment_id = %lld "
	                           "AND note_type = 'exit'",
	                           recent),
	                1);
	CU_ASSERT_EQUAL(xf_call(it_statewide(), "POST", path, NULL, body, &r), 409);
	it_resp_free(&r);
}

static void exit_requests_with_bad_input_are_refused_and_change_nothing(void)
{
	const struct it_session *lao = xf_login("staff25.lao");
	struct it_resp r;
	char today[16], body[256];
	long long eid;

	CU_ASSERT_PTR_NOT_NULL_FATAL(lao);
	xf_day(0, today);
	eid = xf_enroll(lao, "Grace", "Badinput", XF_WIOA_ADULT, XF_LOC_EAST_LA, "2025-03-03",
	                "2025-03-03", NULL);
	CU_ASSERT_FATAL(eid > 0);
	CU_ASSERT_EQUAL(post_exit(lao, eid, "{\"kind\": \"soft\"}", &r), 422);
	CU_ASSERT(xf_has_detail(&r, "kind", "R-EXIT-1", NULL));
	it_resp_free(&r);
	CU_ASSERT_EQUAL(post_exit(lao, eid, "{\"kind\": \"sideways\"}", &r), 422);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(post_exit(lao, eid, "{\"kind\": \"regular\", \"colour\": \"blue\"}", &r),
	                422);
	it_resp_free(&r);
	snprintf(body, sizeof(body),
	         "{\"kind\": \"regular\", \"exit_date\": \"2099-01-01\", \"school_status\": "
	         "\"not_attending_hs_graduate\", \"exit_reason\": \"other\"}");
	CU_ASSERT_EQUAL(post_exit(lao, eid, body, &r), 422);
	CU_ASSERT(xf_has_detail(&r, "exit_date", "R-EXIT-3", "future"));
	it_resp_free(&r);
	snprintf(body, sizeof(body),
	         "{\"kind\": \"regular\", \"exit_date\": \"2025-03-01\", \"school_status\": "
	         "\"not_attending_hs_graduate\", \"exit_reason\": \"other\"}");
	CU_ASSERT_EQUAL(post_exit(lao, eid, body, &r), 422);
	CU_ASSERT(xf_has_detail(&r, "exit_date", "R-EXIT-3", "participation"));
	it_resp_free(&r);
	/* WIOA asks for the school status: missing, the checklist blocks. */
	snprintf(body, sizeof(body),
	         "{\"kind\": \"regular\", \"exit_date\": \"%s\", \"exit_reason\": \"other\"}",
	         today);
	CU_ASSERT_EQUAL(post_exit(lao, eid, body, &r), 409);
	CU_ASSERT(xf_has_detail(&r, "school_status", "R-CHK-1", NULL));
	it_resp_free(&r);
	/* A stale If-Match is 412; the readiness GET takes a bad as_of as 400. */
	{
		char path[96];
		snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/exit", eid);
		snprintf(body, sizeof(body),
		         "{\"kind\": \"regular\", \"exit_date\": \"%s\", \"school_status\": "
		         "\"not_attending_hs_graduate\", \"exit_reason\": \"other\"}",
		         today);
		CU_ASSERT_EQUAL(xf_call(lao, "POST", path, "\"77\"", body, &r), 412);
		it_resp_free(&r);
	}
	CU_ASSERT_EQUAL(get_exit(lao, eid, "?as_of=2099-01-01", &r), 400);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(get_exit(lao, eid, "?as_of=yesterday", &r), 400);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(get_exit(lao, 999999999, NULL, &r), 404);
	it_resp_free(&r);
	expect_status(eid, "enrolled");
	CU_ASSERT_EQUAL(xf_audit_count("enrollment", eid, "exit"), 0);
	/* With nothing missing it goes through, If-Match or not. */
	CU_ASSERT_EQUAL(post_exit(lao, eid, body, &r), 200);
	it_resp_free(&r);
}

static const struct it_test tests[] = {
        {"Karen James is hard exited as deceased with a case note and a verifying document",
         karen_james_is_hard_exited_as_deceased_with_a_note_and_a_document},
        {"Billy Elliott is blocked by his open activities, then exits successful (Completed "
         "Requirements), each provider exiting its own enrollment",
         billy_elliott_is_blocked_by_open_activities_then_exits_successful},
        {"a C-Work client goes through every checklist item to CLOSED",
         a_cwork_client_goes_through_every_checklist_item_to_closed},
        {"a C-Work referral never served is closed as not enrolled",
         a_cwork_referral_never_served_is_closed_as_not_enrolled},
        {"an exit is undone only by the privileged, with a reason, keeping entered data",
         an_exit_is_undone_only_by_the_privileged_with_a_reason_keeping_entered_data},
        {"an exclusion is added after exit until the end of the fourth quarter",
         an_exclusion_is_added_after_exit_until_the_fourth_quarter_ends},
        {"exit requests with bad input are refused and change nothing",
         exit_requests_with_bad_input_are_refused_and_change_nothing},
};

const struct it_suite it_suite_exit = {"exit", tests, IT_LEN(tests)};
