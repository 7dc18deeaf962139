/*
 * test_skill_gain.c: unit tests for rules/skill_gain.c (R-MSG-1..3,
 * R-DATE-1/4): the five types and their questions, program years, the
 * postsecondary semester rules, the participation window and its EFL
 * exception, TABE 11/12 levels and EFL pre/post pairing.
 */
#include <string.h>

#include "unit_main.h"
#include "rules/skill_gain.h"

static const struct pw_violation *on_field(const struct pw_violations *v, const char *field)
{
	for (size_t i = 0; i < v->n; i++)
		if (v->items[i].field != NULL && strcmp(v->items[i].field, field) == 0)
			return &v->items[i];
	return NULL;
}

/* An enrolled participant, PY2023, no diploma at entry. */
static struct pw_skill_gain_context base_context(void)
{
	struct pw_skill_gain_context ctx = {
	        .participation_date = pw_unit_date("2023-08-31"),
	        .exit_date = PW_DATE_NONE,
	        .as_of = pw_unit_date("2024-06-15"),
	        .education_at_entry = PW_EDU_HS_JUNIOR,
	};
	return ctx;
}

/* A gain of type t that passes against base_context(). */
static struct pw_skill_gain good_gain(enum pw_msg_type t)
{
	struct pw_skill_gain g;

	memset(&g, 0, sizeof(g));
	g.type = t;
	g.date_attained = pw_unit_date("2024-01-20");
	g.comment = "Report card for the fall semester shows passing grades.";
	g.has_document = t != PW_MSG_EFL;
	g.semesters[0].start = g.semesters[0].end = PW_DATE_NONE;
	g.semesters[1].start = g.semesters[1].end = PW_DATE_NONE;
	g.semesters[0].credits = g.semesters[1].credits = -1.0;
	switch (t) {
	case PW_MSG_EFL:
		g.efl_basis = PW_EFL_BASIS_TEST_SCORES;
		break;
	case PW_MSG_SECONDARY_TRANSCRIPT:
		g.enrolled_secondary = PW_ANSWER_YES;
		g.highest_education = PW_EDU_HS_JUNIOR;
		break;
	case PW_MSG_POSTSECONDARY_TRANSCRIPT:
		g.highest_education = PW_EDU_HS_DIPLOMA;
		g.load = PW_LOAD_FULL_TIME;
		g.semesters[0].start = pw_unit_date("2023-08-28");
		g.semesters[0].end = pw_unit_date("2023-12-15");
		g.semesters[0].credits = 12.0;
		break;
	case PW_MSG_SKILLS_PROGRESSION:
		g.passed_exam = PW_ANSWER_YES;
		break;
	default:
		break;
	}
	return g;
}

static void test_labels(void)
{
	static const struct {
		enum pw_msg_type type;
		const char *code;
		const char *label;
	} rows[] = {
	        {PW_MSG_EFL, "efl", "Educational Functional Level (EFL)"},
	        {PW_MSG_SECONDARY_TRANSCRIPT, "secondary_transcript",
	         "Secondary Transcript/Report Card"},
	        {PW_MSG_POSTSECONDARY_TRANSCRIPT, "postsecondary_transcript",
	         "Postsecondary Transcript/Report Card"},
	        {PW_MSG_TRAINING_MILESTONE, "training_milestone", "Training Milestone"},
	        {PW_MSG_SKILLS_PROGRESSION, "skills_progression",
	         "Skills Progression/Diploma/Certificate/Degree"},
	};
	enum pw_msg_type t = PW_MSG_EFL;
	enum pw_efl_basis b = PW_EFL_BASIS_NONE;
	enum pw_study_load l = PW_LOAD_NONE;

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		PW_CHECK(strcmp(pw_skill_gain_type_code(rows[i].type), rows[i].code) == 0,
		         "row %zu", i);
		PW_CHECK(strcmp(pw_skill_gain_type_label(rows[i].type), rows[i].label) == 0,
		         "row %zu", i);
		PW_CHECK(pw_skill_gain_type_from_code(rows[i].code, &t) == PW_OK &&
		                 t == rows[i].type,
		         "row %zu", i);
	}
	t = PW_MSG_EFL;
	CU_ASSERT_EQUAL(pw_skill_gain_type_from_code("EFL", &t), PW_ERR_INVALID);
	CU_ASSERT_EQUAL(pw_skill_gain_type_from_code(NULL, &t), PW_ERR_INVALID);
	CU_ASSERT_EQUAL(t, PW_MSG_EFL);
	CU_ASSERT_STRING_EQUAL(pw_skill_gain_type_label(PW_MSG_NONE), "");
	CU_ASSERT_EQUAL(pw_skill_gain_basis_from_code("postsecondary_entry", &b), PW_OK);
	CU_ASSERT_EQUAL(b, PW_EFL_BASIS_POSTSECONDARY_ENTRY);
	CU_ASSERT_STRING_EQUAL(pw_skill_gain_basis_label(b), "EFL for Post-Secondary Education");
	CU_ASSERT_EQUAL(pw_skill_gain_load_from_code("part_time", &l), PW_OK);
	CU_ASSERT_EQUAL(l, PW_LOAD_PART_TIME);
	CU_ASSERT_STRING_EQUAL(pw_skill_gain_load_label(PW_LOAD_FULL_TIME),
	                       "Full time and achieved at least 12 credits within one semester.");
	CU_ASSERT_STRING_EQUAL(pw_education_level_label(PW_EDU_HS_JUNIOR), "H.S. Junior");
}

