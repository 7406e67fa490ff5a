/* SPDX-License-Identifier: MIT
 * The orders by name and by territory (core/sort.c): accents with their
 * base letter, ligatures split, no case, numbers as numbers, empty names
 * last, ties in file order; and the sort itself (8 bytes of key at a time,
 * runs sorted on their whole keys past 128 bytes, a subset sorted alone or
 * through the kept order, rows appended after an order was kept) against a
 * plain reference: qsort() on the whole keys, then the row. */
#include "unit.h"

#include <unistd.h>

#include "core/sort.h"

/* The names of t's rows in order o, joined by "|". */
static const char *
names(const struct table *t, const uint32_t *o, size_t n)
{
	static char buf[4096];
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++)
		len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", i ? "|" : "",
		    table_name(t, o[i], NULL));
	return buf;
}

static const char *
sorted(const char *csv, enum sort_key k)
{
	struct table t;
	struct err e;
	assert_int_equal(LOAD_STR(&t, csv, &e), 0);
	struct sort s;
	sort_init(&s);
	const char *r = names(&t, sort_order(&s, &t, k), t.nrows);
	sort_free(&s);
	table_free(&t);
	return r;
}

static void
accents_sort_with_their_base_letter(void **state)
{
	(void)state;
	assert_string_equal(sorted("nom\nZoé\nÉcully\nEze\nécole\nAbbeville\nEcuelle\n", SORT_NAME),
	    "Abbeville|école|Ecuelle|Écully|Eze|Zoé");
	/* Ligatures as their two letters; ß as ss. */
	assert_string_equal(sorted("nom\nŒuvre\nOdile\nOeuf\nOf\nStraße\nStrasse\nStrass\n",
	    SORT_NAME), "Odile|Oeuf|Œuvre|Of|Strass|Straße|Strasse");
}

static void
case_and_ties_keep_file_order(void **state)
{
	(void)state;
	/* The same key however written: the file's order. */
	assert_string_equal(sorted("id,nom\n1,alpha\n2,ALPHA\n3,Alpha\n4,Älpha\n5,Al-pha\n0,Aal\n",
	    SORT_NAME), "Aal|Al-pha|alpha|ALPHA|Alpha|Älpha");
	/* Punctuation is a space: "Al-pha" is "al pha", before "alpha". */
	assert_string_equal(sorted("nom\nalpha\nAl-pha\nal pha\nAl  pha\n", SORT_NAME),
	    "Al-pha|al pha|Al  pha|alpha");
}

static void
numbers_compare_as_numbers(void **state)
{
	(void)state;
	assert_string_equal(sorted("nom\nCentre 10\nCentre 2\nCentre 1\nCentre 02\nCentre\n"
	    "Centre 100\nCentre 9b\nCentre 9a\n", SORT_NAME),
	    "Centre|Centre 1|Centre 2|Centre 02|Centre 9a|Centre 9b|Centre 10|Centre 100");
	/* A number before a letter; zeros alone are 0. */
	assert_string_equal(sorted("nom\nb\n000\n7 Rue\n0\na\n", SORT_NAME), "000|0|7 Rue|a|b");
	/* Longer than a 64-bit number, exactly. */
	assert_string_equal(sorted("nom\nx 123456789012345678901234\nx 99999999999999999999999\n",
	    SORT_NAME), "x 99999999999999999999999|x 123456789012345678901234");
}

static void
empty_names_come_last(void **state)
{
	(void)state;
	/* Empty, blank, a short row without the name: after every name,
	 * in file order; spaces and quotes around a name do not count. */
	assert_string_equal(sorted("id,nom\n1,\n2,Zèbre\n3\n4,\"  « Abeille »  \"\n5, \n6,Mouche\n",
	    SORT_NAME), "  « Abeille »  |Mouche|Zèbre||| ");
}

static void
territory_then_name(void **state)
{
	(void)state;
	struct table t;
	struct err e;
	assert_int_equal(LOAD_STR(&t, "nom,territoire,territoire_2017\n"
	    "Bravo,Rhône,\nAlpha,Rhône,\nCharlie,Ain,\nDelta,,\nEcho,Ain,Savoie\nFox,ain,\n"
	    "Golf,Ain-Nord,\n", &e), 0);
	struct sort s;
	sort_init(&s);
	/* Ain (Charlie, Fox), Ain-Nord, Rhône (Alpha, Bravo), Savoie (the
	 * 2017 territory of Echo), then Delta, which has none. */
	assert_string_equal(names(&t, sort_order(&s, &t, SORT_TERRITORY), t.nrows),
	    "Charlie|Fox|Golf|Alpha|Bravo|Echo|Delta");
	assert_string_equal(names(&t, sort_order(&s, &t, SORT_NAME), t.nrows),
	    "Alpha|Bravo|Charlie|Delta|Echo|Fox|Golf");
	const uint32_t *file = sort_order(&s, &t, SORT_FILE);
	for (uint32_t i = 0; i < t.nrows; i++)
		assert_int_equal(file[i], i);
	sort_free(&s);
	table_free(&t);
}

