/*
 * test_participants.c: participants and enrollments over HTTP, and the
 * access matrix of issue 3: for every role, an allowed and a refused read
 * and write, including a provider partner reaching for another provider's
 * participant by id and a customer reaching for another customer's record.
 */
#include "itest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

/* Program 1 is WIOA Adult, 5 SNAP to Success, 7 C-Work (migration 0008);
 * locations: 1 WDACS East LA (provider 1), 3 AHS Chicago North (provider 2),
 * 4 C-Work Oakland (provider 3), 5 Northside (provider 4). */

static long count_rows(const char *sql)
{
	char cmd[1024], out[64];

	snprintf(cmd, sizeof(cmd), "sql \"%s\"", sql);
	if (it_ctl(cmd, out, sizeof(out)) != 0)
		return -1;
	return atol(out);
}

/* A unique surname per call, so runs never collide. */
static const char *surname(void)
{
	static char buf[32];
	static int n;

	snprintf(buf, sizeof(buf), "Testperson%ld%d", (long)time(NULL) % 100000, ++n);
	return buf;
}

/* Creates a participant born on dob, enrolled at location loc in program
 * prog as s; returns its id (0 on failure) and the enrollment id in *eid. */
static long long make_person(const struct it_session *s, const char *first, const char *last,
			     const char *dob, int prog, int loc, long long *eid)
{
	char body[1024];
	struct it_resp r;
	long long id = 0;

	snprintf(body, sizeof(body),
		 "{\"first_name\": \"%s\", \"last_name\": \"%s\", \"date_of_birth\": "
		 "\"%s\", \"ssn_last4\": \"%04d\", \"confirm_duplicate\": true, "
		 "\"enrollment\": {\"program_id\": %d, \"location_id\": %d, \"application_date\": "
		 "\"2025-01-06\", \"participation_date\": \"2025-01-10\", \"status\": "
		 "\"enrolled\"}}",
		 first, last, dob, rand() % 10000, prog, loc);
	if (it_call(s, "POST", "/api/v1/participants", NULL, body, &r) == 0 && r.status == 201) {
		id = it_json_int(&r, "id", 0);
		if (eid)
			*eid = it_json_int(&r, "enrollments.0.id", 0);
	} else {
		fprintf(stderr, "\n    create participant: %ld %s", r.status, r.body);
	}
	it_resp_free(&r);
	return id;
}

static long long make_participant(const struct it_session *s, const char *first,
				  const char *last, int prog, int loc, long long *eid)
{
	return make_person(s, first, last, "1990-05-17", prog, loc, eid);
}

static void a_participant_is_created_with_a_first_enrollment_and_read_back(void)
{
	const struct it_session *s = it_statewide();
	struct it_resp r;
	char path[64], etag[32];
	long long id, eid = 0;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	id = make_participant(s, "Karen", surname(), 1, 1, &eid);
	CU_ASSERT_FATAL(id > 0);
	CU_ASSERT(eid > 0);
	snprintf(path, sizeof(path), "/api/v1/participants/%lld", id);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "first_name"), "Karen");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "date_of_birth"), "1990-05-17");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "enrollments.0.program_code"), "wioa_adult");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "enrollments.0.status"), "enrolled");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "providers.0"), "WDACS Test");
	CU_ASSERT_PTR_NOT_NULL(it_header(&r, "ETag", etag, sizeof(etag)));
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", path, etag,
				      "{\"email\": \"karen@example.org\", \"state\": \"CA\", "
				      "\"zip\": \"90022\", \"school_status\": "
				      "\"not_attending_hs_graduate\"}",
				      &r),
			      0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "email"), "karen@example.org");
	CU_ASSERT_EQUAL(it_json_int(&r, "version", 0), 2);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", path, etag, "{\"city\": \"Lost\"}", &r), 0);
	CU_ASSERT_EQUAL(r.status, 412);
	it_resp_free(&r);
}

static void a_possible_duplicate_is_409_with_the_existing_id_unless_confirmed(void)
{
	const struct it_session *s = it_statewide();
	struct it_resp r;
	char body[512];
	const char *last = surname();
	long long first_id;

	snprintf(body, sizeof(body),
		 "{\"first_name\": \"Dup\", \"last_name\": \"%s\", \"date_of_birth\": \"1980-02-29\", "
		 "\"ssn_last4\": \"1234\"}",
		 last);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", "/api/v1/participants", NULL, body, &r), 0);
	CU_ASSERT_EQUAL_FATAL(r.status, 201);
	first_id = it_json_int(&r, "id", 0);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", "/api/v1/participants", NULL, body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 409);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "possible_duplicate");
	CU_ASSERT_EQUAL(it_json_int(&r, "existing_ids.0", 0), first_id);
	it_resp_free(&r);
	body[strlen(body) - 1] = '\0';
	strcat(body, ", \"confirm_duplicate\": true}");
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", "/api/v1/participants", NULL, body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 201);
	it_resp_free(&r);
}

struct bad_case {
	const char *body;
	const char *field;
};

static const struct bad_case bad_participants[] = {
	{"{\"last_name\": \"X\", \"date_of_birth\": \"1990-01-01\"}", "first_name"},
	{"{\"first_name\": 7, \"last_name\": \"X\", \"date_of_birth\": \"1990-01-01\"}", "first_name"},
	{"{\"first_name\": \"A\", \"last_name\": \"X\", \"date_of_birth\": \"1990-02-30\"}",
	 "date_of_birth"},
	{"{\"first_name\": \"A\", \"last_name\": \"X\", \"date_of_birth\": \"2999-01-01\"}",
	 "date_of_birth"},
	{"{\"first_name\": \"A\", \"last_name\": \"X\", \"date_of_birth\": \"1990-01-01\", "
	 "\"ssn_last4\": \"123456789\"}",
	 "ssn_last4"},
	{"{\"first_name\": \"A\", \"last_name\": \"X\", \"date_of_birth\": \"1990-01-01\", "
	 "\"school_status\": \"graduated-ish\"}",
	 "school_status"},
	{"{\"first_name\": \"A\", \"last_name\": \"X\", \"date_of_birth\": \"1990-01-01\", "
	 "\"state\": \"ZZ\"}",
	 "state"},
	{"{\"first_name\": \"A\", \"last_name\": \"X\", \"date_of_birth\": \"1990-01-01\", "
	 "\"ssn\": \"123-45-6789\"}",
	 "ssn"},
	{"{\"first_name\": \"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
	 "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\", \"last_name\": \"X\", \"date_of_birth\": "
	 "\"1990-01-01\"}",
	 "first_name"},
	{"{\"first_name\": \"A\", \"last_name\": \"X\", \"date_of_birth\": \"1990-01-01\", "
	 "\"enrollment\": {\"program_id\": 1, \"location_id\": 1, \"application_date\": "
	 "\"2025-02-01\", \"participation_date\": \"2025-01-01\"}}",
	 "enrollment.participation_date"},
	{"{\"first_name\": \"A\", \"last_name\": \"X\", \"date_of_birth\": \"1990-01-01\", "
	 "\"enrollment\": {\"program_id\": 1, \"location_id\": 1, \"application_date\": "
	 "\"2025-02-01\", \"status\": \"exited\"}}",
	 "enrollment.status"},
};

