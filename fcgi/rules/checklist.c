/*
 * checklist.c: the exit checklist's item kinds and value lists
 * (R-CHK-1..3, R-EXIT-3, R-EXIT-8). See checklist.h.
 *
 * Every item kind is one row of `kinds`: a stable code, the rule it comes
 * from, the sentence caseworkers read, the exit field it concerns, and the
 * function that decides it. Reasons are collected in a bounded "why" buffer:
 * entries are joined with "; ", an entry that does not fit is left out and
 * counted ("; and 3 more"), a lone entry too long for the buffer is cut on a
 * UTF-8 boundary and ends with "...", so no input can overflow it.
 */
#include "rules/checklist.h"

#include "pw.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* ---- value lists ------------------------------------------------------- */

struct code_row {
	int value;
	const char *code;
	const char *label;
};

static const struct code_row *row_by_value(const struct code_row *rows, size_t n, int value)
{
	for (size_t i = 0; i < n; i++) {
		if (rows[i].value == value)
			return &rows[i];
	}
	return NULL;
}

static const struct code_row *row_by_code(const struct code_row *rows, size_t n, const char *code)
{
	if (code == NULL)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(rows[i].code, code) == 0)
			return &rows[i];
	}
	return NULL;
}

static const char *code_of(const struct code_row *rows, size_t n, int value)
{
	const struct code_row *r = row_by_value(rows, n, value);

	return r ? r->code : "";
}

static const char *label_of(const struct code_row *rows, size_t n, int value)
{
	const struct code_row *r = row_by_value(rows, n, value);

	return r ? r->label : "";
}

/* Parses code into *out (an int-sized enum); PW_ERR_INVALID when unknown. */
static int parse_code(const struct code_row *rows, size_t n, const char *code, int *out)
{
	const struct code_row *r = row_by_code(rows, n, code);

	if (r == NULL)
		return PW_ERR_INVALID;
	*out = r->value;
	return PW_OK;
}

/* Defines from_code / code / label for one enum over one table. */
#define CODE_TABLE_API(prefix, type, rows)                                                         \
	int prefix##_from_code(const char *code, type *out)                                        \
	{                                                                                          \
		int value;                                                                         \
		int rc = parse_code(rows, PW_ARRAY_LEN(rows), code, &value);                       \
		if (rc == PW_OK)                                                                   \
			*out = (type)value;                                                        \
		return rc;                                                                         \
	}                                                                                          \
	const char *prefix##_code(type x)                                                          \
	{                                                                                          \
		return code_of(rows, PW_ARRAY_LEN(rows), (int)x);                                  \
	}                                                                                          \
	const char *prefix##_label(type x)                                                         \
	{                                                                                          \
		return label_of(rows, PW_ARRAY_LEN(rows), (int)x);                                 \
	}

/* R-CHK-2, seed 004 "Select Program". */
static const struct code_row isets_program_rows[] = {
        {PW_ISETS_SNAP_JP, "snap_jp", "SNAP JP"},
        {PW_ISETS_SNAP_TO_SUCCESS, "snap_to_success", "SNAP to Success"},
        {PW_ISETS_EARNFARE, "earnfare", "Earnfare"},
};
CODE_TABLE_API(pw_checklist_isets_program, enum pw_checklist_isets_program, isets_program_rows)

/* R-CHK-2, seed 004 "Select Completion Status". */
static const struct code_row isets_completion_rows[] = {
        {PW_ISETS_EXITED_UNSUCCESSFUL, "exited_unsuccessful", "Exited - Unsuccessful Completion"},
        {PW_ISETS_EXITED_MOVED, "exited_moved", "Exited - Moved to another program"},
        {PW_ISETS_EXITED_SUCCESSFUL, "exited_successful", "Exited - Successful Completion"},
};
CODE_TABLE_API(pw_checklist_isets_completion, enum pw_checklist_isets_completion,
               isets_completion_rows)

/* R-CHK-2, seed 004 "Select Outcome reason": the Unsuccessful reasons go with
 * "Exited - Unsuccessful Completion", the Successful ones with "Exited -
 * Successful Completion"; "Moved to another program" has none. */
struct reason_row {
	enum pw_checklist_isets_reason reason;
	const char *code;
	const char *label;
	const char *short_label;
	enum pw_checklist_isets_completion completion;
};

