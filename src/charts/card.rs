//! The social card: a 1200 × 630 PNG (the Open Graph image size) with a
//! report's or campaign's title, its headline figure and what the figure
//! counts, and the organisation, in the theme font, and the
//! organisation's logo when it has one (made into a few colours once per
//! build, `brand::card_raster`).
//!
//! A site has a card per report and campaign page in every language, so
//! at a thousand campaigns cards were most of a build's work when plotters
//! drew them (every pixel of an RGB bitmap through its drawing API, 3 ms a
//! card). The card is flat colour and text, so it is painted here into an
//! indexed-colour bitmap, glyph outlines rasterised by `ab_glyph` (the
//! rasteriser plotters itself uses), and encoded in memory by `png` as a
//! palette image: a third of the bytes to compress and a smaller file.

use ab_glyph::{point, Font, FontRef, PxScale, ScaleFont};
use plotters::style::RGBColor;

use super::figure::LINE;
use super::fonts::{Fonts, PLOTTERS_SCALE};
use super::palette::{self, BACKGROUND, GRID, TEXT};
use super::ChartError;
use crate::model::LogoRaster;

/// Width of a social card in pixels.
pub const CARD_WIDTH: u32 = 1200;
/// Height of a social card in pixels.
pub const CARD_HEIGHT: u32 = 630;

/// The text of a social card, already in the page's language.
#[derive(Debug, Clone, Copy)]
pub struct Card<'a> {
    /// The report's or campaign's title.
    pub title: &'a str,
    /// The headline figure, formatted (`1 971 352`).
    pub figure: &'a str,
    /// What the figure counts (`people reached`).
    pub figure_label: &'a str,
    /// Who published it.
    pub organisation: &'a str,
    /// The band down the left edge and the figure: the organisation's
    /// colour, or the first series colour.
    pub colour: RGBColor,
    /// The organisation's logo, at the foot on the right.
    pub logo: Option<&'a LogoRaster>,
}

/// The box the logo is fitted into, in card pixels: right of the
/// organisation's name, below the rule.
pub const CARD_LOGO_WIDTH: u32 = 320;
/// See [`CARD_LOGO_WIDTH`].
pub const CARD_LOGO_HEIGHT: u32 = 64;
/// How many colours a logo may keep: what the palette has left (256 less
/// the background, the solid colours and the text ramps).
pub const CARD_LOGO_COLOURS: usize =
    256 - 1 - SOLID.len() - TEXT_COLOURS.len() * COVERAGE_STEPS as usize;

const MARGIN: f64 = 80.0;
const TITLE_PX: f64 = 44.0;
const FIGURE_PX: f64 = 128.0;
const FIGURE_LABEL_PX: f64 = 40.0;
const ORGANISATION_PX: f64 = 28.0;

/// Draws `card` as a PNG image of [`CARD_WIDTH`] × [`CARD_HEIGHT`], with
/// its [`card_key`] written in it.
///
/// Drawn into a buffer and encoded in memory: nothing touches the disk.
pub fn draw_card_png(card: &Card, fonts: &Fonts) -> Result<Vec<u8>, ChartError> {
    draw_with_key(card, fonts, &card_key(card, fonts))
}

fn draw_with_key(card: &Card, fonts: &Fonts, key: &str) -> Result<Vec<u8>, ChartError> {
    let faces = fonts.parsed();
    // The thread's canvas of its last card, wiped where that card inked it:
    // cheaper than a fresh 756 KB bitmap for each of thousands of cards.
    let mut canvas = SPARE
        .with(|spare| spare.borrow_mut().take())
        .unwrap_or_else(|| Canvas::new(CARD_WIDTH, CARD_HEIGHT));
    canvas.wipe();
    (canvas.solid, canvas.text_colours) = card_colours(card.colour);
    canvas.logo_colours.clear();
    for ink in layout(card, fonts) {
        canvas.paint(&ink, faces);
    }
    if let Some(logo) = card.logo {
        canvas.image(logo, logo_at(logo));
    }
    let png = canvas.png(key);
    SPARE.with(|spare| *spare.borrow_mut() = Some(canvas));
    png
}

thread_local! {
    /// The canvas of the thread's last card (see [`draw_with_key`]).
    static SPARE: std::cell::RefCell<Option<Canvas>> = const { std::cell::RefCell::new(None) };
}

