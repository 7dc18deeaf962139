/*
 * api/skill_gains.c: measurable skill gains of an enrollment (issue 5,
 * "Measurable skill gains"; R-MSG-1..3, R-DATE-1, R-DATE-4).
 *
 *   GET    /api/v1/enrollments/{id}/skill-gains                  list, paged
 *   POST   /api/v1/enrollments/{id}/skill-gains                  record one
 *   GET    /api/v1/enrollments/{id}/skill-gains/efl-candidates   EFL gains the
 *                                                                assessments show
 *   GET    /api/v1/skill-gains/{id}                              one gain
 *   PATCH  /api/v1/skill-gains/{id}                              change it (If-Match)
 *   DELETE /api/v1/skill-gains/{id}                              remove it (If-Match)
 *
 * Each of the five types takes exactly the answers of its workNet / ISETS
 * form (seeds 001 and 004): secondary transcript: pursuing a diploma and
 * enrolled in secondary education, highest level of education;
 * postsecondary transcript: full- or part-time with the semester(s) the
 * credits were earned in, highest level of education; skills progression:
 * passed the exam; training milestone: only the progress report (the
 * document); EFL: by test scores (a pre- and a post-test among the
 * participant's assessments) or by entering postsecondary education after
 * exit. An answer another type asks for is refused, so a gain never
 * carries answers nobody checked. Every type has a date attained and a
 * comment; all but EFL need a document, which must be the participant's.
 * The type of a gain never changes: record another one instead.
 *
 * The rules live in rules/skill_gain.c; this file fills their context from
 * the enrollment (participation and exit dates, school status at exit) and
 * the participant (education at entry, for R-MSG-1's "no diploma at entry"),
 * read under a shared lock inside the write's transaction. The program year
 * the gain counts in (R-DATE-1, R-MSG-2) is computed, stored and shown.
 * An EFL gain by test scores is dated on its post-test and recorded once
 * per post-test (409 duplicate).
 *
 * Reads need read access to the enrollment, writes write access (R-ACL-1);
 * gains stay open after the exit (R-SVC-4); every write is audited with
 * before and after in its transaction (R-ACL-3).
 */
#include "api/api.h"

#include "api/common.h"
#include "api/outcomes.h"
#include "api/record.h"
#include "db.h"
#include "json_io.h"
#include "pw.h"
#include "rules/acl.h"
#include "rules/exit.h"
#include "rules/skill_gain.h"
#include "store/assessment.h"
#include "store/outcome.h"
#include "store/skill_gain.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Credits fit DECIMAL(5,1); the rules refuse more than 60 in a semester. */
#define CREDITS_MAX 999.9
/* How many assessments and candidate gains the EFL pairing looks at. */
#define ASSESSMENTS_MAX 1000
#define CANDIDATES_MAX  200

static const struct api_col cols[SG_COUNT] = {
        [SG_ID] = {"id", API_INT},
        [SG_ENROLLMENT_ID] = {"enrollment_id", API_INT},
        [SG_TYPE] = {"type", API_STR},
        [SG_DATE_ATTAINED] = {"date_attained", API_STR},
        [SG_PROGRAM_YEAR] = {"program_year", API_INT},
        [SG_COMMENT] = {"comment", API_STR},
        [SG_PURSUING_SECONDARY] = {"enrolled_secondary", API_STR},
        [SG_HIGHEST_EDUCATION] = {"highest_education", API_STR},
        [SG_LOAD] = {"load", API_STR},
        [SG_SEM1_START] = {"semester1_start", API_STR},
        [SG_SEM1_END] = {"semester1_end", API_STR},
        [SG_SEM1_CREDITS] = {"semester1_credits", API_SKIP}, /* a number, below */
        [SG_SEM2_START] = {"semester2_start", API_STR},
        [SG_SEM2_END] = {"semester2_end", API_STR},
        [SG_SEM2_CREDITS] = {"semester2_credits", API_SKIP},
        [SG_PASSED_EXAM] = {"passed_exam", API_STR},
        [SG_EFL_BASIS] = {"efl_basis", API_STR},
        [SG_PRE_ASSESSMENT_ID] = {"pre_assessment_id", API_INT},
        [SG_POST_ASSESSMENT_ID] = {"post_assessment_id", API_INT},
        [SG_DOCUMENT_ID] = {"document_id", API_INT},
        [SG_VERSION] = {"version", API_INT},
        [SG_CREATED_AT] = {"created_at", API_STR},
        [SG_UPDATED_AT] = {"updated_at", API_STR},
};

