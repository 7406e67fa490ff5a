/* SPDX-License-Identifier: MIT
 * table: rows and fields in arenas, warnings, role look-ups; the rows of a
 * lazy table read again from its file, and the cache that holds them. */
#include "table.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rowparse.h"

#include "sanitize.h"
#include "util.h"

void
table_init(struct table *t, const char *source)
{
	memset(t, 0, sizeof *t);
	t->source = sanitize_str(source);
	for (int i = 0; i < ROLE_COUNT; i++)
		t->role_col[i] = -1;
	strcpy(t->encoding, "UTF-8");
	t->delimiter = ',';
}

void
table_free(struct table *t)
{
	table_lazy_end(t);
	for (size_t i = 0; i < t->ncols; i++) {
		free(t->cols[i].name);
		free(t->cols[i].key);
	}
	free(t->cols);
	for (size_t i = 0; i < t->nretired; i++)
		free(t->retired[i]);
	free(t->retired);
	if (t->stable) {
		munmap(t->rows, t->rows_cap * sizeof *t->rows);
		if (t->res)
			munmap(t->res, t->res_cap * sizeof *t->res);
	} else {
		free(t->rows);
		free(t->res);
	}
	for (size_t i = 0; i < t->nwarn; i++)
		free(t->warn[i].msg);
	free(t->warn);
	arena_free(&t->text);
	arena_free(&t->fold);
	arena_free(&t->pool);
	arena_free(&t->vals);
	free(t->source);
	free(t->common_status);
	memset(t, 0, sizeof *t);
}

