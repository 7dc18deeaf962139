# Unit tests of document handling: content-based file type detection (a
# rules module, libc only) and the multipart/form-data reader (request layer).
check_PROGRAMS += tests/unit/test_filetype tests/unit/test_multipart
TESTS += tests/unit/test_filetype tests/unit/test_multipart

tests_unit_test_filetype_SOURCES = tests/unit/test_filetype.c tests/unit/unit_main.h
tests_unit_test_filetype_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS)
tests_unit_test_filetype_LDADD = fcgi/rules/librules.a $(CUNIT_LIBS)

tests_unit_test_multipart_SOURCES = tests/unit/test_multipart.c tests/unit/unit_main.h
tests_unit_test_multipart_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS) $(FCGI_CFLAGS) \
	$(MARIADB_CFLAGS) $(JSONC_CFLAGS)
tests_unit_test_multipart_LDADD = $(PW_LIBS) $(CUNIT_LIBS)
