/*
 * test_config.c: configuration errors stop the programs with one clear line.
 * Each case is data: file contents (or none), environment, expected words.
 */
#include "itest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

struct config_case {
	const char *name;
	const char *contents; /* NULL: the file does not exist */
	const char *env;      /* "NAME=value" or NULL */
	int want_exit;
	const char *want[3]; /* substrings of the output */
};

static const struct config_case cases[] = {
	{"unknown key", "[server]\nthreads = 4\nbogus = 1\n", NULL, 1,
	 {":3: unknown key 'bogus' in [server]", NULL}},
	{"unknown section", "[serverz]\nthreads = 4\n", NULL, 1, {":1: unknown section [serverz]", NULL}},
	{"threads zero", "[server]\nthreads = 0\n", NULL, 1,
	 {":2: bad value for server.threads", "1 to 256", NULL}},
	{"threads not a number", "[server]\n\n; comment\nthreads = four\n", NULL, 1,
	 {":4: bad value for server.threads", NULL}},
	{"socket mode not octal", "[server]\nsocket_mode = 660\n", NULL, 1,
	 {":2: bad value for server.socket_mode", NULL}},
	{"body limit too big", "[server]\nbody_limit = 2000m\n", NULL, 1,
	 {":2: bad value for server.body_limit", NULL}},
	{"key outside a section", "threads = 3\n", NULL, 1, {":1: key 'threads' is outside", NULL}},
	{"public listen refused", "[server]\nlisten = 0.0.0.0:9000\n", NULL, 1,
	 {"not a loopback address", NULL}},
	{"relative socket path", "[server]\nlisten = unix:run/x.sock\n", NULL, 1,
	 {"absolute path", NULL}},
	{"environment is validated", "[server]\nthreads = 4\n", "PATHWAY_THREADS=abc", 1,
	 {"environment PATHWAY_THREADS: bad value for server.threads", NULL}},
	{"environment overrides a bad file value? no: file errors first",
	 "[database]\nport = 70000\n", "PATHWAY_DB_PORT=3306", 1,
	 {":2: bad value for database.port", NULL}},
	{"missing file", NULL, NULL, 1, {"cannot read", NULL}},
	{"valid file", "[server]\nthreads = 4\nsocket_mode = 0600\n[database]\nport = 3307\n", NULL, 0,
	 {"is valid", NULL}},
	{"environment override accepted", "[server]\nthreads = 4\n", "PATHWAY_PROCESSES=3", 0,
	 {"is valid", NULL}},
};

static void run_case(const struct config_case *c, const char *path)
{
	char cmd[2048], out[4096];
	size_t got;
	FILE *p;
	int st;

	remove(path);
	if (c->contents)
		CU_ASSERT_EQUAL_FATAL(it_write_file(path, c->contents), 0);
	snprintf(cmd, sizeof(cmd), "env -u PATHWAY_CONFIG %s '%s' -c '%s' --check 2>&1",
		 c->env ? c->env : "", it_env("PATHWAY_FCGI_BIN"), path);
	p = popen(cmd, "r");
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	got = fread(out, 1, sizeof(out) - 1, p);
	out[got] = '\0';
	st = pclose(p);
	if (!WIFEXITED(st) || WEXITSTATUS(st) != c->want_exit)
		fprintf(stderr, "\n    case '%s': exit %d, output: %s", c->name,
			WIFEXITED(st) ? WEXITSTATUS(st) : -1, out);
	CU_ASSERT(WIFEXITED(st) && WEXITSTATUS(st) == c->want_exit);
	/* One line, naming the problem. */
	CU_ASSERT(strchr(out, '\n') == out + strlen(out) - 1);
	for (int i = 0; i < 3 && c->want[i]; i++) {
		if (!strstr(out, c->want[i]))
			fprintf(stderr, "\n    case '%s': wanted \"%s\" in: %s", c->name, c->want[i],
				out);
		CU_ASSERT_PTR_NOT_NULL(strstr(out, c->want[i]));
	}
}

static void config_errors_stop_with_one_line_naming_file_line_and_key(void)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/case.conf", it_env("PATHWAY_TEST_DIR"));
	for (size_t i = 0; i < IT_LEN(cases); i++)
		run_case(&cases[i], path);
}

static void the_shipped_configuration_is_valid(void)
{
	char cmd[2048];
	int st;

	snprintf(cmd, sizeof(cmd), "'%s' -c '%s/conf/pathway.conf' --check >/dev/null 2>&1",
		 it_env("PATHWAY_FCGI_BIN"), it_env("abs_top_srcdir"));
	st = system(cmd);
	CU_ASSERT(WIFEXITED(st) && WEXITSTATUS(st) == 0);
}

static void admin_refuses_a_bad_configuration_too(void)
{
	char path[512], cmd[2048];
	int st;

	snprintf(path, sizeof(path), "%s/admin-bad.conf", it_env("PATHWAY_TEST_DIR"));
	CU_ASSERT_EQUAL_FATAL(it_write_file(path, "[database]\nnme = x\n"), 0);
	snprintf(cmd, sizeof(cmd), "'%s' -c '%s' status 2>&1 | grep -q \"unknown key 'nme'\"",
		 it_env("PATHWAY_ADMIN_BIN"), path);
	st = system(cmd);
	CU_ASSERT(WIFEXITED(st) && WEXITSTATUS(st) == 0);
}

static const struct it_test tests[] = {
	{"configuration errors stop with one line naming the file, line and key",
	 config_errors_stop_with_one_line_naming_file_line_and_key},
	{"the shipped conf/pathway.conf is valid", the_shipped_configuration_is_valid},
	{"pathway-admin refuses a bad configuration the same way", admin_refuses_a_bad_configuration_too},
};

const struct it_suite it_suite_config = {"config", tests, IT_LEN(tests)};
