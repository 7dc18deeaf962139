/*
 * api/follow_ups.c: follow-up after exit (issue 6, "Follow-up"; R-FUP-1,
 * R-EXIT-4).
 *
 *   GET  /api/v1/enrollments/{id}/follow-ups   the schedule from the
 *                                              profile's rule, the contacts
 *                                              recorded against it and the
 *                                              "follow-up complete" state (?as_of=)
 *   POST /api/v1/enrollments/{id}/follow-ups   record a contact: a follow-up
 *                                              case note of this enrollment
 *
 * A contact is a case note of type follow_up (the same record
 * /api/v1/participants/{id}/case-notes shows): contact date, method,
 * subject, body, visibility, recipients, and its outcome: completed,
 * declined or unable to locate. The schedule and the state are
 * pw_followup_schedule's and pw_followup_evaluate's: youth programs follow
 * up for at least 12 months after exit, adult and dislocated worker
 * programs for up to 12 months after the first day of employment, hard
 * exits not at all. Contacts are taken after a regular or soft exit only,
 * dated on or after the exit date. Follow-up never moves the exit date:
 * nothing here writes the enrollment.
 */
#include "api/api.h"

#include "api/common.h"
#include "api/exit_common.h"
#include "db.h"
#include "gate.h"
#include "json_io.h"
#include "pw.h"
#include "rules/followup.h"
#include "rules/post_exit.h"
#include "store/audit.h"
#include "store/case_note.h"
#include "store/document.h"
#include "store/exit.h"
#include "store/facts.h"
#include "store/scope.h"
#include "store/session.h"

#include <stdio.h>
#include <string.h>

#define ID_MAX              (1LL << 53)
#define SUBJECT_MAX         190
#define BODY_MAX            16000
#define RECIPIENTS_MAX      20
#define RECIPIENT_MAX       190
#define RECIPIENTS_TEXT_MAX 1000
#define DOCUMENTS_MAX       20

static const char *const visibilities[] = {"staff", "participant"};
static const char *const outcomes[] = {"completed", "declined", "unable_to_locate"};

static const struct api_col note_cols[] = {
        {"id", API_INT},
        {"contact_date", API_STR},
        {"contact_method", API_STR},
        {"subject", API_STR},
        {"body", API_STR},
        {"visibility", API_STR},
        {"recipients", API_JSON},
        {"follow_up_outcome", API_STR},
        {"author", API_STR},
        {"created_at", API_STR},
        {"document_ids", API_IDLIST},
};

/* The follow-up document of f as of as_of; NULL (response set) on error. */
static json_object *follow_up_json(struct pw_ctx *ctx, const struct pw_facts *f, pw_date as_of)
{
	struct pw_followup_facts ff;
	struct pw_followup_due due[PW_FOLLOWUP_MAX_DUE];
	struct pw_followup_status st;
	enum pw_followup_rule rule = PW_FOLLOWUP_RULE_NONE;
	struct pw_db_rows *rows = NULL;
	json_object *o, *items;
	size_t n = 0;
	bool customer = ctx->session->principal.role == PW_ROLE_CUSTOMER;
	int rc;

	pw_facts_followup_view(f, &ff);
	rule = ff.rule;
	if (pw_followup_schedule(&ff, as_of, due, &n) != PW_OK ||
	    pw_followup_evaluate(&ff, as_of, &st) != PW_OK) {
		pw_response_error_rc(ctx->res, PW_ERR_DB);
		return NULL;
	}
	rc = pw_exit_followup_notes(ctx->db, f->enrollment_id, customer, &rows);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return NULL;
	}
	o = json_object_new_object();
	json_object_object_add(o, "enrollment_id", json_object_new_int64(f->enrollment_id));
	json_object_object_add(o, "as_of", api_exit_date(as_of));
	json_object_object_add(o, "rule", json_object_new_string(pw_followup_rule_code(rule)));
	json_object_object_add(o, "rule_label",
	                       json_object_new_string(pw_followup_rule_label(rule)));
	json_object_object_add(o, "exit_date",
	                       f->status == PW_ENROLLMENT_EXITED ? api_exit_date(f->exit_date)
	                                                         : NULL);
	json_object_object_add(o, "state",
	                       json_object_new_string(pw_followup_state_code(st.state)));
	json_object_object_add(o, "complete", json_object_new_boolean(st.complete));
	json_object_object_add(o, "scheduled", json_object_new_int((int)st.n_scheduled));
	json_object_object_add(o, "done", json_object_new_int((int)st.n_done));
	json_object_object_add(o, "overdue", json_object_new_int((int)st.n_overdue));
	items = json_object_new_array();
	for (size_t i = 0; i < n; i++) {
		json_object *it = json_object_new_object();
		json_object_object_add(it, "number", json_object_new_int(due[i].number));
		json_object_object_add(it, "from", api_exit_date(due[i].from));
		json_object_object_add(it, "due", api_exit_date(due[i].due));
		json_object_object_add(
		        it, "state",
		        json_object_new_string(pw_followup_due_state_code(due[i].state)));
		json_object_object_add(
		        it, "contact_id",
		        due[i].has_contact
		                ? json_object_new_int64(ff.contacts[due[i].contact_index].id)
		                : NULL);
		json_object_array_add(items, it);
	}
	json_object_object_add(o, "schedule", items);
	items = json_object_new_array();
	for (size_t r = 0; r < rows->nrows; r++) {
		json_object *it = api_row_json(rows, r, note_cols, PW_ARRAY_LEN(note_cols));
		enum pw_followup_outcome fo;
		if (pw_followup_outcome_from_code(pw_db_cell(rows, r, 7), &fo) == PW_OK)
			json_object_object_add(
			        it, "follow_up_outcome_label",
			        json_object_new_string(pw_followup_outcome_label(fo)));
		json_object_array_add(items, it);
	}
	pw_db_rows_free(rows);
	json_object_object_add(o, "contacts", items);
	return o;
}

