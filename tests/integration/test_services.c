/*
 * test_services.c: services (activities, steps) over HTTP (issue 4,
 * R-SVC-1..4, R-DATE-4, R-ACL-1): create, read, list, update and delete as
 * a status; every bad input refused with the right status and nothing
 * written; the exit closing the enrollment to all but follow-up services;
 * a provider partner of another location kept out; "activities not
 * assigned to a goal".
 *
 * The tests bring their own program (a catalog with known flags, inserted
 * with SQL, as migrations load the real profiles) so they do not depend on
 * how the shipped profiles evolve; participants and enrollments are made
 * through the API.
 */
#include "itest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* The test program's catalog. */
struct catalog {
	long long program, other_program;
	long long js;      /* job search: qualifying, nothing else */
	long long vt;      /* vocational training: education/training */
	long long tr;      /* transportation: supportive, has an amount */
	long long fu;      /* follow-up */
	long long retired; /* an inactive type */
	long long foreign; /* a type of the other program */
};

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

static long long type_id(long long program, const char *code)
{
	char sql[256];

	snprintf(sql, sizeof(sql),
	         "SELECT id FROM program_service_types WHERE program_id = %lld AND code = '%s'",
	         program, code);
	return sql_num(sql);
}

/* Inserts a program with the catalog the tests need (once per run). */
static const struct catalog *catalog(void)
{
	static struct catalog c;
	static int ready;
	char sql[1024];
	long tag = (long)time(NULL) % 1000000 * 100 + (long)(getpid() % 100);

	if (ready)
		return &c;
	snprintf(
	        sql, sizeof(sql),
	        "INSERT INTO programs (code, name, system_code, planned_grace_days) VALUES "
	        "('itsvc%ld', 'Services test program %ld', 'worknet', 14); SELECT LAST_INSERT_ID()",
	        tag, tag);
	c.program = sql_num(sql);
	snprintf(sql, sizeof(sql),
	         "INSERT INTO programs (code, name, system_code) VALUES "
	         "('itsvx%ld', 'Other test program %ld', 'isets'); SELECT LAST_INSERT_ID()",
	         tag, tag);
	c.other_program = sql_num(sql);
	if (c.program <= 0 || c.other_program <= 0)
		return NULL;
	snprintf(sql, sizeof(sql),
	         "INSERT INTO program_service_types (program_id, code, name, extends_exit, "
	         "supportive, followup, education_training, has_amount, active, position) VALUES "
	         "(%lld, 'JS', 'SJS - Supervised Job Search', 1, 0, 0, 0, 0, 1, 1), "
	         "(%lld, 'VT', 'VT - Vocational Training', 1, 0, 0, 1, 0, 1, 2), "
	         "(%lld, 'TR', 'Transportation', 1, 1, 0, 0, 1, 1, 3), "
	         "(%lld, 'FU', 'Follow-up contact', 0, 0, 1, 0, 0, 1, 4), "
	         "(%lld, 'OLD', 'Retired workshop', 1, 0, 0, 0, 0, 0, 5), "
	         "(%lld, 'JS', 'Job search elsewhere', 1, 0, 0, 0, 0, 1, 1); SELECT 1",
	         c.program, c.program, c.program, c.program, c.program, c.other_program);
	if (sql_num(sql) != 1)
		return NULL;
	c.js = type_id(c.program, "JS");
	c.vt = type_id(c.program, "VT");
	c.tr = type_id(c.program, "TR");
	c.fu = type_id(c.program, "FU");
	c.retired = type_id(c.program, "OLD");
	c.foreign = type_id(c.other_program, "JS");
	if (c.js <= 0 || c.vt <= 0 || c.tr <= 0 || c.fu <= 0 || c.retired <= 0 || c.foreign <= 0)
		return NULL;
	ready = 1;
	return &c;
}

/* A new participant enrolled in program at location loc, made by s through
 * the API; returns the enrollment id (0 on failure). */
static long long enroll(const struct it_session *s, long long program, int loc)
{
	static int n;
	char body[1024];
	struct it_resp r;
	long long eid = 0;

	snprintf(body, sizeof(body),
	         "{\"first_name\": \"Billy\", \"last_name\": \"Servicetest%ld%d\", "
	         "\"date_of_birth\": \"1979-10-07\", \"ssn_last4\": \"%04d\", "
	         "\"confirm_duplicate\": true, \"enrollment\": {\"program_id\": %lld, "
	         "\"location_id\": %d, \"application_date\": \"2025-01-06\", "
	         "\"participation_date\": \"2025-01-10\", \"status\": \"enrolled\"}}",
	         (long)time(NULL) % 100000, ++n, rand() % 10000, program, loc);
	if (it_call(s, "POST", "/api/v1/participants", NULL, body, &r) == 0 && r.status == 201)
		eid = it_json_int(&r, "enrollments.0.id", 0);
	else
		fprintf(stderr, "\n    create participant: %ld %s", r.status, r.body);
	it_resp_free(&r);
	return eid;
}

