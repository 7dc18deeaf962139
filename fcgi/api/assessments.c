/*
 * api/assessments.c: a participant's basic-skills assessments, the test
 * scores EFL skill gains are computed from (issue 5, "EFL: from
 * assessments"; R-MSG-1, R-DATE-1, R-DATE-4).
 *
 *   GET    /api/v1/participants/{id}/assessments   list, paged
 *   POST   /api/v1/participants/{id}/assessments   record a test
 *   GET    /api/v1/assessments/{id}                one test
 *   PATCH  /api/v1/assessments/{id}                change it (If-Match)
 *   DELETE /api/v1/assessments/{id}                remove it (If-Match)
 *
 * An assessment is a test (TABE 11/12, TABE CLAS-E, CASAS, BEST Plus or
 * another NRS-approved test, named), a subject, the day it was taken, and
 * either a TABE 11/12 scale score (300..800 in reading, math or language:
 * the level is computed) or the NRS scale and functioning level the test
 * publisher's table gives. Every answer shows the level it places at and
 * the program year of the test, which is what pairs a pre- and a post-test
 * (rules/skill_gain.h; the pairs are offered at
 * /api/v1/enrollments/{id}/skill-gains/efl-candidates).
 *
 * A test an EFL gain rests on cannot change what it places at, nor go:
 * 409 assessment_in_use (delete the gain first). Reads need read access to
 * the participant, writes write access (R-ACL-1); every write is audited
 * in its transaction (R-ACL-3).
 */
#include "api/api.h"

#include "api/common.h"
#include "api/outcomes.h"
#include "api/record.h"
#include "db.h"
#include "json_io.h"
#include "pw.h"
#include "rules/acl.h"
#include "rules/skill_gain.h"
#include "store/assessment.h"
#include "store/outcome.h"

#include <stdio.h>
#include <string.h>

#define TEST_NAME_MAX   100
#define SCALE_SCORE_MAX 9999

static const struct api_col cols[AC_COUNT] = {
        [AC_ID] = {"id", API_INT},
        [AC_PARTICIPANT_ID] = {"participant_id", API_INT},
        [AC_ENROLLMENT_ID] = {"enrollment_id", API_INT},
        [AC_TEST] = {"test", API_STR},
        [AC_TEST_NAME] = {"test_name", API_STR},
        [AC_SUBJECT] = {"subject", API_STR},
        [AC_ASSESSED_ON] = {"assessed_on", API_STR},
        [AC_SCALE_SCORE] = {"scale_score", API_INT},
        [AC_LEVEL_SCALE] = {"level_scale", API_STR},
        [AC_FUNCTIONING_LEVEL] = {"functioning_level", API_INT},
        [AC_VERSION] = {"version", API_INT},
        [AC_CREATED_AT] = {"created_at", API_STR},
        [AC_UPDATED_AT] = {"updated_at", API_STR},
};

static const char *const fields_allowed[] = {
        "enrollment_id", "test",        "test_name",   "subject",
        "assessed_on",   "scale_score", "level_scale", "functioning_level",
};

static const char *const in_use_message =
        "An EFL skill gain rests on this assessment: delete the gain first.";

/* Code lists of the rules' tests, subjects and scales. */
struct code_lists {
	const char *tests[PW_TEST_OTHER];
	size_t ntests;
	const char *subjects[PW_SUBJECT_SPEAKING];
	size_t nsubjects;
	const char *scales[PW_NRS_ESL];
	size_t nscales;
};

static void code_lists(struct code_lists *c)
{
	memset(c, 0, sizeof(*c));
	for (int i = PW_TEST_TABE_11_12; i <= PW_TEST_OTHER; i++)
		c->tests[c->ntests++] = pw_skill_gain_test_code((enum pw_assessment_test)i);
	for (int i = PW_SUBJECT_READING; i <= PW_SUBJECT_SPEAKING; i++)
		c->subjects[c->nsubjects++] =
		        pw_skill_gain_subject_code((enum pw_assessment_subject)i);
	for (int i = PW_NRS_ABE; i <= PW_NRS_ESL; i++)
		c->scales[c->nscales++] = pw_skill_gain_scale_code((enum pw_nrs_scale)i);
}

