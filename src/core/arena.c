/* SPDX-License-Identifier: MIT
 * arena: a growing block of bytes addressed by offset. */
#include "arena.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "i18n.h"
#include "util.h"

char *
arena_reserve(struct arena *a, size_t n)
{
	if (!a->base || a->cap - a->len < n) {
		if (a->mapped)	/* cannot move: its reservation was too small */
			die(_("out of memory (text of %zu bytes)"), a->len + n);
		/* The first block as large as asked (at least 64 bytes), not a
		 * fixed 4 KB: many small arenas (a folded header name, a query's
		 * term, a territory) then cost what they hold. */
		size_t c = a->cap ? a->cap : n > 64 ? n : 64;
		while (c - a->len < n) {
			if (c > ((size_t)-1) / 2)
				die(_("out of memory (text of %zu bytes)"), a->len + n);
			c *= 2;
		}
		a->base = xrealloc(a->base, c);
		a->cap = c;
	}
	return a->base + a->len;
}

void
arena_commit(struct arena *a, size_t n)
{
	a->len += n;
}

size_t
arena_append(struct arena *a, const void *p, size_t n)
{
	size_t off = a->len;
	char *d = arena_reserve(a, n);
	if (n)
		memcpy(d, p, n);
	a->len += n;
	return off;
}

void
arena_putc(struct arena *a, char c)
{
	*arena_reserve(a, 1) = c;
	a->len++;
}

void
arena_put_format(struct arena *a, const char *fmt, const char *s)
{
	bool done = false;
	for (const char *p = fmt; *p; p++) {
		if (p[0] == '%' && p[1] == '%') {
			arena_putc(a, '%');
			p++;
		} else if (p[0] == '%' && p[1] == 's' && !done) {
			arena_append(a, s, strlen(s));
			done = true;
			p++;
		} else {
			arena_putc(a, *p);
		}
	}
}

int
arena_map(struct arena *a, size_t cap)
{
	if (a->base || !cap)
		return -1;
	void *p = mmap(NULL, cap, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
	    -1, 0);
	if (p == MAP_FAILED)
		return -1;
#ifdef MADV_HUGEPAGE
	if (cap >= ((size_t)64 << 20))
		madvise(p, cap, MADV_HUGEPAGE);	/* fewer page faults; a hint only */
#endif
	a->base = p;
	a->cap = cap;
	a->mapped = true;
	return 0;
}

void
arena_shrink(struct arena *a)
{
	if (a->mapped) {
		/* The pages past the end were never written: no memory to
		 * give back; the address space goes with arena_free(). */
		return;
	}
	if (a->base && a->cap > a->len) {
		a->base = xrealloc(a->base, a->len ? a->len : 1);
		a->cap = a->len ? a->len : 1;
	}
}

void
arena_free(struct arena *a)
{
	if (a->mapped)
		munmap(a->base, a->cap);
	else
		free(a->base);
	a->base = NULL;
	a->len = a->cap = 0;
	a->mapped = false;
}
