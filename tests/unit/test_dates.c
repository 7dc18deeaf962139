/*
 * test_dates.c: calendar arithmetic (R-DATE-1..3), table-driven: each test
 * lists its examples as data, input dates in, expected dates out.
 */
#include "unit_main.h"

#include <stdint.h>

#include "pw.h"
#include "rules/dates.h"

#define D pw_unit_date

static void test_parse_accepts_real_days(void)
{
	static const struct {
		const char *text;
		pw_date day; /* days since 1970-01-01, from an independent calendar */
	} rows[] = {
	        {"1900-01-01", -25567}, {"1969-12-31", -1},    {"1970-01-01", 0},
	        {"2000-01-01", 10957},  {"2000-02-29", 11016}, {"2024-02-29", 19782},
	        {"2038-01-19", 24855},  {"2199-12-31", 84005},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		pw_date d = PW_DATE_NONE;
		int rc = pw_date_parse(rows[i].text, strlen(rows[i].text), &d);

		PW_CHECK(rc == PW_OK, "%s refused", rows[i].text);
		PW_CHECK(d == rows[i].day, "%s -> %d, want %d", rows[i].text, (int)d,
		         (int)rows[i].day);
	}
}

static void test_parse_rejects_malformed_and_impossible_dates(void)
{
	static const char *const rows[] = {
	        "2023-02-29",  /* not a leap year */
	        "1900-02-29",  /* century, not a leap year */
	        "2100-02-29",  /* century, not a leap year */
	        "2024-13-01",  /* month 13 */
	        "2024-00-10",  /* month 0 */
	        "2024-01-00",  /* day 0 */
	        "2024-01-32",  /* day 32 */
	        "2024-04-31",  /* April has 30 */
	        "2024-1-01",   /* not zero-padded */
	        "2024-01-1",   /* not zero-padded */
	        "2024-01-01x", /* trailing junk */
	        "2024-01-01 ", /* trailing space */
	        " 2024-01-01", /* leading space */
	        "2024/01/01",  /* wrong separator */
	        "2024-01/01",  /* wrong separator */
	        "20240101",    /* no separators */
	        "+024-01-01",  /* sign in the year */
	        "2024-0a-01",  /* letter */
	        "2024-01--1",  /* sign in the day */
	        "1899-12-31",  /* before the supported range */
	        "2200-01-01",  /* after the supported range */
	        "",            /* empty */
	        "2024-01-01T00:00:00Z",
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		pw_date d = 12345;

		PW_CHECK(pw_date_parse(rows[i], strlen(rows[i]), &d) == PW_ERR_INVALID,
		         "\"%s\" accepted", rows[i]);
		PW_CHECK(d == 12345, "\"%s\": output changed on error", rows[i]);
	}
}

static void test_parse_uses_exactly_len_bytes(void)
{
	pw_date d = 7;
	const char embedded[] = "2024-01\0-01";

	/* A valid date cut short, or read with a length past it, is refused. */
	CU_ASSERT_EQUAL(pw_date_parse("2024-01-01", 9, &d), PW_ERR_INVALID);
	CU_ASSERT_EQUAL(pw_date_parse("2024-01-01", 0, &d), PW_ERR_INVALID);
	CU_ASSERT_EQUAL(pw_date_parse(embedded, sizeof(embedded) - 1, &d), PW_ERR_INVALID);
	CU_ASSERT_EQUAL(pw_date_parse(NULL, 10, &d), PW_ERR_INVALID);
	CU_ASSERT_EQUAL(d, 7);
	/* No NUL is needed after the ten bytes. */
	CU_ASSERT_EQUAL(pw_date_parse("2024-03-31 and more", 10, &d), PW_OK);
	CU_ASSERT_EQUAL(d, D("2024-03-31"));
}

