/*
 * connection.c: see connection.h.
 *
 * Why: nginx opens a connection per request in flight and, with
 * fastcgi_keep_conn, caches up to `keepalive` of them; libfcgi serves one
 * request at a time per connection and, left to itself, keeps a thread
 * blocked reading its kept connection while new connections wait
 * unaccepted in the listen backlog (issue 2 measured p99 above 1 s, with
 * timeouts, at 64 connections against 16 threads). Pinning a kept
 * connection to a thread also leaves a request waiting for that thread
 * while others are free.
 *
 * So no connection belongs to a thread between requests. Every idle kept
 * connection sits in one epoll set per process, armed EPOLLONESHOT, next
 * to the listening socket; a free thread waits in epoll_wait on the set
 * and takes whatever is ready: a request on any kept connection (the
 * one-shot arming hands it to exactly one thread) or a new connection to
 * accept. After the response the connection is armed again. A request
 * thus waits only for a free thread, never behind an idle connection, and
 * kept connections stay open for nginx to reuse.
 */
#include "connection.h"

#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

/* accept(2) errors that concern one connection, or none (another thread
 * took it first): wait again. */
static int transient(int e)
{
	return e == EAGAIN || e == EWOULDBLOCK || e == ECONNABORTED || e == EPROTO ||
	       e == EPERM || e == ENETDOWN || e == EHOSTUNREACH || e == ENETUNREACH;
}

int pw_conn_pool_init(struct pw_conn_pool *p, int listen_fd)
{
	struct epoll_event ev = {.events = EPOLLIN, .data.fd = listen_fd};

	p->listen_fd = listen_fd;
	p->epfd = epoll_create1(EPOLL_CLOEXEC);
	if (p->epfd < 0)
		return errno;
	if (epoll_ctl(p->epfd, EPOLL_CTL_ADD, listen_fd, &ev) != 0) {
		int e = errno;
		close(p->epfd);
		p->epfd = -1;
		return e;
	}
	return 0;
}

void pw_conn_pool_free(struct pw_conn_pool *p)
{
	if (p->epfd >= 0)
		close(p->epfd);
	p->epfd = -1;
}

int pw_conn_next(struct pw_conn_pool *p, FCGX_Request *fx)
{
	for (;;) {
		struct epoll_event ev;
		struct sockaddr_storage sa;
		socklen_t len = sizeof(sa);
		int fd;

		if (epoll_wait(p->epfd, &ev, 1, -1) < 1) {
			if (errno == EINTR)
				return EINTR;
			continue;
		}
		if (ev.data.fd != p->listen_fd) {
			/* A kept connection with a request, its end or an
			 * error; disarmed (one-shot) until released. */
			fd = ev.data.fd;
		} else {
			fd = accept4(p->listen_fd, (struct sockaddr *)&sa, &len, SOCK_CLOEXEC);
			if (fd < 0) {
				if (transient(errno))
					continue; /* another thread took it */
				return errno;
			}
			if (sa.ss_family == AF_INET) {
				/* One write per response and no reply to wait
				 * for: Nagle would only delay it (libfcgi's own
				 * accept does the same). */
				int one = 1;
				setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
			}
		}
		fx->ipcFd = fd;
		/* FCGX_Accept_r begins by finishing the last request, which
		 * closes its connection unless it was kept: this one is to be
		 * read. */
		fx->keepConnection = 1;
		return 0;
	}
}

void pw_conn_release(struct pw_conn_pool *p, FCGX_Request *fx)
{
	struct epoll_event ev = {.events = EPOLLIN | EPOLLONESHOT, .data.fd = fx->ipcFd};
	int fd = fx->ipcFd;

	if (fd < 0)
		return;
	/* Let go first: once armed, another thread may take it at once. */
	fx->ipcFd = -1;
	/* A connection already in the set is re-armed; a new one is added. A
	 * closed descriptor leaves the set by itself, so a number seen
	 * before may be a new connection: ENOENT says so. */
	if (epoll_ctl(p->epfd, EPOLL_CTL_MOD, fd, &ev) == 0)
		return;
	if (errno == ENOENT && epoll_ctl(p->epfd, EPOLL_CTL_ADD, fd, &ev) == 0)
		return;
	close(fd); /* cannot watch it: nginx will open another */
}
