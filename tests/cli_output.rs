//! What `impact build` and `impact check` print, run as the real binary
//! with piped output (as in CI or a script): the one-line summary, nothing
//! but errors with `--quiet`, every file with `--verbose`, and no progress
//! line, which is for terminals only.

mod common;

use common::{files_under, fixture_site, impact, stderr};

const CAMPAIGN_YAML: &str = "content/campaigns/winter-shelter/campaign.yaml";

/// `built 8 pages, 2 languages, 10 files in 0.12 s → …/output/` split into
/// its numbers and folder.
fn parse_summary(line: &str) -> (usize, usize, usize, f64, String) {
    let rest = line
        .strip_prefix("built ")
        .unwrap_or_else(|| panic!("not a summary: {line:?}"));
    let (counts, rest) = rest.split_once(" in ").expect("` in `");
    let (seconds, folder) = rest.split_once(" s → ").expect("` s → `");
    let numbers: Vec<usize> = counts
        .split(", ")
        .map(|c| c.split(' ').next().unwrap().parse().unwrap())
        .collect();
    // Pages, languages, then what else was made (PDFs, social cards), then
    // every file.
    assert!(numbers.len() >= 3, "{line}");
    assert!(
        counts.contains(" pages, ")
            && counts.contains(" languages, ")
            && counts.contains(" social cards, ")
            && counts.ends_with(" files")
    );
    (
        numbers[0],
        numbers[1],
        numbers[numbers.len() - 1],
        seconds.parse().expect("seconds"),
        folder.to_string(),
    )
}

#[test]
fn build_ends_with_a_summary_of_pages_languages_files_and_time() {
    let site = fixture_site("partner-site");
    let out = impact(site.path(), &["build"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(out.stdout.is_empty(), "stdout is kept for scripts");
    let last = err.lines().last().expect("a summary line");
    let (pages, languages, files, seconds, folder) = parse_summary(last);

    let written = files_under(&site.path().join("output"));
    assert_eq!(files, written.len(), "{last}");
    assert_eq!(
        pages,
        written
            .iter()
            .filter(|p| p.ends_with("index.html") || *p == "404.html")
            .count(),
        "{last}"
    );
    assert!(last.contains(", 2 PDFs, "), "one PDF per language: {last}");
    assert_eq!(languages, 2);
    assert!(seconds > 0.0 && seconds < 60.0, "{last}");
    let sep = std::path::MAIN_SEPARATOR;
    assert_eq!(
        folder,
        format!("{}{sep}", site.path().join("output").display())
    );
    // Piped: no progress line, no terminal control codes.
    assert!(!err.contains('\r') && !err.contains('\x1b'), "{err:?}");
}

#[test]
fn quiet_build_prints_nothing_on_success_and_errors_on_failure() {
    let site = fixture_site("partner-site");
    let out = impact(site.path(), &["build", "--quiet"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    assert!(out.stdout.is_empty());
    assert!(site.path().join("output/en/index.html").is_file());

    let yaml = site.path().join(CAMPAIGN_YAML);
    let text = std::fs::read_to_string(&yaml).unwrap();
    std::fs::write(
        &yaml,
        text.replacen("countries: [LT]", "countries: [XX]", 1),
    )
    .unwrap();
    let out = impact(site.path(), &["build", "-q"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("`XX` is not a country code"), "{err}");
    assert!(err.contains(CAMPAIGN_YAML), "{err}");
    assert!(!err.contains("built "), "{err}");
}

#[test]
fn quiet_hides_warnings_that_a_normal_build_shows() {
    let site = fixture_site("partner-site");
    // A missing translation, built anyway: a warning, not an error.
    std::fs::remove_file(
        site.path()
            .join("content/campaigns/winter-shelter/story.lt.md"),
    )
    .unwrap();
    let normal = impact(site.path(), &["build", "--allow-missing"]);
    assert_eq!(normal.status.code(), Some(0), "{}", stderr(&normal));
    assert!(stderr(&normal).contains("warning"), "{}", stderr(&normal));
    let last = stderr(&normal).lines().last().unwrap_or("").to_string();
    assert!(
        last.starts_with("built ") && (last.ends_with(" warning") || last.ends_with(" warnings")),
        "{last}"
    );

    let quiet = impact(site.path(), &["build", "--allow-missing", "--quiet"]);
    assert_eq!(quiet.status.code(), Some(0));
    assert_eq!(stderr(&quiet), "");
}

#[test]
fn verbose_build_lists_every_file_written_and_each_stage() {
    let site = fixture_site("partner-site");
    let out = impact(site.path(), &["build", "--verbose"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let listed: Vec<&str> = err
        .lines()
        .filter_map(|l| l.strip_prefix("  wrote "))
        .collect();
    let written = files_under(&site.path().join("output"));
    assert_eq!(listed, written, "{err}");
    for stage in ["load", "localise", "validate", "render", "publish"] {
        assert!(
            err.lines()
                .any(|l| l.trim_start().starts_with(stage) && l.ends_with(" ms")),
            "no time for {stage}:\n{err}"
        );
    }
    assert!(err.lines().last().unwrap().starts_with("built "), "{err}");
}

#[test]
fn check_summary_counts_pages_and_languages_and_writes_nothing() {
    let site = fixture_site("partner-site");
    let out = impact(site.path(), &["check"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    let last = err.lines().last().unwrap();
    assert!(last.starts_with("checked "), "{last}");
    assert!(last.contains(" pages, 2 languages in "), "{last}");
    assert!(last.ends_with(" s: no errors"), "{last}");
    assert!(!site.path().join("output").exists());

    let quiet = impact(site.path(), &["check", "--quiet"]);
    assert_eq!(quiet.status.code(), Some(0));
    assert_eq!(stderr(&quiet), "");
}

#[test]
fn verbose_and_quiet_together_are_a_usage_error() {
    let site = fixture_site("partner-site");
    let out = impact(site.path(), &["build", "--verbose", "--quiet"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot be used with"),
        "{}",
        stderr(&out)
    );
}
