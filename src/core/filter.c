/* SPDX-License-Identifier: MIT
 * filter: query parsing, row matching over the folded text, narrowing, and
 * match positions for highlighting. */
#define _GNU_SOURCE
#include "filter.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include "simd.h"
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

/* Whether a token of the query is (part of) a phone number as people write
 * it: digits, and only + ( ) . - / between them. */
static bool
phone_like(const char *s, size_t n)
{
	size_t digits = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (is_digit(c))
			digits++;
		else if (!(c == '+' || c == '(' || c == ')' || c == '.' || c == '-' || c == '/'))
			return false;
	}
	return digits > 0;
}

/* The digits of a phone number as people write it, the international
 * prefix of France (+33, 0033, and a (0) after it) made a leading 0.
 * Writes into out (room for n + 1); returns how many. */
static size_t
phone_digits(const char *s, size_t n, char *out)
{
	size_t k = 0, i = 0;
	if (n >= 3 && s[0] == '+' && s[1] == '3' && s[2] == '3')
		out[k++] = '0', i = 3;
	else if (n >= 4 && memcmp(s, "0033", 4) == 0)
		out[k++] = '0', i = 4;
	for (; i < n; i++) {
		if (k == 1 && out[0] == '0' && i + 3 <= n && memcmp(s + i, "(0)", 3) == 0) {
			i += 2;
			continue;
		}
		if (is_digit(s[i]))
			out[k++] = s[i];
	}
	out[k] = '\0';
	return k;
}

/* st <-> saint, ste <-> sainte. */
static const char *
saint_form(const char *w, size_t n)
{
	static const struct { const char *a, *b; } pairs[] = {
		{"st", "saint"}, {"ste", "sainte"}, {"saint", "st"}, {"sainte", "ste"},
	};
	for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
		if (strlen(pairs[i].a) == n && memcmp(w, pairs[i].a, n) == 0)
			return pairs[i].b;
	return NULL;
}

/* The term's text with every word st, ste, saint, sainte in its other
 * form, or NULL when it has none. *short_end: the last word became st or
 * ste. */
static char *
saint_alternative(const char *t, size_t n, bool *short_end)
{
	struct arena a = {0};
	bool any = false;
	*short_end = false;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && t[j] != ' ')
			j++;
		const char *f = saint_form(t + i, j - i);
		if (f) {
			arena_append(&a, f, strlen(f));
			any = true;
		} else {
			arena_append(&a, t + i, j - i);
		}
		*short_end = f && j == n && strlen(f) <= 3;
		if (j < n)
			arena_putc(&a, ' ');
		i = j + 1;
	}
	if (!any) {
		arena_free(&a);
		return NULL;
	}
	arena_putc(&a, '\0');
	return a.base;
}

/* Adds one term from raw[0..n) (quotes already removed); phone: the
 * digits of a phone number. */
static void
add_term(struct query *q, const struct table *t, const char *raw, size_t n, size_t colon,
    bool phone, bool quoted)
{
	struct term tm = {0};
	const char *value = raw;
	size_t vlen = n;
	if (colon < n && t && t->ncols) {
		char *prefix = xstrndup(raw, colon);
		uint32_t *cols = xmalloc(t->ncols * sizeof *cols);
		size_t k = table_columns_named(t, prefix, cols, t->ncols);
		free(prefix);
		if (k) {
			tm.cols = cols, tm.ncols = k;
			value = raw + colon + 1, vlen = n - colon - 1;
			phone = phone_like(value, vlen);
		} else {
			free(cols);
		}
	}
	if (phone) {
		tm.text = xmalloc(vlen + 2);
		tm.len = phone_digits(value, vlen, tm.text);
		tm.digits = tm.len >= 2;
	}
	if (!tm.digits) {
		free(tm.text);
		char *v = xstrndup(value, vlen);
		tm.text = text_fold_str(v);
		free(v);
		/* Separators at either end ("d'", "-x") leave a space: not part
		 * of a word, unless a quoted phrase keeps it ("villes " ends a
		 * word). */
		size_t a = 0, b = strlen(tm.text);
		while (a < b && tm.text[a] == ' ' && !quoted)
			a++;
		while (b > a && tm.text[b - 1] == ' ' && !quoted)
			b--;
		memmove(tm.text, tm.text + a, b - a);
		tm.text[b - a] = '\0';
		tm.len = b - a;
		tm.alt = saint_alternative(tm.text, tm.len, &tm.alt_word);
		tm.alt_len = tm.alt ? strlen(tm.alt) : 0;
	}
	if (tm.len == 0) {	/* "nom:" while typing: no constraint yet */
		free(tm.text);
		free(tm.cols);
		return;
	}
	q->terms = xrealloc(q->terms, (q->n + 1) * sizeof *q->terms);
	q->terms[q->n++] = tm;
}

/* One token of the query: raw[0..len) with quotes removed. */
struct token {
	size_t start, len;	/* in the copy of the query */
	size_t colon;		/* offset of the first ':' outside quotes, or -1 */
	bool quoted;
};

void
query_parse(const struct table *t, const char *s, struct query *q)
{
	memset(q, 0, sizeof *q);
	q->joined = t->role_col[ROLE_ACRONYM] >= 0 ? (size_t)t->role_col[ROLE_ACRONYM] + 1 : 0;
	size_t n = strlen(s);
	char *buf = xmalloc(n + 1);
	struct token *tok = NULL;
	size_t ntok = 0, cap = 0, used = 0;
	size_t i = 0;
	while (i < n) {
		while (i < n && is_space(s[i]))
			i++;
		if (i >= n)
			break;
		/* One token: runs to a space outside quotes; quotes are dropped. */
		struct token tk = {used, 0, (size_t)-1, false};
		bool quoted = false;
		while (i < n && (quoted || !is_space(s[i]))) {
			if (s[i] == '"') {
				quoted = !quoted, tk.quoted = true;
			} else {
				if (s[i] == ':' && !tk.quoted && tk.colon == (size_t)-1)
					tk.colon = tk.len;
				buf[used + tk.len++] = s[i];
			}
			i++;
		}
		used += tk.len;
		xgrow((void **)&tok, &cap, ntok + 1, sizeof *tok);
		tok[ntok++] = tk;
	}
	/* A phone number spaced as people space it ("04 78 77 01 43", "+33 4
	 * 78") is one term: its tokens are next to each other in buf. */
	for (size_t k = 0; k < ntok;) {
		struct token *a = &tok[k];
		bool phone = !a->quoted && a->colon == (size_t)-1 && phone_like(buf + a->start, a->len);
		size_t end = k + 1, len = a->len;
		while (phone && end < ntok && !tok[end].quoted && tok[end].colon == (size_t)-1 &&
		    phone_like(buf + tok[end].start, tok[end].len))
			len += tok[end++].len;
		add_term(q, t, buf + a->start, len, a->colon, phone, a->quoted);
		k = end;
	}
	free(tok);
	free(buf);
}

