/*
 * test_indicators.c: unit tests for rules/indicators.c (R-PERF-1..5):
 * cohort dates for a report year, who is left out, employment rates (youth
 * included), the median with odd and even counts, credential attainment with
 * the secondary-diploma condition, and the skill-gain rate counted once.
 */
#include <stdint.h>
#include <string.h>

#include "unit_main.h"
#include "rules/indicators.h"

/* A regular exiter with nothing recorded after exit. */
static struct pw_perf_record exiter(const char *participation, const char *exit)
{
	struct pw_perf_record r;

	memset(&r, 0, sizeof(r));
	r.exit_kind = exit ? PW_PERF_EXIT_REGULAR : PW_PERF_EXIT_NONE;
	r.participation_date = pw_unit_date(participation);
	r.exit_date = pw_unit_date(exit);
	return r;
}

static void test_codes(void)
{
	static const struct {
		enum pw_perf_indicator i;
		const char *code;
	} rows[] = {
	        {PW_PERF_EMPLOYMENT_Q2, "employment_q2"},
	        {PW_PERF_EMPLOYMENT_Q4, "employment_q4"},
	        {PW_PERF_MEDIAN_EARNINGS_Q2, "median_earnings_q2"},
	        {PW_PERF_CREDENTIAL, "credential"},
	        {PW_PERF_MSG, "msg"},
	};
	enum pw_perf_indicator got = PW_PERF_MSG;

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		PW_CHECK(strcmp(pw_indicators_code(rows[i].i), rows[i].code) == 0, "row %zu", i);
		PW_CHECK(pw_indicators_label(rows[i].i)[0] != '\0', "row %zu has a label", i);
		PW_CHECK(pw_indicators_from_code(rows[i].code, &got) == PW_OK && got == rows[i].i,
		         "row %zu", i);
	}
	got = PW_PERF_MSG;
	CU_ASSERT_EQUAL(pw_indicators_from_code("erq2", &got), PW_ERR_INVALID);
	CU_ASSERT_EQUAL(got, PW_PERF_MSG);
	CU_ASSERT_STRING_EQUAL(pw_indicators_code(PW_PERF_NONE), "");
}

/* R-PERF-5 */
static void test_cohorts(void)
{
	static const struct {
		enum pw_perf_indicator i;
		int py;
		const char *first, *last;
	} rows[] = {
	        {PW_PERF_EMPLOYMENT_Q2, 2023, "2022-07-01", "2023-06-30"},
	        {PW_PERF_MEDIAN_EARNINGS_Q2, 2023, "2022-07-01", "2023-06-30"},
	        {PW_PERF_EMPLOYMENT_Q4, 2023, "2022-01-01", "2022-12-31"},
	        {PW_PERF_CREDENTIAL, 2023, "2022-01-01", "2022-12-31"},
	        {PW_PERF_MSG, 2023, "2023-07-01", "2024-06-30"},
	        {PW_PERF_EMPLOYMENT_Q2, 2024, "2023-07-01", "2024-06-30"},
	        {PW_PERF_CREDENTIAL, 2024, "2023-01-01", "2023-12-31"},
	        {PW_PERF_MSG, 2024, "2024-07-01", "2025-06-30"},
	};
	pw_date first = 7, last = 7;

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		PW_CHECK(pw_indicators_cohort(rows[i].i, rows[i].py, &first, &last) == PW_OK,
		         "row %zu", i);
		PW_CHECK(first == pw_unit_date(rows[i].first) && last == pw_unit_date(rows[i].last),
		         "row %zu", i);
	}
	first = last = 7;
	CU_ASSERT_EQUAL(pw_indicators_cohort(PW_PERF_NONE, 2023, &first, &last), PW_ERR_INVALID);
	CU_ASSERT_EQUAL(first, 7);
}

