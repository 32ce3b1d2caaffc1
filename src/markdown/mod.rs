//! Markdown -> the document model for one text in one language, parsed
//! once: CommonMark with tables, footnotes (numbered in order of first
//! mention), smart punctuation with the language's own quotation marks
//! („…“ in Lithuanian), heading anchors, `@/…` content links, images and
//! `{{ shortcode(...) }}` placements. What links, images and shortcodes
//! resolve to is decided by the caller through [`Resolver`]; this module
//! never reads files or formats numbers, and writes no HTML (that is
//! `crate::document::html`).

pub(crate) mod raw_html;
pub mod shortcode;

use std::collections::{BTreeMap, BTreeSet};

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

use crate::document::{Block, Inline, Placement, Target};
pub use shortcode::Shortcode;

/// Decides what `@/` links, files and shortcodes are in the text being
/// parsed.
pub trait Resolver {
    /// The page a content path such as `@/campaigns/bali#x` leads to, or
    /// why it does not resolve.
    fn link(&self, path: &str) -> Result<Target, String>;
    /// The placement a shortcode stands for, or what is wrong with it.
    fn shortcode(&self, sc: &Shortcode) -> Result<Placement, String>;
    /// The file an image or link written relative to the Markdown file
    /// names, or why it cannot be used.
    fn media(&self, path: &str) -> Result<Target, String>;
    /// The renditions of the image `target` leads to (`None` for one the
    /// image stage did not make). By default, none.
    fn photo(&self, target: &Target) -> Option<std::sync::Arc<crate::images::Photo>> {
        let _ = target;
        None
    }
    /// The credit line of an image in the text's language ("Credit:
    /// {credit}"). By default, the credit as written.
    fn credit(&self, credit: &str) -> String {
        credit.to_string()
    }
}

/// The alternative text of an image that only decorates, written
/// `![{decorative}](border.png)`: an empty `![](…)` is a forgotten
/// description, and braces cannot be read as one.
pub const DECORATIVE: &str = "{decorative}";

/// The caption and credit of an image's title, `"Caption | Credit"`
/// (either may be left out: `"Caption"`, `"| Credit"`).
pub fn caption_and_credit(title: &str) -> (String, Option<String>) {
    match title.rsplit_once('|') {
        Some((caption, credit)) => {
            let credit = credit.trim();
            (
                caption.trim().to_string(),
                (!credit.is_empty()).then(|| credit.to_string()),
            )
        }
        None => (title.trim().to_string(), None),
    }
}

/// How to parse.
pub struct RenderOptions<'a> {
    /// The text's language code (chooses the quotation marks).
    pub lang: &'a str,
    /// Keep raw HTML (site.yaml `allow_raw_html`); it is text otherwise.
    pub allow_raw_html: bool,
    /// Prefix for ids, unique per document on a page.
    pub id_prefix: &'a str,
    /// What the footnotes are called in the page's language (their
    /// section's `aria-label`).
    pub footnotes_label: &'a str,
}

/// A problem found while parsing, at a 1-based line and column of the body.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// What is wrong.
    pub message: String,
    /// Line in the body.
    pub line: u32,
    /// Column.
    pub col: u32,
    /// How to fix it.
    pub help: String,
}

/// How deep blocks and inline elements may nest in Markdown (quotes in
/// quotes, lists in lists, emphasis in emphasis). Real writing stays under
/// ten; thousands (`>>>>…`) overflowed the stack of whatever walked the
/// tree.
pub const MAX_NESTING: usize = 32;

/// Drops what is nested deeper than [`MAX_NESTING`] from a stream of
/// events, and remembers that it did; every consumer of parsed Markdown
/// sees the stream through one.
#[derive(Debug, Default)]
pub struct Nesting {
    depth: usize,
    /// Whether anything was dropped.
    pub too_deep: bool,
    /// Whether the caller has said so.
    reported: bool,
}

impl Nesting {
    /// Whether `event` is kept (its `Start` and `End` are kept or dropped
    /// together, and so is everything between them).
    pub fn keep(&mut self, event: &Event) -> bool {
        match event {
            Event::Start(_) => {
                self.depth += 1;
                let keep = self.depth <= MAX_NESTING;
                self.too_deep |= !keep;
                keep
            }
            Event::End(_) => {
                let keep = self.depth <= MAX_NESTING;
                self.depth = self.depth.saturating_sub(1);
                keep
            }
            _ => self.depth <= MAX_NESTING,
        }
    }
}

/// The problem reported where Markdown nests too deep.
fn too_deep(text: &str, offset: usize) -> Problem {
    let (line, col) = crate::model::line_col(text, offset);
    Problem {
        message: format!("the text is nested more than {MAX_NESTING} levels deep here"),
        line,
        col,
        help: "a quote or list inside another is fine, but not dozens deep: check for stray `>` or list markers at the start of the line".into(),
    }
}

