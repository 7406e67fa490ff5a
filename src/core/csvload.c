/* SPDX-License-Identifier: MIT
 * csvload: libcsv driven one physical line at a time, so that every field and
 * row is known by its line; a small quote tracker beside libcsv remembers
 * where a quote opened and catches text after a closing quote, which libcsv
 * (without CSV_STRICT) would silently merge with the following lines. */
#define _GNU_SOURCE	/* mremap */
#include "csvload.h"

#include <csv.h>
#include <pthread.h>
#include <stdatomic.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "decode.h"
#include "hash.h"
#include "rowparse.h"
#include "i18n.h"
#include "text.h"

enum qstate { Q_FIELD_START, Q_UNQUOTED, Q_QUOTED, Q_QUOTE_IN_QUOTED };

struct loader {
	struct table *t;
	const char *too_big;	/* a count that would not fit its 32 bits (N_()) */
	bool have_header;
	bool in_row;
	uint32_t line;		/* physical line being fed */
	uint32_t row_line;	/* line where the current row started */
	size_t row_start;	/* offset in t->text where the current row starts */
	size_t fold_start;	/* and in t->fold */
	uint32_t nfields;
	uint32_t *ends;		/* where each field of the row ends (table_put_ends) */
	size_t ends_cap;
	uint32_t header_fields;	/* fields of the header: what a row should have */
	bool row_nonempty;
	/* quote tracker */
	enum qstate q;
	uint32_t quote_line;
	uint32_t bad_quote_line;
	char delim;
	/* A lazy table's rows (table_lazy_begin()): no text, where each is. */
	bool lazy;
	uint64_t file_base;	/* where the text's first byte is in the file */
	size_t row_off;		/* where the current row begins in the text */
	size_t line_end;	/* where the line being fed ends */
	uint32_t res[TABLE_RESIDENT_MAX];	/* its resident values (numbers) */
	size_t pool_base;	/* where this loader's part of t->pool is in the whole */
	struct slots seen;	/* values already in the pool: number + 1 */
	size_t nseen;
	/* Simple lines split here, not by libcsv (split_line()). */
	bool own_split;
	size_t *spans;		/* a line's fields: start and length, in pairs */
	size_t spans_cap;
};

/* Values a loader remembers, to keep each one once in the pool with its
 * folded form; past half of them (a column of many values), new ones are
 * kept as they come, folded in their rows' search text (TABLE_RES_IN_ROW):
 * the slots never grow. */
#define SEEN_SLOTS 16384
static size_t remember_max = SEEN_SLOTS / 2;

void
csvload_remember_for_tests(size_t n)
{
	remember_max = n ? n : SEEN_SLOTS / 2;
}

/* The number of resident value s[0..n) (n > 0; table.h), put in the
 * pool if it is not there yet: with its folded form while the loader
 * remembers values, else with TABLE_RES_IN_ROW; TABLE_RES_FILE when the
 * pool has no room for it. */
static uint32_t
pool_value(struct loader *L, const char *s, size_t n)
{
	struct table *t = L->t;
	struct arena *pool = &t->pool;
	struct slots *seen = &L->seen;
	if (!seen->slot) {
		seen->slot = xcalloc(SEEN_SLOTS, sizeof *seen->slot);
		seen->nslot = SEEN_SLOTS;
	}
	size_t h = slots_first(seen, hash_bytes(HASH_INIT, s, n));
	for (; seen->slot[h]; h = slots_next(seen, h)) {
		uint32_t v = seen->slot[h] - 1, at;
		memcpy(&at, t->vals.base + 4 * (size_t)v, 4);
		const char *p = arena_at(pool, at - L->pool_base);
		uint32_t vn;
		memcpy(&vn, p, 4);
		if (vn == n && memcmp(p + 4, s, n) == 0)
			return v;
	}
	bool remember = L->nseen < remember_max;
	/* Its bytes and 9 more, and its fold when kept (text_fold() reserves
	 * up to 34 bytes a byte). */
	size_t most = remember ? 40 * n + 160 : n + 16;
	if (n > UINT32_MAX / 64 || (pool->mapped && pool->cap - pool->len < most) ||
	    L->pool_base + pool->len + most >= TABLE_RES_FILE)
		return TABLE_RES_FILE;
	uint32_t at = (uint32_t)(L->pool_base + pool->len), vn = (uint32_t)n;
	uint32_t v = (uint32_t)table_nvals(t), none = UINT32_MAX;
	arena_append(pool, &vn, 4);
	arena_append(pool, s, n);
	arena_putc(pool, '\0');
	arena_append(&t->vals, &at, 4);
	if (!remember) {
		arena_append(pool, &none, 4);	/* its fold: in its row's */
		return v | TABLE_RES_IN_ROW;
	}
	size_t fat = arena_append(pool, &vn, 4);
	uint32_t fn = (uint32_t)text_fold(pool, s, n, NULL);
	memcpy(pool->base + fat, &fn, 4);
	arena_putc(pool, '\n');
	seen->slot[h] = v + 1;
	L->nseen++;
	return v;
}

/* The search form of the current field, and whether it is an acronym
 * with a separator (table.h: acronym_spaced). */
static void
fold_field(struct loader *L, const char *s, size_t len)
{
	struct table *t = L->t;
	size_t at = t->fold.len;
	text_fold(&t->fold, s, len, NULL);
	if ((int)L->nfields == t->role_col[ROLE_ACRONYM] && L->have_header &&
	    t->fold.len - at <= TABLE_JOINED_MAX && memchr(t->fold.base + at, ' ', t->fold.len - at))
		t->acronym_spaced = true;
	arena_putc(&t->fold, '\n');
}

/* A lazy row's fields: folded, but those of resident columns, in the pool
 * with their folded form (empty in the row's; table.h). */
static void
on_lazy_field(struct loader *L, const char *s, size_t len)
{
	struct table *t = L->t;
	if (len)
		L->row_nonempty = true;
	int k = L->nfields < t->ncols ? t->cols[L->nfields].resident : -1;
	uint32_t v = k < 0 ? TABLE_RES_FILE : len ? pool_value(L, s, len) : TABLE_RES_EMPTY;
	if (k >= 0)
		L->res[k] = v;
	if (table_res_pooled(v))
		arena_putc(&t->fold, '\n');
	else
		fold_field(L, s, len);
	L->nfields++;
	if (L->nfields == UINT32_MAX)
		L->too_big = N_("a row of more than 4 GiB of text or 4 billion fields");
}

