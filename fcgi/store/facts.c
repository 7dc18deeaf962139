/*
 * store/facts.c: loading one enrollment's facts for the exit-side rules (see
 * facts.h). One query per part; every string is copied into the caller's
 * arena so the result sets are freed before returning. Codes the rules do
 * not know (a status the schema should have refused) make the load fail
 * with PW_ERR_DB rather than be guessed at, except tracker and goal codes,
 * which come from other modules' tables: an unknown tracker type is left
 * out, and unknown statuses read as "none", which the checklist reports.
 */
#include "store/facts.h"

#include "arena.h"
#include "db.h"
#include "pw.h"
#include "store/outcome.h"

#include <string.h>

/* Column order of the enrollment query. */
enum {
	E_ID,
	E_PARTICIPANT,
	E_PROGRAM,
	E_LOCATION,
	E_CASE_MANAGER,
	E_VERSION,
	E_STATUS,
	E_EXIT_KIND,
	E_EXIT_DATE,
	E_PARTICIPATION,
	E_EXCLUSION,
	E_EXITED_BY,
	E_EXITED_AT,
	E_EXIT_REASON,
	E_SCHOOL,
	E_COMMENTS,
	E_ISETS,
	E_COMPLETION,
	E_OUTCOME,
	E_COMPLETION_DATE,
};

#define ENROLLMENT_SQL                                                                             \
	"SELECT id, participant_id, program_id, location_id, case_manager_user_id, version, "      \
	"status, exit_kind, exit_date, participation_date, exclusion_reason, exited_by, "          \
	"DATE_FORMAT(exited_at, '%Y-%m-%dT%H:%i:%sZ'), exit_reason, school_status_at_exit, "       \
	"exit_comments, isets_program, completion_status, outcome_reason, "                        \
	"program_completion_date FROM enrollments WHERE id = ?"

/* Copies a cell into the arena; NULL stays NULL. Sets *failed when out of
 * memory. */
static const char *dup_cell(struct pw_arena *a, const struct pw_db_rows *r, size_t row, size_t col,
                            int *failed)
{
	const char *v = pw_db_cell(r, row, col);
	char *copy;

	if (v == NULL)
		return NULL;
	copy = pw_arena_strndup(a, v, r->lens[row * r->ncols + col]);
	if (copy == NULL)
		*failed = 1;
	return copy;
}

/* Zeroed room for n elements of size sz in the arena (at least one, since
 * the arena may answer NULL for 0 bytes). */
static void *room(struct pw_arena *a, size_t n, size_t sz)
{
	return pw_arena_alloc(a, (n ? n : 1) * sz);
}

static int load_enrollment(struct pw_db *db, struct pw_arena *a, long long id, bool lock,
                           struct pw_facts *out)
{
	static const char sql[] = ENROLLMENT_SQL;
	static const char sql_lock[] = ENROLLMENT_SQL " FOR UPDATE";
	struct pw_db_param p[] = {PW_P_INT(id)};
	struct pw_db_rows *r = NULL;
	int rc = pw_db_query(db, lock ? sql_lock : sql, p, 1, &r), failed = 0;
	struct pw_exit_fields *x = &out->stored;

	if (rc != PW_OK)
		return rc;
	if (r->nrows != 1) {
		rc = PW_ERR_NOT_FOUND;
		goto out;
	}
	out->enrollment_id = pw_db_cell_int(r, 0, E_ID, 0);
	out->participant_id = pw_db_cell_int(r, 0, E_PARTICIPANT, 0);
	out->program_id = pw_db_cell_int(r, 0, E_PROGRAM, 0);
	out->location_id = pw_db_cell_int(r, 0, E_LOCATION, 0);
	out->case_manager_user_id = pw_db_cell_int(r, 0, E_CASE_MANAGER, 0);
	out->version = (int)pw_db_cell_int(r, 0, E_VERSION, 0);
	if (pw_exit_enrollment_status_from_code(pw_db_cell(r, 0, E_STATUS), &out->status) !=
	    PW_OK) {
		rc = PW_ERR_DB;
		goto out;
	}
	out->exited = pw_exit_enrollment_is_closed(out->status);
	out->exit_kind = PW_EXIT_REGULAR;
	if (out->exited &&
	    pw_exit_kind_from_code(pw_db_cell(r, 0, E_EXIT_KIND), &out->exit_kind) != PW_OK) {
		rc = PW_ERR_DB;
		goto out;
	}
	rc = pw_outcome_cell_date(r, 0, E_EXIT_DATE, &out->exit_date);
	if (rc == PW_OK)
		rc = pw_outcome_cell_date(r, 0, E_PARTICIPATION, &out->participation_date);
	if (rc == PW_OK)
		rc = pw_outcome_cell_date(r, 0, E_COMPLETION_DATE, &x->program_completion_date);
	if (rc != PW_OK)
		goto out;
	out->exclusion_reason = dup_cell(a, r, 0, E_EXCLUSION, &failed);
	out->exited_by = dup_cell(a, r, 0, E_EXITED_BY, &failed);
	out->exited_at = dup_cell(a, r, 0, E_EXITED_AT, &failed);
	x->exit_date = out->exit_date;
	x->exit_reason = dup_cell(a, r, 0, E_EXIT_REASON, &failed);
	x->school_status = dup_cell(a, r, 0, E_SCHOOL, &failed);
	x->comments = dup_cell(a, r, 0, E_COMMENTS, &failed);
	x->isets_program = dup_cell(a, r, 0, E_ISETS, &failed);
	x->completion_status = dup_cell(a, r, 0, E_COMPLETION, &failed);
	x->outcome_reason = dup_cell(a, r, 0, E_OUTCOME, &failed);
	if (failed)
		rc = PW_ERR_NOMEM;
out:
	pw_db_rows_free(r);
	return rc;
}

