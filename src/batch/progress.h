/* SPDX-License-Identifier: MIT
 * progress: batch mode's line on standard error while a large file loads
 * ("centres: loading big.csv: 45% (450,000 rows, 1.2 s)"), when standard
 * error is a terminal and the load has taken more than a quarter of a
 * second; redrawn in place at most ten times a second, never wider than
 * the terminal, and erased when the load ends or a signal ends it. */
#ifndef CENTRES_PROGRESS_H
#define CENTRES_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/csvload.h"

struct progress {
	bool on;		/* standard error is a terminal */
	char *name;		/* the file's name, sanitised */
	double start, drawn;	/* when the load began, when the line was drawn */
	size_t cols;		/* columns of the line on the terminal, 0: none */
};

/* Starts timing the load of name (NULL or a name) and, when standard error
 * is a terminal, hands o the callback that shows the line. */
void progress_start(struct progress *p, const char *name, struct load_opts *o);
/* Erases the line if shown, takes the callback back from o, frees p. */
void progress_end(struct progress *p, struct load_opts *o);

#endif
