//! The charts and social cards of the sample site, as a reader gets them:
//! inline SVG with its title, description and table in each language, and
//! a PNG card named by the Open Graph tags.

mod common;

use common::*;

fn built_sample() -> tempfile::TempDir {
    let site = sample_site();
    let outcome = build(site.path(), false);
    assert!(!outcome.failed(), "{}", messages(&outcome).join("\n"));
    site
}

const CAMPAIGN: &str = "impact-2019-2020/lithuanian-communities/index.html";

/// The `<figure class="chart chart-two" id="chart-<id>">…</figure>` of a
/// page (drawn wide and narrow).
fn chart<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!(
            "<figure class=\"chart chart-two\" id=\"chart-{id}\">"
        ))
        .unwrap_or_else(|| panic!("no chart `{id}` on the page"));
    let end = html[start..].find("</figure>").unwrap() + start;
    &html[start..end]
}

#[test]
fn standard_charts_are_drawn_in_each_language_with_cldr_numbers() {
    let site = built_sample();
    let en = read(site.path(), &format!("en/{CAMPAIGN}"));
    let lt = read(site.path(), &format!("lt/{CAMPAIGN}"));

    // Reach per audience, with the reader's number format.
    let reach_en = chart(&en, "reach");
    assert!(
        reach_en.contains("People reached, by audience"),
        "{reach_en}"
    );
    assert!(reach_en.contains(">515,839<"), "{reach_en}");
    let reach_lt = chart(&lt, "reach");
    assert!(
        reach_lt.contains("Pasiekti žmonės pagal auditorijas"),
        "{reach_lt}"
    );
    assert!(reach_lt.contains(">515\u{a0}839<"), "{reach_lt}");
    assert!(reach_lt.contains("Linkolnšyras, JK"), "{reach_lt}");

    // The share of potential reach, the funnel, survey results and changes.
    assert!(chart(&lt, "potential-reach").contains(">92\u{a0}%<"));
    let funnel = chart(&en, "funnel");
    assert!(
        funnel.contains("Impressions") && funnel.contains("97,193"),
        "{funnel}"
    );
    let results_en = chart(&en, "results");
    assert!(
        results_en.contains("20.6%") && results_en.contains("30.8%"),
        "{results_en}"
    );
    let results_lt = chart(&lt, "results");
    assert!(
        results_lt.contains("20,6\u{a0}%") && results_lt.contains("30,8\u{a0}%"),
        "{results_lt}"
    );
    assert!(chart(&lt, "change").contains("+50\u{a0}%"));

    // The declared chart, in Lithuanian.
    let declared = chart(&lt, "citizens-advice-cases");
    assert!(declared.contains("2019 m. birželis"), "{declared}");
}

#[test]
fn every_chart_is_accessible_with_its_numbers_as_a_table() {
    let site = built_sample();
    for lang in ["en", "lt"] {
        let html = read(site.path(), &format!("{lang}/{CAMPAIGN}"));
        let figures: Vec<&str> = html.split("<figure class=\"chart").skip(1).collect();
        assert!(figures.len() >= 6, "{lang}: {} charts", figures.len());
        for f in figures {
            let f = &f[..f.find("</figure>").unwrap()];
            assert!(f.contains("role=\"img\""), "{f}");
            assert!(
                f.contains("<title id=\"") && f.contains("<desc id=\""),
                "{f}"
            );
            let desc = &f[f.find("<desc").unwrap()..f.find("</desc>").unwrap()];
            assert!(desc.len() > 20, "a description states the finding: {desc}");
            assert!(f.contains("<details class=\"chart-data\">"), "{f}");
            assert!(f.contains("<th scope=\"row\">"), "{f}");
            assert!(!f.contains("style="), "CSP forbids style attributes: {f}");
            // Both drawings, the narrow one's ids apart from the wide one's.
            assert_eq!(f.matches("role=\"img\"").count(), 2, "{f}");
            let wide = &f[f.find("<div class=\"chart-wide\">").unwrap()..];
            let narrow = &f[f.find("<div class=\"chart-narrow\">").expect("narrow")..];
            let id = |svg: &str| {
                let at = svg.find("<title id=\"").unwrap() + 11;
                svg[at..at + svg[at..].find('"').unwrap()].to_string()
            };
            assert_eq!(
                format!("{}", id(narrow)),
                id(wide).replace("-title", "-narrow-title")
            );
            assert!(
                narrow.contains("viewBox=\"0 0 300 "),
                "narrow is 300 wide: {narrow:.300}"
            );
        }
    }
    let lt = read(site.path(), &format!("lt/{CAMPAIGN}"));
    assert!(lt.contains("<summary>Rodyti skaičius</summary>"));
    assert!(lt.contains(
        "Daugiausia žmonių – 515\u{a0}839 – pasiekta šioje auditorijoje: Lietuva (visa kampanija, abu etapai)."
    ));
}

#[test]
fn the_report_draws_its_finances() {
    let site = built_sample();
    let lt = read(site.path(), "lt/impact-2019-2020/index.html");
    let f = chart(&lt, "finances");
    assert!(f.contains("Pajamos") && f.contains("Išlaidos"), "{f}");
    assert!(
        f.contains("844\u{a0}000\u{a0}£") && f.contains("713\u{a0}000\u{a0}£"),
        "exact money in Lithuanian: {f}"
    );
}