static void test_program_year(void)
{
	static const struct {
		enum pw_msg_type type;
		enum pw_study_load load;
		const char *date;
		const char *second_end;
		int py;
	} rows[] = {
	        {PW_MSG_EFL, PW_LOAD_NONE, "2023-06-30", NULL, 2022},
	        {PW_MSG_EFL, PW_LOAD_NONE, "2023-07-01", NULL, 2023},
	        {PW_MSG_TRAINING_MILESTONE, PW_LOAD_NONE, "2024-06-30", NULL, 2023},
	        {PW_MSG_SKILLS_PROGRESSION, PW_LOAD_NONE, "2024-07-01", NULL, 2024},
	        {PW_MSG_POSTSECONDARY_TRANSCRIPT, PW_LOAD_FULL_TIME, "2024-07-02", NULL, 2024},
	        /* R-MSG-2: part-time counts where the second semester ends, even
	         * when the transcript comes in the next program year. */
	        {PW_MSG_POSTSECONDARY_TRANSCRIPT, PW_LOAD_PART_TIME, "2024-07-15", "2024-06-30",
	         2023},
	        {PW_MSG_POSTSECONDARY_TRANSCRIPT, PW_LOAD_PART_TIME, "2024-07-15", "2024-07-01",
	         2024},
	        {PW_MSG_POSTSECONDARY_TRANSCRIPT, PW_LOAD_PART_TIME, "2024-07-15", NULL, 0},
	        {PW_MSG_EFL, PW_LOAD_NONE, NULL, NULL, 0},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_skill_gain g = good_gain(rows[i].type);

		g.load = rows[i].load;
		g.date_attained = pw_unit_date(rows[i].date);
		g.semesters[1].end = pw_unit_date(rows[i].second_end);
		PW_CHECK(pw_skill_gain_program_year(&g) == rows[i].py, "row %zu: %d", i,
		         pw_skill_gain_program_year(&g));
	}
}

static void test_good_gains_pass(void)
{
	static const enum pw_msg_type types[] = {
	        PW_MSG_EFL, PW_MSG_SECONDARY_TRANSCRIPT, PW_MSG_POSTSECONDARY_TRANSCRIPT,
	        PW_MSG_TRAINING_MILESTONE, PW_MSG_SKILLS_PROGRESSION};

	for (size_t i = 0; i < PW_ARRAY_LEN(types); i++) {
		struct pw_skill_gain g = good_gain(types[i]);
		struct pw_skill_gain_context ctx = base_context();
		struct pw_violations v;
		int py = 0;

		pw_violations_init(&v);
		PW_CHECK(pw_skill_gain_validate(&g, &ctx, &py, &v) == PW_OK, "type %s: %s",
		         pw_skill_gain_type_code(types[i]), v.n ? v.items[0].message : "");
		PW_CHECK(py == 2023, "type %zu py %d", i, py);
	}
}

/* R-MSG-1: each type's own questions, document and comment. */
static void test_required_answers(void)
{
	static const struct {
		enum pw_msg_type type;
		const char *change; /* which field the row spoils */
		const char *field;  /* the violation expected */
	} rows[] = {
	        {PW_MSG_EFL, "basis", "efl_basis"},
	        {PW_MSG_EFL, "comment", "comment"},
	        {PW_MSG_SECONDARY_TRANSCRIPT, "enrolled_none", "enrolled_secondary"},
	        {PW_MSG_SECONDARY_TRANSCRIPT, "enrolled_no", "enrolled_secondary"},
	        {PW_MSG_SECONDARY_TRANSCRIPT, "highest", "highest_education"},
	        {PW_MSG_SECONDARY_TRANSCRIPT, "document", "document"},
	        {PW_MSG_SECONDARY_TRANSCRIPT, "entry_diploma", "type"},
	        {PW_MSG_SECONDARY_TRANSCRIPT, "entry_ged", "type"},
	        {PW_MSG_POSTSECONDARY_TRANSCRIPT, "load", "load"},
	        {PW_MSG_POSTSECONDARY_TRANSCRIPT, "highest", "highest_education"},
	        {PW_MSG_POSTSECONDARY_TRANSCRIPT, "document", "document"},
	        {PW_MSG_TRAINING_MILESTONE, "document", "document"},
	        {PW_MSG_TRAINING_MILESTONE, "comment", "comment"},
	        {PW_MSG_SKILLS_PROGRESSION, "passed_none", "passed_exam"},
	        {PW_MSG_SKILLS_PROGRESSION, "passed_no", "passed_exam"},
	        {PW_MSG_SKILLS_PROGRESSION, "document", "document"},
	        {PW_MSG_SKILLS_PROGRESSION, "date", "date_attained"},
	        {PW_MSG_NONE, "none", "type"},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_skill_gain g = good_gain(rows[i].type);
		struct pw_skill_gain_context ctx = base_context();
		struct pw_violations v;
		const struct pw_violation *got;
		const char *c = rows[i].change;

		if (strcmp(c, "basis") == 0)
			g.efl_basis = PW_EFL_BASIS_NONE;
		else if (strcmp(c, "comment") == 0)
			g.comment = "  ";
		else if (strcmp(c, "enrolled_none") == 0)
			g.enrolled_secondary = PW_ANSWER_NONE;
		else if (strcmp(c, "enrolled_no") == 0)
			g.enrolled_secondary = PW_ANSWER_NO;
		else if (strcmp(c, "highest") == 0)
			g.highest_education = PW_EDU_NONE;
		else if (strcmp(c, "document") == 0)
			g.has_document = false;
		else if (strcmp(c, "entry_diploma") == 0)
			ctx.education_at_entry = PW_EDU_HS_DIPLOMA;
		else if (strcmp(c, "entry_ged") == 0)
			ctx.education_at_entry = PW_EDU_HS_EQUIVALENCY;
		else if (strcmp(c, "load") == 0)
			g.load = PW_LOAD_NONE;
		else if (strcmp(c, "passed_none") == 0)
			g.passed_exam = PW_ANSWER_NONE;
		else if (strcmp(c, "passed_no") == 0)
			g.passed_exam = PW_ANSWER_NO;
		else if (strcmp(c, "date") == 0)
			g.date_attained = PW_DATE_NONE;
		pw_violations_init(&v);
		PW_CHECK(pw_skill_gain_validate(&g, &ctx, NULL, &v) == PW_ERR_INVALID,
		         "row %zu (%s) accepted", i, c);
		got = on_field(&v, rows[i].field);
		PW_CHECK(got != NULL, "row %zu (%s): no violation on %s", i, c, rows[i].field);
		if (got != NULL)
			PW_CHECK(strcmp(got->rule, "R-MSG-1") == 0, "row %zu rule %s", i,
			         got->rule);
		PW_CHECK(v.n == 1, "row %zu (%s): %zu violations, first %s", i, c, v.n,
		         v.n ? v.items[0].message : "");
	}
}