/// Parses `body` into blocks; problems come with them so that every one
/// is reported, not just the first.
pub fn parse(
    body: &str,
    opts: &RenderOptions,
    resolver: &dyn Resolver,
) -> (Vec<Block>, Vec<Problem>) {
    let (text, shortcodes, syntax) = shortcode::extract(body);
    let mut problems: Vec<Problem> = syntax
        .into_iter()
        .map(|e| Problem {
            message: e.message,
            line: e.line,
            col: e.col,
            help: "shortcodes look like {{ metric(key=\"reach\", audience=\"lincolnshire\") }}, {{ quote(n=1) }} or {{ chart(id=\"…\") }}".into(),
        })
        .collect();

    let mut placements = Vec::with_capacity(shortcodes.len());
    for sc in &shortcodes {
        match resolver.shortcode(sc) {
            Ok(p) => placements.push(Some(p)),
            Err(message) => {
                problems.push(Problem {
                    message,
                    line: sc.line,
                    col: sc.col,
                    help: shortcode_help(&sc.name),
                });
                placements.push(None);
            }
        }
    }

    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_STRIKETHROUGH;
    // Events nested deeper than the limit are dropped before the tree is
    // built (and written, and walked by every emitter): one problem says so.
    let mut nesting = Nesting::default();
    let mut events = Vec::new();
    // Where code is: `![…](…)` written there is an example, not an image.
    let mut code_ranges: Vec<std::ops::Range<usize>> = Vec::new();
    for (event, range) in Parser::new_ext(&text, options).into_offset_iter() {
        if matches!(event, Event::Code(_) | Event::Start(Tag::CodeBlock(_))) {
            code_ranges.push(range.clone());
        }
        if nesting.keep(&event) {
            events.push((event, range));
        } else if !nesting.reported {
            nesting.reported = true;
            problems.push(too_deep(&text, range.start));
        }
    }
    let mut builder = Builder {
        events: events.into_iter(),
        text: &text,
        quotes: QuoteStyle::for_lang(opts.lang),
        examples: Examples::for_lang(opts.lang),
        state: QuoteState::default(),
        placements,
        resolver,
        allow_raw_html: opts.allow_raw_html,
        footnotes: BTreeMap::new(),
        problems: &mut problems,
    };
    let mut blocks = builder.blocks();
    problems.extend(unparsed_images(&text, &code_ranges, resolver));
    let mut used = BTreeSet::new();
    explicit_ids(&blocks, &mut used);
    add_heading_ids(&mut blocks, opts.id_prefix, &mut used, &mut BTreeMap::new());
    (blocks, problems)
}

/// Parses `body` and writes it as HTML for a page at the site's root,
/// with quotes and charts as empty figures: for tests and the fuzz
/// targets, which look at the Markdown alone.
pub fn render(body: &str, opts: &RenderOptions, resolver: &dyn Resolver) -> (String, Vec<Problem>) {
    struct AtRoot;
    impl crate::document::html::Emit for AtRoot {
        fn url(&self, target: &Target) -> String {
            match target {
                Target::Web(url) => url.clone(),
                Target::Page { path, fragment } => format!("{path}{fragment}"),
                Target::Media { path, .. } => path.clone(),
                Target::Broken => "#".into(),
            }
        }
        fn block(&self, placement: &Placement) -> String {
            match placement {
                Placement::Quote(q) => format!("<figure class=\"quote\">{}</figure>", q.n),
                Placement::Chart(c) => format!("<figure class=\"chart\">{}</figure>", c.id),
                _ => String::new(),
            }
        }
    }
    let (blocks, problems) = parse(body, opts, resolver);
    let raw = crate::document::html::has_raw_html(&blocks);
    let html =
        crate::document::html::emit(&blocks, raw, opts.id_prefix, opts.footnotes_label, &AtRoot);
    (html, problems)
}

/// Builds the tree of blocks from the parser's events, in one pass.
struct Builder<'t, 'p, I> {
    events: I,
    text: &'t str,
    quotes: QuoteStyle,
    /// The examples the help of a problem gives, in the text's language.
    examples: Examples,
    state: QuoteState,
    placements: Vec<Option<Placement>>,
    resolver: &'p dyn Resolver,
    allow_raw_html: bool,
    /// Footnote numbers by label, in order of first mention.
    footnotes: BTreeMap<String, usize>,
    problems: &'p mut Vec<Problem>,
}

type Offsets<'t> = std::vec::IntoIter<(Event<'t>, std::ops::Range<usize>)>;

