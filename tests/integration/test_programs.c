/*
 * test_programs.c: program profiles over HTTP (issue 4, "Program profiles
 * (data, not code)"): the seven shipped profiles read back with their
 * items, who may change them (R-ACL-2), If-Match, every kind of bad
 * document refused with nothing written, and a brand-new program added and
 * edited through the API alone, with no C change.
 */
#include "itest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The member at a dotted path of o ("service_types.3.code"), or NULL. */
static json_object *at(json_object *o, const char *path)
{
	char key[64];

	while (o && *path) {
		const char *dot = strchr(path, '.');
		size_t n = dot ? (size_t)(dot - path) : strlen(path);

		if (n >= sizeof(key))
			return NULL;
		memcpy(key, path, n);
		key[n] = '\0';
		if (json_object_is_type(o, json_type_array))
			o = json_object_array_get_idx(o, (size_t)atoi(key));
		else if (!json_object_object_get_ex(o, key, &o))
			return NULL;
		path += n + (dot ? 1 : 0);
	}
	return o;
}

/* 1 for true, 0 for false, -1 when the member is not a boolean. */
static int bool_at(const struct it_resp *r, const char *path)
{
	json_object *o = at(r->json, path);

	return o && json_object_is_type(o, json_type_boolean) ? json_object_get_boolean(o) : -1;
}

static size_t len_at(const struct it_resp *r, const char *path)
{
	json_object *o = at(r->json, path);

	return o && json_object_is_type(o, json_type_array) ? json_object_array_length(o) : 0;
}

/* The service type with code in a profile answer, or NULL. */
static json_object *service_type(const struct it_resp *r, const char *code)
{
	json_object *list = at(r->json, "service_types");

	for (size_t i = 0; list && i < json_object_array_length(list); i++) {
		json_object *st = json_object_array_get_idx(list, i), *c = NULL;
		if (json_object_object_get_ex(st, "code", &c) &&
		    !strcmp(json_object_get_string(c), code))
			return st;
	}
	return NULL;
}

static const char *member_str(json_object *o, const char *name)
{
	json_object *v = NULL;

	return o && json_object_object_get_ex(o, name, &v) && v ? json_object_get_string(v) : NULL;
}

static long long member_int(json_object *o, const char *name)
{
	json_object *v = NULL;

	return o && json_object_object_get_ex(o, name, &v) ? json_object_get_int64(v) : -1;
}

static int member_bool(json_object *o, const char *name)
{
	json_object *v = NULL;

	return o && json_object_object_get_ex(o, name, &v) &&
	                       json_object_is_type(v, json_type_boolean)
	               ? json_object_get_boolean(v)
	               : -1;
}

static long count_rows(const char *sql)
{
	char cmd[1024], out[64];

	snprintf(cmd, sizeof(cmd), "sql \"%s\"", sql);
	if (it_ctl(cmd, out, sizeof(out)) != 0)
		return -1;
	return atol(out);
}

/* Every table a profile write touches, for "nothing was written". */
static const char *const profile_counts[] = {
        "SELECT COUNT(*) FROM programs",
        "SELECT COUNT(*) FROM program_checklist_items",
        "SELECT COUNT(*) FROM program_summary_items",
        "SELECT COUNT(*) FROM program_exit_reasons",
        "SELECT COUNT(*) FROM program_service_types",
        "SELECT COUNT(*) FROM audit_log WHERE entity = 'program'",
        "SELECT COALESCE(SUM(version), 0) FROM programs",
        "SELECT COALESCE(SUM(active), 0) FROM program_service_types",
};

static void snapshot(long *out)
{
	for (size_t i = 0; i < IT_LEN(profile_counts); i++)
		out[i] = count_rows(profile_counts[i]);
}

static void fetch(const struct it_session *s, long long id, struct it_resp *r)
{
	char path[64];

	snprintf(path, sizeof(path), "/api/v1/programs/%lld", id);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, r), 0);
	CU_ASSERT_EQUAL(r->status, 200);
}

