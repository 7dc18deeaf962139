/*
 * skill_gain.c: the five measurable-skill-gain types, their validation
 * (R-MSG-1..3, R-DATE-4), the program year a gain counts in, NRS levels,
 * TABE 11/12 scale-score tables and the EFL pre/post pairing. See
 * skill_gain.h for the contracts.
 */
#include "pw.h"
#include "rules/skill_gain.h"

#include <string.h>

struct code_row {
	const char *code;
	const char *label;
};

/* R-MSG-1: labels exactly as the workNet "Select Skill Type" list. */
static const struct code_row types[] = {
        [PW_MSG_NONE] = {NULL, NULL},
        [PW_MSG_EFL] = {"efl", "Educational Functional Level (EFL)"},
        [PW_MSG_SECONDARY_TRANSCRIPT] = {"secondary_transcript",
                                         "Secondary Transcript/Report Card"},
        [PW_MSG_POSTSECONDARY_TRANSCRIPT] = {"postsecondary_transcript",
                                             "Postsecondary Transcript/Report Card"},
        [PW_MSG_TRAINING_MILESTONE] = {"training_milestone", "Training Milestone"},
        [PW_MSG_SKILLS_PROGRESSION] = {"skills_progression",
                                       "Skills Progression/Diploma/Certificate/Degree"},
};

static const struct code_row bases[] = {
        [PW_EFL_BASIS_NONE] = {NULL, NULL},
        [PW_EFL_BASIS_TEST_SCORES] = {"test_scores", "Test Scores"},
        [PW_EFL_BASIS_POSTSECONDARY_ENTRY] = {"postsecondary_entry",
                                              "EFL for Post-Secondary Education"},
};

/* The answers of the postsecondary form's question 1, as worded there. */
static const struct code_row loads[] = {
        [PW_LOAD_NONE] = {NULL, NULL},
        [PW_LOAD_FULL_TIME] = {"full_time",
                               "Full time and achieved at least 12 credits within one semester."},
        [PW_LOAD_PART_TIME] = {"part_time", "Part-time and achieved at least 12 credits in two "
                                            "consecutive semesters within the same 12-month "
                                            "period."},
};

static const struct code_row tests[] = {
        [PW_TEST_NONE] = {NULL, NULL},
        [PW_TEST_TABE_11_12] = {"tabe_11_12", "TABE 11/12"},
        [PW_TEST_TABE_CLAS_E] = {"tabe_clas_e", "TABE CLAS-E"},
        [PW_TEST_CASAS] = {"casas", "CASAS"},
        [PW_TEST_BEST_PLUS] = {"best_plus", "BEST Plus"},
        [PW_TEST_OTHER] = {"other", "Other NRS-approved test"},
};

static const struct code_row subjects[] = {
        [PW_SUBJECT_NONE] = {NULL, NULL},
        [PW_SUBJECT_READING] = {"reading", "Reading"},
        [PW_SUBJECT_MATH] = {"math", "Mathematics"},
        [PW_SUBJECT_LANGUAGE] = {"language", "Language"},
        [PW_SUBJECT_WRITING] = {"writing", "Writing"},
        [PW_SUBJECT_LISTENING] = {"listening", "Listening"},
        [PW_SUBJECT_SPEAKING] = {"speaking", "Speaking"},
};

static const struct code_row scales[] = {
        [PW_NRS_NONE] = {NULL, NULL},
        [PW_NRS_ABE] = {"abe", "Adult Basic/Secondary Education"},
        [PW_NRS_ESL] = {"esl", "English as a Second Language"},
};

/* NRS educational functioning levels (Implementation Guidelines, Appendix A,
 * the 2016 revision with six ESL levels), index = level. */
static const char *const abe_levels[PW_NRS_LEVEL_MAX + 1] = {
        NULL,
        "Beginning ABE Literacy",
        "Beginning Basic Education",
        "Low Intermediate Basic Education",
        "High Intermediate Basic Education",
        "Low Adult Secondary Education",
        "High Adult Secondary Education",
};

static const char *const esl_levels[PW_NRS_LEVEL_MAX + 1] = {
        NULL,
        "Beginning ESL Literacy",
        "Low Beginning ESL",
        "High Beginning ESL",
        "Low Intermediate ESL",
        "High Intermediate ESL",
        "Advanced ESL",
};

