/*
 * connection.h: which connection a worker thread reads its next request
 * from (issue 2, keep-alive to the workers). Shared by pathway-fcgi and the
 * benchmark's minimal responder (bench/fcgi_echo.c), so the transport
 * ceiling bench/run measures is reached with the same connection handling.
 */
#ifndef PW_CONNECTION_H
#define PW_CONNECTION_H

#include <fcgiapp.h>

/* One process's connections: an epoll instance holding the listening
 * socket and every kept connection while it is idle, shared by all the
 * process's threads. Owned by whoever initialised it; free it after the
 * threads have stopped. */
struct pw_conn_pool {
	int epfd;
	int listen_fd;
};

/* 0, or the errno of epoll_create1/epoll_ctl. listen_fd must be
 * non-blocking. */
int pw_conn_pool_init(struct pw_conn_pool *p, int listen_fd);
void pw_conn_pool_free(struct pw_conn_pool *p);

/*
 * Waits until some connection of the pool has a request (or has ended),
 * or a new one arrives, and leaves it in fx->ipcFd for FCGX_Accept_r to
 * read; fx must hold no connection (see pw_conn_release). Returns 0 with a
 * connection, EINTR when a signal interrupted the wait, or the errno of a
 * failure that is not about one connection (EMFILE...): the caller decides
 * whether to go on.
 */
int pw_conn_next(struct pw_conn_pool *p, FCGX_Request *fx);

/* After FCGX_Finish_r: a connection libfcgi kept open goes back to the
 * pool, for whichever thread is free when nginx sends on it next, and fx
 * lets go of it. */
void pw_conn_release(struct pw_conn_pool *p, FCGX_Request *fx);

#endif
