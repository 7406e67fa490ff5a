/* SPDX-License-Identifier: MIT
 * loading: a directory read in a thread of its own, so that the screen
 * comes at once and works on the rows already read. The thread runs the
 * same load as directory_load() into a stable table (table_stable(): its
 * rows and text never move) and, between two lines about once a MiB,
 * publishes under a lock a view of it: the rows stored so far, every one
 * whole and never written again. The screen's thread copies that view
 * (loading_peek) and reads those rows without a lock; the thread never
 * touches anything the view holds but to add after it. At the end the
 * directory (table and menu index) is handed over whole (loading_finish).
 * Owns the thread, its directory until then, and the lock. No terminal
 * code. */
#ifndef CENTRES_LOADING_H
#define CENTRES_LOADING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "csvload.h"
#include "directory.h"
#include "util.h"

struct loading;

/* Where a load is. */
struct loading_status {
	size_t done, total;	/* bytes of text parsed and in all (total: the
				 * file's size until the text is decoded) */
	size_t rows;		/* rows stored so far */
	double secs;		/* since loading_start() */
	bool ended;		/* loading_finish() will not wait */
};

/* Starts loading path (NULL: the built-in directory) as directory_load()
 * does, in a thread (where none can be had, here, before it returns).
 * Every error, even one known at once (no such file), comes out of
 * loading_finish(): loading_wait() for a moment sees it. */
struct loading *loading_start(const char *path, const struct load_opts *o);
/* Waits up to ms milliseconds for the end (ms < 0: until the end); true
 * when the load has ended. */
bool loading_wait(struct loading *l, int ms);
/* The table as last published, into *view (a shallow copy: it owns
 * nothing, has no warning yet, and says loading), and where the load is.
 * view's rows stay valid until loading_finish() or loading_cancel(). */
void loading_peek(struct loading *l, struct table *view, struct loading_status *s);
/* Once ended (waits for it otherwise): the directory into *d (the caller
 * frees it with directory_free(), on error too: it holds the rows and
 * warnings read before the error) and 0, or -1 and e. Frees l. */
int loading_finish(struct loading *l, struct directory *d, struct err *e);
/* Stops the load where it is (within a MiB of text), waits for its
 * thread and frees everything. */
void loading_cancel(struct loading *l);
/* A descriptor that becomes readable when the load has ended (for poll()),
 * or -1. */
int loading_fd(const struct loading *l);

#endif
