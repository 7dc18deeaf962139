/*
 * credential.h: credentials earned by a participant (R-CRED-1).
 *
 * A credential is one of the PIRL credential types (the workNet dropdown
 * labels), verified by a source document, dated on or after the enrollment's
 * participation date and no later than one year after its exit date (CalJOBS
 * shows that limit as "Maximum date to record after exit"). The handler loads
 * the enrollment facts into a struct pw_credential_context and the form into a
 * struct pw_credential; pw_credential_validate() reports every broken rule and
 * hands back the window so the API can show the last allowed date.
 *
 * Strings in the structs are NUL-terminated and borrowed; NULL means absent.
 */
#ifndef PW_RULES_CREDENTIAL_H
#define PW_RULES_CREDENTIAL_H

#include <stdbool.h>

#include "rules/dates.h"
#include "rules/education.h"
#include "rules/violation.h"

/* Longest accepted text fields, in bytes (without the NUL). */
#define PW_CREDENTIAL_TEXT_MAX        255 /* title, institution, other credential */
#define PW_CREDENTIAL_AGENCY_CODE_MAX 64

/* R-CRED-1: the credential types, in the order and wording of the workNet
 * "Credential Type" dropdown (seed 004). */
enum pw_credential_type {
	PW_CRED_TYPE_NONE = 0,
	PW_CRED_SECONDARY_DIPLOMA,          /* "secondary_diploma" */
	PW_CRED_AA_AS,                      /* "aa_as" */
	PW_CRED_BA_BS,                      /* "ba_bs" */
	PW_CRED_OCCUPATIONAL_LICENSE,       /* "occupational_license" */
	PW_CRED_OCCUPATIONAL_CERTIFICATE,   /* "occupational_certificate" */
	PW_CRED_OTHER,                      /* "other": needs the other-credential text */
	PW_CRED_OCCUPATIONAL_CERTIFICATION, /* "occupational_certification" */
	PW_CRED_GRADUATE,                   /* "graduate" */
};

/* The workNet "Credential Source" dropdown: what verifies the credential. */
enum pw_credential_source {
	PW_CRED_SOURCE_NONE = 0,
	PW_CRED_SOURCE_CREDENTIAL,      /* "copy_of_credential" */
	PW_CRED_SOURCE_DIPLOMA,         /* "copy_of_diploma" */
	PW_CRED_SOURCE_CERTIFICATE,     /* "copy_of_certificate" */
	PW_CRED_SOURCE_DEGREE,          /* "copy_of_degree" */
	PW_CRED_SOURCE_GRADUATION_LIST, /* "copy_of_graduation_list" */
	PW_CRED_SOURCE_TRANSCRIPT,      /* "written_verification_of_transcript" */
};

/* Where the service (activity) the credential is linked to belongs. */
enum pw_credential_link {
	PW_CRED_LINK_NONE = 0,         /* no service linked */
	PW_CRED_LINK_SAME_ENROLLMENT,  /* a service of this enrollment */
	PW_CRED_LINK_OTHER_ENROLLMENT, /* a service of some other enrollment */
};

/* The form, as entered. */
struct pw_credential {
	enum pw_credential_type type;
	const char *other_credential; /* CalJOBS "Other Credential"; required for PW_CRED_OTHER */
	const char *title;            /* e.g. "Certified Nursing Assistant" */
	const char *institution;      /* where it was earned */
	enum pw_credential_source source;
	pw_date date_attained;              /* "Date Credential Received"; PW_DATE_NONE if absent */
	enum pw_answer experience_in_field; /* workNet; optional (NONE = not asked) */
	const char *agency_code;            /* CalJOBS agency code */
};

/* What the handler knows about the enrollment and the region. */
struct pw_credential_context {
	pw_date participation_date; /* required */
	pw_date exit_date;          /* PW_DATE_NONE while still enrolled */
	pw_date as_of;              /* today, passed in (R-DATE-4) */
	bool agency_code_required;  /* region profile (Los Angeles County) */
	bool service_required;      /* profile: workNet records credentials on a service */
	enum pw_credential_link service_link;
};

/* The dates a credential may carry. last_allowed is PW_DATE_NONE while the
 * enrollment has not exited (no upper limit but today). */
struct pw_credential_window {
	pw_date first;        /* the participation date */
	pw_date last_allowed; /* one year after the exit date */
};

/* Code tables. *_valid() is true for a value with a code; *_code() and
 * *_label() return a static string, "" for the NONE value or one out of
 * range. *_from_code() takes a NUL-terminated code and returns PW_OK, or
 * PW_ERR_INVALID (out untouched) if unknown or NULL. */
bool pw_credential_type_valid(enum pw_credential_type t);
const char *pw_credential_type_code(enum pw_credential_type t);
const char *pw_credential_type_label(enum pw_credential_type t);
int pw_credential_type_from_code(const char *code, enum pw_credential_type *out);

bool pw_credential_source_valid(enum pw_credential_source s);
const char *pw_credential_source_code(enum pw_credential_source s);
const char *pw_credential_source_label(enum pw_credential_source s);
int pw_credential_source_from_code(const char *code, enum pw_credential_source *out);

/*
 * R-CRED-1: the last day a credential may be dated for an exit on exit_date:
 * the same calendar day one year later (2014-08-18 -> 2015-08-18). An exit on
 * Feb 29 gives Feb 28 of the next year, never Mar 1, so the window never
 * exceeds one year. PW_DATE_NONE in gives PW_DATE_NONE out.
 */
pw_date pw_credential_last_allowed(pw_date exit_date);

/* True when d lies in participation_date .. pw_credential_last_allowed(exit)
 * (no upper limit if exit_date is PW_DATE_NONE). Used by the indicators. */
bool pw_credential_in_window(pw_date d, pw_date participation_date, pw_date exit_date);

/*
 * R-CRED-1, R-DATE-4: checks c against ctx and appends one violation per
 * broken rule to v (which the caller initialised). When window is not NULL it
 * receives the window whatever the outcome, so a refusal can show the limit.
 * Returns PW_OK if nothing was appended, PW_ERR_INVALID otherwise.
 */
int pw_credential_validate(const struct pw_credential *c, const struct pw_credential_context *ctx,
                           struct pw_credential_window *window, struct pw_violations *v);

#endif
