//! The favicon every page links: the logo centred on a white square, or
//! the organisation's initials on its colour when there is no logo. An SVG,
//! so one small file is sharp at every size; browsers that ask for
//! `/favicon.ico` on their own never do when a page links an icon.

use base64::Engine;

use super::colour::{contrast, Rgb};
use super::Colours;
use crate::model::Brand;

/// The favicon for `brand` of the organisation called `organisation`.
pub fn favicon_svg(brand: &Brand, organisation: &str) -> String {
    let head =
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">"#;
    if let Some(logo) = &brand.logo {
        let data = base64::engine::general_purpose::STANDARD.encode(&logo.bytes);
        return format!(
            "{head}<rect width=\"64\" height=\"64\" rx=\"10\" fill=\"#ffffff\"/>\
             <image x=\"4\" y=\"4\" width=\"56\" height=\"56\" preserveAspectRatio=\"xMidYMid meet\" \
             href=\"data:{};base64,{data}\"/></svg>\n",
            logo.format.mime()
        );
    }
    let colours = Colours::of(brand);
    let ink = Rgb(0x1b, 0x24, 0x30);
    let text = if contrast(Rgb::WHITE, colours.main) >= contrast(ink, colours.main) {
        Rgb::WHITE
    } else {
        ink
    };
    let letters = initials(organisation);
    let size = if letters.chars().count() > 1 { 28 } else { 36 };
    format!(
        "{head}<rect width=\"64\" height=\"64\" rx=\"10\" fill=\"{}\"/>\
         <text x=\"32\" y=\"33\" text-anchor=\"middle\" dominant-baseline=\"central\" \
         font-family=\"DejaVu Sans, Verdana, sans-serif\" font-weight=\"700\" font-size=\"{size}\" \
         fill=\"{text}\">{}</text></svg>\n",
        colours.main,
        escape(&letters)
    )
}

/// The first letters of the first two words that start with a letter,
/// upper-cased: "STOP THE TRAFFIK" -> "ST", "Pagalba (fictional)" -> "P"
/// (a word that starts with a bracket or sign is skipped).
fn initials(name: &str) -> String {
    let letters: String = name
        .split_whitespace()
        .filter_map(|w| w.chars().next().filter(|c| c.is_alphabetic()))
        .take(2)
        .flat_map(char::to_uppercase)
        .collect();
    if letters.is_empty() {
        "·".into()
    } else {
        letters
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Logo, LogoFormat, Span};

    #[test]
    fn initials_on_the_brand_colour_without_a_logo() {
        let brand = Brand {
            colour: Rgb::parse("#0b5d6b"),
            ..Brand::default()
        };
        let svg = favicon_svg(&brand, "Riverside Aid (fictional)");
        assert!(svg.contains("fill=\"#0b5d6b\""), "{svg}");
        assert!(svg.contains(">RA</text>"), "{svg}");
        assert!(
            svg.contains("fill=\"#ffffff\">RA"),
            "white on a dark colour"
        );
        assert_eq!(initials("šviesa & co"), "ŠC");
        assert_eq!(initials("Pagalba (fictional)"), "P");
        assert_eq!(initials("<>"), "·");
    }

    #[test]
    fn the_logo_when_there_is_one() {
        let brand = Brand {
            logo: Some(Logo {
                path: "brand/logo.svg".into(),
                format: LogoFormat::Svg,
                bytes: b"<svg/>".to_vec(),
                width: 10,
                height: 10,
                card: None,
                span: Span::file(crate::model::FileId(0)),
            }),
            ..Brand::default()
        };
        let svg = favicon_svg(&brand, "X");
        assert!(
            svg.contains("href=\"data:image/svg+xml;base64,PHN2Zy8+\""),
            "{svg}"
        );
    }
}
