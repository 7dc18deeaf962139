/*
 * test_documents.c: document uploads and downloads over HTTP (issue 4,
 * "Documents"; R-ACL-1): raw and multipart uploads of every accepted kind,
 * metadata, listing, the download's headers byte for byte, every bad
 * upload refused with the right status and nothing written, the size cap,
 * attachment to records (a locked case note refuses it), Idempotency-Key,
 * and the reach of provider partners and customers.
 *
 * Participants and enrollments are made through the API, in a program the
 * suite inserts with SQL so it does not depend on the shipped profiles.
 */
#include "itest.h"

#include "auth.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#define DOCX_TYPE "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

/* Small but whole files of each kind (as in tests/unit/test_filetype.c). */
static const char pdf[] = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n%%EOF\n";
static const char png[] =
        "\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
        "\x00\x1f\x15\xc4\x89\x00\x00\x00\x00IEND\xae\x42\x60\x82";
static const char jpeg[] = "\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00"
                           "\x00\xff\xd9";
static const char tiff[] = "II*\x00\x08\x00\x00\x00\x01\x00\x00\x01\x03\x00\x01\x00\x00\x00"
                           "\x01\x00\x00\x00\x00\x00\x00\x00";
static const char text[] = "Verified by phone with the employer on Monday.\r\n";

/* Runs SQL through stackctl; the first cell as a number (-1 on failure). */
static long long sql_num(const char *sql)
{
	char cmd[2048], out[64];

	snprintf(cmd, sizeof(cmd), "sql \"%s\"", sql);
	if (it_ctl(cmd, out, sizeof(out)) != 0)
		return -1;
	return out[0] ? atoll(out) : -1;
}

static int sql_exec(const char *sql)
{
	char cmd[2048];

	snprintf(cmd, sizeof(cmd), "sql \"%s\"", sql);
	return it_ctl(cmd, NULL, 0);
}

static long long doc_count(void)
{
	return sql_num("SELECT COUNT(*) FROM documents");
}

static long long doc_audit_count(void)
{
	return sql_num("SELECT COUNT(*) FROM audit_log WHERE entity = 'document'");
}

/* A stored ZIP of empty entries: a minimal Word document. */
static size_t docx(unsigned char *b, size_t cap)
{
	static const char *const names[] = {"[Content_Types].xml", "_rels/.rels",
	                                    "word/document.xml"};
	size_t locals[3], k = 0, cd;

	memset(b, 0, cap);
	for (size_t i = 0; i < 3; i++) {
		size_t nl = strlen(names[i]);
		locals[i] = k;
		memcpy(b + k, "PK\x03\x04\x14", 5);
		b[k + 26] = (unsigned char)nl;
		memcpy(b + k + 30, names[i], nl);
		k += 30 + nl;
	}
	cd = k;
	for (size_t i = 0; i < 3; i++) {
		size_t nl = strlen(names[i]);
		memcpy(b + k, "PK\x01\x02\x14\x00\x14", 7);
		b[k + 28] = (unsigned char)nl;
		b[k + 42] = (unsigned char)locals[i];
		memcpy(b + k + 46, names[i], nl);
		k += 46 + nl;
	}
	memcpy(b + k, "PK\x05\x06", 4);
	b[k + 8] = b[k + 10] = 3;
	b[k + 12] = (unsigned char)(k - cd);
	b[k + 16] = (unsigned char)cd;
	return k + 22;
}

/* The suite's program (inserted once) and a second one for co-enrolment. */
static long long program(int second)
{
	static long long ids[2];
	char sql[512];
	long tag = (long)time(NULL) % 1000000 * 100 + (long)(getpid() % 100);

	if (!ids[second]) {
		snprintf(sql, sizeof(sql),
		         "INSERT INTO programs (code, name, system_code) VALUES ('itdoc%c%ld', "
		         "'Documents test program', 'caljobs'); SELECT LAST_INSERT_ID()",
		         second ? 'b' : 'a', tag);
		ids[second] = sql_num(sql);
	}
	return ids[second];
}

/* A new participant enrolled at location loc by s; *eid gets the
 * enrollment. Returns the participant id (0 on failure). */
static long long participant(const struct it_session *s, int loc, long long *eid)
{
	static int n;
	char body[1024];
	struct it_resp r;
	long long pid = 0;

	snprintf(body, sizeof(body),
	         "{\"first_name\": \"Karen\", \"last_name\": \"Doctest%ld%d\", "
	         "\"date_of_birth\": \"1980-05-04\", \"ssn_last4\": \"%04d\", "
	         "\"confirm_duplicate\": true, \"enrollment\": {\"program_id\": %lld, "
	         "\"location_id\": %d, \"application_date\": \"2025-01-06\", "
	         "\"participation_date\": \"2025-01-10\", \"status\": \"enrolled\"}}",
	         (long)time(NULL) % 100000, ++n, rand() % 10000, program(0), loc);
	if (it_call(s, "POST", "/api/v1/participants", NULL, body, &r) == 0 && r.status == 201) {
		pid = it_json_int(&r, "id", 0);
		if (eid)
			*eid = it_json_int(&r, "enrollments.0.id", 0);
	} else {
		fprintf(stderr, "\n    create participant: %ld %s", r.status, r.body);
	}
	it_resp_free(&r);
	return pid;
}

/* A second enrollment of pid, in the second program, at location loc. */
static long long second_enrollment(const struct it_session *s, long long pid, int loc)
{
	char body[256], path[96];
	struct it_resp r;
	long long eid = 0;

	snprintf(path, sizeof(path), "/api/v1/participants/%lld/enrollments", pid);
	snprintf(
	        body, sizeof(body),
	        "{\"program_id\": %lld, \"location_id\": %d, \"application_date\": \"2025-02-01\"}",
	        program(1), loc);
	if (it_call(s, "POST", path, NULL, body, &r) == 0 && r.status == 201)
		eid = it_json_int(&r, "id", 0);
	else
		fprintf(stderr, "\n    second enrollment: %ld %s", r.status, r.body);
	it_resp_free(&r);
	return eid;
}

