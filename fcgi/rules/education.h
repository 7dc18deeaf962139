/*
 * education.h: the education facts and answer type the outcome records share.
 *
 * Skill gains (R-MSG-1..3) ask for a participant's highest level of education,
 * and the secondary-transcript gain applies only to someone who had no diploma
 * or equivalency at entry. That list lives here as an enum with a stable code
 * (what the API and the database store) and the label staff see. The yes/no
 * answer of the agency forms ("Does this job meet your needs?", "passed the
 * exam?") is here too, so that credential, skill_gain and employment share one
 * type for it. (School status at exit is enum pw_exit_school_status, exit.h.)
 *
 * Every enum keeps 0 for "not given", so a zeroed struct means "unanswered";
 * that value has no code and is never returned by a *_from_code function.
 */
#ifndef PW_RULES_EDUCATION_H
#define PW_RULES_EDUCATION_H

#include <stdbool.h>

/* A yes/no question of a form. */
enum pw_answer {
	PW_ANSWER_NONE = 0,
	PW_ANSWER_YES, /* "yes" */
	PW_ANSWER_NO,  /* "no" */
};

/*
 * Highest level of education, the list the workNet forms show ("H.S. Junior").
 * The H.S. grades name the grade the person is in (a junior has completed the
 * 10th grade), as in the Illinois workNet profile.
 */
enum pw_education_level {
	PW_EDU_NONE = 0,
	PW_EDU_GRADE_8_OR_LESS,           /* "grade_8_or_less" */
	PW_EDU_HS_FRESHMAN,               /* "hs_freshman" */
	PW_EDU_HS_SOPHOMORE,              /* "hs_sophomore" */
	PW_EDU_HS_JUNIOR,                 /* "hs_junior" */
	PW_EDU_HS_SENIOR,                 /* "hs_senior" */
	PW_EDU_GRADE_12_NO_DIPLOMA,       /* "grade_12_no_diploma" */
	PW_EDU_IEP_CERTIFICATE,           /* "iep_certificate" */
	PW_EDU_HS_EQUIVALENCY,            /* "hs_equivalency" */
	PW_EDU_HS_DIPLOMA,                /* "hs_diploma" */
	PW_EDU_SOME_POSTSECONDARY,        /* "some_postsecondary" */
	PW_EDU_POSTSECONDARY_CERTIFICATE, /* "postsecondary_certificate" */
	PW_EDU_ASSOCIATE,                 /* "associate" */
	PW_EDU_BACHELOR,                  /* "bachelor" */
	PW_EDU_BEYOND_BACHELOR,           /* "beyond_bachelor" */
};

/* Code <-> enum tables. *_code() and *_label() return a static string, ""
 * for PW_*_NONE and out-of-range values (never NULL). *_from_code() takes a
 * NUL-terminated code and returns PW_OK, or PW_ERR_INVALID (out untouched)
 * for anything else, NULL included. *_valid() is true for a value that has a
 * code (not NONE, not out of range). */
bool pw_education_answer_valid(enum pw_answer a);
const char *pw_education_answer_code(enum pw_answer a);
const char *pw_education_answer_label(enum pw_answer a);
int pw_education_answer_from_code(const char *code, enum pw_answer *out);

bool pw_education_level_valid(enum pw_education_level e);
const char *pw_education_level_code(enum pw_education_level e);
const char *pw_education_level_label(enum pw_education_level e);
int pw_education_level_from_code(const char *code, enum pw_education_level *out);

/* True when the level means a secondary school diploma or its recognized
 * equivalent has been attained (equivalency, diploma or any postsecondary
 * level). An IEP certificate of attendance is not a diploma. */
bool pw_education_has_secondary_diploma(enum pw_education_level e);

#endif
