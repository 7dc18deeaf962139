/*
 * exit_fixtures.c: shared helpers of the exit-side integration tests (see
 * exit_fixtures.h).
 */
#include "exit_fixtures.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define SESSIONS 8

const struct it_session *xf_login(const char *login)
{
	static struct {
		char login[32];
		struct it_session s;
	} cache[SESSIONS];
	static size_t n;
	const char *totp = NULL;
	long st;

	if (!strcmp(login, "state.admin"))
		return it_statewide();
	for (size_t i = 0; i < n; i++) {
		if (!strcmp(cache[i].login, login))
			return &cache[i].s;
	}
	if (n == SESSIONS)
		return NULL;
	if (!strcmp(login, "pm.lee"))
		totp = IT_PM_TOTP;
	st = it_sign_in(login, IT_DEMO_PASSWORD, totp, &cache[n].s);
	if (st != 200 && st != 201) {
		fprintf(stderr, "\n    sign in %s: %ld", login, st);
		return NULL;
	}
	snprintf(cache[n].login, sizeof(cache[n].login), "%s", login);
	return &cache[n++].s;
}

/* Runs "stackctl sql ..." with the formatted statement; output in out. */
static int run_sql(char *out, size_t n, const char *fmt, va_list ap)
{
	char sql[4096], cmd[4200];

	vsnprintf(sql, sizeof(sql), fmt, ap);
	snprintf(cmd, sizeof(cmd), "sql \"%s\"", sql);
	return it_ctl(cmd, out, n);
}

int xf_sql(const char *fmt, ...)
{
	char out[256];
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = run_sql(out, sizeof(out), fmt, ap);
	va_end(ap);
	return rc;
}

long long xf_sql_num(const char *fmt, ...)
{
	char out[256];
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = run_sql(out, sizeof(out), fmt, ap);
	va_end(ap);
	if (rc != 0 || out[0] < '0' || out[0] > '9')
		return -1;
	return atoll(out);
}

const char *xf_sql_str(char *out, size_t n, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = run_sql(out, n, fmt, ap);
	va_end(ap);
	if (rc != 0)
		out[0] = '\0';
	out[strcspn(out, "\t\n")] = '\0';
	return out;
}

const char *xf_day(int days, char out[16])
{
	time_t t = time(NULL) + (time_t)days * 86400;
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 16, "%Y-%m-%d", &tm);
	return out;
}

long xf_call(const struct it_session *s, const char *method, const char *path, const char *if_match,
             const char *json, struct it_resp *r)
{
	if (it_call(s, method, path, if_match, json, r) != 0)
		return -1;
	return r->status;
}

/* The enrollment object of a request body. */
static void enrollment_body(char *out, size_t n, long long program, int location,
                            const char *applied, const char *participated)
{
	if (participated)
		snprintf(
		        out, n,
		        "{\"program_id\": %lld, \"location_id\": %d, \"application_date\": \"%s\", "
		        "\"participation_date\": \"%s\", \"status\": \"enrolled\"}",
		        program, location, applied, participated);
	else
		snprintf(
		        out, n,
		        "{\"program_id\": %lld, \"location_id\": %d, \"application_date\": \"%s\", "
		        "\"status\": \"referred\"}",
		        program, location, applied);
}

long long xf_enroll(const struct it_session *s, const char *first, const char *last,
                    long long program, int location, const char *applied, const char *participated,
                    long long *participant)
{
	char enr[512], body[1024];
	struct it_resp r;
	long long eid = 0;

	enrollment_body(enr, sizeof(enr), program, location, applied, participated);
	snprintf(body, sizeof(body),
	         "{\"first_name\": \"%s\", \"last_name\": \"%s\", \"date_of_birth\": "
	         "\"1979-07-10\", \"ssn_last4\": \"%04d\", \"confirm_duplicate\": true, "
	         "\"enrollment\": %s}",
	         first, last, rand() % 10000, enr);
	if (xf_call(s, "POST", "/api/v1/participants", NULL, body, &r) == 201) {
		eid = it_json_int(&r, "enrollments.0.id", 0);
		if (participant)
			*participant = it_json_int(&r, "id", 0);
	} else {
		fprintf(stderr, "\n    create participant: %ld %s", r.status, r.body);
	}
	it_resp_free(&r);
	return eid;
}

long long xf_enroll_again(const struct it_session *s, long long participant, long long program,
                          int location, const char *applied, const char *participated)
{
	char body[512], path[96];
	struct it_resp r;
	long long eid = 0;

	enrollment_body(body, sizeof(body), program, location, applied, participated);
	snprintf(path, sizeof(path), "/api/v1/participants/%lld/enrollments", participant);
	if (xf_call(s, "POST", path, NULL, body, &r) == 201)
		eid = it_json_int(&r, "id", 0);
	else
		fprintf(stderr, "\n    second enrollment: %ld %s", r.status, r.body);
	it_resp_free(&r);
	return eid;
}

