/* SPDX-License-Identifier: MIT
 * filter: query parsing, row matching over the folded text, narrowing, and
 * match positions for highlighting. */
#define _GNU_SOURCE
#include "filter.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "text.h"
#include "util.h"

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool
is_phone_sep(char c)
{
	return c == ' ' || c == '.' || c == '-';
}

/* Adds one term from raw[0..n) (quotes already removed). */
static void
add_term(struct query *q, const struct table *t, const char *raw, size_t n, size_t colon)
{
	struct term tm = {0};
	const char *value = raw;
	size_t vlen = n;
	if (colon < n && t && t->ncols) {
		char *prefix = strndup(raw, colon);
		uint32_t *cols = xmalloc(t->ncols * sizeof *cols);
		size_t k = table_columns_named(t, prefix, cols, t->ncols);
		free(prefix);
		if (k) {
			tm.cols = cols, tm.ncols = k;
			value = raw + colon + 1, vlen = n - colon - 1;
		} else {
			free(cols);
		}
	}
	char *v = strndup(value, vlen);
	if (!v)
		die("out of memory");
	tm.text = text_fold_str(v);
	free(v);
	tm.len = strlen(tm.text);
	/* Digits with phone separators only: match whatever the spacing. */
	size_t digits = 0, other = 0;
	for (size_t i = 0; i < tm.len; i++)
		digits += is_digit(tm.text[i]), other += !is_digit(tm.text[i]) && !is_phone_sep(tm.text[i]);
	if (digits >= 2 && other == 0) {
		size_t j = 0;
		for (size_t i = 0; i < tm.len; i++)
			if (is_digit(tm.text[i]))
				tm.text[j++] = tm.text[i];
		tm.text[j] = '\0';
		tm.len = j;
		tm.digits = true;
	}
	if (tm.len == 0) {	/* "nom:" while typing: no constraint yet */
		free(tm.text);
		free(tm.cols);
		return;
	}
	q->terms = xrealloc(q->terms, (q->n + 1) * sizeof *q->terms);
	q->terms[q->n++] = tm;
}

void
query_parse(const struct table *t, const char *s, struct query *q)
{
	memset(q, 0, sizeof *q);
	size_t n = strlen(s);
	char *buf = xmalloc(n + 1);
	size_t i = 0;
	while (i < n) {
		while (i < n && is_space(s[i]))
			i++;
		if (i >= n)
			break;
		/* One token: runs to a space outside quotes; quotes are dropped. */
		size_t len = 0, colon = (size_t)-1;
		bool quoted = false, saw_quote = false;
		while (i < n && (quoted || !is_space(s[i]))) {
			if (s[i] == '"') {
				quoted = !quoted, saw_quote = true;
			} else {
				if (s[i] == ':' && !saw_quote && colon == (size_t)-1)
					colon = len;
				buf[len++] = s[i];
			}
			i++;
		}
		add_term(q, t, buf, len, colon);
	}
	free(buf);
}

void
query_free(struct query *q)
{
	for (size_t i = 0; i < q->n; i++) {
		free(q->terms[i].text);
		free(q->terms[i].cols);
	}
	free(q->terms);
	memset(q, 0, sizeof *q);
}

/* Finds digits d[0..dn) in h[0..n), allowing phone separators between
 * digits; returns the start or NULL, *mlen the matched length. */
static const char *
find_digits(const char *h, size_t n, const char *d, size_t dn, size_t *mlen)
{
	const char *p = h, *end = h + n;
	while ((p = memchr(p, d[0], (size_t)(end - p))) != NULL) {
		const char *k = p + 1;
		size_t j = 1;
		while (j < dn && k < end) {
			if (*k == d[j])
				j++, k++;
			else if (is_phone_sep(*k) && is_digit(k[-1]))
				k++;
			else
				break;
		}
		if (j == dn) {
			*mlen = (size_t)(k - p);
			return p;
		}
		p++;
	}
	return NULL;
}

