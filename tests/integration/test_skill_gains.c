/*
 * test_skill_gains.c: measurable skill gains and the assessments behind EFL
 * gains, over HTTP (issue 5; R-MSG-1..3, R-DATE-1, R-DATE-4, R-ACL-1):
 * the five types each with its own answers and program year, every bad
 * input refused with its rule and nothing written, the postsecondary
 * semester rules, participation and exit dates, the EFL gain for entering
 * postsecondary education after exit, EFL pairs offered from assessments
 * and recorded once, versions, and who may read and write.
 *
 * Participants and enrollments are made through the API; exits, which
 * another endpoint makes, and documents, which are uploaded elsewhere, are
 * set up with SQL.
 */
#include "itest.h"
#include "outcomes_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Participation of every enrollment made here (program year 2024). */
#define PART_DATE "2025-01-10"

static long long gain_count(long long eid)
{
	return ot_sql("SELECT COUNT(*) FROM skill_gains WHERE enrollment_id = %lld", eid);
}

static long long audit_count(const char *entity)
{
	return ot_sql("SELECT COUNT(*) FROM audit_log WHERE entity = '%s'", entity);
}

/* POSTs body as a skill gain of eid; expects 422 naming field with rule,
 * and no new row. */
static void refused(const struct it_session *s, long long eid, const char *body, const char *field,
                    const char *rule)
{
	char path[96];
	struct it_resp r;
	long long before = gain_count(eid);

	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/skill-gains", eid);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", path, NULL, body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 422);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "validation_failed");
	if (!ot_has_detail(&r, field, rule))
		fprintf(stderr, "\n    expected %s / %s in %s", field, rule, r.body);
	CU_ASSERT(ot_has_detail(&r, field, rule));
	it_resp_free(&r);
	CU_ASSERT_EQUAL(gain_count(eid), before);
}

static void the_document_types_are_recorded_with_their_own_answers_and_program_year(void)
{
	const struct it_session *s = it_statewide();
	struct it_resp r;
	char body[1024], path[96], list[96], etag[16];
	long long pid = 0, eid, doc, id, ids[4], audit;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	eid = ot_enroll(s, OT_WIOA_YOUTH, OT_LOC_EAST_LA, PART_DATE, "hs_junior", &pid);
	CU_ASSERT_FATAL(eid > 0);
	doc = ot_document(pid, eid);
	CU_ASSERT_FATAL(doc > 0);
	audit = audit_count("skill_gain");
	snprintf(list, sizeof(list), "/api/v1/enrollments/%lld/skill-gains", eid);

	/* Training milestone: only the document, date and comment. */
	snprintf(body, sizeof(body),
	         "{\"type\": \"training_milestone\", \"date_attained\": \"2025-03-01\", "
	         "\"comment\": \"Completed the first OJT milestone.\", \"document_id\": %lld}",
	         doc);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", list, NULL, body, &r), 0);
	CU_ASSERT_EQUAL_FATAL(r.status, 201);
	ids[0] = it_json_int(&r, "id", 0);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "type_label"), "Training Milestone");
	/* R-DATE-1: 2025-03-01 lies in PY2024 (2024-07-01 .. 2025-06-30). */
	CU_ASSERT_EQUAL(it_json_int(&r, "program_year", 0), 2024);
	CU_ASSERT_EQUAL(it_json_int(&r, "document_id", 0), doc);
	CU_ASSERT_PTR_NOT_NULL(it_header(&r, "ETag", etag, sizeof(etag)));
	CU_ASSERT_STRING_EQUAL(etag, "\"1\"");
	CU_ASSERT_PTR_NOT_NULL(it_header(&r, "Location", body, sizeof(body)));
	snprintf(path, sizeof(path), "/api/v1/skill-gains/%lld", ids[0]);
	CU_ASSERT_STRING_EQUAL(body, path);
	it_resp_free(&r);

	/* Secondary transcript: no diploma at entry (hs_junior). */
	snprintf(body, sizeof(body),
	         "{\"type\": \"secondary_transcript\", \"enrolled_secondary\": \"yes\", "
	         "\"highest_education\": \"hs_junior\", \"date_attained\": \"2025-06-10\", "
	         "\"comment\": \"Spring report card.\", \"document_id\": %lld}",
	         doc);
	ids[1] = ot_create(s, list, body);
	/* Postsecondary, part-time: counted where the second semester ends
	 * (PY2024), though attained in PY2025 (R-MSG-2). */
	snprintf(body, sizeof(body),
	         "{\"type\": \"postsecondary_transcript\", \"load\": \"part_time\", "
	         "\"highest_education\": \"hs_junior\", \"semester1_start\": \"2025-01-13\", "
	         "\"semester1_end\": \"2025-03-28\", \"semester1_credits\": 6, "
	         "\"semester2_start\": \"2025-04-07\", \"semester2_end\": \"2025-06-20\", "
	         "\"semester2_credits\": 6.5, \"date_attained\": \"2025-07-15\", "
	         "\"comment\": \"Two quarters part-time.\", \"document_id\": %lld}",
	         doc);
	ids[2] = ot_create(s, list, body);
	snprintf(body, sizeof(body),
	         "{\"type\": \"skills_progression\", \"passed_exam\": \"yes\", "
	         "\"date_attained\": \"2025-04-02\", \"comment\": \"Passed the NCCER core "
	         "exam.\", \"document_id\": %lld}",
	         doc);
	ids[3] = ot_create(s, list, body);
	for (int i = 1; i < 4; i++)
		CU_ASSERT(ids[i] > 0);
	snprintf(path, sizeof(path), "/api/v1/skill-gains/%lld", ids[2]);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_EQUAL(it_json_int(&r, "program_year", 0), 2024);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "\"semester2_credits\":6.5"));
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "load"), "part_time");
	it_resp_free(&r);

	/* The list, paged. */
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/skill-gains?limit=2", eid);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.id", 0), ids[0]);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.1.id", 0), ids[1]);
	CU_ASSERT_PTR_NOT_NULL(it_json_str(&r, "next_cursor"));
	it_resp_free(&r);

	/* Change the comment: If-Match needed, the version moves, stale is 412. */
	id = ids[0];
	snprintf(path, sizeof(path), "/api/v1/skill-gains/%lld", id);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", path, NULL, "{\"comment\": \"x\"}", &r), 0);
	CU_ASSERT_EQUAL(r.status, 428);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", path, "\"1\"",
	                              "{\"comment\": \"Milestone one of three.\"}", &r),
	                      0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "comment"), "Milestone one of three.");
	CU_ASSERT_EQUAL(it_json_int(&r, "version", 0), 2);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", path, "\"1\"", "{\"comment\": \"lost\"}", &r), 0);
	CU_ASSERT_EQUAL(r.status, 412);
	it_resp_free(&r);
	/* The type decides the form and never changes. */
	CU_ASSERT_EQUAL_FATAL(
	        it_call(s, "PATCH", path, "\"2\"", "{\"type\": \"skills_progression\"}", &r), 0);
	CU_ASSERT_EQUAL(r.status, 422);
	CU_ASSERT(ot_has_detail(&r, "type", "R-MSG-1"));
	it_resp_free(&r);

	/* Delete: 412 when stale, then 204 and gone. */
	CU_ASSERT_EQUAL_FATAL(it_call(s, "DELETE", path, "\"1\"", NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 412);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "DELETE", path, "\"2\"", NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 204);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(gain_count(eid), 3);
	/* Four creates, one update, one delete: six audit rows, before/after. */
	CU_ASSERT_EQUAL(audit_count("skill_gain"), audit + 6);
	CU_ASSERT_EQUAL(ot_sql("SELECT COUNT(*) FROM audit_log WHERE entity = 'skill_gain' AND "
	                       "entity_id = %lld AND action = 'delete' AND after_json IS NULL AND "
	                       "JSON_VALUE(before_json, '$.comment') = 'Milestone one of three.'",
	                       id),
	                1);
}

