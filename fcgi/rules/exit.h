/*
 * exit.h: how an enrollment ends (R-EXIT-1..9).
 *
 * Four kinds of exit: regular (staff, after the checklist), soft (the sweep,
 * 90 days after the last qualifying service), hard (a global exclusion,
 * immediate) and not enrolled (never served). This header holds the enums and
 * their string codes, the exit fields a profile may ask for, and the checks:
 * soft-exit eligibility and its projection, common exit across programs,
 * regular and hard exit dates, late exclusions, not-enrolled, undo, and which
 * kinds are possible now. Handlers load an enrollment into struct
 * pw_exit_facts (arrays and strings borrowed, never kept) and pass an
 * explicit as-of date (R-DATE-4). The checklist itself lives in checklist.h.
 */
#ifndef PW_RULES_EXIT_H
#define PW_RULES_EXIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rules/dates.h"
#include "rules/service.h"
#include "rules/violation.h"

/* R-EXIT-1: the sweep exits this many days after the last qualifying service:
 * as_of > L + PW_EXIT_SOFT_DAYS. */
#define PW_EXIT_SOFT_DAYS 90

enum pw_exit_kind {
	PW_EXIT_REGULAR,
	PW_EXIT_SOFT,
	PW_EXIT_HARD,
	PW_EXIT_NOT_ENROLLED,
};
#define PW_EXIT_KIND_BIT(k) (1u << (unsigned)(k))

/* Codes "regular", "soft", "hard", "not_enrolled". PW_OK or PW_ERR_INVALID. */
int pw_exit_kind_from_code(const char *code, enum pw_exit_kind *out);
const char *pw_exit_kind_code(enum pw_exit_kind k);  /* "" when out of range */
const char *pw_exit_kind_label(enum pw_exit_kind k); /* "Soft exit" ... */

enum pw_enrollment_status {
	PW_ENROLLMENT_REFERRED,
	PW_ENROLLMENT_ENROLLED,
	PW_ENROLLMENT_EXITED,
	PW_ENROLLMENT_NOT_ENROLLED,
};

/* Codes "referred", "enrolled", "exited", "not_enrolled". */
int pw_exit_enrollment_status_from_code(const char *code, enum pw_enrollment_status *out);
const char *pw_exit_enrollment_status_code(enum pw_enrollment_status s);
const char *pw_exit_enrollment_status_label(enum pw_enrollment_status s);
/* Exited or not enrolled: R-SVC-4 refuses new services. */
bool pw_exit_enrollment_is_closed(enum pw_enrollment_status s);

/* R-EXIT-4: PIRL 923 "other reasons for exit"; the value is the PIRL code. */
enum pw_exit_hard_reason {
	PW_EXIT_HARD_INSTITUTIONALIZED = 1,
	PW_EXIT_HARD_HEALTH_MEDICAL = 2,
	PW_EXIT_HARD_DECEASED = 3,
	PW_EXIT_HARD_RESERVE_FORCES = 4,
	PW_EXIT_HARD_FOSTER_CARE = 5,
	PW_EXIT_HARD_INELIGIBLE = 6,
	PW_EXIT_HARD_CRIMINAL_OFFENDER = 7,
};

/* Codes "01".."07" exactly. PW_OK or PW_ERR_INVALID. */
int pw_exit_hard_reason_from_code(const char *code, enum pw_exit_hard_reason *out);
const char *pw_exit_hard_reason_code(enum pw_exit_hard_reason r);  /* "03" */
const char *pw_exit_hard_reason_label(enum pw_exit_hard_reason r); /* "Deceased" */

/* School status at exit (PIRL 1401 values); the value is the PIRL code. */
enum pw_exit_school_status {
	PW_EXIT_SCHOOL_IN_SECONDARY = 1,
	PW_EXIT_SCHOOL_IN_ALTERNATIVE = 2,
	PW_EXIT_SCHOOL_IN_POSTSECONDARY = 3,
	PW_EXIT_SCHOOL_NOT_ATTENDING_DROPOUT = 4,
	PW_EXIT_SCHOOL_NOT_ATTENDING_GRADUATE = 5,
	PW_EXIT_SCHOOL_NOT_ATTENDING_COMPULSORY_AGE = 6,
};

/* Codes "in_school_secondary", "in_school_alternative",
 * "in_school_postsecondary", "not_attending_dropout",
 * "not_attending_hs_graduate", "not_attending_compulsory_age". */
int pw_exit_school_status_from_code(const char *code, enum pw_exit_school_status *out);
const char *pw_exit_school_status_code(enum pw_exit_school_status s);
const char *pw_exit_school_status_label(enum pw_exit_school_status s);