static void test_secondary_applies_without_diploma(void)
{
	static const struct {
		enum pw_education_level entry;
		bool refused;
	} rows[] = {
	        {PW_EDU_NONE, false}, /* not recorded: not held against the gain */
	        {PW_EDU_GRADE_8_OR_LESS, false},
	        {PW_EDU_HS_SENIOR, false},
	        {PW_EDU_GRADE_12_NO_DIPLOMA, false},
	        {PW_EDU_IEP_CERTIFICATE, false},
	        {PW_EDU_HS_EQUIVALENCY, true},
	        {PW_EDU_HS_DIPLOMA, true},
	        {PW_EDU_ASSOCIATE, true},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_skill_gain g = good_gain(PW_MSG_SECONDARY_TRANSCRIPT);
		struct pw_skill_gain_context ctx = base_context();
		struct pw_violations v;

		ctx.education_at_entry = rows[i].entry;
		pw_violations_init(&v);
		pw_skill_gain_validate(&g, &ctx, NULL, &v);
		PW_CHECK((on_field(&v, "type") != NULL) == rows[i].refused, "row %zu", i);
	}
}

/* R-MSG-2 */
static void test_semesters(void)
{
	static const struct {
		enum pw_study_load load;
		const char *s1_start, *s1_end;
		double c1;
		const char *s2_start, *s2_end;
		double c2;
		const char *date;
		const char *field; /* expected violation, NULL = accepted */
	} rows[] = {
	        /* Full time: 12 credits in one semester. */
	        {PW_LOAD_FULL_TIME, "2023-08-28", "2023-12-15", 12, NULL, NULL, -1, "2023-12-20",
	         NULL},
	        {PW_LOAD_FULL_TIME, "2023-08-28", "2023-12-15", 11.5, NULL, NULL, -1, "2023-12-20",
	         "semester1_credits"},
	        {PW_LOAD_FULL_TIME, NULL, "2023-12-15", 12, NULL, NULL, -1, "2023-12-20",
	         "semester1_start"},
	        {PW_LOAD_FULL_TIME, "2023-12-15", "2023-08-28", 12, NULL, NULL, -1, "2023-12-20",
	         "semester1_end"},
	        {PW_LOAD_FULL_TIME, "2023-08-28", "2023-12-15", -1, NULL, NULL, -1, "2023-12-20",
	         "semester1_credits"},
	        {PW_LOAD_FULL_TIME, "2023-08-28", "2023-12-15", 75, NULL, NULL, -1, "2023-12-20",
	         "semester1_credits"},
	        /* The transcript cannot come before the semester ends. */
	        {PW_LOAD_FULL_TIME, "2023-08-28", "2023-12-15", 12, NULL, NULL, -1, "2023-12-14",
	         "date_attained"},
	        /* Part time: fall then spring, 6 + 6. */
	        {PW_LOAD_PART_TIME, "2023-08-28", "2023-12-15", 6, "2024-01-16", "2024-05-10", 6,
	         "2024-05-20", NULL},
	        {PW_LOAD_PART_TIME, "2023-08-28", "2023-12-15", 6, "2024-01-16", "2024-05-10", 5,
	         "2024-05-20", "semester2_credits"},
	        /* Spring then fall across the summer break is consecutive. */
	        {PW_LOAD_PART_TIME, "2023-01-17", "2023-05-12", 6, "2023-08-28", "2023-12-15", 6,
	         "2023-12-20", NULL},
	        /* Fall then summer, skipping spring: not consecutive. */
	        {PW_LOAD_PART_TIME, "2022-08-29", "2022-12-16", 6, "2023-05-22", "2023-08-04", 6,
	         "2023-08-10", "semester2_start"},
	        /* Overlapping or reversed semesters. */
	        {PW_LOAD_PART_TIME, "2023-08-28", "2023-12-15", 6, "2023-12-15", "2024-05-10", 6,
	         "2024-05-20", "semester2_start"},
	        {PW_LOAD_PART_TIME, "2024-01-16", "2024-05-10", 6, "2023-08-28", "2023-12-15", 6,
	         "2024-05-20", "semester2_start"},
	        /* Within one 12-month period: 2023-08-28 .. 2024-08-27. */
	        {PW_LOAD_PART_TIME, "2023-08-28", "2023-12-15", 6, "2024-03-04", "2024-08-27", 6,
	         "2024-08-28", NULL},
	        {PW_LOAD_PART_TIME, "2023-08-28", "2023-12-15", 6, "2024-03-04", "2024-08-28", 6,
	         "2024-08-28", "semester2_end"},
	        /* A break of just under four months is still consecutive. */
	        {PW_LOAD_PART_TIME, "2023-08-28", "2023-12-15", 6, "2024-04-14", "2024-08-02", 6,
	         "2024-08-05", NULL},
	        {PW_LOAD_PART_TIME, "2023-08-28", "2023-12-15", 6, "2024-04-15", "2024-08-02", 6,
	         "2024-08-05", "semester2_start"},
	        /* Part time needs the second semester. */
	        {PW_LOAD_PART_TIME, "2023-08-28", "2023-12-15", 12, NULL, NULL, -1, "2023-12-20",
	         "semester2_start"},
	        /* ... and the transcript after its end. */
	        {PW_LOAD_PART_TIME, "2023-08-28", "2023-12-15", 6, "2024-01-16", "2024-05-10", 6,
	         "2024-05-09", "date_attained"},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_skill_gain g = good_gain(PW_MSG_POSTSECONDARY_TRANSCRIPT);
		struct pw_skill_gain_context ctx = base_context();
		struct pw_violations v;
		const struct pw_violation *got;
		int rc;

		ctx.participation_date = pw_unit_date("2022-08-01");
		ctx.as_of = pw_unit_date("2024-12-31");
		g.load = rows[i].load;
		g.semesters[0].start = pw_unit_date(rows[i].s1_start);
		g.semesters[0].end = pw_unit_date(rows[i].s1_end);
		g.semesters[0].credits = rows[i].c1;
		g.semesters[1].start = pw_unit_date(rows[i].s2_start);
		g.semesters[1].end = pw_unit_date(rows[i].s2_end);
		g.semesters[1].credits = rows[i].c2;
		g.date_attained = pw_unit_date(rows[i].date);
		pw_violations_init(&v);
		rc = pw_skill_gain_validate(&g, &ctx, NULL, &v);
		if (rows[i].field == NULL) {
			PW_CHECK(rc == PW_OK, "row %zu refused: %s", i,
			         v.n ? v.items[0].message : "");
			continue;
		}
		got = on_field(&v, rows[i].field);
		PW_CHECK(rc == PW_ERR_INVALID && got != NULL, "row %zu: no violation on %s", i,
		         rows[i].field);
		if (got != NULL)
			PW_CHECK(strcmp(got->rule, "R-MSG-2") == 0, "row %zu rule %s", i,
			         got->rule);
	}
}

