/*
 * store/assessment.c: SQL of assessments (see assessment.h).
 */
#include "store/assessment.h"

#include "db.h"
#include "pw.h"
#include "store/outcome.h"

#include <string.h>

/* The columns of enum pw_assessment_col, in order. */
#define COLS                                                                                       \
	"id, participant_id, enrollment_id, test, test_name, subject, assessed_on, scale_score, "  \
	"level_scale, functioning_level, version, "                                                \
	"DATE_FORMAT(created_at, '%Y-%m-%dT%H:%i:%sZ'), "                                          \
	"DATE_FORMAT(updated_at, '%Y-%m-%dT%H:%i:%sZ') FROM assessments "

int pw_assessment_fields_from_row(const struct pw_db_rows *rows, size_t r,
                                  struct pw_assessment_fields *f)
{
	f->enrollment_id = pw_db_cell_int(rows, r, AC_ENROLLMENT_ID, 0);
	f->test = pw_db_cell(rows, r, AC_TEST);
	f->test_name = pw_db_cell(rows, r, AC_TEST_NAME);
	f->subject = pw_db_cell(rows, r, AC_SUBJECT);
	f->scale_score = pw_db_cell_int(rows, r, AC_SCALE_SCORE, -1);
	f->level_scale = pw_db_cell(rows, r, AC_LEVEL_SCALE);
	f->functioning_level = (int)pw_db_cell_int(rows, r, AC_FUNCTIONING_LEVEL, 0);
	return pw_outcome_cell_date(rows, r, AC_ASSESSED_ON, &f->assessed_on);
}

void pw_assessment_rule_view(const struct pw_db_rows *rows, size_t r, struct pw_assessment *a)
{
	memset(a, 0, sizeof(*a));
	pw_skill_gain_test_from_code(pw_db_cell(rows, r, AC_TEST), &a->test);
	pw_skill_gain_subject_from_code(pw_db_cell(rows, r, AC_SUBJECT), &a->subject);
	pw_skill_gain_scale_from_code(pw_db_cell(rows, r, AC_LEVEL_SCALE), &a->scale);
	a->scale_score = (int)pw_db_cell_int(rows, r, AC_SCALE_SCORE, 0);
	a->level = (int)pw_db_cell_int(rows, r, AC_FUNCTIONING_LEVEL, 0);
	if (pw_outcome_cell_date(rows, r, AC_ASSESSED_ON, &a->date) != PW_OK)
		a->date = PW_DATE_NONE;
}

int pw_assessment_get(struct pw_db *db, long long id, struct pw_db_rows **out)
{
	static const char sql[] = "SELECT " COLS "WHERE id = ?";
	struct pw_db_param p[] = {PW_P_INT(id)};

	return pw_db_query(db, sql, p, 1, out);
}

int pw_assessment_list(struct pw_db *db, long long participant_id, long long after_id, int limit,
                       struct pw_db_rows **out)
{
	static const char sql[] = "SELECT " COLS "WHERE participant_id = ? AND id > ? "
	                          "ORDER BY id LIMIT ?";
	struct pw_db_param p[] = {PW_P_INT(participant_id), PW_P_INT(after_id), PW_P_INT(limit)};

	return pw_db_query(db, sql, p, PW_ARRAY_LEN(p), out);
}

int pw_assessment_all(struct pw_db *db, long long participant_id, int limit,
                      struct pw_db_rows **out)
{
	static const char sql[] = "SELECT " COLS "WHERE participant_id = ? "
	                          "ORDER BY assessed_on, id LIMIT ?";
	struct pw_db_param p[] = {PW_P_INT(participant_id), PW_P_INT(limit)};

	return pw_db_query(db, sql, p, PW_ARRAY_LEN(p), out);
}

/* The date text of one write lives here for the statement that binds it. */
struct texts {
	char assessed_on[PW_DATE_STRLEN];
};

/* The eight field parameters, in the column order of INSERT and UPDATE. */
static void field_params(const struct pw_assessment_fields *f, struct texts *t,
                         struct pw_db_param *p)
{
	p[0] = f->enrollment_id > 0 ? PW_P_INT(f->enrollment_id) : PW_P_NULL;
	p[1] = PW_P_TEXT(f->test);
	p[2] = PW_P_TEXT(f->test_name);
	p[3] = PW_P_TEXT(f->subject);
	p[4] = pw_outcome_date_param(f->assessed_on, t->assessed_on);
	p[5] = f->scale_score >= 0 ? PW_P_INT(f->scale_score) : PW_P_NULL;
	p[6] = PW_P_TEXT(f->level_scale);
	p[7] = f->functioning_level > 0 ? PW_P_INT(f->functioning_level) : PW_P_NULL;
}

int pw_assessment_insert(struct pw_db *db, long long participant_id,
                         const struct pw_assessment_fields *f, long long *id)
{
	static const char sql[] = "INSERT INTO assessments (enrollment_id, test, test_name, "
	                          "subject, assessed_on, scale_score, level_scale, "
	                          "functioning_level, participant_id) "
	                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
	struct texts t;
	struct pw_db_param p[9];

	field_params(f, &t, p);
	p[8] = PW_P_INT(participant_id);
	return pw_db_insert(db, sql, p, PW_ARRAY_LEN(p), id);
}

int pw_assessment_update(struct pw_db *db, long long id, int version,
                         const struct pw_assessment_fields *f)
{
	static const char sql[] = "UPDATE assessments SET enrollment_id = ?, test = ?, "
	                          "test_name = ?, subject = ?, assessed_on = ?, scale_score = ?, "
	                          "level_scale = ?, functioning_level = ?, version = version + 1, "
	                          "updated_at = UTC_TIMESTAMP(6) WHERE id = ? AND version = ?";
	struct texts t;
	struct pw_db_param p[10];

	field_params(f, &t, p);
	p[8] = PW_P_INT(id);
	p[9] = PW_P_INT(version);
	return pw_db_exec_one(db, sql, p, PW_ARRAY_LEN(p));
}

int pw_assessment_delete(struct pw_db *db, long long id, int version)
{
	static const char sql[] = "DELETE FROM assessments WHERE id = ? AND version = ?";
	struct pw_db_param p[] = {PW_P_INT(id), PW_P_INT(version)};
	return pw_db_exec_one(db, sql, p, PW_ARRAY_LEN(p));
}

int pw_assessment_uses(struct pw_db *db, long long id, long long *count)
{
	static const char sql[] = "SELECT COUNT(*) FROM skill_gains "
	                          "WHERE pre_assessment_id = ? OR post_assessment_id = ?";
	struct pw_db_param p[] = {PW_P_INT(id), PW_P_INT(id)};
	struct pw_db_rows *rows = NULL;
	int rc = pw_db_query(db, sql, p, PW_ARRAY_LEN(p), &rows);

	if (rc == PW_OK)
		*count = rows->nrows ? pw_db_cell_int(rows, 0, 0, 0) : 0;
	pw_db_rows_free(rows);
	return rc;
}
