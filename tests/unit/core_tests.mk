# Unit tests of the request layer (no servers): routing, decoding, JSON, responses.
check_PROGRAMS += tests/unit/test_http_layer
TESTS += tests/unit/test_http_layer
tests_unit_test_http_layer_SOURCES = tests/unit/test_http_layer.c tests/unit/unit_main.h
tests_unit_test_http_layer_CFLAGS = $(AM_CFLAGS) $(CUNIT_CFLAGS) $(FCGI_CFLAGS) $(MARIADB_CFLAGS) $(JSONC_CFLAGS)
tests_unit_test_http_layer_LDADD = $(PW_LIBS) $(CUNIT_LIBS)
