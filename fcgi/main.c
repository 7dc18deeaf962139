/*
 * main.c: pathway-fcgi, the FastCGI worker pool.
 *
 * Reads the configuration, opens the log and hands over to the supervisor,
 * which binds the socket and forks the worker processes. Libraries that
 * need a one-time initialisation are set up in each worker before any of
 * its threads start (worker.c), never in the parent, which stays
 * single-threaded so fork is safe.
 */
#include "config.h"
#include "log.h"
#include "pw.h"
#include "supervisor.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static void usage(FILE *f)
{
	fprintf(f, "usage: pathway-fcgi [-c FILE] [--check] [--version]\n"
		   "  -c, --config FILE  configuration (default $PATHWAY_CONFIG or %s)\n"
		   "      --check        validate the configuration and exit\n"
		   "      --version      print the version and exit\n",
		PW_SYSCONFDIR "/pathway/pathway.conf");
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{"config", required_argument, NULL, 'c'},
		{"check", no_argument, NULL, 'k'},
		{"version", no_argument, NULL, 'V'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *path = pw_config_default_path();
	struct pw_config cfg;
	char err[PW_CONFIG_ERRLEN];
	int check = 0, c, rc;

	while ((c = getopt_long(argc, argv, "c:h", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			path = optarg;
			break;
		case 'k':
			check = 1;
			break;
		case 'V':
			printf("pathway-fcgi %s\n", PACKAGE_VERSION);
			return 0;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind != argc) {
		usage(stderr);
		return 2;
	}
	if (pw_config_load(&cfg, path, err) != PW_OK) {
		fprintf(stderr, "pathway-fcgi: %s\n", err);
		pw_config_free(&cfg);
		return 1;
	}
	if (check) {
		printf("pathway-fcgi: %s is valid\n", path);
		pw_config_free(&cfg);
		return 0;
	}
	if (pw_log_open(cfg.log_file) != PW_OK) {
		fprintf(stderr, "pathway-fcgi: cannot open log file %s\n", cfg.log_file);
		pw_config_free(&cfg);
		return 1;
	}
	rc = pw_supervisor_run(&cfg, path);
	pw_log_close();
	pw_config_free(&cfg);
	return rc;
}