static void
lazy_reset(struct loader *L)
{
	for (size_t i = 0; i < TABLE_RESIDENT_MAX; i++)
		L->res[i] = TABLE_RES_EMPTY;
}

/* A lazy row (the last one of the table): where it is in the file, its
 * resident values. */
static void
put_lazy_row(struct loader *L, struct row *r)
{
	struct table *t = L->t;
	r->text = L->file_base + L->row_off;
	r->text_len = (uint32_t)(L->line_end - L->row_off);
	if (t->nres)
		memcpy(t->res + (t->nrows - 1) * t->nres, L->res, 4 * (size_t)t->nres);
	lazy_reset(L);
}

/* Replacements made while decoding, as the table's warnings. */
static void
add_warning(void *ctx, uint32_t line, const char *msg)
{
	table_warn(ctx, line, "%s", msg);
}

static void
on_field(void *s, size_t len, void *data)
{
	struct loader *L = data;
	if (!s)
		len = 0;
	if (L->lazy && L->have_header) {
		on_lazy_field(L, s, len);
		return;
	}
	if (len)
		arena_append(&L->t->text, s, len), L->row_nonempty = true;
	xgrow((void **)&L->ends, &L->ends_cap, (size_t)L->nfields + 1, sizeof *L->ends);
	L->ends[L->nfields] = (uint32_t)(L->t->text.len - L->row_start);
	arena_putc(&L->t->text, '\0');
	/* The search form of the field, while it is at hand. */
	fold_field(L, s, len);
	L->nfields++;
	/* Rows keep their text's length, their fields' ends and their count
	 * in 32 bits (the file is at most 4 GiB by default). */
	if (L->t->text.len - L->row_start >= UINT32_MAX - 8 || L->nfields == UINT32_MAX)
		L->too_big = N_("a row of more than 4 GiB of text or 4 billion fields");
}

enum looks { LOOKS_NAME, LOOKS_PHONE, LOOKS_POSTCODE, LOOKS_EMAIL };

/* What a header name is not: a phone number (8 digits or more, with only
 * spaces, dots, dashes, a leading + or parentheses between), an e-mail
 * address, a French postcode (5 digits). Returns what it looks like. */
static enum looks
looks_like_data(const char *s)
{
	size_t digits = 0, other = 0, n = strlen(s);
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c >= '0' && c <= '9')
			digits++;
		else if (!(c == ' ' || c == '.' || c == '-' || c == '(' || c == ')' || (c == '+' && !i)))
			other++;
	}
	if (!other && digits >= 8)
		return LOOKS_PHONE;
	if (!other && digits == 5 && n == 5)
		return LOOKS_POSTCODE;
	const char *at = strchr(s, '@');
	if (at && at > s && strchr(at, '.') && !strchr(s, ' ') && !strchr(at + 1, '@'))
		return LOOKS_EMAIL;
	return LOOKS_NAME;
}

/* A first row that holds such values is data, not a header: the file
 * probably has none, and its first centre became the column names. */
static void
warn_if_data(struct table *t)
{
	for (size_t c = 0; c < t->ncols; c++) {
		const char *name = t->cols[c].name;
		enum looks what = looks_like_data(name);
		if (what != LOOKS_NAME) {
			/* At most 40 columns of it, never half a character. */
			size_t n = strlen(name), fit = text_fit(name, n, 40, NULL);
			/* TRANSLATORS: %.*s%s is the first row's field (cut with
			 * "…"); the same for the next two. */
			table_warn(t, t->header_line, what == LOOKS_PHONE ? _("this line is read as the "
			    "header, but '%.*s%s' is a phone number: is the header row missing?") :
			    what == LOOKS_POSTCODE ? _("this line is read as the header, but '%.*s%s' is "
			    "a postcode: is the header row missing?") : _("this line is read as the "
			    "header, but '%.*s%s' is an e-mail address: is the header row missing?"),
			    (int)fit, name, fit < n ? "…" : "");
			return;
		}
	}
}

static void
on_row(int c, void *data)
{
	(void)c;
	struct loader *L = data;
	struct table *t = L->t;
	if (!L->have_header) {
		const char *p = arena_at(&t->text, L->row_start);
		for (uint32_t i = 0; i < L->nfields; i++) {
			size_t n = strlen(p);
			table_add_column(t, p, n);
			p += n + 1;
		}
		t->header_line = L->row_line;
		L->header_fields = L->nfields;
		warn_if_data(t);
		if (L->lazy)
			table_plan_resident(t);
		t->text.len = L->row_start;
		t->fold.len = L->fold_start;
		L->have_header = true;
	} else if (!L->row_nonempty) {
		/* A row of empty fields (";;;;" from a spreadsheet) carries nothing. */
		t->text.len = L->row_start;
		t->fold.len = L->fold_start;
		if (L->lazy)
			lazy_reset(L);
	} else {
		/* Against the header, not t->ncols, which an earlier long row grew. */
		if (L->nfields < L->header_fields)
			table_warn(t, L->row_line, P_("%u field instead of %u: the missing ones are left "
			    "empty", "%u fields instead of %u: the missing ones are left empty", L->nfields),
			    L->nfields, L->header_fields);
		else if (L->nfields > L->header_fields)
			table_warn(t, L->row_line, P_("%u field instead of %u: the extra ones are kept",
			    "%u fields instead of %u: the extra ones are kept", L->nfields),
			    L->nfields, L->header_fields);
		while (t->ncols < L->nfields) {
			char name[32];
			snprintf(name, sizeof name, "colonne %zu", t->ncols + 1);
			table_add_column(t, name, strlen(name));
		}
		if (t->nrows >= UINT32_MAX - 1 || t->fold.len - L->fold_start >= UINT32_MAX)
			L->too_big = N_("more than 4 billion rows, or a row of more than 4 GiB");
		struct row *r = table_new_row(t);
		if (!r) {	/* beyond what table_stable() reserved: cannot be */
			L->too_big = N_("more than 4 billion rows, or a row of more than 4 GiB");
			goto next;
		}
		r->text = L->row_start;
		r->nfields = L->nfields;
		r->line = L->row_line;
		r->fold = L->fold_start;
		r->fold_len = (uint32_t)(t->fold.len - L->fold_start);
		if (L->lazy) {
			if (L->line_end - L->row_off >= UINT32_MAX - 8)
				L->too_big = N_("a row of more than 4 GiB of text or 4 billion fields");
			put_lazy_row(L, r);
		} else {
			r->text_len = (uint32_t)(t->text.len - L->row_start);
			table_put_ends(t, r, L->ends);
		}
	}
next:
	L->row_start = t->text.len;
	L->fold_start = t->fold.len;
	L->nfields = 0;
	L->row_nonempty = false;
	L->in_row = false;
}

