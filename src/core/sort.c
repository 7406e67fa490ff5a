/* SPDX-License-Identifier: MIT
 * sort: collation keys from the folded text, and a stable sort of rows on
 * them that never holds every key at once.
 * The rows are sorted on 8 bytes of their key at a time (a radix sort on
 * the first 8, then, inside each run of rows whose 8 bytes are equal, on the
 * next 8, and so on), each 8 bytes made from the folded text when needed,
 * where the last 8 ended (struct kpos): 8 bytes of key a row at a time,
 * never the whole keys. At each depth the rows still to sort are read in
 * file order, their text asked for a few rows ahead (one cache miss a
 * row and a depth was most of the time at 1M rows). Past 128 bytes
 * of equal keys (long names that differ late) the run's whole keys are
 * made and merge-sorted. Every step is stable and starts from rows in file
 * order, so equal keys stay in file order. */
#include "sort.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Bytes of a key below every byte of text: the end of the territory before
 * the name, and a run of digits' length, 1 to 29 (DIGIT_MARK + length):
 * a shorter number first, then digit by digit. The padding of a key's last
 * 8 bytes is 0, below both; an empty field is EMPTY_KEY, above every
 * byte UTF-8 has. */
enum { PART_END = 0x01, DIGIT_MARK = 0x02, DIGIT_MAX = 29, EMPTY_KEY = 0xFF };
/* Bytes of equal keys sorted 8 at a time before the whole keys are. */
enum { RADIX_DEPTH = 16 };
/* Rows read ahead of the one whose key is made. */
enum { AHEAD = 12 };
/* A run this short is sorted by insertion, not by radix. */
enum { SMALL_RUN = 48 };

/* Where the first byte of field col of row r is in its folded text h
 * (table_fold_field()); n, the text's end, when the row has no such field. */
static uint32_t
field_at(const struct table *t, size_t r, const unsigned char *h, uint32_t n, int col)
{
	size_t len;
	const char *f = col >= 0 ? table_fold_field(t, r, (size_t)col, &len) : NULL;
	return f ? (uint32_t)((const unsigned char *)f - h) : n;
}

/* The folded text of row r's territory (table_territory_col()), *n its
 * length: in the row's, or in the pool (a lazy table's resident value). */
static const unsigned char *
territory_fold(const struct table *t, size_t r, uint32_t *n)
{
	size_t len = 0;
	int col = table_territory_col(t, r);
	const char *f = col >= 0 ? table_fold_field(t, r, (size_t)col, &len) : NULL;
	*n = (uint32_t)len;
	return (const unsigned char *)(f ? f : "");
}

static int
name_col(const struct table *t)
{
	return t->role_col[ROLE_NAME] >= 0 ? t->role_col[ROLE_NAME] : 0;
}

/* How far a row's key has been made: its next byte is at off in the row's
 * folded text (in the territory's own, for PH_TERR), skip bytes of the
 * token there (a run of digits) already made; phase says which part. Made
 * 8 bytes at a time by key_next(), so that sorting on the next 8 bytes
 * costs 8 bytes a row, not the key from its start again. */
enum phase { PH_START, PH_TERR, PH_NAME_START, PH_NAME, PH_END };
struct kpos {
	uint32_t off;
	uint32_t skip : 29, phase : 3;
};

/* The first non-space byte of a field at off, or the field's end. */
static uint32_t
skip_spaces(const unsigned char *h, uint32_t n, uint32_t off)
{
	while (off < n && h[off] == ' ')
		off++;
	return off;
}

/* The next 8 bytes of row r's key for k, the first in the highest bits,
 * 0 past its end (every key byte is above 0). */
