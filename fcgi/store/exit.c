/*
 * store/exit.c: the SQL of exits, post-exit quarters, the sweep and the
 * watch list (see exit.h).
 *
 * Two statements below restate R-EXIT-1 in SQL (the sweep's candidates and
 * the watch list): "qualifying" is R-SVC-2 over the type flags of
 * program_service_types and the program's supportive_extends_exit, "L" is
 * R-SVC-3's latest end-or-start date of the qualifying, non-deleted
 * services. They only narrow a million rows down to the few worth a look;
 * the answer always comes from fcgi/rules/ on the loaded facts.
 */
#include "store/exit.h"

#include "db.h"
#include "pw.h"

#include <string.h>

/* R-SVC-2 as a join condition on t (the type) and p (the program). */
#define QUALIFYING                                                                                 \
	"t.extends_exit = 1 AND t.self_service = 0 AND t.info_only = 0 AND t.followup = 0 "        \
	"AND (t.supportive = 0 OR p.supportive_extends_exit = 1) "

/* A date as a parameter: NULL for an absent one. buf holds the text for
 * the one statement that binds it. */
static struct pw_db_param date_param(pw_date d, char buf[PW_DATE_STRLEN])
{
	if (!pw_date_is_valid(d))
		return PW_P_NULL;
	pw_date_format(d, buf);
	return PW_P_TEXT(buf);
}

/* Runs an UPDATE that must touch exactly one row; *none_rc otherwise. */
static int exec_one(struct pw_db *db, const char *sql, const struct pw_db_param *p, size_t n,
                    int none_rc)
{
	unsigned long long affected = 0;
	int rc = pw_db_exec(db, sql, p, n, &affected, NULL);

	if (rc == PW_OK && affected != 1)
		rc = none_rc;
	return rc;
}

int pw_exit_write(struct pw_db *db, long long id, const struct pw_exit_write *w)
{
	static const char sql[] =
	        "UPDATE enrollments SET status = ?, case_status = 'closed', exit_kind = ?, "
	        "exit_date = ?, exit_reason = ?, exclusion_reason = ?, "
	        "exclusion_recorded_at = IF(? IS NULL, NULL, UTC_TIMESTAMP(6)), "
	        "school_status_at_exit = ?, isets_program = ?, completion_status = ?, "
	        "outcome_reason = ?, program_completion_date = ?, exit_comments = ?, "
	        "exited_by_user_id = ?, exited_by = ?, exited_at = UTC_TIMESTAMP(6), "
	        "version = version + 1, updated_at = UTC_TIMESTAMP(6) "
	        "WHERE id = ? AND status IN ('referred', 'enrolled')";
	char d1[PW_DATE_STRLEN], d2[PW_DATE_STRLEN];
	struct pw_db_param p[] = {
	        PW_P_TEXT(pw_exit_enrollment_status_code(w->status)),
	        PW_P_TEXT(pw_exit_kind_code(w->kind)),
	        date_param(w->exit_date, d1),
	        PW_P_TEXT(w->exit_reason),
	        PW_P_TEXT(w->exclusion_reason),
	        PW_P_TEXT(w->exclusion_reason),
	        PW_P_TEXT(w->school_status),
	        PW_P_TEXT(w->isets_program),
	        PW_P_TEXT(w->completion_status),
	        PW_P_TEXT(w->outcome_reason),
	        date_param(w->program_completion_date, d2),
	        PW_P_TEXT(w->comments),
	        w->by_user_id > 0 ? PW_P_INT(w->by_user_id) : PW_P_NULL,
	        PW_P_TEXT(w->by_label),
	        PW_P_INT(id),
	};

	return exec_one(db, sql, p, PW_ARRAY_LEN(p), PW_ERR_CONFLICT);
}

