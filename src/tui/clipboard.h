/* SPDX-License-Identifier: MIT
 * clipboard: OSC 52, the escape sequence that asks the person's own
 * terminal to put text on its clipboard. Terminals honour it over SSH, and
 * tmux forwards it (set-clipboard on); GNU screen needs it wrapped in its
 * pass-through sequence. */
#ifndef CENTRES_CLIPBOARD_H
#define CENTRES_CLIPBOARD_H

#include <stdbool.h>
#include <stddef.h>

/* The sequence that sends s: ESC ] 52 ; c ; base64 of s, BEL (inside
 * ESC P ... ESC \ when screen_wrap). Caller frees; *len gets its length. */
char *clipboard_osc52(const char *s, bool screen_wrap, size_t *len);
/* Sends s to the clipboard of the terminal on fd (wrapped when TERM is a
 * screen type outside tmux). */
void clipboard_send(int fd, const char *s);

#endif