/*
 * TABE 11/12 scale score -> NRS ABE level, the lowest score of levels 1..6.
 * Source: DRC, "TABE 11&12 Scoring Levels: Best Practice Guidance" (2019),
 * table "Relationship between TABE 11&12 Scale Scores and NRS levels", which
 * is the same on every TABE test level (L, E, M, D, A) that reports a level:
 *   reading  300-441 | 442-500 | 501-535 | 536-575 | 576-616 | 617-800
 *   math     300-448 | 449-495 | 496-536 | 537-595 | 596-656 | 657-800
 *   language 300-457 | 458-510 | 511-546 | 547-583 | 584-630 | 631-800
 * Scores outside 300..800 are not TABE 11/12 scale scores. A state that
 * adopts other cuts (or the later NRS level revision) changes this table.
 */
#define TABE_SCORE_MIN 300
#define TABE_SCORE_MAX 800
static const int tabe_reading[PW_NRS_LEVEL_MAX] = {300, 442, 501, 536, 576, 617};
static const int tabe_math[PW_NRS_LEVEL_MAX] = {300, 449, 496, 537, 596, 657};
static const int tabe_language[PW_NRS_LEVEL_MAX] = {300, 458, 511, 547, 584, 631};

static const struct code_row *row_of(const struct code_row *table, size_t n, int v)
{
	if (v <= 0 || (size_t)v >= n)
		return NULL;
	return &table[v];
}

static int index_of(const struct code_row *table, size_t n, const char *code)
{
	if (code == NULL)
		return -1;
	for (size_t i = 1; i < n; i++)
		if (strcmp(table[i].code, code) == 0)
			return (int)i;
	return -1;
}

const char *pw_skill_gain_type_code(enum pw_msg_type v)
{
	const struct code_row *r = row_of(types, PW_ARRAY_LEN(types), (int)v);
	return r ? r->code : "";
}

const char *pw_skill_gain_type_label(enum pw_msg_type v)
{
	const struct code_row *r = row_of(types, PW_ARRAY_LEN(types), (int)v);
	return r ? r->label : "";
}

int pw_skill_gain_type_from_code(const char *code, enum pw_msg_type *out)
{
	int i = index_of(types, PW_ARRAY_LEN(types), code);
	if (i < 0)
		return PW_ERR_INVALID;
	*out = (enum pw_msg_type)i;
	return PW_OK;
}

const char *pw_skill_gain_basis_code(enum pw_efl_basis v)
{
	const struct code_row *r = row_of(bases, PW_ARRAY_LEN(bases), (int)v);
	return r ? r->code : "";
}

const char *pw_skill_gain_basis_label(enum pw_efl_basis v)
{
	const struct code_row *r = row_of(bases, PW_ARRAY_LEN(bases), (int)v);
	return r ? r->label : "";
}

int pw_skill_gain_basis_from_code(const char *code, enum pw_efl_basis *out)
{
	int i = index_of(bases, PW_ARRAY_LEN(bases), code);
	if (i < 0)
		return PW_ERR_INVALID;
	*out = (enum pw_efl_basis)i;
	return PW_OK;
}

const char *pw_skill_gain_load_code(enum pw_study_load v)
{
	const struct code_row *r = row_of(loads, PW_ARRAY_LEN(loads), (int)v);
	return r ? r->code : "";
}

const char *pw_skill_gain_load_label(enum pw_study_load v)
{
	const struct code_row *r = row_of(loads, PW_ARRAY_LEN(loads), (int)v);
	return r ? r->label : "";
}

int pw_skill_gain_load_from_code(const char *code, enum pw_study_load *out)
{
	int i = index_of(loads, PW_ARRAY_LEN(loads), code);
	if (i < 0)
		return PW_ERR_INVALID;
	*out = (enum pw_study_load)i;
	return PW_OK;
}

const char *pw_skill_gain_test_code(enum pw_assessment_test v)
{
	const struct code_row *r = row_of(tests, PW_ARRAY_LEN(tests), (int)v);
	return r ? r->code : "";
}

const char *pw_skill_gain_test_label(enum pw_assessment_test v)
{
	const struct code_row *r = row_of(tests, PW_ARRAY_LEN(tests), (int)v);
	return r ? r->label : "";
}