/// What the drawing of a card depends on, as 64 hex digits: its text, the
/// font files, this program's version and [`DRAWING`]. Every card carries
/// its key (a PNG `tEXt` chunk), so a build can take a card whose key is
/// the one it would draw from the last build's output instead of drawing
/// it again: the same bytes, without the work (cards were a quarter of a
/// build's time at a thousand campaigns). A build that starts from an
/// empty folder writes the very same file.
pub fn card_key(card: &Card, fonts: &Fonts) -> String {
    use sha2::{Digest, Sha256};
    let mut hash = Sha256::new();
    hash.update(KEY_WORD);
    hash.update(env!("CARGO_PKG_VERSION"));
    hash.update(DRAWING.to_le_bytes());
    hash.update(fonts.digest());
    // Only a colour other than the default counts, so cards drawn before
    // brand colours existed keep their keys (and bytes).
    if card.colour != palette::SERIES[0] {
        hash.update([card.colour.0, card.colour.1, card.colour.2]);
    }
    // Likewise only a logo counts, so cards without one keep theirs.
    if let Some(logo) = card.logo {
        hash.update(b"logo");
        hash.update(logo.digest);
    }
    for text in [
        card.title,
        card.figure,
        card.figure_label,
        card.organisation,
    ] {
        // Lengths first, so the split between the texts counts.
        hash.update((text.len() as u64).to_le_bytes());
        hash.update(text);
    }
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// The key written in a card [`draw_card_png`] drew, or `None` for a file
/// that is not one (or not a PNG at all).
pub fn key_in_card(png: &[u8]) -> Option<String> {
    let reader = png::Decoder::new(std::io::Cursor::new(png))
        .read_info()
        .ok()?;
    let info = reader.info();
    info.uncompressed_latin1_text
        .iter()
        .find(|chunk| chunk.keyword == KEY_WORD)
        .map(|chunk| chunk.text.clone())
}

/// The `tEXt` keyword a card's key is written under.
const KEY_WORD: &str = "impact-card";

/// The version of the drawing below. Change it with anything that changes
/// the pixels or the encoding of a card for the same text and fonts, so
/// that no build takes an older card for a new one; the test
/// `the_drawing_is_pinned` fails until it is changed.
const DRAWING: u32 = 2;

fn png_error(e: png::EncodingError) -> ChartError {
    ChartError::Png(std::io::Error::other(e.to_string()))
}

/// Something to paint on the card, in card pixels.
#[derive(Debug, Clone, PartialEq)]
enum Ink {
    /// A filled rectangle from its top-left to its bottom-right corner.
    Rect {
        from: (f64, f64),
        to: (f64, f64),
        colour: RGBColor,
    },
    /// One line of text, the top of its line box at `at`.
    Text {
        line: String,
        at: (f64, f64),
        px: f64,
        bold: bool,
        colour: RGBColor,
    },
}

/// Steps of coverage between a text colour and the background; 32 are
/// more than the eye tells apart at these sizes.
const COVERAGE_STEPS: u8 = 32;

/// The colours the card is painted in: the background, the solid colours,
/// and for each text colour a ramp of coverage over the background.
const SOLID: [RGBColor; 2] = [palette::SERIES[0], GRID];
const TEXT_COLOURS: [RGBColor; 2] = [TEXT, palette::SERIES[0]];

/// [`SOLID`] and [`TEXT_COLOURS`] with the card's own colour in place of
/// the first series colour.
fn card_colours(colour: RGBColor) -> ([RGBColor; 2], [RGBColor; 2]) {
    ([colour, SOLID[1]], [TEXT_COLOURS[0], colour])
}

/// A glyph as the card draws it: font, glyph, size and where in its pixel
/// the pen stood.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct GlyphKey {
    /// The font's bytes, by address (fonts live as long as the process).
    face: usize,
    glyph: u16,
    scale: u32,
    quarter: u8,
}

/// A rasterised glyph: coverage steps (0..=32) in a box placed relative to
/// the pen on the baseline.
struct Coverage {
    left: i64,
    top: i64,
    width: usize,
    height: usize,
    steps: Vec<u8>,
}

impl Coverage {
    fn of(face: &FontRef, id: ab_glyph::GlyphId, scale: PxScale, offset: f32) -> Coverage {
        let glyph = id.with_scale_and_position(scale, point(offset, 0.0));
        let Some(outline) = face.outline_glyph(glyph) else {
            return Coverage {
                left: 0,
                top: 0,
                width: 0,
                height: 0,
                steps: Vec::new(),
            };
        };
        let bounds = outline.px_bounds();
        let (width, height) = (bounds.width() as usize, bounds.height() as usize);
        let mut steps = vec![0; width * height];
        outline.draw(|x, y, coverage| {
            let (x, y) = (x as usize, y as usize);
            if x < width && y < height {
                steps[y * width + x] =
                    (coverage.clamp(0.0, 1.0) * f32::from(COVERAGE_STEPS)).round() as u8;
            }
        });
        Coverage {
            left: bounds.min.x as i64,
            top: bounds.min.y as i64,
            width,
            height,
            steps,
        }
    }
}

