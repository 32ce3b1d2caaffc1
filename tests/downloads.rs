//! The downloads partners pass on: for every report in every language a PDF
//! (checked with poppler's own tools, as a reader's viewer would see it)
//! and a single-file HTML that needs nothing beside it.

mod common;

use std::process::Command;

use common::*;

const REPORT: &str = "impact-2019-2020";

fn built_with_pdf() -> tempfile::TempDir {
    let site = sample_site();
    let outcome = build_with_pdf(site.path());
    assert!(!outcome.failed(), "{}", messages(&outcome).join("\n"));
    site
}

/// Runs a poppler tool on a file, `tail` after it. The tests that call it
/// are ignored by a bare `cargo test`; CI installs poppler-utils and runs
/// them with `--include-ignored`. Without the tool they fail, saying so.
fn poppler(tool: &str, args: &[&str], file: &std::path::Path, tail: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .arg(file)
        .args(tail)
        .output()
        .unwrap_or_else(|e| panic!("{tool} did not run ({e}): apt-get install poppler-utils"));
    assert!(
        out.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// pdftotext may give a non-breaking space as a plain one.
fn has_figure(text: &str, figure: &str) -> bool {
    text.contains(figure) || text.contains(&figure.replace('\u{a0}', " "))
}

/// Both languages: the report's title, a sentence of its text and its
/// headline figure as CLDR writes it there.
const READS: [(&str, &str, &str, &str); 2] = [
    (
        "lt",
        "Poveikio ataskaita 2019–2020",
        "Žmonės išnaudojami seksualiai, darbe, namų vergovėje",
        "1\u{a0}971\u{a0}352",
    ),
    ("en", "Impact report 2019–2020", "", "1,971,352"),
];

#[test]
fn every_report_has_a_pdf_and_a_single_file_html_in_each_language() {
    let site = built_with_pdf();
    let out = site.path().join("output");
    for lang in ["en", "lt"] {
        for report in [REPORT, "lithuanian-communities-evaluation"] {
            for ext in ["pdf", "html"] {
                let file = out.join(format!("{lang}/{report}/{report}.{ext}"));
                assert!(file.is_file(), "{} missing", file.display());
            }
        }
        let pdf = out.join(format!("{lang}/{REPORT}/{REPORT}.pdf"));
        let bytes = std::fs::read(&pdf).unwrap_or_else(|e| panic!("{}: {e}", pdf.display()));
        assert!(bytes.starts_with(b"%PDF-"), "{lang}: not a PDF");
        let raw = String::from_utf8_lossy(&bytes);
        assert!(raw.contains(&format!("/Lang ({lang})")), "{lang}: no /Lang");
    }
}

#[test]
#[ignore = "needs pdftotext (poppler-utils)"]
fn every_pdf_reads_back_exactly_in_poppler() {
    let site = built_with_pdf();
    let out = site.path().join("output");
    for (lang, title, sentence, figure) in READS {
        let pdf = out.join(format!("{lang}/{REPORT}/{REPORT}.pdf"));
        let text = poppler("pdftotext", &["-enc", "UTF-8"], &pdf, &["-"]);
        assert!(text.contains(title), "{lang}: title missing");
        assert!(has_figure(&text, figure), "{lang}: {figure} missing");
        if lang == "lt" {
            for letter in ["ą", "č", "ę", "ė", "į", "š", "ų", "ū", "ž"] {
                assert!(text.contains(letter), "{letter} lost in the Lithuanian PDF");
            }
            assert!(text.contains("„"), "Lithuanian quotes lost");
            // Lines wrap where the page does; compare words.
            let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(
                words.contains(sentence),
                "{sentence:?} missing from the text"
            );
            assert!(text.contains("psl. iš"), "Lithuanian page numbers");
        } else {
            assert!(text.contains("Page 2 of"), "English page numbers");
        }
        // Every PDF carries the report's period, in its language's dates,
        // and data hash.
        let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let version = match lang {
            "lt" => "2019 m. sausio 1 d. – 2020 m. rugpjūčio 31 d., ",
            _ => "1 January 2019 – 31 August 2020, ",
        };
        assert!(words.contains(version), "{lang}: version");
        assert!(!text.contains("2019-01-01"), "{lang}: an ISO date");

        let fonts = poppler("pdffonts", &[], &pdf, &[]);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty(), "{fonts}");
        for row in rows {
            let cols: Vec<&str> = row.split_whitespace().collect();
            assert_eq!(cols[cols.len() - 5], "yes", "font not embedded: {row}");
        }

        let info = poppler("pdfinfo", &[], &pdf, &[]);
        let field = |key: &str| {
            info.lines()
                .find_map(|l| l.strip_prefix(key)?.strip_prefix(':').map(str::trim))
                .unwrap_or_default()
                .to_string()
        };
        assert_eq!(field("Title"), title, "{info}");
        assert_eq!(field("Author"), "STOP THE TRAFFIK", "{info}");
        let pages: u32 = field("Pages").parse().unwrap();
        assert!(pages >= 10, "{lang}: {pages} pages");
    }
}

#[test]
fn the_single_file_html_needs_nothing_beside_it() {
    let site = built_with_pdf();
    for lang in ["en", "lt"] {
        let html = read(site.path(), &format!("{lang}/{REPORT}/{REPORT}.html"));
        assert!(html.contains(&format!("<html lang=\"{lang}\">")));
        // Every src= and href= stays in the file, or links to the live site.
        for attr in ["src=\"", "href=\"", "url("] {
            for part in html.split(attr).skip(1) {
                let target = &part[..part.find(['"', ')']).unwrap_or(0)];
                assert!(
                    target.starts_with('#')
                        || target.starts_with("data:")
                        || target.starts_with("https://impact.example.org/")
                        || target.starts_with("https://www.")
                        || target.starts_with("mailto:"),
                    "{lang}: {attr}{target} leaves the file"
                );
            }
        }
        assert!(!html.contains("<link rel=\"stylesheet\""));
        assert!(
            html.contains("url(data:font/woff2;base64,"),
            "font embedded"
        );
        assert!(
            !html.contains("data:font/ttf"),
            "the web subsets, not the 700 KB TTFs"
        );
        assert!(html.contains("role=\"img\""), "charts inline as SVG");
        let version = match lang {
            "lt" => "Duomenų versija: 2019\u{a0}m. sausio\u{a0}1\u{a0}d.\u{a0}– 2020\u{a0}m. rugpjūčio\u{a0}31\u{a0}d., ",
            _ => "Version: 1\u{a0}January\u{a0}2019\u{a0}– 31\u{a0}August\u{a0}2020, ",
        };
        assert!(html.contains(version), "{lang}: version");
    }
    let lt = read(site.path(), &format!("lt/{REPORT}/{REPORT}.html"));
    assert!(lt.contains("1\u{a0}971\u{a0}352"));
    assert!(lt.contains("Lietuvių bendruomenės"));
}

#[test]
fn the_report_page_links_both_with_their_size_in_its_language() {
    let site = built_with_pdf();
    let lt = read(site.path(), &format!("lt/{REPORT}/index.html"));
    let size = |file: &str| {
        std::fs::metadata(site.path().join(format!("output/lt/{REPORT}/{file}")))
            .unwrap()
            .len()
    };
    let mb = |bytes: u64| {
        let tenths = (bytes as f64 / 100_000.0).round() as u64;
        if tenths.is_multiple_of(10) {
            format!("{}", tenths / 10)
        } else {
            format!("{},{}", tenths / 10, tenths % 10)
        }
    };
    let pdf_label = format!("PDF, {}\u{a0}MB", mb(size(&format!("{REPORT}.pdf"))));
    assert!(
        lt.contains(&format!("href=\"{REPORT}.pdf\"")),
        "no PDF link"
    );
    assert!(lt.contains(&pdf_label), "no {pdf_label:?}");
    assert!(
        lt.contains(&format!("href=\"{REPORT}.html\"")),
        "no HTML link"
    );
    assert!(lt.contains("Vienas tinklalapis, "), "HTML link label");
    // The footer of every report page names the data version.
    assert!(lt.contains(
        "Duomenų versija: 2019\u{a0}m. sausio\u{a0}1\u{a0}d.\u{a0}– 2020\u{a0}m. rugpjūčio\u{a0}31\u{a0}d., "
    ));
    let en = read(site.path(), &format!("en/{REPORT}/index.html"));
    assert!(en.contains("PDF, ") && en.contains("\u{a0}MB"));
}

#[test]
fn two_builds_give_identical_pdfs_and_html() {
    let a = built_with_pdf();
    let b = built_with_pdf();
    for lang in ["en", "lt"] {
        for ext in ["pdf", "html"] {
            let path = format!("output/{lang}/{REPORT}/{REPORT}.{ext}");
            let x = std::fs::read(a.path().join(&path)).unwrap();
            let y = std::fs::read(b.path().join(&path)).unwrap();
            assert!(x == y, "{path} differs between two builds");
        }
    }
}

#[test]
fn no_pdf_skips_the_pdfs_but_keeps_the_single_file_html() {
    let site = sample_site();
    let outcome = build(site.path(), false);
    assert!(!outcome.failed());
    let dir = site.path().join(format!("output/lt/{REPORT}"));
    assert!(!dir.join(format!("{REPORT}.pdf")).exists());
    assert!(dir.join(format!("{REPORT}.html")).exists());
    let page = read(site.path(), &format!("lt/{REPORT}/index.html"));
    assert!(
        !page.contains(".pdf\""),
        "no link to a PDF that is not there"
    );
}
