/* SPDX-License-Identifier: MIT
 * places: data/places.txt parsed into records and the two sorted indexes
 * the look-up (placefind.c) searches, once, on first use; how a place is
 * named in a list. */
#include "places.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "i18n.h"
#include "text.h"

/* data/places.txt, assembled into the binary by src/builtin.S. */
extern const char centres_builtin_places[];
extern const char centres_builtin_places_end[];

/* The fields of one line, split at tabs (at most max). */
static size_t
split_tabs(const char *s, size_t n, const char **f, size_t *len, size_t max)
{
	size_t k = 0, start = 0;
	for (size_t i = 0; i <= n && k < max; i++)
		if (i == n || s[i] == '\t') {
			f[k] = s + start;
			len[k++] = i - start;
			start = i + 1;
		}
	return k;
}

/* A name and its folded form into p->text; *name and *fold get their
 * offsets. */
static void
put_name(struct places *p, const char *s, size_t n, uint32_t *name, uint32_t *fold)
{
	*name = (uint32_t)arena_append(&p->text, s, n);
	arena_putc(&p->text, '\0');
	*fold = (uint32_t)p->text.len;
	text_fold(&p->text, s, n, NULL);
	arena_putc(&p->text, '\0');
}

/* An unsigned decimal number of at most 9 digits (or "" as dflt). */
static int
parse_num(const char *s, size_t n, uint32_t dflt, uint32_t *out)
{
	if (n == 0) {
		*out = dflt;
		return 0;
	}
	if (n > 9)
		return -1;
	uint32_t v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (uint32_t)(s[i] - '0');
	}
	*out = v;
	return 0;
}

/* The article field of an R or D line: one digit 0-8 (INSEE's TNCC), or
 * none (a line of the older format: no article). */
static int
parse_article(const char *s, size_t n, uint8_t *out)
{
	*out = PLACE_ARTICLE_NONE;
	if (!s)
		return 0;
	if (n != 1 || s[0] < '0' || s[0] > '8')
		return -1;
	*out = (uint8_t)(s[0] - '0');
	return 0;
}

static int
region_of_code(const struct places *p, const char *s, size_t n)
{
	for (size_t i = 0; i < p->nregion; i++)
		if (strlen(p->region[i].code) == n && memcmp(p->region[i].code, s, n) == 0)
			return (int)i;
	return -1;
}

int
places_dept_of_code(const struct places *p, const char *s, size_t n)
{
	if (n == 0 || n > 3)
		return -1;
	for (size_t i = 0; i < p->ndept; i++) {
		const char *c = p->dept[i].code;
		if (strlen(c) != n)
			continue;
		size_t k = 0;
		while (k < n && (s[k] == c[k] || (c[k] >= 'A' && c[k] <= 'Z' && s[k] == c[k] + 32)))
			k++;
		if (k == n)
			return (int)i;
	}
	return -1;
}

/* The postcodes field of a commune of département d: "400,500" (the
 * département's first digits left out) or full codes, comma-separated. */
static int
parse_postcodes(struct places *p, size_t *cap, const struct place_dept *d, const char *s, size_t n,
    struct place_commune *c)
{
	size_t pre = strlen(d->pc_prefix);
	c->pc = (uint32_t)p->npostcode;
	c->npc = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && s[j] != ',')
			j++;
		char digits[6];
		size_t len = j - i;
		if (len == 5)
			memcpy(digits, s + i, 5);
		else if (len + pre == 5) {
			memcpy(digits, d->pc_prefix, pre);
			memcpy(digits + pre, s + i, len);
		} else
			return -1;
		uint32_t v;
		if (parse_num(digits, 5, 0, &v) < 0)
			return -1;
		xgrow((void **)&p->postcode, cap, p->npostcode + 1, sizeof *p->postcode);
		p->postcode[p->npostcode++] = v;
		c->npc++;
		i = j + 1;
	}
	return 0;
}

/* One commune or arrondissement line: number (or step), name, postcodes,
 * population. */
