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

	if (v->n >= PW_VIOLATION_MAX) {
		v->dropped++;
		return;
	}
	it = &v->items[v->n++];
	it->rule = rule;
	it->field = field;
	va_start(ap, fmt);
	vsnprintf(it->message, sizeof(it->message), fmt, ap);
	va_end(ap);
}