/*
 * POSTs body to /api/v1/documents?query as s, with Content-Type ct (NULL:
 * none at all) and any extra header line.
 */
static int upload(const struct it_session *s, const char *query, const char *ct, const void *body,
                  size_t len, const char *extra, struct it_resp *r)
{
	char path[2048], cookie[160], csrf[100], ctype[256];
	const char *h[5];
	int n = 0;

	snprintf(path, sizeof(path), "/api/v1/documents%s%s", query && *query ? "?" : "",
	         query ? query : "");
	snprintf(cookie, sizeof(cookie), "Cookie: %s", s->cookie);
	snprintf(csrf, sizeof(csrf), "X-CSRF-Token: %s", s->csrf);
	/* "Content-Type:" with no value makes curl send none. */
	snprintf(ctype, sizeof(ctype), "Content-Type:%s%s", ct ? " " : "", ct ? ct : "");
	h[n++] = cookie;
	h[n++] = csrf;
	h[n++] = ctype;
	if (extra)
		h[n++] = extra;
	h[n] = NULL;
	return it_http("POST", path, h, body, len, r);
}

/* Uploads raw and returns the new id (0 unless 201). */
static long long upload_ok(const struct it_session *s, const char *query, const char *ct,
                           const void *body, size_t len)
{
	struct it_resp r;
	long long id = 0;

	if (upload(s, query, ct, body, len, NULL, &r) == 0 && r.status == 201)
		id = it_json_int(&r, "id", 0);
	else
		fprintf(stderr, "\n    upload %s: %ld %s", query, r.status, r.body);
	it_resp_free(&r);
	return id;
}

/* A growable multipart body. */
struct mp {
	char *p;
	size_t len;
};

static void mp_add(struct mp *m, const void *data, size_t n)
{
	char *q = realloc(m->p, m->len + n + 1);

	if (!q)
		abort();
	memcpy(q + m->len, data, n);
	m->p = q;
	m->len += n;
}

static void mp_str(struct mp *m, const char *s)
{
	mp_add(m, s, strlen(s));
}

static void mp_field(struct mp *m, const char *name, const char *value)
{
	char h[256];

	snprintf(h, sizeof(h), "--B0undary\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n",
	         name);
	mp_str(m, h);
	mp_str(m, value);
	mp_str(m, "\r\n");
}

/* The file part; disp is the rest of its Content-Disposition. */
static void mp_file(struct mp *m, const char *disp, const char *ct, const void *data, size_t n)
{
	char h[512];

	snprintf(h, sizeof(h),
	         "--B0undary\r\nContent-Disposition: form-data; name=\"file\"; %s\r\n"
	         "Content-Type: %s\r\n\r\n",
	         disp, ct);
	mp_str(m, h);
	mp_add(m, data, n);
	mp_str(m, "\r\n");
}

#define MP_TYPE "multipart/form-data; boundary=B0undary"

static void sha256_hex(const void *p, size_t n, char out[65])
{
	unsigned char d[PW_HASH_LEN];

	pw_auth_sha256(p, n, d);
	for (int i = 0; i < 32; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

/* Counts the header lines called name whose value is exactly value, and all
 * lines called name (through *all). */
static int header_count(const struct it_resp *r, const char *name, const char *value, int *all)
{
	size_t n = strlen(name);
	const char *p = r->headers;
	int same = 0;

	*all = 0;
	while (p && *p) {
		const char *eol = strstr(p, "\r\n");
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		if (len > n && !strncasecmp(p, name, n) && p[n] == ':') {
			const char *v = p + n + 1;
			while (*v == ' ')
				v++;
			(*all)++;
			same += (size_t)(p + len - v) == strlen(value) &&
			        !strncmp(v, value, strlen(value));
		}
		p = eol ? eol + 2 : p + len;
	}
	return same;
}

static void a_pdf_uploaded_raw_is_stored_with_its_hash_and_read_back(void)
{
	const struct it_session *s = it_statewide();
	struct it_resp r;
	char query[256], path[96], hex[65], etag[32], loc[128], sql[256];
	long long pid, eid = 0, id;
	int all = 0;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	pid = participant(s, 1, &eid);
	CU_ASSERT_FATAL(pid > 0 && eid > 0);
	snprintf(query, sizeof(query),
	         "participant_id=%lld&enrollment_id=%lld&document_type=death_certificate"
	         "&filename=certificate.pdf",
	         pid, eid);
	CU_ASSERT_EQUAL_FATAL(upload(s, query, "application/pdf", pdf, sizeof(pdf) - 1, NULL, &r),
	                      0);
	CU_ASSERT_EQUAL_FATAL(r.status, 201);
	id = it_json_int(&r, "id", 0);
	sha256_hex(pdf, sizeof(pdf) - 1, hex);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "sha256"), hex);
	CU_ASSERT_EQUAL(it_json_int(&r, "size_bytes", 0), (long long)sizeof(pdf) - 1);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "content_type"), "application/pdf");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "filename"), "certificate.pdf");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "document_type"), "death_certificate");
	CU_ASSERT_EQUAL(it_json_int(&r, "participant_id", 0), pid);
	CU_ASSERT_EQUAL(it_json_int(&r, "enrollment_id", 0), eid);
	CU_ASSERT_EQUAL(it_json_int(&r, "uploaded_by", 0), s->user_id);
	CU_ASSERT_EQUAL(it_json_int(&r, "version", 0), 1);
	CU_ASSERT_PTR_NOT_NULL(it_json_str(&r, "created_at"));
	CU_ASSERT_PTR_NULL(strstr(r.body, "\"content\""));
	CU_ASSERT_PTR_NOT_NULL(it_header(&r, "ETag", etag, sizeof(etag)));
	CU_ASSERT_STRING_EQUAL(etag, "\"1\"");
	snprintf(path, sizeof(path), "/api/v1/documents/%lld", id);
	CU_ASSERT_PTR_NOT_NULL(it_header(&r, "Location", loc, sizeof(loc)));
	CU_ASSERT_STRING_EQUAL(loc, path);
	it_resp_free(&r);

	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "sha256"), hex);
	CU_ASSERT_PTR_NULL(strstr(r.body, "\"content\""));
	CU_ASSERT_PTR_NOT_NULL(it_header(&r, "ETag", etag, sizeof(etag)));
	it_resp_free(&r);

	/* The download: the bytes and exactly the promised headers. */
	snprintf(path, sizeof(path), "/api/v1/documents/%lld/content", id);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_EQUAL(r.len, sizeof(pdf) - 1);
	CU_ASSERT(r.len == sizeof(pdf) - 1 && !memcmp(r.body, pdf, r.len));
	CU_ASSERT_EQUAL(header_count(&r, "Content-Type", "application/pdf", &all), 1);
	CU_ASSERT_EQUAL(all, 1);
	CU_ASSERT_EQUAL(header_count(&r, "Content-Disposition",
	                             "attachment; filename=\"certificate.pdf\"; "
	                             "filename*=UTF-8''certificate.pdf",
	                             &all),
	                1);
	CU_ASSERT_EQUAL(all, 1);
	/* nginx adds its own nosniff too: every copy must say nosniff. */
	CU_ASSERT(header_count(&r, "X-Content-Type-Options", "nosniff", &all) >= 1);
	CU_ASSERT_EQUAL(header_count(&r, "X-Content-Type-Options", "nosniff", &all), all);
	CU_ASSERT_EQUAL(header_count(&r, "Cache-Control", "private, no-store", &all), 1);
	CU_ASSERT_EQUAL(all, 1);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "HEAD", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_EQUAL(r.len, 0);
	it_resp_free(&r);

	/* Listed, and audited with metadata only. */
	snprintf(path, sizeof(path), "/api/v1/participants/%lld/documents", pid);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.id", 0), id);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "items.0.sha256"), hex);
	it_resp_free(&r);
	snprintf(sql, sizeof(sql),
	         "SELECT COUNT(*) FROM audit_log WHERE entity = 'document' AND entity_id = %lld "
	         "AND action = 'create' AND after_json LIKE '%%%s%%' AND after_json NOT LIKE "
	         "'%%obj%%'",
	         id, hex);
	CU_ASSERT_EQUAL(sql_num(sql), 1);
}