int pw_skill_gain_test_from_code(const char *code, enum pw_assessment_test *out)
{
	int i = index_of(tests, PW_ARRAY_LEN(tests), code);
	if (i < 0)
		return PW_ERR_INVALID;
	*out = (enum pw_assessment_test)i;
	return PW_OK;
}

const char *pw_skill_gain_subject_code(enum pw_assessment_subject v)
{
	const struct code_row *r = row_of(subjects, PW_ARRAY_LEN(subjects), (int)v);
	return r ? r->code : "";
}

const char *pw_skill_gain_subject_label(enum pw_assessment_subject v)
{
	const struct code_row *r = row_of(subjects, PW_ARRAY_LEN(subjects), (int)v);
	return r ? r->label : "";
}

int pw_skill_gain_subject_from_code(const char *code, enum pw_assessment_subject *out)
{
	int i = index_of(subjects, PW_ARRAY_LEN(subjects), code);
	if (i < 0)
		return PW_ERR_INVALID;
	*out = (enum pw_assessment_subject)i;
	return PW_OK;
}

const char *pw_skill_gain_scale_code(enum pw_nrs_scale v)
{
	const struct code_row *r = row_of(scales, PW_ARRAY_LEN(scales), (int)v);
	return r ? r->code : "";
}

int pw_skill_gain_scale_from_code(const char *code, enum pw_nrs_scale *out)
{
	int i = index_of(scales, PW_ARRAY_LEN(scales), code);
	if (i < 0)
		return PW_ERR_INVALID;
	*out = (enum pw_nrs_scale)i;
	return PW_OK;
}

int pw_skill_gain_program_year(const struct pw_skill_gain *g)
{
	pw_date d = g->date_attained;

	/* R-MSG-2: a part-time gain counts where its second semester ends. */
	if (g->type == PW_MSG_POSTSECONDARY_TRANSCRIPT && g->load == PW_LOAD_PART_TIME)
		d = g->semesters[1].end;
	return !pw_date_is_valid(d) ? 0 : pw_program_year(d);
}

/* True when s (NUL-terminated, may be NULL) holds no visible character. */
static bool is_blank(const char *s)
{
	if (s == NULL)
		return true;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			return false;
	return true;
}

/* Field names of the two semesters, indexed [semester][start, end, credits]. */
static const char *const semester_fields[2][3] = {
        {"semester1_start", "semester1_end", "semester1_credits"},
        {"semester2_start", "semester2_end", "semester2_credits"},
};

/* R-MSG-2: one semester's own fields. Returns true when all three are given
 * and sane, so the rules across semesters can be checked. */
static bool check_semester(const struct pw_semester *s, int i, struct pw_violations *v)
{
	char a[PW_DATE_STRLEN], b[PW_DATE_STRLEN];
	bool ok = true;

	if (!pw_date_is_valid(s->start)) {
		pw_violation_add(v, "R-MSG-2", semester_fields[i][0],
		                 "Enter the start date of semester %d.", i + 1);
		ok = false;
	}
	if (!pw_date_is_valid(s->end)) {
		pw_violation_add(v, "R-MSG-2", semester_fields[i][1],
		                 "Enter the end date of semester %d.", i + 1);
		ok = false;
	}
	if (ok && s->end < s->start) {
		pw_date_format(s->start, a);
		pw_date_format(s->end, b);
		pw_violation_add(v, "R-MSG-2", semester_fields[i][1],
		                 "Semester %d ends on %s, before it starts on %s.", i + 1, b, a);
		ok = false;
	}
	if (s->credits < 0.0) {
		pw_violation_add(v, "R-MSG-2", semester_fields[i][2],
		                 "Enter the credits completed in semester %d.", i + 1);
		ok = false;
	} else if (!(s->credits <= 60.0)) { /* also catches NaN */
		pw_violation_add(v, "R-MSG-2", semester_fields[i][2],
		                 "The credits of semester %d must be between 0 and 60.", i + 1);
		ok = false;
	}
	return ok;
}

/* R-MSG-2: the semesters of a postsecondary transcript. Returns the end of
 * the last semester the gain rests on, or PW_DATE_NONE if unknown. */
