/*
 * multipart.h: a bounded reader of multipart/form-data bodies (RFC 7578),
 * for document uploads from a browser form.
 *
 * The body is never copied: each part's data points into it. Part names,
 * file names and content types are decoded into NUL-terminated strings in
 * the request's arena. Everything is bounded: the boundary (1..70
 * characters, RFC 2046), the number of parts, the size of each part's
 * header block and of each header value, so a hostile body costs at most
 * one linear pass. Like request.c this knows nothing of libfcgi and is
 * unit-tested on byte arrays (tests/unit/test_multipart.c).
 */
#ifndef PW_MULTIPART_H
#define PW_MULTIPART_H

#include "arena.h"

#include <stddef.h>

#define PW_MULTIPART_MAX_PARTS  32
#define PW_MULTIPART_MAX_HEADER 8192 /* bytes of one part's header block */

struct pw_multipart_part {
	const char *name;         /* the form field name; never NULL */
	const char *filename;     /* NULL unless the part is a file */
	const char *content_type; /* NULL when the part declares none */
	const char *data;         /* borrowed from the body */
	size_t len;
};

struct pw_multipart {
	struct pw_multipart_part parts[PW_MULTIPART_MAX_PARTS];
	size_t nparts;
};

/*
 * 1 when content_type names multipart/form-data (any case, parameters
 * after it), else 0.
 */
int pw_multipart_is_form_data(const char *content_type);

/*
 * Parses len bytes of body as multipart/form-data with the boundary given
 * in content_type. On success fills out (strings in arena a, data borrowed
 * from body, which must outlive out) and returns PW_OK. On malformed input
 * returns PW_ERR_INVALID with *why set to a static sentence for the 400
 * answer; PW_ERR_TOO_LARGE when there are more than PW_MULTIPART_MAX_PARTS
 * parts or a header block is too long; PW_ERR_NOMEM.
 *
 * Accepted: an optional preamble, then parts each opened by CRLF "--"
 * boundary (the first delimiter may start the body without CRLF) with
 * optional trailing white space, header lines ending in CRLF, an empty
 * line, the data; the closing delimiter "--" boundary "--"; anything after
 * it (the epilogue) is ignored. Every part needs
 * Content-Disposition: form-data with a name; filename="..." (with
 * backslash escapes) and filename*=UTF-8''percent-encoded (RFC 5987, which
 * wins when both are present) are understood. Header names are compared
 * without case; folded header lines are refused.
 */
int pw_multipart_parse(const char *content_type, const char *body, size_t len, struct pw_arena *a,
                       struct pw_multipart *out, const char **why);

/* The first part named name, or NULL. */
const struct pw_multipart_part *pw_multipart_find(const struct pw_multipart *m, const char *name);

#endif