/* Where the first of the bytes a, b, c, d is in s[i, n), or n. */
static size_t
find_any(const char *s, size_t i, size_t n, char a, char b, char c, char d)
{
#ifdef __SSE2__
	const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b), vc = _mm_set1_epi8(c),
	    vd = _mm_set1_epi8(d);
	for (; i + 16 <= n; i += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb)),
		    _mm_or_si128(_mm_cmpeq_epi8(x, vc), _mm_cmpeq_epi8(x, vd)));
		unsigned bits = (unsigned)_mm_movemask_epi8(m);
		if (bits)
			return i + (size_t)__builtin_ctz(bits);
	}
#endif
	for (; i < n; i++)
		if (s[i] == a || s[i] == b || s[i] == c || s[i] == d)
			return i;
	return n;
}

/* Follows the quoting of one chunk as libcsv will; returns false on text
 * after a closing quote. */
static bool
track_quotes(struct loader *L, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		/* Inside a field, on to the byte that ends it. */
		if (L->q == Q_UNQUOTED) {
			i = find_any(s, i, n, L->delim, '\n', '\r', L->delim);
			if (i == n)
				break;
			L->q = Q_FIELD_START;
			continue;
		}
		if (L->q == Q_QUOTED) {
			const char *q = memchr(s + i, '"', n - i);
			if (!q)
				break;
			i = (size_t)(q - s);
			L->q = Q_QUOTE_IN_QUOTED;
			continue;
		}
		char c = s[i];
		bool eol = c == '\n' || c == '\r';
		switch (L->q) {
		case Q_FIELD_START:
			if (c == '"')
				L->q = Q_QUOTED, L->quote_line = L->line;
			else if (c != L->delim && !eol)
				L->q = Q_UNQUOTED;
			break;
		case Q_UNQUOTED:
		case Q_QUOTED:
			break;	/* above */
		case Q_QUOTE_IN_QUOTED:
			if (c == '"')
				L->q = Q_QUOTED;
			else if (c == L->delim || eol)
				L->q = Q_FIELD_START;
			else {
				L->bad_quote_line = L->line;
				return false;
			}
			break;
		}
	}
	return true;
}

/* As track_quotes(), for a chunk of n > 0 bytes with no quote in it (a
 * line of most files): only its first and last bytes can change the state. */
static bool
track_plain(struct loader *L, const char *s, size_t n)
{
	char first = s[0], last = s[n - 1];
	if (L->q == Q_QUOTED)
		return true;
	if (L->q == Q_QUOTE_IN_QUOTED && first != L->delim && first != '\n' && first != '\r') {
		L->bad_quote_line = L->line;
		return false;
	}
	L->q = last == L->delim || last == '\n' || last == '\r' ? Q_FIELD_START : Q_UNQUOTED;
	return true;
}

/* A simple line, split here: a whole row on one line, each field either
 * without quotes or quoted whole, with no quote inside, and nothing after
 * its closing quote but the delimiter or the line end; libcsv reads those
 * fields as they are, so that they come to on_field() the same (a
 * differential test holds it so: tests/unit/test_loader.c, fuzz_load).
 * From s[i], libcsv between two rows; n: the end of the text. Returns where
 * the line ends (after its line break), having given its fields to
 * on_field() and on_row(); or 0, having done nothing (any other line:
 * libcsv's). */
static size_t
split_line(struct loader *L, const char *s, size_t i, size_t n)
{
	char d = L->delim;
	size_t k = i, nf = 0;
	for (;;) {
		size_t a, e;
		if (s[k] == '"') {
			a = k + 1;
			e = find_any(s, a, n, '"', '\n', '\r', '"');
			if (e >= n || s[e] != '"')
				return 0;	/* a line break inside quotes, or none */
			k = e + 1;
			if (k >= n || (s[k] != d && s[k] != '\n' && s[k] != '\r'))
				return 0;	/* a doubled quote, text after it, the end */
		} else {
			a = k;
			k = e = find_any(s, a, n, d, '\n', '\r', '"');
			if (k >= n || s[k] == '"')
				return 0;
		}
		xgrow((void **)&L->spans, &L->spans_cap, 2 * nf + 2, sizeof *L->spans);
		L->spans[2 * nf] = a;
		L->spans[2 * nf + 1] = e - a;
		nf++;
		if (s[k] != d)
			break;
		k++;
		if (k >= n)
			return 0;	/* the text ends after a delimiter */
	}
	/* s[k] ends the row: "\r\n" is one line end, as a lone "\r" or "\n". */
	size_t j = k + (s[k] == '\r' && k + 1 < n && s[k + 1] == '\n' ? 2 : 1);
	L->in_row = true;
	L->row_line = L->line;
	L->row_off = i;
	L->line_end = j;
	for (size_t f = 0; f < nf; f++)
		on_field((void *)(uintptr_t)(s + L->spans[2 * f]), L->spans[2 * f + 1], L);
	on_row((unsigned char)s[k], L);
	return j;
}

/* libcsv's error, in the language of the messages. */
static const char *
csv_error_text(int err)
{
	switch (err) {
	case CSV_ENOMEM: return _("out of memory (CSV parser)");
	case CSV_ETOOBIG: return _("a field too large for the CSV parser");
	default: return csv_strerror(err);
	}
}

/* The delimiter of the header line (the first non-blank one): the most
 * frequent of , ; TAB outside quotes (comma on a tie or when there is none). */
static char
detect_delimiter(const char *s, size_t n)
{
	size_t count[3] = {0};
	bool quoted = false;
	size_t i = 0;
	while (i < n && (s[i] == '\n' || s[i] == '\r'))
		i++;
	for (; i < n; i++) {
		char c = s[i];
		if (c == '"')
			quoted = !quoted;
		else if (!quoted && (c == '\n' || c == '\r'))
			break;
		else if (!quoted)
			count[0] += c == ',', count[1] += c == ';', count[2] += c == '\t';
	}
	if (count[1] > count[0] && count[1] >= count[2])
		return ';';
	if (count[2] > count[0] && count[2] > count[1])
		return '\t';
	return ',';
}

/* The pages of a file read into memory of its own (csvload_file): those
 * the parse has gone past are given back as it goes, so that the file and
 * the table it becomes are not both whole in memory at the end. */
