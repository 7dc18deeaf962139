# Owned by the outcome-rules work: unit tests for credentials, skill gains, employment, indicators.
# One check program per rules module; each exits non-zero on any failure.
check_PROGRAMS += tests/unit/test_credential tests/unit/test_skill_gain \
	tests/unit/test_employment tests/unit/test_indicators
TESTS += tests/unit/test_credential tests/unit/test_skill_gain \
	tests/unit/test_employment tests/unit/test_indicators

tests_unit_test_credential_SOURCES = tests/unit/test_credential.c tests/unit/unit_main.h
tests_unit_test_credential_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_unit_test_credential_LDADD = fcgi/rules/librules.a $(CUNIT_LIBS)

tests_unit_test_skill_gain_SOURCES = tests/unit/test_skill_gain.c tests/unit/unit_main.h
tests_unit_test_skill_gain_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_unit_test_skill_gain_LDADD = fcgi/rules/librules.a $(CUNIT_LIBS)

tests_unit_test_employment_SOURCES = tests/unit/test_employment.c tests/unit/unit_main.h
tests_unit_test_employment_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_unit_test_employment_LDADD = fcgi/rules/librules.a $(CUNIT_LIBS)

tests_unit_test_indicators_SOURCES = tests/unit/test_indicators.c tests/unit/unit_main.h
tests_unit_test_indicators_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_unit_test_indicators_LDADD = fcgi/rules/librules.a $(CUNIT_LIBS)