static void test_credits_named_exactly(void)
{
	struct pw_skill_gain g = good_gain(PW_MSG_POSTSECONDARY_TRANSCRIPT);
	struct pw_skill_gain_context ctx = base_context();
	struct pw_violations v;
	const struct pw_violation *got;

	g.semesters[0].credits = 11.5;
	pw_violations_init(&v);
	CU_ASSERT_EQUAL(pw_skill_gain_validate(&g, &ctx, NULL, &v), PW_ERR_INVALID);
	got = on_field(&v, "semester1_credits");
	CU_ASSERT_PTR_NOT_NULL_FATAL(got);
	PW_CHECK(strstr(got->message, "11.5") != NULL, "%s", got->message);
}

/* R-MSG-3 and R-DATE-4: the gain lies within participation. */
static void test_participation_window(void)
{
	static const struct {
		const char *exit;
		const char *date;
		const char *rule; /* expected on date_attained, NULL = accepted */
	} rows[] = {
	        {NULL, "2023-08-31", NULL},         /* the participation date itself */
	        {NULL, "2023-08-30", "R-MSG-3"},    /* the day before */
	        {NULL, "2024-06-15", NULL},         /* today */
	        {NULL, "2024-06-16", "R-DATE-4"},   /* tomorrow */
	        {"2024-03-01", "2024-03-01", NULL}, /* the exit date */
	        {"2024-03-01", "2024-03-02", "R-MSG-3"},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_skill_gain g = good_gain(PW_MSG_TRAINING_MILESTONE);
		struct pw_skill_gain_context ctx = base_context();
		struct pw_violations v;
		const struct pw_violation *got;
		int rc;

		ctx.exit_date = pw_unit_date(rows[i].exit);
		g.date_attained = pw_unit_date(rows[i].date);
		pw_violations_init(&v);
		rc = pw_skill_gain_validate(&g, &ctx, NULL, &v);
		got = on_field(&v, "date_attained");
		if (rows[i].rule == NULL) {
			PW_CHECK(rc == PW_OK, "row %zu refused: %s", i,
			         v.n ? v.items[0].message : "");
			continue;
		}
		PW_CHECK(got != NULL && strcmp(got->rule, rows[i].rule) == 0, "row %zu: %s", i,
		         got ? got->rule : "accepted");
	}
}