static const struct reason_row isets_reason_rows[PW_ISETS_REASON_COUNT] = {
        {PW_ISETS_UNSUCCESSFUL_EMPLOYED_MOVED_OUT_OF_AREA,
         "unsuccessful_employed_moved_out_of_area", "Unsuccessful - Employed moved out of area",
         "Employed moved out of area", PW_ISETS_EXITED_UNSUCCESSFUL},
        {PW_ISETS_UNSUCCESSFUL_MOVED_OUT_OF_AREA, "unsuccessful_moved_out_of_area",
         "Unsuccessful - Moved out of the area", "Moved out of the area",
         PW_ISETS_EXITED_UNSUCCESSFUL},
        {PW_ISETS_UNSUCCESSFUL_NO_LONGER_ELIGIBLE, "unsuccessful_no_longer_eligible",
         "Unsuccessful - No longer eligible", "No longer eligible", PW_ISETS_EXITED_UNSUCCESSFUL},
        {PW_ISETS_UNSUCCESSFUL_NOT_RIGHT_FIT, "unsuccessful_not_right_fit",
         "Unsuccessful - not the right fit / referred to a different program",
         "not the right fit / referred to a different program", PW_ISETS_EXITED_UNSUCCESSFUL},
        {PW_ISETS_UNSUCCESSFUL_DID_NOT_MEET_REQUIREMENTS, "unsuccessful_did_not_meet_requirements",
         "Unsuccessful - did not meet program requirements", "did not meet program requirements",
         PW_ISETS_EXITED_UNSUCCESSFUL},
        {PW_ISETS_SUCCESSFUL_PENDING_EMPLOYMENT, "successful_pending_employment",
         "Successful - Pending employment - working with a person to get a job",
         "Pending employment - working with a person to get a job", PW_ISETS_EXITED_SUCCESSFUL},
        {PW_ISETS_SUCCESSFUL_UNEMPLOYED, "successful_unemployed", "Successful - Unemployed",
         "Unemployed", PW_ISETS_EXITED_SUCCESSFUL},
        {PW_ISETS_SUCCESSFUL_RETENTION, "successful_retention", "Successful - Retention",
         "Retention", PW_ISETS_EXITED_SUCCESSFUL},
        {PW_ISETS_SUCCESSFUL_EMPLOYED_BEYOND_90_DAYS, "successful_employed_beyond_90_days",
         "Successful - Employed beyond 90 days", "Employed beyond 90 days",
         PW_ISETS_EXITED_SUCCESSFUL},
        {PW_ISETS_SUCCESSFUL_COMPLETED_REQUIREMENTS, "successful_completed_requirements",
         "Successful - Completed Requirements", "Completed Requirements",
         PW_ISETS_EXITED_SUCCESSFUL},
};

static const struct reason_row *reason_row(enum pw_checklist_isets_reason r)
{
	for (size_t i = 0; i < PW_ARRAY_LEN(isets_reason_rows); i++) {
		if (isets_reason_rows[i].reason == r)
			return &isets_reason_rows[i];
	}
	return NULL;
}

int pw_checklist_isets_reason_from_code(const char *code, enum pw_checklist_isets_reason *out)
{
	for (size_t i = 0; code != NULL && i < PW_ARRAY_LEN(isets_reason_rows); i++) {
		if (strcmp(isets_reason_rows[i].code, code) == 0) {
			*out = isets_reason_rows[i].reason;
			return PW_OK;
		}
	}
	return PW_ERR_INVALID;
}

const char *pw_checklist_isets_reason_code(enum pw_checklist_isets_reason r)
{
	const struct reason_row *row = reason_row(r);

	return row ? row->code : "";
}

const char *pw_checklist_isets_reason_label(enum pw_checklist_isets_reason r)
{
	const struct reason_row *row = reason_row(r);

	return row ? row->label : "";
}

const char *pw_checklist_isets_reason_short_label(enum pw_checklist_isets_reason r)
{
	const struct reason_row *row = reason_row(r);

	return row ? row->short_label : "";
}

enum pw_checklist_isets_completion
pw_checklist_isets_reason_completion(enum pw_checklist_isets_reason r)
{
	const struct reason_row *row = reason_row(r);

	/* Out-of-range values have no pair; "moved" takes no reason at all. */
	return row ? row->completion : PW_ISETS_EXITED_MOVED;
}

static bool blank(const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		if (strchr(" \t\r\n\v\f", *s) == NULL)
			return false;
	}
	return true;
}

/* R-CHK-2 */
int pw_checklist_isets_check_completion(const char *status, const char *reason,
                                        struct pw_violations *v)
{
	enum pw_checklist_isets_completion c;
	enum pw_checklist_isets_reason r;

	if (blank(status)) {
		pw_violation_add(v, "R-CHK-2", "completion_status",
		                 "Select a program completion status.");
		return PW_ERR_INVALID;
	}
	if (pw_checklist_isets_completion_from_code(status, &c) != PW_OK) {
		pw_violation_add(v, "R-CHK-2", "completion_status",
		                 "The program completion status is not one of the ISETS statuses.");
		return PW_ERR_INVALID;
	}
	if (c == PW_ISETS_EXITED_MOVED) {
		if (blank(reason))
			return PW_OK;
		pw_violation_add(v, "R-CHK-2", "outcome_reason", "\"%s\" takes no outcome reason.",
		                 pw_checklist_isets_completion_label(c));
		return PW_ERR_INVALID;
	}
	if (blank(reason)) {
		pw_violation_add(v, "R-CHK-2", "outcome_reason",
		                 "Select an outcome reason for \"%s\".",
		                 pw_checklist_isets_completion_label(c));
		return PW_ERR_INVALID;
	}
	if (pw_checklist_isets_reason_from_code(reason, &r) != PW_OK) {
		pw_violation_add(v, "R-CHK-2", "outcome_reason",
		                 "The outcome reason is not one of the ISETS outcome reasons.");
		return PW_ERR_INVALID;
	}
	if (pw_checklist_isets_reason_completion(r) != c) {
		pw_violation_add(v, "R-CHK-2", "outcome_reason",
		                 "The outcome reason \"%s\" does not go with \"%s\".",
		                 pw_checklist_isets_reason_label(r),
		                 pw_checklist_isets_completion_label(c));
		return PW_ERR_INVALID;
	}
	return PW_OK;
}