/* Row r as the API shows it, with labels, the level it places at and its
 * program year; a new object. */
static json_object *assessment_json(const struct pw_db_rows *rows, size_t r)
{
	json_object *o = api_row_json(rows, r, cols, AC_COUNT);
	struct pw_assessment a;
	enum pw_nrs_scale scale = PW_NRS_NONE;
	int level = 0;

	pw_assessment_rule_view(rows, r, &a);
	json_object_object_add(o, "test_label",
	                       json_object_new_string(pw_skill_gain_test_label(a.test)));
	json_object_object_add(o, "subject_label",
	                       json_object_new_string(pw_skill_gain_subject_label(a.subject)));
	if (pw_skill_gain_assessment_level(&a, &scale, &level) == PW_OK) {
		json_object_object_add(o, "nrs_scale",
		                       json_object_new_string(pw_skill_gain_scale_code(scale)));
		json_object_object_add(o, "nrs_level", json_object_new_int(level));
		json_object_object_add(
		        o, "nrs_level_label",
		        json_object_new_string(pw_skill_gain_nrs_level_label(scale, level)));
	} else {
		json_object_object_add(o, "nrs_scale", NULL);
		json_object_object_add(o, "nrs_level", NULL);
		json_object_object_add(o, "nrs_level_label", NULL);
	}
	/* R-DATE-1: pre- and post-tests pair within one program year. */
	json_object_object_add(
	        o, "program_year",
	        pw_date_is_valid(a.date) ? json_object_new_int(pw_program_year(a.date)) : NULL);
	return o;
}

/* Reads the body over f (the stored state, or none on create). */
static void read_fields(struct pw_ctx *ctx, struct pw_assessment_fields *f, json_object *details)
{
	struct pw_fields fl = {ctx->body, details};
	struct code_lists c;
	long long n = 0;

	code_lists(&c);
	outcomes_id(ctx, &fl, "enrollment_id", &f->enrollment_id);
	outcomes_code(ctx, &fl, "test", c.tests, c.ntests, &f->test);
	outcomes_text(ctx, &fl, "test_name", TEST_NAME_MAX, &f->test_name);
	outcomes_code(ctx, &fl, "subject", c.subjects, c.nsubjects, &f->subject);
	outcomes_date(ctx, &fl, "assessed_on", &f->assessed_on);
	if (pw_field_int(&fl, "scale_score", PW_FIELD_OPTIONAL, 0, SCALE_SCORE_MAX, &n) == PW_OK)
		f->scale_score = n;
	else if (outcomes_null(ctx, "scale_score"))
		f->scale_score = -1;
	outcomes_code(ctx, &fl, "level_scale", c.scales, c.nscales, &f->level_scale);
	if (pw_field_int(&fl, "functioning_level", PW_FIELD_OPTIONAL, PW_NRS_LEVEL_MIN,
	                 PW_NRS_LEVEL_MAX, &n) == PW_OK)
		f->functioning_level = (int)n;
	else if (outcomes_null(ctx, "functioning_level"))
		f->functioning_level = 0;
	pw_fields_reject_unknown(&fl, fields_allowed, PW_ARRAY_LEN(fields_allowed));
	outcomes_name_rule(details, "R-MSG-1", fields_allowed, PW_ARRAY_LEN(fields_allowed));
}

/*
 * R-MSG-1, R-DATE-4: the test, subject and date are required, the date not
 * in the future; "other" tests are named; the test must place at a level:
 * a TABE 11/12 scale score of its subject, or a scale and level. Adds
 * details.
 */
