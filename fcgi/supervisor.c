/*
 * supervisor.c: bind once, fork workers, keep them alive (see supervisor.h).
 *
 * The parent never serves requests and holds no database connection, so a
 * crash in a worker (say, the malformed PARAMS record of CVE-2025-23016,
 * which libfcgi still answers with an abort) costs only that worker's
 * requests in flight: the parent forks a replacement at once. A worker that
 * keeps dying young is restarted with a growing delay so a broken install
 * does not spin.
 */
#include "supervisor.h"

#include "config.h"
#include "log.h"
#include "pw.h"
#include "worker.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_PROCESSES 64
#define STOP_WAIT_SECONDS 40
#define READY_WAIT_MS 15000

struct child {
	pid_t pid;     /* 0 for an empty slot */
	time_t started;
	int fast_deaths; /* consecutive deaths within 2 s of starting */
	time_t restart_at; /* when an empty slot may be refilled */
};

static struct child children[MAX_PROCESSES];
static int nchildren;
static int listen_fd = -1;
static const struct pw_config *config;

static time_t mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec;
}

/* The listening socket is non-blocking: the worker threads wait for it in
 * an epoll set next to the idle kept connections and accept without
 * blocking (connection.c), so a thread never sleeps in accept while nginx
 * has a request waiting on a kept connection. */
int pw_listen_open(const struct pw_config *cfg, char *err, size_t errlen)
{
	int fd = -1;

	if (!strncmp(cfg->listen, "unix:", 5)) {
		const char *path = cfg->listen + 5;
		struct sockaddr_un sa;
		mode_t old;
		struct stat st;

		memset(&sa, 0, sizeof(sa));
		sa.sun_family = AF_UNIX;
		snprintf(sa.sun_path, sizeof(sa.sun_path), "%s", path);
		fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
		if (fd < 0)
			goto fail;
		/* A socket file left by a crashed run is replaced; any other kind
		 * of file at that path is not ours to remove. */
		if (lstat(path, &st) == 0) {
			if (!S_ISSOCK(st.st_mode)) {
				snprintf(err, errlen, "%s exists and is not a socket", path);
				close(fd);
				return -1;
			}
			unlink(path);
		}
		/* Created owner-only, then opened to the group: never a moment
		 * when anybody else could connect. */
		old = umask(0177);
		if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0) {
			umask(old);
			goto fail;
		}
		umask(old);
		if (cfg->socket_group && *cfg->socket_group) {
			struct group *g = getgrnam(cfg->socket_group);
			if (!g) {
				snprintf(err, errlen, "server.socket_group: no group named '%s'",
					 cfg->socket_group);
				close(fd);
				unlink(path);
				return -1;
			}
			if (chown(path, (uid_t)-1, g->gr_gid) != 0)
				goto fail;
		}
		if (chmod(path, (mode_t)cfg->socket_mode) != 0)
			goto fail;
	} else {
		const char *colon = strrchr(cfg->listen, ':');
		struct sockaddr_in sa;
		char host[64];
		int one = 1;

		snprintf(host, sizeof(host), "%.*s", (int)(colon - cfg->listen), cfg->listen);
		memset(&sa, 0, sizeof(sa));
		sa.sin_family = AF_INET;
		sa.sin_port = htons((uint16_t)atoi(colon + 1));
		inet_pton(AF_INET, host, &sa.sin_addr);
		fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
		if (fd < 0)
			goto fail;
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
		if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0)
			goto fail;
	}
	if (listen(fd, cfg->backlog) != 0)
		goto fail;
	return fd;
fail:
	snprintf(err, errlen, "cannot listen on %s: %s", cfg->listen, strerror(errno));
	if (fd >= 0)
		close(fd);
	return -1;
}

/* Forks one worker into slot i. With want_ready, waits until it accepts. */
static int spawn(int i, int want_ready)
{
	int pipefd[2] = {-1, -1};
	pid_t pid;

	if (want_ready && pipe2(pipefd, O_CLOEXEC) != 0)
		return PW_ERR_IO;
	pid = fork();
	if (pid < 0) {
		pw_log("error", "supervisor: fork failed: %s", strerror(errno));
		if (want_ready) {
			close(pipefd[0]);
			close(pipefd[1]);
		}
		return PW_ERR_IO;
	}
	if (pid == 0) {
		sigset_t none;
		int rc;
		sigemptyset(&none);
		signal(SIGCHLD, SIG_DFL);
		pthread_sigmask(SIG_SETMASK, &none, NULL);
		if (want_ready)
			close(pipefd[0]);
		/* The socket was opened close-on-exec; the worker never execs. */
		rc = pw_worker_run(config, listen_fd, want_ready ? pipefd[1] : -1);
		pw_log_close();
		_exit(rc);
	}
	children[i].pid = pid;
	children[i].started = mono();
	pw_log("info", "supervisor: started worker %d (pid %ld)", i, (long)pid);
	if (want_ready) {
		struct pollfd p = {.fd = pipefd[0], .events = POLLIN};
		char c;
		close(pipefd[1]);
		if (poll(&p, 1, READY_WAIT_MS) != 1 || read(pipefd[0], &c, 1) != 1)
			pw_log("warn", "supervisor: worker %ld did not report ready", (long)pid);
		close(pipefd[0]);
	}
	return PW_OK;
}

