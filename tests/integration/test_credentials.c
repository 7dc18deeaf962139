/*
 * test_credentials.c: credentials over HTTP (issue 5; R-CRED-1, R-DATE-4,
 * R-ACL-1): the whole form, the last allowed date in every answer, the
 * window's last day accepted and the next refused, the agency code of Los
 * Angeles County, the linked service and the document checked, every bad
 * input refused with its rule and nothing written, versions, and who may
 * read and write.
 *
 * Exits are set with SQL (the exit endpoint is another module's); the
 * services linked are made through the services API.
 */
#include "itest.h"
#include "outcomes_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PART_DATE "2025-01-10"
static long long credential_count(long long eid)
{
	return ot_sql("SELECT COUNT(*) FROM credentials WHERE enrollment_id = %lld", eid);
}

/* A service of enrollment eid made through the API (type 506, SNAP to
 * Success "VT - Vocational Training", migration 0008); its id. */
static long long add_service(const struct it_session *s, long long eid)
{
	char path[96];

	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/services", eid);
	return ot_create(s, path,
	                 "{\"service_type_id\": 506, \"status\": \"open\", "
	                 "\"start_date\": \"2025-01-15\"}");
}

/* POSTs body as a credential of eid; expects 422 naming field with rule,
 * and no new row. */
static void refused(const struct it_session *s, long long eid, const char *body, const char *field,
                    const char *rule)
{
	char path[96];
	struct it_resp r;
	long long before = credential_count(eid);

	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/credentials", eid);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", path, NULL, body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 422);
	if (!ot_has_detail(&r, field, rule))
		fprintf(stderr, "\n    expected %s / %s in %s", field, rule, r.body);
	CU_ASSERT(ot_has_detail(&r, field, rule));
	it_resp_free(&r);
	CU_ASSERT_EQUAL(credential_count(eid), before);
}

static void a_credential_is_recorded_read_listed_changed_and_deleted(void)
{
	const struct it_session *s = it_statewide();
	struct it_resp r;
	char body[1024], path[96], list[96], etag[16];
	long long pid = 0, eid, svc, doc, id, audit;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	eid = ot_enroll(s, OT_SNAP_TO_SUCCESS, OT_LOC_AHS, PART_DATE, NULL, &pid);
	CU_ASSERT_FATAL(eid > 0);
	svc = add_service(s, eid);
	doc = ot_document(pid, eid);
	CU_ASSERT_FATAL(svc > 0 && doc > 0);
	audit = ot_sql("SELECT COUNT(*) FROM audit_log WHERE entity = 'credential'");
	snprintf(list, sizeof(list), "/api/v1/enrollments/%lld/credentials", eid);
	snprintf(body, sizeof(body),
	         "{\"title\": \"Forklift Operator\", \"type\": \"occupational_certification\", "
	         "\"source\": \"copy_of_certificate\", \"institution\": \"City Colleges of "
	         "Chicago\", \"date_attained\": \"2025-03-14\", \"service_id\": %lld, "
	         "\"experience_in_field\": \"no\", \"document_id\": %lld}",
	         svc, doc);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", list, NULL, body, &r), 0);
	CU_ASSERT_EQUAL_FATAL(r.status, 201);
	id = it_json_int(&r, "id", 0);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "type_label"), "Occupational Certification");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "source"), "copy_of_certificate");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "service_name"), "VT - Vocational Training");
	CU_ASSERT_EQUAL(it_json_int(&r, "document_id", 0), doc);
	/* Still enrolled: no upper limit yet, and the member says so. */
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "\"last_allowed_date\":null"));
	CU_ASSERT_PTR_NOT_NULL(it_header(&r, "ETag", etag, sizeof(etag)));
	CU_ASSERT_STRING_EQUAL(etag, "\"1\"");
	it_resp_free(&r);

	/* After the exit every answer shows the last allowed date (R-CRED-1);
	 * the credential stays open (R-SVC-4). */
	CU_ASSERT_EQUAL_FATAL(ot_exit(eid, "2025-03-31", NULL), 0);
	snprintf(path, sizeof(path), "/api/v1/credentials/%lld", id);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "last_allowed_date"), "2026-03-31");
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", list, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.id", 0), id);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "items.0.last_allowed_date"), "2026-03-31");
	CU_ASSERT_PTR_NULL(it_json_str(&r, "next_cursor"));
	it_resp_free(&r);

	/* Change: 428 without If-Match, 200, then 412 for the old version. */
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", path, NULL, "{\"title\": \"x\"}", &r), 0);
	CU_ASSERT_EQUAL(r.status, 428);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", path, "\"1\"",
	                              "{\"type\": \"other\", \"other_credential\": \"OSHA 10 "
	                              "card\", \"service_id\": null}",
	                              &r),
	                      0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "other_credential"), "OSHA 10 card");
	CU_ASSERT_PTR_NULL(it_json_str(&r, "service_name"));
	CU_ASSERT_EQUAL(it_json_int(&r, "version", 0), 2);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", path, "\"1\"", "{\"title\": \"y\"}", &r), 0);
	CU_ASSERT_EQUAL(r.status, 412);
	it_resp_free(&r);
	/* A change that breaks a rule is refused and changes nothing. */
	CU_ASSERT_EQUAL_FATAL(
	        it_call(s, "PATCH", path, "\"2\"", "{\"other_credential\": null}", &r), 0);
	CU_ASSERT_EQUAL(r.status, 422);
	CU_ASSERT(ot_has_detail(&r, "other_credential", "R-CRED-1"));
	it_resp_free(&r);
	CU_ASSERT_EQUAL(ot_sql("SELECT version FROM credentials WHERE id = %lld", id), 2);
	/* The trail, through the audit API (scoped by the enrollment). */
	snprintf(body, sizeof(body), "/api/v1/audit?entity=credential&id=%lld", id);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", body, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "items.0.action"), "update");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "items.1.action"), "create");
	it_resp_free(&r);

	CU_ASSERT_EQUAL_FATAL(it_call(s, "DELETE", path, "\"2\"", NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 204);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(ot_sql("SELECT COUNT(*) FROM audit_log WHERE entity = 'credential'"),
	                audit + 3);
}

