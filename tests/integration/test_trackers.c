/*
 * test_trackers.c: C-Work trackers over HTTP (issue 5; R-CHK-3, R-DATE-4,
 * R-ACL-1): each tracker type with the fields the C-Work profile gives it
 * (migration 0008, settings.trackers), created_on set by the server, every
 * bad input refused with its rule and nothing written, programs without
 * trackers refused, trackers open after the exit, versions, and who may
 * read and write.
 */
#include "itest.h"
#include "outcomes_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PART_DATE "2025-01-10"

static long long tracker_count(long long eid)
{
	return ot_sql("SELECT COUNT(*) FROM trackers WHERE enrollment_id = %lld", eid);
}

/* POSTs body as a tracker of eid; expects status (422 naming field with
 * rule) and no new row. */
static void refused(const struct it_session *s, long long eid, const char *body, const char *field,
                    const char *rule)
{
	char path[96];
	struct it_resp r;
	long long before = tracker_count(eid);

	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/trackers", eid);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", path, NULL, body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 422);
	if (!ot_has_detail(&r, field, rule))
		fprintf(stderr, "\n    expected %s / %s in %s", field, rule, r.body);
	CU_ASSERT(ot_has_detail(&r, field, rule));
	it_resp_free(&r);
	CU_ASSERT_EQUAL(tracker_count(eid), before);
}

static void each_tracker_type_takes_the_fields_its_profile_gives_it(void)
{
	const struct it_session *s = it_statewide();
	struct it_resp r;
	char path[128], list[96], today[16], etag[16];
	long long eid, intervention, course, income, audit;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	eid = ot_enroll(s, OT_CWORK, OT_LOC_CWORK, PART_DATE, NULL, NULL);
	CU_ASSERT_FATAL(eid > 0);
	ot_day(0, today);
	audit = ot_sql("SELECT COUNT(*) FROM audit_log WHERE entity = 'tracker'");
	snprintf(list, sizeof(list), "/api/v1/enrollments/%lld/trackers", eid);

	CU_ASSERT_EQUAL_FATAL(
	        it_call(s, "POST", list, NULL,
	                "{\"tracker_type\": \"intervention\", \"status\": \"ACTIVE\"}", &r),
	        0);
	CU_ASSERT_EQUAL_FATAL(r.status, 201);
	intervention = it_json_int(&r, "id", 0);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "tracker_type_label"), "Intervention Tracker");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "status"), "ACTIVE");
	/* The day it was made is the server's (R-CHK-3: "a NEW tracker"). */
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "created_on"), today);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "\"exit_date\":null"));
	CU_ASSERT_PTR_NOT_NULL(it_header(&r, "ETag", etag, sizeof(etag)));
	it_resp_free(&r);
	CU_ASSERT(ot_create(s, list,
	                    "{\"tracker_type\": \"employment\", \"stage\": \"IN_PROGRAM\"}") > 0);
	course = ot_create(s, list,
	                   "{\"tracker_type\": \"ece_course\", \"status\": \"COMPLETED\", "
	                   "\"end_date\": \"2025-05-30\", \"attendance\": \"12 of 15\", "
	                   "\"grade\": \"B+\"}");
	CU_ASSERT_FATAL(course > 0);
	CU_ASSERT(ot_create(s, list, "{\"tracker_type\": \"internship\", \"status\": \"ACTIVE\"}") >
	          0);
	income =
	        ot_create(s, list,
	                  "{\"tracker_type\": \"income\", \"amount\": 1520, \"period\": \"month\", "
	                  "\"date\": \"2025-06-15\"}");
	CU_ASSERT_FATAL(income > 0);
	CU_ASSERT(
	        ot_create(s, list,
	                  "{\"tracker_type\": \"housing\", \"housing_stage\": \"PROGRAM_EXIT\"}") >
	        0);
	CU_ASSERT_EQUAL(tracker_count(eid), 6);
	/* Stored where the exit checklist reads them (store/facts.c). */
	CU_ASSERT_EQUAL(ot_sql("SELECT COUNT(*) FROM trackers WHERE enrollment_id = %lld AND "
	                       "tracker_type = 'housing' AND stage = 'PROGRAM_EXIT'",
	                       eid),
	                1);
	CU_ASSERT_EQUAL(ot_sql("SELECT COUNT(*) FROM trackers WHERE id = %lld AND "
	                       "tracker_date = '2025-06-15' AND income_cents = 152000",
	                       income),
	                1);

	snprintf(path, sizeof(path), "/api/v1/trackers/%lld", course);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "attendance"), "12 of 15");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "grade"), "B+");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "end_date"), "2025-05-30");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "status_label"), "COMPLETED");
	it_resp_free(&r);
	snprintf(path, sizeof(path), "/api/v1/trackers/%lld", income);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "\"amount\":1520.00"));
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "period"), "month");
	it_resp_free(&r);

	/* Exit the intervention as the C-Work checklist asks. */
	snprintf(path, sizeof(path), "/api/v1/trackers/%lld", intervention);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", path, "\"1\"",
	                              "{\"status\": \"EXITED\", \"exit_date\": \"2025-06-30\", "
	                              "\"end_reason\": \"program_completion\", \"end_details\": "
	                              "\"Finished the course.\", \"outcomes_detail\": [\"Completed "
	                              "ECE course\", \"Obtained employment\"]}",
	                              &r),
	                      0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "status"), "EXITED");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "exit_date"), "2025-06-30");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "end_reason_label"), "Program completion");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "outcomes_detail.1"), "Obtained employment");
	CU_ASSERT_EQUAL(it_json_int(&r, "version", 0), 2);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", path, "\"1\"", "{\"status\": \"ACTIVE\"}", &r),
	                      0);
	CU_ASSERT_EQUAL(r.status, 412);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(
	        it_call(s, "PATCH", path, "\"2\"", "{\"tracker_type\": \"housing\"}", &r), 0);
	CU_ASSERT_EQUAL(r.status, 422);
	CU_ASSERT(ot_has_detail(&r, "tracker_type", "R-CHK-3"));
	it_resp_free(&r);
	/* null clears a field. */
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", path, "\"2\"", "{\"outcomes_detail\": null}", &r),
	                      0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "\"outcomes_detail\":null"));
	it_resp_free(&r);

	/* Listed by type, paged. */
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/trackers?tracker_type=income", eid);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.id", 0), income);
	CU_ASSERT_PTR_NULL(it_json_str(&r, "items.1.tracker_type"));
	it_resp_free(&r);
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/trackers?tracker_type=boat", eid);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 400);
	it_resp_free(&r);
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/trackers?limit=4", eid);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_PTR_NOT_NULL(it_json_str(&r, "next_cursor"));
	CU_ASSERT_PTR_NOT_NULL(it_json_str(&r, "items.3.tracker_type"));
	it_resp_free(&r);

	snprintf(path, sizeof(path), "/api/v1/trackers/%lld", course);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "DELETE", path, "\"1\"", NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 204);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(tracker_count(eid), 5);
	CU_ASSERT_EQUAL(ot_sql("SELECT COUNT(*) FROM audit_log WHERE entity = 'tracker'"),
	                audit + 6 + 2 + 1);
}

