/* SPDX-License-Identifier: MIT
 * sanitize: text made safe for a terminal. Every control character, C1
 * control, bidirectional control and invalid UTF-8 sequence is replaced
 * with a visible placeholder (␛ for ESC, U+FFFD...), so that nothing read
 * from a file, an option or the environment reaches the terminal as a
 * control sequence. Tabs and line breaks are kept (the loader needs them);
 * sanitize_str() also puts everything on one line. */
#ifndef CENTRES_SANITIZE_H
#define CENTRES_SANITIZE_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

/* Where replacements are reported: add(ctx, line, message). */
struct warn_sink {
	void (*add)(void *ctx, uint32_t line, const char *msg);
	void *ctx;
};

/* Appends s[0..n) to out with the replacements above. line is the physical
 * line where s starts (advanced over line breaks): each kind of replacement
 * is reported once per line to w (NULL: not reported); encoding names the
 * text's encoding in the message about invalid bytes. */
void sanitize_append(struct arena *out, const char *s, size_t n, uint32_t line,
    const char *encoding, const struct warn_sink *w);

/* A malloc'd copy of s safe to print on one line of a terminal. */
char *sanitize_str(const char *s);

#endif
