/*
 * buf.h: a growable byte buffer with a hard maximum.
 *
 * Every place that accumulates input or output uses this instead of a fixed
 * array: appending past `max` fails with PW_ERR_TOO_LARGE and leaves the
 * buffer as it was, so a caller can turn it into a 413 rather than overflow.
 * The data is always NUL-terminated (the NUL is not counted in len).
 */
#ifndef PW_BUF_H
#define PW_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct pw_buf {
	char *data; /* owned; NULL until the first append */
	size_t len;
	size_t cap;
	size_t max; /* hard limit on len */
};

void pw_buf_init(struct pw_buf *b, size_t max);
/* Frees the data; the buffer can be reused after pw_buf_init. Accepts NULL. */
void pw_buf_free(struct pw_buf *b);
void pw_buf_reset(struct pw_buf *b);
int pw_buf_append(struct pw_buf *b, const void *p, size_t n);
int pw_buf_appends(struct pw_buf *b, const char *s);
int pw_buf_printf(struct pw_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int pw_buf_vprintf(struct pw_buf *b, const char *fmt, va_list ap);
/* Hands the data to the caller (who frees it) and empties the buffer. */
char *pw_buf_steal(struct pw_buf *b);

#endif
