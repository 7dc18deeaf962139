/*
 * worker.c: the accept loop and the life of one request.
 *
 * Connections (connection.c): no kept connection belongs to a thread
 * between requests. Idle kept connections wait in one epoll set per
 * process next to the listening socket (non-blocking, see supervisor.c);
 * a free thread takes whatever is ready (a request on any kept connection,
 * or a new connection), libfcgi's FCGX_Accept_r only reads the request
 * from it, and after the response the connection goes back to the set.
 * So a request waits only for a free thread, never behind an idle
 * connection (issue 2: libfcgi alone, or a mutex around accept as in
 * fcgi2's threaded example, left requests waiting over a second).
 *
 * Stopping: the main thread wakes idle threads with SIGUSR1 (installed
 * without SA_RESTART, so epoll_wait and read return EINTR; the request is
 * initialised with FCGI_FAIL_ACCEPT_ON_INTR) until they notice the stop
 * flag. Busy threads are never signalled, so a request in flight finishes
 * and its response goes out. The listening socket is shared with the
 * parent and the sibling processes and is left open: shutting it would
 * stop them too during a rolling reload.
 */
#include "worker.h"

#include "arena.h"
#include "config.h"
#include "auth.h"
#include "connection.h"
#include "db.h"
#include "gate.h"
#include "idempotency.h"
#include "store/session.h"
#include "handler.h"
#include "json_io.h"
#include "log.h"
#include "pw.h"
#include "request.h"
#include "response.h"
#include "router.h"

#include <errno.h>
#include <fcgiapp.h>
#include <mysql.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* How long a stopping worker waits for requests in flight. */
#define STOP_GRACE_SECONDS 30

enum thread_state { T_STARTING, T_IDLE, T_BUSY, T_DONE };

struct thread_slot {
	pthread_t tid;
	atomic_int state;
	int started;
	int listen_fd;
	struct pw_conn_pool *pool; /* the process's, shared by its threads */
	const struct pw_config *cfg;
};

static atomic_int stopping;

static void wake_handler(int sig)
{
	(void)sig; /* Only here to interrupt a blocking accept/read. */
}

