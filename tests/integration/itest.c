/*
 * itest.c: HTTP, FastCGI and stack-control helpers, and the suite runner.
 */
#include "itest.h"

#include "auth.h"

#include <CUnit/Basic.h>
#include <curl/curl.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

const char *it_env(const char *name)
{
	const char *v = getenv(name);

	if (!v || !*v) {
		fprintf(stderr, "itest: %s is not set: run the suite through harness.sh\n", name);
		exit(1);
	}
	return v;
}

struct grow {
	char *p;
	size_t len;
};

static size_t collect(char *ptr, size_t size, size_t nmemb, void *ud)
{
	struct grow *g = ud;
	size_t n = size * nmemb;
	char *q = realloc(g->p, g->len + n + 1);

	if (!q)
		return 0;
	memcpy(q + g->len, ptr, n);
	g->len += n;
	q[g->len] = '\0';
	g->p = q;
	return n;
}

int it_http(const char *method, const char *path, const char *const *headers, const char *body,
	    size_t body_len, struct it_resp *r)
{
	char url[4096];
	struct grow b = {0}, h = {0};
	struct curl_slist *list = NULL;
	CURL *c = curl_easy_init();
	CURLcode cc;

	memset(r, 0, sizeof(*r));
	if (!c)
		return -1;
	snprintf(url, sizeof(url), "%s%s", it_env("PATHWAY_TEST_URL"), path);
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
	if (!strcmp(method, "HEAD"))
		curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &b);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, collect);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, &h);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 30L);
	/* Expect: 100-continue would hide nginx's early 413 behind curl's wait. */
	list = curl_slist_append(list, "Expect:");
	for (size_t i = 0; headers && headers[i]; i++)
		list = curl_slist_append(list, headers[i]);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, list);
	if (body) {
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
		curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)body_len);
	}
	cc = curl_easy_perform(c);
	if (cc == CURLE_OK)
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->status);
	curl_slist_free_all(list);
	curl_easy_cleanup(c);
	r->body = b.p ? b.p : strdup("");
	r->len = b.len;
	r->headers = h.p ? h.p : strdup("");
	if (cc != CURLE_OK) {
		fprintf(stderr, "itest: %s %s: %s\n", method, path, curl_easy_strerror(cc));
		return -1;
	}
	if (r->len)
		r->json = json_tokener_parse(r->body);
	return 0;
}

void it_resp_free(struct it_resp *r)
{
	free(r->body);
	free(r->headers);
	json_object_put(r->json);
	memset(r, 0, sizeof(*r));
}

const char *it_header(const struct it_resp *r, const char *name, char *out, size_t outlen)
{
	size_t n = strlen(name);
	const char *p = r->headers;

	while (p && *p) {
		const char *eol = strstr(p, "\r\n");
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		if (len > n + 1 && !strncasecmp(p, name, n) && p[n] == ':') {
			const char *v = p + n + 1;
			size_t vl;
			while (*v == ' ')
				v++;
			vl = len - (size_t)(v - p);
			if (vl >= outlen)
				vl = outlen - 1;
			memcpy(out, v, vl);
			out[vl] = '\0';
			return out;
		}
		p = eol ? eol + 2 : NULL;
	}
	return NULL;
}

static json_object *json_at(const struct it_resp *r, const char *path)
{
	char key[128];
	json_object *o = r->json;

	while (o && *path) {
		const char *dot = strchr(path, '.');
		size_t n = dot ? (size_t)(dot - path) : strlen(path);
		if (n >= sizeof(key))
			return NULL;
		memcpy(key, path, n);
		key[n] = '\0';
		if (json_object_is_type(o, json_type_array))
			o = json_object_array_get_idx(o, (size_t)atoi(key));
		else if (!json_object_object_get_ex(o, key, &o))
			return NULL;
		path += n + (dot ? 1 : 0);
	}
	return o;
}

const char *it_json_str(const struct it_resp *r, const char *path)
{
	json_object *o = json_at(r, path);

	return o && json_object_is_type(o, json_type_string) ? json_object_get_string(o) : NULL;
}

