/*
 * test_success_stories.c: success stories over HTTP (issue 5; R-ACL-1,
 * R-DATE-4): staff tell and change stories; a customer tells their own and
 * changes only what their account submitted; the list sorts by date or
 * title, either way, paged; every bad input refused and nothing written;
 * a partner of another location kept out.
 */
#include "itest.h"
#include "outcomes_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PART_DATE "2025-01-10"

static long long story_count(long long pid)
{
	return ot_sql("SELECT COUNT(*) FROM success_stories WHERE participant_id = %lld", pid);
}

/* POSTs body as a story of participant pid as s; expects 422 naming field
 * (with rule, when not NULL) and no new row. */
static void refused(const struct it_session *s, long long pid, const char *body, const char *field,
                    const char *rule)
{
	char path[96];
	struct it_resp r;
	long long before = story_count(pid);

	snprintf(path, sizeof(path), "/api/v1/participants/%lld/success-stories", pid);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", path, NULL, body, &r), 0);
	CU_ASSERT_EQUAL(r.status, 422);
	if (!ot_has_detail(&r, field, rule))
		fprintf(stderr, "\n    expected %s / %s in %s", field, rule ? rule : "-", r.body);
	CU_ASSERT(ot_has_detail(&r, field, rule));
	it_resp_free(&r);
	CU_ASSERT_EQUAL(story_count(pid), before);
}

/* A story of pid by s with title and date; its id. */
static long long tell(const struct it_session *s, long long pid, const char *title,
                      const char *date)
{
	char path[96], body[512];

	snprintf(path, sizeof(path), "/api/v1/participants/%lld/success-stories", pid);
	snprintf(body, sizeof(body),
	         "{\"title\": \"%s\", \"story\": \"It went well.\", \"story_date\": \"%s\", "
	         "\"consent_to_share\": true}",
	         title, date);
	return ot_create(s, path, body);
}

static void staff_tell_change_and_remove_a_story(void)
{
	const struct it_session *s = it_statewide();
	struct it_resp r;
	char path[96], list[96], body[512], etag[16];
	long long pid = 0, eid, id, audit;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	eid = ot_enroll(s, OT_SNAP_TO_SUCCESS, OT_LOC_AHS, PART_DATE, NULL, &pid);
	CU_ASSERT_FATAL(eid > 0);
	audit = ot_sql("SELECT COUNT(*) FROM audit_log WHERE entity = 'success_story'");
	snprintf(list, sizeof(list), "/api/v1/participants/%lld/success-stories", pid);
	snprintf(body, sizeof(body),
	         "{\"title\": \"Hired at the warehouse\", \"story\": \"Two interviews, one "
	         "offer.\", \"story_date\": \"2025-04-02\", \"enrollment_id\": %lld}",
	         eid);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", list, NULL, body, &r), 0);
	CU_ASSERT_EQUAL_FATAL(r.status, 201);
	id = it_json_int(&r, "id", 0);
	/* Staff submit as staff by default; consent is not assumed. */
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "submitted_by"), "staff");
	CU_ASSERT_EQUAL(it_json_int(&r, "submitted_by_user_id", 0), s->user_id);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "\"consent_to_share\":false"));
	CU_ASSERT_EQUAL(it_json_int(&r, "enrollment_id", 0), eid);
	CU_ASSERT_PTR_NOT_NULL(it_header(&r, "ETag", etag, sizeof(etag)));
	it_resp_free(&r);
	snprintf(path, sizeof(path), "/api/v1/success-stories/%lld", id);
	CU_ASSERT_EQUAL_FATAL(
	        it_call(s, "PATCH", path, "\"1\"", "{\"consent_to_share\": true}", &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "\"consent_to_share\":true"));
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "PATCH", path, "\"1\"", "{\"title\": \"x\"}", &r), 0);
	CU_ASSERT_EQUAL(r.status, 412);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "DELETE", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 428);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "DELETE", path, "\"2\"", NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 204);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(ot_sql("SELECT COUNT(*) FROM audit_log WHERE entity = 'success_story'"),
	                audit + 3);
}

