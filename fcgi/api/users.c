/*
 * api/users.c: accounts, for statewide users (issue 3, "Accounts").
 *
 *   GET   /api/v1/users                list (q= matches login or name prefix)
 *   POST  /api/v1/users                create, with a first password
 *   GET   /api/v1/users/{id}           one account
 *   PATCH /api/v1/users/{id}           change name, email, role, position,
 *                                      locations, active (If-Match)
 *   PUT   /api/v1/users/{id}/password  set a new password
 *
 * Disabling an account or setting its password ends its sessions at once.
 * Audit rows carry the account as the API shows it, never a password hash.
 */
#include "api/api.h"

#include "api/common.h"
#include "auth.h"
#include "db.h"
#include "gate.h"
#include "json_io.h"
#include "pw.h"
#include "store/audit.h"
#include "store/session.h"
#include "store/user.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define MAX_LOCATIONS 200

static const struct api_col user_cols[] = {
	{"id", API_INT},           {"login", API_STR},	   {"display_name", API_STR},
	{"email", API_STR},        {"role", API_STR},	   {"staff_position_id", API_INT},
	{"participant_id", API_INT}, {"active", API_BOOL},   {"totp_enabled", API_BOOL},
	{"version", API_INT},      {"created_at", API_STR}, {"updated_at", API_STR},
	{"location_ids", API_IDLIST},
};

static const char *const role_codes[] = {"statewide", "program_manager", "intermediary",
					 "provider_partner", "customer"};

static int admin_only(struct pw_ctx *ctx)
{
	if (pw_acl_allows(&ctx->session->principal, PW_ACL_ADMIN, NULL))
		return 0;
	api_forbidden(ctx);
	return -1;
}

static json_object *load(struct pw_ctx *ctx, long long id, long long *version)
{
	struct pw_db_rows *rows = NULL;
	json_object *o = NULL;
	int rc = pw_user_get(ctx->db, id, &rows);

	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return NULL;
	}
	if (rows->nrows == 1) {
		o = api_row_json(rows, 0, user_cols, PW_ARRAY_LEN(user_cols));
		*version = pw_db_cell_int(rows, 0, 9, 0);
	} else {
		api_not_found(ctx);
	}
	pw_db_rows_free(rows);
	return o;
}

static int login_ok(const char *s)
{
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && !strchr("._@-", *s))
			return 0;
	return 1;
}

/* Reads "location_ids": an array of positive ids, at most MAX_LOCATIONS. */
static int read_locations(struct pw_ctx *ctx, json_object *details, long long *ids, size_t *n,
			  int *given)
{
	json_object *arr = NULL;

	*n = 0;
	*given = json_object_object_get_ex(ctx->body, "location_ids", &arr) && arr;
	if (!*given)
		return 0;
	if (!json_object_is_type(arr, json_type_array) ||
	    json_object_array_length(arr) > MAX_LOCATIONS) {
		pw_details_add(details, "location_ids", "must be a list of office location ids",
			       NULL);
		return -1;
	}
	for (size_t i = 0; i < json_object_array_length(arr); i++) {
		json_object *v = json_object_array_get_idx(arr, i);
		if (!json_object_is_type(v, json_type_int) || json_object_get_int64(v) < 1) {
			pw_details_add(details, "location_ids",
				       "must be a list of office location ids", NULL);
			return -1;
		}
		ids[(*n)++] = json_object_get_int64(v);
	}
	return 0;
}