int pw_exit_clear(struct pw_db *db, long long id, enum pw_enrollment_status restore)
{
	static const char sql[] =
	        "UPDATE enrollments SET status = ?, case_status = 'open', exit_kind = NULL, "
	        "exit_date = NULL, exit_reason = NULL, exclusion_reason = NULL, "
	        "exclusion_recorded_at = NULL, school_status_at_exit = NULL, isets_program = NULL, "
	        "completion_status = NULL, outcome_reason = NULL, program_completion_date = NULL, "
	        "exit_comments = NULL, exited_by_user_id = NULL, exited_by = NULL, "
	        "exited_at = NULL, version = version + 1, updated_at = UTC_TIMESTAMP(6) "
	        "WHERE id = ? AND status IN ('exited', 'not_enrolled')";
	struct pw_db_param p[] = {PW_P_TEXT(pw_exit_enrollment_status_code(restore)), PW_P_INT(id)};

	return exec_one(db, sql, p, PW_ARRAY_LEN(p), PW_ERR_CONFLICT);
}

int pw_exit_add_exclusion(struct pw_db *db, long long id, const char *reason)
{
	static const char sql[] =
	        "UPDATE enrollments SET exclusion_reason = ?, "
	        "exclusion_recorded_at = UTC_TIMESTAMP(6), version = version + 1, "
	        "updated_at = UTC_TIMESTAMP(6) "
	        "WHERE id = ? AND status = 'exited' AND exclusion_reason IS NULL";
	struct pw_db_param p[] = {PW_P_TEXT(reason), PW_P_INT(id)};

	return exec_one(db, sql, p, PW_ARRAY_LEN(p), PW_ERR_CONFLICT);
}

int pw_exit_service_change(struct pw_db *db, long long enrollment_id, long long id,
                           enum pw_service_status status, pw_date end)
{
	static const char sql[] =
	        "UPDATE services SET status = ?, end_date = IF(? IS NULL, end_date, ?), "
	        "version = version + 1, updated_at = UTC_TIMESTAMP(6) "
	        "WHERE id = ? AND enrollment_id = ?";
	char d1[PW_DATE_STRLEN], d2[PW_DATE_STRLEN];
	struct pw_db_param p[] = {
	        PW_P_TEXT(pw_service_status_code(status)),
	        date_param(end, d1),
	        date_param(end, d2),
	        PW_P_INT(id),
	        PW_P_INT(enrollment_id),
	};

	return exec_one(db, sql, p, PW_ARRAY_LEN(p), PW_ERR_NOT_FOUND);
}

/* ---- post-exit quarters ------------------------------------------------- */

int pw_exit_quarters_create(struct pw_db *db, long long enrollment_id,
                            const struct pw_post_exit_quarter q[PW_POST_EXIT_QUARTERS])
{
	static const char sql[] =
	        "INSERT INTO post_exit_quarters (enrollment_id, quarter, first_day, last_day) "
	        "VALUES (?, ?, ?, ?), (?, ?, ?, ?), (?, ?, ?, ?), (?, ?, ?, ?) "
	        "ON DUPLICATE KEY UPDATE id = id";
	char first[PW_POST_EXIT_QUARTERS][PW_DATE_STRLEN],
	        last[PW_POST_EXIT_QUARTERS][PW_DATE_STRLEN];
	struct pw_db_param p[4 * PW_POST_EXIT_QUARTERS];
	size_t k = 0;

	for (size_t i = 0; i < PW_POST_EXIT_QUARTERS; i++) {
		p[k++] = PW_P_INT(enrollment_id);
		p[k++] = PW_P_INT(q[i].number);
		p[k++] = date_param(q[i].first, first[i]);
		p[k++] = date_param(q[i].last, last[i]);
	}
	return pw_db_exec(db, sql, p, k, NULL, NULL);
}

#define QUARTER_COLS                                                                               \
	"q.id, q.enrollment_id, q.quarter, q.first_day, q.last_day, q.outcome, "                   \
	"q.earnings_cents, q.verified_on, q.verification_source, q.employment_id, q.version, "     \
	"DATE_FORMAT(q.updated_at, '%Y-%m-%dT%H:%i:%sZ'), "

int pw_exit_quarters_list(struct pw_db *db, long long enrollment_id, struct pw_db_rows **out)
{
	static const char sql[] = "SELECT " QUARTER_COLS "m.employer, m.job_title, m.start_date "
	                          "FROM post_exit_quarters q "
	                          "LEFT JOIN employment m ON m.id = q.employment_id "
	                          "WHERE q.enrollment_id = ? ORDER BY q.quarter";
	struct pw_db_param p[] = {PW_P_INT(enrollment_id)};

	return pw_db_query(db, sql, p, 1, out);
}

