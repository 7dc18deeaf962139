/*
 * test_goals.c: goals over HTTP (issue 4, R-CHK-3, R-DATE-4, R-ACL-1):
 * create, read, list and update with If-Match; every bad input refused
 * with the right status and nothing written; goals of an exited enrollment
 * still editable; a provider partner of another location kept out.
 */
#include "itest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Runs SQL through stackctl; returns the first cell as a number (-1 on failure). */
static long long sql_num(const char *sql)
{
	char cmd[2048], out[64];

	snprintf(cmd, sizeof(cmd), "sql \"%s\"", sql);
	if (it_ctl(cmd, out, sizeof(out)) != 0)
		return -1;
	return out[0] ? atoll(out) : -1;
}

/* Today + days (UTC, as the server counts) as YYYY-MM-DD. */
static const char *day(int days, char out[16])
{
	time_t t = time(NULL) + (time_t)days * 86400;
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 16, "%Y-%m-%d", &tm);
	return out;
}

/* A program of the tests' own (C-Work style), inserted once per run. */
static long long program(void)
{
	static long long id;
	char sql[512];
	long tag = (long)time(NULL) % 1000000 * 100 + (long)(getpid() % 100);

	if (id > 0)
		return id;
	snprintf(sql, sizeof(sql),
	         "INSERT INTO programs (code, name, system_code) VALUES ('itgoal%ld', "
	         "'Goals test program %ld', 'cwork'); SELECT LAST_INSERT_ID()",
	         tag, tag);
	id = sql_num(sql);
	return id;
}

/* A new participant enrolled at location loc through the API; returns the
 * enrollment id (0 on failure). */
static long long enroll(const struct it_session *s, int loc)
{
	static int n;
	char body[1024];
	struct it_resp r;
	long long eid = 0;

	snprintf(body, sizeof(body),
	         "{\"first_name\": \"Karen\", \"last_name\": \"Goaltest%ld%d\", "
	         "\"date_of_birth\": \"1988-03-14\", \"ssn_last4\": \"%04d\", "
	         "\"confirm_duplicate\": true, \"enrollment\": {\"program_id\": %lld, "
	         "\"location_id\": %d, \"application_date\": \"2025-01-06\", "
	         "\"participation_date\": \"2025-01-10\", \"status\": \"enrolled\"}}",
	         (long)time(NULL) % 100000, ++n, rand() % 10000, program(), loc);
	if (it_call(s, "POST", "/api/v1/participants", NULL, body, &r) == 0 && r.status == 201)
		eid = it_json_int(&r, "enrollments.0.id", 0);
	else
		fprintf(stderr, "\n    create participant: %ld %s", r.status, r.body);
	it_resp_free(&r);
	return eid;
}

/* POSTs a goal body to enrollment eid; returns the new id (0 when not 201). */
static long long add_goal(const struct it_session *s, long long eid, const char *body)
{
	char path[96];
	struct it_resp r;
	long long id = 0;

	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/goals", eid);
	if (it_call(s, "POST", path, NULL, body, &r) == 0 && r.status == 201)
		id = it_json_int(&r, "id", 0);
	else
		fprintf(stderr, "\n    add goal: %ld %s", r.status, r.body);
	it_resp_free(&r);
	return id;
}

static long long goal_count(long long eid)
{
	char sql[160];

	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM goals WHERE enrollment_id = %lld", eid);
	return sql_num(sql);
}

static long long goal_versions(long long eid)
{
	char sql[160];

	snprintf(sql, sizeof(sql),
	         "SELECT COALESCE(SUM(version), 0) FROM goals WHERE enrollment_id = %lld", eid);
	return sql_num(sql);
}

static long long goal_audit_count(void)
{
	return sql_num("SELECT COUNT(*) FROM audit_log WHERE entity = 'goal'");
}

