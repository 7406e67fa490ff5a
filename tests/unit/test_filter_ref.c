/* SPDX-License-Identifier: MIT
 * The filter as it is typed, against two references, on generated tables
 * (seeded rows with accents, ligatures œ/æ, apostrophes and hyphens, phone
 * numbers written five ways, acronyms, a départements column): for seeded
 * random key sequences (letters, accented letters, spaces, quotes,
 * field:value, phone digits, Backspace, Ctrl-W, Ctrl-U), every query the
 * keys make is given to one filter that keeps its past results, and
 * compared with
 * (a) a fresh filter given that query alone: everything it publishes (rows
 *     and their order, hit[], counts, via[] and the place note, the terms
 *     that highlight), and
 * (b) a naive scan written here from the rules filter.h documents (every
 *     word somewhere, field:value in its column, phone digits from the start
 *     of a group across single spaces, an acronym without its separators),
 *     over each field folded on its own: the rows the words find, in order.
 *     Queries with st/ste/saint/sainte, or a field prefix other than a whole
 *     header name, are left to (a); the rows places add are too.
 * And the same while the table loads: more rows between keys (the kept
 * results are brought up to date), then the end of the load (the places). */
#include "unit.h"

#include <stdbool.h>
#include <stdint.h>
#include <unistd.h>

#include "core/filter.h"
#include "core/simd.h"
#include "core/text.h"

/* xorshift: the same sequences on every machine. */
static uint64_t seed;
static uint32_t
rnd(uint32_t n)
{
	return xorshift(&seed, n);
}
#define PICK(a) ((a)[rnd(sizeof (a) / sizeof (a)[0])])

static const char *const headers[] = {"id", "nom", "sigle", "territoire", "telephone",
    "ville", "departements"};
enum { NCOL = 7, ACRONYM = 2 };

static const char *const words[] = {"Centre", "ressources", "Politique", "de la", "ville",
    "Pôle", "Développement", "Social", "RésO", "Villes", "Caraïbe", "Observatoire",
    "Régional", "l'Intégration", "Œuvre", "cœur", "Cæsar", "Lætitia", "Saint-Denis",
    "Seine-Saint-Denis", "Val-d'Oise", "Île-de-France", "Réunion", "Côte d'Azur", "Noël",
    "Garçon", "aujourd'hui", "Ste-Marie", "St-Étienne", "L'Haÿ-les-Roses", "ÉCULLY",
    "Rennes", "Bordeaux", "quartiers", "Main d'œuvre", "Ex-æquo"};
static const char *const acronyms[] = {"CR-CSUR", "CR•DSU", "IREV", "ORIV", "RésO", "",
    "Pôle ville", "C.R.P.V."};
static const char *const territories[] = {"La Réunion", "Val d'Oise", "Seine-Saint-Denis",
    "Bouches-du-Rhône", "Côtes-d'Armor", "Hauts-de-Seine", "Gironde", "Île-de-France"};
static const char *const towns[] = {"Lyon", "Saint-Denis", "Bordeaux", "Rennes", "Marseille",
    "Nanterre", "L'Haÿ-les-Roses", "Écully", "Sainte-Marie", "Cœuvres"};
static const char *const depts[] = {"974", "95", "93 94", "13", "22 29 35 56", "92", "", "33",
    "69"};

/* A phone number, in one of the ways people write one. */
static void
phone(char *out, size_t n)
{
	unsigned a = 1 + rnd(9), b = rnd(100), c = rnd(100), d = rnd(100), e = rnd(100);
	switch (rnd(6)) {
	case 0: snprintf(out, n, "0%u %02u %02u %02u %02u", a, b, c, d, e); break;
	case 1: snprintf(out, n, "0%u.%02u.%02u.%02u.%02u", a, b, c, d, e); break;
	case 2: snprintf(out, n, "+33 %u %02u %02u %02u %02u", a, b, c, d, e); break;
	case 3: snprintf(out, n, "0033 %u%02u%02u%02u%02u", a, b, c, d, e); break;
	case 4: snprintf(out, n, "+33 (0)%u %02u %02u", a, b, c); break;
	default: snprintf(out, n, "0%u%02u%02u%02u%02u", a, b, c, d, e); break;
	}
}

/* A CSV field: quoted, its quotes doubled. */
static void
put_field(struct arena *a, const char *s, bool last)
{
	arena_putc(a, '"');
	for (; *s; s++) {
		if (*s == '"')
			arena_putc(a, '"');
		arena_putc(a, *s);
	}
	arena_putc(a, '"');
	arena_putc(a, last ? '\n' : ',');
}

/* Whether generate() makes lazy tables (table.h: read from a file, their
 * territories and départements resident, kept once each with their folded
 * form, empty in a row's search text), in 3 stretches. */
static bool lazy;

/* t, lazy, as table b that holds every field: each field and its folded
 * form (so that the naive scan of a lazy table's fields is the one of the
 * file's). */
