/*
 * test_employment.c: unit tests for rules/employment.c (R-EMP-1, R-EMP-2,
 * R-DATE-4): field formats, the current flag against the end date, days
 * retained, wage equivalents and overlap with a post-exit quarter.
 */
#include <math.h>
#include <string.h>

#include "unit_main.h"
#include "rules/employment.h"

static const struct pw_violation *on_field(const struct pw_violations *v, const char *field)
{
	for (size_t i = 0; i < v->n; i++)
		if (v->items[i].field != NULL && strcmp(v->items[i].field, field) == 0)
			return &v->items[i];
	return NULL;
}

/* The seed 001 job: "Backroom Team", started 6/8/2020, "Present". */
static struct pw_job good_job(void)
{
	struct pw_job j = {
	        .is_current = true,
	        .employer = "Jewel-Osco",
	        .start_date = pw_unit_date("2020-06-08"),
	        .end_date = PW_DATE_NONE,
	        .job_title = "Backroom Team",
	        .soc_code = "53-7065",
	        .street1 = "1 N Main St",
	        .city = "Springfield",
	        .state = "IL",
	        .zip = "62701",
	        .duties = "Unload trucks, stock shelves.",
	        .hours_per_week = 32.0,
	        .wage_cents = 1550,
	        .wage_period = PW_WAGE_HOUR,
	        .meets_needs = PW_ANSWER_YES,
	        .meets_needs_why = "Close to home and fits school hours.",
	};
	return j;
}

static pw_date today(void)
{
	return pw_unit_date("2023-11-20");
}

static void test_wage_periods(void)
{
	static const struct {
		enum pw_wage_period p;
		const char *code, *label;
	} rows[] = {
	        {PW_WAGE_HOUR, "hour", "Hour"},
	        {PW_WAGE_WEEK, "week", "Week"},
	        {PW_WAGE_MONTH, "month", "Month"},
	        {PW_WAGE_YEAR, "year", "Year"},
	};
	enum pw_wage_period p = PW_WAGE_HOUR;

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		PW_CHECK(strcmp(pw_employment_wage_period_code(rows[i].p), rows[i].code) == 0,
		         "row %zu", i);
		PW_CHECK(strcmp(pw_employment_wage_period_label(rows[i].p), rows[i].label) == 0,
		         "row %zu", i);
		PW_CHECK(pw_employment_wage_period_from_code(rows[i].code, &p) == PW_OK &&
		                 p == rows[i].p,
		         "row %zu", i);
	}
	p = PW_WAGE_WEEK;
	CU_ASSERT_EQUAL(pw_employment_wage_period_from_code("hourly", &p), PW_ERR_INVALID);
	CU_ASSERT_EQUAL(pw_employment_wage_period_from_code(NULL, &p), PW_ERR_INVALID);
	CU_ASSERT_EQUAL(p, PW_WAGE_WEEK);
	CU_ASSERT_STRING_EQUAL(pw_employment_wage_period_code(PW_WAGE_NONE), "");
}

static void test_formats(void)
{
	static const struct {
		const char *s;
		bool soc, state, zip;
	} rows[] = {
	        {"43-4051", true, false, false},    {"43-4051.03", true, false, false},
	        {"434051", false, false, false},    {"43-405", false, false, false},
	        {"43-40511", false, false, false},  {"43-4051.", false, false, false},
	        {"43-4051.3", false, false, false}, {"43-4051.031", false, false, false},
	        {"a3-4051", false, false, false},   {" 43-4051", false, false, false},
	        {"IL", false, true, false},         {"DC", false, true, false},
	        {"PR", false, true, false},         {"GU", false, true, false},
	        {"VI", false, true, false},         {"il", false, false, false},
	        {"XX", false, false, false},        {"ILL", false, false, false},
	        {"AE", false, false, false},        {"60601", false, false, true},
	        {"60601-1234", false, false, true}, {"6060", false, false, false},
	        {"606011234", false, false, false}, {"60601-123", false, false, false},
	        {"60601 ", false, false, false},    {"6O6O1", false, false, false},
	        {"", false, false, false},          {NULL, false, false, false},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		const char *s = rows[i].s ? rows[i].s : "(null)";

		PW_CHECK(pw_employment_soc_code_valid(rows[i].s) == rows[i].soc, "soc %s", s);
		PW_CHECK(pw_employment_state_valid(rows[i].s) == rows[i].state, "state %s", s);
		PW_CHECK(pw_employment_zip_valid(rows[i].s) == rows[i].zip, "zip %s", s);
	}
}

