//! Every colour and fill pattern a chart uses, in one place.
//!
//! Series colours are the Okabe–Ito colours that stay apart for readers
//! with any common colour-vision deficiency, keeping only those with at
//! least 3:1 contrast against white (WCAG 1.4.11, non-text contrast), plus
//! a slate grey. Colour never carries meaning alone: series beyond the first
//! also get a fill pattern, legends name every series and donut slices are
//! labelled directly.

use plotters::style::RGBColor;

/// Text: 15.6:1 on white.
pub const TEXT: RGBColor = RGBColor(0x1b, 0x24, 0x30);
/// The chart background.
pub const BACKGROUND: RGBColor = RGBColor(0xff, 0xff, 0xff);
/// Gridlines: decorative, kept faint so bars stand out.
pub const GRID: RGBColor = RGBColor(0xdd, 0xe2, 0xe8);
/// The zero line and leader lines: 4.6:1 on white.
pub const AXIS: RGBColor = RGBColor(0x6b, 0x77, 0x85);

/// Series colours in order of use.
pub const SERIES: [RGBColor; 5] = [
    RGBColor(0x00, 0x72, 0xb2), // blue, 5.2:1
    RGBColor(0xd5, 0x5e, 0x00), // vermillion, 3.9:1
    RGBColor(0x00, 0x9e, 0x73), // bluish green, 3.4:1
    RGBColor(0xcc, 0x79, 0xa7), // reddish purple, 3.1:1
    RGBColor(0x5f, 0x6b, 0x7a), // slate, 5.4:1
];

/// A colour from its red, green and blue bytes (so callers outside this
/// folder need not name plotters).
pub fn rgb((r, g, b): (u8, u8, u8)) -> RGBColor {
    RGBColor(r, g, b)
}

/// A fill drawn over a series colour so series differ by more than hue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    /// Plain colour.
    Solid,
    /// White stripes rising to the right.
    Diagonal,
    /// White dots.
    Dots,
    /// White stripes falling to the right.
    BackDiagonal,
    /// White horizontal stripes.
    Horizontal,
}

impl Pattern {
    /// Every pattern other than `Solid`, in order of use.
    pub const OVERLAYS: [Pattern; 4] = [
        Pattern::Diagonal,
        Pattern::Dots,
        Pattern::BackDiagonal,
        Pattern::Horizontal,
    ];

    /// The SVG `<pattern>` body (white marks on a transparent tile) and
    /// the tile's transform; `None` for `Solid`.
    pub(crate) fn svg_tile(self) -> Option<(&'static str, &'static str)> {
        let stripe = r##"<rect width="2.5" height="8" fill="#FFFFFF"/>"##;
        match self {
            Pattern::Solid => None,
            Pattern::Diagonal => Some((stripe, "rotate(45)")),
            Pattern::BackDiagonal => Some((stripe, "rotate(-45)")),
            Pattern::Horizontal => Some((stripe, "rotate(90)")),
            Pattern::Dots => Some((r##"<circle cx="4" cy="4" r="1.6" fill="#FFFFFF"/>"##, "")),
        }
    }

    /// A name for SVG ids.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Pattern::Solid => "solid",
            Pattern::Diagonal => "diagonal",
            Pattern::Dots => "dots",
            Pattern::BackDiagonal => "back-diagonal",
            Pattern::Horizontal => "horizontal",
        }
    }
}

/// The series colours of one site: [`SERIES`], with the organisation's
/// colour first and its accent second when it has them (both checked for
/// 3:1 on white when site.yaml is read).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// Series colours in order of use.
    pub series: [RGBColor; 5],
}

impl Default for Palette {
    fn default() -> Self {
        Palette { series: SERIES }
    }
}

impl Palette {
    /// The default colours with `main` first and `accent` second where given.
    pub fn branded(main: Option<(u8, u8, u8)>, accent: Option<(u8, u8, u8)>) -> Palette {
        let mut series = SERIES;
        if let Some((r, g, b)) = main {
            series[0] = RGBColor(r, g, b);
        }
        if let Some((r, g, b)) = accent {
            series[1] = RGBColor(r, g, b);
        }
        Palette { series }
    }

    /// See [`series_fill`].
    pub fn series_fill(&self, index: usize) -> (RGBColor, Pattern) {
        let (_, pattern) = series_fill(index);
        (self.series[index % SERIES.len()], pattern)
    }

    /// See [`slice_fill`].
    pub fn slice_fill(&self, index: usize) -> (RGBColor, Pattern) {
        let (_, pattern) = slice_fill(index);
        (self.series[index % SERIES.len()], pattern)
    }
}

/// How series `index` of a multi-series chart is filled: its own colour
/// and, from the second series on, a pattern, so no two of the first 25
/// series look alike and none relies on colour alone.
pub fn series_fill(index: usize) -> (RGBColor, Pattern) {
    let colour = SERIES[index % SERIES.len()];
    let pattern = match (index + index / SERIES.len()) % (Pattern::OVERLAYS.len() + 1) {
        0 => Pattern::Solid,
        n => Pattern::OVERLAYS[n - 1],
    };
    (colour, pattern)
}

/// How slice `index` of a donut is filled. Slices are labelled directly,
/// so colour alone tells them apart until the colours repeat; from then on
/// a pattern does.
pub fn slice_fill(index: usize) -> (RGBColor, Pattern) {
    let colour = SERIES[index % SERIES.len()];
    let pattern = match (index / SERIES.len()) % (Pattern::OVERLAYS.len() + 1) {
        0 => Pattern::Solid,
        n => Pattern::OVERLAYS[n - 1],
    };
    (colour, pattern)
}

/// The WCAG contrast ratio of two colours (1 to 21).
pub fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// WCAG relative luminance.
fn luminance(c: RGBColor) -> f64 {
    let channel = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
}

/// `#RRGGBB`, as plotters writes colours.
#[cfg(test)]
pub(crate) fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_series_colour_has_3_to_1_contrast_on_white() {
        for c in SERIES {
            let ratio = contrast(c, BACKGROUND);
            assert!(ratio >= 3.0, "{} has {ratio:.2}:1", hex(c));
        }
        assert!(contrast(AXIS, BACKGROUND) >= 3.0);
    }

    #[test]
    fn text_colour_is_readable_on_white() {
        assert_eq!(hex(TEXT), "#1B2430");
        assert!(contrast(TEXT, BACKGROUND) >= 7.0);
    }

    #[test]
    fn the_first_25_series_all_look_different() {
        let fills: Vec<_> = (0..25)
            .map(|i| {
                let (c, p) = series_fill(i);
                (hex(c), p)
            })
            .collect();
        for (i, a) in fills.iter().enumerate() {
            assert!(!fills[i + 1..].contains(a), "series {i} repeats");
        }
        assert_eq!(series_fill(0).1, Pattern::Solid);
        assert_ne!(series_fill(1).1, Pattern::Solid);
    }

    #[test]
    fn slices_get_patterns_only_once_colours_repeat() {
        assert!((0..5).all(|i| slice_fill(i).1 == Pattern::Solid));
        assert_ne!(slice_fill(5).1, Pattern::Solid);
    }
}