/* POSTs a service body to enrollment eid; returns the new id (0 when not 201). */
static long long add_service(const struct it_session *s, long long eid, const char *body)
{
	char path[96];
	struct it_resp r;
	long long id = 0;

	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/services", eid);
	if (it_call(s, "POST", path, NULL, body, &r) == 0 && r.status == 201)
		id = it_json_int(&r, "id", 0);
	else
		fprintf(stderr, "\n    add service: %ld %s", r.status, r.body);
	it_resp_free(&r);
	return id;
}

/* Counts rows: services of enrollment eid, and audit rows of services. */
static long long service_count(long long eid)
{
	char sql[160];

	snprintf(sql, sizeof(sql), "SELECT COUNT(*) FROM services WHERE enrollment_id = %lld", eid);
	return sql_num(sql);
}

static long long service_audit_count(void)
{
	return sql_num("SELECT COUNT(*) FROM audit_log WHERE entity = 'service'");
}

/* The sum of versions of eid's services: any write moves it. */
static long long version_sum(long long eid)
{
	char sql[160];

	snprintf(sql, sizeof(sql),
	         "SELECT COALESCE(SUM(version), 0) FROM services WHERE enrollment_id = %lld", eid);
	return sql_num(sql);
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

static void a_service_is_created_read_listed_updated_and_deleted_as_a_status(void)
{
	const struct it_session *s = it_statewide();
	const struct catalog *c = catalog();
	struct it_resp r;
	char body[512], path[96], list[128], etag[32], loc[128], d1[16], d2[16];
	long long eid, id, audit;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	eid = enroll(s, c->program, 1);
	CU_ASSERT_FATAL(eid > 0);
	audit = service_audit_count();
	snprintf(list, sizeof(list), "/api/v1/enrollments/%lld/services", eid);
	snprintf(body, sizeof(body),
	         "{\"service_type_id\": %lld, \"status\": \"open\", \"start_date\": \"%s\", "
	         "\"projected_end_date\": \"%s\", \"note\": \"Weekly job club\"}",
	         c->js, day(-10, d1), day(30, d2));
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", list, NULL, body, &r), 0);
	CU_ASSERT_EQUAL_FATAL(r.status, 201);
	id = it_json_int(&r, "id", 0);
	CU_ASSERT(id > 0);
	CU_ASSERT_EQUAL(it_json_int(&r, "enrollment_id", 0), eid);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "service_type_code"), "JS");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "service_type_name"), "SJS - Supervised Job Search");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "status"), "open");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "status_label"), "Started/Open");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "start_date"), d1);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "projected_end_date"), d2);
	CU_ASSERT_PTR_NULL(it_json_str(&r, "end_date"));
	/* The service's provider defaults to the enrollment's (location 1: provider 1). */
	CU_ASSERT_EQUAL(it_json_int(&r, "provider_id", 0), 1);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "provider_name"), "WDACS Test");
	CU_ASSERT_EQUAL(it_json_int(&r, "version", 0), 1);
	CU_ASSERT_PTR_NOT_NULL(it_header(&r, "ETag", etag, sizeof(etag)));
	CU_ASSERT_STRING_EQUAL(etag, "\"1\"");
	CU_ASSERT_PTR_NOT_NULL(it_header(&r, "Location", loc, sizeof(loc)));
	snprintf(path, sizeof(path), "/api/v1/services/%lld", id);
	CU_ASSERT_STRING_EQUAL(loc, path);
	it_resp_free(&r);

	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "note"), "Weekly job club");
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", list, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.id", 0), id);
	CU_ASSERT_PTR_NULL(it_json_str(&r, "items.1.status"));
	it_resp_free(&r);

	/* Completed with its end date; the first writer's version is then stale. */
	snprintf(body, sizeof(body),
	         "{\"status\": \"completed_successful\", \"end_date\": \"%s\", \"note\": null}",
	         day(-2, d2));
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", path, "\"1\"", body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "status_label"), "Completed Successfully");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "end_date"), d2);
	CU_ASSERT_PTR_NULL(it_json_str(&r, "note"));
	CU_ASSERT_EQUAL(it_json_int(&r, "version", 0), 2);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", path, "\"1\"", "{\"note\": \"lost\"}", &r), 0);
	CU_ASSERT_EQUAL(r.status, 412);
	it_resp_free(&r);

	/* DELETE needs If-Match, then marks the service deleted and keeps the row. */
	CU_ASSERT_EQUAL_FATAL(it_call(s, "DELETE", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 428);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "DELETE", path, "\"1\"", NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 412);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "DELETE", path, "\"2\"", NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "status"), "deleted");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "status_label"), "Deleted");
	CU_ASSERT_EQUAL(it_json_int(&r, "version", 0), 3);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(service_count(eid), 1);
	/* Deleting it again changes nothing. */
	CU_ASSERT_EQUAL_FATAL(it_call(s, "DELETE", path, "\"3\"", NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_EQUAL(it_json_int(&r, "version", 0), 3);
	it_resp_free(&r);

	/* Lists leave deleted services out unless asked for them. */
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", list, NULL, NULL, &r), 0);
	CU_ASSERT_PTR_NULL(it_json_str(&r, "items.0.status"));
	it_resp_free(&r);
	snprintf(list, sizeof(list), "/api/v1/enrollments/%lld/services?status=deleted", eid);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", list, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.id", 0), id);
	it_resp_free(&r);

	/* Create, update and delete were audited with before and after. */
	CU_ASSERT_EQUAL(service_audit_count(), audit + 3);
	snprintf(body, sizeof(body),
	         "SELECT COUNT(*) FROM audit_log WHERE entity = 'service' AND entity_id = %lld "
	         "AND action = 'delete' AND JSON_VALUE(before_json, '$.status') = "
	         "'completed_successful' AND JSON_VALUE(after_json, '$.status') = 'deleted'",
	         id);
	CU_ASSERT_EQUAL(sql_num(body), 1);
}

