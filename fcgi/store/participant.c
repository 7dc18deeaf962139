/*
 * store/participant.c: SQL for participants (see participant.h).
 *
 * The search is keyset-paged in one of four orders (name or date of birth,
 * either way), each served in order by an index (idx_participants_name,
 * idx_participants_dob, walked backwards for the descending ones), so a
 * page costs the same at row ten and at row a million. Optional filters are
 * written as "(? IS NULL OR ...)": MariaDB optimises a prepared statement
 * again at each execution with the values bound, so an absent filter costs
 * nothing. An enrollment filter that matches few enrollments is answered
 * from those enrollments instead of by walking the participants (see "The
 * search" below). The count of a search reads at most the number of
 * matches it is given, so it stays bounded however many there are.
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
 * The search. Two families of constant statements, assembled from the
 * fragments below so each filter is written once:
 *
 *  - the walk: participants read in the page's order from the index that
 *    serves it, each row tested (the enrollment filters as per-row EXISTS
 *    probes on idx_enrollments_participant, under exists_to_in=off so they
 *    stay probes), stopping at the page limit. Cheap when the filters match
 *    many people, and the only family without an enrollment filter;
 *  - the drive: the same tests, but starting from the participants of
 *    the enrollments one enrollment filter matches (a DISTINCT derived
 *    table, read through the index of that filter and joined first, by
 *    STRAIGHT_JOIN), then sorted. Cheap when the filter matches few.
 *
 * Which one runs is decided in C by a bounded probe (how many enrollments
 * within the caller's reach match each enrollment filter given, counted no
 * further than DRIVE_MAX): the smallest set under DRIVE_MAX drives, else the
 * walk runs. The optimizer does not make that choice itself: given the
 * same filter as a top-level "p.id IN (SELECT ...)" semi-join it walked a
 * million participants for a partner's provider filter that matches
 * nothing (13 s, bench/README.md), as its estimate of the subquery comes
 * from one index and its costs ignore the LIMIT; the probe costs at most
 * DRIVE_MAX index entries when the filter matches many.
 */
#define SEARCH_HEAD "SET STATEMENT optimizer_switch = 'exists_to_in=off' FOR "

/* The program / status filter: one enrollment with both. */
#define ENROLLMENT_MATCH "(? = 0 OR e.program_id = ?) AND (? IS NULL OR e.status = ?)"

/* An enrollment within a staff caller's reach: at one of their locations.
 * A is the enrollments alias, U the user_locations one. */
#define REACH(a, u)                                                                                \
	" JOIN user_locations " u " ON " u ".location_id = " a ".location_id AND " u ".user_id = ? "

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
	"EXISTS (SELECT 1 FROM enrollments e" REACH("e", "ul") "WHERE e.participant_id = p.id "    \
	"AND " ENROLLMENT_MATCH ") "
#define SCOPE_SELF "p.id = ? AND " SCOPE_ALL

/*
 * The column filters. Each is written "(? IS NULL OR ...)" so an absent
 * filter drops out when MariaDB optimises the execution (it does so again
 * at each execution, with the values bound).
 */
#define FILTERS                                                                                    \
	"AND (? IS NULL OR p.last_name LIKE ? OR p.first_name LIKE ?) "                            \
	"AND (? IS NULL OR (p.first_name LIKE ? AND p.last_name LIKE ?) "                          \
	"  OR (p.last_name LIKE ? AND p.first_name LIKE ?)) "                                      \
	"AND (? IS NULL OR p.date_of_birth = ?) "                                                  \
	"AND (? IS NULL OR p.ssn_last4 = ?) "                                                      \
	"AND (? IS NULL OR p.state_id = ?) "

/*
 * The provider and case manager filters, each on an enrollment of its own
 * (as the program / status one). For staff, only an enrollment within
 * their reach counts (R-ACL-1): a partner never learns through them that
 * one of their people is enrolled, or managed, at another provider.
 */
#define PROVIDER_FILTER(reach)                                                                     \
	"AND (? = 0 OR EXISTS (SELECT 1 FROM enrollments e2" reach "WHERE "                        \
	"  e2.participant_id = p.id AND e2.provider_id = ?)) "
#define CASE_MANAGER_FILTER(reach)                                                                 \
	"AND (? = 0 OR EXISTS (SELECT 1 FROM enrollments e3" reach "WHERE "                        \
	"  e3.participant_id = p.id AND (e3.case_manager_user_id = ? "                             \
	"  OR e3.temp_case_manager_user_id = ?))) "

