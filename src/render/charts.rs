//! The charts of each page in one language: the standard ones that follow
//! from the data (reach, share of potential reach, the engagement funnel,
//! survey results and changes per audience, a report's finances) and the
//! ones a campaign declares under `charts:`.
//!
//! Each chart is prepared as a [`ChartData`] (texts from Fluent and the
//! language maps, values with how to format them), drawn once by
//! [`crate::charts`] and shown as a [`DrawnChart`]: the SVG, and the same
//! numbers as a table for readers who cannot see it.

use std::collections::HashMap;

use super::data::Dataset;
use super::view::Viewer;
use crate::charts::{self, Chart, Series};
use crate::diagnostics::Diagnostics;
use crate::document::ChartRef;
use crate::l10n::Arg;
use crate::markup::escape;
use crate::model::*;

/// The engagement funnel, widest stage first.
const FUNNEL: [&str; 4] = [
    "impressions",
    "reach",
    "landing_page_sessions",
    "video_plays_95",
];

/// How a chart's numbers are written.
#[derive(Debug, Clone, Copy)]
pub enum Format {
    /// `515 839`.
    Count,
    /// `30,8 %`.
    Share,
    /// `+50 %`.
    Change,
    /// `£844K` on the chart, `£844,000.00` in its table.
    Money(Currency),
    /// A plain number with up to two decimals (declared money charts have
    /// no currency).
    Number,
    /// Seconds, in units: `1 min, 53 sec` / `1 min. 53 sek.`.
    Duration,
}

/// The series colours: the brand's colour first and its accent second.
fn chart_palette(brand: &Brand) -> charts::palette::Palette {
    let rgb = |c: Rgb| (c.0, c.1, c.2);
    charts::palette::Palette::branded(brand.colour.map(rgb), brand.accent.map(rgb))
}

/// The chart stage's work: every (chart, language) of the documents,
/// drawn once and handed to every emitter that shows it (a campaign's
/// page, its report's single-file HTML and PDF).
#[derive(Default)]
pub struct Drawn {
    charts: HashMap<(Lang, ChartRef), DrawnChart>,
}

impl Drawn {
    /// The drawing of `chart` in `lang` (none when it could not be drawn,
    /// which was reported).
    pub fn get(&self, lang: &Lang, chart: &ChartRef) -> Option<&DrawnChart> {
        self.charts.get(&(lang.clone(), chart.clone()))
    }

    /// How many drawings there are.
    pub fn len(&self) -> usize {
        self.charts.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.charts.is_empty()
    }
}

/// Draws every chart of `docs` once per language, on every core; a chart
/// that cannot be drawn is reported once.
pub fn draw_all(
    site: &Site,
    l10n: &crate::l10n::Localiser,
    fonts: &crate::charts::Fonts,
    docs: &super::documents::Documents,
    diags: &mut Diagnostics,
) -> Drawn {
    use rayon::prelude::*;
    let mut wanted: Vec<(&Lang, &ChartRef, &ChartData)> = docs.charts().collect();
    wanted.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    wanted.dedup_by(|a, b| (a.0, a.1) == (b.0, b.1));
    let drawn: Vec<_> = wanted
        .par_iter()
        .map(|&(lang, key, data)| {
            let v = Viewer {
                site,
                l10n,
                lang,
                fonts: Some(fonts),
            };
            let mut d = Diagnostics::default();
            let chart = v.draw(data, &mut d);
            ((lang.clone(), key.clone()), chart, d)
        })
        .collect();
    let mut out = Drawn::default();
    for (key, chart, d) in drawn {
        diags.extend(d);
        if let Some(chart) = chart {
            out.charts.insert(key, chart);
        }
    }
    out
}

/// Where the chart's id goes in its drawing: each emitter gives the
/// drawing the id it needs (a page has one chart of an id, the single-file
/// HTML one per campaign).
const ID_SLOT: &str = "__chart_id__";

/// A drawing with its id left open, kept as the text between the places
/// the id goes, so that giving it an id is copying, not searching.
#[derive(Debug, Clone)]
struct Slotted {
    parts: Vec<String>,
}

