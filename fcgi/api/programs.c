/*
 * api/programs.c: program profiles (issue 4, "Program profiles (data, not
 * code)"; design.md: program-specific behaviour is data).
 *
 *   GET  /api/v1/programs        list (every staff role; customers 403)
 *   GET  /api/v1/programs/{id}   the whole profile, with ETag
 *   POST /api/v1/programs        create from a full profile document
 *   PUT  /api/v1/programs/{id}   replace the profile (If-Match)
 *
 * Writes are for statewide users and program managers (R-ACL-2), audited
 * with before and after (R-ACL-3). The document a write sends has the shape
 * GET answers; members GET derives (labels, ids, version) may come back and
 * are ignored, so a client can GET, edit and PUT. Every code in it is
 * checked against the vocabularies of fcgi/rules/ (checklist items, summary
 * items, follow-up rules, hard-exit reasons, ISETS completion statuses and
 * outcome reasons, tracker types), so a new program is a new document and
 * never new C; a document that fails any check is refused whole with 422
 * and one detail per problem, naming the field and the rule.
 *
 * The service-type catalog is edited through the same PUT. Services refer
 * to service types by id, so types are matched by code: a listed code keeps
 * its id, a new code gets one, and a code left out is kept but retired
 * ("active": false).
 */
#include "api/api.h"

#include "api/common.h"
#include "db.h"
#include "gate.h"
#include "json_io.h"
#include "pw.h"
#include "rules/checklist.h"
#include "rules/exit.h"
#include "rules/followup.h"
#include "rules/service.h"
#include "rules/summary.h"
#include "rules/violation.h"
#include "store/audit.h"
#include "store/program.h"
#include "store/session.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Bounds of a profile document. */
#define MAX_CHECKLIST      32
#define MAX_SUMMARY        16
#define MAX_HARD           7
#define MAX_EXIT_REASONS   50
#define MAX_SERVICE_TYPES  200
#define MAX_SETTINGS_BYTES 32768
#define MAX_TRACKER_FIELDS 20
#define MAX_OPTIONS        50
#define MAX_WORDING        50
#define FIELD_PATH         128

static const char *const system_codes[] = {"caljobs", "worknet", "isets", "cwork"};

/* Field types a tracker field may have (settings.trackers). */
static const char *const tracker_field_types[] = {
        "text",       "date",           "money",         "select",      "multi_select",
        "attendance", "tracker_status", "tracker_stage", "exit_reason",
};

static const struct api_col list_cols[] = {
        {"id", API_INT},          {"code", API_STR},      {"name", API_STR},
        {"system_code", API_STR}, {"is_youth", API_BOOL}, {"common_exit_group", API_STR},
        {"active", API_BOOL},     {"version", API_INT},
};

/* ---- access ------------------------------------------------------------- */

/* R-ACL-2: statewide users and program managers edit profiles. */
static int editors_only(struct pw_ctx *ctx)
{
	if (pw_acl_allows(&ctx->session->principal, PW_ACL_PROFILE_EDIT, NULL))
		return 0;
	api_forbidden(ctx);
	return -1;
}

/* ---- profile to JSON ------------------------------------------------------ */

static const char *checklist_label(const char *code)
{
	for (size_t i = 0; i < pw_checklist_kind_count(); i++) {
		if (strcmp(pw_checklist_kind_code(i), code) == 0)
			return pw_checklist_kind_label(i);
	}
	return "";
}

static const char *summary_label(const char *code)
{
	for (size_t i = 0; i < pw_summary_kind_count(); i++) {
		if (strcmp(pw_summary_kind_code(i), code) == 0)
			return pw_summary_kind_label(i);
	}
	return "";
}

static json_object *code_label(const char *code, const char *label)
{
	json_object *o = json_object_new_object();

	json_object_object_add(o, "code", json_object_new_string(code));
	json_object_object_add(o, "label", json_object_new_string(label ? label : ""));
	return o;
}

static json_object *service_type_json(const struct pw_service_type_row *s)
{
	json_object *o = json_object_new_object();

	json_object_object_add(o, "id", json_object_new_int64(s->id));
	json_object_object_add(o, "code", json_object_new_string(s->code));
	json_object_object_add(o, "name", json_object_new_string(s->name));
	json_object_object_add(o, "extends_exit", json_object_new_boolean(s->flags.extends_exit));
	json_object_object_add(o, "supportive", json_object_new_boolean(s->flags.supportive));
	json_object_object_add(o, "self_service", json_object_new_boolean(s->flags.self_service));
	json_object_object_add(o, "info_only", json_object_new_boolean(s->flags.info_only));
	json_object_object_add(o, "followup", json_object_new_boolean(s->flags.followup));
	json_object_object_add(o, "education_training",
	                       json_object_new_boolean(s->flags.education_training));
	json_object_object_add(o, "ojt_customized",
	                       json_object_new_boolean(s->flags.ojt_customized));
	json_object_object_add(o, "has_amount", json_object_new_boolean(s->has_amount));
	json_object_object_add(o, "active", json_object_new_boolean(s->active));
	return o;
}

/* R-CHK-2: settings.completion_statuses with the rules' labels, for forms.
 * NULL when the settings hold none. Returns a new object. */
