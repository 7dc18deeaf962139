/*
 * violation.h: how a domain rule says no.
 *
 * Rules in fcgi/rules/ never see JSON or HTTP. When input breaks a rule they
 * append a violation naming the rule (as numbered in shared/spec/domain.md),
 * the field concerned and a sentence a caseworker understands; the handler
 * turns the list into the error envelope. The list has a fixed capacity:
 * further violations are counted in `dropped` but not stored, and messages
 * are truncated by snprintf, so no input can overflow it.
 */
#ifndef PW_RULES_VIOLATION_H
#define PW_RULES_VIOLATION_H

#include <stddef.h>

#define PW_VIOLATION_MAX 24
#define PW_VIOLATION_MSG 256

struct pw_violation {
	const char *rule;  /* static string, e.g. "R-CRED-1" */
	const char *field; /* static string, e.g. "date_attained"; NULL for the whole record */
	char message[PW_VIOLATION_MSG];
};

struct pw_violations {
	struct pw_violation items[PW_VIOLATION_MAX];
	size_t n;
	size_t dropped;
};

/* Empties the list. */
void pw_violations_init(struct pw_violations *v);

/* Appends one violation with a printf-style message; never fails. */
void pw_violation_add(struct pw_violations *v, const char *rule, const char *field,
		      const char *fmt, ...) __attribute__((format(printf, 4, 5)));

#endif
