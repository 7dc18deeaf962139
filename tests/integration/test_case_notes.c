/*
 * test_case_notes.c: case notes over HTTP (issue 4, "Case notes"; R-FUP-1,
 * R-EXIT-4, R-DATE-4, R-ACL-1): create, read, list (newest first, paged,
 * filtered by type, with addenda), change with If-Match inside 24 hours,
 * the lock after 24 hours and the addenda that replace edits, linked
 * documents, every bad input refused with the right status and nothing
 * written, Idempotency-Key, and the reach of provider partners and
 * customers.
 *
 * Participants and enrollments are made through the API, in a program the
 * suite inserts with SQL; notes are aged with SQL.
 */
#include "itest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static long long sql_num(const char *sql)
{
	char cmd[2048], out[64];

	snprintf(cmd, sizeof(cmd), "sql \"%s\"", sql);
	if (it_ctl(cmd, out, sizeof(out)) != 0)
		return -1;
	return out[0] ? atoll(out) : -1;
}

static int sql_exec(const char *sql)
{
	char cmd[2048];

	snprintf(cmd, sizeof(cmd), "sql \"%s\"", sql);
	return it_ctl(cmd, NULL, 0);
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

static long long program(int second)
{
	static long long ids[2];
	char sql[512];
	long tag = (long)time(NULL) % 1000000 * 100 + (long)(getpid() % 100);

	if (!ids[second]) {
		snprintf(sql, sizeof(sql),
		         "INSERT INTO programs (code, name, system_code) VALUES ('itcn%c%ld', "
		         "'Case notes test program', 'worknet'); SELECT LAST_INSERT_ID()",
		         second ? 'b' : 'a', tag);
		ids[second] = sql_num(sql);
	}
	return ids[second];
}

/* A new participant enrolled (applied 2025-01-06) at location loc. */
static long long participant(const struct it_session *s, int loc, long long *eid)
{
	static int n;
	char body[1024];
	struct it_resp r;
	long long pid = 0;

	snprintf(body, sizeof(body),
	         "{\"first_name\": \"Billy\", \"last_name\": \"Notetest%ld%d\", "
	         "\"date_of_birth\": \"1979-10-07\", \"ssn_last4\": \"%04d\", "
	         "\"confirm_duplicate\": true, \"enrollment\": {\"program_id\": %lld, "
	         "\"location_id\": %d, \"application_date\": \"2025-01-06\", "
	         "\"participation_date\": \"2025-01-10\", \"status\": \"enrolled\"}}",
	         (long)time(NULL) % 100000, ++n, rand() % 10000, program(0), loc);
	if (it_call(s, "POST", "/api/v1/participants", NULL, body, &r) == 0 && r.status == 201) {
		pid = it_json_int(&r, "id", 0);
		if (eid)
			*eid = it_json_int(&r, "enrollments.0.id", 0);
	} else {
		fprintf(stderr, "\n    create participant: %ld %s", r.status, r.body);
	}
	it_resp_free(&r);
	return pid;
}

static long long second_enrollment(const struct it_session *s, long long pid, int loc)
{
	char body[256], path[96];
	struct it_resp r;
	long long eid = 0;

	snprintf(path, sizeof(path), "/api/v1/participants/%lld/enrollments", pid);
	snprintf(
	        body, sizeof(body),
	        "{\"program_id\": %lld, \"location_id\": %d, \"application_date\": \"2025-02-01\"}",
	        program(1), loc);
	if (it_call(s, "POST", path, NULL, body, &r) == 0 && r.status == 201)
		eid = it_json_int(&r, "id", 0);
	else
		fprintf(stderr, "\n    second enrollment: %ld %s", r.status, r.body);
	it_resp_free(&r);
	return eid;
}

/* POSTs a note body for pid; the new id, or 0 unless 201. */
static long long add_note(const struct it_session *s, long long pid, const char *body)
{
	char path[96];
	struct it_resp r;
	long long id = 0;

	snprintf(path, sizeof(path), "/api/v1/participants/%lld/case-notes", pid);
	if (it_call(s, "POST", path, NULL, body, &r) == 0 && r.status == 201)
		id = it_json_int(&r, "id", 0);
	else
		fprintf(stderr, "\n    add note: %ld %s", r.status, r.body);
	it_resp_free(&r);
	return id;
}

/* Uploads a small text document for pid; its id or 0. */
static long long add_document(const struct it_session *s, long long pid)
{
	static const char text[] = "Death certificate, county record 2025-118.\n";
	char path[96], cookie[160], csrf[100];
	const char *h[] = {cookie, csrf, "Content-Type: text/plain", NULL};
	struct it_resp r;
	long long id = 0;

	snprintf(path, sizeof(path), "/api/v1/documents?participant_id=%lld", pid);
	snprintf(cookie, sizeof(cookie), "Cookie: %s", s->cookie);
	snprintf(csrf, sizeof(csrf), "X-CSRF-Token: %s", s->csrf);
	if (it_http("POST", path, h, text, sizeof(text) - 1, &r) == 0 && r.status == 201)
		id = it_json_int(&r, "id", 0);
	else
		fprintf(stderr, "\n    add document: %ld %s", r.status, r.body);
	it_resp_free(&r);
	return id;
}

static long status_of(const struct it_session *s, const char *method, const char *path,
                      const char *if_match, const char *body)
{
	struct it_resp r;
	long st = -1;

	if (it_call(s, method, path, if_match, body, &r) == 0)
		st = r.status;
	it_resp_free(&r);
	return st;
}

/* 1 when the error details name field (and rule, when not NULL). */
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

/* Rows that any write would change: notes, their links, audit rows, versions. */
static void snapshot(long long out[4])
{
	out[0] = sql_num("SELECT COUNT(*) FROM case_notes");
	out[1] = sql_num("SELECT COUNT(*) FROM case_note_documents");
	out[2] = sql_num("SELECT COUNT(*) FROM audit_log WHERE entity = 'case_note'");
	out[3] = sql_num("SELECT COALESCE(SUM(version), 0) FROM case_notes");
}

static void a_note_is_created_read_listed_and_changed_within_24_hours(void)
{
	const struct it_session *s = it_statewide();
	struct it_resp r;
	char body[1024], path[96], etag[32], loc[96], today[16], sql[256];
	long long pid, eid = 0, id;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	pid = participant(s, 1, &eid);
	CU_ASSERT_FATAL(pid > 0 && eid > 0);
	snprintf(body, sizeof(body),
	         "{\"enrollment_id\": %lld, \"note_type\": \"general\", \"subject\": \"Intake "
	         "call\", \"body\": \"Discussed the training plan.\\nShe starts Monday.\", "
	         "\"contact_date\": \"%s\", \"contact_method\": \"phone\", \"visibility\": "
	         "\"staff\", \"recipients\": [\"Lao Staff25\", \"case.manager@example.org\"]}",
	         eid, day(0, today));
	snprintf(path, sizeof(path), "/api/v1/participants/%lld/case-notes", pid);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", path, NULL, body, &r), 0);
	CU_ASSERT_EQUAL_FATAL(r.status, 201);
	id = it_json_int(&r, "id", 0);
	CU_ASSERT_EQUAL(it_json_int(&r, "participant_id", 0), pid);
	CU_ASSERT_EQUAL(it_json_int(&r, "enrollment_id", 0), eid);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "note_type"), "general");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "body"),
	                       "Discussed the training plan.\nShe starts Monday.");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "contact_date"), today);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "contact_method"), "phone");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "recipients.1"), "case.manager@example.org");
	/* Author and time come from the server. */
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "author"), "Sam Statewide");
	CU_ASSERT_EQUAL(it_json_int(&r, "author_user_id", 0), s->user_id);
	CU_ASSERT_PTR_NOT_NULL(it_json_str(&r, "created_at"));
	CU_ASSERT_PTR_NOT_NULL(it_json_str(&r, "editable_until"));
	CU_ASSERT(strstr(r.body, "\"locked\":false") != NULL);
	CU_ASSERT(strstr(r.body, "\"addenda\":[]") != NULL);
	CU_ASSERT_PTR_NOT_NULL(it_header(&r, "ETag", etag, sizeof(etag)));
	CU_ASSERT_STRING_EQUAL(etag, "\"1\"");
	snprintf(path, sizeof(path), "/api/v1/case-notes/%lld", id);
	CU_ASSERT_PTR_NOT_NULL(it_header(&r, "Location", loc, sizeof(loc)));
	CU_ASSERT_STRING_EQUAL(loc, path);
	it_resp_free(&r);

	/* The author cannot be chosen by the client. */
	CU_ASSERT_EQUAL(status_of(s, "PATCH", path, "\"1\"", "{\"author\": \"Someone Else\"}"),
	                422);

	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "subject"), "Intake call");
	it_resp_free(&r);

	CU_ASSERT_EQUAL(status_of(s, "PATCH", path, NULL, "{\"subject\": \"x\"}"), 428);
	CU_ASSERT_EQUAL(status_of(s, "PATCH", path, "\"2\"", "{\"subject\": \"x\"}"), 412);
	CU_ASSERT_EQUAL_FATAL(
	        it_call(s, "PATCH", path, "\"1\"",
	                "{\"subject\": \"Intake call (corrected)\", \"contact_method\": "
	                "\"video\", \"recipients\": null}",
	                &r),
	        0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "subject"), "Intake call (corrected)");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "contact_method"), "video");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "body"),
	                       "Discussed the training plan.\nShe starts Monday.");
	CU_ASSERT(strstr(r.body, "\"recipients\":[]") != NULL);
	CU_ASSERT_EQUAL(it_json_int(&r, "version", 0), 2);
	CU_ASSERT_PTR_NOT_NULL(it_header(&r, "ETag", etag, sizeof(etag)));
	CU_ASSERT_STRING_EQUAL(etag, "\"2\"");
	it_resp_free(&r);
	/* The first writer's version is stale now: no lost update. */
	CU_ASSERT_EQUAL(status_of(s, "PATCH", path, "\"1\"", "{\"subject\": \"Lost\"}"), 412);

	snprintf(path, sizeof(path), "/api/v1/participants/%lld/case-notes", pid);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.id", 0), id);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.version", 0), 2);
	it_resp_free(&r);

	snprintf(sql, sizeof(sql),
	         "SELECT COUNT(*) FROM audit_log WHERE entity = 'case_note' AND entity_id = %lld "
	         "AND ((action = 'create' AND before_json IS NULL) OR (action = 'update' AND "
	         "before_json LIKE '%%Intake call%%' AND after_json LIKE '%%corrected%%'))",
	         id);
	CU_ASSERT_EQUAL(sql_num(sql), 2);
}