/* R-SVC-2: each service takes its type's flags and display name from the
 * profile's catalog. A type missing from the catalog (it cannot be: the
 * foreign key points into the program's own catalog) keeps no flags and
 * so never qualifies. */
static int load_services(struct pw_db *db, struct pw_arena *a, struct pw_facts *out)
{
	static const char sql[] = "SELECT id, service_type_id, status, start_date, end_date "
	                          "FROM services WHERE enrollment_id = ? ORDER BY id";
	struct pw_db_param p[] = {PW_P_INT(out->enrollment_id)};
	struct pw_db_rows *r = NULL;
	int rc = pw_db_query(db, sql, p, 1, &r);

	if (rc != PW_OK)
		return rc;
	out->services = room(a, r->nrows, sizeof(*out->services));
	if (out->services == NULL) {
		rc = PW_ERR_NOMEM;
		goto out;
	}
	for (size_t i = 0; i < r->nrows && rc == PW_OK; i++) {
		struct pw_service *s = &out->services[i];
		const struct pw_service_type_row *t =
		        pw_program_service_type(out->profile, pw_db_cell_int(r, i, 1, 0));

		s->id = pw_db_cell_int(r, i, 0, 0);
		if (t != NULL) {
			s->name = t->name;
			s->type = t->flags;
		}
		if (pw_service_status_from_code(pw_db_cell(r, i, 2), &s->status) != PW_OK)
			rc = PW_ERR_DB;
		if (rc == PW_OK)
			rc = pw_outcome_cell_date(r, i, 3, &s->start);
		if (rc == PW_OK)
			rc = pw_outcome_cell_date(r, i, 4, &s->end);
	}
	out->n_services = r->nrows;
out:
	pw_db_rows_free(r);
	return rc;
}

/* R-CHK-3: a goal's progress is its C-Work progress when set, else its
 * workNet status ("complete" is COMPLETED). */
static enum pw_goal_progress goal_progress(const char *status, const char *progress)
{
	enum pw_goal_progress g;

	if (progress != NULL && pw_checklist_goal_progress_from_code(progress, &g) == PW_OK)
		return g;
	if (status != NULL && strcmp(status, "complete") == 0)
		return PW_GOAL_COMPLETED;
	if (status != NULL && strcmp(status, "on_track") == 0)
		return PW_GOAL_ON_TRACK;
	if (status != NULL && strcmp(status, "off_track") == 0)
		return PW_GOAL_OFF_TRACK;
	return PW_GOAL_NOT_STARTED;
}

static int load_goals(struct pw_db *db, struct pw_arena *a, struct pw_facts *out)
{
	static const char sql[] = "SELECT id, statement, status, progress, actual_completion_date "
	                          "FROM goals WHERE enrollment_id = ? ORDER BY id";
	struct pw_db_param p[] = {PW_P_INT(out->enrollment_id)};
	struct pw_db_rows *r = NULL;
	int rc = pw_db_query(db, sql, p, 1, &r), failed = 0;

	if (rc != PW_OK)
		return rc;
	out->goals = room(a, r->nrows, sizeof(*out->goals));
	if (out->goals == NULL) {
		rc = PW_ERR_NOMEM;
		goto out;
	}
	for (size_t i = 0; i < r->nrows && rc == PW_OK; i++) {
		struct pw_goal *g = &out->goals[i];

		g->id = pw_db_cell_int(r, i, 0, 0);
		g->name = dup_cell(a, r, i, 1, &failed);
		g->progress = goal_progress(pw_db_cell(r, i, 2), pw_db_cell(r, i, 3));
		rc = pw_outcome_cell_date(r, i, 4, &g->actual_completion);
	}
	out->n_goals = r->nrows;
	if (rc == PW_OK && failed)
		rc = PW_ERR_NOMEM;
out:
	pw_db_rows_free(r);
	return rc;
}

