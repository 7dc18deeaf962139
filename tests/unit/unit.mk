# Unit tests: CUnit, one file per rules module, no servers.
include $(srcdir)/tests/unit/core_tests.mk
include $(srcdir)/tests/unit/exit_tests.mk
include $(srcdir)/tests/unit/outcome_tests.mk
include $(srcdir)/tests/unit/files_tests.mk