static uint64_t
key_next(const struct table *t, size_t r, enum sort_key k, struct kpos *p)
{
	const struct row *row = &t->rows[r];
	const unsigned char *rh = (const unsigned char *)arena_at(&t->fold, row->fold);
	uint32_t rn = row->fold_len, tn = 0;
	const unsigned char *th = k == SORT_TERRITORY && p->phase <= PH_TERR ?
	    territory_fold(t, r, &tn) : NULL;
	unsigned char out[8];
	int o = 0;
	while (o < 8) {
		/* The text of the part being made. */
		const unsigned char *h = p->phase <= PH_TERR ? th : rh;
		uint32_t n = p->phase <= PH_TERR ? tn : rn;
		switch (p->phase) {
		case PH_START:
			if (k == SORT_FILE) {
				p->phase = PH_END;
				break;
			}
			if (k != SORT_TERRITORY) {
				p->phase = PH_NAME_START;
				break;
			}
			p->off = skip_spaces(h, n, 0);
			p->phase = PH_TERR;
			if (p->off >= n || h[p->off] == '\n')
				out[o++] = EMPTY_KEY;
			break;
		case PH_NAME_START:
			p->off = skip_spaces(h, n, field_at(t, r, h, n, name_col(t)));
			p->phase = PH_NAME;
			if (p->off >= n || h[p->off] == '\n')
				out[o++] = EMPTY_KEY;
			break;
		case PH_TERR:
		case PH_NAME: {
			uint32_t i = p->off;
			if (i >= n || h[i] == '\n') {	/* the field's end */
				if (p->phase == PH_TERR) {
					out[o++] = PART_END;
					p->phase = PH_NAME_START;
				} else {
					p->phase = PH_END;
				}
				break;
			}
			unsigned char c = h[i];
			if (c == ' ' && (i + 1 >= n || h[i + 1] == '\n')) {
				p->off++;	/* a space at the end: none */
				break;
			}
			if (c < '0' || c > '9') {
				out[o++] = c < 0x20 ? 0x20 : c;
				p->off++;
				break;
			}
			/* A run of digits: its length, then its digits but the
			 * leading zeros (0 stays 0). */
			uint32_t e = i;
			while (e < n && h[e] >= '0' && h[e] <= '9')
				e++;
			while (i + 1 < e && h[i] == '0')
				i++;
			uint32_t digits = e - i, q = p->skip;
			for (; q < digits + 1 && o < 8; q++)
				out[o++] = q == 0 ? (unsigned char)(DIGIT_MARK +
				    (digits < DIGIT_MAX ? digits : DIGIT_MAX)) : h[i + q - 1];
			if (q < digits + 1) {
				p->skip = q;	/* the rest of the run next time */
			} else {
				p->off = e;
				p->skip = 0;
			}
			break;
		}
		default:	/* PH_END */
			while (o < 8)
				out[o++] = 0;
			break;
		}
	}
	uint64_t v = 0;
	for (int i = 0; i < 8; i++)
		v = v << 8 | out[i];
	return v;
}

size_t
sort_key_of(const struct table *t, size_t r, enum sort_key k, struct arena *out)
{
	struct kpos p = {0, 0, PH_START};
	size_t start = out->len;
	for (;;) {
		uint64_t v = key_next(t, r, k, &p);
		for (int i = 7; i >= 0; i--) {
			unsigned char c = (unsigned char)(v >> (8 * i));
			if (!c)
				return out->len - start;
			arena_putc(out, (char)c);
		}
	}
}

/* Stable sort of rows[0..n) by key[0..n): a least-significant-byte radix
 * sort that skips the bytes every key shares; insertion for a short run. */
static void
radix(uint64_t *key, uint32_t *rows, uint64_t *tkey, uint32_t *trow, size_t n)
{
	if (n < SMALL_RUN) {
		for (size_t i = 1; i < n; i++) {
			uint64_t k = key[i];
			uint32_t r = rows[i];
			size_t j = i;
			for (; j > 0 && key[j - 1] > k; j--) {
				key[j] = key[j - 1];
				rows[j] = rows[j - 1];
			}
			key[j] = k;
			rows[j] = r;
		}
		return;
	}
	static _Thread_local uint32_t count[8][256];
	memset(count, 0, sizeof count);
	for (size_t i = 0; i < n; i++)
		for (int b = 0; b < 8; b++)
			count[b][(key[i] >> (8 * b)) & 0xFF]++;
	uint64_t *sk = key, *dk = tkey;
	uint32_t *sr = rows, *dr = trow;
	for (int b = 0; b < 8; b++) {
		uint32_t *c = count[b];
		if (c[(key[0] >> (8 * b)) & 0xFF] == n)
			continue;	/* every key has this byte */
		size_t sum = 0;
		for (int v = 0; v < 256; v++) {
			size_t x = c[v];
			c[v] = (uint32_t)sum;
			sum += x;
		}
		for (size_t i = 0; i < n; i++) {
			size_t at = c[(sk[i] >> (8 * b)) & 0xFF]++;
			dk[at] = sk[i];
			dr[at] = sr[i];
		}
		uint64_t *xk = sk; sk = dk; dk = xk;
		uint32_t *xr = sr; sr = dr; dr = xr;
	}
	if (sk != key) {
		memcpy(key, sk, n * sizeof *key);
		memcpy(rows, sr, n * sizeof *rows);
	}
}