static void notes_are_listed_newest_first_in_pages_and_filtered_by_type(void)
{
	const struct it_session *s = it_statewide();
	struct it_resp r;
	char body[512], path[160], d[16];
	const char *cursor;
	long long pid, eid = 0, a, b, c;

	pid = participant(s, 1, &eid);
	CU_ASSERT_FATAL(pid > 0);
	a = add_note(s, pid, "{\"subject\": \"First\", \"body\": \"one\"}");
	snprintf(body, sizeof(body),
	         "{\"enrollment_id\": %lld, \"note_type\": \"follow_up\", \"subject\": \"Quarter 1 "
	         "follow-up\", \"body\": \"Still employed.\", \"contact_date\": \"%s\", "
	         "\"contact_method\": \"phone\", \"follow_up_outcome\": \"completed\", "
	         "\"visibility\": \"participant\", \"recipients\": [\"Billy\"]}",
	         eid, day(-1, d));
	b = add_note(s, pid, body);
	c = add_note(s, pid, "{\"subject\": \"Third\", \"body\": \"three\"}");
	CU_ASSERT_FATAL(a > 0 && b > 0 && c > 0);

	snprintf(path, sizeof(path), "/api/v1/participants/%lld/case-notes?limit=2", pid);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.id", 0), c);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.1.id", 0), b);
	cursor = it_json_str(&r, "next_cursor");
	CU_ASSERT_PTR_NOT_NULL_FATAL(cursor);
	snprintf(path, sizeof(path), "/api/v1/participants/%lld/case-notes?limit=2&cursor=%s", pid,
	         cursor);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.id", 0), a);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.1.id", 0), 0);
	CU_ASSERT_PTR_NULL(it_json_str(&r, "next_cursor"));
	it_resp_free(&r);

	/* "may be found by selecting Follow-up for the filter" */
	snprintf(path, sizeof(path), "/api/v1/participants/%lld/case-notes?type=follow_up", pid);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.id", 0), b);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "items.0.follow_up_outcome"), "completed");
	CU_ASSERT_EQUAL(it_json_int(&r, "items.1.id", 0), 0);
	it_resp_free(&r);
	snprintf(path, sizeof(path), "/api/v1/participants/%lld/case-notes?type=general", pid);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.id", 0), c);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.1.id", 0), a);
	it_resp_free(&r);
	snprintf(path, sizeof(path), "/api/v1/participants/%lld/case-notes?enrollment_id=%lld", pid,
	         eid);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.id", 0), b);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.1.id", 0), 0);
	it_resp_free(&r);
	snprintf(path, sizeof(path), "/api/v1/participants/%lld/case-notes?type=phone", pid);
	CU_ASSERT_EQUAL(status_of(s, "GET", path, NULL, NULL), 400);
	snprintf(path, sizeof(path), "/api/v1/participants/%lld/case-notes?enrollment_id=0", pid);
	CU_ASSERT_EQUAL(status_of(s, "GET", path, NULL, NULL), 400);
}

