/* SPDX-License-Identifier: MIT
 * fuzz_load: libFuzzer target for the loader and what is built on a loaded
 * table. Each input is loaded nine times: everything detected; the encoding
 * forced to UTF-16LE, UTF-16BE, UTF-32LE, WINDOWS-1252, ISO-8859-15,
 * GB18030 and SHIFT_JIS; ';' forced. A load that fails must say so on one
 * line naming the file. When the input is clean UTF-8 (loaded as it is), a
 * CSV reader of its own below must agree with the loader: the same error on
 * the same line, or the same header, rows, fields and line numbers. For
 * every table that loads:
 *  - every header name, field and warning is valid UTF-8 with no control
 *    character (but tab and line breaks), DEL, C1 or bidi control (what the
 *    loader promises the screen);
 *  - every output format (text, csv, tsv, json; flags 0 and OUTPUT_RAW)
 *    holds nothing of the kind either; text is one line a row and TSV one
 *    line a row of ncols cells; the JSON is well-formed (a strict parser
 *    below: an array of objects of string values) and gives back, under the
 *    keys of output_keys() (all distinct), every field as read; the CSV
 *    loads back (detecting its delimiter) to the same columns, header names
 *    and fields (a short row reads back as empty fields; without OUTPUT_RAW a
 *    cell starting with = + - @ reads back after a ');
 *  - card_text() of each row is clean, one line a field of the card; the
 *    --check report (output_check) is clean;
 *  - the index is built, its labels clean on one line, its rows ascending;
 *    a few filters run, each result checked (rows ascending, spans inside
 *    their field) and narrowing checked against a fresh filter.
 * Output and cards look at the first rows only when the table is large
 * (about OUT_BYTES of output), spans at the first SPAN_ROWS matches, so
 * that each run stays fast. Then all is freed, so
 * LeakSanitizer sees any leak. Built by `make fuzz` and `make test`. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/card.h"
#include "core/csvload.h"
#include "core/filter.h"
#include "core/index.h"
#include "core/output.h"
#include "core/table.h"
#include "core/text.h"
#include "core/util.h"
#include "fuzz_common.h"

const char fuzz_target[] = "fuzz_load";

/* Bytes of output per format, about, at most (see load_one). */
#define OUT_BYTES 262144
/* Matching rows whose spans are checked, at most. */
#define SPAN_ROWS 256

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const format_names[] = {"text", "csv", "tsv", "json"};