/* R-MSG-3: the EFL gain for entering postsecondary education after exit. */
static void test_postsecondary_entry(void)
{
	static const struct {
		const char *exit;
		enum pw_exit_school_status status;
		const char *date;
		const char *field; /* expected violation, NULL = accepted */
	} rows[] = {
	        {"2023-09-15", PW_EXIT_SCHOOL_NOT_ATTENDING_GRADUATE, "2024-01-08", NULL},
	        {"2023-09-15", PW_EXIT_SCHOOL_NOT_ATTENDING_GRADUATE, "2024-06-30", NULL},
	        /* The next program year is too late. */
	        {"2023-09-15", PW_EXIT_SCHOOL_NOT_ATTENDING_GRADUATE, "2024-07-01",
	         "date_attained"},
	        /* An exit on June 30 leaves no room after it in its program year. */
	        {"2024-06-30", PW_EXIT_SCHOOL_NOT_ATTENDING_GRADUATE, "2024-07-01",
	         "date_attained"},
	        /* Only after exit. */
	        {"2023-09-15", PW_EXIT_SCHOOL_NOT_ATTENDING_GRADUATE, "2023-09-15",
	         "date_attained"},
	        {NULL, 0, "2024-01-08", "efl_basis"},
	        /* Only for an exit as a high school graduate not attending school. */
	        {"2023-09-15", PW_EXIT_SCHOOL_NOT_ATTENDING_DROPOUT, "2024-01-08", "efl_basis"},
	        {"2023-09-15", PW_EXIT_SCHOOL_IN_POSTSECONDARY, "2024-01-08", "efl_basis"},
	        {"2023-09-15", 0, "2024-01-08", "efl_basis"},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_skill_gain g = good_gain(PW_MSG_EFL);
		struct pw_skill_gain_context ctx = base_context();
		struct pw_violations v;
		const struct pw_violation *got;
		int rc;

		ctx.as_of = pw_unit_date("2024-12-31");
		ctx.exit_date = pw_unit_date(rows[i].exit);
		ctx.school_status_at_exit = rows[i].status;
		g.efl_basis = PW_EFL_BASIS_POSTSECONDARY_ENTRY;
		g.date_attained = pw_unit_date(rows[i].date);
		pw_violations_init(&v);
		rc = pw_skill_gain_validate(&g, &ctx, NULL, &v);
		if (rows[i].field == NULL) {
			PW_CHECK(rc == PW_OK, "row %zu refused: %s", i,
			         v.n ? v.items[0].message : "");
			continue;
		}
		got = on_field(&v, rows[i].field);
		PW_CHECK(got != NULL && strcmp(got->rule, "R-MSG-3") == 0,
		         "row %zu: no R-MSG-3 on %s", i, rows[i].field);
	}

	/* The same date by test scores is simply after exit: refused. */
	struct pw_skill_gain g = good_gain(PW_MSG_EFL);
	struct pw_skill_gain_context ctx = base_context();
	struct pw_violations v;

	ctx.exit_date = pw_unit_date("2023-09-15");
	ctx.school_status_at_exit = PW_EXIT_SCHOOL_NOT_ATTENDING_GRADUATE;
	g.date_attained = pw_unit_date("2024-01-08");
	pw_violations_init(&v);
	CU_ASSERT_EQUAL(pw_skill_gain_validate(&g, &ctx, NULL, &v), PW_ERR_INVALID);
	CU_ASSERT_PTR_NOT_NULL(on_field(&v, "date_attained"));
}

static void test_tabe_levels(void)
{
	static const struct {
		enum pw_assessment_subject subject;
		int score;
		int level; /* 0 = refused */
	} rows[] = {
	        {PW_SUBJECT_READING, 300, 1},  {PW_SUBJECT_READING, 441, 1},
	        {PW_SUBJECT_READING, 442, 2},  {PW_SUBJECT_READING, 500, 2},
	        {PW_SUBJECT_READING, 501, 3},  {PW_SUBJECT_READING, 535, 3},
	        {PW_SUBJECT_READING, 536, 4},  {PW_SUBJECT_READING, 575, 4},
	        {PW_SUBJECT_READING, 576, 5},  {PW_SUBJECT_READING, 616, 5},
	        {PW_SUBJECT_READING, 617, 6},  {PW_SUBJECT_READING, 800, 6},
	        {PW_SUBJECT_MATH, 448, 1},     {PW_SUBJECT_MATH, 449, 2},
	        {PW_SUBJECT_MATH, 495, 2},     {PW_SUBJECT_MATH, 496, 3},
	        {PW_SUBJECT_MATH, 536, 3},     {PW_SUBJECT_MATH, 537, 4},
	        {PW_SUBJECT_MATH, 595, 4},     {PW_SUBJECT_MATH, 596, 5},
	        {PW_SUBJECT_MATH, 656, 5},     {PW_SUBJECT_MATH, 657, 6},
	        {PW_SUBJECT_LANGUAGE, 457, 1}, {PW_SUBJECT_LANGUAGE, 458, 2},
	        {PW_SUBJECT_LANGUAGE, 510, 2}, {PW_SUBJECT_LANGUAGE, 511, 3},
	        {PW_SUBJECT_LANGUAGE, 546, 3}, {PW_SUBJECT_LANGUAGE, 547, 4},
	        {PW_SUBJECT_LANGUAGE, 583, 4}, {PW_SUBJECT_LANGUAGE, 584, 5},
	        {PW_SUBJECT_LANGUAGE, 630, 5}, {PW_SUBJECT_LANGUAGE, 631, 6},
	        {PW_SUBJECT_READING, 299, 0},  {PW_SUBJECT_READING, 801, 0},
	        {PW_SUBJECT_READING, 0, 0},    {PW_SUBJECT_WRITING, 500, 0},
	        {PW_SUBJECT_NONE, 500, 0},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		int level = -7;
		int rc = pw_skill_gain_tabe_level(rows[i].subject, rows[i].score, &level);

		if (rows[i].level == 0)
			PW_CHECK(rc == PW_ERR_INVALID && level == -7, "row %zu score %d", i,
			         rows[i].score);
		else
			PW_CHECK(rc == PW_OK && level == rows[i].level,
			         "row %zu score %d: level %d", i, rows[i].score, level);
	}
}