static void check_fields(const struct pw_assessment_fields *f, json_object *details)
{
	struct pw_assessment a = {0};
	enum pw_nrs_scale scale;
	char d[PW_DATE_STRLEN];
	int level;

	if (!f->test)
		pw_details_add(details, "test", "is required", "R-MSG-1");
	if (!f->subject)
		pw_details_add(details, "subject", "is required", "R-MSG-1");
	if (!pw_date_is_valid(f->assessed_on)) {
		pw_details_add(details, "assessed_on", "is required", "R-MSG-1");
	} else if (f->assessed_on > api_today()) {
		char msg[64];
		pw_date_format(f->assessed_on, d);
		snprintf(msg, sizeof(msg), "%s is in the future", d);
		pw_details_add(details, "assessed_on", msg, "R-DATE-4");
	}
	if (!f->test || !f->subject)
		return;
	pw_skill_gain_test_from_code(f->test, &a.test);
	pw_skill_gain_subject_from_code(f->subject, &a.subject);
	if (f->level_scale)
		pw_skill_gain_scale_from_code(f->level_scale, &a.scale);
	a.scale_score = f->scale_score > 0 ? (int)f->scale_score : 0;
	a.level = f->functioning_level;
	a.date = f->assessed_on;
	if (a.test == PW_TEST_OTHER && !f->test_name)
		pw_details_add(details, "test_name", "is required for another test", "R-MSG-1");
	if (a.test == PW_TEST_TABE_11_12) {
		/* TABE 11/12 places on the ABE ladder; its score decides. */
		if (a.scale == PW_NRS_ESL)
			pw_details_add(details, "level_scale", "must be abe for TABE 11/12",
			               "R-MSG-1");
		if (f->scale_score >= 0 &&
		    pw_skill_gain_tabe_level(a.subject, (int)f->scale_score, &level) != PW_OK)
			pw_details_add(
			        details, "scale_score",
			        "must be a TABE 11/12 scale score from 300 to 800 in reading, "
			        "math or language",
			        "R-MSG-1");
	} else if (a.level && a.scale == PW_NRS_NONE) {
		pw_details_add(details, "level_scale", "is required with a functioning level",
		               "R-MSG-1");
	}
	if (pw_skill_gain_assessment_level(&a, &scale, &level) != PW_OK &&
	    !json_object_array_length(details))
		pw_details_add(details,
		               a.test == PW_TEST_TABE_11_12 ? "scale_score" : "functioning_level",
		               a.test == PW_TEST_TABE_11_12
		                       ? "is required: the scale score (or the NRS level) places "
		                         "the test"
		                       : "is required with level_scale: the NRS level the test "
		                         "publisher's table gives",
		               "R-MSG-1");
}

/* 1 when a change moves what the test places at or when it counts. */
static int placement_changed(const struct pw_assessment_fields *a,
                             const struct pw_assessment_fields *b)
{
	return strcmp(a->test, b->test) || strcmp(a->subject, b->subject) ||
	       a->assessed_on != b->assessed_on || a->scale_score != b->scale_score ||
	       a->functioning_level != b->functioning_level ||
	       (a->level_scale == NULL) != (b->level_scale == NULL) ||
	       (a->level_scale && strcmp(a->level_scale, b->level_scale));
}

/* Checks the enrollment an assessment names is the participant's. Adds a
 * detail; returns a database error or PW_OK. */
static int check_enrollment(struct pw_ctx *ctx, long long participant_id,
                            const struct pw_assessment_fields *f, json_object *details)
{
	int found = 0, rc;

	if (!f->enrollment_id)
		return PW_OK;
	rc = pw_outcome_enrollment_of(ctx->db, f->enrollment_id, participant_id, &found);
	if (rc == PW_OK && !found)
		pw_details_add(details, "enrollment_id",
		               "must be an enrollment of this participant", "R-MSG-1");
	return rc;
}

/* One write's state: the record kind's arg (see api/record.h). */
struct edit {
	long long participant_id;
	struct pw_assessment_fields before, f;
};

static json_object *edit_json(const struct pw_db_rows *rows, size_t r, void *arg)
{
	(void)arg;
	return assessment_json(rows, r);
}

static int edit_prepare(struct pw_ctx *ctx, long long pid, const struct pw_db_rows *rows, void *arg)
{
	struct edit *w = arg;

	(void)ctx;
	w->participant_id = pid;
	return pw_assessment_fields_from_row(rows, 0, &w->before);
}

/* PATCH: the fields, the enrollment, and the gains that rest on the test
 * when it would place elsewhere (409 assessment_in_use). */
