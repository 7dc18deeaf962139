/*
 * test_http_layer.c: the pure parts of the request layer: route patterns,
 * query and cookie decoding, strict JSON with fault positions, field
 * readers, and response serialisation. Examples are data.
 */
#include "unit_main.h"

#include "arena.h"
#include "buf.h"
#include "json_io.h"
#include "request.h"
#include "response.h"
#include "router.h"

#include <stdlib.h>

struct route_case {
	const char *pattern, *path;
	int match;
	size_t nids;
	long long id0, id1;
};

static const struct route_case route_cases[] = {
        {"/api/v1/health", "/api/v1/health", 1, 0, 0, 0},
        {"/api/v1/health", "/api/v1/health/", 0, 0, 0, 0},
        {"/api/v1/health", "/api/v1/healthz", 0, 0, 0, 0},
        {"/api/v1/health", "/api/v1", 0, 0, 0, 0},
        {"/api/v1/enrollments/{id}/exit", "/api/v1/enrollments/42/exit", 1, 1, 42, 0},
        {"/api/v1/enrollments/{id}/exit", "/api/v1/enrollments/042/exit", 0, 0, 0, 0},
        {"/api/v1/enrollments/{id}/exit", "/api/v1/enrollments/0/exit", 0, 0, 0, 0},
        {"/api/v1/enrollments/{id}/exit", "/api/v1/enrollments/-1/exit", 0, 0, 0, 0},
        {"/api/v1/enrollments/{id}/exit", "/api/v1/enrollments/abc/exit", 0, 0, 0, 0},
        {"/api/v1/enrollments/{id}/exit", "/api/v1/enrollments//exit", 0, 0, 0, 0},
        {"/api/v1/enrollments/{id}/exit", "/api/v1/enrollments/999999999999999999/exit", 1, 1,
         999999999999999999LL, 0},
        {"/api/v1/enrollments/{id}/exit", "/api/v1/enrollments/9999999999999999999/exit", 0, 0, 0,
         0},
        {"/api/v1/enrollments/{id}/post-exit/{id}", "/api/v1/enrollments/7/post-exit/3", 1, 2, 7,
         3},
        {"/api/v1/enrollments/{id}/post-exit/{id}", "/api/v1/enrollments/7/post-exit", 0, 0, 0, 0},
        {"/", "/", 1, 0, 0, 0},
        {"/api/v1/health", "", 0, 0, 0, 0},
};

static void route_patterns_match_literal_and_numeric_id_segments(void)
{
	for (size_t i = 0; i < PW_ARRAY_LEN(route_cases); i++) {
		const struct route_case *c = &route_cases[i];
		long long ids[PW_ROUTE_MAX_IDS] = {0};
		size_t n = 0;
		int m = pw_route_pattern_match(c->pattern, c->path, ids, &n);
		PW_CHECK(m == c->match, "case %zu: %s vs %s gave %d", i, c->pattern, c->path, m);
		if (m && c->match) {
			PW_CHECK(n == c->nids, "case %zu: %zu ids", i, n);
			PW_CHECK(n < 1 || ids[0] == c->id0, "case %zu: id0 %lld", i, ids[0]);
			PW_CHECK(n < 2 || ids[1] == c->id1, "case %zu: id1 %lld", i, ids[1]);
		}
	}
}

static void router_says_404_for_unknown_paths_and_405_with_allow_for_wrong_methods(void)
{
	long long ids[PW_ROUTE_MAX_IDS];
	size_t n = 0;
	char allow[128];
	int status = 0;

	CU_ASSERT_PTR_NOT_NULL(
	        pw_router_match("GET", "/api/v1/health", ids, &n, allow, sizeof(allow), &status));
	CU_ASSERT_EQUAL(status, 200);
	CU_ASSERT_PTR_NOT_NULL(
	        pw_router_match("HEAD", "/api/v1/health", ids, &n, allow, sizeof(allow), &status));
	CU_ASSERT_PTR_NULL(pw_router_match("DELETE", "/api/v1/health", ids, &n, allow,
	                                   sizeof(allow), &status));
	CU_ASSERT_EQUAL(status, 405);
	CU_ASSERT_STRING_EQUAL(allow, "GET, HEAD");
	CU_ASSERT_PTR_NULL(
	        pw_router_match("GET", "/api/v1/nothing", ids, &n, allow, sizeof(allow), &status));
	CU_ASSERT_EQUAL(status, 404);
}