/* Common fields of create and update into f; returns the error count. */
static size_t read_user(struct pw_ctx *ctx, int create, struct pw_user_fields *f,
			json_object *details, const char **password)
{
	static const char *const allowed_create[] = {
		"login", "display_name", "email", "role", "staff_position_id",
		"participant_id", "location_ids", "password", "active"};
	static const char *const allowed_update[] = {"display_name", "email", "role",
						     "staff_position_id", "location_ids", "active"};
	struct pw_fields fl = {ctx->body, details};
	int req = create ? PW_FIELD_REQUIRED : PW_FIELD_OPTIONAL, b = 1;
	size_t role = 0;
	long long v = 0;

	memset(f, 0, sizeof(*f));
	f->active = -1;
	if (create && pw_field_string(&fl, "login", PW_FIELD_REQUIRED, 64, &f->login) == PW_OK &&
	    !login_ok(f->login))
		pw_details_add(details, "login",
			       "may hold only letters, digits and . _ @ -", NULL);
	pw_field_string(&fl, "display_name", req, 190, &f->display_name);
	if (pw_field_string(&fl, "email", PW_FIELD_OPTIONAL, 254, &f->email) == PW_OK &&
	    !strchr(f->email, '@'))
		pw_details_add(details, "email", "must be an email address", NULL);
	else if (!f->email && json_object_object_get_ex(ctx->body, "email", NULL))
		f->email = ""; /* an explicit null clears it */
	if (pw_field_enum(&fl, "role", req, role_codes, PW_ARRAY_LEN(role_codes), &role) == PW_OK)
		f->role = role_codes[role];
	if (pw_field_int(&fl, "staff_position_id", PW_FIELD_OPTIONAL, 1, 1LL << 53, &v) == PW_OK)
		f->staff_position_id = v;
	if (create &&
	    pw_field_int(&fl, "participant_id", PW_FIELD_OPTIONAL, 1, 1LL << 53, &v) == PW_OK)
		f->participant_id = v;
	if (pw_field_bool(&fl, "active", PW_FIELD_OPTIONAL, &b) == PW_OK)
		f->active = b;
	if (create)
		pw_field_string(&fl, "password", PW_FIELD_REQUIRED, PW_PASSWORD_MAX, password);
	if (create)
		pw_fields_reject_unknown(&fl, allowed_create, PW_ARRAY_LEN(allowed_create));
	else
		pw_fields_reject_unknown(&fl, allowed_update, PW_ARRAY_LEN(allowed_update));
	/* R-ACL-1: a customer account is tied to one participant; staff never are. */
	if (create && f->role && !strcmp(f->role, "customer") && !f->participant_id)
		pw_details_add(details, "participant_id", "is required for a customer account",
			       NULL);
	if (create && f->role && strcmp(f->role, "customer") && f->participant_id)
		pw_details_add(details, "participant_id", "is only for customer accounts", NULL);
	return pw_fields_errors(&fl);
}

static void write_failed(struct pw_ctx *ctx, int rc)
{
	pw_response_reset(ctx->res);
	if (rc == PW_ERR_DUPLICATE) {
		json_object *d = pw_details_new();
		pw_details_add(d, "login", "is taken", NULL);
		pw_response_error(ctx->res, 409, "duplicate", "That login is taken.", d);
	} else if (rc == PW_ERR_DB && pw_db_errno(ctx->db) == 1452) {
		json_object *d = pw_details_new();
		pw_details_add(d, "location_ids",
			       "must name existing office locations (and staff_position_id an "
			       "existing position)",
			       NULL);
		api_invalid(ctx, "An office location or staff position does not exist.", d);
	} else {
		pw_response_error_rc(ctx->res, rc);
	}
}

void api_users_list(struct pw_ctx *ctx)
{
	struct pw_db_rows *rows = NULL;
	json_object *items;
	long long after = 0, last = 0;
	int limit, rc;

	if (admin_only(ctx) || api_page_params(ctx, &limit, &after))
		return;
	rc = pw_user_list(ctx->db, after, limit, pw_request_query(ctx->req, "q"), &rows);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	items = json_object_new_array();
	for (size_t r = 0; r < rows->nrows; r++) {
		json_object_array_add(items,
				      api_row_json(rows, r, user_cols, PW_ARRAY_LEN(user_cols)));
		last = pw_db_cell_int(rows, r, 0, 0);
	}
	pw_db_rows_free(rows);
	api_page_answer(ctx, items, limit, last);
}

void api_users_get(struct pw_ctx *ctx)
{
	long long version = 0;
	json_object *o;

	if (admin_only(ctx))
		return;
	o = load(ctx, ctx->ids[0], &version);
	if (!o)
		return;
	api_etag(ctx, version);
	pw_response_json(ctx->res, 200, o);
}

void api_users_create(struct pw_ctx *ctx)
{
	struct pw_user_fields f;
	const char *password = NULL;
	long long locs[MAX_LOCATIONS], id = 0, version = 0;
	size_t nlocs = 0;
	int has_locs = 0, rc;
	json_object *details, *after = NULL;
	char hash[PW_PASSWORD_HASH_MAX], params[64], why[160], path[64];
	struct pw_actor who;

	if (admin_only(ctx))
		return;
	details = pw_details_new();
	read_user(ctx, 1, &f, details, &password);
	read_locations(ctx, details, locs, &nlocs, &has_locs);
	if (password && pw_auth_password_policy(password, strlen(password), f.login, why,
						 sizeof(why)) != PW_OK)
		pw_details_add(details, "password", why, NULL);
	if (json_object_array_length(details)) {
		api_invalid(ctx, "Some fields need attention.", details);
		return;
	}
	json_object_put(details);
	rc = pw_auth_hash_password(ctx->cfg, password, strlen(password), hash, params);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	pw_gate_actor(ctx, &who);
	rc = pw_db_begin(ctx->db);
	if (rc == PW_OK)
		rc = pw_user_create(ctx->db, &f, hash, params, &id);
	if (rc == PW_OK && nlocs)
		rc = pw_user_set_locations(ctx->db, id, locs, nlocs);
	if (rc == PW_OK && !(after = load(ctx, id, &version)))
		rc = PW_ERR_DB;
	if (rc == PW_OK)
		rc = pw_audit_write(ctx->db, &who, "user", id, "create", NULL,
				    api_json_text(ctx, after), NULL);
	rc = api_finish(ctx, rc);
	if (rc != PW_OK) {
		json_object_put(after);
		write_failed(ctx, rc);
		return;
	}
	api_etag(ctx, version);
	snprintf(path, sizeof(path), "/api/v1/users/%lld", id);
	pw_response_header(ctx->res, "Location", "%s", path);
	pw_response_json(ctx->res, 201, after);
}

