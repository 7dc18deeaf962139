/*
 * connection.h: which connection a worker thread reads its next request
 * from (issue 2, keep-alive to the workers). Shared by pathway-fcgi and the
 * benchmark's minimal responder (bench/fcgi_echo.c), so the transport
 * ceiling bench/run measures is reached with the same connection handling.
 */
#ifndef PW_CONNECTION_H
#define PW_CONNECTION_H

#include <fcgiapp.h>

/*
 * Waits until the thread has a connection to read a request from and
 * leaves it in fx->ipcFd: the connection kept from the last request when
 * nginx sends on it, or a new one from listen_fd, which must be
 * non-blocking. A new connection that waits while the kept one is quiet
 * is taken and the quiet one closed, so no connection waits behind an idle
 * one. Returns 0 with a connection, EINTR when a signal interrupted the
 * wait, or the errno of an accept(2) failure that is not about one
 * connection (EMFILE...): the caller decides whether to go on.
 */
int pw_conn_next(FCGX_Request *fx, int listen_fd);

#endif