static void the_seven_shipped_profiles_are_listed_and_read_with_their_items(void)
{
	static const char *const codes[] = {"wioa_adult",      "wioa_dw",  "wioa_youth", "snap_jp",
	                                    "snap_to_success", "earnfare", "cwork"};
	const struct it_session *s = it_statewide();
	struct it_resp r;
	json_object *st;
	char etag[32];

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", "/api/v1/programs", NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT(len_at(&r, "items") >= 7);
	for (size_t i = 0; i < IT_LEN(codes); i++) {
		char path[48];
		snprintf(path, sizeof(path), "items.%zu.code", i);
		CU_ASSERT(it_json_str(&r, path) && !strcmp(it_json_str(&r, path), codes[i]));
	}
	it_resp_free(&r);

	/* WIOA Adult: R-CHK-1, workNet summary, CalJOBS hard reasons, catalog. */
	fetch(s, 1, &r);
	CU_ASSERT_PTR_NOT_NULL(it_header(&r, "ETag", etag, sizeof(etag)));
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "code"), "wioa_adult");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "common_exit_group"), "wioa");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "follow_up_rule"),
	                       "after_first_employment_12_months");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "checklist.0.code"), "services_complete");
	CU_ASSERT_EQUAL(bool_at(&r, "checklist.0.required"), 1);
	CU_ASSERT(strlen(it_json_str(&r, "checklist.0.label")) > 10);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "checklist.1.code"), "school_status_at_exit");
	CU_ASSERT_EQUAL(bool_at(&r, "checklist.1.required"), 1);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "checklist.3.code"), "msg_entered");
	CU_ASSERT_EQUAL(bool_at(&r, "checklist.3.required"), 0);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "checklist.4.code"), "credentials_entered");
	CU_ASSERT_EQUAL(bool_at(&r, "checklist.4.required"), 0);
	CU_ASSERT_EQUAL(len_at(&r, "summary"), 5);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "summary.4.code"), "followup_complete");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "summary.4.label"), "Follow-up is complete.");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "hard_exit_reasons.0.code"), "01");
	CU_ASSERT_PTR_NOT_NULL(it_json_str(&r, "hard_exit_reasons.0.label"));
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "hard_exit_reasons.4.code"), "05");
	CU_ASSERT_EQUAL(bool_at(&r, "hard_exit_needs_document"), 1);
	CU_ASSERT(len_at(&r, "exit_reasons") >= 5);
	st = service_type(&r, "SELF_SERVICE");
	CU_ASSERT_EQUAL(member_bool(st, "extends_exit"), 0);
	CU_ASSERT_EQUAL(member_bool(st, "self_service"), 1);
	st = service_type(&r, "OJT");
	CU_ASSERT_EQUAL(member_int(st, "id"), 113);
	CU_ASSERT_EQUAL(member_bool(st, "education_training"), 1);
	CU_ASSERT_EQUAL(member_bool(st, "ojt_customized"), 1);
	CU_ASSERT_EQUAL(member_bool(service_type(&r, "FOLLOW_UP"), "followup"), 1);
	it_resp_free(&r);

	fetch(s, 3, &r);
	CU_ASSERT_EQUAL(bool_at(&r, "is_youth"), 1);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "system_code"), "worknet");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "follow_up_rule"), "youth_12_months_after_exit");
	it_resp_free(&r);

	/* SNAP to Success: R-CHK-2, the ISETS summary and Billy Elliott's activities. */
	fetch(s, 5, &r);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "system_code"), "isets");
	CU_ASSERT_PTR_NULL(it_json_str(&r, "common_exit_group"));
	CU_ASSERT_EQUAL(bool_at(&r, "supportive_extends_exit"), 0);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "checklist.0.code"),
	                       "activities_complete_except_supportive");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "checklist.4.code"),
	                       "completion_status_and_outcome_reason");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "checklist.5.code"), "program_completion_date");
	CU_ASSERT_EQUAL(bool_at(&r, "checklist.5.required"), 1);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "summary.0.label"),
	                       "Successfully completed a SNAP E&T Activity.");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "summary.3.code"), "employment_retained_90_days");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "summary.4.label"),
	                       "Exited from program. (Successful/Unsuccessful)");
	CU_ASSERT_EQUAL(len_at(&r, "hard_exit_reasons"), 0);
	CU_ASSERT_STRING_EQUAL(member_str(service_type(&r, "BE"), "name"),
	                       "BE - Basic Education (ABE/GED)");
	CU_ASSERT_EQUAL(member_int(service_type(&r, "BE"), "id"), 504);
	CU_ASSERT_STRING_EQUAL(member_str(service_type(&r, "SJS"), "name"),
	                       "SJS - Supervised Job Search");
	CU_ASSERT_STRING_EQUAL(member_str(service_type(&r, "VT"), "name"),
	                       "VT - Vocational Training");
	st = service_type(&r, "TRANS");
	CU_ASSERT_STRING_EQUAL(member_str(st, "name"), "Transportation");
	CU_ASSERT_EQUAL(member_bool(st, "supportive"), 1);
	CU_ASSERT_EQUAL(member_bool(st, "has_amount"), 1);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "settings.isets_program"), "snap_to_success");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "completion_statuses.0.label"),
	                       "Exited - Unsuccessful Completion");
	CU_ASSERT_EQUAL(len_at(&r, "completion_statuses.1.outcome_reasons"), 0);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "completion_statuses.2.outcome_reasons.4.label"),
	                       "Successful - Completed Requirements");
	it_resp_free(&r);

	fetch(s, 6, &r);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "name"), "Earnfare");
	CU_ASSERT_PTR_NOT_NULL(service_type(&r, "WF"));
	it_resp_free(&r);

	/* C-Work: R-CHK-3, its five exit reasons with the seed's labels, trackers. */
	fetch(s, 7, &r);
	CU_ASSERT_EQUAL(len_at(&r, "checklist"), 9);
	for (size_t i = 0; i < len_at(&r, "checklist"); i++) {
		char path[48];
		snprintf(path, sizeof(path), "checklist.%zu.required", i);
		CU_ASSERT_EQUAL(bool_at(&r, path), 1);
	}
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "exit_reasons.0.label"), "Program completion");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "exit_reasons.1.label"),
	                       "Unable to complete program");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "exit_reasons.4.code"), "groups_classes_only");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "exit_reasons.4.label"), "Groups/Classes Only");
	CU_ASSERT_EQUAL(bool_at(&r, "offers_not_enrolled"), 1);
	CU_ASSERT_EQUAL(it_json_int(&r, "fiscal_year_start_month", 0), 7);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "settings.trackers.intervention.fields.0.code"),
	                       "status");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "settings.trackers.ece_course.fields.2.type"),
	                       "attendance");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "settings.trackers.housing.fields.0.code"),
	                       "housing_stage");
	CU_ASSERT_PTR_NOT_NULL(service_type(&r, "WORKSHOP"));
	it_resp_free(&r);

	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", "/api/v1/programs/999999", NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
}

