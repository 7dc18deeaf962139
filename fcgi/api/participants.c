/*
 * api/participants.c: the people served (issue 4, "Participants").
 *
 *   GET   /api/v1/participants            search: q (name prefix: "Ell", "Billy Ell",
 *                                         "Elliott Bil"), dob, ssn_last4, state_id,
 *                                         provider_id, case_manager_id, program_id,
 *                                         status; sort=name|-name|dob|-dob; keyset
 *                                         pages; a total capped at 10,000 (issue 7)
 *   POST  /api/v1/participants            create; with "enrollment" also the first
 *                                         enrollment, in the same transaction
 *   GET   /api/v1/participants/{id}       one, with the enrollments the caller may see
 *   PATCH /api/v1/participants/{id}       change fields (If-Match)
 *
 * A participant is visible to the staff of the locations they are enrolled
 * at, to statewide users, and (read-only) to their own customer account
 * (R-ACL-1); the search filters by scope in SQL. Only the last four digits
 * of an SSN are ever accepted. The enrollment filters of a staff caller
 * (program, status, provider, case manager) look only at enrollments at
 * the caller's locations, so they never reveal what another provider's
 * enrollment holds. A possible duplicate (same first and last
 * name, date of birth and last four) is refused with 409 and the existing
 * id unless the request says "confirm_duplicate": true. Participants are
 * never deleted: their records are evidence.
 */
#include "api/api.h"

#include "api/common.h"
#include "api/enrollment_json.h"
#include "db.h"
#include "gate.h"
#include "json_io.h"
#include "pw.h"
#include "rules/education.h"
#include "rules/employment.h"
#include "rules/exit.h"
#include "store/audit.h"
#include "store/enrollment.h"
#include "store/participant.h"
#include "store/session.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum ftype { F_TEXT, F_DATE, F_EMAIL, F_PHONE, F_STATE, F_ZIP, F_SSN4, F_SCHOOL, F_EDU, F_EMPST };

struct field {
	const char *name;
	enum ftype type;
	size_t max;
	int required;
};

/* In enum pw_participant_field order. */
static const struct field fields[PF_COUNT] = {
	[PF_FIRST_NAME] = {"first_name", F_TEXT, 100, 1},
	[PF_MIDDLE_NAME] = {"middle_name", F_TEXT, 100, 0},
	[PF_LAST_NAME] = {"last_name", F_TEXT, 100, 1},
	[PF_DATE_OF_BIRTH] = {"date_of_birth", F_DATE, 0, 1},
	[PF_EMAIL] = {"email", F_EMAIL, 254, 0},
	[PF_PHONE] = {"phone", F_PHONE, 32, 0},
	[PF_ADDRESS_LINE1] = {"address_line1", F_TEXT, 190, 0},
	[PF_ADDRESS_LINE2] = {"address_line2", F_TEXT, 190, 0},
	[PF_CITY] = {"city", F_TEXT, 100, 0},
	[PF_STATE] = {"state", F_STATE, 2, 0},
	[PF_ZIP] = {"zip", F_ZIP, 10, 0},
	[PF_SSN_LAST4] = {"ssn_last4", F_SSN4, 4, 0},
	[PF_STATE_ID] = {"state_id", F_TEXT, 32, 0},
	[PF_INDIVIDUAL_NUMBER] = {"individual_number", F_TEXT, 32, 0},
	[PF_USERNAME] = {"username", F_TEXT, 64, 0},
	[PF_SCHOOL_STATUS] = {"school_status", F_SCHOOL, 40, 0},
	[PF_HIGHEST_EDUCATION] = {"highest_education", F_EDU, 40, 0},
	[PF_EMPLOYMENT_STATUS_AT_ENTRY] = {"employment_status_at_entry", F_EMPST, 40, 0},
	[PF_REDETERMINATION_DATE] = {"redetermination_date", F_DATE, 0, 0},
};

/* PIRL 400, employment status at program entry. */
static const char *const employment_statuses[] = {"employed", "employed_notice_of_termination",
						  "not_in_labor_force", "unemployed"};

static struct api_col cols[PF_COUNT + 4];

static const struct api_col *participant_cols(void)
{
	if (!cols[0].name) {
		cols[0] = (struct api_col){"id", API_INT};
		for (size_t i = 0; i < PF_COUNT; i++)
			cols[i + 1] = (struct api_col){fields[i].name, API_STR};
		cols[PF_COUNT + 1] = (struct api_col){"version", API_INT};
		cols[PF_COUNT + 2] = (struct api_col){"created_at", API_STR};
		cols[PF_COUNT + 3] = (struct api_col){"updated_at", API_STR};
	}
	return cols;
}

