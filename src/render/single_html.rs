//! The single-file HTML of a report: the same document as the PDF, as one
//! web page that opens from an e-mail attachment with no network. The style
//! sheet is inlined with the theme font as `data:` URLs, the charts are
//! inline SVG, and the only addresses left are links to the live site.

use base64::Engine as _;
use sha2::{Digest, Sha256};

use crate::markup::escape;
use crate::pdf::{Block, FigureItem, Inline, PdfDocument};

/// Extra rules for the one-file layout, after the theme's style sheet.
const EXTRA_CSS: &str = "
.single { padding-bottom: 3rem; }
.single section { margin-top: 2.5rem; }
.single .version { color: var(--ink-soft); font-size: 0.9rem; }
.single td.num, .single th.num { text-align: right; }
.single .footnotes ol { padding-left: 1.25rem; }
";

/// The style sheet with every `url(fonts/<file>)` replaced by the font's
/// bytes, so the page needs nothing beside it.
pub fn inline_fonts(css: &str, fonts: &[(String, Vec<u8>)]) -> String {
    let mut out = css.to_string();
    for (name, bytes) in fonts {
        let data = base64::engine::general_purpose::STANDARD.encode(bytes);
        let mime = if name.to_lowercase().ends_with(".otf") {
            "font/otf"
        } else {
            "font/ttf"
        };
        out = out.replace(
            &format!("url(fonts/{name})"),
            &format!("url(data:{mime};base64,{data})"),
        );
    }
    out
}

/// The whole report as one HTML file. `css` is the theme's style sheet
/// with its fonts inlined; `url` the report's page on the live site.
pub fn render(doc: &PdfDocument, css: &str, url: &str) -> String {
    let style = format!("{css}{EXTRA_CSS}");
    let style_hash =
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(style.as_bytes()));
    let mut h = String::with_capacity(style.len() + 64 * 1024);
    h.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-{style_hash}'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'\">\n\
<meta name=\"referrer\" content=\"no-referrer\">\n<title>{title}</title>\n<meta name=\"description\" content=\"{summary}\">\n<style>{style}</style>\n</head>\n<body>\n<main id=\"main\" class=\"single wrap\">\n",
        lang = escape(&doc.lang),
        title = escape(&doc.title),
        summary = escape(&doc.summary),
    ));
    h.push_str(&format!(
        "<header class=\"page-head\">\n<p class=\"kicker\">{}</p>\n<h1>{}</h1>\n<p class=\"period\">{}</p>\n<p class=\"lede\">{}</p>\n",
        escape(&doc.organisation),
        escape(&doc.title),
        escape(&doc.period),
        escape(&doc.summary)
    ));
    if !doc.cover_figures.is_empty() {
        figures(&mut h, &doc.cover_figures, " big");
    }
    h.push_str(&format!(
        "<p class=\"version\">{}</p>\n</header>\n",
        escape(&doc.labels.version)
    ));

    h.push_str(&format!(
        "<nav class=\"toc\" aria-labelledby=\"toc-heading\">\n<h2 id=\"toc-heading\">{}</h2>\n<ol>\n",
        escape(&doc.labels.contents)
    ));
    for (i, s) in doc.sections.iter().enumerate() {
        h.push_str(&format!(
            "<li><a href=\"#section-{}\">{}</a></li>\n",
            i + 1,
            escape(&s.title)
        ));
    }
    h.push_str("</ol>\n</nav>\n");

    for (i, s) in doc.sections.iter().enumerate() {
        let prefix = format!("s{}", i + 1);
        h.push_str(&format!(
            "<section id=\"section-{}\" class=\"prose\">\n<h2>{}</h2>\n",
            i + 1,
            escape(&s.title)
        ));
        let start = h.len();
        for b in &s.blocks {
            block(&mut h, b, &prefix, &doc.labels.notes);
        }
        // A reference shows its note's number, as the list of notes does,
        // not the label the Markdown gave it (`[^calls]`).
        let mut section = h.split_off(start);
        let labels = s.blocks.iter().flat_map(|b| match b {
            Block::Footnotes { items } => items.as_slice(),
            _ => &[],
        });
        for (n, (label, _)) in labels.enumerate() {
            let link = format!("<a href=\"#{prefix}-fn-{}\">", note_id(label));
            section = section.replace(
                &format!("{link}{}</a></sup>", escape(label)),
                &format!("{link}{}</a></sup>", n + 1),
            );
        }
        h.push_str(&section);
        h.push_str("</section>\n");
    }
    h.push_str(&format!(
        "</main>\n<footer class=\"site-footer\">\n<div class=\"wrap\">\n<p>{org} · {version}</p>\n<p><a href=\"{url}\">{url_text}</a></p>\n</div>\n</footer>\n</body>\n</html>\n",
        org = escape(&doc.organisation),
        version = escape(&doc.version),
        url = escape(url),
        url_text = escape(url),
    ));
    h
}

fn figures(h: &mut String, items: &[FigureItem], class: &str) {
    h.push_str(&format!("<dl class=\"figures{class}\">"));
    for f in items {
        h.push_str(&format!(
            "<div class=\"figure\"><dt>{}</dt><dd>",
            escape(&f.label)
        ));
        if !f.prefix.is_empty() {
            h.push_str(&format!(
                "<span class=\"prefix\">{}</span> ",
                escape(&f.prefix)
            ));
        }
        h.push_str(&format!("{}</dd></div>", escape(&f.value)));
    }
    h.push_str("</dl>\n");
}

