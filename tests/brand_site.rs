//! Another organisation's site (tests/fixtures/brand-site) builds with the
//! project's themes and locales as they are: countries and languages named
//! by CLDR in both languages, a path `base_url`, its logo, favicon and
//! colours on the pages, the cards and the PDF, partner names per language
//! and durations formatted by CLDR.

mod common;

use std::fs;
use std::path::Path;

use common::*;

fn built() -> tempfile::TempDir {
    let site = fixture_site("brand-site");
    let outcome = build(site.path(), false);
    assert!(!outcome.failed(), "{}", messages(&outcome).join("\n"));
    site
}

const CAMPAIGN: &str = "results-2023/safe-journeys/index.html";

#[test]
fn countries_and_languages_are_named_by_cldr_in_each_language() {
    let site = built();
    let lt = read(site.path(), &format!("lt/{CAMPAIGN}"));
    for name in [
        "Norvegija",
        "Moldova",
        "Bosnija ir Hercegovina",
        "rumunų",
        "bosnių",
    ] {
        assert!(lt.contains(name), "lt page lacks {name}");
    }
    let en = read(site.path(), &format!("en/{CAMPAIGN}"));
    for name in ["Norway", "Moldova", "Bosnia", "Romanian", "Bosnian"] {
        assert!(en.contains(name), "en page lacks {name}");
    }
    // The report's list of campaigns names the countries too.
    let report = read(site.path(), "lt/results-2023/index.html");
    assert!(report.contains("Norvegija"));
}

#[test]
fn partner_names_are_given_per_language_or_once() {
    let site = built();
    let lt = read(site.path(), &format!("lt/{CAMPAIGN}"));
    assert!(lt.contains("Dingusių žmonių šeimų paramos centras"));
    assert!(
        !lt.contains("Missing Persons"),
        "no English name on the lt page"
    );
    assert!(lt.contains("La Strada (fictional)"), "a name written once");
    assert!(lt.contains("Sarajevo"), "an audience named once");
    let en = read(site.path(), &format!("en/{CAMPAIGN}"));
    assert!(
        en.contains("Missing Persons"),
        "{}",
        &en[en.find("Missing").unwrap_or(0)..][..60.min(en.len())]
    );
}

#[test]
fn durations_are_formatted_by_cldr_in_pages_and_charts() {
    let site = built();
    let en = read(site.path(), &format!("en/{CAMPAIGN}"));
    let lt = read(site.path(), &format!("lt/{CAMPAIGN}"));
    assert!(
        en.contains("1\u{a0}min, 53\u{a0}sec"),
        "en duration in the table and story"
    );
    assert!(
        lt.contains("1\u{a0}min. 53\u{a0}sek."),
        "lt duration in the table and story"
    );
    assert!(en.contains("1\u{a0}min, 44\u{a0}sec"), "the result");
    // The declared duration chart labels its bars in units.
    let chart = &en[en.find("id=\"chart-time-by-month\"").expect("chart")..];
    assert!(
        chart.contains("2\u{a0}min, 6\u{a0}sec"),
        "chart value label"
    );
    let report = read(site.path(), "lt/results-2023/index.html");
    assert!(
        report.contains("1\u{a0}min. 53\u{a0}sek."),
        "headline figure"
    );
}

/// Every HTML page, relative to the output.
fn pages(out: &Path) -> Vec<String> {
    files_under(out)
        .into_iter()
        .filter(|p| p.ends_with(".html"))
        .collect()
}

#[test]
fn every_page_links_a_favicon_that_exists_and_the_header_shows_the_logo() {
    let site = built();
    let out = site.path().join("output");
    let logo = fs::read(site.path().join("content/brand/logo.svg")).unwrap();
    let pages = pages(&out);
    assert!(pages.len() >= 6, "{pages:?}");
    for page in &pages {
        let html = read(site.path(), page);
        let at = html
            .find("<link rel=\"icon\" href=\"")
            .unwrap_or_else(|| panic!("{page} links no favicon"));
        let href = html[at + 23..].split('"').next().unwrap();
        let target = if page.ends_with(".html") && href.starts_with("data:") {
            continue;
        } else if let Some(abs) = href.strip_prefix("/reports/") {
            abs.to_string()
        } else {
            resolve(page, href)
        };
        let icon = fs::read_to_string(out.join(&target))
            .unwrap_or_else(|e| panic!("{page}: favicon {href} -> {target}: {e}"));
        assert!(icon.starts_with("<svg"), "{target}");
        assert!(
            icon.contains("data:image/svg+xml;base64,"),
            "made from the logo"
        );
    }
    let home = read(site.path(), "en/index.html");
    let at = home
        .find("<img class=\"site-logo\" src=\"")
        .expect("logo in header");
    let src = home[at + 28..].split('"').next().unwrap();
    assert_eq!(
        fs::read(out.join(resolve("en/index.html", src))).unwrap(),
        logo
    );
    assert!(home.contains("width=\"120\" height=\"40\""), "{home}");
}