static void test_seed_job_passes(void)
{
	struct pw_job j = good_job();
	struct pw_violations v;

	pw_violations_init(&v);
	CU_ASSERT_EQUAL(pw_employment_validate(&j, today(), &v), PW_OK);
	CU_ASSERT_EQUAL(v.n, 0);
	/* A finished job, O*NET code and ZIP+4, no street 2. */
	j.is_current = false;
	j.end_date = pw_unit_date("2021-01-15");
	j.soc_code = "53-7065.00";
	j.zip = "62701-1234";
	j.wage_period = PW_WAGE_YEAR;
	j.wage_cents = 3100000;
	pw_violations_init(&v);
	CU_ASSERT_EQUAL(pw_employment_validate(&j, today(), &v), PW_OK);
}

static void test_empty_job_names_fields(void)
{
	static const char *const fields[] = {
	        "employer", "start_date",  "job_title",   "soc_code",       "street1",
	        "city",     "state",       "zip",         "duties",         "hours_per_week",
	        "wage",     "wage_period", "meets_needs", "meets_needs_why"};
	struct pw_job j;
	struct pw_violations v;

	memset(&j, 0, sizeof(j));
	j.is_current = true;
	j.start_date = j.end_date = PW_DATE_NONE;
	pw_violations_init(&v);
	CU_ASSERT_EQUAL(pw_employment_validate(&j, today(), &v), PW_ERR_INVALID);
	for (size_t i = 0; i < PW_ARRAY_LEN(fields); i++) {
		const struct pw_violation *got = on_field(&v, fields[i]);

		PW_CHECK(got != NULL, "no violation on %s", fields[i]);
		if (got != NULL)
			PW_CHECK(strcmp(got->rule, "R-EMP-1") == 0, "%s: %s", fields[i], got->rule);
	}
	CU_ASSERT_EQUAL(v.n, PW_ARRAY_LEN(fields));
	CU_ASSERT_PTR_NULL(on_field(&v, "street2"));  /* optional */
	CU_ASSERT_PTR_NULL(on_field(&v, "end_date")); /* current job */
}

static void test_bad_formats_refused(void)
{
	static const struct {
		const char *soc, *state, *zip;
		const char *field;
	} rows[] = {
	        {"434051", "IL", "62701", "soc_code"},
	        {"53-7065", "Illinois", "62701", "state"},
	        {"53-7065", "IL", "627", "zip"},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_job j = good_job();
		struct pw_violations v;

		j.soc_code = rows[i].soc;
		j.state = rows[i].state;
		j.zip = rows[i].zip;
		pw_violations_init(&v);
		PW_CHECK(pw_employment_validate(&j, today(), &v) == PW_ERR_INVALID, "row %zu", i);
		PW_CHECK(on_field(&v, rows[i].field) != NULL && v.n == 1, "row %zu: %zu", i, v.n);
	}
}

