//! Lines over categories (usually months): one or more series, each with
//! its own colour and marker shape, broken where a value is missing. Axis
//! labels that do not fit are thinned to every second, third… category;
//! value labels are shown where there is room (for one series: every point,
//! or else the first, the last and the highest).

use super::figure::{
    label_box, Align, Baseline, Figure, Shape, LABEL_PX, LINE, PAD, TICK_PX, VALUE_PX,
};
use super::fonts::Fonts;
use super::legend::{self, Key};
use super::palette::{self, Pattern, AXIS, GRID};
use plotters::style::RGBColor;

use super::scale::Scale;
use super::{canvas_size, Chart, ChartError, Data};

/// Lays out a line chart.
pub(crate) fn layout(chart: &Chart, fonts: &Fonts, data: &Data) -> Result<Figure, ChartError> {
    let (width, hint_height) = canvas_size(chart);
    let mut height = hint_height.max(200.0);
    let n = data.categories.len();
    let s = data.series.len();
    let mut figure = Figure::new(width, height);

    let top = if s > 1 {
        let entries: Vec<(String, Key)> = data
            .series
            .iter()
            .enumerate()
            .map(|(k, series)| {
                (
                    series.name.clone(),
                    Key::Line(k, chart.palette.series_fill(k).0),
                )
            })
            .collect();
        PAD + legend::draw(&mut figure, fonts, &entries, (PAD, PAD), width - 2.0 * PAD) + 12.0
    } else {
        PAD
    };
    let value_height = VALUE_PX * LINE;
    let rough_plot = height - top - value_height - PAD - 2.0 * LABEL_PX * LINE;
    let target = (rough_plot / 48.0).clamp(2.0, 6.0) as usize;
    let scale =
        Scale::new(data.values(), chart.unit, target).ok_or_else(|| ChartError::OutOfRange {
            id: chart.id.to_string(),
        })?;
    let tick_labels: Vec<String> = scale.ticks.iter().map(|&t| (chart.format)(t)).collect();
    let left = PAD + fonts.widest(&tick_labels, TICK_PX, false) + 8.0;
    let right = width - PAD;
    let slot = (right - left) / n as f64;

    let (every, category_lines) = thin_labels(fonts, &data.categories, left, slot, width);
    let label_lines = category_lines.iter().map(Vec::len).max().unwrap_or(1);
    let labels_height = label_lines as f64 * LABEL_PX * LINE;
    let negative = data.values().any(|v| v < 0.0);
    let below = if negative { value_height + 8.0 } else { 0.0 };
    let plot_top = top + value_height + 8.0;
    height = height.max(plot_top + 90.0 + below + 8.0 + labels_height + PAD);
    let axis_bottom = height - PAD - labels_height - 8.0;
    let plot_bottom = axis_bottom - below;
    let y = |v: f64| scale.map(v, plot_bottom, plot_top);
    let x = |i: usize| left + (i as f64 + 0.5) * slot;

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
    figure.path(vec![(left, y(0.0)), (right, y(0.0))], AXIS, 1);

    for (k, series) in data.series.iter().enumerate() {
        let (colour, _) = chart.palette.series_fill(k);
        let mut run = Vec::new();
        for (i, v) in series.values.iter().enumerate() {
            match v {
                Some(v) => run.push((x(i), y(*v))),
                None => figure.path(std::mem::take(&mut run), colour, 3),
            }
        }
        figure.path(run, colour, 3);
        for (i, v) in series.values.iter().enumerate() {
            if let Some(v) = v {
                figure.shapes.extend(marker(k, colour, (x(i), y(*v))));
            }
        }
    }
    if s == 1 {
        value_labels(&mut figure, fonts, data, slot, (&x, &y));
    }

    for (i, lines) in category_lines.iter().enumerate() {
        if i % every != 0 {
            continue;
        }
        let cx = label_centre(fonts, lines, x(i), width);
        figure.lines(
            lines,
            (cx, axis_bottom + 8.0 + (LINE - 1.0) * LABEL_PX / 2.0),
            LABEL_PX,
            false,
            Align::Middle,
        );
    }
    figure.set_size(width, height);
    Ok(figure)
}

