/*
 * request.c: parameters, headers, query and cookies of a request (see request.h).
 */
#include "request.h"

#include "pw.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>

const char *pw_request_env(const struct pw_request *r, const char *name)
{
	size_t n = strlen(name);

	if (!r->env)
		return NULL;
	for (char **e = r->env; *e; e++)
		if (!strncmp(*e, name, n) && (*e)[n] == '=')
			return *e + n + 1;
	return NULL;
}

const char *pw_request_header(const struct pw_request *r, const char *name)
{
	char key[128] = "HTTP_";
	size_t n = strlen(name), i;

	if (n > sizeof(key) - 6)
		return NULL;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)name[i];
		key[5 + i] = c == '-' ? '_' : (char)toupper(c);
	}
	key[5 + n] = '\0';
	return pw_request_env(r, key);
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int pw_url_decode(struct pw_arena *a, const char *s, size_t n, int plus_is_space, char **out,
		  size_t *outlen)
{
	char *d = pw_arena_alloc(a, n + 1);
	size_t i, j = 0;

	if (!d)
		return PW_ERR_NOMEM;
	for (i = 0; i < n; i++) {
		char c = s[i];
		if (c == '%') {
			int hi, lo;
			if (i + 2 >= n)
				return PW_ERR_INVALID;
			hi = hexval((unsigned char)s[i + 1]);
			lo = hexval((unsigned char)s[i + 2]);
			if (hi < 0 || lo < 0 || (hi == 0 && lo == 0))
				return PW_ERR_INVALID;
			c = (char)(hi * 16 + lo);
			i += 2;
		} else if (c == '+' && plus_is_space) {
			c = ' ';
		}
		d[j++] = c;
	}
	d[j] = '\0';
	*out = d;
	if (outlen)
		*outlen = j;
	return PW_OK;
}

/* Splits QUERY_STRING into decoded pairs. */
static int parse_query(struct pw_request *r)
{
	const char *q = r->query;
	size_t count = 1, k = 0;

	if (!*q)
		return PW_OK;
	for (const char *p = q; *p; p++)
		if (*p == '&')
			count++;
	r->query_kv = pw_arena_alloc(r->arena, count * sizeof(*r->query_kv));
	if (!r->query_kv)
		return PW_ERR_NOMEM;
	while (*q) {
		const char *amp = strchr(q, '&');
		size_t len = amp ? (size_t)(amp - q) : strlen(q);
		const char *eq = memchr(q, '=', len);
		size_t klen = eq ? (size_t)(eq - q) : len;
		char *key, *val;
		size_t vlen;
		int rc;

		if (len > 0) {
			rc = pw_url_decode(r->arena, q, klen, 1, &key, NULL);
			if (rc == PW_OK)
				rc = eq ? pw_url_decode(r->arena, eq + 1, len - klen - 1, 1, &val,
							&vlen)
					: pw_url_decode(r->arena, "", 0, 1, &val, &vlen);
			if (rc == PW_ERR_NOMEM)
				return rc;
			if (rc != PW_OK) {
				r->query_bad = 1;
			} else {
				r->query_kv[k].key = key;
				r->query_kv[k].value = val;
				r->query_kv[k].value_len = vlen;
				k++;
			}
		}
		q += len;
		if (*q == '&')
			q++;
	}
	r->nquery = k;
	return PW_OK;
}

const char *pw_request_query(const struct pw_request *r, const char *key)
{
	for (size_t i = 0; i < r->nquery; i++)
		if (!strcmp(r->query_kv[i].key, key))
			return r->query_kv[i].value;
	return NULL;
}

int pw_request_cookie(const struct pw_request *r, const char *name, const char **val, size_t *len)
{
	const char *h = pw_request_header(r, "Cookie");
	size_t n = strlen(name);

	if (!h)
		return PW_ERR_NOT_FOUND;
	while (*h) {
		const char *end;
		while (*h == ' ' || *h == ';')
			h++;
		end = strchr(h, ';');
		if (!end)
			end = h + strlen(h);
		if ((size_t)(end - h) > n && !strncmp(h, name, n) && h[n] == '=') {
			*val = h + n + 1;
			*len = (size_t)(end - (h + n + 1));
			return PW_OK;
		}
		h = end;
	}
	return PW_ERR_NOT_FOUND;
}

int pw_request_is_json(const struct pw_request *r)
{
	const char *ct = r->content_type;
	static const char want[] = "application/json";

	if (!ct || strncasecmp(ct, want, sizeof(want) - 1))
		return 0;
	ct += sizeof(want) - 1;
	while (*ct == ' ')
		ct++;
	return *ct == '\0' || *ct == ';';
}

int pw_random_hex(char *out, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char raw[64];
	size_t got = 0;

	if (n > sizeof(raw))
		return PW_ERR_INVALID;
	while (got < n) {
		ssize_t k = getrandom(raw + got, n - got, 0);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			return PW_ERR_IO;
		}
		got += (size_t)k;
	}
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = hex[raw[i] >> 4];
		out[2 * i + 1] = hex[raw[i] & 15];
	}
	out[2 * n] = '\0';
	return PW_OK;
}

/* Accepts a request id of exactly 32 hex digits (nginx's $request_id). */
static int good_request_id(const char *s)
{
	size_t i;

	if (!s)
		return 0;
	for (i = 0; s[i]; i++)
		if (i >= 32 || hexval((unsigned char)s[i]) < 0)
			return 0;
	return i == 32;
}

int pw_request_init(struct pw_request *r, char **env, struct pw_arena *arena, size_t body_max)
{
	const char *v;

	memset(r, 0, sizeof(*r));
	r->env = env;
	r->arena = arena;
	pw_buf_init(&r->body, body_max);
	r->method = (v = pw_request_env(r, "REQUEST_METHOD")) ? v : "";
	r->path = (v = pw_request_env(r, "DOCUMENT_URI")) ? v : "";
	r->query = (v = pw_request_env(r, "QUERY_STRING")) ? v : "";
	v = pw_request_env(r, "CONTENT_TYPE");
	r->content_type = v && *v ? v : NULL;
	r->remote_addr = (v = pw_request_env(r, "REMOTE_ADDR")) ? v : "";
	r->content_length = -1;
	v = pw_request_env(r, "CONTENT_LENGTH");
	if (v && *v) {
		char *end;
		long long n;
		errno = 0;
		n = strtoll(v, &end, 10);
		/* An unparsable length is treated as too large: it is refused unread. */
		r->content_length = (errno || *end || n < 0) ? (long long)((~0ULL) >> 1) : n;
	}
	v = pw_request_env(r, "REQUEST_ID");
	if (good_request_id(v)) {
		memcpy(r->request_id, v, 32);
		r->request_id[32] = '\0';
	} else if (pw_random_hex(r->request_id, 16) != PW_OK) {
		memcpy(r->request_id, "00000000000000000000000000000000", 33);
	}
	return parse_query(r);
}

void pw_request_free(struct pw_request *r)
{
	if (!r)
		return;
	pw_buf_free(&r->body);
}
