/*
 * api/record.h: the one way a versioned record is created, changed and
 * removed.
 *
 * The outcome records (assessments, skill gains, credentials, employment,
 * trackers, success stories) are written the same way: in one transaction
 * the record is loaded, access checked (R-ACL-1), its version compared with
 * If-Match, the body checked, the row written and read back for the answer,
 * and the change audited with before and after (R-ACL-3); then the
 * transaction is committed or rolled back and the answer sent (201 with
 * ETag and Location, 200 with ETag, 204). This file holds that skeleton
 * once. A handler describes its kind of record in a struct record_kind and
 * keeps only what is its own: its field checks and rules, reached through
 * the callbacks. Every callback gets the handler's own state as arg (the
 * stored fields, the enrollment facts, ...), which the handler owns and
 * frees after the call.
 */
#ifndef PW_API_RECORD_H
#define PW_API_RECORD_H

#include "handler.h"

#include <stddef.h>

struct pw_db;
struct pw_db_rows;

/* What a record is written under: access to it is access to the record. */
enum record_parent { RECORD_UNDER_ENROLLMENT, RECORD_UNDER_PARTICIPANT };

struct record_kind {
	/* The audit trail's entity name ("credential"). */
	const char *entity;
	/* Where a new record is, before its id ("/api/v1/credentials/"). */
	const char *location;
	/* The store's reader of one record by id: PW_OK with its one row, or
	 * with none when it does not exist. */
	int (*get)(struct pw_db *db, long long id, struct pw_db_rows **out);
	/* The row's version column. */
	size_t version_col;
	/* Row r as the API shows it: a new object. */
	json_object *(*json)(const struct pw_db_rows *rows, size_t r, void *arg);
	/* What the record is written under, and the row's column holding its id. */
	enum record_parent parent;
	size_t parent_col;

	/* PATCH and DELETE, on the stored row: R-ACL-1 for the change, 0 or
	 * -1 with the response filled. NULL: write access to the parent. */
	int (*authorize)(struct pw_ctx *ctx, const struct pw_db_rows *rows, long long parent_id);
	/* PATCH and DELETE, after the version check: reads what the write and
	 * the JSON need (the stored fields, facts under a shared lock) into
	 * arg. PW_OK, or an error for the standard answer. */
	int (*prepare)(struct pw_ctx *ctx, long long parent_id, const struct pw_db_rows *rows,
	               void *arg);
	/* POST, first inside the transaction: what must be read and checked
	 * under the write's locks. 0, or -1 with the response filled. NULL
	 * when the handler checked everything before. */
	int (*check_create)(struct pw_ctx *ctx, long long parent_id, void *arg);
	/* PATCH: reads the body over the stored state and checks it. 0, or
	 * -1 with the response filled. */
	int (*check_update)(struct pw_ctx *ctx, void *arg);

	/* The writes, PW_OK or an error: PW_ERR_STALE when the version moved
	 * on. insert puts the new record under parent_id (its enrollment or
	 * participant) and sets *id. */
	int (*insert)(struct pw_ctx *ctx, long long parent_id, void *arg, long long *id);
	int (*update)(struct pw_ctx *ctx, long long id, int version, void *arg);
	int (*remove)(struct pw_db *db, long long id, int version);

	/* A change the database refuses because a row still refers to the
	 * record (a foreign key) is 409 with this code and message; NULL for
	 * the standard answer. */
	const char *in_use_code;
	const char *in_use_message;
};

/*
 * Loads record id of kind k: *rows gets its one row (the caller frees it)
 * and it returns 0; or *rows is NULL, the response holds 404 not_found or
 * the database error, and it returns -1.
 */
int record_load(struct pw_ctx *ctx, const struct record_kind *k, long long id,
                struct pw_db_rows **rows);

/*
 * POST under parent_id, after the handler checked access and the body's
 * fields: begins the transaction, runs k->check_create, inserts, reads the
 * new record back and audits its creation, then commits and answers 201
 * with ETag and Location, or rolls back with the error. arg is borrowed.
 */
void record_create(struct pw_ctx *ctx, const struct record_kind *k, long long parent_id, void *arg);

/*
 * PATCH (deleting 0) and DELETE (deleting 1) of record ctx->ids[0]: reads
 * If-Match (428/412), then in one transaction loads the record (404),
 * authorizes (404/403, R-ACL-1), compares the version (412), prepares, checks the
 * body (PATCH), writes and audits with before and after. Answers 200 with
 * the record and its ETag, or 204; otherwise the error, with nothing
 * written. arg is borrowed.
 */
void record_change(struct pw_ctx *ctx, const struct record_kind *k, int deleting, void *arg);

#endif