struct bad_note {
	const char *what;
	const char *method;
	const char *path;     /* {P} participant, {N} a fresh note, {A} its addendum */
	const char *if_match; /* NULL: none */
	const char *body;     /* {E} the enrollment, {X} another's enrollment, {D} another's
	                       * document, {T} tomorrow, {Y} yesterday */
	long status;
	const char *code;
	const char *field; /* a detail expected, or NULL */
	const char *rule;  /* its rule, or NULL */
};

#define NOTES     "/api/v1/participants/{P}/case-notes"
#define NOTE      "/api/v1/case-notes/{N}"
#define ADDENDA   "/api/v1/case-notes/{N}/addenda"
#define OK_FIELDS "\"subject\": \"S\", \"body\": \"B\""

static const struct bad_note bad_notes[] = {
        {"no subject", "POST", NOTES, NULL, "{\"body\": \"B\"}", 422, "validation_failed",
         "subject", NULL},
        {"no body", "POST", NOTES, NULL, "{\"subject\": \"S\"}", 422, "validation_failed", "body",
         NULL},
        {"an empty body", "POST", NOTES, NULL, "{\"subject\": \"S\", \"body\": \"  \"}", 422,
         "validation_failed", "body", NULL},
        {"a subject that is a number", "POST", NOTES, NULL, "{\"subject\": 12, \"body\": \"B\"}",
         422, "validation_failed", "subject", NULL},
        {"a subject on two lines", "POST", NOTES, NULL, "{\"subject\": \"a\\nb\", \"body\": \"B\"}",
         422, "validation_failed", "subject", NULL},
        {"an unknown note type", "POST", NOTES, NULL, "{" OK_FIELDS ", \"note_type\": \"memo\"}",
         422, "validation_failed", "note_type", NULL},
        {"an unknown contact method", "POST", NOTES, NULL,
         "{" OK_FIELDS ", \"contact_method\": \"pigeon\"}", 422, "validation_failed",
         "contact_method", NULL},
        {"an unknown visibility", "POST", NOTES, NULL,
         "{" OK_FIELDS ", \"visibility\": \"public\"}", 422, "validation_failed", "visibility",
         NULL},
        {"a contact date in the future", "POST", NOTES, NULL,
         "{" OK_FIELDS ", \"contact_date\": \"{T}\"}", 422, "validation_failed", "contact_date",
         "R-DATE-4"},
        {"a contact date before the enrollment's application", "POST", NOTES, NULL,
         "{" OK_FIELDS ", \"enrollment_id\": {E}, \"contact_date\": \"2024-12-31\"}", 422,
         "validation_failed", "contact_date", NULL},
        {"a contact date that is no date", "POST", NOTES, NULL,
         "{" OK_FIELDS ", \"contact_date\": \"2025-02-30\"}", 422, "validation_failed",
         "contact_date", NULL},
        {"a contact date of the wrong type", "POST", NOTES, NULL,
         "{" OK_FIELDS ", \"contact_date\": 20250101}", 422, "validation_failed", "contact_date",
         NULL},
        {"recipients that are not strings", "POST", NOTES, NULL,
         "{" OK_FIELDS ", \"recipients\": [\"a\", 2]}", 422, "validation_failed", "recipients",
         NULL},
        {"recipients that are not a list", "POST", NOTES, NULL,
         "{" OK_FIELDS ", \"recipients\": \"a\"}", 422, "validation_failed", "recipients", NULL},
        {"21 recipients", "POST", NOTES, NULL,
         "{" OK_FIELDS ", \"recipients\": [\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\","
         "\"10\",\"11\",\"12\",\"13\",\"14\",\"15\",\"16\",\"17\",\"18\",\"19\",\"20\",\"21\"]}",
         422, "validation_failed", "recipients", NULL},
        {"an outcome on a general note", "POST", NOTES, NULL,
         "{" OK_FIELDS ", \"follow_up_outcome\": \"completed\"}", 422, "validation_failed",
         "follow_up_outcome", "R-FUP-1"},
        {"an unknown follow-up outcome", "POST", NOTES, NULL,
         "{" OK_FIELDS ", \"enrollment_id\": {E}, \"note_type\": \"follow_up\", \"contact_date\": "
         "\"{Y}\", \"contact_method\": \"phone\", \"follow_up_outcome\": \"maybe\"}",
         422, "validation_failed", "follow_up_outcome", "R-FUP-1"},
        {"a follow-up note without its outcome", "POST", NOTES, NULL,
         "{" OK_FIELDS ", \"enrollment_id\": {E}, \"note_type\": \"follow_up\", \"contact_date\": "
         "\"{Y}\", \"contact_method\": \"phone\"}",
         422, "validation_failed", "follow_up_outcome", "R-FUP-1"},
        {"a follow-up note without its contact date", "POST", NOTES, NULL,
         "{" OK_FIELDS ", \"enrollment_id\": {E}, \"note_type\": \"follow_up\", "
         "\"contact_method\": \"phone\", \"follow_up_outcome\": \"declined\"}",
         422, "validation_failed", "contact_date", "R-FUP-1"},
        {"a follow-up note without its enrollment", "POST", NOTES, NULL,
         "{" OK_FIELDS ", \"note_type\": \"follow_up\", \"contact_date\": \"{Y}\", "
         "\"contact_method\": \"phone\", \"follow_up_outcome\": \"declined\"}",
         422, "validation_failed", "enrollment_id", "R-FUP-1"},
        {"an exit note without its enrollment", "POST", NOTES, NULL,
         "{" OK_FIELDS ", \"note_type\": \"exit\"}", 422, "validation_failed", "enrollment_id",
         "R-EXIT-4"},
        {"another participant's enrollment", "POST", NOTES, NULL,
         "{" OK_FIELDS ", \"enrollment_id\": {X}}", 422, "validation_failed", "enrollment_id",
         NULL},
        {"an enrollment id of the wrong type", "POST", NOTES, NULL,
         "{" OK_FIELDS ", \"enrollment_id\": \"1\"}", 422, "validation_failed", "enrollment_id",
         NULL},
        {"another participant's document", "POST", NOTES, NULL,
         "{" OK_FIELDS ", \"document_ids\": [{D}]}", 422, "validation_failed", "document_ids",
         NULL},
        {"a document that does not exist", "POST", NOTES, NULL,
         "{" OK_FIELDS ", \"document_ids\": [999999999]}", 422, "validation_failed", "document_ids",
         NULL},
        {"a document listed twice", "POST", NOTES, NULL,
         "{" OK_FIELDS ", \"document_ids\": [{D}, {D}]}", 422, "validation_failed", "document_ids",
         NULL},
        {"an unknown field", "POST", NOTES, NULL, "{" OK_FIELDS ", \"mood\": \"calm\"}", 422,
         "validation_failed", "mood", NULL},
        {"a server-set field", "POST", NOTES, NULL, "{" OK_FIELDS ", \"created_at\": \"2020\"}",
         422, "validation_failed", "created_at", NULL},
        {"an unknown participant", "POST", "/api/v1/participants/999999999/case-notes", NULL,
         "{" OK_FIELDS "}", 404, "not_found", NULL, NULL},
        {"malformed JSON", "POST", NOTES, NULL, "{\"subject\": ", 400, "malformed_json", NULL,
         NULL},
        {"a change without If-Match", "PATCH", NOTE, NULL, "{\"subject\": \"X\"}", 428,
         "precondition_required", NULL, NULL},
        {"a change with a stale version", "PATCH", NOTE, "\"9\"", "{\"subject\": \"X\"}", 412,
         "version_mismatch", NULL, NULL},
        {"a change that empties the subject", "PATCH", NOTE, "\"1\"", "{\"subject\": null}", 422,
         "validation_failed", "subject", NULL},
        {"a change of the note's enrollment", "PATCH", NOTE, "\"1\"", "{\"enrollment_id\": {E}}",
         422, "validation_failed", "enrollment_id", NULL},
        {"a change of the note's type", "PATCH", NOTE, "\"1\"", "{\"note_type\": \"exit\"}", 422,
         "validation_failed", "note_type", NULL},
        {"a change that sets a future contact date", "PATCH", NOTE, "\"1\"",
         "{\"contact_date\": \"{T}\"}", 422, "validation_failed", "contact_date", "R-DATE-4"},
        {"a change of an unknown note", "PATCH", "/api/v1/case-notes/999999999", "\"1\"",
         "{\"subject\": \"X\"}", 404, "not_found", NULL, NULL},
        {"an addendum without a body", "POST", ADDENDA, NULL, "{\"subject\": \"S\"}", 422,
         "validation_failed", "body", NULL},
        {"an addendum with an outcome", "POST", ADDENDA, NULL,
         "{\"body\": \"B\", \"follow_up_outcome\": \"completed\"}", 422, "validation_failed",
         "follow_up_outcome", NULL},
        {"a participant-visible addendum to a staff note", "POST", ADDENDA, NULL,
         "{\"body\": \"B\", \"visibility\": \"participant\"}", 422, "validation_failed",
         "visibility", NULL},
        {"an addendum to an addendum", "POST", "/api/v1/case-notes/{A}/addenda", NULL,
         "{\"body\": \"B\"}", 409, "addendum_of_addendum", NULL, NULL},
        {"an addendum to an unknown note", "POST", "/api/v1/case-notes/999999999/addenda", NULL,
         "{\"body\": \"B\"}", 404, "not_found", NULL, NULL},
};

