/* SPDX-License-Identifier: MIT
 * placefind: what a person typed, read as places (places_find() of
 * places.h): whole or started names of communes, départements and regions,
 * département numbers, postcodes and their first digits. Reads the parsed
 * places; owns nothing. */
#include <stdlib.h>
#include <string.h>

#include "places.h"
#include "text.h"

/* The rank of a kind of match: whole names before starts, regions before
 * départements before communes. */
enum group {
	G_REGION, G_DEPT, G_COMMUNE, G_START_REGION, G_START_DEPT, G_START_COMMUNE
};

struct cand {
	struct place_hit h;
	enum group g;
	uint32_t population;
};

struct cands {
	struct cand c[PLACES_MAX_HITS + 2 * PLACES_MAX_STARTS + 8];
	size_t n;
};

static void
add(struct cands *cs, enum place_kind kind, uint32_t id, uint32_t pc, enum group g,
    uint32_t population)
{
	if (cs->n < sizeof cs->c / sizeof cs->c[0])
		cs->c[cs->n++] = (struct cand){{kind, id, pc, g < G_START_REGION}, g, population};
}

static int
cmp_cand(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	if (x->g != y->g)
		return x->g < y->g ? -1 : 1;
	if (x->population != y->population)
		return x->population > y->population ? -1 : 1;
	return (x->h.id > y->h.id) - (x->h.id < y->h.id);
}

/* Keeps the biggest: adds c to the starts kept (at most PLACES_MAX_STARTS,
 * biggest first) unless smaller than all of them. */
static void
keep_biggest(struct cand *kept, size_t *n, struct cand c)
{
	for (size_t i = 0; i < *n; i++)
		if (kept[i].h.kind == c.h.kind && kept[i].h.id == c.h.id)
			return;
	size_t at = *n;
	while (at > 0 && kept[at - 1].population < c.population)
		at--;
	if (at >= PLACES_MAX_STARTS)
		return;
	size_t last = *n < PLACES_MAX_STARTS ? *n : PLACES_MAX_STARTS - 1;
	memmove(kept + at + 1, kept + at, (last - at) * sizeof *kept);
	kept[at] = c;
	if (*n < PLACES_MAX_STARTS)
		(*n)++;
}

static bool
starts_with(const char *s, const char *key, size_t n)
{
	return strncmp(s, key, n) == 0;
}

