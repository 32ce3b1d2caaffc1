//! A logo's size, read from its file, so pages reserve its box (no layout
//! shift) and the PDF and cards can scale it.

use crate::model::LogoFormat;

/// The logo's width and height in CSS pixels: a PNG's pixels, an SVG's
/// `width` and `height` (or its `viewBox`). `None` when the file does not
/// say or is not what its name claims.
pub fn logo_size(format: LogoFormat, bytes: &[u8]) -> Option<(u32, u32)> {
    let (w, h) = match format {
        LogoFormat::Png => png_size(bytes)?,
        LogoFormat::Svg => svg_size(std::str::from_utf8(bytes).ok()?)?,
    };
    (w > 0 && h > 0).then_some((w, h))
}

fn png_size(b: &[u8]) -> Option<(u32, u32)> {
    if b.len() < 24 || &b[..8] != b"\x89PNG\r\n\x1a\n" || &b[12..16] != b"IHDR" {
        return None;
    }
    let be = |i: usize| u32::from_be_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
    Some((be(16), be(20)))
}

fn svg_size(text: &str) -> Option<(u32, u32)> {
    let start = text.find("<svg")?;
    let tag = &text[start..start + text[start..].find('>')?];
    let attr = |name: &str| -> Option<&str> {
        let mut from = 0;
        while let Some(i) = tag[from..].find(name) {
            let at = from + i;
            let before = tag[..at].chars().last();
            let rest = tag[at + name.len()..].trim_start();
            if before.is_some_and(char::is_whitespace) {
                if let Some(rest) = rest.strip_prefix('=') {
                    let rest = rest.trim_start();
                    let quote = rest.chars().next()?;
                    if quote == '"' || quote == '\'' {
                        let end = rest[1..].find(quote)?;
                        return Some(&rest[1..1 + end]);
                    }
                }
            }
            from = at + name.len();
        }
        None
    };
    let number = |v: &str| -> Option<f64> {
        let v = v.trim().trim_end_matches("px");
        v.parse::<f64>().ok().filter(|x| x.is_finite() && *x > 0.0)
    };
    let size = |w: f64, h: f64| Some((w.round().max(1.0) as u32, h.round().max(1.0) as u32));
    if let (Some(w), Some(h)) = (
        attr("width").and_then(number),
        attr("height").and_then(number),
    ) {
        return size(w, h);
    }
    let vb: Vec<f64> = attr("viewBox")?
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse().ok())
        .collect();
    match vb.as_slice() {
        [_, _, w, h] if *w > 0.0 && *h > 0.0 => size(*w, *h),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_size_from_attributes_or_view_box() {
        let svg = |s: &str| logo_size(LogoFormat::Svg, s.as_bytes());
        assert_eq!(
            svg(r#"<svg xmlns="x" width="120" height="40px">"#),
            Some((120, 40))
        );
        assert_eq!(
            svg(r#"<?xml?><svg viewBox="0 0 300 100">"#),
            Some((300, 100))
        );
        assert_eq!(
            svg(r#"<svg stroke-width="3" viewBox='0,0,30,10'>"#),
            Some((30, 10))
        );
        assert_eq!(svg("<svg>"), None);
        assert_eq!(svg("not svg"), None);
    }

    #[test]
    fn png_size_from_its_header() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend(200u32.to_be_bytes());
        png.extend(80u32.to_be_bytes());
        assert_eq!(logo_size(LogoFormat::Png, &png), Some((200, 80)));
        assert_eq!(logo_size(LogoFormat::Png, b"GIF89a"), None);
    }
}
