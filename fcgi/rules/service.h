/*
 * service.h: services (activities, steps) and the 90-day clock (R-SVC-1..4).
 *
 * A service is what a participant receives: a workshop, vocational training,
 * a bus pass. Its status says where it stands, its type says how it counts:
 * whether it keeps the enrollment open (it "extends exit", R-SVC-2), whether
 * it is a supportive service, self-service, information only or follow-up.
 * Handlers load services into struct pw_service (strings are borrowed from the
 * caller and never kept) and ask these functions whether a record or a status
 * change is acceptable, which service is the last qualifying one (R-SVC-3)
 * and whether a service may still be added to an enrollment (R-SVC-4).
 */
#ifndef PW_RULES_SERVICE_H
#define PW_RULES_SERVICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rules/dates.h"
#include "rules/violation.h"

/* R-SVC-1 */
enum pw_service_status {
	PW_SERVICE_PLANNED,
	PW_SERVICE_OPEN,
	PW_SERVICE_COMPLETED_SUCCESSFUL,
	PW_SERVICE_COMPLETED_UNSUCCESSFUL,
	PW_SERVICE_DELETED,
};

/* Codes: "planned", "open", "completed_successful", "completed_unsuccessful",
 * "deleted". Returns PW_OK, or PW_ERR_INVALID (and *out untouched) for NULL or
 * an unknown code. */
int pw_service_status_from_code(const char *code, enum pw_service_status *out);
/* Static code / caseworker label ("Started/Open"); "" for a value out of range. */
const char *pw_service_status_code(enum pw_service_status s);
const char *pw_service_status_label(enum pw_service_status s);
/* completed_successful or completed_unsuccessful. */
bool pw_service_status_is_completed(enum pw_service_status s);

/* R-SVC-2: what a service type says about itself (profile data per type). */
struct pw_service_type {
	bool extends_exit;       /* the type is a qualifying service */
	bool supportive;         /* supportive service (transportation, child care...) */
	bool self_service;       /* never extends exit */
	bool followup;           /* follow-up service: never extends exit, allowed after exit */
	bool education_training; /* counts as education or training (R-PERF-3/4) */
	bool ojt_customized;     /* on-the-job or customized training (R-PERF-3) */
	bool info_only;          /* information-only: never extends exit */
};

struct pw_service {
	int64_t id;
	const char *name; /* display name, e.g. "VT - Vocational Training"; may be NULL */
	struct pw_service_type type;
	enum pw_service_status status;
	pw_date start; /* PW_DATE_NONE when missing */
	pw_date end;   /* PW_DATE_NONE while there is none */
};

/* Writes the service's display name into buf (cap bytes, always
 * NUL-terminated when cap > 0): its name, or "Service #<id>" without one. A
 * long name is cut on a UTF-8 character boundary and ends with "...".
 * Returns the length written. */
size_t pw_service_display_name(const struct pw_service *s, char *buf, size_t cap);

/* R-SVC-2: true when services of type t extend exit. Self-service,
 * information-only and follow-up types never do; any other type does when it
 * says extends_exit, except that a supportive type only does when the
 * profile's supportive_extends_exit is true (the default). */
bool pw_service_type_qualifies(const struct pw_service_type *t, bool supportive_extends_exit);

/* R-SVC-3: a qualifying service that is not deleted. */
bool pw_service_qualifies(const struct pw_service *s, bool supportive_extends_exit);

/* R-EXIT-6: the participant actually received the service (open or completed;
 * planned and deleted services were never received). */
bool pw_service_received(const struct pw_service *s);

/* R-SVC-3: the date a service holds the clock at: its end date, or its start
 * date while it has no end yet; PW_DATE_NONE when neither is a valid date. */
pw_date pw_service_clock_date(const struct pw_service *s);

/* R-SVC-3: finds the last qualifying service among s[0..n): the latest clock
 * date of the qualifying, non-deleted services (planned ones included, as the
 * rule says; on a tie the first in array order wins). Sets *index and *date
 * and returns PW_OK, or returns PW_ERR_NOT_FOUND (outputs untouched) when no
 * service qualifies or has a usable date. index may be NULL. */
int pw_service_last_qualifying(const struct pw_service *s, size_t n, bool supportive_extends_exit,
                               size_t *index, pw_date *date);

/* R-SVC-1, R-DATE-4: checks one service record as of as_of. A start date is
 * required; an end date, when given, is >= the start; a completed service has
 * an end date; only a planned service may have a start or end after as_of,
 * and a planned service may not start more than planned_grace_days before
 * as_of (it should be marked open or moved). A deleted service is only checked
 * for end >= start. Appends one violation per problem (field "start_date",
 * "end_date" or "status"); returns PW_OK or PW_ERR_INVALID. */
int pw_service_validate(const struct pw_service *s, pw_date as_of, int planned_grace_days,
                        struct pw_violations *v);

/* R-SVC-1: checks a change from `before` to `after` (same service). A deleted
 * service stays deleted, and a service that has started cannot go back to
 * planned (PW_ERR_CONFLICT); then `after` must pass pw_service_validate
 * (PW_ERR_INVALID). Returns the first failing code, PW_OK when all pass. */
int pw_service_validate_change(const struct pw_service *before, const struct pw_service *after,
                               pw_date as_of, int planned_grace_days, struct pw_violations *v);

/* R-SVC-4: may a service of type t be added to (or moved into) an enrollment?
 * enrollment_closed is true once the enrollment has exited in any way
 * (regular, soft, hard, not enrolled). Then only follow-up services are
 * accepted; otherwise a violation (rule R-SVC-4, field "enrollment_id") is
 * appended and PW_ERR_CONFLICT returned (409 `enrollment_exited`). */
int pw_service_check_enrollment_open(bool enrollment_closed, const struct pw_service_type *t,
                                     struct pw_violations *v);

#endif