#define WHERE_ALL SCOPE_ALL FILTERS PROVIDER_FILTER(" ") CASE_MANAGER_FILTER(" ")
#define WHERE_STAFF                                                                                \
	SCOPE_STAFF FILTERS PROVIDER_FILTER(REACH("e2", "ul2"))                                    \
	CASE_MANAGER_FILTER(REACH("e3", "ul3"))
#define WHERE_SELF SCOPE_SELF FILTERS PROVIDER_FILTER(" ") CASE_MANAGER_FILTER(" ")

/*
 * The driving enrollments: those of one filter, chosen by the first
 * parameter of each branch (enum drive), within the caller's reach. The
 * branches not chosen are constant false once the values are bound, so
 * the range optimizer sees only the chosen one's condition and its index:
 * idx_enrollments_status_program / idx_enrollments_program_exit,
 * idx_enrollments_provider, idx_enrollments_case_manager (with
 * fk_enrollments_temp_case_manager), or idx_enrollments_location for staff.
 */
#define DRIVE_MATCH                                                                                \
	"((? = 1 AND " ENROLLMENT_MATCH ") OR (? = 2 AND e.provider_id = ?) "                      \
	"OR (? = 3 AND (e.case_manager_user_id = ? OR e.temp_case_manager_user_id = ?)))"
#define DRIVE_FROM(reach)                                                                          \
	"(SELECT DISTINCT e.participant_id FROM enrollments e" reach "WHERE " DRIVE_MATCH ") m "   \
	"JOIN participants p ON p.id = m.participant_id WHERE "

/*
 * The keyset condition and order of each sort: strictly after the last row
 * of the previous page, written as a union of ranges on every column of
 * the index (last name after; same last name, first name after; same
 * names, id after), so the range starts exactly at the next row in either
 * direction and no row of the previous page is read again. Parameters:
 * the key columns (the first also as the NULL test), the id, the limit.
 */
#define BY_NAME                                                                                    \
	"AND (? IS NULL OR p.last_name > ? OR (p.last_name = ? AND (p.first_name > ? "            \
	"  OR (p.first_name = ? AND p.id > ?)))) "                                                 \
	"ORDER BY p.last_name, p.first_name, p.id LIMIT ?"
#define BY_NAME_DESC                                                                               \
	"AND (? IS NULL OR p.last_name < ? OR (p.last_name = ? AND (p.first_name < ? "            \
	"  OR (p.first_name = ? AND p.id < ?)))) "                                                 \
	"ORDER BY p.last_name DESC, p.first_name DESC, p.id DESC LIMIT ?"
#define BY_DOB                                                                                     \
	"AND (? IS NULL OR p.date_of_birth > ? OR (p.date_of_birth = ? AND p.id > ?)) "           \
	"ORDER BY p.date_of_birth, p.id LIMIT ?"
#define BY_DOB_DESC                                                                                \
	"AND (? IS NULL OR p.date_of_birth < ? OR (p.date_of_birth = ? AND p.id < ?)) "           \
	"ORDER BY p.date_of_birth DESC, p.id DESC LIMIT ?"

#define SEARCH(where, order) SEARCH_HEAD "SELECT " COLS " FROM participants p WHERE " where order
#define SEARCH_DRIVE(from, where, order)                                                           \
	SEARCH_HEAD "SELECT STRAIGHT_JOIN " COLS " FROM " from where order

static const char all_name[] = SEARCH(WHERE_ALL, BY_NAME);
static const char all_name_desc[] = SEARCH(WHERE_ALL, BY_NAME_DESC);
static const char all_dob[] = SEARCH(WHERE_ALL, BY_DOB);
static const char all_dob_desc[] = SEARCH(WHERE_ALL, BY_DOB_DESC);
static const char staff_name[] = SEARCH(WHERE_STAFF, BY_NAME);
static const char staff_name_desc[] = SEARCH(WHERE_STAFF, BY_NAME_DESC);
static const char staff_dob[] = SEARCH(WHERE_STAFF, BY_DOB);
static const char staff_dob_desc[] = SEARCH(WHERE_STAFF, BY_DOB_DESC);
static const char self_name[] = SEARCH(WHERE_SELF, BY_NAME);
static const char self_name_desc[] = SEARCH(WHERE_SELF, BY_NAME_DESC);
static const char self_dob[] = SEARCH(WHERE_SELF, BY_DOB);
static const char self_dob_desc[] = SEARCH(WHERE_SELF, BY_DOB_DESC);

