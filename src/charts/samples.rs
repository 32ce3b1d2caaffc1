//! Every sample chart in both languages, the layouts the standard samples
//! do not reach and a social card per language: each checked for what it
//! is meant to show, then written to `target/chart-samples/` for a person
//! to look at (`cargo test --lib charts::samples`).

use std::path::{Path, PathBuf};

use crate::model::{ChartKind, ChartUnit};

use super::figure::{Figure, Shape};
use super::palette::series_fill;
use super::testing::{fonts, formats, formatter, sample, KINDS};
use super::tests::assert_accessible;
use super::{
    draw_card_png, draw_svg, kind_name, lay_out, Card, Chart, Series, CARD_HEIGHT, CARD_WIDTH,
};

#[test]
fn samples_show_what_they_are_for_and_are_written_to_look_at() {
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
            assert_accessible(&svg, &id, &crate::markup::escape(s.title));
            std::fs::write(dir.join(format!("{id}.svg")), svg).unwrap();
        }
        let card = if lang == "lt" {
            Card {
                title: "Poveikio ataskaita 2019–2020",
                figure: "1\u{a0}971\u{a0}352",
                figure_label: "žmonės, kuriuos pasiekė mūsų kampanijos",
                organisation: "STOP THE TRAFFIK",
                colour: super::palette::SERIES[0],
                logo: None,
            }
        } else {
            Card {
                title: "Impact report 2019–2020",
                figure: "1,971,352",
                figure_label: "people reached by our campaigns",
                organisation: "STOP THE TRAFFIK",
                colour: super::palette::SERIES[0],
                logo: None,
            }
        };
        let png = draw_card_png(&card, &fonts()).unwrap();
        assert_card_is_inked(&png);
        std::fs::write(dir.join(format!("card-{lang}.png")), png).unwrap();
    }
    write_awkward_samples(&dir);
}

/// A decoded card is the Open Graph size, and about a tenth of it or less
/// is ink: text and the band, not a blank or a flooded canvas.
fn assert_card_is_inked(png: &[u8]) {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(png));
    decoder.set_transformations(png::Transformations::IDENTITY);
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut pixels).unwrap();
    assert_eq!((info.width, info.height), (CARD_WIDTH, CARD_HEIGHT));
    let inked = pixels.iter().filter(|&&p| p != 0).count();
    let share = inked as f64 / pixels.len() as f64;
    assert!((0.02..0.15).contains(&share), "{inked} pixels inked");
}

/// The (width, height) of every filled rectangle of a figure.
fn rects(figure: &Figure) -> Vec<(f64, f64)> {
    figure
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Rect { x0, y0, x1, y1, .. } => Some((x1 - x0, y1 - y0)),
            _ => None,
        })
        .collect()
}

/// How many strokes of series `k`'s colour a figure has (its line's runs
/// and its legend key).
fn strokes(figure: &Figure, k: usize) -> usize {
    let colour = series_fill(k).0;
    figure
        .shapes
        .iter()
        .filter(|s| matches!(s, Shape::Path { colour: c, width: 3, .. } if *c == colour))
        .count()
}

/// Layouts the standard samples do not reach, checked and written:
/// vertical grouped bars with patterns, two lines with a gap, bars whose
/// labels force them sideways.
fn write_awkward_samples(dir: &Path) {
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
    let fonts = fonts();
    // Grouped bars whose labels fit stay vertical: the tallest bar is
    // several times as tall as it is wide, and the series carry patterns.
    let figure = lay_out(&grouped, &fonts).unwrap();
    assert!(
        rects(&figure).iter().any(|(w, h)| *h > 3.0 * w),
        "grouped bars turned sideways: {:?}",
        rects(&figure)
    );
    // A gap breaks the first line in two; the second runs whole (each
    // also has its legend key).
    let figure = lay_out(&lines, &fonts).unwrap();
    assert_eq!((strokes(&figure, 0), strokes(&figure, 1)), (3, 2));
    // Labels too long to stand under the bars turn the bars sideways.
    let figure = lay_out(&sideways, &fonts).unwrap();
    assert!(
        rects(&figure).iter().all(|(w, h)| h < w || *h <= 24.0),
        "{:?}",
        rects(&figure)
    );
    for chart in [grouped, lines, sideways] {
        let svg = draw_svg(&chart, &fonts).unwrap();
        assert_accessible(&svg, chart.id, chart.title);
        std::fs::write(dir.join(format!("{}.svg", chart.id)), svg).unwrap();
    }
    let grouped_svg = std::fs::read_to_string(dir.join("grouped-vertical.svg")).unwrap();
    assert!(grouped_svg.contains("<pattern id=\"grouped-vertical-"));
}
