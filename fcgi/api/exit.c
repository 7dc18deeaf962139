/*
 * api/exit.c: how an enrollment ends (issue 6; R-EXIT-1..9, R-CHK-1..3,
 * R-PEX-1, R-ACL-2).
 *
 *   GET    /api/v1/enrollments/{id}/exit        readiness: every checklist item
 *                                               met or not and why, the last
 *                                               qualifying service, the
 *                                               projected soft exit, the kinds
 *                                               possible (?as_of=, and the
 *                                               proposed exit fields as query)
 *   POST   /api/v1/enrollments/{id}/exit        exit: regular, hard or
 *                                               not_enrolled
 *   DELETE /api/v1/enrollments/{id}/exit        undo (privileged; ?reason=)
 *   POST   /api/v1/enrollments/{id}/exclusion   a late exclusion (R-EXIT-5)
 *
 * Every decision is a rule of fcgi/rules/ taken over the facts that
 * store/facts.c loads; this file reads the request, takes the row lock,
 * asks the rules, writes what they allow with its audit rows in one
 * transaction and answers with the readiness document read after the
 * write. The exit row lock (FOR UPDATE on the enrollment) is the same lock
 * the services handlers share and the sweep takes, so a service added at
 * the same moment either lands before the exit (and is seen by the
 * checklist) or is refused after it (409 enrollment_exited, R-SVC-4).
 * Each enrollment exits on its own (R-EXIT-9): a request only ever touches
 * the enrollment in its path, and only a user who may write that
 * enrollment's location gets that far.
 */
#include "api/api.h"

#include "api/common.h"
#include "api/enrollment_json.h"
#include "api/exit_common.h"
#include "db.h"
#include "gate.h"
#include "json_io.h"
#include "pw.h"
#include "rules/acl.h"
#include "rules/checklist.h"
#include "rules/exit.h"
#include "rules/post_exit.h"
#include "store/audit.h"
#include "store/case_note.h"
#include "store/document.h"
#include "store/enrollment.h"
#include "store/exit.h"
#include "store/facts.h"
#include "store/scope.h"
#include "store/session.h"

#include <stdio.h>
#include <string.h>

#define ID_MAX       (1LL << 53)
#define COMMENTS_MAX 4000
#define SUBJECT_MAX  190
#define NOTE_MAX     16000
#define REASON_MAX   1000

/* The exit fields of a request, named as the checklist names them in its
 * violations (so a 409 exit_blocked points at the field to fill in). */
enum xf {
	XF_EXIT_DATE,
	XF_SCHOOL,
	XF_REASON,
	XF_COMMENTS,
	XF_ISETS,
	XF_COMPLETION,
	XF_OUTCOME,
	XF_COMPLETION_DATE,
	XF_COUNT
};
static const char *const xf_names[XF_COUNT] = {
        "exit_date",     "school_status",     "exit_reason",    "comments",
        "isets_program", "completion_status", "outcome_reason", "program_completion_date",
};
/* Column widths of the enrollment's exit fields. */
static const size_t xf_max[XF_COUNT] = {0, 40, 64, COMMENTS_MAX, 32, 40, 64, 0};

static const char *const kind_codes[] = {"regular", "soft", "hard", "not_enrolled"};

/* What a POST /exit or /exclusion asks for. */
struct exit_request {
	enum pw_exit_kind kind;
	struct pw_exit_fields x;
	bool given[XF_COUNT];
	const char *reason; /* hard, exclusion: PIRL 923 code */
	bool has_note;
	const char *note_subject;
	const char *note_body;
	long long document_id; /* 0: none */
};

/* ---- reading ---------------------------------------------------------- */

/* Stores field i's value (a string, or a date) in r->x. */
static void set_field(struct exit_request *r, int i, const char *s, pw_date d)
{
	switch (i) {
	case XF_EXIT_DATE:
		r->x.exit_date = d;
		break;
	case XF_SCHOOL:
		r->x.school_status = s;
		break;
	case XF_REASON:
		r->x.exit_reason = s;
		break;
	case XF_COMMENTS:
		r->x.comments = s;
		break;
	case XF_ISETS:
		r->x.isets_program = s;
		break;
	case XF_COMPLETION:
		r->x.completion_status = s;
		break;
	case XF_OUTCOME:
		r->x.outcome_reason = s;
		break;
	case XF_COMPLETION_DATE:
		r->x.program_completion_date = d;
		break;
	}
}

static bool is_date_field(int i)
{
	return i == XF_EXIT_DATE || i == XF_COMPLETION_DATE;
}

static void init_request(struct exit_request *r)
{
	memset(r, 0, sizeof(*r));
	r->x.exit_date = PW_DATE_NONE;
	r->x.program_completion_date = PW_DATE_NONE;
}

/* Reads the exit fields of a JSON body (only those in mask, a bit per
 * enum xf) into r; problems go to fl's details. */
static void read_body_fields(struct pw_fields *fl, unsigned mask, struct exit_request *r)
{
	for (int i = 0; i < XF_COUNT; i++) {
		const char *s = NULL;
		pw_date d = PW_DATE_NONE;

		if (!(mask & (1u << i)))
			continue;
		if (is_date_field(i)) {
			if (pw_field_date(fl, xf_names[i], PW_FIELD_OPTIONAL, &d) == PW_OK) {
				set_field(r, i, NULL, d);
				r->given[i] = true;
			}
		} else if (pw_field_string(fl, xf_names[i], PW_FIELD_OPTIONAL, xf_max[i], &s) ==
		           PW_OK) {
			set_field(r, i, s, PW_DATE_NONE);
			r->given[i] = true;
		}
	}
}

/* True when s holds a control character. */
static bool has_control(const char *s)
{
	for (; s != NULL && *s; s++) {
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return true;
	}
	return false;
}

