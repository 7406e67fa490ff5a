/* SPDX-License-Identifier: MIT
 * sanitize: placeholders for what must not reach a terminal. */
#include "sanitize.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "text.h"

enum bad { BAD_NONE, BAD_BYTES, BAD_CONTROL, BAD_BIDI, BAD_COUNT };

static void
report(const struct warn_sink *w, uint32_t line, enum bad bad, int32_t cp, const char *encoding)
{
	char msg[160];
	if (bad == BAD_BYTES)
		snprintf(msg, sizeof msg, _("invalid %s byte sequence replaced with U+FFFD"),
		    encoding ? encoding : "UTF-8");
	else if (bad == BAD_CONTROL)
		snprintf(msg, sizeof msg, _("control character U+%04X replaced with a placeholder"),
		    (unsigned)cp);
	else
		snprintf(msg, sizeof msg, _("bidirectional control U+%04X replaced with U+FFFD"),
		    (unsigned)cp);
	w->add(w->ctx, line, msg);
}

void
sanitize_append(struct arena *out, const char *s, size_t n, uint32_t line,
    const char *encoding, const struct warn_sink *w)
{
	uint32_t warned_line[BAD_COUNT] = {0};
	size_t i = 0;
	while (i < n) {
		size_t run = i;
		/* Fast path: printable ASCII, tab and line breaks pass as they are. */
		while (run < n) {
			unsigned char c = (unsigned char)s[run];
			if (c >= 0x20 && c < 0x7f)
				run++;
			else if (c == '\n' || c == '\t')
				run++, line += c == '\n';
			else if (c == '\r')
				run++, line += !(run < n && s[run] == '\n');
			else
				break;
		}
		arena_append(out, s + i, run - i);
		i = run;
		if (i >= n)
			break;
		int32_t cp;
		int len = text_decode(s + i, n - i, &cp);
		enum bad bad = BAD_NONE;
		int32_t repl = 0xFFFD;
		if (cp < 0)
			bad = BAD_BYTES;
		else if (cp < 0x20)
			bad = BAD_CONTROL, repl = 0x2400 + cp;	/* ␀..␟ */
		else if (cp == 0x7f)
			bad = BAD_CONTROL, repl = 0x2421;	/* ␡ */
		else if (text_is_control(cp))
			bad = BAD_CONTROL;
		else if (text_is_bidi_control(cp))
			bad = BAD_BIDI;
		if (bad == BAD_NONE) {
			arena_append(out, s + i, (size_t)len);
		} else {
			char enc[4];
			arena_append(out, enc, (size_t)text_encode(repl, enc));
			if (w && warned_line[bad] != line) {
				warned_line[bad] = line;
				report(w, line, bad, cp, encoding);
			}
		}
		i += (size_t)len;
	}
}

char *
sanitize_str(const char *s)
{
	struct arena a = {0};
	sanitize_append(&a, s, strlen(s), 1, NULL, NULL);
	text_oneline(a.base, a.len);
	arena_putc(&a, '\0');
	return a.base;
}
