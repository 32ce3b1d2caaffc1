//! The preview's updates after an edit: only the pages an edit of campaign
//! files changes are rendered, and the folder served must then be exactly
//! what a whole build of the edited site makes, file for file and byte for
//! byte. Drives the preview's builder on a copy of the sample site, the
//! way `impact serve` does after each burst of file events.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use impact::serve::builds::{Builder, Builds};
use impact::serve::watch::Edits;

/// A preview of `root` with its builds under `workspace`.
fn preview(root: &Path, workspace: &Path) -> (Builder, Arc<Builds>) {
    let builds = Arc::new(Builds::new("test".into()));
    let builder = Builder::new(
        root.to_path_buf(),
        false,
        workspace.to_path_buf(),
        builds.clone(),
    );
    (builder, builds)
}

/// Asserts that the folder `builds` serves is what a whole preview build
/// of `root` makes now.
fn assert_same_as_whole_build(root: &Path, builds: &Builds) {
    let fresh = tempfile::tempdir().unwrap();
    let (mut whole, whole_builds) = preview(root, fresh.path());
    let outcome = whole.build();
    assert!(!outcome.failed(), "{:?}", common::messages(&outcome));
    let served = common::tree_bytes(&builds.current().unwrap().dir);
    let expected = common::tree_bytes(&whole_builds.current().unwrap().dir);
    let names = |m: &BTreeMap<String, Vec<u8>>| m.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(&served), names(&expected), "the same files");
    for (path, bytes) in &expected {
        assert!(served[path] == *bytes, "{path} differs from a whole build");
    }
}

fn edit(root: &Path, rel: &str, change: impl FnOnce(String) -> String) -> Edits {
    let path = root.join(rel);
    let text = fs::read_to_string(&path).unwrap();
    // As editors save: a scratch file renamed over the old one.
    let scratch = path.with_extension("md.tmp-1");
    fs::write(&scratch, change(text)).unwrap();
    fs::rename(&scratch, &path).unwrap();
    Edits {
        paths: [path, scratch].into(),
        unknown: false,
    }
}

fn page(builds: &Builds, rel: &str) -> String {
    fs::read_to_string(builds.current().unwrap().dir.join(rel)).unwrap()
}

#[test]
fn an_edit_of_campaign_files_renders_only_its_pages_and_matches_a_whole_build() {
    let site = common::sample_site();
    let root: PathBuf = site.path().canonicalize().unwrap();
    // Bali's story shows a figure of another campaign: its page depends on
    // that campaign's campaign.yaml too.
    for lang in ["en", "lt"] {
        let story = format!("content/campaigns/bali/story.{lang}.md");
        edit(&root, &story, |t| {
            t + "\n{{ metric(key=\"reach\", campaign=\"lithuanian-communities\", audience=\"lithuania\") }}\n"
        });
    }
    let workspace = tempfile::tempdir().unwrap();
    let (mut builder, builds) = preview(&root, workspace.path());
    let first = builder.build();
    assert!(!first.failed(), "{:?}", common::messages(&first));
    let whole_pages = first.pages;
    let bali = "en/impact-2019-2020/bali/index.html";
    assert!(page(&builds, bali).contains("515,839"));

    // A figure of one campaign changes: its pages, its reports and the
    // page of the campaign that shows it.
    let edits = edit(
        &root,
        "content/campaigns/lithuanian-communities/campaign.yaml",
        |t| t.replace("reach: 515839", "reach: 515840"),
    );
    let outcome = builder.rebuild(&edits).expect("an update");
    assert!(!outcome.failed(), "{:?}", common::messages(&outcome));
    assert!(outcome.partial, "only the campaign's pages");
    assert!(
        outcome.pages < whole_pages,
        "{} of {whole_pages}",
        outcome.pages
    );
    assert!(page(&builds, bali).contains("515,840"));
    assert_same_as_whole_build(&root, &builds);

    // A story changes.
    let edits = edit(&root, "content/campaigns/bali/story.lt.md", |t| {
        t + "\nNaujas sakinys apie žiūrovų skaičių.\n"
    });
    let outcome = builder.rebuild(&edits).expect("an update");
    assert!(outcome.partial && !outcome.failed());
    assert!(page(&builds, "lt/impact-2019-2020/bali/index.html").contains("Naujas sakinys"));
    assert_same_as_whole_build(&root, &builds);
}

#[test]
fn a_broken_edit_keeps_the_last_good_pages_and_its_fix_brings_them_up_to_date() {
    let site = common::sample_site();
    let root: PathBuf = site.path().canonicalize().unwrap();
    let workspace = tempfile::tempdir().unwrap();
    let (mut builder, builds) = preview(&root, workspace.path());
    assert!(!builder.build().failed());
    let generation = builds.current().unwrap().generation;
    let yaml = "content/campaigns/bali/campaign.yaml";
    let story = "content/campaigns/bali/story.en.md";
    let bali = "en/impact-2019-2020/bali/index.html";
    let before = page(&builds, bali);

    // The story changes and the YAML breaks in the same save burst.
    let mut edits = edit(&root, story, |t| t + "\nA sentence added while broken.\n");
    edits
        .paths
        .extend(edit(&root, yaml, |t| t.replacen("name:", "name: [", 1)).paths);
    let outcome = builder.rebuild(&edits).expect("an update");
    assert!(outcome.failed() && outcome.partial);
    let messages = common::messages(&outcome);
    assert!(
        messages.iter().any(|m| m.contains("bali/campaign.yaml")),
        "{messages:?}"
    );
    assert_eq!(builds.current().unwrap().generation, generation);
    assert!(!builds.status().ok);
    assert_eq!(page(&builds, bali), before, "the last good page is served");

    // The fix is an edit of the YAML alone; the story edited while broken
    // shows too.
    let edits = edit(&root, yaml, |t| t.replacen("name: [", "name:", 1));
    let outcome = builder.rebuild(&edits).expect("an update");
    assert!(!outcome.failed(), "{:?}", common::messages(&outcome));
    assert!(builds.status().ok);
    assert!(page(&builds, bali).contains("A sentence added while broken."));
    assert_same_as_whole_build(&root, &builds);
}

#[test]
fn other_edits_build_the_whole_site_and_scratch_files_build_nothing() {
    let site = common::sample_site();
    let root: PathBuf = site.path().canonicalize().unwrap();
    let workspace = tempfile::tempdir().unwrap();
    let (mut builder, builds) = preview(&root, workspace.path());
    assert!(!builder.build().failed());

    let edits = edit(&root, "content/reports/impact-2019-2020/index.en.md", |t| {
        t + "\nOne more line in the introduction.\n"
    });
    let outcome = builder.rebuild(&edits).expect("a build");
    assert!(!outcome.failed() && !outcome.partial, "a whole build");
    assert_same_as_whole_build(&root, &builds);

    let gone = Edits {
        paths: [root.join("content/campaigns/bali/.story.en.md.tmp-2")].into(),
        unknown: false,
    };
    assert!(builder.rebuild(&gone).is_none(), "nothing to build");
}