static void a_transportation_service_carries_an_amount_and_training_a_training_type(void)
{
	const struct it_session *s = it_statewide();
	const struct catalog *c = catalog();
	struct it_resp r;
	char body[512], path[96], d1[16];
	long long eid, tr, vt;

	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	eid = enroll(s, c->program, 1);
	CU_ASSERT_FATAL(eid > 0);
	snprintf(body, sizeof(body),
	         "{\"service_type_id\": %lld, \"status\": \"open\", \"start_date\": \"%s\", "
	         "\"amount\": 12.5}",
	         c->tr, day(-3, d1));
	tr = add_service(s, eid, body);
	CU_ASSERT_FATAL(tr > 0);
	snprintf(path, sizeof(path), "/api/v1/services/%lld", tr);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	/* Money keeps two decimals on the wire. */
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "\"amount\":12.50"));
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", path, "\"1\"", "{\"amount\": 40.05}", &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "\"amount\":40.05"));
	it_resp_free(&r);
	snprintf(body, sizeof(body), "SELECT amount_cents FROM services WHERE id = %lld", tr);
	CU_ASSERT_EQUAL(sql_num(body), 4005);

	snprintf(body, sizeof(body),
	         "{\"service_type_id\": %lld, \"status\": \"planned\", \"start_date\": \"%s\", "
	         "\"training_type\": \"occupational_skills\"}",
	         c->vt, day(20, d1));
	vt = add_service(s, eid, body);
	CU_ASSERT_FATAL(vt > 0);
	snprintf(path, sizeof(path), "/api/v1/services/%lld", vt);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "training_type"), "occupational_skills");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "status_label"), "Planned");
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "\"amount\":null"));
	it_resp_free(&r);
}

struct bad_case {
	const char *method;
	int target; /* 0: the enrollment's list, 1: open service A, 2: deleted service D,
	               3: an unknown enrollment, 4: an unknown service */
	const char *if_match;
	const char *body; /* a template (see fill); a leading '?' makes it a query */
	long status;
	const char *code;
	const char *field; /* a detail that must be there, or NULL */
	const char *rule;  /* its rule, or NULL */
};

/* The values a template may name in braces. */
struct vars {
	const char *name[12];
	char value[12][2100];
	size_t n;
};

static void var(struct vars *v, const char *name, const char *value)
{
	v->name[v->n] = name;
	snprintf(v->value[v->n], sizeof(v->value[0]), "%s", value);
	v->n++;
}

static void var_id(struct vars *v, const char *name, long long id)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%lld", id);
	var(v, name, buf);
}

/* Copies template t into out (cap bytes), replacing each {NAME} of v. */
static void fill(const struct vars *v, const char *t, char *out, size_t cap)
{
	size_t k = 0;

	while (*t && k + 1 < cap) {
		size_t i = v->n;
		if (*t == '{')
			for (i = 0; i < v->n; i++)
				if (!strncmp(t + 1, v->name[i], strlen(v->name[i])) &&
				    t[1 + strlen(v->name[i])] == '}')
					break;
		if (i < v->n) {
			size_t l = strlen(v->value[i]);
			if (k + l >= cap)
				break;
			memcpy(out + k, v->value[i], l);
			k += l;
			t += strlen(v->name[i]) + 2;
		} else {
			out[k++] = *t++;
		}
	}
	out[k] = '\0';
}

#define OPEN "\"status\": \"open\", \"start_date\": \"{D10}\""

