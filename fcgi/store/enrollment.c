/*
 * store/enrollment.c: SQL for enrollments (see enrollment.h).
 */
#include "store/enrollment.h"

#include "db.h"
#include "pw.h"

#define COLS                                                                                       \
	"e.id, e.participant_id, e.program_id, pr.code, pr.name, e.provider_id, pv.name, "         \
	"e.location_id, ol.name, e.region_id, rg.name, e.application_date, "                       \
	"e.participation_date, e.status, e.case_status, e.case_manager_user_id, "                  \
	"cm.display_name, e.temp_case_manager_user_id, tcm.display_name, e.agency_code, "          \
	"e.exit_kind, e.exit_date, e.exit_reason, e.exclusion_reason, e.school_status_at_exit, "   \
	"e.isets_program, e.completion_status, e.outcome_reason, e.program_completion_date, "      \
	"e.exit_comments, e.exited_by, DATE_FORMAT(e.exited_at, '%Y-%m-%dT%H:%i:%sZ'), "           \
	"e.version, DATE_FORMAT(e.created_at, '%Y-%m-%dT%H:%i:%sZ'), "                             \
	"DATE_FORMAT(e.updated_at, '%Y-%m-%dT%H:%i:%sZ') "                                         \
	"FROM enrollments e JOIN programs pr ON pr.id = e.program_id "                             \
	"JOIN providers pv ON pv.id = e.provider_id "                                              \
	"JOIN office_locations ol ON ol.id = e.location_id "                                       \
	"JOIN regions rg ON rg.id = e.region_id "                                                  \
	"LEFT JOIN users cm ON cm.id = e.case_manager_user_id "                                    \
	"LEFT JOIN users tcm ON tcm.id = e.temp_case_manager_user_id "

int pw_enrollment_get(struct pw_db *db, long long id, struct pw_db_rows **out)
{
	static const char sql[] = "SELECT " COLS "WHERE e.id = ?";
	struct pw_db_param p[] = {PW_P_INT(id)};

	return pw_db_query(db, sql, p, 1, out);
}

int pw_enrollment_list(struct pw_db *db, long long participant_id,
		       const struct pw_scope_filter *scope, struct pw_db_rows **out)
{
	static const char sql[] =
		"SELECT " COLS "WHERE e.participant_id = ? "
		"AND (? = 1 OR ? <> 0 OR e.location_id IN "
		"  (SELECT ul.location_id FROM user_locations ul WHERE ul.user_id = ?)) "
		"AND (? = 0 OR e.participant_id = ?) ORDER BY e.id";
	struct pw_db_param p[] = {PW_P_INT(participant_id),  PW_P_INT(scope->all),
				  PW_P_INT(scope->participant_id), PW_P_INT(scope->user_id),
				  PW_P_INT(scope->participant_id), PW_P_INT(scope->participant_id)};

	return pw_db_query(db, sql, p, PW_ARRAY_LEN(p), out);
}

int pw_enrollment_create(struct pw_db *db, const struct pw_enrollment_new *e, long long *id)
{
	static const char sql[] =
		"INSERT INTO enrollments (participant_id, program_id, provider_id, location_id, "
		"region_id, application_date, participation_date, status, case_manager_user_id, "
		"agency_code) SELECT ?, ?, ol.provider_id, ol.id, ol.region_id, ?, ?, ?, ?, ? "
		"FROM office_locations ol WHERE ol.id = ?";
	struct pw_db_param p[] = {
		PW_P_INT(e->participant_id),
		PW_P_INT(e->program_id),
		PW_P_TEXT(e->application_date),
		PW_P_TEXT(e->participation_date),
		PW_P_TEXT(e->status),
		e->case_manager_user_id ? PW_P_INT(e->case_manager_user_id) : PW_P_NULL,
		PW_P_TEXT(e->agency_code),
		PW_P_INT(e->location_id),
	};
	unsigned long long insert_id = 0, affected = 0;
	int rc = pw_db_exec(db, sql, p, PW_ARRAY_LEN(p), &affected, &insert_id);

	if (rc == PW_OK && affected != 1)
		rc = PW_ERR_NOT_FOUND;
	if (rc == PW_OK)
		*id = (long long)insert_id;
	return rc;
}