void
query_free(struct query *q)
{
	for (size_t i = 0; i < q->n; i++) {
		free(q->terms[i].text);
		free(q->terms[i].alt);
		free(q->terms[i].cols);
	}
	free(q->terms);
	memset(q, 0, sizeof *q);
}

/* Matches digits d[k..dn) from h[j], a single space allowed between two
 * digits; *end gets where the match ends. */
static bool
digits_from(const char *h, size_t n, size_t j, const char *d, size_t k, size_t dn, size_t *end)
{
	while (k < dn && j < n) {
		if (h[j] == d[k])
			j++, k++;
		else if (h[j] == ' ' && j > 0 && is_digit(h[j - 1]) && j + 1 < n && is_digit(h[j + 1]))
			j++;
		else
			return false;
	}
	*end = j;
	return k == dn;
}

/* Finds the phone digits d[0..dn) in the folded text h[0..n), starting at
 * the start of a group of digits (+33 and 0033 there read as 0); returns
 * the start or NULL, *mlen the matched length. */
static const char *
find_digits(const char *h, size_t n, const char *d, size_t dn, size_t *mlen)
{
	for (size_t i = 0; i < n; i++) {
		if (!is_digit(h[i]) || (i > 0 && is_digit(h[i - 1])))
			continue;
		size_t end;
		/* The international prefix is a 0, not a group of its own (33 is
		 * the Gironde, not every number written +33): +33 4 78, 0033 4 78. */
		size_t skip = i > 0 && h[i - 1] == '+' && i + 2 <= n && memcmp(h + i, "33", 2) == 0 ? 2 :
		    i + 4 <= n && memcmp(h + i, "0033", 4) == 0 ? 4 : 0;
		if (!skip && digits_from(h, n, i, d, 0, dn, &end)) {
			*mlen = end - i;
			return h + i;
		}
		if (skip && d[0] == '0') {
			size_t j = i + skip;
			if (j < n && h[j] == ' ')
				j++;
			if (dn == 1 || digits_from(h, n, j, d, 1, dn, &end)) {
				size_t from = i > 0 && h[i - 1] == '+' ? i - 1 : i;
				*mlen = (dn == 1 ? i + skip : end) - from;
				return h + from;
			}
		}
	}
	return NULL;
}

/* Finds w[0..wn) in h[0..n), as memmem() does, faster on the short texts
 * of a row: with SSE2 (every x86-64), 16 places at a time whose first and
 * last bytes are w's, then the bytes between. */
static const char *
find_text(const char *h, size_t n, const char *w, size_t wn)
{
#ifdef __SSE2__
	if (wn == 1) {
		/* One letter, the first key typed: nearly every row has it
		 * within its first bytes; a call to memchr() costs more. */
		const __m128i c = _mm_set1_epi8(w[0]);
		size_t i = 0;
		for (; i + 16 <= n; i += 16) {
			__m128i a = _mm_loadu_si128((const __m128i *)(const void *)(h + i));
			unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(a, c));
			if (m)
				return h + i + (size_t)__builtin_ctz(m);
		}
		for (; i < n; i++)
			if (h[i] == w[0])
				return h + i;
		return NULL;
	}
	if (wn < 2 || n < wn)
		return memmem(h, n, w, wn);
	const __m128i first = _mm_set1_epi8(w[0]), last = _mm_set1_epi8(w[wn - 1]);
	size_t i = 0, starts = n - wn + 1;	/* where w may start: [0, starts) */
	for (; i + 16 <= starts; i += 16) {
		__m128i a = _mm_loadu_si128((const __m128i *)(const void *)(h + i));
		__m128i b = _mm_loadu_si128((const __m128i *)(const void *)(h + i + wn - 1));
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, first),
		    _mm_cmpeq_epi8(b, last)));
		for (; m; m &= m - 1) {
			size_t k = i + (size_t)__builtin_ctz(m);
			if (memcmp(h + k + 1, w + 1, wn - 2) == 0)
				return h + k;
		}
	}
	for (; i < starts; i++)
		if (h[i] == w[0] && h[i + wn - 1] == w[wn - 1] && memcmp(h + i + 1, w + 1, wn - 2) == 0)
			return h + i;
	return NULL;
#else
	return memmem(h, n, w, wn);
#endif
}

#if defined(__x86_64__)
/* find_text() 32 places at a time, for the whole folded text (run_whole()),
 * on a processor with AVX2 (simd_level()): the same first place. */
__attribute__((target("avx2"))) static const char *
find_text_avx2(const char *h, size_t n, const char *w, size_t wn)
{
	if (wn < 1 || n < wn)
		return find_text(h, n, w, wn);
	const __m256i first = _mm256_set1_epi8(w[0]), last = _mm256_set1_epi8(w[wn - 1]);
	size_t i = 0, starts = n - wn + 1;	/* where w may start: [0, starts) */
	for (; i + 32 <= starts; i += 32) {
		__m256i a = _mm256_loadu_si256((const __m256i *)(const void *)(h + i));
		__m256i b = _mm256_loadu_si256((const __m256i *)(const void *)(h + i + wn - 1));
		unsigned m = (unsigned)_mm256_movemask_epi8(_mm256_and_si256(
		    _mm256_cmpeq_epi8(a, first), _mm256_cmpeq_epi8(b, last)));
		for (; m; m &= m - 1) {
			size_t k = i + (size_t)__builtin_ctz(m);
			if (wn < 3 || memcmp(h + k + 1, w + 1, wn - 2) == 0)
				return h + k;
		}
	}
	return find_text(h + i, n - i, w, wn);	/* the last places */
}
#endif

/* Finds w[0..wn) in h[0..n): with AVX2 where avx2 says, else find_text(). */
static const char *
find_long(const char *h, size_t n, const char *w, size_t wn, bool avx2)
{
#if defined(__x86_64__)
	if (avx2)
		return find_text_avx2(h, n, w, wn);
#endif
	(void)avx2;
	return find_text(h, n, w, wn);
}

/* Finds w[0..wn) in h[0..n) at the start of a word (and, when whole, at
 * the end of one too). */
static const char *
find_word(const char *h, size_t n, const char *w, size_t wn, bool whole)
{
	const char *p = h, *end = h + n;
	while (p < end && (p = find_text(p, (size_t)(end - p), w, wn)) != NULL) {
		bool starts = p == h || p[-1] == ' ' || p[-1] == '\n';
		bool ends = p + wn == end || p[wn] == ' ' || p[wn] == '\n';
		if (starts && (!whole || ends))
			return p;
		p++;
	}
	return NULL;
}

