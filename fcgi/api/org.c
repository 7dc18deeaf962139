/*
 * api/org.c: regions, providers, office locations and staff positions
 * (issue 3, "Organisation").
 *
 *   GET   /api/v1/regions            POST /api/v1/regions
 *   GET   /api/v1/regions/{id}       PATCH /api/v1/regions/{id}
 *   ... and the same for /providers, /office-locations, /staff-positions.
 *   GET   /api/v1/office-locations/{id}/staff   who works there (the choices
 *                                      for a case manager, R-ACL-1 scope)
 *
 * Every staff member may read them (forms need them as choice lists);
 * only statewide users create or change them (PW_ACL_ADMIN). Nothing is
 * deleted: a record is retired with "active": false, so history that
 * refers to it stays whole. The four share one shape, so one table of
 * field descriptions drives all of them.
 */
#include "api/api.h"

#include "api/common.h"
#include "db.h"
#include "gate.h"
#include "json_io.h"
#include "pw.h"
#include "store/audit.h"
#include "store/org.h"
#include "store/session.h"

#include <stdio.h>
#include <string.h>

enum ftype { F_STR, F_BOOL, F_ID };

struct field {
	const char *name;
	enum ftype type;
	size_t max; /* characters, for strings */
	int required;
};

struct kind {
	enum pw_org_kind kind;
	const char *entity; /* audit entity name */
	const char *label;  /* for messages */
	const struct field *fields;
	size_t nfields;
};

static const struct field region_fields[] = {
	{"code", F_STR, 32, 1},
	{"name", F_STR, 190, 1},
	{"requires_agency_code", F_BOOL, 0, 0},
	{"active", F_BOOL, 0, 0},
};
static const struct field provider_fields[] = {
	{"name", F_STR, 190, 1},
	{"agency_code", F_STR, 32, 0},
	{"active", F_BOOL, 0, 0},
};
static const struct field location_fields[] = {
	{"provider_id", F_ID, 0, 1},
	{"region_id", F_ID, 0, 1},
	{"name", F_STR, 190, 1},
	{"address", F_STR, 400, 0},
	{"active", F_BOOL, 0, 0},
};
static const struct field position_fields[] = {
	{"name", F_STR, 190, 1},
	{"active", F_BOOL, 0, 0},
};

static const struct kind kinds[] = {
	[PW_ORG_REGION] = {PW_ORG_REGION, "region", "region", region_fields, 4},
	[PW_ORG_PROVIDER] = {PW_ORG_PROVIDER, "provider", "provider", provider_fields, 3},
	[PW_ORG_LOCATION] = {PW_ORG_LOCATION, "office_location", "office location",
			     location_fields, 5},
	[PW_ORG_POSITION] = {PW_ORG_POSITION, "staff_position", "staff position",
			     position_fields, 2},
};

#define MAX_FIELDS 8

/* The JSON columns of a row: id, the fields, version, timestamps. */
static size_t columns(const struct kind *k, struct api_col *cols)
{
	size_t n = 0;

	cols[n++] = (struct api_col){"id", API_INT};
	for (size_t i = 0; i < k->nfields; i++)
		cols[n++] = (struct api_col){k->fields[i].name,
					     k->fields[i].type == F_STR    ? API_STR
					     : k->fields[i].type == F_BOOL ? API_BOOL
									   : API_INT};
	cols[n++] = (struct api_col){"version", API_INT};
	cols[n++] = (struct api_col){"created_at", API_STR};
	cols[n++] = (struct api_col){"updated_at", API_STR};
	return n;
}

static int staff_only(struct pw_ctx *ctx)
{
	if (pw_acl_is_staff(ctx->session->principal.role))
		return 0;
	api_forbidden(ctx);
	return -1;
}

static int admin_only(struct pw_ctx *ctx)
{
	if (pw_acl_allows(&ctx->session->principal, PW_ACL_ADMIN, NULL))
		return 0;
	api_forbidden(ctx);
	return -1;
}

/* Loads one record as JSON; *version gets its version. NULL with the
 * response filled when absent or on error. */
static json_object *load(struct pw_ctx *ctx, const struct kind *k, long long id, long long *version)
{
	struct api_col cols[MAX_FIELDS + 4];
	size_t n = columns(k, cols);
	struct pw_db_rows *rows = NULL;
	json_object *o = NULL;
	int rc = pw_org_get(ctx->db, k->kind, id, &rows);

	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return NULL;
	}
	if (rows->nrows == 1) {
		o = api_row_json(rows, 0, cols, n);
		*version = pw_db_cell_int(rows, 0, k->nfields + 1, 0);
	} else {
		api_not_found(ctx);
	}
	pw_db_rows_free(rows);
	return o;
}

/*
 * Reads the body into params (one per field). With for_create, required
 * fields must be there and absent optional ones get defaults; otherwise
 * given[i] says which fields the body changes. Returns the number of field
 * errors (the details array collects them).
 */