static void test_nrs_labels(void)
{
	CU_ASSERT_STRING_EQUAL(pw_skill_gain_nrs_level_label(PW_NRS_ABE, 1),
	                       "Beginning ABE Literacy");
	CU_ASSERT_STRING_EQUAL(pw_skill_gain_nrs_level_label(PW_NRS_ABE, 3),
	                       "Low Intermediate Basic Education");
	CU_ASSERT_STRING_EQUAL(pw_skill_gain_nrs_level_label(PW_NRS_ABE, 6),
	                       "High Adult Secondary Education");
	CU_ASSERT_STRING_EQUAL(pw_skill_gain_nrs_level_label(PW_NRS_ESL, 1),
	                       "Beginning ESL Literacy");
	CU_ASSERT_STRING_EQUAL(pw_skill_gain_nrs_level_label(PW_NRS_ESL, 6), "Advanced ESL");
	CU_ASSERT_STRING_EQUAL(pw_skill_gain_nrs_level_label(PW_NRS_ABE, 0), "");
	CU_ASSERT_STRING_EQUAL(pw_skill_gain_nrs_level_label(PW_NRS_ESL, 7), "");
	CU_ASSERT_STRING_EQUAL(pw_skill_gain_nrs_level_label(PW_NRS_NONE, 3), "");
}

static void test_assessment_level(void)
{
	static const struct {
		struct pw_assessment a;
		enum pw_nrs_scale scale; /* PW_NRS_NONE = refused */
		int level;
	} rows[] = {
	        {{PW_TEST_TABE_11_12, PW_SUBJECT_READING, 0, 520, PW_NRS_NONE, 0}, PW_NRS_ABE, 3},
	        /* The score wins over a level typed in by hand. */
	        {{PW_TEST_TABE_11_12, PW_SUBJECT_READING, 0, 520, PW_NRS_ABE, 5}, PW_NRS_ABE, 3},
	        {{PW_TEST_TABE_11_12, PW_SUBJECT_READING, 0, 0, PW_NRS_NONE, 4}, PW_NRS_ABE, 4},
	        {{PW_TEST_CASAS, PW_SUBJECT_READING, 0, 215, PW_NRS_ABE, 3}, PW_NRS_ABE, 3},
	        {{PW_TEST_BEST_PLUS, PW_SUBJECT_SPEAKING, 0, 450, PW_NRS_ESL, 4}, PW_NRS_ESL, 4},
	        {{PW_TEST_CASAS, PW_SUBJECT_READING, 0, 215, PW_NRS_NONE, 3}, PW_NRS_NONE, 0},
	        {{PW_TEST_CASAS, PW_SUBJECT_READING, 0, 215, PW_NRS_ABE, 0}, PW_NRS_NONE, 0},
	        {{PW_TEST_CASAS, PW_SUBJECT_READING, 0, 215, PW_NRS_ABE, 7}, PW_NRS_NONE, 0},
	        {{PW_TEST_TABE_11_12, PW_SUBJECT_WRITING, 0, 520, PW_NRS_NONE, 0}, PW_NRS_NONE, 0},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		enum pw_nrs_scale scale = PW_NRS_NONE;
		int level = 0;
		int rc = pw_skill_gain_assessment_level(&rows[i].a, &scale, &level);

		if (rows[i].scale == PW_NRS_NONE)
			PW_CHECK(rc == PW_ERR_INVALID, "row %zu accepted", i);
		else
			PW_CHECK(rc == PW_OK && scale == rows[i].scale && level == rows[i].level,
			         "row %zu: rc %d scale %d level %d", i, rc, scale, level);
	}
}

/* One assessment for the pairing tables. */
struct test_row {
	enum pw_assessment_test test;
	enum pw_assessment_subject subject;
	const char *date;
	int score;
	enum pw_nrs_scale scale;
	int level;
};

#define MAX_TESTS 6
#define MAX_GAINS 3

/* Expected gain: indexes of the pair and the post-test date. */
struct want_gain {
	size_t pre, post;
	const char *date;
	int pre_level, post_level, py;
};