#[test]
fn brand_colours_reach_css_charts_and_cards() {
    let site = built();
    let out = site.path().join("output");
    let files = files_under(&out);
    let css = files
        .iter()
        .find(|p| p.starts_with("assets/style.") && p.ends_with(".css"))
        .expect("style sheet");
    let css = fs::read_to_string(out.join(css)).unwrap();
    assert!(css.contains("--accent: #7a1f5c;"), "brand colour");
    assert!(css.contains("--highlight: #2e7d32;"), "accent");
    let page = read(site.path(), &format!("en/{CAMPAIGN}")).to_uppercase();
    assert!(page.contains("#7A1F5C"), "the chart's first series");

    let card = fs::read(out.join("en/results-2023/safe-journeys/card.png")).unwrap();
    let decoder = png::Decoder::new(std::io::Cursor::new(card));
    let reader = decoder.read_info().unwrap();
    let palette = reader.info().palette.as_ref().expect("palette").to_vec();
    assert!(
        palette.chunks(3).any(|c| c == [0x7a, 0x1f, 0x5c]),
        "the card is painted in the brand colour"
    );
}

/// The logo is drawn at the foot of every social card, on the right: its
/// green bar (a colour nothing else on the card has) is there and only
/// there.
#[test]
fn the_logo_is_on_the_social_cards() {
    let site = built();
    let out = site.path().join("output");
    for card in [
        "en/results-2023/card.png",
        "lt/results-2023/safe-journeys/card.png",
    ] {
        let bytes = fs::read(out.join(card)).unwrap();
        let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        decoder.set_transformations(png::Transformations::EXPAND);
        let mut reader = decoder.read_info().unwrap();
        let mut rgb = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut rgb).unwrap();
        assert_eq!((info.width, info.height), (1200, 630));
        let green: Vec<(usize, usize)> = rgb
            .chunks_exact(3)
            .enumerate()
            .filter(|(_, p)| *p == [0x2e, 0x7d, 0x32])
            .map(|(i, _)| (i % 1200, i / 1200))
            .collect();
        assert!(
            green.len() > 1000,
            "{card}: the logo's green bar ({} px)",
            green.len()
        );
        assert!(
            green.iter().all(|&(x, y)| x >= 800 && y >= 520),
            "{card}: the logo is at the foot on the right"
        );
    }
}

#[test]
fn a_path_base_url_leaves_out_what_needs_a_full_address_and_says_so_once() {
    let site = fixture_site("brand-site");
    let outcome = build(site.path(), false);
    assert!(!outcome.failed(), "{}", messages(&outcome).join("\n"));
    let notes: Vec<String> = messages(&outcome)
        .into_iter()
        .filter(|m| m.contains("base_url"))
        .collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(notes[0].contains("site.yaml:6:"), "{}", notes[0]);
    assert!(notes[0].contains("sitemap.xml"));
    let out = site.path().join("output");
    assert!(!out.join("sitemap.xml").exists());
    for page in pages(&out) {
        let html = read(site.path(), &page);
        assert!(!html.contains("og:url"), "{page}");
        assert!(!html.contains("og:image"), "{page}");
    }
    let html = read(site.path(), "lt/results-2023/index.html");
    assert!(html.contains("<link rel=\"canonical\" href=\"/reports/lt/results-2023/\">"));
    let not_found = read(site.path(), "404.html");
    assert!(not_found.contains("href=\"/reports/assets/brand/favicon."));
}

/// The single-file HTML (theme template `single.html`) carries the logo
/// and the favicon inside it, and, with a path `base_url`, links nowhere
/// on the live site: it has no address to give.
#[test]
fn the_single_file_html_carries_logo_and_favicon_and_no_live_link_without_an_address() {
    let site = built();
    for lang in ["en", "lt"] {
        let page = format!("{lang}/results-2023/results-2023.html");
        let html = read(site.path(), &page);
        assert!(
            html.contains("<link rel=\"icon\" href=\"data:image/svg+xml;base64,"),
            "{page}"
        );
        assert!(
            html.contains("<img class=\"site-logo\" src=\"data:image/svg+xml;base64,"),
            "{page}"
        );
        assert!(html.contains("width=\"120\" height=\"40\""), "{page}");
        assert!(!html.contains("href=\"/reports/"), "{page}");
        assert!(!html.contains(" src=\"/"), "{page}");
    }
}

/// The output of a site without sitemap.xml is still known as impact's:
/// a second build replaces it instead of refusing.
#[test]
fn a_site_with_a_path_base_url_builds_again_over_its_output() {
    let site = built();
    let again = build(site.path(), false);
    assert!(!again.failed(), "{}", messages(&again).join("\n"));
}

