/*
 * test_process.c: the worker pool as processes: socket permissions, a
 * crashed or killed worker, the CVE-2025-23016 record, graceful SIGTERM.
 */
#include "itest.h"

#include <curl/curl.h>

#include <dirent.h>
#include <errno.h>
#include <grp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* The pids of the children of parent, from /proc. */
static int children_of(pid_t parent, pid_t *out, int max)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	int n = 0;

	if (!d)
		return 0;
	while ((e = readdir(d)) && n < max) {
		char path[300], buf[512], *p;
		FILE *f;
		long ppid;
		if (e->d_name[0] < '0' || e->d_name[0] > '9')
			continue;
		snprintf(path, sizeof(path), "/proc/%s/stat", e->d_name);
		f = fopen(path, "r");
		if (!f)
			continue;
		if (fgets(buf, sizeof(buf), f) && (p = strrchr(buf, ')')) &&
		    sscanf(p + 2, "%*c %ld", &ppid) == 1 && ppid == parent)
			out[n++] = (pid_t)atol(e->d_name);
		fclose(f);
	}
	closedir(d);
	return n;
}

static int all_healthy(int count)
{
	for (int i = 0; i < count; i++) {
		struct it_resp r;
		long st = 0;
		if (it_http("GET", "/api/v1/health", NULL, NULL, 0, &r) == 0)
			st = r.status;
		it_resp_free(&r);
		if (st != 200) {
			fprintf(stderr, "\n    request %d answered %ld\n", i, st);
			return 0;
		}
	}
	return 1;
}

static int wait_children(pid_t parent, int want, int secs)
{
	pid_t kids[64];

	for (int i = 0; i < secs * 10; i++) {
		if (children_of(parent, kids, 64) == want)
			return 0;
		usleep(100 * 1000);
	}
	return -1;
}

static void socket_is_0660_and_owned_by_the_web_server_group(void)
{
	struct stat st;
	struct group *g = getgrnam("www-data");

	CU_ASSERT_EQUAL_FATAL(stat(it_env("PATHWAY_TEST_SOCKET"), &st), 0);
	CU_ASSERT(S_ISSOCK(st.st_mode));
	CU_ASSERT_EQUAL(st.st_mode & 0777, 0660);
	CU_ASSERT_PTR_NOT_NULL_FATAL(g);
	CU_ASSERT_EQUAL(st.st_gid, g->gr_gid);
}

static void crafted_params_record_does_not_take_the_service_down(void)
{
	/* CVE-2025-23016: a PARAMS record announcing name and value lengths of
	 * 0x7ffffffe. Debian 12's libfcgi still aborts the process reading it;
	 * the supervisor must replace it and the service go on answering. */
	unsigned char begin[8] = {0, 1, 0, 0, 0, 0, 0, 0};
	unsigned char rec[64];
	size_t k = 0;
	char out[256];
	pid_t parent = it_worker_pid();
	int fd;

	CU_ASSERT_FATAL(parent > 0);
	fd = it_fcgi_connect(it_env("PATHWAY_TEST_SOCKET"));
	CU_ASSERT_FATAL(fd >= 0);
	k = it_fcgi_pair(rec, 0x7ffffffeUL, 0x7ffffffeUL, "AAAA", "BBBB");
	CU_ASSERT_EQUAL(it_fcgi_record(fd, 1, 1, begin, 8), 0);
	CU_ASSERT_EQUAL(it_fcgi_record(fd, 4, 1, rec, k), 0);
	it_fcgi_record(fd, 4, 1, NULL, 0);
	/* Whatever the worker does with it, no valid response can come back. */
	it_fcgi_read_response(fd, out, sizeof(out), 3000);
	close(fd);
	CU_ASSERT(all_healthy(30));
	CU_ASSERT_EQUAL(wait_children(parent, 2, 15), 0);
	CU_ASSERT(all_healthy(30));
	CU_ASSERT_EQUAL(it_worker_pid(), parent);
}

static void killed_worker_is_replaced_and_the_service_keeps_answering(void)
{
	pid_t parent = it_worker_pid(), kids[64], after[64];
	int n, m;

	CU_ASSERT_FATAL(parent > 0);
	n = children_of(parent, kids, 64);
	CU_ASSERT_EQUAL_FATAL(n, 2);
	CU_ASSERT_EQUAL(kill(kids[0], SIGKILL), 0);
	CU_ASSERT(all_healthy(40));
	CU_ASSERT_EQUAL(wait_children(parent, 2, 15), 0);
	m = children_of(parent, after, 64);
	CU_ASSERT_EQUAL(m, 2);
	for (int i = 0; i < m; i++)
		CU_ASSERT_NOT_EQUAL(after[i], kids[0]);
	CU_ASSERT(all_healthy(20));
}

