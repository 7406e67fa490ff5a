/* SPDX-License-Identifier: MIT
 * output: text, csv, tsv and json writers and the --check report. */
#include "output.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "card.h"
#include "coverage.h"
#include "hash.h"
#include "i18n.h"
#include "text.h"
#include "util.h"

int
output_format_parse(const char *s)
{
	static const char *const names[] = {"text", "csv", "tsv", "json"};
	for (int i = 0; i < 4; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

/* Writes s[0..n) on one line (text_oneline_char). */
static void
put_oneline(FILE *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		fputc(text_oneline_char(s[i]), out);
}

/* "Name (ACR)" for the text format, in a malloc'd string. */
static char *
name_with_acronym(const struct table *t, size_t r)
{
	size_t nl, al;
	const char *name = table_name(t, r, &nl);
	const char *acr = table_role(t, r, ROLE_ACRONYM, &al);
	char *s = xmalloc(nl + al + 4);
	memcpy(s, name, nl);
	if (al) {
		memcpy(s + nl, " (", 2);
		memcpy(s + nl + 2, acr, al);
		memcpy(s + nl + 2 + al, ")", 2);
	} else {
		s[nl] = '\0';
	}
	return s;
}


/* s in a column of width columns: cut with "…" when wider (never inside a
 * character), padded when pad. Returns the columns written. */
static int
put_fitted(FILE *out, const char *s, size_t n, int width, bool pad)
{
	int w = text_width(s, n);
	if (w > width) {
		size_t k = text_fit(s, n, width - 1, &w);
		put_oneline(out, s, k);
		fputs("…", out);
		w++;
	} else {
		put_oneline(out, s, n);
	}
	for (; pad && w < width; w++)
		fputc(' ', out);
	return w;
}

/* The widths of the name and territory columns, so that a line fits width
 * columns (0: as wide as they are) next to a phone number of phones
 * columns: the territory gets up to a third of the room, the name the
 * rest. Names keep 16 columns at least: a line of long phone numbers
 * overflows rather than showing no name. */
static void
fit_columns(int width, int phones, bool has_terr, int *wname, int *wterr)
{
	if (width <= 0)
		return;
	int room = width - (has_terr ? 2 : 0) - (phones ? 2 + phones : 0);
	if (*wname + (has_terr ? *wterr : 0) <= room)
		return;
	if (room < 16)
		room = 16;
	int t = has_terr ? *wterr : 0;
	if (t > room / 3)
		t = room / 3;
	int nm = room - t < *wname ? room - t : *wname;
	if (has_terr && nm < *wname)
		*wterr = t;
	else if (has_terr)
		*wterr = room - nm < *wterr ? room - nm : *wterr;
	*wname = nm;
}

/* The width of the first of the phone numbers joined by card_phones(). */
static int
first_phone_width(const struct arena *phones)
{
	size_t k = 0;
	while (k + 3 <= phones->len && memcmp(phones->base + k, " / ", 3) != 0)
		k++;
	return text_width(phones->base, k + 3 <= phones->len ? k : phones->len);
}

/* Where a row of a place's look-up comes from, after the rest of its line,
 * cut to what is left of width (0: no limit; left out when under 8
 * columns are left). */
static void
put_via(FILE *out, const char *via, int used, int width)
{
	int room = width ? width - used - 2 : 1 << 30;
	if (room < 8)
		return;
	fputs("  ", out);
	put_fitted(out, via, strlen(via), room, false);
}

/* Before row i of rows[0..n) is written: the next ones read ahead together
 * (a lazy table reads them from its file: table_prefetch()). */
static void
ahead(const struct table *t, const uint32_t *rows, size_t n, size_t i)
{
	if (t->lazy && i % TABLE_PREFETCH_ROWS == 0)
		table_prefetch(t, rows + i, n - i);
}

static void
output_text(FILE *out, const struct table *t, const uint32_t *rows, size_t n, int width,
    const char *const *via)
{
	int wname = 0, wterr = 0, wphone = 0, wphones = 0;
	struct arena phones = {0};
	bool has_terr = t->role_col[ROLE_TERRITORY] >= 0 || t->role_col[ROLE_TERRITORY_2017] >= 0;
	for (size_t i = 0; i < n; i++) {
		ahead(t, rows, n, i);
		char *nm = name_with_acronym(t, rows[i]);
		int w = text_width(nm, strlen(nm));
		free(nm);
		if (w > wname)
			wname = w;
		size_t tl;
		const char *ter = table_territory(t, rows[i], &tl);
		w = text_width(ter, tl);
		if (w > wterr)
			wterr = w;
		phones.len = 0;
		if (card_phones(&phones, t, rows[i])) {
			if (width && (w = first_phone_width(&phones)) > wphone)
				wphone = w;
			if ((w = text_width(phones.base, phones.len)) > wphones)
				wphones = w;
		}
	}
	/* The columns are laid out for one phone number; a line with more
	 * takes the room from its own territory, then its name. */
	fit_columns(width, wphone, has_terr, &wname, &wterr);
	for (size_t i = 0; i < n; i++) {
		ahead(t, rows, n, i);
		char *nm = name_with_acronym(t, rows[i]);
		size_t tl;
		const char *ter = table_territory(t, rows[i], &tl);
		phones.len = 0;
		bool has_phone = card_phones(&phones, t, rows[i]) > 0;
		int nw = wname, tw = wterr;
		int over = width && has_phone ? nw + (has_terr ? 2 + tw : 0) + 2 +
		    text_width(phones.base, phones.len) - width : 0;
		if (over > 0 && has_terr) {
			int cut = tw - 4 < over ? (tw > 4 ? tw - 4 : 0) : over;
			tw -= cut;
			over -= cut;
		}
		if (over > 0)
			nw -= nw - 16 < over ? (nw > 16 ? nw - 16 : 0) : over;
		/* Padding only where something follows: no trailing spaces. */
		const char *v = via ? via[rows[i]] : NULL;
		int used = put_fitted(out, nm, strlen(nm), nw, has_terr || has_phone || v);
		free(nm);
		if (has_terr) {
			fputs("  ", out);
			used += 2 + put_fitted(out, ter, tl, tw, has_phone || v);
		}
		if (has_phone) {
			fputs("  ", out);
			fwrite(phones.base, 1, phones.len, out);
			used += 2 + text_width(phones.base, phones.len);
		}
		if (v) {
			/* In line after the longest numbers, where the line has room. */
			int pad = has_phone ? wphones - text_width(phones.base, phones.len) :
			    wphones ? wphones + 2 : 0;
			if (width && used + pad + 2 + 8 > width)
				pad = 0;
			fprintf(out, "%*s", pad, "");
			put_via(out, v, used + pad, width);
		}
		fputc('\n', out);
	}
	arena_free(&phones);
}

/* Whether a cell would be read by a spreadsheet as a formula (=, +, -, @
 * first): written after a ' so that it is read as text. */
static bool
formula_like(const char *s, size_t n)
{
	return n > 0 && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@');
}

/* One CSV field (RFC 4180). Quoted when it holds a delimiter any reader
 * could take (, ; TAB |), a quote or a line break, when it starts or ends
 * with a space, when it starts with U+FEFF (else read back as a byte order
 * mark), and when it is the only field of its line and empty (else a blank
 * line, which a reader skips). */
static void
put_csv_field(FILE *out, const char *s, size_t n, bool alone, bool raw)
{
	bool quote = n == 0 ? alone : s[0] == ' ' || s[n - 1] == ' ' ||
	    (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0);
	for (size_t i = 0; i < n && !quote; i++)
		quote = s[i] == ',' || s[i] == ';' || s[i] == '\t' || s[i] == '|' || s[i] == '"' ||
		    s[i] == '\n' || s[i] == '\r';
	if (quote)
		fputc('"', out);
	if (!raw && formula_like(s, n))
		fputc('\'', out);
	if (!quote) {
		fwrite(s, 1, n, out);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			fputc('"', out);
		fputc(s[i], out);
	}
	fputc('"', out);
}

/* One cell of a line: CSV quoted, or TSV on one line. */
static void
put_cell(FILE *out, const char *s, size_t n, char sep, bool alone, bool raw)
{
	if (sep == ',') {
		put_csv_field(out, s, n, alone, raw);
		return;
	}
	if (!raw && formula_like(s, n))
		fputc('\'', out);
	put_oneline(out, s, n);
}

static void
output_csv(FILE *out, const struct table *t, const uint32_t *rows, size_t n, char sep, bool raw,
    bool header)
{
	bool alone = t->ncols == 1;
	for (size_t c = 0; header && c < t->ncols; c++) {
		if (c)
			fputc(sep, out);
		put_cell(out, t->cols[c].name, strlen(t->cols[c].name), sep, alone, raw);
	}
	if (header)
		fputs(sep == ',' ? "\r\n" : "\n", out);
	for (size_t i = 0; i < n; i++) {
		ahead(t, rows, n, i);
		for (size_t c = 0; c < t->ncols; c++) {
			size_t len;
			const char *s = table_field(t, rows[i], c, &len);
			if (c)
				fputc(sep, out);
			put_cell(out, s, len, sep, alone, raw);
		}
		fputs(sep == ',' ? "\r\n" : "\n", out);
	}
}

static void
put_json_string(FILE *out, const char *s, size_t n)
{
	fputc('"', out);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '"': fputs("\\\"", out); break;
		case '\\': fputs("\\\\", out); break;
		case '\n': fputs("\\n", out); break;
		case '\r': fputs("\\r", out); break;
		case '\t': fputs("\\t", out); break;
		default:
			if (c < 0x20 || c == 0x7f)
				fprintf(out, "\\u%04x", c);
			else
				fputc(c, out);
		}
	}
	fputc('"', out);
}