static void the_list_sorts_by_date_or_title_either_way_and_pages(void)
{
	const struct it_session *s = it_statewide();
	struct it_resp r;
	char path[512], cursor[256];
	long long pid = 0, a, b, c;

	CU_ASSERT_FATAL(ot_enroll(s, OT_SNAP_TO_SUCCESS, OT_LOC_AHS, PART_DATE, NULL, &pid) > 0);
	a = tell(s, pid, "Bravo", "2025-03-01");
	b = tell(s, pid, "alpha", "2025-05-01");
	c = tell(s, pid, "Charlie", "2025-04-01");
	CU_ASSERT_FATAL(a > 0 && b > 0 && c > 0);

	/* Newest first by default. */
	snprintf(path, sizeof(path), "/api/v1/participants/%lld/success-stories", pid);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.id", 0), b);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.1.id", 0), c);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.2.id", 0), a);
	it_resp_free(&r);
	snprintf(path, sizeof(path), "/api/v1/participants/%lld/success-stories?order=asc", pid);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.id", 0), a);
	it_resp_free(&r);
	/* Titles A to Z, paged two at a time with the list's own cursor. */
	snprintf(path, sizeof(path), "/api/v1/participants/%lld/success-stories?sort=title&limit=2",
	         pid);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.id", 0), b);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.1.id", 0), a);
	CU_ASSERT_PTR_NOT_NULL_FATAL(it_json_str(&r, "next_cursor"));
	snprintf(cursor, sizeof(cursor), "%s", it_json_str(&r, "next_cursor"));
	it_resp_free(&r);
	snprintf(path, sizeof(path),
	         "/api/v1/participants/%lld/success-stories?sort=title&limit=2&cursor=%s", pid,
	         cursor);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.id", 0), c);
	CU_ASSERT_PTR_NULL(it_json_str(&r, "items.1.title"));
	CU_ASSERT_PTR_NULL(it_json_str(&r, "next_cursor"));
	it_resp_free(&r);
	/* Z to A. */
	snprintf(path, sizeof(path),
	         "/api/v1/participants/%lld/success-stories?sort=title&order=desc", pid);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.id", 0), c);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.2.id", 0), b);
	it_resp_free(&r);
	/* A cursor of another order, and unknown orders, are refused. */
	snprintf(path, sizeof(path),
	         "/api/v1/participants/%lld/success-stories?sort=date&limit=2&cursor=%s", pid,
	         cursor);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 400);
	it_resp_free(&r);
	snprintf(path, sizeof(path), "/api/v1/participants/%lld/success-stories?sort=length", pid);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 400);
	CU_ASSERT(ot_has_detail(&r, "sort", NULL));
	it_resp_free(&r);
	snprintf(path, sizeof(path), "/api/v1/participants/%lld/success-stories?order=up", pid);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 400);
	it_resp_free(&r);
	snprintf(path, sizeof(path), "/api/v1/participants/%lld/success-stories?limit=0", pid);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 400);
	it_resp_free(&r);
}