static void
no_name_column_sorts_on_the_first(void **state)
{
	(void)state;
	assert_string_equal(sorted("intitulé_inconnu,x\nb,1\nA,2\nc,3\n", SORT_NAME), "A|b|c");
	/* No territory column: the names alone. */
	assert_string_equal(sorted("nom\nb\na\n", SORT_TERRITORY), "a|b");
}

static void
kept_until_the_table_changes(void **state)
{
	(void)state;
	struct table t;
	struct err e;
	assert_int_equal(LOAD_STR(&t, "nom\nb\na\n", &e), 0);
	struct sort s;
	sort_init(&s);
	const uint32_t *o1 = sort_order(&s, &t, SORT_NAME);
	assert_ptr_equal(sort_order(&s, &t, SORT_NAME), o1);
	assert_int_equal(o1[0], 1);
	/* Another table (or the same with more rows): made again. */
	struct table u;
	assert_int_equal(LOAD_STR(&u, "nom\nb\na\n0\n", &e), 0);
	const uint32_t *o2 = sort_order(&s, &u, SORT_NAME);
	assert_string_equal(names(&u, o2, u.nrows), "0|a|b");
	sort_reset(&s);
	assert_string_equal(names(&t, sort_order(&s, &t, SORT_NAME), t.nrows), "a|b");
	sort_free(&s);
	table_free(&t);
	table_free(&u);
}

/* Names that differ only after 300 bytes (sorted on their whole keys),
 * with ties among them, and a run long enough for the radix sort. */
static void
long_shared_starts(void **state)
{
	(void)state;
	struct arena csv = {0};
	arena_append(&csv, "id,nom\n", 7);
	char start[301];
	memset(start, 'x', 300);
	start[300] = '\0';
	for (int i = 0; i < 200; i++) {
		char line[400];
		/* 199 - i: the file in descending order; i % 50 == 7: ties. */
		int n = snprintf(line, sizeof line, "%d,%s %c%03d\n", i, start, i % 2 ? 'B' : 'a',
		    i % 50 == 7 ? 7 : 199 - i);
		arena_append(&csv, line, (size_t)n);
	}
	struct table t;
	struct err e;
	assert_int_equal(load_mem(&t, csv.base, csv.len, NULL, &e), 0);
	struct sort s;
	sort_init(&s);
	const uint32_t *o = sort_order(&s, &t, SORT_NAME);
	/* "a" (even rows) before "B", each in ascending number, the ties
	 * (rows 7, 57, 107, 157: all odd, all "B007") in file order. */
	size_t at = 0;
	for (int i = 198; i >= 0; i -= 2)
		assert_int_equal(o[at++], i);
	for (int i = 199; i >= 1; i -= 2) {
		if (i % 50 == 7)
			continue;
		if (199 - i > 7 && o[at] == 7) {	/* number 7 comes here */
			assert_int_equal(o[at++], 7);
			assert_int_equal(o[at++], 57);
			assert_int_equal(o[at++], 107);
			assert_int_equal(o[at++], 157);
		}
		assert_int_equal(o[at++], i);
	}
	assert_int_equal(at, 200);
	sort_free(&s);
	table_free(&t);
	arena_free(&csv);
}

/* While the table grows (a load beside the screen), the kept order serves
 * until the table has doubled, the rows since after it in file order;
 * once it no longer grows, every row is in order. */
static void
growing_table(void **state)
{
	(void)state;
	struct table t;
	struct err e;
	assert_int_equal(LOAD_STR(&t, "nom\nd\nb\nc\na\n0\nz\ny\nx\nw\n", &e), 0);
	struct sort s;
	sort_init(&s);
	s.growing = true;
	uint32_t rows[9];
	t.nrows = 4;	/* d b c a */
	for (uint32_t i = 0; i < 4; i++)
		rows[i] = i;
	sort_rows(&s, &t, SORT_NAME, rows, 4);
	assert_string_equal(names(&t, rows, 4), "a|b|c|d");
	t.nrows = 7;	/* 0 z y: less than double */
	for (uint32_t i = 0; i < 7; i++)
		rows[i] = 6 - i;
	sort_rows(&s, &t, SORT_NAME, rows, 7);
	assert_string_equal(names(&t, rows, 7), "a|b|c|d|0|z|y");
	t.nrows = 9;	/* x w: doubled */
	for (uint32_t i = 0; i < 9; i++)
		rows[i] = i;
	sort_rows(&s, &t, SORT_NAME, rows, 9);
	assert_string_equal(names(&t, rows, 9), "0|a|b|c|d|w|x|y|z");
	s.growing = false;
	t.nrows = 4;
	sort_reset(&s);
	sort_order(&s, &t, SORT_NAME);
	t.nrows = 7;
	for (uint32_t i = 0; i < 7; i++)
		rows[i] = i;
	sort_rows(&s, &t, SORT_NAME, rows, 7);
	assert_string_equal(names(&t, rows, 7), "0|a|b|c|d|y|z");
	t.nrows = 9;
	sort_free(&s);
	table_free(&t);
}

