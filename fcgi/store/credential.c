/*
 * store/credential.c: SQL of credentials (see credential.h).
 */
#include "store/credential.h"

#include "db.h"
#include "pw.h"
#include "store/outcome.h"

#include <stdio.h>

/* The columns of enum pw_credential_col, in order. */
#define COLS                                                                                       \
	"c.id, c.enrollment_id, c.title, c.credential_type, c.other_text, c.source, "              \
	"c.institution, c.date_attained, c.service_id, t.name, c.experience_in_field, "            \
	"c.agency_code, c.document_id, c.version, "                                                \
	"DATE_FORMAT(c.created_at, '%Y-%m-%dT%H:%i:%sZ'), "                                        \
	"DATE_FORMAT(c.updated_at, '%Y-%m-%dT%H:%i:%sZ') FROM credentials c "                      \
	"LEFT JOIN services s ON s.id = c.service_id "                                             \
	"LEFT JOIN program_service_types t ON t.id = s.service_type_id "

int pw_credential_fields_from_row(const struct pw_db_rows *rows, size_t r,
                                  struct pw_credential_fields *f)
{
	f->title = pw_db_cell(rows, r, CR_TITLE);
	f->type = pw_db_cell(rows, r, CR_TYPE);
	f->other_text = pw_db_cell(rows, r, CR_OTHER_TEXT);
	f->source = pw_db_cell(rows, r, CR_SOURCE);
	f->institution = pw_db_cell(rows, r, CR_INSTITUTION);
	f->service_id = pw_db_cell_int(rows, r, CR_SERVICE_ID, 0);
	f->experience_in_field = pw_db_cell(rows, r, CR_EXPERIENCE_IN_FIELD);
	f->agency_code = pw_db_cell(rows, r, CR_AGENCY_CODE);
	f->document_id = pw_db_cell_int(rows, r, CR_DOCUMENT_ID, 0);
	return pw_outcome_cell_date(rows, r, CR_DATE_ATTAINED, &f->date_attained);
}

int pw_credential_get(struct pw_db *db, long long id, struct pw_db_rows **out)
{
	static const char sql[] = "SELECT " COLS "WHERE c.id = ?";
	struct pw_db_param p[] = {PW_P_INT(id)};

	return pw_db_query(db, sql, p, 1, out);
}

int pw_credential_list(struct pw_db *db, long long enrollment_id, long long after_id, int limit,
                       struct pw_db_rows **out)
{
	static const char sql[] = "SELECT " COLS "WHERE c.enrollment_id = ? AND c.id > ? "
	                          "ORDER BY c.id LIMIT ?";
	struct pw_db_param p[] = {PW_P_INT(enrollment_id), PW_P_INT(after_id), PW_P_INT(limit)};

	return pw_db_query(db, sql, p, PW_ARRAY_LEN(p), out);
}

int pw_credential_service(struct pw_db *db, long long service_id, long long *enrollment_id,
                          char *status, size_t len)
{
	static const char sql[] = "SELECT enrollment_id, status FROM services WHERE id = ?";
	struct pw_db_param p[] = {PW_P_INT(service_id)};
	struct pw_db_rows *rows = NULL;
	int rc = pw_db_query(db, sql, p, 1, &rows);

	if (rc != PW_OK)
		return rc;
	if (rows->nrows == 1) {
		const char *s = pw_db_cell(rows, 0, 1);
		*enrollment_id = pw_db_cell_int(rows, 0, 0, 0);
		snprintf(status, len, "%s", s ? s : "");
	} else {
		rc = PW_ERR_NOT_FOUND;
	}
	pw_db_rows_free(rows);
	return rc;
}

/* The date text of one write, alive for its statement. */
struct texts {
	char date_attained[PW_DATE_STRLEN];
};

#define NFIELDS 10

/* The field parameters, in the column order of INSERT and UPDATE. */
static void field_params(const struct pw_credential_fields *f, struct texts *t,
                         struct pw_db_param *p)
{
	p[0] = PW_P_TEXT(f->title);
	p[1] = PW_P_TEXT(f->type);
	p[2] = PW_P_TEXT(f->other_text);
	p[3] = PW_P_TEXT(f->source);
	p[4] = PW_P_TEXT(f->institution);
	p[5] = pw_outcome_date_param(f->date_attained, t->date_attained);
	p[6] = f->service_id > 0 ? PW_P_INT(f->service_id) : PW_P_NULL;
	p[7] = PW_P_TEXT(f->experience_in_field);
	p[8] = PW_P_TEXT(f->agency_code);
	p[9] = f->document_id > 0 ? PW_P_INT(f->document_id) : PW_P_NULL;
}

int pw_credential_insert(struct pw_db *db, long long enrollment_id,
                         const struct pw_credential_fields *f, long long *id)
{
	static const char sql[] =
	        "INSERT INTO credentials (title, credential_type, other_text, source, institution, "
	        "date_attained, service_id, experience_in_field, agency_code, document_id, "
	        "enrollment_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	struct texts t;
	struct pw_db_param p[NFIELDS + 1];

	field_params(f, &t, p);
	p[NFIELDS] = PW_P_INT(enrollment_id);
	return pw_db_insert(db, sql, p, PW_ARRAY_LEN(p), id);
}

int pw_credential_update(struct pw_db *db, long long id, int version,
                         const struct pw_credential_fields *f)
{
	static const char sql[] =
	        "UPDATE credentials SET title = ?, credential_type = ?, other_text = ?, source = "
	        "?, "
	        "institution = ?, date_attained = ?, service_id = ?, experience_in_field = ?, "
	        "agency_code = ?, document_id = ?, version = version + 1, "
	        "updated_at = UTC_TIMESTAMP(6) WHERE id = ? AND version = ?";
	struct texts t;
	struct pw_db_param p[NFIELDS + 2];

	field_params(f, &t, p);
	p[NFIELDS] = PW_P_INT(id);
	p[NFIELDS + 1] = PW_P_INT(version);
	return pw_db_exec_one(db, sql, p, PW_ARRAY_LEN(p));
}

int pw_credential_delete(struct pw_db *db, long long id, int version)
{
	static const char sql[] = "DELETE FROM credentials WHERE id = ? AND version = ?";
	struct pw_db_param p[] = {PW_P_INT(id), PW_P_INT(version)};
	return pw_db_exec_one(db, sql, p, PW_ARRAY_LEN(p));
}
