/*
 * store/program.c: the SQL of program profiles (see program.h).
 *
 * A profile is one programs row and four child tables. Loading takes two
 * round trips: the row, then every child row at once through one UNION ALL
 * whose first column says which table the row comes from. Writes are one
 * statement per row inside the caller's transaction; a profile has a few
 * dozen rows at most and changes rarely. Every string a loaded profile holds
 * is copied into the caller's arena, so the result sets are freed before
 * returning.
 */
#include "store/program.h"

#include "arena.h"
#include "db.h"
#include "pw.h"

#include <stdlib.h>
#include <string.h>

/* Column order of PROGRAM_ROW, used by load_row. */
enum {
	C_ID,
	C_CODE,
	C_NAME,
	C_SYSTEM,
	C_YOUTH,
	C_GROUP,
	C_FY_MONTH,
	C_SUPPORTIVE,
	C_FOLLOW_UP,
	C_HARD,
	C_HARD_DOC,
	C_NOT_ENROLLED,
	C_GRACE,
	C_SETTINGS,
	C_ACTIVE,
	C_VERSION,
};

/* Kinds of child row in the UNION ALL below (its first column). */
enum { K_CHECKLIST = 1, K_SUMMARY = 2, K_EXIT_REASON = 3, K_SERVICE_TYPE = 4 };

/* Column order of the child rows. */
enum {
	CC_KIND,
	CC_CODE,
	CC_TEXT, /* exit reason label, service type name */
	CC_REQUIRED,
	CC_ST_ID,
	CC_EXTENDS,
	CC_SUPPORTIVE,
	CC_SELF,
	CC_INFO,
	CC_FOLLOWUP,
	CC_EDU,
	CC_OJT,
	CC_AMOUNT,
	CC_ACTIVE,
};

/* Copies a cell into the arena; NULL stays NULL. *failed is set when the
 * arena is out of memory. */
static const char *cell_dup(struct pw_arena *a, const struct pw_db_rows *r, size_t row, size_t col,
                            int *failed)
{
	const char *v = pw_db_cell(r, row, col);
	char *copy;

	if (!v)
		return NULL;
	copy = pw_arena_strndup(a, v, r->lens[row * r->ncols + col]);
	if (!copy)
		*failed = 1;
	return copy;
}

static bool cell_bool(const struct pw_db_rows *r, size_t row, size_t col)
{
	return pw_db_cell_int(r, row, col, 0) != 0;
}

/* Splits the comma-separated hard-exit reasons ("01,02,03") into the arena.
 * An empty string gives no reasons. */
static int split_reasons(struct pw_arena *a, const char *s, struct pw_profile *out)
{
	size_t n = 0;
	const char **list;
	char *copy;

	out->hard_reasons = NULL;
	out->n_hard_reasons = 0;
	if (!s || !*s)
		return PW_OK;
	for (const char *p = s; *p; p++)
		n += *p == ',';
	n++;
	list = pw_arena_alloc(a, n * sizeof(*list));
	copy = pw_arena_strdup(a, s);
	if (!list || !copy)
		return PW_ERR_NOMEM;
	n = 0;
	for (char *tok = copy, *next; tok; tok = next) {
		next = strchr(tok, ',');
		if (next)
			*next++ = '\0';
		if (*tok)
			list[n++] = tok;
	}
	out->hard_reasons = list;
	out->n_hard_reasons = n;
	return PW_OK;
}

