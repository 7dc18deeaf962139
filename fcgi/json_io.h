/*
 * json_io.h: reading JSON request bodies into typed fields.
 *
 * pw_json_parse turns a body into a json-c object or a precise syntax error
 * (byte offset, line, column). The field readers check one member each and,
 * when it is wrong, append a {"field", "problem"} detail instead of failing
 * the whole request, so one 422 lists every bad field at once.
 *
 * Reader results: PW_OK (present and valid), PW_ERR_NOT_FOUND (absent or
 * null and not required: *out untouched), PW_ERR_INVALID (detail added).
 */
#ifndef PW_JSON_IO_H
#define PW_JSON_IO_H

#include "rules/dates.h"

#include <json-c/json.h>
#include <stddef.h>

#define PW_JSON_MAX_DEPTH 32

struct pw_json_error {
	size_t offset; /* byte offset of the fault */
	int line, column; /* 1-based */
	char message[160];
};

/*
 * Parses len bytes as one JSON value (strict, UTF-8 validated, nesting at
 * most PW_JSON_MAX_DEPTH, nothing but white space after it). On success
 * *out is a new reference the caller puts; on PW_ERR_INVALID err says where.
 */
int pw_json_parse(const char *s, size_t len, json_object **out, struct pw_json_error *err);

enum pw_field_flags {
	PW_FIELD_OPTIONAL = 0,
	PW_FIELD_REQUIRED = 1,
};

/* A JSON object being read, with the details array errors go to. */
struct pw_fields {
	json_object *obj;     /* borrowed */
	json_object *details; /* borrowed array */
};

/* String of at most max_chars characters (UTF-8), no NUL inside; empty
 * strings count as absent unless allow_empty. *out borrows from obj. */
int pw_field_string(struct pw_fields *f, const char *name, int flags, size_t max_chars,
		    const char **out);
int pw_field_int(struct pw_fields *f, const char *name, int flags, long long min, long long max,
		 long long *out);
int pw_field_bool(struct pw_fields *f, const char *name, int flags, int *out);
/* "YYYY-MM-DD" (R-DATE-*: only real calendar days). */
int pw_field_date(struct pw_fields *f, const char *name, int flags, pw_date *out);
/* One of codes[0..n-1]; *index gets the position. */
int pw_field_enum(struct pw_fields *f, const char *name, int flags, const char *const *codes,
		  size_t n, size_t *index);
/* A number with at most 2 decimals, as cents, min..max cents. */
int pw_field_money(struct pw_fields *f, const char *name, int flags, long long min_cents,
		   long long max_cents, long long *cents);
/* A decimal number min..max. */
int pw_field_number(struct pw_fields *f, const char *name, int flags, double min, double max,
		    double *out);
/* Adds a detail for every member of obj not listed in allowed. Returns the count. */
int pw_fields_reject_unknown(struct pw_fields *f, const char *const *allowed, size_t n);
/* The number of details recorded so far. */
size_t pw_fields_errors(const struct pw_fields *f);

/* Counts the characters of a UTF-8 string (bytes that are not continuations). */
size_t pw_utf8_chars(const char *s, size_t len);

#endif