/* A run's whole keys, for the merge sort past RADIX_DEPTH. */
struct whole {
	struct arena text;
	size_t *at;	/* key i is text.base[at[i] .. at[i + 1]) */
};

static int
whole_cmp(const struct whole *w, uint32_t a, uint32_t b)
{
	size_t na = w->at[a + 1] - w->at[a], nb = w->at[b + 1] - w->at[b];
	int c = memcmp(w->text.base + w->at[a], w->text.base + w->at[b], na < nb ? na : nb);
	return c ? c : (na > nb) - (na < nb);
}

/* Stable merge sort of the indices ix[0..n) by their whole keys. */
static void
merge_sort(const struct whole *w, uint32_t *ix, uint32_t *tmp, size_t n)
{
	for (size_t width = 1; width < n; width *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * width) {
			size_t mid = lo + width < n ? lo + width : n;
			size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
			size_t i = lo, j = mid, o = lo;
			while (i < mid && j < hi)
				tmp[o++] = whole_cmp(w, ix[j], ix[i]) < 0 ? ix[j++] : ix[i++];
			while (i < mid)
				tmp[o++] = ix[i++];
			while (j < hi)
				tmp[o++] = ix[j++];
		}
		memcpy(ix, tmp, n * sizeof *ix);
	}
}

/* Sorts the rows rows[el[0..n)] on their whole keys by reordering el
 * (they are equal on the first RADIX_DEPTH * 8 bytes: what is left is
 * usually short). */
static void
sort_whole(const struct table *t, enum sort_key k, const uint32_t *rows, uint32_t *el, size_t n)
{
	struct whole w = {{0}, xmalloc((n + 1) * sizeof *w.at)};
	for (size_t i = 0; i < n; i++) {
		w.at[i] = w.text.len;
		sort_key_of(t, rows[el[i]], k, &w.text);
	}
	w.at[n] = w.text.len;
	uint32_t *ix = xmalloc(n * sizeof *ix), *tmp = xmalloc(n * sizeof *tmp);
	for (size_t i = 0; i < n; i++)
		ix[i] = (uint32_t)i;
	merge_sort(&w, ix, tmp, n);
	for (size_t i = 0; i < n; i++)
		tmp[i] = el[ix[i]];
	memcpy(el, tmp, n * sizeof *el);
	free(ix);
	free(tmp);
	free(w.at);
	arena_free(&w.text);
}

/* Sorts rows[0..n), which are in file order, on their keys for k.
 * Breadth first: at each depth, the 8 bytes of key of every row still to
 * sort are made in file order (reading the folded text forwards, not
 * jumping about it: that is most of the time at 1M rows), then each run
 * is sorted on them. Rows are named by their place j in rows[] (which
 * stays in file order until the end); el[] holds them in sorted order. */
