//! The preview is the build: every page `impact serve` serves is the page
//! `impact build` writes, but for the differences listed in one place
//! (`impact::serve::differences`, and docs/preview.md). Checked after a
//! whole preview build and after an update that rendered only the pages
//! an edit changed.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::sync::Arc;

use impact::build::{self, BuildOptions};
use impact::serve::builds::{Builder, Builds};
use impact::serve::differences::{as_previewed, DIFFERENCES};
use impact::serve::watch::Edits;

/// What `impact build --no-pdf` writes for `root` now.
fn built(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let out = tempfile::tempdir().unwrap();
    let outcome = build::run(&BuildOptions {
        root: root.to_path_buf(),
        out: out.path().join("output"),
        allow_missing: false,
        write: true,
        pdf: false,
    });
    assert!(!outcome.failed(), "{:?}", common::messages(&outcome));
    common::tree_bytes(&out.path().join("output"))
}

/// A report's downloads: `<lang>/<report>/<report>.html` (and `.pdf`,
/// and its open data, `.zip` and `.xlsx`).
fn is_download(path: &str) -> bool {
    let parts: Vec<&str> = path.split('/').collect();
    matches!(parts.as_slice(), [_, report, file]
        if ["html", "pdf", "zip", "xlsx"].iter().any(|ext| *file == format!("{report}.{ext}")))
}

fn assert_preview_is_the_build(served: &Path, root: &Path) {
    let built = built(root);
    let served = common::tree_bytes(served);
    let expected: Vec<&String> = built.keys().filter(|p| !is_download(p)).collect();
    assert_eq!(
        served.keys().collect::<Vec<_>>(),
        expected,
        "the same files, but for the downloads"
    );
    let mut pages = 0;
    for (path, bytes) in &built {
        if is_download(path) {
            continue;
        }
        if path.ends_with(".html") {
            let built = as_previewed(&String::from_utf8_lossy(bytes));
            let shown = String::from_utf8_lossy(&served[path]);
            assert!(
                shown == built,
                "{path}: the preview differs from the build beyond the listed differences\n--- preview\n{shown}\n--- build\n{built}"
            );
            pages += 1;
        } else {
            assert!(served[path] == *bytes, "{path} differs");
        }
    }
    assert!(pages >= 20, "only {pages} pages compared");
}

#[test]
fn every_preview_page_is_the_built_page_after_a_build_and_after_an_update() {
    assert_eq!(DIFFERENCES.len(), 4);
    let site = common::sample_site();
    let root = site.path().canonicalize().unwrap();
    // Files published as they are, served by the preview as well.
    fs::create_dir_all(root.join("static/downloads")).unwrap();
    fs::write(root.join("static/CNAME"), "impact.example.org\n").unwrap();
    fs::write(
        root.join("static/downloads/leaflet.pdf"),
        b"%PDF-1.4 \xff\x00",
    )
    .unwrap();
    let workspace = tempfile::tempdir().unwrap();
    let builds = Arc::new(Builds::new("test".into()));
    let mut preview = Builder::new(
        root.clone(),
        false,
        workspace.path().to_path_buf(),
        builds.clone(),
    );
    let outcome = preview.build();
    assert!(!outcome.failed(), "{:?}", common::messages(&outcome));
    let served = builds.current().unwrap().dir.clone();
    assert!(
        served.join("CNAME").is_file(),
        "the static files are served"
    );
    assert_preview_is_the_build(&served, &root);

    // An edit of a story: the preview renders only the pages it changes.
    let path = root.join("content/campaigns/bali/story.en.md");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        format!("{text}\nOne more sentence, added in the preview.\n"),
    )
    .unwrap();
    let outcome = preview
        .rebuild(&Edits {
            paths: [path].into(),
            unknown: false,
        })
        .expect("an update");
    assert!(!outcome.failed(), "{:?}", common::messages(&outcome));
    assert!(outcome.partial, "only the changed pages were rendered");
    assert_preview_is_the_build(&builds.current().unwrap().dir, &root);
}
