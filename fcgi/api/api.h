/*
 * api.h: the handlers of every resource, one file each under fcgi/api/.
 * router.c lists them all in its table.
 */
#ifndef PW_API_H
#define PW_API_H

#include "handler.h"

/* api/health.c */
void api_health_get(struct pw_ctx *ctx);

/* api/session.c */
void api_session_create(struct pw_ctx *ctx);
void api_session_get(struct pw_ctx *ctx);
void api_session_delete(struct pw_ctx *ctx);
void api_session_totp(struct pw_ctx *ctx);
void api_session_enroll(struct pw_ctx *ctx);
void api_session_enroll_confirm(struct pw_ctx *ctx);

/* api/org.c: regions, providers, office locations, staff positions */
#define PW_API_ORG(prefix)                                                                         \
	void api_##prefix##_list(struct pw_ctx *ctx);                                              \
	void api_##prefix##_get(struct pw_ctx *ctx);                                               \
	void api_##prefix##_create(struct pw_ctx *ctx);                                            \
	void api_##prefix##_update(struct pw_ctx *ctx);
PW_API_ORG(regions)
PW_API_ORG(providers)
PW_API_ORG(locations)
PW_API_ORG(positions)

/* api/users.c */
void api_users_list(struct pw_ctx *ctx);
void api_users_get(struct pw_ctx *ctx);
void api_users_create(struct pw_ctx *ctx);
void api_users_update(struct pw_ctx *ctx);
void api_users_set_password(struct pw_ctx *ctx);

/* api/audit.c */
void api_audit_list(struct pw_ctx *ctx);

#endif