static void the_windows_last_day_is_accepted_and_the_next_refused_naming_it(void)
{
	const struct it_session *s = it_statewide();
	struct it_resp r;
	char path[96], body[512];
	long long eid;
	static const char form[] =
	        "{\"title\": \"CNA\", \"type\": \"occupational_license\", \"source\": "
	        "\"copy_of_credential\", \"institution\": \"ELAC\", \"date_attained\": \"%s\"}";

	eid = ot_enroll(s, OT_SNAP_TO_SUCCESS, OT_LOC_AHS, PART_DATE, NULL, NULL);
	CU_ASSERT_FATAL(eid > 0);
	/* Exit 2025-08-18: the last allowed date is 2026-08-18. */
	CU_ASSERT_EQUAL_FATAL(ot_exit(eid, "2025-08-18", NULL), 0);
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/credentials", eid);
	snprintf(body, sizeof(body), form, "2026-08-19");
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", path, NULL, body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 422);
	CU_ASSERT(ot_has_detail(&r, "date_attained", "R-CRED-1"));
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "2026-08-18"));
	/* The refusal shows the limit beside the error too. */
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "last_allowed_date"), "2026-08-18");
	it_resp_free(&r);
	CU_ASSERT_EQUAL(credential_count(eid), 0);
	snprintf(body, sizeof(body), form, "2026-08-18");
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", path, NULL, body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 201);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "last_allowed_date"), "2026-08-18");
	it_resp_free(&r);
	/* And never before the participation date. */
	snprintf(body, sizeof(body), form, "2025-01-09");
	refused(s, eid, body, "date_attained", "R-CRED-1");
	CU_ASSERT_EQUAL(credential_count(eid), 1);
}

