# fcgi/rules: the domain rules, pure C (libc only), built as one library that
# the worker, the admin tool and the unit tests link.
noinst_LIBRARIES += fcgi/rules/librules.a
fcgi_rules_librules_a_SOURCES = \
	fcgi/rules/violation.h fcgi/rules/violation.c \
	fcgi/rules/dates.h fcgi/rules/dates.c \
	fcgi/rules/filetype.h fcgi/rules/filetype.c \
	fcgi/rules/acl.h fcgi/rules/acl.c
# Exit-side rules: dates, services, exits, checklists, summary, post-exit, follow-up.
include $(srcdir)/fcgi/rules/exit_rules.mk
# Outcome-side rules: credentials, skill gains, employment, indicators.
include $(srcdir)/fcgi/rules/outcome_rules.mk