static size_t read_fields(struct pw_ctx *ctx, const struct kind *k, int for_create,
			  struct pw_db_param *vals, int *given, json_object *details)
{
	struct pw_fields f = {ctx->body, details};
	const char *allowed[MAX_FIELDS];

	for (size_t i = 0; i < k->nfields; i++) {
		const struct field *fd = &k->fields[i];
		int flags = for_create && fd->required ? PW_FIELD_REQUIRED : PW_FIELD_OPTIONAL;
		const char *s = NULL;
		long long id = 0;
		int b = 0, rc = PW_ERR_NOT_FOUND;

		allowed[i] = fd->name;
		switch (fd->type) {
		case F_STR:
			rc = pw_field_string(&f, fd->name, flags, fd->max, &s);
			vals[i] = rc == PW_OK ? PW_P_TEXT(s) : PW_P_NULL;
			/* An explicit null or "" clears an optional text. */
			if (rc == PW_ERR_NOT_FOUND && !fd->required &&
			    json_object_object_get_ex(ctx->body, fd->name, NULL))
				rc = PW_OK;
			break;
		case F_BOOL:
			rc = pw_field_bool(&f, fd->name, flags, &b);
			/* "active" defaults to true on create. */
			vals[i] = PW_P_INT(rc == PW_OK ? b : !strcmp(fd->name, "active"));
			break;
		case F_ID:
			rc = pw_field_int(&f, fd->name, flags, 1, (1LL << 53), &id);
			vals[i] = rc == PW_OK ? PW_P_INT(id) : PW_P_NULL;
			break;
		}
		if (rc == PW_ERR_NOT_FOUND && fd->required && !for_create &&
		    json_object_object_get_ex(ctx->body, fd->name, NULL))
			pw_details_add(details, fd->name, "must not be empty", NULL);
		given[i] = rc == PW_OK;
	}
	pw_fields_reject_unknown(&f, allowed, k->nfields);
	return pw_fields_errors(&f);
}

/* A write refused by a key: a duplicate name/code or a missing parent. */
static void refused_write(struct pw_ctx *ctx, const struct kind *k, int rc)
{
	if (rc == PW_ERR_DUPLICATE) {
		char msg[160];
		snprintf(msg, sizeof(msg), "Another %s already has that name or code.", k->label);
		pw_response_error(ctx->res, 409, "duplicate", msg, NULL);
	} else if (rc == PW_ERR_DB && (pw_db_errno(ctx->db) == 1452)) {
		/* ER_NO_REFERENCED_ROW_2: provider_id or region_id names nothing. */
		json_object *d = pw_details_new();
		pw_details_add(d, "provider_id", "must name an existing provider and region",
			       NULL);
		api_invalid(ctx, "The provider or region does not exist.", d);
	} else {
		pw_response_error_rc(ctx->res, rc);
	}
}

static void list(struct pw_ctx *ctx, const struct kind *k)
{
	struct api_col cols[MAX_FIELDS + 4];
	size_t n = columns(k, cols);
	struct pw_db_rows *rows = NULL;
	json_object *items;
	long long after = 0, last = 0;
	int limit, rc;

	if (staff_only(ctx) || api_page_params(ctx, &limit, &after))
		return;
	rc = pw_org_list(ctx->db, k->kind, after, limit, &rows);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	items = json_object_new_array();
	for (size_t r = 0; r < rows->nrows; r++) {
		json_object_array_add(items, api_row_json(rows, r, cols, n));
		last = pw_db_cell_int(rows, r, 0, 0);
	}
	pw_db_rows_free(rows);
	api_page_answer(ctx, items, limit, last);
}

static void get(struct pw_ctx *ctx, const struct kind *k)
{
	long long version = 0;
	json_object *o;

	if (staff_only(ctx))
		return;
	o = load(ctx, k, ctx->ids[0], &version);
	if (!o)
		return;
	api_etag(ctx, version);
	pw_response_json(ctx->res, 200, o);
}

static void create(struct pw_ctx *ctx, const struct kind *k)
{
	struct pw_db_param vals[MAX_FIELDS];
	int given[MAX_FIELDS];
	json_object *details = pw_details_new(), *after;
	struct pw_actor who;
	long long id = 0, version = 0;
	char path[96];
	int rc;

	if (admin_only(ctx)) {
		json_object_put(details);
		return;
	}
	if (read_fields(ctx, k, 1, vals, given, details)) {
		api_invalid(ctx, "Some fields need attention.", details);
		return;
	}
	json_object_put(details);
	pw_gate_actor(ctx, &who);
	rc = pw_db_begin(ctx->db);
	if (rc == PW_OK)
		rc = pw_org_create(ctx->db, k->kind, vals, &id);
	after = rc == PW_OK ? load(ctx, k, id, &version) : NULL;
	if (rc == PW_OK && !after)
		rc = PW_ERR_DB;
	if (rc == PW_OK)
		rc = pw_audit_write(ctx->db, &who, k->entity, id, "create", NULL,
				    api_json_text(ctx, after), NULL);
	rc = api_finish(ctx, rc);
	if (rc != PW_OK) {
		json_object_put(after);
		pw_response_reset(ctx->res);
		refused_write(ctx, k, rc);
		return;
	}
	api_etag(ctx, version);
	snprintf(path, sizeof(path), "%s/%lld", ctx->req->path, id);
	pw_response_header(ctx->res, "Location", "%s", path);
	pw_response_json(ctx->res, 201, after);
}

