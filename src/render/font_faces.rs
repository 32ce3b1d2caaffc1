//! The theme's `@font-face` rules in a file that must carry its own fonts
//! (the single-file HTML): the fonts become `data:` URLs, and a face whose
//! `unicode-range` the document never uses is left out, so a report in
//! Latin letters carries the small reading-set faces and not the rest of
//! the font. Pages need none of this: a browser fetches a face only when a
//! page shows a character in its range. This module only rewrites CSS
//! text; it never reads font files.

use std::ops::RangeInclusive;

use base64::Engine as _;

/// The style sheet with every `url(fonts/<file>)` of `fonts` replaced by
/// the font's bytes, so the page needs nothing beside it.
pub fn inline_fonts(css: &str, fonts: &[(String, Vec<u8>)]) -> String {
    let mut out = css.to_string();
    for (name, bytes) in fonts {
        let data = base64::engine::general_purpose::STANDARD.encode(bytes);
        let lower = name.to_lowercase();
        let mime = match lower.rsplit_once('.').map(|(_, ext)| ext) {
            Some("woff2") => "font/woff2",
            Some("woff") => "font/woff",
            Some("otf") => "font/otf",
            _ => "font/ttf",
        };
        out = out.replace(
            &format!("url(fonts/{name})"),
            &format!("url(data:{mime};base64,{data})"),
        );
    }
    out
}

/// `css` without the `@font-face` rules whose `unicode-range` has no
/// character of `texts` (the pieces of one document). Rules without a
/// `unicode-range` (a face for every character) and everything else in the
/// sheet are kept as they are.
pub fn faces_for_text<'a>(css: &str, texts: impl IntoIterator<Item = &'a str>) -> String {
    // A set of code points as bits: a report of a thousand campaigns has
    // millions of letters outside ASCII and a few dozen distinct ones.
    let mut used = vec![0u64; (0x11_0000 / 64) as usize];
    for text in texts {
        // Runs of ASCII, most of a page, are stepped over a block at a
        // time; only the other characters are decoded.
        let mut rest = text;
        while !rest.is_empty() {
            rest = &rest[ascii_prefix(rest.as_bytes())..];
            let mut chars = rest.chars();
            if let Some(c) = chars.next() {
                let c = u32::from(c);
                used[(c / 64) as usize] |= 1 << (c % 64);
            }
            rest = chars.as_str();
        }
    }
    let has = |c: u32| {
        used.get((c / 64) as usize)
            .is_some_and(|w| w & (1 << (c % 64)) != 0)
    };
    let needed = |ranges: &[RangeInclusive<u32>]| {
        ranges.iter().any(|r| {
            // ASCII is in nearly every text: any range reaching into it
            // is needed without looking.
            r.start() <= &0x7F || r.clone().any(has)
        })
    };
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(at) = rest.find("@font-face") {
        let Some(len) = rest[at..].find('}').map(|i| i + 1) else {
            break;
        };
        out.push_str(&rest[..at]);
        let rule = &rest[at..at + len];
        let keep = match unicode_range(rule) {
            Some(ranges) => needed(&ranges),
            None => true,
        };
        if keep {
            out.push_str(rule);
        } else {
            // The line the rule stood on goes with it.
            rest = rest[at + len..]
                .strip_prefix('\n')
                .unwrap_or(&rest[at + len..]);
            continue;
        }
        rest = &rest[at + len..];
    }
    out.push_str(rest);
    out
}

/// How many bytes at the start of `bytes` are ASCII (so end on a character
/// boundary).
fn ascii_prefix(bytes: &[u8]) -> usize {
    const BLOCK: usize = 32;
    let blocks = bytes
        .chunks_exact(BLOCK)
        .take_while(|block| block.is_ascii())
        .count();
    let at = blocks * BLOCK;
    at + bytes[at..].iter().take_while(|b| b.is_ascii()).count()
}

