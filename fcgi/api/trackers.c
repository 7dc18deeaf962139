/*
 * api/trackers.c: C-Work trackers of an enrollment (issue 5, "C-Work
 * trackers"; R-CHK-3, R-DATE-4).
 *
 *   GET    /api/v1/enrollments/{id}/trackers   list, paged (?tracker_type=)
 *   POST   /api/v1/enrollments/{id}/trackers   add a tracker
 *   GET    /api/v1/trackers/{id}               one tracker
 *   PATCH  /api/v1/trackers/{id}               change it (If-Match)
 *   DELETE /api/v1/trackers/{id}               remove it (If-Match)
 *
 * Which fields a tracker type has is data: the enrollment's program profile
 * lists them in settings.trackers ({"<type>": {"label", "fields": [{"code",
 * "label", "type", "options"}]}}), as the C-Work profile does for the
 * intervention, employment, ECE course, internship, income and housing
 * trackers of seed 002. A body names the tracker_type and then only the
 * fields the profile gives that type, each read by its field type: a
 * tracker status or stage (rules/checklist.h codes), a C-Work exit reason,
 * a date (not in the future, R-DATE-4), text, a money amount, one option
 * (select) or several (multi_select), or attendance written "n of m". A
 * program whose profile has no trackers takes none (409
 * trackers_not_offered); a type the profile does not list is 422.
 *
 * The profile's field codes name where a value is kept (the table `slots`
 * below; the columns keep one meaning for all types, as the exit checklist
 * reads them): a field whose code or type has no column is not accepted.
 * The day a tracker was made (created_on) is set by the server: R-CHK-3
 * asks for trackers made at exit. Answers show the type's fields by their
 * profile codes. Trackers stay open after the exit (R-SVC-4). Reads need
 * read access to the enrollment, writes write access (R-ACL-1); every write
 * is audited in its transaction (R-ACL-3).
 */
#include "api/api.h"

#include "api/common.h"
#include "api/outcomes.h"
#include "api/record.h"
#include "db.h"
#include "json_io.h"
#include "pw.h"
#include "rules/acl.h"
#include "rules/checklist.h"
#include "store/program.h"
#include "store/tracker.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Money amounts up to a billion dollars; attendance fits SMALLINT UNSIGNED. */
#define INCOME_MAX_CENTS 100000000000LL
#define ATTENDANCE_MAX   65535
#define OUTCOMES_MAX     2000 /* bytes of the stored JSON list */

/* Where a profile field's value is kept. */
enum slot {
	S_STATUS,
	S_STAGE,
	S_DATE,
	S_END_DATE,
	S_END_REASON,
	S_END_DETAILS,
	S_OUTCOMES,
	S_COURSE,
	S_ATTENDANCE,
	S_GRADE,
	S_AMOUNT,
	S_PERIOD,
};

/* Profile field codes Pathway keeps, the field types each accepts, and the
 * longest text its column holds (0: not text). */
static const struct slot_def {
	const char *code;
	enum slot slot;
	const char *types[3];
	size_t max;
} slots[] = {
        {"status", S_STATUS, {"tracker_status"}, 0},
        {"stage", S_STAGE, {"tracker_stage"}, 0},
        {"housing_stage", S_STAGE, {"tracker_stage"}, 0},
        {"date", S_DATE, {"date"}, 0},
        {"start_date", S_DATE, {"date"}, 0},
        {"exit_date", S_END_DATE, {"date"}, 0},
        {"end_date", S_END_DATE, {"date"}, 0},
        {"end_reason", S_END_REASON, {"exit_reason", "select", "text"}, 190},
        {"end_details", S_END_DETAILS, {"text"}, 2000},
        {"outcomes_detail", S_OUTCOMES, {"multi_select"}, 0},
        {"course_name", S_COURSE, {"text", "select"}, 190},
        {"attendance", S_ATTENDANCE, {"attendance"}, 0},
        {"grade", S_GRADE, {"text", "select"}, 8},
        {"amount", S_AMOUNT, {"money"}, 0},
        {"period", S_PERIOD, {"select"}, 8},
};

