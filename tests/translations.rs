//! `impact check --translations`: a missing and an outdated Lithuanian text
//! are reported exactly, and the figures check catches 30,5 % vs 30.8%.

mod common;

use std::fs;
use std::process::Command;

use common::*;

fn run(root: &std::path::Path, extra: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_impact"))
        .args(["check", "--translations", "--root"])
        .arg(root)
        .args(extra)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn missing_and_outdated_lithuanian_texts_are_listed() {
    let site = fixture_site("partner-site");
    let root = site.path();
    let (code, text) = run(root, &["--mark-translated"]);
    assert_eq!(code, 0, "{text}");
    assert!(root.join(".impact/translations.lock").is_file());
    let (_, text) = run(root, &[]);
    assert!(
        text.starts_with("lt: 0 missing, 0 only in lt, 0 outdated"),
        "{text}"
    );

    // The English story changes after translation; a Lithuanian summary goes missing.
    let story = root.join("content/campaigns/winter-shelter/story.en.md");
    let s = fs::read_to_string(&story)
        .unwrap()
        .replace("## Why", "## Why we opened");
    fs::write(&story, s).unwrap();
    let yaml = root.join("content/campaigns/winter-shelter/campaign.yaml");
    let y = fs::read_to_string(&yaml)
        .unwrap()
        .replace(", lt: \"Lovos ir maistas šaltaisiais mėnesiais.\"", "");
    fs::write(&yaml, y).unwrap();

    let (code, text) = run(root, &[]);
    assert_eq!(code, 1, "missing translations exit 1:\n{text}");
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("lt: 1 missing, 0 only in lt, 1 outdated"),
        "{text}"
    );
    let rows: Vec<Vec<&str>> = lines[1..]
        .iter()
        .take_while(|l| !l.starts_with("next:"))
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(
        rows,
        vec![
            vec![
                "missing",
                "content/campaigns/winter-shelter/campaign.yaml:2",
                "content/campaigns/winter-shelter/campaign.yaml#summary"
            ],
            vec![
                "outdated",
                "content/campaigns/winter-shelter/story.lt.md",
                "content/campaigns/winter-shelter/story.md"
            ],
        ],
        "{text}"
    );
}

#[test]
fn figures_that_disagree_between_languages_are_warned_about() {
    let site = fixture_site("partner-site");
    let root = site.path();
    fs::write(root.join("content/reports/annual-2021/method.en.md"), "---\ntitle: \"How we counted\"\nweight: 10\n---\n30.8% of guests answered; 1,849 in all.\n").unwrap();
    fs::write(
        root.join("content/reports/annual-2021/method.lt.md"),
        "---\ntitle: \"Kaip skaičiavome\"\nweight: 10\n---\nAtsakė 30,5 % svečių; iš viso 1 849.\n",
    )
    .unwrap();
    let outcome = build(root, false);
    assert!(!outcome.failed(), "a warning, not an error");
    assert_diag(
        &outcome,
        &[
            "warning:",
            "method.lt.md:5 has 30,5 % but content/reports/annual-2021/method.en.md:5 has 30.8%",
        ],
    );
    assert_eq!(outcome.diags.warning_count(), 1, "{:?}", messages(&outcome));
}

/// The sample's translation state is committed: a fresh clone reports every
/// Lithuanian text as up to date, none untracked or outdated.
#[test]
fn the_sample_site_records_its_translations() {
    let site = sample_site();
    let lock = ".impact/translations.lock";
    fs::create_dir_all(site.path().join(".impact")).unwrap();
    fs::copy(project().join(lock), site.path().join(lock)).unwrap();
    let (code, text) = run(site.path(), &[]);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("0 outdated") && text.contains(" 0 untracked,"),
        "{text}"
    );
}
