/*
 * test_employment.c: jobs over HTTP (issue 5; R-EMP-1, R-EMP-2, R-DATE-4,
 * R-ACL-1): the workNet form, what every answer computes (days retained as
 * of ?as_of=, hourly equivalent, estimated quarterly earnings), every bad
 * input refused with its rule and nothing written, deletion refused while a
 * post-exit quarter refers to the job, versions, and who may read and write.
 *
 * The post-exit quarter is inserted with SQL: quarters are another module's.
 */
#include "itest.h"
#include "outcomes_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PART_DATE "2025-01-10"

/* A complete job; %s slots: start, end member (or ""), current flag. */
static const char job_form[] =
        "{\"employer\": \"Jewel-Osco\", \"start_date\": \"%s\"%s, \"is_current\": %s, "
        "\"job_title\": \"Backroom Team Member\", \"soc_code\": \"43-5081\", "
        "\"street1\": \"4355 N Sheridan Rd\", \"city\": \"Chicago\", \"state\": \"IL\", "
        "\"zip\": \"60613\", \"duties\": \"Unload trucks and stock shelves.\", "
        "\"hours_per_week\": 30, \"wage\": 16.50, \"wage_period\": \"hour\", "
        "\"meets_needs\": \"yes\", \"meets_needs_why\": \"Close to home.\"}";

static long long job_count(long long pid)
{
	return ot_sql("SELECT COUNT(*) FROM employment WHERE participant_id = %lld", pid);
}

/* A valid job with one member replaced: name's value becomes value (JSON
 * text), or the member goes when value is NULL. */
static void job_with(char *out, size_t len, const char *name, const char *value)
{
	json_object *o = json_tokener_parse(
	        "{\"employer\": \"Jewel-Osco\", \"start_date\": \"2025-02-03\", "
	        "\"is_current\": true, \"job_title\": \"Clerk\", \"soc_code\": \"43-5081\", "
	        "\"street1\": \"1 Main St\", \"city\": \"Chicago\", \"state\": \"IL\", "
	        "\"zip\": \"60613\", \"duties\": \"Stock shelves.\", \"hours_per_week\": 30, "
	        "\"wage\": 16.50, \"wage_period\": \"hour\", \"meets_needs\": \"yes\", "
	        "\"meets_needs_why\": \"Close to home.\"}");

	if (value)
		json_object_object_add(o, name, json_tokener_parse(value));
	else
		json_object_object_del(o, name);
	snprintf(out, len, "%s", json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN));
	json_object_put(o);
}

/* POSTs a job with name set to value; expects 422 naming field with rule,
 * and no new row. */
static void refused(const struct it_session *s, long long pid, const char *name, const char *value,
                    const char *field, const char *rule)
{
	char path[96], body[6000];
	struct it_resp r;
	long long before = job_count(pid);

	job_with(body, sizeof(body), name, value);
	snprintf(path, sizeof(path), "/api/v1/participants/%lld/employment", pid);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", path, NULL, body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 422);
	if (!ot_has_detail(&r, field, rule))
		fprintf(stderr, "\n    %s=%s: expected %s / %s in %s", name, value, field, rule,
		        r.body);
	CU_ASSERT(ot_has_detail(&r, field, rule));
	it_resp_free(&r);
	CU_ASSERT_EQUAL(job_count(pid), before);
}