fn block(h: &mut String, b: &Block, prefix: &str, notes_label: &str) {
    match b {
        Block::Heading { level, text } => {
            let n = (*level + 1).clamp(3, 6);
            h.push_str(&format!("<h{n}>"));
            inlines(h, text, prefix);
            h.push_str(&format!("</h{n}>\n"));
        }
        Block::Paragraph { text } => {
            h.push_str("<p>");
            inlines(h, text, prefix);
            h.push_str("</p>\n");
        }
        Block::List { ordered, items } => {
            let tag = if *ordered { "ol" } else { "ul" };
            h.push_str(&format!("<{tag}>\n"));
            for item in items {
                h.push_str("<li>");
                for b in item {
                    block(h, b, prefix, notes_label);
                }
                h.push_str("</li>\n");
            }
            h.push_str(&format!("</{tag}>\n"));
        }
        Block::Table {
            header,
            rows,
            caption,
            numeric_columns,
        } => {
            let class = |i: usize| {
                if numeric_columns.get(i).copied().unwrap_or(false) {
                    " class=\"num\""
                } else {
                    ""
                }
            };
            h.push_str("<div class=\"table-wrap\" tabindex=\"0\"><table>");
            if let Some(c) = caption {
                h.push_str(&format!("<caption>{}</caption>", escape(c)));
            }
            h.push_str("<thead><tr>");
            for (i, c) in header.iter().enumerate() {
                h.push_str(&format!("<th scope=\"col\"{}>", class(i)));
                inlines(h, c, prefix);
                h.push_str("</th>");
            }
            h.push_str("</tr></thead><tbody>");
            for row in rows {
                h.push_str("<tr>");
                for (i, c) in row.iter().enumerate() {
                    if i == 0 {
                        h.push_str("<th scope=\"row\">");
                        inlines(h, c, prefix);
                        h.push_str("</th>");
                    } else {
                        h.push_str(&format!("<td{}>", class(i)));
                        inlines(h, c, prefix);
                        h.push_str("</td>");
                    }
                }
                h.push_str("</tr>");
            }
            h.push_str("</tbody></table></div>\n");
        }
        Block::Quote { text, who } => {
            h.push_str("<figure class=\"quote\"><blockquote><p>");
            inlines(h, text, prefix);
            h.push_str("</p></blockquote>");
            if let Some(who) = who {
                h.push_str(&format!("<figcaption>{}</figcaption>", escape(who)));
            }
            h.push_str("</figure>\n");
        }
        Block::Figures { items } => figures(h, items, ""),
        Block::Chart { svg, caption } => {
            // The same chart can appear in several sections (every campaign
            // has a reach chart): its ids get the section's prefix.
            let svg = svg.replace("chart-", &format!("{prefix}-chart-"));
            h.push_str(&format!(
                "<figure class=\"chart\"><figcaption>{}</figcaption>{svg}</figure>\n",
                escape(caption)
            ));
        }
        Block::Footnotes { items } => {
            h.push_str(&format!(
                "<div class=\"footnotes\"><p class=\"fn-heading\">{}</p><ol>",
                escape(notes_label)
            ));
            for (label, text) in items {
                h.push_str(&format!("<li id=\"{prefix}-fn-{}\">", note_id(label)));
                inlines(h, text, prefix);
                h.push_str("</li>");
            }
            h.push_str("</ol></div>\n");
        }
        Block::Rule => h.push_str("<hr>\n"),
    }
}

fn note_id(label: &str) -> String {
    label
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

fn inlines(h: &mut String, items: &[Inline], prefix: &str) {
    for i in items {
        match i {
            Inline::Text { text } => h.push_str(&escape(text)),
            Inline::Strong { children } => {
                h.push_str("<strong>");
                inlines(h, children, prefix);
                h.push_str("</strong>");
            }
            Inline::Emph { children } => {
                h.push_str("<em>");
                inlines(h, children, prefix);
                h.push_str("</em>");
            }
            Inline::Link { url, children } => {
                h.push_str(&format!("<a href=\"{}\">", escape(url)));
                inlines(h, children, prefix);
                h.push_str("</a>");
            }
            Inline::Code { text } => h.push_str(&format!("<code>{}</code>", escape(text))),
            Inline::FootnoteRef { label } => h.push_str(&format!(
                "<sup class=\"fn-ref\"><a href=\"#{prefix}-fn-{}\">{}</a></sup>",
                note_id(label),
                escape(label)
            )),
            Inline::LineBreak => h.push_str("<br>"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::PdfSection;

    #[test]
    fn fonts_become_data_urls_and_the_style_is_allowed_by_hash() {
        let css = inline_fonts(
            "@font-face{src:url(fonts/A.ttf)}",
            &[("A.ttf".into(), b"FONT".to_vec())],
        );
        assert_eq!(css, "@font-face{src:url(data:font/ttf;base64,Rk9OVA==)}");
        let doc = PdfDocument {
            lang: "lt".into(),
            title: "Ataskaita <1>".into(),
            sections: vec![PdfSection {
                title: "Įžanga".into(),
                blocks: vec![Block::Paragraph {
                    text: vec![Inline::text("„Labas“")],
                }],
                bookmark: true,
            }],
            ..Default::default()
        };
        let html = render(&doc, &css, "https://x.org/lt/r/");
        assert!(html.contains("<title>Ataskaita &lt;1&gt;</title>"));
        assert!(html.contains("<p>„Labas“</p>"));
        let style = format!("{css}{EXTRA_CSS}");
        let hash =
            base64::engine::general_purpose::STANDARD.encode(Sha256::digest(style.as_bytes()));
        assert!(html.contains(&format!("style-src 'sha256-{hash}'")));
        assert!(
            !html.contains(" src=\""),
            "nothing is loaded from elsewhere"
        );
    }
}
