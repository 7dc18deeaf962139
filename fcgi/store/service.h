/*
 * store/service.h: SQL of services (activities, steps) and of the one fact
 * about their enrollment that a service write needs (R-SVC-1..4).
 *
 * A service row is read with its type's code and name, its goal's
 * statement and its provider's name, so one query answers a GET. A write
 * works on struct pw_service_fields, the whole changeable state of one
 * service: the handler reads the row into it, applies the request, asks the
 * rules in rules/service.h, then writes every column back under the
 * version it read (optimistic locking: a lost update becomes
 * PW_ERR_STALE). Rows are never removed: `deleted` is a status.
 */
#ifndef PW_STORE_SERVICE_H
#define PW_STORE_SERVICE_H

#include "rules/dates.h"
#include "rules/service.h"

#include <stdbool.h>

struct pw_db;
struct pw_db_rows;

/* Column indexes of service rows (pw_service_get, pw_service_list). Dates
 * are "YYYY-MM-DD", timestamps RFC 3339; SC_AMOUNT_CENTS is an integer. */
enum pw_service_col {
	SC_ID,
	SC_ENROLLMENT_ID,
	SC_TYPE_ID,
	SC_TYPE_CODE,
	SC_TYPE_NAME,
	SC_STATUS,
	SC_START_DATE,
	SC_END_DATE,
	SC_PROJECTED_END_DATE,
	SC_GOAL_ID,
	SC_GOAL_STATEMENT,
	SC_PROVIDER_ID,
	SC_PROVIDER_NAME,
	SC_NOTE,
	SC_AMOUNT_CENTS,
	SC_TRAINING_TYPE,
	SC_VERSION,
	SC_CREATED_AT,
	SC_UPDATED_AT,
	SC_COUNT
};

/* The changeable state of one service. */
struct pw_service_fields {
	long long service_type_id;
	enum pw_service_status status;
	pw_date start;             /* PW_DATE_NONE: none */
	pw_date end;               /* PW_DATE_NONE: none */
	pw_date projected_end;     /* PW_DATE_NONE: none */
	long long goal_id;         /* 0: none */
	long long provider_id;     /* 0: none */
	const char *note;          /* NULL: none; borrowed */
	long long amount_cents;    /* < 0: none */
	const char *training_type; /* NULL: none; borrowed */
};

/*
 * Reads row r of a service result into f. Strings are borrowed from rows
 * and live as long as it. Returns PW_OK, or PW_ERR_DB when the row holds a
 * status or date the schema should have refused.
 */
int pw_service_fields_from_row(const struct pw_db_rows *rows, size_t r,
                               struct pw_service_fields *f);

/* One service by id (zero or one row, columns enum pw_service_col); the
 * caller frees *out with pw_db_rows_free. */
int pw_service_get(struct pw_db *db, long long id, struct pw_db_rows **out);

/* What a service list may be narrowed to. */
struct pw_service_filter {
	const char *status; /* one status code; NULL: every status but deleted */
	long long goal_id;  /* only the services of this goal; 0: any */
	bool unassigned;    /* only services assigned to no goal */
};

/* The services of an enrollment with id > after_id, by id, at most limit;
 * the caller frees *out. */
int pw_service_list(struct pw_db *db, long long enrollment_id, const struct pw_service_filter *f,
                    long long after_id, int limit, struct pw_db_rows **out);

/* The enrollment a service is written to, as the rules need it. */
struct pw_service_enrollment {
	long long program_id;
	long long provider_id;
	bool closed; /* R-SVC-4: exited or not enrolled */
};

/*
 * Reads enrollment id with a shared lock held until the transaction ends
 * (call it inside one), so an exit cannot commit between the R-SVC-4 check
 * and the service write, nor a service slip in under an exit that is being
 * decided. PW_ERR_NOT_FOUND when there is no such enrollment.
 */
int pw_service_lock_enrollment(struct pw_db *db, long long id, struct pw_service_enrollment *out);

/* Inserts a service of enrollment_id; *id gets its id. */
int pw_service_insert(struct pw_db *db, long long enrollment_id, const struct pw_service_fields *f,
                      long long *id);

/* Writes every field of service id when its version is still `version`;
 * PW_ERR_STALE otherwise. */
int pw_service_update(struct pw_db *db, long long id, int version,
                      const struct pw_service_fields *f);

#endif
