/* SPDX-License-Identifier: MIT
 * fuzz_load: libFuzzer target for the loader. Each input is loaded three
 * times (everything detected; ';' forced; WINDOWS-1252 forced); a table that
 * loads gets its index built and a few filters run (plain, field:, digits,
 * quoted phrase, narrowing, and a query taken from the input), and every
 * field is checked to be clean UTF-8 with no control character, DEL, C1 or
 * bidi control (what the loader promises the screen). Then all is freed, so
 * LeakSanitizer sees any leak. Built by `make fuzz`. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvload.h"
#include "core/filter.h"
#include "core/index.h"
#include "core/table.h"
#include "core/text.h"
#include "core/util.h"

/* Undefined behaviour is a finding, as in the project's sanitizer build. */
const char *__ubsan_default_options(void);
const char *
__ubsan_default_options(void)
{
	return "halt_on_error=1:print_stacktrace=1";
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Aborts when s[0..n) holds anything that must never reach a terminal. */
static void
check_clean(const char *what, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		int32_t cp;
		int len = text_decode(s + i, n - i, &cp);
		int bad = cp < 0 || (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
		    (cp >= 0x7f && cp < 0xa0) || (cp >= 0x202a && cp <= 0x202e) ||
		    (cp >= 0x2066 && cp <= 0x2069) || cp == 0x061c || cp == 0x200e || cp == 0x200f;
		if (bad) {
			fprintf(stderr, "fuzz_load: %s: forbidden code point %ld at byte %zu\n",
			    what, (long)cp, i);
			abort();
		}
		i += (size_t)(len > 0 ? len : 1);
	}
}

static void
run_filter(const struct table *t, struct filter *f, const char *q)
{
	filter_set(f, t, q);
	if (f->n > t->nrows)
		abort();
	for (size_t i = 0; i < f->n; i++) {
		if (f->rows[i] >= t->nrows || (i && f->rows[i] <= f->rows[i - 1]))
			abort();
		/* The screen highlights matches in the shown fields. */
		for (size_t c = 0; c < t->ncols && c < 16; c++) {
			size_t len;
			const char *s = table_field(t, f->rows[i], c, &len);
			struct span sp[8];
			size_t ns = filter_spans(&f->q, c, s, len, sp, 8);
			for (size_t k = 0; k < ns; k++)
				if (sp[k].start > sp[k].end || sp[k].end > len)
					abort();
		}
	}
}

/* The incremental result of q after wide equals a fresh filter's. */
static void
check_narrowing(const struct table *t, const char *wide, const char *q)
{
	struct filter inc, fresh;
	filter_init(&inc);
	filter_init(&fresh);
	run_filter(t, &inc, wide);
	run_filter(t, &inc, q);
	run_filter(t, &fresh, q);
	if (inc.n != fresh.n || (inc.n && memcmp(inc.rows, fresh.rows, inc.n * sizeof *inc.rows))) {
		fprintf(stderr, "fuzz_load: '%s' after '%s': %zu rows, fresh: %zu\n", q, wide,
		    inc.n, fresh.n);
		abort();
	}
	filter_free(&inc);
	filter_free(&fresh);
}

static void
load_one(const uint8_t *data, size_t size, const struct load_opts *o)
{
	struct table t;
	struct err e;
	table_init(&t, "fuzz.csv");
	if (csvload_buffer(&t, (const char *)data, size, o, &e) < 0) {
		char msg[1024];
		err_text(&e, msg, sizeof msg);
		if (strcmp(e.source, "fuzz.csv") != 0 || strchr(msg, '\n'))
			abort();	/* one line, naming the file */
		table_free(&t);
		return;
	}
	for (size_t c = 0; c < t.ncols; c++)
		check_clean("header", t.cols[c].name, strlen(t.cols[c].name));
	for (size_t r = 0; r < t.nrows; r++) {
		for (size_t c = 0; c < t.ncols; c++) {
			size_t len;
			const char *s = table_field(&t, r, c, &len);
			check_clean("field", s, len);
		}
		size_t len;
		table_name(&t, r, &len);
		table_territory(&t, r, &len);
	}
	for (size_t i = 0; i < t.nwarn; i++)
		check_clean("warning", t.warn[i].msg, strlen(t.warn[i].msg));

	struct index ix;
	index_build(&ix, &t);

	struct filter f;
	filter_init(&f);
	run_filter(&t, &f, "c");
	run_filter(&t, &f, "ce");	/* narrows: incremental path */
	run_filter(&t, &f, "reunion cote");
	run_filter(&t, &f, "territoire:bret \"val d'oise\"");
	run_filter(&t, &f, "0478 tel:01");
	/* A query from the input itself: its first bytes, up to a line break. */
	char q[48];
	size_t qn = 0;
	while (qn < size && qn < sizeof q - 1 && data[qn] != '\n' && data[qn] != '\0')
		q[qn] = (char)data[qn], qn++;
	q[qn] = '\0';
	run_filter(&t, &f, q);
	check_narrowing(&t, "c", "ce");
	check_narrowing(&t, "re", "reu 04");
	if (qn > 1) {
		char half[48];
		memcpy(half, q, qn / 2);
		half[qn / 2] = '\0';
		check_narrowing(&t, half, q);
	}
	for (size_t i = 0; i < ix.n; i++) {
		if (index_count(&ix, i, f.hit, t.nrows) > t.nrows)
			abort();
		if (t.nrows)
			index_has_row(&ix, i, 0);
	}
	filter_reset(&f);
	run_filter(&t, &f, "");
	if (f.n != t.nrows)
		abort();	/* an empty query matches every row */
	filter_free(&f);
	index_free(&ix);
	table_free(&t);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct load_opts detect = {0};
	struct load_opts semicolon = {.delimiter = ';'};
	struct load_opts cp1252 = {.encoding = "WINDOWS-1252"};
	load_one(data, size, &detect);
	load_one(data, size, &semicolon);
	load_one(data, size, &cp1252);
	return 0;
}