static void
same_fields(const struct table *t, const struct table *b)
{
	assert_non_null(t->lazy);
	assert_true(t->nres > 0);
	assert_int_equal(t->nrows, b->nrows);
	for (size_t r = 0; r < t->nrows; r++) {
		assert_int_equal(t->rows[r].nfields, b->rows[r].nfields);
		for (size_t c = 0; c < t->rows[r].nfields; c++)
			assert_string_equal(table_field(t, r, c, NULL), table_field(b, r, c, NULL));
		same_folds(t, b, r);
	}
}

/* The text of a table (lazy: from a file) into t. */
static void
load_generated(struct table *t, const struct arena *a)
{
	struct err e;
	if (!lazy) {
		assert_int_equal(load_mem(t, a->base, a->len, NULL, &e), 0);
		return;
	}
	char path[] = "/tmp/centres-filter-ref-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, a->base, a->len), (ssize_t)a->len);
	close(fd);
	struct load_opts o = {.lazy_min = 1, .parallel_min = 1, .stretches = 3};
	table_init(t, path);
	e.msg[0] = '\0';
	assert_int_equal(csvload_file(t, path, &o, &e), 0);
	unlink(path);	/* the table reads it through its own descriptor */
	struct table b;
	assert_int_equal(load_mem(&b, a->base, a->len, NULL, &e), 0);
	same_fields(t, &b);
	table_free(&b);
}

/* n generated rows; places: with the départements column (the filter then
 * adds the rows the places a query names lead to). */
static void
generate(struct table *t, size_t n, bool places)
{
	struct arena a = {0};
	size_t ncol = places ? NCOL : NCOL - 1;
	for (size_t c = 0; c < ncol; c++) {
		arena_append(&a, headers[c], strlen(headers[c]));
		arena_putc(&a, c + 1 < ncol ? ',' : '\n');
	}
	for (size_t r = 0; r < n; r++) {
		char f[256], ph[64];
		snprintf(f, sizeof f, "%zu", r + 1);
		put_field(&a, f, false);
		size_t k = 0, nw = 1 + rnd(4);
		for (size_t w = 0; w < nw; w++)
			k += (size_t)snprintf(f + k, sizeof f - k, "%s%s", w ? " " : "", PICK(words));
		put_field(&a, f, false);
		put_field(&a, PICK(acronyms), false);
		put_field(&a, PICK(territories), false);
		phone(ph, sizeof ph);
		put_field(&a, rnd(5) ? ph : "", false);
		put_field(&a, PICK(towns), !places);
		if (places)
			put_field(&a, PICK(depts), true);
	}
	load_generated(t, &a);
	assert_int_equal(t->nrows, n);
	arena_free(&a);
}

/* The naive reference. */

/* Each field of each row folded on its own. */
struct folded {
	size_t nrows, ncols;
	char **f;
};

static void
fold_all(const struct table *t, struct folded *fd)
{
	fd->nrows = t->nrows, fd->ncols = t->ncols;
	fd->f = malloc(t->nrows * t->ncols * sizeof *fd->f);
	assert_non_null(fd->f);
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols; c++)
			fd->f[r * t->ncols + c] = text_fold_str(table_field(t, r, c, NULL));
}

static void
folded_free(struct folded *fd)
{
	for (size_t i = 0; i < fd->nrows * fd->ncols; i++)
		free(fd->f[i]);
	free(fd->f);
}

struct nterm {
	char text[256];
	bool digits;
	int col;	/* -1: every column */
};

static bool
digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Digits, and only + ( ) . - / between them. */
static bool
phonelike(const char *s, size_t n)
{
	size_t d = 0;
	for (size_t i = 0; i < n; i++)
		if (digit(s[i]))
			d++;
		else if (!strchr("+().-/", s[i]) || !s[i])
			return false;
	return d > 0;
}

/* Adds the term of raw[0..n) (quotes removed) to q; false when the rules
 * here do not say what it finds. */
