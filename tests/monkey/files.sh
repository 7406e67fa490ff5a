# shellcheck shell=sh
# files.sh: the directories the monkey runs on (tests/cli/monkey_pty.sh and
# tests/monkey/soak.sh source it), written by the functions below.

# hostile_file PATH: fields that try to talk to the terminal (set its title,
# clear it, write its clipboard, switch screens, ask it to answer), C1
# controls in UTF-8 and raw, a bidi override, control bytes, line breaks in
# fields, CJK and emoji names, combining marks, very long fields, a row of
# 2,000 fields.
hostile_file() {
	{
		printf 'id,nom,sigle,territoire,territoire_2017,region,site_web,courriel,telephone,telephone_2,statut,note\n'
		printf '1,"Titre \033]0;pwned\007 fin",T1,Nord,,Hauts-de-France,www.a.fr,,01 11 11 11 11,,actif,"\033[2Jeffacer"\n'
		printf '2,Presse \033]52;c;cHduZWQ=\007papiers,,"Sud \033[31mrouge\033[0m",,Occitanie,www.b.fr,,02 22 22 22 22,,actif,ok\n'
		printf '3,Gamma \302\2332J csi,,Est,,Grand Est,,,"03 33 \033[2J33 33 33",,actif,\302\235osc\302\234\n'
		printf '4,Delta \342\200\256edcba bidi,,Ouest,,Bretagne,,,04 44 44 44 44,,actif,"\033]2;pwned\033\\"\n'
		printf '5,Raw \2332J c1 \235 0;x \234,\377\376,\300\257,,Corse,,,05 55 55 55 55,,actif,\355\240\200\n'
		printf '6,"Ctrl \177 del \010 bs \007 bel \001\002\004",,"ligne\nsuivante\r\nencore",,"a\tb",,,06,,actif,\033c\033[?1049h\033[?1000h\033[6n\033P+q\033\\\n'
		printf '7,東京都市計画センター東京都市計画センター,東京,東京都,,日本,www.東京.jp,,03 1234 5678,,actif,漢字かなカタカナ\n'
		printf '8,Maison 👨‍👩‍👧‍👦🏳️‍🌈🇫🇷🧑🏿‍🚀 des habitants,😀,Île-de-France,,Île-de-France,,é@x.fr,01 00 00 00 00,,actif,❤️\n'
		printf '9,Re\314\201union Z\315\221\315\213\315\233\314\244\314\244\314\244algo,,La Re\314\201union,,La Réunion,,,02 62 00 00 00,,actif,\357\273\277bom\n'
		printf '10,"Guillemets ""doubles"" et , virgule",,"",,"",,,,,,\n'
		printf '11,,,,,,,,,,,\n'
	} >"$1"
	# Very long fields: a name of 60,000 characters, a website of 20,000,
	# a phone number of 5,000 digits.
	awk 'BEGIN {
		s = ""; for (i = 0; i < 6000; i++) s = s "Très long " 
		w = ""; for (i = 0; i < 2000; i++) w = w "www.a.fr/"
		d = ""; for (i = 0; i < 1000; i++) d = d "01 23"
		printf "12,%s,L,Long,,Normandie,%s,,%s,,actif,%s\n", s, w, d, s
	}' >>"$1"
	# A row of 2,000 fields.
	awk 'BEGIN { printf "13"; for (i = 2; i <= 2000; i++) printf ",champ %d \033[%dm", i, i % 108; printf "\n" }' >>"$1"
}

# big_file PATH: 100,000 rows of 15 territories and 13 regions (5.5 MB).
big_file() {
	awk 'BEGIN {
		print "id,nom,territoire,region,telephone"
		split("Nord Sud Est Ouest Centre Réunion Guyane Corse Alsace Béarn Savoie Île Vosges Jura Landes", t, " ")
		split("Occitanie Bretagne Normandie Grand-Est Hauts-de-France Île-de-France Corse Auvergne-Rhône-Alpes Provence Guyane Réunion Centre-Val-de-Loire Pays-de-la-Loire", r, " ")
		for (i = 1; i <= 100000; i++)
			printf "%d,Centre %d,%s %d,%s,0%d %02d %02d %02d %02d\n", i, i, t[1 + i % 15], i % 89,
			    r[1 + i % 13], 1 + i % 9, i % 100, (i * 7) % 100, (i * 13) % 100, (i * 31) % 100
	}' >"$1"
}