/* The first commune (in places.by_name) whose folded name is not below key. */
static size_t
name_lower_bound(const struct places *p, const char *key)
{
	size_t lo = 0, hi = p->ncommune;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(places_str(p, p->commune[p->by_name[mid]].fold), key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* A region or département whose folded name f is key, or starts with it. */
static void
add_area(struct cands *cs, enum place_kind kind, uint32_t id, const char *f, const char *key,
    bool start_ok)
{
	bool region = kind == PLACE_REGION;
	if (strcmp(f, key) == 0)
		add(cs, kind, id, 0, region ? G_REGION : G_DEPT, 0);
	else if (start_ok && starts_with(f, key, strlen(key)))
		add(cs, kind, id, 0, region ? G_START_REGION : G_START_DEPT, 0);
}

/* Names of regions, départements and communes that are key, or start with
 * it (3 bytes at least). */
static void
find_names(const struct places *p, const char *key, struct cands *cs, struct cand *starts,
    size_t *nstarts)
{
	size_t n = strlen(key);
	bool start_ok = n >= 3;
	for (size_t i = 0; i < p->nregion; i++)
		add_area(cs, PLACE_REGION, (uint32_t)i, places_str(p, p->region[i].fold), key, start_ok);
	int code = places_dept_of_code(p, key, n);
	if (code >= 0)
		add(cs, PLACE_DEPT, (uint32_t)code, 0, G_DEPT, 0);
	for (size_t i = 0; i < p->ndept; i++)
		add_area(cs, PLACE_DEPT, (uint32_t)i, places_str(p, p->dept[i].fold), key, start_ok);
	for (size_t k = name_lower_bound(p, key); k < p->ncommune; k++) {
		uint32_t id = p->by_name[k];
		const struct place_commune *c = &p->commune[id];
		const char *f = places_str(p, c->fold);
		if (!starts_with(f, key, n))
			break;
		if (f[n] == '\0')
			add(cs, PLACE_COMMUNE, id, 0, G_COMMUNE, c->population);
		else if (start_ok)
			keep_biggest(starts, nstarts, (struct cand){{PLACE_COMMUNE, id, 0, false},
				G_START_COMMUNE, c->population});
	}
}

/* key with each word st, ste made saint, sainte; NULL when it has none.
 * Caller frees. */
static char *
saints(const char *key)
{
	struct arena a = {0};
	bool any = false;
	for (const char *w = key; *w;) {
		size_t n = strcspn(w, " ");
		if ((n == 2 && memcmp(w, "st", 2) == 0) || (n == 3 && memcmp(w, "ste", 3) == 0)) {
			arena_append(&a, n == 2 ? "saint" : "sainte", n == 2 ? 5 : 6);
			any = true;
		} else {
			arena_append(&a, w, n);
		}
		w += n;
		if (*w == ' ')
			arena_putc(&a, *w++);
	}
	arena_putc(&a, '\0');
	if (!any)
		arena_free(&a);
	return a.base;
}

size_t
places_postcode_at(const struct places *p, uint32_t code)
{
	size_t lo = 0, hi = p->nby_postcode;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (p->by_postcode[mid].code < code)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Digits only: a département's number, a postcode, or a postcode's first
 * digits. Returns whether the query is only a place. */
static bool
find_digits(const struct places *p, const char *key, size_t n, struct cands *cs,
    struct cand *starts, size_t *nstarts)
{
	int d = n <= 3 ? places_dept_of_code(p, key, n) : -1;
	if (d >= 0) {
		add(cs, PLACE_DEPT, (uint32_t)d, 0, G_DEPT, 0);
		return true;
	}
	if (n < 2 || n > 5)
		return false;
	uint32_t lo = (uint32_t)strtoul(key, NULL, 10), hi = lo + 1;
	for (size_t i = n; i < 5; i++)
		lo *= 10, hi *= 10;
	size_t k = places_postcode_at(p, lo);
	for (; k < p->nby_postcode && p->by_postcode[k].code < hi; k++) {
		const struct place_postcode *e = &p->by_postcode[k];
		uint32_t pop = p->commune[e->commune].population;
		if (n == 5)
			add(cs, PLACE_COMMUNE, e->commune, e->code, G_COMMUNE, pop);
		else
			keep_biggest(starts, nstarts, (struct cand){{PLACE_COMMUNE, e->commune, e->code,
				false}, G_START_COMMUNE, pop});
	}
	return n == 5 && cs->n > 0;
}

void
places_find(const struct places *p, const char *query, struct place_query *out)
{
	out->n = 0;
	out->only_place = false;
	char *key = text_fold_str(query);
	size_t a = 0, b = strlen(key);
	while (a < b && key[a] == ' ')
		a++;
	while (b > a && key[b - 1] == ' ')
		b--;
	memmove(key, key + a, b - a);
	key[b - a] = '\0';
	size_t n = b - a;
	struct cands cs = {.n = 0};
	struct cand starts[PLACES_MAX_STARTS];
	size_t nstarts = 0;
	if (n >= 2 && strspn(key, "0123456789") == n) {
		out->only_place = find_digits(p, key, n, &cs, starts, &nstarts);
	} else if (n >= 2) {
		find_names(p, key, &cs, starts, &nstarts);
		char *alt = saints(key);
		if (alt)
			find_names(p, alt, &cs, starts, &nstarts);
		free(alt);
	}
	free(key);
	/* A whole name said is the place meant when it is a region, a
	 * département, or a commune as big as any whose name starts so:
	 * "bordeaux" is Bordeaux, not also Bordeaux-Saint-Clair (its homonyms
	 * are all kept); "sai" is still the start of Saint-Denis as well as
	 * Sai, a village of the Orne. */
	bool area = false, commune = false;
	uint32_t biggest = 0;
	for (size_t i = 0; i < cs.n; i++) {
		area |= cs.c[i].g == G_REGION || cs.c[i].g == G_DEPT;
		if (cs.c[i].g == G_COMMUNE) {
			commune = true;
			if (cs.c[i].population > biggest)
				biggest = cs.c[i].population;
		}
	}
	/* starts[] is biggest first. */
	bool whole = area || (commune && (nstarts == 0 || biggest >= starts[0].population));
	if (whole)
		nstarts = 0;
	for (size_t i = 0; i < cs.n && whole; i++)
		if (cs.c[i].g >= G_START_REGION)
			cs.c[i--] = cs.c[--cs.n];
	for (size_t i = 0; i < nstarts; i++)
		add(&cs, starts[i].h.kind, starts[i].h.id, starts[i].h.postcode, starts[i].g,
		    starts[i].population);
	qsort(cs.c, cs.n, sizeof cs.c[0], cmp_cand);
	/* Each place once, where it ranks best. */
	for (size_t i = 0; i < cs.n && out->n < PLACES_MAX_HITS; i++) {
		bool seen = false;
		for (size_t j = 0; j < out->n && !seen; j++)
			seen = out->hit[j].kind == cs.c[i].h.kind && out->hit[j].id == cs.c[i].h.id;
		if (!seen)
			out->hit[out->n++] = cs.c[i].h;
	}
}
