//! A site written by someone else, with its own metric keys and `.ftl`
//! files, builds with the project's themes and locales.

mod common;

use common::*;

#[test]
fn own_metric_labels_and_plurals_are_used() {
    let site = fixture_site("partner-site");
    let outcome = build(site.path(), false);
    assert!(!outcome.failed(), "{}", messages(&outcome).join("\n"));
    let root = site.path();
    let report = read(root, "lt/annual-2021/index.html");
    // 2022 is `few` in Lithuanian (fluent-bundle's own rules say `other`).
    assert!(report.contains("savanorių valandos"), "lt plural for 2022");
    assert!(report.contains("2\u{a0}022"));
    assert!(report.contains("47,5\u{a0}%"));
    assert!(report.contains("Patiekėme <span class=\"figure\">12\u{a0}345</span> patiekalų."));
    assert!(report.contains("href=\"../../lt/annual-2021/winter-shelter/index.html\""));
    let en = read(root, "en/annual-2021/index.html");
    assert!(en.contains("2,022") && en.contains("volunteer hours"));
    assert!(
        en.contains("€125,000") && !en.contains("€125K"),
        "exact euro"
    );
    let story = read(root, "lt/annual-2021/winter-shelter/index.html");
    assert!(story.contains("„ačiū“"), "Lithuanian quotes in the story");
    assert!(
        story.contains("Patiekti patiekalai"),
        "own metric label in the table"
    );
    assert!(story.contains("Bandomoji citata."));
    assert!(story.contains("id=\"chart-meals-by-month\""));
    let sitemap = read(root, "sitemap.xml");
    assert!(sitemap
        .contains("<loc>https://partner.example.net/results/lt/annual-2021/winter-shelter/</loc>"));
}
