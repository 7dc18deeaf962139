# Owned by the exit-rules work: unit tests for dates, services, exits, checklists,
# summaries, post-exit quarters and follow-up. One CUnit program per module; each
# exits non-zero on any failure (tests/unit/unit_main.h).

check_PROGRAMS += tests/unit/test_dates
TESTS += tests/unit/test_dates
tests_unit_test_dates_SOURCES = tests/unit/test_dates.c tests/unit/unit_main.h
tests_unit_test_dates_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_unit_test_dates_LDADD = fcgi/rules/librules.a $(CUNIT_LIBS)

check_PROGRAMS += tests/unit/test_service
TESTS += tests/unit/test_service
tests_unit_test_service_SOURCES = tests/unit/test_service.c tests/unit/unit_main.h
tests_unit_test_service_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_unit_test_service_LDADD = fcgi/rules/librules.a $(CUNIT_LIBS)

check_PROGRAMS += tests/unit/test_exit
TESTS += tests/unit/test_exit
tests_unit_test_exit_SOURCES = tests/unit/test_exit.c tests/unit/unit_main.h
tests_unit_test_exit_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_unit_test_exit_LDADD = fcgi/rules/librules.a $(CUNIT_LIBS)

check_PROGRAMS += tests/unit/test_checklist
TESTS += tests/unit/test_checklist
tests_unit_test_checklist_SOURCES = tests/unit/test_checklist.c tests/unit/unit_main.h
tests_unit_test_checklist_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_unit_test_checklist_LDADD = fcgi/rules/librules.a $(CUNIT_LIBS)

check_PROGRAMS += tests/unit/test_summary
TESTS += tests/unit/test_summary
tests_unit_test_summary_SOURCES = tests/unit/test_summary.c tests/unit/unit_main.h
tests_unit_test_summary_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_unit_test_summary_LDADD = fcgi/rules/librules.a $(CUNIT_LIBS)

check_PROGRAMS += tests/unit/test_post_exit
TESTS += tests/unit/test_post_exit
tests_unit_test_post_exit_SOURCES = tests/unit/test_post_exit.c tests/unit/unit_main.h
tests_unit_test_post_exit_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_unit_test_post_exit_LDADD = fcgi/rules/librules.a $(CUNIT_LIBS)

check_PROGRAMS += tests/unit/test_followup
TESTS += tests/unit/test_followup
tests_unit_test_followup_SOURCES = tests/unit/test_followup.c tests/unit/unit_main.h
tests_unit_test_followup_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_unit_test_followup_LDADD = fcgi/rules/librules.a $(CUNIT_LIBS)
