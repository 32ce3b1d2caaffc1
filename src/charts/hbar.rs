//! Horizontal bars: category labels on the left (wrapped, each row as tall
//! as its label), bars to the right with their values at the ends, a value
//! axis along the bottom. Draws `hbar` charts, and `bar` and `grouped`
//! charts whose labels do not fit under vertical bars. In a chart's narrow
//! layout (for phones) every chart but a line is drawn here, each label
//! above its bars across the whole width, so that no word is cut and the
//! bars keep their length.

use super::figure::{
    label_box, Align, Baseline, Figure, Label, LABEL_PX, LINE, PAD, TICK_PX, VALUE_PX,
};
use super::fonts::{clean_text, Fonts};
use super::legend::{self, Key};
use super::palette::{Pattern, AXIS, GRID, TEXT};
use super::scale::Scale;
use super::{canvas_size, Chart, ChartError, Data};

/// Bar thickness for one series, and per series when grouped.
const BAR: f64 = 24.0;
const GROUPED_BAR: f64 = 18.0;
/// Most of the width category labels may take.
const LABEL_SHARE: f64 = 0.42;
/// Space between a label above its bars and the bars.
const ABOVE_GAP: f64 = 4.0;

/// Lays out horizontal bars.
pub(crate) fn layout(chart: &Chart, fonts: &Fonts, data: &Data) -> Result<Figure, ChartError> {
    let (mut width, hint_height) = canvas_size(chart);
    let n = data.categories.len();
    let s = data.series.len().max(1);
    let negative = data.values().any(|v| v < 0.0);
    let value_width = data
        .labels()
        .map(|l| fonts.width(l, VALUE_PX, true))
        .fold(0.0, f64::max);

    // Labels take what they need up to their share of the width; the bars
    // keep at least 120 px, widening the canvas if they must.
    let natural = data
        .categories
        .iter()
        .map(|c| {
            fonts.widest(
                &fonts.wrap(c, LABEL_PX, false, f64::INFINITY),
                LABEL_PX,
                false,
            )
        })
        .fold(0.0, f64::max);
    // Labels above the bars take the whole width and no column.
    let above = chart.narrow;
    let column = if above {
        0.0
    } else {
        natural.min((width - 2.0 * PAD) * LABEL_SHARE).max(24.0)
    };
    let value_room = value_width + 6.0;
    let negative_room = if negative { value_room } else { 0.0 };
    let left = match above {
        true => PAD + negative_room,
        false => PAD + column + 10.0 + negative_room,
    };
    let min_bars = 120.0;
    width = width.max(left + min_bars + value_room + PAD);
    let right = width - PAD - value_room;

    let mut figure = Figure::new(width, hint_height);
    let top = if s > 1 {
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

    let label_width = if above { width - 2.0 * PAD } else { column };
    let labels: Vec<Vec<String>> = data
        .categories
        .iter()
        .map(|c| fonts.wrap(c, LABEL_PX, false, label_width))
        .collect();
    let thickness = if s == 1 { BAR } else { GROUPED_BAR };
    let bars_height = s as f64 * thickness + (s as f64 - 1.0) * 2.0;
    let block = |l: &Vec<String>| l.len() as f64 * LABEL_PX * LINE;
    let mut rows: Vec<f64> = labels
        .iter()
        .map(|l| match above {
            true => block(l) + ABOVE_GAP + bars_height + 14.0,
            false => (bars_height + 16.0).max(block(l) + 10.0),
        })
        .collect();
    let axis_height = 8.0 + TICK_PX * LINE;
    let content = |rows: &[f64]| top + rows.iter().sum::<f64>() + axis_height + PAD;
    // A taller canvas asked for spreads the rows, up to half as tall again.
    let spare = hint_height - content(&rows);
    if spare > 0.0 {
        for row in &mut rows {
            *row += (spare / n as f64).min(*row / 2.0);
        }
    }
    let height = content(&rows);
    let plot_bottom = height - PAD - axis_height;

    let scale = fit_ticks(
        chart,
        fonts,
        data,
        (left, right),
        (width, plot_bottom + 6.0),
    )?;
    let x = |v: f64| scale.scale.map(v, left, right);

    for (tick, label) in scale.scale.ticks.iter().zip(&scale.labels) {
        let tx = x(*tick);
        // Grid lines would run through the labels above the bars.
        if !above {
            figure.path(vec![(tx, top), (tx, plot_bottom)], GRID, 1);
        }
        if let Some(label) = label {
            figure
                .shapes
                .push(super::figure::Shape::Text(label.clone()));
        }
    }

    let zero = x(0.0);
    let mut row_top = top;
    for (i, (lines, row)) in labels.iter().zip(&rows).enumerate() {
        let block = block(lines);
        let bars_top = if above {
            figure.lines(
                lines,
                (PAD, row_top + 6.0 + (LINE - 1.0) * LABEL_PX / 2.0),
                LABEL_PX,
                false,
                Align::Start,
            );
            let bars_top = row_top + 6.0 + block + ABOVE_GAP;
            // The axis runs beside the bars only, not through the label.
            figure.path(
                vec![(zero, bars_top - 2.0), (zero, bars_top + bars_height + 2.0)],
                AXIS,
                1,
            );
            bars_top
        } else {
            figure.lines(
                lines,
                (
                    PAD + column,
                    row_top + (row - block) / 2.0 + (LINE - 1.0) * LABEL_PX / 2.0,
                ),
                LABEL_PX,
                false,
                Align::End,
            );
            row_top + (row - bars_height) / 2.0
        };
        for (k, series) in data.series.iter().enumerate() {
            let (Some(v), Some(label)) = (series.values[i], &series.labels[i]) else {
                continue;
            };
            let (fill, pattern) = if s == 1 {
                (chart.palette.series[0], Pattern::Solid)
            } else {
                chart.palette.series_fill(k)
            };
            let y0 = bars_top + k as f64 * (thickness + 2.0);
            let end = x(v);
            figure.rect((zero, y0), (end, y0 + thickness), fill, pattern);
            let middle = y0 + thickness / 2.0;
            if v < 0.0 {
                figure.text(
                    label,
                    (end - 6.0, middle),
                    VALUE_PX,
                    true,
                    Align::End,
                    Baseline::Middle,
                );
            } else {
                figure.text(
                    label,
                    (end + 6.0, middle),
                    VALUE_PX,
                    true,
                    Align::Start,
                    Baseline::Middle,
                );
            }
        }
        row_top += row;
    }
    if !above {
        figure.path(vec![(zero, top), (zero, plot_bottom)], AXIS, 1);
    }
    figure.set_size(width, height);
    Ok(figure)
}

/// A value scale whose tick labels fit side by side along the bottom.
struct FittedScale {
    scale: Scale,
    /// The label of each tick, `None` where there was no room for it.
    labels: Vec<Option<Label>>,
}

/// The most ticks (up to six intervals) whose labels fit between `left`
/// and `right` without touching; if even two do not, only the last tick
/// is labelled.
fn fit_ticks(
    chart: &Chart,
    fonts: &Fonts,
    data: &Data,
    (left, right): (f64, f64),
    (width, y): (f64, f64),
) -> Result<FittedScale, ChartError> {
    let out_of_range = || ChartError::OutOfRange {
        id: chart.id.to_string(),
    };
    let mut fallback = None;
    for target in (1..=6).rev() {
        let scale = Scale::new(data.values(), chart.unit, target).ok_or_else(out_of_range)?;
        let labels: Vec<Label> = scale
            .ticks
            .iter()
            .map(|&t| {
                let x = scale.map(t, left, right.max(left));
                tick_label((chart.format)(t), (x, y), fonts, width)
            })
            .collect();
        let boxes: Vec<[f64; 4]> = labels.iter().map(|l| label_box(l, fonts)).collect();
        let apart = boxes.windows(2).all(|w| w[0][2] + 10.0 <= w[1][0]);
        if apart {
            return Ok(FittedScale {
                scale,
                labels: labels.into_iter().map(Some).collect(),
            });
        }
        fallback = Some((scale, labels));
    }
    let (scale, labels) = fallback.ok_or_else(out_of_range)?;
    let last = labels.len().saturating_sub(1);
    Ok(FittedScale {
        scale,
        labels: labels
            .into_iter()
            .enumerate()
            .map(|(i, l)| (i == last).then_some(l))
            .collect(),
    })
}

/// A tick label centred under `x` with its top at `y`, nudged to stay on the canvas.
fn tick_label(text: String, (x, y): (f64, f64), fonts: &Fonts, width: f64) -> Label {
    let w = fonts.width(&text, TICK_PX, false);
    let x = x.min(width - PAD - w / 2.0).max(PAD + w / 2.0);
    Label {
        text: clean_text(&text),
        x,
        y,
        px: TICK_PX,
        bold: false,
        align: Align::Middle,
        baseline: Baseline::Top,
        colour: TEXT,
    }
}