/* R-PERF-5: exit dates on each side of the PY2023 cohorts' edges. */
static void test_cohort_edges(void)
{
	static const struct {
		const char *exit;
		bool in_q2, in_q4;
	} rows[] = {
	        {"2021-12-31", false, false}, {"2022-01-01", false, true},
	        {"2022-06-30", false, true},  {"2022-07-01", true, true},
	        {"2022-12-31", true, true},   {"2023-01-01", true, false},
	        {"2023-06-30", true, false},  {"2023-07-01", false, false},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_perf_record r = exiter("2021-01-04", rows[i].exit);
		struct pw_perf_rate q2, q4;

		r.quarters[1].outcome = PW_PERF_OUTCOME_EMPLOYED;
		r.quarters[3].outcome = PW_PERF_OUTCOME_EMPLOYED;
		pw_indicators_employment_rate(&r, 1, 2023, 2, &q2);
		pw_indicators_employment_rate(&r, 1, 2023, 4, &q4);
		PW_CHECK(q2.denominator == (rows[i].in_q2 ? 1u : 0u), "exit %s Q2", rows[i].exit);
		PW_CHECK(q4.denominator == (rows[i].in_q4 ? 1u : 0u), "exit %s Q4", rows[i].exit);
		PW_CHECK(q2.numerator == q2.denominator && q4.numerator == q4.denominator,
		         "exit %s numerators", rows[i].exit);
	}
}

/* R-PERF-1: hard exits, later exclusions and not-enrolled are left out. */
static void test_left_out(void)
{
	static const struct {
		enum pw_perf_exit kind;
		bool excluded, not_enrolled;
		bool counted;
	} rows[] = {
	        {PW_PERF_EXIT_REGULAR, false, false, true},
	        {PW_PERF_EXIT_SOFT, false, false, true},
	        {PW_PERF_EXIT_HARD, false, false, false},
	        {PW_PERF_EXIT_HARD, true, false, false},
	        {PW_PERF_EXIT_REGULAR, true, false, false}, /* deceased after exit */
	        {PW_PERF_EXIT_SOFT, true, false, false},
	        {PW_PERF_EXIT_NOT_ENROLLED, false, true, false},
	        {PW_PERF_EXIT_REGULAR, false, true, false},
	        {PW_PERF_EXIT_NONE, false, false, false}, /* not an exiter */
	};
	static const struct pw_perf_period training = {0, PW_DATE_NONE, false};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_perf_record r = exiter("2022-01-10", "2022-09-15");
		struct pw_perf_period t = training;
		struct pw_perf_credential cred = {pw_unit_date("2022-08-01"),
		                                  PW_CRED_OCCUPATIONAL_CERTIFICATE};
		int year = 2022;
		struct pw_perf_report rep;

		t.start = pw_unit_date("2022-02-01");
		r.exit_kind = rows[i].kind;
		r.excluded = rows[i].excluded;
		r.not_enrolled = rows[i].not_enrolled;
		for (size_t q = 0; q < 4; q++) {
			r.quarters[q].outcome = PW_PERF_OUTCOME_EMPLOYED;
			r.quarters[q].earnings_cents = 900000;
		}
		r.training = &t;
		r.n_training = 1;
		r.credentials = &cred;
		r.n_credentials = 1;
		r.gain_years = &year;
		r.n_gains = 1;
		PW_CHECK(pw_indicators_compute(&r, 1, 2023, &rep) == PW_OK, "row %zu", i);
		PW_CHECK(rep.employment_q2.denominator == (rows[i].counted ? 1u : 0u), "row %zu q2",
		         i);
		PW_CHECK(rep.employment_q4.denominator == (rows[i].counted ? 1u : 0u), "row %zu q4",
		         i);
		PW_CHECK(rep.median_earnings_q2.count == (rows[i].counted ? 1u : 0u),
		         "row %zu median", i);
		PW_CHECK(rep.credential.denominator == (rows[i].counted ? 1u : 0u),
		         "row %zu credential", i);
		/* The MSG rate of PY2022 (the year of participation) leaves the same
		 * people out, exiters or not. */
		struct pw_perf_rate msg;
		pw_indicators_msg_rate(&r, 1, 2022, &msg);
		bool in_msg = !rows[i].excluded && !rows[i].not_enrolled &&
		              rows[i].kind != PW_PERF_EXIT_HARD &&
		              rows[i].kind != PW_PERF_EXIT_NOT_ENROLLED;
		PW_CHECK(msg.denominator == (in_msg ? 1u : 0u) && msg.numerator == msg.denominator,
		         "row %zu msg %zu/%zu", i, msg.numerator, msg.denominator);
	}
}