/* "case_note": {"subject": ..., "body": ...} and "document_id" (R-EXIT-4). */
static void read_evidence(struct pw_ctx *ctx, struct pw_fields *fl, struct exit_request *r)
{
	static const char *const note_allowed[] = {"subject", "body"};
	json_object *note = NULL;
	long long doc = 0;

	if (json_object_object_get_ex(ctx->body, "case_note", &note) && note != NULL) {
		struct pw_fields nf = {note, fl->details};
		size_t before = json_object_array_length(fl->details);

		if (!json_object_is_type(note, json_type_object)) {
			pw_details_add(fl->details, "case_note",
			               "must be an object with the note's subject and body", NULL);
		} else {
			pw_field_string(&nf, "subject", PW_FIELD_OPTIONAL, SUBJECT_MAX,
			                &r->note_subject);
			if (r->note_subject != NULL && has_control(r->note_subject))
				pw_details_add(fl->details, "case_note.subject",
				               "must be one line without control characters", NULL);
			pw_field_string(&nf, "body", PW_FIELD_REQUIRED, NOTE_MAX, &r->note_body);
			pw_fields_reject_unknown(&nf, note_allowed, PW_ARRAY_LEN(note_allowed));
			/* The details of the note's own fields carry its name. */
			for (size_t i = before; i < json_object_array_length(fl->details); i++) {
				json_object *d = json_object_array_get_idx(fl->details, i),
				            *f = NULL;
				char name[64];
				if (json_object_object_get_ex(d, "field", &f) && f != NULL &&
				    strncmp(json_object_get_string(f), "case_note", 9) != 0) {
					snprintf(name, sizeof(name), "case_note.%s",
					         json_object_get_string(f));
					json_object_object_add(d, "field",
					                       json_object_new_string(name));
				}
			}
			r->has_note = r->note_body != NULL;
		}
	}
	if (pw_field_int(fl, "document_id", PW_FIELD_OPTIONAL, 1, ID_MAX, &doc) == PW_OK)
		r->document_id = doc;
}

/* Reads a POST /exit body. Field problems go to details. */
static void read_exit_body(struct pw_ctx *ctx, struct exit_request *r, json_object *details)
{
	static const char *const regular_allowed[] = {"kind",
	                                              "exit_date",
	                                              "school_status",
	                                              "exit_reason",
	                                              "comments",
	                                              "isets_program",
	                                              "completion_status",
	                                              "outcome_reason",
	                                              "program_completion_date"};
	static const char *const hard_allowed[] = {"kind", "exit_date", "reason", "case_note",
	                                           "document_id"};
	static const char *const not_enrolled_allowed[] = {"kind", "exit_date", "comments"};
	struct pw_fields fl = {ctx->body, details};
	size_t k = 0;

	init_request(r);
	if (pw_field_enum(&fl, "kind", PW_FIELD_REQUIRED, kind_codes, PW_ARRAY_LEN(kind_codes),
	                  &k) != PW_OK)
		return;
	pw_exit_kind_from_code(kind_codes[k], &r->kind);
	switch (r->kind) {
	case PW_EXIT_REGULAR:
		read_body_fields(&fl, (1u << XF_COUNT) - 1, r);
		pw_fields_reject_unknown(&fl, regular_allowed, PW_ARRAY_LEN(regular_allowed));
		break;
	case PW_EXIT_HARD:
		read_body_fields(&fl, 1u << XF_EXIT_DATE, r);
		pw_field_string(&fl, "reason", PW_FIELD_OPTIONAL, 2, &r->reason);
		read_evidence(ctx, &fl, r);
		pw_fields_reject_unknown(&fl, hard_allowed, PW_ARRAY_LEN(hard_allowed));
		break;
	case PW_EXIT_NOT_ENROLLED:
		read_body_fields(&fl, (1u << XF_EXIT_DATE) | (1u << XF_COMMENTS), r);
		pw_fields_reject_unknown(&fl, not_enrolled_allowed,
		                         PW_ARRAY_LEN(not_enrolled_allowed));
		break;
	case PW_EXIT_SOFT:
		pw_details_add(details, "kind",
		               "soft exits are made by the nightly sweep, 90 days after the last "
		               "qualifying service",
		               "R-EXIT-1");
		break;
	}
}

/* The proposed exit fields of a readiness request, from the query. 0, or
 * -1 with a 400. */
static int read_query_fields(struct pw_ctx *ctx, struct exit_request *r, bool *any)
{
	json_object *details = pw_details_new();

	init_request(r);
	*any = false;
	for (int i = 0; i < XF_COUNT; i++) {
		const char *v = pw_request_query(ctx->req, xf_names[i]);
		pw_date d = PW_DATE_NONE;

		if (v == NULL || *v == '\0')
			continue;
		*any = true;
		r->given[i] = true;
		if (!is_date_field(i)) {
			set_field(r, i, v, PW_DATE_NONE);
		} else if (pw_date_parse(v, strlen(v), &d) == PW_OK) {
			set_field(r, i, NULL, d);
		} else {
			pw_details_add(details, xf_names[i], "must be a date YYYY-MM-DD", NULL);
		}
	}
	if (json_object_array_length(details)) {
		pw_response_error(ctx->res, 400, "bad_query", "The proposed exit is wrong.",
		                  details);
		return -1;
	}
	json_object_put(details);
	return 0;
}

/* ---- the readiness document ---------------------------------------------- */