struct release {
	char *base;	/* page-aligned, from mmap */
	size_t len;	/* bytes mapped */
	size_t done;	/* bytes given back, from base */
	int fd;		/* the file, whose byte k is base[k] of the first one */
	char *file;	/* that first one's base */
};

/* Gives back the memory of the whole pages of r before p (or all of them:
 * p NULL). */
static void
release_upto(struct release *r, const char *p)
{
	if (!r)
		return;
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t upto = p ? (size_t)(p - r->base) / page * page : r->len;
	if (p && (p < r->base || p > r->base + r->len))
		upto = r->len;	/* the text is elsewhere (decoded): all of it */
	if (upto > r->done) {
		/* The memory goes, the addresses stay ours (no other mapping
		 * can land in a hole that csvload_file() then unmaps whole). */
		madvise(r->base + r->done, upto - r->done, MADV_DONTNEED);
		r->done = upto;
	}
}


/* One loader going through a stretch of the text. */
struct pass {
	struct loader *L;
	struct csv_parser *p;
	const char *s;
	size_t to;		/* where the stretch ends */
	size_t total;		/* the whole text, for the progress */
	const struct load_opts *o;	/* its progress callback; NULL: none */
	struct release *rel;	/* pages to give back as it goes, or NULL */
	bool header_only;	/* stop once the header row is read */
	size_t at;		/* where it stopped */
	/* While other stretches are parsed beside it: where its own began
	 * and how long it is, so that the progress it reports is of the
	 * whole; and the flag that stops them all. */
	size_t scale_from, scale_len;
	atomic_bool stop;
	atomic_bool *stop_all;	/* &stop of the first stretch's pass, or NULL */
};

static bool
stopped(const struct pass *ps)
{
	return atomic_load(ps->stop_all ? ps->stop_all : &ps->stop);
}

/* Feeds libcsv the lines of ps->s from `from` to ps->to (or, header_only,
 * up to the end of the header row), one physical line at a time. Returns
 * 0 (ps->at: where it ended), or -1 with e set. */
static int
parse_stretch(struct pass *ps, size_t from, struct err *e)
{
	struct loader *L = ps->L;
	struct table *t = L->t;
	struct csv_parser *p = ps->p;
	const char *s = ps->s;
	size_t len = ps->to;
	const struct load_opts *o = ps->o;
	/* With no callback (nor pages to give back, nor other stretches to
	 * stop) the next report is never reached: one comparison a line. */
	csvload_progress_fn *progress = o ? o->progress : NULL;
	size_t i = from, next_report = progress || ps->rel || ps->stop_all ?
	    (from / CSVLOAD_PROGRESS_STEP + 1) * CSVLOAD_PROGRESS_STEP : SIZE_MAX;
	while (i < len) {
		if (ps->header_only && L->have_header && !L->in_row)
			break;
		if (i >= next_report) {
			release_upto(ps->rel, s + i);
			size_t done = ps->scale_len ? ps->scale_from + (size_t)((double)(i -
			    ps->scale_from) * (double)(ps->total - ps->scale_from) /
			    (double)ps->scale_len) : i;
			if (stopped(ps) || (progress && !progress(o->progress_ctx, done, ps->total,
			    t->nrows))) {
				atomic_store(ps->stop_all ? ps->stop_all : &ps->stop, true);
				return err_at(e, t->source, 0, "%s", CSVLOAD_STOPPED);
			}
			next_report = i + CSVLOAD_PROGRESS_STEP;
		}
		if (L->own_split && !L->in_row && L->have_header && p->pstate == 0 &&
		    L->q == Q_FIELD_START && s[i] != '\n' && s[i] != '\r') {
			size_t end = split_line(L, s, i, len);
			if (end) {
				if (L->too_big || L->line == UINT32_MAX)
					return err_at(e, t->source, L->line, _("%s: not supported"),
					    L->too_big ? _(L->too_big) : _("more than 4 billion lines"));
				L->line++;
				i = end;
				continue;
			}
		}
		/* The line's end, and whether a quote comes before it. */
		size_t j = find_any(s, i, len, '\n', '\r', '"', '"');
		bool quote = j < len && s[j] == '"';
		if (quote)
			j = find_any(s, j, len, '\n', '\r', '\n', '\r');
		if (j < len)
			j += (s[j] == '\r' && j + 1 < len && s[j + 1] == '\n') ? 2 : 1;
		if (!L->in_row && !(s[i] == '\n' || s[i] == '\r')) {
			L->in_row = true;
			L->row_line = L->line;
			L->row_off = i;
		}
		L->line_end = j;
		if (!(quote ? track_quotes(L, s + i, j - i) : track_plain(L, s + i, j - i)))
			return err_at(e, t->source, L->bad_quote_line, "%s", _("text after the closing "
			    "quote of a field (a field with quotes must be quoted whole, its quotes "
			    "doubled)"));
		if (!rowparse_feed(p, s + i, j - i, on_field, on_row, L))
			return err_at(e, t->source, L->line, "%s", csv_error_text(csv_error(p)));
		if (L->too_big || L->line == UINT32_MAX)
			/* TRANSLATORS: %s is one of the limits above ("more than 4
			 * billion lines"). */
			return err_at(e, t->source, L->line, _("%s: not supported"),
			    L->too_big ? _(L->too_big) : _("more than 4 billion lines"));
		L->line++;
		i = j;
	}
	ps->at = i;
	return 0;
}

/* After the last line: a quote left open, the last row. */
static int
end_stretch(struct pass *ps, struct err *e)
{
	struct loader *L = ps->L;
	if (L->q == Q_QUOTED)
		return err_at(e, L->t->source, L->quote_line, "%s",
		    _("unterminated quoted field: the quote opened on this line is never closed"));
	csv_fini(ps->p, on_field, on_row, L);
	if (L->too_big)
		return err_at(e, L->t->source, L->row_line, _("%s: not supported"), _(L->too_big));
	return 0;
}

/* Whether a stretch ended between two rows, as the next one began. */
static bool
between_rows(const struct pass *ps)
{
	/* libcsv's ROW_NOT_BEGUN is 0: no field of a row begun. */
	return ps->L->q == Q_FIELD_START && !ps->L->in_row && ps->p->pstate == 0;
}

/* Where the stretches after the first begin: near equal parts of
 * s[body, len), each at the start of a line outside quotes as far as the
 * count of quotes before tells (the parse checks it: between_rows()), with
 * the physical line there. Returns how many stretches there are. */