impl Slotted {
    fn new(svg: &str) -> Slotted {
        Slotted {
            parts: svg.split(ID_SLOT).map(str::to_owned).collect(),
        }
    }

    /// The drawing with `id` in every slot, appended to `out`.
    fn fill_into(&self, id: &str, out: &mut String) {
        let (first, rest) = self.parts.split_first().expect("split gives a part");
        out.push_str(first);
        for part in rest {
            out.push_str(id);
            out.push_str(part);
        }
    }

    /// How long the drawing is with an id `id_len` bytes long.
    fn len(&self, id_len: usize) -> usize {
        self.parts.iter().map(String::len).sum::<usize>() + id_len * (self.parts.len() - 1)
    }
}

/// A chart ready to draw, in one language.
#[derive(Debug, Clone)]
pub struct ChartData {
    /// Unique on the page (`reach`, `citizens-advice-cases`).
    pub id: String,
    /// How to draw it.
    pub kind: ChartKind,
    /// What the axis shows.
    pub unit: ChartUnit,
    /// How to write its numbers.
    pub format: Format,
    /// Caption and `<title>`.
    pub title: Localised,
    /// The main finding, for `<desc>`.
    pub description: String,
    /// Heading of the table's first column (what the categories are).
    pub category_heading: String,
    /// Category labels.
    pub categories: Vec<String>,
    /// The series (one for bar, hbar and donut).
    pub series: Vec<Series>,
    /// What the series are, when there are several ("Audience"), for the
    /// chart's data.
    pub series_heading: String,
    /// Each value's qualifier ("at least", "about"), per series and
    /// category, as the data wrote it; the drawing shows the number, its
    /// data keeps the qualifier. Empty when no value has one.
    pub qualifiers: Vec<Vec<Option<Qualifier>>>,
    /// Where a declared chart was written, for errors.
    pub span: Option<Span>,
}

impl ChartData {
    /// The qualifier of series `s`'s value for category `i`.
    pub fn qualifier(&self, s: usize, i: usize) -> Option<Qualifier> {
        self.qualifiers.get(s)?.get(i).copied().flatten()
    }
}

/// A chart drawn once, for every output that shows it.
#[derive(Debug, Clone)]
pub struct DrawnChart {
    /// The caption.
    pub title: Localised,
    /// The main finding in one sentence.
    pub description: String,
    /// The drawing, with its id left open (see [`DrawnChart::svg`]).
    svg: Slotted,
    /// The drawing for phones ([`charts::NARROW_WIDTH`] wide, labels
    /// above horizontal bars), its id left open the same way.
    narrow_svg: Option<Slotted>,
    /// The table: header row, then one row per category.
    pub table: Vec<Vec<String>>,
    /// The label of the disclosure that shows the table.
    pub show: String,
    /// The label of the link to its CSV ("Get the data").
    pub get_data: String,
    /// The drawing's size.
    pub size: (u32, u32),
    /// The same numbers as data, for its CSV.
    pub data: Dataset,
}

impl DrawnChart {
    /// The drawing as inline SVG with `role="img"`, `<title>` and
    /// `<desc>`, its element ids starting with `id`.
    pub fn svg(&self, id: &str) -> String {
        let mut out = String::with_capacity(self.svg.len(id.len()));
        self.svg.fill_into(id, &mut out);
        out
    }

    /// The chart as a page shows it: the caption, the drawing, its
    /// numbers in a table behind a disclosure and, when `data` is the
    /// address of its CSV, a link to it beside that.
    pub fn figure_html(&self, id: &str, data: Option<&str>, narrow: bool) -> String {
        let data = data.map(|href| (href, self.get_data.as_str()));
        let drawings = match self.narrow_svg.as_ref().filter(|_| narrow) {
            Some(small) => {
                const WIDE: &str = "<div class=\"chart-wide\">";
                const NARROW: &str = "</div><div class=\"chart-narrow\">";
                let len = self.svg.len(id.len()) + small.len(id.len());
                let mut both = String::with_capacity(WIDE.len() + NARROW.len() + len + 6);
                both.push_str(WIDE);
                self.svg.fill_into(id, &mut both);
                both.push_str(NARROW);
                small.fill_into(id, &mut both);
                both.push_str("</div>");
                both
            }
            None => self.svg(id),
        };
        figure_html(id, &self.title, &drawings, &self.table, &self.show, data)
    }