static void
sort_engine(const struct table *t, enum sort_key k, uint32_t *rows, size_t n)
{
	if (n < 2 || k == SORT_FILE)
		return;
	uint32_t *el = xmalloc(n * sizeof *el), *tel = xmalloc(n * sizeof *tel);
	uint64_t *key = xmalloc(n * sizeof *key), *tkey = xmalloc(n * sizeof *tkey);
	uint64_t *todo = xcalloc((n + 63) / 64, sizeof *todo);	/* by j */
	struct kpos *pos = xcalloc(n, sizeof *pos);	/* by j: all PH_START */
	struct run {
		size_t at, n;
	} *runs = xmalloc(sizeof *runs), *next = xmalloc(sizeof *next);
	size_t nruns = 1, nnext = 0, runs_cap = 1, next_cap = 1;
	runs[0] = (struct run){0, n};
	for (size_t j = 0; j < n; j++)
		el[j] = (uint32_t)j;
	for (size_t w = 0; w < n / 64; w++)
		todo[w] = ~(uint64_t)0;
	if (n % 64)
		todo[n / 64] = ((uint64_t)1 << (n % 64)) - 1;
	for (unsigned depth = 0; nruns; depth++) {
		/* This depth's bytes, in file order, into tkey[j] (tel holds
		 * the rows to read, to ask for each row's text a few rows
		 * ahead: every row is a cache miss else)... */
		size_t nj = 0;
		for (size_t w = 0; w < (n + 63) / 64; w++)
			for (uint64_t b = todo[w]; b; b &= b - 1)
				tel[nj++] = (uint32_t)(w * 64 + (size_t)__builtin_ctzll(b));
		for (size_t x = 0; x < nj; x++) {
			if (x + 2 * AHEAD < nj)
				__builtin_prefetch(&t->rows[rows[tel[x + 2 * AHEAD]]]);
			if (x + AHEAD < nj) {
				const struct row *ra = &t->rows[rows[tel[x + AHEAD]]];
				__builtin_prefetch(arena_at(&t->fold, ra->fold + pos[tel[x + AHEAD]].off));
			}
			size_t j = tel[x];
			tkey[j] = key_next(t, rows[j], k, &pos[j]);
		}
		/* ...gathered in sorted order (tkey is the radix's scratch). */
		for (size_t i = 0; i < nruns; i++)
			for (size_t x = runs[i].at; x < runs[i].at + runs[i].n; x++)
				key[x] = tkey[el[x]];
		memset(todo, 0, (n + 63) / 64 * sizeof *todo);
		nnext = 0;
		for (size_t i = 0; i < nruns; i++) {
			struct run run = runs[i];
			uint64_t *kr = key + run.at;
			uint32_t *er = el + run.at;
			radix(kr, er, tkey, tel, run.n);
			/* Runs of equal bytes whose keys go on: sorted on the
			 * next ones. A key that ended (its last byte here is
			 * padding) equals every other of its run. */
			for (size_t a = 0; a < run.n;) {
				size_t b = a + 1;
				while (b < run.n && kr[b] == kr[a])
					b++;
				if (b - a > 1 && (kr[a] & 0xFF) != 0) {
					if (depth + 1 >= RADIX_DEPTH) {
						sort_whole(t, k, rows, er + a, b - a);
					} else {
						xgrow((void **)&next, &next_cap, nnext + 1, sizeof *next);
						next[nnext++] = (struct run){run.at + a, b - a};
						for (size_t x = a; x < b; x++)
							todo[er[x] / 64] |= (uint64_t)1 << (er[x] % 64);
					}
				}
				a = b;
			}
		}
		struct run *sw = runs; runs = next; next = sw;
		size_t sc = runs_cap; runs_cap = next_cap; next_cap = sc;
		nruns = nnext;
	}
	for (size_t i = 0; i < n; i++)
		tel[i] = rows[el[i]];
	memcpy(rows, tel, n * sizeof *rows);
	free(el);
	free(tel);
	free(key);
	free(tkey);
	free(todo);
	free(pos);
	free(runs);
	free(next);
}

void
sort_init(struct sort *s)
{
	memset(s, 0, sizeof *s);
}

void
sort_reset(struct sort *s)
{
	for (int k = 0; k < SORT_COUNT; k++) {
		free(s->order[k]);
		s->order[k] = NULL;
	}
	s->t = NULL;
	memset(s->n, 0, sizeof s->n);
}

void
sort_free(struct sort *s)
{
	sort_reset(s);
	free(s->mark);
	memset(s, 0, sizeof *s);
}

static bool
kept(const struct sort *s, const struct table *t, enum sort_key k)
{
	return s->t == t && s->n[k] == t->nrows && s->order[k];
}

/* Whether row a comes before row b in the order k, or ties (0). */
static int
key_cmp(const struct table *t, enum sort_key k, uint32_t a, uint32_t b)
{
	struct kpos pa = {0, 0, PH_START}, pb = {0, 0, PH_START};
	for (;;) {
		uint64_t x = key_next(t, a, k, &pa), y = key_next(t, b, k, &pb);
		if (x != y)
			return x < y ? -1 : 1;
		if ((x & 0xFF) == 0)
			return 0;
	}
}

/* The kept order of k, for s->n[k] rows, with the rows since (a loader
 * appends them): those sorted alone, each then put after the last kept
 * row its key does not come before (a binary search: ties stay in file
 * order, the new rows being after every kept one). False when that would
 * cost more than sorting everything again. */