static void every_route_in_the_table_is_well_formed(void)
{
	size_t n = 0;
	const struct pw_route *r = pw_router_routes(&n);

	CU_ASSERT(n > 0);
	for (size_t i = 0; i < n; i++) {
		PW_CHECK(!strncmp(r[i].pattern, "/api/v1/", 8), "route %zu: %s", i, r[i].pattern);
		PW_CHECK(r[i].handler != NULL, "route %zu has no handler", i);
		for (size_t j = 0; j < i; j++)
			PW_CHECK(strcmp(r[i].method, r[j].method) ||
			                 strcmp(r[i].pattern, r[j].pattern),
			         "route %zu repeats %s %s", i, r[i].method, r[i].pattern);
	}
}

struct decode_case {
	const char *in;
	int plus;
	int rc;
	const char *out;
};

static const struct decode_case decode_cases[] = {
        {"abc", 1, PW_OK, "abc"},
        {"a+b", 1, PW_OK, "a b"},
        {"a+b", 0, PW_OK, "a+b"},
        {"%41%62", 1, PW_OK, "Ab"},
        {"%e2%82%ac", 1, PW_OK, "\xe2\x82\xac"},
        {"%", 1, PW_ERR_INVALID, NULL},
        {"%4", 1, PW_ERR_INVALID, NULL},
        {"ab%", 1, PW_ERR_INVALID, NULL},
        {"%zz", 1, PW_ERR_INVALID, NULL},
        {"%00", 1, PW_ERR_INVALID, NULL},
        {"", 1, PW_OK, ""},
};

static void percent_decoding_accepts_escapes_and_refuses_broken_or_nul_ones(void)
{
	struct pw_arena a;

	pw_arena_init(&a);
	for (size_t i = 0; i < PW_ARRAY_LEN(decode_cases); i++) {
		const struct decode_case *c = &decode_cases[i];
		char *out = NULL;
		int rc = pw_url_decode(&a, c->in, strlen(c->in), c->plus, &out, NULL);
		PW_CHECK(rc == c->rc, "case %zu '%s': rc %d", i, c->in, rc);
		if (rc == PW_OK && c->out)
			PW_CHECK(!strcmp(out, c->out), "case %zu: got '%s'", i, out);
	}
	pw_arena_reset(&a);
}

static void request_reads_params_query_cookies_and_headers(void)
{
	char *env[] = {
	        "REQUEST_METHOD=GET",
	        "DOCUMENT_URI=/api/v1/participants",
	        "QUERY_STRING=q=Billy+Elliott&limit=10&cursor=&bad=%zz&q=second",
	        "HTTP_COOKIE=a=1; pw_session=tok%20en; b=2",
	        "HTTP_IF_MATCH=\"3\"",
	        "CONTENT_LENGTH=12",
	        "CONTENT_TYPE=application/json; charset=utf-8",
	        "REQUEST_ID=0123456789abcdef0123456789ABCDEF",
	        NULL,
	};
	struct pw_arena a;
	struct pw_request r;
	const char *v;
	size_t len = 0;

	pw_arena_init(&a);
	CU_ASSERT_EQUAL_FATAL(pw_request_init(&r, env, &a, 1024), PW_OK);
	CU_ASSERT_STRING_EQUAL(r.method, "GET");
	CU_ASSERT_STRING_EQUAL(r.path, "/api/v1/participants");
	CU_ASSERT_STRING_EQUAL(pw_request_query(&r, "q"), "Billy Elliott");
	CU_ASSERT_STRING_EQUAL(pw_request_query(&r, "limit"), "10");
	CU_ASSERT_STRING_EQUAL(pw_request_query(&r, "cursor"), "");
	CU_ASSERT_PTR_NULL(pw_request_query(&r, "bad"));
	CU_ASSERT_PTR_NULL(pw_request_query(&r, "none"));
	CU_ASSERT_EQUAL(r.query_bad, 1);
	CU_ASSERT_EQUAL(pw_request_cookie(&r, "pw_session", &v, &len), PW_OK);
	CU_ASSERT_EQUAL(len, 8);
	CU_ASSERT_EQUAL(strncmp(v, "tok%20en", len), 0);
	CU_ASSERT_EQUAL(pw_request_cookie(&r, "pw_sess", &v, &len), PW_ERR_NOT_FOUND);
	CU_ASSERT_STRING_EQUAL(pw_request_header(&r, "If-Match"), "\"3\"");
	CU_ASSERT_EQUAL(r.content_length, 12);
	CU_ASSERT(pw_request_is_json(&r));
	CU_ASSERT_STRING_EQUAL(r.request_id, "0123456789abcdef0123456789ABCDEF");
	pw_request_free(&r);
	pw_arena_reset(&a);
}