static void a_missing_answer_is_refused_with_its_field_and_rule(void)
{
	const struct it_session *s = it_statewide();
	char body[1024];
	long long pid = 0, eid, doc;

	eid = ot_enroll(s, OT_WIOA_YOUTH, OT_LOC_EAST_LA, PART_DATE, "hs_junior", &pid);
	CU_ASSERT_FATAL(eid > 0);
	doc = ot_document(pid, eid);
	/* No type at all. */
	refused(s, eid, "{\"date_attained\": \"2025-03-01\", \"comment\": \"c\"}", "type",
	        "R-MSG-1");
	/* Every type needs its comment and date; all but EFL a document. */
	refused(s, eid, "{\"type\": \"training_milestone\", \"date_attained\": \"2025-03-01\"}",
	        "comment", "R-MSG-1");
	refused(s, eid, "{\"type\": \"training_milestone\", \"comment\": \"c\"}", "date_attained",
	        "R-MSG-1");
	refused(s, eid,
	        "{\"type\": \"training_milestone\", \"date_attained\": \"2025-03-01\", "
	        "\"comment\": \"c\"}",
	        "document_id", "R-MSG-1");
	snprintf(body, sizeof(body),
	         "{\"type\": \"secondary_transcript\", \"highest_education\": \"hs_junior\", "
	         "\"date_attained\": \"2025-03-01\", \"comment\": \"c\", \"document_id\": %lld}",
	         doc);
	refused(s, eid, body, "enrolled_secondary", "R-MSG-1");
	snprintf(body, sizeof(body),
	         "{\"type\": \"secondary_transcript\", \"enrolled_secondary\": \"no\", "
	         "\"highest_education\": \"hs_junior\", \"date_attained\": \"2025-03-01\", "
	         "\"comment\": \"c\", \"document_id\": %lld}",
	         doc);
	refused(s, eid, body, "enrolled_secondary", "R-MSG-1");
	snprintf(body, sizeof(body),
	         "{\"type\": \"secondary_transcript\", \"enrolled_secondary\": \"yes\", "
	         "\"date_attained\": \"2025-03-01\", \"comment\": \"c\", \"document_id\": %lld}",
	         doc);
	refused(s, eid, body, "highest_education", "R-MSG-1");
	snprintf(body, sizeof(body),
	         "{\"type\": \"postsecondary_transcript\", \"highest_education\": \"hs_junior\", "
	         "\"date_attained\": \"2025-03-01\", \"comment\": \"c\", \"document_id\": %lld}",
	         doc);
	refused(s, eid, body, "load", "R-MSG-1");
	snprintf(body, sizeof(body),
	         "{\"type\": \"postsecondary_transcript\", \"load\": \"full_time\", "
	         "\"highest_education\": \"hs_junior\", \"semester1_start\": \"2025-01-13\", "
	         "\"semester1_end\": \"2025-05-09\", \"date_attained\": \"2025-05-20\", "
	         "\"comment\": \"c\", \"document_id\": %lld}",
	         doc);
	refused(s, eid, body, "semester1_credits", "R-MSG-2");
	snprintf(body, sizeof(body),
	         "{\"type\": \"postsecondary_transcript\", \"load\": \"full_time\", "
	         "\"highest_education\": \"hs_junior\", \"semester1_start\": \"2025-01-13\", "
	         "\"semester1_end\": \"2025-05-09\", \"semester1_credits\": 11.5, "
	         "\"date_attained\": \"2025-05-20\", \"comment\": \"c\", \"document_id\": %lld}",
	         doc);
	refused(s, eid, body, "semester1_credits", "R-MSG-2");
	snprintf(body, sizeof(body),
	         "{\"type\": \"skills_progression\", \"date_attained\": \"2025-03-01\", "
	         "\"comment\": \"c\", \"document_id\": %lld}",
	         doc);
	refused(s, eid, body, "passed_exam", "R-MSG-1");
	snprintf(body, sizeof(body),
	         "{\"type\": \"skills_progression\", \"passed_exam\": \"no\", "
	         "\"date_attained\": \"2025-03-01\", \"comment\": \"c\", \"document_id\": %lld}",
	         doc);
	refused(s, eid, body, "passed_exam", "R-MSG-1");
	refused(s, eid,
	        "{\"type\": \"efl\", \"date_attained\": \"2025-03-01\", \"comment\": \"c\"}",
	        "efl_basis", "R-MSG-1");
	refused(s, eid, "{\"type\": \"efl\", \"efl_basis\": \"test_scores\", \"comment\": \"c\"}",
	        "pre_assessment_id", "R-MSG-1");
}

