#!/usr/bin/env python3
"""Spell check of a built site: every word of its pages and PDFs.

Usage: spellcheck.py OUTPUT_DIR [--words-dir locales]

Each word is checked in the language it is written in: an HTML element's
nearest `lang` attribute (so an untranslated passage marked lang="en" on
a Lithuanian page is checked as English), and for a PDF the language
folder it sits in (output/lt/...). Lithuanian goes through
`hunspell -d lt_LT`, English through `hunspell -d en_GB`; words listed in
locales/<lang>/words.txt (names of people, places, organisations, brands,
reviewed by a person) are accepted. Prints the counts per language and
every unknown word with where it was found; exits 1 if any is unknown.
"""

import os
import re
import subprocess
import sys
from collections import defaultdict
from html.parser import HTMLParser

DICTIONARIES = {"lt": "lt_LT", "en": "en_GB"}
# Text of these elements is not prose: code, styles, scripts.
SKIP = {"script", "style", "code", "pre", "kbd", "samp"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}
# Attributes a reader (or a screen reader) gets as text.
TEXT_ATTRS = {"alt", "title", "aria-label"}
# A word: letters (with an apostrophe inside), not part of a token with
# digits (a data hash such as "b701700c").
WORD = re.compile(r"(?<![\w])[^\W\d_]+(?:['’][^\W\d_]+)*(?![\w])")
# Addresses are not words ("https://impact.example.org/lt/").
URL = re.compile(r"\b(?:https?://|www\.)\S+")



class Text(HTMLParser):
    """Collects (lang, text) pieces of one HTML file."""

    def __init__(self, default_lang):
        super().__init__(convert_charrefs=True)
        self.stack = [(None, default_lang, False)]
        self.pieces = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        _, lang, skip = self.stack[-1]
        lang = (attrs.get("lang") or lang or "").split("-")[0].lower()
        skip = skip or tag in SKIP
        if not skip:
            for name in TEXT_ATTRS:
                if attrs.get(name):
                    self.pieces.append((lang, attrs[name]))
            if tag == "meta" and attrs.get("name") == "description":
                self.pieces.append((lang, attrs.get("content") or ""))
        if tag not in VOID:
            self.stack.append((tag, lang, skip))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        _, lang, skip = self.stack[-1]
        if not skip:
            self.pieces.append((lang, data))


def lang_of_path(rel):
    first = rel.split(os.sep)[0]
    return first if first in DICTIONARIES else None


def pdf_text(path):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"],
                          check=True, capture_output=True, text=True).stdout


def unknown_words(lang, words, words_dir):
    listed = os.path.join(words_dir, lang, "words.txt")
    cmd = ["hunspell", "-d", DICTIONARIES[lang], "-l", "-i", "UTF-8"]
    if os.path.exists(listed):
        cmd += ["-p", listed]
    out = subprocess.run(cmd, input="\n".join(sorted(words)) + "\n",
                         check=True, capture_output=True, text=True).stdout
    return set(out.split())


def main():
    args = sys.argv[1:]
    words_dir = "locales"
    if "--words-dir" in args:
        i = args.index("--words-dir")
        words_dir = args[i + 1]
        del args[i:i + 2]
    if len(args) != 1:
        sys.exit(__doc__)
    root = args[0]
    where = defaultdict(lambda: defaultdict(set))  # lang -> word -> files
    for dirpath, _, files in os.walk(root):
        for name in sorted(files):
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            if name.endswith(".html"):
                parser = Text(lang_of_path(rel))
                with open(path, encoding="utf-8") as f:
                    parser.feed(f.read())
                pieces = parser.pieces
            elif name.endswith(".pdf"):
                lang = lang_of_path(rel)
                pieces = [(lang, pdf_text(path))] if lang else []
            else:
                continue
            for lang, text in pieces:
                if lang not in DICTIONARIES:
                    continue
                for w in WORD.findall(URL.sub(" ", text)):
                    where[lang][w].add(rel)
    failed = False
    for lang in sorted(DICTIONARIES):
        words = where.get(lang, {})
        unknown = unknown_words(lang, words, words_dir) if words else set()
        # pdftotext joins a word hyphenated at the end of a line itself
        # ("geo-targeted" -> "geotargeted"): a word found only in PDFs
        # passes if it splits into two known words.
        in_pdfs_only = {w for w in unknown
                        if all(f.endswith(".pdf") for f in words[w])}
        splits = {w: [(w[:i], w[i:]) for i in range(2, len(w) - 1)]
                  for w in in_pdfs_only}
        parts = {p for ss in splits.values() for pair in ss for p in pair}
        if parts:
            bad = unknown_words(lang, parts, words_dir)
            unknown -= {w for w, ss in splits.items()
                        if any(a not in bad and b not in bad for a, b in ss)}
        print(f"hunspell -d {DICTIONARIES[lang]}: {len(words)} distinct words, "
              f"{len(unknown)} unknown outside locales/{lang}/words.txt")
        for w in sorted(unknown):
            files = sorted(words[w])
            more = f" (+{len(files) - 3} more)" if len(files) > 3 else ""
            print(f"  {w}: {', '.join(files[:3])}{more}")
        failed |= bool(unknown)
    if not where:
        print("no pages found under", root)
        failed = True
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
