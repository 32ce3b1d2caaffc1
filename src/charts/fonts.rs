//! The theme font as plotters sees it: registration, text measurement and
//! line wrapping.
//!
//! Charts are laid out with the font that the pages and the PDF use, so a
//! label that fits here fits in the reader's browser. Nothing here looks up
//! system fonts: the bytes come from the theme, so output is the same on
//! every machine.

use std::sync::Mutex;

use plotters::style::{FontDesc, FontFamily, FontStyle};

use super::ChartError;

/// plotters draws and measures text at `size`, but writes `size / 1.24` as
/// the SVG `font-size`; pixel sizes in this module are SVG pixels.
pub(crate) const PLOTTERS_SCALE: f64 = 1.24;

/// The chart font, registered with plotters once per process.
///
/// Build it once from the theme's font files and share it between charts.
#[derive(Debug, Clone)]
pub struct Fonts {
    /// The name plotters knows the font by (never written to output).
    key: String,
    /// The font's own family name, named first in the SVG `font-family`.
    family: String,
    /// The regular and bold faces (bold is the regular one when the theme
    /// has none), parsed once, for measuring text and drawing cards.
    parsed: [ab_glyph::FontRef<'static>; 2],
    /// Their advance widths, looked up once.
    metrics: [Metrics; 2],
    /// SHA-256 of the faces, part of the key a social card is kept by: a
    /// new font draws every card again.
    digest: [u8; 32],
}

/// The glyph and advance width (in font units) of every character up to
/// [`Metrics::TABLE`] (Latin with every Lithuanian letter), and the height
/// that pixel sizes scale by: labels are measured many times while they
/// wrap, and a table is cheaper than the font's character map.
#[derive(Debug, Clone)]
struct Metrics {
    advances: Vec<(ab_glyph::GlyphId, f32)>,
    height: f32,
}

impl Metrics {
    /// Characters below this are in the table (Latin Extended-B and before).
    const TABLE: u32 = 0x250;

