/*
 * unit_main.h: the shared runner for Pathway's CUnit programs.
 *
 * Each tests/unit/test_<module>.c lists its tests in a table and ends with
 *
 *	int main(void) { return pw_unit_run("dates", tests, PW_ARRAY_LEN(tests)); }
 *
 * pw_unit_run registers the table as one suite, runs it verbosely and returns
 * non-zero when the registry cannot be built, when any assertion failed or
 * when fewer tests ran than were listed, so `make check` never passes by
 * accident. PW_CHECK asserts with a printf-style note, for table-driven tests
 * whose failing row must be named. pw_unit_date turns a "YYYY-MM-DD" literal
 * (or NULL / "" for "no date") into a pw_date and fails the test on a typo.
 * pw_unit_violations writes a violation list as "RULE:field,RULE:field" so a
 * table row can state the exact violations it expects; pw_unit_utf8_valid
 * checks that a bounded text was not cut inside a character.
 * Everything is static inline: including this header adds no symbols.
 */
#ifndef PW_TESTS_UNIT_MAIN_H
#define PW_TESTS_UNIT_MAIN_H

#include <CUnit/Basic.h>
#include <stdio.h>
#include <string.h>

#include "pw.h"
#include "rules/dates.h"
#include "rules/violation.h"

struct pw_unit_test {
	const char *name; /* the behaviour checked, as a sentence */
	CU_TestFunc fn;
};

/* Asserts cond; on failure also prints file:line and the formatted note. */
#define PW_CHECK(cond, ...)                                                                        \
	do {                                                                                       \
		int pw_ok_ = (cond) ? 1 : 0;                                                       \
		if (!pw_ok_) {                                                                     \
			fprintf(stderr, "\n    %s:%d: ", __FILE__, __LINE__);                      \
			fprintf(stderr, __VA_ARGS__);                                              \
			fputc('\n', stderr);                                                       \
		}                                                                                  \
		CU_assertImplementation(pw_ok_ ? CU_TRUE : CU_FALSE, __LINE__, #cond, __FILE__,    \
		                        "", CU_FALSE);                                             \
	} while (0)

/* Day number of a literal date; NULL or "" give PW_DATE_NONE. A malformed
 * literal is a bug in the test: it fails the running test and returns
 * PW_DATE_NONE. */
static inline pw_date pw_unit_date(const char *s)
{
	pw_date d = PW_DATE_NONE;

	if (s == NULL || s[0] == '\0')
		return PW_DATE_NONE;
	if (pw_date_parse(s, strlen(s), &d) != PW_OK) {
		fprintf(stderr, "\n    bad date literal in test: \"%s\"\n", s);
		CU_FAIL("bad date literal in test");
		return PW_DATE_NONE;
	}
	return d;
}

/* Writes v as "R-EXIT-3:exit_date,R-DATE-4:start_date" (field "-" when
 * NULL) into buf; "" for no violations. Truncated safely to cap bytes. */
static inline const char *pw_unit_violations(const struct pw_violations *v, char *buf, size_t cap)
{
	size_t len = 0;

	if (cap == 0)
		return buf;
	buf[0] = '\0';
	for (size_t i = 0; i < v->n && len < cap; i++) {
		int w = snprintf(buf + len, cap - len, "%s%s:%s", i ? "," : "", v->items[i].rule,
		                 v->items[i].field ? v->items[i].field : "-");
		if (w < 0)
			break;
		len += (size_t)w;
	}
	return buf;
}

/* 1 when s is well-formed UTF-8 (lead byte, then exactly the continuation
 * bytes it announces), 0 otherwise: for checking that bounded texts are never
 * cut inside a character. */
static inline int pw_unit_utf8_valid(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p != 0) {
		int more;

		if (*p < 0x80)
			more = 0;
		else if ((*p & 0xE0) == 0xC0)
			more = 1;
		else if ((*p & 0xF0) == 0xE0)
			more = 2;
		else if ((*p & 0xF8) == 0xF0)
			more = 3;
		else
			return 0;
		p++;
		for (int i = 0; i < more; i++, p++) {
			if ((*p & 0xC0) != 0x80)
				return 0;
		}
	}
	return 1;
}

/* Registers tests[0..n) as the suite `suite_name`, runs them and returns the
 * process exit status: 0 only when every test ran and no assertion failed. */
static inline int pw_unit_run(const char *suite_name, const struct pw_unit_test *tests, size_t n)
{
	CU_pSuite suite;
	int status = 2;

	if (CU_initialize_registry() != CUE_SUCCESS) {
		fprintf(stderr, "%s: cannot initialise the CUnit registry: %s\n", suite_name,
		        CU_get_error_msg());
		return 2;
	}
	suite = CU_add_suite(suite_name, NULL, NULL);
	if (suite == NULL)
		goto out;
	for (size_t i = 0; i < n; i++) {
		if (CU_add_test(suite, tests[i].name, tests[i].fn) == NULL)
			goto out;
	}
	CU_basic_set_mode(CU_BRM_VERBOSE);
	if (CU_basic_run_tests() != CUE_SUCCESS)
		goto out;
	if (CU_get_number_of_failures() != 0 || CU_get_number_of_tests_run() != n)
		status = 1;
	else
		status = 0;
out:
	if (status == 2)
		fprintf(stderr, "%s: CUnit registry error: %s\n", suite_name, CU_get_error_msg());
	CU_cleanup_registry();
	return status;
}

#endif
