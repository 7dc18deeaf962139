/*
 * checklist.h: the exit checklist as data (R-CHK-1..3, R-EXIT-3, R-EXIT-8).
 *
 * Each program profile lists checklist items by code, each required or only
 * shown; the codes name item kinds that this file implements (the table in
 * checklist.c), so a new program is a new list of codes, never new C. An item
 * kind looks at plain facts about one enrollment (services, goals, trackers,
 * counts of skill gains and credentials, the proposed exit fields) and says
 * whether it is met and, when not, why, naming the records at fault ("VT -
 * Vocational Training is Started/Open since 2023-08-28"). An unknown code in a
 * profile is an error, never skipped. The value lists the items check against
 * live here too: ISETS programs, completion statuses and outcome reasons
 * (seed 004), C-Work exit reasons (seed 002), tracker types, statuses and
 * stages, and goal progress.
 */
#ifndef PW_RULES_CHECKLIST_H
#define PW_RULES_CHECKLIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rules/dates.h"
#include "rules/exit.h"
#include "rules/service.h"
#include "rules/violation.h"

/* R-CHK-2: ISETS programs ("snap_jp", "snap_to_success", "earnfare"). */
enum pw_checklist_isets_program {
	PW_ISETS_SNAP_JP,
	PW_ISETS_SNAP_TO_SUCCESS,
	PW_ISETS_EARNFARE,
};
int pw_checklist_isets_program_from_code(const char *code, enum pw_checklist_isets_program *out);
const char *pw_checklist_isets_program_code(enum pw_checklist_isets_program p);
const char *pw_checklist_isets_program_label(enum pw_checklist_isets_program p);

/* R-CHK-2: completion statuses ("exited_unsuccessful", "exited_moved",
 * "exited_successful"; labels "Exited - Unsuccessful Completion" ...). */
enum pw_checklist_isets_completion {
	PW_ISETS_EXITED_UNSUCCESSFUL,
	PW_ISETS_EXITED_MOVED,
	PW_ISETS_EXITED_SUCCESSFUL,
};
int pw_checklist_isets_completion_from_code(const char *code,
                                            enum pw_checklist_isets_completion *out);
const char *pw_checklist_isets_completion_code(enum pw_checklist_isets_completion c);
const char *pw_checklist_isets_completion_label(enum pw_checklist_isets_completion c);

/* R-CHK-2: outcome reasons; each goes with one completion status. */
enum pw_checklist_isets_reason {
	PW_ISETS_UNSUCCESSFUL_EMPLOYED_MOVED_OUT_OF_AREA,
	PW_ISETS_UNSUCCESSFUL_MOVED_OUT_OF_AREA,
	PW_ISETS_UNSUCCESSFUL_NO_LONGER_ELIGIBLE,
	PW_ISETS_UNSUCCESSFUL_NOT_RIGHT_FIT,
	PW_ISETS_UNSUCCESSFUL_DID_NOT_MEET_REQUIREMENTS,
	PW_ISETS_SUCCESSFUL_PENDING_EMPLOYMENT,
	PW_ISETS_SUCCESSFUL_UNEMPLOYED,
	PW_ISETS_SUCCESSFUL_RETENTION,
	PW_ISETS_SUCCESSFUL_EMPLOYED_BEYOND_90_DAYS,
	PW_ISETS_SUCCESSFUL_COMPLETED_REQUIREMENTS,
};
#define PW_ISETS_REASON_COUNT 10
int pw_checklist_isets_reason_from_code(const char *code, enum pw_checklist_isets_reason *out);
const char *pw_checklist_isets_reason_code(enum pw_checklist_isets_reason r);
/* Full label ("Successful - Completed Requirements") and the short one the
 * exits table shows ("Completed Requirements"). */
const char *pw_checklist_isets_reason_label(enum pw_checklist_isets_reason r);
const char *pw_checklist_isets_reason_short_label(enum pw_checklist_isets_reason r);
/* The completion status the reason goes with. */
enum pw_checklist_isets_completion
pw_checklist_isets_reason_completion(enum pw_checklist_isets_reason r);
/* R-CHK-2: checks a completion status code and outcome reason code (NULL or
 * "" for none): the status must be known; "exited_moved" takes no reason; the
 * others need a reason of their own kind. Violations use fields
 * "completion_status" / "outcome_reason". PW_OK or PW_ERR_INVALID. */
