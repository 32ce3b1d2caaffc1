//! The social card: a 1200 × 630 PNG (the Open Graph image size) with a
//! report's or campaign's title, its headline figure and what the figure
//! counts, and the organisation, drawn by plotters' bitmap backend with the
//! theme font.
//!
//! plotters encodes PNG only into a file, so the card is drawn into an RGB
//! buffer and encoded in memory with the `png` crate.

use plotters::backend::BitMapBackend;
use plotters::drawing::IntoDrawingArea;
use plotters::style::RGBColor;

use super::figure::{Align, Baseline, Figure, Shape, LINE};
use super::fonts::Fonts;
use super::paint::paint;
use super::palette::{self, GRID, TEXT};
use super::ChartError;

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
}

const MARGIN: f64 = 80.0;
const TITLE_PX: f64 = 44.0;
const FIGURE_PX: f64 = 128.0;
const FIGURE_LABEL_PX: f64 = 40.0;
const ORGANISATION_PX: f64 = 28.0;

/// Draws `card` as a PNG image of [`CARD_WIDTH`] × [`CARD_HEIGHT`].
///
/// Drawn into an RGB buffer and encoded in memory: nothing touches the disk.
pub fn draw_card_png(card: &Card, fonts: &Fonts) -> Result<Vec<u8>, ChartError> {
    let figure = layout(card, fonts);
    let mut rgb = vec![0u8; CARD_WIDTH as usize * CARD_HEIGHT as usize * 3];
    {
        let area =
            BitMapBackend::with_buffer(&mut rgb, (CARD_WIDTH, CARD_HEIGHT)).into_drawing_area();
        let fail = |reason: String| ChartError::Draw {
            id: "card".to_string(),
            reason,
        };
        paint(&figure, fonts, &area).map_err(fail)?;
        area.present().map_err(|e| fail(e.to_string()))?;
    }
    let mut png_bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut png_bytes, CARD_WIDTH, CARD_HEIGHT);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header().map_err(png_error)?;
    writer.write_image_data(&rgb).map_err(png_error)?;
    writer.finish().map_err(png_error)?;
    Ok(png_bytes)
}

fn png_error(e: png::EncodingError) -> ChartError {
    ChartError::Png(std::io::Error::other(e.to_string()))
}

/// The card's layout: title at the top, the figure and its label in the
/// middle, the organisation at the foot, a band of the first series colour
/// down the left edge. Text that would not fit is shortened with `…`.
fn layout(card: &Card, fonts: &Fonts) -> Figure {
    let (w, h) = (f64::from(CARD_WIDTH), f64::from(CARD_HEIGHT));
    let room = w - 2.0 * MARGIN;
    let mut figure = Figure::new(w, h);
    figure.rect(
        (0.0, 0.0),
        (24.0, h),
        palette::SERIES[0],
        palette::Pattern::Solid,
    );

    let title = fit_lines(fonts, card.title, TITLE_PX, true, room, 2);
    for (i, line) in title.iter().enumerate() {
        let y = 64.0 + i as f64 * TITLE_PX * LINE;
        letters(
            &mut figure,
            fonts,
            line,
            (MARGIN, y),
            (TITLE_PX, true),
            TEXT,
        );
    }

    let foot = h - 56.0 - ORGANISATION_PX;
    figure.path(
        vec![(MARGIN, foot - 24.0), (w - MARGIN, foot - 24.0)],
        GRID,
        2,
    );
    let organisation = fit_lines(fonts, card.organisation, ORGANISATION_PX, true, room, 1);
    for line in &organisation {
        letters(
            &mut figure,
            fonts,
            line,
            (MARGIN, foot),
            (ORGANISATION_PX, true),
            TEXT,
        );
    }

    // The figure shrinks until it fits the width (a long figure stays
    // whole: it is the point of the card).
    let mut figure_px = FIGURE_PX;
    while figure_px > 40.0 && fonts.width(card.figure, figure_px, true) > room {
        figure_px -= 4.0;
    }
    let figure_text = fit_lines(fonts, card.figure, figure_px, true, room, 1);
    let label = fit_lines(fonts, card.figure_label, FIGURE_LABEL_PX, false, room, 2);
    let title_bottom = 64.0 + title.len() as f64 * TITLE_PX * LINE;
    let block = figure_px * 1.1 + label.len() as f64 * FIGURE_LABEL_PX * LINE;
    let middle_top = title_bottom + ((foot - 24.0 - title_bottom) - block) / 2.0;
    for line in &figure_text {
        let at = (MARGIN, middle_top);
        letters(
            &mut figure,
            fonts,
            line,
            at,
            (figure_px, true),
            palette::SERIES[0],
        );
    }
    for (i, line) in label.iter().enumerate() {
        let y = middle_top + figure_px * 1.1 + i as f64 * FIGURE_LABEL_PX * LINE;
        letters(
            &mut figure,
            fonts,
            line,
            (MARGIN, y),
            (FIGURE_LABEL_PX, false),
            TEXT,
        );
    }
    figure
}

/// One line of text, its top-left at `(x, y)`, drawn letter by letter so
/// each glyph can be put where the font says: plotters' rasteriser ignores
/// side bearings, which leaves gaps before letters like `j` (see `sfnt`).
fn letters(
    figure: &mut Figure,
    fonts: &Fonts,
    line: &str,
    (x, y): (f64, f64),
    (px, bold): (f64, bool),
    colour: RGBColor,
) {
    let mut prefix = String::with_capacity(line.len());
    for c in line.chars() {
        prefix.push(c);
        if c.is_whitespace() {
            continue;
        }
        let mut glyph = [0; 4];
        let glyph = c.encode_utf8(&mut glyph);
        // The pen position before `c`, kerning included.
        let pen = fonts.width(&prefix, px, bold) - fonts.width(glyph, px, bold);
        let start = figure.shapes.len();
        figure.text(
            glyph,
            (x + pen + fonts.bearing(c, px, bold), y),
            px,
            bold,
            Align::Start,
            Baseline::Top,
        );
        for shape in &mut figure.shapes[start..] {
            if let Shape::Text(label) = shape {
                label.colour = colour;
            }
        }
    }
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