static int load_row(struct pw_arena *a, const struct pw_db_rows *r, struct pw_profile *out)
{
	int failed = 0, rc;

	out->id = pw_db_cell_int(r, 0, C_ID, 0);
	out->code = cell_dup(a, r, 0, C_CODE, &failed);
	out->name = cell_dup(a, r, 0, C_NAME, &failed);
	out->system_code = cell_dup(a, r, 0, C_SYSTEM, &failed);
	out->is_youth = cell_bool(r, 0, C_YOUTH);
	out->common_exit_group = cell_dup(a, r, 0, C_GROUP, &failed);
	out->fiscal_year_start_month = (int)pw_db_cell_int(r, 0, C_FY_MONTH, 7);
	out->supportive_extends_exit = cell_bool(r, 0, C_SUPPORTIVE);
	out->follow_up_rule = cell_dup(a, r, 0, C_FOLLOW_UP, &failed);
	out->hard_needs_document = cell_bool(r, 0, C_HARD_DOC);
	out->offers_not_enrolled = cell_bool(r, 0, C_NOT_ENROLLED);
	out->planned_grace_days = (int)pw_db_cell_int(r, 0, C_GRACE, 14);
	out->settings_json = cell_dup(a, r, 0, C_SETTINGS, &failed);
	out->active = cell_bool(r, 0, C_ACTIVE);
	out->version = (int)pw_db_cell_int(r, 0, C_VERSION, 0);
	if (failed)
		return PW_ERR_NOMEM;
	rc = split_reasons(a, pw_db_cell(r, 0, C_HARD), out);
	return rc;
}

/* Counts the child rows of each kind and allocates the profile's arrays. */
static int size_children(struct pw_arena *a, const struct pw_db_rows *r, struct pw_profile *out)
{
	size_t n[5] = {0};

	for (size_t i = 0; i < r->nrows; i++) {
		long long k = pw_db_cell_int(r, i, CC_KIND, 0);
		if (k >= K_CHECKLIST && k <= K_SERVICE_TYPE)
			n[k]++;
	}
	/* pw_arena_alloc(a, 0) may answer NULL: allocate at least one element. */
	out->checklist = pw_arena_alloc(a, (n[K_CHECKLIST] + 1) * sizeof(*out->checklist));
	out->summary = pw_arena_alloc(a, (n[K_SUMMARY] + 1) * sizeof(*out->summary));
	out->exit_reasons = pw_arena_alloc(a, (n[K_EXIT_REASON] + 1) * sizeof(*out->exit_reasons));
	out->service_types =
	        pw_arena_alloc(a, (n[K_SERVICE_TYPE] + 1) * sizeof(*out->service_types));
	if (!out->checklist || !out->summary || !out->exit_reasons || !out->service_types)
		return PW_ERR_NOMEM;
	return PW_OK;
}

static int load_children(struct pw_arena *a, const struct pw_db_rows *r, struct pw_profile *out)
{
	int failed = 0, rc = size_children(a, r, out);

	if (rc != PW_OK)
		return rc;
	for (size_t i = 0; i < r->nrows; i++) {
		switch (pw_db_cell_int(r, i, CC_KIND, 0)) {
		case K_CHECKLIST: {
			struct pw_checklist_item_def *c = &out->checklist[out->n_checklist++];
			c->code = cell_dup(a, r, i, CC_CODE, &failed);
			c->required = cell_bool(r, i, CC_REQUIRED);
			break;
		}
		case K_SUMMARY:
			out->summary[out->n_summary++] = cell_dup(a, r, i, CC_CODE, &failed);
			break;
		case K_EXIT_REASON: {
			struct pw_exit_reason_row *e = &out->exit_reasons[out->n_exit_reasons++];
			e->code = cell_dup(a, r, i, CC_CODE, &failed);
			e->label = cell_dup(a, r, i, CC_TEXT, &failed);
			break;
		}
		case K_SERVICE_TYPE: {
			struct pw_service_type_row *s = &out->service_types[out->n_service_types++];
			s->id = pw_db_cell_int(r, i, CC_ST_ID, 0);
			s->code = cell_dup(a, r, i, CC_CODE, &failed);
			s->name = cell_dup(a, r, i, CC_TEXT, &failed);
			s->flags.extends_exit = cell_bool(r, i, CC_EXTENDS);
			s->flags.supportive = cell_bool(r, i, CC_SUPPORTIVE);
			s->flags.self_service = cell_bool(r, i, CC_SELF);
			s->flags.info_only = cell_bool(r, i, CC_INFO);
			s->flags.followup = cell_bool(r, i, CC_FOLLOWUP);
			s->flags.education_training = cell_bool(r, i, CC_EDU);
			s->flags.ojt_customized = cell_bool(r, i, CC_OJT);
			s->has_amount = cell_bool(r, i, CC_AMOUNT);
			s->active = cell_bool(r, i, CC_ACTIVE);
			break;
		}
		default:
			break;
		}
	}
	return failed ? PW_ERR_NOMEM : PW_OK;
}