/* The enrollment's stored exit, with labels; NULL before any exit. */
static json_object *stored_exit_json(const struct pw_facts *f)
{
	const struct pw_exit_fields *x = &f->stored;
	enum pw_exit_school_status ss;
	enum pw_checklist_isets_program ip;
	enum pw_checklist_isets_completion cs;
	enum pw_checklist_isets_reason orr;
	enum pw_exit_hard_reason hr;
	json_object *o;

	if (!f->exited)
		return NULL;
	o = json_object_new_object();
	json_object_object_add(o, "kind", json_object_new_string(pw_exit_kind_code(f->exit_kind)));
	json_object_object_add(o, "kind_label",
	                       json_object_new_string(pw_exit_kind_label(f->exit_kind)));
	json_object_object_add(o, "exit_date", api_exit_date(f->exit_date));
	json_object_object_add(o, "exit_reason", api_exit_str(x->exit_reason));
	json_object_object_add(
	        o, "exit_reason_label",
	        api_exit_str(pw_facts_exit_reason_label(f->profile, x->exit_reason)));
	json_object_object_add(o, "school_status", api_exit_str(x->school_status));
	json_object_object_add(o, "school_status_label",
	                       pw_exit_school_status_from_code(x->school_status, &ss) == PW_OK
	                               ? json_object_new_string(pw_exit_school_status_label(ss))
	                               : NULL);
	json_object_object_add(o, "comments", api_exit_str(x->comments));
	json_object_object_add(o, "isets_program", api_exit_str(x->isets_program));
	json_object_object_add(
	        o, "isets_program_label",
	        pw_checklist_isets_program_from_code(x->isets_program, &ip) == PW_OK
	                ? json_object_new_string(pw_checklist_isets_program_label(ip))
	                : NULL);
	json_object_object_add(o, "completion_status", api_exit_str(x->completion_status));
	json_object_object_add(
	        o, "completion_status_label",
	        pw_checklist_isets_completion_from_code(x->completion_status, &cs) == PW_OK
	                ? json_object_new_string(pw_checklist_isets_completion_label(cs))
	                : NULL);
	json_object_object_add(o, "outcome_reason", api_exit_str(x->outcome_reason));
	json_object_object_add(
	        o, "outcome_reason_label",
	        pw_checklist_isets_reason_from_code(x->outcome_reason, &orr) == PW_OK
	                ? json_object_new_string(pw_checklist_isets_reason_short_label(orr))
	                : NULL);
	json_object_object_add(o, "program_completion_date",
	                       api_exit_date(x->program_completion_date));
	json_object_object_add(o, "exclusion_reason", api_exit_str(f->exclusion_reason));
	json_object_object_add(o, "exclusion_reason_label",
	                       pw_exit_hard_reason_from_code(f->exclusion_reason, &hr) == PW_OK
	                               ? json_object_new_string(pw_exit_hard_reason_label(hr))
	                               : NULL);
	/* R-EXIT-5: how long an exclusion may still be added. */
	json_object_object_add(
	        o, "exclusion_deadline",
	        f->status == PW_ENROLLMENT_EXITED &&
	                        (f->exit_kind == PW_EXIT_REGULAR || f->exit_kind == PW_EXIT_SOFT)
	                ? api_exit_date(pw_exit_exclusion_deadline(f->exit_date))
	                : NULL);
	json_object_object_add(o, "has_post_exit",
	                       json_object_new_boolean(pw_post_exit_applies(f->exit_kind) &&
	                                               f->status == PW_ENROLLMENT_EXITED));
	json_object_object_add(o, "exited_by", api_exit_str(f->exited_by));
	json_object_object_add(o, "exited_at", api_exit_str(f->exited_at));
	return o;
}

/* {"id", "name", "status", "date"} of service i of f, for the readiness. */
static json_object *service_ref(const struct pw_facts *f, size_t i, pw_date date)
{
	const struct pw_service *s = &f->services[i];
	json_object *o = json_object_new_object();
	char name[128];

	pw_service_display_name(s, name, sizeof(name));
	json_object_object_add(o, "id", json_object_new_int64(s->id));
	json_object_object_add(o, "name", json_object_new_string(name));
	json_object_object_add(o, "status",
	                       json_object_new_string(pw_service_status_code(s->status)));
	json_object_object_add(o, "status_label",
	                       json_object_new_string(pw_service_status_label(s->status)));
	json_object_object_add(o, "start_date", api_exit_date(s->start));
	json_object_object_add(o, "end_date", api_exit_date(s->end));
	if (pw_date_is_valid(date))
		json_object_object_add(o, "date", api_exit_date(date));
	return o;
}

/* R-EXIT-8: the 90-day clock. */
static json_object *soft_json(const struct pw_facts *f, const struct pw_exit_soft *s)
{
	json_object *o = json_object_new_object();

	json_object_object_add(o, "last_service_date",
	                       s->has_last ? api_exit_date(s->last_date) : NULL);
	json_object_object_add(o, "blocked_by",
	                       s->blocked ? service_ref(f, s->blocking_index, PW_DATE_NONE) : NULL);
	json_object_object_add(o, "projected_date", api_exit_date(s->sweep_date));
	json_object_object_add(o, "days_left",
	                       s->days_left >= 0 ? json_object_new_int(s->days_left) : NULL);
	json_object_object_add(o, "due", json_object_new_boolean(s->due));
	return o;
}

/* The fields the profile's checklist asks for (and exit_date), as a mask
 * of enum xf bits. */
static unsigned asked_mask(const struct pw_checklist_result *res, size_t n)
{
	unsigned mask = 1u << XF_EXIT_DATE;

	for (size_t i = 0; i < n; i++) {
		for (int k = 0; res[i].field != NULL && k < XF_COUNT; k++) {
			if (strcmp(res[i].field, xf_names[k]) == 0)
				mask |= 1u << k;
		}
	}
	/* The outcome reason goes with the completion status (R-CHK-2). */
	if (mask & (1u << XF_COMPLETION))
		mask |= 1u << XF_OUTCOME;
	return mask;
}

/* The names of the fields in mask, as the request names them. */
static json_object *fields_json(unsigned mask)
{
	json_object *a = json_object_new_array();

	for (int k = 0; k < XF_COUNT; k++) {
		if (mask & (1u << k))
			json_object_array_add(a, json_object_new_string(xf_names[k]));
	}
	return a;
}

/* Checklist result r, the i-th item of its profile, as JSON. */
static json_object *item_json(const struct pw_checklist_result *r, size_t i)
{
	json_object *it = json_object_new_object();

	json_object_object_add(it, "number", json_object_new_int((int)i + 1));
	json_object_object_add(it, "code", json_object_new_string(r->code));
	json_object_object_add(it, "rule", json_object_new_string(r->rule));
	json_object_object_add(it, "label", json_object_new_string(r->label));
	json_object_object_add(it, "field", api_exit_str(r->field));
	json_object_object_add(it, "required", json_object_new_boolean(r->required));
	json_object_object_add(it, "met", json_object_new_boolean(r->met));
	json_object_object_add(it, "why", r->met ? NULL : json_object_new_string(r->why));
	return it;
}

/* Evaluates the checklist of f for the exit `proposed` as of as_of into a
 * new array in the arena; NULL with the response set on failure. */
static struct pw_checklist_result *evaluate(struct pw_ctx *ctx, const struct pw_facts *f,
                                            const struct pw_exit_fields *proposed, pw_date as_of,
                                            size_t *n)
{
	const struct pw_profile *p = f->profile;
	struct pw_checklist_result *res =
	        pw_arena_alloc(ctx->arena, (p->n_checklist ? p->n_checklist : 1) * sizeof(*res));
	struct pw_checklist_facts cf;
	struct pw_violations v;

	if (res == NULL) {
		pw_response_error_rc(ctx->res, PW_ERR_NOMEM);
		return NULL;
	}
	pw_violations_init(&v);
	pw_facts_checklist_view(f, proposed, as_of, &cf);
	if (pw_checklist_evaluate(&cf, p->checklist, p->n_checklist, res, p->n_checklist, &v) !=
	    PW_OK) {
		/* The programs API refuses such a profile; one in the database
		 * anyway is a fault of ours, not of the request. */
		pw_response_error_rc(ctx->res, PW_ERR_DB);
		return NULL;
	}
	*n = p->n_checklist;
	return res;
}