static void every_accepted_kind_is_taken_and_stored_with_its_canonical_type(void)
{
	const struct it_session *s = it_statewide();
	static unsigned char word[1024];
	size_t word_len = docx(word, sizeof(word));
	const struct {
		const char *sent_as, *stored_as, *default_name;
		const void *data;
		size_t len;
	} kinds[] = {
	        {"image/png", "image/png", "document.png", png, sizeof(png) - 1},
	        {"image/jpg", "image/jpeg", "document.jpg", jpeg, sizeof(jpeg) - 1},
	        {"IMAGE/TIFF", "image/tiff", "document.tif", tiff, sizeof(tiff) - 1},
	        {DOCX_TYPE, DOCX_TYPE, "document.docx", word, word_len},
	        {"text/plain; charset=UTF-8", "text/plain; charset=utf-8", "document.txt", text,
	         sizeof(text) - 1},
	};
	long long pid = participant(s, 1, NULL);

	CU_ASSERT_FATAL(pid > 0);
	for (size_t i = 0; i < IT_LEN(kinds); i++) {
		char query[64], path[96], hdr[160];
		struct it_resp r;
		long long id;

		snprintf(query, sizeof(query), "participant_id=%lld", pid);
		id = upload_ok(s, query, kinds[i].sent_as, kinds[i].data, kinds[i].len);
		CU_ASSERT(id > 0);
		snprintf(path, sizeof(path), "/api/v1/documents/%lld/content", id);
		CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
		CU_ASSERT_EQUAL(r.status, 200);
		CU_ASSERT(r.len == kinds[i].len && !memcmp(r.body, kinds[i].data, r.len));
		CU_ASSERT_PTR_NOT_NULL(it_header(&r, "Content-Type", hdr, sizeof(hdr)));
		if (strcmp(hdr, kinds[i].stored_as))
			fprintf(stderr, "\n    %s stored as %s", kinds[i].sent_as, hdr);
		CU_ASSERT_STRING_EQUAL(hdr, kinds[i].stored_as);
		/* No name given: "document" and the kind's extension. */
		snprintf(query, sizeof(query), "attachment; filename=\"%s\"",
		         kinds[i].default_name);
		CU_ASSERT_PTR_NOT_NULL(it_header(&r, "Content-Disposition", hdr, sizeof(hdr)));
		CU_ASSERT(!strncmp(hdr, query, strlen(query)));
		it_resp_free(&r);
	}
}

