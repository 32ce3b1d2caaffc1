//! Mistakes a comms person makes that are not plain bad input (those are
//! in tests/fixtures/bad): files the loader would pass over, one error per
//! cause, a name `impact new` cannot use, the translator's next step. Each
//! test asserts the exit code, the file and line, and the words of the fix.

mod common;

use std::fs;
use std::process::Command;

use common::*;

const CAMPAIGN_DIR: &str = "content/campaigns/winter-shelter";
const CAMPAIGN: &str = "content/campaigns/winter-shelter/campaign.yaml";
const STORY_EN: &str = "content/campaigns/winter-shelter/story.en.md";
const REPORT: &str = "content/reports/annual-2021/report.yaml";

fn lines_with<'a>(lines: &'a [String], part: &str) -> Vec<&'a String> {
    lines.iter().filter(|l| l.contains(part)).collect()
}

#[test]
fn text_file_in_a_campaign_folder_that_is_not_its_story_is_a_warning_saying_where_it_goes() {
    let site = fixture_site("partner-site");
    let root = site.path();
    fs::write(root.join(CAMPAIGN_DIR).join("notes.en.md"), "Notes.\n").unwrap();
    let out = impact(root, &["build"]);
    assert_eq!(out.status.code(), Some(0));
    let o = build(root, false);
    assert_diag(
        &o,
        &[
            "content/campaigns/winter-shelter/notes.en.md: warning: notes.en.md is not read",
            "a campaign's text is story.en.md",
            "content/reports/<report>/notes.en.md",
        ],
    );
}

#[test]
fn story_with_a_capital_letter_is_named_with_its_right_name() {
    let site = fixture_site("partner-site");
    let root = site.path();
    fs::rename(
        root.join(STORY_EN),
        root.join(CAMPAIGN_DIR).join("Story.en.md"),
    )
    .unwrap();
    let out = impact(root, &["build"]);
    assert_eq!(out.status.code(), Some(1), "the English story is missing");
    let o = build(root, false);
    assert_diag(
        &o,
        &[
            "content/campaigns/winter-shelter/Story.en.md: warning: Story.en.md is not read",
            "rename it to story.en.md",
        ],
    );
}

#[test]
fn story_put_in_the_campaigns_folder_itself_says_which_folder_it_belongs_in() {
    let site = fixture_site("partner-site");
    let root = site.path();
    fs::write(root.join("content/campaigns/story.lt.md"), "Tekstas.\n").unwrap();
    let out = impact(root, &["build"]);
    assert_eq!(out.status.code(), Some(0));
    let o = build(root, false);
    assert_diag(
        &o,
        &[
            "content/campaigns/story.lt.md: warning: story.lt.md is not read here",
            "content/campaigns/<campaign>/story.lt.md",
        ],
    );
}

#[test]
fn a_new_metric_used_twice_without_a_label_is_one_error_listing_its_uses() {
    let site = fixture_site("partner-site");
    let root = site.path();
    edit(root, CAMPAIGN, "meals_served: 8000", "workshops: 8000");
    edit(root, CAMPAIGN, "meals_served: 4345", "workshops: 4345");
    edit(
        root,
        REPORT,
        "{ metric: volunteer_hours, value: 2022 }",
        "{ metric: workshops, value: 2022 }",
    );
    let out = impact(root, &["build"]);
    assert_eq!(out.status.code(), Some(1));
    let o = build(root, false);
    let lines = messages(&o);
    let about = lines_with(&lines, "`workshops`");
    assert_eq!(
        about.len(),
        1,
        "one error for one missing label:\n{lines:#?}"
    );
    let line = about[0];
    assert!(line.starts_with(&format!("{CAMPAIGN}:11:")), "{line}");
    assert!(line.contains("(used 3 times)"), "{line}");
    assert!(
        line.contains(&format!("also used at {CAMPAIGN}:16, {REPORT}:8")),
        "{line}"
    );
    assert!(line.contains("`metric-workshops = …`"), "{line}");
    assert!(!line.contains("did you mean"), "{line}");
    assert!(!line.contains("if you meant `workshops`"), "{line}");
}

#[test]
fn a_report_that_does_not_parse_does_not_also_say_its_campaigns_are_in_no_report() {
    let site = fixture_site("partner-site");
    let root = site.path();
    edit(
        root,
        REPORT,
        "campaigns: [winter-shelter]",
        "campaigns: [winter-shelter",
    );
    let out = impact(root, &["build"]);
    assert_eq!(out.status.code(), Some(1));
    let o = build(root, false);
    let lines = messages(&o);
    assert!(
        lines.iter().all(|l| !l.contains("in no report")),
        "{lines:#?}"
    );
    assert!(lines.iter().any(|l| l.starts_with(REPORT)), "{lines:#?}");
}

#[test]
fn a_story_saved_in_another_encoding_is_one_error_not_also_missing() {
    let site = fixture_site("partner-site");
    let root = site.path();
    // "Žiemos" in Windows-1257, as an old Lithuanian editor saves it.
    fs::write(
        root.join(CAMPAIGN_DIR).join("story.lt.md"),
        b"## \xdeiemos prieglauda\n",
    )
    .unwrap();
    let out = impact(root, &["build"]);
    assert_eq!(out.status.code(), Some(1));
    let o = build(root, false);
    let lines = messages(&o);
    assert_eq!(o.diags.error_count(), 1, "{lines:#?}");
    assert_diag(
        &o,
        &[
            "content/campaigns/winter-shelter/story.lt.md:1:",
            "is not valid UTF-8 text",
        ],
    );
    assert!(
        lines.iter().all(|l| !l.contains("create content/")),
        "{lines:#?}"
    );
}