    /// The drawing at its own size, for a document that cannot fit it to
    /// a column (the PDF): the pages' drawing is `width="100%"`.
    pub fn svg_fixed(&self, id: &str) -> String {
        let (w, h) = self.size;
        self.svg(id).replacen(
            "width=\"100%\"",
            &format!("width=\"{w}\" height=\"{h}\""),
            1,
        )
    }
}

impl Viewer<'_> {
    fn fmt(&self, format: Format, x: f64) -> String {
        let f = self.l10n.formats(self.lang);
        match format {
            Format::Count => f.number(x, 0),
            Format::Share => f.share(x),
            Format::Change if x == 0.0 => f.share(0.0),
            Format::Change => f.change(x),
            // Money is exact in descriptions and tables alike.
            Format::Money(c) => f.money(x, c),
            Format::Number => f.number(x, 2),
            Format::Duration => f.duration(x.max(0.0).round() as u64),
        }
    }

    fn chart_text(&self, id: &str, args: &[(&str, Arg)], diags: &mut Diagnostics) -> String {
        self.msg(id, args, diags).text
    }

    /// The standard charts of a campaign's figures per audience: reach,
    /// share of potential reach and the engagement funnel.
    pub fn audience_charts(&self, c: &Campaign, diags: &mut Diagnostics) -> Vec<ChartData> {
        let mut out = Vec::new();
        let count_of = |a: &Audience, key: &str| {
            a.metrics
                .iter()
                .find(|m| m.metric == key)
                .and_then(|m| match m.value {
                    Value::Count(n) => Some(n as f64),
                    _ => None,
                })
        };
        let share_of = |a: &Audience, key: &str| {
            a.metrics
                .iter()
                .find(|m| m.metric == key)
                .and_then(|m| match m.value {
                    Value::Share(x) => Some(x),
                    _ => None,
                })
        };
        let qualifier_of = |a: &Audience, key: &str| {
            a.metrics
                .iter()
                .find(|m| m.metric == key)
                .and_then(|m| m.qualifier)
        };
        let name = |a: &Audience| self.text(&a.name).text;
        let audience_heading = self.chart_text("chart-audience", &[], diags);

        // Reach, and the share of the potential audience it was.
        for (id, key, format, title, desc) in [
            (
                "reach",
                "reach",
                Format::Count,
                "chart-reach-title",
                "chart-reach-desc",
            ),
            (
                "potential-reach",
                "potential_reach_share",
                Format::Share,
                "chart-potential-title",
                "chart-potential-desc",
            ),
        ] {
            let with_qualifiers: Vec<((String, f64), Option<Qualifier>)> = c
                .audiences
                .iter()
                .filter_map(|a| {
                    let v = match format {
                        Format::Share => share_of(a, key),
                        _ => count_of(a, key),
                    };
                    v.map(|v| ((name(a), v), qualifier_of(a, key)))
                })
                .collect();
            let (values, qualifiers): (Vec<(String, f64)>, Vec<Option<Qualifier>>) =
                with_qualifiers.into_iter().unzip();
            if values.is_empty() {
                continue;
            }
            let (top, top_value) = max_by_value(&values);
            let description = self.chart_text(
                desc,
                &[
                    ("audience", Arg::Text(top.to_string())),
                    ("value", Arg::Text(self.fmt(format, top_value))),
                ],
                diags,
            );
            out.push(ChartData {
                id: id.into(),
                kind: ChartKind::Hbar,
                unit: if matches!(format, Format::Share) {
                    ChartUnit::Share
                } else {
                    ChartUnit::Count
                },
                format,
                title: self.msg(title, &[], diags),
                description,
                category_heading: self.chart_text("chart-audience", &[], diags),
                categories: values.iter().map(|(n, _)| n.clone()).collect(),
                series: vec![Series::new(
                    self.metric_name(key, diags).text,
                    values.iter().map(|(_, v)| Some(*v)).collect(),
                )],
                series_heading: audience_heading.clone(),
                qualifiers: vec![qualifiers],
                span: None,
            });
        }

        // The funnel: audiences with at least two of its stages.
        let stages: Vec<&str> = FUNNEL
            .iter()
            .copied()
            .filter(|k| c.audiences.iter().any(|a| count_of(a, k).is_some()))
            .collect();
        let audiences: Vec<&Audience> = c
            .audiences
            .iter()
            .filter(|a| stages.iter().filter(|k| count_of(a, k).is_some()).count() >= 2)
            .collect();
        if stages.len() >= 2 && !audiences.is_empty() {
            let first = audiences[0];
            let present: Vec<&str> = stages
                .iter()
                .copied()
                .filter(|k| count_of(first, k).is_some())
                .collect();
            let (from, to) = (present[0], present[present.len() - 1]);
            let description = self.chart_text(
                "chart-funnel-desc",
                &[
                    ("audience", Arg::Text(name(first))),
                    (
                        "first",
                        Arg::Text(self.fmt(Format::Count, count_of(first, from).unwrap_or(0.0))),
                    ),
                    (
                        "first_stage",
                        Arg::Text(self.metric_lower(from, diags).text),
                    ),
                    (
                        "last",
                        Arg::Text(self.fmt(Format::Count, count_of(first, to).unwrap_or(0.0))),
                    ),
                    ("last_stage", Arg::Text(self.metric_lower(to, diags).text)),
                ],
                diags,
            );
            out.push(ChartData {
                id: "funnel".into(),
                kind: if audiences.len() == 1 {
                    ChartKind::Bar
                } else {
                    ChartKind::Grouped
                },
                unit: ChartUnit::Count,
                format: Format::Count,
                title: self.msg("chart-funnel-title", &[], diags),
                description,
                category_heading: self.chart_text("chart-stage", &[], diags),
                categories: stages
                    .iter()
                    .map(|k| self.metric_name(k, diags).text)
                    .collect(),
                series: audiences
                    .iter()
                    .map(|a| Series::new(name(a), stages.iter().map(|k| count_of(a, k)).collect()))
                    .collect(),
                series_heading: audience_heading.clone(),
                qualifiers: audiences
                    .iter()
                    .map(|a| stages.iter().map(|k| qualifier_of(a, k)).collect())
                    .collect(),
                span: None,
            });
        }
        out
    }

    /// The standard charts of a campaign's results: shares per audience
    /// (survey answers) and changes (before and after).
    pub fn result_charts(&self, c: &Campaign, diags: &mut Diagnostics) -> Vec<ChartData> {
        let mut out = Vec::new();
        let audience_name = |id: Option<&str>| {
            id.and_then(|id| c.audiences.iter().find(|a| a.id == id))
                .map(|a| self.text(&a.name).text)
        };

        // Survey answers: a share per audience.
        let shares: Vec<&Figure> = c
            .results
            .iter()
            .filter(|f| matches!(f.value, Value::Share(_)) && f.audience.is_some())
            .collect();
        let mut metrics: Vec<&str> = Vec::new();
        let mut audiences: Vec<&str> = Vec::new();
        for f in &shares {
            if !metrics.contains(&f.metric.as_str()) {
                metrics.push(&f.metric);
            }
            let a = f.audience.as_deref().unwrap_or_default();
            if !audiences.contains(&a) {
                audiences.push(a);
            }
        }
        if !shares.is_empty() {
            let value = |m: &str, a: &str| {
                shares.iter().find_map(|f| match f.value {
                    Value::Share(x) if f.metric == m && f.audience.as_deref() == Some(a) => Some(x),
                    _ => None,
                })
            };
            let qualifier = |m: &str, a: &str| {
                shares
                    .iter()
                    .find(|f| f.metric == m && f.audience.as_deref() == Some(a))
                    .and_then(|f| f.qualifier)
            };
            let mut best: Option<(&str, &str, f64)> = None;
            for m in &metrics {
                for a in &audiences {
                    if let Some(x) = value(m, a) {
                        if best.is_none_or(|(_, _, b)| x > b) {
                            best = Some((m, a, x));
                        }
                    }
                }
            }
            let description = match best {
                Some((m, a, x)) => self.chart_text(
                    "chart-results-desc",
                    &[
                        ("result", Arg::Text(self.metric_lower(m, diags).text)),
                        (
                            "audience",
                            Arg::Text(audience_name(Some(a)).unwrap_or_default()),
                        ),
                        ("value", Arg::Text(self.fmt(Format::Share, x))),
                    ],
                    diags,
                ),
                None => String::new(),
            };
            out.push(ChartData {
                id: "results".into(),
                kind: if audiences.len() == 1 {
                    ChartKind::Hbar
                } else {
                    ChartKind::Grouped
                },
                unit: ChartUnit::Share,
                format: Format::Share,
                title: self.msg("chart-results-title", &[], diags),
                description,
                category_heading: self.chart_text("campaign-metric", &[], diags),
                categories: metrics
                    .iter()
                    .map(|m| self.metric_name(m, diags).text)
                    .collect(),
                series: audiences
                    .iter()
                    .map(|a| {
                        Series::new(
                            audience_name(Some(a)).unwrap_or_default(),
                            metrics.iter().map(|m| value(m, a)).collect(),
                        )
                    })
                    .collect(),
                series_heading: self.chart_text("chart-audience", &[], diags),
                qualifiers: audiences
                    .iter()
                    .map(|a| metrics.iter().map(|m| qualifier(m, a)).collect())
                    .collect(),
                span: None,
            });
        }

        // Changes: before and after, as one bar per finding.
        let changes: Vec<(String, String, f64, Option<Qualifier>)> = c
            .results
            .iter()
            .filter_map(|f| match f.value {
                Value::Change(x) => Some((f, x)),
                _ => None,
            })
            .map(|(f, x)| {
                let name = self.metric_name(&f.metric, diags).text;
                let lower = self.metric_lower(&f.metric, diags).text;
                let (label, lower) = match audience_name(f.audience.as_deref()) {
                    Some(a) if c.audiences.len() > 1 => {
                        let with = |name: String, diags: &mut Diagnostics| {
                            let args = [
                                ("name", Arg::Text(name)),
                                ("audience", Arg::Text(a.clone())),
                            ];
                            self.chart_text("chart-label-audience", &args, diags)
                        };
                        (with(name, diags), with(lower, diags))
                    }
                    _ => (name, lower),
                };
                (label, lower, x, f.qualifier)
            })
            .collect();
        if !changes.is_empty() {
            let (top, x) = changes
                .iter()
                .fold(None::<(&str, f64)>, |best, (_, l, x, _)| match best {
                    Some((_, b)) if b.abs() >= x.abs() => best,
                    _ => Some((l, *x)),
                })
                .unwrap_or(("", 0.0));
            let description = self.chart_text(
                "chart-change-desc",
                &[
                    ("result", Arg::Text(top.to_string())),
                    ("value", Arg::Text(self.fmt(Format::Change, x))),
                ],
                diags,
            );
            out.push(ChartData {
                id: "change".into(),
                kind: ChartKind::Hbar,
                unit: ChartUnit::Share,
                format: Format::Change,
                title: self.msg("chart-change-title", &[], diags),
                description,
                category_heading: self.chart_text("campaign-metric", &[], diags),
                series: vec![Series::new(
                    self.chart_text("chart-change", &[], diags),
                    changes.iter().map(|(_, _, x, _)| Some(*x)).collect(),
                )],
                series_heading: String::new(),
                qualifiers: vec![changes.iter().map(|(_, _, _, q)| *q).collect()],
                categories: changes.into_iter().map(|(l, _, _, _)| l).collect(),
                span: None,
            });
        }
        out
    }

    /// The report's income and expenditure.
    pub fn finance_chart(&self, r: &Report, diags: &mut Diagnostics) -> Option<ChartData> {
        let f = r.finances.as_ref()?;
        let format = Format::Money(f.currency);
        let income = self.msg("finances-income", &[], diags).text;
        let expenditure = self.msg("finances-expenditure", &[], diags).text;
        let description = self.chart_text(
            "chart-finances-desc",
            &[
                ("income", Arg::Text(self.fmt(format, f.income))),
                ("expenditure", Arg::Text(self.fmt(format, f.expenditure))),
                ("period", Arg::Text(self.period(&f.period, diags))),
            ],
            diags,
        );
        Some(ChartData {
            id: "finances".into(),
            kind: ChartKind::Bar,
            unit: ChartUnit::Money,
            format,
            title: self.msg("finances-title", &[], diags),
            description,
            category_heading: self.chart_text("chart-item", &[], diags),
            categories: vec![income, expenditure],
            series: vec![Series::new(
                self.msg("chart-amount", &[], diags).text,
                vec![Some(f.income), Some(f.expenditure)],
            )],
            series_heading: String::new(),
            qualifiers: Vec::new(),
            span: None,
        })
    }

    /// A chart declared under `charts:`.
    pub fn declared_chart(&self, spec: &ChartSpec, diags: &mut Diagnostics) -> ChartData {
        let format = match spec.unit {
            ChartUnit::Count => Format::Count,
            ChartUnit::Share => Format::Share,
            ChartUnit::Money => Format::Number,
            ChartUnit::Duration => Format::Duration,
        };
        let points: Vec<(String, f64)> = spec
            .data
            .iter()
            .map(|d| (self.text(&d.label).text, d.value))
            .collect();
        let description = match spec.kind {
            ChartKind::Line if points.len() >= 2 => {
                let (first, last) = (&points[0], &points[points.len() - 1]);
                self.chart_text(
                    "chart-trend-desc",
                    &[
                        ("first_label", Arg::Text(first.0.clone())),
                        ("first", Arg::Text(self.fmt(format, first.1))),
                        ("last_label", Arg::Text(last.0.clone())),
                        ("last", Arg::Text(self.fmt(format, last.1))),
                    ],
                    diags,
                )
            }
            _ if !points.is_empty() => {
                let (label, value) = max_by_value(&points);
                self.chart_text(
                    "chart-highest-desc",
                    &[
                        ("label", Arg::Text(label.to_string())),
                        ("value", Arg::Text(self.fmt(format, value))),
                    ],
                    diags,
                )
            }
            _ => String::new(),
        };
        ChartData {
            id: spec.id.clone(),
            kind: spec.kind,
            unit: spec.unit,
            format,
            title: self.text(&spec.title),
            description,
            category_heading: self.chart_text("chart-item", &[], diags),
            series: vec![Series::new(
                self.chart_text("chart-value", &[], diags),
                points.iter().map(|(_, v)| Some(*v)).collect(),
            )],
            categories: points.into_iter().map(|(l, _)| l).collect(),
            series_heading: String::new(),
            qualifiers: Vec::new(),
            span: Some(spec.span),
        }
    }

    /// Draws `data`; a chart that cannot be drawn is an error naming it.
    pub fn draw(&self, data: &ChartData, diags: &mut Diagnostics) -> Option<DrawnChart> {
        let format = |x: f64| self.fmt(data.format, x);
        let percent = |x: f64| self.fmt(Format::Share, x);
        // The page's drawing and the phone's share everything but their
        // id and size.
        let chart_with_id = |id| Chart {
            title: &data.title.text,
            description: &data.description,
            categories: data.categories.clone(),
            series: data.series.clone(),
            percent: Some(&percent),
            palette: chart_palette(&self.site.config.brand),
            ..Chart::new(id, data.kind, data.unit, &format)
        };
        let chart = chart_with_id(ID_SLOT);
        // Only the chart stage draws, and it has the theme's font.
        let fonts = self.fonts?;
        // The phone's drawing: a chart that cannot be drawn narrow (which
        // the wide one could) is shown wide on phones too.
        let narrow_id = format!("{ID_SLOT}-narrow");
        let narrow_chart = Chart {
            width: charts::NARROW_WIDTH,
            height: match data.kind {
                ChartKind::Line => charts::default_size(ChartKind::Line).1,
                _ => 0,
            },
            narrow: true,
            ..chart_with_id(&narrow_id)
        };
        let (svg, size) = match charts::draw_svg_sized(&chart, fonts) {
            Ok(drawn) => drawn,
            Err(e) => {
                let error = super::RenderError::Chart {
                    span: data.span,
                    id: data.id.clone(),
                    reason: e.to_string().replace(ID_SLOT, &data.id),
                };
                diags.push(error.diagnostic());
                return None;
            }
        };
        let mut table = vec![std::iter::once(data.category_heading.clone())
            .chain(data.series.iter().map(|s| s.name.clone()))
            .collect::<Vec<_>>()];
        for (i, category) in data.categories.iter().enumerate() {
            let mut row = vec![category.clone()];
            for s in &data.series {
                row.push(match s.values.get(i).copied().flatten() {
                    Some(x) => self.fmt(data.format, x),
                    None => "–".into(),
                });
            }
            table.push(row);
        }
        let narrow_svg = charts::draw_svg(&narrow_chart, fonts)
            .ok()
            .map(|svg| Slotted::new(&svg));
        Some(DrawnChart {
            title: data.title.clone(),
            description: data.description.clone(),
            svg: Slotted::new(&svg),
            narrow_svg,
            table,
            show: self.msg("chart-show-data", &[], diags).text,
            get_data: self.msg("data-get", &[], diags).text,
            size,
            data: self.chart_dataset(data, diags),
        })
    }
}

