/*
 * store/enrollment.h: enrollments and their case manager history.
 */
#ifndef PW_STORE_ENROLLMENT_H
#define PW_STORE_ENROLLMENT_H

#include "store/scope.h"

struct pw_db;
struct pw_db_rows;

/* Column indexes of enrollment rows (pw_enrollment_get / _list). */
enum pw_enrollment_col {
	EC_ID,
	EC_PARTICIPANT_ID,
	EC_PROGRAM_ID,
	EC_PROGRAM_CODE,
	EC_PROGRAM_NAME,
	EC_PROVIDER_ID,
	EC_PROVIDER_NAME,
	EC_LOCATION_ID,
	EC_LOCATION_NAME,
	EC_REGION_ID,
	EC_REGION_NAME,
	EC_APPLICATION_DATE,
	EC_PARTICIPATION_DATE,
	EC_STATUS,
	EC_CASE_STATUS,
	EC_CASE_MANAGER_ID,
	EC_CASE_MANAGER_NAME,
	EC_TEMP_CASE_MANAGER_ID,
	EC_TEMP_CASE_MANAGER_NAME,
	EC_AGENCY_CODE,
	EC_EXIT_KIND,
	EC_EXIT_DATE,
	EC_EXIT_REASON,
	EC_EXCLUSION_REASON,
	EC_SCHOOL_STATUS_AT_EXIT,
	EC_ISETS_PROGRAM,
	EC_COMPLETION_STATUS,
	EC_OUTCOME_REASON,
	EC_PROGRAM_COMPLETION_DATE,
	EC_EXIT_COMMENTS,
	EC_EXITED_BY,
	EC_EXITED_AT,
	EC_VERSION,
	EC_CREATED_AT,
	EC_UPDATED_AT,
	EC_COUNT
};

int pw_enrollment_get(struct pw_db *db, long long id, struct pw_db_rows **out);
/* The participant's enrollments within the scope filter, oldest first. */
int pw_enrollment_list(struct pw_db *db, long long participant_id,
		       const struct pw_scope_filter *scope, struct pw_db_rows **out);

struct pw_enrollment_new {
	long long participant_id, program_id, location_id;
	const char *application_date;
	const char *participation_date; /* NULL when not yet */
	const char *status;              /* "referred" or "enrolled" */
	long long case_manager_user_id;  /* 0 for none */
	const char *agency_code;
};

/* Inserts the enrollment; provider and region come from the location.
 * PW_ERR_DUPLICATE when the participant has an open one in the program. */
int pw_enrollment_create(struct pw_db *db, const struct pw_enrollment_new *e, long long *id);

/* The changeable fields; given[i] says whether vals[i] applies, in the order
 * application_date, participation_date, status, agency_code. */
int pw_enrollment_update(struct pw_db *db, long long id, int version, const int *given,
			 const char *const *vals);

/* Sets (user 0: removes) the primary or temporary case manager, closing the
 * open history row and opening a new one. */
int pw_enrollment_set_case_manager(struct pw_db *db, long long id, int temporary,
				   long long user_id, long long by_user);
/* Rows: id, user_id, display_name, kind, assigned_at, removed_at. */
int pw_enrollment_case_manager_history(struct pw_db *db, long long id, struct pw_db_rows **out);

/* Location facts for a new enrollment: provider_id, region_id, active. */
int pw_enrollment_location(struct pw_db *db, long long location_id, struct pw_db_rows **out);
/* Is user a staff account that may serve location (statewide, or assigned)? */
int pw_enrollment_user_serves(struct pw_db *db, long long user_id, long long location_id,
			      int *serves);

#endif
