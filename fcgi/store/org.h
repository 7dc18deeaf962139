/*
 * store/org.h: the organisation records: regions, providers, office
 * locations and staff positions. They share one shape (a few fields, an
 * active flag, a version), so one set of functions serves all four, each
 * kind with its own constant SQL.
 */
#ifndef PW_STORE_ORG_H
#define PW_STORE_ORG_H

#include <stddef.h>

struct pw_db;
struct pw_db_rows;
struct pw_db_param;

enum pw_org_kind { PW_ORG_REGION, PW_ORG_PROVIDER, PW_ORG_LOCATION, PW_ORG_POSITION };

/* Number of writable fields of a kind (the order is the kind's column order,
 * documented in org.c next to its SQL). */
size_t pw_org_nfields(enum pw_org_kind kind);

/* Rows: id, the fields in order, version, created_at, updated_at. */
int pw_org_get(struct pw_db *db, enum pw_org_kind kind, long long id, struct pw_db_rows **out);
int pw_org_list(struct pw_db *db, enum pw_org_kind kind, long long after_id, int limit,
		struct pw_db_rows **out);
/* vals: one per field, in order. */
int pw_org_create(struct pw_db *db, enum pw_org_kind kind, const struct pw_db_param *vals,
		  long long *id);
/* given[i] says whether vals[i] replaces field i. PW_ERR_STALE on a version
 * mismatch (or no such record). */
int pw_org_update(struct pw_db *db, enum pw_org_kind kind, long long id, int version,
		  const int *given, const struct pw_db_param *vals);

/* The active staff accounts assigned to office location location_id (the
 * people who may be its participants' case managers), by display name:
 * rows id, display_name, role, staff_position_id, position name. */
int pw_org_location_staff(struct pw_db *db, long long location_id, struct pw_db_rows **out);

#endif
