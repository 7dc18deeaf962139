/*
 * response.c: building responses and the error envelope (see response.h).
 */
#include "response.h"

#include "pw.h"
#include "rules/violation.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Response bodies are built in memory; reports and exports may be large. */
#define BODY_MAX (256u * 1024 * 1024)
#define HEADERS_MAX (64u * 1024)

void pw_response_init(struct pw_response *res)
{
	res->status = 500;
	res->content_type = "application/json";
	res->sent = 0;
	pw_buf_init(&res->headers, HEADERS_MAX);
	pw_buf_init(&res->body, BODY_MAX);
}

void pw_response_free(struct pw_response *res)
{
	if (!res)
		return;
	pw_buf_free(&res->headers);
	pw_buf_free(&res->body);
}

void pw_response_reset(struct pw_response *res)
{
	res->status = 500;
	res->content_type = "application/json";
	pw_buf_reset(&res->headers);
	pw_buf_reset(&res->body);
}

int pw_response_header(struct pw_response *res, const char *name, const char *fmt, ...)
{
	size_t start;
	va_list ap;
	int rc;

	rc = pw_buf_printf(&res->headers, "%s: ", name);
	if (rc != PW_OK)
		return rc;
	start = res->headers.len;
	va_start(ap, fmt);
	rc = pw_buf_vprintf(&res->headers, fmt, ap);
	va_end(ap);
	if (rc != PW_OK)
		return rc;
	/* Header injection is impossible whatever the value held. */
	for (size_t i = start; i < res->headers.len; i++)
		if (res->headers.data[i] == '\r' || res->headers.data[i] == '\n' ||
		    res->headers.data[i] == '\0')
			res->headers.data[i] = ' ';
	return pw_buf_append(&res->headers, "\r\n", 2);
}

void pw_response_no_content(struct pw_response *res)
{
	pw_buf_reset(&res->body);
	res->status = 204;
}

int pw_response_json(struct pw_response *res, int status, json_object *obj)
{
	const char *s;
	size_t len;
	int rc;

	pw_buf_reset(&res->body);
	s = json_object_to_json_string_length(
		obj, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE, &len);
	rc = s ? pw_buf_append(&res->body, s, len) : PW_ERR_NOMEM;
	if (rc == PW_OK)
		rc = pw_buf_append(&res->body, "\n", 1);
	json_object_put(obj);
	if (rc != PW_OK) {
		/* Cannot even say why: fall back to a fixed body. */
		pw_buf_reset(&res->body);
		res->status = 500;
		pw_buf_appends(&res->body, "{\"error\":{\"code\":\"internal\",\"message\":\"The "
					   "response could not be built.\",\"details\":[]}}\n");
		res->content_type = "application/json";
		return rc;
	}
	res->status = status;
	res->content_type = "application/json";
	return PW_OK;
}

void pw_response_error_ex(struct pw_response *res, int status, const char *code,
			  const char *message, json_object *details, json_object *extra)
{
	json_object *top = json_object_new_object();
	json_object *err = json_object_new_object();

	json_object_object_add(err, "code", json_object_new_string(code));
	json_object_object_add(err, "message", json_object_new_string(message));
	json_object_object_add(err, "details", details ? details : json_object_new_array());
	if (extra) {
		json_object_object_foreach(extra, k, v)
		{
			json_object_object_add(top, k, json_object_get(v));
		}
		json_object_put(extra);
	}
	json_object_object_add(top, "error", err);
	pw_response_json(res, status, top);
}

void pw_response_error(struct pw_response *res, int status, const char *code,
		       const char *message, json_object *details)
{
	pw_response_error_ex(res, status, code, message, details, NULL);
}

void pw_response_error_rc(struct pw_response *res, int rc)
{
	switch (rc) {
	case PW_ERR_DB_UNAVAILABLE:
		pw_response_error(res, 503, "database_unavailable",
				  "The database cannot be reached. Try again shortly.", NULL);
		break;
	case PW_ERR_NOT_FOUND:
		pw_response_error(res, 404, "not_found", "No such record.", NULL);
		break;
	case PW_ERR_STALE:
		pw_response_error(res, 412, "version_mismatch",
				  "The record has changed since you read it. Reload it and "
				  "try again.",
				  NULL);
		break;
	case PW_ERR_CONFLICT:
		pw_response_error(res, 409, "conflict",
				  "The record is being changed by another request. Try again.",
				  NULL);
		break;
	case PW_ERR_TOO_LARGE:
		pw_response_error(res, 413, "too_large", "The request is too large.", NULL);
		break;
	case PW_ERR_FORBIDDEN:
		pw_response_error(res, 403, "forbidden", "You are not allowed to do this.", NULL);
		break;
	case PW_ERR_UNAUTHORIZED:
		pw_response_error(res, 401, "unauthenticated", "Please sign in.", NULL);
		break;
	default:
		/* Never say more: the log has the detail under the request id. */
		pw_response_error(res, 500, "internal",
				  "Something went wrong on our side. The request id identifies "
				  "it for support.",
				  NULL);
		break;
	}
}

json_object *pw_details_new(void)
{
	return json_object_new_array();
}

void pw_details_add(json_object *details, const char *field, const char *problem,
		    const char *rule)
{
	json_object *d = json_object_new_object();

	json_object_object_add(d, "field", field ? json_object_new_string(field) : NULL);
	json_object_object_add(d, "problem", json_object_new_string(problem));
	if (rule)
		json_object_object_add(d, "rule", json_object_new_string(rule));
	json_object_array_add(details, d);
}

void pw_details_add_violations(json_object *details, const struct pw_violations *v)
{
	for (size_t i = 0; i < v->n; i++)
		pw_details_add(details, v->items[i].field, v->items[i].message, v->items[i].rule);
}

const char *pw_status_text(int status)
{
	switch (status) {
	case 200: return "OK";
	case 201: return "Created";
	case 204: return "No Content";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 412: return "Precondition Failed";
	case 413: return "Content Too Large";
	case 415: return "Unsupported Media Type";
	case 422: return "Unprocessable Content";
	case 428: return "Precondition Required";
	case 429: return "Too Many Requests";
	case 500: return "Internal Server Error";
	case 503: return "Service Unavailable";
	}
	return "Unknown";
}

int pw_response_serialize(const struct pw_response *res, const char *request_id, int head_only,
			  struct pw_buf *out)
{
	int rc;

	rc = pw_buf_printf(out,
			   "Status: %d %s\r\n"
			   "Content-Type: %s\r\n"
			   "Content-Length: %zu\r\n"
			   "X-Request-Id: %s\r\n",
			   res->status, pw_status_text(res->status), res->content_type,
			   res->body.len, request_id);
	/* Responses hold personal data: never cached by default. */
	if (rc == PW_OK && !(res->headers.data && strstr(res->headers.data, "Cache-Control:")))
		rc = pw_buf_appends(out, "Cache-Control: no-store\r\n");
	if (rc == PW_OK && res->headers.len)
		rc = pw_buf_append(out, res->headers.data, res->headers.len);
	if (rc == PW_OK)
		rc = pw_buf_append(out, "\r\n", 2);
	if (rc == PW_OK && !head_only && res->body.len)
		rc = pw_buf_append(out, res->body.data, res->body.len);
	return rc;
}
