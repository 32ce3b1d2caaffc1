//! The fuzz targets' checks (fuzz/checks.rs) on every seed of
//! fuzz/corpus/<target>/ and every input a fuzzer once found a bug with,
//! kept in fuzz/regressions/<target>/, so a fixed crash stays fixed without
//! a nightly toolchain or cargo-fuzz.

#[path = "../fuzz/checks.rs"]
mod checks;
mod common;

use std::fs;
use std::path::PathBuf;

/// The files of `fuzz/<kind>/<target>/` (seeds only in the corpus, which
/// libFuzzer also fills with its own finds when run locally).
fn inputs(kind: &str, target: &str) -> Vec<PathBuf> {
    let dir = common::project().join("fuzz").join(kind).join(target);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| {
        let name = p.file_name().unwrap_or_default().to_string_lossy();
        p.is_file() && (kind != "corpus" || name.starts_with("seed-"))
    });
    files.sort();
    files
}

fn run_all(target: &str, check: fn(&[u8])) {
    let seeds = inputs("corpus", target);
    assert!(!seeds.is_empty(), "fuzz/corpus/{target} has no seeds");
    let found = inputs("regressions", target);
    for path in seeds.iter().chain(&found) {
        let data = fs::read(path).unwrap();
        let outcome = std::panic::catch_unwind(|| check(&data));
        assert!(outcome.is_ok(), "{target}: {} fails", path.display());
    }
    common::record_count(&format!(
        "fuzz regressions {target}: {} seeds and {} kept finds pass",
        seeds.len(),
        found.len()
    ));
}

#[test]
fn markdown_page_inputs() {
    run_all("markdown_page", checks::markdown_page);
}

#[test]
fn campaign_yaml_inputs() {
    run_all("campaign_yaml", checks::campaign_yaml);
}

#[test]
fn fluent_locales_inputs() {
    run_all("fluent_locales", checks::fluent_locales);
}