static const struct bad_case bad_cases[] = {
        {"POST", 0, NULL, "{" OPEN "}", 422, "validation_failed", "service_type_id", NULL},
        {"POST", 0, NULL, "{\"service_type_id\": \"JS\", " OPEN "}", 422, "validation_failed",
         "service_type_id", NULL},
        {"POST", 0, NULL, "{\"service_type_id\": {JS}, \"start_date\": \"{D10}\"}", 422,
         "validation_failed", "status", NULL},
        {"POST", 0, NULL,
         "{\"service_type_id\": {JS}, \"status\": \"started\", \"start_date\": \"{D10}\"}", 422,
         "validation_failed", "status", NULL},
        {"POST", 0, NULL, "{\"service_type_id\": {JS}, \"status\": \"open\"}", 422,
         "validation_failed", "start_date", NULL},
        {"POST", 0, NULL,
         "{\"service_type_id\": {JS}, \"status\": \"open\", \"start_date\": \"2024-02-30\"}", 422,
         "validation_failed", "start_date", NULL},
        {"POST", 0, NULL,
         "{\"service_type_id\": {JS}, \"status\": \"open\", \"start_date\": 20240201}", 422,
         "validation_failed", "start_date", NULL},
        /* R-SVC-1: no end before start; no completed service without an end. */
        {"POST", 0, NULL, "{\"service_type_id\": {JS}, " OPEN ", \"end_date\": \"{D20}\"}", 422,
         "validation_failed", "end_date", "R-SVC-1"},
        {"POST", 0, NULL,
         "{\"service_type_id\": {JS}, \"status\": \"completed_successful\", \"start_date\": "
         "\"{D10}\"}",
         422, "validation_failed", "end_date", "R-SVC-1"},
        /* R-DATE-4: only a planned service may start or end in the future. */
        {"POST", 0, NULL,
         "{\"service_type_id\": {JS}, \"status\": \"open\", \"start_date\": \"{F5}\"}", 422,
         "validation_failed", "start_date", "R-DATE-4"},
        {"POST", 0, NULL, "{\"service_type_id\": {JS}, " OPEN ", \"end_date\": \"{F5}\"}", 422,
         "validation_failed", "end_date", "R-DATE-4"},
        /* R-SVC-1: a planned service 30 days in the past is beyond the 14-day grace. */
        {"POST", 0, NULL,
         "{\"service_type_id\": {JS}, \"status\": \"planned\", \"start_date\": \"{D30}\"}", 422,
         "validation_failed", "start_date", "R-SVC-1"},
        {"POST", 0, NULL,
         "{\"service_type_id\": {JS}, " OPEN ", \"projected_end_date\": \"{D20}\"}", 422,
         "validation_failed", "projected_end_date", NULL},
        {"POST", 0, NULL,
         "{\"service_type_id\": {JS}, \"status\": \"deleted\", \"start_date\": \"{D10}\"}", 422,
         "validation_failed", "status", "R-SVC-1"},
        {"POST", 0, NULL, "{\"service_type_id\": {JS}, " OPEN ", \"colour\": \"red\"}", 422,
         "validation_failed", "colour", NULL},
        {"POST", 0, NULL, "{\"service_type_id\": {JS}, " OPEN ", \"note\": \"{LONG}\"}", 422,
         "validation_failed", "note", NULL},
        {"POST", 0, NULL, "{\"service_type_id\": {JS}, " OPEN ", \"note\": 7}", 422,
         "validation_failed", "note", NULL},
        /* The catalog: another program's type, a retired type, no such type. */
        {"POST", 0, NULL, "{\"service_type_id\": {FOREIGN}, " OPEN "}", 422, "validation_failed",
         "service_type_id", NULL},
        {"POST", 0, NULL, "{\"service_type_id\": {OLD}, " OPEN "}", 422, "validation_failed",
         "service_type_id", NULL},
        {"POST", 0, NULL, "{\"service_type_id\": 999999999, " OPEN "}", 422, "validation_failed",
         "service_type_id", NULL},
        /* Amounts: only on a type that has one; money, > 0, two decimals. */
        {"POST", 0, NULL, "{\"service_type_id\": {JS}, " OPEN ", \"amount\": 10}", 422,
         "validation_failed", "amount", NULL},
        {"POST", 0, NULL, "{\"service_type_id\": {TR}, " OPEN ", \"amount\": 12.345}", 422,
         "validation_failed", "amount", NULL},
        {"POST", 0, NULL, "{\"service_type_id\": {TR}, " OPEN ", \"amount\": 0}", 422,
         "validation_failed", "amount", NULL},
        {"POST", 0, NULL, "{\"service_type_id\": {TR}, " OPEN ", \"amount\": -5}", 422,
         "validation_failed", "amount", NULL},
        {"POST", 0, NULL, "{\"service_type_id\": {TR}, " OPEN ", \"amount\": \"12\"}", 422,
         "validation_failed", "amount", NULL},
        /* Training type: only on education/training types, from the list. */
        {"POST", 0, NULL,
         "{\"service_type_id\": {JS}, " OPEN ", \"training_type\": \"on_the_job\"}", 422,
         "validation_failed", "training_type", NULL},
        {"POST", 0, NULL, "{\"service_type_id\": {VT}, " OPEN ", \"training_type\": \"juggling\"}",
         422, "validation_failed", "training_type", NULL},
        /* Goals and providers must exist; the goal must be this enrollment's. */
        {"POST", 0, NULL, "{\"service_type_id\": {JS}, " OPEN ", \"goal_id\": {GOAL}}", 422,
         "validation_failed", "goal_id", NULL},
        {"POST", 0, NULL, "{\"service_type_id\": {JS}, " OPEN ", \"goal_id\": 999999999}", 422,
         "validation_failed", "goal_id", NULL},
        {"POST", 0, NULL, "{\"service_type_id\": {JS}, " OPEN ", \"provider_id\": 999999999}", 422,
         "validation_failed", "provider_id", NULL},
        {"POST", 0, NULL, "{\"service_type_id\": {JS}, " OPEN ", ", 400, "malformed_json", NULL,
         NULL},
        {"POST", 3, NULL, "{\"service_type_id\": {JS}, " OPEN "}", 404, "not_found", NULL, NULL},
        {"GET", 3, NULL, NULL, 404, "not_found", NULL, NULL},
        /* Updates: unknown, unconditional, stale, emptied, bad transitions. */
        {"PATCH", 4, "\"1\"", "{\"note\": \"x\"}", 404, "not_found", NULL, NULL},
        {"GET", 4, NULL, NULL, 404, "not_found", NULL, NULL},
        {"DELETE", 4, "\"1\"", NULL, 404, "not_found", NULL, NULL},
        {"PATCH", 1, NULL, "{\"note\": \"x\"}", 428, "precondition_required", NULL, NULL},
        {"PATCH", 1, "\"7\"", "{\"note\": \"x\"}", 412, "version_mismatch", NULL, NULL},
        {"PATCH", 1, "\"1\"", "{\"status\": null}", 422, "validation_failed", "status", NULL},
        {"PATCH", 1, "\"1\"", "{\"start_date\": null}", 422, "validation_failed", "start_date",
         NULL},
        {"PATCH", 1, "\"1\"", "{\"end_date\": \"{D20}\"}", 422, "validation_failed", "end_date",
         "R-SVC-1"},
        {"PATCH", 1, "\"1\"", "{\"end_date\": \"{F5}\"}", 422, "validation_failed", "end_date",
         "R-DATE-4"},
        {"PATCH", 1, "\"1\"", "{\"status\": \"completed_unsuccessful\"}", 422, "validation_failed",
         "end_date", "R-SVC-1"},
        {"PATCH", 1, "\"1\"", "{\"status\": \"planned\"}", 409, "invalid_status_change", "status",
         "R-SVC-1"},
        {"PATCH", 1, "\"1\"", "{\"service_type_id\": {FOREIGN}}", 422, "validation_failed",
         "service_type_id", NULL},
        {"PATCH", 1, "\"1\"", "{\"amount\": 5}", 422, "validation_failed", "amount", NULL},
        {"PATCH", 1, "\"1\"", "{\"goal_id\": {GOAL}}", 422, "validation_failed", "goal_id", NULL},
        {"PATCH", 1, "\"1\"", "{\"enrollment_id\": 1}", 422, "validation_failed", "enrollment_id",
         NULL},
        {"PATCH", 2, "\"2\"", "{\"status\": \"open\"}", 409, "invalid_status_change", "status",
         "R-SVC-1"},
        {"GET", 0, NULL, "?status=bogus", 400, "bad_query", "status", NULL},
        {"GET", 0, NULL, "?goal_id=abc", 400, "bad_query", "goal_id", NULL},
        {"GET", 0, NULL, "?unassigned=maybe", 400, "bad_query", "unassigned", NULL},
        {"GET", 0, NULL, "?limit=0", 400, "bad_query", "limit", NULL},
};

