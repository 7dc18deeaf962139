/*
 * test_idempotency.c: POST with Idempotency-Key (design.md): a retry
 * returns the first response and creates nothing twice; the same key with
 * another body is 422; while the first is running, 409.
 */
#include "itest.h"

#include "idempotency.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* POST path with body and an Idempotency-Key as the statewide user. */
static int post_with_key(const char *path, const char *key, const char *body, struct it_resp *r)
{
	const struct it_session *s = it_statewide();
	char cookie[160], csrf[100], k[300];
	const char *h[5];

	snprintf(cookie, sizeof(cookie), "Cookie: %s", s->cookie);
	snprintf(csrf, sizeof(csrf), "X-CSRF-Token: %s", s->csrf);
	snprintf(k, sizeof(k), "Idempotency-Key: %s", key);
	h[0] = cookie;
	h[1] = csrf;
	h[2] = k;
	h[3] = "Content-Type: application/json";
	h[4] = NULL;
	return it_http("POST", path, h, body, strlen(body), r);
}

static long regions_named(const char *name)
{
	char cmd[256], out[32];

	snprintf(cmd, sizeof(cmd), "sql \"SELECT COUNT(*) FROM regions WHERE name = '%s'\"", name);
	return it_ctl(cmd, out, sizeof(out)) == 0 ? atol(out) : -1;
}

static void a_retried_post_returns_the_first_response_and_creates_nothing_twice(void)
{
	struct it_resp a, b;
	char key[64], body[256], name[64], loc_a[128], loc_b[128], replay[16];

	CU_ASSERT_PTR_NOT_NULL_FATAL(it_statewide());
	snprintf(key, sizeof(key), "retry-%ld-%d", (long)time(NULL), rand());
	snprintf(name, sizeof(name), "Idem Region %ld", (long)time(NULL));
	snprintf(body, sizeof(body), "{\"code\": \"ID-%ld\", \"name\": \"%s\"}",
		 (long)time(NULL) % 1000000, name);
	CU_ASSERT_EQUAL_FATAL(post_with_key("/api/v1/regions", key, body, &a), 0);
	CU_ASSERT_EQUAL(a.status, 201);
	CU_ASSERT_EQUAL_FATAL(post_with_key("/api/v1/regions", key, body, &b), 0);
	CU_ASSERT_EQUAL(b.status, 201);
	CU_ASSERT_STRING_EQUAL(a.body, b.body);
	CU_ASSERT_PTR_NOT_NULL(it_header(&a, "Location", loc_a, sizeof(loc_a)));
	CU_ASSERT_PTR_NOT_NULL(it_header(&b, "Location", loc_b, sizeof(loc_b)));
	CU_ASSERT_STRING_EQUAL(loc_a, loc_b);
	CU_ASSERT_PTR_NOT_NULL(it_header(&b, "Idempotent-Replayed", replay, sizeof(replay)));
	CU_ASSERT_PTR_NULL(it_header(&a, "Idempotent-Replayed", replay, sizeof(replay)));
	CU_ASSERT_EQUAL(regions_named(name), 1);
	it_resp_free(&a);
	it_resp_free(&b);

	/* The same key with another body is refused and creates nothing. */
	snprintf(body, sizeof(body), "{\"code\": \"ID2-%ld\", \"name\": \"%s 2\"}",
		 (long)time(NULL) % 1000000, name);
	CU_ASSERT_EQUAL_FATAL(post_with_key("/api/v1/regions", key, body, &a), 0);
	CU_ASSERT_EQUAL(a.status, 422);
	CU_ASSERT_STRING_EQUAL(it_json_str(&a, "error.code"), "idempotency_key_reused");
	it_resp_free(&a);
}

static void a_retry_while_the_first_is_running_is_409(void)
{
	char key[64], body[128], sql[512], hex[65];
	unsigned char hash[32];
	struct it_resp r;

	/* A claim exactly as a running first request leaves it. */
	snprintf(key, sizeof(key), "running-%ld", (long)time(NULL));
	snprintf(body, sizeof(body), "{\"name\": \"Never Made %ld\"}", (long)time(NULL));
	pw_idem_request_hash("POST", "/api/v1/staff-positions", "", body, strlen(body), hash);
	for (int i = 0; i < 32; i++)
		snprintf(hex + 2 * i, 3, "%02x", hash[i]);
	snprintf(sql, sizeof(sql),
		 "sql \"INSERT INTO idempotency_keys (user_id, idem_key, request_hash) "
		 "VALUES (%lld, '%s', UNHEX('%s'))\"",
		 it_statewide()->user_id, key, hex);
	CU_ASSERT_EQUAL_FATAL(it_ctl(sql, NULL, 0), 0);
	CU_ASSERT_EQUAL_FATAL(post_with_key("/api/v1/staff-positions", key, body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 409);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "idempotency_in_progress");
	it_resp_free(&r);
}

static void a_malformed_key_is_400_and_a_failed_request_frees_its_key(void)
{
	struct it_resp r;
	char key[64];

	CU_ASSERT_EQUAL_FATAL(post_with_key("/api/v1/regions", "has space", "{}", &r), 0);
	CU_ASSERT_EQUAL(r.status, 400);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "bad_idempotency_key");
	it_resp_free(&r);
	/* A refused request (422) is remembered as such: the retry gets the same 422. */
	snprintf(key, sizeof(key), "bad-%ld", (long)time(NULL));
	CU_ASSERT_EQUAL_FATAL(post_with_key("/api/v1/regions", key, "{\"name\": \"x\"}", &r), 0);
	CU_ASSERT_EQUAL(r.status, 422);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(post_with_key("/api/v1/regions", key, "{\"name\": \"x\"}", &r), 0);
	CU_ASSERT_EQUAL(r.status, 422);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "validation_failed");
	it_resp_free(&r);
}

static const struct it_test tests[] = {
	{"a retried POST returns the first response and creates nothing twice",
	 a_retried_post_returns_the_first_response_and_creates_nothing_twice},
	{"a retry while the first is running is 409", a_retry_while_the_first_is_running_is_409},
	{"a malformed key is 400, and a refused request is replayed as refused",
	 a_malformed_key_is_400_and_a_failed_request_frees_its_key},
};

const struct it_suite it_suite_idempotency = {"idempotency", tests, IT_LEN(tests)};
