/*
 * test_http.c: the request layer through nginx: routing errors, size and
 * type limits, request ids, headers.
 */
#include "itest.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void assert_envelope(const struct it_resp *r, long status, const char *code)
{
	const char *c = it_json_str(r, "error.code");

	CU_ASSERT_EQUAL(r->status, status);
	CU_ASSERT_PTR_NOT_NULL(c);
	if (c)
		CU_ASSERT_STRING_EQUAL(c, code);
	CU_ASSERT_PTR_NOT_NULL(it_json_str(r, "error.message"));
}

static void unknown_path_is_404_in_the_error_envelope(void)
{
	struct it_resp r;
	static const char *const paths[] = {"/api/v1/nope", "/api/v1/health/extra", "/api/v2/health",
					    "/api/v1/participants/abc"};

	for (size_t i = 0; i < IT_LEN(paths); i++) {
		CU_ASSERT_EQUAL_FATAL(it_http("GET", paths[i], NULL, NULL, 0, &r), 0);
		assert_envelope(&r, 404, "not_found");
		it_resp_free(&r);
	}
}

static void wrong_method_is_405_with_allow(void)
{
	struct it_resp r;
	char allow[128];

	CU_ASSERT_EQUAL_FATAL(it_http("DELETE", "/api/v1/health", NULL, NULL, 0, &r), 0);
	assert_envelope(&r, 405, "method_not_allowed");
	CU_ASSERT_PTR_NOT_NULL(it_header(&r, "Allow", allow, sizeof(allow)));
	CU_ASSERT_STRING_EQUAL(allow, "GET, HEAD");
	it_resp_free(&r);
}

static void body_over_the_limit_is_413_in_the_error_envelope(void)
{
	size_t n = 11u * 1024 * 1024;
	char *big = malloc(n);
	static const char *const h[] = {"Content-Type: application/json", NULL};
	struct it_resp r;

	CU_ASSERT_PTR_NOT_NULL_FATAL(big);
	memset(big, ' ', n);
	CU_ASSERT_EQUAL_FATAL(it_http("POST", "/api/v1/health", h, big, n, &r), 0);
	assert_envelope(&r, 413, "body_too_large");
	it_resp_free(&r);
	free(big);
}

static void worker_refuses_an_oversized_body_before_reading_it(void)
{
	/* Straight to the worker: nginx's own cap would answer first. */
	char out[8192];
	int fd = it_fcgi_connect(it_env("PATHWAY_TEST_SOCKET"));

	CU_ASSERT_FATAL(fd >= 0);
	CU_ASSERT_EQUAL(it_fcgi_begin_get(fd, "POST", "/api/v1/health", "application/json",
					  1024L * 1024 * 1024),
			0);
	CU_ASSERT_EQUAL(it_fcgi_read_response(fd, out, sizeof(out), 10000), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "Status: 413"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "\"body_too_large\""));
	close(fd);
}

static int is_hex32(const char *s)
{
	size_t i;

	for (i = 0; s[i]; i++)
		if (!isxdigit((unsigned char)s[i]))
			return 0;
	return i == 32;
}

static void every_response_has_a_request_id_that_the_log_repeats(void)
{
	struct it_resp r;
	char id[64], log[65536], needle[160];

	CU_ASSERT_EQUAL_FATAL(it_http("GET", "/api/v1/health", NULL, NULL, 0, &r), 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(it_header(&r, "X-Request-Id", id, sizeof(id)));
	CU_ASSERT(is_hex32(id));
	it_resp_free(&r);
	snprintf(needle, sizeof(needle), "id=%s method=GET path=/api/v1/health status=200", id);
	/* The log line is written after the response; give it a moment. */
	for (int i = 0; i < 50; i++) {
		if (it_ctl("log-tail 200", log, sizeof(log)) == 0 && strstr(log, needle))
			break;
		usleep(100 * 1000);
	}
	CU_ASSERT_PTR_NOT_NULL(strstr(log, needle));

	/* Errors carry one too. */
	CU_ASSERT_EQUAL_FATAL(it_http("GET", "/api/v1/nope", NULL, NULL, 0, &r), 0);
	CU_ASSERT_PTR_NOT_NULL(it_header(&r, "X-Request-Id", id, sizeof(id)));
	it_resp_free(&r);
}

static void responses_carry_security_and_no_store_headers(void)
{
	struct it_resp r;
	char v[512];

	CU_ASSERT_EQUAL_FATAL(it_http("GET", "/api/v1/health", NULL, NULL, 0, &r), 0);
	CU_ASSERT_PTR_NOT_NULL(it_header(&r, "Cache-Control", v, sizeof(v)));
	CU_ASSERT_PTR_NOT_NULL(strstr(v, "no-store"));
	CU_ASSERT_PTR_NOT_NULL(it_header(&r, "X-Content-Type-Options", v, sizeof(v)));
	CU_ASSERT_PTR_NOT_NULL(it_header(&r, "Content-Security-Policy", v, sizeof(v)));
	CU_ASSERT_PTR_NULL(strstr(v, "unsafe-inline"));
	it_resp_free(&r);
}

static void head_answers_headers_without_a_body(void)
{
	struct it_resp r;

	CU_ASSERT_EQUAL_FATAL(it_http("HEAD", "/api/v1/health", NULL, NULL, 0, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_EQUAL(r.len, 0);
	it_resp_free(&r);
}

static void the_app_is_served_as_static_files(void)
{
	struct it_resp r;

	CU_ASSERT_EQUAL_FATAL(it_http("GET", "/", NULL, NULL, 0, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "<html"));
	it_resp_free(&r);
}

static const struct it_test tests[] = {
	{"an unknown path is 404 in the error envelope", unknown_path_is_404_in_the_error_envelope},
	{"a known path with the wrong method is 405 with Allow", wrong_method_is_405_with_allow},
	{"a body over the limit is 413 in the error envelope", body_over_the_limit_is_413_in_the_error_envelope},
	{"the worker refuses an oversized body before reading it", worker_refuses_an_oversized_body_before_reading_it},
	{"every response has a request id that the log line repeats", every_response_has_a_request_id_that_the_log_repeats},
	{"responses carry security headers and Cache-Control no-store", responses_carry_security_and_no_store_headers},
	{"HEAD answers headers without a body", head_answers_headers_without_a_body},
	{"the app is served as static files by nginx", the_app_is_served_as_static_files},
};

const struct it_suite it_suite_http = {"http", tests, IT_LEN(tests)};