static const char *
term_find(const struct term *tm, const char *h, size_t n, size_t *mlen)
{
	if (tm->digits)
		return find_digits(h, n, tm->text, tm->len, mlen);
	const char *p = find_text(h, n, tm->text, tm->len);
	if (tm->alt) {
		const char *a = find_word(h, p ? (size_t)(p - h) + tm->len : n, tm->alt, tm->alt_len,
		    tm->alt_word);
		if (a && (!p || a < p)) {
			*mlen = tm->alt_len;
			return a;
		}
	}
	*mlen = tm->len;
	return p;
}

/* A short field (an acronym: "CR-CSUR", "CR•DSU") also matches a word
 * typed without its separators ("crcsur"): the field's folded text with
 * its spaces taken out. Where the term starts and ends in h, in *a, *b. */
#define JOINED_MAX TABLE_JOINED_MAX
static bool
joined_find(const struct term *tm, const char *h, size_t n, size_t *a, size_t *b)
{
	if (tm->digits || tm->len < 2 || n > JOINED_MAX || !memchr(h, ' ', n) ||
	    memchr(tm->text, ' ', tm->len))
		return false;
	char buf[JOINED_MAX];
	unsigned char pos[JOINED_MAX];
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (h[i] != ' ') {
			buf[m] = h[i];
			pos[m++] = (unsigned char)i;
		}
	const char *p = memmem(buf, m, tm->text, tm->len);
	if (!p)
		return false;
	*a = pos[p - buf];
	*b = (size_t)pos[(size_t)(p - buf) + tm->len - 1] + 1;
	return true;
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

/* Resident values (a lazy table's: table.h) have their fields empty in a
 * row's search text. Whether a term is in one is found once a scan for
 * each value and kept in a memo: a byte a value, 0 not yet known, 1 not
 * there, 2 there. A scan fills it at its start when there are few values
 * (and notes when none has the term: rows then need no look at theirs),
 * else as the rows need them (every share of the scan writes the same:
 * relaxed atomics). */
#define MEMO_AHEAD 1024
struct memo {
	uint8_t *of;
	size_t n;	/* the values it has room for */
	bool none;	/* filled: no value has the term */
};

/* Whether tm is in value v, found and kept in m. */
static bool
value_find(const struct table *t, const struct term *tm, struct memo *m, uint32_t v)
{
	size_t n, mlen;
	const char *f = table_res_fold(t, v, &n);
	bool has = f && term_find(tm, f, n, &mlen) != NULL;	/* NULL: in its rows' */
	if (m && v < m->n)
		__atomic_store_n(&m->of[v], has ? 2 : 1, __ATOMIC_RELAXED);
	return has;
}

/* Whether tm is in resident value v (none when v is empty, or in the row's
 * search text). */
static inline bool
value_has(const struct table *t, const struct term *tm, struct memo *m, uint32_t v)
{
	if (!table_res_pooled(v))
		return false;
	uint8_t k = m && v < m->n ? __atomic_load_n(&m->of[v], __ATOMIC_RELAXED) : 0;
	return k ? k == 2 : value_find(t, tm, m, v);
}

/* The first of row r's resident values that has tm (a term of every
 * column), or TABLE_RES_FILE. */
static inline uint32_t
resident_found(const struct table *t, const struct term *tm, struct memo *m, size_t r)
{
	if (m && m->none)
		return TABLE_RES_FILE;
	const uint32_t *res = t->res + r * t->nres;
	for (size_t k = 0; k < t->nres; k++)
		if (value_has(t, tm, m, res[k]))
			return res[k];
	return TABLE_RES_FILE;
}

/* The memo of every term of q for a scan of count candidates of t: filled
 * ahead for a few values. NULL when t has none; free with memo_free(). */
static struct memo *
memo_new(const struct table *t, const struct query *q, size_t count)
{
	size_t nv = t->nres ? table_nvals(t) : 0;
	if (!nv)
		return NULL;
	struct memo *m = xcalloc(q->n, sizeof *m);
	uint8_t *of = xcalloc(q->n, nv);
	bool ahead = nv <= MEMO_AHEAD || nv <= count / 4;
	for (size_t i = 0; i < q->n; i++) {
		m[i] = (struct memo){of + i * nv, nv, false};
		bool any = false;
		for (uint32_t v = 0; ahead && v < nv; v++)
			any |= value_find(t, &q->terms[i], &m[i], v);
		m[i].none = ahead && !any;
	}
	return m;
}

static void
memo_free(struct memo *m)
{
	if (m)
		free(m[0].of);
	free(m);
}

/* Row r's value of column col when it is resident and not in the row's
 * search text, else TABLE_RES_FILE. */
static uint32_t
resident_of(const struct table *t, size_t r, size_t col)
{
	int k = t->nres && col < t->ncols ? t->cols[col].resident : -1;
	uint32_t v = k < 0 ? TABLE_RES_FILE : table_res(t, r, (size_t)k);
	return table_res_pooled(v) ? v : TABLE_RES_FILE;
}

/* Where a row's last term was first found, and the bytes after it there:
 * a letter typed at the end of that term is found there when it is the
 * next byte, without reading the row again. */
#define HINT_NEXT 4
struct hint {
	uint32_t at;		/* NO_HINT: not found as its text, or not a plain term */
	char next[HINT_NEXT];	/* the bytes after the match; '\0' past the row's end */
};
#define NO_HINT UINT32_MAX
/* Not in the row's text but in a resident value: the term with letters
 * added is not in the text either (next says nothing). */
#define RES_HINT (UINT32_MAX - 1)
/* A RES_HINT's value: the first the term was found in (4 bytes of next). */
static inline void
hint_value_set(struct hint *hn, uint32_t v)
{
	memcpy(hn->next, &v, 4);
}

static inline uint32_t
hint_value(const struct hint *hn)
{
	uint32_t v;
	memcpy(&v, hn->next, 4);
	return v;
}

/* Whether a term's text is all there is to find of it: no phone digits,
 * no other form, no column of its own. */
static bool
term_plain(const struct term *tm)
{
	return !tm->digits && !tm->alt && !tm->cols;
}

/* Whether row r matches term tm. from: where in the row's folded text its
 * text may first be (0, or where a term it starts with was first found:
 * a plain term only; RES_HINT: not there). *hn: where it was first found
 * and what follows, at RES_HINT (found in a resident value), or at
 * NO_HINT (not a plain term, or found through the acronym). m: what tm's
 * memo knows of resident values, or NULL. */
static bool
term_match_at(const struct table *t, const struct term *tm, size_t joined, size_t r,
    size_t from, struct hint *hn, struct memo *m)
{
	const struct row *row = &t->rows[r];
	const char *h = arena_at(&t->fold, row->fold);
	size_t n = row->fold_len, mlen;
	hn->at = NO_HINT;
	if (!tm->cols) {
		if (from == RES_HINT && !term_plain(tm))
			from = 0;
		const char *p = from == RES_HINT ? NULL : term_find(tm, h + from, n - from, &mlen);
		if (p) {
			if (term_plain(tm)) {
				size_t after = (size_t)(p - h) + tm->len;
				size_t k = n - after < HINT_NEXT ? n - after : HINT_NEXT;
				memset(hn->next, 0, HINT_NEXT);
				memcpy(hn->next, h + after, k);
				hn->at = (uint32_t)(p - h);
			}
			return true;
		}
		uint32_t v = t->nres ? resident_found(t, tm, m, r) : TABLE_RES_FILE;
		if (v != TABLE_RES_FILE) {
			if (term_plain(tm)) {
				hn->at = RES_HINT;
				hint_value_set(hn, v);
			}
			return true;
		}
	}
	/* Field by field: in the columns the term looks in, and for a word
	 * typed without the separators of the acronym (when one has some). */
	if (!tm->cols && !t->acronym_spaced)
		return false;
	const char *end = h + n;
	for (size_t col = 0; h < end; col++) {
		const char *nl = memchr(h, '\n', (size_t)(end - h));
		if (!nl)
			nl = end;
		size_t fl = (size_t)(nl - h);
		bool acr = col + 1 == joined && t->acronym_spaced;
		if (term_has_col(tm, col)) {
			uint32_t v = tm->cols ? resident_of(t, r, col) : TABLE_RES_FILE;
			if (tm->cols && (table_res_pooled(v) ? value_has(t, tm, m, v) :
			    term_find(tm, h, fl, &mlen) != NULL))
				return true;
			if (acr && joined_find(tm, h, fl, &mlen, &mlen))
				return true;
		}
		if (!tm->cols && col + 1 >= joined)
			break;	/* the acronym was all there was to look at */
		h = nl + 1;
	}
	return false;
}

static bool
term_match(const struct table *t, const struct term *tm, size_t joined, size_t r, struct memo *m)
{
	struct hint hn;
	return term_match_at(t, tm, joined, r, 0, &hn, m);
}

bool
query_match(const struct table *t, const struct query *q, size_t r)
{
	for (size_t i = 0; i < q->n; i++)
		if (!term_match(t, &q->terms[i], q->joined, r, NULL))
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
	if (a->digits != b->digits)
		return false;
	/* A phone number found at a group: so is its beginning. */
	if (a->digits)
		return b->len <= a->len && memcmp(a->text, b->text, b->len) == 0;
	/* a found another way (saint for st): only the same term is sure. */
	if (a->alt)
		return b->alt && strcmp(a->text, b->text) == 0;
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
	/* When q is the query of the candidates with letters added to its
	 * last term: per candidate, where that term was and what followed;
	 * the letters added. Else NULL. */
	const struct hint *hint_in;
	const char *added;
	size_t nadded;
	struct hint *hint;	/* per matching row: where the last term was */
	size_t n;
	/* Whole-text mode (run_whole): q is one plain term, looked for over
	 * the folded text of the rows from the first candidate to the last,
	 * not row by row. */
	bool whole;
	bool avx2;	/* that text scanned with AVX2 (simd_level()) */
	/* Whole-text mode: hints still written. Past as many rows as make the
	 * next key scan the whole text again (which reads no hint), they are
	 * not: 8 bytes a row less to write and to hold. */
	bool hinting;
	size_t dense;	/* that many rows */
	struct memo *memo;	/* one a term of q (resident values), or NULL */
};

static void *
run_job(void *arg)
{
	struct job *j = arg;
	const struct query *q = j->q;
	const struct term *last = &q->terms[q->n - 1];
	for (size_t i = j->from; i < j->to; i++) {
		uint32_t r = j->cand ? j->cand[i] : (uint32_t)i;

		struct hint hn;
		bool m;
		const struct hint *in = j->hint_in ? &j->hint_in[i] : NULL;
		bool follows = in && in->at < RES_HINT && j->nadded <= HINT_NEXT;
		for (size_t k = 0; follows && k < j->nadded; k++)	/* a letter or two */
			follows = in->next[k] == j->added[k];
		if (follows) {
			/* The letters added follow where the term was first
			 * found: the longer one is first found there. */
			m = true;
			hn.at = in->at;
			memset(hn.next, 0, HINT_NEXT);
			memcpy(hn.next, in->next + j->nadded, HINT_NEXT - j->nadded);
		} else if (in && in->at == RES_HINT && term_plain(last) && value_has(j->t, last,
		    j->memo ? &j->memo[q->n - 1] : NULL, hint_value(in))) {
			/* Still in the resident value it was found in, and
			 * not in the row's text. */
			m = true;
			hn = *in;
		} else {
			/* The longer term cannot be found before the shorter
			 * (nor in the text at all when the shorter was not). */
			size_t from = in && in->at != NO_HINT ? in->at : 0;
			m = term_match_at(j->t, last, q->joined, r, from, &hn,
			    j->memo ? &j->memo[q->n - 1] : NULL);
			/* With letters added to the last term, the others are
			 * those of the candidates, which matched them. */
			for (size_t k = 0; m && !in && k + 1 < q->n; k++)
				m = term_match(j->t, &q->terms[k], q->joined, r,
				    j->memo ? &j->memo[k] : NULL);
		}
		j->hit[r] = m;
		if (m) {
			j->hint[j->n] = hn;
			j->out[j->n++] = r;
		}
	}
	return NULL;
}

/* Whether the acronym of row r (its column joined - 1) matches tm typed
 * without its separators: what term_match_at() tries when the row's text
 * does not have tm. */
static bool
joined_match(const struct table *t, const struct term *tm, size_t joined, size_t r)
{
	const char *h = arena_at(&t->fold, t->rows[r].fold), *end = h + t->rows[r].fold_len;
	for (size_t col = 0; h < end; col++) {
		const char *nl = memchr(h, '\n', (size_t)(end - h));
		if (!nl)
			nl = end;
		size_t a, b;
		if (col + 1 == joined)
			return joined_find(tm, h, (size_t)(nl - h), &a, &b);
		h = nl + 1;
	}
	return false;
}

/* run_job() for one plain term, over the folded text of the rows from the
 * first candidate to the last as one text where it follows on (the rows'
 * folded texts are one after the other, but where the load put the
 * stretches it parsed beside each other): the term's first place in each
 * row is found by one scan that goes on from there to the next row, rather
 * than a search started again row by row; a candidate whose text does not
 * have it may still match by a resident value or its acronym. A term has no line break,
 * so no match spans two rows: the same rows and hints as run_job(). */
static void
run_whole(struct job *j)
{
	const struct table *t = j->t;
	const struct term *tm = &j->q->terms[0];
	const char *fb = t->fold.base;
	size_t i = j->from;
	/* Whether a row without it may match it by its acronym (joined_find). */
	bool acronym = j->q->joined && t->acronym_spaced && tm->len >= 2 &&
	    !memchr(tm->text, ' ', tm->len);
#define CAND(k) (j->cand ? j->cand[k] : (uint32_t)(k))
	uint32_t last = j->to > j->from ? CAND(j->to - 1) : 0;
	while (i < j->to) {
		size_t r = CAND(i), b = r + 1;
		while (b <= last && t->rows[b].fold == t->rows[b - 1].fold + t->rows[b - 1].fold_len)
			b++;
		const char *p = fb + t->rows[r].fold;
		const char *end = fb + t->rows[b - 1].fold + t->rows[b - 1].fold_len;
		size_t row = r;
		while (i < j->to && CAND(i) < b) {
			const char *m = p < end ? find_long(p, (size_t)(end - p), tm->text, tm->len,
			    j->avx2) : NULL;
			size_t mrow = b;
			if (m) {
				while (fb + t->rows[row].fold + t->rows[row].fold_len <= m)
					row++;
				mrow = row;
			}
			for (; i < j->to && CAND(i) < mrow; i++) {	/* not in their text */
				uint32_t c = CAND(i);
				uint32_t v = t->nres ? resident_found(t, tm, j->memo, c) :
				    TABLE_RES_FILE;
				bool ok = v != TABLE_RES_FILE ||
				    (acronym && joined_match(t, tm, j->q->joined, c));
				j->hit[c] = ok;
				if (ok) {
					if (j->hinting) {
						j->hint[j->n].at = v != TABLE_RES_FILE ? RES_HINT : NO_HINT;
						hint_value_set(&j->hint[j->n], v);
					}
					j->out[j->n++] = c;
				}
			}
			if (mrow == b)
				break;
			const char *h = fb + t->rows[mrow].fold;
			if (i < j->to && CAND(i) == mrow) {
				if (j->hinting) {
					size_t n = t->rows[mrow].fold_len;
					size_t after = (size_t)(m - h) + tm->len;
					size_t k = n - after < HINT_NEXT ? n - after : HINT_NEXT;
					struct hint *hn = &j->hint[j->n];
					hn->at = (uint32_t)(m - h);
					memset(hn->next, 0, HINT_NEXT);
					memcpy(hn->next, h + after, k);
					j->hinting = j->n + 1 < j->dense;
				}
				j->hit[mrow] = FILTER_TEXT;
				j->out[j->n++] = (uint32_t)mrow;
				i++;
			}
			p = h + t->rows[mrow].fold_len;	/* its first place is all that counts */
			row = mrow + 1;
		}
	}
#undef CAND
}

static void *
run_share(void *arg)
{
	struct job *j = arg;
	if (j->whole)
		run_whole(j);
	else
		run_job(j);
	return NULL;
}

/* Below this many candidates one thread is faster than starting others. */
#define PARALLEL_MIN 32768
/* The whole text is read when at least a WHOLE_DENSITY-th of the rows are
 * candidates, WHOLE_MIN of them at least. */
#define WHOLE_MIN 4096
#define WHOLE_DENSITY 4
#define MAX_THREADS 8

/* filter_split_for_tests(): a share every split_min candidates, at most
 * split_shares; 0: as the cores say. */
static size_t split_min, split_shares;

void
filter_split_for_tests(size_t min, size_t shares)
{
	split_min = min;
	split_shares = shares;
}

static size_t
threads_to_use(size_t count)
{
	static long cores;
	if (!cores) {
		cores = sysconf(_SC_NPROCESSORS_ONLN);
		if (cores < 1)
			cores = 1;
	}
	size_t k = count / (split_min ? split_min : PARALLEL_MIN);
	size_t most = split_min ? split_shares : (size_t)cores;
	if (k > most)
		k = most;
	if (k > MAX_THREADS)
		k = MAX_THREADS;
	return k ? k : 1;
}

/* Tests count candidates (cand[i], or rows 0..count-1 when cand is NULL;
 * q has terms), sets hit[] for each, writes the matching rows in order to
 * out (which may be cand itself) and where q's last term was found in each
 * to hint (which may be hint_in itself), and returns how many. hint_in
 * (NULL: none): the candidates are the rows of a query that q is with the
 * letters added appended to its last term, and hint_in says, for each,
 * where that term was found.
 * *hinted: whether hint holds them all (not for a result of the whole
 * text too large for the next key to read them: run_whole()).
 * Large scans are split across the cores, each share in its own thread,
 * joined in order; out and hint have room for count. */
static size_t
scan(const struct table *t, const struct query *q, const uint32_t *cand, size_t count,
    const struct hint *hint_in, const char *added, uint8_t *hit, uint32_t *out, struct hint *hint,
    bool *hinted)
{
	*hinted = true;
	if (!count)
		return 0;	/* a table without rows: out may be NULL */
	size_t k = threads_to_use(count);
	struct job jobs[MAX_THREADS];
	pthread_t tid[MAX_THREADS];
	bool started[MAX_THREADS] = {false};
	/* One plain term and candidates dense enough: the whole text. */
	bool whole = q->n == 1 && term_plain(&q->terms[0]) && count >= WHOLE_MIN &&
	    count >= t->nrows / WHOLE_DENSITY;
	bool avx2 = whole && simd_level() == SIMD_AVX2;
	/* As many rows as make a key's scan the whole text's (above). */
	size_t dense = t->nrows / WHOLE_DENSITY > WHOLE_MIN ? t->nrows / WHOLE_DENSITY : WHOLE_MIN;
	/* What each term's memo knows of the resident values, shared. */
	struct memo *memo = memo_new(t, q, count);
	for (size_t i = 0; i < k; i++) {
		jobs[i] = (struct job){t, q, cand, count * i / k, count * (i + 1) / k, hit, NULL,
		    whole ? NULL : hint_in, added, added ? strlen(added) : 0, NULL, 0, whole, avx2,
		    true, dense, memo};
		/* Each share writes where its candidates are, in place: out
		 * and hint never pass its reads, nor reach the next share's. */
		jobs[i].out = out + jobs[i].from;
		jobs[i].hint = hint + jobs[i].from;
	}
	for (size_t i = 1; i < k; i++)
		started[i] = pthread_create(&tid[i], NULL, run_share, &jobs[i]) == 0;
	run_share(&jobs[0]);
	size_t n = jobs[0].n;
	for (size_t i = 1; i < k; i++) {
		if (started[i])
			pthread_join(tid[i], NULL);
		else
			run_share(&jobs[i]);	/* no thread to be had: do it here */
	}
	for (size_t i = 0; i < k; i++)
		*hinted = *hinted && jobs[i].hinting;
	for (size_t i = 1; i < k; i++) {
		/* Down to follow the shares before it (n <= jobs[i].from). */
		memmove(out + n, jobs[i].out, jobs[i].n * sizeof *out);
		if (*hinted)
			memmove(hint + n, jobs[i].hint, jobs[i].n * sizeof *hint);
		n += jobs[i].n;
	}
	memo_free(memo);
	return n;
}

/* The kept results: for each of the last queries (its text and terms), the
 * rows its words matched, ascending; as a list of rows when that is smaller
 * than a bit a table row, else as those bits (an eighth of a byte a row: a
 * query nearly every row matches costs little). Together they stay under
 * LEVELS_ROW_BYTES bytes a table row (at least LEVELS_MIN_BYTES), and
 * LEVELS_MAX results; beyond, the least recently used go first. The places
 * a query names are not kept: they are looked up again, the same way. */
#define LEVELS_MAX 64
#define LEVELS_ROW_BYTES 4
#define LEVELS_MIN_BYTES 65536

struct level {
	char *text;		/* the query as typed */
	struct query q;
	uint32_t *rows;		/* n rows ascending, or NULL: */
	uint64_t *bits;		/* a bit a table row */
	size_t n, bytes;
	size_t nrows, ncols;	/* the table's rows and columns it was made on:
				 * while loading, the rows since are searched
				 * when it is used again (level_complete) */
	unsigned long id;	/* when made */
	unsigned long used;	/* when last used */
};

struct filter_cache {
	const struct table *t;	/* the table the rows are of, */
	size_t nrows;		/* with this many rows */
	struct level lv[LEVELS_MAX];
	size_t n, bytes, budget;
	unsigned long clock;
	/* For the rows of the last result scanned (level hint_of), in order:
	 * where its query's last term was first found and the 4 bytes after (8
	 * bytes a row, beside the budget). */
	struct hint *hint;
	unsigned long hint_of;
};

static void
level_free(struct level *l)
{
	free(l->text);
	query_free(&l->q);
	free(l->rows);
	free(l->bits);
	memset(l, 0, sizeof *l);
}

static void
cache_drop(struct filter *f)
{
	struct filter_cache *c = f->cache;
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++)
		level_free(&c->lv[i]);
	free(c->hint);
	free(c);
	f->cache = NULL;
}