static int load_trackers(struct pw_db *db, struct pw_arena *a, struct pw_facts *out)
{
	static const char sql[] =
	        "SELECT id, tracker_type, status, stage, tracker_date, end_date, end_reason, "
	        "end_details, course_name, created_on FROM trackers WHERE enrollment_id = ? "
	        "ORDER BY id";
	struct pw_db_param p[] = {PW_P_INT(out->enrollment_id)};
	struct pw_db_rows *r = NULL;
	int rc = pw_db_query(db, sql, p, 1, &r), failed = 0;
	size_t n = 0;

	if (rc != PW_OK)
		return rc;
	out->trackers = room(a, r->nrows, sizeof(*out->trackers));
	if (out->trackers == NULL) {
		rc = PW_ERR_NOMEM;
		goto out;
	}
	for (size_t i = 0; i < r->nrows && rc == PW_OK; i++) {
		struct pw_tracker *t = &out->trackers[n];

		if (pw_checklist_tracker_type_from_code(pw_db_cell(r, i, 1), &t->type) != PW_OK)
			continue;
		t->id = pw_db_cell_int(r, i, 0, 0);
		if (pw_checklist_tracker_status_from_code(pw_db_cell(r, i, 2), &t->status) != PW_OK)
			t->status = PW_TRACKER_STATUS_NONE;
		if (pw_checklist_tracker_stage_from_code(pw_db_cell(r, i, 3), &t->stage) != PW_OK)
			t->stage = PW_TRACKER_STAGE_NONE;
		rc = pw_outcome_cell_date(r, i, 4, &t->date);
		if (rc == PW_OK)
			rc = pw_outcome_cell_date(r, i, 5, &t->end_date);
		if (rc == PW_OK)
			rc = pw_outcome_cell_date(r, i, 9, &t->created);
		t->end_reason = dup_cell(a, r, i, 6, &failed);
		t->end_details = dup_cell(a, r, i, 7, &failed);
		t->name = dup_cell(a, r, i, 8, &failed);
		n++;
	}
	out->n_trackers = n;
	if (rc == PW_OK && failed)
		rc = PW_ERR_NOMEM;
out:
	pw_db_rows_free(r);
	return rc;
}

static int load_counts(struct pw_db *db, pw_date as_of, struct pw_facts *out)
{
	static const char sql[] =
	        "SELECT (SELECT COUNT(*) FROM skill_gains WHERE enrollment_id = ? "
	        "AND date_attained <= ?), (SELECT COUNT(*) FROM credentials "
	        "WHERE enrollment_id = ? AND date_attained <= ?)";
	char d[PW_DATE_STRLEN];
	struct pw_db_param p[4];
	struct pw_db_rows *r = NULL;
	int rc;

	pw_date_format(as_of, d);
	p[0] = PW_P_INT(out->enrollment_id);
	p[1] = PW_P_TEXT(d);
	p[2] = PW_P_INT(out->enrollment_id);
	p[3] = PW_P_TEXT(d);
	rc = pw_db_query(db, sql, p, PW_ARRAY_LEN(p), &r);
	if (rc != PW_OK)
		return rc;
	if (r->nrows == 1) {
		out->n_skill_gains = (size_t)pw_db_cell_int(r, 0, 0, 0);
		out->n_credentials = (size_t)pw_db_cell_int(r, 0, 1, 0);
	}
	pw_db_rows_free(r);
	return PW_OK;
}

