/* SPDX-License-Identifier: MIT
 * coverage: which rows of a table cover a place (places.h), and what the
 * places a query names lead to. A row's area is read from the table's
 * coverage column (département numbers, names or region names: "33; 24",
 * "Gironde, Dordogne", "Bretagne"), or, when the table has none, from its
 * postcode column (a row is at its postcode, in that postcode's
 * département). When the best place a query names has no row, the answer
 * says so and offers the rows of the nearest area that has some: the
 * département, then the region. Built once per table; owns its arrays.
 * No terminal code. */
#ifndef CENTRES_COVERAGE_H
#define CENTRES_COVERAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "places.h"
#include "table.h"

#define COVER_WORDS 2	/* 128 bits: a bit for each of the 109 départements */

struct coverage {
	int col;		/* the column read, or -1: the table says nothing of places */
	bool by_postcode;	/* col holds postcodes */
	uint64_t (*dept)[COVER_WORDS];	/* per row: the départements it covers
					 * (bit i: places.dept[i]) */
	uint32_t *pc_at;	/* by_postcode: row r's postcodes are pc[pc_at[r] ..
				 * pc_at[r + 1]) */
	uint32_t *pc;
	uint64_t (*region)[COVER_WORDS];	/* per region: its départements */
	size_t nrows;
	size_t unread;		/* values that named no département (or postcode) */
	size_t first_unread;	/* the row of the first of them */
};

/* Reads the areas of every row of t (the coverage column, else the
 * postcode column; c->col is -1 when there is neither). */
void coverage_build(struct coverage *c, const struct table *t, const struct places *p);
void coverage_free(struct coverage *c);
/* Whether row r covers the place h: its département (or region) is among
 * the row's, or, by postcode, the row has the postcode typed (h->postcode),
 * else one of the commune's postcodes. */
bool coverage_covers(const struct coverage *c, const struct places *p, size_t r,
    const struct place_hit *h);

/* A row a query's places lead to, and which place. */
struct reached {
	uint32_t row;
	uint32_t hit;	/* the first place (index in the place_query) that covers
			 * it, or REACH_NEARBY: offered by the note */
};
#define REACH_NEARBY UINT32_MAX

struct reach {
	struct reached *r;	/* ascending rows */
	size_t n, cap;
	size_t covering;	/* how many of them cover a place (not REACH_NEARBY) */
	struct arena note;	/* "No centre covers Hauts-de-Seine (92). Centres in
				 * Île-de-France:", NUL-terminated; len 0: none */
	struct arena nearby;	/* what the offered rows are: "in Île-de-France" */
};

/* The rows of the table (c) covering the places of q, and, when q's best
 * place has none, the note and the rows of the nearest area. out is emptied
 * first; free it with reach_free(). */
void coverage_reach(const struct coverage *c, const struct places *p,
    const struct place_query *q, struct reach *out);
void reach_free(struct reach *r);

#endif
