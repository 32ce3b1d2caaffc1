//! A laid-out chart: its size and the shapes to draw, in drawing order.
//!
//! Each chart kind only computes a `Figure`; `paint` hands it to plotters.
//! Keeping layout apart from drawing lets tests check geometry (no label
//! overlaps another, nothing leaves the canvas) without parsing SVG.

use plotters::style::RGBColor;

use super::fonts::{clean_text, Fonts};
use super::palette::{Pattern, TEXT};

/// Horizontal text anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    Start,
    Middle,
    End,
}

/// Vertical text anchor: where `y` is on the line of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Baseline {
    /// `y` is the top of the text.
    Top,
    /// `y` is the middle of the text.
    Middle,
    /// `y` is the bottom of the text.
    Bottom,
}

/// A line of text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Label {
    pub text: String,
    pub x: f64,
    pub y: f64,
    /// Size in SVG pixels.
    pub px: f64,
    pub bold: bool,
    pub align: Align,
    pub baseline: Baseline,
    pub colour: RGBColor,
}

/// One thing to draw.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Shape {
    /// A filled rectangle between two corners.
    Rect {
        x0: f64,
        y0: f64,
        x1: f64,
        y1: f64,
        fill: RGBColor,
        pattern: Pattern,
    },
    /// A filled polygon.
    Polygon {
        points: Vec<(f64, f64)>,
        fill: RGBColor,
        pattern: Pattern,
    },
    /// A filled circle.
    Circle {
        x: f64,
        y: f64,
        r: f64,
        fill: RGBColor,
    },
    /// A stroked open path.
    Path {
        points: Vec<(f64, f64)>,
        colour: RGBColor,
        width: u32,
    },
    /// Text.
    Text(Label),
}

/// A chart laid out on a canvas of `width` × `height` pixels.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Figure {
    pub width: u32,
    pub height: u32,
    pub shapes: Vec<Shape>,
}

/// Line height as a multiple of the font size.
pub(crate) const LINE: f64 = 1.25;
/// Category labels, legends and donut labels. Font sizes are whole pixels
/// that survive plotters' size arithmetic unchanged in the SVG.
pub(crate) const LABEL_PX: f64 = 16.0;
/// Axis tick labels.
pub(crate) const TICK_PX: f64 = 14.0;
/// Value labels on bars and points (bold).
pub(crate) const VALUE_PX: f64 = 14.0;
/// Space around the chart.
pub(crate) const PAD: f64 = 12.0;

impl Figure {
    /// An empty canvas; sizes are rounded up to whole pixels.
    pub fn new(width: f64, height: f64) -> Figure {
        Figure {
            width: to_pixels(width),
            height: to_pixels(height),
            shapes: Vec::new(),
        }
    }

    /// Sets the final size once the layout knows it.
    pub fn set_size(&mut self, width: f64, height: f64) {
        self.width = to_pixels(width);
        self.height = to_pixels(height);
    }

    /// Adds a filled rectangle (corners in any order; empty ones are left
    /// out).
    pub fn rect(
        &mut self,
        (x0, y0): (f64, f64),
        (x1, y1): (f64, f64),
        fill: RGBColor,
        pattern: Pattern,
    ) {
        let (x0, x1) = (x0.min(x1), x0.max(x1));
        let (y0, y1) = (y0.min(y1), y0.max(y1));
        if x1 - x0 >= 0.5 && y1 - y0 >= 0.5 {
            self.shapes.push(Shape::Rect {
                x0,
                y0,
                x1,
                y1,
                fill,
                pattern,
            });
        }
    }

    /// Adds a line through `points`.
    pub fn path(&mut self, points: Vec<(f64, f64)>, colour: RGBColor, width: u32) {
        if points.len() >= 2 {
            self.shapes.push(Shape::Path {
                points,
                colour,
                width,
            });
        }
    }

    /// Adds one line of text in the text colour.
    pub fn text(
        &mut self,
        text: &str,
        (x, y): (f64, f64),
        px: f64,
        bold: bool,
        align: Align,
        baseline: Baseline,
    ) {
        let text = clean_text(text).replace('\n', " ");
        if text.trim().is_empty() {
            return;
        }
        self.shapes.push(Shape::Text(Label {
            text,
            x,
            y,
            px,
            bold,
            align,
            baseline,
            colour: TEXT,
        }));
    }

    /// Adds lines of text, one under the other, the block's top at `y`.
    pub fn lines(
        &mut self,
        lines: &[String],
        (x, y): (f64, f64),
        px: f64,
        bold: bool,
        align: Align,
    ) {
        for (i, line) in lines.iter().enumerate() {
            let top = y + i as f64 * px * LINE;
            self.text(line, (x, top), px, bold, align, Baseline::Top);
        }
    }

    /// The box each label takes (left, top, right, bottom), measured with
    /// the chart font.
    #[cfg(test)]
    pub fn text_boxes(&self, fonts: &Fonts) -> Vec<(String, [f64; 4])> {
        self.shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Text(l) => Some((l.text.clone(), label_box(l, fonts))),
                _ => None,
            })
            .collect()
    }
}

/// The box a label takes, with the text's full height (ascenders to
/// descenders) around its anchor.
pub(crate) fn label_box(l: &Label, fonts: &Fonts) -> [f64; 4] {
    let w = fonts.width(&l.text, l.px, l.bold);
    let left = match l.align {
        Align::Start => l.x,
        Align::Middle => l.x - w / 2.0,
        Align::End => l.x - w,
    };
    let top = match l.baseline {
        Baseline::Top => l.y,
        Baseline::Middle => l.y - l.px / 2.0,
        Baseline::Bottom => l.y - l.px,
    };
    [left, top, left + w, top + l.px]
}

/// Pixels for a length, never zero and never absurd.
fn to_pixels(v: f64) -> u32 {
    if v.is_finite() {
        v.ceil().clamp(1.0, 100_000.0) as u32
    } else {
        1
    }
}