/* The kept results of table t as it is now (none kept of another). A
 * table that grew is one being loaded: its first rows are those the
 * results were made on, and they are kept. */
static struct filter_cache *
cache_of(struct filter *f, const struct table *t)
{
	if (f->cache && (f->cache->t != t || f->cache->nrows > t->nrows))
		cache_drop(f);
	struct filter_cache *c = f->cache;
	if (!c) {
		c = f->cache = xcalloc(1, sizeof *f->cache);
		c->t = t;
	}
	if (!c->hint || c->nrows != t->nrows) {
		c->nrows = t->nrows;
		c->budget = t->nrows * LEVELS_ROW_BYTES > LEVELS_MIN_BYTES ?
		    t->nrows * LEVELS_ROW_BYTES : LEVELS_MIN_BYTES;
		c->hint = xrealloc(c->hint, (t->nrows ? t->nrows : 1) * sizeof *c->hint);
		c->hint_of = 0;	/* the new rows have none */
	}
	return c;
}

/* Brings l up to the rows t has now: the rows added since it was made
 * (while loading) are searched and their matches appended. False when
 * it cannot be (columns were added, so that the query may mean more):
 * the caller drops it. */
static bool
level_complete(struct filter *f, struct filter_cache *c, const struct table *t, struct level *l)
{
	if (l->nrows == t->nrows)
		return true;
	if (l->ncols != t->ncols)
		return false;
	size_t words = (t->nrows + 63) / 64, old = (l->nrows + 63) / 64;
	if (l->bits && words > old) {
		l->bits = xrealloc(l->bits, words * sizeof *l->bits);
		memset(l->bits + old, 0, (words - old) * sizeof *l->bits);
		c->bytes += (words - old) * sizeof *l->bits;
		l->bytes += (words - old) * sizeof *l->bits;
	}
	/* The rows since, scanned as any (on the cores, the whole text):
	 * at the end of a load beside the screen they are most of them. The
	 * filter's scratch holds them, c->hint where they were found (the
	 * last key's hints go: the next key looks again), and the marks left
	 * in f->hit are overwritten by those filter_set() makes after. */
	size_t count = t->nrows - l->nrows, cap = l->n;
	xgrow((void **)&f->scratch, &f->scratch_cap, count + 1, sizeof *f->scratch);
	for (size_t i = 0; i < count; i++)
		f->scratch[i] = (uint32_t)(l->nrows + i);
	bool hinted;
	size_t n = scan(t, &l->q, f->scratch, count, NULL, NULL, f->hit, f->scratch, c->hint,
	    &hinted);
	c->hint_of = 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t r = f->scratch[i];
		if (l->bits) {
			l->bits[r / 64] |= (uint64_t)1 << (r % 64);
		} else {
			if (l->n == cap)
				l->rows = xrealloc(l->rows, (cap = cap * 2 + 64) * sizeof *l->rows);
			l->rows[l->n] = (uint32_t)r;
			c->bytes += sizeof *l->rows;
			l->bytes += sizeof *l->rows;
		}
		l->n++;
	}
	l->nrows = t->nrows;
	return true;
}

