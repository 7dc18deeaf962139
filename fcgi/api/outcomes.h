/*
 * api/outcomes.h: what the outcome-record handlers (assessments, skill
 * gains, credentials, employment, trackers, success stories) share: reading
 * nullable fields, naming the rule on every field problem, checking that a
 * verification document is the participant's, money on the wire, the
 * ?as_of= date, and the answer to a write the database refused.
 */
#ifndef PW_API_OUTCOMES_H
#define PW_API_OUTCOMES_H

#include "handler.h"
#include "json_io.h"
#include "rules/dates.h"

#include <stddef.h>

/* Ids on the wire: positive and within a JSON number's exact range. */
#define OUTCOMES_ID_MAX (1LL << 53)

/* 1 when the body holds name with the value null; 1 when it holds name at all. */
int outcomes_null(const struct pw_ctx *ctx, const char *name);
int outcomes_present(const struct pw_ctx *ctx, const char *name);

/*
 * Field readers over the stored or default state: only a field the body
 * sends changes *out. A text of at most max characters: null, "" or blanks
 * clear it to NULL. A code from codes[0..n): null clears it. A date: null
 * clears it to PW_DATE_NONE. An id (1..OUTCOMES_ID_MAX): null clears it to
 * 0. Wrong values add a detail to fl->details and leave *out alone. Strings
 * borrow from the body.
 */
void outcomes_text(const struct pw_ctx *ctx, struct pw_fields *fl, const char *name, size_t max,
                   const char **out);
void outcomes_code(const struct pw_ctx *ctx, struct pw_fields *fl, const char *name,
                   const char *const *codes, size_t n, const char **out);
void outcomes_date(const struct pw_ctx *ctx, struct pw_fields *fl, const char *name, pw_date *out);
void outcomes_id(const struct pw_ctx *ctx, struct pw_fields *fl, const char *name, long long *out);

/* Adds "rule": rule to each detail of details that concerns one of
 * fields[0..n) (every field when fields is NULL) and names no rule yet, so
 * every field problem of a record says which rule governs the field. */
void outcomes_name_rule(json_object *details, const char *rule, const char *const *fields,
                        size_t n);

/* Renames the field of every detail naming from to to (a rule's name for a
 * field that the API spells differently). from and to are static strings. */
void outcomes_rename_field(json_object *details, const char *from, const char *to);

/*
 * R-ACL-1: document_id must be a document of participant_id that the
 * caller can reach; otherwise a detail (field, rule) is added. Returns
 * PW_OK (whatever the answer) or a database error, with nothing added.
 */
int outcomes_check_document(struct pw_ctx *ctx, long long document_id, long long participant_id,
                            const char *field, const char *rule, json_object *details);

/* Money in cents as a JSON number written with two decimals ("12.50"); a
 * new object. */
json_object *outcomes_money(long long cents);

/* R-DATE-4: ?as_of=YYYY-MM-DD, today when absent. Returns 0, or -1 with 400
 * bad_query in the response. */
int outcomes_as_of(struct pw_ctx *ctx, pw_date *as_of);

/* 422 validation_failed with details (consumed) when it holds any and
 * returns -1; otherwise frees details and returns 0. */
int outcomes_refuse(struct pw_ctx *ctx, json_object *details);

/*
 * The answer to a write that failed after the rollback: a row still
 * referred to (MariaDB 1451) is 409 with in_use_code and in_use_message
 * when in_use_code is not NULL; anything else the standard answer for rc.
 */
void outcomes_write_failed(struct pw_ctx *ctx, int rc, const char *in_use_code,
                           const char *in_use_message);

#endif
