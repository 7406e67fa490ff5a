/* SPDX-License-Identifier: MIT
 * action: labels and help texts of the actions, and which exist in
 * restricted mode. */
#include "action.h"

#include "../core/i18n.h"

/* The key bar's label (one short word) and the help screen's text. Each
 * key bar item is keys, a space, the label: the bar of the main screen
 * must fit 80 columns with its labels translated. */
static const struct {
	const char *label, *help;
} text[ACT_COUNT] = {
	[ACT_NONE] = {"", ""},
	/* TRANSLATORS: the labels are the key bar's, one short word each
	 * ("F1/^G Help  F4/^Y Copy  F10/^Q Quit"); the second texts, the help
	 * screen's. */
	[ACT_UP] = {N_("Up"), N_("Move up")},
	[ACT_DOWN] = {N_("Down"), N_("Move down")},
	[ACT_PAGE_UP] = {N_("Prev page"), N_("Page up")},
	[ACT_PAGE_DOWN] = {N_("Next page"), N_("Page down")},
	[ACT_HOME] = {N_("Top"), N_("First line")},
	[ACT_END] = {N_("End"), N_("Last line")},
	[ACT_NEXT_PANE] = {N_("Pane"), N_("Next pane")},
	[ACT_PREV_PANE] = {N_("Pane"), N_("Previous pane")},
	[ACT_LEFT] = {N_("Back"), N_("Pane to the left (one pane at a time: back)")},
	[ACT_RIGHT] = {N_("Right"), N_("Pane to the right")},
	[ACT_OPEN] = {N_("Open"), N_("Open: go to the centres, then the contact")},
	[ACT_TYPE] = {N_("Type"), N_("Type into the line: the search, or the file name")},
	[ACT_SEARCH_ERASE] = {N_("Erase"), N_("Erase a character of the search (none left: back)")},
	[ACT_SEARCH_WORD] = {N_("Word"), N_("Erase the last word of the search")},
	[ACT_SEARCH_CLEAR] = {N_("Clear"), N_("Erase the whole search")},
	[ACT_ESCAPE] = {N_("Clear"), N_("Clear the search; with no search, back")},
	[ACT_HELP] = {N_("Help"), N_("Help: this screen")},
	[ACT_ABOUT] = {N_("About"), N_("About the network")},
	[ACT_COPY] = {N_("Copy"), N_("Copy a phone number, the e-mail, the website or the card")},
	[ACT_RELOAD] = {N_("Reload"), N_("Reload the file")},
	[ACT_EXPORT] = {N_("Export"), N_("Export the centres shown to a CSV file")},
	[ACT_LOAD] = {N_("File"), N_("Open another directory file (CSV)")},
	[ACT_SUSPEND] = {N_("Suspend"), N_("Suspend (come back with fg)")},
	[ACT_REDRAW] = {N_("Redraw"), N_("Redraw the screen")},
	[ACT_INTERRUPT] = {N_("Quit"), N_("Twice within 2 seconds: quit")},
	[ACT_QUIT] = {N_("Quit"), N_("Quit")},
	[ACT_COPY_FIRST] = {N_("First"), N_("Copy the first entry (a centre's only phone number)")},
	[ACT_COPY_PHONE] = {N_("Phone"), N_("Copy phone number 1, 2, ...")},
	[ACT_COPY_EMAIL] = {N_("E-mail"), N_("Copy the e-mail address")},
	[ACT_COPY_WEBSITE] = {N_("Web"), N_("Copy the website")},
	[ACT_COPY_CARD] = {N_("Card"), N_("Copy the whole contact card")},
	[ACT_CANCEL] = {N_("Cancel"), N_("Cancel")},
	[ACT_ACCEPT] = {N_("OK"), N_("Confirm the file name")},
	[ACT_ERASE] = {N_("Erase"), N_("Erase one character")},
	[ACT_LINE_CLEAR] = {N_("Clear"), N_("Erase the whole line")},
	[ACT_CLOSE] = {N_("Close"), N_("Close this screen")},
	[ACT_SORT] = {N_("Sort"), N_("Sort the centres: by name, by territory, as in the file")},
};

const char *
action_label(enum action a)
{
	return a < ACT_COUNT && *text[a].label ? _(text[a].label) : "";
}

const char *
action_help(enum action a)
{
	return a < ACT_COUNT && *text[a].help ? _(text[a].help) : "";
}

bool
action_allowed(enum action a, bool restricted)
{
	if (!restricted)
		return true;
	/* Each would write a file, read a path the person typed, or leave a
	 * stopped process on a forced-command account with no shell. */
	return a != ACT_EXPORT && a != ACT_LOAD && a != ACT_SUSPEND;
}
