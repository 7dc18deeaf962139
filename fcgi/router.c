/*
 * router.c: the table of every endpoint, and path matching.
 *
 * Patterns are literal segments and {id} segments; an {id} matches a
 * positive decimal number without leading zeros that fits in 63 bits, so
 * "/participants/abc" is simply not a path (404), never a handler's problem.
 */
#include "router.h"

#include "api/api.h"

#include <string.h>

static const struct pw_route routes[] = {
	{"GET", "/api/v1/health", api_health_get, PW_ROUTE_NODB | PW_ROUTE_PUBLIC},

	{"POST", "/api/v1/session", api_session_create, PW_ROUTE_JSON | PW_ROUTE_PUBLIC},
	{"GET", "/api/v1/session", api_session_get, PW_ROUTE_PARTIAL},
	{"DELETE", "/api/v1/session", api_session_delete, PW_ROUTE_PARTIAL},
	{"POST", "/api/v1/session/totp", api_session_totp, PW_ROUTE_JSON | PW_ROUTE_PARTIAL},
	{"POST", "/api/v1/session/totp/enrollment", api_session_enroll, PW_ROUTE_PARTIAL},
	{"POST", "/api/v1/session/totp/enrollment/confirm", api_session_enroll_confirm,
	 PW_ROUTE_JSON | PW_ROUTE_PARTIAL},

	{"GET", "/api/v1/regions", api_regions_list, 0},
	{"POST", "/api/v1/regions", api_regions_create, PW_ROUTE_JSON},
	{"GET", "/api/v1/regions/{id}", api_regions_get, 0},
	{"PATCH", "/api/v1/regions/{id}", api_regions_update, PW_ROUTE_JSON},
	{"GET", "/api/v1/providers", api_providers_list, 0},
	{"POST", "/api/v1/providers", api_providers_create, PW_ROUTE_JSON},
	{"GET", "/api/v1/providers/{id}", api_providers_get, 0},
	{"PATCH", "/api/v1/providers/{id}", api_providers_update, PW_ROUTE_JSON},
	{"GET", "/api/v1/office-locations", api_locations_list, 0},
	{"POST", "/api/v1/office-locations", api_locations_create, PW_ROUTE_JSON},
	{"GET", "/api/v1/office-locations/{id}", api_locations_get, 0},
	{"PATCH", "/api/v1/office-locations/{id}", api_locations_update, PW_ROUTE_JSON},
	{"GET", "/api/v1/office-locations/{id}/staff", api_locations_staff, 0},
	{"GET", "/api/v1/staff-positions", api_positions_list, 0},
	{"POST", "/api/v1/staff-positions", api_positions_create, PW_ROUTE_JSON},
	{"GET", "/api/v1/staff-positions/{id}", api_positions_get, 0},
	{"PATCH", "/api/v1/staff-positions/{id}", api_positions_update, PW_ROUTE_JSON},

	{"GET", "/api/v1/users", api_users_list, 0},
	{"POST", "/api/v1/users", api_users_create, PW_ROUTE_JSON},
	{"GET", "/api/v1/users/{id}", api_users_get, 0},
	{"PATCH", "/api/v1/users/{id}", api_users_update, PW_ROUTE_JSON},
	{"PUT", "/api/v1/users/{id}/password", api_users_set_password, PW_ROUTE_JSON},

	{"GET", "/api/v1/participants", api_participants_list, 0},
	{"POST", "/api/v1/participants", api_participants_create, PW_ROUTE_JSON},
	{"GET", "/api/v1/participants/{id}", api_participants_get, 0},
	{"PATCH", "/api/v1/participants/{id}", api_participants_update, PW_ROUTE_JSON},
	{"GET", "/api/v1/participants/{id}/enrollments", api_enrollments_list, 0},
	{"POST", "/api/v1/participants/{id}/enrollments", api_enrollments_create, PW_ROUTE_JSON},
	{"GET", "/api/v1/enrollments/{id}", api_enrollments_get, 0},
	{"PATCH", "/api/v1/enrollments/{id}", api_enrollments_update, PW_ROUTE_JSON},
	{"PUT", "/api/v1/enrollments/{id}/case-manager", api_enrollments_assign_case_manager,
	 PW_ROUTE_JSON},
	{"DELETE", "/api/v1/enrollments/{id}/case-manager", api_enrollments_remove_case_manager, 0},
	{"GET", "/api/v1/enrollments/{id}/case-managers", api_enrollments_case_managers, 0},

	{"GET", "/api/v1/programs", api_programs_list, 0},
	{"POST", "/api/v1/programs", api_programs_create, PW_ROUTE_JSON},
	{"GET", "/api/v1/programs/{id}", api_programs_get, 0},
	{"PUT", "/api/v1/programs/{id}", api_programs_replace, PW_ROUTE_JSON},

	{"GET", "/api/v1/enrollments/{id}/services", api_services_list, 0},
	{"POST", "/api/v1/enrollments/{id}/services", api_services_create, PW_ROUTE_JSON},
	{"GET", "/api/v1/services/{id}", api_services_get, 0},
	{"PATCH", "/api/v1/services/{id}", api_services_update, PW_ROUTE_JSON},
	{"DELETE", "/api/v1/services/{id}", api_services_delete, 0},
	{"GET", "/api/v1/enrollments/{id}/goals", api_goals_list, 0},
	{"POST", "/api/v1/enrollments/{id}/goals", api_goals_create, PW_ROUTE_JSON},
	{"GET", "/api/v1/goals/{id}", api_goals_get, 0},
	{"PATCH", "/api/v1/goals/{id}", api_goals_update, PW_ROUTE_JSON},

	{"GET", "/api/v1/participants/{id}/case-notes", api_case_notes_list, 0},
	{"POST", "/api/v1/participants/{id}/case-notes", api_case_notes_create, PW_ROUTE_JSON},
	{"GET", "/api/v1/case-notes/{id}", api_case_notes_get, 0},
	{"PATCH", "/api/v1/case-notes/{id}", api_case_notes_update, PW_ROUTE_JSON},
	{"POST", "/api/v1/case-notes/{id}/addenda", api_case_notes_addendum, PW_ROUTE_JSON},

	{"POST", "/api/v1/documents", api_documents_create, PW_ROUTE_RAW_BODY},
	{"GET", "/api/v1/documents/{id}", api_documents_get, 0},
	{"GET", "/api/v1/documents/{id}/content", api_documents_content, 0},
	{"GET", "/api/v1/participants/{id}/documents", api_documents_list, 0},

	/* Outcome records (issue 5). */
	{"GET", "/api/v1/participants/{id}/assessments", api_assessments_list, 0},
	{"POST", "/api/v1/participants/{id}/assessments", api_assessments_create, PW_ROUTE_JSON},
	{"GET", "/api/v1/assessments/{id}", api_assessments_get, 0},
	{"PATCH", "/api/v1/assessments/{id}", api_assessments_update, PW_ROUTE_JSON},
	{"DELETE", "/api/v1/assessments/{id}", api_assessments_delete, 0},
	{"GET", "/api/v1/enrollments/{id}/skill-gains", api_skill_gains_list, 0},
	{"POST", "/api/v1/enrollments/{id}/skill-gains", api_skill_gains_create, PW_ROUTE_JSON},
	{"GET", "/api/v1/enrollments/{id}/skill-gains/efl-candidates",
	 api_skill_gains_efl_candidates, 0},
	{"GET", "/api/v1/skill-gains/{id}", api_skill_gains_get, 0},
	{"PATCH", "/api/v1/skill-gains/{id}", api_skill_gains_update, PW_ROUTE_JSON},
	{"DELETE", "/api/v1/skill-gains/{id}", api_skill_gains_delete, 0},
	{"GET", "/api/v1/enrollments/{id}/credentials", api_credentials_list, 0},
	{"POST", "/api/v1/enrollments/{id}/credentials", api_credentials_create, PW_ROUTE_JSON},
	{"GET", "/api/v1/credentials/{id}", api_credentials_get, 0},
	{"PATCH", "/api/v1/credentials/{id}", api_credentials_update, PW_ROUTE_JSON},
	{"DELETE", "/api/v1/credentials/{id}", api_credentials_delete, 0},
	{"GET", "/api/v1/participants/{id}/employment", api_employment_list, 0},
	{"POST", "/api/v1/participants/{id}/employment", api_employment_create, PW_ROUTE_JSON},
	{"GET", "/api/v1/employment/{id}", api_employment_get, 0},
	{"PATCH", "/api/v1/employment/{id}", api_employment_update, PW_ROUTE_JSON},
	{"DELETE", "/api/v1/employment/{id}", api_employment_delete, 0},
	{"GET", "/api/v1/enrollments/{id}/trackers", api_trackers_list, 0},
	{"POST", "/api/v1/enrollments/{id}/trackers", api_trackers_create, PW_ROUTE_JSON},
	{"GET", "/api/v1/trackers/{id}", api_trackers_get, 0},
	{"PATCH", "/api/v1/trackers/{id}", api_trackers_update, PW_ROUTE_JSON},
	{"DELETE", "/api/v1/trackers/{id}", api_trackers_delete, 0},
	{"GET", "/api/v1/participants/{id}/success-stories", api_success_stories_list, 0},
	{"POST", "/api/v1/participants/{id}/success-stories", api_success_stories_create,
	 PW_ROUTE_JSON},
	{"GET", "/api/v1/success-stories/{id}", api_success_stories_get, 0},
	{"PATCH", "/api/v1/success-stories/{id}", api_success_stories_update, PW_ROUTE_JSON},
	{"DELETE", "/api/v1/success-stories/{id}", api_success_stories_delete, 0},

	/* Exits, post-exit quarters, follow-up and the summary (issue 6). */
	{"GET", "/api/v1/enrollments/{id}/exit", api_exit_get, 0},
	{"POST", "/api/v1/enrollments/{id}/exit", api_exit_create, PW_ROUTE_JSON},
	{"DELETE", "/api/v1/enrollments/{id}/exit", api_exit_undo, 0},
	{"POST", "/api/v1/enrollments/{id}/exclusion", api_exit_exclusion, PW_ROUTE_JSON},
	{"GET", "/api/v1/soft-exit-watch", api_soft_exit_watch_list, 0},
	{"GET", "/api/v1/enrollments/{id}/post-exit", api_post_exit_get, 0},
	{"PUT", "/api/v1/enrollments/{id}/post-exit/{id}", api_post_exit_update, PW_ROUTE_JSON},
	{"GET", "/api/v1/enrollments/{id}/follow-ups", api_follow_ups_get, 0},
	{"POST", "/api/v1/enrollments/{id}/follow-ups", api_follow_ups_create, PW_ROUTE_JSON},
	{"GET", "/api/v1/enrollments/{id}/summary", api_summary_get, 0},

	{"GET", "/api/v1/audit", api_audit_list, 0},
};

