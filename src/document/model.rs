//! The types of the document model: blocks and inlines as the Markdown
//! said them, with every shortcode, image and content link already
//! resolved into something typed. Nothing here is HTML or Typst; the
//! emitters (`html`, `pdf`) decide how each part looks.

use crate::model::Localised;

/// One Markdown text in one language, parsed once.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    /// The text's blocks, in reading order.
    pub blocks: Vec<Block>,
    /// True when this language had no text and the default's is shown.
    pub fallback: bool,
    /// The language the text is in.
    pub lang: String,
    /// Title from front matter.
    pub title: Option<String>,
    /// Prefix of the ids the text's footnotes and anchors get, unique per
    /// document on a page (`story`, `intro`, a section's name).
    pub prefix: String,
    /// What its footnotes are called in the page's language.
    pub footnotes_label: String,
    /// Whether a block holds raw HTML (only where the site allows it),
    /// found once when the text is parsed rather than at each emission.
    pub raw_html: bool,
}

impl Doc {
    /// Every placement of the text, in reading order.
    pub fn placements(&self) -> Vec<&Placement> {
        let mut out = Vec::new();
        for b in &self.blocks {
            b.placements(&mut out);
        }
        out
    }
}

/// Block-level content.
#[derive(Debug, Clone)]
pub enum Block {
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// The text of a tight list item (no paragraph around it).
    Plain(Vec<Inline>),
    /// A heading with its anchor.
    Heading {
        /// 1–6.
        level: u8,
        /// Anchor id: written `{#id}` or made from the text.
        id: String,
        /// Classes written `{.class}`.
        classes: Vec<String>,
        /// Other attributes written in braces.
        attrs: Vec<(String, Option<String>)>,
        /// The heading's text.
        text: Vec<Inline>,
    },
    /// A bulleted (`start` none) or numbered list; each item is blocks.
    List {
        /// The first number of a numbered list.
        start: Option<u64>,
        /// The items.
        items: Vec<Vec<Block>>,
    },
    /// A block quotation written with `>`.
    Quote(Vec<Block>),
    /// Code, fenced (`info` is what follows the fence) or indented (none).
    Code {
        /// The fence's info string.
        info: Option<String>,
        /// The code.
        text: String,
    },
    /// An HTML block: raw [`Inline::Html`] where the site allows it, text
    /// otherwise.
    Html(Vec<Inline>),
    /// A table.
    Table {
        /// Column alignments.
        align: Vec<pulldown_cmark::Alignment>,
        /// Header cells.
        head: Vec<Vec<Inline>>,
        /// Body rows.
        rows: Vec<Vec<Vec<Inline>>>,
    },
    /// A thematic break.
    Rule,
    /// A footnote's definition.
    Footnote {
        /// As written (`[^label]`).
        label: String,
        /// Its number, in order of first mention.
        n: usize,
        /// Its text.
        blocks: Vec<Block>,
    },
    /// A block placement alone in its paragraph (a quote, a chart).
    Placed(Placement),
}

impl Block {
    fn placements<'a>(&'a self, out: &mut Vec<&'a Placement>) {
        let inl = |items: &'a [Inline], out: &mut Vec<&'a Placement>| {
            for i in items {
                i.placements(out);
            }
        };
        match self {
            Block::Paragraph(t) | Block::Plain(t) | Block::Html(t) => inl(t, out),
            Block::Heading { text, .. } => inl(text, out),
            Block::List { items, .. } => {
                for item in items {
                    for b in item {
                        b.placements(out);
                    }
                }
            }
            Block::Quote(blocks) | Block::Footnote { blocks, .. } => {
                for b in blocks {
                    b.placements(out);
                }
            }
            Block::Table { head, rows, .. } => {
                for cell in head.iter().chain(rows.iter().flatten()) {
                    inl(cell, out);
                }
            }
            Block::Placed(p) => out.push(p),
            Block::Code { .. } | Block::Rule => {}
        }
    }
}

/// Inline content.
#[derive(Debug, Clone)]
pub enum Inline {
    /// Text, with the language's quotation marks.
    Text(String),
    /// Code.
    Code(String),
    /// Raw HTML (only where the site allows it).
    Html(String),
    /// A line break in the source.
    SoftBreak,
    /// A hard line break.
    HardBreak,
    /// Emphasis.
    Emph(Vec<Inline>),
    /// Strong emphasis.
    Strong(Vec<Inline>),
    /// Struck-out text.
    Strike(Vec<Inline>),
    /// A link.
    Link {
        /// Where it leads.
        target: Box<Target>,
        /// Its title attribute.
        title: String,
        /// The link text.
        children: Vec<Inline>,
    },
    /// A reference to a footnote.
    FootnoteRef {
        /// As written.
        label: String,
        /// Its number.
        n: usize,
    },
    /// A placement in a sentence (a figure), or a block placement that
    /// shares its paragraph with text.
    Placed(Placement),
}