impl<'t> Builder<'t, '_, Offsets<'t>> {
    /// Blocks until the end of the enclosing container (its `End` is eaten).
    fn blocks(&mut self) -> Vec<Block> {
        let mut out = Vec::new();
        let mut plain: Vec<Inline> = Vec::new();
        while let Some((event, range)) = self.events.next() {
            let block = match event {
                Event::End(_) => break,
                Event::Start(Tag::Paragraph) => {
                    self.state = QuoteState::default();
                    let text = self.inlines();
                    match text.as_slice() {
                        [Inline::Placed(p)] if p.is_block() => Block::Placed(p.clone()),
                        // A photo alone in its paragraph is a figure.
                        [Inline::Placed(p @ Placement::Image(_))] => Block::Placed(p.clone()),
                        _ => Block::Paragraph(text),
                    }
                }
                Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                }) => {
                    // Only `{#id}` and `{.class}`: any other attribute would
                    // become a real one on the page (`onfocus=…`).
                    for (name, _) in &attrs {
                        self.problem(
                            range.start,
                            format!("the heading attribute `{name}` is not allowed"),
                            "a heading may be given an id and classes only: ## Results {#results .wide}",
                        );
                    }
                    Block::Heading {
                        level: level as u8,
                        id: id.map(|i| i.to_string()).unwrap_or_default(),
                        classes: classes.iter().map(|c| c.to_string()).collect(),
                        attrs: Vec::new(),
                        text: self.inlines(),
                    }
                }
                Event::Start(Tag::List(start)) => {
                    let mut items = Vec::new();
                    while let Some((e, _)) = self.events.next() {
                        match e {
                            Event::Start(Tag::Item) => {
                                self.state = QuoteState::default();
                                items.push(self.blocks());
                            }
                            Event::End(_) => break,
                            _ => {}
                        }
                    }
                    Block::List { start, items }
                }
                Event::Start(Tag::BlockQuote(_)) => Block::Quote(self.blocks()),
                Event::Start(Tag::CodeBlock(kind)) => {
                    let mut code = String::new();
                    for (e, _) in self.events.by_ref() {
                        match e {
                            Event::Text(t) => code.push_str(&strip_placeholders(&t)),
                            Event::End(_) => break,
                            _ => {}
                        }
                    }
                    Block::Code {
                        info: match kind {
                            CodeBlockKind::Fenced(info) => Some(info.to_string()),
                            CodeBlockKind::Indented => None,
                        },
                        text: code,
                    }
                }
                Event::Start(Tag::HtmlBlock) => Block::Html(self.inlines()),
                Event::Start(Tag::Table(align)) => self.table(align),
                Event::Start(Tag::FootnoteDefinition(label)) => {
                    let n = self.footnote(&label);
                    Block::Footnote {
                        label: label.to_string(),
                        n,
                        blocks: self.blocks(),
                    }
                }
                Event::Rule => Block::Rule,
                Event::Start(Tag::Item) => {
                    // Only inside a list (handled there).
                    Block::Plain(self.inlines())
                }
                // Text of a tight list item comes without a paragraph.
                e @ (Event::Text(_)
                | Event::Code(_)
                | Event::SoftBreak
                | Event::HardBreak
                | Event::FootnoteReference(_)
                | Event::InlineHtml(_)
                | Event::Html(_)
                | Event::Start(_)) => {
                    self.inline(e, range, &mut plain);
                    continue;
                }
                _ => continue,
            };
            if !plain.is_empty() {
                out.push(Block::Plain(std::mem::take(&mut plain)));
            }
            out.push(block);
        }
        if !plain.is_empty() {
            out.push(Block::Plain(plain));
        }
        out
    }

    fn table(&mut self, align: Vec<pulldown_cmark::Alignment>) -> Block {
        let mut head = Vec::new();
        let mut rows: Vec<Vec<Vec<Inline>>> = Vec::new();
        let mut in_head = false;
        while let Some((e, _)) = self.events.next() {
            match e {
                Event::Start(Tag::TableHead) => in_head = true,
                Event::End(TagEnd::TableHead) => in_head = false,
                Event::Start(Tag::TableRow) => rows.push(Vec::new()),
                Event::Start(Tag::TableCell) => {
                    self.state = QuoteState::default();
                    let cell = self.inlines();
                    if in_head {
                        head.push(cell);
                    } else if let Some(row) = rows.last_mut() {
                        row.push(cell);
                    }
                }
                Event::End(TagEnd::Table) => break,
                _ => {}
            }
        }
        Block::Table { align, head, rows }
    }

    fn footnote(&mut self, label: &str) -> usize {
        let next = self.footnotes.len() + 1;
        *self.footnotes.entry(label.to_string()).or_insert(next)
    }

    fn problem(&mut self, offset: usize, message: String, help: &str) {
        let (line, col) = crate::model::line_col(self.text, offset);
        self.problems.push(Problem {
            message,
            line,
            col,
            help: help.into(),
        });
    }

    /// Inlines until the `End` of the enclosing container.
    fn inlines(&mut self) -> Vec<Inline> {
        let mut out = Vec::new();
        while let Some((e, range)) = self.events.next() {
            if let Event::End(_) = e {
                break;
            }
            self.inline(e, range, &mut out);
        }
        out
    }

    fn inline(&mut self, e: Event<'t>, range: std::ops::Range<usize>, out: &mut Vec<Inline>) {
        match e {
            Event::Text(t) => {
                let t = self.quotes.apply(&t, &mut self.state);
                self.text_with_placeholders(&t, out);
            }
            Event::Code(t) => out.push(Inline::Code(strip_placeholders(&t))),
            Event::Html(h) | Event::InlineHtml(h) if embedded_player(&h).is_some() => {
                let tag = embedded_player(&h).unwrap_or("iframe");
                let article = if tag.starts_with(['a', 'e', 'i', 'o', 'u']) {
                    "an"
                } else {
                    "a"
                };
                self.problem(
                    range.start,
                    format!("{article} <{tag}> in Markdown is not published"),
                    &format!(
                        "the site loads nothing from other servers and Markdown has no video yet: link to the video instead, e.g. [{}](https://…), or show a photo with ![{}](photo.jpg)",
                        self.examples.watch, self.examples.alt
                    ),
                );
            }
            Event::Html(h) | Event::InlineHtml(h) => out.push(match self.allow_raw_html {
                true => Inline::Html(h.to_string()),
                false => Inline::Text(h.to_string()),
            }),
            Event::SoftBreak => out.push(Inline::SoftBreak),
            Event::HardBreak => out.push(Inline::HardBreak),
            Event::FootnoteReference(label) => {
                let n = self.footnote(&label);
                out.push(Inline::FootnoteRef {
                    label: label.to_string(),
                    n,
                });
            }
            Event::InlineMath(m) | Event::DisplayMath(m) => out.push(Inline::Text(m.to_string())),
            Event::Start(Tag::Emphasis) => out.push(Inline::Emph(self.inlines())),
            Event::Start(Tag::Strong) => out.push(Inline::Strong(self.inlines())),
            Event::Start(Tag::Strikethrough) => out.push(Inline::Strike(self.inlines())),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            }) => {
                let target = if !allowed_scheme(&dest_url) {
                    self.problem(
                        range.start,
                        format!("the link address `{dest_url}` is not allowed"),
                        "link to web pages (https://…), e-mail (mailto:…), phones (tel:…), or pages of this site (@/campaigns/<folder>)",
                    );
                    Target::Broken
                } else if dest_url.starts_with("@/") {
                    match self.resolver.link(&dest_url) {
                        Ok(t) => t,
                        Err(message) => {
                            self.problem(range.start, message, "content links look like @/campaigns/<folder> or @/reports/<folder>, naming a folder under content/");
                            Target::Broken
                        }
                    }
                } else if is_local_file(&dest_url) {
                    match self.resolver.media(&dest_url) {
                        Ok(t) => t,
                        Err(message) => {
                            self.problem(range.start, message, "link pages with @/campaigns/<folder> or @/reports/<folder>; link files kept beside this Markdown file by their name");
                            Target::Broken
                        }
                    }
                } else if link_type == pulldown_cmark::LinkType::Email {
                    Target::Web(format!("mailto:{dest_url}"))
                } else {
                    Target::Web(dest_url.to_string())
                };
                let children = self.inlines();
                out.push(Inline::Link {
                    target: Box::new(target),
                    title: title.to_string(),
                    children,
                });
            }
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                let target = match self.resolver.media(&dest_url) {
                    Ok(t) => t,
                    Err(message) => {
                        let help = format!("put the image in the same folder as this Markdown file and write its file name, e.g. ![{}](volunteers.jpg)", self.examples.alt);
                        self.problem(range.start, message, &help);
                        Target::Broken
                    }
                };
                let alt = plain_text(&self.inlines());
                let decorative = alt.trim() == DECORATIVE;
                if alt.trim().is_empty() {
                    self.problem(
                        range.start,
                        format!("the image `{dest_url}` has no description (alternative text)"),
                        &format!("say what it shows for readers who cannot see it, in this file's language: ![{}]({dest_url}); an image that only decorates says so: ![{DECORATIVE}]({dest_url})", self.examples.alt),
                    );
                }
                let (caption, credit) = caption_and_credit(&title);
                let photo = self.resolver.photo(&target);
                out.push(Inline::Placed(Placement::Image(Box::new(
                    crate::document::ImageView {
                        target,
                        alt: if decorative {
                            String::new()
                        } else {
                            alt.trim().to_string()
                        },
                        decorative,
                        caption,
                        credit: credit.map(|c| self.resolver.credit(&c)),
                        photo,
                    },
                ))));
            }
            Event::Start(_) => out.extend(self.inlines()),
            _ => {}
        }
    }

    /// Text with the placeholders of shortcodes replaced by their
    /// placements (one that did not resolve leaves nothing).
    fn text_with_placeholders(&mut self, t: &str, out: &mut Vec<Inline>) {
        let mut rest = t;
        while let Some(start) = rest.find(shortcode::OPEN) {
            if start > 0 {
                out.push(Inline::Text(rest[..start].to_string()));
            }
            let after = &rest[start + shortcode::OPEN.len_utf8()..];
            let Some(end) = after.find(shortcode::CLOSE) else {
                rest = after;
                break;
            };
            let placed = after[..end]
                .parse::<usize>()
                .ok()
                .and_then(|i| self.placements.get_mut(i))
                .and_then(Option::take);
            out.extend(placed.map(Inline::Placed));
            rest = &after[end + shortcode::CLOSE.len_utf8()..];
        }
        if !rest.is_empty() {
            out.push(Inline::Text(rest.to_string()));
        }
    }
}

