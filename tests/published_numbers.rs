//! No published number differs from its YAML value: for every figure of the
//! sample site (report headlines, finances, campaign figures per audience
//! and results), the number a reader sees on the page, read back by undoing
//! the language's formatting (grouping, decimal comma, per cent), equals
//! the value the YAML holds, in English and Lithuanian; money is exact (a
//! shortened "£844K" reads back as 844, not 844000, and fails). The PDF
//! shows the same text as the page for each of them.
//!
//! The social card is a PNG; its text is not read back here.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Command;

use common::*;
use impact::model::{Figure, Lang, Value};

/// The first number in `shown`, with the formatting of `lang` undone:
/// "1,971,352+" -> 1971352, "30,8 %" -> 30.8, "844 000 £" -> 844000.
fn read_back(shown: &str, lang: &str) -> Option<f64> {
    let token = number_token(shown);
    let start = shown.find(token.as_str()).filter(|_| !token.is_empty())?;
    let plain: String = match lang {
        "lt" => token
            .chars()
            .filter(|c| !matches!(c, '\u{a0}' | '\u{202f}' | ' ' | '.'))
            .map(|c| if c == ',' { '.' } else { c })
            .collect(),
        _ => token.chars().filter(|c| *c != ',').collect(),
    };
    let n: f64 = plain.parse().ok()?;
    let negative = shown[..start].ends_with(['-', '−']);
    Some(if negative { -n } else { n })
}

/// The number in `shown` as written there, separators and all:
/// "daugiau kaip 1 971 352" -> "1 971 352".
fn number_token(shown: &str) -> String {
    let chars: Vec<char> = shown.chars().collect();
    let Some(start) = chars.iter().position(char::is_ascii_digit) else {
        return String::new();
    };
    let mut end = start;
    while end < chars.len() {
        let c = chars[end];
        let joins = matches!(c, ',' | '.' | '\u{a0}' | '\u{202f}' | ' ')
            && chars.get(end + 1).is_some_and(char::is_ascii_digit);
        if c.is_ascii_digit() || joins {
            end += 1;
        } else {
            break;
        }
    }
    chars[start..end].iter().collect()
}

/// What a figure's YAML value should read back as on the page.
fn expected(v: &Value) -> f64 {
    let round2 = |x: f64| (x * 100.0).round() / 100.0;
    match *v {
        Value::Count(n) => n as f64,
        Value::Share(x) | Value::Change(x) => round2(x * 100.0),
        Value::Money { amount, .. } => round2(amount),
        Value::Duration { seconds } => seconds as f64,
    }
}