static void bad_participant_input_is_422_naming_the_field_and_writes_nothing(void)
{
	const struct it_session *s = it_statewide();
	long before = count_rows("SELECT COUNT(*) FROM participants");
	long audit = count_rows("SELECT COUNT(*) FROM audit_log WHERE entity = 'participant'");

	for (size_t i = 0; i < IT_LEN(bad_participants); i++) {
		struct it_resp r;
		const char *field;
		CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", "/api/v1/participants", NULL,
					      bad_participants[i].body, &r),
				      0);
		field = it_json_str(&r, "error.details.0.field");
		if (r.status != 422 || !field || strcmp(field, bad_participants[i].field))
			fprintf(stderr, "\n    case %zu: %ld %s", i, r.status, r.body);
		CU_ASSERT_EQUAL(r.status, 422);
		CU_ASSERT(field && !strcmp(field, bad_participants[i].field));
		it_resp_free(&r);
	}
	CU_ASSERT_EQUAL(count_rows("SELECT COUNT(*) FROM participants"), before);
	CU_ASSERT_EQUAL(count_rows("SELECT COUNT(*) FROM audit_log WHERE entity = 'participant'"),
			audit);
}

static void a_redetermination_date_may_lie_ahead_as_a_planned_date(void)
{
	/* R-DATE-4 allows a planned date in the future: the next benefits
	 * review is one. */
	const struct it_session *s = it_statewide();
	struct it_resp r;
	const char *v;

	CU_ASSERT_EQUAL_FATAL(
		it_call(s, "POST", "/api/v1/participants", NULL,
			"{\"first_name\": \"Rede\", \"last_name\": \"Termination\", "
			"\"date_of_birth\": \"1988-03-04\", \"redetermination_date\": \"2027-06-30\"}",
			&r),
		0);
	CU_ASSERT_EQUAL(r.status, 201);
	v = it_json_str(&r, "redetermination_date");
	CU_ASSERT(v && !strcmp(v, "2027-06-30"));
	it_resp_free(&r);
}

static void search_finds_by_name_prefix_dob_and_last_four_and_pages_by_cursor(void)
{
	const struct it_session *s = it_statewide();
	struct it_resp r;
	char last[32], path[256], cursor[256];
	long long ids[5];
	int seen = 0;

	snprintf(last, sizeof(last), "%s", surname());
	for (int i = 0; i < 5; i++) {
		char first[16];
		snprintf(first, sizeof(first), "Pager%c", 'A' + i);
		ids[i] = make_participant(s, first, last, 2, 1, NULL);
		CU_ASSERT_FATAL(ids[i] > 0);
	}
	/* Two per page: 2 + 2 + 1, in name order, no repeats. */
	cursor[0] = '\0';
	for (int page = 0; page < 3; page++) {
		json_object *items = NULL;
		snprintf(path, sizeof(path), "/api/v1/participants?q=%s&limit=2%s%s", last,
			 cursor[0] ? "&cursor=" : "", cursor);
		CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
		CU_ASSERT_EQUAL_FATAL(r.status, 200);
		json_object_object_get_ex(r.json, "items", &items);
		for (size_t i = 0; i < json_object_array_length(items); i++) {
			json_object *id = NULL;
			json_object_object_get_ex(json_object_array_get_idx(items, i), "id", &id);
			CU_ASSERT_EQUAL(json_object_get_int64(id), ids[seen]);
			seen++;
		}
		snprintf(cursor, sizeof(cursor), "%s",
			 it_json_str(&r, "next_cursor") ? it_json_str(&r, "next_cursor") : "");
		it_resp_free(&r);
	}
	CU_ASSERT_EQUAL(seen, 5);
	/* "First Last" prefixes, either way round. */
	snprintf(path, sizeof(path), "/api/v1/participants?q=PagerC%%20%.8s", last);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.id", 0), ids[2]);
	CU_ASSERT_PTR_NULL(it_json_str(&r, "items.1.first_name"));
	it_resp_free(&r);
	snprintf(path, sizeof(path), "/api/v1/participants?q=%s&dob=1990-05-17&limit=500", last);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	it_resp_free(&r);
	/* A LIKE wildcard in the query is taken literally. */
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", "/api/v1/participants?q=%25", NULL, NULL, &r), 0);
	CU_ASSERT_PTR_NULL(it_json_str(&r, "items.0.last_name"));
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(
		it_call(s, "GET", "/api/v1/participants?cursor=bm90LWEtY3Vyc29y", NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 400);
	it_resp_free(&r);
}

static void an_open_enrollment_blocks_another_in_the_same_program_with_the_same_provider(void)
{
	const struct it_session *s = it_statewide();
	struct it_resp r;
	char path[96];
	long long id = make_participant(s, "Billy", surname(), 5, 3, NULL);
	long long eid;

	CU_ASSERT_FATAL(id > 0);
	snprintf(path, sizeof(path), "/api/v1/participants/%lld/enrollments", id);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", path, NULL,
				      "{\"program_id\": 5, \"location_id\": 3, \"application_date\": "
				      "\"2025-03-01\"}",
				      &r),
			      0);
	CU_ASSERT_EQUAL(r.status, 409);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "enrollment_open");
	it_resp_free(&r);
	/* The same program with a second provider is a co-enrolment (R-EXIT-9). */
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", path, NULL,
				      "{\"program_id\": 5, \"location_id\": 5, \"application_date\": "
				      "\"2025-03-01\"}",
				      &r),
			      0);
	CU_ASSERT_EQUAL(r.status, 201);
	eid = it_json_int(&r, "id", 0);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "status"), "referred");
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.1.id", 0), eid);
	it_resp_free(&r);
	/* Case managers: assign, a temporary one, remove; history kept. */
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/case-manager", eid);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PUT", path, NULL, "{\"user_id\": 1}", &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "case_manager_name"), "Sam Statewide");
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PUT", path, NULL,
				      "{\"user_id\": 4, \"kind\": \"temporary\"}", &r),
			      0);
	CU_ASSERT_EQUAL(r.status, 422); /* staff25.lao does not work at Northside */
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "DELETE", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_PTR_NULL(it_json_str(&r, "case_manager_name"));
	it_resp_free(&r);
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/case-managers", eid);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_PTR_NOT_NULL(it_json_str(&r, "items.0.removed_at"));
	it_resp_free(&r);
}