/* R-EXIT-8: the readiness document of f as of as_of, for the exit
 * `proposed` (NULL: the stored one). NULL with the response set on failure. */
static json_object *readiness(struct pw_ctx *ctx, const struct pw_facts *f,
                              const struct pw_exit_fields *proposed, pw_date as_of)
{
	const struct pw_profile *p = f->profile;
	struct pw_exit_facts ef;
	struct pw_exit_profile ep;
	struct pw_exit_soft soft;
	struct pw_checklist_result *res;
	json_object *o, *items, *arr;
	size_t n = 0, last = 0;
	pw_date last_date = PW_DATE_NONE;
	unsigned kinds;

	res = evaluate(ctx, f, proposed, as_of, &n);
	if (res == NULL)
		return NULL;
	pw_facts_exit_view(f, &ef);
	pw_facts_exit_profile(p, &ep);
	pw_exit_soft_status(&ef, as_of, &soft);
	kinds = pw_exit_kinds_possible(&ef, &ep, as_of);

	o = json_object_new_object();
	json_object_object_add(o, "enrollment_id", json_object_new_int64(f->enrollment_id));
	json_object_object_add(o, "participant_id", json_object_new_int64(f->participant_id));
	json_object_object_add(o, "program_id", json_object_new_int64(f->program_id));
	json_object_object_add(o, "program_code", api_exit_str(p->code));
	json_object_object_add(o, "program_name", api_exit_str(p->name));
	json_object_object_add(o, "as_of", api_exit_date(as_of));
	json_object_object_add(o, "status",
	                       json_object_new_string(pw_exit_enrollment_status_code(f->status)));
	json_object_object_add(o, "status_label",
	                       json_object_new_string(pw_exit_enrollment_status_label(f->status)));
	json_object_object_add(o, "case_status",
	                       json_object_new_string(f->exited ? "closed" : "open"));
	json_object_object_add(o, "exit", stored_exit_json(f));

	items = json_object_new_array();
	for (size_t i = 0; i < n; i++)
		json_object_array_add(items, item_json(&res[i], i));
	json_object_object_add(o, "checklist", items);
	json_object_object_add(o, "blocked",
	                       json_object_new_boolean(pw_checklist_blocks_exit(res, n)));
	json_object_object_add(o, "fields", fields_json(asked_mask(res, n)));

	/* R-SVC-3: the last qualifying service, which and when. */
	if (pw_service_last_qualifying(f->services, f->n_services, p->supportive_extends_exit,
	                               &last, &last_date) == PW_OK)
		json_object_object_add(o, "last_qualifying_service",
		                       service_ref(f, last, last_date));
	else
		json_object_object_add(o, "last_qualifying_service", NULL);
	json_object_object_add(o, "soft_exit", soft_json(f, &soft));

	arr = json_object_new_array();
	for (int k = PW_EXIT_REGULAR; k <= PW_EXIT_NOT_ENROLLED; k++) {
		if (kinds & PW_EXIT_KIND_BIT(k))
			json_object_array_add(arr, json_object_new_string(pw_exit_kind_code(k)));
	}
	json_object_object_add(o, "kinds_possible", arr);

	arr = json_object_new_array();
	for (size_t i = 0; i < p->n_hard_reasons; i++) {
		enum pw_exit_hard_reason r;
		json_object *it;
		if (pw_exit_hard_reason_from_code(p->hard_reasons[i], &r) != PW_OK)
			continue;
		it = json_object_new_object();
		json_object_object_add(it, "code",
		                       json_object_new_string(pw_exit_hard_reason_code(r)));
		json_object_object_add(it, "label",
		                       json_object_new_string(pw_exit_hard_reason_label(r)));
		json_object_array_add(arr, it);
	}
	json_object_object_add(o, "hard_reasons", arr);
	json_object_object_add(o, "hard_needs_document",
	                       json_object_new_boolean(p->hard_needs_document));
	arr = json_object_new_array();
	for (size_t i = 0; i < p->n_exit_reasons; i++) {
		json_object *it = json_object_new_object();
		json_object_object_add(it, "code", api_exit_str(p->exit_reasons[i].code));
		json_object_object_add(it, "label", api_exit_str(p->exit_reasons[i].label));
		json_object_array_add(arr, it);
	}
	json_object_object_add(o, "exit_reasons", arr);
	json_object_object_add(o, "version", json_object_new_int(f->version));
	return o;
}

/* Loads enrollment id after a write and answers 200 with its readiness. */
static void answer(struct pw_ctx *ctx, long long id)
{
	struct pw_facts f;
	json_object *o;
	pw_date today = api_today();

	if (api_exit_load(ctx, id, PW_FACTS_ALL, today, &f))
		return;
	o = readiness(ctx, &f, NULL, today);
	if (o == NULL)
		return;
	api_etag(ctx, f.version);
	pw_response_json(ctx->res, 200, o);
}

void api_exit_get(struct pw_ctx *ctx)
{
	struct exit_request r;
	struct pw_facts f;
	pw_date as_of;
	bool any = false;
	json_object *o;

	if (api_authorize_enrollment(ctx, ctx->ids[0], PW_ACL_READ, NULL) ||
	    api_exit_as_of(ctx, &as_of) || read_query_fields(ctx, &r, &any) ||
	    api_exit_load(ctx, ctx->ids[0], PW_FACTS_ALL, as_of, &f))
		return;
	/* A draft exit in the query is checked in full: the stored fields
	 * stand in for those it does not name. */
	if (any) {
		for (int i = 0; i < XF_COUNT; i++) {
			if (r.given[i])
				continue;
			switch (i) {
			case XF_EXIT_DATE:
				r.x.exit_date = f.stored.exit_date;
				break;
			case XF_COMPLETION_DATE:
				r.x.program_completion_date = f.stored.program_completion_date;
				break;
			default: {
				const char *const stored[XF_COUNT] = {NULL,
				                                      f.stored.school_status,
				                                      f.stored.exit_reason,
				                                      f.stored.comments,
				                                      f.stored.isets_program,
				                                      f.stored.completion_status,
				                                      f.stored.outcome_reason,
				                                      NULL};
				set_field(&r, i, stored[i], PW_DATE_NONE);
			}
			}
		}
	}
	o = readiness(ctx, &f, any ? &r.x : NULL, as_of);
	if (o == NULL)
		return;
	api_etag(ctx, f.version);
	pw_response_json(ctx->res, 200, o);
}