static pw_date check_semesters(const struct pw_skill_gain *g, struct pw_violations *v)
{
	const struct pw_semester *s1 = &g->semesters[0], *s2 = &g->semesters[1];
	char a[PW_DATE_STRLEN], b[PW_DATE_STRLEN];
	bool ok1, ok2;

	if (g->load == PW_LOAD_FULL_TIME) {
		if (!check_semester(s1, 0, v))
			return PW_DATE_NONE;
		if (s1->credits < PW_SKILL_GAIN_CREDITS_NEEDED)
			pw_violation_add(v, "R-MSG-2", "semester1_credits",
			                 "A full-time student needs at least 12 credits in one "
			                 "semester; the semester shows %g.",
			                 s1->credits);
		return s1->end;
	}
	if (g->load != PW_LOAD_PART_TIME)
		return PW_DATE_NONE;

	ok1 = check_semester(s1, 0, v);
	ok2 = check_semester(s2, 1, v);
	if (!ok1 || !ok2)
		return ok2 ? s2->end : PW_DATE_NONE;
	pw_date_format(s1->end, a);
	if (s2->start <= s1->end) {
		pw_violation_add(v, "R-MSG-2", "semester2_start",
		                 "Semester 2 must start after semester 1 ends (%s).", a);
	} else if (s2->start >= pw_date_add_months(s1->end, PW_SKILL_GAIN_MAX_GAP_MONTHS)) {
		pw_date_format(s2->start, b);
		pw_violation_add(v, "R-MSG-2", "semester2_start",
		                 "Semester 2 starts on %s, %d months or more after semester 1 "
		                 "ended on %s, so the semesters are not consecutive.",
		                 b, PW_SKILL_GAIN_MAX_GAP_MONTHS, a);
	}
	/* Both within one 12-month period that opens when semester 1 starts. */
	pw_date last = pw_date_add_days(pw_date_add_years(s1->start, 1), -1);
	if (s2->end > last) {
		pw_date_format(last, b);
		pw_violation_add(v, "R-MSG-2", "semester2_end",
		                 "Both semesters must fall within one 12-month period: semester "
		                 "2 must end by %s.",
		                 b);
	}
	if (s1->credits + s2->credits < PW_SKILL_GAIN_CREDITS_NEEDED)
		pw_violation_add(v, "R-MSG-2", "semester2_credits",
		                 "A part-time student needs at least 12 credits over the two "
		                 "semesters; they show %g.",
		                 s1->credits + s2->credits);
	return s2->end;
}

/* R-MSG-1: the questions and document of each type. Returns the end of the
 * semester a postsecondary gain rests on (else PW_DATE_NONE). */
static pw_date check_answers(const struct pw_skill_gain *g, const struct pw_skill_gain_context *ctx,
                             struct pw_violations *v)
{
	pw_date sem_end = PW_DATE_NONE;