static uint64_t
hash_str(const char *s)
{
	return hash_bytes(HASH_INIT, s, strlen(s));
}

/* keys[i], for the slots of the keys given so far. */
static uint64_t
key_hash(const void *ctx, size_t i)
{
	return hash_str(((char *const *)ctx)[i]);
}

/* A header name met, and the next number to try after it. */
struct base {
	char *name;
	size_t next;
};

static uint64_t
base_hash(const void *ctx, size_t i)
{
	return hash_str(((const struct base *)ctx)[i].name);
}

static bool
key_taken(const struct slots *s, char *const *keys, const char *k)
{
	for (size_t i = slots_first(s, hash_str(k)); s->slot[i]; i = slots_next(s, i))
		if (strcmp(keys[s->slot[i] - 1], k) == 0)
			return true;
	return false;
}

/* The entry of a base name among the nb met so far, added if new. */
static struct base *
base_of(struct base **b, size_t *nb, size_t *cap, struct slots *s, const char *name)
{
	slots_reserve(s, *nb, base_hash, *b);
	size_t i = slots_first(s, hash_str(name));
	for (; s->slot[i]; i = slots_next(s, i))
		if (strcmp((*b)[s->slot[i] - 1].name, name) == 0)
			return &(*b)[s->slot[i] - 1];
	xgrow((void **)b, cap, *nb + 1, sizeof **b);
	(*b)[*nb] = (struct base){xstrdup(name), 2};
	s->slot[i] = (uint32_t)++*nb;
	return &(*b)[*nb - 1];
}

