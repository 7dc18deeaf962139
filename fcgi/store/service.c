/*
 * store/service.c: SQL of services (see service.h).
 */
#include "store/service.h"

#include "db.h"
#include "pw.h"

#include <stdlib.h>
#include <string.h>

/* The columns of enum pw_service_col, in order. */
#define COLS                                                                                       \
	"s.id, s.enrollment_id, s.service_type_id, t.code, t.name, s.status, s.start_date, "       \
	"s.end_date, s.projected_end_date, s.goal_id, g.statement, s.provider_id, p.name, "        \
	"s.note, s.amount_cents, s.training_type, s.version, "                                     \
	"DATE_FORMAT(s.created_at, '%Y-%m-%dT%H:%i:%sZ'), "                                        \
	"DATE_FORMAT(s.updated_at, '%Y-%m-%dT%H:%i:%sZ') "                                         \
	"FROM services s JOIN program_service_types t ON t.id = s.service_type_id "                \
	"LEFT JOIN goals g ON g.id = s.goal_id LEFT JOIN providers p ON p.id = s.provider_id "

/* A date cell into *d (NULL cell: PW_DATE_NONE). PW_ERR_DB for a cell that
 * is not a date. */
static int cell_date(const struct pw_db_rows *rows, size_t r, size_t c, pw_date *d)
{
	const char *v = pw_db_cell(rows, r, c);

	*d = PW_DATE_NONE;
	if (!v)
		return PW_OK;
	return pw_date_parse(v, strlen(v), d) == PW_OK ? PW_OK : PW_ERR_DB;
}

int pw_service_fields_from_row(const struct pw_db_rows *rows, size_t r, struct pw_service_fields *f)
{
	int rc = PW_OK;

	memset(f, 0, sizeof(*f));
	f->service_type_id = pw_db_cell_int(rows, r, SC_TYPE_ID, 0);
	if (pw_service_status_from_code(pw_db_cell(rows, r, SC_STATUS), &f->status) != PW_OK)
		rc = PW_ERR_DB;
	if (rc == PW_OK)
		rc = cell_date(rows, r, SC_START_DATE, &f->start);
	if (rc == PW_OK)
		rc = cell_date(rows, r, SC_END_DATE, &f->end);
	if (rc == PW_OK)
		rc = cell_date(rows, r, SC_PROJECTED_END_DATE, &f->projected_end);
	f->goal_id = pw_db_cell_int(rows, r, SC_GOAL_ID, 0);
	f->provider_id = pw_db_cell_int(rows, r, SC_PROVIDER_ID, 0);
	f->note = pw_db_cell(rows, r, SC_NOTE);
	f->amount_cents = pw_db_cell_int(rows, r, SC_AMOUNT_CENTS, -1);
	f->training_type = pw_db_cell(rows, r, SC_TRAINING_TYPE);
	return rc;
}

int pw_service_get(struct pw_db *db, long long id, struct pw_db_rows **out)
{
	static const char sql[] = "SELECT " COLS "WHERE s.id = ?";
	struct pw_db_param p[] = {PW_P_INT(id)};

	return pw_db_query(db, sql, p, 1, out);
}

int pw_service_list(struct pw_db *db, long long enrollment_id, const struct pw_service_filter *f,
                    long long after_id, int limit, struct pw_db_rows **out)
{
	/* Without a status filter the list leaves deleted services out, as the
	 * caseworker's screens do; status=deleted shows them. */
	static const char sql[] = "SELECT " COLS "WHERE s.enrollment_id = ? AND s.id > ? "
	                          "AND IF(? IS NULL, s.status <> 'deleted', s.status = ?) "
	                          "AND (? = 0 OR s.goal_id = ?) AND (? = 0 OR s.goal_id IS NULL) "
	                          "ORDER BY s.id LIMIT ?";
	struct pw_db_param p[] = {
	        PW_P_INT(enrollment_id), PW_P_INT(after_id),   PW_P_TEXT(f->status),
	        PW_P_TEXT(f->status),    PW_P_INT(f->goal_id), PW_P_INT(f->goal_id),
	        PW_P_INT(f->unassigned), PW_P_INT(limit),
	};

	return pw_db_query(db, sql, p, PW_ARRAY_LEN(p), out);
}

