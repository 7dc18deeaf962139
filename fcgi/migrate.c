/*
 * migrate.c: the migration runner (see migrate.h).
 *
 * File names are the contract: exactly four digits, an underscore, a name
 * of lowercase letters, digits and underscores, and ".sql". The number is
 * the version. Any other *.sql file, or two files with one number, stops
 * the run before anything is applied.
 */
#include "migrate.h"

#include "db.h"
#include "pw.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct mfile {
	int version;
	char *name; /* file name, owned */
};

static int cmp_mfile(const void *a, const void *b)
{
	const struct mfile *x = a, *y = b;
	int c = (x->version > y->version) - (x->version < y->version);

	return c ? c : strcmp(x->name, y->name);
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && !strcmp(s + n - m, suffix);
}

/* Returns the version of a well-formed name, or -1. */
static int parse_name(const char *s)
{
	size_t n = strlen(s);

	if (n < 10 || !ends_with(s, ".sql") || s[4] != '_')
		return -1;
	for (int i = 0; i < 4; i++)
		if (!isdigit((unsigned char)s[i]))
			return -1;
	for (size_t i = 5; i < n - 4; i++)
		if (!islower((unsigned char)s[i]) && !isdigit((unsigned char)s[i]) && s[i] != '_')
			return -1;
	return (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
}

static void free_list(struct mfile *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(list[i].name);
	free(list);
}

/* Lists *.sql files of dir, sorted; with versioned, names must be migrations. */
static int list_dir(const char *dir, int versioned, struct mfile **out, size_t *count, FILE *msg)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	struct mfile *list = NULL;
	size_t n = 0, cap = 0;
	int rc = PW_ERR_IO;

	if (!d) {
		fprintf(msg, "cannot open %s: %s\n", dir, strerror(errno));
		return PW_ERR_IO;
	}
	while ((e = readdir(d))) {
		int v = 0;
		if (!ends_with(e->d_name, ".sql"))
			continue;
		if (versioned) {
			v = parse_name(e->d_name);
			if (v < 0) {
				fprintf(msg, "%s/%s: not a migration name (want NNNN_name.sql)\n",
					dir, e->d_name);
				rc = PW_ERR_INVALID;
				goto out;
			}
		}
		if (n == cap) {
			size_t nc = cap ? cap * 2 : 32;
			struct mfile *l = realloc(list, nc * sizeof(*l));
			if (!l) {
				rc = PW_ERR_NOMEM;
				goto out;
			}
			list = l;
			cap = nc;
		}
		list[n].version = v;
		list[n].name = strdup(e->d_name);
		if (!list[n].name) {
			rc = PW_ERR_NOMEM;
			goto out;
		}
		n++;
	}
	if (n)
		qsort(list, n, sizeof(*list), cmp_mfile);
	for (size_t i = 1; versioned && i < n; i++)
		if (list[i].version == list[i - 1].version) {
			fprintf(msg, "%s: %s and %s have the same version\n", dir, list[i - 1].name,
				list[i].name);
			rc = PW_ERR_INVALID;
			goto out;
		}
	*out = list;
	*count = n;
	list = NULL;
	n = 0;
	rc = PW_OK;
out:
	free_list(list, n);
	closedir(d);
	return rc;
}

/* Reads a whole file; *out is malloc'd and NUL-terminated, caller frees. */
static int slurp(const char *path, char **out, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long size;
	int rc = PW_ERR_IO;

	if (!f)
		return PW_ERR_IO;
	if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0)
		goto out;
	buf = malloc((size_t)size + 1);
	if (!buf) {
		rc = PW_ERR_NOMEM;
		goto out;
	}
	if (fread(buf, 1, (size_t)size, f) != (size_t)size)
		goto out;
	buf[size] = '\0';
	*out = buf;
	*len = (size_t)size;
	buf = NULL;
	rc = PW_OK;
out:
	free(buf);
	fclose(f);
	return rc;
}

/* The applied version; 0 for a new database without schema_migrations. */
static int current_version(struct pw_db *db, long long *v)
{
	static const char exists_sql[] =
		"SELECT COUNT(*) FROM information_schema.tables "
		"WHERE table_schema = DATABASE() AND table_name = 'schema_migrations'";
	static const char sql[] = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
	struct pw_db_rows *rows = NULL;
	int rc = pw_db_query(db, exists_sql, NULL, 0, &rows);

	if (rc != PW_OK)
		return rc;
	*v = 0;
	if (pw_db_cell_int(rows, 0, 0, 0) == 0) {
		pw_db_rows_free(rows);
		return PW_OK;
	}
	pw_db_rows_free(rows);
	rows = NULL;
	rc = pw_db_query(db, sql, NULL, 0, &rows);
	if (rc != PW_OK)
		return rc;
	*v = pw_db_cell_int(rows, 0, 0, 0);
	pw_db_rows_free(rows);
	return PW_OK;
}

