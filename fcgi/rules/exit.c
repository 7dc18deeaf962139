/*
 * exit.c: exit kinds, the 90-day soft exit, common exit, and the checks on
 * regular, hard, late-exclusion, not-enrolled and undone exits
 * (R-EXIT-1..8). See exit.h.
 */
#include "rules/exit.h"

#include "pw.h"

#include <stdio.h>
#include <string.h>

struct code_row {
	int value;
	const char *code;
	const char *label;
};

static const struct code_row kind_rows[] = {
        {PW_EXIT_REGULAR, "regular", "Regular exit"},
        {PW_EXIT_SOFT, "soft", "Soft exit"},
        {PW_EXIT_HARD, "hard", "Hard exit"},
        {PW_EXIT_NOT_ENROLLED, "not_enrolled", "Not enrolled"},
};

static const struct code_row status_rows[] = {
        {PW_ENROLLMENT_REFERRED, "referred", "Referred"},
        {PW_ENROLLMENT_ENROLLED, "enrolled", "Enrolled"},
        {PW_ENROLLMENT_EXITED, "exited", "Exited"},
        {PW_ENROLLMENT_NOT_ENROLLED, "not_enrolled", "Not Enrolled"},
};

/* R-EXIT-4: PIRL 923 codes; labels as CalJOBS shows them where it has them. */
static const struct code_row hard_rows[] = {
        {PW_EXIT_HARD_INSTITUTIONALIZED, "01", "Institutionalized"},
        {PW_EXIT_HARD_HEALTH_MEDICAL, "02", "Health/Medical"},
        {PW_EXIT_HARD_DECEASED, "03", "Deceased"},
        {PW_EXIT_HARD_RESERVE_FORCES, "04", "Reservist called to Active Duty"},
        {PW_EXIT_HARD_FOSTER_CARE, "05",
         "In Foster Care and moved from area by foster care system"},
        {PW_EXIT_HARD_INELIGIBLE, "06", "Ineligible"},
        {PW_EXIT_HARD_CRIMINAL_OFFENDER, "07", "Criminal Offender"},
};

/* PIRL 1401 values; code 5 worded as workNet shows it. */
static const struct code_row school_rows[] = {
        {PW_EXIT_SCHOOL_IN_SECONDARY, "in_school_secondary", "In-school, secondary school or less"},
        {PW_EXIT_SCHOOL_IN_ALTERNATIVE, "in_school_alternative", "In-school, alternative school"},
        {PW_EXIT_SCHOOL_IN_POSTSECONDARY, "in_school_postsecondary",
         "In-school, postsecondary school"},
        {PW_EXIT_SCHOOL_NOT_ATTENDING_DROPOUT, "not_attending_dropout",
         "Not attending school; secondary school dropout"},
        {PW_EXIT_SCHOOL_NOT_ATTENDING_GRADUATE, "not_attending_hs_graduate",
         "Not attending school; H.S. Graduate"},
        {PW_EXIT_SCHOOL_NOT_ATTENDING_COMPULSORY_AGE, "not_attending_compulsory_age",
         "Not attending school; within age of compulsory school attendance"},
};

static const struct code_row *by_value(const struct code_row *rows, size_t n, int value)
{
	for (size_t i = 0; i < n; i++) {
		if (rows[i].value == value)
			return &rows[i];
	}
	return NULL;
}

static const struct code_row *by_code(const struct code_row *rows, size_t n, const char *code)
{
	if (code == NULL)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(rows[i].code, code) == 0)
			return &rows[i];
	}
	return NULL;
}

#define CODE_OF(rows, v)                                                                           \
	do {                                                                                       \
		const struct code_row *r_ = by_value(rows, PW_ARRAY_LEN(rows), (int)(v));          \
		return r_ ? r_->code : "";                                                         \
	} while (0)
#define LABEL_OF(rows, v)                                                                          \
	do {                                                                                       \
		const struct code_row *r_ = by_value(rows, PW_ARRAY_LEN(rows), (int)(v));          \
		return r_ ? r_->label : "";                                                        \
	} while (0)