/* A complete, valid profile document; %s is its code. */
static const char new_program_fmt[] =
        "{\"code\": \"%s\", \"name\": \"Reentry Employment Pilot\", \"system_code\": "
        "\"caljobs\", \"fiscal_year_start_month\": 10, \"follow_up_rule\": "
        "\"after_first_employment_12_months\", \"hard_exit_reasons\": [\"01\", \"03\", \"07\"], "
        "\"hard_exit_needs_document\": true, \"common_exit_group\": \"reentry\", "
        "\"checklist\": [{\"code\": \"services_complete\", \"required\": true}, "
        "{\"code\": \"exit_reason\", \"required\": true}, "
        "{\"code\": \"exit_comments\", \"required\": false}], "
        "\"summary\": [\"services_complete\", {\"code\": \"employment_gained\"}, \"exited\"], "
        "\"exit_reasons\": [{\"code\": \"placed\", \"label\": \"Placed in a job\"}, "
        "{\"code\": \"reincarcerated\", \"label\": \"Returned to custody\"}], "
        "\"service_types\": [{\"code\": \"INTAKE\", \"name\": \"Reentry intake\"}, "
        "{\"code\": \"TRANSITIONAL_JOB\", \"name\": \"Transitional job\", "
        "\"education_training\": true, \"ojt_customized\": true}, "
        "{\"code\": \"BUS_PASS\", \"name\": \"Bus pass\", \"supportive\": true, "
        "\"has_amount\": true}, {\"code\": \"ORIENTATION\", \"name\": \"Orientation\", "
        "\"info_only\": true}], "
        "\"settings\": {\"wording\": {\"exit_note\": \"Talk to the parole officer first.\"}}}";

/* POSTs a new program as s; returns its id (0 on failure) and its ETag. */
static long long create_program(const struct it_session *s, const char *code, long *status,
                                char *etag, size_t etag_len)
{
	char body[sizeof(new_program_fmt) + 64];
	struct it_resp r;
	long long id;

	snprintf(body, sizeof(body), new_program_fmt, code);
	if (it_call(s, "POST", "/api/v1/programs", NULL, body, &r) != 0)
		return 0;
	*status = r.status;
	id = r.status == 201 ? it_json_int(&r, "id", 0) : 0;
	if (etag && !it_header(&r, "ETag", etag, etag_len))
		etag[0] = '\0';
	it_resp_free(&r);
	return id;
}

