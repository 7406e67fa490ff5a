/* SPDX-License-Identifier: MIT
 * sort: the orders of a table's rows other than the file's, by name or by
 * territory (then name), and the orders already computed, kept.
 * Rows compare on a collation key made from their folded text (the
 * table's fold arena, text_fold): no case, accents with their base letter
 * ("Écully" with E), ligatures split ("Œ" as OE), punctuation and runs of
 * spaces one space, none at either end; a run of digits compares as its
 * number ("Centre 2" before "Centre 10"; leading zeros ignored, exact up to
 * 28 digits); an empty field after every other. Rows whose keys are equal
 * keep their file order: every order here is stable.
 * A full order costs 4 bytes a row, kept (one for each key asked for), and
 * while it is computed 32 bytes a row more (33 MB at 1M rows). No terminal
 * code. */
#ifndef CENTRES_SORT_H
#define CENTRES_SORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "table.h"

enum sort_key {
	SORT_FILE,		/* the rows as the file has them */
	SORT_NAME,		/* table_name() */
	SORT_TERRITORY,		/* table_territory(), then the name */
	SORT_COUNT
};

/* The orders computed for one table, kept until the table changes. */
struct sort {
	const struct table *t;	/* the table they are for (not owned) */
	uint32_t *order[SORT_COUNT];	/* order[k][i]: the i-th row; owned */
	size_t n[SORT_COUNT];	/* the rows of order[k] */
	uint64_t *mark;		/* sort_rows()'s bit set of rows; owned */
	bool growing;		/* set while the table grows (a load beside the
				 * screen): sort_rows() then sorts again only
				 * when the table has doubled, the rows since
				 * after the others in file order; cleared, it
				 * sorts them all at the next call */
	size_t mark_words;
};

void sort_init(struct sort *s);
void sort_free(struct sort *s);
/* Forgets every kept order (the table was replaced or freed). */
void sort_reset(struct sort *s);

/* All rows of t in the order k (SORT_FILE: 0, 1, 2...), t->nrows of them:
 * computed on the first call for (t, k), the same array after. Rows
 * appended to t since (a loader at work) are merged in, unless sorting
 * everything again costs less. A table whose rows change otherwise, or
 * another table at the same address, needs sort_reset() first. Owned by
 * s, valid until the next call, sort_reset() or sort_free(). */
const uint32_t *sort_order(struct sort *s, const struct table *t, enum sort_key k);
/* Puts rows[0..n) (distinct rows of t, in any order) in the order k, ties
 * in file order. Uses the kept full order when there is one or when n is
 * a large part of the table (computing it then), else sorts them alone.
 * While s->growing, see there. */
void sort_rows(struct sort *s, const struct table *t, enum sort_key k, uint32_t *rows, size_t n);

/* The collation key of row r for k (SORT_FILE: empty), appended to out
 * without a NUL; returns its length. Two rows are in order k when their
 * keys compare in that order with memcmp (a shorter key that is the start
 * of a longer one first), then by row. */
size_t sort_key_of(const struct table *t, size_t r, enum sort_key k, struct arena *out);

/* The English name of a key ("file", "name", "territory"), as --sort takes
 * it; sort_key_parse() reads one back (false for anything else). */
const char *sort_key_name(enum sort_key k);
bool sort_key_parse(const char *s, enum sort_key *k);

#endif
