/*
 * test_summary.c: GET /api/v1/enrollments/{id}/summary (issues 5 and 6;
 * R-SUM-1, R-EMP-2).
 *
 * Billy Elliott's ISETS summary (demo participant 2, enrollment 2, with the
 * credential and the 111-day job of db/demo/0005_outcomes.sql) reads
 * exactly as the help sheet shows it; the same summary as of an earlier
 * date shows what was true then; a workNet summary follows the records and
 * the exit of a new participant; and it is read only within reach (his own
 * account included).
 */
#include "exit_fixtures.h"
#include "itest.h"

#include <stdio.h>
#include <string.h>

#define WIOA_JOB_SEARCH 104

/* Checks item i (0-based) of a summary answer. */
static void expect_row(const struct it_resp *r, int i, const char *label, const char *result,
                       const char *status)
{
	char p[64];

	snprintf(p, sizeof(p), "items.%d.label", i);
	CU_ASSERT_STRING_EQUAL(it_json_str(r, p) ? it_json_str(r, p) : "", label);
	snprintf(p, sizeof(p), "items.%d.result", i);
	CU_ASSERT_STRING_EQUAL(it_json_str(r, p) ? it_json_str(r, p) : "", result);
	snprintf(p, sizeof(p), "items.%d.status", i);
	CU_ASSERT_STRING_EQUAL(it_json_str(r, p) ? it_json_str(r, p) : "", status);
}

static void billy_elliotts_isets_summary_reads_as_the_help_sheet_shows(void)
{
	const struct it_session *s = xf_login("ahs.tprograms");
	struct it_resp r;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	CU_ASSERT_EQUAL_FATAL(
	        xf_call(s, "GET", "/api/v1/enrollments/2/summary?as_of=2024-01-31", NULL, NULL, &r),
	        200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "program_name"), "SNAP to Success");
	expect_row(&r, 0, "Successfully completed a SNAP E&T Activity.", "Not Completed",
	           "Not Complete");
	expect_row(&r, 1, "Gained a credential.", "At least 1 credential entered.", "Complete");
	expect_row(&r, 2, "Gained employment.", "At least 1 employment entered.", "Complete");
	expect_row(&r, 3, "Retained employment for 90 Days.", "Complete (111 Days)", "Complete");
	expect_row(&r, 4, "Exited from program. (Successful/Unsuccessful)", "Not Completed",
	           "Not Complete");
	CU_ASSERT_PTR_NULL(it_json_str(&r, "items.5.label"));
	it_resp_free(&r);
	/* Any later date gives the same: the job ended after 111 days. */
	CU_ASSERT_EQUAL(xf_call(s, "GET", "/api/v1/enrollments/2/summary", NULL, NULL, &r), 200);
	expect_row(&r, 3, "Retained employment for 90 Days.", "Complete (111 Days)", "Complete");
	it_resp_free(&r);
}

static void the_summary_shows_what_was_true_on_its_as_of_date(void)
{
	const struct it_session *s = xf_login("ahs.tprograms");
	struct it_resp r;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	/* 2023-10-01: the job had 26 days, the credential (2023-10-20) was
	 * still to come. */
	CU_ASSERT_EQUAL_FATAL(
	        xf_call(s, "GET", "/api/v1/enrollments/2/summary?as_of=2023-10-01", NULL, NULL, &r),
	        200);
	expect_row(&r, 1, "Gained a credential.", "Not Completed", "Not Complete");
	expect_row(&r, 2, "Gained employment.", "At least 1 employment entered.", "Complete");
	expect_row(&r, 3, "Retained employment for 90 Days.", "Not Completed", "Not Complete");
	it_resp_free(&r);
	/* 2023-12-03 is day 89, 2023-12-04 day 90 (R-EMP-2). */
	CU_ASSERT_EQUAL(
	        xf_call(s, "GET", "/api/v1/enrollments/2/summary?as_of=2023-12-03", NULL, NULL, &r),
	        200);
	expect_row(&r, 3, "Retained employment for 90 Days.", "Not Completed", "Not Complete");
	it_resp_free(&r);
	CU_ASSERT_EQUAL(
	        xf_call(s, "GET", "/api/v1/enrollments/2/summary?as_of=2023-12-04", NULL, NULL, &r),
	        200);
	expect_row(&r, 3, "Retained employment for 90 Days.", "Complete (90 Days)", "Complete");
	it_resp_free(&r);
	CU_ASSERT_EQUAL(
	        xf_call(s, "GET", "/api/v1/enrollments/2/summary?as_of=2999-01-01", NULL, NULL, &r),
	        400);
	it_resp_free(&r);
}

