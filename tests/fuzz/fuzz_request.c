/*
 * fuzz_request.c: libFuzzer target for the request layer (request.c,
 * router.c, response.c).
 *
 * The input is split on NUL bytes into FastCGI parameters ("NAME=value"),
 * which is exactly what the worker hands pw_request_init; then the route is
 * looked up, cookies, headers and query values read, and an error response
 * serialised, checking that no header can be injected.
 */
#include "arena.h"
#include "buf.h"
#include "pw.h"
#include "request.h"
#include "response.h"
#include "router.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *copy = malloc(size + 1), *env[64];
	size_t n = 0, start = 0;
	struct pw_arena arena;
	struct pw_request req;
	struct pw_response res;
	struct pw_buf out;
	long long ids[PW_ROUTE_MAX_IDS];
	size_t nids = 0, len = 0;
	char allow[128];
	const char *v;
	int status = 0;

	if (!copy)
		return 0;
	memcpy(copy, data, size);
	copy[size] = '\0';
	for (size_t i = 0; i <= size && n < 63; i++)
		if (copy[i] == '\0') {
			if (i > start)
				env[n++] = copy + start;
			start = i + 1;
		}
	env[n] = NULL;
	pw_arena_init(&arena);
	pw_response_init(&res);
	pw_buf_init(&out, 1 << 20);
	if (pw_request_init(&req, env, &arena, 1024) == PW_OK) {
		pw_router_match(req.method, req.path, ids, &nids, allow, sizeof(allow), &status);
		assert(status == 200 || status == 404 || status == 405);
		pw_request_cookie(&req, "pw_session", &v, &len);
		pw_request_header(&req, "If-Match");
		pw_request_query(&req, "q");
		pw_request_is_json(&req);
		assert(strlen(req.request_id) == 32);
		pw_response_error(&res, 400, "bad", "x", NULL);
		pw_response_header(&res, "X-Echo", "%s", req.path);
		if (pw_response_serialize(&res, req.request_id, 0, &out) == PW_OK) {
			/* Exactly the blank line that ends the head, no more. */
			char *end = strstr(out.data, "\r\n\r\n");
			assert(end != NULL);
			for (char *p = out.data; p < end; p++)
				assert(*p != '\n' || p[-1] == '\r');
		}
		pw_request_free(&req);
	}
	pw_buf_free(&out);
	pw_response_free(&res);
	pw_arena_reset(&arena);
	free(copy);
	return 0;
}
