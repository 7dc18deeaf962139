/*
 * api/case_notes.c: case notes (issue 4, "Case notes"; R-FUP-1, R-EXIT-4).
 *
 *   GET   /api/v1/participants/{id}/case-notes   list, newest first, with
 *                                                addenda and document ids
 *                                                (?type=, ?enrollment_id=)
 *   POST  /api/v1/participants/{id}/case-notes   add a note
 *   GET   /api/v1/case-notes/{id}                one note with its addenda
 *   PATCH /api/v1/case-notes/{id}                change it (If-Match), only
 *                                                within 24 hours of creation
 *   POST  /api/v1/case-notes/{id}/addenda        add an addendum
 *
 * A note under an enrollment belongs to that enrollment's partner location;
 * a note under no enrollment to the participant (R-ACL-1: out of reach is
 * 404). Customers read only the notes marked visibility "participant" of
 * their own participant and write nothing. Author and times are set by the
 * server. A follow-up note is the record of one follow-up contact (R-FUP-1):
 * it needs its enrollment, contact date and method, and the outcome
 * (completed, declined, unable to locate) that the follow-up schedule
 * counts. Recipients are recorded with the note ("to whom it will be
 * sent"); Pathway itself sends nothing. Notes are never deleted.
 */
#include "api/api.h"

#include "api/common.h"
#include "db.h"
#include "gate.h"
#include "json_io.h"
#include "pw.h"
#include "rules/followup.h"
#include "store/audit.h"
#include "store/case_note.h"
#include "store/document.h"
#include "store/scope.h"
#include "store/session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SUBJECT_MAX 190
/* body is TEXT (65,535 bytes): 16,000 characters fit at 4 bytes each. */
#define BODY_MAX            16000
#define RECIPIENTS_MAX      20
#define RECIPIENT_MAX       190
#define RECIPIENTS_TEXT_MAX 1000 /* the column holds 1,000 characters of JSON */
#define DOCUMENTS_MAX       20
#define ID_MAX              (1LL << 53)

static const char *const note_types[] = {"general", "exit", "follow_up"};
static const char *const visibilities[] = {"staff", "participant"};

static const struct api_col note_cols[] = {
        {"id", API_INT},
        {"participant_id", API_INT},
        {"enrollment_id", API_INT},
        {"addendum_of", API_INT},
        {"note_type", API_STR},
        {"subject", API_STR},
        {"body", API_STR},
        {"contact_date", API_STR},
        {"contact_method", API_STR},
        {"visibility", API_STR},
        {"recipients", API_JSON},
        {"follow_up_outcome", API_STR},
        {"author_user_id", API_INT},
        {"author", API_STR},
        {"version", API_INT},
        {"created_at", API_STR},
        {"updated_at", API_STR},
        {"editable_until", API_STR},
        {"locked", API_BOOL},
        {"document_ids", API_IDLIST},
};

enum mode { M_CREATE, M_UPDATE, M_ADDENDUM };

/* What a request body says about a note. */
struct note_input {
	struct pw_db_param vals[CNF_COUNT];
	int given[CNF_COUNT];   /* the body names the field (a null clears it) */
	int cleared[CNF_COUNT]; /* given as null */
	pw_date contact_date;   /* PW_DATE_NONE when not given */
	const char *note_type;  /* create only */
	long long enrollment_id;
	long long doc_ids[DOCUMENTS_MAX];
	size_t ndocs;
	int docs_given;
};

static int is_customer(const struct pw_ctx *ctx)
{
	return ctx->session->principal.role == PW_ROLE_CUSTOMER;
}

/* Customers read; they never write (403: their role never may). */
static int staff_only(struct pw_ctx *ctx)
{
	if (!is_customer(ctx))
		return 0;
	api_forbidden(ctx);
	return -1;
}

/* R-ACL-1: a note under an enrollment is in that enrollment's scope,
 * otherwise in the participant's. 0, or -1 with the response set. */
static int authorize(struct pw_ctx *ctx, long long participant_id, long long enrollment_id,
                     int action)
{
	if (enrollment_id)
		return api_authorize_enrollment(ctx, enrollment_id, action, NULL);
	return api_authorize_participant(ctx, participant_id, action);
}

static int present(const struct pw_ctx *ctx, const char *name)
{
	return json_object_object_get_ex(ctx->body, name, NULL);
}

