/* SPDX-License-Identifier: MIT
 * lineedit: the one line editor, for the filter line and the file-name
 * prompt: UTF-8 text typed a character at a time, erased a whole character
 * at a time. Refuses what must not reach the terminal (controls, bidi
 * controls, surrogates). No terminal code. */
#ifndef CENTRES_LINEEDIT_H
#define CENTRES_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct lineedit {
	char s[1024];	/* UTF-8, NUL-terminated */
	size_t len;
};

/* Appends the character ch; false when refused (a control or bidi
 * control, not a character, or no room left). */
bool line_insert(struct lineedit *l, uint32_t ch);
/* Erases the last character; false when the line is empty. */
bool line_erase(struct lineedit *l);
void line_clear(struct lineedit *l);
/* Sets the line to s (cut at a character boundary when too long). */
void line_set(struct lineedit *l, const char *s);

#endif