/* Checks one present string value of field f; adds a detail when wrong. */
static void check_value(const struct field *f, const char *v, pw_date today, json_object *details)
{
	pw_date d;
	size_t n = strlen(v);

	switch (f->type) {
	case F_TEXT:
		return;
	case F_DATE:
		/* (the reader already parsed it) */
		return;
	case F_EMAIL:
		if (!strchr(v, '@') || strchr(v, ' '))
			pw_details_add(details, f->name, "must be an email address", NULL);
		return;
	case F_PHONE:
		for (size_t i = 0; i < n; i++)
			if (!isdigit((unsigned char)v[i]) && !strchr("+-() .", v[i])) {
				pw_details_add(details, f->name,
					       "may hold only digits, spaces and + - ( ) .", NULL);
				return;
			}
		return;
	case F_STATE:
		if (!pw_employment_state_valid(v))
			pw_details_add(details, f->name, "must be a US state code such as IL",
				       NULL);
		return;
	case F_ZIP:
		if (!pw_employment_zip_valid(v))
			pw_details_add(details, f->name, "must be a ZIP code: 12345 or 12345-6789",
				       NULL);
		return;
	case F_SSN4:
		if (n != 4 || strspn(v, "0123456789") != 4)
			pw_details_add(details, f->name,
				       "must be exactly the last four digits of the SSN, never more",
				       NULL);
		return;
	case F_SCHOOL: {
		enum pw_exit_school_status s;
		if (pw_exit_school_status_from_code(v, &s) != PW_OK)
			pw_details_add(details, f->name, "is not a known school status", NULL);
		return;
	}
	case F_EDU: {
		enum pw_education_level e;
		if (pw_education_level_from_code(v, &e) != PW_OK)
			pw_details_add(details, f->name, "is not a known education level", NULL);
		return;
	}
	case F_EMPST:
		for (size_t i = 0; i < PW_ARRAY_LEN(employment_statuses); i++)
			if (!strcmp(v, employment_statuses[i]))
				return;
		pw_details_add(details, f->name,
			       "must be one of: employed, employed_notice_of_termination, "
			       "not_in_labor_force, unemployed",
			       NULL);
		return;
	}
	(void)d;
	(void)today;
}

/*
 * Reads the participant fields of the body into vals/given (strings borrowed
 * from the body). For create, required fields must be present. Returns the
 * error count.
 */
static size_t read_fields(struct pw_ctx *ctx, json_object *obj, int create,
			  struct pw_db_param *vals, int *given, json_object *details)
{
	struct pw_fields f = {obj, details};
	pw_date today = api_today();

	for (size_t i = 0; i < PF_COUNT; i++) {
		const struct field *fd = &fields[i];
		int flags = create && fd->required ? PW_FIELD_REQUIRED : PW_FIELD_OPTIONAL;
		const char *s = NULL;
		int rc;

		if (fd->type == F_DATE) {
			pw_date d;
			rc = pw_field_date(&f, fd->name, flags, &d);
			if (rc == PW_OK) {
				char *buf = pw_arena_alloc(ctx->arena, PW_DATE_STRLEN);
				/* R-DATE-4: the redetermination date is a planned
				 * one (when benefits are next reviewed), so it
				 * may lie ahead; the others are facts. */
				if (d > today && i != PF_REDETERMINATION_DATE)
					pw_details_add(details, fd->name, "must not be in the future",
						       "R-DATE-4");
				else if (i == PF_DATE_OF_BIRTH &&
					 d < pw_date_from_ymd(1900, 1, 1))
					pw_details_add(details, fd->name, "must be after 1900", NULL);
				if (buf)
					pw_date_format(d, buf);
				s = buf;
			}
		} else {
			rc = pw_field_string(&f, fd->name, flags, fd->max, &s);
			if (rc == PW_OK)
				check_value(fd, s, today, details);
		}
		/* An explicit null (or "") clears an optional field on update. */
		if (rc == PW_ERR_NOT_FOUND && !create &&
		    json_object_object_get_ex(obj, fd->name, NULL)) {
			if (fd->required)
				pw_details_add(details, fd->name, "must not be empty", NULL);
			else
				rc = PW_OK;
		}
		given[i] = rc == PW_OK;
		vals[i] = rc == PW_OK ? PW_P_TEXT(s) : PW_P_NULL;
	}
	return pw_fields_errors(&f);
}

