/*
 * buf.c: growable byte buffer with a hard maximum (see buf.h).
 */
#include "buf.h"

#include "pw.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void pw_buf_init(struct pw_buf *b, size_t max)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	b->max = max;
}

void pw_buf_free(struct pw_buf *b)
{
	if (!b)
		return;
	free(b->data);
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
}

void pw_buf_reset(struct pw_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

/* Makes room for `extra` more bytes plus the NUL. */
static int reserve(struct pw_buf *b, size_t extra)
{
	size_t need, cap;
	char *p;

	if (extra > b->max || b->len > b->max - extra)
		return PW_ERR_TOO_LARGE;
	need = b->len + extra + 1;
	if (need <= b->cap)
		return PW_OK;
	cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	p = realloc(b->data, cap);
	if (!p)
		return PW_ERR_NOMEM;
	b->data = p;
	b->cap = cap;
	return PW_OK;
}

int pw_buf_append(struct pw_buf *b, const void *p, size_t n)
{
	int rc = reserve(b, n);

	if (rc != PW_OK)
		return rc;
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return PW_OK;
}

int pw_buf_appends(struct pw_buf *b, const char *s)
{
	return pw_buf_append(b, s, strlen(s));
}

int pw_buf_vprintf(struct pw_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n, rc;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return PW_ERR_INVALID;
	rc = reserve(b, (size_t)n);
	if (rc != PW_OK)
		return rc;
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return PW_OK;
}

int pw_buf_printf(struct pw_buf *b, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = pw_buf_vprintf(b, fmt, ap);
	va_end(ap);
	return rc;
}

char *pw_buf_steal(struct pw_buf *b)
{
	char *p = b->data;

	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	return p;
}
