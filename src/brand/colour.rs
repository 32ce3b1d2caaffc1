//! Colours of a brand: parsed from `#rrggbb`, measured by WCAG contrast,
//! and moved in OKLCH lightness to the nearest colour that passes. OKLCH
//! is perceptual, so keeping its hue and chroma while moving lightness
//! gives "the same colour, darker" as a reader sees it.

use std::fmt;

/// An sRGB colour with 8 bits a channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// White, the theme's page background.
    pub const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);

    /// Parses `#rrggbb` or `#rgb` (either case).
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.strip_prefix('#')?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let v = |s: &str| u8::from_str_radix(s, 16).ok();
        match hex.len() {
            6 => Some(Rgb(v(&hex[0..2])?, v(&hex[2..4])?, v(&hex[4..6])?)),
            3 => {
                let d = |i: usize| v(&hex[i..i + 1]).map(|x| x * 17);
                Some(Rgb(d(0)?, d(1)?, d(2)?))
            }
            _ => None,
        }
    }

    /// WCAG 2 relative luminance (0 for black, 1 for white).
    pub fn luminance(self) -> f64 {
        let [r, g, b] = self.linear();
        0.2126 * r + 0.7152 * g + 0.0722 * b
    }

    fn linear(self) -> [f64; 3] {
        [self.0, self.1, self.2].map(|v| {
            let v = f64::from(v) / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        })
    }

    /// The colour in OKLCH: lightness 0..1, chroma, hue in radians.
    pub fn oklch(self) -> (f64, f64, f64) {
        let [r, g, b] = self.linear();
        let l = 0.412_221_470_8 * r + 0.536_332_536_3 * g + 0.051_445_992_9 * b;
        let m = 0.211_903_498_2 * r + 0.680_699_545_1 * g + 0.107_396_956_6 * b;
        let s = 0.088_302_461_9 * r + 0.281_718_837_6 * g + 0.629_978_700_5 * b;
        let (l, m, s) = (l.cbrt(), m.cbrt(), s.cbrt());
        let big_l = 0.210_454_255_3 * l + 0.793_617_785 * m - 0.004_072_046_8 * s;
        let a = 1.977_998_495_1 * l - 2.428_592_205 * m + 0.450_593_709_9 * s;
        let bb = 0.025_904_037_1 * l + 0.782_771_766_2 * m - 0.808_675_766 * s;
        (big_l, a.hypot(bb), bb.atan2(a))
    }

    /// The colour of OKLCH `(l, c, h)`, or `None` outside sRGB.
    pub fn from_oklch(l: f64, c: f64, h: f64) -> Option<Rgb> {
        let (a, b) = (c * h.cos(), c * h.sin());
        let l_ = l + 0.396_337_777_4 * a + 0.215_803_757_3 * b;
        let m_ = l - 0.105_561_345_8 * a - 0.063_854_172_8 * b;
        let s_ = l - 0.089_484_177_5 * a - 1.291_485_548 * b;
        let (l3, m3, s3) = (l_.powi(3), m_.powi(3), s_.powi(3));
        let r = 4.076_741_662_1 * l3 - 3.307_711_591_3 * m3 + 0.230_969_929_2 * s3;
        let g = -1.268_438_004_6 * l3 + 2.609_757_401_1 * m3 - 0.341_319_396_5 * s3;
        let bl = -0.004_196_086_3 * l3 - 0.703_418_614_7 * m3 + 1.707_614_701 * s3;
        const EPS: f64 = 1e-4;
        let channel = |v: f64| -> Option<u8> {
            if !(-EPS..=1.0 + EPS).contains(&v) {
                return None;
            }
            let v = v.clamp(0.0, 1.0);
            let s = if v <= 0.003_130_8 {
                12.92 * v
            } else {
                1.055 * v.powf(1.0 / 2.4) - 0.055
            };
            Some((s * 255.0).round() as u8)
        };
        Some(Rgb(channel(r)?, channel(g)?, channel(bl)?))
    }

    /// This colour at OKLCH lightness `l` (hue kept, chroma reduced only
    /// as far as sRGB needs).
    pub fn with_lightness(self, l: f64) -> Rgb {
        let (_, c, h) = self.oklch();
        in_gamut(l.clamp(0.0, 1.0), c, h)
    }
}

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// The WCAG contrast ratio of two colours, 1 to 21.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// A ratio as people write it: 4.5 -> "4.5:1", 2.96 -> "2.96:1"
/// (rounded down, so a ratio shown as passing does pass).
pub fn ratio_text(ratio: f64) -> String {
    let r = (ratio * 100.0).floor() / 100.0;
    let s = format!("{r:.2}");
    format!("{}:1", s.trim_end_matches('0').trim_end_matches('.'))
}