static void every_bad_story_is_refused_and_nothing_written(void)
{
	const struct it_session *s = it_statewide();
	char body[1024], d[16], big[300];
	long long pid = 0, other_eid;

	CU_ASSERT_FATAL(ot_enroll(s, OT_SNAP_TO_SUCCESS, OT_LOC_AHS, PART_DATE, NULL, &pid) > 0);
	other_eid = ot_enroll(s, OT_SNAP_TO_SUCCESS, OT_LOC_AHS, PART_DATE, NULL, NULL);
	refused(s, pid, "{\"story\": \"s\", \"story_date\": \"2025-03-01\"}", "title", NULL);
	refused(s, pid, "{\"title\": \"t\", \"story_date\": \"2025-03-01\"}", "story", NULL);
	refused(s, pid, "{\"title\": \"t\", \"story\": \"s\"}", "story_date", NULL);
	refused(s, pid, "{\"title\": \"t\", \"story\": \"s\", \"story_date\": \"01/03/2025\"}",
	        "story_date", NULL);
	snprintf(body, sizeof(body), "{\"title\": \"t\", \"story\": \"s\", \"story_date\": \"%s\"}",
	         ot_day(1, d));
	refused(s, pid, body, "story_date", "R-DATE-4");
	refused(s, pid,
	        "{\"title\": \"t\", \"story\": \"s\", \"story_date\": \"2025-03-01\", "
	        "\"submitted_by\": \"robot\"}",
	        "submitted_by", NULL);
	refused(s, pid,
	        "{\"title\": \"t\", \"story\": \"s\", \"story_date\": \"2025-03-01\", "
	        "\"consent_to_share\": \"yes\"}",
	        "consent_to_share", NULL);
	refused(s, pid,
	        "{\"title\": \"t\\u0001\", \"story\": \"s\", \"story_date\": "
	        "\"2025-03-01\"}",
	        "title", NULL);
	refused(s, pid, "{\"title\": 5, \"story\": \"s\", \"story_date\": \"2025-03-01\"}", "title",
	        NULL);
	memset(big, 'T', 256);
	big[256] = '\0';
	snprintf(body, sizeof(body),
	         "{\"title\": \"%s\", \"story\": \"s\", \"story_date\": \"2025-03-01\"}", big);
	refused(s, pid, body, "title", NULL);
	snprintf(body, sizeof(body),
	         "{\"title\": \"t\", \"story\": \"s\", \"story_date\": \"2025-03-01\", "
	         "\"enrollment_id\": %lld}",
	         other_eid);
	refused(s, pid, body, "enrollment_id", NULL);
	refused(s, pid,
	        "{\"title\": \"t\", \"story\": \"s\", \"story_date\": \"2025-03-01\", "
	        "\"rating\": 5}",
	        "rating", NULL);
	{
		/* A story of 10001 characters. */
		size_t n = 10001;
		char *huge = malloc(n + 100);
		struct it_resp r;
		char path[96];
		CU_ASSERT_PTR_NOT_NULL_FATAL(huge);
		size_t k;
		strcpy(huge, "{\"title\": \"t\", \"story_date\": \"2025-03-01\", \"story\": \"");
		k = strlen(huge);
		memset(huge + k, 's', n);
		strcpy(huge + k + n, "\"}");
		snprintf(path, sizeof(path), "/api/v1/participants/%lld/success-stories", pid);
		CU_ASSERT_EQUAL(it_call(s, "POST", path, NULL, huge, &r), 0);
		CU_ASSERT_EQUAL(r.status, 422);
		CU_ASSERT(ot_has_detail(&r, "story", NULL));
		it_resp_free(&r);
		free(huge);
	}
	CU_ASSERT_EQUAL(story_count(pid), 0);
}