    fn of(face: &ab_glyph::FontRef<'static>) -> Metrics {
        use ab_glyph::Font;
        let advances = (0..Metrics::TABLE)
            .map(|c| {
                let glyph = face.glyph_id(char::from_u32(c).unwrap_or(' '));
                (glyph, face.h_advance_unscaled(glyph))
            })
            .collect();
        Metrics {
            advances,
            height: face.height_unscaled(),
        }
    }
}

/// Fonts plotters has been given, in the order they were registered.
///
/// plotters keeps fonts in a process-wide table that only takes
/// `&'static [u8]`, so each font's bytes are leaked, once: a second
/// `Fonts::new` with the same bytes (every rebuild of `impact serve`, every
/// test) finds them here instead of leaking another copy. Different bytes
/// get their own name, so two themes in one process cannot replace each
/// other's font under a chart being drawn.
static REGISTERED: Mutex<Vec<Registered>> = Mutex::new(Vec::new());

struct Registered {
    regular: &'static [u8],
    bold: Option<&'static [u8]>,
    key: String,
    digest: [u8; 32],
}

/// SHA-256 of the regular face, then the bold one (when there is one).
fn digest(regular: &[u8], bold: Option<&[u8]>) -> [u8; 32] {
    use sha2::{Digest, Sha256};
    let mut hash = Sha256::new();
    hash.update((regular.len() as u64).to_le_bytes());
    hash.update(regular);
    if let Some(bold) = bold {
        hash.update(bold);
    }
    hash.finalize().into()
}

/// The font's family name, which the SVG `font-family` names first: the
/// typographic family (name id 16), else the family (1), from a Unicode
/// record or an ASCII Mac Roman one. Neither plotters nor ab_glyph
/// exposes it; `None` for bytes that are not a font.
fn family_name(font: &[u8]) -> Option<String> {
    use ttf_parser::{name_id, PlatformId};
    let face = ttf_parser::Face::parse(font, 0).ok()?;
    let text = |name: ttf_parser::name::Name| {
        let mac_ascii = name.platform_id == PlatformId::Macintosh
            && name.encoding_id == 0
            && name.name.is_ascii();
        name.to_string()
            .or_else(|| mac_ascii.then(|| String::from_utf8_lossy(name.name).into_owned()))
            .map(|text| text.trim().to_string())
            .filter(|text| !text.is_empty())
    };
    [name_id::TYPOGRAPHIC_FAMILY, name_id::FAMILY]
        .into_iter()
        .find_map(|id| {
            face.names()
                .into_iter()
                .filter(|name| name.name_id == id)
                .find_map(text)
        })
}

/// The regular and bold faces parsed for measuring.
fn parse(faces: [&'static [u8]; 2]) -> Result<[ab_glyph::FontRef<'static>; 2], ChartError> {
    let regular = ab_glyph::FontRef::try_from_slice(faces[0])
        .map_err(|_| ChartError::InvalidFont { face: "regular" })?;
    let bold = ab_glyph::FontRef::try_from_slice(faces[1])
        .map_err(|_| ChartError::InvalidFont { face: "bold" })?;
    Ok([regular, bold])
}

impl Fonts {
    /// Registers the theme's regular font (and its bold, if there is one;
    /// without it bold text uses the regular face) for drawing charts.
    pub fn new(regular: Vec<u8>, bold: Option<Vec<u8>>) -> Result<Fonts, ChartError> {
        let family = family_name(&regular).unwrap_or_default();
        // A poisoned lock only means another thread panicked while holding
        // it; the list itself is always left whole.
        let mut registered = REGISTERED.lock().unwrap_or_else(|p| p.into_inner());
        let same = |r: &&Registered| r.regular == regular.as_slice() && r.bold == bold.as_deref();
        if let Some(r) = registered.iter().find(same) {
            let faces = [r.regular, r.bold.unwrap_or(r.regular)];
            let parsed = parse(faces)?;
            return Ok(Fonts {
                key: r.key.clone(),
                family,
                metrics: [Metrics::of(&parsed[0]), Metrics::of(&parsed[1])],
                parsed,
                digest: r.digest,
            });
        }
        let key = format!("impact-chart-font-{}", registered.len());
        let regular: &'static [u8] = Box::leak(regular.into_boxed_slice());
        plotters::style::register_font(&key, FontStyle::Normal, regular)
            .map_err(|_| ChartError::InvalidFont { face: "regular" })?;
        let bold: Option<&'static [u8]> = match bold {
            Some(bytes) => {
                let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
                plotters::style::register_font(&key, FontStyle::Bold, bytes)
                    .map_err(|_| ChartError::InvalidFont { face: "bold" })?;
                Some(bytes)
            }
            None => None,
        };
        let digest = digest(regular, bold);
        registered.push(Registered {
            regular,
            bold,
            key: key.clone(),
            digest,
        });
        let faces = [regular, bold.unwrap_or(regular)];
        let parsed = parse(faces)?;
        Ok(Fonts {
            key,
            family,
            metrics: [Metrics::of(&parsed[0]), Metrics::of(&parsed[1])],
            parsed,
            digest,
        })
    }

    /// SHA-256 of the font files.
    pub(crate) fn digest(&self) -> &[u8; 32] {
        &self.digest
    }

    /// The font's family name as written in the font (`DejaVu Sans`); empty
    /// when the font does not say.
    pub fn family(&self) -> &str {
        &self.family
    }

    /// The SVG `font-family` value: the theme font first, then the generic
    /// family for a reader whose browser has not loaded it.
    pub(crate) fn css_family(&self) -> String {
        let name: String = self
            .family
            .chars()
            .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
            .collect();
        if name.trim().is_empty() {
            "sans-serif".to_string()
        } else {
            format!("'{}', sans-serif", name.trim())
        }
    }

    /// The plotters family name the font is registered under.
    pub(crate) fn key(&self) -> &str {
        &self.key
    }

    /// The plotters font for text of `px` SVG pixels.
    pub(crate) fn font(&self, px: f64, bold: bool) -> FontDesc<'_> {
        let style = if bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        FontDesc::new(FontFamily::Name(&self.key), px * PLOTTERS_SCALE, style)
    }

    /// The width of `text` at `px` SVG pixels.
    ///
    /// plotters measures at a slightly larger size than the SVG shows
    /// (about 6 % for DejaVu Sans), so this is an upper bound: the slack
    /// keeps labels apart in browsers that round differently.
    /// The advances and kerning plotters sums, at its size and cut to
    /// whole pixels, but summed in font units and scaled once (a width may
    /// differ from plotters' own by a pixel), from the face parsed once and
    /// its table of advances: asking plotters costs a lock and a copy of
    /// the font on every call, and charts and cards measure every label
    /// several times while they wrap it.
    pub(crate) fn width(&self, text: &str, px: f64, bold: bool) -> f64 {
        use ab_glyph::Font;
        let face = &self.parsed[usize::from(bold)];
        let metrics = &self.metrics[usize::from(bold)];
        let mut units = 0f32;
        let mut prev = None;
        for c in text.chars() {
            let (glyph, advance) = match metrics.advances.get(c as usize) {
                Some(&known) => known,
                None => {
                    let glyph = face.glyph_id(c);
                    (glyph, face.h_advance_unscaled(glyph))
                }
            };
            units += advance;
            if let Some(p) = prev {
                units += kerning(face, p, glyph);
            }
            prev = Some(glyph);
        }
        let scale = (px * PLOTTERS_SCALE) as f32 / metrics.height;
        f64::from(((units * scale) as i32).unsigned_abs())
    }

