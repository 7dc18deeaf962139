/*
 * config.c: ini parsing with a table of known keys (see config.h).
 *
 * The table is the single list of keys: the parser, the environment overrides
 * and the error messages all read it, so a key cannot be half-supported.
 */
#include "config.h"

#include "pw.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum kind { K_STR, K_INT, K_MODE, K_BOOL, K_SIZE, K_ROLES };

struct key {
	const char *section;
	const char *name;
	const char *env;
	enum kind kind;
	size_t off;
	long min, max; /* for K_INT; K_SIZE uses max in bytes */
};

#define OFF(f) offsetof(struct pw_config, f)

static const struct key keys[] = {
	{"server", "listen", "PATHWAY_LISTEN", K_STR, OFF(listen), 0, 0},
	{"server", "socket_mode", "PATHWAY_SOCKET_MODE", K_MODE, OFF(socket_mode), 0, 0777},
	{"server", "socket_group", "PATHWAY_SOCKET_GROUP", K_STR, OFF(socket_group), 0, 0},
	{"server", "allow_public_listen", "PATHWAY_ALLOW_PUBLIC_LISTEN", K_BOOL,
	 OFF(allow_public_listen), 0, 1},
	{"server", "processes", "PATHWAY_PROCESSES", K_INT, OFF(processes), 1, 64},
	{"server", "threads", "PATHWAY_THREADS", K_INT, OFF(threads), 1, 256},
	{"server", "backlog", "PATHWAY_BACKLOG", K_INT, OFF(backlog), 1, 65535},
	{"server", "body_limit", "PATHWAY_BODY_LIMIT", K_SIZE, OFF(body_limit), 1,
	 1024L * 1024 * 1024},
	{"server", "document_max_bytes", "PATHWAY_DOCUMENT_MAX_BYTES", K_SIZE,
	 OFF(document_max_bytes), 1, 1024L * 1024 * 1024},
	{"server", "pid_file", "PATHWAY_PID_FILE", K_STR, OFF(pid_file), 0, 0},
	{"server", "log_file", "PATHWAY_LOG_FILE", K_STR, OFF(log_file), 0, 0},
	{"database", "socket", "PATHWAY_DB_SOCKET", K_STR, OFF(db_socket), 0, 0},
	{"database", "host", "PATHWAY_DB_HOST", K_STR, OFF(db_host), 0, 0},
	{"database", "port", "PATHWAY_DB_PORT", K_INT, OFF(db_port), 1, 65535},
	{"database", "name", "PATHWAY_DB_NAME", K_STR, OFF(db_name), 0, 0},
	{"database", "user", "PATHWAY_DB_USER", K_STR, OFF(db_user), 0, 0},
	{"database", "password_file", "PATHWAY_DB_PASSWORD_FILE", K_STR, OFF(db_password_file), 0,
	 0},
	{"database", "timeout", "PATHWAY_DB_TIMEOUT", K_INT, OFF(db_timeout), 1, 600},
	{"auth", "session_idle_timeout", "PATHWAY_SESSION_IDLE_TIMEOUT", K_INT,
	 OFF(session_idle_timeout), 60, 86400},
	{"auth", "session_lifetime", "PATHWAY_SESSION_LIFETIME", K_INT, OFF(session_lifetime), 300,
	 604800},
	{"auth", "cookie_secure", "PATHWAY_COOKIE_SECURE", K_BOOL, OFF(cookie_secure), 0, 1},
	{"auth", "totp_required_roles", "PATHWAY_TOTP_REQUIRED_ROLES", K_ROLES,
	 OFF(totp_required_roles), 0, 0},
	{"auth", "totp_issuer", "PATHWAY_TOTP_ISSUER", K_STR, OFF(totp_issuer), 0, 0},
	{"auth", "login_max_failures", "PATHWAY_LOGIN_MAX_FAILURES", K_INT, OFF(login_max_failures),
	 1, 1000},
	{"auth", "address_max_failures", "PATHWAY_ADDRESS_MAX_FAILURES", K_INT,
	 OFF(address_max_failures), 1, 100000},
	{"auth", "login_window", "PATHWAY_LOGIN_WINDOW", K_INT, OFF(login_window), 10, 86400},
	{"auth", "login_lockout", "PATHWAY_LOGIN_LOCKOUT", K_INT, OFF(login_lockout), 1, 86400},
	{"auth", "password_opslimit", "PATHWAY_PASSWORD_OPSLIMIT", K_INT, OFF(password_opslimit), 1,
	 20},
	{"auth", "password_memlimit_kib", "PATHWAY_PASSWORD_MEMLIMIT_KIB", K_INT,
	 OFF(password_memlimit_kib), 8192, 1048576},
};