static void request_without_a_usable_id_gets_a_fresh_random_one(void)
{
	char *env[] = {"REQUEST_METHOD=GET", "REQUEST_ID=../../etc", "CONTENT_LENGTH=-5", NULL};
	struct pw_arena a;
	struct pw_request r1, r2;

	pw_arena_init(&a);
	CU_ASSERT_EQUAL_FATAL(pw_request_init(&r1, env, &a, 10), PW_OK);
	CU_ASSERT_EQUAL_FATAL(pw_request_init(&r2, env, &a, 10), PW_OK);
	CU_ASSERT_EQUAL(strlen(r1.request_id), 32);
	CU_ASSERT_STRING_NOT_EQUAL(r1.request_id, r2.request_id);
	/* A negative length is refused unread, like an oversized one. */
	CU_ASSERT(r1.content_length > 1000000);
	CU_ASSERT_FALSE(pw_request_is_json(&r1));
	pw_request_free(&r1);
	pw_request_free(&r2);
	pw_arena_reset(&a);
}

static void json_content_types_are_recognised_exactly(void)
{
	static const struct {
		const char *ct;
		int json;
	} cases[] = {
	        {"application/json", 1},
	        {"Application/JSON", 1},
	        {"application/json;charset=utf-8", 1},
	        {"application/json ; charset=utf-8", 1},
	        {"application/jsonx", 0},
	        {"text/plain", 0},
	        {"application/x-www-form-urlencoded", 0},
	};
	for (size_t i = 0; i < PW_ARRAY_LEN(cases); i++) {
		struct pw_request r;
		memset(&r, 0, sizeof(r));
		r.content_type = cases[i].ct;
		PW_CHECK(pw_request_is_json(&r) == cases[i].json, "%s", cases[i].ct);
	}
}

struct json_case {
	const char *text;
	int rc;
	int line, column;
};

static const struct json_case json_cases[] = {
        {"{\"a\": 1}", PW_OK, 0, 0},
        {"  {\"a\": [1, 2, {\"b\": null}]}\n", PW_OK, 0, 0},
        {"123", PW_OK, 0, 0},
        {"{\"a\": 1,}", PW_ERR_INVALID, 1, 9},
        {"{\"a\": 1}}", PW_ERR_INVALID, 1, 9},
        {"{\n  \"a\": tru\n}", PW_ERR_INVALID, 2, 11},
        {"{\"a\": 1", PW_ERR_INVALID, 1, 8},
        {"", PW_ERR_INVALID, 1, 1},
        {"{'a': 1}", PW_ERR_INVALID, 1, 2},
        {"{\"a\": \"\xff\"}", PW_ERR_INVALID, 1, 0},
        {"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
         PW_ERR_INVALID, 1, 0},
};

static void malformed_json_is_refused_with_the_position_of_the_fault(void)
{
	for (size_t i = 0; i < PW_ARRAY_LEN(json_cases); i++) {
		const struct json_case *c = &json_cases[i];
		struct pw_json_error e;
		json_object *o = NULL;
		int rc = pw_json_parse(c->text, strlen(c->text), &o, &e);
		PW_CHECK(rc == c->rc, "case %zu: rc %d (%s)", i, rc, e.message);
		if (rc == PW_OK) {
			json_object_put(o);
			continue;
		}
		PW_CHECK(e.message[0] != '\0', "case %zu: no message", i);
		PW_CHECK(e.line == c->line, "case %zu: line %d", i, e.line);
		if (c->column)
			PW_CHECK(e.column == c->column, "case %zu: column %d (%s)", i, e.column,
			         e.message);
	}
}

