//! Figures agree across languages: the numbers typed in one language's
//! Markdown should appear in the other's, after undoing each language's
//! formatting (`30.8%` = `30,8 %`, `515,839` = `515 839`). Placements with
//! `{{ metric(...) }}` always agree and are skipped.

use crate::diagnostics::Diagnostic;
use crate::markdown::shortcode;
use crate::model::{Lang, MarkdownDoc, SourceMap, Span};

/// A number found in text, with where it was.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The value (percentages as written: 30.8 for "30.8%").
    pub value: f64,
    /// Whether a % sign followed.
    pub percent: bool,
    /// The text as written.
    pub text: String,
    /// 1-based line in the file.
    pub line: u32,
}

/// Numbers in Markdown `body` written by `lang`'s conventions. Code,
/// shortcodes, link targets and footnote labels are skipped.
pub fn numbers(body: &str, lang: &Lang, line_offset: u32) -> Vec<Found> {
    let (text, _, _) = shortcode::extract(body);
    let (group, decimal) = separators(lang);
    let mut out = Vec::new();
    let mut in_fence = false;
    for (i, raw_line) in text.lines().enumerate() {
        if raw_line.trim_start().starts_with("```") || raw_line.trim_start().starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        // Every number starts with an ASCII digit; most lines of prose
        // have none, and need not be taken apart.
        if in_fence || !raw_line.bytes().any(|b| b.is_ascii_digit()) || is_link_definition(raw_line)
        {
            continue;
        }
        let line = strip_markup(raw_line);
        let chars: Vec<char> = line.chars().collect();
        let mut k = 0;
        while k < chars.len() {
            let starts_number = chars[k].is_ascii_digit()
                && (k == 0 || !(chars[k - 1].is_alphanumeric() || chars[k - 1] == '\u{E000}'));
            if !starts_number {
                k += 1;
                continue;
            }
            let start = k;
            let mut digits = String::new();
            let mut seen_decimal = false;
            let mut seen_group = false;
            while k < chars.len() {
                let c = chars[k];
                let next_is_digit = chars.get(k + 1).is_some_and(|d| d.is_ascii_digit());
                let spaced = SPACE_GROUPS.contains(&c);
                let groupable = !spaced || seen_group || (1..=3).contains(&digits.len());
                if c.is_ascii_digit() {
                    digits.push(c);
                } else if (group.contains(&c) || spaced)
                    && groupable
                    && next_is_digit
                    && !seen_decimal
                    && group_follows(&chars, k + 1)
                {
                    // thousands separator: exactly three digits follow
                    seen_group = true;
                } else if c == decimal && next_is_digit && !seen_decimal {
                    seen_decimal = true;
                    digits.push('.');
                } else {
                    break;
                }
                k += 1;
            }
            let mut end = k;
            let mut percent = false;
            let mut j = k;
            while j < chars.len()
                && (chars[j] == ' ' || chars[j] == '\u{a0}' || chars[j] == '\u{202f}')
            {
                j += 1;
            }
            if chars.get(j) == Some(&'%') {
                percent = true;
                end = j + 1;
            }
            if let Ok(value) = digits.parse::<f64>() {
                out.push(Found {
                    value,
                    percent,
                    text: chars[start..end].iter().collect(),
                    line: i as u32 + 1 + line_offset,
                });
            }
            k = end.max(k);
        }
    }
    out
}

fn group_follows(chars: &[char], at: usize) -> bool {
    let three = chars
        .get(at..at + 3)
        .is_some_and(|s| s.iter().all(|c| c.is_ascii_digit()));
    let fourth = chars.get(at + 3).is_some_and(|c| c.is_ascii_digit());
    three && !fourth
}

/// Thousands separators and the decimal mark of a language (CLDR; the
/// languages the site is most likely to have, then the common default).
/// Spaces are not in it: see [`SPACE_GROUPS`].
fn separators(lang: &Lang) -> (Vec<char>, char) {
    match lang.as_str() {
        "lt" | "lv" | "et" | "fi" | "sv" | "nb" | "pl" | "cs" | "sk" | "uk" | "ru" | "fr" => {
            (vec![], ',')
        }
        "de" | "es" | "it" | "nl" | "pt" | "id" | "ro" | "tr" | "el" => (vec!['.'], ','),
        _ => (vec![','], '.'),
    }
}

