/* SPDX-License-Identifier: MIT
 * util: allocation that never returns NULL, error values, the fatal path.
 * Errors travel as `struct err` values (the file, the line and the reason
 * as separate fields) up to the one place that reports them: main() for
 * batch mode, the status line on screen. die() is only for out-of-memory
 * and broken invariants, and runs the hook the screen registers so the
 * terminal is restored before the message. */
#ifndef CENTRES_UTIL_H
#define CENTRES_UTIL_H

#include <stdarg.h>
#include <stddef.h>

struct err {
	char source[256];	/* the file it is about (printable), or "" */
	unsigned long line;	/* its line, or 0 when not tied to one */
	char msg[512];		/* the reason, e.g. "unterminated quoted field: ..." */
};

/* Sets e (if non-NULL) to a reason tied to no file and returns -1, so that
 * callers can write `return err_set(e, "...");`. */
int err_set(struct err *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The same for a reason about a file (source), at a line (0: none). */
int err_at(struct err *e, const char *source, unsigned long line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* The error as one line: "SOURCE:LINE: REASON", "SOURCE: REASON" or
 * "REASON", written into buf (n bytes), which is returned. */
const char *err_text(const struct err *e, char *buf, size_t n);

/* What errno value n means, in the language of the messages: our own
 * translation of the common ones (ENOENT, EACCES, EISDIR, ENOSPC...), which
 * does not depend on libc's catalogues being installed; strerror(n)
 * otherwise, and always where no translation is loaded (English). */
const char *errno_text(int n);

/* Never return NULL: on exhaustion they call die(). */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Grows *p (of *cap elements of size sz) to hold at least need elements. */
void xgrow(void **p, size_t *cap, size_t need, size_t sz);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Runs the registered hook (terminal restore), prints "centres: msg", exits 2. */
void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
void die_set_hook(void (*hook)(void));

#endif
