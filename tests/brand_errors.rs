//! Mistakes in a site's brand and place codes: each an error at its file,
//! line and column, saying what was measured or expected and the fix.

mod common;

use std::fs;

use common::*;
use impact::diagnostics::render;

/// The brand-site fixture with `from` replaced by `to` in `file`.
fn edited(file: &str, from: &str, to: &str) -> tempfile::TempDir {
    let site = fixture_site("brand-site");
    let path = site.path().join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} has no {from:?}");
    fs::write(&path, text.replace(from, to)).unwrap();
    site
}

#[test]
fn a_brand_colour_without_contrast_states_the_ratio_and_the_nearest_passing_colour() {
    let site = edited(
        "content/site.yaml",
        "  colour: \"#7a1f5c\"\n  accent: \"#2e7d32\"",
        "  colour: \"#f2c14e\"\n  accent: \"#9fd3a4\"",
    );
    let out = site.path().join("output");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("earlier.html"), "earlier build").unwrap();
    let mut outcome = build(site.path(), false);
    assert!(outcome.failed());
    assert_eq!(
        files_under(&out),
        ["earlier.html"],
        "the output is left as it was"
    );
    outcome.diags.retain(|d| d.message.contains("brand"));
    assert_eq!(outcome.diags.error_count(), 2);
    insta::assert_snapshot!(render(&outcome.diags, &outcome.sources, false));
}

#[test]
fn unknown_country_codes_are_errors_at_their_place_with_the_right_code() {
    let site = edited(
        "content/campaigns/safe-journeys/campaign.yaml",
        "countries: [\"NO\", MD, BA]",
        "countries: [\"NO\", UK, EL, ZZ, EU]",
    );
    let outcome = build(site.path(), false);
    assert!(outcome.failed());
    let file = "content/campaigns/safe-journeys/campaign.yaml:6";
    assert_diag(
        &outcome,
        &[&format!("{file}:19:"), "`UK` is not a country code"],
    );
    assert_diag(
        &outcome,
        &[&format!("{file}:23:"), "`EL` is not a country code"],
    );
    assert_diag(
        &outcome,
        &[&format!("{file}:27:"), "`ZZ` is not a country code"],
    );
    assert_diag(
        &outcome,
        &[&format!("{file}:31:"), "`EU` is not a country code"],
    );
    let all = render(&outcome.diags, &outcome.sources, false);
    assert!(all.contains("ISO code is GB"), "{all}");
    assert!(all.contains("ISO code is GR"), "{all}");
    assert!(!all.contains("`NO`"), "NO is Norway: {all}");
    // One error per cause: `UK` is one error, which gives the right code
    // rather than asking for a name for UK.
    let about_uk = outcome
        .diags
        .sorted()
        .iter()
        .filter(|d| d.message.contains("UK"))
        .count();
    assert_eq!(about_uk, 1, "{all}");
    assert!(!all.contains("country-UK"), "{all}");
}

#[test]
fn a_country_code_in_small_letters_is_one_error_that_gives_it_in_capitals() {
    let site = edited(
        "content/campaigns/safe-journeys/campaign.yaml",
        "countries: [\"NO\", MD, BA]",
        "countries: [\"NO\", md, uk]",
    );
    let outcome = build(site.path(), false);
    assert!(outcome.failed());
    let all = render(&outcome.diags, &outcome.sources, false);
    assert_eq!(outcome.diags.error_count(), 2, "{all}");
    assert!(
        all.contains("write `MD`: country codes are in capitals"),
        "{all}"
    );
    assert!(all.contains("ISO code is GB"), "{all}");
}

#[test]
fn a_missing_logo_is_an_error_at_its_line() {
    let site = edited(
        "content/site.yaml",
        "logo: brand/logo.svg",
        "logo: brand/missing.svg",
    );
    let outcome = build(site.path(), false);
    assert_diag(
        &outcome,
        &[
            "content/site.yaml:10:",
            "there is no logo at content/brand/missing.svg",
        ],
    );
}