static int load_jobs(struct pw_db *db, struct pw_arena *a, pw_date as_of, struct pw_facts *out)
{
	static const char sql[] = "SELECT id, employer, job_title, start_date, end_date "
	                          "FROM employment WHERE participant_id = ? AND start_date <= ? "
	                          "ORDER BY start_date, id";
	char d[PW_DATE_STRLEN];
	struct pw_db_param p[2];
	struct pw_db_rows *r = NULL;
	int rc, failed = 0;

	pw_date_format(as_of, d);
	p[0] = PW_P_INT(out->participant_id);
	p[1] = PW_P_TEXT(d);
	rc = pw_db_query(db, sql, p, 2, &r);
	if (rc != PW_OK)
		return rc;
	out->job_info = room(a, r->nrows, sizeof(*out->job_info));
	out->jobs = room(a, r->nrows, sizeof(*out->jobs));
	if (out->job_info == NULL || out->jobs == NULL) {
		rc = PW_ERR_NOMEM;
		goto out;
	}
	for (size_t i = 0; i < r->nrows && rc == PW_OK; i++) {
		struct pw_facts_job *j = &out->job_info[i];

		j->id = pw_db_cell_int(r, i, 0, 0);
		j->employer = dup_cell(a, r, i, 1, &failed);
		j->job_title = dup_cell(a, r, i, 2, &failed);
		rc = pw_outcome_cell_date(r, i, 3, &j->start);
		if (rc == PW_OK)
			rc = pw_outcome_cell_date(r, i, 4, &j->end);
		/* As of as_of, a job that ends later is still held: the rules
		 * see it without an end, so nothing after as_of counts
		 * (R-EMP-2, R-DATE-4). job_info keeps the recorded end. */
		out->jobs[i].id = j->id;
		out->jobs[i].start = j->start;
		out->jobs[i].end =
		        pw_date_is_valid(j->end) && j->end > as_of ? PW_DATE_NONE : j->end;
	}
	out->n_jobs = r->nrows;
	if (rc == PW_OK && failed)
		rc = PW_ERR_NOMEM;
out:
	pw_db_rows_free(r);
	return rc;
}

/* R-FUP-1: the follow-up contacts are the enrollment's follow-up case notes
 * (addenda amend a note, they are not contacts of their own). */
static int load_contacts(struct pw_db *db, struct pw_arena *a, struct pw_facts *out)
{
	static const char sql[] =
	        "SELECT id, contact_date, follow_up_outcome FROM case_notes "
	        "WHERE enrollment_id = ? AND note_type = 'follow_up' AND addendum_of IS NULL "
	        "AND contact_date IS NOT NULL AND follow_up_outcome IS NOT NULL "
	        "ORDER BY contact_date, id";
	struct pw_db_param p[] = {PW_P_INT(out->enrollment_id)};
	struct pw_db_rows *r = NULL;
	int rc = pw_db_query(db, sql, p, 1, &r);
	size_t n = 0;

	if (rc != PW_OK)
		return rc;
	out->contacts = room(a, r->nrows, sizeof(*out->contacts));
	if (out->contacts == NULL) {
		rc = PW_ERR_NOMEM;
		goto out;
	}
	for (size_t i = 0; i < r->nrows && rc == PW_OK; i++) {
		struct pw_followup_contact *c = &out->contacts[n];

		if (pw_followup_outcome_from_code(pw_db_cell(r, i, 2), &c->outcome) != PW_OK)
			continue;
		c->id = pw_db_cell_int(r, i, 0, 0);
		rc = pw_outcome_cell_date(r, i, 1, &c->date);
		n++;
	}
	out->n_contacts = n;
out:
	pw_db_rows_free(r);
	return rc;
}

/* The profile's reason codes as the checklist takes them. */
static int reason_codes(struct pw_arena *a, struct pw_facts *out)
{
	const struct pw_profile *p = out->profile;

	out->exit_reason_codes = room(a, p->n_exit_reasons, sizeof(*out->exit_reason_codes));
	if (out->exit_reason_codes == NULL)
		return PW_ERR_NOMEM;
	for (size_t i = 0; i < p->n_exit_reasons; i++)
		out->exit_reason_codes[i] = p->exit_reasons[i].code;
	out->n_exit_reason_codes = p->n_exit_reasons;
	return PW_OK;
}

int pw_facts_load(struct pw_db *db, struct pw_arena *a, long long enrollment_id, unsigned parts,
                  pw_date as_of, const struct pw_profile *profile, struct pw_facts *out)
{
	struct pw_profile *loaded;
	int rc;

	memset(out, 0, sizeof(*out));
	rc = load_enrollment(db, a, enrollment_id, (parts & PW_FACTS_LOCK) != 0, out);
	if (rc != PW_OK)
		return rc;
	if (profile == NULL || profile->id != out->program_id) {
		loaded = pw_arena_alloc(a, sizeof(*loaded));
		if (loaded == NULL)
			return PW_ERR_NOMEM;
		rc = pw_program_load(db, a, out->program_id, loaded);
		if (rc != PW_OK)
			return rc == PW_ERR_NOT_FOUND ? PW_ERR_DB : rc;
		profile = loaded;
	}
	out->profile = profile;
	rc = reason_codes(a, out);
	if (rc == PW_OK)
		rc = load_services(db, a, out);
	if (rc == PW_OK && (parts & PW_FACTS_GOALS))
		rc = load_goals(db, a, out);
	if (rc == PW_OK && (parts & PW_FACTS_TRACKERS))
		rc = load_trackers(db, a, out);
	if (rc == PW_OK && (parts & PW_FACTS_COUNTS))
		rc = load_counts(db, as_of, out);
	if (rc == PW_OK && (parts & PW_FACTS_JOBS))
		rc = load_jobs(db, a, as_of, out);
	if (rc == PW_OK && (parts & PW_FACTS_CONTACTS))
		rc = load_contacts(db, a, out);
	return rc;
}

