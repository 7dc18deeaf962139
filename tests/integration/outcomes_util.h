/*
 * outcomes_util.h: what the outcome-record suites (skill gains and
 * assessments, credentials, employment, trackers, success stories) share:
 * SQL through stackctl for counting rows and setting up states the API
 * under test does not make (an exit, a post-exit quarter, a document), a
 * participant enrolled through the API, dates relative to today, and the
 * check that an error names a field and its rule.
 */
#ifndef PW_OUTCOMES_UTIL_H
#define PW_OUTCOMES_UTIL_H

#include "itest.h"

/* Demo office locations (db/demo/0001_organisation.sql): East LA (region 1,
 * which requires an agency code), AHS Chicago North, C-Work Oakland. */
#define OT_LOC_EAST_LA 1
#define OT_LOC_AHS     3
#define OT_LOC_CWORK   4
/* Programs (migration 0008). */
#define OT_WIOA_ADULT      1
#define OT_WIOA_YOUTH      3
#define OT_SNAP_TO_SUCCESS 5
#define OT_CWORK           7

/* Runs SQL (single quotes only) through stackctl and returns the first cell
 * of its output as a number, or -1 on failure. printf-style. */
long long ot_sql(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Today + days (UTC, as the server counts) as YYYY-MM-DD in out. */
const char *ot_day(int days, char out[16]);

/*
 * A new participant with highest education edu (NULL: none), enrolled by s
 * through the API in program at location loc with the participation date
 * given; returns the enrollment id (0 on failure) and the participant's id
 * in *participant (may be NULL).
 */
long long ot_enroll(const struct it_session *s, long long program, int loc,
                    const char *participation_date, const char *edu, long long *participant);

/* A verification document of participant (and enrollment, 0: none), made
 * with SQL as an upload would leave it; its id, or -1. */
long long ot_document(long long participant, long long enrollment);

/* Exits enrollment eid on date (regular, status exited) with the school
 * status at exit given (NULL: none), as the exit endpoint would. */
int ot_exit(long long eid, const char *date, const char *school_status);

/* 1 when the error details hold an entry for field with rule (any rule when
 * rule is NULL). */
int ot_has_detail(const struct it_resp *r, const char *field, const char *rule);

/* POSTs json to path as s; the new record's id when the answer is 201, else
 * 0 (the answer is printed to help). */
long long ot_create(const struct it_session *s, const char *path, const char *json);

/* Signs a demo account in (no second factor) into s; 0 or -1. */
int ot_sign_in(const char *login, struct it_session *s);

#endif
