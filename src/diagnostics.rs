//! Problems found in a run, and how they are shown to the person who has to
//! fix them: `error: …`, then `--> file:line:col`, the line with a caret and
//! a `help:` line. Stages collect [`Diagnostic`]s instead of stopping at the
//! first; only the edge (`main.rs`) turns them into text with [`render`].

use std::borrow::Cow;
use std::fmt;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term::{self, termcolor};

use crate::model::{SourceMap, Span};

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Stops the build; nothing is written.
    Error,
    /// Reported; the build goes on.
    Warning,
}

/// One problem, with where it is and how to fix it.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, lower case, no trailing full stop.
    pub message: String,
    /// Where; `None` for problems that belong to no file.
    pub span: Option<Span>,
    /// How to fix it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error at `span`.
    pub fn error(span: impl Into<Option<Span>>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            span: span.into(),
            help: None,
        }
    }

    /// A warning at `span`.
    pub fn warning(span: impl Into<Option<Span>>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(span, message)
        }
    }

    /// Adds the `help:` line.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// Every problem of a run.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Adds a problem.
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    /// Adds every problem of `other`.
    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    /// Keeps only the problems `keep` says yes to.
    pub fn retain(&mut self, keep: impl FnMut(&Diagnostic) -> bool) {
        self.items.retain(keep);
    }

    /// True when any problem is an error.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    /// The problems sorted by file, line and column, errors before warnings
    /// at the same place, duplicates removed.
    pub fn sorted(&self) -> Vec<Diagnostic> {
        let mut v = self.items.clone();
        v.sort_by(|a, b| (a.span, a.severity, &a.message).cmp(&(b.span, b.severity, &b.message)));
        v.dedup();
        v
    }

    /// True when there is nothing to report.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics { items: vec![d] }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Renders every diagnostic as text (with colour when `color` is set).
pub fn render(diags: &Diagnostics, sources: &SourceMap, color: bool) -> String {
    // Showing a file's text means making it printable: a whole site's
    // worth of files, for nothing, when there is nothing to show.
    if diags.is_empty() {
        return String::new();
    }
    let mut buf = termcolor::Buffer::no_color();
    if color {
        buf = termcolor::Buffer::ansi();
    }
    let config = term::Config::default();
    let files = SourceFiles::new(sources);
    for d in diags.sorted() {
        let cs = to_codespan(&d, sources);
        // Rendering into memory cannot fail for a file we hold.
        let _ = term::emit_to_write_style(&mut buf, &config, &files, &cs);
    }
    String::from_utf8_lossy(buf.as_slice()).into_owned()
}

/// Renders one diagnostic on one line, `file:line:col: error: message`, for
/// tests and logs.
pub fn render_short(d: &Diagnostic, sources: &SourceMap) -> String {
    let level = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let (message, name) = (printable(&d.message), |s: Span| {
        printable(sources.name(s.file))
    });
    match d.span {
        Some(s) if s.line > 0 => format!("{}:{}:{}: {level}: {message}", name(s), s.line, s.col),
        Some(s) => format!("{}: {level}: {message}", name(s)),
        None => format!("{level}: {message}"),
    }
}

fn to_codespan(d: &Diagnostic, sources: &SourceMap) -> CsDiagnostic<u32> {
    let mut cs = match d.severity {
        Severity::Error => CsDiagnostic::error(),
        Severity::Warning => CsDiagnostic::warning(),
    }
    .with_message(printable(&d.message));
    if let Some(span) = d.span {
        let text = &sources.get(span.file).text;
        let start = byte_offset(text, span.line, span.col);
        let line_len = text[start..].find('\n').unwrap_or(text.len() - start)
            + text[..start].rfind('\n').map_or(start, |nl| start - nl - 1);
        if span.line > 0 && !text.is_empty() && line_len <= MAX_QUOTED_LINE {
            let end = token_end(text, start);
            cs = cs.with_labels(vec![Label::primary(span.file.0, start..end)]);
        } else if span.line > 0 {
            // A line of megabytes is not quoted: its place is enough.
            cs = cs.with_notes(vec![format!(
                "at {}:{}:{}",
                printable(sources.name(span.file)),
                span.line,
                span.col
            )]);
        } else {
            cs = cs.with_notes(vec![format!("in {}", printable(sources.name(span.file)))]);
        }
    }
    if let Some(help) = &d.help {
        cs = cs.with_notes(vec![format!("help: {}", printable(help))]);
    }
    cs
}

/// Longest source line quoted under a message, in bytes.
const MAX_QUOTED_LINE: usize = 1000;

/// Byte offset of 1-based `line:col` (col in characters) in `text`.
fn byte_offset(text: &str, line: u32, col: u32) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line as usize {
            let chars = col.saturating_sub(1) as usize;
            let within = l
                .char_indices()
                .nth(chars)
                .map(|(b, _)| b)
                .unwrap_or(l.trim_end_matches('\n').len());
            return offset + within;
        }
        offset += l.len();
    }
    text.len()
}

/// The end of the word at `start`, so the caret underlines a whole token.
fn token_end(text: &str, start: usize) -> usize {
    let rest = &text[start..];
    let len = rest
        .char_indices()
        .find(|(_, c)| c.is_whitespace() || matches!(c, ',' | '}' | ']' | ':'))
        .map(|(i, _)| i)
        .unwrap_or(rest.len());
    start + len.max(rest.chars().next().map(char::len_utf8).unwrap_or(0))
}

