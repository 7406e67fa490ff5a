/* SPDX-License-Identifier: MIT
 * tui: the interactive screen (ncursesw). */
#ifndef CENTRES_TUI_H
#define CENTRES_TUI_H

#include "../options.h"
#include "../source.h"

/* Runs the screen on d (loaded from path, NULL for built-in, which reload
 * reads again). Returns the exit status. */
int tui_run(struct directory *d, const char *path, const struct options *o);

#endif