static void a_job_is_recorded_with_days_retained_and_wage_equivalents(void)
{
	const struct it_session *s = it_statewide();
	struct it_resp r;
	char body[2048], path[128], list[96], etag[16];
	long long pid = 0, id, audit;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	CU_ASSERT_FATAL(ot_enroll(s, OT_SNAP_TO_SUCCESS, OT_LOC_AHS, PART_DATE, NULL, &pid) > 0);
	audit = ot_sql("SELECT COUNT(*) FROM audit_log WHERE entity = 'employment'");
	snprintf(list, sizeof(list), "/api/v1/participants/%lld/employment", pid);
	snprintf(body, sizeof(body), job_form, "2023-09-05", ", \"end_date\": \"2023-12-25\"",
	         "false");
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", list, NULL, body, &r), 0);
	CU_ASSERT_EQUAL_FATAL(r.status, 201);
	id = it_json_int(&r, "id", 0);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "employer"), "Jewel-Osco");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "wage_period_label"), "Hour");
	/* R-EMP-2: 2023-12-25 - 2023-09-05 = 111 days, whatever the as-of. */
	CU_ASSERT_EQUAL(it_json_int(&r, "days_retained", 0), 111);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "\"wage\":16.50"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "\"hourly_wage\":16.50"));
	/* 16.50 an hour x 30 hours x 13 weeks. */
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "\"quarterly_earnings\":6435.00"));
	CU_ASSERT_PTR_NOT_NULL(it_header(&r, "ETag", etag, sizeof(etag)));
	it_resp_free(&r);

	/* As of a day in the job, the days so far. */
	snprintf(path, sizeof(path), "/api/v1/employment/%lld?as_of=2023-10-05", id);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_EQUAL(it_json_int(&r, "days_retained", -1), 30);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "as_of"), "2023-10-05");
	it_resp_free(&r);
	snprintf(path, sizeof(path), "/api/v1/employment/%lld?as_of=2023-13-01", id);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 400);
	CU_ASSERT(ot_has_detail(&r, "as_of", "R-DATE-4"));
	it_resp_free(&r);

	/* A current job paid by the week; a yearly salary. */
	snprintf(path, sizeof(path), "/api/v1/employment/%lld", id);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", path, "\"1\"",
	                              "{\"end_date\": null, \"is_current\": true, \"wage\": 660, "
	                              "\"wage_period\": \"week\", \"hours_per_week\": 25}",
	                              &r),
	                      0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_EQUAL(it_json_int(&r, "version", 0), 2);
	CU_ASSERT_PTR_NULL(it_json_str(&r, "end_date"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "\"hourly_wage\":26.40"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "\"quarterly_earnings\":8580.00"));
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", path, "\"2\"",
	                              "{\"wage\": 34000, \"wage_period\": \"year\", "
	                              "\"hours_per_week\": 35}",
	                              &r),
	                      0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "\"quarterly_earnings\":8500.00"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "\"hourly_wage\":18.68"));
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", path, "\"2\"", "{\"wage\": 1}", &r), 0);
	CU_ASSERT_EQUAL(r.status, 412);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", path, NULL, "{\"wage\": 1}", &r), 0);
	CU_ASSERT_EQUAL(r.status, 428);
	it_resp_free(&r);

	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", list, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.id", 0), id);
	CU_ASSERT_PTR_NULL(it_json_str(&r, "next_cursor"));
	it_resp_free(&r);

	CU_ASSERT_EQUAL_FATAL(it_call(s, "DELETE", path, "\"3\"", NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 204);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(job_count(pid), 0);
	CU_ASSERT_EQUAL(ot_sql("SELECT COUNT(*) FROM audit_log WHERE entity = 'employment'"),
	                audit + 4);
}

