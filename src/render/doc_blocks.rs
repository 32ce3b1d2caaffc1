//! Markdown -> the blocks of the report document (the PDF and the
//! single-file HTML), with the same reading of the text as the pages: the
//! same extensions, the language's quotation marks, `@/` links made into
//! addresses on the live site, and shortcodes placed as text, quotes or
//! charts.
//!
//! Problems in the Markdown are reported when the pages render (the same
//! text, the same resolver); here anything that does not resolve is left
//! out rather than reported twice.

use std::iter::Peekable;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::markdown::shortcode::{self, Shortcode, CLOSE, OPEN};
use crate::markdown::{QuoteState, QuoteStyle};
use crate::pdf::{Block, Inline};

/// What a shortcode or link becomes in the document.
pub trait DocResolver {
    /// A shortcode as text in a sentence or a block of its own.
    fn place(&self, sc: &Shortcode) -> Option<Piece>;
    /// The absolute address of a `@/` content link.
    fn link(&self, path: &str) -> Option<String>;
}

/// Inline or block content.
pub enum Piece {
    /// In a sentence.
    Inline(Inline),
    /// On its own.
    Block(Block),
}

/// Converts `body` to blocks.
pub fn blocks(
    body: &str,
    lang: &str,
    allow_raw_html: bool,
    resolver: &dyn DocResolver,
) -> Vec<Block> {
    let (text, shortcodes, _) = shortcode::extract(body);
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_STRIKETHROUGH;
    // Too deep a text is reported by the page's render; here it is only cut.
    let mut nesting = crate::markdown::Nesting::default();
    let events: Vec<Event> = Parser::new_ext(&text, options)
        .filter(|e| nesting.keep(e))
        .collect();
    let mut walker = Walker {
        events: events.into_iter().peekable(),
        quotes: QuoteStyle::for_lang(lang),
        state: QuoteState::default(),
        shortcodes: &shortcodes,
        resolver,
        allow_raw_html,
        notes: Vec::new(),
    };
    let mut out = walker.blocks();
    if !walker.notes.is_empty() {
        out.push(Block::Footnotes {
            items: std::mem::take(&mut walker.notes),
        });
    }
    out
}

struct Walker<'a, I: Iterator<Item = Event<'a>>> {
    events: Peekable<I>,
    quotes: QuoteStyle,
    state: QuoteState,
    shortcodes: &'a [Shortcode],
    resolver: &'a dyn DocResolver,
    allow_raw_html: bool,
    notes: Vec<(String, Vec<Inline>)>,
}

fn is_inline(e: &Event) -> bool {
    matches!(
        e,
        Event::Text(_)
            | Event::Code(_)
            | Event::SoftBreak
            | Event::HardBreak
            | Event::FootnoteReference(_)
            | Event::InlineHtml(_)
            | Event::InlineMath(_)
            | Event::Start(Tag::Emphasis)
            | Event::Start(Tag::Strong)
            | Event::Start(Tag::Strikethrough)
            | Event::Start(Tag::Link { .. })
            | Event::Start(Tag::Image { .. })
    )
}

