/*
 * store/skill_gain.h: SQL of measurable skill gains (R-MSG-1..3).
 *
 * A gain belongs to one enrollment and stores the answers of its type's form
 * (the columns another type does not ask for stay NULL) with the program
 * year the rules computed for it (R-DATE-1, R-MSG-2). Writes take the whole
 * state and are stored under the version they were read at.
 */
#ifndef PW_STORE_SKILL_GAIN_H
#define PW_STORE_SKILL_GAIN_H

#include "rules/dates.h"

#include <stddef.h>

struct pw_db;
struct pw_db_rows;

/* Column indexes of skill gain rows. */
enum pw_skill_gain_col {
	SG_ID,
	SG_ENROLLMENT_ID,
	SG_TYPE,
	SG_DATE_ATTAINED,
	SG_PROGRAM_YEAR,
	SG_COMMENT,
	SG_PURSUING_SECONDARY,
	SG_HIGHEST_EDUCATION,
	SG_LOAD,
	SG_SEM1_START,
	SG_SEM1_END,
	SG_SEM1_CREDITS,
	SG_SEM2_START,
	SG_SEM2_END,
	SG_SEM2_CREDITS,
	SG_PASSED_EXAM,
	SG_EFL_BASIS,
	SG_PRE_ASSESSMENT_ID,
	SG_POST_ASSESSMENT_ID,
	SG_DOCUMENT_ID,
	SG_VERSION,
	SG_CREATED_AT,
	SG_UPDATED_AT,
	SG_COUNT
};

/* One semester as stored; credits < 0: not given. */
struct pw_skill_gain_semester_row {
	pw_date start, end;
	double credits;
};

/* The changeable state of one gain; codes are those of rules/skill_gain.h
 * and rules/education.h, strings borrowed, NULL for none. */
struct pw_skill_gain_fields {
	const char *type;
	pw_date date_attained;
	int program_year;
	const char *comment;
	const char *pursuing_secondary; /* "yes" / "no" */
	const char *highest_education;
	const char *load; /* "full_time" / "part_time" */
	struct pw_skill_gain_semester_row semesters[2];
	const char *passed_exam; /* "yes" / "no" */
	const char *efl_basis;
	long long pre_assessment_id;  /* 0: none */
	long long post_assessment_id; /* 0: none */
	long long document_id;        /* 0: none */
};

/* Row r into f (strings borrowed); PW_ERR_DB for an unreadable date. */
int pw_skill_gain_fields_from_row(const struct pw_db_rows *rows, size_t r,
                                  struct pw_skill_gain_fields *f);

int pw_skill_gain_get(struct pw_db *db, long long id, struct pw_db_rows **out);
/* The gains of an enrollment with id > after_id, by id, at most limit. */
int pw_skill_gain_list(struct pw_db *db, long long enrollment_id, long long after_id, int limit,
                       struct pw_db_rows **out);
/* The post-test assessment ids of the EFL gains recorded on an enrollment
 * (one column), for the candidates list. */
int pw_skill_gain_recorded_posts(struct pw_db *db, long long enrollment_id,
                                 struct pw_db_rows **out);
/* The id of a gain of enrollment_id other than except_id resting on
 * post-test post_id, in *id (0 when there is none). */
int pw_skill_gain_find_post(struct pw_db *db, long long enrollment_id, long long post_id,
                            long long except_id, long long *id);

int pw_skill_gain_insert(struct pw_db *db, long long enrollment_id,
                         const struct pw_skill_gain_fields *f, long long *id);
/* PW_ERR_STALE when the version has moved on. */
int pw_skill_gain_update(struct pw_db *db, long long id, int version,
                         const struct pw_skill_gain_fields *f);
/* PW_ERR_STALE when the version has moved on. */
int pw_skill_gain_delete(struct pw_db *db, long long id, int version);

#endif
