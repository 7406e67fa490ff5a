/* SPDX-License-Identifier: MIT
 * Unit tests of restrict: after restrict_process() the process cannot run a
 * program, by any route, and the terminfo path variables are gone. Each
 * check runs in a child, since the restriction cannot be undone. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "unit.h"
#include "restrict.h"

/* Runs fn in a child; returns its exit status (0: every check held). */
static int
in_child(int (*fn)(void))
{
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0)
		_exit(fn());
	int status = 0;
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 100 + WTERMSIG(status);
}

static int
try_exec(void)
{
	if (restrict_process() != 0)
		return 10;
	char *argv[] = {(char *)"true", NULL};
	char *envp[] = {NULL};
	if (execve("/bin/true", argv, envp) != -1 || errno != EPERM)
		return 11;
	/* system() forks a shell: the shell cannot be started either. */
	int rc = system("exit 0");
	if (rc == 0)
		return 12;
	if (execvp("sh", argv) != -1)
		return 13;
	return 0;
}

static int
try_env(void)
{
	setenv("TERMINFO", "/home/someone/.terminfo", 1);
	setenv("TERMINFO_DIRS", "/tmp", 1);
	setenv("TERMCAP", "/tmp/termcap", 1);
	setenv("HOME", "/home/someone", 1);	/* its .terminfo */
	setenv("GCONV_PATH", "/tmp/gconv", 1);
	setenv("LOCPATH", "/tmp/locale", 1);
	setenv("LANG", "C.UTF-8", 1);
	restrict_process();
	if (getenv("TERMINFO") || getenv("TERMINFO_DIRS") || getenv("TERMCAP"))
		return 20;
	if (getenv("HOME") || getenv("GCONV_PATH") || getenv("LOCPATH"))
		return 22;
	return getenv("LANG") ? 0 : 21;	/* the rest of the environment stays */
}

#if defined(__x86_64__)
#include <sys/syscall.h>
/* An x32 system call (the number with bit 30 set, same architecture
 * number): the process is ended (SIGSYS), not let through to the kernel. */
static int
try_x32(void)
{
	if (restrict_process() != 0)
		return 40;
	syscall(0x40000000 | SYS_getpid);
	return 41;	/* still alive: the call went through */
}
#endif

static int
threads_and_files_still_work(void)
{
	if (restrict_process() != 0)
		return 30;
	/* Reading the directory file again (reload) and forking are allowed. */
	FILE *f = fopen("data/centres.csv", "r");
	if (!f)
		return 31;
	fclose(f);
	pid_t p = fork();
	if (p == 0)
		_exit(7);
	int st;
	if (p < 0 || waitpid(p, &st, 0) != p || WEXITSTATUS(st) != 7)
		return 32;
	return 0;
}

static void
no_program_can_run(void **state)
{
	(void)state;
	/* The reference: without the restriction, the same exec works. */
	pid_t pid = fork();
	if (pid == 0) {
		char *argv[] = {(char *)"true", NULL};
		char *envp[] = {NULL};
		execve("/bin/true", argv, envp);
		_exit(1);
	}
	int st;
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_int_equal(WEXITSTATUS(st), 0);
	assert_int_equal(in_child(try_exec), 0);
}

static void
terminfo_paths_forgotten(void **state)
{
	(void)state;
	assert_int_equal(in_child(try_env), 0);
}

static void
x32_calls_end_the_process(void **state)
{
	(void)state;
#if defined(__x86_64__)
	assert_int_equal(in_child(try_x32), 100 + SIGSYS);
#else
	skip();
#endif
}

static void
reading_and_forking_still_work(void **state)
{
	(void)state;
	assert_int_equal(in_child(threads_and_files_still_work), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(no_program_can_run),
		cmocka_unit_test(terminfo_paths_forgotten),
		cmocka_unit_test(reading_and_forking_still_work),
		cmocka_unit_test(x32_calls_end_the_process),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