static int is_null_member(const struct pw_ctx *ctx, const char *name)
{
	json_object *v = NULL;

	return json_object_object_get_ex(ctx->body, name, &v) && v == NULL;
}

/* 1 when s holds a control character (C0 or DEL). */
static int has_control(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 1;
	return 0;
}

/*
 * "recipients": an array of at most RECIPIENTS_MAX names or addresses, each
 * 1..RECIPIENT_MAX characters without control characters; stored as JSON
 * text of at most RECIPIENTS_TEXT_MAX characters, built in the request's
 * arena. An empty array or null stores nothing.
 */
static void read_recipients(struct pw_ctx *ctx, struct note_input *in, json_object *details)
{
	json_object *arr = NULL, *copy;
	const char *text;
	size_t n;

	if (!json_object_object_get_ex(ctx->body, "recipients", &arr))
		return;
	in->given[CNF_RECIPIENTS] = 1;
	in->vals[CNF_RECIPIENTS] = PW_P_NULL;
	if (!arr) {
		in->cleared[CNF_RECIPIENTS] = 1;
		return;
	}
	if (!json_object_is_type(arr, json_type_array)) {
		pw_details_add(details, "recipients", "must be a list of strings", NULL);
		return;
	}
	n = json_object_array_length(arr);
	if (n > RECIPIENTS_MAX) {
		pw_details_add(details, "recipients", "must list at most 20 recipients", NULL);
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

		if (!s || len == 0 || strlen(s) != len || has_control(s) ||
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
	text = api_json_text(ctx, copy);
	json_object_put(copy);
	if (!text || pw_utf8_chars(text, strlen(text)) > RECIPIENTS_TEXT_MAX) {
		pw_details_add(details, "recipients", "are too long together (1,000 characters)",
		               NULL);
		return;
	}
	in->vals[CNF_RECIPIENTS] = PW_P_TEXT(text);
}

/* "document_ids": distinct positive ids, at most DOCUMENTS_MAX; null is
 * the empty list. */
static void read_documents(struct pw_ctx *ctx, struct note_input *in, json_object *details)
{
	json_object *arr = NULL;
	size_t n;

	if (!json_object_object_get_ex(ctx->body, "document_ids", &arr))
		return;
	in->docs_given = 1;
	if (!arr)
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
		if (id < 1 || id > ID_MAX) {
			pw_details_add(details, "document_ids", "must be a list of document ids",
			               NULL);
			return;
		}
		for (size_t k = 0; k < in->ndocs; k++) {
			if (in->doc_ids[k] == id) {
				pw_details_add(details, "document_ids", "lists a document twice",
				               NULL);
				return;
			}
		}
		in->doc_ids[in->ndocs++] = id;
	}
}

/* Reads an optional enum field into vals[field]. */
static void read_enum(struct pw_ctx *ctx, struct pw_fields *f, struct note_input *in, int field,
                      const char *name, const char *const *codes, size_t n)
{
	size_t idx = 0;
	int rc = pw_field_enum(f, name, PW_FIELD_OPTIONAL, codes, n, &idx);

	if (rc == PW_OK) {
		in->given[field] = 1;
		in->vals[field] = PW_P_TEXT(codes[idx]);
	} else if (rc == PW_ERR_NOT_FOUND && present(ctx, name)) {
		in->given[field] = 1;
		in->cleared[field] = 1;
	}
}

/*
 * Reads the body of a create (M_CREATE), change (M_UPDATE) or addendum
 * (M_ADDENDUM) into in; syntax errors go to details. Checks that need the
 * note's type or the database come later (check_note).
 */
static void read_note(struct pw_ctx *ctx, enum mode mode, struct note_input *in,
                      json_object *details)
{
	static const char *const allowed_create[] = {
	        "enrollment_id",     "note_type",      "subject",    "body",
	        "contact_date",      "contact_method", "visibility", "recipients",
	        "follow_up_outcome", "document_ids"};
	static const char *const allowed_update[] = {
	        "subject",    "body",       "contact_date",      "contact_method",
	        "visibility", "recipients", "follow_up_outcome", "document_ids"};
	static const char *const allowed_addendum[] = {
	        "subject",    "body",       "contact_date", "contact_method",
	        "visibility", "recipients", "document_ids"};
	struct pw_fields f = {ctx->body, details};
	const char *s = NULL;
	const char *const *methods;
	size_t idx = 0, nmethods;
	int rc;

	memset(in, 0, sizeof(*in));
	for (size_t i = 0; i < CNF_COUNT; i++)
		in->vals[i] = PW_P_NULL;
	in->contact_date = PW_DATE_NONE;
	in->note_type = "general";

	if (mode == M_CREATE) {
		pw_field_int(&f, "enrollment_id", PW_FIELD_OPTIONAL, 1, ID_MAX, &in->enrollment_id);
		if (pw_field_enum(&f, "note_type", PW_FIELD_OPTIONAL, note_types,
		                  PW_ARRAY_LEN(note_types), &idx) == PW_OK)
			in->note_type = note_types[idx];
	}
	/* subject and body: required on a new note (an addendum's subject
	 * defaults); a change may leave them out but never empty them. */
	rc = pw_field_string(&f, "subject", mode == M_CREATE ? PW_FIELD_REQUIRED : 0, SUBJECT_MAX,
	                     &s);
	if (rc == PW_OK && has_control(s)) {
		pw_details_add(details, "subject", "must be one line without control characters",
		               NULL);
	} else if (rc == PW_OK) {
		in->given[CNF_SUBJECT] = 1;
		in->vals[CNF_SUBJECT] = PW_P_TEXT(s);
	} else if (rc == PW_ERR_NOT_FOUND && present(ctx, "subject")) {
		pw_details_add(details, "subject", "must not be empty", NULL);
	}
	rc = pw_field_string(&f, "body", mode != M_UPDATE ? PW_FIELD_REQUIRED : 0, BODY_MAX, &s);
	if (rc == PW_OK) {
		in->given[CNF_BODY] = 1;
		in->vals[CNF_BODY] = PW_P_TEXT(s);
	} else if (rc == PW_ERR_NOT_FOUND && present(ctx, "body")) {
		pw_details_add(details, "body", "must not be empty", NULL);
	}

	rc = pw_field_date(&f, "contact_date", PW_FIELD_OPTIONAL, &in->contact_date);
	if (rc == PW_OK) {
		char *text = pw_arena_alloc(ctx->arena, PW_DATE_STRLEN);
		if (text)
			pw_date_format(in->contact_date, text);
		in->given[CNF_CONTACT_DATE] = 1;
		in->vals[CNF_CONTACT_DATE] = PW_P_TEXT(text);
	} else if (rc == PW_ERR_NOT_FOUND && is_null_member(ctx, "contact_date")) {
		in->given[CNF_CONTACT_DATE] = 1;
		in->cleared[CNF_CONTACT_DATE] = 1;
	}
	methods = pw_followup_contact_methods(&nmethods);
	read_enum(ctx, &f, in, CNF_CONTACT_METHOD, "contact_method", methods, nmethods);
	read_enum(ctx, &f, in, CNF_VISIBILITY, "visibility", visibilities,
	          PW_ARRAY_LEN(visibilities));
	if (in->cleared[CNF_VISIBILITY])
		pw_details_add(details, "visibility", "must be staff or participant", NULL);
	read_recipients(ctx, in, details);
	if (mode != M_ADDENDUM) {
		/* R-FUP-1: the outcome vocabulary of the follow-up rules. */
		enum pw_followup_outcome o;
		rc = pw_field_string(&f, "follow_up_outcome", PW_FIELD_OPTIONAL, 32, &s);
		if (rc == PW_OK && pw_followup_outcome_from_code(s, &o) != PW_OK) {
			pw_details_add(details, "follow_up_outcome",
			               "must be completed, declined or unable_to_locate",
			               "R-FUP-1");
		} else if (rc == PW_OK) {
			in->given[CNF_FOLLOW_UP_OUTCOME] = 1;
			in->vals[CNF_FOLLOW_UP_OUTCOME] = PW_P_TEXT(pw_followup_outcome_code(o));
		} else if (rc == PW_ERR_NOT_FOUND && present(ctx, "follow_up_outcome")) {
			in->given[CNF_FOLLOW_UP_OUTCOME] = 1;
			in->cleared[CNF_FOLLOW_UP_OUTCOME] = 1;
		}
	}
	read_documents(ctx, in, details);
	if (mode == M_CREATE)
		pw_fields_reject_unknown(&f, allowed_create, PW_ARRAY_LEN(allowed_create));
	else if (mode == M_UPDATE)
		pw_fields_reject_unknown(&f, allowed_update, PW_ARRAY_LEN(allowed_update));
	else
		pw_fields_reject_unknown(&f, allowed_addendum, PW_ARRAY_LEN(allowed_addendum));
}

/* What check_note needs to know about the note being written. */
struct note_context {
	long long participant_id;
	long long enrollment_id;
	const char *note_type;
	int parent_staff_only; /* addenda: the note they amend is staff-only */
	int new_note;          /* a create or an addendum, not a change */
	int addendum;          /* an addendum: the note it amends holds the contact */
};

/*
 * The rules that need the note's type or the database: the enrollment
 * belongs to the participant and is within the caller's reach; exit and
 * follow-up notes name their enrollment; a follow-up note has its contact
 * date, method and outcome (R-FUP-1) and no other note has an outcome; no
 * contact date in the future (R-DATE-4) or before the enrollment's
 * application; linked documents are the participant's and within reach.
 * Returns PW_OK (problems are in details) or a database error.
 */
static int check_note(struct pw_ctx *ctx, const struct note_context *nc,
                      const struct note_input *in, json_object *details)
{
	struct pw_scope_filter scope;
	int follow_up = !strcmp(nc->note_type, "follow_up");
	int rc;

	if (nc->enrollment_id) {
		struct pw_acl_scope es;
		long long owner = 0;
		char applied[11] = "";
		pw_date app = PW_DATE_NONE;

		rc = pw_scope_enrollment(ctx->db, ctx->arena, nc->enrollment_id, &es, &owner);
		if (rc != PW_OK && rc != PW_ERR_NOT_FOUND)
			return rc;
		if (rc == PW_ERR_NOT_FOUND || owner != nc->participant_id ||
		    !pw_acl_allows(&ctx->session->principal, PW_ACL_WRITE, &es)) {
			pw_details_add(details, "enrollment_id",
			               "is not an enrollment of this participant within your reach",
			               "R-ACL-1");
		} else if (in->contact_date != PW_DATE_NONE) {
			rc = pw_case_note_enrollment(ctx->db, nc->enrollment_id, &owner, applied);
			if (rc != PW_OK)
				return rc;
			if (pw_date_parse(applied, strlen(applied), &app) == PW_OK &&
			    in->contact_date < app)
				pw_details_add(
				        details, "contact_date",
				        "must not be before the enrollment's application date",
				        NULL);
		}
	} else if (nc->new_note && !nc->addendum && (follow_up || !strcmp(nc->note_type, "exit"))) {
		pw_details_add(details, "enrollment_id",
		               "is required for exit and follow-up notes (an exit and its "
		               "follow-up belong to one enrollment)",
		               follow_up ? "R-FUP-1" : "R-EXIT-4");
	}
	if (in->contact_date != PW_DATE_NONE && in->contact_date > api_today())
		pw_details_add(details, "contact_date", "must not be in the future", "R-DATE-4");
	if (follow_up && !nc->addendum) {
		static const struct {
			int field;
			const char *name;
		} needed[] = {
		        {CNF_CONTACT_DATE, "contact_date"},
		        {CNF_CONTACT_METHOD, "contact_method"},
		        {CNF_FOLLOW_UP_OUTCOME, "follow_up_outcome"},
		};
		for (size_t i = 0; i < PW_ARRAY_LEN(needed); i++) {
			int f = needed[i].field;
			if (in->cleared[f] || (nc->new_note && !in->given[f]))
				pw_details_add(details, needed[i].name,
				               "is required for a follow-up note", "R-FUP-1");
		}
	} else if (in->given[CNF_FOLLOW_UP_OUTCOME] && !in->cleared[CNF_FOLLOW_UP_OUTCOME]) {
		pw_details_add(details, "follow_up_outcome", "is only for follow-up notes",
		               "R-FUP-1");
	}
	if (nc->parent_staff_only && in->given[CNF_VISIBILITY] && !in->cleared[CNF_VISIBILITY] &&
	    !strcmp(in->vals[CNF_VISIBILITY].s, "participant"))
		pw_details_add(details, "visibility",
		               "must be staff: the note it amends is not shown to the participant",
		               NULL);
	pw_scope_filter_of(&ctx->session->principal, &scope);
	for (size_t i = 0; i < in->ndocs; i++) {
		int found = 0;
		rc = pw_document_reachable(ctx->db, in->doc_ids[i], nc->participant_id, &scope,
		                           &found);
		if (rc != PW_OK)
			return rc;
		if (!found) {
			char msg[96];
			snprintf(msg, sizeof(msg),
			         "names document %lld, which is not a document of "
			         "this participant",
			         in->doc_ids[i]);
			pw_details_add(details, "document_ids", msg, NULL);
		}
	}
	return PW_OK;
}

/* Loads note id as JSON (without addenda) and its version; a new object
 * the caller puts, or NULL with the response set (404 or an error). */
static json_object *load(struct pw_ctx *ctx, long long id, long long *version)
{
	struct pw_db_rows *rows = NULL;
	json_object *o = NULL;
	int rc = pw_case_note_get(ctx->db, id, &rows);

	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return NULL;
	}
	if (rows->nrows == 1) {
		o = api_row_json(rows, 0, note_cols, PW_ARRAY_LEN(note_cols));
		*version = pw_db_cell_int(rows, 0, PW_CASE_NOTE_COL_VERSION, 0);
	} else {
		api_not_found(ctx);
	}
	pw_db_rows_free(rows);
	return o;
}

