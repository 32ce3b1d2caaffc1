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

/// Files that mark a folder as impact's output (so we never replace a
/// folder of someone's documents given by mistake as `--out`).
const MARKERS: &[&str] = &["sitemap.xml", "404.html"];

/// Checks that `out` may be replaced: not the site root or above it, not
/// one of its source folders, and either absent, empty or a previous build.
pub fn check_out_dir(root: &Path, out: &Path) -> Result<(), PublishError> {
    let refuse = |why: &str| PublishError::Refused {
        path: out.to_path_buf(),
        why: why.to_string(),
    };
    let root_abs = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let out_abs = absolute(out);
    if root_abs.starts_with(&out_abs) {
        return Err(refuse(
            "it contains the site's own files; use a folder such as output/",
        ));
    }
    for src in ["content", "locales", "themes"] {
        if out_abs.starts_with(root_abs.join(src)) {
            return Err(refuse(
                "it is inside the site's sources; use a folder such as output/",
            ));
        }
    }
    if out_abs.is_dir() {
        let mut entries = fs::read_dir(&out_abs).map_err(io(out))?;
        let empty = entries.next().is_none();
        let ours = MARKERS.iter().all(|m| out_abs.join(m).is_file());
        if !empty && !ours {
            return Err(refuse(
                "it is not empty and was not written by impact; delete it or choose another --out",
            ));
        }
    } else if out_abs.exists() {
        return Err(refuse("it is a file, not a folder"));
    }
    Ok(())
}

fn absolute(p: &Path) -> PathBuf {
    if let Ok(c) = p.canonicalize() {
        return c;
    }
    // Not there yet: resolve its parent.
    match (p.parent(), p.file_name()) {
        (Some(parent), Some(name)) if !parent.as_os_str().is_empty() => absolute(parent).join(name),
        _ => std::env::current_dir()
            .map(|d| d.join(p))
            .unwrap_or_else(|_| p.to_path_buf()),
    }
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
    out: PathBuf,
    /// Removed when dropped, unless committed.
    dir: tempfile::TempDir,
    /// Released after `dir` is removed (fields drop in order).
    _lock: Option<fs::File>,
}

impl Staging {
    /// Starts a new tree for `out`, first undoing what a killed build left.
    pub fn new(out: &Path) -> Result<Staging, PublishError> {
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
        Ok(Staging {
            out: out.to_path_buf(),
            dir,
            _lock: lock,
        })
    }

    /// Writes one file of the new site; safe to call from many threads.
    pub fn write(&self, f: &OutputFile) -> Result<(), PublishError> {
        let path = self.dir.path().join(&f.path);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(io(parent))?;
        }
        let mut file = fs::File::create(&path).map_err(io(&path))?;
        file.write_all(&f.bytes).map_err(io(&path))
    }

    /// Swaps the new tree in for the old one.
    pub fn commit(self) -> Result<(), PublishError> {
        // The lock is held until this function returns.
        let Staging { out, dir, _lock } = self;
        let staged = dir.keep();
        if let Err(e) = swap_in(&staged, &out) {
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

/// Exchanges two paths in one step.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both paths are valid NUL-terminated strings that outlive the
    // call; renameat2 reads them and touches no other memory. Called through
    // syscall() so that it works whatever the C library's version.
    let r = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
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
    if matches!(
        e.raw_os_error(),
        Some(libc::EINVAL | libc::ENOSYS | libc::EOPNOTSUPP | libc::EPERM)
    ) {
        return true;
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
        let staging = Staging::new(out)?;
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
        let staging = Staging::new(&out).unwrap();
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

    #[test]
    fn refuses_foreign_or_enclosing_folders() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        fs::create_dir_all(root.join("content")).unwrap();
        assert!(check_out_dir(&root, &root).is_err());
        assert!(check_out_dir(&root, dir.path()).is_err());
        assert!(check_out_dir(&root, &root.join("content/out")).is_err());
        let docs = root.join("docs");
        fs::create_dir_all(&docs).unwrap();
        fs::write(docs.join("thesis.txt"), "precious").unwrap();
        assert!(check_out_dir(&root, &docs).is_err());
        assert!(check_out_dir(&root, &root.join("output")).is_ok());
    }
}
