/*
 * employment.c: validation of a job (R-EMP-1), days retained (R-EMP-2), wage
 * equivalents and overlap with a date range. See employment.h.
 */
#include "pw.h"
#include "rules/employment.h"

#include <string.h>

struct code_row {
	const char *code;
	const char *label;
};

static const struct code_row periods[] = {
        [PW_WAGE_NONE] = {NULL, NULL},     [PW_WAGE_HOUR] = {"hour", "Hour"},
        [PW_WAGE_WEEK] = {"week", "Week"}, [PW_WAGE_MONTH] = {"month", "Month"},
        [PW_WAGE_YEAR] = {"year", "Year"},
};

/* USPS codes of the 50 states, the District of Columbia and the inhabited
 * territories (American Samoa, Guam, Northern Mariana Islands, Puerto Rico,
 * U.S. Virgin Islands). */
static const char states[][3] = {
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN",
        "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV",
        "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN",
        "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "AS", "GU", "MP", "PR", "VI",
};

static const struct code_row *row_of(int v)
{
	if (v <= 0 || (size_t)v >= PW_ARRAY_LEN(periods))
		return NULL;
	return &periods[v];
}

const char *pw_employment_wage_period_code(enum pw_wage_period p)
{
	const struct code_row *r = row_of((int)p);
	return r ? r->code : "";
}

const char *pw_employment_wage_period_label(enum pw_wage_period p)
{
	const struct code_row *r = row_of((int)p);
	return r ? r->label : "";
}

