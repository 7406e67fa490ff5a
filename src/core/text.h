/* SPDX-License-Identifier: MIT
 * text: UTF-8 decoding, display width, fitting to columns, and search folding.
 * Pure functions on byte strings; no terminal and no locale state beyond
 * wcwidth() (used first so widths agree with what the terminal library
 * draws; utf8proc's width when the locale cannot tell). */
#ifndef CENTRES_TEXT_H
#define CENTRES_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

/* Characters that must never reach a terminal as they are. Controls: C0
 * (below U+0020), DEL and C1 (U+0080..U+009F). Bidirectional controls:
 * embeddings and overrides (U+202A..U+202E), isolates (U+2066..U+2069) and
 * the marks U+061C, U+200E, U+200F, which reorder what follows them. */
bool text_is_control(int32_t cp);
bool text_is_bidi_control(int32_t cp);

/* Where text must stay on one line (a list, a title, a label, a line of
 * batch output), each tab, carriage return and line feed is shown as one
 * space: the length in bytes is kept, so positions inside the text (match
 * highlights) stay valid. */
static inline char
text_oneline_char(char c)
{
	return c == '\t' || c == '\n' || c == '\r' ? ' ' : c;
}
/* Applies text_oneline_char() to s[0..n) in place. */
void text_oneline(char *s, size_t n);

/* Decodes one code point from s (n > 0 bytes). Returns its byte length (>= 1);
 * *cp is -1 for an invalid sequence (length 1 then). */
int text_decode(const char *s, size_t n, int32_t *cp);
/* Encodes cp as UTF-8 into out (4 bytes room); returns the byte count. */
int text_encode(int32_t cp, char *out);
/* Display columns of one code point (0 for combining marks, 2 for wide). */
int text_cp_width(int32_t cp);
/* Display columns of n bytes of UTF-8 (line breaks and tabs count as 1). */
int text_width(const char *s, size_t n);
/* How many bytes of s fill at most maxcols columns without splitting a
 * character; *used (if non-NULL) gets the columns they take. */
size_t text_fit(const char *s, size_t n, int maxcols, int *used);

/* The length of the longest start of s[0..n) of at most max bytes that
 * ends between two characters (for "%.*s" in messages). */
size_t text_cut(const char *s, size_t n, size_t max);

/* The ASCII stand-in for one code point, for terminals whose locale is not
 * UTF-8: letters lose their marks (é -> e), ligatures split (œ -> oe, æ ->
 * ae, ß -> ss), typographic punctuation becomes plain (« » “ ” -> ", ’ -> ',
 * dashes -> -, … -> ..., • -> *), spaces of any width -> ' ', € -> EUR; a
 * combining mark gives "" and anything else visible "?". Writes a
 * NUL-terminated string of at most 3 characters to out[4]; returns its
 * length (the columns it takes). */
int text_ascii(int32_t cp, char out[4]);

/* Appends the search form of s to out: case-folded, accents stripped,
 * ligatures split (œ -> oe), and every run of word separators (spaces, line
 * breaks, hyphens, apostrophes, dots, slashes, other punctuation, their
 * typographic forms) made one space, so that "Val-d'Oise", "val d oise" and
 * "VAL D'OISE" fold alike. If map is non-NULL, map[i] receives, for
 * each byte i of the output (counted from the append point), the offset in s
 * of the character it came from; map must hold one entry per output byte
 * and one more (16 * n + 1 always suffices). Returns
 * the number of bytes appended. */
size_t text_fold(struct arena *out, const char *s, size_t n, uint32_t *map);
/* Folds a NUL-terminated string into a new malloc'd string (caller frees). */
char *text_fold_str(const char *s);

#endif
