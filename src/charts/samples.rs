//! Writes every sample chart, in both languages, and a social card to
//! `target/chart-samples/`, to look at: `cargo test --lib charts::samples`.
//! The test only fails if a sample cannot be drawn or written.

use std::path::PathBuf;

use crate::model::{ChartKind, ChartUnit};

use super::testing::{fonts, formats, formatter, sample, KINDS};
use super::{draw_card_png, draw_svg, kind_name, Card, Chart, Series};

#[test]
fn write_samples() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/chart-samples");
    std::fs::create_dir_all(&dir).unwrap();
    for lang in ["en", "lt"] {
        let f = formats(lang);
        for kind in KINDS {
            let s = sample(kind, lang);
            let format = formatter(&f, s.unit);
            let percent = |x: f64| f.share(x);
            let id = format!("{}-{lang}", kind_name(kind));
            let svg = draw_svg(&s.chart(&id, &format, &percent), &fonts()).unwrap();
            std::fs::write(dir.join(format!("{id}.svg")), svg).unwrap();
        }
        let card = if lang == "lt" {
            Card {
                title: "Poveikio ataskaita 2019–2020",
                figure: "1\u{a0}971\u{a0}352",
                figure_label: "žmonės, kuriuos pasiekė mūsų kampanijos",
                organisation: "STOP THE TRAFFIK",
            }
        } else {
            Card {
                title: "Impact report 2019–2020",
                figure: "1,971,352",
                figure_label: "people reached by our campaigns",
                organisation: "STOP THE TRAFFIK",
            }
        };
        let png = draw_card_png(&card, &fonts()).unwrap();
        std::fs::write(dir.join(format!("card-{lang}.png")), png).unwrap();
    }
    write_awkward_samples(&dir);
}

/// Layouts the standard samples do not reach: vertical grouped bars with
/// patterns, two lines with a gap, bars whose labels force them sideways.
fn write_awkward_samples(dir: &std::path::Path) {
    let f = formats("lt");
    let count = formatter(&f, ChartUnit::Count);
    let names = ["Prieš", "Po", "Po šešių mėnesių"];
    let grouped = Chart {
        title: "Bylos",
        categories: ["2018 m.", "2019 m.", "2020 m.", "2021 m."]
            .map(String::from)
            .to_vec(),
        series: names
            .iter()
            .enumerate()
            .map(|(k, n)| {
                Series::new(
                    *n,
                    (0..4)
                        .map(|i| Some(f64::from(5 + 7 * k as u32 + 3 * i)))
                        .collect(),
                )
            })
            .collect(),
        ..Chart::new(
            "grouped-vertical",
            ChartKind::Grouped,
            ChartUnit::Count,
            &count,
        )
    };
    let lines = Chart {
        title: "Sesijos",
        categories: [
            "sausis",
            "vasaris",
            "kovas",
            "balandis",
            "gegužė",
            "birželis",
        ]
        .map(String::from)
        .to_vec(),
        series: vec![
            Series::new(
                "Linkolnšyras",
                vec![
                    Some(120.0),
                    Some(180.0),
                    None,
                    Some(310.0),
                    Some(295.0),
                    Some(420.0),
                ],
            ),
            Series::new(
                "Lietuva",
                vec![
                    Some(820.0),
                    Some(640.0),
                    Some(910.0),
                    Some(1320.0),
                    Some(1849.0),
                    Some(1210.0),
                ],
            ),
        ],
        ..Chart::new("line-two", ChartKind::Line, ChartUnit::Count, &count)
    };
    let sideways = Chart {
        title: "Pasiekimas",
        categories: vec![
            "Lietuvių bendruomenės Jungtinėje Karalystėje ir Airijoje".into(),
            "Nepriklausomybėsatkūrimodienosminėjimas".into(),
            "Balis".into(),
        ],
        series: vec![Series::new(
            "Pasiekimas",
            vec![Some(97_193.0), Some(0.0), Some(23_488.0)],
        )],
        ..Chart::new("bar-sideways", ChartKind::Bar, ChartUnit::Count, &count)
    };
    for chart in [grouped, lines, sideways] {
        let svg = draw_svg(&chart, &fonts()).unwrap();
        std::fs::write(dir.join(format!("{}.svg", chart.id)), svg).unwrap();
    }
}
