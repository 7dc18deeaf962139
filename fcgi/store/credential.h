/*
 * store/credential.h: SQL of credentials earned under an enrollment
 * (R-CRED-1), and the look-up of the service a credential is linked to.
 */
#ifndef PW_STORE_CREDENTIAL_H
#define PW_STORE_CREDENTIAL_H

#include "rules/dates.h"

#include <stddef.h>

struct pw_db;
struct pw_db_rows;

/* Column indexes of credential rows. */
enum pw_credential_col {
	CR_ID,
	CR_ENROLLMENT_ID,
	CR_TITLE,
	CR_TYPE,
	CR_OTHER_TEXT,
	CR_SOURCE,
	CR_INSTITUTION,
	CR_DATE_ATTAINED,
	CR_SERVICE_ID,
	CR_SERVICE_NAME, /* the linked service's type name, NULL when none */
	CR_EXPERIENCE_IN_FIELD,
	CR_AGENCY_CODE,
	CR_DOCUMENT_ID,
	CR_VERSION,
	CR_CREATED_AT,
	CR_UPDATED_AT,
	CR_COUNT
};

/* The changeable state of one credential; strings borrowed, NULL for none. */
struct pw_credential_fields {
	const char *title;
	const char *type;       /* rules/credential.h type code */
	const char *other_text; /* "Other Credential" */
	const char *source;     /* rules/credential.h source code */
	const char *institution;
	pw_date date_attained;
	long long service_id;            /* 0: none */
	const char *experience_in_field; /* "yes" / "no" */
	const char *agency_code;
	long long document_id; /* 0: none */
};

/* Row r into f (strings borrowed); PW_ERR_DB for an unreadable date. */
int pw_credential_fields_from_row(const struct pw_db_rows *rows, size_t r,
                                  struct pw_credential_fields *f);

int pw_credential_get(struct pw_db *db, long long id, struct pw_db_rows **out);
/* The credentials of an enrollment with id > after_id, by id, at most limit. */
int pw_credential_list(struct pw_db *db, long long enrollment_id, long long after_id, int limit,
                       struct pw_db_rows **out);

/* The enrollment of service id in *enrollment_id and its status code copied
 * into status (len bytes with the NUL); PW_ERR_NOT_FOUND when there is no
 * such service. */
int pw_credential_service(struct pw_db *db, long long service_id, long long *enrollment_id,
                          char *status, size_t len);

int pw_credential_insert(struct pw_db *db, long long enrollment_id,
                         const struct pw_credential_fields *f, long long *id);
/* PW_ERR_STALE when the version has moved on. */
int pw_credential_update(struct pw_db *db, long long id, int version,
                         const struct pw_credential_fields *f);
/* PW_ERR_STALE when the version has moved on. */
int pw_credential_delete(struct pw_db *db, long long id, int version);

#endif
