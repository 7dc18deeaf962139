/*
 * connection.c: see connection.h.
 *
 * Why: nginx opens a connection per request in flight and, with
 * fastcgi_keep_conn, caches up to `keepalive` of them; libfcgi serves one
 * request at a time per connection and would leave a thread blocked
 * reading its kept connection while new connections wait unaccepted in
 * the listen backlog (issue 2 measured p99 above 1 s, with timeouts, at 64
 * connections against 16 threads). Here a thread waits in poll(2) on both
 * the listening socket and its kept connection instead.
 *
 * The race that remains: nginx may choose a cached connection in the
 * microseconds between this thread's poll and its close. nginx then gets
 * an error on a cached connection and retries the request on a new one
 * when the request is safe to repeat (GET, HEAD); a POST is answered 502
 * and the app may send it again with the same Idempotency-Key.
 */
#include "connection.h"

#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

/* accept(2) errors that concern one connection, or none (another thread
 * took it first): wait again. */
static int transient(int e)
{
	return e == EAGAIN || e == EWOULDBLOCK || e == ECONNABORTED || e == EPROTO ||
	       e == EPERM || e == ENETDOWN || e == EHOSTUNREACH || e == ENETUNREACH;
}

int pw_conn_next(FCGX_Request *fx, int listen_fd)
{
	struct pollfd pf[2] = {{.fd = listen_fd, .events = POLLIN},
			       {.fd = fx->ipcFd, .events = POLLIN}};
	nfds_t n = fx->ipcFd >= 0 ? 2 : 1;

	for (;;) {
		struct sockaddr_storage sa;
		socklen_t len = sizeof(sa);
		int fd;

		if (poll(pf, n, -1) < 0) {
			if (errno == EINTR)
				return EINTR;
			continue; /* ENOMEM: try again */
		}
		/* A request, the end or an error on the kept connection comes
		 * first: libfcgi reads it (and closes a connection nginx ended). */
		if (n == 2 && pf[1].revents)
			return 0;
		if (!(pf[0].revents & POLLIN))
			continue;
		fd = accept4(listen_fd, (struct sockaddr *)&sa, &len, SOCK_CLOEXEC);
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
		if (fx->ipcFd >= 0)
			close(fx->ipcFd); /* quiet: nothing unread is lost */
		fx->ipcFd = fd;
		/* FCGX_Accept_r begins by finishing the last request, which
		 * closes its connection unless it was kept: this one is to be
		 * read. */
		fx->keepConnection = 1;
		return 0;
	}
}
