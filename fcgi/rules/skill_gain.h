/*
 * skill_gain.h: measurable skill gains (R-MSG-1..3) and the educational
 * functioning level (EFL) gains found in assessment scores.
 *
 * A gain is one of five types, each with the answers its workNet form asks
 * for (seeds 001 and 004), a date attained, a comment and, for all but EFL, an
 * uploaded document. It counts in the program year of its date attained,
 * except a part-time postsecondary gain, which counts in the program year in
 * which its second semester ends (R-MSG-2). It must fall within participation,
 * except the EFL gain for entering postsecondary education after exit
 * (R-MSG-3).
 *
 * EFL gains by test scores come from the participant's assessments: the first
 * test of a program year in a subject is the pre-test, and a later test of the
 * same kind in the same program year placing at least one NRS level higher
 * offers a gain dated on that post-test. TABE 11/12 scale scores are turned
 * into NRS levels here; for other tests the caller records the level the test
 * publisher's table gives.
 *
 * Strings in the structs are NUL-terminated and borrowed; NULL means absent.
 */
#ifndef PW_RULES_SKILL_GAIN_H
#define PW_RULES_SKILL_GAIN_H

#include <stdbool.h>
#include <stddef.h>

#include "rules/dates.h"
#include "rules/education.h"
#include "rules/exit.h"
#include "rules/violation.h"

#define PW_SKILL_GAIN_COMMENT_MAX 4000 /* bytes, without the NUL */
/* R-MSG-2: credits a gain needs (one semester full-time, two part-time). */
#define PW_SKILL_GAIN_CREDITS_NEEDED 12.0
/* R-MSG-2: a second semester starting this many months or more after the first
 * ended is taken as not consecutive (see pw_skill_gain_validate). */
#define PW_SKILL_GAIN_MAX_GAP_MONTHS 4

/* R-MSG-1: the five types, labelled as on the workNet "Skill Type" list. */
enum pw_msg_type {
	PW_MSG_NONE = 0,
	PW_MSG_EFL,                      /* "efl" */
	PW_MSG_SECONDARY_TRANSCRIPT,     /* "secondary_transcript" */
	PW_MSG_POSTSECONDARY_TRANSCRIPT, /* "postsecondary_transcript" */
	PW_MSG_TRAINING_MILESTONE,       /* "training_milestone" */
	PW_MSG_SKILLS_PROGRESSION,       /* "skills_progression" */
};

/* The two ways to an EFL gain (ISETS form, a and b). */
enum pw_efl_basis {
	PW_EFL_BASIS_NONE = 0,
	PW_EFL_BASIS_TEST_SCORES,         /* "test_scores": pre/post assessments */
	PW_EFL_BASIS_POSTSECONDARY_ENTRY, /* "postsecondary_entry": entered postsecondary after exit
	                                   */
};

/* Postsecondary transcript, question 1: full-time or part-time. */
enum pw_study_load {
	PW_LOAD_NONE = 0,
	PW_LOAD_FULL_TIME, /* "full_time" */
	PW_LOAD_PART_TIME, /* "part_time" */
};

/* One semester of a postsecondary transcript. credits < 0 means not given. */
struct pw_semester {
	pw_date start; /* PW_DATE_NONE if not given */
	pw_date end;
	double credits; /* credits completed, by the institution's standard */
};

/* The form, as entered. Fields a type does not ask for are ignored. */
struct pw_skill_gain {
	enum pw_msg_type type;
	pw_date date_attained; /* PW_DATE_NONE if absent */
	const char *comment;
	bool has_document; /* an uploaded verification document is attached */
	/* EFL: which way the gain was reached. */
	enum pw_efl_basis efl_basis;
	/* Secondary transcript Q1: pursuing a GED/diploma and enrolled in
	 * secondary education; must be yes. */
	enum pw_answer enrolled_secondary;
	/* Secondary and postsecondary transcripts Q2: highest level of education. */
	enum pw_education_level highest_education;
	/* Postsecondary transcript Q1 and the semesters it rests on: one for
	 * full-time, two (in order) for part-time. */
	enum pw_study_load load;
	struct pw_semester semesters[2];
	/* Skills progression Q1: passed the exam or benchmarks; must be yes. */
	enum pw_answer passed_exam;
};

/* What the handler knows about the enrollment. */
struct pw_skill_gain_context {
	pw_date participation_date;                       /* required */
	pw_date exit_date;                                /* PW_DATE_NONE while enrolled */
	pw_date as_of;                                    /* today, passed in (R-DATE-4) */
	enum pw_education_level education_at_entry;       /* PW_EDU_NONE if not recorded */
	enum pw_exit_school_status school_status_at_exit; /* 0 if not given */
};

/* Code tables. *_code() and *_label() return a static string, "" for the
 * NONE value or one out of range. *_from_code() takes a NUL-terminated code
 * and returns PW_OK, or PW_ERR_INVALID (out untouched) if unknown or NULL. */
const char *pw_skill_gain_type_code(enum pw_msg_type t);
const char *pw_skill_gain_type_label(enum pw_msg_type t);
int pw_skill_gain_type_from_code(const char *code, enum pw_msg_type *out);

const char *pw_skill_gain_basis_code(enum pw_efl_basis b);
const char *pw_skill_gain_basis_label(enum pw_efl_basis b);
int pw_skill_gain_basis_from_code(const char *code, enum pw_efl_basis *out);

const char *pw_skill_gain_load_code(enum pw_study_load l);
const char *pw_skill_gain_load_label(enum pw_study_load l);
int pw_skill_gain_load_from_code(const char *code, enum pw_study_load *out);

/*
 * R-MSG-1, R-MSG-2, R-DATE-1: the program year the gain counts in: that of the
 * second semester's end for a part-time postsecondary gain, else that of the
 * date attained. Returns 0 when the date it needs is missing.
 */