/* The participant as JSON (NULL with the response set when absent). */
static json_object *load(struct pw_ctx *ctx, long long id, long long *version)
{
	struct pw_db_rows *rows = NULL;
	json_object *o = NULL;
	int rc = pw_participant_get(ctx->db, id, &rows);

	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return NULL;
	}
	if (rows->nrows == 1) {
		o = api_row_json(rows, 0, participant_cols(), PF_COUNT + 4);
		*version = pw_db_cell_int(rows, 0, PW_PARTICIPANT_VERSION_COL, 0);
	} else {
		api_not_found(ctx);
	}
	pw_db_rows_free(rows);
	return o;
}

/* Adds the enrollments the caller may see, and the profile box summary. */
static int add_enrollments(struct pw_ctx *ctx, long long id, json_object *o)
{
	struct pw_scope_filter scope;
	struct pw_db_rows *rows = NULL;
	json_object *list = json_object_new_array(), *providers = json_object_new_array();
	int rc;

	pw_scope_filter_of(&ctx->session->principal, &scope);
	rc = pw_enrollment_list(ctx->db, id, &scope, &rows);
	if (rc != PW_OK) {
		json_object_put(list);
		json_object_put(providers);
		return rc;
	}
	for (size_t r = 0; r < rows->nrows; r++) {
		const char *pv = pw_db_cell(rows, r, EC_PROVIDER_NAME);
		int seen = 0;
		json_object_array_add(list, api_enrollment_json(rows, r));
		for (size_t i = 0; i < json_object_array_length(providers); i++)
			seen |= !strcmp(json_object_get_string(
						json_object_array_get_idx(providers, i)),
					pv);
		if (!seen)
			json_object_array_add(providers, json_object_new_string(pv));
	}
	pw_db_rows_free(rows);
	json_object_object_add(o, "providers", providers);
	json_object_object_add(o, "enrollments", list);
	return PW_OK;
}

void api_participants_get(struct pw_ctx *ctx)
{
	long long version = 0;
	json_object *o;
	int rc;

	if (api_authorize_participant(ctx, ctx->ids[0], PW_ACL_READ))
		return;
	o = load(ctx, ctx->ids[0], &version);
	if (!o)
		return;
	rc = add_enrollments(ctx, ctx->ids[0], o);
	if (rc != PW_OK) {
		json_object_put(o);
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	api_etag(ctx, version);
	pw_response_json(ctx->res, 200, o);
}

/* Splits q into one or two name patterns. */
static void name_filter(struct pw_ctx *ctx, const char *q, struct pw_participant_search *s)
{
	char *copy, *second;

	while (*q == ' ')
		q++;
	if (!*q)
		return;
	copy = pw_arena_strdup(ctx->arena, q);
	if (!copy)
		return;
	second = strpbrk(copy, " ,");
	if (second) {
		*second++ = '\0';
		while (*second == ' ' || *second == ',')
			second++;
		second[strcspn(second, " ,")] = '\0';
	}
	if (second && *second) {
		s->first_pat = api_like_prefix(ctx, copy);
		s->last_pat = api_like_prefix(ctx, second);
	} else {
		s->name1 = api_like_prefix(ctx, copy);
	}
}

/* The sorts, in enum pw_participant_sort order, as ?sort= spells them
 * and as a cursor records them. */
static const char *const sort_names[PW_PSORT_COUNT] = {"name", "-name", "dob", "-dob"};

/* enrollments.status (migration 0006). */
static const char *const enrollment_statuses[] = {"referred", "enrolled", "exited",
						  "not_enrolled"};

/* The count stops here: "of more than 10,000" is as useful as the exact
 * figure, and counting further would cost more than the page. */
#define COUNT_CAP 10000
#define ID_MAX (1LL << 53)

/* ?name= as an id (0 when absent); a detail and 0 when it is not one. */
static long long query_id(struct pw_ctx *ctx, const char *name, json_object *details)
{
	const char *v = pw_request_query(ctx->req, name);
	char *end = NULL;
	long long n;

	if (!v || !*v)
		return 0;
	n = strtoll(v, &end, 10);
	if (*end || n < 1 || n >= ID_MAX || !isdigit((unsigned char)*v)) {
		pw_details_add(details, name, "must be a whole number id", NULL);
		return 0;
	}
	return n;
}

/* The index of v in names[0..n), or -1. */
static int lookup(const char *const *names, size_t n, const char *v)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(names[i], v))
			return (int)i;
	return -1;
}

