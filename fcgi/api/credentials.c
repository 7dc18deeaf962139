/*
 * api/credentials.c: credentials earned under an enrollment (issue 5,
 * "Credentials"; R-CRED-1, R-DATE-4).
 *
 *   GET    /api/v1/enrollments/{id}/credentials   list, paged
 *   POST   /api/v1/enrollments/{id}/credentials   record one
 *   GET    /api/v1/credentials/{id}               one credential
 *   PATCH  /api/v1/credentials/{id}               change it (If-Match)
 *   DELETE /api/v1/credentials/{id}               remove it (If-Match)
 *
 * The form is the workNet credential form with CalJOBS' additions: title,
 * type (the PIRL list), other-credential text, source, institution, date
 * attained, the service it was earned in (which must be a service of the
 * same enrollment), experience in the field, agency code (required where the
 * enrollment's region says so: regions.requires_agency_code, Los Angeles
 * County in the demo) and the verification document, which must be one of
 * the participant's documents. rules/credential.c checks the rules; this
 * file loads the enrollment facts under a shared lock so an exit cannot move
 * the window while a credential is being written against it.
 *
 * Every answer shows the enrollment's last allowed date ("Maximum date to
 * record after exit", one year after the exit date; null while enrolled),
 * and so does a refusal, beside the error. Credentials stay open after the
 * exit (R-SVC-4). Reads need read access to the enrollment, writes write
 * access (R-ACL-1); every write is audited in its transaction (R-ACL-3).
 */
#include "api/api.h"

#include "api/common.h"
#include "api/outcomes.h"
#include "api/record.h"
#include "db.h"
#include "json_io.h"
#include "pw.h"
#include "rules/acl.h"
#include "rules/credential.h"
#include "store/credential.h"
#include "store/outcome.h"

#include <string.h>

/* The columns' sizes in migration 0011, where they are below the rules'. */
#define AGENCY_CODE_MAX 32

static const struct api_col cols[CR_COUNT] = {
        [CR_ID] = {"id", API_INT},
        [CR_ENROLLMENT_ID] = {"enrollment_id", API_INT},
        [CR_TITLE] = {"title", API_STR},
        [CR_TYPE] = {"type", API_STR},
        [CR_OTHER_TEXT] = {"other_credential", API_STR},
        [CR_SOURCE] = {"source", API_STR},
        [CR_INSTITUTION] = {"institution", API_STR},
        [CR_DATE_ATTAINED] = {"date_attained", API_STR},
        [CR_SERVICE_ID] = {"service_id", API_INT},
        [CR_SERVICE_NAME] = {"service_name", API_STR},
        [CR_EXPERIENCE_IN_FIELD] = {"experience_in_field", API_STR},
        [CR_AGENCY_CODE] = {"agency_code", API_STR},
        [CR_DOCUMENT_ID] = {"document_id", API_INT},
        [CR_VERSION] = {"version", API_INT},
        [CR_CREATED_AT] = {"created_at", API_STR},
        [CR_UPDATED_AT] = {"updated_at", API_STR},
};

static const char *const fields_allowed[] = {
        "title",         "type",       "other_credential",    "source",      "institution",
        "date_attained", "service_id", "experience_in_field", "agency_code", "document_id",
};

static const char *const answers[] = {"yes", "no"};

/* The codes of the rules' credential types and sources, in list order. */
struct code_lists {
	const char *types[PW_CRED_GRADUATE];
	size_t ntypes;
	const char *sources[PW_CRED_SOURCE_TRANSCRIPT];
	size_t nsources;
};

static void code_lists(struct code_lists *c)
{
	c->ntypes = c->nsources = 0;
	for (int t = PW_CRED_SECONDARY_DIPLOMA; t <= PW_CRED_GRADUATE; t++)
		c->types[c->ntypes++] = pw_credential_type_code((enum pw_credential_type)t);
	for (int s = PW_CRED_SOURCE_CREDENTIAL; s <= PW_CRED_SOURCE_TRANSCRIPT; s++)
		c->sources[c->nsources++] = pw_credential_source_code((enum pw_credential_source)s);
}

/* The last allowed date of an enrollment that exited on exit_date, as JSON
 * (null while it has not exited); a new object or NULL. */
static json_object *last_allowed_json(pw_date exit_date)
{
	pw_date last = pw_credential_last_allowed(exit_date);
	char d[PW_DATE_STRLEN];

	if (!pw_date_is_valid(last))
		return NULL;
	pw_date_format(last, d);
	return json_object_new_string(d);
}

/* Row r as the API shows it, with the labels and the window; a new object. */
static json_object *credential_json(const struct pw_db_rows *rows, size_t r, pw_date exit_date)
{
	json_object *o = api_row_json(rows, r, cols, CR_COUNT);
	enum pw_credential_type t;
	enum pw_credential_source s;

	if (pw_credential_type_from_code(pw_db_cell(rows, r, CR_TYPE), &t) == PW_OK)
		json_object_object_add(o, "type_label",
		                       json_object_new_string(pw_credential_type_label(t)));
	if (pw_credential_source_from_code(pw_db_cell(rows, r, CR_SOURCE), &s) == PW_OK)
		json_object_object_add(o, "source_label",
		                       json_object_new_string(pw_credential_source_label(s)));
	/* R-CRED-1: "Maximum date to record after exit". */
	json_object_object_add(o, "last_allowed_date", last_allowed_json(exit_date));
	return o;
}

