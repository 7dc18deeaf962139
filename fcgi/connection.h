/*
 * connection.h: which connection a worker thread reads its next request
 * from (issue 2, keep-alive to the workers). Shared by pathway-fcgi and the
 * benchmark's minimal responder (bench/fcgi_echo.c), so the transport
 * ceiling bench/run measures is reached with the same connection handling.
 */
#ifndef PW_CONNECTION_H
#define PW_CONNECTION_H

#include <fcgiapp.h>

/* One thread's waiting place: an epoll instance watching the listening
 * socket and the connection the thread keeps (connection.c says how).
 * Owned by the thread. */
struct pw_conn_waiter {
	int epfd;
	int listen_fd;
	int mode; /* how the listening socket is watched now (connection.c) */
};

/* 0, or the errno of epoll_create1. listen_fd must be non-blocking. */
int pw_conn_waiter_init(struct pw_conn_waiter *w, int listen_fd);
void pw_conn_waiter_free(struct pw_conn_waiter *w);

/*
 * Waits until the thread has a connection to read a request from and
 * leaves it in fx->ipcFd: the connection kept from the last request when
 * nginx sends on it, or a new one from the listening socket. A new
 * connection that waits while the kept one is quiet is taken and the quiet
 * one closed, so no connection waits behind an idle one. Returns 0 with a
 * connection, EINTR when a signal interrupted the wait, or the errno of a
 * failure that is not about one connection (EMFILE...): the caller decides
 * whether to go on.
 */
int pw_conn_next(struct pw_conn_waiter *w, FCGX_Request *fx);

#endif
