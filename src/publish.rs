//! Writing the built site: everything goes into a fresh folder beside the
//! output, and only when all of it is written is it swapped in for the old
//! output. A failed or killed build leaves the previous output as it was.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::render::OutputFile;

/// Why the output could not be written.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    /// The output folder is one we must not replace.
    #[error("refusing to write the site to {path}: {why}")]
    Refused {
        /// The folder.
        path: PathBuf,
        /// Why.
        why: String,
    },
    /// The file system said no.
    #[error("failed to write {path} ({source})")]
    Io {
        /// What we were writing.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> PublishError + '_ {
    move |source| PublishError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The file every build writes at the top of its output, so that a later
/// build knows the folder is impact's to replace. Its one line names the
/// format, so a future change of layout can be told apart.
pub const MARKER: &str = ".impact-output";
/// What [`MARKER`] holds.
const MARKER_TEXT: &str = "impact-output 1\n";

/// Top-level names an impact build wrote before it wrote [`MARKER`]: a
/// folder holding only these (and the two files every such build wrote)
/// is taken for an old build and gets the marker.
const OLD_FILES: &[&str] = &["index.html", "404.html", "sitemap.xml"];

/// The output folder, resolved to where it really is and judged there: the
/// path that is checked is the path that is written and swapped, so no `..`
/// or link can make the check look at one folder and the build replace
/// another.
#[derive(Debug, Clone)]
pub struct OutDir {
    /// The site root's real path.
    root: PathBuf,
    /// The output folder: absolute, without `.`, `..` or links.
    path: PathBuf,
}

impl OutDir {
    /// Resolves `out` (relative to the working folder) and checks that a
    /// build may replace it: not the site root or above it, not inside the
    /// site's sources or a hidden folder of the site, and either absent,
    /// empty, holding only `.gitkeep`, or a previous build.
    pub fn resolve(root: &Path, out: &Path) -> Result<OutDir, PublishError> {
        let refused = |why: String| PublishError::Refused {
            path: out.to_path_buf(),
            why,
        };
        let root = root.canonicalize().map_err(io(root))?;
        let path =
            resolve_path(out).map_err(|e| refused(format!("its place cannot be found ({e})")))?;
        let dir = OutDir { root, path };
        dir.judge().map_err(|why| refused(why.to_string()))?;
        Ok(dir)
    }

    /// Where the site goes.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Why the folder must not be replaced, if it must not.
    fn judge(&self) -> Result<(), &'static str> {
        let (root, out) = (&self.root, &self.path);
        if root.starts_with(out) {
            return Err("it contains the site's own files; use a folder such as output/");
        }
        if let Ok(inside) = out.strip_prefix(root) {
            let first = inside.components().next();
            let source = ["content", "locales", "themes"]
                .iter()
                .any(|src| first.is_some_and(|c| c.as_os_str() == *src));
            if source {
                return Err("it is inside the site's sources; use a folder such as output/");
            }
            let hidden = inside
                .components()
                .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
            if hidden {
                return Err(
                    "it is inside a hidden folder of the site; use a folder such as output/",
                );
            }
        }
        match fs::symlink_metadata(out) {
            Err(_) => Ok(()),
            Ok(m) if m.is_dir() => match previous_build(out) {
                true => Ok(()),
                false => Err(
                    "it holds files impact did not write, and a build replaces the whole folder; \
                     choose a new or empty folder with --out (or move those files away)",
                ),
            },
            Ok(_) => Err("it is a file, not a folder; choose a folder with --out"),
        }
    }
}

/// `p` made absolute and resolved as the system will resolve it once the
/// missing folders on the way are made: every part that exists is replaced
/// by its real path (links followed), and a `..` after a part that does
/// not exist removes that part.
fn resolve_path(p: &Path) -> std::io::Result<PathBuf> {
    use std::path::Component;
    let abs = match p.is_absolute() {
        true => p.to_path_buf(),
        false => std::env::current_dir()?.join(p),
    };
    let mut resolved = PathBuf::new();
    for part in abs.components() {
        match part {
            Component::Prefix(_) | Component::RootDir => resolved.push(part.as_os_str()),
            Component::CurDir => {}
            Component::ParentDir => {
                resolved.pop();
            }
            Component::Normal(name) => {
                resolved.push(name);
                match fs::symlink_metadata(&resolved) {
                    Ok(_) => resolved = resolved.canonicalize()?,
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                    Err(e) => return Err(e),
                }
            }
        }
    }
    Ok(resolved)
}

