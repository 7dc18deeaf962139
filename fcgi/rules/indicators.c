/*
 * indicators.c: cohorts, employment rates, median earnings, credential
 * attainment and skill-gain rates for a report program year (R-PERF-1..5).
 * See indicators.h for who is counted and the shape of the results.
 */
#include "pw.h"
#include "rules/indicators.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct code_row {
	const char *code;
	const char *label;
};

static const struct code_row indicators[] = {
        [PW_PERF_NONE] = {NULL, NULL},
        [PW_PERF_EMPLOYMENT_Q2] = {"employment_q2", "Employment Rate - 2nd Quarter After Exit"},
        [PW_PERF_EMPLOYMENT_Q4] = {"employment_q4", "Employment Rate - 4th Quarter After Exit"},
        [PW_PERF_MEDIAN_EARNINGS_Q2] = {"median_earnings_q2",
                                        "Median Earnings - 2nd Quarter After Exit"},
        [PW_PERF_CREDENTIAL] = {"credential", "Credential Attainment Rate"},
        [PW_PERF_MSG] = {"msg", "Measurable Skill Gains Rate"},
};

static const struct code_row *row_of(int v)
{
	if (v <= 0 || (size_t)v >= PW_ARRAY_LEN(indicators))
		return NULL;
	return &indicators[v];
}

const char *pw_indicators_code(enum pw_perf_indicator i)
{
	const struct code_row *r = row_of((int)i);
	return r ? r->code : "";
}

const char *pw_indicators_label(enum pw_perf_indicator i)
{
	const struct code_row *r = row_of((int)i);
	return r ? r->label : "";
}

int pw_indicators_from_code(const char *code, enum pw_perf_indicator *out)
{
	if (code == NULL)
		return PW_ERR_INVALID;
	for (size_t i = 1; i < PW_ARRAY_LEN(indicators); i++) {
		if (strcmp(indicators[i].code, code) == 0) {
			*out = (enum pw_perf_indicator)i;
			return PW_OK;
		}
	}
	return PW_ERR_INVALID;
}

int pw_indicators_cohort(enum pw_perf_indicator i, int py, pw_date *first, pw_date *last)
{
	/* R-PERF-5 */
	switch (i) {
	case PW_PERF_EMPLOYMENT_Q2:
	case PW_PERF_MEDIAN_EARNINGS_Q2:
		*first = pw_program_year_start(py - 1);
		*last = pw_program_year_end(py - 1);
		return PW_OK;
	case PW_PERF_EMPLOYMENT_Q4:
	case PW_PERF_CREDENTIAL:
		*first = pw_date_from_ymd(py - 1, 1, 1);
		*last = pw_date_from_ymd(py - 1, 12, 31);
		return PW_OK;
	case PW_PERF_MSG:
		*first = pw_program_year_start(py);
		*last = pw_program_year_end(py);
		return PW_OK;
	case PW_PERF_NONE:
	default:
		return PW_ERR_INVALID;
	}
}

/* R-PERF-1: an enrollment that may count at all. */
static bool counted(const struct pw_perf_record *r)
{
	return !r->excluded && !r->not_enrolled && r->exit_kind != PW_PERF_EXIT_HARD &&
	       r->exit_kind != PW_PERF_EXIT_NOT_ENROLLED;
}

/* R-PERF-1, R-PERF-5: a counted regular or soft exit inside the cohort of
 * indicator i for program year py. */
static bool in_exit_cohort(const struct pw_perf_record *r, enum pw_perf_indicator i, int py)
{
	pw_date first, last;

	if (!counted(r) || !pw_date_is_valid(r->exit_date))
		return false;
	if (r->exit_kind != PW_PERF_EXIT_REGULAR && r->exit_kind != PW_PERF_EXIT_SOFT)
		return false;
	if (pw_indicators_cohort(i, py, &first, &last) != PW_OK)
		return false;
	return r->exit_date >= first && r->exit_date <= last;
}

static bool is_employment(enum pw_perf_outcome o)
{
	return o == PW_PERF_OUTCOME_EMPLOYED || o == PW_PERF_OUTCOME_APPRENTICESHIP ||
	       o == PW_PERF_OUTCOME_MILITARY;
}

/* R-PERF-2: a placement in a quarter; youth also by education or training. */
static bool is_placement(const struct pw_perf_record *r, enum pw_perf_outcome o)
{
	return is_employment(o) || (r->youth && o == PW_PERF_OUTCOME_EDUCATION);
}

static void finish(struct pw_perf_rate *out)
{
	out->has_denominator = out->denominator > 0;
	out->rate = out->has_denominator ? (double)out->numerator / (double)out->denominator : 0.0;
}

int pw_indicators_employment_rate(const struct pw_perf_record *r, size_t n, int py, int quarter,
                                  struct pw_perf_rate *out)
{
	enum pw_perf_indicator ind;

	if (quarter == 2)
		ind = PW_PERF_EMPLOYMENT_Q2;
	else if (quarter == 4)
		ind = PW_PERF_EMPLOYMENT_Q4;
	else
		return PW_ERR_INVALID;
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < n; i++) {
		enum pw_perf_outcome o;

		if (!in_exit_cohort(&r[i], ind, py))
			continue;
		o = r[i].quarters[quarter - 1].outcome;
		out->denominator++;
		if (is_placement(&r[i], o))
			out->numerator++;
		else if (o == PW_PERF_OUTCOME_NONE || o == PW_PERF_OUTCOME_UNKNOWN)
			out->pending++;
	}
	finish(out);
	return PW_OK;
}

static int cmp_int64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

