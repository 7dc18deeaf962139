/*
 * log.h: the process-wide log, one line per event.
 *
 * Lines are formatted into a bounded buffer and written with one write(2)
 * to a file opened O_APPEND, so lines from many threads and processes never
 * interleave. "-" logs to standard error. pw_log_reopen() is what SIGHUP
 * triggers, so logrotate can move the file away.
 */
#ifndef PW_LOG_H
#define PW_LOG_H

/* Opens (or switches to) the log at path; "-" means standard error. */
int pw_log_open(const char *path);
/* Reopens the current path; keeps the old descriptor if that fails. */
int pw_log_reopen(void);
void pw_log_close(void);

/* level: "info", "warn", "error". Message is truncated to one line of 2 KiB. */
void pw_log(const char *level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The request line: time, request id, method, path, status, duration. */
void pw_log_request(const char *request_id, const char *method, const char *path, int status,
		    double duration_ms);

#endif
