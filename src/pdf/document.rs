//! What a PDF is made of: one report in one language, as plain data.
//!
//! The render stage fills a [`PdfDocument`] from the same prepared context
//! as the HTML pages; the engine hands it to the Typst template as JSON
//! (`data.json`). Nothing in here is ever pasted into Typst source, so no
//! text a comms team writes can be read as Typst markup.
//!
//! This module must not know about Typst: it is the contract between the
//! site model and the template.

use serde::Serialize;

/// One report in one language, ready to be typeset.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PdfDocument {
    /// BCP 47 primary language (`en`, `lt`): sets hyphenation, the PDF's
    /// `/Lang` and the language of the text.
    pub lang: String,
    /// The report's title, on the cover, in every footer and the PDF title.
    pub title: String,
    /// The report's period, already formatted for the language.
    pub period: String,
    /// The organisation publishing the report.
    pub organisation: String,
    /// What a partner quotes to say which version they hold, in the
    /// document's language, e.g. `1 January 2019 – 31 August 2020,
    /// 3f2a9c1b`; in every footer.
    pub version: String,
    /// The report's summary: the cover's lead paragraph and the PDF subject.
    pub summary: String,
    /// The report's headline figures, shown large on the cover.
    pub cover_figures: Vec<FigureItem>,
    /// Words the template prints itself, in the document's language.
    pub labels: Labels,
    /// The body, in reading order; each section starts a new page.
    pub sections: Vec<PdfSection>,
    /// The PDF's author (usually the organisation).
    pub author: String,
    /// The PDF's keywords.
    pub keywords: Vec<String>,
    /// The PDF's creation date as `YYYY-MM-DD` (the report's data date, e.g.
    /// the end of its period), never the clock: the same input must give
    /// the same bytes. `None` writes no creation date.
    pub created: Option<String>,
    /// The organisation's colours and logo.
    pub brand: DocBrand,
    /// The report's cover photo (a [`Block::Photo`]), on the cover page.
    pub cover: Option<Block>,
}

/// The organisation's look, for the PDF's cover and colours.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DocBrand {
    /// Links and accents (`#rrggbb`); empty keeps the template's own.
    pub colour: String,
    /// A darker shade of `colour`, for headings and big figures.
    pub colour_strong: String,
    /// Rules and decoration; empty keeps the template's own.
    pub accent: String,
    /// The logo, for the cover. The template reads its bytes as the file
    /// `logo` beside it; the JSON says only its format and size.
    pub logo: Option<DocLogo>,
}

/// A logo image.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DocLogo {
    /// `svg` or `png`, as Typst's `image(format:)` spells it.
    pub format: &'static str,
    /// Width in CSS pixels at the page header's height.
    pub width: u32,
    /// Height in CSS pixels.
    pub height: u32,
    /// The file.
    #[serde(skip)]
    pub bytes: Vec<u8>,
}

/// A big number with what it counts, e.g. "daugiau kaip / 1 971 352 /
/// pasiekti žmonės".
#[derive(Debug, Clone, Default, Serialize)]
pub struct FigureItem {
    /// The number, already formatted for the language (`1 971 352`).
    pub value: String,
    /// What the number counts (`people reached`).
    pub label: String,
    /// A qualifier printed before the number (`at least`); may be empty.
    pub prefix: String,
}

/// The words the template prints on its own, localised by the caller.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Labels {
    /// Title of the table of contents (`Contents`, `Turinys`).
    pub contents: String,
    /// Page number pattern with `{page}` and `{total}` (`{page} / {total}`,
    /// `{page} psl. iš {total}`).
    pub page_of: String,
    /// The version line of the cover, one message with the version in it
    /// (`Version: …`, `Versija: …`).
    pub version: String,
    /// Heading over footnotes that no text refers to (`Notes`, `Pastabos`).
    pub notes: String,
}

/// A part of the report that starts on a new page.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PdfSection {
    /// The section's heading.
    pub title: String,
    /// The section's body.
    pub blocks: Vec<Block>,
    /// Whether the section is listed in the contents and the PDF bookmarks.
    pub bookmark: bool,
}

/// Block-level content, as converted from Markdown and the site's data.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type")]
pub enum Block {
    /// A heading inside a section; level 1 and 2 both sit just under the
    /// section title.
    Heading {
        /// Markdown heading level (1–6).
        level: u8,
        /// The heading text.
        text: Vec<Inline>,
    },
    /// A paragraph.
    Paragraph {
        /// The paragraph's text.
        text: Vec<Inline>,
    },
    /// A bulleted or numbered list; each item is a list of blocks.
    List {
        /// Numbered (`true`) or bulleted.
        ordered: bool,
        /// The items.
        items: Vec<Vec<Block>>,
    },
    /// A table whose header row repeats on every page it spans.
    Table {
        /// Header cells.
        header: Vec<Vec<Inline>>,
        /// Body rows of cells.
        rows: Vec<Vec<Vec<Inline>>>,
        /// Caption printed above the table.
        caption: Option<String>,
        /// Which columns hold numbers (right-aligned).
        numeric_columns: Vec<bool>,
    },
    /// A quotation, optionally attributed.
    Quote {
        /// What was said.
        text: Vec<Inline>,
        /// Who said it.
        who: Option<String>,
    },
    /// A row of big numbers.
    Figures {
        /// The numbers.
        items: Vec<FigureItem>,
    },
    /// A chart drawn by `charts`, embedded as a vector image.
    Chart {
        /// The chart as SVG with real `<text>`.
        svg: String,
        /// Caption printed under the chart (and its alternative text).
        caption: String,
    },
    /// A photo, printed `width_mm` wide from a rendition of at most
    /// 300 dpi at that width.
    Photo {
        /// Its file beside the template (`img/<name>`).
        file: String,
        /// The printed width in millimetres.
        width_mm: f64,
        /// Its alternative text (empty when decorative).
        alt: String,
        /// The caption printed under it (may be empty).
        caption: String,
        /// The credit line printed after the caption.
        credit: Option<String>,
        /// The file's bytes (served to Typst as `file`).
        #[serde(skip)]
        bytes: std::sync::Arc<Vec<u8>>,
    },
    /// Footnote definitions: `(label, text)`. Notes that the text refers to
    /// are printed at the foot of the page of the reference; the others here.
    Footnotes {
        /// The notes.
        items: Vec<(String, Vec<Inline>)>,
    },
    /// A thematic break.
    Rule,
}

/// Inline content: text and its emphasis, links and note references.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type")]
pub enum Inline {
    /// Plain text, printed exactly as given.
    Text {
        /// The text.
        text: String,
    },
    /// Strong emphasis (bold).
    Strong {
        /// What is emphasised.
        children: Vec<Inline>,
    },
    /// Emphasis (oblique).
    Emph {
        /// What is emphasised.
        children: Vec<Inline>,
    },
    /// A link; the URL is printed nowhere, the children are clickable.
    Link {
        /// Where it leads.
        url: String,
        /// The link text.
        children: Vec<Inline>,
    },
    /// Code, printed on a tint.
    Code {
        /// The code.
        text: String,
    },
    /// A reference to a footnote defined in a [`Block::Footnotes`].
    FootnoteRef {
        /// The footnote's label.
        label: String,
    },
    /// A hard line break.
    LineBreak,
}

impl Inline {
    /// Plain text, the most common inline.
    pub fn text(text: impl Into<String>) -> Self {
        Inline::Text { text: text.into() }
    }
}