/* 1 when the error details hold an entry for field (and rule, when not NULL). */
static int has_detail(const struct it_resp *r, const char *field, const char *rule)
{
	char path[64];

	for (int i = 0; i < 24; i++) {
		const char *f, *ru;
		snprintf(path, sizeof(path), "error.details.%d.field", i);
		f = it_json_str(r, path);
		snprintf(path, sizeof(path), "error.details.%d.rule", i);
		ru = it_json_str(r, path);
		if (f && !strcmp(f, field) && (!rule || (ru && !strcmp(ru, rule))))
			return 1;
	}
	return 0;
}

#define GOAL_BODY                                                                                  \
	"{\"statement\": \"Obtain a child development permit\", \"category\": "                    \
	"\"education_training_plan\", \"term\": \"long\", \"target_date\": \"2027-06-30\"}"

static void a_goal_is_created_read_listed_and_updated_with_if_match(void)
{
	const struct it_session *s = it_statewide();
	struct it_resp r;
	char path[96], list[96], etag[32], loc[128], body[256], d1[16];
	long long eid, id, id2, audit;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	eid = enroll(s, 4);
	CU_ASSERT_FATAL(eid > 0);
	audit = goal_audit_count();
	snprintf(list, sizeof(list), "/api/v1/enrollments/%lld/goals", eid);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", list, NULL, GOAL_BODY, &r), 0);
	CU_ASSERT_EQUAL_FATAL(r.status, 201);
	id = it_json_int(&r, "id", 0);
	CU_ASSERT_EQUAL(it_json_int(&r, "enrollment_id", 0), eid);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "statement"), "Obtain a child development permit");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "category"), "education_training_plan");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "term"), "long");
	/* workNet preselects "Not Started". */
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "status"), "not_started");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "target_date"), "2027-06-30");
	CU_ASSERT_PTR_NULL(it_json_str(&r, "progress"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "\"services\":[]"));
	CU_ASSERT_PTR_NOT_NULL(it_header(&r, "ETag", etag, sizeof(etag)));
	CU_ASSERT_STRING_EQUAL(etag, "\"1\"");
	CU_ASSERT_PTR_NOT_NULL(it_header(&r, "Location", loc, sizeof(loc)));
	snprintf(path, sizeof(path), "/api/v1/goals/%lld", id);
	CU_ASSERT_STRING_EQUAL(loc, path);
	it_resp_free(&r);

	id2 = add_goal(s, eid,
	               "{\"statement\": \"Find stable housing\", \"category\": "
	               "\"independent_living\", \"term\": \"short\", \"status\": \"on_track\"}");
	CU_ASSERT_FATAL(id2 > id);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_PTR_NOT_NULL(it_header(&r, "ETag", etag, sizeof(etag)));
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", list, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.id", 0), id);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.1.id", 0), id2);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "items.1.status"), "on_track");
	it_resp_free(&r);

	/* C-Work closes a goal: progress with its actual completion date. */
	snprintf(body, sizeof(body),
	         "{\"status\": \"complete\", \"progress\": \"COMPLETED\", "
	         "\"actual_completion_date\": \"%s\"}",
	         day(-1, d1));
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", path, etag, body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "progress"), "COMPLETED");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "actual_completion_date"), d1);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "status"), "complete");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "category"), "education_training_plan");
	CU_ASSERT_EQUAL(it_json_int(&r, "version", 0), 2);
	it_resp_free(&r);
	/* The first writer's version is now stale: no lost update. */
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", path, etag, "{\"term\": \"short\"}", &r), 0);
	CU_ASSERT_EQUAL(r.status, 412);
	it_resp_free(&r);
	/* Clearing progress and target together is fine. */
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", path, "\"2\"",
	                              "{\"progress\": null, \"target_date\": null}", &r),
	                      0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_PTR_NULL(it_json_str(&r, "progress"));
	CU_ASSERT_PTR_NULL(it_json_str(&r, "target_date"));
	it_resp_free(&r);

	CU_ASSERT_EQUAL(goal_audit_count(), audit + 4);
	snprintf(body, sizeof(body),
	         "SELECT COUNT(*) FROM audit_log WHERE entity = 'goal' AND entity_id = %lld AND "
	         "action = 'update' AND JSON_VALUE(before_json, '$.status') = 'not_started' AND "
	         "JSON_VALUE(after_json, '$.progress') = 'COMPLETED'",
	         id);
	CU_ASSERT_EQUAL(sql_num(body), 1);
}