static void
key_names(void **state)
{
	(void)state;
	enum sort_key k = SORT_FILE;
	assert_true(sort_key_parse("territory", &k));
	assert_int_equal(k, SORT_TERRITORY);
	assert_true(sort_key_parse("name", &k));
	assert_int_equal(k, SORT_NAME);
	assert_true(sort_key_parse("file", &k));
	assert_int_equal(k, SORT_FILE);
	assert_false(sort_key_parse("Name", &k));
	assert_false(sort_key_parse("", &k));
	assert_string_equal(sort_key_name(SORT_TERRITORY), "territory");
}

/* The reference: whole keys, memcmp, then the row. */
struct ref {
	struct arena keys;
	size_t *at;
};
static const struct ref *ref_now;

static int
ref_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	size_t nx = ref_now->at[x + 1] - ref_now->at[x], ny = ref_now->at[y + 1] - ref_now->at[y];
	int c = nx && ny ? memcmp(ref_now->keys.base + ref_now->at[x],
	    ref_now->keys.base + ref_now->at[y], nx < ny ? nx : ny) : 0;
	if (c)
		return c;
	if (nx != ny)
		return nx < ny ? -1 : 1;
	return x < y ? -1 : x > y;
}

static unsigned long long seed;
static unsigned
rnd(unsigned n)
{
	seed = seed * 6364136223846793005ull + 1442695040888963407ull;
	return (unsigned)((seed >> 33) % n);
}

/* A random name: pieces that share long starts, accents, ligatures,
 * numbers with and without zeros, punctuation, empties. */
static void
random_name(struct arena *a)
{
	static const char *const piece[] = {"centre", "Centre", "CENTRE", "é", "e", "E", "É",
	    "œ", "oe", "ß", "ss", " ", "-", "'", ".", "0", "00", "7", "07", "10", "9",
	    "123456789012345678901234567890", "a", "b", "z", "Z", "ø", "« ", " »", "de la ville de ",
	    "Centre de ressources Politique de la ville de Saint-Étienne-du-Rouvray ", "\xe2\x80\x99"};
	unsigned n = rnd(5) == 0 ? 0 : 1 + rnd(12);
	if (rnd(4) == 0)	/* a long start many names share */
		arena_append(a, piece[30], strlen(piece[30]));
	for (unsigned i = 0; i < n; i++) {
		const char *p = piece[rnd(sizeof piece / sizeof piece[0])];
		arena_append(a, p, strlen(p));
	}
}

static void
check_against_reference(const struct table *t, enum sort_key k, const uint32_t *got,
    const uint32_t *subset, size_t n)
{
	struct ref R = {{0}, xmalloc((t->nrows + 1) * sizeof *R.at)};
	for (size_t r = 0; r < t->nrows; r++) {
		R.at[r] = R.keys.len;
		sort_key_of(t, r, k, &R.keys);
	}
	R.at[t->nrows] = R.keys.len;
	uint32_t *want = xmalloc((n ? n : 1) * sizeof *want);
	memcpy(want, subset, n * sizeof *want);
	ref_now = &R;
	qsort(want, n, sizeof *want, ref_cmp);
	for (size_t i = 0; i < n; i++)
		if (got[i] != want[i])
			fail_msg("order %s, place %zu: row %u, expected %u (%s / %s)", sort_key_name(k),
			    i, got[i], want[i], table_name(t, got[i], NULL), table_name(t, want[i], NULL));
	free(want);
	free(R.at);
	arena_free(&R.keys);
}

/* The same text as a lazy table (table.h: read again from a file, its
 * territories resident, their folded form in the pool): the same keys,
 * so the same orders as t's. */
