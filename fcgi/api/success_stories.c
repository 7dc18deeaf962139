/*
 * api/success_stories.c: success stories told by or about a participant
 * (issue 5, "Success stories"; workNet and ISETS "Success Stories"; R-ACL-1,
 * R-DATE-4).
 *
 *   GET    /api/v1/participants/{id}/success-stories   list, paged and sortable
 *   POST   /api/v1/participants/{id}/success-stories   tell one
 *   GET    /api/v1/success-stories/{id}                one story
 *   PATCH  /api/v1/success-stories/{id}                change it (If-Match)
 *   DELETE /api/v1/success-stories/{id}                remove it (If-Match)
 *
 * A story has a title, the story, who submitted it (staff or the
 * participant), its date (not in the future) and whether the participant
 * consents to sharing it; it may name one of the participant's enrollments.
 * The list sorts as the sheets' column headers do: ?sort=date|title
 * (default date) and ?order=asc|desc (default desc for dates, asc for
 * titles), paged with a keyset cursor over the sort key and the id.
 *
 * Access (R-ACL-1): staff read with read access to the participant and
 * write with write access. A customer reads their own participant's
 * stories and, beyond the read-only rest of their record, may tell their
 * own story (submitted_by "participant") and change or remove the stories
 * their account submitted; anything else is 403, and other people's
 * records 404. Every write is audited in its transaction (R-ACL-3).
 */
#include "api/api.h"

#include "api/common.h"
#include "api/outcomes.h"
#include "api/record.h"
#include "db.h"
#include "json_io.h"
#include "pw.h"
#include "rules/acl.h"
#include "store/outcome.h"
#include "store/session.h"
#include "store/story.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TITLE_MAX 255
/* The story column is TEXT (65535 bytes): 10000 characters always fit. */
#define STORY_MAX 10000

static const struct api_col cols[ST_COUNT] = {
        [ST_ID] = {"id", API_INT},
        [ST_PARTICIPANT_ID] = {"participant_id", API_INT},
        [ST_ENROLLMENT_ID] = {"enrollment_id", API_INT},
        [ST_TITLE] = {"title", API_STR},
        [ST_STORY] = {"story", API_STR},
        [ST_SUBMITTED_BY] = {"submitted_by", API_STR},
        [ST_SUBMITTED_BY_USER_ID] = {"submitted_by_user_id", API_INT},
        [ST_SUBMITTED_BY_NAME] = {"submitted_by_name", API_STR},
        [ST_STORY_DATE] = {"story_date", API_STR},
        [ST_CONSENT] = {"consent_to_share", API_BOOL},
        [ST_VERSION] = {"version", API_INT},
        [ST_CREATED_AT] = {"created_at", API_STR},
        [ST_UPDATED_AT] = {"updated_at", API_STR},
};

static const char *const fields_allowed[] = {
        "title", "story", "submitted_by", "story_date", "consent_to_share", "enrollment_id",
};

static const char *const submitters[] = {"staff", "participant"};

/* 1 when the signed-in user is the customer account of participant pid. */
static int own_customer(const struct pw_ctx *ctx, long long pid)
{
	const struct pw_principal *p = &ctx->session->principal;

	return p->role == PW_ROLE_CUSTOMER && p->participant_id == pid;
}

/* 1 when s holds a control character (the list cursor keeps titles, and a
 * title is one line). */
