/*
 * store/tracker.c: SQL of C-Work trackers (see tracker.h).
 */
#include "store/tracker.h"

#include "db.h"
#include "pw.h"
#include "store/outcome.h"

/* The columns of enum pw_tracker_col, in order. */
#define COLS                                                                                       \
	"id, enrollment_id, tracker_type, status, stage, tracker_date, end_date, end_reason, "     \
	"end_details, outcomes_detail, course_name, attendance_attended, attendance_total, "       \
	"grade, income_cents, income_period, created_on, version, "                                \
	"DATE_FORMAT(created_at, '%Y-%m-%dT%H:%i:%sZ'), "                                          \
	"DATE_FORMAT(updated_at, '%Y-%m-%dT%H:%i:%sZ') FROM trackers "

int pw_tracker_fields_from_row(const struct pw_db_rows *rows, size_t r, struct pw_tracker_fields *f)
{
	int rc;

	f->type = pw_db_cell(rows, r, TR_TYPE);
	f->status = pw_db_cell(rows, r, TR_STATUS);
	f->stage = pw_db_cell(rows, r, TR_STAGE);
	f->end_reason = pw_db_cell(rows, r, TR_END_REASON);
	f->end_details = pw_db_cell(rows, r, TR_END_DETAILS);
	f->outcomes_detail = pw_db_cell(rows, r, TR_OUTCOMES_DETAIL);
	f->course_name = pw_db_cell(rows, r, TR_COURSE_NAME);
	f->attended = (int)pw_db_cell_int(rows, r, TR_ATTENDED, -1);
	f->total = (int)pw_db_cell_int(rows, r, TR_TOTAL, -1);
	f->grade = pw_db_cell(rows, r, TR_GRADE);
	f->income_cents = pw_db_cell_int(rows, r, TR_INCOME_CENTS, -1);
	f->income_period = pw_db_cell(rows, r, TR_INCOME_PERIOD);
	rc = pw_outcome_cell_date(rows, r, TR_DATE, &f->date);
	if (rc == PW_OK)
		rc = pw_outcome_cell_date(rows, r, TR_END_DATE, &f->end_date);
	if (rc == PW_OK)
		rc = pw_outcome_cell_date(rows, r, TR_CREATED_ON, &f->created_on);
	return rc;
}

int pw_tracker_get(struct pw_db *db, long long id, struct pw_db_rows **out)
{
	static const char sql[] = "SELECT " COLS "WHERE id = ?";
	struct pw_db_param p[] = {PW_P_INT(id)};

	return pw_db_query(db, sql, p, 1, out);
}

int pw_tracker_list(struct pw_db *db, long long enrollment_id, const char *type, long long after_id,
                    int limit, struct pw_db_rows **out)
{
	static const char sql[] = "SELECT " COLS "WHERE enrollment_id = ? AND id > ? "
	                          "AND (? IS NULL OR tracker_type = ?) ORDER BY id LIMIT ?";
	struct pw_db_param p[] = {PW_P_INT(enrollment_id), PW_P_INT(after_id), PW_P_TEXT(type),
	                          PW_P_TEXT(type), PW_P_INT(limit)};

	return pw_db_query(db, sql, p, PW_ARRAY_LEN(p), out);
}

/* The texts of one write's dates, alive for its statement. */
struct texts {
	char date[PW_DATE_STRLEN], end[PW_DATE_STRLEN];
};

#define NFIELDS 13

/* The changeable field parameters, in the column order of INSERT and UPDATE. */
static void field_params(const struct pw_tracker_fields *f, struct texts *t, struct pw_db_param *p)
{
	p[0] = PW_P_TEXT(f->status);
	p[1] = PW_P_TEXT(f->stage);
	p[2] = pw_outcome_date_param(f->date, t->date);
	p[3] = pw_outcome_date_param(f->end_date, t->end);
	p[4] = PW_P_TEXT(f->end_reason);
	p[5] = PW_P_TEXT(f->end_details);
	p[6] = PW_P_TEXT(f->outcomes_detail);
	p[7] = PW_P_TEXT(f->course_name);
	p[8] = f->attended >= 0 ? PW_P_INT(f->attended) : PW_P_NULL;
	p[9] = f->total >= 0 ? PW_P_INT(f->total) : PW_P_NULL;
	p[10] = PW_P_TEXT(f->grade);
	p[11] = f->income_cents >= 0 ? PW_P_INT(f->income_cents) : PW_P_NULL;
	p[12] = PW_P_TEXT(f->income_period);
}

int pw_tracker_insert(struct pw_db *db, long long enrollment_id, const struct pw_tracker_fields *f,
                      long long *id)
{
	static const char sql[] =
	        "INSERT INTO trackers (status, stage, tracker_date, end_date, end_reason, "
	        "end_details, outcomes_detail, course_name, attendance_attended, attendance_total, "
	        "grade, income_cents, income_period, tracker_type, created_on, enrollment_id) "
	        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	struct texts t;
	char created[PW_DATE_STRLEN];
	struct pw_db_param p[NFIELDS + 3];

	field_params(f, &t, p);
	p[NFIELDS] = PW_P_TEXT(f->type);
	p[NFIELDS + 1] = pw_outcome_date_param(f->created_on, created);
	p[NFIELDS + 2] = PW_P_INT(enrollment_id);
	return pw_db_insert(db, sql, p, PW_ARRAY_LEN(p), id);
}

int pw_tracker_update(struct pw_db *db, long long id, int version,
                      const struct pw_tracker_fields *f)
{
	static const char sql[] =
	        "UPDATE trackers SET status = ?, stage = ?, tracker_date = ?, end_date = ?, "
	        "end_reason = ?, end_details = ?, outcomes_detail = ?, course_name = ?, "
	        "attendance_attended = ?, attendance_total = ?, grade = ?, income_cents = ?, "
	        "income_period = ?, version = version + 1, updated_at = UTC_TIMESTAMP(6) "
	        "WHERE id = ? AND version = ?";
	struct texts t;
	struct pw_db_param p[NFIELDS + 2];

	field_params(f, &t, p);
	p[NFIELDS] = PW_P_INT(id);
	p[NFIELDS + 1] = PW_P_INT(version);
	return pw_db_exec_one(db, sql, p, PW_ARRAY_LEN(p));
}

int pw_tracker_delete(struct pw_db *db, long long id, int version)
{
	static const char sql[] = "DELETE FROM trackers WHERE id = ? AND version = ?";
	struct pw_db_param p[] = {PW_P_INT(id), PW_P_INT(version)};
	return pw_db_exec_one(db, sql, p, PW_ARRAY_LEN(p));
}
