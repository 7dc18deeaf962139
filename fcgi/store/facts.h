/*
 * store/facts.h: everything the exit-side rules need about one enrollment,
 * loaded from the database into the rules' plain structs.
 *
 * Readiness (api/exit.c), the exits themselves, the post-exit quarters,
 * follow-up, the summary and the sweep all decide with the pure rules of
 * fcgi/rules/ (exit.h, checklist.h, post_exit.h, followup.h, summary.h).
 * Those rules take plain structs; this module fills them, in one place, so
 * every caller sees the same facts: the enrollment row and its stored exit,
 * its services with their type's flags and display names (R-SVC-2), and on
 * request its goals, C-Work trackers, counts of skill gains and
 * credentials, the participant's jobs and the follow-up contacts. The
 * records of other modules (skill gains, credentials, employment, trackers,
 * case notes) are read straight from their tables.
 *
 * Everything lives in the caller's arena. The profile is either the
 * caller's (the sweep keeps one per program) or loaded into the arena.
 */
#ifndef PW_STORE_FACTS_H
#define PW_STORE_FACTS_H

#include "rules/checklist.h"
#include "rules/exit.h"
#include "rules/followup.h"
#include "rules/post_exit.h"
#include "rules/service.h"
#include "rules/summary.h"
#include "store/program.h"

#include <stdbool.h>
#include <stddef.h>

struct pw_db;
struct pw_arena;

/* What pw_facts_load reads besides the enrollment row and its services. */
enum pw_facts_part {
	PW_FACTS_GOALS = 1u << 0,    /* goals (R-CHK-3) */
	PW_FACTS_TRACKERS = 1u << 1, /* C-Work trackers (R-CHK-3) */
	PW_FACTS_COUNTS = 1u << 2,   /* skill gains and credentials dated up to as_of */
	PW_FACTS_JOBS = 1u << 3,     /* the participant's jobs started by as_of (R-EMP-*) */
	PW_FACTS_CONTACTS = 1u << 4, /* follow-up case notes (R-FUP-1) */
	PW_FACTS_ALL = 0x1fu,
	/* Reads the enrollment row with FOR UPDATE: call inside a transaction,
	 * which then holds the row until it ends. Writers of services take a
	 * shared lock on the same row (store/service.h), so the facts cannot
	 * change under an exit being decided. */
	PW_FACTS_LOCK = 1u << 8,
};

/* A job with what the post-exit screen shows of it. */
struct pw_facts_job {
	long long id;
	const char *employer;
	const char *job_title;
	pw_date start, end; /* end PW_DATE_NONE while current */
};

struct pw_facts {
	long long enrollment_id, participant_id, program_id, location_id;
	long long case_manager_user_id; /* 0: none */
	int version;
	enum pw_enrollment_status status;
	bool exited;                  /* status exited or not_enrolled: the exit fields hold */
	enum pw_exit_kind exit_kind;  /* meaningful when exited */
	pw_date exit_date;            /* meaningful when exited */
	pw_date participation_date;   /* PW_DATE_NONE when not yet */
	const char *exclusion_reason; /* PIRL 923 code, or NULL */
	const char *exited_by;        /* "system" or a login, or NULL */
	const char *exited_at;        /* RFC 3339, or NULL */
	struct pw_exit_fields stored; /* the stored exit fields (all NULL / NONE before) */
	const struct pw_profile *profile;
	const char **exit_reason_codes; /* the profile's regular exit reason codes */
	size_t n_exit_reason_codes;

	struct pw_service *services; /* names and flags from the profile's catalog */
	size_t n_services;
	struct pw_goal *goals;
	size_t n_goals;
	struct pw_tracker *trackers;
	size_t n_trackers;
	size_t n_skill_gains, n_credentials;
	struct pw_facts_job *job_info; /* by start date */
	struct pw_post_exit_job *jobs; /* the same jobs as of as_of, as the rules take them */
	size_t n_jobs;
	struct pw_followup_contact *contacts; /* by contact date */
	size_t n_contacts;
};

/*
 * Loads enrollment id with the parts asked for (enum pw_facts_part), as of
 * as_of (counts and jobs leave out records dated after it; a job ending
 * after as_of is, for the rules, still held). profile is the
 * caller's profile of the enrollment's program (borrowed; it must outlive
 * out), or NULL to load it into a. PW_ERR_NOT_FOUND when there is no such
 * enrollment; PW_ERR_DB when a row holds a value the schema should have
 * refused.
 */
int pw_facts_load(struct pw_db *db, struct pw_arena *a, long long enrollment_id, unsigned parts,
                  pw_date as_of, const struct pw_profile *profile, struct pw_facts *out);

/* The views the rules take. Each borrows from f (and f's arena). */
void pw_facts_exit_view(const struct pw_facts *f, struct pw_exit_facts *out);
void pw_facts_exit_profile(const struct pw_profile *p, struct pw_exit_profile *out);
/* proposed: the exit being asked for, or NULL for the stored one. */
void pw_facts_checklist_view(const struct pw_facts *f, const struct pw_exit_fields *proposed,
                             pw_date as_of, struct pw_checklist_facts *out);
/* Needs PW_FACTS_JOBS and PW_FACTS_CONTACTS. */
void pw_facts_followup_view(const struct pw_facts *f, struct pw_followup_facts *out);
/* followup may be NULL; needs PW_FACTS_COUNTS and PW_FACTS_JOBS. */
void pw_facts_summary_view(const struct pw_facts *f, const struct pw_followup_facts *followup,
                           pw_date as_of, struct pw_summary_facts *out);

/* The job held on day d (started by d, not ended before it; the latest
 * start wins), or NULL. Needs PW_FACTS_JOBS. */
const struct pw_facts_job *pw_facts_job_on(const struct pw_facts *f, pw_date d);

/* The label of the profile's regular exit reason code, or NULL. */
const char *pw_facts_exit_reason_label(const struct pw_profile *p, const char *code);

#endif
