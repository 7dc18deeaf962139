/*
 * test_health.c: GET /api/v1/health, with the database up, stopped for
 * real, and back again.
 */
#include "itest.h"

#include <string.h>

static void health_answers_ok_with_version_and_schema(void)
{
	struct it_resp r;
	char ct[128];

	CU_ASSERT_EQUAL_FATAL(it_http("GET", "/api/v1/health", NULL, NULL, 0, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "status") ? it_json_str(&r, "status") : "", "ok");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "database") ? it_json_str(&r, "database") : "",
			       "reachable");
	CU_ASSERT_PTR_NOT_NULL(it_json_str(&r, "version"));
	CU_ASSERT(it_json_int(&r, "schema_version", 0) >= 2);
	CU_ASSERT_PTR_NOT_NULL(it_header(&r, "Content-Type", ct, sizeof(ct)));
	CU_ASSERT(strncmp(ct, "application/json", 16) == 0);
	it_resp_free(&r);
}

static void health_is_503_while_mariadb_is_down_and_recovers_without_a_restart(void)
{
	struct it_resp r;
	pid_t before = it_worker_pid();

	CU_ASSERT_EQUAL_FATAL(it_ctl("db-stop", NULL, 0), 0);
	CU_ASSERT_EQUAL(it_wait_health(503, 20), 0);
	CU_ASSERT_EQUAL_FATAL(it_http("GET", "/api/v1/health", NULL, NULL, 0, &r), 0);
	CU_ASSERT_EQUAL(r.status, 503);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code") ? it_json_str(&r, "error.code") : "",
			       "database_unavailable");
	CU_ASSERT_PTR_NOT_NULL(it_json_str(&r, "error.message"));
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "database") ? it_json_str(&r, "database") : "",
			       "unreachable");
	it_resp_free(&r);

	CU_ASSERT_EQUAL_FATAL(it_ctl("db-start", NULL, 0), 0);
	CU_ASSERT_EQUAL(it_wait_health(200, 60), 0);
	/* Every thread reconnects by itself: a burst of requests all succeed. */
	for (int i = 0; i < 40; i++) {
		CU_ASSERT_EQUAL_FATAL(it_http("GET", "/api/v1/health", NULL, NULL, 0, &r), 0);
		CU_ASSERT_EQUAL(r.status, 200);
		it_resp_free(&r);
	}
	/* ...and the workers were never restarted. */
	CU_ASSERT_EQUAL(it_worker_pid(), before);
}

static const struct it_test tests[] = {
	{"health answers 200 with status, version and schema version", health_answers_ok_with_version_and_schema},
	{"health is 503 database_unavailable while MariaDB is down and recovers without a worker restart",
	 health_is_503_while_mariadb_is_down_and_recovers_without_a_restart},
};

const struct it_suite it_suite_health = {"health", tests, IT_LEN(tests)};
