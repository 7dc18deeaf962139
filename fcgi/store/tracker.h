/*
 * store/tracker.h: SQL of C-Work trackers (R-CHK-3).
 *
 * A tracker belongs to one enrollment and has a type (intervention,
 * employment, ECE course, internship, income, housing). Which of the
 * columns a type uses is the C-Work profile's business (settings.trackers,
 * read by api/trackers.c); this file stores whatever state it is given.
 * Columns keep one meaning for every type, as the exit checklist reads them
 * (store/facts.c): tracker_date is the tracker's own date (the income
 * date), end_date the exit or end date, stage the employment or housing
 * stage.
 */
#ifndef PW_STORE_TRACKER_H
#define PW_STORE_TRACKER_H

#include "rules/dates.h"

#include <stddef.h>

struct pw_db;
struct pw_db_rows;

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
int pw_tracker_list(struct pw_db *db, long long enrollment_id, const char *type, long long after_id,
                    int limit, struct pw_db_rows **out);

int pw_tracker_insert(struct pw_db *db, long long enrollment_id, const struct pw_tracker_fields *f,
                      long long *id);
/* Writes every field but the type and created_on; PW_ERR_STALE when the
 * version has moved on. */
int pw_tracker_update(struct pw_db *db, long long id, int version,
                      const struct pw_tracker_fields *f);
/* PW_ERR_STALE when the version has moved on. */
int pw_tracker_delete(struct pw_db *db, long long id, int version);

#endif
