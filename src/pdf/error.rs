//! What can go wrong making a PDF, in words for the person who has to fix
//! it: a theme author (template errors name `pdf/report.typ`, line and
//! column) or whoever fills the [`PdfDocument`](super::PdfDocument).

use std::fmt;

use typst::diag::{Severity, SourceDiagnostic};
use typst::World;
use typst::WorldExt;

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// No usable font among the bytes given to the engine.
    #[error("no usable font among the {given} font files given to the PDF engine")]
    NoFonts {
        /// How many files were given.
        given: usize,
    },
    /// A font file that is not a font.
    #[error("font file {index} given to the PDF engine is not a font Typst can read")]
    BadFont {
        /// Position of the file in the list given to the engine.
        index: usize,
    },
    /// `lang` is not a language code Typst knows how to hyphenate and tag.
    #[error("language `{0}` is not an ISO 639 code such as `en` or `lt`")]
    BadLanguage(String),
    /// `created` is not a `YYYY-MM-DD` date.
    #[error("creation date `{0}` is not a date written as YYYY-MM-DD")]
    BadDate(String),
    /// The document could not be written as JSON for the template.
    #[error("failed to pass the document to the PDF template ({0})")]
    Data(#[from] serde_json::Error),
    /// The template failed: Typst's errors, each with where it happened.
    #[error("failed to typeset the PDF:\n{}", list(.0))]
    Typeset(Vec<Problem>),
    /// Typst laid the document out but could not write it as PDF.
    #[error("failed to write the PDF:\n{}", list(.0))]
    Export(Vec<Problem>),
}

/// One problem Typst reported, located in the template where possible.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Error or warning.
    pub is_error: bool,
    /// Where: `pdf/report.typ:12:5`, or empty when Typst gave no place.
    pub location: String,
    /// What went wrong, lower-case as Typst writes it.
    pub message: String,
    /// Typst's hints on how to fix it.
    pub hints: Vec<String>,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = if self.is_error { "error" } else { "warning" };
        if self.location.is_empty() {
            write!(f, "{kind}: {}", self.message)?;
        } else {
            write!(f, "{}: {kind}: {}", self.location, self.message)?;
        }
        for hint in &self.hints {
            write!(f, "\n  help: {hint}")?;
        }
        Ok(())
    }
}

fn list(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("  {p}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Turns Typst's diagnostics into [`Problem`]s, with `file:line:col` for
/// every span that points into a file the world knows.
pub(crate) fn problems(world: &dyn World, diagnostics: &[SourceDiagnostic]) -> Vec<Problem> {
    diagnostics
        .iter()
        .map(|diag| Problem {
            is_error: diag.severity == Severity::Error,
            location: locate(world, diag),
            message: diag.message.to_string(),
            hints: diag.hints.iter().map(|h| h.to_string()).collect(),
        })
        .collect()
}

fn locate(world: &dyn World, diag: &SourceDiagnostic) -> String {
    // An error inside a function points into its body; when that has no
    // place (a native function), the call site in the trace does.
    let spans = std::iter::once(diag.span).chain(diag.trace.iter().map(|t| t.span));
    for span in spans {
        let Some(id) = span.id() else { continue };
        let Some(range) = world.range(span) else {
            continue;
        };
        let path = id.vpath().as_rootless_path().display().to_string();
        let place = world
            .source(id)
            .ok()
            .and_then(|source| source.lines().byte_to_line_column(range.start));
        return match place {
            Some((line, col)) => format!("{path}:{}:{}", line + 1, col + 1),
            None => path,
        };
    }
    String::new()
}