static void wrong_types_unknown_codes_foreign_answers_and_oversized_text_are_refused(void)
{
	const struct it_session *s = it_statewide();
	char body[6000], big[4100];
	long long pid = 0, eid, doc;

	eid = ot_enroll(s, OT_WIOA_YOUTH, OT_LOC_EAST_LA, PART_DATE, "hs_junior", &pid);
	CU_ASSERT_FATAL(eid > 0);
	doc = ot_document(pid, eid);
	refused(s, eid,
	        "{\"type\": \"banana\", \"date_attained\": \"2025-03-01\", \"comment\": \"c\"}",
	        "type", "R-MSG-1");
	refused(s, eid, "{\"type\": 7, \"date_attained\": \"2025-03-01\", \"comment\": \"c\"}",
	        "type", "R-MSG-1");
	refused(s, eid,
	        "{\"type\": \"training_milestone\", \"date_attained\": \"03/01/2025\", "
	        "\"comment\": \"c\"}",
	        "date_attained", "R-MSG-1");
	refused(s, eid,
	        "{\"type\": \"training_milestone\", \"date_attained\": \"2025-02-30\", "
	        "\"comment\": \"c\"}",
	        "date_attained", "R-MSG-1");
	refused(s, eid,
	        "{\"type\": \"training_milestone\", \"date_attained\": \"2025-03-01\", "
	        "\"comment\": 12}",
	        "comment", "R-MSG-1");
	snprintf(body, sizeof(body),
	         "{\"type\": \"skills_progression\", \"passed_exam\": \"maybe\", "
	         "\"date_attained\": \"2025-03-01\", \"comment\": \"c\", \"document_id\": %lld}",
	         doc);
	refused(s, eid, body, "passed_exam", "R-MSG-1");
	/* Exactly its own answers: the training milestone asks for no exam. */
	snprintf(body, sizeof(body),
	         "{\"type\": \"training_milestone\", \"passed_exam\": \"yes\", "
	         "\"date_attained\": \"2025-03-01\", \"comment\": \"c\", \"document_id\": %lld}",
	         doc);
	refused(s, eid, body, "passed_exam", "R-MSG-1");
	/* A full-time gain rests on one semester. */
	snprintf(body, sizeof(body),
	         "{\"type\": \"postsecondary_transcript\", \"load\": \"full_time\", "
	         "\"highest_education\": \"hs_junior\", \"semester1_start\": \"2025-01-13\", "
	         "\"semester1_end\": \"2025-05-09\", \"semester1_credits\": 12, "
	         "\"semester2_start\": \"2025-06-01\", \"date_attained\": \"2025-05-20\", "
	         "\"comment\": \"c\", \"document_id\": %lld}",
	         doc);
	refused(s, eid, body, "semester2_start", "R-MSG-2");
	refused(s, eid, "{\"type\": \"training_milestone\", \"color\": \"red\"}", "color", NULL);
	/* A comment of 4001 characters. */
	memset(big, 'a', 4001);
	big[4001] = '\0';
	snprintf(body, sizeof(body),
	         "{\"type\": \"training_milestone\", \"date_attained\": \"2025-03-01\", "
	         "\"comment\": \"%s\", \"document_id\": %lld}",
	         big, doc);
	refused(s, eid, body, "comment", "R-MSG-1");
	/* Unknown document, and a document of another participant. */
	refused(s, eid,
	        "{\"type\": \"training_milestone\", \"date_attained\": \"2025-03-01\", "
	        "\"comment\": \"c\", \"document_id\": 999999999}",
	        "document_id", "R-MSG-1");
	snprintf(body, sizeof(body),
	         "{\"type\": \"training_milestone\", \"date_attained\": \"2025-03-01\", "
	         "\"comment\": \"c\", \"document_id\": %lld}",
	         ot_document(1, 1));
	refused(s, eid, body, "document_id", "R-MSG-1");
	/* Unknown enrollment: 404. */
	{
		struct it_resp r;
		CU_ASSERT_EQUAL_FATAL(it_call(s, "POST",
		                              "/api/v1/enrollments/999999999/skill-gains", NULL,
		                              "{\"type\": \"training_milestone\"}", &r),
		                      0);
		CU_ASSERT_EQUAL(r.status, 404);
		it_resp_free(&r);
	}
}

