/* SPDX-License-Identifier: MIT
 * fuzz_query: libFuzzer target for the query language and the filter
 * engine, on three fixed tables loaded once: tests/data/annuaire.csv (the
 * test directory), the built-in directory, and a small table of awkward
 * headers below (repeated and empty names, a colon, numbered phones, a
 * ragged row). The input is a query A, or "A\0B": two queries. On each
 * table:
 *  - query_parse: every term non-empty, its length its text's, its columns
 *    real, a digits term only digits (two at least);
 *  - filter_set on a fresh filter: rows ascending, hit[] agreeing with them,
 *    and exactly the rows for which every term is found (filter_spans, one
 *    term at a time) in a field it applies to;
 *  - filter_spans of the query on every field of every matching row: each
 *    span inside the field, start < end, on character boundaries, in order
 *    of start;
 *  - narrowing: A typed one character at a time into one filter, then
 *    erased one character at a time, then B typed over it: after each key,
 *    the same rows (and hit[]) as the query set on a new filter;
 *  - query_implies: whenever the query of one step implies another's
 *    (checked among A's prefixes and B), its rows are a subset of the
 *    other's.
 * All is freed: LeakSanitizer sees any leak. -max_len 512 (make test and
 * make fuzz). */
#include <locale.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvload.h"
#include "core/directory.h"
#include "core/filter.h"
#include "core/table.h"
#include "core/util.h"
#include "fuzz_common.h"

const char fuzz_target[] = "fuzz_query";

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Headers the query's field: prefixes must cope with. */
static const char awkward_csv[] =
    "nom;Nom;;T\xc3\xa9l\xc3\xa9phone 2;r\xc3\xa9gion;a:b;territoire;"
    "Territoire depuis 2017;e-mail;tel\n"
    "\xc5\x92uvre \xc2\xab" "Commune\xc2\xbb;\xc3\x89" "COLE;vide;04.78.77.01.43;"
    "\"\xc3\x8ele-de-France; Bretagne\";x:y;C\xc3\xb4te-d'Or;Val d\xe2\x80\x99Oise;"
    "x@y.example;+33 1 23 45 67 89\n"
    "\"Deux\nlignes\";stra\xc3\x9f" "e;;0478-77-01;Bretagne;\"\"\"q\"\"\";;;;\n"
    "court;\xef\xac\x81n\n"
    "\xe6\x9d\xb1\xe4\xba\xac \xe2\x80\x94 caf\xc3\xa9;;;;;;;;;;extra;04 78\n";

#define NTABLES 3
static struct table tables[NTABLES];
static const char *const table_names[NTABLES] = {"annuaire.csv", "built-in directory",
	"awkward.csv"};

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setlocale(LC_ALL, "C.UTF-8");
	struct err e;
	char msg[1024];
	size_t n;
	char *buf = fuzz_read_data("annuaire.csv", &n);
	table_init(&tables[0], "annuaire.csv");
	if (csvload_buffer(&tables[0], buf, n, NULL, &e) < 0)
		fuzz_fail("%s", err_text(&e, msg, sizeof msg));
	free(buf);
	struct directory d;
	if (directory_load(&d, NULL, NULL, &e) < 0)
		fuzz_fail("%s", err_text(&e, msg, sizeof msg));
	index_free(&d.ix);
	tables[1] = d.t;
	table_init(&tables[2], "awkward.csv");
	if (csvload_buffer(&tables[2], awkward_csv, sizeof awkward_csv - 1, NULL, &e) < 0)
		fuzz_fail("%s", err_text(&e, msg, sizeof msg));
	return 0;
}

/* The rows a query matches, as one byte a row. */
struct result {
	char *q;		/* the query text */
	struct query parsed;
	uint8_t *in;		/* hit[r] of the filter: FILTER_* bits */
	size_t n;
	bool words;		/* the filter kept the query's terms (it drops
				 * them for a query that is only a place) */
};

static void
check_parse(const struct table *t, const char *s, const struct query *q)
{
	for (size_t i = 0; i < q->n; i++) {
		const struct term *tm = &q->terms[i];
		if (tm->len == 0 || strlen(tm->text) != tm->len)
			fuzz_fail("'%s': term %zu of length %zu, text '%s'", s, i, tm->len, tm->text);
		if (tm->cols && tm->ncols == 0)
			fuzz_fail("'%s': term %zu has a column list of none", s, i);
		for (size_t c = 0; c < tm->ncols; c++)
			if (!tm->cols || tm->cols[c] >= t->ncols)
				fuzz_fail("'%s': term %zu looks in column %u of %zu", s, i,
				    tm->cols ? tm->cols[c] : 0, t->ncols);
		if (tm->digits) {
			if (tm->len < 2)
				fuzz_fail("'%s': digits term '%s' of fewer than 2 digits", s, tm->text);
			for (size_t k = 0; k < tm->len; k++)
				if (tm->text[k] < '0' || tm->text[k] > '9')
					fuzz_fail("'%s': digits term '%s' holds a non-digit", s, tm->text);
		}
	}
}

