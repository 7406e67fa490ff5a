/* SPDX-License-Identifier: MIT
 * fuzz_common: what the three libFuzzer targets (fuzz_load, fuzz_query,
 * fuzz_text) share: the failure path, a UTF-8 decoder of its own (strict,
 * written apart from src/ so that it can judge text.c), the check that text
 * is fit for a terminal, and finding the test data. */
#ifndef CENTRES_FUZZ_COMMON_H
#define CENTRES_FUZZ_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The target's name, for messages (each target defines it). */
extern const char fuzz_target[];

/* What is being checked ("annuaire.csv"), said by fuzz_fail(); or NULL. */
extern const char *fuzz_context;

/* Prints "TARGET: [CONTEXT: ]message" on stderr and aborts (libFuzzer saves the input). */
void fuzz_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

/* A known finding (tests/fuzz/findings/README.md), not yet fixed in src/,
 * is not a failure unless FUZZ_STRICT is set in the environment: the check
 * that would fail asks fuzz_known(ID) first. tests/run.sh runs the
 * findings' inputs with FUZZ_STRICT=1 to say whether they still fail. */
bool fuzz_known(const char *id);

/* Decodes one code point of s[0..n) (n > 0), strictly (RFC 3629: no
 * overlong form, no surrogate, nothing above U+10FFFF). Returns its length;
 * *cp is -1 and the length 1 for an invalid byte. */
int fuzz_utf8(const char *s, size_t n, int32_t *cp);
/* Whether s[0..n) is valid UTF-8. */
bool fuzz_utf8_valid(const char *s, size_t n);

/* Whether cp must never reach a terminal: C0 controls, DEL, C1 controls,
 * the bidirectional controls (U+202A..U+202E, U+2066..U+2069, U+061C,
 * U+200E, U+200F). Tab, CR and LF count unless allowed. */
bool fuzz_forbidden(int32_t cp, bool allow_tab_lines);

/* Fails unless s[0..n) is valid UTF-8 with no forbidden code point (tab,
 * CR and LF allowed when allow_tab_lines). what names the text. */
void fuzz_check_clean(const char *what, const char *s, size_t n, bool allow_tab_lines);

/* A malloc'd copy of the file tests/data/NAME of the source tree, found
 * through $CENTRES_TOP, the current directory or the executable's place
 * (build/fuzz/); *n gets its length. Fails when there is none. */
char *fuzz_read_data(const char *name, size_t *n);

#endif