static json_object *completion_statuses_json(json_object *settings)
{
	json_object *list = NULL, *out;

	if (!settings || !json_object_object_get_ex(settings, "completion_statuses", &list) ||
	    !json_object_is_type(list, json_type_array))
		return NULL;
	out = json_object_new_array();
	for (size_t i = 0; i < json_object_array_length(list); i++) {
		json_object *st = json_object_array_get_idx(list, i), *code = NULL, *reasons = NULL;
		json_object *o, *arr = json_object_new_array();
		enum pw_checklist_isets_completion c;

		json_object_object_get_ex(st, "code", &code);
		if (pw_checklist_isets_completion_from_code(json_object_get_string(code), &c) !=
		    PW_OK) {
			json_object_put(arr);
			continue;
		}
		o = code_label(pw_checklist_isets_completion_code(c),
		               pw_checklist_isets_completion_label(c));
		/* json_object_array_length asserts an array: check first. */
		if (!json_object_object_get_ex(st, "outcome_reasons", &reasons) ||
		    !json_object_is_type(reasons, json_type_array))
			reasons = NULL;
		for (size_t j = 0; reasons && j < json_object_array_length(reasons); j++) {
			enum pw_checklist_isets_reason r;
			const char *rc =
			        json_object_get_string(json_object_array_get_idx(reasons, j));
			if (pw_checklist_isets_reason_from_code(rc, &r) == PW_OK)
				json_object_array_add(
				        arr, code_label(pw_checklist_isets_reason_code(r),
				                        pw_checklist_isets_reason_label(r)));
		}
		json_object_object_add(o, "outcome_reasons", arr);
		json_object_array_add(out, o);
	}
	return out;
}

/* The profile as the API shows it (a new object). */
static json_object *profile_json(const struct pw_profile *p)
{
	json_object *o = json_object_new_object(), *a, *settings = NULL, *derived;
	enum pw_followup_rule rule;

	json_object_object_add(o, "id", json_object_new_int64(p->id));
	json_object_object_add(o, "code", json_object_new_string(p->code));
	json_object_object_add(o, "name", json_object_new_string(p->name));
	json_object_object_add(o, "system_code", json_object_new_string(p->system_code));
	json_object_object_add(o, "is_youth", json_object_new_boolean(p->is_youth));
	json_object_object_add(o, "common_exit_group",
	                       p->common_exit_group ? json_object_new_string(p->common_exit_group)
	                                            : NULL);
	json_object_object_add(o, "fiscal_year_start_month",
	                       json_object_new_int(p->fiscal_year_start_month));
	json_object_object_add(o, "supportive_extends_exit",
	                       json_object_new_boolean(p->supportive_extends_exit));
	json_object_object_add(o, "follow_up_rule", json_object_new_string(p->follow_up_rule));
	json_object_object_add(
	        o, "follow_up_rule_label",
	        json_object_new_string(pw_followup_rule_from_code(p->follow_up_rule, &rule) == PW_OK
	                                       ? pw_followup_rule_label(rule)
	                                       : ""));
	a = json_object_new_array();
	for (size_t i = 0; i < p->n_hard_reasons; i++) {
		enum pw_exit_hard_reason r;
		const char *label = pw_exit_hard_reason_from_code(p->hard_reasons[i], &r) == PW_OK
		                            ? pw_exit_hard_reason_label(r)
		                            : "";
		json_object_array_add(a, code_label(p->hard_reasons[i], label));
	}
	json_object_object_add(o, "hard_exit_reasons", a);
	json_object_object_add(o, "hard_exit_needs_document",
	                       json_object_new_boolean(p->hard_needs_document));
	json_object_object_add(o, "offers_not_enrolled",
	                       json_object_new_boolean(p->offers_not_enrolled));
	json_object_object_add(o, "planned_grace_days", json_object_new_int(p->planned_grace_days));
	a = json_object_new_array();
	for (size_t i = 0; i < p->n_checklist; i++) {
		json_object *c =
		        code_label(p->checklist[i].code, checklist_label(p->checklist[i].code));
		json_object_object_add(c, "required",
		                       json_object_new_boolean(p->checklist[i].required));
		json_object_array_add(a, c);
	}
	json_object_object_add(o, "checklist", a);
	a = json_object_new_array();
	for (size_t i = 0; i < p->n_summary; i++)
		json_object_array_add(a, code_label(p->summary[i], summary_label(p->summary[i])));
	json_object_object_add(o, "summary", a);
	a = json_object_new_array();
	for (size_t i = 0; i < p->n_exit_reasons; i++)
		json_object_array_add(
		        a, code_label(p->exit_reasons[i].code, p->exit_reasons[i].label));
	json_object_object_add(o, "exit_reasons", a);
	a = json_object_new_array();
	for (size_t i = 0; i < p->n_service_types; i++)
		json_object_array_add(a, service_type_json(&p->service_types[i]));
	json_object_object_add(o, "service_types", a);
	if (p->settings_json)
		settings = json_tokener_parse(p->settings_json);
	derived = completion_statuses_json(settings);
	json_object_object_add(o, "settings", settings);
	if (derived)
		json_object_object_add(o, "completion_statuses", derived);
	json_object_object_add(o, "active", json_object_new_boolean(p->active));
	json_object_object_add(o, "version", json_object_new_int(p->version));
	return o;
}

/* Loads program id into *p (strings in the request's arena) and its JSON
 * into *out, a new object the caller owns. On failure *out is NULL, the
 * response holds 404 or the error, and the result is non-zero. */
static int load(struct pw_ctx *ctx, long long id, struct pw_profile *p, json_object **out)
{
	int rc = pw_program_load(ctx->db, ctx->arena, id, p);

	*out = NULL;
	if (rc == PW_ERR_NOT_FOUND) {
		api_not_found(ctx);
		return rc;
	}
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return rc;
	}
	*out = profile_json(p);
	return PW_OK;
}

/* ---- reading a profile document ------------------------------------------- */

struct reader {
	struct pw_ctx *ctx;
	json_object *details; /* borrowed: the 422's details */
};

/* Adds a detail whose field is built with printf; rule may be NULL. */
static void problem(struct reader *rd, const char *rule, const char *message, const char *fmt, ...)
        __attribute__((format(printf, 4, 5)));

static void problem(struct reader *rd, const char *rule, const char *message, const char *fmt, ...)
{
	char field[FIELD_PATH];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(field, sizeof(field), fmt, ap);
	va_end(ap);
	pw_details_add(rd->details, field, message, rule);
}

/* Moves the details of sub (consumed) into rd's, with prefix + "." before
 * each field, and rule added where the detail has none (rule may be NULL). */