void api_follow_ups_get(struct pw_ctx *ctx)
{
	struct pw_facts f;
	pw_date as_of;
	json_object *o;

	if (api_authorize_enrollment(ctx, ctx->ids[0], PW_ACL_READ, NULL) ||
	    api_exit_as_of(ctx, &as_of) ||
	    api_exit_load(ctx, ctx->ids[0], PW_FACTS_JOBS | PW_FACTS_CONTACTS, as_of, &f))
		return;
	o = follow_up_json(ctx, &f, as_of);
	if (o != NULL)
		pw_response_json(ctx->res, 200, o);
}

/* What a POST says. */
struct contact_input {
	struct pw_db_param vals[CNF_COUNT];
	struct pw_followup_contact contact;
	const char *recipients; /* JSON text in the arena, or NULL */
	long long docs[DOCUMENTS_MAX];
	size_t ndocs;
};

/* True when s holds a control character. */
static bool has_control(const char *s)
{
	for (; *s; s++) {
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return true;
	}
	return false;
}

/* "recipients": at most 20 names or addresses of 1..190 characters, kept as
 * JSON text of at most 1,000 characters (the column's width). */
static void read_recipients(struct pw_ctx *ctx, struct contact_input *in, json_object *details)
{
	json_object *arr = NULL, *copy;
	size_t n;

	if (!json_object_object_get_ex(ctx->body, "recipients", &arr) || arr == NULL)
		return;
	if (!json_object_is_type(arr, json_type_array) ||
	    (n = json_object_array_length(arr)) > RECIPIENTS_MAX) {
		pw_details_add(details, "recipients", "must be a list of at most 20 recipients",
		               NULL);
		return;
	}
	if (n == 0)
		return;
	copy = json_object_new_array();
	for (size_t i = 0; i < n; i++) {
		json_object *v = json_object_array_get_idx(arr, i);
		const char *s = v && json_object_is_type(v, json_type_string)
		                        ? json_object_get_string(v)
		                        : NULL;
		size_t len = s ? (size_t)json_object_get_string_len(v) : 0;

		if (s == NULL || len == 0 || strlen(s) != len || has_control(s) ||
		    pw_utf8_chars(s, len) > RECIPIENT_MAX) {
			pw_details_add(
			        details, "recipients",
			        "must be a list of names or addresses of 1 to 190 characters",
			        NULL);
			json_object_put(copy);
			return;
		}
		json_object_array_add(copy, json_object_new_string_len(s, (int)len));
	}
	in->recipients = api_json_text(ctx, copy);
	json_object_put(copy);
	if (in->recipients == NULL ||
	    pw_utf8_chars(in->recipients, strlen(in->recipients)) > RECIPIENTS_TEXT_MAX) {
		pw_details_add(details, "recipients", "are too long together (1,000 characters)",
		               NULL);
		in->recipients = NULL;
	}
}