struct bad_case {
	const char *method;
	int target; /* 0: the enrollment's list, 1: goal G, 2: unknown enrollment, 3: unknown goal
	             */
	const char *if_match;
	const char *body;
	long status;
	const char *code;
	const char *field; /* a detail that must be there, or NULL */
	const char *rule;  /* its rule, or NULL */
};

#define CT "\"category\": \"career_plan\", \"term\": \"short\""

static const struct bad_case bad_cases[] = {
        {"POST", 0, NULL, "{" CT "}", 422, "validation_failed", "statement", NULL},
        {"POST", 0, NULL, "{\"statement\": \"  \", " CT "}", 422, "validation_failed", "statement",
         NULL},
        {"POST", 0, NULL, "{\"statement\": 42, " CT "}", 422, "validation_failed", "statement",
         NULL},
        {"POST", 0, NULL, "{\"statement\": \"@LONG@\", " CT "}", 422, "validation_failed",
         "statement", NULL},
        {"POST", 0, NULL, "{\"statement\": \"S\", \"term\": \"short\"}", 422, "validation_failed",
         "category", NULL},
        {"POST", 0, NULL, "{\"statement\": \"S\", \"category\": \"fun\", \"term\": \"short\"}", 422,
         "validation_failed", "category", NULL},
        {"POST", 0, NULL,
         "{\"statement\": \"S\", \"category\": \"career_plan\", \"term\": \"medium\"}", 422,
         "validation_failed", "term", NULL},
        {"POST", 0, NULL, "{\"statement\": \"S\", " CT ", \"status\": \"stalled\"}", 422,
         "validation_failed", "status", NULL},
        {"POST", 0, NULL, "{\"statement\": \"S\", " CT ", \"progress\": \"DONE\"}", 422,
         "validation_failed", "progress", NULL},
        {"POST", 0, NULL, "{\"statement\": \"S\", " CT ", \"target_date\": \"2026-13-01\"}", 422,
         "validation_failed", "target_date", NULL},
        {"POST", 0, NULL, "{\"statement\": \"S\", " CT ", \"owner\": \"me\"}", 422,
         "validation_failed", "owner", NULL},
        /* R-CHK-3: a progress needs its actual completion date. */
        {"POST", 0, NULL, "{\"statement\": \"S\", " CT ", \"progress\": \"NOT_COMPLETED\"}", 422,
         "validation_failed", "actual_completion_date", "R-CHK-3"},
        /* R-DATE-4: the actual completion date is not in the future. */
        {"POST", 0, NULL,
         "{\"statement\": \"S\", " CT ", \"progress\": \"COMPLETED\", "
         "\"actual_completion_date\": \"@FUTURE@\"}",
         422, "validation_failed", "actual_completion_date", "R-DATE-4"},
        {"POST", 0, NULL, "{\"statement\": \"S\", " CT ", ", 400, "malformed_json", NULL, NULL},
        {"POST", 2, NULL, "{\"statement\": \"S\", " CT "}", 404, "not_found", NULL, NULL},
        {"GET", 2, NULL, NULL, 404, "not_found", NULL, NULL},
        {"GET", 3, NULL, NULL, 404, "not_found", NULL, NULL},
        {"PATCH", 3, "\"1\"", "{\"term\": \"long\"}", 404, "not_found", NULL, NULL},
        {"PATCH", 1, NULL, "{\"term\": \"long\"}", 428, "precondition_required", NULL, NULL},
        {"PATCH", 1, "\"9\"", "{\"term\": \"long\"}", 412, "version_mismatch", NULL, NULL},
        {"PATCH", 1, "\"1\"", "{\"statement\": null}", 422, "validation_failed", "statement", NULL},
        {"PATCH", 1, "\"1\"", "{\"category\": null}", 422, "validation_failed", "category", NULL},
        {"PATCH", 1, "\"1\"", "{\"term\": \"forever\"}", 422, "validation_failed", "term", NULL},
        /* G has progress and its date: clearing the date alone breaks R-CHK-3. */
        {"PATCH", 1, "\"1\"", "{\"actual_completion_date\": null}", 422, "validation_failed",
         "actual_completion_date", "R-CHK-3"},
        {"PATCH", 1, "\"1\"", "{\"actual_completion_date\": \"@FUTURE@\"}", 422,
         "validation_failed", "actual_completion_date", "R-DATE-4"},
        {"PATCH", 1, "\"1\"", "{\"enrollment_id\": 1}", 422, "validation_failed", "enrollment_id",
         NULL},
        {"GET", 0, NULL, "?cursor=zzz", 400, "bad_query", "cursor", NULL},
};

