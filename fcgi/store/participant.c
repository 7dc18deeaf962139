/*
 * store/participant.c: SQL for participants (see participant.h).
 *
 * The search is keyset-paged on (last_name, first_name, id), which the
 * index idx_participants_name serves in order, so a page costs the same at
 * row ten and at row a million. Optional filters are written as
 * "(? IS NULL OR ...)": MariaDB optimises a prepared statement again at
 * each execution with the values bound, so an absent filter costs nothing.
 */
#include "store/participant.h"

#include "db.h"
#include "pw.h"

#include <stdlib.h>

#define COLS                                                                                       \
	"p.id, p.first_name, p.middle_name, p.last_name, p.date_of_birth, p.email, p.phone, "      \
	"p.address_line1, p.address_line2, p.city, p.state, p.zip, p.ssn_last4, p.state_id, "      \
	"p.individual_number, p.username, p.school_status, p.highest_education, "                  \
	"p.employment_status_at_entry, p.redetermination_date, p.version, "                        \
	"DATE_FORMAT(p.created_at, '%Y-%m-%dT%H:%i:%sZ'), "                                        \
	"DATE_FORMAT(p.updated_at, '%Y-%m-%dT%H:%i:%sZ')"

int pw_participant_get(struct pw_db *db, long long id, struct pw_db_rows **out)
{
	static const char sql[] = "SELECT " COLS " FROM participants p WHERE p.id = ?";
	struct pw_db_param p[] = {PW_P_INT(id)};

	return pw_db_query(db, sql, p, 1, out);
}

int pw_participant_create(struct pw_db *db, const struct pw_db_param *vals, long long created_by,
			  long long *id)
{
	static const char sql[] =
		"INSERT INTO participants (first_name, middle_name, last_name, date_of_birth, "
		"email, phone, address_line1, address_line2, city, state, zip, ssn_last4, "
		"state_id, individual_number, username, school_status, highest_education, "
		"employment_status_at_entry, redetermination_date, created_by) "
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	struct pw_db_param p[PF_COUNT + 1];

	for (size_t i = 0; i < PF_COUNT; i++)
		p[i] = vals[i];
	p[PF_COUNT] = created_by ? PW_P_INT(created_by) : PW_P_NULL;
	return pw_db_insert(db, sql, p, PF_COUNT + 1, id);
}

int pw_participant_update(struct pw_db *db, long long id, int version, const int *given,
			  const struct pw_db_param *vals)
{
	static const char sql[] =
		"UPDATE participants SET first_name = IF(?, ?, first_name), "
		"middle_name = IF(?, ?, middle_name), last_name = IF(?, ?, last_name), "
		"date_of_birth = IF(?, ?, date_of_birth), email = IF(?, ?, email), "
		"phone = IF(?, ?, phone), address_line1 = IF(?, ?, address_line1), "
		"address_line2 = IF(?, ?, address_line2), city = IF(?, ?, city), "
		"state = IF(?, ?, state), zip = IF(?, ?, zip), ssn_last4 = IF(?, ?, ssn_last4), "
		"state_id = IF(?, ?, state_id), individual_number = IF(?, ?, individual_number), "
		"username = IF(?, ?, username), school_status = IF(?, ?, school_status), "
		"highest_education = IF(?, ?, highest_education), "
		"employment_status_at_entry = IF(?, ?, employment_status_at_entry), "
		"redetermination_date = IF(?, ?, redetermination_date), version = version + 1, "
		"updated_at = UTC_TIMESTAMP(6) WHERE id = ? AND version = ?";
	struct pw_db_param p[2 * PF_COUNT + 2];
	size_t k = 0;

	for (size_t i = 0; i < PF_COUNT; i++) {
		p[k++] = PW_P_INT(given[i] ? 1 : 0);
		p[k++] = vals[i];
	}
	p[k++] = PW_P_INT(id);
	p[k++] = PW_P_INT(version);
	return pw_db_exec_one(db, sql, p, k);
}

int pw_participant_duplicates(struct pw_db *db, const char *first, const char *last,
			      const char *dob, const char *ssn_last4, struct pw_db_rows **out)
{
	static const char sql[] = "SELECT id FROM participants WHERE last_name = ? AND "
				  "first_name = ? AND date_of_birth = ? AND ssn_last4 <=> ? "
				  "ORDER BY id LIMIT 5";
	struct pw_db_param p[] = {PW_P_TEXT(last), PW_P_TEXT(first), PW_P_TEXT(dob),
				  PW_P_TEXT(ssn_last4)};

	return pw_db_query(db, sql, p, PW_ARRAY_LEN(p), out);
}

