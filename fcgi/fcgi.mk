# fcgi/: the worker (pathway-fcgi), the admin tool (pathway-admin) and the
# library they share. The library is split so tests can link it whole.
noinst_LIBRARIES += fcgi/libpathway.a
fcgi_libpathway_a_CFLAGS = $(AM_CFLAGS) $(FCGI_CFLAGS) $(MARIADB_CFLAGS) $(JSONC_CFLAGS)
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
	fcgi/migrate.h fcgi/migrate.c \
	fcgi/worker.h fcgi/worker.c \
	fcgi/supervisor.h fcgi/supervisor.c \
	fcgi/store/meta.h fcgi/store/meta.c \
	fcgi/api/api.h \
	fcgi/api/health.c

PW_LIBS = fcgi/libpathway.a fcgi/rules/librules.a \
	$(FCGI_LIBS) $(MARIADB_LIBS) $(JSONC_LIBS) $(PTHREAD_LIBS) -lm

bin_PROGRAMS += pathway-fcgi pathway-admin
pathway_fcgi_SOURCES = fcgi/main.c
pathway_fcgi_CFLAGS = $(fcgi_libpathway_a_CFLAGS)
pathway_fcgi_LDADD = $(PW_LIBS)
pathway_admin_SOURCES = fcgi/admin.c
pathway_admin_CFLAGS = $(fcgi_libpathway_a_CFLAGS)
pathway_admin_LDADD = $(PW_LIBS)