/* Reads the body over f (the stored state, or none on create). Field
 * problems go to details; the rules check presence and meaning later. */
static void read_fields(struct pw_ctx *ctx, struct pw_credential_fields *f, json_object *details)
{
	struct pw_fields fl = {ctx->body, details};
	struct code_lists c;

	code_lists(&c);
	outcomes_text(ctx, &fl, "title", PW_CREDENTIAL_TEXT_MAX, &f->title);
	outcomes_code(ctx, &fl, "type", c.types, c.ntypes, &f->type);
	outcomes_text(ctx, &fl, "other_credential", PW_CREDENTIAL_TEXT_MAX, &f->other_text);
	outcomes_code(ctx, &fl, "source", c.sources, c.nsources, &f->source);
	outcomes_text(ctx, &fl, "institution", PW_CREDENTIAL_TEXT_MAX, &f->institution);
	outcomes_date(ctx, &fl, "date_attained", &f->date_attained);
	outcomes_id(ctx, &fl, "service_id", &f->service_id);
	outcomes_code(ctx, &fl, "experience_in_field", answers, PW_ARRAY_LEN(answers),
	              &f->experience_in_field);
	outcomes_text(ctx, &fl, "agency_code", AGENCY_CODE_MAX, &f->agency_code);
	outcomes_id(ctx, &fl, "document_id", &f->document_id);
	pw_fields_reject_unknown(&fl, fields_allowed, PW_ARRAY_LEN(fields_allowed));
	/* Every field of the form is governed by R-CRED-1. */
	outcomes_name_rule(details, "R-CRED-1", fields_allowed, PW_ARRAY_LEN(fields_allowed));
}

/*
 * Checks f against its enrollment (facts loaded under a shared lock inside
 * the write's transaction): the linked service, the document, then the
 * rules of R-CRED-1 and R-DATE-4. before is the stored state on an update
 * (a reference that did not change is not checked again), NULL on create.
 * Returns 0 when the write may go ahead; otherwise -1 with the response
 * filled (422 carries last_allowed_date beside the error).
 */
static int check(struct pw_ctx *ctx, const struct pw_outcome_facts *e,
                 const struct pw_credential_fields *before, const struct pw_credential_fields *f)
{
	struct pw_credential c = {0};
	struct pw_credential_context cx = {0};
	struct pw_violations v;
	json_object *details = pw_details_new(), *extra;
	char status[32];
	long long service_enrollment = 0;
	int rc = PW_OK;

	cx.participation_date = e->participation_date;
	cx.exit_date = e->exit_date;
	cx.as_of = api_today();
	cx.agency_code_required = e->requires_agency_code; /* R-CRED-1 (profile) */
	cx.service_link = PW_CRED_LINK_NONE;
	if (f->service_id) {
		rc = pw_credential_service(ctx->db, f->service_id, &service_enrollment, status,
		                           sizeof(status));
		if (rc == PW_ERR_NOT_FOUND) {
			pw_details_add(details, "service_id", "is not a service", "R-CRED-1");
			rc = PW_OK;
		} else if (rc == PW_OK) {
			cx.service_link = service_enrollment == e->enrollment_id
			                          ? PW_CRED_LINK_SAME_ENROLLMENT
			                          : PW_CRED_LINK_OTHER_ENROLLMENT;
			/* A deleted service never took place: nothing was earned in it. */
			if (service_enrollment == e->enrollment_id && !strcmp(status, "deleted") &&
			    (!before || before->service_id != f->service_id))
				pw_details_add(details, "service_id", "is a deleted service",
				               "R-CRED-1");
		}
	}
	if (rc == PW_OK && f->document_id && (!before || before->document_id != f->document_id))
		rc = outcomes_check_document(ctx, f->document_id, e->participant_id, "document_id",
		                             "R-CRED-1", details);
	if (rc != PW_OK) {
		json_object_put(details);
		pw_response_error_rc(ctx->res, rc);
		return -1;
	}

	c.title = f->title;
	c.institution = f->institution;
	c.other_credential = f->other_text;
	c.agency_code = f->agency_code;
	c.date_attained = f->date_attained;
	if (f->type)
		pw_credential_type_from_code(f->type, &c.type);
	if (f->source)
		pw_credential_source_from_code(f->source, &c.source);
	if (f->experience_in_field)
		pw_education_answer_from_code(f->experience_in_field, &c.experience_in_field);
	pw_violations_init(&v);
	pw_credential_validate(&c, &cx, NULL, &v);
	pw_details_add_violations(details, &v);
	if (!json_object_array_length(details)) {
		json_object_put(details);
		return 0;
	}
	extra = json_object_new_object();
	json_object_object_add(extra, "last_allowed_date", last_allowed_json(e->exit_date));
	pw_response_error_ex(ctx->res, 422, "validation_failed", "Some fields need attention.",
	                     details, extra);
	return -1;
}