const char *pw_config_default_path(void)
{
	const char *p = getenv("PATHWAY_CONFIG");

	if (p && *p)
		return p;
	return PW_SYSCONFDIR "/pathway/pathway.conf";
}

static int set_str(char **slot, const char *v)
{
	char *c = strdup(v);

	if (!c)
		return PW_ERR_NOMEM;
	free(*slot);
	*slot = c;
	return PW_OK;
}

int pw_config_defaults(struct pw_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->socket_mode = 0660;
	cfg->processes = 2;
	cfg->threads = 8;
	cfg->backlog = 128;
	cfg->body_limit = 10u * 1024 * 1024;
	cfg->document_max_bytes = 10u * 1024 * 1024;
	cfg->db_port = 3306;
	cfg->db_timeout = 5;
	cfg->session_idle_timeout = 1800;
	cfg->session_lifetime = 43200;
	cfg->cookie_secure = 1;
	cfg->login_max_failures = 5;
	cfg->address_max_failures = 50;
	cfg->login_window = 900;
	cfg->login_lockout = 900;
	/* OWASP's Argon2id recommendation: 19 MiB, 2 passes, 1 lane. */
	cfg->password_opslimit = 2;
	cfg->password_memlimit_kib = 19456;
	if (set_str(&cfg->listen, "unix:/run/pathway/pathway.sock") ||
	    set_str(&cfg->socket_group, "") || set_str(&cfg->pid_file, "") ||
	    set_str(&cfg->log_file, "-") || set_str(&cfg->db_socket, "/run/mysqld/mysqld.sock") ||
	    set_str(&cfg->db_host, "127.0.0.1") || set_str(&cfg->db_name, "pathway") ||
	    set_str(&cfg->db_user, "pathway") || set_str(&cfg->db_password_file, "") ||
	    set_str(&cfg->totp_required_roles, "statewide,program_manager") ||
	    set_str(&cfg->totp_issuer, "Pathway"))
		return PW_ERR_NOMEM;
	return PW_OK;
}

void pw_config_free(struct pw_config *cfg)
{
	if (!cfg)
		return;
	for (size_t i = 0; i < PW_ARRAY_LEN(keys); i++)
		if (keys[i].kind == K_STR || keys[i].kind == K_ROLES) {
			char **slot = (char **)((char *)cfg + keys[i].off);
			free(*slot);
			*slot = NULL;
		}
	if (cfg->db_password) {
		explicit_bzero(cfg->db_password, strlen(cfg->db_password));
		free(cfg->db_password);
		cfg->db_password = NULL;
	}
}

/* Parses a whole-string integer in base `base`; PW_OK or PW_ERR_INVALID. */
static int parse_long(const char *v, int base, long *out)
{
	char *end;
	long n;

	if (!*v || isspace((unsigned char)*v))
		return PW_ERR_INVALID;
	errno = 0;
	n = strtol(v, &end, base);
	if (errno || *end)
		return PW_ERR_INVALID;
	*out = n;
	return PW_OK;
}

/* Is v empty or a comma-separated list of staff role codes? */
static int roles_valid(const char *v)
{
	static const char *const roles[] = {"statewide", "program_manager", "intermediary",
					    "provider_partner"};
	const char *p = v;

	while (*p) {
		size_t n = strcspn(p, ","), i;
		const char *q = p;
		while (n && *q == ' ') {
			q++;
			n--;
		}
		while (n && q[n - 1] == ' ')
			n--;
		for (i = 0; i < PW_ARRAY_LEN(roles); i++)
			if (strlen(roles[i]) == n && !strncmp(q, roles[i], n))
				break;
		if (i == PW_ARRAY_LEN(roles))
			return 0;
		p += strcspn(p, ",");
		if (*p == ',')
			p++;
	}
	return 1;
}

