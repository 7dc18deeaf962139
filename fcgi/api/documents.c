/*
 * api/documents.c: uploaded verification documents (issue 4, "Documents").
 *
 *   POST /api/v1/documents                    upload: the file as the raw
 *                                             body with its Content-Type and
 *                                             the metadata in the query, or
 *                                             multipart/form-data with a
 *                                             "file" part and form fields
 *   GET  /api/v1/documents/{id}               metadata (never the bytes)
 *   GET  /api/v1/documents/{id}/content       the bytes, as an attachment
 *   GET  /api/v1/participants/{id}/documents  a participant's documents
 *
 * A document is accepted only when its content is a PDF, PNG, JPEG, TIFF,
 * DOCX or plain UTF-8 text and agrees with the type it was sent as (the
 * header is a claim; rules/filetype.c reads the bytes). It is stored in
 * the database with its SHA-256 and size, up to [server]
 * document_max_bytes. It belongs to a participant, optionally to one of
 * their enrollments, and may be attached to the record it verifies (a
 * participant, enrollment, service or case note; store/document.c holds the
 * table later record kinds join). Attaching to a case note also lists the
 * document among the note's documents, which a locked note refuses (409).
 *
 * Documents are permanent: there is no PATCH or DELETE. They are evidence
 * behind outcomes and exits (R-EXIT-4's verifying document), and the audit
 * trail must be able to show what a decision rested on; a wrong upload is
 * superseded by a new one, not erased. Downloads carry
 * Content-Disposition: attachment and X-Content-Type-Options: nosniff so
 * that no browser renders an uploaded file as a page of this site.
 */
#include "api/api.h"

#include "api/common.h"
#include "auth.h"
#include "config.h"
#include "db.h"
#include "gate.h"
#include "json_io.h"
#include "multipart.h"
#include "pw.h"
#include "rules/filetype.h"
#include "store/audit.h"
#include "store/case_note.h"
#include "store/document.h"
#include "store/scope.h"
#include "store/session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ID_MAX             (1LL << 53)
#define DOCUMENT_TYPE_MAX  64
#define FILENAME_MAX_CHARS 255
#define FIELD_MAX_BYTES    1024 /* a multipart form field other than the file */

static const struct api_col doc_cols[PW_DOCUMENT_NCOLS] = {
        {"id", API_INT},
        {"participant_id", API_INT},
        {"enrollment_id", API_INT},
        {"attached_entity", API_STR},
        {"attached_id", API_INT},
        {"document_type", API_STR},
        {"filename", API_STR},
        {"content_type", API_STR},
        {"size_bytes", API_INT},
        {"sha256", API_STR},
        {"uploaded_by", API_INT},
        {"created_at", API_STR},
        {"version", API_INT},
};

/* The metadata an upload may carry, by index into meta[]. */
enum meta_field {
	MF_PARTICIPANT,
	MF_ENROLLMENT,
	MF_ENTITY,
	MF_ATTACHED,
	MF_TYPE,
	MF_FILENAME,
	MF_N
};
static const char *const meta_names[MF_N] = {
        "participant_id", "enrollment_id", "attached_entity",
        "attached_id",    "document_type", "filename",
};

/* What an upload request says, whichever form it came in. */
struct upload {
	const char *meta[MF_N]; /* NUL-terminated values, NULL when absent */
	const char *data;       /* the file's bytes (borrowed from the body) */
	size_t len;
	const char *declared; /* the Content-Type the file was sent with */
	const char *filename; /* as sent; NULL when none */
	int has_file;
};

/* Validated metadata. */
struct doc_meta {
	long long participant_id, enrollment_id, attached_id;
	const char *entity;
	const char *document_type;
	const char *filename;
};

/* R-ACL-1: a document under an enrollment is in that enrollment's scope,
 * otherwise in its participant's. 0, or -1 with the response set. */
static int authorize(struct pw_ctx *ctx, long long participant_id, long long enrollment_id,
                     int action)
{
	if (enrollment_id)
		return api_authorize_enrollment(ctx, enrollment_id, action, NULL);
	return api_authorize_participant(ctx, participant_id, action);
}