static void a_transcript_for_a_participant_with_a_diploma_at_entry_is_refused(void)
{
	const struct it_session *s = it_statewide();
	char body[1024];
	long long pid = 0, eid;

	eid = ot_enroll(s, OT_WIOA_YOUTH, OT_LOC_EAST_LA, PART_DATE, "hs_diploma", &pid);
	CU_ASSERT_FATAL(eid > 0);
	snprintf(body, sizeof(body),
	         "{\"type\": \"secondary_transcript\", \"enrolled_secondary\": \"yes\", "
	         "\"highest_education\": \"hs_diploma\", \"date_attained\": \"2025-03-01\", "
	         "\"comment\": \"c\", \"document_id\": %lld}",
	         ot_document(pid, eid));
	refused(s, eid, body, "type", "R-MSG-1");
}

static void part_time_semesters_not_consecutive_or_over_twelve_months_are_refused(void)
{
	const struct it_session *s = it_statewide();
	char body[1024], path[96];
	long long pid = 0, eid, doc;
	static const char form[] =
	        "{\"type\": \"postsecondary_transcript\", \"load\": \"part_time\", "
	        "\"highest_education\": \"hs_diploma\", \"semester1_start\": \"2025-01-13\", "
	        "\"semester1_end\": \"2025-05-09\", \"semester1_credits\": 6, "
	        "\"semester2_start\": \"%s\", \"semester2_end\": \"%s\", "
	        "\"semester2_credits\": %s, \"date_attained\": \"%s\", \"comment\": \"c\", "
	        "\"document_id\": %lld}";

	eid = ot_enroll(s, OT_WIOA_YOUTH, OT_LOC_EAST_LA, PART_DATE, "hs_diploma", &pid);
	CU_ASSERT_FATAL(eid > 0);
	doc = ot_document(pid, eid);
	/* A break of four months or more: not consecutive. */
	snprintf(body, sizeof(body), form, "2025-09-15", "2025-12-12", "6", "2025-12-20", doc);
	refused(s, eid, body, "semester2_start", "R-MSG-2");
	/* Overlapping: the second starts before the first ends. */
	snprintf(body, sizeof(body), form, "2025-05-01", "2025-08-12", "6", "2025-08-20", doc);
	refused(s, eid, body, "semester2_start", "R-MSG-2");
	/* Ending past the 12 months that open with semester 1 (by 2026-01-12). */
	snprintf(body, sizeof(body), form, "2025-06-02", "2026-01-13", "6", "2026-01-20", doc);
	refused(s, eid, body, "semester2_end", "R-MSG-2");
	/* Fewer than 12 credits together. */
	snprintf(body, sizeof(body), form, "2025-06-02", "2025-08-15", "5.5", "2025-08-20", doc);
	refused(s, eid, body, "semester2_credits", "R-MSG-2");
	/* Attained before the second semester ended. */
	snprintf(body, sizeof(body), form, "2025-06-02", "2025-08-15", "6", "2025-08-01", doc);
	refused(s, eid, body, "date_attained", "R-MSG-2");
	/* The last day of the 12 months is still within them. */
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/skill-gains", eid);
	snprintf(body, sizeof(body), form, "2025-06-02", "2026-01-12", "6", "2026-01-20", doc);
	CU_ASSERT(ot_create(s, path, body) > 0);
}

