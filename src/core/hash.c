/* SPDX-License-Identifier: MIT
 * hash: the growth of an open-addressing slot table. */
#include "hash.h"

#include <stdlib.h>

#include "util.h"

void
slots_reserve(struct slots *s, size_t n, uint64_t (*hash)(const void *ctx, size_t i),
    const void *ctx)
{
	if (n * 2 < s->nslot)
		return;
	size_t ns = s->nslot ? s->nslot * 2 : 64;
	free(s->slot);
	s->slot = xcalloc(ns, sizeof *s->slot);
	s->nslot = ns;
	for (size_t i = 0; i < n; i++) {
		size_t k = slots_first(s, hash(ctx, i));
		while (s->slot[k])
			k = slots_next(s, k);
		s->slot[k] = (uint32_t)i + 1;
	}
}

void
slots_free(struct slots *s)
{
	free(s->slot);
	s->slot = NULL;
	s->nslot = 0;
}
