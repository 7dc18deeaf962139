/*
 * service.c: service statuses, the 90-day clock's qualifying services and the
 * checks on service records (R-SVC-1..4, R-DATE-4). See service.h.
 */
#include "rules/service.h"

#include "pw.h"

#include <stdio.h>
#include <string.h>

struct status_row {
	enum pw_service_status status;
	const char *code;
	const char *label;
};

/* R-SVC-1: codes are stable API values; labels are what caseworkers see. */
static const struct status_row status_rows[] = {
        {PW_SERVICE_PLANNED, "planned", "Planned"},
        {PW_SERVICE_OPEN, "open", "Started/Open"},
        {PW_SERVICE_COMPLETED_SUCCESSFUL, "completed_successful", "Completed Successfully"},
        {PW_SERVICE_COMPLETED_UNSUCCESSFUL, "completed_unsuccessful", "Completed Unsuccessfully"},
        {PW_SERVICE_DELETED, "deleted", "Deleted"},
};

static const struct status_row *status_row(enum pw_service_status s)
{
	for (size_t i = 0; i < PW_ARRAY_LEN(status_rows); i++) {
		if (status_rows[i].status == s)
			return &status_rows[i];
	}
	return NULL;
}

int pw_service_status_from_code(const char *code, enum pw_service_status *out)
{
	if (code == NULL)
		return PW_ERR_INVALID;
	for (size_t i = 0; i < PW_ARRAY_LEN(status_rows); i++) {
		if (strcmp(status_rows[i].code, code) == 0) {
			*out = status_rows[i].status;
			return PW_OK;
		}
	}
	return PW_ERR_INVALID;
}

const char *pw_service_status_code(enum pw_service_status s)
{
	const struct status_row *r = status_row(s);

	return r ? r->code : "";
}

const char *pw_service_status_label(enum pw_service_status s)
{
	const struct status_row *r = status_row(s);

	return r ? r->label : "";
}

bool pw_service_status_is_completed(enum pw_service_status s)
{
	return s == PW_SERVICE_COMPLETED_SUCCESSFUL || s == PW_SERVICE_COMPLETED_UNSUCCESSFUL;
}

size_t pw_service_display_name(const struct pw_service *s, char *buf, size_t cap)
{
	size_t len;

	if (buf == NULL || cap == 0)
		return 0;
	if (s->name == NULL || s->name[0] == '\0') {
		snprintf(buf, cap, "Service #%lld", (long long)s->id);
		return strlen(buf);
	}
	len = strlen(s->name);
	if (len < cap) {
		memcpy(buf, s->name, len + 1);
		return len;
	}
	if (cap < 4) {
		buf[0] = '\0';
		return 0;
	}
	/* Keep cap - 4 bytes, backing off continuation bytes (10xxxxxx) so no
	 * character is cut in half, then mark the cut. */
	len = cap - 4;
	while (len > 0 && ((unsigned char)s->name[len] & 0xC0) == 0x80)
		len--;
	memcpy(buf, s->name, len);
	memcpy(buf + len, "...", 4);
	return len + 3;
}

/* R-SVC-2 */
bool pw_service_type_qualifies(const struct pw_service_type *t, bool supportive_extends_exit)
{
	if (t->self_service || t->info_only || t->followup)
		return false;
	if (!t->extends_exit)
		return false;
	if (t->supportive && !supportive_extends_exit)
		return false;
	return true;
}

/* R-SVC-3 */
bool pw_service_qualifies(const struct pw_service *s, bool supportive_extends_exit)
{
	return s->status != PW_SERVICE_DELETED &&
	       pw_service_type_qualifies(&s->type, supportive_extends_exit);
}

/* R-EXIT-6 */
bool pw_service_received(const struct pw_service *s)
{
	return s->status == PW_SERVICE_OPEN || pw_service_status_is_completed(s->status);
}

/* R-SVC-3 */
pw_date pw_service_clock_date(const struct pw_service *s)
{
	if (pw_date_is_valid(s->end))
		return s->end;
	if (pw_date_is_valid(s->start))
		return s->start;
	return PW_DATE_NONE;
}

