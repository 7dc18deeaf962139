/*
 * connection.c: see connection.h.
 *
 * Why: nginx opens a connection per request in flight and, with
 * fastcgi_keep_conn, caches up to `keepalive` of them; libfcgi serves one
 * request at a time per connection and would leave a thread blocked
 * reading its kept connection while new connections wait unaccepted in
 * the listen backlog (issue 2 measured p99 above 1 s, with timeouts, at 64
 * connections against 16 threads). Here a thread waits in epoll on both
 * the listening socket and its kept connection instead.
 *
 * Two ways of watching the listening socket, so that a new connection
 * goes to a free thread when there is one and costs a kept connection
 * only when there is not:
 *   - a free thread (no kept connection) watches it with EPOLLEXCLUSIVE:
 *     a new connection wakes one free thread, not all of them;
 *   - a thread keeping a connection watches it edge-triggered and takes a
 *     new connection only when no thread of this process is free (the
 *     free one was woken for it); it then closes its quiet kept one.
 *
 * The race that remains: nginx may choose a cached connection in the
 * microseconds between a thread's epoll_wait and its close. nginx then
 * gets an error on a cached connection and retries the request on a new
 * one when the request is safe to repeat (GET, HEAD); a POST is answered
 * 502 and the app may send it again with the same Idempotency-Key.
 */
#include "connection.h"

#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdatomic.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

enum { MODE_NONE, MODE_FREE, MODE_KEEPING };

/* Threads of this process waiting with no kept connection. */
static atomic_int free_waiters;

/* accept(2) errors that concern one connection, or none (another thread
 * took it first): wait again. */
static int transient(int e)
{
	return e == EAGAIN || e == EWOULDBLOCK || e == ECONNABORTED || e == EPROTO ||
	       e == EPERM || e == ENETDOWN || e == EHOSTUNREACH || e == ENETUNREACH;
}

int pw_conn_waiter_init(struct pw_conn_waiter *w, int listen_fd)
{
	w->listen_fd = listen_fd;
	w->mode = MODE_NONE;
	w->epfd = epoll_create1(EPOLL_CLOEXEC);
	return w->epfd < 0 ? errno : 0;
}

void pw_conn_waiter_free(struct pw_conn_waiter *w)
{
	if (w->epfd >= 0)
		close(w->epfd);
	w->epfd = -1;
}

/* Watches the listening socket the way mode says (epoll cannot modify an
 * EPOLLEXCLUSIVE entry, so a change is a delete and an add). */
static int watch_listener(struct pw_conn_waiter *w, int mode)
{
	struct epoll_event ev = {.data.fd = w->listen_fd};

	if (w->mode == mode)
		return 0;
	if (w->mode != MODE_NONE)
		epoll_ctl(w->epfd, EPOLL_CTL_DEL, w->listen_fd, NULL);
	w->mode = MODE_NONE;
	ev.events = mode == MODE_FREE ? EPOLLIN | EPOLLEXCLUSIVE : EPOLLIN | EPOLLET;
	if (epoll_ctl(w->epfd, EPOLL_CTL_ADD, w->listen_fd, &ev) != 0)
		return errno;
	w->mode = mode;
	return 0;
}

/* Makes the epoll instance watch the kept connection fd. A closed
 * descriptor leaves epoll by itself, and its number may come back as
 * another connection, so the entry is renewed (MOD, or ADD when gone)
 * rather than remembered by number. */
static int watch_kept(struct pw_conn_waiter *w, int fd)
{
	struct epoll_event ev = {.events = EPOLLIN, .data.fd = fd};

	if (epoll_ctl(w->epfd, EPOLL_CTL_MOD, fd, &ev) == 0)
		return 0;
	if (errno == ENOENT && epoll_ctl(w->epfd, EPOLL_CTL_ADD, fd, &ev) == 0)
		return 0;
	return errno;
}

int pw_conn_next(struct pw_conn_waiter *w, FCGX_Request *fx)
{
	int kept = fx->ipcFd, e;

	if (kept >= 0 && watch_kept(w, kept) != 0)
		return 0; /* cannot watch it: just read from it, as libfcgi would */
	e = watch_listener(w, kept >= 0 ? MODE_KEEPING : MODE_FREE);
	if (e != 0)
		return e;
	for (;;) {
		struct epoll_event evs[2];
		struct sockaddr_storage sa;
		socklen_t len = sizeof(sa);
		int n, listen_ready = 0, fd;

		if (kept < 0)
			atomic_fetch_add(&free_waiters, 1);
		n = epoll_wait(w->epfd, evs, 2, -1);
		if (kept < 0)
			atomic_fetch_sub(&free_waiters, 1);
		if (n < 0) {
			if (errno == EINTR)
				return EINTR;
			continue;
		}
		/* A request, the end or an error on the kept connection comes
		 * first: libfcgi reads it (and closes a connection nginx ended). */
		for (int i = 0; i < n; i++) {
			if (kept >= 0 && evs[i].data.fd == kept)
				return 0;
			listen_ready |= evs[i].data.fd == w->listen_fd;
		}
		/* A free thread was woken for this one: keep what we have. */
		if (!listen_ready || (kept >= 0 && atomic_load(&free_waiters) > 0))
			continue;
		fd = accept4(w->listen_fd, (struct sockaddr *)&sa, &len, SOCK_CLOEXEC);
		if (fd < 0) {
			if (transient(errno))
				continue;
			return errno;
		}
		if (sa.ss_family == AF_INET) {
			/* One write per response and no reply to wait for: Nagle
			 * would only delay it (libfcgi's own accept does the same). */
			int one = 1;
			setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		}
		if (kept >= 0)
			close(kept); /* quiet: nothing unread is lost; leaves epoll */
		fx->ipcFd = fd;
		/* FCGX_Accept_r begins by finishing the last request, which
		 * closes its connection unless it was kept: this one is to be
		 * read. */
		fx->keepConnection = 1;
		return 0;
	}
}