static bool
extend(struct sort *s, const struct table *t, enum sort_key k)
{
	size_t old = s->n[k], n = t->nrows, m = n - old, log = 1;
	while (((size_t)1 << log) < old)
		log++;
	if (m * log > old + m)
		return false;
	uint32_t *add = xmalloc(m * sizeof *add), *o = xmalloc(n * sizeof *o);
	for (size_t j = 0; j < m; j++)
		add[j] = (uint32_t)(old + j);
	sort_engine(t, k, add, m);
	const uint32_t *was = s->order[k];
	size_t lo = 0, at = 0;
	for (size_t j = 0; j < m; j++) {
		size_t a = lo, b = old;	/* the first kept row after add[j] */
		while (a < b) {
			size_t mid = a + (b - a) / 2;
			if (key_cmp(t, k, was[mid], add[j]) <= 0)
				a = mid + 1;
			else
				b = mid;
		}
		memcpy(o + at, was + lo, (a - lo) * sizeof *o);
		at += a - lo;
		o[at++] = add[j];
		lo = a;
	}
	memcpy(o + at, was + lo, (old - lo) * sizeof *o);
	free(add);
	free(s->order[k]);
	s->order[k] = o;
	s->n[k] = n;
	return true;
}

const uint32_t *
sort_order(struct sort *s, const struct table *t, enum sort_key k)
{
	if (s->t != t)
		sort_reset(s);
	s->t = t;
	size_t n = t->nrows;
	if (s->order[k] && s->n[k] != n && (s->n[k] > n || !extend(s, t, k))) {
		free(s->order[k]);
		s->order[k] = NULL;
	}
	if (!s->order[k]) {
		uint32_t *o = xmalloc((n ? n : 1) * sizeof *o);
		for (size_t i = 0; i < n; i++)
			o[i] = (uint32_t)i;
		sort_engine(t, k, o, n);
		s->order[k] = o;
		s->n[k] = n;
	}
	return s->order[k];
}

static int
cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

/* Sorting a row on its own costs about this many times reading one row's
 * place in a kept order (measured at 1M rows: tests/bench/bench.c). */
enum { ALONE_COST = 64 };

void
sort_rows(struct sort *s, const struct table *t, enum sort_key k, uint32_t *rows, size_t n)
{
	if (n < 2)
		return;
	size_t all = t->nrows;
	/* Alone: few rows against the table, or too few to be worth a full
	 * order that is not there yet. */
	bool alone = kept(s, t, k) ? n * ALONE_COST < all : n * 8 < all;
	if (k == SORT_FILE || alone) {
		qsort(rows, n, sizeof *rows, cmp_u32);
		sort_engine(t, k, rows, n);
		return;
	}
	/* The kept order, less the rows not asked for. While the table grows,
	 * the order kept until the table has doubled, the rows since after it
	 * in file order: sorting again at every row the loader publishes
	 * would take a core from it (the load of 1M rows took twice as long). */
	bool stale = s->growing && s->t == t && s->order[k] && s->n[k] < all &&
	    all - s->n[k] < s->n[k];
	size_t upto = stale ? s->n[k] : all;
	const uint32_t *o = stale ? s->order[k] : sort_order(s, t, k);
	size_t words = (all + 63) / 64;
	if (s->mark_words < words) {
		free(s->mark);
		s->mark = xcalloc(words, sizeof *s->mark);
		s->mark_words = words;
	}
	for (size_t i = 0; i < n; i++)
		s->mark[rows[i] / 64] |= (uint64_t)1 << (rows[i] % 64);
	size_t j = 0;
	for (size_t i = 0; i < upto && j < n; i++) {
		uint32_t r = o[i];
		uint64_t bit = (uint64_t)1 << (r % 64);
		if (s->mark[r / 64] & bit) {
			rows[j++] = r;
			s->mark[r / 64] &= ~bit;	/* left clear for the next call */
		}
	}
	for (size_t r = upto; r < all && j < n; r++) {
		uint64_t bit = (uint64_t)1 << (r % 64);
		if (s->mark[r / 64] & bit) {
			rows[j++] = (uint32_t)r;
			s->mark[r / 64] &= ~bit;
		}
	}
}

const char *
sort_key_name(enum sort_key k)
{
	switch (k) {
	case SORT_NAME: return "name";
	case SORT_TERRITORY: return "territory";
	default: return "file";
	}
}

bool
sort_key_parse(const char *s, enum sort_key *k)
{
	for (int i = 0; i < SORT_COUNT; i++)
		if (strcmp(s, sort_key_name((enum sort_key)i)) == 0) {
			*k = (enum sort_key)i;
			return true;
		}
	return false;
}