/* Replaces the {X} tokens of a template; vals is indexed by the letter. */
static void fill(const char *tpl, const char *const *vals, char *out, size_t cap)
{
	size_t k = 0;

	for (const char *p = tpl; *p && k + 1 < cap; p++) {
		if (p[0] == '{' && p[1] >= 'A' && p[1] <= 'Z' && p[2] == '}' && vals[p[1] - 'A']) {
			k += (size_t)snprintf(out + k, cap - k, "%s", vals[p[1] - 'A']);
			p += 2;
		} else {
			out[k++] = *p;
		}
	}
	out[k < cap ? k : cap - 1] = '\0';
}

static void bad_notes_are_refused_with_the_right_status_and_change_nothing(void)
{
	const struct it_session *s = it_statewide();
	const char *vals[26] = {0};
	char pid_t_[24], eid_t[24], xid_t[24], did_t[24], nid_t[24], aid_t[24], tom[16], yes[16];
	char path[160], addpath[96];
	long long pid, eid = 0, other, other_eid = 0, doc, note, add, before[4], after[4];
	struct it_resp r;

	pid = participant(s, 1, &eid);
	other = participant(s, 1, &other_eid);
	CU_ASSERT_FATAL(pid > 0 && other > 0);
	doc = add_document(s, other);
	note = add_note(s, pid, "{\"subject\": \"Base\", \"body\": \"A staff note.\"}");
	CU_ASSERT_FATAL(doc > 0 && note > 0);
	snprintf(addpath, sizeof(addpath), "/api/v1/case-notes/%lld/addenda", note);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", addpath, NULL, "{\"body\": \"Addendum.\"}", &r),
	                      0);
	add = it_json_int(&r, "id", 0);
	it_resp_free(&r);
	CU_ASSERT_FATAL(add > 0);
	snprintf(pid_t_, sizeof(pid_t_), "%lld", pid);
	snprintf(eid_t, sizeof(eid_t), "%lld", eid);
	snprintf(xid_t, sizeof(xid_t), "%lld", other_eid);
	snprintf(did_t, sizeof(did_t), "%lld", doc);
	snprintf(nid_t, sizeof(nid_t), "%lld", note);
	snprintf(aid_t, sizeof(aid_t), "%lld", add);
	vals['P' - 'A'] = pid_t_;
	vals['E' - 'A'] = eid_t;
	vals['X' - 'A'] = xid_t;
	vals['D' - 'A'] = did_t;
	vals['N' - 'A'] = nid_t;
	vals['A' - 'A'] = aid_t;
	vals['T' - 'A'] = day(1, tom);
	vals['Y' - 'A'] = day(-1, yes);

	snapshot(before);
	for (size_t i = 0; i < IT_LEN(bad_notes); i++) {
		const struct bad_note *c = &bad_notes[i];
		char body[2048];
		const char *code;
		int has;

		fill(c->path, vals, path, sizeof(path));
		fill(c->body, vals, body, sizeof(body));
		CU_ASSERT_EQUAL_FATAL(it_call(s, c->method, path, c->if_match, body, &r), 0);
		code = it_json_str(&r, "error.code");
		has = !c->field || has_detail(&r, c->field, c->rule);
		if (r.status != c->status || !code || strcmp(code, c->code) || !has)
			fprintf(stderr, "\n    %s: %ld %s", c->what, r.status, r.body);
		CU_ASSERT_EQUAL(r.status, c->status);
		CU_ASSERT(code && !strcmp(code, c->code));
		CU_ASSERT(has);
		it_resp_free(&r);
	}
	snapshot(after);
	for (int k = 0; k < 4; k++)
		CU_ASSERT_EQUAL(after[k], before[k]);
}

