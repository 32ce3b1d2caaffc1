//! What can go wrong in the render stages, by kind: the theme (its font,
//! its PDF template), a chart, a social card, a PDF, writing a file. Each
//! stage returns these; they become diagnostics only at the edge
//! ([`RenderError::diagnostic`]), with the file to fix and how.

use crate::diagnostics::Diagnostic;
use crate::model::{FileId, Span};

/// A problem of rendering, with its kind.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The theme has no regular font for charts and cards.
    #[error("the theme `{theme}` has no font in themes/{theme}/fonts/")]
    NoFont {
        /// The theme's name.
        theme: String,
    },
    /// A theme font cannot be read.
    #[error("themes/{theme}/fonts/{name}: {reason}")]
    BadFont {
        /// The theme's name.
        theme: String,
        /// The font file.
        name: String,
        /// Why.
        reason: String,
    },
    /// PDFs are asked for and the theme has no template for them.
    #[error("the theme `{theme}` has no PDF template (themes/{theme}/pdf/report.typ)")]
    NoPdfTemplate {
        /// The theme's name.
        theme: String,
    },
    /// The theme's PDF template does not compile.
    #[error("the PDF template does not work: {reason}")]
    PdfTemplate {
        /// The template file.
        file: FileId,
        /// Why.
        reason: String,
    },
    /// PDFs are asked for and this program was built without them.
    #[error("this impact was built without PDF support (the `pdf` feature)")]
    NoPdfSupport,
    /// A report's PDF could not be typeset.
    #[error("the {lang} PDF of `{report}` could not be made: {reason}")]
    Pdf {
        /// The report's `report.yaml`.
        file: FileId,
        /// The language.
        lang: String,
        /// The report's folder.
        report: String,
        /// Why.
        reason: String,
    },
    /// A chart cannot be drawn.
    #[error("the chart `{id}` cannot be drawn: {reason}")]
    Chart {
        /// Where a declared chart was written.
        span: Option<Span>,
        /// The chart's id.
        id: String,
        /// Why.
        reason: String,
    },
    /// A report's open-data pack (zip or workbook) could not be written.
    #[error("the {lang} open data of `{report}` ({what}) could not be made: {reason}")]
    OpenData {
        /// The report's `report.yaml`.
        file: FileId,
        /// The language.
        lang: String,
        /// The report's folder.
        report: String,
        /// `zip` or `xlsx`.
        what: String,
        /// Why.
        reason: String,
    },
    /// A page's social card cannot be drawn.
    #[error("the social card of {page} cannot be drawn: {reason}")]
    Card {
        /// The page.
        page: String,
        /// Why.
        reason: String,
    },
}

impl RenderError {
    /// The diagnostic a user reads: where, what, and how to fix it.
    pub fn diagnostic(&self) -> Diagnostic {
        let message = self.to_string();
        match self {
            RenderError::NoFont { .. } => Diagnostic::error(None, message).help(
                "charts and the PDF draw with the theme's font: copy themes/default/fonts/ into your theme",
            ),
            RenderError::BadFont { .. } => Diagnostic::error(None, message)
                .help("use a TrueType (.ttf) or OpenType (.otf) font file"),
            RenderError::NoPdfTemplate { .. } => Diagnostic::error(None, message)
                .help("copy themes/default/pdf/ into your theme, or build with --no-pdf"),
            RenderError::PdfTemplate { file, .. } => {
                Diagnostic::error(Some(Span::file(*file)), message)
                    .help("fix the template, or build with --no-pdf")
            }
            RenderError::NoPdfSupport => Diagnostic::error(None, message)
                .help("build with --no-pdf, or install impact with its default features"),
            RenderError::Pdf { file, .. } => Diagnostic::error(Some(Span::file(*file)), message)
                .help("build with --no-pdf to publish the site without PDFs while this is fixed"),
            RenderError::Chart { span, .. } => Diagnostic::error(*span, message)
                .help("give the chart at least one value, and values a chart can show"),
            RenderError::OpenData { file, .. } => Diagnostic::error(Some(Span::file(*file)), message)
                .help("this is a bug in impact: report it with the report's data; the pages are not affected"),
            RenderError::Card { .. } => Diagnostic::error(None, message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_says_what_to_do() {
        let d = RenderError::NoFont {
            theme: "plain".into(),
        }
        .diagnostic();
        assert!(d.message.contains("themes/plain/fonts/"), "{}", d.message);
        let d = RenderError::NoPdfTemplate {
            theme: "plain".into(),
        }
        .diagnostic();
        assert!(d.message.contains("pdf/report.typ"), "{}", d.message);
    }
}
