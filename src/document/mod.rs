//! The document model: what a report or campaign says in one language,
//! built once after validation and localisation, and what every output is
//! made from. A text (a story, an introduction, a section) is parsed from
//! Markdown once into [`Doc`]: its blocks, its headings with their
//! anchors, and every shortcode, image and content link resolved into a
//! typed [`Placement`] or [`Target`]. The emitters turn it into what each
//! output needs: [`html`] for the pages and the single-file HTML, [`pdf`]
//! for the PDF. None of them reads Markdown or searches text.

pub mod html;
mod model;
pub mod pdf;

pub use model::*;