int pw_exit_kind_from_code(const char *code, enum pw_exit_kind *out)
{
	const struct code_row *r = by_code(kind_rows, PW_ARRAY_LEN(kind_rows), code);

	if (r == NULL)
		return PW_ERR_INVALID;
	*out = (enum pw_exit_kind)r->value;
	return PW_OK;
}

const char *pw_exit_kind_code(enum pw_exit_kind k)
{
	CODE_OF(kind_rows, k);
}

const char *pw_exit_kind_label(enum pw_exit_kind k)
{
	LABEL_OF(kind_rows, k);
}

int pw_exit_enrollment_status_from_code(const char *code, enum pw_enrollment_status *out)
{
	const struct code_row *r = by_code(status_rows, PW_ARRAY_LEN(status_rows), code);

	if (r == NULL)
		return PW_ERR_INVALID;
	*out = (enum pw_enrollment_status)r->value;
	return PW_OK;
}

const char *pw_exit_enrollment_status_code(enum pw_enrollment_status s)
{
	CODE_OF(status_rows, s);
}

const char *pw_exit_enrollment_status_label(enum pw_enrollment_status s)
{
	LABEL_OF(status_rows, s);
}

bool pw_exit_enrollment_is_closed(enum pw_enrollment_status s)
{
	return s == PW_ENROLLMENT_EXITED || s == PW_ENROLLMENT_NOT_ENROLLED;
}

int pw_exit_hard_reason_from_code(const char *code, enum pw_exit_hard_reason *out)
{
	const struct code_row *r = by_code(hard_rows, PW_ARRAY_LEN(hard_rows), code);

	if (r == NULL)
		return PW_ERR_INVALID;
	*out = (enum pw_exit_hard_reason)r->value;
	return PW_OK;
}

const char *pw_exit_hard_reason_code(enum pw_exit_hard_reason r)
{
	CODE_OF(hard_rows, r);
}

const char *pw_exit_hard_reason_label(enum pw_exit_hard_reason r)
{
	LABEL_OF(hard_rows, r);
}

int pw_exit_school_status_from_code(const char *code, enum pw_exit_school_status *out)
{
	const struct code_row *r = by_code(school_rows, PW_ARRAY_LEN(school_rows), code);

	if (r == NULL)
		return PW_ERR_INVALID;
	*out = (enum pw_exit_school_status)r->value;
	return PW_OK;
}

const char *pw_exit_school_status_code(enum pw_exit_school_status s)
{
	CODE_OF(school_rows, s);
}

const char *pw_exit_school_status_label(enum pw_exit_school_status s)
{
	LABEL_OF(school_rows, s);
}

/* Counts violations appended since `mark` was taken (dropped ones included). */
static size_t added_since(const struct pw_violations *v, size_t mark)
{
	return v->n + v->dropped - mark;
}

static size_t mark_of(const struct pw_violations *v)
{
	return v->n + v->dropped;
}

int pw_exit_profile_validate(const struct pw_exit_profile *p, struct pw_violations *v)
{
	size_t mark = mark_of(v);
	enum pw_exit_hard_reason r;

	for (size_t i = 0; i < p->n_hard_reasons; i++) {
		const char *code = p->hard_reasons ? p->hard_reasons[i] : NULL;

		if (pw_exit_hard_reason_from_code(code, &r) != PW_OK) {
			pw_violation_add(v, "R-EXIT-4", "hard_reasons",
			                 "Hard exit reason %zu is not a PIRL 923 code (01..07).",
			                 i + 1);
			continue;
		}
		for (size_t j = 0; j < i; j++) {
			if (p->hard_reasons[j] && strcmp(p->hard_reasons[j], code) == 0) {
				pw_violation_add(v, "R-EXIT-4", "hard_reasons",
				                 "Exit reason %s is listed twice.", code);
				break;
			}
		}
	}
	return added_since(v, mark) ? PW_ERR_INVALID : PW_OK;
}

