//! `impact new` scaffolds build at once, in every language.

mod common;

use std::process::Command;

use common::*;

#[test]
fn scaffolded_campaign_and_report_build_at_once() {
    let site = fixture_site("partner-site");
    let bin = env!("CARGO_BIN_EXE_impact");
    for (kind, slug) in [("campaign", "spring-appeal"), ("report", "annual-2024")] {
        let out = Command::new(bin)
            .args(["new", kind, slug, "--root"])
            .arg(site.path())
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("created content/"));
    }
    // List the new campaign in the new report so both get pages.
    let report = site.path().join("content/reports/annual-2024/report.yaml");
    let text = std::fs::read_to_string(&report)
        .unwrap()
        .replace("campaigns: []", "campaigns: [spring-appeal]");
    std::fs::write(&report, text).unwrap();

    let outcome = build(site.path(), false);
    assert!(
        !outcome.failed(),
        "scaffold does not build:\n{}",
        messages(&outcome).join("\n")
    );
    let lt = read(site.path(), "lt/annual-2024/spring-appeal/index.html");
    assert!(lt.contains("Nauja kampanija"));
    assert!(read(site.path(), "en/annual-2024/index.html").contains("New report"));
}

#[test]
fn new_refuses_bad_names_and_existing_folders_with_exit_2() {
    let site = fixture_site("partner-site");
    let bin = env!("CARGO_BIN_EXE_impact");
    let bad = Command::new(bin)
        .args(["new", "campaign", "Spring Appeal", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("lowercase letters"));
    let exists = Command::new(bin)
        .args(["new", "campaign", "winter-shelter", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert_eq!(exists.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&exists.stderr).contains("already exists"));
}
