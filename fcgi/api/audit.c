/*
 * api/audit.c: GET /api/v1/audit?entity=...&id=... (R-ACL-3, issue 3).
 *
 * The audit trail of one record, newest first, paged. Statewide users see
 * every trail; program managers see the trails of records in their scope
 * (PW_ACL_AUDIT_READ); nobody else. Organisation and account records are
 * not tied to a location, so their trails are statewide-only; a refused
 * caller gets 404 as for any record out of reach (R-ACL-1).
 */
#include "api/api.h"

#include "api/common.h"
#include "db.h"
#include "buf.h"
#include "pw.h"
#include "store/audit.h"
#include "store/scope.h"
#include "store/session.h"

#include <stdlib.h>
#include <string.h>

/*
 * Entities whose trail may be asked for, and how their scope is found:
 * organisation records have none (statewide only); personal records are
 * scoped by their participant or enrollment (R-ACL-1). For a record below
 * those, `owner_sql` (a constant) finds its participant or enrollment id
 * from its own id; NULL when the id is the participant's or enrollment's.
 * The list and its message are built from this one table.
 */
enum scope_kind { SCOPE_NONE, SCOPE_PARTICIPANT, SCOPE_ENROLLMENT };

static const struct {
	const char *entity;
	enum scope_kind scope;
	const char *owner_sql;
} entities[] = {
	{"user", SCOPE_NONE, NULL},
	{"region", SCOPE_NONE, NULL},
	{"provider", SCOPE_NONE, NULL},
	{"office_location", SCOPE_NONE, NULL},
	{"staff_position", SCOPE_NONE, NULL},
	{"program", SCOPE_NONE, NULL},
	{"participant", SCOPE_PARTICIPANT, NULL},
	{"enrollment", SCOPE_ENROLLMENT, NULL},
	/* The post-exit quarters of an enrollment (issue 6), audited under its id. */
	{"post_exit", SCOPE_ENROLLMENT, NULL},
	{"service", SCOPE_ENROLLMENT, "SELECT enrollment_id FROM services WHERE id = ?"},
	{"goal", SCOPE_ENROLLMENT, "SELECT enrollment_id FROM goals WHERE id = ?"},
	{"case_note", SCOPE_PARTICIPANT, "SELECT participant_id FROM case_notes WHERE id = ?"},
	{"document", SCOPE_PARTICIPANT, "SELECT participant_id FROM documents WHERE id = ?"},
	/* Outcome records (issue 5). */
	{"assessment", SCOPE_PARTICIPANT, "SELECT participant_id FROM assessments WHERE id = ?"},
	{"skill_gain", SCOPE_ENROLLMENT, "SELECT enrollment_id FROM skill_gains WHERE id = ?"},
	{"credential", SCOPE_ENROLLMENT, "SELECT enrollment_id FROM credentials WHERE id = ?"},
	{"employment", SCOPE_PARTICIPANT, "SELECT participant_id FROM employment WHERE id = ?"},
	{"tracker", SCOPE_ENROLLMENT, "SELECT enrollment_id FROM trackers WHERE id = ?"},
	{"success_story", SCOPE_PARTICIPANT,
	 "SELECT participant_id FROM success_stories WHERE id = ?"},
};

/* The id of the participant or enrollment that owns record id of entity i;
 * PW_ERR_NOT_FOUND when there is no such record. */
static int owner_of(struct pw_ctx *ctx, size_t i, long long id, long long *owner)
{
	struct pw_db_param p[] = {PW_P_INT(id)};
	struct pw_db_rows *r = NULL;
	int rc;

	if (!entities[i].owner_sql) {
		*owner = id;
		return PW_OK;
	}
	rc = pw_db_query(ctx->db, entities[i].owner_sql, p, 1, &r);
	if (rc != PW_OK)
		return rc;
	rc = r->nrows == 1 ? PW_OK : PW_ERR_NOT_FOUND;
	if (rc == PW_OK)
		*owner = pw_db_cell_int(r, 0, 0, 0);
	pw_db_rows_free(r);
	return rc;
}

static const struct api_col cols[] = {
	{"id", API_INT},	 {"occurred_at", API_STR}, {"actor_user_id", API_INT},
	{"actor", API_STR},	 {"request_id", API_STR},  {"action", API_STR},
	{"before", API_JSON}, {"after", API_JSON},	   {"reason", API_STR},
};

void api_audit_list(struct pw_ctx *ctx)
{
	const char *entity = pw_request_query(ctx->req, "entity");
	const char *idtext = pw_request_query(ctx->req, "id");
	struct pw_db_rows *rows = NULL;
	json_object *items, *details = NULL;
	long long id = 0, after = 0, last = 0, owner = 0;
	int limit, known = -1, rc;
	char *end = NULL;
	struct pw_acl_scope scope;

	for (size_t i = 0; entity && i < PW_ARRAY_LEN(entities); i++)
		if (!strcmp(entity, entities[i].entity))
			known = (int)i;
	if (known < 0) {
		struct pw_buf msg;
		pw_buf_init(&msg, 4096);
		pw_buf_appends(&msg, "must be one of:");
		for (size_t i = 0; i < PW_ARRAY_LEN(entities); i++)
			pw_buf_printf(&msg, "%s %s", i ? "," : "", entities[i].entity);
		details = pw_details_new();
		pw_details_add(details, "entity", msg.data ? msg.data : "is unknown", NULL);
		pw_buf_free(&msg);
	}
	if (idtext)
		id = strtoll(idtext, &end, 10);
	if (!idtext || *end || id < 1) {
		if (!details)
			details = pw_details_new();
		pw_details_add(details, "id", "must be the record's id", NULL);
	}
	if (details) {
		pw_response_error(ctx->res, 400, "bad_query", "Say which record's trail to show.",
				  details);
		return;
	}
	if (api_page_params(ctx, &limit, &after))
		return;
	memset(&scope, 0, sizeof(scope));
	rc = entities[known].scope == SCOPE_NONE ? PW_OK : owner_of(ctx, (size_t)known, id, &owner);
	if (rc == PW_OK && entities[known].scope == SCOPE_PARTICIPANT)
		rc = pw_scope_participant(ctx->db, ctx->arena, owner, &scope);
	else if (rc == PW_OK && entities[known].scope == SCOPE_ENROLLMENT)
		rc = pw_scope_enrollment(ctx->db, ctx->arena, owner, &scope, NULL);
	if (rc != PW_OK && rc != PW_ERR_NOT_FOUND) {
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	if (!pw_acl_allows(&ctx->session->principal, PW_ACL_AUDIT_READ,
			   entities[known].scope == SCOPE_NONE ? NULL : &scope)) {
		api_not_found(ctx);
		return;
	}
	rc = pw_audit_list(ctx->db, entity, id, after, limit, &rows);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	items = json_object_new_array();
	for (size_t r = 0; r < rows->nrows; r++) {
		json_object_array_add(items, api_row_json(rows, r, cols, PW_ARRAY_LEN(cols)));
		last = pw_db_cell_int(rows, r, 0, 0);
	}
	pw_db_rows_free(rows);
	api_page_answer(ctx, items, limit, last);
}