static void oversized_text_is_refused_and_changes_nothing(void)
{
	const struct it_session *s = it_statewide();
	static char body[40000];
	char path[96], subject[200], name[200];
	long long pid = participant(s, 1, NULL), before[4], after[4];
	struct it_resp r;
	size_t k;

	CU_ASSERT_FATAL(pid > 0);
	snprintf(path, sizeof(path), "/api/v1/participants/%lld/case-notes", pid);
	memset(subject, 's', 191);
	subject[191] = '\0';
	memset(name, 'n', 191);
	name[191] = '\0';
	snapshot(before);
	snprintf(body, sizeof(body), "{\"subject\": \"%s\", \"body\": \"B\"}", subject);
	CU_ASSERT_EQUAL(status_of(s, "POST", path, NULL, body), 422);
	/* 16,001 characters of body (each "é" is one character, two bytes). */
	k = (size_t)sprintf(body, "{\"subject\": \"S\", \"body\": \"");
	for (int i = 0; i < 16001; i++)
		k += (size_t)sprintf(body + k, "\xc3\xa9");
	sprintf(body + k, "\"}");
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", path, NULL, body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 422);
	CU_ASSERT(has_detail(&r, "body", NULL));
	it_resp_free(&r);
	snprintf(body, sizeof(body),
	         "{\"subject\": \"S\", \"body\": \"B\", \"recipients\": [\"%s\"]}", name);
	CU_ASSERT_EQUAL(status_of(s, "POST", path, NULL, body), 422);
	/* Twenty names of 60 characters: each fits, together past 1,000. */
	k = (size_t)sprintf(body, "{\"subject\": \"S\", \"body\": \"B\", \"recipients\": [");
	for (int i = 0; i < 20; i++)
		k += (size_t)sprintf(body + k, "%s\"%.60s\"", i ? ", " : "", name);
	sprintf(body + k, "]}");
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", path, NULL, body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 422);
	CU_ASSERT(has_detail(&r, "recipients", NULL));
	it_resp_free(&r);
	snapshot(after);
	for (int i = 0; i < 4; i++)
		CU_ASSERT_EQUAL(after[i], before[i]);

	/* Exactly at the limits is fine. */
	k = (size_t)sprintf(body, "{\"subject\": \"%.190s\", \"body\": \"", subject);
	for (int i = 0; i < 16000; i++)
		k += (size_t)sprintf(body + k, "\xc3\xa9");
	sprintf(body + k, "\"}");
	CU_ASSERT_EQUAL(status_of(s, "POST", path, NULL, body), 201);
}

