/*
 * arena.h: per-request memory, freed in one call when the request ends.
 *
 * Handlers allocate the short-lived strings of one request here (decoded
 * query values, copies of database cells) so that nothing needs its own
 * free and nothing outlives FCGX_Finish_r.
 */
#ifndef PW_ARENA_H
#define PW_ARENA_H

#include <stddef.h>

struct pw_arena_chunk;

struct pw_arena {
	struct pw_arena_chunk *head;
};

void pw_arena_init(struct pw_arena *a);
/* Frees every allocation of the arena; the arena is empty and reusable after. */
void pw_arena_reset(struct pw_arena *a);
/* Zeroed, 16-byte aligned memory owned by the arena; NULL when out of memory. */
void *pw_arena_alloc(struct pw_arena *a, size_t n);
/* A NUL-terminated copy of n bytes of s, owned by the arena. */
char *pw_arena_strndup(struct pw_arena *a, const char *s, size_t n);
char *pw_arena_strdup(struct pw_arena *a, const char *s);

#endif