#[test]
fn social_cards_are_pngs_named_by_open_graph_tags() {
    let site = built_sample();
    for lang in ["en", "lt"] {
        // The impact report has a cover photo (issue 17): a link preview
        // shows it, its widest rendition, instead of a drawn card.
        let html = read(site.path(), &format!("{lang}/impact-2019-2020/index.html"));
        let og = "<meta property=\"og:image\" content=\"https://impact.example.org/assets/media/cover-1600.";
        assert!(
            html.contains(og),
            "{lang}: the report's card is not its cover"
        );
        assert!(html.contains("<meta property=\"og:image:type\" content=\"image/jpeg\">"));
        assert!(html.contains("<meta property=\"og:image:width\" content=\"1600\">"));
        assert!(!site
            .path()
            .join(format!("output/{lang}/impact-2019-2020/card.png"))
            .exists());
        for page in [
            "lithuanian-communities-evaluation/index.html".to_string(),
            CAMPAIGN.to_string(),
        ] {
            let html = read(site.path(), &format!("{lang}/{page}"));
            let card = page.replace("index.html", "card.png");
            let url = format!("https://impact.example.org/{lang}/{card}");
            assert!(
                html.contains(&format!("<meta property=\"og:image\" content=\"{url}\">")),
                "{lang}/{page} names no card"
            );
            for tag in [
                "<meta property=\"og:title\"",
                "<meta property=\"og:description\"",
                "<meta name=\"twitter:card\" content=\"summary_large_image\">",
            ] {
                assert!(html.contains(tag), "{lang}/{page} lacks {tag}");
            }
            let png = std::fs::read(site.path().join(format!("output/{lang}/{card}"))).unwrap();
            assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
            // IHDR: width and height, big-endian, at bytes 16..24.
            assert_eq!(&png[16..24], &[0, 0, 4, 176, 0, 0, 2, 118]);
        }
    }
    let lt = read(site.path(), &format!("lt/{CAMPAIGN}"));
    assert!(lt.contains("<meta property=\"og:locale\" content=\"lt_LT\">"));
}

/// A card whose text and font are unchanged is taken from the last build's
/// output rather than drawn again, and is the same file a build from an
/// empty folder makes; a changed text draws it again; a link in place of
/// a card is not followed.
#[test]
fn unchanged_cards_are_taken_from_the_last_build() {
    let site = built_sample();
    let out = site.path().join("output");
    let card = |lang: &str| {
        out.join(format!(
            "{lang}/{}",
            CAMPAIGN.replace("index.html", "card.png")
        ))
    };
    let cold = std::fs::read(card("en")).unwrap();
    let cold_lt = std::fs::read(card("lt")).unwrap();

    // Bytes after a PNG's end change no pixel, but show which file the
    // next build wrote: the one it found, or one it drew.
    let mut marked = cold.clone();
    marked.extend_from_slice(b"kept");
    std::fs::write(card("en"), &marked).unwrap();
    let outcome = build(site.path(), false);
    assert!(!outcome.failed(), "{}", messages(&outcome).join("\n"));
    assert_eq!(
        std::fs::read(card("en")).unwrap(),
        marked,
        "card drawn again"
    );

    // A link to a marked card elsewhere is not read: the card is drawn.
    let elsewhere = tempfile::tempdir().unwrap();
    let outside = elsewhere.path().join("card.png");
    std::fs::write(&outside, &marked).unwrap();
    std::fs::remove_file(card("en")).unwrap();
    std::os::unix::fs::symlink(&outside, card("en")).unwrap();
    let outcome = build(site.path(), false);
    assert!(!outcome.failed(), "{}", messages(&outcome).join("\n"));
    assert!(!std::fs::symlink_metadata(card("en")).unwrap().is_symlink());
    assert!(std::fs::read(card("en")).unwrap() == cold, "link followed");

    // New text on every card: each is drawn again.
    std::fs::write(
        card("lt"),
        [std::fs::read(card("lt")).unwrap(), b"kept".to_vec()].concat(),
    )
    .unwrap();
    let yaml = site.path().join("content/site.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(
        &yaml,
        text.replace("STOP THE TRAFFIK", "STOP THE TRAFFIK UK"),
    )
    .unwrap();
    let outcome = build(site.path(), false);
    assert!(!outcome.failed(), "{}", messages(&outcome).join("\n"));
    let redrawn = std::fs::read(card("lt")).unwrap();
    assert!(!redrawn.ends_with(b"kept"), "a card with old text was kept");
    assert_ne!(
        impact::charts::key_in_card(&redrawn),
        impact::charts::key_in_card(&cold_lt)
    );
}

#[test]
fn pages_carry_both_drawings_and_downloads_the_wide_one() {
    let site = built_sample();
    let page = read(site.path(), &format!("lt/{CAMPAIGN}"));
    let single = read(site.path(), "lt/impact-2019-2020/impact-2019-2020.html");
    let narrow = page.matches("<div class=\"chart-narrow\">").count();
    assert!(narrow >= 6, "{narrow} narrow drawings");
    assert_eq!(
        page.matches("<div class=\"chart-wide\">").count(),
        narrow,
        "a wide drawing beside each narrow one"
    );
    // The single-file HTML stays small: the wide drawings only.
    assert!(single.contains("<figure class=\"chart\" id=\""));
    assert!(
        !single.contains("<div class=\"chart-narrow\">"),
        "narrow drawing in the download"
    );
    assert!(!single.contains("-narrow-title"));
}
