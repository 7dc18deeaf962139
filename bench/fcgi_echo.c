/*
 * fcgi_echo.c: the FastCGI transport ceiling for bench/run.
 *
 * A responder that does nothing but answer: it listens on the unix socket it
 * is given and every request gets Status 200 with one fixed small JSON body.
 * Its threads are organised as pathway-fcgi's are (FCGX_Init once, then each
 * thread with its own FCGX_Request, taking its next connection from the
 * process's pool with the workers' own pw_conn_next / pw_conn_release
 * (fcgi/connection.c), then FCGX_Accept_r to read the request), so what nginx in front
 * of it can reach is the most the real workers could reach over the same
 * transport: libfcgi's record parsing, the
 * unix socket, and nginx's fastcgi module. The difference between this and
 * GET /api/v1/health is the cost of Pathway's own request handling and its
 * database round trip.
 *
 * Usage: fcgi_echo SOCKET THREADS [GROUP]. The socket gets mode 0660 and,
 * when GROUP is given, that group (nginx's), as the workers' socket does.
 * SIGTERM or SIGINT removes the socket and exits 0. Nothing is logged per
 * request: the responder must cost as little as possible.
 */
#include "connection.h"

#include <errno.h>
#include <fcgiapp.h>
#include <fcntl.h>
#include <grp.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define BACKLOG     128
#define MAX_THREADS 1024

/* The whole response: headers and body, written with one call. */
static const char reply[] = "Status: 200 OK\r\n"
                            "Content-Type: application/json\r\n"
                            "Content-Length: 12\r\n"
                            "\r\n"
                            "{\"ok\":true}\n";

/*
 * One thread: accepts and answers requests on the shared socket until the
 * process exits. Accept errors other than a signal are reported once per
 * occurrence and retried, as the real worker does.
 */
static void *serve(void *arg)
{
	struct pw_conn_pool *pool = arg;
	FCGX_Request req;

	if (FCGX_InitRequest(&req, pool->listen_fd, 0) != 0) {
		fprintf(stderr, "fcgi_echo: FCGX_InitRequest failed\n");
		return NULL;
	}
	for (;;) {
		int rc = pw_conn_next(pool, &req);
		if (rc != 0) {
			if (rc != EINTR)
				fprintf(stderr, "fcgi_echo: accept failed: %s\n", strerror(rc));
			continue;
		}
		rc = FCGX_Accept_r(&req);
		if (rc < 0) {
			if (rc != -EINTR && rc != -EAGAIN)
				fprintf(stderr, "fcgi_echo: reading a request failed: %s\n",
					strerror(-rc));
			continue;
		}
		FCGX_PutStr(reply, (int)sizeof(reply) - 1, req.out);
		FCGX_Finish_r(&req);
		pw_conn_release(pool, &req);
	}
	return NULL;
}

/*
 * Creates the listening socket at path, reachable by its owner and, when
 * group is not NULL, by that group. A stale socket file is replaced; any
 * other file at that path is left alone and is an error. Returns the
 * descriptor, or -1 after printing why.
 */
static int open_socket(const char *path, const char *group)
{
	struct stat st;
	mode_t old;
	int fd;

	/* FCGX_OpenSocket reads "host:port" as TCP, whatever else the name holds. */
	if (strchr(path, ':')) {
		fprintf(stderr, "fcgi_echo: %s: a socket path must not contain ':'\n", path);
		return -1;
	}
	if (lstat(path, &st) == 0) {
		if (!S_ISSOCK(st.st_mode)) {
			fprintf(stderr, "fcgi_echo: %s exists and is not a socket\n", path);
			return -1;
		}
		unlink(path);
	}
	/* Created owner-only, then opened to the group. */
	old = umask(0177);
	fd = FCGX_OpenSocket(path, BACKLOG);
	umask(old);
	if (fd < 0) {
		fprintf(stderr, "fcgi_echo: cannot listen on %s\n", path);
		return -1;
	}
	if (group) {
		struct group *g = getgrnam(group);
		if (!g || chown(path, (uid_t)-1, g->gr_gid) != 0) {
			fprintf(stderr, "fcgi_echo: cannot give %s to group %s\n", path, group);
			goto fail;
		}
	}
	/* Non-blocking, as pw_conn_next wants (the workers' socket is too). */
	if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) != 0) {
		fprintf(stderr, "fcgi_echo: fcntl %s: %s\n", path, strerror(errno));
		goto fail;
	}
	if (chmod(path, 0660) != 0) {
		fprintf(stderr, "fcgi_echo: chmod %s: %s\n", path, strerror(errno));
		goto fail;
	}
	return fd;
fail:
	close(fd);
	unlink(path);
	return -1;
}

int main(int argc, char **argv)
{
	static struct pw_conn_pool pool;
	int listen_fd;
	sigset_t stop_set;
	pthread_t tid;
	char *end;
	long threads;
	int sig;

	if (argc < 3 || argc > 4) {
		fprintf(stderr, "usage: fcgi_echo SOCKET THREADS [GROUP]\n");
		return 2;
	}
	errno = 0;
	threads = strtol(argv[2], &end, 10);
	if (errno || *end || threads < 1 || threads > MAX_THREADS) {
		fprintf(stderr, "fcgi_echo: THREADS must be 1..%d\n", MAX_THREADS);
		return 2;
	}
	/* Every thread inherits this mask, so the stop signals reach only the
	 * main thread's sigwait. A peer closing early must not kill us. */
	sigemptyset(&stop_set);
	sigaddset(&stop_set, SIGTERM);
	sigaddset(&stop_set, SIGINT);
	pthread_sigmask(SIG_BLOCK, &stop_set, NULL);
	signal(SIGPIPE, SIG_IGN);

	if (FCGX_Init() != 0) {
		fprintf(stderr, "fcgi_echo: FCGX_Init failed\n");
		return 1;
	}
	listen_fd = open_socket(argv[1], argc == 4 ? argv[3] : NULL);
	if (listen_fd < 0)
		return 1;
	if (pw_conn_pool_init(&pool, listen_fd) != 0) {
		fprintf(stderr, "fcgi_echo: cannot watch %s\n", argv[1]);
		unlink(argv[1]);
		return 1;
	}
	for (long i = 0; i < threads; i++) {
		if (pthread_create(&tid, NULL, serve, &pool) != 0) {
			fprintf(stderr, "fcgi_echo: cannot start thread %ld\n", i);
			unlink(argv[1]);
			return 1;
		}
		pthread_detach(tid);
	}
	while (sigwait(&stop_set, &sig) != 0)
		;
	/* Threads waiting for a connection or reading end with the process; requests in
	 * flight are dropped, which is fine for a benchmark responder. */
	unlink(argv[1]);
	return 0;
}
