/*
 * store/employment.h: SQL of the jobs a participant holds (R-EMP-1, R-EMP-2).
 *
 * Jobs belong to the participant, not to one enrollment: the same job can be
 * the employment outcome of several enrollments and the job a post-exit
 * quarter refers to (R-PEX-1). A row turns into the rules' struct pw_job so
 * days retained and wage equivalents are computed by rules/employment.c.
 */
#ifndef PW_STORE_EMPLOYMENT_H
#define PW_STORE_EMPLOYMENT_H

#include "rules/employment.h"

#include <stddef.h>
#include <stdint.h>

struct pw_db;
struct pw_db_rows;

/* Column indexes of employment rows. */
enum pw_employment_col {
	EM_ID,
	EM_PARTICIPANT_ID,
	EM_EMPLOYER,
	EM_START_DATE,
	EM_END_DATE,
	EM_IS_CURRENT,
	EM_JOB_TITLE,
	EM_SOC_CODE,
	EM_STREET1,
	EM_STREET2,
	EM_CITY,
	EM_STATE,
	EM_ZIP,
	EM_DUTIES,
	EM_HOURS_PER_WEEK,
	EM_WAGE_CENTS,
	EM_WAGE_PERIOD,
	EM_MEETS_NEEDS,
	EM_MEETS_NEEDS_WHY,
	EM_VERSION,
	EM_CREATED_AT,
	EM_UPDATED_AT,
	EM_COUNT
};

/* Row r as the rules' job (strings borrowed from rows). PW_ERR_DB when a
 * stored date or code is unreadable. */
int pw_employment_job_from_row(const struct pw_db_rows *rows, size_t r, struct pw_job *j);

int pw_employment_get(struct pw_db *db, long long id, struct pw_db_rows **out);
/* A participant's jobs with id > after_id, by id, at most limit. */
int pw_employment_list(struct pw_db *db, long long participant_id, long long after_id, int limit,
                       struct pw_db_rows **out);

int pw_employment_insert(struct pw_db *db, long long participant_id, const struct pw_job *j,
                         long long *id);
/* PW_ERR_STALE when the version has moved on. */
int pw_employment_update(struct pw_db *db, long long id, int version, const struct pw_job *j);
/* PW_ERR_STALE when the version has moved on; PW_ERR_DB with errno 1451
 * when a post-exit quarter refers to the job. */
int pw_employment_delete(struct pw_db *db, long long id, int version);

#endif
