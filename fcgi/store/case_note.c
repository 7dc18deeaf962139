/*
 * store/case_note.c: SQL of case notes and their documents (see
 * case_note.h).
 */
#include "store/case_note.h"

#include "db.h"
#include "pw.h"

#include <stdio.h>
#include <string.h>

#define NOTE_COLUMNS                                                                               \
	"n.id, n.participant_id, n.enrollment_id, n.addendum_of, n.note_type, n.subject, n.body, " \
	"DATE_FORMAT(n.contact_date, '%Y-%m-%d'), n.contact_method, n.visibility, "                \
	"COALESCE(n.recipients, '[]'), n.follow_up_outcome, n.author_user_id, n.author, "          \
	"n.version, DATE_FORMAT(n.created_at, '%Y-%m-%dT%H:%i:%sZ'), "                             \
	"DATE_FORMAT(n.updated_at, '%Y-%m-%dT%H:%i:%sZ'), "                                        \
	"DATE_FORMAT(n.created_at + INTERVAL 1 DAY, '%Y-%m-%dT%H:%i:%sZ'), "                       \
	"n.created_at <= UTC_TIMESTAMP(6) - INTERVAL 1 DAY, "                                      \
	"(SELECT GROUP_CONCAT(cd.document_id ORDER BY cd.document_id) "                            \
	"FROM case_note_documents cd WHERE cd.case_note_id = n.id)"

/* The list filters after the scope: type, enrollment, customer visibility. */
#define LIST_FILTERS                                                                               \
	" AND (? IS NULL OR n.note_type = ?) AND (? = 0 OR n.enrollment_id = ?) "                  \
	"AND (? = 0 OR n.visibility = 'participant')"

int pw_case_note_create(struct pw_db *db, const struct pw_case_note_new *n,
                        const struct pw_db_param *vals, long long *id)
{
	static const char sql[] =
	        "INSERT INTO case_notes (participant_id, enrollment_id, addendum_of, note_type, "
	        "author_user_id, author, subject, body, contact_date, contact_method, visibility, "
	        "recipients, follow_up_outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	struct pw_db_param p[6 + CNF_COUNT];

	p[0] = PW_P_INT(n->participant_id);
	p[1] = n->enrollment_id ? PW_P_INT(n->enrollment_id) : PW_P_NULL;
	p[2] = n->addendum_of ? PW_P_INT(n->addendum_of) : PW_P_NULL;
	p[3] = PW_P_TEXT(n->note_type);
	p[4] = n->author_user_id ? PW_P_INT(n->author_user_id) : PW_P_NULL;
	p[5] = PW_P_TEXT(n->author);
	memcpy(p + 6, vals, CNF_COUNT * sizeof(*vals));
	/* The column defaults hold for visibility when it is not given. */
	if (p[6 + CNF_VISIBILITY].type == PW_DB_NULL)
		p[6 + CNF_VISIBILITY] = PW_P_TEXT("staff");
	return pw_db_insert(db, sql, p, PW_ARRAY_LEN(p), id);
}

int pw_case_note_update(struct pw_db *db, long long id, int version, const int *given,
                        const struct pw_db_param *vals)
{
	static const char sql[] =
	        "UPDATE case_notes SET subject = IF(?, ?, subject), body = IF(?, ?, body), "
	        "contact_date = IF(?, ?, contact_date), contact_method = IF(?, ?, contact_method), "
	        "visibility = IF(?, ?, visibility), recipients = IF(?, ?, recipients), "
	        "follow_up_outcome = IF(?, ?, follow_up_outcome), version = version + 1, "
	        "updated_at = UTC_TIMESTAMP(6) WHERE id = ? AND version = ? "
	        "AND created_at > UTC_TIMESTAMP(6) - INTERVAL 1 DAY";
	struct pw_db_param p[2 * CNF_COUNT + 2];
	size_t k = 0;

	for (size_t i = 0; i < CNF_COUNT; i++) {
		p[k++] = PW_P_INT(given[i] ? 1 : 0);
		p[k++] = vals[i];
	}
	p[k++] = PW_P_INT(id);
	p[k++] = PW_P_INT(version);
	return pw_db_exec_one(db, sql, p, k);
}

