/*
 * api/health.c: GET /api/v1/health, for load balancers and sysadmins.
 *
 * Public (no sign-in) and cheap: one round trip to MariaDB. 200 when the
 * database answers, 503 database_unavailable (in the error envelope, with
 * the health fields beside it) when it does not; the worker itself is
 * evidently alive either way.
 */
#include "api/api.h"

#include "config.h"
#include "db.h"
#include "pw.h"
#include "store/meta.h"


void api_health_get(struct pw_ctx *ctx)
{
	long long version = 0;
	json_object *o;
	int rc;

	rc = pw_db_ensure(ctx->db);
	if (rc == PW_OK)
		rc = pw_meta_schema_version(ctx->db, &version);
	if (rc != PW_OK) {
		o = json_object_new_object();
		json_object_object_add(o, "status", json_object_new_string("unavailable"));
		json_object_object_add(o, "version", json_object_new_string(PACKAGE_VERSION));
		json_object_object_add(o, "database", json_object_new_string("unreachable"));
		json_object_object_add(o, "schema_version", NULL);
		pw_response_error_ex(ctx->res, 503, "database_unavailable",
				     "The database cannot be reached. Try again shortly.", NULL, o);
		return;
	}
	o = json_object_new_object();
	json_object_object_add(o, "status", json_object_new_string("ok"));
	json_object_object_add(o, "version", json_object_new_string(PACKAGE_VERSION));
	json_object_object_add(o, "database", json_object_new_string("reachable"));
	json_object_object_add(o, "schema_version", json_object_new_int64(version));
	pw_response_json(ctx->res, 200, o);
}