static void merge(struct reader *rd, json_object *sub, const char *prefix, const char *rule)
{
	for (size_t i = 0; i < json_object_array_length(sub); i++) {
		json_object *d = json_object_array_get_idx(sub, i), *f = NULL, *pr = NULL,
		            *ru = NULL;
		char field[FIELD_PATH];

		json_object_object_get_ex(d, "field", &f);
		json_object_object_get_ex(d, "problem", &pr);
		json_object_object_get_ex(d, "rule", &ru);
		if (prefix)
			snprintf(field, sizeof(field), "%s.%s", prefix, json_object_get_string(f));
		else
			snprintf(field, sizeof(field), "%s", json_object_get_string(f));
		pw_details_add(rd->details, field, json_object_get_string(pr),
		               ru ? json_object_get_string(ru) : rule);
	}
	json_object_put(sub);
}

/* Rule violations as details; field, when not NULL, replaces theirs (the
 * rules name "hard_reasons" what the API calls "hard_exit_reasons"). */
static void add_violations(struct reader *rd, const struct pw_violations *v, const char *field)
{
	for (size_t i = 0; i < v->n; i++)
		pw_details_add(rd->details, field ? field : v->items[i].field, v->items[i].message,
		               v->items[i].rule);
}

/* A lowercase identifier: [a-z][a-z0-9_]*. */
static bool slug_ok(const char *s)
{
	if (!s || *s < 'a' || *s > 'z')
		return false;
	for (; *s; s++) {
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	}
	return true;
}

/* A service-type code: [A-Z0-9][A-Z0-9_]*. */
static bool type_code_ok(const char *s)
{
	if (!s || !*s || *s == '_')
		return false;
	for (; *s; s++) {
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	}
	return true;
}

/*
 * The array member name of obj, at most max elements. Returns it borrowed,
 * or NULL when absent or null (a detail when required) or not an array of
 * at most max (a detail).
 */
static json_object *array_member(struct reader *rd, json_object *obj, const char *name,
                                 const char *path, bool required, size_t max)
{
	json_object *v = NULL;

	if (!json_object_object_get_ex(obj, name, &v) || !v) {
		if (required)
			problem(rd, NULL, "is required", "%s", path);
		return NULL;
	}
	if (!json_object_is_type(v, json_type_array)) {
		problem(rd, NULL, "must be a list", "%s", path);
		return NULL;
	}
	if (json_object_array_length(v) > max) {
		char msg[64];
		snprintf(msg, sizeof(msg), "may hold at most %zu entries", max);
		problem(rd, NULL, msg, "%s", path);
		return NULL;
	}
	return v;
}

/* Reads list element el: a code string, or an object whose "code" is one
 * (its "label" is derived and ignored). NULL with a detail otherwise. */
static const char *element_code(struct reader *rd, json_object *el, const char *path, size_t i,
                                size_t max_chars)
{
	static const char *const allowed[] = {"code", "label"};
	const char *code = NULL;

	if (json_object_is_type(el, json_type_string)) {
		code = json_object_get_string(el);
		if (*code == '\0' || pw_utf8_chars(code, strlen(code)) > max_chars) {
			problem(rd, NULL, "must be a code", "%s[%zu]", path, i);
			return NULL;
		}
		return code;
	}
	if (json_object_is_type(el, json_type_object)) {
		char prefix[FIELD_PATH];
		struct pw_fields f = {el, pw_details_new()};

		snprintf(prefix, sizeof(prefix), "%s[%zu]", path, i);
		pw_field_string(&f, "code", PW_FIELD_REQUIRED, max_chars, &code);
		pw_fields_reject_unknown(&f, allowed, PW_ARRAY_LEN(allowed));
		if (pw_fields_errors(&f))
			code = NULL;
		merge(rd, f.details, prefix, NULL);
		return code;
	}
	problem(rd, NULL, "must be a code or an object with a code", "%s[%zu]", path, i);
	return NULL;
}

/* R-CHK-*: "checklist": [{"code", "required"}], checked by the rules. */
static void read_checklist(struct reader *rd, struct pw_profile *p)
{
	static const char *const allowed[] = {"code", "required", "label"};
	json_object *arr =
	        array_member(rd, rd->ctx->body, "checklist", "checklist", true, MAX_CHECKLIST);
	struct pw_violations v;
	size_t n, bad = 0;

	if (!arr)
		return;
	n = json_object_array_length(arr);
	p->checklist = pw_arena_alloc(rd->ctx->arena, (n + 1) * sizeof(*p->checklist));
	for (size_t i = 0; i < n; i++) {
		json_object *el = json_object_array_get_idx(arr, i);
		struct pw_fields f = {el, pw_details_new()};
		char prefix[FIELD_PATH];
		const char *code = NULL;
		int req = 0;

		snprintf(prefix, sizeof(prefix), "checklist[%zu]", i);
		if (!json_object_is_type(el, json_type_object)) {
			json_object_put(f.details);
			problem(rd, NULL, "must be an object with code and required", "%s", prefix);
			bad++;
			continue;
		}
		pw_field_string(&f, "code", PW_FIELD_REQUIRED, 64, &code);
		pw_field_bool(&f, "required", PW_FIELD_REQUIRED, &req);
		pw_fields_reject_unknown(&f, allowed, PW_ARRAY_LEN(allowed));
		if (pw_fields_errors(&f))
			bad++;
		merge(rd, f.details, prefix, NULL);
		p->checklist[p->n_checklist].code = code;
		p->checklist[p->n_checklist++].required = req != 0;
	}
	if (bad)
		return;
	pw_violations_init(&v);
	if (pw_checklist_validate_profile(p->checklist, p->n_checklist, &v) != PW_OK)
		add_violations(rd, &v, NULL);
}