int pw_exit_quarter_lock(struct pw_db *db, long long enrollment_id, int n, struct pw_db_rows **out)
{
	/* No join here: FOR UPDATE would lock the job's row as well. */
	static const char sql[] = "SELECT " QUARTER_COLS "NULL, NULL, NULL "
	                          "FROM post_exit_quarters q "
	                          "WHERE q.enrollment_id = ? AND q.quarter = ? FOR UPDATE";
	struct pw_db_param p[] = {PW_P_INT(enrollment_id), PW_P_INT(n)};

	return pw_db_query(db, sql, p, PW_ARRAY_LEN(p), out);
}

int pw_exit_quarter_entry(const struct pw_db_rows *rows, size_t r, struct pw_post_exit_entry *e)
{
	const char *outcome = pw_db_cell(rows, r, QC_OUTCOME);
	const char *source = pw_db_cell(rows, r, QC_SOURCE);
	const char *verified = pw_db_cell(rows, r, QC_VERIFIED_ON);

	memset(e, 0, sizeof(*e));
	e->outcome = PW_POST_EXIT_NOT_YET_KNOWN;
	e->verified = PW_DATE_NONE;
	if (outcome != NULL && pw_post_exit_outcome_from_code(outcome, &e->outcome) != PW_OK)
		return PW_ERR_DB;
	if (pw_db_cell(rows, r, QC_EARNINGS_CENTS) != NULL) {
		e->has_earnings = true;
		e->earnings_cents = pw_db_cell_int(rows, r, QC_EARNINGS_CENTS, 0);
	}
	if (verified != NULL && pw_date_parse(verified, strlen(verified), &e->verified) != PW_OK)
		return PW_ERR_DB;
	if (source != NULL) {
		if (pw_post_exit_source_from_code(source, &e->source) != PW_OK)
			return PW_ERR_DB;
		e->has_source = true;
	}
	e->job_id = pw_db_cell_int(rows, r, QC_EMPLOYMENT_ID, 0);
	return PW_OK;
}

int pw_exit_quarter_update(struct pw_db *db, long long id, int version,
                           const struct pw_post_exit_entry *e, const struct pw_post_exit_quarter *q)
{
	static const char sql[] =
	        "UPDATE post_exit_quarters SET outcome = ?, earnings_cents = ?, verified_on = ?, "
	        "verification_source = ?, employment_id = ?, first_day = ?, last_day = ?, "
	        "version = version + 1, updated_at = UTC_TIMESTAMP(6) "
	        "WHERE id = ? AND version = ?";
	char dv[PW_DATE_STRLEN], df[PW_DATE_STRLEN], dl[PW_DATE_STRLEN];
	struct pw_db_param p[] = {
	        PW_P_TEXT(pw_post_exit_outcome_code(e->outcome)),
	        e->has_earnings ? PW_P_INT(e->earnings_cents) : PW_P_NULL,
	        date_param(e->verified, dv),
	        e->has_source ? PW_P_TEXT(pw_post_exit_source_code(e->source)) : PW_P_NULL,
	        e->job_id > 0 ? PW_P_INT(e->job_id) : PW_P_NULL,
	        date_param(q->first, df),
	        date_param(q->last, dl),
	        PW_P_INT(id),
	        PW_P_INT(version),
	};

	return exec_one(db, sql, p, PW_ARRAY_LEN(p), PW_ERR_STALE);
}

int pw_exit_quarter_delete(struct pw_db *db, long long id)
{
	static const char sql[] = "DELETE FROM post_exit_quarters WHERE id = ?";
	struct pw_db_param p[] = {PW_P_INT(id)};

	return pw_db_exec(db, sql, p, 1, NULL, NULL);
}

/* ---- the sweep ----------------------------------------------------------- */