int pw_skill_gain_program_year(const struct pw_skill_gain *g);

/*
 * R-MSG-1..3, R-DATE-4: checks g against ctx, appending one violation per
 * broken rule to v (initialised by the caller). Postsecondary semesters
 * (R-MSG-2): full-time needs semester 1 with at least 12 credits; part-time
 * needs two semesters, the second starting after the first ends and less than
 * PW_SKILL_GAIN_MAX_GAP_MONTHS later (a longer break means a term was
 * skipped), both within one 12-month period (second end <= first start + 1
 * year - 1 day), with at least 12 credits together. Either way the date
 * attained may not precede the last semester's end. *program_year (may be
 * NULL) receives pw_skill_gain_program_year(g).
 * Returns PW_OK if nothing was appended, PW_ERR_INVALID otherwise.
 */
int pw_skill_gain_validate(const struct pw_skill_gain *g, const struct pw_skill_gain_context *ctx,
                           int *program_year, struct pw_violations *v);

/* ---- Assessments and EFL gains by test scores ---- */

enum pw_assessment_test {
	PW_TEST_NONE = 0,
	PW_TEST_TABE_11_12,  /* "tabe_11_12": levels computed from scale scores */
	PW_TEST_TABE_CLAS_E, /* "tabe_clas_e" */
	PW_TEST_CASAS,       /* "casas" */
	PW_TEST_BEST_PLUS,   /* "best_plus" */
	PW_TEST_OTHER,       /* "other": another NRS-approved test */
};

enum pw_assessment_subject {
	PW_SUBJECT_NONE = 0,
	PW_SUBJECT_READING,   /* "reading" */
	PW_SUBJECT_MATH,      /* "math" */
	PW_SUBJECT_LANGUAGE,  /* "language" */
	PW_SUBJECT_WRITING,   /* "writing" */
	PW_SUBJECT_LISTENING, /* "listening" */
	PW_SUBJECT_SPEAKING,  /* "speaking" */
};

/* The two NRS level ladders: ABE (levels 1-4 ABE, 5-6 ASE) and ESL. */
enum pw_nrs_scale {
	PW_NRS_NONE = 0,
	PW_NRS_ABE, /* "abe" */
	PW_NRS_ESL, /* "esl" */
};

#define PW_NRS_LEVEL_MIN 1
#define PW_NRS_LEVEL_MAX 6

/* One test taken. For TABE 11/12 give the scale score and leave level 0 (it is
 * computed); for other tests give scale and level 1..6. */
struct pw_assessment {
	enum pw_assessment_test test;
	enum pw_assessment_subject subject;
	pw_date date;
	int scale_score;         /* 0 if not given */
	enum pw_nrs_scale scale; /* TABE 11/12: may stay NONE (it is ABE) */
	int level;               /* NRS functioning level 1..6; 0 = compute from the score */
};

/* A gain offered by a pre/post pair; pre and post index the input array. */
struct pw_efl_gain {
	size_t pre;
	size_t post;
	enum pw_assessment_subject subject;
	enum pw_nrs_scale scale;
	int pre_level;
	int post_level;
	pw_date date;     /* the post-test date: the gain's date attained */
	int program_year; /* R-DATE-1 of date */
};

const char *pw_skill_gain_test_code(enum pw_assessment_test t);
const char *pw_skill_gain_test_label(enum pw_assessment_test t);
int pw_skill_gain_test_from_code(const char *code, enum pw_assessment_test *out);

const char *pw_skill_gain_subject_code(enum pw_assessment_subject s);
const char *pw_skill_gain_subject_label(enum pw_assessment_subject s);
int pw_skill_gain_subject_from_code(const char *code, enum pw_assessment_subject *out);

const char *pw_skill_gain_scale_code(enum pw_nrs_scale s);
int pw_skill_gain_scale_from_code(const char *code, enum pw_nrs_scale *out);

/* NRS functioning-level name ("Low Intermediate Basic Education"), or ""
 * for an unknown scale or a level outside 1..6. */
const char *pw_skill_gain_nrs_level_label(enum pw_nrs_scale scale, int level);

/* NRS ABE level of a TABE 11/12 scale score (300..800) in reading, math or
 * language. PW_ERR_INVALID (level untouched) for another subject or a score
 * out of range. */
int pw_skill_gain_tabe_level(enum pw_assessment_subject subject, int scale_score, int *level);

/* The scale and level an assessment places at: for TABE 11/12 with a scale
 * score, the level of that score on the ABE ladder (the score wins over a
 * recorded level); otherwise the recorded level 1..6 on its scale (TABE 11/12
 * implies ABE). PW_ERR_INVALID (outputs untouched) when neither is known. */
int pw_skill_gain_assessment_level(const struct pw_assessment *a, enum pw_nrs_scale *scale,
                                   int *level);

/*
 * EFL gains by test scores. Assessments are grouped by program year (of
 * their date), test, subject and scale; those whose level cannot be known are
 * ignored. In each group the earliest test is the pre-test (on a tie, the
 * lower level, then the lower index), and the earliest later-dated test with a
 * higher level is the post-test (on a tie, the higher level). Each group gives
 * at most one gain; a pre-test in one program year never pairs with a
 * post-test in the next. Gains are written to out in order of date, then
 * subject, up to cap of them; *found receives how many exist.
 * Returns PW_OK, or PW_ERR_TOO_LARGE when *found > cap (out holds the first
 * cap). Borrows a (n items); allocates nothing.
 */
int pw_skill_gain_efl_gains(const struct pw_assessment *a, size_t n, struct pw_efl_gain *out,
                            size_t cap, size_t *found);

#endif
