/*
 * pw.c: sentences for the result codes of pw.h.
 */
#include "pw.h"

const char *pw_strerror(int rc)
{
	switch (rc) {
	case PW_OK:
		return "success";
	case PW_ERR_NOMEM:
		return "out of memory";
	case PW_ERR_INVALID:
		return "invalid input";
	case PW_ERR_NOT_FOUND:
		return "not found";
	case PW_ERR_CONFLICT:
		return "refused by a state rule";
	case PW_ERR_STALE:
		return "the record has changed since it was read";
	case PW_ERR_TOO_LARGE:
		return "too large";
	case PW_ERR_DB:
		return "database error";
	case PW_ERR_DB_UNAVAILABLE:
		return "database unavailable";
	case PW_ERR_IO:
		return "input/output error";
	case PW_ERR_CONFIG:
		return "configuration error";
	case PW_ERR_FORBIDDEN:
		return "not allowed";
	case PW_ERR_UNAUTHORIZED:
		return "not signed in";
	case PW_ERR_DUPLICATE:
		return "already exists";
	}
	return "unknown error";
}
