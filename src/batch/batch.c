/* SPDX-License-Identifier: MIT
 * batch: --list, --filter and --check on top of the filter and output. */
#include "batch.h"

#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "../core/filter.h"
#include "../core/i18n.h"
#include "../core/util.h"

#define SHOWN_WARNINGS 5

void
batch_warnings(const struct table *t, FILE *err)
{
	for (size_t i = 0; i < t->nwarn && i < SHOWN_WARNINGS; i++) {
		fputs("centres: ", err);
		/* TRANSLATORS: FILE:LINE: warning: REASON. */
		fprintf(err, _("%s:%u: warning: %s"), t->source, t->warn[i].line, t->warn[i].msg);
		fputc('\n', err);
	}
	if (t->nwarn_total > SHOWN_WARNINGS) {
		size_t more = t->nwarn_total - SHOWN_WARNINGS;
		fputs("centres: ", err);
		fprintf(err, P_("%s: %zu more warning (see centres --check)",
		    "%s: %zu more warnings (see centres --check)", more), t->source, more);
		fputc('\n', err);
	}
}

int
batch_text_width(FILE *out)
{
	int fd = fileno(out);
	if (fd < 0 || !isatty(fd))
		return 0;
	struct winsize ws;
	if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	const char *c = getenv("COLUMNS");
	long n = c ? strtol(c, NULL, 10) : 0;
	return n > 0 && n < 10000 ? (int)n : 80;
}

int
batch_list(const struct directory *d, const char *query, enum sort_key order, enum format format,
    unsigned flags, FILE *out, FILE *err)
{
	const struct table *t = &d->t;
	if (*t->notice) {
		fputs("centres: ", err);
		fprintf(err, C_("error", "%s: %s"), t->source, t->notice);
		fputc('\n', err);
	}
	batch_warnings(t, err);
	struct filter f;
	filter_init(&f);
	filter_set(&f, t, query ? query : "");
	/* What was found goes to out; the rows a "no centre covers" note
	 * offers are not what was asked for: they follow the note on err. */
	uint32_t *found = xmalloc((f.n ? f.n : 1) * sizeof *found);
	uint32_t *nearby = xmalloc((f.n ? f.n : 1) * sizeof *nearby);
	size_t nf = 0, nn = 0;
	for (size_t i = 0; i < f.n; i++) {
		if (f.hit[f.rows[i]] & (FILTER_TEXT | FILTER_PLACE))
			found[nf++] = f.rows[i];
		else
			nearby[nn++] = f.rows[i];
	}
	if (order != SORT_FILE) {
		struct sort s;
		sort_init(&s);
		sort_rows(&s, t, order, found, nf);
		sort_rows(&s, t, order, nearby, nn);
		sort_free(&s);
	}
	if (f.place_note) {
		fflush(out);
		fprintf(err, "centres: %s\n", f.place_note);
		output_rows(err, t, nearby, nn, FORMAT_TEXT, 0, batch_text_width(err));
	}
	output_rows_via(out, t, found, nf, format, flags,
	    format == FORMAT_TEXT ? batch_text_width(out) : 0, f.via);
	/* A header and no row is a valid directory, empty: listing it finds
	 * all there is. */
	int rc = nf || (!f.active && t->nrows == 0) ? 0 : 1;
	free(found);
	free(nearby);
	filter_free(&f);
	return rc;
}

int
batch_check(const struct directory *d, FILE *out)
{
	output_check(out, &d->t);
	return d->t.nwarn_total ? 1 : 0;
}