static const char *const fields_allowed[] = {
        "type",
        "date_attained",
        "comment",
        "document_id",
        "efl_basis",
        "pre_assessment_id",
        "post_assessment_id",
        "enrolled_secondary",
        "highest_education",
        "load",
        "semester1_start",
        "semester1_end",
        "semester1_credits",
        "semester2_start",
        "semester2_end",
        "semester2_credits",
        "passed_exam",
};

/* The answers of each type's form beyond date, comment and document
 * (R-MSG-1), and the semester fields (R-MSG-2). */
static const char *const efl_fields[] = {"efl_basis", "pre_assessment_id", "post_assessment_id"};
static const char *const secondary_fields[] = {"enrolled_secondary", "highest_education"};
static const char *const semester1_fields[] = {"semester1_start", "semester1_end",
                                               "semester1_credits"};
static const char *const semester2_fields[] = {"semester2_start", "semester2_end",
                                               "semester2_credits"};
static const char *const answers[] = {"yes", "no"};

/* Code lists of the rules' vocabularies, in their order. */
struct code_lists {
	const char *types[PW_MSG_SKILLS_PROGRESSION];
	size_t ntypes;
	const char *bases[PW_EFL_BASIS_POSTSECONDARY_ENTRY];
	size_t nbases;
	const char *loads[PW_LOAD_PART_TIME];
	size_t nloads;
	const char *levels[PW_EDU_BEYOND_BACHELOR];
	size_t nlevels;
};

static void code_lists(struct code_lists *c)
{
	memset(c, 0, sizeof(*c));
	for (int i = PW_MSG_EFL; i <= PW_MSG_SKILLS_PROGRESSION; i++)
		c->types[c->ntypes++] = pw_skill_gain_type_code((enum pw_msg_type)i);
	for (int i = PW_EFL_BASIS_TEST_SCORES; i <= PW_EFL_BASIS_POSTSECONDARY_ENTRY; i++)
		c->bases[c->nbases++] = pw_skill_gain_basis_code((enum pw_efl_basis)i);
	for (int i = PW_LOAD_FULL_TIME; i <= PW_LOAD_PART_TIME; i++)
		c->loads[c->nloads++] = pw_skill_gain_load_code((enum pw_study_load)i);
	for (int i = PW_EDU_GRADE_8_OR_LESS; i <= PW_EDU_BEYOND_BACHELOR; i++)
		c->levels[c->nlevels++] = pw_education_level_code((enum pw_education_level)i);
}

/* Adds a cell holding DECIMAL credits as a number (null when NULL). */
static void add_credits(json_object *o, const char *name, const char *cell)
{
	json_object_object_add(o, name,
	                       cell ? json_object_new_double_s(strtod(cell, NULL), cell) : NULL);
}

/* Row r as the API shows it, with labels; a new object. */
static json_object *gain_json(const struct pw_db_rows *rows, size_t r)
{
	json_object *o = api_row_json(rows, r, cols, SG_COUNT);
	enum pw_msg_type t;
	enum pw_efl_basis b;
	enum pw_study_load l;
	enum pw_education_level e;

	add_credits(o, "semester1_credits", pw_db_cell(rows, r, SG_SEM1_CREDITS));
	add_credits(o, "semester2_credits", pw_db_cell(rows, r, SG_SEM2_CREDITS));
	if (pw_skill_gain_type_from_code(pw_db_cell(rows, r, SG_TYPE), &t) == PW_OK)
		json_object_object_add(o, "type_label",
		                       json_object_new_string(pw_skill_gain_type_label(t)));
	if (pw_skill_gain_basis_from_code(pw_db_cell(rows, r, SG_EFL_BASIS), &b) == PW_OK)
		json_object_object_add(o, "efl_basis_label",
		                       json_object_new_string(pw_skill_gain_basis_label(b)));
	if (pw_skill_gain_load_from_code(pw_db_cell(rows, r, SG_LOAD), &l) == PW_OK)
		json_object_object_add(o, "load_label",
		                       json_object_new_string(pw_skill_gain_load_label(l)));
	if (pw_education_level_from_code(pw_db_cell(rows, r, SG_HIGHEST_EDUCATION), &e) == PW_OK)
		json_object_object_add(o, "highest_education_label",
		                       json_object_new_string(pw_education_level_label(e)));
	return o;
}