#[test]
fn an_iframe_is_an_error_even_where_raw_html_is_allowed() {
    let site = fixture_site("partner-site");
    let root = site.path();
    edit(
        root,
        "content/site.yaml",
        "theme: default",
        "theme: default\nallow_raw_html: true",
    );
    let story = fs::read_to_string(root.join(STORY_EN)).unwrap();
    fs::write(
        root.join(STORY_EN),
        format!("{story}\n<video src=\"dinner.mp4\"></video>\n"),
    )
    .unwrap();
    let out = impact(root, &["build"]);
    assert_eq!(out.status.code(), Some(1));
    let o = build(root, false);
    assert_diag(
        &o,
        &[
            &format!("{STORY_EN}:9:"),
            "a <video> in Markdown is not published",
            "link to the video instead",
        ],
    );
}

#[test]
fn an_image_in_other_capitals_names_the_file_meant() {
    let site = fixture_site("partner-site");
    let root = site.path();
    // A one-pixel PNG.
    let png = [
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0,
        0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89, 0, 0, 0, 0x0d, 0x49, 0x44,
        0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0, 0x1f, 0, 0x05, 0x00, 0x01, 0xff,
        0x89, 0x99, 0x3d, 0x1d, 0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
    ];
    fs::write(root.join(CAMPAIGN_DIR).join("dinner-photo.png"), png).unwrap();
    let story = fs::read_to_string(root.join(STORY_EN)).unwrap();
    fs::write(
        root.join(STORY_EN),
        format!("{story}\n![Guests at dinner](Dinner-Photo.PNG)\n"),
    )
    .unwrap();
    let out = impact(root, &["build"]);
    assert_eq!(out.status.code(), Some(1));
    let o = build(root, false);
    assert_diag(
        &o,
        &[
            &format!("{STORY_EN}:9:"),
            "there is no file content/campaigns/winter-shelter/Dinner-Photo.PNG",
            "the folder has dinner-photo.png",
        ],
    );
}

#[test]
fn new_offers_the_folder_name_it_would_accept() {
    let site = fixture_site("partner-site");
    let out = Command::new(env!("CARGO_BIN_EXE_impact"))
        .args(["new", "report", "Kaunas Youth Safety 2024", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("`kaunas-youth-safety-2024` would do"), "{err}");
    assert!(
        err.contains("help: run `impact new report kaunas-youth-safety-2024`"),
        "{err}"
    );
    let again = Command::new(env!("CARGO_BIN_EXE_impact"))
        .args(["new", "report", "kaunas-youth-safety-2024", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(0), "the offered name is accepted");
}

#[test]
fn first_translations_check_says_what_to_do_next() {
    let site = fixture_site("partner-site");
    let out = impact(site.path(), &["check", "--translations"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(" untracked"), "{text}");
    assert!(text.contains("next:\n"), "{text}");
    assert!(
        text.contains("(normal the first time). Once a translator has checked them, run `impact check --translations --mark-translated`"),
        "{text}"
    );
    let marked = impact(
        site.path(),
        &["check", "--translations", "--mark-translated"],
    );
    assert_eq!(marked.status.code(), Some(0));
    let after = impact(site.path(), &["check", "--translations"]);
    let text = String::from_utf8_lossy(&after.stdout);
    assert!(
        text.contains("every translation is complete and up to date"),
        "{text}"
    );
}

#[test]
fn translations_check_lists_missing_plural_forms_and_attributes() {
    let site = fixture_site("partner-site");
    let root = site.path();
    let lt = "locales/lt/partner.ftl";
    edit(root, lt, "        [few] patiekti patiekalai\n", "");
    edit(
        root,
        lt,
        "    .count = { PLURAL($count) ->\n        [one] savanorių valanda\n        [few] savanorių valandos\n        [many] savanorių valandos\n       *[other] savanorių valandų\n    }\n",
        "",
    );
    let out = impact(root, &["check", "--translations"]);
    assert_eq!(out.status.code(), Some(1), "missing forms exit 1");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("missing     locales/lt/partner.ftl:3")
            && text.contains("locales#metric-meals_served.count [few]"),
        "{text}"
    );
    assert!(
        text.contains("locales#metric-volunteer_hours.count"),
        "{text}"
    );
    // And `check` itself reports both at their lines.
    let check = impact(root, &["check"]);
    assert_eq!(check.status.code(), Some(1));
    let o = build(root, false);
    assert_diag(
        &o,
        &[
            "locales/lt/partner.ftl:3:",
            "has no [few] form for lt",
            "`[few] …` (for 2, 3, 4 …)",
        ],
    );
    assert_diag(
        &o,
        &[
            "locales/lt/partner.ftl:8:",
            "the message `metric-volunteer_hours` has no `.count` in lt",
        ],
    );
}

/// The first wrong page: a share written `87` for a key used once
/// built as a count ("87 of guests") with no error, because the kind was
/// guessed from how the value was written.
#[test]
fn share_written_as_a_whole_percent_for_a_key_used_once_is_an_error() {
    let site = fixture_site("partner-site");
    let root = site.path();
    edit(
        root,
        CAMPAIGN,
        "results:\n  - { metric: share_returning, audience: vilnius, value: 0.475 }\n",
        "",
    );
    edit(root, REPORT, "value: 0.475 }", "value: 87 }");
    let out = impact(root, &["build"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("help: shares are fractions: write 0.87 for 87 %"),
        "{err}"
    );
    let o = build(root, false);
    assert_diag(
        &o,
        &[
            &format!("{REPORT}:9:39:"),
            "`87` is not a share: `share_returning` is declared a share (locales/en/partner.ftl:15)",
        ],
    );
}