int pw_program_load(struct pw_db *db, struct pw_arena *a, long long id, struct pw_profile *out)
{
	static const char row_sql[] =
	        "SELECT id, code, name, system_code, is_youth, common_exit_group, "
	        "fiscal_year_start_month, supportive_extends_exit, follow_up_rule, "
	        "hard_exit_reasons, hard_exit_needs_document, offers_not_enrolled, "
	        "planned_grace_days, settings, active, version FROM programs WHERE id = ?";
	/* Ordered by kind, then display position (id breaks ties among service
	 * types, whose position is not unique). */
	static const char child_sql[] =
	        "SELECT 1 AS kind, code, NULL AS txt, required, 0 AS st_id, 0, 0, 0, 0, 0, 0, 0, "
	        "0, "
	        "0, position AS pos FROM program_checklist_items WHERE program_id = ? "
	        "UNION ALL SELECT 2, code, NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, position "
	        "FROM program_summary_items WHERE program_id = ? "
	        "UNION ALL SELECT 3, code, label, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, position "
	        "FROM program_exit_reasons WHERE program_id = ? "
	        "UNION ALL SELECT 4, code, name, 0, id, extends_exit, supportive, self_service, "
	        "info_only, followup, education_training, ojt_customized, has_amount, active, "
	        "position FROM program_service_types WHERE program_id = ? "
	        "ORDER BY kind, pos, st_id";
	struct pw_db_param p[] = {PW_P_INT(id), PW_P_INT(id), PW_P_INT(id), PW_P_INT(id)};
	struct pw_db_rows *row = NULL, *children = NULL;
	int rc;

	memset(out, 0, sizeof(*out));
	rc = pw_db_query(db, row_sql, p, 1, &row);
	if (rc != PW_OK)
		goto out;
	if (row->nrows != 1) {
		rc = PW_ERR_NOT_FOUND;
		goto out;
	}
	rc = load_row(a, row, out);
	if (rc != PW_OK)
		goto out;
	rc = pw_db_query(db, child_sql, p, 4, &children);
	if (rc != PW_OK)
		goto out;
	rc = load_children(a, children, out);
out:
	pw_db_rows_free(row);
	pw_db_rows_free(children);
	return rc;
}

const struct pw_service_type_row *pw_program_service_type(const struct pw_profile *p,
                                                          long long service_type_id)
{
	for (size_t i = 0; p && i < p->n_service_types; i++) {
		if (p->service_types[i].id == service_type_id)
			return &p->service_types[i];
	}
	return NULL;
}

const struct pw_service_type_row *pw_program_service_type_by_code(const struct pw_profile *p,
                                                                  const char *code)
{
	for (size_t i = 0; p && code && i < p->n_service_types; i++) {
		if (strcmp(p->service_types[i].code, code) == 0)
			return &p->service_types[i];
	}
	return NULL;
}

int pw_program_list(struct pw_db *db, long long after_id, int limit, struct pw_db_rows **out)
{
	static const char sql[] =
	        "SELECT id, code, name, system_code, is_youth, common_exit_group, "
	        "active, version FROM programs WHERE id > ? ORDER BY id LIMIT ?";
	struct pw_db_param p[] = {PW_P_INT(after_id), PW_P_INT(limit)};

	return pw_db_query(db, sql, p, 2, out);
}

/* The hard-exit reasons joined with commas into buf (the column's form).
 * PW_ERR_INVALID when they do not fit the column. */
static int join_reasons(const struct pw_profile *p, char *buf, size_t cap)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < p->n_hard_reasons; i++) {
		size_t len = strlen(p->hard_reasons[i]);
		if (used + len + 2 > cap)
			return PW_ERR_INVALID;
		if (i)
			buf[used++] = ',';
		memcpy(buf + used, p->hard_reasons[i], len + 1);
		used += len;
	}
	return PW_OK;
}

