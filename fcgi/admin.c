/*
 * admin.c: pathway-admin, the command-line tool for sysadmins.
 *
 *   pathway-admin [-c FILE] migrate [--dir DIR]   apply database migrations
 *   pathway-admin [-c FILE] demo [--dir DIR]      load the demo data set
 *   pathway-admin [-c FILE] status                print the schema version
 *   pathway-admin [-c FILE] create-user --login L --name N --role R
 *                 [--email E] [--position ID] [--location ID]... [--participant ID]
 *                                                 create an account; the password
 *                                                 is read from standard input
 *                                                 (a prompt on a terminal), never argv
 *   pathway-admin [-c FILE] create-region --code C --name N [--requires-agency-code]
 *   pathway-admin [-c FILE] create-provider --name N [--agency-code C]
 *   pathway-admin [-c FILE] create-location --provider ID --region ID --name N
 *                 [--address A]
 *   pathway-admin [-c FILE] create-position --name N
 *   pathway-admin [-c FILE] sweep [--as-of DATE] [--batch N] [--pause MS]
 *                                                 soft-exit the enrollments due
 *
 * Each command connects with the [database] settings of the configuration,
 * prints what it does, and exits 0 on success, 1 on failure, 2 on misuse.
 */
#include "config.h"
#include "db.h"
#include "log.h"
#include "migrate.h"
#include "pw.h"
#include "admin_org.h"
#include "auth.h"
#include "store/meta.h"
#include "sweep.h"

#include <getopt.h>
#include <mysql.h>
#include <stdio.h>
#include <string.h>

/* Admin statements (migrations, a sweep) may run long. */
#define ADMIN_RW_TIMEOUT 3600

static void usage(FILE *f)
{
	fprintf(f,
		"usage: pathway-admin [-c FILE] COMMAND [OPTIONS]\n"
		"commands:\n"
		"  migrate [--dir DIR]  apply migrations (default %s/migrations)\n"
		"  demo [--dir DIR]     load demo data (default %s/demo)\n"
		"  status               print the schema version\n"
		"  create-user --login L --name N --role R [--email E] [--position ID]\n"
		"              [--location ID]... [--participant ID]   (password on stdin)\n"
		"  create-region --code C --name N [--requires-agency-code]\n"
		"  create-provider --name N [--agency-code C]\n"
		"  create-location --provider ID --region ID --name N [--address A]\n"
		"  create-position --name N\n"
		"  sweep [--as-of DATE] [--batch N] [--pause MS]\n"
		"                       soft exits due (R-EXIT-1/2), in batches\n"
		"options:\n"
		"  -c, --config FILE    configuration (default $PATHWAY_CONFIG or %s)\n",
		PW_PKGDATADIR, PW_PKGDATADIR, PW_SYSCONFDIR "/pathway/pathway.conf");
}

/* Parses "--dir DIR" from the command's arguments. */
static int dir_option(int argc, char **argv, const char **dir)
{
	for (int i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--dir") && i + 1 < argc) {
			*dir = argv[++i];
		} else if (!strncmp(argv[i], "--dir=", 6)) {
			*dir = argv[i] + 6;
		} else {
			fprintf(stderr, "pathway-admin: unexpected argument '%s'\n", argv[i]);
			return -1;
		}
	}
	return 0;
}

static int cmd_migrate(struct pw_db *db, int argc, char **argv)
{
	const char *dir = PW_PKGDATADIR "/migrations";

	if (dir_option(argc, argv, &dir) != 0)
		return 2;
	return pw_migrate_run(db, dir, stdout) == PW_OK ? 0 : 1;
}

static int cmd_status(struct pw_db *db, int argc, char **argv)
{
	long long v = 0;

	(void)argv;
	if (argc) {
		usage(stderr);
		return 2;
	}
	if (pw_meta_schema_version(db, &v) != PW_OK) {
		fprintf(stderr, "pathway-admin: cannot read the schema version: %s\n",
			pw_db_error(db));
		return 1;
	}
	printf("schema version %lld\n", v);
	return 0;
}

struct command {
	const char *name;
	int (*run)(struct pw_db *db, int argc, char **argv);
};

static const struct command commands[] = {
	{"migrate", cmd_migrate},
	{"demo", pw_admin_demo},
	{"status", cmd_status},
	{"create-user", pw_admin_create_user},
	{"create-region", pw_admin_create_region},
	{"create-provider", pw_admin_create_provider},
	{"create-location", pw_admin_create_location},
	{"create-position", pw_admin_create_position},
	{"sweep", pw_admin_sweep},
};

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{"config", required_argument, NULL, 'c'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *path = pw_config_default_path();
	const struct command *cmd = NULL;
	struct pw_config cfg;
	struct pw_db *db = NULL;
	char err[PW_CONFIG_ERRLEN];
	int c, rc = 1;

	/* Options end at the command name; the command parses the rest. */
	while ((c = getopt_long(argc, argv, "+c:h", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			path = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return 2;
	}
	for (size_t i = 0; i < PW_ARRAY_LEN(commands); i++)
		if (!strcmp(argv[optind], commands[i].name))
			cmd = &commands[i];
	if (!cmd) {
		fprintf(stderr, "pathway-admin: unknown command '%s'\n", argv[optind]);
		usage(stderr);
		return 2;
	}
	if (pw_config_load(&cfg, path, err) != PW_OK) {
		fprintf(stderr, "pathway-admin: %s\n", err);
		pw_config_free(&cfg);
		return 1;
	}
	/* Log lines from the shared layers go to standard error here. */
	pw_log_open("-");
	if (mysql_library_init(0, NULL, NULL) != 0) {
		fprintf(stderr, "pathway-admin: cannot initialise the MariaDB library\n");
		goto out;
	}
	if (pw_auth_init() != PW_OK) {
		fprintf(stderr, "pathway-admin: cannot initialise the crypto libraries\n");
		goto out;
	}
	db = pw_db_new(&cfg, ADMIN_RW_TIMEOUT);
	if (!db)
		goto out;
	if (pw_db_ensure(db) != PW_OK) {
		fprintf(stderr, "pathway-admin: cannot connect to the database: %s\n",
			pw_db_error(db));
		goto out;
	}
	pw_admin_config = &cfg;
	rc = cmd->run(db, argc - optind - 1, argv + optind + 1);
out:
	pw_db_free(db);
	mysql_library_end();
	pw_config_free(&cfg);
	return rc;
}