/* Lets kept result l go. */
static void
level_drop(struct filter_cache *c, struct level *l)
{
	c->bytes -= l->bytes;
	level_free(l);
	*l = c->lv[--c->n];
}

static bool
same_term(const struct term *a, const struct term *b)
{
	return a->digits == b->digits && !a->alt == !b->alt && a->ncols == b->ncols &&
	    strcmp(a->text, b->text) == 0 &&
	    (!a->ncols || memcmp(a->cols, b->cols, a->ncols * sizeof *a->cols) == 0);
}

/* Whether q is wide's query with letters added to its last term, both
 * plain: q's last term cannot be found before wide's was. */
static bool
query_extends(const struct query *q, const struct query *wide)
{
	if (q->n == 0 || q->n != wide->n)
		return false;
	for (size_t i = 0; i + 1 < q->n; i++)
		if (!same_term(&q->terms[i], &wide->terms[i]))
			return false;
	const struct term *a = &q->terms[q->n - 1], *b = &wide->terms[q->n - 1];
	return term_plain(a) && term_plain(b) && a->len >= b->len &&
	    memcmp(a->text, b->text, b->len) == 0;
}

/* The kept result of a query with the same rows as q: the same text, or
 * terms each implying the other's. */
static struct level *
cache_find(struct filter_cache *c, const char *s, const struct query *q)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->lv[i].text, s) == 0)
			return &c->lv[i];
	for (size_t i = 0; i < c->n; i++)
		if (query_implies(q, &c->lv[i].q) && query_implies(&c->lv[i].q, q))
			return &c->lv[i];
	return NULL;
}