/// Text without shortcode placeholders (in code, where nothing is placed).
fn strip_placeholders(t: &str) -> String {
    if !t.contains(shortcode::OPEN) {
        return t.to_string();
    }
    let mut out = String::with_capacity(t.len());
    let mut inside = false;
    for c in t.chars() {
        match c {
            shortcode::OPEN => inside = true,
            shortcode::CLOSE => inside = false,
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out
}

/// The plain text of inlines (an image's alternative text, a heading's
/// anchor, a table cell).
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut s = String::new();
    for i in inlines {
        match i {
            Inline::Text(t) | Inline::Code(t) => s.push_str(t),
            Inline::Html(_) | Inline::FootnoteRef { .. } => {}
            Inline::SoftBreak | Inline::HardBreak => s.push(' '),
            Inline::Emph(c) | Inline::Strong(c) | Inline::Strike(c) => s.push_str(&plain_text(c)),
            Inline::Link { children, .. } => s.push_str(&plain_text(children)),
            Inline::Placed(Placement::Metric { text, .. }) => s.push_str(text),
            Inline::Placed(Placement::Phrase { text, .. }) => s.push_str(&text.text),
            Inline::Placed(Placement::Image(image)) => s.push_str(&image.alt),
            Inline::Placed(_) => {}
        }
    }
    s
}

/// Whether a link or image address has no scheme (a path in the site, an
/// anchor) or one of those a reader's browser may follow safely:
/// `javascript:`, `data:`, `vbscript:` and the like are refused.
fn allowed_scheme(url: &str) -> bool {
    // Browsers drop these before reading the scheme: `java\tscript:` runs.
    let url: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .collect();
    let Some((scheme, _)) = url.split_once(':') else {
        return true;
    };
    // A colon after a slash, `?` or `#` is part of a path, not a scheme.
    let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    !is_scheme
        || ["http", "https", "mailto", "tel"]
            .iter()
            .any(|ok| scheme.eq_ignore_ascii_case(ok))
}

/// The tag of an embedded player (`iframe`, `video`, …) in raw HTML:
/// escaped it shows as code, passed through the page's own
/// Content-Security-Policy blocks it, so it is an error either way.
fn embedded_player(html: &str) -> Option<&'static str> {
    let lower = html.to_ascii_lowercase();
    ["iframe", "video", "audio", "embed", "object"]
        .into_iter()
        .find(|tag| lower.contains(&format!("<{tag}")))
}