impl Inline {
    fn placements<'a>(&'a self, out: &mut Vec<&'a Placement>) {
        match self {
            Inline::Placed(p) => out.push(p),
            Inline::Emph(c) | Inline::Strong(c) | Inline::Strike(c) => {
                for i in c {
                    i.placements(out);
                }
            }
            Inline::Link { children, .. } => {
                for i in children {
                    i.placements(out);
                }
            }
            _ => {}
        }
    }
}

/// Where a link or an image leads.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// An address as written (a web address, `mailto:`, `#anchor`).
    Web(String),
    /// A page of the site (a `@/` content link): its output path from the
    /// site root, and a `#fragment` or nothing.
    Page {
        /// Output path (`en/r/c/index.html`).
        path: String,
        /// `#…` or empty.
        fragment: String,
    },
    /// A file kept beside the Markdown: its output path and its key in
    /// the site's media.
    Media {
        /// Output path (`assets/media/…`).
        path: String,
        /// The file's path in the site (`content/campaigns/x/photo.jpg`).
        source: String,
    },
    /// A link that did not resolve (reported as a problem); leads nowhere.
    Broken,
}

/// What a chart placement or a page's chart refers to: the chart stage
/// draws each (chart, language) once under this key.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ChartRef {
    /// The campaign or report the chart belongs to.
    pub owner: Owner,
    /// The chart's id (`reach`, a declared chart's id).
    pub id: String,
}

/// Whose chart.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Owner {
    /// A report's (the finances).
    Report(String),
    /// A campaign's.
    Campaign(String),
}

/// A shortcode (or a Markdown image), resolved. New placements (a photo,
/// a phrase, a data download) are new variants; every emitter then has to
/// say how it shows them.
#[derive(Debug, Clone)]
pub enum Placement {
    /// A figure in a sentence, formatted for the language.
    Metric {
        /// The metric's key.
        key: String,
        /// The formatted value with its qualifier ("1,971,352+").
        text: String,
    },
    /// A site message with a number in it (`phrase(id=…, n=…)`), one
    /// sentence part in the page's language.
    Phrase {
        /// The message's id.
        id: String,
        /// The message with its number.
        text: Box<Localised>,
    },
    /// A quote of a campaign.
    Quote(Box<QuoteView>),
    /// A chart, drawn by the chart stage.
    Chart(Box<ChartRef>),
    /// An image kept beside the Markdown: a figure when it stands alone
    /// in its paragraph ([`Block::Placed`]), a small picture in the line
    /// when it is inside a sentence.
    Image(Box<ImageView>),
}

/// An image as the text places it, in the text's language.
#[derive(Debug, Clone)]
pub struct ImageView {
    /// The file (the default rendition's, for a photo).
    pub target: Target,
    /// Its alternative text (empty when decorative).
    pub alt: String,
    /// Decorative (`![{decorative}](…)`): no alternative text, on purpose.
    pub decorative: bool,
    /// Its caption (the Markdown title, before ` | `).
    pub caption: String,
    /// Its credit line, as the language says it ("Credit: …"), from the
    /// title after ` | ` (or a cover's `credit:`).
    pub credit: Option<String>,
    /// The renditions made by the image stage (`None`: not an image the
    /// stage made, or one it could not read, which was reported).
    pub photo: Option<std::sync::Arc<crate::images::Photo>>,
}

impl Placement {
    /// Whether it stands on its own (a quote, a chart) rather than in a
    /// sentence.
    pub fn is_block(&self) -> bool {
        matches!(self, Placement::Quote(_) | Placement::Chart(_))
    }
}

/// A quote with its attribution, in the page's language.
#[derive(Debug, Clone)]
pub struct QuoteView {
    /// The campaign it belongs to.
    pub campaign: String,
    /// Its number under `quotes:` (1-based).
    pub n: usize,
    /// What was said.
    pub text: Localised,
    /// Who said it.
    pub who: Localised,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A story is mostly inlines (a text run, a line break), and the
    /// document model of every story lives until rendering ends: each
    /// inline was 152 bytes while a placement lay in it unboxed, and the
    /// document stage of a thousand campaigns took 80 MB of fresh memory
    /// (50 MB with the placements boxed).
    #[test]
    fn inlines_and_placements_stay_small() {
        assert!(
            std::mem::size_of::<Inline>() <= 56,
            "{}",
            std::mem::size_of::<Inline>()
        );
        assert!(std::mem::size_of::<Placement>() <= 48);
        assert!(std::mem::size_of::<Block>() <= 104);
    }
}
