/*
 * supervisor.h: the parent process of pathway-fcgi.
 */
#ifndef PW_SUPERVISOR_H
#define PW_SUPERVISOR_H

#include <stddef.h>

struct pw_config;

/*
 * Binds the listening socket, forks cfg->processes workers and keeps that
 * many alive until SIGTERM/SIGINT, when it stops them gracefully and returns
 * 0. SIGHUP reopens the log and replaces the workers one at a time, each
 * new one accepting before an old one is asked to stop.
 */
int pw_supervisor_run(const struct pw_config *cfg, const char *config_path);

/* Creates the listening socket for cfg->listen (mode and group applied to
 * a unix socket). Returns the descriptor, or -1 with a line in err. */
int pw_listen_open(const struct pw_config *cfg, char *err, size_t errlen);

#endif