/* R-PERF-2: what counts as employed in the quarter, youth or not. */
static void test_employment_outcomes(void)
{
	static const struct {
		bool youth;
		enum pw_perf_outcome outcome;
		bool placed, pending;
	} rows[] = {
	        {false, PW_PERF_OUTCOME_EMPLOYED, true, false},
	        {false, PW_PERF_OUTCOME_APPRENTICESHIP, true, false},
	        {false, PW_PERF_OUTCOME_MILITARY, true, false},
	        {false, PW_PERF_OUTCOME_EDUCATION, false, false},
	        {true, PW_PERF_OUTCOME_EDUCATION, true, false},
	        {true, PW_PERF_OUTCOME_EMPLOYED, true, false},
	        {false, PW_PERF_OUTCOME_NOT_EMPLOYED, false, false},
	        {true, PW_PERF_OUTCOME_NOT_EMPLOYED, false, false},
	        {false, PW_PERF_OUTCOME_UNKNOWN, false, true},
	        {true, PW_PERF_OUTCOME_NONE, false, true},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_perf_record r = exiter("2022-01-10", "2022-09-15");
		struct pw_perf_rate q2;

		r.youth = rows[i].youth;
		r.quarters[1].outcome = rows[i].outcome;
		CU_ASSERT_EQUAL(pw_indicators_employment_rate(&r, 1, 2023, 2, &q2), PW_OK);
		PW_CHECK(q2.denominator == 1 && q2.numerator == (rows[i].placed ? 1u : 0u),
		         "row %zu: %zu/%zu", i, q2.numerator, q2.denominator);
		PW_CHECK(q2.pending == (rows[i].pending ? 1u : 0u), "row %zu pending", i);
	}
}

static void test_rate_and_no_denominator(void)
{
	struct pw_perf_record r[3] = {exiter("2022-01-10", "2022-09-15"),
	                              exiter("2022-01-10", "2022-10-15"),
	                              exiter("2022-01-10", "2022-11-15")};
	struct pw_perf_rate q2;

	r[0].quarters[1].outcome = PW_PERF_OUTCOME_EMPLOYED;
	r[1].quarters[1].outcome = PW_PERF_OUTCOME_EMPLOYED;
	r[2].quarters[1].outcome = PW_PERF_OUTCOME_NOT_EMPLOYED;
	CU_ASSERT_EQUAL(pw_indicators_employment_rate(r, 3, 2023, 2, &q2), PW_OK);
	CU_ASSERT_EQUAL(q2.numerator, 2);
	CU_ASSERT_EQUAL(q2.denominator, 3);
	CU_ASSERT_TRUE(q2.has_denominator);
	CU_ASSERT_DOUBLE_EQUAL(q2.rate, 2.0 / 3.0, 1e-12);
	/* Nobody in the cohort: "no denominator", not 0%. */
	CU_ASSERT_EQUAL(pw_indicators_employment_rate(r, 3, 2030, 2, &q2), PW_OK);
	CU_ASSERT_FALSE(q2.has_denominator);
	CU_ASSERT_EQUAL(q2.denominator, 0);
	CU_ASSERT_DOUBLE_EQUAL(q2.rate, 0.0, 0.0);
	CU_ASSERT_EQUAL(pw_indicators_employment_rate(NULL, 0, 2023, 4, &q2), PW_OK);
	CU_ASSERT_FALSE(q2.has_denominator);
	CU_ASSERT_EQUAL(pw_indicators_employment_rate(r, 3, 2023, 3, &q2), PW_ERR_INVALID);
}