impl<'a, I: Iterator<Item = Event<'a>>> Walker<'a, I> {
    /// Blocks until the end of the enclosing container (its `End` is eaten).
    fn blocks(&mut self) -> Vec<Block> {
        let mut out = Vec::new();
        while let Some(e) = self.events.peek() {
            if is_inline(e) {
                // A tight list item: its text comes without a paragraph.
                self.state = QuoteState::default();
                let pieces = self.inlines_until_block();
                push_paragraph(&mut out, pieces);
                continue;
            }
            let Some(e) = self.events.next() else { break };
            match e {
                Event::End(_) => break,
                Event::Start(Tag::Paragraph) => {
                    self.state = QuoteState::default();
                    let pieces = self.inlines();
                    push_paragraph(&mut out, pieces);
                }
                Event::Start(Tag::Heading { level, .. }) => {
                    let text = flatten(self.inlines());
                    out.push(Block::Heading {
                        level: level as u8,
                        text,
                    });
                }
                Event::Start(Tag::List(start)) => {
                    let mut items = Vec::new();
                    while let Some(e) = self.events.next() {
                        match e {
                            Event::Start(Tag::Item) => items.push(self.blocks()),
                            Event::End(_) => break,
                            _ => {}
                        }
                    }
                    out.push(Block::List {
                        ordered: start.is_some(),
                        items,
                    });
                }
                Event::Start(Tag::BlockQuote(_)) => {
                    let inner = self.blocks();
                    out.push(Block::Quote {
                        text: inline_of(&inner),
                        who: None,
                    });
                }
                Event::Start(Tag::CodeBlock(_)) => {
                    let mut code = String::new();
                    for e in self.events.by_ref() {
                        match e {
                            Event::Text(t) => code.push_str(&t),
                            Event::End(_) => break,
                            _ => {}
                        }
                    }
                    out.push(Block::Paragraph {
                        text: vec![Inline::Code {
                            text: code.trim_end().to_string(),
                        }],
                    });
                }
                Event::Start(Tag::Table(_)) => out.push(self.table()),
                Event::Start(Tag::FootnoteDefinition(label)) => {
                    let inner = self.blocks();
                    self.notes.push((label.to_string(), inline_of(&inner)));
                }
                Event::Start(Tag::HtmlBlock) => {
                    let mut raw = String::new();
                    for e in self.events.by_ref() {
                        match e {
                            Event::Html(h) | Event::Text(h) => raw.push_str(&h),
                            Event::End(_) => break,
                            _ => {}
                        }
                    }
                    // Raw HTML cannot be typeset; unless the site allows it
                    // the pages show it as text, and so does the document.
                    if !self.allow_raw_html && !raw.trim().is_empty() {
                        out.push(Block::Paragraph {
                            text: vec![Inline::text(raw.trim())],
                        });
                    }
                }
                Event::Rule => out.push(Block::Rule),
                Event::Start(_) => {
                    // Anything else (definition lists, metadata): skip it whole.
                    let _ = self.blocks();
                }
                _ => {}
            }
        }
        out
    }

    fn table(&mut self) -> Block {
        let mut header = Vec::new();
        let mut rows: Vec<Vec<Vec<Inline>>> = Vec::new();
        let mut in_head = false;
        while let Some(e) = self.events.next() {
            match e {
                Event::Start(Tag::TableHead) => in_head = true,
                Event::End(TagEnd::TableHead) => in_head = false,
                Event::Start(Tag::TableRow) => rows.push(Vec::new()),
                Event::Start(Tag::TableCell) => {
                    self.state = QuoteState::default();
                    let cell = flatten(self.inlines());
                    if in_head {
                        header.push(cell);
                    } else if let Some(row) = rows.last_mut() {
                        row.push(cell);
                    }
                }
                Event::End(TagEnd::Table) => break,
                _ => {}
            }
        }
        let numeric_columns = (0..header.len())
            .map(|i| {
                rows.iter()
                    .all(|r| r.get(i).is_none_or(|c| looks_numeric(&plain_text(c))))
            })
            .collect();
        Block::Table {
            header,
            rows,
            caption: None,
            numeric_columns,
        }
    }

    /// Inlines until the `End` of the enclosing inline container.
    fn inlines(&mut self) -> Vec<Piece> {
        let mut out = Vec::new();
        while let Some(e) = self.events.next() {
            if let Event::End(_) = e {
                break;
            }
            self.inline(e, &mut out);
        }
        out
    }

    /// Inlines up to (not including) the next block-level event.
    fn inlines_until_block(&mut self) -> Vec<Piece> {
        let mut out = Vec::new();
        while self.events.peek().is_some_and(is_inline) {
            let Some(e) = self.events.next() else { break };
            self.inline(e, &mut out);
        }
        out
    }

    fn inline(&mut self, e: Event<'a>, out: &mut Vec<Piece>) {
        match e {
            Event::Text(t) => {
                let t = self.quotes.apply(&t, &mut self.state);
                self.text_with_placeholders(&t, out);
            }
            Event::Code(t) => out.push(Piece::Inline(Inline::Code {
                text: t.to_string(),
            })),
            Event::SoftBreak => out.push(Piece::Inline(Inline::text(" "))),
            Event::HardBreak => out.push(Piece::Inline(Inline::LineBreak)),
            Event::FootnoteReference(label) => out.push(Piece::Inline(Inline::FootnoteRef {
                label: label.to_string(),
            })),
            Event::InlineHtml(h) | Event::Html(h) if !self.allow_raw_html => {
                out.push(Piece::Inline(Inline::text(h.to_string())));
            }
            Event::InlineMath(m) | Event::DisplayMath(m) => {
                out.push(Piece::Inline(Inline::text(m.to_string())))
            }
            Event::Start(Tag::Emphasis) => {
                let children = flatten(self.inlines());
                out.push(Piece::Inline(Inline::Emph { children }));
            }
            Event::Start(Tag::Strong) => {
                let children = flatten(self.inlines());
                out.push(Piece::Inline(Inline::Strong { children }));
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                let children = flatten(self.inlines());
                let url = if let Some(path) = dest_url.strip_prefix("@/") {
                    self.resolver.link(&format!("@/{path}"))
                } else if dest_url.starts_with("http://")
                    || dest_url.starts_with("https://")
                    || dest_url.starts_with("mailto:")
                {
                    Some(dest_url.to_string())
                } else {
                    None
                };
                match url {
                    Some(url) => out.push(Piece::Inline(Inline::Link { url, children })),
                    None => out.extend(children.into_iter().map(Piece::Inline)),
                }
            }
            Event::Start(Tag::Image { .. }) => {
                // The document carries text only; the alt text stands in.
                let alt = flatten(self.inlines());
                out.extend(alt.into_iter().map(Piece::Inline));
            }
            Event::Start(_) => out.extend(self.inlines()),
            _ => {}
        }
    }

    fn text_with_placeholders(&self, t: &str, out: &mut Vec<Piece>) {
        let mut rest = t;
        while let Some(start) = rest.find(OPEN) {
            if start > 0 {
                out.push(Piece::Inline(Inline::text(&rest[..start])));
            }
            let after = &rest[start + OPEN.len_utf8()..];
            let Some(end) = after.find(CLOSE) else {
                rest = after;
                break;
            };
            let placed = after[..end]
                .parse::<usize>()
                .ok()
                .and_then(|i| self.shortcodes.get(i))
                .and_then(|sc| self.resolver.place(sc));
            out.extend(placed);
            rest = &after[end + CLOSE.len_utf8()..];
        }
        if !rest.is_empty() {
            out.push(Piece::Inline(Inline::text(rest)));
        }
    }
}