/* The smallest kept result that every row matching q is in, or NULL. */
static struct level *
cache_base(struct filter_cache *c, const struct query *q)
{
	struct level *best = NULL;
	for (size_t i = 0; i < c->n; i++) {
		const struct level *l = &c->lv[i];
		/* Of two as small, the later: it is the closer to q (and the
		 * last one scanned has its hints). */
		if ((!best || l->n < best->n || (l->n == best->n && l->id > best->id)) &&
		    query_implies(q, &l->q))
			best = &c->lv[i];
	}
	return best;
}

/* The rows of l, ascending, into out, each marked in hit[]; how many. */
static size_t
level_rows(const struct level *l, size_t nrows, uint32_t *out, uint8_t *hit)
{
	if (l->rows) {
		for (size_t i = 0; i < l->n; i++)
			hit[l->rows[i]] = FILTER_TEXT;
		if (l->n)
			memcpy(out, l->rows, l->n * sizeof *out);
		return l->n;
	}
	size_t n = 0;
	for (size_t w = 0; w < (nrows + 63) / 64; w++)
		for (uint64_t b = l->bits[w]; b; b &= b - 1) {
			uint32_t r = (uint32_t)(w * 64 + (size_t)__builtin_ctzll(b));
			out[n++] = r;
			hit[r] = FILTER_TEXT;
		}
	return n;
}