static bool
naive_term(const struct table *t, const char *raw, size_t n, bool quoted, bool maybe_phone,
    size_t colon, struct nterm *q, size_t *nq)
{
	struct nterm tm = {.col = -1};
	if (colon < n) {
		char prefix[256];
		snprintf(prefix, sizeof prefix, "%.*s", (int)colon, raw);
		for (size_t c = 0; c < t->ncols; c++)
			if (strcmp(prefix, headers[c]) == 0)
				tm.col = (int)c;
		/* An alias of a header, or a name that designates more than
		 * its column: not the rules here. */
		uint32_t cols[16];
		size_t k = table_columns_named(t, prefix, cols, 16);
		if (tm.col < 0 ? k > 0 : k != 1 || cols[0] != (uint32_t)tm.col)
			return false;
		if (tm.col >= 0) {
			raw += colon + 1, n -= colon + 1;
			maybe_phone = phonelike(raw, n);
		}
	}
	if (maybe_phone) {
		/* +33 and 0033 are a leading 0, and so is a (0) after it. */
		size_t k = 0, i = 0;
		if (n >= 3 && memcmp(raw, "+33", 3) == 0)
			tm.text[k++] = '0', i = 3;
		else if (n >= 4 && memcmp(raw, "0033", 4) == 0)
			tm.text[k++] = '0', i = 4;
		for (; i < n && k < sizeof tm.text - 1; i++) {
			if (k == 1 && tm.text[0] == '0' && n - i >= 3 && memcmp(raw + i, "(0)", 3) == 0)
				i += 2;
			else if (digit(raw[i]))
				tm.text[k++] = raw[i];
		}
		tm.text[k] = '\0';
		tm.digits = k >= 2;
	}
	if (!tm.digits) {
		char v[256];
		snprintf(v, sizeof v, "%.*s", (int)n, raw);
		char *f = text_fold_str(v);
		char *a = f, *b = f + strlen(f);
		while (!quoted && a < b && *a == ' ')
			a++;
		while (!quoted && b > a && b[-1] == ' ')
			b--;
		snprintf(tm.text, sizeof tm.text, "%.*s", (int)(b - a), a);
		free(f);
		/* st, ste, saint and sainte stand for each other: not here. */
		for (const char *w = tm.text; *w;) {
			size_t wl = strcspn(w, " ");
			if ((wl == 2 && !memcmp(w, "st", 2)) || (wl == 3 && !memcmp(w, "ste", 3)) ||
			    (wl == 5 && !memcmp(w, "saint", 5)) || (wl == 6 && !memcmp(w, "sainte", 6)))
				return false;
			w += wl + (w[wl] == ' ');
		}
	}
	if (tm.text[0])	/* "nom:" while typing: no constraint yet */
		q[(*nq)++] = tm;
	return true;
}

/* The terms of query s, as filter.h says; false when it is beyond them. */
static bool
naive_parse(const struct table *t, const char *s, struct nterm *q, size_t *nq)
{
	struct { char text[256]; size_t n, colon; bool quoted; } tok[64];
	size_t ntok = 0;
	*nq = 0;
	for (const char *p = s; *p;) {
		while (*p && strchr(" \t\r\n", *p))
			p++;
		if (!*p)
			break;
		if (ntok == 64)
			return false;
		tok[ntok].n = 0, tok[ntok].colon = (size_t)-1, tok[ntok].quoted = false;
		bool in = false;
		for (; *p && (in || !strchr(" \t\r\n", *p)); p++) {
			if (*p == '"') {
				in = !in, tok[ntok].quoted = true;
				continue;
			}
			if (*p == ':' && !tok[ntok].quoted && tok[ntok].colon == (size_t)-1)
				tok[ntok].colon = tok[ntok].n;
			if (tok[ntok].n < 255)
				tok[ntok].text[tok[ntok].n++] = *p;
		}
		tok[ntok].text[tok[ntok].n] = '\0';
		ntok++;
	}
	/* A phone number spaced as people space it is one term. */
	for (size_t k = 0; k < ntok;) {
		bool ph = !tok[k].quoted && tok[k].colon == (size_t)-1 && phonelike(tok[k].text, tok[k].n);
		char raw[512];
		size_t len = (size_t)snprintf(raw, sizeof raw, "%s", tok[k].text), end = k + 1;
		while (ph && end < ntok && !tok[end].quoted && tok[end].colon == (size_t)-1 &&
		    phonelike(tok[end].text, tok[end].n))
			len += (size_t)snprintf(raw + len, sizeof raw - len, "%s", tok[end++].text);
		if (!naive_term(t, raw, len, tok[k].quoted, ph, tok[k].colon, q, nq))
			return false;
		k = end;
	}
	return true;
}

/* The digits of h from h[j] on, groups joined across one space, after
 * lead (a 0 or ""), into run. */
static const char *
digit_run(const char *h, size_t j, const char *lead, char *run, size_t cap)
{
	size_t n = strlen(h), k = (size_t)snprintf(run, cap, "%s", lead);
	for (; j < n && k < cap - 1; j++)
		if (digit(h[j]))
			run[k++] = h[j];
		else if (!(h[j] == ' ' && j && digit(h[j - 1]) && digit(h[j + 1])))
			break;
	run[k] = '\0';
	return run;
}

/* Phone digits d from the start of a group of h, groups joined across one
 * space; a group +33 or 0033 reads as 0 (and a space after it is none). */
static bool
digits_in(const char *h, const char *d)
{
	size_t n = strlen(h), dn = strlen(d);
	for (size_t i = 0; i < n; i++) {
		if (!digit(h[i]) || (i && digit(h[i - 1])))
			continue;
		char run[512];
		size_t skip = i && h[i - 1] == '+' && !strncmp(h + i, "33", 2) ? 2 :
		    !strncmp(h + i, "0033", 4) ? 4 : 0;
		size_t j = i + skip;
		if (skip && h[j] == ' ')
			j++;
		digit_run(h, j, skip ? "0" : "", run, sizeof run);
		if (strlen(run) >= dn && !memcmp(run, d, dn))
			return true;
	}
	return false;
}

