/*
 * dates.c: calendar arithmetic for the rules (R-DATE-1..4), see dates.h.
 *
 * Day numbers count from 1970-01-01 in the proleptic Gregorian calendar.
 * Every conversion works in 64-bit integers, so any 32-bit input (even
 * PW_DATE_NONE, whose use is a caller's bug) gives a defined result instead of
 * signed overflow; results that do not fit a pw_date come back as
 * PW_DATE_NONE. Nothing here reads the clock (R-DATE-4).
 */
#include "rules/dates.h"

#include "pw.h"

#include <stdio.h>

/* Days before the first of each month in a common year. */
static const int days_before_month[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

/* Floor division for a positive divisor (C division truncates toward zero). */
static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;

	if ((a % b != 0) && (a < 0))
		q--;
	return q;
}

static int leap64(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Leap years in 1 .. y-1 (extended to negative years by floor division). */
static int64_t leap_years_before(int64_t y)
{
	int64_t p = y - 1;

	return floor_div(p, 4) - floor_div(p, 100) + floor_div(p, 400);
}

/* Day number of January 1 of year y. */
static int64_t year_start(int64_t y)
{
	return 365 * (y - 1970) + (leap_years_before(y) - leap_years_before(1970));
}

/* Day number of y-m-d; m is 1..12 and d within the month. */
static int64_t days_of(int64_t y, int m, int d)
{
	int64_t n = year_start(y) + days_before_month[m - 1] + (d - 1);

	if (m > 2 && leap64(y))
		n++;
	return n;
}

/* Splits a day number into year, month and day. */
static void split(int64_t n, int64_t *y, int *m, int *d)
{
	/* 146097 days make 400 Gregorian years: a close first guess, then adjust. */
	int64_t year = 1970 + floor_div(n * 400, 146097);
	int64_t doy;
	int month;

	while (year_start(year) > n)
		year--;
	while (year_start(year + 1) <= n)
		year++;
	doy = n - year_start(year);
	for (month = 12; month > 1; month--) {
		int64_t before = days_before_month[month - 1] + (month > 2 && leap64(year) ? 1 : 0);

		if (doy >= before) {
			doy -= before;
			break;
		}
	}
	*y = year;
	*m = month;
	*d = (int)doy + 1;
}

/* Narrows a 64-bit day number; PW_DATE_NONE when it does not fit. */
static pw_date narrow(int64_t n)
{
	if (n <= (int64_t)INT32_MIN || n > (int64_t)INT32_MAX)
		return PW_DATE_NONE;
	return (pw_date)n;
}

int pw_date_is_leap_year(int y)
{
	return leap64(y);
}

int pw_date_days_in_month(int y, int m)
{
	static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && leap64(y))
		return 29;
	return len[m - 1];
}

pw_date pw_date_from_ymd(int y, int m, int d)
{
	if (m < 1 || m > 12)
		return PW_DATE_NONE;
	return narrow(days_of(y, m, d));
}

void pw_date_to_ymd(pw_date d, int *y, int *m, int *day)
{
	int64_t yy;

	split(d, &yy, m, day);
	/* Every int32 day number lies within a few million years of 1970. */
	*y = (int)yy;
}

/* Reads n decimal digits; -1 if any byte is not a digit. */
static int digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* R-DATE-4 callers rely on this being strict: exactly ten bytes, zero-padded,
 * hyphens in place, a real day. "2024-1-01", "2024-01-01x", "2023-02-29" and
 * "2024-13-01" are all refused. */
int pw_date_parse(const char *s, size_t len, pw_date *out)
{
	int y, m, d;

	if (s == NULL || out == NULL || len != 10)
		return PW_ERR_INVALID;
	if (s[4] != '-' || s[7] != '-')
		return PW_ERR_INVALID;
	y = digits(s, 4);
	m = digits(s + 5, 2);
	d = digits(s + 8, 2);
	if (y < PW_DATE_MIN_YEAR || y > PW_DATE_MAX_YEAR || m < 1 || m > 12)
		return PW_ERR_INVALID;
	if (d < 1 || d > pw_date_days_in_month(y, m))
		return PW_ERR_INVALID;
	*out = (pw_date)days_of(y, m, d);
	return PW_OK;
}

