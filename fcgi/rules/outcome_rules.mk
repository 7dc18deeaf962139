# Owned by the outcome-rules work; adds sources to fcgi/rules/librules.a.
# Credentials (R-CRED-1), skill gains and assessments (R-MSG-1..3), employment
# (R-EMP-1/2), performance indicators (R-PERF-1..5), and the education lists
# and yes/no answer they share.
fcgi_rules_librules_a_SOURCES += \
	fcgi/rules/education.h fcgi/rules/education.c \
	fcgi/rules/credential.h fcgi/rules/credential.c \
	fcgi/rules/skill_gain.h fcgi/rules/skill_gain.c \
	fcgi/rules/employment.h fcgi/rules/employment.c \
	fcgi/rules/indicators.h fcgi/rules/indicators.c