static void dates_outside_participation_or_in_the_future_are_refused(void)
{
	const struct it_session *s = it_statewide();
	char body[1024], d[16], path[96];
	long long pid = 0, eid, doc;
	static const char form[] = "{\"type\": \"training_milestone\", \"date_attained\": \"%s\", "
	                           "\"comment\": \"c\", \"document_id\": %lld}";

	eid = ot_enroll(s, OT_WIOA_ADULT, OT_LOC_EAST_LA, PART_DATE, "hs_diploma", &pid);
	CU_ASSERT_FATAL(eid > 0);
	doc = ot_document(pid, eid);
	snprintf(body, sizeof(body), form, "2025-01-09", doc);
	refused(s, eid, body, "date_attained", "R-MSG-3");
	snprintf(body, sizeof(body), form, ot_day(1, d), doc);
	refused(s, eid, body, "date_attained", "R-DATE-4");
	/* After the exit, a gain is outside participation; on the exit day it
	 * is not. Outcome records stay open after the exit (R-SVC-4). */
	CU_ASSERT_EQUAL_FATAL(ot_exit(eid, "2025-06-30", NULL), 0);
	snprintf(body, sizeof(body), form, "2025-07-01", doc);
	refused(s, eid, body, "date_attained", "R-MSG-3");
	snprintf(body, sizeof(body), form, "2025-06-30", doc);
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/skill-gains", eid);
	CU_ASSERT(ot_create(s, path, body) > 0);
}

static void the_postsecondary_entry_gain_is_allowed_after_exit_in_the_exits_program_year(void)
{
	const struct it_session *s = it_statewide();
	char path[96];
	long long pid = 0, eid, other;
	static const char form[] = "{\"type\": \"efl\", \"efl_basis\": \"postsecondary_entry\", "
	                           "\"date_attained\": \"%s\", \"comment\": \"Enrolled at the "
	                           "community college.\"}";
	char body[512];

	eid = ot_enroll(s, OT_WIOA_YOUTH, OT_LOC_EAST_LA, PART_DATE, "hs_diploma", &pid);
	other = ot_enroll(s, OT_WIOA_YOUTH, OT_LOC_EAST_LA, PART_DATE, "hs_diploma", NULL);
	CU_ASSERT_FATAL(eid > 0 && other > 0);
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/skill-gains", eid);
	/* Before the exit it is not yet possible. */
	snprintf(body, sizeof(body), form, "2025-03-15");
	refused(s, eid, body, "efl_basis", "R-MSG-3");
	/* Exit 2025-03-31 (PY2024), "Not attending school; H.S. Graduate". */
	CU_ASSERT_EQUAL_FATAL(ot_exit(eid, "2025-03-31", "not_attending_hs_graduate"), 0);
	snprintf(body, sizeof(body), form, "2025-07-01");
	refused(s, eid, body, "date_attained", "R-MSG-3");
	snprintf(body, sizeof(body), form, "2025-06-30");
	CU_ASSERT(ot_create(s, path, body) > 0);
	/* Another school status at exit does not qualify. */
	CU_ASSERT_EQUAL_FATAL(ot_exit(other, "2025-03-31", "in_school_secondary"), 0);
	snprintf(body, sizeof(body), form, "2025-05-01");
	refused(s, other, body, "efl_basis", "R-MSG-3");
	/* Test scores are not part of this way to the gain. */
	refused(s, eid,
	        "{\"type\": \"efl\", \"efl_basis\": \"postsecondary_entry\", "
	        "\"date_attained\": \"2025-05-01\", \"comment\": \"c\", \"pre_assessment_id\": 1}",
	        "pre_assessment_id", "R-MSG-1");
}

/* Records a TABE 11/12 test of participant pid as s; its id. */
static long long tabe(const struct it_session *s, long long pid, const char *subject,
                      const char *date, int score)
{
	char path[96], body[256];

	snprintf(path, sizeof(path), "/api/v1/participants/%lld/assessments", pid);
	snprintf(body, sizeof(body),
	         "{\"test\": \"tabe_11_12\", \"subject\": \"%s\", \"assessed_on\": \"%s\", "
	         "\"scale_score\": %d}",
	         subject, date, score);
	return ot_create(s, path, body);
}