static void test_efl_pairs(void)
{
	static const struct {
		const char *what;
		struct test_row t[MAX_TESTS];
		size_t n;
		struct want_gain want[MAX_GAINS];
		size_t n_want;
	} rows[] = {
	        {"TABE reading 480 -> 510 in PY2023 gains 2 -> 3 on the post-test date",
	         {{PW_TEST_TABE_11_12, PW_SUBJECT_READING, "2023-09-01", 480, 0, 0},
	          {PW_TEST_TABE_11_12, PW_SUBJECT_READING, "2024-01-15", 510, 0, 0}},
	         2,
	         {{0, 1, "2024-01-15", 2, 3, 2023}},
	         1},
	        {"a pre-test in PY2022 and a post-test in PY2023 do not pair",
	         {{PW_TEST_TABE_11_12, PW_SUBJECT_READING, "2023-05-01", 480, 0, 0},
	          {PW_TEST_TABE_11_12, PW_SUBJECT_READING, "2023-07-10", 540, 0, 0}},
	         2,
	         {{0}},
	         0},
	        {"a pair on June 30 and July 1 across the PY boundary do not pair",
	         {{PW_TEST_TABE_11_12, PW_SUBJECT_MATH, "2024-06-30", 450, 0, 0},
	          {PW_TEST_TABE_11_12, PW_SUBJECT_MATH, "2024-07-01", 600, 0, 0}},
	         2,
	         {{0}},
	         0},
	        {"a higher score within the same level is no gain",
	         {{PW_TEST_TABE_11_12, PW_SUBJECT_READING, "2023-09-01", 442, 0, 0},
	          {PW_TEST_TABE_11_12, PW_SUBJECT_READING, "2024-03-01", 500, 0, 0}},
	         2,
	         {{0}},
	         0},
	        {"reading and math gains are offered separately, in date order",
	         {{PW_TEST_TABE_11_12, PW_SUBJECT_MATH, "2023-09-01", 460, 0, 0},
	          {PW_TEST_TABE_11_12, PW_SUBJECT_READING, "2023-09-01", 470, 0, 0},
	          {PW_TEST_TABE_11_12, PW_SUBJECT_READING, "2024-02-01", 560, 0, 0},
	          {PW_TEST_TABE_11_12, PW_SUBJECT_MATH, "2023-12-01", 500, 0, 0}},
	         4,
	         {{0, 3, "2023-12-01", 2, 3, 2023}, {1, 2, "2024-02-01", 2, 4, 2023}},
	         2},
	        {"the pre-test is the year's first test, even if a later one is lower",
	         {{PW_TEST_TABE_11_12, PW_SUBJECT_READING, "2023-08-01", 520, 0, 0},
	          {PW_TEST_TABE_11_12, PW_SUBJECT_READING, "2023-09-01", 480, 0, 0},
	          {PW_TEST_TABE_11_12, PW_SUBJECT_READING, "2024-02-01", 530, 0, 0}},
	         3,
	         {{0}},
	         0},
	        {"the earliest post-test above the pre-test is the one offered",
	         {{PW_TEST_TABE_11_12, PW_SUBJECT_READING, "2023-09-01", 480, 0, 0},
	          {PW_TEST_TABE_11_12, PW_SUBJECT_READING, "2023-10-01", 490, 0, 0},
	          {PW_TEST_TABE_11_12, PW_SUBJECT_READING, "2023-12-01", 560, 0, 0},
	          {PW_TEST_TABE_11_12, PW_SUBJECT_READING, "2023-11-01", 505, 0, 0}},
	         4,
	         {{0, 3, "2023-11-01", 2, 3, 2023}},
	         1},
	        {"a TABE pre-test and a CASAS post-test are different tests",
	         {{PW_TEST_TABE_11_12, PW_SUBJECT_READING, "2023-09-01", 480, 0, 0},
	          {PW_TEST_CASAS, PW_SUBJECT_READING, "2024-01-15", 0, PW_NRS_ABE, 4}},
	         2,
	         {{0}},
	         0},
	        {"CASAS levels as recorded; ESL levels never compare with ABE levels",
	         {{PW_TEST_CASAS, PW_SUBJECT_READING, "2023-09-01", 0, PW_NRS_ABE, 2},
	          {PW_TEST_CASAS, PW_SUBJECT_READING, "2023-10-01", 0, PW_NRS_ESL, 5},
	          {PW_TEST_CASAS, PW_SUBJECT_READING, "2024-04-01", 0, PW_NRS_ABE, 3},
	          {PW_TEST_CASAS, PW_SUBJECT_READING, "2024-05-01", 0, PW_NRS_ESL, 4}},
	         4,
	         {{0, 2, "2024-04-01", 2, 3, 2023}},
	         1},
	        {"tests without a date or a level are ignored",
	         {{PW_TEST_TABE_11_12, PW_SUBJECT_READING, NULL, 400, 0, 0},
	          {PW_TEST_TABE_11_12, PW_SUBJECT_READING, "2023-09-01", 480, 0, 0},
	          {PW_TEST_CASAS, PW_SUBJECT_READING, "2023-08-01", 0, PW_NRS_ABE, 0},
	          {PW_TEST_TABE_11_12, PW_SUBJECT_READING, "2024-01-15", 999, 0, 0},
	          {PW_TEST_TABE_11_12, PW_SUBJECT_READING, "2024-02-15", 620, 0, 0}},
	         5,
	         {{1, 4, "2024-02-15", 2, 6, 2023}},
	         1},
	        {"of two first tests on one day the lower is the pre-test",
	         {{PW_TEST_TABE_11_12, PW_SUBJECT_READING, "2023-09-01", 520, 0, 0},
	          {PW_TEST_TABE_11_12, PW_SUBJECT_READING, "2023-09-01", 480, 0, 0},
	          {PW_TEST_TABE_11_12, PW_SUBJECT_READING, "2024-01-15", 530, 0, 0}},
	         3,
	         {{1, 2, "2024-01-15", 2, 3, 2023}},
	         1},
	        {"of two post-tests on one day the higher is offered",
	         {{PW_TEST_TABE_11_12, PW_SUBJECT_READING, "2023-09-01", 450, 0, 0},
	          {PW_TEST_TABE_11_12, PW_SUBJECT_READING, "2024-01-15", 510, 0, 0},
	          {PW_TEST_TABE_11_12, PW_SUBJECT_READING, "2024-01-15", 540, 0, 0}},
	         3,
	         {{0, 2, "2024-01-15", 2, 4, 2023}},
	         1},
	        {"a level 6 pre-test has nowhere to go",
	         {{PW_TEST_TABE_11_12, PW_SUBJECT_READING, "2023-09-01", 700, 0, 0},
	          {PW_TEST_TABE_11_12, PW_SUBJECT_READING, "2024-01-15", 790, 0, 0}},
	         2,
	         {{0}},
	         0},
	};

	for (size_t r = 0; r < PW_ARRAY_LEN(rows); r++) {
		struct pw_assessment a[MAX_TESTS];
		struct pw_efl_gain out[MAX_GAINS];
		size_t found = 99;
		int rc;

		for (size_t i = 0; i < rows[r].n; i++) {
			const struct test_row *t = &rows[r].t[i];
			a[i] = (struct pw_assessment){t->test,  t->subject, pw_unit_date(t->date),
			                              t->score, t->scale,   t->level};
		}
		rc = pw_skill_gain_efl_gains(a, rows[r].n, out, MAX_GAINS, &found);
		PW_CHECK(rc == PW_OK, "%s: rc %d", rows[r].what, rc);
		PW_CHECK(found == rows[r].n_want, "%s: found %zu", rows[r].what, found);
		for (size_t k = 0; k < rows[r].n_want && k < found; k++) {
			const struct want_gain *w = &rows[r].want[k];

			PW_CHECK(out[k].pre == w->pre && out[k].post == w->post,
			         "%s: gain %zu pairs %zu/%zu", rows[r].what, k, out[k].pre,
			         out[k].post);
			PW_CHECK(out[k].date == pw_unit_date(w->date), "%s: gain %zu date",
			         rows[r].what, k);
			PW_CHECK(out[k].pre_level == w->pre_level &&
			                 out[k].post_level == w->post_level,
			         "%s: gain %zu levels %d -> %d", rows[r].what, k, out[k].pre_level,
			         out[k].post_level);
			PW_CHECK(out[k].program_year == w->py, "%s: gain %zu py %d", rows[r].what,
			         k, out[k].program_year);
		}
	}
}