/// Digits grouped by a space, no-break or narrow no-break space (`247 466`,
/// as CLDR writes Lithuanian and SI allows in any language) are one number
/// in every language, as long as the first group has at most three digits
/// (`in 2019 120 people` is two numbers).
const SPACE_GROUPS: [char; 3] = [' ', '\u{a0}', '\u{202f}'];

/// A link reference definition (`[photo]: photo-2023.jpg "Caption"`):
/// a file name and a title, no figure of the text.
fn is_link_definition(line: &str) -> bool {
    let t = line.trim_start();
    line.len() - t.len() <= 3
        && t.starts_with('[')
        && !t.starts_with("[^")
        && t.find("]:").is_some_and(|i| !t[1..i].contains(']'))
}

/// Removes link targets `](…)`, footnote labels `[^x]` and HTML entities,
/// which hold numbers that are not figures.
fn strip_markup(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(i) = rest.find("](") {
        out.push_str(&rest[..i + 1]);
        match rest[i..].find(')') {
            Some(j) => rest = &rest[i + j + 1..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    let mut cleaned = String::with_capacity(out.len());
    let mut chars = out.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '[' && chars.peek() == Some(&'^') {
            for d in chars.by_ref() {
                if d == ']' {
                    break;
                }
            }
            continue;
        }
        cleaned.push(c);
    }
    cleaned
}

fn same(a: &Found, b: &Found) -> bool {
    a.percent == b.percent && (a.value - b.value).abs() < 1e-9
}

/// Compares the numbers of `doc` (in `lang`) with those of `base` (in the
/// default language); every number in one without a match in the other is
/// a warning naming both files.
pub fn compare(
    base: &MarkdownDoc,
    base_lang: &Lang,
    doc: &MarkdownDoc,
    lang: &Lang,
    sources: &SourceMap,
) -> Vec<Diagnostic> {
    let a = numbers(base.body(), base_lang, base.body_line_offset);
    let b = numbers(doc.body(), lang, doc.body_line_offset);
    let mut used_b = vec![false; b.len()];
    let mut unmatched_a = Vec::new();
    for x in &a {
        match b
            .iter()
            .enumerate()
            .position(|(i, y)| !used_b[i] && same(x, y))
        {
            Some(i) => used_b[i] = true,
            None => unmatched_a.push(x),
        }
    }
    let unmatched_b: Vec<&Found> = b
        .iter()
        .enumerate()
        .filter(|(i, _)| !used_b[*i])
        .map(|(_, y)| y)
        .collect();
    let (base_name, doc_name) = (sources.name(base.file), sources.name(doc.file));
    let mut out = Vec::new();
    let mut paired_a = vec![false; unmatched_a.len()];
    for y in &unmatched_b {
        // The nearest unmatched figure of the same kind, within 10 %, is
        // probably the one that was mistyped.
        let near = unmatched_a
            .iter()
            .enumerate()
            .filter(|(i, x)| {
                !paired_a[*i]
                    && x.percent == y.percent
                    && (x.value - y.value).abs() <= 0.1 * x.value.abs().max(1.0)
            })
            .min_by(|(_, p), (_, q)| {
                (p.value - y.value)
                    .abs()
                    .total_cmp(&(q.value - y.value).abs())
            })
            .map(|(i, _)| i);
        let message = match near {
            Some(i) => {
                paired_a[i] = true;
                let x = unmatched_a[i];
                format!(
                    "{doc_name}:{} has {} but {base_name}:{} has {}",
                    y.line, y.text, x.line, x.text
                )
            }
            None => format!(
                "{doc_name}:{} has {} but {base_name} has no such figure",
                y.line, y.text
            ),
        };
        out.push(
            Diagnostic::warning(Span::at(doc.file, y.line, 1), message)
                .help("make the figures agree, or place them with {{ metric(...) }} so both languages show the same number"),
        );
    }
    for (i, x) in unmatched_a.iter().enumerate() {
        if !paired_a[i] {
            out.push(
                Diagnostic::warning(Span::at(base.file, x.line, 1), format!("{base_name}:{} has {} but {doc_name} has no such figure", x.line, x.text))
                    .help("make the figures agree, or place them with {{ metric(...) }} so both languages show the same number"),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lt() -> Lang {
        Lang::parse("lt").unwrap()
    }
    fn en() -> Lang {
        Lang::parse("en").unwrap()
    }

    #[test]
    fn reads_each_language_formatting() {
        let e = numbers("Reach 515,839 and 30.8% in 2019.", &en(), 0);
        assert_eq!(
            e.iter().map(|f| (f.value, f.percent)).collect::<Vec<_>>(),
            vec![(515839.0, false), (30.8, true), (2019.0, false)]
        );
        let l = numbers("Pasiekta 515\u{a0}839 ir 30,8 % 2019 m.", &lt(), 0);
        assert_eq!(
            l.iter().map(|f| (f.value, f.percent)).collect::<Vec<_>>(),
            vec![(515839.0, false), (30.8, true), (2019.0, false)]
        );
    }

    /// The benchmark corpus writes `247 466` in both languages; English
    /// read it as two numbers and Lithuanian as one, and every table gave
    /// a false "no such figure" warning (21 000 at N = 1000).
    #[test]
    fn space_grouped_numbers_are_one_number_in_every_language() {
        let values = |text: &str, lang: &Lang| -> Vec<f64> {
            numbers(text, lang, 0).iter().map(|f| f.value).collect()
        };
        assert_eq!(values("| Beneficiaries | 247 466 |", &en()), vec![247466.0]);
        assert_eq!(
            values("| Naudos gavėjai | 247 466 |", &lt()),
            vec![247466.0]
        );
        assert_eq!(
            values("reached 1\u{202f}971\u{a0}352", &en()),
            vec![1971352.0]
        );
        // A year then a count: the first group is too long to be grouped.
        assert_eq!(values("in 2019 120 people", &en()), vec![2019.0, 120.0]);
        assert_eq!(values("2019 m. 120 žmonių", &lt()), vec![2019.0, 120.0]);
    }

    /// Issue 17: numbers in image file names and titles are not figures.
    #[test]
    fn skips_numbers_in_image_names() {
        let text = "![Volunteers in 2023](IMG_2023-05-14.jpg \"Kaunas | Ona\")\n\n\
                    ![Stall][stall]\n\n[stall]: stall-1999.png \"Photo 7\"\n";
        let e = numbers(text, &en(), 0);
        assert_eq!(
            e.iter().map(|f| f.value).collect::<Vec<_>>(),
            vec![2023.0],
            "{e:?}"
        );
    }

    #[test]
    fn skips_shortcodes_links_and_footnotes() {
        let e = numbers(
            "{{ metric(key=\"reach\", audience=\"a1\") }} see [x](@/campaigns/c2)[^3]",
            &en(),
            0,
        );
        assert!(e.is_empty(), "{e:?}");
    }

    #[test]
    fn mismatch_names_both_files_and_lines() {
        let mut sources = SourceMap::default();
        let fe = sources.add("story.en.md".into(), String::new());
        let fl = sources.add("story.lt.md".into(), String::new());
        let doc = |file, body: &str| MarkdownDoc {
            file,
            title: None,
            weight: 0,
            text: body.into(),
            body_start: 0,
            body_line_offset: 0,
        };
        let w = compare(
            &doc(fe, "A\n\nWould change: 30.8%.\n"),
            &en(),
            &doc(fl, "A\n\nElgtųsi kitaip: 30,5 %.\n"),
            &lt(),
            &sources,
        );
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(
            w[0].message,
            "story.lt.md:3 has 30,5 % but story.en.md:3 has 30.8%"
        );
        let ok = compare(
            &doc(fe, "30.8% of 1,849"),
            &en(),
            &doc(fl, "30,8 % iš 1 849"),
            &lt(),
            &sources,
        );
        assert!(ok.is_empty(), "{ok:?}");
    }
}
