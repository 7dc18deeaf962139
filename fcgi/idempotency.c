/*
 * idempotency.c: claiming, replaying and recording Idempotency-Keys (see
 * idempotency.h).
 *
 * The key row is claimed in a short transaction of its own before the
 * handler runs (the primary key makes a concurrent claim fail), and updated
 * with the response after. A worker that dies in between leaves a running
 * row: after five minutes a retry may take it over.
 */
#include "idempotency.h"

#include "db.h"
#include "log.h"
#include "pw.h"
#include "store/session.h"

#include <sodium.h>
#include <string.h>

void pw_idem_request_hash(const char *method, const char *path, const char *query,
			  const char *body, size_t body_len, unsigned char out[PW_HASH_LEN])
{
	crypto_hash_sha256_state st;

	crypto_hash_sha256_init(&st);
	crypto_hash_sha256_update(&st, (const unsigned char *)method, strlen(method) + 1);
	crypto_hash_sha256_update(&st, (const unsigned char *)path, strlen(path) + 1);
	crypto_hash_sha256_update(&st, (const unsigned char *)query, strlen(query) + 1);
	if (body_len)
		crypto_hash_sha256_update(&st, (const unsigned char *)body, body_len);
	crypto_hash_sha256_final(&st, out);
}

static int key_ok(const char *k)
{
	size_t n = strlen(k);

	if (n == 0 || n > 255)
		return 0;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)k[i] < 0x21 || (unsigned char)k[i] > 0x7e)
			return 0;
	return 1;
}

/* Tries to insert the running row; PW_ERR_DUPLICATE when the key exists. */
static int claim(struct pw_db *db, long long user, const char *key, const unsigned char *hash)
{
	static const char sql[] = "INSERT INTO idempotency_keys (user_id, idem_key, request_hash) "
				  "VALUES (?, ?, ?)";
	struct pw_db_param p[] = {PW_P_INT(user), PW_P_TEXT(key),
				  PW_P_BLOB((const char *)hash, PW_HASH_LEN)};

	return pw_db_exec(db, sql, p, 3, NULL, NULL);
}

/* Replays a stored response into res. */
static void replay(struct pw_ctx *ctx, const struct pw_db_rows *r)
{
	const char *headers = pw_db_cell(r, 0, 3);
	const char *body = pw_db_cell(r, 0, 4);

	pw_response_reset(ctx->res);
	ctx->res->status = (int)pw_db_cell_int(r, 0, 2, 500);
	if (headers)
		pw_buf_append(&ctx->res->headers, headers, r->lens[3]);
	pw_response_header(ctx->res, "Idempotent-Replayed", "true");
	if (body)
		pw_buf_append(&ctx->res->body, body, r->lens[4]);
}

