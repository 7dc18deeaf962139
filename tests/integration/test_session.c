/*
 * test_session.c: signing in and out, the second factor, throttling,
 * expiry, CSRF and the audit rows they leave (issue 3).
 */
#include "itest.h"

#include "auth.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int has_action(const struct it_resp *r, const char *action)
{
	json_object *items = NULL;

	if (!r->json || !json_object_object_get_ex(r->json, "items", &items))
		return 0;
	for (size_t i = 0; i < json_object_array_length(items); i++) {
		json_object *a = NULL;
		if (json_object_object_get_ex(json_object_array_get_idx(items, i), "action", &a) &&
		    !strcmp(json_object_get_string(a), action))
			return 1;
	}
	return 0;
}

/* The audit trail of a user as the statewide user sees it. */
static void audit_of_user(long long id, struct it_resp *r)
{
	char path[128];

	snprintf(path, sizeof(path), "/api/v1/audit?entity=user&id=%lld&limit=500", id);
	CU_ASSERT_EQUAL_FATAL(it_call(it_statewide(), "GET", path, NULL, NULL, r), 0);
	CU_ASSERT_EQUAL(r->status, 200);
}

static void sign_in_sets_a_strict_http_only_cookie_and_returns_role_and_scope(void)
{
	struct it_resp r;
	struct it_session s;
	char v[512];
	json_object *locs = NULL, *scope = NULL;

	CU_ASSERT_EQUAL_FATAL(it_call(NULL, "POST", "/api/v1/session", NULL,
				      "{\"login\": \"staff25.lao\", \"password\": \"" IT_DEMO_PASSWORD
				      "\"}",
				      &r),
			      0);
	CU_ASSERT_EQUAL(r.status, 201);
	CU_ASSERT_PTR_NOT_NULL_FATAL(it_header(&r, "Set-Cookie", v, sizeof(v)));
	CU_ASSERT_PTR_NOT_NULL(strstr(v, "HttpOnly"));
	CU_ASSERT_PTR_NOT_NULL(strstr(v, "SameSite=Strict"));
	CU_ASSERT_PTR_NOT_NULL(strstr(v, "Path=/"));
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "user.role"), "provider_partner");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "stage"), "full");
	CU_ASSERT_EQUAL(strlen(it_json_str(&r, "csrf_token")), 43);
	json_object_object_get_ex(r.json, "scope", &scope);
	CU_ASSERT_FATAL(scope && json_object_object_get_ex(scope, "locations", &locs));
	CU_ASSERT_EQUAL(json_object_array_length(locs), 1);
	memset(&s, 0, sizeof(s));
	CU_ASSERT_EQUAL(it_take_cookie(&r, &s), 0);
	it_resp_free(&r);

	CU_ASSERT_EQUAL_FATAL(it_call(&s, "GET", "/api/v1/session", NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "user.login"), "staff25.lao");
	it_resp_free(&r);
}

static void wrong_password_and_unknown_login_get_the_same_answer(void)
{
	struct it_resp a, b;

	CU_ASSERT_EQUAL_FATAL(it_call(NULL, "POST", "/api/v1/session", NULL,
				      "{\"login\": \"int.ortiz\", \"password\": \"not-the-password\"}",
				      &a),
			      0);
	CU_ASSERT_EQUAL_FATAL(it_call(NULL, "POST", "/api/v1/session", NULL,
				      "{\"login\": \"nobody.here\", \"password\": \"not-the-password\"}",
				      &b),
			      0);
	CU_ASSERT_EQUAL(a.status, 401);
	CU_ASSERT_EQUAL(b.status, 401);
	CU_ASSERT_STRING_EQUAL(a.body, b.body);
	CU_ASSERT_STRING_EQUAL(it_json_str(&a, "error.code"), "invalid_credentials");
	CU_ASSERT_PTR_NULL(strstr(a.headers, "pw_session="));
	it_resp_free(&a);
	it_resp_free(&b);
}

static void sign_in_with_bad_input_is_refused_without_a_session(void)
{
	static const char *const bodies[] = {
		"{\"login\": \"staff25.lao\"}",
		"{\"login\": 5, \"password\": \"x\"}",
		"{\"login\": \"staff25.lao\", \"password\": \"" IT_DEMO_PASSWORD "\", \"admin\": true}",
	};
	for (size_t i = 0; i < IT_LEN(bodies); i++) {
		struct it_resp r;
		CU_ASSERT_EQUAL_FATAL(it_call(NULL, "POST", "/api/v1/session", NULL, bodies[i], &r),
				      0);
		CU_ASSERT_EQUAL(r.status, 422);
		CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "validation_failed");
		CU_ASSERT_PTR_NULL(strstr(r.headers, "pw_session="));
		it_resp_free(&r);
	}
}