void pw_date_format(pw_date d, char out[PW_DATE_STRLEN])
{
	int64_t y;
	int m, day;

	out[0] = '\0';
	if (d == PW_DATE_NONE)
		return;
	split(d, &y, &m, &day);
	if (y < 0 || y > 9999)
		return;
	snprintf(out, PW_DATE_STRLEN, "%04d-%02d-%02d", (int)y, m, day);
}

int pw_date_is_valid(pw_date d)
{
	/* Computed each time (a few operations): no shared state between threads. */
	int64_t lo = days_of(PW_DATE_MIN_YEAR, 1, 1);
	int64_t hi = days_of(PW_DATE_MAX_YEAR, 12, 31);

	return d != PW_DATE_NONE && d >= lo && d <= hi;
}

int64_t pw_date_diff(pw_date later, pw_date earlier)
{
	return (int64_t)later - (int64_t)earlier;
}

pw_date pw_date_add_days(pw_date d, int n)
{
	if (d == PW_DATE_NONE)
		return PW_DATE_NONE;
	return narrow((int64_t)d + n);
}

pw_date pw_date_add_months(pw_date d, int n)
{
	int64_t y, months;
	int m, day, dim;

	if (d == PW_DATE_NONE)
		return PW_DATE_NONE;
	split(d, &y, &m, &day);
	months = y * 12 + (m - 1) + n;
	y = floor_div(months, 12);
	m = (int)(months - y * 12) + 1;
	dim = (m == 2 && leap64(y)) ? 29 : pw_date_days_in_month(2001, m);
	if (day > dim)
		day = dim;
	return narrow(days_of(y, m, day));
}

pw_date pw_date_add_years(pw_date d, int n)
{
	/* Twelve months per year gives the Feb 29 -> Feb 28 clamp for free. */
	if (n > INT32_MAX / 12 || n < INT32_MIN / 12)
		return PW_DATE_NONE;
	return pw_date_add_months(d, n * 12);
}

/* R-DATE-1 */
int pw_program_year(pw_date d)
{
	int y, m, day;

	pw_date_to_ymd(d, &y, &m, &day);
	return m >= 7 ? y : y - 1;
}

pw_date pw_program_year_start(int py)
{
	return pw_date_from_ymd(py, 7, 1);
}

pw_date pw_program_year_end(int py)
{
	return narrow(days_of((int64_t)py + 1, 6, 30));
}

/* R-DATE-1: Jul-Sep 1, Oct-Dec 2, Jan-Mar 3, Apr-Jun 4. */
int pw_program_year_quarter(pw_date d)
{
	int y, m, day;

	pw_date_to_ymd(d, &y, &m, &day);
	return ((m + 5) % 12) / 3 + 1;
}

/* R-DATE-2 */
int pw_quarter_index(pw_date d)
{
	int y, m, day;

	pw_date_to_ymd(d, &y, &m, &day);
	return 4 * y + (m - 1) / 3;
}

void pw_quarter_bounds(int q, pw_date *first, pw_date *last)
{
	int64_t y = floor_div(q, 4);
	int r = (int)(q - y * 4);

	*first = narrow(days_of(y, 3 * r + 1, 1));
	if (r == 3)
		*last = narrow(days_of(y, 12, 31));
	else
		*last = narrow(days_of(y, 3 * r + 4, 1) - 1);
}

/* R-DATE-3: a month outside 1..12 falls back to the default, July. */
static int fy_month(int fy_start_month)
{
	return (fy_start_month >= 1 && fy_start_month <= 12) ? fy_start_month : 7;
}

int pw_fiscal_quarter_index(pw_date d, int fy_start_month)
{
	int y, m, day;
	int64_t months;

	pw_date_to_ymd(d, &y, &m, &day);
	months = (int64_t)y * 12 + (m - 1) - (fy_month(fy_start_month) - 1);
	return (int)floor_div(months, 3);
}

void pw_fiscal_quarter_bounds(int fq, int fy_start_month, pw_date *first, pw_date *last)
{
	int64_t months = (int64_t)fq * 3 + (fy_month(fy_start_month) - 1);
	int64_t y = floor_div(months, 12);
	int m = (int)(months - y * 12) + 1;
	pw_date start = narrow(days_of(y, m, 1));

	*first = start;
	*last = pw_date_add_days(pw_date_add_months(start, 3), -1);
}