/* Keeps rows[0..n), the rows query s matches, then lets the least recently
 * used results go while over the budget. */
static void
cache_put(struct filter_cache *c, const struct table *t, const char *s, const uint32_t *rows,
    size_t n)
{
	size_t words = (t->nrows + 63) / 64;
	struct level l = {0};
	l.text = xstrdup(s);
	query_parse(t, s, &l.q);
	l.n = n;
	l.nrows = t->nrows;
	l.ncols = t->ncols;
	if (n * sizeof *rows <= words * sizeof *l.bits) {
		l.rows = xmalloc((n ? n : 1) * sizeof *rows);
		if (n)	/* rows is NULL for a table of no row */
			memcpy(l.rows, rows, n * sizeof *rows);
		l.bytes = n * sizeof *rows;
	} else {
		l.bits = xcalloc(words, sizeof *l.bits);
		for (size_t i = 0; i < n; i++)
			l.bits[rows[i] / 64] |= (uint64_t)1 << (rows[i] % 64);
		l.bytes = words * sizeof *l.bits;
	}
	l.bytes += sizeof l + strlen(s);
	l.id = l.used = ++c->clock;
	while (c->n && (c->n == LEVELS_MAX || c->bytes + l.bytes > c->budget)) {
		size_t old = 0;
		for (size_t i = 1; i < c->n; i++)
			if (c->lv[i].used < c->lv[old].used)
				old = i;
		level_drop(c, &c->lv[old]);
	}
	c->bytes += l.bytes;
	c->lv[c->n++] = l;
}

void
filter_init(struct filter *f)
{
	memset(f, 0, sizeof *f);
}

/* Forgets the table's areas (read again by the next query). */
static void
drop_coverage(struct filter *f)
{
	if (f->cov) {
		coverage_free(f->cov);
		free(f->cov);
	}
	f->cov = NULL;
	f->cov_table = NULL;
	free(f->via);
	f->via = NULL;
	f->reach.n = 0;
}

void
filter_free(struct filter *f)
{
	query_free(&f->q);
	drop_coverage(f);
	cache_drop(f);
	reach_free(&f->reach);
	arena_free(&f->via_text);
	free(f->rows);
	free(f->hit);
	free(f->scratch);
	memset(f, 0, sizeof *f);
}

void
filter_reset(struct filter *f)
{
	query_free(&f->q);
	drop_coverage(f);
	cache_drop(f);
	f->active = false;
	f->n = 0;
	f->hit_cap = 0;	/* forces a full pass */
}

/* Whether a term looks in named columns only (field:value): such a query
 * is about those columns, not a place. */
static bool
has_field_term(const struct query *q)
{
	for (size_t i = 0; i < q->n; i++)
		if (q->terms[i].cols)
			return true;
	return false;
}

/* The places query s names into f->places (none when t says nothing of
 * places), the table's areas read if need be. */
static void
find_places(struct filter *f, const struct table *t, const char *s, const struct query *q)
{
	/* Only the rows the last places led to have a via to clear. */
	for (size_t i = 0; f->via && i < f->reach.n; i++)
		f->via[f->reach.r[i].row] = NULL;
	f->places.n = 0;
	f->places.only_place = false;
	f->reach.n = f->reach.covering = 0;
	if (q->n == 0 || has_field_term(q) || t->loading ||
	    (t->role_col[ROLE_COVERAGE] < 0 && t->role_col[ROLE_POSTCODE] < 0))
		return;
	const struct places *p = places_get();
	if (!f->cov || f->cov_table != t || f->cov_rows != t->nrows) {
		drop_coverage(f);
		f->cov = xmalloc(sizeof *f->cov);
		coverage_build(f->cov, t, p);
		f->cov_table = t;
		f->cov_rows = t->nrows;
	}
	if (!f->via && f->cov->col >= 0)
		f->via = xcalloc(t->nrows ? t->nrows : 1, sizeof *f->via);
	places_find(p, s, &f->places);
}

/* The rows of the table covering the places found, into f->reach. The
 * starts of names are suggestions for a query that finds nothing by its
 * words ("bord"): where the words found rows ("ville", "sai"), only whole
 * names count (Villé, Sai). */
static void
reach_places(struct filter *f, size_t text_matches)
{
	struct place_query *pq = &f->places;
	if (text_matches) {
		size_t k = 0;
		for (size_t i = 0; i < pq->n; i++)
			if (pq->hit[i].exact)
				pq->hit[k++] = pq->hit[i];
		pq->n = k;
	}
	if (pq->n)
		coverage_reach(f->cov, places_get(), pq, &f->reach);
}

/* Merges the rows the places led to into the n rows matching the words
 * (f->rows[0..n)), in order, marking them in hit[]; sets via[] and
 * place_note. */
