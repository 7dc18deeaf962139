/*
 * store/participant.c: SQL for participants (see participant.h).
 *
 * The search is keyset-paged in one of four orders (name or date of birth,
 * either way), each served in order by an index (idx_participants_name,
 * idx_participants_dob, walked backwards for the descending ones), so a
 * page costs the same at row ten and at row a million. Optional filters are
 * written as "(? IS NULL OR ...)": MariaDB optimises a prepared statement
 * again at each execution with the values bound, so an absent filter costs
 * nothing. The count of a search reads at most the number of matches it is
 * given, so it stays bounded however many there are.
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
 * The search: one constant statement per kind of caller and order (twelve),
 * and one count per kind of caller, all assembled from the fragments below
 * so each filter is written once. Every statement runs with exists_to_in
 * off, so the EXISTS probes stay per-row lookups on
 * idx_enrollments_participant instead of being turned into IN and
 * materialized (bench/search: 270,000 enrollments copied before the first
 * row of a one-match search).
 */
#define SEARCH_HEAD "SET STATEMENT optimizer_switch = 'exists_to_in=off' FOR "

/* The program / status filter: one enrollment with both. */
#define ENROLLMENT_MATCH "(? = 0 OR e.program_id = ?) AND (? IS NULL OR e.status = ?)"

/*
 * R-ACL-1, first in the WHERE clause. Statewide: no scope test, and the
 * enrollment filter only when asked for (the leading "? IS NULL"). Staff:
 * a participant with an enrollment at one of my locations, and the program
 * / status filter applies to that same enrollment, so it never tells a
 * partner what another provider's enrollment holds. Kept a per-row lookup:
 * turned into a join, it copies every enrollment of the office first.
 * A customer: themselves, with any of their own enrollments.
 */
#define SCOPE_ALL                                                                                  \
	"(? IS NULL OR EXISTS (SELECT 1 FROM enrollments e WHERE e.participant_id = p.id "         \
	"AND " ENROLLMENT_MATCH ")) "
#define SCOPE_STAFF                                                                                \
	"EXISTS (SELECT 1 FROM enrollments e JOIN user_locations ul ON ul.location_id = "          \
	"e.location_id AND ul.user_id = ? WHERE e.participant_id = p.id AND " ENROLLMENT_MATCH ") "
#define SCOPE_SELF "p.id = ? AND " SCOPE_ALL

/*
 * The column filters. Each is written "(? IS NULL OR ...)" so an absent
 * filter drops out when MariaDB optimises the execution (it does so again
 * at each execution, with the values bound); the case-manager filter is an
 * IN over the enrollments index, so it can drive the query instead of
 * being checked row by row.
 */
#define FILTERS                                                                                    \
	"AND (? IS NULL OR p.last_name LIKE ? OR p.first_name LIKE ?) "                            \
	"AND (? IS NULL OR (p.first_name LIKE ? AND p.last_name LIKE ?) "                          \
	"  OR (p.last_name LIKE ? AND p.first_name LIKE ?)) "                                      \
	"AND (? IS NULL OR p.date_of_birth = ?) "                                                  \
	"AND (? IS NULL OR p.ssn_last4 = ?) "                                                      \
	"AND (? IS NULL OR p.state_id = ?) "                                                       \
	"AND (? = 0 OR EXISTS (SELECT 1 FROM enrollments e2 WHERE "                                \
	"  e2.participant_id = p.id AND e2.provider_id = ?)) "                                     \
	"AND (? = 0 OR p.id IN (SELECT e3.participant_id FROM enrollments e3 WHERE "               \
	"  e3.case_manager_user_id = ? OR e3.temp_case_manager_user_id = ?)) "

/*
 * The keyset condition and order of each sort: strictly after the last row
 * of the previous page, in the order of the index that serves it (walked
 * backwards for the descending ones), so page fifty costs what page one
 * does. Parameters: the key columns (the first also as the NULL test),
 * the id, the limit.
 */
#define BY_NAME                                                                                    \
	"AND (? IS NULL OR (p.last_name >= ? AND (p.last_name > ? OR p.first_name > ? "           \
	"  OR (p.first_name = ? AND p.id > ?)))) "                                                 \
	"ORDER BY p.last_name, p.first_name, p.id LIMIT ?"
