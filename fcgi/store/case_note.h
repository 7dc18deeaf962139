/*
 * store/case_note.h: case notes (general, exit, follow-up), their addenda
 * and the documents linked to them.
 *
 * A note can be changed for 24 hours after it was made; after that it is
 * locked and later changes are addenda: notes whose addendum_of names it.
 * The window is decided by the database clock (created_at is set by the
 * server), in the same statement that changes the row, so no request can
 * slip an edit past it. Every *out result is new and the caller frees it
 * (pw_db_rows_free); pointers passed in are borrowed for the call.
 */
#ifndef PW_STORE_CASE_NOTE_H
#define PW_STORE_CASE_NOTE_H

#include "store/scope.h"

#include <stddef.h>

struct pw_db;
struct pw_db_rows;
struct pw_db_param;

/* The fields a writer supplies, in the order of every vals[] below. */
enum pw_case_note_field {
	CNF_SUBJECT,
	CNF_BODY,
	CNF_CONTACT_DATE,
	CNF_CONTACT_METHOD,
	CNF_VISIBILITY,
	CNF_RECIPIENTS, /* JSON array text */
	CNF_FOLLOW_UP_OUTCOME,
	CNF_COUNT
};

/*
 * Note rows have these columns, in this order:
 *   id, participant_id, enrollment_id, addendum_of, note_type, subject,
 *   body, contact_date, contact_method, visibility, recipients (JSON array
 *   text, "[]" when none), follow_up_outcome, author_user_id, author,
 *   version, created_at, updated_at, editable_until (RFC 3339 UTC),
 *   locked (0/1), document_ids ("1,2", NULL when none).
 */
#define PW_CASE_NOTE_NCOLS           20
#define PW_CASE_NOTE_COL_ADDENDUM_OF 3
#define PW_CASE_NOTE_COL_VERSION     14

/* What the server sets on a new note. */
struct pw_case_note_new {
	long long participant_id;
	long long enrollment_id; /* 0: none */
	long long addendum_of;   /* 0: not an addendum */
	const char *note_type;
	long long author_user_id;
	const char *author;
};

/* Inserts a note with vals[CNF_COUNT] (PW_P_NULL for absent fields). */
int pw_case_note_create(struct pw_db *db, const struct pw_case_note_new *n,
                        const struct pw_db_param *vals, long long *id);

/*
 * Changes the fields with given[i] set, when the version matches and the
 * note is still inside its 24-hour window. PW_ERR_STALE when no row
 * matched (the caller tells a stale version from a locked note with
 * pw_case_note_lock, which it calls first in the same transaction).
 */
int pw_case_note_update(struct pw_db *db, long long id, int version, const int *given,
                        const struct pw_db_param *vals);

/* The state of a note, read with a row lock (FOR UPDATE). */
struct pw_case_note_state {
	long long version;
	long long participant_id;
	long long enrollment_id; /* 0: none */
	long long addendum_of;   /* 0: not an addendum */
	int locked;              /* older than 24 hours */
	int staff_only;          /* visibility 'staff' */
	char note_type[16];
};

/* PW_ERR_NOT_FOUND when there is no such note. */
int pw_case_note_lock(struct pw_db *db, long long id, struct pw_case_note_state *out);

/* One note (zero or one row). */
int pw_case_note_get(struct pw_db *db, long long id, struct pw_db_rows **out);

/* The addenda of note id, oldest first; only participant-visible ones when
 * participant_only. */
int pw_case_note_addenda(struct pw_db *db, long long id, int participant_only,
                         struct pw_db_rows **out);

/* Optional filters of a participant's note list; NULL / 0 for none. */
struct pw_case_note_filter {
	const char *note_type;
	long long enrollment_id;
};

/*
 * Top-level notes (not addenda) of participant_id, newest first, at most
 * limit, ids below before_id (0: from the newest). Notes under an
 * enrollment outside scope are left out in SQL (R-ACL-1); a customer's
 * scope sees only notes with visibility 'participant'.
 */
int pw_case_note_list(struct pw_db *db, long long participant_id,
                      const struct pw_scope_filter *scope, const struct pw_case_note_filter *f,
                      long long before_id, int limit, struct pw_db_rows **out);

/*
 * The addenda, under the same scope and filters, of the top-level notes
 * with ids lo..hi of participant_id (a page of pw_case_note_list), ordered
 * by the note they belong to, then oldest first.
 */
int pw_case_note_list_addenda(struct pw_db *db, long long participant_id,
                              const struct pw_scope_filter *scope,
                              const struct pw_case_note_filter *f, long long lo, long long hi,
                              struct pw_db_rows **out);

/* Replaces the documents linked to note id with ids[0..n). */
int pw_case_note_set_documents(struct pw_db *db, long long id, const long long *ids, size_t n);
/* Links one more document to note id (nothing when already linked). */
int pw_case_note_link_document(struct pw_db *db, long long id, long long document_id);
/* The same, only while note id is inside its 24-hour window, judged in the
 * statement itself: PW_ERR_CONFLICT when the note is locked (or gone). */
int pw_case_note_attach_document(struct pw_db *db, long long id, long long document_id);

/* The participant and application date ("YYYY-MM-DD") of an enrollment.
 * PW_ERR_NOT_FOUND when there is none. */
int pw_case_note_enrollment(struct pw_db *db, long long enrollment_id, long long *participant_id,
                            char application_date[11]);

#endif