/* The acronym typed without its separators: "crcsur" finds CR-CSUR. */
static bool
joined_in(const char *h, const char *w)
{
	size_t n = strlen(h), m = 0;
	if (strlen(w) < 2 || strchr(w, ' ') || n > 32 || !strchr(h, ' '))
		return false;
	char j[33];
	for (size_t i = 0; i < n; i++)
		if (h[i] != ' ')
			j[m++] = h[i];
	j[m] = '\0';
	return strstr(j, w) != NULL;
}

static bool
naive_match(const struct folded *fd, const struct nterm *q, size_t nq, size_t r)
{
	for (size_t i = 0; i < nq; i++) {
		bool found = false;
		for (size_t c = 0; c < fd->ncols && !found; c++) {
			if (q[i].col >= 0 && (size_t)q[i].col != c)
				continue;
			const char *h = fd->f[r * fd->ncols + c];
			found = q[i].digits ? digits_in(h, q[i].text) :
			    strstr(h, q[i].text) || (c == ACRONYM && joined_in(h, q[i].text));
		}
		if (!found)
			return false;
	}
	return true;
}

/* The comparisons. */

static const char *
or_null(const char *s)
{
	return s ? s : "(null)";
}

/* inc publishes what fresh does, for query s. */
static void
same_as_fresh(const struct filter *inc, const struct filter *fresh, const struct table *t,
    const char *s)
{
	if (inc->n != fresh->n || inc->matched != fresh->matched)
		fail_msg("\"%s\": %zu rows (%zu matched) as typed, %zu (%zu) fresh", s, inc->n,
		    inc->matched, fresh->n, fresh->matched);
	for (size_t i = 0; i < fresh->n; i++)
		if (inc->rows[i] != fresh->rows[i])
			fail_msg("\"%s\": row %zu is %u as typed, %u fresh", s, i, inc->rows[i],
			    fresh->rows[i]);
	for (size_t r = 0; r < t->nrows; r++) {
		if (inc->hit[r] != fresh->hit[r])
			fail_msg("\"%s\": hit[%zu] %d as typed, %d fresh", s, r, inc->hit[r], fresh->hit[r]);
		if (strcmp(or_null(filter_via(inc, r)), or_null(filter_via(fresh, r))) != 0)
			fail_msg("\"%s\": row %zu via \"%s\" as typed, \"%s\" fresh", s, r,
			    or_null(filter_via(inc, r)), or_null(filter_via(fresh, r)));
	}
	assert_string_equal(or_null(inc->place_note), or_null(fresh->place_note));
	assert_int_equal(inc->active, fresh->active);
	assert_int_equal(inc->places.n, fresh->places.n);
	assert_int_equal(inc->q.n, fresh->q.n);
	for (size_t i = 0; i < fresh->q.n; i++) {
		assert_string_equal(inc->q.terms[i].text, fresh->q.terms[i].text);
		assert_int_equal(inc->q.terms[i].digits, fresh->q.terms[i].digits);
		assert_int_equal(inc->q.terms[i].ncols, fresh->q.terms[i].ncols);
	}
}

/* The rows the words of s found (hit has FILTER_TEXT), against the naive
 * scan; how many queries it could judge (0 or 1). */
static size_t
same_as_naive(const struct filter *f, const struct table *t, const struct folded *fd,
    const char *s)
{
	struct nterm q[64];
	size_t nq;
	if (!naive_parse(t, s, q, &nq) || f->places.only_place)
		return 0;
	size_t k = 0;
	for (size_t i = 0; i < f->n; i++) {
		uint32_t r = f->rows[i];
		if (!(f->hit[r] & FILTER_TEXT))
			continue;
		while (k < r) {
			if (naive_match(fd, q, nq, k))
				fail_msg("\"%s\": row %zu matches, naively, but is not found", s, k);
			k++;
		}
		if (!naive_match(fd, q, nq, r))
			fail_msg("\"%s\": row %u is found, but does not match naively", s, r);
		k = r + 1;
	}
	for (; k < t->nrows; k++)
		if (naive_match(fd, q, nq, k))
			fail_msg("\"%s\": row %zu matches, naively, but is not found", s, k);
	return 1;
}

/* The keys. */

static const char *const chunks[] = {"reunion", "réunion", "RÉUNION", "ville", "villes",
    "centre", "ressources", "oeuvre", "œuvre", "coeur", "caesar", "cæsar", "laetitia", "noel",
    "garcon", "val-d'oise", "val d oise", "d'oise", "l'integration", "seine-saint-denis",
    "saint-denis", "st denis", "ste marie", "saint", "st", "crcsur", "cr-csur", "crdsu", "irev",
    "c.r.p.v", "nom:", "ville:", "territoire:", "telephone:", "sigle:", "departements:",
    "04 78", "0478", "+33 4", "0033 4", "+33 (0)4", "01 43", "06.", "33", "93200", "974",
    "bordeaux", "bord", "rennes", "ren", "gironde", "occitanie", "haÿ", "ecully", "\"cote d'a",
    "\"de la\"", "\"pole ville\"", " ", " ", "\"", "-", "'", "politique de la ville", "ex-aequo"};