static int
parse_commune(struct places *p, size_t caps[4], const char **f, const size_t *len, size_t nf,
    uint32_t *last)
{
	if (p->ndept == 0 || nf != 4)
		return -1;
	bool arr = len[0] && f[0][0] == '+';
	uint32_t num;
	if (arr ? parse_num(f[0] + 1, len[0] - 1, 0, &num) < 0 : parse_num(f[0], len[0], 1, &num) < 0)
		return -1;
	if (!arr)
		num = *last += num;
	if (len[1] == 0 || (arr && p->ncommune == 0))
		return -1;
	xgrow((void **)&p->commune, &caps[2], p->ncommune + 1, sizeof *p->commune);
	struct place_commune *c = &p->commune[p->ncommune];
	memset(c, 0, sizeof *c);
	c->dept = (uint32_t)(p->ndept - 1);
	const struct place_dept *d = &p->dept[c->dept];
	size_t cl = strlen(d->code);
	int w = snprintf(c->insee, sizeof c->insee, "%s%0*u", d->code, (int)(5 - cl), num);
	if (w != 5)
		return -1;
	c->parent = -1;
	if (arr) {
		size_t k = p->ncommune;
		while (k > 0 && p->commune[k - 1].parent >= 0)
			k--;
		if (k == 0 || p->commune[k - 1].dept != c->dept)
			return -1;
		c->parent = (int32_t)(k - 1);
	}
	put_name(p, f[1], len[1], &c->name, &c->fold);
	if (parse_postcodes(p, &caps[3], d, f[2], len[2], c) < 0 ||
	    parse_num(f[3], len[3], 0, &c->population) < 0)
		return -1;
	p->ncommune++;
	return 0;
}

static int
parse_line(struct places *p, const char *s, size_t n, size_t caps[4], uint32_t *last)
{
	const char *f[6];
	size_t len[6];
	size_t nf = split_tabs(s, n, f, len, 6);
	if (n && s[0] == 'R' && (nf == 3 || nf == 4) && len[0] == 1 && len[1] && len[1] < 4 &&
	    len[2]) {
		uint8_t art;
		if (parse_article(nf == 4 ? f[3] : NULL, nf == 4 ? len[3] : 0, &art) < 0)
			return -1;
		xgrow((void **)&p->region, &caps[0], p->nregion + 1, sizeof *p->region);
		struct place_region *r = &p->region[p->nregion++];
		memcpy(r->code, f[1], len[1]);
		r->code[len[1]] = '\0';
		r->article = art;
		put_name(p, f[2], len[2], &r->name, &r->fold);
		return 0;
	}
	if (n && s[0] == 'D' && (nf == 5 || nf == 6) && len[0] == 1 && len[1] && len[1] < 4 &&
	    len[3] && len[3] < 4 && len[4]) {
		int reg = region_of_code(p, f[2], len[2]);
		uint8_t art;
		if (reg < 0 || parse_article(nf == 6 ? f[5] : NULL, nf == 6 ? len[5] : 0, &art) < 0)
			return -1;
		xgrow((void **)&p->dept, &caps[1], p->ndept + 1, sizeof *p->dept);
		struct place_dept *d = &p->dept[p->ndept++];
		memcpy(d->code, f[1], len[1]);
		d->code[len[1]] = '\0';
		memcpy(d->pc_prefix, f[3], len[3]);
		d->pc_prefix[len[3]] = '\0';
		d->region = (uint32_t)reg;
		d->article = art;
		put_name(p, f[4], len[4], &d->name, &d->fold);
		*last = 0;
		return 0;
	}
	return parse_commune(p, caps, f, len, nf, last);
}

/* For sorting the indexes: a key and the commune it leads to. */
struct sort_item {
	const char *key;
	uint32_t code;
	uint32_t population;
	uint32_t commune;
};

/* By folded name (or postcode), then biggest first, then file order: the
 * same order on every machine. */
