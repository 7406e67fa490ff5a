/* SPDX-License-Identifier: MIT
 * filter: the query language and the incremental filter engine, for
 * queries written the way people write them.
 * - Words, all of which must match (AND), each a case- and accent-
 *   insensitive substring. Hyphens, apostrophes, dots, slashes and other
 *   punctuation separate words on both sides (text_fold): "seine-saint-denis"
 *   is the phrase "seine saint denis" and finds "Seine Saint-Denis";
 *   "Val-d'Oise", "val d oise", "cr-dsu", "CR.DSU" find what they say.
 * - "st" and "ste" also match the words "saint" and "sainte", and the other
 *   way round ("st denis" finds Saint-Denis).
 * - An acronym also matches written without its separators: "crcsur"
 *   and "cr-csur" find CR-CSUR, "crdsu" finds CR•DSU.
 * - "quoted phrases" keep their words together; field:value looks only in
 *   the columns a header name designates.
 * - A phone number as people write it is one term, however spaced ("04 78
 *   77 01 43", "04.78.77.01.43", "+33 4 78", "0033478770143", "+33 (0)4 78":
 *   +33, 0033 and (0) make a leading 0). Its digits match a number written
 *   in a field when they start at one of the number's groups ("0143" finds
 *   "04 78 77 01 43"; "33" does not find "02 31 43 63 36").
 * - When the table says where its rows work (a coverage or a postcode
 *   column: core/coverage.h), a query that names a place (core/places.h:
 *   "bordeaux", "33000", "gironde", "33", "occitanie") also finds the rows
 *   that cover it, each with the place that led to it; when no row covers
 *   the best place named, a note says so and the rows of the nearest area
 *   are offered. The start of a name ("bord") counts only when the words
 *   match no row. A département's number or a postcode alone is that
 *   place, not also phone digits.
 * Matching runs over the folded text built at load time (and, for the
 * resident values of a lazy table, over each value's folded form, once a
 * scan: table.h). The filter keeps
 * the rows of the last queries' words (4 bytes a table row at the most): a
 * query met again (Backspace, Ctrl-W, typing the same letters again) takes
 * its kept rows, and a query that narrows a kept one (typing on) searches
 * only the smallest such result again. For the last result searched it
 * also keeps where the last word was first found in each row and the 8
 * bytes after (12 bytes a table row): a letter typed at the end of that word
 * is found there without reading the row again. No terminal code. */
#ifndef CENTRES_FILTER_H
#define CENTRES_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "coverage.h"
#include "places.h"
#include "table.h"

struct term {
	char *text;	/* folded (digits only when digits); owned */
	size_t len;
	char *alt;	/* the same with st/ste for saint/sainte or back; owned,
			 * or NULL. Found only at the start of a word */
	size_t alt_len;
	bool alt_word;	/* alt ends with st or ste: it must end a word too */
	uint32_t *cols;	/* columns to look in (owned), or NULL for all */
	size_t ncols;
	bool digits;	/* a phone number: matched at the start of a group */
};

struct query {
	struct term *terms;
	size_t n;
	size_t joined;	/* 1 + the acronym column, whose short text also
			 * matches a word typed without its separators
			 * ("crcsur" finds CR-CSUR); 0: none */
};

/* Parses the query text s against t's column names into q. Never fails:
 * anything that is not a known field prefix is a plain term. Free with
 * query_free(). */
void query_parse(const struct table *t, const char *s, struct query *q);
void query_free(struct query *q);
/* Whether row r matches every term. */
bool query_match(const struct table *t, const struct query *q, size_t r);
/* The bytes of a field's text that a match of q can span at the most,
 * for a match still to be found when only the start of a field is
 * searched: a few bytes a folded byte, and phone separators. */
size_t query_reach(const struct query *q);
/* Whether every row matching `narrow` also matches `wide` (so narrowing can
 * search only wide's matches). */
bool query_implies(const struct query *narrow, const struct query *wide);

/* Why a row is in a filter's rows: the bits of hit[r]. */
enum {
	FILTER_TEXT = 1,	/* it matches the query's words */
	FILTER_PLACE = 2,	/* it covers a place the query names (via[r]) */
	FILTER_NEARBY = 4,	/* only offered by place_note: in the nearest area
				 * of a place no row covers */
};