/* Credits: a number 0..CREDITS_MAX with at most one decimal (the column's
 * precision); null clears them. */
static void read_credits(const struct pw_ctx *ctx, struct pw_fields *fl, const char *name,
                         double *out)
{
	double d = 0.0;
	int rc = pw_field_number(fl, name, PW_FIELD_OPTIONAL, 0.0, CREDITS_MAX, &d);

	if (rc == PW_OK && fabs(d * 10.0 - round(d * 10.0)) > 1e-6)
		pw_details_add(fl->details, name, "must have at most one decimal place", "R-MSG-2");
	else if (rc == PW_OK)
		*out = d;
	else if (rc == PW_ERR_NOT_FOUND && outcomes_null(ctx, name))
		*out = -1.0;
}

/* Reads the body over f (the stored state, or none on create). */
static void read_fields(struct pw_ctx *ctx, struct pw_skill_gain_fields *f, json_object *details)
{
	struct pw_fields fl = {ctx->body, details};
	struct code_lists c;

	code_lists(&c);
	outcomes_code(ctx, &fl, "type", c.types, c.ntypes, &f->type);
	outcomes_date(ctx, &fl, "date_attained", &f->date_attained);
	outcomes_text(ctx, &fl, "comment", PW_SKILL_GAIN_COMMENT_MAX, &f->comment);
	outcomes_id(ctx, &fl, "document_id", &f->document_id);
	outcomes_code(ctx, &fl, "efl_basis", c.bases, c.nbases, &f->efl_basis);
	outcomes_id(ctx, &fl, "pre_assessment_id", &f->pre_assessment_id);
	outcomes_id(ctx, &fl, "post_assessment_id", &f->post_assessment_id);
	outcomes_code(ctx, &fl, "enrolled_secondary", answers, PW_ARRAY_LEN(answers),
	              &f->pursuing_secondary);
	outcomes_code(ctx, &fl, "highest_education", c.levels, c.nlevels, &f->highest_education);
	outcomes_code(ctx, &fl, "load", c.loads, c.nloads, &f->load);
	for (int i = 0; i < 2; i++) {
		const char *const *names = i ? semester2_fields : semester1_fields;
		outcomes_date(ctx, &fl, names[0], &f->semesters[i].start);
		outcomes_date(ctx, &fl, names[1], &f->semesters[i].end);
		read_credits(ctx, &fl, names[2], &f->semesters[i].credits);
	}
	outcomes_code(ctx, &fl, "passed_exam", answers, PW_ARRAY_LEN(answers), &f->passed_exam);
	pw_fields_reject_unknown(&fl, fields_allowed, PW_ARRAY_LEN(fields_allowed));
	/* The semesters are R-MSG-2's; every other answer is R-MSG-1's. */
	outcomes_name_rule(details, "R-MSG-2", semester1_fields, PW_ARRAY_LEN(semester1_fields));
	outcomes_name_rule(details, "R-MSG-2", semester2_fields, PW_ARRAY_LEN(semester2_fields));
	outcomes_name_rule(details, "R-MSG-1", fields_allowed, PW_ARRAY_LEN(fields_allowed));
}

/* 1 when name is one of list[0..n). */
static int listed(const char *name, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(name, list[i]))
			return 1;
	return 0;
}

/*
 * R-MSG-1 "exactly its own answers": an answer the type (and, for
 * postsecondary transcripts, the load; for EFL, the basis) does not ask
 * for is refused when this body sends it, and dropped when it is only
 * left over in the stored state. Must run after read_fields.
 */
