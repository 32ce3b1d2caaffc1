//! `impact` turns campaign data (YAML) and narrative (Markdown) into a
//! static, bilingual impact-report website.
//!
//! The pipeline, one module a stage: [`load`] -> [`l10n`] -> [`validate`]
//! -> [`render`] (with [`markdown`]) -> [`publish`], run by [`build::run`].
//! Problems travel as [`diagnostics::Diagnostic`]s and are turned into text
//! only at the edge.

#![warn(missing_docs)]

pub mod brand;
pub mod build;
pub mod charts;
pub mod cli;
pub mod diagnostics;
pub mod document;
pub mod images;
pub mod l10n;
pub mod load;
pub mod markdown;
pub mod markup;
pub mod model;
pub mod pdf;
pub mod publish;
pub mod render;
pub mod scaffold;
pub mod schema;
pub mod serve;
pub mod translations;
pub mod validate;