int pw_idem_begin(struct pw_ctx *ctx, struct pw_idem *idem)
{
	static const char look_sql[] =
		"SELECT request_hash, state, response_status, response_headers, response_body, "
		"created_at < UTC_TIMESTAMP(6) - INTERVAL 300 SECOND, "
		"created_at < UTC_TIMESTAMP(6) - INTERVAL 24 HOUR "
		"FROM idempotency_keys WHERE user_id = ? AND idem_key = ? FOR UPDATE";
	static const char take_sql[] =
		"UPDATE idempotency_keys SET request_hash = ?, state = 'running', "
		"response_status = NULL, response_headers = NULL, response_body = NULL, "
		"created_at = UTC_TIMESTAMP(6) WHERE user_id = ? AND idem_key = ?";
	const struct pw_request *req = ctx->req;
	struct pw_db_rows *r = NULL;
	long long user;
	int rc, filled = 0;

	memset(idem, 0, sizeof(*idem));
	idem->key = pw_request_header(req, "Idempotency-Key");
	if (!idem->key || strcmp(req->method, "POST") || !ctx->session)
		return 0;
	if (!key_ok(idem->key)) {
		pw_response_error(ctx->res, 400, "bad_idempotency_key",
				  "Idempotency-Key must be 1 to 255 visible ASCII characters.",
				  NULL);
		return 1;
	}
	user = ctx->session->principal.user_id;
	pw_idem_request_hash(req->method, req->path, req->query,
			     req->body.data ? req->body.data : "", req->body.len, idem->hash);
	rc = pw_db_begin(ctx->db);
	if (rc == PW_OK)
		rc = claim(ctx->db, user, idem->key, idem->hash);
	if (rc == PW_ERR_DUPLICATE) {
		struct pw_db_param p[] = {PW_P_INT(user), PW_P_TEXT(idem->key)};
		rc = pw_db_query(ctx->db, look_sql, p, 2, &r);
		if (rc == PW_OK && r->nrows == 1) {
			int same = r->lens[0] == PW_HASH_LEN &&
				   !memcmp(pw_db_cell(r, 0, 0), idem->hash, PW_HASH_LEN);
			int running = !strcmp(pw_db_cell(r, 0, 1), "running");
			int stale = pw_db_cell_int(r, 0, 5, 0) != 0;
			int expired = pw_db_cell_int(r, 0, 6, 0) != 0;
			if (expired || (running && stale && same)) {
				/* An old key, or a claim whose worker died: start over. */
				struct pw_db_param t[] = {
					PW_P_BLOB((const char *)idem->hash, PW_HASH_LEN),
					PW_P_INT(user), PW_P_TEXT(idem->key)};
				rc = pw_db_exec(ctx->db, take_sql, t, 3, NULL, NULL);
			} else if (!same) {
				pw_response_error(ctx->res, 422, "idempotency_key_reused",
						  "This Idempotency-Key was used for a different "
						  "request.",
						  NULL);
				filled = 1;
			} else if (running) {
				pw_response_error(ctx->res, 409, "idempotency_in_progress",
						  "The first request with this Idempotency-Key is "
						  "still running. Try again shortly.",
						  NULL);
				pw_response_header(ctx->res, "Retry-After", "1");
				filled = 1;
			} else {
				replay(ctx, r);
				filled = 1;
			}
		}
	}
	pw_db_rows_free(r);
	if (rc == PW_OK)
		rc = pw_db_commit(ctx->db);
	else
		pw_db_rollback(ctx->db);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return 1;
	}
	idem->active = !filled;
	return filled;
}

void pw_idem_finish(struct pw_ctx *ctx, struct pw_idem *idem)
{
	static const char done_sql[] =
		"UPDATE idempotency_keys SET state = 'done', response_status = ?, "
		"response_headers = ?, response_body = ? WHERE user_id = ? AND idem_key = ?";
	static const char drop_sql[] =
		"DELETE FROM idempotency_keys WHERE user_id = ? AND idem_key = ?";
	const struct pw_response *res = ctx->res;
	long long user;
	int rc;

	if (!idem->active)
		return;
	user = ctx->session->principal.user_id;
	pw_db_rollback(ctx->db); /* a handler never leaves one open; be sure */
	if (res->status >= 500) {
		struct pw_db_param p[] = {PW_P_INT(user), PW_P_TEXT(idem->key)};
		rc = pw_db_exec(ctx->db, drop_sql, p, 2, NULL, NULL);
	} else {
		struct pw_db_param p[] = {
			PW_P_INT(res->status),
			PW_P_TEXTN(res->headers.data ? res->headers.data : "", res->headers.len),
			PW_P_BLOB(res->body.data ? res->body.data : "", res->body.len),
			PW_P_INT(user),
			PW_P_TEXT(idem->key),
		};
		rc = pw_db_exec(ctx->db, done_sql, p, PW_ARRAY_LEN(p), NULL, NULL);
	}
	if (rc != PW_OK)
		pw_log("warn", "idempotency: cannot record key outcome: %s", pw_db_error(ctx->db));
}
