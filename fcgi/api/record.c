/*
 * api/record.c: creating, changing and removing a versioned record in one
 * transaction with its audit row (see record.h).
 */
#include "api/record.h"

#include "api/common.h"
#include "api/outcomes.h"
#include "db.h"
#include "gate.h"
#include "pw.h"
#include "rules/acl.h"
#include "store/audit.h"

int record_load(struct pw_ctx *ctx, const struct record_kind *k, long long id,
                struct pw_db_rows **rows)
{
	int rc = k->get(ctx->db, id, rows);

	if (rc != PW_OK) {
		*rows = NULL;
		pw_response_error_rc(ctx->res, rc);
		return -1;
	}
	if ((*rows)->nrows != 1) {
		pw_db_rows_free(*rows);
		*rows = NULL;
		api_not_found(ctx);
		return -1;
	}
	return 0;
}

/* Record id as JSON (a new object) with its version, read back after a
 * write; NULL, with the response filled, when it cannot be read. */
static json_object *load_json(struct pw_ctx *ctx, const struct record_kind *k, long long id,
                              void *arg, long long *version)
{
	struct pw_db_rows *rows = NULL;
	json_object *o;

	if (record_load(ctx, k, id, &rows))
		return NULL;
	o = k->json(rows, 0, arg);
	*version = pw_db_cell_int(rows, 0, k->version_col, 0);
	pw_db_rows_free(rows);
	return o;
}

/* R-ACL-1: write access to the enrollment or participant the record is
 * written under; 0, or -1 with 404/403 in the response. */
static int write_access(struct pw_ctx *ctx, const struct record_kind *k, long long parent_id)
{
	if (k->parent == RECORD_UNDER_PARTICIPANT)
		return api_authorize_participant(ctx, parent_id, PW_ACL_WRITE);
	return api_authorize_enrollment(ctx, parent_id, PW_ACL_WRITE, NULL);
}

void record_create(struct pw_ctx *ctx, const struct record_kind *k, long long parent_id, void *arg)
{
	long long id = 0, version = 0;
	json_object *after = NULL;
	struct pw_actor who;
	int rc = pw_db_begin(ctx->db);

	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		goto out;
	}
	if (k->check_create && k->check_create(ctx, parent_id, arg))
		goto out;
	pw_gate_actor(ctx, &who);
	rc = k->insert(ctx, parent_id, arg, &id);
	if (rc == PW_OK && !(after = load_json(ctx, k, id, arg, &version)))
		rc = PW_ERR_DB;
	if (rc == PW_OK)
		rc = pw_audit_write(ctx->db, &who, k->entity, id, "create", NULL,
		                    api_json_text(ctx, after), NULL);
	rc = api_finish(ctx, rc);
	if (rc != PW_OK) {
		/* Nothing refers to a record that is not there yet: no 409. */
		outcomes_write_failed(ctx, rc, NULL, NULL);
		goto out;
	}
	api_etag(ctx, version);
	pw_response_header(ctx->res, "Location", "%s%lld", k->location, id);
	pw_response_json(ctx->res, 201, after);
	after = NULL; /* the response owns it */
out:
	/* Every path that did not commit rolls back; after a commit this is a
	 * no-op. */
	pw_db_rollback(ctx->db);
	json_object_put(after);
}

void record_change(struct pw_ctx *ctx, const struct record_kind *k, int deleting, void *arg)
{
	long long id = ctx->ids[0], parent, newv = 0;
	struct pw_db_rows *rows = NULL;
	json_object *before = NULL, *after = NULL;
	struct pw_actor who;
	int version = 0, rc;

	if (api_if_match(ctx, &version))
		return;
	rc = pw_db_begin(ctx->db);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	if (record_load(ctx, k, id, &rows))
		goto out;
	parent = pw_db_cell_int(rows, 0, k->parent_col, 0);
	if (k->authorize ? k->authorize(ctx, rows, parent) : write_access(ctx, k, parent))
		goto out;
	/* Access first: a version says nothing to someone who may not see
	 * the record (R-ACL-1). */
	if (pw_db_cell_int(rows, 0, k->version_col, 0) != version) {
		pw_response_error_rc(ctx->res, PW_ERR_STALE);
		goto out;
	}
	rc = k->prepare(ctx, parent, rows, arg);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		goto out;
	}
	before = k->json(rows, 0, arg);
	pw_gate_actor(ctx, &who);
	if (deleting) {
		rc = k->remove(ctx->db, id, version);
	} else {
		if (k->check_update(ctx, arg))
			goto out;
		rc = k->update(ctx, id, version, arg);
		if (rc == PW_OK && !(after = load_json(ctx, k, id, arg, &newv)))
			rc = PW_ERR_DB;
	}
	if (rc == PW_OK)
		rc = pw_audit_write(ctx->db, &who, k->entity, id, deleting ? "delete" : "update",
		                    api_json_text(ctx, before), api_json_text(ctx, after), NULL);
	rc = api_finish(ctx, rc);
	if (rc != PW_OK) {
		outcomes_write_failed(ctx, rc, k->in_use_code, k->in_use_message);
	} else if (deleting) {
		pw_response_no_content(ctx->res);
	} else {
		api_etag(ctx, newv);
		pw_response_json(ctx->res, 200, after);
		after = NULL; /* the response owns it */
	}
out:
	/* Every path that did not commit rolls back; after a commit this is a
	 * no-op. */
	pw_db_rollback(ctx->db);
	json_object_put(before);
	json_object_put(after);
	pw_db_rows_free(rows);
}