/* Adds "addenda": the addenda of note id that the caller may read. */
static int add_addenda(struct pw_ctx *ctx, json_object *note, long long id)
{
	struct pw_db_rows *rows = NULL;
	json_object *arr;
	int rc = pw_case_note_addenda(ctx->db, id, is_customer(ctx), &rows);

	if (rc != PW_OK)
		return rc;
	arr = json_object_new_array();
	for (size_t r = 0; r < rows->nrows; r++)
		json_object_array_add(arr,
		                      api_row_json(rows, r, note_cols, PW_ARRAY_LEN(note_cols)));
	pw_db_rows_free(rows);
	json_object_object_add(note, "addenda", arr);
	return PW_OK;
}

/* Members of a loaded note: 0 or "" when absent or null; the string is
 * borrowed from o. */
static long long member_int(json_object *o, const char *name)
{
	json_object *v = NULL;

	return json_object_object_get_ex(o, name, &v) && v ? json_object_get_int64(v) : 0;
}

static const char *member_str(json_object *o, const char *name)
{
	json_object *v = NULL;

	return json_object_object_get_ex(o, name, &v) && v ? json_object_get_string(v) : "";
}

/*
 * Whether the caller may read note o: staff need READ in its scope; a
 * customer also needs visibility "participant" on it and, for an addendum,
 * on the note it amends. 0, or -1 with the response set (404).
 */