int pw_exit_sweep_session(struct pw_db *db)
{
	static const char sql[] = "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED";

	return pw_db_exec(db, sql, NULL, 0, NULL, NULL);
}

int pw_exit_sweep_window(struct pw_db *db, long long after_id, int batch, long long *hi,
                         long long *count)
{
	static const char sql[] = "SELECT MAX(id), COUNT(*) FROM (SELECT id FROM enrollments "
	                          "WHERE id > ? ORDER BY id LIMIT ?) w";
	struct pw_db_param p[] = {PW_P_INT(after_id), PW_P_INT(batch)};
	struct pw_db_rows *r = NULL;
	int rc = pw_db_query(db, sql, p, PW_ARRAY_LEN(p), &r);

	if (rc != PW_OK)
		return rc;
	*hi = r->nrows ? pw_db_cell_int(r, 0, 0, after_id) : after_id;
	*count = r->nrows ? pw_db_cell_int(r, 0, 1, 0) : 0;
	pw_db_rows_free(r);
	return PW_OK;
}

/* R-EXIT-1 (coarse, see the top of this file). */
int pw_exit_sweep_candidates(struct pw_db *db, long long after_id, long long hi, pw_date cutoff,
                             struct pw_db_rows **out)
{
	static const char sql[] =
	        "SELECT e.id, e.participant_id, e.program_id FROM enrollments e "
	        "JOIN programs p ON p.id = e.program_id "
	        "JOIN services s ON s.enrollment_id = e.id AND s.status <> 'deleted' "
	        "JOIN program_service_types t ON t.id = s.service_type_id "
	        "WHERE e.id > ? AND e.id <= ? AND e.status = 'enrolled' AND " QUALIFYING
	        "GROUP BY e.id, e.participant_id, e.program_id "
	        "HAVING SUM(s.status IN ('open', 'planned')) = 0 "
	        "AND MAX(COALESCE(s.end_date, s.start_date)) < ? ORDER BY e.id";
	char d[PW_DATE_STRLEN];
	struct pw_db_param p[] = {PW_P_INT(after_id), PW_P_INT(hi), date_param(cutoff, d)};

	return pw_db_query(db, sql, p, PW_ARRAY_LEN(p), out);
}

int pw_exit_lock_one(struct pw_db *db, long long id, int *status)
{
	static const char sql[] = "SELECT status FROM enrollments WHERE id = ? FOR UPDATE";
	struct pw_db_param p[] = {PW_P_INT(id)};
	struct pw_db_rows *r = NULL;
	enum pw_enrollment_status st;
	int rc = pw_db_query(db, sql, p, 1, &r);

	if (rc != PW_OK)
		return rc;
	*status = -1;
	if (r->nrows == 1) {
		if (pw_exit_enrollment_status_from_code(pw_db_cell(r, 0, 0), &st) == PW_OK)
			*status = (int)st;
		else
			rc = PW_ERR_DB;
	}
	pw_db_rows_free(r);
	return rc;
}

int pw_exit_lock_participant(struct pw_db *db, long long participant_id, struct pw_db_rows **out)
{
	static const char sql[] = "SELECT id, program_id FROM enrollments "
	                          "WHERE participant_id = ? AND status = 'enrolled' "
	                          "ORDER BY id FOR UPDATE";
	struct pw_db_param p[] = {PW_P_INT(participant_id)};

	return pw_db_query(db, sql, p, 1, out);
}

/* GET_LOCK(name of run id, 0): *got 1 when this session now holds it. */
static int take_run_lock(struct pw_db *db, long long id, int *got)
{
	static const char sql[] = "SELECT GET_LOCK(CONCAT('pathway.sweep.', ?), 0)";
	struct pw_db_param p[] = {PW_P_INT(id)};
	struct pw_db_rows *r = NULL;
	int rc = pw_db_query(db, sql, p, 1, &r);

	if (rc != PW_OK)
		return rc;
	*got = r->nrows == 1 && pw_db_cell_int(r, 0, 0, 0) == 1;
	pw_db_rows_free(r);
	return PW_OK;
}