/* Starts a private pathway-fcgi (1 process, 2 threads) on its own socket. */
static pid_t start_private(const char *sock, const char *conf)
{
	char text[2048];
	pid_t pid;

	snprintf(text, sizeof(text),
		 "[server]\nlisten = unix:%s\nprocesses = 1\nthreads = 2\nlog_file = %s/private.log\n"
		 "[database]\nsocket = %s\nuser = root\nname = pathway\n",
		 sock, it_env("PATHWAY_TEST_DIR"), it_env("PATHWAY_TEST_DB_SOCKET"));
	if (it_write_file(conf, text) != 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		execl(it_env("PATHWAY_FCGI_BIN"), "pathway-fcgi", "-c", conf, (char *)NULL);
		_exit(127);
	}
	for (int i = 0; i < 100; i++) {
		int fd = it_fcgi_connect(sock);
		if (fd >= 0) {
			close(fd);
			return pid;
		}
		usleep(50 * 1000);
	}
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	return -1;
}

static void sigterm_finishes_the_request_in_flight_then_exits_zero(void)
{
	char sock[512], conf[512], out[8192];
	pid_t pid;
	int fd, status = -1;

	snprintf(sock, sizeof(sock), "%s/private.sock", it_env("PATHWAY_TEST_DIR"));
	snprintf(conf, sizeof(conf), "%s/private.conf", it_env("PATHWAY_TEST_DIR"));
	pid = start_private(sock, conf);
	CU_ASSERT_FATAL(pid > 0);
	usleep(300 * 1000); /* both threads waiting in accept */
	fd = it_fcgi_connect(sock);
	CU_ASSERT_FATAL(fd >= 0);
	/* A request whose body is still arriving when SIGTERM comes. */
	CU_ASSERT_EQUAL(it_fcgi_begin_get(fd, "POST", "/api/v1/health", "application/json", 10), 0);
	CU_ASSERT_EQUAL(it_fcgi_record(fd, 5, 1, "{\"a\":", 5), 0);
	usleep(300 * 1000);
	CU_ASSERT_EQUAL(kill(pid, SIGTERM), 0);
	usleep(500 * 1000);
	/* The worker must still be there, waiting for the rest. */
	CU_ASSERT_EQUAL(waitpid(pid, &status, WNOHANG), 0);
	CU_ASSERT_EQUAL(it_fcgi_record(fd, 5, 1, " 1}  ", 5), 0);
	CU_ASSERT_EQUAL(it_fcgi_record(fd, 5, 1, NULL, 0), 0);
	CU_ASSERT_EQUAL(it_fcgi_read_response(fd, out, sizeof(out), 10000), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "Status: 405"));
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "X-Request-Id: "));
	close(fd);
	for (int i = 0; i < 200 && waitpid(pid, &status, WNOHANG) == 0; i++)
		usleep(50 * 1000);
	CU_ASSERT(WIFEXITED(status));
	CU_ASSERT_EQUAL(WEXITSTATUS(status), 0);
	/* It cleaned up its socket. */
	CU_ASSERT_NOT_EQUAL(access(sock, F_OK), 0);
	if (!WIFEXITED(status)) {
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
	}
}

static void sighup_replaces_workers_without_a_failed_request(void)
{
	pid_t parent = it_worker_pid(), before[64], after[64];
	int n, m, moved = 0;

	CU_ASSERT_FATAL(parent > 0);
	n = children_of(parent, before, 64);
	CU_ASSERT_EQUAL(kill(parent, SIGHUP), 0);
	/* Keep asking while the reload runs. */
	CU_ASSERT(all_healthy(150));
	CU_ASSERT_EQUAL(wait_children(parent, 2, 15), 0);
	m = children_of(parent, after, 64);
	for (int i = 0; i < m; i++) {
		int old = 0;
		for (int j = 0; j < n; j++)
			if (after[i] == before[j])
				old = 1;
		moved += !old;
	}
	CU_ASSERT_EQUAL(moved, 2);
	CU_ASSERT_EQUAL(it_worker_pid(), parent);
}