static int edit_check_update(struct pw_ctx *ctx, void *arg)
{
	struct edit *w = arg;
	json_object *details = pw_details_new();
	long long uses = 0;
	int rc;

	w->f = w->before;
	read_fields(ctx, &w->f, details);
	if (!json_object_array_length(details))
		check_fields(&w->f, details);
	rc = check_enrollment(ctx, w->participant_id, &w->f, details);
	if (rc == PW_OK && !json_object_array_length(details) &&
	    placement_changed(&w->before, &w->f))
		rc = pw_assessment_uses(ctx->db, ctx->ids[0], &uses);
	if (rc != PW_OK) {
		json_object_put(details);
		pw_response_error_rc(ctx->res, rc);
		return -1;
	}
	if (outcomes_refuse(ctx, details))
		return -1;
	if (uses) {
		pw_response_error(ctx->res, 409, "assessment_in_use", in_use_message, NULL);
		return -1;
	}
	return 0;
}

static int edit_insert(struct pw_ctx *ctx, long long participant_id, void *arg, long long *id)
{
	const struct edit *w = arg;

	return pw_assessment_insert(ctx->db, participant_id, &w->f, id);
}

static int edit_update(struct pw_ctx *ctx, long long id, int version, void *arg)
{
	const struct edit *w = arg;

	return pw_assessment_update(ctx->db, id, version, &w->f);
}

static const struct record_kind kind = {
        .entity = "assessment",
        .location = "/api/v1/assessments/",
        .get = pw_assessment_get,
        .version_col = AC_VERSION,
        .json = edit_json,
        .parent = RECORD_UNDER_PARTICIPANT,
        .parent_col = AC_PARTICIPANT_ID,
        .prepare = edit_prepare,
        .check_update = edit_check_update,
        .insert = edit_insert,
        .update = edit_update,
        .remove = pw_assessment_delete,
        .in_use_code = "assessment_in_use",
        .in_use_message = in_use_message,
};

void api_assessments_list(struct pw_ctx *ctx)
{
	struct pw_db_rows *rows = NULL;
	json_object *items;
	long long after = 0, last = 0;
	int limit, rc;

	if (api_authorize_participant(ctx, ctx->ids[0], PW_ACL_READ) ||
	    api_page_params(ctx, &limit, &after))
		return;
	rc = pw_assessment_list(ctx->db, ctx->ids[0], after, limit, &rows);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	items = json_object_new_array();
	for (size_t r = 0; r < rows->nrows; r++) {
		json_object_array_add(items, assessment_json(rows, r));
		last = pw_db_cell_int(rows, r, AC_ID, 0);
	}
	pw_db_rows_free(rows);
	api_page_answer(ctx, items, limit, last);
}

void api_assessments_get(struct pw_ctx *ctx)
{
	struct pw_db_rows *rows = NULL;

	if (record_load(ctx, &kind, ctx->ids[0], &rows))
		return;
	if (api_authorize_participant(ctx, pw_db_cell_int(rows, 0, AC_PARTICIPANT_ID, 0),
	                              PW_ACL_READ) == 0) {
		api_etag(ctx, pw_db_cell_int(rows, 0, AC_VERSION, 0));
		pw_response_json(ctx->res, 200, assessment_json(rows, 0));
	}
	pw_db_rows_free(rows);
}

/* POST: everything is checked before the transaction, which only writes. */
void api_assessments_create(struct pw_ctx *ctx)
{
	struct edit w = {.participant_id = ctx->ids[0]};
	json_object *details;
	int rc;

	if (api_authorize_participant(ctx, w.participant_id, PW_ACL_WRITE))
		return;
	w.f.assessed_on = PW_DATE_NONE;
	w.f.scale_score = -1;
	details = pw_details_new();
	read_fields(ctx, &w.f, details);
	if (!json_object_array_length(details))
		check_fields(&w.f, details);
	rc = check_enrollment(ctx, w.participant_id, &w.f, details);
	if (rc != PW_OK) {
		json_object_put(details);
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	if (outcomes_refuse(ctx, details))
		return;
	record_create(ctx, &kind, w.participant_id, &w);
}

/* PATCH answers 200 with the test, DELETE 204 (api/record.h); a delete the
 * database refuses because a gain rests on the test is 409. */
void api_assessments_update(struct pw_ctx *ctx)
{
	struct edit w = {0};

	record_change(ctx, &kind, 0, &w);
}

void api_assessments_delete(struct pw_ctx *ctx)
{
	struct edit w = {0};

	record_change(ctx, &kind, 1, &w);
}