/* R-SUM-1: "summary": ["code", ...] or [{"code"}]. */
static void read_summary(struct reader *rd, struct pw_profile *p)
{
	json_object *arr = array_member(rd, rd->ctx->body, "summary", "summary", true, MAX_SUMMARY);
	struct pw_violations v;
	size_t n, bad = 0;

	if (!arr)
		return;
	n = json_object_array_length(arr);
	p->summary = pw_arena_alloc(rd->ctx->arena, (n + 1) * sizeof(*p->summary));
	for (size_t i = 0; i < n; i++) {
		const char *code =
		        element_code(rd, json_object_array_get_idx(arr, i), "summary", i, 64);
		if (!code)
			bad++;
		p->summary[p->n_summary++] = code;
	}
	if (bad)
		return;
	pw_violations_init(&v);
	if (pw_summary_validate_profile(p->summary, p->n_summary, &v) != PW_OK)
		add_violations(rd, &v, NULL);
}

/* R-EXIT-4: "hard_exit_reasons": ["01", ...] or [{"code"}], PIRL 923 codes. */
static void read_hard_reasons(struct reader *rd, struct pw_profile *p)
{
	json_object *arr = array_member(rd, rd->ctx->body, "hard_exit_reasons", "hard_exit_reasons",
	                                false, MAX_HARD);
	struct pw_exit_profile ep = {0};
	struct pw_violations v;
	size_t n, bad = 0;

	if (!arr)
		return;
	n = json_object_array_length(arr);
	p->hard_reasons = pw_arena_alloc(rd->ctx->arena, (n + 1) * sizeof(*p->hard_reasons));
	for (size_t i = 0; i < n; i++) {
		const char *code = element_code(rd, json_object_array_get_idx(arr, i),
		                                "hard_exit_reasons", i, 2);
		if (!code)
			bad++;
		p->hard_reasons[p->n_hard_reasons++] = code;
	}
	if (bad)
		return;
	ep.hard_reasons = p->hard_reasons;
	ep.n_hard_reasons = p->n_hard_reasons;
	pw_violations_init(&v);
	if (pw_exit_profile_validate(&ep, &v) != PW_OK)
		add_violations(rd, &v, "hard_exit_reasons");
}

/* "exit_reasons": [{"code", "label"}]: codes unique; with the C-Work checklist
 * item, only C-Work's reasons (R-CHK-3). */
static void read_exit_reasons(struct reader *rd, struct pw_profile *p)
{
	static const char *const allowed[] = {"code", "label"};
	json_object *arr = array_member(rd, rd->ctx->body, "exit_reasons", "exit_reasons", false,
	                                MAX_EXIT_REASONS);
	bool cwork = false;
	size_t n;

	if (!arr)
		return;
	for (size_t i = 0; i < p->n_checklist; i++)
		cwork |= p->checklist[i].code && !strcmp(p->checklist[i].code, "cwork_exit_reason");
	n = json_object_array_length(arr);
	p->exit_reasons = pw_arena_alloc(rd->ctx->arena, (n + 1) * sizeof(*p->exit_reasons));
	for (size_t i = 0; i < n; i++) {
		json_object *el = json_object_array_get_idx(arr, i);
		struct pw_fields f = {el, pw_details_new()};
		struct pw_exit_reason_row *e = &p->exit_reasons[p->n_exit_reasons++];
		enum pw_checklist_cwork_reason cr;
		char prefix[FIELD_PATH];

		snprintf(prefix, sizeof(prefix), "exit_reasons[%zu]", i);
		if (!json_object_is_type(el, json_type_object)) {
			json_object_put(f.details);
			problem(rd, NULL, "must be an object with code and label", "%s", prefix);
			continue;
		}
		if (pw_field_string(&f, "code", PW_FIELD_REQUIRED, 64, &e->code) == PW_OK &&
		    !slug_ok(e->code)) {
			pw_details_add(f.details, "code",
			               "must be lowercase letters, digits and _ , starting with a "
			               "letter",
			               NULL);
			e->code = NULL;
		}
		pw_field_string(&f, "label", PW_FIELD_REQUIRED, 190, &e->label);
		pw_fields_reject_unknown(&f, allowed, PW_ARRAY_LEN(allowed));
		merge(rd, f.details, prefix, NULL);
		if (!e->code)
			continue;
		for (size_t j = 0; j < i; j++) {
			if (p->exit_reasons[j].code && !strcmp(p->exit_reasons[j].code, e->code)) {
				problem(rd, "R-EXIT-3", "is listed twice", "%s.code", prefix);
				break;
			}
		}
		if (cwork && pw_checklist_cwork_reason_from_code(e->code, &cr) != PW_OK)
			problem(rd, "R-CHK-3",
			        "is not a C-Work exit reason, which the cwork_exit_reason "
			        "checklist item requires",
			        "%s.code", prefix);
	}
}

/* Reads one flag of a service type; *out keeps its default when absent. */
static void read_flag(struct pw_fields *f, const char *name, bool *out)
{
	int b = *out;

	if (pw_field_bool(f, name, PW_FIELD_OPTIONAL, &b) == PW_OK)
		*out = b != 0;
}

/* R-SVC-2: one catalog entry. Self-service, information-only and follow-up
 * types never extend exit (and default to not extending it); OJT and
 * customized training are training (R-PERF-3). */
static void read_service_type(struct reader *rd, json_object *el, size_t i,
                              struct pw_service_type_row *s)
{
	static const char *const allowed[] = {
	        "id",           "code",      "name",     "extends_exit",       "supportive",
	        "self_service", "info_only", "followup", "education_training", "ojt_customized",
	        "has_amount",   "active"};
	struct pw_fields f = {el, pw_details_new()};
	char prefix[FIELD_PATH];
	long long id = 0;

