/* SPDX-License-Identifier: MIT
 * lineedit: appending and erasing whole UTF-8 characters. */
#include "lineedit.h"

#include <string.h>

#include "../core/text.h"

bool
line_insert(struct lineedit *l, uint32_t ch)
{
	if (ch > 0x10FFFF || (ch >= 0xD800 && ch <= 0xDFFF) ||
	    text_is_control((int32_t)ch) || text_is_bidi_control((int32_t)ch))
		return false;
	char enc[4];
	int n = text_encode((int32_t)ch, enc);
	if (n <= 0 || l->len + (size_t)n >= sizeof l->s)
		return false;
	memcpy(l->s + l->len, enc, (size_t)n);
	l->len += (size_t)n;
	l->s[l->len] = '\0';
	return true;
}

bool
line_erase(struct lineedit *l)
{
	if (l->len == 0)
		return false;
	do
		l->len--;
	while (l->len > 0 && ((unsigned char)l->s[l->len] & 0xC0) == 0x80);
	l->s[l->len] = '\0';
	return true;
}

void
line_clear(struct lineedit *l)
{
	l->len = 0;
	l->s[0] = '\0';
}

void
line_set(struct lineedit *l, const char *s)
{
	size_t n = strlen(s);
	if (n >= sizeof l->s) {
		n = sizeof l->s - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(l->s, s, n);
	l->len = n;
	l->s[n] = '\0';
}