/* Applies one value to its key; on a bad value writes why into why. */
static int apply(struct pw_config *cfg, const struct key *k, const char *v, char *why, size_t wlen)
{
	void *slot = (char *)cfg + k->off;
	long n;

	switch (k->kind) {
	case K_STR:
		return set_str(slot, v);
	case K_ROLES:
		if (!roles_valid(v)) {
			snprintf(why, wlen, "must be a comma-separated list of roles (statewide, "
					    "program_manager, intermediary, provider_partner)");
			return PW_ERR_INVALID;
		}
		return set_str(slot, v);
	case K_INT:
		if (parse_long(v, 10, &n) || n < k->min || n > k->max) {
			snprintf(why, wlen, "must be a whole number from %ld to %ld", k->min, k->max);
			return PW_ERR_INVALID;
		}
		*(int *)slot = (int)n;
		return PW_OK;
	case K_MODE:
		if (v[0] != '0' || parse_long(v, 8, &n) || n < 0 || n > k->max) {
			snprintf(why, wlen, "must be an octal mode such as 0660");
			return PW_ERR_INVALID;
		}
		*(unsigned *)slot = (unsigned)n;
		return PW_OK;
	case K_BOOL:
		if (!strcmp(v, "yes") || !strcmp(v, "true") || !strcmp(v, "on") || !strcmp(v, "1"))
			*(int *)slot = 1;
		else if (!strcmp(v, "no") || !strcmp(v, "false") || !strcmp(v, "off") ||
			 !strcmp(v, "0"))
			*(int *)slot = 0;
		else {
			snprintf(why, wlen, "must be yes or no");
			return PW_ERR_INVALID;
		}
		return PW_OK;
	case K_SIZE: {
		char num[32];
		size_t len = strlen(v);
		long mult = 1;

		if (len == 0 || len >= sizeof(num))
			goto bad_size;
		memcpy(num, v, len + 1);
		if (num[len - 1] == 'k' || num[len - 1] == 'K')
			mult = 1024;
		else if (num[len - 1] == 'm' || num[len - 1] == 'M')
			mult = 1024L * 1024;
		if (mult != 1)
			num[len - 1] = '\0';
		if (parse_long(num, 10, &n) || n < k->min || n > k->max / mult)
			goto bad_size;
		*(size_t *)slot = (size_t)(n * mult);
		return PW_OK;
bad_size:
		snprintf(why, wlen, "must be a size in bytes (suffix k or m allowed), 1 to 1024m");
		return PW_ERR_INVALID;
	}
	}
	return PW_ERR_INVALID;
}

static const struct key *find_key(const char *section, const char *name)
{
	for (size_t i = 0; i < PW_ARRAY_LEN(keys); i++)
		if (!strcmp(keys[i].section, section) && !strcmp(keys[i].name, name))
			return &keys[i];
	return NULL;
}

static int known_section(const char *s)
{
	for (size_t i = 0; i < PW_ARRAY_LEN(keys); i++)
		if (!strcmp(keys[i].section, s))
			return 1;
	return 0;
}

/* Trims white space at both ends in place; returns the new start. */
static char *trim(char *s)
{
	char *e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

/* Reads the ini file line by line; lines may be of any length (getline). */
static int load_file(struct pw_config *cfg, const char *path, char err[PW_CONFIG_ERRLEN])
{
	char section[64] = "";
	char why[160];
	char *line = NULL;
	size_t cap = 0;
	long lineno = 0;
	int rc = PW_ERR_CONFIG;
	FILE *f = fopen(path, "re");

	if (!f) {
		snprintf(err, PW_CONFIG_ERRLEN, "%s: cannot read: %s", path, strerror(errno));
		return PW_ERR_CONFIG;
	}
	while (getline(&line, &cap, f) != -1) {
		char *s, *eq, *k, *v;
		const struct key *key;

		lineno++;
		rc = PW_ERR_CONFIG; /* what every early exit below reports */
		s = trim(line);
		if (!*s || *s == ';' || *s == '#')
			continue;
		if (*s == '[') {
			size_t n = strlen(s);
			if (s[n - 1] != ']' || n - 2 >= sizeof(section)) {
				snprintf(err, PW_CONFIG_ERRLEN, "%s:%ld: malformed section header",
					 path, lineno);
				goto out;
			}
			s[n - 1] = '\0';
			memcpy(section, s + 1, n - 1);
			if (!known_section(section)) {
				snprintf(err, PW_CONFIG_ERRLEN, "%s:%ld: unknown section [%.60s]",
					 path, lineno, section);
				goto out;
			}
			continue;
		}
		eq = strchr(s, '=');
		if (!eq) {
			snprintf(err, PW_CONFIG_ERRLEN, "%s:%ld: expected 'key = value'", path,
				 lineno);
			goto out;
		}
		*eq = '\0';
		k = trim(s);
		v = trim(eq + 1);
		if (!*section) {
			snprintf(err, PW_CONFIG_ERRLEN,
				 "%s:%ld: key '%.60s' is outside any [section]", path, lineno, k);
			goto out;
		}
		key = find_key(section, k);
		if (!key) {
			snprintf(err, PW_CONFIG_ERRLEN, "%s:%ld: unknown key '%.60s' in [%s]", path,
				 lineno, k, section);
			goto out;
		}
		why[0] = '\0';
		rc = apply(cfg, key, v, why, sizeof(why));
		if (rc == PW_ERR_NOMEM)
			goto out;
		if (rc != PW_OK) {
			snprintf(err, PW_CONFIG_ERRLEN, "%s:%ld: bad value for %s.%s: %s", path,
				 lineno, section, k, why);
			rc = PW_ERR_CONFIG;
			goto out;
		}
	}
	if (ferror(f)) {
		snprintf(err, PW_CONFIG_ERRLEN, "%s: read error", path);
		goto out;
	}
	rc = PW_OK;
out:
	free(line);
	fclose(f);
	return rc;
}

static int load_env(struct pw_config *cfg, char err[PW_CONFIG_ERRLEN])
{
	char why[160];

	for (size_t i = 0; i < PW_ARRAY_LEN(keys); i++) {
		const char *v = getenv(keys[i].env);
		int rc;

		if (!v)
			continue;
		rc = apply(cfg, &keys[i], v, why, sizeof(why));
		if (rc == PW_ERR_NOMEM)
			return rc;
		if (rc != PW_OK) {
			snprintf(err, PW_CONFIG_ERRLEN, "environment %s: bad value for %s.%s: %s",
				 keys[i].env, keys[i].section, keys[i].name, why);
			return PW_ERR_CONFIG;
		}
	}
	return PW_OK;
}

/* Reads the first line of the password file; the file must exist. */
static int load_password(struct pw_config *cfg, char err[PW_CONFIG_ERRLEN])
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	FILE *f;

	if (!cfg->db_password_file || !*cfg->db_password_file)
		return PW_OK;
	f = fopen(cfg->db_password_file, "re");
	if (!f) {
		snprintf(err, PW_CONFIG_ERRLEN, "database.password_file %s: cannot read: %s",
			 cfg->db_password_file, strerror(errno));
		return PW_ERR_CONFIG;
	}
	n = getline(&line, &cap, f);
	fclose(f);
	if (n < 0) {
		free(line);
		line = strdup("");
		if (!line)
			return PW_ERR_NOMEM;
		n = 0;
	}
	while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		line[--n] = '\0';
	cfg->db_password = line;
	return PW_OK;
}