/// A paragraph's pieces: text runs become paragraphs, placed blocks stand
/// between them.
fn push_paragraph(out: &mut Vec<Block>, pieces: Vec<Piece>) {
    let mut run: Vec<Inline> = Vec::new();
    let flush = |run: &mut Vec<Inline>, out: &mut Vec<Block>| {
        if run
            .iter()
            .any(|i| !matches!(i, Inline::Text { text } if text.trim().is_empty()))
        {
            out.push(Block::Paragraph {
                text: std::mem::take(run),
            });
        }
        run.clear();
    };
    for p in pieces {
        match p {
            Piece::Inline(i) => run.push(i),
            Piece::Block(b) => {
                flush(&mut run, out);
                out.push(b);
            }
        }
    }
    flush(&mut run, out);
}

/// Inline pieces only (a block placed inside a heading or cell is dropped).
fn flatten(pieces: Vec<Piece>) -> Vec<Inline> {
    pieces
        .into_iter()
        .filter_map(|p| match p {
            Piece::Inline(i) => Some(i),
            Piece::Block(_) => None,
        })
        .collect()
}

/// The text of blocks as one run of inlines (for quotes and notes).
fn inline_of(blocks: &[Block]) -> Vec<Inline> {
    let mut out = Vec::new();
    for b in blocks {
        if !out.is_empty() {
            out.push(Inline::LineBreak);
        }
        match b {
            Block::Paragraph { text } | Block::Heading { text, .. } => {
                out.extend(text.iter().cloned())
            }
            Block::Quote { text, .. } => out.extend(text.iter().cloned()),
            Block::List { items, .. } => {
                for item in items {
                    out.push(Inline::text("• "));
                    out.extend(inline_of(item));
                }
            }
            _ => {}
        }
    }
    out
}