/* R-EXIT-4 */
int pw_exit_hard_reason_offered(const struct pw_exit_profile *p, const char *code,
                                const char *field, enum pw_exit_hard_reason *out,
                                struct pw_violations *v)
{
	enum pw_exit_hard_reason r;

	if (code == NULL || code[0] == '\0') {
		pw_violation_add(v, "R-EXIT-4", field, "An exclusion reason is required.");
		return PW_ERR_INVALID;
	}
	if (pw_exit_hard_reason_from_code(code, &r) != PW_OK) {
		pw_violation_add(v, "R-EXIT-4", field,
		                 "The exclusion reason is not one of the PIRL 923 codes 01..07.");
		return PW_ERR_INVALID;
	}
	for (size_t i = 0; p->hard_reasons != NULL && i < p->n_hard_reasons; i++) {
		if (p->hard_reasons[i] != NULL && strcmp(p->hard_reasons[i], code) == 0) {
			*out = r;
			return PW_OK;
		}
	}
	pw_violation_add(v, "R-EXIT-4", field,
	                 "This program does not offer the exit reason \"%s\".",
	                 pw_exit_hard_reason_label(r));
	return PW_ERR_INVALID;
}

/* R-EXIT-1: the first open or planned qualifying service, if any. */
static bool find_active_qualifying(const struct pw_exit_facts *f, size_t *index)
{
	for (size_t i = 0; f->services != NULL && i < f->n_services; i++) {
		const struct pw_service *s = &f->services[i];

		if (!pw_service_qualifies(s, f->supportive_extends_exit))
			continue;
		if (s->status == PW_SERVICE_OPEN || s->status == PW_SERVICE_PLANNED) {
			*index = i;
			return true;
		}
	}
	return false;
}

/* R-EXIT-1, R-EXIT-8 */
int pw_exit_soft_status(const struct pw_exit_facts *f, pw_date as_of, struct pw_exit_soft *out)
{
	pw_date deadline;

	if (f == NULL || out == NULL || !pw_date_is_valid(as_of))
		return PW_ERR_INVALID;
	memset(out, 0, sizeof(*out));
	out->last_date = PW_DATE_NONE;
	out->sweep_date = PW_DATE_NONE;
	out->days_left = -1;
	out->has_last =
	        pw_service_last_qualifying(f->services, f->n_services, f->supportive_extends_exit,
	                                   &out->last_index, &out->last_date) == PW_OK;
	out->blocked = find_active_qualifying(f, &out->blocking_index);
	if (f->status != PW_ENROLLMENT_ENROLLED || !out->has_last || out->blocked)
		return PW_OK;
	/* as_of > L + 90 <=> as_of >= L + 91. */
	deadline = pw_date_add_days(out->last_date, PW_EXIT_SOFT_DAYS + 1);
	if (deadline == PW_DATE_NONE)
		return PW_OK;
	out->sweep_date = deadline;
	out->due = as_of >= deadline;
	out->days_left = out->due ? 0 : (int)pw_date_diff(deadline, as_of);
	return PW_OK;
}

bool pw_exit_soft_due(const struct pw_exit_facts *f, pw_date as_of, pw_date *exit_date)
{
	struct pw_exit_soft s;

	if (pw_exit_soft_status(f, as_of, &s) != PW_OK || !s.due)
		return false;
	if (exit_date != NULL)
		*exit_date = s.last_date;
	return true;
}

/* R-EXIT-2 */
int pw_exit_common_status(const struct pw_exit_facts *members, size_t n, pw_date as_of,
                          struct pw_exit_common *out)
{
	if (out == NULL || (members == NULL && n > 0) || !pw_date_is_valid(as_of))
		return PW_ERR_INVALID;
	memset(out, 0, sizeof(*out));
	out->exit_date = PW_DATE_NONE;
	for (size_t i = 0; i < n; i++) {
		pw_date l;

		if (members[i].status != PW_ENROLLMENT_ENROLLED)
			continue;
		out->n_members++;
		if (!pw_exit_soft_due(&members[i], as_of, &l)) {
			if (!out->has_blocker) {
				out->has_blocker = true;
				out->blocker = i;
			}
			continue;
		}
		if (out->exit_date == PW_DATE_NONE || l > out->exit_date)
			out->exit_date = l;
	}
	out->due = out->n_members > 0 && !out->has_blocker;
	if (!out->due)
		out->exit_date = PW_DATE_NONE;
	return PW_OK;
}