static void a_multipart_upload_keeps_a_utf8_name_safely_and_attaches_to_its_record(void)
{
	const struct it_session *s = it_statewide();
	struct mp m = {0};
	struct it_resp r;
	char pid_text[32], eid_text[32], path[96];
	long long pid, eid = 0, id;
	int all = 0;

	pid = participant(s, 1, &eid);
	CU_ASSERT_FATAL(pid > 0 && eid > 0);
	snprintf(pid_text, sizeof(pid_text), "%lld", pid);
	snprintf(eid_text, sizeof(eid_text), "%lld", eid);
	mp_str(&m, "preamble\r\n");
	mp_field(&m, "participant_id", pid_text);
	mp_field(&m, "attached_entity", "enrollment");
	mp_field(&m, "attached_id", eid_text);
	mp_field(&m, "document_type", "pay stub");
	/* A path and a name with a quote and accents (RFC 5987 form). */
	mp_file(&m,
	        "filename=\"fallback.png\"; "
	        "filename*=UTF-8''scans%2FR%C3%A9sum%C3%A9%20%22final%22.png",
	        "image/png", png, sizeof(png) - 1);
	mp_str(&m, "--B0undary--\r\n");
	CU_ASSERT_EQUAL_FATAL(upload(s, NULL, MP_TYPE, m.p, m.len, NULL, &r), 0);
	free(m.p);
	if (r.status != 201)
		fprintf(stderr, "\n    multipart: %ld %s", r.status, r.body);
	CU_ASSERT_EQUAL_FATAL(r.status, 201);
	id = it_json_int(&r, "id", 0);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "filename"), "R\xc3\xa9sum\xc3\xa9 \"final\".png");
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "attached_entity"), "enrollment");
	CU_ASSERT_EQUAL(it_json_int(&r, "attached_id", 0), eid);
	/* The enrollment comes from the record it verifies. */
	CU_ASSERT_EQUAL(it_json_int(&r, "enrollment_id", 0), eid);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "content_type"), "image/png");
	it_resp_free(&r);

	snprintf(path, sizeof(path), "/api/v1/documents/%lld/content", id);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_EQUAL(header_count(&r, "Content-Disposition",
	                             "attachment; filename=\"R_sum_ _final_.png\"; "
	                             "filename*=UTF-8''R%C3%A9sum%C3%A9%20%22final%22.png",
	                             &all),
	                1);
	CU_ASSERT_EQUAL(header_count(&r, "Content-Type", "image/png", &all), 1);
	it_resp_free(&r);

	snprintf(path, sizeof(path),
	         "/api/v1/participants/%lld/documents?attached_entity=enrollment&attached_id=%lld",
	         pid, eid);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.id", 0), id);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.1.id", 0), 0);
	it_resp_free(&r);
}

struct bad_upload {
	const char *what;
	const char *query; /* {P}: the participant id, {O}: another's enrollment */
	const char *ct;    /* NULL: no Content-Type */
	const char *body;
	size_t len;
	long status;
	const char *code;
	const char *field; /* a detail expected, or NULL */
};

#define B(lit)     lit, sizeof(lit) - 1
#define MPB(parts) "--B0undary\r\n" parts

static const struct bad_upload bad_uploads[] = {
        {"a PNG sent as a PDF", "participant_id={P}", "application/pdf", B(png), 415,
         "content_type_mismatch", "content_type"},
        {"a PDF sent as text", "participant_id={P}", "text/plain", B(pdf), 415,
         "content_type_mismatch", "content_type"},
        {"a DOCX name on a PNG", "participant_id={P}", DOCX_TYPE, B(png), 415,
         "content_type_mismatch", "content_type"},
        {"garbage sent as a PDF", "participant_id={P}", "application/pdf", B("\x01\x02\x03\x04"),
         415, "content_type_mismatch", "content_type"},
        {"HTML declared as such", "participant_id={P}", "text/html", B("<p>hi</p>"), 415,
         "unsupported_media_type", "content_type"},
        {"a GIF", "participant_id={P}", "image/gif", B("GIF89a\x01\x00\x01\x00\x80\x00"), 415,
         "unsupported_media_type", "content_type"},
        {"text in Latin-1", "participant_id={P}", "text/plain; charset=iso-8859-1", B("caf\xe9"),
         415, "unsupported_media_type", "content_type"},
        {"no Content-Type", "participant_id={P}", NULL, B(pdf), 415, "unsupported_media_type",
         NULL},
        {"a form-encoded body", "participant_id={P}", "application/x-www-form-urlencoded", B("a=b"),
         415, "unsupported_media_type", "content_type"},
        {"no participant", "", "application/pdf", B(pdf), 422, "validation_failed",
         "participant_id"},
        {"a participant id that is not a number", "participant_id=abc", "application/pdf", B(pdf),
         422, "validation_failed", "participant_id"},
        {"a participant id given twice", "participant_id={P}&participant_id={P}", "application/pdf",
         B(pdf), 422, "validation_failed", "participant_id"},
        {"an unknown participant", "participant_id=999999999", "application/pdf", B(pdf), 404,
         "not_found", NULL},
        {"an unknown field", "participant_id={P}&colour=red", "application/pdf", B(pdf), 422,
         "validation_failed", "colour"},
        {"an unknown kind of record", "participant_id={P}&attached_entity=spaceship&attached_id=1",
         "application/pdf", B(pdf), 422, "validation_failed", "attached_entity"},
        {"an attached kind without its id", "participant_id={P}&attached_entity=service",
         "application/pdf", B(pdf), 422, "validation_failed", "attached_id"},
        {"an attached id without its kind", "participant_id={P}&attached_id=3", "application/pdf",
         B(pdf), 422, "validation_failed", "attached_entity"},
        {"an attached record that does not exist",
         "participant_id={P}&attached_entity=service&attached_id=999999999", "application/pdf",
         B(pdf), 422, "validation_failed", "attached_id"},
        {"another participant's enrollment", "participant_id={P}&enrollment_id={O}",
         "application/pdf", B(pdf), 422, "validation_failed", "enrollment_id"},
        {"another participant's record attached",
         "participant_id={P}&attached_entity=enrollment&attached_id={O}", "application/pdf", B(pdf),
         422, "validation_failed", "attached_id"},
        {"an empty file", "participant_id={P}", "application/pdf", "", 0, 422, "validation_failed",
         "file"},
        {"a document type of 65 characters",
         "participant_id={P}&document_type="
         "12345678901234567890123456789012345678901234567890123456789012345",
         "application/pdf", B(pdf), 422, "validation_failed", "document_type"},
        {"a file name with a control character", "participant_id={P}&filename=a%01b.pdf",
         "application/pdf", B(pdf), 422, "validation_failed", "filename"},
        {"a file name that is not UTF-8", "participant_id={P}&filename=caf%E9.pdf",
         "application/pdf", B(pdf), 422, "validation_failed", "filename"},
        {"a multipart body without its closing boundary", "", MP_TYPE,
         B(MPB("Content-Disposition: form-data; name=\"participant_id\"\r\n\r\n1\r\n")), 400,
         "malformed_multipart", NULL},
        {"a multipart body without a boundary parameter", "", "multipart/form-data", B("--x--"),
         400, "malformed_multipart", NULL},
        {"a multipart body without a file part", "", MP_TYPE,
         B(MPB("Content-Disposition: form-data; name=\"participant_id\"\r\n\r\n{P}\r\n"
               "--B0undary--")),
         422, "validation_failed", "file"},
        {"a file part without a filename", "", MP_TYPE,
         B(MPB("Content-Disposition: form-data; name=\"participant_id\"\r\n\r\n{P}\r\n"
               "--B0undary\r\nContent-Disposition: form-data; name=\"file\"\r\n"
               "Content-Type: text/plain\r\n\r\nhello\r\n--B0undary--")),
         422, "validation_failed", "file"},
        {"metadata in the query of a multipart upload", "participant_id={P}", MP_TYPE,
         B(MPB("Content-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
               "Content-Type: text/plain\r\n\r\nhello\r\n--B0undary--")),
         422, "validation_failed", "participant_id"},
        {"a PNG in a multipart part typed as PDF", "", MP_TYPE,
         B(MPB("Content-Disposition: form-data; name=\"participant_id\"\r\n\r\n{P}\r\n"
               "--B0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
               "Content-Type: application/pdf\r\n\r\n\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR"
               "\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\r\n"
               "--B0undary--")),
         415, "content_type_mismatch", "content_type"},
};