/* ---- writes --------------------------------------------------------------- */

/* The enrollment's API JSON, for audit rows; NULL on failure. */
static json_object *enrollment_json(struct pw_ctx *ctx, long long id)
{
	struct pw_db_rows *rows = NULL;
	json_object *o = NULL;

	if (pw_enrollment_get(ctx->db, id, &rows) == PW_OK && rows->nrows == 1)
		o = api_enrollment_json(rows, 0);
	pw_db_rows_free(rows);
	return o;
}

/* Writes the audit row of a change to enrollment id, from before (consumed)
 * to its state now. */
static int audit_enrollment(struct pw_ctx *ctx, long long id, const char *action,
                            json_object *before, const char *reason)
{
	struct pw_actor who;
	json_object *after = enrollment_json(ctx, id);
	int rc = PW_ERR_DB;

	pw_gate_actor(ctx, &who);
	if (after != NULL && before != NULL)
		rc = pw_audit_write(ctx->db, &who, "enrollment", id, action,
		                    api_json_text(ctx, before), api_json_text(ctx, after), reason);
	json_object_put(before);
	json_object_put(after);
	return rc;
}

/* R-EXIT-4: the verifying document must be the participant's and within
 * the caller's reach. *ok tells. */
static int check_document(struct pw_ctx *ctx, const struct pw_facts *f, long long doc, bool *ok)
{
	struct pw_scope_filter scope;
	int found = 0, rc;

	*ok = false;
	if (doc == 0)
		return PW_OK;
	pw_scope_filter_of(&ctx->session->principal, &scope);
	rc = pw_document_reachable(ctx->db, doc, f->participant_id, &scope, &found);
	*ok = found != 0;
	return rc;
}

/* R-EXIT-4 / R-EXIT-5: the exit case note stating the reason, with its
 * document. */
static int write_exit_note(struct pw_ctx *ctx, const struct pw_facts *f,
                           const struct exit_request *r, long long *note_id)
{
	struct pw_case_note_new n;
	struct pw_db_param vals[CNF_COUNT];
	enum pw_exit_hard_reason hr;
	char subject[SUBJECT_MAX * 4 + 1];
	int rc;

	memset(&n, 0, sizeof(n));
	n.participant_id = f->participant_id;
	n.enrollment_id = f->enrollment_id;
	n.note_type = "exit";
	n.author_user_id = ctx->session->principal.user_id;
	n.author = ctx->session->display_name ? ctx->session->display_name : ctx->session->login;
	for (size_t i = 0; i < CNF_COUNT; i++)
		vals[i] = PW_P_NULL;
	if (r->note_subject != NULL)
		snprintf(subject, sizeof(subject), "%s", r->note_subject);
	else if (pw_exit_hard_reason_from_code(r->reason, &hr) == PW_OK)
		snprintf(subject, sizeof(subject), "Exit: %s", pw_exit_hard_reason_label(hr));
	else
		snprintf(subject, sizeof(subject), "Exit");
	vals[CNF_SUBJECT] = PW_P_TEXT(subject);
	vals[CNF_BODY] = PW_P_TEXT(r->note_body);
	rc = pw_case_note_create(ctx->db, &n, vals, note_id);
	if (rc == PW_OK && r->document_id)
		rc = pw_case_note_link_document(ctx->db, *note_id, r->document_id);
	return rc;
}

/* The audit row of the exit case note made here. */
static int audit_note(struct pw_ctx *ctx, const struct exit_request *r, long long note_id)
{
	json_object *after = json_object_new_object(), *docs = json_object_new_array();
	struct pw_actor who;
	int rc;

	json_object_object_add(after, "id", json_object_new_int64(note_id));
	json_object_object_add(after, "note_type", json_object_new_string("exit"));
	json_object_object_add(after, "subject", api_exit_str(r->note_subject));
	json_object_object_add(after, "body", api_exit_str(r->note_body));
	if (r->document_id)
		json_object_array_add(docs, json_object_new_int64(r->document_id));
	json_object_object_add(after, "document_ids", docs);
	pw_gate_actor(ctx, &who);
	rc = pw_audit_write(ctx->db, &who, "case_note", note_id, "create", NULL,
	                    api_json_text(ctx, after), NULL);
	json_object_put(after);
	return rc;
}

/* R-EXIT-3: a regular exit, with its checklist. Answers the refusals
 * itself (returns -1 then). */
