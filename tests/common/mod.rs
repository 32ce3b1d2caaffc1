//! Helpers for end-to-end tests: sites in temporary folders, built with the
//! real pipeline, and small readers for the output.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use impact::build::{self, BuildOptions, BuildOutcome};
use impact::diagnostics::render_short;

/// Runs the `impact` binary on the site at `root` (`--root` last), without
/// colours, and returns what it printed and its exit code.
pub fn impact(root: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_impact"))
        .env("NO_COLOR", "1")
        .args(args)
        .arg("--root")
        .arg(root)
        .output()
        .expect("run impact")
}

/// What a run printed to standard error.
pub fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Replaces the first `from` in the site's `file` with `to`, asserting it
/// is there.
pub fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} has no {from:?}");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// The project checkout (where the sample site, themes and locales live).
pub fn project() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies `from` into `to` recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A temporary site root: the project's themes/ and locales/, then the
/// fixture's files on top (as a user with their own site would have it).
pub fn fixture_site(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&project().join("themes"), &dir.path().join("themes"));
    copy_dir(&project().join("locales"), &dir.path().join("locales"));
    copy_dir(&project().join("tests/fixtures").join(name), dir.path());
    dir
}

/// A temporary copy of the sample site (content, locales, themes).
pub fn sample_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for part in ["content", "locales", "themes"] {
        copy_dir(&project().join(part), &dir.path().join(part));
    }
    dir
}

/// Builds `root` into `root/output`.
pub fn build(root: &Path, allow_missing: bool) -> BuildOutcome {
    build::run(&BuildOptions {
        root: root.to_path_buf(),
        out: root.join("output"),
        allow_missing,
        write: true,
        pdf: false,
    })
}

/// Builds `root` into `root/output` with the PDFs.
pub fn build_with_pdf(root: &Path) -> BuildOutcome {
    build::run(&BuildOptions {
        root: root.to_path_buf(),
        out: root.join("output"),
        allow_missing: false,
        write: true,
        pdf: true,
    })
}

/// Every diagnostic on one line each: `file:line:col: error: message`,
/// then ` — help: …` when it has a help line (so a test can assert the
/// words of the fix).
pub fn messages(outcome: &BuildOutcome) -> Vec<String> {
    outcome
        .diags
        .sorted()
        .iter()
        .map(|d| match &d.help {
            Some(help) => format!("{} — help: {help}", render_short(d, &outcome.sources)),
            None => render_short(d, &outcome.sources),
        })
        .collect()
}

/// Asserts some diagnostic line contains every one of `parts`.
pub fn assert_diag(outcome: &BuildOutcome, parts: &[&str]) {
    let msgs = messages(outcome);
    assert!(
        msgs.iter().any(|m| parts.iter().all(|p| m.contains(p))),
        "no diagnostic contains {parts:?}; got:\n{}",
        msgs.join("\n")
    );
}

/// Reads an output file as text.
pub fn read(root: &Path, path: &str) -> String {
    fs::read_to_string(root.join("output").join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every file under `dir`, as `/`-separated paths relative to it, sorted.
pub fn files_under(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.unwrap();
        // The marker that says a folder is impact's output is not a file
        // of the site (it is not listed or counted in the summary).
        let marker = entry.depth() == 1 && entry.file_name() == impact::publish::MARKER;
        if entry.file_type().is_file() && !marker {
            let rel = entry.path().strip_prefix(dir).unwrap();
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
    out
}

/// The `href` values of `<a>` elements with the given class context, by
/// plain text search (the output is ours and regular).
pub fn hrefs_in(html: &str, marker: &str) -> Vec<String> {
    let Some(start) = html.find(marker) else {
        return vec![];
    };
    let section = &html[start..];
    let end = section.find("</nav>").unwrap_or(section.len());
    section[..end]
        .split("href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(str::to_string)
        .collect()
}

/// Resolves a relative link from the page at `from` (output-relative path).
pub fn resolve(from: &str, href: &str) -> String {
    let href = href.split('#').next().unwrap_or("");
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for seg in href.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// Records a line for CI's summary of the suites (`.ci/run` sets
/// `IMPACT_TEST_COUNTS` to a file and prints it after `cargo test`); also
/// printed, for `--nocapture`.
pub fn record_count(line: &str) {
    use std::io::Write;
    println!("{line}");
    if let Some(path) = std::env::var_os("IMPACT_TEST_COUNTS") {
        if let Ok(mut f) = fs::OpenOptions::new().create(true).append(true).open(path) {
            let _ = f.write_all(format!("{line}\n").as_bytes());
        }
    }
}

/// A built copy of the sample site; fails the test with every message when
/// the sample does not build.
pub fn built_sample() -> tempfile::TempDir {
    let site = sample_site();
    let outcome = build(site.path(), false);
    assert!(
        !outcome.failed(),
        "sample site failed:\n{}",
        messages(&outcome).join("\n")
    );
    site
}

/// Every file under `dir` with its bytes, by `/`-separated path.
pub fn tree_bytes(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    files_under(dir)
        .into_iter()
        .map(|rel| {
            let bytes = fs::read(dir.join(&rel)).unwrap();
            (rel, bytes)
        })
        .collect()
}
