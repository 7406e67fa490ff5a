/* SPDX-License-Identifier: MIT
 * table: rows and fields in arenas, warnings, role look-ups. */
#include "table.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

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
	for (size_t i = 0; i < t->ncols; i++) {
		free(t->cols[i].name);
		free(t->cols[i].key);
	}
	free(t->cols);
	for (size_t i = 0; i < t->nretired; i++)
		free(t->retired[i]);
	free(t->retired);
	if (t->stable)
		munmap(t->rows, t->rows_cap * sizeof *t->rows);
	else
		free(t->rows);
	for (size_t i = 0; i < t->nwarn; i++)
		free(t->warn[i].msg);
	free(t->warn);
	arena_free(&t->text);
	arena_free(&t->fold);
	free(t->source);
	free(t->common_status);
	memset(t, 0, sizeof *t);
}

int
table_stable(struct table *t, size_t max_rows, size_t text, size_t fold)
{
	if (t->rows || t->text.base || t->fold.base || !max_rows)
		return -1;
	size_t bytes = max_rows * sizeof *t->rows;
	void *rows = mmap(NULL, bytes, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (rows == MAP_FAILED)
		return -1;
	if (arena_map(&t->text, text) < 0 || arena_map(&t->fold, fold) < 0) {
		arena_free(&t->text);
		munmap(rows, bytes);
		return -1;
	}
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
	if (!t->stable)
		xgrow((void **)&t->rows, &t->rows_cap, t->nrows + 1, sizeof *t->rows);
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

const char *
table_field(const struct table *t, size_t r, size_t col, size_t *len)
{
	const struct row *row = &t->rows[r];
	if (col >= row->nfields) {
		if (len)
			*len = 0;
		return "";
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
