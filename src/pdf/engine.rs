//! The engine: fonts and template loaded once per build, then one call per
//! PDF. Typst runs in-process; the only input is the [`PdfDocument`].

use std::panic::{catch_unwind, AssertUnwindSafe};

use typst::diag::Warned;
use typst::foundations::{Bytes, Datetime, Smart};
use typst::layout::PagedDocument;
use typst::syntax::Source;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt};
use typst_pdf::{PdfOptions, Timestamp};

use super::error::{problems, Problem};
use super::world::{template_id, ReportWorld, Shared};
use super::{data, PdfDocument, PdfError};

/// Typst's memoisation cache is process-wide; entries unused for this many
/// renders are dropped, so `impact serve` does not grow without bound.
const CACHE_MAX_AGE: usize = 10;

/// Typesets [`PdfDocument`]s with one template and one set of fonts.
///
/// Build it once per build and share it: it is `Send + Sync`, and renders
/// may run in parallel (Typst's cache is shared and thread-safe).
pub struct PdfEngine {
    shared: Shared,
}

/// A PDF and the warnings Typst gave while making it.
#[derive(Debug)]
pub struct Rendered {
    /// The PDF file.
    pub pdf: Vec<u8>,
    /// Non-fatal problems, e.g. a character no font has.
    pub warnings: Vec<Problem>,
}

impl PdfEngine {
    /// Loads the fonts and checks the template's syntax.
    ///
    /// `template` is the theme's `pdf/report.typ`; `fonts` the bytes of the
    /// theme's font files (TrueType/OpenType, collections allowed). No other
    /// font is ever used, so the PDF is the same on every machine.
    pub fn new(template: String, fonts: Vec<Vec<u8>>) -> Result<Self, PdfError> {
        let given = fonts.len();
        let mut loaded = Vec::new();
        for (index, data) in fonts.into_iter().enumerate() {
            let before = loaded.len();
            loaded.extend(Font::iter(Bytes::new(data)));
            if loaded.len() == before {
                return Err(PdfError::BadFont { index });
            }
        }
        if loaded.is_empty() {
            return Err(PdfError::NoFonts { given });
        }

        let source = Source::new(template_id(), template);
        let shared = Shared {
            library: LazyHash::new(Library::builder().build()),
            book: LazyHash::new(FontBook::from_fonts(&loaded)),
            fonts: loaded,
            template: source,
        };
        let syntax_errors = shared.template.root().errors();
        if !syntax_errors.is_empty() {
            let world = ReportWorld {
                shared: &shared,
                data: Bytes::new(Vec::new()),
                logo: None,
                images: Default::default(),
                today: None,
            };
            let diags: Vec<_> = syntax_errors.into_iter().map(Into::into).collect();
            return Err(PdfError::Typeset(problems(&world, &diags)));
        }
        Ok(PdfEngine { shared })
    }

    /// Typesets `doc` as an A4 PDF.
    ///
    /// The same document gives the same bytes: the creation date comes from
    /// `doc.created`, never the clock.
    pub fn render(&self, doc: &PdfDocument) -> Result<Vec<u8>, PdfError> {
        self.render_with_warnings(doc).map(|rendered| rendered.pdf)
    }

    /// Like [`render`](Self::render), and also returns Typst's warnings.
    pub fn render_with_warnings(&self, doc: &PdfDocument) -> Result<Rendered, PdfError> {
        check_language(&doc.lang)?;
        let created = doc.created.as_deref().map(parse_date).transpose()?;
        let world = ReportWorld {
            shared: &self.shared,
            data: Bytes::new(data::template_data(doc)?),
            logo: doc.brand.logo.as_ref().map(|l| Bytes::new(l.bytes.clone())),
            images: images_of(doc),
            today: created,
        };

        // Typst reports bad input as diagnostics; a panic would be a bug in
        // it, and must not take a whole site build down with it.
        let result = catch_unwind(AssertUnwindSafe(|| typeset(&world, created)));
        typst::comemo::evict(CACHE_MAX_AGE);
        result.unwrap_or_else(|payload| {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown cause".into());
            Err(PdfError::Typeset(vec![Problem {
                is_error: true,
                location: String::new(),
                message: format!("typst panicked ({message})"),
                hints: vec!["this is a bug in impact or Typst; please report it with the report that caused it".into()],
            }]))
        })
    }
}

fn typeset(world: &ReportWorld<'_>, created: Option<Datetime>) -> Result<Rendered, PdfError> {
    let Warned { output, warnings } = typst::compile::<PagedDocument>(world);
    let document = output.map_err(|errors| PdfError::Typeset(problems(world, &errors)))?;
    let options = PdfOptions {
        ident: Smart::Auto,
        timestamp: created.map(Timestamp::new_utc),
        ..PdfOptions::default()
    };
    let pdf = typst_pdf::pdf(&document, &options)
        .map_err(|errors| PdfError::Export(problems(world, &errors)))?;
    Ok(Rendered {
        pdf,
        warnings: problems(world, &warnings),
    })
}

/// The photos of `doc`, by the path the template names them by
/// (`img/<name>` beside it).
fn images_of(doc: &PdfDocument) -> std::collections::HashMap<String, Bytes> {
    fn walk(blocks: &[super::Block], out: &mut std::collections::HashMap<String, Bytes>) {
        for b in blocks {
            match b {
                super::Block::Photo { file, bytes, .. } => {
                    out.entry(format!("/pdf/{file}"))
                        .or_insert_with(|| Bytes::new(bytes.as_ref().clone()));
                }
                super::Block::List { items, .. } => {
                    for item in items {
                        walk(item, out);
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = std::collections::HashMap::new();
    for section in &doc.sections {
        walk(&section.blocks, &mut out);
    }
    if let Some(cover) = &doc.cover {
        walk(std::slice::from_ref(cover), &mut out);
    }
    out
}

/// Typst takes ISO 639 codes: two or three ASCII letters.
fn check_language(lang: &str) -> Result<(), PdfError> {
    if (2..=3).contains(&lang.len()) && lang.bytes().all(|b| b.is_ascii_lowercase()) {
        Ok(())
    } else {
        Err(PdfError::BadLanguage(lang.to_owned()))
    }
}

fn parse_date(text: &str) -> Result<Datetime, PdfError> {
    let bad = || PdfError::BadDate(text.to_owned());
    let mut parts = text.split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad());
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return Err(bad());
    }
    let year = y.parse().map_err(|_| bad())?;
    let month = m.parse().map_err(|_| bad())?;
    let day = d.parse().map_err(|_| bad())?;
    Datetime::from_ymd(year, month, day).ok_or_else(bad)
}