static size_t
split(const char *s, size_t body, size_t len, size_t k, size_t *at, uint32_t *line,
    uint32_t line0)
{
	size_t i = body, quotes = 0, lines = 0, n = 1;
	at[0] = body;
	line[0] = line0;
	for (size_t j = 1; j < k; j++) {
		size_t target = body + (len - body) / k * j;
		if (target <= i)
			continue;
#ifdef __SSE2__
		/* Counted in bytes of 16 lanes (a match is -1), summed before any
		 * can wrap: no popcount instruction needed. */
		const __m128i dq = _mm_set1_epi8('"'), lf = _mm_set1_epi8('\n'),
		    cr = _mm_set1_epi8('\r'), zero = _mm_setzero_si128();
		while (i + 17 <= target) {
			__m128i qa = zero, la = zero;
			for (int round = 0; round < 255 && i + 17 <= target; round++, i += 16) {
				__m128i a = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
				__m128i b = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 1));
				/* "\r\n" is one line end, as a lone "\r" or "\n" is. */
				__m128i end = _mm_or_si128(_mm_cmpeq_epi8(a, lf),
				    _mm_andnot_si128(_mm_cmpeq_epi8(b, lf), _mm_cmpeq_epi8(a, cr)));
				qa = _mm_sub_epi8(qa, _mm_cmpeq_epi8(a, dq));
				la = _mm_sub_epi8(la, end);
			}
			__m128i qs = _mm_sad_epu8(qa, zero), ls = _mm_sad_epu8(la, zero);
			quotes += (size_t)_mm_cvtsi128_si32(qs) +
			    (size_t)_mm_cvtsi128_si32(_mm_unpackhi_epi64(qs, qs));
			lines += (size_t)_mm_cvtsi128_si32(ls) +
			    (size_t)_mm_cvtsi128_si32(_mm_unpackhi_epi64(ls, ls));
		}
#endif
		for (; i < target; i++) {
			quotes += s[i] == '"';
			lines += s[i] == '\n' || (s[i] == '\r' && !(i + 1 < len && s[i + 1] == '\n'));
		}
		/* On to the end of a line outside quotes. */
		for (; i < len; i++) {
			char c = s[i];
			if (c == '"') {
				quotes++;
			} else if (c == '\n' || c == '\r') {
				bool crlf = c == '\r' && i + 1 < len && s[i + 1] == '\n';
				lines++;
				i += crlf ? 2 : 1;
				if (!(quotes & 1))
					break;
				i--;
			}
		}
		if (i >= len || (uint64_t)line0 + lines >= UINT32_MAX)
			break;
		at[n] = i;
		line[n] = (uint32_t)(line0 + lines);
		n++;
	}
	return n;
}

/* A stretch after the first, parsed in a thread of its own into a table
 * of its own whose text goes where the whole table's will be. */
struct stretch {
	pthread_t tid;
	bool started;
	struct table t;
	struct loader L;
	struct csv_parser p;
	struct pass ps;
	struct release rel;	/* its pages of the file, given back as it goes */
	size_t from;
	bool last;
	int rc;
	struct err e;
};

static void *
run_stretch(void *arg)
{
	struct stretch *w = arg;
	w->rc = parse_stretch(&w->ps, w->from, &w->e);
	if (w->rc == 0 && w->last)
		w->rc = end_stretch(&w->ps, &w->e);
	else if (w->rc == 0 && !between_rows(&w->ps))
		w->rc = -1;
	return NULL;
}

/* Appends stretch w's rows, columns and warnings to t, their text already
 * at offsets text, fold of t's arenas (and their resident values at their
 * offsets of t's pool: their numbers follow t's). */
static void
merge(struct table *t, struct stretch *w, size_t text, size_t fold)
{
	struct table *u = &w->t;
	while (t->ncols < u->ncols)
		table_add_column(t, u->cols[t->ncols].name, strlen(u->cols[t->ncols].name));
	uint32_t base = (uint32_t)table_nvals(t);
	if (u->vals.len)
		arena_append(&t->vals, u->vals.base, u->vals.len);
	for (size_t r = 0; r < u->nrows; r++) {
		struct row *d = table_new_row(t);
		*d = u->rows[r];
		if (!t->lazy)
			d->text += text;	/* a lazy row's is where it is in the file */
		d->fold += fold;
		for (size_t k = 0; k < t->nres; k++) {
			uint32_t v = table_res(u, r, k);
			t->res[(t->nrows - 1) * t->nres + k] = v >= TABLE_RES_FILE ? v :
			    ((v & ~TABLE_RES_IN_ROW) + base) | (v & TABLE_RES_IN_ROW);
		}
	}
	for (size_t i = 0; i < u->nwarn; i++) {
		if (t->nwarn < TABLE_MAX_WARNINGS) {
			xgrow((void **)&t->warn, &t->warn_cap, t->nwarn + 1, sizeof *t->warn);
			t->warn[t->nwarn++] = u->warn[i];
		} else {
			free(u->warn[i].msg);
		}
	}
	t->nwarn_total += u->nwarn_total;
	u->nwarn = u->nwarn_total = 0;
	t->acronym_spaced |= u->acronym_spaced;
}

static void
stretch_free(struct stretch *w)
{
	memset(&w->t.text, 0, sizeof w->t.text);	/* t's own */
	memset(&w->t.fold, 0, sizeof w->t.fold);
	memset(&w->t.pool, 0, sizeof w->t.pool);
	table_free(&w->t);
	csv_free(&w->p);
	free(w->L.ends);
	slots_free(&w->L.seen);
	free(w->L.spans);
}

/* The pages r gave back, read again from the file (where they were):
 * false when it cannot be (the file is shorter now). */
static bool
read_back(const struct release *r)
{
	size_t off = (size_t)(r->base - r->file), n = r->done;
	while (n) {
		ssize_t got = pread(r->fd, r->base + r->done - n, n, (off_t)(off + r->done - n));
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			return false;
		n -= (size_t)got;
	}
	return true;
}

/* Bytes of the table's arenas a stretch of n bytes of text may take (see
 * load_text()), and what the whole table's arenas reserve. */
#define TEXT_ROOM(n) (8 * (n) + ((size_t)1 << 20))
#define FOLD_ROOM(n) (20 * (n) + ((size_t)1 << 20))
/* A lazy table's: no text but the header's. A value of the pool takes 10
 * bytes beyond its own and its folded form's, and there is a delimiter or
 * a line end after each; a value without room stays in the file. */
#define LAZY_TEXT_ROOM ((size_t)1 << 20)
#define POOL_ROOM(n) (8 * (n) + ((size_t)1 << 20))