/* R-CHK-3, seed 002: C-Work exit reasons and when each applies. */
struct cwork_row {
	enum pw_checklist_cwork_reason reason;
	const char *code;
	const char *label;
	const char *help;
};

static const struct cwork_row cwork_rows[] = {
        {PW_CWORK_PROGRAM_COMPLETION, "program_completion", "Program completion",
         "The client has successfully completed the ECE or workforce development program (e.g. "
         "completed the course, completed an internship, completed workforce development goals)."},
        {PW_CWORK_UNABLE_TO_COMPLETE, "unable_to_complete", "Unable to complete program",
         "The client did not successfully complete the program (e.g. did not complete their "
         "goals, did not complete or pass the ECE course, etc.)."},
        {PW_CWORK_LACK_OF_CONTACT, "lack_of_contact", "Lack of contact",
         "The client has been out of contact and the staff member is unable to reach the client "
         "after multiple attempts."},
        {PW_CWORK_NO_LONGER_INTERESTED, "no_longer_interested", "No longer interested",
         "The client is no longer interested in continuing the program (e.g. availability or "
         "capacity issues, etc.)."},
        {PW_CWORK_GROUPS_CLASSES_ONLY, "groups_classes_only", "Groups/Classes Only",
         "The client participated in at least one workshop and did NOT end up participating in "
         "the ECE or workforce development programs."},
};

static const struct cwork_row *cwork_row(enum pw_checklist_cwork_reason r)
{
	for (size_t i = 0; i < PW_ARRAY_LEN(cwork_rows); i++) {
		if (cwork_rows[i].reason == r)
			return &cwork_rows[i];
	}
	return NULL;
}

int pw_checklist_cwork_reason_from_code(const char *code, enum pw_checklist_cwork_reason *out)
{
	for (size_t i = 0; code != NULL && i < PW_ARRAY_LEN(cwork_rows); i++) {
		if (strcmp(cwork_rows[i].code, code) == 0) {
			*out = cwork_rows[i].reason;
			return PW_OK;
		}
	}
	return PW_ERR_INVALID;
}

const char *pw_checklist_cwork_reason_code(enum pw_checklist_cwork_reason r)
{
	const struct cwork_row *row = cwork_row(r);

	return row ? row->code : "";
}

const char *pw_checklist_cwork_reason_label(enum pw_checklist_cwork_reason r)
{
	const struct cwork_row *row = cwork_row(r);

	return row ? row->label : "";
}

const char *pw_checklist_cwork_reason_help(enum pw_checklist_cwork_reason r)
{
	const struct cwork_row *row = cwork_row(r);

	return row ? row->help : "";
}

static const struct code_row tracker_type_rows[] = {
        {PW_TRACKER_INTERVENTION, "intervention", "Intervention Tracker"},
        {PW_TRACKER_EMPLOYMENT, "employment", "Employment Tracker"},
        {PW_TRACKER_ECE_COURSE, "ece_course", "ECE Course Tracker"},
        {PW_TRACKER_INTERNSHIP, "internship", "Internship Tracker"},
        {PW_TRACKER_INCOME, "income", "Income Tracker"},
        {PW_TRACKER_HOUSING, "housing", "Housing Tracker"},
};
CODE_TABLE_API(pw_checklist_tracker_type, enum pw_tracker_type, tracker_type_rows)

static const struct code_row tracker_status_rows[] = {
        {PW_TRACKER_STATUS_NONE, "", "(no status)"},
        {PW_TRACKER_STATUS_ACTIVE, "ACTIVE", "ACTIVE"},
        {PW_TRACKER_STATUS_EXITED, "EXITED", "EXITED"},
        {PW_TRACKER_STATUS_COMPLETED, "COMPLETED", "COMPLETED"},
        {PW_TRACKER_STATUS_NOT_COMPLETED, "NOT_COMPLETED", "NOT COMPLETED"},
        {PW_TRACKER_STATUS_WITHDRAWN, "WITHDRAWN", "WITHDRAWN"},
};

int pw_checklist_tracker_status_from_code(const char *code, enum pw_tracker_status *out)
{
	int value;
	int rc = parse_code(tracker_status_rows, PW_ARRAY_LEN(tracker_status_rows),
	                    code ? code : "", &value);

	if (rc == PW_OK)
		*out = (enum pw_tracker_status)value;
	return rc;
}

const char *pw_checklist_tracker_status_code(enum pw_tracker_status s)
{
	return code_of(tracker_status_rows, PW_ARRAY_LEN(tracker_status_rows), (int)s);
}

const char *pw_checklist_tracker_status_label(enum pw_tracker_status s)
{
	return label_of(tracker_status_rows, PW_ARRAY_LEN(tracker_status_rows), (int)s);
}

