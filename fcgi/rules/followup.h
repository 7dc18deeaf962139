/*
 * followup.h: the follow-up schedule after exit (R-FUP-1, R-EXIT-4).
 *
 * Each program profile names one follow-up rule by code. Youth programs
 * follow up for at least 12 months after exit: one contact in each of the
 * four calendar quarters after the exit quarter (the post-exit quarters,
 * R-DATE-2). Adult and dislocated worker programs follow up for up to 12
 * months after the first day of employment: one contact in each 3-month
 * period from that day, counting only periods that end after the exit.
 * Hard exits get no schedule. A contact counts when it is completed or
 * documented as declined or unable to locate. Follow-up never moves the exit
 * date: nothing here changes one.
 */
#ifndef PW_RULES_FOLLOWUP_H
#define PW_RULES_FOLLOWUP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rules/dates.h"
#include "rules/exit.h"
#include "rules/post_exit.h"
#include "rules/violation.h"

/* The most contacts any rule schedules. */
#define PW_FOLLOWUP_MAX_DUE 4

/* Profile rule codes: "none", "youth_12_months_after_exit",
 * "after_first_employment_12_months". */
enum pw_followup_rule {
	PW_FOLLOWUP_RULE_NONE,
	PW_FOLLOWUP_RULE_YOUTH_12_MONTHS_AFTER_EXIT,
	PW_FOLLOWUP_RULE_AFTER_FIRST_EMPLOYMENT_12_MONTHS,
};
int pw_followup_rule_from_code(const char *code, enum pw_followup_rule *out);
const char *pw_followup_rule_code(enum pw_followup_rule r);
const char *pw_followup_rule_label(enum pw_followup_rule r);

/* Contact outcome codes: "completed", "declined", "unable_to_locate". */
enum pw_followup_outcome {
	PW_FOLLOWUP_COMPLETED,
	PW_FOLLOWUP_DECLINED,
	PW_FOLLOWUP_UNABLE_TO_LOCATE,
};
int pw_followup_outcome_from_code(const char *code, enum pw_followup_outcome *out);
const char *pw_followup_outcome_code(enum pw_followup_outcome o);
const char *pw_followup_outcome_label(enum pw_followup_outcome o);

/* How a contact was made: the contact methods of every case note, a
 * follow-up contact (R-FUP-1) among them, in the order the forms list them:
 * "in_person", "phone", "email", "text", "video", "mail", "other". Returns
 * the codes (static) and sets *n to how many there are. */
const char *const *pw_followup_contact_methods(size_t *n);

/* A follow-up case note, as the schedule needs it. */
struct pw_followup_contact {
	int64_t id;
	pw_date date; /* contact date */
	enum pw_followup_outcome outcome;
};

struct pw_followup_facts {
	enum pw_followup_rule rule;
	enum pw_enrollment_status status;
	enum pw_exit_kind exit_kind;         /* meaningful when status is exited */
	pw_date exit_date;                   /* meaningful when status is exited */
	const struct pw_post_exit_job *jobs; /* the participant's jobs, for the adult rule */
	size_t n_jobs;
	const struct pw_followup_contact *contacts;
	size_t n_contacts;
};

/* State of one scheduled contact as of a date. Codes "upcoming", "open",
 * "done", "overdue". */
enum pw_followup_due_state {
	PW_FOLLOWUP_DUE_UPCOMING, /* its period has not begun */
	PW_FOLLOWUP_DUE_OPEN,     /* its period is running, no contact yet */
	PW_FOLLOWUP_DUE_DONE,     /* a contact falls in its period */
	PW_FOLLOWUP_DUE_OVERDUE,  /* its period is over with no contact */
};
const char *pw_followup_due_state_code(enum pw_followup_due_state s);

struct pw_followup_due {
	int number;   /* 1.. in order */
	pw_date from; /* first day a contact counts for it */
	pw_date due;  /* last day: the contact is due by then */
	enum pw_followup_due_state state;
	bool has_contact;
	size_t contact_index; /* the contact that fulfils it, when has_contact */
};

/* R-FUP-1: the schedule of f as of as_of, written to out[0..*n). Nothing is
 * scheduled (*n = 0) unless the enrollment exited with a regular or soft exit
 * under a rule other than "none"; for the adult rule, also nothing without a
 * job held at or after the exit date (the first day of employment is the
 * earliest start among those jobs). A contact counts for the period that
 * holds its date; each contact fulfils at most one period. PW_OK, or
 * PW_ERR_INVALID for a NULL argument or invalid as_of. */
int pw_followup_schedule(const struct pw_followup_facts *f, pw_date as_of,
                         struct pw_followup_due out[PW_FOLLOWUP_MAX_DUE], size_t *n);

/* Overall follow-up state. Codes "not_exited", "not_required",
 * "in_progress", "complete", "overdue". */
enum pw_followup_state {
	PW_FOLLOWUP_NOT_EXITED,   /* still enrolled (or referred): no follow-up yet */
	PW_FOLLOWUP_NOT_REQUIRED, /* hard exit, not enrolled, rule "none", adult never employed */
	PW_FOLLOWUP_IN_PROGRESS,  /* contacts still to come, none overdue */
	PW_FOLLOWUP_COMPLETE,     /* every scheduled contact done */
	PW_FOLLOWUP_OVERDUE,      /* at least one contact overdue */
};
const char *pw_followup_state_code(enum pw_followup_state s);

struct pw_followup_status {
	enum pw_followup_state state;
	bool complete; /* "follow-up complete": COMPLETE, or NOT_REQUIRED */
	size_t n_scheduled, n_done, n_overdue;
};

/* R-FUP-1: evaluates "follow-up complete" as of as_of: met when every
 * scheduled contact is done (completed, declined or unable to locate), or no
 * follow-up is required (hard exit: R-EXIT-4). PW_OK or PW_ERR_INVALID. */
int pw_followup_evaluate(const struct pw_followup_facts *f, pw_date as_of,
                         struct pw_followup_status *out);

/* R-FUP-1, R-DATE-4: checks a contact: a valid date, not in the future, and
 * a known outcome. PW_OK or PW_ERR_INVALID (fields "contact_date",
 * "outcome"). */
int pw_followup_validate_contact(const struct pw_followup_contact *c, pw_date as_of,
                                 struct pw_violations *v);

#endif
