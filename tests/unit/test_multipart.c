/*
 * test_multipart.c: the multipart/form-data reader (fcgi/multipart.c),
 * table-driven: a Content-Type and a body in, the parts (or the refusal)
 * expected out. Bodies are parsed from exact-size heap copies so that
 * AddressSanitizer catches any read past the end.
 */
#include "unit_main.h"

#include <stdlib.h>

#include "arena.h"
#include "multipart.h"

#define CT "multipart/form-data; boundary=XyZ"

struct want_part {
	const char *name, *filename, *content_type;
	const char *data;
	size_t len;
};

struct mp_case {
	const char *what;
	const char *content_type;
	const char *body;
	size_t len;
	int rc;
	size_t nparts;
	struct want_part parts[3];
};

#define BODY(lit) lit, sizeof(lit) - 1
#define P(name, filename, ct, lit)                                                                 \
	{                                                                                          \
		name, filename, ct, lit, sizeof(lit) - 1                                           \
	}

static const struct mp_case cases[] = {
        {"a form with two fields and a file",
         CT,
         BODY("--XyZ\r\n"
              "Content-Disposition: form-data; name=\"participant_id\"\r\n\r\n"
              "42\r\n"
              "--XyZ\r\n"
              "Content-Disposition: form-data; name=\"document_type\"\r\n\r\n"
              "death certificate\r\n"
              "--XyZ\r\n"
              "Content-Disposition: form-data; name=\"file\"; filename=\"cert.pdf\"\r\n"
              "Content-Type: application/pdf\r\n\r\n"
              "%PDF-1.4\r\nbinary\x00\x01\r\n-- not a boundary\r\n"
              "--XyZ--"),
         PW_OK,
         3,
         {P("participant_id", NULL, NULL, "42"),
          P("document_type", NULL, NULL, "death certificate"),
          P("file", "cert.pdf", "application/pdf",
            "%PDF-1.4\r\nbinary\x00\x01\r\n-- not a boundary")}},
        {"a preamble, padding after a boundary and an epilogue",
         "Multipart/Form-Data; charset=utf-8; boundary=\"XyZ\"",
         BODY("This is the preamble.\r\n"
              "--XyZ  \t\r\n"
              "content-disposition: FORM-DATA; NAME=a\r\n"
              "X-Ignored: yes\r\n\r\n"
              "1\r\n"
              "--XyZ--\r\nepilogue --XyZ junk"),
         PW_OK,
         1,
         {P("a", NULL, NULL, "1")}},
        {"filename* (RFC 5987) wins over filename",
         CT,
         BODY("--XyZ\r\n"
              "Content-Disposition: form-data; name=\"file\"; filename=\"r_sum_.pdf\"; "
              "filename*=UTF-8''r%C3%A9sum%C3%A9.pdf\r\n\r\n"
              "x\r\n--XyZ--"),
         PW_OK,
         1,
         {P("file", "r\xc3\xa9sum\xc3\xa9.pdf", NULL, "x")}},
        {"backslash escapes inside a quoted filename",
         CT,
         BODY("--XyZ\r\n"
              "Content-Disposition: form-data; name=\"file\"; filename=\"a\\\"b\\\\c.txt\"\r\n\r\n"
              "\r\n--XyZ--"),
         PW_OK,
         1,
         {P("file", "a\"b\\c.txt", NULL, "")}},
        {"an empty filename is kept as empty (no file chosen)",
         CT,
         BODY("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\"\r\n"
              "Content-Type: application/octet-stream\r\n\r\n\r\n--XyZ--"),
         PW_OK,
         1,
         {P("file", "", "application/octet-stream", "")}},
        {"a part that holds a near-miss of the delimiter",
         CT,
         BODY("--XyZ\r\nContent-Disposition: form-data; name=f\r\n\r\n"
              "\r\n--XyY\r\n--Xy\r\r\n--XyZ--"),
         PW_OK,
         1,
         {P("f", NULL, NULL, "\r\n--XyY\r\n--Xy\r")}},
        {"no boundary parameter", "multipart/form-data", BODY("--XyZ--"), PW_ERR_INVALID, 0, {{0}}},
        {"an empty boundary",
         "multipart/form-data; boundary=",
         BODY("----"),
         PW_ERR_INVALID,
         0,
         {{0}}},
        {"a boundary of 71 characters",
         "multipart/form-data; "
         "boundary=12345678901234567890123456789012345678901234567890123456789012345678901",
         BODY("--x"),
         PW_ERR_INVALID,
         0,
         {{0}}},
        {"a boundary with a character RFC 2046 forbids",
         "multipart/form-data; boundary=a@b",
         BODY("--a@b--"),
         PW_ERR_INVALID,
         0,
         {{0}}},
        {"an unterminated quoted boundary",
         "multipart/form-data; boundary=\"XyZ",
         BODY("--XyZ--"),
         PW_ERR_INVALID,
         0,
         {{0}}},
        {"not multipart at all", "application/pdf", BODY("%PDF-1.4"), PW_ERR_INVALID, 0, {{0}}},
        {"an empty body", CT, BODY(""), PW_ERR_INVALID, 0, {{0}}},
        {"no delimiter anywhere",
         CT,
         BODY("just some bytes\r\n--Other--"),
         PW_ERR_INVALID,
         0,
         {{0}}},
        {"only the closing delimiter", CT, BODY("--XyZ--"), PW_ERR_INVALID, 0, {{0}}},
        {"no closing delimiter",
         CT,
         BODY("--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n"),
         PW_ERR_INVALID,
         0,
         {{0}}},
        {"junk after a boundary",
         CT,
         BODY("--XyZjunk\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--XyZ--"),
         PW_ERR_INVALID,
         0,
         {{0}}},
        {"headers cut short",
         CT,
         BODY("--XyZ\r\nContent-Disposition: form-data; name=a"),
         PW_ERR_INVALID,
         0,
         {{0}}},
        {"a bare CR inside a header line",
         CT,
         BODY("--XyZ\r\nContent-Disposition: form-data;\r name=a\r\n\r\n1\r\n--XyZ--"),
         PW_ERR_INVALID,
         0,
         {{0}}},
        {"a NUL inside a header line",
         CT,
         BODY("--XyZ\r\nContent-Disposition: form-data; name=a\x00"
              "b\r\n\r\n1\r\n--XyZ--"),
         PW_ERR_INVALID,
         0,
         {{0}}},
        {"a folded header line",
         CT,
         BODY("--XyZ\r\nContent-Disposition: form-data;\r\n name=a\r\n\r\n1\r\n--XyZ--"),
         PW_ERR_INVALID,
         0,
         {{0}}},
        {"a header line without a colon",
         CT,
         BODY("--XyZ\r\nContent-Disposition form-data\r\n\r\n1\r\n--XyZ--"),
         PW_ERR_INVALID,
         0,
         {{0}}},
        {"no Content-Disposition",
         CT,
         BODY("--XyZ\r\nContent-Type: text/plain\r\n\r\n1\r\n--XyZ--"),
         PW_ERR_INVALID,
         0,
         {{0}}},
        {"a disposition other than form-data",
         CT,
         BODY("--XyZ\r\nContent-Disposition: attachment; name=a\r\n\r\n1\r\n--XyZ--"),
         PW_ERR_INVALID,
         0,
         {{0}}},
        {"a disposition without a name",
         CT,
         BODY("--XyZ\r\nContent-Disposition: form-data; filename=\"a.txt\"\r\n\r\n1\r\n--XyZ--"),
         PW_ERR_INVALID,
         0,
         {{0}}},
        {"an empty name",
         CT,
         BODY("--XyZ\r\nContent-Disposition: form-data; name=\"\"\r\n\r\n1\r\n--XyZ--"),
         PW_ERR_INVALID,
         0,
         {{0}}},
        {"a repeated name parameter",
         CT,
         BODY("--XyZ\r\nContent-Disposition: form-data; name=a; name=b\r\n\r\n1\r\n--XyZ--"),
         PW_ERR_INVALID,
         0,
         {{0}}},
        {"two Content-Disposition headers",
         CT,
         BODY("--XyZ\r\nContent-Disposition: form-data; name=a\r\n"
              "Content-Disposition: form-data; name=b\r\n\r\n1\r\n--XyZ--"),
         PW_ERR_INVALID,
         0,
         {{0}}},
        {"an unterminated quoted name",
         CT,
         BODY("--XyZ\r\nContent-Disposition: form-data; name=\"a\r\n\r\n1\r\n--XyZ--"),
         PW_ERR_INVALID,
         0,
         {{0}}},
        {"a filename* in another charset",
         CT,
         BODY("--XyZ\r\nContent-Disposition: form-data; name=f; "
              "filename*=ISO-8859-1''r%E9sum%E9.pdf\r\n\r\n1\r\n--XyZ--"),
         PW_ERR_INVALID,
         0,
         {{0}}},
        {"a filename* with a bad escape",
         CT,
         BODY("--XyZ\r\nContent-Disposition: form-data; name=f; filename*=UTF-8''a%G1\r\n\r\n1\r\n"
              "--XyZ--"),
         PW_ERR_INVALID,
         0,
         {{0}}},
        {"a filename* that encodes NUL",
         CT,
         BODY("--XyZ\r\nContent-Disposition: form-data; name=f; filename*=UTF-8''a%00b\r\n\r\n1\r\n"
              "--XyZ--"),
         PW_ERR_INVALID,
         0,
         {{0}}},
        {"a filename* cut inside an escape",
         CT,
         BODY("--XyZ\r\nContent-Disposition: form-data; name=f; filename*=UTF-8''a%4\r\n\r\n1\r\n"
              "--XyZ--"),
         PW_ERR_INVALID,
         0,
         {{0}}},
        {"base64 transfer encoding",
         CT,
         BODY("--XyZ\r\nContent-Disposition: form-data; name=f\r\n"
              "Content-Transfer-Encoding: base64\r\n\r\nMQ==\r\n--XyZ--"),
         PW_ERR_INVALID,
         0,
         {{0}}},
};