void api_users_update(struct pw_ctx *ctx)
{
	struct pw_user_fields f;
	long long locs[MAX_LOCATIONS], cur = 0, newv = 0, id = ctx->ids[0];
	size_t nlocs = 0;
	int has_locs = 0, version = 0, rc;
	json_object *details, *before = NULL, *after = NULL, *role = NULL;
	struct pw_actor who;

	if (admin_only(ctx) || api_if_match(ctx, &version))
		return;
	details = pw_details_new();
	read_user(ctx, 0, &f, details, NULL);
	read_locations(ctx, details, locs, &nlocs, &has_locs);
	if (json_object_array_length(details)) {
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
	before = load(ctx, id, &cur);
	if (!before) {
		pw_db_rollback(ctx->db);
		return;
	}
	/* Staff and customer accounts do not turn into each other. */
	json_object_object_get_ex(before, "role", &role);
	if (f.role && (!strcmp(f.role, "customer") != !strcmp(json_object_get_string(role),
							      "customer"))) {
		pw_db_rollback(ctx->db);
		json_object_put(before);
		details = pw_details_new();
		pw_details_add(details, "role",
			       "a staff account cannot become a customer account or the reverse",
			       NULL);
		api_invalid(ctx, "That role change is not possible.", details);
		return;
	}
	rc = pw_user_update(ctx->db, id, version, &f);
	if (rc == PW_OK && has_locs)
		rc = pw_user_set_locations(ctx->db, id, locs, nlocs);
	if (rc == PW_OK && f.active == 0)
		rc = pw_session_delete_for_user(ctx->db, id);
	if (rc == PW_OK && !(after = load(ctx, id, &newv)))
		rc = PW_ERR_DB;
	if (rc == PW_OK)
		rc = pw_audit_write(ctx->db, &who, "user", id, f.active == 0 ? "disable" : "update",
				    api_json_text(ctx, before), api_json_text(ctx, after), NULL);
	rc = api_finish(ctx, rc);
	json_object_put(before);
	if (rc != PW_OK) {
		json_object_put(after);
		write_failed(ctx, rc);
		return;
	}
	api_etag(ctx, newv);
	pw_response_json(ctx->res, 200, after);
}

void api_users_set_password(struct pw_ctx *ctx)
{
	static const char *const allowed[] = {"password"};
	struct pw_fields fl = {ctx->body, pw_details_new()};
	const char *password = NULL;
	struct pw_user_auth u = {0};
	char hash[PW_PASSWORD_HASH_MAX], params[64], why[160];
	struct pw_actor who;
	int rc;

	if (admin_only(ctx)) {
		json_object_put(fl.details);
		return;
	}
	rc = pw_user_auth_by_id(ctx->db, ctx->ids[0], &u);
	if (rc != PW_OK) {
		json_object_put(fl.details);
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	pw_field_string(&fl, "password", PW_FIELD_REQUIRED, PW_PASSWORD_MAX, &password);
	pw_fields_reject_unknown(&fl, allowed, 1);
	if (password && pw_auth_password_policy(password, strlen(password), u.login, why,
						 sizeof(why)) != PW_OK)
		pw_details_add(fl.details, "password", why, NULL);
	if (pw_fields_errors(&fl)) {
		api_invalid(ctx, "Choose another password.", fl.details);
		goto out;
	}
	json_object_put(fl.details);
	rc = pw_auth_hash_password(ctx->cfg, password, strlen(password), hash, params);
	pw_gate_actor(ctx, &who);
	if (rc == PW_OK)
		rc = pw_db_begin(ctx->db);
	if (rc == PW_OK)
		rc = pw_user_set_password(ctx->db, u.id, hash, params);
	if (rc == PW_OK)
		rc = pw_session_delete_for_user(ctx->db, u.id);
	if (rc == PW_OK)
		rc = pw_audit_write(ctx->db, &who, "user", u.id, "password_set", NULL, NULL, NULL);
	rc = api_finish(ctx, rc);
	if (rc != PW_OK)
		pw_response_error_rc(ctx->res, rc);
	else
		pw_response_no_content(ctx->res);
out:
	pw_user_auth_free(&u);
}
