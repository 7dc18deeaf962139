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

static void a_json_route_refuses_other_content_types_with_415(void)
{
	static const char *const types[] = {"Content-Type: text/plain",
					    "Content-Type: application/x-www-form-urlencoded",
					    "Content-Type: application/jsonx", NULL};
	for (size_t i = 0; types[i]; i++) {
		const char *h[] = {types[i], NULL};
		struct it_resp r;
		CU_ASSERT_EQUAL_FATAL(it_http("POST", "/api/v1/session", h, "{}", 2, &r), 0);
		assert_envelope(&r, 415, "unsupported_media_type");
		it_resp_free(&r);
	}
}

struct malformed_case {
	const char *body;
	int line, column;
};

static const struct malformed_case malformed[] = {
	{"{\"login\": \"a\",}", 1, 15},
	{"{\n  \"login\": tru\n}", 2, 15},
	{"{\"login\": \"a\"", 1, 14},
	{"[1, 2", 1, 6},
	{"", 1, 1},
	{"{'login': 'a'}", 1, 2},
	{"{\"login\": \"a\"} trailing", 1, 16},
};

static void malformed_json_is_400_with_the_line_and_column_of_the_fault(void)
{
	static const char *const h[] = {"Content-Type: application/json; charset=utf-8", NULL};

	for (size_t i = 0; i < IT_LEN(malformed); i++) {
		struct it_resp r;
		long long line, col;
		CU_ASSERT_EQUAL_FATAL(it_http("POST", "/api/v1/session", h, malformed[i].body,
					      strlen(malformed[i].body), &r),
				      0);
		assert_envelope(&r, 400, "malformed_json");
		line = it_json_int(&r, "error.details.0.line", -1);
		col = it_json_int(&r, "error.details.0.column", -1);
		if (line != malformed[i].line || col != malformed[i].column)
			fprintf(stderr, "\n    case %zu: line %lld column %lld: %s", i, line, col,
				r.body);
		CU_ASSERT_EQUAL(line, malformed[i].line);
		CU_ASSERT_EQUAL(col, malformed[i].column);
		CU_ASSERT_PTR_NULL(strstr(r.headers, "pw_session="));
		it_resp_free(&r);
	}
}

static void a_signed_out_caller_gets_401_on_every_non_public_route(void)
{
	static const char *const paths[] = {"/api/v1/session", "/api/v1/regions", "/api/v1/users",
					    "/api/v1/audit?entity=user&id=1"};
	for (size_t i = 0; i < IT_LEN(paths); i++) {
		struct it_resp r;
		CU_ASSERT_EQUAL_FATAL(it_http("GET", paths[i], NULL, NULL, 0, &r), 0);
		assert_envelope(&r, 401, "unauthenticated");
		it_resp_free(&r);
	}
}

static const struct it_test tests[] = {
	{"a JSON route refuses other content types with 415", a_json_route_refuses_other_content_types_with_415},
	{"malformed JSON is 400 with the line and column of the fault",
	 malformed_json_is_400_with_the_line_and_column_of_the_fault},
	{"a signed-out caller gets 401 on every non-public route",
	 a_signed_out_caller_gets_401_on_every_non_public_route},
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
