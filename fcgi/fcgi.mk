# fcgi/: the worker (pathway-fcgi), the admin tool (pathway-admin) and the
# library they share. The library is split so tests can link it whole.
noinst_LIBRARIES += fcgi/libpathway.a
fcgi_libpathway_a_CFLAGS = $(AM_CFLAGS) $(FCGI_CFLAGS) $(MARIADB_CFLAGS) $(JSONC_CFLAGS) \
	$(SODIUM_CFLAGS) $(OATH_CFLAGS)
fcgi_libpathway_a_SOURCES = \
	fcgi/pw.h fcgi/pw.c \
	fcgi/buf.h fcgi/buf.c \
	fcgi/arena.h fcgi/arena.c \
	fcgi/log.h fcgi/log.c \
	fcgi/config.h fcgi/config.c \
	fcgi/request.h fcgi/request.c \
	fcgi/response.h fcgi/response.c \
	fcgi/json_io.h fcgi/json_io.c \
	fcgi/handler.h \
	fcgi/router.h fcgi/router.c \
	fcgi/db.h fcgi/db.c \
	fcgi/auth.h fcgi/auth.c \
	fcgi/gate.h fcgi/gate.c \
	fcgi/idempotency.h fcgi/idempotency.c \
	fcgi/migrate.h fcgi/migrate.c \
	fcgi/admin_org.h fcgi/admin_org.c \
	fcgi/connection.h fcgi/connection.c \
	fcgi/worker.h fcgi/worker.c \
	fcgi/supervisor.h fcgi/supervisor.c \
	fcgi/store/meta.h fcgi/store/meta.c \
	fcgi/store/audit.h fcgi/store/audit.c \
	fcgi/store/session.h fcgi/store/session.c \
	fcgi/store/throttle.h fcgi/store/throttle.c \
	fcgi/store/user.h fcgi/store/user.c \
	fcgi/store/org.h fcgi/store/org.c \
	fcgi/store/program.h fcgi/store/program.c fcgi/api/programs.c \
	fcgi/store/scope.h fcgi/store/scope.c \
	fcgi/store/participant.h fcgi/store/participant.c \
	fcgi/store/enrollment.h fcgi/store/enrollment.c \
	fcgi/store/service.h fcgi/store/service.c \
	fcgi/store/goal.h fcgi/store/goal.c \
	fcgi/multipart.h fcgi/multipart.c \
	fcgi/store/document.h fcgi/store/document.c \
	fcgi/store/case_note.h fcgi/store/case_note.c \
	fcgi/api/documents.c fcgi/api/case_notes.c \
	fcgi/api/services.c fcgi/api/goals.c \
	fcgi/store/outcome.h fcgi/store/outcome.c \
	fcgi/store/assessment.h fcgi/store/assessment.c \
	fcgi/store/skill_gain.h fcgi/store/skill_gain.c \
	fcgi/store/credential.h fcgi/store/credential.c \
	fcgi/store/employment.h fcgi/store/employment.c \
	fcgi/store/tracker.h fcgi/store/tracker.c \
	fcgi/store/story.h fcgi/store/story.c \
	fcgi/api/outcomes.h fcgi/api/outcomes.c \
	fcgi/api/record.h fcgi/api/record.c \
	fcgi/api/assessments.c fcgi/api/skill_gains.c fcgi/api/credentials.c \
	fcgi/api/employment.c fcgi/api/trackers.c fcgi/api/success_stories.c \
	fcgi/store/facts.h fcgi/store/facts.c \
	fcgi/store/exit.h fcgi/store/exit.c \
	fcgi/sweep.h fcgi/sweep.c \
	fcgi/api/exit_common.h fcgi/api/exit_common.c \
	fcgi/api/exit.c fcgi/api/post_exit.c fcgi/api/follow_ups.c fcgi/api/summary.c \
	fcgi/api/soft_exit_watch.c \
	fcgi/api/api.h \
	fcgi/api/common.h fcgi/api/common.c \
	fcgi/api/health.c \
	fcgi/api/session.c \
	fcgi/api/org.c \
	fcgi/api/users.c \
	fcgi/api/audit.c \
	fcgi/api/participants.c \
	fcgi/api/enrollment_json.h fcgi/api/enrollments.c

PW_LIBS = fcgi/libpathway.a fcgi/rules/librules.a \
	$(FCGI_LIBS) $(MARIADB_LIBS) $(JSONC_LIBS) $(SODIUM_LIBS) $(OATH_LIBS) \
	$(PTHREAD_LIBS) -lm

bin_PROGRAMS += pathway-fcgi pathway-admin
pathway_fcgi_SOURCES = fcgi/main.c
pathway_fcgi_CFLAGS = $(fcgi_libpathway_a_CFLAGS)
pathway_fcgi_LDADD = $(PW_LIBS)
pathway_admin_SOURCES = fcgi/admin.c
pathway_admin_CFLAGS = $(fcgi_libpathway_a_CFLAGS)
pathway_admin_LDADD = $(PW_LIBS)
