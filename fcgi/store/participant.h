/*
 * store/participant.h: the participants table.
 */
#ifndef PW_STORE_PARTICIPANT_H
#define PW_STORE_PARTICIPANT_H

#include "store/scope.h"

#include <stddef.h>

struct pw_db;
struct pw_db_rows;
struct pw_db_param;

/* The writable columns, in the order of every vals[] array below. */
enum pw_participant_field {
	PF_FIRST_NAME,
	PF_MIDDLE_NAME,
	PF_LAST_NAME,
	PF_DATE_OF_BIRTH,
	PF_EMAIL,
	PF_PHONE,
	PF_ADDRESS_LINE1,
	PF_ADDRESS_LINE2,
	PF_CITY,
	PF_STATE,
	PF_ZIP,
	PF_SSN_LAST4,
	PF_STATE_ID,
	PF_INDIVIDUAL_NUMBER,
	PF_USERNAME,
	PF_SCHOOL_STATUS,
	PF_HIGHEST_EDUCATION,
	PF_EMPLOYMENT_STATUS_AT_ENTRY,
	PF_REDETERMINATION_DATE,
	PF_COUNT
};

/* Rows: id, the PF_COUNT fields in order, version, created_at, updated_at. */
#define PW_PARTICIPANT_VERSION_COL (PF_COUNT + 1)

int pw_participant_get(struct pw_db *db, long long id, struct pw_db_rows **out);
int pw_participant_create(struct pw_db *db, const struct pw_db_param *vals, long long created_by,
			  long long *id);
int pw_participant_update(struct pw_db *db, long long id, int version, const int *given,
			  const struct pw_db_param *vals);
/* Ids of participants with this first and last name, date of birth and
 * last four (NULL matches NULL), at most 5. */
int pw_participant_duplicates(struct pw_db *db, const char *first, const char *last,
			      const char *dob, const char *ssn_last4, struct pw_db_rows **out);

/* The orders of the search, each served by an index walked forwards or
 * backwards: idx_participants_name (last_name, first_name, id) and
 * idx_participants_dob (date_of_birth, id). */
enum pw_participant_sort {
	PW_PSORT_NAME,      /* last name, first name, id */
	PW_PSORT_NAME_DESC, /* the same, descending */
	PW_PSORT_DOB,       /* date of birth, id */
	PW_PSORT_DOB_DESC,  /* the same, descending */
	PW_PSORT_COUNT
};

/* Search filters; NULL / 0 means "any". Name patterns are LIKE prefixes. */
struct pw_participant_search {
	const char *name1;     /* one word: last or first name prefix */
	const char *first_pat; /* two words: first name prefix ... */
	const char *last_pat;  /* ... and last name prefix (either order) */
	const char *dob;
	const char *ssn_last4;
	const char *state_id;
	/* Each of the enrollment filters below is a condition on an
	 * enrollment of the participant's: one with this provider, one with
	 * this case manager (primary or temporary), one with this program
	 * and / or this status (the enrollments.status value; both on the same
	 * enrollment). For a staff caller only enrollments at one of their
	 * locations count (R-ACL-1). */
	long long provider_id;
	long long case_manager_id;
	long long program_id;
	const char *status;
	enum pw_participant_sort sort;
	/* The keyset position to continue after, in the sort's own columns:
	 * (after_last, after_first, after_id) for the name orders,
	 * (after_dob, after_id) for the date of birth orders; NULL key: the
	 * first page. */
	const char *after_last, *after_first, *after_dob;
	long long after_id;
	int limit;
	/* How the search and the count run: set by pw_participant_plan; 0
	 * (walk the order's index) until then, which gives the same rows. */
	int drive;
};

/* Chooses how the search and the count of q run, into q->drive: with an
 * enrollment filter, a bounded probe (at most a few thousand index
 * entries) of how many enrollments it matches decides between starting
 * from them and walking the index of the order. Call it once per request,
 * before pw_participant_search and pw_participant_count. */
int pw_participant_plan(struct pw_db *db, const struct pw_scope_filter *scope,
			struct pw_participant_search *q);

/* Rows: the get columns in q->sort's order, at most q->limit; only
 * participants within the scope filter. */
int pw_participant_search(struct pw_db *db, const struct pw_scope_filter *scope,
			  const struct pw_participant_search *q, struct pw_db_rows **out);

/* *n gets how many participants the same search (filters and scope, not
 * the keyset position) matches, counting no further than max: the count
 * stops there, so it costs at most max matches' worth of reading (or, for
 * an enrollment filter that matches few, those few). *n is -1 when
 * counting took longer than half a second and was given up. */
int pw_participant_count(struct pw_db *db, const struct pw_scope_filter *scope,
			 const struct pw_participant_search *q, long long max, long long *n);

#endif