/// Whether the folder `dir` may be replaced by a build: it is empty, holds
/// only `.gitkeep`, carries impact's [`MARKER`], or is an output written by
/// an impact from before the marker (its two signature files and nothing
/// at the top that impact does not write).
fn previous_build(dir: &Path) -> bool {
    let Ok(entries) = fs::read_dir(dir) else {
        return false;
    };
    let names: Vec<(String, bool)> = entries
        .flatten()
        .map(|e| {
            let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
            (e.file_name().to_string_lossy().into_owned(), is_dir)
        })
        .collect();
    if names.iter().all(|(name, _)| name == ".gitkeep") {
        return true;
    }
    if marked(dir) {
        return true;
    }
    let signed = ["sitemap.xml", "404.html"]
        .iter()
        .all(|f| names.iter().any(|(name, is_dir)| name == f && !is_dir));
    signed
        && names.iter().all(|(name, is_dir)| match is_dir {
            true => name == "assets" || is_language_folder(name),
            false => OLD_FILES.contains(&name.as_str()),
        })
}

/// Whether `dir` holds impact's marker file (a regular file, not a link).
fn marked(dir: &Path) -> bool {
    let path = dir.join(MARKER);
    if !fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
        return false;
    }
    let mut head = [0u8; 32];
    let n = fs::File::open(&path)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
        .unwrap_or(0);
    head[..n].starts_with(b"impact-output ")
}

/// A folder an old build made for a language: `en`, `lt`, `pt-br`.
fn is_language_folder(name: &str) -> bool {
    let (lang, region) = name.split_once('-').unwrap_or((name, ""));
    (2..=3).contains(&lang.len())
        && lang.bytes().all(|b| b.is_ascii_lowercase())
        && region.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// A new site being written beside `out`, file by file as the build makes
/// them, so the build never holds the whole site in memory.
///
/// At every instant `out` is a whole site, the old one or the new one, even
/// if the process is killed: the new tree is written into a staging folder
/// beside `out` and then exchanged with it in one step (Linux
/// `renameat2(RENAME_EXCHANGE)`). Where that is not available, the old tree
/// is renamed aside and the new one takes its name; a kill between the two
/// renames is undone by the next run, which puts the old tree back before
/// anything else. Builds into the same folder take turns (a lock on the
/// folder that holds `out`, held from [`Staging::new`] until the staging
/// is committed or dropped), so leftovers of a killed build are known to be
/// stale and are removed. Dropping a staging without committing it (a
/// build that found errors) removes it and leaves `out` untouched.
pub struct Staging {
    out: OutDir,
    /// Removed when dropped, unless committed.
    dir: tempfile::TempDir,
    /// Folders of the new tree already made: a site's files share a few
    /// folders, and asking the system for each file's folder cost a build
    /// of a thousand campaigns 8000 `mkdir` and `stat` calls.
    folders: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
    /// Released after `dir` is removed (fields drop in order).
    _lock: Option<fs::File>,
}

impl Staging {
    /// Starts a new tree for `out`, first undoing what a killed build left.
    pub fn new(out_dir: &OutDir) -> Result<Staging, PublishError> {
        let out = out_dir.path();
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent).map_err(io(&parent))?;
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "output".into());
        // Released by the system if the process is killed.
        let lock = lock_folder(&parent);
        if lock.is_some() {
            recover(&parent, &name, out)?;
        }
        let dir = tempfile::Builder::new()
            .prefix(&format!("{}{STAGING}", hidden(&name)))
            .tempdir_in(&parent)
            .map_err(io(&parent))?;
        let marker = dir.path().join(MARKER);
        fs::write(&marker, MARKER_TEXT).map_err(io(&marker))?;
        Ok(Staging {
            out: out_dir.clone(),
            dir,
            folders: Default::default(),
            _lock: lock,
        })
    }

    /// Writes one file of the new site; safe to call from many threads.
    pub fn write(&self, f: &OutputFile) -> Result<(), PublishError> {
        let path = self.dir.path().join(&f.path);
        if let Some(parent) = path.parent() {
            let known = |folders: &std::collections::HashSet<PathBuf>| folders.contains(parent);
            // A poisoned lock only means another write panicked: the set
            // is still right.
            let folders = || self.folders.lock().unwrap_or_else(|e| e.into_inner());
            if !known(&folders()) {
                fs::create_dir_all(parent).map_err(io(parent))?;
                folders().insert(parent.to_path_buf());
            }
        }
        let mut file = fs::File::create(&path).map_err(io(&path))?;
        file.write_all(&f.bytes).map_err(io(&path))
    }

    /// Swaps the new tree in for the old one.
    pub fn commit(self) -> Result<(), PublishError> {
        // The lock is held until this function returns.
        let Staging {
            out, dir, _lock, ..
        } = self;
        // Judged again just before the swap: the folder may have changed
        // while the site was being built.
        out.judge().map_err(|why| PublishError::Refused {
            path: out.path().to_path_buf(),
            why: why.to_string(),
        })?;
        let staged = dir.keep();
        if let Err(e) = swap_in(&staged, out.path()) {
            let _ = fs::remove_dir_all(&staged);
            return Err(e);
        }
        Ok(())
    }
}