static void a_note_older_than_24_hours_cannot_be_edited_but_takes_an_addendum(void)
{
	const struct it_session *s = it_statewide();
	struct it_resp r;
	char path[96], sql[160], addenda[96], loc[96];
	long long pid, note, add, doc, before[4], after[4];

	pid = participant(s, 1, NULL);
	CU_ASSERT_FATAL(pid > 0);
	note = add_note(
	        s, pid,
	        "{\"subject\": \"Outcome: deceased\", \"body\": \"Reported by his sister.\", "
	        "\"visibility\": \"participant\"}");
	doc = add_document(s, pid);
	CU_ASSERT_FATAL(note > 0 && doc > 0);
	snprintf(sql, sizeof(sql),
	         "UPDATE case_notes SET created_at = created_at - INTERVAL 25 HOUR WHERE id = %lld",
	         note);
	CU_ASSERT_EQUAL_FATAL(sql_exec(sql), 0);
	snprintf(path, sizeof(path), "/api/v1/case-notes/%lld", note);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT(strstr(r.body, "\"locked\":true") != NULL);
	it_resp_free(&r);

	snapshot(before);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", path, "\"1\"", "{\"body\": \"Changed.\"}", &r),
	                      0);
	CU_ASSERT_EQUAL(r.status, 409);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "note_locked");
	snprintf(addenda, sizeof(addenda), "/api/v1/case-notes/%lld/addenda", note);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "addenda"), addenda);
	it_resp_free(&r);
	snapshot(after);
	for (int i = 0; i < 4; i++)
		CU_ASSERT_EQUAL(after[i], before[i]);
	/* A lock is a lock, whatever the version sent. */
	CU_ASSERT_EQUAL(status_of(s, "PATCH", path, "\"7\"", "{\"body\": \"Changed.\"}"), 409);

	snprintf(sql, sizeof(sql),
	         "{\"body\": \"Death certificate received.\", \"document_ids\": "
	         "[%lld]}",
	         doc);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", addenda, NULL, sql, &r), 0);
	CU_ASSERT_EQUAL_FATAL(r.status, 201);
	add = it_json_int(&r, "id", 0);
	CU_ASSERT_EQUAL(it_json_int(&r, "addendum_of", 0), note);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "subject"), "Addendum");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "visibility"), "participant");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "note_type"), "general");
	CU_ASSERT_EQUAL(it_json_int(&r, "document_ids.0", 0), doc);
	CU_ASSERT_PTR_NOT_NULL(it_header(&r, "Location", loc, sizeof(loc)));
	it_resp_free(&r);

	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "body"), "Reported by his sister.");
	CU_ASSERT_EQUAL(it_json_int(&r, "addenda.0.id", 0), add);
	CU_ASSERT_EQUAL(it_json_int(&r, "addenda.0.document_ids.0", 0), doc);
	it_resp_free(&r);
	snprintf(path, sizeof(path), "/api/v1/participants/%lld/case-notes", pid);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	/* Addenda are listed under their note, not beside it. */
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.id", 0), note);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.addenda.0.id", 0), add);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.1.id", 0), 0);
	it_resp_free(&r);
	/* The addendum is itself a note: fresh, so it can be corrected. */
	snprintf(path, sizeof(path), "/api/v1/case-notes/%lld", add);
	CU_ASSERT_EQUAL(
	        status_of(s, "PATCH", path, "\"1\"", "{\"body\": \"Certificate received.\"}"), 200);
}

static void an_exit_note_carries_its_verifying_documents(void)
{
	const struct it_session *s = it_statewide();
	struct it_resp r;
	char body[512], path[96], d[16];
	long long pid, eid = 0, doc1, doc2, note;

	pid = participant(s, 1, &eid);
	CU_ASSERT_FATAL(pid > 0);
	doc1 = add_document(s, pid);
	doc2 = add_document(s, pid);
	CU_ASSERT_FATAL(doc1 > 0 && doc2 > 0);
	/* R-EXIT-4: a case note stating the reason, with a verifying document. */
	snprintf(body, sizeof(body),
	         "{\"enrollment_id\": %lld, \"note_type\": \"exit\", \"subject\": \"Global "
	         "exclusion: deceased\", \"body\": \"Death certificate attached.\", "
	         "\"contact_date\": \"%s\", \"contact_method\": \"in_person\", \"document_ids\": "
	         "[%lld]}",
	         eid, day(0, d), doc1);
	note = add_note(s, pid, body);
	CU_ASSERT_FATAL(note > 0);
	snprintf(path, sizeof(path), "/api/v1/case-notes/%lld", note);
	snprintf(body, sizeof(body), "{\"document_ids\": [%lld, %lld]}", doc2, doc1);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", path, "\"1\"", body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_EQUAL(it_json_int(&r, "document_ids.0", 0), doc1 < doc2 ? doc1 : doc2);
	CU_ASSERT_EQUAL(it_json_int(&r, "document_ids.1", 0), doc1 < doc2 ? doc2 : doc1);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", path, "\"2\"", "{\"document_ids\": []}", &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT(strstr(r.body, "\"document_ids\":[]") != NULL);
	it_resp_free(&r);
	snprintf(path, sizeof(path), "/api/v1/participants/%lld/case-notes?type=exit", pid);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.id", 0), note);
	it_resp_free(&r);
}