/* The rows after the header (from body) in stretches on the cores, when
 * the text is large and the table's arenas do not move. Returns 0 when
 * done, -1 on an error of the first stretch (e set: the serial parse would
 * have met it too) or when stopped, and 1 when it was not done in
 * stretches: the first stretch's parse then goes on from where it is to
 * the end, as without them. */
static int
parse_parallel(struct pass *ps, size_t body, size_t k, struct err *e)
{
	struct loader *L = ps->L;
	struct table *t = L->t;
	size_t len = ps->to, at[CSVLOAD_STRETCHES_MAX];
	uint32_t line[CSVLOAD_STRETCHES_MAX];
	k = split(ps->s, body, len, k, at, line, L->line);
	if (k < 2)
		return 1;
	/* Each stretch's text in its own part of the arenas: the first one's
	 * where the table's is; the parts unwritten cost nothing. */
	size_t text_cap = t->text.cap, fold_cap = t->fold.cap, pool_cap = t->pool.cap;
	size_t toff[CSVLOAD_STRETCHES_MAX], foff[CSVLOAD_STRETCHES_MAX];
	size_t poff[CSVLOAD_STRETCHES_MAX], proom[CSVLOAD_STRETCHES_MAX];
	toff[0] = t->text.len, foff[0] = t->fold.len, poff[0] = t->pool.len;
	for (size_t j = 0; j < k; j++) {
		size_t n = (j + 1 < k ? at[j + 1] : len) - at[j];
		/* Each part of the pool within 32 bits of offset, or smaller
		 * (a value with no room stays in the file: TABLE_RES_FILE). */
		proom[j] = POOL_ROOM(n);
		if (proom[j] > (TABLE_RES_FILE - 1) / k)
			proom[j] = (TABLE_RES_FILE - 1) / k;
		if (j == 0)
			continue;
		n = at[j] - at[j - 1];
		toff[j] = toff[j - 1] + (L->lazy ? LAZY_TEXT_ROOM : TEXT_ROOM(n));
		foff[j] = foff[j - 1] + FOLD_ROOM(n);
		poff[j] = poff[j - 1] + proom[j - 1];
	}
	if (L->lazy && poff[k - 1] + proom[k - 1] > pool_cap)
		return 1;	/* cannot be: table_stable() reserved it */
	struct stretch *w = xcalloc(k, sizeof *w);
	for (size_t j = 1; j < k; j++) {
		struct stretch *x = &w[j];
		size_t end = j + 1 < k ? at[j + 1] : len;
		table_init(&x->t, t->source);
		for (size_t c = 0; c < t->ncols; c++)
			table_add_column(&x->t, t->cols[c].name, strlen(t->cols[c].name));
		x->t.text = (struct arena){t->text.base + toff[j], 0, TEXT_ROOM(end - at[j]), true};
		x->t.fold = (struct arena){t->fold.base + foff[j], 0, FOLD_ROOM(end - at[j]), true};
		x->L = (struct loader){.t = &x->t, .have_header = true, .line = line[j],
		    .header_fields = L->header_fields, .delim = L->delim, .lazy = L->lazy,
		    .file_base = L->file_base, .own_split = L->own_split};
		if (L->lazy) {
			x->t.text.cap = LAZY_TEXT_ROOM;
			x->t.pool = (struct arena){t->pool.base + poff[j], 0, proom[j], true};
			x->L.pool_base = poff[j];
			lazy_reset(&x->L);
			table_plan_resident(&x->t);
		}
		rowparse_init(&x->p, t->delimiter);
		x->ps = (struct pass){.L = &x->L, .p = &x->p, .s = ps->s, .to = end, .total = len,
		    .stop_all = &ps->stop};
		x->from = at[j];
		x->last = j + 1 == k;
		x->rc = -1;
		if (ps->rel && ps->s >= ps->rel->base && ps->s < ps->rel->base + ps->rel->len) {
			/* Its own whole pages of the file (the text is the file's
			 * bytes), no other stretch's. */
			size_t page = (size_t)sysconf(_SC_PAGESIZE);
			size_t a = ((size_t)(ps->s + at[j] - ps->rel->base) + page - 1) / page * page;
			size_t b = (size_t)(ps->s + end - ps->rel->base) / page * page;
			if (b > a) {
				x->rel = (struct release){ps->rel->base + a, b - a, 0, ps->rel->fd,
				    ps->rel->file};
				x->ps.rel = &x->rel;
			}
		}
	}
	for (size_t j = 1; j < k; j++)
		w[j].started = pthread_create(&w[j].tid, NULL, run_stretch, &w[j]) == 0;
	/* The first here, reporting the progress of the whole. */
	t->text.cap = toff[1] - toff[0];
	t->fold.cap = foff[1] - foff[0];
	if (L->lazy)
		t->pool.cap = poff[0] + proom[0];
	ps->to = at[1];
	ps->scale_from = body;
	ps->scale_len = at[1] - body;
	int rc = parse_stretch(ps, body, e);
	bool whole = rc == 0 && between_rows(ps);
	for (size_t j = 1; j < k; j++) {
		if (w[j].started)
			pthread_join(w[j].tid, NULL);
		else if (whole && !atomic_load(&ps->stop))
			run_stretch(&w[j]);	/* no thread to be had: here */
		whole = whole && w[j].rc == 0;
	}
	size_t rows = t->nrows;
	for (size_t j = 1; j < k; j++)
		rows += w[j].t.nrows;
	whole = whole && rows < UINT32_MAX - 1;

	t->text.cap = text_cap;
	t->fold.cap = fold_cap;
	t->pool.cap = pool_cap;
	ps->to = len;
	ps->scale_len = 0;
	if (whole) {
		for (size_t j = 1; j < k; j++)
			merge(t, &w[j], toff[j], foff[j]);
		t->text.len = toff[k - 1] + w[k - 1].t.text.len;
		t->fold.len = foff[k - 1] + w[k - 1].t.fold.len;
		if (L->lazy)
			t->pool.len = poff[k - 1] + w[k - 1].t.pool.len;
	}
	/* Another stretch failed (an error the serial parse will meet in its
	 * turn), or began inside a quoted field (a quote inside an unquoted
	 * field fooled the count): the first one goes on alone, over the
	 * pages the others gave back read again from the file. */
	bool back = true;
	for (size_t j = 1; j < k; j++) {
		if (!whole && rc == 0 && w[j].rel.done)
			back = back && read_back(&w[j].rel);
		stretch_free(&w[j]);
	}
	free(w);
	if (whole)
		return 0;
	if (rc < 0)
		return -1;	/* the first stretch's error, or stopped */
	if (!back)
		return err_at(e, t->source, 0, "%s", _("the file changed while it was read"));
	return parse_stretch(ps, ps->at, e) < 0 || end_stretch(ps, e) < 0 ? -1 : 0;
}