/// Name part of staging folders (`.output.new-XXXXXX`): a new tree being
/// written, or after the exchange the old tree being removed.
const STAGING: &str = ".new-";
/// Name part of a previous tree moved aside by the two-rename fallback.
const ASIDE: &str = ".old-";

fn hidden(name: &str) -> String {
    format!(".{name}")
}

/// Puts the staged tree at `out`; the tree that was there is removed.
fn swap_in(staged: &Path, out: &Path) -> Result<(), PublishError> {
    if fs::symlink_metadata(out).is_err() {
        return fs::rename(staged, out).map_err(io(out));
    }
    match exchange(staged, out) {
        Ok(()) => {
            // `staged` now holds the old tree. Should removing it fail, the
            // new site is in place all the same and the next run retries.
            remove_tree(staged);
            Ok(())
        }
        Err(e) if !exchange_unsupported(&e) => Err(io(out)(e)),
        Err(_) => swap_by_renames(staged, out),
    }
}

/// The fallback swap, two renames. A kill between them leaves no `out`, but
/// the old tree whole beside it, which `recover` puts back on the next run.
fn swap_by_renames(staged: &Path, out: &Path) -> Result<(), PublishError> {
    let suffix = staged
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .and_then(|n| n.rsplit_once(STAGING).map(|(_, s)| s.to_string()))
        .unwrap_or_default();
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let old = out.with_file_name(format!("{}{ASIDE}{suffix}", hidden(&name)));
    fs::rename(out, &old).map_err(io(out))?;
    if let Err(e) = fs::rename(staged, out) {
        // Put the old site back rather than leave nothing.
        let _ = fs::rename(&old, out);
        return Err(io(out)(e));
    }
    remove_tree(&old);
    Ok(())
}

/// Removes the folder `dir` and everything in it, folders side by side on
/// every core (a site of 1000 campaigns is 4000 files; removing them one
/// after the other was a twentieth of its build). Best effort: what
/// cannot be removed now is retried by the next run.
fn remove_tree(dir: &Path) {
    use rayon::prelude::*;
    // A link (an output folder that was a link to elsewhere) is removed
    // itself; what it points to is never touched.
    if !fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir()) {
        let _ = fs::remove_file(dir);
        return;
    }
    let entries: Vec<fs::DirEntry> = match fs::read_dir(dir) {
        Ok(entries) => entries.filter_map(Result::ok).collect(),
        Err(_) => return,
    };
    entries.par_iter().for_each(|entry| {
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_dir() => remove_tree(&path),
            _ => {
                let _ = fs::remove_file(&path);
            }
        }
    });
    let _ = fs::remove_dir(dir);
}

/// Exchanges two paths in one step (`renameat2` with `RENAME_EXCHANGE`,
/// through rustix's safe wrapper).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(std::io::Error::from)
}

/// Exchanges two paths in one step: not available here.
#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> std::io::Result<()> {
    Err(std::io::Error::from(std::io::ErrorKind::Unsupported))
}

