//! The organisation's look: its colours checked for contrast where they
//! are used, the style rules and chart colours they become, its logo's
//! size, and the favicon made from the logo (or from the organisation's
//! initials on its colour). Nothing here reads files or knows templates.

pub mod colour;
mod favicon;
mod logo;
mod raster;

pub use favicon::favicon_svg;
pub use logo::logo_size;
pub use raster::{card_raster, RasterError};

use colour::{contrast, nearest_passing, ratio_text, Rgb};

use crate::diagnostics::Diagnostic;
use crate::model::{Brand, Span};

/// The page background every brand colour is checked against: the
/// default theme's paper, which the PDF and the cards share.
pub const PAPER: Rgb = Rgb::WHITE;

/// The theme's own colours, used where the brand gives none (they match
/// themes/default/static/style.css).
pub const DEFAULT_COLOUR: Rgb = Rgb(0x0b, 0x5f, 0x6b);

/// What a brand colour is used for, which decides the contrast it needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    /// Links and text (and white text on it): 4.5:1, WCAG 1.4.3.
    Text,
    /// Chart marks and interface boundaries: 3:1, WCAG 1.4.11.
    Marks,
}

impl Use {
    /// The contrast this use needs.
    pub fn minimum(self) -> f64 {
        match self {
            Use::Text => 4.5,
            Use::Marks => 3.0,
        }
    }
}

/// A brand colour without enough contrast on the page.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error(
    "the brand {field} {colour} has a contrast of {} on the white page; {} need {}:1 ({})",
    ratio_text(*ratio),
    usage_text(*usage),
    usage.minimum(),
    wcag(*usage)
)]
pub struct ContrastProblem {
    /// `colour` or `accent`.
    pub field: &'static str,
    /// The colour as given.
    pub colour: Rgb,
    /// What it was measured for.
    pub usage: Use,
    /// Its contrast on [`PAPER`].
    pub ratio: f64,
    /// The nearest colour that passes (same OKLCH hue, lightness moved).
    pub nearest: Rgb,
}

fn usage_text(u: Use) -> &'static str {
    match u {
        Use::Text => "text and links",
        Use::Marks => "chart marks and interface boundaries",
    }
}

fn wcag(u: Use) -> &'static str {
    match u {
        Use::Text => "WCAG 1.4.3",
        Use::Marks => "WCAG 1.4.11",
    }
}

impl ContrastProblem {
    /// The error at the colour's place in site.yaml, with the fix.
    pub fn diagnostic(&self, span: Span) -> Diagnostic {
        let direction = if self.nearest.luminance() < self.colour.luminance() {
            "darker"
        } else {
            "lighter"
        };
        Diagnostic::error(span, self.to_string()).help(format!(
            "the nearest colour that passes is {} ({} on white; the same hue, {direction}): write `{}: \"{}\"`",
            self.nearest,
            ratio_text(contrast(self.nearest, PAPER)),
            self.field,
            self.nearest
        ))
    }
}

/// Checks `colour` for `usage` on the page background.
pub fn check_contrast(colour: Rgb, usage: Use) -> Result<(), ContrastProblem> {
    let ratio = contrast(colour, PAPER);
    if ratio >= usage.minimum() {
        return Ok(());
    }
    Err(ContrastProblem {
        field: match usage {
            Use::Text => "colour",
            Use::Marks => "accent",
        },
        colour,
        usage,
        ratio,
        nearest: nearest_passing(colour, PAPER, usage.minimum()),
    })
}

/// The colours pages, PDF, cards and charts use: the brand's where given,
/// else the theme's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colours {
    /// Links, accents in text, the first chart series.
    pub main: Rgb,
    /// A darker shade of `main`, for hover and big figures.
    pub strong: Rgb,
    /// Rules and the second chart series; `None` keeps the theme's.
    pub accent: Option<Rgb>,
}

impl Colours {
    /// The colours of `brand`.
    pub fn of(brand: &Brand) -> Colours {
        let main = brand.colour.unwrap_or(DEFAULT_COLOUR);
        let (l, _, _) = main.oklch();
        Colours {
            main,
            strong: main.with_lightness(l * 0.72),
            accent: brand.accent,
        }
    }
}

/// Style rules that put the brand's colours into the default theme's
/// custom properties (`--accent`, `--accent-strong`, `--highlight`);
/// empty when the brand gives no colour, so the theme stays as it is.
pub fn css_overrides(brand: &Brand) -> String {
    if brand.colour.is_none() && brand.accent.is_none() {
        return String::new();
    }
    let c = Colours::of(brand);
    let mut css = String::from("\n/* The organisation's colours (site.yaml `brand`). */\n:root {");
    if brand.colour.is_some() {
        css.push_str(&format!(
            " --accent: {}; --accent-strong: {};",
            c.main, c.strong
        ));
    }
    if let Some(a) = c.accent {
        css.push_str(&format!(" --highlight: {a};"));
    }
    css.push_str(" }\n");
    css
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pale_colour_fails_with_the_nearest_passing_one() {
        let yellow = Rgb::parse("#f2c14e").unwrap();
        let e = check_contrast(yellow, Use::Text).unwrap_err();
        assert!(e.ratio < 2.0);
        assert!(contrast(e.nearest, PAPER) >= 4.5);
        assert!(check_contrast(e.nearest, Use::Text).is_ok());
        assert!(check_contrast(Rgb::parse("#0b5d6b").unwrap(), Use::Text).is_ok());
        // 3:1 is enough for marks.
        let mid = Rgb::parse("#d55e00").unwrap();
        assert!(check_contrast(mid, Use::Marks).is_ok());
        assert!(check_contrast(mid, Use::Text).is_err());
    }

    #[test]
    fn css_overrides_only_what_is_given() {
        assert_eq!(css_overrides(&Brand::default()), "");
        let brand = Brand {
            colour: Rgb::parse("#0b5d6b"),
            ..Brand::default()
        };
        let css = css_overrides(&brand);
        assert!(css.contains("--accent: #0b5d6b;"), "{css}");
        assert!(!css.contains("--highlight"));
    }
}