struct role_case {
	const char *login;
	const char *totp;
	int own_location;   /* a location the role works at (0: statewide) */
	int other_location; /* one it does not */
};

static const struct role_case roles[] = {
	{"state.admin", IT_STATE_TOTP, 0, 0},
	{"pm.lee", IT_PM_TOTP, 1, 4},
	{"int.ortiz", NULL, 3, 1},
	{"staff25.lao", NULL, 1, 3},
	{"ahs.tprograms", NULL, 3, 4},
};

/* GET then PATCH participant id as s; returns the two statuses. */
static void read_write(const struct it_session *s, long long id, long *rd, long *wr)
{
	struct it_resp r;
	char path[64], etag[32] = "\"1\"";

	snprintf(path, sizeof(path), "/api/v1/participants/%lld", id);
	it_call(s, "GET", path, NULL, NULL, &r);
	*rd = r.status;
	if (r.status == 200)
		it_header(&r, "ETag", etag, sizeof(etag));
	it_resp_free(&r);
	it_call(s, "PATCH", path, etag, "{\"phone\": \"312-555-0100\"}", &r);
	*wr = r.status;
	it_resp_free(&r);
}

static void every_role_reads_and_writes_in_scope_and_gets_404_outside(void)
{
	const struct it_session *admin = it_statewide();
	long long at[6] = {0};
	int locs[] = {1, 3, 4};

	CU_ASSERT_PTR_NOT_NULL_FATAL(admin);
	for (size_t i = 0; i < IT_LEN(locs); i++) {
		at[locs[i]] = make_participant(admin, "Scope", surname(), 1, locs[i], NULL);
		CU_ASSERT_FATAL(at[locs[i]] > 0);
	}
	for (size_t i = 0; i < IT_LEN(roles); i++) {
		const struct role_case *c = &roles[i];
		struct it_session s;
		long rd, wr, st = it_sign_in(c->login, IT_DEMO_PASSWORD, c->totp, &s);
		int own = c->own_location ? c->own_location : 4;

		CU_ASSERT(st == 200 || st == 201);
		read_write(&s, at[own], &rd, &wr);
		if (rd != 200 || wr != 200)
			fprintf(stderr, "\n    %s own: read %ld write %ld", c->login, rd, wr);
		CU_ASSERT_EQUAL(rd, 200);
		CU_ASSERT_EQUAL(wr, 200);
		if (c->other_location) {
			read_write(&s, at[c->other_location], &rd, &wr);
			if (rd != 404 || wr != 404)
				fprintf(stderr, "\n    %s other: read %ld write %ld", c->login, rd,
					wr);
			CU_ASSERT_EQUAL(rd, 404);
			CU_ASSERT_EQUAL(wr, 404);
		}
	}
}