/// The code points of a rule's `unicode-range` descriptor
/// (`U+0-17F, U+2013, U+4??`), or `None` when it has none or one that
/// cannot be read (then the face is kept: better a font too many).
fn unicode_range(rule: &str) -> Option<Vec<RangeInclusive<u32>>> {
    let value = rule.split("unicode-range").nth(1)?;
    let value = value.trim_start().strip_prefix(':')?;
    let end = value.find([';', '}']).unwrap_or(value.len());
    value[..end].split(',').map(|p| range(p.trim())).collect()
}

/// One `unicode-range` item: `U+20AC`, `U+0-7F` or `U+4??`.
fn range(item: &str) -> Option<RangeInclusive<u32>> {
    let hex = item
        .strip_prefix("U+")
        .or_else(|| item.strip_prefix("u+"))?;
    let parse = |s: &str| u32::from_str_radix(s, 16).ok();
    match hex.split_once('-') {
        Some((a, b)) => Some(parse(a)?..=parse(b)?),
        None if hex.contains('?') => {
            Some(parse(&hex.replace('?', "0"))?..=parse(&hex.replace('?', "F"))?)
        }
        None => parse(hex).map(|c| c..=c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHEET: &str = "a{}\n\
@font-face { src: url(fonts/A-text.woff2); unicode-range: U+0-17F, U+2013, U+20AC; }\n\
@font-face { src: url(fonts/A-rest.woff2); unicode-range: U+180-2012, U+2014-20AB, U+20AD-10FFFF; }\n\
@font-face { src: url(fonts/B.ttf); }\n\
b{}\n";

    #[test]
    fn a_face_whose_range_the_text_never_uses_is_left_out() {
        let css = faces_for_text(SHEET, ["Ataskaita – ąčęėįšųūž 30,8 % €"]);
        assert!(css.contains("A-text.woff2"), "{css}");
        assert!(!css.contains("A-rest.woff2"), "{css}");
        assert!(css.contains("B.ttf"), "a face for every character stays");
        assert!(
            css.starts_with("a{}\n@font-face") && css.ends_with("b{}\n"),
            "{css}"
        );
    }

    #[test]
    fn a_character_after_a_long_run_of_ascii_is_seen() {
        let text = format!("{}α{}", "a".repeat(70), "b".repeat(40));
        let css = faces_for_text(SHEET, [text.as_str()]);
        assert!(css.contains("A-rest.woff2"), "{css}");
        assert_eq!(ascii_prefix("ab".as_bytes()), 2);
        assert_eq!(ascii_prefix(text.as_bytes()), 70);
    }

    #[test]
    fn a_character_outside_the_reading_set_keeps_the_rest_face() {
        // Greek (U+03B1) is outside A-text's range.
        let css = faces_for_text(SHEET, ["α"]);
        assert!(
            css.contains("A-rest.woff2") && css.contains("A-text.woff2"),
            "{css}"
        );
    }

    #[test]
    fn unicode_range_items() {
        assert_eq!(range("U+20AC"), Some(0x20AC..=0x20AC));
        assert_eq!(range("U+0-7F"), Some(0..=0x7F));
        assert_eq!(range("U+4??"), Some(0x400..=0x4FF));
        assert_eq!(range("20AC"), None);
        let rule = "@font-face{unicode-range:U+0-FF,u+2013}";
        assert_eq!(unicode_range(rule), Some(vec![0..=0xFF, 0x2013..=0x2013]));
        assert_eq!(unicode_range("@font-face{src:url(x)}"), None);
    }

    #[test]
    fn fonts_become_data_urls_of_their_type() {
        let css = inline_fonts(
            "@font-face{src:url(fonts/A.ttf)}@font-face{src:url(fonts/B.woff2)}",
            &[
                ("A.ttf".into(), b"FONT".to_vec()),
                ("B.woff2".into(), b"FONT".to_vec()),
            ],
        );
        assert_eq!(
            css,
            "@font-face{src:url(data:font/ttf;base64,Rk9OVA==)}\
             @font-face{src:url(data:font/woff2;base64,Rk9OVA==)}"
        );
    }
}
