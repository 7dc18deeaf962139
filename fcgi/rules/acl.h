/*
 * acl.h: who may read or write what (R-ACL-1..3).
 *
 * One function decides for a signed-in principal and a record whether an
 * action is allowed. The caller describes the record by its scope: the
 * partner locations it belongs to (through its enrollments) and, for
 * personal records, the participant it is about. Handlers answer 404 when
 * this says no (R-ACL-1), so a refused caller cannot even learn that the
 * record exists.
 */
#ifndef PW_RULES_ACL_H
#define PW_RULES_ACL_H

#include <stddef.h>

enum pw_role {
	PW_ROLE_STATEWIDE,
	PW_ROLE_PROGRAM_MANAGER,
	PW_ROLE_INTERMEDIARY,
	PW_ROLE_PROVIDER_PARTNER,
	PW_ROLE_CUSTOMER,
};

/* The signed-in user as the rules see it. Arrays are borrowed. */
struct pw_principal {
	long long user_id;
	enum pw_role role;
	long long participant_id;  /* customers: their own participant; else 0 */
	const long long *locations; /* staff: assigned partner locations */
	size_t nlocations;
};

enum pw_acl_action {
	PW_ACL_READ,
	PW_ACL_WRITE,
	PW_ACL_ADMIN,         /* organisation and accounts (statewide only) */
	PW_ACL_PROFILE_EDIT,  /* program profiles (R-ACL-2) */
	PW_ACL_UNDO_EXIT,     /* R-ACL-2 */
	PW_ACL_AUDIT_READ,    /* statewide and program managers (issue 3) */
};

/* A record's place in the organisation. */
struct pw_acl_scope {
	const long long *locations; /* the record's partner locations (borrowed) */
	size_t nlocations;
	long long participant_id; /* the person the record is about; 0 for none */
};

/* Role codes as stored and sent: "statewide", "program_manager", ... */
int pw_acl_role_from_code(const char *code, enum pw_role *out);
const char *pw_acl_role_code(enum pw_role role);
const char *pw_acl_role_label(enum pw_role role);
int pw_acl_is_staff(enum pw_role role);

/*
 * R-ACL-1/2: 1 when p may do action on a record with scope s (s may be NULL
 * for actions that concern no single record, such as ADMIN), else 0.
 *   statewide: everything.
 *   program manager, intermediary, provider partner: READ and WRITE of
 *     records at one of their locations; program managers also
 *     PROFILE_EDIT, UNDO_EXIT (of records in scope) and AUDIT_READ (in scope).
 *   customer: READ of records about their own participant; nothing else.
 */
int pw_acl_allows(const struct pw_principal *p, enum pw_acl_action action,
		  const struct pw_acl_scope *s);

#endif