static void every_bad_tracker_input_is_refused_with_its_rule_and_nothing_written(void)
{
	const struct it_session *s = it_statewide();
	char body[512], d[16];
	long long eid;

	eid = ot_enroll(s, OT_CWORK, OT_LOC_CWORK, PART_DATE, NULL, NULL);
	CU_ASSERT_FATAL(eid > 0);
	refused(s, eid, "{\"status\": \"ACTIVE\"}", "tracker_type", "R-CHK-3");
	refused(s, eid, "{\"tracker_type\": \"boat\"}", "tracker_type", "R-CHK-3");
	refused(s, eid, "{\"tracker_type\": 3}", "tracker_type", "R-CHK-3");
	/* Only the type's own fields, and never the server's created_on. */
	refused(s, eid, "{\"tracker_type\": \"intervention\", \"grade\": \"A\"}", "grade",
	        "R-CHK-3");
	refused(s, eid, "{\"tracker_type\": \"housing\", \"stage\": \"INTAKE\"}", "stage",
	        "R-CHK-3");
	refused(s, eid, "{\"tracker_type\": \"income\", \"created_on\": \"2025-01-01\"}",
	        "created_on", "R-CHK-3");
	refused(s, eid, "{\"tracker_type\": \"intervention\", \"status\": \"DONE\"}", "status",
	        "R-CHK-3");
	refused(s, eid, "{\"tracker_type\": \"intervention\", \"status\": 1}", "status", "R-CHK-3");
	refused(s, eid, "{\"tracker_type\": \"employment\", \"stage\": \"program exit\"}", "stage",
	        "R-CHK-3");
	refused(s, eid, "{\"tracker_type\": \"intervention\", \"end_reason\": \"bored\"}",
	        "end_reason", "R-CHK-3");
	refused(s, eid,
	        "{\"tracker_type\": \"intervention\", \"outcomes_detail\": \"Obtained "
	        "employment\"}",
	        "outcomes_detail", "R-CHK-3");
	refused(s, eid,
	        "{\"tracker_type\": \"intervention\", \"outcomes_detail\": [\"Won the "
	        "lottery\"]}",
	        "outcomes_detail", "R-CHK-3");
	refused(s, eid,
	        "{\"tracker_type\": \"intervention\", \"outcomes_detail\": [\"Obtained "
	        "employment\", \"Obtained employment\"]}",
	        "outcomes_detail", "R-CHK-3");
	refused(s, eid, "{\"tracker_type\": \"ece_course\", \"attendance\": \"15 of 12\"}",
	        "attendance", "R-CHK-3");
	refused(s, eid, "{\"tracker_type\": \"ece_course\", \"attendance\": \"most\"}",
	        "attendance", "R-CHK-3");
	refused(s, eid, "{\"tracker_type\": \"ece_course\", \"grade\": \"Excellent!\"}", "grade",
	        "R-CHK-3");
	refused(s, eid, "{\"tracker_type\": \"ece_course\", \"end_date\": \"2025-13-01\"}",
	        "end_date", "R-CHK-3");
	snprintf(body, sizeof(body), "{\"tracker_type\": \"internship\", \"end_date\": \"%s\"}",
	         ot_day(2, d));
	refused(s, eid, body, "end_date", "R-DATE-4");
	refused(s, eid, "{\"tracker_type\": \"income\", \"amount\": -5}", "amount", "R-CHK-3");
	refused(s, eid, "{\"tracker_type\": \"income\", \"amount\": \"lots\"}", "amount",
	        "R-CHK-3");
	refused(s, eid, "{\"tracker_type\": \"income\", \"period\": \"day\"}", "period", "R-CHK-3");
	CU_ASSERT_EQUAL(tracker_count(eid), 0);
}