static void repeated_failures_are_slowed_then_refused_with_429(void)
{
	struct it_resp r;
	char v[32];
	struct timespec t0, t1;
	int i;

	/* A login that does not exist is throttled just like one that does. */
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < 5; i++) {
		CU_ASSERT_EQUAL_FATAL(it_call(NULL, "POST", "/api/v1/session", NULL,
					      "{\"login\": \"ghost.user\", \"password\": \"wrong-"
					      "password-1\"}",
					      &r),
				      0);
		CU_ASSERT_EQUAL(r.status, 401);
		it_resp_free(&r);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	/* 250 + 500 + 1000 + 2000 ms of slowing down at least. */
	CU_ASSERT((t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000 >= 3700);
	CU_ASSERT_EQUAL_FATAL(it_call(NULL, "POST", "/api/v1/session", NULL,
				      "{\"login\": \"ghost.user\", \"password\": \"wrong-password-1\"}",
				      &r),
			      0);
	CU_ASSERT_EQUAL(r.status, 429);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "too_many_attempts");
	CU_ASSERT_PTR_NOT_NULL(it_header(&r, "Retry-After", v, sizeof(v)));
	CU_ASSERT(atoi(v) > 0);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(it_ctl("sql \"SELECT COUNT(*) FROM audit_log WHERE action = 'locked' AND "
			       "reason LIKE 'too many failures for this login'\"",
			       v, sizeof(v)),
			0);
	CU_ASSERT(atoi(v) >= 1);
}

static void an_idle_or_expired_session_ends(void)
{
	struct it_session s;
	struct it_resp r;

	CU_ASSERT_EQUAL_FATAL(it_sign_in("ahs.tprograms", IT_DEMO_PASSWORD, NULL, &s), 201);
	CU_ASSERT_EQUAL_FATAL(it_call(&s, "GET", "/api/v1/session", NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	it_resp_free(&r);
	/* Idle past the configured timeout. */
	CU_ASSERT_EQUAL(it_ctl("sql \"UPDATE sessions SET last_seen_at = last_seen_at - INTERVAL 1 "
			       "DAY WHERE user_id = (SELECT id FROM users WHERE login = "
			       "'ahs.tprograms')\"",
			       NULL, 0),
			0);
	CU_ASSERT_EQUAL_FATAL(it_call(&s, "GET", "/api/v1/session", NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 401);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "unauthenticated");
	it_resp_free(&r);

	/* Past the absolute lifetime, however active. */
	CU_ASSERT_EQUAL_FATAL(it_sign_in("ahs.tprograms", IT_DEMO_PASSWORD, NULL, &s), 201);
	CU_ASSERT_EQUAL(it_ctl("sql \"UPDATE sessions SET expires_at = UTC_TIMESTAMP(6) - INTERVAL "
			       "1 SECOND WHERE user_id = (SELECT id FROM users WHERE login = "
			       "'ahs.tprograms')\"",
			       NULL, 0),
			0);
	CU_ASSERT_EQUAL_FATAL(it_call(&s, "GET", "/api/v1/session", NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 401);
	it_resp_free(&r);
}

static void sign_out_needs_csrf_then_ends_the_session(void)
{
	struct it_session s, nocsrf;
	struct it_resp r;
	char v[256];

	CU_ASSERT_EQUAL_FATAL(it_sign_in("cwork.kim", IT_DEMO_PASSWORD, NULL, &s), 201);
	nocsrf = s;
	nocsrf.csrf[0] = '\0';
	CU_ASSERT_EQUAL_FATAL(it_call(&nocsrf, "DELETE", "/api/v1/session", NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 403);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "csrf_failed");
	it_resp_free(&r);
	snprintf(nocsrf.csrf, sizeof(nocsrf.csrf), "%s", "x");
	CU_ASSERT_EQUAL_FATAL(it_call(&nocsrf, "DELETE", "/api/v1/session", NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 403);
	it_resp_free(&r);
	/* Still signed in after both refusals. */
	CU_ASSERT_EQUAL_FATAL(it_call(&s, "GET", "/api/v1/session", NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&s, "DELETE", "/api/v1/session", NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 204);
	CU_ASSERT_PTR_NOT_NULL(it_header(&r, "Set-Cookie", v, sizeof(v)));
	CU_ASSERT_PTR_NOT_NULL(strstr(v, "Max-Age=0"));
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&s, "GET", "/api/v1/session", NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 401);
	it_resp_free(&r);
}

static void second_factor_is_required_then_rotates_the_session(void)
{
	struct it_session s, before;
	struct it_resp r;
	char body[64], code[8];

	CU_ASSERT_EQUAL_FATAL(it_call(NULL, "POST", "/api/v1/session", NULL,
				      "{\"login\": \"pm.lee\", \"password\": \"" IT_DEMO_PASSWORD "\"}",
				      &r),
			      0);
	CU_ASSERT_EQUAL(r.status, 201);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "stage"), "password");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "second_factor"), "required");
	memset(&s, 0, sizeof(s));
	it_take_cookie(&r, &s);
	snprintf(s.csrf, sizeof(s.csrf), "%s", it_json_str(&r, "csrf_token"));
	it_resp_free(&r);
	/* Half signed in is not signed in. */
	CU_ASSERT_EQUAL_FATAL(it_call(&s, "GET", "/api/v1/regions", NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 401);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "second_factor_required");
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&s, "POST", "/api/v1/session/totp", NULL,
				      "{\"code\": \"000000\"}", &r),
			      0);
	CU_ASSERT_EQUAL(r.status, 401);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "invalid_code");
	it_resp_free(&r);
	CU_ASSERT_EQUAL(pw_totp_code(IT_PM_TOTP, time(NULL) + 30, code), 0);
	snprintf(body, sizeof(body), "{\"code\": \"%s\"}", code);
	before = s;
	CU_ASSERT_EQUAL_FATAL(it_call(&s, "POST", "/api/v1/session/totp", NULL, body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "stage"), "full");
	CU_ASSERT_EQUAL(it_take_cookie(&r, &s), 0);
	CU_ASSERT_STRING_NOT_EQUAL(s.cookie, before.cookie);
	it_resp_free(&r);
	/* The pre-factor token no longer works; the new one does. */
	CU_ASSERT_EQUAL_FATAL(it_call(&before, "GET", "/api/v1/session", NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 401);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&s, "GET", "/api/v1/regions", NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	it_resp_free(&r);

	/* The same code cannot sign in a second time. */
	CU_ASSERT_EQUAL_FATAL(it_call(NULL, "POST", "/api/v1/session", NULL,
				      "{\"login\": \"pm.lee\", \"password\": \"" IT_DEMO_PASSWORD "\"}",
				      &r),
			      0);
	memset(&s, 0, sizeof(s));
	it_take_cookie(&r, &s);
	snprintf(s.csrf, sizeof(s.csrf), "%s", it_json_str(&r, "csrf_token"));
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&s, "POST", "/api/v1/session/totp", NULL, body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 401);
	it_resp_free(&r);
}