/// Text as it may be printed on a terminal: every control character a
/// terminal acts on (escape sequences pasted from an e-mail, a carriage
/// return that hides a line) is made visible. A C0 control other than tab
/// and newline, or DEL, becomes `?`; a C1 control becomes `¿`; each the
/// same length in bytes, so offsets into the text still hold.
pub fn printable(text: &str) -> Cow<'_, str> {
    let is_control = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.contains(is_control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                c if !is_control(c) => c,
                c if c.len_utf8() == 1 => '?',
                _ => '\u{BF}',
            })
            .collect(),
    )
}

/// The [`SourceMap`] seen through codespan's `Files` trait, its names and
/// texts made [`printable`].
struct SourceFiles<'a> {
    names: Vec<Cow<'a, str>>,
    texts: Vec<Cow<'a, str>>,
}

impl<'a> SourceFiles<'a> {
    fn new(sources: &'a SourceMap) -> SourceFiles<'a> {
        let (names, texts) = sources
            .files()
            .map(|(_, f)| (printable(&f.name), printable(&f.text)))
            .unzip();
        SourceFiles { names, texts }
    }

    fn text(&self, id: u32) -> Result<&str, FilesError> {
        self.texts
            .get(id as usize)
            .map(|t| t.as_ref())
            .ok_or(FilesError::FileMissing)
    }
}

impl<'a> Files<'a> for SourceFiles<'a> {
    type FileId = u32;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: u32) -> Result<&'a str, FilesError> {
        self.names
            .get(id as usize)
            .map(|n| n.as_ref())
            .ok_or(FilesError::FileMissing)
    }

    fn source(&'a self, id: u32) -> Result<&'a str, FilesError> {
        self.text(id)
    }

    fn line_index(&'a self, id: u32, byte_index: usize) -> Result<usize, FilesError> {
        let text = self.source(id)?;
        let upto = &text[..byte_index.min(text.len())];
        Ok(upto.matches('\n').count())
    }

    fn line_range(
        &'a self,
        id: u32,
        line_index: usize,
    ) -> Result<std::ops::Range<usize>, FilesError> {
        let text = self.source(id)?;
        let mut start = 0;
        for (i, l) in text.split_inclusive('\n').enumerate() {
            if i == line_index {
                return Ok(start..start + l.len());
            }
            start += l.len();
        }
        if line_index == text.split_inclusive('\n').count() {
            return Ok(text.len()..text.len());
        }
        Err(FilesError::LineTooLarge {
            given: line_index,
            max: text.lines().count(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SourceMap;

    #[test]
    fn renders_file_line_caret_and_help() {
        let mut sources = SourceMap::default();
        let id = sources.add(
            "content/campaigns/x/campaign.yaml".into(),
            "name: { en: A }\nreach: -5\n",
        );
        let mut diags = Diagnostics::default();
        diags.push(
            Diagnostic::error(Span::at(id, 2, 8), "a count cannot be negative")
                .help("write the number of people, e.g. 11972"),
        );
        let text = render(&diags, &sources, false);
        assert!(text.contains("error: a count cannot be negative"), "{text}");
        assert!(
            text.contains("content/campaigns/x/campaign.yaml:2:8"),
            "{text}"
        );
        assert!(text.contains("reach: -5"), "{text}");
        assert!(text.contains("^^"), "{text}");
        assert!(text.contains("help: write the number"), "{text}");
    }

    #[test]
    fn sorted_orders_by_file_and_line() {
        let mut sources = SourceMap::default();
        let a = sources.add("a".into(), "x\ny\n");
        let mut diags = Diagnostics::default();
        diags.push(Diagnostic::error(Span::at(a, 2, 1), "second"));
        diags.push(Diagnostic::error(Span::at(a, 1, 1), "first"));
        let sorted = diags.sorted();
        assert_eq!(sorted[0].message, "first");
        assert_eq!(sorted[1].message, "second");
    }

    /// Control characters from content (terminal escape sequences pasted
    /// into a title) reached the terminal unescaped in error messages.
    #[test]
    fn control_characters_from_content_are_not_printed() {
        let mut sources = SourceMap::default();
        let id = sources.add(
            "content/x\u{1b}]0;owned\u{7}.yaml".into(),
            "title: \"\u{1b}[2J\u{1b}[31mHi\u{9b}1m\r\"\nreach: -5\n",
        );
        let mut diags = Diagnostics::default();
        diags.push(
            Diagnostic::error(Span::at(id, 1, 8), "bad title \u{1b}[2J").help("not \u{1b}[31mthis"),
        );
        for text in [
            render(&diags, &sources, false),
            render_short(&diags.sorted()[0], &sources),
        ] {
            assert!(
                !text.contains(|c: char| c.is_control() && c != '\n'),
                "{text:?}"
            );
            assert!(text.contains("bad title ?[2J"), "{text:?}");
        }
        // Offsets still point where they did: the caret is under the title.
        let text = render(&diags, &sources, false);
        assert!(text.contains("title: \"?[2J?[31mHi\u{bf}1m?\""), "{text:?}");
        assert_eq!(printable("tab\tand\nnewline"), "tab\tand\nnewline");
    }
}