	switch (g->type) {
	case PW_MSG_EFL:
		if (row_of(bases, PW_ARRAY_LEN(bases), (int)g->efl_basis) == NULL)
			pw_violation_add(v, "R-MSG-1", "efl_basis",
			                 "Say whether the EFL gain comes from test scores or from "
			                 "entering postsecondary education after exit.");
		return PW_DATE_NONE; /* EFL needs no document */
	case PW_MSG_SECONDARY_TRANSCRIPT:
		if (pw_education_has_secondary_diploma(ctx->education_at_entry))
			pw_violation_add(v, "R-MSG-1", "type",
			                 "A secondary transcript gain applies only to participants "
			                 "without a high school diploma or equivalency at program "
			                 "entry; this participant entered with \"%s\".",
			                 pw_education_level_label(ctx->education_at_entry));
		if (g->enrolled_secondary == PW_ANSWER_NO)
			pw_violation_add(
			        v, "R-MSG-1", "enrolled_secondary",
			        "A secondary transcript gain needs a participant pursuing a "
			        "GED/diploma and enrolled in secondary education.");
		else if (g->enrolled_secondary != PW_ANSWER_YES)
			pw_violation_add(v, "R-MSG-1", "enrolled_secondary",
			                 "Answer whether the participant is pursuing a GED/diploma "
			                 "and enrolled in secondary education.");
		if (!pw_education_level_valid(g->highest_education))
			pw_violation_add(v, "R-MSG-1", "highest_education",
			                 "Select the highest level of education.");
		if (!g->has_document)
			pw_violation_add(v, "R-MSG-1", "document",
			                 "Upload the transcript or report card for one semester.");
		return PW_DATE_NONE;
	case PW_MSG_POSTSECONDARY_TRANSCRIPT:
		if (row_of(loads, PW_ARRAY_LEN(loads), (int)g->load) == NULL)
			pw_violation_add(v, "R-MSG-1", "load",
			                 "Say whether the participant studied full time (12 "
			                 "credits in one semester) or part-time (12 credits in two "
			                 "consecutive semesters).");
		else
			sem_end = check_semesters(g, v);
		if (!pw_education_level_valid(g->highest_education))
			pw_violation_add(v, "R-MSG-1", "highest_education",
			                 "Select the highest level of education.");
		if (!g->has_document)
			pw_violation_add(v, "R-MSG-1", "document",
			                 "Upload the transcript or report card showing full- or "
			                 "part-time enrollment.");
		return sem_end;
	case PW_MSG_TRAINING_MILESTONE:
		if (!g->has_document)
			pw_violation_add(v, "R-MSG-1", "document",
			                 "Upload the progress report showing the milestone "
			                 "reached.");
		return PW_DATE_NONE;
	case PW_MSG_SKILLS_PROGRESSION:
		if (g->passed_exam == PW_ANSWER_NO)
			pw_violation_add(v, "R-MSG-1", "passed_exam",
			                 "A skills progression gain needs an exam or benchmarks "
			                 "passed.");
		else if (g->passed_exam != PW_ANSWER_YES)
			pw_violation_add(v, "R-MSG-1", "passed_exam",
			                 "Answer whether the participant passed the exam or "
			                 "benchmarks.");
		if (!g->has_document)
			pw_violation_add(v, "R-MSG-1", "document",
			                 "Upload the documentation of the exam or benchmarks "
			                 "passed.");
		return PW_DATE_NONE;
	case PW_MSG_NONE:
	default:
		pw_violation_add(v, "R-MSG-1", "type", "Select the skill type.");
		return PW_DATE_NONE;
	}
}

/* R-MSG-3: the EFL gain for entering postsecondary education after exit. */
static void check_postsecondary_entry(pw_date d, const struct pw_skill_gain_context *ctx,
                                      struct pw_violations *v)
{
	char a[PW_DATE_STRLEN], b[PW_DATE_STRLEN], c[PW_DATE_STRLEN];
	int py;

	if (!pw_date_is_valid(ctx->exit_date)) {
		pw_violation_add(v, "R-MSG-3", "efl_basis",
		                 "An EFL gain for entering postsecondary education is recorded "
		                 "only after the participant has exited.");
		return;
	}
	if (ctx->school_status_at_exit != PW_EXIT_SCHOOL_NOT_ATTENDING_GRADUATE)
		pw_violation_add(v, "R-MSG-3", "efl_basis",
		                 "An EFL gain for entering postsecondary education needs the "
		                 "school status at exit \"Not attending school; H.S. "
		                 "Graduate\".");
	pw_date_format(d, a);
	pw_date_format(ctx->exit_date, b);
	if (d <= ctx->exit_date) {
		pw_violation_add(v, "R-MSG-3", "date_attained",
		                 "The gain date %s must be after the exit on %s.", a, b);
		return;
	}
	py = pw_program_year(ctx->exit_date);
	if (pw_program_year(d) != py) {
		pw_date_format(pw_program_year_end(py), c);
		pw_violation_add(v, "R-MSG-3", "date_attained",
		                 "The gain date %s must fall in program year %d, the year of "
		                 "the exit on %s (by %s).",
		                 a, py, b, c);
	}
}

