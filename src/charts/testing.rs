//! Test fixtures: the theme font, real CLDR formatters, and sample charts
//! of every kind in English and Lithuanian with figures from the sample
//! site.

use std::sync::OnceLock;

use crate::l10n::Formats;
use crate::model::{ChartKind, ChartUnit, Lang};

use super::{Chart, Fonts, Series};

/// The theme font, registered once for all tests.
pub(crate) fn fonts() -> Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            Fonts::new(
                include_bytes!("../../themes/default/fonts/DejaVuSans.ttf").to_vec(),
                Some(include_bytes!("../../themes/default/fonts/DejaVuSans-Bold.ttf").to_vec()),
            )
            .expect("the theme font loads")
        })
        .clone()
}

/// CLDR formatters for `code` (`en`, `lt`).
pub(crate) fn formats(code: &str) -> Formats {
    Formats::new(&Lang::parse(code).expect("a known language")).expect("CLDR data")
}

/// The formatter a caller would pass for `unit`.
pub(crate) fn formatter(formats: &Formats, unit: ChartUnit) -> impl Fn(f64) -> String + '_ {
    move |x| match unit {
        ChartUnit::Share => formats.share(x),
        ChartUnit::Count | ChartUnit::Money => formats.number(x, 2),
        ChartUnit::Duration => formats.duration(x.round() as u64),
    }
}

/// Text and numbers of one sample chart.
pub(crate) struct Sample {
    pub kind: ChartKind,
    pub unit: ChartUnit,
    pub title: &'static str,
    pub description: &'static str,
    pub categories: Vec<&'static str>,
    pub series: Vec<(&'static str, Vec<Option<f64>>)>,
}

impl Sample {
    /// The chart, with `format` (and `percent` for donuts) as the caller
    /// would pass them.
    pub fn chart<'a>(
        &'a self,
        id: &'a str,
        format: &'a dyn Fn(f64) -> String,
        percent: &'a dyn Fn(f64) -> String,
    ) -> Chart<'a> {
        Chart {
            title: self.title,
            description: self.description,
            categories: self.categories.iter().map(|c| c.to_string()).collect(),
            series: self
                .series
                .iter()
                .map(|(name, values)| Series::new(*name, values.clone()))
                .collect(),
            percent: Some(percent),
            ..Chart::new(id, self.kind, self.unit, format)
        }
    }
}

