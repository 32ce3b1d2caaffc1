//! Hands a laid-out [`Figure`] to plotters' SVG backend.
//!
//! plotters cannot fill with a pattern, so patterned shapes are drawn in
//! their plain colour and returned as overlays for the SVG finisher to
//! cover with an SVG `<pattern>`.

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::element::{Circle, PathElement, Polygon, Rectangle, Text};
use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::Color;

use super::figure::{Align, Baseline, Figure, Label, Shape};
use super::fonts::Fonts;
use super::palette::{Pattern, BACKGROUND};

/// A patterned shape, in whole pixels, to be covered with its pattern.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Overlay {
    /// Corners of a rectangle, or the points of a polygon.
    pub shape: OverlayShape,
    /// The pattern to fill it with.
    pub pattern: Pattern,
}

/// The outline of an [`Overlay`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum OverlayShape {
    /// Left, top, right, bottom.
    Rect([i32; 4]),
    /// Points.
    Polygon(Vec<(i32, i32)>),
}

/// Draws `figure` on a white `area`; returns the overlays patterned
/// shapes need, or why plotters failed.
pub(crate) fn paint<DB: DrawingBackend>(
    figure: &Figure,
    fonts: &Fonts,
    area: &DrawingArea<DB, Shift>,
) -> Result<Vec<Overlay>, String> {
    let fail = |e: plotters::drawing::DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    area.fill(&BACKGROUND).map_err(fail)?;
    let mut overlays = Vec::new();
    for shape in &figure.shapes {
        match shape {
            Shape::Rect {
                x0,
                y0,
                x1,
                y1,
                fill,
                pattern,
            } => {
                let corners = [pixel(*x0), pixel(*y0), pixel(*x1), pixel(*y1)];
                let rect = Rectangle::new(
                    [(corners[0], corners[1]), (corners[2], corners[3])],
                    fill.filled(),
                );
                area.draw(&rect).map_err(fail)?;
                if *pattern != Pattern::Solid {
                    overlays.push(Overlay {
                        shape: OverlayShape::Rect(corners),
                        pattern: *pattern,
                    });
                }
            }
            Shape::Polygon {
                points,
                fill,
                pattern,
            } => {
                let points: Vec<(i32, i32)> =
                    points.iter().map(|&(x, y)| (pixel(x), pixel(y))).collect();
                area.draw(&Polygon::new(points.clone(), fill.filled()))
                    .map_err(fail)?;
                if *pattern != Pattern::Solid {
                    overlays.push(Overlay {
                        shape: OverlayShape::Polygon(points),
                        pattern: *pattern,
                    });
                }
            }
            Shape::Circle { x, y, r, fill } => {
                let r = r.round().clamp(0.0, 100_000.0) as u32;
                area.draw(&Circle::new((pixel(*x), pixel(*y)), r, fill.filled()))
                    .map_err(fail)?;
            }
            Shape::Path {
                points,
                colour,
                width,
            } => {
                let points: Vec<(i32, i32)> =
                    points.iter().map(|&(x, y)| (pixel(x), pixel(y))).collect();
                area.draw(&PathElement::new(points, colour.stroke_width(*width)))
                    .map_err(fail)?;
            }
            Shape::Text(label) => draw_label(label, fonts, area).map_err(fail)?,
        }
    }
    Ok(overlays)
}

fn draw_label<DB: DrawingBackend>(
    label: &Label,
    fonts: &Fonts,
    area: &DrawingArea<DB, Shift>,
) -> Result<(), plotters::drawing::DrawingAreaErrorKind<DB::ErrorType>> {
    let h = match label.align {
        Align::Start => HPos::Left,
        Align::Middle => HPos::Center,
        Align::End => HPos::Right,
    };
    let v = match label.baseline {
        Baseline::Top => VPos::Top,
        Baseline::Middle => VPos::Center,
        Baseline::Bottom => VPos::Bottom,
    };
    let style = fonts
        .font(label.px, label.bold)
        .color(&label.colour)
        .pos(Pos::new(h, v));
    area.draw(&Text::new(
        label.text.as_str(),
        (pixel(label.x), pixel(label.y)),
        style,
    ))
}

/// A coordinate rounded to a whole pixel, kept within i32.
fn pixel(v: f64) -> i32 {
    if v.is_finite() {
        v.round().clamp(-1_000_000.0, 1_000_000.0) as i32
    } else {
        0
    }
}