	snprintf(prefix, sizeof(prefix), "service_types[%zu]", i);
	memset(s, 0, sizeof(*s));
	s->active = true;
	if (!json_object_is_type(el, json_type_object)) {
		json_object_put(f.details);
		problem(rd, NULL, "must be an object with code and name", "%s", prefix);
		return;
	}
	if (pw_field_string(&f, "code", PW_FIELD_REQUIRED, 32, &s->code) == PW_OK &&
	    !type_code_ok(s->code)) {
		pw_details_add(f.details, "code", "must be capital letters, digits and _", NULL);
		s->code = NULL;
	}
	pw_field_string(&f, "name", PW_FIELD_REQUIRED, 190, &s->name);
	if (pw_field_int(&f, "id", PW_FIELD_OPTIONAL, 1, (1LL << 53), &id) == PW_OK)
		s->id = id;
	read_flag(&f, "supportive", &s->flags.supportive);
	read_flag(&f, "self_service", &s->flags.self_service);
	read_flag(&f, "info_only", &s->flags.info_only);
	read_flag(&f, "followup", &s->flags.followup);
	read_flag(&f, "education_training", &s->flags.education_training);
	read_flag(&f, "ojt_customized", &s->flags.ojt_customized);
	read_flag(&f, "has_amount", &s->has_amount);
	read_flag(&f, "active", &s->active);
	s->flags.extends_exit = !(s->flags.self_service || s->flags.info_only || s->flags.followup);
	read_flag(&f, "extends_exit", &s->flags.extends_exit);
	pw_fields_reject_unknown(&f, allowed, PW_ARRAY_LEN(allowed));
	merge(rd, f.details, prefix, NULL);
	if (s->flags.extends_exit &&
	    (s->flags.self_service || s->flags.info_only || s->flags.followup))
		problem(rd, "R-SVC-2",
		        "cannot be true: self-service, information-only and follow-up services "
		        "never extend exit",
		        "%s.extends_exit", prefix);
	if (s->flags.ojt_customized && !s->flags.education_training)
		problem(rd, "R-PERF-3",
		        "OJT and customized training are training: set education_training too",
		        "%s.ojt_customized", prefix);
}

/* "service_types": the catalog, at least one entry, codes unique. */
static void read_service_types(struct reader *rd, struct pw_profile *p)
{
	json_object *arr = array_member(rd, rd->ctx->body, "service_types", "service_types", true,
	                                MAX_SERVICE_TYPES);
	size_t n;

	if (!arr)
		return;
	n = json_object_array_length(arr);
	if (n == 0) {
		problem(rd, "R-SVC-2", "must list at least one service type", "service_types");
		return;
	}
	p->service_types = pw_arena_alloc(rd->ctx->arena, n * sizeof(*p->service_types));
	for (size_t i = 0; i < n; i++) {
		struct pw_service_type_row *s = &p->service_types[p->n_service_types++];

		read_service_type(rd, json_object_array_get_idx(arr, i), i, s);
		for (size_t j = 0; s->code && j < i; j++) {
			if (p->service_types[j].code &&
			    !strcmp(p->service_types[j].code, s->code)) {
				problem(rd, "R-SVC-2", "is listed twice", "service_types[%zu].code",
				        i);
				break;
			}
		}
	}
}

/* ---- settings -------------------------------------------------------------- */

/* R-CHK-2: settings.completion_statuses: [{"code", "outcome_reasons": [...]}],
 * each reason going with its status ("Moved to another program" takes none). */
static void read_completion_statuses(struct reader *rd, json_object *list)
{
	static const char *const allowed[] = {"code", "outcome_reasons"};
	const char *path = "settings.completion_statuses";
	bool seen[3] = {false, false, false};

	if (!json_object_is_type(list, json_type_array) || json_object_array_length(list) > 3) {
		problem(rd, "R-CHK-2", "must be a list of at most 3 completion statuses", "%s",
		        path);
		return;
	}
	for (size_t i = 0; i < json_object_array_length(list); i++) {
		json_object *el = json_object_array_get_idx(list, i), *reasons = NULL;
		struct pw_fields f = {el, pw_details_new()};
		enum pw_checklist_isets_completion c;
		bool seen_reason[PW_ISETS_REASON_COUNT] = {false};
		const char *code = NULL;
		char prefix[FIELD_PATH];

		snprintf(prefix, sizeof(prefix), "%s[%zu]", path, i);
		if (!json_object_is_type(el, json_type_object)) {
			json_object_put(f.details);
			problem(rd, "R-CHK-2", "must be an object with code and outcome_reasons",
			        "%s", prefix);
			continue;
		}
		pw_field_string(&f, "code", PW_FIELD_REQUIRED, 64, &code);
		pw_fields_reject_unknown(&f, allowed, PW_ARRAY_LEN(allowed));
		merge(rd, f.details, prefix, "R-CHK-2");
		if (!code)
			continue;
		if (pw_checklist_isets_completion_from_code(code, &c) != PW_OK) {
			problem(rd, "R-CHK-2", "is not an ISETS completion status", "%s.code",
			        prefix);
			continue;
		}
		if (seen[c])
			problem(rd, "R-CHK-2", "is listed twice", "%s.code", prefix);
		seen[c] = true;
		if (!json_object_object_get_ex(el, "outcome_reasons", &reasons) || !reasons)
			continue;
		if (!json_object_is_type(reasons, json_type_array) ||
		    json_object_array_length(reasons) > PW_ISETS_REASON_COUNT) {
			problem(rd, "R-CHK-2", "must be a list of outcome reason codes",
			        "%s.outcome_reasons", prefix);
			continue;
		}
		for (size_t j = 0; j < json_object_array_length(reasons); j++) {
			json_object *r = json_object_array_get_idx(reasons, j);
			enum pw_checklist_isets_reason reason;

			if (!json_object_is_type(r, json_type_string) ||
			    pw_checklist_isets_reason_from_code(json_object_get_string(r),
			                                        &reason) != PW_OK) {
				problem(rd, "R-CHK-2", "is not an ISETS outcome reason",
				        "%s.outcome_reasons[%zu]", prefix, j);
				continue;
			}
			if (pw_checklist_isets_reason_completion(reason) != c)
				problem(rd, "R-CHK-2", "does not go with this completion status",
				        "%s.outcome_reasons[%zu]", prefix, j);
			else if (seen_reason[reason])
				problem(rd, "R-CHK-2", "is listed twice", "%s.outcome_reasons[%zu]",
				        prefix, j);
			seen_reason[reason] = true;
		}
	}
}