/* "document_ids": distinct document ids, at most 20. */
static void read_documents(struct pw_ctx *ctx, struct contact_input *in, json_object *details)
{
	json_object *arr = NULL;
	size_t n;

	if (!json_object_object_get_ex(ctx->body, "document_ids", &arr) || arr == NULL)
		return;
	if (!json_object_is_type(arr, json_type_array) ||
	    (n = json_object_array_length(arr)) > DOCUMENTS_MAX) {
		pw_details_add(details, "document_ids", "must be a list of at most 20 document ids",
		               NULL);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		json_object *v = json_object_array_get_idx(arr, i);
		long long id =
		        v && json_object_is_type(v, json_type_int) ? json_object_get_int64(v) : 0;
		bool dup = false;

		for (size_t k = 0; k < in->ndocs; k++)
			dup = dup || in->docs[k] == id;
		if (id < 1 || id > ID_MAX || dup) {
			pw_details_add(details, "document_ids", "must list distinct document ids",
			               NULL);
			return;
		}
		in->docs[in->ndocs++] = id;
	}
}

/* Reads a contact; problems go to details. Strings borrow from the body. */
static void read_contact(struct pw_ctx *ctx, struct contact_input *in, json_object *details)
{
	static const char *const allowed[] = {
	        "contact_date", "contact_method", "subject",           "body",
	        "visibility",   "recipients",     "follow_up_outcome", "document_ids"};
	struct pw_fields fl = {ctx->body, details};
	const char *subject = NULL, *body = NULL;
	const char *const *methods;
	char *date_text;
	size_t k = 0, nmethods;

	memset(in, 0, sizeof(*in));
	for (size_t i = 0; i < CNF_COUNT; i++)
		in->vals[i] = PW_P_NULL;
	in->contact.date = PW_DATE_NONE;
	if (pw_field_date(&fl, "contact_date", PW_FIELD_REQUIRED, &in->contact.date) == PW_OK) {
		date_text = pw_arena_alloc(ctx->arena, PW_DATE_STRLEN);
		if (date_text != NULL)
			pw_date_format(in->contact.date, date_text);
		in->vals[CNF_CONTACT_DATE] = PW_P_TEXT(date_text);
	}
	methods = pw_followup_contact_methods(&nmethods);
	if (pw_field_enum(&fl, "contact_method", PW_FIELD_REQUIRED, methods, nmethods, &k) == PW_OK)
		in->vals[CNF_CONTACT_METHOD] = PW_P_TEXT(methods[k]);
	if (pw_field_string(&fl, "subject", PW_FIELD_REQUIRED, SUBJECT_MAX, &subject) == PW_OK) {
		if (has_control(subject))
			pw_details_add(details, "subject",
			               "must be one line without control characters", NULL);
		in->vals[CNF_SUBJECT] = PW_P_TEXT(subject);
	}
	if (pw_field_string(&fl, "body", PW_FIELD_REQUIRED, BODY_MAX, &body) == PW_OK)
		in->vals[CNF_BODY] = PW_P_TEXT(body);
	if (pw_field_enum(&fl, "visibility", PW_FIELD_OPTIONAL, visibilities,
	                  PW_ARRAY_LEN(visibilities), &k) == PW_OK)
		in->vals[CNF_VISIBILITY] = PW_P_TEXT(visibilities[k]);
	if (pw_field_enum(&fl, "follow_up_outcome", PW_FIELD_REQUIRED, outcomes,
	                  PW_ARRAY_LEN(outcomes), &k) == PW_OK) {
		pw_followup_outcome_from_code(outcomes[k], &in->contact.outcome);
		in->vals[CNF_FOLLOW_UP_OUTCOME] = PW_P_TEXT(outcomes[k]);
	}
	read_recipients(ctx, in, details);
	if (in->recipients != NULL)
		in->vals[CNF_RECIPIENTS] = PW_P_TEXT(in->recipients);
	read_documents(ctx, in, details);
	pw_fields_reject_unknown(&fl, allowed, PW_ARRAY_LEN(allowed));
}

/* The state and dates a contact needs (R-FUP-1, R-EXIT-4, R-DATE-4).
 * Returns 0, or -1 with the refusal in the response. */