/* The exit a caseworker proposes (R-EXIT-3): every string is a borrowed
 * code as received (NULL or "" when not given); the checklist items in
 * checklist.h say which ones a profile requires and check their values. */
struct pw_exit_fields {
	pw_date exit_date;               /* PW_DATE_NONE: not given yet */
	const char *school_status;       /* pw_exit_school_status code */
	const char *exit_reason;         /* a profile's reason code, or a C-Work reason */
	const char *comments;            /* client exit comments */
	const char *isets_program;       /* ISETS program code */
	const char *completion_status;   /* ISETS completion status code */
	const char *outcome_reason;      /* ISETS outcome reason code */
	pw_date program_completion_date; /* ISETS program completion date */
};

/* One enrollment, as the exit rules need it. */
struct pw_exit_facts {
	enum pw_enrollment_status status;
	enum pw_exit_kind exit_kind; /* meaningful when status is exited / not_enrolled */
	pw_date exit_date;           /* meaningful when status is exited */
	pw_date participation_date;  /* PW_DATE_NONE when not known */
	const struct pw_service *services;
	size_t n_services;
	bool supportive_extends_exit; /* profile, R-SVC-2 (default true) */
};

/* What a program profile says about exits. */
struct pw_exit_profile {
	const char *const *hard_reasons; /* offered PIRL 923 codes, e.g. {"01", "03"} */
	size_t n_hard_reasons;
	bool hard_needs_document; /* R-EXIT-4: the case note must carry a document */
	bool offers_not_enrolled; /* R-EXIT-6 (C-Work) */
};

/* Checks a profile's exit data: every hard reason code known and listed
 * once. Appends violations (field "hard_reasons"); PW_OK or PW_ERR_INVALID. */
int pw_exit_profile_validate(const struct pw_exit_profile *p, struct pw_violations *v);

/* R-EXIT-4: parses code and checks that profile p offers it. Sets *out and
 * returns PW_OK; otherwise appends a violation (field `field`, a static
 * string) and returns PW_ERR_INVALID. */
int pw_exit_hard_reason_offered(const struct pw_exit_profile *p, const char *code,
                                const char *field, enum pw_exit_hard_reason *out,
                                struct pw_violations *v);

/* R-EXIT-1, R-EXIT-8: the 90-day clock of one enrollment as of a date. */
struct pw_exit_soft {
	bool has_last;         /* a qualifying service with a date exists */
	size_t last_index;     /* which service in facts->services (R-SVC-3) */
	pw_date last_date;     /* L, the exit date a soft exit gets */
	bool blocked;          /* an open or planned qualifying service holds the clock */
	size_t blocking_index; /* the first such service */
	pw_date sweep_date; /* L + 91: the first as-of day the sweep exits; NONE if blocked / no L
	                     */
	int days_left;      /* sweep_date - as_of, 0 once due; -1 without a projection */
	bool due;           /* the sweep exits this enrollment as of as_of */
};

/* R-EXIT-1: fills *out for facts f as of as_of. The enrollment is due when it
 * is enrolled, has a last qualifying service date L, no open or planned
 * qualifying service, and as_of > L + 90 days (L = 2024-01-01: not due on
 * 2024-03-31, due on 2024-04-01). The projection (R-EXIT-8) is only made for
 * an enrolled enrollment. Returns PW_OK, or PW_ERR_INVALID for a NULL
 * argument or an invalid as_of. */
int pw_exit_soft_status(const struct pw_exit_facts *f, pw_date as_of, struct pw_exit_soft *out);

/* R-EXIT-1: true when the sweep exits f as of as_of; *exit_date (may be NULL)
 * gets L. */
bool pw_exit_soft_due(const struct pw_exit_facts *f, pw_date as_of, pw_date *exit_date);

/* R-EXIT-2: a common exit over the enrollments of one participant whose
 * profiles share a common-exit group. */
struct pw_exit_common {
	bool due;          /* every enrolled member meets R-EXIT-1 */
	pw_date exit_date; /* the latest L among them; NONE when not due */
	size_t n_members;  /* enrolled members considered */
	bool has_blocker;
	size_t blocker; /* index of the first enrolled member that does not meet R-EXIT-1 */
};

/* R-EXIT-2: members[0..n) are the group's enrollments; only enrolled ones
 * take part (already exited ones have gone their own way). The group is due
 * when there is at least one enrolled member and every enrolled member is due
 * on its own; all then exit with the latest L. PW_OK or PW_ERR_INVALID. */
int pw_exit_common_status(const struct pw_exit_facts *members, size_t n, pw_date as_of,
                          struct pw_exit_common *out);

