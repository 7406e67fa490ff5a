/* SPDX-License-Identifier: MIT
 * clipboard: the OSC 52 sequence, and writing it past curses. */
#include "clipboard.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/util.h"

static const char b64[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

char *
clipboard_osc52(const char *s, bool screen_wrap, size_t *len)
{
	size_t n = strlen(s);
	size_t cap = 4 * ((n + 2) / 3) + 64;
	char *out = xmalloc(cap);
	size_t k = (size_t)sprintf(out, "%s\033]52;c;", screen_wrap ? "\033P" : "");
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)(unsigned char)s[i] << 16;
		if (i + 1 < n)
			v |= (unsigned)(unsigned char)s[i + 1] << 8;
		if (i + 2 < n)
			v |= (unsigned char)s[i + 2];
		out[k++] = b64[(v >> 18) & 63];
		out[k++] = b64[(v >> 12) & 63];
		out[k++] = i + 1 < n ? b64[(v >> 6) & 63] : '=';
		out[k++] = i + 2 < n ? b64[v & 63] : '=';
	}
	k += (size_t)sprintf(out + k, "\007%s", screen_wrap ? "\033\\" : "");
	*len = k;
	return out;
}

void
clipboard_send(int fd, const char *s)
{
	const char *term = getenv("TERM");
	bool wrap = !getenv("TMUX") && term && strncmp(term, "screen", 6) == 0;
	size_t k;
	char *out = clipboard_osc52(s, wrap, &k);
	for (size_t off = 0; off < k;) {
		ssize_t w = write(fd, out + off, k - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	free(out);
}