const struct pw_route *pw_router_routes(size_t *n)
{
	*n = sizeof(routes) / sizeof(routes[0]);
	return routes;
}

/* Parses one {id} segment of length n; returns -1 when it is not one. */
static long long parse_id(const char *s, size_t n)
{
	long long v = 0;

	if (n == 0 || n > 18 || s[0] == '0')
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int pw_route_pattern_match(const char *pattern, const char *path, long long *ids, size_t *nids)
{
	const char *p = pattern, *s = path;
	size_t k = 0;

	while (*p && *s) {
		const char *pe, *se;
		size_t plen, slen;

		if (*p != '/' || *s != '/')
			return 0;
		pe = strchr(p + 1, '/');
		se = strchr(s + 1, '/');
		plen = pe ? (size_t)(pe - p - 1) : strlen(p + 1);
		slen = se ? (size_t)(se - s - 1) : strlen(s + 1);
		if (plen == 4 && !strncmp(p + 1, "{id}", 4)) {
			long long v = parse_id(s + 1, slen);
			if (v < 0 || k >= PW_ROUTE_MAX_IDS)
				return 0;
			ids[k++] = v;
		} else if (plen != slen || strncmp(p + 1, s + 1, plen)) {
			return 0;
		}
		p += plen + 1;
		s += slen + 1;
	}
	if (*p || *s)
		return 0;
	*nids = k;
	return 1;
}

const struct pw_route *pw_router_match(const char *method, const char *path, long long *ids,
				       size_t *nids, char *allow, size_t allow_len, int *status)
{
	const char *m = strcmp(method, "HEAD") ? method : "GET";
	const struct pw_route *found = NULL;
	size_t used = 0;
	int path_known = 0;

	if (allow_len)
		allow[0] = '\0';
	for (size_t i = 0; i < sizeof(routes) / sizeof(routes[0]); i++) {
		long long tmp[PW_ROUTE_MAX_IDS];
		size_t ntmp = 0;

		if (!pw_route_pattern_match(routes[i].pattern, path, tmp, &ntmp))
			continue;
		path_known = 1;
		if (!strcmp(routes[i].method, m) && !found) {
			found = &routes[i];
			memcpy(ids, tmp, ntmp * sizeof(*ids));
			*nids = ntmp;
		}
		/* Build the Allow list as we go, for a 405. */
		if (!strstr(allow, routes[i].method)) {
			size_t ml = strlen(routes[i].method);
			int head = !strcmp(routes[i].method, "GET");
			size_t need = ml + (used ? 2 : 0) + (head ? 6 : 0);
			if (used + need < allow_len) {
				if (used) {
					memcpy(allow + used, ", ", 2);
					used += 2;
				}
				memcpy(allow + used, routes[i].method, ml);
				used += ml;
				if (head) {
					memcpy(allow + used, ", HEAD", 6);
					used += 6;
				}
				allow[used] = '\0';
			}
		}
	}
	if (found) {
		*status = 200;
		return found;
	}
	*status = path_known ? 405 : 404;
	return NULL;
}