static void every_bad_input_is_refused_with_its_rule_and_nothing_written(void)
{
	const struct it_session *s = it_statewide();
	char body[1024], d[16], big[300], path[96];
	long long pid = 0, eid, other, svc, foreign_svc, deleted_svc;

	eid = ot_enroll(s, OT_SNAP_TO_SUCCESS, OT_LOC_AHS, PART_DATE, NULL, &pid);
	other = ot_enroll(s, OT_SNAP_TO_SUCCESS, OT_LOC_AHS, PART_DATE, NULL, NULL);
	CU_ASSERT_FATAL(eid > 0 && other > 0);
	svc = add_service(s, eid);
	foreign_svc = add_service(s, other);
	deleted_svc = add_service(s, eid);
	CU_ASSERT_FATAL(svc > 0 && foreign_svc > 0 && deleted_svc > 0);
	CU_ASSERT_EQUAL(ot_sql("UPDATE services SET status = 'deleted' WHERE id = %lld; "
	                       "SELECT ROW_COUNT()",
	                       deleted_svc),
	                1);

	refused(s, eid,
	        "{\"type\": \"aa_as\", \"source\": \"copy_of_degree\", \"institution\": "
	        "\"PCC\", \"date_attained\": \"2025-03-01\"}",
	        "title", "R-CRED-1");
	refused(s, eid,
	        "{\"title\": \"t\", \"source\": \"copy_of_degree\", \"institution\": "
	        "\"PCC\", \"date_attained\": \"2025-03-01\"}",
	        "type", "R-CRED-1");
	refused(s, eid,
	        "{\"title\": \"t\", \"type\": \"phd\", \"source\": \"copy_of_degree\", "
	        "\"institution\": \"PCC\", \"date_attained\": \"2025-03-01\"}",
	        "type", "R-CRED-1");
	refused(s, eid,
	        "{\"title\": \"t\", \"type\": \"other\", \"source\": \"copy_of_degree\", "
	        "\"institution\": \"PCC\", \"date_attained\": \"2025-03-01\"}",
	        "other_credential", "R-CRED-1");
	refused(s, eid,
	        "{\"title\": \"t\", \"type\": \"aa_as\", \"institution\": \"PCC\", "
	        "\"date_attained\": \"2025-03-01\"}",
	        "source", "R-CRED-1");
	refused(s, eid,
	        "{\"title\": \"t\", \"type\": \"aa_as\", \"source\": \"word_of_mouth\", "
	        "\"institution\": \"PCC\", \"date_attained\": \"2025-03-01\"}",
	        "source", "R-CRED-1");
	refused(s, eid,
	        "{\"title\": \"t\", \"type\": \"aa_as\", \"source\": \"copy_of_degree\", "
	        "\"date_attained\": \"2025-03-01\"}",
	        "institution", "R-CRED-1");
	refused(s, eid,
	        "{\"title\": \"t\", \"type\": \"aa_as\", \"source\": \"copy_of_degree\", "
	        "\"institution\": \"PCC\"}",
	        "date_attained", "R-CRED-1");
	refused(s, eid,
	        "{\"title\": \"t\", \"type\": \"aa_as\", \"source\": \"copy_of_degree\", "
	        "\"institution\": \"PCC\", \"date_attained\": 20250301}",
	        "date_attained", "R-CRED-1");
	refused(s, eid,
	        "{\"title\": \"t\", \"type\": \"aa_as\", \"source\": \"copy_of_degree\", "
	        "\"institution\": \"PCC\", \"date_attained\": \"2025-03-01\", "
	        "\"experience_in_field\": true}",
	        "experience_in_field", "R-CRED-1");
	snprintf(body, sizeof(body),
	         "{\"title\": \"t\", \"type\": \"aa_as\", \"source\": \"copy_of_degree\", "
	         "\"institution\": \"PCC\", \"date_attained\": \"%s\"}",
	         ot_day(1, d));
	refused(s, eid, body, "date_attained", "R-DATE-4");
	memset(big, 't', 256);
	big[256] = '\0';
	snprintf(body, sizeof(body),
	         "{\"title\": \"%s\", \"type\": \"aa_as\", \"source\": \"copy_of_degree\", "
	         "\"institution\": \"PCC\", \"date_attained\": \"2025-03-01\"}",
	         big);
	refused(s, eid, body, "title", "R-CRED-1");
	refused(s, eid,
	        "{\"title\": \"t\", \"type\": \"aa_as\", \"source\": \"copy_of_degree\", "
	        "\"institution\": \"PCC\", \"date_attained\": \"2025-03-01\", "
	        "\"agency_code\": \"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\"}",
	        "agency_code", "R-CRED-1");
	refused(s, eid,
	        "{\"title\": \"t\", \"type\": \"aa_as\", \"source\": \"copy_of_degree\", "
	        "\"institution\": \"PCC\", \"date_attained\": \"2025-03-01\", "
	        "\"service_id\": 999999999}",
	        "service_id", "R-CRED-1");
	snprintf(body, sizeof(body),
	         "{\"title\": \"t\", \"type\": \"aa_as\", \"source\": \"copy_of_degree\", "
	         "\"institution\": \"PCC\", \"date_attained\": \"2025-03-01\", "
	         "\"service_id\": %lld}",
	         foreign_svc);
	refused(s, eid, body, "service_id", "R-CRED-1");
	snprintf(body, sizeof(body),
	         "{\"title\": \"t\", \"type\": \"aa_as\", \"source\": \"copy_of_degree\", "
	         "\"institution\": \"PCC\", \"date_attained\": \"2025-03-01\", "
	         "\"service_id\": %lld}",
	         deleted_svc);
	refused(s, eid, body, "service_id", "R-CRED-1");
	snprintf(body, sizeof(body),
	         "{\"title\": \"t\", \"type\": \"aa_as\", \"source\": \"copy_of_degree\", "
	         "\"institution\": \"PCC\", \"date_attained\": \"2025-03-01\", "
	         "\"document_id\": %lld}",
	         ot_document(1, 1));
	refused(s, eid, body, "document_id", "R-CRED-1");
	refused(s, eid,
	        "{\"title\": \"t\", \"type\": \"aa_as\", \"source\": \"copy_of_degree\", "
	        "\"institution\": \"PCC\", \"date_attained\": \"2025-03-01\", "
	        "\"grade\": \"A\"}",
	        "grade", NULL);
	/* The service of the enrollment is fine. */
	snprintf(body, sizeof(body),
	         "{\"title\": \"t\", \"type\": \"aa_as\", \"source\": \"copy_of_degree\", "
	         "\"institution\": \"PCC\", \"date_attained\": \"2025-03-01\", "
	         "\"service_id\": %lld}",
	         svc);
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/credentials", eid);
	CU_ASSERT(ot_create(s, path, body) > 0);
}