static void test_median(void)
{
	static const struct {
		int64_t v[6];
		size_t n;
		int rc;
		int64_t median;
	} rows[] = {
	        {{0}, 0, PW_ERR_INVALID, 0},
	        {{500}, 1, PW_OK, 500},
	        {{300, 100, 200}, 3, PW_OK, 200},
	        {{400, 100, 300, 200}, 4, PW_OK, 250},
	        {{1, 2}, 2, PW_OK, 2}, /* 1.5 cents rounds half up */
	        {{4, 1, 3, 2}, 4, PW_OK, 3},
	        {{7, 7, 7, 7, 7}, 5, PW_OK, 7},
	        {{900, 100, 500, 300, 700, 1100}, 6, PW_OK, 600},
	        {{0, 0}, 2, PW_OK, 0},
	        {{INT64_MAX - 1, INT64_MAX - 3}, 2, PW_OK, INT64_MAX - 2}, /* no overflow */
	        {{100, -1, 300}, 3, PW_ERR_INVALID, 0},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		int64_t m = -5;
		int64_t copy[6];
		int rc;

		memcpy(copy, rows[i].v, sizeof(copy));
		rc = pw_indicators_median(rows[i].v, rows[i].n, &m);
		PW_CHECK(rc == rows[i].rc, "row %zu rc %d", i, rc);
		if (rows[i].rc == PW_OK)
			PW_CHECK(m == rows[i].median, "row %zu median %lld", i, (long long)m);
		else
			PW_CHECK(m == -5, "row %zu output touched", i);
		PW_CHECK(memcmp(copy, rows[i].v, sizeof(copy)) == 0, "row %zu input changed", i);
	}
}

/* R-PERF-2: median Q2 earnings over the Q2 cohort's employed exiters. */
static void test_median_earnings(void)
{
	static const struct {
		const char *exit;
		bool youth;
		enum pw_perf_outcome outcome;
		int64_t earnings;
		bool excluded;
	} people[] = {
	        {"2022-08-01", false, PW_PERF_OUTCOME_EMPLOYED, 300000, false},
	        {"2022-09-01", false, PW_PERF_OUTCOME_EMPLOYED, 100000, false},
	        {"2022-10-01", true, PW_PERF_OUTCOME_APPRENTICESHIP, 400000, false},
	        {"2023-06-30", false, PW_PERF_OUTCOME_MILITARY, 200000, false},
	        /* Left out of the median: */
	        {"2022-11-01", true, PW_PERF_OUTCOME_EDUCATION, 999999, false},  /* not employed */
	        {"2022-12-01", false, PW_PERF_OUTCOME_EMPLOYED, 0, false},       /* no earnings */
	        {"2023-01-01", false, PW_PERF_OUTCOME_EMPLOYED, 5000000, true},  /* excluded */
	        {"2023-07-01", false, PW_PERF_OUTCOME_EMPLOYED, 5000000, false}, /* next cohort */
	        {"2023-02-01", false, PW_PERF_OUTCOME_NOT_EMPLOYED, 5000000, false},
	};
	struct pw_perf_record r[PW_ARRAY_LEN(people)];
	struct pw_perf_median m;

	for (size_t i = 0; i < PW_ARRAY_LEN(people); i++) {
		r[i] = exiter("2021-10-04", people[i].exit);
		r[i].youth = people[i].youth;
		r[i].excluded = people[i].excluded;
		r[i].quarters[1].outcome = people[i].outcome;
		r[i].quarters[1].earnings_cents = people[i].earnings;
	}
	/* Even count: 100000 200000 | 300000 400000 -> 250000. */
	CU_ASSERT_EQUAL(pw_indicators_median_earnings_q2(r, PW_ARRAY_LEN(r), 2023, &m), PW_OK);
	CU_ASSERT_EQUAL(m.count, 4);
	CU_ASSERT_TRUE(m.has_value);
	CU_ASSERT_EQUAL(m.median_cents, 250000);
	/* Odd count without the first one: 100000 200000 400000 -> 200000. */
	CU_ASSERT_EQUAL(pw_indicators_median_earnings_q2(r + 1, PW_ARRAY_LEN(r) - 1, 2023, &m),
	                PW_OK);
	CU_ASSERT_EQUAL(m.count, 3);
	CU_ASSERT_EQUAL(m.median_cents, 200000);
	/* Nobody: no value. */
	CU_ASSERT_EQUAL(pw_indicators_median_earnings_q2(r, PW_ARRAY_LEN(r), 2030, &m), PW_OK);
	CU_ASSERT_FALSE(m.has_value);
	CU_ASSERT_EQUAL(m.count, 0);
	CU_ASSERT_EQUAL(pw_indicators_median_earnings_q2(NULL, 0, 2023, &m), PW_OK);
	CU_ASSERT_FALSE(m.has_value);
}