static void test_efl_cap(void)
{
	struct pw_assessment a[] = {
	        {PW_TEST_TABE_11_12, PW_SUBJECT_MATH, pw_unit_date("2023-09-01"), 460, 0, 0},
	        {PW_TEST_TABE_11_12, PW_SUBJECT_MATH, pw_unit_date("2024-03-01"), 500, 0, 0},
	        {PW_TEST_TABE_11_12, PW_SUBJECT_READING, pw_unit_date("2023-09-01"), 470, 0, 0},
	        {PW_TEST_TABE_11_12, PW_SUBJECT_READING, pw_unit_date("2024-02-01"), 510, 0, 0},
	};
	struct pw_efl_gain out[1];
	size_t found = 0;

	CU_ASSERT_EQUAL(pw_skill_gain_efl_gains(a, PW_ARRAY_LEN(a), out, 1, &found),
	                PW_ERR_TOO_LARGE);
	CU_ASSERT_EQUAL(found, 2);
	/* The one kept is the first in date order: reading, 2024-02-01. */
	CU_ASSERT_EQUAL(out[0].subject, PW_SUBJECT_READING);
	CU_ASSERT_EQUAL(out[0].date, pw_unit_date("2024-02-01"));
	CU_ASSERT_EQUAL(pw_skill_gain_efl_gains(a, PW_ARRAY_LEN(a), NULL, 0, &found),
	                PW_ERR_TOO_LARGE);
	CU_ASSERT_EQUAL(found, 2);
	CU_ASSERT_EQUAL(pw_skill_gain_efl_gains(a, 0, NULL, 0, &found), PW_OK);
	CU_ASSERT_EQUAL(found, 0);
}

static const struct pw_unit_test tests[] = {
        {"skill types, EFL bases and study loads carry the seed forms' labels", test_labels},
        {"a gain counts in the PY of its date; part-time in the PY its second semester ends",
         test_program_year},
        {"a complete gain of each of the five types passes in PY2023", test_good_gains_pass},
        {"each type's missing or negative answer, document or comment is refused under R-MSG-1",
         test_required_answers},
        {"a secondary transcript gain applies only without a diploma or equivalency at entry",
         test_secondary_applies_without_diploma},
        {"postsecondary semesters: 12 credits, consecutive, within 12 months, transcript after",
         test_semesters},
        {"a refusal for 11.5 credits says 11.5, not a rounded 12", test_credits_named_exactly},
        {"a gain is dated from the participation date to the exit date or today",
         test_participation_window},
        {"the postsecondary-entry EFL gain falls after exit in the exit's PY, for H.S. graduates",
         test_postsecondary_entry},
        {"TABE 11/12 scale scores map to NRS levels at each published cut", test_tabe_levels},
        {"NRS functioning levels carry their ABE and ESL names", test_nrs_labels},
        {"an assessment places by TABE score, else by its recorded level and scale",
         test_assessment_level},
        {"EFL gains pair a PY's first test with the first later test a level higher",
         test_efl_pairs},
        {"more EFL gains than room report PW_ERR_TOO_LARGE and keep the earliest", test_efl_cap},
};

int main(void)
{
	return pw_unit_run("skill_gain", tests, PW_ARRAY_LEN(tests));
}