static void a_retried_note_with_the_same_idempotency_key_is_created_once(void)
{
	const struct it_session *s = it_statewide();
	char path[96], cookie[160], csrf[100], key[96];
	const char *h[] = {cookie, csrf, key, "Content-Type: application/json", NULL};
	static const char body[] = "{\"subject\": \"Called\", \"body\": \"No answer.\"}";
	static const char other[] = "{\"subject\": \"Other\", \"body\": \"x\"}";
	long long pid = participant(s, 1, NULL), before, first;
	struct it_resp r;

	CU_ASSERT_FATAL(pid > 0);
	snprintf(path, sizeof(path), "/api/v1/participants/%lld/case-notes", pid);
	snprintf(cookie, sizeof(cookie), "Cookie: %s", s->cookie);
	snprintf(csrf, sizeof(csrf), "X-CSRF-Token: %s", s->csrf);
	snprintf(key, sizeof(key), "Idempotency-Key: note-%lld", pid);
	before = sql_num("SELECT COUNT(*) FROM case_notes");
	CU_ASSERT_EQUAL_FATAL(it_http("POST", path, h, body, sizeof(body) - 1, &r), 0);
	CU_ASSERT_EQUAL(r.status, 201);
	first = it_json_int(&r, "id", 0);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_http("POST", path, h, body, sizeof(body) - 1, &r), 0);
	CU_ASSERT_EQUAL(r.status, 201);
	CU_ASSERT_EQUAL(it_json_int(&r, "id", 0), first);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_http("POST", path, h, other, sizeof(other) - 1, &r), 0);
	CU_ASSERT_EQUAL(r.status, 422);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(sql_num("SELECT COUNT(*) FROM case_notes"), before + 1);
}

static void a_provider_partner_cannot_reach_another_providers_notes(void)
{
	const struct it_session *s = it_statewide();
	struct it_session lao, ahs;
	struct it_resp r;
	char path[96], body[256];
	long long theirs, shared, ahs_eid, note, hidden, open, before[4], after[4];

	CU_ASSERT_EQUAL_FATAL(it_sign_in("staff25.lao", IT_DEMO_PASSWORD, NULL, &lao), 201);
	CU_ASSERT_EQUAL_FATAL(it_sign_in("ahs.tprograms", IT_DEMO_PASSWORD, NULL, &ahs), 201);
	theirs = participant(s, 3, NULL);
	CU_ASSERT_FATAL(theirs > 0);
	note = add_note(&ahs, theirs, "{\"subject\": \"AHS intake\", \"body\": \"Private.\"}");
	CU_ASSERT_FATAL(note > 0);
	snapshot(before);
	snprintf(path, sizeof(path), "/api/v1/case-notes/%lld", note);
	CU_ASSERT_EQUAL(status_of(&lao, "GET", path, NULL, NULL), 404);
	CU_ASSERT_EQUAL(status_of(&ahs, "GET", path, NULL, NULL), 200);
	CU_ASSERT_EQUAL(status_of(&lao, "PATCH", path, "\"1\"", "{\"subject\": \"Mine\"}"), 404);
	snprintf(path, sizeof(path), "/api/v1/case-notes/%lld/addenda", note);
	CU_ASSERT_EQUAL(status_of(&lao, "POST", path, NULL, "{\"body\": \"Mine\"}"), 404);
	snprintf(path, sizeof(path), "/api/v1/participants/%lld/case-notes", theirs);
	CU_ASSERT_EQUAL(status_of(&lao, "GET", path, NULL, NULL), 404);
	CU_ASSERT_EQUAL(
	        status_of(&lao, "POST", path, NULL, "{\"subject\": \"S\", \"body\": \"B\"}"), 404);
	snapshot(after);
	for (int i = 0; i < 4; i++)
		CU_ASSERT_EQUAL(after[i], before[i]);

	/* Co-enrolled with both providers: a note under AHS's enrollment is
	 * AHS's; a note under no enrollment is the participant's. */
	shared = participant(s, 1, NULL);
	CU_ASSERT_FATAL(shared > 0);
	ahs_eid = second_enrollment(s, shared, 3);
	CU_ASSERT_FATAL(ahs_eid > 0);
	snprintf(body, sizeof(body),
	         "{\"enrollment_id\": %lld, \"subject\": \"AHS only\", \"body\": \"B\"}", ahs_eid);
	hidden = add_note(&ahs, shared, body);
	open = add_note(&ahs, shared, "{\"subject\": \"Shared\", \"body\": \"B\"}");
	CU_ASSERT_FATAL(hidden > 0 && open > 0);
	snprintf(path, sizeof(path), "/api/v1/case-notes/%lld", hidden);
	CU_ASSERT_EQUAL(status_of(&lao, "GET", path, NULL, NULL), 404);
	snprintf(path, sizeof(path), "/api/v1/case-notes/%lld", open);
	CU_ASSERT_EQUAL(status_of(&lao, "GET", path, NULL, NULL), 200);
	snprintf(path, sizeof(path), "/api/v1/participants/%lld/case-notes", shared);
	CU_ASSERT_EQUAL_FATAL(it_call(&lao, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.id", 0), open);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.1.id", 0), 0);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&ahs, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.id", 0), open);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.1.id", 0), hidden);
	it_resp_free(&r);
	/* Lao may not file a note under the other provider's enrollment. */
	snprintf(body, sizeof(body),
	         "{\"enrollment_id\": %lld, \"subject\": \"S\", \"body\": \"B\"}", ahs_eid);
	CU_ASSERT_EQUAL(status_of(&lao, "POST", path, NULL, body), 422);
}

