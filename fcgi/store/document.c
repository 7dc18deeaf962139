/*
 * store/document.c: SQL of documents and their attachment targets (see
 * document.h).
 */
#include "store/document.h"

#include "db.h"
#include "pw.h"

#include <string.h>

#define META_COLUMNS                                                                               \
	"d.id, d.participant_id, d.enrollment_id, d.attached_entity, d.attached_id, "              \
	"d.document_type, d.filename, d.content_type, d.size_bytes, LOWER(HEX(d.sha256)), "        \
	"d.uploaded_by, DATE_FORMAT(d.created_at, '%Y-%m-%dT%H:%i:%sZ'), d.version"

int pw_document_create(struct pw_db *db, const struct pw_document_new *d, long long *id)
{
	static const char sql[] =
	        "INSERT INTO documents (participant_id, enrollment_id, attached_entity, "
	        "attached_id, document_type, filename, content_type, size_bytes, sha256, content, "
	        "uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	struct pw_db_param p[] = {
	        PW_P_INT(d->participant_id),
	        d->enrollment_id ? PW_P_INT(d->enrollment_id) : PW_P_NULL,
	        PW_P_TEXT(d->attached_entity),
	        d->attached_id ? PW_P_INT(d->attached_id) : PW_P_NULL,
	        PW_P_TEXT(d->document_type),
	        PW_P_TEXT(d->filename),
	        PW_P_TEXT(d->content_type),
	        PW_P_INT((long long)d->size),
	        PW_P_BLOB((const char *)d->sha256, 32),
	        PW_P_BLOB((const char *)d->content, d->size),
	        d->uploaded_by ? PW_P_INT(d->uploaded_by) : PW_P_NULL,
	};
	return pw_db_insert(db, sql, p, PW_ARRAY_LEN(p), id);
}

int pw_document_get(struct pw_db *db, long long id, struct pw_db_rows **out)
{
	static const char sql[] = "SELECT " META_COLUMNS " FROM documents d WHERE d.id = ?";
	struct pw_db_param p[] = {PW_P_INT(id)};

	return pw_db_query(db, sql, p, 1, out);
}

int pw_document_content(struct pw_db *db, long long id, struct pw_db_rows **out)
{
	static const char sql[] = "SELECT content_type, filename, content, participant_id, "
	                          "enrollment_id FROM documents WHERE id = ?";
	struct pw_db_param p[] = {PW_P_INT(id)};

	return pw_db_query(db, sql, p, 1, out);
}

/*
 * What a participant's own account may see (R-ACL-1, customers): their
 * documents, except those filed with a case note kept for staff
 * (visibility 'staff'); such a note is hidden from them, and so is what
 * was filed with it. Takes one parameter, the caller's participant id
 * (0 for staff, who see them all).
 */
#define CUSTOMER_MAY_SEE(alias)                                                                    \
	"(? = 0 OR NOT EXISTS (SELECT 1 FROM case_note_documents cnd JOIN case_notes cn ON "      \
	"cn.id = cnd.case_note_id WHERE cnd.document_id = " alias ".id AND "                       \
	"cn.visibility = 'staff'))"

int pw_document_list(struct pw_db *db, long long participant_id,
                     const struct pw_scope_filter *scope, const struct pw_document_filter *f,
                     long long before_id, int limit, struct pw_db_rows **out)
{
	/* idx_documents_participant (participant_id, id) serves the order. */
	static const char sql[] =
	        "SELECT " META_COLUMNS " FROM documents d WHERE d.participant_id = ? "
	        "AND " PW_SCOPE_SQL(
	                "d") " AND (? = 0 OR d.enrollment_id = ?) "
	                     "AND (? IS NULL OR (d.attached_entity = ? AND d.attached_id = ?)) "
	                     "AND (? = 0 OR d.id < ?) AND " CUSTOMER_MAY_SEE(
	                             "d") " ORDER BY d.id DESC LIMIT ?";
	struct pw_db_param p[] = {
	        PW_P_INT(participant_id),      PW_P_INT(scope->all),
	        PW_P_INT(scope->user_id),      PW_P_INT(scope->participant_id),
	        PW_P_INT(f->enrollment_id),    PW_P_INT(f->enrollment_id),
	        PW_P_TEXT(f->attached_entity), PW_P_TEXT(f->attached_entity),
	        PW_P_INT(f->attached_id),      PW_P_INT(before_id),
	        PW_P_INT(before_id),           PW_P_INT(scope->participant_id),
	        PW_P_INT(limit),
	};

	return pw_db_query(db, sql, p, PW_ARRAY_LEN(p), out);
}

