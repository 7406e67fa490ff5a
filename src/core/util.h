/* SPDX-License-Identifier: MIT
 * util: allocation that never returns NULL, error values, the fatal path.
 * Errors travel as `struct err` values up to main(), which reports them once;
 * die() is only for out-of-memory and broken invariants, and runs the hook the
 * screen registers so the terminal is restored before the message. */
#ifndef CENTRES_UTIL_H
#define CENTRES_UTIL_H

#include <stdarg.h>
#include <stddef.h>

/* An error message ready to print after "centres: " (e.g. "FILE:LINE: what"). */
struct err {
	char msg[512];
};

/* Formats into e (if non-NULL) and returns -1, so callers can write
 * `return err_set(e, "%s: ...", path);`. */
int err_set(struct err *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Never return NULL: on exhaustion they call die(). */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Grows *p (of *cap elements of size sz) to hold at least need elements. */
void xgrow(void **p, size_t *cap, size_t need, size_t sz);
char *xstrdup(const char *s);

/* Runs the registered hook (terminal restore), prints "centres: msg", exits 2. */
void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
void die_set_hook(void (*hook)(void));

#endif