int pw_employment_wage_period_from_code(const char *code, enum pw_wage_period *out)
{
	if (code == NULL)
		return PW_ERR_INVALID;
	for (size_t i = 1; i < PW_ARRAY_LEN(periods); i++) {
		if (strcmp(periods[i].code, code) == 0) {
			*out = (enum pw_wage_period)i;
			return PW_OK;
		}
	}
	return PW_ERR_INVALID;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* True when s matches pattern, where 'N' stands for a digit and any other
 * character for itself, over its whole length. */
static bool matches(const char *s, const char *pattern)
{
	for (; *pattern; s++, pattern++) {
		if (*s == '\0')
			return false;
		if (*pattern == 'N' ? !is_digit(*s) : *s != *pattern)
			return false;
	}
	return *s == '\0';
}

bool pw_employment_soc_code_valid(const char *s)
{
	return s != NULL && (matches(s, "NN-NNNN") || matches(s, "NN-NNNN.NN"));
}

bool pw_employment_state_valid(const char *s)
{
	if (s == NULL || strlen(s) != 2)
		return false;
	for (size_t i = 0; i < PW_ARRAY_LEN(states); i++)
		if (s[0] == states[i][0] && s[1] == states[i][1])
			return true;
	return false;
}

bool pw_employment_zip_valid(const char *s)
{
	return s != NULL && (matches(s, "NNNNN") || matches(s, "NNNNN-NNNN"));
}

/* True when s (NUL-terminated, may be NULL) holds no visible character. */
static bool is_blank(const char *s)
{
	if (s == NULL)
		return true;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			return false;
	return true;
}

/* Checks one text field: present when required, at most max bytes. Returns
 * true when a value is present and within bounds. */
static bool check_text(struct pw_violations *v, const char *field, const char *s, size_t max,
                       bool required, const char *what)
{
	if (is_blank(s)) {
		if (required)
			pw_violation_add(v, "R-EMP-1", field, "Enter the %s.", what);
		return false;
	}
	if (strlen(s) > max) {
		pw_violation_add(v, "R-EMP-1", field, "The %s is longer than %zu characters.", what,
		                 max);
		return false;
	}
	return true;
}

/* pw_date_format, except that an absent date reads "none" (never printed in
 * a message, but the buffers are filled before knowing which is needed). */
static void format_date(pw_date d, char out[PW_DATE_STRLEN])
{
	if (!pw_date_is_valid(d))
		memcpy(out, "none", sizeof("none"));
	else
		pw_date_format(d, out);
}

/* R-EMP-1, R-DATE-4: start, end and the current flag. */
static void check_dates(const struct pw_job *j, pw_date as_of, struct pw_violations *v)
{
	char start[PW_DATE_STRLEN], end[PW_DATE_STRLEN], today[PW_DATE_STRLEN];

	format_date(j->start_date, start);
	format_date(j->end_date, end);
	format_date(as_of, today);
	if (!pw_date_is_valid(j->start_date))
		pw_violation_add(v, "R-EMP-1", "start_date", "Enter the start date.");
	else if (pw_date_is_valid(as_of) && j->start_date > as_of)
		pw_violation_add(v, "R-DATE-4", "start_date",
		                 "The start date %s is in the future (today is %s).", start, today);
	if (j->is_current) {
		if (pw_date_is_valid(j->end_date))
			pw_violation_add(v, "R-EMP-1", "end_date",
			                 "A current job has no end date: remove it or mark the job "
			                 "as not current.");
		return;
	}
	if (!pw_date_is_valid(j->end_date)) {
		pw_violation_add(v, "R-EMP-1", "end_date",
		                 "Enter the end date of a job that is not current.");
		return;
	}
	if (pw_date_is_valid(j->start_date) && j->end_date < j->start_date)
		pw_violation_add(v, "R-EMP-1", "end_date",
		                 "The end date %s is before the start date %s.", end, start);
	if (pw_date_is_valid(as_of) && j->end_date > as_of)
		pw_violation_add(v, "R-DATE-4", "end_date",
		                 "The end date %s is in the future (today is %s).", end, today);
}

int pw_employment_validate(const struct pw_job *j, pw_date as_of, struct pw_violations *v)
{
	size_t before = v->n + v->dropped;

	check_text(v, "employer", j->employer, PW_EMPLOYMENT_TEXT_MAX, true, "employer name");
	check_dates(j, as_of, v);
	check_text(v, "job_title", j->job_title, PW_EMPLOYMENT_TEXT_MAX, true, "job title");
	if (check_text(v, "soc_code", j->soc_code, PW_EMPLOYMENT_TEXT_MAX, true, "SOC code") &&
	    !pw_employment_soc_code_valid(j->soc_code))
		pw_violation_add(v, "R-EMP-1", "soc_code",
		                 "The SOC code must read NN-NNNN or NN-NNNN.NN (e.g. 43-4051).");
	check_text(v, "street1", j->street1, PW_EMPLOYMENT_TEXT_MAX, true, "street address");
	check_text(v, "street2", j->street2, PW_EMPLOYMENT_TEXT_MAX, false, "street address 2");
	check_text(v, "city", j->city, PW_EMPLOYMENT_TEXT_MAX, true, "employer city");
	if (check_text(v, "state", j->state, PW_EMPLOYMENT_TEXT_MAX, true, "employer state") &&
	    !pw_employment_state_valid(j->state))
		pw_violation_add(v, "R-EMP-1", "state",
		                 "Select a U.S. state or territory (two-letter postal code).");
	if (check_text(v, "zip", j->zip, PW_EMPLOYMENT_TEXT_MAX, true, "ZIP code") &&
	    !pw_employment_zip_valid(j->zip))
		pw_violation_add(v, "R-EMP-1", "zip",
		                 "The ZIP code must read 12345 or 12345-6789.");
	check_text(v, "duties", j->duties, PW_EMPLOYMENT_LONG_MAX, true, "job duties");
	/* The negated test also refuses NaN. */
	if (!(j->hours_per_week > 0.0 && j->hours_per_week <= PW_EMPLOYMENT_HOURS_MAX))
		pw_violation_add(v, "R-EMP-1", "hours_per_week",
		                 "Hours per week must be more than 0 and at most 168.");
	if (j->wage_cents <= 0 || j->wage_cents > PW_EMPLOYMENT_WAGE_MAX)
		pw_violation_add(v, "R-EMP-1", "wage", "Enter a wage above zero.");
	if (row_of((int)j->wage_period) == NULL)
		pw_violation_add(v, "R-EMP-1", "wage_period",
		                 "Select what the wage is per: hour, week, month or year.");
	if (!pw_education_answer_valid(j->meets_needs))
		pw_violation_add(v, "R-EMP-1", "meets_needs",
		                 "Answer yes or no: does this job meet the participant's needs?");
	check_text(v, "meets_needs_why", j->meets_needs_why, PW_EMPLOYMENT_LONG_MAX, true,
	           "reason why the job does or does not meet the participant's needs");

	return v->n + v->dropped == before ? PW_OK : PW_ERR_INVALID;
}

int pw_employment_days_retained(const struct pw_job *j, pw_date as_of)
{
	pw_date until = as_of;

	/* R-EMP-2: (end or as-of) - start, never counting days after as_of. */
	if (!pw_date_is_valid(j->start_date) || !pw_date_is_valid(as_of) || j->start_date > as_of)
		return 0;
	if (pw_date_is_valid(j->end_date) && j->end_date < as_of)
		until = j->end_date;
	return until > j->start_date ? (int)(until - j->start_date) : 0;
}

int pw_employment_max_days_retained(const struct pw_job *jobs, size_t n, pw_date as_of)
{
	int best = 0;

	for (size_t i = 0; i < n; i++) {
		int d = pw_employment_days_retained(&jobs[i], as_of);
		if (d > best)
			best = d;
	}
	return best;
}

bool pw_employment_retained_90(const struct pw_job *jobs, size_t n, pw_date as_of, int *days)
{
	int best = pw_employment_max_days_retained(jobs, n, as_of);

	if (days != NULL)
		*days = best;
	return best >= PW_EMPLOYMENT_RETAINED_DAYS;
}

static bool wage_ok(const struct pw_job *j)
{
	return j->wage_cents > 0 && j->wage_cents <= PW_EMPLOYMENT_WAGE_MAX &&
	       row_of((int)j->wage_period) != NULL;
}

static bool hours_ok(const struct pw_job *j)
{
	return j->hours_per_week > 0.0 && j->hours_per_week <= PW_EMPLOYMENT_HOURS_MAX;
}

/* x >= 0 to the nearest integer, halves up. The wage cap keeps x far below
 * 2^53, where doubles still hold every integer. */
static int64_t round_cents(double x)
{
	return (int64_t)(x + 0.5);
}

int pw_employment_hourly_cents(const struct pw_job *j, int64_t *out)
{
	double w = (double)j->wage_cents;

	if (!wage_ok(j))
		return PW_ERR_INVALID;
	if (j->wage_period == PW_WAGE_HOUR) {
		*out = j->wage_cents;
		return PW_OK;
	}
	if (!hours_ok(j))
		return PW_ERR_INVALID;
	switch (j->wage_period) {
	case PW_WAGE_WEEK:
		*out = round_cents(w / j->hours_per_week);
		break;
	case PW_WAGE_MONTH:
		*out = round_cents(w * 12.0 / (52.0 * j->hours_per_week));
		break;
	default: /* PW_WAGE_YEAR */
		*out = round_cents(w / (52.0 * j->hours_per_week));
		break;
	}
	return PW_OK;
}

/* The weekly wage, unrounded, or a negative value when it cannot be known. */
static double weekly(const struct pw_job *j)
{
	double w = (double)j->wage_cents;

	if (!wage_ok(j))
		return -1.0;
	switch (j->wage_period) {
	case PW_WAGE_HOUR:
		return hours_ok(j) ? w * j->hours_per_week : -1.0;
	case PW_WAGE_WEEK:
		return w;
	case PW_WAGE_MONTH:
		return w * 12.0 / 52.0;
	default: /* PW_WAGE_YEAR */
		return w / 52.0;
	}
}

int pw_employment_weekly_cents(const struct pw_job *j, int64_t *out)
{
	double w = weekly(j);

	if (w < 0.0)
		return PW_ERR_INVALID;
	*out = round_cents(w);
	return PW_OK;
}

int pw_employment_quarterly_cents(const struct pw_job *j, int64_t *out)
{
	double w = (double)j->wage_cents;

	if (!wage_ok(j))
		return PW_ERR_INVALID;
	/* 13 weeks of the weekly wage. For months and years the factors are
	 * exact (12 * 13 / 52 = 3, 13 / 52 = 1/4), so no cent is lost twice. */
	switch (j->wage_period) {
	case PW_WAGE_HOUR:
		if (!hours_ok(j))
			return PW_ERR_INVALID;
		*out = round_cents(w * j->hours_per_week * 13.0);
		break;
	case PW_WAGE_WEEK:
		*out = j->wage_cents * 13;
		break;
	case PW_WAGE_MONTH:
		*out = j->wage_cents * 3;
		break;
	default: /* PW_WAGE_YEAR */
		*out = round_cents(w / 4.0);
		break;
	}
	return PW_OK;
}

bool pw_employment_overlaps(const struct pw_job *j, pw_date from, pw_date to)
{
	if (!pw_date_is_valid(j->start_date) || !pw_date_is_valid(from) || !pw_date_is_valid(to) ||
	    from > to)
		return false;
	if (j->start_date > to)
		return false;
	return !pw_date_is_valid(j->end_date) || j->end_date >= from;
}
