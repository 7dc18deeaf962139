/*
 * multipart.c: the multipart/form-data reader (see multipart.h).
 *
 * One forward pass over the body. The delimiter starts with CR and holds
 * no other CR (boundary characters exclude it), so a search that jumps from
 * CR to CR and compares at most the delimiter's length stays linear however
 * the body is built.
 */
#include "multipart.h"

#include "pw.h"

#include <string.h>

#define BOUNDARY_MAX 70

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static int ieq(const char *s, size_t n, const char *want)
{
	size_t wl = strlen(want);

	if (n != wl)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (lower((unsigned char)s[i]) != lower((unsigned char)want[i]))
			return 0;
	return 1;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* RFC 2046 bchars; a space may not end the boundary. */
static int is_bchar(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c && strchr("'()+_,-./:=? ", c));
}

/* Skips white space from *s up to end. */
static void skip_space(const char **s, const char *end)
{
	while (*s < end && is_space(**s))
		(*s)++;
}

/*
 * Reads one parameter value at *s (before end): a quoted string with
 * backslash escapes, or a token up to ';' or white space. The value is
 * copied into the arena as a NUL-terminated string. PW_OK, PW_ERR_INVALID
 * (unterminated quote, or a NUL, CR or LF inside) or PW_ERR_NOMEM.
 */