static void test_format_round_trips_every_supported_day(void)
{
	pw_date first = D("1900-01-01"), last = D("2199-12-31");
	int py = 1899, pm = 12, pd = 31, bad = 0;

	for (pw_date d = first; d <= last; d++) {
		char s[PW_DATE_STRLEN];
		pw_date back = PW_DATE_NONE;
		int y, m, day;

		pw_date_format(d, s);
		pw_date_to_ymd(d, &y, &m, &day);
		/* Each day follows the previous one on the calendar. */
		if (!((y == py && m == pm && day == pd + 1) ||
		      (y == py && m == pm + 1 && day == 1 && pd == pw_date_days_in_month(py, pm)) ||
		      (y == py + 1 && m == 1 && day == 1 && pm == 12 && pd == 31)))
			bad++;
		if (pw_date_parse(s, strlen(s), &back) != PW_OK || back != d ||
		    pw_date_from_ymd(y, m, day) != d || !pw_date_is_valid(d))
			bad++;
		py = y;
		pm = m;
		pd = day;
	}
	PW_CHECK(bad == 0, "%d days did not round-trip", bad);
	CU_ASSERT_EQUAL(py, 2199);
}

static void test_format_writes_empty_text_for_no_date(void)
{
	char s[PW_DATE_STRLEN] = "xxxxxxxxxx";

	pw_date_format(PW_DATE_NONE, s);
	CU_ASSERT_STRING_EQUAL(s, "");
	pw_date_format(INT32_MAX, s);
	CU_ASSERT_STRING_EQUAL(s, "");
	pw_date_format(D("2024-02-29"), s);
	CU_ASSERT_STRING_EQUAL(s, "2024-02-29");
}

static void test_validity_covers_exactly_the_parseable_range(void)
{
	CU_ASSERT_TRUE(pw_date_is_valid(D("1900-01-01")));
	CU_ASSERT_TRUE(pw_date_is_valid(D("2199-12-31")));
	CU_ASSERT_FALSE(pw_date_is_valid(D("1900-01-01") - 1));
	CU_ASSERT_FALSE(pw_date_is_valid(D("2199-12-31") + 1));
	CU_ASSERT_FALSE(pw_date_is_valid(PW_DATE_NONE));
	CU_ASSERT_FALSE(pw_date_is_valid(INT32_MAX));
}

static void test_leap_years_and_month_lengths(void)
{
	static const struct {
		int y, m, days;
	} rows[] = {
	        {2024, 2, 29}, {2023, 2, 28},  {2000, 2, 29}, {1900, 2, 28},
	        {2100, 2, 28}, {2024, 1, 31},  {2024, 4, 30}, {2024, 6, 30},
	        {2024, 9, 30}, {2024, 12, 31}, {2024, 0, 0},  {2024, 13, 0},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++)
		PW_CHECK(pw_date_days_in_month(rows[i].y, rows[i].m) == rows[i].days, "%d-%d",
		         rows[i].y, rows[i].m);
	CU_ASSERT_TRUE(pw_date_is_leap_year(2024));
	CU_ASSERT_TRUE(pw_date_is_leap_year(2000));
	CU_ASSERT_FALSE(pw_date_is_leap_year(1900));
	CU_ASSERT_FALSE(pw_date_is_leap_year(2023));
}

static void test_add_days_crosses_feb_29_and_year_ends(void)
{
	static const struct {
		const char *from;
		int n;
		const char *to;
	} rows[] = {
	        {"2024-01-01", 90, "2024-03-31"}, /* leap year: 31 + 29 + 30 */
	        {"2023-01-01", 90, "2023-04-01"}, /* common year */
	        {"2024-02-28", 1, "2024-02-29"},  {"2023-02-28", 1, "2023-03-01"},
	        {"2024-12-31", 1, "2025-01-01"},  {"2024-03-01", -1, "2024-02-29"},
	        {"2024-01-01", -1, "2023-12-31"}, {"2023-12-03", 90, "2024-03-02"},
	        {"2024-01-01", 0, "2024-01-01"},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++)
		PW_CHECK(pw_date_add_days(D(rows[i].from), rows[i].n) == D(rows[i].to),
		         "%s %+d days", rows[i].from, rows[i].n);
	CU_ASSERT_EQUAL(pw_date_add_days(PW_DATE_NONE, 5), PW_DATE_NONE);
	CU_ASSERT_EQUAL(pw_date_add_days(INT32_MAX, 1), PW_DATE_NONE);
	CU_ASSERT_EQUAL(pw_date_diff(INT32_MAX, PW_DATE_NONE), (int64_t)UINT32_MAX);
	CU_ASSERT_EQUAL(pw_date_diff(D("2024-04-01"), D("2024-01-01")), 91);
}