static void bad_service_input_is_refused_with_the_right_status_and_changes_nothing(void)
{
	const struct it_session *s = it_statewide();
	const struct catalog *c = catalog();
	static struct vars v;
	static char body[4096];
	char path[192], d[16], longnote[2002];
	long long eid, other, goal, a, del, count, audit, versions, other_count;
	struct it_resp r;

	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	eid = enroll(s, c->program, 1);
	other = enroll(s, c->program, 1);
	CU_ASSERT_FATAL(eid > 0 && other > 0);
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/goals", other);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", path, NULL,
	                              "{\"statement\": \"Get a job\", \"category\": "
	                              "\"career_plan\", \"term\": \"short\"}",
	                              &r),
	                      0);
	CU_ASSERT_EQUAL_FATAL(r.status, 201);
	goal = it_json_int(&r, "id", 0);
	it_resp_free(&r);

	memset(&v, 0, sizeof(v));
	var_id(&v, "JS", c->js);
	var_id(&v, "VT", c->vt);
	var_id(&v, "TR", c->tr);
	var_id(&v, "OLD", c->retired);
	var_id(&v, "FOREIGN", c->foreign);
	var_id(&v, "GOAL", goal);
	var(&v, "D10", day(-10, d));
	var(&v, "D20", day(-20, d));
	var(&v, "D30", day(-30, d));
	var(&v, "F5", day(5, d));
	memset(longnote, 'n', 2001);
	longnote[2001] = '\0';
	var(&v, "LONG", longnote);

	fill(&v, "{\"service_type_id\": {JS}, " OPEN "}", body, sizeof(body));
	a = add_service(s, eid, body);
	del = add_service(s, eid, body);
	CU_ASSERT_FATAL(a > 0 && del > 0);
	snprintf(path, sizeof(path), "/api/v1/services/%lld", del);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "DELETE", path, "\"1\"", NULL, &r), 0);
	CU_ASSERT_EQUAL_FATAL(r.status, 200);
	it_resp_free(&r);

	count = service_count(eid);
	other_count = service_count(other);
	audit = service_audit_count();
	versions = version_sum(eid);
	for (size_t i = 0; i < IT_LEN(bad_cases); i++) {
		const struct bad_case *bc = &bad_cases[i];
		const char *code, *json = NULL;

		switch (bc->target) {
		case 0:
			snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/services", eid);
			break;
		case 1:
			snprintf(path, sizeof(path), "/api/v1/services/%lld", a);
			break;
		case 2:
			snprintf(path, sizeof(path), "/api/v1/services/%lld", del);
			break;
		case 3:
			snprintf(path, sizeof(path), "/api/v1/enrollments/999999999/services");
			break;
		default:
			snprintf(path, sizeof(path), "/api/v1/services/999999999");
			break;
		}
		if (bc->body) {
			fill(&v, bc->body, body, sizeof(body));
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
	CU_ASSERT_EQUAL(service_count(eid), count);
	CU_ASSERT_EQUAL(service_count(other), other_count);
	CU_ASSERT_EQUAL(service_audit_count(), audit);
	CU_ASSERT_EQUAL(version_sum(eid), versions);
}

/* Marks enrollment eid exited through SQL, as an exit would (the exit
 * endpoint is another resource's; only the state matters here). */
static int exit_by_sql(long long eid, const char *exit_date)
{
	char sql[512];

	snprintf(sql, sizeof(sql),
	         "UPDATE enrollments SET status = 'exited', exit_kind = 'regular', exit_date = "
	         "'%s', case_status = 'closed' WHERE id = %lld; SELECT ROW_COUNT()",
	         exit_date, eid);
	return sql_num(sql) == 1 ? 0 : -1;
}

static void after_an_exit_only_follow_up_services_are_added_and_the_clock_is_closed(void)
{
	const struct it_session *s = it_statewide();
	const struct catalog *c = catalog();
	struct it_resp r;
	char body[512], list[96], path[96], fpath[96], d1[16], d2[16];
	long long eid, js, fu, count, audit;

	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	eid = enroll(s, c->program, 1);
	CU_ASSERT_FATAL(eid > 0);
	snprintf(body, sizeof(body),
	         "{\"service_type_id\": %lld, \"status\": \"completed_successful\", "
	         "\"start_date\": \"%s\", \"end_date\": \"%s\"}",
	         c->js, day(-20, d1), day(-5, d2));
	js = add_service(s, eid, body);
	CU_ASSERT_FATAL(js > 0);
	CU_ASSERT_EQUAL_FATAL(exit_by_sql(eid, d2), 0);
	count = service_count(eid);
	audit = service_audit_count();

	/* R-SVC-4: a qualifying service is refused... */
	snprintf(list, sizeof(list), "/api/v1/enrollments/%lld/services", eid);
	snprintf(body, sizeof(body),
	         "{\"service_type_id\": %lld, \"status\": \"open\", \"start_date\": \"%s\"}", c->js,
	         day(-1, d1));
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", list, NULL, body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 409);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "enrollment_exited");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.details.0.rule"), "R-SVC-4");
	it_resp_free(&r);
	/* ... so is a supportive one ... */
	snprintf(body, sizeof(body),
	         "{\"service_type_id\": %lld, \"status\": \"open\", \"start_date\": \"%s\", "
	         "\"amount\": 5}",
	         c->tr, d1);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", list, NULL, body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 409);
	it_resp_free(&r);
	/* ... and the other services' type, status and dates are closed. */
	snprintf(path, sizeof(path), "/api/v1/services/%lld", js);
	snprintf(body, sizeof(body), "{\"end_date\": \"%s\"}", d1);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", path, "\"1\"", body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 409);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "enrollment_exited");
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "DELETE", path, "\"1\"", NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 409);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(service_count(eid), count);
	CU_ASSERT_EQUAL(service_audit_count(), audit);

	/* Its note stays editable. */
	CU_ASSERT_EQUAL_FATAL(
	        it_call(s, "PATCH", path, "\"1\"", "{\"note\": \"Certificate received\"}", &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	it_resp_free(&r);

	/* A follow-up service is accepted and stays editable. */
	snprintf(body, sizeof(body),
	         "{\"service_type_id\": %lld, \"status\": \"open\", \"start_date\": \"%s\"}", c->fu,
	         d1);
	fu = add_service(s, eid, body);
	CU_ASSERT_FATAL(fu > 0);
	snprintf(fpath, sizeof(fpath), "/api/v1/services/%lld", fu);
	snprintf(body, sizeof(body), "{\"status\": \"completed_successful\", \"end_date\": \"%s\"}",
	         d1);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", fpath, "\"1\"", body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	it_resp_free(&r);
	/* Turning it into a qualifying service would move one in: refused. */
	snprintf(body, sizeof(body), "{\"service_type_id\": %lld}", c->js);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", fpath, "\"2\"", body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 409);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "enrollment_exited");
	it_resp_free(&r);
	CU_ASSERT_EQUAL(service_count(eid), count + 1);
}