void pw_facts_exit_view(const struct pw_facts *f, struct pw_exit_facts *out)
{
	memset(out, 0, sizeof(*out));
	out->status = f->status;
	out->exit_kind = f->exit_kind;
	out->exit_date = f->exit_date;
	out->participation_date = f->participation_date;
	out->services = f->services;
	out->n_services = f->n_services;
	out->supportive_extends_exit = f->profile->supportive_extends_exit;
}

void pw_facts_exit_profile(const struct pw_profile *p, struct pw_exit_profile *out)
{
	memset(out, 0, sizeof(*out));
	out->hard_reasons = p->hard_reasons;
	out->n_hard_reasons = p->n_hard_reasons;
	out->hard_needs_document = p->hard_needs_document;
	out->offers_not_enrolled = p->offers_not_enrolled;
}

void pw_facts_checklist_view(const struct pw_facts *f, const struct pw_exit_fields *proposed,
                             pw_date as_of, struct pw_checklist_facts *out)
{
	memset(out, 0, sizeof(*out));
	out->services = f->services;
	out->n_services = f->n_services;
	out->supportive_extends_exit = f->profile->supportive_extends_exit;
	out->goals = f->goals;
	out->n_goals = f->n_goals;
	out->trackers = f->trackers;
	out->n_trackers = f->n_trackers;
	out->n_skill_gains = f->n_skill_gains;
	out->n_credentials = f->n_credentials;
	out->exit = proposed != NULL ? *proposed : f->stored;
	out->exit_reasons = f->exit_reason_codes;
	out->n_exit_reasons = f->n_exit_reason_codes;
	out->participation_date = f->participation_date;
	out->fy_start_month = f->profile->fiscal_year_start_month;
	out->as_of = as_of;
}

void pw_facts_followup_view(const struct pw_facts *f, struct pw_followup_facts *out)
{
	memset(out, 0, sizeof(*out));
	if (pw_followup_rule_from_code(f->profile->follow_up_rule, &out->rule) != PW_OK)
		out->rule = PW_FOLLOWUP_RULE_NONE;
	out->status = f->status;
	out->exit_kind = f->exit_kind;
	out->exit_date = f->exit_date;
	out->jobs = f->jobs;
	out->n_jobs = f->n_jobs;
	out->contacts = f->contacts;
	out->n_contacts = f->n_contacts;
}

void pw_facts_summary_view(const struct pw_facts *f, const struct pw_followup_facts *followup,
                           pw_date as_of, struct pw_summary_facts *out)
{
	memset(out, 0, sizeof(*out));
	out->services = f->services;
	out->n_services = f->n_services;
	out->n_skill_gains = f->n_skill_gains;
	out->n_credentials = f->n_credentials;
	out->jobs = f->jobs;
	out->n_jobs = f->n_jobs;
	out->status = f->status;
	out->exit_kind = f->exit_kind;
	out->exit_date = f->exit_date;
	out->completion_status = f->exited ? f->stored.completion_status : NULL;
	out->followup = followup;
	out->as_of = as_of;
}

const struct pw_facts_job *pw_facts_job_on(const struct pw_facts *f, pw_date d)
{
	const struct pw_facts_job *best = NULL;

	for (size_t i = 0; pw_date_is_valid(d) && i < f->n_jobs; i++) {
		const struct pw_facts_job *j = &f->job_info[i];

		if (!pw_date_is_valid(j->start) || j->start > d)
			continue;
		if (pw_date_is_valid(j->end) && j->end < d)
			continue;
		if (best == NULL || j->start >= best->start)
			best = j;
	}
	return best;
}

const char *pw_facts_exit_reason_label(const struct pw_profile *p, const char *code)
{
	for (size_t i = 0; code != NULL && i < p->n_exit_reasons; i++) {
		if (p->exit_reasons[i].code != NULL && strcmp(p->exit_reasons[i].code, code) == 0)
			return p->exit_reasons[i].label;
	}
	return NULL;
}