/* R-PERF-3 for the report of PY2023: exits in calendar 2022. */
static void test_credential_rate(void)
{
	static const struct {
		const char *what;
		const char *exit;
		int training;          /* 0 none, 1 classroom, 2 OJT only, 3 OJT + classroom */
		const char *cred_date; /* NULL = no credential */
		enum pw_credential_type type;
		bool within_year_flag;
		enum pw_perf_outcome q3;
		bool in_denominator, in_numerator;
	} rows[] = {
	        {"certificate on the last day of the year after exit", "2022-03-15", 1,
	         "2023-03-15", PW_CRED_OCCUPATIONAL_CERTIFICATE, false, 0, true, true},
	        {"certificate the day after that", "2022-03-15", 1, "2023-03-16",
	         PW_CRED_OCCUPATIONAL_CERTIFICATE, false, 0, true, false},
	        {"certificate before participation", "2022-03-15", 1, "2021-08-31",
	         PW_CRED_OCCUPATIONAL_CERTIFICATE, false, 0, true, false},
	        {"OJT only is not in the denominator", "2022-03-15", 2, "2022-03-01",
	         PW_CRED_OCCUPATIONAL_LICENSE, false, 0, false, false},
	        {"OJT plus classroom is", "2022-03-15", 3, "2022-03-01",
	         PW_CRED_OCCUPATIONAL_LICENSE, false, 0, true, true},
	        {"no training, no denominator", "2022-03-15", 0, "2022-03-01", PW_CRED_AA_AS, false,
	         0, false, false},
	        {"a diploma alone does not count", "2022-06-15", 1, "2022-05-01",
	         PW_CRED_SECONDARY_DIPLOMA, false, PW_PERF_OUTCOME_NOT_EMPLOYED, true, false},
	        {"a diploma with employment within a year does", "2022-06-15", 1, "2022-05-01",
	         PW_CRED_SECONDARY_DIPLOMA, true, 0, true, true},
	        {"a diploma with education in Q3 after exit does", "2022-06-15", 1, "2022-05-01",
	         PW_CRED_SECONDARY_DIPLOMA, false, PW_PERF_OUTCOME_EDUCATION, true, true},
	        {"a credential with no type does not count", "2022-06-15", 1, "2022-05-01",
	         PW_CRED_TYPE_NONE, false, 0, true, false},
	        {"exit on Jan 1 of the next year is the next cohort", "2023-01-01", 1, "2022-12-01",
	         PW_CRED_BA_BS, false, 0, false, false},
	        {"exit on Dec 31 is in", "2022-12-31", 1, "2023-12-31", PW_CRED_GRADUATE, false, 0,
	         true, true},
	};
	size_t den = 0, num = 0;
	struct pw_perf_record all[PW_ARRAY_LEN(rows)];
	struct pw_perf_period periods[PW_ARRAY_LEN(rows)][2];
	struct pw_perf_credential creds[PW_ARRAY_LEN(rows)];
	struct pw_perf_rate rate;

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_perf_record *r = &all[i];

		*r = exiter("2021-09-01", rows[i].exit);
		/* Period 0 is OJT for kinds 2 and 3; kind 3 adds classroom period 1. */
		periods[i][0] =
		        (struct pw_perf_period){pw_unit_date("2021-09-15"),
		                                pw_unit_date("2021-12-15"), rows[i].training >= 2};
		periods[i][1] = (struct pw_perf_period){pw_unit_date("2022-01-10"),
		                                        pw_unit_date("2022-02-28"), false};
		r->training = periods[i];
		r->n_training = rows[i].training == 3 ? 2 : rows[i].training == 0 ? 0 : 1;
		creds[i] =
		        (struct pw_perf_credential){pw_unit_date(rows[i].cred_date), rows[i].type};
		r->credentials = &creds[i];
		r->n_credentials = rows[i].cred_date ? 1 : 0;
		r->employed_or_education_within_year = rows[i].within_year_flag;
		r->quarters[2].outcome = rows[i].q3;

		pw_indicators_credential_rate(r, 1, 2023, &rate);
		PW_CHECK(rate.denominator == (rows[i].in_denominator ? 1u : 0u), "%s: denominator",
		         rows[i].what);
		PW_CHECK(rate.numerator == (rows[i].in_numerator ? 1u : 0u), "%s: numerator",
		         rows[i].what);
		den += rows[i].in_denominator;
		num += rows[i].in_numerator;
	}
	pw_indicators_credential_rate(all, PW_ARRAY_LEN(all), 2023, &rate);
	CU_ASSERT_EQUAL(rate.denominator, den);
	CU_ASSERT_EQUAL(rate.numerator, num);
	CU_ASSERT_DOUBLE_EQUAL(rate.rate, (double)num / (double)den, 1e-12);
}