/* The date checks shared by every exit: given, valid, not in the future and
 * not before participation (R-EXIT-3, R-DATE-4). */
static void check_exit_date_common(const struct pw_exit_facts *f, pw_date exit_date, pw_date as_of,
                                   const char *rule, struct pw_violations *v)
{
	char a[PW_DATE_STRLEN], b[PW_DATE_STRLEN];

	if (!pw_date_is_valid(exit_date)) {
		pw_violation_add(v, rule, "exit_date", "An exit date is required.");
		return;
	}
	pw_date_format(exit_date, a);
	if (pw_date_is_valid(as_of) && exit_date > as_of)
		pw_violation_add(v, rule, "exit_date", "The exit date %s is in the future.", a);
	if (pw_date_is_valid(f->participation_date) && exit_date < f->participation_date) {
		pw_date_format(f->participation_date, b);
		pw_violation_add(v, rule, "exit_date",
		                 "The exit date %s is before the participation date %s.", a, b);
	}
}

/* R-EXIT-3 */
int pw_exit_check_regular(const struct pw_exit_facts *f, pw_date exit_date, pw_date as_of,
                          struct pw_violations *v)
{
	size_t mark = mark_of(v);
	size_t idx;
	pw_date last;
	char a[PW_DATE_STRLEN], b[PW_DATE_STRLEN], name[96];

	if (f->status != PW_ENROLLMENT_ENROLLED) {
		pw_violation_add(
		        v, "R-EXIT-3", "status",
		        "Only an enrolled participant can be exited; this enrollment is %s.",
		        pw_exit_enrollment_status_label(f->status));
		return PW_ERR_CONFLICT;
	}
	check_exit_date_common(f, exit_date, as_of, "R-EXIT-3", v);
	if (pw_date_is_valid(exit_date) &&
	    pw_service_last_qualifying(f->services, f->n_services, f->supportive_extends_exit, &idx,
	                               &last) == PW_OK &&
	    exit_date < last) {
		pw_date_format(exit_date, a);
		pw_date_format(last, b);
		pw_service_display_name(&f->services[idx], name, sizeof(name));
		pw_violation_add(v, "R-EXIT-3", "exit_date",
		                 "The exit date %s is before the last service date %s (%s).", a, b,
		                 name);
	}
	return added_since(v, mark) ? PW_ERR_INVALID : PW_OK;
}

/* R-EXIT-4: the evidence a global exclusion needs. */
static void check_exclusion_evidence(const struct pw_exit_profile *p,
                                     const struct pw_exit_hard_request *r, struct pw_violations *v)
{
	if (!r->has_case_note)
		pw_violation_add(v, "R-EXIT-4", "case_note_id",
		                 "Add a case note stating the reason for the exclusion.");
	else if (p->hard_needs_document && !r->has_document)
		pw_violation_add(v, "R-EXIT-4", "document_id",
		                 "Attach a verifying document to the case note.");
}

/* R-EXIT-4 */
int pw_exit_check_hard(const struct pw_exit_facts *f, const struct pw_exit_profile *p,
                       const struct pw_exit_hard_request *r, pw_date as_of,
                       enum pw_exit_hard_reason *reason, struct pw_violations *v)
{
	size_t mark = mark_of(v);
	enum pw_exit_hard_reason parsed;
	char a[PW_DATE_STRLEN], b[PW_DATE_STRLEN], name[96];

