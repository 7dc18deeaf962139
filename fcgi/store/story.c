/*
 * store/story.c: SQL of success stories (see story.h).
 */
#include "store/story.h"

#include "db.h"
#include "pw.h"
#include "store/outcome.h"

/* The columns of enum pw_story_col, in order. */
#define COLS                                                                                       \
	"s.id, s.participant_id, s.enrollment_id, s.title, s.story, s.submitted_by, "              \
	"s.submitted_by_user_id, u.display_name, s.story_date, s.consent_to_share, s.version, "    \
	"DATE_FORMAT(s.created_at, '%Y-%m-%dT%H:%i:%sZ'), "                                        \
	"DATE_FORMAT(s.updated_at, '%Y-%m-%dT%H:%i:%sZ') FROM success_stories s "                  \
	"LEFT JOIN users u ON u.id = s.submitted_by_user_id "

int pw_story_fields_from_row(const struct pw_db_rows *rows, size_t r, struct pw_story_fields *f)
{
	f->enrollment_id = pw_db_cell_int(rows, r, ST_ENROLLMENT_ID, 0);
	f->title = pw_db_cell(rows, r, ST_TITLE);
	f->story = pw_db_cell(rows, r, ST_STORY);
	f->submitted_by = pw_db_cell(rows, r, ST_SUBMITTED_BY);
	f->consent_to_share = pw_db_cell_int(rows, r, ST_CONSENT, 0) != 0;
	return pw_outcome_cell_date(rows, r, ST_STORY_DATE, &f->story_date);
}

int pw_story_get(struct pw_db *db, long long id, struct pw_db_rows **out)
{
	static const char sql[] = "SELECT " COLS "WHERE s.id = ?";
	struct pw_db_param p[] = {PW_P_INT(id)};

	return pw_db_query(db, sql, p, 1, out);
}

/* The keyset condition of one order: the first page when the key is NULL,
 * else the rows after (key, id) in that order. */
#define AFTER(col, cmp)                                                                            \
	"WHERE s.participant_id = ? AND (? IS NULL OR " col " " cmp " ? OR (" col                  \
	" = ? AND s.id " cmp " ?)) "

int pw_story_list(struct pw_db *db, long long participant_id, enum pw_story_sort sort,
                  bool descending, const char *after_key, long long after_id, int limit,
                  struct pw_db_rows **out)
{
	static const char by_date[] =
	        "SELECT " COLS AFTER("s.story_date", ">") "ORDER BY s.story_date, s.id LIMIT ?";
	static const char by_date_desc[] = "SELECT " COLS AFTER(
	        "s.story_date", "<") "ORDER BY s.story_date DESC, s.id DESC LIMIT ?";
	static const char by_title[] =
	        "SELECT " COLS AFTER("s.title", ">") "ORDER BY s.title, s.id LIMIT ?";
	static const char by_title_desc[] =
	        "SELECT " COLS AFTER("s.title", "<") "ORDER BY s.title DESC, s.id DESC LIMIT ?";
	const char *sql;
	struct pw_db_param p[] = {
	        PW_P_INT(participant_id), PW_P_TEXT(after_key), PW_P_TEXT(after_key),
	        PW_P_TEXT(after_key),     PW_P_INT(after_id),   PW_P_INT(limit),
	};

	if (sort == PW_STORY_BY_TITLE)
		sql = descending ? by_title_desc : by_title;
	else
		sql = descending ? by_date_desc : by_date;
	return pw_db_query(db, sql, p, PW_ARRAY_LEN(p), out);
}

int pw_story_insert(struct pw_db *db, long long participant_id, const struct pw_story_fields *f,
                    long long submitted_by_user_id, long long *id)
{
	static const char sql[] =
	        "INSERT INTO success_stories (enrollment_id, title, story, submitted_by, "
	        "story_date, consent_to_share, submitted_by_user_id, participant_id) "
	        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
	char date[PW_DATE_STRLEN];
	struct pw_db_param p[] = {
	        f->enrollment_id > 0 ? PW_P_INT(f->enrollment_id) : PW_P_NULL,
	        PW_P_TEXT(f->title),
	        PW_P_TEXT(f->story),
	        PW_P_TEXT(f->submitted_by),
	        pw_outcome_date_param(f->story_date, date),
	        PW_P_INT(f->consent_to_share ? 1 : 0),
	        submitted_by_user_id > 0 ? PW_P_INT(submitted_by_user_id) : PW_P_NULL,
	        PW_P_INT(participant_id),
	};
	return pw_db_insert(db, sql, p, PW_ARRAY_LEN(p), id);
}

int pw_story_update(struct pw_db *db, long long id, int version, const struct pw_story_fields *f)
{
	static const char sql[] =
	        "UPDATE success_stories SET enrollment_id = ?, title = ?, story = ?, "
	        "submitted_by = ?, story_date = ?, consent_to_share = ?, version = version + 1, "
	        "updated_at = UTC_TIMESTAMP(6) WHERE id = ? AND version = ?";
	char date[PW_DATE_STRLEN];
	struct pw_db_param p[] = {
	        f->enrollment_id > 0 ? PW_P_INT(f->enrollment_id) : PW_P_NULL,
	        PW_P_TEXT(f->title),
	        PW_P_TEXT(f->story),
	        PW_P_TEXT(f->submitted_by),
	        pw_outcome_date_param(f->story_date, date),
	        PW_P_INT(f->consent_to_share ? 1 : 0),
	        PW_P_INT(id),
	        PW_P_INT(version),
	};
	return pw_db_exec_one(db, sql, p, PW_ARRAY_LEN(p));
}

int pw_story_delete(struct pw_db *db, long long id, int version)
{
	static const char sql[] = "DELETE FROM success_stories WHERE id = ? AND version = ?";
	struct pw_db_param p[] = {PW_P_INT(id), PW_P_INT(version)};
	return pw_db_exec_one(db, sql, p, PW_ARRAY_LEN(p));
}
