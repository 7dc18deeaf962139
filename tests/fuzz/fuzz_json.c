/*
 * fuzz_json.c: libFuzzer target for the JSON layer (json_io.c).
 *
 * Feeds arbitrary bytes to pw_json_parse and, when they parse to an object,
 * through every field reader, checking the invariants the handlers rely on:
 * a fault position inside the input, a parsed value only on success, and
 * readers that never accept a wrong type.
 */
#include "json_io.h"
#include "pw.h"
#include "response.h"

#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const codes[] = {"regular", "soft", "hard", "not_enrolled"};
	struct pw_json_error err;
	json_object *obj = NULL;
	char *buf = malloc(size + 1);
	int rc;

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	buf[size] = '\0';
	rc = pw_json_parse(buf, size, &obj, &err);
	if (rc != PW_OK) {
		assert(obj == NULL);
		assert(err.offset <= size);
		assert(err.line >= 1 && err.column >= 1);
	} else if (json_object_is_type(obj, json_type_object)) {
		struct pw_fields f = {obj, pw_details_new()};
		const char *s = NULL;
		long long n = 0, cents = 0;
		pw_date d = 0;
		size_t idx = 0;
		double x = 0;
		int b = 0;

		if (pw_field_string(&f, "a", PW_FIELD_OPTIONAL, 16, &s) == PW_OK)
			assert(s && pw_utf8_chars(s, strlen(s)) <= 16);
		if (pw_field_int(&f, "b", PW_FIELD_REQUIRED, -5, 5, &n) == PW_OK)
			assert(n >= -5 && n <= 5);
		pw_field_date(&f, "c", PW_FIELD_OPTIONAL, &d);
		if (pw_field_enum(&f, "d", PW_FIELD_OPTIONAL, codes, 4, &idx) == PW_OK)
			assert(idx < 4);
		if (pw_field_money(&f, "e", PW_FIELD_OPTIONAL, 0, 100000, &cents) == PW_OK)
			assert(cents >= 0 && cents <= 100000);
		pw_field_number(&f, "g", PW_FIELD_OPTIONAL, -1, 1, &x);
		pw_field_bool(&f, "h", PW_FIELD_OPTIONAL, &b);
		pw_fields_reject_unknown(&f, codes, 4);
		json_object_put(f.details);
	}
	json_object_put(obj);
	free(buf);
	return 0;
}