static void a_new_program_is_added_and_edited_with_no_c_change(void)
{
	const struct it_session *s = it_statewide();
	struct it_resp r;
	char code[32], etag[32], loc[128], path[64], body[4096];
	long long id, intake_id, job_id;
	json_object *doc, *types;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	snprintf(code, sizeof(code), "reentry_%ld", (long)time(NULL) % 1000000);
	snprintf(body, sizeof(body), new_program_fmt, code);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", "/api/v1/programs", NULL, body, &r), 0);
	CU_ASSERT_EQUAL_FATAL(r.status, 201);
	id = it_json_int(&r, "id", 0);
	CU_ASSERT(id > 7);
	CU_ASSERT_PTR_NOT_NULL(it_header(&r, "Location", loc, sizeof(loc)));
	CU_ASSERT_PTR_NOT_NULL(it_header(&r, "ETag", etag, sizeof(etag)));
	CU_ASSERT_STRING_EQUAL(etag, "\"1\"");
	it_resp_free(&r);

	/* Read back: everything as sent, labels from the rules, defaults filled. */
	fetch(s, id, &r);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "code"), code);
	CU_ASSERT_EQUAL(it_json_int(&r, "fiscal_year_start_month", 0), 10);
	CU_ASSERT_EQUAL(it_json_int(&r, "planned_grace_days", 0), 14);
	CU_ASSERT_EQUAL(bool_at(&r, "supportive_extends_exit"), 1);
	CU_ASSERT_EQUAL(bool_at(&r, "is_youth"), 0);
	CU_ASSERT_EQUAL(bool_at(&r, "active"), 1);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "hard_exit_reasons.2.code"), "07");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "checklist.1.code"), "exit_reason");
	CU_ASSERT_PTR_NOT_NULL(it_json_str(&r, "checklist.1.label"));
	CU_ASSERT_EQUAL(bool_at(&r, "checklist.2.required"), 0);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "summary.1.label"), "Gained employment.");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "exit_reasons.1.label"), "Returned to custody");
	CU_ASSERT_EQUAL(len_at(&r, "service_types"), 4);
	CU_ASSERT_EQUAL(member_bool(service_type(&r, "INTAKE"), "extends_exit"), 1);
	/* Information-only types default to not extending exit (R-SVC-2). */
	CU_ASSERT_EQUAL(member_bool(service_type(&r, "ORIENTATION"), "extends_exit"), 0);
	CU_ASSERT_EQUAL(member_bool(service_type(&r, "BUS_PASS"), "has_amount"), 1);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "settings.wording.exit_note"),
	                       "Talk to the parole officer first.");
	intake_id = member_int(service_type(&r, "INTAKE"), "id");
	job_id = member_int(service_type(&r, "TRANSITIONAL_JOB"), "id");
	CU_ASSERT(intake_id > 0 && job_id > 0);

	/* Edit the catalog the way a client does: take the GET answer, change
	 * it, PUT it back. Drop BUS_PASS, add MENTOR, rename INTAKE. */
	doc = json_object_get(r.json);
	it_resp_free(&r);
	json_object_object_get_ex(doc, "service_types", &types);
	for (size_t i = 0; i < json_object_array_length(types); i++) {
		json_object *t = json_object_array_get_idx(types, i);
		if (!strcmp(member_str(t, "code"), "BUS_PASS")) {
			json_object_array_del_idx(types, i, 1);
			break;
		}
	}
	json_object_object_add(json_object_array_get_idx(types, 0), "name",
	                       json_object_new_string("Reentry intake and assessment"));
	json_object_array_add(
	        types, json_tokener_parse("{\"code\": \"MENTOR\", \"name\": \"Peer mentoring\"}"));
	snprintf(path, sizeof(path), "/api/v1/programs/%lld", id);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PUT", path, etag, json_object_to_json_string(doc), &r),
	                      0);
	json_object_put(doc);
	if (r.status != 200)
		fprintf(stderr, "\n    PUT: %ld %s", r.status, r.body);
	CU_ASSERT_EQUAL_FATAL(r.status, 200);
	CU_ASSERT_EQUAL(it_json_int(&r, "version", 0), 2);
	CU_ASSERT_EQUAL(member_int(service_type(&r, "INTAKE"), "id"), intake_id);
	CU_ASSERT_STRING_EQUAL(member_str(service_type(&r, "INTAKE"), "name"),
	                       "Reentry intake and assessment");
	CU_ASSERT_EQUAL(member_int(service_type(&r, "TRANSITIONAL_JOB"), "id"), job_id);
	/* A dropped code stays (services may refer to it) but is retired. */
	CU_ASSERT_EQUAL(member_bool(service_type(&r, "BUS_PASS"), "active"), 0);
	CU_ASSERT_EQUAL(member_bool(service_type(&r, "MENTOR"), "active"), 1);
	CU_ASSERT(member_int(service_type(&r, "MENTOR"), "id") > job_id);
	it_resp_free(&r);

	/* Audited with before and after (R-ACL-3). */
	snprintf(path, sizeof(path), "/api/v1/audit?entity=program&id=%lld", id);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "items.0.action"), "update");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "items.0.before.service_types.0.name"),
	                       "Reentry intake");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "items.0.after.service_types.0.name"),
	                       "Reentry intake and assessment");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "items.1.action"), "create");
	it_resp_free(&r);

	/* The list shows it too. */
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", "/api/v1/programs?limit=500", NULL, NULL, &r), 0);
	CU_ASSERT(strstr(r.body, code) != NULL);
	it_resp_free(&r);

	/* And it works end to end with no C change: a participant enrolls in it,
	 * gets a service of its catalog, is held back by its own checklist, and
	 * exits with one of its own exit reasons. */
	{
		long long pid, eid, sid;
		char etag2[32];

		snprintf(body, sizeof(body),
			 "{\"first_name\": \"Newprogram\", \"last_name\": \"Tester%s\", "
			 "\"date_of_birth\": \"1988-08-08\", \"confirm_duplicate\": true, "
			 "\"enrollment\": {\"program_id\": %lld, \"location_id\": 1, "
			 "\"application_date\": \"2025-02-03\", \"participation_date\": "
			 "\"2025-02-03\", \"status\": \"enrolled\"}}",
			 code, id);
		CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", "/api/v1/participants", NULL, body, &r), 0);
		CU_ASSERT_EQUAL_FATAL(r.status, 201);
		pid = it_json_int(&r, "id", 0);
		eid = it_json_int(&r, "enrollments.0.id", 0);
		CU_ASSERT_STRING_EQUAL(it_json_str(&r, "enrollments.0.program_code"), code);
		it_resp_free(&r);
		CU_ASSERT_FATAL(pid > 0 && eid > 0);

		snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/services", eid);
		snprintf(body, sizeof(body),
			 "{\"service_type_id\": %lld, \"status\": \"open\", \"start_date\": "
			 "\"2025-02-10\"}",
			 intake_id);
		CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", path, NULL, body, &r), 0);
		CU_ASSERT_EQUAL_FATAL(r.status, 201);
		sid = it_json_int(&r, "id", 0);
		CU_ASSERT_PTR_NOT_NULL(it_header(&r, "ETag", etag2, sizeof(etag2)));
		it_resp_free(&r);

		/* Its checklist, as the profile lists it, holds the exit back. */
		snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/exit", eid);
		CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
		CU_ASSERT_EQUAL(r.status, 200);
		CU_ASSERT_STRING_EQUAL(it_json_str(&r, "checklist.0.code"), "services_complete");
		CU_ASSERT_STRING_EQUAL(it_json_str(&r, "checklist.1.code"), "exit_reason");
		CU_ASSERT_STRING_EQUAL(it_json_str(&r, "checklist.2.code"), "exit_comments");
		it_resp_free(&r);
		CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", path, NULL,
					      "{\"kind\": \"regular\", \"exit_date\": "
					      "\"2025-03-01\", \"exit_reason\": \"placed\"}",
					      &r),
				      0);
		CU_ASSERT_EQUAL(r.status, 409);
		CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "exit_blocked");
		it_resp_free(&r);

		snprintf(path, sizeof(path), "/api/v1/services/%lld", sid);
		CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", path, etag2,
					      "{\"status\": \"completed_successful\", "
					      "\"end_date\": \"2025-02-28\"}",
					      &r),
				      0);
		CU_ASSERT_EQUAL(r.status, 200);
		it_resp_free(&r);
		snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/exit", eid);
		/* Its own exit reasons, and no other program's. */
		CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", path, NULL,
					      "{\"kind\": \"regular\", \"exit_date\": "
					      "\"2025-03-01\", \"exit_reason\": \"program_completion\"}",
					      &r),
				      0);
		/* (the exit_reason checklist item refuses it, naming the field) */
		CU_ASSERT_EQUAL(r.status, 409);
		CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.details.0.field"), "exit_reason");
		it_resp_free(&r);
		CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", path, NULL,
					      "{\"kind\": \"regular\", \"exit_date\": "
					      "\"2025-03-01\", \"exit_reason\": \"placed\"}",
					      &r),
				      0);
		if (r.status != 200)
			fprintf(stderr, "\n    exit: %ld %s", r.status, r.body);
		CU_ASSERT_EQUAL(r.status, 200);
		CU_ASSERT_STRING_EQUAL(it_json_str(&r, "exit.kind"), "regular");
		CU_ASSERT_STRING_EQUAL(it_json_str(&r, "exit.exit_reason_label"), "Placed in a job");
		it_resp_free(&r);
	}
}

