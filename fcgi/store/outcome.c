/*
 * store/outcome.c: enrollment facts for the outcome records (see outcome.h).
 */
#include "store/outcome.h"

#include "arena.h"
#include "db.h"
#include "pw.h"

#include <stdlib.h>
#include <string.h>

/* The columns both queries read, in the order fill() expects. */
#define FACTS_SQL                                                                                  \
	"SELECT e.id, e.participant_id, e.program_id, e.participation_date, e.exit_date, "         \
	"e.status, r.requires_agency_code, e.school_status_at_exit, p.highest_education "          \
	"FROM enrollments e JOIN regions r ON r.id = e.region_id "                                 \
	"JOIN participants p ON p.id = e.participant_id WHERE e.id = ?"

/* A copy of cell (r, c) in the arena, or NULL for SQL NULL (or no memory,
 * which the caller cannot tell apart from NULL and need not: a missing
 * optional fact only makes a rule stricter). */
static const char *cell_copy(struct pw_arena *a, const struct pw_db_rows *rows, size_t c)
{
	const char *v = pw_db_cell(rows, 0, c);

	return v ? pw_arena_strdup(a, v) : NULL;
}

int pw_outcome_enrollment_facts(struct pw_db *db, struct pw_arena *a, long long id, bool lock,
                                struct pw_outcome_facts *out)
{
	static const char plain[] = FACTS_SQL;
	static const char locked[] = FACTS_SQL " LOCK IN SHARE MODE";
	struct pw_db_param p[] = {PW_P_INT(id)};
	struct pw_db_rows *rows = NULL;
	int rc = pw_db_query(db, lock ? locked : plain, p, 1, &rows);

	memset(out, 0, sizeof(*out));
	if (rc != PW_OK)
		return rc;
	if (rows->nrows != 1) {
		rc = PW_ERR_NOT_FOUND;
		goto out;
	}
	out->enrollment_id = pw_db_cell_int(rows, 0, 0, 0);
	out->participant_id = pw_db_cell_int(rows, 0, 1, 0);
	out->program_id = pw_db_cell_int(rows, 0, 2, 0);
	rc = pw_outcome_cell_date(rows, 0, 3, &out->participation_date);
	if (rc == PW_OK)
		rc = pw_outcome_cell_date(rows, 0, 4, &out->exit_date);
	out->status = cell_copy(a, rows, 5);
	out->requires_agency_code = pw_db_cell_int(rows, 0, 6, 0) != 0;
	out->school_status_at_exit = cell_copy(a, rows, 7);
	out->education_at_entry = cell_copy(a, rows, 8);
out:
	pw_db_rows_free(rows);
	return rc;
}

int pw_outcome_enrollment_of(struct pw_db *db, long long enrollment_id, long long participant_id,
                             int *found)
{
	static const char sql[] = "SELECT id FROM enrollments WHERE id = ? AND participant_id = ?";
	struct pw_db_param p[] = {PW_P_INT(enrollment_id), PW_P_INT(participant_id)};
	struct pw_db_rows *rows = NULL;
	int rc = pw_db_query(db, sql, p, PW_ARRAY_LEN(p), &rows);

	if (rc == PW_OK)
		*found = rows->nrows == 1;
	pw_db_rows_free(rows);
	return rc;
}

struct pw_db_param pw_outcome_date_param(pw_date d, char *buf)
{
	if (!pw_date_is_valid(d))
		return PW_P_NULL;
	pw_date_format(d, buf);
	return PW_P_TEXT(buf);
}

int pw_outcome_cell_date(const struct pw_db_rows *rows, size_t r, size_t c, pw_date *d)
{
	const char *v = pw_db_cell(rows, r, c);

	*d = PW_DATE_NONE;
	if (!v)
		return PW_OK;
	return pw_date_parse(v, strlen(v), d) == PW_OK ? PW_OK : PW_ERR_DB;
}

double pw_outcome_cell_double(const struct pw_db_rows *rows, size_t r, size_t c, double dflt)
{
	const char *v = pw_db_cell(rows, r, c);

	return v ? strtod(v, NULL) : dflt;
}