static void a_provider_partner_of_another_location_gets_404_for_services(void)
{
	const struct it_session *s = it_statewide();
	const struct catalog *c = catalog();
	struct it_session lao, ahs;
	struct it_resp r;
	char body[512], list[96], path[96], d1[16];
	long long eid, own, id, count;

	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	eid = enroll(s, c->program, 3); /* AHS Chicago North: provider 2 */
	own = enroll(s, c->program, 1); /* WDACS East LA: staff25.lao's office */
	CU_ASSERT_FATAL(eid > 0 && own > 0);
	snprintf(body, sizeof(body),
	         "{\"service_type_id\": %lld, \"status\": \"open\", \"start_date\": \"%s\"}", c->js,
	         day(-4, d1));
	id = add_service(s, eid, body);
	CU_ASSERT_FATAL(id > 0);
	CU_ASSERT_EQUAL_FATAL(it_sign_in("staff25.lao", IT_DEMO_PASSWORD, NULL, &lao), 201);
	CU_ASSERT_EQUAL_FATAL(it_sign_in("ahs.tprograms", IT_DEMO_PASSWORD, NULL, &ahs), 201);
	count = service_count(eid);

	snprintf(path, sizeof(path), "/api/v1/services/%lld", id);
	snprintf(list, sizeof(list), "/api/v1/enrollments/%lld/services", eid);
	CU_ASSERT_EQUAL_FATAL(it_call(&lao, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 404);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "not_found");
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&lao, "PATCH", path, "\"1\"", "{\"note\": \"x\"}", &r), 0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&lao, "DELETE", path, "\"1\"", NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&lao, "GET", list, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&lao, "POST", list, NULL, body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(service_count(eid), count);
	CU_ASSERT_EQUAL(version_sum(eid), 1);

	/* The provider's own staff reach it; staff25.lao reaches their own office's. */
	CU_ASSERT_EQUAL_FATAL(it_call(&ahs, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&ahs, "PATCH", path, "\"1\"", "{\"note\": \"seen\"}", &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	it_resp_free(&r);
	CU_ASSERT(add_service(&lao, own, body) > 0);
}

static void activities_not_assigned_to_a_goal_are_listed_apart(void)
{
	const struct it_session *s = it_statewide();
	const struct catalog *c = catalog();
	struct it_resp r;
	char body[512], path[256], d1[16], cursor[64];
	long long eid, goal, a, b, cc, del;

	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	eid = enroll(s, c->program, 3);
	CU_ASSERT_FATAL(eid > 0);
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/goals", eid);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", path, NULL,
	                              "{\"statement\": \"Complete the program\", \"category\": "
	                              "\"education_training_plan\", \"term\": \"long\"}",
	                              &r),
	                      0);
	CU_ASSERT_EQUAL_FATAL(r.status, 201);
	goal = it_json_int(&r, "id", 0);
	it_resp_free(&r);
	day(-30, d1);
	snprintf(body, sizeof(body),
	         "{\"service_type_id\": %lld, \"status\": \"open\", \"start_date\": \"%s\", "
	         "\"goal_id\": %lld}",
	         c->vt, d1, goal);
	a = add_service(s, eid, body);
	snprintf(body, sizeof(body),
	         "{\"service_type_id\": %lld, \"status\": \"open\", \"start_date\": \"%s\"}", c->js,
	         d1);
	b = add_service(s, eid, body);
	snprintf(body, sizeof(body),
	         "{\"service_type_id\": %lld, \"status\": \"open\", \"start_date\": \"%s\", "
	         "\"amount\": 20}",
	         c->tr, d1);
	cc = add_service(s, eid, body);
	del = add_service(s, eid, body);
	CU_ASSERT_FATAL(a > 0 && b > 0 && cc > 0 && del > 0);
	snprintf(path, sizeof(path), "/api/v1/services/%lld", del);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "DELETE", path, "\"1\"", NULL, &r), 0);
	it_resp_free(&r);

	/* "Activities not assigned to a goal": B and C, not the deleted one. */
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/services?unassigned=true", eid);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.id", 0), b);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.1.id", 0), cc);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "items.1.service_type_name"), "Transportation");
	CU_ASSERT_EQUAL(it_json_int(&r, "items.2.id", -1), -1);
	it_resp_free(&r);
	/* The goal's own services, by filter and on the goal itself. */
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/services?goal_id=%lld", eid, goal);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.id", 0), a);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "items.0.goal_statement"), "Complete the program");
	CU_ASSERT_EQUAL(it_json_int(&r, "items.1.id", -1), -1);
	it_resp_free(&r);
	snprintf(path, sizeof(path), "/api/v1/goals/%lld", goal);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(it_json_int(&r, "services.0.id", 0), a);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "services.0.name"), "VT - Vocational Training");
	CU_ASSERT_EQUAL(it_json_int(&r, "services.1.id", -1), -1);
	it_resp_free(&r);

	/* Moving B onto the goal takes it off the unassigned list. */
	snprintf(path, sizeof(path), "/api/v1/services/%lld", b);
	snprintf(body, sizeof(body), "{\"goal_id\": %lld}", goal);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", path, "\"1\"", body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	it_resp_free(&r);
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/services?unassigned=true", eid);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.id", 0), cc);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.1.id", -1), -1);
	it_resp_free(&r);

	/* Pages of one: a cursor leads from A to B. */
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/services?limit=1", eid);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.id", 0), a);
	CU_ASSERT_PTR_NOT_NULL_FATAL(it_json_str(&r, "next_cursor"));
	snprintf(cursor, sizeof(cursor), "%s", it_json_str(&r, "next_cursor"));
	it_resp_free(&r);
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/services?limit=1&cursor=%s", eid,
	         cursor);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.id", 0), b);
	it_resp_free(&r);
}