static void
run_filter(const struct table *t, struct filter *f, const char *q)
{
	filter_set(f, t, q);
	if (f->n > t->nrows)
		fuzz_fail("'%s': %zu rows of %zu", q, f->n, t->nrows);
	for (size_t i = 0; i < f->n; i++) {
		if (f->rows[i] >= t->nrows || (i && f->rows[i] <= f->rows[i - 1]))
			fuzz_fail("'%s': rows not ascending at %zu", q, i);
		/* The screen highlights matches in the shown fields. */
		for (size_t c = 0; c < t->ncols && c < 16 && i < SPAN_ROWS; c++) {
			size_t len;
			const char *s = table_field(t, f->rows[i], c, &len);
			struct span sp[8];
			size_t ns = filter_spans(&f->q, c, s, len, sp, 8);
			for (size_t k = 0; k < ns; k++)
				if (sp[k].start > sp[k].end || sp[k].end > len)
					fuzz_fail("'%s': span [%u, %u) in a field of %zu bytes", q,
					    sp[k].start, sp[k].end, len);
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
	if (inc.n != fresh.n || (inc.n && memcmp(inc.rows, fresh.rows, inc.n * sizeof *inc.rows)))
		fuzz_fail("'%s' after '%s': %zu rows, fresh: %zu", q, wide, inc.n, fresh.n);
	filter_free(&inc);
	filter_free(&fresh);
}

/* rows[0..n) of t in format f, malloc'd (*len bytes, NUL-terminated);
 * text fitted to width columns (0: whole lines). */
static char *
render(const struct table *t, const uint32_t *rows, size_t n, enum format f, unsigned flags,
    int width, size_t *len)
{
	char *buf = NULL;
	FILE *out = open_memstream(&buf, len);
	if (!out)
		fuzz_fail("open_memstream failed");
	output_rows(out, t, rows, n, f, flags, width);
	if (fclose(out) != 0)
		fuzz_fail("writing the %s output failed", format_names[f]);
	return buf;
}

/* A strict JSON reader: only what output_rows() may write (an array of
 * objects of string values), whitespace as RFC 8259 allows it. */
struct json {
	const char *s;
	size_t n, i;
	const char *what;
};

static void
json_ws(struct json *j)
{
	while (j->i < j->n && (j->s[j->i] == ' ' || j->s[j->i] == '\t' || j->s[j->i] == '\n' ||
	    j->s[j->i] == '\r'))
		j->i++;
}

static void
json_expect(struct json *j, char c)
{
	json_ws(j);
	if (j->i >= j->n || j->s[j->i] != c)
		fuzz_fail("%s: JSON: '%c' expected at byte %zu of %zu", j->what, c, j->i, j->n);
	j->i++;
}

/* Whether the next thing (after whitespace) is c; consumed if so. */
static bool
json_accept(struct json *j, char c)
{
	json_ws(j);
	if (j->i < j->n && j->s[j->i] == c) {
		j->i++;
		return true;
	}
	return false;
}

static int
json_hex4(struct json *j)
{
	if (j->n - j->i < 4)
		fuzz_fail("%s: JSON: truncated \\u escape at byte %zu", j->what, j->i);
	int v = 0;
	for (int k = 0; k < 4; k++) {
		char c = j->s[j->i++];
		int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 :
		    c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (d < 0)
			fuzz_fail("%s: JSON: bad hex digit in \\u escape at byte %zu", j->what, j->i - 1);
		v = v * 16 + d;
	}
	return v;
}

/* A string, decoded into a malloc'd buffer (*len bytes, NUL-terminated). */
static char *
json_string(struct json *j, size_t *len)
{
	json_expect(j, '"');
	/* Room for the raw string: decoding never makes it longer. */
	size_t end = j->i;
	while (end < j->n && j->s[end] != '"')
		end += j->s[end] == '\\' ? 2 : 1;
	char *out = xmalloc(end - j->i + 1);
	size_t o = 0;
	for (;;) {
		if (j->i >= j->n)
			fuzz_fail("%s: JSON: unterminated string", j->what);
		unsigned char c = (unsigned char)j->s[j->i];
		if (c == '"') {
			j->i++;
			break;
		}
		if (c < 0x20)
			fuzz_fail("%s: JSON: raw control byte 0x%02x in a string at byte %zu", j->what,
			    c, j->i);
		if (c != '\\') {
			int32_t cp;
			int l = fuzz_utf8(j->s + j->i, j->n - j->i, &cp);
			if (cp < 0)
				fuzz_fail("%s: JSON: invalid UTF-8 at byte %zu", j->what, j->i);
			memcpy(out + o, j->s + j->i, (size_t)l);
			o += (size_t)l, j->i += (size_t)l;
			continue;
		}
		if (++j->i >= j->n)
			fuzz_fail("%s: JSON: truncated escape", j->what);
		char e = j->s[j->i++];
		switch (e) {
		case '"': case '\\': case '/': out[o++] = e; break;
		case 'b': out[o++] = '\b'; break;
		case 'f': out[o++] = '\f'; break;
		case 'n': out[o++] = '\n'; break;
		case 'r': out[o++] = '\r'; break;
		case 't': out[o++] = '\t'; break;
		case 'u': {
			int32_t cp = json_hex4(j);
			if (cp >= 0xdc00 && cp <= 0xdfff)
				fuzz_fail("%s: JSON: lone low surrogate at byte %zu", j->what, j->i);
			if (cp >= 0xd800 && cp <= 0xdbff) {
				if (j->n - j->i < 2 || j->s[j->i] != '\\' || j->s[j->i + 1] != 'u')
					fuzz_fail("%s: JSON: lone high surrogate at byte %zu", j->what, j->i);
				j->i += 2;
				int32_t lo = json_hex4(j);
				if (lo < 0xdc00 || lo > 0xdfff)
					fuzz_fail("%s: JSON: bad low surrogate at byte %zu", j->what, j->i);
				cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
			}
			/* Six bytes of escape give at most four of UTF-8. */
			o += (size_t)text_encode(cp, out + o);
			break;
		}
		default:
			fuzz_fail("%s: JSON: unknown escape \\%c at byte %zu", j->what, e, j->i - 1);
		}
	}
	out[o] = '\0';
	*len = o;
	return out;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The JSON of rows[0..n) of t: well-formed, and the same keys and fields. */
static void
check_json(const struct table *t, const uint32_t *rows, size_t n, const char *s, size_t len)
{
	char **keys = output_keys(t);
	/* The keys are distinct (else a JSON reader keeps one of them). */
	char **sorted = xmalloc((t->ncols + 1) * sizeof *sorted);
	memcpy(sorted, keys, t->ncols * sizeof *sorted);
	qsort(sorted, t->ncols, sizeof *sorted, cmp_str);
	for (size_t c = 1; c < t->ncols; c++)
		if (strcmp(sorted[c - 1], sorted[c]) == 0)
			fuzz_fail("json: two columns have the key '%s'", sorted[c]);
	free(sorted);

	struct json j = {s, len, 0, "json"};
	json_expect(&j, '[');
	size_t i = 0;
	if (!json_accept(&j, ']')) {
		do {
			if (i >= n)
				fuzz_fail("json: more objects than the %zu rows", n);
			json_expect(&j, '{');
			size_t c = 0;
			if (!json_accept(&j, '}')) {
				do {
					size_t kl, vl, fl;
					char *k = json_string(&j, &kl);
					json_expect(&j, ':');
					char *v = json_string(&j, &vl);
					if (c >= t->ncols)
						fuzz_fail("json: row %zu has more than %zu members", i, t->ncols);
					const char *f = table_field(t, rows[i], c, &fl);
					if (kl != strlen(keys[c]) || memcmp(k, keys[c], kl) != 0)
						fuzz_fail("json: row %zu, member %zu: key '%s', not '%s'", i, c, k,
						    keys[c]);
					if (vl != fl || memcmp(v, f, fl) != 0)
						fuzz_fail("json: row %zu, '%s': value '%s', not '%s'", i, k, v, f);
					free(k);
					free(v);
					c++;
				} while (json_accept(&j, ','));
				json_expect(&j, '}');
			}
			if (c != t->ncols)
				fuzz_fail("json: row %zu has %zu members, not %zu", i, c, t->ncols);
			i++;
		} while (json_accept(&j, ','));
		json_expect(&j, ']');
	}
	json_ws(&j);
	if (j.i != j.n)
		fuzz_fail("json: text after the array at byte %zu of %zu", j.i, j.n);
	if (i != n)
		fuzz_fail("json: %zu objects for %zu rows", i, n);
	for (size_t c = 0; c < t->ncols; c++)
		free(keys[c]);
	free(keys);
}

static bool
formula_like(const char *s, size_t n)
{
	return n > 0 && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@');
}

/* Whether got[0..gl) is want[0..wl) as written with flags and read back. */
static bool
same_cell(const char *got, size_t gl, const char *want, size_t wl, unsigned flags)
{
	if (!(flags & OUTPUT_RAW) && formula_like(want, wl))
		return gl == wl + 1 && got[0] == '\'' && memcmp(got + 1, want, wl) == 0;
	return gl == wl && memcmp(got, want, wl) == 0;
}

/* The CSV of rows[0..n) of t loads back to the same table. */
static void
check_csv_reload(const struct table *t, const uint32_t *rows, size_t n, const char *s,
    size_t len, unsigned flags)
{
	const char *how = flags & OUTPUT_RAW ? "csv (raw)" : "csv";
	struct table u;
	struct err e;
	table_init(&u, "written.csv");
	if (csvload_buffer(&u, s, len, NULL, &e) < 0) {
		char msg[1024];
		fuzz_fail("%s: the CSV written does not load back: %s", how,
		    err_text(&e, msg, sizeof msg));
	}
	if (u.ncols != t->ncols || u.nrows != n)
		fuzz_fail("%s: read back as %zu columns and %zu rows, not %zu and %zu "
		    "(delimiter '%c')", how, u.ncols, u.nrows, t->ncols, n, u.delimiter);
	for (size_t c = 0; c < t->ncols; c++) {
		const char *a = u.cols[c].name, *b = t->cols[c].name;
		if (!same_cell(a, strlen(a), b, strlen(b), flags))
			fuzz_fail("%s: header %zu read back as '%s', not '%s'", how, c, a, b);
	}
	for (size_t i = 0; i < n; i++)
		for (size_t c = 0; c < t->ncols; c++) {
			size_t al, bl;
			const char *a = table_field(&u, i, c, &al);
			const char *b = table_field(t, rows[i], c, &bl);
			if (!same_cell(a, al, b, bl, flags))
				fuzz_fail("%s: row %zu (line %u), column %zu read back as '%s', not '%s'",
				    how, i, t->rows[rows[i]].line, c, a, b);
		}
	table_free(&u);
}

/* Lines of s[0..n) (each ends with \n); fails on a last line without. */
static size_t
count_lines(const char *what, const char *s, size_t n)
{
	size_t lines = 0;
	for (size_t i = 0; i < n; i++)
		lines += s[i] == '\n';
	if (n && s[n - 1] != '\n')
		fuzz_fail("%s: the output does not end with a line feed", what);
	return lines;
}

static void
check_outputs(const struct table *t, const uint32_t *rows, size_t n)
{
	for (int f = FORMAT_TEXT; f <= FORMAT_JSON; f++)
		for (unsigned flags = 0; flags <= OUTPUT_RAW; flags++) {
			/* Text has no raw form: that turn, it is fitted to a
			 * terminal of 40 columns. */
			int width = f == FORMAT_TEXT && (flags & OUTPUT_RAW) ? 40 : 0;
			char what[32];
			snprintf(what, sizeof what, "%s%s", format_names[f],
			    width ? " (40 columns)" : flags & OUTPUT_RAW ? " (raw)" : "");
			size_t len;
			char *s = render(t, rows, n, (enum format)f, flags, width, &len);
			if (strlen(s) != len)
				fuzz_fail("%s: a NUL byte in the output", what);
			fuzz_check_clean(what, s, len, true);
			switch (f) {
			case FORMAT_TEXT:
				if (memchr(s, '\t', len) || memchr(s, '\r', len))
					fuzz_fail("%s: a tab or a carriage return in the output", what);
				if (count_lines(what, s, len) != n)
					fuzz_fail("%s: %zu lines for %zu rows", what,
					    count_lines(what, s, len), n);
				break;
			case FORMAT_TSV: {
				if (memchr(s, '\r', len))
					fuzz_fail("%s: a carriage return in the output", what);
				if (count_lines(what, s, len) != n + 1)
					fuzz_fail("%s: %zu lines for a header and %zu rows", what,
					    count_lines(what, s, len), n);
				size_t tabs = 0;
				for (size_t i = 0; i < len; i++) {
					if (s[i] == '\t')
						tabs++;
					else if (s[i] == '\n') {
						if (tabs != (t->ncols ? t->ncols - 1 : 0))
							fuzz_fail("%s: a line of %zu tabs for %zu columns",
							    what, tabs, t->ncols);
						tabs = 0;
					}
				}
				break;
			}
			case FORMAT_CSV:
				check_csv_reload(t, rows, n, s, len, flags);
				break;
			case FORMAT_JSON:
				check_json(t, rows, n, s, len);
				break;
			}
			free(s);
		}
}

/* card_text() of row r: clean, and one "Label: value" line a field. */
static void
check_card(const struct table *t, size_t r)
{
	char *s = card_text(t, r);
	size_t len = strlen(s);
	fuzz_check_clean("card", s, len, true);
	struct card c = {0};
	card_build(&c, t, r);
	size_t fields = 0;
	for (size_t i = 0; i < c.n; i++)
		fields += c.f[i].n > 0;
	card_free(&c);
	if (count_lines("card", s, len) != fields)
		fuzz_fail("card of row %zu (line %u): %zu lines for %zu fields", r, t->rows[r].line,
		    count_lines("card", s, len), fields);
	free(s);
}

/* A CSV reader of its own, for the text that reaches the loader's parser
 * unchanged (clean UTF-8, detected, after any byte order mark): RFC 4180
 * with the loader's dialect. Rows end at LF, CR or CR LF outside quotes;
 * blank lines are skipped; a quoted field runs to its closing quote ("" is
 * one), which must be followed by the delimiter, a line break or the end;
 * the first row is the header; a later row whose fields are all empty is
 * dropped. Fields are offsets into ref.text. */
enum ref_err { REF_OK, REF_UNTERMINATED, REF_AFTER_QUOTE, REF_NO_HEADER };

struct ref_row {
	uint32_t line;		/* where it starts */
	size_t first, n;	/* its fields: f[first..first + n) */
};

struct ref {
	char *text;
	size_t tlen;
	size_t *off, *len;	/* each field */
	size_t nf, fcap;
	struct ref_row *rows;
	size_t nr, rcap;
	enum ref_err err;
	uint32_t err_line;
};

static bool
is_eol(char c)
{
	return c == '\n' || c == '\r';
}

/* Bytes of the line break at s[i]. */
static size_t
eol_len(const char *s, size_t n, size_t i)
{
	return s[i] == '\r' && i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
}

static void
ref_field(struct ref *R, size_t off)
{
	if (R->nf == R->fcap) {
		R->fcap = R->fcap ? 2 * R->fcap : 64;
		R->off = xrealloc(R->off, R->fcap * sizeof *R->off);
		R->len = xrealloc(R->len, R->fcap * sizeof *R->len);
	}
	R->off[R->nf] = off;
	R->len[R->nf++] = R->tlen - off;
}

static void
ref_parse(struct ref *R, const char *s, size_t n, char delim)
{
	memset(R, 0, sizeof *R);
	R->text = xmalloc(n + 1);
	size_t i = 0;
	uint32_t line = 1;
	while (i < n) {
		if (is_eol(s[i])) {	/* a blank line */
			i += eol_len(s, n, i);
			line++;
			continue;
		}
		struct ref_row row = {line, R->nf, 0};
		for (;;) {	/* one field */
			size_t off = R->tlen;
			if (i < n && s[i] == '"') {
				uint32_t qline = line;
				for (i++;;) {
					if (i >= n) {
						R->err = REF_UNTERMINATED, R->err_line = qline;
						return;
					}
					if (s[i] == '"' && i + 1 < n && s[i + 1] == '"') {
						R->text[R->tlen++] = '"';
						i += 2;
					} else if (s[i] == '"') {
						i++;
						break;
					} else if (is_eol(s[i])) {
						size_t l = eol_len(s, n, i);
						memcpy(R->text + R->tlen, s + i, l);
						R->tlen += l, i += l;
						line++;
					} else {
						R->text[R->tlen++] = s[i++];
					}
				}
				if (i < n && s[i] != delim && !is_eol(s[i])) {
					R->err = REF_AFTER_QUOTE, R->err_line = line;
					return;
				}
			} else {
				while (i < n && s[i] != delim && !is_eol(s[i]))
					R->text[R->tlen++] = s[i++];
			}
			ref_field(R, off);
			if (i < n && s[i] == delim) {
				i++;
				continue;
			}
			break;
		}
		if (i < n) {
			i += eol_len(s, n, i);
			line++;
		}
		row.n = R->nf - row.first;
		bool empty = true;
		for (size_t k = row.first; k < R->nf && empty; k++)
			empty = R->len[k] == 0;
		if (R->nr > 0 && empty)
			continue;	/* ";;;;": carries nothing */
		if (R->nr == R->rcap) {
			R->rcap = R->rcap ? 2 * R->rcap : 16;
			R->rows = xrealloc(R->rows, R->rcap * sizeof *R->rows);
		}
		R->rows[R->nr++] = row;
	}
	if (R->nr == 0)
		R->err = REF_NO_HEADER;
}

static void
ref_free(struct ref *R)
{
	free(R->text);
	free(R->off);
	free(R->len);
	free(R->rows);
}

/* The loader's result (rc, e, t) for s[0..n) is the reference reader's. */
static void
check_reference(const char *s, size_t n, int rc, const struct err *e, const struct table *t)
{
	struct ref R;
	ref_parse(&R, s, n, t->delimiter);
	static const char *const kind[] = {"", "unterminated quoted field",
		"text after the closing quote", "no header row"};
	if (R.err != REF_OK) {
		if (rc == 0)
			fuzz_fail("reference: %s on line %u, but the file loads", kind[R.err],
			    R.err_line);
		if (R.err != REF_NO_HEADER &&
		    (e->line != R.err_line || strncmp(e->msg, kind[R.err], strlen(kind[R.err])) != 0))
			fuzz_fail("reference: %s on line %u, the loader: line %lu: %s", kind[R.err],
			    R.err_line, e->line, e->msg);
		ref_free(&R);
		return;
	}
	if (rc < 0)
		fuzz_fail("reference: %zu rows, but the loader fails: line %lu: %s", R.nr - 1, e->line,
		    e->msg);
	const struct ref_row *h = &R.rows[0];
	size_t ncols = h->n;
	for (size_t r = 1; r < R.nr; r++)
		if (R.rows[r].n > ncols)
			ncols = R.rows[r].n;
	if (t->ncols != ncols || t->nrows != R.nr - 1 || t->header_line != h->line)
		fuzz_fail("reference: %zu columns, %zu rows, header on line %u; the loader: %zu, %zu, "
		    "%u", ncols, R.nr - 1, h->line, t->ncols, t->nrows, t->header_line);
	for (size_t c = 0; c < ncols; c++) {
		char extra[32];
		snprintf(extra, sizeof extra, "colonne %zu", c + 1);
		const char *want = c < h->n ? R.text + R.off[h->first + c] : extra;
		size_t wl = c < h->n ? R.len[h->first + c] : strlen(extra);
		if (strlen(t->cols[c].name) != wl || memcmp(t->cols[c].name, want, wl) != 0)
			fuzz_fail("reference: header %zu is '%.*s', the loader's '%s'", c, (int)wl, want,
			    t->cols[c].name);
	}
	for (size_t r = 0; r < t->nrows; r++) {
		const struct ref_row *w = &R.rows[r + 1];
		if (t->rows[r].line != w->line || t->rows[r].nfields != w->n)
			fuzz_fail("reference: row %zu on line %u, %zu fields; the loader: line %u, %u",
			    r, w->line, w->n, t->rows[r].line, t->rows[r].nfields);
		for (size_t c = 0; c < w->n; c++) {
			size_t len;
			const char *f = table_field(t, r, c, &len);
			size_t k = w->first + c;
			if (len != R.len[k] || memcmp(f, R.text + R.off[k], len) != 0)
				fuzz_fail("reference: row %zu (line %u), field %zu is '%.*s', the loader's "
				    "'%s'", r, w->line, c, (int)R.len[k], R.text + R.off[k], f);
		}
	}
	ref_free(&R);
}

/* Whether the loader parses data[0..size) as it is (after a UTF-8 byte
 * order mark): *text and *n get what it parses. */
static bool
parsed_as_is(const uint8_t *data, size_t size, const struct load_opts *o, const char **text,
    size_t *n)
{
	const char *s = (const char *)data;
	if (o->encoding || size == 0)
		return false;
	if (size >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3, size -= 3;
	for (size_t i = 0; i < size;) {
		int32_t cp;
		i += (size_t)fuzz_utf8(s + i, size - i, &cp);
		if (cp < 0 || fuzz_forbidden(cp, true))
			return false;
	}
	*text = s, *n = size;
	return true;
}

static char input_path[64];

static void
remove_input(void)
{
	unlink(input_path);
}

/* A file holding the input, for a lazy table (its rows read again from
 * it); NULL when none can be written. */
static const char *
input_file(const uint8_t *data, size_t size)
{
	char *path = input_path;
	if (!path[0]) {
		snprintf(input_path, sizeof input_path, "/tmp/fuzz_load-%ld.csv", (long)getpid());
		atexit(remove_input);
	}
	FILE *f = fopen(path, "wb");
	if (!f)
		return NULL;
	bool ok = fwrite(data, 1, size, f) == size;
	return fclose(f) == 0 && ok ? path : NULL;
}

/* The same input read another way gives the table of one stretch read by
 * libcsv: rows, fields, lines, warnings, error. The ways: in stretches (as
 * a large file is, on the cores); its simple lines split by the loader, not
 * by libcsv, in one stretch and in several; and as a lazy table from a file
 * (rows read again from it, the simple lines split by the loader). */
static void
check_as(const char *how, const uint8_t *data, size_t size, const struct load_opts *other,
    bool from_file, int rc, const struct err *e, const struct table *t)
{
	struct table u;
	struct err f;
	table_init(&u, "fuzz.csv");
	int ru;
	const char *path = from_file ? input_file(data, size) : NULL;
	if (from_file && !path)
		return;
	if (path) {
		ru = csvload_file(&u, path, other, &f);
	} else {
		ru = csvload_buffer(&u, (const char *)data, size, other, &f);
	}
	char m1[1024], m2[1024];
	if (ru != rc || (rc < 0 && strcmp(err_text(e, m1, sizeof m1), err_text(&f, m2, sizeof m2))))
		fuzz_fail("%s: status %d (%s), in one: %d (%s)", how, ru, ru < 0 ? m2 : "",
		    rc, rc < 0 ? m1 : "");
	if (u.nrows != t->nrows || u.ncols != t->ncols || u.nwarn_total != t->nwarn_total)
		fuzz_fail("%s: %zu rows, %zu columns, %zu warnings; in one: %zu, %zu, %zu", how,
		    u.nrows, u.ncols, u.nwarn_total, t->nrows, t->ncols, t->nwarn_total);
	for (size_t r = 0; r < t->nrows; r++) {
		if (u.rows[r].line != t->rows[r].line || u.rows[r].nfields != t->rows[r].nfields)
			fuzz_fail("%s, row %zu differs (line %u, %u fields)", how, r,
			    u.rows[r].line, u.rows[r].nfields);
		/* Each field and its search form (a lazy table's resident
		 * values have theirs in its pool, not in the row's). */
		for (size_t c = 0; c < t->rows[r].nfields; c++) {
			size_t a, b;
			const char *x = table_field(&u, r, c, &a), *y = table_field(t, r, c, &b);
			if (a != b || memcmp(x, y, a))
				fuzz_fail("%s, row %zu field %zu differs", how, r, c);
			x = table_fold_field(&u, r, c, &a);
			y = table_fold_field(t, r, c, &b);
			if (!x || !y || a != b || memcmp(x, y, a))
				fuzz_fail("%s, row %zu field %zu differs, folded", how, r, c);
		}
	}
	for (size_t i = 0; i < t->nwarn; i++)
		if (u.warn[i].line != t->warn[i].line || strcmp(u.warn[i].msg, t->warn[i].msg))
			fuzz_fail("%s, warning %zu differs: %s", how, i, u.warn[i].msg);
	if (table_stale(&u))
		fuzz_fail("%s: the file read again is not the one read", how);
	table_free(&u);
}

static void
check_stretches(const uint8_t *data, size_t size, const struct load_opts *o, int rc,
    const struct err *e, const struct table *t)
{
	struct load_opts many = *o, own = *o, own_many, lazy = *o;
	many.parallel_min = 1;
	many.stretches = 2 + (unsigned)(size % 4);
	check_as("in stretches", data, size, &many, false, rc, e, t);
	own.split = LOAD_SPLIT_OWN;
	check_as("split by the loader", data, size, &own, false, rc, e, t);
	own_many = many;
	own_many.split = LOAD_SPLIT_OWN;
	check_as("split by the loader, in stretches", data, size, &own_many, false, rc, e, t);
	lazy.lazy_min = 1;
	lazy.split = LOAD_SPLIT_AUTO;
	check_as("lazy, from a file", data, size, &lazy, true, rc, e, t);
}

static void
load_one(const uint8_t *data, size_t size, const struct load_opts *o)
{
	struct table t;
	struct err e;
	table_init(&t, "fuzz.csv");
	int rc = csvload_buffer(&t, (const char *)data, size, o, &e);
	if (!o->encoding)
		check_stretches(data, size, o, rc, &e, &t);
	const char *text;
	size_t tn;
	if (parsed_as_is(data, size, o, &text, &tn))
		check_reference(text, tn, rc, &e, &t);
	if (rc < 0) {
		char msg[1024];
		err_text(&e, msg, sizeof msg);
		if (strcmp(e.source, "fuzz.csv") != 0 || strchr(msg, '\n'))
			fuzz_fail("the error is not one line naming the file: %s", msg);
		table_free(&t);
		return;
	}
	for (size_t c = 0; c < t.ncols; c++)
		fuzz_check_clean("header", t.cols[c].name, strlen(t.cols[c].name), true);
	for (size_t r = 0; r < t.nrows; r++) {
		size_t nf = t.rows[r].nfields, len;
		if (nf > t.ncols)
			fuzz_fail("row %zu has %zu fields, the table %zu columns", r, nf, t.ncols);
		for (size_t c = 0; c < nf; c++) {
			const char *s = table_field(&t, r, c, &len);
			fuzz_check_clean("field", s, len, true);
		}
		/* A short row: its missing fields are empty. */
		if (nf < t.ncols && (*table_field(&t, r, t.ncols - 1, &len) || len))
			fuzz_fail("row %zu of %zu fields: its last column is not empty", r, nf);
		table_name(&t, r, &len);
		table_territory(&t, r, &len);
	}
	for (size_t i = 0; i < t.nwarn; i++)
		fuzz_check_clean("warning", t.warn[i].msg, strlen(t.warn[i].msg), true);

	/* Output and cards of the first rows: as many as OUT_BYTES of JSON
	 * holds (its keys are repeated in every row), one at least. */
	size_t keys = 0, n = 0;
	for (size_t c = 0; c < t.ncols; c++)
		keys += strlen(t.cols[c].name) + 24;
	for (size_t cost = 0; n < t.nrows; n++) {
		cost += keys + t.rows[n].text_len * 2;
		if (cost > OUT_BYTES && n > 0)
			break;
	}
	uint32_t *rows = xmalloc((n + 1) * sizeof *rows);
	for (size_t r = 0; r < n; r++)
		rows[r] = (uint32_t)r;
	check_outputs(&t, rows, n);
	char *buf = NULL;
	size_t blen;
	FILE *out = open_memstream(&buf, &blen);
	if (!out)
		fuzz_fail("open_memstream failed");
	output_check(out, &t);
	fclose(out);
	fuzz_check_clean("--check report", buf, blen, true);
	free(buf);
	for (size_t r = 0; r < n; r++)
		check_card(&t, r);
	free(rows);

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
			fuzz_fail("index entry %zu counts more rows than the table's", i);
		/* Menu labels: one line, nothing for a terminal to obey. */
		fuzz_check_clean("index label", ix.e[i].label, strlen(ix.e[i].label), false);
		for (size_t k = 0; ix.e[i].rows && k < ix.e[i].nrows; k++)	/* NULL: all */
			if (ix.e[i].rows[k] >= t.nrows || (k && ix.e[i].rows[k] <= ix.e[i].rows[k - 1]))
				fuzz_fail("index entry %zu: rows not ascending at %zu", i, k);
		if (t.nrows)
			index_has_row(&ix, i, 0);
	}
	filter_reset(&f);
	run_filter(&t, &f, "");
	if (f.n != t.nrows)
		fuzz_fail("the empty query matches %zu rows of %zu", f.n, t.nrows);
	filter_free(&f);
	index_free(&ix);
	table_free(&t);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct load_opts opts[] = {
		{0},
		{.encoding = "UTF-16LE"},
		{.encoding = "UTF-16BE"},
		{.encoding = "UTF-32LE"},
		{.encoding = "WINDOWS-1252"},
		{.encoding = "ISO-8859-15"},
		{.encoding = "GB18030"},
		{.encoding = "SHIFT_JIS"},
		{.delimiter = ';'},
	};
	for (size_t i = 0; i < sizeof opts / sizeof opts[0]; i++)
		load_one(data, size, &opts[i]);
	return 0;
}