/* One field of a tracker: {"code", "label", "type", "options"}. */
static void read_tracker_field(struct reader *rd, json_object *el, const char *prefix)
{
	static const char *const allowed[] = {"code", "label", "type", "options"};
	struct pw_fields f = {el, pw_details_new()};
	json_object *options = NULL;
	const char *code = NULL, *label = NULL;
	size_t type = 0;
	int rc;

	if (!json_object_is_type(el, json_type_object)) {
		json_object_put(f.details);
		problem(rd, "R-CHK-3", "must be an object with code, label and type", "%s", prefix);
		return;
	}
	if (pw_field_string(&f, "code", PW_FIELD_REQUIRED, 64, &code) == PW_OK && !slug_ok(code))
		pw_details_add(f.details, "code", "must be a lowercase identifier", NULL);
	pw_field_string(&f, "label", PW_FIELD_REQUIRED, 190, &label);
	rc = pw_field_enum(&f, "type", PW_FIELD_REQUIRED, tracker_field_types,
	                   PW_ARRAY_LEN(tracker_field_types), &type);
	pw_fields_reject_unknown(&f, allowed, PW_ARRAY_LEN(allowed));
	merge(rd, f.details, prefix, "R-CHK-3");
	if (rc != PW_OK)
		return;
	json_object_object_get_ex(el, "options", &options);
	if (strcmp(tracker_field_types[type], "select") &&
	    strcmp(tracker_field_types[type], "multi_select")) {
		if (options)
			problem(rd, "R-CHK-3", "only select and multi_select fields have options",
			        "%s.options", prefix);
		return;
	}
	if (!options || !json_object_is_type(options, json_type_array) ||
	    json_object_array_length(options) == 0 ||
	    json_object_array_length(options) > MAX_OPTIONS) {
		problem(rd, "R-CHK-3", "must be a list of 1 to 50 choices", "%s.options", prefix);
		return;
	}
	for (size_t i = 0; i < json_object_array_length(options); i++) {
		json_object *o = json_object_array_get_idx(options, i);
		const char *s = json_object_get_string(o);

		if (!json_object_is_type(o, json_type_string) || !*s ||
		    pw_utf8_chars(s, strlen(s)) > 190)
			problem(rd, "R-CHK-3", "must be a text of 1 to 190 characters",
			        "%s.options[%zu]", prefix, i);
	}
}

/* R-CHK-3: settings.trackers: {"<tracker type>": {"label", "fields": [...]}}. */
static void read_trackers(struct reader *rd, json_object *trackers)
{
	if (!json_object_is_type(trackers, json_type_object)) {
		problem(rd, "R-CHK-3", "must be an object keyed by tracker type",
		        "settings.trackers");
		return;
	}
	json_object_object_foreach(trackers, key, val)
	{
		enum pw_tracker_type t;
		json_object *fields = NULL, *label = NULL;
		char prefix[FIELD_PATH];
		size_t n;

		snprintf(prefix, sizeof(prefix), "settings.trackers.%.40s", key);
		if (pw_checklist_tracker_type_from_code(key, &t) != PW_OK) {
			problem(rd, "R-CHK-3", "is not a tracker type", "%s", prefix);
			continue;
		}
		if (!json_object_is_type(val, json_type_object)) {
			problem(rd, "R-CHK-3", "must be an object with fields", "%s", prefix);
			continue;
		}
		json_object_object_foreach(val, member, mval)
		{
			(void)mval;
			if (strcmp(member, "fields") && strcmp(member, "label"))
				problem(rd, NULL, "is not a field of this record", "%s.%.40s",
				        prefix, member);
		}
		if (json_object_object_get_ex(val, "label", &label) && label &&
		    (!json_object_is_type(label, json_type_string) ||
		     json_object_get_string_len(label) == 0 ||
		     pw_utf8_chars(json_object_get_string(label),
		                   (size_t)json_object_get_string_len(label)) > 190))
			problem(rd, "R-CHK-3", "must be a text of 1 to 190 characters", "%s.label",
			        prefix);
		if (!json_object_object_get_ex(val, "fields", &fields) || !fields ||
		    !json_object_is_type(fields, json_type_array) ||
		    json_object_array_length(fields) > MAX_TRACKER_FIELDS) {
			problem(rd, "R-CHK-3", "must be a list of at most 20 fields", "%s.fields",
			        prefix);
			continue;
		}
		n = json_object_array_length(fields);
		for (size_t i = 0; i < n; i++) {
			json_object *el = json_object_array_get_idx(fields, i), *code = NULL;
			char fp[FIELD_PATH + 32];

			snprintf(fp, sizeof(fp), "%s.fields[%zu]", prefix, i);
			read_tracker_field(rd, el, fp);
			if (!json_object_object_get_ex(el, "code", &code) ||
			    !json_object_is_type(code, json_type_string))
				continue;
			for (size_t j = 0; j < i; j++) {
				json_object *other = NULL;
				if (json_object_object_get_ex(json_object_array_get_idx(fields, j),
				                              "code", &other) &&
				    json_object_is_type(other, json_type_string) &&
				    !strcmp(json_object_get_string(other),
				            json_object_get_string(code))) {
					problem(rd, "R-CHK-3", "is listed twice", "%s.code", fp);
					break;
				}
			}
		}
	}
}

/* settings.wording: {"<key>": "text"}: sentences a program shows. */
static void read_wording(struct reader *rd, json_object *wording)
{
	size_t n = 0;

	if (!json_object_is_type(wording, json_type_object)) {
		problem(rd, NULL, "must be an object of texts", "settings.wording");
		return;
	}
	json_object_object_foreach(wording, key, val)
	{
		const char *s = json_object_get_string(val);

		if (++n > MAX_WORDING) {
			problem(rd, NULL, "may hold at most 50 texts", "settings.wording");
			break;
		}
		if (!slug_ok(key) || strlen(key) > 64)
			problem(rd, NULL, "must be keyed by lowercase identifiers",
			        "settings.wording.%.40s", key);
		else if (!json_object_is_type(val, json_type_string) ||
		         pw_utf8_chars(s, strlen(s)) > 1000)
			problem(rd, NULL, "must be a text of at most 1000 characters",
			        "settings.wording.%s", key);
	}
}