int pw_case_note_lock(struct pw_db *db, long long id, struct pw_case_note_state *out)
{
	static const char sql[] =
	        "SELECT version, participant_id, enrollment_id, addendum_of, "
	        "created_at <= UTC_TIMESTAMP(6) - INTERVAL 1 DAY, visibility = 'staff', note_type "
	        "FROM case_notes WHERE id = ? FOR UPDATE";
	struct pw_db_param p[] = {PW_P_INT(id)};
	struct pw_db_rows *r = NULL;
	int rc = pw_db_query(db, sql, p, 1, &r);

	if (rc != PW_OK)
		return rc;
	memset(out, 0, sizeof(*out));
	if (r->nrows != 1) {
		rc = PW_ERR_NOT_FOUND;
	} else {
		out->version = pw_db_cell_int(r, 0, 0, 0);
		out->participant_id = pw_db_cell_int(r, 0, 1, 0);
		out->enrollment_id = pw_db_cell_int(r, 0, 2, 0);
		out->addendum_of = pw_db_cell_int(r, 0, 3, 0);
		out->locked = pw_db_cell_int(r, 0, 4, 0) != 0;
		out->staff_only = pw_db_cell_int(r, 0, 5, 0) != 0;
		snprintf(out->note_type, sizeof(out->note_type), "%s",
		         pw_db_cell(r, 0, 6) ? pw_db_cell(r, 0, 6) : "");
	}
	pw_db_rows_free(r);
	return rc;
}

int pw_case_note_get(struct pw_db *db, long long id, struct pw_db_rows **out)
{
	static const char sql[] = "SELECT " NOTE_COLUMNS " FROM case_notes n WHERE n.id = ?";
	struct pw_db_param p[] = {PW_P_INT(id)};

	return pw_db_query(db, sql, p, 1, out);
}

int pw_case_note_addenda(struct pw_db *db, long long id, int participant_only,
                         struct pw_db_rows **out)
{
	static const char sql[] = "SELECT " NOTE_COLUMNS " FROM case_notes n "
	                          "WHERE n.addendum_of = ? AND (? = 0 OR n.visibility = "
	                          "'participant') ORDER BY n.id";
	struct pw_db_param p[] = {PW_P_INT(id), PW_P_INT(participant_only ? 1 : 0)};

	return pw_db_query(db, sql, p, PW_ARRAY_LEN(p), out);
}

/* Appends the scope and filter parameters shared by both list queries. */
static size_t filter_params(struct pw_db_param *p, const struct pw_scope_filter *scope,
                            const struct pw_case_note_filter *f)
{
	size_t k = 0;

	p[k++] = PW_P_INT(scope->all);
	p[k++] = PW_P_INT(scope->user_id);
	p[k++] = PW_P_INT(scope->participant_id);
	p[k++] = PW_P_TEXT(f->note_type);
	p[k++] = PW_P_TEXT(f->note_type);
	p[k++] = PW_P_INT(f->enrollment_id);
	p[k++] = PW_P_INT(f->enrollment_id);
	p[k++] = PW_P_INT(scope->participant_id);
	return k;
}

int pw_case_note_list(struct pw_db *db, long long participant_id,
                      const struct pw_scope_filter *scope, const struct pw_case_note_filter *f,
                      long long before_id, int limit, struct pw_db_rows **out)
{
	/* idx_case_notes_participant (participant_id, id) serves the order. */
	static const char sql[] =
	        "SELECT " NOTE_COLUMNS " FROM case_notes n "
	        "WHERE n.participant_id = ? AND n.addendum_of IS NULL AND " PW_SCOPE_SQL("n")
	                LIST_FILTERS " AND (? = 0 OR n.id < ?) "
	                             "ORDER BY n.id DESC LIMIT ?";
	struct pw_db_param p[12];
	size_t k = 0;

	p[k++] = PW_P_INT(participant_id);
	k += filter_params(p + k, scope, f);
	p[k++] = PW_P_INT(before_id);
	p[k++] = PW_P_INT(before_id);
	p[k++] = PW_P_INT(limit);
	return pw_db_query(db, sql, p, k, out);
}

