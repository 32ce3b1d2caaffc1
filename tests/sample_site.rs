//! The sample site, built end to end into a temporary folder: every page in
//! both languages, Lithuanian formatted by CLDR, links that resolve.

mod common;

use common::*;

#[test]
fn every_page_exists_in_both_languages() {
    let site = built_sample();
    let files = files_under(&site.path().join("output"));
    let en: Vec<&str> = files.iter().filter_map(|f| f.strip_prefix("en/")).collect();
    let lt: Vec<&str> = files.iter().filter_map(|f| f.strip_prefix("lt/")).collect();
    assert_eq!(en, lt, "en/ and lt/ differ");
    for page in [
        "index.html",
        "impact-2019-2020/index.html",
        "impact-2019-2020/domestic-servitude/index.html",
        "impact-2019-2020/lithuanian-communities/index.html",
        "impact-2019-2020/bali/index.html",
        "impact-2019-2020/latin-american-cleaners/index.html",
        "impact-2019-2020/covid-response/index.html",
        "lithuanian-communities-evaluation/index.html",
        "lithuanian-communities-evaluation/lithuanian-communities/index.html",
    ] {
        assert!(en.contains(&page), "missing en/{page}");
    }
    for f in ["index.html", "404.html", "sitemap.xml"] {
        assert!(files.iter().any(|x| x == f), "missing {f}");
    }
    assert!(files
        .iter()
        .any(|f| f.starts_with("assets/style.") && f.ends_with(".css")));
}

#[test]
fn lithuanian_figures_dates_and_plurals_follow_cldr() {
    let site = built_sample();
    let root = site.path();
    let lt = read(
        root,
        "lt/impact-2019-2020/lithuanian-communities/index.html",
    );
    let en = read(
        root,
        "en/impact-2019-2020/lithuanian-communities/index.html",
    );
    assert!(lt.contains("515\u{a0}839"), "lt reach not formatted");
    assert!(lt.contains("30,8\u{a0}%"), "lt share not formatted");
    assert!(
        lt.contains("2019\u{a0}m. liepos\u{a0}1\u{a0}d."),
        "lt date not formatted"
    );
    assert!(en.contains("515,839") && en.contains("30.8%"));
    assert!(
        !lt.contains("515,839") && !lt.contains("30.8%"),
        "English formatting leaked into lt"
    );

    let report_lt = read(root, "lt/impact-2019-2020/index.html");
    assert!(
        report_lt.contains("Šioje ataskaitoje – 5 kampanijos."),
        "lt plural of 5"
    );
    assert!(
        report_lt.contains("844\u{a0}000\u{a0}£") && !report_lt.contains("tūkst."),
        "lt money exact, never shortened below a million"
    );
    assert!(report_lt.contains("1\u{a0}971\u{a0}352"), "lt headline");
    let report_en = read(root, "en/impact-2019-2020/index.html");
    assert!(report_en.contains("5 campaigns in this report."));
    // Money is exact (a funder reads a budget for the amount).
    assert!(report_en.contains("£844,000") && !report_en.contains("£844k"));
}

#[test]
fn lithuanian_narrative_has_lithuanian_quotes_and_letters() {
    let site = built_sample();
    let lt = read(
        site.path(),
        "lt/impact-2019-2020/lithuanian-communities/index.html",
    );
    assert!(lt.contains('„') && lt.contains('“'));
    assert!(
        !lt.contains('”'),
        "English closing quote in Lithuanian text"
    );
    for letter in ['ą', 'č', 'ę', 'ė', 'į', 'š', 'ų', 'ū', 'ž'] {
        assert!(lt.contains(letter), "no {letter} on the Lithuanian page");
    }
}

#[test]
fn language_switcher_leads_to_the_same_page_in_the_other_language() {
    let site = built_sample();
    let out = site.path().join("output");
    for page in files_under(&out)
        .iter()
        .filter(|f| f.ends_with("index.html") && (f.starts_with("en/") || f.starts_with("lt/")))
    {
        let html = read(site.path(), page);
        let lang = &page[..2];
        assert!(
            html.contains(&format!("<html lang=\"{lang}\">")),
            "{page}: wrong <html lang>"
        );
        let other = if lang == "en" { "lt" } else { "en" };
        let links = hrefs_in(&html, "class=\"lang-switch\"");
        assert_eq!(links.len(), 1, "{page}: switcher links {links:?}");
        let target = resolve(page, &links[0]);
        assert_eq!(
            target,
            format!("{other}{}", &page[2..]),
            "{page}: switcher goes elsewhere"
        );
        assert!(
            out.join(&target).is_file(),
            "{page}: switcher target {target} missing"
        );
        assert!(
            html.contains(&format!("hreflang=\"{other}\"")),
            "{page}: no hreflang alternate"
        );
    }
}

#[test]
fn no_unresolved_links_or_shortcodes_remain() {
    let site = built_sample();
    let out = site.path().join("output");
    for page in files_under(&out).iter().filter(|f| f.ends_with(".html")) {
        let html = read(site.path(), page);
        assert!(!html.contains("href=\"@/"), "{page}: unresolved @/ link");
        assert!(
            !html.contains("{{") && !html.contains("}}"),
            "{page}: shortcode left"
        );
        assert!(!html.contains('\u{E000}'), "{page}: placeholder left");
        for href in html
            .split("href=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
        {
            if href.starts_with("http")
                || href.starts_with('#')
                || href.starts_with("mailto:")
                || href.starts_with("data:")
            {
                continue;
            }
            if page == "404.html" {
                continue; // absolute paths, checked by the browser suite
            }
            let target = resolve(page, href);
            assert!(
                out.join(&target).is_file(),
                "{page}: link {href} -> {target} missing"
            );
        }
    }
}

#[test]
fn two_builds_are_byte_identical() {
    let a = built_sample();
    let b = built_sample();
    let (oa, ob) = (a.path().join("output"), b.path().join("output"));
    let files = files_under(&oa);
    assert_eq!(files, files_under(&ob));
    for f in &files {
        assert_eq!(
            std::fs::read(oa.join(f)).unwrap(),
            std::fs::read(ob.join(f)).unwrap(),
            "{f} differs"
        );
    }
}

#[test]
fn sitemap_lists_every_page_with_absolute_urls() {
    let site = built_sample();
    let sitemap = read(site.path(), "sitemap.xml");
    let pages = files_under(&site.path().join("output"))
        .into_iter()
        .filter(|f| (f.starts_with("en/") || f.starts_with("lt/")) && f.ends_with("index.html"))
        .count();
    assert_eq!(
        sitemap.matches("<loc>").count(),
        pages + 1,
        "every page and the language chooser"
    );
    for loc in sitemap
        .split("<loc>")
        .skip(1)
        .filter_map(|s| s.split("</loc>").next())
    {
        assert!(loc.starts_with("https://"), "{loc}");
    }
}