static void a_profile_change_needs_the_current_version(void)
{
	const struct it_session *s = it_statewide();
	struct it_resp r;
	char code[32], etag[32], path[64], body[sizeof(new_program_fmt) + 64];
	long status = 0;
	long long id;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	snprintf(code, sizeof(code), "ifmatch_%ld", (long)time(NULL) % 1000000);
	id = create_program(s, code, &status, etag, sizeof(etag));
	CU_ASSERT_EQUAL_FATAL(status, 201);
	snprintf(path, sizeof(path), "/api/v1/programs/%lld", id);
	snprintf(body, sizeof(body), new_program_fmt, code);

	CU_ASSERT_EQUAL_FATAL(it_call(s, "PUT", path, NULL, body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 428);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PUT", path, "\"9\"", body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 412);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PUT", path, etag, body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_EQUAL(it_json_int(&r, "version", 0), 2);
	it_resp_free(&r);
	/* The first writer's version is stale now: no lost update. */
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PUT", path, etag, body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 412);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "version_mismatch");
	it_resp_free(&r);
	fetch(s, id, &r);
	CU_ASSERT_EQUAL(it_json_int(&r, "version", 0), 2);
	it_resp_free(&r);
}

struct role_case {
	const char *login, *totp;
	long read, write; /* GET /programs/1; POST /programs */
};