static void only_own_answers(const struct pw_ctx *ctx, enum pw_msg_type t,
                             struct pw_skill_gain_fields *f, json_object *details)
{
	static const char *const answer_fields[] = {
	        "efl_basis",          "pre_assessment_id", "post_assessment_id",
	        "enrolled_secondary", "highest_education", "load",
	        "semester1_start",    "semester1_end",     "semester1_credits",
	        "semester2_start",    "semester2_end",     "semester2_credits",
	        "passed_exam",
	};
	const char *own[8];
	size_t n = 0;
	int part_time = f->load && !strcmp(f->load, "part_time");
	int by_tests = f->efl_basis && !strcmp(f->efl_basis, "test_scores");
	char msg[160];

	switch (t) {
	case PW_MSG_EFL:
		own[n++] = efl_fields[0];
		if (by_tests || !f->efl_basis) {
			own[n++] = efl_fields[1];
			own[n++] = efl_fields[2];
		}
		break;
	case PW_MSG_SECONDARY_TRANSCRIPT:
		own[n++] = secondary_fields[0];
		own[n++] = secondary_fields[1];
		break;
	case PW_MSG_POSTSECONDARY_TRANSCRIPT:
		own[n++] = "load";
		own[n++] = "highest_education";
		for (size_t i = 0; i < 3; i++)
			own[n++] = semester1_fields[i];
		break;
	case PW_MSG_SKILLS_PROGRESSION:
		own[n++] = "passed_exam";
		break;
	default:
		break;
	}
	for (size_t i = 0; i < PW_ARRAY_LEN(answer_fields); i++) {
		const char *name = answer_fields[i];
		int mine = listed(name, own, n) ||
		           (t == PW_MSG_POSTSECONDARY_TRANSCRIPT && (part_time || !f->load) &&
		            listed(name, semester2_fields, PW_ARRAY_LEN(semester2_fields)));
		if (mine)
			continue;
		if (outcomes_present(ctx, name) && !outcomes_null(ctx, name)) {
			snprintf(msg, sizeof(msg), "is not asked for a %s gain",
			         pw_skill_gain_type_label(t));
			pw_details_add(
			        details, name, msg,
			        listed(name, semester2_fields, PW_ARRAY_LEN(semester2_fields))
			                ? "R-MSG-2"
			                : "R-MSG-1");
		}
	}
	/* Left-overs of the stored state that no longer apply are dropped. */
	if (t != PW_MSG_EFL)
		f->efl_basis = NULL;
	if (t != PW_MSG_EFL || !by_tests)
		f->pre_assessment_id = f->post_assessment_id = 0;
	if (t != PW_MSG_SECONDARY_TRANSCRIPT)
		f->pursuing_secondary = NULL;
	if (t != PW_MSG_SECONDARY_TRANSCRIPT && t != PW_MSG_POSTSECONDARY_TRANSCRIPT)
		f->highest_education = NULL;
	if (t != PW_MSG_POSTSECONDARY_TRANSCRIPT)
		f->load = NULL;
	for (int i = 0; i < 2; i++) {
		if (t == PW_MSG_POSTSECONDARY_TRANSCRIPT && (i == 0 || part_time))
			continue;
		f->semesters[i].start = f->semesters[i].end = PW_DATE_NONE;
		f->semesters[i].credits = -1.0;
	}
	if (t != PW_MSG_SKILLS_PROGRESSION)
		f->passed_exam = NULL;
}

/* An assessment of participant_id as the rules see it; 0, or -1 with a
 * detail on field when it is not one of theirs. *rc gets a database error. */
static int assessment_of(struct pw_ctx *ctx, long long id, long long participant_id,
                         const char *field, struct pw_assessment *a, json_object *details, int *rc)
{
	struct pw_db_rows *rows = NULL;
	int ok = -1;

	*rc = pw_assessment_get(ctx->db, id, &rows);
	if (*rc != PW_OK)
		return -1;
	if (rows->nrows == 1 && pw_db_cell_int(rows, 0, AC_PARTICIPANT_ID, 0) == participant_id) {
		pw_assessment_rule_view(rows, 0, a);
		ok = 0;
	} else {
		pw_details_add(details, field, "must be an assessment of this participant",
		               "R-MSG-1");
	}
	pw_db_rows_free(rows);
	return ok;
}

