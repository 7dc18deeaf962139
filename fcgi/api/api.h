/*
 * api.h: the handlers of every resource, one file each under fcgi/api/.
 * router.c lists them all in its table.
 */
#ifndef PW_API_H
#define PW_API_H

#include "handler.h"

/* api/health.c */
void api_health_get(struct pw_ctx *ctx);

/* api/session.c */
void api_session_create(struct pw_ctx *ctx);
void api_session_get(struct pw_ctx *ctx);
void api_session_delete(struct pw_ctx *ctx);
void api_session_totp(struct pw_ctx *ctx);
void api_session_enroll(struct pw_ctx *ctx);
void api_session_enroll_confirm(struct pw_ctx *ctx);

/* api/org.c: regions, providers, office locations, staff positions */
#define PW_API_ORG(prefix)                                                                         \
	void api_##prefix##_list(struct pw_ctx *ctx);                                              \
	void api_##prefix##_get(struct pw_ctx *ctx);                                               \
	void api_##prefix##_create(struct pw_ctx *ctx);                                            \
	void api_##prefix##_update(struct pw_ctx *ctx);
PW_API_ORG(regions)
PW_API_ORG(providers)
PW_API_ORG(locations)
PW_API_ORG(positions)
/* The staff of one office location (case manager choices). */
void api_locations_staff(struct pw_ctx *ctx);

/* api/users.c */
void api_users_list(struct pw_ctx *ctx);
void api_users_get(struct pw_ctx *ctx);
void api_users_create(struct pw_ctx *ctx);
void api_users_update(struct pw_ctx *ctx);
void api_users_set_password(struct pw_ctx *ctx);

/* api/participants.c */
void api_participants_list(struct pw_ctx *ctx);
void api_participants_create(struct pw_ctx *ctx);
void api_participants_get(struct pw_ctx *ctx);
void api_participants_update(struct pw_ctx *ctx);

/* api/enrollments.c */
void api_enrollments_list(struct pw_ctx *ctx);
void api_enrollments_create(struct pw_ctx *ctx);
void api_enrollments_get(struct pw_ctx *ctx);
void api_enrollments_update(struct pw_ctx *ctx);
void api_enrollments_assign_case_manager(struct pw_ctx *ctx);
void api_enrollments_remove_case_manager(struct pw_ctx *ctx);
void api_enrollments_case_managers(struct pw_ctx *ctx);

/* api/programs.c */
void api_programs_list(struct pw_ctx *ctx);
void api_programs_get(struct pw_ctx *ctx);
void api_programs_create(struct pw_ctx *ctx);
void api_programs_replace(struct pw_ctx *ctx);

/* api/services.c */
void api_services_list(struct pw_ctx *ctx);
void api_services_create(struct pw_ctx *ctx);
void api_services_get(struct pw_ctx *ctx);
void api_services_update(struct pw_ctx *ctx);
void api_services_delete(struct pw_ctx *ctx);

/* api/goals.c */
void api_goals_list(struct pw_ctx *ctx);
void api_goals_create(struct pw_ctx *ctx);
void api_goals_get(struct pw_ctx *ctx);
void api_goals_update(struct pw_ctx *ctx);

/* api/case_notes.c */
void api_case_notes_list(struct pw_ctx *ctx);
void api_case_notes_create(struct pw_ctx *ctx);
void api_case_notes_get(struct pw_ctx *ctx);
void api_case_notes_update(struct pw_ctx *ctx);
void api_case_notes_addendum(struct pw_ctx *ctx);

/* api/documents.c */
void api_documents_create(struct pw_ctx *ctx);
void api_documents_get(struct pw_ctx *ctx);
void api_documents_content(struct pw_ctx *ctx);
void api_documents_list(struct pw_ctx *ctx);

/* api/assessments.c, skill_gains.c, credentials.c, employment.c, trackers.c,
 * success_stories.c: the outcome records (issue 5) */
#define PW_API_OUTCOME(prefix)                                                                     \
	void api_##prefix##_list(struct pw_ctx *ctx);                                              \
	void api_##prefix##_create(struct pw_ctx *ctx);                                            \
	void api_##prefix##_get(struct pw_ctx *ctx);                                               \
	void api_##prefix##_update(struct pw_ctx *ctx);                                            \
	void api_##prefix##_delete(struct pw_ctx *ctx);
PW_API_OUTCOME(assessments)
PW_API_OUTCOME(skill_gains)
PW_API_OUTCOME(credentials)
PW_API_OUTCOME(employment)
PW_API_OUTCOME(trackers)
PW_API_OUTCOME(success_stories)
void api_skill_gains_efl_candidates(struct pw_ctx *ctx);

/* api/exit.c: readiness, exits, undo, late exclusion (issue 6) */
void api_exit_get(struct pw_ctx *ctx);
void api_exit_create(struct pw_ctx *ctx);
void api_exit_undo(struct pw_ctx *ctx);
void api_exit_exclusion(struct pw_ctx *ctx);
/* api/soft_exit_watch.c */
void api_soft_exit_watch_list(struct pw_ctx *ctx);
/* api/post_exit.c */
void api_post_exit_get(struct pw_ctx *ctx);
void api_post_exit_update(struct pw_ctx *ctx);
/* api/follow_ups.c */
void api_follow_ups_get(struct pw_ctx *ctx);
void api_follow_ups_create(struct pw_ctx *ctx);
/* api/summary.c */
void api_summary_get(struct pw_ctx *ctx);

/* api/audit.c */
void api_audit_list(struct pw_ctx *ctx);

#endif