static int exit_regular(struct pw_ctx *ctx, const struct pw_facts *f, struct exit_request *r,
                        pw_date today)
{
	struct pw_checklist_result *res;
	struct pw_exit_facts ef;
	struct pw_exit_write w;
	struct pw_post_exit_quarter q[PW_POST_EXIT_QUARTERS];
	struct pw_violations v;
	json_object *details, *before;
	unsigned mask = 0;
	size_t n = 0;
	int rc;

	/* ISETS asks for a program completion date and no other: it is the
	 * date exited unless one is given. */
	if (!pw_date_is_valid(r->x.exit_date))
		r->x.exit_date = r->x.program_completion_date;
	res = evaluate(ctx, f, &r->x, today, &n);
	if (res == NULL)
		return -1;
	mask = asked_mask(res, n);
	details = pw_details_new();
	for (int i = 0; i < XF_COUNT; i++) {
		if (r->given[i] && !(mask & (1u << i)))
			pw_details_add(details, xf_names[i], "is not asked for by this program",
			               "R-EXIT-3");
	}
	pw_violations_init(&v);
	pw_facts_exit_view(f, &ef);
	rc = pw_exit_check_regular(&ef, r->x.exit_date, today, &v);
	if (rc == PW_ERR_CONFLICT) {
		json_object_put(details);
		api_exit_refuse(ctx, 409, "invalid_state", "This enrollment cannot be exited now.",
		                &v);
		return -1;
	}
	/* Where the exit date is the program completion date and neither is
	 * given, the checklist below names the field the form has. */
	if (!pw_date_is_valid(r->x.exit_date) && (mask & (1u << XF_COMPLETION_DATE)))
		pw_violations_init(&v);
	pw_details_add_violations(details, &v);
	if (json_object_array_length(details)) {
		api_invalid(ctx, "Some fields need attention.", details);
		return -1;
	}
	json_object_put(details);
	/* R-EXIT-3: every required checklist item met. The details carry the
	 * rule's sentences; "unmet" beside the error repeats each unmet item
	 * whole, since a detail's sentence is bounded and a long list of open
	 * activities may not fit in it. */
	pw_violations_init(&v);
	if (pw_checklist_blocking_violations(res, n, &v) != PW_OK) {
		json_object *extra = json_object_new_object(), *unmet = json_object_new_array();

		for (size_t i = 0; i < n; i++) {
			if (res[i].required && !res[i].met)
				json_object_array_add(unmet, item_json(&res[i], i));
		}
		json_object_object_add(extra, "unmet", unmet);
		details = pw_details_new();
		pw_details_add_violations(details, &v);
		pw_response_error_ex(ctx->res, 409, "exit_blocked",
		                     "The exit checklist is not complete: every required item must "
		                     "be met first.",
		                     details, extra);
		return -1;
	}
	before = enrollment_json(ctx, f->enrollment_id);
	memset(&w, 0, sizeof(w));
	w.status = PW_ENROLLMENT_EXITED;
	w.kind = PW_EXIT_REGULAR;
	w.exit_date = r->x.exit_date;
	w.exit_reason = r->x.exit_reason;
	w.school_status = r->x.school_status;
	w.isets_program = r->x.isets_program;
	w.completion_status = r->x.completion_status;
	w.outcome_reason = r->x.outcome_reason;
	w.program_completion_date = r->x.program_completion_date;
	w.comments = r->x.comments;
	w.by_user_id = ctx->session->principal.user_id;
	w.by_label = ctx->session->login;
	rc = pw_exit_write(ctx->db, f->enrollment_id, &w);
	/* R-PEX-1: the four quarters after exit. */
	if (rc == PW_OK &&
	    pw_post_exit_schedule(PW_EXIT_REGULAR, w.exit_date, q) == PW_POST_EXIT_QUARTERS)
		rc = pw_exit_quarters_create(ctx->db, f->enrollment_id, q);
	if (rc == PW_OK) {
		rc = audit_enrollment(ctx, f->enrollment_id, "exit", before, "R-EXIT-3");
		before = NULL;
	}
	json_object_put(before);
	if (rc != PW_OK)
		pw_response_error_rc(ctx->res, rc);
	return rc == PW_OK ? 0 : -1;
}

/* R-EXIT-4: a hard exit: reason, case note, document, ended services. */
static int exit_hard(struct pw_ctx *ctx, const struct pw_facts *f, const struct exit_request *r,
                     pw_date today)
{
	struct pw_exit_hard_request hq;
	struct pw_exit_facts ef;
	struct pw_exit_profile ep;
	struct pw_exit_write w;
	struct pw_violations v;
	enum pw_exit_hard_reason reason = PW_EXIT_HARD_DECEASED;
	json_object *before;
	long long note_id = 0;
	bool doc_ok = false;
	int rc = check_document(ctx, f, r->document_id, &doc_ok);

	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return -1;
	}
	pw_violations_init(&v);
	if (r->document_id && !doc_ok)
		pw_violation_add(&v, "R-EXIT-4", "document_id",
		                 "The document is not one of this participant's documents.");
	memset(&hq, 0, sizeof(hq));
	hq.reason = r->reason;
	hq.exit_date = r->x.exit_date;
	hq.has_case_note = r->has_note;
	hq.has_document = doc_ok;
	pw_facts_exit_view(f, &ef);
	pw_facts_exit_profile(f->profile, &ep);
	rc = pw_exit_check_hard(&ef, &ep, &hq, today, &reason, &v);
	if (rc == PW_ERR_CONFLICT) {
		api_exit_refuse(ctx, 409, "invalid_state", "This enrollment cannot be exited now.",
		                &v);
		return -1;
	}
	if (rc != PW_OK || v.n > 0) {
		api_exit_refuse(ctx, 422, "validation_failed", "Some fields need attention.", &v);
		return -1;
	}
	before = enrollment_json(ctx, f->enrollment_id);
	rc = write_exit_note(ctx, f, r, &note_id);
	if (rc == PW_OK)
		rc = audit_note(ctx, r, note_id);
	/* R-EXIT-4: open services end on the exit date, planned ones never
	 * started are deleted. */
	for (size_t i = 0; rc == PW_OK && i < f->n_services; i++) {
		const struct pw_service *s = &f->services[i];
		enum pw_service_status st;
		pw_date end = PW_DATE_NONE;
		struct pw_actor who;
		char before_s[160], after_s[160], d[PW_DATE_STRLEN];

		if (!pw_exit_hard_service_change(s, r->x.exit_date, &st, &end))
			continue;
		rc = pw_exit_service_change(ctx->db, f->enrollment_id, s->id, st, end);
		pw_date_format(end, d);
		snprintf(before_s, sizeof(before_s), "{\"status\": \"%s\"}",
		         pw_service_status_code(s->status));
		if (pw_date_is_valid(end))
			snprintf(after_s, sizeof(after_s),
			         "{\"status\": \"%s\", \"end_date\": \"%s\"}",
			         pw_service_status_code(st), d);
		else
			snprintf(after_s, sizeof(after_s), "{\"status\": \"%s\"}",
			         pw_service_status_code(st));
		pw_gate_actor(ctx, &who);
		if (rc == PW_OK)
			rc = pw_audit_write(ctx->db, &who, "service", s->id, "hard_exit", before_s,
			                    after_s, "R-EXIT-4");
	}
	memset(&w, 0, sizeof(w));
	w.status = PW_ENROLLMENT_EXITED;
	w.kind = PW_EXIT_HARD;
	w.exit_date = r->x.exit_date;
	w.exclusion_reason = pw_exit_hard_reason_code(reason);
	w.program_completion_date = PW_DATE_NONE;
	w.by_user_id = ctx->session->principal.user_id;
	w.by_label = ctx->session->login;
	if (rc == PW_OK)
		rc = pw_exit_write(ctx->db, f->enrollment_id, &w);
	if (rc == PW_OK) {
		rc = audit_enrollment(ctx, f->enrollment_id, "exit", before, "R-EXIT-4");
		before = NULL;
	}
	json_object_put(before);
	if (rc != PW_OK)
		pw_response_error_rc(ctx->res, rc);
	return rc == PW_OK ? 0 : -1;
}

