/* SPDX-License-Identifier: MIT
 * The data carried inside the binary so that one file is all a server
 * needs: the default directory, data/centres.csv, and the places of France
 * for the place look-up, data/places.txt (core/places.c), and the French
 * catalogue, for a binary copied alone (core/i18n.c, made by msgfmt from
 * po/fr.po). Each is followed by a NUL. Assembled from the top of the tree. */
	.section .rodata
	.global centres_builtin_csv
	.global centres_builtin_csv_end
	.global centres_builtin_places
	.global centres_builtin_places_end
	.balign 16
centres_builtin_csv:
	.incbin "data/centres.csv"
centres_builtin_csv_end:
	.byte 0
	.balign 16
centres_builtin_places:
	.incbin "data/places.txt"
centres_builtin_places_end:
	.byte 0
	.global centres_builtin_mo
	.global centres_builtin_mo_end
	.balign 16
centres_builtin_mo:
	.incbin "build/locale/fr/LC_MESSAGES/centres.mo"
centres_builtin_mo_end:
	.byte 0
	.section .note.GNU-stack,"",@progbits