/* R-EXIT-3: checks a regular exit's state and date (the checklist is checked
 * separately with checklist.h). The enrollment must be enrolled
 * (PW_ERR_CONFLICT); the exit date must be given, >= the last qualifying
 * service date, >= the participation date and not after as_of
 * (PW_ERR_INVALID, field "exit_date"). */
int pw_exit_check_regular(const struct pw_exit_facts *f, pw_date exit_date, pw_date as_of,
                          struct pw_violations *v);

/* R-EXIT-4 / R-EXIT-5: a global exclusion as requested. */
struct pw_exit_hard_request {
	const char *reason; /* PIRL 923 code "01".."07" */
	pw_date exit_date;  /* hard exit: the exit date; ignored for a late exclusion */
	bool has_case_note; /* a case note states the reason */
	bool has_document;  /* that case note carries a verifying document */
};

/* R-EXIT-4: checks a hard exit. The enrollment must be enrolled
 * (PW_ERR_CONFLICT). The reason must be offered by the profile; a case note is
 * needed, with a document when the profile says so; the exit date must be
 * given, >= the participation date, not after as_of, and not before any
 * service the participant already received (its start while open, its end
 * once completed: open services are ended on the exit date, R-SVC-1)
 * (PW_ERR_INVALID). *reason (may be NULL) gets the parsed reason. */
int pw_exit_check_hard(const struct pw_exit_facts *f, const struct pw_exit_profile *p,
                       const struct pw_exit_hard_request *r, pw_date as_of,
                       enum pw_exit_hard_reason *reason, struct pw_violations *v);

/* R-EXIT-4: what a hard exit on exit_date does to service s: an open service
 * becomes completed_unsuccessful ending on exit_date; a planned service,
 * never started, becomes deleted. Returns true and sets *status / *end when
 * s changes; false (outputs untouched) otherwise. */
bool pw_exit_hard_service_change(const struct pw_service *s, pw_date exit_date,
                                 enum pw_service_status *status, pw_date *end);

/* R-EXIT-5: the last day an exclusion can be added to an enrollment that
 * exited on exit_date: the end of the 4th calendar quarter after the exit
 * quarter (exit 2017-06-01 -> 2018-06-30). PW_DATE_NONE for an invalid date. */
pw_date pw_exit_exclusion_deadline(pw_date exit_date);

/* R-EXIT-5: checks adding an exclusion reason to an exited enrollment. It
 * must have a regular or soft exit (PW_ERR_CONFLICT: a hard exit is already
 * excluded, a not-enrolled one never counted) and as_of must not be after
 * pw_exit_exclusion_deadline (PW_ERR_CONFLICT). The reason, case note and
 * document follow R-EXIT-4 (PW_ERR_INVALID); r->exit_date is not used. */
int pw_exit_check_late_exclusion(const struct pw_exit_facts *f, const struct pw_exit_profile *p,
                                 const struct pw_exit_hard_request *r, pw_date as_of,
                                 enum pw_exit_hard_reason *reason, struct pw_violations *v);

/* R-EXIT-6: checks closing an enrollment as not enrolled: the profile offers
 * it, the enrollment is referred or enrolled, and no service was ever
 * received (open or completed); the first received service is named.
 * PW_OK or PW_ERR_CONFLICT. */
int pw_exit_check_not_enrolled(const struct pw_exit_facts *f, const struct pw_exit_profile *p,
                               struct pw_violations *v);

/* R-EXIT-7, R-ACL-2: checks undoing an exit. Only a privileged user
 * (statewide or program manager) may (PW_ERR_FORBIDDEN); the enrollment must
 * be exited or not enrolled (PW_ERR_CONFLICT); a reason with some
 * non-blank text is required (PW_ERR_INVALID, field "reason"). The handler
 * then restores the status pw_exit_undo_status gives, removes the post-exit
 * quarters that hold no data (post_exit.h) and keeps every outcome record. */
int pw_exit_check_undo(const struct pw_exit_facts *f, bool privileged, const char *reason,
                       struct pw_violations *v);

/* R-EXIT-7: the status an undone exit returns to: enrolled, except referred
 * for a not-enrolled closure (the person never received a service). */
enum pw_enrollment_status pw_exit_undo_status(enum pw_exit_kind kind);

/* Which exits are possible now, as a mask of PW_EXIT_KIND_BIT(kind):
 * regular when enrolled; soft when the sweep would exit it now (R-EXIT-1);
 * hard when enrolled and the profile offers at least one valid reason;
 * not_enrolled when the profile offers it, the enrollment is referred or
 * enrolled and no service was received (R-EXIT-6). 0 once closed. */
unsigned pw_exit_kinds_possible(const struct pw_exit_facts *f, const struct pw_exit_profile *p,
                                pw_date as_of);

#endif
