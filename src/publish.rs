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

/// Writes `files` into `out`, replacing what was there only once every file
/// has been written.
pub fn publish(files: &[OutputFile], out: &Path) -> Result<(), PublishError> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(io(&parent))?;
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    let staging = tempfile::Builder::new()
        .prefix(&format!(".{name}.new-"))
        .tempdir_in(&parent)
        .map_err(io(&parent))?;
    for f in files {
        let path = staging.path().join(&f.path);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(io(dir))?;
        }
        let mut file = fs::File::create(&path).map_err(io(&path))?;
        file.write_all(&f.bytes).map_err(io(&path))?;
    }
    // Swap: the old output moves aside, the new one takes its name, the old
    // one is removed. Between the two renames `out` is briefly absent, but
    // never half-written.
    let staged = staging.keep();
    if out.exists() {
        let old = tempfile::Builder::new()
            .prefix(&format!(".{name}.old-"))
            .tempdir_in(&parent)
            .map_err(io(&parent))?
            .keep();
        fs::remove_dir(&old).map_err(io(&old))?;
        fs::rename(out, &old).map_err(io(out))?;
        if let Err(e) = fs::rename(&staged, out) {
            // Put the old site back rather than leave nothing.
            let _ = fs::rename(&old, out);
            return Err(PublishError::Io {
                path: out.to_path_buf(),
                source: e,
            });
        }
        fs::remove_dir_all(&old).map_err(io(&old))?;
    } else {
        fs::rename(&staged, out).map_err(io(out))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
