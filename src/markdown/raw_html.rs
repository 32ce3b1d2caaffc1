//! Raw HTML in Markdown, for sites whose `site.yaml` sets
//! `allow_raw_html`: the body's HTML is cleaned by `ammonia` (an HTML5
//! parser with an allow list) before it reaches a page. Layout and text
//! markup pass (`<div>`, `<span>`, `<details>`, `<kbd>`, `<sub>`, tables,
//! ids, classes and `aria-*`); what acts rather than shows does not: no
//! `<script>`, no `<meta http-equiv="refresh">` (which redirected readers
//! even under the page's Content-Security-Policy), no `<iframe>`,
//! `<object>`, `<form>`, `<style>` or `<base>`, no event handler, and links
//! only to the schemes a Markdown link may use.

use std::collections::HashSet;

/// `html` with everything active removed.
pub fn clean(html: &str) -> String {
    let mut builder = ammonia::Builder::default();
    builder
        .link_rel(None)
        .url_schemes(HashSet::from(["http", "https", "mailto", "tel"]))
        .add_tags([
            "section",
            "details",
            "summary",
            "figure",
            "figcaption",
            "mark",
        ])
        .add_generic_attributes(["id", "class", "title", "lang", "dir", "role", "tabindex"])
        .add_generic_attribute_prefixes(["aria-"]);
    builder.clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn active_content_is_removed_and_layout_kept() {
        let html = clean(
            "<div class=\"note\" id=\"n\" aria-label=\"x\"><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">\
             <p onclick=\"x()\">Hi <a href=\"javascript:alert(1)\">a</a> <a href=\"https://ok.example/\">b</a></p>\
             <script>alert(1)</script><iframe src=\"https://x.example\"></iframe><style>p{}</style>\
             <details><summary>More</summary>Text</details></div>",
        );
        for gone in [
            "meta",
            "refresh",
            "onclick",
            "javascript",
            "script",
            "iframe",
            "style",
        ] {
            assert!(!html.contains(gone), "{gone}: {html}");
        }
        for kept in [
            "<div class=\"note\" id=\"n\" aria-label=\"x\">",
            "<a href=\"https://ok.example/\">b</a>",
            "<details><summary>More</summary>Text</details>",
        ] {
            assert!(html.contains(kept), "{kept}: {html}");
        }
    }
}