int pw_service_lock_enrollment(struct pw_db *db, long long id, struct pw_service_enrollment *out)
{
	static const char sql[] = "SELECT program_id, provider_id, "
	                          "status IN ('exited', 'not_enrolled') "
	                          "FROM enrollments WHERE id = ? LOCK IN SHARE MODE";
	struct pw_db_param p[] = {PW_P_INT(id)};
	struct pw_db_rows *rows = NULL;
	int rc = pw_db_query(db, sql, p, 1, &rows);

	if (rc != PW_OK)
		return rc;
	if (rows->nrows == 1) {
		out->program_id = pw_db_cell_int(rows, 0, 0, 0);
		out->provider_id = pw_db_cell_int(rows, 0, 1, 0);
		out->closed = pw_db_cell_int(rows, 0, 2, 0) != 0;
	} else {
		rc = PW_ERR_NOT_FOUND;
	}
	pw_db_rows_free(rows);
	return rc;
}

/* The texts of the three dates of a write; they live on the caller's stack
 * for the one statement that binds them. */
struct date_texts {
	char start[PW_DATE_STRLEN], end[PW_DATE_STRLEN], projected[PW_DATE_STRLEN];
};

static struct pw_db_param date_param(pw_date d, char *buf)
{
	if (!pw_date_is_valid(d))
		return PW_P_NULL;
	pw_date_format(d, buf);
	return PW_P_TEXT(buf);
}

/* The ten field parameters, in the column order of the INSERT and UPDATE. */
static void field_params(const struct pw_service_fields *f, struct date_texts *t,
                         struct pw_db_param *p)
{
	p[0] = PW_P_INT(f->service_type_id);
	p[1] = PW_P_TEXT(pw_service_status_code(f->status));
	p[2] = date_param(f->start, t->start);
	p[3] = date_param(f->end, t->end);
	p[4] = date_param(f->projected_end, t->projected);
	p[5] = f->goal_id > 0 ? PW_P_INT(f->goal_id) : PW_P_NULL;
	p[6] = f->provider_id > 0 ? PW_P_INT(f->provider_id) : PW_P_NULL;
	p[7] = PW_P_TEXT(f->note);
	p[8] = f->amount_cents >= 0 ? PW_P_INT(f->amount_cents) : PW_P_NULL;
	p[9] = PW_P_TEXT(f->training_type);
}

int pw_service_insert(struct pw_db *db, long long enrollment_id, const struct pw_service_fields *f,
                      long long *id)
{
	static const char sql[] =
	        "INSERT INTO services (service_type_id, status, start_date, end_date, "
	        "projected_end_date, goal_id, provider_id, note, amount_cents, training_type, "
	        "enrollment_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	struct date_texts t;
	struct pw_db_param p[11];

	field_params(f, &t, p);
	p[10] = PW_P_INT(enrollment_id);
	return pw_db_insert(db, sql, p, PW_ARRAY_LEN(p), id);
}

int pw_service_update(struct pw_db *db, long long id, int version,
                      const struct pw_service_fields *f)
{
	static const char sql[] =
	        "UPDATE services SET service_type_id = ?, status = ?, start_date = ?, "
	        "end_date = ?, projected_end_date = ?, goal_id = ?, provider_id = ?, note = ?, "
	        "amount_cents = ?, training_type = ?, version = version + 1, "
	        "updated_at = UTC_TIMESTAMP(6) WHERE id = ? AND version = ?";
	struct date_texts t;
	struct pw_db_param p[12];

	field_params(f, &t, p);
	p[10] = PW_P_INT(id);
	p[11] = PW_P_INT(version);
	return pw_db_exec_one(db, sql, p, PW_ARRAY_LEN(p));
}
