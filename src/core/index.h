/* SPDX-License-Identifier: MIT
 * index: the menu of the directory, built once after loading: "all centres",
 * then each region (sorted, accent-insensitively) with its territories, each
 * holding its rows (a region whose one territory has its name: one entry,
 * the territory at the top). A row whose region field names several regions ("A; B")
 * is listed under each. No terminal code; owns its arrays and label copies. */
#ifndef CENTRES_INDEX_H
#define CENTRES_INDEX_H

#include <stddef.h>
#include <stdint.h>

#include "table.h"

enum entry_kind { ENTRY_ALL, ENTRY_REGION, ENTRY_TERRITORY };

struct entry {
	enum entry_kind kind;
	char *label;		/* owned */
	uint32_t region;	/* for a territory: index of its region's entry;
				 * its own index for the one territory of a
				 * region of the same name, shown as one line at
				 * the top (index_top) */
	uint32_t *rows;		/* ascending; owned (NULL for ENTRY_ALL: every row) */
	size_t nrows;
};

struct index {
	struct entry *e;
	size_t n;
	int has_regions;	/* 0 when the file has no region column */
	/* The territory entry of each of the nrows rows it was built on; NULL
	 * when some row is under several ("A; B"). */
	uint32_t *entry_of;
	size_t nrows;
};

void index_build(struct index *ix, const struct table *t);
/* Whether entry j is one of the territories under region entry i. */
static inline int
index_child(const struct index *ix, size_t i, size_t j)
{
	return j < ix->n && ix->e[j].kind == ENTRY_TERRITORY && ix->e[j].region == i;
}
/* Whether entry i is at the top of the menu (all, a region, or the one
 * territory of a region of the same name), not under a region. */
static inline int
index_top(const struct index *ix, size_t i)
{
	return ix->e[i].kind != ENTRY_TERRITORY || ix->e[i].region == i || !ix->has_regions;
}
void index_free(struct index *ix);
/* How many of an entry's rows are marked in hit (a filter's hit array; NULL
 * means all). For a region: the distinct rows of its territories. */
size_t index_count(const struct index *ix, size_t entry, const uint8_t *hit, size_t nrows);
/* counts[i] for each territory entry i: how many of the rows[0..n) (a
 * filter's rows, those marked in hit, of a table of nrows rows: the one
 * the index was built on, or the same grown since) it holds. One look a
 * row, when each is under one territory; else index_count(). The other
 * entries' counts are left as they are. */
void index_count_rows(const struct index *ix, const uint32_t *rows, size_t n, const uint8_t *hit,
    size_t nrows, size_t *counts);
/* Whether row r belongs to entry i. */
int index_has_row(const struct index *ix, size_t i, uint32_t r);

#endif