/// A sample of `kind` in `lang` (`en` or `lt`).
pub(crate) fn sample(kind: ChartKind, lang: &str) -> Sample {
    let lt = lang == "lt";
    let pick = |en: &'static str, lt_text: &'static str| if lt { lt_text } else { en };
    match kind {
        ChartKind::Bar => Sample {
            kind,
            unit: ChartUnit::Count,
            title: pick("Citizens Advice cases", "Piliečių konsultacijų biuro bylos"),
            description: pick(
                "Cases rose from 23 to 34 after the campaign.",
                "Po kampanijos bylų padaugėjo nuo 23 iki 34.",
            ),
            categories: vec![
                pick("July 2018", "2018 m. liepa"),
                pick("Dec 2018", "2018 m. gruodis"),
                pick("June 2019", "2019 m. birželis"),
                pick("Dec 2019", "2019 m. gruodis"),
                pick("June 2020", "2020 m. birželis"),
            ],
            series: vec![(
                pick("Cases", "Bylos"),
                vec![
                    Some(23.0),
                    Some(19.0),
                    Some(34.0),
                    Some(1250.0),
                    Some(515_839.0),
                ],
            )],
        },
        ChartKind::Hbar => Sample {
            kind,
            unit: ChartUnit::Count,
            title: pick("Reach per audience", "Pasiekimas pagal auditoriją"),
            description: pick(
                "Lithuania was reached most: 515,839 people.",
                "Daugiausia pasiekta Lietuvoje: 515 839 žmonės.",
            ),
            categories: vec![
                pick("Lincolnshire, UK", "Linkolnšyras, JK"),
                pick("Lithuania", "Lietuva"),
                pick(
                    "Lithuanian communities in the UK",
                    "Lietuvių bendruomenės Jungtinėje Karalystėje",
                ),
                pick("Bali", "Balis"),
            ],
            series: vec![(
                pick("Reach", "Pasiekimas"),
                vec![
                    Some(11_972.0),
                    Some(515_839.0),
                    Some(97_193.0),
                    Some(23_488.0),
                ],
            )],
        },
        ChartKind::Grouped => Sample {
            kind,
            unit: ChartUnit::Share,
            title: pick("Would behave differently", "Elgtųsi kitaip"),
            description: pick(
                "After the campaign 30.8% in Lithuania would behave differently.",
                "Po kampanijos 30,8 % apklaustųjų Lietuvoje būtų pasielgę kitaip.",
            ),
            categories: vec![
                pick("Lincolnshire", "Linkolnšyras"),
                pick("Lithuania", "Lietuva"),
                pick("Bali", "Balis"),
                pick("Kent", "Kentas"),
            ],
            series: vec![
                (
                    pick("Before", "Prieš"),
                    vec![Some(0.12), Some(0.15), Some(0.09), Some(0.11)],
                ),
                (
                    pick("After", "Po"),
                    vec![Some(0.206), Some(0.308), Some(0.18), None],
                ),
                (
                    pick("Six months on", "Po šešių mėnesių"),
                    vec![Some(0.19), Some(0.27), Some(0.2), Some(0.14)],
                ),
            ],
        },
        ChartKind::Line => Sample {
            kind,
            unit: ChartUnit::Count,
            title: pick(
                "Landing page sessions per month",
                "Nukreipimo puslapio sesijos per mėnesį",
            ),
            description: pick(
                "Sessions peaked at 1,849 in October.",
                "Daugiausia sesijų – 1 849 – buvo spalį.",
            ),
            categories: if lt {
                vec![
                    "2019 m. sausis",
                    "2019 m. vasaris",
                    "2019 m. kovas",
                    "2019 m. balandis",
                    "2019 m. gegužė",
                    "2019 m. birželis",
                    "2019 m. liepa",
                    "2019 m. rugpjūtis",
                    "2019 m. rugsėjis",
                    "2019 m. spalis",
                    "2019 m. lapkritis",
                    "2019 m. gruodis",
                ]
            } else {
                vec![
                    "Jan 2019", "Feb 2019", "Mar 2019", "Apr 2019", "May 2019", "Jun 2019",
                    "Jul 2019", "Aug 2019", "Sep 2019", "Oct 2019", "Nov 2019", "Dec 2019",
                ]
            },
            series: vec![(
                pick("Sessions", "Sesijos"),
                [
                    120.0, 180.0, 240.0, 310.0, 295.0, 420.0, 640.0, 910.0, 1320.0, 1849.0, 1210.0,
                    860.0,
                ]
                .into_iter()
                .map(Some)
                .collect(),
            )],
        },
        ChartKind::Donut => Sample {
            kind,
            unit: ChartUnit::Money,
            title: pick("Where the money went", "Kur buvo išleisti pinigai"),
            description: pick(
                "Campaigns took 61.5% of expenditure.",
                "Kampanijoms teko 61,5 % išlaidų.",
            ),
            categories: vec![
                pick("Campaigns", "Kampanijos"),
                pick("Research and monitoring", "Tyrimai ir tęstinė stebėsena"),
                pick("Partnerships", "Partnerystės"),
                pick(
                    "Administration and fundraising",
                    "Administravimas ir lėšų rinkimas",
                ),
            ],
            series: vec![(
                pick("Expenditure", "Išlaidos"),
                vec![
                    Some(438_500.0),
                    Some(128_300.0),
                    Some(85_600.0),
                    Some(60_600.0),
                ],
            )],
        },
    }
}

/// Every chart kind.
pub(crate) const KINDS: [ChartKind; 5] = [
    ChartKind::Bar,
    ChartKind::Hbar,
    ChartKind::Grouped,
    ChartKind::Line,
    ChartKind::Donut,
];
