# Integration tests: real MariaDB, real nginx, real workers, over HTTP.
# harness.sh starts them on private sockets and free ports, runs
# pathway-itest against them and tears everything down.
check_PROGRAMS += tests/integration/pathway-itest
tests_integration_pathway_itest_SOURCES = \
	tests/integration/itest.h tests/integration/itest.c \
	tests/integration/test_health.c tests/integration/test_http.c \
	tests/integration/test_process.c tests/integration/test_config.c \
	tests/integration/test_migrate.c tests/integration/test_session.c \
	tests/integration/test_services.c tests/integration/test_goals.c \
	tests/integration/test_org.c tests/integration/test_participants.c \
	tests/integration/test_idempotency.c \
	tests/integration/test_programs.c \
	tests/integration/exit_fixtures.h tests/integration/exit_fixtures.c \
	tests/integration/test_exit.c \
	tests/integration/test_sweep.c \
	tests/integration/test_post_exit.c tests/integration/test_follow_ups.c \
	tests/integration/test_summary.c \
	tests/integration/test_documents.c tests/integration/test_case_notes.c \
	tests/integration/outcomes_util.h tests/integration/outcomes_util.c \
	tests/integration/test_skill_gains.c tests/integration/test_credentials.c \
	tests/integration/test_employment.c tests/integration/test_trackers.c \
	tests/integration/test_success_stories.c
tests_integration_pathway_itest_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS) $(CURL_CFLAGS) \
	$(JSONC_CFLAGS) $(SODIUM_CFLAGS) $(OATH_CFLAGS)
# The suite links the library for its TOTP code generator (auth.c).
tests_integration_pathway_itest_LDADD = $(PW_LIBS) $(CUNIT_LIBS) $(CURL_LIBS)

TESTS += tests/integration/harness.sh
EXTRA_DIST += tests/integration/harness.sh tests/integration/stackctl tests/fuzz
AM_TESTS_ENVIRONMENT = abs_top_srcdir='$(abs_top_srcdir)'; abs_top_builddir='$(abs_top_builddir)'; \
	export abs_top_srcdir abs_top_builddir;
