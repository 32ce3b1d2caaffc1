//! Reading files from the site root, and nothing outside it: links that lead
//! out of the root, link loops, non-UTF-8 text and oversized files become
//! diagnostics instead of surprises. Every text read is added to the
//! [`SourceMap`] so later messages can quote it.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::{display_name, line_col, FileId, SourceMap, Span, STATIC_DIR};

/// Largest file the loader reads. Content files are small; anything larger
/// is almost certainly a mistake (a video dropped into `content/`).
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// Largest file of `static/`, which is published as it is: the most a
/// file may be on GitHub Pages.
pub const MAX_STATIC_BYTES: u64 = 100 * 1000 * 1000;

/// Reads files under one root, recording them and any problems.
pub struct Reader {
    root: PathBuf,
    canonical_root: PathBuf,
    /// Every text file read.
    pub sources: SourceMap,
    /// Problems found while reading.
    pub diags: Diagnostics,
    /// Files read ahead on every core (see [`Reader::prefetch`]), each
    /// taken once by [`Reader::read_bytes`] or [`Reader::read_text`].
    prefetched: HashMap<PathBuf, Fetched>,
    /// Folders listed ahead: their entries as [`Reader::list_dir`] gives
    /// them, each with its kind as the folder tells it (no link followed).
    listed: HashMap<PathBuf, Listing>,
    /// The real paths of the folders listed ahead.
    canonical: HashMap<PathBuf, PathBuf>,
}

/// A file's contents (text when they are UTF-8, checked on the core that
/// read them), or why they cannot be used: the message and the help.
type Fetched = Result<Contents, (String, &'static str)>;

/// What a file held.
enum Contents {
    /// Valid UTF-8.
    Text(String),
    /// Anything else.
    Bytes(Vec<u8>),
}

impl Contents {
    fn of(bytes: Vec<u8>) -> Contents {
        match String::from_utf8(bytes) {
            Ok(text) => Contents::Text(text),
            Err(e) => Contents::Bytes(e.into_bytes()),
        }
    }

    fn into_bytes(self) -> Vec<u8> {
        match self {
            Contents::Text(text) => text.into_bytes(),
            Contents::Bytes(bytes) => bytes,
        }
    }
}

/// A folder's entries and their kinds, sorted by path.
type Listing = Vec<(PathBuf, Kind)>;

/// An entry of a folder, as the folder's listing tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    File,
    Dir,
    /// A link (followed only where [`Reader::fetch`] checks where it leads).
    Link,
    /// Anything else (a socket, a device, or a kind the listing did not say).
    Other,
}

impl Kind {
    fn of(entry: &fs::DirEntry) -> Kind {
        match entry.file_type() {
            Ok(t) if t.is_symlink() => Kind::Link,
            Ok(t) if t.is_dir() => Kind::Dir,
            Ok(t) if t.is_file() => Kind::File,
            _ => Kind::Other,
        }
    }
}

const HELP_OUTSIDE: &str =
    "keep every file of the site inside its folder; copy the file in instead of linking to it";
const HELP_TOO_LARGE: &str =
    "content files are text; put large media on another server and link to it";
const HELP_IMAGE_TOO_LARGE: &str =
    "export the photo smaller, e.g. as a JPEG 4000 pixels wide: the pages show it at most 1600 wide";
const HELP_STATIC_TOO_LARGE: &str =
    "hosts refuse files this large (GitHub Pages: 100 MB): make it smaller, e.g. a PDF exported for screens, or put it on another server and link to it";
const HELP_UNREADABLE: &str = "check that the file exists and can be read";
const HELP_LINK: &str = "links to files are not followed: copy the file here instead";
const HELP_NOT_REGULAR: &str =
    "only ordinary files are read: remove it, or replace it with the file it stands for";

/// The error for a pipe, a device, a socket or a folder where a file was
/// expected.
fn not_regular(name: &str) -> (String, &'static str) {
    (
        format!("{name} is not an ordinary file (a pipe, a device or a folder)"),
        HELP_NOT_REGULAR,
    )
}

