/* SPDX-License-Identifier: MIT
 * rowparse: libcsv set up as the load reads a directory; one row read again. */
#include "rowparse.h"

#include "i18n.h"
#include "util.h"

static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

void
rowparse_init(struct csv_parser *p, char delim)
{
	if (csv_init(p, CSV_APPEND_NULL) != 0)
		die("%s", _("out of memory (CSV parser)"));
	csv_set_delim(p, (unsigned char)delim);
	csv_set_space_func(p, no_space);
	csv_set_realloc_func(p, xrealloc);
}

bool
rowparse_feed(struct csv_parser *p, const char *s, size_t n,
    void (*field)(void *, size_t, void *), void (*row)(int, void *), void *data)
{
	/* libcsv grows a field's buffer by blk_size bytes at a time (128 by
	 * default), which copies a field of megabytes over and over where
	 * realloc cannot grow in place: long text in pieces, blk_size kept up
	 * with the buffer, so that it doubles instead. */
	for (size_t k = 0, m; k < n; k += m) {
		m = n - k < 65536 ? n - k : 65536;
		csv_set_blk_size(p, p->entry_size > 128 ? p->entry_size : 128);
		if (csv_parse(p, s + k, m, field, row, data) != m)
			return false;
	}
	return true;
}

/* The fields of one row read again. */
struct reread {
	struct arena *text;
	uint32_t **ends;
	size_t *ends_cap;
	uint32_t nfields;
	size_t rows;
	bool extra;	/* a field after the row: not the row it was */
};

static void
reread_field(void *s, size_t len, void *data)
{
	struct reread *R = data;
	if (R->rows) {
		R->extra = true;
		return;
	}
	if (!s)
		len = 0;	/* as the load's on_field() */
	arena_append(R->text, s, len);
	xgrow((void **)R->ends, R->ends_cap, (size_t)R->nfields + 1, sizeof **R->ends);
	(*R->ends)[R->nfields++] = (uint32_t)R->text->len;
	arena_putc(R->text, '\0');
}

static void
reread_row(int c, void *data)
{
	(void)c;
	((struct reread *)data)->rows++;
}

bool
rowparse_one(struct csv_parser *p, const char *s, size_t n, struct arena *text,
    uint32_t **ends, size_t *ends_cap, uint32_t *nfields)
{
	struct reread R = {text, ends, ends_cap, 0, 0, false};
	bool ok = rowparse_feed(p, s, n, reread_field, reread_row, &R);
	/* Also what makes p ready for another row (libcsv: csv_fini()). */
	ok = csv_fini(p, reread_field, reread_row, &R) == 0 && ok;
	*nfields = R.nfields;
	return ok && R.rows == 1 && !R.extra;
}
