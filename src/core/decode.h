/* SPDX-License-Identifier: MIT
 * decode: raw file bytes -> clean UTF-8. Detects the encoding (UTF-8 with or
 * without BOM, UTF-16 with BOM, else Windows-1252 when no valid multi-byte
 * UTF-8 sequence is present), converts with iconv, and has sanitize.c
 * replace everything that must never reach a terminal, each replacement
 * reported with its line. Knows nothing of tables. */
#ifndef CENTRES_DECODE_H
#define CENTRES_DECODE_H

#include <stddef.h>

#include "arena.h"
#include "sanitize.h"
#include "util.h"

struct decoded {
	const char *text;	/* clean UTF-8, no BOM */
	size_t len;
	char encoding[48];	/* "UTF-8", "WINDOWS-1252", "UTF-16LE", ... */
	char notice[160];	/* what was done to read it ("" if nothing) */
};

/* Decodes buf[0..n) of the file source into d: d->text points into buf
 * itself when it is already clean UTF-8 (the common case: no copy), else
 * into out, which holds the converted and sanitised text. forced: an iconv
 * encoding name, or NULL to detect. Replacements go to w. Returns 0, or -1
 * with e set. */
int decode_input(const char *source, const char *buf, size_t n, const char *forced,
    const struct warn_sink *w, struct arena *out, struct decoded *d, struct err *e);

#endif