static void a_worknet_summary_follows_the_records_and_the_exit(void)
{
	const struct it_session *s = xf_login("staff25.lao");
	struct it_resp r;
	char path[96], body[512];
	long long eid, svc;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	eid = xf_enroll(s, "Sofia", "Summary", XF_WIOA_ADULT, XF_LOC_EAST_LA, "2025-01-06",
	                "2025-01-06", NULL);
	CU_ASSERT_FATAL(eid > 0);
	svc = xf_service(s, eid, WIOA_JOB_SEARCH, "open", "2025-01-07", NULL);
	CU_ASSERT_FATAL(svc > 0);
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/summary?as_of=2025-03-01", eid);
	CU_ASSERT_EQUAL_FATAL(xf_call(s, "GET", path, NULL, NULL, &r), 200);
	expect_row(&r, 0, "All services marked as complete (successfully/unsuccessfully).",
	           "Not Completed", "Not Complete");
	expect_row(&r, 1, "Measurable Skill Gains (MSG) have been entered.", "Not Completed",
	           "Not Complete");
	expect_row(&r, 2, "Industry recognized credentials have been entered.", "Not Completed",
	           "Not Complete");
	expect_row(&r, 3, "Customer is exited.", "Not Completed", "Not Complete");
	expect_row(&r, 4, "Follow-up is complete.", "Not Completed", "Not Complete");
	it_resp_free(&r);

	/* Records entered (a credential and a gain, with SQL: their APIs are
	 * another module's), the service completed, the exit made. */
	CU_ASSERT_EQUAL(xf_sql("INSERT INTO credentials (enrollment_id, title, credential_type, "
	                       "source, institution, date_attained) VALUES (%lld, 'Forklift', "
	                       "'occupational_certification', 'copy_of_certificate', 'City "
	                       "College', '2025-02-10')",
	                       eid),
	                0);
	CU_ASSERT_EQUAL(xf_sql("INSERT INTO skill_gains (enrollment_id, gain_type, date_attained, "
	                       "program_year, comment) VALUES (%lld, 'training_milestone', "
	                       "'2025-02-12', 2024, 'Completed the first module')",
	                       eid),
	                0);
	CU_ASSERT_EQUAL(xf_service_close(s, svc, "completed_successful", "2025-02-20"), 200);
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/exit", eid);
	snprintf(body, sizeof(body),
	         "{\"kind\": \"regular\", \"exit_date\": \"2025-02-28\", \"school_status\": "
	         "\"not_attending_hs_graduate\", \"exit_reason\": \"entered_employment\"}");
	CU_ASSERT_EQUAL_FATAL(xf_call(s, "POST", path, NULL, body, &r), 200);
	it_resp_free(&r);
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/summary?as_of=2025-03-01", eid);
	CU_ASSERT_EQUAL_FATAL(xf_call(s, "GET", path, NULL, NULL, &r), 200);
	expect_row(&r, 0, "All services marked as complete (successfully/unsuccessfully).",
	           "All services complete.", "Complete");
	expect_row(&r, 1, "Measurable Skill Gains (MSG) have been entered.",
	           "At least 1 skill gain entered.", "Complete");
	expect_row(&r, 2, "Industry recognized credentials have been entered.",
	           "At least 1 credential entered.", "Complete");
	expect_row(&r, 3, "Customer is exited.", "Exited 2025-02-28 (Regular exit)", "Complete");
	/* An adult never employed has no follow-up to do (R-FUP-1). */
	expect_row(&r, 4, "Follow-up is complete.", "Not Required", "Complete");
	it_resp_free(&r);
}

static void the_summary_is_read_only_within_reach(void)
{
	const struct it_session *lao = xf_login("staff25.lao");
	const struct it_session *billy = xf_login("billy.elliott");
	struct it_resp r;

	CU_ASSERT_PTR_NOT_NULL_FATAL(lao);
	CU_ASSERT_PTR_NOT_NULL_FATAL(billy);
	CU_ASSERT_EQUAL(xf_call(lao, "GET", "/api/v1/enrollments/2/summary", NULL, NULL, &r), 404);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(
	        xf_call(lao, "GET", "/api/v1/enrollments/999999999/summary", NULL, NULL, &r), 404);
	it_resp_free(&r);
	/* The customer reads his own outcomes (R-ACL-1), nobody else's. */
	CU_ASSERT_EQUAL(xf_call(billy, "GET", "/api/v1/enrollments/2/summary?as_of=2024-01-31",
	                        NULL, NULL, &r),
	                200);
	expect_row(&r, 3, "Retained employment for 90 Days.", "Complete (111 Days)", "Complete");
	it_resp_free(&r);
	CU_ASSERT_EQUAL(xf_call(billy, "GET", "/api/v1/enrollments/1/summary", NULL, NULL, &r),
	                404);
	it_resp_free(&r);
	/* Nor does a customer change anything. */
	CU_ASSERT_EQUAL(xf_call(billy, "POST", "/api/v1/enrollments/2/exit", NULL,
	                        "{\"kind\": \"regular\"}", &r),
	                403);
	it_resp_free(&r);
}

static const struct it_test tests[] = {
        {"Billy Elliott's ISETS summary reads as the help sheet shows it",
         billy_elliotts_isets_summary_reads_as_the_help_sheet_shows},
        {"the summary shows what was true on its as-of date",
         the_summary_shows_what_was_true_on_its_as_of_date},
        {"a workNet summary follows the records and the exit",
         a_worknet_summary_follows_the_records_and_the_exit},
        {"the summary is read only within reach", the_summary_is_read_only_within_reach},
};

const struct it_suite it_suite_summary = {"summary", tests, IT_LEN(tests)};