char **
output_keys(const struct table *t)
{
	char **keys = xcalloc(t->ncols ? t->ncols : 1, sizeof *keys);
	struct slots taken = {0}, bases = {0};
	struct base *b = NULL;
	size_t nb = 0, bcap = 0;
	for (size_t c = 0; c < t->ncols; c++) {
		char name[64];
		const char *base = t->cols[c].name;
		if (!*base) {
			snprintf(name, sizeof name, "colonne %zu", c + 1);
			base = name;
		}
		/* Repeats go on from the last number their name had: n columns
		 * of one name cost about n tries, not n * n. */
		struct base *bp = base_of(&b, &nb, &bcap, &bases, base);
		size_t len = strlen(base) + 24;
		char *k = xmalloc(len);
		snprintf(k, len, "%s", base);
		slots_reserve(&taken, c, key_hash, keys);
		while (key_taken(&taken, keys, k))
			snprintf(k, len, "%s (%zu)", base, bp->next++);
		keys[c] = k;
		size_t i = slots_first(&taken, hash_str(k));
		while (taken.slot[i])
			i = slots_next(&taken, i);
		taken.slot[i] = (uint32_t)c + 1;
	}
	for (size_t i = 0; i < nb; i++)
		free(b[i].name);
	free(b);
	slots_free(&taken);
	slots_free(&bases);
	return keys;
}