/*
 * R-MSG-1: an EFL gain by test scores rests on a pre- and a post-test of
 * the participant that the rules pair into a gain of at least one level in
 * one program year; it is dated on the post-test (the date defaults to it)
 * and recorded once per post-test (409 duplicate, *conflict set). Adds
 * details; returns a database error or PW_OK.
 */
static int check_test_scores(struct pw_ctx *ctx, const struct pw_outcome_facts *e, long long id,
                             struct pw_skill_gain_fields *f, json_object *details, int *conflict)
{
	struct pw_assessment a[2];
	struct pw_efl_gain g[2];
	size_t found = 0;
	long long other = 0;
	char d[PW_DATE_STRLEN];
	int rc = PW_OK, paired = 0, bad;

	if (!f->pre_assessment_id)
		pw_details_add(details, "pre_assessment_id",
		               "is required for an EFL gain by test scores", "R-MSG-1");
	if (!f->post_assessment_id)
		pw_details_add(details, "post_assessment_id",
		               "is required for an EFL gain by test scores", "R-MSG-1");
	if (!f->pre_assessment_id || !f->post_assessment_id)
		return PW_OK;
	bad = assessment_of(ctx, f->pre_assessment_id, e->participant_id, "pre_assessment_id",
	                    &a[0], details, &rc);
	if (rc != PW_OK)
		return rc;
	bad |= assessment_of(ctx, f->post_assessment_id, e->participant_id, "post_assessment_id",
	                     &a[1], details, &rc);
	if (rc != PW_OK || bad)
		return rc;
	pw_skill_gain_efl_gains(a, 2, g, 2, &found);
	for (size_t i = 0; i < found && i < 2; i++)
		if (g[i].pre == 0 && g[i].post == 1)
			paired = 1;
	if (!paired) {
		pw_details_add(details, "post_assessment_id",
		               "must be a later test of the same kind and subject, in the same "
		               "program year, placing at least one level above the pre-test",
		               "R-MSG-1");
		return PW_OK;
	}
	/* The gain is dated on its post-test: by default, and whenever the body
	 * names the pair without a date. */
	if (!pw_date_is_valid(f->date_attained) || !outcomes_present(ctx, "date_attained")) {
		f->date_attained = a[1].date;
	} else if (f->date_attained != a[1].date) {
		char msg[96];
		pw_date_format(a[1].date, d);
		snprintf(msg, sizeof(msg), "must be the post-test's date, %s", d);
		pw_details_add(details, "date_attained", msg, "R-MSG-1");
	}
	rc = pw_skill_gain_find_post(ctx->db, e->enrollment_id, f->post_assessment_id, id, &other);
	if (rc == PW_OK && other)
		*conflict = 1;
	return rc;
}

/*
 * Checks the gain f (type t) against its enrollment, inside the write's
 * transaction: the type's own answers, the EFL pairing, the document, then
 * the rules of R-MSG-1..3 and R-DATE-4, which also give the program year
 * (stored in f). id is the gain's id (0 on create); before the stored state
 * on an update. field_problems holds the body's field errors (consumed).
 * Returns 0 when the write may go ahead, else -1 with the response filled.
 */