static void an_efl_gain_is_offered_from_assessments_and_recorded_once(void)
{
	const struct it_session *s = it_statewide();
	struct it_resp r;
	char path[128], body[512];
	long long pid = 0, eid, pre, post, mpre, mpost, id;

	eid = ot_enroll(s, OT_WIOA_ADULT, OT_LOC_EAST_LA, PART_DATE, "hs_diploma", &pid);
	CU_ASSERT_FATAL(eid > 0);
	pre = tabe(s, pid, "reading", "2025-02-01", 480);  /* level 2 */
	post = tabe(s, pid, "reading", "2025-04-01", 510); /* level 3 */
	mpre = tabe(s, pid, "math", "2025-02-01", 450);    /* level 2 */
	mpost = tabe(s, pid, "math", "2025-08-01", 600);   /* level 5, but in PY2025 */
	CU_ASSERT_FATAL(pre > 0 && post > 0 && mpre > 0 && mpost > 0);

	/* The assessment shows the level it places at and its program year. */
	snprintf(path, sizeof(path), "/api/v1/assessments/%lld", post);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(it_json_int(&r, "nrs_level", 0), 3);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "nrs_level_label"),
	                       "Low Intermediate Basic Education");
	CU_ASSERT_EQUAL(it_json_int(&r, "program_year", 0), 2024);
	it_resp_free(&r);

	/* Only the reading pair is one program year: one candidate. */
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/skill-gains/efl-candidates", eid);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.pre_assessment_id", 0), pre);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.post_assessment_id", 0), post);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "items.0.date_attained"), "2025-04-01");
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.program_year", 0), 2024);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "\"recorded\":false"));
	CU_ASSERT_PTR_NULL(it_json_str(&r, "items.1.subject"));
	it_resp_free(&r);

	/* Recorded from the candidate: dated on the post-test. */
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/skill-gains", eid);
	snprintf(body, sizeof(body),
	         "{\"type\": \"efl\", \"efl_basis\": \"test_scores\", \"pre_assessment_id\": %lld, "
	         "\"post_assessment_id\": %lld, \"comment\": \"TABE reading up one level.\"}",
	         pre, post);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", path, NULL, body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 201);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "date_attained"), "2025-04-01");
	CU_ASSERT_EQUAL(it_json_int(&r, "program_year", 0), 2024);
	CU_ASSERT_PTR_NULL(it_json_str(&r, "document_id"));
	id = it_json_int(&r, "id", 0);
	it_resp_free(&r);
	/* Once per post-test. */
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", path, NULL, body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 409);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "duplicate");
	it_resp_free(&r);
	CU_ASSERT_EQUAL(gain_count(eid), 1);
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/skill-gains/efl-candidates", eid);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "\"recorded\":true"));
	it_resp_free(&r);

	/* Pairs that are not a gain: across program years, a later test not
	 * higher, another date than the post-test's, a test of someone else. */
	snprintf(body, sizeof(body),
	         "{\"type\": \"efl\", \"efl_basis\": \"test_scores\", \"pre_assessment_id\": %lld, "
	         "\"post_assessment_id\": %lld, \"comment\": \"c\"}",
	         mpre, mpost);
	refused(s, eid, body, "post_assessment_id", "R-MSG-1");
	snprintf(body, sizeof(body),
	         "{\"type\": \"efl\", \"efl_basis\": \"test_scores\", \"pre_assessment_id\": %lld, "
	         "\"post_assessment_id\": %lld, \"comment\": \"c\"}",
	         post, pre);
	refused(s, eid, body, "post_assessment_id", "R-MSG-1");
	snprintf(body, sizeof(body),
	         "{\"type\": \"efl\", \"efl_basis\": \"test_scores\", \"pre_assessment_id\": 1, "
	         "\"post_assessment_id\": %lld, \"comment\": \"c\"}",
	         post);
	refused(s, eid, body, "pre_assessment_id", "R-MSG-1");

	/* A test a gain rests on cannot be changed in what it places at, nor
	 * deleted; once the gain is gone it can. */
	snprintf(path, sizeof(path), "/api/v1/assessments/%lld", post);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", path, "\"1\"", "{\"scale_score\": 520}", &r), 0);
	CU_ASSERT_EQUAL(r.status, 409);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "assessment_in_use");
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "DELETE", path, "\"1\"", NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 409);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "assessment_in_use");
	it_resp_free(&r);
	CU_ASSERT_EQUAL(ot_sql("SELECT COUNT(*) FROM assessments WHERE id = %lld", post), 1);
	snprintf(path, sizeof(path), "/api/v1/skill-gains/%lld", id);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "DELETE", path, "\"1\"", NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 204);
	it_resp_free(&r);
	snprintf(path, sizeof(path), "/api/v1/assessments/%lld", post);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "DELETE", path, "\"1\"", NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 204);
	it_resp_free(&r);
}