/* The demo data holds Billy Elliott of the ISETS help sheet (participant 2,
 * enrollment 2) with his four activities (services 1..4) and a customer
 * account for him. */
static void a_customer_reads_their_own_activities_and_changes_none(void)
{
	struct it_session billy;
	struct it_resp r;
	long long versions, goals;

	CU_ASSERT_EQUAL_FATAL(it_sign_in("billy.elliott", IT_DEMO_PASSWORD, NULL, &billy), 201);
	versions = version_sum(2);
	goals = sql_num("SELECT COUNT(*) FROM goals WHERE enrollment_id = 2");
	CU_ASSERT_EQUAL_FATAL(it_call(&billy, "GET",
	                              "/api/v1/enrollments/2/services?unassigned=true", NULL, NULL,
	                              &r),
	                      0);
	CU_ASSERT_EQUAL(r.status, 200);
	for (int i = 0; i < 4; i++) {
		char path[32];
		snprintf(path, sizeof(path), "items.%d.id", i);
		CU_ASSERT_EQUAL(it_json_int(&r, path, 0), i + 1);
		snprintf(path, sizeof(path), "items.%d.status_label", i);
		CU_ASSERT_STRING_EQUAL(it_json_str(&r, path), "Started/Open");
	}
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "items.0.start_date"), "2023-08-22");
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "\"amount\":25.00"));
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&billy, "GET", "/api/v1/services/3", NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	it_resp_free(&r);

	/* Read-only: a change to a record they can see is 403 (R-ACL-1 only
	 * hides records out of reach), and another person's record is 404. */
	CU_ASSERT_EQUAL_FATAL(
	        it_call(&billy, "PATCH", "/api/v1/services/3", "\"1\"", "{\"amount\": 99}", &r), 0);
	CU_ASSERT_EQUAL(r.status, 403);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "forbidden");
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&billy, "DELETE", "/api/v1/services/3", "\"1\"", NULL, &r),
	                      0);
	CU_ASSERT_EQUAL(r.status, 403);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&billy, "POST", "/api/v1/enrollments/2/goals", NULL,
	                              "{\"statement\": \"Mine\", \"category\": \"career_plan\", "
	                              "\"term\": \"short\"}",
	                              &r),
	                      0);
	CU_ASSERT_EQUAL(r.status, 403);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(
	        it_call(&billy, "GET", "/api/v1/enrollments/1/services", NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(version_sum(2), versions);
	CU_ASSERT_EQUAL(sql_num("SELECT COUNT(*) FROM goals WHERE enrollment_id = 2"), goals);
}

static const struct it_test tests[] = {
        {"a service is created, read, listed, updated and deleted as a status",
         a_service_is_created_read_listed_updated_and_deleted_as_a_status},
        {"a transportation service carries an amount and training a training type",
         a_transportation_service_carries_an_amount_and_training_a_training_type},
        {"bad service input is refused with the right status and changes nothing",
         bad_service_input_is_refused_with_the_right_status_and_changes_nothing},
        {"after an exit only follow-up services are added and the clock is closed",
         after_an_exit_only_follow_up_services_are_added_and_the_clock_is_closed},
        {"a provider partner of another location gets 404 for services",
         a_provider_partner_of_another_location_gets_404_for_services},
        {"activities not assigned to a goal are listed apart",
         activities_not_assigned_to_a_goal_are_listed_apart},
        {"a customer reads their own activities and changes none",
         a_customer_reads_their_own_activities_and_changes_none},
};

const struct it_suite it_suite_services = {"services", tests, IT_LEN(tests)};
