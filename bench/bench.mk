# bench/: benchmarks, never run as tests.
EXTRA_DIST += bench

# The FastCGI transport ceiling for bench/run: a minimal fcgi2 responder.
# Listed only in EXTRA_PROGRAMS, so plain make, make check and make distcheck
# never build it; bench/run asks for it with `make bench/fcgi_echo`.
# "=" rather than "+=": Makefile.am does not initialise EXTRA_PROGRAMS.
EXTRA_PROGRAMS = bench/fcgi_echo
bench_fcgi_echo_SOURCES = bench/fcgi_echo.c fcgi/connection.h fcgi/connection.c
bench_fcgi_echo_CFLAGS = $(AM_CFLAGS) $(FCGI_CFLAGS)
bench_fcgi_echo_LDADD = $(FCGI_LIBS) $(PTHREAD_LIBS)
CLEANFILES += bench/fcgi_echo$(EXEEXT)