#define FROM_ALL DRIVE_FROM(" ")
#define FROM_STAFF DRIVE_FROM(REACH("e", "ud"))

static const char drive_all_name[] = SEARCH_DRIVE(FROM_ALL, WHERE_ALL, BY_NAME);
static const char drive_all_name_desc[] = SEARCH_DRIVE(FROM_ALL, WHERE_ALL, BY_NAME_DESC);
static const char drive_all_dob[] = SEARCH_DRIVE(FROM_ALL, WHERE_ALL, BY_DOB);
static const char drive_all_dob_desc[] = SEARCH_DRIVE(FROM_ALL, WHERE_ALL, BY_DOB_DESC);
static const char drive_staff_name[] = SEARCH_DRIVE(FROM_STAFF, WHERE_STAFF, BY_NAME);
static const char drive_staff_name_desc[] = SEARCH_DRIVE(FROM_STAFF, WHERE_STAFF, BY_NAME_DESC);
static const char drive_staff_dob[] = SEARCH_DRIVE(FROM_STAFF, WHERE_STAFF, BY_DOB);
static const char drive_staff_dob_desc[] = SEARCH_DRIVE(FROM_STAFF, WHERE_STAFF, BY_DOB_DESC);

/* Indexed by enum caller, then enum pw_participant_sort. A customer's
 * search reads one row and never drives. */
enum caller { CALLER_ALL, CALLER_STAFF, CALLER_SELF };
static const char *const search_sql[3][PW_PSORT_COUNT] = {
	{all_name, all_name_desc, all_dob, all_dob_desc},
	{staff_name, staff_name_desc, staff_dob, staff_dob_desc},
	{self_name, self_name_desc, self_dob, self_dob_desc},
};
static const char *const drive_sql[2][PW_PSORT_COUNT] = {
	{drive_all_name, drive_all_name_desc, drive_all_dob, drive_all_dob_desc},
	{drive_staff_name, drive_staff_name_desc, drive_staff_dob, drive_staff_dob_desc},
};

/*
 * The count reads the matches no further than its limit: a derived table
 * with LIMIT stops the scan there. Walking, a filter that matches few of
 * many would read every participant in scope to find that there are no
 * more; the drive avoids that for the enrollment filters, and for what
 * remains (a rare name with a common enrollment filter, say) the count
 * gives up after half a second and the search answers without it.
 */
#define COUNT_HEAD                                                                                 \
	"SET STATEMENT optimizer_switch = 'exists_to_in=off', max_statement_time = 0.5 FOR "       \
	"SELECT COUNT(*) FROM (SELECT "
#define COUNT(where) COUNT_HEAD "1 FROM participants p WHERE " where "LIMIT ?) k"
#define COUNT_DRIVE(from, where) COUNT_HEAD "STRAIGHT_JOIN 1 FROM " from where "LIMIT ?) k"

/* ER_STATEMENT_TIMEOUT: max_statement_time ran out. */
#define STATEMENT_TIMEOUT 1969

static const char count_all[] = COUNT(WHERE_ALL);
static const char count_staff[] = COUNT(WHERE_STAFF);
static const char count_self[] = COUNT(WHERE_SELF);
static const char count_drive_all[] = COUNT_DRIVE(FROM_ALL, WHERE_ALL);
static const char count_drive_staff[] = COUNT_DRIVE(FROM_STAFF, WHERE_STAFF);
static const char *const count_sql[3] = {count_all, count_staff, count_self};
static const char *const count_drive_sql[2] = {count_drive_all, count_drive_staff};

/*
 * The probe: how many enrollments within reach one filter matches, no
 * more than its limit (the derived table's LIMIT stops the index read).
 */
#define PROBE(reach)                                                                               \
	"SELECT COUNT(*) FROM (SELECT 1 FROM enrollments e" reach "WHERE " DRIVE_MATCH " LIMIT ?) x"
static const char probe_all[] = PROBE(" ");
static const char probe_staff[] = PROBE(REACH("e", "ud"));
static const char *const probe_sql[2] = {probe_all, probe_staff};

/*
 * The count of a search with one enrollment filter and nothing else: the
 * distinct participants of the matching enrollments within reach, read
 * from the filter's index and stopped at the limit (the derived table's
 * LIMIT ends the read once that many distinct ids are in), however many
 * people match: 10,001 index entries where the walk read up to a million
 * rows and ran out of time.
 */
#define COUNT_ENROLLED(reach)                                                                      \
	"SET STATEMENT max_statement_time = 0.5 FOR SELECT COUNT(*) FROM (SELECT DISTINCT "        \
	"e.participant_id FROM enrollments e" reach "WHERE " DRIVE_MATCH " LIMIT ?) k"