/* One field of a tracker type, as the profile gives it and as kept. */
struct field {
	const char *code;
	const char *type;
	json_object *options; /* borrowed from the settings; NULL when none */
	const struct slot_def *slot;
};

#define MAX_FIELDS 20

/* A tracker type of the profile: its label and the fields it keeps. */
struct tracker_type {
	const char *code;
	const char *label;
	struct field fields[MAX_FIELDS];
	size_t n;
};

static const struct api_col cols[TR_COUNT] = {
        [TR_ID] = {"id", API_INT},
        [TR_ENROLLMENT_ID] = {"enrollment_id", API_INT},
        [TR_TYPE] = {"tracker_type", API_STR},
        [TR_STATUS] = {"status", API_SKIP},
        [TR_STAGE] = {"stage", API_SKIP},
        [TR_DATE] = {"date", API_SKIP},
        [TR_END_DATE] = {"end_date", API_SKIP},
        [TR_END_REASON] = {"end_reason", API_SKIP},
        [TR_END_DETAILS] = {"end_details", API_SKIP},
        [TR_OUTCOMES_DETAIL] = {"outcomes_detail", API_SKIP},
        [TR_COURSE_NAME] = {"course_name", API_SKIP},
        [TR_ATTENDED] = {"attended", API_SKIP},
        [TR_TOTAL] = {"total", API_SKIP},
        [TR_GRADE] = {"grade", API_SKIP},
        [TR_INCOME_CENTS] = {"amount", API_SKIP},
        [TR_INCOME_PERIOD] = {"period", API_SKIP},
        [TR_CREATED_ON] = {"created_on", API_STR},
        [TR_VERSION] = {"version", API_INT},
        [TR_CREATED_AT] = {"created_at", API_STR},
        [TR_UPDATED_AT] = {"updated_at", API_STR},
};

/* ---- the profile's tracker settings ----------------------------------- */

/* The column of a profile field, or NULL when Pathway does not keep it. */
static const struct slot_def *slot_of(const char *code, const char *type)
{
	for (size_t i = 0; i < PW_ARRAY_LEN(slots); i++) {
		if (strcmp(slots[i].code, code))
			continue;
		for (size_t k = 0; k < PW_ARRAY_LEN(slots[i].types) && slots[i].types[k]; k++)
			if (!strcmp(slots[i].types[k], type))
				return &slots[i];
		return NULL;
	}
	return NULL;
}

