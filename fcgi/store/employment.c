/*
 * store/employment.c: SQL of jobs (see employment.h).
 */
#include "store/employment.h"

#include "db.h"
#include "pw.h"
#include "store/outcome.h"

#include <stdio.h>
#include <string.h>

/* The columns of enum pw_employment_col, in order. */
#define COLS                                                                                       \
	"id, participant_id, employer, start_date, end_date, is_current, job_title, soc_code, "    \
	"address_line1, address_line2, city, state, zip, duties, hours_per_week, wage_cents, "     \
	"wage_period, meets_needs, meets_needs_why, version, "                                     \
	"DATE_FORMAT(created_at, '%Y-%m-%dT%H:%i:%sZ'), "                                          \
	"DATE_FORMAT(updated_at, '%Y-%m-%dT%H:%i:%sZ') FROM employment "

int pw_employment_job_from_row(const struct pw_db_rows *rows, size_t r, struct pw_job *j)
{
	int rc;

	memset(j, 0, sizeof(*j));
	j->is_current = pw_db_cell_int(rows, r, EM_IS_CURRENT, 0) != 0;
	j->employer = pw_db_cell(rows, r, EM_EMPLOYER);
	j->job_title = pw_db_cell(rows, r, EM_JOB_TITLE);
	j->soc_code = pw_db_cell(rows, r, EM_SOC_CODE);
	j->street1 = pw_db_cell(rows, r, EM_STREET1);
	j->street2 = pw_db_cell(rows, r, EM_STREET2);
	j->city = pw_db_cell(rows, r, EM_CITY);
	j->state = pw_db_cell(rows, r, EM_STATE);
	j->zip = pw_db_cell(rows, r, EM_ZIP);
	j->duties = pw_db_cell(rows, r, EM_DUTIES);
	j->hours_per_week = pw_outcome_cell_double(rows, r, EM_HOURS_PER_WEEK, 0.0);
	j->wage_cents = pw_db_cell_int(rows, r, EM_WAGE_CENTS, 0);
	j->meets_needs_why = pw_db_cell(rows, r, EM_MEETS_NEEDS_WHY);
	/* A code the schema holds but the rules no longer know stays NONE:
	 * the record still reads, and the next write must pick a valid one. */
	pw_employment_wage_period_from_code(pw_db_cell(rows, r, EM_WAGE_PERIOD), &j->wage_period);
	pw_education_answer_from_code(pw_db_cell(rows, r, EM_MEETS_NEEDS), &j->meets_needs);
	rc = pw_outcome_cell_date(rows, r, EM_START_DATE, &j->start_date);
	if (rc == PW_OK)
		rc = pw_outcome_cell_date(rows, r, EM_END_DATE, &j->end_date);
	return rc;
}

int pw_employment_get(struct pw_db *db, long long id, struct pw_db_rows **out)
{
	static const char sql[] = "SELECT " COLS "WHERE id = ?";
	struct pw_db_param p[] = {PW_P_INT(id)};

	return pw_db_query(db, sql, p, 1, out);
}

int pw_employment_list(struct pw_db *db, long long participant_id, long long after_id, int limit,
                       struct pw_db_rows **out)
{
	static const char sql[] = "SELECT " COLS "WHERE participant_id = ? AND id > ? "
	                          "ORDER BY id LIMIT ?";
	struct pw_db_param p[] = {PW_P_INT(participant_id), PW_P_INT(after_id), PW_P_INT(limit)};

	return pw_db_query(db, sql, p, PW_ARRAY_LEN(p), out);
}

/* The texts of one write's dates and hours, alive for its statement. */
struct texts {
	char start[PW_DATE_STRLEN], end[PW_DATE_STRLEN];
	char hours[24];
};

#define NFIELDS 17

/* The field parameters, in the column order of INSERT and UPDATE. */
static void field_params(const struct pw_job *j, struct texts *t, struct pw_db_param *p)
{
	const char *period = pw_employment_wage_period_code(j->wage_period);
	const char *meets = pw_education_answer_code(j->meets_needs);

	/* DECIMAL(5,2): the text keeps the value exact. */
	snprintf(t->hours, sizeof(t->hours), "%.2f", j->hours_per_week);
	p[0] = PW_P_TEXT(j->employer);
	p[1] = pw_outcome_date_param(j->start_date, t->start);
	p[2] = pw_outcome_date_param(j->end_date, t->end);
	p[3] = PW_P_INT(j->is_current ? 1 : 0);
	p[4] = PW_P_TEXT(j->job_title);
	p[5] = PW_P_TEXT(j->soc_code);
	p[6] = PW_P_TEXT(j->street1);
	p[7] = PW_P_TEXT(j->street2);
	p[8] = PW_P_TEXT(j->city);
	p[9] = PW_P_TEXT(j->state);
	p[10] = PW_P_TEXT(j->zip);
	p[11] = PW_P_TEXT(j->duties);
	p[12] = PW_P_TEXT(t->hours);
	p[13] = PW_P_INT(j->wage_cents);
	p[14] = PW_P_TEXT(*period ? period : NULL);
	p[15] = PW_P_TEXT(*meets ? meets : NULL);
	p[16] = PW_P_TEXT(j->meets_needs_why);
}

int pw_employment_insert(struct pw_db *db, long long participant_id, const struct pw_job *j,
                         long long *id)
{
	static const char sql[] =
	        "INSERT INTO employment (employer, start_date, end_date, is_current, job_title, "
	        "soc_code, address_line1, address_line2, city, state, zip, duties, hours_per_week, "
	        "wage_cents, wage_period, meets_needs, meets_needs_why, participant_id) "
	        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	struct texts t;
	struct pw_db_param p[NFIELDS + 1];

	field_params(j, &t, p);
	p[NFIELDS] = PW_P_INT(participant_id);
	return pw_db_insert(db, sql, p, PW_ARRAY_LEN(p), id);
}

int pw_employment_update(struct pw_db *db, long long id, int version, const struct pw_job *j)
{
	static const char sql[] =
	        "UPDATE employment SET employer = ?, start_date = ?, end_date = ?, is_current = ?, "
	        "job_title = ?, soc_code = ?, address_line1 = ?, address_line2 = ?, city = ?, "
	        "state = ?, zip = ?, duties = ?, hours_per_week = ?, wage_cents = ?, "
	        "wage_period = ?, meets_needs = ?, meets_needs_why = ?, version = version + 1, "
	        "updated_at = UTC_TIMESTAMP(6) WHERE id = ? AND version = ?";
	struct texts t;
	struct pw_db_param p[NFIELDS + 2];

	field_params(j, &t, p);
	p[NFIELDS] = PW_P_INT(id);
	p[NFIELDS + 1] = PW_P_INT(version);
	return pw_db_exec_one(db, sql, p, PW_ARRAY_LEN(p));
}

int pw_employment_delete(struct pw_db *db, long long id, int version)
{
	static const char sql[] = "DELETE FROM employment WHERE id = ? AND version = ?";
	struct pw_db_param p[] = {PW_P_INT(id), PW_P_INT(version)};
	return pw_db_exec_one(db, sql, p, PW_ARRAY_LEN(p));
}