int pw_config_check_listen(const struct pw_config *cfg, char err[PW_CONFIG_ERRLEN])
{
	const char *l = cfg->listen;
	const char *colon;
	char host[64];
	struct in_addr a;
	long port;

	if (!strncmp(l, "unix:", 5)) {
		if (l[5] != '/') {
			snprintf(err, PW_CONFIG_ERRLEN,
				 "server.listen: a unix socket needs an absolute path (unix:/...)");
			return PW_ERR_CONFIG;
		}
		if (strlen(l + 5) >= 108) {
			snprintf(err, PW_CONFIG_ERRLEN,
				 "server.listen: the socket path is longer than 107 bytes");
			return PW_ERR_CONFIG;
		}
		return PW_OK;
	}
	colon = strrchr(l, ':');
	if (!colon || (size_t)(colon - l) >= sizeof(host) || parse_long(colon + 1, 10, &port) ||
	    port < 1 || port > 65535) {
		snprintf(err, PW_CONFIG_ERRLEN,
			 "server.listen: expected unix:/path or 127.0.0.1:PORT, got '%.100s'", l);
		return PW_ERR_CONFIG;
	}
	memcpy(host, l, (size_t)(colon - l));
	host[colon - l] = '\0';
	if (inet_pton(AF_INET, host, &a) != 1) {
		snprintf(err, PW_CONFIG_ERRLEN, "server.listen: '%.60s' is not an IPv4 address",
			 host);
		return PW_ERR_CONFIG;
	}
	if ((ntohl(a.s_addr) >> 24) != 127 && !cfg->allow_public_listen) {
		snprintf(err, PW_CONFIG_ERRLEN,
			 "server.listen: %.60s is not a loopback address; FastCGI has no "
			 "authentication, set allow_public_listen = yes only behind a firewall",
			 host);
		return PW_ERR_CONFIG;
	}
	return PW_OK;
}

int pw_config_load(struct pw_config *cfg, const char *path, char err[PW_CONFIG_ERRLEN])
{
	int rc;

	err[0] = '\0';
	rc = pw_config_defaults(cfg);
	if (rc == PW_OK && path)
		rc = load_file(cfg, path, err);
	if (rc == PW_OK)
		rc = load_env(cfg, err);
	if (rc == PW_OK)
		rc = pw_config_check_listen(cfg, err);
	if (rc == PW_OK)
		rc = load_password(cfg, err);
	if (rc == PW_ERR_NOMEM)
		snprintf(err, PW_CONFIG_ERRLEN, "out of memory reading the configuration");
	return rc == PW_OK ? PW_OK : PW_ERR_CONFIG;
}