/* A string member of obj, or NULL. */
static const char *member_string(json_object *obj, const char *name)
{
	json_object *v = NULL;

	if (!json_object_object_get_ex(obj, name, &v) || !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

/*
 * Loads program_id's settings; *settings gets the parsed document (the
 * caller puts it; NULL when the profile has none) and *trackers its
 * settings.trackers object (borrowed; NULL when absent). Returns PW_OK or a
 * database error.
 */
static int load_settings(struct pw_ctx *ctx, long long program_id, json_object **settings,
                         json_object **trackers)
{
	struct pw_profile p;
	int rc = pw_program_load(ctx->db, ctx->arena, program_id, &p);

	*settings = *trackers = NULL;
	if (rc != PW_OK)
		return rc;
	if (p.settings_json)
		*settings = json_tokener_parse(p.settings_json);
	if (*settings && (!json_object_object_get_ex(*settings, "trackers", trackers) ||
	                  !json_object_is_type(*trackers, json_type_object) ||
	                  json_object_object_length(*trackers) == 0))
		*trackers = NULL;
	return PW_OK;
}

/* Fills t with tracker type code of trackers; 0, or -1 when the profile
 * does not list the type. Fields Pathway cannot keep are left out; when
 * two fields keep their value in the same column, the first one wins. */
static int type_of(json_object *trackers, const char *code, struct tracker_type *t)
{
	json_object *def = NULL, *fields = NULL;
	enum pw_tracker_type tt;

	memset(t, 0, sizeof(*t));
	if (!trackers || !code || !json_object_object_get_ex(trackers, code, &def) ||
	    !json_object_is_type(def, json_type_object))
		return -1;
	t->code = code;
	t->label = member_string(def, "label");
	if (!t->label && pw_checklist_tracker_type_from_code(code, &tt) == PW_OK)
		t->label = pw_checklist_tracker_type_label(tt);
	if (!t->label)
		t->label = code;
	if (!json_object_object_get_ex(def, "fields", &fields) ||
	    !json_object_is_type(fields, json_type_array))
		return 0;
	for (size_t i = 0; i < json_object_array_length(fields) && t->n < MAX_FIELDS; i++) {
		json_object *f = json_object_array_get_idx(fields, i), *opts = NULL;
		const char *fc = member_string(f, "code"), *ft = member_string(f, "type");
		const struct slot_def *s = fc && ft ? slot_of(fc, ft) : NULL;
		int taken = 0;

		for (size_t k = 0; s && k < t->n; k++)
			taken |= t->fields[k].slot->slot == s->slot;
		if (!s || taken)
			continue;
		json_object_object_get_ex(f, "options", &opts);
		t->fields[t->n].code = fc;
		t->fields[t->n].type = ft;
		t->fields[t->n].options =
		        opts && json_object_is_type(opts, json_type_array) ? opts : NULL;
		t->fields[t->n].slot = s;
		t->n++;
	}
	return 0;
}

/* ---- stored state <-> JSON -------------------------------------------- */

/* The value of one field of a stored tracker, as the API shows it; a new
 * object or NULL. */
static json_object *field_json(const struct pw_db_rows *rows, size_t r, const struct field *f)
{
	const char *v = NULL;
	char text[32];

	switch (f->slot->slot) {
	case S_STATUS:
		v = pw_db_cell(rows, r, TR_STATUS);
		break;
	case S_STAGE:
		v = pw_db_cell(rows, r, TR_STAGE);
		break;
	case S_DATE:
		v = pw_db_cell(rows, r, TR_DATE);
		break;
	case S_END_DATE:
		v = pw_db_cell(rows, r, TR_END_DATE);
		break;
	case S_END_REASON:
		v = pw_db_cell(rows, r, TR_END_REASON);
		break;
	case S_END_DETAILS:
		v = pw_db_cell(rows, r, TR_END_DETAILS);
		break;
	case S_COURSE:
		v = pw_db_cell(rows, r, TR_COURSE_NAME);
		break;
	case S_GRADE:
		v = pw_db_cell(rows, r, TR_GRADE);
		break;
	case S_PERIOD:
		v = pw_db_cell(rows, r, TR_INCOME_PERIOD);
		break;
	case S_OUTCOMES:
		v = pw_db_cell(rows, r, TR_OUTCOMES_DETAIL);
		return v ? json_tokener_parse(v) : NULL;
	case S_ATTENDANCE:
		if (!pw_db_cell(rows, r, TR_ATTENDED) || !pw_db_cell(rows, r, TR_TOTAL))
			return NULL;
		snprintf(text, sizeof(text), "%lld of %lld",
		         pw_db_cell_int(rows, r, TR_ATTENDED, 0),
		         pw_db_cell_int(rows, r, TR_TOTAL, 0));
		return json_object_new_string(text);
	case S_AMOUNT:
		return pw_db_cell(rows, r, TR_INCOME_CENTS)
		               ? outcomes_money(pw_db_cell_int(rows, r, TR_INCOME_CENTS, 0))
		               : NULL;
	}
	return v ? json_object_new_string(v) : NULL;
}

/* The label beside a coded value (status, stage, C-Work exit reason), or
 * NULL when the field has none. */
static const char *code_label(const struct field *f, const char *code)
{
	enum pw_tracker_status st;
	enum pw_tracker_stage sg;
	enum pw_checklist_cwork_reason cr;

	if (!code)
		return NULL;
	if (!strcmp(f->type, "tracker_status") &&
	    pw_checklist_tracker_status_from_code(code, &st) == PW_OK)
		return pw_checklist_tracker_status_label(st);
	if (!strcmp(f->type, "tracker_stage") &&
	    pw_checklist_tracker_stage_from_code(code, &sg) == PW_OK)
		return pw_checklist_tracker_stage_label(sg);
	if (!strcmp(f->type, "exit_reason") &&
	    pw_checklist_cwork_reason_from_code(code, &cr) == PW_OK)
		return pw_checklist_cwork_reason_label(cr);
	return NULL;
}

/* Row r as the API shows it: the common members, then the fields of its
 * type by their profile codes (with a label beside coded values). */
static json_object *tracker_json(const struct pw_db_rows *rows, size_t r, json_object *trackers)
{
	json_object *o = api_row_json(rows, r, cols, TR_COUNT);
	struct tracker_type t;

	if (type_of(trackers, pw_db_cell(rows, r, TR_TYPE), &t))
		return o;
	json_object_object_add(o, "tracker_type_label", json_object_new_string(t.label));
	for (size_t i = 0; i < t.n; i++) {
		json_object *v = field_json(rows, r, &t.fields[i]);
		const char *label =
		        code_label(&t.fields[i], json_object_is_type(v, json_type_string)
		                                         ? json_object_get_string(v)
		                                         : NULL);
		json_object_object_add(o, t.fields[i].code, v);
		if (label) {
			char name[96];
			snprintf(name, sizeof(name), "%s_label", t.fields[i].code);
			json_object_object_add(o, name, json_object_new_string(label));
		}
	}
	return o;
}

/* ---- reading a body ----------------------------------------------------- */

/* "n of m" with 0 <= n <= m, 1 <= m <= ATTENDANCE_MAX; 0 or -1. */
static int parse_attendance(const char *s, int *attended, int *total)
{
	long n, m;
	char *end;

	while (*s == ' ')
		s++;
	if (*s < '0' || *s > '9')
		return -1;
	n = strtol(s, &end, 10);
	if (strncmp(end, " of ", 4))
		return -1;
	s = end + 4;
	if (*s < '0' || *s > '9')
		return -1;
	m = strtol(s, &end, 10);
	while (*end == ' ')
		end++;
	if (*end || m < 1 || m > ATTENDANCE_MAX || n > m)
		return -1;
	*attended = (int)n;
	*total = (int)m;
	return 0;
}

/* 1 when s is one of the options (a JSON array of strings). */
static int is_option(json_object *options, const char *s)
{
	for (size_t i = 0; options && i < json_object_array_length(options); i++) {
		json_object *o = json_object_array_get_idx(options, i);
		if (json_object_is_type(o, json_type_string) &&
		    !strcmp(json_object_get_string(o), s))
			return 1;
	}
	return 0;
}

/* Where a text slot's value goes in f. */
static const char **text_target(struct pw_tracker_fields *f, enum slot s)
{
	switch (s) {
	case S_STATUS:
		return &f->status;
	case S_STAGE:
		return &f->stage;
	case S_END_REASON:
		return &f->end_reason;
	case S_END_DETAILS:
		return &f->end_details;
	case S_OUTCOMES:
		return &f->outcomes_detail;
	case S_COURSE:
		return &f->course_name;
	case S_GRADE:
		return &f->grade;
	case S_PERIOD:
		return &f->income_period;
	default:
		return NULL;
	}
}

/* Clears the value of field d in f (the body sent null). */
static void clear(struct pw_tracker_fields *f, const struct field *d)
{
	const char **t = text_target(f, d->slot->slot);

	if (t)
		*t = NULL;
	else if (d->slot->slot == S_DATE)
		f->date = PW_DATE_NONE;
	else if (d->slot->slot == S_END_DATE)
		f->end_date = PW_DATE_NONE;
	else if (d->slot->slot == S_ATTENDANCE)
		f->attended = f->total = -1;
	else if (d->slot->slot == S_AMOUNT)
		f->income_cents = -1;
}

/* Adds a detail for field name with rule R-CHK-3. */
static void problem(json_object *details, const char *name, const char *text)
{
	pw_details_add(details, name, text, "R-CHK-3");
}

/* "must be one of: A, B, ..." for the codes first..last of a code table. */
static void one_of(json_object *details, const char *name, const char *(*code)(int), int first,
                   int last)
{
	char msg[256];
	size_t used = (size_t)snprintf(msg, sizeof(msg), "must be one of:");

	for (int i = first; i <= last && used < sizeof(msg); i++)
		used += (size_t)snprintf(msg + used, sizeof(msg) - used, "%s %s",
		                         i > first ? "," : "", code(i));
	problem(details, name, msg);
}

static const char *status_code(int i)
{
	return pw_checklist_tracker_status_code((enum pw_tracker_status)i);
}

static const char *stage_code(int i)
{
	return pw_checklist_tracker_stage_code((enum pw_tracker_stage)i);
}

static const char *reason_code(int i)
{
	return pw_checklist_cwork_reason_code((enum pw_checklist_cwork_reason)i);
}

/* A multi_select value: distinct options; the JSON list text (in the
 * arena) goes to *out. */
static void read_multi(struct pw_ctx *ctx, const struct field *d, json_object *v,
                       json_object *details, const char **out)
{
	json_object *list;
	const char *text;
	size_t n;

	if (!json_object_is_type(v, json_type_array)) {
		problem(details, d->code, "must be a list of the options");
		return;
	}
	n = json_object_array_length(v);
	list = json_object_new_array();
	for (size_t i = 0; i < n; i++) {
		json_object *o = json_object_array_get_idx(v, i);
		const char *s =
		        json_object_is_type(o, json_type_string) ? json_object_get_string(o) : NULL;
		int dup = 0;
		for (size_t k = 0; s && k < i; k++)
			dup |= json_object_is_type(json_object_array_get_idx(v, k),
			                           json_type_string) &&
			       !strcmp(json_object_get_string(json_object_array_get_idx(v, k)), s);
		if (!s || !is_option(d->options, s) || dup) {
			problem(details, d->code, "must list distinct options of this field");
			json_object_put(list);
			return;
		}
		json_object_array_add(list, json_object_new_string(s));
	}
	text = api_json_text(ctx, list);
	json_object_put(list);
	if (!text || strlen(text) > OUTCOMES_MAX)
		problem(details, d->code, "lists too many options");
	else
		*out = n ? text : NULL;
}

/* One field d of the body (value v, not null) into f, by its profile type. */
static void read_field(struct pw_ctx *ctx, const struct field *d, json_object *v,
                       struct pw_tracker_fields *f, json_object *details)
{
	const char *type = d->type, **target = text_target(f, d->slot->slot);
	const char *s = json_object_is_type(v, json_type_string) ? json_object_get_string(v) : NULL;
	size_t len = s ? (size_t)json_object_get_string_len(v) : 0;
	char msg[96];
	int k;

	if (!strcmp(type, "multi_select")) {
		read_multi(ctx, d, v, details, target);
		return;
	}
	if (!strcmp(type, "money")) {
		struct pw_fields fl = {ctx->body, details};
		long long cents = 0;
		if (pw_field_money(&fl, d->code, PW_FIELD_OPTIONAL, 0, INCOME_MAX_CENTS, &cents) ==
		    PW_OK)
			f->income_cents = cents;
		return;
	}
	if (!s || memchr(s, '\0', len)) {
		problem(details, d->code, "must be a string");
		return;
	}
	if (!strcmp(type, "date")) {
		pw_date day;
		if (pw_date_parse(s, len, &day) != PW_OK) {
			problem(details, d->code, "must be a real date written YYYY-MM-DD");
		} else if (day > api_today()) {
			snprintf(msg, sizeof(msg), "%s is in the future", s);
			pw_details_add(details, d->code, msg, "R-DATE-4");
		} else if (d->slot->slot == S_DATE) {
			f->date = day;
		} else {
			f->end_date = day;
		}
		return;
	}
	if (!strcmp(type, "attendance")) {
		if (parse_attendance(s, &f->attended, &f->total))
			problem(details, d->code,
			        "must read \"n of m\" with n at most m (e.g. \"12 of 15\")");
		return;
	}
	if (!strcmp(type, "tracker_status")) {
		enum pw_tracker_status st;
		if (!*s || pw_checklist_tracker_status_from_code(s, &st) != PW_OK)
			one_of(details, d->code, status_code, PW_TRACKER_STATUS_ACTIVE,
			       PW_TRACKER_STATUS_WITHDRAWN);
		else
			*target = s;
		return;
	}
	if (!strcmp(type, "tracker_stage")) {
		enum pw_tracker_stage sg;
		if (!*s || pw_checklist_tracker_stage_from_code(s, &sg) != PW_OK)
			one_of(details, d->code, stage_code, PW_TRACKER_STAGE_INTAKE,
			       PW_TRACKER_STAGE_FOLLOW_UP);
		else
			*target = s;
		return;
	}
	if (!strcmp(type, "exit_reason")) {
		enum pw_checklist_cwork_reason cr;
		if (pw_checklist_cwork_reason_from_code(s, &cr) != PW_OK)
			one_of(details, d->code, reason_code, PW_CWORK_PROGRAM_COMPLETION,
			       PW_CWORK_GROUPS_CLASSES_ONLY);
		else
			*target = s;
		return;
	}
	if (!strcmp(type, "select") && !is_option(d->options, s)) {
		problem(details, d->code, "must be one of the field's options");
		return;
	}
	/* text, or an option: blank clears it; the column bounds its length. */
	if (strspn(s, " \t\r\n") == len) {
		*target = NULL;
		return;
	}
	k = (int)pw_utf8_chars(s, len);
	if ((size_t)k > d->slot->max || len > 4 * d->slot->max) {
		snprintf(msg, sizeof(msg), "must be at most %zu characters", d->slot->max);
		problem(details, d->code, msg);
		return;
	}
	*target = s;
}

/*
 * Reads the body over f for tracker type t: every member must be
 * tracker_type or one of t's fields; null clears a field. Problems go to
 * details.
 */
static void read_fields(struct pw_ctx *ctx, const struct tracker_type *t,
                        struct pw_tracker_fields *f, json_object *details)
{
	char msg[256];

	json_object_object_foreach(ctx->body, key, val)
	{
		const struct field *d = NULL;

		if (!strcmp(key, "tracker_type"))
			continue;
		for (size_t i = 0; i < t->n; i++)
			if (!strcmp(t->fields[i].code, key))
				d = &t->fields[i];
		if (!d) {
			snprintf(msg, sizeof(msg), "is not a field of the %.190s", t->label);
			problem(details, key, msg);
		} else if (!val) {
			clear(f, d);
		} else {
			read_field(ctx, d, val, f, details);
		}
	}
}

/* ---- handlers ------------------------------------------------------------ */

/* The program of enrollment eid, read under a shared lock when lock is set
 * (inside a transaction) so its program cannot change under the write. */
static int enrollment_program(struct pw_ctx *ctx, long long eid, int lock, long long *program_id)
{
	static const char plain[] = "SELECT program_id FROM enrollments WHERE id = ?";
	static const char locked[] =
	        "SELECT program_id FROM enrollments WHERE id = ? LOCK IN SHARE MODE";
	struct pw_db_param p[] = {PW_P_INT(eid)};
	struct pw_db_rows *rows = NULL;
	int rc = pw_db_query(ctx->db, lock ? locked : plain, p, 1, &rows);

	if (rc == PW_OK && rows->nrows != 1)
		rc = PW_ERR_NOT_FOUND;
	if (rc == PW_OK)
		*program_id = pw_db_cell_int(rows, 0, 0, 0);
	pw_db_rows_free(rows);
	return rc;
}

/* The settings of enrollment eid's program; see load_settings. */
static int enrollment_settings(struct pw_ctx *ctx, long long eid, int lock, json_object **settings,
                               json_object **trackers)
{
	long long program = 0;
	int rc = enrollment_program(ctx, eid, lock, &program);

	*settings = *trackers = NULL;
	return rc == PW_OK ? load_settings(ctx, program, settings, trackers) : rc;
}

/* One write's state: the record kind's arg (see api/record.h). */
struct edit {
	json_object *settings; /* the profile's settings; the handler puts them */
	json_object *trackers; /* settings.trackers, borrowed from settings */
	struct pw_tracker_fields f;
};

static json_object *edit_json(const struct pw_db_rows *rows, size_t r, void *arg)
{
	const struct edit *w = arg;

	return tracker_json(rows, r, w->trackers);
}

static int edit_prepare(struct pw_ctx *ctx, long long eid, const struct pw_db_rows *rows, void *arg)
{
	struct edit *w = arg;
	int rc = enrollment_settings(ctx, eid, 1, &w->settings, &w->trackers);

	return rc == PW_OK ? pw_tracker_fields_from_row(rows, 0, &w->f) : rc;
}

/* POST, inside the transaction: the profile (under a shared lock) must keep
 * trackers (409) and list the body's tracker_type; then the type's fields. */
static int edit_check_create(struct pw_ctx *ctx, long long eid, void *arg)
{
	struct edit *w = arg;
	struct pw_fields fl = {ctx->body, NULL};
	struct tracker_type t;
	json_object *details;
	const char *type = NULL;
	int rc = enrollment_settings(ctx, eid, 1, &w->settings, &w->trackers);

	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return -1;
	}
	if (!w->trackers) {
		details = pw_details_new();
		pw_details_add(
		        details, "enrollment_id",
		        "The enrollment's program keeps no trackers (its profile lists none).",
		        "R-CHK-3");
		pw_response_error(ctx->res, 409, "trackers_not_offered",
		                  "This program does not keep trackers.", details);
		return -1;
	}
	details = pw_details_new();
	fl.details = details;
	if (pw_field_string(&fl, "tracker_type", PW_FIELD_REQUIRED, 16, &type) == PW_OK &&
	    type_of(w->trackers, type, &t))
		pw_details_add(details, "tracker_type", "is not a tracker of this program",
		               "R-CHK-3");
	if (json_object_array_length(details)) {
		outcomes_name_rule(details, "R-CHK-3", NULL, 0);
		api_invalid(ctx, "Some fields need attention.", details);
		return -1;
	}
	memset(&w->f, 0, sizeof(w->f));
	w->f.type = type;
	w->f.date = w->f.end_date = PW_DATE_NONE;
	w->f.attended = w->f.total = -1;
	w->f.income_cents = -1;
	w->f.created_on = api_today(); /* R-CHK-3: "a NEW tracker" is dated by the server */
	read_fields(ctx, &t, &w->f, details);
	outcomes_name_rule(details, "R-CHK-3", NULL, 0);
	return outcomes_refuse(ctx, details);
}

/* PATCH: the type decides the fields; it never changes. */
static int edit_check_update(struct pw_ctx *ctx, void *arg)
{
	struct edit *w = arg;
	struct tracker_type t;
	json_object *details = pw_details_new(), *sent = NULL;

	if (json_object_object_get_ex(ctx->body, "tracker_type", &sent) &&
	    (!json_object_is_type(sent, json_type_string) ||
	     strcmp(json_object_get_string(sent), w->f.type)))
		problem(details, "tracker_type", "cannot change: add a new tracker instead");
	if (type_of(w->trackers, w->f.type, &t))
		problem(details, "tracker_type",
		        "is no longer a tracker of this program's profile: it cannot "
		        "change");
	else
		read_fields(ctx, &t, &w->f, details);
	outcomes_name_rule(details, "R-CHK-3", NULL, 0);
	return outcomes_refuse(ctx, details);
}

static int edit_insert(struct pw_ctx *ctx, long long enrollment_id, void *arg, long long *id)
{
	const struct edit *w = arg;

	return pw_tracker_insert(ctx->db, enrollment_id, &w->f, id);
}

static int edit_update(struct pw_ctx *ctx, long long id, int version, void *arg)
{
	const struct edit *w = arg;

	return pw_tracker_update(ctx->db, id, version, &w->f);
}

static const struct record_kind kind = {
        .entity = "tracker",
        .location = "/api/v1/trackers/",
        .get = pw_tracker_get,
        .version_col = TR_VERSION,
        .json = edit_json,
        .parent = RECORD_UNDER_ENROLLMENT,
        .parent_col = TR_ENROLLMENT_ID,
        .prepare = edit_prepare,
        .check_create = edit_check_create,
        .check_update = edit_check_update,
        .insert = edit_insert,
        .update = edit_update,
        .remove = pw_tracker_delete,
};

void api_trackers_list(struct pw_ctx *ctx)
{
	const char *type = pw_request_query(ctx->req, "tracker_type");
	struct pw_db_rows *rows = NULL;
	json_object *settings = NULL, *trackers = NULL, *items;
	enum pw_tracker_type tt;
	long long after = 0, last = 0;
	int limit, rc;

	if (api_authorize_enrollment(ctx, ctx->ids[0], PW_ACL_READ, NULL) ||
	    api_page_params(ctx, &limit, &after))
		return;
	if (type && *type && pw_checklist_tracker_type_from_code(type, &tt) != PW_OK) {
		json_object *d = pw_details_new();
		pw_details_add(d, "tracker_type", "is not a tracker type", "R-CHK-3");
		pw_response_error(ctx->res, 400, "bad_query", "The list parameters are wrong.", d);
		return;
	}
	rc = enrollment_settings(ctx, ctx->ids[0], 0, &settings, &trackers);
	if (rc == PW_OK)
		rc = pw_tracker_list(ctx->db, ctx->ids[0], type && *type ? type : NULL, after,
		                     limit, &rows);
	if (rc != PW_OK) {
		json_object_put(settings);
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	items = json_object_new_array();
	for (size_t r = 0; r < rows->nrows; r++) {
		json_object_array_add(items, tracker_json(rows, r, trackers));
		last = pw_db_cell_int(rows, r, TR_ID, 0);
	}
	pw_db_rows_free(rows);
	json_object_put(settings);
	api_page_answer(ctx, items, limit, last);
}

void api_trackers_get(struct pw_ctx *ctx)
{
	struct pw_db_rows *rows = NULL;
	json_object *settings = NULL, *trackers = NULL;
	long long eid;
	int rc;

	if (record_load(ctx, &kind, ctx->ids[0], &rows))
		return;
	eid = pw_db_cell_int(rows, 0, TR_ENROLLMENT_ID, 0);
	if (api_authorize_enrollment(ctx, eid, PW_ACL_READ, NULL))
		goto out;
	rc = enrollment_settings(ctx, eid, 0, &settings, &trackers);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		goto out;
	}
	api_etag(ctx, pw_db_cell_int(rows, 0, TR_VERSION, 0));
	pw_response_json(ctx->res, 200, tracker_json(rows, 0, trackers));
out:
	json_object_put(settings);
	pw_db_rows_free(rows);
}

/* POST: everything but access is checked inside the transaction, against
 * the profile as it stands (edit_check_create). */
void api_trackers_create(struct pw_ctx *ctx)
{
	struct edit w = {.settings = NULL};

	if (api_authorize_enrollment(ctx, ctx->ids[0], PW_ACL_WRITE, NULL))
		return;
	record_create(ctx, &kind, ctx->ids[0], &w);
	json_object_put(w.settings);
}

/* PATCH answers 200 with the tracker, DELETE 204 (api/record.h). */
void api_trackers_update(struct pw_ctx *ctx)
{
	struct edit w = {.settings = NULL};

	record_change(ctx, &kind, 0, &w);
	json_object_put(w.settings);
}

void api_trackers_delete(struct pw_ctx *ctx)
{
	struct edit w = {.settings = NULL};

	record_change(ctx, &kind, 1, &w);
	json_object_put(w.settings);
}