thread_local! {
    /// Glyphs drawn on this thread's cards so far.
    static GLYPHS: std::cell::RefCell<std::collections::HashMap<GlyphKey, Coverage>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

/// An indexed-colour bitmap: one palette index per pixel.
struct Canvas {
    width: u32,
    height: u32,
    pixels: Vec<u8>,
    /// What was painted since the last wipe: all that is not background.
    inked: Vec<Painted>,
    /// The solid colours of the card being drawn (see [`SOLID`]).
    solid: [RGBColor; 2],
    /// Its text colours (see [`TEXT_COLOURS`]).
    text_colours: [RGBColor; 2],
    /// The logo's colours, after the text ramps in the palette.
    logo_colours: Vec<[u8; 3]>,
    /// The glyph boxes of the lines painted, which [`Painted::glyphs`]
    /// index: tighter than a line's box, so the encoder reads less.
    glyph_boxes: Vec<Inked>,
}

/// A box of the canvas: its rows, then its columns.
type Inked = (std::ops::Range<usize>, std::ops::Range<usize>);

/// A rectangle or a line of text on the canvas.
struct Painted {
    /// The box around all of it.
    area: Inked,
    /// Its glyphs' boxes in [`Canvas::glyph_boxes`], left to right; none
    /// for a rectangle, which is its box.
    glyphs: std::ops::Range<usize>,
}

impl Canvas {
    fn new(width: u32, height: u32) -> Canvas {
        Canvas {
            width,
            height,
            pixels: vec![0; width as usize * height as usize],
            inked: Vec::new(),
            glyph_boxes: Vec::new(),
            solid: SOLID,
            text_colours: TEXT_COLOURS,
            logo_colours: Vec::new(),
        }
    }

    /// Back to background everywhere, touching only what was painted.
    fn wipe(&mut self) {
        let width = self.width as usize;
        self.glyph_boxes.clear();
        for Painted {
            area: (rows, cols), ..
        } in self.inked.drain(..)
        {
            for y in rows {
                self.pixels[y * width + cols.start..y * width + cols.end].fill(0);
            }
        }
    }

    /// The palette: background, solid colours, then the text ramps.
    fn palette(&self) -> Vec<u8> {
        let mut rgb = vec![BACKGROUND.0, BACKGROUND.1, BACKGROUND.2];
        for c in self.solid {
            rgb.extend([c.0, c.1, c.2]);
        }
        for c in self.text_colours {
            for step in 1..=COVERAGE_STEPS {
                let a = f64::from(step) / f64::from(COVERAGE_STEPS);
                let mix =
                    |fg: u8, bg: u8| (f64::from(fg) * a + f64::from(bg) * (1.0 - a)).round() as u8;
                rgb.extend([
                    mix(c.0, BACKGROUND.0),
                    mix(c.1, BACKGROUND.1),
                    mix(c.2, BACKGROUND.2),
                ]);
            }
        }
        for c in &self.logo_colours {
            rgb.extend(c);
        }
        rgb
    }

    fn solid_index(&self, colour: RGBColor) -> u8 {
        self.solid
            .iter()
            .position(|c| *c == colour)
            .map_or(0, |i| i as u8 + 1)
    }

    /// The palette index of `colour` at coverage `step` (1..=32).
    fn ramp_index(&self, colour: RGBColor, step: u8) -> u8 {
        let ramp = self
            .text_colours
            .iter()
            .position(|c| *c == colour)
            .unwrap_or(0) as u8;
        1 + SOLID.len() as u8 + ramp * COVERAGE_STEPS + (step - 1)
    }

    /// Paints one thing of the layout.
    fn paint(&mut self, ink: &Ink, faces: &[FontRef<'static>; 2]) {
        match ink {
            Ink::Rect { from, to, colour } => self.fill(*from, *to, *colour),
            Ink::Text {
                line,
                at,
                px,
                bold,
                colour,
            } => {
                let face = &faces[usize::from(*bold)];
                self.text(face, line, *at, px * PLOTTERS_SCALE, *colour);
            }
        }
    }

    /// Paints the logo with its top-left corner at `(x, y)`; its white
    /// stays background. Its colours follow the text ramps in the palette.
    fn image(&mut self, logo: &LogoRaster, (x, y): (usize, usize)) {
        let first = (1 + SOLID.len() + TEXT_COLOURS.len() * COVERAGE_STEPS as usize) as u8;
        self.logo_colours = logo.colours.clone();
        let width = self.width as usize;
        let cols = x..(x + logo.width as usize).min(width);
        let rows = y..(y + logo.height as usize).min(self.height as usize);
        for row in rows.clone() {
            let from = (row - y) * logo.width as usize;
            let source = &logo.pixels[from..from + cols.len()];
            let pixels = &mut self.pixels[row * width + cols.start..row * width + cols.end];
            for (pixel, &index) in pixels.iter_mut().zip(source) {
                *pixel = if index == 0 { 0 } else { first + index - 1 };
            }
        }
        self.inked.push(Painted {
            area: (rows, cols),
            glyphs: 0..0,
        });
    }

    /// Fills the pixels whose centres lie inside the rectangle.
    fn fill(&mut self, from: (f64, f64), to: (f64, f64), colour: RGBColor) {
        let index = self.solid_index(colour);
        let clamp = |v: f64, max: u32| v.round().clamp(0.0, f64::from(max)) as usize;
        let (x0, x1) = (clamp(from.0, self.width), clamp(to.0, self.width));
        let (y0, y1) = (clamp(from.1, self.height), clamp(to.1, self.height));
        let x1 = x1.max(x0);
        for y in y0..y1 {
            let row = y * self.width as usize;
            self.pixels[row + x0..row + x1].fill(index);
        }
        self.inked.push(Painted {
            area: (y0..y1.max(y0), x0..x1),
            glyphs: 0..0,
        });
    }

    /// Paints `line` with its line box's top at `at`, at `scale` (the
    /// size plotters measures with, so the layout's widths hold), glyphs
    /// placed at their advances with kerning and their own side bearings.
    fn text(
        &mut self,
        face: &FontRef<'static>,
        line: &str,
        at: (f64, f64),
        scale: f64,
        colour: RGBColor,
    ) {
        let px_scale = PxScale::from(scale as f32);
        let font = face.as_scaled(px_scale);
        let baseline = (at.1 as f32 + font.ascent()).round();
        let mut pen = at.0 as f32;
        let mut previous = None;
        let first_glyph = self.glyph_boxes.len();
        for c in line.chars() {
            let id = font.glyph_id(c);
            if let Some(p) = previous {
                pen += super::fonts::kerning(face, p, id) * font.h_scale_factor();
            }
            previous = Some(id);
            // Glyphs are cached per quarter pixel of horizontal position:
            // a site's cards repeat the same letters thousands of times.
            let whole = pen.floor();
            let quarter = ((pen - whole) * 4.0).round() as u8;
            let key = GlyphKey {
                face: face.font_data().as_ptr() as usize,
                glyph: id.0,
                scale: px_scale.x.to_bits(),
                quarter,
            };
            pen += font.h_advance(id);
            GLYPHS.with(|cache| {
                let mut cache = cache.borrow_mut();
                let coverage = cache
                    .entry(key)
                    .or_insert_with(|| Coverage::of(face, id, px_scale, f32::from(quarter) / 4.0));
                let inked = self.stamp(coverage, (whole as i64, baseline as i64), colour);
                self.glyph_boxes.extend(inked);
            });
        }
        // The wipe goes by the line's box, the encoder by its glyphs'.
        let glyphs = first_glyph..self.glyph_boxes.len();
        let area = self.glyph_boxes[glyphs.clone()]
            .iter()
            .cloned()
            .reduce(|l, g| {
                (
                    l.0.start.min(g.0.start)..l.0.end.max(g.0.end),
                    l.1.start.min(g.1.start)..l.1.end.max(g.1.end),
                )
            });
        if let Some(area) = area {
            self.inked.push(Painted { area, glyphs });
        }
    }

    /// Puts a glyph's coverage on the canvas, its origin at `(x, y)`;
    /// returns the box it may have inked, if any of it is on the canvas.
    fn stamp(&mut self, glyph: &Coverage, (x, y): (i64, i64), colour: RGBColor) -> Option<Inked> {
        // Palette index of coverage `step` is `ramp + step`.
        let ramp = self.ramp_index(colour, 1) - 1;
        let (width, height) = (i64::from(self.width), i64::from(self.height));
        let (left, top) = (x + glyph.left, y + glyph.top);
        // The part of the glyph's box that lies on the canvas.
        let clip = |start: i64, len: usize, max: i64| {
            let from = (-start).clamp(0, len as i64) as usize;
            let to = (max - start).clamp(from as i64, len as i64) as usize;
            from..to
        };
        let (cols, rows) = (
            clip(left, glyph.width, width),
            clip(top, glyph.height, height),
        );
        if cols.is_empty() || rows.is_empty() {
            return None;
        }
        let canvas_x = (left + cols.start as i64) as usize;
        let canvas_y = (top + rows.start as i64) as usize;
        for row in rows.clone() {
            let at = (canvas_y + row - rows.start) * self.width as usize + canvas_x;
            let steps = &glyph.steps[row * glyph.width..][cols.clone()];
            let pixels = &mut self.pixels[at..at + cols.len()];
            // Without branches, so that it runs on whole vectors of pixels
            // (a branch per pixel was a fifth of drawing a card).
            for (pixel, &step) in pixels.iter_mut().zip(steps) {
                let index = ramp + step;
                // Overlapping glyphs of one colour keep the stronger ink;
                // text never overlaps other shapes on the card.
                let ink = (step != 0) & ((*pixel == 0) | ((*pixel < index) & (ramp < *pixel)));
                *pixel = if ink { index } else { *pixel };
            }
        }
        Some((
            canvas_y..canvas_y + rows.len(),
            canvas_x..canvas_x + cols.len(),
        ))
    }

    /// The columns of row `y` where a pixel may differ from the one above
    /// it: those of every box painted over row `y` or the row above.
    /// Everything else is background on both rows.
    fn changed_spans(&self, y: usize, out: &mut Vec<std::ops::Range<usize>>) {
        let touches = |(rows, cols): &Inked| {
            rows.start <= y && y <= rows.end && !rows.is_empty() && !cols.is_empty()
        };
        for painted in &self.inked {
            if !touches(&painted.area) {
                continue;
            }
            if painted.glyphs.is_empty() {
                out.push(painted.area.1.clone());
            }
            for glyph in &self.glyph_boxes[painted.glyphs.clone()] {
                if touches(glyph) {
                    out.push(glyph.1.clone());
                }
            }
        }
        // Nearly sorted already: the band, then glyphs left to right.
        out.sort_unstable_by_key(|cols| cols.start);
        // Merge the overlapping ones, in place.
        let mut kept = 0;
        for i in 0..out.len() {
            if kept > 0 && out[i].start <= out[kept - 1].end {
                out[kept - 1].end = out[kept - 1].end.max(out[i].end);
            } else {
                out[kept] = out[i].clone();
                kept += 1;
            }
        }
        out.truncate(kept);
    }

    /// The bitmap as a palette PNG. `png` writes the container; the image
    /// data is written by [`sparse_zlib`] from the boxes painted, since all
    /// else is background (most of the card): every row `Up`-filtered,
    /// a run of zeros where nothing changed from the row above.
    fn png(&self, key: &str) -> Result<Vec<u8>, ChartError> {
        let data = super::sparse_zlib::up_filtered(&self.pixels, self.width as usize, |y, out| {
            self.changed_spans(y, out)
        });
        // The data, and room for the header, palette, key and chunk frames.
        let mut bytes = Vec::with_capacity(data.len() + 1024);
        let mut encoder = png::Encoder::new(&mut bytes, self.width, self.height);
        encoder
            .add_text_chunk(KEY_WORD.to_string(), key.to_string())
            .map_err(png_error)?;
        encoder.set_color(png::ColorType::Indexed);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_palette(self.palette());
        let mut writer = encoder.write_header().map_err(png_error)?;
        writer
            .write_chunk(png::chunk::IDAT, &data)
            .map_err(png_error)?;
        writer.finish().map_err(png_error)?;
        Ok(bytes)
    }
}

/// The card's layout: title at the top, the figure and its label in the
/// middle, the organisation at the foot, a band of the first series colour
/// down the left edge. Text that would not fit is shortened with `…`.
fn layout(card: &Card, fonts: &Fonts) -> Vec<Ink> {
    let (w, h) = (f64::from(CARD_WIDTH), f64::from(CARD_HEIGHT));
    let room = w - 2.0 * MARGIN;
    let mut ink = vec![Ink::Rect {
        from: (0.0, 0.0),
        to: (24.0, h),
        colour: card.colour,
    }];
    let mut text =
        |lines: &[String], x: f64, y: f64, step: f64, (px, bold): (f64, bool), colour| {
            for (i, line) in lines.iter().enumerate() {
                ink.push(Ink::Text {
                    line: line.clone(),
                    at: (x, y + i as f64 * step),
                    px,
                    bold,
                    colour,
                });
            }
        };

    let title = fit_lines(fonts, card.title, TITLE_PX, true, room, 2);
    text(
        &title,
        MARGIN,
        64.0,
        TITLE_PX * LINE,
        (TITLE_PX, true),
        TEXT,
    );

    let foot = h - 56.0 - ORGANISATION_PX;
    // The name leaves room for the logo on its right.
    let name_room = match card.logo {
        Some(logo) => room - f64::from(logo.width) - 32.0,
        None => room,
    };
    let organisation = fit_lines(
        fonts,
        card.organisation,
        ORGANISATION_PX,
        true,
        name_room,
        1,
    );
    text(
        &organisation,
        MARGIN,
        foot,
        0.0,
        (ORGANISATION_PX, true),
        TEXT,
    );

    // The figure shrinks until it fits the width (a long figure stays
    // whole: it is the point of the card).
    let mut figure_px = FIGURE_PX;
    while figure_px > 40.0 && fonts.width(card.figure, figure_px, true) > room {
        figure_px -= 4.0;
    }
    let figure_text = fit_lines(fonts, card.figure, figure_px, true, room, 1);
    let label = fit_lines(fonts, card.figure_label, FIGURE_LABEL_PX, false, room, 2);
    let title_bottom = 64.0 + title.len() as f64 * TITLE_PX * LINE;
    // The figure's whole line box (descenders included) before the label.
    let figure_box = figure_px * PLOTTERS_SCALE * 1.05;
    let block = figure_box + label.len() as f64 * FIGURE_LABEL_PX * LINE;
    let middle_top = title_bottom + ((foot - 24.0 - title_bottom) - block) / 2.0;
    text(
        &figure_text,
        MARGIN,
        middle_top,
        0.0,
        (figure_px, true),
        card.colour,
    );
    text(
        &label,
        MARGIN,
        middle_top + figure_box,
        FIGURE_LABEL_PX * LINE,
        (FIGURE_LABEL_PX, false),
        TEXT,
    );
    ink.push(Ink::Rect {
        from: (MARGIN, foot - 25.0),
        to: (w - MARGIN, foot - 23.0),
        colour: GRID,
    });
    ink
}

/// Where the logo's top-left corner goes: flush with the right margin,
/// its foot 40 px above the card's (below the rule over the foot).
fn logo_at(logo: &LogoRaster) -> (usize, usize) {
    let right = (CARD_WIDTH as f64 - MARGIN) as u32;
    let bottom = CARD_HEIGHT - 40;
    (
        right.saturating_sub(logo.width) as usize,
        bottom.saturating_sub(logo.height) as usize,
    )
}

/// `text` wrapped to at most `max_lines` lines of `room`, the last ending
/// in `…` if text was left out.
fn fit_lines(
    fonts: &Fonts,
    text: &str,
    px: f64,
    bold: bool,
    room: f64,
    max_lines: usize,
) -> Vec<String> {
    let mut lines = fonts.wrap(text, px, bold, room);
    if lines.len() <= max_lines {
        return lines;
    }
    lines.truncate(max_lines);
    if let Some(last) = lines.last_mut() {
        let mut chars: Vec<char> = last.chars().collect();
        loop {
            let candidate: String = chars.iter().collect::<String>().trim_end().to_string() + "…";
            if chars.is_empty() || fonts.width(&candidate, px, bold) <= room {
                *last = candidate;
                break;
            }
            chars.pop();
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::super::testing::fonts;
    use super::*;

    fn card() -> Card<'static> {
        Card {
            title: "Lietuvos bendruomenės",
            figure: "daugiau kaip 500 000",
            figure_label: "pasiektų žmonių",
            organisation: "STOP THE TRAFFIK",
            colour: palette::SERIES[0],
            logo: None,
        }
    }

    /// Glyphs are cached per thread: a card drawn on a fresh thread (empty
    /// cache) must be byte for byte the one drawn from the cache.
    #[test]
    fn cached_glyphs_draw_the_same_card() {
        let here = draw_card_png(&card(), &fonts()).unwrap();
        let again = draw_card_png(&card(), &fonts()).unwrap();
        let fresh = std::thread::spawn(|| draw_card_png(&card(), &fonts()).unwrap())
            .join()
            .unwrap();
        assert_eq!(here, again);
        assert_eq!(here, fresh);
    }

    /// A thread reuses its canvas: a card drawn after another, longer one
    /// must keep nothing of it.
    #[test]
    fn a_card_drawn_after_another_is_its_own() {
        let long = Card {
            title: "Ilgas pavadinimas, kuris užima dvi eilutes ir dar šiek tiek daugiau vietos",
            figure: "1 971 352 888",
            figure_label: "pasiektų žmonių per visas kampanijas abiejose šalyse",
            organisation: "STOP THE TRAFFIK ir partneriai",
            colour: palette::SERIES[0],
            logo: None,
        };
        let short = Card {
            title: "A",
            figure: "1",
            figure_label: "b",
            organisation: "c",
            colour: palette::SERIES[0],
            logo: None,
        };
        let after = std::thread::spawn(move || {
            draw_card_png(&long, &fonts()).unwrap();
            draw_card_png(&short, &fonts()).unwrap()
        })
        .join()
        .unwrap();
        let alone = std::thread::spawn(move || draw_card_png(&short, &fonts()).unwrap())
            .join()
            .unwrap();
        assert!(after == alone, "the canvas kept ink of the card before");
    }

    /// A card's pixels as RGB, the palette looked up.
    fn rgb(png: &[u8]) -> Vec<[u8; 3]> {
        let mut decoder = png::Decoder::new(std::io::Cursor::new(png));
        decoder.set_transformations(png::Transformations::EXPAND);
        let mut reader = decoder.read_info().unwrap();
        let mut pixels = vec![0; reader.output_buffer_size()];
        reader.next_frame(&mut pixels).unwrap();
        pixels.chunks_exact(3).map(|p| [p[0], p[1], p[2]]).collect()
    }

    /// The logo is painted in its own colours at the foot on the right,
    /// and only there; the card without it is untouched by it, also when
    /// drawn on the canvas a logo card used.
    #[test]
    fn a_card_with_a_logo_shows_it_in_the_logo_box() {
        let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 10"><rect width="40" height="10" fill="#7a1f5c"/></svg>"##;
        let logo = crate::brand::card_raster(
            crate::model::LogoFormat::Svg,
            svg,
            CARD_LOGO_WIDTH,
            CARD_LOGO_HEIGHT,
            CARD_LOGO_COLOURS,
        )
        .unwrap();
        assert_eq!((logo.width, logo.height), (256, 64));
        let fonts = fonts();
        let with = Card {
            logo: Some(&logo),
            ..card()
        };
        let drawn = draw_card_png(&with, &fonts).unwrap();
        let plain = draw_card_png(&card(), &fonts).unwrap();
        let (with_rgb, plain_rgb) = (rgb(&drawn), rgb(&plain));
        let (x0, y0) = logo_at(&logo);
        let inside = |x: usize, y: usize| {
            (x0..x0 + logo.width as usize).contains(&x)
                && (y0..y0 + logo.height as usize).contains(&y)
        };
        let mut logo_pixels = 0;
        for (i, (a, b)) in with_rgb.iter().zip(&plain_rgb).enumerate() {
            let (x, y) = (i % CARD_WIDTH as usize, i / CARD_WIDTH as usize);
            if inside(x, y) {
                assert_eq!(*b, [0xff; 3], "the plain card has nothing at {x},{y}");
                logo_pixels += usize::from(*a == [0x7a, 0x1f, 0x5c]);
            } else {
                assert_eq!(a, b, "the logo card differs outside the logo at {x},{y}");
            }
        }
        assert_eq!(
            logo_pixels,
            256 * 64,
            "every pixel of the logo in its colour"
        );
        assert_ne!(card_key(&with, &fonts), card_key(&card(), &fonts));
        // The next card on this thread's canvas has no trace of the logo.
        assert!(draw_card_png(&card(), &fonts).unwrap() == plain);
    }

    /// The palette indices a PNG holds.
    fn indices(png: &[u8]) -> Vec<u8> {
        let mut decoder = png::Decoder::new(std::io::Cursor::new(png));
        decoder.set_transformations(png::Transformations::IDENTITY);
        let mut reader = decoder.read_info().unwrap();
        let mut pixels = vec![0; reader.output_buffer_size()];
        reader.next_frame(&mut pixels).unwrap();
        pixels
    }

    /// The image data is written from the boxes painted, not from every
    /// pixel: what a decoder reads back must be the canvas exactly, also
    /// for a card drawn on a canvas another card used, and for ink that
    /// runs off the edges.
    #[test]
    fn the_png_holds_every_pixel_of_the_canvas() {
        let fonts = fonts();
        let faces = fonts.parsed();
        let long = Card {
            title: "Ilgas pavadinimas, kuris užima dvi eilutes ir dar šiek tiek daugiau vietos",
            figure: "1 971 352 888",
            figure_label: "pasiektų žmonių per visas kampanijas abiejose šalyse",
            organisation: "STOP THE TRAFFIK ir partneriai",
            colour: palette::SERIES[0],
            logo: None,
        };
        let mut canvas = Canvas::new(CARD_WIDTH, CARD_HEIGHT);
        for card in [long, card(), long] {
            canvas.wipe();
            for ink in layout(&card, &fonts) {
                canvas.paint(&ink, faces);
            }
            let mut fresh = Canvas::new(CARD_WIDTH, CARD_HEIGHT);
            for ink in layout(&card, &fonts) {
                fresh.paint(&ink, faces);
            }
            assert!(canvas.pixels == fresh.pixels, "the wipe left ink");
            assert!(indices(&canvas.png("k").unwrap()) == fresh.pixels);
        }
        // Text cut by the right edge and the last row, a box in the corner.
        let mut edges = Canvas::new(CARD_WIDTH, CARD_HEIGHT);
        let text = |at, px| Ink::Text {
            line: "Žąsų 0123".to_string(),
            at,
            px,
            bold: true,
            colour: TEXT,
        };
        for ink in [
            text((1130.0, 590.0), 60.0),
            text((-20.0, -30.0), 60.0),
            Ink::Rect {
                from: (1190.0, 620.0),
                to: (1300.0, 700.0),
                colour: GRID,
            },
        ] {
            edges.paint(&ink, faces);
        }
        let last_row = &edges.pixels[(CARD_HEIGHT as usize - 1) * CARD_WIDTH as usize..];
        assert!(last_row.iter().any(|&p| p != 0), "nothing on the last row");
        assert!(indices(&edges.png("k").unwrap()) == edges.pixels);
    }

    /// A card carries the key of what drew it; the key follows the text.
    #[test]
    fn a_card_carries_its_key() {
        let fonts = fonts();
        let png = draw_card_png(&card(), &fonts).unwrap();
        assert_eq!(key_in_card(&png), Some(card_key(&card(), &fonts)));
        let other = Card {
            figure: "daugiau kaip 500 001",
            ..card()
        };
        assert_ne!(card_key(&other, &fonts), card_key(&card(), &fonts));
        // The split between texts counts, not only their letters.
        let moved = Card {
            title: "Lietuvos bendruomenė",
            figure: "sdaugiau kaip 500 000",
            ..card()
        };
        assert_ne!(card_key(&moved, &fonts), card_key(&card(), &fonts));
        assert_eq!(key_in_card(b"not a png"), None);
        assert_eq!(key_in_card(&png[..40]), None);
    }

    /// A build takes a card from the last build when the key matches, so
    /// the key must change whenever the drawing does: this pins the bytes
    /// of one card to [`DRAWING`].
    #[test]
    fn the_drawing_is_pinned() {
        use sha2::{Digest, Sha256};
        // A fixed key: the real one follows the program's version.
        let png = draw_with_key(&card(), &fonts(), "pinned").unwrap();
        let hash: String = Sha256::digest(&png)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(
            (DRAWING, hash.as_str()),
            (
                2,
                "9354871e546257be8aa3fd8863114d245259acfc423c01fc8e5a3194a66659fc"
            ),
            "the card's pixels or encoding changed: add one to card::DRAWING \
             and put the new version and hash here (if only the test fonts \
             changed, the hash alone)"
        );
    }

    /// Text is painted where the layout puts it, in the text colours, and
    /// the figure's descenders stay clear of the label below it.
    #[test]
    fn text_is_inked_in_its_rows() {
        let fonts = fonts();
        let faces = fonts.parsed();
        let mut canvas = Canvas::new(CARD_WIDTH, CARD_HEIGHT);
        let mut rows = Vec::new();
        for item in &layout(&card(), &fonts) {
            if let Ink::Text { line, .. } = item {
                let before = canvas.pixels.clone();
                canvas.paint(item, faces);
                let changed: Vec<usize> = (0..canvas.pixels.len())
                    .filter(|&i| canvas.pixels[i] != before[i])
                    .map(|i| i / CARD_WIDTH as usize)
                    .collect();
                assert!(!changed.is_empty(), "{line} left no ink");
                rows.push((line.clone(), changed[0], changed[changed.len() - 1]));
            }
        }
        let row = |text: &str| rows.iter().find(|(l, _, _)| l == text).unwrap().clone();
        let (_, _, figure_bottom) = row("daugiau kaip 500 000");
        let (_, label_top, _) = row("pasiektų žmonių");
        assert!(
            figure_bottom < label_top,
            "figure {figure_bottom} runs into label {label_top}"
        );
        let (_, title_top, _) = row("Lietuvos bendruomenės");
        assert!(title_top > 40, "title clipped at the top: {title_top}");
    }
}
