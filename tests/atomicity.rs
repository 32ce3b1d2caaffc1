//! A build killed at any moment leaves `output/` as the whole old site or
//! the whole new one, never a mixture and never nothing; what a killed
//! build leaves beside `output/` is cleaned up by the next one. And the
//! same input always gives the same bytes, also for a site large enough
//! that pages are rendered on several threads.

#![cfg(unix)]

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

use common::*;

/// Campaigns added to the sample site: enough that a build writes a few
/// hundred files and takes most of a second, so kills land in every phase.
const EXTRA_CAMPAIGNS: usize = 120;

/// How many builds are killed.
const KILLS: usize = 12;

/// The sample site with `EXTRA_CAMPAIGNS` copies of the Bali campaign, all
/// in the 2019–2020 report.
fn big_site() -> tempfile::TempDir {
    let site = sample_site();
    let root = site.path();
    let campaigns = root.join("content/campaigns");
    let mut slugs = String::new();
    for i in 0..EXTRA_CAMPAIGNS {
        let slug = format!("bali-{i:03}");
        copy_dir(&campaigns.join("bali"), &campaigns.join(&slug));
        slugs.push_str(&format!("  - {slug}\n"));
    }
    let report = root.join("content/reports/impact-2019-2020/report.yaml");
    let text = fs::read_to_string(&report).unwrap();
    let text = text.replacen("campaigns:\n", &format!("campaigns:\n{slugs}"), 1);
    fs::write(&report, text).unwrap();
    site
}

/// The two versions of the site the kill test switches between: they
/// differ in the site title, so every page differs.
fn set_version(root: &Path, version: char) {
    let path = root.join("content/site.yaml");
    let text = fs::read_to_string(&path).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let en_title = lines
        .iter()
        .position(|l| l.starts_with("  en: \"STOP THE TRAFFIK impact reports"))
        .expect("the sample site.yaml has an English title");
    lines[en_title] = format!("  en: \"STOP THE TRAFFIK impact reports ({version})\"");
    fs::write(&path, lines.join("\n") + "\n").unwrap();
}

/// A hash of a whole tree: every file's path and bytes, in order.
fn tree_hash(dir: &Path) -> String {
    let mut hasher = Sha256::new();
    for f in files_under(dir) {
        let bytes = fs::read(dir.join(&f)).unwrap();
        hasher.update(f.as_bytes());
        hasher.update([0]);
        hasher.update((bytes.len() as u64).to_le_bytes());
        hasher.update(&bytes);
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Entries beside `out` other than `out` itself (staging folders, old
/// trees being removed).
fn leftovers(out: &Path) -> Vec<String> {
    let name = out.file_name().unwrap();
    fs::read_dir(out.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n != name)
        .map(|n| n.to_string_lossy().into_owned())
        .collect()
}

fn build_cmd(root: &Path, out: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_impact"));
    // PDFs left out: a 120-campaign report makes a long PDF, and what is
    // tested here is how the output is swapped in, not what is in it.
    cmd.args(["build", "--no-pdf", "--root"])
        .arg(root)
        .arg("--out")
        .arg(out)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

fn build_whole(root: &Path, out: &Path) -> Duration {
    let started = Instant::now();
    let status = build_cmd(root, out).status().unwrap();
    assert!(status.success(), "the site must build");
    started.elapsed()
}

#[test]
fn killed_builds_leave_the_old_or_the_new_site() {
    let site = big_site();
    let root = site.path();
    // The output in a folder of its own, so that everything beside it is
    // something a build left there.
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("output");

    set_version(root, 'A');
    build_whole(root, &out);
    let hash_a = tree_hash(&out);
    set_version(root, 'B');
    let whole = build_whole(root, &out);
    let hash_b = tree_hash(&out);
    assert_ne!(hash_a, hash_b);
    let files = files_under(&out).len();

    // Kill moments spread from the start of a build to a little past the
    // time a whole build took, denser towards the end where the files are
    // written and swapped in.
    let (mut old, mut new, mut completed, mut max_leftovers) = (0, 0, 0, 0);
    for i in 0..KILLS {
        let current = tree_hash(&out);
        let (next, next_hash) = if current == hash_a {
            ('B', &hash_b)
        } else {
            ('A', &hash_a)
        };
        set_version(root, next);
        let x = (i as f64 + 0.5) / KILLS as f64;
        let delay = whole.mul_f64(1.15 * x.sqrt());
        let mut child = build_cmd(root, &out).spawn().unwrap();
        std::thread::sleep(delay);
        // SIGKILL: no destructors, no cleanup.
        let _ = child.kill();
        let status = child.wait().unwrap();

        let after = tree_hash(&out);
        assert!(
            after == hash_a || after == hash_b,
            "kill {i} after {delay:?}: output/ is neither the old nor the new site"
        );
        if status.success() {
            assert_eq!(
                &after, next_hash,
                "a finished build must leave the new site"
            );
            completed += 1;
        } else if after == current {
            old += 1;
        } else {
            new += 1;
        }
        // A build removes what earlier killed builds left, so at most the
        // last one's staging folder is there.
        let left = leftovers(&out);
        assert!(left.len() <= 1, "kill {i}: leftovers pile up: {left:?}");
        max_leftovers = max_leftovers.max(left.len());
    }

    // The next whole build cleans up and leaves the new site, whole.
    let target = if tree_hash(&out) == hash_a { 'B' } else { 'A' };
    set_version(root, target);
    build_whole(root, &out);
    let expect = if target == 'A' { &hash_a } else { &hash_b };
    assert_eq!(&tree_hash(&out), expect);
    assert_eq!(leftovers(&out), Vec::<String>::new());

    record_count(&format!(
        "kill test: {KILLS} builds of {files} files killed (build {whole:.1?}): \
         {old} left the old site, {new} the new one, {completed} finished first; \
         at most {max_leftovers} leftover folder, cleaned by the next build"
    ));
    assert!(
        old > 0,
        "no kill landed before the swap; the site is too small"
    );
}

#[test]
fn a_large_site_builds_to_the_same_bytes_every_time() {
    let site = big_site();
    let root = site.path();
    let dirs = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
    let first = dirs[0].path().join("output");
    let second = dirs[1].path().join("output");
    build_whole(root, &first);
    build_whole(root, &second);
    assert_eq!(files_under(&first), files_under(&second));
    assert_eq!(tree_hash(&first), tree_hash(&second));
    // Building again over an existing output changes nothing either.
    build_whole(root, &first);
    assert_eq!(tree_hash(&first), tree_hash(&second));
}