static const struct role_case role_cases[] = {
        {"state.admin", IT_STATE_TOTP, 200, 201},
        {"pm.lee", IT_PM_TOTP, 200, 201},
        {"int.ortiz", NULL, 200, 403},
        {"staff25.lao", NULL, 200, 403},
        /* A participant's own account reads them too (no personal data;
         * their view labels their records with them) and changes nothing. */
        {"billy.elliott", NULL, 200, 403},
};

static void every_account_reads_profiles_and_only_statewide_and_pms_change_them(void)
{
	const struct it_session *admin = it_statewide();
	long long target;
	long status = 0;
	char code[32], etag[32], path[64], body[sizeof(new_program_fmt) + 64];

	CU_ASSERT_PTR_NOT_NULL_FATAL(admin);
	snprintf(code, sizeof(code), "roles_%ld", (long)time(NULL) % 1000000);
	target = create_program(admin, code, &status, etag, sizeof(etag));
	CU_ASSERT_EQUAL_FATAL(status, 201);
	snprintf(path, sizeof(path), "/api/v1/programs/%lld", target);
	for (size_t i = 0; i < IT_LEN(role_cases); i++) {
		const struct role_case *c = &role_cases[i];
		struct it_session s;
		struct it_resp r;
		char mine[64];
		long st = it_sign_in(c->login, IT_DEMO_PASSWORD, c->totp, &s);
		long before = count_rows("SELECT COUNT(*) FROM programs");

		CU_ASSERT(st == 200 || st == 201);
		CU_ASSERT_EQUAL_FATAL(it_call(&s, "GET", "/api/v1/programs", NULL, NULL, &r), 0);
		CU_ASSERT_EQUAL(r.status, 200);
		it_resp_free(&r);
		CU_ASSERT_EQUAL_FATAL(it_call(&s, "GET", "/api/v1/programs/1", NULL, NULL, &r), 0);
		CU_ASSERT_EQUAL(r.status, c->read);
		it_resp_free(&r);

		snprintf(mine, sizeof(mine), "%s_%zu", code, i);
		create_program(&s, mine, &st, NULL, 0);
		if (st != c->write)
			fprintf(stderr, "\n    %s: POST programs %ld", c->login, st);
		CU_ASSERT_EQUAL(st, c->write);
		CU_ASSERT_EQUAL(count_rows("SELECT COUNT(*) FROM programs"),
		                before + (c->write == 201));

		/* PUT: 403 for partners whatever the version; editors succeed. */
		snprintf(body, sizeof(body), new_program_fmt, code);
		CU_ASSERT_EQUAL_FATAL(it_call(&s, "PUT", path, etag, body, &r), 0);
		CU_ASSERT_EQUAL(r.status, c->write == 201 ? 200 : 403);
		if (r.status == 200)
			it_header(&r, "ETag", etag, sizeof(etag));
		it_resp_free(&r);
	}
}

struct bad_case {
	const char *what;
	const char *member; /* top-level member to replace (NULL: none) */
	const char *value;  /* its new JSON value; NULL removes it */
	long status;
	const char *field; /* details.0.field expected, or NULL */
	const char *rule;  /* details.0.rule expected, or NULL */
};

