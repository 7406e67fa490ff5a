/* SPDX-License-Identifier: MIT
 * action: everything a key can do, named once. The X-macro gives the enum,
 * the short label of the key bar and the help screen's text. */
#ifndef CENTRES_ACTION_H
#define CENTRES_ACTION_H

#include <stdbool.h>

#define ACTIONS(X) \
	X(NONE,          "", "")                                                       \
	X(UP,            "Up", "Move up")                                                \
	X(DOWN,          "Down", "Move down")                                            \
	X(PAGE_UP,       "Prev page", "Page up")                                         \
	X(PAGE_DOWN,     "Next page", "Page down")                                       \
	X(HOME,          "Top", "First line")                                            \
	X(END,           "End", "Last line")                                             \
	X(NEXT_PANE,     "Pane", "Next pane")                                            \
	X(PREV_PANE,     "Pane", "Previous pane")                                        \
	X(LEFT,          "Back", "Pane to the left (one pane at a time: back)")          \
	X(RIGHT,         "Right", "Pane to the right")                                   \
	X(OPEN,          "Open", "Open: go to the centres, then the contact")            \
	X(TYPE,          "Type", "Type into the line: the search, or the file name")     \
	X(SEARCH_ERASE,  "Erase", "Erase a character of the search (none left: back)")   \
	X(SEARCH_WORD,   "Word", "Erase the last word of the search")                    \
	X(SEARCH_CLEAR,  "Clear", "Erase the whole search")                              \
	X(ESCAPE,        "Clear", "Clear the search; with no search, back")              \
	X(HELP,          "Help", "Help: this screen")                                    \
	X(ABOUT,         "About", "About the network")                                   \
	X(COPY,          "Copy", "Copy a phone number, the e-mail, the website or the card") \
	X(RELOAD,        "Reload", "Reload the file")                                    \
	X(EXPORT,        "Export", "Export the centres shown to a CSV file")             \
	X(LOAD,          "File", "Open another directory file (CSV)")                    \
	X(SUSPEND,       "Suspend", "Suspend (come back with fg)")                       \
	X(REDRAW,        "Redraw", "Redraw the screen")                                  \
	X(INTERRUPT,     "Quit", "Twice within 2 seconds: quit")                         \
	X(QUIT,          "Quit", "Quit")                                                 \
	X(COPY_FIRST,    "First", "Copy the first entry (a centre's only phone number)")  \
	X(COPY_PHONE,    "Phone", "Copy phone number 1, 2, ...")                         \
	X(COPY_EMAIL,    "E-mail", "Copy the e-mail address")                            \
	X(COPY_WEBSITE,  "Web", "Copy the website")                                      \
	X(COPY_CARD,     "Card", "Copy the whole contact card")                          \
	X(CANCEL,        "Cancel", "Cancel")                                             \
	X(ACCEPT,        "OK", "Confirm the file name")                                  \
	X(ERASE,         "Erase", "Erase one character")                                 \
	X(LINE_CLEAR,    "Clear", "Erase the whole line")                                \
	X(CLOSE,         "Close", "Close this screen")

enum action {
#define X(id, label, help) ACT_##id,
	ACTIONS(X)
#undef X
	ACT_COUNT
};

/* The help text of an action, and its one-word label for the key bar. */
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