/*
 * The search's filters, shared by its three statements. Each is written
 * "(? IS NULL OR ...)" so an absent filter drops out when MariaDB optimises
 * the execution; the case-manager filter is an IN over the enrollments
 * index, so it can drive the query instead of being checked row by row.
 */
#define SEARCH_FILTERS                                                                             \
	"AND (? IS NULL OR p.last_name LIKE ? OR p.first_name LIKE ?) "                            \
	"AND (? IS NULL OR (p.first_name LIKE ? AND p.last_name LIKE ?) "                          \
	"  OR (p.last_name LIKE ? AND p.first_name LIKE ?)) "                                      \
	"AND (? IS NULL OR p.date_of_birth = ?) "                                                  \
	"AND (? IS NULL OR p.ssn_last4 = ?) "                                                      \
	"AND (? IS NULL OR p.state_id = ?) "                                                       \
	"AND (? = 0 OR EXISTS (SELECT 1 FROM enrollments e2 WHERE "                                \
	"  e2.participant_id = p.id AND e2.provider_id = ?)) "                                     \
	"AND (? = 0 OR p.id IN (SELECT e3.participant_id FROM enrollments e3 WHERE "               \
	"  e3.case_manager_user_id = ? OR e3.temp_case_manager_user_id = ?)) "                     \
	"AND (? IS NULL OR (p.last_name >= ? AND (p.last_name > ? OR "                             \
	"  (p.first_name > ? OR (p.first_name = ? AND p.id > ?))))) "                              \
	"ORDER BY p.last_name, p.first_name, p.id LIMIT ?"

/* R-ACL-1 in SQL, one statement per kind of caller, so that no scope test
 * wrapped in OR keeps the optimiser from using the indexes (bench/search
 * measured the difference at a million participants: a statewide search
 * read thousands of rows, a partner's hundreds of thousands). */
static const char search_all[] = "SELECT " COLS " FROM participants p WHERE 1 = 1 " SEARCH_FILTERS;
/* A participant enrolled at one of my locations. Kept a per-row lookup:
 * turned into a join, it copies every enrollment of the office first. */
static const char search_scoped[] =
	"SET STATEMENT optimizer_switch = 'exists_to_in=off' FOR "
	"SELECT " COLS " FROM participants p WHERE EXISTS (SELECT 1 FROM enrollments e "
	"JOIN user_locations ul ON ul.location_id = e.location_id AND ul.user_id = ? "
	"WHERE e.participant_id = p.id) " SEARCH_FILTERS;
static const char search_self[] =
	"SELECT " COLS " FROM participants p WHERE p.id = ? " SEARCH_FILTERS;

int pw_participant_search(struct pw_db *db, const struct pw_scope_filter *scope,
			  const struct pw_participant_search *q, struct pw_db_rows **out)
{
	struct pw_db_param p[] = {
		/* the scope parameter, when the statement has one */
		PW_P_INT(scope->participant_id ? scope->participant_id : scope->user_id),
		PW_P_TEXT(q->name1),
		PW_P_TEXT(q->name1),
		PW_P_TEXT(q->name1),
		PW_P_TEXT(q->first_pat),
		PW_P_TEXT(q->first_pat),
		PW_P_TEXT(q->last_pat),
		PW_P_TEXT(q->first_pat),
		PW_P_TEXT(q->last_pat),
		PW_P_TEXT(q->dob),
		PW_P_TEXT(q->dob),
		PW_P_TEXT(q->ssn_last4),
		PW_P_TEXT(q->ssn_last4),
		PW_P_TEXT(q->state_id),
		PW_P_TEXT(q->state_id),
		PW_P_INT(q->provider_id),
		PW_P_INT(q->provider_id),
		PW_P_INT(q->case_manager_id),
		PW_P_INT(q->case_manager_id),
		PW_P_INT(q->case_manager_id),
		PW_P_TEXT(q->after_last),
		PW_P_TEXT(q->after_last),
		PW_P_TEXT(q->after_last),
		PW_P_TEXT(q->after_first),
		PW_P_TEXT(q->after_first),
		PW_P_INT(q->after_id),
		PW_P_INT(q->limit),
	};

	if (scope->participant_id)
		return pw_db_query(db, search_self, p, PW_ARRAY_LEN(p), out);
	if (scope->all)
		return pw_db_query(db, search_all, p + 1, PW_ARRAY_LEN(p) - 1, out);
	return pw_db_query(db, search_scoped, p, PW_ARRAY_LEN(p), out);
}
