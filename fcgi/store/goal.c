/*
 * store/goal.c: SQL of goals (see goal.h).
 */
#include "store/goal.h"

#include "db.h"
#include "pw.h"

#include <string.h>

/* The columns of enum pw_goal_col, in order. */
#define COLS                                                                                       \
	"id, enrollment_id, statement, category, term, status, progress, target_date, "            \
	"actual_completion_date, version, DATE_FORMAT(created_at, '%Y-%m-%dT%H:%i:%sZ'), "         \
	"DATE_FORMAT(updated_at, '%Y-%m-%dT%H:%i:%sZ') FROM goals "

static int cell_date(const struct pw_db_rows *rows, size_t r, size_t c, pw_date *d)
{
	const char *v = pw_db_cell(rows, r, c);

	*d = PW_DATE_NONE;
	if (!v)
		return PW_OK;
	return pw_date_parse(v, strlen(v), d) == PW_OK ? PW_OK : PW_ERR_DB;
}

int pw_goal_fields_from_row(const struct pw_db_rows *rows, size_t r, struct pw_goal_fields *f)
{
	int rc;

	f->statement = pw_db_cell(rows, r, GC_STATEMENT);
	f->category = pw_db_cell(rows, r, GC_CATEGORY);
	f->term = pw_db_cell(rows, r, GC_TERM);
	f->status = pw_db_cell(rows, r, GC_STATUS);
	f->progress = pw_db_cell(rows, r, GC_PROGRESS);
	rc = cell_date(rows, r, GC_TARGET_DATE, &f->target);
	if (rc == PW_OK)
		rc = cell_date(rows, r, GC_ACTUAL_COMPLETION_DATE, &f->actual_completion);
	return rc;
}

int pw_goal_get(struct pw_db *db, long long id, struct pw_db_rows **out)
{
	static const char sql[] = "SELECT " COLS "WHERE id = ?";
	struct pw_db_param p[] = {PW_P_INT(id)};

	return pw_db_query(db, sql, p, 1, out);
}

int pw_goal_list(struct pw_db *db, long long enrollment_id, long long after_id, int limit,
                 struct pw_db_rows **out)
{
	static const char sql[] = "SELECT " COLS "WHERE enrollment_id = ? AND id > ? "
	                          "ORDER BY id LIMIT ?";
	struct pw_db_param p[] = {PW_P_INT(enrollment_id), PW_P_INT(after_id), PW_P_INT(limit)};

	return pw_db_query(db, sql, p, PW_ARRAY_LEN(p), out);
}

int pw_goal_enrollment(struct pw_db *db, long long goal_id, long long *enrollment_id)
{
	static const char sql[] = "SELECT enrollment_id FROM goals WHERE id = ?";
	struct pw_db_param p[] = {PW_P_INT(goal_id)};
	struct pw_db_rows *rows = NULL;
	int rc = pw_db_query(db, sql, p, 1, &rows);

	if (rc != PW_OK)
		return rc;
	if (rows->nrows == 1)
		*enrollment_id = pw_db_cell_int(rows, 0, 0, 0);
	else
		rc = PW_ERR_NOT_FOUND;
	pw_db_rows_free(rows);
	return rc;
}

int pw_goal_services(struct pw_db *db, long long enrollment_id, long long first_goal,
                     long long last_goal, struct pw_db_rows **out)
{
	static const char sql[] =
	        "SELECT s.goal_id, s.id, t.name, s.status FROM services s "
	        "JOIN program_service_types t ON t.id = s.service_type_id "
	        "WHERE s.enrollment_id = ? AND s.goal_id BETWEEN ? AND ? ORDER BY s.goal_id, s.id";
	struct pw_db_param p[] = {PW_P_INT(enrollment_id), PW_P_INT(first_goal),
	                          PW_P_INT(last_goal)};

	return pw_db_query(db, sql, p, PW_ARRAY_LEN(p), out);
}

static struct pw_db_param date_param(pw_date d, char *buf)
{
	if (!pw_date_is_valid(d))
		return PW_P_NULL;
	pw_date_format(d, buf);
	return PW_P_TEXT(buf);
}

int pw_goal_insert(struct pw_db *db, long long enrollment_id, const struct pw_goal_fields *f,
                   long long *id)
{
	static const char sql[] =
	        "INSERT INTO goals (statement, category, term, status, progress, target_date, "
	        "actual_completion_date, enrollment_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
	char target[PW_DATE_STRLEN], actual[PW_DATE_STRLEN];
	struct pw_db_param p[] = {
	        PW_P_TEXT(f->statement),
	        PW_P_TEXT(f->category),
	        PW_P_TEXT(f->term),
	        PW_P_TEXT(f->status),
	        PW_P_TEXT(f->progress),
	        date_param(f->target, target),
	        date_param(f->actual_completion, actual),
	        PW_P_INT(enrollment_id),
	};
	return pw_db_insert(db, sql, p, PW_ARRAY_LEN(p), id);
}

int pw_goal_update(struct pw_db *db, long long id, int version, const struct pw_goal_fields *f)
{
	static const char sql[] =
	        "UPDATE goals SET statement = ?, category = ?, term = ?, status = ?, progress = ?, "
	        "target_date = ?, actual_completion_date = ?, version = version + 1, "
	        "updated_at = UTC_TIMESTAMP(6) WHERE id = ? AND version = ?";
	char target[PW_DATE_STRLEN], actual[PW_DATE_STRLEN];
	struct pw_db_param p[] = {
	        PW_P_TEXT(f->statement),
	        PW_P_TEXT(f->category),
	        PW_P_TEXT(f->term),
	        PW_P_TEXT(f->status),
	        PW_P_TEXT(f->progress),
	        date_param(f->target, target),
	        date_param(f->actual_completion, actual),
	        PW_P_INT(id),
	        PW_P_INT(version),
	};
	return pw_db_exec_one(db, sql, p, PW_ARRAY_LEN(p));
}