static const char *
term_find(const struct term *tm, const char *h, size_t n, size_t *mlen)
{
	if (tm->digits)
		return find_digits(h, n, tm->text, tm->len, mlen);
	*mlen = tm->len;
	return memmem(h, n, tm->text, tm->len);
}

static bool
term_has_col(const struct term *tm, size_t col)
{
	if (!tm->cols)
		return true;
	for (size_t i = 0; i < tm->ncols; i++)
		if (tm->cols[i] == col)
			return true;
	return false;
}

static bool
term_match(const struct table *t, const struct term *tm, size_t r)
{
	const struct row *row = &t->rows[r];
	const char *h = arena_at(&t->fold, row->fold);
	size_t n = row->fold_len, mlen;
	if (!tm->cols)
		return term_find(tm, h, n, &mlen) != NULL;
	const char *end = h + n;
	for (size_t col = 0; h < end; col++) {
		const char *nl = memchr(h, '\n', (size_t)(end - h));
		if (!nl)
			nl = end;
		if (term_has_col(tm, col) && term_find(tm, h, (size_t)(nl - h), &mlen))
			return true;
		h = nl + 1;
	}
	return false;
}

bool
query_match(const struct table *t, const struct query *q, size_t r)
{
	for (size_t i = 0; i < q->n; i++)
		if (!term_match(t, &q->terms[i], r))
			return false;
	return true;
}

size_t
query_reach(const struct query *q)
{
	size_t longest = 0;
	for (size_t i = 0; i < q->n; i++)
		if (q->terms[i].len > longest)
			longest = q->terms[i].len;
	return 4 * longest + 16;
}

/* Whether a match of term a implies a match of term b. */
static bool
term_implies(const struct term *a, const struct term *b)
{
	if (b->cols) {
		if (!a->cols)
			return false;
		for (size_t i = 0; i < a->ncols; i++)
			if (!term_has_col(b, a->cols[i]))
				return false;
	}
	if (a->digits && !b->digits)
		return false;
	return strstr(a->text, b->text) != NULL;
}

bool
query_implies(const struct query *narrow, const struct query *wide)
{
	for (size_t i = 0; i < wide->n; i++) {
		bool found = false;
		for (size_t j = 0; j < narrow->n && !found; j++)
			found = term_implies(&narrow->terms[j], &wide->terms[i]);
		if (!found)
			return false;
	}
	return true;
}

/* One share of a scan: candidates [from, to) (rows, or indexes into cand). */
struct job {
	const struct table *t;
	const struct query *q;
	const uint32_t *cand;
	size_t from, to;
	uint8_t *hit;
	uint32_t *out;	/* matching rows, in order */
	size_t n;
};

static void *
run_job(void *arg)
{
	struct job *j = arg;
	for (size_t i = j->from; i < j->to; i++) {
		uint32_t r = j->cand ? j->cand[i] : (uint32_t)i;
		bool m = query_match(j->t, j->q, r);
		j->hit[r] = m;
		if (m)
			j->out[j->n++] = r;
	}
	return NULL;
}

/* Below this many candidates one thread is faster than starting others. */
#define PARALLEL_MIN 32768
#define MAX_THREADS 8

static size_t
threads_to_use(size_t count)
{
	static long cores;
	if (!cores) {
		cores = sysconf(_SC_NPROCESSORS_ONLN);
		if (cores < 1)
			cores = 1;
	}
	size_t k = count / PARALLEL_MIN;
	if (k > (size_t)cores)
		k = (size_t)cores;
	if (k > MAX_THREADS)
		k = MAX_THREADS;
	return k ? k : 1;
}

/* Tests count candidates (cand[i], or rows 0..count-1 when cand is NULL),
 * sets hit[] for each, writes the matching rows in order to out (which may
 * be cand itself) and returns how many. Large scans are split across the
 * cores, each share in its own thread, joined in order. */