	if (f->status != PW_ENROLLMENT_ENROLLED) {
		pw_violation_add(v, "R-EXIT-4", "status",
		                 "Only an enrolled participant can be hard exited; this enrollment "
		                 "is %s.",
		                 pw_exit_enrollment_status_label(f->status));
		return PW_ERR_CONFLICT;
	}
	if (pw_exit_hard_reason_offered(p, r->reason, "reason", &parsed, v) == PW_OK &&
	    reason != NULL)
		*reason = parsed;
	check_exclusion_evidence(p, r, v);
	check_exit_date_common(f, r->exit_date, as_of, "R-EXIT-4", v);
	if (!pw_date_is_valid(r->exit_date))
		goto out;
	pw_date_format(r->exit_date, a);
	/* The first received service the exit date would precede (R-SVC-1, R-SVC-4). */
	for (size_t i = 0; f->services != NULL && i < f->n_services; i++) {
		const struct pw_service *s = &f->services[i];
		pw_date d = s->status == PW_SERVICE_OPEN ? s->start : s->end;

		if (!pw_service_received(s) || !pw_date_is_valid(d) || d <= r->exit_date)
			continue;
		pw_date_format(d, b);
		pw_service_display_name(s, name, sizeof(name));
		pw_violation_add(v, "R-EXIT-4", "exit_date",
		                 "The exit date %s is before %s of %s (%s).", a,
		                 s->status == PW_SERVICE_OPEN ? "the start" : "the end", name, b);
		break;
	}
out:
	return added_since(v, mark) ? PW_ERR_INVALID : PW_OK;
}

/* R-EXIT-4 */
bool pw_exit_hard_service_change(const struct pw_service *s, pw_date exit_date,
                                 enum pw_service_status *status, pw_date *end)
{
	if (s->status == PW_SERVICE_OPEN) {
		*status = PW_SERVICE_COMPLETED_UNSUCCESSFUL;
		*end = exit_date;
		return true;
	}
	if (s->status == PW_SERVICE_PLANNED) {
		*status = PW_SERVICE_DELETED;
		return true;
	}
	return false;
}

/* R-EXIT-5 */
pw_date pw_exit_exclusion_deadline(pw_date exit_date)
{
	pw_date first, last;

	if (!pw_date_is_valid(exit_date))
		return PW_DATE_NONE;
	pw_quarter_bounds(pw_quarter_index(exit_date) + 4, &first, &last);
	return last;
}

/* R-EXIT-5 */
int pw_exit_check_late_exclusion(const struct pw_exit_facts *f, const struct pw_exit_profile *p,
                                 const struct pw_exit_hard_request *r, pw_date as_of,
                                 enum pw_exit_hard_reason *reason, struct pw_violations *v)
{
	size_t mark = mark_of(v);
	enum pw_exit_hard_reason parsed;
	pw_date deadline;
	char a[PW_DATE_STRLEN];

	if (f->status != PW_ENROLLMENT_EXITED ||
	    (f->exit_kind != PW_EXIT_REGULAR && f->exit_kind != PW_EXIT_SOFT)) {
		pw_violation_add(
		        v, "R-EXIT-5", "status",
		        "An exclusion can only be added to an enrollment with a regular or "
		        "soft exit.");
		return PW_ERR_CONFLICT;
	}
	deadline = pw_exit_exclusion_deadline(f->exit_date);
	if (deadline == PW_DATE_NONE || !pw_date_is_valid(as_of) || as_of > deadline) {
		pw_date_format(deadline, a);
		pw_violation_add(v, "R-EXIT-5", "reason",
		                 "The window to add an exclusion closed on %s (end of the 4th "
		                 "quarter after exit).",
		                 a);
		return PW_ERR_CONFLICT;
	}
	if (pw_exit_hard_reason_offered(p, r->reason, "reason", &parsed, v) == PW_OK &&
	    reason != NULL)
		*reason = parsed;
	check_exclusion_evidence(p, r, v);
	return added_since(v, mark) ? PW_ERR_INVALID : PW_OK;
}