static void field_readers_collect_every_problem_at_once(void)
{
	const char *text = "{\"name\": \"\", \"age\": \"12\", \"when\": \"2023-02-29\", "
	                   "\"kind\": \"regular\", \"status\": \"bogus\", \"ok\": 1, "
	                   "\"amount\": 12.345, \"extra\": true, \"long\": \"abcdef\"}";
	static const char *const kinds[] = {"regular", "hard"};
	static const char *const allowed[] = {"name", "age",    "when", "kind",   "status",
	                                      "ok",   "amount", "long", "missing"};
	struct pw_json_error e;
	json_object *o = NULL;
	struct pw_fields f;
	const char *s = NULL;
	long long n = 0, cents = 0;
	pw_date d = 0;
	size_t idx = 9;
	int b = 0;

	CU_ASSERT_EQUAL_FATAL(pw_json_parse(text, strlen(text), &o, &e), PW_OK);
	f.obj = o;
	f.details = pw_details_new();
	CU_ASSERT_EQUAL(pw_field_string(&f, "name", PW_FIELD_REQUIRED, 10, &s), PW_ERR_INVALID);
	CU_ASSERT_EQUAL(pw_field_int(&f, "age", PW_FIELD_REQUIRED, 0, 150, &n), PW_ERR_INVALID);
	CU_ASSERT_EQUAL(pw_field_date(&f, "when", PW_FIELD_OPTIONAL, &d), PW_ERR_INVALID);
	CU_ASSERT_EQUAL(pw_field_enum(&f, "kind", PW_FIELD_REQUIRED, kinds, 2, &idx), PW_OK);
	CU_ASSERT_EQUAL(idx, 0);
	CU_ASSERT_EQUAL(pw_field_enum(&f, "status", PW_FIELD_REQUIRED, kinds, 2, &idx),
	                PW_ERR_INVALID);
	CU_ASSERT_EQUAL(pw_field_bool(&f, "ok", PW_FIELD_REQUIRED, &b), PW_ERR_INVALID);
	CU_ASSERT_EQUAL(pw_field_money(&f, "amount", PW_FIELD_REQUIRED, 0, 100000, &cents),
	                PW_ERR_INVALID);
	CU_ASSERT_EQUAL(pw_field_string(&f, "long", PW_FIELD_REQUIRED, 5, &s), PW_ERR_INVALID);
	CU_ASSERT_EQUAL(pw_field_string(&f, "missing", PW_FIELD_OPTIONAL, 5, &s), PW_ERR_NOT_FOUND);
	CU_ASSERT_EQUAL(pw_field_string(&f, "missing2", PW_FIELD_REQUIRED, 5, &s), PW_ERR_INVALID);
	CU_ASSERT_EQUAL(pw_fields_reject_unknown(&f, allowed, PW_ARRAY_LEN(allowed)), 1);
	/* name, age, when, status, ok, amount, long, missing2, extra */
	CU_ASSERT_EQUAL(pw_fields_errors(&f), 9);
	json_object_put(f.details);
	json_object_put(o);
}

static void field_readers_accept_good_values(void)
{
	const char *text = "{\"name\": \"Zo\xc3\xab\", \"age\": 42, \"when\": \"2024-02-29\", "
	                   "\"ok\": false, \"amount\": 12.34}";
	struct pw_json_error e;
	json_object *o = NULL;
	struct pw_fields f;
	const char *s = NULL;
	long long n = 0, cents = 0;
	pw_date d = 0;
	int b = 1;

	CU_ASSERT_EQUAL_FATAL(pw_json_parse(text, strlen(text), &o, &e), PW_OK);
	f.obj = o;
	f.details = pw_details_new();
	CU_ASSERT_EQUAL(pw_field_string(&f, "name", PW_FIELD_REQUIRED, 3, &s), PW_OK);
	CU_ASSERT_EQUAL(pw_field_int(&f, "age", PW_FIELD_REQUIRED, 0, 150, &n), PW_OK);
	CU_ASSERT_EQUAL(n, 42);
	CU_ASSERT_EQUAL(pw_field_date(&f, "when", PW_FIELD_REQUIRED, &d), PW_OK);
	CU_ASSERT_EQUAL(d, pw_unit_date("2024-02-29"));
	CU_ASSERT_EQUAL(pw_field_bool(&f, "ok", PW_FIELD_REQUIRED, &b), PW_OK);
	CU_ASSERT_EQUAL(b, 0);
	CU_ASSERT_EQUAL(pw_field_money(&f, "amount", PW_FIELD_REQUIRED, 0, 100000, &cents), PW_OK);
	CU_ASSERT_EQUAL(cents, 1234);
	CU_ASSERT_EQUAL(pw_fields_errors(&f), 0);
	json_object_put(f.details);
	json_object_put(o);
}