static void a_customer_tells_and_changes_only_their_own_story(void)
{
	const struct it_session *s = it_statewide();
	struct it_session billy;
	struct it_resp r;
	char path[96];
	long long mine, staff_story, count;

	CU_ASSERT_EQUAL_FATAL(ot_sign_in("billy.elliott", &billy), 0);
	/* The demo story Billy told is his to read. */
	CU_ASSERT_EQUAL_FATAL(
	        it_call(&billy, "GET", "/api/v1/participants/2/success-stories", NULL, NULL, &r),
	        0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.body, "Back to work in a week"));
	it_resp_free(&r);
	mine = tell(&billy, 2, "Certified and working", "2024-01-05");
	CU_ASSERT_FATAL(mine > 0);
	snprintf(path, sizeof(path), "/api/v1/success-stories/%lld", mine);
	CU_ASSERT_EQUAL_FATAL(it_call(&billy, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "submitted_by"), "participant");
	CU_ASSERT_EQUAL(it_json_int(&r, "submitted_by_user_id", 0), billy.user_id);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "submitted_by_name"), "Billy Elliott");
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(
	        it_call(&billy, "PATCH", path, "\"1\"", "{\"story\": \"A longer version.\"}", &r),
	        0);
	CU_ASSERT_EQUAL(r.status, 200);
	it_resp_free(&r);
	/* A customer's story is the participant's own (R-ACL-1). */
	refused(&billy, 2,
	        "{\"title\": \"t\", \"story\": \"s\", \"story_date\": \"2024-01-05\", "
	        "\"submitted_by\": \"staff\"}",
	        "submitted_by", "R-ACL-1");

	/* A story staff told about him he may read, not change. */
	staff_story = tell(s, 2, "Staff note on Billy", "2024-01-10");
	CU_ASSERT_FATAL(staff_story > 0);
	snprintf(path, sizeof(path), "/api/v1/success-stories/%lld", staff_story);
	CU_ASSERT_EQUAL_FATAL(it_call(&billy, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&billy, "DELETE", path, "\"1\"", NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 403);
	it_resp_free(&r);
	/* Someone else's stories do not exist for him. */
	count = story_count(1);
	CU_ASSERT_EQUAL_FATAL(
	        it_call(&billy, "GET", "/api/v1/participants/1/success-stories", NULL, NULL, &r),
	        0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&billy, "POST", "/api/v1/participants/1/success-stories",
	                              NULL,
	                              "{\"title\": \"t\", \"story\": \"s\", \"story_date\": "
	                              "\"2024-01-05\"}",
	                              &r),
	                      0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(story_count(1), count);
	/* His own story he may remove. */
	snprintf(path, sizeof(path), "/api/v1/success-stories/%lld", mine);
	CU_ASSERT_EQUAL_FATAL(it_call(&billy, "DELETE", path, "\"2\"", NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 204);
	it_resp_free(&r);
}

static void a_partner_of_another_location_gets_404(void)
{
	const struct it_session *s = it_statewide();
	struct it_session lao;
	struct it_resp r;
	char path[96];
	long long pid = 0, id;

	CU_ASSERT_FATAL(ot_enroll(s, OT_SNAP_TO_SUCCESS, OT_LOC_AHS, PART_DATE, NULL, &pid) > 0);
	id = tell(s, pid, "Kept in Chicago", "2025-03-01");
	CU_ASSERT_FATAL(id > 0);
	CU_ASSERT_EQUAL_FATAL(ot_sign_in("staff25.lao", &lao), 0);
	snprintf(path, sizeof(path), "/api/v1/participants/%lld/success-stories", pid);
	CU_ASSERT_EQUAL_FATAL(it_call(&lao, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&lao, "POST", path, NULL,
	                              "{\"title\": \"t\", \"story\": \"s\", \"story_date\": "
	                              "\"2025-03-01\"}",
	                              &r),
	                      0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
	snprintf(path, sizeof(path), "/api/v1/success-stories/%lld", id);
	CU_ASSERT_EQUAL_FATAL(it_call(&lao, "PATCH", path, "\"1\"", "{\"title\": \"x\"}", &r), 0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(story_count(pid), 1);
}

static const struct it_test tests[] = {
        {"staff tell, change and remove a story", staff_tell_change_and_remove_a_story},
        {"the list sorts by date or title, either way, and pages",
         the_list_sorts_by_date_or_title_either_way_and_pages},
        {"every bad story is refused and nothing written",
         every_bad_story_is_refused_and_nothing_written},
        {"a customer tells and changes only their own story",
         a_customer_tells_and_changes_only_their_own_story},
        {"a partner of another location gets 404 for success stories",
         a_partner_of_another_location_gets_404},
};

const struct it_suite it_suite_success_stories = {"success_stories", tests, IT_LEN(tests)};
