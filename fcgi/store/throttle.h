/*
 * store/throttle.h: counting failed sign-ins per login and per address.
 */
#ifndef PW_STORE_THROTTLE_H
#define PW_STORE_THROTTLE_H

struct pw_db;

enum pw_throttle_scope { PW_THROTTLE_LOGIN, PW_THROTTLE_ADDRESS };

struct pw_throttle_state {
	int failures;       /* failures in the current window */
	int locked_seconds; /* > 0 while refused */
};

/* The current state for a key digest (zeros when never seen). */
int pw_throttle_get(struct pw_db *db, enum pw_throttle_scope scope, const unsigned char *key,
		    int window, struct pw_throttle_state *st);
/*
 * Counts one failure; locks the key for lockout seconds when failures in
 * the window reach max. *locked_now is 1 when this failure locked it.
 * Call inside a transaction.
 */
int pw_throttle_fail(struct pw_db *db, enum pw_throttle_scope scope, const unsigned char *key,
		     int window, int max, int lockout, int *locked_now);
/* Forgets a key (after a successful sign-in). */
int pw_throttle_clear(struct pw_db *db, enum pw_throttle_scope scope, const unsigned char *key);

#endif
