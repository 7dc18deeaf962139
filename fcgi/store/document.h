/*
 * store/document.h: the documents table (uploaded verification documents)
 * and the records a document can be attached to.
 *
 * A document belongs to one participant and, when it concerns one
 * enrollment, to that enrollment (and so to its partner location, R-ACL-1).
 * Its bytes live in the row with their SHA-256; the metadata queries never
 * read the content column, so listing costs nothing however large the
 * files are. Documents are never changed or deleted: they are evidence.
 * Every *out result is new and the caller frees it (pw_db_rows_free);
 * pointers passed in are borrowed for the call.
 */
#ifndef PW_STORE_DOCUMENT_H
#define PW_STORE_DOCUMENT_H

#include "store/scope.h"

#include <stddef.h>

struct pw_db;
struct pw_db_rows;

/*
 * Metadata rows have these columns, in this order:
 *   id, participant_id, enrollment_id, attached_entity, attached_id,
 *   document_type, filename, content_type, size_bytes, sha256 (64 lowercase
 *   hex digits), uploaded_by, created_at (RFC 3339 UTC), version.
 */
#define PW_DOCUMENT_NCOLS           13
#define PW_DOCUMENT_COL_PARTICIPANT 1
#define PW_DOCUMENT_COL_ENROLLMENT  2
#define PW_DOCUMENT_COL_VERSION     12

/* A new document. Pointers are borrowed for the call; 0 / NULL for none. */
struct pw_document_new {
	long long participant_id;
	long long enrollment_id;
	const char *attached_entity;
	long long attached_id;
	const char *document_type;
	const char *filename;
	const char *content_type;
	const void *content;
	size_t size;
	const unsigned char *sha256; /* 32 bytes */
	long long uploaded_by;
};

int pw_document_create(struct pw_db *db, const struct pw_document_new *d, long long *id);

/* The metadata of document id (zero or one row). */
int pw_document_get(struct pw_db *db, long long id, struct pw_db_rows **out);

/* Columns: content_type, filename, content, participant_id, enrollment_id
 * (zero or one row). */
int pw_document_content(struct pw_db *db, long long id, struct pw_db_rows **out);

/* Optional filters of a participant's document list; 0 / NULL for none. */
struct pw_document_filter {
	long long enrollment_id;
	const char *attached_entity;
	long long attached_id;
};

/*
 * Metadata of participant_id's documents, newest first, at most limit,
 * with ids below before_id (0: from the newest). Documents of an
 * enrollment at a location outside scope are left out in SQL (R-ACL-1).
 */
int pw_document_list(struct pw_db *db, long long participant_id,
                     const struct pw_scope_filter *scope, const struct pw_document_filter *f,
                     long long before_id, int limit, struct pw_db_rows **out);

/*
 * 1 in *found when document id belongs to participant_id and lies within
 * scope (R-ACL-1), else 0.
 */
int pw_document_reachable(struct pw_db *db, long long id, long long participant_id,
                          const struct pw_scope_filter *scope, int *found);

/* Where a record a document can be attached to sits. */
struct pw_document_target {
	long long participant_id;
	long long enrollment_id; /* 0 when the record is not under an enrollment */
	int locked;              /* case notes: older than 24 hours */
};

/* 1 when entity is a kind of record documents can be attached to. */
int pw_document_entity_known(const char *entity);
/* The i-th known entity (static), or NULL past the last: for messages. */
const char *pw_document_entity_name(size_t i);

/*
 * Loads the record entity/id a document would be attached to.
 * PW_ERR_NOT_FOUND when there is none (or entity is unknown).
 */
int pw_document_target_get(struct pw_db *db, const char *entity, long long id,
                           struct pw_document_target *out);

#endif
