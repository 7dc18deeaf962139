/*
 * dates.h: calendar arithmetic for the rules (R-DATE-1..4).
 *
 * A pw_date is a day number: days since 1970-01-01 in the proleptic
 * Gregorian calendar (negative before). Plain integers make "L + 90 days"
 * and "end - start" exact and cheap. PW_DATE_NONE marks an absent date.
 * Nothing here reads the clock: callers pass an explicit as-of date (R-DATE-4).
 */
#ifndef PW_RULES_DATES_H
#define PW_RULES_DATES_H

#include <stddef.h>
#include <stdint.h>

typedef int32_t pw_date;
#define PW_DATE_NONE   INT32_MIN
#define PW_DATE_STRLEN 11 /* "YYYY-MM-DD" and its NUL */

/* Parses exactly "YYYY-MM-DD" (len bytes, no NUL needed), a real calendar day
 * with year 1900..2199. Returns PW_OK or PW_ERR_INVALID; *out untouched on error. */
int pw_date_parse(const char *s, size_t len, pw_date *out);

/* Writes "YYYY-MM-DD" and a NUL into out (PW_DATE_STRLEN bytes). */
void pw_date_format(pw_date d, char out[PW_DATE_STRLEN]);

/* Day number of y-m-d; the caller guarantees a valid date. */
pw_date pw_date_from_ymd(int y, int m, int d);
void pw_date_to_ymd(pw_date d, int *y, int *m, int *day);
int pw_date_is_leap_year(int y);
int pw_date_days_in_month(int y, int m);

/* d + n days (n may be negative). */
pw_date pw_date_add_days(pw_date d, int n);
/* Same day n months later; the day is clamped to the month's last day
 * (2024-01-31 + 1 month = 2024-02-29). */
pw_date pw_date_add_months(pw_date d, int n);
/* Same day n years later; Feb 29 becomes Feb 28 in a common year. */
pw_date pw_date_add_years(pw_date d, int n);

/* R-DATE-1: the program year a date falls in (2023-07-01 .. 2024-06-30 is 2023). */
int pw_program_year(pw_date d);
pw_date pw_program_year_start(int py); /* July 1 of py */
pw_date pw_program_year_end(int py);   /* June 30 of py + 1 */
/* R-DATE-1: quarter of the program year, 1 (Jul-Sep) .. 4 (Apr-Jun). */
int pw_program_year_quarter(pw_date d);

/* R-DATE-2: calendar quarter index 4*year + (month-1)/3. */
int pw_quarter_index(pw_date d);
/* First and last day of the calendar quarter with index q. */
void pw_quarter_bounds(int q, pw_date *first, pw_date *last);

/* R-DATE-3: an index of fiscal quarters for a fiscal year starting in
 * fy_start_month (1..12); two dates are in the same fiscal quarter exactly
 * when their indexes are equal. */
int pw_fiscal_quarter_index(pw_date d, int fy_start_month);

/*
 * Additions for the exit-side rules. They never change the functions above.
 */

/* Earliest and latest day a parsed date can be (1900-01-01, 2199-12-31). */
#define PW_DATE_MIN_YEAR 1900
#define PW_DATE_MAX_YEAR 2199

/* Note on pw_date_format: a date whose year is outside 0..9999, PW_DATE_NONE
 * included, is written as the empty string, so output never exceeds the buffer. */

/* 1 when d is a day pw_date_parse can produce (years 1900..2199), 0 otherwise;
 * PW_DATE_NONE and any out-of-range value are not valid. The rules treat an
 * invalid date exactly like an absent one, so garbage never reaches arithmetic. */
int pw_date_is_valid(pw_date d);

/* later - earlier in days, computed in 64 bits so no pair of values overflows. */
int64_t pw_date_diff(pw_date later, pw_date earlier);

/* R-DATE-3: first and last day of the fiscal quarter with index fq (as returned
 * by pw_fiscal_quarter_index for the same fy_start_month). */
void pw_fiscal_quarter_bounds(int fq, int fy_start_month, pw_date *first, pw_date *last);

#endif
