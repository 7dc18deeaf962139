# Owned by the exit-rules work; adds sources to fcgi/rules/librules.a.
fcgi_rules_librules_a_SOURCES += \
	fcgi/rules/service.h fcgi/rules/service.c \
	fcgi/rules/exit.h fcgi/rules/exit.c \
	fcgi/rules/checklist.h fcgi/rules/checklist.c \
	fcgi/rules/summary.h fcgi/rules/summary.c \
	fcgi/rules/post_exit.h fcgi/rules/post_exit.c \
	fcgi/rules/followup.h fcgi/rules/followup.c
