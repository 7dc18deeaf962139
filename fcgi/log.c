/*
 * log.c: one-write-per-line logging (see log.h).
 */
#include "log.h"

#include "pw.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define LINE_MAX_BYTES 2048

static atomic_int log_fd = 2;
static char *log_path; /* owned; NULL for standard error */
static pthread_mutex_t reopen_lock = PTHREAD_MUTEX_INITIALIZER;

int pw_log_open(const char *path)
{
	int fd, old;
	char *copy = NULL;

	if (!path || !strcmp(path, "-") || !*path) {
		old = atomic_exchange(&log_fd, 2);
		if (old > 2)
			close(old);
		free(log_path);
		log_path = NULL;
		return PW_OK;
	}
	copy = strdup(path);
	if (!copy)
		return PW_ERR_NOMEM;
	fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
	if (fd < 0) {
		free(copy);
		return PW_ERR_IO;
	}
	old = atomic_exchange(&log_fd, fd);
	if (old > 2)
		close(old);
	free(log_path);
	log_path = copy;
	return PW_OK;
}

int pw_log_reopen(void)
{
	int fd, old, rc = PW_OK;

	pthread_mutex_lock(&reopen_lock);
	if (log_path) {
		fd = open(log_path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
		if (fd < 0) {
			rc = PW_ERR_IO;
		} else {
			old = atomic_exchange(&log_fd, fd);
			if (old > 2)
				close(old);
		}
	}
	pthread_mutex_unlock(&reopen_lock);
	return rc;
}

void pw_log_close(void)
{
	int old = atomic_exchange(&log_fd, 2);

	if (old > 2)
		close(old);
	free(log_path);
	log_path = NULL;
}

/* Writes "2026-11-23T04:45:35.123Z " into out (at least 32 bytes). */
static size_t stamp(char *out, size_t len)
{
	struct timespec ts;
	struct tm tm;
	size_t n;

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	n = strftime(out, len, "%Y-%m-%dT%H:%M:%S", &tm);
	n += (size_t)snprintf(out + n, len - n, ".%03ldZ ", ts.tv_nsec / 1000000);
	return n;
}

static void emit(char *line, size_t n)
{
	ssize_t w;

	if (n >= LINE_MAX_BYTES)
		n = LINE_MAX_BYTES - 1;
	line[n - 1] = '\n';
	/* A short write to a regular file or a pipe this small is not expected;
	 * a failed log write must never take a request down, so it is dropped. */
	do {
		w = write(atomic_load(&log_fd), line, n);
	} while (w < 0 && errno == EINTR);
}

void pw_log(const char *level, const char *fmt, ...)
{
	char line[LINE_MAX_BYTES];
	size_t n = stamp(line, sizeof(line));
	va_list ap;
	int m;

	m = snprintf(line + n, sizeof(line) - n, "%s pid=%ld ", level, (long)getpid());
	if (m > 0)
		n += (size_t)m;
	va_start(ap, fmt);
	m = vsnprintf(line + n, sizeof(line) - n, fmt, ap);
	va_end(ap);
	if (m > 0)
		n += (size_t)m;
	if (n > sizeof(line) - 2)
		n = sizeof(line) - 2;
	/* Keep it to one line whatever the message held. */
	for (size_t i = 0; i < n; i++)
		if (line[i] == '\n' || line[i] == '\r')
			line[i] = ' ';
	emit(line, n + 1);
}

void pw_log_request(const char *request_id, const char *method, const char *path, int status,
		    double duration_ms)
{
	pw_log("request", "id=%s method=%s path=%.512s status=%d ms=%.3f", request_id, method, path,
	       status, duration_ms);
}