/* The programs row's writable columns as parameters, in the order of the
 * INSERT and UPDATE below; reasons is the joined hard-exit list. */
static void row_params(const struct pw_profile *p, const char *reasons, struct pw_db_param *v)
{
	v[0] = PW_P_TEXT(p->name);
	v[1] = PW_P_TEXT(p->system_code);
	v[2] = PW_P_INT(p->is_youth);
	v[3] = PW_P_TEXT(p->common_exit_group);
	v[4] = PW_P_INT(p->fiscal_year_start_month);
	v[5] = PW_P_INT(p->supportive_extends_exit);
	v[6] = PW_P_TEXT(p->follow_up_rule);
	v[7] = PW_P_TEXT(reasons);
	v[8] = PW_P_INT(p->hard_needs_document);
	v[9] = PW_P_INT(p->offers_not_enrolled);
	v[10] = PW_P_INT(p->planned_grace_days);
	v[11] = PW_P_TEXT(p->settings_json);
	v[12] = PW_P_INT(p->active);
}

#define ROW_PARAMS 13

/* Writes the checklist, summary and exit reasons of program id (the caller
 * has removed the old ones). Positions count from 1. */
static int insert_lists(struct pw_db *db, long long id, const struct pw_profile *p)
{
	static const char checklist_sql[] =
	        "INSERT INTO program_checklist_items "
	        "(program_id, position, code, required) VALUES (?, ?, ?, ?)";
	static const char summary_sql[] =
	        "INSERT INTO program_summary_items (program_id, position, code) VALUES (?, ?, ?)";
	static const char reason_sql[] = "INSERT INTO program_exit_reasons "
	                                 "(program_id, position, code, label) VALUES (?, ?, ?, ?)";
	int rc = PW_OK;

	for (size_t i = 0; rc == PW_OK && i < p->n_checklist; i++) {
		struct pw_db_param v[] = {PW_P_INT(id), PW_P_INT(i + 1),
		                          PW_P_TEXT(p->checklist[i].code),
		                          PW_P_INT(p->checklist[i].required)};
		rc = pw_db_exec(db, checklist_sql, v, 4, NULL, NULL);
	}
	for (size_t i = 0; rc == PW_OK && i < p->n_summary; i++) {
		struct pw_db_param v[] = {PW_P_INT(id), PW_P_INT(i + 1), PW_P_TEXT(p->summary[i])};
		rc = pw_db_exec(db, summary_sql, v, 3, NULL, NULL);
	}
	for (size_t i = 0; rc == PW_OK && i < p->n_exit_reasons; i++) {
		struct pw_db_param v[] = {PW_P_INT(id), PW_P_INT(i + 1),
		                          PW_P_TEXT(p->exit_reasons[i].code),
		                          PW_P_TEXT(p->exit_reasons[i].label)};
		rc = pw_db_exec(db, reason_sql, v, 4, NULL, NULL);
	}
	return rc;
}

/* Inserts or updates (by program and code) every service type of p. */
static int upsert_service_types(struct pw_db *db, long long id, const struct pw_profile *p)
{
	static const char sql[] =
	        "INSERT INTO program_service_types (program_id, code, name, extends_exit, "
	        "supportive, self_service, info_only, followup, education_training, "
	        "ojt_customized, has_amount, position, active) "
	        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
	        "name = VALUES(name), extends_exit = VALUES(extends_exit), "
	        "supportive = VALUES(supportive), self_service = VALUES(self_service), "
	        "info_only = VALUES(info_only), followup = VALUES(followup), "
	        "education_training = VALUES(education_training), "
	        "ojt_customized = VALUES(ojt_customized), has_amount = VALUES(has_amount), "
	        "position = VALUES(position), active = VALUES(active)";
	int rc = PW_OK;

	for (size_t i = 0; rc == PW_OK && i < p->n_service_types; i++) {
		const struct pw_service_type_row *s = &p->service_types[i];
		struct pw_db_param v[] = {
		        PW_P_INT(id),
		        PW_P_TEXT(s->code),
		        PW_P_TEXT(s->name),
		        PW_P_INT(s->flags.extends_exit),
		        PW_P_INT(s->flags.supportive),
		        PW_P_INT(s->flags.self_service),
		        PW_P_INT(s->flags.info_only),
		        PW_P_INT(s->flags.followup),
		        PW_P_INT(s->flags.education_training),
		        PW_P_INT(s->flags.ojt_customized),
		        PW_P_INT(s->has_amount),
		        PW_P_INT(i + 1),
		        PW_P_INT(s->active),
		};
		rc = pw_db_exec(db, sql, v, PW_ARRAY_LEN(v), NULL, NULL);
	}
	return rc;
}