static int slot_of(pid_t pid)
{
	for (int i = 0; i < nchildren; i++)
		if (children[i].pid == pid)
			return i;
	return -1;
}

/* Reaps every exited child; unexpected deaths are scheduled for restart. */
static void reap(int stopping)
{
	int status;
	pid_t pid;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		int i = slot_of(pid);
		if (i < 0)
			continue; /* an old worker replaced during a reload */
		children[i].pid = 0;
		if (stopping)
			continue;
		if (WIFSIGNALED(status))
			pw_log("error", "supervisor: worker %ld killed by signal %d; restarting",
			       (long)pid, WTERMSIG(status));
		else
			pw_log("error", "supervisor: worker %ld exited with %d; restarting",
			       (long)pid, WEXITSTATUS(status));
		if (mono() - children[i].started < 2) {
			int d = children[i].fast_deaths < 5 ? children[i].fast_deaths++ : 5;
			children[i].restart_at = mono() + (1 << d) - 1;
		} else {
			children[i].fast_deaths = 0;
			children[i].restart_at = 0;
		}
	}
}

static void refill(void)
{
	for (int i = 0; i < nchildren; i++)
		if (children[i].pid == 0 && mono() >= children[i].restart_at)
			spawn(i, 0);
}

/* Waits for pid to exit, up to secs; SIGKILL after that. */
static void wait_exit(pid_t pid, int secs)
{
	time_t until = mono() + secs;
	int status;

	for (;;) {
		pid_t r = waitpid(pid, &status, WNOHANG);
		struct timespec pause = {0, 20 * 1000 * 1000};
		if (r == pid || (r < 0 && errno == ECHILD))
			return;
		if (mono() > until) {
			pw_log("warn", "supervisor: worker %ld did not stop in %d s; killing",
			       (long)pid, secs);
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			return;
		}
		nanosleep(&pause, NULL);
	}
}

/* SIGHUP: each worker is replaced by a fresh one that is already accepting
 * before the old one stops, so the reload fails no request. */
static void roll(void)
{
	for (int i = 0; i < nchildren; i++) {
		pid_t old = children[i].pid;
		if (spawn(i, 1) != PW_OK) {
			children[i].pid = old;
			continue;
		}
		if (old > 0) {
			kill(old, SIGTERM);
			wait_exit(old, STOP_WAIT_SECONDS);
		}
	}
}

static void stop_all(void)
{
	for (int i = 0; i < nchildren; i++)
		if (children[i].pid > 0)
			kill(children[i].pid, SIGTERM);
	for (int i = 0; i < nchildren; i++)
		if (children[i].pid > 0) {
			wait_exit(children[i].pid, STOP_WAIT_SECONDS);
			children[i].pid = 0;
		}
}

static int write_pid_file(const char *path)
{
	char tmp[4096];
	FILE *f;

	if (!path || !*path)
		return PW_OK;
	if ((size_t)snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= sizeof(tmp))
		return PW_ERR_IO;
	f = fopen(tmp, "we");
	if (!f)
		return PW_ERR_IO;
	fprintf(f, "%ld\n", (long)getpid());
	if (fclose(f) != 0 || rename(tmp, path) != 0)
		return PW_ERR_IO;
	return PW_OK;
}

int pw_supervisor_run(const struct pw_config *cfg, const char *config_path)
{
	sigset_t set;
	char err[512];
	int sig;

	(void)config_path;
	config = cfg;
	nchildren = cfg->processes > MAX_PROCESSES ? MAX_PROCESSES : cfg->processes;

	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	listen_fd = pw_listen_open(cfg, err, sizeof(err));
	if (listen_fd < 0) {
		pw_log("error", "supervisor: %s", err);
		fprintf(stderr, "pathway-fcgi: %s\n", err);
		return 1;
	}
	if (write_pid_file(cfg->pid_file) != PW_OK) {
		fprintf(stderr, "pathway-fcgi: cannot write pid file %s: %s\n", cfg->pid_file,
			strerror(errno));
		return 1;
	}
	pw_log("info", "supervisor: listening on %s with %d processes x %d threads", cfg->listen,
	       nchildren, cfg->threads);
	for (int i = 0; i < nchildren; i++)
		spawn(i, 0);

	for (;;) {
		struct timespec tick = {1, 0};
		siginfo_t info;

		sig = sigtimedwait(&set, &info, &tick);
		if (sig == SIGCHLD || sig < 0) {
			reap(0);
			refill();
			continue;
		}
		if (sig == SIGHUP) {
			pw_log("info", "supervisor: reload: reopening the log, replacing workers");
			pw_log_reopen();
			roll();
			reap(0);
			refill();
			continue;
		}
		break; /* SIGTERM or SIGINT */
	}
	pw_log("info", "supervisor: stopping");
	stop_all();
	close(listen_fd);
	if (!strncmp(cfg->listen, "unix:", 5))
		unlink(cfg->listen + 5);
	if (cfg->pid_file && *cfg->pid_file)
		unlink(cfg->pid_file);
	pw_log("info", "supervisor: stopped");
	return 0;
}
