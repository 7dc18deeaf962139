/*
 * violation.c: the fixed-capacity list of broken rules (see violation.h).
 */
#include "rules/violation.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void pw_violations_init(struct pw_violations *v)
{
	memset(v, 0, sizeof(*v));
}

void pw_violation_add(struct pw_violations *v, const char *rule, const char *field,
		      const char *fmt, ...)
{
	struct pw_violation *it;
	va_list ap;
	int n;

	if (v->n >= PW_VIOLATION_MAX) {
		v->dropped++;
		return;
	}
	it = &v->items[v->n++];
	it->rule = rule;
	it->field = field;
	va_start(ap, fmt);
	n = vsnprintf(it->message, sizeof(it->message), fmt, ap);
	va_end(ap);
	/* A cut message must not end in half a UTF-8 character. */
	if (n >= (int)sizeof(it->message)) {
		size_t end = sizeof(it->message) - 1;
		while (end > 0 && ((unsigned char)it->message[end] & 0xC0) == 0x80)
			end--;
		it->message[end] = '\0';
	}
}
