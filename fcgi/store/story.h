/*
 * store/story.h: SQL of success stories, told by staff or by the participant
 * (workNet and ISETS "Success Stories"), and their sortable list.
 */
#ifndef PW_STORE_STORY_H
#define PW_STORE_STORY_H

#include "rules/dates.h"

#include <stdbool.h>
#include <stddef.h>

struct pw_db;
struct pw_db_rows;

/* Column indexes of success story rows. */
enum pw_story_col {
	ST_ID,
	ST_PARTICIPANT_ID,
	ST_ENROLLMENT_ID,
	ST_TITLE,
	ST_STORY,
	ST_SUBMITTED_BY,
	ST_SUBMITTED_BY_USER_ID,
	ST_SUBMITTED_BY_NAME, /* the account's display name, NULL when none */
	ST_STORY_DATE,
	ST_CONSENT,
	ST_VERSION,
	ST_CREATED_AT,
	ST_UPDATED_AT,
	ST_COUNT
};

/* The changeable state of one story; strings borrowed. */
struct pw_story_fields {
	long long enrollment_id; /* 0: none */
	const char *title;
	const char *story;
	const char *submitted_by; /* "staff" or "participant" */
	pw_date story_date;
	bool consent_to_share;
};

/* Row r into f (strings borrowed); PW_ERR_DB for an unreadable date. */
int pw_story_fields_from_row(const struct pw_db_rows *rows, size_t r, struct pw_story_fields *f);

int pw_story_get(struct pw_db *db, long long id, struct pw_db_rows **out);

/* How a list is ordered; the keyset cursor holds the last row's key. */
enum pw_story_sort {
	PW_STORY_BY_DATE,
	PW_STORY_BY_TITLE,
};

/*
 * One page of a participant's stories ordered by date or title (then id),
 * ascending or descending, at most limit rows. after_key / after_id are the
 * last row of the previous page (after_key NULL: the first page; a date key
 * is YYYY-MM-DD).
 */
int pw_story_list(struct pw_db *db, long long participant_id, enum pw_story_sort sort,
                  bool descending, const char *after_key, long long after_id, int limit,
                  struct pw_db_rows **out);

/* Inserts a story; submitted_by_user_id is the account that sent it. */
int pw_story_insert(struct pw_db *db, long long participant_id, const struct pw_story_fields *f,
                    long long submitted_by_user_id, long long *id);
/* PW_ERR_STALE when the version has moved on. */
int pw_story_update(struct pw_db *db, long long id, int version, const struct pw_story_fields *f);
/* PW_ERR_STALE when the version has moved on. */
int pw_story_delete(struct pw_db *db, long long id, int version);

#endif
