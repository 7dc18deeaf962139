/*
 * store/skill_gain.c: SQL of measurable skill gains (see skill_gain.h).
 */
#include "store/skill_gain.h"

#include "db.h"
#include "pw.h"
#include "store/outcome.h"

#include <stdio.h>

/* The columns of enum pw_skill_gain_col, in order. */
#define COLS                                                                                       \
	"id, enrollment_id, gain_type, date_attained, program_year, comment, "                     \
	"pursuing_secondary, highest_education, enrollment_load, semester1_start, "                \
	"semester1_end, semester1_credits, semester2_start, semester2_end, semester2_credits, "    \
	"passed_exam, efl_basis, pre_assessment_id, post_assessment_id, document_id, version, "    \
	"DATE_FORMAT(created_at, '%Y-%m-%dT%H:%i:%sZ'), "                                          \
	"DATE_FORMAT(updated_at, '%Y-%m-%dT%H:%i:%sZ') FROM skill_gains "

int pw_skill_gain_fields_from_row(const struct pw_db_rows *rows, size_t r,
                                  struct pw_skill_gain_fields *f)
{
	static const size_t sem_cols[2][3] = {
	        {SG_SEM1_START, SG_SEM1_END, SG_SEM1_CREDITS},
	        {SG_SEM2_START, SG_SEM2_END, SG_SEM2_CREDITS},
	};
	int rc;

	f->type = pw_db_cell(rows, r, SG_TYPE);
	f->program_year = (int)pw_db_cell_int(rows, r, SG_PROGRAM_YEAR, 0);
	f->comment = pw_db_cell(rows, r, SG_COMMENT);
	f->pursuing_secondary = pw_db_cell(rows, r, SG_PURSUING_SECONDARY);
	f->highest_education = pw_db_cell(rows, r, SG_HIGHEST_EDUCATION);
	f->load = pw_db_cell(rows, r, SG_LOAD);
	f->passed_exam = pw_db_cell(rows, r, SG_PASSED_EXAM);
	f->efl_basis = pw_db_cell(rows, r, SG_EFL_BASIS);
	f->pre_assessment_id = pw_db_cell_int(rows, r, SG_PRE_ASSESSMENT_ID, 0);
	f->post_assessment_id = pw_db_cell_int(rows, r, SG_POST_ASSESSMENT_ID, 0);
	f->document_id = pw_db_cell_int(rows, r, SG_DOCUMENT_ID, 0);
	rc = pw_outcome_cell_date(rows, r, SG_DATE_ATTAINED, &f->date_attained);
	for (int i = 0; i < 2 && rc == PW_OK; i++) {
		struct pw_skill_gain_semester_row *s = &f->semesters[i];
		rc = pw_outcome_cell_date(rows, r, sem_cols[i][0], &s->start);
		if (rc == PW_OK)
			rc = pw_outcome_cell_date(rows, r, sem_cols[i][1], &s->end);
		s->credits = pw_outcome_cell_double(rows, r, sem_cols[i][2], -1.0);
	}
	return rc;
}

int pw_skill_gain_get(struct pw_db *db, long long id, struct pw_db_rows **out)
{
	static const char sql[] = "SELECT " COLS "WHERE id = ?";
	struct pw_db_param p[] = {PW_P_INT(id)};

	return pw_db_query(db, sql, p, 1, out);
}

int pw_skill_gain_list(struct pw_db *db, long long enrollment_id, long long after_id, int limit,
                       struct pw_db_rows **out)
{
	static const char sql[] = "SELECT " COLS "WHERE enrollment_id = ? AND id > ? "
	                          "ORDER BY id LIMIT ?";
	struct pw_db_param p[] = {PW_P_INT(enrollment_id), PW_P_INT(after_id), PW_P_INT(limit)};

	return pw_db_query(db, sql, p, PW_ARRAY_LEN(p), out);
}

int pw_skill_gain_recorded_posts(struct pw_db *db, long long enrollment_id, struct pw_db_rows **out)
{
	static const char sql[] = "SELECT post_assessment_id FROM skill_gains "
	                          "WHERE enrollment_id = ? AND post_assessment_id IS NOT NULL";
	struct pw_db_param p[] = {PW_P_INT(enrollment_id)};

	return pw_db_query(db, sql, p, 1, out);
}

int pw_skill_gain_find_post(struct pw_db *db, long long enrollment_id, long long post_id,
                            long long except_id, long long *id)
{
	static const char sql[] = "SELECT id FROM skill_gains WHERE enrollment_id = ? "
	                          "AND post_assessment_id = ? AND id <> ? LIMIT 1";
	struct pw_db_param p[] = {PW_P_INT(enrollment_id), PW_P_INT(post_id), PW_P_INT(except_id)};
	struct pw_db_rows *rows = NULL;
	int rc = pw_db_query(db, sql, p, PW_ARRAY_LEN(p), &rows);

	if (rc == PW_OK)
		*id = rows->nrows ? pw_db_cell_int(rows, 0, 0, 0) : 0;
	pw_db_rows_free(rows);
	return rc;
}

