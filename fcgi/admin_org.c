/*
 * admin_org.c: account and organisation commands of pathway-admin, and the
 * demo loader (see admin_org.h). Every write is one transaction with its
 * audit row, by the actor "system".
 */
#include "admin_org.h"

#include "auth.h"
#include "config.h"
#include "db.h"
#include "migrate.h"
#include "pw.h"
#include "rules/acl.h"
#include "store/audit.h"
#include "store/org.h"
#include "store/user.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

const struct pw_config *pw_admin_config;

static const struct pw_actor system_actor = {0, "system", NULL, NULL};

#define MAX_OPTS 16

struct opt {
	const char *name; /* "--login" */
	int flag;         /* takes no value */
	int many;         /* may repeat */
	const char *values[MAX_OPTS];
	int n;
};

/* Parses --name value pairs against opts; unknown or missing values are errors. */
static int parse_opts(int argc, char **argv, struct opt *opts, size_t nopts)
{
	for (int i = 0; i < argc; i++) {
		size_t k;
		for (k = 0; k < nopts; k++)
			if (!strcmp(argv[i], opts[k].name))
				break;
		if (k == nopts) {
			fprintf(stderr, "pathway-admin: unknown option '%s'\n", argv[i]);
			return -1;
		}
		if (opts[k].n && !opts[k].many) {
			fprintf(stderr, "pathway-admin: %s given twice\n", opts[k].name);
			return -1;
		}
		if (opts[k].flag) {
			opts[k].values[opts[k].n++] = "1";
			continue;
		}
		if (i + 1 >= argc || opts[k].n >= MAX_OPTS) {
			fprintf(stderr, "pathway-admin: %s needs a value\n", opts[k].name);
			return -1;
		}
		opts[k].values[opts[k].n++] = argv[++i];
	}
	return 0;
}

static const char *opt1(const struct opt *o)
{
	return o->n ? o->values[0] : NULL;
}

static int need(const struct opt *o)
{
	if (o->n)
		return 0;
	fprintf(stderr, "pathway-admin: %s is required\n", o->name);
	return -1;
}

static long long id_arg(const char *s)
{
	char *end;
	long long v;

	if (!s)
		return 0;
	v = strtoll(s, &end, 10);
	return (*end || v < 1) ? -1 : v;
}

