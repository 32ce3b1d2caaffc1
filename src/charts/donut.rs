//! A donut: a ring of slices from twelve o'clock, clockwise, each labelled
//! directly with its name and its share (and value) beside the ring, with a
//! leader line, so no reader has to match colours to a legend. Labels on
//! each side are stacked so they never overlap; the canvas grows when they
//! need more height.

use std::f64::consts::{PI, TAU};

use crate::model::ChartUnit;

use super::figure::{Align, Baseline, Figure, Shape, LABEL_PX, LINE, PAD, VALUE_PX};
use super::fonts::Fonts;
use super::palette::{AXIS, BACKGROUND};
use super::{canvas_size, Chart, ChartError, Data};

/// Inner radius as a share of the outer.
const HOLE: f64 = 0.58;
/// Gap between the ring and the labels.
const REACH: f64 = 26.0;
/// Space between stacked labels.
const LABEL_GAP: f64 = 8.0;

/// One slice to draw and label.
struct Slice {
    index: usize,
    start: f64,
    end: f64,
    lines: Vec<String>,
    /// How many of `lines` are the name (the rest, bold, are numbers).
    name_lines: usize,
}

/// Lays out a donut.
pub(crate) fn layout(chart: &Chart, fonts: &Fonts, data: &Data) -> Result<Figure, ChartError> {
    let id = || chart.id.to_string();
    let (width, hint_height) = canvas_size(chart);
    let Some(series) = data.series.first() else {
        return Err(ChartError::NoData { id: id() });
    };
    for (category, v) in data.categories.iter().zip(&series.values) {
        if let Some(v) = v.filter(|v| *v < 0.0) {
            return Err(ChartError::NegativeSlice {
                id: id(),
                category: category.clone(),
                value: v,
            });
        }
    }
    let total: f64 = series.values.iter().flatten().sum();
    if !total.is_finite() {
        return Err(ChartError::OutOfRange { id: id() });
    }
    if total <= 0.0 {
        return Err(ChartError::NoData { id: id() });
    }

    // Labels may wrap between words but never inside one: the ring gives
    // up radius (down to 60 px), then the canvas widens, until the longest
    // word fits beside it.
    let longest_word = data
        .categories
        .iter()
        .flat_map(|c| c.split([' ', '\n']))
        .map(|w| fonts.width(w, LABEL_PX, false))
        .chain(
            data.labels()
                .flat_map(|l| l.split(' '))
                .map(|w| fonts.width(w, VALUE_PX, true)),
        )
        .fold(60.0, f64::max);
    let radius = ((hint_height.max(200.0) - 2.0 * PAD) / 2.0 - 8.0)
        .min(width * 0.18)
        .min(width / 2.0 - REACH - PAD - longest_word)
        .max(60.0);
    let room = (width / 2.0 - radius - REACH - PAD).max(longest_word);
    let width = width.max(2.0 * (radius + REACH + room + PAD));
    let line_height = LABEL_PX * LINE;

    let mut slices = Vec::new();
    let mut angle = -PI / 2.0;
    for (i, (category, v)) in data.categories.iter().zip(&series.values).enumerate() {
        let Some(v) = v.filter(|v| *v > 0.0) else {
            continue;
        };
        let sweep = TAU * v / total;
        let mut lines = fonts.wrap(category, LABEL_PX, false, room);
        let name_lines = lines.len();
        let numbers = slice_numbers(chart, v, total, series.labels[i].as_deref());
        lines.extend(fonts.wrap(&numbers, VALUE_PX, true, room));
        slices.push(Slice {
            index: i,
            start: angle,
            end: angle + sweep,
            lines,
            name_lines,
        });
        angle += sweep;
    }

    let block = |s: &Slice| s.lines.len() as f64 * line_height;
    let side = |s: &Slice| ((s.start + s.end) / 2.0).cos() >= 0.0;
    let stack = |right: bool| -> f64 {
        let blocks: Vec<f64> = slices
            .iter()
            .filter(|s| side(s) == right)
            .map(block)
            .collect();
        blocks.iter().sum::<f64>() + LABEL_GAP * blocks.len().saturating_sub(1) as f64
    };
    let height = hint_height
        .max(2.0 * (radius + PAD + 8.0))
        .max(stack(true) + 2.0 * PAD)
        .max(stack(false) + 2.0 * PAD);
    let (cx, cy) = (width / 2.0, height / 2.0);
    let mut figure = Figure::new(width, height);

    for s in &slices {
        let (fill, pattern) = chart.palette.slice_fill(s.index);
        if s.end - s.start >= TAU - 1e-9 {
            figure.shapes.push(Shape::Circle {
                x: cx,
                y: cy,
                r: radius,
                fill,
            });
            figure.shapes.push(Shape::Circle {
                x: cx,
                y: cy,
                r: radius * HOLE,
                fill: BACKGROUND,
            });
        } else {
            figure.shapes.push(Shape::Polygon {
                points: ring_segment((cx, cy), radius, s.start, s.end),
                fill,
                pattern,
            });
        }
    }
    if slices.len() > 1 {
        for s in &slices {
            let (c, n) = (s.start.cos(), s.start.sin());
            let inner = radius * HOLE - 1.0;
            let outer = radius + 1.0;
            figure.path(
                vec![
                    (cx + inner * c, cy + inner * n),
                    (cx + outer * c, cy + outer * n),
                ],
                BACKGROUND,
                2,
            );
        }
    }

    for right in [true, false] {
        let mut side_slices: Vec<&Slice> = slices.iter().filter(|s| side(s) == right).collect();
        let wanted = |s: &Slice| cy + (radius + REACH / 2.0) * ((s.start + s.end) / 2.0).sin();
        side_slices.sort_by(|a, b| {
            wanted(a)
                .partial_cmp(&wanted(b))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        let tops = stack_labels(
            &side_slices
                .iter()
                .map(|s| (wanted(s) - block(s) / 2.0, block(s)))
                .collect::<Vec<_>>(),
            (PAD, height - PAD),
        );
        for (s, top) in side_slices.iter().zip(tops) {
            let mid = (s.start + s.end) / 2.0;
            let (c, n) = (mid.cos(), mid.sin());
            let text_x = if right {
                cx + radius + REACH
            } else {
                cx - radius - REACH
            };
            let first_line = top + line_height / 2.0;
            let elbow = (cx + (radius + 10.0) * c, cy + (radius + 10.0) * n);
            let end_x = if right { text_x - 4.0 } else { text_x + 4.0 };
            figure.path(
                vec![
                    (cx + (radius - 2.0) * c, cy + (radius - 2.0) * n),
                    elbow,
                    (end_x, first_line),
                ],
                AXIS,
                1,
            );
            let align = if right { Align::Start } else { Align::End };
            for (j, line) in s.lines.iter().enumerate() {
                let (px, bold) = if j < s.name_lines {
                    (LABEL_PX, false)
                } else {
                    (VALUE_PX, true)
                };
                let y = top + j as f64 * line_height + line_height / 2.0;
                figure.text(line, (text_x, y), px, bold, align, Baseline::Middle);
            }
        }
    }
    Ok(figure)
}

/// The numbers beside a slice: its share of the whole and its value, as
/// far as the caller gave formatters for them.
fn slice_numbers(chart: &Chart, v: f64, total: f64, label: Option<&str>) -> String {
    let value = label.unwrap_or_default();
    match (chart.unit, chart.percent) {
        (ChartUnit::Share, _) => value.to_string(),
        (_, Some(percent)) => format!("{} ({value})", percent(v / total)),
        (_, None) => value.to_string(),
    }
}

/// Tops for blocks of `(wanted top, height)` in order, moved as little as
/// possible so they do not overlap and stay within `(top, bottom)`.
fn stack_labels(blocks: &[(f64, f64)], (top, bottom): (f64, f64)) -> Vec<f64> {
    let mut tops: Vec<f64> = Vec::with_capacity(blocks.len());
    let mut next_free = top;
    for &(wanted, h) in blocks {
        let t = wanted.max(next_free);
        tops.push(t);
        next_free = t + h + LABEL_GAP;
    }
    let mut limit = bottom;
    for (t, &(_, h)) in tops.iter_mut().zip(blocks).rev() {
        if *t + h > limit {
            *t = (limit - h).max(top);
        }
        limit = *t - LABEL_GAP;
    }
    tops
}

/// The outline of the ring between angles `start` and `end`: the outer arc
/// forwards, the inner arc back, a point every two degrees at most.
fn ring_segment((cx, cy): (f64, f64), radius: f64, start: f64, end: f64) -> Vec<(f64, f64)> {
    let steps = (((end - start) / (PI / 90.0)).ceil() as usize).clamp(1, 180);
    let at = |r: f64, a: f64| (cx + r * a.cos(), cy + r * a.sin());
    let angles: Vec<f64> = (0..=steps)
        .map(|k| start + (end - start) * k as f64 / steps as f64)
        .collect();
    let mut points: Vec<(f64, f64)> = angles.iter().map(|&a| at(radius, a)).collect();
    points.extend(angles.iter().rev().map(|&a| at(radius * HOLE, a)));
    points
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stacked_labels_do_not_overlap_and_stay_inside() {
        let blocks = [
            (10.0, 40.0),
            (12.0, 40.0),
            (14.0, 40.0),
            (300.0, 40.0),
            (305.0, 40.0),
        ];
        let tops = stack_labels(&blocks, (0.0, 320.0));
        for (w, t) in tops.windows(2).zip(blocks.iter()) {
            assert!(w[0] + t.1 + LABEL_GAP <= w[1] + 1e-9, "{tops:?}");
        }
        assert!(tops[0] >= 0.0);
        assert!(tops[4] + 40.0 <= 320.0);
    }

    #[test]
    fn ring_segments_have_both_arcs() {
        let points = ring_segment((0.0, 0.0), 100.0, 0.0, PI / 2.0);
        assert_eq!(points.len(), 2 * 46);
        assert!((points[0].0 - 100.0).abs() < 1e-9);
        assert!((points[points.len() - 1].0 - 100.0 * HOLE).abs() < 1e-9);
    }
}