static void every_bad_job_field_is_refused_with_its_rule_and_nothing_written(void)
{
	const struct it_session *s = it_statewide();
	char d[16], value[64], big[4200];
	long long pid = 0;

	CU_ASSERT_FATAL(ot_enroll(s, OT_SNAP_TO_SUCCESS, OT_LOC_AHS, PART_DATE, NULL, &pid) > 0);
	refused(s, pid, "employer", NULL, "employer", "R-EMP-1");
	refused(s, pid, "employer", "\"  \"", "employer", "R-EMP-1");
	refused(s, pid, "start_date", NULL, "start_date", "R-EMP-1");
	refused(s, pid, "start_date", "\"2025-02-30\"", "start_date", "R-EMP-1");
	snprintf(value, sizeof(value), "\"%s\"", ot_day(1, d));
	refused(s, pid, "start_date", value, "start_date", "R-DATE-4");
	refused(s, pid, "job_title", NULL, "job_title", "R-EMP-1");
	refused(s, pid, "soc_code", "\"4351\"", "soc_code", "R-EMP-1");
	refused(s, pid, "soc_code", "\"43-5081.1\"", "soc_code", "R-EMP-1");
	refused(s, pid, "soc_code", NULL, "soc_code", "R-EMP-1");
	refused(s, pid, "street1", NULL, "street1", "R-EMP-1");
	refused(s, pid, "city", NULL, "city", "R-EMP-1");
	refused(s, pid, "state", "\"ZZ\"", "state", "R-EMP-1");
	refused(s, pid, "state", "\"Illinois\"", "state", "R-EMP-1");
	refused(s, pid, "zip", "\"6061\"", "zip", "R-EMP-1");
	refused(s, pid, "duties", NULL, "duties", "R-EMP-1");
	refused(s, pid, "hours_per_week", "0", "hours_per_week", "R-EMP-1");
	refused(s, pid, "hours_per_week", "168.5", "hours_per_week", "R-EMP-1");
	refused(s, pid, "hours_per_week", "\"forty\"", "hours_per_week", "R-EMP-1");
	refused(s, pid, "wage", "0", "wage", "R-EMP-1");
	refused(s, pid, "wage", "-12", "wage", "R-EMP-1");
	refused(s, pid, "wage", "12.345", "wage", "R-EMP-1");
	refused(s, pid, "wage_period", "\"day\"", "wage_period", "R-EMP-1");
	refused(s, pid, "wage_period", NULL, "wage_period", "R-EMP-1");
	refused(s, pid, "meets_needs", NULL, "meets_needs", "R-EMP-1");
	refused(s, pid, "meets_needs", "\"sometimes\"", "meets_needs", "R-EMP-1");
	refused(s, pid, "meets_needs_why", NULL, "meets_needs_why", "R-EMP-1");
	refused(s, pid, "is_current", "\"yes\"", "is_current", "R-EMP-1");
	/* A current job has no end; one that is not current needs one, after the
	 * start and not in the future. */
	refused(s, pid, "end_date", "\"2025-03-01\"", "end_date", "R-EMP-1");
	refused(s, pid, "is_current", "false", "end_date", "R-EMP-1");
	/* Duties of 4001 characters, as a JSON string. */
	memset(big, 'd', 4002);
	big[0] = '"';
	big[4002] = '"';
	big[4003] = '\0';
	refused(s, pid, "duties", big, "duties", "R-EMP-1");
	refused(s, pid, "bonus", "\"yes\"", "bonus", NULL);
	{
		/* End before start, and in the future. */
		char path[96], body[2048];
		struct it_resp r;
		snprintf(path, sizeof(path), "/api/v1/participants/%lld/employment", pid);
		snprintf(body, sizeof(body), job_form, "2025-02-03",
		         ", \"end_date\": \"2025-02-02\"", "false");
		CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", path, NULL, body, &r), 0);
		CU_ASSERT_EQUAL(r.status, 422);
		CU_ASSERT(ot_has_detail(&r, "end_date", "R-EMP-1"));
		it_resp_free(&r);
		snprintf(value, sizeof(value), ", \"end_date\": \"%s\"", ot_day(3, d));
		snprintf(body, sizeof(body), job_form, "2025-02-03", value, "false");
		CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", path, NULL, body, &r), 0);
		CU_ASSERT_EQUAL(r.status, 422);
		CU_ASSERT(ot_has_detail(&r, "end_date", "R-DATE-4"));
		it_resp_free(&r);
		CU_ASSERT_EQUAL(job_count(pid), 0);
	}
}

