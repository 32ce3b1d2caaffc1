//! The HTML emitter of a text of the document: its blocks as the web
//! pages and the single-file HTML show them. The blocks are turned back
//! into pulldown-cmark's events and written by its HTML writer, so the
//! markup is CommonMark's; what a link leads to and what a placement looks
//! like is asked of the caller ([`Emit`]), which knows where the HTML goes.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Tag, TagEnd};

use super::{Block, ImageView, Inline, Placement, Target};
use crate::images::Rendition;

/// What differs between the places a text's HTML goes (a page, the
/// single-file HTML).
pub trait Emit {
    /// The address of a link's target.
    fn url(&self, target: &Target) -> String;
    /// Where a link leads, or `None` to keep its words unlinked (the
    /// single-file HTML of a site whose `base_url` is a path cannot lead
    /// back to it). By default, [`Emit::url`].
    fn link(&self, target: &Target) -> Option<String> {
        Some(self.url(target))
    }
    /// The address of an image (by default, as a link's).
    fn image(&self, target: &Target) -> String {
        self.url(target)
    }
    /// An id as the output writes it (a heading's anchor, the prefix of a
    /// text's footnotes): the single-file HTML holds many texts, and
    /// keeps their ids apart. By default, as it is.
    fn id(&self, id: &str) -> String {
        id.to_string()
    }
    /// Whether images go inside the output as `data:` addresses, one
    /// modest rendition each (the single-file HTML), rather than as files
    /// in every size (`srcset`).
    fn embeds_images(&self) -> bool {
        false
    }
    /// The HTML of a quote or chart placement (images and figures are
    /// written here).
    fn block(&self, placement: &Placement) -> String;
}

/// The `sizes` of a photo in the text: the text column (42rem, less its
/// padding on a phone).
pub const PHOTO_SIZES: &str = "(min-width: 45rem) 42rem, calc(100vw - 2.5rem)";

/// The width of the rendition the single-file HTML embeds: sharp on a
/// laptop at 1×, a tenth of the 1600's bytes (docs/images.md).
pub const EMBEDDED_WIDTH: u32 = 960;

/// The HTML of an image: a `<figure>` with its caption and credit when it
/// stands alone (`block`), else a small picture in the line.
pub fn image_html(image: &ImageView, block: bool, cx: &dyn Emit) -> String {
    image_markup(image, block, false, cx)
}

/// The HTML of a cover photo: a figure at the top of the page, loaded at
/// once (it is the largest thing above the fold) rather than lazily.
pub fn cover_html(image: &ImageView, cx: &dyn Emit) -> String {
    image_markup(image, true, true, cx)
}

