#!/usr/bin/env python3
"""Makes the theme's web fonts from the DejaVu Sans files beside this script.

The pages load two faces per weight, both named "DejaVu Sans":

- `DejaVuSans[-Bold]-text.woff2`: the fixed reading set below, cut from the
  full font. Every page loads it. The set is fixed (not the letters the
  content happens to use) so a page's fonts never change when a story adds
  a letter, and browsers keep one cached copy for the whole site.
- `DejaVuSans[-Bold]-rest.woff2`: every other character of the full font.
  Its `@font-face` carries the `unicode-range` of everything outside the
  reading set, so a browser fetches it only for a page that shows such a
  character (a Greek or Cyrillic name, a symbol).

Both are WOFF2 (Brotli). The charts' SVG text is measured with the TTF files
and names "DejaVu Sans", so it renders with the same outlines and advance
widths: subsetting keeps every glyph's metrics and the kerning (GPOS and
`kern`); only the TrueType hinting programs are dropped, which browsers on
phones and macOS never run and which would change advances at small sizes.

The PDF and the charts keep using the TTF files; only the browser gets these.
The outputs are committed, so a build does not subset anything: run this
again only when the font or the set changes, with the pinned tools:

    python3 -m venv /tmp/fontenv
    /tmp/fontenv/bin/pip install -r themes/default/fonts/requirements.txt
    /tmp/fontenv/bin/python themes/default/fonts/make-web-fonts.py

It writes the four files to themes/default/static/fonts/ and prints the
`unicode-range` values that themes/default/static/style.css must carry
(`--check` exits 1 when the style sheet disagrees). The same fonts and tools
give the same bytes: timestamps are taken from the source font, not the clock.
"""

import io
import pathlib
import sys
import unicodedata

from fontTools import subset
from fontTools.ttLib import TTFont

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE.parent / "static" / "fonts"
CSS = HERE.parent / "static" / "style.css"

# The reading set, in ranges of code points (first, last), both included.
# docs/PERFORMANCE.md ("Web fonts") lists the same set for people.
TEXT_SET = [
    (0x0000, 0x007F),  # Basic Latin (controls have no glyph; a range with
    #                    them keeps a browser from looking elsewhere for them)
    (0x0080, 0x00FF),  # Latin-1 Supplement: no-break space, £ ¥ § « » · × é …
    (0x0100, 0x017F),  # Latin Extended-A: ą č ę ė į š ų ū ž and the rest
    (0x2000, 0x206F),  # General Punctuation: spaces, dashes, quotes, … ‰ ′ ›,
    #                    and the invisible ones (zero-width space, word joiner)
    #                    a browser looks up while it breaks lines
    (0x20A0, 0x20C0),  # currency signs: € ₹ ₽ ₴ ₸ …
    (0x2116, 0x2116),  # №
    (0x2122, 0x2122),  # ™
    (0x2190, 0x2193),  # ← ↑ → ↓
    (0x2212, 0x2212),  # − minus sign (CLDR's negative numbers)
    (0x25A0, 0x25FF),  # Geometric Shapes: the markers a browser draws for
    #                    lists (◦ ▪) and <details> (▸ ▾), which it looks up
    #                    in the page's font like any character
    (0xFEFF, 0xFEFF),  # zero-width no-break space (byte order mark)
    (0xFFFC, 0xFFFD),  # object replacement (an inline SVG in a line) and �
]

FACES = [
    ("DejaVuSans.ttf", "DejaVuSans"),
    ("DejaVuSans-Bold.ttf", "DejaVuSans-Bold"),
]


def code_points(ranges):
    """Every code point in `ranges`."""
    return {cp for first, last in ranges for cp in range(first, last + 1)}


def ranges_of(points):
    """Sorted code points as (first, last) runs."""
    runs = []
    for cp in sorted(points):
        if runs and runs[-1][1] == cp - 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp])
    return [tuple(r) for r in runs]


def unicode_range(points):
    """A CSS `unicode-range` value for `points`."""
    parts = []
    for first, last in ranges_of(points):
        parts.append(f"U+{first:X}" if first == last else f"U+{first:X}-{last:X}")
    return ", ".join(parts)


def cut(source, points):
    """The WOFF2 bytes of `source` cut to `points`."""
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]  # keep kerning, ligatures and marks
    options.hinting = False
    options.name_IDs = ["*"]  # keep the family name and the licence
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.recalc_timestamp = False
    options.drop_tables += ["FFTM"]  # FontForge's build timestamps
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(points))
    subsetter.subset(font)
    buf = io.BytesIO()
    subset.save_font(font, buf, options)
    return buf.getvalue()


def main(argv):
    check = "--check" in argv
    text = code_points(TEXT_SET)
    outside = set(range(0x110000)) - text
    css_lines = []
    for ttf, stem in FACES:
        source = HERE / ttf
        cmap = set(TTFont(str(source)).getBestCmap())
        # Controls, invisible format characters and unassigned code points
        # are in the set's ranges (so a browser asks this face about them)
        # but have nothing to draw.
        silent = ("Cc", "Cf", "Cn", "Zl", "Zp")
        drawn = {cp for cp in text if unicodedata.category(chr(cp)) not in silent}
        missing = sorted(cp for cp in drawn if cp not in cmap)
        kept = text & cmap
        rest = cmap - text
        css_lines.append(f"{stem}-text.woff2: unicode-range: {unicode_range(text)}")
        css_lines.append(f"{stem}-rest.woff2: unicode-range: {unicode_range(outside)}")
        if not check:
            OUT.mkdir(parents=True, exist_ok=True)
            for suffix, points in (("text", kept), ("rest", rest)):
                data = cut(source, points)
                (OUT / f"{stem}-{suffix}.woff2").write_bytes(data)
                print(f"{stem}-{suffix}.woff2: {len(points)} characters, {len(data)} bytes")
            if missing:
                names = " ".join(f"U+{cp:04X}" for cp in missing)
                print(f"{ttf} has no glyph for {names} (left out of the set)")
    css = CSS.read_text(encoding="utf-8")
    wrong = [line for line in css_lines if line.split(": ", 1)[1] not in css]
    for line in css_lines:
        print(line)
    if wrong:
        print(f"{CSS.name} lacks these unicode-range values:", file=sys.stderr)
        for line in wrong:
            print(f"  {line}", file=sys.stderr)
        return 1 if check else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