/* Reads one line of at most max bytes; no echo on a terminal. */
static int read_secret(const char *prompt, char *out, size_t max)
{
	struct termios old, quiet;
	int tty = isatty(STDIN_FILENO);
	size_t n;

	if (tty) {
		fprintf(stderr, "%s", prompt);
		tcgetattr(STDIN_FILENO, &old);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	if (!fgets(out, (int)max, stdin))
		out[0] = '\0';
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	n = strlen(out);
	if (n && out[n - 1] != '\n' && !feof(stdin)) {
		fprintf(stderr, "pathway-admin: the password is too long\n");
		return -1;
	}
	while (n && (out[n - 1] == '\n' || out[n - 1] == '\r'))
		out[--n] = '\0';
	return 0;
}

/* Creates one account with its locations, audited; *id gets its id. */
static int create_account(struct pw_db *db, const struct pw_user_fields *f, const char *password,
			  const long long *locs, size_t nlocs, long long *id)
{
	char hash[PW_PASSWORD_HASH_MAX], params[64], why[160];
	enum pw_role role;
	int rc;

	if (pw_acl_role_from_code(f->role, &role) != PW_OK) {
		fprintf(stderr, "pathway-admin: unknown role '%s'\n", f->role);
		return PW_ERR_INVALID;
	}
	if ((role == PW_ROLE_CUSTOMER) != (f->participant_id > 0)) {
		fprintf(stderr, "pathway-admin: --participant is required for a customer account "
				"and only for one\n");
		return PW_ERR_INVALID;
	}
	if (pw_auth_password_policy(password, strlen(password), f->login, why, sizeof(why)) !=
	    PW_OK) {
		fprintf(stderr, "pathway-admin: %s\n", why);
		return PW_ERR_INVALID;
	}
	rc = pw_auth_hash_password(pw_admin_config, password, strlen(password), hash, params);
	if (rc == PW_OK)
		rc = pw_db_begin(db);
	if (rc == PW_OK)
		rc = pw_user_create(db, f, hash, params, id);
	if (rc == PW_OK && nlocs)
		rc = pw_user_set_locations(db, *id, locs, nlocs);
	if (rc == PW_OK)
		rc = pw_audit_write(db, &system_actor, "user", *id, "create", NULL, NULL,
				    "pathway-admin create-user");
	if (rc == PW_OK)
		rc = pw_db_commit(db);
	if (rc != PW_OK) {
		pw_db_rollback(db);
		fprintf(stderr, "pathway-admin: cannot create %s: %s\n", f->login,
			rc == PW_ERR_DUPLICATE ? "the login is taken" : pw_db_error(db));
	}
	return rc;
}

int pw_admin_create_user(struct pw_db *db, int argc, char **argv)
{
	struct opt o[] = {{.name = "--login"},	     {.name = "--name"},     {.name = "--role"},
			  {.name = "--email"},	     {.name = "--position"}, {.name = "--location", .many = 1},
			  {.name = "--participant"}};
	struct pw_user_fields f;
	long long locs[MAX_OPTS], id = 0;
	char pw[PW_PASSWORD_MAX + 2], again[PW_PASSWORD_MAX + 2];
	int rc;

	if (parse_opts(argc, argv, o, PW_ARRAY_LEN(o)) || need(&o[0]) || need(&o[1]) ||
	    need(&o[2]))
		return 2;
	memset(&f, 0, sizeof(f));
	f.login = opt1(&o[0]);
	f.display_name = opt1(&o[1]);
	f.role = opt1(&o[2]);
	f.email = opt1(&o[3]);
	f.staff_position_id = id_arg(opt1(&o[4]));
	f.participant_id = id_arg(opt1(&o[6]));
	f.active = 1;
	for (int i = 0; i < o[5].n; i++)
		if ((locs[i] = id_arg(o[5].values[i])) < 1)
			f.staff_position_id = -1;
	if (f.staff_position_id < 0 || f.participant_id < 0) {
		fprintf(stderr, "pathway-admin: ids must be positive numbers\n");
		return 2;
	}
	if (read_secret("Password: ", pw, sizeof(pw)))
		return 1;
	if (isatty(STDIN_FILENO)) {
		if (read_secret("Again: ", again, sizeof(again)))
			return 1;
		if (strcmp(pw, again)) {
			fprintf(stderr, "pathway-admin: the passwords differ\n");
			return 1;
		}
	}
	rc = create_account(db, &f, pw, locs, (size_t)o[5].n, &id);
	explicit_bzero(pw, sizeof(pw));
	explicit_bzero(again, sizeof(again));
	if (rc != PW_OK)
		return 1;
	printf("created user %lld (%s, %s)\n", id, f.login, f.role);
	return 0;
}

/* Creates one organisation record from vals, audited. */
static int create_org(struct pw_db *db, enum pw_org_kind kind, const char *entity,
		      const struct pw_db_param *vals)
{
	long long id = 0;
	int rc = pw_db_begin(db);

	if (rc == PW_OK)
		rc = pw_org_create(db, kind, vals, &id);
	if (rc == PW_OK)
		rc = pw_audit_write(db, &system_actor, entity, id, "create", NULL, NULL,
				    "pathway-admin");
	if (rc == PW_OK)
		rc = pw_db_commit(db);
	if (rc != PW_OK) {
		pw_db_rollback(db);
		fprintf(stderr, "pathway-admin: cannot create the %s: %s\n", entity,
			rc == PW_ERR_DUPLICATE ? "the name or code is taken" : pw_db_error(db));
		return 1;
	}
	printf("created %s %lld\n", entity, id);
	return 0;
}

int pw_admin_create_region(struct pw_db *db, int argc, char **argv)
{
	struct opt o[] = {{.name = "--code"}, {.name = "--name"}, {.name = "--requires-agency-code", .flag = 1}};

	if (parse_opts(argc, argv, o, PW_ARRAY_LEN(o)) || need(&o[0]) || need(&o[1]))
		return 2;
	{
		struct pw_db_param v[] = {PW_P_TEXT(opt1(&o[0])), PW_P_TEXT(opt1(&o[1])),
					  PW_P_INT(o[2].n > 0), PW_P_INT(1)};
		return create_org(db, PW_ORG_REGION, "region", v);
	}
}

int pw_admin_create_provider(struct pw_db *db, int argc, char **argv)
{
	struct opt o[] = {{.name = "--name"}, {.name = "--agency-code"}};

	if (parse_opts(argc, argv, o, PW_ARRAY_LEN(o)) || need(&o[0]))
		return 2;
	{
		struct pw_db_param v[] = {PW_P_TEXT(opt1(&o[0])), PW_P_TEXT(opt1(&o[1])),
					  PW_P_INT(1)};
		return create_org(db, PW_ORG_PROVIDER, "provider", v);
	}
}

int pw_admin_create_location(struct pw_db *db, int argc, char **argv)
{
	struct opt o[] = {{.name = "--provider"}, {.name = "--region"}, {.name = "--name"}, {.name = "--address"}};
	long long prov, reg;

	if (parse_opts(argc, argv, o, PW_ARRAY_LEN(o)) || need(&o[0]) || need(&o[1]) ||
	    need(&o[2]))
		return 2;
	prov = id_arg(opt1(&o[0]));
	reg = id_arg(opt1(&o[1]));
	if (prov < 1 || reg < 1) {
		fprintf(stderr, "pathway-admin: ids must be positive numbers\n");
		return 2;
	}
	{
		struct pw_db_param v[] = {PW_P_INT(prov), PW_P_INT(reg), PW_P_TEXT(opt1(&o[2])),
					  PW_P_TEXT(opt1(&o[3])), PW_P_INT(1)};
		return create_org(db, PW_ORG_LOCATION, "office_location", v);
	}
}

int pw_admin_create_position(struct pw_db *db, int argc, char **argv)
{
	struct opt o[] = {{.name = "--name"}};

	if (parse_opts(argc, argv, o, PW_ARRAY_LEN(o)) || need(&o[0]))
		return 2;
	{
		struct pw_db_param v[] = {PW_P_TEXT(opt1(&o[0])), PW_P_INT(1)};
		return create_org(db, PW_ORG_POSITION, "staff_position", v);
	}
}

/* Splits a tab-separated line in place into at most max fields. */
static int split_tabs(char *line, char **f, int max)
{
	int n = 0;

	while (n < max) {
		char *tab = strchr(line, '\t');
		f[n++] = line;
		if (!tab)
			break;
		*tab = '\0';
		line = tab + 1;
	}
	line[strcspn(line, "\r\n")] = '\0';
	return n;
}

/* Looks up a location id by its name (the demo file names locations). */
static long long location_id(struct pw_db *db, const char *name)
{
	static const char sql[] = "SELECT id FROM office_locations WHERE name = ?";
	struct pw_db_param p[] = {PW_P_TEXT(name)};
	struct pw_db_rows *r = NULL;
	long long id = -1;

	if (pw_db_query(db, sql, p, 1, &r) == PW_OK && r->nrows == 1)
		id = pw_db_cell_int(r, 0, 0, -1);
	pw_db_rows_free(r);
	return id;
}

/*
 * An accounts file (*.tsv): login, display name, role, locations (names
 * joined by '|'), password, TOTP secret (or empty), and for customer
 * accounts a seventh field, the participant id. Accounts that exist are
 * left alone, so loading twice changes nothing.
 */
static int demo_users(struct pw_db *db, const char *path)
{
	char *line = NULL;
	size_t cap = 0;
	FILE *f;
	int rc = 0, lineno = 0;

	f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return 1;
	}
	printf("\ndemo accounts from %s:\n", path);
	while (getline(&line, &cap, f) != -1) {
		char *fl[7], *loc, *save = NULL;
		int nf;
		long long locs[MAX_OPTS], id = 0;
		size_t nlocs = 0;
		struct pw_user_auth existing = {0};
		struct pw_user_fields u;

		lineno++;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		nf = split_tabs(line, fl, 7);
		if (nf < 6) {
			fprintf(stderr, "%s:%d: want 6 or 7 tab-separated fields\n", path, lineno);
			rc = 1;
			break;
		}
		if (pw_user_auth_by_login(db, fl[0], &existing) == PW_OK) {
			pw_user_auth_free(&existing);
		} else {
			memset(&u, 0, sizeof(u));
			u.login = fl[0];
			u.display_name = fl[1];
			u.role = fl[2];
			u.active = 1;
			u.participant_id = nf == 7 ? atoll(fl[6]) : 0;
			for (loc = strtok_r(fl[3], "|", &save); loc && nlocs < MAX_OPTS;
			     loc = strtok_r(NULL, "|", &save))
				if ((locs[nlocs] = location_id(db, loc)) > 0)
					nlocs++;
			if (create_account(db, &u, fl[4], locs, nlocs, &id) != PW_OK) {
				rc = 1;
				break;
			}
			if (fl[5][0] &&
			    (pw_user_set_totp_secret(db, id, fl[5]) != PW_OK ||
			     pw_user_totp_used(db, id, 0, 1) != PW_OK)) {
				rc = 1;
				break;
			}
		}
		printf("  %-16s %-18s password %s%s%s\n", fl[0], fl[2], fl[4],
		       fl[5][0] ? "  TOTP secret " : "", fl[5]);
	}
	free(line);
	fclose(f);
	return rc;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Loads DIR's *.sql scripts and *.tsv account files together in name order
 * (accounts need the offices of an earlier script, and later scripts the
 * accounts), each script in one transaction.
 */
int pw_admin_demo(struct pw_db *db, int argc, char **argv)
{
	const char *dir = PW_PKGDATADIR "/demo";
	char **names = NULL, path[4096];
	size_t n = 0, cap = 0;
	struct dirent *e;
	DIR *d;
	int rc = 0;

	for (int i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--dir") && i + 1 < argc) {
			dir = argv[++i];
		} else {
			fprintf(stderr, "pathway-admin: unexpected argument '%s'\n", argv[i]);
			return 2;
		}
	}
	d = opendir(dir);
	if (!d) {
		fprintf(stderr, "pathway-admin: cannot open %s: %s\n", dir, strerror(errno));
		return 1;
	}
	while ((e = readdir(d))) {
		size_t l = strlen(e->d_name);
		if (l < 5 || (strcmp(e->d_name + l - 4, ".sql") && strcmp(e->d_name + l - 4, ".tsv")))
			continue;
		if (n == cap) {
			char **nn = realloc(names, (cap = cap ? cap * 2 : 16) * sizeof(*nn));
			if (!nn) {
				rc = 1;
				goto out;
			}
			names = nn;
		}
		if (!(names[n] = strdup(e->d_name))) {
			rc = 1;
			goto out;
		}
		n++;
	}
	qsort(names, n, sizeof(*names), name_cmp);
	for (size_t i = 0; i < n && rc == 0; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		if (!strcmp(names[i] + strlen(names[i]) - 4, ".tsv"))
			rc = demo_users(db, path);
		else
			rc = pw_migrate_load_file(db, dir, names[i], stdout) == PW_OK ? 0 : 1;
	}
out:
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	closedir(d);
	return rc;
}