    /// The regular and bold faces, parsed (the social card rasterises
    /// glyphs from them directly).
    pub(crate) fn parsed(&self) -> &[ab_glyph::FontRef<'static>; 2] {
        &self.parsed
    }

    /// `text` broken into lines no wider than `max` at `px` pixels: at
    /// spaces where possible (never at a no-break space, which CLDR puts
    /// inside numbers), inside a word only when the word alone is too wide,
    /// and at every `\n`.
    pub(crate) fn wrap(&self, text: &str, px: f64, bold: bool, max: f64) -> Vec<String> {
        let text = clean_text(text);
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
                let candidate = if line.is_empty() {
                    word.to_string()
                } else {
                    format!("{line} {word}")
                };
                if self.width(&candidate, px, bold) <= max {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                if self.width(word, px, bold) <= max {
                    line = word.to_string();
                } else {
                    let mut pieces = self.break_word(word, px, bold, max);
                    line = pieces.pop().unwrap_or_default();
                    lines.extend(pieces);
                }
            }
            lines.push(line);
        }
        lines
    }

    /// Like [`Fonts::wrap`], but `None` when a word would have to be cut or
    /// the text needs more than `max_lines` lines: the caller then picks a
    /// layout with more room.
    pub(crate) fn wrap_words(
        &self,
        text: &str,
        px: f64,
        bold: bool,
        max: f64,
        max_lines: usize,
    ) -> Option<Vec<String>> {
        let words_fit = clean_text(text)
            .split([' ', '\n'])
            .all(|w| self.width(w, px, bold) <= max);
        let lines = self.wrap(text, px, bold, max);
        (words_fit && lines.len() <= max_lines).then_some(lines)
    }

    /// A word too wide for one line, cut between characters.
    fn break_word(&self, word: &str, px: f64, bold: bool, max: f64) -> Vec<String> {
        let mut pieces = Vec::new();
        let mut piece = String::new();
        for c in word.chars() {
            piece.push(c);
            if piece.chars().count() > 1 && self.width(&piece, px, bold) > max {
                piece.pop();
                pieces.push(std::mem::take(&mut piece));
                piece.push(c);
            }
        }
        pieces.push(piece);
        pieces
    }

    /// The widest of `lines`.
    pub(crate) fn widest(&self, lines: &[String], px: f64, bold: bool) -> f64 {
        lines
            .iter()
            .map(|l| self.width(l, px, bold))
            .fold(0.0, f64::max)
    }
}

/// The kerning between two glyphs of `face`, in font units, through a
/// small cache per thread: the font's table is searched for every pair of
/// letters each time a label or a card's line is measured or drawn, and a
/// site's labels repeat the same few hundred pairs.
pub(crate) fn kerning(
    face: &ab_glyph::FontRef<'static>,
    first: ab_glyph::GlyphId,
    second: ab_glyph::GlyphId,
) -> f32 {
    use ab_glyph::Font;
    /// Slots of the cache; each holds one pair, the last one that fell in it.
    const SLOTS: usize = 4096;
    type Slot = (usize, u16, u16, f32);
    thread_local! {
        static PAIRS: std::cell::RefCell<Vec<Slot>> =
            std::cell::RefCell::new(vec![(0, 0, 0, 0.0); SLOTS]);
    }
    // A face is known by the address of its bytes, which are never freed.
    let key = (face.font_data().as_ptr() as usize, first.0, second.0);
    let mix = (u32::from(first.0).wrapping_mul(0x9E37_79B1))
        ^ (u32::from(second.0).wrapping_mul(0x85EB_CA6B))
        ^ (key.0 as u32 >> 4);
    // The top bits of the mix, as many as number the slots.
    let slot = (mix >> (32 - SLOTS.trailing_zeros())) as usize;
    PAIRS.with(|pairs| {
        let mut pairs = pairs.borrow_mut();
        let (face_at, a, b, units) = pairs[slot];
        if (face_at, a, b) == key {
            return units;
        }
        let units = face.kern_unscaled(first, second);
        pairs[slot] = (key.0, key.1, key.2, units);
        units
    })
}