/// Opens `path` for reading without following a link at its end and
/// without waiting on a pipe (which would hang the build until something
/// writes to it).
fn open_regular(path: &Path) -> std::io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    options.open(path)
}

impl Reader {
    /// A reader for `root` (which must exist).
    pub fn new(root: &Path) -> std::io::Result<Reader> {
        Ok(Reader {
            root: root.to_path_buf(),
            canonical_root: root.canonicalize()?,
            sources: SourceMap::default(),
            diags: Diagnostics::default(),
            prefetched: HashMap::new(),
            listed: HashMap::new(),
            canonical: HashMap::new(),
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

    /// Lists `dirs` and the folders in them, and reads the files of those
    /// folders that `wanted` picks, ahead and on every core: thousands of
    /// small files read one after the other (each with its checks) kept a
    /// core idle. The listings answer [`Reader::list_dir`],
    /// [`Reader::is_real_dir`] and [`Reader::is_listed`] later without
    /// asking the disk again. What the files hold, or why they cannot be
    /// read, is reported when [`Reader::read_bytes`] asks for them, in the
    /// loader's order, so file ids and messages are the same as without
    /// reading ahead.
    pub fn prefetch(&mut self, dirs: &[PathBuf], wanted: impl Fn(&Path) -> bool + Sync) {
        use rayon::prelude::*;
        for dir in dirs {
            if let Some(entries) = list(dir) {
                self.listed.insert(dir.clone(), entries);
            }
        }
        // Folders reached without a link; links are left to the loader,
        // which reports them.
        let folders: Vec<&PathBuf> = self
            .listed
            .values()
            .flatten()
            .filter(|(_, kind)| *kind == Kind::Dir)
            .map(|(path, _)| path)
            .collect();
        let listed: Vec<(PathBuf, Option<Listing>, Option<PathBuf>)> = folders
            .into_par_iter()
            .map(|folder| (folder.clone(), list(folder), folder.canonicalize().ok()))
            .collect();
        for (folder, entries, real) in listed {
            if let Some(entries) = entries {
                self.listed.insert(folder.clone(), entries);
            }
            if let Some(real) = real {
                self.canonical.insert(folder, real);
            }
        }
        let files: Vec<&PathBuf> = self
            .listed
            .iter()
            .filter(|(dir, _)| !dirs.contains(dir))
            .flat_map(|(_, entries)| entries)
            .filter(|(path, kind)| *kind != Kind::Dir && wanted(path))
            .map(|(path, _)| path)
            .collect();
        let fetched: Vec<(PathBuf, Fetched)> = files
            .into_par_iter()
            .map(|path| (path.clone(), self.fetch(path)))
            .collect();
        self.prefetched.extend(fetched);
    }

    /// Reads a file's bytes after checking it stays inside the root.
    pub fn read_bytes(&mut self, path: &Path) -> Option<Vec<u8>> {
        self.take(path).map(Contents::into_bytes)
    }

    /// A file's contents, read ahead or now; failures are reported.
    fn take(&mut self, path: &Path) -> Option<Contents> {
        let fetched = match self.prefetched.remove(path) {
            Some(fetched) => fetched,
            None => self.fetch(path),
        };
        match fetched {
            Ok(contents) => Some(contents),
            Err((message, help)) => {
                self.fail(path, message, help);
                None
            }
        }
    }

    /// What the listing of `path`'s folder says of it: `Some(None)` when
    /// the folder was listed ahead without it, `None` when the folder was
    /// not listed ahead.
    fn listed_kind(&self, path: &Path) -> Option<Option<Kind>> {
        let entries = self.listed.get(path.parent()?)?;
        Some(
            entries
                .binary_search_by(|(p, _)| p.as_path().cmp(path))
                .ok()
                .map(|i| entries[i].1),
        )
    }

    /// Whether `path` is there, as a file, a folder or a link (which need
    /// not lead anywhere): `symlink_metadata` succeeding, answered from
    /// the listings read ahead where there is one.
    pub fn is_listed(&self, path: &Path) -> bool {
        match self.listed_kind(path) {
            Some(kind) => kind.is_some(),
            None => fs::symlink_metadata(path).is_ok(),
        }
    }

    /// Whether `path` leads to something (`Path::exists`, which follows
    /// links), answered from the listings read ahead where there is one.
    pub fn exists(&self, path: &Path) -> bool {
        match self.listed_kind(path) {
            Some(None) => false,
            Some(Some(Kind::File | Kind::Dir)) => true,
            _ => path.exists(),
        }
    }

    /// A file's contents, if it is a regular file inside the root, reached
    /// without a link, and not too large.
    fn fetch(&self, path: &Path) -> Fetched {
        self.check_inside_root(path)?;
        // Names are made for messages only: this runs for every file.
        let name = || self.name(path);
        let unreadable =
            |e: std::io::Error| (format!("failed to read {} ({e})", name()), HELP_UNREADABLE);
        let mut file = open_regular(path).map_err(unreadable)?;
        // The kind of what was opened, not of what was there a moment ago.
        let meta = file.metadata().map_err(unreadable)?;
        if !meta.is_file() {
            return Err(not_regular(&name()));
        }
        // At most one byte more than the limit is read, whatever the file
        // says of its size (a device says 0).
        // Images have their own, larger limit: a camera's photo is often
        // over 8 MB, and is made smaller by the image stage. A file of
        // `static/` is published as it is (a report's PDF): a host's limit.
        let in_static = path
            .strip_prefix(&self.root)
            .is_ok_and(|p| p.starts_with(STATIC_DIR));
        let image = crate::images::is_image(&path.to_string_lossy());
        let (limit, help) = match (in_static, image) {
            (true, _) => (MAX_STATIC_BYTES, HELP_STATIC_TOO_LARGE),
            (false, true) => (crate::images::MAX_BYTES, HELP_IMAGE_TOO_LARGE),
            (false, false) => (MAX_FILE_BYTES, HELP_TOO_LARGE),
        };
        // Room for what the file says it holds (and the byte that tells it
        // grew), so that it is read in one go: grown from nothing, every
        // file was copied and its memory touched afresh at each doubling.
        let mut bytes = Vec::with_capacity(meta.len().min(limit) as usize + 1);
        std::io::Read::read_to_end(&mut std::io::Read::take(&mut file, limit + 1), &mut bytes)
            .map_err(unreadable)?;
        if bytes.len() as u64 > limit {
            return Err((
                format!("{} is too large (over {} MB)", name(), limit / 1_000_000),
                help,
            ));
        }
        Ok(Contents::of(bytes))
    }

    /// Reads a UTF-8 text file and adds it to the source map.
    pub fn read_text(&mut self, path: &Path) -> Option<(FileId, String)> {
        let id = self.read_source(path)?;
        Some((id, self.sources.get(id).text.to_string()))
    }

    /// Reads a UTF-8 text file into the source map, where its parse reads
    /// it: the text is kept once (a second copy of every story and
    /// `campaign.yaml`, handed back to the loader, was a tenth of a
    /// build's fresh memory).
    pub fn read_source(&mut self, path: &Path) -> Option<FileId> {
        let contents = self.take(path)?;
        let name = self.name(path);
        let text = match contents {
            Contents::Text(text) => Ok(text),
            Contents::Bytes(bytes) => String::from_utf8(bytes),
        };
        match text {
            Ok(mut text) => {
                if text.starts_with('\u{feff}') {
                    text.remove(0);
                }
                // Windows line endings would shift columns and leak into output.
                if text.contains('\r') {
                    text = text.replace("\r\n", "\n");
                }
                Some(self.sources.add(name, text))
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

    /// Fails unless `path` is a regular file, not a link, whose real place
    /// is inside the root and in no hidden folder of it (`.git`, or `.env`
    /// reached through a linked folder). A link to a file is refused even
    /// when it stays inside the root: it could publish any file of the site
    /// folder under a harmless name.
    fn check_inside_root(&self, path: &Path) -> Result<(), (String, &'static str)> {
        let name = || self.name(path);
        let kind = match self.listed_kind(path) {
            Some(Some(kind)) => kind,
            _ => match fs::symlink_metadata(path) {
                Ok(m) if m.file_type().is_symlink() => Kind::Link,
                Ok(m) if m.is_file() => Kind::File,
                Ok(m) if m.is_dir() => Kind::Dir,
                Ok(_) => Kind::Other,
                Err(e) => {
                    return Err((format!("failed to read {} ({e})", name()), HELP_UNREADABLE))
                }
            },
        };
        match kind {
            Kind::File => {}
            Kind::Link => {
                return Err(match path.canonicalize() {
                    Err(e) => (format!("{} cannot be followed ({e})", name()), HELP_OUTSIDE),
                    Ok(real) if !real.starts_with(&self.canonical_root) => (
                        format!("{} points outside the site root", name()),
                        HELP_OUTSIDE,
                    ),
                    Ok(_) => (format!("{} is a link to another file", name()), HELP_LINK),
                });
            }
            Kind::Dir | Kind::Other => return Err(not_regular(&name())),
        }
        // A file in a folder whose real path is known is where that folder
        // is: one lookup of the folder instead of one per file.
        let real = match path.parent().and_then(|dir| self.canonical.get(dir)) {
            Some(folder) => path.file_name().map(|f| folder.join(f)),
            None => path.canonicalize().ok(),
        };
        let Some(inside) = real
            .as_deref()
            .and_then(|real| real.strip_prefix(&self.canonical_root).ok())
        else {
            return Err((
                format!("{} points outside the site root", name()),
                HELP_OUTSIDE,
            ));
        };
        let hidden = inside
            .components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
            && !is_published_hidden(inside);
        match hidden {
            true => Err((format!("{} is in a hidden folder", name()), HELP_OUTSIDE)),
            false => Ok(()),
        }
    }

    /// The entries of `dir`, sorted by name, skipping hidden ones. Links to
    /// folders are reported, not followed.
    pub fn list_dir(&mut self, dir: &Path) -> Vec<PathBuf> {
        match self.listed.get(dir) {
            Some(entries) => entries.iter().map(|(path, _)| path.clone()).collect(),
            None => list(dir)
                .unwrap_or_default()
                .into_iter()
                .map(|(path, _)| path)
                .collect(),
        }
    }

    /// Whether `path` is a folder reached without a link; links to folders
    /// are reported once here.
    pub fn is_real_dir(&mut self, path: &Path) -> bool {
        match self.listed_kind(path) {
            Some(Some(Kind::Dir)) => return true,
            Some(None | Some(Kind::File)) => return false,
            Some(Some(Kind::Link | Kind::Other)) | None => {}
        }
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

/// The hidden names a host reads, and only inside `static/`: a `.htaccess`
/// (Apache's settings for its folder) and the `.well-known/` folder at the
/// top (`security.txt`, domain checks; RFC 8615). Everything else hidden
/// (`.git`, `.env`, an editor's files) is never read.
pub const PUBLISHED_HIDDEN: [&str; 2] = [".htaccess", ".well-known"];

/// Whether `inside` (a path from the site root) is `static/…/.htaccess` or
/// under `static/.well-known/`, with no other hidden name on the way.
fn is_published_hidden(inside: &Path) -> bool {
    let Ok(rest) = inside.strip_prefix(STATIC_DIR) else {
        return false;
    };
    let parts: Vec<_> = rest.components().map(|c| c.as_os_str()).collect();
    parts.iter().enumerate().all(|(i, part)| {
        !part.to_string_lossy().starts_with('.')
            || (*part == ".htaccess" && i == parts.len() - 1)
            || (*part == ".well-known" && i == 0 && parts.len() > 1)
    })
}

/// The entries of `dir` with their kinds, sorted by path, hidden names
/// skipped; `None` when it cannot be listed.
fn list(dir: &Path) -> Option<Listing> {
    let mut out: Listing = fs::read_dir(dir)
        .ok()?
        .flatten()
        .filter(|entry| !entry.file_name().to_string_lossy().starts_with('.'))
        .map(|entry| (entry.path(), Kind::of(&entry)))
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Some(out)
}
