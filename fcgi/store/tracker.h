/*
 * store/tracker.h: SQL of C-Work trackers (R-CHK-3).
 *
 * A tracker belongs to one enrollment and has a type (intervention,
 * employment, ECE course, internship, income, housing). Which of the
 * columns a type uses is the C-Work profile's business (settings.trackers,
 * read by api/trackers.c); this file stores whatever state it is given.
 * pw_tracker_all turns an enrollment's trackers into the rules' struct
 * pw_tracker for the exit checklist.
 */
#ifndef PW_STORE_TRACKER_H
#define PW_STORE_TRACKER_H

#include "rules/checklist.h"
#include "rules/dates.h"

#include <stddef.h>

struct pw_db;
struct pw_db_rows;
struct pw_arena;

/* Column indexes of tracker rows. */
enum pw_tracker_col {
	TR_ID,
	TR_ENROLLMENT_ID,
	TR_TYPE,
	TR_STATUS,
	TR_STAGE,
	TR_DATE,
	TR_END_DATE,
	TR_END_REASON,
	TR_END_DETAILS,
	TR_OUTCOMES_DETAIL, /* a JSON array of the options chosen */
	TR_COURSE_NAME,
	TR_ATTENDED,
	TR_TOTAL,
	TR_GRADE,
	TR_INCOME_CENTS,
	TR_INCOME_PERIOD,
	TR_CREATED_ON,
	TR_VERSION,
	TR_CREATED_AT,
	TR_UPDATED_AT,
	TR_COUNT
};

/* The state of one tracker; strings borrowed, NULL for none. */
struct pw_tracker_fields {
	const char *type; /* checklist.h tracker type code */
	const char *status;
	const char *stage;
	pw_date date;
	pw_date end_date;
	const char *end_reason;
	const char *end_details;
	const char *outcomes_detail; /* JSON array text */
	const char *course_name;
	int attended; /* -1: none */
	int total;    /* -1: none */
	const char *grade;
	long long income_cents; /* -1: none */
	const char *income_period;
	pw_date created_on; /* set once, on insert */
};

/* Row r into f (strings borrowed); PW_ERR_DB for an unreadable date. */
int pw_tracker_fields_from_row(const struct pw_db_rows *rows, size_t r,
                               struct pw_tracker_fields *f);

int pw_tracker_get(struct pw_db *db, long long id, struct pw_db_rows **out);
/* The trackers of an enrollment with id > after_id, by id, at most limit;
 * type (NULL: every type) narrows it to one tracker type. */
int pw_tracker_list(struct pw_db *db, long long enrollment_id, const char *type,
                    long long after_id, int limit, struct pw_db_rows **out);

/*
 * The trackers of an enrollment (at most max, oldest first) as the rules
 * see them, in an arena array with their strings copied there: what the
 * C-Work exit checklist reads (R-CHK-3). *out is NULL when *n is 0.
 */
int pw_tracker_all(struct pw_db *db, struct pw_arena *a, long long enrollment_id, size_t max,
                   struct pw_tracker **out, size_t *n);

int pw_tracker_insert(struct pw_db *db, long long enrollment_id,
                      const struct pw_tracker_fields *f, long long *id);
/* Writes every field but the type and created_on; PW_ERR_STALE when the
 * version has moved on. */
int pw_tracker_update(struct pw_db *db, long long id, int version,
                      const struct pw_tracker_fields *f);
/* PW_ERR_STALE when the version has moved on. */
int pw_tracker_delete(struct pw_db *db, long long id, int version);

#endif
