/* SPDX-License-Identifier: MIT
 * fuzz_common: the failure path, a strict UTF-8 decoder, the terminal
 * check and the test data, for the fuzz targets. */
#include "fuzz_common.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Undefined behaviour is a finding, as in the project's sanitizer build. */
const char *__ubsan_default_options(void);
const char *
__ubsan_default_options(void)
{
	return "halt_on_error=1:print_stacktrace=1";
}

const char *fuzz_context;

void
fuzz_fail(const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "%s: ", fuzz_target);
	if (fuzz_context)
		fprintf(stderr, "%s: ", fuzz_context);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

bool
fuzz_known(const char *id)
{
	(void)id;
	static int strict = -1;
	if (strict < 0) {
		const char *e = getenv("FUZZ_STRICT");
		strict = e && *e;
	}
	return !strict;
}

int
fuzz_utf8(const char *s, size_t n, int32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	*cp = -1;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	int len;
	int32_t v, min;
	if (u[0] >= 0xc2 && u[0] <= 0xdf)
		len = 2, v = u[0] & 0x1f, min = 0x80;
	else if (u[0] >= 0xe0 && u[0] <= 0xef)
		len = 3, v = u[0] & 0x0f, min = 0x800;
	else if (u[0] >= 0xf0 && u[0] <= 0xf4)
		len = 4, v = u[0] & 0x07, min = 0x10000;
	else
		return 1;
	if ((size_t)len > n)
		return 1;
	for (int i = 1; i < len; i++) {
		if ((u[i] & 0xc0) != 0x80)
			return 1;
		v = (v << 6) | (u[i] & 0x3f);
	}
	if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
		return 1;
	*cp = v;
	return len;
}

bool
fuzz_utf8_valid(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		int32_t cp;
		i += (size_t)fuzz_utf8(s + i, n - i, &cp);
		if (cp < 0)
			return false;
	}
	return true;
}

bool
fuzz_forbidden(int32_t cp, bool allow_tab_lines)
{
	if (cp == '\t' || cp == '\n' || cp == '\r')
		return !allow_tab_lines;
	return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0x202a && cp <= 0x202e) ||
	    (cp >= 0x2066 && cp <= 0x2069) || cp == 0x061c || cp == 0x200e || cp == 0x200f;
}

void
fuzz_check_clean(const char *what, const char *s, size_t n, bool allow_tab_lines)
{
	for (size_t i = 0; i < n;) {
		int32_t cp;
		int len = fuzz_utf8(s + i, n - i, &cp);
		if (cp < 0)
			fuzz_fail("%s: invalid UTF-8 (byte 0x%02x) at byte %zu of %zu", what,
			    (unsigned char)s[i], i, n);
		if (fuzz_forbidden(cp, allow_tab_lines))
			fuzz_fail("%s: forbidden code point U+%04lX at byte %zu of %zu", what,
			    (unsigned long)cp, i, n);
		i += (size_t)len;
	}
}

static char *
read_whole(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, len = 0;
	char *buf = malloc(cap);
	size_t r;
	while (buf && (r = fread(buf + len, 1, cap - len, f)) > 0) {
		len += r;
		if (len == cap)
			buf = realloc(buf, cap *= 2);
	}
	fclose(f);
	if (!buf)
		fuzz_fail("out of memory reading %s", path);
	*n = len;
	return buf;
}

char *
fuzz_read_data(const char *name, size_t *n)
{
	char path[4096];
	const char *top = getenv("CENTRES_TOP");
	char *buf;
	if (top && *top) {
		snprintf(path, sizeof path, "%s/tests/data/%s", top, name);
		if ((buf = read_whole(path, n)) != NULL)
			return buf;
	}
	snprintf(path, sizeof path, "tests/data/%s", name);
	if ((buf = read_whole(path, n)) != NULL)
		return buf;
	/* The executable is build/fuzz/NAME in the tree. */
	char exe[4096];
	ssize_t k = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (k > 0) {
		exe[k] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			snprintf(path, sizeof path, "%s/../../tests/data/%s", exe, name);
			if ((buf = read_whole(path, n)) != NULL)
				return buf;
		}
	}
	fuzz_fail("cannot find tests/data/%s (set CENTRES_TOP to the source tree)", name);
}
