/*
 * api.h: the handlers of every resource, one file each under fcgi/api/.
 * router.c lists them all in its table.
 */
#ifndef PW_API_H
#define PW_API_H

#include "handler.h"

/* api/health.c */
void api_health_get(struct pw_ctx *ctx);

#endif