int
table_stable(struct table *t, size_t max_rows, size_t text, size_t fold, size_t pool)
{
	if (t->rows || t->text.base || t->fold.base || t->pool.base || !max_rows)
		return -1;
	size_t bytes = max_rows * sizeof *t->rows;
	void *rows = mmap(NULL, bytes, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (rows == MAP_FAILED)
		return -1;
	size_t res_cap = pool ? max_rows * TABLE_RESIDENT_MAX : 0;
	void *res = res_cap ? mmap(NULL, res_cap * sizeof *t->res, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0) : NULL;
	/* A value takes 11 bytes of the pool at the least, and 4 in vals. */
	if (res == MAP_FAILED || arena_map(&t->text, text) < 0 || arena_map(&t->fold, fold) < 0 ||
	    (pool && (arena_map(&t->pool, pool) < 0 || arena_map(&t->vals, pool / 2) < 0))) {
		arena_free(&t->text);
		arena_free(&t->fold);
		arena_free(&t->pool);
		if (res && res != MAP_FAILED)
			munmap(res, res_cap * sizeof *t->res);
		munmap(rows, bytes);
		return -1;
	}
	t->res = res;
	t->res_cap = res_cap;
#ifdef MADV_HUGEPAGE
	/* Fewer page faults (a hint only), as for the arenas (arena_map()). */
	if (bytes >= ((size_t)64 << 20))
		madvise(rows, bytes, MADV_HUGEPAGE);
	if (res && res_cap * sizeof *t->res >= ((size_t)64 << 20))
		madvise(res, res_cap * sizeof *t->res, MADV_HUGEPAGE);
#endif
	t->rows = rows;
	t->rows_cap = max_rows;
	t->stable = true;
	return 0;
}

struct row *
table_new_row(struct table *t)
{
	if (t->stable && t->nrows == t->rows_cap)
		return NULL;
	if (!t->stable) {
		xgrow((void **)&t->rows, &t->rows_cap, t->nrows + 1, sizeof *t->rows);
		if (t->nres)
			xgrow((void **)&t->res, &t->res_cap, (t->nrows + 1) * t->nres, sizeof *t->res);
	}
	struct row *r = &t->rows[t->nrows++];
	memset(r, 0, sizeof *r);
	return r;
}

/* Where the ends of a row's fields start, from the row's text. */
static size_t
ends_offset(const struct row *r)
{
	return ((size_t)r->text_len + 3) & ~(size_t)3;
}

/* Where field i of a row ends (the offset of its NUL from base, the row's
 * text). */
static size_t
field_end(const struct row *r, const char *base, size_t i)
{
	const char *ends = base + ends_offset(r);
	if (r->text_len < 65536) {
		uint16_t v;
		memcpy(&v, ends + 2 * i, 2);
		return v;
	}
	uint32_t v;
	memcpy(&v, ends + 4 * i, 4);
	return v;
}

/* Lazy tables: rows parsed again from the file, a few dozen kept. */
#define CACHE_ROWS 64
#define WINDOW ((size_t)64 << 10)	/* read at a time: the rows after come with it */
#define PAGE ((size_t)4 << 10)	/* or that, for a row away from the last ones */

struct cached {
	size_t row;
	uint64_t used;		/* 0: empty */
	struct arena text;	/* the fields, each NUL-terminated */
	uint32_t *ends;		/* the offset of each one's NUL */
	size_t ends_cap;
	uint32_t nfields;
};

struct lazy {
	int fd;
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime;
	bool stale;
	struct csv_parser parser;	/* for rowparse_one() */
	bool parser_ready;
	char *win;		/* bytes of the file from win_off */
	size_t win_len, win_cap;
	uint64_t win_off;
	uint64_t clock;
	struct cached *last;	/* the row asked for last: its next field */
	struct cached c[CACHE_ROWS];
	/* table_prefetch()'s rows, ascending, and each one's fields. */
	struct {
		uint32_t *rows;
		size_t n, cap;
		struct cached *c;	/* its slots, one a row */
		size_t ncap;
	} ahead;
};

int
table_lazy_begin(struct table *t, int fd)
{
	struct stat st;
	if (t->lazy || t->nrows || fstat(fd, &st) < 0)
		return -1;
	int dup = fcntl(fd, F_DUPFD_CLOEXEC, 0);
	if (dup < 0)
		return -1;
	struct lazy *z = xcalloc(1, sizeof *z);
	z->fd = dup;
	z->dev = st.st_dev;
	z->ino = st.st_ino;
	z->size = st.st_size;
	z->mtime = st.st_mtim;
	t->lazy = z;
	return 0;
}

void
table_lazy_end(struct table *t)
{
	struct lazy *z = t->lazy;
	if (!z)
		return;
	close(z->fd);
	free(z->win);
	if (z->parser_ready)
		csv_free(&z->parser);
	free(z->ahead.rows);
	for (size_t i = 0; i < z->ahead.ncap; i++) {
		arena_free(&z->ahead.c[i].text);
		free(z->ahead.c[i].ends);
	}
	free(z->ahead.c);
	for (size_t i = 0; i < CACHE_ROWS; i++) {
		arena_free(&z->c[i].text);
		free(z->c[i].ends);
	}
	free(z);
	t->lazy = NULL;
	t->nres = 0;
	for (size_t c = 0; c < t->ncols; c++)
		t->cols[c].resident = -1;
}

void
table_plan_resident(struct table *t)
{
	/* What index_build(), coverage_build() and table_most_common() read
	 * of every row. */
	static const enum role kept[] = {ROLE_TERRITORY, ROLE_TERRITORY_2017, ROLE_REGION,
	    ROLE_STATUS, ROLE_COVERAGE, ROLE_POSTCODE};
	t->nres = 0;
	for (size_t c = 0; c < t->ncols; c++)
		t->cols[c].resident = -1;
	for (size_t i = 0; i < sizeof kept / sizeof kept[0]; i++) {
		int c = t->role_col[kept[i]];
		if (c >= 0 && t->cols[c].resident < 0)
			t->cols[c].resident = (int)t->nres++;
	}
}

bool
table_stale(const struct table *t)
{
	return t->lazy && t->lazy->stale;
}

uint64_t
table_row_offset(const struct table *t, size_t r)
{
	return t->rows[r].text;
}

/* The pool offset of resident value v. */
static uint32_t
val_at(const struct table *t, uint32_t v)
{
	uint32_t at;
	memcpy(&at, t->vals.base + 4 * (size_t)v, 4);
	return at;
}

const char *
table_res_fold(const struct table *t, uint32_t v, size_t *len)
{
	const char *p = arena_at(&t->pool, val_at(t, v));
	uint32_t n, fn;
	memcpy(&n, p, 4);
	p += 4 + (size_t)n + 1;
	memcpy(&fn, p, 4);
	*len = fn == UINT32_MAX ? 0 : fn;
	return fn == UINT32_MAX ? NULL : p + 4;
}

const char *
table_fold_field(const struct table *t, size_t r, size_t col, size_t *len)
{
	const struct row *row = &t->rows[r];
	const char *p = arena_at(&t->fold, row->fold), *end = p + row->fold_len;
	*len = 0;
	if (col >= row->nfields)
		return NULL;
	int k = t->nres && col < t->ncols ? t->cols[col].resident : -1;
	if (k >= 0) {	/* in the pool; else here */
		uint32_t v = table_res(t, r, (size_t)k);
		if (table_res_pooled(v))
			return table_res_fold(t, v, len);
	}
	for (size_t c = 0; c < col; c++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			return NULL;
		p = nl + 1;
	}
	const char *nl = memchr(p, '\n', (size_t)(end - p));
	*len = (size_t)((nl ? nl : end) - p);
	return p;
}

/* Whether the file is still the one read: the same size and time. */
static bool
file_same(struct lazy *z)
{
	struct stat st;
	if (z->stale)
		return false;
	if (fstat(z->fd, &st) < 0 || st.st_size != z->size || st.st_mtim.tv_sec != z->mtime.tv_sec ||
	    st.st_mtim.tv_nsec != z->mtime.tv_nsec || st.st_ino != z->ino || st.st_dev != z->dev)
		z->stale = true;
	return !z->stale;
}

/* The bytes [off, off + n) of the file as it was read, from the window
 * (read again when they are not in it, the file checked before and after);
 * NULL when it is not the same file now. */
static const char *
file_bytes(struct lazy *z, uint64_t off, size_t n)
{
	if (z->win && off >= z->win_off && off + n <= z->win_off + z->win_len)
		return z->win + (off - z->win_off);
	/* Rows one after the other (a list, an export) come a window at a
	 * time; a row alone (a search's, in another order) by itself. */
	bool next = z->win && off >= z->win_off && off <= z->win_off + z->win_len + WINDOW;
	size_t want = next ? WINDOW : PAGE;
	if (want < n)
		want = n;
	if (!file_same(z))
		return NULL;
	if (z->win_cap < want) {
		free(z->win);
		z->win = xmalloc(want);
		z->win_cap = want;
	}
	size_t got = 0;
	while (got < want) {
		ssize_t k = pread(z->fd, z->win + got, want - got, (off_t)(off + got));
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		got += (size_t)k;
	}
	z->win_off = off;
	z->win_len = got;
	if (!file_same(z)) {
		z->win_len = 0;
		return NULL;
	}
	return got >= n ? z->win : NULL;
}

/* Row r's fields into slot c: parsed again from the file, or, when the
 * file has changed, from their folded form. */
static void
fill(const struct table *t, size_t r, struct cached *c)
{
	struct lazy *z = t->lazy;
	const struct row *row = &t->rows[r];
	c->text.len = 0;
	c->nfields = 0;
	if (!z->parser_ready) {
		rowparse_init(&z->parser, t->delimiter);
		z->parser_ready = true;
	}
	const char *s = z->stale ? NULL : file_bytes(z, table_row_offset(t, r), row->text_len);
	if (s && rowparse_one(&z->parser, s, row->text_len, &c->text, &c->ends, &c->ends_cap,
	    &c->nfields) && c->nfields == row->nfields)
		return;
	z->stale = true;
	c->text.len = 0;
	xgrow((void **)&c->ends, &c->ends_cap, row->nfields ? row->nfields : 1, sizeof *c->ends);
	for (c->nfields = 0; c->nfields < row->nfields; c->nfields++) {
		size_t n;
		const char *f = table_fold_field(t, r, c->nfields, &n);
		arena_append(&c->text, f, n);
		c->ends[c->nfields] = (uint32_t)c->text.len;
		arena_putc(&c->text, '\0');
	}
}

static int
cmp_row(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

void
table_prefetch(const struct table *t, const uint32_t *rows, size_t n)
{
	struct lazy *z = t->lazy;
	if (!z)
		return;
	if (n > TABLE_PREFETCH_ROWS)
		n = TABLE_PREFETCH_ROWS;
	xgrow((void **)&z->ahead.rows, &z->ahead.cap, n ? n : 1, sizeof *z->ahead.rows);
	if (n)
		memcpy(z->ahead.rows, rows, n * sizeof *rows);
	qsort(z->ahead.rows, n, sizeof *rows, cmp_row);
	size_t k = 0;	/* each row once */
	for (size_t i = 0; i < n; i++)
		if (!k || z->ahead.rows[i] != z->ahead.rows[k - 1])
			z->ahead.rows[k++] = z->ahead.rows[i];
	if (k > z->ahead.ncap) {
		z->ahead.c = xrealloc(z->ahead.c, k * sizeof *z->ahead.c);
		memset(z->ahead.c + z->ahead.ncap, 0, (k - z->ahead.ncap) * sizeof *z->ahead.c);
		z->ahead.ncap = k;
	}
	z->ahead.n = 0;	/* none served while they are read */
	z->last = NULL;
	for (size_t i = 0; i < k; i++) {
		z->ahead.c[i].row = z->ahead.rows[i];
		fill(t, z->ahead.rows[i], &z->ahead.c[i]);
	}
	z->ahead.n = k;
}

/* Row r's slot among those read ahead, or NULL. */
static struct cached *
ahead_of(struct lazy *z, size_t r)
{
	size_t lo = 0, hi = z->ahead.n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (z->ahead.rows[mid] < r)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < z->ahead.n && z->ahead.rows[lo] == r ? &z->ahead.c[lo] : NULL;
}

/* Field col of row r of a lazy table. */
static const char *
lazy_field(const struct table *t, size_t r, size_t col, size_t *len)
{
	int k = t->cols[col].resident;
	if (k >= 0) {
		uint32_t v = table_res(t, r, (size_t)k);
		if (v == TABLE_RES_EMPTY) {
			*len = 0;
			return "";
		}
		if (v != TABLE_RES_FILE) {
			const char *p = arena_at(&t->pool, val_at(t, v & ~TABLE_RES_IN_ROW));
			uint32_t n;
			memcpy(&n, p, 4);
			*len = n;
			return p + 4;
		}
	}
	struct lazy *z = t->lazy;
	struct cached *c = z->last && z->last->used && z->last->row == r ? z->last : NULL;
	if (!c && z->ahead.n)
		c = ahead_of(z, r);
	struct cached *old = &z->c[0];
	for (size_t i = 0; i < CACHE_ROWS && !c; i++) {
		if (z->c[i].used && z->c[i].row == r)
			c = &z->c[i];
		else if (z->c[i].used < old->used)
			old = &z->c[i];
	}
	if (!c) {
		c = old;
		c->row = r;
		fill(t, r, c);
	}
	c->used = ++z->clock;
	z->last = c;	/* a slot read ahead too: it stays until table_prefetch() */
	if (col >= c->nfields) {
		*len = 0;
		return "";
	}
	size_t start = col ? c->ends[col - 1] + 1 : 0;
	*len = c->ends[col] - start;
	return c->text.base + start;
}

const char *
table_field(const struct table *t, size_t r, size_t col, size_t *len)
{
	const struct row *row = &t->rows[r];
	if (col >= row->nfields) {
		if (len)
			*len = 0;
		return "";
	}
	if (t->lazy) {
		size_t n;
		const char *s = lazy_field(t, r, col, &n);
		if (len)
			*len = n;
		return s;
	}
	const char *base = arena_at(&t->text, row->text);
	size_t start = col ? field_end(row, base, col - 1) + 1 : 0;
	if (len)
		*len = field_end(row, base, col) - start;
	return base + start;
}

void
table_put_ends(struct table *t, const struct row *r, const uint32_t *ends)
{
	size_t pad = ends_offset(r) - r->text_len;
	static const char zero[4];
	arena_append(&t->text, zero, pad);
	if (r->text_len < 65536) {
		char *d = arena_reserve(&t->text, 2 * (size_t)r->nfields);
		for (uint32_t i = 0; i < r->nfields; i++) {
			uint16_t v = (uint16_t)ends[i];
			memcpy(d + 2 * i, &v, 2);
		}
		arena_commit(&t->text, 2 * (size_t)r->nfields);
	} else {
		arena_append(&t->text, ends, 4 * (size_t)r->nfields);
	}
}

const char *
table_role(const struct table *t, size_t r, enum role role, size_t *len)
{
	int c = t->role_col[role];
	if (c < 0) {
		if (len)
			*len = 0;
		return "";
	}
	return table_field(t, r, (size_t)c, len);
}

const char *
table_name(const struct table *t, size_t r, size_t *len)
{
	if (t->role_col[ROLE_NAME] >= 0)
		return table_role(t, r, ROLE_NAME, len);
	return table_field(t, r, 0, len);
}

int
table_territory_col(const struct table *t, size_t r)
{
	size_t n;
	table_role(t, r, ROLE_TERRITORY_2017, &n);
	return n ? t->role_col[ROLE_TERRITORY_2017] : t->role_col[ROLE_TERRITORY];
}

const char *
table_territory(const struct table *t, size_t r, size_t *len)
{
	int c = table_territory_col(t, r);
	if (c < 0) {
		if (len)
			*len = 0;
		return "";
	}
	return table_field(t, r, (size_t)c, len);
}

char *
table_most_common(const struct table *t, enum role role)
{
	/* Majority vote (Boyer-Moore): one pass, then a count to check. */
	const char *cand = NULL;
	size_t cand_n = 0, votes = 0, with = 0;
	for (size_t r = 0; r < t->nrows; r++) {
		size_t n;
		const char *s = table_role(t, r, role, &n);
		if (!n)
			continue;
		with++;
		if (votes == 0)
			cand = s, cand_n = n, votes = 1;
		else if (n == cand_n && memcmp(s, cand, n) == 0)
			votes++;
		else
			votes--;
	}
	if (!cand)
		return NULL;
	size_t count = 0;
	for (size_t r = 0; r < t->nrows; r++) {
		size_t n;
		const char *s = table_role(t, r, role, &n);
		count += n == cand_n && memcmp(s, cand, n) == 0;
	}
	return count * 2 > with ? xstrndup(cand, cand_n) : NULL;
}

void
table_warn(struct table *t, uint32_t line, const char *fmt, ...)
{
	t->nwarn_total++;
	if (t->nwarn >= TABLE_MAX_WARNINGS)
		return;
	char buf[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	xgrow((void **)&t->warn, &t->warn_cap, t->nwarn + 1, sizeof *t->warn);
	t->warn[t->nwarn].line = line;
	t->warn[t->nwarn].msg = xstrdup(buf);
	t->nwarn++;
}