/* Replaces {P} and {O} in a template (query or body) into out; returns its length. */
static size_t fill(const char *tpl, size_t len, long long pid, long long other, char *out,
                   size_t cap)
{
	size_t k = 0;

	for (size_t i = 0; i < len && k + 24 < cap; i++) {
		if (tpl[i] == '{' && len - i >= 3 && (tpl[i + 1] == 'P' || tpl[i + 1] == 'O') &&
		    tpl[i + 2] == '}') {
			k += (size_t)snprintf(out + k, cap - k, "%lld",
			                      tpl[i + 1] == 'P' ? pid : other);
			i += 2;
		} else {
			out[k++] = tpl[i];
		}
	}
	out[k] = '\0';
	return k;
}

static void bad_uploads_are_refused_with_the_right_status_and_change_nothing(void)
{
	const struct it_session *s = it_statewide();
	long long pid, other_eid = 0, docs, audit;

	pid = participant(s, 1, NULL);
	CU_ASSERT_FATAL(pid > 0 && participant(s, 1, &other_eid) > 0 && other_eid > 0);
	docs = doc_count();
	audit = doc_audit_count();
	for (size_t i = 0; i < IT_LEN(bad_uploads); i++) {
		const struct bad_upload *c = &bad_uploads[i];
		char query[512], body[2048];
		size_t blen;
		struct it_resp r;
		const char *code;
		int has = c->field == NULL;

		fill(c->query, strlen(c->query), pid, other_eid, query, sizeof(query));
		blen = fill(c->body, c->len, pid, other_eid, body, sizeof(body));
		CU_ASSERT_EQUAL_FATAL(upload(s, query, c->ct, body, blen, NULL, &r), 0);
		code = it_json_str(&r, "error.code");
		for (int d = 0; c->field && d < 12; d++) {
			char p[48];
			const char *f;
			snprintf(p, sizeof(p), "error.details.%d.field", d);
			f = it_json_str(&r, p);
			has |= f && !strcmp(f, c->field);
		}
		if (r.status != c->status || !code || strcmp(code, c->code) || !has)
			fprintf(stderr, "\n    %s: %ld %s", c->what, r.status, r.body);
		CU_ASSERT_EQUAL(r.status, c->status);
		CU_ASSERT(code && !strcmp(code, c->code));
		CU_ASSERT(has);
		it_resp_free(&r);
	}
	CU_ASSERT_EQUAL(doc_count(), docs);
	CU_ASSERT_EQUAL(doc_audit_count(), audit);
}

static void unknown_documents_and_bad_list_parameters_are_refused(void)
{
	const struct it_session *s = it_statewide();
	static const struct {
		const char *path;
		long status;
	} cases[] = {
	        {"/api/v1/documents/999999999", 404},
	        {"/api/v1/documents/999999999/content", 404},
	        {"/api/v1/participants/999999999/documents", 404},
	        {"/api/v1/participants/1/documents?attached_entity=bogus&attached_id=1", 400},
	        {"/api/v1/participants/1/documents?attached_entity=service", 400},
	        {"/api/v1/participants/1/documents?enrollment_id=x", 400},
	        {"/api/v1/participants/1/documents?limit=0", 400},
	};

	for (size_t i = 0; i < IT_LEN(cases); i++) {
		struct it_resp r;
		CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", cases[i].path, NULL, NULL, &r), 0);
		if (r.status != cases[i].status)
			fprintf(stderr, "\n    %s: %ld", cases[i].path, r.status);
		CU_ASSERT_EQUAL(r.status, cases[i].status);
		it_resp_free(&r);
	}
}