/* Parses a heap copy of exactly len bytes. */
static int parse(const char *ct, const char *body, size_t len, struct pw_arena *a,
                 struct pw_multipart *m, const char **why)
{
	char *copy = len ? malloc(len) : NULL;
	int rc;

	if (len && !copy)
		return PW_ERR_NOMEM;
	if (len)
		memcpy(copy, body, len);
	rc = pw_multipart_parse(ct, copy, len, a, m, why);
	/* Parts point into the body: compare them before it goes. */
	if (rc == PW_OK) {
		for (size_t i = 0; i < m->nparts; i++) {
			m->parts[i].data = pw_arena_strndup(a, m->parts[i].data, m->parts[i].len);
		}
	}
	free(copy);
	return rc;
}

static int same_str(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

static void test_each_body_gives_its_parts_or_its_refusal(void)
{
	struct pw_arena a;

	pw_arena_init(&a);
	for (size_t i = 0; i < PW_ARRAY_LEN(cases); i++) {
		const struct mp_case *c = &cases[i];
		struct pw_multipart m;
		const char *why = NULL;
		int rc = parse(c->content_type, c->body, c->len, &a, &m, &why);

		PW_CHECK(rc == c->rc, "%s: rc %d, want %d (%s)", c->what, rc, c->rc,
		         why ? why : "");
		if (rc != PW_OK) {
			PW_CHECK(why && *why, "%s: a refusal says why", c->what);
			continue;
		}
		PW_CHECK(m.nparts == c->nparts, "%s: %zu parts, want %zu", c->what, m.nparts,
		         c->nparts);
		for (size_t k = 0; k < c->nparts && k < m.nparts; k++) {
			const struct want_part *w = &c->parts[k];
			const struct pw_multipart_part *g = &m.parts[k];
			PW_CHECK(same_str(g->name, w->name), "%s: part %zu name %s", c->what, k,
			         g->name);
			PW_CHECK(same_str(g->filename, w->filename), "%s: part %zu filename %s",
			         c->what, k, g->filename ? g->filename : "(none)");
			PW_CHECK(same_str(g->content_type, w->content_type),
			         "%s: part %zu content type %s", c->what, k,
			         g->content_type ? g->content_type : "(none)");
			PW_CHECK(g->len == w->len && !memcmp(g->data, w->data, w->len),
			         "%s: part %zu data (%zu bytes, want %zu)", c->what, k, g->len,
			         w->len);
		}
	}
	pw_arena_reset(&a);
}

static void test_every_truncation_of_a_valid_body_is_refused(void)
{
	const struct mp_case *c = &cases[0];
	struct pw_arena a;

	pw_arena_init(&a);
	for (size_t n = 0; n < c->len; n++) {
		struct pw_multipart m;
		const char *why = NULL;
		int rc = parse(c->content_type, c->body, n, &a, &m, &why);
		PW_CHECK(rc == PW_ERR_INVALID, "cut to %zu of %zu bytes: rc %d", n, c->len, rc);
	}
	pw_arena_reset(&a);
}

/* Appends one simple field part to buf at *k. */
static void add_part(char *buf, size_t *k, const char *name)
{
	*k += (size_t)sprintf(buf + *k,
	                      "--XyZ\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\nv\r\n",
	                      name);
}

static void test_part_count_and_header_size_are_bounded(void)
{
	static char buf[64 * 1024];
	struct pw_arena a;
	struct pw_multipart m;
	const char *why = NULL;
	size_t k = 0;
	int rc;

	pw_arena_init(&a);
	for (int i = 0; i < PW_MULTIPART_MAX_PARTS; i++)
		add_part(buf, &k, "f");
	k += (size_t)sprintf(buf + k, "--XyZ--");
	rc = parse(CT, buf, k, &a, &m, &why);
	PW_CHECK(rc == PW_OK && m.nparts == PW_MULTIPART_MAX_PARTS, "32 parts: rc %d", rc);

	k = 0;
	for (int i = 0; i <= PW_MULTIPART_MAX_PARTS; i++)
		add_part(buf, &k, "f");
	k += (size_t)sprintf(buf + k, "--XyZ--");
	rc = parse(CT, buf, k, &a, &m, &why);
	PW_CHECK(rc == PW_ERR_TOO_LARGE, "33 parts: rc %d", rc);

	/* One header line longer than the header block may be. */
	k = (size_t)sprintf(buf, "--XyZ\r\nContent-Disposition: form-data; name=a\r\nX-Long: ");
	memset(buf + k, 'x', PW_MULTIPART_MAX_HEADER + 10);
	k += PW_MULTIPART_MAX_HEADER + 10;
	k += (size_t)sprintf(buf + k, "\r\n\r\nv\r\n--XyZ--");
	rc = parse(CT, buf, k, &a, &m, &why);
	PW_CHECK(rc == PW_ERR_TOO_LARGE, "a long header line: rc %d", rc);

	/* Many short header lines adding up past the bound. */
	k = (size_t)sprintf(buf, "--XyZ\r\nContent-Disposition: form-data; name=a\r\n");
	for (int i = 0; i < 1000; i++)
		k += (size_t)sprintf(buf + k, "X-H: 0123456789\r\n");
	k += (size_t)sprintf(buf + k, "\r\nv\r\n--XyZ--");
	rc = parse(CT, buf, k, &a, &m, &why);
	PW_CHECK(rc == PW_ERR_TOO_LARGE, "many header lines: rc %d", rc);
	pw_arena_reset(&a);
}

static void test_a_body_of_near_miss_delimiters_is_refused(void)
{
	/* Every CR starts a candidate that fails late: the search must still
	 * end (linearly) and find no closing delimiter. */
	static const char piece[] = "\r\n--XyY";
	size_t n = 1024 * 1024, k = 0;
	char *buf = malloc(n);
	struct pw_arena a;
	struct pw_multipart m;
	const char *why = NULL;
	int rc;

	CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
	k = (size_t)sprintf(buf, "--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n");
	while (n - k >= sizeof(piece) - 1) {
		memcpy(buf + k, piece, sizeof(piece) - 1);
		k += sizeof(piece) - 1;
	}
	pw_arena_init(&a);
	rc = parse(CT, buf, k, &a, &m, &why);
	PW_CHECK(rc == PW_ERR_INVALID, "rc %d", rc);
	pw_arena_reset(&a);
	free(buf);
}

static void test_form_data_content_types_are_recognised(void)
{
	static const struct {
		const char *ct;
		int want;
	} rows[] = {
	        {"multipart/form-data; boundary=x", 1},
	        {"MULTIPART/FORM-DATA;boundary=x", 1},
	        {" multipart/form-data", 1},
	        {"multipart/mixed; boundary=x", 0},
	        {"multipart/form-datax", 0},
	        {"application/pdf", 0},
	        {"", 0},
	};

	for (size_t i = 0; i < PW_ARRAY_LEN(rows); i++)
		PW_CHECK(pw_multipart_is_form_data(rows[i].ct) == rows[i].want, "\"%s\"",
		         rows[i].ct);
	PW_CHECK(!pw_multipart_is_form_data(NULL), "NULL");
}

static void test_find_returns_the_first_part_of_a_name(void)
{
	static const char body[] = "--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n"
	                           "--XyZ\r\nContent-Disposition: form-data; name=b\r\n\r\n2\r\n"
	                           "--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n3\r\n"
	                           "--XyZ--";
	struct pw_arena a;
	struct pw_multipart m;
	const char *why = NULL;
	const struct pw_multipart_part *p;

	pw_arena_init(&a);
	CU_ASSERT_EQUAL_FATAL(parse(CT, body, sizeof(body) - 1, &a, &m, &why), PW_OK);
	p = pw_multipart_find(&m, "a");
	PW_CHECK(p && p->len == 1 && p->data[0] == '1', "first a");
	p = pw_multipart_find(&m, "b");
	PW_CHECK(p && p->len == 1 && p->data[0] == '2', "b");
	PW_CHECK(pw_multipart_find(&m, "c") == NULL, "no c");
	pw_arena_reset(&a);
}

static const struct pw_unit_test tests[] = {
        {"each body gives its parts or its refusal", test_each_body_gives_its_parts_or_its_refusal},
        {"every truncation of a valid body is refused",
         test_every_truncation_of_a_valid_body_is_refused},
        {"part count and header size are bounded", test_part_count_and_header_size_are_bounded},
        {"a body of near-miss delimiters is refused",
         test_a_body_of_near_miss_delimiters_is_refused},
        {"form-data content types are recognised", test_form_data_content_types_are_recognised},
        {"find returns the first part of a name", test_find_returns_the_first_part_of_a_name},
};

int main(void)
{
	return pw_unit_run("multipart", tests, PW_ARRAY_LEN(tests));
}
