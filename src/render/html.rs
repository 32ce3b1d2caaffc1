//! Escaping for the few HTML fragments built in Rust (shortcode output);
//! everything else goes through tera's auto-escaping.

/// Escapes text for HTML content and double-quoted attributes. The
/// characters to escape are ASCII, so the text is scanned byte by byte and
/// copied in runs between them (it is most of a report's single-file HTML).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut copied = 0;
    for (i, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[copied..i]);
        out.push_str(entity);
        copied = i + 1;
    }
    out.push_str(&text[copied..]);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            super::escape("<a href=\"x\">Tom's</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom&#39;s&lt;/a&gt;"
        );
        assert_eq!(super::escape("ąč & ž"), "ąč &amp; ž");
        assert_eq!(super::escape(""), "");
        assert_eq!(super::escape("<"), "&lt;");
    }
}