static int check(struct pw_ctx *ctx, const struct pw_outcome_facts *e, long long id,
                 const struct pw_skill_gain_fields *before, struct pw_skill_gain_fields *f,
                 json_object *field_problems)
{
	json_object *details = field_problems;
	struct pw_skill_gain g = {0};
	struct pw_skill_gain_context cx = {0};
	enum pw_exit_school_status school;
	struct pw_violations v;
	int rc = PW_OK, conflict = 0;

	if (f->type)
		pw_skill_gain_type_from_code(f->type, &g.type);
	only_own_answers(ctx, g.type, f, details);
	if (f->efl_basis)
		pw_skill_gain_basis_from_code(f->efl_basis, &g.efl_basis);
	if (g.type == PW_MSG_EFL && g.efl_basis == PW_EFL_BASIS_TEST_SCORES)
		rc = check_test_scores(ctx, e, id, f, details, &conflict);
	if (rc == PW_OK && f->document_id && (!before || before->document_id != f->document_id))
		rc = outcomes_check_document(ctx, f->document_id, e->participant_id, "document_id",
		                             "R-MSG-1", details);
	if (rc != PW_OK) {
		json_object_put(details);
		pw_response_error_rc(ctx->res, rc);
		return -1;
	}
	if (conflict) {
		json_object_put(details);
		details = pw_details_new();
		pw_details_add(details, "post_assessment_id",
		               "already has its EFL gain recorded on this enrollment", "R-MSG-1");
		pw_response_error(ctx->res, 409, "duplicate", "This EFL gain is already recorded.",
		                  details);
		return -1;
	}

	g.date_attained = f->date_attained;
	g.comment = f->comment;
	g.has_document = f->document_id != 0;
	if (f->pursuing_secondary)
		pw_education_answer_from_code(f->pursuing_secondary, &g.enrolled_secondary);
	if (f->highest_education)
		pw_education_level_from_code(f->highest_education, &g.highest_education);
	if (f->load)
		pw_skill_gain_load_from_code(f->load, &g.load);
	for (int i = 0; i < 2; i++) {
		g.semesters[i].start = f->semesters[i].start;
		g.semesters[i].end = f->semesters[i].end;
		g.semesters[i].credits = f->semesters[i].credits;
	}
	if (f->passed_exam)
		pw_education_answer_from_code(f->passed_exam, &g.passed_exam);

	cx.participation_date = e->participation_date;
	cx.exit_date = e->exit_date;
	cx.as_of = api_today();
	if (e->education_at_entry)
		pw_education_level_from_code(e->education_at_entry, &cx.education_at_entry);
	if (e->school_status_at_exit &&
	    pw_exit_school_status_from_code(e->school_status_at_exit, &school) == PW_OK)
		cx.school_status_at_exit = school;

	pw_violations_init(&v);
	pw_skill_gain_validate(&g, &cx, &f->program_year, &v);
	pw_details_add_violations(details, &v);
	/* The rules call the uploaded document "document". */
	outcomes_rename_field(details, "document", "document_id");
	if (outcomes_refuse(ctx, details))
		return -1;
	return 0;
}

/* One write's state: the record kind's arg (see api/record.h). */
struct edit {
	struct pw_outcome_facts e; /* read under a shared lock */
	struct pw_skill_gain_fields before, f;
	json_object *details; /* a create's field problems, until check consumes them */
};

static json_object *edit_json(const struct pw_db_rows *rows, size_t r, void *arg)
{
	(void)arg;
	return gain_json(rows, r);
}

static int edit_prepare(struct pw_ctx *ctx, long long eid, const struct pw_db_rows *rows, void *arg)
{
	struct edit *w = arg;
	int rc = pw_outcome_enrollment_facts(ctx->db, ctx->arena, eid, true, &w->e);

	return rc == PW_OK ? pw_skill_gain_fields_from_row(rows, 0, &w->before) : rc;
}

static int edit_check_create(struct pw_ctx *ctx, long long eid, void *arg)
{
	struct edit *w = arg;
	json_object *details = w->details;
	int rc = pw_outcome_enrollment_facts(ctx->db, ctx->arena, eid, true, &w->e);

	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return -1;
	}
	w->details = NULL; /* check consumes them */
	return check(ctx, &w->e, 0, NULL, &w->f, details);
}

static int edit_check_update(struct pw_ctx *ctx, void *arg)
{
	struct edit *w = arg;
	json_object *details = pw_details_new();

	w->f = w->before;
	read_fields(ctx, &w->f, details);
	/* R-MSG-1: the type decides the form; it never changes. */
	if (!w->f.type || strcmp(w->f.type, w->before.type)) {
		pw_details_add(details, "type",
		               "cannot change: delete this gain and record the other type",
		               "R-MSG-1");
		w->f.type = w->before.type;
	}
	if (json_object_array_length(details)) {
		api_invalid(ctx, "Some fields need attention.", details);
		return -1;
	}
	return check(ctx, &w->e, ctx->ids[0], &w->before, &w->f, details);
}

static int edit_insert(struct pw_ctx *ctx, long long enrollment_id, void *arg, long long *id)
{
	const struct edit *w = arg;

	return pw_skill_gain_insert(ctx->db, enrollment_id, &w->f, id);
}

static int edit_update(struct pw_ctx *ctx, long long id, int version, void *arg)
{
	const struct edit *w = arg;

	return pw_skill_gain_update(ctx->db, id, version, &w->f);
}