static void
same_when_lazy(const struct table *t, const struct arena *csv)
{
	char path[] = "/tmp/centres-sort-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, csv->base, csv->len), (ssize_t)csv->len);
	close(fd);
	/* Each value once, folded in the pool; and past the first 20 a loader
	 * meets, folded in the rows (a column of many values). */
	for (int many = 0; many < 2; many++) {
		csvload_remember_for_tests(many ? 20 : 0);
		struct table z;
		struct err e;
		struct load_opts o = {.lazy_min = 1, .parallel_min = 1, .stretches = 2};
		table_init(&z, path);
		assert_int_equal(csvload_file(&z, path, &o, &e), 0);
		assert_non_null(z.lazy);
		assert_true(z.nres > 0);
		assert_int_equal(z.nrows, t->nrows);
		for (enum sort_key k = SORT_FILE; k < SORT_COUNT; k++) {
			struct sort a, b;
			sort_init(&a);
			sort_init(&b);
			assert_memory_equal(sort_order(&a, &z, k), sort_order(&b, t, k),
			    t->nrows * sizeof(uint32_t));
			sort_free(&a);
			sort_free(&b);
		}
		table_free(&z);
	}
	csvload_remember_for_tests(0);
	unlink(path);
}

static void
same_as_the_reference(void **state)
{
	(void)state;
	for (unsigned round = 0; round < 6; round++) {
		seed = 1000 + round;
		struct arena csv = {0};
		const char *head = "nom,territoire,territoire_2017\n";
		arena_append(&csv, head, strlen(head));
		size_t rows = round < 3 ? 3000 : 300;
		for (size_t r = 0; r < rows; r++) {
			arena_putc(&csv, '"');
			random_name(&csv);
			arena_append(&csv, "\",\"", 3);
			if (rnd(3))
				random_name(&csv);
			if (rnd(7) == 0) {	/* ragged: no territory at all */
				arena_append(&csv, "\"\n", 2);
				continue;
			}
			arena_append(&csv, "\",", 2);
			if (rnd(4) == 0)
				random_name(&csv);
			arena_putc(&csv, '\n');
		}
		struct table t;
		struct err e;
		assert_int_equal(load_mem(&t, csv.base, csv.len, NULL, &e), 0);
		rows = t.nrows;	/* less the rows with no text at all */
		assert_true(rows > 100);
		same_when_lazy(&t, &csv);
		uint32_t *all = xmalloc(rows * sizeof *all), *sub = xmalloc(rows * sizeof *sub);
		for (size_t r = 0; r < rows; r++)
			all[r] = (uint32_t)r;
		for (enum sort_key k = SORT_FILE; k < SORT_COUNT; k++) {
			struct sort s;
			sort_init(&s);
			check_against_reference(&t, k, sort_order(&s, &t, k), all, rows);
			/* Subsets, shuffled: small (sorted alone) and large (the
			 * kept order, less the others). */
			for (unsigned m = 0; m < 4; m++) {
				size_t n = 0;
				unsigned keep = m == 0 ? 50 : m == 1 ? 4 : m == 2 ? 2 : 1;
				for (size_t r = 0; r < rows; r++)
					if (rnd(keep) == 0)
						sub[n++] = (uint32_t)r;
				for (size_t i = n; i > 1; i--) {
					size_t j = rnd((unsigned)i);
					uint32_t x = sub[i - 1];
					sub[i - 1] = sub[j];
					sub[j] = x;
				}
				uint32_t *copy = xmalloc((n ? n : 1) * sizeof *copy);
				memcpy(copy, sub, n * sizeof *copy);
				if (m == 1)
					sort_reset(&s);	/* a large part, no kept order yet */
				sort_rows(&s, &t, k, sub, n);
				check_against_reference(&t, k, sub, copy, n);
				free(copy);
			}
			/* Rows appended since the order was made (a loader at
			 * work): a few merged in, many sorted again. */
			size_t full = t.nrows;
			static const size_t less[] = {1, 5, 40};
			for (size_t x = 0; x < 4; x++) {
				sort_reset(&s);
				t.nrows = x < 3 ? full - less[x] : full / 2;
				sort_order(&s, &t, k);
				t.nrows = full;
				check_against_reference(&t, k, sort_order(&s, &t, k), all, rows);
			}
			sort_free(&s);
		}
		free(all);
		free(sub);
		table_free(&t);
		arena_free(&csv);
	}
}

int
main(void)
{
	setlocale(LC_ALL, "");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(accents_sort_with_their_base_letter),
		cmocka_unit_test(case_and_ties_keep_file_order),
		cmocka_unit_test(numbers_compare_as_numbers),
		cmocka_unit_test(empty_names_come_last),
		cmocka_unit_test(territory_then_name),
		cmocka_unit_test(no_name_column_sorts_on_the_first),
		cmocka_unit_test(kept_until_the_table_changes),
		cmocka_unit_test(long_shared_starts),
		cmocka_unit_test(growing_table),
		cmocka_unit_test(key_names),
		cmocka_unit_test(same_as_the_reference),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
