/* SPDX-License-Identifier: MIT
 * places: the places of France carried in the binary (data/places.txt, from
 * INSEE's geographic code: regions, départements, current communes, and the
 * municipal arrondissements of Paris, Lyon and Marseille), parsed once on
 * first use, and the look-up of what a person types that names one: a
 * commune by name (or the start of one), a postcode (or its first digits),
 * a département by number or name, a region. Owns the parsed places until
 * the process ends: one arena for every name, arrays of fixed records.
 * Knows nothing of tables (which rows cover a place is coverage.c's) and
 * nothing of terminals. */
#ifndef CENTRES_PLACES_H
#define CENTRES_PLACES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "util.h"

/* The article French puts before a place's name in a sentence: INSEE's
 * TNCC (type de nom en clair), or the usage where INSEE gives none
 * (tools/places.sh): "la Gironde", "les Hauts-de-Seine", "Paris". */
enum place_article {
	PLACE_ARTICLE_NONE,	/* 0: none, "de Paris" */
	PLACE_ARTICLE_NONE_D,	/* 1: none, "d'Ambérieu" */
	PLACE_ARTICLE_LE,	/* 2 */
	PLACE_ARTICLE_LA,	/* 3 */
	PLACE_ARTICLE_LES,	/* 4 */
	PLACE_ARTICLE_L,	/* 5: l' */
	PLACE_ARTICLE_AUX,	/* 6 */
	PLACE_ARTICLE_LAS,	/* 7 */
	PLACE_ARTICLE_LOS,	/* 8 */
	PLACE_ARTICLE_COUNT
};

struct place_region {
	char code[4];		/* "84", "975" */
	uint32_t name, fold;	/* offsets in places.text: "Occitanie", "occitanie" */
	uint8_t article;	/* enum place_article */
};

struct place_dept {
	char code[4];		/* "33", "2A", "974" */
	char pc_prefix[4];	/* the first digits of its postcodes: "33", "20", "974" */
	uint32_t region;	/* index in places.region */
	uint32_t name, fold;
	uint8_t article;	/* enum place_article */
};

struct place_commune {
	uint32_t name, fold;
	uint32_t population;	/* 0 where the source gives none */
	uint32_t pc, npc;	/* its postcodes: places.postcode[pc .. pc + npc) */
	uint32_t dept;		/* index in places.dept */
	int32_t parent;		/* an arrondissement's commune (index), else -1 */
	char insee[6];		/* "33063" */
};

/* A postcode and one commune that has it. */
struct place_postcode {
	uint32_t code;		/* 33000 */
	uint32_t commune;
};

struct places {
	struct place_region *region;
	size_t nregion;
	struct place_dept *dept;
	size_t ndept;
	struct place_commune *commune;	/* communes and arrondissements, file order */
	size_t ncommune;
	uint32_t *postcode;		/* the communes' postcodes, as numbers */
	size_t npostcode;
	uint32_t *by_name;		/* commune indexes, by folded name, then biggest first */
	struct place_postcode *by_postcode;	/* by code, then biggest first; a city
						 * with arrondissements only through them */
	size_t nby_postcode;
	struct arena text;		/* every name and folded name, NUL-terminated */
	double parse_seconds;		/* what places_get() took to parse */
};

/* The places built into the binary, parsed on the first call (any thread;
 * once). Never NULL; they live until the process ends. An embedded file that
 * does not parse is a broken build: die(). */
const struct places *places_get(void);
/* Parses buf[0..n) (the format of data/places.txt) into p. Returns 0, or -1
 * with e naming the line; p is then freed by places_free() either way. */
int places_parse(struct places *p, const char *buf, size_t n, struct err *e);
void places_free(struct places *p);

/* A name or folded name of p (an offset from a record). */
static inline const char *
places_str(const struct places *p, uint32_t off)
{
	return arena_at(&p->text, off);
}
/* The index of the département with that code ("33", "2a", "2B", "974"),
 * or -1. */
int places_dept_of_code(const struct places *p, const char *code, size_t n);

/* The first entry of places.by_postcode whose code is not below code
 * (nby_postcode when none). */
size_t places_postcode_at(const struct places *p, uint32_t code);

enum place_kind { PLACE_REGION, PLACE_DEPT, PLACE_COMMUNE };

/* One place a query names. */
struct place_hit {
	enum place_kind kind;
	uint32_t id;		/* index in places.region, .dept or .commune */
	uint32_t postcode;	/* a commune found by postcode: that postcode; 0 */
	bool exact;		/* the whole name, number or postcode, not a start */
};

#define PLACES_MAX_HITS 64	/* homonyms included (the most: 20 or so) */
#define PLACES_MAX_STARTS 10	/* communes offered for the start of a name */

struct place_query {
	struct place_hit hit[PLACES_MAX_HITS];
	size_t n;
	/* The query is a département's number (2 or 3 digits) or a postcode
	 * (5 digits) and nothing else: it is not also searched as a phone
	 * number (33 is the Gironde, not a group of digits). */
	bool only_place;
};

/* The places the text a person typed names, best first: whole names before
 * starts of names; among them regions, then départements, then communes,
 * biggest population first. Case, accents, hyphens and apostrophes do not
 * matter (text_fold), "st"/"ste" stand for "saint"/"sainte". Every place
 * of the name is given (homonyms); then, unless that name is a region's, a
 * département's or a commune's bigger than all the others that start so,
 * the PLACES_MAX_STARTS biggest communes (and the regions and départements)
 * whose name starts with the query (3 characters at least). Digits: 2 or 3
 * that are a département's number give that département; 5 that are a
 * postcode, its communes (an arrondissement rather than its city); 2 to 4,
 * the biggest communes whose postcode starts with them. */
void places_find(const struct places *p, const char *query, struct place_query *out);

/* Appends to out how a place is named in a list, without a NUL:
 * "Saint-Denis 93200, Seine-Saint-Denis", "Paris 11e Arrondissement 75011,
 * Paris", "Gironde (33)", "Occitanie". A commune's postcode is shown when it
 * was typed or when the commune has only one. */
void places_label(const struct places *p, const struct place_hit *h, struct arena *out);

/* How a place's label reads in a sentence of a translation (in English,
 * always as places_label()): as it is (PLACE_LABEL), as the direct object
 * ("les Hauts-de-Seine (92)", "la Corse", "Paris (75)"), or after "de"
 * ("des Hauts-de-Seine (92)", "de la Corse", "de Paris (75)"). A commune
 * is taken to have no article (the file does not say). */
enum place_form { PLACE_LABEL, PLACE_OBJECT, PLACE_OF };
void places_label_as(const struct places *p, const struct place_hit *h, enum place_form form,
    struct arena *out);

#endif