/* POSTs an assessment body; expects 422 naming field with rule, nothing written. */
static void assessment_refused(const struct it_session *s, long long pid, const char *body,
                               const char *field, const char *rule)
{
	char path[96];
	struct it_resp r;
	long long before =
	        ot_sql("SELECT COUNT(*) FROM assessments WHERE participant_id = %lld", pid);

	snprintf(path, sizeof(path), "/api/v1/participants/%lld/assessments", pid);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", path, NULL, body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 422);
	if (!ot_has_detail(&r, field, rule))
		fprintf(stderr, "\n    expected %s / %s in %s", field, rule, r.body);
	CU_ASSERT(ot_has_detail(&r, field, rule));
	it_resp_free(&r);
	CU_ASSERT_EQUAL(ot_sql("SELECT COUNT(*) FROM assessments WHERE participant_id = %lld", pid),
	                before);
}

static void assessments_are_listed_changed_and_every_bad_test_refused(void)
{
	const struct it_session *s = it_statewide();
	struct it_resp r;
	char path[96], body[256], d[16];
	long long pid = 0, eid, other = 0, id;

	eid = ot_enroll(s, OT_WIOA_ADULT, OT_LOC_EAST_LA, PART_DATE, NULL, &pid);
	CU_ASSERT_FATAL(ot_enroll(s, OT_WIOA_ADULT, OT_LOC_EAST_LA, PART_DATE, NULL, &other) > 0);
	CU_ASSERT_FATAL(eid > 0);
	assessment_refused(s, pid,
	                   "{\"subject\": \"reading\", \"assessed_on\": \"2025-02-01\", "
	                   "\"scale_score\": 480}",
	                   "test", "R-MSG-1");
	assessment_refused(s, pid,
	                   "{\"test\": \"tabe_11_12\", \"subject\": \"history\", "
	                   "\"assessed_on\": \"2025-02-01\", \"scale_score\": 480}",
	                   "subject", "R-MSG-1");
	assessment_refused(s, pid,
	                   "{\"test\": \"tabe_11_12\", \"subject\": \"reading\", "
	                   "\"assessed_on\": \"2025-02-01\", \"scale_score\": 900}",
	                   "scale_score", "R-MSG-1");
	assessment_refused(s, pid,
	                   "{\"test\": \"tabe_11_12\", \"subject\": \"reading\", "
	                   "\"assessed_on\": \"2025-02-01\", \"scale_score\": \"480\"}",
	                   "scale_score", "R-MSG-1");
	assessment_refused(s, pid,
	                   "{\"test\": \"casas\", \"subject\": \"math\", "
	                   "\"assessed_on\": \"2025-02-01\", \"scale_score\": 210}",
	                   "functioning_level", "R-MSG-1");
	assessment_refused(s, pid,
	                   "{\"test\": \"casas\", \"subject\": \"math\", "
	                   "\"assessed_on\": \"2025-02-01\", \"level_scale\": \"abe\", "
	                   "\"functioning_level\": 7}",
	                   "functioning_level", "R-MSG-1");
	assessment_refused(s, pid,
	                   "{\"test\": \"other\", \"subject\": \"math\", "
	                   "\"assessed_on\": \"2025-02-01\", \"level_scale\": \"abe\", "
	                   "\"functioning_level\": 2}",
	                   "test_name", "R-MSG-1");
	snprintf(body, sizeof(body),
	         "{\"test\": \"tabe_11_12\", \"subject\": \"reading\", \"assessed_on\": \"%s\", "
	         "\"scale_score\": 480}",
	         ot_day(1, d));
	assessment_refused(s, pid, body, "assessed_on", "R-DATE-4");
	/* The enrollment named must be the participant's own. */
	snprintf(body, sizeof(body),
	         "{\"test\": \"tabe_11_12\", \"subject\": \"reading\", \"assessed_on\": "
	         "\"2025-02-01\", \"scale_score\": 480, \"enrollment_id\": %lld}",
	         ot_sql("SELECT id FROM enrollments WHERE participant_id = %lld", other));
	assessment_refused(s, pid, body, "enrollment_id", "R-MSG-1");

	snprintf(path, sizeof(path), "/api/v1/participants/%lld/assessments", pid);
	snprintf(body, sizeof(body),
	         "{\"test\": \"best_plus\", \"subject\": \"speaking\", \"assessed_on\": "
	         "\"2025-02-01\", \"level_scale\": \"esl\", \"functioning_level\": 3, "
	         "\"enrollment_id\": %lld}",
	         eid);
	id = ot_create(s, path, body);
	CU_ASSERT_FATAL(id > 0);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.id", 0), id);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "items.0.nrs_level_label"), "High Beginning ESL");
	it_resp_free(&r);
	snprintf(path, sizeof(path), "/api/v1/assessments/%lld", id);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", path, "\"1\"", "{\"functioning_level\": 4}", &r),
	                      0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_EQUAL(it_json_int(&r, "nrs_level", 0), 4);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", path, "\"1\"", "{\"functioning_level\": 5}", &r),
	                      0);
	CU_ASSERT_EQUAL(r.status, 412);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", "/api/v1/assessments/999999999", NULL, NULL, &r),
	                      0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(ot_sql("SELECT COUNT(*) FROM audit_log WHERE entity = 'assessment' AND "
	                       "entity_id = %lld",
	                       id),
	                2);
}