int pw_case_note_list_addenda(struct pw_db *db, long long participant_id,
                              const struct pw_scope_filter *scope,
                              const struct pw_case_note_filter *f, long long lo, long long hi,
                              struct pw_db_rows **out)
{
	/* An addendum has its note's participant, enrollment and type, so
	 * the page's filters select exactly the addenda of the page. */
	static const char sql[] =
	        "SELECT " NOTE_COLUMNS " FROM case_notes n "
	        "WHERE n.participant_id = ? AND n.addendum_of BETWEEN ? AND ? "
	        "AND " PW_SCOPE_SQL("n") LIST_FILTERS " ORDER BY n.addendum_of, n.id";
	struct pw_db_param p[11];
	size_t k = 0;

	p[k++] = PW_P_INT(participant_id);
	p[k++] = PW_P_INT(lo);
	p[k++] = PW_P_INT(hi);
	k += filter_params(p + k, scope, f);
	return pw_db_query(db, sql, p, k, out);
}

int pw_case_note_set_documents(struct pw_db *db, long long id, const long long *ids, size_t n)
{
	static const char del[] = "DELETE FROM case_note_documents WHERE case_note_id = ?";
	struct pw_db_param p[] = {PW_P_INT(id)};
	int rc = pw_db_exec(db, del, p, 1, NULL, NULL);

	for (size_t i = 0; rc == PW_OK && i < n; i++)
		rc = pw_case_note_link_document(db, id, ids[i]);
	return rc;
}

int pw_case_note_link_document(struct pw_db *db, long long id, long long document_id)
{
	static const char sql[] =
	        "INSERT IGNORE INTO case_note_documents (case_note_id, document_id) VALUES (?, ?)";
	struct pw_db_param p[] = {PW_P_INT(id), PW_P_INT(document_id)};

	return pw_db_exec(db, sql, p, PW_ARRAY_LEN(p), NULL, NULL);
}

int pw_case_note_attach_document(struct pw_db *db, long long id, long long document_id)
{
	static const char sql[] =
	        "INSERT IGNORE INTO case_note_documents (case_note_id, document_id) "
	        "SELECT id, ? FROM case_notes WHERE id = ? "
	        "AND created_at > UTC_TIMESTAMP(6) - INTERVAL 1 DAY";
	struct pw_db_param p[] = {PW_P_INT(document_id), PW_P_INT(id)};
	unsigned long long affected = 0;
	int rc = pw_db_exec(db, sql, p, PW_ARRAY_LEN(p), &affected, NULL);

	if (rc == PW_OK && affected != 1)
		rc = PW_ERR_CONFLICT;
	return rc;
}

int pw_case_note_enrollment(struct pw_db *db, long long enrollment_id, long long *participant_id,
                            char application_date[11])
{
	static const char sql[] = "SELECT participant_id, DATE_FORMAT(application_date, "
	                          "'%Y-%m-%d') FROM enrollments WHERE id = ?";
	struct pw_db_param p[] = {PW_P_INT(enrollment_id)};
	struct pw_db_rows *r = NULL;
	int rc = pw_db_query(db, sql, p, 1, &r);

	if (rc != PW_OK)
		return rc;
	if (r->nrows != 1) {
		rc = PW_ERR_NOT_FOUND;
	} else {
		*participant_id = pw_db_cell_int(r, 0, 0, 0);
		snprintf(application_date, 11, "%s",
		         pw_db_cell(r, 0, 1) ? pw_db_cell(r, 0, 1) : "");
	}
	pw_db_rows_free(r);
	return rc;
}