static const char count_enrolled_all[] = COUNT_ENROLLED(" ");
static const char count_enrolled_staff[] = COUNT_ENROLLED(REACH("e", "ud"));
static const char *const count_enrolled_sql[2] = {count_enrolled_all, count_enrolled_staff};

/* The answer of a search the probe found no enrollment for: an impossible
 * WHERE, which MariaDB answers without reading a row. */
static const char nobody_sql[] = "SELECT " COLS " FROM participants p WHERE FALSE ORDER BY p.id";

/* A filter of fewer matching enrollments than this drives the search;
 * beyond it the walk finds a page within a few thousand rows (at a
 * million participants, about one in 270 or more matches). The probe of
 * a filter that matches many reads this many index entries (6 to 20 ms
 * measured, bench/README.md). */
#define DRIVE_MAX 5000

/* The enrollment filter that drives, as DRIVE_MATCH numbers it;
 * DRIVE_NOBODY when a filter matches no enrollment within reach. */
enum drive {
	DRIVE_NOBODY = -1,
	DRIVE_NONE,
	DRIVE_PROGRAM_STATUS,
	DRIVE_PROVIDER,
	DRIVE_CASE_MANAGER
};

/* The most parameters a search statement takes. */
#define SEARCH_PARAMS 64

static enum caller caller_of(const struct pw_scope_filter *scope)
{
	if (scope->participant_id)
		return CALLER_SELF;
	return scope->all ? CALLER_ALL : CALLER_STAFF;
}

/* Appends the parameters of DRIVE_MATCH for filter d (with its reach for
 * staff first); returns the new count. */
static size_t drive_params(enum caller c, long long user_id, enum drive d,
			   const struct pw_participant_search *q, struct pw_db_param *p, size_t k)
{
	if (c == CALLER_STAFF)
		p[k++] = PW_P_INT(user_id);
	p[k++] = PW_P_INT(d);
	p[k++] = PW_P_INT(q->program_id);
	p[k++] = PW_P_INT(q->program_id);
	p[k++] = PW_P_TEXT(q->status);
	p[k++] = PW_P_TEXT(q->status);
	p[k++] = PW_P_INT(d);
	p[k++] = PW_P_INT(q->provider_id);
	p[k++] = PW_P_INT(d);
	p[k++] = PW_P_INT(q->case_manager_id);
	p[k++] = PW_P_INT(q->case_manager_id);
	return k;
}

/* Appends the parameters of the WHERE_* clause of caller c, in statement
 * order; returns the new count. */
static size_t filter_params(enum caller c, const struct pw_scope_filter *scope,
			    const struct pw_participant_search *q, struct pw_db_param *p, size_t k)
{
	int enrollment_filter = q->program_id != 0 || q->status != NULL;

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
	if (c == CALLER_STAFF)
		p[k++] = PW_P_INT(scope->user_id);
	p[k++] = PW_P_INT(q->provider_id);
	p[k++] = PW_P_INT(q->case_manager_id);
	if (c == CALLER_STAFF)
		p[k++] = PW_P_INT(scope->user_id);
	p[k++] = PW_P_INT(q->case_manager_id);
	p[k++] = PW_P_INT(q->case_manager_id);
	return k;
}

/* The enrollment filters given, as enum drive numbers them. */
static void filters_given(const struct pw_participant_search *q, int given[4])
{
	given[DRIVE_NONE] = 0;
	given[DRIVE_PROGRAM_STATUS] = q->program_id != 0 || q->status != NULL;
	given[DRIVE_PROVIDER] = q->provider_id != 0;
	given[DRIVE_CASE_MANAGER] = q->case_manager_id != 0;
}

/* The one enrollment filter of q when it has no other filter, else
 * DRIVE_NONE. */
static enum drive only_filter(const struct pw_participant_search *q)
{
	int given[4], n = 0;
	enum drive only = DRIVE_NONE;

	if (q->name1 || q->first_pat || q->last_pat || q->dob || q->ssn_last4 || q->state_id)
		return DRIVE_NONE;
	filters_given(q, given);
	for (int f = DRIVE_PROGRAM_STATUS; f <= DRIVE_CASE_MANAGER; f++)
		if (given[f]) {
			n++;
			only = (enum drive)f;
		}
	return n == 1 ? only : DRIVE_NONE;
}