/* Copies t into out, replacing @LONG@ with a 1001-character statement and
 * @FUTURE@ with a date a week ahead. */
static void fill(const char *t, char *out, size_t cap)
{
	char future[16];
	size_t k = 0;

	day(7, future);
	while (*t && k + 1 < cap) {
		if (!strncmp(t, "@LONG@", 6)) {
			for (int i = 0; i < 1001 && k + 1 < cap; i++)
				out[k++] = 's';
			t += 6;
		} else if (!strncmp(t, "@FUTURE@", 8) && k + 10 < cap) {
			memcpy(out + k, future, 10);
			k += 10;
			t += 8;
		} else {
			out[k++] = *t++;
		}
	}
	out[k] = '\0';
}

static void bad_goal_input_is_refused_with_the_right_status_and_changes_nothing(void)
{
	const struct it_session *s = it_statewide();
	static char body[2048];
	char path[160], d1[16];
	long long eid, g, count, versions, audit;
	struct it_resp r;

	eid = enroll(s, 4);
	CU_ASSERT_FATAL(eid > 0);
	snprintf(body, sizeof(body),
	         "{\"statement\": \"Complete the ECE course\", " CT ", \"progress\": "
	         "\"COMPLETED\", \"actual_completion_date\": \"%s\"}",
	         day(-3, d1));
	g = add_goal(s, eid, body);
	CU_ASSERT_FATAL(g > 0);
	count = goal_count(eid);
	versions = goal_versions(eid);
	audit = goal_audit_count();
	for (size_t i = 0; i < IT_LEN(bad_cases); i++) {
		const struct bad_case *bc = &bad_cases[i];
		const char *code, *json = NULL;

		switch (bc->target) {
		case 0:
			snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/goals", eid);
			break;
		case 1:
			snprintf(path, sizeof(path), "/api/v1/goals/%lld", g);
			break;
		case 2:
			snprintf(path, sizeof(path), "/api/v1/enrollments/999999999/goals");
			break;
		default:
			snprintf(path, sizeof(path), "/api/v1/goals/999999999");
			break;
		}
		if (bc->body) {
			fill(bc->body, body, sizeof(body));
			if (body[0] == '?')
				strncat(path, body, sizeof(path) - strlen(path) - 1);
			else
				json = body;
		}
		CU_ASSERT_EQUAL_FATAL(it_call(s, bc->method, path, bc->if_match, json, &r), 0);
		code = it_json_str(&r, "error.code");
		if (r.status != bc->status || !code || strcmp(code, bc->code) ||
		    (bc->field && !has_detail(&r, bc->field, bc->rule)))
			fprintf(stderr, "\n    case %zu (%s %s): %ld %.300s", i, bc->method, path,
			        r.status, r.body);
		CU_ASSERT_EQUAL(r.status, bc->status);
		CU_ASSERT(code && !strcmp(code, bc->code));
		if (bc->field)
			CU_ASSERT(has_detail(&r, bc->field, bc->rule));
		it_resp_free(&r);
	}
	CU_ASSERT_EQUAL(goal_count(eid), count);
	CU_ASSERT_EQUAL(goal_versions(eid), versions);
	CU_ASSERT_EQUAL(goal_audit_count(), audit);
}