int pw_checklist_isets_check_completion(const char *status, const char *reason,
                                        struct pw_violations *v);

/* R-CHK-3: C-Work exit reasons ("program_completion", "unable_to_complete",
 * "lack_of_contact", "no_longer_interested", "groups_classes_only"). */
enum pw_checklist_cwork_reason {
	PW_CWORK_PROGRAM_COMPLETION,
	PW_CWORK_UNABLE_TO_COMPLETE,
	PW_CWORK_LACK_OF_CONTACT,
	PW_CWORK_NO_LONGER_INTERESTED,
	PW_CWORK_GROUPS_CLASSES_ONLY,
};
int pw_checklist_cwork_reason_from_code(const char *code, enum pw_checklist_cwork_reason *out);
const char *pw_checklist_cwork_reason_code(enum pw_checklist_cwork_reason r);
const char *pw_checklist_cwork_reason_label(enum pw_checklist_cwork_reason r);
/* The help-sheet sentence explaining when the reason applies. */
const char *pw_checklist_cwork_reason_help(enum pw_checklist_cwork_reason r);

/* R-CHK-3: C-Work trackers. Codes "intervention", "employment",
 * "ece_course", "internship", "income", "housing". */
enum pw_tracker_type {
	PW_TRACKER_INTERVENTION,
	PW_TRACKER_EMPLOYMENT,
	PW_TRACKER_ECE_COURSE,
	PW_TRACKER_INTERNSHIP,
	PW_TRACKER_INCOME,
	PW_TRACKER_HOUSING,
};
int pw_checklist_tracker_type_from_code(const char *code, enum pw_tracker_type *out);
const char *pw_checklist_tracker_type_code(enum pw_tracker_type t);
const char *pw_checklist_tracker_type_label(enum pw_tracker_type t); /* "ECE Course Tracker" */

/* Tracker status. NULL or "" parse as NONE; "ACTIVE", "EXITED",
 * "COMPLETED", "NOT_COMPLETED", "WITHDRAWN". NONE and ACTIVE are open. */
enum pw_tracker_status {
	PW_TRACKER_STATUS_NONE,
	PW_TRACKER_STATUS_ACTIVE,
	PW_TRACKER_STATUS_EXITED,
	PW_TRACKER_STATUS_COMPLETED,
	PW_TRACKER_STATUS_NOT_COMPLETED,
	PW_TRACKER_STATUS_WITHDRAWN,
};
int pw_checklist_tracker_status_from_code(const char *code, enum pw_tracker_status *out);
const char *pw_checklist_tracker_status_code(enum pw_tracker_status s); /* "" for NONE */
const char *pw_checklist_tracker_status_label(enum pw_tracker_status s);

/* Tracker stage. NULL or "" parse as NONE; "INTAKE", "IN_PROGRAM",
 * "PROGRAM_EXIT", "FOLLOW_UP". */
enum pw_tracker_stage {
	PW_TRACKER_STAGE_NONE,
	PW_TRACKER_STAGE_INTAKE,
	PW_TRACKER_STAGE_IN_PROGRAM,
	PW_TRACKER_STAGE_PROGRAM_EXIT,
	PW_TRACKER_STAGE_FOLLOW_UP,
};
int pw_checklist_tracker_stage_from_code(const char *code, enum pw_tracker_stage *out);
const char *pw_checklist_tracker_stage_code(enum pw_tracker_stage s);  /* "PROGRAM_EXIT" */
const char *pw_checklist_tracker_stage_label(enum pw_tracker_stage s); /* "PROGRAM EXIT" */

struct pw_tracker {
	int64_t id;
	enum pw_tracker_type type;
	enum pw_tracker_status status;
	enum pw_tracker_stage stage;
	pw_date date; /* its own date: start (intervention, course, internship), as-of (income...)
	               */
	pw_date end_date;        /* exit date (intervention), end date (course, internship) */
	pw_date created;         /* the day the record was made */
	const char *end_reason;  /* intervention: End Reason */
	const char *end_details; /* intervention: End Details */
	const char *name;        /* optional display name (course title) */
};