static const struct bad_case bad_cases[] = {
        {"missing name", "name", NULL, 422, "name", NULL},
        {"missing service types", "service_types", NULL, 422, "service_types", NULL},
        {"wrong type", "is_youth", "\"yes\"", 422, "is_youth", NULL},
        {"checklist not a list", "checklist", "{}", 422, "checklist", NULL},
        {"unknown system", "system_code", "\"sap\"", 422, "system_code", NULL},
        {"unknown checklist item", "checklist", "[{\"code\": \"has_a_pulse\", \"required\": true}]",
         422, "checklist", "R-CHK"},
        {"checklist item listed twice", "checklist",
         "[{\"code\": \"services_complete\", \"required\": true}, {\"code\": "
         "\"services_complete\", \"required\": false}]",
         422, "checklist", "R-CHK"},
        {"checklist item without required", "checklist", "[{\"code\": \"services_complete\"}]", 422,
         "checklist[0].required", NULL},
        {"unknown summary item", "summary", "[\"happiness\"]", 422, "summary", "R-SUM-1"},
        {"unknown follow-up rule", "follow_up_rule", "\"weekly_forever\"", 422, "follow_up_rule",
         "R-FUP-1"},
        {"unknown hard reason", "hard_exit_reasons", "[\"09\"]", 422, "hard_exit_reasons",
         "R-EXIT-4"},
        {"hard reason listed twice", "hard_exit_reasons", "[\"01\", \"01\"]", 422,
         "hard_exit_reasons", "R-EXIT-4"},
        {"fiscal month 13", "fiscal_year_start_month", "13", 422, "fiscal_year_start_month",
         "R-DATE-3"},
        {"fiscal month 0", "fiscal_year_start_month", "0", 422, "fiscal_year_start_month",
         "R-DATE-3"},
        {"oversize name", "name",
         "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
         "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
         "xxxxxxxxxxxxxxxxxxx\"",
         422, "name", NULL},
        {"unknown member", "colour", "\"red\"", 422, "colour", NULL},
        {"bad code", "code", "\"Has Spaces\"", 422, "code", NULL},
        {"no service types", "service_types", "[]", 422, "service_types", "R-SVC-2"},
        {"service type listed twice", "service_types",
         "[{\"code\": \"A\", \"name\": \"A\"}, {\"code\": \"A\", \"name\": \"B\"}]", 422,
         "service_types[1].code", "R-SVC-2"},
        {"self-service that extends exit", "service_types",
         "[{\"code\": \"S\", \"name\": \"S\", \"self_service\": true, \"extends_exit\": true}]",
         422, "service_types[0].extends_exit", "R-SVC-2"},
        {"OJT that is not training", "service_types",
         "[{\"code\": \"OJT\", \"name\": \"OJT\", \"ojt_customized\": true}]", 422,
         "service_types[0].ojt_customized", "R-PERF-3"},
        {"service type flag of the wrong type", "service_types",
         "[{\"code\": \"A\", \"name\": \"A\", \"supportive\": 1}]", 422,
         "service_types[0].supportive", NULL},
        {"exit reason listed twice", "exit_reasons",
         "[{\"code\": \"a\", \"label\": \"A\"}, {\"code\": \"a\", \"label\": \"B\"}]", 422,
         "exit_reasons[1].code", "R-EXIT-3"},
        {"exit reason without label", "exit_reasons", "[{\"code\": \"a\"}]", 422,
         "exit_reasons[0].label", NULL},
        {"unknown settings section", "settings", "{\"colour\": \"red\"}", 422, "settings.colour",
         NULL},
        {"unknown ISETS program", "settings", "{\"isets_program\": \"snap_xx\"}", 422,
         "settings.isets_program", "R-CHK-2"},
        {"outcome reason with the wrong status", "settings",
         "{\"completion_statuses\": [{\"code\": \"exited_successful\", \"outcome_reasons\": "
         "[\"unsuccessful_moved_out_of_area\"]}]}",
         422, "settings.completion_statuses[0].outcome_reasons[0]", "R-CHK-2"},
        {"unknown tracker type", "settings", "{\"trackers\": {\"spaceship\": {\"fields\": []}}}",
         422, "settings.trackers.spaceship", "R-CHK-3"},
        {"select field without options", "settings",
         "{\"trackers\": {\"income\": {\"fields\": [{\"code\": \"period\", \"label\": \"Per\", "
         "\"type\": \"select\"}]}}}",
         422, "settings.trackers.income.fields[0].options", "R-CHK-3"},
};

/* Applies one bad case to the valid document with code; returns JSON text
 * the caller frees. */
static char *bad_document(const struct bad_case *c, const char *code)
{
	char body[sizeof(new_program_fmt) + 64];
	json_object *doc;
	char *out;

	snprintf(body, sizeof(body), new_program_fmt, code);
	doc = json_tokener_parse(body);
	if (!doc)
		return NULL;
	if (c->member) {
		json_object_object_del(doc, c->member);
		if (c->value)
			json_object_object_add(doc, c->member, json_tokener_parse(c->value));
	}
	out = strdup(json_object_to_json_string(doc));
	json_object_put(doc);
	return out;
}