static const char *const letters[] = {"a", "e", "i", "o", "u", "r", "n", "s", "t", "l", "d",
    "c", "v", "é", "è", "ô", "ï", "ç", "œ", "æ", "0", "1", "4", "7", "9", " ", "\"", "'", "-",
    ".", "+", "E", "Œ"};

/* Erases the last character (UTF-8) of q. */
static void
backspace(char *q)
{
	size_t n = strlen(q);
	while (n && ((unsigned char)q[n - 1] & 0xc0) == 0x80)
		n--;
	if (n)
		n--;
	q[n] = '\0';
}

/* Ctrl-W: the spaces before the cursor, then the word before them. */
static void
erase_word(char *q)
{
	size_t n = strlen(q);
	while (n && q[n - 1] == ' ')
		n--;
	while (n && q[n - 1] != ' ')
		n--;
	q[n] = '\0';
}

/* What sequences saw. */
struct seen {
	size_t queries, judged;	/* queries made, judged by the naive scan too */
	char *distinct[512];	/* the different queries, */
	size_t ndistinct;
	size_t most_kept, most_bytes;	/* the most results kept, and bytes */
};

static void
seen_query(struct seen *sn, const struct filter *f, const char *q)
{
	size_t i = 0;
	while (i < sn->ndistinct && strcmp(sn->distinct[i], q) != 0)
		i++;
	if (i == sn->ndistinct && i < sizeof sn->distinct / sizeof sn->distinct[0])
		sn->distinct[sn->ndistinct++] = strdup(q);
	size_t bytes, kept = filter_kept(f, &bytes);
	if (kept > sn->most_kept)
		sn->most_kept = kept;
	if (bytes > sn->most_bytes)
		sn->most_bytes = bytes;
	sn->queries++;
}

static void
seen_free(struct seen *sn)
{
	for (size_t i = 0; i < sn->ndistinct; i++)
		free(sn->distinct[i]);
	memset(sn, 0, sizeof *sn);
}

/* A table being loaded (typed_while_loading): the view given to the
 * filter, which grows between keys to `loaded` rows, then stops loading. */
static struct table *growing;
static size_t loaded;

static void
grow(void)
{
	if (!growing || !growing->loading || rnd(3))
		return;
	size_t add = 1 + rnd(400);
	growing->nrows = growing->nrows + add >= loaded ? loaded : growing->nrows + add;
	if (growing->nrows == loaded && !rnd(3))
		growing->loading = false;	/* the end: the places come */
}

/* Query q typed: given to inc, and checked against a fresh filter and the
 * naive scan. */
static void
typed(struct filter *inc, const struct table *t, const struct folded *fd, const char *q,
    struct seen *sn)
{
	filter_set(inc, t, q);
	struct filter fresh;
	filter_init(&fresh);
	filter_set(&fresh, t, q);
	same_as_fresh(inc, &fresh, t, q);
	sn->judged += same_as_naive(inc, t, fd, q);
	seen_query(sn, inc, q);
	filter_free(&fresh);
}

/* One random key sequence of about keys keys on t: each query it makes
 * checked against a fresh filter and the naive scan. */
static void
sequence(struct filter *inc, const struct table *t, const struct folded *fd, size_t keys,
    struct seen *sn)
{
	char q[512] = "";
	const char *pending = "";	/* the rest of a chunk being typed */
	for (size_t k = 0; k < keys; k++) {
		grow();
		uint32_t a = rnd(100);
		if (!*pending && a < 30) {
			pending = PICK(chunks);
		} else if (!*pending && (a < 42 || a >= 68)) {
			pending = PICK(letters);
		} else if (a < 60 && strlen(q)) {
			size_t times = 1 + rnd(4);
			for (size_t i = 0; i < times; i++) {
				backspace(q);
				filter_set(inc, t, q);	/* each Backspace is a keystroke */
				if (i + 1 < times) {
					struct filter fresh;
					filter_init(&fresh);
					filter_set(&fresh, t, q);
					same_as_fresh(inc, &fresh, t, q);
					filter_free(&fresh);
				}
			}
			pending = "";
		} else if (a < 66) {
			erase_word(q);
			pending = "";
		} else if (a < 68) {
			q[0] = '\0';	/* Ctrl-U (or Esc) */
			pending = "";
		}
		if (*pending) {	/* the next character of the chunk */
			size_t l = 1;
			while (((unsigned char)pending[l] & 0xc0) == 0x80)
				l++;
			if (strlen(q) + l < sizeof q)
				strncat(q, pending, l);
			pending += l;
		}
		typed(inc, t, fd, q, sn);
		size_t bytes;
		filter_kept(inc, &bytes);
		size_t budget = t->nrows * 4 > 65536 ? t->nrows * 4 : 65536;
		if (bytes > budget)
			fail_msg("the kept results take %zu bytes, over %zu", bytes, budget);
	}
}

