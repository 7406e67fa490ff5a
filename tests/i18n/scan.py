#!/usr/bin/env python3
"""scan.py FILE...: the string literals of C files that read like words for
a person and are not marked for translation (src/core/i18n.h: _, N_, C_,
P_, or NT_ for a literal that only looks like a message). Prints each as
FILE:LINE: "TEXT" and exits 1 when there is one, else 0.

A literal reads like words when, with its printf conversions taken out,
it has a word of two letters or more and either a space or a capital
followed by small letters ("Help", "No centre matches"). The mark that
counts is the innermost call around the literal, so _("a" "b") and
P_("%d centre", "%d centres", n) are marked, f(_("x"), "y z") is not."""
import re
import sys

MARKS = {"_", "N_", "NT_", "C_", "P_", "gettext", "ngettext", "dgettext"}
CONV = re.compile(r"%[-+ #0-9.*']*(hh|h|ll|l|z|j|t|L)?[diouxXeEfgGsScpn%]")


def tokens(src):
    """(kind, text, line): kinds id, str, punct. Comments, character
    constants and preprocessor lines are skipped."""
    i, n, line = 0, len(src), 1
    bol = True
    while i < n:
        c = src[i]
        if c == "\n":
            line += 1
            i += 1
            bol = True
            continue
        if c in " \t\r\f\v":
            i += 1
            continue
        if bol and c == "#":
            # a directive, with its continuation lines
            while i < n and src[i] != "\n":
                if src[i] == "\\" and i + 1 < n and src[i + 1] == "\n":
                    line += 1
                    i += 1
                i += 1
            continue
        bol = False
        if src.startswith("//", i):
            while i < n and src[i] != "\n":
                i += 1
            continue
        if src.startswith("/*", i):
            j = src.find("*/", i + 2)
            j = n if j < 0 else j + 2
            line += src.count("\n", i, j)
            i = j
            continue
        if c in "\"'":
            j = i + 1
            while j < n and src[j] != c:
                j += 2 if src[j] == "\\" else 1
            text = src[i + 1:j]
            if c == '"':
                yield ("str", text, line)
            line += src.count("\n", i, j)
            i = j + 1
            continue
        m = re.match(r"[A-Za-z_][A-Za-z_0-9]*", src[i:i + 64])
        if m:
            yield ("id", m.group(0), line)
            i += len(m.group(0))
            continue
        yield ("punct", c, line)
        i += 1


def wordy(text):
    t = CONV.sub(" ", text.replace("\\n", " ").replace("\\t", " "))
    t = re.sub(r"\\(x[0-9a-fA-F]+|[0-7]{1,3}|.)", " ", t).strip()
    if not re.search(r"[A-Za-z]{2,}", t):
        return False
    return " " in t or re.match(r"[A-Z][a-z]+", t) is not None


def scan(path):
    with open(path, encoding="utf-8") as f:
        src = f.read()
    found = []
    stack = []
    prev = None
    group = None  # [text, line, marked]
    for kind, text, line in tokens(src):
        if kind == "str":
            if group is None:
                marked = bool(stack) and stack[-1] in MARKS
                group = [text, line, marked]
            else:
                group[0] += text
            prev = (kind, text)
            continue
        if group is not None:
            if not group[2] and wordy(group[0]):
                found.append((group[1], group[0]))
            group = None
        if kind == "punct" and text == "(":
            stack.append(prev[1] if prev and prev[0] == "id" else None)
        elif kind == "punct" and text == ")":
            if stack:
                stack.pop()
        prev = (kind, text)
    return found


def main(paths):
    bad = 0
    for p in paths:
        for line, text in scan(p):
            print('%s:%d: "%s"' % (p, line, text))
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