/// `![alt](My Photo.jpg)` is not an image to CommonMark (a space ends the
/// address), so it would stay on the page as text: an error naming the
/// file, with the two ways to write it.
fn unparsed_images(
    text: &str,
    code: &[std::ops::Range<usize>],
    resolver: &dyn Resolver,
) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find("![") {
        let start = from + i;
        from = start + 2;
        if code.iter().any(|r| r.contains(&start)) {
            continue;
        }
        let rest = &text[start..];
        let line_end = rest.find('\n').unwrap_or(rest.len());
        let rest = &rest[..line_end];
        let Some(mid) = rest.find("](") else {
            continue;
        };
        let Some(close) = rest[mid..].find(')') else {
            continue;
        };
        let dest = rest[mid + 2..mid + close].trim();
        let has_title = dest
            .split_once(' ')
            .is_some_and(|(_, t)| t.trim_start().starts_with(['"', '\'', '(']));
        if dest.starts_with('<') || !dest.contains(' ') || has_title {
            continue;
        }
        let alt = &rest[2..mid];
        let renamed = dest.to_lowercase().replace(' ', "-");
        let (line, col) = crate::model::line_col(text, start);
        let (message, help) = match resolver.media(dest) {
            Ok(_) => (
                format!("the image `{dest}` is not shown: its name has a space"),
                format!("rename the file {dest} to {renamed} and write ![{alt}]({renamed}), or keep the name and write it in angle brackets: ![{alt}](<{dest}>)"),
            ),
            Err(why) => {
                let meant = why
                    .split_once("the folder has ")
                    .and_then(|(_, rest)| rest.split(':').next())
                    .map(str::to_string);
                let help = match meant {
                    Some(name) => format!("write ![{alt}]({name})"),
                    None => format!("put the image beside this file, named without spaces, e.g. {renamed}, and write ![{alt}]({renamed})"),
                };
                (
                    format!("the image `{dest}` is not shown: its name has a space, and {why}"),
                    help,
                )
            }
        };
        out.push(Problem {
            message,
            line,
            col,
            help,
        });
    }
    out
}

/// Whether a link target is a path in the site (not a web address, an
/// e-mail, a phone number or an anchor on the same page).
fn is_local_file(url: &str) -> bool {
    !(url.is_empty()
        || url.starts_with('#')
        || url.contains("://")
        || url.starts_with("mailto:")
        || url.starts_with("tel:")
        || url.starts_with("//"))
}

fn shortcode_help(name: &str) -> String {
    match name {
        "metric" => "write {{ metric(key=\"reach\", audience=\"<audience id>\") }} with a metric and audience of this campaign".into(),
        "quote" => "write {{ quote(n=1) }} for the first quote under `quotes:` in the YAML".into(),
        "chart" => "write {{ chart(id=\"<id>\") }} with the id of a chart under `charts:` in the YAML".into(),
        _ => "the shortcodes are metric(...), quote(...) and chart(...)".into(),
    }
}

/// The ids written `{#id}`, which the made ones must not take.
fn explicit_ids(blocks: &[Block], used: &mut BTreeSet<String>) {
    for b in blocks {
        match b {
            Block::Heading { id, .. } if !id.is_empty() => {
                used.insert(id.clone());
            }
            Block::List { items, .. } => items.iter().for_each(|i| explicit_ids(i, used)),
            Block::Quote(inner) | Block::Footnote { blocks: inner, .. } => {
                explicit_ids(inner, used)
            }
            _ => {}
        }
    }
}

/// Gives every heading without an explicit `{#id}` an id from its text,
/// unique within the document: the second "Results" is `results-2`.
fn add_heading_ids(
    blocks: &mut [Block],
    prefix: &str,
    used: &mut BTreeSet<String>,
    next: &mut BTreeMap<String, usize>,
) {
    for b in blocks {
        match b {
            Block::Heading { id, text, .. } if id.is_empty() => {
                let base = slugify(&heading_text(text));
                let base = if base.is_empty() {
                    format!("{prefix}-section")
                } else {
                    base
                };
                *id = unique_id(&base, used, next);
            }
            Block::List { items, .. } => {
                for item in items {
                    add_heading_ids(item, prefix, used, next);
                }
            }
            Block::Quote(inner) | Block::Footnote { blocks: inner, .. } => {
                add_heading_ids(inner, prefix, used, next)
            }
            _ => {}
        }
    }
}

/// A heading's words for its anchor: its text and code.
fn heading_text(text: &[Inline]) -> String {
    let mut s = String::new();
    for i in text {
        match i {
            Inline::Text(t) | Inline::Code(t) => s.push_str(t),
            Inline::Emph(c) | Inline::Strong(c) | Inline::Strike(c) => s.push_str(&heading_text(c)),
            Inline::Link { children, .. } => s.push_str(&heading_text(children)),
            _ => {}
        }
    }
    s
}

/// `base`, or `base-2`, `base-3`, … : the first not in `used`, which it
/// joins. `next` keeps, for each base, the number to try next.
fn unique_id(
    base: &str,
    used: &mut BTreeSet<String>,
    next: &mut BTreeMap<String, usize>,
) -> String {
    if used.insert(base.to_string()) {
        return base.to_string();
    }
    let n = next.entry(base.to_string()).or_insert(2);
    loop {
        let id = format!("{base}-{n}");
        *n += 1;
        if used.insert(id.clone()) {
            return id;
        }
    }
}

/// A URL- and id-friendly form of a heading: lower case, letters (with
/// their diacritics) and digits, hyphens between words.
pub fn slugify(text: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else {
            dash = true;
        }
    }
    out
}