/* Queries with field:value, typed letter by letter then erased, each
 * query checked as sequence() checks them (chunks are typed one after the
 * other, so that a field prefix there rarely starts a word). */
static const char *const field_queries[] = {"territoire:reunion", "territoire:gironde rennes",
    "ville:saint-denis territoire:seine", "departements:974", "departements:93 94",
    "departements:22 29", "territoire:\"cotes d'armor\"", "sigle:crcsur territoire:ile",
    "telephone:04 territoire:hauts", "centre territoire:val-d'oise"};

static void
typed_fields(struct filter *inc, const struct table *t, const struct folded *fd, struct seen *sn)
{
	for (size_t i = 0; i < sizeof field_queries / sizeof field_queries[0]; i++) {
		char q[256];
		size_t n = strlen(field_queries[i]);
		for (size_t k = 1; k <= 2 * n; k++) {
			size_t len = k <= n ? k : 2 * n - k;
			snprintf(q, sizeof q, "%.*s", (int)len, field_queries[i]);	/* ASCII */
			typed(inc, t, fd, q, sn);
		}
	}
}

static void
typed_against_references(void **state)
{
	(void)state;
	for (int places = 0; places < 2; places++) {
		seed = 0x9e3779b97f4a7c15u + (uint64_t)places;
		struct table t;
		generate(&t, 1500, places);
		struct folded fd;
		fold_all(&t, &fd);
		struct seen sn = {0};
		for (int s = 0; s < 30; s++) {
			struct filter inc;
			filter_init(&inc);
			/* The last one long enough for more queries than are kept. */
			sequence(&inc, &t, &fd, s < 29 ? 40 + rnd(80) : 400, &sn);
			filter_free(&inc);
		}
		/* Most queries are within the naive rules. */
		if (sn.judged * 2 < sn.queries)
			fail_msg("the naive scan judged %zu queries of %zu", sn.judged, sn.queries);
		/* Some kept results had to go. */
		assert_true(sn.most_kept < sn.ndistinct);
		seen_free(&sn);
		folded_free(&fd);
		table_free(&t);
	}
}

/* The folded text of t's rows from the middle on moved further in its
 * arena, the gap filled with words a query looks for: as a load in
 * stretches puts the rows of each in its own part (the gap never written
 * there); a search that read it would find what is not in any row. */
static void
split_fold(struct table *t)
{
	struct arena f = {0};
	size_t half = t->nrows / 2;
	for (size_t r = 0; r < t->nrows; r++) {
		if (r == half)
			for (int k = 0; k < 300; k++)
				arena_append(&f, "reunion rennes cr csur 0478 ", 28);
		size_t at = arena_append(&f, arena_at(&t->fold, t->rows[r].fold), t->rows[r].fold_len);
		t->rows[r].fold = at;
	}
	arena_free(&t->fold);
	t->fold = f;
}

/* Sequences of keys typed on a generated table of n rows (seed s0, with
 * places or not): when start is not 0, while it loads from start rows
 * (more rows between keys, then the end); with split, its folded text in
 * two parts with a gap between. */
static void
typed_on(size_t n, bool places, uint64_t s0, int seqs, size_t keys, size_t start, bool split)
{
	seed = s0;
	struct table t;
	generate(&t, n, places);
	if (split)
		split_fold(&t);
	struct folded fd;
	fold_all(&t, &fd);
	struct seen sn = {0};
	for (int s = 0; s < seqs; s++) {
		struct table view = t;	/* owns nothing */
		if (start) {
			view.nrows = start == 1 ? rnd(50) : start;
			view.loading = true;
			growing = &view;
			loaded = t.nrows;
		}
		struct filter inc;
		filter_init(&inc);
		if (s == 0 && !start)
			typed_fields(&inc, &view, &fd, &sn);
		sequence(&inc, &view, &fd, keys, &sn);
		if (start)	/* it did grow */
			assert_true(view.nrows > (start == 1 ? 50 : start));
		filter_free(&inc);
	}
	growing = NULL;
	assert_true(sn.judged * 2 >= sn.queries);
	seen_free(&sn);
	folded_free(&fd);
	table_free(&t);
}

/* Queries typed while the table loads (core/loading.c): the same table
 * (one address) with more rows between keys, its first rows the same,
 * then whole; what the filter publishes after each key is what a fresh
 * filter would on the rows there are, and what the naive scan finds. */
static void
typed_while_loading(void **state)
{
	(void)state;
	typed_on(3000, false, 0x5eed, 12, 150, 1, false);
	typed_on(3000, true, 0x5eee, 12, 150, 1, false);
}

/* A table large enough for one plain term to be looked for over the whole
 * folded text (run_whole in filter.c: 4,096 candidates and a quarter of
 * the rows at least), with acronyms written with separators, typed
 * without; its folded text in two parts, as a load in stretches puts it;
 * and the same while it loads. */