static void check_answer(const struct bad_case *c, const char *method, struct it_resp *r)
{
	const char *field = it_json_str(r, "error.details.0.field");
	const char *rule = it_json_str(r, "error.details.0.rule");
	int ok = r->status == c->status && (!c->field || (field && !strcmp(field, c->field))) &&
	         (!c->rule || (rule && !strcmp(rule, c->rule)));

	if (!ok)
		fprintf(stderr, "\n    %s (%s): %ld %s", c->what, method, r->status, r->body);
	CU_ASSERT(ok);
}

static void every_bad_profile_is_refused_and_nothing_is_written(void)
{
	const struct it_session *s = it_statewide();
	long before[IT_LEN(profile_counts)], after[IT_LEN(profile_counts)], status = 0;
	char code[32], etag[32], path[64], body[sizeof(new_program_fmt) + 64];
	struct it_resp r;
	long long id;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	snprintf(code, sizeof(code), "bad_%ld", (long)time(NULL) % 1000000);
	id = create_program(s, code, &status, etag, sizeof(etag));
	CU_ASSERT_EQUAL_FATAL(status, 201);
	snprintf(path, sizeof(path), "/api/v1/programs/%lld", id);
	snapshot(before);

	for (size_t i = 0; i < IT_LEN(bad_cases); i++) {
		const struct bad_case *c = &bad_cases[i];
		char fresh[48], *doc;

		/* As a new program, and as a replacement of an existing one. */
		snprintf(fresh, sizeof(fresh), "%s_new", code);
		doc = bad_document(c, fresh);
		CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
		CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", "/api/v1/programs", NULL, doc, &r), 0);
		check_answer(c, "POST", &r);
		it_resp_free(&r);
		free(doc);
		doc = bad_document(c, code);
		CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
		CU_ASSERT_EQUAL_FATAL(it_call(s, "PUT", path, etag, doc, &r), 0);
		check_answer(c, "PUT", &r);
		it_resp_free(&r);
		free(doc);
	}

	/* Valid documents refused for what they would do to existing records. */
	snprintf(body, sizeof(body), new_program_fmt, "cwork");
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", "/api/v1/programs", NULL, body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 409);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "duplicate");
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PUT", path, etag, body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 422); /* a program's code never changes */
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.details.0.field"), "code");
	it_resp_free(&r);
	snprintf(body, sizeof(body), new_program_fmt, code);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PUT", "/api/v1/programs/999999", "\"1\"", body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PUT", path, "\"99\"", body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 412);
	it_resp_free(&r);
	{
		/* A service-type id that belongs to another code (or program). */
		struct bad_case c = {"foreign service type id",
		                     "service_types",
		                     "[{\"id\": 404, \"code\": \"INTAKE\", \"name\": \"Intake\"}]",
		                     422,
		                     "service_types[0].id",
		                     NULL};
		char *doc = bad_document(&c, code);
		CU_ASSERT_EQUAL_FATAL(it_call(s, "PUT", path, etag, doc, &r), 0);
		check_answer(&c, "PUT", &r);
		it_resp_free(&r);
		free(doc);
	}
	CU_ASSERT_EQUAL_FATAL(
	        it_call(s, "POST", "/api/v1/programs", NULL, "{\"code\": \"x\", ", &r), 0);
	CU_ASSERT_EQUAL(r.status, 400);
	it_resp_free(&r);

	snapshot(after);
	for (size_t i = 0; i < IT_LEN(profile_counts); i++) {
		if (before[i] != after[i])
			fprintf(stderr, "\n    %s: %ld before, %ld after", profile_counts[i],
			        before[i], after[i]);
		CU_ASSERT_EQUAL(before[i], after[i]);
	}
}

static const struct it_test tests[] = {
        {"the seven shipped profiles are listed and read with their items",
         the_seven_shipped_profiles_are_listed_and_read_with_their_items},
        {"a new program is added and edited through the API with no C change",
         a_new_program_is_added_and_edited_with_no_c_change},
        {"a profile change needs If-Match with the current version",
         a_profile_change_needs_the_current_version},
        {"every account reads profiles and only statewide users and program managers change "
         "them",
         every_account_reads_profiles_and_only_statewide_and_pms_change_them},
        {"every bad profile document is refused and nothing is written",
         every_bad_profile_is_refused_and_nothing_is_written},
};

const struct it_suite it_suite_programs = {"programs", tests, IT_LEN(tests)};
