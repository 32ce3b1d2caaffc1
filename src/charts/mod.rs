//! Charts: one chart's localised data -> an accessible SVG, and a report's
//! headline figure -> a PNG social card, drawn by plotters with the theme
//! font.
//!
//! This stage knows nothing of YAML, Fluent or pages: the caller passes
//! text already in the page's language and a CLDR number formatter, and
//! gets back markup to place. plotters stays inside this folder.
//!
//! Every kind is laid out into a [`figure::Figure`] (one file per kind),
//! painted by plotters ([`paint`]) and finished into accessible, scalable
//! SVG ([`svg`]). The same input always gives the same bytes.

mod bars;
mod card;
mod donut;
mod error;
mod figure;
mod fonts;
mod hbar;
mod legend;
mod line;
mod paint;
pub mod palette;
mod scale;
mod sparse_zlib;
mod svg;

#[cfg(test)]
mod samples;
#[cfg(test)]
mod testing;
#[cfg(test)]
mod tests;

pub use card::{
    card_key, draw_card_png, key_in_card, Card, CARD_HEIGHT, CARD_LOGO_COLOURS, CARD_LOGO_HEIGHT,
    CARD_LOGO_WIDTH, CARD_WIDTH,
};
pub use error::ChartError;
pub use fonts::Fonts;

use crate::model::{ChartKind, ChartUnit};

/// One chart to draw, with every text already in the page's language.
pub struct Chart<'a> {
    /// Unique on the page; every id in the SVG starts with it. Letters,
    /// digits, `-` and `_` only.
    pub id: &'a str,
    /// How to draw it. A bar or grouped chart whose labels do not fit
    /// under the bars is drawn horizontally instead.
    pub kind: ChartKind,
    /// The chart's title, for `<title>` (the page shows it as a caption;
    /// it is not drawn inside the chart).
    pub title: &'a str,
    /// One sentence stating the main finding, for `<desc>`.
    pub description: &'a str,
    /// Category labels: along x for bar and line, down y for hbar, one per
    /// slice for donut.
    pub categories: Vec<String>,
    /// One series for bar, hbar and donut; one or more for grouped and
    /// line (the legend names them). Each has a value per category.
    pub series: Vec<Series>,
    /// What the values are: shares (0..1) get a 0–100 % axis.
    pub unit: ChartUnit,
    /// Formats a value or tick in the page's language (`515 839`,
    /// `30,8 %`, `844 tūkst. £`).
    pub format: &'a dyn Fn(f64) -> String,
    /// Formats a fraction of the whole as a percent (`30,8 %`), for donut
    /// slices of counts or money. Without it those slices show their
    /// values only; share donuts always use `format`.
    pub percent: Option<&'a dyn Fn(f64) -> String>,
    /// Width of the drawing in SVG pixels (it scales to its container).
    pub width: u32,
    /// Height of the drawing in SVG pixels; horizontal bars take the
    /// height their rows need when this is smaller.
    pub height: u32,
    /// The series colours (the organisation's first).
    pub palette: palette::Palette,
    /// Lay the chart out for a phone ([`NARROW_WIDTH`] wide): bars,
    /// grouped bars and donuts become horizontal bars with each label
    /// above its bars over the whole width, the legend goes on top and
    /// the value axis keeps the ticks that fit. Lines keep their kind.
    pub narrow: bool,
}

/// The width of a chart's narrow layout in SVG pixels. A phone 320 px
/// wide has a column of about 280 px, so the smallest text (14 px in the
/// drawing) shows at 13 px or more; at 390 px at about 16 px.
pub const NARROW_WIDTH: u32 = 300;

/// One named row of values, a value per category; `None` (or NaN) where
/// there is no value, drawn as a gap.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Shown in the legend of grouped and multi-line charts.
    pub name: String,
    /// The values, in category order.
    pub values: Vec<Option<f64>>,
}

impl Series {
    /// A series from its name and values.
    pub fn new(name: impl Into<String>, values: Vec<Option<f64>>) -> Series {
        Series {
            name: name.into(),
            values,
        }
    }
}

impl<'a> Chart<'a> {
    /// A chart with no text or data yet and the default size for its kind;
    /// fill the rest with struct update syntax.
    pub fn new(
        id: &'a str,
        kind: ChartKind,
        unit: ChartUnit,
        format: &'a dyn Fn(f64) -> String,
    ) -> Chart<'a> {
        let (width, height) = default_size(kind);
        Chart {
            id,
            kind,
            title: "",
            description: "",
            categories: Vec::new(),
            series: Vec::new(),
            unit,
            format,
            percent: None,
            width,
            height,
            palette: palette::Palette::default(),
            narrow: false,
        }
    }
}

/// The default drawing size of a kind: narrow enough that text stays
/// legible when scaled down to a phone, wide enough for five bars.
pub fn default_size(kind: ChartKind) -> (u32, u32) {
    match kind {
        ChartKind::Bar | ChartKind::Grouped | ChartKind::Line => (560, 340),
        ChartKind::Hbar => (560, 0),
        ChartKind::Donut => (560, 320),
    }
}