static void a_provider_partner_cannot_reach_another_providers_participant_by_id_or_search(void)
{
	const struct it_session *admin = it_statewide();
	struct it_session lao;
	struct it_resp r;
	char path[128], last[32];
	long long theirs;

	snprintf(last, sizeof(last), "%s", surname());
	theirs = make_participant(admin, "Hidden", last, 5, 3, NULL);
	CU_ASSERT_FATAL(theirs > 0);
	CU_ASSERT_EQUAL_FATAL(it_sign_in("staff25.lao", IT_DEMO_PASSWORD, NULL, &lao), 201);
	snprintf(path, sizeof(path), "/api/v1/participants/%lld/enrollments", theirs);
	CU_ASSERT_EQUAL_FATAL(it_call(&lao, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
	/* Enrolling them at his own office does not open their record to him. */
	CU_ASSERT_EQUAL_FATAL(it_call(&lao, "POST", path, NULL,
				      "{\"program_id\": 1, \"location_id\": 1, \"application_date\": "
				      "\"2025-03-01\"}",
				      &r),
			      0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
	/* Nor at an office that is not his. */
	snprintf(path, sizeof(path), "/api/v1/participants?q=%s", last);
	CU_ASSERT_EQUAL_FATAL(it_call(&lao, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_PTR_NULL(it_json_str(&r, "items.0.last_name"));
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&lao, "POST", "/api/v1/participants", NULL,
				      "{\"first_name\": \"A\", \"last_name\": \"B\", "
				      "\"date_of_birth\": \"1990-01-01\", \"enrollment\": "
				      "{\"program_id\": 1, \"location_id\": 3, \"application_date\": "
				      "\"2025-01-01\"}}",
				      &r),
			      0);
	CU_ASSERT_EQUAL(r.status, 422);
	it_resp_free(&r);
}

static void a_customer_reads_only_their_own_record_and_writes_nothing(void)
{
	const struct it_session *admin = it_statewide();
	struct it_session me;
	struct it_resp r;
	char body[512], login[48], path[64];
	long long mine, other;
	long rd, wr;

	mine = make_participant(admin, "Carla", surname(), 7, 4, NULL);
	other = make_participant(admin, "Other", surname(), 7, 4, NULL);
	CU_ASSERT_FATAL(mine > 0 && other > 0);
	snprintf(login, sizeof(login), "cust%lld", mine);
	snprintf(body, sizeof(body),
		 "{\"login\": \"%s\", \"display_name\": \"Carla\", \"role\": \"customer\", "
		 "\"participant_id\": %lld, \"password\": \"Customer-Secret-2026\"}",
		 login, mine);
	CU_ASSERT_EQUAL_FATAL(it_call(admin, "POST", "/api/v1/users", NULL, body, &r), 0);
	CU_ASSERT_EQUAL_FATAL(r.status, 201);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_sign_in(login, "Customer-Secret-2026", NULL, &me), 201);
	read_write(&me, mine, &rd, &wr);
	CU_ASSERT_EQUAL(rd, 200);
	CU_ASSERT_EQUAL(wr, 403);
	read_write(&me, other, &rd, &wr);
	CU_ASSERT_EQUAL(rd, 404);
	CU_ASSERT_EQUAL(wr, 404);
	snprintf(path, sizeof(path), "/api/v1/participants/%lld/enrollments", mine);
	CU_ASSERT_EQUAL_FATAL(it_call(&me, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "items.0.program_code"), "cwork");
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&me, "GET", "/api/v1/participants", NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.id", 0), mine);
	CU_ASSERT_PTR_NULL(it_json_str(&r, "items.1.last_name"));
	it_resp_free(&r);
}

/* Adds an enrollment of participant id in prog at loc as s; its id or 0. */
static long long add_enrollment(const struct it_session *s, long long id, int prog, int loc)
{
	char path[96], body[256];
	struct it_resp r;
	long long eid = 0;

	snprintf(path, sizeof(path), "/api/v1/participants/%lld/enrollments", id);
	snprintf(body, sizeof(body),
		 "{\"program_id\": %d, \"location_id\": %d, \"application_date\": \"2025-02-03\", "
		 "\"participation_date\": \"2025-02-04\", \"status\": \"enrolled\"}",
		 prog, loc);
	if (it_call(s, "POST", path, NULL, body, &r) == 0 && r.status == 201)
		eid = it_json_int(&r, "id", 0);
	else
		fprintf(stderr, "\n    add enrollment: %ld %s", r.status, r.body);
	it_resp_free(&r);
	return eid;
}

/* Sets an enrollment's status behind the API's back (exits have their own
 * tests; here only the filter matters). */
static void set_status(long long eid, const char *status)
{
	char sql[160];

	snprintf(sql, sizeof(sql), "UPDATE enrollments SET status = '%s' WHERE id = %lld", status,
		 eid);
	CU_ASSERT_EQUAL(count_rows(sql), 0);
}

/* Searches as s with query (after "?"); fills ids (at most n) in answer
 * order and returns how many items came, or -1 unless 200. */
static int search_ids(const struct it_session *s, const char *query, long long *ids, int n,
		      struct it_resp *keep)
{
	char path[512];
	struct it_resp r;
	json_object *items = NULL;
	int got = 0;

	snprintf(path, sizeof(path), "/api/v1/participants?%s", query);
	if (it_call(s, "GET", path, NULL, NULL, &r) != 0)
		return -1;
	if (r.status != 200) {
		fprintf(stderr, "\n    GET %s: %ld %s", path, r.status, r.body);
		it_resp_free(&r);
		return -1;
	}
	json_object_object_get_ex(r.json, "items", &items);
	for (size_t i = 0; i < json_object_array_length(items); i++, got++) {
		json_object *id = NULL;
		json_object_object_get_ex(json_object_array_get_idx(items, i), "id", &id);
		if (got < n)
			ids[got] = json_object_get_int64(id);
	}
	if (keep)
		*keep = r;
	else
		it_resp_free(&r);
	return got;
}

/* The "total_capped" member of an answer: 1, 0, or -1 when absent. */
static int capped_of(const struct it_resp *r)
{
	json_object *o = NULL;

	if (!json_object_object_get_ex(r->json, "total_capped", &o) ||
	    !json_object_is_type(o, json_type_boolean))
		return -1;
	return json_object_get_boolean(o);
}

static void program_and_status_filters_match_one_enrollment_with_both(void)
{
	const struct it_session *s = it_statewide();
	char last[32], q[256];
	long long one, two, exited, both, e_exited, e_both5, ids[8];

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	snprintf(last, sizeof(last), "%s", surname());
	one = make_participant(s, "Prog", last, 1, 1, NULL);       /* WIOA Adult, enrolled */
	two = make_participant(s, "Snap", last, 5, 3, NULL);       /* SNAP to Success */
	exited = make_participant(s, "Gone", last, 1, 1, &e_exited); /* WIOA Adult, exited */
	both = make_participant(s, "Both", last, 1, 1, NULL);      /* WIOA Adult, enrolled ... */
	CU_ASSERT_FATAL(one > 0 && two > 0 && exited > 0 && both > 0);
	e_both5 = add_enrollment(s, both, 5, 3); /* ... and SNAP to Success, exited */
	CU_ASSERT_FATAL(e_both5 > 0);
	set_status(e_exited, "exited");
	set_status(e_both5, "exited");

	/* Name order: Both, Gone, Prog, Snap. */
	snprintf(q, sizeof(q), "q=%s&program_id=1", last);
	CU_ASSERT_EQUAL(search_ids(s, q, ids, 8, NULL), 3);
	CU_ASSERT(ids[0] == both && ids[1] == exited && ids[2] == one);
	snprintf(q, sizeof(q), "q=%s&program_id=5", last);
	CU_ASSERT_EQUAL(search_ids(s, q, ids, 8, NULL), 2);
	CU_ASSERT(ids[0] == both && ids[1] == two);
	snprintf(q, sizeof(q), "q=%s&status=exited", last);
	CU_ASSERT_EQUAL(search_ids(s, q, ids, 8, NULL), 2);
	CU_ASSERT(ids[0] == both && ids[1] == exited);
	snprintf(q, sizeof(q), "q=%s&status=referred", last);
	CU_ASSERT_EQUAL(search_ids(s, q, ids, 8, NULL), 0);
	/* Both conditions hold for one and the same enrollment. */
	snprintf(q, sizeof(q), "q=%s&program_id=5&status=enrolled", last);
	CU_ASSERT_EQUAL(search_ids(s, q, ids, 8, NULL), 1);
	CU_ASSERT_EQUAL(ids[0], two);
	snprintf(q, sizeof(q), "q=%s&program_id=1&status=enrolled", last);
	CU_ASSERT_EQUAL(search_ids(s, q, ids, 8, NULL), 2);
	CU_ASSERT(ids[0] == both && ids[1] == one);
	/* The provider filter is its own condition: "Both" has an AHS
	 * enrollment (exited) and an enrolled one elsewhere. */
	snprintf(q, sizeof(q), "q=%s&provider_id=2&status=enrolled", last);
	CU_ASSERT_EQUAL(search_ids(s, q, ids, 8, NULL), 2);
	CU_ASSERT(ids[0] == both && ids[1] == two);
	snprintf(q, sizeof(q), "q=%s&program_id=7", last);
	CU_ASSERT_EQUAL(search_ids(s, q, ids, 8, NULL), 0);
}

static void each_sort_order_pages_across_pages_in_its_order(void)
{
	static const char *const dobs[5] = {"1980-03-01", "1975-01-01", "1990-07-07",
					    "1975-01-01", "1969-12-31"};
	/* Expected orders as indexes of A..E (B and D share a birthday: id). */
	static const struct {
		const char *sort;
		int order[5];
	} sorts[] = {
		{"name", {0, 1, 2, 3, 4}},
		{"-name", {4, 3, 2, 1, 0}},
		{"dob", {4, 1, 3, 0, 2}},
		{"-dob", {2, 0, 3, 1, 4}},
	};
	const struct it_session *s = it_statewide();
	char last[32];
	long long ids[5];

	snprintf(last, sizeof(last), "%s", surname());
	for (int i = 0; i < 5; i++) {
		char first[16];
		snprintf(first, sizeof(first), "Sort%c", 'A' + i);
		ids[i] = make_person(s, first, last, dobs[i], 1, 1, NULL);
		CU_ASSERT_FATAL(ids[i] > 0);
	}
	for (size_t k = 0; k < IT_LEN(sorts); k++) {
		char cursor[256] = "", q[512];
		int seen = 0;
		for (int page = 0; page < 3; page++) {
			struct it_resp r;
			long long got[2];
			int n;
			snprintf(q, sizeof(q), "q=%s&sort=%s&limit=2%s%s", last, sorts[k].sort,
				 cursor[0] ? "&cursor=" : "", cursor);
			n = search_ids(s, q, got, 2, &r);
			CU_ASSERT_FATAL(n >= 0);
			CU_ASSERT_STRING_EQUAL(it_json_str(&r, "sort"), sorts[k].sort);
			/* The first page carries the total; the others not unless asked. */
			CU_ASSERT_EQUAL(it_json_int(&r, "total", -1), page == 0 ? 5 : -1);
			CU_ASSERT_EQUAL(capped_of(&r), page == 0 ? 0 : -1);
			for (int i = 0; i < n; i++, seen++) {
				if (seen >= 5 || got[i] != ids[sorts[k].order[seen]])
					fprintf(stderr, "\n    sort %s: item %d is %lld", sorts[k].sort,
						seen, got[i]);
				CU_ASSERT(seen < 5 && got[i] == ids[sorts[k].order[seen]]);
			}
			snprintf(cursor, sizeof(cursor), "%s",
				 it_json_str(&r, "next_cursor") ? it_json_str(&r, "next_cursor") : "");
			it_resp_free(&r);
			CU_ASSERT_EQUAL(cursor[0] != '\0', page < 2);
		}
		CU_ASSERT_EQUAL(seen, 5);
	}
}

static void a_cursor_from_another_sort_order_is_refused_with_400(void)
{
	static const char *const others[] = {"-name", "dob", "-dob"};
	const struct it_session *s = it_statewide();
	char last[32], q[512], cursor[256];
	struct it_resp r;
	long long ids[2];

	snprintf(last, sizeof(last), "%s", surname());
	for (int i = 0; i < 3; i++)
		CU_ASSERT_FATAL(make_participant(s, "Cur", last, 1, 1, NULL) > 0);
	snprintf(q, sizeof(q), "q=%s&limit=2", last);
	CU_ASSERT_EQUAL_FATAL(search_ids(s, q, ids, 2, &r), 2);
	CU_ASSERT_PTR_NOT_NULL_FATAL(it_json_str(&r, "next_cursor"));
	snprintf(cursor, sizeof(cursor), "%s", it_json_str(&r, "next_cursor"));
	it_resp_free(&r);
	for (size_t i = 0; i < IT_LEN(others); i++) {
		char path[640];
		snprintf(path, sizeof(path), "/api/v1/participants?q=%s&limit=2&sort=%s&cursor=%s",
			 last, others[i], cursor);
		CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
		CU_ASSERT_EQUAL(r.status, 400);
		CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "bad_query");
		CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.details.0.field"), "cursor");
		it_resp_free(&r);
	}
	/* In its own order it continues, and count=true adds the total. */
	snprintf(q, sizeof(q), "q=%s&limit=2&sort=name&count=true&cursor=%s", last, cursor);
	CU_ASSERT_EQUAL(search_ids(s, q, ids, 2, &r), 1);
	CU_ASSERT_EQUAL(it_json_int(&r, "total", -1), 3);
	it_resp_free(&r);
	/* count=false leaves it off the first page. */
	snprintf(q, sizeof(q), "q=%s&count=false", last);
	CU_ASSERT_EQUAL(search_ids(s, q, ids, 2, &r), 3);
	CU_ASSERT_EQUAL(it_json_int(&r, "total", -1), -1);
	it_resp_free(&r);
}

static void the_total_stops_at_10000_and_says_it_is_capped(void)
{
	const struct it_session *s = it_statewide();
	char last[32], sql[512], q[128];
	struct it_resp r;
	long long ids[1];

	snprintf(last, sizeof(last), "%s", surname());
	snprintf(sql, sizeof(sql),
		 "INSERT INTO participants (first_name, last_name, date_of_birth) "
		 "SELECT CONCAT('Many', seq), '%s', '1985-06-01' FROM seq_1_to_10005",
		 last);
	CU_ASSERT_EQUAL_FATAL(count_rows(sql), 0);
	snprintf(q, sizeof(q), "q=%s&limit=1", last);
	CU_ASSERT_EQUAL_FATAL(search_ids(s, q, ids, 1, &r), 1);
	CU_ASSERT_EQUAL(it_json_int(&r, "total", -1), 10000);
	CU_ASSERT_EQUAL(capped_of(&r), 1);
	it_resp_free(&r);
	/* One fewer than the cap is exact. */
	snprintf(sql, sizeof(sql),
		 "DELETE FROM participants WHERE last_name = '%s' AND first_name IN "
		 "('Many1', 'Many2', 'Many3', 'Many4', 'Many5', 'Many6')",
		 last);
	CU_ASSERT_EQUAL_FATAL(count_rows(sql), 0);
	CU_ASSERT_EQUAL_FATAL(search_ids(s, q, ids, 1, &r), 1);
	CU_ASSERT_EQUAL(it_json_int(&r, "total", -1), 9999);
	CU_ASSERT_EQUAL(capped_of(&r), 0);
	it_resp_free(&r);
}

static void bad_search_parameters_are_400_naming_each(void)
{
	static const struct {
		const char *query;
		const char *field;
	} bad[] = {
		{"program_id=abc", "program_id"},   {"program_id=0", "program_id"},
		{"program_id=1x", "program_id"},    {"status=closed", "status"},
		{"status=Enrolled", "status"},      {"sort=age", "sort"},
		{"sort=name%20", "sort"},           {"count=yes", "count"},
		{"provider_id=x", "provider_id"},   {"case_manager_id=-4", "case_manager_id"},
		{"limit=0", "limit"},               {"dob=1990-02-30", "dob"},
	};
	const struct it_session *s = it_statewide();

	for (size_t i = 0; i < IT_LEN(bad); i++) {
		char path[256];
		struct it_resp r;
		const char *field;
		snprintf(path, sizeof(path), "/api/v1/participants?%s", bad[i].query);
		CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
		field = it_json_str(&r, "error.details.0.field");
		if (r.status != 400 || !field || strcmp(field, bad[i].field))
			fprintf(stderr, "\n    %s: %ld %s", bad[i].query, r.status, r.body);
		CU_ASSERT_EQUAL(r.status, 400);
		CU_ASSERT(field && !strcmp(field, bad[i].field));
		it_resp_free(&r);
	}
}

static void program_and_status_filters_never_reach_past_a_partners_locations(void)
{
	const struct it_session *admin = it_statewide();
	struct it_session lao;
	struct it_resp r;
	char last[32], q[256];
	long long mine, theirs, shared, ids[8];

	snprintf(last, sizeof(last), "%s", surname());
	mine = make_participant(admin, "Mine", last, 1, 1, NULL);     /* office 1: Lao's */
	theirs = make_participant(admin, "Theirs", last, 5, 3, NULL); /* AHS only */
	shared = make_participant(admin, "Shared", last, 1, 1, NULL); /* office 1 ... */
	CU_ASSERT_FATAL(mine > 0 && theirs > 0 && shared > 0);
	CU_ASSERT_FATAL(add_enrollment(admin, shared, 5, 3) > 0); /* ... and AHS */
	CU_ASSERT_EQUAL_FATAL(it_sign_in("staff25.lao", IT_DEMO_PASSWORD, NULL, &lao), 201);

	/* The other provider's program: neither their participant nor what
	 * the shared one holds there. */
	snprintf(q, sizeof(q), "q=%s&program_id=5", last);
	CU_ASSERT_EQUAL(search_ids(&lao, q, ids, 8, &r), 0);
	CU_ASSERT_EQUAL(it_json_int(&r, "total", -1), 0);
	it_resp_free(&r);
	snprintf(q, sizeof(q), "q=%s&program_id=5&status=enrolled&sort=-dob", last);
	CU_ASSERT_EQUAL(search_ids(&lao, q, ids, 8, NULL), 0);
	/* Status alone: only his two, every order. */
	snprintf(q, sizeof(q), "q=%s&status=enrolled", last);
	CU_ASSERT_EQUAL(search_ids(&lao, q, ids, 8, &r), 2);
	CU_ASSERT(ids[0] == mine && ids[1] == shared);
	CU_ASSERT_EQUAL(it_json_int(&r, "total", -1), 2);
	it_resp_free(&r);
	snprintf(q, sizeof(q), "q=%s&status=enrolled&sort=-name", last);
	CU_ASSERT_EQUAL(search_ids(&lao, q, ids, 8, NULL), 2);
	CU_ASSERT(ids[0] == shared && ids[1] == mine);
	snprintf(q, sizeof(q), "q=%s&program_id=1&sort=dob", last);
	CU_ASSERT_EQUAL(search_ids(&lao, q, ids, 8, NULL), 2);
	CU_ASSERT(ids[0] == mine && ids[1] == shared);
	/* The statewide user sees all three through the same filter. */
	snprintf(q, sizeof(q), "q=%s&program_id=5", last);
	CU_ASSERT_EQUAL(search_ids(admin, q, ids, 8, NULL), 2);
	CU_ASSERT(ids[0] == shared && ids[1] == theirs);
}

/*
 * The filter matrix: five people with one surname, their enrollments
 * chosen so each enrollment filter (alone and combined) matches a
 * different set, searched as statewide, as a partner of office 1 and as a
 * customer, in every order, two to a page. The store answers a filter
 * that matches few enrollments from those enrollments and one that matches
 * many by walking the participants in order (store/participant.c,
 * DRIVE_MAX); the same table runs again after BULK_ENROLLMENTS matching
 * enrollments of other people are added, so that each filter is answered
 * both ways, and must give the same rows.
 *
 *   A Alpha   1970  office 1 (provider 1) WIOA Adult enrolled
 *   B Bravo   1990  office 3 (provider 2) SNAP to Success enrolled, case manager X
 *   C Charlie 1960  office 1 WIOA Adult enrolled, and office 3 SNAP to
 *                   Success exited, case manager X
 *   D Delta   1980  office 1 WIOA Adult exited, case manager X
 *   E Echo    1975  office 4 (provider 3) C-Work enrolled
 */
enum { MA, MB, MC, MD, ME, M_PEOPLE };
#define M(x) (1 << (x))
/* More than DRIVE_MAX (store/participant.c), so that the filters these
 * enrollments match are walked, not driven. */
#define BULK_ENROLLMENTS 6000

struct matrix_case {
	const char *filter;
	int with_cm;   /* adds case_manager_id=X */
	int statewide; /* the expected people, as M() bits */
	int partner;   /* staff25.lao, office 1 */
};

static const struct matrix_case matrix[] = {
	{"", 0, M(MA) | M(MB) | M(MC) | M(MD) | M(ME), M(MA) | M(MC) | M(MD)},
	{"&program_id=1", 0, M(MA) | M(MC) | M(MD), M(MA) | M(MC) | M(MD)},
	{"&program_id=5", 0, M(MB) | M(MC), 0},
	{"&status=exited", 0, M(MC) | M(MD), M(MD)},
	{"&status=enrolled", 0, M(MA) | M(MB) | M(MC) | M(ME), M(MA) | M(MC)},
	{"&status=not_enrolled", 0, 0, 0},
	{"&program_id=1&status=enrolled", 0, M(MA) | M(MC), M(MA) | M(MC)},
	{"&program_id=5&status=exited", 0, M(MC), 0},
	{"&provider_id=1", 0, M(MA) | M(MC) | M(MD), M(MA) | M(MC) | M(MD)},
	/* Another provider's: a partner learns nothing through it, not even
	 * that C is enrolled there too. */
	{"&provider_id=2", 0, M(MB) | M(MC), 0},
	{"&provider_id=1&status=exited", 0, M(MC) | M(MD), M(MD)},
	/* X manages C's enrollment at office 3: not the partner's to know. */
	{"", 1, M(MB) | M(MC) | M(MD), M(MD)},
	{"&program_id=1", 1, M(MC) | M(MD), M(MD)},
	{"&provider_id=2", 1, M(MB) | M(MC), 0},
	{"&status=exited&provider_id=1", 1, M(MC) | M(MD), M(MD)},
	{"&program_id=7&status=enrolled", 0, M(ME), 0},
};

/* The people in each sort's order (see the table above). */
static const struct {
	const char *sort;
	int order[M_PEOPLE];
} matrix_sorts[] = {
	{"name", {MA, MB, MC, MD, ME}},
	{"-name", {ME, MD, MC, MB, MA}},
	{"dob", {MC, MA, ME, MD, MB}},
	{"-dob", {MB, MD, ME, MA, MC}},
};

/* Pages through query as s, two to a page, and checks that exactly the
 * people in want come, in sort k's order, with the right total on the
 * first page; returns the number of mismatches. */
static int check_pages(const struct it_session *s, const char *who, const char *query, size_t k,
		       const long long *ids, int want)
{
	long long expect[M_PEOPLE];
	char cursor[256] = "", q[768];
	int n_expect = 0, seen = 0, bad = 0;

	for (int i = 0; i < M_PEOPLE; i++)
		if (want & M(matrix_sorts[k].order[i]))
			expect[n_expect++] = ids[matrix_sorts[k].order[i]];
	for (int page = 0; page < 4; page++) {
		struct it_resp r;
		long long got[2];
		int n;

		snprintf(q, sizeof(q), "%s&sort=%s&limit=2%s%s", query, matrix_sorts[k].sort,
			 cursor[0] ? "&cursor=" : "", cursor);
		n = search_ids(s, q, got, 2, &r);
		if (n < 0)
			return bad + 1;
		if (page == 0 && it_json_int(&r, "total", -1) != n_expect) {
			fprintf(stderr, "\n    %s %s: total %lld, want %d", who, q,
				it_json_int(&r, "total", -1), n_expect);
			bad++;
		}
		for (int i = 0; i < n; i++, seen++)
			if (seen >= n_expect || got[i] != expect[seen]) {
				fprintf(stderr, "\n    %s %s: item %d is %lld", who, q, seen,
					got[i]);
				bad++;
			}
		snprintf(cursor, sizeof(cursor), "%s",
			 it_json_str(&r, "next_cursor") ? it_json_str(&r, "next_cursor") : "");
		it_resp_free(&r);
		if (!cursor[0])
			break;
	}
	if (seen != n_expect) {
		fprintf(stderr, "\n    %s %s sort %s: %d people, want %d", who, query,
			matrix_sorts[k].sort, seen, n_expect);
		bad++;
	}
	return bad;
}

/* Runs the whole matrix as the three callers; returns the mismatches. */
static int run_matrix(const struct it_session *admin, const struct it_session *lao,
		      const struct it_session *cust, const char *last, const long long *ids,
		      long long cm)
{
	int bad = 0;

	for (size_t i = 0; i < IT_LEN(matrix); i++) {
		char query[256];

		snprintf(query, sizeof(query), "q=%s%s", last, matrix[i].filter);
		if (matrix[i].with_cm)
			snprintf(query + strlen(query), sizeof(query) - strlen(query),
				 "&case_manager_id=%lld", cm);
		for (size_t k = 0; k < IT_LEN(matrix_sorts); k++) {
			bad += check_pages(admin, "statewide", query, k, ids, matrix[i].statewide);
			bad += check_pages(lao, "partner", query, k, ids, matrix[i].partner);
			/* The customer is A: themselves, when the filter matches them. */
			bad += check_pages(cust, "customer", query, k, ids,
					   matrix[i].statewide & M(MA));
		}
	}
	return bad;
}

/* The first page's total of query as s, or -1. */
static long long total_of(const struct it_session *s, const char *query)
{
	struct it_resp r;
	long long ids[1], total;

	if (search_ids(s, query, ids, 1, &r) < 0)
		return -1;
	total = it_json_int(&r, "total", -1);
	it_resp_free(&r);
	return total;
}

/*
 * A single enrollment filter without a name or other filter is counted
 * from the enrollments (store/participant.c, COUNT_ENROLLED): its total,
 * statewide and as the partner, against the same count in SQL. Returns
 * the mismatches.
 */
static int check_totals(const struct it_session *admin, const struct it_session *lao,
			long long cm)
{
	static const struct {
		const char *query; /* NULL: case manager X */
		const char *where; /* on enrollments e */
	} filters[] = {
		{"program_id=1", "e.program_id = 1"},
		{"program_id=5&status=exited", "e.program_id = 5 AND e.status = 'exited'"},
		{"status=exited", "e.status = 'exited'"},
		{"status=not_enrolled", "e.status = 'not_enrolled'"},
		{"provider_id=1", "e.provider_id = 1"},
		{"provider_id=2", "e.provider_id = 2"},
		{NULL, NULL},
	};
	long long lao_id = count_rows("SELECT id FROM users WHERE login = 'staff25.lao'");
	int bad = 0;

	for (size_t i = 0; i < IT_LEN(filters); i++) {
		char query[64], where[128], sql[512];
		long long want, got;

		if (!filters[i].query) {
			snprintf(query, sizeof(query), "case_manager_id=%lld", cm);
			snprintf(where, sizeof(where),
				 "(e.case_manager_user_id = %lld OR e.temp_case_manager_user_id = "
				 "%lld)",
				 cm, cm);
		} else {
			snprintf(query, sizeof(query), "%s", filters[i].query);
			snprintf(where, sizeof(where), "%s", filters[i].where);
		}
		snprintf(sql, sizeof(sql),
			 "SELECT LEAST(COUNT(DISTINCT e.participant_id), 10000) FROM enrollments e "
			 "WHERE %s",
			 where);
		want = count_rows(sql);
		got = total_of(admin, query);
		if (got != want) {
			fprintf(stderr, "\n    statewide %s: total %lld, want %lld", query, got,
				want);
			bad++;
		}
		snprintf(sql, sizeof(sql),
			 "SELECT LEAST(COUNT(DISTINCT e.participant_id), 10000) FROM enrollments e "
			 "JOIN user_locations ul ON ul.location_id = e.location_id AND "
			 "ul.user_id = %lld WHERE %s",
			 lao_id, where);
		want = count_rows(sql);
		got = total_of(lao, query);
		if (got != want) {
			fprintf(stderr, "\n    partner %s: total %lld, want %lld", query, got,
				want);
			bad++;
		}
	}
	return bad;
}

static void every_filter_returns_the_same_rows_in_every_order_driven_or_walked(void)
{
	static const char *const firsts[M_PEOPLE] = {"Alpha", "Bravo", "Charlie", "Delta", "Echo"};
	static const char *const dobs[M_PEOPLE] = {"1970-01-01", "1990-01-01", "1960-01-01",
						   "1980-01-01", "1975-01-01"};
	static const int progs[M_PEOPLE] = {1, 5, 1, 1, 7};
	static const int locs[M_PEOPLE] = {1, 3, 1, 1, 4};
	const struct it_session *admin = it_statewide();
	struct it_session lao, cust;
	struct it_resp r;
	char last[32], bulk[40], sql[512], body[512], login[48];
	long long ids[M_PEOPLE], eids[M_PEOPLE], c_ahs, cm;

	CU_ASSERT_PTR_NOT_NULL_FATAL(admin);
	snprintf(last, sizeof(last), "%s", surname());
	for (int i = 0; i < M_PEOPLE; i++) {
		ids[i] = make_person(admin, firsts[i], last, dobs[i], progs[i], locs[i], &eids[i]);
		CU_ASSERT_FATAL(ids[i] > 0);
	}
	c_ahs = add_enrollment(admin, ids[MC], 5, 3);
	CU_ASSERT_FATAL(c_ahs > 0);
	set_status(c_ahs, "exited");
	set_status(eids[MD], "exited");
	cm = count_rows("SELECT id FROM users WHERE login = 'pm.lee'");
	CU_ASSERT_FATAL(cm > 0);
	snprintf(sql, sizeof(sql),
		 "UPDATE enrollments SET case_manager_user_id = %lld "
		 "WHERE id IN (%lld, %lld, %lld)",
		 cm, eids[MB], c_ahs, eids[MD]);
	CU_ASSERT_EQUAL_FATAL(count_rows(sql), 0);
	CU_ASSERT_EQUAL_FATAL(it_sign_in("staff25.lao", IT_DEMO_PASSWORD, NULL, &lao), 201);
	snprintf(login, sizeof(login), "cust%lld", ids[MA]);
	snprintf(body, sizeof(body),
		 "{\"login\": \"%s\", \"display_name\": \"Alpha\", \"role\": \"customer\", "
		 "\"participant_id\": %lld, \"password\": \"Customer-Secret-2026\"}",
		 login, ids[MA]);
	CU_ASSERT_EQUAL_FATAL(it_call(admin, "POST", "/api/v1/users", NULL, body, &r), 0);
	CU_ASSERT_EQUAL_FATAL(r.status, 201);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_sign_in(login, "Customer-Secret-2026", NULL, &cust), 201);

	/* Few enrollments match each filter: every one drives. */
	CU_ASSERT_EQUAL(run_matrix(admin, &lao, &cust, last, ids, cm), 0);
	CU_ASSERT_EQUAL(check_totals(admin, &lao, cm), 0);

	/* Many people with another surname, each with an exited WIOA Adult
	 * enrollment at office 1 managed by X: the program, status, provider 1
	 * and case manager filters now match thousands, within the partner's
	 * reach too, and are walked. */
	snprintf(bulk, sizeof(bulk), "Bulkperson%ld", (long)time(NULL) % 100000);
	snprintf(sql, sizeof(sql),
		 "INSERT INTO participants (first_name, last_name, date_of_birth) "
		 "SELECT CONCAT('Bulk', seq), '%s', '1985-06-01' FROM seq_1_to_%d",
		 bulk, BULK_ENROLLMENTS);
	CU_ASSERT_EQUAL_FATAL(count_rows(sql), 0);
	snprintf(sql, sizeof(sql),
		 "INSERT INTO enrollments (participant_id, program_id, provider_id, location_id, "
		 "region_id, application_date, status, case_status, case_manager_user_id) "
		 "SELECT p.id, 1, l.provider_id, l.id, l.region_id, '2024-01-08', 'exited', "
		 "'closed', %lld FROM participants p JOIN office_locations l ON l.id = 1 "
		 "WHERE p.last_name = '%s'",
		 cm, bulk);
	CU_ASSERT_EQUAL_FATAL(count_rows(sql), 0);
	CU_ASSERT_EQUAL(run_matrix(admin, &lao, &cust, last, ids, cm), 0);
	CU_ASSERT_EQUAL(check_totals(admin, &lao, cm), 0);

	/* Leave the others' searches as they were. */
	snprintf(sql, sizeof(sql),
		 "DELETE e FROM enrollments e JOIN participants p ON p.id = e.participant_id "
		 "WHERE p.last_name = '%s'",
		 bulk);
	CU_ASSERT_EQUAL(count_rows(sql), 0);
	snprintf(sql, sizeof(sql), "DELETE FROM participants WHERE last_name = '%s'", bulk);
	CU_ASSERT_EQUAL(count_rows(sql), 0);
}

