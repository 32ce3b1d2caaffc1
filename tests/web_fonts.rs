//! The default theme's web fonts (themes/default/static/fonts/, made by
//! themes/default/fonts/make-web-fonts.py): the reading-set faces carry
//! every letter a Lithuanian or English page prints, the style sheet's
//! `unicode-range`s send each character to a face that has it, and the
//! sample site's pages and single-file downloads load those faces and not
//! the 700 KB TTFs.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

mod common;

fn theme() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default")
}

/// Every character a page of the sample site prints in Lithuanian and
/// English that is not ASCII letters: the letters with their capitals, the
/// quotes, dashes and signs of CLDR's number formats, and the digits.
const MUST_HAVE: &str = "ąčęėįšųūžĄČĘĖĮŠŲŪŽ„“”‘’–—…€£$%‰·×−\u{a0}\u{202f}0123456789";

/// The code points a WOFF2 font maps to glyphs: its `cmap` table, found in
/// the Brotli stream after the table directory (WOFF2 never transforms
/// `cmap`), read by ttf-parser.
fn woff2_code_points(bytes: &[u8]) -> BTreeSet<u32> {
    assert_eq!(&bytes[..4], b"wOF2", "not a WOFF2 file");
    let be16 = |at: usize| u16::from_be_bytes([bytes[at], bytes[at + 1]]) as usize;
    let be32 = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
    let tables = be16(12);
    let compressed = be32(20);
    let mut at = 48;
    let base128 = |at: &mut usize| {
        let mut v = 0usize;
        loop {
            let b = bytes[*at];
            *at += 1;
            v = (v << 7) | (b & 0x7F) as usize;
            if b & 0x80 == 0 {
                return v;
            }
        }
    };
    let mut cmap = None;
    let mut offset = 0;
    for _ in 0..tables {
        let flags = bytes[at];
        at += 1;
        let index = flags & 0x3F;
        let version = flags >> 6;
        let tag: [u8; 4] = if index == 63 {
            at += 4;
            bytes[at - 4..at].try_into().unwrap()
        } else {
            [0; 4]
        };
        let orig = base128(&mut at);
        // glyf (10) and loca (11) are transformed unless version 3; other
        // tables are transformed unless version 0.
        let transformed = match index {
            10 | 11 => version != 3,
            _ => version != 0,
        };
        let len = if transformed { base128(&mut at) } else { orig };
        if index == 0 || &tag == b"cmap" {
            cmap = Some((offset, len));
        }
        offset += len;
    }
    let mut stream = Vec::new();
    brotli_decompressor::BrotliDecompress(&mut &bytes[at..at + compressed], &mut stream)
        .expect("the font's Brotli stream decodes");
    let (start, len) = cmap.expect("a cmap table");
    let table = ttf_parser::cmap::Table::parse(&stream[start..start + len]).expect("cmap parses");
    let mut points = BTreeSet::new();
    for sub in table.subtables {
        if sub.is_unicode() {
            sub.codepoints(|c| {
                if sub.glyph_index(c).is_some_and(|g| g.0 != 0) {
                    points.insert(c);
                }
            });
        }
    }
    points
}

/// The `unicode-range` of the `@font-face` that loads `file`.
fn declared_range(css: &str, file: &str) -> Vec<(u32, u32)> {
    let rule = css
        .split("@font-face")
        .find(|r| r.contains(&format!("url(fonts/{file})")))
        .unwrap_or_else(|| panic!("style.css has no @font-face for {file}"));
    let value = rule
        .split("unicode-range:")
        .nth(1)
        .expect("a unicode-range");
    let value = &value[..value.find(';').unwrap()];
    value
        .split(',')
        .map(|item| {
            let hex = item.trim().strip_prefix("U+").unwrap();
            let n = |s: &str| u32::from_str_radix(s, 16).unwrap();
            match hex.split_once('-') {
                Some((a, b)) => (n(a), n(b)),
                None => (n(hex), n(hex)),
            }
        })
        .collect()
}

fn in_ranges(ranges: &[(u32, u32)], c: u32) -> bool {
    ranges.iter().any(|&(a, b)| (a..=b).contains(&c))
}