static void
whole_text_typed(void **state)
{
	(void)state;
	/* At every vector level this processor has (the whole text is
	 * scanned with AVX2 where it has it). */
	for (int level = SIMD_AVX2; level >= SIMD_SSE2; level--) {
		simd_limit((enum simd_level)level);
		typed_on(9000, false, 0xabcdef + (uint64_t)level, 4, 120, 0, true);
		typed_on(9000, true, 0xabcdf0 + (uint64_t)level, 4, 120, 5000, true);
	}
	simd_limit(SIMD_AVX2);
}

/* The scan split in shares on small tables, as it is on large ones
 * across the cores: the rows and hints of each share joined in order,
 * whether its candidates are every row, the rows of a shorter query (with
 * where its last term was: letters typed after it), or the whole text. */
static void
split_scans_typed(void **state)
{
	(void)state;
	static const size_t shares[] = {2, 3, 8};
	for (size_t i = 0; i < sizeof shares / sizeof shares[0]; i++) {
		filter_split_for_tests(64, shares[i]);
		typed_on(2000, false, 0x5a1 + i, 5, 120, 0, false);
		typed_on(5000, true, 0x5b1 + i, 1, 100, 0, true);
	}
	filter_split_for_tests(0, 0);
}

/* The same on lazy tables (a large file on the screen), whose resident
 * values (the territories, the départements) are looked for in the pool,
 * each once a scan, not in the rows' search text: typed as loaded, while
 * loading, over the whole text (in two parts), in shares, and with some
 * values folded in their rows (a column of many). */
static void
lazy_tables_typed(void **state)
{
	(void)state;
	lazy = true;
	typed_on(2000, false, 0x1a2, 8, 120, 0, false);
	typed_on(2000, true, 0x1a3, 8, 120, 0, false);
	typed_on(3000, true, 0x1a4, 6, 150, 1, false);
	typed_on(9000, false, 0x1a5, 3, 120, 0, true);
	typed_on(9000, true, 0x1a6, 3, 120, 5000, true);
	filter_split_for_tests(64, 3);
	typed_on(5000, true, 0x1a7, 2, 100, 0, true);
	filter_split_for_tests(0, 0);
	/* Columns of many values: past the first 4 a loader meets, new ones
	 * have their folded form in their rows' text, not in the pool. */
	csvload_remember_for_tests(4);
	typed_on(3000, true, 0x1a8, 6, 120, 0, false);
	typed_on(9000, true, 0x1a9, 2, 120, 5000, true);
	csvload_remember_for_tests(0);
	lazy = false;
}

/* A table large enough for the scan to be split across threads. */
static void
large_table_typed(void **state)
{
	(void)state;
	seed = 42;
	struct table t;
	generate(&t, 70000, true);
	struct folded fd;
	fold_all(&t, &fd);
	struct seen sn = {0};
	struct filter inc;
	filter_init(&inc);
	sequence(&inc, &t, &fd, 40, &sn);
	assert_true(sn.judged > 0);
	seen_free(&sn);
	filter_free(&inc);
	folded_free(&fd);
	table_free(&t);
}

/* A table whose kept results reach their budget in bytes before their
 * count (queries many rows match, each kept as a bit a row): the least
 * recently used go, and every query, met again, still gets its rows. */
static void
over_budget(void **state)
{
	(void)state;
	seed = 99;
	struct table t;
	generate(&t, 20000, false);
	static const char *const pairs[] = {"ce", "en", "nt", "tr", "re", "es", "ss", "so", "ou",
	    "ur", "rc", "po", "ol", "li", "it", "ti", "iq", "qu", "ue", "vi", "il", "ll", "le",
	    "de", "la", "ev", "ve", "lo", "op", "pe", "me", "ci", "ia", "al", "ob", "er", "va",
	    "at", "to", "oi", "gi", "io", "on", "na", "ai", "in", "is", "an"};
	enum { NP = sizeof pairs / sizeof pairs[0] };
	struct filter inc, fresh;
	filter_init(&inc);
	size_t most = 0;
	for (int round = 0; round < 2; round++)
		for (size_t i = 0; i < NP; i++) {
			filter_set(&inc, &t, pairs[i]);
			filter_init(&fresh);
			filter_set(&fresh, &t, pairs[i]);
			same_as_fresh(&inc, &fresh, &t, pairs[i]);
			filter_free(&fresh);
			size_t bytes, kept = filter_kept(&inc, &bytes);
			if (bytes > t.nrows * 4)
				fail_msg("the kept results take %zu bytes, over %zu", bytes, t.nrows * 4);
			if (kept > most)
				most = kept;
		}
	/* Fewer kept than asked, and fewer than their count allows: their
	 * bytes decided. */
	assert_true(most < NP);
	filter_free(&inc);
	table_free(&t);
}

/* Another table in the same place, or the same one with other rows, or
 * none: nothing kept of the last one is used. */