static const struct record_kind kind = {
        .entity = "skill_gain",
        .location = "/api/v1/skill-gains/",
        .get = pw_skill_gain_get,
        .version_col = SG_VERSION,
        .json = edit_json,
        .parent = RECORD_UNDER_ENROLLMENT,
        .parent_col = SG_ENROLLMENT_ID,
        .prepare = edit_prepare,
        .check_create = edit_check_create,
        .check_update = edit_check_update,
        .insert = edit_insert,
        .update = edit_update,
        .remove = pw_skill_gain_delete,
};

void api_skill_gains_list(struct pw_ctx *ctx)
{
	struct pw_db_rows *rows = NULL;
	json_object *items;
	long long after = 0, last = 0;
	int limit, rc;

	if (api_authorize_enrollment(ctx, ctx->ids[0], PW_ACL_READ, NULL) ||
	    api_page_params(ctx, &limit, &after))
		return;
	rc = pw_skill_gain_list(ctx->db, ctx->ids[0], after, limit, &rows);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	items = json_object_new_array();
	for (size_t r = 0; r < rows->nrows; r++) {
		json_object_array_add(items, gain_json(rows, r));
		last = pw_db_cell_int(rows, r, SG_ID, 0);
	}
	pw_db_rows_free(rows);
	api_page_answer(ctx, items, limit, last);
}

void api_skill_gains_get(struct pw_ctx *ctx)
{
	struct pw_db_rows *rows = NULL;

	if (record_load(ctx, &kind, ctx->ids[0], &rows))
		return;
	if (api_authorize_enrollment(ctx, pw_db_cell_int(rows, 0, SG_ENROLLMENT_ID, 0), PW_ACL_READ,
	                             NULL) == 0) {
		api_etag(ctx, pw_db_cell_int(rows, 0, SG_VERSION, 0));
		pw_response_json(ctx->res, 200, gain_json(rows, 0));
	}
	pw_db_rows_free(rows);
}

/* A candidate EFL gain as JSON: the pair, its levels and whether it can be
 * (or has been) recorded on this enrollment. A new object. */
static json_object *candidate_json(const struct pw_db_rows *rows, const struct pw_efl_gain *g,
                                   const struct pw_outcome_facts *e, int recorded)
{
	json_object *o = json_object_new_object();
	char d[PW_DATE_STRLEN];
	int within = pw_date_is_valid(e->participation_date) && g->date >= e->participation_date &&
	             (!pw_date_is_valid(e->exit_date) || g->date <= e->exit_date);

	pw_date_format(g->date, d);
	json_object_object_add(o, "type", json_object_new_string("efl"));
	json_object_object_add(o, "efl_basis", json_object_new_string("test_scores"));
	json_object_object_add(o, "test",
	                       json_object_new_string(pw_db_cell(rows, g->post, AC_TEST)));
	json_object_object_add(o, "subject",
	                       json_object_new_string(pw_skill_gain_subject_code(g->subject)));
	json_object_object_add(o, "subject_label",
	                       json_object_new_string(pw_skill_gain_subject_label(g->subject)));
	json_object_object_add(o, "scale",
	                       json_object_new_string(pw_skill_gain_scale_code(g->scale)));
	json_object_object_add(o, "pre_assessment_id",
	                       json_object_new_int64(pw_db_cell_int(rows, g->pre, AC_ID, 0)));
	json_object_object_add(o, "post_assessment_id",
	                       json_object_new_int64(pw_db_cell_int(rows, g->post, AC_ID, 0)));
	json_object_object_add(o, "pre_level", json_object_new_int(g->pre_level));
	json_object_object_add(o, "post_level", json_object_new_int(g->post_level));
	json_object_object_add(
	        o, "pre_level_label",
	        json_object_new_string(pw_skill_gain_nrs_level_label(g->scale, g->pre_level)));
	json_object_object_add(
	        o, "post_level_label",
	        json_object_new_string(pw_skill_gain_nrs_level_label(g->scale, g->post_level)));
	json_object_object_add(o, "date_attained", json_object_new_string(d));
	json_object_object_add(o, "program_year", json_object_new_int(g->program_year));
	/* R-MSG-3: only a gain within participation can be recorded here. */
	json_object_object_add(o, "within_participation", json_object_new_boolean(within));
	json_object_object_add(o, "recorded", json_object_new_boolean(recorded));
	return o;
}

