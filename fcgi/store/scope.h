/*
 * store/scope.h: where a record sits, for the access decision (R-ACL-1).
 *
 * A participant belongs to the partner locations of their enrollments; an
 * enrollment, and everything recorded under it, to its one location. These
 * functions load that scope so a handler can ask pw_acl_allows, and answer
 * 404 when it says no.
 */
#ifndef PW_STORE_SCOPE_H
#define PW_STORE_SCOPE_H

#include "rules/acl.h"

struct pw_db;
struct pw_arena;

/* The scope of participant id; PW_ERR_NOT_FOUND when there is none. */
int pw_scope_participant(struct pw_db *db, struct pw_arena *a, long long id,
			 struct pw_acl_scope *out);
/* The scope of enrollment id; *participant_id (may be NULL) gets its
 * participant. PW_ERR_NOT_FOUND when there is none. */
int pw_scope_enrollment(struct pw_db *db, struct pw_arena *a, long long id,
			struct pw_acl_scope *out, long long *participant_id);

/*
 * SQL filter parameters for lists: every store list query that returns
 * personal records takes these three as its scope parameters, in this
 * order, and filters in SQL (never fetch-all-then-filter):
 *   all (1 for statewide), user_id (for user_locations), participant_id
 *   (customers: their own; else 0).
 */
struct pw_scope_filter {
	long long all;
	long long user_id;
	long long participant_id;
};
void pw_scope_filter_of(const struct pw_principal *p, struct pw_scope_filter *out);

/*
 * R-ACL-1 in SQL, the scope clause of statements over records that carry
 * an enrollment_id (documents, case notes). It is text to concatenate into
 * a constant statement, so statements stay compile-time constants (db.h
 * caches them by pointer); alias is the table's alias as a string literal.
 * It takes the scope parameters all, user_id, participant_id, in that
 * order: a record under an enrollment is reachable by statewide users, by
 * staff assigned to the enrollment's location and by the participant; a
 * record under no enrollment by anyone who may see the participant
 * (checked by the caller).
 */
#define PW_SCOPE_SQL(alias)                                                                        \
	"(? = 1 OR " alias ".enrollment_id IS NULL OR EXISTS (SELECT 1 FROM enrollments se "       \
	"JOIN user_locations ul ON ul.location_id = se.location_id WHERE se.id = " alias           \
	".enrollment_id AND ul.user_id = ?) OR ? <> 0)"

#endif