/* R-EXIT-6 */
int pw_exit_check_not_enrolled(const struct pw_exit_facts *f, const struct pw_exit_profile *p,
                               struct pw_violations *v)
{
	char name[96], a[PW_DATE_STRLEN];

	if (!p->offers_not_enrolled) {
		pw_violation_add(v, "R-EXIT-6", "kind",
		                 "This program does not close enrollments as not enrolled.");
		return PW_ERR_CONFLICT;
	}
	if (f->status != PW_ENROLLMENT_REFERRED && f->status != PW_ENROLLMENT_ENROLLED) {
		pw_violation_add(v, "R-EXIT-6", "status", "This enrollment is already %s.",
		                 pw_exit_enrollment_status_label(f->status));
		return PW_ERR_CONFLICT;
	}
	for (size_t i = 0; f->services != NULL && i < f->n_services; i++) {
		const struct pw_service *s = &f->services[i];

		if (!pw_service_received(s))
			continue;
		pw_service_display_name(s, name, sizeof(name));
		pw_date_format(s->start, a);
		pw_violation_add(v, "R-EXIT-6", "kind",
		                 "The participant received a service (%s, started %s): use a "
		                 "regular exit.",
		                 name, a);
		return PW_ERR_CONFLICT;
	}
	return PW_OK;
}

/* True when text has a byte other than ASCII white space. */
static bool has_text(const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		if (strchr(" \t\r\n\v\f", *s) == NULL)
			return true;
	}
	return false;
}

/* R-EXIT-7, R-ACL-2 */
int pw_exit_check_undo(const struct pw_exit_facts *f, bool privileged, const char *reason,
                       struct pw_violations *v)
{
	if (!privileged) {
		pw_violation_add(v, "R-ACL-2", NULL,
		                 "Only statewide staff or a program manager can undo an exit.");
		return PW_ERR_FORBIDDEN;
	}
	if (!pw_exit_enrollment_is_closed(f->status)) {
		pw_violation_add(v, "R-EXIT-7", "status", "This enrollment has not exited.");
		return PW_ERR_CONFLICT;
	}
	if (!has_text(reason)) {
		pw_violation_add(v, "R-EXIT-7", "reason", "Give the reason for undoing the exit.");
		return PW_ERR_INVALID;
	}
	return PW_OK;
}

/* R-EXIT-7 */
enum pw_enrollment_status pw_exit_undo_status(enum pw_exit_kind kind)
{
	return kind == PW_EXIT_NOT_ENROLLED ? PW_ENROLLMENT_REFERRED : PW_ENROLLMENT_ENROLLED;
}

/* True when profile p offers at least one valid hard exit reason. */
static bool offers_hard_exit(const struct pw_exit_profile *p)
{
	enum pw_exit_hard_reason r;

	for (size_t i = 0; p->hard_reasons != NULL && i < p->n_hard_reasons; i++) {
		if (pw_exit_hard_reason_from_code(p->hard_reasons[i], &r) == PW_OK)
			return true;
	}
	return false;
}

unsigned pw_exit_kinds_possible(const struct pw_exit_facts *f, const struct pw_exit_profile *p,
                                pw_date as_of)
{
	unsigned mask = 0;
	bool received = false;

	for (size_t i = 0; f->services != NULL && i < f->n_services; i++)
		received = received || pw_service_received(&f->services[i]);
	if (f->status == PW_ENROLLMENT_ENROLLED) {
		mask |= PW_EXIT_KIND_BIT(PW_EXIT_REGULAR);
		if (pw_exit_soft_due(f, as_of, NULL))
			mask |= PW_EXIT_KIND_BIT(PW_EXIT_SOFT);
		if (offers_hard_exit(p))
			mask |= PW_EXIT_KIND_BIT(PW_EXIT_HARD);
	}
	if ((f->status == PW_ENROLLMENT_REFERRED || f->status == PW_ENROLLMENT_ENROLLED) &&
	    p->offers_not_enrolled && !received)
		mask |= PW_EXIT_KIND_BIT(PW_EXIT_NOT_ENROLLED);
	return mask;
}