static void goals_of_an_exited_enrollment_stay_editable(void)
{
	const struct it_session *s = it_statewide();
	struct it_resp r;
	char sql[512], path[96], body[256], d1[16];
	long long eid, g, g2;

	eid = enroll(s, 4);
	CU_ASSERT_FATAL(eid > 0);
	g = add_goal(s, eid, GOAL_BODY);
	CU_ASSERT_FATAL(g > 0);
	/* Exited and closed, as C-Work's exit leaves it. */
	snprintf(sql, sizeof(sql),
	         "UPDATE enrollments SET status = 'exited', exit_kind = 'regular', exit_date = "
	         "'%s', case_status = 'closed' WHERE id = %lld; SELECT ROW_COUNT()",
	         day(-1, d1), eid);
	CU_ASSERT_EQUAL_FATAL(sql_num(sql), 1);
	snprintf(path, sizeof(path), "/api/v1/goals/%lld", g);
	snprintf(body, sizeof(body),
	         "{\"progress\": \"NOT_COMPLETED\", \"status\": \"off_track\", "
	         "\"actual_completion_date\": \"%s\"}",
	         d1);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", path, "\"1\"", body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "progress"), "NOT_COMPLETED");
	it_resp_free(&r);
	g2 = add_goal(s, eid,
	              "{\"statement\": \"Keep in touch\", \"category\": \"support_services\", "
	              "\"term\": \"short\"}");
	CU_ASSERT(g2 > 0);
	CU_ASSERT_EQUAL(goal_count(eid), 2);
}

static void a_provider_partner_of_another_location_gets_404_for_goals(void)
{
	const struct it_session *s = it_statewide();
	struct it_session lao, ahs;
	struct it_resp r;
	char path[96], list[96];
	long long eid, g, count;

	eid = enroll(s, 3); /* AHS Chicago North */
	CU_ASSERT_FATAL(eid > 0);
	g = add_goal(s, eid, GOAL_BODY);
	CU_ASSERT_FATAL(g > 0);
	CU_ASSERT_EQUAL_FATAL(it_sign_in("staff25.lao", IT_DEMO_PASSWORD, NULL, &lao), 201);
	CU_ASSERT_EQUAL_FATAL(it_sign_in("ahs.tprograms", IT_DEMO_PASSWORD, NULL, &ahs), 201);
	count = goal_count(eid);
	snprintf(path, sizeof(path), "/api/v1/goals/%lld", g);
	snprintf(list, sizeof(list), "/api/v1/enrollments/%lld/goals", eid);

	CU_ASSERT_EQUAL_FATAL(it_call(&lao, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 404);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "not_found");
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&lao, "PATCH", path, "\"1\"", "{\"term\": \"short\"}", &r),
	                      0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&lao, "GET", list, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&lao, "POST", list, NULL, GOAL_BODY, &r), 0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(goal_count(eid), count);
	CU_ASSERT_EQUAL(goal_versions(eid), 1);

	CU_ASSERT_EQUAL_FATAL(it_call(&ahs, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(
	        it_call(&ahs, "PATCH", path, "\"1\"", "{\"status\": \"on_track\"}", &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	it_resp_free(&r);
}

static const struct it_test tests[] = {
        {"a goal is created, read, listed and updated with If-Match",
         a_goal_is_created_read_listed_and_updated_with_if_match},
        {"bad goal input is refused with the right status and changes nothing",
         bad_goal_input_is_refused_with_the_right_status_and_changes_nothing},
        {"goals of an exited enrollment stay editable",
         goals_of_an_exited_enrollment_stay_editable},
        {"a provider partner of another location gets 404 for goals",
         a_provider_partner_of_another_location_gets_404_for_goals},
};

const struct it_suite it_suite_goals = {"goals", tests, IT_LEN(tests)};