/* authorize() for reading document id, and for a participant's own account
 * also the document's own visibility (store/document.c: not one filed with
 * a staff-only case note): 404 when hidden, as for anything out of scope. */
static int authorize_read(struct pw_ctx *ctx, long long id, long long participant_id,
                          long long enrollment_id)
{
	struct pw_scope_filter scope;
	int found = 0, rc;

	if (authorize(ctx, participant_id, enrollment_id, PW_ACL_READ))
		return -1;
	if (!ctx->session->principal.participant_id)
		return 0;
	pw_scope_filter_of(&ctx->session->principal, &scope);
	rc = pw_document_reachable(ctx->db, id, participant_id, &scope, &found);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return -1;
	}
	if (!found) {
		api_not_found(ctx);
		return -1;
	}
	return 0;
}

/* A positive decimal id without sign or leading zero; 0 when s is not one. */
static long long parse_id(const char *s)
{
	char *end;
	long long v;

	if (!s || s[0] < '1' || s[0] > '9')
		return 0;
	v = strtoll(s, &end, 10);
	return *end || v < 1 || v > ID_MAX ? 0 : v;
}

/* Valid UTF-8 on one line (no control characters at all). */
static int one_line(const char *s)
{
	size_t n = strlen(s);

	if (!pw_filetype_is_text((const unsigned char *)s, n))
		return 0;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20)
			return 0;
	return 1;
}

static int meta_index(const char *name)
{
	for (int i = 0; i < MF_N; i++)
		if (!strcmp(name, meta_names[i]))
			return i;
	return -1;
}

/* Records one metadata value; a repeated or unknown name is a problem. */
static void put_meta(struct upload *u, const char *name, const char *value, int allow_filename,
                     json_object *details)
{
	int i = meta_index(name);

	if (i < 0 || (i == MF_FILENAME && !allow_filename)) {
		pw_details_add(details, name,
		               i < 0 ? "is not a field of a document upload"
		                     : "comes from the file part's filename in a multipart upload",
		               NULL);
		return;
	}
	if (u->meta[i]) {
		pw_details_add(details, name, "is given twice", NULL);
		return;
	}
	u->meta[i] = value;
}

/*
 * Reads a multipart/form-data upload into u. 0, or -1 with the response
 * set (400 malformed, 413 too many parts or headers). Field problems go
 * to details.
 */
static int read_multipart(struct pw_ctx *ctx, struct upload *u, json_object *details)
{
	struct pw_multipart mp;
	const char *why = NULL;
	int rc = pw_multipart_parse(ctx->req->content_type, ctx->req->body.data, ctx->req->body.len,
	                            ctx->arena, &mp, &why);

	if (rc == PW_ERR_TOO_LARGE) {
		pw_response_error(ctx->res, 413, "body_too_large", why, NULL);
		return -1;
	}
	if (rc == PW_ERR_INVALID) {
		pw_response_error(ctx->res, 400, "malformed_multipart", why, NULL);
		return -1;
	}
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return -1;
	}
	for (size_t i = 0; i < ctx->req->nquery; i++)
		pw_details_add(details, ctx->req->query_kv[i].key,
		               "belongs in a form field of the multipart body", NULL);
	for (size_t i = 0; i < mp.nparts; i++) {
		const struct pw_multipart_part *p = &mp.parts[i];
		char *v;

		if (!strcmp(p->name, "file")) {
			if (u->has_file) {
				pw_details_add(details, "file", "is given twice", NULL);
				continue;
			}
			u->has_file = 1;
			u->data = p->data;
			u->len = p->len;
			u->declared = p->content_type;
			u->filename = p->filename;
			if (!p->filename)
				pw_details_add(details, "file",
				               "must be a file part (with a filename)", NULL);
			continue;
		}
		if (p->filename || p->len > FIELD_MAX_BYTES || memchr(p->data, '\0', p->len)) {
			pw_details_add(details, p->name, "must be a short text form field", NULL);
			continue;
		}
		v = pw_arena_strndup(ctx->arena, p->data, p->len);
		if (!v) {
			pw_response_error_rc(ctx->res, PW_ERR_NOMEM);
			return -1;
		}
		put_meta(u, p->name, v, 0, details);
	}
	if (!u->has_file)
		pw_details_add(details, "file", "is required: a part named file with the document",
		               NULL);
	return 0;
}