static void test_hours_and_wage(void)
{
	static const struct {
		double hours;
		int64_t wage;
		enum pw_wage_period period;
		const char *field; /* NULL = accepted */
	} rows[] = {
	        {0.5, 1550, PW_WAGE_HOUR, NULL},
	        {168.0, 1550, PW_WAGE_HOUR, NULL},
	        {0.0, 1550, PW_WAGE_HOUR, "hours_per_week"},
	        {-4.0, 1550, PW_WAGE_HOUR, "hours_per_week"},
	        {168.5, 1550, PW_WAGE_HOUR, "hours_per_week"},
	        {NAN, 1550, PW_WAGE_HOUR, "hours_per_week"},
	        {INFINITY, 1550, PW_WAGE_HOUR, "hours_per_week"},
	        {40.0, 1, PW_WAGE_HOUR, NULL},
	        {40.0, 0, PW_WAGE_HOUR, "wage"},
	        {40.0, -1550, PW_WAGE_HOUR, "wage"},
	        {40.0, PW_EMPLOYMENT_WAGE_MAX + 1, PW_WAGE_YEAR, "wage"},
	        {40.0, 1550, PW_WAGE_NONE, "wage_period"},
	        {40.0, 1550, (enum pw_wage_period)9, "wage_period"},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_job j = good_job();
		struct pw_violations v;
		int rc;

		j.hours_per_week = rows[i].hours;
		j.wage_cents = rows[i].wage;
		j.wage_period = rows[i].period;
		pw_violations_init(&v);
		rc = pw_employment_validate(&j, today(), &v);
		if (rows[i].field == NULL)
			PW_CHECK(rc == PW_OK, "row %zu refused: %s", i,
			         v.n ? v.items[0].message : "");
		else
			PW_CHECK(rc == PW_ERR_INVALID && on_field(&v, rows[i].field) != NULL &&
			                 v.n == 1,
			         "row %zu: %zu violations", i, v.n);
	}
}

/* R-EMP-1 and R-DATE-4: start, end and the current flag. */
static void test_dates_and_current(void)
{
	static const struct {
		bool current;
		const char *start, *end;
		const char *field, *rule; /* NULL = accepted */
	} rows[] = {
	        {true, "2023-11-20", NULL, NULL, NULL}, /* starts today */
	        {true, "2023-11-21", NULL, "start_date", "R-DATE-4"},
	        {true, "2023-01-01", "2023-06-01", "end_date", "R-EMP-1"},
	        {false, "2023-01-01", NULL, "end_date", "R-EMP-1"},
	        {false, "2023-01-01", "2023-01-01", NULL, NULL}, /* a one-day job */
	        {false, "2023-01-01", "2022-12-31", "end_date", "R-EMP-1"},
	        {false, "2023-01-01", "2023-11-20", NULL, NULL},
	        {false, "2023-01-01", "2023-11-21", "end_date", "R-DATE-4"},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_job j = good_job();
		struct pw_violations v;
		const struct pw_violation *got;
		int rc;

		j.is_current = rows[i].current;
		j.start_date = pw_unit_date(rows[i].start);
		j.end_date = pw_unit_date(rows[i].end);
		pw_violations_init(&v);
		rc = pw_employment_validate(&j, today(), &v);
		if (rows[i].field == NULL) {
			PW_CHECK(rc == PW_OK, "row %zu refused: %s", i,
			         v.n ? v.items[0].message : "");
			continue;
		}
		got = on_field(&v, rows[i].field);
		PW_CHECK(got != NULL && strcmp(got->rule, rows[i].rule) == 0 && v.n == 1,
		         "row %zu: %s", i, got ? got->message : "accepted");
	}
}

static void test_meets_needs(void)
{
	struct pw_job j = good_job();
	struct pw_violations v;

	j.meets_needs = PW_ANSWER_NO;
	j.meets_needs_why = "Too few hours.";
	pw_violations_init(&v);
	CU_ASSERT_EQUAL(pw_employment_validate(&j, today(), &v), PW_OK);
	j.meets_needs_why = "";
	pw_violations_init(&v);
	CU_ASSERT_EQUAL(pw_employment_validate(&j, today(), &v), PW_ERR_INVALID);
	CU_ASSERT_PTR_NOT_NULL(on_field(&v, "meets_needs_why"));
	j.meets_needs = PW_ANSWER_NONE;
	j.meets_needs_why = "Too few hours.";
	pw_violations_init(&v);
	CU_ASSERT_EQUAL(pw_employment_validate(&j, today(), &v), PW_ERR_INVALID);
	CU_ASSERT_PTR_NOT_NULL(on_field(&v, "meets_needs"));
}

