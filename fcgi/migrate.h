/*
 * migrate.h: applying db/migrations/NNNN_name.sql in order.
 */
#ifndef PW_MIGRATE_H
#define PW_MIGRATE_H

#include <stdio.h>

struct pw_db;

/*
 * Applies every migration in dir newer than the recorded version, each in
 * its own transaction together with its schema_migrations row (MariaDB
 * commits DDL implicitly, so a failed DDL statement can leave earlier
 * statements of that file applied, but never the version recorded). Stops
 * at the first failure naming the file and the error. Holds a named lock so
 * two migrations never run at once. Progress goes to out.
 * Returns PW_OK, or PW_ERR_DB / PW_ERR_IO / PW_ERR_INVALID.
 */
int pw_migrate_run(struct pw_db *db, const char *dir, FILE *out);

/* Runs one script dir/name in one transaction (demo data). */
int pw_migrate_load_file(struct pw_db *db, const char *dir, const char *name, FILE *out);

#endif