/* Reads a raw upload: the body is the file, the query the metadata. */
static void read_raw(struct pw_ctx *ctx, struct upload *u, json_object *details)
{
	for (size_t i = 0; i < ctx->req->nquery; i++)
		put_meta(u, ctx->req->query_kv[i].key, ctx->req->query_kv[i].value, 1, details);
	u->has_file = 1;
	u->data = ctx->req->body.data;
	u->len = ctx->req->body.len;
	u->declared = ctx->req->content_type;
	u->filename = u->meta[MF_FILENAME];
}

/*
 * The stored file name: the last path segment of what was sent, trimmed;
 * "document" and the type's extension when nothing is left. NULL (and a
 * detail) when it is not one line of UTF-8 or is too long.
 */
static const char *clean_filename(struct pw_ctx *ctx, const char *sent, enum pw_filetype t,
                                  json_object *details)
{
	const char *s = sent ? sent : "", *p;
	size_t n;
	char *out;

	for (p = s; *p; p++)
		if (*p == '/' || *p == '\\')
			s = p + 1;
	while (*s == ' ')
		s++;
	n = strlen(s);
	while (n && s[n - 1] == ' ')
		n--;
	if (n == 0 || (n == 1 && s[0] == '.') || (n == 2 && s[0] == '.' && s[1] == '.')) {
		size_t need = strlen("document") + strlen(pw_filetype_extension(t)) + 1;
		out = pw_arena_alloc(ctx->arena, need);
		if (out)
			snprintf(out, need, "document%s", pw_filetype_extension(t));
		return out;
	}
	out = pw_arena_strndup(ctx->arena, s, n);
	if (!out)
		return NULL;
	if (!one_line(out)) {
		pw_details_add(details, "filename", "must be UTF-8 without control characters",
		               NULL);
		return NULL;
	}
	if (pw_utf8_chars(out, n) > FILENAME_MAX_CHARS) {
		pw_details_add(details, "filename", "must be at most 255 characters", NULL);
		return NULL;
	}
	return out;
}

/* Checks the metadata's syntax into m; problems go to details. */
static void check_meta(struct pw_ctx *ctx, const struct upload *u, enum pw_filetype t,
                       struct doc_meta *m, json_object *details)
{
	const char *const *v = u->meta;

	memset(m, 0, sizeof(*m));
	if (!v[MF_PARTICIPANT])
		pw_details_add(details, "participant_id", "is required", NULL);
	else if (!(m->participant_id = parse_id(v[MF_PARTICIPANT])))
		pw_details_add(details, "participant_id", "must be a participant id", NULL);
	if (v[MF_ENROLLMENT] && !(m->enrollment_id = parse_id(v[MF_ENROLLMENT])))
		pw_details_add(details, "enrollment_id", "must be an enrollment id", NULL);
	if (v[MF_ENTITY] && !pw_document_entity_known(v[MF_ENTITY])) {
		struct pw_buf b;
		pw_buf_init(&b, 512);
		pw_buf_appends(&b, "must be one of:");
		for (size_t i = 0; pw_document_entity_name(i); i++)
			pw_buf_printf(&b, "%s %s", i ? "," : "", pw_document_entity_name(i));
		pw_details_add(details, "attached_entity", b.data ? b.data : "is unknown", NULL);
		pw_buf_free(&b);
	} else if (v[MF_ENTITY]) {
		m->entity = v[MF_ENTITY];
	}
	if (v[MF_ATTACHED] && !(m->attached_id = parse_id(v[MF_ATTACHED])))
		pw_details_add(details, "attached_id", "must be a record id", NULL);
	if (v[MF_ENTITY] && !v[MF_ATTACHED])
		pw_details_add(details, "attached_id", "is required with attached_entity", NULL);
	if (v[MF_ATTACHED] && !v[MF_ENTITY])
		pw_details_add(details, "attached_entity", "is required with attached_id", NULL);
	if (v[MF_TYPE] && *v[MF_TYPE]) {
		if (!one_line(v[MF_TYPE]) ||
		    pw_utf8_chars(v[MF_TYPE], strlen(v[MF_TYPE])) > DOCUMENT_TYPE_MAX)
			pw_details_add(details, "document_type",
			               "must be one line of at most 64 characters", NULL);
		else
			m->document_type = v[MF_TYPE];
	}
	m->filename = clean_filename(ctx, u->filename, t, details);
}