static void responses_serialise_with_status_length_id_and_no_header_injection(void)
{
	struct pw_response res;
	struct pw_buf out;

	pw_response_init(&res);
	pw_buf_init(&out, 1 << 20);
	pw_response_error(&res, 404, "not_found", "No such record.", NULL);
	pw_response_header(&res, "ETag", "\"%d\"\r\nSet-Cookie: evil=1", 3);
	CU_ASSERT_EQUAL_FATAL(pw_response_serialize(&res, "abc", 0, &out), PW_OK);
	CU_ASSERT(strncmp(out.data, "Status: 404 Not Found\r\n", 23) == 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out.data, "X-Request-Id: abc\r\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out.data, "Cache-Control: no-store\r\n"));
	CU_ASSERT_PTR_NULL(strstr(out.data, "\r\nSet-Cookie"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out.data, "\"code\":\"not_found\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(out.data, "\"details\":[]"));
	pw_buf_reset(&out);
	CU_ASSERT_EQUAL_FATAL(pw_response_serialize(&res, "abc", 1, &out), PW_OK);
	CU_ASSERT_PTR_NULL(strstr(out.data, "not_found"));
	pw_buf_free(&out);
	pw_response_free(&res);
}

static void buffers_refuse_to_grow_past_their_maximum(void)
{
	struct pw_buf b;

	pw_buf_init(&b, 8);
	CU_ASSERT_EQUAL(pw_buf_appends(&b, "12345678"), PW_OK);
	CU_ASSERT_EQUAL(pw_buf_appends(&b, "9"), PW_ERR_TOO_LARGE);
	CU_ASSERT_EQUAL(b.len, 8);
	CU_ASSERT_STRING_EQUAL(b.data, "12345678");
	CU_ASSERT_EQUAL(pw_buf_printf(&b, "%d", 1), PW_ERR_TOO_LARGE);
	pw_buf_free(&b);
}

static void arena_serves_small_and_large_allocations(void)
{
	struct pw_arena a;
	char *s;
	unsigned char *big;

	pw_arena_init(&a);
	s = pw_arena_strdup(&a, "hello");
	CU_ASSERT_STRING_EQUAL(s, "hello");
	big = pw_arena_alloc(&a, 100000);
	CU_ASSERT_PTR_NOT_NULL_FATAL(big);
	big[99999] = 1;
	CU_ASSERT_EQUAL(((uintptr_t)pw_arena_alloc(&a, 3)) % 16, 0);
	CU_ASSERT_STRING_EQUAL(s, "hello");
	pw_arena_reset(&a);
}

static const struct pw_unit_test tests[] = {
        {"route patterns match literal and numeric id segments",
         route_patterns_match_literal_and_numeric_id_segments},
        {"the router says 404 for unknown paths and 405 with Allow for wrong methods",
         router_says_404_for_unknown_paths_and_405_with_allow_for_wrong_methods},
        {"every route in the table is well formed", every_route_in_the_table_is_well_formed},
        {"percent decoding accepts escapes and refuses broken or NUL ones",
         percent_decoding_accepts_escapes_and_refuses_broken_or_nul_ones},
        {"a request reads its params, query, cookies and headers",
         request_reads_params_query_cookies_and_headers},
        {"a request without a usable id gets a fresh random one",
         request_without_a_usable_id_gets_a_fresh_random_one},
        {"JSON content types are recognised exactly", json_content_types_are_recognised_exactly},
        {"malformed JSON is refused with the position of the fault",
         malformed_json_is_refused_with_the_position_of_the_fault},
        {"field readers collect every problem at once",
         field_readers_collect_every_problem_at_once},
        {"field readers accept good values", field_readers_accept_good_values},
        {"responses serialise with status, length and id, and no header injection",
         responses_serialise_with_status_length_id_and_no_header_injection},
        {"buffers refuse to grow past their maximum", buffers_refuse_to_grow_past_their_maximum},
        {"the arena serves small and large allocations", arena_serves_small_and_large_allocations},
};

int main(void)
{
	return pw_unit_run("http_layer", tests, PW_ARRAY_LEN(tests));
}