/* Adopts the newest unfinished run of as_of whose owner is gone, if any. */
static int adopt_run(struct pw_db *db, pw_date as_of, const char *host, struct pw_sweep_run *out)
{
	static const char find_sql[] =
	        "SELECT id, last_enrollment_id, examined, exited FROM sweep_runs "
	        "WHERE finished_at IS NULL AND as_of = ? ORDER BY id DESC LIMIT 20";
	static const char host_sql[] = "UPDATE sweep_runs SET host = ? WHERE id = ?";
	char d[PW_DATE_STRLEN];
	struct pw_db_param p[] = {date_param(as_of, d)};
	struct pw_db_rows *r = NULL;
	int rc = pw_db_query(db, find_sql, p, 1, &r), got = 0;

	if (rc != PW_OK)
		return rc;
	for (size_t i = 0; i < r->nrows && rc == PW_OK && !out->resumed; i++) {
		long long id = pw_db_cell_int(r, i, 0, 0);

		rc = take_run_lock(db, id, &got);
		if (rc != PW_OK || !got)
			continue;
		out->id = id;
		out->last_enrollment_id = pw_db_cell_int(r, i, 1, 0);
		out->examined = pw_db_cell_int(r, i, 2, 0);
		out->exited = pw_db_cell_int(r, i, 3, 0);
		out->resumed = true;
	}
	pw_db_rows_free(r);
	if (rc == PW_OK && out->resumed) {
		struct pw_db_param h[] = {PW_P_TEXT(host), PW_P_INT(out->id)};
		rc = pw_db_exec(db, host_sql, h, PW_ARRAY_LEN(h), NULL, NULL);
	}
	return rc;
}

int pw_exit_sweep_run_begin(struct pw_db *db, pw_date as_of, const char *host,
                            struct pw_sweep_run *out)
{
	static const char insert_sql[] = "INSERT INTO sweep_runs (as_of, host) VALUES (?, ?)";
	char d[PW_DATE_STRLEN];
	unsigned long long id = 0;
	int rc, got = 0;

	memset(out, 0, sizeof(*out));
	rc = adopt_run(db, as_of, host, out);
	if (rc != PW_OK || out->resumed)
		return rc;
	/* The row becomes visible to other sweeps only at the commit, when its
	 * lock is already held: no one can take a starting run for a dead one. */
	rc = pw_db_begin(db);
	if (rc == PW_OK) {
		struct pw_db_param p[] = {date_param(as_of, d), PW_P_TEXT(host)};
		rc = pw_db_exec(db, insert_sql, p, PW_ARRAY_LEN(p), NULL, &id);
	}
	if (rc == PW_OK)
		rc = take_run_lock(db, (long long)id, &got);
	if (rc == PW_OK && !got)
		rc = PW_ERR_CONFLICT;
	if (rc == PW_OK)
		rc = pw_db_commit(db);
	if (rc != PW_OK) {
		pw_db_rollback(db);
		return rc;
	}
	out->id = (long long)id;
	return PW_OK;
}

int pw_exit_sweep_run_progress(struct pw_db *db, const struct pw_sweep_run *run)
{
	static const char sql[] = "UPDATE sweep_runs SET last_enrollment_id = ?, examined = ?, "
	                          "exited = ? WHERE id = ?";
	struct pw_db_param p[] = {PW_P_INT(run->last_enrollment_id), PW_P_INT(run->examined),
	                          PW_P_INT(run->exited), PW_P_INT(run->id)};

	return pw_db_exec(db, sql, p, PW_ARRAY_LEN(p), NULL, NULL);
}

int pw_exit_sweep_run_finish(struct pw_db *db, const struct pw_sweep_run *run)
{
	static const char sql[] = "UPDATE sweep_runs SET finished_at = UTC_TIMESTAMP(6), "
	                          "last_enrollment_id = ?, examined = ?, exited = ? WHERE id = ?";
	static const char release_sql[] = "SELECT RELEASE_LOCK(CONCAT('pathway.sweep.', ?))";
	struct pw_db_param p[] = {PW_P_INT(run->last_enrollment_id), PW_P_INT(run->examined),
	                          PW_P_INT(run->exited), PW_P_INT(run->id)};
	struct pw_db_param q[] = {PW_P_INT(run->id)};
	struct pw_db_rows *r = NULL;
	int rc = pw_db_exec(db, sql, p, PW_ARRAY_LEN(p), NULL, NULL);

	if (rc == PW_OK)
		rc = pw_db_query(db, release_sql, q, 1, &r);
	pw_db_rows_free(r);
	return rc;
}

