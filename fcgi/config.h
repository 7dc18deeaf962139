/*
 * config.h: the ini configuration shared by pathway-fcgi and pathway-admin.
 *
 * conf/pathway.conf documents every key. Values come from built-in defaults,
 * then the file, then PATHWAY_* environment variables. Any problem (unknown
 * section or key, bad value, unreadable file) is reported as one line naming
 * the file and line (or the variable) and the key, and the program stops.
 */
#ifndef PW_CONFIG_H
#define PW_CONFIG_H

#include <stddef.h>

#define PW_CONFIG_ERRLEN 512

struct pw_config {
	/* [server] */
	char *listen; /* "unix:/path" or "host:port" */
	unsigned socket_mode;
	char *socket_group;
	int allow_public_listen;
	int processes;
	int threads;
	int backlog;
	size_t body_limit;
	size_t document_max_bytes; /* largest uploaded document (api/documents.c) */
	char *pid_file;
	char *log_file;
	/* [database] */
	char *db_socket;
	char *db_host;
	int db_port;
	char *db_name;
	char *db_user;
	char *db_password_file;
	int db_timeout;
	/* [auth] */
	int session_idle_timeout; /* seconds without a request before a session ends */
	int session_lifetime;     /* seconds after sign-in when a session ends regardless */
	int cookie_secure;
	char *totp_required_roles; /* comma-separated role codes */
	char *totp_issuer;
	int login_max_failures;
	int address_max_failures;
	int login_window;  /* seconds over which failures are counted */
	int login_lockout; /* seconds a locked login or address is refused */
	int password_opslimit;
	int password_memlimit_kib;
	/* Read from db_password_file at load time; NULL when none. */
	char *db_password;
};

/* Fills cfg with the built-in defaults. Free with pw_config_free. */
int pw_config_defaults(struct pw_config *cfg);

/*
 * Loads defaults, then `path` (NULL: defaults and environment only), then the
 * environment. On failure returns PW_ERR_CONFIG and writes one line into err.
 * cfg owns its strings afterwards, also on failure (free with pw_config_free).
 */
int pw_config_load(struct pw_config *cfg, const char *path, char err[PW_CONFIG_ERRLEN]);

void pw_config_free(struct pw_config *cfg);

/* Checks listen: "unix:/abs/path" or "IPv4:port"; public addresses need
 * allow_public_listen. Returns PW_OK or PW_ERR_CONFIG with a sentence in err. */
int pw_config_check_listen(const struct pw_config *cfg, char err[PW_CONFIG_ERRLEN]);

/* The default config path: $PATHWAY_CONFIG, else <sysconfdir>/pathway/pathway.conf. */
const char *pw_config_default_path(void);

#endif