/* R-SVC-3 */
int pw_service_last_qualifying(const struct pw_service *s, size_t n, bool supportive_extends_exit,
                               size_t *index, pw_date *date)
{
	bool found = false;
	size_t best = 0;
	pw_date best_date = PW_DATE_NONE;

	for (size_t i = 0; s != NULL && i < n; i++) {
		pw_date d;

		if (!pw_service_qualifies(&s[i], supportive_extends_exit))
			continue;
		d = pw_service_clock_date(&s[i]);
		if (d == PW_DATE_NONE)
			continue;
		if (!found || d > best_date) {
			found = true;
			best = i;
			best_date = d;
		}
	}
	if (!found)
		return PW_ERR_NOT_FOUND;
	if (index != NULL)
		*index = best;
	*date = best_date;
	return PW_OK;
}

/* R-SVC-1, R-DATE-4 */
int pw_service_validate(const struct pw_service *s, pw_date as_of, int planned_grace_days,
                        struct pw_violations *v)
{
	size_t before = v->n + v->dropped;
	bool has_start = pw_date_is_valid(s->start);
	bool has_end = pw_date_is_valid(s->end);
	char a[PW_DATE_STRLEN], b[PW_DATE_STRLEN];

	if (status_row(s->status) == NULL) {
		pw_violation_add(
		        v, "R-SVC-1", "status",
		        "The service status is not one of planned, "
		        "open, completed successfully, completed unsuccessfully or deleted.");
		goto out;
	}
	if (!has_start && s->status != PW_SERVICE_DELETED)
		pw_violation_add(v, "R-SVC-1", "start_date", "A start date is required.");
	if (s->end != PW_DATE_NONE && !has_end)
		pw_violation_add(v, "R-SVC-1", "end_date", "The end date is not a valid date.");
	if (has_start && has_end && s->end < s->start) {
		pw_date_format(s->end, a);
		pw_date_format(s->start, b);
		pw_violation_add(v, "R-SVC-1", "end_date",
		                 "The end date %s is before the start date %s.", a, b);
	}
	if (s->status == PW_SERVICE_DELETED)
		goto out;
	if (pw_service_status_is_completed(s->status) && s->end == PW_DATE_NONE)
		pw_violation_add(v, "R-SVC-1", "end_date",
		                 "A completed service needs an end date.");
	if (!pw_date_is_valid(as_of))
		goto out;
	if (s->status == PW_SERVICE_PLANNED) {
		int grace = planned_grace_days < 0 ? 0 : planned_grace_days;

		if (has_start && pw_date_diff(as_of, s->start) > grace) {
			pw_date_format(s->start, a);
			pw_violation_add(
			        v, "R-SVC-1", "start_date",
			        "The planned start date %s is more than %d days in the past: "
			        "mark the service open or move its start date.",
			        a, grace);
		}
		goto out;
	}
	/* R-DATE-4: only a planned date may lie in the future. */
	if (has_start && s->start > as_of) {
		pw_date_format(s->start, a);
		pw_violation_add(v, "R-DATE-4", "start_date",
		                 "The start date %s is in the future; only a planned service may "
		                 "start later.",
		                 a);
	}
	if (has_end && s->end > as_of) {
		pw_date_format(s->end, a);
		pw_violation_add(v, "R-DATE-4", "end_date", "The end date %s is in the future.", a);
	}
out:
	return v->n + v->dropped > before ? PW_ERR_INVALID : PW_OK;
}

/* R-SVC-1 */
int pw_service_validate_change(const struct pw_service *before, const struct pw_service *after,
                               pw_date as_of, int planned_grace_days, struct pw_violations *v)
{
	if (before->status == PW_SERVICE_DELETED && after->status != PW_SERVICE_DELETED) {
		pw_violation_add(
		        v, "R-SVC-1", "status",
		        "A deleted service cannot be restored; add a new service instead.");
		return PW_ERR_CONFLICT;
	}
	if (before->status != PW_SERVICE_PLANNED && before->status != PW_SERVICE_DELETED &&
	    after->status == PW_SERVICE_PLANNED) {
		pw_violation_add(v, "R-SVC-1", "status",
		                 "A service that has started cannot go back to planned.");
		return PW_ERR_CONFLICT;
	}
	return pw_service_validate(after, as_of, planned_grace_days, v);
}

/* R-SVC-4 */
int pw_service_check_enrollment_open(bool enrollment_closed, const struct pw_service_type *t,
                                     struct pw_violations *v)
{
	if (!enrollment_closed || t->followup)
		return PW_OK;
	pw_violation_add(v, "R-SVC-4", "enrollment_id",
	                 "This enrollment has exited: only follow-up services can be added to it.");
	return PW_ERR_CONFLICT;
}
