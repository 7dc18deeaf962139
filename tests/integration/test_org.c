/*
 * test_org.c: organisation records and accounts over HTTP: create, read,
 * list, update with If-Match, every bad input refused with nothing written,
 * and the role checks (issue 3).
 */
#include "itest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

static long count_rows(const char *sql)
{
	char cmd[1024], out[64];

	snprintf(cmd, sizeof(cmd), "sql \"%s\"", sql);
	if (it_ctl(cmd, out, sizeof(out)) != 0)
		return -1;
	return atol(out);
}

static void statewide_creates_reads_lists_and_updates_a_region(void)
{
	const struct it_session *s = it_statewide();
	struct it_resp r;
	char code[32], body[256], path[64], etag[32], loc[128];
	long long id;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	snprintf(code, sizeof(code), "T-%ld", (long)time(NULL) % 100000);
	snprintf(body, sizeof(body), "{\"code\": \"%s\", \"name\": \"Test Region\"}", code);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", "/api/v1/regions", NULL, body, &r), 0);
	CU_ASSERT_EQUAL_FATAL(r.status, 201);
	id = it_json_int(&r, "id", 0);
	CU_ASSERT(id > 0);
	CU_ASSERT_EQUAL(it_json_int(&r, "version", 0), 1);
	CU_ASSERT_PTR_NOT_NULL(it_header(&r, "ETag", etag, sizeof(etag)));
	CU_ASSERT_STRING_EQUAL(etag, "\"1\"");
	CU_ASSERT_PTR_NOT_NULL(it_header(&r, "Location", loc, sizeof(loc)));
	it_resp_free(&r);

	snprintf(path, sizeof(path), "/api/v1/regions/%lld", id);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "code"), code);
	it_resp_free(&r);

	/* Without If-Match: 428; with a stale one: 412; both change nothing. */
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", path, NULL, "{\"name\": \"Renamed\"}", &r), 0);
	CU_ASSERT_EQUAL(r.status, 428);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", path, "\"7\"", "{\"name\": \"Renamed\"}", &r), 0);
	CU_ASSERT_EQUAL(r.status, 412);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "version_mismatch");
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", path, "\"1\"",
				      "{\"name\": \"Renamed\", \"requires_agency_code\": true}", &r),
			      0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "name"), "Renamed");
	CU_ASSERT_EQUAL(it_json_int(&r, "version", 0), 2);
	it_resp_free(&r);
	/* The first writer's version is now stale: no lost update. */
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", path, "\"1\"", "{\"name\": \"Lost\"}", &r), 0);
	CU_ASSERT_EQUAL(r.status, 412);
	it_resp_free(&r);

	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", "/api/v1/regions?limit=2", NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_PTR_NOT_NULL(it_json_str(&r, "next_cursor"));
	it_resp_free(&r);

	snprintf(path, sizeof(path), "/api/v1/audit?entity=region&id=%lld", id);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "items.0.action"), "update");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "items.0.before.name"), "Test Region");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "items.0.after.name"), "Renamed");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "items.1.action"), "create");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "items.0.actor"), "state.admin");
	it_resp_free(&r);
}

struct bad_case {
	const char *method, *path, *if_match, *body;
	long status;
	const char *code;
};

