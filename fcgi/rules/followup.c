/*
 * followup.c: follow-up rules, the contact schedule and "follow-up
 * complete" (R-FUP-1, R-EXIT-4). See followup.h.
 */
#include "rules/followup.h"

#include "pw.h"

#include <string.h>

struct code_row {
	int value;
	const char *code;
	const char *label;
};

static const struct code_row rule_rows[] = {
        {PW_FOLLOWUP_RULE_NONE, "none", "No follow-up"},
        {PW_FOLLOWUP_RULE_YOUTH_12_MONTHS_AFTER_EXIT, "youth_12_months_after_exit",
         "Quarterly follow-up for 12 months after exit"},
        {PW_FOLLOWUP_RULE_AFTER_FIRST_EMPLOYMENT_12_MONTHS, "after_first_employment_12_months",
         "Quarterly follow-up for up to 12 months after the first day of employment"},
};

static const struct code_row outcome_rows[] = {
        {PW_FOLLOWUP_COMPLETED, "completed", "Completed"},
        {PW_FOLLOWUP_DECLINED, "declined", "Declined"},
        {PW_FOLLOWUP_UNABLE_TO_LOCATE, "unable_to_locate", "Unable to locate"},
};

static const char *const contact_methods[] = {"in_person", "phone", "email", "text",
                                              "video",     "mail",  "other"};

static const struct code_row due_rows[] = {
        {PW_FOLLOWUP_DUE_UPCOMING, "upcoming", "Upcoming"},
        {PW_FOLLOWUP_DUE_OPEN, "open", "Open"},
        {PW_FOLLOWUP_DUE_DONE, "done", "Done"},
        {PW_FOLLOWUP_DUE_OVERDUE, "overdue", "Overdue"},
};

static const struct code_row state_rows[] = {
        {PW_FOLLOWUP_NOT_EXITED, "not_exited", "Not exited"},
        {PW_FOLLOWUP_NOT_REQUIRED, "not_required", "Not required"},
        {PW_FOLLOWUP_IN_PROGRESS, "in_progress", "In progress"},
        {PW_FOLLOWUP_COMPLETE, "complete", "Complete"},
        {PW_FOLLOWUP_OVERDUE, "overdue", "Overdue"},
};

static const struct code_row *by_value(const struct code_row *rows, size_t n, int value)
{
	for (size_t i = 0; i < n; i++) {
		if (rows[i].value == value)
			return &rows[i];
	}
	return NULL;
}

static int by_code(const struct code_row *rows, size_t n, const char *code, int *out)
{
	for (size_t i = 0; code != NULL && i < n; i++) {
		if (strcmp(rows[i].code, code) == 0) {
			*out = rows[i].value;
			return PW_OK;
		}
	}
	return PW_ERR_INVALID;
}

static const char *code_of(const struct code_row *rows, size_t n, int value)
{
	const struct code_row *r = by_value(rows, n, value);

	return r ? r->code : "";
}

static const char *label_of(const struct code_row *rows, size_t n, int value)
{
	const struct code_row *r = by_value(rows, n, value);

	return r ? r->label : "";
}

int pw_followup_rule_from_code(const char *code, enum pw_followup_rule *out)
{
	int value;
	int rc = by_code(rule_rows, PW_ARRAY_LEN(rule_rows), code, &value);

	if (rc == PW_OK)
		*out = (enum pw_followup_rule)value;
	return rc;
}

const char *pw_followup_rule_code(enum pw_followup_rule r)
{
	return code_of(rule_rows, PW_ARRAY_LEN(rule_rows), (int)r);
}

const char *pw_followup_rule_label(enum pw_followup_rule r)
{
	return label_of(rule_rows, PW_ARRAY_LEN(rule_rows), (int)r);
}

int pw_followup_outcome_from_code(const char *code, enum pw_followup_outcome *out)
{
	int value;
	int rc = by_code(outcome_rows, PW_ARRAY_LEN(outcome_rows), code, &value);

	if (rc == PW_OK)
		*out = (enum pw_followup_outcome)value;
	return rc;
}