/* The median of an array sorted in place, all values >= 0, n >= 1. */
static int64_t median_sorted(int64_t *v, size_t n)
{
	int64_t a, b;

	qsort(v, n, sizeof(*v), cmp_int64);
	if (n % 2 == 1)
		return v[n / 2];
	a = v[n / 2 - 1];
	b = v[n / 2];
	/* (a + b) / 2 rounded half up, without overflowing a + b. */
	return a / 2 + b / 2 + (a % 2 + b % 2 + 1) / 2;
}

int pw_indicators_median(const int64_t *values, size_t n, int64_t *out)
{
	int64_t *copy;

	if (n == 0)
		return PW_ERR_INVALID;
	for (size_t i = 0; i < n; i++)
		if (values[i] < 0)
			return PW_ERR_INVALID;
	if (n > SIZE_MAX / sizeof(*copy))
		return PW_ERR_NOMEM;
	copy = malloc(n * sizeof(*copy));
	if (copy == NULL)
		return PW_ERR_NOMEM;
	memcpy(copy, values, n * sizeof(*copy));
	*out = median_sorted(copy, n);
	free(copy);
	return PW_OK;
}

int pw_indicators_median_earnings_q2(const struct pw_perf_record *r, size_t n, int py,
                                     struct pw_perf_median *out)
{
	int64_t *earnings = NULL;
	size_t count = 0;

	memset(out, 0, sizeof(*out));
	if (n > 0) {
		if (n > SIZE_MAX / sizeof(*earnings))
			return PW_ERR_NOMEM;
		earnings = malloc(n * sizeof(*earnings));
		if (earnings == NULL)
			return PW_ERR_NOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		const struct pw_perf_quarter *q = &r[i].quarters[1];

		/* R-PERF-2: employed in Q2, with earnings on record. */
		if (in_exit_cohort(&r[i], PW_PERF_MEDIAN_EARNINGS_Q2, py) &&
		    is_employment(q->outcome) && q->earnings_cents > 0)
			earnings[count++] = q->earnings_cents;
	}
	out->count = count;
	out->has_value = count > 0;
	if (count > 0)
		out->median_cents = median_sorted(earnings, count);
	free(earnings);
	return PW_OK;
}

/* R-PERF-3: employed or in education/training within one year after exit. */
static bool placed_within_year(const struct pw_perf_record *r)
{
	if (r->employed_or_education_within_year)
		return true;
	for (size_t q = 0; q < PW_ARRAY_LEN(r->quarters); q++)
		if (is_employment(r->quarters[q].outcome) ||
		    r->quarters[q].outcome == PW_PERF_OUTCOME_EDUCATION)
			return true;
	return false;
}

void pw_indicators_credential_rate(const struct pw_perf_record *r, size_t n, int py,
                                   struct pw_perf_rate *out)
{
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < n; i++) {
		const struct pw_perf_record *e = &r[i];
		bool trained = false, earned = false;

		if (!in_exit_cohort(e, PW_PERF_CREDENTIAL, py))
			continue;
		for (size_t t = 0; t < e->n_training && !trained; t++)
			trained = !e->training[t].ojt_or_customized;
		if (!trained)
			continue;
		out->denominator++;
		for (size_t c = 0; c < e->n_credentials && !earned; c++) {
			const struct pw_perf_credential *cr = &e->credentials[c];

			if (!pw_credential_type_valid(cr->type) ||
			    !pw_credential_in_window(cr->date, e->participation_date, e->exit_date))
				continue;
			earned = cr->type != PW_CRED_SECONDARY_DIPLOMA || placed_within_year(e);
		}
		if (earned)
			out->numerator++;
	}
	finish(out);
}

/* R-PERF-4: in education or training at some time of program year py while
 * participating. */
static bool trained_in_year(const struct pw_perf_record *e, int py)
{
	pw_date from = pw_program_year_start(py), to = pw_program_year_end(py);

	if (!pw_date_is_valid(e->participation_date))
		return false;
	/* Participation clips the year: participation date .. exit (if any). */
	if (e->participation_date > from)
		from = e->participation_date;
	if (e->exit_kind != PW_PERF_EXIT_NONE && pw_date_is_valid(e->exit_date) &&
	    e->exit_date < to)
		to = e->exit_date;
	if (from > to)
		return false;
	for (size_t t = 0; t < e->n_training; t++) {
		const struct pw_perf_period *p = &e->training[t];

		if (!pw_date_is_valid(p->start) || p->start > to)
			continue;
		if (!pw_date_is_valid(p->end) || p->end >= from)
			return true;
	}
	return false;
}

void pw_indicators_msg_rate(const struct pw_perf_record *r, size_t n, int py,
                            struct pw_perf_rate *out)
{
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < n; i++) {
		const struct pw_perf_record *e = &r[i];
		bool gained = false;

		if (!counted(e) || !trained_in_year(e, py))
			continue;
		out->denominator++;
		for (size_t g = 0; g < e->n_gains && !gained; g++)
			gained = e->gain_years[g] == py;
		if (gained)
			out->numerator++; /* once, however many gains */
	}
	finish(out);
}

int pw_indicators_compute(const struct pw_perf_record *r, size_t n, int py,
                          struct pw_perf_report *out)
{
	memset(out, 0, sizeof(*out));
	out->program_year = py;
	pw_indicators_employment_rate(r, n, py, 2, &out->employment_q2);
	pw_indicators_employment_rate(r, n, py, 4, &out->employment_q4);
	pw_indicators_credential_rate(r, n, py, &out->credential);
	pw_indicators_msg_rate(r, n, py, &out->msg);
	return pw_indicators_median_earnings_q2(r, n, py, &out->median_earnings_q2);
}