static int load_text(struct table *t, const char *buf, size_t n, const struct load_opts *o,
    struct err *e, struct release *rel);

int
csvload_buffer(struct table *t, const char *buf, size_t n, const struct load_opts *o,
    struct err *e)
{
	return load_text(t, buf, n, o, e, NULL);
}

static int
load_text(struct table *t, const char *buf, size_t n, const struct load_opts *o,
    struct err *e, struct release *rel)
{
	struct arena clean = {0};
	struct csv_parser p;
	struct loader L = {.t = t, .line = 1};
	int rc = -1;

	if (n == 0)
		return err_at(e, t->source, 0, "%s",
		    _("empty file (a CSV directory needs at least a header row)"));
	struct warn_sink w = {add_warning, t};
	struct decoded dec;
	if (decode_input(t->source, buf, n, o ? o->encoding : NULL, &w, &clean, &dec, e) < 0)
		goto out;
	snprintf(t->encoding, sizeof t->encoding, "%s", dec.encoding);
	snprintf(t->notice, sizeof t->notice, "%s", dec.notice);
	const char *s = dec.text;
	size_t len = dec.len;
	if ((uintptr_t)s < (uintptr_t)buf || (uintptr_t)s > (uintptr_t)buf + n) {
		release_upto(rel, NULL);	/* decoded elsewhere: done with the file */
		table_lazy_end(t);	/* its rows are not the file's bytes */
	}
	if (t->lazy && rel) {
		L.lazy = true;
		L.file_base = (uint64_t)(s - buf);
		lazy_reset(&L);
	} else {
		table_lazy_end(t);
	}
	enum load_split split = o ? o->split : LOAD_SPLIT_AUTO;
	L.own_split = split == LOAD_SPLIT_OWN || (split == LOAD_SPLIT_AUTO && L.lazy);
	/* Room for all the text and its folded form at once: no copying as the
	 * arenas grow (given back by arena_shrink() at the end). */
	/* In stretches on the cores when the text is large. */
	size_t stretches = o && o->stretches ? o->stretches : (size_t)sysconf(_SC_NPROCESSORS_ONLN);
	if (stretches > CSVLOAD_STRETCHES_MAX)
		stretches = CSVLOAD_STRETCHES_MAX;
	if (len < (o && o->parallel_min ? o->parallel_min : CSVLOAD_PARALLEL_MIN))
		stretches = 1;
	if ((o && o->stable) || stretches > 1) {
		/* What a row can take at the most: its bytes, a NUL and 4 bytes of
		 * end for each of its fields (at most one a byte), 3 of alignment;
		 * a row holds two bytes at the least. Folded, a character gives at
		 * most 32 bytes (16 a byte), and text_fold() reserves twice what
		 * is left of a field beyond. Only the pages written cost memory. */
		size_t rows = len / 2 + 2, slack = (size_t)CSVLOAD_STRETCHES_MAX << 20;
		if (len > (SIZE_MAX - slack) / 48 || table_stable(t, rows, (L.lazy ? 0 : 8) * len +
		    slack, 20 * len + slack, L.lazy ? 8 * len + slack : 0) < 0)
			t->stable = false;	/* the caller sees it: nothing to publish */
	}
	/* The fields' ends too; a lazy table's text is its header's. */
	arena_reserve(&t->text, L.lazy ? 4096 : len + len / 4 + 64);
	if (L.lazy)
		arena_reserve(&t->pool, 4096);
	arena_reserve(&t->fold, len + len / 8 + 64);
	if (o && o->delimiter) {
		t->delimiter = o->delimiter;
	} else {
		t->delimiter = detect_delimiter(s, len);
		t->delimiter_detected = true;
	}
	L.delim = t->delimiter;

	rowparse_init(&p, t->delimiter);
	/* The header first, then the rest: in stretches on the cores where
	 * it is large (and the arenas do not move), else in one. */
	struct pass ps = {.L = &L, .p = &p, .s = s, .to = len, .total = len, .o = o, .rel = rel,
	    .header_only = true};
	atomic_init(&ps.stop, false);
	if (parse_stretch(&ps, 0, e) < 0)
		goto out_csv;
	ps.header_only = false;
	int par = L.have_header && stretches > 1 && t->stable ?
	    parse_parallel(&ps, ps.at, stretches, e) : 1;
	if (par < 0)
		goto out_csv;
	if (par > 0 && (parse_stretch(&ps, ps.at, e) < 0 || end_stretch(&ps, e) < 0))
		goto out_csv;
	if (!L.have_header) {
		err_at(e, t->source, 0, "%s", _("no header row (the file holds only blank lines)"));
		goto out_csv;
	}
	arena_shrink(&t->text);
	arena_shrink(&t->fold);
	arena_shrink(&t->pool);
	t->common_status = table_most_common(t, ROLE_STATUS);
	rc = 0;
out_csv:
	csv_free(&p);
out:
	free(L.ends);
	slots_free(&L.seen);
	free(L.spans);
	arena_free(&clean);
	return rc;
}

/* A size in the unit that reads best: "5.2 GiB", "300 MiB", "12 KiB". */
static void
human_size(uint64_t n, char *buf, size_t len)
{
	/* TRANSLATORS: units of file sizes: kibibytes, mebibytes... */
	static const char *const units[] = {"", N_("KiB"), N_("MiB"), N_("GiB"), N_("TiB")};
	double v = (double)n;
	size_t u = 0;
	while (v >= 1024 && u + 1 < sizeof units / sizeof units[0])
		v /= 1024, u++;
	if (u == 0)
		snprintf(buf, len, P_("%llu byte", "%llu bytes", n), (unsigned long long)n);
	else
		snprintf(buf, len, v < 10 && v != (double)(uint64_t)v ? "%.1f %s" : "%.0f %s", v,
		    _(units[u]));
}

/* How much of a file is read at a time. */
#define CSVLOAD_READ_STEP ((size_t)16 << 20)	/* 16 MiB */

static int
too_large(const struct table *t, struct err *e, uint64_t size, uint64_t max)
{
	char a[32], b[32];
	human_size(size, a, sizeof a);
	human_size(max, b, sizeof b);
	return err_at(e, t->source, 0, _("a file of %s, over the %s limit: not read "
	    "(raise it with --max-size SIZE)"), a, b);
}