static int param_value(const char **s, const char *end, struct pw_arena *a, char **out)
{
	const char *p = *s;
	char *v;
	size_t k = 0;

	v = pw_arena_alloc(a, (size_t)(end - p) + 1);
	if (!v)
		return PW_ERR_NOMEM;
	if (p < end && *p == '"') {
		p++;
		for (;;) {
			if (p >= end)
				return PW_ERR_INVALID;
			if (*p == '"') {
				p++;
				break;
			}
			if (*p == '\\' && p + 1 < end)
				p++;
			v[k++] = *p++;
		}
	} else {
		while (p < end && *p != ';' && !is_space(*p))
			v[k++] = *p++;
	}
	v[k] = '\0';
	if (memchr(v, '\0', k) || memchr(v, '\r', k) || memchr(v, '\n', k))
		return PW_ERR_INVALID;
	*s = p;
	*out = v;
	return PW_OK;
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)lower((unsigned char)c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/*
 * RFC 5987 ext-value: charset ' [language] ' percent-encoded bytes. Only
 * UTF-8 is accepted. Decodes in place into a new arena string.
 */
static int ext_value(const char *raw, struct pw_arena *a, char **out)
{
	const char *q1 = strchr(raw, '\''), *q2, *p;
	char *v;
	size_t k = 0;

	if (!q1 || !ieq(raw, (size_t)(q1 - raw), "utf-8"))
		return PW_ERR_INVALID;
	q2 = strchr(q1 + 1, '\'');
	if (!q2)
		return PW_ERR_INVALID;
	p = q2 + 1;
	v = pw_arena_alloc(a, strlen(p) + 1);
	if (!v)
		return PW_ERR_NOMEM;
	while (*p) {
		if (*p == '%') {
			int hi = hex_value(p[1]), lo = hi >= 0 ? hex_value(p[2]) : -1;
			if (lo < 0 || (hi == 0 && lo == 0))
				return PW_ERR_INVALID;
			v[k++] = (char)(hi << 4 | lo);
			p += 3;
		} else {
			v[k++] = *p++;
		}
	}
	v[k] = '\0';
	*out = v;
	return PW_OK;
}

/* Parses a Content-Disposition value into part's name and filename. */
static int disposition(const char *s, const char *end, struct pw_arena *a,
                       struct pw_multipart_part *part, const char **why)
{
	const char *t = s;
	char *name = NULL, *filename = NULL, *filename_ext = NULL;
	int rc;

	*why = "A part's Content-Disposition must be form-data with a name.";
	while (t < end && *t != ';' && !is_space(*t))
		t++;
	if (!ieq(s, (size_t)(t - s), "form-data"))
		return PW_ERR_INVALID;
	for (;;) {
		const char *pname;
		size_t plen;
		char *val = NULL, **slot;

		skip_space(&t, end);
		if (t >= end)
			break;
		if (*t != ';')
			return PW_ERR_INVALID;
		t++;
		skip_space(&t, end);
		pname = t;
		while (t < end && *t != '=' && *t != ';' && !is_space(*t))
			t++;
		plen = (size_t)(t - pname);
		skip_space(&t, end);
		if (plen == 0 || t >= end || *t != '=')
			return PW_ERR_INVALID;
		t++;
		skip_space(&t, end);
		rc = param_value(&t, end, a, &val);
		if (rc != PW_OK)
			return rc;
		if (ieq(pname, plen, "name"))
			slot = &name;
		else if (ieq(pname, plen, "filename"))
			slot = &filename;
		else if (ieq(pname, plen, "filename*"))
			slot = &filename_ext;
		else
			continue; /* an extension parameter we do not need */
		if (*slot) {
			*why = "A part's Content-Disposition repeats a parameter.";
			return PW_ERR_INVALID;
		}
		*slot = val;
	}
	if (!name || !*name)
		return PW_ERR_INVALID;
	if (filename_ext) {
		rc = ext_value(filename_ext, a, &filename);
		if (rc != PW_OK) {
			*why = "A part's filename* is not UTF-8 percent-encoded (RFC 5987).";
			return rc;
		}
	}
	part->name = name;
	part->filename = filename;
	return PW_OK;
}

/* The first occurrence of the delimiter d (starting with CR) in
 * body[from..len), or len. */
static size_t find_delim(const char *body, size_t len, size_t from, const char *d, size_t dlen)
{
	size_t i = from;

	while (i < len && len - i >= dlen) {
		const char *cr = memchr(body + i, '\r', len - i);
		if (!cr)
			return len;
		i = (size_t)(cr - body);
		if (len - i < dlen)
			return len;
		if (!memcmp(body + i, d, dlen))
			return i;
		i++;
	}
	return len;
}

/* Reads the header block of one part starting at *pos; leaves *pos at the
 * first data byte. */
static int headers(const char *body, size_t len, size_t *pos, struct pw_arena *a,
                   struct pw_multipart_part *part, const char **why)
{
	size_t start = *pos, i = *pos;
	int have_disp = 0;

	for (;;) {
		const char *line = body + i, *colon, *v, *vend;
		const char *cr;
		size_t avail = len - i, llen;
		int rc;

		if (i - start > PW_MULTIPART_MAX_HEADER) {
			*why = "A part's headers are too long.";
			return PW_ERR_TOO_LARGE;
		}
		if (avail > PW_MULTIPART_MAX_HEADER + 2)
			avail = PW_MULTIPART_MAX_HEADER + 2;
		cr = memchr(line, '\r', avail);
		if (!cr && avail > PW_MULTIPART_MAX_HEADER) {
			*why = "A part's headers are too long.";
			return PW_ERR_TOO_LARGE;
		}
		if (!cr || (size_t)(cr - body) + 1 >= len) {
			*why = "A part's headers are cut short.";
			return PW_ERR_INVALID;
		}
		llen = (size_t)(cr - line);
		if (cr[1] != '\n' || memchr(line, '\0', llen)) {
			*why = "A part has a malformed header line.";
			return PW_ERR_INVALID;
		}
		i += llen + 2;
		if (llen == 0)
			break; /* the empty line: data follows */
		if (is_space(line[0])) {
			*why = "Folded header lines are not accepted.";
			return PW_ERR_INVALID;
		}
		colon = memchr(line, ':', llen);
		if (!colon || colon == line) {
			*why = "A part has a malformed header line.";
			return PW_ERR_INVALID;
		}
		v = colon + 1;
		vend = line + llen;
		skip_space(&v, vend);
		while (vend > v && is_space(vend[-1]))
			vend--;
		if (ieq(line, (size_t)(colon - line), "content-disposition")) {
			if (have_disp) {
				*why = "A part has two Content-Disposition headers.";
				return PW_ERR_INVALID;
			}
			rc = disposition(v, vend, a, part, why);
			if (rc != PW_OK)
				return rc;
			have_disp = 1;
		} else if (ieq(line, (size_t)(colon - line), "content-type")) {
			part->content_type = pw_arena_strndup(a, v, (size_t)(vend - v));
			if (!part->content_type)
				return PW_ERR_NOMEM;
		} else if (ieq(line, (size_t)(colon - line), "content-transfer-encoding")) {
			if (!ieq(v, (size_t)(vend - v), "binary") &&
			    !ieq(v, (size_t)(vend - v), "8bit") &&
			    !ieq(v, (size_t)(vend - v), "7bit")) {
				*why = "Content-Transfer-Encoding other than binary is not "
				       "accepted (RFC 7578).";
				return PW_ERR_INVALID;
			}
		}
	}
	if (!have_disp) {
		*why = "A part has no Content-Disposition header.";
		return PW_ERR_INVALID;
	}
	*pos = i;
	return PW_OK;
}

/* The boundary parameter of content_type into out (NUL-terminated). */
static int boundary_of(const char *ct, char out[BOUNDARY_MAX + 1])
{
	const char *s = strchr(ct, ';');

	while (s && *s) {
		const char *name, *val;
		size_t nlen, vlen = 0;

		s++;
		while (is_space(*s))
			s++;
		name = s;
		while (*s && *s != '=' && *s != ';')
			s++;
		nlen = (size_t)(s - name);
		while (nlen && is_space(name[nlen - 1]))
			nlen--;
		if (*s != '=')
			continue;
		s++;
		while (is_space(*s))
			s++;
		if (*s == '"') {
			val = ++s;
			while (*s && *s != '"')
				s++;
			if (*s != '"')
				return PW_ERR_INVALID;
			vlen = (size_t)(s - val);
			s++;
		} else {
			val = s;
			while (*s && *s != ';' && !is_space(*s))
				s++;
			vlen = (size_t)(s - val);
		}
		if (ieq(name, nlen, "boundary")) {
			if (vlen == 0 || vlen > BOUNDARY_MAX || val[vlen - 1] == ' ')
				return PW_ERR_INVALID;
			for (size_t i = 0; i < vlen; i++)
				if (!is_bchar(val[i]))
					return PW_ERR_INVALID;
			memcpy(out, val, vlen);
			out[vlen] = '\0';
			return PW_OK;
		}
		while (*s && *s != ';')
			s++;
	}
	return PW_ERR_INVALID;
}

int pw_multipart_is_form_data(const char *content_type)
{
	const char *s = content_type;
	size_t n;

	if (!s)
		return 0;
	while (is_space(*s))
		s++;
	n = strcspn(s, "; \t");
	return ieq(s, n, "multipart/form-data");
}

int pw_multipart_parse(const char *content_type, const char *body, size_t len, struct pw_arena *a,
                       struct pw_multipart *out, const char **why)
{
	char boundary[BOUNDARY_MAX + 1];
	char delim[BOUNDARY_MAX + 5];
	size_t dlen, pos;
	int rc;

	memset(out, 0, sizeof(*out));
	*why = "The multipart body is malformed.";
	if (!pw_multipart_is_form_data(content_type)) {
		*why = "The body is not multipart/form-data.";
		return PW_ERR_INVALID;
	}
	if (boundary_of(content_type, boundary) != PW_OK) {
		*why = "The Content-Type needs a boundary of 1 to 70 allowed characters.";
		return PW_ERR_INVALID;
	}
	dlen = strlen(boundary) + 4;
	memcpy(delim, "\r\n--", 4);
	memcpy(delim + 4, boundary, dlen - 4);
	if (!body)
		len = 0;
	/* The first delimiter may open the body without its CRLF. */
	if (len >= dlen - 2 && !memcmp(body, delim + 2, dlen - 2)) {
		pos = dlen - 2;
	} else {
		pos = find_delim(body, len, 0, delim, dlen);
		if (pos == len) {
			*why = "The body holds no part with the declared boundary.";
			return PW_ERR_INVALID;
		}
		pos += dlen;
	}
	for (;;) {
		struct pw_multipart_part *part;
		size_t next;

		/* Just after a delimiter: "--" closes, else padding and CRLF. */
		if (len - pos >= 2 && body[pos] == '-' && body[pos + 1] == '-')
			break;
		while (pos < len && is_space(body[pos]))
			pos++;
		if (len - pos < 2 || body[pos] != '\r' || body[pos + 1] != '\n') {
			*why = "A boundary line is malformed or the body is cut short.";
			return PW_ERR_INVALID;
		}
		pos += 2;
		if (out->nparts == PW_MULTIPART_MAX_PARTS) {
			*why = "The body has too many parts.";
			return PW_ERR_TOO_LARGE;
		}
		part = &out->parts[out->nparts];
		memset(part, 0, sizeof(*part));
		rc = headers(body, len, &pos, a, part, why);
		if (rc != PW_OK)
			return rc;
		next = find_delim(body, len, pos, delim, dlen);
		if (next == len) {
			*why = "The body ends before the closing boundary.";
			return PW_ERR_INVALID;
		}
		part->data = body + pos;
		part->len = next - pos;
		out->nparts++;
		pos = next + dlen;
	}
	if (out->nparts == 0) {
		*why = "The body has no parts.";
		return PW_ERR_INVALID;
	}
	return PW_OK;
}

const struct pw_multipart_part *pw_multipart_find(const struct pw_multipart *m, const char *name)
{
	for (size_t i = 0; i < m->nparts; i++)
		if (!strcmp(m->parts[i].name, name))
			return &m->parts[i];
	return NULL;
}
