/* SPDX-License-Identifier: MIT
 * unit.h: cmocka and small helpers shared by the unit tests. */
#ifndef CENTRES_UNIT_H
#define CENTRES_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvload.h"
#include "core/table.h"

/* Loads CSV text s (n bytes) as source "test.csv" with options o (may be
 * NULL); returns the loader's status, e->msg set on error. */
static inline int
load_mem(struct table *t, const char *s, size_t n, const struct load_opts *o, struct err *e)
{
	table_init(t, "test.csv");
	e->msg[0] = '\0';
	return csvload_buffer(t, s, n, o, e);
}

/* The test directory of the screen and state tests (run from the top of
 * the tree, or with CENTRES_TOP naming it). */
static inline const char *
fixture_path(void)
{
	static char buf[4096];
	const char *top = getenv("CENTRES_TOP");
	snprintf(buf, sizeof buf, "%s/tests/data/annuaire.csv", top && *top ? top : ".");
	return buf;
}
#define FIXTURE fixture_path()

#define LOAD_STR(t, s, e) load_mem((t), (s), strlen(s), NULL, (e))

/* Each field of row r has the same search form in tables a and b (a lazy
 * table has a resident value's in its pool, not in the row's). */
static inline void
same_folds(const struct table *a, const struct table *b, size_t r)
{
	for (size_t c = 0; c < a->rows[r].nfields; c++) {
		size_t na, nb;
		const char *fa = table_fold_field(a, r, c, &na), *fb = table_fold_field(b, r, c, &nb);
		assert_non_null(fa);
		assert_non_null(fb);
		assert_int_equal(na, nb);
		if (na)
			assert_memory_equal(fa, fb, na);
	}
}

/* A number below n from the xorshift state *seed (advanced): seeded
 * tests draw the same sequences on every machine. */
static inline uint32_t
xorshift(uint64_t *seed, uint32_t n)
{
	*seed ^= *seed << 13;
	*seed ^= *seed >> 7;
	*seed ^= *seed << 17;
	return (uint32_t)(*seed % n);
}

/* An error as the program prints it after "centres: ". */
static inline const char *
ERR(const struct err *e)
{
	static char buf[1024];
	return err_text(e, buf, sizeof buf);
}

/* Field col of row r as a NUL-terminated string. */
static inline const char *
F(const struct table *t, size_t r, size_t col)
{
	return table_field(t, r, col, NULL);
}

#endif
