/* SPDX-License-Identifier: MIT
 * csvload: libcsv driven one physical line at a time, so that every field and
 * row is known by its line; a small quote tracker beside libcsv remembers
 * where a quote opened and catches text after a closing quote, which libcsv
 * (without CSV_STRICT) would silently merge with the following lines. */
#define _GNU_SOURCE	/* mremap */
#include "csvload.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "decode.h"
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
};

static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
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
	if (len)
		arena_append(&L->t->text, s, len), L->row_nonempty = true;
	xgrow((void **)&L->ends, &L->ends_cap, (size_t)L->nfields + 1, sizeof *L->ends);
	L->ends[L->nfields] = (uint32_t)(L->t->text.len - L->row_start);
	arena_putc(&L->t->text, '\0');
	/* The search form of the field, while it is at hand. */
	text_fold(&L->t->fold, s, len, NULL);
	arena_putc(&L->t->fold, '\n');
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
		t->text.len = L->row_start;
		t->fold.len = L->fold_start;
		L->have_header = true;
	} else if (!L->row_nonempty) {
		/* A row of empty fields (";;;;" from a spreadsheet) carries nothing. */
		t->text.len = L->row_start;
		t->fold.len = L->fold_start;
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
		r->text_len = (uint32_t)(t->text.len - L->row_start);
		table_put_ends(t, r, L->ends);
	}
next:
	L->row_start = t->text.len;
	L->fold_start = t->fold.len;
	L->nfields = 0;
	L->row_nonempty = false;
	L->in_row = false;
}

/* Follows the quoting of one chunk as libcsv will; returns false on text
 * after a closing quote. */
static bool
track_quotes(struct loader *L, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
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
			if (c == L->delim || eol)
				L->q = Q_FIELD_START;
			break;
		case Q_QUOTED:
			if (c == '"')
				L->q = Q_QUOTE_IN_QUOTED;
			break;
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
};

/* Gives back the whole pages of r before p (or all of them: p NULL). */
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
		munmap(r->base + r->done, upto - r->done);
		r->done = upto;
	}
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
	if ((uintptr_t)s < (uintptr_t)buf || (uintptr_t)s > (uintptr_t)buf + n)
		release_upto(rel, NULL);	/* decoded elsewhere: done with the file */
	/* Room for all the text and its folded form at once: no copying as the
	 * arenas grow (given back by arena_shrink() at the end). */
	if (o && o->stable) {
		/* What a row can take at the most: its bytes, a NUL and 4 bytes of
		 * end for each of its fields (at most one a byte), 3 of alignment;
		 * a row holds two bytes at the least. Folded, a character gives at
		 * most 32 bytes (16 a byte), and text_fold() reserves twice what
		 * is left of a field beyond. Only the pages written cost memory. */
		size_t rows = len / 2 + 2, slack = (size_t)1 << 20;
		if (len > (SIZE_MAX - slack) / 24 || table_stable(t, rows, 8 * len + slack,
		    20 * len + slack) < 0)
			t->stable = false;	/* the caller sees it: nothing to publish */
	}
	arena_reserve(&t->text, len + len / 4 + 64);	/* the fields' ends too */
	arena_reserve(&t->fold, len + len / 8 + 64);
	if (o && o->delimiter) {
		t->delimiter = o->delimiter;
	} else {
		t->delimiter = detect_delimiter(s, len);
		t->delimiter_detected = true;
	}
	L.delim = t->delimiter;

	if (csv_init(&p, CSV_APPEND_NULL) != 0)
		die("%s", _("out of memory (CSV parser)"));
	csv_set_delim(&p, (unsigned char)t->delimiter);
	csv_set_space_func(&p, no_space);
	csv_set_realloc_func(&p, xrealloc);

	/* With no callback (nor pages to give back) the next report is never
	 * reached: one comparison a line. */
	csvload_progress_fn *progress = o ? o->progress : NULL;
	size_t i = 0, next_report = progress || rel ? CSVLOAD_PROGRESS_STEP : SIZE_MAX;
	while (i < len) {
		if (i >= next_report) {
			release_upto(rel, s + i);
			if (progress && !progress(o->progress_ctx, i, len, t->nrows)) {
				err_at(e, t->source, 0, "%s", CSVLOAD_STOPPED);
				goto out_csv;
			}
			next_report = i + CSVLOAD_PROGRESS_STEP;
		}
		size_t j = i;
		while (j < len && s[j] != '\n' && s[j] != '\r')
			j++;
		if (j < len)
			j += (s[j] == '\r' && j + 1 < len && s[j + 1] == '\n') ? 2 : 1;
		if (!L.in_row && !(s[i] == '\n' || s[i] == '\r')) {
			L.in_row = true;
			L.row_line = L.line;
		}
		if (!track_quotes(&L, s + i, j - i)) {
			err_at(e, t->source, L.bad_quote_line, "%s", _("text after the closing quote of a "
			    "field (a field with quotes must be quoted whole, its quotes doubled)"));
			goto out_csv;
		}
		/* libcsv grows a field's buffer by blk_size bytes at a time (128 by
		 * default), which copies a field of megabytes over and over where
		 * realloc cannot grow in place: feed long lines in pieces and keep
		 * blk_size up with the buffer, so that it doubles instead. */
		for (size_t k = i, m; k < j; k += m) {
			m = j - k < 65536 ? j - k : 65536;
			csv_set_blk_size(&p, p.entry_size > 128 ? p.entry_size : 128);
			if (csv_parse(&p, s + k, m, on_field, on_row, &L) != m) {
				err_at(e, t->source, L.line, "%s", csv_error_text(csv_error(&p)));
				goto out_csv;
			}
		}
		if (L.too_big || L.line == UINT32_MAX) {
			/* TRANSLATORS: %s is one of the limits above ("more than 4
			 * billion lines"). */
			err_at(e, t->source, L.line, _("%s: not supported"),
			    L.too_big ? _(L.too_big) : _("more than 4 billion lines"));
			goto out_csv;
		}
		L.line++;
		i = j;
	}
	if (L.q == Q_QUOTED) {
		err_at(e, t->source, L.quote_line, "%s",
		    _("unterminated quoted field: the quote opened on this line is never closed"));
		goto out_csv;
	}
	csv_fini(&p, on_field, on_row, &L);
	if (L.too_big) {
		err_at(e, t->source, L.row_line, _("%s: not supported"), _(L.too_big));
		goto out_csv;
	}
	if (!L.have_header) {
		err_at(e, t->source, 0, "%s", _("no header row (the file holds only blank lines)"));
		goto out_csv;
	}
	arena_shrink(&t->text);
	arena_shrink(&t->fold);
	t->common_status = table_most_common(t, ROLE_STATUS);
	rc = 0;
out_csv:
	csv_free(&p);
out:
	free(L.ends);
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
	int rc = -1;
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
		ssize_t r = read(fd, buf + n, want);
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
	close(fd);
	fd = -1;
	struct release rel = {buf, cap, 0};
	rc = load_text(t, buf, n, o, e, &rel);
	buf += rel.done;
	cap -= rel.done;
out:
	if (fd >= 0)
		close(fd);
	if (cap)
		munmap(buf, cap);
	return rc;
}