/* Whether term i of q is found in a field of row r it applies to. */
static bool
term_found(const struct table *t, const struct query *q, size_t i, size_t r)
{
	struct query one = {&q->terms[i], 1, q->joined};
	struct span sp[1];
	for (size_t c = 0; c < t->ncols; c++) {
		size_t len;
		const char *s = table_field(t, r, c, &len);
		if (filter_spans(&one, c, s, len, sp, 1) > 0)
			return true;
	}
	return false;
}

/* Whether byte i of s[0..n) starts a character (or is n). */
static bool
char_boundary(const char *s, size_t n, size_t i)
{
	for (size_t k = 0; k < n;) {
		if (k == i)
			return true;
		if (k > i)
			return false;
		int32_t cp;
		k += (size_t)fuzz_utf8(s + k, n - k, &cp);
	}
	return i == n;
}

static void
check_spans(const struct table *t, const char *s, const struct query *q, size_t r)
{
	for (size_t c = 0; c < t->ncols; c++) {
		size_t len;
		const char *f = table_field(t, r, c, &len);
		struct span sp[32];
		size_t ns = filter_spans(q, c, f, len, sp, 32);
		if (ns > 32)
			fuzz_fail("'%s': %zu spans for room for 32", s, ns);
		for (size_t k = 0; k < ns; k++) {
			if (sp[k].start >= sp[k].end || sp[k].end > len)
				fuzz_fail("'%s': row %zu, column %zu: span [%u, %u) in a field of %zu bytes",
				    s, r, c, sp[k].start, sp[k].end, len);
			if (!char_boundary(f, len, sp[k].start) || !char_boundary(f, len, sp[k].end))
				fuzz_fail("'%s': row %zu, column %zu: span [%u, %u) splits a character",
				    s, r, c, sp[k].start, sp[k].end);
			if (k && sp[k].start < sp[k - 1].start)
				fuzz_fail("'%s': row %zu, column %zu: spans out of order", s, r, c);
		}
	}
}

/* The filter's result is sound: rows ascending, hit[] the same rows. */
static void
check_result(const struct table *t, const char *s, const struct filter *f)
{
	size_t k = 0;
	for (size_t r = 0; r < t->nrows; r++) {
		bool listed = k < f->n && f->rows[k] == r;
		if (k < f->n && f->rows[k] < r)
			fuzz_fail("'%s': rows not ascending", s);
		if (listed != (f->hit[r] != 0))
			fuzz_fail("'%s': row %zu %s listed but hit[] is %d", s, r, listed ? "" : "not",
			    f->hit[r]);
		k += listed;
	}
	if (k != f->n)
		fuzz_fail("'%s': %zu rows listed, %zu of them real", s, f->n, k);
}

/* Query s on a new filter, checked whole; its rows into res. */
static void
fresh(const struct table *t, const char *s, struct result *res, bool deep)
{
	struct filter f;
	filter_init(&f);
	filter_set(&f, t, s);
	check_result(t, s, &f);
	res->q = xstrdup(s);
	query_parse(t, s, &res->parsed);
	check_parse(t, s, &res->parsed);
	res->words = res->parsed.n == f.q.n;
	if (!res->words && (f.places.n == 0 || f.q.n != 0))
		fuzz_fail("'%s': %zu terms, the filter's query %zu (and %zu places)", s,
		    res->parsed.n, f.q.n, f.places.n);
	res->in = xcalloc(t->nrows + 1, 1);
	res->n = f.n;
	for (size_t i = 0; i < f.n; i++)
		res->in[f.rows[i]] = f.hit[f.rows[i]];
	/* A row a place led to says which; a row its words found, nothing. */
	for (size_t r = 0; r < t->nrows; r++) {
		const char *via = filter_via(&f, r);
		if ((res->in[r] & (FILTER_PLACE | FILTER_NEARBY)) && !(res->in[r] & FILTER_TEXT) && !via)
			fuzz_fail("'%s': row %zu reached through a place, with no via", s, r);
		if ((res->in[r] & FILTER_TEXT) && via)
			fuzz_fail("'%s': row %zu found by its words, with a via '%s'", s, r, via);
	}
	if (deep && res->words) {
		/* Every term found in a field it applies to, and only then. */
		for (size_t r = 0; r < t->nrows; r++) {
			bool all = true;
			for (size_t i = 0; i < f.q.n && all; i++)
				all = term_found(t, &f.q, i, r);
			bool text = f.q.n ? (res->in[r] & FILTER_TEXT) != 0 : res->in[r] != 0;
			if (all != text)
				fuzz_fail("'%s': row %zu (line %u) %s, but every term is %sfound in "
				    "its fields", s, r, t->rows[r].line, text ? "matches" :
				    "does not match", all ? "" : "not ");
			if (text)
				check_spans(t, s, &f.q, r);
		}
	}
	filter_free(&f);
}

