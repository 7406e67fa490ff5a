/* SPDX-License-Identifier: MIT
 * restrict: what --restricted (or CENTRES_RESTRICTED) takes away from the
 * process itself, beyond the features the screen hides: for an SSH account
 * whose only command is centres. */
#ifndef CENTRES_RESTRICT_H
#define CENTRES_RESTRICT_H

/* Forgets the environment variables through which a person could make a
 * library read a file of their choosing (TERMINFO, TERMINFO_DIRS, TERMCAP,
 * HOME for ~/.terminfo, GCONV_PATH, LOCPATH), then forbids this process and
 * its threads from ever running a program (execve and execveat fail with
 * EPERM; calls of another architecture, x32's included, end the process;
 * Linux seccomp, with no new privileges). Called before the locale is set. Returns 0, or -1 with errno set when the kernel refuses the
 * filter (main.c then refuses to start, unless --restricted=no-seccomp). */
int restrict_process(void);

#endif
