/* SPDX-License-Identifier: MIT
 * action: everything a key can do, named once. The X-macro gives the enum;
 * action.c gives each its short label for the key bar and its help text
 * (in a .c file, where xgettext finds them). */
#ifndef CENTRES_ACTION_H
#define CENTRES_ACTION_H

#include <stdbool.h>

#define ACTIONS(X) \
	X(NONE) X(UP) X(DOWN) X(PAGE_UP) X(PAGE_DOWN) X(HOME) X(END) X(NEXT_PANE) \
	X(PREV_PANE) X(LEFT) X(RIGHT) X(OPEN) X(TYPE) X(SEARCH_ERASE) X(SEARCH_WORD) \
	X(SEARCH_CLEAR) X(ESCAPE) X(HELP) X(ABOUT) X(COPY) X(RELOAD) X(EXPORT) \
	X(LOAD) X(SUSPEND) X(REDRAW) X(INTERRUPT) X(QUIT) X(COPY_FIRST) \
	X(COPY_PHONE) X(COPY_EMAIL) X(COPY_WEBSITE) X(COPY_CARD) X(CANCEL) X(ACCEPT) \
	X(ERASE) X(LINE_CLEAR) X(CLOSE) X(SORT)

enum action {
#define X(id) ACT_##id,
	ACTIONS(X)
#undef X
	ACT_COUNT
};

/* The help text of an action, and its one-word label for the key bar, in
 * the language chosen (translated here). */
const char *action_help(enum action a);
const char *action_label(enum action a);
/* Whether an action exists in restricted mode (--restricted): export,
 * opening another file and suspending do not. */
bool action_allowed(enum action a, bool restricted);

/* What state_apply() changed, so the loop knows what to do after it. */
enum reaction {
	REACT_NONE = 0,
	REACT_DRAW = 1 << 0,	/* the screen must be drawn again */
	REACT_FULL = 1 << 1,	/* the terminal must be repainted from scratch */
	REACT_COPY = 1 << 2,	/* state.copy holds text for the clipboard */
	REACT_RELOAD = 1 << 3,	/* the file must be loaded again */
	REACT_QUIT = 1 << 4,
	REACT_EXPORT = 1 << 5,	/* write the centres shown to state.input */
	REACT_LOAD = 1 << 6,	/* load the file named in state.input */
	REACT_SUSPEND = 1 << 7,	/* stop the process (Ctrl-Z) */
	REACT_INTERRUPT = 1 << 8,	/* Ctrl-C: app.c counts them against time */
};

#endif
