//! Where a value came from: every file the loader reads is kept in a
//! [`SourceMap`], and values point into it with a [`Span`], so that any later
//! stage can name the file, the line and the column of what it complains about.

use std::path::{Path, PathBuf};

/// Index of a file in the [`SourceMap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub u32);

/// A position in a source file. `line` and `col` are 1-based; `line == 0`
/// means "the file as a whole" (for example, a file that is missing a field).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// The file.
    pub file: FileId,
    /// 1-based line, or 0 for the whole file.
    pub line: u32,
    /// 1-based column (in characters), or 0.
    pub col: u32,
}

impl Span {
    /// A span that points at a whole file.
    pub fn file(file: FileId) -> Self {
        Span {
            file,
            line: 0,
            col: 0,
        }
    }

    /// A span at `line:col` of `file`.
    pub fn at(file: FileId, line: u32, col: u32) -> Self {
        Span { file, line, col }
    }
}

/// A file the loader read, kept so diagnostics can show the offending line.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the site root, with `/` separators (for messages).
    pub name: String,
    /// The file's text (empty for files that were not text), shared
    /// with what is parsed from it (a story's body) rather than copied.
    pub text: std::sync::Arc<str>,
}

/// Every file read in a run, addressed by [`FileId`].
#[derive(Debug, Default, Clone)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    /// Adds a file and returns its id.
    pub fn add(&mut self, name: String, text: impl Into<std::sync::Arc<str>>) -> FileId {
        self.files.push(SourceFile {
            name,
            text: text.into(),
        });
        FileId((self.files.len() - 1) as u32)
    }

    /// The file behind `id`.
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    /// The display name of `id`.
    pub fn name(&self, id: FileId) -> &str {
        &self.get(id).name
    }

    /// Every file, in the order they were added.
    pub fn files(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(i as u32), f))
    }
}

/// The display name of `path` relative to `root`, with `/` separators, so
/// messages and output read the same on every machine.
pub fn display_name(root: &Path, path: &Path) -> String {
    let rel: PathBuf = path.strip_prefix(root).unwrap_or(path).to_path_buf();
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (u32, u32) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() as u32 + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let col = before[line_start..].chars().count() as u32 + 1;
    (line, col)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "a: 1\nž: ą\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 5), (2, 1));
        // "ž: " is 4 bytes, 3 characters.
        assert_eq!(line_col(text, 9), (2, 4));
    }
}