static void a_customer_reads_only_participant_visible_notes_and_writes_none(void)
{
	const struct it_session *s = it_statewide();
	struct it_session me;
	struct it_resp r;
	char body[512], login[48], path[96];
	long long mine, other, staff_note, shown, shown_add, hidden_add, other_note;

	mine = participant(s, 1, NULL);
	other = participant(s, 1, NULL);
	CU_ASSERT_FATAL(mine > 0 && other > 0);
	staff_note = add_note(s, mine, "{\"subject\": \"Staff only\", \"body\": \"Internal.\"}");
	shown = add_note(s, mine,
	                 "{\"subject\": \"Your plan\", \"body\": \"Shared.\", \"visibility\": "
	                 "\"participant\"}");
	other_note = add_note(s, other,
	                      "{\"subject\": \"Theirs\", \"body\": \"B\", \"visibility\": "
	                      "\"participant\"}");
	CU_ASSERT_FATAL(staff_note > 0 && shown > 0 && other_note > 0);
	snprintf(path, sizeof(path), "/api/v1/case-notes/%lld/addenda", shown);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", path, NULL, "{\"body\": \"Shared too.\"}", &r), 0);
	shown_add = it_json_int(&r, "id", 0);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", path, NULL,
	                              "{\"body\": \"Staff remark.\", \"visibility\": \"staff\"}",
	                              &r),
	                      0);
	hidden_add = it_json_int(&r, "id", 0);
	it_resp_free(&r);
	CU_ASSERT_FATAL(shown_add > 0 && hidden_add > 0);

	snprintf(login, sizeof(login), "notecust%lld", mine);
	snprintf(body, sizeof(body),
	         "{\"login\": \"%s\", \"display_name\": \"Billy\", \"role\": \"customer\", "
	         "\"participant_id\": %lld, \"password\": \"Customer-Secret-2026\"}",
	         login, mine);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", "/api/v1/users", NULL, body, &r), 0);
	CU_ASSERT_EQUAL_FATAL(r.status, 201);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_sign_in(login, "Customer-Secret-2026", NULL, &me), 201);

	snprintf(path, sizeof(path), "/api/v1/participants/%lld/case-notes", mine);
	CU_ASSERT_EQUAL_FATAL(it_call(&me, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.id", 0), shown);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.addenda.0.id", 0), shown_add);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.addenda.1.id", 0), 0);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.1.id", 0), 0);
	it_resp_free(&r);
	snprintf(path, sizeof(path), "/api/v1/case-notes/%lld", shown);
	CU_ASSERT_EQUAL_FATAL(it_call(&me, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_EQUAL(it_json_int(&r, "addenda.0.id", 0), shown_add);
	CU_ASSERT_EQUAL(it_json_int(&r, "addenda.1.id", 0), 0);
	it_resp_free(&r);
	snprintf(path, sizeof(path), "/api/v1/case-notes/%lld", staff_note);
	CU_ASSERT_EQUAL(status_of(&me, "GET", path, NULL, NULL), 404);
	snprintf(path, sizeof(path), "/api/v1/case-notes/%lld", hidden_add);
	CU_ASSERT_EQUAL(status_of(&me, "GET", path, NULL, NULL), 404);
	snprintf(path, sizeof(path), "/api/v1/case-notes/%lld", other_note);
	CU_ASSERT_EQUAL(status_of(&me, "GET", path, NULL, NULL), 404);
	snprintf(path, sizeof(path), "/api/v1/participants/%lld/case-notes", other);
	CU_ASSERT_EQUAL(status_of(&me, "GET", path, NULL, NULL), 404);
	snprintf(path, sizeof(path), "/api/v1/participants/%lld/case-notes", mine);
	CU_ASSERT_EQUAL(status_of(&me, "POST", path, NULL, "{\"subject\": \"S\", \"body\": \"B\"}"),
	                403);
	snprintf(path, sizeof(path), "/api/v1/case-notes/%lld", shown);
	CU_ASSERT_EQUAL(status_of(&me, "PATCH", path, "\"1\"", "{\"subject\": \"Mine\"}"), 403);
}

static const struct it_test tests[] = {
        {"a note is created, read, listed and changed within 24 hours",
         a_note_is_created_read_listed_and_changed_within_24_hours},
        {"notes are listed newest first in pages and filtered by type",
         notes_are_listed_newest_first_in_pages_and_filtered_by_type},
        {"bad notes are refused with the right status and change nothing",
         bad_notes_are_refused_with_the_right_status_and_change_nothing},
        {"oversized text is refused and changes nothing",
         oversized_text_is_refused_and_changes_nothing},
        {"a note older than 24 hours cannot be edited but takes an addendum",
         a_note_older_than_24_hours_cannot_be_edited_but_takes_an_addendum},
        {"an exit note carries its verifying documents",
         an_exit_note_carries_its_verifying_documents},
        {"a retried note with the same Idempotency-Key is created once",
         a_retried_note_with_the_same_idempotency_key_is_created_once},
        {"a provider partner cannot reach another provider's notes",
         a_provider_partner_cannot_reach_another_providers_notes},
        {"a customer reads only participant-visible notes and writes none",
         a_customer_reads_only_participant_visible_notes_and_writes_none},
};

const struct it_suite it_suite_case_notes = {"case_notes", tests, IT_LEN(tests)};
