/* SPDX-License-Identifier: MIT
 * restrict: the process-level half of --restricted (see restrict.h). The
 * screen's half (no export, no open, no suspend) is in app/state.c. */
#define _GNU_SOURCE
#include "restrict.h"

#include <errno.h>
#include <stdlib.h>

#if defined(__linux__)
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__x86_64__)
#define ARCH_NR AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define ARCH_NR AUDIT_ARCH_AARCH64
#elif defined(__i386__)
#define ARCH_NR AUDIT_ARCH_I386
#endif
#endif

#if defined(ARCH_NR) && defined(__NR_execve)
#ifndef __NR_execveat
#define __NR_execveat -1
#endif
#ifdef __X32_SYSCALL_BIT
#define X32_BIT __X32_SYSCALL_BIT
#else
#define X32_BIT 0x40000000	/* no call of ours has it on other architectures */
#endif
static int
forbid_exec(void)
{
	struct sock_filter prog[] = {
		/* Another architecture's calls (x32, i386 on x86_64): refuse
		 * outright, as their numbers mean other calls. */
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, ARCH_NR, 1, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		/* x32 calls share x86_64's architecture number, their own
		 * numbers marked by this bit (x32's execve is 520 | bit):
		 * refused outright too. */
		BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, X32_BIT, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_execve, 2, 0),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)__NR_execveat, 1, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (EPERM & SECCOMP_RET_DATA)),
	};
	struct sock_fprog fp = {(unsigned short)(sizeof prog / sizeof prog[0]), prog};
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
		return -1;
	/* TSYNC: threads started before (none yet) get it too; every later
	 * thread inherits it. */
	if (syscall(__NR_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC, &fp) != 0
	    && prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &fp, 0, 0) != 0)
		return -1;
	return 0;
}
#else
static int
forbid_exec(void)
{
	errno = ENOSYS;
	return -1;
}
#endif

int
restrict_process(void)
{
	/* Files the person could point the libraries at: terminal
	 * descriptions (also ~/.terminfo, found through HOME), character set
	 * converters (iconv's GCONV_PATH), locales (LOCPATH). */
	static const char *const vars[] = {"TERMINFO", "TERMINFO_DIRS", "TERMCAP", "HOME",
		"GCONV_PATH", "LOCPATH"};
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++)
		unsetenv(vars[i]);
	return forbid_exec();
}
