/* SPDX-License-Identifier: MIT
 * no_seccomp PROGRAM [ARG]...: runs PROGRAM where a process cannot install
 * a seccomp filter (seccomp(2) and prctl(PR_SET_SECCOMP) fail with EINVAL),
 * as on a kernel built without it: the path where --restricted must refuse
 * to start. Linux only; used by tests/cli/restricted.sh. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
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

int
main(int argc, char **argv)
{
	if (argc < 2) {
		fputs("usage: no_seccomp PROGRAM [ARG]...\n", stderr);
		return 2;
	}
#ifdef ARCH_NR
	struct sock_filter prog[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, ARCH_NR, 1, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_seccomp, 4, 0),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_prctl, 0, 2),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[0])),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, PR_SET_SECCOMP, 1, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (EINVAL & SECCOMP_RET_DATA)),
	};
	struct sock_fprog fp = {(unsigned short)(sizeof prog / sizeof prog[0]), prog};
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
	    prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &fp, 0, 0) != 0) {
		perror("no_seccomp: cannot install the filter");
		return 2;
	}
#endif
	execv(argv[1], argv + 1);
	perror("no_seccomp: exec");
	return 127;
}
