/*
 * store/audit.c: audit_log rows (see audit.h).
 */
#include "store/audit.h"

#include "db.h"
#include "pw.h"

int pw_audit_write(struct pw_db *db, const struct pw_actor *who, const char *entity,
		   long long entity_id, const char *action, const char *before, const char *after,
		   const char *reason)
{
	static const char sql[] =
		"INSERT INTO audit_log (actor_user_id, actor_label, request_id, remote_addr, "
		"entity, entity_id, action, before_json, after_json, reason) "
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	struct pw_db_param p[] = {
		who->user_id ? PW_P_INT(who->user_id) : PW_P_NULL,
		PW_P_TEXT(who->label ? who->label : "system"),
		PW_P_TEXT(who->request_id),
		PW_P_TEXT(who->remote_addr),
		PW_P_TEXT(entity),
		entity_id ? PW_P_INT(entity_id) : PW_P_NULL,
		PW_P_TEXT(action),
		PW_P_TEXT(before),
		PW_P_TEXT(after),
		PW_P_TEXT(reason),
	};

	return pw_db_exec(db, sql, p, PW_ARRAY_LEN(p), NULL, NULL);
}

int pw_audit_list(struct pw_db *db, const char *entity, long long entity_id, long long before_id,
		  int limit, struct pw_db_rows **out)
{
	static const char sql[] =
		"SELECT id, DATE_FORMAT(occurred_at, '%Y-%m-%dT%H:%i:%s.%fZ'), actor_user_id, "
		"actor_label, request_id, action, before_json, after_json, reason "
		"FROM audit_log WHERE entity = ? AND entity_id = ? AND (? = 0 OR id < ?) "
		"ORDER BY id DESC LIMIT ?";
	struct pw_db_param p[] = {PW_P_TEXT(entity), PW_P_INT(entity_id), PW_P_INT(before_id),
				  PW_P_INT(before_id), PW_P_INT(limit)};

	return pw_db_query(db, sql, p, PW_ARRAY_LEN(p), out);
}