static int may_read(struct pw_ctx *ctx, json_object *o)
{
	long long parent = member_int(o, "addendum_of"), v = 0;

	if (authorize(ctx, member_int(o, "participant_id"), member_int(o, "enrollment_id"),
	              PW_ACL_READ))
		return -1;
	if (!is_customer(ctx))
		return 0;
	if (strcmp(member_str(o, "visibility"), "participant")) {
		api_not_found(ctx);
		return -1;
	}
	if (parent) {
		json_object *p = load(ctx, parent, &v);
		int shown = p && !strcmp(member_str(p, "visibility"), "participant");
		json_object_put(p);
		if (!shown) {
			pw_response_reset(ctx->res);
			api_not_found(ctx);
			return -1;
		}
	}
	return 0;
}

void api_case_notes_get(struct pw_ctx *ctx)
{
	long long version = 0;
	json_object *o = load(ctx, ctx->ids[0], &version);
	int rc;

	if (!o)
		return;
	if (may_read(ctx, o)) {
		json_object_put(o);
		return;
	}
	rc = add_addenda(ctx, o, ctx->ids[0]);
	if (rc != PW_OK) {
		json_object_put(o);
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	api_etag(ctx, version);
	pw_response_json(ctx->res, 200, o);
}

/* Reads ?type= and ?enrollment_id= ; -1 with a 400 on a bad value. */
static int list_filters(struct pw_ctx *ctx, struct pw_case_note_filter *f)
{
	const char *type = pw_request_query(ctx->req, "type");
	const char *enr = pw_request_query(ctx->req, "enrollment_id");
	json_object *details = NULL;

	memset(f, 0, sizeof(*f));
	if (type && *type) {
		for (size_t i = 0; i < PW_ARRAY_LEN(note_types); i++)
			if (!strcmp(type, note_types[i]))
				f->note_type = note_types[i];
		if (!f->note_type) {
			details = pw_details_new();
			pw_details_add(details, "type", "must be general, exit or follow_up", NULL);
		}
	}
	if (enr && *enr) {
		char *end;
		long long v = strtoll(enr, &end, 10);
		if (*end || v < 1 || v > ID_MAX || enr[0] < '1' || enr[0] > '9') {
			if (!details)
				details = pw_details_new();
			pw_details_add(details, "enrollment_id", "must be an enrollment id", NULL);
		} else {
			f->enrollment_id = v;
		}
	}
	if (details) {
		pw_response_error(ctx->res, 400, "bad_query", "The list parameters are wrong.",
		                  details);
		return -1;
	}
	return 0;
}

void api_case_notes_list(struct pw_ctx *ctx)
{
	long long pid = ctx->ids[0], after = 0, last = 0;
	struct pw_case_note_filter f;
	struct pw_scope_filter scope;
	struct pw_db_rows *rows = NULL, *adds = NULL;
	json_object *items;
	size_t n;
	int limit, rc;

	if (list_filters(ctx, &f) || api_page_params(ctx, &limit, &after) ||
	    api_authorize_participant(ctx, pid, PW_ACL_READ))
		return;
	pw_scope_filter_of(&ctx->session->principal, &scope);
	rc = pw_case_note_list(ctx->db, pid, &scope, &f, after, limit, &rows);
	if (rc == PW_OK && rows->nrows)
		rc = pw_case_note_list_addenda(ctx->db, pid, &scope, &f,
		                               pw_db_cell_int(rows, rows->nrows - 1, 0, 0),
		                               pw_db_cell_int(rows, 0, 0, 0), &adds);
	if (rc != PW_OK) {
		pw_db_rows_free(rows);
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	items = json_object_new_array();
	n = rows->nrows;
	for (size_t r = 0; r < n; r++) {
		json_object *o = api_row_json(rows, r, note_cols, PW_ARRAY_LEN(note_cols));
		json_object_object_add(o, "addenda", json_object_new_array());
		json_object_array_add(items, o);
		last = pw_db_cell_int(rows, r, 0, 0);
	}
	/* Each addendum goes to its note; the page is ordered by id descending,
	 * so a binary search finds the note. */
	for (size_t a = 0; adds && a < adds->nrows; a++) {
		long long parent = pw_db_cell_int(adds, a, PW_CASE_NOTE_COL_ADDENDUM_OF, 0);
		size_t lo = 0, hi = n;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			long long id = pw_db_cell_int(rows, mid, 0, 0);
			if (id == parent) {
				json_object *arr = NULL;
				json_object_object_get_ex(json_object_array_get_idx(items, mid),
				                          "addenda", &arr);
				json_object_array_add(arr, api_row_json(adds, a, note_cols,
				                                        PW_ARRAY_LEN(note_cols)));
				break;
			}
			if (id > parent)
				lo = mid + 1;
			else
				hi = mid;
		}
	}
	pw_db_rows_free(rows);
	pw_db_rows_free(adds);
	api_page_answer(ctx, items, limit, last);
}

/* The author's name as the note shows it. */
static const char *author_of(const struct pw_ctx *ctx)
{
	const char *name = ctx->session->display_name;

	return name && *name ? name : ctx->session->login;
}

/*
 * Inserts a note (or addendum) with its documents and audit row in one
 * transaction, then answers 201 with it. The transaction must be open.
 */
static void insert_and_answer(struct pw_ctx *ctx, const struct pw_case_note_new *nn,
                              const struct note_input *in)
{
	struct pw_actor who;
	json_object *after = NULL;
	long long id = 0, version = 0;
	char path[64];
	int rc;

	pw_gate_actor(ctx, &who);
	rc = pw_case_note_create(ctx->db, nn, in->vals, &id);
	if (rc == PW_OK && in->ndocs)
		rc = pw_case_note_set_documents(ctx->db, id, in->doc_ids, in->ndocs);
	if (rc == PW_OK && !(after = load(ctx, id, &version)))
		rc = PW_ERR_DB;
	if (rc == PW_OK)
		rc = pw_audit_write(ctx->db, &who, "case_note", id, "create", NULL,
		                    api_json_text(ctx, after), NULL);
	rc = api_finish(ctx, rc);
	if (rc != PW_OK) {
		json_object_put(after);
		pw_response_reset(ctx->res);
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	json_object_object_add(after, "addenda", json_object_new_array());
	api_etag(ctx, version);
	snprintf(path, sizeof(path), "/api/v1/case-notes/%lld", id);
	pw_response_header(ctx->res, "Location", "%s", path);
	pw_response_json(ctx->res, 201, after);
}

void api_case_notes_create(struct pw_ctx *ctx)
{
	long long pid = ctx->ids[0];
	struct note_input in;
	struct note_context nc;
	struct pw_case_note_new nn;
	json_object *details;
	int rc;

	if (staff_only(ctx) || api_authorize_participant(ctx, pid, PW_ACL_WRITE))
		return;
	details = pw_details_new();
	read_note(ctx, M_CREATE, &in, details);
	memset(&nc, 0, sizeof(nc));
	nc.participant_id = pid;
	nc.enrollment_id = in.enrollment_id;
	nc.note_type = in.note_type;
	nc.new_note = 1;
	rc = check_note(ctx, &nc, &in, details);
	if (rc != PW_OK) {
		json_object_put(details);
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	if (json_object_array_length(details)) {
		api_invalid(ctx, "Some fields need attention.", details);
		return;
	}
	json_object_put(details);
	memset(&nn, 0, sizeof(nn));
	nn.participant_id = pid;
	nn.enrollment_id = in.enrollment_id;
	nn.note_type = in.note_type;
	nn.author_user_id = ctx->session->principal.user_id;
	nn.author = author_of(ctx);
	rc = pw_db_begin(ctx->db);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	insert_and_answer(ctx, &nn, &in);
}

/* 409 note_locked: the note is past its 24 hours; say where addenda go. */
static void locked(struct pw_ctx *ctx, long long id)
{
	json_object *extra = json_object_new_object();
	char path[80];

	snprintf(path, sizeof(path), "/api/v1/case-notes/%lld/addenda", id);
	json_object_object_add(extra, "addenda", json_object_new_string(path));
	pw_response_error_ex(ctx->res, 409, "note_locked",
	                     "A case note can be changed only within 24 hours of being made; add "
	                     "an addendum instead.",
	                     NULL, extra);
}

/*
 * Begins a transaction and locks note id for a write by the caller.
 * 0 with *st filled, or -1 with the response set and nothing open.
 */
static int begin_on_note(struct pw_ctx *ctx, long long id, struct pw_case_note_state *st)
{
	int rc = pw_db_begin(ctx->db);

	if (rc == PW_OK)
		rc = pw_case_note_lock(ctx->db, id, st);
	if (rc == PW_ERR_NOT_FOUND) {
		pw_db_rollback(ctx->db);
		api_not_found(ctx);
		return -1;
	}
	if (rc != PW_OK) {
		pw_db_rollback(ctx->db);
		pw_response_error_rc(ctx->res, rc);
		return -1;
	}
	if (authorize(ctx, st->participant_id, st->enrollment_id, PW_ACL_WRITE)) {
		pw_db_rollback(ctx->db);
		return -1;
	}
	return 0;
}

void api_case_notes_update(struct pw_ctx *ctx)
{
	long long id = ctx->ids[0], v = 0;
	struct pw_case_note_state st;
	struct note_input in;
	struct note_context nc;
	struct pw_actor who;
	json_object *details = NULL, *before = NULL, *after = NULL;
	int version = 0, rc;

	if (staff_only(ctx) || begin_on_note(ctx, id, &st))
		return;
	if (api_if_match(ctx, &version))
		goto refused;
	if (st.locked) {
		locked(ctx, id);
		goto refused;
	}
	if (version != st.version) {
		pw_response_error_rc(ctx->res, PW_ERR_STALE);
		goto refused;
	}
	details = pw_details_new();
	read_note(ctx, M_UPDATE, &in, details);
	memset(&nc, 0, sizeof(nc));
	nc.participant_id = st.participant_id;
	nc.enrollment_id = st.enrollment_id;
	nc.note_type = st.note_type;
	nc.addendum = st.addendum_of != 0;
	if (st.addendum_of) {
		struct pw_case_note_state parent;
		rc = pw_case_note_lock(ctx->db, st.addendum_of, &parent);
		if (rc != PW_OK) {
			pw_response_error_rc(ctx->res, rc);
			goto refused;
		}
		nc.parent_staff_only = parent.staff_only;
	}
	/* A change keeps the contact date check against the enrollment. */
	rc = check_note(ctx, &nc, &in, details);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		goto refused;
	}
	if (json_object_array_length(details)) {
		api_invalid(ctx, "Some fields need attention.", details);
		details = NULL;
		goto refused;
	}
	pw_gate_actor(ctx, &who);
	before = load(ctx, id, &v);
	rc = before ? pw_case_note_update(ctx->db, id, version, in.given, in.vals) : PW_ERR_DB;
	if (rc == PW_OK && in.docs_given)
		rc = pw_case_note_set_documents(ctx->db, id, in.doc_ids, in.ndocs);
	if (rc == PW_OK && !(after = load(ctx, id, &v)))
		rc = PW_ERR_DB;
	if (rc == PW_OK)
		rc = pw_audit_write(ctx->db, &who, "case_note", id, "update",
		                    api_json_text(ctx, before), api_json_text(ctx, after), NULL);
	rc = api_finish(ctx, rc);
	if (rc != PW_OK) {
		pw_response_reset(ctx->res);
		pw_response_error_rc(ctx->res, rc);
		goto out;
	}
	if (add_addenda(ctx, after, id) != PW_OK)
		json_object_object_add(after, "addenda", json_object_new_array());
	api_etag(ctx, v);
	pw_response_json(ctx->res, 200, after);
	after = NULL;
	goto out;
refused:
	pw_db_rollback(ctx->db);
out:
	json_object_put(details);
	json_object_put(before);
	json_object_put(after);
}

void api_case_notes_addendum(struct pw_ctx *ctx)
{
	long long id = ctx->ids[0];
	struct pw_case_note_state st;
	struct note_input in;
	struct note_context nc;
	struct pw_case_note_new nn;
	json_object *details;
	int rc;

	if (staff_only(ctx) || begin_on_note(ctx, id, &st))
		return;
	if (st.addendum_of) {
		char msg[160];
		snprintf(msg, sizeof(msg),
		         "This is an addendum; add the new addendum to note %lld instead.",
		         st.addendum_of);
		pw_db_rollback(ctx->db);
		pw_response_error(ctx->res, 409, "addendum_of_addendum", msg, NULL);
		return;
	}
	details = pw_details_new();
	read_note(ctx, M_ADDENDUM, &in, details);
	memset(&nc, 0, sizeof(nc));
	nc.participant_id = st.participant_id;
	nc.enrollment_id = st.enrollment_id;
	nc.note_type = st.note_type;
	nc.parent_staff_only = st.staff_only;
	nc.new_note = 1;
	nc.addendum = 1;
	rc = check_note(ctx, &nc, &in, details);
	if (rc != PW_OK || json_object_array_length(details)) {
		pw_db_rollback(ctx->db);
		if (rc != PW_OK) {
			json_object_put(details);
			pw_response_error_rc(ctx->res, rc);
		} else {
			api_invalid(ctx, "Some fields need attention.", details);
		}
		return;
	}
	json_object_put(details);
	if (!in.given[CNF_SUBJECT])
		in.vals[CNF_SUBJECT] = PW_P_TEXT("Addendum");
	if (!in.given[CNF_VISIBILITY])
		in.vals[CNF_VISIBILITY] = PW_P_TEXT(st.staff_only ? "staff" : "participant");
	memset(&nn, 0, sizeof(nn));
	nn.participant_id = st.participant_id;
	nn.enrollment_id = st.enrollment_id;
	nn.addendum_of = id;
	nn.note_type = st.note_type;
	nn.author_user_id = ctx->session->principal.user_id;
	nn.author = author_of(ctx);
	insert_and_answer(ctx, &nn, &in);
}