/* The texts of one write's dates and credits, alive for its statement. */
struct texts {
	char date_attained[PW_DATE_STRLEN];
	char sem_dates[2][2][PW_DATE_STRLEN];
	char credits[2][16];
};

static struct pw_db_param credits_param(double c, char *buf)
{
	if (c < 0.0)
		return PW_P_NULL;
	/* DECIMAL(5,1): the text keeps the value exact. */
	snprintf(buf, 16, "%.1f", c);
	return PW_P_TEXT(buf);
}

/* The eighteen field parameters, in the column order of INSERT and UPDATE. */
static void field_params(const struct pw_skill_gain_fields *f, struct texts *t,
                         struct pw_db_param *p)
{
	size_t k = 0;

	p[k++] = PW_P_TEXT(f->type);
	p[k++] = pw_outcome_date_param(f->date_attained, t->date_attained);
	p[k++] = PW_P_INT(f->program_year);
	p[k++] = PW_P_TEXT(f->comment);
	p[k++] = PW_P_TEXT(f->pursuing_secondary);
	p[k++] = PW_P_TEXT(f->highest_education);
	p[k++] = PW_P_TEXT(f->load);
	for (int i = 0; i < 2; i++) {
		p[k++] = pw_outcome_date_param(f->semesters[i].start, t->sem_dates[i][0]);
		p[k++] = pw_outcome_date_param(f->semesters[i].end, t->sem_dates[i][1]);
		p[k++] = credits_param(f->semesters[i].credits, t->credits[i]);
	}
	p[k++] = PW_P_TEXT(f->passed_exam);
	p[k++] = PW_P_TEXT(f->efl_basis);
	p[k++] = f->pre_assessment_id > 0 ? PW_P_INT(f->pre_assessment_id) : PW_P_NULL;
	p[k++] = f->post_assessment_id > 0 ? PW_P_INT(f->post_assessment_id) : PW_P_NULL;
	p[k++] = f->document_id > 0 ? PW_P_INT(f->document_id) : PW_P_NULL;
}

#define NFIELDS 18

int pw_skill_gain_insert(struct pw_db *db, long long enrollment_id,
                         const struct pw_skill_gain_fields *f, long long *id)
{
	static const char sql[] =
	        "INSERT INTO skill_gains (gain_type, date_attained, program_year, comment, "
	        "pursuing_secondary, highest_education, enrollment_load, semester1_start, "
	        "semester1_end, semester1_credits, semester2_start, semester2_end, "
	        "semester2_credits, passed_exam, efl_basis, pre_assessment_id, post_assessment_id, "
	        "document_id, enrollment_id) "
	        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	struct texts t;
	struct pw_db_param p[NFIELDS + 1];

	field_params(f, &t, p);
	p[NFIELDS] = PW_P_INT(enrollment_id);
	return pw_db_insert(db, sql, p, PW_ARRAY_LEN(p), id);
}

int pw_skill_gain_update(struct pw_db *db, long long id, int version,
                         const struct pw_skill_gain_fields *f)
{
	static const char sql[] =
	        "UPDATE skill_gains SET gain_type = ?, date_attained = ?, program_year = ?, "
	        "comment = ?, pursuing_secondary = ?, highest_education = ?, enrollment_load = ?, "
	        "semester1_start = ?, semester1_end = ?, semester1_credits = ?, "
	        "semester2_start = ?, semester2_end = ?, semester2_credits = ?, passed_exam = ?, "
	        "efl_basis = ?, pre_assessment_id = ?, post_assessment_id = ?, document_id = ?, "
	        "version = version + 1, updated_at = UTC_TIMESTAMP(6) WHERE id = ? AND version = ?";
	struct texts t;
	struct pw_db_param p[NFIELDS + 2];

	field_params(f, &t, p);
	p[NFIELDS] = PW_P_INT(id);
	p[NFIELDS + 1] = PW_P_INT(version);
	return pw_db_exec_one(db, sql, p, PW_ARRAY_LEN(p));
}

int pw_skill_gain_delete(struct pw_db *db, long long id, int version)
{
	static const char sql[] = "DELETE FROM skill_gains WHERE id = ? AND version = ?";
	struct pw_db_param p[] = {PW_P_INT(id), PW_P_INT(version)};
	return pw_db_exec_one(db, sql, p, PW_ARRAY_LEN(p));
}