int pw_program_create(struct pw_db *db, const struct pw_profile *p, long long *id)
{
	static const char sql[] =
	        "INSERT INTO programs (name, system_code, is_youth, common_exit_group, "
	        "fiscal_year_start_month, supportive_extends_exit, follow_up_rule, "
	        "hard_exit_reasons, hard_exit_needs_document, offers_not_enrolled, "
	        "planned_grace_days, settings, active, code) "
	        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	struct pw_db_param v[ROW_PARAMS + 1];
	unsigned long long insert_id = 0;
	char reasons[64];
	int rc = join_reasons(p, reasons, sizeof(reasons));

	if (rc != PW_OK)
		return rc;
	row_params(p, reasons, v);
	v[ROW_PARAMS] = PW_P_TEXT(p->code);
	rc = pw_db_exec(db, sql, v, PW_ARRAY_LEN(v), NULL, &insert_id);
	if (rc != PW_OK)
		return rc;
	*id = (long long)insert_id;
	rc = insert_lists(db, *id, p);
	if (rc == PW_OK)
		rc = upsert_service_types(db, *id, p);
	return rc;
}

int pw_program_replace(struct pw_db *db, long long id, int version, const struct pw_profile *p)
{
	static const char update_sql[] =
	        "UPDATE programs SET name = ?, system_code = ?, is_youth = ?, "
	        "common_exit_group = ?, fiscal_year_start_month = ?, supportive_extends_exit = ?, "
	        "follow_up_rule = ?, hard_exit_reasons = ?, hard_exit_needs_document = ?, "
	        "offers_not_enrolled = ?, planned_grace_days = ?, settings = ?, active = ?, "
	        "version = version + 1, updated_at = UTC_TIMESTAMP(6) "
	        "WHERE id = ? AND version = ?";
	static const char del_checklist[] =
	        "DELETE FROM program_checklist_items WHERE program_id = ?";
	static const char del_summary[] = "DELETE FROM program_summary_items WHERE program_id = ?";
	static const char del_reasons[] = "DELETE FROM program_exit_reasons WHERE program_id = ?";
	static const char retire_types[] =
	        "UPDATE program_service_types SET active = 0 WHERE program_id = ?";
	struct pw_db_param v[ROW_PARAMS + 2], pid[] = {PW_P_INT(id)};
	unsigned long long affected = 0;
	char reasons[64];
	int rc = join_reasons(p, reasons, sizeof(reasons));

	if (rc != PW_OK)
		return rc;
	row_params(p, reasons, v);
	v[ROW_PARAMS] = PW_P_INT(id);
	v[ROW_PARAMS + 1] = PW_P_INT(version);
	rc = pw_db_exec(db, update_sql, v, PW_ARRAY_LEN(v), &affected, NULL);
	if (rc == PW_OK && affected != 1)
		rc = PW_ERR_STALE;
	if (rc == PW_OK)
		rc = pw_db_exec(db, del_checklist, pid, 1, NULL, NULL);
	if (rc == PW_OK)
		rc = pw_db_exec(db, del_summary, pid, 1, NULL, NULL);
	if (rc == PW_OK)
		rc = pw_db_exec(db, del_reasons, pid, 1, NULL, NULL);
	if (rc == PW_OK)
		rc = insert_lists(db, id, p);
	/* Codes left out of p stay (services refer to them) but retire. */
	if (rc == PW_OK)
		rc = pw_db_exec(db, retire_types, pid, 1, NULL, NULL);
	if (rc == PW_OK)
		rc = upsert_service_types(db, id, p);
	return rc;
}
