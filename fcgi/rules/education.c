/*
 * education.c: the code tables for answers and education levels (see
 * education.h). Each table is indexed by the enum value, with
 * row 0 (the "not given" value) empty, so lookups are a bounds check and an
 * index.
 */
#include "pw.h"
#include "rules/education.h"

#include <string.h>

struct code_row {
	const char *code;
	const char *label;
};

static const struct code_row answers[] = {
        [PW_ANSWER_NONE] = {NULL, NULL},
        [PW_ANSWER_YES] = {"yes", "Yes"},
        [PW_ANSWER_NO] = {"no", "No"},
};

static const struct code_row levels[] = {
        [PW_EDU_NONE] = {NULL, NULL},
        [PW_EDU_GRADE_8_OR_LESS] = {"grade_8_or_less", "8th Grade or Less"},
        [PW_EDU_HS_FRESHMAN] = {"hs_freshman", "H.S. Freshman"},
        [PW_EDU_HS_SOPHOMORE] = {"hs_sophomore", "H.S. Sophomore"},
        [PW_EDU_HS_JUNIOR] = {"hs_junior", "H.S. Junior"},
        [PW_EDU_HS_SENIOR] = {"hs_senior", "H.S. Senior"},
        [PW_EDU_GRADE_12_NO_DIPLOMA] = {"grade_12_no_diploma", "Completed 12th Grade, No Diploma"},
        [PW_EDU_IEP_CERTIFICATE] = {"iep_certificate",
                                    "Certificate of Attendance/Completion (IEP)"},
        [PW_EDU_HS_EQUIVALENCY] = {"hs_equivalency", "H.S. Equivalency/G.E.D."},
        [PW_EDU_HS_DIPLOMA] = {"hs_diploma", "H.S. Diploma"},
        [PW_EDU_SOME_POSTSECONDARY] = {"some_postsecondary", "Some Postsecondary Education"},
        [PW_EDU_POSTSECONDARY_CERTIFICATE] = {"postsecondary_certificate",
                                              "Postsecondary Technical or Vocational Certificate"},
        [PW_EDU_ASSOCIATE] = {"associate", "Associate Degree"},
        [PW_EDU_BACHELOR] = {"bachelor", "Bachelor's Degree"},
        [PW_EDU_BEYOND_BACHELOR] = {"beyond_bachelor", "Degree Beyond a Bachelor's Degree"},
};

/* Row of table for value v, or NULL when v is 0 or out of range. */
static const struct code_row *row_of(const struct code_row *table, size_t n, int v)
{
	if (v <= 0 || (size_t)v >= n)
		return NULL;
	return &table[v];
}

/* Index of code in table (rows 1..n-1), or -1. code is NUL-terminated. */
static int index_of(const struct code_row *table, size_t n, const char *code)
{
	if (code == NULL)
		return -1;
	for (size_t i = 1; i < n; i++)
		if (strcmp(table[i].code, code) == 0)
			return (int)i;
	return -1;
}

bool pw_education_answer_valid(enum pw_answer a)
{
	return row_of(answers, PW_ARRAY_LEN(answers), (int)a) != NULL;
}

const char *pw_education_answer_code(enum pw_answer a)
{
	const struct code_row *r = row_of(answers, PW_ARRAY_LEN(answers), (int)a);
	return r ? r->code : "";
}

const char *pw_education_answer_label(enum pw_answer a)
{
	const struct code_row *r = row_of(answers, PW_ARRAY_LEN(answers), (int)a);
	return r ? r->label : "";
}

int pw_education_answer_from_code(const char *code, enum pw_answer *out)
{
	int i = index_of(answers, PW_ARRAY_LEN(answers), code);
	if (i < 0)
		return PW_ERR_INVALID;
	*out = (enum pw_answer)i;
	return PW_OK;
}

bool pw_education_level_valid(enum pw_education_level e)
{
	return row_of(levels, PW_ARRAY_LEN(levels), (int)e) != NULL;
}

const char *pw_education_level_code(enum pw_education_level e)
{
	const struct code_row *r = row_of(levels, PW_ARRAY_LEN(levels), (int)e);
	return r ? r->code : "";
}

const char *pw_education_level_label(enum pw_education_level e)
{
	const struct code_row *r = row_of(levels, PW_ARRAY_LEN(levels), (int)e);
	return r ? r->label : "";
}

int pw_education_level_from_code(const char *code, enum pw_education_level *out)
{
	int i = index_of(levels, PW_ARRAY_LEN(levels), code);
	if (i < 0)
		return PW_ERR_INVALID;
	*out = (enum pw_education_level)i;
	return PW_OK;
}

bool pw_education_has_secondary_diploma(enum pw_education_level e)
{
	/* The enum is ordered: everything from the equivalency up holds a
	 * secondary credential; the IEP certificate sits below it on purpose. */
	return e >= PW_EDU_HS_EQUIVALENCY && e <= PW_EDU_BEYOND_BACHELOR;
}