/* 409: documents join a case note only within its 24 hours. */
static void note_locked(struct pw_ctx *ctx)
{
	pw_response_error(ctx->res, 409, "note_locked",
	                  "The case note is more than 24 hours old; attach the document to an "
	                  "addendum of it instead.",
	                  NULL);
}

/*
 * The enrollment, if any, belongs to the participant and is within the
 * caller's write reach; the attached record exists, is the participant's,
 * agrees with the enrollment (which it supplies when none was given) and,
 * for a case note, is not locked (409, answered here). Returns 0 (problems
 * in details), or -1 with the response set.
 */
static int check_links(struct pw_ctx *ctx, struct doc_meta *m, json_object *details)
{
	struct pw_document_target t;
	int rc;

	if (m->entity) {
		rc = pw_document_target_get(ctx->db, m->entity, m->attached_id, &t);
		if (rc != PW_OK && rc != PW_ERR_NOT_FOUND) {
			pw_response_error_rc(ctx->res, rc);
			return -1;
		}
		if (rc == PW_ERR_NOT_FOUND || t.participant_id != m->participant_id) {
			pw_details_add(details, "attached_id",
			               "is not a record of this participant", NULL);
		} else if (m->enrollment_id && t.enrollment_id &&
		           m->enrollment_id != t.enrollment_id) {
			pw_details_add(details, "enrollment_id",
			               "is not the enrollment of the attached record", NULL);
		} else {
			if (t.enrollment_id)
				m->enrollment_id = t.enrollment_id;
			if (t.locked) {
				note_locked(ctx);
				return -1;
			}
		}
	}
	if (m->enrollment_id) {
		struct pw_acl_scope es;
		long long owner = 0;
		rc = pw_scope_enrollment(ctx->db, ctx->arena, m->enrollment_id, &es, &owner);
		if (rc != PW_OK && rc != PW_ERR_NOT_FOUND) {
			pw_response_error_rc(ctx->res, rc);
			return -1;
		}
		if (rc == PW_ERR_NOT_FOUND || owner != m->participant_id ||
		    !pw_acl_allows(&ctx->session->principal, PW_ACL_WRITE, &es))
			pw_details_add(details, "enrollment_id",
			               "is not an enrollment of this participant within your reach",
			               "R-ACL-1");
	}
	return 0;
}

/*
 * The declared type must name an accepted kind (415 unsupported_media_type)
 * and the content must be that kind (415 content_type_mismatch). Returns
 * the kind, or PW_FILETYPE_UNKNOWN with the response set.
 */
static enum pw_filetype check_type(struct pw_ctx *ctx, const struct upload *u)
{
	enum pw_filetype want = pw_filetype_from_mime(u->declared);
	enum pw_filetype got = pw_filetype_detect((const unsigned char *)u->data, u->len);
	json_object *details;
	char msg[256];