/* R-PERF-4 for PY2023 (2023-07-01 .. 2024-06-30). */
static void test_msg_rate(void)
{
	static const int y2023[] = {2023}, y2022[] = {2022}, twice[] = {2023, 2023},
	                 other[] = {2022, 2024};
	static const struct {
		const char *what;
		const char *participation, *exit;
		const char *t_start, *t_end;
		bool ojt;
		const int *gains;
		size_t n_gains;
		bool in_denominator, in_numerator;
	} rows[] = {
	        {"enrolled, in training, a gain in PY2023", "2023-01-10", NULL, "2023-02-01", NULL,
	         false, y2023, 1, true, true},
	        {"a gain in PY2022 only", "2023-01-10", NULL, "2023-02-01", NULL, false, y2022, 1,
	         true, false},
	        {"gains in the years around it", "2023-01-10", NULL, "2023-02-01", NULL, false,
	         other, 2, true, false},
	        {"training ended June 30 before the year", "2022-08-01", NULL, "2022-09-01",
	         "2023-06-30", false, y2023, 1, false, false},
	        {"training starting on the year's last day, two gains counted once", "2023-01-10",
	         NULL, "2024-06-30", NULL, false, twice, 2, true, true},
	        {"training after the year", "2023-01-10", NULL, "2024-07-01", NULL, false, y2023, 1,
	         false, false},
	        {"exited June 30 before the year", "2022-08-01", "2023-06-30", "2022-09-01", NULL,
	         false, y2023, 1, false, false},
	        {"exited July 1, in training that day", "2022-08-01", "2023-07-01", "2022-09-01",
	         "2023-12-31", false, NULL, 0, true, false},
	        {"training that starts after the exit within the year", "2022-08-01", "2023-09-30",
	         "2023-10-15", NULL, false, y2023, 1, false, false},
	        {"OJT counts for skill gains", "2023-01-10", NULL, "2023-08-01", "2023-12-31", true,
	         y2023, 1, true, true},
	        {"participation starting after the training period", "2024-01-10", NULL,
	         "2023-08-01", "2023-12-31", false, y2023, 1, false, false},
	        {"no training at all", "2023-01-10", NULL, NULL, NULL, false, y2023, 1, false,
	         false},
	};
	struct pw_perf_record all[PW_ARRAY_LEN(rows)];
	struct pw_perf_period periods[PW_ARRAY_LEN(rows)];
	size_t den = 0, num = 0;
	struct pw_perf_rate rate;

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_perf_record *r = &all[i];

		*r = exiter(rows[i].participation, rows[i].exit);
		periods[i] = (struct pw_perf_period){pw_unit_date(rows[i].t_start),
		                                     pw_unit_date(rows[i].t_end), rows[i].ojt};
		r->training = &periods[i];
		r->n_training = rows[i].t_start ? 1 : 0;
		r->gain_years = rows[i].gains;
		r->n_gains = rows[i].n_gains;
		pw_indicators_msg_rate(r, 1, 2023, &rate);
		PW_CHECK(rate.denominator == (rows[i].in_denominator ? 1u : 0u), "%s: denominator",
		         rows[i].what);
		PW_CHECK(rate.numerator == (rows[i].in_numerator ? 1u : 0u), "%s: numerator",
		         rows[i].what);
		den += rows[i].in_denominator;
		num += rows[i].in_numerator;
	}
	pw_indicators_msg_rate(all, PW_ARRAY_LEN(all), 2023, &rate);
	CU_ASSERT_EQUAL(rate.denominator, den);
	CU_ASSERT_EQUAL(rate.numerator, num);
	CU_ASSERT_EQUAL(rate.denominator, 6);
	CU_ASSERT_EQUAL(rate.numerator, 3);
}