static double ms_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) * 1e3 + (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

/*
 * Reads the request body into req->body, at most the configured cap.
 * PW_OK when complete, PW_ERR_TOO_LARGE past the cap, PW_ERR_IO when the
 * stream broke.
 */
static int read_body(FCGX_Stream *in, struct pw_request *req)
{
	char chunk[16384];
	long long want = req->content_length;

	for (;;) {
		int ask = (int)sizeof(chunk), got, rc;
		if (want >= 0) {
			long long left = want - (long long)req->body.len;
			if (left <= 0)
				break;
			if (left < ask)
				ask = (int)left;
		}
		got = FCGX_GetStr(chunk, ask, in);
		if (got <= 0)
			break;
		rc = pw_buf_append(&req->body, chunk, (size_t)got);
		if (rc != PW_OK)
			return rc;
	}
	if (want >= 0 && (long long)req->body.len != want)
		return PW_ERR_IO;
	req->body_complete = 1;
	return PW_OK;
}

/* Reads and drops what is left of the body, up to limit bytes; returns 0
 * when the stream ended within the limit (the connection can be kept). */
static int drain(FCGX_Stream *in, size_t limit)
{
	char chunk[16384];
	size_t total = 0;
	int got;

	while ((got = FCGX_GetStr(chunk, sizeof(chunk), in)) > 0) {
		total += (size_t)got;
		if (total > limit)
			return -1;
	}
	return 0;
}

static int wants_body(const char *m)
{
	return !strcmp(m, "POST") || !strcmp(m, "PUT") || !strcmp(m, "PATCH");
}

/* Turns a JSON syntax error into the 400 envelope with its position. */
static void malformed_json(struct pw_response *res, const struct pw_json_error *e)
{
	char msg[320];
	json_object *details = pw_details_new();
	json_object *d = json_object_new_object();

	snprintf(msg, sizeof(msg), "The request body is not valid JSON: %s at line %d, column %d.",
		 e->message, e->line, e->column);
	json_object_object_add(d, "field", NULL);
	json_object_object_add(d, "problem", json_object_new_string(e->message));
	json_object_object_add(d, "offset", json_object_new_int64((int64_t)e->offset));
	json_object_object_add(d, "line", json_object_new_int(e->line));
	json_object_object_add(d, "column", json_object_new_int(e->column));
	json_object_array_add(details, d);
	pw_response_error(res, 400, "malformed_json", msg, details);
}

/* Prepares the request, routes it and runs the handler, which fills res. */
static void dispatch(FCGX_Request *fx, struct pw_db *db, const struct pw_config *cfg,
		     struct pw_request *req, struct pw_response *res, struct pw_arena *arena)
{
	struct pw_ctx ctx;
	struct pw_session session;
	struct pw_idem idem;
	const struct pw_route *route;
	json_object *body = NULL;
	struct pw_json_error jerr;
	char allow[128];
	int status, rc;

	memset(&ctx, 0, sizeof(ctx));
	/* The cap applies to every path, before anything else is looked at. */
	if (req->content_length > (long long)cfg->body_limit) {
		char msg[128];
		snprintf(msg, sizeof(msg), "The request body is larger than the limit of %zu bytes.",
			 cfg->body_limit);
		pw_response_error(res, 413, "body_too_large", msg, NULL);
		goto out;
	}
	route = pw_router_match(req->method, req->path, ctx.ids, &ctx.nids, allow, sizeof(allow),
				&status);
	if (!route) {
		if (status == 405) {
			pw_response_error(res, 405, "method_not_allowed",
					  "This method is not allowed on this path.", NULL);
			pw_response_header(res, "Allow", "%s", allow);
		} else {
			pw_response_error(res, 404, "not_found", "There is no such path.", NULL);
		}
		goto out;
	}
	if (req->query_bad) {
		pw_response_error(res, 400, "bad_query",
				  "The query string has a malformed %-escape.", NULL);
		goto out;
	}
	if ((route->flags & PW_ROUTE_RAW_BODY) && wants_body(req->method)) {
		rc = read_body(fx->in, req);
		if (rc == PW_ERR_TOO_LARGE) {
			pw_response_error(res, 413, "body_too_large",
					  "The request body is larger than the limit.", NULL);
			goto out;
		}
		if (rc != PW_OK) {
			pw_response_error(res, 400, "bad_request", "The request body was cut short.",
					  NULL);
			goto out;
		}
	}
	if ((route->flags & PW_ROUTE_JSON) && wants_body(req->method)) {
		if (!pw_request_is_json(req)) {
			pw_response_error(res, 415, "unsupported_media_type",
					  "Send the body as Content-Type: application/json.", NULL);
			goto out;
		}
		rc = read_body(fx->in, req);
		if (rc == PW_ERR_TOO_LARGE) {
			pw_response_error(res, 413, "body_too_large",
					  "The request body is larger than the limit.", NULL);
			goto out;
		}
		if (rc != PW_OK) {
			pw_response_error(res, 400, "bad_request", "The request body was cut short.",
					  NULL);
			goto out;
		}
		rc = pw_json_parse(req->body.data ? req->body.data : "", req->body.len, &body,
				   &jerr);
		if (rc != PW_OK) {
			malformed_json(res, &jerr);
			goto out;
		}
		if (!json_object_is_type(body, json_type_object)) {
			pw_response_error(res, 400, "malformed_json",
					  "The request body must be a JSON object.", NULL);
			goto out;
		}
	}
	ctx.req = req;
	ctx.res = res;
	ctx.db = db;
	ctx.cfg = cfg;
	ctx.arena = arena;
	ctx.body = body;
	if (!(route->flags & PW_ROUTE_NODB)) {
		rc = pw_db_ensure(db);
		if (rc != PW_OK) {
			pw_response_error_rc(res, rc);
			goto out;
		}
	}
	if (pw_gate(&ctx, route, &session) != 0)
		goto out;
	if (pw_idem_begin(&ctx, &idem) != 0)
		goto out;
	route->handler(&ctx);
	pw_idem_finish(&ctx, &idem);
	/* A handler that returns inside a transaction has a bug; never leave
	 * the connection holding locks for the next request. */
	pw_db_rollback(db);
out:
	json_object_put(body);
}

static void serve_one(FCGX_Request *fx, struct pw_db *db, const struct pw_config *cfg)
{
	struct pw_arena arena;
	struct pw_request req;
	struct pw_response res;
	struct pw_buf out;
	struct timespec t0;
	int rc;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	pw_arena_init(&arena);
	pw_response_init(&res);
	pw_buf_init(&out, (size_t)-1 / 2);
	rc = pw_request_init(&req, fx->envp, &arena, cfg->body_limit);
	if (rc != PW_OK)
		pw_response_error_rc(&res, rc);
	else
		dispatch(fx, db, cfg, &req, &res, &arena);
	if (pw_response_serialize(&res, req.request_id, !strcmp(req.method, "HEAD"), &out) ==
	    PW_OK)
		/* No flush here: FCGX_Finish_r sends what is buffered together
		 * with the end-of-request record, one write for a response that
		 * fits libfcgi's buffer instead of two. */
		FCGX_PutStr(out.data, (int)out.len, fx->out);
	pw_log_request(req.request_id, req.method, req.path, res.status, ms_since(&t0));
	/* Whatever the handler did not read of the body must not be taken for
	 * the next request on a kept connection: a body within the cap is read
	 * and dropped; a larger one is never read, and the connection closes. */
	if (!req.body_complete) {
		if (req.content_length > (long long)cfg->body_limit ||
		    drain(fx->in, cfg->body_limit) != 0)
			fx->keepConnection = 0;
	}
	pw_buf_free(&out);
	pw_request_free(&req);
	pw_response_free(&res);
	pw_arena_reset(&arena);
}

static void *thread_main(void *arg)
{
	struct thread_slot *slot = arg;
	FCGX_Request fx;
	struct pw_db *db = NULL;

	mysql_thread_init();
	if (FCGX_InitRequest(&fx, slot->listen_fd, FCGI_FAIL_ACCEPT_ON_INTR) != 0) {
		pw_log("error", "worker: FCGX_InitRequest failed");
		goto out;
	}
	db = pw_db_new(slot->cfg, 60);
	if (!db) {
		pw_log("error", "worker: out of memory creating a database handle");
		goto out;
	}
	/* Connect early so the first request does not pay for it; a database
	 * that is down now is retried on each request. */
	pw_db_ensure(db);
	while (!atomic_load(&stopping)) {
		int rc;
		atomic_store(&slot->state, T_IDLE);
		rc = pw_conn_next(slot->pool, &fx);
		if (rc != 0) {
			if (rc != EINTR) {
				/* No descriptors left, say: waited out, not spun. */
				struct timespec pause = {0, 100 * 1000 * 1000};
				pw_log("warn", "worker: accept failed: %s", strerror(rc));
				nanosleep(&pause, NULL);
			}
			continue;
		}
		/* With a connection in hand, FCGX_Accept_r only reads. When that
		 * connection has ended, it goes on to accept on the non-blocking
		 * socket itself: EAGAIN then means "wait again". */
		rc = FCGX_Accept_r(&fx);
		if (rc < 0) {
			if (atomic_load(&stopping))
				break;
			if (rc != -EINTR && rc != -EAGAIN && rc != -EWOULDBLOCK)
				pw_log("warn", "worker: reading a request failed: %s",
				       strerror(-rc));
			continue;
		}
		atomic_store(&slot->state, T_BUSY);
		serve_one(&fx, db, slot->cfg);
		FCGX_Finish_r(&fx);
		pw_conn_release(slot->pool, &fx);
	}
	/* Close a kept-alive connection, if any. */
	FCGX_Free(&fx, 1);
out:
	pw_db_free(db);
	mysql_thread_end();
	atomic_store(&slot->state, T_DONE);
	return NULL;
}

/* Signals every idle thread so it leaves accept/read and sees the flag. */
static void kick_idle(struct thread_slot *slots, int n)
{
	for (int i = 0; i < n; i++)
		if (slots[i].started && atomic_load(&slots[i].state) == T_IDLE)
			pthread_kill(slots[i].tid, SIGUSR1);
}

static int all_done(struct thread_slot *slots, int n)
{
	for (int i = 0; i < n; i++)
		if (slots[i].started && atomic_load(&slots[i].state) != T_DONE)
			return 0;
	return 1;
}

int pw_worker_run(const struct pw_config *cfg, int listen_fd, int ready_fd)
{
	struct thread_slot *slots = NULL;
	struct pw_conn_pool pool = {.epfd = -1};
	struct sigaction sa;
	sigset_t wait_set;
	int n = cfg->threads, rc = 1, sig, e;
	struct timespec deadline;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = wake_handler; /* no SA_RESTART: blocking calls see EINTR */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	/* Every thread inherits this mask: only SIGUSR1 gets through to them;
	 * the main thread takes the rest with sigwait. */
	sigemptyset(&wait_set);
	sigaddset(&wait_set, SIGTERM);
	sigaddset(&wait_set, SIGINT);
	sigaddset(&wait_set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &wait_set, NULL);

	if (mysql_library_init(0, NULL, NULL) != 0 || FCGX_Init() != 0 ||
	    pw_auth_init() != PW_OK) {
		pw_log("error", "worker: library initialisation failed");
		goto out;
	}
	e = pw_conn_pool_init(&pool, listen_fd);
	if (e != 0) {
		pw_log("error", "worker: cannot watch the listening socket: %s", strerror(e));
		goto out;
	}
	slots = calloc((size_t)n, sizeof(*slots));
	if (!slots)
		goto out;
	for (int i = 0; i < n; i++) {
		slots[i].listen_fd = listen_fd;
		slots[i].pool = &pool;
		slots[i].cfg = cfg;
		atomic_store(&slots[i].state, T_STARTING);
		if (pthread_create(&slots[i].tid, NULL, thread_main, &slots[i]) != 0) {
			pw_log("error", "worker: cannot start thread %d", i);
			atomic_store(&stopping, 1);
			break;
		}
		slots[i].started = 1;
	}
	if (ready_fd >= 0) {
		ssize_t w = write(ready_fd, "r", 1);
		(void)w;
		close(ready_fd);
	}
	pw_log("info", "worker: %d threads accepting", n);
	while (!atomic_load(&stopping)) {
		if (sigwait(&wait_set, &sig) != 0)
			continue;
		if (sig == SIGHUP) {
			pw_log_reopen();
			continue;
		}
		atomic_store(&stopping, 1);
	}
	pw_log("info", "worker: stopping, finishing requests in flight");
	clock_gettime(CLOCK_MONOTONIC, &deadline);
	deadline.tv_sec += STOP_GRACE_SECONDS;
	for (;;) {
		struct timespec now, pause = {0, 20 * 1000 * 1000};
		kick_idle(slots, n);
		if (all_done(slots, n))
			break;
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (now.tv_sec > deadline.tv_sec) {
			pw_log("warn", "worker: requests still running after %d s; exiting",
			       STOP_GRACE_SECONDS);
			goto out;
		}
		nanosleep(&pause, NULL);
	}
	for (int i = 0; i < n; i++)
		if (slots[i].started)
			pthread_join(slots[i].tid, NULL);
	rc = 0;
out:
	free(slots);
	/* Threads may still run when the grace period ran out: the process
	 * exits without tearing down what they use. */
	if (rc == 0) {
		pw_conn_pool_free(&pool); /* idle kept connections close at exit */
		mysql_library_end();
	}
	return rc;
}