/* One write's state: the record kind's arg (see api/record.h). */
struct edit {
	struct pw_outcome_facts e; /* read under a shared lock */
	struct pw_credential_fields before, f;
};

static json_object *edit_json(const struct pw_db_rows *rows, size_t r, void *arg)
{
	const struct edit *w = arg;

	return credential_json(rows, r, w->e.exit_date);
}

static int edit_prepare(struct pw_ctx *ctx, long long eid, const struct pw_db_rows *rows, void *arg)
{
	struct edit *w = arg;
	int rc = pw_outcome_enrollment_facts(ctx->db, ctx->arena, eid, true, &w->e);

	return rc == PW_OK ? pw_credential_fields_from_row(rows, 0, &w->before) : rc;
}

static int edit_check_create(struct pw_ctx *ctx, long long eid, void *arg)
{
	struct edit *w = arg;
	int rc = pw_outcome_enrollment_facts(ctx->db, ctx->arena, eid, true, &w->e);

	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return -1;
	}
	return check(ctx, &w->e, NULL, &w->f);
}

static int edit_check_update(struct pw_ctx *ctx, void *arg)
{
	struct edit *w = arg;
	json_object *details = pw_details_new();

	w->f = w->before;
	read_fields(ctx, &w->f, details);
	if (outcomes_refuse(ctx, details))
		return -1;
	return check(ctx, &w->e, &w->before, &w->f);
}

static int edit_insert(struct pw_ctx *ctx, long long enrollment_id, void *arg, long long *id)
{
	const struct edit *w = arg;

	return pw_credential_insert(ctx->db, enrollment_id, &w->f, id);
}

static int edit_update(struct pw_ctx *ctx, long long id, int version, void *arg)
{
	const struct edit *w = arg;

	return pw_credential_update(ctx->db, id, version, &w->f);
}

static const struct record_kind kind = {
        .entity = "credential",
        .location = "/api/v1/credentials/",
        .get = pw_credential_get,
        .version_col = CR_VERSION,
        .json = edit_json,
        .parent = RECORD_UNDER_ENROLLMENT,
        .parent_col = CR_ENROLLMENT_ID,
        .prepare = edit_prepare,
        .check_create = edit_check_create,
        .check_update = edit_check_update,
        .insert = edit_insert,
        .update = edit_update,
        .remove = pw_credential_delete,
};

void api_credentials_list(struct pw_ctx *ctx)
{
	struct pw_outcome_facts e;
	struct pw_db_rows *rows = NULL;
	json_object *items;
	long long after = 0, last = 0;
	int limit, rc;

	if (api_authorize_enrollment(ctx, ctx->ids[0], PW_ACL_READ, NULL) ||
	    api_page_params(ctx, &limit, &after))
		return;
	rc = pw_outcome_enrollment_facts(ctx->db, ctx->arena, ctx->ids[0], false, &e);
	if (rc == PW_OK)
		rc = pw_credential_list(ctx->db, ctx->ids[0], after, limit, &rows);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	items = json_object_new_array();
	for (size_t r = 0; r < rows->nrows; r++) {
		json_object_array_add(items, credential_json(rows, r, e.exit_date));
		last = pw_db_cell_int(rows, r, CR_ID, 0);
	}
	pw_db_rows_free(rows);
	api_page_answer(ctx, items, limit, last);
}

void api_credentials_get(struct pw_ctx *ctx)
{
	struct pw_outcome_facts e;
	struct pw_db_rows *rows = NULL;
	long long eid;
	int rc;

	if (record_load(ctx, &kind, ctx->ids[0], &rows))
		return;
	eid = pw_db_cell_int(rows, 0, CR_ENROLLMENT_ID, 0);
	if (api_authorize_enrollment(ctx, eid, PW_ACL_READ, NULL))
		goto out;
	rc = pw_outcome_enrollment_facts(ctx->db, ctx->arena, eid, false, &e);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		goto out;
	}
	api_etag(ctx, pw_db_cell_int(rows, 0, CR_VERSION, 0));
	pw_response_json(ctx->res, 200, credential_json(rows, 0, e.exit_date));
out:
	pw_db_rows_free(rows);
}

/* POST: the fields are read before the transaction; the enrollment facts
 * and the rules are checked inside it (edit_check_create). */
void api_credentials_create(struct pw_ctx *ctx)
{
	struct edit w = {.f.date_attained = PW_DATE_NONE};
	json_object *details;

	if (api_authorize_enrollment(ctx, ctx->ids[0], PW_ACL_WRITE, NULL))
		return;
	details = pw_details_new();
	read_fields(ctx, &w.f, details);
	if (outcomes_refuse(ctx, details))
		return;
	record_create(ctx, &kind, ctx->ids[0], &w);
}

/* PATCH answers 200 with the record, DELETE 204 (api/record.h). */
void api_credentials_update(struct pw_ctx *ctx)
{
	struct edit w = {0};

	record_change(ctx, &kind, 0, &w);
}

void api_credentials_delete(struct pw_ctx *ctx)
{
	struct edit w = {0};

	record_change(ctx, &kind, 1, &w);
}
