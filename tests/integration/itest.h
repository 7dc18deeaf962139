/*
 * itest.h: helpers for the integration suite, which talks HTTP to the real
 * nginx in front of the real workers and MariaDB that
 * tests/integration/harness.sh started for it (never a mock).
 *
 * The harness exports where everything is (PATHWAY_TEST_URL, ..._SOCKET,
 * ..._CONF, ..._PIDFILE, ..._CTL, ...); a missing variable fails the suite
 * loudly: integration tests never skip.
 */
#ifndef PW_ITEST_H
#define PW_ITEST_H

#include <CUnit/CUnit.h>
#include <json-c/json.h>
#include <stddef.h>
#include <sys/types.h>

struct it_resp {
	long status;
	char *body;         /* NUL-terminated, owned */
	size_t len;
	char *headers;      /* raw header block, owned */
	json_object *json;  /* parsed body when it is JSON, owned */
};

struct it_test {
	const char *name; /* the behaviour checked, as a sentence */
	CU_TestFunc fn;
};

struct it_suite {
	const char *name;
	const struct it_test *tests;
	size_t ntests;
};

/* An environment variable the harness must have set; aborts the suite if not. */
const char *it_env(const char *name);

/*
 * Sends one HTTP request to PATHWAY_TEST_URL + path. headers is a
 * NULL-terminated list of "Name: value" lines or NULL; body may be NULL.
 * Returns 0 and fills r (free with it_resp_free), or -1 on a transport
 * failure.
 */
int it_http(const char *method, const char *path, const char *const *headers, const char *body,
	    size_t body_len, struct it_resp *r);
void it_resp_free(struct it_resp *r);
/* The value of response header name (case-insensitive) in a static buffer, or NULL. */
const char *it_header(const struct it_resp *r, const char *name, char *out, size_t outlen);
/* The string at a dotted path of the JSON body ("error.code"), or NULL. */
const char *it_json_str(const struct it_resp *r, const char *path);
/* The integer at a dotted path, or dflt. */
long long it_json_int(const struct it_resp *r, const char *path, long long dflt);

/* Runs "$PATHWAY_TEST_CTL args" and returns its exit status; its output in out if not NULL. */
int it_ctl(const char *args, char *out, size_t outlen);

/* The worker parent's pid from PATHWAY_TEST_PIDFILE. */
pid_t it_worker_pid(void);
/* Polls GET /api/v1/health until it answers want_status, up to secs. */
int it_wait_health(int want_status, int secs);

/* Raw FastCGI: connects to the unix socket at path; -1 on failure. */
int it_fcgi_connect(const char *path);
/* Writes a FastCGI record of type with content; 0 or -1. */
int it_fcgi_record(int fd, int type, int request_id, const void *content, size_t len);
/* Encodes one name-value pair with the lengths given (not those of the strings). */
size_t it_fcgi_pair(unsigned char *out, unsigned long nlen, unsigned long vlen, const char *name,
		    const char *value);
/* Sends a complete GET request for path; returns 0 or -1. */
int it_fcgi_begin_get(int fd, const char *method, const char *path, const char *content_type,
		      long content_length);
/* The same, asking the worker to keep the connection open afterwards
 * (FCGI_KEEP_CONN, as nginx's fastcgi_keep_conn does) when keep_conn. */
int it_fcgi_begin(int fd, int keep_conn, const char *method, const char *path,
		  const char *content_type, long content_length);
/* Reads FastCGI records until END_REQUEST or EOF, collecting STDOUT into out.
 * Returns 0 when END_REQUEST arrived, -1 otherwise. */
int it_fcgi_read_response(int fd, char *out, size_t outlen, int timeout_ms);

/* A signed-in session for API calls. */
struct it_session {
	char cookie[128]; /* "pw_session=..." */
	char csrf[64];
	long long user_id;
};

/*
 * Signs in with login and password; when totp_secret is not NULL and the
 * answer asks for the second factor, sends the current code. Returns the
 * final HTTP status (201 or 200 when signed in) and fills s.
 */
long it_sign_in(const char *login, const char *password, const char *totp_secret,
		struct it_session *s);
/* One statewide session shared by the suite (signing in costs a TOTP step). */
const struct it_session *it_statewide(void);
/* A JSON API call with the session's cookie and CSRF token (s may be NULL);
 * if_match and json may be NULL. Returns 0 or -1 like it_http. */
int it_call(const struct it_session *s, const char *method, const char *path,
	    const char *if_match, const char *json, struct it_resp *r);
/* Takes the pw_session cookie from a response's Set-Cookie into s->cookie. */
int it_take_cookie(const struct it_resp *r, struct it_session *s);
/* The demo password of every demo account. */
#define IT_DEMO_PASSWORD "Pathway-Demo-2026"
#define IT_STATE_TOTP "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
#define IT_PM_TOTP "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU"

/* A temporary file with contents; returns its path (static buffer per call site). */
int it_write_file(const char *path, const char *contents);

/* Every suite of the integration program. */
extern const struct it_suite it_suite_http;
extern const struct it_suite it_suite_health;
extern const struct it_suite it_suite_process;
extern const struct it_suite it_suite_config;
extern const struct it_suite it_suite_migrate;
extern const struct it_suite it_suite_session;
extern const struct it_suite it_suite_org;
extern const struct it_suite it_suite_services;
extern const struct it_suite it_suite_goals;
extern const struct it_suite it_suite_programs;
extern const struct it_suite it_suite_participants;
extern const struct it_suite it_suite_idempotency;
extern const struct it_suite it_suite_documents;
extern const struct it_suite it_suite_case_notes;
extern const struct it_suite it_suite_exit;
extern const struct it_suite it_suite_sweep;
extern const struct it_suite it_suite_post_exit;
extern const struct it_suite it_suite_follow_ups;
extern const struct it_suite it_suite_summary;
extern const struct it_suite it_suite_skill_gains;
extern const struct it_suite it_suite_credentials;
extern const struct it_suite it_suite_employment;
extern const struct it_suite it_suite_trackers;
extern const struct it_suite it_suite_success_stories;

#define IT_LEN(a) (sizeof(a) / sizeof((a)[0]))

#endif