/* The JSON key of the place that led to a row: "via", unless a column has
 * that key. */
static const char *
via_key(char *const *keys, size_t ncols)
{
	for (size_t c = 0; c < ncols; c++)
		if (strcmp(keys[c], "via") == 0)
			return NT_("via (place)");
	return "via";
}

static void
output_json(FILE *out, const struct table *t, const uint32_t *rows, size_t n,
    const char *const *via)
{
	char **keys = output_keys(t);
	const char *vk = via_key(keys, t->ncols);
	fputs("[", out);
	for (size_t i = 0; i < n; i++) {
		ahead(t, rows, n, i);
		fputs(i ? ",\n  {" : "\n  {", out);
		for (size_t c = 0; c < t->ncols; c++) {
			size_t len;
			const char *s = table_field(t, rows[i], c, &len);
			if (c)
				fputs(", ", out);
			put_json_string(out, keys[c], strlen(keys[c]));
			fputs(": ", out);
			put_json_string(out, s, len);
		}
		if (via) {
			fputs(t->ncols ? ", " : "", out);
			put_json_string(out, vk, strlen(vk));
			fputs(": ", out);
			/* The place itself: the key already says "via". */
			const char *v = via[rows[i]];
			if (v && strncmp(v, "via ", 4) == 0)
				v += 4;
			if (v)
				put_json_string(out, v, strlen(v));
			else
				fputs("null", out);
		}
		fputs("}", out);
	}
	fputs(n ? "\n]\n" : "]\n", out);
	for (size_t c = 0; c < t->ncols; c++)
		free(keys[c]);
	free(keys);
}

void
output_rows_via(FILE *out, const struct table *t, const uint32_t *rows, size_t n, enum format f,
    unsigned flags, int width, const char *const *via)
{
	bool raw = flags & OUTPUT_RAW;
	switch (f) {
	case FORMAT_TEXT: output_text(out, t, rows, n, width, via); break;
	case FORMAT_CSV: output_csv(out, t, rows, n, ',', raw, !(flags & OUTPUT_NO_HEADER)); break;
	case FORMAT_TSV: output_csv(out, t, rows, n, '\t', raw, !(flags & OUTPUT_NO_HEADER)); break;
	case FORMAT_JSON: output_json(out, t, rows, n, via); break;
	}
}

void
output_rows(FILE *out, const struct table *t, const uint32_t *rows, size_t n, enum format f,
    unsigned flags, int width)
{
	output_rows_via(out, t, rows, n, f, flags, width, NULL);
}

/* TRANSLATORS: the delimiter in the --check report ("delimiter: comma
 * (,), detected"). */
static const char *
delimiter_name(char d)
{
	return d == ',' ? C_("delimiter", "comma (,)") : d == ';' ? C_("delimiter", "semicolon (;)") :
	    d == '\t' ? C_("delimiter", "tab") : C_("delimiter", "other");
}

/* s[0..n) on one line (text_oneline_char), in a malloc'd string: a value
 * for a translated sentence. */
static char *
oneline_dup(const char *s, size_t n)
{
	char *d = xmalloc(n + 1);
	for (size_t i = 0; i < n; i++)
		d[i] = text_oneline_char(s[i]);
	d[n] = '\0';
	return d;
}

/* What the place look-up reads of t: which column, and the first value
 * it cannot read (a note: the row is kept, it covers nothing). */
