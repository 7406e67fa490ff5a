/* SPDX-License-Identifier: MIT
 * arena: one growing block of bytes, addressed by offset. The table keeps all
 * field text and all folded search text in two arenas: no malloc per field,
 * and because rows hold offsets (not pointers) nothing is re-based when the
 * block grows. Owns its block; arena_free() releases it. */
#ifndef CENTRES_ARENA_H
#define CENTRES_ARENA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct arena {
	char *base;
	size_t len, cap;
	bool mapped;	/* arena_map(): a fixed reservation that never moves */
};

/* Reserves cap bytes of address space (pages cost memory only once
 * written) for an empty arena, so that its base never moves while it
 * grows: another thread may read what was written while more is added.
 * Growing beyond cap is then a fatal error: reserve what can be written.
 * Returns -1 (the arena left as it was) when the system refuses. */
int arena_map(struct arena *a, size_t cap);

/* Appends n bytes and returns the offset where they start. */
size_t arena_append(struct arena *a, const void *p, size_t n);
/* Appends one byte. */
void arena_putc(struct arena *a, char c);
/* Makes room for n more bytes and returns a pointer to them (valid until the
 * next append); arena_commit() then adds the bytes actually written. */
char *arena_reserve(struct arena *a, size_t n);
void arena_commit(struct arena *a, size_t n);
/* Appends fmt with its first "%s" replaced by s, and "%%" by "%", without
 * a NUL: a translated sentence around a name, read without printf. */
void arena_put_format(struct arena *a, const char *fmt, const char *s);
/* Gives back unused capacity once loading is done. */
void arena_shrink(struct arena *a);
void arena_free(struct arena *a);

static inline const char *
arena_at(const struct arena *a, size_t off)
{
	return a->base + off;
}

#endif
