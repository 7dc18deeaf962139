/*
 * store/audit.h: the audit trail (R-ACL-3).
 *
 * Every write calls pw_audit_write inside the same transaction as the
 * change, so a change and its audit row are committed or rolled back
 * together.
 */
#ifndef PW_STORE_AUDIT_H
#define PW_STORE_AUDIT_H

struct pw_db;
struct pw_db_rows;

/* Who did it. user_id 0 means the system (sweep, shell tools). */
struct pw_actor {
	long long user_id;
	const char *label;       /* login name or "system" */
	const char *request_id;  /* NULL outside a request */
	const char *remote_addr; /* NULL outside a request */
};

/* before and after are JSON texts or NULL; reason may be NULL. */
int pw_audit_write(struct pw_db *db, const struct pw_actor *who, const char *entity,
		   long long entity_id, const char *action, const char *before, const char *after,
		   const char *reason);

/*
 * Rows for one record, newest first, at most limit, before the cursor id
 * (0: from the newest). Columns: id, occurred_at, actor_user_id,
 * actor_label, request_id, action, before_json, after_json, reason.
 */
int pw_audit_list(struct pw_db *db, const char *entity, long long entity_id, long long before_id,
		  int limit, struct pw_db_rows **out);

#endif