static size_t
scan(const struct table *t, const struct query *q, const uint32_t *cand, size_t count,
    uint8_t *hit, uint32_t *out)
{
	size_t k = threads_to_use(count);
	struct job jobs[MAX_THREADS];
	pthread_t tid[MAX_THREADS];
	bool started[MAX_THREADS] = {false};
	for (size_t i = 0; i < k; i++) {
		jobs[i] = (struct job){t, q, cand, count * i / k, count * (i + 1) / k, hit, NULL, 0};
		/* The first share writes in place (out never passes its reads);
		 * the others into their own buffers. */
		jobs[i].out = i == 0 ? out : xmalloc((jobs[i].to - jobs[i].from + 1) * sizeof *out);
	}
	for (size_t i = 1; i < k; i++)
		started[i] = pthread_create(&tid[i], NULL, run_job, &jobs[i]) == 0;
	run_job(&jobs[0]);
	size_t n = jobs[0].n;
	for (size_t i = 1; i < k; i++) {
		if (started[i])
			pthread_join(tid[i], NULL);
		else
			run_job(&jobs[i]);	/* no thread to be had: do it here */
		memcpy(out + n, jobs[i].out, jobs[i].n * sizeof *out);
		n += jobs[i].n;
		free(jobs[i].out);
	}
	return n;
}

void
filter_init(struct filter *f)
{
	memset(f, 0, sizeof *f);
}

void
filter_free(struct filter *f)
{
	query_free(&f->q);
	free(f->rows);
	free(f->hit);
	memset(f, 0, sizeof *f);
}

void
filter_reset(struct filter *f)
{
	query_free(&f->q);
	f->active = false;
	f->n = 0;
	f->hit_cap = 0;	/* forces a full pass */
}

void
filter_set(struct filter *f, const struct table *t, const char *s)
{
	struct query q;
	query_parse(t, s, &q);
	bool narrowing = f->active && f->hit_cap == t->nrows && query_implies(&q, &f->q);
	if (f->hit_cap != t->nrows) {
		free(f->hit);
		f->hit = xcalloc(t->nrows ? t->nrows : 1, 1);
		f->hit_cap = t->nrows;
	}
	xgrow((void **)&f->rows, &f->cap, t->nrows, sizeof *f->rows);
	f->examined = 0;
	if (q.n == 0) {
		for (size_t r = 0; r < t->nrows; r++)
			f->rows[r] = (uint32_t)r, f->hit[r] = 1;
		f->n = t->nrows;
		f->active = false;
	} else {
		/* Narrowing tests only the previous matches (rows outside them
		 * already have hit 0); otherwise every row. */
		size_t count = narrowing ? f->n : t->nrows;
		f->n = scan(t, &q, narrowing ? f->rows : NULL, count, f->hit, f->rows);
		f->examined = count;
		f->active = true;
	}
	query_free(&f->q);
	f->q = q;
}

size_t
filter_spans(const struct query *q, size_t col, const char *s, size_t n,
    struct span *out, size_t max)
{
	struct arena folded = {0};
	/* Fold once to learn the size, then again with the map: the map is
	 * four bytes per folded byte, not per worst case. */
	size_t fl = text_fold(&folded, s, n, NULL);
	folded.len = 0;
	uint32_t *map = xmalloc((fl + 1) * sizeof *map);
	text_fold(&folded, s, n, map);
	size_t k = 0;
	for (size_t i = 0; i < q->n && k < max; i++) {
		const struct term *tm = &q->terms[i];
		if (!term_has_col(tm, col))
			continue;
		size_t from = 0, mlen;
		const char *p;
		while (k < max && from < fl &&
		    (p = term_find(tm, folded.base + from, fl - from, &mlen)) != NULL) {
			size_t a = (size_t)(p - folded.base), b = a + mlen;
			size_t e = b;
			while (e < fl && map[e] == map[b - 1])
				e++;
			out[k].start = map[a];
			out[k].end = map[e];
			k++;
			from = a + (mlen ? mlen : 1);
		}
	}
	free(map);
	arena_free(&folded);
	/* In order of position, for drawing. */
	for (size_t i = 1; i < k; i++)
		for (size_t j = i; j > 0 && out[j - 1].start > out[j].start; j--) {
			struct span tmp = out[j];
			out[j] = out[j - 1];
			out[j - 1] = tmp;
		}
	return k;
}