/* Goal progress. Codes "NOT_STARTED", "ON_TRACK", "OFF_TRACK", "COMPLETED",
 * "NOT_COMPLETED" (workNet's "Complete" is COMPLETED). */
enum pw_goal_progress {
	PW_GOAL_NOT_STARTED,
	PW_GOAL_ON_TRACK,
	PW_GOAL_OFF_TRACK,
	PW_GOAL_COMPLETED,
	PW_GOAL_NOT_COMPLETED,
};
int pw_checklist_goal_progress_from_code(const char *code, enum pw_goal_progress *out);
const char *pw_checklist_goal_progress_code(enum pw_goal_progress g);
const char *pw_checklist_goal_progress_label(enum pw_goal_progress g);

struct pw_goal {
	int64_t id;
	const char *name; /* the goal statement; may be NULL */
	enum pw_goal_progress progress;
	pw_date actual_completion; /* PW_DATE_NONE when not entered */
};

/* Everything an item may look at, for one enrollment. Arrays and strings are
 * borrowed for the duration of the call. */
struct pw_checklist_facts {
	const struct pw_service *services;
	size_t n_services;
	bool supportive_extends_exit; /* profile, R-SVC-2 */
	const struct pw_goal *goals;
	size_t n_goals;
	const struct pw_tracker *trackers;
	size_t n_trackers;
	size_t n_skill_gains;
	size_t n_credentials;
	struct pw_exit_fields exit; /* the proposed exit; exit.exit_date NONE: as_of stands in */
	const char *const
	        *exit_reasons; /* profile's reason codes for "exit_reason"; may be empty */
	size_t n_exit_reasons;
	pw_date participation_date;
	int fy_start_month; /* R-DATE-3, 1..12; anything else means July */
	pw_date as_of;
};

/* One item of a profile's checklist, as stored in the profile. */
struct pw_checklist_item_def {
	const char *code;
	bool required;
};

#define PW_CHECKLIST_WHY 256

struct pw_checklist_result {
	const char *code;  /* static: the item kind's code */
	const char *rule;  /* static: "R-CHK-1", "R-CHK-2" or "R-CHK-3" */
	const char *label; /* static: the caseworker sentence */
	const char *field; /* static: the exit field concerned, or NULL */
	bool required;
	bool met;
	char why[PW_CHECKLIST_WHY]; /* empty when met; bounded, valid UTF-8 cuts */
};

/* Item kinds, for profile editors: count, and the code / label of the i-th
 * (NULL when i is out of range). */
size_t pw_checklist_kind_count(void);
const char *pw_checklist_kind_code(size_t i);
const char *pw_checklist_kind_label(size_t i);
bool pw_checklist_kind_known(const char *code);

/* Checks a profile's list: every code known, none listed twice. Appends a
 * violation per problem (rule "R-CHK", field "checklist");
 * PW_OK or PW_ERR_INVALID. */
int pw_checklist_validate_profile(const struct pw_checklist_item_def *items, size_t n,
                                  struct pw_violations *v);

/* R-CHK-1..3, R-EXIT-8: evaluates items[0..n) over f, writing out[i] for
 * items[i] (same order). Returns PW_ERR_INVALID (out untouched, violations
 * appended) when the list fails pw_checklist_validate_profile or f->as_of is
 * not a valid date, PW_ERR_TOO_LARGE when cap < n, PW_OK otherwise. */
int pw_checklist_evaluate(const struct pw_checklist_facts *f,
                          const struct pw_checklist_item_def *items, size_t n,
                          struct pw_checklist_result *out, size_t cap, struct pw_violations *v);

/* R-EXIT-3: true when some required item is not met. */
bool pw_checklist_blocks_exit(const struct pw_checklist_result *r, size_t n);

/* R-EXIT-3: appends one violation per required, unmet item (its rule, its
 * field or else its code, "label why") and returns PW_ERR_CONFLICT (409
 * `exit_blocked`) when there was any, PW_OK otherwise. */
int pw_checklist_blocking_violations(const struct pw_checklist_result *r, size_t n,
                                     struct pw_violations *v);

#endif