const char *pw_followup_outcome_code(enum pw_followup_outcome o)
{
	return code_of(outcome_rows, PW_ARRAY_LEN(outcome_rows), (int)o);
}

const char *pw_followup_outcome_label(enum pw_followup_outcome o)
{
	return label_of(outcome_rows, PW_ARRAY_LEN(outcome_rows), (int)o);
}

const char *const *pw_followup_contact_methods(size_t *n)
{
	*n = PW_ARRAY_LEN(contact_methods);
	return contact_methods;
}

const char *pw_followup_due_state_code(enum pw_followup_due_state s)
{
	return code_of(due_rows, PW_ARRAY_LEN(due_rows), (int)s);
}

const char *pw_followup_state_code(enum pw_followup_state s)
{
	return code_of(state_rows, PW_ARRAY_LEN(state_rows), (int)s);
}

/* R-FUP-1: follow-up applies to regular and soft exits only; a hard exit
 * needs none (R-EXIT-4) and a not-enrolled person never participated. */
static bool exit_has_followup(const struct pw_followup_facts *f)
{
	return f->status == PW_ENROLLMENT_EXITED && pw_post_exit_applies(f->exit_kind) &&
	       pw_date_is_valid(f->exit_date);
}

/* R-FUP-1 (adult / dislocated worker): the first day of employment among
 * jobs held at or after the exit; PW_DATE_NONE without one. */
static pw_date first_employment(const struct pw_followup_facts *f)
{
	pw_date first = PW_DATE_NONE;

	for (size_t i = 0; f->jobs != NULL && i < f->n_jobs; i++) {
		const struct pw_post_exit_job *j = &f->jobs[i];

		if (!pw_date_is_valid(j->start))
			continue;
		if (pw_date_is_valid(j->end) && j->end < f->exit_date)
			continue;
		if (first == PW_DATE_NONE || j->start < first)
			first = j->start;
	}
	return first;
}

/* Fills the state of one period from the contacts, as of as_of. */
static void settle(const struct pw_followup_facts *f, pw_date as_of, struct pw_followup_due *d)
{
	d->has_contact = false;
	d->contact_index = 0;
	for (size_t i = 0; f->contacts != NULL && i < f->n_contacts; i++) {
		const struct pw_followup_contact *c = &f->contacts[i];

		if (!pw_date_is_valid(c->date) || c->date < d->from || c->date > d->due)
			continue;
		if (by_value(outcome_rows, PW_ARRAY_LEN(outcome_rows), (int)c->outcome) == NULL)
			continue;
		d->has_contact = true;
		d->contact_index = i;
		break;
	}
	if (d->has_contact)
		d->state = PW_FOLLOWUP_DUE_DONE;
	else if (as_of > d->due)
		d->state = PW_FOLLOWUP_DUE_OVERDUE;
	else if (as_of >= d->from)
		d->state = PW_FOLLOWUP_DUE_OPEN;
	else
		d->state = PW_FOLLOWUP_DUE_UPCOMING;
}

/* R-FUP-1 */
int pw_followup_schedule(const struct pw_followup_facts *f, pw_date as_of,
                         struct pw_followup_due out[PW_FOLLOWUP_MAX_DUE], size_t *n)
{
	size_t k = 0;