int pw_enrollment_update(struct pw_db *db, long long id, int version, const int *given,
			 const char *const *vals)
{
	static const char sql[] =
		"UPDATE enrollments SET application_date = IF(?, ?, application_date), "
		"participation_date = IF(?, ?, participation_date), status = IF(?, ?, status), "
		"agency_code = IF(?, ?, agency_code), version = version + 1, "
		"updated_at = UTC_TIMESTAMP(6) WHERE id = ? AND version = ?";
	struct pw_db_param p[10];
	size_t k = 0;

	for (size_t i = 0; i < 4; i++) {
		p[k++] = PW_P_INT(given[i] ? 1 : 0);
		p[k++] = PW_P_TEXT(vals[i]);
	}
	p[k++] = PW_P_INT(id);
	p[k++] = PW_P_INT(version);
	return pw_db_exec_one(db, sql, p, k);
}

int pw_enrollment_set_case_manager(struct pw_db *db, long long id, int temporary,
				   long long user_id, long long by_user)
{
	static const char close_sql[] =
		"UPDATE case_manager_assignments SET removed_at = UTC_TIMESTAMP(6), removed_by = ? "
		"WHERE enrollment_id = ? AND kind = ? AND removed_at IS NULL";
	static const char open_sql[] = "INSERT INTO case_manager_assignments (enrollment_id, "
				       "user_id, kind, assigned_by) VALUES (?, ?, ?, ?)";
	static const char set_primary[] = "UPDATE enrollments SET case_manager_user_id = ?, "
					  "version = version + 1, updated_at = UTC_TIMESTAMP(6) "
					  "WHERE id = ?";
	static const char set_temp[] = "UPDATE enrollments SET temp_case_manager_user_id = ?, "
				       "version = version + 1, updated_at = UTC_TIMESTAMP(6) "
				       "WHERE id = ?";
	const char *kind = temporary ? "temporary" : "primary";
	struct pw_db_param c[] = {by_user ? PW_P_INT(by_user) : PW_P_NULL, PW_P_INT(id),
				  PW_P_TEXT(kind)};
	struct pw_db_param s[] = {user_id ? PW_P_INT(user_id) : PW_P_NULL, PW_P_INT(id)};
	int rc = pw_db_exec(db, close_sql, c, PW_ARRAY_LEN(c), NULL, NULL);

	if (rc == PW_OK && user_id) {
		struct pw_db_param o[] = {PW_P_INT(id), PW_P_INT(user_id), PW_P_TEXT(kind),
					  by_user ? PW_P_INT(by_user) : PW_P_NULL};
		rc = pw_db_exec(db, open_sql, o, PW_ARRAY_LEN(o), NULL, NULL);
	}
	if (rc == PW_OK)
		rc = pw_db_exec(db, temporary ? set_temp : set_primary, s, 2, NULL, NULL);
	return rc;
}

int pw_enrollment_case_manager_history(struct pw_db *db, long long id, struct pw_db_rows **out)
{
	static const char sql[] =
		"SELECT a.id, a.user_id, u.display_name, a.kind, "
		"DATE_FORMAT(a.assigned_at, '%Y-%m-%dT%H:%i:%sZ'), "
		"DATE_FORMAT(a.removed_at, '%Y-%m-%dT%H:%i:%sZ') "
		"FROM case_manager_assignments a JOIN users u ON u.id = a.user_id "
		"WHERE a.enrollment_id = ? ORDER BY a.id";
	struct pw_db_param p[] = {PW_P_INT(id)};

	return pw_db_query(db, sql, p, 1, out);
}

int pw_enrollment_location(struct pw_db *db, long long location_id, struct pw_db_rows **out)
{
	static const char sql[] = "SELECT provider_id, region_id, active FROM office_locations "
				  "WHERE id = ?";
	struct pw_db_param p[] = {PW_P_INT(location_id)};

	return pw_db_query(db, sql, p, 1, out);
}

int pw_enrollment_user_serves(struct pw_db *db, long long user_id, long long location_id,
			      int *serves)
{
	static const char sql[] =
		"SELECT COUNT(*) FROM users u WHERE u.id = ? AND u.active = 1 AND u.role <> "
		"'customer' AND (u.role = 'statewide' OR EXISTS (SELECT 1 FROM user_locations ul "
		"WHERE ul.user_id = u.id AND ul.location_id = ?))";
	struct pw_db_param p[] = {PW_P_INT(user_id), PW_P_INT(location_id)};
	struct pw_db_rows *r = NULL;
	int rc = pw_db_query(db, sql, p, 2, &r);

	if (rc == PW_OK) {
		*serves = pw_db_cell_int(r, 0, 0, 0) > 0;
		pw_db_rows_free(r);
	}
	return rc;
}
