/*
 * router.h: one table of every endpoint (router.c), and matching against it.
 */
#ifndef PW_ROUTER_H
#define PW_ROUTER_H

#include "handler.h"

#include <stddef.h>

/*
 * Finds the route for method and path. On a match returns it with the path's
 * {id} values in ids (at most PW_ROUTE_MAX_IDS) and *status 200. Otherwise
 * returns NULL with *status 404 (no such path) or 405 (known path, other
 * method; allow then lists the methods, comma-separated). HEAD matches GET.
 */
const struct pw_route *pw_router_match(const char *method, const char *path, long long *ids,
				       size_t *nids, char *allow, size_t allow_len, int *status);

/* The whole table, for docs and tests. */
const struct pw_route *pw_router_routes(size_t *n);

/* Matches one pattern; exported for the unit tests. Returns 1 on a match. */
int pw_route_pattern_match(const char *pattern, const char *path, long long *ids, size_t *nids);

#endif