static int
cmp_item(const void *a, const void *b)
{
	const struct sort_item *x = a, *y = b;
	int c = x->key ? strcmp(x->key, y->key) : (x->code > y->code) - (x->code < y->code);
	if (c)
		return c;
	if (x->population != y->population)
		return x->population > y->population ? -1 : 1;
	return (x->commune > y->commune) - (x->commune < y->commune);
}

static void
build_indexes(struct places *p)
{
	size_t n = p->ncommune;
	struct sort_item *it = xmalloc((n > p->npostcode ? n : p->npostcode) * sizeof *it + 1);
	for (size_t i = 0; i < n; i++)
		it[i] = (struct sort_item){places_str(p, p->commune[i].fold), 0,
			p->commune[i].population, (uint32_t)i};
	qsort(it, n, sizeof *it, cmp_item);
	p->by_name = xmalloc((n ? n : 1) * sizeof *p->by_name);
	for (size_t i = 0; i < n; i++)
		p->by_name[i] = it[i].commune;
	/* A city with arrondissements is found by postcode through them: 75011
	 * is Paris 11e Arrondissement. */
	bool *has_arr = xcalloc(n ? n : 1, sizeof *has_arr);
	for (size_t i = 0; i < n; i++)
		if (p->commune[i].parent >= 0)
			has_arr[p->commune[i].parent] = true;
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		const struct place_commune *c = &p->commune[i];
		for (uint32_t j = 0; j < c->npc && !has_arr[i]; j++)
			it[k++] = (struct sort_item){NULL, p->postcode[c->pc + j], c->population,
				(uint32_t)i};
	}
	qsort(it, k, sizeof *it, cmp_item);
	p->by_postcode = xmalloc((k ? k : 1) * sizeof *p->by_postcode);
	for (size_t i = 0; i < k; i++)
		p->by_postcode[i] = (struct place_postcode){it[i].code, it[i].commune};
	p->nby_postcode = k;
	free(has_arr);
	free(it);
}

int
places_parse(struct places *p, const char *buf, size_t n, struct err *e)
{
	memset(p, 0, sizeof *p);
	size_t caps[4] = {0, 0, 0, 0};	/* regions, départements, communes, postcodes */
	uint32_t last = 0;
	unsigned long line = 0;
	for (size_t i = 0; i < n;) {
		const char *nl = memchr(buf + i, '\n', n - i);
		size_t len = nl ? (size_t)(nl - (buf + i)) : n - i;
		line++;
		if (len && buf[i] != '#' && parse_line(p, buf + i, len, caps, &last) < 0)
			return err_at(e, "places", line, "%s", _("cannot read this line"));
		i += len + 1;
	}
	if (p->nregion == 0 || p->ndept == 0 || p->ncommune == 0)
		return err_at(e, "places", 0, "%s", _("no region, département or commune"));
	build_indexes(p);
	return 0;
}

void
places_free(struct places *p)
{
	free(p->region);
	free(p->dept);
	free(p->commune);
	free(p->postcode);
	free(p->by_name);
	free(p->by_postcode);
	arena_free(&p->text);
	memset(p, 0, sizeof *p);
}

static struct places builtin;
static pthread_once_t builtin_once = PTHREAD_ONCE_INIT;

static void
parse_builtin(void)
{
	struct timespec a, b;
	struct err e;
	clock_gettime(CLOCK_MONOTONIC, &a);
	if (places_parse(&builtin, centres_builtin_places,
	    (size_t)(centres_builtin_places_end - centres_builtin_places), &e) < 0) {
		char buf[1024];
		/* TRANSLATORS: %s is "places:LINE: REASON". */
		die(_("built-in %s"), err_text(&e, buf, sizeof buf));
	}
	clock_gettime(CLOCK_MONOTONIC, &b);
	builtin.parse_seconds = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
}

const struct places *
places_get(void)
{
	pthread_once(&builtin_once, parse_builtin);
	return &builtin;
}

/* Appends a NUL-terminated string. */
static void
put(struct arena *out, const char *s)
{
	arena_append(out, s, strlen(s));
}

