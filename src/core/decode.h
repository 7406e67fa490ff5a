/* SPDX-License-Identifier: MIT
 * decode: raw file bytes -> clean UTF-8. Detects the encoding (UTF-8 with or
 * without BOM, UTF-16 with BOM, else Windows-1252 when no valid multi-byte
 * UTF-8 sequence is present), converts with iconv, and replaces everything
 * that must never reach a terminal (C0/C1 controls, DEL, bidi overrides,
 * invalid sequences) with a visible placeholder, warning with the line. */
#ifndef CENTRES_DECODE_H
#define CENTRES_DECODE_H

#include <stddef.h>

#include "arena.h"
#include "table.h"
#include "util.h"

/* Decodes buf[0..n) into clean UTF-8 (no BOM): *text and *len point into
 * buf itself when it is already clean UTF-8 (the common case: no copy),
 * else into out, which holds the converted and sanitised text. forced: an
 * iconv encoding name, or NULL to detect. Records the encoding and any
 * notice in t, warnings in t. Returns 0, or -1 with e set ("FILE: ..."). */
int decode_input(struct table *t, const char *buf, size_t n, const char *forced,
    struct arena *out, const char **text, size_t *len, struct err *e);

/* Appends s[0..n) to out with controls and invalid sequences replaced; line
 * is the physical line where s starts (advanced over line breaks), used for
 * warnings in t (t may be NULL). Shared by the loader and the sanitising of
 * other text (file names, options) before printing. */
void decode_sanitize(struct table *t, const char *s, size_t n, uint32_t line,
    struct arena *out);

/* Returns a malloc'd copy of s safe to print on a terminal. */
char *decode_safe_str(const char *s);

#endif