/* "settings": null or an object of the known sections; stored as JSON text
 * in the arena. */
static void read_settings(struct reader *rd, struct pw_profile *p)
{
	json_object *s = NULL;

	p->settings_json = NULL;
	if (!json_object_object_get_ex(rd->ctx->body, "settings", &s) || !s)
		return;
	if (!json_object_is_type(s, json_type_object)) {
		problem(rd, NULL, "must be an object or null", "settings");
		return;
	}
	json_object_object_foreach(s, key, val)
	{
		if (!strcmp(key, "isets_program")) {
			enum pw_checklist_isets_program ip;
			if (!json_object_is_type(val, json_type_string) ||
			    pw_checklist_isets_program_from_code(json_object_get_string(val),
			                                         &ip) != PW_OK)
				problem(rd, "R-CHK-2",
				        "is not an ISETS program (snap_jp, snap_to_success, "
				        "earnfare)",
				        "settings.isets_program");
		} else if (!strcmp(key, "completion_statuses")) {
			read_completion_statuses(rd, val);
		} else if (!strcmp(key, "trackers")) {
			read_trackers(rd, val);
		} else if (!strcmp(key, "wording")) {
			read_wording(rd, val);
		} else {
			problem(rd, NULL,
			        "is not a settings section (isets_program, completion_statuses, "
			        "trackers, wording)",
			        "settings.%.40s", key);
		}
	}
	p->settings_json = api_json_text(rd->ctx, s);
	if (p->settings_json && strlen(p->settings_json) > MAX_SETTINGS_BYTES)
		problem(rd, NULL, "is larger than 32 KiB", "settings");
}

/* ---- the whole document --------------------------------------------------- */

/*
 * Reads the request body as a full profile into *p (strings borrowed from
 * the body or in the arena), appending a detail to rd->details for every
 * problem. Absent optional members take their defaults, so a PUT replaces
 * the profile whole.
 */
static void read_profile(struct reader *rd, struct pw_profile *p)
{
	static const char *const allowed[] = {
	        "code",
	        "name",
	        "system_code",
	        "is_youth",
	        "common_exit_group",
	        "fiscal_year_start_month",
	        "supportive_extends_exit",
	        "follow_up_rule",
	        "hard_exit_reasons",
	        "hard_exit_needs_document",
	        "offers_not_enrolled",
	        "planned_grace_days",
	        "checklist",
	        "summary",
	        "exit_reasons",
	        "service_types",
	        "settings",
	        "active",
	        /* Derived by GET, ignored on the way back in. */
	        "id",
	        "version",
	        "follow_up_rule_label",
	        "completion_statuses",
	};
	struct pw_fields f = {rd->ctx->body, rd->details};
	json_object *month = pw_details_new();
	struct pw_fields fm = {rd->ctx->body, month};
	enum pw_followup_rule rule;
	size_t sys = 0;
	long long v = 0;
	int b;

	memset(p, 0, sizeof(*p));
	p->fiscal_year_start_month = 7;
	p->supportive_extends_exit = true;
	p->follow_up_rule = "none";
	p->planned_grace_days = 14;
	p->active = true;

	if (pw_field_string(&f, "code", PW_FIELD_REQUIRED, 32, &p->code) == PW_OK &&
	    !slug_ok(p->code))
		pw_details_add(rd->details, "code",
		               "must be lowercase letters, digits and _ , starting with a letter",
		               NULL);
	pw_field_string(&f, "name", PW_FIELD_REQUIRED, 190, &p->name);
	if (pw_field_enum(&f, "system_code", PW_FIELD_REQUIRED, system_codes,
	                  PW_ARRAY_LEN(system_codes), &sys) == PW_OK)
		p->system_code = system_codes[sys];
	if (pw_field_bool(&f, "is_youth", PW_FIELD_OPTIONAL, &b) == PW_OK)
		p->is_youth = b;
	/* R-EXIT-2 */
	if (pw_field_string(&f, "common_exit_group", PW_FIELD_OPTIONAL, 32,
	                    &p->common_exit_group) == PW_OK &&
	    !slug_ok(p->common_exit_group))
		pw_details_add(rd->details, "common_exit_group",
		               "must be a lowercase identifier or null", "R-EXIT-2");
	/* R-DATE-3 */
	if (pw_field_int(&fm, "fiscal_year_start_month", PW_FIELD_OPTIONAL, 1, 12, &v) == PW_OK)
		p->fiscal_year_start_month = (int)v;
	merge(rd, month, NULL, "R-DATE-3");
	/* R-SVC-2 */
	if (pw_field_bool(&f, "supportive_extends_exit", PW_FIELD_OPTIONAL, &b) == PW_OK)
		p->supportive_extends_exit = b;
	/* R-FUP-1 */
	if (pw_field_string(&f, "follow_up_rule", PW_FIELD_OPTIONAL, 64, &p->follow_up_rule) ==
	            PW_OK &&
	    pw_followup_rule_from_code(p->follow_up_rule, &rule) != PW_OK)
		pw_details_add(rd->details, "follow_up_rule",
		               "is not a follow-up rule (none, youth_12_months_after_exit, "
		               "after_first_employment_12_months)",
		               "R-FUP-1");
	/* R-EXIT-4, R-EXIT-6 */
	if (pw_field_bool(&f, "hard_exit_needs_document", PW_FIELD_OPTIONAL, &b) == PW_OK)
		p->hard_needs_document = b;
	if (pw_field_bool(&f, "offers_not_enrolled", PW_FIELD_OPTIONAL, &b) == PW_OK)
		p->offers_not_enrolled = b;
	/* R-SVC-1 */
	if (pw_field_int(&f, "planned_grace_days", PW_FIELD_OPTIONAL, 0, 365, &v) == PW_OK)
		p->planned_grace_days = (int)v;
	if (pw_field_bool(&f, "active", PW_FIELD_OPTIONAL, &b) == PW_OK)
		p->active = b;
	pw_fields_reject_unknown(&f, allowed, PW_ARRAY_LEN(allowed));

	read_checklist(rd, p);
	read_summary(rd, p);
	read_hard_reasons(rd, p);
	read_exit_reasons(rd, p);
	read_service_types(rd, p);
	read_settings(rd, p);
}

