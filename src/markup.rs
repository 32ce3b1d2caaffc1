//! The one escaper for text put into the HTML and XML that Rust writes
//! itself: shortcode fragments, chart SVG, the sitemap, the preview's
//! overlay. Templates escape through tera, and Markdown text through
//! pulldown-cmark, whose own escaper (`pulldown-cmark-escape`) this is.

/// `text` made safe for element content and for quoted attribute values,
/// in HTML and in XML: `&`, `<`, `>`, `"` and `'` become references
/// (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;`).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    // Writing into a `String` cannot fail.
    pulldown_cmark_escape::escape_html(&mut out, text).unwrap_or(());
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_markup_and_both_quotes() {
        assert_eq!(
            escape("<a href=\"x\" title='y'>Tom & Jerry</a>"),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;"
        );
        assert_eq!(escape("ąč & ž „citata“"), "ąč &amp; ž „citata“");
        assert_eq!(escape(""), "");
        assert_eq!(escape("<"), "&lt;");
        // Already escaped text is escaped again: the input is text, not markup.
        assert_eq!(escape("&amp;"), "&amp;amp;");
    }
}