	if (want == PW_FILETYPE_UNKNOWN) {
		snprintf(msg, sizeof(msg),
		         "Send the file as application/pdf, image/png, image/jpeg, image/tiff, %s "
		         "or text/plain (UTF-8); %.60s is not accepted.",
		         pw_filetype_mime(PW_FILETYPE_DOCX),
		         u->declared ? u->declared : "a file without a Content-Type");
		details = pw_details_new();
		pw_details_add(details, "content_type", "is not an accepted document type", NULL);
		pw_response_error(ctx->res, 415, "unsupported_media_type", msg, details);
		return PW_FILETYPE_UNKNOWN;
	}
	if (got != want) {
		snprintf(msg, sizeof(msg), "The file was sent as %s but its content is %s.",
		         pw_filetype_label(want), pw_filetype_label(got));
		details = pw_details_new();
		pw_details_add(details, "content_type", "does not match the file's content", NULL);
		pw_response_error(ctx->res, 415, "content_type_mismatch", msg, details);
		return PW_FILETYPE_UNKNOWN;
	}
	return got;
}

/* Loads document id's metadata as a new object the caller puts, and its
 * version; NULL with the response set (404 or an error). */
static json_object *load(struct pw_ctx *ctx, long long id, long long *version)
{
	struct pw_db_rows *rows = NULL;
	json_object *o = NULL;
	int rc = pw_document_get(ctx->db, id, &rows);

	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return NULL;
	}
	if (rows->nrows == 1) {
		o = api_row_json(rows, 0, doc_cols, PW_DOCUMENT_NCOLS);
		*version = pw_db_cell_int(rows, 0, PW_DOCUMENT_COL_VERSION, 0);
	} else {
		api_not_found(ctx);
	}
	pw_db_rows_free(rows);
	return o;
}

/* Inserts the document (and its case note link) with its audit row in one
 * transaction; *after gets the new metadata (the caller puts it). */
static int store(struct pw_ctx *ctx, const struct doc_meta *m, const struct upload *u,
                 enum pw_filetype t, long long *id, long long *version, json_object **after)
{
	struct pw_document_new d;
	struct pw_actor who;
	unsigned char digest[PW_HASH_LEN];
	int rc;

	pw_auth_sha256(u->data, u->len, digest);
	memset(&d, 0, sizeof(d));
	d.participant_id = m->participant_id;
	d.enrollment_id = m->enrollment_id;
	d.attached_entity = m->entity;
	d.attached_id = m->attached_id;
	d.document_type = m->document_type;
	d.filename = m->filename;
	d.content_type = pw_filetype_mime(t);
	d.content = u->data;
	d.size = u->len;
	d.sha256 = digest;
	d.uploaded_by = ctx->session->principal.user_id;
	pw_gate_actor(ctx, &who);
	rc = pw_db_begin(ctx->db);
	if (rc == PW_OK)
		rc = pw_document_create(ctx->db, &d, id);
	if (rc == PW_OK && m->entity && !strcmp(m->entity, "case_note"))
		rc = pw_case_note_attach_document(ctx->db, m->attached_id, *id);
	if (rc == PW_OK && !(*after = load(ctx, *id, version)))
		rc = PW_ERR_DB;
	/* The audit row holds the metadata only, never the content. */
	if (rc == PW_OK)
		rc = pw_audit_write(ctx->db, &who, "document", *id, "create", NULL,
		                    api_json_text(ctx, *after), NULL);
	return api_finish(ctx, rc);
}