/// Whether `exchange` failed because the system or file system cannot do
/// it (so the fallback may), rather than because of the paths.
fn exchange_unsupported(e: &std::io::Error) -> bool {
    #[cfg(target_os = "linux")]
    {
        use rustix::io::Errno;
        let unsupported = [Errno::INVAL, Errno::NOSYS, Errno::OPNOTSUPP, Errno::PERM];
        if Errno::from_io_error(e).is_some_and(|errno| unsupported.contains(&errno)) {
            return true;
        }
    }
    e.kind() == std::io::ErrorKind::Unsupported
}

/// Locks `dir` against other builds publishing beside it; `None` where
/// folders cannot be locked (then leftovers are not touched, as they may
/// belong to a build still running).
fn lock_folder(dir: &Path) -> Option<fs::File> {
    let file = fs::File::open(dir).ok()?;
    file.lock().ok()?;
    Some(file)
}

/// Undoes what a killed build left beside `out`: the old tree moved aside
/// when `out` is missing goes back; staging folders and old trees are
/// removed. Call only while holding the lock.
fn recover(parent: &Path, name: &str, out: &Path) -> Result<(), PublishError> {
    let staging = format!("{}{STAGING}", hidden(name));
    let aside = format!("{}{ASIDE}", hidden(name));
    let mut stale = Vec::new();
    let mut moved_aside = Vec::new();
    for entry in fs::read_dir(parent).map_err(io(parent))?.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if file_name.starts_with(&aside) {
            let modified = entry.metadata().and_then(|m| m.modified()).ok();
            moved_aside.push((modified, entry.path()));
        } else if file_name.starts_with(&staging) {
            stale.push(entry.path());
        }
    }
    if fs::symlink_metadata(out).is_err() {
        // The most recent old tree is the one the killed build moved.
        moved_aside.sort();
        if let Some((_, newest)) = moved_aside.pop() {
            fs::rename(&newest, out).map_err(io(out))?;
        }
    }
    for path in stale.iter().chain(moved_aside.iter().map(|(_, p)| p)) {
        // A leftover that cannot be removed now is retried next time.
        let _ = fs::remove_dir_all(path);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn removing_a_link_removes_the_link_and_never_what_it_points_to() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("elsewhere");
        fs::create_dir_all(target.join("sub")).unwrap();
        fs::write(target.join("sub/keep.txt"), "keep").unwrap();
        let link = dir.path().join("old-output");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        remove_tree(&link);
        assert!(fs::symlink_metadata(&link).is_err(), "the link is gone");
        assert!(
            target.join("sub/keep.txt").is_file(),
            "its target is untouched"
        );

        let tree = dir.path().join("tree");
        fs::create_dir_all(tree.join("a/b")).unwrap();
        fs::write(tree.join("a/b/c.html"), "x").unwrap();
        fs::write(tree.join("index.html"), "x").unwrap();
        std::os::unix::fs::symlink(&target, tree.join("a/link")).unwrap();
        remove_tree(&tree);
        assert!(!tree.exists(), "a folder is removed whole");
        assert!(
            target.join("sub/keep.txt").is_file(),
            "links inside are not followed"
        );
    }

    /// Writes `files` as one whole new site at `out`.
    fn publish(files: &[OutputFile], out: &Path) -> Result<(), PublishError> {
        let staging = Staging::new(&test_out(out))?;
        for f in files {
            staging.write(f)?;
        }
        staging.commit()
    }

    /// A build that fails after writing some files leaves `out` as it was
    /// and nothing beside it.
    #[test]
    fn dropped_staging_leaves_the_old_site() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        publish(&[file("index.html", "old")], &out).unwrap();
        let staging = Staging::new(&test_out(&out)).unwrap();
        staging.write(&file("index.html", "half")).unwrap();
        drop(staging);
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "old");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "staging folder left behind");
    }

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn publish_replaces_the_whole_tree() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        publish(&[file("a/index.html", "one"), file("old.html", "x")], &out).unwrap();
        publish(&[file("a/index.html", "two")], &out).unwrap();
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "two");
        assert!(!out.join("old.html").exists());
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "staging folders left behind");
    }

    #[test]
    fn fallback_swap_replaces_the_whole_tree() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        publish(&[file("a/index.html", "one"), file("old.html", "x")], &out).unwrap();
        let staged = dir.path().join(".output.new-test");
        fs::create_dir_all(staged.join("a")).unwrap();
        fs::write(staged.join("a/index.html"), "two").unwrap();
        swap_by_renames(&staged, &out).unwrap();
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "two");
        assert!(!out.join("old.html").exists());
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "old tree left behind");
        let unsupported = std::io::Error::from(std::io::ErrorKind::Unsupported);
        assert!(exchange_unsupported(&unsupported));
    }

    /// The one-step swap itself, where the system has it: both trees stay
    /// whole and trade places; an error about the paths is not taken for
    /// "unsupported" (which would hide it behind the fallback).
    #[cfg(target_os = "linux")]
    #[test]
    fn exchange_trades_two_trees_in_one_step() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        fs::create_dir_all(a.join("sub")).unwrap();
        fs::write(a.join("sub/one.html"), "one").unwrap();
        fs::create_dir_all(&b).unwrap();
        fs::write(b.join("two.html"), "two").unwrap();
        match exchange(&a, &b) {
            Ok(()) => {
                assert_eq!(fs::read_to_string(b.join("sub/one.html")).unwrap(), "one");
                assert_eq!(fs::read_to_string(a.join("two.html")).unwrap(), "two");
            }
            // A file system without RENAME_EXCHANGE (the fallback's case).
            Err(e) => assert!(exchange_unsupported(&e), "{e}"),
        }
        let missing = exchange(&dir.path().join("nothing"), &b).unwrap_err();
        assert_eq!(missing.kind(), std::io::ErrorKind::NotFound);
        assert!(!exchange_unsupported(&missing));
        let invalid = std::io::Error::from_raw_os_error(rustix::io::Errno::INVAL.raw_os_error());
        assert!(exchange_unsupported(&invalid));
    }

    #[test]
    fn kill_between_fallback_renames_is_undone_by_the_next_run() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        publish(&[file("index.html", "old")], &out).unwrap();
        // Killed after `output -> .output.old-*`, before the staged tree
        // took its name: no output, the old tree aside, a staging folder.
        fs::rename(&out, dir.path().join(".output.old-k1")).unwrap();
        fs::create_dir_all(dir.path().join(".output.new-k1/half")).unwrap();
        recover(dir.path(), "output", &out).unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "old");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("output")]);
    }

    #[test]
    fn leftovers_of_a_killed_build_are_removed_by_the_next_build() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        publish(&[file("index.html", "one")], &out).unwrap();
        fs::create_dir_all(dir.path().join(".output.new-dead/a")).unwrap();
        fs::create_dir_all(dir.path().join(".output.old-dead")).unwrap();
        fs::create_dir_all(dir.path().join(".other.new-kept")).unwrap();
        publish(&[file("index.html", "two")], &out).unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "two");
        let mut names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, vec![".other.new-kept", "output"]);
    }

    /// An [`OutDir`] for `out`, judged against a site somewhere else.
    fn test_out(out: &Path) -> OutDir {
        OutDir {
            root: PathBuf::from("/nonexistent-site-root"),
            path: resolve_path(out).unwrap(),
        }
    }

    /// A site folder with its sources, and a folder of someone's documents
    /// beside it.
    fn site_and_victim() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        fs::create_dir_all(root.join("content")).unwrap();
        let victim = dir.path().join("victim");
        fs::create_dir_all(&victim).unwrap();
        fs::write(victim.join("thesis.txt"), "precious").unwrap();
        (dir, root, victim)
    }

    #[test]
    fn refuses_foreign_or_enclosing_folders() {
        let (dir, root, victim) = site_and_victim();
        assert!(OutDir::resolve(&root, &root).is_err());
        assert!(OutDir::resolve(&root, dir.path()).is_err());
        assert!(OutDir::resolve(&root, &root.join("content/out")).is_err());
        assert!(OutDir::resolve(&root, &root.join(".git/out")).is_err());
        assert!(OutDir::resolve(&root, &victim).is_err());
        assert!(OutDir::resolve(&root, &root.join("output")).is_ok());
    }

    /// `--out site/missing/../../victim` was made absolute without
    /// resolving `..` while `missing` did not exist, passed as a new
    /// folder, and the build replaced `victim/`.
    #[test]
    fn out_with_dotdot_through_a_missing_folder_is_judged_where_it_lands() {
        let (_dir, root, victim) = site_and_victim();
        let sneaky = root.join("missing/../../victim");
        let refused = OutDir::resolve(&root, &sneaky).unwrap_err().to_string();
        assert!(refused.contains("did not write"), "{refused}");
        assert!(victim.join("thesis.txt").is_file());

        // Inside a site, `missing/../content` is the sources themselves.
        let content = root.join("missing/../content");
        let refused = OutDir::resolve(&root, &content).unwrap_err().to_string();
        assert!(refused.contains("sources"), "{refused}");

        // Where `..` leads to a new folder, that folder is the one written.
        let fine = OutDir::resolve(&root, &root.join("missing/../public")).unwrap();
        assert_eq!(fine.path(), root.canonicalize().unwrap().join("public"));
    }

    /// A folder holding only `sitemap.xml` and `404.html` counted as built
    /// by impact: a static site with those two files plus `blog/` and
    /// `CNAME` was replaced, and `blog/` and `CNAME` deleted.
    #[test]
    fn folder_with_the_old_signature_and_other_files_is_refused() {
        let (dir, root, _victim) = site_and_victim();
        let site = dir.path().join("www");
        fs::create_dir_all(site.join("blog")).unwrap();
        for f in ["sitemap.xml", "404.html", "CNAME", "blog/index.html"] {
            fs::write(site.join(f), "theirs").unwrap();
        }
        let refused = OutDir::resolve(&root, &site).unwrap_err().to_string();
        assert!(refused.contains("--out"), "{refused}");

        // An output an earlier impact wrote is taken, and marked.
        let old = dir.path().join("old-output");
        fs::create_dir_all(old.join("en/report")).unwrap();
        fs::create_dir_all(old.join("assets")).unwrap();
        for f in [
            "sitemap.xml",
            "404.html",
            "index.html",
            "en/report/index.html",
        ] {
            fs::write(old.join(f), "ours").unwrap();
        }
        let out = OutDir::resolve(&root, &old).unwrap();
        let staging = Staging::new(&out).unwrap();
        staging.write(&file("index.html", "new")).unwrap();
        staging.commit().unwrap();
        assert_eq!(fs::read_to_string(old.join(MARKER)).unwrap(), MARKER_TEXT);
        assert!(!old.join("en/report/index.html").exists());

        // A marked folder is replaced whatever it holds; an empty one, or
        // one with only .gitkeep, too.
        fs::write(old.join("extra.html"), "ours").unwrap();
        assert!(OutDir::resolve(&root, &old).is_ok());
        let keep = dir.path().join("keep");
        fs::create_dir_all(&keep).unwrap();
        assert!(OutDir::resolve(&root, &keep).is_ok());
        fs::write(keep.join(".gitkeep"), "").unwrap();
        assert!(OutDir::resolve(&root, &keep).is_ok());
        fs::write(keep.join("notes.txt"), "").unwrap();
        assert!(OutDir::resolve(&root, &keep).is_err());
    }

    /// The folder is judged again just before the swap: files put there
    /// while the site was built are not deleted.
    #[test]
    fn folder_filled_during_the_build_is_not_replaced() {
        let (dir, root, _victim) = site_and_victim();
        let out_path = dir.path().join("fresh");
        let out = OutDir::resolve(&root, &out_path).unwrap();
        let staging = Staging::new(&out).unwrap();
        staging.write(&file("index.html", "new")).unwrap();
        fs::create_dir_all(&out_path).unwrap();
        fs::write(out_path.join("report.docx"), "precious").unwrap();
        assert!(staging.commit().is_err());
        assert!(out_path.join("report.docx").is_file());
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 3, "staging folder left behind");
    }

    #[cfg(unix)]
    #[test]
    fn out_through_a_link_is_judged_at_the_link_target() {
        let (dir, root, victim) = site_and_victim();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        assert!(OutDir::resolve(&root, &link.join("../victim")).is_err());
        assert!(OutDir::resolve(&root, &link).is_err());
    }
}
