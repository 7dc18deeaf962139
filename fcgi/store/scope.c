/*
 * store/scope.c: loading a record's scope (see scope.h).
 */
#include "store/scope.h"

#include "arena.h"
#include "db.h"
#include "pw.h"

#include <string.h>

static int fill(struct pw_arena *a, const struct pw_db_rows *r, size_t col,
		struct pw_acl_scope *out)
{
	long long *locs = NULL;

	if (r->nrows) {
		locs = pw_arena_alloc(a, r->nrows * sizeof(*locs));
		if (!locs)
			return PW_ERR_NOMEM;
		for (size_t i = 0; i < r->nrows; i++)
			locs[i] = pw_db_cell_int(r, i, col, 0);
	}
	out->locations = locs;
	out->nlocations = r->nrows;
	return PW_OK;
}

int pw_scope_participant(struct pw_db *db, struct pw_arena *a, long long id,
			 struct pw_acl_scope *out)
{
	/* One row per location (or one row with NULL when not enrolled anywhere). */
	static const char sql[] = "SELECT p.id, e.location_id FROM participants p "
				  "LEFT JOIN enrollments e ON e.participant_id = p.id "
				  "WHERE p.id = ? GROUP BY p.id, e.location_id";
	struct pw_db_param p[] = {PW_P_INT(id)};
	struct pw_db_rows *r = NULL;
	int rc = pw_db_query(db, sql, p, 1, &r);

	if (rc != PW_OK)
		return rc;
	memset(out, 0, sizeof(*out));
	if (r->nrows == 0) {
		rc = PW_ERR_NOT_FOUND;
	} else {
		out->participant_id = id;
		if (pw_db_cell(r, 0, 1) == NULL)
			r->nrows = 0; /* no enrollment: no location */
		rc = fill(a, r, 1, out);
	}
	pw_db_rows_free(r);
	return rc;
}

int pw_scope_enrollment(struct pw_db *db, struct pw_arena *a, long long id,
			struct pw_acl_scope *out, long long *participant_id)
{
	static const char sql[] = "SELECT participant_id, location_id FROM enrollments "
				  "WHERE id = ?";
	struct pw_db_param p[] = {PW_P_INT(id)};
	struct pw_db_rows *r = NULL;
	int rc = pw_db_query(db, sql, p, 1, &r);

	if (rc != PW_OK)
		return rc;
	memset(out, 0, sizeof(*out));
	if (r->nrows != 1) {
		rc = PW_ERR_NOT_FOUND;
	} else {
		out->participant_id = pw_db_cell_int(r, 0, 0, 0);
		if (participant_id)
			*participant_id = out->participant_id;
		rc = fill(a, r, 1, out);
	}
	pw_db_rows_free(r);
	return rc;
}

void pw_scope_filter_of(const struct pw_principal *p, struct pw_scope_filter *out)
{
	out->all = p->role == PW_ROLE_STATEWIDE;
	out->user_id = p->user_id;
	out->participant_id = p->role == PW_ROLE_CUSTOMER ? p->participant_id : 0;
}