fn image_markup(image: &ImageView, block: bool, eager: bool, cx: &dyn Emit) -> String {
    use crate::markup::escape;
    let alt = escape(&image.alt);
    let img = match (&image.photo, &image.target) {
        (_, Target::Broken) => String::new(),
        (Some(photo), Target::Media { source, .. }) => {
            let url = |r: &Rendition| {
                cx.image(&Target::Media {
                    path: r.path.clone(),
                    source: source.clone(),
                })
            };
            if cx.embeds_images() {
                let r = photo.at_most(EMBEDDED_WIDTH);
                let data = base64::Engine::encode(
                    &base64::engine::general_purpose::STANDARD,
                    r.bytes.as_slice(),
                );
                format!(
                    "<img src=\"data:{};base64,{data}\" width=\"{}\" height=\"{}\" alt=\"{alt}\" decoding=\"async\">",
                    r.format.mime(),
                    r.width,
                    r.height
                )
            } else {
                let shown = match block {
                    true => photo.at_most(crate::images::DEFAULT_WIDTH),
                    false => &photo.renditions[0],
                };
                let srcset = |list: &[Rendition]| -> String {
                    list.iter()
                        .map(|r| format!("{} {}w", escape(&url(r)), r.width))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let (set, webp) = match (block, photo.resized()) {
                    (true, true) => (
                        format!(" srcset=\"{}\" sizes=\"{PHOTO_SIZES}\"", srcset(&photo.renditions)),
                        match photo.webp.is_empty() {
                            true => String::new(),
                            false => format!(
                                "<source type=\"image/webp\" srcset=\"{}\" sizes=\"{PHOTO_SIZES}\">",
                                srcset(&photo.webp)
                            ),
                        },
                    ),
                    _ => (String::new(), String::new()),
                };
                // In a sentence, the caption is the picture's tooltip.
                let class = match (block, image.caption.is_empty()) {
                    (true, _) => String::new(),
                    (false, true) => " class=\"inline-img\"".to_string(),
                    (false, false) => {
                        format!(" class=\"inline-img\" title=\"{}\"", escape(&image.caption))
                    }
                };
                let loading = match eager {
                    true => "fetchpriority=\"high\"",
                    false => "loading=\"lazy\"",
                };
                let img = format!(
                    "<img src=\"{}\"{set} width=\"{}\" height=\"{}\" alt=\"{alt}\"{class} {loading} decoding=\"async\">",
                    escape(&url(shown)),
                    shown.width,
                    shown.height
                );
                match webp.is_empty() {
                    true => img,
                    false => format!("<picture>{webp}{img}</picture>"),
                }
            }
        }
        (_, target) => format!(
            "<img src=\"{}\" alt=\"{alt}\" loading=\"lazy\" decoding=\"async\">",
            escape(&cx.image(target))
        ),
    };
    if !block {
        return img;
    }
    let mut caption = String::new();
    if !image.caption.is_empty() {
        caption.push_str(&escape(&image.caption));
    }
    if let Some(credit) = &image.credit {
        if !caption.is_empty() {
            caption.push(' ');
        }
        caption.push_str(&format!("<span class=\"credit\">{}</span>", escape(credit)));
    }
    match caption.is_empty() {
        true => format!("<figure class=\"photo\">{img}</figure>"),
        false => {
            format!("<figure class=\"photo\">{img}<figcaption>{caption}</figcaption></figure>")
        }
    }
}

/// The HTML of `blocks`; `prefix` makes footnote ids unique on the page.
/// `raw` is whether they hold raw HTML (see [`has_raw_html`]).
pub fn emit(
    blocks: &[Block],
    raw: bool,
    prefix: &str,
    footnotes_label: &str,
    cx: &dyn Emit,
) -> String {
    let prefix = cx.id(prefix);
    // Raw HTML (only where site.yaml allows it) is cleaned with the text
    // around it, as one piece of HTML: placements are ours, and wait
    // outside the cleaning as numbered marks.
    let mut w = Writer {
        prefix: &prefix,
        cx,
        events: Vec::new(),
        footnotes: false,
        footnotes_label,
        held: raw.then(Vec::new),
    };
    for b in blocks {
        w.block(b);
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, w.events.into_iter());
    if w.footnotes {
        html.push_str("</div>\n");
    }
    match w.held {
        Some(held) => put_back(&crate::markdown::raw_html::clean(&html), &held),
        None => html,
    }
}

/// Whether any of `blocks` holds raw HTML.
pub fn has_raw_html(blocks: &[Block]) -> bool {
    blocks.iter().any(block_has_raw_html)
}

fn block_has_raw_html(b: &Block) -> bool {
    fn inl(items: &[Inline]) -> bool {
        items.iter().any(|i| match i {
            Inline::Html(_) => true,
            Inline::Emph(c) | Inline::Strong(c) | Inline::Strike(c) => inl(c),
            Inline::Link { children, .. } => inl(children),
            _ => false,
        })
    }
    match b {
        Block::Paragraph(t) | Block::Plain(t) | Block::Html(t) => inl(t),
        Block::Heading { text, .. } => inl(text),
        Block::List { items, .. } => items.iter().any(|item| has_raw_html(item)),
        Block::Quote(inner) | Block::Footnote { blocks: inner, .. } => has_raw_html(inner),
        Block::Table { head, rows, .. } => head.iter().chain(rows.iter().flatten()).any(|c| inl(c)),
        Block::Code { .. } | Block::Rule | Block::Placed(_) => false,
    }
}

/// The held placements put back at their marks, in one pass.
fn put_back(html: &str, held: &[String]) -> String {
    let mut out = String::with_capacity(html.len() + held.iter().map(String::len).sum::<usize>());
    let mut rest = html;
    while let Some(start) = rest.find(MARK_OPEN) {
        let after = &rest[start + MARK_OPEN.len_utf8()..];
        let Some(end) = after.find(MARK_CLOSE) else {
            break;
        };
        out.push_str(&rest[..start]);
        if let Some(h) = after[..end].parse::<usize>().ok().and_then(|i| held.get(i)) {
            out.push_str(h);
        }
        rest = &after[end + MARK_CLOSE.len_utf8()..];
    }
    out.push_str(rest);
    out
}

/// A held placement's mark (private-use characters, which no text keeps:
/// the parser turned the text's own into placements).
const MARK_OPEN: char = '\u{E000}';
/// See [`MARK_OPEN`].
const MARK_CLOSE: char = '\u{E001}';

struct Writer<'a> {
    prefix: &'a str,
    cx: &'a dyn Emit,
    events: Vec<Event<'a>>,
    /// Whether the footnotes' section is open (it holds the rest).
    footnotes: bool,
    /// The footnotes section's `aria-label`.
    footnotes_label: &'a str,
    /// Placements held out of raw HTML's cleaning (see [`emit`]).
    held: Option<Vec<String>>,
}