int pw_document_reachable(struct pw_db *db, long long id, long long participant_id,
                          const struct pw_scope_filter *scope, int *found)
{
	static const char sql[] = "SELECT d.id FROM documents d WHERE d.id = ? AND "
	                          "d.participant_id = ? AND " PW_SCOPE_SQL("d") " AND "
	                          CUSTOMER_MAY_SEE("d");
	struct pw_db_param p[] = {
	        PW_P_INT(id),
	        PW_P_INT(participant_id),
	        PW_P_INT(scope->all),
	        PW_P_INT(scope->user_id),
	        PW_P_INT(scope->participant_id),
	        PW_P_INT(scope->participant_id),
	};
	struct pw_db_rows *r = NULL;
	int rc = pw_db_query(db, sql, p, PW_ARRAY_LEN(p), &r);

	if (rc == PW_OK)
		*found = r->nrows == 1;
	pw_db_rows_free(r);
	return rc;
}

/*
 * The records a document can verify. Each query answers, for the record's
 * id, one row: participant_id, enrollment_id (NULL when none), locked.
 * Later record kinds (credential, skill_gain, employment,
 * post_exit_quarter, tracker) add one row each.
 */
static const struct target_sql {
	const char *entity;
	const char *sql;
} targets[] = {
        {"participant", "SELECT id, NULL, 0 FROM participants WHERE id = ?"},
        {"enrollment", "SELECT participant_id, id, 0 FROM enrollments WHERE id = ?"},
        {"service", "SELECT e.participant_id, e.id, 0 FROM services s "
                    "JOIN enrollments e ON e.id = s.enrollment_id WHERE s.id = ?"},
        /* A case note stops taking changes 24 hours after it was made. */
        {"case_note",
         "SELECT participant_id, enrollment_id, "
         "created_at <= UTC_TIMESTAMP(6) - INTERVAL 1 DAY FROM case_notes WHERE id = ?"},
        /* Outcome records (issue 5). */
        {"credential", "SELECT e.participant_id, e.id, 0 FROM credentials c "
                       "JOIN enrollments e ON e.id = c.enrollment_id WHERE c.id = ?"},
        {"skill_gain", "SELECT e.participant_id, e.id, 0 FROM skill_gains g "
                       "JOIN enrollments e ON e.id = g.enrollment_id WHERE g.id = ?"},
        {"employment", "SELECT participant_id, NULL, 0 FROM employment WHERE id = ?"},
        {"tracker", "SELECT e.participant_id, e.id, 0 FROM trackers t JOIN enrollments e ON "
                    "e.id = t.enrollment_id WHERE t.id = ?"},
};

int pw_document_entity_known(const char *entity)
{
	for (size_t i = 0; entity && i < PW_ARRAY_LEN(targets); i++)
		if (!strcmp(entity, targets[i].entity))
			return 1;
	return 0;
}

const char *pw_document_entity_name(size_t i)
{
	return i < PW_ARRAY_LEN(targets) ? targets[i].entity : NULL;
}

int pw_document_target_get(struct pw_db *db, const char *entity, long long id,
                           struct pw_document_target *out)
{
	struct pw_db_param p[] = {PW_P_INT(id)};
	struct pw_db_rows *r = NULL;
	int rc;

	memset(out, 0, sizeof(*out));
	for (size_t i = 0; entity && i < PW_ARRAY_LEN(targets); i++) {
		if (strcmp(entity, targets[i].entity))
			continue;
		rc = pw_db_query(db, targets[i].sql, p, 1, &r);
		if (rc == PW_OK && r->nrows != 1)
			rc = PW_ERR_NOT_FOUND;
		if (rc == PW_OK) {
			out->participant_id = pw_db_cell_int(r, 0, 0, 0);
			out->enrollment_id = pw_db_cell_int(r, 0, 1, 0);
			out->locked = pw_db_cell_int(r, 0, 2, 0) != 0;
		}
		pw_db_rows_free(r);
		return rc;
	}
	return PW_ERR_NOT_FOUND;
}
