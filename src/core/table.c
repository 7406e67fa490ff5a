/* SPDX-License-Identifier: MIT
 * table: rows and fields in arenas, warnings, role look-ups. */
#include "table.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "util.h"

void
table_init(struct table *t, const char *source)
{
	memset(t, 0, sizeof *t);
	t->source = decode_safe_str(source);
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
	free(t->rows);
	for (size_t i = 0; i < t->nwarn; i++)
		free(t->warn[i].msg);
	free(t->warn);
	arena_free(&t->text);
	arena_free(&t->fold);
	free(t->source);
	memset(t, 0, sizeof *t);
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
	const char *p = arena_at(&t->text, row->text);
	for (size_t i = 0; i < col; i++)
		p += strlen(p) + 1;
	if (len)
		*len = strlen(p);
	return p;
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

const char *
table_territory(const struct table *t, size_t r, size_t *len)
{
	size_t n;
	const char *s = table_role(t, r, ROLE_TERRITORY_2017, &n);
	if (n == 0)
		s = table_role(t, r, ROLE_TERRITORY, &n);
	if (len)
		*len = n;
	return s;
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