static const struct bad_case bad_cases[] = {
	{"POST", "/api/v1/regions", NULL, "{\"name\": \"No Code\"}", 422, "validation_failed"},
	{"POST", "/api/v1/regions", NULL, "{\"code\": 12, \"name\": \"Wrong Type\"}", 422,
	 "validation_failed"},
	{"POST", "/api/v1/regions", NULL,
	 "{\"code\": \"X1\", \"name\": \"Bad bool\", \"active\": \"yes\"}", 422, "validation_failed"},
	{"POST", "/api/v1/regions", NULL, "{\"code\": \"X2\", \"name\": \"U\", \"colour\": \"red\"}",
	 422, "validation_failed"},
	{"POST", "/api/v1/regions", NULL,
	 "{\"code\": \"X3-0123456789012345678901234567890123456789\", \"name\": \"Too long\"}", 422,
	 "validation_failed"},
	{"POST", "/api/v1/regions", NULL, "{\"code\": \"CA-LA-WDACS\", \"name\": \"Duplicate\"}",
	 409, "duplicate"},
	{"POST", "/api/v1/office-locations", NULL,
	 "{\"provider_id\": 999999, \"region_id\": 1, \"name\": \"Orphan\"}", 422,
	 "validation_failed"},
	{"PATCH", "/api/v1/regions/999999", "\"1\"", "{\"name\": \"Ghost\"}", 404, "not_found"},
	{"GET", "/api/v1/providers/999999", NULL, NULL, 404, "not_found"},
	{"PATCH", "/api/v1/regions/1", "\"1\"", "{\"name\": null}", 422, "validation_failed"},
	{"PATCH", "/api/v1/regions/1", "garbage", "{\"name\": \"X\"}", 412, "version_mismatch"},
	{"POST", "/api/v1/regions", NULL, "{\"code\": \"X4\", ", 400, "malformed_json"},
	{"GET", "/api/v1/regions?limit=0", NULL, NULL, 400, "bad_query"},
	{"GET", "/api/v1/regions?cursor=zzz", NULL, NULL, 400, "bad_query"},
};

static void bad_input_is_refused_with_the_right_status_and_changes_nothing(void)
{
	const struct it_session *s = it_statewide();
	long regions, locations, audit;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	regions = count_rows("SELECT COUNT(*) FROM regions");
	locations = count_rows("SELECT COUNT(*) FROM office_locations");
	audit = count_rows("SELECT COUNT(*) FROM audit_log WHERE entity IN ('region', "
			   "'office_location')");
	for (size_t i = 0; i < IT_LEN(bad_cases); i++) {
		const struct bad_case *c = &bad_cases[i];
		struct it_resp r;
		const char *code;
		CU_ASSERT_EQUAL_FATAL(it_call(s, c->method, c->path, c->if_match, c->body, &r), 0);
		code = it_json_str(&r, "error.code");
		if (r.status != c->status || !code || strcmp(code, c->code))
			fprintf(stderr, "\n    case %zu (%s %s): %ld %s", i, c->method, c->path,
				r.status, r.body);
		CU_ASSERT_EQUAL(r.status, c->status);
		CU_ASSERT(code && !strcmp(code, c->code));
		it_resp_free(&r);
	}
	CU_ASSERT_EQUAL(count_rows("SELECT COUNT(*) FROM regions"), regions);
	CU_ASSERT_EQUAL(count_rows("SELECT COUNT(*) FROM office_locations"), locations);
	CU_ASSERT_EQUAL(count_rows("SELECT COUNT(*) FROM audit_log WHERE entity IN ('region', "
				   "'office_location')"),
			audit);
}

struct role_case {
	const char *login;
	const char *totp;
	long read_status;  /* GET /api/v1/providers */
	long write_status; /* POST /api/v1/providers */
	long users_status; /* GET /api/v1/users */
};

static const struct role_case role_cases[] = {
	{"state.admin", IT_STATE_TOTP, 200, 201, 200},
	{"pm.lee", IT_PM_TOTP, 200, 403, 403},
	{"int.ortiz", NULL, 200, 403, 403},
	{"staff25.lao", NULL, 200, 403, 403},
};