/* The 400 for a cursor this list cannot continue from. */
static void bad_cursor(struct pw_ctx *ctx, const char *problem)
{
	json_object *d = pw_details_new();

	pw_details_add(d, "cursor", problem, NULL);
	pw_response_error(ctx->res, 400, "bad_query", "The search parameters are wrong.", d);
}

/*
 * Reads a cursor into s (strings in the arena). A cursor holds its sort
 * and that sort's keys: (sort, last name, first name, id) or (sort, date
 * of birth, "", id). One from another sort is refused: its keys mean
 * nothing in this order. Returns 0, or -1 with a 400 in the response.
 */
static int read_cursor(struct pw_ctx *ctx, const char *cursor, struct pw_participant_search *s)
{
	const char *parts[4];
	char *end = NULL;
	pw_date d;

	if (api_cursor_decode(ctx, cursor, parts, 4))
		return -1;
	if (strcmp(parts[0], sort_names[s->sort])) {
		bad_cursor(ctx, "belongs to another sort order: start again from the first page");
		return -1;
	}
	s->after_id = strtoll(parts[3], &end, 10);
	if (*end || s->after_id < 1 || !*parts[1]) {
		bad_cursor(ctx, "is not a cursor this list gave out");
		return -1;
	}
	if (s->sort == PW_PSORT_DOB || s->sort == PW_PSORT_DOB_DESC) {
		if (pw_date_parse(parts[1], strlen(parts[1]), &d) != PW_OK) {
			bad_cursor(ctx, "is not a cursor this list gave out");
			return -1;
		}
		s->after_dob = parts[1];
	} else {
		s->after_last = parts[1];
		s->after_first = parts[2];
	}
	return 0;
}

/* The cursor after row r of rows (the get columns), in s's sort. */
static const char *cursor_after(struct pw_ctx *ctx, const struct pw_participant_search *s,
				const struct pw_db_rows *rows, size_t r)
{
	int by_name = s->sort == PW_PSORT_NAME || s->sort == PW_PSORT_NAME_DESC;
	const char *parts[4] = {
		sort_names[s->sort],
		pw_db_cell(rows, r, 1 + (by_name ? PF_LAST_NAME : PF_DATE_OF_BIRTH)),
		by_name ? pw_db_cell(rows, r, 1 + PF_FIRST_NAME) : "",
		pw_db_cell(rows, r, 0),
	};

	return api_cursor_encode(ctx, parts, 4);
}

/*
 * GET /participants: reads and checks every parameter first (all problems
 * in one 400), then the page, then (on the first page, or with
 * count=true) the capped count of the same search.
 */