static int check_contact(struct pw_ctx *ctx, const struct pw_facts *f,
                         const struct contact_input *in, pw_date today)
{
	struct pw_scope_filter scope;
	struct pw_violations v;
	char d[PW_DATE_STRLEN];
	int rc;

	pw_violations_init(&v);
	if (f->status != PW_ENROLLMENT_EXITED) {
		pw_violation_add(
		        &v, "R-FUP-1", NULL,
		        "Follow-up starts after the exit; this enrollment has not exited.");
		api_exit_refuse(ctx, 409, "not_exited", "There is no follow-up yet.", &v);
		return -1;
	}
	if (!pw_post_exit_applies(f->exit_kind)) {
		pw_violation_add(&v, "R-EXIT-4", NULL,
		                 "A hard exit has no follow-up: the participant left for a global "
		                 "exclusion.");
		api_exit_refuse(ctx, 409, "no_follow_up", "This exit has no follow-up.", &v);
		return -1;
	}
	pw_followup_validate_contact(&in->contact, today, &v);
	if (pw_date_is_valid(in->contact.date) && in->contact.date < f->exit_date) {
		pw_date_format(f->exit_date, d);
		pw_violation_add(&v, "R-FUP-1", "contact_date",
		                 "A follow-up contact is dated on or after the exit date %s.", d);
	}
	pw_scope_filter_of(&ctx->session->principal, &scope);
	for (size_t i = 0; i < in->ndocs; i++) {
		int found = 0;
		rc = pw_document_reachable(ctx->db, in->docs[i], f->participant_id, &scope, &found);
		if (rc != PW_OK) {
			pw_response_error_rc(ctx->res, rc);
			return -1;
		}
		if (!found)
			pw_violation_add(
			        &v, "R-ACL-1", "document_ids",
			        "Document %lld is not one of this participant's documents.",
			        in->docs[i]);
	}
	if (v.n > 0) {
		api_exit_refuse(ctx, 422, "validation_failed", "Some fields need attention.", &v);
		return -1;
	}
	return 0;
}

void api_follow_ups_create(struct pw_ctx *ctx)
{
	long long id = ctx->ids[0], note_id = 0;
	struct contact_input in;
	struct pw_case_note_new n;
	struct pw_actor who;
	struct pw_facts f;
	json_object *details, *after = NULL, *o;
	pw_date today = api_today();
	char path[64];
	int rc;

	if (api_authorize_enrollment(ctx, id, PW_ACL_WRITE, NULL))
		return;
	details = pw_details_new();
	read_contact(ctx, &in, details);
	if (json_object_array_length(details)) {
		api_invalid(ctx, "Some fields need attention.", details);
		return;
	}
	json_object_put(details);
	if (pw_db_begin(ctx->db) != PW_OK) {
		pw_response_error_rc(ctx->res, PW_ERR_DB_UNAVAILABLE);
		return;
	}
	/* Locked so an undo cannot take the exit away under the note. */
	if (api_exit_load(ctx, id, PW_FACTS_LOCK, today, &f) || check_contact(ctx, &f, &in, today))
		goto out;
	memset(&n, 0, sizeof(n));
	n.participant_id = f.participant_id;
	n.enrollment_id = id;
	n.note_type = "follow_up";
	n.author_user_id = ctx->session->principal.user_id;
	n.author = ctx->session->display_name ? ctx->session->display_name : ctx->session->login;
	rc = pw_case_note_create(ctx->db, &n, in.vals, &note_id);
	for (size_t i = 0; rc == PW_OK && i < in.ndocs; i++)
		rc = pw_case_note_link_document(ctx->db, note_id, in.docs[i]);
	if (rc == PW_OK) {
		struct pw_db_rows *rows = NULL;
		rc = pw_exit_followup_notes(ctx->db, id, false, &rows);
		for (size_t r = 0; rc == PW_OK && r < rows->nrows; r++) {
			if (pw_db_cell_int(rows, r, 0, 0) == note_id)
				after = api_row_json(rows, r, note_cols, PW_ARRAY_LEN(note_cols));
		}
		pw_db_rows_free(rows);
		if (rc == PW_OK && after == NULL)
			rc = PW_ERR_DB;
	}
	if (rc == PW_OK) {
		pw_gate_actor(ctx, &who);
		rc = pw_audit_write(ctx->db, &who, "case_note", note_id, "create", NULL,
		                    api_json_text(ctx, after), "R-FUP-1");
	}
	if (rc == PW_OK)
		rc = api_finish(ctx, rc);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		goto out;
	}
	/* The answer is the follow-up as it now stands, with the new contact. */
	if (api_exit_load(ctx, id, PW_FACTS_JOBS | PW_FACTS_CONTACTS, today, &f))
		goto out;
	o = follow_up_json(ctx, &f, today);
	if (o == NULL)
		goto out;
	json_object_object_add(o, "contact_id", json_object_new_int64(note_id));
	snprintf(path, sizeof(path), "/api/v1/case-notes/%lld", note_id);
	pw_response_header(ctx->res, "Location", "%s", path);
	pw_response_json(ctx->res, 201, o);
out:
	pw_db_rollback(ctx->db);
	json_object_put(after);
}
