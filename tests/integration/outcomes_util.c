/*
 * outcomes_util.c: helpers of the outcome-record suites (see outcomes_util.h).
 */
#include "outcomes_util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

long long ot_sql(const char *fmt, ...)
{
	char sql[3072], cmd[3200], out[64];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(sql, sizeof(sql), fmt, ap);
	va_end(ap);
	snprintf(cmd, sizeof(cmd), "sql \"%s\"", sql);
	if (it_ctl(cmd, out, sizeof(out)) != 0)
		return -1;
	return out[0] ? atoll(out) : -1;
}

const char *ot_day(int days, char out[16])
{
	time_t t = time(NULL) + (time_t)days * 86400;
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 16, "%Y-%m-%d", &tm);
	return out;
}

long long ot_enroll(const struct it_session *s, long long program, int loc,
                    const char *participation_date, const char *edu, long long *participant)
{
	static int n;
	char body[1024], edu_member[96] = "";
	struct it_resp r;
	long long eid = 0;

	n++;
	if (edu)
		snprintf(edu_member, sizeof(edu_member), "\"highest_education\": \"%s\", ", edu);
	snprintf(body, sizeof(body),
	         "{\"first_name\": \"Olive\", \"last_name\": \"Outcome%ld%d\", %s"
	         "\"date_of_birth\": \"1990-04-02\", \"ssn_last4\": \"%04d\", "
	         "\"confirm_duplicate\": true, \"enrollment\": {\"program_id\": %lld, "
	         "\"location_id\": %d, \"application_date\": \"%s\", "
	         "\"participation_date\": \"%s\", \"status\": \"enrolled\"}}",
	         (long)time(NULL) % 100000, n, edu_member, (int)(getpid() + n) % 10000, program,
	         loc, participation_date, participation_date);
	if (it_call(s, "POST", "/api/v1/participants", NULL, body, &r) == 0 && r.status == 201) {
		eid = it_json_int(&r, "enrollments.0.id", 0);
		if (participant)
			*participant = it_json_int(&r, "id", 0);
	} else {
		fprintf(stderr, "\n    create participant: %ld %s", r.status, r.body);
	}
	it_resp_free(&r);
	return eid;
}

long long ot_document(long long participant, long long enrollment)
{
	char e[32] = "NULL";

	if (enrollment)
		snprintf(e, sizeof(e), "%lld", enrollment);
	return ot_sql("INSERT INTO documents (participant_id, enrollment_id, filename, "
	              "content_type, size_bytes, sha256, content) VALUES (%lld, %s, "
	              "'evidence.pdf', 'application/pdf', 9, UNHEX(SHA2('%%PDF-1.4 ', 256)), "
	              "'%%PDF-1.4 '); SELECT LAST_INSERT_ID()",
	              participant, e);
}

int ot_exit(long long eid, const char *date, const char *school_status)
{
	char status[80] = "NULL";

	if (school_status)
		snprintf(status, sizeof(status), "'%s'", school_status);
	return ot_sql("UPDATE enrollments SET status = 'exited', exit_kind = 'regular', "
	              "exit_date = '%s', school_status_at_exit = %s WHERE id = %lld; "
	              "SELECT ROW_COUNT()",
	              date, status, eid) == 1
	               ? 0
	               : -1;
}

int ot_has_detail(const struct it_resp *r, const char *field, const char *rule)
{
	char path[64];

	for (int i = 0; i < 32; i++) {
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

long long ot_create(const struct it_session *s, const char *path, const char *json)
{
	struct it_resp r;
	long long id = 0;

	if (it_call(s, "POST", path, NULL, json, &r) == 0 && r.status == 201)
		id = it_json_int(&r, "id", 0);
	else
		fprintf(stderr, "\n    POST %s: %ld %s", path, r.status, r.body);
	it_resp_free(&r);
	return id;
}

int ot_sign_in(const char *login, struct it_session *s)
{
	return it_sign_in(login, IT_DEMO_PASSWORD, NULL, s) == 201 ? 0 : -1;
}