static void test_compute(void)
{
	static const struct pw_perf_period t = {0, PW_DATE_NONE, false};
	struct pw_perf_record r[2] = {exiter("2022-01-10", "2022-09-15"),
	                              exiter("2022-01-10", "2022-10-20")};
	struct pw_perf_period periods[2] = {t, t};
	struct pw_perf_report rep;
	struct pw_perf_rate q2, q4, cred, msg;
	struct pw_perf_median m;

	for (size_t i = 0; i < 2; i++) {
		periods[i].start = pw_unit_date("2022-02-01");
		r[i].training = &periods[i];
		r[i].n_training = 1;
		r[i].quarters[1] = (struct pw_perf_quarter){PW_PERF_OUTCOME_EMPLOYED,
		                                            (int64_t)(i + 1) * 100001};
	}
	r[1].quarters[3].outcome = PW_PERF_OUTCOME_EMPLOYED;
	CU_ASSERT_EQUAL(pw_indicators_compute(r, 2, 2023, &rep), PW_OK);
	pw_indicators_employment_rate(r, 2, 2023, 2, &q2);
	pw_indicators_employment_rate(r, 2, 2023, 4, &q4);
	pw_indicators_credential_rate(r, 2, 2023, &cred);
	pw_indicators_msg_rate(r, 2, 2023, &msg);
	pw_indicators_median_earnings_q2(r, 2, 2023, &m);
	CU_ASSERT_EQUAL(rep.program_year, 2023);
	CU_ASSERT_EQUAL(rep.employment_q2.numerator, 2);
	CU_ASSERT_EQUAL(rep.employment_q4.numerator, 1);
	CU_ASSERT_EQUAL(rep.employment_q4.denominator, 2);
	CU_ASSERT_EQUAL(rep.employment_q4.pending, 1);
	CU_ASSERT(memcmp(&rep.employment_q2, &q2, sizeof(q2)) == 0);
	CU_ASSERT(memcmp(&rep.employment_q4, &q4, sizeof(q4)) == 0);
	CU_ASSERT_EQUAL(rep.credential.denominator, cred.denominator);
	CU_ASSERT_EQUAL(rep.credential.numerator, 0);
	CU_ASSERT_EQUAL(rep.msg.denominator, msg.denominator);
	/* (100001 + 200002) / 2 = 150001.5 -> 150002. */
	CU_ASSERT_EQUAL(rep.median_earnings_q2.median_cents, 150002);
	CU_ASSERT_EQUAL(rep.median_earnings_q2.median_cents, m.median_cents);
}

static const struct pw_unit_test tests[] = {
        {"indicator codes round-trip and each has a label", test_codes},
        {"cohorts of the PY N report: ERQ2/MEQ2 PY N-1, ERQ4/credential calendar N-1, MSG PY N",
         test_cohorts},
        {"exits on each side of the PY2023 cohort edges fall in or out", test_cohort_edges},
        {"hard exits, later exclusions and not-enrolled leave every indicator", test_left_out},
        {"employed, apprenticeship and military place; education places youth only",
         test_employment_outcomes},
        {"a rate is numerator over denominator, and an empty cohort has no denominator",
         test_rate_and_no_denominator},
        {"the median takes the middle value, or the mean of the two middle values rounded up",
         test_median},
        {"median Q2 earnings cover the cohort's employed exiters with earnings, odd or even",
         test_median_earnings},
        {"credential attainment: trained exiters, credential within a year, diploma condition",
         test_credential_rate},
        {"skill-gain rate: trained in the PY while participating, a gain in the PY counted once",
         test_msg_rate},
        {"compute gives the same figures as each indicator on its own", test_compute},
};

int main(void)
{
	return pw_unit_run("indicators", tests, PW_ARRAY_LEN(tests));
}