static const struct code_row tracker_stage_rows[] = {
        {PW_TRACKER_STAGE_NONE, "", "(no stage)"},
        {PW_TRACKER_STAGE_INTAKE, "INTAKE", "INTAKE"},
        {PW_TRACKER_STAGE_IN_PROGRAM, "IN_PROGRAM", "IN PROGRAM"},
        {PW_TRACKER_STAGE_PROGRAM_EXIT, "PROGRAM_EXIT", "PROGRAM EXIT"},
        {PW_TRACKER_STAGE_FOLLOW_UP, "FOLLOW_UP", "FOLLOW UP"},
};

int pw_checklist_tracker_stage_from_code(const char *code, enum pw_tracker_stage *out)
{
	int value;
	int rc = parse_code(tracker_stage_rows, PW_ARRAY_LEN(tracker_stage_rows), code ? code : "",
	                    &value);

	if (rc == PW_OK)
		*out = (enum pw_tracker_stage)value;
	return rc;
}

const char *pw_checklist_tracker_stage_code(enum pw_tracker_stage s)
{
	return code_of(tracker_stage_rows, PW_ARRAY_LEN(tracker_stage_rows), (int)s);
}

const char *pw_checklist_tracker_stage_label(enum pw_tracker_stage s)
{
	return label_of(tracker_stage_rows, PW_ARRAY_LEN(tracker_stage_rows), (int)s);
}

static const struct code_row goal_rows[] = {
        {PW_GOAL_NOT_STARTED, "NOT_STARTED", "Not Started"},
        {PW_GOAL_ON_TRACK, "ON_TRACK", "On Track"},
        {PW_GOAL_OFF_TRACK, "OFF_TRACK", "Off Track"},
        {PW_GOAL_COMPLETED, "COMPLETED", "COMPLETED"},
        {PW_GOAL_NOT_COMPLETED, "NOT_COMPLETED", "NOT COMPLETED"},
};
CODE_TABLE_API(pw_checklist_goal_progress, enum pw_goal_progress, goal_rows)

/* ---- the bounded "why" text -------------------------------------------- */

/* Room kept free at the end of the buffer for "; and N more". */
#define WHY_RESERVE 24

struct why {
	char *buf;
	size_t cap;
	size_t len;
	unsigned hidden; /* entries that did not fit */
};

static void why_init(struct why *w, char *buf, size_t cap)
{
	w->buf = buf;
	w->cap = cap;
	w->len = 0;
	w->hidden = 0;
	buf[0] = '\0';
}

/* Length of the longest prefix of s[0..n) that ends on a UTF-8 character
 * boundary: continuation bytes (10xxxxxx) at the cut are given back. */