/// The plain text of inlines.
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut s = String::new();
    for i in inlines {
        match i {
            Inline::Text { text } | Inline::Code { text } => s.push_str(text),
            Inline::Strong { children }
            | Inline::Emph { children }
            | Inline::Link { children, .. } => s.push_str(&plain_text(children)),
            Inline::LineBreak => s.push(' '),
            Inline::FootnoteRef { .. } => {}
        }
    }
    s
}

/// Whether a table cell holds a number (to right-align its column).
fn looks_numeric(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty()
        && s.chars().any(|c| c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_digit() || " \u{a0}\u{202f},.%+-–−£€$".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fixed;
    impl DocResolver for Fixed {
        fn place(&self, sc: &Shortcode) -> Option<Piece> {
            match sc.name.as_str() {
                "metric" => Some(Piece::Inline(Inline::text("515\u{a0}839"))),
                "chart" => Some(Piece::Block(Block::Rule)),
                _ => None,
            }
        }
        fn link(&self, path: &str) -> Option<String> {
            Some(format!("https://x.org/{}", path.trim_start_matches("@/")))
        }
    }

    #[test]
    fn paragraphs_quotes_shortcodes_and_links() {
        let md = "Pasiekta {{ metric(key=\"reach\") }} žmonių, \"labai\" daug.\n\n{{ chart(id=\"a\") }}\n\n[Bali](@/campaigns/bali) and *more*[^1].\n\n[^1]: A note.\n";
        let out = blocks(md, "lt", false, &Fixed);
        let Block::Paragraph { text } = &out[0] else {
            panic!("{out:?}")
        };
        assert_eq!(
            plain_text(text),
            "Pasiekta 515\u{a0}839 žmonių, „labai“ daug."
        );
        assert!(matches!(out[1], Block::Rule), "{out:?}");
        let Block::Paragraph { text } = &out[2] else {
            panic!("{out:?}")
        };
        assert!(
            matches!(&text[0], Inline::Link { url, .. } if url == "https://x.org/campaigns/bali"),
            "{text:?}"
        );
        assert!(text
            .iter()
            .any(|i| matches!(i, Inline::FootnoteRef { label } if label == "1")));
        let Some(Block::Footnotes { items }) = out.last() else {
            panic!("{out:?}")
        };
        assert_eq!(plain_text(&items[0].1), "A note.");
    }

    #[test]
    fn tables_lists_and_headings() {
        let md =
            "## Results\n\n| Audience | Reach |\n|---|---:|\n| UK | 11 972 |\n\n- one\n- two\n";
        let out = blocks(md, "en", false, &Fixed);
        assert!(
            matches!(&out[0], Block::Heading { level: 2, .. }),
            "{out:?}"
        );
        let Block::Table {
            header,
            rows,
            numeric_columns,
            ..
        } = &out[1]
        else {
            panic!("{out:?}")
        };
        assert_eq!(header.len(), 2);
        assert_eq!(rows.len(), 1);
        assert_eq!(numeric_columns, &vec![false, true]);
        let Block::List {
            ordered: false,
            items,
        } = &out[2]
        else {
            panic!("{out:?}")
        };
        assert_eq!(items.len(), 2);
    }
}