/// Which categories to label (every `every`-th, from the first) and each
/// label's lines, so no two labels touch: one or two lines of whole words
/// within the room `every` categories give, cut inside words only when even
/// a single label has the whole width.
fn thin_labels(
    fonts: &Fonts,
    categories: &[String],
    left: f64,
    slot: f64,
    width: f64,
) -> (usize, Vec<Vec<String>>) {
    let n = categories.len();
    for every in 1..=n {
        let room = every as f64 * slot - 10.0;
        let lines: Option<Vec<Vec<String>>> = categories
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if i % every == 0 {
                    fonts.wrap_words(c, LABEL_PX, false, room, 2)
                } else {
                    Some(Vec::new())
                }
            })
            .collect();
        let Some(lines) = lines else { continue };
        let edges: Vec<(f64, f64)> = lines
            .iter()
            .enumerate()
            .filter(|(i, _)| i % every == 0)
            .map(|(i, l)| {
                let w = fonts.widest(l, LABEL_PX, false);
                let c = label_centre(fonts, l, left + (i as f64 + 0.5) * slot, width);
                (c - w / 2.0, c + w / 2.0)
            })
            .collect();
        if edges.windows(2).all(|e| e[0].1 + 10.0 <= e[1].0) {
            return (every, lines);
        }
    }
    let lines = categories
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if i == 0 {
                fonts.wrap(c, LABEL_PX, false, width - 2.0 * PAD)
            } else {
                Vec::new()
            }
        })
        .collect();
    (n.max(1), lines)
}

/// Where a label centred under `x` goes so it stays on the canvas.
fn label_centre(fonts: &Fonts, lines: &[String], x: f64, width: f64) -> f64 {
    let w = fonts.widest(lines, LABEL_PX, false);
    x.min(width - PAD - w / 2.0).max(PAD + w / 2.0)
}

/// Value labels above the points of a single line: all of them when each
/// fits its category, otherwise the highest, the last and the first, as
/// long as they do not touch.
fn value_labels(
    figure: &mut Figure,
    fonts: &Fonts,
    data: &Data,
    slot: f64,
    (x, y): (&dyn Fn(usize) -> f64, &dyn Fn(f64) -> f64),
) {
    let Some(series) = data.series.first() else {
        return;
    };
    let present: Vec<usize> = (0..series.values.len())
        .filter(|&i| series.values[i].is_some())
        .collect();
    let all_fit = series
        .labels
        .iter()
        .flatten()
        .all(|l| fonts.width(l, VALUE_PX, true) <= slot - 6.0);
    let chosen: Vec<usize> = if all_fit {
        present
    } else {
        let highest = present.iter().copied().max_by(|&a, &b| {
            let (a, b) = (series.values[a], series.values[b]);
            a.partial_cmp(&b).unwrap_or(std::cmp::Ordering::Equal)
        });
        let mut picks: Vec<usize> = [highest, present.last().copied(), present.first().copied()]
            .into_iter()
            .flatten()
            .collect();
        picks.dedup();
        picks
    };
    let mut placed: Vec<[f64; 4]> = Vec::new();
    for i in chosen {
        let (Some(v), Some(text)) = (series.values[i], &series.labels[i]) else {
            continue;
        };
        let (baseline, dy) = if v < 0.0 {
            (Baseline::Top, 10.0)
        } else {
            (Baseline::Bottom, -10.0)
        };
        let w = fonts.width(text, VALUE_PX, true);
        let cx = x(i)
            .min(f64::from(figure.width) - PAD - w / 2.0)
            .max(PAD + w / 2.0);
        let label = super::figure::Label {
            text: text.clone(),
            x: cx,
            y: y(v) + dy,
            px: VALUE_PX,
            bold: true,
            align: Align::Middle,
            baseline,
            colour: palette::TEXT,
        };
        let b = label_box(&label, fonts);
        let clear = placed
            .iter()
            .all(|p| b[2] + 4.0 <= p[0] || p[2] + 4.0 <= b[0] || b[3] <= p[1] || p[3] <= b[1]);
        if clear {
            placed.push(b);
            figure.text(text, (cx, label.y), VALUE_PX, true, Align::Middle, baseline);
        }
    }
}

/// The marker of series `k` (in `fill`) centred on `(x, y)`: a circle,
/// square, triangle, diamond or bar, so lines differ by more than colour.
pub(crate) fn marker(k: usize, fill: RGBColor, (x, y): (f64, f64)) -> Vec<Shape> {
    let r = 5.0;
    let polygon = |points: Vec<(f64, f64)>| Shape::Polygon {
        points,
        fill,
        pattern: Pattern::Solid,
    };
    vec![match k % 5 {
        0 => Shape::Circle { x, y, r, fill },
        1 => polygon(vec![
            (x - r, y - r),
            (x + r, y - r),
            (x + r, y + r),
            (x - r, y + r),
        ]),
        2 => polygon(vec![
            (x, y - r - 1.0),
            (x + r + 1.0, y + r),
            (x - r - 1.0, y + r),
        ]),
        3 => polygon(vec![
            (x, y - r - 1.0),
            (x + r + 1.0, y),
            (x, y + r + 1.0),
            (x - r - 1.0, y),
        ]),
        _ => polygon(vec![
            (x - r - 1.0, y - 2.5),
            (x + r + 1.0, y - 2.5),
            (x + r + 1.0, y + 2.5),
            (x - r - 1.0, y + 2.5),
        ]),
    }]
}