/* R-MSG-3, R-DATE-4: where the date attained may fall. */
static void check_date(const struct pw_skill_gain *g, const struct pw_skill_gain_context *ctx,
                       pw_date sem_end, struct pw_violations *v)
{
	char a[PW_DATE_STRLEN], b[PW_DATE_STRLEN];
	pw_date d = g->date_attained;

	pw_date_format(d, a);
	if (pw_date_is_valid(ctx->as_of) && d > ctx->as_of) {
		pw_date_format(ctx->as_of, b);
		pw_violation_add(v, "R-DATE-4", "date_attained",
		                 "The gain date %s is in the future (today is %s).", a, b);
	}
	if (sem_end != PW_DATE_NONE && d < sem_end) {
		pw_date_format(sem_end, b);
		pw_violation_add(v, "R-MSG-2", "date_attained",
		                 "The gain date %s is before the end of the semester it rests "
		                 "on (%s).",
		                 a, b);
	}
	if (!pw_date_is_valid(ctx->participation_date)) {
		pw_violation_add(v, "R-MSG-3", "participation_date",
		                 "The enrollment has no participation date, so no gain can be "
		                 "dated.");
		return;
	}
	if (d < ctx->participation_date) {
		pw_date_format(ctx->participation_date, b);
		pw_violation_add(v, "R-MSG-3", "date_attained",
		                 "The gain date %s is before the participation date %s.", a, b);
		return;
	}
	if (g->type == PW_MSG_EFL && g->efl_basis == PW_EFL_BASIS_POSTSECONDARY_ENTRY) {
		check_postsecondary_entry(d, ctx, v);
		return;
	}
	if (pw_date_is_valid(ctx->exit_date) && d > ctx->exit_date) {
		pw_date_format(ctx->exit_date, b);
		pw_violation_add(v, "R-MSG-3", "date_attained",
		                 "The gain date %s is after the exit on %s; a gain must be "
		                 "dated within participation.",
		                 a, b);
	}
}

int pw_skill_gain_validate(const struct pw_skill_gain *g, const struct pw_skill_gain_context *ctx,
                           int *program_year, struct pw_violations *v)
{
	size_t before = v->n + v->dropped;
	pw_date sem_end;

	if (program_year != NULL)
		*program_year = pw_skill_gain_program_year(g);

	sem_end = check_answers(g, ctx, v);
	if (is_blank(g->comment))
		pw_violation_add(v, "R-MSG-1", "comment", "Add a comment.");
	else if (strlen(g->comment) > PW_SKILL_GAIN_COMMENT_MAX)
		pw_violation_add(v, "R-MSG-1", "comment",
		                 "The comment is longer than %d characters.",
		                 PW_SKILL_GAIN_COMMENT_MAX);
	if (!pw_date_is_valid(g->date_attained))
		pw_violation_add(v, "R-MSG-1", "date_attained", "Enter the date attained.");
	else
		check_date(g, ctx, sem_end, v);

	return v->n + v->dropped == before ? PW_OK : PW_ERR_INVALID;
}

/* ---- Assessments ---- */

const char *pw_skill_gain_nrs_level_label(enum pw_nrs_scale scale, int level)
{
	if (level < PW_NRS_LEVEL_MIN || level > PW_NRS_LEVEL_MAX)
		return "";
	if (scale == PW_NRS_ABE)
		return abe_levels[level];
	if (scale == PW_NRS_ESL)
		return esl_levels[level];
	return "";
}

int pw_skill_gain_tabe_level(enum pw_assessment_subject subject, int scale_score, int *level)
{
	const int *cuts;

	switch (subject) {
	case PW_SUBJECT_READING:
		cuts = tabe_reading;
		break;
	case PW_SUBJECT_MATH:
		cuts = tabe_math;
		break;
	case PW_SUBJECT_LANGUAGE:
		cuts = tabe_language;
		break;
	default:
		return PW_ERR_INVALID;
	}
	if (scale_score < TABE_SCORE_MIN || scale_score > TABE_SCORE_MAX)
		return PW_ERR_INVALID;
	for (int l = PW_NRS_LEVEL_MAX; l >= PW_NRS_LEVEL_MIN; l--) {
		if (scale_score >= cuts[l - 1]) {
			*level = l;
			return PW_OK;
		}
	}
	return PW_ERR_INVALID; /* not reached: cuts[0] is the minimum score */
}

