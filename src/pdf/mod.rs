//! The A4 PDF of a report, typeset in-process by Typst.
//!
//! The render stage fills a [`PdfDocument`] (plain data: text, tables,
//! chart SVGs, localised labels); [`PdfEngine::render`] passes it to the
//! theme's Typst template (`themes/<theme>/pdf/report.typ`) as the virtual
//! file `data.json` and returns the PDF's bytes. The template walks the
//! JSON, so text is never read as Typst markup.
//!
//! Without the `pdf` cargo feature only the document model is compiled
//! (the single-file HTML is made from it too) and builds skip the PDFs.
//!
//! This module must not read files, look at the clock or use system fonts:
//! the caller passes the template's text and the fonts' bytes, and the same
//! document always gives byte-identical PDFs.

#[cfg(feature = "pdf")]
mod data;
mod document;
#[cfg(feature = "pdf")]
mod engine;
#[cfg(feature = "pdf")]
mod error;
#[cfg(feature = "pdf")]
mod world;

#[cfg(all(test, feature = "pdf"))]
mod tests;

pub use document::{Block, DocBrand, DocLogo, FigureItem, Inline, Labels, PdfDocument, PdfSection};
#[cfg(feature = "pdf")]
pub use engine::{PdfEngine, Rendered};
#[cfg(feature = "pdf")]
pub use error::{PdfError, Problem};

/// Where the template lives inside a theme folder.
pub const TEMPLATE_FILE: &str = "pdf/report.typ";

/// The theme font files the template expects, inside a theme folder.
pub const FONT_FILES: [&str; 4] = [
    "fonts/DejaVuSans.ttf",
    "fonts/DejaVuSans-Bold.ttf",
    "fonts/DejaVuSans-Oblique.ttf",
    "fonts/DejaVuSans-BoldOblique.ttf",
];
