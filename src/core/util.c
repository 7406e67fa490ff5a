/* SPDX-License-Identifier: MIT
 * util: error values, allocation wrappers and the single fatal path. */
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

static void (*die_hook)(void);

/* The errno values a person meets reading a file or writing the output,
 * with glibc's English words (the messages to translate). */
static const struct {
	int n;
	const char *text;
} errno_texts[] = {
	{ENOENT, N_("No such file or directory")},
	{EACCES, N_("Permission denied")},
	{EPERM, N_("Operation not permitted")},
	{EISDIR, N_("Is a directory")},
	{ENOTDIR, N_("Not a directory")},
	{ELOOP, N_("Too many levels of symbolic links")},
	{ENAMETOOLONG, N_("File name too long")},
	{ENOSPC, N_("No space left on device")},
	{EDQUOT, N_("Disk quota exceeded")},
	{EEXIST, N_("File exists")},
	{EROFS, N_("Read-only file system")},
	{EFBIG, N_("File too large")},
	{ENOMEM, N_("Cannot allocate memory")},
	{EIO, N_("Input/output error")},
	{EPIPE, N_("Broken pipe")},
	{EMFILE, N_("Too many open files")},
	{ENFILE, N_("Too many open files in system")},
	{ENXIO, N_("No such device or address")},
	{ENODEV, N_("No such device")},
	{EBUSY, N_("Device or resource busy")},
	{ETXTBSY, N_("Text file busy")},
	{EINVAL, N_("Invalid argument")},
	{ENOSYS, N_("Function not implemented")},
	{EAGAIN, N_("Resource temporarily unavailable")},
	{EINTR, N_("Interrupted system call")},
	{ESTALE, N_("Stale file handle")},
	{ENOTCONN, N_("Transport endpoint is not connected")},
};

const char *
errno_text(int n)
{
	for (size_t i = 0; i < sizeof errno_texts / sizeof errno_texts[0]; i++)
		if (errno_texts[i].n == n) {
			const char *t = gettext(errno_texts[i].text);
			if (t != errno_texts[i].text)
				return t;
			break;
		}
	return strerror(n);
}

int
err_set(struct err *e, const char *fmt, ...)
{
	if (e) {
		e->source[0] = '\0';
		e->line = 0;
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(e->msg, sizeof e->msg, fmt, ap);
		va_end(ap);
	}
	return -1;
}

int
err_at(struct err *e, const char *source, unsigned long line, const char *fmt, ...)
{
	if (e) {
		snprintf(e->source, sizeof e->source, "%s", source ? source : "");
		e->line = line;
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(e->msg, sizeof e->msg, fmt, ap);
		va_end(ap);
	}
	return -1;
}

const char *
err_text(const struct err *e, char *buf, size_t n)
{
	if (!*e->source)
		snprintf(buf, n, "%s", e->msg);
	else if (e->line)
		/* TRANSLATORS: an error: FILE:LINE: REASON. */
		snprintf(buf, n, C_("error", "%s:%lu: %s"), e->source, e->line, e->msg);
	else
		/* TRANSLATORS: an error: FILE: REASON. */
		snprintf(buf, n, C_("error", "%s: %s"), e->source, e->msg);
	return buf;
}

void
die_set_hook(void (*hook)(void))
{
	die_hook = hook;
}

void
die(const char *fmt, ...)
{
	va_list ap;
	if (die_hook)
		die_hook();
	fputs("centres: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		die(_("out of memory (%zu bytes)"), n);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		die(_("out of memory (%zu x %zu bytes)"), n, size);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		die(_("out of memory (%zu bytes)"), n);
	return q;
}

void
xgrow(void **p, size_t *cap, size_t need, size_t sz)
{
	size_t c = *cap;
	if (need <= c)
		return;
	if (c < 16)
		c = 16;
	while (c < need) {
		if (c > ((size_t)-1) / 2 / sz)
			die(_("out of memory (array of %zu elements)"), need);
		c *= 2;
	}
	*p = xrealloc(*p, c * sz);
	*cap = c;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *d = xmalloc(n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}
