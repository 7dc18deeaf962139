/*
 * pw.h: the one result type shared by every layer of Pathway.
 *
 * Every function that can fail returns an enum pw_rc: PW_OK (0) on success,
 * a negative code otherwise. Conventions of the libraries underneath
 * (MariaDB's non-zero-is-error, json-c's NULL-is-error) are converted at the
 * boundary and never leak upwards.
 */
#ifndef PW_H
#define PW_H

enum pw_rc {
	PW_OK = 0,
	PW_ERR_NOMEM = -1,          /* allocation failed */
	PW_ERR_INVALID = -2,        /* input breaks a field rule (422) or syntax (400) */
	PW_ERR_NOT_FOUND = -3,      /* no such record, or not visible to the caller */
	PW_ERR_CONFLICT = -4,       /* a state rule refuses the change (409) */
	PW_ERR_STALE = -5,          /* version mismatch on If-Match (412) */
	PW_ERR_TOO_LARGE = -6,      /* input over a configured cap (413) */
	PW_ERR_DB = -7,             /* the database refused a statement */
	PW_ERR_DB_UNAVAILABLE = -8, /* the database cannot be reached (503) */
	PW_ERR_IO = -9,             /* a file or socket operation failed */
	PW_ERR_CONFIG = -10,        /* configuration is unusable */
	PW_ERR_FORBIDDEN = -11,     /* authenticated but not allowed (403) */
	PW_ERR_UNAUTHORIZED = -12,  /* not signed in (401) */
	PW_ERR_DUPLICATE = -13,     /* a unique key already holds this value */
};

/* A static, human sentence for rc; never NULL. */
const char *pw_strerror(int rc);

#define PW_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#endif