static void test_add_months_clamps_to_the_last_day(void)
{
	static const struct {
		const char *from;
		int n;
		const char *to;
	} rows[] = {
	        {"2024-01-31", 1, "2024-02-29"},   {"2023-01-31", 1, "2023-02-28"},
	        {"2024-03-31", -1, "2024-02-29"},  {"2024-10-31", 3, "2025-01-31"},
	        {"2024-11-30", 3, "2025-02-28"},   {"2024-05-31", 1, "2024-06-30"},
	        {"2024-01-15", -13, "2022-12-15"}, {"2023-12-31", 12, "2024-12-31"},
	        {"2024-02-29", 12, "2025-02-28"},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++)
		PW_CHECK(pw_date_add_months(D(rows[i].from), rows[i].n) == D(rows[i].to),
		         "%s %+d months", rows[i].from, rows[i].n);
	CU_ASSERT_EQUAL(pw_date_add_months(PW_DATE_NONE, 1), PW_DATE_NONE);
}

static void test_add_years_turns_feb_29_into_feb_28(void)
{
	static const struct {
		const char *from;
		int n;
		const char *to;
	} rows[] = {
	        {"2024-02-29", 1, "2025-02-28"},
	        {"2024-02-29", 4, "2028-02-29"},
	        {"2014-08-18", 1, "2015-08-18"}, /* R-CRED-1's example window */
	        {"2024-02-29", -1, "2023-02-28"},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++)
		PW_CHECK(pw_date_add_years(D(rows[i].from), rows[i].n) == D(rows[i].to),
		         "%s %+d years", rows[i].from, rows[i].n);
}

static void test_program_year_runs_july_to_june(void)
{
	static const struct {
		const char *day;
		int py, quarter;
	} rows[] = {
	        {"2023-07-01", 2023, 1}, {"2023-09-30", 2023, 1}, {"2023-10-01", 2023, 2},
	        {"2023-12-31", 2023, 2}, {"2024-01-01", 2023, 3}, {"2024-03-31", 2023, 3},
	        {"2024-04-01", 2023, 4}, {"2024-06-30", 2023, 4}, {"2024-07-01", 2024, 1},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		PW_CHECK(pw_program_year(D(rows[i].day)) == rows[i].py, "%s", rows[i].day);
		PW_CHECK(pw_program_year_quarter(D(rows[i].day)) == rows[i].quarter, "%s",
		         rows[i].day);
	}
	CU_ASSERT_EQUAL(pw_program_year_start(2023), D("2023-07-01"));
	CU_ASSERT_EQUAL(pw_program_year_end(2023), D("2024-06-30"));
}

static void test_calendar_quarters_after_an_exit(void)
{
	/* R-DATE-2's own examples, and exits on quarter boundaries. */
	static const struct {
		const char *exit;
		int n;
		const char *first, *last;
	} rows[] = {
	        {"2017-06-01", 2, "2017-10-01", "2017-12-31"},
	        {"2017-06-01", 4, "2018-04-01", "2018-06-30"},
	        {"2023-07-31", 1, "2023-10-01", "2023-12-31"},
	        {"2024-03-31", 1, "2024-04-01", "2024-06-30"},
	        {"2024-04-01", 1, "2024-07-01", "2024-09-30"},
	        {"2024-06-30", 1, "2024-07-01", "2024-09-30"},
	        {"2024-07-01", 1, "2024-10-01", "2024-12-31"},
	        {"2024-09-30", 4, "2025-07-01", "2025-09-30"},
	        {"2024-12-31", 1, "2025-01-01", "2025-03-31"},
	        {"2024-12-31", 0, "2024-10-01", "2024-12-31"},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		pw_date first, last;
		int q = pw_quarter_index(D(rows[i].exit)) + rows[i].n;

		pw_quarter_bounds(q, &first, &last);
		PW_CHECK(first == D(rows[i].first) && last == D(rows[i].last), "exit %s, Q%d",
		         rows[i].exit, rows[i].n);
	}
	CU_ASSERT_EQUAL(pw_quarter_index(D("2017-06-01")), 4 * 2017 + 1);
}