struct filter_cache;

struct filter {
	struct query q;		/* no term when the query is only a place */
	bool active;		/* false: empty query, every row matches */
	uint32_t *rows;		/* rows shown, ascending (display order) */
	size_t n, cap;
	uint8_t *hit;		/* hit[r]: FILTER_* bits; 0 when row r is not shown */
	size_t hit_cap;
	unsigned long examined;	/* rows tested by the last filter_set() (0
				 * when the rows of a kept result served) */

	/* Places, for a table with a coverage or postcode column (else
	 * places.n is 0, via and place_note NULL, matched == n). */
	struct place_query places;	/* the places the query names, best first
					 * (no start of a name when its words
					 * matched rows) */
	const char **via;	/* NULL when the table says nothing of places
				 * (or the query was empty); else one per row:
				 * what led to row r, for the
				 * list and the card ("via Saint-Denis 93200,
				 * Seine-Saint-Denis"; "in Île-de-France" for a row
				 * the note offers); NULL for a row its words
				 * found (the words say why). Valid until the
				 * next filter_set() */
	const char *place_note;	/* "No centre covers Hauts-de-Seine (92). Centres
				 * in Île-de-France:" or "No centre covers Corse.";
				 * NULL. Valid as via */
	size_t matched;		/* rows that match the words or cover a place:
				 * rows[] less the FILTER_NEARBY ones */

	/* The filter's own. */
	struct coverage *cov;	/* the table's areas, read on the first query
				 * that may name a place */
	const struct table *cov_table;
	size_t cov_rows;
	struct reach reach;	/* the rows the places led to */
	struct arena via_text;
	uint32_t *scratch;
	size_t scratch_cap;
	struct filter_cache *cache;	/* the rows of recent queries' words */
};

void filter_init(struct filter *f);
void filter_free(struct filter *f);
/* Applies a new query to t: the rows that match its words, and those that
 * cover the places it names, with via[] and place_note. An empty or blank
 * query matches every row. Whatever a kept result saves, what it publishes
 * is what a fresh filter would (examined aside). A table other than the
 * last one (or the same with fewer rows) drops the kept results. The same
 * table with more rows is one being loaded (table.loading): its first rows
 * are the same, and a kept result is brought up to date by searching only
 * the rows added; the places wait for the end of the load. Another table
 * read into the same struct must go through filter_reset(). */
void filter_set(struct filter *f, const struct table *t, const char *query);
/* What led to row r of the last filter_set()'s table: the via text of a
 * row reached through a place or offered by place_note, else NULL. */
static inline const char *
filter_via(const struct filter *f, size_t r)
{
	return f->via && r < f->hit_cap ? f->via[r] : NULL;
}
/* Gives f the areas of table t (built by coverage_build() on t as it is
 * now, elsewhere: core/loading.c does beside the screen), which it then
 * owns, so that the next query naming a place does not read them. */
void filter_adopt_coverage(struct filter *f, const struct table *t, struct coverage *cov);
/* How many results of past queries f keeps for the table of the last
 * filter_set(), and in *bytes (if non-NULL) the memory they take: at most
 * 4 bytes a row of the table (64 KiB for a small one). */
size_t filter_kept(const struct filter *f, size_t *bytes);
/* For the tests: every scan of at least min candidates split into shares
 * of min, `shares` at most (up to 8), whatever the cores; (0, 0): as the
 * cores and the table's size say. */
void filter_split_for_tests(size_t min, size_t shares);
/* Drops the previous result and the kept ones so the next filter_set()
 * scans every row and reads the table's areas again (after a reload, or
 * whenever the table's rows changed). */
void filter_reset(struct filter *f);

/* A match inside a field: bytes [start, end) of the field's text. */
struct span {
	uint32_t start, end;
};
/* Where the terms of q that apply to column col match in s[0..n) (the text
 * of that field). Writes up to max spans, in order; returns how many. */
size_t filter_spans(const struct query *q, size_t col, const char *s, size_t n,
    struct span *out, size_t max);

#endif
