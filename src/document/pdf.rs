//! The PDF emitter of a text of the document: its blocks as the PDF's
//! data ([`crate::pdf::Block`]), which the theme's Typst template prints.
//! A placement becomes what it is (a quote block, a chart, a figure's
//! text); links lead to the live site.

use super::{Block, ChartRef, Inline, Placement, Target};
use crate::markdown::plain_text;
use crate::pdf::{Block as PBlock, Inline as PInline};

/// What the PDF needs from the caller.
pub trait EmitPdf {
    /// The address on the live site of a link's target (none: the link
    /// text stays, unlinked).
    fn url(&self, target: &Target) -> Option<String>;
    /// The chart drawn by the chart stage.
    fn chart(&self, chart: &ChartRef) -> Option<PBlock>;
    /// A photo standing alone, printed with its caption and credit (none:
    /// its alternative text stands in its place).
    fn photo(&self, image: &super::ImageView) -> Option<PBlock> {
        let _ = image;
        None
    }
}

/// The PDF blocks of a text; its footnotes are gathered at its end.
pub fn emit(blocks: &[Block], cx: &dyn EmitPdf) -> Vec<PBlock> {
    let mut notes = Vec::new();
    let mut out = Vec::new();
    for b in blocks {
        block(b, cx, &mut out, &mut notes);
    }
    if !notes.is_empty() {
        out.push(PBlock::Footnotes { items: notes });
    }
    out
}

/// A quote of a campaign as the PDF shows it.
pub fn quote(q: &super::QuoteView) -> PBlock {
    PBlock::Quote {
        text: vec![PInline::text(q.text.text.clone())],
        who: Some(q.who.text.clone()),
    }
}

type Notes = Vec<(String, Vec<PInline>)>;

fn block(b: &Block, cx: &dyn EmitPdf, out: &mut Vec<PBlock>, notes: &mut Notes) {
    match b {
        Block::Paragraph(text) | Block::Plain(text) => paragraph(text, cx, out),
        Block::Heading { level, text, .. } => out.push(PBlock::Heading {
            level: *level,
            text: inlines(text, cx),
        }),
        Block::List { start, items } => out.push(PBlock::List {
            ordered: start.is_some(),
            items: items
                .iter()
                .map(|item| {
                    let mut blocks = Vec::new();
                    for b in item {
                        block(b, cx, &mut blocks, notes);
                    }
                    blocks
                })
                .collect(),
        }),
        Block::Quote(inner) => {
            let mut blocks = Vec::new();
            for b in inner {
                block(b, cx, &mut blocks, notes);
            }
            out.push(PBlock::Quote {
                text: inline_of(&blocks),
                who: None,
            });
        }
        Block::Code { text, .. } => out.push(PBlock::Paragraph {
            text: vec![PInline::Code {
                text: text.trim_end().to_string(),
            }],
        }),
        Block::Html(inner) => {
            // Raw HTML cannot be typeset: where the site allows it, it is
            // left out; otherwise the pages show it as text, and so does
            // the PDF.
            let text: String = inner
                .iter()
                .filter_map(|i| match i {
                    Inline::Text(t) => Some(t.as_str()),
                    _ => None,
                })
                .collect();
            if !text.trim().is_empty() {
                out.push(PBlock::Paragraph {
                    text: vec![PInline::text(text.trim())],
                });
            }
        }
        Block::Table { head, rows, .. } => {
            let numeric_columns = (0..head.len())
                .map(|i| {
                    rows.iter()
                        .all(|r| r.get(i).is_none_or(|c| looks_numeric(&plain_text(c))))
                })
                .collect();
            out.push(PBlock::Table {
                header: head.iter().map(|c| inlines(c, cx)).collect(),
                rows: rows
                    .iter()
                    .map(|r| r.iter().map(|c| inlines(c, cx)).collect())
                    .collect(),
                caption: None,
                numeric_columns,
            });
        }
        Block::Rule => out.push(PBlock::Rule),
        Block::Footnote { label, blocks, .. } => {
            let mut inner = Vec::new();
            for b in blocks {
                block(b, cx, &mut inner, notes);
            }
            notes.push((label.clone(), inline_of(&inner)));
        }
        Block::Placed(p) => out.extend(placed_block(p, cx)),
    }
}