#define BY_NAME_DESC                                                                               \
	"AND (? IS NULL OR (p.last_name <= ? AND (p.last_name < ? OR p.first_name < ? "           \
	"  OR (p.first_name = ? AND p.id < ?)))) "                                                 \
	"ORDER BY p.last_name DESC, p.first_name DESC, p.id DESC LIMIT ?"
#define BY_DOB                                                                                     \
	"AND (? IS NULL OR (p.date_of_birth >= ? AND (p.date_of_birth > ? OR p.id > ?))) "        \
	"ORDER BY p.date_of_birth, p.id LIMIT ?"
#define BY_DOB_DESC                                                                                \
	"AND (? IS NULL OR (p.date_of_birth <= ? AND (p.date_of_birth < ? OR p.id < ?))) "        \
	"ORDER BY p.date_of_birth DESC, p.id DESC LIMIT ?"

#define SEARCH(scope, order) SEARCH_HEAD "SELECT " COLS " FROM participants p WHERE " scope FILTERS order

static const char all_name[] = SEARCH(SCOPE_ALL, BY_NAME);
static const char all_name_desc[] = SEARCH(SCOPE_ALL, BY_NAME_DESC);
static const char all_dob[] = SEARCH(SCOPE_ALL, BY_DOB);
static const char all_dob_desc[] = SEARCH(SCOPE_ALL, BY_DOB_DESC);
static const char staff_name[] = SEARCH(SCOPE_STAFF, BY_NAME);
static const char staff_name_desc[] = SEARCH(SCOPE_STAFF, BY_NAME_DESC);
static const char staff_dob[] = SEARCH(SCOPE_STAFF, BY_DOB);
static const char staff_dob_desc[] = SEARCH(SCOPE_STAFF, BY_DOB_DESC);
static const char self_name[] = SEARCH(SCOPE_SELF, BY_NAME);
static const char self_name_desc[] = SEARCH(SCOPE_SELF, BY_NAME_DESC);
static const char self_dob[] = SEARCH(SCOPE_SELF, BY_DOB);
static const char self_dob_desc[] = SEARCH(SCOPE_SELF, BY_DOB_DESC);

/* Indexed by enum caller, then enum pw_participant_sort. */
enum caller { CALLER_ALL, CALLER_STAFF, CALLER_SELF };
static const char *const search_sql[3][PW_PSORT_COUNT] = {
	{all_name, all_name_desc, all_dob, all_dob_desc},
	{staff_name, staff_name_desc, staff_dob, staff_dob_desc},
	{self_name, self_name_desc, self_dob, self_dob_desc},
};

/*
 * The count reads the matches no further than its limit: a derived table
 * with LIMIT stops the scan there. A filter that matches few of many (a
 * case manager's 200 of a million, a status nobody has) would still read
 * every participant in scope to find that there are no more (bench/search:
 * 2.5 million rows, 12 s for a partner's provider filter), so the count
 * also gives up after half a second and the search answers without it.
 */
#define COUNT(scope)                                                                               \
	"SET STATEMENT optimizer_switch = 'exists_to_in=off', max_statement_time = 0.5 FOR "       \
	"SELECT COUNT(*) FROM (SELECT 1 FROM participants p WHERE " scope FILTERS "LIMIT ?) k"

/* ER_STATEMENT_TIMEOUT: max_statement_time ran out. */
#define STATEMENT_TIMEOUT 1969

static const char count_all[] = COUNT(SCOPE_ALL);
static const char count_staff[] = COUNT(SCOPE_STAFF);
static const char count_self[] = COUNT(SCOPE_SELF);
static const char *const count_sql[3] = {count_all, count_staff, count_self};

/* The most parameters a search statement takes. */
#define SEARCH_PARAMS 40

static enum caller caller_of(const struct pw_scope_filter *scope)
{
	if (scope->participant_id)
		return CALLER_SELF;
	return scope->all ? CALLER_ALL : CALLER_STAFF;
}