/* R-EMP-2 */
static void test_days_retained(void)
{
	static const struct {
		const char *start, *end, *as_of;
		int days;
	} rows[] = {
	        {"2023-08-01", NULL, "2023-11-20", 111}, /* the ISETS "Complete (111 Days)" */
	        {"2023-08-01", "2023-10-30", "2023-11-20", 90},
	        {"2023-08-01", "2023-10-29", "2023-11-20", 89},
	        {"2023-08-01", "2024-03-01", "2023-11-20", 111}, /* never past as_of */
	        {"2023-11-20", NULL, "2023-11-20", 0},
	        {"2023-11-21", NULL, "2023-11-20", 0},  /* starts after as_of */
	        {"2024-02-01", NULL, "2024-03-01", 29}, /* leap February */
	        {"2023-02-01", NULL, "2023-03-01", 28},
	        {NULL, NULL, "2023-11-20", 0},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_job j = good_job();
		int got;

		j.start_date = pw_unit_date(rows[i].start);
		j.end_date = pw_unit_date(rows[i].end);
		got = pw_employment_days_retained(&j, pw_unit_date(rows[i].as_of));
		PW_CHECK(got == rows[i].days, "row %zu: %d, want %d", i, got, rows[i].days);
	}
}

static void test_retained_90(void)
{
	struct pw_job jobs[3] = {good_job(), good_job(), good_job()};
	pw_date as_of = pw_unit_date("2024-01-31");
	int days = -1;

	jobs[0].start_date = pw_unit_date("2023-06-01");
	jobs[0].end_date = pw_unit_date("2023-08-29");   /* 89 days */
	jobs[1].start_date = pw_unit_date("2024-01-01"); /* 30 days */
	jobs[2].start_date = pw_unit_date("2023-11-02"); /* 90 days */
	CU_ASSERT_FALSE(pw_employment_retained_90(jobs, 2, as_of, &days));
	CU_ASSERT_EQUAL(days, 89);
	CU_ASSERT_TRUE(pw_employment_retained_90(jobs, 3, as_of, &days));
	CU_ASSERT_EQUAL(days, 90);
	CU_ASSERT_TRUE(pw_employment_retained_90(jobs, 3, as_of, NULL));
	CU_ASSERT_FALSE(pw_employment_retained_90(jobs, 0, as_of, &days));
	CU_ASSERT_EQUAL(days, 0);
	CU_ASSERT_EQUAL(pw_employment_max_days_retained(jobs, 3, as_of), 90);
}

static void test_wage_equivalents(void)
{
	static const struct {
		int64_t wage;
		enum pw_wage_period period;
		double hours;
		int64_t hourly, weekly, quarterly; /* -1 = cannot be known */
	} rows[] = {
	        {1500, PW_WAGE_HOUR, 40, 1500, 60000, 780000},
	        {1550, PW_WAGE_HOUR, 32, 1550, 49600, 644800},
	        {60000, PW_WAGE_WEEK, 40, 1500, 60000, 780000},
	        {60000, PW_WAGE_WEEK, 37.5, 1600, 60000, 780000},
	        {520000, PW_WAGE_MONTH, 40, 3000, 120000, 1560000},
	        {3120000, PW_WAGE_YEAR, 40, 1500, 60000, 780000},
	        {10, PW_WAGE_YEAR, 40, 0, 0, 3},         /* a quarter of 10 cents: 2.5 rounds up */
	        {1000, PW_WAGE_MONTH, 0, -1, 231, 3000}, /* no hours: no hourly */
	        {1500, PW_WAGE_HOUR, 0, 1500, -1, -1},   /* no hours: no week */
	        {0, PW_WAGE_HOUR, 40, -1, -1, -1},
	        {1500, PW_WAGE_NONE, 40, -1, -1, -1},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_job j = good_job();
		int64_t h = -99, w = -99, q = -99;
		int rh, rw, rq;

		j.wage_cents = rows[i].wage;
		j.wage_period = rows[i].period;
		j.hours_per_week = rows[i].hours;
		rh = pw_employment_hourly_cents(&j, &h);
		rw = pw_employment_weekly_cents(&j, &w);
		rq = pw_employment_quarterly_cents(&j, &q);
		if (rows[i].hourly < 0)
			PW_CHECK(rh == PW_ERR_INVALID && h == -99, "row %zu hourly", i);
		else
			PW_CHECK(rh == PW_OK && h == rows[i].hourly, "row %zu hourly %lld", i,
			         (long long)h);
		if (rows[i].weekly < 0)
			PW_CHECK(rw == PW_ERR_INVALID && w == -99, "row %zu weekly", i);
		else
			PW_CHECK(rw == PW_OK && w == rows[i].weekly, "row %zu weekly %lld", i,
			         (long long)w);
		if (rows[i].quarterly < 0)
			PW_CHECK(rq == PW_ERR_INVALID && q == -99, "row %zu quarterly", i);
		else
			PW_CHECK(rq == PW_OK && q == rows[i].quarterly, "row %zu quarterly %lld", i,
			         (long long)q);
	}
}