static void
add_places(struct filter *f, size_t n)
{
	const struct reach *rc = &f->reach;
	f->place_note = NULL;
	f->via_text.len = 0;
	if (!f->places.n) {
		f->n = f->matched = n;
		return;
	}
	/* The texts first (the arena may move), then the pointers. */
	size_t *at = xmalloc((f->places.n + 1) * sizeof *at);
	const struct places *p = places_get();
	for (size_t i = 0; i < f->places.n; i++) {
		at[i] = arena_append(&f->via_text, "via ", 4);
		places_label(p, &f->places.hit[i], &f->via_text);
		arena_putc(&f->via_text, '\0');
	}
	at[f->places.n] = arena_append(&f->via_text, rc->nearby.base, rc->nearby.len);
	size_t note = rc->note.len ? arena_append(&f->via_text, rc->note.base, rc->note.len) : 0;
	if (rc->note.len)
		f->place_note = f->via_text.base + note;
	xgrow((void **)&f->scratch, &f->scratch_cap, n + 1, sizeof *f->scratch);
	if (n)	/* rows is NULL for a table of no row */
		memcpy(f->scratch, f->rows, n * sizeof *f->rows);
	size_t a = 0, b = 0, k = 0, nearby = 0;
	while (a < n || b < rc->n) {
		uint32_t r;
		if (b >= rc->n || (a < n && f->scratch[a] < rc->r[b].row)) {
			r = f->scratch[a++];
		} else {
			const struct reached *e = &rc->r[b++];
			r = e->row;
			if (a < n && f->scratch[a] == r)
				a++;
			bool near = e->hit == REACH_NEARBY;
			/* A row its own words found needs no other reason. */
			if (!(f->hit[r] & FILTER_TEXT))
				f->via[r] = f->via_text.base + at[near ? f->places.n : e->hit];
			f->hit[r] |= near ? FILTER_NEARBY : FILTER_PLACE;
			nearby += near && f->hit[r] == FILTER_NEARBY;
		}
		f->rows[k++] = r;
	}
	f->n = k;
	f->matched = k - nearby;
	free(at);
}

void
filter_adopt_coverage(struct filter *f, const struct table *t, struct coverage *cov)
{
	drop_coverage(f);
	f->cov = cov;
	f->cov_table = t;
	f->cov_rows = t->nrows;
}

size_t
filter_kept(const struct filter *f, size_t *bytes)
{
	if (bytes)
		*bytes = f->cache ? f->cache->bytes : 0;
	return f->cache ? f->cache->n : 0;
}

/* Clears the marks of the last result's rows. */
static void
clear_hits(struct filter *f)
{
	if (f->n > f->hit_cap / 8) {
		memset(f->hit, 0, f->hit_cap);
		return;
	}
	for (size_t i = 0; i < f->n; i++)
		f->hit[f->rows[i]] = 0;
}

void
filter_set(struct filter *f, const struct table *t, const char *s)
{
	struct query q;
	query_parse(t, s, &q);
	if (f->hit_cap != t->nrows) {
		free(f->hit);
		f->hit = xcalloc(t->nrows ? t->nrows : 1, 1);
		f->hit_cap = t->nrows;
		f->n = 0;	/* rows of another table, or more of them */
		/* One per row; the areas stay if they are t's (find_places). */
		free(f->via);
		f->via = NULL;
		f->reach.n = 0;
	}
	struct filter_cache *c = cache_of(f, t);
	xgrow((void **)&f->rows, &f->cap, t->nrows, sizeof *f->rows);
	f->examined = 0;
	find_places(f, t, s, &q);
	size_t n;
	bool hinted = false;	/* scan() left where the last term was in c->hint */
	if (q.n == 0) {
		for (size_t r = 0; r < t->nrows; r++)
			f->rows[r] = (uint32_t)r, f->hit[r] = FILTER_TEXT;
		n = t->nrows;
		f->active = false;
	} else if (f->places.only_place) {
		/* 33 is the Gironde: its rows alone, no phone digits. The rows
		 * of the last result lose their marks. */
		clear_hits(f);
		n = 0;
		query_free(&q);
		f->active = true;
	} else {
		/* The rows of a kept result of the same rows; else a scan of the
		 * smallest kept result that holds them all (the others keep hit
		 * 0), or of every row. */
		clear_hits(f);
		struct level *l = cache_find(c, s, &q);
		if (l && !level_complete(f, c, t, l))
			level_drop(c, l), l = NULL;
		bool kept = l != NULL;
		if (kept) {
			n = level_rows(l, t->nrows, f->rows, f->hit);
		} else {
			while ((l = cache_base(c, &q)) && !level_complete(f, c, t, l))
				level_drop(c, l);
			const uint32_t *cand = NULL;
			size_t count = t->nrows;
			if (l && l->rows) {
				cand = l->rows, count = l->n;
			} else if (l) {
				xgrow((void **)&f->scratch, &f->scratch_cap, l->n + 1, sizeof *f->scratch);
				count = level_rows(l, t->nrows, f->scratch, f->hit);
				cand = f->scratch;
			}
			/* Where the last term may first be, when it is the last
			 * one scanned with letters added. */
			bool on = l && l->id == c->hint_of && query_extends(&q, &l->q);
			n = scan(t, &q, cand, count, on ? c->hint : NULL,
			    on ? q.terms[q.n - 1].text + l->q.terms[q.n - 1].len : NULL, f->hit,
			    f->rows, c->hint, &hinted);
			f->examined = count;
		}
		if (l)
			l->used = ++c->clock;
		if (!kept) {
			cache_put(c, t, s, f->rows, n);
			c->hint_of = hinted ? c->clock : 0;	/* the level just made */
		}
		f->active = true;
	}
	reach_places(f, n);
	add_places(f, n);
	query_free(&f->q);
	f->q = q;
}

/* The bytes of the field that folded bytes [a, b) came from (b > a): up
 * to the end of the character that gave the last one. */
static struct span
span_of(const uint32_t *map, size_t fl, size_t a, size_t b)
{
	size_t e = b;
	while (e < fl && map[e] == map[b - 1])
		e++;
	return (struct span){map[a], map[e]};
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
		size_t from = 0, mlen, ja, jb;
		const char *p;
		size_t before = k;
		while (k < max && from < fl &&
		    (p = term_find(tm, folded.base + from, fl - from, &mlen)) != NULL) {
			size_t a = (size_t)(p - folded.base);
			out[k++] = span_of(map, fl, a, a + mlen);
			from = a + (mlen ? mlen : 1);
		}
		if (k == before && k < max && col + 1 == q->joined &&
		    joined_find(tm, folded.base, fl, &ja, &jb))
			out[k++] = span_of(map, fl, ja, jb);
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