static size_t utf8_cut(const char *s, size_t n)
{
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

/* Appends one formatted entry, "; "-separated (see the file comment). */
__attribute__((format(printf, 2, 3))) static void why_add(struct why *w, const char *fmt, ...)
{
	char tmp[PW_CHECKLIST_WHY];
	const char *sep = w->len ? "; " : "";
	size_t limit = w->cap - WHY_RESERVE;
	size_t n, cut;
	va_list ap;
	int rc;

	if (w->hidden > 0) {
		w->hidden++;
		return;
	}
	va_start(ap, fmt);
	rc = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (rc < 0)
		return;
	n = (size_t)rc < sizeof(tmp) ? (size_t)rc : sizeof(tmp) - 1;
	if ((size_t)rc < sizeof(tmp) && w->len + strlen(sep) + n < limit) {
		memcpy(w->buf + w->len, sep, strlen(sep));
		w->len += strlen(sep);
		memcpy(w->buf + w->len, tmp, n + 1);
		w->len += n;
		return;
	}
	if (w->len > 0) {
		w->hidden++;
		return;
	}
	/* A first entry longer than the buffer: keep what fits, then "...". */
	cut = utf8_cut(tmp, limit - 4 < n ? limit - 4 : n);
	memcpy(w->buf, tmp, cut);
	memcpy(w->buf + cut, "...", 4);
	w->len = cut + 3;
}

static void why_finish(struct why *w)
{
	if (w->hidden > 0)
		snprintf(w->buf + w->len, w->cap - w->len, "; and %u more", w->hidden);
}

/* ---- item kinds -------------------------------------------------------- */

typedef bool (*item_fn)(const struct pw_checklist_facts *f, struct why *w);

/* The exit date the checklist measures against: the proposed one, or as_of
 * for a readiness view that has none yet. */
static pw_date exit_date_of(const struct pw_checklist_facts *f)
{
	return pw_date_is_valid(f->exit.exit_date) ? f->exit.exit_date : f->as_of;
}

/* Adds "<name> is Started/Open since <start>" / "is Planned for <start>". */
static void why_service(struct why *w, const struct pw_service *s)
{
	char name[PW_CHECKLIST_WHY], d[PW_DATE_STRLEN];

	pw_service_display_name(s, name, sizeof(name));
	pw_date_format(s->start, d);
	if (d[0] == '\0')
		why_add(w, "%s is %s", name, pw_service_status_label(s->status));
	else if (s->status == PW_SERVICE_PLANNED)
		why_add(w, "%s is %s for %s", name, pw_service_status_label(s->status), d);
	else
		why_add(w, "%s is %s since %s", name, pw_service_status_label(s->status), d);
}

/* R-CHK-1 / R-CHK-2: every counted service completed or deleted. Follow-up
 * services belong to the time after exit (R-SVC-4) and are never counted. */
static bool services_closed(const struct pw_checklist_facts *f, struct why *w, bool skip_supportive)
{
	bool met = true;

	for (size_t i = 0; f->services != NULL && i < f->n_services; i++) {
		const struct pw_service *s = &f->services[i];

		if (s->type.followup || (skip_supportive && s->type.supportive))
			continue;
		if (s->status == PW_SERVICE_DELETED || pw_service_status_is_completed(s->status))
			continue;
		met = false;
		why_service(w, s);
	}
	return met;
}

static bool item_services_complete(const struct pw_checklist_facts *f, struct why *w)
{
	return services_closed(f, w, false);
}

static bool item_activities_except_supportive(const struct pw_checklist_facts *f, struct why *w)
{
	return services_closed(f, w, true);
}

static bool item_school_status(const struct pw_checklist_facts *f, struct why *w)
{
	enum pw_exit_school_status s;

	if (blank(f->exit.school_status)) {
		why_add(w, "No school status at exit is selected.");
		return false;
	}
	if (pw_exit_school_status_from_code(f->exit.school_status, &s) != PW_OK) {
		why_add(w, "The school status at exit is not one of the listed values.");
		return false;
	}
	return true;
}

static bool item_msg_entered(const struct pw_checklist_facts *f, struct why *w)
{
	if (f->n_skill_gains > 0)
		return true;
	why_add(w, "No measurable skill gain has been entered.");
	return false;
}

static bool item_credentials_entered(const struct pw_checklist_facts *f, struct why *w)
{
	if (f->n_credentials > 0)
		return true;
	why_add(w, "No credential has been entered.");
	return false;
}

/* The profile's own list of reason codes; any non-blank reason when the
 * profile lists none. */
static bool item_exit_reason(const struct pw_checklist_facts *f, struct why *w)
{
	if (blank(f->exit.exit_reason)) {
		why_add(w, "No exit reason is selected.");
		return false;
	}
	if (f->n_exit_reasons == 0 || f->exit_reasons == NULL)
		return true;
	for (size_t i = 0; i < f->n_exit_reasons; i++) {
		if (f->exit_reasons[i] != NULL &&
		    strcmp(f->exit_reasons[i], f->exit.exit_reason) == 0)
			return true;
	}
	why_add(w, "The exit reason is not one this program offers.");
	return false;
}

static bool item_cwork_exit_reason(const struct pw_checklist_facts *f, struct why *w)
{
	enum pw_checklist_cwork_reason r;

	if (blank(f->exit.exit_reason)) {
		why_add(w, "No exit reason is selected.");
		return false;
	}
	if (pw_checklist_cwork_reason_from_code(f->exit.exit_reason, &r) != PW_OK) {
		why_add(w, "The exit reason is not one of the C-Work exit reasons.");
		return false;
	}
	return true;
}

static bool item_exit_comments(const struct pw_checklist_facts *f, struct why *w)
{
	if (!blank(f->exit.comments))
		return true;
	why_add(w, "No client exit comments are entered.");
	return false;
}

static bool item_isets_program(const struct pw_checklist_facts *f, struct why *w)
{
	enum pw_checklist_isets_program p;

	if (blank(f->exit.isets_program)) {
		why_add(w, "No program is selected.");
		return false;
	}
	if (pw_checklist_isets_program_from_code(f->exit.isets_program, &p) != PW_OK) {
		why_add(w, "The program is not SNAP JP, SNAP to Success or Earnfare.");
		return false;
	}
	return true;
}

static bool item_completion_status(const struct pw_checklist_facts *f, struct why *w)
{
	struct pw_violations v;

	pw_violations_init(&v);
	if (pw_checklist_isets_check_completion(f->exit.completion_status, f->exit.outcome_reason,
	                                        &v) == PW_OK)
		return true;
	for (size_t i = 0; i < v.n; i++)
		why_add(w, "%s", v.items[i].message);
	return false;
}

static bool item_program_completion_date(const struct pw_checklist_facts *f, struct why *w)
{
	pw_date d = f->exit.program_completion_date;
	char a[PW_DATE_STRLEN], b[PW_DATE_STRLEN];

	if (!pw_date_is_valid(d)) {
		why_add(w, "No program completion date is entered.");
		return false;
	}
	pw_date_format(d, a);
	if (d > f->as_of) {
		why_add(w, "The program completion date %s is in the future.", a);
		return false;
	}
	if (pw_date_is_valid(f->participation_date) && d < f->participation_date) {
		pw_date_format(f->participation_date, b);
		why_add(w, "The program completion date %s is before the participation date %s.", a,
		        b);
		return false;
	}
	return true;
}

static bool item_goals_closed(const struct pw_checklist_facts *f, struct why *w)
{
	bool met = true;
	char id[32], d[PW_DATE_STRLEN];

	for (size_t i = 0; f->goals != NULL && i < f->n_goals; i++) {
		const struct pw_goal *g = &f->goals[i];
		/* why_add bounds the whole entry, so the name needs no copy. */
		const char *name = g->name;

		if (name == NULL || name[0] == '\0') {
			snprintf(id, sizeof(id), "#%lld", (long long)g->id);
			name = id;
		}
		if (g->progress != PW_GOAL_COMPLETED && g->progress != PW_GOAL_NOT_COMPLETED) {
			met = false;
			why_add(w, "Goal \"%s\" is %s", name,
			        pw_checklist_goal_progress_label(g->progress));
		} else if (!pw_date_is_valid(g->actual_completion)) {
			met = false;
			why_add(w, "Goal \"%s\" has no Actual Completion Date", name);
		} else if (g->actual_completion > f->as_of) {
			met = false;
			pw_date_format(g->actual_completion, d);
			why_add(w, "Goal \"%s\" has an Actual Completion Date in the future (%s)",
			        name, d);
		}
	}
	return met;
}

/* "<Type> Tracker #id" */
static void tracker_name(const struct pw_tracker *t, char *buf, size_t cap)
{
	snprintf(buf, cap, "%s #%lld", pw_checklist_tracker_type_label(t->type), (long long)t->id);
}

/* R-CHK-3: the current intervention tracker is the one made last (created,
 * then its own date, then the later in the list). */
static bool item_cwork_intervention(const struct pw_checklist_facts *f, struct why *w)
{
	const struct pw_tracker *cur = NULL;
	char name[64], d[PW_DATE_STRLEN];
	bool met = true;

	for (size_t i = 0; f->trackers != NULL && i < f->n_trackers; i++) {
		const struct pw_tracker *t = &f->trackers[i];

		if (t->type != PW_TRACKER_INTERVENTION)
			continue;
		if (cur == NULL || t->created > cur->created ||
		    (t->created == cur->created && t->date >= cur->date))
			cur = t;
	}
	if (cur == NULL) {
		why_add(w, "No Intervention Tracker has been added.");
		return false;
	}
	tracker_name(cur, name, sizeof(name));
	if (cur->status != PW_TRACKER_STATUS_EXITED) {
		met = false;
		why_add(w, "%s has Status %s, not EXITED", name,
		        pw_checklist_tracker_status_label(cur->status));
	}
	if (!pw_date_is_valid(cur->end_date)) {
		met = false;
		why_add(w, "%s has no Exit Date", name);
	} else if (cur->end_date > f->as_of) {
		met = false;
		pw_date_format(cur->end_date, d);
		why_add(w, "%s has an Exit Date in the future (%s)", name, d);
	}
	if (blank(cur->end_reason)) {
		met = false;
		why_add(w, "%s has no End Reason", name);
	}
	if (blank(cur->end_details)) {
		met = false;
		why_add(w, "%s has no End Details", name);
	}
	return met;
}

/* The last date a qualifying service was actually received (planned ones
 * left out), or the participation date when there is none. */
static pw_date last_received_date(const struct pw_checklist_facts *f)
{
	pw_date since = PW_DATE_NONE;

	for (size_t i = 0; f->services != NULL && i < f->n_services; i++) {
		const struct pw_service *s = &f->services[i];
		pw_date d = pw_service_clock_date(s);

		if (!pw_service_received(s) || !pw_service_qualifies(s, f->supportive_extends_exit))
			continue;
		if (d != PW_DATE_NONE && (since == PW_DATE_NONE || d > since))
			since = d;
	}
	return since != PW_DATE_NONE ? since : f->participation_date;
}

/* R-CHK-3: a NEW tracker of `type` with stage PROGRAM_EXIT. New means made
 * for this exit: created on or after the last date a qualifying service was
 * received (or the participation date when there is none) and not after
 * as_of; an older tracker moved to PROGRAM_EXIT does not count. */
static bool exit_stage_tracker(const struct pw_checklist_facts *f, struct why *w,
                               enum pw_tracker_type type)
{
	const struct pw_tracker *stale = NULL;
	pw_date since = last_received_date(f);
	char name[64], a[PW_DATE_STRLEN], b[PW_DATE_STRLEN];

	for (size_t i = 0; f->trackers != NULL && i < f->n_trackers; i++) {
		const struct pw_tracker *t = &f->trackers[i];

		if (t->type != type || t->stage != PW_TRACKER_STAGE_PROGRAM_EXIT)
			continue;
		if (pw_date_is_valid(t->created) && t->created <= f->as_of &&
		    (!pw_date_is_valid(since) || t->created >= since))
			return true;
		if (stale == NULL)
			stale = t;
	}
	if (stale == NULL) {
		why_add(w, "No %s with Stage PROGRAM EXIT has been added.",
		        pw_checklist_tracker_type_label(type));
		return false;
	}
	tracker_name(stale, name, sizeof(name));
	pw_date_format(stale->created, a);
	pw_date_format(since, b);
	if (!pw_date_is_valid(stale->created) || stale->created > f->as_of)
		why_add(w, "%s (Stage PROGRAM EXIT) has no valid created date: add a new one.",
		        name);
	else
		why_add(w, "%s (Stage PROGRAM EXIT) was created %s, before %s: add a new one.",
		        name, a, b);
	return false;
}

static bool item_cwork_employment_exit(const struct pw_checklist_facts *f, struct why *w)
{
	return exit_stage_tracker(f, w, PW_TRACKER_EMPLOYMENT);
}

static bool item_cwork_housing_exit(const struct pw_checklist_facts *f, struct why *w)
{
	return exit_stage_tracker(f, w, PW_TRACKER_HOUSING);
}

/* R-CHK-3: every tracker of `type` has a closing status and an end date
 * (none at all: nothing to close). */
static bool trackers_closed(const struct pw_checklist_facts *f, struct why *w,
                            enum pw_tracker_type type)
{
	bool met = true;
	char name[64], d[PW_DATE_STRLEN];

	for (size_t i = 0; f->trackers != NULL && i < f->n_trackers; i++) {
		const struct pw_tracker *t = &f->trackers[i];

		if (t->type != type)
			continue;
		tracker_name(t, name, sizeof(name));
		if (t->status == PW_TRACKER_STATUS_NONE || t->status == PW_TRACKER_STATUS_ACTIVE) {
			met = false;
			why_add(w, "%s has Status %s", name,
			        pw_checklist_tracker_status_label(t->status));
		}
		if (!pw_date_is_valid(t->end_date)) {
			met = false;
			why_add(w, "%s has no End Date", name);
		} else if (t->end_date > f->as_of) {
			met = false;
			pw_date_format(t->end_date, d);
			why_add(w, "%s has an End Date in the future (%s)", name, d);
		}
	}
	return met;
}

static bool item_cwork_ece_course(const struct pw_checklist_facts *f, struct why *w)
{
	return trackers_closed(f, w, PW_TRACKER_ECE_COURSE);
}

static bool item_cwork_internship(const struct pw_checklist_facts *f, struct why *w)
{
	return trackers_closed(f, w, PW_TRACKER_INTERNSHIP);
}

/* R-CHK-3, R-DATE-3: an income tracker dated in the exit's fiscal quarter. */
static bool item_cwork_income(const struct pw_checklist_facts *f, struct why *w)
{
	pw_date exit = exit_date_of(f), first, last, latest = PW_DATE_NONE;
	int fq = pw_fiscal_quarter_index(exit, f->fy_start_month);
	char a[PW_DATE_STRLEN], b[PW_DATE_STRLEN], c[PW_DATE_STRLEN];

	for (size_t i = 0; f->trackers != NULL && i < f->n_trackers; i++) {
		const struct pw_tracker *t = &f->trackers[i];

		if (t->type != PW_TRACKER_INCOME || !pw_date_is_valid(t->date))
			continue;
		if (pw_fiscal_quarter_index(t->date, f->fy_start_month) == fq)
			return true;
		if (latest == PW_DATE_NONE || t->date > latest)
			latest = t->date;
	}
	pw_fiscal_quarter_bounds(fq, f->fy_start_month, &first, &last);
	pw_date_format(first, a);
	pw_date_format(last, b);
	if (latest == PW_DATE_NONE) {
		why_add(w, "No Income Tracker has been added; one dated %s to %s is needed.", a, b);
	} else {
		pw_date_format(latest, c);
		why_add(w,
		        "No Income Tracker is dated in the exit's fiscal quarter (%s to %s); the "
		        "latest is dated %s.",
		        a, b, c);
	}
	return false;
}

struct item_kind {
	const char *code;
	const char *rule;
	const char *label;
	const char *field;
	item_fn eval;
};

static const struct item_kind kinds[] = {
        {"services_complete", "R-CHK-1",
         "All services have a completion status (successful/unsuccessful) or have been deleted.",
         NULL, item_services_complete},
        {"activities_complete_except_supportive", "R-CHK-2",
         "All SNAP E&T Activities (not including Supportive Services) have a completion status "
         "(successful/unsuccessful) or have been removed.",
         NULL, item_activities_except_supportive},
        {"school_status_at_exit", "R-CHK-1", "The school status at exit is selected.",
         "school_status", item_school_status},
        {"msg_entered", "R-CHK-1", "At least 1 Measurable Skill Gain has been entered.", NULL,
         item_msg_entered},
        {"credentials_entered", "R-CHK-1",
         "All Industry Recognized Credentials are entered into the system.", NULL,
         item_credentials_entered},
        {"exit_reason", "R-EXIT-3", "An exit reason is selected.", "exit_reason", item_exit_reason},
        {"exit_comments", "R-EXIT-3", "Client exit comments are entered.", "comments",
         item_exit_comments},
        {"isets_program", "R-CHK-2",
         "The program (SNAP JP, SNAP to Success, Earnfare) is selected.", "isets_program",
         item_isets_program},
        {"completion_status_and_outcome_reason", "R-CHK-2",
         "A program completion status and a matching outcome reason are selected.",
         "completion_status", item_completion_status},
        {"program_completion_date", "R-CHK-2", "The program completion date is entered.",
         "program_completion_date", item_program_completion_date},
        {"cwork_exit_reason", "R-CHK-3",
         "An exit reason is selected (program completion, unable to complete program, lack of "
         "contact, no longer interested, groups/classes only).",
         "exit_reason", item_cwork_exit_reason},
        {"cwork_intervention_exited", "R-CHK-3",
         "The Intervention Tracker's Status is EXITED, with its Exit Date, End Reason and End "
         "Details.",
         NULL, item_cwork_intervention},
        {"cwork_employment_tracker_exit", "R-CHK-3",
         "A new Employment Tracker with Stage = PROGRAM EXIT has been added.", NULL,
         item_cwork_employment_exit},
        {"cwork_ece_course_closed", "R-CHK-3",
         "Any open ECE Course Tracker has been given a Status and an End Date.", NULL,
         item_cwork_ece_course},
        {"cwork_internship_closed", "R-CHK-3",
         "Any open Internship Tracker has been given a Status and an End Date.", NULL,
         item_cwork_internship},
        {"cwork_income_same_fiscal_quarter", "R-CHK-3",
         "An Income Tracker with the client's current income is dated in the same fiscal quarter "
         "as the exit.",
         NULL, item_cwork_income},
        {"cwork_housing_tracker_exit", "R-CHK-3",
         "A new Housing Tracker with Housing Stage = PROGRAM EXIT has been added.", NULL,
         item_cwork_housing_exit},
        {"goals_closed", "R-CHK-3",
         "Every goal's progress is COMPLETED or NOT COMPLETED, with its Actual Completion Date.",
         NULL, item_goals_closed},
};

static const struct item_kind *kind_by_code(const char *code)
{
	for (size_t i = 0; code != NULL && i < PW_ARRAY_LEN(kinds); i++) {
		if (strcmp(kinds[i].code, code) == 0)
			return &kinds[i];
	}
	return NULL;
}

size_t pw_checklist_kind_count(void)
{
	return PW_ARRAY_LEN(kinds);
}

const char *pw_checklist_kind_code(size_t i)
{
	return i < PW_ARRAY_LEN(kinds) ? kinds[i].code : NULL;
}

const char *pw_checklist_kind_label(size_t i)
{
	return i < PW_ARRAY_LEN(kinds) ? kinds[i].label : NULL;
}

bool pw_checklist_kind_known(const char *code)
{
	return kind_by_code(code) != NULL;
}

int pw_checklist_validate_profile(const struct pw_checklist_item_def *items, size_t n,
                                  struct pw_violations *v)
{
	size_t mark = v->n + v->dropped;
	char shown[48];

	for (size_t i = 0; i < n; i++) {
		const char *code = items[i].code;

		if (kind_by_code(code) == NULL) {
			/* Echo a bounded, UTF-8 safe prefix of the bad code. */
			size_t len = code ? strlen(code) : 0;

			if (len >= sizeof(shown))
				len = utf8_cut(code, sizeof(shown) - 1);
			if (len > 0)
				memcpy(shown, code, len);
			shown[len] = '\0';
			pw_violation_add(v, "R-CHK", "checklist",
			                 "Checklist item %zu has the unknown code \"%s\".", i + 1,
			                 shown);
			continue;
		}
		for (size_t j = 0; j < i; j++) {
			if (items[j].code != NULL && strcmp(items[j].code, code) == 0) {
				pw_violation_add(v, "R-CHK", "checklist",
				                 "Checklist item \"%s\" is listed twice.", code);
				break;
			}
		}
	}
	return v->n + v->dropped > mark ? PW_ERR_INVALID : PW_OK;
}

/* R-CHK-1..3, R-EXIT-8 */
int pw_checklist_evaluate(const struct pw_checklist_facts *f,
                          const struct pw_checklist_item_def *items, size_t n,
                          struct pw_checklist_result *out, size_t cap, struct pw_violations *v)
{
	int rc = pw_checklist_validate_profile(items, n, v);

	if (rc != PW_OK)
		return rc;
	if (!pw_date_is_valid(f->as_of)) {
		pw_violation_add(v, "R-DATE-4", "as_of", "The checklist needs a valid as-of date.");
		return PW_ERR_INVALID;
	}
	if (cap < n)
		return PW_ERR_TOO_LARGE;
	for (size_t i = 0; i < n; i++) {
		const struct item_kind *k = kind_by_code(items[i].code);
		struct pw_checklist_result *r = &out[i];
		struct why w;

		r->code = k->code;
		r->rule = k->rule;
		r->label = k->label;
		r->field = k->field;
		r->required = items[i].required;
		why_init(&w, r->why, sizeof(r->why));
		r->met = k->eval(f, &w);
		if (r->met)
			r->why[0] = '\0';
		else
			why_finish(&w);
	}
	return PW_OK;
}

bool pw_checklist_blocks_exit(const struct pw_checklist_result *r, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (r[i].required && !r[i].met)
			return true;
	}
	return false;
}

/* R-EXIT-3 */
int pw_checklist_blocking_violations(const struct pw_checklist_result *r, size_t n,
                                     struct pw_violations *v)
{
	int rc = PW_OK;

	for (size_t i = 0; i < n; i++) {
		if (!r[i].required || r[i].met)
			continue;
		pw_violation_add(v, r[i].rule, r[i].field ? r[i].field : r[i].code, "%s %s",
		                 r[i].label, r[i].why);
		rc = PW_ERR_CONFLICT;
	}
	return rc;
}
