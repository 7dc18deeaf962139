/*
 * test_migrate.c: pathway-admin migrate against scratch databases on the
 * test MariaDB.
 */
#include "itest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

/* Runs pathway-admin on database db; output into out. Returns the exit code. */
static int admin(const char *db, const char *args, char *out, size_t outlen)
{
	char cmd[4096];
	size_t got;
	FILE *p;
	int st;

	snprintf(cmd, sizeof(cmd), "PATHWAY_DB_NAME='%s' '%s' -c '%s' %s 2>&1", db,
		 it_env("PATHWAY_ADMIN_BIN"), it_env("PATHWAY_TEST_CONF"), args);
	p = popen(cmd, "r");
	if (!p)
		return -1;
	got = fread(out, 1, outlen - 1, p);
	out[got] = '\0';
	st = pclose(p);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void fresh_db(const char *name)
{
	char sql[256];

	snprintf(sql, sizeof(sql),
		 "sql 'DROP DATABASE IF EXISTS %s; CREATE DATABASE %s CHARACTER SET utf8mb4'", name,
		 name);
	CU_ASSERT_EQUAL_FATAL(it_ctl(sql, NULL, 0), 0);
}

static void migrate_twice_applies_nothing_the_second_time(void)
{
	char args[1024], out[8192], out2[8192], v1[64], v2[64];

	fresh_db("pw_it_mig_a");
	snprintf(args, sizeof(args), "migrate --dir '%s'", it_env("PATHWAY_TEST_MIGRATIONS"));
	CU_ASSERT_EQUAL(admin("pw_it_mig_a", args, out, sizeof(out)), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "applying 0001_create_schema_migrations.sql"));
	CU_ASSERT_EQUAL(admin("pw_it_mig_a", "status", v1, sizeof(v1)), 0);
	CU_ASSERT_EQUAL(admin("pw_it_mig_a", args, out2, sizeof(out2)), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out2, "(0 applied)"));
	CU_ASSERT_PTR_NULL(strstr(out2, "applying"));
	CU_ASSERT_EQUAL(admin("pw_it_mig_a", "status", v2, sizeof(v2)), 0);
	CU_ASSERT_STRING_EQUAL(v1, v2);
	CU_ASSERT_PTR_NULL(strstr(v1, "version 0\n"));
}

static void failing_migration_names_its_file_and_leaves_the_version(void)
{
	char dir[512], path[1024], cmd[2048], args[1024], out[8192], before[64], after[64];
	char rows[256];

	fresh_db("pw_it_mig_b");
	snprintf(dir, sizeof(dir), "%s/migrations-broken", it_env("PATHWAY_TEST_DIR"));
	snprintf(cmd, sizeof(cmd), "rm -rf '%s' && mkdir -p '%s' && cp '%s'/*.sql '%s'/", dir, dir,
		 it_env("PATHWAY_TEST_MIGRATIONS"), dir);
	CU_ASSERT_EQUAL_FATAL(system(cmd), 0);
	snprintf(args, sizeof(args), "migrate --dir '%s'", dir);
	CU_ASSERT_EQUAL_FATAL(admin("pw_it_mig_b", args, out, sizeof(out)), 0);
	CU_ASSERT_EQUAL(admin("pw_it_mig_b", "status", before, sizeof(before)), 0);

	snprintf(path, sizeof(path), "%s/9001_break_things.sql", dir);
	CU_ASSERT_EQUAL_FATAL(it_write_file(path, "CREATE TABLE it_ok (id INT PRIMARY KEY);\n"
						  "INSERT INTO it_ok VALUES (1);\n"
						  "SELEC nonsense;\n"),
			      0);
	CU_ASSERT_EQUAL(admin("pw_it_mig_b", args, out, sizeof(out)), 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "9001_break_things.sql failed"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "statement 3"));
	CU_ASSERT_EQUAL(admin("pw_it_mig_b", "status", after, sizeof(after)), 0);
	CU_ASSERT_STRING_EQUAL(before, after);
	CU_ASSERT_EQUAL(it_ctl("sql 'SELECT COUNT(*) FROM pw_it_mig_b.schema_migrations WHERE "
			       "version = 9001'",
			       rows, sizeof(rows)),
			0);
	CU_ASSERT_EQUAL(atoi(rows), 0);
	/* The rows the broken file inserted inside its transaction are gone. */
	CU_ASSERT_EQUAL(it_ctl("sql 'SELECT COUNT(*) FROM pw_it_mig_b.it_ok'", rows, sizeof(rows)),
			0);
	CU_ASSERT_EQUAL(atoi(rows), 0);
}

static void badly_named_migration_stops_before_anything_is_applied(void)
{
	char dir[512], path[1024], cmd[2048], args[1024], out[8192], v[64];

	fresh_db("pw_it_mig_c");
	snprintf(dir, sizeof(dir), "%s/migrations-badname", it_env("PATHWAY_TEST_DIR"));
	snprintf(cmd, sizeof(cmd), "rm -rf '%s' && mkdir -p '%s' && cp '%s'/*.sql '%s'/", dir, dir,
		 it_env("PATHWAY_TEST_MIGRATIONS"), dir);
	CU_ASSERT_EQUAL_FATAL(system(cmd), 0);
	snprintf(path, sizeof(path), "%s/12_Bad-Name.sql", dir);
	CU_ASSERT_EQUAL_FATAL(it_write_file(path, "SELECT 1;\n"), 0);
	snprintf(args, sizeof(args), "migrate --dir '%s'", dir);
	CU_ASSERT_EQUAL(admin("pw_it_mig_c", args, out, sizeof(out)), 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "not a migration name"));
	CU_ASSERT_EQUAL(admin("pw_it_mig_c", "status", v, sizeof(v)), 1);
}

static void a_file_numbered_below_the_applied_version_is_refused_not_skipped(void)
{
	char dir[512], path[1024], cmd[2048], args[1024], out[8192];

	fresh_db("pw_it_mig_d");
	snprintf(dir, sizeof(dir), "%s/migrations-late", it_env("PATHWAY_TEST_DIR"));
	snprintf(cmd, sizeof(cmd), "rm -rf '%s' && mkdir -p '%s' && cp '%s'/*.sql '%s'/", dir, dir,
		 it_env("PATHWAY_TEST_MIGRATIONS"), dir);
	CU_ASSERT_EQUAL_FATAL(system(cmd), 0);
	snprintf(args, sizeof(args), "migrate --dir '%s'", dir);
	CU_ASSERT_EQUAL_FATAL(admin("pw_it_mig_d", args, out, sizeof(out)), 0);
	/* Version 0 is below every applied version: a file that arrives late. */
	snprintf(path, sizeof(path), "%s/0000_arrived_late.sql", dir);
	CU_ASSERT_EQUAL_FATAL(it_write_file(path, "CREATE TABLE it_late (id INT);\n"), 0);
	CU_ASSERT_EQUAL(admin("pw_it_mig_d", args, out, sizeof(out)), 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "0000_arrived_late.sql is numbered below"));
}

static const struct it_test tests[] = {
	{"a file numbered below the applied version is refused, not skipped",
	 a_file_numbered_below_the_applied_version_is_refused_not_skipped},
	{"migrate run twice applies nothing the second time", migrate_twice_applies_nothing_the_second_time},
	{"a failing migration names its file and leaves the version as it was",
	 failing_migration_names_its_file_and_leaves_the_version},
	{"a badly named migration stops the run before anything is applied",
	 badly_named_migration_stops_before_anything_is_applied},
};

const struct it_suite it_suite_migrate = {"migrate", tests, IT_LEN(tests)};