void
places_label(const struct places *p, const struct place_hit *h, struct arena *out)
{
	char buf[16];
	if (h->kind == PLACE_REGION) {
		put(out, places_str(p, p->region[h->id].name));
		return;
	}
	if (h->kind == PLACE_DEPT) {
		const struct place_dept *d = &p->dept[h->id];
		put(out, places_str(p, d->name));
		snprintf(buf, sizeof buf, " (%s)", d->code);
		put(out, buf);
		return;
	}
	const struct place_commune *c = &p->commune[h->id];
	const struct place_dept *d = &p->dept[c->dept];
	const char *name = places_str(p, c->name), *dname = places_str(p, d->name);
	put(out, name);
	uint32_t pc = h->postcode ? h->postcode : c->npc == 1 ? p->postcode[c->pc] : 0;
	if (pc) {
		snprintf(buf, sizeof buf, " %05u", pc);
		put(out, buf);
	}
	/* Paris in Paris: the number says which. */
	if (strcmp(name, dname) == 0) {
		snprintf(buf, sizeof buf, " (%s)", d->code);
		put(out, buf);
	} else {
		put(out, ", ");
		put(out, dname);
	}
}

/* The sentence form of a name with article a (enum place_article): each a
 * message of its own, so that a translation gives its article ("les %s",
 * "des %s"); English has none. */
static const char *
article_format(unsigned a, enum place_form form)
{
	if (form == PLACE_LABEL)
		return "%s";
	if (form == PLACE_OBJECT)
		switch (a) {
		/* TRANSLATORS: a place's name (%s) as the object of a verb
		 * ("No centre covers %s."), for a name whose article is "le"
		 * (INSEE's TNCC 2): "le %s". The same for the next ones: la, les,
		 * l', aux, las, los. English has no article. */
		case PLACE_ARTICLE_LE: return C_("article 2 (le)", "%s");
		case PLACE_ARTICLE_LA: return C_("article 3 (la)", "%s");
		case PLACE_ARTICLE_LES: return C_("article 4 (les)", "%s");
		case PLACE_ARTICLE_L: return C_("article 5 (l')", "%s");
		case PLACE_ARTICLE_AUX: return C_("article 6 (aux)", "%s");
		case PLACE_ARTICLE_LAS: return C_("article 7 (las)", "%s");
		case PLACE_ARTICLE_LOS: return C_("article 8 (los)", "%s");
		default: return "%s";
		}
	switch (a) {
	/* TRANSLATORS: a place's name (%s) after "of" ("Centres in %s:"), for a
	 * name without article whose "de" form is "de" (INSEE's TNCC 0): "de
	 * %s". The same for the next ones: d', du, de la, des, de l', des, de
	 * las, de los. English has none. */
	case PLACE_ARTICLE_NONE: return C_("article 0, after of (de)", "%s");
	case PLACE_ARTICLE_NONE_D: return C_("article 1, after of (d')", "%s");
	case PLACE_ARTICLE_LE: return C_("article 2, after of (du)", "%s");
	case PLACE_ARTICLE_LA: return C_("article 3, after of (de la)", "%s");
	case PLACE_ARTICLE_LES: return C_("article 4, after of (des)", "%s");
	case PLACE_ARTICLE_L: return C_("article 5, after of (de l')", "%s");
	case PLACE_ARTICLE_AUX: return C_("article 6, after of (des)", "%s");
	case PLACE_ARTICLE_LAS: return C_("article 7, after of (de las)", "%s");
	case PLACE_ARTICLE_LOS: return C_("article 8, after of (de los)", "%s");
	default: return "%s";
	}
}

void
places_label_as(const struct places *p, const struct place_hit *h, enum place_form form,
    struct arena *out)
{
	struct arena label = {0};
	places_label(p, h, &label);
	arena_putc(&label, '\0');
	unsigned a = h->kind == PLACE_REGION ? p->region[h->id].article :
	    h->kind == PLACE_DEPT ? p->dept[h->id].article : PLACE_ARTICLE_NONE;
	arena_put_format(out, article_format(a, form), label.base);
	arena_free(&label);
}
