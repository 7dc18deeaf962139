/*
 * json_io.c: strict JSON parsing and typed field readers (see json_io.h).
 */
#include "json_io.h"

#include "pw.h"
#include "response.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static void locate(const char *s, size_t off, int *line, int *col)
{
	int l = 1, c = 1;

	for (size_t i = 0; i < off; i++) {
		if (s[i] == '\n') {
			l++;
			c = 1;
		} else if (((unsigned char)s[i] & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
}

/*
 * json-c 0.16 accepts 'single-quoted' strings even in strict mode. In JSON a
 * single quote can only stand inside a double-quoted string, so one outside
 * any string is the fault. Returns its offset, or len when there is none.
 */
static size_t stray_single_quote(const char *s, size_t len)
{
	int in_string = 0;

	for (size_t i = 0; i < len; i++) {
		if (in_string) {
			if (s[i] == '\\')
				i++;
			else if (s[i] == '"')
				in_string = 0;
		} else if (s[i] == '"') {
			in_string = 1;
		} else if (s[i] == '\'') {
			return i;
		}
	}
	return len;
}

int pw_json_parse(const char *s, size_t len, json_object **out, struct pw_json_error *err)
{
	json_tokener *tok = NULL;
	json_object *obj = NULL;
	enum json_tokener_error jerr;
	size_t end;
	int rc = PW_ERR_INVALID;

	memset(err, 0, sizeof(*err));
	if (len > (size_t)INT32_MAX) {
		snprintf(err->message, sizeof(err->message), "the body is too large to parse");
		return PW_ERR_TOO_LARGE;
	}
	if (strspn(s, " \t\r\n") >= len) {
		snprintf(err->message, sizeof(err->message), "the body is empty");
		locate(s, 0, &err->line, &err->column);
		return PW_ERR_INVALID;
	}
	end = stray_single_quote(s, len);
	if (end < len) {
		err->offset = end;
		snprintf(err->message, sizeof(err->message), "strings must be in double quotes");
		locate(s, end, &err->line, &err->column);
		return PW_ERR_INVALID;
	}
	tok = json_tokener_new_ex(PW_JSON_MAX_DEPTH);
	if (!tok)
		return PW_ERR_NOMEM;
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
	obj = json_tokener_parse_ex(tok, s, (int)len);
	jerr = json_tokener_get_error(tok);
	end = json_tokener_get_parse_end(tok);
	if (jerr == json_tokener_continue) {
		/* A bare number may still be waiting for its end: feed the
		 * terminating NUL, as json-c asks, to finish it. */
		obj = json_tokener_parse_ex(tok, "", 1);
		jerr = json_tokener_get_error(tok);
		end = len;
	}
	if (jerr == json_tokener_continue) {
		/* The text ended inside a value. */
		err->offset = len;
		snprintf(err->message, sizeof(err->message), "unexpected end of input");
		goto fail;
	}
	if (jerr != json_tokener_success) {
		/* json-c stops on the offending byte; running out of text is a
		 * fault at the end. */
		err->offset = end <= len && jerr != json_tokener_error_parse_eof ? end : len;
		snprintf(err->message, sizeof(err->message), "%s",
			 json_tokener_error_desc(jerr));
		goto fail;
	}
	while (end < len && (s[end] == ' ' || s[end] == '\t' || s[end] == '\n' || s[end] == '\r'))
		end++;
	if (end < len) {
		err->offset = end;
		snprintf(err->message, sizeof(err->message), "unexpected data after the JSON value");
		goto fail;
	}
	*out = obj;
	obj = NULL;
	rc = PW_OK;
	goto out;
fail:
	locate(s, err->offset > len ? len : err->offset, &err->line, &err->column);
out:
	json_object_put(obj);
	json_tokener_free(tok);
	return rc;
}

size_t pw_utf8_chars(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

size_t pw_fields_errors(const struct pw_fields *f)
{
	return json_object_array_length(f->details);
}

/* Looks up name; returns NULL when absent or JSON null, and adds the
 * "is required" detail when it must be there. */
static json_object *member(struct pw_fields *f, const char *name, int flags, int *missing)
{
	json_object *v = NULL;

	*missing = 0;
	if (!json_object_object_get_ex(f->obj, name, &v) || v == NULL) {
		*missing = 1;
		if (flags & PW_FIELD_REQUIRED)
			pw_details_add(f->details, name, "is required", NULL);
		return NULL;
	}
	return v;
}

#define MISSING(flags) (((flags) & PW_FIELD_REQUIRED) ? PW_ERR_INVALID : PW_ERR_NOT_FOUND)

int pw_field_string(struct pw_fields *f, const char *name, int flags, size_t max_chars,
		    const char **out)
{
	int missing;
	json_object *v = member(f, name, flags, &missing);
	const char *s;
	size_t len;
	char msg[96];

	if (!v)
		return MISSING(flags);
	if (!json_object_is_type(v, json_type_string)) {
		pw_details_add(f->details, name, "must be a string", NULL);
		return PW_ERR_INVALID;
	}
	s = json_object_get_string(v);
	len = (size_t)json_object_get_string_len(v);
	if (memchr(s, '\0', len)) {
		pw_details_add(f->details, name, "must not contain a NUL character", NULL);
		return PW_ERR_INVALID;
	}
	if (len == 0 || strspn(s, " \t\r\n") == len) {
		if (flags & PW_FIELD_REQUIRED) {
			pw_details_add(f->details, name, "must not be empty", NULL);
			return PW_ERR_INVALID;
		}
		return PW_ERR_NOT_FOUND;
	}
	if (pw_utf8_chars(s, len) > max_chars) {
		snprintf(msg, sizeof(msg), "must be at most %zu characters", max_chars);
		pw_details_add(f->details, name, msg, NULL);
		return PW_ERR_INVALID;
	}
	*out = s;
	return PW_OK;
}

int pw_field_int(struct pw_fields *f, const char *name, int flags, long long min, long long max,
		 long long *out)
{
	int missing;
	json_object *v = member(f, name, flags, &missing);
	long long n;
	char msg[96];

	if (!v)
		return MISSING(flags);
	if (!json_object_is_type(v, json_type_int)) {
		pw_details_add(f->details, name, "must be a whole number", NULL);
		return PW_ERR_INVALID;
	}
	n = (long long)json_object_get_int64(v);
	if (n < min || n > max) {
		snprintf(msg, sizeof(msg), "must be from %lld to %lld", min, max);
		pw_details_add(f->details, name, msg, NULL);
		return PW_ERR_INVALID;
	}
	*out = n;
	return PW_OK;
}

int pw_field_bool(struct pw_fields *f, const char *name, int flags, int *out)
{
	int missing;
	json_object *v = member(f, name, flags, &missing);

	if (!v)
		return MISSING(flags);
	if (!json_object_is_type(v, json_type_boolean)) {
		pw_details_add(f->details, name, "must be true or false", NULL);
		return PW_ERR_INVALID;
	}
	*out = json_object_get_boolean(v) ? 1 : 0;
	return PW_OK;
}

int pw_field_date(struct pw_fields *f, const char *name, int flags, pw_date *out)
{
	int missing;
	json_object *v = member(f, name, flags, &missing);

	if (!v)
		return MISSING(flags);
	if (!json_object_is_type(v, json_type_string) ||
	    pw_date_parse(json_object_get_string(v), (size_t)json_object_get_string_len(v), out) !=
		    PW_OK) {
		pw_details_add(f->details, name, "must be a real date written YYYY-MM-DD", NULL);
		return PW_ERR_INVALID;
	}
	return PW_OK;
}

int pw_field_enum(struct pw_fields *f, const char *name, int flags, const char *const *codes,
		  size_t n, size_t *index)
{
	int missing;
	json_object *v = member(f, name, flags, &missing);
	char msg[512];
	size_t used;

	if (!v)
		return MISSING(flags);
	if (json_object_is_type(v, json_type_string)) {
		const char *s = json_object_get_string(v);
		for (size_t i = 0; i < n; i++)
			if (!strcmp(s, codes[i])) {
				*index = i;
				return PW_OK;
			}
	}
	used = (size_t)snprintf(msg, sizeof(msg), "must be one of:");
	for (size_t i = 0; i < n && used < sizeof(msg); i++)
		used += (size_t)snprintf(msg + used, sizeof(msg) - used, "%s %s", i ? "," : "",
					 codes[i]);
	pw_details_add(f->details, name, msg, NULL);
	return PW_ERR_INVALID;
}

int pw_field_number(struct pw_fields *f, const char *name, int flags, double min, double max,
		    double *out)
{
	int missing;
	json_object *v = member(f, name, flags, &missing);
	double d;
	char msg[96];

	if (!v)
		return MISSING(flags);
	if (!json_object_is_type(v, json_type_int) && !json_object_is_type(v, json_type_double)) {
		pw_details_add(f->details, name, "must be a number", NULL);
		return PW_ERR_INVALID;
	}
	d = json_object_get_double(v);
	if (!isfinite(d) || d < min || d > max) {
		snprintf(msg, sizeof(msg), "must be from %g to %g", min, max);
		pw_details_add(f->details, name, msg, NULL);
		return PW_ERR_INVALID;
	}
	*out = d;
	return PW_OK;
}

int pw_field_money(struct pw_fields *f, const char *name, int flags, long long min_cents,
		   long long max_cents, long long *cents)
{
	double d, scaled;
	int rc = pw_field_number(f, name, flags, (double)min_cents / 100.0,
				 (double)max_cents / 100.0, &d);

	if (rc != PW_OK)
		return rc;
	scaled = d * 100.0;
	if (fabs(scaled - round(scaled)) > 1e-6) {
		pw_details_add(f->details, name, "must have at most two decimal places", NULL);
		return PW_ERR_INVALID;
	}
	*cents = (long long)llround(scaled);
	return PW_OK;
}

int pw_fields_reject_unknown(struct pw_fields *f, const char *const *allowed, size_t n)
{
	int bad = 0;

	json_object_object_foreach(f->obj, key, val)
	{
		size_t i;
		(void)val;
		for (i = 0; i < n; i++)
			if (!strcmp(key, allowed[i]))
				break;
		if (i == n) {
			pw_details_add(f->details, key, "is not a field of this record", NULL);
			bad++;
		}
	}
	return bad;
}