static void a_partner_of_another_location_gets_404_and_a_customer_only_reads(void)
{
	const struct it_session *s = it_statewide();
	struct it_session lao, billy;
	struct it_resp r;
	char path[96], body[512];
	long long pid = 0, eid, doc, id, count;

	eid = ot_enroll(s, OT_SNAP_TO_SUCCESS, OT_LOC_AHS, PART_DATE, NULL, &pid);
	CU_ASSERT_FATAL(eid > 0);
	doc = ot_document(pid, eid);
	snprintf(path, sizeof(path), "/api/v1/enrollments/%lld/skill-gains", eid);
	snprintf(body, sizeof(body),
	         "{\"type\": \"training_milestone\", \"date_attained\": \"2025-03-01\", "
	         "\"comment\": \"c\", \"document_id\": %lld}",
	         doc);
	id = ot_create(s, path, body);
	CU_ASSERT_FATAL(id > 0);
	CU_ASSERT_EQUAL_FATAL(ot_sign_in("staff25.lao", &lao), 0);
	count = gain_count(eid);
	/* staff25.lao works at East LA: the AHS record does not exist for them. */
	CU_ASSERT_EQUAL_FATAL(it_call(&lao, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&lao, "POST", path, NULL, body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
	snprintf(path, sizeof(path), "/api/v1/skill-gains/%lld", id);
	CU_ASSERT_EQUAL_FATAL(it_call(&lao, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&lao, "DELETE", path, "\"1\"", NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
	snprintf(path, sizeof(path), "/api/v1/participants/%lld/assessments", pid);
	CU_ASSERT_EQUAL_FATAL(it_call(&lao, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(gain_count(eid), count);

	/* Billy reads his own gains and may not write them. */
	CU_ASSERT_EQUAL_FATAL(ot_sign_in("billy.elliott", &billy), 0);
	CU_ASSERT_EQUAL_FATAL(
	        it_call(&billy, "GET", "/api/v1/enrollments/2/skill-gains", NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&billy, "POST", "/api/v1/enrollments/2/skill-gains", NULL,
	                              "{\"type\": \"training_milestone\"}", &r),
	                      0);
	CU_ASSERT_EQUAL(r.status, 403);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&billy, "POST", "/api/v1/participants/2/assessments", NULL,
	                              "{\"test\": \"casas\"}", &r),
	                      0);
	CU_ASSERT_EQUAL(r.status, 403);
	it_resp_free(&r);
	/* Someone else's record does not exist for him. */
	CU_ASSERT_EQUAL_FATAL(
	        it_call(&billy, "GET", "/api/v1/enrollments/1/skill-gains", NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
}

static void the_demo_data_holds_every_skill_gain_type(void)
{
	CU_ASSERT_EQUAL(ot_sql("SELECT COUNT(DISTINCT gain_type) FROM skill_gains WHERE id <= 7"),
	                5);
	CU_ASSERT_EQUAL(ot_sql("SELECT COUNT(*) FROM skill_gains g JOIN documents d ON "
	                       "d.id = g.document_id JOIN enrollments e ON e.id = g.enrollment_id "
	                       "WHERE d.participant_id <> e.participant_id"),
	                0);
}

static const struct it_test tests[] = {
        {"the four document-backed gain types are recorded with their answers and program year",
         the_document_types_are_recorded_with_their_own_answers_and_program_year},
        {"a missing answer is refused with its field and rule, nothing written",
         a_missing_answer_is_refused_with_its_field_and_rule},
        {"wrong types, unknown codes, foreign answers and oversized text are refused",
         wrong_types_unknown_codes_foreign_answers_and_oversized_text_are_refused},
        {"a transcript for a participant with a diploma at entry is refused (R-MSG-1)",
         a_transcript_for_a_participant_with_a_diploma_at_entry_is_refused},
        {"part-time semesters not consecutive or over 12 months are refused (R-MSG-2)",
         part_time_semesters_not_consecutive_or_over_twelve_months_are_refused},
        {"dates outside participation or in the future are refused (R-MSG-3, R-DATE-4)",
         dates_outside_participation_or_in_the_future_are_refused},
        {"the postsecondary-entry EFL gain is allowed after exit in the exit's program year",
         the_postsecondary_entry_gain_is_allowed_after_exit_in_the_exits_program_year},
        {"an EFL gain is offered from assessments and recorded once",
         an_efl_gain_is_offered_from_assessments_and_recorded_once},
        {"assessments are listed, changed, and every bad test refused",
         assessments_are_listed_changed_and_every_bad_test_refused},
        {"a partner of another location gets 404 and a customer only reads",
         a_partner_of_another_location_gets_404_and_a_customer_only_reads},
        {"the demo data holds every skill gain type", the_demo_data_holds_every_skill_gain_type},
};

const struct it_suite it_suite_skill_gains = {"skill_gains", tests, IT_LEN(tests)};
