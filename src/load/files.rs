//! Reading files from the site root, and nothing outside it: links that lead
//! out of the root, link loops, non-UTF-8 text and oversized files become
//! diagnostics instead of surprises. Every text read is added to the
//! [`SourceMap`] so later messages can quote it.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::{display_name, line_col, FileId, SourceMap, Span};

/// Largest file the loader reads. Content files are small; anything larger
/// is almost certainly a mistake (a video dropped into `content/`).
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// Reads files under one root, recording them and any problems.
pub struct Reader {
    root: PathBuf,
    canonical_root: PathBuf,
    /// Every text file read.
    pub sources: SourceMap,
    /// Problems found while reading.
    pub diags: Diagnostics,
    /// Files read ahead on every core (see [`Reader::prefetch`]), each
    /// taken once by [`Reader::read_bytes`].
    prefetched: HashMap<PathBuf, Fetched>,
}

/// A file's bytes, or why they cannot be used: the message and the help.
type Fetched = Result<Vec<u8>, (String, &'static str)>;

const HELP_OUTSIDE: &str =
    "keep every file of the site inside its folder; copy the file in instead of linking to it";
const HELP_TOO_LARGE: &str =
    "content files are text; put large media on another server and link to it";
const HELP_UNREADABLE: &str = "check that the file exists and can be read";

impl Reader {
    /// A reader for `root` (which must exist).
    pub fn new(root: &Path) -> std::io::Result<Reader> {
        Ok(Reader {
            root: root.to_path_buf(),
            canonical_root: root.canonicalize()?,
            sources: SourceMap::default(),
            diags: Diagnostics::default(),
            prefetched: HashMap::new(),
        })
    }

    /// The site root as given.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// `path` relative to the root, for messages.
    pub fn name(&self, path: &Path) -> String {
        display_name(&self.root, path)
    }

    /// An error about a file we could not read as text; the file is added to
    /// the source map (empty) so the message can name it.
    fn fail(&mut self, path: &Path, message: String, help: &str) -> Option<(FileId, String)> {
        let id = self.sources.add(self.name(path), String::new());
        self.diags
            .push(Diagnostic::error(Span::file(id), message).help(help));
        None
    }

    /// Reads `paths` ahead, on every core: thousands of small files read
    /// one after the other (each with its checks) kept a core idle. What
    /// they hold, or why they cannot be read, is reported when
    /// [`Reader::read_bytes`] asks for them, in the loader's order, so file
    /// ids and messages are the same as without reading ahead.
    pub fn prefetch(&mut self, paths: Vec<PathBuf>) {
        use rayon::prelude::*;
        let fetched: Vec<(PathBuf, Fetched)> = paths
            .into_par_iter()
            .map(|path| {
                let fetched = self.fetch(&path);
                (path, fetched)
            })
            .collect();
        self.prefetched.extend(fetched);
    }

    /// Reads a file's bytes after checking it stays inside the root.
    pub fn read_bytes(&mut self, path: &Path) -> Option<Vec<u8>> {
        let fetched = match self.prefetched.remove(path) {
            Some(fetched) => fetched,
            None => self.fetch(path),
        };
        match fetched {
            Ok(bytes) => Some(bytes),
            Err((message, help)) => {
                self.fail(path, message, help);
                None
            }
        }
    }

    /// A file's bytes, if it stays inside the root and is not too large.
    fn fetch(&self, path: &Path) -> Fetched {
        let name = self.name(path);
        self.check_inside_root(path)
            .map_err(|msg| (msg, HELP_OUTSIDE))?;
        match fs::metadata(path) {
            Ok(m) if m.len() > MAX_FILE_BYTES => {
                return Err((
                    format!(
                        "{name} is too large ({} MB; the limit is {} MB)",
                        m.len() / 1_000_000,
                        MAX_FILE_BYTES / 1_000_000
                    ),
                    HELP_TOO_LARGE,
                ))
            }
            Ok(_) => {}
            Err(e) => return Err((format!("failed to read {name} ({e})"), HELP_UNREADABLE)),
        }
        fs::read(path).map_err(|e| (format!("failed to read {name} ({e})"), HELP_UNREADABLE))
    }

    /// Reads a UTF-8 text file and adds it to the source map.
    pub fn read_text(&mut self, path: &Path) -> Option<(FileId, String)> {
        let bytes = self.read_bytes(path)?;
        let name = self.name(path);
        match String::from_utf8(bytes) {
            Ok(mut text) => {
                if text.starts_with('\u{feff}') {
                    text.remove(0);
                }
                // Windows line endings would shift columns and leak into output.
                if text.contains('\r') {
                    text = text.replace("\r\n", "\n");
                }
                let id = self.sources.add(name, text.clone());
                Some((id, text))
            }
            Err(e) => {
                let valid = e.utf8_error().valid_up_to();
                let good = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
                let (line, col) = line_col(&good, good.len());
                let mut text = String::from_utf8_lossy(e.as_bytes()).into_owned();
                text.truncate(text.len().min(1 << 20));
                let id = self.sources.add(name.clone(), text);
                self.diags.push(
                    Diagnostic::error(
                        Span::at(id, line, col),
                        format!("{name} is not valid UTF-8 text"),
                    )
                    .help("save the file as UTF-8 (in most editors: File > Save with encoding > UTF-8)"),
                );
                None
            }
        }
    }

    /// Fails when `path` is a link that leads outside the root or cannot be
    /// followed (a loop, a dangling link).
    fn check_inside_root(&self, path: &Path) -> Result<(), String> {
        let name = self.name(path);
        match path.canonicalize() {
            Ok(real) if real.starts_with(&self.canonical_root) => Ok(()),
            Ok(_) => Err(format!("{name} points outside the site root")),
            Err(e) => Err(format!("{name} cannot be followed ({e})")),
        }
    }

    /// The entries of `dir`, sorted by name, skipping hidden ones. Links to
    /// folders are reported, not followed.
    pub fn list_dir(&mut self, dir: &Path) -> Vec<PathBuf> {
        let mut out = Vec::new();
        let entries = match fs::read_dir(dir) {
            Ok(e) => e,
            Err(_) => return out,
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            out.push(entry.path());
        }
        out.sort();
        out
    }

    /// Whether `path` is a folder reached without a link; links to folders
    /// are reported once here.
    pub fn is_real_dir(&mut self, path: &Path) -> bool {
        match fs::symlink_metadata(path) {
            Ok(m) if m.file_type().is_symlink() => {
                if path.is_dir() || path.canonicalize().is_err() {
                    let name = self.name(path);
                    let id = self.sources.add(name.clone(), String::new());
                    self.diags.push(
                        Diagnostic::error(Span::file(id), format!("{name} is a link to a folder"))
                            .help(
                                "links to folders are not followed: move the folder here instead",
                            ),
                    );
                }
                false
            }
            Ok(m) => m.is_dir(),
            Err(_) => false,
        }
    }
}
