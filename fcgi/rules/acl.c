/*
 * acl.c: the one access decision (see acl.h).
 */
#include "rules/acl.h"

#include "pw.h"

#include <string.h>

static const struct {
	const char *code, *label;
} roles[] = {
	[PW_ROLE_STATEWIDE] = {"statewide", "Statewide user"},
	[PW_ROLE_PROGRAM_MANAGER] = {"program_manager", "Program manager"},
	[PW_ROLE_INTERMEDIARY] = {"intermediary", "Intermediary"},
	[PW_ROLE_PROVIDER_PARTNER] = {"provider_partner", "Provider partner"},
	[PW_ROLE_CUSTOMER] = {"customer", "Customer"},
};

int pw_acl_role_from_code(const char *code, enum pw_role *out)
{
	for (size_t i = 0; i < PW_ARRAY_LEN(roles); i++)
		if (code && !strcmp(code, roles[i].code)) {
			*out = (enum pw_role)i;
			return PW_OK;
		}
	return PW_ERR_INVALID;
}

const char *pw_acl_role_code(enum pw_role role)
{
	return (size_t)role < PW_ARRAY_LEN(roles) ? roles[role].code : "unknown";
}

const char *pw_acl_role_label(enum pw_role role)
{
	return (size_t)role < PW_ARRAY_LEN(roles) ? roles[role].label : "Unknown";
}

int pw_acl_is_staff(enum pw_role role)
{
	return role != PW_ROLE_CUSTOMER;
}

/* Does the record sit at one of the principal's locations? */
static int in_scope(const struct pw_principal *p, const struct pw_acl_scope *s)
{
	if (!s)
		return 0;
	for (size_t i = 0; i < s->nlocations; i++)
		for (size_t j = 0; j < p->nlocations; j++)
			if (s->locations[i] == p->locations[j])
				return 1;
	return 0;
}

int pw_acl_allows(const struct pw_principal *p, enum pw_acl_action action,
		  const struct pw_acl_scope *s)
{
	if (!p)
		return 0;
	if (p->role == PW_ROLE_STATEWIDE)
		return 1;
	if (p->role == PW_ROLE_CUSTOMER) {
		/* R-ACL-1: read-only, their own outcomes. */
		return action == PW_ACL_READ && s && s->participant_id != 0 &&
		       s->participant_id == p->participant_id;
	}
	switch (action) {
	case PW_ACL_READ:
	case PW_ACL_WRITE:
		return in_scope(p, s);
	case PW_ACL_PROFILE_EDIT:
		/* R-ACL-2: program profiles are not tied to a location. */
		return p->role == PW_ROLE_PROGRAM_MANAGER;
	case PW_ACL_UNDO_EXIT:
	case PW_ACL_AUDIT_READ:
		return p->role == PW_ROLE_PROGRAM_MANAGER && in_scope(p, s);
	case PW_ACL_ADMIN:
		return 0;
	}
	return 0;
}
