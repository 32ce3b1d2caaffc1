//! The little universe Typst sees while typesetting one PDF: the template,
//! `data.json`, the theme's fonts and a fixed date. Nothing else exists —
//! no disk, no network, no packages, no clock.

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, Source, VirtualPath};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};

/// Virtual path of the template, as named in diagnostics.
pub(crate) const TEMPLATE_PATH: &str = "/pdf/report.typ";
/// Virtual path of the document's data; the template reads it with
/// `json("data.json")`, relative to its own folder.
pub(crate) const DATA_PATH: &str = "/pdf/data.json";

/// The brand's logo: `image("logo", …)` in the template.
pub(crate) const LOGO_PATH: &str = "/pdf/logo";

/// What stays the same for every PDF of a build.
pub(crate) struct Shared {
    pub(crate) library: LazyHash<Library>,
    pub(crate) book: LazyHash<FontBook>,
    pub(crate) fonts: Vec<Font>,
    pub(crate) template: Source,
}

/// One render: the shared parts plus this document's data and date.
pub(crate) struct ReportWorld<'a> {
    pub(crate) shared: &'a Shared,
    pub(crate) data: Bytes,
    pub(crate) logo: Option<Bytes>,
    /// The photos of the document, by their path (`/pdf/img/<name>`).
    pub(crate) images: std::collections::HashMap<String, Bytes>,
    pub(crate) today: Option<Datetime>,
}

/// The file id of the template.
pub(crate) fn template_id() -> FileId {
    FileId::new(None, VirtualPath::new(TEMPLATE_PATH))
}

fn data_id() -> FileId {
    FileId::new(None, VirtualPath::new(DATA_PATH))
}

impl World for ReportWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.shared.book
    }

    fn main(&self) -> FileId {
        self.shared.template.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.shared.template.id() {
            Ok(self.shared.template.clone())
        } else {
            Err(not_found(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == data_id() {
            Ok(self.data.clone())
        } else if id == FileId::new(None, VirtualPath::new(LOGO_PATH)) {
            self.logo.clone().ok_or_else(|| not_found(id))
        } else if let Some(image) = (id.package().is_none())
            .then(|| {
                id.vpath()
                    .as_rooted_path()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .and_then(|path| self.images.get(&path))
        {
            Ok(image.clone())
        } else if id == self.shared.template.id() {
            Ok(Bytes::from_string(self.shared.template.text().to_owned()))
        } else {
            Err(not_found(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<i64>) -> Option<Datetime> {
        self.today
    }
}

fn not_found(id: FileId) -> FileError {
    if id.package().is_some() {
        FileError::Other(Some(
            "packages are not available to the PDF template".into(),
        ))
    } else {
        FileError::NotFound(id.vpath().as_rooted_path().to_path_buf())
    }
}
