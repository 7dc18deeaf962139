/*
 * worker.h: one worker process: N threads, each with its own FastCGI
 * request and its own database connection, accepting on a shared socket.
 */
#ifndef PW_WORKER_H
#define PW_WORKER_H

struct pw_config;

/*
 * Runs a worker process until SIGTERM (or SIGINT): then stops accepting,
 * lets requests in flight finish, and returns 0. SIGHUP reopens the log.
 * ready_fd, when >= 0, gets one byte once every thread is accepting and is
 * closed. listen_fd is the socket the parent bound.
 */
int pw_worker_run(const struct pw_config *cfg, int listen_fd, int ready_fd);

#endif