static int has_control(const char *s)
{
	for (; s && *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 1;
	return 0;
}

/*
 * Reads the body over f (the stored story, or the defaults on create) and
 * checks it: title, story and date required, the date not in the future
 * (R-DATE-4), a customer's story submitted by the participant (R-ACL-1),
 * the enrollment the participant's. Problems go to details; returns a
 * database error or PW_OK.
 */
static int read_fields(struct pw_ctx *ctx, long long pid, struct pw_story_fields *f,
                       json_object *details)
{
	struct pw_fields fl = {ctx->body, details};
	char d[PW_DATE_STRLEN], msg[64];
	int b = 0, found = 0, rc = PW_OK;

	outcomes_text(ctx, &fl, "title", TITLE_MAX, &f->title);
	outcomes_text(ctx, &fl, "story", STORY_MAX, &f->story);
	outcomes_code(ctx, &fl, "submitted_by", submitters, PW_ARRAY_LEN(submitters),
	              &f->submitted_by);
	outcomes_date(ctx, &fl, "story_date", &f->story_date);
	if (pw_field_bool(&fl, "consent_to_share", PW_FIELD_OPTIONAL, &b) == PW_OK)
		f->consent_to_share = b != 0;
	else if (outcomes_null(ctx, "consent_to_share"))
		f->consent_to_share = false;
	outcomes_id(ctx, &fl, "enrollment_id", &f->enrollment_id);
	pw_fields_reject_unknown(&fl, fields_allowed, PW_ARRAY_LEN(fields_allowed));
	if (pw_fields_errors(&fl))
		return PW_OK;
	if (!f->title)
		pw_details_add(details, "title", "is required", NULL);
	else if (has_control(f->title))
		pw_details_add(details, "title", "must be one line without control characters",
		               NULL);
	if (!f->story)
		pw_details_add(details, "story", "is required", NULL);
	if (!f->submitted_by)
		pw_details_add(details, "submitted_by", "is required", NULL);
	else if (own_customer(ctx, pid) && strcmp(f->submitted_by, "participant"))
		pw_details_add(details, "submitted_by",
		               "must be participant: a customer account tells its own story",
		               "R-ACL-1");
	if (!pw_date_is_valid(f->story_date)) {
		pw_details_add(details, "story_date", "is required", NULL);
	} else if (f->story_date > api_today()) {
		pw_date_format(f->story_date, d);
		snprintf(msg, sizeof(msg), "%s is in the future", d);
		pw_details_add(details, "story_date", msg, "R-DATE-4");
	}
	if (f->enrollment_id)
		rc = pw_outcome_enrollment_of(ctx->db, f->enrollment_id, pid, &found);
	if (rc == PW_OK && f->enrollment_id && !found)
		pw_details_add(details, "enrollment_id",
		               "must be an enrollment of this participant", NULL);
	return rc;
}

/* The list's order from ?sort= and ?order=; 0, or -1 with a 400. */
static int list_order(struct pw_ctx *ctx, enum pw_story_sort *sort, bool *desc)
{
	const char *s = pw_request_query(ctx->req, "sort");
	const char *o = pw_request_query(ctx->req, "order");
	json_object *details = pw_details_new();

	*sort = PW_STORY_BY_DATE;
	if (s && *s && !strcmp(s, "title"))
		*sort = PW_STORY_BY_TITLE;
	else if (s && *s && strcmp(s, "date"))
		pw_details_add(details, "sort", "must be date or title", NULL);
	/* Newest first, or titles from A. */
	*desc = *sort == PW_STORY_BY_DATE;
	if (o && *o && !strcmp(o, "asc"))
		*desc = false;
	else if (o && *o && !strcmp(o, "desc"))
		*desc = true;
	else if (o && *o)
		pw_details_add(details, "order", "must be asc or desc", NULL);
	if (json_object_array_length(details)) {
		pw_response_error(ctx->res, 400, "bad_query", "The list parameters are wrong.",
		                  details);
		return -1;
	}
	json_object_put(details);
	return 0;
}

/* ?limit= as every list reads it (1..500, default 50); 0, or -1 with a 400.
 * (api_page_params would also read the cursor, which here is another kind.) */
static int read_limit(struct pw_ctx *ctx, int *limit)
{
	const char *l = pw_request_query(ctx->req, "limit");
	char *end = NULL;
	long v;
	json_object *d;

	*limit = API_LIMIT_DEFAULT;
	if (!l || !*l)
		return 0;
	v = strtol(l, &end, 10);
	if (!*end && v >= 1 && v <= API_LIMIT_MAX) {
		*limit = (int)v;
		return 0;
	}
	d = pw_details_new();
	pw_details_add(d, "limit", "must be a whole number from 1 to 500", NULL);
	pw_response_error(ctx->res, 400, "bad_query", "The list parameters are wrong.", d);
	return -1;
}

void api_success_stories_list(struct pw_ctx *ctx)
{
	const char *cursor = pw_request_query(ctx->req, "cursor"), *parts[4] = {0};
	const char *after_key = NULL, *next = NULL;
	struct pw_db_rows *rows = NULL;
	json_object *items, *o;
	enum pw_story_sort sort;
	long long after_id = 0;
	bool desc;
	int limit, rc;
	char sort_code[2], order_code[2], id_text[24];

	if (api_authorize_participant(ctx, ctx->ids[0], PW_ACL_READ) ||
	    list_order(ctx, &sort, &desc))
		return;
	/* The cursor is this list's own: its order, the last key and id. */
	if (cursor && *cursor) {
		if (api_cursor_decode(ctx, cursor, parts, 4))
			return;
		after_id = strtoll(parts[3], NULL, 10);
		if (parts[0][0] != "dt"[sort] || parts[1][0] != "ad"[desc] || after_id < 1) {
			json_object *d = pw_details_new();
			pw_details_add(d, "cursor", "belongs to another order of this list", NULL);
			pw_response_error(ctx->res, 400, "bad_query",
			                  "The list parameters are wrong.", d);
			return;
		}
		after_key = parts[2];
	}
	if (read_limit(ctx, &limit))
		return;
	rc = pw_story_list(ctx->db, ctx->ids[0], sort, desc, after_key, after_id, limit, &rows);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	items = json_object_new_array();
	for (size_t r = 0; r < rows->nrows; r++)
		json_object_array_add(items, api_row_json(rows, r, cols, ST_COUNT));
	if (rows->nrows == (size_t)limit) {
		size_t last = rows->nrows - 1;
		const char *key = pw_db_cell(rows, last,
		                             sort == PW_STORY_BY_TITLE ? ST_TITLE : ST_STORY_DATE);
		sort_code[0] = "dt"[sort];
		order_code[0] = "ad"[desc];
		sort_code[1] = order_code[1] = '\0';
		snprintf(id_text, sizeof(id_text), "%lld", pw_db_cell_int(rows, last, ST_ID, 0));
		parts[0] = sort_code;
		parts[1] = order_code;
		parts[2] = key ? key : "";
		parts[3] = id_text;
		next = api_cursor_encode(ctx, parts, 4);
	}
	pw_db_rows_free(rows);
	o = json_object_new_object();
	json_object_object_add(o, "items", items);
	json_object_object_add(o, "next_cursor", next ? json_object_new_string(next) : NULL);
	pw_response_json(ctx->res, 200, o);
}

/* R-ACL-1 for a write on participant pid's stories: staff need write
 * access; a customer may write only under their own participant (and, for
 * an existing story, only one their account submitted: submitter is its
 * user id, or 0 on create). 0, or -1 with 403/404 in the response. */
static int may_write(struct pw_ctx *ctx, long long pid, int existing, long long submitter)
{
	if (!own_customer(ctx, pid))
		return api_authorize_participant(ctx, pid, PW_ACL_WRITE);
	if (existing && submitter != ctx->session->principal.user_id) {
		api_forbidden(ctx);
		return -1;
	}
	return 0;
}

/* One write's state: the record kind's arg (see api/record.h). */
struct edit {
	long long participant_id;
	struct pw_story_fields f;
};

static json_object *edit_json(const struct pw_db_rows *rows, size_t r, void *arg)
{
	(void)arg;
	return api_row_json(rows, r, cols, ST_COUNT);
}

/* A customer changes only the stories their account submitted. */
static int edit_authorize(struct pw_ctx *ctx, const struct pw_db_rows *rows, long long pid)
{
	return may_write(ctx, pid, 1, pw_db_cell_int(rows, 0, ST_SUBMITTED_BY_USER_ID, 0));
}

static int edit_prepare(struct pw_ctx *ctx, long long pid, const struct pw_db_rows *rows, void *arg)
{
	struct edit *w = arg;

	(void)ctx;
	w->participant_id = pid;
	return pw_story_fields_from_row(rows, 0, &w->f);
}

static int edit_check_update(struct pw_ctx *ctx, void *arg)
{
	struct edit *w = arg;
	json_object *details = pw_details_new();
	int rc = read_fields(ctx, w->participant_id, &w->f, details);

	if (rc != PW_OK) {
		json_object_put(details);
		pw_response_error_rc(ctx->res, rc);
		return -1;
	}
	return outcomes_refuse(ctx, details);
}

/* The story is recorded as submitted by the signed-in account. */
static int edit_insert(struct pw_ctx *ctx, long long participant_id, void *arg, long long *id)
{
	const struct edit *w = arg;

	return pw_story_insert(ctx->db, participant_id, &w->f, ctx->session->principal.user_id, id);
}

static int edit_update(struct pw_ctx *ctx, long long id, int version, void *arg)
{
	const struct edit *w = arg;

	return pw_story_update(ctx->db, id, version, &w->f);
}

static const struct record_kind kind = {
        .entity = "success_story",
        .location = "/api/v1/success-stories/",
        .get = pw_story_get,
        .version_col = ST_VERSION,
        .json = edit_json,
        .parent = RECORD_UNDER_PARTICIPANT,
        .parent_col = ST_PARTICIPANT_ID,
        .authorize = edit_authorize,
        .prepare = edit_prepare,
        .check_update = edit_check_update,
        .insert = edit_insert,
        .update = edit_update,
        .remove = pw_story_delete,
};

void api_success_stories_get(struct pw_ctx *ctx)
{
	struct pw_db_rows *rows = NULL;

	if (record_load(ctx, &kind, ctx->ids[0], &rows))
		return;
	if (api_authorize_participant(ctx, pw_db_cell_int(rows, 0, ST_PARTICIPANT_ID, 0),
	                              PW_ACL_READ) == 0) {
		api_etag(ctx, pw_db_cell_int(rows, 0, ST_VERSION, 0));
		pw_response_json(ctx->res, 200, api_row_json(rows, 0, cols, ST_COUNT));
	}
	pw_db_rows_free(rows);
}

/* POST: the story is checked before the transaction, which only writes. */
void api_success_stories_create(struct pw_ctx *ctx)
{
	struct edit w = {.participant_id = ctx->ids[0]};
	json_object *details;
	int rc;

	if (may_write(ctx, w.participant_id, 0, 0))
		return;
	w.f.story_date = PW_DATE_NONE;
	w.f.submitted_by = own_customer(ctx, w.participant_id) ? "participant" : "staff";
	details = pw_details_new();
	rc = read_fields(ctx, w.participant_id, &w.f, details);
	if (rc != PW_OK) {
		json_object_put(details);
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	if (outcomes_refuse(ctx, details))
		return;
	record_create(ctx, &kind, w.participant_id, &w);
}

/* PATCH answers 200 with the story, DELETE 204 (api/record.h); a customer
 * only on the stories their account submitted (edit_authorize). */
void api_success_stories_update(struct pw_ctx *ctx)
{
	struct edit w = {0};

	record_change(ctx, &kind, 0, &w);
}

void api_success_stories_delete(struct pw_ctx *ctx)
{
	struct edit w = {0};

	record_change(ctx, &kind, 1, &w);
}