static void a_job_a_post_exit_quarter_refers_to_cannot_be_deleted(void)
{
	const struct it_session *s = it_statewide();
	struct it_resp r;
	char body[2048], path[96];
	long long pid = 0, eid, id, quarter;

	eid = ot_enroll(s, OT_SNAP_TO_SUCCESS, OT_LOC_AHS, PART_DATE, NULL, &pid);
	CU_ASSERT_FATAL(eid > 0);
	snprintf(path, sizeof(path), "/api/v1/participants/%lld/employment", pid);
	snprintf(body, sizeof(body), job_form, "2025-04-01", "", "true");
	id = ot_create(s, path, body);
	CU_ASSERT_FATAL(id > 0);
	CU_ASSERT_EQUAL_FATAL(ot_exit(eid, "2025-06-30", NULL), 0);
	quarter = ot_sql("INSERT INTO post_exit_quarters (enrollment_id, quarter, first_day, "
	                 "last_day, outcome, employment_id) VALUES (%lld, 1, '2025-10-01', "
	                 "'2025-12-31', 'employed', %lld); SELECT LAST_INSERT_ID()",
	                 eid, id);
	CU_ASSERT_FATAL(quarter > 0);
	snprintf(path, sizeof(path), "/api/v1/employment/%lld", id);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "DELETE", path, "\"1\"", NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 409);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "employment_in_use");
	it_resp_free(&r);
	CU_ASSERT_EQUAL(job_count(pid), 1);
	CU_ASSERT_EQUAL(ot_sql("SELECT COUNT(*) FROM audit_log WHERE entity = 'employment' AND "
	                       "entity_id = %lld AND action = 'delete'",
	                       id),
	                0);
	/* The job itself stays editable. */
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", path, "\"1\"", "{\"hours_per_week\": 32}", &r),
	                      0);
	CU_ASSERT_EQUAL(r.status, 200);
	it_resp_free(&r);
	/* Once the quarter refers to nothing, the job can go. */
	CU_ASSERT_EQUAL(ot_sql("UPDATE post_exit_quarters SET employment_id = NULL WHERE id = "
	                       "%lld; SELECT ROW_COUNT()",
	                       quarter),
	                1);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "DELETE", path, "\"2\"", NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 204);
	it_resp_free(&r);
}

static void a_partner_of_another_location_gets_404_and_a_customer_only_reads(void)
{
	const struct it_session *s = it_statewide();
	struct it_session lao, billy;
	struct it_resp r;
	char body[2048], path[96];
	long long pid = 0, id;

	CU_ASSERT_FATAL(ot_enroll(s, OT_SNAP_TO_SUCCESS, OT_LOC_AHS, PART_DATE, NULL, &pid) > 0);
	snprintf(path, sizeof(path), "/api/v1/participants/%lld/employment", pid);
	snprintf(body, sizeof(body), job_form, "2025-04-01", "", "true");
	id = ot_create(s, path, body);
	CU_ASSERT_FATAL(id > 0);
	CU_ASSERT_EQUAL_FATAL(ot_sign_in("staff25.lao", &lao), 0);
	CU_ASSERT_EQUAL_FATAL(it_call(&lao, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&lao, "POST", path, NULL, body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
	snprintf(path, sizeof(path), "/api/v1/employment/%lld", id);
	CU_ASSERT_EQUAL_FATAL(it_call(&lao, "DELETE", path, "\"1\"", NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(job_count(pid), 1);

	/* Billy's job from the demo: 111 days retained (R-EMP-2), read-only. */
	CU_ASSERT_EQUAL_FATAL(ot_sign_in("billy.elliott", &billy), 0);
	CU_ASSERT_EQUAL_FATAL(it_call(&billy, "GET",
	                              "/api/v1/participants/2/employment?as_of=2024-01-31", NULL,
	                              NULL, &r),
	                      0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.days_retained", 0), 111);
	CU_ASSERT_PTR_NULL(it_json_str(&r, "items.1.employer"));
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&billy, "DELETE", "/api/v1/employment/1", "\"1\"", NULL, &r),
	                      0);
	CU_ASSERT_EQUAL(r.status, 403);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", "/api/v1/employment/999999999", NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
}

static const struct it_test tests[] = {
        {"a job is recorded with days retained and wage equivalents",
         a_job_is_recorded_with_days_retained_and_wage_equivalents},
        {"every bad job field is refused with its rule and nothing written",
         every_bad_job_field_is_refused_with_its_rule_and_nothing_written},
        {"a job a post-exit quarter refers to cannot be deleted (409)",
         a_job_a_post_exit_quarter_refers_to_cannot_be_deleted},
        {"a partner of another location gets 404 and a customer only reads",
         a_partner_of_another_location_gets_404_and_a_customer_only_reads},
};

const struct it_suite it_suite_employment = {"employment", tests, IT_LEN(tests)};