#[cfg(feature = "pdf")]
#[test]
fn the_pdf_has_the_logo_and_the_brand_colour() {
    let site = fixture_site("brand-site");
    let outcome = build_with_pdf(site.path());
    assert!(!outcome.failed(), "{}", messages(&outcome).join("\n"));
    let pdf = fs::read(site.path().join("output/en/results-2023/results-2023.pdf")).unwrap();
    let streams = pdf_streams(&pdf);
    // The brand colour as a fill or stroke, and the accent green (the
    // cover's rule and the logo's bar).
    let has_colour = |c: [u8; 3]| {
        let want: Vec<f64> = c.iter().map(|v| f64::from(*v) / 255.0).collect();
        streams.iter().any(|s| {
            s.lines().any(|l| {
                let parts: Vec<&str> = l.split_whitespace().collect();
                parts.len() == 4
                    && ["rg", "RG", "sc", "SC", "scn", "SCN"].contains(&parts[3])
                    && parts[..3]
                        .iter()
                        .zip(&want)
                        .all(|(p, w)| p.parse::<f64>().is_ok_and(|x| (x - w).abs() < 0.003))
            })
        })
    };
    if std::env::var_os("DUMP_PDF").is_some() {
        for s in &streams {
            eprintln!("{}", s.chars().take(3000).collect::<String>());
        }
    }
    assert!(has_colour([0x7a, 0x1f, 0x5c]), "brand colour in the PDF");
    assert!(has_colour([0x2e, 0x7d, 0x32]), "the accent in the PDF");
    // The logo is drawn on the cover: its square is filled with the brand
    // colour and its bar with the green, so the PDF made without it fills
    // with them fewer times.
    let fills = |pdf: &[u8]| {
        pdf_streams(pdf)
            .iter()
            .map(|s| s.matches("0.18039216 0.49019608 0.19607843 scn").count())
            .sum::<usize>()
    };
    let with_logo = fills(&pdf);
    let plain = fixture_site("brand-site");
    let yaml = plain.path().join("content/site.yaml");
    let text = fs::read_to_string(&yaml).unwrap();
    fs::write(&yaml, text.replace("  logo: brand/logo.svg\n", "")).unwrap();
    let outcome = build_with_pdf(plain.path());
    assert!(!outcome.failed(), "{}", messages(&outcome).join("\n"));
    let without = fs::read(plain.path().join("output/en/results-2023/results-2023.pdf")).unwrap();
    assert!(
        with_logo > fills(&without),
        "the logo is drawn in the PDF: {with_logo} vs {}",
        fills(&without)
    );
}

/// The PDF's content streams, inflated where they are compressed.
#[cfg(feature = "pdf")]
fn pdf_streams(pdf: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = pdf;
    while let Some(i) = find(rest, b"stream\n").or_else(|| find(rest, b"stream\r\n")) {
        let start = i + if rest[i + 6] == b'\r' { 8 } else { 7 };
        let Some(len) = find(&rest[start..], b"endstream") else {
            break;
        };
        let body = &rest[start..start + len];
        let text =
            miniz_oxide::inflate::decompress_to_vec_zlib(body).unwrap_or_else(|_| body.to_vec());
        out.push(String::from_utf8_lossy(&text).into_owned());
        rest = &rest[start + len + b"endstream".len()..];
    }
    out
}

#[cfg(feature = "pdf")]
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// `locales/*/places.ftl` holds only overrides: each differs from CLDR's
/// name in its language and has a comment just above it saying why.
#[test]
fn places_ftl_holds_only_commented_overrides_of_cldr() {
    use impact::l10n::names::Names;
    for lang in ["en", "lt"] {
        let names = Names::new(&icu_locale_core::Locale::try_from_str(lang).unwrap()).unwrap();
        let path = project().join(format!("locales/{lang}/places.ftl"));
        let text = fs::read_to_string(&path).unwrap();
        let mut previous = "";
        for line in text.lines() {
            if let Some((id, name)) = line.split_once(" = ") {
                let cldr = match id.strip_prefix("country-") {
                    Some(code) => names.country(code),
                    None => names.language(id.trim_start_matches("language-")),
                };
                assert_ne!(cldr, Some(name), "{lang} {id} only repeats CLDR");
                assert!(
                    previous.starts_with('#'),
                    "{lang} {id} has no comment saying why"
                );
            }
            if !line.trim().is_empty() {
                previous = line;
            }
        }
    }
}

/// An override in one language wins there; the other language keeps CLDR's.
#[test]
fn an_override_names_a_code_in_its_language_only() {
    let site = fixture_site("brand-site");
    let yaml = site
        .path()
        .join("content/campaigns/safe-journeys/campaign.yaml");
    let text = fs::read_to_string(&yaml).unwrap();
    fs::write(
        &yaml,
        text.replace("languages: [ro, bs]", "languages: [ro, tl]"),
    )
    .unwrap();
    let outcome = build(site.path(), false);
    assert!(!outcome.failed(), "{}", messages(&outcome).join("\n"));
    assert!(read(site.path(), &format!("lt/{CAMPAIGN}")).contains("tagalų"));
    assert!(read(site.path(), &format!("en/{CAMPAIGN}")).contains("Tagalog"));
}
