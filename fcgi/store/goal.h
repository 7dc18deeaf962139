/*
 * store/goal.h: SQL of goals and of the services assigned to them.
 *
 * A goal belongs to one enrollment. As with services, a write works on the
 * whole changeable state (struct pw_goal_fields) and is stored under the
 * version it was read at, so a lost update becomes PW_ERR_STALE. Goals are
 * closed through their status and progress, never removed.
 */
#ifndef PW_STORE_GOAL_H
#define PW_STORE_GOAL_H

#include "rules/dates.h"

#include <stddef.h>

struct pw_db;
struct pw_db_rows;

/* Column indexes of goal rows (pw_goal_get, pw_goal_list). */
enum pw_goal_col {
	GC_ID,
	GC_ENROLLMENT_ID,
	GC_STATEMENT,
	GC_CATEGORY,
	GC_TERM,
	GC_STATUS,
	GC_PROGRESS,
	GC_TARGET_DATE,
	GC_ACTUAL_COMPLETION_DATE,
	GC_VERSION,
	GC_CREATED_AT,
	GC_UPDATED_AT,
	GC_COUNT
};

/* The changeable state of one goal; the codes are those of the goals
 * table's enums, strings borrowed. */
struct pw_goal_fields {
	const char *statement;
	const char *category;
	const char *term;
	const char *status;
	const char *progress;      /* NULL: not set */
	pw_date target;            /* PW_DATE_NONE: none */
	pw_date actual_completion; /* PW_DATE_NONE: none */
};

/* Reads row r of a goal result into f (strings borrowed from rows).
 * PW_ERR_DB when a date cell is not a date. */
int pw_goal_fields_from_row(const struct pw_db_rows *rows, size_t r, struct pw_goal_fields *f);

/* One goal by id (zero or one row, columns enum pw_goal_col); the caller
 * frees *out. */
int pw_goal_get(struct pw_db *db, long long id, struct pw_db_rows **out);
/* The goals of an enrollment with id > after_id, by id, at most limit. */
int pw_goal_list(struct pw_db *db, long long enrollment_id, long long after_id, int limit,
                 struct pw_db_rows **out);

/* The enrollment goal id belongs to; PW_ERR_NOT_FOUND when there is none. */
int pw_goal_enrollment(struct pw_db *db, long long goal_id, long long *enrollment_id);

/*
 * The services assigned to the goals of enrollment_id whose ids lie in
 * first_goal..last_goal (one page of goals), ordered by goal then service.
 * Columns: goal_id, service id, service type name, status.
 */
int pw_goal_services(struct pw_db *db, long long enrollment_id, long long first_goal,
                     long long last_goal, struct pw_db_rows **out);

/* Inserts a goal of enrollment_id; *id gets its id. */
int pw_goal_insert(struct pw_db *db, long long enrollment_id, const struct pw_goal_fields *f,
                   long long *id);
/* Writes every field of goal id when its version is still `version`;
 * PW_ERR_STALE otherwise. */
int pw_goal_update(struct pw_db *db, long long id, int version, const struct pw_goal_fields *f);

#endif