long long it_json_int(const struct it_resp *r, const char *path, long long dflt)
{
	json_object *o = json_at(r, path);

	return o && json_object_is_type(o, json_type_int) ? json_object_get_int64(o) : dflt;
}

int it_ctl(const char *args, char *out, size_t outlen)
{
	char cmd[4096];
	FILE *p;
	size_t got = 0;
	int st;

	snprintf(cmd, sizeof(cmd), "%s %s", it_env("PATHWAY_TEST_CTL"), args);
	p = popen(cmd, "r");
	if (!p)
		return -1;
	if (out && outlen) {
		got = fread(out, 1, outlen - 1, p);
		out[got] = '\0';
	} else {
		char sink[512];
		while (fread(sink, 1, sizeof(sink), p) > 0)
			;
	}
	st = pclose(p);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

pid_t it_worker_pid(void)
{
	FILE *f = fopen(it_env("PATHWAY_TEST_PIDFILE"), "r");
	long pid = -1;

	if (!f)
		return -1;
	if (fscanf(f, "%ld", &pid) != 1)
		pid = -1;
	fclose(f);
	return (pid_t)pid;
}

int it_wait_health(int want_status, int secs)
{
	struct timespec pause = {0, 100 * 1000 * 1000};

	for (int i = 0; i < secs * 10; i++) {
		struct it_resp r;
		long st = 0;
		if (it_http("GET", "/api/v1/health", NULL, NULL, 0, &r) == 0)
			st = r.status;
		it_resp_free(&r);
		if (st == want_status)
			return 0;
		nanosleep(&pause, NULL);
	}
	return -1;
}

int it_fcgi_connect(const char *path)
{
	struct sockaddr_un sa;
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

	if (fd < 0)
		return -1;
	memset(&sa, 0, sizeof(sa));
	sa.sun_family = AF_UNIX;
	snprintf(sa.sun_path, sizeof(sa.sun_path), "%s", path);
	if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

static int write_all(int fd, const void *p, size_t n)
{
	const unsigned char *c = p;

	while (n) {
		ssize_t w = send(fd, c, n, MSG_NOSIGNAL);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		c += w;
		n -= (size_t)w;
	}
	return 0;
}

int it_fcgi_record(int fd, int type, int request_id, const void *content, size_t len)
{
	unsigned char h[8];

	if (len > 65535)
		return -1;
	h[0] = 1;
	h[1] = (unsigned char)type;
	h[2] = (unsigned char)(request_id >> 8);
	h[3] = (unsigned char)request_id;
	h[4] = (unsigned char)(len >> 8);
	h[5] = (unsigned char)len;
	h[6] = 0;
	h[7] = 0;
	if (write_all(fd, h, 8) != 0)
		return -1;
	return len ? write_all(fd, content, len) : 0;
}

static size_t put_len(unsigned char *out, unsigned long n)
{
	if (n < 128) {
		out[0] = (unsigned char)n;
		return 1;
	}
	out[0] = (unsigned char)((n >> 24) | 0x80);
	out[1] = (unsigned char)(n >> 16);
	out[2] = (unsigned char)(n >> 8);
	out[3] = (unsigned char)n;
	return 4;
}

size_t it_fcgi_pair(unsigned char *out, unsigned long nlen, unsigned long vlen, const char *name,
		    const char *value)
{
	size_t k = put_len(out, nlen);

	k += put_len(out + k, vlen);
	memcpy(out + k, name, strlen(name));
	k += strlen(name);
	memcpy(out + k, value, strlen(value));
	return k + strlen(value);
}

int it_fcgi_begin_get(int fd, const char *method, const char *path, const char *content_type,
		      long content_length)
{
	return it_fcgi_begin(fd, 0, method, path, content_type, content_length);
}

int it_fcgi_begin(int fd, int keep_conn, const char *method, const char *path,
		  const char *content_type, long content_length)
{
	/* role 1 (responder); flags bit 0 is FCGI_KEEP_CONN */
	unsigned char begin[8] = {0, 1, keep_conn ? 1 : 0, 0, 0, 0, 0, 0};
	unsigned char params[2048];
	char len[32];
	size_t k = 0;

	snprintf(len, sizeof(len), "%ld", content_length);
	k += it_fcgi_pair(params + k, 14, strlen(method), "REQUEST_METHOD", method);
	k += it_fcgi_pair(params + k, 12, strlen(path), "DOCUMENT_URI", path);
	k += it_fcgi_pair(params + k, 12, 0, "QUERY_STRING", "");
	if (content_type)
		k += it_fcgi_pair(params + k, 12, strlen(content_type), "CONTENT_TYPE",
				  content_type);
	if (content_length >= 0)
		k += it_fcgi_pair(params + k, 14, strlen(len), "CONTENT_LENGTH", len);
	if (it_fcgi_record(fd, 1, 1, begin, 8) != 0 || it_fcgi_record(fd, 4, 1, params, k) != 0 ||
	    it_fcgi_record(fd, 4, 1, NULL, 0) != 0)
		return -1;
	if (content_length < 0)
		return it_fcgi_record(fd, 5, 1, NULL, 0);
	return 0;
}

static int read_full(int fd, unsigned char *p, size_t n, int timeout_ms)
{
	while (n) {
		struct pollfd pf = {.fd = fd, .events = POLLIN};
		ssize_t r;
		if (poll(&pf, 1, timeout_ms) != 1)
			return -1;
		r = read(fd, p, n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		p += r;
		n -= (size_t)r;
	}
	return 0;
}

int it_fcgi_read_response(int fd, char *out, size_t outlen, int timeout_ms)
{
	size_t used = 0;

	if (outlen)
		out[0] = '\0';
	for (;;) {
		unsigned char h[8], body[65536 + 256];
		size_t clen, plen;
		if (read_full(fd, h, 8, timeout_ms) != 0)
			return -1;
		clen = ((size_t)h[4] << 8) | h[5];
		plen = h[6];
		if (read_full(fd, body, clen + plen, timeout_ms) != 0)
			return -1;
		if (h[1] == 6 && used + clen < outlen) {
			memcpy(out + used, body, clen);
			used += clen;
			out[used] = '\0';
		}
		if (h[1] == 3)
			return 0;
	}
}

int it_write_file(const char *path, const char *contents)
{
	FILE *f = fopen(path, "w");

	if (!f)
		return -1;
	fputs(contents, f);
	return fclose(f);
}

int it_take_cookie(const struct it_resp *r, struct it_session *s)
{
	const char *p = r->headers;

	while (p && (p = strstr(p, "pw_session=")) != NULL) {
		size_t n = strcspn(p, ";\r\n");
		if (n < sizeof(s->cookie) && n > strlen("pw_session=")) {
			memcpy(s->cookie, p, n);
			s->cookie[n] = '\0';
			return 0;
		}
		p += n;
	}
	return -1;
}

int it_call(const struct it_session *s, const char *method, const char *path,
	    const char *if_match, const char *json, struct it_resp *r)
{
	char cookie[160], csrf[100], im[64];
	const char *h[6];
	int n = 0;

	if (s && s->cookie[0]) {
		snprintf(cookie, sizeof(cookie), "Cookie: %s", s->cookie);
		h[n++] = cookie;
	}
	if (s && s->csrf[0]) {
		snprintf(csrf, sizeof(csrf), "X-CSRF-Token: %s", s->csrf);
		h[n++] = csrf;
	}
	if (if_match) {
		snprintf(im, sizeof(im), "If-Match: %s", if_match);
		h[n++] = im;
	}
	if (json)
		h[n++] = "Content-Type: application/json";
	h[n] = NULL;
	return it_http(method, path, h, json, json ? strlen(json) : 0, r);
}

long it_sign_in(const char *login, const char *password, const char *totp_secret,
		struct it_session *s)
{
	char body[512];
	struct it_resp r;
	long status;
	const char *csrf;

	memset(s, 0, sizeof(*s));
	snprintf(body, sizeof(body), "{\"login\": \"%s\", \"password\": \"%s\"}", login,
		 password);
	if (it_call(NULL, "POST", "/api/v1/session", NULL, body, &r) != 0)
		return -1;
	status = r.status;
	it_take_cookie(&r, s);
	if ((csrf = it_json_str(&r, "csrf_token")))
		snprintf(s->csrf, sizeof(s->csrf), "%s", csrf);
	s->user_id = it_json_int(&r, "user.id", 0);
	if (status == 201 && totp_secret && it_json_str(&r, "stage") &&
	    !strcmp(it_json_str(&r, "stage"), "password")) {
		/* A code is good once: when an earlier sign-in in this 30 s step
		 * used it, the next step's code (within the allowed drift) is
		 * next, and after that only waiting helps. */
		static const int offsets[] = {0, 30, 60};
		for (size_t i = 0; i < IT_LEN(offsets); i++) {
			char code[8];
			time_t now = time(NULL);
			it_resp_free(&r);
			if (i == 2)
				sleep((unsigned)(30 - now % 30) + 1);
			if (pw_totp_code(totp_secret, time(NULL) + (i ? 30 : 0), code) != 0)
				return -1;
			snprintf(body, sizeof(body), "{\"code\": \"%s\"}", code);
			if (it_call(s, "POST", "/api/v1/session/totp", NULL, body, &r) != 0)
				return -1;
			status = r.status;
			if (status != 401)
				break;
		}
		it_take_cookie(&r, s);
	}
	it_resp_free(&r);
	return status;
}

const struct it_session *it_statewide(void)
{
	static struct it_session s;
	static int ready;

	if (!ready && it_sign_in("state.admin", IT_DEMO_PASSWORD, IT_STATE_TOTP, &s) == 200)
		ready = 1;
	return ready ? &s : NULL;
}

static const struct it_suite *const suites[] = {
	&it_suite_health, &it_suite_http,    &it_suite_config, &it_suite_migrate,
	&it_suite_session, &it_suite_org,    &it_suite_participants, &it_suite_idempotency,    &it_suite_programs, &it_suite_services, &it_suite_goals, &it_suite_documents, &it_suite_case_notes, &it_suite_skill_gains, &it_suite_credentials, &it_suite_employment, &it_suite_trackers, &it_suite_success_stories, &it_suite_exit, &it_suite_sweep, &it_suite_post_exit, &it_suite_follow_ups, &it_suite_summary, &it_suite_process,
};

/* Is name one of the comma-separated names in list? */
static int in_list(const char *list, const char *name)
{
	size_t n = strlen(name);

	for (const char *p = list; *p;) {
		size_t len = strcspn(p, ",");
		if (len == n && !strncmp(p, name, n))
			return 1;
		p += len + (p[len] == ',');
	}
	return 0;
}

int main(int argc, char **argv)
{
	unsigned failures, ran, listed = 0;
	const char *only = argc > 1 ? argv[1] : NULL;

	signal(SIGPIPE, SIG_IGN);
	curl_global_init(CURL_GLOBAL_DEFAULT);
	if (CU_initialize_registry() != CUE_SUCCESS)
		return 1;
	for (size_t s = 0; s < IT_LEN(suites); s++) {
		CU_pSuite cs;
		if (only && !in_list(only, suites[s]->name))
			continue;
		cs = CU_add_suite(suites[s]->name, NULL, NULL);
		if (!cs)
			goto fail;
		for (size_t t = 0; t < suites[s]->ntests; t++) {
			if (!CU_add_test(cs, suites[s]->tests[t].name, suites[s]->tests[t].fn))
				goto fail;
			listed++;
		}
	}
	CU_basic_set_mode(CU_BRM_VERBOSE);
	CU_basic_run_tests();
	failures = CU_get_number_of_failures();
	ran = CU_get_number_of_tests_run();
	CU_cleanup_registry();
	curl_global_cleanup();
	if (ran != listed) {
		fprintf(stderr, "itest: %u of %u tests ran\n", ran, listed);
		return 1;
	}
	return failures ? 1 : 0;
fail:
	fprintf(stderr, "itest: cannot build the CUnit registry: %s\n", CU_get_error_msg());
	CU_cleanup_registry();
	return 1;
}