static void enrolment_gives_an_otpauth_uri_and_ten_single_use_recovery_codes(void)
{
	const struct it_session *admin = it_statewide();
	struct it_session s;
	struct it_resp r;
	char login[64], body[512], secret[64], code[8], recovery[32], path[64];
	json_object *codes = NULL;
	long long id;

	CU_ASSERT_PTR_NOT_NULL_FATAL(admin);
	/* A program manager without a second factor yet must set one up. */
	snprintf(login, sizeof(login), "pm.new%ld", (long)time(NULL));
	snprintf(body, sizeof(body),
		 "{\"login\": \"%s\", \"display_name\": \"New Manager\", \"role\": "
		 "\"program_manager\", \"password\": \"Correct-Horse-Battery-9\", \"location_ids\": "
		 "[3]}",
		 login);
	CU_ASSERT_EQUAL_FATAL(it_call(admin, "POST", "/api/v1/users", NULL, body, &r), 0);
	CU_ASSERT_EQUAL_FATAL(r.status, 201);
	id = it_json_int(&r, "id", 0);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_sign_in(login, "Correct-Horse-Battery-9", NULL, &s), 201);
	CU_ASSERT_EQUAL_FATAL(it_call(&s, "GET", "/api/v1/session", NULL, NULL, &r), 0);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "second_factor"), "enroll");
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&s, "GET", "/api/v1/regions", NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 401);
	it_resp_free(&r);

	CU_ASSERT_EQUAL_FATAL(it_call(&s, "POST", "/api/v1/session/totp/enrollment", NULL, NULL, &r),
			      0);
	CU_ASSERT_EQUAL_FATAL(r.status, 201);
	CU_ASSERT_PTR_NOT_NULL_FATAL(it_json_str(&r, "secret"));
	snprintf(secret, sizeof(secret), "%s", it_json_str(&r, "secret"));
	CU_ASSERT(strncmp(it_json_str(&r, "otpauth_uri"), "otpauth://totp/Pathway:", 23) == 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(it_json_str(&r, "otpauth_uri"), secret));
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&s, "POST", "/api/v1/session/totp/enrollment/confirm", NULL,
				      "{\"code\": \"12345\"}", &r),
			      0);
	CU_ASSERT_EQUAL(r.status, 422);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(pw_totp_code(secret, time(NULL), code), 0);
	snprintf(body, sizeof(body), "{\"code\": \"%s\"}", code);
	CU_ASSERT_EQUAL_FATAL(it_call(&s, "POST", "/api/v1/session/totp/enrollment/confirm", NULL,
				      body, &r),
			      0);
	CU_ASSERT_EQUAL_FATAL(r.status, 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "stage"), "full");
	CU_ASSERT_FATAL(json_object_object_get_ex(r.json, "recovery_codes", &codes));
	CU_ASSERT_EQUAL(json_object_array_length(codes), 10);
	snprintf(recovery, sizeof(recovery), "%s",
		 json_object_get_string(json_object_array_get_idx(codes, 0)));
	CU_ASSERT_STRING_NOT_EQUAL(recovery,
				   json_object_get_string(json_object_array_get_idx(codes, 1)));
	it_take_cookie(&r, &s);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&s, "GET", "/api/v1/regions", NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	it_resp_free(&r);

	/* A recovery code finishes a sign-in once, and only once. */
	for (int round = 0; round < 2; round++) {
		CU_ASSERT_EQUAL_FATAL(it_sign_in(login, "Correct-Horse-Battery-9", NULL, &s), 201);
		snprintf(body, sizeof(body), "{\"recovery_code\": \"%s\"}", recovery);
		CU_ASSERT_EQUAL_FATAL(it_call(&s, "POST", "/api/v1/session/totp", NULL, body, &r),
				      0);
		CU_ASSERT_EQUAL(r.status, round == 0 ? 200 : 401);
		it_resp_free(&r);
	}
	snprintf(path, sizeof(path), "/api/v1/audit?entity=user&id=%lld", id);
	CU_ASSERT_EQUAL_FATAL(it_call(admin, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT(has_action(&r, "totp_enabled"));
	CU_ASSERT(has_action(&r, "sign_in_recovery_code"));
	CU_ASSERT(has_action(&r, "second_factor_failed"));
	it_resp_free(&r);
}

static void sign_ins_failures_and_sign_outs_are_audited(void)
{
	struct it_session s;
	struct it_resp r;
	long long id;

	CU_ASSERT_EQUAL_FATAL(it_sign_in("int.ortiz", IT_DEMO_PASSWORD, NULL, &s), 201);
	id = s.user_id;
	CU_ASSERT_EQUAL_FATAL(it_call(&s, "DELETE", "/api/v1/session", NULL, NULL, &r), 0);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(it_sign_in("int.ortiz", "wrong-password-22", NULL, &s), 401);
	audit_of_user(id, &r);
	CU_ASSERT(has_action(&r, "sign_in"));
	CU_ASSERT(has_action(&r, "sign_out"));
	CU_ASSERT(has_action(&r, "sign_in_failed"));
	CU_ASSERT_PTR_NOT_NULL(it_json_str(&r, "items.0.request_id"));
	it_resp_free(&r);
	/* Only statewide users and program managers read audit trails. */
	CU_ASSERT_EQUAL(it_sign_in("int.ortiz", IT_DEMO_PASSWORD, NULL, &s), 201);
	CU_ASSERT_EQUAL_FATAL(it_call(&s, "GET", "/api/v1/audit?entity=user&id=1", NULL, NULL, &r),
			      0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
}

static const struct it_test tests[] = {
	{"sign-in sets a strict HttpOnly cookie and returns role and scope",
	 sign_in_sets_a_strict_http_only_cookie_and_returns_role_and_scope},
	{"a wrong password and an unknown login get the same answer",
	 wrong_password_and_unknown_login_get_the_same_answer},
	{"sign-in with bad input is refused without a session",
	 sign_in_with_bad_input_is_refused_without_a_session},
	{"repeated failures are slowed, then refused with 429 and audited as a lock",
	 repeated_failures_are_slowed_then_refused_with_429},
	{"an idle or expired session ends", an_idle_or_expired_session_ends},
	{"sign-out needs the CSRF token, then ends the session",
	 sign_out_needs_csrf_then_ends_the_session},
	{"the second factor is required, refuses replays and rotates the session",
	 second_factor_is_required_then_rotates_the_session},
	{"enrolment gives an otpauth URI and ten single-use recovery codes",
	 enrolment_gives_an_otpauth_uri_and_ten_single_use_recovery_codes},
	{"sign-ins, failures and sign-outs are audited", sign_ins_failures_and_sign_outs_are_audited},
};

const struct it_suite it_suite_session = {"session", tests, IT_LEN(tests)};