/* Reads and checks the body; on any problem answers 422 and returns -1. */
static int read_body(struct pw_ctx *ctx, struct pw_profile *p)
{
	struct reader rd = {ctx, pw_details_new()};

	/* The worker has checked that the body is a JSON object. */
	read_profile(&rd, p);
	if (json_object_array_length(rd.details)) {
		api_invalid(ctx, "The program profile needs attention.", rd.details);
		return -1;
	}
	json_object_put(rd.details);
	return 0;
}

/*
 * A PUT may not change what others refer to: the program's code, and the
 * id a service-type code has. Answers 422 and returns -1 when it tries.
 */
static int check_identity(struct pw_ctx *ctx, const struct pw_profile *before,
                          const struct pw_profile *p)
{
	struct reader rd = {ctx, pw_details_new()};

	if (strcmp(before->code, p->code))
		problem(&rd, NULL, "never changes once the program exists", "code");
	for (size_t i = 0; i < p->n_service_types; i++) {
		const struct pw_service_type_row *old =
		        pw_program_service_type_by_code(before, p->service_types[i].code);
		long long id = p->service_types[i].id;

		if (id && (!old || old->id != id))
			problem(&rd, NULL, "does not match the service type with this code",
			        "service_types[%zu].id", i);
	}
	if (json_object_array_length(rd.details)) {
		api_invalid(ctx, "The program profile needs attention.", rd.details);
		return -1;
	}
	json_object_put(rd.details);
	return 0;
}

/* ---- handlers --------------------------------------------------------------- */

void api_programs_list(struct pw_ctx *ctx)
{
	struct pw_db_rows *rows = NULL;
	json_object *items;
	long long after = 0, last = 0;
	int limit, rc;

	/* Every signed-in account reads profiles: they hold no personal data,
	 * staff forms are built from them, and a participant's own view labels
	 * their records (tracker kinds, service types) with them. */
	if (api_page_params(ctx, &limit, &after))
		return;
	rc = pw_program_list(ctx->db, after, limit, &rows);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	items = json_object_new_array();
	for (size_t r = 0; r < rows->nrows; r++) {
		json_object_array_add(items,
		                      api_row_json(rows, r, list_cols, PW_ARRAY_LEN(list_cols)));
		last = pw_db_cell_int(rows, r, 0, 0);
	}
	pw_db_rows_free(rows);
	api_page_answer(ctx, items, limit, last);
}

void api_programs_get(struct pw_ctx *ctx)
{
	struct pw_profile p;
	json_object *o = NULL;

	/* Read by every signed-in account (see api_programs_list). */
	if (load(ctx, ctx->ids[0], &p, &o) != PW_OK)
		return;
	api_etag(ctx, p.version);
	pw_response_json(ctx->res, 200, o);
}

/* A write that the database refused: 409 for a taken code, else the error. */
static void write_failed(struct pw_ctx *ctx, int rc)
{
	pw_response_reset(ctx->res);
	if (rc == PW_ERR_DUPLICATE) {
		json_object *d = pw_details_new();
		pw_details_add(d, "code", "is taken by another program", NULL);
		pw_response_error(ctx->res, 409, "duplicate", "That program code is taken.", d);
	} else {
		pw_response_error_rc(ctx->res, rc);
	}
}

void api_programs_create(struct pw_ctx *ctx)
{
	struct pw_profile p, saved;
	struct pw_actor who;
	json_object *after = NULL;
	long long id = 0;
	char path[64];
	int rc;

	if (editors_only(ctx) || read_body(ctx, &p))
		return;
	pw_gate_actor(ctx, &who);
	rc = pw_db_begin(ctx->db);
	if (rc == PW_OK)
		rc = pw_program_create(ctx->db, &p, &id);
	/* Load-after-write: the answer and the audit show what was stored. */
	if (rc == PW_OK)
		rc = load(ctx, id, &saved, &after);
	if (rc == PW_OK)
		rc = pw_audit_write(ctx->db, &who, "program", id, "create", NULL,
		                    api_json_text(ctx, after), NULL);
	rc = api_finish(ctx, rc);
	if (rc != PW_OK) {
		json_object_put(after);
		write_failed(ctx, rc);
		return;
	}
	api_etag(ctx, saved.version);
	snprintf(path, sizeof(path), "/api/v1/programs/%lld", id);
	pw_response_header(ctx->res, "Location", "%s", path);
	pw_response_json(ctx->res, 201, after);
}

void api_programs_replace(struct pw_ctx *ctx)
{
	struct pw_profile p, before_p, after_p;
	struct pw_actor who;
	json_object *before = NULL, *after = NULL;
	long long id = ctx->ids[0];
	int version = 0, rc;

	if (editors_only(ctx) || api_if_match(ctx, &version) || read_body(ctx, &p))
		return;
	pw_gate_actor(ctx, &who);
	rc = pw_db_begin(ctx->db);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	if (load(ctx, id, &before_p, &before) != PW_OK) {
		pw_db_rollback(ctx->db);
		return;
	}
	if (check_identity(ctx, &before_p, &p)) {
		pw_db_rollback(ctx->db);
		goto out;
	}
	rc = pw_program_replace(ctx->db, id, version, &p);
	if (rc == PW_OK)
		rc = load(ctx, id, &after_p, &after);
	if (rc == PW_OK)
		rc = pw_audit_write(ctx->db, &who, "program", id, "update",
		                    api_json_text(ctx, before), api_json_text(ctx, after), NULL);
	rc = api_finish(ctx, rc);
	if (rc != PW_OK) {
		json_object_put(after);
		write_failed(ctx, rc);
		goto out;
	}
	api_etag(ctx, after_p.version);
	pw_response_json(ctx->res, 200, after);
out:
	json_object_put(before);
}