/// The quotation marks of a language, applied to what smart punctuation
/// produced (“…” and ‘…’).
pub(crate) struct QuoteStyle {
    open: char,
    close: char,
    inner_open: char,
    inner_close: char,
}

#[derive(Default)]
pub(crate) struct QuoteState {
    prev: Option<char>,
    inner_open: bool,
}

/// Examples of Markdown a problem's help gives, in the language of the file
/// it is found in: a Lithuanian story is helped with Lithuanian alternative
/// text to copy, not English.
struct Examples {
    /// An image's alternative text.
    alt: &'static str,
    /// A link to a video.
    watch: &'static str,
}

impl Examples {
    fn for_lang(lang: &str) -> Examples {
        match lang {
            "lt" => Examples {
                alt: "Savanoriai per mokymus",
                watch: "Žiūrėti vaizdo įrašą",
            },
            _ => Examples {
                alt: "Volunteers at a workshop",
                watch: "Watch the video",
            },
        }
    }
}

impl QuoteStyle {
    pub(crate) fn for_lang(lang: &str) -> QuoteStyle {
        match lang {
            // Lithuanian: „dvigubos“ and ‚viengubos‘ (CLDR lt delimiters).
            "lt" => QuoteStyle {
                open: '„',
                close: '“',
                inner_open: '‚',
                inner_close: '‘',
            },
            _ => QuoteStyle {
                open: '“',
                close: '”',
                inner_open: '‘',
                inner_close: '’',
            },
        }
    }

    pub(crate) fn apply(&self, text: &str, st: &mut QuoteState) -> String {
        // Every curly quote starts with the byte 0xE2 in UTF-8; most text
        // has none, and is copied whole.
        if !text.as_bytes().contains(&0xE2) {
            if let Some(last) = text.chars().next_back() {
                st.prev = Some(last);
            }
            return text.to_string();
        }
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            let opening_context = st.prev.is_none_or(|p| {
                p.is_whitespace() || matches!(p, '(' | '[' | '{' | '—' | '–' | '-')
            });
            let mapped = match c {
                // A “ that opens (start, after a space) is an opening quote;
                // one right after a word is Lithuanian's closing “, typed by hand.
                '“' if opening_context => self.open,
                '“' => self.close,
                '”' => self.close,
                '‘' if opening_context => {
                    st.inner_open = true;
                    self.inner_open
                }
                // ’ is also the apostrophe: only close a quote that was opened.
                '’' if st.inner_open => {
                    st.inner_open = false;
                    self.inner_close
                }
                other => other,
            };
            out.push(mapped);
            st.prev = Some(c);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::document::{ChartRef, Owner};

    struct Fixed;
    impl Resolver for Fixed {
        fn link(&self, path: &str) -> Result<Target, String> {
            match path {
                "@/campaigns/bali" => Ok(Target::Page {
                    path: "../bali/index.html".into(),
                    fragment: String::new(),
                }),
                _ => Err(format!("there is no page {path}")),
            }
        }
        fn shortcode(&self, sc: &Shortcode) -> Result<Placement, String> {
            match sc.name.as_str() {
                "metric" => Ok(Placement::Metric {
                    key: "reach".into(),
                    text: "515\u{a0}839".into(),
                }),
                "quote" | "chart" => Ok(Placement::Chart(Box::new(ChartRef {
                    owner: Owner::Campaign("x".into()),
                    id: "Q".into(),
                }))),
                _ => Err(format!("unknown shortcode `{}`", sc.name)),
            }
        }
        fn media(&self, path: &str) -> Result<Target, String> {
            match path {
                "photo.jpg" => Ok(Target::Media {
                    path: "../../assets/media/photo.abc.jpg".into(),
                    source: "content/x/photo.jpg".into(),
                }),
                _ => Err(format!("no file {path}")),
            }
        }
    }

    fn opts(lang: &str) -> RenderOptions<'_> {
        RenderOptions {
            lang,
            allow_raw_html: false,
            id_prefix: "p",
            footnotes_label: "Notes",
        }
    }