static void each_role_may_read_organisation_records_and_only_statewide_may_write(void)
{
	for (size_t i = 0; i < IT_LEN(role_cases); i++) {
		const struct role_case *c = &role_cases[i];
		struct it_session s;
		struct it_resp r;
		char body[128];
		long st = it_sign_in(c->login, IT_DEMO_PASSWORD, c->totp, &s);

		CU_ASSERT(st == 200 || st == 201);
		CU_ASSERT_EQUAL_FATAL(it_call(&s, "GET", "/api/v1/providers", NULL, NULL, &r), 0);
		CU_ASSERT_EQUAL(r.status, c->read_status);
		it_resp_free(&r);
		snprintf(body, sizeof(body), "{\"name\": \"Provider by %s %ld\"}", c->login,
			 (long)time(NULL));
		CU_ASSERT_EQUAL_FATAL(it_call(&s, "POST", "/api/v1/providers", NULL, body, &r), 0);
		if (r.status != c->write_status)
			fprintf(stderr, "\n    %s: POST providers %ld", c->login, r.status);
		CU_ASSERT_EQUAL(r.status, c->write_status);
		it_resp_free(&r);
		CU_ASSERT_EQUAL_FATAL(it_call(&s, "GET", "/api/v1/users", NULL, NULL, &r), 0);
		CU_ASSERT_EQUAL(r.status, c->users_status);
		it_resp_free(&r);
	}
}

static void accounts_are_created_checked_and_disabled(void)
{
	const struct it_session *s = it_statewide();
	struct it_session u;
	struct it_resp r;
	char login[48], body[512], path[64], etag[32];
	long long id;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	snprintf(login, sizeof(login), "pp.test%ld", (long)time(NULL));
	/* Weak passwords are refused by the policy, and nothing is created. */
	snprintf(body, sizeof(body),
		 "{\"login\": \"%s\", \"display_name\": \"P P\", \"role\": \"provider_partner\", "
		 "\"password\": \"password1234\", \"location_ids\": [1]}",
		 login);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", "/api/v1/users", NULL, body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 422);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.details.0.field"), "password");
	it_resp_free(&r);
	snprintf(body, sizeof(body),
		 "{\"login\": \"%s\", \"display_name\": \"P P\", \"role\": \"provider_partner\", "
		 "\"password\": \"short\", \"location_ids\": [1]}",
		 login);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", "/api/v1/users", NULL, body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 422);
	it_resp_free(&r);
	snprintf(body, sizeof(body),
		 "{\"login\": \"%s\", \"display_name\": \"P P\", \"role\": \"provider_partner\", "
		 "\"password\": \"Long-Enough-Secret-42\", \"location_ids\": [999999]}",
		 login);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", "/api/v1/users", NULL, body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 422);
	it_resp_free(&r);
	snprintf(body, sizeof(body),
		 "{\"login\": \"%s\", \"display_name\": \"P P\", \"role\": \"provider_partner\", "
		 "\"password\": \"Long-Enough-Secret-42\", \"location_ids\": [1, 2]}",
		 login);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", "/api/v1/users", NULL, body, &r), 0);
	CU_ASSERT_EQUAL_FATAL(r.status, 201);
	id = it_json_int(&r, "id", 0);
	CU_ASSERT_EQUAL(it_json_int(&r, "location_ids.1", 0), 2);
	CU_ASSERT_PTR_NULL(strstr(r.body, "password"));
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", "/api/v1/users", NULL, body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 409);
	it_resp_free(&r);

	/* The new account works, and is cut off the moment it is disabled. */
	CU_ASSERT_EQUAL_FATAL(it_sign_in(login, "Long-Enough-Secret-42", NULL, &u), 201);
	snprintf(path, sizeof(path), "/api/v1/users/%lld", id);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_PTR_NOT_NULL(it_header(&r, "ETag", etag, sizeof(etag)));
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", path, etag, "{\"active\": false}", &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&u, "GET", "/api/v1/session", NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 401);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(it_sign_in(login, "Long-Enough-Secret-42", NULL, &u), 401);
}