void api_documents_create(struct pw_ctx *ctx)
{
	struct upload u;
	struct doc_meta m;
	enum pw_filetype t;
	json_object *details = NULL, *after = NULL;
	long long id = 0, version = 0;
	char path[64];
	int rc;

	if (ctx->session->principal.role == PW_ROLE_CUSTOMER) {
		api_forbidden(ctx);
		return;
	}
	if (!ctx->req->content_type || !*ctx->req->content_type) {
		pw_response_error(ctx->res, 415, "unsupported_media_type",
		                  "Send the file as the body with its Content-Type, or as "
		                  "multipart/form-data with a part named file.",
		                  NULL);
		return;
	}
	memset(&u, 0, sizeof(u));
	details = pw_details_new();
	if (pw_multipart_is_form_data(ctx->req->content_type)) {
		if (read_multipart(ctx, &u, details))
			goto out;
	} else {
		read_raw(ctx, &u, details);
	}
	check_meta(ctx, &u, pw_filetype_from_mime(u.declared), &m, details);
	if (json_object_array_length(details)) {
		api_invalid(ctx, "Some fields need attention.", details);
		details = NULL;
		goto out;
	}
	if (u.len == 0) {
		pw_details_add(details, "file", "is empty", NULL);
		api_invalid(ctx, "The document has no content.", details);
		details = NULL;
		goto out;
	}
	if (u.len > ctx->cfg->document_max_bytes) {
		char msg[128];
		snprintf(msg, sizeof(msg), "A document may be at most %zu bytes; this one has %zu.",
		         ctx->cfg->document_max_bytes, u.len);
		pw_response_error(ctx->res, 413, "document_too_large", msg, NULL);
		goto out;
	}
	t = check_type(ctx, &u);
	if (t == PW_FILETYPE_UNKNOWN)
		goto out;
	if (api_authorize_participant(ctx, m.participant_id, PW_ACL_WRITE) ||
	    check_links(ctx, &m, details))
		goto out;
	if (json_object_array_length(details)) {
		api_invalid(ctx, "Some fields need attention.", details);
		details = NULL;
		goto out;
	}
	rc = store(ctx, &m, &u, t, &id, &version, &after);
	if (rc == PW_ERR_CONFLICT) {
		/* The note's 24 hours ran out since check_links looked. */
		pw_response_reset(ctx->res);
		note_locked(ctx);
		goto out;
	}
	if (rc != PW_OK) {
		pw_response_reset(ctx->res);
		pw_response_error_rc(ctx->res, rc);
		goto out;
	}
	api_etag(ctx, version);
	snprintf(path, sizeof(path), "/api/v1/documents/%lld", id);
	pw_response_header(ctx->res, "Location", "%s", path);
	pw_response_json(ctx->res, 201, after);
	after = NULL;
out:
	json_object_put(details);
	json_object_put(after);
}

void api_documents_get(struct pw_ctx *ctx)
{
	long long version = 0;
	json_object *o = load(ctx, ctx->ids[0], &version), *v = NULL;
	long long pid, eid;

	if (!o)
		return;
	pid = json_object_object_get_ex(o, "participant_id", &v) ? json_object_get_int64(v) : 0;
	v = NULL;
	eid = json_object_object_get_ex(o, "enrollment_id", &v) && v ? json_object_get_int64(v) : 0;
	if (authorize_read(ctx, ctx->ids[0], pid, eid)) {
		json_object_put(o);
		return;
	}
	api_etag(ctx, version);
	pw_response_json(ctx->res, 200, o);
}

/* RFC 5987 attr-char: sent as is in filename*; everything else %XX. */
static int attr_char(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c && strchr("!#$&+-.^_`|~", c));
}

/*
 * Content-Disposition: attachment; filename="ascii"; filename*=UTF-8''...
 * The quoted fallback keeps printable ASCII except '"', '\' and '%' and
 * puts one '_' for each other character; filename* carries the real name
 * (RFC 6266, RFC 5987).
 */
static int disposition(struct pw_ctx *ctx, const char *name)
{
	static const char hex[] = "0123456789ABCDEF";
	struct pw_buf b;
	int rc;

	pw_buf_init(&b, 4 * 1024 + 3 * 4 * FILENAME_MAX_CHARS);
	rc = pw_buf_appends(&b, "attachment; filename=\"");
	for (const unsigned char *p = (const unsigned char *)name; rc == PW_OK && *p; p++) {
		if ((*p & 0xc0) == 0x80)
			continue; /* a continuation byte: its character has its '_' */
		if (*p < 0x20 || *p >= 0x7f || *p == '"' || *p == '\\' || *p == '%')
			rc = pw_buf_append(&b, "_", 1);
		else
			rc = pw_buf_append(&b, p, 1);
	}
	if (rc == PW_OK)
		rc = pw_buf_appends(&b, "\"; filename*=UTF-8''");
	for (const unsigned char *p = (const unsigned char *)name; rc == PW_OK && *p; p++) {
		char enc[3] = {'%', hex[*p >> 4], hex[*p & 15]};
		rc = attr_char(*p) ? pw_buf_append(&b, p, 1) : pw_buf_append(&b, enc, 3);
	}
	if (rc == PW_OK)
		rc = pw_response_header(ctx->res, "Content-Disposition", "%s", b.data);
	pw_buf_free(&b);
	return rc;
}