/* R-PEX-1: a job overlapping a post-exit quarter. Exit 2017-06-01 gives Q2
 * after exit 2017-10-01 .. 2017-12-31 (R-DATE-2). */
static void test_overlaps_quarter(void)
{
	static const struct {
		const char *start, *end;
		const char *from, *to;
		bool overlaps;
	} rows[] = {
	        {"2017-08-15", "2017-10-01", "2017-10-01", "2017-12-31", true}, /* one day */
	        {"2017-08-15", "2017-09-30", "2017-10-01", "2017-12-31", false},
	        {"2017-12-31", NULL, "2017-10-01", "2017-12-31", true},
	        {"2018-01-01", NULL, "2017-10-01", "2017-12-31", false},
	        {"2017-05-01", NULL, "2017-10-01", "2017-12-31", true}, /* still current */
	        {"2017-11-01", "2017-11-15", "2017-10-01", "2017-12-31", true},
	        {"2017-05-01", "2018-05-01", "2017-10-01", "2017-12-31", true},
	        {"2017-05-01", NULL, "2017-12-31", "2017-10-01", false}, /* reversed range */
	        {NULL, NULL, "2017-10-01", "2017-12-31", false},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		struct pw_job j = good_job();

		j.start_date = pw_unit_date(rows[i].start);
		j.end_date = pw_unit_date(rows[i].end);
		PW_CHECK(pw_employment_overlaps(&j, pw_unit_date(rows[i].from),
		                                pw_unit_date(rows[i].to)) == rows[i].overlaps,
		         "row %zu", i);
	}
}

static const struct pw_unit_test tests[] = {
        {"wage periods round-trip hour, week, month and year", test_wage_periods},
        {"SOC codes read NN-NNNN[.NN], states are USPS codes, ZIPs 5 or 5+4 digits", test_formats},
        {"the seed job passes, current or finished", test_seed_job_passes},
        {"an empty job is refused naming every required field but street 2",
         test_empty_job_names_fields},
        {"a malformed SOC code, state or ZIP is refused on its own field",
         test_bad_formats_refused},
        {"hours per week must be in (0, 168] and the wage above zero with its period",
         test_hours_and_wage},
        {"a current job has no end date; a past one needs an end on or after its start, not ahead",
         test_dates_and_current},
        {"does the job meet the participant's needs needs yes/no and why", test_meets_needs},
        {"days retained are (end or as-of) - start, never counting past as-of", test_days_retained},
        {"retained employment for 90 days is met when any job reaches 90", test_retained_90},
        {"wages convert to hourly, weekly and 13-week quarterly equivalents",
         test_wage_equivalents},
        {"a job overlaps a post-exit quarter when it shares at least one day",
         test_overlaps_quarter},
};

int main(void)
{
	return pw_unit_run("employment", tests, PW_ARRAY_LEN(tests));
}
