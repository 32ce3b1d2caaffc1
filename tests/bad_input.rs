//! Bad input gets a clear error naming the file and line, every problem of
//! the run is reported together, and a failed build writes nothing.

mod common;

use std::fs;
use std::path::Path;

use common::*;

const CAMPAIGN: &str = "content/campaigns/winter-shelter/campaign.yaml";

fn failing(root: &Path) -> impact::build::BuildOutcome {
    let outcome = build(root, false);
    assert!(outcome.failed(), "expected errors, got none");
    outcome
}

#[test]
fn wrong_type_names_file_and_line() {
    let site = fixture_site("partner-site");
    edit(site.path(), CAMPAIGN, "countries: [LT]", "countries: LT");
    let o = failing(site.path());
    assert_diag(&o, &[CAMPAIGN, ":4:", "error:"]);
}

#[test]
fn unknown_field_names_the_field_and_line() {
    let site = fixture_site("partner-site");
    edit(
        site.path(),
        CAMPAIGN,
        "countries: [LT]",
        "countries: [LT]\ncolour: red",
    );
    let o = failing(site.path());
    assert_diag(&o, &[CAMPAIGN, ":5:", "unknown field `colour`"]);
}

#[test]
fn missing_language_in_a_text_map_is_an_error_with_its_line() {
    let site = fixture_site("partner-site");
    edit(
        site.path(),
        CAMPAIGN,
        "name: { en: \"Winter shelter\", lt: \"Žiemos prieglauda\" }",
        "name: { en: \"Winter shelter\" }",
    );
    let o = failing(site.path());
    assert_diag(&o, &[CAMPAIGN, ":1:", "the campaign name has no lt text"]);
}

#[test]
fn missing_story_translation_names_the_file_to_create() {
    let site = fixture_site("partner-site");
    fs::remove_file(
        site.path()
            .join("content/campaigns/winter-shelter/story.lt.md"),
    )
    .unwrap();
    let o = failing(site.path());
    assert_diag(&o, &[CAMPAIGN, "story.lt.md", "has no lt text"]);
}

#[test]
fn missing_fluent_message_points_at_the_english_definition() {
    let site = fixture_site("partner-site");
    edit(
        site.path(),
        "locales/lt/partner.ftl",
        "metric-share_returning = Sugrįžę svečiai\n",
        "",
    );
    let o = failing(site.path());
    assert_diag(
        &o,
        &[
            "locales/en/partner.ftl:14:",
            "`metric-share_returning` has no lt translation",
        ],
    );
}

#[test]
fn every_problem_of_the_run_is_reported_together() {
    let site = fixture_site("partner-site");
    edit(
        site.path(),
        CAMPAIGN,
        "countries: [LT]",
        "countries: [LT]\ncolour: red",
    );
    edit(
        site.path(),
        "content/reports/annual-2021/report.yaml",
        "value: 0.475",
        "value: 47.5",
    );
    edit(
        site.path(),
        "locales/lt/partner.ftl",
        "metric-share_returning = Sugrįžę svečiai\n",
        "",
    );
    edit(
        site.path(),
        "content/reports/annual-2021/index.en.md",
        "metric(key=\"meals_served\")",
        "metric(key=\"meals\")",
    );
    let o = failing(site.path());
    assert_diag(&o, &[CAMPAIGN, "unknown field `colour`"]);
    assert_diag(
        &o,
        &[
            "report.yaml:9:",
            "a share must be between 0 and 1 (found 47.5)",
        ],
    );
    assert_diag(&o, &["locales/en/partner.ftl", "no lt translation"]);
    assert_diag(
        &o,
        &[
            "index.en.md:1:",
            "the report has no headline figure `meals`",
        ],
    );
    // The campaign whose YAML failed is not reported again as missing.
    assert!(
        !messages(&o)
            .iter()
            .any(|m| m.contains("there is no campaign `winter-shelter`")),
        "{:?}",
        messages(&o)
    );
    assert!(o.diags.error_count() >= 4, "{:?}", messages(&o));
}

#[test]
fn allow_missing_falls_back_to_english_and_marks_it() {
    let site = fixture_site("partner-site");
    fs::remove_file(
        site.path()
            .join("content/campaigns/winter-shelter/story.lt.md"),
    )
    .unwrap();
    edit(site.path(), CAMPAIGN, "summary: { en: \"Beds and meals in the cold months.\", lt: \"Lovos ir maistas šaltaisiais mėnesiais.\" }", "summary: { en: \"Beds and meals in the cold months.\" }");
    let o = build(site.path(), true);
    assert!(!o.failed(), "{}", messages(&o).join("\n"));
    assert_diag(&o, &["warning:", "the campaign story", "using en"]);
    assert_diag(
        &o,
        &["warning:", "the campaign summary has no lt text; using en"],
    );
    let page = read(site.path(), "lt/annual-2021/winter-shelter/index.html");
    assert!(
        page.contains("id=\"story\" class=\"prose\" lang=\"en\""),
        "story not marked as English"
    );
    assert!(page.contains(
        "<span lang=\"en\" class=\"untranslated\">Beds and meals in the cold months.</span>"
    ));
    assert!(
        page.contains("Dalis šio puslapio dar neišversta"),
        "no visible notice"
    );
}

