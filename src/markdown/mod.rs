//! Markdown -> HTML for one page in one language: CommonMark with tables,
//! footnotes (ids prefixed per page), smart punctuation with the language's
//! own quotation marks („…“ in Lithuanian), heading ids, `@/…` content links
//! and `{{ shortcode(...) }}` placements. What links and shortcodes turn
//! into is decided by the caller through [`Resolver`]; this module never
//! reads files or formats numbers.

mod raw_html;
pub mod shortcode;

use std::collections::{BTreeMap, BTreeSet};

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

pub use shortcode::Shortcode;

/// What a shortcode renders to.
#[derive(Debug, Clone)]
pub enum Placement {
    /// Inline HTML (a figure in a sentence).
    Inline(String),
    /// Block HTML (a chart, a quote); replaces its paragraph when alone in it.
    Block(String),
}

/// Decides what `@/` links and shortcodes become on the page being rendered.
pub trait Resolver {
    /// The relative URL of a content path such as `@/campaigns/bali`, or an
    /// explanation of why it does not resolve.
    fn link(&self, path: &str) -> Result<String, String>;
    /// The HTML of a shortcode, or what is wrong with it.
    fn shortcode(&self, sc: &Shortcode) -> Result<Placement, String>;
    /// The relative URL of an image or file written relative to the
    /// Markdown file, or why it cannot be used.
    fn media(&self, path: &str) -> Result<String, String>;
}

/// How to render.
pub struct RenderOptions<'a> {
    /// The page's language code (chooses the quotation marks).
    pub lang: &'a str,
    /// Pass raw HTML through (site.yaml `allow_raw_html`); escaped otherwise.
    pub allow_raw_html: bool,
    /// Prefix for footnote ids, unique per document on a page.
    pub id_prefix: &'a str,
    /// What the footnotes are called in the page's language (their
    /// section's `aria-label`).
    pub footnotes_label: &'a str,
}

/// A problem found while rendering, at a 1-based line and column of the body.
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
    let (line, col) = line_col(text, offset);
    Problem {
        message: format!("the text is nested more than {MAX_NESTING} levels deep here"),
        line,
        col,
        help: "a quote or list inside another is fine, but not dozens deep: check for stray `>` or list markers at the start of the line".into(),
    }
}