int pw_skill_gain_assessment_level(const struct pw_assessment *a, enum pw_nrs_scale *scale,
                                   int *level)
{
	int l;

	if (a->test == PW_TEST_TABE_11_12 && a->scale_score != 0 &&
	    pw_skill_gain_tabe_level(a->subject, a->scale_score, &l) == PW_OK) {
		*scale = PW_NRS_ABE;
		*level = l;
		return PW_OK;
	}
	if (a->level < PW_NRS_LEVEL_MIN || a->level > PW_NRS_LEVEL_MAX)
		return PW_ERR_INVALID;
	if (a->scale == PW_NRS_ABE || a->scale == PW_NRS_ESL) {
		*scale = a->scale;
		*level = a->level;
		return PW_OK;
	}
	if (a->scale == PW_NRS_NONE && a->test == PW_TEST_TABE_11_12) {
		*scale = PW_NRS_ABE;
		*level = a->level;
		return PW_OK;
	}
	return PW_ERR_INVALID;
}

/* An assessment usable for pairing, with its placement. */
struct placed {
	enum pw_nrs_scale scale;
	int level;
	int py;
};

static bool place(const struct pw_assessment *a, struct placed *p)
{
	if (!pw_date_is_valid(a->date) ||
	    row_of(tests, PW_ARRAY_LEN(tests), (int)a->test) == NULL ||
	    row_of(subjects, PW_ARRAY_LEN(subjects), (int)a->subject) == NULL)
		return false;
	if (pw_skill_gain_assessment_level(a, &p->scale, &p->level) != PW_OK)
		return false;
	p->py = pw_program_year(a->date);
	return true;
}

static bool same_group(const struct pw_assessment *a, const struct placed *pa,
                       const struct pw_assessment *b, const struct placed *pb)
{
	return a->test == b->test && a->subject == b->subject && pa->scale == pb->scale &&
	       pa->py == pb->py;
}

/* Output order: date, then subject, then pre-test index. */
static bool sorts_before(const struct pw_efl_gain *x, const struct pw_efl_gain *y)
{
	if (x->date != y->date)
		return x->date < y->date;
	if (x->subject != y->subject)
		return x->subject < y->subject;
	return x->pre < y->pre;
}

/* Inserts g into the sorted out[0..*n) keeping at most cap items. */
static void insert_gain(struct pw_efl_gain *out, size_t cap, size_t *n, const struct pw_efl_gain *g)
{
	size_t i = *n;

	if (cap == 0)
		return;
	if (*n == cap) {
		if (!sorts_before(g, &out[cap - 1]))
			return;
		i = cap - 1; /* the last one falls off */
	} else {
		(*n)++;
	}
	while (i > 0 && sorts_before(g, &out[i - 1])) {
		out[i] = out[i - 1];
		i--;
	}
	out[i] = *g;
}

int pw_skill_gain_efl_gains(const struct pw_assessment *a, size_t n, struct pw_efl_gain *out,
                            size_t cap, size_t *found)
{
	size_t stored = 0, total = 0;

	for (size_t i = 0; i < n; i++) {
		struct placed pi, pj, best_p = {PW_NRS_NONE, 0, 0};
		bool is_pre = true;
		size_t best = n;

		if (!place(&a[i], &pi))
			continue;
		/* Is a[i] the pre-test of its group? */
		for (size_t j = 0; j < n && is_pre; j++) {
			if (j == i || !place(&a[j], &pj) || !same_group(&a[i], &pi, &a[j], &pj))
				continue;
			if (a[j].date < a[i].date ||
			    (a[j].date == a[i].date &&
			     (pj.level < pi.level || (pj.level == pi.level && j < i))))
				is_pre = false;
		}
		if (!is_pre)
			continue;
		/* The earliest later test placing higher; on a tie, the highest. */
		for (size_t j = 0; j < n; j++) {
			if (j == i || !place(&a[j], &pj) || !same_group(&a[i], &pi, &a[j], &pj))
				continue;
			if (a[j].date <= a[i].date || pj.level <= pi.level)
				continue;
			if (best == n || a[j].date < a[best].date ||
			    (a[j].date == a[best].date && pj.level > best_p.level)) {
				best = j;
				best_p = pj;
			}
		}
		if (best == n)
			continue;
		struct pw_efl_gain g = {
		        .pre = i,
		        .post = best,
		        .subject = a[i].subject,
		        .scale = pi.scale,
		        .pre_level = pi.level,
		        .post_level = best_p.level,
		        .date = a[best].date,
		        .program_year = best_p.py,
		};
		insert_gain(out, cap, &stored, &g);
		total++;
	}
	*found = total;
	return total > cap ? PW_ERR_TOO_LARGE : PW_OK;
}