static void update(struct pw_ctx *ctx, const struct kind *k)
{
	struct pw_db_param vals[MAX_FIELDS];
	int given[MAX_FIELDS], version = 0;
	json_object *details, *before = NULL, *after = NULL;
	struct pw_actor who;
	long long cur = 0, newv = 0;
	int rc;

	if (admin_only(ctx) || api_if_match(ctx, &version))
		return;
	details = pw_details_new();
	if (read_fields(ctx, k, 0, vals, given, details)) {
		api_invalid(ctx, "Some fields need attention.", details);
		return;
	}
	json_object_put(details);
	pw_gate_actor(ctx, &who);
	rc = pw_db_begin(ctx->db);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	before = load(ctx, k, ctx->ids[0], &cur);
	if (!before) {
		pw_db_rollback(ctx->db);
		return; /* 404 already set */
	}
	rc = pw_org_update(ctx->db, k->kind, ctx->ids[0], version, given, vals);
	if (rc == PW_OK) {
		after = load(ctx, k, ctx->ids[0], &newv);
		if (!after)
			rc = PW_ERR_DB;
	}
	if (rc == PW_OK)
		rc = pw_audit_write(ctx->db, &who, k->entity, ctx->ids[0], "update",
				    api_json_text(ctx, before), api_json_text(ctx, after), NULL);
	rc = api_finish(ctx, rc);
	json_object_put(before);
	if (rc != PW_OK) {
		json_object_put(after);
		pw_response_reset(ctx->res);
		refused_write(ctx, k, rc);
		return;
	}
	api_etag(ctx, newv);
	pw_response_json(ctx->res, 200, after);
}

#define ORG_HANDLERS(prefix, kind)                                                                 \
	void api_##prefix##_list(struct pw_ctx *ctx)                                               \
	{                                                                                          \
		list(ctx, &kinds[kind]);                                                           \
	}                                                                                          \
	void api_##prefix##_get(struct pw_ctx *ctx)                                                \
	{                                                                                          \
		get(ctx, &kinds[kind]);                                                            \
	}                                                                                          \
	void api_##prefix##_create(struct pw_ctx *ctx)                                             \
	{                                                                                          \
		create(ctx, &kinds[kind]);                                                         \
	}                                                                                          \
	void api_##prefix##_update(struct pw_ctx *ctx)                                             \
	{                                                                                          \
		update(ctx, &kinds[kind]);                                                         \
	}

ORG_HANDLERS(regions, PW_ORG_REGION)
ORG_HANDLERS(providers, PW_ORG_PROVIDER)
ORG_HANDLERS(locations, PW_ORG_LOCATION)
ORG_HANDLERS(positions, PW_ORG_POSITION)

/* R-ACL-1: a location's people are shown to statewide users and to the
 * staff of that location; anybody else gets 404, as for any record out of
 * scope. The list is short (one office), so it is not paged. */
void api_locations_staff(struct pw_ctx *ctx)
{
	static const struct api_col cols[] = {
		{"id", API_INT},
		{"display_name", API_STR},
		{"role", API_STR},
		{"staff_position_id", API_INT},
		{"staff_position_name", API_STR},
	};
	const struct pw_principal *me = &ctx->session->principal;
	long long id = ctx->ids[0];
	struct pw_db_rows *rows = NULL;
	int in_scope = me->role == PW_ROLE_STATEWIDE, rc;

	if (staff_only(ctx))
		return;
	for (size_t i = 0; i < me->nlocations && !in_scope; i++)
		in_scope = me->locations[i] == id;
	if (!in_scope) {
		api_not_found(ctx);
		return;
	}
	rc = pw_org_get(ctx->db, PW_ORG_LOCATION, id, &rows);
	if (rc == PW_OK && rows->nrows == 0)
		rc = PW_ERR_NOT_FOUND;
	pw_db_rows_free(rows);
	rows = NULL;
	if (rc == PW_OK)
		rc = pw_org_location_staff(ctx->db, id, &rows);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	api_rows_answer(ctx, rows, cols, PW_ARRAY_LEN(cols));
}
