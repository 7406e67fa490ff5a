/* SPDX-License-Identifier: MIT
 * reference: the plain implementations that the fast paths for clean text
 * must equal on every input, kept as they were before the fast paths came:
 * folding one character at a time (text.c), and the clean check one
 * character at a time (decode.c). For the differential tests, the fuzz
 * target and the bench only: the program calls text_fold() and
 * decode_input(). */
#ifndef CENTRES_REFERENCE_H
#define CENTRES_REFERENCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

/* text_fold() as it was: the same contract, the same bytes and map. */
size_t text_fold_ref(struct arena *out, const char *s, size_t n, uint32_t *map);

/* Whether s[0..n) is valid UTF-8 with nothing to replace (no control other
 * than tab and line breaks, no C1, no bidi control): what decode_input()
 * asks to use the file's bytes as they are. decode_is_clean() is the fast
 * one decode_input() calls, decode_is_clean_ref() the plain one. */
bool decode_is_clean(const char *s, size_t n);
bool decode_is_clean_ref(const char *s, size_t n);

#endif