long long xf_service(const struct it_session *s, long long enrollment, long long type,
                     const char *status, const char *start, const char *end)
{
	char body[512], path[96], e[64] = "";
	struct it_resp r;
	long long id = 0;

	if (end)
		snprintf(e, sizeof(e), ", \"end_date\": \"%s\"", end);
	snprintf(body, sizeof(body),
	         "{\"service_type_id\": %lld, \"status\": \"%s\", \"start_date\": \"%s\"%s}", type,
	         status, start, e);
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/services", enrollment);
	if (xf_call(s, "POST", path, NULL, body, &r) == 201)
		id = it_json_int(&r, "id", 0);
	else
		fprintf(stderr, "\n    add service: %ld %s", r.status, r.body);
	it_resp_free(&r);
	return id;
}

long xf_service_close(const struct it_session *s, long long id, const char *status, const char *end)
{
	char path[96], etag[32] = "", body[256];
	struct it_resp r;
	long st;

	snprintf(path, sizeof(path), "/api/v1/services/%lld", id);
	if (xf_call(s, "GET", path, NULL, NULL, &r) != 200 ||
	    !it_header(&r, "ETag", etag, sizeof(etag))) {
		it_resp_free(&r);
		return -1;
	}
	it_resp_free(&r);
	snprintf(body, sizeof(body), "{\"status\": \"%s\", \"end_date\": \"%s\"}", status, end);
	st = xf_call(s, "PATCH", path, etag, body, &r);
	if (st != 200)
		fprintf(stderr, "\n    close service: %ld %s", r.status, r.body);
	it_resp_free(&r);
	return st;
}

long long xf_document(const struct it_session *s, long long participant, const char *filename)
{
	static const char text[] = "Verification document for an exit test.\n";
	char path[256], cookie[160], csrf[100];
	const char *h[4];
	struct it_resp r;
	long long id = 0;

	snprintf(path, sizeof(path), "/api/v1/documents?participant_id=%lld&filename=%s",
	         participant, filename);
	snprintf(cookie, sizeof(cookie), "Cookie: %s", s->cookie);
	snprintf(csrf, sizeof(csrf), "X-CSRF-Token: %s", s->csrf);
	h[0] = cookie;
	h[1] = csrf;
	h[2] = "Content-Type: text/plain; charset=utf-8";
	h[3] = NULL;
	if (it_http("POST", path, h, text, sizeof(text) - 1, &r) == 0 && r.status == 201)
		id = it_json_int(&r, "id", 0);
	else
		fprintf(stderr, "\n    upload: %ld %s", r.status, r.body);
	it_resp_free(&r);
	return id;
}

int xf_sweep(const char *as_of, int batch, char *out, size_t n)
{
	char cmd[1024];
	size_t got = 0;
	FILE *p;
	int st;

	snprintf(cmd, sizeof(cmd), "'%s' -c '%s' sweep --as-of %s --batch %d 2>&1",
	         it_env("PATHWAY_ADMIN_BIN"), it_env("PATHWAY_TEST_CONF"), as_of, batch);
	p = popen(cmd, "r");
	if (!p)
		return -1;
	if (out && n) {
		got = fread(out, 1, n - 1, p);
		out[got] = '\0';
	}
	{
		char sink[512];
		while (fread(sink, 1, sizeof(sink), p) > 0)
			;
	}
	st = pclose(p);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

int xf_has_detail(const struct it_resp *r, const char *field, const char *rule, const char *needle)
{
	char path[64];

	for (int i = 0; i < 32; i++) {
		const char *f, *ru, *pr;
		snprintf(path, sizeof(path), "error.details.%d.problem", i);
		pr = it_json_str(r, path);
		if (!pr)
			break;
		snprintf(path, sizeof(path), "error.details.%d.field", i);
		f = it_json_str(r, path);
		snprintf(path, sizeof(path), "error.details.%d.rule", i);
		ru = it_json_str(r, path);
		if ((!field || (f && !strcmp(f, field))) && (!rule || (ru && !strcmp(ru, rule))) &&
		    (!needle || strstr(pr, needle)))
			return 1;
	}
	return 0;
}

int xf_item_met(const struct it_resp *r, const char *code, const char **why)
{
	char path[64];

	for (int i = 0; i < 32; i++) {
		const char *c;
		json_object *met = NULL, *item;
		snprintf(path, sizeof(path), "checklist.%d.code", i);
		c = it_json_str(r, path);
		if (!c)
			break;
		if (strcmp(c, code))
			continue;
		snprintf(path, sizeof(path), "checklist.%d.why", i);
		if (why)
			*why = it_json_str(r, path);
		item = json_object_array_get_idx(json_object_object_get(r->json, "checklist"),
		                                 (size_t)i);
		json_object_object_get_ex(item, "met", &met);
		return json_object_get_boolean(met) ? 1 : 0;
	}
	return -1;
}

int xf_contains(const char *s, const char *needle)
{
	return s != NULL && strstr(s, needle) != NULL;
}

long long xf_audit_count(const char *entity, long long id, const char *action)
{
	return xf_sql_num("SELECT COUNT(*) FROM audit_log WHERE entity = '%s' AND entity_id = %lld "
	                  "AND action = '%s'",
	                  entity, id, action);
}