static void
table_changes(void **state)
{
	(void)state;
	struct table a, b;
	seed = 7;
	generate(&a, 2000, true);
	seed = 8;
	generate(&b, 2000, true);	/* as many rows, others */
	struct filter inc, fresh;
	filter_init(&inc);
	static const char *const typed[] = {"r", "re", "reu", "reun", "reu", "re", "r"};
	for (size_t i = 0; i < sizeof typed / sizeof typed[0]; i++)
		filter_set(&inc, &a, typed[i]);
	/* A reload: the state resets the filter; the next table is b. */
	filter_reset(&inc);
	assert_int_equal(filter_kept(&inc, NULL), 0);
	for (size_t i = sizeof typed / sizeof typed[0]; i-- > 0;) {
		filter_set(&inc, &b, typed[i]);
		filter_init(&fresh);
		filter_set(&fresh, &b, typed[i]);
		same_as_fresh(&inc, &fresh, &b, typed[i]);
		filter_free(&fresh);
	}
	/* Another table (another address) without a reset: nothing kept of b. */
	for (size_t i = 0; i < sizeof typed / sizeof typed[0]; i++) {
		filter_set(&inc, &a, typed[i]);
		filter_init(&fresh);
		filter_set(&fresh, &a, typed[i]);
		same_as_fresh(&inc, &fresh, &a, typed[i]);
		filter_free(&fresh);
	}
	/* A table of no row. */
	struct table z;
	generate(&z, 0, true);
	for (size_t i = 0; i < sizeof typed / sizeof typed[0]; i++) {
		filter_set(&inc, &z, typed[i]);
		assert_int_equal(inc.n, 0);
	}
	filter_free(&inc);
	table_free(&a);
	table_free(&b);
	table_free(&z);
}

/* Backspace and typing again: the kept results serve, nothing is scanned. */
static void
backspace_rescans_nothing(void **state)
{
	(void)state;
	seed = 3;
	struct table t;
	generate(&t, 3000, false);
	struct filter f;
	filter_init(&f);
	static const char *const typed[] = {"v", "vi", "vil", "vill", "ville", "ville ", "ville c"};
	size_t n = sizeof typed / sizeof typed[0];
	for (size_t i = 0; i < n; i++)
		filter_set(&f, &t, typed[i]);
	for (size_t i = n - 1; i-- > 0;) {	/* Backspace to "v" */
		filter_set(&f, &t, typed[i]);
		assert_int_equal(f.examined, 0);
	}
	for (size_t i = 1; i < n; i++) {	/* and the same letters again */
		filter_set(&f, &t, typed[i]);
		assert_int_equal(f.examined, 0);
	}
	/* "ville " has the rows of "ville": kept, not scanned. */
	filter_set(&f, &t, "ville  ");
	assert_int_equal(f.examined, 0);
	/* A new letter narrows the smallest kept result that holds its rows. */
	filter_set(&f, &t, "ville");
	size_t ville = f.n;
	filter_set(&f, &t, "ville ce");
	size_t ce = f.examined;
	filter_set(&f, &t, "villes");
	assert_int_equal(f.examined, ville);
	assert_true(ce > 0 && ce < t.nrows);
	filter_free(&f);
	table_free(&t);
}

/* Typing on, where the longer term is also found some other way ("saint"
 * is also the word st) or is phone digits (+33 is a 0): the rows of a
 * fresh filter. */
static void
typed_on_other_forms(void **state)
{
	(void)state;
	static const char csv[] = "nom,telephone\nSt-\xc3\x89tienne Sainz,+33 4 78 01 02 03\n"
	    "Sainz,04 78 01 02 03\nSaint-Denis,\n";
	static const char *const typed[] = {"s", "sa", "sai", "sain", "saint", "sain", "saint",
	    "+3", "+33", "+33 4", "+33 47", "04", "047", "0478"};
	struct table t;
	struct err e;
	assert_int_equal(load_mem(&t, csv, sizeof csv - 1, NULL, &e), 0);
	struct filter inc, fresh;
	filter_init(&inc);
	for (size_t i = 0; i < sizeof typed / sizeof typed[0]; i++) {
		filter_set(&inc, &t, typed[i]);
		filter_init(&fresh);
		filter_set(&fresh, &t, typed[i]);
		same_as_fresh(&inc, &fresh, &t, typed[i]);
		filter_free(&fresh);
	}
	filter_set(&inc, &t, "saint");
	assert_int_equal(inc.n, 2);	/* St-Étienne and Saint-Denis */
	filter_free(&inc);
	table_free(&t);
}

int
main(void)
{
	setlocale(LC_ALL, "");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(typed_against_references),
		cmocka_unit_test(typed_while_loading),
		cmocka_unit_test(whole_text_typed),
		cmocka_unit_test(split_scans_typed),
		cmocka_unit_test(lazy_tables_typed),
		cmocka_unit_test(large_table_typed),
		cmocka_unit_test(over_budget),
		cmocka_unit_test(table_changes),
		cmocka_unit_test(backspace_rescans_nothing),
		cmocka_unit_test(typed_on_other_forms),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