static const struct it_test tests[] = {
	{"a redetermination date may lie ahead, as a planned date",
	 a_redetermination_date_may_lie_ahead_as_a_planned_date},
	{"a participant is created with a first enrollment and read back",
	 a_participant_is_created_with_a_first_enrollment_and_read_back},
	{"a possible duplicate is 409 with the existing id unless confirmed",
	 a_possible_duplicate_is_409_with_the_existing_id_unless_confirmed},
	{"bad participant input is 422 naming the field and writes nothing",
	 bad_participant_input_is_422_naming_the_field_and_writes_nothing},
	{"search finds by name prefix, date of birth and last four, and pages by cursor",
	 search_finds_by_name_prefix_dob_and_last_four_and_pages_by_cursor},
	{"an open enrollment blocks another in the same program with the same provider",
	 an_open_enrollment_blocks_another_in_the_same_program_with_the_same_provider},
	{"every role reads and writes in scope and gets 404 outside",
	 every_role_reads_and_writes_in_scope_and_gets_404_outside},
	{"a provider partner cannot reach another provider's participant by id or search",
	 a_provider_partner_cannot_reach_another_providers_participant_by_id_or_search},
	{"a customer reads only their own record and writes nothing",
	 a_customer_reads_only_their_own_record_and_writes_nothing},
	{"program and status filters match one enrollment with both",
	 program_and_status_filters_match_one_enrollment_with_both},
	{"each sort order pages across pages in its order",
	 each_sort_order_pages_across_pages_in_its_order},
	{"a cursor from another sort order is refused with 400",
	 a_cursor_from_another_sort_order_is_refused_with_400},
	{"the total stops at 10,000 and says it is capped",
	 the_total_stops_at_10000_and_says_it_is_capped},
	{"bad search parameters are 400 naming each", bad_search_parameters_are_400_naming_each},
	{"program and status filters never reach past a partner's locations",
	 program_and_status_filters_never_reach_past_a_partners_locations},
	{"every filter returns the same rows in every order, driven or walked",
	 every_filter_returns_the_same_rows_in_every_order_driven_or_walked},
};

const struct it_suite it_suite_participants = {"participants", tests, IT_LEN(tests)};