static void the_agency_code_is_required_where_the_region_requires_it(void)
{
	const struct it_session *s = it_statewide();
	struct it_resp r;
	char path[96];
	long long eid;
	static const char form[] =
	        "{\"title\": \"CNA\", \"type\": \"occupational_license\", \"source\": "
	        "\"copy_of_credential\", \"institution\": \"ELAC\", \"date_attained\": "
	        "\"2025-03-01\"%s}";
	char body[512];

	/* East LA is in Los Angeles County WDACS (requires_agency_code). */
	eid = ot_enroll(s, OT_WIOA_ADULT, OT_LOC_EAST_LA, PART_DATE, NULL, NULL);
	CU_ASSERT_FATAL(eid > 0);
	snprintf(body, sizeof(body), form, "");
	refused(s, eid, body, "agency_code", "R-CRED-1");
	snprintf(body, sizeof(body), form, ", \"agency_code\": \"   \"");
	refused(s, eid, body, "agency_code", "R-CRED-1");
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/credentials", eid);
	snprintf(body, sizeof(body), form, ", \"agency_code\": \"WDACS-001\"");
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", path, NULL, body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 201);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "agency_code"), "WDACS-001");
	it_resp_free(&r);
}

static void a_partner_of_another_location_gets_404_and_a_customer_only_reads(void)
{
	const struct it_session *s = it_statewide();
	struct it_session lao, billy;
	struct it_resp r;
	char path[96];
	long long eid, id;
	static const char body[] =
	        "{\"title\": \"CNA\", \"type\": \"occupational_license\", \"source\": "
	        "\"copy_of_credential\", \"institution\": \"ELAC\", \"date_attained\": "
	        "\"2025-03-01\"}";

	eid = ot_enroll(s, OT_SNAP_TO_SUCCESS, OT_LOC_AHS, PART_DATE, NULL, NULL);
	CU_ASSERT_FATAL(eid > 0);
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/credentials", eid);
	id = ot_create(s, path, body);
	CU_ASSERT_FATAL(id > 0);
	CU_ASSERT_EQUAL_FATAL(ot_sign_in("staff25.lao", &lao), 0);
	CU_ASSERT_EQUAL_FATAL(it_call(&lao, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&lao, "POST", path, NULL, body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
	snprintf(path, sizeof(path), "/api/v1/credentials/%lld", id);
	CU_ASSERT_EQUAL_FATAL(it_call(&lao, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&lao, "PATCH", path, "\"1\"", "{\"title\": \"x\"}", &r), 0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(credential_count(eid), 1);
	CU_ASSERT_EQUAL(ot_sql("SELECT version FROM credentials WHERE id = %lld", id), 1);

	/* Billy reads his own credential (the demo's one) and cannot change it. */
	CU_ASSERT_EQUAL_FATAL(ot_sign_in("billy.elliott", &billy), 0);
	CU_ASSERT_EQUAL_FATAL(
	        it_call(&billy, "GET", "/api/v1/enrollments/2/credentials", NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "items.0.title"), "Forklift Operator Certification");
	CU_ASSERT_PTR_NULL(it_json_str(&r, "items.1.title"));
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&billy, "PATCH", "/api/v1/credentials/1", "\"1\"",
	                              "{\"title\": \"x\"}", &r),
	                      0);
	CU_ASSERT_EQUAL(r.status, 403);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&billy, "GET", "/api/v1/credentials/2", NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", "/api/v1/credentials/999999999", NULL, NULL, &r),
	                      0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
}

static const struct it_test tests[] = {
        {"a credential is recorded, read, listed, changed and deleted",
         a_credential_is_recorded_read_listed_changed_and_deleted},
        {"the window's last day is accepted and the next refused, naming it (R-CRED-1)",
         the_windows_last_day_is_accepted_and_the_next_refused_naming_it},
        {"every bad input is refused with its rule and nothing written",
         every_bad_input_is_refused_with_its_rule_and_nothing_written},
        {"the agency code is required where the region requires it",
         the_agency_code_is_required_where_the_region_requires_it},
        {"a partner of another location gets 404 and a customer only reads",
         a_partner_of_another_location_gets_404_and_a_customer_only_reads},
};

const struct it_suite it_suite_credentials = {"credentials", tests, IT_LEN(tests)};