/* Fills p with the parameters of the scope and the filters, in statement
 * order; returns how many. */
static size_t filter_params(const struct pw_scope_filter *scope,
			    const struct pw_participant_search *q, struct pw_db_param *p)
{
	enum caller c = caller_of(scope);
	int enrollment_filter = q->program_id != 0 || q->status != NULL;
	size_t k = 0;

	if (c == CALLER_SELF)
		p[k++] = PW_P_INT(scope->participant_id);
	if (c == CALLER_STAFF)
		p[k++] = PW_P_INT(scope->user_id);
	else
		p[k++] = enrollment_filter ? PW_P_INT(1) : PW_P_NULL;
	p[k++] = PW_P_INT(q->program_id);
	p[k++] = PW_P_INT(q->program_id);
	p[k++] = PW_P_TEXT(q->status);
	p[k++] = PW_P_TEXT(q->status);
	p[k++] = PW_P_TEXT(q->name1);
	p[k++] = PW_P_TEXT(q->name1);
	p[k++] = PW_P_TEXT(q->name1);
	p[k++] = PW_P_TEXT(q->first_pat);
	p[k++] = PW_P_TEXT(q->first_pat);
	p[k++] = PW_P_TEXT(q->last_pat);
	p[k++] = PW_P_TEXT(q->first_pat);
	p[k++] = PW_P_TEXT(q->last_pat);
	p[k++] = PW_P_TEXT(q->dob);
	p[k++] = PW_P_TEXT(q->dob);
	p[k++] = PW_P_TEXT(q->ssn_last4);
	p[k++] = PW_P_TEXT(q->ssn_last4);
	p[k++] = PW_P_TEXT(q->state_id);
	p[k++] = PW_P_TEXT(q->state_id);
	p[k++] = PW_P_INT(q->provider_id);
	p[k++] = PW_P_INT(q->provider_id);
	p[k++] = PW_P_INT(q->case_manager_id);
	p[k++] = PW_P_INT(q->case_manager_id);
	p[k++] = PW_P_INT(q->case_manager_id);
	return k;
}

int pw_participant_search(struct pw_db *db, const struct pw_scope_filter *scope,
			  const struct pw_participant_search *q, struct pw_db_rows **out)
{
	struct pw_db_param p[SEARCH_PARAMS];
	size_t k = filter_params(scope, q, p);

	if ((unsigned)q->sort >= PW_PSORT_COUNT)
		return PW_ERR_INVALID;
	if (q->sort == PW_PSORT_NAME || q->sort == PW_PSORT_NAME_DESC) {
		p[k++] = PW_P_TEXT(q->after_last);
		p[k++] = PW_P_TEXT(q->after_last);
		p[k++] = PW_P_TEXT(q->after_last);
		p[k++] = PW_P_TEXT(q->after_first);
		p[k++] = PW_P_TEXT(q->after_first);
	} else {
		p[k++] = PW_P_TEXT(q->after_dob);
		p[k++] = PW_P_TEXT(q->after_dob);
		p[k++] = PW_P_TEXT(q->after_dob);
	}
	p[k++] = PW_P_INT(q->after_id);
	p[k++] = PW_P_INT(q->limit);
	return pw_db_query(db, search_sql[caller_of(scope)][q->sort], p, k, out);
}

int pw_participant_count(struct pw_db *db, const struct pw_scope_filter *scope,
			 const struct pw_participant_search *q, long long max, long long *n)
{
	struct pw_db_param p[SEARCH_PARAMS];
	struct pw_db_rows *rows = NULL;
	size_t k = filter_params(scope, q, p);
	int rc;

	p[k++] = PW_P_INT(max);
	rc = pw_db_query(db, count_sql[caller_of(scope)], p, k, &rows);
	if (rc == PW_OK) {
		*n = rows->nrows == 1 ? pw_db_cell_int(rows, 0, 0, 0) : 0;
	} else if (rc == PW_ERR_DB && pw_db_errno(db) == STATEMENT_TIMEOUT) {
		*n = -1;
		rc = PW_OK;
	}
	pw_db_rows_free(rows);
	return rc;
}