void api_documents_content(struct pw_ctx *ctx)
{
	struct pw_db_rows *rows = NULL;
	const char *filename;
	int rc = pw_document_content(ctx->db, ctx->ids[0], &rows);

	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	if (rows->nrows != 1) {
		api_not_found(ctx);
		goto out;
	}
	if (authorize_read(ctx, ctx->ids[0], pw_db_cell_int(rows, 0, 3, 0),
	                   pw_db_cell_int(rows, 0, 4, 0)))
		goto out;
	filename = pw_db_cell(rows, 0, 1);
	rc = pw_buf_append(&ctx->res->body, pw_db_cell(rows, 0, 2), rows->lens[2]);
	if (rc == PW_OK)
		rc = disposition(ctx, filename ? filename : "document");
	if (rc == PW_OK)
		rc = pw_response_header(ctx->res, "X-Content-Type-Options", "nosniff");
	if (rc == PW_OK)
		rc = pw_response_header(ctx->res, "Cache-Control", "private, no-store");
	if (rc != PW_OK) {
		pw_response_reset(ctx->res);
		pw_response_error_rc(ctx->res, rc);
		goto out;
	}
	/* The stored type was set from the content at upload; the canonical
	 * static string of its kind is what goes out. */
	ctx->res->content_type = pw_filetype_mime(pw_filetype_from_mime(pw_db_cell(rows, 0, 0)));
	ctx->res->status = 200;
out:
	pw_db_rows_free(rows);
}

/* Reads the list filters; -1 with a 400 on a bad value. */
static int list_filters(struct pw_ctx *ctx, struct pw_document_filter *f)
{
	const char *enr = pw_request_query(ctx->req, "enrollment_id");
	const char *ent = pw_request_query(ctx->req, "attached_entity");
	const char *att = pw_request_query(ctx->req, "attached_id");
	json_object *details = pw_details_new();

	memset(f, 0, sizeof(*f));
	if (enr && !(f->enrollment_id = parse_id(enr)))
		pw_details_add(details, "enrollment_id", "must be an enrollment id", NULL);
	if (ent && !pw_document_entity_known(ent))
		pw_details_add(details, "attached_entity", "is not a kind of record", NULL);
	else
		f->attached_entity = ent;
	if (att && !(f->attached_id = parse_id(att)))
		pw_details_add(details, "attached_id", "must be a record id", NULL);
	if (!ent != !att)
		pw_details_add(details, ent ? "attached_id" : "attached_entity",
		               "attached_entity and attached_id go together", NULL);
	if (json_object_array_length(details)) {
		pw_response_error(ctx->res, 400, "bad_query", "The list parameters are wrong.",
		                  details);
		return -1;
	}
	json_object_put(details);
	return 0;
}

void api_documents_list(struct pw_ctx *ctx)
{
	long long pid = ctx->ids[0], after = 0, last = 0;
	struct pw_document_filter f;
	struct pw_scope_filter scope;
	struct pw_db_rows *rows = NULL;
	json_object *items;
	int limit, rc;

	if (list_filters(ctx, &f) || api_page_params(ctx, &limit, &after) ||
	    api_authorize_participant(ctx, pid, PW_ACL_READ))
		return;
	pw_scope_filter_of(&ctx->session->principal, &scope);
	rc = pw_document_list(ctx->db, pid, &scope, &f, after, limit, &rows);
	if (rc != PW_OK) {
		pw_response_error_rc(ctx->res, rc);
		return;
	}
	items = json_object_new_array();
	for (size_t r = 0; r < rows->nrows; r++) {
		json_object_array_add(items, api_row_json(rows, r, doc_cols, PW_DOCUMENT_NCOLS));
		last = pw_db_cell_int(rows, r, 0, 0);
	}
	pw_db_rows_free(rows);
	api_page_answer(ctx, items, limit, last);
}