/// Renders `body`; problems are returned with the HTML so that every one of
/// them is reported, not just the first.
pub fn render(body: &str, opts: &RenderOptions, resolver: &dyn Resolver) -> (String, Vec<Problem>) {
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
            Ok(p) => placements.push(p),
            Err(message) => {
                problems.push(Problem {
                    message,
                    line: sc.line,
                    col: sc.col,
                    help: shortcode_help(&sc.name),
                });
                placements.push(Placement::Inline(String::new()));
            }
        }
    }

    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_STRIKETHROUGH;
    let parser = Parser::new_ext(&text, options).into_offset_iter();
    let quotes = QuoteStyle::for_lang(opts.lang);
    let mut events: Vec<Event> = Vec::new();
    let mut footnotes: BTreeMap<String, usize> = BTreeMap::new();
    let mut quote_state = QuoteState::default();
    let mut in_code = false;
    let mut nesting = Nesting::default();
    for (event, range) in parser {
        if !nesting.keep(&event) {
            if !nesting.reported {
                nesting.reported = true;
                problems.push(too_deep(&text, range.start));
            }
            continue;
        }
        let event = match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) if !attrs.is_empty() => {
                // Only `{#id}` and `{.class}`: any other attribute would
                // become a real one on the page (`onfocus=…`).
                let (line, col) = line_col(&text, range.start);
                for (name, _) in &attrs {
                    problems.push(Problem {
                        message: format!("the heading attribute `{name}` is not allowed"),
                        line,
                        col,
                        help: "a heading may be given an id and classes only: ## Results {#results .wide}".into(),
                    });
                }
                Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs: Vec::new(),
                })
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) if !allowed_scheme(&dest_url) => {
                let (line, col) = line_col(&text, range.start);
                problems.push(Problem {
                    message: format!("the link address `{dest_url}` is not allowed"),
                    line,
                    col,
                    help: "link to web pages (https://…), e-mail (mailto:…), phones (tel:…), or pages of this site (@/campaigns/<folder>)".into(),
                });
                Event::Start(Tag::Link {
                    link_type,
                    dest_url: CowStr::from("#"),
                    title,
                    id,
                })
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) if dest_url.starts_with("@/") => match resolver.link(&dest_url) {
                Ok(url) => Event::Start(Tag::Link {
                    link_type,
                    dest_url: CowStr::from(url),
                    title,
                    id,
                }),
                Err(message) => {
                    let (line, col) = line_col(&text, range.start);
                    problems.push(Problem {
                            message,
                            line,
                            col,
                            help: "content links look like @/campaigns/<folder> or @/reports/<folder>, naming a folder under content/".into(),
                        });
                    Event::Start(Tag::Link {
                        link_type,
                        dest_url: CowStr::from("#"),
                        title,
                        id,
                    })
                }
            },
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let url = match resolver.media(&dest_url) {
                    Ok(url) => url,
                    Err(message) => {
                        let (line, col) = line_col(&text, range.start);
                        problems.push(Problem {
                            message,
                            line,
                            col,
                            help: "put the image in the same folder as this Markdown file and write its file name, e.g. ![A volunteer at work](volunteer.jpg)".into(),
                        });
                        String::new()
                    }
                };
                Event::Start(Tag::Image {
                    link_type,
                    dest_url: CowStr::from(url),
                    title,
                    id,
                })
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) if !dest_url.starts_with("@/") && is_local_file(&dest_url) => {
                let url = match resolver.media(&dest_url) {
                    Ok(url) => url,
                    Err(message) => {
                        let (line, col) = line_col(&text, range.start);
                        problems.push(Problem {
                            message,
                            line,
                            col,
                            help: "link pages with @/campaigns/<folder> or @/reports/<folder>; link files kept beside this Markdown file by their name".into(),
                        });
                        "#".to_string()
                    }
                };
                Event::Start(Tag::Link {
                    link_type,
                    dest_url: CowStr::from(url),
                    title,
                    id,
                })
            }
            Event::Start(Tag::CodeBlock(k)) => {
                in_code = true;
                Event::Start(Tag::CodeBlock(k))
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code = false;
                Event::End(TagEnd::CodeBlock)
            }
            Event::Start(Tag::Paragraph)
            | Event::Start(Tag::Item)
            | Event::Start(Tag::TableCell) => {
                quote_state = QuoteState::default();
                event
            }
            Event::Text(t) if !in_code => {
                Event::Text(CowStr::from(quotes.apply(&t, &mut quote_state)))
            }
            Event::Html(h) | Event::InlineHtml(h) if !opts.allow_raw_html => Event::Text(h),
            Event::FootnoteReference(label) => {
                let next = footnotes.len() + 1;
                let n = *footnotes.entry(label.to_string()).or_insert(next);
                let id = footnote_id(opts.id_prefix, &label);
                Event::Html(CowStr::from(format!(
                    "<sup class=\"fn-ref\" id=\"{id}-ref\"><a href=\"#{id}\" aria-describedby=\"{p}-footnotes\">{n}</a></sup>",
                    p = opts.id_prefix
                )))
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let next = footnotes.len() + 1;
                let n = *footnotes.entry(label.to_string()).or_insert(next);
                let id = footnote_id(opts.id_prefix, &label);
                Event::Html(CowStr::from(format!(
                    "<div class=\"footnote\" id=\"{id}\"><span class=\"fn-label\">{n}</span>"
                )))
            }
            Event::End(TagEnd::FootnoteDefinition) => Event::Html(CowStr::from("</div>")),
            other => other,
        };
        events.push(event);
    }
    add_heading_ids(&mut events, opts.id_prefix);

    let mut html = String::with_capacity(text.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    let html = wrap_footnotes(&html, opts.id_prefix, opts.footnotes_label);
    let html = match opts.allow_raw_html {
        true => raw_html::clean(&html),
        false => html,
    };
    let html = html
        .replace(
            "<table>",
            "<div class=\"table-wrap\" tabindex=\"0\"><table>",
        )
        .replace("</table>", "</table></div>");
    (insert_placements(&html, &placements), problems)
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

fn footnote_id(prefix: &str, label: &str) -> String {
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

/// Groups the footnote definitions at the end of the document under one
/// labelled section, so screen readers announce them as footnotes.
fn wrap_footnotes(html: &str, prefix: &str, label: &str) -> String {
    match html.find("<div class=\"footnote\"") {
        Some(i) => format!(
            "{}<section class=\"footnotes\" id=\"{prefix}-footnotes\" aria-label=\"{}\">{}</section>\n",
            &html[..i],
            crate::markup::escape(label),
            &html[i..]
        ),
        None => html.to_string(),
    }
}

fn line_col(text: &str, offset: usize) -> (u32, u32) {
    crate::model::line_col(text, offset)
}

/// Replaces placeholders with their HTML; a block placement alone in a
/// paragraph replaces the paragraph. One pass over the HTML, so 64 000
/// shortcodes cost what one long page costs (replacing them one by one
/// searched the page once for each).
fn insert_placements(html: &str, placements: &[Placement]) -> String {
    if placements.is_empty() {
        return html.to_string();
    }
    let extra: usize = placements
        .iter()
        .map(|p| match p {
            Placement::Block(b) | Placement::Inline(b) => b.len(),
        })
        .sum();
    let mut out = String::with_capacity(html.len() + extra);
    let mut rest = html;
    while let Some(start) = rest.find(shortcode::OPEN) {
        let after = &rest[start + shortcode::OPEN.len_utf8()..];
        let Some(end) = after.find(shortcode::CLOSE) else {
            break;
        };
        let placement = after[..end]
            .parse::<usize>()
            .ok()
            .and_then(|i| placements.get(i));
        let Some(placement) = placement else {
            // Not one of ours: copied as it is.
            out.push_str(&rest[..start + shortcode::OPEN.len_utf8()]);
            rest = after;
            continue;
        };
        let tail = &after[end + shortcode::CLOSE.len_utf8()..];
        match placement {
            Placement::Block(block)
                if rest[..start].ends_with("<p>") && tail.starts_with("</p>") =>
            {
                out.push_str(&rest[..start - "<p>".len()]);
                out.push_str(block);
                rest = &tail["</p>".len()..];
            }
            Placement::Block(html) | Placement::Inline(html) => {
                out.push_str(&rest[..start]);
                out.push_str(html);
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Gives every heading without an explicit `{#id}` an id from its text,
/// unique within the document: the second "Results" is `results-2`. Each
/// base remembers the next number to try, so many headings with the same
/// text cost one step each, not one step per earlier twin.
fn add_heading_ids(events: &mut [Event], prefix: &str) {
    let mut used: BTreeSet<String> = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { id: Some(id), .. }) => Some(id.to_string()),
            _ => None,
        })
        .collect();
    let mut next: BTreeMap<String, usize> = BTreeMap::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { id: None, .. }) = &events[i] {
            let mut text = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j] {
                    text.push_str(t);
                }
                j += 1;
            }
            let base = slugify(&text);
            let base = if base.is_empty() {
                format!("{prefix}-section")
            } else {
                base
            };
            let id = unique_id(&base, &mut used, &mut next);
            if let Event::Start(Tag::Heading {
                level,
                classes,
                attrs,
                ..
            }) = &events[i]
            {
                let (level, classes, attrs): (HeadingLevel, _, _) =
                    (*level, classes.clone(), attrs.clone());
                events[i] = Event::Start(Tag::Heading {
                    level,
                    id: Some(CowStr::from(id)),
                    classes,
                    attrs,
                });
            }
            i = j;
        }
        i += 1;
    }
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

    struct Fixed;
    impl Resolver for Fixed {
        fn link(&self, path: &str) -> Result<String, String> {
            match path {
                "@/campaigns/bali" => Ok("../bali/index.html".into()),
                _ => Err(format!("there is no page {path}")),
            }
        }
        fn shortcode(&self, sc: &Shortcode) -> Result<Placement, String> {
            match sc.name.as_str() {
                "metric" => Ok(Placement::Inline("515\u{a0}839".into())),
                "quote" => Ok(Placement::Block("<blockquote>Q</blockquote>".into())),
                _ => Err(format!("unknown shortcode `{}`", sc.name)),
            }
        }
        fn media(&self, path: &str) -> Result<String, String> {
            match path {
                "photo.jpg" => Ok("../../assets/media/photo.abc.jpg".into()),
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
        assert!(html.contains("Reached 515\u{a0}839 people."), "{html}");
        assert!(
            html.contains("<blockquote>Q</blockquote>") && !html.contains("<p><blockquote>"),
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
            "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">\n\nText.\n",
            &allow,
            &Fixed,
        );
        assert!(!html.contains("refresh"), "{html}");
        assert!(html.contains("<p>Text.</p>"), "{html}");
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
        assert!(html.starts_with("<blockquote>Q</blockquote>"), "{html}");
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