/*
 * Chooses the statement family: q->drive gets the enrollment filter with
 * the fewest matching enrollments within the caller's reach if that is
 * under DRIVE_MAX, else DRIVE_NONE (walk); DRIVE_NOBODY when one matches
 * none (nothing else is read then). Each filter given costs one probe of
 * at most DRIVE_MAX index entries.
 */
int pw_participant_plan(struct pw_db *db, const struct pw_scope_filter *scope,
			struct pw_participant_search *q)
{
	enum caller c = caller_of(scope);
	long long best = DRIVE_MAX;
	int given[4];

	q->drive = DRIVE_NONE;
	if (c == CALLER_SELF)
		return PW_OK;
	filters_given(q, given);
	for (int f = DRIVE_PROGRAM_STATUS; f <= DRIVE_CASE_MANAGER && best > 0; f++) {
		struct pw_db_param p[16];
		struct pw_db_rows *rows = NULL;
		size_t k;
		long long n;
		int rc;

		if (!given[f])
			continue;
		k = drive_params(c, scope->user_id, (enum drive)f, q, p, 0);
		p[k++] = PW_P_INT(best);
		rc = pw_db_query(db, probe_sql[c], p, k, &rows);
		if (rc != PW_OK)
			return rc;
		n = rows->nrows == 1 ? pw_db_cell_int(rows, 0, 0, best) : best;
		pw_db_rows_free(rows);
		if (n < best) {
			best = n;
			q->drive = n == 0 ? DRIVE_NOBODY : f;
		}
	}
	return PW_OK;
}

/* The enrollment filter that drives q's statements for caller c, as
 * pw_participant_plan chose it: never for a customer (one row), and the
 * walk for anything else, which is right for every filter, only slower. */
static enum drive drive_of(enum caller c, const struct pw_participant_search *q)
{
	if (c == CALLER_SELF || q->drive < DRIVE_NOBODY || q->drive > DRIVE_CASE_MANAGER)
		return DRIVE_NONE;
	return (enum drive)q->drive;
}

/* Fills p with the parameters of the statement chosen for d (drive or
 * walk, the keyset and limit excepted); returns how many. */
static size_t statement_params(enum caller c, enum drive d, const struct pw_scope_filter *scope,
			       const struct pw_participant_search *q, struct pw_db_param *p)
{
	size_t k = 0;

	if (d > DRIVE_NONE)
		k = drive_params(c, scope->user_id, d, q, p, k);
	return filter_params(c, scope, q, p, k);
}

int pw_participant_search(struct pw_db *db, const struct pw_scope_filter *scope,
			  const struct pw_participant_search *q, struct pw_db_rows **out)
{
	struct pw_db_param p[SEARCH_PARAMS];
	enum caller c = caller_of(scope);
	enum drive d = drive_of(c, q);
	size_t k;

	if ((unsigned)q->sort >= PW_PSORT_COUNT)
		return PW_ERR_INVALID;
	if (d == DRIVE_NOBODY)
		return pw_db_query(db, nobody_sql, NULL, 0, out);
	k = statement_params(c, d, scope, q, p);
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
	return pw_db_query(db, d != DRIVE_NONE ? drive_sql[c][q->sort] : search_sql[c][q->sort], p,
			   k, out);
}

int pw_participant_count(struct pw_db *db, const struct pw_scope_filter *scope,
			 const struct pw_participant_search *q, long long max, long long *n)
{
	struct pw_db_param p[SEARCH_PARAMS];
	struct pw_db_rows *rows = NULL;
	enum caller c = caller_of(scope);
	enum drive d = drive_of(c, q), only = only_filter(q);
	const char *sql;
	size_t k;
	int rc;

	if (d == DRIVE_NOBODY) {
		*n = 0;
		return PW_OK;
	}
	if (c != CALLER_SELF && only != DRIVE_NONE) {
		k = drive_params(c, scope->user_id, only, q, p, 0);
		sql = count_enrolled_sql[c];
	} else {
		k = statement_params(c, d, scope, q, p);
		sql = d != DRIVE_NONE ? count_drive_sql[c] : count_sql[c];
	}
	p[k++] = PW_P_INT(max);
	rc = pw_db_query(db, sql, p, k, &rows);
	if (rc == PW_OK) {
		*n = rows->nrows == 1 ? pw_db_cell_int(rows, 0, 0, 0) : 0;
	} else if (rc == PW_ERR_DB && pw_db_errno(db) == STATEMENT_TIMEOUT) {
		*n = -1;
		rc = PW_OK;
	}
	pw_db_rows_free(rows);
	return rc;
}