#[test]
fn failed_build_leaves_the_previous_output_exactly_as_it_was() {
    let site = fixture_site("partner-site");
    let ok = build(site.path(), false);
    assert!(!ok.failed());
    let out = site.path().join("output");
    let before: Vec<(String, Vec<u8>)> = files_under(&out)
        .into_iter()
        .map(|f| {
            let b = fs::read(out.join(&f)).unwrap();
            (f, b)
        })
        .collect();
    edit(
        site.path(),
        CAMPAIGN,
        "meals_served: 8000",
        "meals_served: -8000",
    );
    let o = failing(site.path());
    assert_diag(&o, &[CAMPAIGN, ":11:", "a figure cannot be negative"]);
    assert_eq!(
        o.diags.error_count(),
        1,
        "follow-on errors: {:?}",
        messages(&o)
    );
    let after: Vec<(String, Vec<u8>)> = files_under(&out)
        .into_iter()
        .map(|f| {
            let b = fs::read(out.join(&f)).unwrap();
            (f, b)
        })
        .collect();
    assert_eq!(before, after);
}

#[test]
fn unknown_metric_key_suggests_the_closest() {
    let site = fixture_site("partner-site");
    edit(
        site.path(),
        CAMPAIGN,
        "volunteer_hours: 522",
        "volunter_hours: 522",
    );
    let o = failing(site.path());
    assert_diag(&o, &[CAMPAIGN, "unknown metric `volunter_hours`"]);
    let help = o
        .diags
        .sorted()
        .into_iter()
        .find(|d| d.message.contains("volunter_hours"))
        .and_then(|d| d.help)
        .unwrap();
    assert!(help.contains("if you meant `volunteer_hours`"), "{help}");
}

#[test]
fn a_value_of_another_kind_than_its_key_declares_is_an_error() {
    let site = fixture_site("partner-site");
    edit(
        site.path(),
        CAMPAIGN,
        "volunteer_hours: 522",
        "volunteer_hours: 0.5",
    );
    let o = failing(site.path());
    assert_diag(
        &o,
        &[
            &format!("{CAMPAIGN}:17:"),
            "`0.5` is not a count: `volunteer_hours` is declared a count (locales/en/partner.ftl:9)",
            "help: a count is a whole number",
        ],
    );
}

#[test]
fn report_naming_a_missing_campaign() {
    let site = fixture_site("partner-site");
    edit(
        site.path(),
        "content/reports/annual-2021/report.yaml",
        "campaigns: [winter-shelter]",
        "campaigns: [winter-shelter, summer-camp]",
    );
    let o = failing(site.path());
    assert_diag(
        &o,
        &["report.yaml:10:", "there is no campaign `summer-camp`"],
    );
}

#[test]
fn unknown_chart_and_content_link_name_the_markdown_line() {
    let site = fixture_site("partner-site");
    edit(
        site.path(),
        "content/campaigns/winter-shelter/story.lt.md",
        "{{ chart(id=\"meals-by-month\") }}",
        "{{ chart(id=\"meals\") }}",
    );
    edit(
        site.path(),
        "content/reports/annual-2021/index.en.md",
        "@/campaigns/winter-shelter",
        "@/campaigns/winter",
    );
    let o = failing(site.path());
    assert_diag(&o, &["story.lt.md:7:", "there is no chart `meals`"]);
    assert_diag(&o, &["index.en.md:1:", "there is no campaign `winter`"]);
}

#[test]
fn fluent_syntax_error_names_line() {
    let site = fixture_site("partner-site");
    edit(
        site.path(),
        "locales/lt/partner.ftl",
        "metric-share_returning = Sugrįžę svečiai",
        "metric-share_returning Sugrįžę svečiai",
    );
    let o = failing(site.path());
    assert_diag(&o, &["locales/lt/partner.ftl:16:", "Fluent syntax error"]);
}

#[test]
fn selecting_plurals_without_plural_function_is_an_error() {
    let site = fixture_site("partner-site");
    edit(
        site.path(),
        "locales/lt/partner.ftl",
        "{ PLURAL($count) ->\n        [one] patiektas",
        "{ $count ->\n        [one] patiektas",
    );
    let o = failing(site.path());
    assert_diag(
        &o,
        &[
            "locales/lt/partner.ftl:3:",
            "selects plural forms without PLURAL()",
        ],
    );
}

#[test]
fn front_matter_error_line_counts_from_the_file_start() {
    let site = fixture_site("partner-site");
    edit(
        site.path(),
        "content/reports/annual-2021/method.lt.md",
        "weight: 10",
        "weight: ten",
    );
    let o = failing(site.path());
    assert_diag(&o, &["method.lt.md:3:"]);
}

#[test]
fn the_binary_exits_1_on_content_errors_and_2_on_usage_errors() {
    let site = fixture_site("partner-site");
    let bin = env!("CARGO_BIN_EXE_impact");
    let ok = std::process::Command::new(bin)
        .args(["build", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    edit(site.path(), CAMPAIGN, "countries: [LT]", "countries: [XX]");
    let bad = std::process::Command::new(bin)
        .args(["check", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(
        stderr.contains("campaign.yaml")
            && stderr.contains("`XX` is not a country code")
            && stderr.contains("campaign.yaml:4:13")
            && stderr.contains("help:"),
        "{stderr}"
    );
    let usage = std::process::Command::new(bin)
        .args(["build", "--bogus"])
        .output()
        .unwrap();
    assert_eq!(usage.status.code(), Some(2));
}

#[test]
fn check_reports_problems_and_writes_nothing() {
    let site = fixture_site("partner-site");
    let bin = env!("CARGO_BIN_EXE_impact");
    let ok = std::process::Command::new(bin)
        .args(["check", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(!site.path().join("output").exists(), "check wrote output");
    assert!(String::from_utf8_lossy(&ok.stderr).contains("no errors"));
}
