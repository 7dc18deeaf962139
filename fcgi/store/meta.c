/*
 * store/meta.c: schema version from schema_migrations.
 */
#include "store/meta.h"

#include "db.h"
#include "pw.h"

int pw_meta_schema_version(struct pw_db *db, long long *version)
{
	static const char sql[] = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
	struct pw_db_rows *rows = NULL;
	int rc = pw_db_query(db, sql, NULL, 0, &rows);

	if (rc != PW_OK)
		return rc;
	*version = rows->nrows ? pw_db_cell_int(rows, 0, 0, 0) : 0;
	pw_db_rows_free(rows);
	return PW_OK;
}