/// The category with the largest value (the first of equals).
fn max_by_value(values: &[(String, f64)]) -> (&str, f64) {
    let mut best = (values[0].0.as_str(), values[0].1);
    for (label, v) in &values[1..] {
        if *v > best.1 {
            best = (label, *v);
        }
    }
    best
}

/// A chart as a page shows it: the caption, the drawing, and its numbers
/// in a table behind a disclosure.
fn figure_html(
    id: &str,
    title: &Localised,
    svg: &str,
    table: &[Vec<String>],
    show: &str,
    data: Option<(&str, &str)>,
) -> String {
    let lang = if title.fallback {
        format!(" lang=\"{}\" class=\"untranslated\"", title.lang)
    } else {
        String::new()
    };
    let mut rows = String::new();
    if let Some((head, body)) = table.split_first() {
        rows.push_str("<thead><tr>");
        for cell in head {
            rows.push_str(&format!("<th scope=\"col\">{}</th>", escape(cell)));
        }
        rows.push_str("</tr></thead><tbody>");
        for row in body {
            rows.push_str("<tr>");
            for (i, cell) in row.iter().enumerate() {
                if i == 0 {
                    rows.push_str(&format!("<th scope=\"row\">{}</th>", escape(cell)));
                } else {
                    // The column's name, shown beside the value when a
                    // phone stacks the table.
                    let label = head.get(i).map(String::as_str).unwrap_or_default();
                    rows.push_str(&format!(
                        "<td data-label=\"{}\">{}</td>",
                        escape(label),
                        escape(cell)
                    ));
                }
            }
            rows.push_str("</tr>");
        }
        rows.push_str("</tbody>");
    }
    let link = match data {
        Some((href, label)) => data_link(href, label),
        None => String::new(),
    };
    let title = escape(&title.text);
    let show = escape(show);
    let two = if svg.starts_with("<div class=\"chart-wide\">") {
        " chart-two"
    } else {
        ""
    };
    // Joined into one string of the right size: `format!` grew it by
    // doubling, copying the drawings (most of it) at every step.
    [
        "<figure class=\"chart",
        two,
        "\" id=\"",
        id,
        "\"><figcaption",
        &lang,
        ">",
        &title,
        "</figcaption>",
        svg,
        "<div class=\"chart-foot\"><details class=\"chart-data\"><summary>",
        &show,
        "</summary><div class=\"table-wrap\" tabindex=\"0\"><table><caption class=\"visually-hidden\">",
        &title,
        "</caption>",
        &rows,
        "</table></div></details>",
        &link,
        "</div></figure>",
    ]
    .concat()
}

/// A link to the CSV of a chart or table ("Get the data").
pub fn data_link(href: &str, label: &str) -> String {
    format!(
        "<a class=\"data-link\" href=\"{}\" type=\"text/csv\" download>{}</a>",
        escape(href),
        escape(label)
    )
}
