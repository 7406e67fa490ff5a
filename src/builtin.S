/* SPDX-License-Identifier: MIT
 * The default directory, data/centres.csv, carried inside the binary so that
 * one file is all a server needs. Assembled from the top of the tree. */
	.section .rodata
	.global centres_builtin_csv
	.global centres_builtin_csv_end
	.balign 16
centres_builtin_csv:
	.incbin "data/centres.csv"
centres_builtin_csv_end:
	.byte 0
	.section .note.GNU-stack,"",@progbits