fn html(s: String) -> Event<'static> {
    Event::Html(CowStr::from(s))
}

impl<'a> Writer<'a> {
    fn block(&mut self, b: &'a Block) {
        match b {
            Block::Paragraph(text) => {
                self.events.push(Event::Start(Tag::Paragraph));
                self.inlines(text);
                self.events.push(Event::End(TagEnd::Paragraph));
            }
            Block::Plain(text) => self.inlines(text),
            Block::Heading {
                level,
                id,
                classes,
                attrs,
                text,
            } => {
                let level = HeadingLevel::try_from(*level as usize).unwrap_or(HeadingLevel::H6);
                self.events.push(Event::Start(Tag::Heading {
                    level,
                    id: Some(CowStr::from(self.cx.id(id))),
                    classes: classes.iter().map(|c| CowStr::from(c.as_str())).collect(),
                    attrs: attrs
                        .iter()
                        .map(|(k, v)| (CowStr::from(k.as_str()), v.as_deref().map(CowStr::from)))
                        .collect(),
                }));
                self.inlines(text);
                self.events.push(Event::End(TagEnd::Heading(level)));
            }
            Block::List { start, items } => {
                self.events.push(Event::Start(Tag::List(*start)));
                for item in items {
                    self.events.push(Event::Start(Tag::Item));
                    for b in item {
                        self.block(b);
                    }
                    self.events.push(Event::End(TagEnd::Item));
                }
                self.events.push(Event::End(TagEnd::List(start.is_some())));
            }
            Block::Quote(blocks) => {
                self.events.push(Event::Start(Tag::BlockQuote(None)));
                for b in blocks {
                    self.block(b);
                }
                self.events.push(Event::End(TagEnd::BlockQuote(None)));
            }
            Block::Code { info, text } => {
                let kind = match info {
                    Some(i) => CodeBlockKind::Fenced(CowStr::from(i.as_str())),
                    None => CodeBlockKind::Indented,
                };
                self.events.push(Event::Start(Tag::CodeBlock(kind)));
                self.events.push(Event::Text(CowStr::from(text.as_str())));
                self.events.push(Event::End(TagEnd::CodeBlock));
            }
            Block::Html(inner) => {
                self.events.push(Event::Start(Tag::HtmlBlock));
                self.inlines(inner);
                self.events.push(Event::End(TagEnd::HtmlBlock));
            }
            Block::Table { align, head, rows } => {
                // Written on its own, to sit in a box that scrolls on small
                // screens.
                let mut table = Writer {
                    prefix: self.prefix,
                    cx: self.cx,
                    events: vec![Event::Start(Tag::Table(align.clone()))],
                    footnotes: false,
                    footnotes_label: self.footnotes_label,
                    held: self.held.take(),
                };
                table.events.push(Event::Start(Tag::TableHead));
                for cell in head {
                    table.cell(cell);
                }
                table.events.push(Event::End(TagEnd::TableHead));
                for row in rows {
                    table.events.push(Event::Start(Tag::TableRow));
                    for cell in row {
                        table.cell(cell);
                    }
                    table.events.push(Event::End(TagEnd::TableRow));
                }
                table.events.push(Event::End(TagEnd::Table));
                self.held = table.held.take();
                let mut out = String::new();
                pulldown_cmark::html::push_html(&mut out, table.events.into_iter());
                self.events.push(html(format!(
                    "<div class=\"table-wrap\" tabindex=\"0\">{}</div>\n",
                    out.trim_end_matches('\n')
                )));
            }
            Block::Rule => self.events.push(Event::Rule),
            Block::Footnote { label, n, blocks } => {
                if !self.footnotes {
                    self.footnotes = true;
                    self.events.push(html(format!(
                        "<div class=\"footnotes\" role=\"note\" id=\"{}-footnotes\" aria-label=\"{}\">",
                        self.prefix,
                        crate::markup::escape(self.footnotes_label)
                    )));
                }
                let id = footnote_id(self.prefix, label);
                self.events.push(html(format!(
                    "<div class=\"footnote\" id=\"{id}\"><span class=\"fn-label\">{n}</span>"
                )));
                for b in blocks {
                    self.block(b);
                }
                self.events.push(html("</div>".into()));
            }
            Block::Placed(Placement::Image(image)) => {
                let h = self.hold(image_html(image, true, self.cx));
                self.events.push(html(format!("{h}\n")));
            }
            Block::Placed(p) => {
                let h = self.placement(p);
                self.events.push(html(format!("{h}\n")));
            }
        }
    }

