//! The legend of a multi-series chart: each series' key (its fill, or its
//! line and marker) beside its name, flowing into as many rows as the width
//! needs. Legends name series so colour is never the only clue.

use plotters::style::RGBColor;

use super::figure::{Align, Figure, LABEL_PX, LINE};
use super::fonts::Fonts;
use super::line::marker;
use super::palette::Pattern;

/// What stands for a series in the legend.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Key {
    /// A square of the series' fill (bars).
    Swatch(RGBColor, Pattern),
    /// A stroke with the series' marker (lines): its index and colour.
    Line(usize, RGBColor),
}

const KEY_WIDTH: f64 = 22.0;
const KEY_GAP: f64 = 8.0;
const ENTRY_GAP: f64 = 20.0;

/// Draws the legend with its top-left corner at `(x, y)` within `width`;
/// returns its height.
pub(crate) fn draw(
    figure: &mut Figure,
    fonts: &Fonts,
    entries: &[(String, Key)],
    (x, y): (f64, f64),
    width: f64,
) -> f64 {
    let line_height = LABEL_PX * LINE;
    let text_room = (width - KEY_WIDTH - KEY_GAP).max(1.0);
    let (mut cx, mut cy, mut row_height) = (x, y, 0.0_f64);
    for (name, key) in entries {
        let lines = fonts.wrap(name, LABEL_PX, false, text_room);
        let entry_width = KEY_WIDTH + KEY_GAP + fonts.widest(&lines, LABEL_PX, false);
        if cx > x && cx + entry_width > x + width {
            cx = x;
            cy += row_height + 4.0;
            row_height = 0.0;
        }
        let middle = cy + line_height / 2.0;
        match *key {
            Key::Swatch(fill, pattern) => figure.rect(
                (cx + 4.0, middle - 7.0),
                (cx + 18.0, middle + 7.0),
                fill,
                pattern,
            ),
            Key::Line(series, colour) => {
                figure.path(vec![(cx, middle), (cx + KEY_WIDTH, middle)], colour, 3);
                figure
                    .shapes
                    .extend(marker(series, colour, (cx + KEY_WIDTH / 2.0, middle)));
            }
        }
        let text_top = cy + (line_height - LABEL_PX) / 2.0;
        figure.lines(
            &lines,
            (cx + KEY_WIDTH + KEY_GAP, text_top),
            LABEL_PX,
            false,
            Align::Start,
        );
        row_height = row_height.max(lines.len() as f64 * line_height);
        cx += entry_width + ENTRY_GAP;
    }
    cy + row_height - y
}
