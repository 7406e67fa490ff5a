/* SPDX-License-Identifier: MIT
 * stream: the two passes. The first reads the file a MiB at a time into
 * one buffer, has core/scan find the records and check them, and keeps,
 * as ranges of the file, the records whose skeleton holds the query's
 * needles; nothing is printed before the whole file has passed, so that an
 * error anywhere (or anything the fast path does not take) still leaves
 * the full path its say. Then the warnings, and the second pass: the kept
 * ranges are read again a MiB at a time, behind the file's header (with
 * the "colonne N" columns longer rows add, so that every piece has the
 * whole table's columns), loaded by csvload_buffer(), matched with
 * query_match() and written by output_rows_via(), two pieces at a time on
 * two cores, their output joined in the file's order; CSV and TSV without
 * their header line but once, JSON joined into one array. Text lines up
 * its columns over every row listed: its kept records are loaded as one
 * piece. */
#define _GNU_SOURCE
#include "stream.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../core/filter.h"
#include "../core/i18n.h"
#include "../core/scan.h"
#include "../core/table.h"
#include "../core/text.h"
#include "../core/util.h"
#include "batch.h"
#include "progress.h"

#define PIECE ((size_t)1 << 20)	/* bytes read at a time, and in a piece loaded */
#define GAP 4096		/* bytes between two ranges read rather than skipped */
#define SHOWN_RAGGED 5		/* batch_warnings() shows 5 warnings at most */
/* Larger files take the full path: line and row counts then stay far from
 * the loader's 32-bit limits, whose messages the stream does not make. */
#define STREAM_MAX_SIZE ((uint64_t)1 << 31)

struct range {
	uint64_t start, end;	/* bytes of the file: whole records and what is between */
};

struct ragged {
	uint64_t start, end;
	uint32_t line;
};

struct stream {
	int fd;
	const char *path;
	struct table hdr;	/* the header alone, loaded from the file's start */
	struct arena head;	/* the header record's bytes */
	size_t header_fields, ncols, nrows;
	struct query q;		/* parsed against hdr: the needles */
	struct needles nd;
	struct range *r;
	size_t nr, rcap;
	bool last_kept;		/* the record before was kept */
	struct ragged rag[SHOWN_RAGGED];
	size_t nragged;
	struct err e;
};

/* Reads up to n bytes at off; the count, or -1 with errno set. */
static ssize_t
read_at(int fd, char *buf, size_t n, uint64_t off)
{
	size_t got = 0;
	while (got < n) {
		ssize_t k = pread(fd, buf + got, n - got, (off_t)(off + got));
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return -1;
		if (k == 0)
			break;
		got += (size_t)k;
	}
	return (ssize_t)got;
}

/* Where the header line ends, as the loader's delimiter detection reads it
 * (the first line break outside quotes after the blank lines, every quote
 * turning quoting on or off): its offset in s, or n when not in s[0..n). */
static size_t
header_end(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && (s[i] == '\n' || s[i] == '\r'))
		i++;
	bool quoted = false;
	for (; i < n; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (!quoted && (s[i] == '\n' || s[i] == '\r'))
			return i;
	}
	return n;
}

/* Whether the query may name a column that only longer rows add
 * ("colonne 13:..."): the header alone cannot tell. */
static bool
names_added_column(const char *query)
{
	char *f = text_fold_str(query);
	bool yes = strstr(f, "colonne") != NULL;
	free(f);
	return yes;
}

/* Keeps a record of the file: to the last range when the record before
 * was kept too (and the range stays under a piece). */
static void
keep(struct stream *S, uint64_t start, uint64_t end)
{
	if (S->last_kept && S->nr && end - S->r[S->nr - 1].start <= PIECE) {
		S->r[S->nr - 1].end = end;
		return;
	}
	xgrow((void **)&S->r, &S->rcap, S->nr + 1, sizeof *S->r);
	S->r[S->nr++] = (struct range){start, end};
	S->last_kept = true;
}