/* ---- the watch list ------------------------------------------------------ */

int pw_exit_watch_list(struct pw_db *db, const struct pw_scope_filter *scope,
                       long long case_manager, pw_date latest_l, pw_date after_l,
                       long long after_id, int limit, struct pw_db_rows **out)
{
	static const char sql[] =
	        "SELECT e.id, e.participant_id, pa.first_name, pa.last_name, e.program_id, "
	        "p.name, e.location_id, e.case_manager_user_id, cm.display_name, "
	        "MAX(COALESCE(s.end_date, s.start_date)) AS l FROM enrollments e "
	        "JOIN participants pa ON pa.id = e.participant_id "
	        "JOIN programs p ON p.id = e.program_id "
	        "JOIN services s ON s.enrollment_id = e.id AND s.status <> 'deleted' "
	        "JOIN program_service_types t ON t.id = s.service_type_id "
	        "LEFT JOIN users cm ON cm.id = e.case_manager_user_id "
	        "WHERE e.status = 'enrolled' AND " QUALIFYING "AND (? = 1 OR e.location_id IN "
	        "  (SELECT ul.location_id FROM user_locations ul WHERE ul.user_id = ?)) "
	        "AND (? = 0 OR e.participant_id = ?) "
	        "AND (? = 0 OR e.case_manager_user_id = ?) "
	        "GROUP BY e.id, e.participant_id, pa.first_name, pa.last_name, e.program_id, "
	        "p.name, e.location_id, e.case_manager_user_id, cm.display_name "
	        "HAVING SUM(s.status IN ('open', 'planned')) = 0 AND l <= ? "
	        "AND (? IS NULL OR l > ? OR (l = ? AND e.id > ?)) "
	        "ORDER BY l, e.id LIMIT ?";
	char dl[PW_DATE_STRLEN], a1[PW_DATE_STRLEN], a2[PW_DATE_STRLEN], a3[PW_DATE_STRLEN];
	struct pw_db_param p[] = {
	        PW_P_INT(scope->all),
	        PW_P_INT(scope->user_id),
	        PW_P_INT(scope->participant_id),
	        PW_P_INT(scope->participant_id),
	        PW_P_INT(case_manager),
	        PW_P_INT(case_manager),
	        date_param(latest_l, dl),
	        date_param(after_l, a1),
	        date_param(after_l, a2),
	        date_param(after_l, a3),
	        PW_P_INT(after_id),
	        PW_P_INT(limit),
	};

	return pw_db_query(db, sql, p, PW_ARRAY_LEN(p), out);
}

/* ---- follow-up notes ------------------------------------------------------ */

int pw_exit_followup_notes(struct pw_db *db, long long enrollment_id, bool participant_only,
                           struct pw_db_rows **out)
{
	static const char sql[] =
	        "SELECT n.id, n.contact_date, n.contact_method, n.subject, n.body, n.visibility, "
	        "COALESCE(n.recipients, '[]'), n.follow_up_outcome, n.author, "
	        "DATE_FORMAT(n.created_at, '%Y-%m-%dT%H:%i:%sZ'), "
	        "(SELECT GROUP_CONCAT(d.document_id ORDER BY d.document_id) "
	        " FROM case_note_documents d WHERE d.case_note_id = n.id) "
	        "FROM case_notes n WHERE n.enrollment_id = ? AND n.note_type = 'follow_up' "
	        "AND n.addendum_of IS NULL AND (? = 0 OR n.visibility = 'participant') "
	        "ORDER BY n.contact_date, n.id";
	struct pw_db_param p[] = {PW_P_INT(enrollment_id), PW_P_INT(participant_only ? 1 : 0)};

	return pw_db_query(db, sql, p, PW_ARRAY_LEN(p), out);
}