static void
check_places(FILE *out, const struct table *t)
{
	if (t->role_col[ROLE_COVERAGE] < 0 && t->role_col[ROLE_POSTCODE] < 0)
		return;
	struct coverage c;
	coverage_build(&c, t, places_get());
	const char *name = t->cols[c.col].name;
	char *col = oneline_dup(name, strlen(name));
	fprintf(out, c.by_postcode ? _("places: found through the column '%s' (postcodes)") :
	    _("places: found through the column '%s' (départements)"), col);
	fputc('\n', out);
	free(col);
	if (c.unread) {
		size_t n;
		const char *v = table_field(t, c.first_unread, (size_t)c.col, &n);
		char *val = oneline_dup(v, text_cut(v, n, 80));
		unsigned line = t->rows[c.first_unread].line;
		if (c.by_postcode)
			fprintf(out, P_("note: line %u: '%s' names no postcode of a département (%zu such "
			    "value in the column)", "note: line %u: '%s' names no postcode of a département "
			    "(%zu such values in the column)", c.unread), line, val, c.unread);
		else
			fprintf(out, P_("note: line %u: '%s' names no département (%zu such value in the "
			    "column)", "note: line %u: '%s' names no département (%zu such values in the "
			    "column)", c.unread), line, val, c.unread);
		fputc('\n', out);
		free(val);
	}
	coverage_free(&c);
}

void
output_check(FILE *out, const struct table *t)
{
	char rows[64], cols[64];
	snprintf(rows, sizeof rows, P_("%zu row", "%zu rows", t->nrows), t->nrows);
	snprintf(cols, sizeof cols, P_("%zu column", "%zu columns", t->ncols), t->ncols);
	/* TRANSLATORS: the first line of --check: the file, "20 rows", "12
	 * columns", the line of the header. */
	fprintf(out, _("%s: %s, %s (header on line %u)"), t->source, rows, cols, t->header_line);
	fputc('\n', out);
	fprintf(out, t->delimiter_detected ? _("delimiter: %s, detected") :
	    _("delimiter: %s, as given"), delimiter_name(t->delimiter));
	fputc('\n', out);
	fprintf(out, _("encoding: %s"), t->encoding);
	if (*t->notice)
		fprintf(out, " — %s", t->notice);
	fputc('\n', out);
	fputs(_("columns:"), out);
	fputc('\n', out);
	for (size_t c = 0; c < t->ncols; c++) {
		fprintf(out, "  %zu. ", c + 1);
		put_oneline(out, t->cols[c].name, strlen(t->cols[c].name));
		if (t->cols[c].role != ROLE_NONE)
			fprintf(out, " -> %s", column_role_name(t->cols[c].role));
		fputc('\n', out);
	}
	if (t->role_col[ROLE_NAME] < 0) {
		fputs(_("note: no name column recognised; the first column serves as the name"), out);
		fputc('\n', out);
	}
	check_places(out, t);
	/* Header names that repeat an earlier one: JSON has to rename them. */
	char **keys = output_keys(t);
	size_t repeats = 0;
	for (size_t c = 0; c < t->ncols; c++) {
		const char *name = t->cols[c].name;
		if (*name && strcmp(keys[c], name) != 0 && repeats++ < 20) {
			char *h = oneline_dup(name, strlen(name)), *k = oneline_dup(keys[c], strlen(keys[c]));
			fprintf(out, _("note: line %u, column %zu: the header '%s' repeats an earlier one "
			    "(JSON key '%s')"), t->header_line, c + 1, h, k);
			fputc('\n', out);
			free(h);
			free(k);
		}
	}
	if (repeats > 20) {
		fprintf(out, P_("note: %zu more repeated header", "note: %zu more repeated headers",
		    repeats - 20), repeats - 20);
		fputc('\n', out);
	}
	for (size_t c = 0; c < t->ncols; c++)
		free(keys[c]);
	free(keys);
	if (t->nwarn_total == 0) {
		fputs(_("warnings: none"), out);
		fputc('\n', out);
		return;
	}
	fprintf(out, _("warnings: %zu"), t->nwarn_total);
	fputc('\n', out);
	for (size_t i = 0; i < t->nwarn; i++) {
		if (t->warn[i].line)
			fprintf(out, _("%s:%u: warning: %s"), t->source, t->warn[i].line, t->warn[i].msg);
		else
			fprintf(out, _("%s: warning: %s"), t->source, t->warn[i].msg);
		fputc('\n', out);
	}
	if (t->nwarn_total > t->nwarn) {
		size_t more = t->nwarn_total - t->nwarn;
		fprintf(out, P_("(%zu more warning not shown)", "(%zu more warnings not shown)", more),
		    more);
		fputc('\n', out);
	}
}