static void more_parallel_requests_than_threads_all_answer_promptly(void)
{
	/* nginx keeps up to processes x threads idle connections to the workers;
	 * twice that many requests at once must not queue behind them. */
	enum { N = 24 };
	CURLM *multi = curl_multi_init();
	CURL *easy[N];
	char url[512];
	int running = 0, done = 0;
	struct timespec t0, t1;
	long ms;

	CU_ASSERT_PTR_NOT_NULL_FATAL(multi);
	snprintf(url, sizeof(url), "%s/api/v1/health", it_env("PATHWAY_TEST_URL"));
	for (int round = 0; round < 3; round++) {
		clock_gettime(CLOCK_MONOTONIC, &t0);
		for (int i = 0; i < N; i++) {
			easy[i] = curl_easy_init();
			curl_easy_setopt(easy[i], CURLOPT_URL, url);
			curl_easy_setopt(easy[i], CURLOPT_TIMEOUT, 20L);
			curl_easy_setopt(easy[i], CURLOPT_NOBODY, 1L);
			curl_easy_setopt(easy[i], CURLOPT_FORBID_REUSE, 1L);
			curl_multi_add_handle(multi, easy[i]);
		}
		do {
			curl_multi_perform(multi, &running);
			if (running)
				curl_multi_poll(multi, NULL, 0, 200, NULL);
		} while (running);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
		for (int i = 0; i < N; i++) {
			long code = 0;
			curl_easy_getinfo(easy[i], CURLINFO_RESPONSE_CODE, &code);
			done += code == 200;
			curl_multi_remove_handle(multi, easy[i]);
			curl_easy_cleanup(easy[i]);
		}
		if (ms >= 5000)
			fprintf(stderr, "\n    round %d took %ld ms", round, ms);
		CU_ASSERT(ms < 5000);
	}
	CU_ASSERT_EQUAL(done, 3 * N);
	curl_multi_cleanup(multi);
}

static void idle_kept_connections_do_not_keep_a_new_one_waiting(void)
{
	/* nginx keeps connections open between requests (fastcgi_keep_conn)
	 * and opens new ones while those sit idle. Hold an idle kept
	 * connection for every thread of every worker, then ask on a new one:
	 * it must be answered, not left in the backlog until one of the idle
	 * ones is used again (issue 2; libfcgi alone never answers it). Then
	 * every held connection either answers again or was let go: none may
	 * hang. */
	enum { MAX_SLOTS = 64 };
	int held[MAX_SLOTS], slots = atoi(it_env("PATHWAY_TEST_SLOTS")), fd;
	int answered = 0, let_go = 0;
	char out[2048];

	CU_ASSERT_FATAL(slots > 0 && slots <= MAX_SLOTS);
	for (int i = 0; i < slots; i++) {
		held[i] = it_fcgi_connect(it_env("PATHWAY_TEST_SOCKET"));
		CU_ASSERT_FATAL(held[i] >= 0);
		CU_ASSERT_EQUAL(it_fcgi_begin(held[i], 1, "GET", "/api/v1/health", NULL, -1), 0);
		CU_ASSERT_EQUAL(it_fcgi_read_response(held[i], out, sizeof(out), 10000), 0);
	}
	fd = it_fcgi_connect(it_env("PATHWAY_TEST_SOCKET"));
	CU_ASSERT_FATAL(fd >= 0);
	CU_ASSERT_EQUAL(it_fcgi_begin(fd, 0, "GET", "/api/v1/health", NULL, -1), 0);
	CU_ASSERT_EQUAL(it_fcgi_read_response(fd, out, sizeof(out), 10000), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "Status: 200"));
	close(fd);
	for (int i = 0; i < slots; i++) {
		/* A connection the worker let go reads as ended at once; any
		 * other must answer. */
		struct pollfd pf = {.fd = held[i], .events = POLLIN};
		if (poll(&pf, 1, 200) == 1)
			let_go++;
		else if (it_fcgi_begin(held[i], 1, "GET", "/api/v1/health", NULL, -1) == 0 &&
			 it_fcgi_read_response(held[i], out, sizeof(out), 10000) == 0)
			answered++;
		close(held[i]);
	}
	CU_ASSERT_EQUAL(answered + let_go, slots);
	CU_ASSERT(answered > 0);
}

static const struct it_test tests[] = {
	{"idle kept connections do not keep a new one waiting",
	 idle_kept_connections_do_not_keep_a_new_one_waiting},
	{"more parallel requests than threads all answer promptly",
	 more_parallel_requests_than_threads_all_answer_promptly},
	{"the socket is mode 0660 and belongs to the web server's group", socket_is_0660_and_owned_by_the_web_server_group},
	{"a crafted PARAMS record (CVE-2025-23016) does not take the service down", crafted_params_record_does_not_take_the_service_down},
	{"a killed worker is replaced and the service keeps answering", killed_worker_is_replaced_and_the_service_keeps_answering},
	{"SIGHUP replaces the workers one by one without a failed request", sighup_replaces_workers_without_a_failed_request},
	{"SIGTERM finishes the request in flight, then the parent exits 0", sigterm_finishes_the_request_in_flight_then_exits_zero},
};

const struct it_suite it_suite_process = {"process", tests, IT_LEN(tests)};