	if (f == NULL || out == NULL || n == NULL || !pw_date_is_valid(as_of))
		return PW_ERR_INVALID;
	*n = 0;
	if (!exit_has_followup(f))
		return PW_OK;
	if (f->rule == PW_FOLLOWUP_RULE_YOUTH_12_MONTHS_AFTER_EXIT) {
		/* One contact in each post-exit quarter (R-DATE-2): 12 months or more. */
		for (int q = 1; q <= PW_FOLLOWUP_MAX_DUE; q++) {
			struct pw_post_exit_quarter pq;

			if (pw_post_exit_quarter(f->exit_date, q, &pq) != PW_OK)
				return PW_OK;
			out[k].number = (int)k + 1;
			out[k].from = pq.first;
			out[k].due = pq.last;
			settle(f, as_of, &out[k]);
			k++;
		}
	} else if (f->rule == PW_FOLLOWUP_RULE_AFTER_FIRST_EMPLOYMENT_12_MONTHS) {
		pw_date start = first_employment(f);
		pw_date after_exit = pw_date_add_days(f->exit_date, 1);

		if (start == PW_DATE_NONE)
			return PW_OK;
		/* Four 3-month periods from the first day of employment; only the
		 * part of each that lies after the exit counts. */
		for (int p = 1; p <= PW_FOLLOWUP_MAX_DUE; p++) {
			pw_date from = pw_date_add_months(start, 3 * (p - 1));
			pw_date due = pw_date_add_days(pw_date_add_months(start, 3 * p), -1);

			if (from == PW_DATE_NONE || due == PW_DATE_NONE || due <= f->exit_date)
				continue;
			out[k].number = (int)k + 1;
			out[k].from = from < after_exit ? after_exit : from;
			out[k].due = due;
			settle(f, as_of, &out[k]);
			k++;
		}
	}
	*n = k;
	return PW_OK;
}

/* R-FUP-1, R-EXIT-4 */
int pw_followup_evaluate(const struct pw_followup_facts *f, pw_date as_of,
                         struct pw_followup_status *out)
{
	struct pw_followup_due due[PW_FOLLOWUP_MAX_DUE];
	size_t n = 0;
	int rc;

	if (f == NULL || out == NULL)
		return PW_ERR_INVALID;
	memset(out, 0, sizeof(*out));
	rc = pw_followup_schedule(f, as_of, due, &n);
	if (rc != PW_OK)
		return rc;
	if (f->status == PW_ENROLLMENT_REFERRED || f->status == PW_ENROLLMENT_ENROLLED) {
		out->state = PW_FOLLOWUP_NOT_EXITED;
		return PW_OK;
	}
	if (n == 0) {
		out->state = PW_FOLLOWUP_NOT_REQUIRED;
		out->complete = true;
		return PW_OK;
	}
	out->n_scheduled = n;
	for (size_t i = 0; i < n; i++) {
		if (due[i].state == PW_FOLLOWUP_DUE_DONE)
			out->n_done++;
		else if (due[i].state == PW_FOLLOWUP_DUE_OVERDUE)
			out->n_overdue++;
	}
	if (out->n_done == n)
		out->state = PW_FOLLOWUP_COMPLETE;
	else if (out->n_overdue > 0)
		out->state = PW_FOLLOWUP_OVERDUE;
	else
		out->state = PW_FOLLOWUP_IN_PROGRESS;
	out->complete = out->state == PW_FOLLOWUP_COMPLETE;
	return PW_OK;
}

/* R-FUP-1, R-DATE-4 */
int pw_followup_validate_contact(const struct pw_followup_contact *c, pw_date as_of,
                                 struct pw_violations *v)
{
	size_t mark = v->n + v->dropped;
	char d[PW_DATE_STRLEN];

	if (!pw_date_is_valid(c->date)) {
		pw_violation_add(v, "R-FUP-1", "contact_date", "A contact date is required.");
	} else if (pw_date_is_valid(as_of) && c->date > as_of) {
		pw_date_format(c->date, d);
		pw_violation_add(v, "R-DATE-4", "contact_date",
		                 "The contact date %s is in the future.", d);
	}
	if (by_value(outcome_rows, PW_ARRAY_LEN(outcome_rows), (int)c->outcome) == NULL)
		pw_violation_add(v, "R-FUP-1", "outcome",
		                 "The contact outcome must be completed, declined or unable to "
		                 "locate.");
	return v->n + v->dropped > mark ? PW_ERR_INVALID : PW_OK;
}
