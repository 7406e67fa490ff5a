/* SPDX-License-Identifier: MIT
 * app: the application behind the screen, without the terminal. Owns the
 * directory on screen, the file it came from, the configuration and the
 * state, and carries out every reaction that is not drawing: it looks keys
 * up in the key table and applies them to the state, reloads the file,
 * opens another one, exports the centres shown, builds the text to copy.
 * What it needs from the terminal comes back as data: REACT_DRAW and
 * REACT_FULL (draw, repaint from scratch), REACT_COPY (send app_clipboard()
 * to the terminal's clipboard), REACT_SUSPEND (stop the process, Ctrl-Z),
 * REACT_QUIT. Unit-tested without a terminal (tests/unit/test_app.c). */
#ifndef CENTRES_APP_H
#define CENTRES_APP_H

#include <stdbool.h>

#include "../core/csvload.h"
#include "../core/directory.h"
#include "../core/loading.h"
#include "state.h"

struct app_config {
	struct load_opts load;	/* how files are read (reload, open) */
	struct state_opts screen;	/* restricted, ascii, job control */
};

struct app {
	struct directory dir;	/* the directory on screen; owned */
	char *path;		/* the file it came from; owned; NULL: built-in */
	struct app_config cfg;
	struct state st;
	char *clip;		/* REACT_COPY: the text to send; owned */
	bool reload_pending;	/* reload asked, done before the next other key
				 * or when no key is waiting (app_idle) */
	unsigned long reloads;	/* times the file was read again */
	uint64_t now;		/* the time, in ms (app_clock) */
	uint64_t interrupted;	/* when Ctrl-C was pressed, or 0 */
	uint64_t status_until;	/* when the status line's message goes, or 0 */
	int exit_status;	/* after REACT_QUIT: 0, or 130 for Ctrl-C twice */
	struct loading *loading;	/* the file still being read, or NULL:
					 * dir.t is then its view (owns nothing)
					 * and dir.ix the menu of no row */
	double loaded_secs;	/* how long it took, when it ended */
	uint64_t load_looked;	/* when the load was last looked at (ms), or 0 */
	struct loading *reloading;	/* a reload of a large file going on
					 * beside the screen (the old centres
					 * still shown), or NULL */
	char *opening;		/* the file reloading reads when it is another
				 * one being opened (F3); owned; NULL: a reload */
	/* The file as it was read (device, inode, size, time of change), to
	 * tell when it changes on disk: looked at every APP_FILE_LOOK_MS. */
	struct app_file { unsigned long long dev, ino, size, mtime, mtime_ns; bool known; } file;
	uint64_t file_looked;	/* when, in ms */
	bool file_changed;	/* said on the status line until a reload */
	struct export *exporting;	/* a large export written a slice at a
					 * time between keys (app.c), or NULL */
};

#define APP_FILE_LOOK_MS 2000
/* A file this large (bytes) is read again beside the screen. */
#define APP_RELOAD_BESIDE ((uint64_t)1 << 20)

/* Starts on d (taken over: the caller no longer frees it), loaded from path
 * (NULL: the built-in directory), for a width x height terminal. The status
 * line tells of the file's notice or warnings. */
void app_init(struct app *a, struct directory *d, const char *path,
    const struct app_config *cfg, int width, int height);
/* Starts while l (taken over) still loads path: the screen shows what is
 * loaded and how far it is, and takes the whole directory at the end
 * (app_idle). */
void app_init_loading(struct app *a, struct loading *l, const char *path,
    const struct app_config *cfg, int width, int height);
void app_free(struct app *a);

/* A key (a character or a named key of keys.h) in the current mode: looked
 * up, applied, and what it asked for carried out. Returns the REACT_* bits
 * the terminal must act on (see above). */
unsigned app_key(struct app *a, uint32_t key);
/* The time now, in milliseconds from any start (for Ctrl-C twice within 2
 * seconds, and the message that says so). */
void app_clock(struct app *a, uint64_t ms);
/* No more key is waiting: what was left to do is done (a reload asked
 * for, once however many times its key was typed ahead; a message whose
 * time is up taken away; while loading, the rows read since shown, and
 * at the end the whole directory). */
unsigned app_idle(struct app *a);
/* Keys were just handled, their answer not yet drawn: only what they
 * wait for (a reload asked for, letters typed ahead) is done. The rest
 * (the rows a load read since, an export's next slice) waits for the
 * next app_idle(), once the answer is on the screen (app_wait() is 0
 * when it is due); a look at a load put off that long is done here. */
unsigned app_answer(struct app *a);
/* Milliseconds until app_idle() has something to do, or -1 (while
 * loading: the next look at how far it is). */
long app_wait(const struct app *a);
/* A descriptor to wait on beside the keys (a load beside the screen that
 * ends), or -1; when it is readable, app_woken() then app_idle(). */
int app_wake_fd(const struct app *a);
void app_woken(struct app *a);
/* Pasted text (UTF-8): into the search, or the file name being typed;
 * never a command. */
unsigned app_paste(struct app *a, const char *s, size_t n);
/* The terminal's new size. */
unsigned app_resize(struct app *a, int width, int height);
/* A click on a line of a pane (-1: its heading), the wheel over a pane. */
unsigned app_click(struct app *a, enum pane p, int line);
unsigned app_wheel(struct app *a, enum pane p, int delta);
/* The text to put on the clipboard after REACT_COPY ("" when none). */
const char *app_clipboard(const struct app *a);

#endif