static void a_document_cannot_be_attached_to_a_locked_case_note_but_to_its_addendum(void)
{
	const struct it_session *s = it_statewide();
	struct it_resp r;
	char path[96], query[160], sql[160];
	long long pid, eid = 0, note, add, docs;

	pid = participant(s, 1, &eid);
	CU_ASSERT_FATAL(pid > 0);
	snprintf(path, sizeof(path), "/api/v1/participants/%lld/case-notes", pid);
	CU_ASSERT_EQUAL_FATAL(
	        it_call(s, "POST", path, NULL,
	                "{\"subject\": \"Deceased\", \"body\": \"Notified by family.\"}", &r),
	        0);
	CU_ASSERT_EQUAL_FATAL(r.status, 201);
	note = it_json_int(&r, "id", 0);
	it_resp_free(&r);

	/* Within 24 hours the document joins the note's documents. */
	snprintf(query, sizeof(query),
	         "participant_id=%lld&attached_entity=case_note&attached_id=%lld", pid, note);
	CU_ASSERT_FATAL(upload_ok(s, query, "application/pdf", pdf, sizeof(pdf) - 1) > 0);
	snprintf(path, sizeof(path), "/api/v1/case-notes/%lld", note);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT(it_json_int(&r, "document_ids.0", 0) > 0);
	it_resp_free(&r);

	snprintf(sql, sizeof(sql),
	         "UPDATE case_notes SET created_at = created_at - INTERVAL 25 HOUR WHERE id = %lld",
	         note);
	CU_ASSERT_EQUAL_FATAL(sql_exec(sql), 0);
	docs = doc_count();
	CU_ASSERT_EQUAL_FATAL(upload(s, query, "application/pdf", pdf, sizeof(pdf) - 1, NULL, &r),
	                      0);
	CU_ASSERT_EQUAL(r.status, 409);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "note_locked");
	it_resp_free(&r);
	CU_ASSERT_EQUAL(doc_count(), docs);

	snprintf(path, sizeof(path), "/api/v1/case-notes/%lld/addenda", note);
	CU_ASSERT_EQUAL_FATAL(
	        it_call(s, "POST", path, NULL, "{\"body\": \"Death certificate received.\"}", &r),
	        0);
	CU_ASSERT_EQUAL_FATAL(r.status, 201);
	add = it_json_int(&r, "id", 0);
	it_resp_free(&r);
	snprintf(query, sizeof(query),
	         "participant_id=%lld&attached_entity=case_note&attached_id=%lld", pid, add);
	CU_ASSERT(upload_ok(s, query, "application/pdf", pdf, sizeof(pdf) - 1) > 0);
	snprintf(path, sizeof(path), "/api/v1/case-notes/%lld", note);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(it_json_int(&r, "addenda.0.id", 0), add);
	CU_ASSERT(it_json_int(&r, "addenda.0.document_ids.0", 0) > 0);
	CU_ASSERT_EQUAL(it_json_int(&r, "document_ids.1", 0), 0);
	it_resp_free(&r);
}

static void a_retried_upload_with_the_same_idempotency_key_stores_one_document(void)
{
	const struct it_session *s = it_statewide();
	char query[64], key[96];
	struct it_resp r;
	long long pid = participant(s, 1, NULL), docs, first;

	CU_ASSERT_FATAL(pid > 0);
	snprintf(query, sizeof(query), "participant_id=%lld", pid);
	snprintf(key, sizeof(key), "Idempotency-Key: doc-%lld-%ld", pid, (long)time(NULL));
	docs = doc_count();
	CU_ASSERT_EQUAL_FATAL(upload(s, query, "text/plain", text, sizeof(text) - 1, key, &r), 0);
	CU_ASSERT_EQUAL(r.status, 201);
	first = it_json_int(&r, "id", 0);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(upload(s, query, "text/plain", text, sizeof(text) - 1, key, &r), 0);
	CU_ASSERT_EQUAL(r.status, 201);
	CU_ASSERT_EQUAL(it_json_int(&r, "id", 0), first);
	it_resp_free(&r);
	/* The same key with another file is a misuse of the key. */
	CU_ASSERT_EQUAL_FATAL(upload(s, query, "application/pdf", pdf, sizeof(pdf) - 1, key, &r),
	                      0);
	CU_ASSERT_EQUAL(r.status, 422);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(doc_count(), docs + 1);
}

/* GETs path as s and returns the status. */
static long status_of(const struct it_session *s, const char *path)
{
	struct it_resp r;
	long st = -1;

	if (it_call(s, "GET", path, NULL, NULL, &r) == 0)
		st = r.status;
	it_resp_free(&r);
	return st;
}