static void pathway_admin_creates_accounts_with_the_password_on_stdin(void)
{
	char cmd[2048];
	struct it_session u;
	int st;

	snprintf(cmd, sizeof(cmd),
		 "printf 'Shell-Made-Secret-77\\n' | '%s' -c '%s' create-user --login shell.user "
		 "--name 'Shell User' --role intermediary --location 3 >/dev/null",
		 it_env("PATHWAY_ADMIN_BIN"), it_env("PATHWAY_TEST_CONF"));
	st = system(cmd);
	CU_ASSERT(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	CU_ASSERT_EQUAL(it_sign_in("shell.user", "Shell-Made-Secret-77", NULL, &u), 201);
	/* A weak password from the shell is refused too. */
	snprintf(cmd, sizeof(cmd),
		 "printf 'password1234\\n' | '%s' -c '%s' create-user --login shell.weak "
		 "--name 'Weak' --role intermediary 2>/dev/null",
		 it_env("PATHWAY_ADMIN_BIN"), it_env("PATHWAY_TEST_CONF"));
	st = system(cmd);
	CU_ASSERT(WIFEXITED(st) && WEXITSTATUS(st) == 1);
}

/* R-ACL-1: who works at an office is shown to its own staff and to
 * statewide users; to the staff of another office it does not exist. */
static const struct staff_case {
	const char *login, *totp;
	int location;
	long status;
	const char *must_list; /* a display name the answer holds, or NULL */
} staff_cases[] = {
	{"state.admin", IT_STATE_TOTP, 3, 200, "T Programs"},
	{"pm.lee", IT_PM_TOTP, 3, 200, "Ana Ortiz"},
	{"ahs.tprograms", NULL, 3, 200, "Lee Program-Manager"},
	{"staff25.lao", NULL, 1, 200, "Lao Staff25"},
	{"staff25.lao", NULL, 3, 404, NULL},
	{"cwork.kim", NULL, 1, 404, NULL},
	{"state.admin", IT_STATE_TOTP, 999999, 404, NULL},
};

static void a_location_s_staff_are_listed_for_its_own_staff_only(void)
{
	for (size_t i = 0; i < IT_LEN(staff_cases); i++) {
		const struct staff_case *c = &staff_cases[i];
		struct it_session s;
		struct it_resp r;
		char path[96];

		CU_ASSERT_EQUAL_FATAL(it_sign_in(c->login, IT_DEMO_PASSWORD, c->totp, &s) / 100, 2);
		snprintf(path, sizeof(path), "/api/v1/office-locations/%d/staff", c->location);
		CU_ASSERT_EQUAL_FATAL(it_call(&s, "GET", path, NULL, NULL, &r), 0);
		if (r.status != c->status)
			fprintf(stderr, "\n    %s %s: %ld", c->login, path, r.status);
		CU_ASSERT_EQUAL(r.status, c->status);
		if (c->must_list)
			CU_ASSERT_PTR_NOT_NULL(strstr(r.body, c->must_list));
		/* Nobody from another office, and never a customer account. */
		if (c->status == 200) {
			CU_ASSERT_PTR_NULL(strstr(r.body, "Kim Nguyen"));
			CU_ASSERT_PTR_NULL(strstr(r.body, "\"customer\""));
		}
		it_resp_free(&r);
	}
}

static const struct it_test tests[] = {
	{"a location's staff are listed for its own staff only",
	 a_location_s_staff_are_listed_for_its_own_staff_only},
	{"a statewide user creates, reads, lists and updates a region with If-Match",
	 statewide_creates_reads_lists_and_updates_a_region},
	{"bad input is refused with the right status and changes nothing",
	 bad_input_is_refused_with_the_right_status_and_changes_nothing},
	{"each role may read organisation records and only statewide may write them",
	 each_role_may_read_organisation_records_and_only_statewide_may_write},
	{"accounts are created, checked and disabled", accounts_are_created_checked_and_disabled},
	{"pathway-admin creates accounts with the password on standard input",
	 pathway_admin_creates_accounts_with_the_password_on_stdin},
};

const struct it_suite it_suite_org = {"org", tests, IT_LEN(tests)};