static void
result_free(struct result *r)
{
	free(r->q);
	query_free(&r->parsed);
	free(r->in);
}

/* The incremental filter inc, just set to s, agrees with a fresh one. */
static void
same_as_fresh(const struct table *t, const struct filter *inc, const struct result *want,
    const char *how)
{
	check_result(t, want->q, inc);
	if (inc->n != want->n)
		fuzz_fail("'%s' %s: %zu rows, set fresh: %zu", want->q, how, inc->n, want->n);
	for (size_t i = 0; i < inc->n; i++)
		if (!want->in[inc->rows[i]])
			fuzz_fail("'%s' %s: row %u, not in the fresh result", want->q, how,
			    inc->rows[i]);
}

/* If a's query implies b's, the rows a's words find are among those b's
 * find (what places add is not narrowed: "bord" offers the starts of names
 * only while its words find nothing). */
static void
check_implies(const struct table *t, const struct result *a, const struct result *b)
{
	if (!a->words || !b->words || !query_implies(&a->parsed, &b->parsed))
		return;
	for (size_t r = 0; r < t->nrows; r++)
		if (a->in[r] & FILTER_TEXT && !(b->in[r] & FILTER_TEXT))
			fuzz_fail("'%s' implies '%s', but row %zu (line %u) matches only the first",
			    a->q, b->q, r, t->rows[r].line);
}

/* Byte lengths of the prefixes of s typed one character at a time. */
static size_t
prefixes(const char *s, size_t *ends)
{
	size_t n = strlen(s), k = 0;
	for (size_t i = 0; i < n;) {
		int32_t cp;
		i += (size_t)fuzz_utf8(s + i, n - i, &cp);
		ends[k++] = i;
	}
	return k;
}

static void
run_table(const struct table *t, const char *a, const char *b)
{
	size_t alen = strlen(a);
	size_t *ends = xmalloc((alen + 1) * sizeof *ends);
	size_t np = prefixes(a, ends);
	/* steps[0] is "", steps[1..np] A's prefixes, steps[np + 1] B. */
	struct result *steps = xcalloc(np + 2, sizeof *steps);
	char *buf = xmalloc(alen + 1);
	fresh(t, "", &steps[0], false);
	if (steps[0].n != t->nrows)
		fuzz_fail("the empty query matches %zu rows of %zu", steps[0].n, t->nrows);
	for (size_t i = 1; i <= np; i++) {
		memcpy(buf, a, ends[i - 1]);
		buf[ends[i - 1]] = '\0';
		fresh(t, buf, &steps[i], i == np);
	}
	if (b)
		fresh(t, b, &steps[np + 1], true);

	struct filter inc;
	filter_init(&inc);
	for (size_t i = 1; i <= np; i++) {
		filter_set(&inc, t, steps[i].q);
		same_as_fresh(t, &inc, &steps[i], "typed");
	}
	for (size_t i = np; i-- > 0;) {
		filter_set(&inc, t, steps[i].q);
		same_as_fresh(t, &inc, &steps[i], "erased back");
	}
	if (b) {
		filter_set(&inc, t, a);
		filter_set(&inc, t, b);
		same_as_fresh(t, &inc, &steps[np + 1], "after A");
	}
	filter_free(&inc);

	size_t ns = np + (b ? 2 : 1);
	for (size_t i = 0; i < ns; i++)
		for (size_t j = 0; j < ns; j++) {
			/* All pairs of a short query; else each step with its
			 * neighbours, the whole of A and B. */
			bool pair = ns <= 40 || j + 1 == i || i + 1 == j || j == np || j == ns - 1 ||
			    i == np || i == ns - 1;
			if (i != j && pair)
				check_implies(t, &steps[i], &steps[j]);
		}
	for (size_t i = 0; i < ns; i++)
		result_free(&steps[i]);
	free(steps);
	free(buf);
	free(ends);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = xmalloc(size + 2);
	memcpy(s, data, size);
	s[size] = s[size + 1] = '\0';
	size_t alen = strlen(s);
	const char *b = alen < size ? s + alen + 1 : NULL;
	for (size_t i = 0; i < NTABLES; i++) {
		fuzz_context = table_names[i];
		run_table(&tables[i], s, b);
	}
	fuzz_context = NULL;
	free(s);
	return 0;
}