/* Whether the machine has a second core for the stream's work. */
static bool
two_cores(void)
{
	static long cores;
	if (!cores)
		cores = sysconf(_SC_NPROCESSORS_ONLN);
	return cores > 1;
}

/* A share of a piece's records for prefilter(): records [from, to) of
 * recs, whose text starts at s; its skeletons and where each begins. */
struct share {
	const struct stream *S;
	const char *s;
	const struct scan_recs *recs;
	size_t from, to;
	bool *kept;
	struct arena skel;
	size_t *at, at_cap;
	bool clean;
	pthread_t tid;
	bool started;
};

static void *
prefilter_share(void *arg)
{
	struct share *sh = arg;
	const struct needles *nd = &sh->S->nd;
	const struct scan_rec *rec = sh->recs->r + sh->from;
	const char *s = sh->s;
	size_t n = sh->to - sh->from;
	bool *kept = sh->kept + sh->from;
	bool clean = true;
	if (!nd->n) {
		for (size_t i = 0; i < n; i++) {
			kept[i] = true;
			clean &= scan_clean(s + rec[i].start, rec[i].end - rec[i].start);
		}
		sh->clean = clean;
		return NULL;
	}
	xgrow((void **)&sh->at, &sh->at_cap, n + 1, sizeof *sh->at);
	size_t *sk = sh->at;
	struct arena *skel = &sh->skel;
	skel->len = 0;
	for (size_t i = 0; i < n; i++) {
		sk[i] = skel->len;
		kept[i] = false;
		clean &= scan_skeleton(skel, s + rec[i].start, rec[i].end - rec[i].start);
		arena_putc(skel, '\n');	/* no needle spans two records */
	}
	sk[n] = skel->len;
	const struct needle_term *lead = &nd->term[nd->lead];
	for (int a = 0; a < 2 && lead->alt[a]; a++) {
		size_t r = 0;
		const char *base = skel->base, *p = base, *end = base + skel->len;
		while (p < end && (p = memmem(p, (size_t)(end - p), lead->alt[a], lead->len[a]))) {
			size_t off = (size_t)(p - base);
			while (sk[r + 1] <= off)
				r++;
			if (!kept[r])
				kept[r] = scan_needles_in(nd, base + sk[r], sk[r + 1] - sk[r] - 1, nd->lead);
			p = base + sk[r + 1];
		}
	}
	sh->clean = clean;
	return NULL;
}

/* Records in a piece beyond which its second half is prefiltered on
 * another core. */
#define SHARE_MIN 1024

/* Which of the piece's records (recs, whose text starts at s) may match:
 * marks kept[i], the second half of a large piece in a thread of its own
 * (sh[1]; sh[0] here). Returns whether their text is clean
 * (scan_skeleton). */
static bool
prefilter(const struct stream *S, const char *s, const struct scan_recs *recs, bool *kept,
    struct share sh[2])
{
	size_t half = two_cores() && recs->n >= SHARE_MIN ? recs->n / 2 : recs->n;
	for (int i = 0; i < 2; i++) {
		sh[i].S = S, sh[i].s = s, sh[i].recs = recs, sh[i].kept = kept;
		sh[i].from = i ? half : 0;
		sh[i].to = i ? recs->n : half;
		sh[i].clean = true;
		sh[i].started = false;
	}
	if (half < recs->n)
		sh[1].started = pthread_create(&sh[1].tid, NULL, prefilter_share, &sh[1]) == 0;
	prefilter_share(&sh[0]);
	if (sh[1].started)
		pthread_join(sh[1].tid, NULL);
	else if (half < recs->n)
		prefilter_share(&sh[1]);	/* no thread to be had: here */
	return sh[0].clean && sh[1].clean;
}