#[test]
fn subset_has_every_lithuanian_letter_quote_dash_euro_and_digit() {
    let css = fs::read_to_string(theme().join("static/style.css")).unwrap();
    for face in ["DejaVuSans-text.woff2", "DejaVuSans-Bold-text.woff2"] {
        let bytes = fs::read(theme().join("static/fonts").join(face)).unwrap();
        let points = woff2_code_points(&bytes);
        let range = declared_range(&css, face);
        for ch in MUST_HAVE.chars() {
            let c = u32::from(ch);
            assert!(
                points.contains(&c),
                "{face} has no glyph for {ch:?} (U+{c:04X})"
            );
            assert!(
                in_ranges(&range, c),
                "{face}'s unicode-range leaves out {ch:?} (U+{c:04X})"
            );
        }
        // The whole documented set: Basic Latin, Latin-1, Latin Extended-A.
        for c in (0x20..=0x7E).chain(0xA0..=0x17F) {
            assert!(points.contains(&c), "{face} lacks U+{c:04X}");
        }
        assert!(bytes.len() < 25_000, "{face} is {} bytes", bytes.len());
    }
}

#[test]
fn every_character_goes_to_a_face_that_has_it() {
    let css = fs::read_to_string(theme().join("static/style.css")).unwrap();
    let full = |ttf: &str| {
        let bytes = fs::read(theme().join("fonts").join(ttf)).unwrap();
        let face = ttf_parser::Face::parse(&bytes, 0).unwrap();
        let mut points = BTreeSet::new();
        for sub in face.tables().cmap.unwrap().subtables {
            if sub.is_unicode() {
                sub.codepoints(|c| {
                    if sub.glyph_index(c).is_some_and(|g| g.0 != 0) {
                        points.insert(c);
                    }
                });
            }
        }
        points
    };
    for (ttf, stem) in [
        ("DejaVuSans.ttf", "DejaVuSans"),
        ("DejaVuSans-Bold.ttf", "DejaVuSans-Bold"),
    ] {
        let text_file = format!("{stem}-text.woff2");
        let rest_file = format!("{stem}-rest.woff2");
        let read =
            |f: &str| woff2_code_points(&fs::read(theme().join("static/fonts").join(f)).unwrap());
        let (text, rest) = (read(&text_file), read(&rest_file));
        let (text_range, rest_range) = (
            declared_range(&css, &text_file),
            declared_range(&css, &rest_file),
        );
        for c in full(ttf) {
            let (in_text, in_rest) = (in_ranges(&text_range, c), in_ranges(&rest_range, c));
            assert!(
                in_text != in_rest,
                "U+{c:04X} is in {} faces' ranges",
                if in_text { 2 } else { 0 }
            );
            let (face, file) = if in_text {
                (&text, &text_file)
            } else {
                (&rest, &rest_file)
            };
            assert!(
                face.contains(&c),
                "U+{c:04X} of {ttf} goes to {file}, which lacks it"
            );
        }
    }
}

#[test]
fn pages_and_downloads_use_the_subset_fonts() {
    let site = common::sample_site();
    let outcome = common::build(site.path(), false);
    assert!(
        !outcome.diags.has_errors(),
        "{:?}",
        common::messages(&outcome)
    );
    let out = site.path().join("output");
    let css_file = fs::read_dir(out.join("assets"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "css"))
        .unwrap();
    let css = fs::read_to_string(&css_file).unwrap();
    assert!(
        css.contains("format(\"woff2\")") && !css.contains(".ttf"),
        "{css}"
    );
    let fonts: Vec<_> = fs::read_dir(out.join("assets/fonts"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(fonts.len(), 4, "{fonts:?}");
    assert!(fonts.iter().all(|f| f.ends_with(".woff2")), "{fonts:?}");

    // The Lithuanian single-file report: the reading-set faces only.
    let download = out.join("lt/impact-2019-2020/impact-2019-2020.html");
    let html = fs::read_to_string(&download).unwrap();
    let fonts: usize = html
        .match_indices("data:font/woff2;base64,")
        .map(|(i, _)| html[i..].find(')').unwrap())
        .sum();
    assert_eq!(
        html.matches("data:font/woff2;base64,").count(),
        2,
        "regular and bold"
    );
    assert!(!html.contains("data:font/ttf"), "no TTF inlined");
    assert!(fonts < 60_000, "the download's fonts take {fonts} bytes");
}
