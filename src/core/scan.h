/* SPDX-License-Identifier: MIT
 * scan: the fast path over clean UTF-8 CSV text, for reading a file in
 * pieces without the whole model. Finds whole records (quote-aware: a line
 * break inside quotes does not end one) with their line, their field count
 * and whether any field holds something, checking on the way what the
 * loader's fast path needs (clean UTF-8: no control but tab and line
 * breaks, no C1, no bidi control; no text after a closing quote; no
 * unterminated quote); and a record's "skeleton" for a prefilter: its
 * search form (text_fold) with every space taken out, in which each term of
 * a query that matches the record is found (scan_needles). libcsv stays the
 * definition of a field: nothing here makes one; a record the prefilter
 * keeps is parsed by csvload. No terminal code. */
#ifndef CENTRES_SCAN_H
#define CENTRES_SCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "filter.h"

/* Why scan_records() stopped. */
enum scan_status {
	SCAN_OK,		/* every whole record found */
	SCAN_UNCLEAN,		/* a byte the loader would decode or replace */
	SCAN_BAD_QUOTE,		/* text after the closing quote of a field */
	SCAN_UNTERMINATED,	/* a quote never closed before the end */
};

struct scan_rec {
	size_t start, end;	/* its bytes [start, end), without its line break */
	uint32_t line;		/* the physical line where it starts */
	uint32_t nfields;
	bool content;		/* some field is not empty (else the loader drops it) */
	bool literal_quote;	/* a quote inside an unquoted field */
};

struct scan_recs {
	struct scan_rec *r;
	size_t n, cap;
};

/* Finds the whole records of s[0..n) (ASCII controls checked here, other
 * bytes by scan_skeleton() or scan_clean()), which starts between two records at
 * physical line *line (lines counted as the loader does: LF, CR LF or a
 * lone CR), fields separated by delim. eof: s runs to the end of the text;
 * else the records that may go on past n (and the last 4 bytes) are left
 * for the next call. Appends them to out; *done gets where the next call
 * starts (after the last whole record's line break) and *line its line. */
enum scan_status scan_records(const char *s, size_t n, bool eof, char delim, uint32_t *line,
    size_t *done, struct scan_recs *out);

/* Appends the skeleton of s[0..n) to out: text_fold() of each character,
 * spaces taken out. Returns whether s is clean for the loader's fast path
 * (its non-ASCII characters valid UTF-8, no C1, no bidi control: what
 * scan_records() leaves to this or to scan_clean()). A query term found in a field's folded
 * text (its words, st/saint, an acronym without its separators, phone
 * digits) has its needle (below) in the skeleton of any text holding that
 * field. */
bool scan_skeleton(struct arena *out, const char *s, size_t n);
/* Whether the non-ASCII characters of s[0..n) are clean, as above. */
bool scan_clean(const char *s, size_t n);

/* What a record's skeleton must hold to match query q: for each term, one
 * of its needles. */
struct needles {
	struct needle_term {
		char *alt[2];	/* owned; alt[1] may be NULL */
		size_t len[2];
	} *term;
	size_t n;
	size_t lead;		/* the term with the longest needles: searched first */
};
/* The needles of q's terms (empty ones left out: they say nothing). */
void scan_needles(const struct query *q, struct needles *nd);
void scan_needles_free(struct needles *nd);
/* Whether skeleton k[0..n) holds a needle of every term but `skip` (an
 * index, or (size_t)-1 for none). */
bool scan_needles_in(const struct needles *nd, const char *k, size_t n, size_t skip);

#endif