static void test_fiscal_quarters_follow_the_start_month(void)
{
	static const struct {
		const char *a, *b;
		int fy_start;
		int same;
	} rows[] = {
	        {"2023-07-01", "2023-09-30", 7, 1},  {"2023-09-30", "2023-10-01", 7, 0},
	        {"2024-01-01", "2024-03-31", 7, 1},  {"2024-06-30", "2024-07-01", 7, 0},
	        {"2023-10-01", "2023-12-31", 10, 1}, {"2023-09-30", "2023-10-01", 10, 0},
	        {"2024-01-31", "2024-02-01", 2, 0},  {"2024-02-01", "2024-04-30", 2, 1},
	        {"2023-11-01", "2024-01-31", 2, 1},  {"2024-01-01", "2024-03-31", 1, 1},
	        {"2024-03-31", "2024-04-01", 1, 0},  {"2023-07-01", "2023-09-30", 0, 1},
	        {"2023-09-30", "2023-10-01", 13, 0},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		int qa = pw_fiscal_quarter_index(D(rows[i].a), rows[i].fy_start);
		int qb = pw_fiscal_quarter_index(D(rows[i].b), rows[i].fy_start);

		PW_CHECK((qa == qb) == rows[i].same, "%s vs %s, FY from month %d", rows[i].a,
		         rows[i].b, rows[i].fy_start);
	}
}

static void test_fiscal_quarter_bounds_contain_the_day(void)
{
	static const struct {
		const char *day;
		int fy_start;
		const char *first, *last;
	} rows[] = {
	        {"2024-02-15", 7, "2024-01-01", "2024-03-31"},
	        {"2024-01-15", 2, "2023-11-01", "2024-01-31"},
	        {"2024-02-29", 12, "2023-12-01", "2024-02-29"},
	        {"2023-10-01", 10, "2023-10-01", "2023-12-31"},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++) {
		pw_date first, last;

		pw_fiscal_quarter_bounds(pw_fiscal_quarter_index(D(rows[i].day), rows[i].fy_start),
		                         rows[i].fy_start, &first, &last);
		PW_CHECK(first == D(rows[i].first) && last == D(rows[i].last), "%s, FY from %d",
		         rows[i].day, rows[i].fy_start);
	}
}

static const struct pw_unit_test tests[] = {
        {"parse accepts real days and gives their day numbers", test_parse_accepts_real_days},
        {"parse rejects 2023-02-29, 2024-13-01, 2024-1-01, trailing junk and the like",
         test_parse_rejects_malformed_and_impossible_dates},
        {"parse reads exactly len bytes", test_parse_uses_exactly_len_bytes},
        {"every day 1900..2199 formats, parses and splits back to itself",
         test_format_round_trips_every_supported_day},
        {"format writes empty text for no date", test_format_writes_empty_text_for_no_date},
        {"valid dates are exactly the parseable range",
         test_validity_covers_exactly_the_parseable_range},
        {"leap years and month lengths", test_leap_years_and_month_lengths},
        {"adding days crosses Feb 29 and year ends", test_add_days_crosses_feb_29_and_year_ends},
        {"adding months clamps to the month's last day", test_add_months_clamps_to_the_last_day},
        {"adding years turns Feb 29 into Feb 28", test_add_years_turns_feb_29_into_feb_28},
        {"program year runs July 1 to June 30 with quarters Q1 Jul-Sep .. Q4 Apr-Jun",
         test_program_year_runs_july_to_june},
        {"calendar quarters after exit (R-DATE-2 examples and quarter-boundary exits)",
         test_calendar_quarters_after_an_exit},
        {"same fiscal quarter depends on the fiscal-year start month",
         test_fiscal_quarters_follow_the_start_month},
        {"fiscal quarter bounds contain the day", test_fiscal_quarter_bounds_contain_the_day},
};

int main(void)
{
	return pw_unit_run("dates", tests, PW_ARRAY_LEN(tests));
}
