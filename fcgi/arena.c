/*
 * arena.c: chunked bump allocator (see arena.h). Large requests get a chunk
 * of their own, so no allocation size is ever refused for being big.
 */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK 8192

struct pw_arena_chunk {
	struct pw_arena_chunk *next;
	size_t used, cap;
	_Alignas(16) unsigned char data[];
};

void pw_arena_init(struct pw_arena *a)
{
	a->head = NULL;
}

void pw_arena_reset(struct pw_arena *a)
{
	struct pw_arena_chunk *c = a->head, *next;

	while (c) {
		next = c->next;
		free(c);
		c = next;
	}
	a->head = NULL;
}

void *pw_arena_alloc(struct pw_arena *a, size_t n)
{
	struct pw_arena_chunk *c = a->head;
	size_t need = (n + 15) & ~(size_t)15;
	void *p;

	if (n == 0)
		need = 16;
	if (need < n)
		return NULL;
	if (!c || c->cap - c->used < need) {
		size_t cap = need > CHUNK ? need : CHUNK;
		if (cap > SIZE_MAX - sizeof(*c))
			return NULL;
		c = malloc(sizeof(*c) + cap);
		if (!c)
			return NULL;
		c->used = 0;
		c->cap = cap;
		if (a->head && need > CHUNK) {
			/* Keep the current chunk on top so its free space is still used. */
			c->next = a->head->next;
			a->head->next = c;
		} else {
			c->next = a->head;
			a->head = c;
		}
	}
	p = c->data + c->used;
	c->used += need;
	memset(p, 0, n ? n : 1);
	return p;
}

char *pw_arena_strndup(struct pw_arena *a, const char *s, size_t n)
{
	char *p;

	if (n == SIZE_MAX)
		return NULL;
	p = pw_arena_alloc(a, n + 1);
	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *pw_arena_strdup(struct pw_arena *a, const char *s)
{
	return pw_arena_strndup(a, s, strlen(s));
}