/* Is version recorded in schema_migrations? */
static int is_recorded(struct pw_db *db, int version, int *yes)
{
	static const char sql[] = "SELECT COUNT(*) FROM schema_migrations WHERE version = ?";
	struct pw_db_param p[] = {PW_P_INT(version)};
	struct pw_db_rows *rows = NULL;
	int rc = pw_db_query(db, sql, p, 1, &rows);

	if (rc != PW_OK)
		return rc;
	*yes = pw_db_cell_int(rows, 0, 0, 0) > 0;
	pw_db_rows_free(rows);
	return PW_OK;
}

static int apply_one(struct pw_db *db, const char *dir, const struct mfile *m, int record,
		     FILE *out)
{
	static const char insert_sql[] =
		"INSERT INTO schema_migrations (version, name) VALUES (?, ?)";
	char path[4096], err[512];
	char *sql = NULL;
	size_t len = 0;
	int rc;

	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, m->name) >= sizeof(path))
		return PW_ERR_INVALID;
	rc = slurp(path, &sql, &len);
	if (rc != PW_OK) {
		fprintf(out, "%s: cannot read: %s\n", path, strerror(errno));
		return rc;
	}
	rc = pw_db_set_autocommit(db, 0);
	if (rc == PW_OK)
		rc = pw_db_begin(db);
	if (rc == PW_OK) {
		rc = pw_db_run_script(db, sql, len, err, sizeof(err));
		if (rc != PW_OK)
			fprintf(out, "%s failed: %s\n", path, err);
	}
	if (rc == PW_OK && record) {
		struct pw_db_param p[] = {PW_P_INT(m->version), PW_P_TEXT(m->name)};
		rc = pw_db_exec(db, insert_sql, p, 2, NULL, NULL);
		if (rc != PW_OK)
			fprintf(out, "%s: cannot record the version: %s\n", path, pw_db_error(db));
	}
	if (rc == PW_OK)
		rc = pw_db_commit(db);
	else
		pw_db_rollback(db);
	if (pw_db_set_autocommit(db, 1) != PW_OK && rc == PW_OK)
		rc = PW_ERR_DB;
	free(sql);
	return rc;
}

/* GET_LOCK returns 1 when taken; the lock dies with the connection. */
static int take_lock(struct pw_db *db, const char *name, FILE *out)
{
	static const char sql[] = "SELECT GET_LOCK(?, 60)";
	struct pw_db_param p[] = {PW_P_TEXT(name)};
	struct pw_db_rows *rows = NULL;
	int rc = pw_db_query(db, sql, p, 1, &rows);

	if (rc != PW_OK)
		return rc;
	if (pw_db_cell_int(rows, 0, 0, 0) != 1) {
		fprintf(out, "another run holds the %s lock\n", name);
		rc = PW_ERR_CONFLICT;
	}
	pw_db_rows_free(rows);
	return rc;
}

static void release_lock(struct pw_db *db, const char *name)
{
	static const char sql[] = "SELECT RELEASE_LOCK(?)";
	struct pw_db_param p[] = {PW_P_TEXT(name)};
	struct pw_db_rows *rows = NULL;

	if (pw_db_query(db, sql, p, 1, &rows) == PW_OK)
		pw_db_rows_free(rows);
}

int pw_migrate_run(struct pw_db *db, const char *dir, FILE *out)
{
	struct mfile *list = NULL;
	size_t n = 0, applied = 0;
	long long version = 0;
	int rc, locked = 0;

	rc = list_dir(dir, 1, &list, &n, out);
	if (rc != PW_OK)
		goto out;
	rc = take_lock(db, "pathway.migrate", out);
	if (rc != PW_OK)
		goto out;
	locked = 1;
	rc = current_version(db, &version);
	if (rc != PW_OK)
		goto out;
	/* A file numbered below the applied version that was never applied
	 * would otherwise be skipped for ever: stop and say so. */
	for (size_t i = 0; version > 0 && i < n; i++) {
		int recorded = 0;
		if (list[i].version > version)
			break;
		rc = is_recorded(db, list[i].version, &recorded);
		if (rc != PW_OK)
			goto out;
		if (!recorded) {
			fprintf(out, "%s/%s is numbered below the applied version %lld but was never "
				     "applied; renumber it above %lld\n",
				dir, list[i].name, version, version);
			rc = PW_ERR_INVALID;
			goto out;
		}
	}
	for (size_t i = 0; i < n; i++) {
		if (list[i].version <= version)
			continue;
		fprintf(out, "applying %s\n", list[i].name);
		rc = apply_one(db, dir, &list[i], 1, out);
		if (rc != PW_OK)
			goto out;
		version = list[i].version;
		applied++;
	}
	fprintf(out, "schema at version %lld (%zu applied)\n", version, applied);
	rc = PW_OK;
out:
	if (locked)
		release_lock(db, "pathway.migrate");
	free_list(list, n);
	return rc;
}

int pw_migrate_load_file(struct pw_db *db, const char *dir, const char *name, FILE *out)
{
	struct mfile m = {0, (char *)name};

	fprintf(out, "loading %s\n", name);
	return apply_one(db, dir, &m, 0, out);
}
