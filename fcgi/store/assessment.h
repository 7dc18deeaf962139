/*
 * store/assessment.h: SQL of assessments, the basic-skills tests (TABE
 * 11/12, CASAS ...) a participant takes, from which EFL skill gains are
 * computed (R-MSG-1, rules/skill_gain.h).
 *
 * An assessment belongs to a participant and may name one of their
 * enrollments. Writes take the whole changeable state and are stored under
 * the version they were read at, so a lost update becomes PW_ERR_STALE.
 */
#ifndef PW_STORE_ASSESSMENT_H
#define PW_STORE_ASSESSMENT_H

#include "rules/dates.h"
#include "rules/skill_gain.h"

#include <stddef.h>

struct pw_db;
struct pw_db_rows;

/* Column indexes of assessment rows. */
enum pw_assessment_col {
	AC_ID,
	AC_PARTICIPANT_ID,
	AC_ENROLLMENT_ID,
	AC_TEST,
	AC_TEST_NAME,
	AC_SUBJECT,
	AC_ASSESSED_ON,
	AC_SCALE_SCORE,
	AC_LEVEL_SCALE,
	AC_FUNCTIONING_LEVEL,
	AC_VERSION,
	AC_CREATED_AT,
	AC_UPDATED_AT,
	AC_COUNT
};

/* The changeable state of one assessment; strings borrowed. */
struct pw_assessment_fields {
	long long enrollment_id; /* 0: none */
	const char *test;        /* skill_gain.h test code */
	const char *test_name;   /* NULL: none */
	const char *subject;     /* skill_gain.h subject code */
	pw_date assessed_on;
	long long scale_score;   /* -1: none */
	const char *level_scale; /* "abe", "esl" or NULL */
	int functioning_level;   /* 1..6, 0: none */
};

/* Row r into f (strings borrowed from rows); PW_ERR_DB for a bad date. */
int pw_assessment_fields_from_row(const struct pw_db_rows *rows, size_t r,
                                  struct pw_assessment_fields *f);

/* Row r as the rules' assessment (skill_gain.h); codes the rules do not
 * know stay NONE, so such a test simply places nowhere. */
void pw_assessment_rule_view(const struct pw_db_rows *rows, size_t r, struct pw_assessment *a);

/* One assessment (zero or one row); the caller frees *out. */
int pw_assessment_get(struct pw_db *db, long long id, struct pw_db_rows **out);
/* A participant's assessments with id > after_id, by id, at most limit. */
int pw_assessment_list(struct pw_db *db, long long participant_id, long long after_id, int limit,
                       struct pw_db_rows **out);
/* Every assessment of a participant, oldest first, at most limit (for the
 * EFL pairing, which looks at all of them). */
int pw_assessment_all(struct pw_db *db, long long participant_id, int limit,
                      struct pw_db_rows **out);

int pw_assessment_insert(struct pw_db *db, long long participant_id,
                         const struct pw_assessment_fields *f, long long *id);
/* PW_ERR_STALE when the version has moved on. */
int pw_assessment_update(struct pw_db *db, long long id, int version,
                         const struct pw_assessment_fields *f);
/* Removes assessment id at version: PW_ERR_STALE when the version has moved
 * on; PW_ERR_DB with errno 1451 when a skill gain still refers to it. */
int pw_assessment_delete(struct pw_db *db, long long id, int version);

/* How many skill gains rest on assessment id (as pre- or post-test). */
int pw_assessment_uses(struct pw_db *db, long long id, long long *count);

#endif