/* The first pass. Returns 0, or STREAM_FULL_PATH. */
static int
first_pass(struct stream *S, const struct load_opts *o, const char *query, uint64_t size)
{
	size_t cap = PIECE, have = 0, pos = 0;
	char *buf = xmalloc(cap);
	uint64_t base = 0;	/* the file's offset of buf[0] */
	bool eof = false, header = true;
	uint32_t line = 1;
	struct scan_recs recs = {0};
	struct share sh[2];
	memset(sh, 0, sizeof sh);
	bool *kept = NULL;
	size_t kept_cap = 0;
	int rc = STREAM_FULL_PATH;
	size_t next_report = PIECE;
	for (;;) {
		/* Fill the buffer after what is left of the last piece. */
		if (!eof) {
			if (pos) {
				memmove(buf, buf + pos, have - pos);
				base += pos, have -= pos, pos = 0;
			}
			if (have == cap)
				buf = xrealloc(buf, cap *= 2);
			while (have < cap) {
				ssize_t k = read(S->fd, buf + have, cap - have);
				if (k < 0 && errno == EINTR)
					continue;
				if (k < 0)
					goto out;
				if (k == 0) {
					eof = true;
					break;
				}
				have += (size_t)k;
			}
			if (base + have > size || base + have > STREAM_MAX_SIZE)
				goto out;	/* it grew: the full path says what it is */
		}
		if (header) {
			/* The header alone, loaded by the loader: its columns, the
			 * delimiter it detects, its warnings. */
			if (base == 0 && have >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
				pos = 3;
			size_t e = pos + header_end(buf + pos, have - pos);
			if (e == have && !eof)
				continue;	/* not in the buffer yet */
			if (e < have)
				e++;	/* with its line break */
			struct load_opts ho = *o;
			ho.progress = NULL;
			if (csvload_buffer(&S->hdr, buf, e, &ho, &S->e) < 0)
				goto out;
			query_parse(&S->hdr, query ? query : "", &S->q);
			/* The places a query names need the whole table, and so
			 * do the columns longer rows add. */
			bool places = S->hdr.role_col[ROLE_COVERAGE] >= 0 ||
			    S->hdr.role_col[ROLE_POSTCODE] >= 0;
			bool field_term = false;
			for (size_t i = 0; i < S->q.n; i++)
				field_term |= S->q.terms[i].cols != NULL;
			if ((places && S->q.n && !field_term) || (query && names_added_column(query)))
				goto out;
			scan_needles(&S->q, &S->nd);
			header = false;
		}
		size_t done;
		recs.n = 0;
		enum scan_status st = scan_records(buf + pos, have - pos, eof, S->hdr.delimiter, &line,
		    &done, &recs);
		if (st != SCAN_OK)
			goto out;
		xgrow((void **)&kept, &kept_cap, recs.n + 1, sizeof *kept);
		size_t first = 0;
		if (recs.n && !S->header_fields) {
			/* The header: where the loader found it, as it found it. */
			const struct scan_rec *h = &recs.r[0];
			if (h->line != S->hdr.header_line || h->nfields != S->hdr.ncols ||
			    h->literal_quote)
				goto out;
			/* A U+FEFF that starts the header after blank lines is a
			 * character of its first name; at the start of a piece the
			 * loader would take it for a byte order mark. */
			if (h->end - h->start >= 3 && memcmp(buf + pos + h->start, "\xEF\xBB\xBF", 3) == 0)
				goto out;
			arena_append(&S->head, buf + pos + h->start, h->end - h->start);
			S->header_fields = S->ncols = h->nfields;
			first = 1;
		}
		if (!prefilter(S, buf + pos, &recs, kept, sh))
			goto out;	/* the loader decodes it or replaces some of it */
		for (size_t i = first; i < recs.n; i++) {
			const struct scan_rec *r = &recs.r[i];
			uint64_t start = base + pos + r->start, end = base + pos + r->end;
			if (!r->content) {	/* dropped by the loader */
				continue;
			}
			S->nrows++;
			if (r->nfields != S->header_fields) {
				if (S->nragged < SHOWN_RAGGED)
					S->rag[S->nragged] = (struct ragged){start, end, r->line};
				S->nragged++;
				if (r->nfields > S->ncols)
					S->ncols = r->nfields;
			}
			if (kept[i])
				keep(S, start, end);
			else
				S->last_kept = false;
		}
		pos += done;
		if (o->progress && base + pos >= next_report) {
			o->progress(o->progress_ctx, base + pos, size, S->nrows);
			next_report = base + pos + PIECE;
		}
		if (eof)
			break;
	}
	if (!S->header_fields)
		goto out;
	rc = 0;
out:
	free(buf);
	free(recs.r);
	for (int i = 0; i < 2; i++) {
		arena_free(&sh[i].skel);
		free(sh[i].at);
	}
	free(kept);
	return rc;
}

/* The text the second pass puts before each piece: the header record, and
 * the columns longer rows add, named as the loader names them. */
static void
piece_header(const struct stream *S, struct arena *a)
{
	a->len = 0;
	arena_append(a, S->head.base ? S->head.base : "", S->head.len);
	for (size_t c = S->header_fields; c < S->ncols; c++) {
		char name[48];
		int k = snprintf(name, sizeof name, "%c\"colonne %zu\"", S->hdr.delimiter, c + 1);
		arena_append(a, name, (size_t)k);
	}
	arena_putc(a, '\n');
}

/* Loads a[0..len) (a piece) into t; 0, or -1 with e set. */
static int
load_piece(const struct stream *S, struct table *t, const struct arena *a, struct err *e)
{
	struct load_opts po = {.delimiter = S->hdr.delimiter};
	table_init(t, S->path);
	if (csvload_buffer(t, a->base, a->len, &po, e) == 0 && t->ncols == S->ncols)
		return 0;
	/* What the first pass read is no longer there. */
	err_at(e, t->source, 0, "%s", _("the file changed while it was read"));
	return -1;
}

/* The warnings the loader would have: the header's, then a row of another
 * length than the header's, each, in order. */
static void
warnings(struct stream *S, FILE *err)
{
	struct table *w = &S->hdr;
	struct arena a = {0};
	for (size_t i = 0; i < S->nragged && i < SHOWN_RAGGED; i++) {
		/* The loader's own words for that row, from the header and the
		 * row alone. */
		a.len = 0;	/* without the added columns: they are the row's */
		arena_append(&a, S->head.base, S->head.len);
		arena_putc(&a, '\n');
		char *p = arena_reserve(&a, S->rag[i].end - S->rag[i].start);
		ssize_t k = read_at(S->fd, p, S->rag[i].end - S->rag[i].start, S->rag[i].start);
		struct table t;
		struct load_opts po = {.delimiter = S->hdr.delimiter};
		table_init(&t, S->path);
		if (k == (ssize_t)(S->rag[i].end - S->rag[i].start)) {
			arena_commit(&a, (size_t)k);
			arena_putc(&a, '\n');
			struct err e;
			if (csvload_buffer(&t, a.base, a.len, &po, &e) == 0 && t.nwarn)
				table_warn(w, S->rag[i].line, "%s", t.warn[t.nwarn - 1].msg);
		}
		table_free(&t);
	}
	if (S->nragged > SHOWN_RAGGED)
		w->nwarn_total += S->nragged - SHOWN_RAGGED;
	arena_free(&a);
	batch_warnings(w, err);
}

/* A piece of the second pass: the kept ranges [from, to) of the file, read
 * and loaded behind the header, the rows the query matches written in the
 * format, to out (text) or into buf (the others: joined in order after).
 * Pieces after the first are worked on in threads of their own. */
struct piece {
	const struct stream *S;
	const char *query;
	enum format f;
	unsigned flags;
	FILE *out;		/* text only */
	size_t from, to;
	struct arena a;		/* the piece's text; kept from piece to piece */
	char *win;		/* what one read of the file brings */
	size_t win_cap;
	uint32_t *rows;		/* of the piece, matching */
	size_t rows_cap;
	char *buf;		/* what it writes (not text) */
	size_t len, found;
	int rc;			/* 0, or -1 with e set */
	struct err e;
	pthread_t tid;
	bool started;
};

/* Where a piece that starts at kept range i ends: at the range that takes
 * its text to PIECE bytes (text: the last, all the rows are lined up). */
static size_t
piece_end(const struct stream *S, size_t i, enum format f)
{
	size_t len = 0;
	for (; i < S->nr && (f == FORMAT_TEXT || len < PIECE); i++)
		len += (size_t)(S->r[i].end - S->r[i].start) + 1;
	return i;
}

static void *
work_piece(void *arg)
{
	struct piece *P = arg;
	const struct stream *S = P->S;
	struct arena *a = &P->a;
	P->rc = -1;
	P->found = 0;
	piece_header(S, a);
	for (size_t i = P->from; i < P->to;) {
		/* One read for the ranges less than GAP apart within a MiB of
		 * the file (or one range), what lies between them read and left. */
		size_t i0 = i, j = i + 1;
		while (j < P->to && S->r[j].end - S->r[i].start <= PIECE &&
		    S->r[j].start - S->r[j - 1].end <= GAP)
			j++;
		size_t span = (size_t)(S->r[j - 1].end - S->r[i].start);
		xgrow((void **)&P->win, &P->win_cap, span + 1, 1);
		if (read_at(S->fd, P->win, span, S->r[i].start) != (ssize_t)span) {
			err_at(&P->e, S->hdr.source, 0, "%s", _("the file changed while it was read"));
			return NULL;
		}
		for (; i < j; i++) {
			size_t n = (size_t)(S->r[i].end - S->r[i].start);
			arena_append(a, P->win + (S->r[i].start - S->r[i0].start), n);
			arena_putc(a, '\n');
		}
	}
	struct table t;
	if (load_piece(S, &t, a, &P->e) < 0) {
		table_free(&t);
		return NULL;
	}
	struct query q;
	query_parse(&t, P->query ? P->query : "", &q);
	xgrow((void **)&P->rows, &P->rows_cap, t.nrows + 1, sizeof *P->rows);
	size_t n = 0;
	for (size_t r = 0; r < t.nrows; r++)
		if (query_match(&t, &q, r))
			P->rows[n++] = (uint32_t)r;
	query_free(&q);
	P->found = n;
	if (P->f == FORMAT_TEXT) {
		output_rows_via(P->out, &t, P->rows, n, P->f, P->flags, batch_text_width(P->out), NULL);
	} else if (n) {
		FILE *m = open_memstream(&P->buf, &P->len);
		if (!m)
			die("%s", _("out of memory"));
		__fsetlocking(m, FSETLOCKING_BYCALLER);	/* only this thread writes to it */
		output_rows_via(m, &t, P->rows, n, P->f, P->flags, 0, NULL);
		if (fclose(m) != 0)
			die("%s", _("out of memory"));
	}
	table_free(&t);
	P->rc = 0;
	return NULL;
}

/* Writes what piece P wrote, as part of the whole output: CSV and TSV
 * after their header line (hlen bytes), JSON inside the one array (*any:
 * a row was written before). */
static void
put_piece(FILE *out, struct piece *P, size_t hlen, bool *any)
{
	if (P->f == FORMAT_TEXT || !P->found)
		return;
	const char *buf = P->buf;
	size_t len = P->len;
	if (P->f == FORMAT_JSON) {
		/* "[" ROW ("," ROW)... "\n]\n": the rows, after a "," if some
		 * came before. */
		if (len < 4 || buf[0] != '[' || memcmp(buf + len - 3, "\n]\n", 3) != 0)
			die("%s", NT_("JSON output: not an array"));
		if (*any)
			fputc(',', out);
		fwrite(buf + 1, 1, len - 4, out);
	} else {
		fwrite(buf + hlen, 1, len - hlen, out);
	}
	*any = true;
	free(P->buf);
	P->buf = NULL;
}

/* Pieces worked on at once: one a core, two at the most (the kept rows of
 * two pieces in memory, their output too). */
#define PIECES_AT_ONCE 2

/* The second pass. Returns the exit status. */
static int
second_pass(struct stream *S, const char *query, enum format f, unsigned flags, FILE *out,
    FILE *err)
{
	struct piece P[PIECES_AT_ONCE];
	memset(P, 0, sizeof P);
	struct table t;
	struct err e;
	int rc = 2;
	/* The header line of CSV and TSV, JSON's opening: what zero rows give. */
	piece_header(S, &P[0].a);
	if (load_piece(S, &t, &P[0].a, &e) < 0) {
		table_free(&t);
		goto fail;
	}
	size_t hlen = 0;
	if (f == FORMAT_CSV || f == FORMAT_TSV) {
		char *h = NULL;
		FILE *m = open_memstream(&h, &hlen);
		if (!m)
			die("%s", _("out of memory"));
		output_rows_via(m, &t, NULL, 0, f, flags, 0, NULL);
		fclose(m);
		fwrite(h, 1, hlen, out);
		free(h);
	} else if (f == FORMAT_JSON) {
		fputc('[', out);
	}
	table_free(&t);
	size_t at_once = f == FORMAT_TEXT || !two_cores() ? 1 : PIECES_AT_ONCE;
	size_t found = 0;
	bool any = false;
	for (size_t i = 0; i < S->nr;) {
		size_t k = 0;
		for (; k < at_once && i < S->nr; k++) {
			P[k] = (struct piece){.S = S, .query = query, .f = f, .flags = flags, .out = out,
			    .from = i, .to = piece_end(S, i, f), .a = P[k].a, .win = P[k].win,
			    .win_cap = P[k].win_cap, .rows = P[k].rows, .rows_cap = P[k].rows_cap};
			i = P[k].to;
			if (k)
				P[k].started = pthread_create(&P[k].tid, NULL, work_piece, &P[k]) == 0;
		}
		work_piece(&P[0]);
		for (size_t w = 1; w < k; w++) {
			if (P[w].started)
				pthread_join(P[w].tid, NULL);
			else
				work_piece(&P[w]);	/* no thread to be had: here */
		}
		/* In the file's order; the first error is the one told. */
		for (size_t w = 0; w < k; w++) {
			if (P[w].rc < 0) {
				e = P[w].e;
				for (; w < k; w++)
					free(P[w].buf);
				goto fail;
			}
			put_piece(out, &P[w], hlen, &any);
			found += P[w].found;
		}
		if (ferror(out))
			break;	/* main says so */
	}
	if (f == FORMAT_JSON)
		fputs(any ? "\n]\n" : "]\n", out);
	rc = found || (!S->q.n && S->nrows == 0) ? 0 : 1;
	/* A header and no row is a valid directory, empty: listing it finds
	 * all there is. */
	goto out;
fail:
	fflush(out);
	char msg[1024];
	fprintf(err, "centres: %s\n", err_text(&e, msg, sizeof msg));
out:
	for (size_t w = 0; w < PIECES_AT_ONCE; w++) {
		arena_free(&P[w].a);
		free(P[w].rows);
		free(P[w].win);
	}
	return rc;
}

int
stream_list(const char *path, const struct load_opts *o, const char *query, enum format f,
    unsigned flags, FILE *out, FILE *err)
{
	const char *no = getenv("CENTRES_NO_STREAM");
	if (!path || (no && *no) || o->encoding)
		return STREAM_FULL_PATH;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return STREAM_FULL_PATH;
	struct stat st;
	uint64_t max = o->max_size ? o->max_size : CSVLOAD_MAX_SIZE;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size == 0 ||
	    (uint64_t)st.st_size > max || (uint64_t)st.st_size > STREAM_MAX_SIZE) {
		close(fd);
		return STREAM_FULL_PATH;
	}
	struct stream S = {.fd = fd, .path = path};
	table_init(&S.hdr, path);
	struct load_opts lo = *o;
	struct progress pr = {0};
	progress_start(&pr, path, &lo);
	int rc = first_pass(&S, &lo, query, (uint64_t)st.st_size);
	progress_end(&pr, &lo);
	if (rc == 0) {
		warnings(&S, err);
		rc = second_pass(&S, query, f, flags, out, err);
	}
	close(fd);
	table_free(&S.hdr);
	arena_free(&S.head);
	query_free(&S.q);
	scan_needles_free(&S.nd);
	free(S.r);
	return rc;
}
