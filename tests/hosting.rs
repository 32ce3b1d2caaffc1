//! What the build writes for hosts and crawlers: `robots.txt` always,
//! `_headers` when site.yaml asks, and a description on the language
//! chooser (Lighthouse's SEO audit scored it 82 without one).

use std::fs;

mod common;
use common::{build, built_sample, read, sample_site};

#[test]
fn robots_txt_names_the_sitemap_of_a_full_base_url() {
    // Built without errors, or it panics with the messages.
    let site = built_sample();
    assert_eq!(
        read(site.path(), "robots.txt"),
        "User-agent: *\nAllow: /\n\nSitemap: https://impact.example.org/sitemap.xml\n"
    );
    assert!(
        !site.path().join("output/_headers").exists(),
        "_headers only when site.yaml asks"
    );
}

#[test]
fn the_chooser_has_a_description_and_a_canonical_address() {
    // Built without errors, or it panics with the messages.
    let site = built_sample();
    let chooser = read(site.path(), "index.html");
    assert!(
        chooser.contains(
            "<meta name=\"description\" content=\"What STOP THE TRAFFIK&#39;s prevention campaigns"
        ),
        "{chooser}"
    );
    assert!(chooser.contains("<link rel=\"canonical\" href=\"https://impact.example.org/\">"));
    assert!(chooser.contains("hreflang=\"x-default\" href=\"https://impact.example.org/\""));
}

#[test]
fn headers_file_is_written_when_site_yaml_asks() {
    let site = sample_site();
    let yaml = site.path().join("content/site.yaml");
    let text = fs::read_to_string(&yaml).unwrap();
    fs::write(&yaml, format!("{text}headers_file: true\n")).unwrap();
    let outcome = build(site.path(), false);
    assert!(
        !outcome.diags.has_errors(),
        "{:?}",
        common::messages(&outcome)
    );
    let headers = read(site.path(), "_headers");
    assert!(headers.contains("/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n"));
    assert!(headers.contains(
        "/lt/impact-2019-2020/:campaign/index.html\n  Content-Security-Policy: default-src 'none'"
    ));
    // The pages' <meta> policy and the header say the same.
    let page = read(site.path(), "lt/impact-2019-2020/index.html");
    let meta = page
        .split("http-equiv=\"Content-Security-Policy\" content=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap();
    assert!(
        headers.contains(&format!("Content-Security-Policy: {meta}\n")),
        "{meta}\n{headers}"
    );
}
