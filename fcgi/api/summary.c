/*
 * api/summary.c: GET /api/v1/enrollments/{id}/summary (issues 5 and 6;
 * R-SUM-1, R-EMP-2, R-FUP-1).
 *
 * The Outcomes tab's summary: the profile's items in its order, each with
 * its result text ("At least 1 credential entered.", "Complete (111
 * Days)") and Complete / Not Complete, computed on request from the
 * records and the exit state as of ?as_of= (default today), never stored.
 * pw_summary_evaluate decides every item; this handler loads the facts it
 * reads (services, counts of skill gains and credentials dated by as_of,
 * the participant's jobs, the exit and the follow-up contacts).
 */
#include "api/api.h"

#include "api/common.h"
#include "api/exit_common.h"
#include "pw.h"
#include "rules/acl.h"
#include "rules/summary.h"
#include "store/facts.h"

void api_summary_get(struct pw_ctx *ctx)
{
	struct pw_followup_facts ff;
	struct pw_summary_facts sf;
	struct pw_summary_result *res;
	struct pw_violations v;
	struct pw_facts f;
	const struct pw_profile *p;
	json_object *o, *items;
	pw_date as_of;

	if (api_authorize_enrollment(ctx, ctx->ids[0], PW_ACL_READ, NULL) ||
	    api_exit_as_of(ctx, &as_of) ||
	    api_exit_load(ctx, ctx->ids[0], PW_FACTS_COUNTS | PW_FACTS_JOBS | PW_FACTS_CONTACTS,
	                  as_of, &f))
		return;
	p = f.profile;
	res = pw_arena_alloc(ctx->arena, (p->n_summary ? p->n_summary : 1) * sizeof(*res));
	if (res == NULL) {
		pw_response_error_rc(ctx->res, PW_ERR_NOMEM);
		return;
	}
	pw_facts_followup_view(&f, &ff);
	pw_facts_summary_view(&f, &ff, as_of, &sf);
	pw_violations_init(&v);
	/* R-SUM-1 */
	if (pw_summary_evaluate(&sf, p->summary, p->n_summary, res, p->n_summary, &v) != PW_OK) {
		/* A profile the programs API would refuse: ours to fix. */
		pw_response_error_rc(ctx->res, PW_ERR_DB);
		return;
	}
	o = json_object_new_object();
	json_object_object_add(o, "enrollment_id", json_object_new_int64(f.enrollment_id));
	json_object_object_add(o, "participant_id", json_object_new_int64(f.participant_id));
	json_object_object_add(o, "program_code", api_exit_str(p->code));
	json_object_object_add(o, "program_name", api_exit_str(p->name));
	json_object_object_add(o, "as_of", api_exit_date(as_of));
	items = json_object_new_array();
	for (size_t i = 0; i < p->n_summary; i++) {
		json_object *it = json_object_new_object();
		json_object_object_add(it, "number", json_object_new_int((int)i + 1));
		json_object_object_add(it, "code", json_object_new_string(res[i].code));
		json_object_object_add(it, "label", json_object_new_string(res[i].label));
		json_object_object_add(it, "result", json_object_new_string(res[i].result));
		json_object_object_add(
		        it, "status",
		        json_object_new_string(pw_summary_status_text(res[i].complete)));
		json_object_object_add(it, "complete", json_object_new_boolean(res[i].complete));
		json_object_array_add(items, it);
	}
	json_object_object_add(o, "items", items);
	pw_response_json(ctx->res, 200, o);
}
