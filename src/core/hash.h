/* SPDX-License-Identifier: MIT
 * hash: FNV-1a over bytes, and an open-addressing table of slots over the
 * items of an array held elsewhere (the index's region/territory pairs and
 * its memo of raw fields). The caller owns the items and compares them;
 * this file owns only the slots: their growth and the probe sequence. */
#ifndef CENTRES_HASH_H
#define CENTRES_HASH_H

#include <stddef.h>
#include <stdint.h>

#define HASH_INIT 1469598103934665603ULL

/* Continues the FNV-1a hash h over p[0..n). */
static inline uint64_t
hash_bytes(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * 1099511628211ULL;
	return h;
}

struct slots {
	uint32_t *slot;	/* item index + 1; 0: empty */
	size_t nslot;	/* a power of two */
};

/* Makes room for one more item when n items are in: at half full, doubles
 * the slots and puts the n items back, hashing item i with hash(ctx, i). */
void slots_reserve(struct slots *s, size_t n, uint64_t (*hash)(const void *ctx, size_t i),
    const void *ctx);
/* The first slot to look at for hash h, and the one after slot i. */
static inline size_t
slots_first(const struct slots *s, uint64_t h)
{
	return (size_t)h & (s->nslot - 1);
}
static inline size_t
slots_next(const struct slots *s, size_t i)
{
	return (i + 1) & (s->nslot - 1);
}
void slots_free(struct slots *s);

#endif