fn placed_block(p: &Placement, cx: &dyn EmitPdf) -> Option<PBlock> {
    match p {
        Placement::Quote(q) => Some(quote(q)),
        Placement::Chart(c) => cx.chart(c),
        Placement::Metric { text, .. } => Some(PBlock::Paragraph {
            text: vec![PInline::text(text.clone())],
        }),
        Placement::Phrase { text, .. } => Some(PBlock::Paragraph {
            text: vec![PInline::text(text.text.clone())],
        }),
        Placement::Image(image) => cx.photo(image).or_else(|| {
            (!image.alt.is_empty()).then(|| PBlock::Paragraph {
                text: vec![PInline::text(image.alt.clone())],
            })
        }),
    }
}

/// A paragraph's text; quotes and charts placed in it stand between its
/// runs of text.
fn paragraph(text: &[Inline], cx: &dyn EmitPdf, out: &mut Vec<PBlock>) {
    let mut run: Vec<PInline> = Vec::new();
    let flush = |run: &mut Vec<PInline>, out: &mut Vec<PBlock>| {
        if run
            .iter()
            .any(|i| !matches!(i, PInline::Text { text } if text.trim().is_empty()))
        {
            out.push(PBlock::Paragraph {
                text: std::mem::take(run),
            });
        }
        run.clear();
    };
    for i in text {
        match i {
            Inline::Placed(p) if p.is_block() => {
                flush(&mut run, out);
                out.extend(placed_block(p, cx));
            }
            other => inline(other, cx, &mut run),
        }
    }
    flush(&mut run, out);
}

fn inlines(items: &[Inline], cx: &dyn EmitPdf) -> Vec<PInline> {
    let mut out = Vec::new();
    for i in items {
        inline(i, cx, &mut out);
    }
    out
}

fn inline(i: &Inline, cx: &dyn EmitPdf, out: &mut Vec<PInline>) {
    match i {
        Inline::Text(t) => out.push(PInline::text(t.clone())),
        Inline::Code(t) => out.push(PInline::Code { text: t.clone() }),
        // Raw HTML the site allows cannot be typeset.
        Inline::Html(_) => {}
        Inline::SoftBreak => out.push(PInline::text(" ")),
        Inline::HardBreak => out.push(PInline::LineBreak),
        Inline::Emph(c) => out.push(PInline::Emph {
            children: inlines(c, cx),
        }),
        Inline::Strong(c) => out.push(PInline::Strong {
            children: inlines(c, cx),
        }),
        Inline::Strike(c) => out.extend(inlines(c, cx)),
        Inline::Link {
            target, children, ..
        } => {
            let children = inlines(children, cx);
            match cx.url(target) {
                Some(url) => out.push(PInline::Link { url, children }),
                None => out.extend(children),
            }
        }
        Inline::FootnoteRef { label, .. } => out.push(PInline::FootnoteRef {
            label: label.clone(),
        }),
        Inline::Placed(Placement::Metric { text, .. }) => out.push(PInline::text(text.clone())),
        Inline::Placed(Placement::Phrase { text, .. }) => {
            out.push(PInline::text(text.text.clone()))
        }
        Inline::Placed(Placement::Image(image)) => out.push(PInline::text(image.alt.clone())),
        // A block placement inside a heading or a cell has no place.
        Inline::Placed(_) => {}
    }
}

/// The text of blocks as one run of inlines (for quotes and notes).
fn inline_of(blocks: &[PBlock]) -> Vec<PInline> {
    let mut out = Vec::new();
    for b in blocks {
        if !out.is_empty() {
            out.push(PInline::LineBreak);
        }
        match b {
            PBlock::Paragraph { text } | PBlock::Heading { text, .. } => {
                out.extend(text.iter().cloned())
            }
            PBlock::Quote { text, .. } => out.extend(text.iter().cloned()),
            PBlock::List { items, .. } => {
                for item in items {
                    out.push(PInline::text("• "));
                    out.extend(inline_of(item));
                }
            }
            _ => {}
        }
    }
    out
}

/// Whether a table cell holds a number (to right-align its column).
fn looks_numeric(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty()
        && s.chars().any(|c| c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_digit() || " \u{a0}\u{202f},.%+-–−£€$".contains(c))
}