    #[test]
    fn the_help_for_an_image_without_description_gives_an_example_in_the_files_language() {
        let (_, problems) = render("![](photo.jpg)\n", &opts("lt"), &Fixed);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0]
                .help
                .contains("![Savanoriai per mokymus](photo.jpg)"),
            "{}",
            problems[0].help
        );
        let (_, problems) = render("![](photo.jpg)\n", &opts("en"), &Fixed);
        assert!(
            problems[0]
                .help
                .contains("![Volunteers at a workshop](photo.jpg)"),
            "{}",
            problems[0].help
        );
        let (_, problems) = render("<iframe src=\"x\"></iframe>\n", &opts("lt"), &Fixed);
        assert!(
            problems[0]
                .help
                .contains("[Žiūrėti vaizdo įrašą](https://…)"),
            "{problems:?}"
        );
    }

    #[test]
    fn lithuanian_text_gets_lithuanian_quotes() {
        let (html, _) = render("Jis sakė: \"labas\" ir 'ok'.\n", &opts("lt"), &Fixed);
        assert!(html.contains("„labas“"), "{html}");
        assert!(html.contains("‚ok‘"), "{html}");
        let (html, _) = render("He said \"hello\".\n", &opts("en"), &Fixed);
        assert!(html.contains("“hello”"), "{html}");
    }

    #[test]
    fn hand_typed_lithuanian_quotes_are_kept() {
        let (html, _) = render("Kampanija „Karolis“ veikė.\n", &opts("lt"), &Fixed);
        assert!(html.contains("„Karolis“"), "{html}");
    }

    #[test]
    fn content_links_resolve_and_unknown_ones_are_problems() {
        let (html, problems) = render(
            "See [Bali](@/campaigns/bali).\n\nAnd [x](@/campaigns/nope).\n",
            &opts("en"),
            &Fixed,
        );
        assert!(html.contains("href=\"../bali/index.html\""), "{html}");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 3);
        assert!(!html.contains("@/"), "{html}");
    }

    #[test]
    fn shortcodes_inline_and_block() {
        let (html, problems) = render(
            "Reached {{ metric(key=\"reach\") }} people.\n\n{{ quote(n=1) }}\n\n{{ nope(x=1) }}\n",
            &opts("lt"),
            &Fixed,
        );
        assert!(
            html.contains("Reached <span class=\"figure\">515\u{a0}839</span> people."),
            "{html}"
        );
        assert!(
            html.contains("<figure class=\"chart\">Q</figure>") && !html.contains("<p><figure"),
            "{html}"
        );
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 5);
        assert!(!html.contains('\u{E000}'));
    }

    #[test]
    fn footnotes_are_prefixed_and_headings_get_ids() {
        let (html, _) = render(
            "## Kas ką žinojo\n\nText[^a].\n\n[^a]: Note.\n",
            &opts("lt"),
            &Fixed,
        );
        assert!(html.contains("id=\"kas-ką-žinojo\""), "{html}");
        assert!(html.contains("id=\"p-fn-a\""), "{html}");
        assert!(html.contains("href=\"#p-fn-a\""), "{html}");
    }

    #[test]
    fn raw_html_is_escaped_unless_allowed() {
        let (html, _) = render("<script>alert(1)</script>\n", &opts("en"), &Fixed);
        assert!(!html.contains("<script>"), "{html}");
        let allow = RenderOptions {
            allow_raw_html: true,
            ..opts("en")
        };
        let (html, _) = render("<b>x</b>\n", &allow, &Fixed);
        assert!(html.contains("<b>x</b>"), "{html}");
        // Allowed raw HTML is still cleaned: a meta refresh redirected
        // readers even under the page's Content-Security-Policy.
        let (html, _) = render(
            "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">\n\nText {{ metric(key=\"reach\") }}.\n\n{{ quote(n=1) }}\n",
            &allow,
            &Fixed,
        );
        assert!(!html.contains("refresh"), "{html}");
        assert!(
            html.contains("<p>Text <span class=\"figure\">515\u{a0}839</span>.</p>"),
            "{html}"
        );
        assert!(
            html.contains("<figure class=\"chart\">Q</figure>"),
            "placements are ours, not cleaned: {html}"
        );
    }

    #[test]
    fn images_resolve_through_the_resolver_and_bad_ones_are_problems() {
        let (html, problems) = render(
            "![A photo](photo.jpg)\n\n![x](../../../etc/passwd)\n\n[web](https://example.org)\n",
            &opts("en"),
            &Fixed,
        );
        assert!(
            html.contains("src=\"../../assets/media/photo.abc.jpg\""),
            "{html}"
        );
        assert!(html.contains("href=\"https://example.org\""), "{html}");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, 3);
    }

    #[test]
    fn tables_scroll_on_small_screens() {
        let (html, _) = render("| a | b |\n|---|---|\n| 1 | 2 |\n", &opts("en"), &Fixed);
        assert!(
            html.contains("<div class=\"table-wrap\" tabindex=\"0\"><table>"),
            "{html}"
        );
    }

    /// `### H {onfocus=… tabindex=0 autofocus}` became real attributes even
    /// with raw HTML off.
    #[test]
    fn heading_attributes_other_than_id_and_class_are_refused() {
        let (html, problems) = render(
            "### Hi {#hi .big onfocus=alert(1) tabindex=0 autofocus}\n",
            &opts("en"),
            &Fixed,
        );
        assert!(!html.contains("onfocus"), "{html}");
        assert!(!html.contains("tabindex"), "{html}");
        assert!(!html.contains("autofocus"), "{html}");
        assert!(html.contains("id=\"hi\""), "{html}");
        assert!(html.contains("class=\"big\""), "{html}");
        let names: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(names.len(), 3, "{names:?}");
        assert!(names[0].contains("`onfocus`"), "{names:?}");
        assert_eq!((problems[0].line, problems[0].col), (1, 1));
    }

    /// `javascript://…` links were published.
    #[test]
    fn links_with_a_script_scheme_are_refused() {
        for bad in [
            "javascript://%0aalert(1)",
            "JavaScript:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,hello",
            "vbscript:x",
        ] {
            let md = format!("[x](<{bad}>)\n");
            let (html, problems) = render(&md, &opts("en"), &Fixed);
            assert!(html.contains("href=\"#\""), "{bad}: {html}");
            assert_eq!(problems.len(), 1, "{bad}");
            assert!(problems[0].message.contains("is not allowed"), "{bad}");
        }
        for good in [
            "https://example.org/a:b",
            "http://x.org",
            "mailto:a@b.org",
            "tel:+44123",
            "#top",
            "../x/index.html",
            "page?x=a:b",
        ] {
            assert!(allowed_scheme(good), "{good}");
        }
    }

    /// 16 000 identical headings took 28 s: each new id was tried against
    /// every earlier twin. Ids stay unique and as before.
    #[test]
    fn heading_ids_are_unique_and_stable() {
        let (html, _) = render(
            "# Results\n\n# Results\n\n# Results 2\n\n# Results\n\n# Taken {#results-4}\n\n# Results\n",
            &opts("en"),
            &Fixed,
        );
        let ids: Vec<&str> = html
            .match_indices("id=\"")
            .map(|(i, _)| {
                let rest = &html[i + 4..];
                &rest[..rest.find('"').unwrap()]
            })
            .collect();
        assert_eq!(
            ids,
            [
                "results",
                "results-2",
                "results-2-2",
                "results-3",
                "results-4",
                "results-5"
            ]
        );

        let many = "## Same\n\n".repeat(16_000);
        let (html, _) = render(&many, &opts("en"), &Fixed);
        let ids: BTreeSet<&str> = html
            .match_indices("id=\"")
            .map(|(i, _)| {
                let rest = &html[i + 4..];
                &rest[..rest.find('"').unwrap()]
            })
            .collect();
        assert_eq!(ids.len(), 16_000);
        assert!(ids.contains("same-16000"));
    }

    /// Placements go in once each, in order, blocks replacing their
    /// paragraph, in one pass.
    #[test]
    fn placements_are_inserted_in_order_in_one_pass() {
        let md =
            "{{ quote(n=1) }}\n\nA {{ metric(key=\"reach\") }} and {{ metric(key=\"reach\") }}.\n";
        let (html, problems) = render(md, &opts("en"), &Fixed);
        assert!(problems.is_empty(), "{problems:?}");
        assert!(
            html.starts_with("<figure class=\"chart\">Q</figure>"),
            "{html}"
        );
        assert_eq!(html.matches("515\u{a0}839").count(), 2, "{html}");
        assert!(!html.contains(shortcode::OPEN), "{html}");

        let many = "{{ metric(key=\"reach\") }} ".repeat(64_000);
        let (html, _) = render(&many, &opts("en"), &Fixed);
        assert_eq!(html.matches("515\u{a0}839").count(), 64_000);
    }

    /// Markdown nested about 2 800 deep (`>`, lists, emphasis) overflowed
    /// the stack: exit 134, no file named.
    #[test]
    fn nesting_deeper_than_the_limit_is_one_problem_at_its_line() {
        for deep in [
            format!("{} deep\n", ">".repeat(3000)),
            format!("{}x\n", "- ".repeat(3000)),
            format!("{}x{}\n", "*".repeat(3000), "*".repeat(3000)),
            format!("{}x\n", "1. ".repeat(3000)),
        ] {
            let body = format!("Fine.\n\n{deep}");
            let (_, problems) = render(&body, &opts("en"), &Fixed);
            let nested: Vec<_> = problems
                .iter()
                .filter(|p| p.message.contains("nested more than 32 levels"))
                .collect();
            assert_eq!(nested.len(), 1, "{problems:?}");
            assert_eq!(nested[0].line, 3);
        }
        let fine = format!("{} ok\n", ">".repeat(MAX_NESTING - 1));
        let (_, problems) = render(&fine, &opts("en"), &Fixed);
        assert!(problems.is_empty(), "{problems:?}");
    }
}

#[cfg(test)]
mod model_tests {
    use super::*;
    use crate::document::{ChartRef, Owner};

    struct Places;
    impl Resolver for Places {
        fn link(&self, path: &str) -> Result<Target, String> {
            Ok(Target::Page {
                path: path.trim_start_matches("@/").into(),
                fragment: String::new(),
            })
        }
        fn shortcode(&self, sc: &Shortcode) -> Result<Placement, String> {
            Ok(match sc.name.as_str() {
                "metric" => Placement::Metric {
                    key: "reach".into(),
                    text: "1".into(),
                },
                _ => Placement::Chart(Box::new(ChartRef {
                    owner: Owner::Campaign("x".into()),
                    id: sc.name.clone(),
                })),
            })
        }
        fn media(&self, _: &str) -> Result<Target, String> {
            Err("no".into())
        }
    }

    /// The bug this model fixes: `{{ quote(n = 1) }}` with spaces was
    /// found by the pages but not by the PDF's search of the text, which
    /// showed the quote twice. A placement is found the same way whatever
    /// its spacing, and exactly once.
    #[test]
    fn a_shortcode_is_one_placement_with_or_without_spaces() {
        for body in [
            "{{ quote(n = 1) }}\n",
            "{{quote(n=1)}}\n",
            "{{  quote( n=1 )  }}\n",
        ] {
            let opts = RenderOptions {
                lang: "en",
                allow_raw_html: false,
                id_prefix: "s",
                footnotes_label: "Notes",
            };
            let (blocks, problems) = parse(body, &opts, &Places);
            assert!(problems.is_empty(), "{body}: {problems:?}");
            assert!(
                matches!(blocks.as_slice(), [Block::Placed(Placement::Chart(c))] if c.id == "quote"),
                "{body}: {blocks:?}"
            );
        }
    }

    #[test]
    fn placements_in_text_stay_in_their_sentence() {
        let opts = RenderOptions {
            lang: "en",
            allow_raw_html: false,
            id_prefix: "s",
            footnotes_label: "Notes",
        };
        let (blocks, _) = parse(
            "- Reached {{ metric(key=\"reach\") }} people\n- [x](@/campaigns/y)\n",
            &opts,
            &Places,
        );
        let Block::List { items, .. } = &blocks[0] else {
            panic!("{blocks:?}")
        };
        assert!(
            matches!(&items[0][0], Block::Plain(t) if matches!(t[1], Inline::Placed(Placement::Metric { .. }))),
            "{items:?}"
        );
        assert!(
            matches!(&items[1][0], Block::Plain(t) if matches!(&t[0], Inline::Link { target, .. } if matches!(&**target, Target::Page { path, .. } if path == "campaigns/y"))),
            "{items:?}"
        );
    }
}