/* R-EXIT-6: closed as never served. */
static int exit_not_enrolled(struct pw_ctx *ctx, const struct pw_facts *f,
                             const struct exit_request *r, pw_date today)
{
	struct pw_exit_facts ef;
	struct pw_exit_profile ep;
	struct pw_exit_write w;
	struct pw_violations v;
	json_object *before;
	int rc;

	pw_violations_init(&v);
	pw_facts_exit_view(f, &ef);
	pw_facts_exit_profile(f->profile, &ep);
	rc = pw_exit_check_not_enrolled(&ef, &ep, &v);
	if (rc != PW_OK) {
		api_exit_refuse_rc(ctx, rc, "invalid_state",
		                   "This enrollment cannot be closed as not enrolled.", &v);
		return -1;
	}
	if (pw_date_is_valid(r->x.exit_date) && r->x.exit_date > today) {
		pw_violation_add(&v, "R-DATE-4", "exit_date",
		                 "The date must not be in the future.");
		api_exit_refuse(ctx, 422, "validation_failed", "Some fields need attention.", &v);
		return -1;
	}
	before = enrollment_json(ctx, f->enrollment_id);
	memset(&w, 0, sizeof(w));
	w.status = PW_ENROLLMENT_NOT_ENROLLED;
	w.kind = PW_EXIT_NOT_ENROLLED;
	w.exit_date = pw_date_is_valid(r->x.exit_date) ? r->x.exit_date : today;
	w.comments = r->x.comments;
	w.program_completion_date = PW_DATE_NONE;
	w.by_user_id = ctx->session->principal.user_id;
	w.by_label = ctx->session->login;
	rc = pw_exit_write(ctx->db, f->enrollment_id, &w);
	if (rc == PW_OK) {
		rc = audit_enrollment(ctx, f->enrollment_id, "exit", before, "R-EXIT-6");
		before = NULL;
	}
	json_object_put(before);
	if (rc != PW_OK)
		pw_response_error_rc(ctx->res, rc);
	return rc == PW_OK ? 0 : -1;
}

/* Optional If-Match on a POST: 0 with *version (0: none given) or -1 with
 * a 412 in the response. */
static int optional_if_match(struct pw_ctx *ctx, int *version)
{
	*version = 0;
	if (pw_request_header(ctx->req, "If-Match") == NULL)
		return 0;
	return api_if_match(ctx, version);
}

void api_exit_create(struct pw_ctx *ctx)
{
	long long id = ctx->ids[0];
	struct exit_request r;
	struct pw_facts f;
	json_object *details;
	pw_date today = api_today();
	int version = 0, rc = -1;

	if (api_authorize_enrollment(ctx, id, PW_ACL_WRITE, NULL) ||
	    optional_if_match(ctx, &version))
		return;
	details = pw_details_new();
	read_exit_body(ctx, &r, details);
	if (json_object_array_length(details)) {
		api_invalid(ctx, "Some fields need attention.", details);
		return;
	}
	json_object_put(details);
	if (pw_db_begin(ctx->db) != PW_OK) {
		pw_response_error_rc(ctx->res, PW_ERR_DB_UNAVAILABLE);
		return;
	}
	/* The row lock first: every fact below is read after it. */
	if (api_exit_load(ctx, id, PW_FACTS_ALL | PW_FACTS_LOCK, today, &f))
		goto out;
	if (version && version != f.version) {
		pw_response_error_rc(ctx->res, PW_ERR_STALE);
		goto out;
	}
	switch (r.kind) {
	case PW_EXIT_REGULAR:
		rc = exit_regular(ctx, &f, &r, today);
		break;
	case PW_EXIT_HARD:
		rc = exit_hard(ctx, &f, &r, today);
		break;
	case PW_EXIT_NOT_ENROLLED:
		rc = exit_not_enrolled(ctx, &f, &r, today);
		break;
	case PW_EXIT_SOFT:
		break;
	}
	if (rc == 0 && api_finish(ctx, PW_OK) == PW_OK) {
		answer(ctx, id);
		return;
	}
	if (rc == 0) {
		pw_response_reset(ctx->res);
		pw_response_error_rc(ctx->res, PW_ERR_DB);
	}
out:
	pw_db_rollback(ctx->db);
}

/* R-ACL-2: statewide, or a program manager of the enrollment's location.
 * Returns 0 with *privileged set, or -1 with 404 (out of reach). */
static int privileged_caller(struct pw_ctx *ctx, long long id, bool *privileged)
{
	struct pw_acl_scope scope;
	int rc;

	if (api_authorize_enrollment(ctx, id, PW_ACL_READ, NULL))
		return -1;
	rc = pw_scope_enrollment(ctx->db, ctx->arena, id, &scope, NULL);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return -1;
	}
	*privileged = pw_acl_allows(&ctx->session->principal, PW_ACL_UNDO_EXIT, &scope) != 0;
	return 0;
}

/* R-EXIT-7: the quarters of an undone exit that hold no data go; entered
 * outcome data stays. */
static int remove_empty_quarters(struct pw_ctx *ctx, long long id)
{
	struct pw_db_rows *rows = NULL;
	int rc = pw_exit_quarters_list(ctx->db, id, &rows);

	for (size_t i = 0; rc == PW_OK && i < rows->nrows; i++) {
		struct pw_post_exit_entry e;

		rc = pw_exit_quarter_entry(rows, i, &e);
		if (rc == PW_OK && pw_post_exit_entry_is_empty(&e))
			rc = pw_exit_quarter_delete(ctx->db, pw_db_cell_int(rows, i, QC_ID, 0));
	}
	pw_db_rows_free(rows);
	return rc;
}

