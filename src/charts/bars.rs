//! Vertical bars: one series (`bar`) or several side by side per category
//! (`grouped`, with a legend and a pattern per series), value labels above
//! the bars, a value axis on the left.
//!
//! When category labels would need more than three lines or a word wider
//! than its bar, or value labels are wider than their bars, this gives up
//! (`None`) and the caller draws horizontal bars, which have room for both.

use crate::model::ChartKind;

use super::figure::{Align, Baseline, Figure, LABEL_PX, LINE, PAD, TICK_PX, VALUE_PX};
use super::fonts::Fonts;
use super::legend::{self, Key};
use super::palette::{Pattern, AXIS, GRID};
use super::scale::Scale;
use super::{canvas_size, Chart, ChartError, Data};

/// Most lines a category label may take under a bar.
const MAX_LABEL_LINES: usize = 3;

/// Lays out vertical bars, or `None` when they would not fit.
pub(crate) fn layout(
    chart: &Chart,
    fonts: &Fonts,
    data: &Data,
) -> Result<Option<Figure>, ChartError> {
    let (width, hint_height) = canvas_size(chart);
    let mut height = hint_height.max(200.0);
    let n = data.categories.len();
    let s = data.series.len().max(1);
    let mut figure = Figure::new(width, height);

    let top = if chart.kind == ChartKind::Grouped && s > 1 {
        let entries: Vec<(String, Key)> = data
            .series
            .iter()
            .enumerate()
            .map(|(k, series)| {
                let (fill, pattern) = chart.palette.series_fill(k);
                (series.name.clone(), Key::Swatch(fill, pattern))
            })
            .collect();
        PAD + legend::draw(&mut figure, fonts, &entries, (PAD, PAD), width - 2.0 * PAD) + 12.0
    } else {
        PAD
    };
    let value_height = VALUE_PX * LINE;
    let negative = data.values().any(|v| v < 0.0);

    let rough_plot = height - top - value_height - PAD - 2.0 * LABEL_PX * LINE;
    let target = (rough_plot / 48.0).clamp(2.0, 6.0) as usize;
    let scale =
        Scale::new(data.values(), chart.unit, target).ok_or_else(|| ChartError::OutOfRange {
            id: chart.id.to_string(),
        })?;
    let tick_labels: Vec<String> = scale.ticks.iter().map(|&t| (chart.format)(t)).collect();
    let tick_width = fonts.widest(&tick_labels, TICK_PX, false);

    let left = PAD + tick_width + 8.0;
    let right = width - PAD;
    let slot = (right - left) / n as f64;
    let group = slot * if s == 1 { 0.62 } else { 0.8 };
    let bar = group / s as f64;
    let label_room = if s == 1 { slot - 6.0 } else { bar - 2.0 };
    let value_width = data
        .labels()
        .map(|l| fonts.width(l, VALUE_PX, true))
        .fold(0.0, f64::max);
    if slot < 12.0 || value_width > label_room {
        return Ok(None);
    }
    let mut category_lines = Vec::with_capacity(n);
    for category in &data.categories {
        match fonts.wrap_words(category, LABEL_PX, false, slot - 8.0, MAX_LABEL_LINES) {
            Some(lines) => category_lines.push(lines),
            None => return Ok(None),
        }
    }
    let label_lines = category_lines.iter().map(Vec::len).max().unwrap_or(1);
    let labels_height = label_lines as f64 * LABEL_PX * LINE;

    // The plot needs some height; a canvas too short for it grows.
    let below = if negative { value_height + 4.0 } else { 0.0 };
    let plot_top = top + value_height + 4.0;
    let min_plot = 90.0;
    let needed = plot_top + min_plot + below + 8.0 + labels_height + PAD;
    height = height.max(needed);
    let axis_bottom = height - PAD - labels_height - 8.0;
    let plot_bottom = axis_bottom - below;
    let y = |v: f64| scale.map(v, plot_bottom, plot_top);

    for (tick, label) in scale.ticks.iter().zip(&tick_labels) {
        let ty = y(*tick);
        figure.path(vec![(left, ty), (right, ty)], GRID, 1);
        figure.text(
            label,
            (left - 8.0, ty),
            TICK_PX,
            false,
            Align::End,
            Baseline::Middle,
        );
    }

    let zero = y(0.0);
    for (i, lines) in category_lines.iter().enumerate() {
        let slot_left = left + i as f64 * slot;
        for (k, series) in data.series.iter().enumerate() {
            let (fill, pattern) = if s == 1 {
                (chart.palette.series[0], Pattern::Solid)
            } else {
                chart.palette.series_fill(k)
            };
            let x0 = slot_left + (slot - group) / 2.0 + k as f64 * bar;
            let inset = if s > 1 { 1.0 } else { 0.0 };
            let (Some(v), Some(label)) = (series.values[i], &series.labels[i]) else {
                continue;
            };
            let top_y = y(v);
            figure.rect((x0 + inset, zero), (x0 + bar - inset, top_y), fill, pattern);
            let middle = x0 + bar / 2.0;
            if v < 0.0 {
                figure.text(
                    label,
                    (middle, top_y + 4.0),
                    VALUE_PX,
                    true,
                    Align::Middle,
                    Baseline::Top,
                );
            } else {
                figure.text(
                    label,
                    (middle, top_y - 4.0),
                    VALUE_PX,
                    true,
                    Align::Middle,
                    Baseline::Bottom,
                );
            }
        }
        figure.lines(
            lines,
            (
                slot_left + slot / 2.0,
                axis_bottom + 8.0 + (LINE - 1.0) * LABEL_PX / 2.0,
            ),
            LABEL_PX,
            false,
            Align::Middle,
        );
    }
    figure.path(vec![(left, zero), (right, zero)], AXIS, 1);
    figure.set_size(width, height);
    Ok(Some(figure))
}