    fn cell(&mut self, cell: &'a [Inline]) {
        self.events.push(Event::Start(Tag::TableCell));
        self.inlines(cell);
        self.events.push(Event::End(TagEnd::TableCell));
    }

    fn inlines(&mut self, items: &'a [Inline]) {
        for i in items {
            self.inline(i);
        }
    }

    fn inline(&mut self, i: &'a Inline) {
        let wrap = |w: &mut Writer<'a>, tag: Tag<'a>, end: TagEnd, children: &'a [Inline]| {
            w.events.push(Event::Start(tag));
            w.inlines(children);
            w.events.push(Event::End(end));
        };
        match i {
            Inline::Text(t) => self.events.push(Event::Text(CowStr::from(t.as_str()))),
            Inline::Code(t) => self.events.push(Event::Code(CowStr::from(t.as_str()))),
            Inline::Html(h) => self
                .events
                .push(Event::InlineHtml(CowStr::from(h.as_str()))),
            Inline::SoftBreak => self.events.push(Event::SoftBreak),
            Inline::HardBreak => self.events.push(Event::HardBreak),
            Inline::Emph(c) => wrap(self, Tag::Emphasis, TagEnd::Emphasis, c),
            Inline::Strong(c) => wrap(self, Tag::Strong, TagEnd::Strong, c),
            Inline::Strike(c) => wrap(self, Tag::Strikethrough, TagEnd::Strikethrough, c),
            Inline::Link {
                target,
                title,
                children,
            } => match self.cx.link(target) {
                Some(url) => {
                    let tag = Tag::Link {
                        link_type: LinkType::Inline,
                        dest_url: CowStr::from(url),
                        title: CowStr::from(title.as_str()),
                        id: CowStr::from(""),
                    };
                    wrap(self, tag, TagEnd::Link, children)
                }
                None => self.inlines(children),
            },
            Inline::FootnoteRef { label, n } => {
                let id = footnote_id(self.prefix, label);
                self.events.push(html(format!(
                    "<sup class=\"fn-ref\" id=\"{id}-ref\"><a href=\"#{id}\" aria-describedby=\"{p}-footnotes\">{n}</a></sup>",
                    p = self.prefix
                )));
            }
            Inline::Placed(p) => {
                let h = self.placement(p);
                self.events.push(Event::InlineHtml(CowStr::from(h)));
            }
        }
    }

    fn placement(&mut self, p: &Placement) -> String {
        let h = match p {
            Placement::Metric { text, .. } => format!(
                "<span class=\"figure\">{}</span>",
                crate::markup::escape(text)
            ),
            Placement::Phrase { text, .. } => {
                let lang = match text.fallback {
                    true => format!(" lang=\"{}\" class=\"untranslated\"", text.lang),
                    false => String::new(),
                };
                format!(
                    "<span class=\"phrase\"{lang}>{}</span>",
                    crate::markup::escape(&text.text)
                )
            }
            Placement::Image(image) => image_html(image, false, self.cx),
            other => self.cx.block(other),
        };
        self.hold(h)
    }

    /// `h`, or its mark when raw HTML is cleaned around it (see [`emit`]).
    fn hold(&mut self, h: String) -> String {
        match &mut self.held {
            Some(held) => {
                held.push(h);
                format!("{MARK_OPEN}{}{MARK_CLOSE}", held.len() - 1)
            }
            None => h,
        }
    }
}

/// The id of a footnote on the page.
pub fn footnote_id(prefix: &str, label: &str) -> String {
    let clean: String = label
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("{prefix}-fn-{clean}")
}
