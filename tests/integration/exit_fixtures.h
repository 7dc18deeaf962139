/*
 * exit_fixtures.h: what the exit-side integration tests (test_exit.c,
 * test_post_exit.c, test_follow_ups.c, test_summary.c, test_sweep.c) share:
 * signed-in sessions of the demo accounts, participants enrolled through
 * the API, services added and closed through the API, documents uploaded,
 * SQL for the records whose APIs belong to other modules, and running
 * `pathway-admin sweep` against the test stack.
 *
 * The program, service-type and location ids are those of migration 0008
 * and the demo organisation: programs 1 WIOA Adult, 3 WIOA Youth, 4 SNAP
 * JP, 5 SNAP to Success, 7 C-Work; locations 1 WDACS East LA, 3 AHS Chicago
 * North, 4 C-Work Oakland, 5 Northside Career Center.
 */
#ifndef PW_EXIT_FIXTURES_H
#define PW_EXIT_FIXTURES_H

#include "itest.h"

#include <stddef.h>

#define XF_WIOA_ADULT      1
#define XF_WIOA_YOUTH      3
#define XF_SNAP_JP         4
#define XF_SNAP_TO_SUCCESS 5
#define XF_CWORK           7

#define XF_LOC_EAST_LA   1
#define XF_LOC_AHS       3
#define XF_LOC_CWORK     4
#define XF_LOC_NORTHSIDE 5

/* A signed-in session of a demo account (cached per login; pm.lee and
 * state.admin pass their second factor). NULL when sign-in fails. */
const struct it_session *xf_login(const char *login);

/* Runs SQL (printf-style; no double quotes, dollar signs or backquotes)
 * through stackctl. xf_sql returns its exit status; xf_sql_num the first
 * cell of the answer as a number, -1 on failure or no rows; xf_sql_str
 * copies the first cell into out ("" for none) and returns out. */
int xf_sql(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
long long xf_sql_num(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
const char *xf_sql_str(char *out, size_t n, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

/* Today + days, as the server counts (UTC), "YYYY-MM-DD" in out (16 bytes). */
const char *xf_day(int days, char out[16]);

/* A new participant with one enrollment, made by s through the API.
 * participated NULL makes a referral. Returns the enrollment id (0 on
 * failure) and sets *participant when not NULL. */
long long xf_enroll(const struct it_session *s, const char *first, const char *last,
                    long long program, int location, const char *applied, const char *participated,
                    long long *participant);

/* A second enrollment of participant, made by s (0 on failure). */
long long xf_enroll_again(const struct it_session *s, long long participant, long long program,
                          int location, const char *applied, const char *participated);

/* Adds a service through the API: type id of the program's catalog,
 * status code, start and end (NULL: none). The id, 0 unless 201. */
long long xf_service(const struct it_session *s, long long enrollment, long long type,
                     const char *status, const char *start, const char *end);

/* Sets service id's status and end date through the API (reads its ETag
 * first). The HTTP status. */
long xf_service_close(const struct it_session *s, long long id, const char *status,
                      const char *end);

/* One JSON call; the HTTP status (-1 on a transport failure). r is the
 * caller's to free. */
long xf_call(const struct it_session *s, const char *method, const char *path, const char *if_match,
             const char *json, struct it_resp *r);

/* Uploads a small text document for participant; its id, 0 unless 201. */
long long xf_document(const struct it_session *s, long long participant, const char *filename);

/* Runs `pathway-admin -c $PATHWAY_TEST_CONF sweep --as-of as_of --batch
 * batch` and returns its exit status; its output (both streams) in out. */
int xf_sweep(const char *as_of, int batch, char *out, size_t n);

/* 1 when the error details hold an entry whose field is `field` (NULL:
 * any), whose rule is `rule` (NULL: any) and whose problem contains
 * `needle` (NULL: any). */
int xf_has_detail(const struct it_resp *r, const char *field, const char *rule, const char *needle);

/* The readiness checklist item with this code: 1 met, 0 not met, -1 absent;
 * *why (may be NULL) points at its "why" inside r. */
int xf_item_met(const struct it_resp *r, const char *code, const char **why);

/* 1 when s is not NULL and holds needle. */
int xf_contains(const char *s, const char *needle);

/* The number of audit rows of entity/id with action. */
long long xf_audit_count(const char *entity, long long id, const char *action);

#endif