/// The colour of OKLCH lightness `l` and hue `h` with the most chroma up to
/// `c` that sRGB can show.
fn in_gamut(l: f64, c: f64, h: f64) -> Rgb {
    if let Some(rgb) = Rgb::from_oklch(l, c, h) {
        return rgb;
    }
    let (mut lo, mut hi) = (0.0, c);
    for _ in 0..24 {
        let mid = (lo + hi) / 2.0;
        if Rgb::from_oklch(l, mid, h).is_some() {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    // Chroma 0 is a grey, always in gamut for l in 0..=1.
    Rgb::from_oklch(l, lo, h).unwrap_or(Rgb::WHITE)
}

/// The colour nearest `colour` in OKLCH lightness (same hue, chroma kept
/// where sRGB allows) with at least `min` contrast against `background`;
/// `colour` itself when it passes. Darker wins a tie.
pub fn nearest_passing(colour: Rgb, background: Rgb, min: f64) -> Rgb {
    if contrast(colour, background) >= min {
        return colour;
    }
    let (l, c, h) = colour.oklch();
    for step in 1..=1000 {
        let d = f64::from(step) / 1000.0;
        for candidate in [l - d, l + d] {
            if (0.0..=1.0).contains(&candidate) {
                let rgb = in_gamut(candidate, c, h);
                if contrast(rgb, background) >= min {
                    return rgb;
                }
            }
        }
    }
    // Black passes 4.5:1 on any background lighter than mid grey, white on
    // any darker one.
    if contrast(Rgb(0, 0, 0), background) >= contrast(Rgb::WHITE, background) {
        Rgb(0, 0, 0)
    } else {
        Rgb::WHITE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_hex_colours() {
        assert_eq!(Rgb::parse("#0b5d6b"), Some(Rgb(0x0b, 0x5d, 0x6b)));
        assert_eq!(Rgb::parse("#FFF"), Some(Rgb::WHITE));
        assert_eq!(Rgb::parse("0b5d6b"), None);
        assert_eq!(Rgb::parse("#0b5d6"), None);
        assert_eq!(Rgb::parse("#gggggg"), None);
        assert_eq!(Rgb(0x0b, 0x5d, 0x6b).to_string(), "#0b5d6b");
    }

    #[test]
    fn contrast_matches_wcag_examples() {
        assert!((contrast(Rgb(0, 0, 0), Rgb::WHITE) - 21.0).abs() < 1e-9);
        // #767676 is the classic lightest grey that passes 4.5:1 on white.
        assert!(contrast(Rgb(0x76, 0x76, 0x76), Rgb::WHITE) >= 4.5);
        assert!(contrast(Rgb(0x77, 0x77, 0x77), Rgb::WHITE) < 4.5);
        assert_eq!(ratio_text(4.4999), "4.49:1");
        assert_eq!(ratio_text(3.0), "3:1");
    }

    #[test]
    fn oklch_round_trips() {
        for c in [
            Rgb(0x0b, 0x5d, 0x6b),
            Rgb(0xf2, 0xc1, 0x4e),
            Rgb(0, 0, 0),
            Rgb::WHITE,
        ] {
            let (l, ch, h) = c.oklch();
            assert_eq!(Rgb::from_oklch(l, ch, h), Some(c), "{c}");
        }
        let (l, _, _) = Rgb::WHITE.oklch();
        assert!((l - 1.0).abs() < 1e-3);
    }

    #[test]
    fn nearest_passing_keeps_the_hue_and_just_passes() {
        let yellow = Rgb(0xf2, 0xc1, 0x4e);
        let fixed = nearest_passing(yellow, Rgb::WHITE, 4.5);
        assert!(contrast(fixed, Rgb::WHITE) >= 4.5);
        // Just passes: one step lighter would not.
        let (l, _, h0) = fixed.oklch();
        assert!(contrast(fixed.with_lightness(l + 0.01), Rgb::WHITE) < 4.5);
        let (_, _, h1) = yellow.oklch();
        assert!((h0 - h1).abs() < 0.15, "hue kept: {h0} vs {h1}");
        // A colour that passes is left alone.
        let teal = Rgb(0x0b, 0x5d, 0x6b);
        assert_eq!(nearest_passing(teal, Rgb::WHITE, 4.5), teal);
    }
}