static void a_program_without_tracker_settings_takes_none(void)
{
	const struct it_session *s = it_statewide();
	struct it_resp r;
	char path[96];
	long long eid;

	eid = ot_enroll(s, OT_WIOA_ADULT, OT_LOC_EAST_LA, PART_DATE, NULL, NULL);
	CU_ASSERT_FATAL(eid > 0);
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/trackers", eid);
	CU_ASSERT_EQUAL_FATAL(
	        it_call(s, "POST", path, NULL,
	                "{\"tracker_type\": \"intervention\", \"status\": \"ACTIVE\"}", &r),
	        0);
	CU_ASSERT_EQUAL(r.status, 409);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "trackers_not_offered");
	it_resp_free(&r);
	CU_ASSERT_EQUAL(tracker_count(eid), 0);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_PTR_NULL(it_json_str(&r, "items.0.tracker_type"));
	it_resp_free(&r);
}

static void trackers_stay_open_after_the_exit_and_only_their_staff_reach_them(void)
{
	const struct it_session *s = it_statewide();
	struct it_session lao, kim;
	struct it_resp r;
	char path[96];
	long long eid, id;

	eid = ot_enroll(s, OT_CWORK, OT_LOC_CWORK, PART_DATE, NULL, NULL);
	CU_ASSERT_FATAL(eid > 0);
	CU_ASSERT_EQUAL_FATAL(ot_exit(eid, "2025-06-30", NULL), 0);
	CU_ASSERT_EQUAL_FATAL(ot_sign_in("cwork.kim", &kim), 0);
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/trackers", eid);
	/* R-SVC-4: outcome records stay open after the exit. */
	id = ot_create(&kim, path,
	               "{\"tracker_type\": \"employment\", \"stage\": \"PROGRAM_EXIT\"}");
	CU_ASSERT_FATAL(id > 0);
	CU_ASSERT_EQUAL_FATAL(ot_sign_in("staff25.lao", &lao), 0);
	CU_ASSERT_EQUAL_FATAL(it_call(&lao, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&lao, "POST", path, NULL,
	                              "{\"tracker_type\": \"employment\", \"stage\": \"INTAKE\"}",
	                              &r),
	                      0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
	snprintf(path, sizeof(path), "/api/v1/trackers/%lld", id);
	CU_ASSERT_EQUAL_FATAL(it_call(&lao, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&lao, "DELETE", path, "\"1\"", NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(tracker_count(eid), 1);
	CU_ASSERT_EQUAL_FATAL(it_call(&kim, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "stage_label"), "PROGRAM EXIT");
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", "/api/v1/trackers/999999999", NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
}

static void the_demo_data_holds_every_tracker_type_on_cwork_enrollments(void)
{
	CU_ASSERT_EQUAL(ot_sql("SELECT COUNT(DISTINCT t.tracker_type) FROM trackers t JOIN "
	                       "enrollments e ON e.id = t.enrollment_id WHERE t.id <= 16 AND "
	                       "e.program_id = 7"),
	                6);
	CU_ASSERT_EQUAL(ot_sql("SELECT COUNT(*) FROM trackers t JOIN enrollments e ON "
	                       "e.id = t.enrollment_id WHERE t.id <= 16 AND e.program_id <> 7"),
	                0);
}

static const struct it_test tests[] = {
        {"each tracker type takes the fields its profile gives it",
         each_tracker_type_takes_the_fields_its_profile_gives_it},
        {"every bad tracker input is refused with its rule and nothing written",
         every_bad_tracker_input_is_refused_with_its_rule_and_nothing_written},
        {"a program without tracker settings takes none (409)",
         a_program_without_tracker_settings_takes_none},
        {"trackers stay open after the exit and only their staff reach them",
         trackers_stay_open_after_the_exit_and_only_their_staff_reach_them},
        {"the demo data holds every tracker type on C-Work enrollments",
         the_demo_data_holds_every_tracker_type_on_cwork_enrollments},
};

const struct it_suite it_suite_trackers = {"trackers", tests, IT_LEN(tests)};