void api_skill_gains_efl_candidates(struct pw_ctx *ctx)
{
	struct pw_outcome_facts e;
	struct pw_db_rows *rows = NULL, *posts = NULL;
	struct pw_assessment *a = NULL;
	struct pw_efl_gain *g = NULL;
	size_t found = 0;
	json_object *items, *o;
	int rc;

	if (api_authorize_enrollment(ctx, ctx->ids[0], PW_ACL_READ, NULL))
		return;
	rc = pw_outcome_enrollment_facts(ctx->db, ctx->arena, ctx->ids[0], false, &e);
	if (rc == PW_OK)
		rc = pw_assessment_all(ctx->db, e.participant_id, ASSESSMENTS_MAX, &rows);
	if (rc == PW_OK)
		rc = pw_skill_gain_recorded_posts(ctx->db, ctx->ids[0], &posts);
	if (rc == PW_OK && rows->nrows) {
		a = pw_arena_alloc(ctx->arena, rows->nrows * sizeof(*a));
		g = pw_arena_alloc(ctx->arena, CANDIDATES_MAX * sizeof(*g));
		if (!a || !g)
			rc = PW_ERR_NOMEM;
	}
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		goto out;
	}
	for (size_t i = 0; i < rows->nrows; i++)
		pw_assessment_rule_view(rows, i, &a[i]);
	/* More pairs than CANDIDATES_MAX is PW_ERR_TOO_LARGE with the first
	 * ones written: those are shown. */
	if (rows->nrows)
		pw_skill_gain_efl_gains(a, rows->nrows, g, CANDIDATES_MAX, &found);
	items = json_object_new_array();
	for (size_t i = 0; i < found && i < CANDIDATES_MAX; i++) {
		long long post = pw_db_cell_int(rows, g[i].post, AC_ID, 0);
		int recorded = 0;
		for (size_t k = 0; k < posts->nrows; k++)
			if (pw_db_cell_int(posts, k, 0, 0) == post)
				recorded = 1;
		json_object_array_add(items, candidate_json(rows, &g[i], &e, recorded));
	}
	o = json_object_new_object();
	json_object_object_add(o, "items", items);
	json_object_object_add(o, "next_cursor", NULL);
	pw_response_json(ctx->res, 200, o);
out:
	pw_db_rows_free(rows);
	pw_db_rows_free(posts);
}

/* POST: the type and the fields are read before the transaction; the
 * enrollment facts and the rules are checked inside it (edit_check_create). */
void api_skill_gains_create(struct pw_ctx *ctx)
{
	struct edit w = {.f.date_attained = PW_DATE_NONE};

	if (api_authorize_enrollment(ctx, ctx->ids[0], PW_ACL_WRITE, NULL))
		return;
	for (int i = 0; i < 2; i++) {
		w.f.semesters[i].start = w.f.semesters[i].end = PW_DATE_NONE;
		w.f.semesters[i].credits = -1.0;
	}
	w.details = pw_details_new();
	read_fields(ctx, &w.f, w.details);
	if (!w.f.type && !outcomes_present(ctx, "type"))
		pw_details_add(w.details, "type", "is required", "R-MSG-1");
	else if (!w.f.type && outcomes_null(ctx, "type"))
		pw_details_add(w.details, "type", "must not be empty", "R-MSG-1");
	if (json_object_array_length(w.details)) {
		api_invalid(ctx, "Some fields need attention.", w.details);
		return;
	}
	record_create(ctx, &kind, ctx->ids[0], &w);
	json_object_put(w.details); /* NULL once check consumed them */
}

/* PATCH answers 200 with the gain, DELETE 204 (api/record.h). */
void api_skill_gains_update(struct pw_ctx *ctx)
{
	struct edit w = {0};

	record_change(ctx, &kind, 0, &w);
}

void api_skill_gains_delete(struct pw_ctx *ctx)
{
	struct edit w = {0};

	record_change(ctx, &kind, 1, &w);
}