static void a_provider_partner_cannot_reach_another_providers_documents(void)
{
	const struct it_session *s = it_statewide();
	struct it_session lao, ahs;
	struct it_resp r;
	char query[128], path[96];
	long long theirs, shared, ahs_eid, doc, shared_doc, open_doc, docs;

	CU_ASSERT_EQUAL_FATAL(it_sign_in("staff25.lao", IT_DEMO_PASSWORD, NULL, &lao), 201);
	CU_ASSERT_EQUAL_FATAL(it_sign_in("ahs.tprograms", IT_DEMO_PASSWORD, NULL, &ahs), 201);
	/* A participant of Asian Human Services only (location 3). */
	theirs = participant(s, 3, NULL);
	CU_ASSERT_FATAL(theirs > 0);
	snprintf(query, sizeof(query), "participant_id=%lld", theirs);
	doc = upload_ok(&ahs, query, "application/pdf", pdf, sizeof(pdf) - 1);
	CU_ASSERT_FATAL(doc > 0);
	snprintf(path, sizeof(path), "/api/v1/documents/%lld", doc);
	CU_ASSERT_EQUAL(status_of(&lao, path), 404);
	CU_ASSERT_EQUAL(status_of(&ahs, path), 200);
	snprintf(path, sizeof(path), "/api/v1/documents/%lld/content", doc);
	CU_ASSERT_EQUAL(status_of(&lao, path), 404);
	snprintf(path, sizeof(path), "/api/v1/participants/%lld/documents", theirs);
	CU_ASSERT_EQUAL(status_of(&lao, path), 404);
	docs = doc_count();
	CU_ASSERT_EQUAL_FATAL(
	        upload(&lao, query, "application/pdf", pdf, sizeof(pdf) - 1, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 404);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(doc_count(), docs);

	/* Co-enrolled with both: each provider sees the documents of its own
	 * enrollment and of none, never the other's enrollment. */
	shared = participant(s, 1, NULL);
	CU_ASSERT_FATAL(shared > 0);
	ahs_eid = second_enrollment(s, shared, 3);
	CU_ASSERT_FATAL(ahs_eid > 0);
	snprintf(query, sizeof(query), "participant_id=%lld&enrollment_id=%lld", shared, ahs_eid);
	shared_doc = upload_ok(&ahs, query, "application/pdf", pdf, sizeof(pdf) - 1);
	snprintf(query, sizeof(query), "participant_id=%lld", shared);
	open_doc = upload_ok(&ahs, query, "text/plain", text, sizeof(text) - 1);
	CU_ASSERT_FATAL(shared_doc > 0 && open_doc > 0);
	snprintf(path, sizeof(path), "/api/v1/documents/%lld", shared_doc);
	CU_ASSERT_EQUAL(status_of(&lao, path), 404);
	snprintf(path, sizeof(path), "/api/v1/documents/%lld", open_doc);
	CU_ASSERT_EQUAL(status_of(&lao, path), 200);
	snprintf(path, sizeof(path), "/api/v1/participants/%lld/documents", shared);
	CU_ASSERT_EQUAL_FATAL(it_call(&lao, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.id", 0), open_doc);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.1.id", 0), 0);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_call(&ahs, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.0.id", 0), open_doc);
	CU_ASSERT_EQUAL(it_json_int(&r, "items.1.id", 0), shared_doc);
	it_resp_free(&r);
	/* Lao may not file a document under the other provider's enrollment. */
	snprintf(query, sizeof(query), "participant_id=%lld&enrollment_id=%lld", shared, ahs_eid);
	CU_ASSERT_EQUAL_FATAL(
	        upload(&lao, query, "application/pdf", pdf, sizeof(pdf) - 1, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 422);
	it_resp_free(&r);
}

/* A case note on participant pid (extra: more JSON members, such as its
 * visibility) with a PDF filed with it; the document's id, or 0. */
static long long note_with_document(const struct it_session *s, long long pid, const char *extra)
{
	struct it_resp r;
	char path[96], body[256], query[160];
	long long note;

	snprintf(path, sizeof(path), "/api/v1/participants/%lld/case-notes", pid);
	snprintf(body, sizeof(body), "{\"subject\": \"Pay stubs\", \"body\": \"Two received.\"%s}",
	         extra);
	if (it_call(s, "POST", path, NULL, body, &r) != 0)
		return 0;
	note = r.status == 201 ? it_json_int(&r, "id", 0) : 0;
	it_resp_free(&r);
	if (!note)
		return 0;
	snprintf(query, sizeof(query),
	         "participant_id=%lld&attached_entity=case_note&attached_id=%lld", pid, note);
	return upload_ok(s, query, "application/pdf", pdf, sizeof(pdf) - 1);
}

/* Whether document id is among the items of list response r. */
static int listed(const struct it_resp *r, long long id)
{
	char key[32];

	for (int i = 0; i < 200; i++) {
		long long v;
		snprintf(key, sizeof(key), "items.%d.id", i);
		v = it_json_int(r, key, 0);
		if (v == id)
			return 1;
		if (!v)
			return 0;
	}
	return 0;
}

static void a_customer_reads_their_own_documents_and_uploads_nothing(void)
{
	const struct it_session *s = it_statewide();
	struct it_session me;
	struct it_resp r;
	char body[512], login[48], query[64], path[96];
	long long mine, other, doc, other_doc, staff_doc, shared_doc;

	mine = participant(s, 1, NULL);
	other = participant(s, 1, NULL);
	CU_ASSERT_FATAL(mine > 0 && other > 0);
	snprintf(query, sizeof(query), "participant_id=%lld", mine);
	doc = upload_ok(s, query, "application/pdf", pdf, sizeof(pdf) - 1);
	snprintf(query, sizeof(query), "participant_id=%lld", other);
	other_doc = upload_ok(s, query, "application/pdf", pdf, sizeof(pdf) - 1);
	CU_ASSERT_FATAL(doc > 0 && other_doc > 0);
	/* Filed with a note for staff (the default) and with one the
	 * participant may read. */
	staff_doc = note_with_document(s, mine, "");
	shared_doc = note_with_document(s, mine, ", \"visibility\": \"participant\"");
	CU_ASSERT_FATAL(staff_doc > 0 && shared_doc > 0);
	snprintf(login, sizeof(login), "doccust%lld", mine);
	snprintf(body, sizeof(body),
	         "{\"login\": \"%s\", \"display_name\": \"Karen\", \"role\": \"customer\", "
	         "\"participant_id\": %lld, \"password\": \"Customer-Secret-2026\"}",
	         login, mine);
	CU_ASSERT_EQUAL_FATAL(it_call(s, "POST", "/api/v1/users", NULL, body, &r), 0);
	CU_ASSERT_EQUAL_FATAL(r.status, 201);
	it_resp_free(&r);
	CU_ASSERT_EQUAL_FATAL(it_sign_in(login, "Customer-Secret-2026", NULL, &me), 201);
	snprintf(path, sizeof(path), "/api/v1/documents/%lld/content", doc);
	CU_ASSERT_EQUAL(status_of(&me, path), 200);
	snprintf(path, sizeof(path), "/api/v1/participants/%lld/documents", mine);
	CU_ASSERT_EQUAL_FATAL(it_call(&me, "GET", path, NULL, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 200);
	CU_ASSERT(listed(&r, doc));
	CU_ASSERT(listed(&r, shared_doc));
	CU_ASSERT(!listed(&r, staff_doc));
	it_resp_free(&r);
	snprintf(path, sizeof(path), "/api/v1/documents/%lld", shared_doc);
	CU_ASSERT_EQUAL(status_of(&me, path), 200);
	snprintf(path, sizeof(path), "/api/v1/documents/%lld", staff_doc);
	CU_ASSERT_EQUAL(status_of(&me, path), 404);
	snprintf(path, sizeof(path), "/api/v1/documents/%lld/content", staff_doc);
	CU_ASSERT_EQUAL(status_of(&me, path), 404);
	/* Staff still see it. */
	CU_ASSERT_EQUAL(status_of(s, path), 200);
	snprintf(path, sizeof(path), "/api/v1/documents/%lld", other_doc);
	CU_ASSERT_EQUAL(status_of(&me, path), 404);
	snprintf(path, sizeof(path), "/api/v1/participants/%lld/documents", other);
	CU_ASSERT_EQUAL(status_of(&me, path), 404);
	snprintf(query, sizeof(query), "participant_id=%lld", mine);
	CU_ASSERT_EQUAL_FATAL(upload(&me, query, "application/pdf", pdf, sizeof(pdf) - 1, NULL, &r),
	                      0);
	CU_ASSERT_EQUAL(r.status, 403);
	it_resp_free(&r);
}

/* Sets "document_max_bytes = value" in the workers' config and restarts
 * them. Returns 0 on success. */
static int restart_with_document_max(const char *value)
{
	const char *conf = it_env("PATHWAY_TEST_CONF");
	FILE *f = fopen(conf, "r");
	char *conf_text = NULL, *line, *out;
	size_t cap = 0, len, k = 0;
	int found = 0;

	if (!f)
		return -1;
	len = 0;
	for (;;) {
		char chunk[4096];
		size_t got = fread(chunk, 1, sizeof(chunk), f);
		if (!got)
			break;
		if (len + got + 1 > cap) {
			cap = 2 * (len + got + 1);
			conf_text = realloc(conf_text, cap);
			if (!conf_text)
				abort();
		}
		memcpy(conf_text + len, chunk, got);
		len += got;
	}
	fclose(f);
	if (!conf_text)
		return -1;
	conf_text[len] = '\0';
	out = malloc(len + 128);
	if (!out)
		abort();
	for (line = strtok(conf_text, "\n"); line; line = strtok(NULL, "\n")) {
		if (!strncmp(line, "document_max_bytes", 18)) {
			k += (size_t)sprintf(out + k, "document_max_bytes = %s\n", value);
			found = 1;
		} else {
			k += (size_t)sprintf(out + k, "%s\n", line);
		}
	}
	free(conf_text);
	f = found ? fopen(conf, "w") : NULL;
	if (!f || fwrite(out, 1, k, f) != k) {
		if (f)
			fclose(f);
		free(out);
		return -1;
	}
	fclose(f);
	free(out);
	if (it_ctl("worker-stop", NULL, 0) != 0 || it_ctl("worker-start", NULL, 0) != 0)
		return -1;
	return it_wait_health(200, 30);
}

static void an_upload_larger_than_document_max_bytes_is_refused_with_413(void)
{
	const struct it_session *s = it_statewide();
	size_t cap = 64 * 1024, big = 10 * 1024 * 1024 + 1;
	char *buf = malloc(big);
	char query[64];
	struct it_resp r;
	long long pid = participant(s, 1, NULL), docs;

	CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
	CU_ASSERT_FATAL(pid > 0);
	memset(buf, 'a', big);
	snprintf(query, sizeof(query), "participant_id=%lld", pid);
	docs = doc_count();
	/* Past the request body limit: refused before it is read. */
	CU_ASSERT_EQUAL_FATAL(upload(s, query, "text/plain", buf, big, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 413);
	it_resp_free(&r);

	/* With a 64 KiB document cap, one byte more is 413 document_too_large
	 * and exactly the cap is taken. */
	CU_ASSERT_EQUAL_FATAL(restart_with_document_max("64k"), 0);
	CU_ASSERT_EQUAL_FATAL(upload(s, query, "text/plain", buf, cap + 1, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 413);
	CU_ASSERT_STRING_EQUAL(it_json_str(&r, "error.code"), "document_too_large");
	it_resp_free(&r);
	CU_ASSERT_EQUAL(doc_count(), docs);
	CU_ASSERT_EQUAL_FATAL(upload(s, query, "text/plain", buf, cap, NULL, &r), 0);
	CU_ASSERT_EQUAL(r.status, 201);
	CU_ASSERT_EQUAL(it_json_int(&r, "size_bytes", 0), (long long)cap);
	it_resp_free(&r);
	CU_ASSERT_EQUAL(doc_count(), docs + 1);
	CU_ASSERT_EQUAL(restart_with_document_max("10m"), 0);
	free(buf);
}

static const struct it_test tests[] = {
        {"a PDF uploaded raw is stored with its hash and read back with exact headers",
         a_pdf_uploaded_raw_is_stored_with_its_hash_and_read_back},
        {"every accepted kind is taken and stored with its canonical type",
         every_accepted_kind_is_taken_and_stored_with_its_canonical_type},
        {"a multipart upload keeps a UTF-8 name safely and attaches to its record",
         a_multipart_upload_keeps_a_utf8_name_safely_and_attaches_to_its_record},
        {"bad uploads are refused with the right status and change nothing",
         bad_uploads_are_refused_with_the_right_status_and_change_nothing},
        {"unknown documents and bad list parameters are refused",
         unknown_documents_and_bad_list_parameters_are_refused},
        {"a document cannot be attached to a locked case note but to its addendum",
         a_document_cannot_be_attached_to_a_locked_case_note_but_to_its_addendum},
        {"a retried upload with the same Idempotency-Key stores one document",
         a_retried_upload_with_the_same_idempotency_key_stores_one_document},
        {"a provider partner cannot reach another provider's documents",
         a_provider_partner_cannot_reach_another_providers_documents},
        {"a customer reads their own documents, not those filed with a staff-only note, and uploads nothing",
         a_customer_reads_their_own_documents_and_uploads_nothing},
        {"an upload larger than document_max_bytes is refused with 413",
         an_upload_larger_than_document_max_bytes_is_refused_with_413},
};

const struct it_suite it_suite_documents = {"documents", tests, IT_LEN(tests)};
