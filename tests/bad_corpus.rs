//! The bad-input corpus of tests/fixtures/bad/, plus the cases git cannot
//! carry (links out of the site, link loops, huge files, folder names that
//! cannot be web addresses). Every case must: exit 1 from the real binary,
//! never panic, name the file (and line where there is one) in its message,
//! and leave an existing output/ byte-identical.
//!
//! Each case is a test of its own (a `harness = false` target run by
//! `libtest-mimic`), so one failing case does not hide the others, and
//! `cargo test --test bad_corpus -- invalid-date` runs one by its name.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use libtest_mimic::{Arguments, Trial};

/// How many cases the corpus must have at least.
const AT_LEAST: usize = 20;

fn main() {
    let args = Arguments::from_args();
    let mut trials: Vec<Trial> = corpus_cases()
        .into_iter()
        .map(|case| {
            let name = case.file_name().unwrap().to_string_lossy().into_owned();
            Trial::test(name, move || {
                corpus_case(&case);
                Ok(())
            })
        })
        .collect();
    trials.push(Trial::test("the_corpus_is_whole", || {
        let found = corpus_cases().len();
        if found < AT_LEAST {
            return Err(format!("the corpus has only {found} cases, not {AT_LEAST}").into());
        }
        Ok(())
    }));
    // The cases made here rather than carried by git.
    let mut made: Vec<(&str, fn())> = vec![
        ("huge_file_is_refused", huge_file_is_refused),
        (
            "folder_name_that_is_no_web_address",
            folder_name_that_is_no_web_address,
        ),
    ];
    #[cfg(unix)]
    made.extend([
        (
            "link_leading_out_of_the_site_is_refused",
            link_leading_out_of_the_site_is_refused as fn(),
        ),
        (
            "campaigns_folder_linked_from_outside_is_refused",
            campaigns_folder_linked_from_outside_is_refused,
        ),
        ("link_loop_is_reported", link_loop_is_reported),
        ("linked_folder_is_reported", linked_folder_is_reported),
    ]);
    for (name, test) in made {
        trials.push(Trial::test(name, move || {
            test();
            Ok(())
        }));
    }
    libtest_mimic::run(&args, trials).exit();
}

fn snapshot(out: &Path) -> Vec<(String, Vec<u8>)> {
    files_under(out)
        .into_iter()
        .map(|f| {
            let b = fs::read(out.join(&f)).unwrap();
            (f, b)
        })
        .collect()
}

/// Builds the fixture once (so there is an output to protect), lets `spoil`
/// break it, then checks the failed build from the binary and in-process.
fn check_case(name: &str, expect: &[String], spoil: impl FnOnce(&Path)) {
    let site = fixture_site("partner-site");
    let root = site.path();
    let bin = env!("CARGO_BIN_EXE_impact");
    let first = Command::new(bin)
        .args(["build", "--root"])
        .arg(root)
        .output()
        .unwrap();
    assert_eq!(
        first.status.code(),
        Some(0),
        "{name}: the base site must build"
    );
    let before = snapshot(&root.join("output"));

    spoil(root);

    let run = Command::new(bin)
        .env("NO_COLOR", "1")
        .args(["build", "--root"])
        .arg(root)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{name}: exit code\n{stderr}");
    assert!(!stderr.contains("panicked"), "{name}: panic\n{stderr}");
    assert!(stderr.contains("help:"), "{name}: no help line\n{stderr}");

    let outcome = build(root, false);
    assert!(outcome.failed(), "{name}: in-process build did not fail");
    let lines = messages(&outcome);
    assert!(
        lines
            .iter()
            .any(|l| expect.iter().all(|e| l.contains(e.as_str()))),
        "{name}: no error line contains {expect:?}; got:\n{}",
        lines.join("\n")
    );
    assert_eq!(
        before,
        snapshot(&root.join("output")),
        "{name}: output changed"
    );
    record_count(&format!("bad input handled: {name}"));
}

/// The case folders of tests/fixtures/bad/, sorted.
fn corpus_cases() -> Vec<PathBuf> {
    let dir = project().join("tests/fixtures/bad");
    let mut cases: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    cases
}

/// One case of the corpus: `files/` laid over the site, `delete` removed,
/// one line of the report holding every part of `expect`.
fn corpus_case(case: &Path) {
    let name = case.file_name().unwrap().to_string_lossy().into_owned();
    let expect: Vec<String> = fs::read_to_string(case.join("expect"))
        .unwrap_or_else(|e| panic!("{name}/expect: {e}"))
        .trim()
        .split(" | ")
        .map(str::to_string)
        .collect();
    check_case(&name, &expect, |root| {
        if case.join("files").is_dir() {
            copy_dir(&case.join("files"), root);
        }
        if let Ok(list) = fs::read_to_string(case.join("delete")) {
            for f in list.lines().filter(|l| !l.is_empty()) {
                fs::remove_file(root.join(f)).unwrap();
            }
        }
    });
}

#[cfg(unix)]
fn link_leading_out_of_the_site_is_refused() {
    let outside = tempfile::NamedTempFile::new().unwrap();
    fs::write(outside.path(), b"not for publishing").unwrap();
    let target = outside.path().to_path_buf();
    check_case(
        "link-out",
        &[
            "content/campaigns/winter-shelter/photo.png".into(),
            "points outside the site root".into(),
        ],
        |root| {
            std::os::unix::fs::symlink(
                &target,
                root.join("content/campaigns/winter-shelter/photo.png"),
            )
            .unwrap();
        },
    );
}

/// The campaigns folder itself a link out of the site: its files are plain
/// files in plain folders, but their real place is outside the root (the
/// loader checks a folder's real path once for all its files).
#[cfg(unix)]
fn campaigns_folder_linked_from_outside_is_refused() {
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("campaigns");
    check_case(
        "campaigns-link-out",
        &[
            "content/campaigns/winter-shelter/campaign.yaml".into(),
            "points outside the site root".into(),
        ],
        |root| {
            let campaigns = root.join("content/campaigns");
            fs::rename(&campaigns, &target).unwrap();
            std::os::unix::fs::symlink(&target, &campaigns).unwrap();
        },
    );
}

#[cfg(unix)]
fn link_loop_is_reported() {
    check_case(
        "link-loop",
        &["loop.png".into(), "cannot be followed".into()],
        |root| {
            let dir = root.join("content/campaigns/winter-shelter");
            std::os::unix::fs::symlink(dir.join("loop.png"), dir.join("loop.png")).unwrap();
        },
    );
}

#[cfg(unix)]
fn linked_folder_is_reported() {
    check_case(
        "folder-link",
        &[
            "content/campaigns/mirror".into(),
            "is a link to a folder".into(),
        ],
        |root| {
            let dir = root.join("content/campaigns");
            std::os::unix::fs::symlink(dir.join("winter-shelter"), dir.join("mirror")).unwrap();
        },
    );
}

fn huge_file_is_refused() {
    check_case(
        "huge",
        &["story.en.md".into(), "is too large".into()],
        |root| {
            let big = "word ".repeat(2_000_000);
            fs::write(
                root.join("content/campaigns/winter-shelter/story.en.md"),
                big,
            )
            .unwrap();
        },
    );
}

fn folder_name_that_is_no_web_address() {
    check_case(
        "bad-folder",
        &[
            "content/campaigns/Winter Shelter".into(),
            "cannot be used in a web address".into(),
        ],
        |root| {
            let dir = root.join("content/campaigns");
            fs::rename(dir.join("winter-shelter"), dir.join("Winter Shelter")).unwrap();
        },
    );
}