void api_participants_list(struct pw_ctx *ctx)
{
	struct pw_participant_search s;
	struct pw_scope_filter scope;
	struct pw_db_rows *rows = NULL;
	json_object *items, *details = pw_details_new(), *o;
	const char *v, *cursor = pw_request_query(ctx->req, "cursor");
	const char *lim = pw_request_query(ctx->req, "limit");
	long long total = 0;
	int rc, want_count;
	pw_date d;

	memset(&s, 0, sizeof(s));
	s.limit = API_LIMIT_DEFAULT;
	s.sort = PW_PSORT_NAME;
	if (cursor && !*cursor)
		cursor = NULL;
	if (lim) {
		char *end;
		long n = strtol(lim, &end, 10);
		if (*end || n < 1 || n > API_LIMIT_MAX)
			pw_details_add(details, "limit", "must be a whole number from 1 to 500",
				       NULL);
		else
			s.limit = (int)n;
	}
	if ((v = pw_request_query(ctx->req, "q")) && *v)
		name_filter(ctx, v, &s);
	if ((v = pw_request_query(ctx->req, "dob")) && *v) {
		if (pw_date_parse(v, strlen(v), &d) != PW_OK)
			pw_details_add(details, "dob", "must be a date written YYYY-MM-DD", NULL);
		s.dob = v;
	}
	if ((v = pw_request_query(ctx->req, "ssn_last4")) && *v) {
		if (strlen(v) != 4 || strspn(v, "0123456789") != 4)
			pw_details_add(details, "ssn_last4", "must be four digits", NULL);
		s.ssn_last4 = v;
	}
	if ((v = pw_request_query(ctx->req, "state_id")) && *v)
		s.state_id = v;
	s.provider_id = query_id(ctx, "provider_id", details);
	s.case_manager_id = query_id(ctx, "case_manager_id", details);
	s.program_id = query_id(ctx, "program_id", details);
	if ((v = pw_request_query(ctx->req, "status")) && *v) {
		if (lookup(enrollment_statuses, PW_ARRAY_LEN(enrollment_statuses), v) < 0)
			pw_details_add(details, "status",
				       "must be one of: referred, enrolled, exited, not_enrolled",
				       NULL);
		s.status = v;
	}
	if ((v = pw_request_query(ctx->req, "sort")) && *v) {
		int k = lookup(sort_names, PW_PSORT_COUNT, v);
		if (k < 0)
			pw_details_add(details, "sort", "must be one of: name, -name, dob, -dob",
				       NULL);
		else
			s.sort = (enum pw_participant_sort)k;
	}
	/* The first page counts unless told not to; later ones when asked. */
	want_count = cursor == NULL;
	if ((v = pw_request_query(ctx->req, "count")) && *v) {
		if (strcmp(v, "true") && strcmp(v, "false"))
			pw_details_add(details, "count", "must be true or false", NULL);
		want_count = !strcmp(v, "true");
	}
	if (json_object_array_length(details)) {
		pw_response_error(ctx->res, 400, "bad_query", "The search parameters are wrong.",
				  details);
		return;
	}
	json_object_put(details);
	if (cursor && read_cursor(ctx, cursor, &s))
		return;
	pw_scope_filter_of(&ctx->session->principal, &scope);
	rc = pw_participant_plan(ctx->db, &scope, &s);
	if (rc == PW_OK)
		rc = pw_participant_search(ctx->db, &scope, &s, &rows);
	if (rc == PW_OK && want_count)
		rc = pw_participant_count(ctx->db, &scope, &s, COUNT_CAP + 1, &total);
	if (rc != PW_OK) {
		pw_db_rows_free(rows);
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	items = json_object_new_array();
	for (size_t r = 0; r < rows->nrows; r++)
		json_object_array_add(items, api_row_json(rows, r, participant_cols(), PF_COUNT + 4));
	o = json_object_new_object();
	json_object_object_add(o, "items", items);
	if (rows->nrows == (size_t)s.limit && rows->nrows > 0) {
		const char *c = cursor_after(ctx, &s, rows, rows->nrows - 1);
		json_object_object_add(o, "next_cursor", c ? json_object_new_string(c) : NULL);
	} else {
		json_object_object_add(o, "next_cursor", NULL);
	}
	json_object_object_add(o, "sort", json_object_new_string(sort_names[s.sort]));
	/* A count given up for taking too long is null: "not known". */
	if (want_count) {
		json_object_object_add(o, "total",
				       total < 0 ? NULL
						 : json_object_new_int64(total > COUNT_CAP ? COUNT_CAP
											: total));
		json_object_object_add(o, "total_capped", json_object_new_boolean(total > COUNT_CAP));
	}
	pw_db_rows_free(rows);
	pw_response_json(ctx->res, 200, o);
}

void api_participants_create(struct pw_ctx *ctx)
{
	static const char *const allowed[PF_COUNT + 2] = {"enrollment", "confirm_duplicate"};
	struct pw_db_param vals[PF_COUNT];
	int given[PF_COUNT], confirm = 0, rc;
	json_object *details = pw_details_new(), *enr = NULL, *after = NULL;
	struct pw_fields f = {ctx->body, details};
	struct api_enrollment_input ein;
	struct pw_db_rows *dups = NULL;
	struct pw_actor who;
	long long id = 0, eid = 0, version = 0;
	const char *allowed_all[PF_COUNT + 2];
	char path[64];

	for (size_t i = 0; i < PF_COUNT; i++)
		allowed_all[i] = fields[i].name;
	allowed_all[PF_COUNT] = allowed[0];
	allowed_all[PF_COUNT + 1] = allowed[1];
	read_fields(ctx, ctx->body, 1, vals, given, details);
	pw_field_bool(&f, "confirm_duplicate", PW_FIELD_OPTIONAL, &confirm);
	pw_fields_reject_unknown(&f, allowed_all, PW_ARRAY_LEN(allowed_all));
	json_object_object_get_ex(ctx->body, "enrollment", &enr);
	memset(&ein, 0, sizeof(ein));
	if (enr)
		api_enrollment_read(ctx, enr, "enrollment.", &ein, details);
	else if (ctx->session->principal.role != PW_ROLE_STATEWIDE)
		/* Anyone else could not see the participant afterwards (R-ACL-1). */
		pw_details_add(details, "enrollment",
			       "is required: a participant is reached through an enrollment at "
			       "one of your locations",
			       NULL);
	if (json_object_array_length(details)) {
		api_invalid(ctx, "Some fields need attention.", details);
		return;
	}
	json_object_put(details);
	if (enr && api_enrollment_check(ctx, &ein, 0))
		return;

	/* A possible duplicate needs the caller's confirmation. */
	rc = pw_participant_duplicates(ctx->db, vals[PF_FIRST_NAME].s, vals[PF_LAST_NAME].s,
				       vals[PF_DATE_OF_BIRTH].s,
				       given[PF_SSN_LAST4] ? vals[PF_SSN_LAST4].s : NULL, &dups);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	if (dups->nrows && !confirm) {
		json_object *extra = json_object_new_object(), *ids = json_object_new_array();
		for (size_t r = 0; r < dups->nrows; r++)
			json_object_array_add(ids, json_object_new_int64(pw_db_cell_int(dups, r, 0, 0)));
		json_object_object_add(extra, "existing_ids", ids);
		pw_db_rows_free(dups);
		pw_response_error_ex(ctx->res, 409, "possible_duplicate",
				     "A participant with this name, date of birth and last four "
				     "already exists. Open that record, or send "
				     "\"confirm_duplicate\": true to create another.",
				     NULL, extra);
		return;
	}
	pw_db_rows_free(dups);

	pw_gate_actor(ctx, &who);
	rc = pw_db_begin(ctx->db);
	if (rc == PW_OK)
		rc = pw_participant_create(ctx->db, vals, who.user_id, &id);
	if (rc == PW_OK && enr) {
		ein.participant_id = id;
		rc = api_enrollment_insert(ctx, &ein, &eid);
	}
	if (rc == PW_OK && !(after = load(ctx, id, &version)))
		rc = PW_ERR_DB;
	if (rc == PW_OK)
		rc = pw_audit_write(ctx->db, &who, "participant", id, "create", NULL,
				    api_json_text(ctx, after), NULL);
	if (rc == PW_OK)
		rc = add_enrollments(ctx, id, after);
	rc = api_finish(ctx, rc);
	if (rc != PW_OK) {
		json_object_put(after);
		if (rc != PW_ERR_INVALID && rc != PW_ERR_CONFLICT) {
			pw_response_reset(ctx->res);
			api_enrollment_write_failed(ctx, rc);
		}
		return;
	}
	api_etag(ctx, version);
	snprintf(path, sizeof(path), "/api/v1/participants/%lld", id);
	pw_response_header(ctx->res, "Location", "%s", path);
	pw_response_json(ctx->res, 201, after);
}

void api_participants_update(struct pw_ctx *ctx)
{
	struct pw_db_param vals[PF_COUNT];
	int given[PF_COUNT], version = 0, rc;
	const char *allowed[PF_COUNT];
	json_object *details, *before = NULL, *after = NULL;
	struct pw_fields f;
	struct pw_actor who;
	long long cur = 0, newv = 0, id = ctx->ids[0];

	if (api_authorize_participant(ctx, id, PW_ACL_WRITE) || api_if_match(ctx, &version))
		return;
	details = pw_details_new();
	f.obj = ctx->body;
	f.details = details;
	for (size_t i = 0; i < PF_COUNT; i++)
		allowed[i] = fields[i].name;
	read_fields(ctx, ctx->body, 0, vals, given, details);
	pw_fields_reject_unknown(&f, allowed, PF_COUNT);
	if (json_object_array_length(details)) {
		api_invalid(ctx, "Some fields need attention.", details);
		return;
	}
	json_object_put(details);
	pw_gate_actor(ctx, &who);
	rc = pw_db_begin(ctx->db);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	before = load(ctx, id, &cur);
	if (!before) {
		pw_db_rollback(ctx->db);
		return;
	}
	rc = pw_participant_update(ctx->db, id, version, given, vals);
	if (rc == PW_OK && !(after = load(ctx, id, &newv)))
		rc = PW_ERR_DB;
	if (rc == PW_OK)
		rc = pw_audit_write(ctx->db, &who, "participant", id, "update",
				    api_json_text(ctx, before), api_json_text(ctx, after), NULL);
	rc = api_finish(ctx, rc);
	json_object_put(before);
	if (rc != PW_OK) {
		json_object_put(after);
		pw_response_reset(ctx->res);
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	api_etag(ctx, newv);
	pw_response_json(ctx->res, 200, after);
}