/// `text` with characters XML cannot carry (and tabs and carriage returns)
/// turned into spaces, so any label gives a well-formed SVG.
pub(crate) fn clean_text(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' => '\n',
            '\t' | '\r' => ' ',
            c if c.is_control() => ' ',
            '\u{FFFE}' | '\u{FFFF}' => ' ',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testing::fonts;
    use super::*;

    const REGULAR: &[u8] = include_bytes!("../../themes/default/fonts/DejaVuSans.ttf");

    #[test]
    fn family_names_come_from_the_name_table() {
        assert_eq!(family_name(REGULAR).as_deref(), Some("DejaVu Sans"));
        assert_eq!(family_name(b"not a font"), None);
        assert_eq!(family_name(&[]), None);
        // Cut short: no panic, no name.
        assert_eq!(family_name(&REGULAR[..13]), None);
        assert_eq!(fonts().css_family(), "'DejaVu Sans', sans-serif");
    }

    /// The cache gives the font's own kerning for every pair, also when
    /// pairs of both faces share its slots and push each other out.
    #[test]
    fn kerning_through_the_cache_is_the_fonts() {
        use ab_glyph::Font;
        let fonts = fonts();
        let text = "AVATAR Tą, kurį „Vyt“ ėjo: WAVE To. LT-Yo, P.A. ąčęėįšųūž";
        let glyphs: Vec<ab_glyph::GlyphId> = text
            .chars()
            .map(|c| fonts.parsed()[0].glyph_id(c))
            .collect();
        let mut kerned = 0;
        for _ in 0..2 {
            for face in fonts.parsed() {
                for &a in &glyphs {
                    for &b in &glyphs {
                        let own = face.kern_unscaled(a, b);
                        assert_eq!(kerning(face, a, b), own, "{a:?} {b:?}");
                        kerned += usize::from(own != 0.0);
                    }
                }
            }
        }
        assert!(
            kerned > 100,
            "only {kerned} kerned pairs: the test tests little"
        );
    }

    #[test]
    fn family_name_is_read_from_the_font() {
        assert_eq!(fonts().family(), "DejaVu Sans");
        assert_eq!(fonts().css_family(), "'DejaVu Sans', sans-serif");
    }

    #[test]
    fn same_bytes_register_once() {
        let a = fonts();
        let b = fonts();
        assert_eq!(a.key(), b.key());
    }

    #[test]
    fn garbage_is_not_a_font() {
        let err = Fonts::new(b"definitely not a font".to_vec(), None).unwrap_err();
        assert!(matches!(err, ChartError::InvalidFont { face: "regular" }));
    }

    #[test]
    fn wider_text_measures_wider() {
        let f = fonts();
        assert!(f.width("Lietuvos bendruomenės", 16.0, false) > f.width("Lietuvos", 16.0, false));
        assert!(f.width("Lietuvos", 16.0, true) > f.width("Lietuvos", 16.0, false));
        assert_eq!(f.width("", 16.0, false), 0.0);
    }

    #[test]
    fn wrap_breaks_at_spaces_not_inside_numbers() {
        let f = fonts();
        let lines = f.wrap(
            "Lietuvos bendruomenės Jungtinėje Karalystėje",
            16.0,
            false,
            120.0,
        );
        assert!(lines.len() > 1, "{lines:?}");
        assert!(lines.iter().all(|l| f.width(l, 16.0, false) <= 120.0));
        let number = "515\u{a0}839";
        assert_eq!(
            f.wrap(number, 16.0, false, 1000.0),
            vec![number.to_string()]
        );
    }

    #[test]
    fn wrap_cuts_a_word_too_long_for_any_line() {
        let f = fonts();
        let word = "Nepriklausomybės".repeat(4);
        let lines = f.wrap(&word, 16.0, false, 80.0);
        assert!(lines.len() > 2);
        assert_eq!(lines.concat(), word);
        // Even a width too small for one letter gives one letter a line.
        let lines = f.wrap("ąčę", 16.0, false, 1.0);
        assert_eq!(lines, vec!["ą", "č", "ę"]);
    }

    #[test]
    fn control_characters_become_spaces() {
        assert_eq!(clean_text("a\u{0}b\tc\u{FFFF}"), "a b c ");
    }
}