/// Draws `chart` as an SVG document to inline in a page: `role="img"`
/// with `<title>` and `<desc>`, a `viewBox` and `width="100%"` so it
/// scales, real `<text>`, and no `style` attributes.
pub fn draw_svg(chart: &Chart, fonts: &Fonts) -> Result<String, ChartError> {
    draw_svg_sized(chart, fonts).map(|(svg, _)| svg)
}

/// Like [`draw_svg`], with the drawing's width and height (a document
/// that cannot size it to its column, the PDF, sets them).
pub fn draw_svg_sized(chart: &Chart, fonts: &Fonts) -> Result<(String, (u32, u32)), ChartError> {
    let figure = lay_out(chart, fonts)?;
    let size = (figure.width, figure.height);
    Ok((svg::render(&figure, fonts, chart)?, size))
}

/// The chart laid out by its kind, before drawing.
pub(crate) fn lay_out(chart: &Chart, fonts: &Fonts) -> Result<figure::Figure, ChartError> {
    let data = Data::new(chart)?;
    if chart.narrow && chart.kind != ChartKind::Line {
        return hbar::layout(chart, fonts, &data);
    }
    match chart.kind {
        ChartKind::Bar | ChartKind::Grouped => match bars::layout(chart, fonts, &data)? {
            Some(figure) => Ok(figure),
            None => hbar::layout(chart, fonts, &data),
        },
        ChartKind::Hbar => hbar::layout(chart, fonts, &data),
        ChartKind::Line => line::layout(chart, fonts, &data),
        ChartKind::Donut => donut::layout(chart, fonts, &data),
    }
}

/// A chart's data checked and ready to lay out: labels cleaned, NaN and
/// infinities turned into gaps, every value formatted once.
pub(crate) struct Data {
    pub categories: Vec<String>,
    pub series: Vec<SeriesData>,
}

/// One series of [`Data`].
pub(crate) struct SeriesData {
    pub name: String,
    pub values: Vec<Option<f64>>,
    /// `format(value)` for each value.
    pub labels: Vec<Option<String>>,
}

impl Data {
    fn new(chart: &Chart) -> Result<Data, ChartError> {
        let id = chart.id;
        let id_ok = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !id_ok {
            return Err(ChartError::InvalidId { id: id.to_string() });
        }
        let single = match chart.kind {
            ChartKind::Bar => Some("bar"),
            ChartKind::Hbar => Some("hbar"),
            ChartKind::Donut => Some("donut"),
            ChartKind::Grouped | ChartKind::Line => None,
        };
        if let Some(kind) = single {
            if chart.series.len() > 1 {
                return Err(ChartError::SeriesCount {
                    id: id.to_string(),
                    kind,
                    count: chart.series.len(),
                });
            }
        }
        let n = chart.categories.len();
        let mut series = Vec::with_capacity(chart.series.len());
        for s in &chart.series {
            if s.values.len() != n {
                return Err(ChartError::Shape {
                    id: id.to_string(),
                    series: s.name.clone(),
                    values: s.values.len(),
                    categories: n,
                });
            }
            let values: Vec<Option<f64>> = s
                .values
                .iter()
                .map(|v| v.filter(|v| v.is_finite()))
                .collect();
            let labels = values.iter().map(|v| v.map(chart.format)).collect();
            series.push(SeriesData {
                name: fonts::clean_text(&s.name),
                values,
                labels,
            });
        }
        let data = Data {
            categories: chart
                .categories
                .iter()
                .map(|c| fonts::clean_text(c))
                .collect(),
            series,
        };
        if data.values().next().is_none() {
            return Err(ChartError::NoData { id: id.to_string() });
        }
        Ok(data)
    }

    /// Every value present, in no particular order.
    pub fn values(&self) -> impl Iterator<Item = f64> + '_ {
        self.series
            .iter()
            .flat_map(|s| s.values.iter().flatten().copied())
    }

    /// Every value label present.
    pub fn labels(&self) -> impl Iterator<Item = &str> + '_ {
        self.series
            .iter()
            .flat_map(|s| s.labels.iter().flatten().map(String::as_str))
    }
}

/// The drawing size asked for, kept within what any layout can use.
pub(crate) fn canvas_size(chart: &Chart) -> (f64, f64) {
    (
        f64::from(chart.width.clamp(280, 4000)),
        f64::from(chart.height.clamp(0, 4000)),
    )
}

/// The CSS class name of a kind.
pub(crate) fn kind_name(kind: ChartKind) -> &'static str {
    match kind {
        ChartKind::Bar => "bar",
        ChartKind::Hbar => "hbar",
        ChartKind::Grouped => "grouped",
        ChartKind::Line => "line",
        ChartKind::Donut => "donut",
    }
}
