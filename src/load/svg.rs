//! The check an SVG image passes before it is published: an SVG is a
//! document that can run scripts, load other files and embed HTML, and the
//! site serves it from its own address. One that holds a script, an event
//! handler, embedded HTML or a reference to anything outside itself is
//! refused, with the place of the first such thing. The XML is read by
//! `roxmltree`, which also refuses document type declarations (the way to
//! entity tricks).

/// Why an SVG cannot be published, and where (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// What was found.
    pub message: String,
    /// Line of it.
    pub line: u32,
    /// Column of it.
    pub col: u32,
}

/// Elements that run code, embed documents or listen for events.
const ACTIVE_ELEMENTS: &[&str] = &[
    "script",
    "foreignObject",
    "iframe",
    "embed",
    "object",
    "handler",
    "listener",
];

/// Refusals for `text`, an SVG file; empty when it may be published.
pub fn check(text: &str) -> Vec<Refusal> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        ..roxmltree::ParsingOptions::default()
    };
    let doc = match roxmltree::Document::parse_with_options(text, options) {
        Ok(doc) => doc,
        Err(e) => {
            let pos = e.pos();
            return vec![Refusal {
                message: format!("the SVG cannot be read ({e})"),
                line: pos.row,
                col: pos.col,
            }];
        }
    };
    let mut refusals = Vec::new();
    let root = doc.root_element();
    if root.tag_name().name() != "svg" {
        refusals.push(at(
            &doc,
            root.range().start,
            "the file is not an SVG image".into(),
        ));
    }
    for node in doc.descendants().filter(|n| n.is_element()) {
        let name = node.tag_name().name();
        let start = node.range().start;
        if ACTIVE_ELEMENTS.iter().any(|a| a.eq_ignore_ascii_case(name)) {
            refusals.push(at(
                &doc,
                start,
                format!("the SVG holds a `<{name}>` element"),
            ));
        }
        if name.eq_ignore_ascii_case("style") {
            let css: String = node.descendants().filter_map(|n| n.text()).collect();
            if let Some(why) = external_in_css(&css) {
                refusals.push(at(&doc, start, why));
            }
        }
        for attr in node.attributes() {
            let (key, value) = (attr.name(), attr.value());
            let pos = attr.range().start;
            if key.len() > 2 && key[..2].eq_ignore_ascii_case("on") {
                refusals.push(at(
                    &doc,
                    pos,
                    format!("the SVG has an event handler `{key}`"),
                ));
            } else if key == "href" {
                if !(value.starts_with('#') || is_embedded_image(value)) {
                    refusals.push(at(
                        &doc,
                        pos,
                        format!("the SVG refers to `{value}` outside itself"),
                    ));
                }
            } else if matches!(name, "set" | "animate")
                && key == "attributeName"
                && (value.ends_with("href") || value.to_ascii_lowercase().starts_with("on"))
            {
                refusals.push(at(&doc, pos, format!("the SVG animates `{value}`")));
            } else if let Some(why) = external_in_css(value) {
                refusals.push(at(&doc, pos, why));
            }
        }
    }
    refusals
}

/// A `data:` image embedded in the SVG (not a document, which could script).
fn is_embedded_image(value: &str) -> bool {
    let lower = value.trim_start().to_ascii_lowercase();
    [
        "data:image/png",
        "data:image/jpeg",
        "data:image/gif",
        "data:image/webp",
    ]
    .iter()
    .any(|kind| lower.starts_with(kind))
}

/// Why a style (or an attribute value) reaches outside the SVG: an
/// `@import` or a `url(…)` that is not a `#fragment` or an embedded image.
fn external_in_css(css: &str) -> Option<String> {
    let lower = css.to_ascii_lowercase();
    if lower.contains("@import") {
        return Some("the SVG's style imports another file".into());
    }
    let mut rest = lower.as_str();
    while let Some(at) = rest.find("url(") {
        let inside = rest[at + 4..].trim_start_matches([' ', '"', '\'']);
        if !(inside.starts_with('#') || is_embedded_image(inside)) {
            let end = inside.find(')').unwrap_or(inside.len()).min(60);
            return Some(format!(
                "the SVG refers to `{}` outside itself",
                inside[..end].trim_end_matches(['"', '\''])
            ));
        }
        rest = &rest[at + 4..];
    }
    None
}

fn at(doc: &roxmltree::Document, offset: usize, message: String) -> Refusal {
    let pos = doc.text_pos_at(offset);
    Refusal {
        message,
        line: pos.row,
        col: pos.col,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(svg: &str) -> Vec<String> {
        check(svg).into_iter().map(|r| r.message).collect()
    }

    #[test]
    fn a_plain_drawing_passes() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">
<defs><linearGradient id="g"/></defs><style>.a { fill: url(#g) }</style>
<rect class="a" width="10" height="10" fill="url(#g)"/><use xlink:href="#g"/>
<image href="data:image/png;base64,iVBORw0KGgo="/><text>Ąžuolas</text></svg>"##;
        assert_eq!(messages(svg), Vec::<String>::new());
    }

    /// An SVG image with `<script>` was copied byte for byte and ran when
    /// opened.
    #[test]
    fn scripts_handlers_html_and_outside_references_are_refused() {
        let cases = [
            (
                r#"<svg xmlns="http://www.w3.org/2000/svg">
<script>fetch('/__impact/status')</script></svg>"#,
                "`<script>`",
                2,
            ),
            (
                r#"<svg xmlns="http://www.w3.org/2000/svg"><rect onload="x()"/></svg>"#,
                "event handler `onload`",
                1,
            ),
            (
                r#"<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div/></foreignObject></svg>"#,
                "`<foreignObject>`",
                1,
            ),
            (
                r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>"#,
                "`javascript:alert(1)`",
                1,
            ),
            (
                r#"<svg xmlns="http://www.w3.org/2000/svg"><image href="https://tracker.example/p.png"/></svg>"#,
                "outside itself",
                1,
            ),
            (
                r#"<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://x.example/a.css);</style></svg>"#,
                "imports",
                1,
            ),
            (
                r#"<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url(https://x.example/a.svg#p)"/></svg>"#,
                "outside itself",
                1,
            ),
            (
                r#"<svg xmlns="http://www.w3.org/2000/svg"><a><set attributeName="href" to="javascript:alert(1)"/></a></svg>"#,
                "animates",
                1,
            ),
            (
                r#"<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg"/>"#,
                "cannot be read",
                1,
            ),
            ("not xml at all", "cannot be read", 1),
            (r#"<html><script/></html>"#, "not an SVG", 1),
        ];
        for (svg, expected, line) in cases {
            let found = check(svg);
            assert!(
                found.iter().any(|r| r.message.contains(expected)),
                "{svg}: {found:?}"
            );
            assert_eq!(found[0].line, line, "{svg}: {found:?}");
        }
    }
}
