/*
 * api/exit_common.h: what the exit-side handlers (api/exit.c,
 * api/post_exit.c, api/follow_ups.c, api/summary.c) do the same way: the
 * ?as_of= date every computation takes (R-DATE-4), loading an enrollment's
 * facts (store/facts.h) with the error answer when that fails, and the
 * JSON of dates, money and rule violations.
 */
#ifndef PW_API_EXIT_COMMON_H
#define PW_API_EXIT_COMMON_H

#include "handler.h"
#include "rules/dates.h"
#include "rules/violation.h"

struct pw_facts;

/* R-DATE-4: ?as_of=YYYY-MM-DD, today when absent. A malformed date or one
 * in the future is 400 bad_query. Returns 0, or -1 with the response set. */
int api_exit_as_of(struct pw_ctx *ctx, pw_date *as_of);

/* Loads the facts of enrollment id (parts of store/facts.h) into the
 * request's arena. Returns 0, or -1 with 404 or the database error in the
 * response. */
int api_exit_load(struct pw_ctx *ctx, long long id, unsigned parts, pw_date as_of,
                  struct pw_facts *f);

/* A "YYYY-MM-DD" string, or JSON null for an absent date. New object. */
json_object *api_exit_date(pw_date d);

/* An amount of money in cents as a number with two decimals ("12.50"). */
json_object *api_exit_money(long long cents);

/* A string, or JSON null for NULL. New object. */
json_object *api_exit_str(const char *s);

/* The error envelope with the violations as details. */
void api_exit_refuse(struct pw_ctx *ctx, int status, const char *code, const char *message,
                     const struct pw_violations *v);

/* The status and code of design.md for a rule's answer: PW_ERR_INVALID is
 * 422 validation_failed, PW_ERR_CONFLICT 409 with conflict_code,
 * PW_ERR_FORBIDDEN 403 forbidden. */
void api_exit_refuse_rc(struct pw_ctx *ctx, int rc, const char *conflict_code, const char *message,
                        const struct pw_violations *v);

#endif