/// Seconds in a duration as CLDR's short style writes it, in English or
/// Lithuanian: "1 min, 53 sec" / "1 min. 53 sek." -> 113.
fn duration_back(shown: &str) -> Option<f64> {
    let words: Vec<&str> = shown
        .split(|c: char| c.is_whitespace() || c == ',' || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect();
    let mut total = 0.0;
    let mut found = false;
    for pair in words.windows(2) {
        let Ok(n) = pair[0].parse::<f64>() else {
            continue;
        };
        let unit = match pair[1].trim_end_matches('.') {
            "d" | "day" | "days" => 86_400.0,
            "h" | "hr" | "hrs" | "val" => 3_600.0,
            "min" | "mins" => 60.0,
            "s" | "sec" | "secs" | "sek" => 1.0,
            _ => return None,
        };
        total += n * unit;
        found = true;
    }
    found.then_some(total)
}

/// `shown` reads back as the value the YAML holds.
fn assert_value(shown: &str, lang: &str, v: &Value, what: &str) {
    if let Value::Duration { seconds } = *v {
        let got =
            duration_back(shown).unwrap_or_else(|| panic!("{what}: no duration in {shown:?}"));
        assert_eq!(got, seconds as f64, "{what}: the page shows {shown:?}");
        return;
    }
    assert_same(shown, lang, expected(v), what);
}

fn assert_same(shown: &str, lang: &str, want: f64, what: &str) {
    let got = read_back(shown, lang).unwrap_or_else(|| panic!("{what}: no number in {shown:?}"));
    assert!(
        (got - want).abs() < 1e-9,
        "{what}: the page shows {shown:?} ({got}) but the YAML holds {want}"
    );
}

fn unescape(s: &str) -> String {
    s.replace("&nbsp;", "\u{a0}")
        .replace("&#160;", "\u{a0}")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The text of every element opened by `open` (up to `close`), in order.
/// `html` with every `<td data-label="…">` written `<td>`.
fn without_data_labels(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(at) = rest.find("<td data-label=\"") {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let end = after.find('>').map_or(after.len(), |e| e + 1);
        out.push_str("<td>");
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

fn texts_between(html: &str, open: &str, close: &str) -> Vec<String> {
    html.split(open)
        .skip(1)
        .map(|s| s.split(close).next().unwrap_or(""))
        .map(|s| {
            let mut out = String::new();
            let mut in_tag = false;
            for c in s.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => out.push(c),
                    _ => {}
                }
            }
            unescape(out.trim())
        })
        .collect()
}

/// `metric-<key> = Label` of every `.ftl` of `lang` in the site.
fn labels(root: &Path, lang: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for entry in fs::read_dir(root.join("locales").join(lang)).unwrap() {
        let text = fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in text.lines() {
            if let Some((id, label)) = line
                .strip_prefix("metric-")
                .and_then(|l| l.split_once(" = "))
            {
                out.insert(id.trim().to_string(), label.trim().to_string());
            }
        }
    }
    out
}

struct Shown {
    /// (what, text on the page), for the PDF check.
    seen: Vec<(String, String)>,
}

fn check_report_pages(root: &Path, site: &impact::model::Site, lang: &Lang, shown: &mut Shown) {
    let l = lang.as_str();
    let names = labels(root, l);
    for report in &site.reports {
        let page = read(root, &format!("{l}/{}/index.html", report.slug));
        let headline = page
            .split("<dl class=\"figures big\">")
            .nth(1)
            .map(|s| s.split("</dl>").next().unwrap_or(""))
            .unwrap_or("");
        let values = texts_between(headline, "<dd>", "</dd>");
        assert_eq!(
            values.len(),
            report.headline.len(),
            "{l}/{}: headline",
            report.slug
        );
        for (f, text) in report.headline.iter().zip(&values) {
            let what = format!("{l}/{} headline `{}`", report.slug, f.metric);
            assert_value(text, l, &f.value, &what);
            shown.seen.push((what, text.clone()));
        }
        if let Some(fin) = &report.finances {
            let table = page
                .split("<table class=\"finances\">")
                .nth(1)
                .expect("finances table");
            let cells = texts_between(table, "<td>", "</td>");
            let tiles = page
                .split("<section id=\"finances\"")
                .nth(1)
                .map(|s| texts_between(s.split("</dl>").next().unwrap_or(""), "<dd>", "</dd>"))
                .unwrap_or_default();
            for (i, (amount, name)) in [(fin.income, "income"), (fin.expenditure, "expenditure")]
                .into_iter()
                .enumerate()
            {
                let what = format!("{l}/{} finances {name}", report.slug);
                assert_same(&cells[i], l, amount, &what);
                assert_same(&tiles[i], l, amount, &format!("{what} (tile)"));
                shown.seen.push((what, cells[i].clone()));
            }
        }
        for (slug, _) in &report.campaigns {
            let Some(c) = site.campaigns.get(slug) else {
                continue;
            };
            let page = read(root, &format!("{l}/{}/{slug}/index.html", report.slug));
            let prefix = format!("{l}/{} ", report.slug);
            check_campaign_page(&page, c, &prefix, l, &names, shown);
        }
    }
}

fn check_campaign_page(
    page: &str,
    c: &impact::model::Campaign,
    prefix: &str,
    l: &str,
    names: &BTreeMap<String, String>,
    shown: &mut Shown,
) {
    // The figures table: one row per metric, one cell per audience.
    let mut rows: BTreeMap<String, Vec<String>> = BTreeMap::new();
    if let Some(table) = page.split("<table class=\"metrics\">").nth(1) {
        let table = table.split("</table>").next().unwrap_or("");
        for row in table.split("<tr><th scope=\"row\">").skip(1) {
            let name = unescape(row.split("</th>").next().unwrap_or("").trim());
            // A cell names its audience (`data-label`) for phones.
            let row = without_data_labels(row);
            let cells = texts_between(&row, "<td>", "</td>");
            rows.insert(name, cells);
        }
    }
    let audience_ids: Vec<&str> = c.audiences.iter().map(|a| a.id.as_str()).collect();
    for a in &c.audiences {
        for f in &a.metrics {
            let what = format!("{prefix}{} {} `{}`", c.slug, a.id, f.metric);
            let name = names
                .get(&f.metric)
                .unwrap_or_else(|| panic!("{what}: no label"));
            let Some(cells) = rows.get(name) else {
                panic!(
                    "{what}: no row {name:?} in the figures table; rows: {:?}",
                    rows.keys()
                )
            };
            let col = audience_ids.iter().position(|id| *id == a.id).unwrap_or(0);
            assert_value(&cells[col], l, &f.value, &what);
            shown.seen.push((what, cells[col].clone()));
        }
    }
    // Results: "<span class="value">…</span> <span class="label">name</span>".
    let results: Vec<(String, String)> = page
        .split("<ul class=\"results\">")
        .nth(1)
        .map(|s| s.split("</ul>").next().unwrap_or(""))
        .unwrap_or("")
        .split("<li>")
        .skip(1)
        .map(|li| {
            let value = texts_between(li, "<span class=\"value\">", "</span>");
            let label = texts_between(li, "<span class=\"label\">", "</span>");
            (
                label.first().cloned().unwrap_or_default(),
                value.first().cloned().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(results.len(), c.results.len(), "{l} {}: results", c.slug);
    for (f, (label, value)) in c.results.iter().zip(&results) {
        let what = format!("{prefix}{} result `{}`", c.slug, f.metric);
        // A result is one sentence; its value is the figure, in YAML order.
        let _ = label;
        assert_value(value, l, &f.value, &what);
        shown.seen.push((what, value.clone()));
    }
}

fn every_figure(site: &impact::model::Site) -> usize {
    let campaigns: usize = site
        .campaigns
        .values()
        .map(|c| c.results.len() + c.audiences.iter().map(|a| a.metrics.len()).sum::<usize>())
        .sum();
    site.reports.iter().map(|r| r.headline.len()).sum::<usize>() + campaigns
}

fn built_sample(pdf: bool) -> (tempfile::TempDir, impact::model::Site, Vec<Lang>) {
    let site_dir = sample_site();
    let outcome = if pdf {
        build_with_pdf(site_dir.path())
    } else {
        build(site_dir.path(), false)
    };
    assert!(!outcome.failed(), "{}", messages(&outcome).join("\n"));
    let loaded = impact::load::load_site(site_dir.path());
    let site = loaded.site.expect("the sample loads");
    let langs = site.config.languages.clone();
    (site_dir, site, langs)
}

#[test]
fn every_number_on_the_pages_is_the_number_in_the_yaml() {
    let (dir, site, langs) = built_sample(false);
    let mut total = 0;
    for lang in &langs {
        let mut shown = Shown { seen: Vec::new() };
        check_report_pages(dir.path(), &site, lang, &mut shown);
        total += shown.seen.len();
    }
    // Each figure of a campaign is checked once per report listing it.
    assert!(
        total >= every_figure(&site) * langs.len(),
        "only {total} figures checked"
    );
    record_count(&format!(
        "published numbers checked against the YAML: {total}"
    ));
}

#[test]
fn the_read_back_undoes_each_language_and_catches_shortened_money() {
    assert_eq!(read_back("1,971,352+", "en"), Some(1_971_352.0));
    assert_eq!(
        read_back("daugiau kaip 1\u{a0}971\u{a0}352", "lt"),
        Some(1_971_352.0)
    );
    assert_eq!(read_back("30,8\u{a0}%", "lt"), Some(30.8));
    assert_eq!(read_back("+177%", "en"), Some(177.0));
    assert_eq!(read_back("844\u{a0}000\u{a0}£", "lt"), Some(844_000.0));
    assert_eq!(read_back("£844K", "en"), Some(844.0));
}

#[test]
#[ignore = "needs pdftotext (poppler-utils)"]
fn every_number_in_the_pdf_is_the_number_on_the_page() {
    let (dir, site, langs) = built_sample(true);
    for lang in &langs {
        let l = lang.as_str();
        let mut shown = Shown { seen: Vec::new() };
        check_report_pages(dir.path(), &site, lang, &mut shown);
        for report in &site.reports {
            let pdf = dir
                .path()
                .join(format!("output/{l}/{0}/{0}.pdf", report.slug));
            let out = Command::new("pdftotext")
                .args(["-enc", "UTF-8", "-layout"])
                .arg(&pdf)
                .arg("-")
                .output()
                .expect("pdftotext (poppler-utils) is installed");
            assert!(
                out.status.success(),
                "pdftotext failed on {}",
                pdf.display()
            );
            let text = String::from_utf8_lossy(&out.stdout).replace(['\u{a0}', '\u{202f}'], " ");
            let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let this_report = format!("{l}/{} ", report.slug);
            for (what, value) in shown
                .seen
                .iter()
                .filter(|(w, _)| w.starts_with(&this_report))
            {
                // The number as the page writes it; its words ("at
                // least") may sit on another line of the PDF's layout.
                let number = number_token(value).replace(['\u{a0}', '\u{202f}'], " ");
                assert!(
                    text.contains(&number),
                    "{what}: the page shows {value:?}, the PDF has no {number:?}"
                );
            }
        }
    }
}

/// The sample site's figures are all shown: a figure the loader dropped
/// would make the checks above pass on fewer figures.
#[test]
fn every_figure_of_the_sample_is_in_the_model() {
    let loaded = impact::load::load_site(&project());
    let site = loaded.site.expect("the sample loads");
    let n: usize = every_figure(&site);
    assert!(n > 50, "only {n} figures");
    let _: Option<&Figure> = site.reports.first().and_then(|r| r.headline.first());
}
