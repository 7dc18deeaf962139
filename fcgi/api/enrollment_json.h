/*
 * api/enrollment_json.h: enrollment pieces shared by api/participants.c
 * (a participant created with a first enrollment) and api/enrollments.c.
 */
#ifndef PW_API_ENROLLMENT_JSON_H
#define PW_API_ENROLLMENT_JSON_H

#include "handler.h"

#include <stddef.h>

struct pw_db_rows;

struct api_enrollment_input {
	long long participant_id;
	long long program_id;
	long long location_id;
	long long case_manager_user_id; /* 0 for none */
	const char *application_date;   /* YYYY-MM-DD */
	const char *participation_date; /* NULL when none */
	const char *status;             /* "referred" or "enrolled" */
	const char *agency_code;        /* NULL when none */
};

/* Row r of enrollment rows (store/enrollment.h columns) as JSON. */
json_object *api_enrollment_json(const struct pw_db_rows *rows, size_t r);

/* Reads an enrollment object's fields into in (strings in the arena);
 * problems go to details with prefix before each field name. */
void api_enrollment_read(struct pw_ctx *ctx, json_object *obj, const char *prefix,
			 struct api_enrollment_input *in, json_object *details);

/*
 * Checks what needs the database: the location exists, is active and is in
 * the caller's scope (R-ACL-1, else 404... for a location: 422), the program
 * exists and is active, the case manager serves the location. Returns 0, or
 * -1 with the response filled.
 */
int api_enrollment_check(struct pw_ctx *ctx, const struct api_enrollment_input *in,
			 long long participant_id);

/* Inserts the enrollment, its case manager history and its audit row, in the
 * caller's transaction. On PW_ERR_CONFLICT (an open enrollment in the same
 * program) the response is already a 409 `enrollment_open`. */
int api_enrollment_insert(struct pw_ctx *ctx, const struct api_enrollment_input *in,
			  long long *id);

/* The response for a failed enrollment write. */
void api_enrollment_write_failed(struct pw_ctx *ctx, int rc);

#endif