/* A file of this size or more is read on the cores, a part each: the page
 * faults and the copy of a read cost more than the disk, whose pages are
 * in memory already for a file just written or read. */
#ifndef CSVLOAD_READ_PARALLEL_MIN
#define CSVLOAD_READ_PARALLEL_MIN ((size_t)32 << 20)	/* 32 MiB */
#endif

/* A part of the file read by a thread of its own. */
struct part {
	pthread_t tid;
	bool started;
	int fd;
	char *buf;		/* the whole file's */
	size_t from, to, got;
	int err;		/* errno, or 0 */
	atomic_bool *stop;
};

/* Reads p's part on to upto (at most its end), or less when the file ends
 * first (or on an error, p->err set). */
static void
read_upto(struct part *p, size_t upto)
{
	while (p->from + p->got < upto && !atomic_load(p->stop)) {
		size_t left = upto - p->from - p->got;
		size_t want = left < CSVLOAD_READ_STEP ? left : CSVLOAD_READ_STEP;
		ssize_t r = pread(p->fd, p->buf + p->from + p->got, want, (off_t)(p->from + p->got));
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			p->err = errno;
		if (r <= 0)
			break;
		p->got += (size_t)r;
	}
}

static void *
read_part(void *arg)
{
	struct part *p = arg;
	read_upto(p, p->to);
	return NULL;
}

/* Reads the first size bytes of fd into buf, the parts after the first in
 * threads, the first here with a word to the caller between its pieces.
 * Returns how many bytes from the start were read (fewer: the file is
 * shorter now), or -1 with e set (an error, or stopped). */
static ssize_t
read_parts(struct table *t, int fd, char *buf, size_t size, const struct load_opts *o,
    struct err *e)
{
	struct part p[CSVLOAD_STRETCHES_MAX];
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	size_t k = cores < 2 ? 1 : cores > 4 ? 4 : (size_t)cores;
	atomic_bool stop;
	atomic_init(&stop, false);
	for (size_t j = 0; j < k; j++) {
		p[j] = (struct part){.fd = fd, .buf = buf, .from = size / k * j,
		    .to = j + 1 < k ? size / k * (j + 1) : size, .stop = &stop};
		if (j)
			p[j].started = pthread_create(&p[j].tid, NULL, read_part, &p[j]) == 0;
	}
	bool stopped = false;
	while (p[0].from + p[0].got < p[0].to && !stopped) {
		size_t before = p[0].got, next = p[0].from + p[0].got + CSVLOAD_READ_STEP;
		read_upto(&p[0], next < p[0].to ? next : p[0].to);
		if (p[0].got == before || p[0].err)
			break;
		if (o && o->progress && !o->progress(o->progress_ctx, 0, size, 0))
			stopped = true;
	}
	atomic_store(&stop, stopped);
	for (size_t j = 1; j < k; j++) {
		if (p[j].started)
			pthread_join(p[j].tid, NULL);
		else if (!stopped)
			read_part(&p[j]);	/* no thread to be had: here */
	}
	if (stopped)
		return err_at(e, t->source, 0, "%s", CSVLOAD_STOPPED);
	size_t n = 0;
	for (size_t j = 0; j < k; j++) {
		if (p[j].err)
			return err_at(e, t->source, 0, "%s", errno_text(p[j].err));
		n = p[j].from + p[j].got;
		if (p[j].from + p[j].got < p[j].to)
			break;	/* the file is shorter than it was */
	}
	return (ssize_t)n;
}

int
csvload_file(struct table *t, const char *path, const struct load_opts *o, struct err *e)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);	/* a FIFO must not block */
	if (fd < 0)
		return err_at(e, t->source, 0, "%s", errno_text(errno));
	struct stat st;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return err_at(e, t->source, 0, "%s", _("not a regular file"));
	}
	uint64_t max = o && o->max_size ? o->max_size : CSVLOAD_MAX_SIZE;
	if ((uint64_t)st.st_size > max) {
		close(fd);
		return too_large(t, e, (uint64_t)st.st_size, max);
	}
	/* Memory of its own (not malloc's), so that its pages can go back
	 * one by one as the parse leaves them behind (struct release). */
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t cap = ((size_t)st.st_size + 1 + page - 1) / page * page, n = 0;
	size_t next_report = CSVLOAD_READ_STEP;
	char *buf = mmap(NULL, cap, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (buf == MAP_FAILED)
		die(_("out of memory (text of %zu bytes)"), cap);
#ifdef MADV_HUGEPAGE
	if (cap >= ((size_t)64 << 20))
		madvise(buf, cap, MADV_HUGEPAGE);	/* fewer page faults; a hint only */
#endif
	int rc = -1;
	if ((size_t)st.st_size >= CSVLOAD_READ_PARALLEL_MIN) {
		ssize_t got = read_parts(t, fd, buf, (size_t)st.st_size, o, e);
		if (got < 0)
			goto out;
		n = (size_t)got;
		next_report = n + CSVLOAD_READ_STEP;
	}
	/* What is left, or what grew since. */
	for (;;) {
		if ((uint64_t)n > max) {	/* it grew while being read */
			too_large(t, e, n, max);
			goto out;
		}
		/* A large file is read in pieces, with a word to the caller
		 * (nothing parsed yet) between them: it may stop the load. */
		if (n >= next_report && o && o->progress) {
			if (!o->progress(o->progress_ctx, 0, (size_t)st.st_size > n ?
			    (size_t)st.st_size : n, 0)) {
				err_at(e, t->source, 0, "%s", CSVLOAD_STOPPED);
				goto out;
			}
			next_report = n + CSVLOAD_READ_STEP;
		}
		if (n == cap) {
			char *grown = mremap(buf, cap, cap * 2, MREMAP_MAYMOVE);
			if (grown == MAP_FAILED)
				die(_("out of memory (text of %zu bytes)"), cap * 2);
			buf = grown;
			cap *= 2;
		}
		size_t want = cap - n < CSVLOAD_READ_STEP ? cap - n : CSVLOAD_READ_STEP;
		ssize_t r = pread(fd, buf + n, want, (off_t)n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			err_at(e, t->source, 0, "%s", errno_text(errno));
			goto out;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	struct release rel = {buf, cap, 0, fd, buf};	/* fd kept: see read_back() */
	/* A large file for the screen: its rows read again when shown. */
	if (o && o->lazy_min && n >= o->lazy_min)
		table_lazy_begin(t, fd);
	rc = load_text(t, buf, n, o, e, &rel);
out:
	close(fd);
	munmap(buf, cap);
	return rc;
}