void api_exit_undo(struct pw_ctx *ctx)
{
	long long id = ctx->ids[0];
	const char *reason = pw_request_query(ctx->req, "reason");
	struct pw_exit_facts ef;
	struct pw_violations v;
	struct pw_facts f;
	json_object *before = NULL;
	bool privileged = false;
	int version = 0, rc;

	if (privileged_caller(ctx, id, &privileged))
		return;
	pw_violations_init(&v);
	if (!privileged) {
		memset(&ef, 0, sizeof(ef));
		pw_exit_check_undo(&ef, false, reason, &v);
		api_exit_refuse(ctx, 403, "forbidden",
		                "Only statewide staff or a program manager can undo an exit.", &v);
		return;
	}
	if (api_if_match(ctx, &version))
		return;
	if (reason != NULL && pw_utf8_chars(reason, strlen(reason)) > REASON_MAX) {
		pw_violation_add(&v, "R-EXIT-7", "reason",
		                 "The reason is longer than %d characters.", REASON_MAX);
		api_exit_refuse(ctx, 422, "validation_failed", "Some fields need attention.", &v);
		return;
	}
	if (pw_db_begin(ctx->db) != PW_OK) {
		pw_response_error_rc(ctx->res, PW_ERR_DB_UNAVAILABLE);
		return;
	}
	if (api_exit_load(ctx, id, PW_FACTS_LOCK, api_today(), &f))
		goto out;
	if (version != f.version) {
		pw_response_error_rc(ctx->res, PW_ERR_STALE);
		goto out;
	}
	pw_facts_exit_view(&f, &ef);
	rc = pw_exit_check_undo(&ef, true, reason, &v);
	if (rc != PW_OK) {
		api_exit_refuse_rc(ctx, rc, "not_exited", "This exit cannot be undone.", &v);
		goto out;
	}
	before = enrollment_json(ctx, id);
	rc = pw_exit_clear(ctx->db, id, pw_exit_undo_status(f.exit_kind));
	if (rc == PW_ERR_DUPLICATE) {
		pw_violation_add(&v, "R-EXIT-7", "status",
		                 "The participant has another open enrollment in this program with "
		                 "this provider; exit that one first.");
		api_exit_refuse(ctx, 409, "enrollment_open", "The exit cannot be undone now.", &v);
		goto out;
	}
	if (rc == PW_OK)
		rc = remove_empty_quarters(ctx, id);
	if (rc == PW_OK) {
		rc = audit_enrollment(ctx, id, "undo_exit", before, reason);
		before = NULL;
	}
	if (rc == PW_OK)
		rc = api_finish(ctx, rc);
	if (rc == PW_OK) {
		answer(ctx, id);
		return;
	}
	pw_response_error_rc(ctx->res, rc);
out:
	json_object_put(before);
	pw_db_rollback(ctx->db);
}

void api_exit_exclusion(struct pw_ctx *ctx)
{
	static const char *const allowed[] = {"reason", "case_note", "document_id"};
	long long id = ctx->ids[0], note_id = 0;
	struct exit_request r;
	struct pw_exit_hard_request hq;
	struct pw_exit_facts ef;
	struct pw_exit_profile ep;
	struct pw_violations v;
	struct pw_fields fl;
	struct pw_facts f;
	json_object *details, *before = NULL;
	enum pw_exit_hard_reason reason;
	pw_date today = api_today();
	bool privileged = false, doc_ok = false;
	int version = 0, rc;

	if (privileged_caller(ctx, id, &privileged))
		return;
	pw_violations_init(&v);
	if (!privileged) {
		pw_violation_add(&v, "R-ACL-2", NULL,
		                 "Only statewide staff or a program manager can add an exclusion "
		                 "after exit.");
		api_exit_refuse(ctx, 403, "forbidden", "Your role does not allow this.", &v);
		return;
	}
	if (optional_if_match(ctx, &version))
		return;
	init_request(&r);
	details = pw_details_new();
	fl.obj = ctx->body;
	fl.details = details;
	pw_field_string(&fl, "reason", PW_FIELD_OPTIONAL, 2, &r.reason);
	read_evidence(ctx, &fl, &r);
	pw_fields_reject_unknown(&fl, allowed, PW_ARRAY_LEN(allowed));
	if (json_object_array_length(details)) {
		api_invalid(ctx, "Some fields need attention.", details);
		return;
	}
	json_object_put(details);
	if (pw_db_begin(ctx->db) != PW_OK) {
		pw_response_error_rc(ctx->res, PW_ERR_DB_UNAVAILABLE);
		return;
	}
	if (api_exit_load(ctx, id, PW_FACTS_LOCK, today, &f))
		goto out;
	if (version && version != f.version) {
		pw_response_error_rc(ctx->res, PW_ERR_STALE);
		goto out;
	}
	rc = check_document(ctx, &f, r.document_id, &doc_ok);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		goto out;
	}
	memset(&hq, 0, sizeof(hq));
	hq.reason = r.reason;
	hq.exit_date = PW_DATE_NONE;
	hq.has_case_note = r.has_note;
	hq.has_document = doc_ok;
	pw_facts_exit_view(&f, &ef);
	pw_facts_exit_profile(f.profile, &ep);
	/* R-EXIT-5 */
	rc = pw_exit_check_late_exclusion(&ef, &ep, &hq, today, &reason, &v);
	if (rc == PW_OK && r.document_id && !doc_ok) {
		pw_violation_add(&v, "R-EXIT-4", "document_id",
		                 "The document is not one of this participant's documents.");
		rc = PW_ERR_INVALID;
	}
	if (rc == PW_OK && f.exclusion_reason != NULL) {
		pw_violation_add(&v, "R-EXIT-5", "reason",
		                 "This enrollment already has an exclusion reason.");
		rc = PW_ERR_CONFLICT;
	}
	if (rc != PW_OK) {
		api_exit_refuse_rc(ctx, rc, "exclusion_not_allowed",
		                   "The exclusion cannot be added.", &v);
		goto out;
	}
	before = enrollment_json(ctx, id);
	rc = write_exit_note(ctx, &f, &r, &note_id);
	if (rc == PW_OK)
		rc = audit_note(ctx, &r, note_id);
	if (rc == PW_OK)
		rc = pw_exit_add_exclusion(ctx->db, id, pw_exit_hard_reason_code(reason));
	if (rc == PW_OK) {
		rc = audit_enrollment(ctx, id, "add_exclusion", before, "R-EXIT-5");
		before = NULL;
	}
	if (rc == PW_OK)
		rc = api_finish(ctx, rc);
	if (rc == PW_OK) {
		answer(ctx, id);
		return;
	}
	pw_response_error_rc(ctx->res, rc);
out:
	json_object_put(before);
	pw_db_rollback(ctx->db);
}
