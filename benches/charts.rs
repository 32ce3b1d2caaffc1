//! Charts per second for each kind, and PNG social cards per second:
//! `cargo bench --bench charts` (add `-- --quick` for a fast estimate).

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use impact::charts::{draw_card_png, draw_svg, Card, Chart, Fonts, Series};
use impact::l10n::Formats;
use impact::model::{ChartKind, ChartUnit, Lang};

fn fonts() -> Fonts {
    Fonts::new(
        include_bytes!("../themes/default/fonts/DejaVuSans.ttf").to_vec(),
        Some(include_bytes!("../themes/default/fonts/DejaVuSans-Bold.ttf").to_vec()),
    )
    .expect("the theme font loads")
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn values(items: &[f64]) -> Vec<Option<f64>> {
    items.iter().copied().map(Some).collect()
}

fn charts(c: &mut Criterion) {
    let fonts = fonts();
    let lt = Formats::new(&Lang::parse("lt").expect("lt")).expect("CLDR data");
    let count = |x: f64| lt.number(x, 2);
    let share = |x: f64| lt.share(x);

    let bar = Chart {
        title: "Piliečių konsultacijų biuro bylos",
        description: "Po kampanijos bylų padaugėjo.",
        categories: strings(&["Liepa", "Rugpjūtis", "Rugsėjis", "Spalis", "Lapkritis"]),
        series: vec![Series::new(
            "Bylos",
            values(&[23.0, 19.0, 34.0, 41.0, 38.0]),
        )],
        ..Chart::new("bar", ChartKind::Bar, ChartUnit::Count, &count)
    };
    let grouped = Chart {
        title: "Elgtųsi kitaip",
        description: "Po kampanijos daugiau žmonių elgtųsi kitaip.",
        categories: strings(&["Linkolnšyras", "Lietuva", "Balis", "Kentas"]),
        series: vec![
            Series::new("Prieš", values(&[0.12, 0.15, 0.09, 0.11])),
            Series::new("Po", values(&[0.206, 0.308, 0.18, 0.16])),
            Series::new("Po pusmečio", values(&[0.19, 0.27, 0.2, 0.14])),
        ],
        ..Chart::new("grouped", ChartKind::Grouped, ChartUnit::Share, &share)
    };
    let donut = Chart {
        title: "Išlaidos",
        description: "Kampanijoms teko 61,5 % išlaidų.",
        categories: strings(&["Kampanijos", "Tyrimai", "Partnerystės", "Administravimas"]),
        series: vec![Series::new(
            "Išlaidos",
            values(&[438_500.0, 128_300.0, 85_600.0, 60_600.0]),
        )],
        percent: Some(&share),
        ..Chart::new("donut", ChartKind::Donut, ChartUnit::Money, &count)
    };
    let line = Chart {
        title: "Sesijos per mėnesį",
        description: "Daugiausia sesijų buvo spalį.",
        categories: (1..=12).map(|m| format!("2019-{m:02}")).collect(),
        series: vec![Series::new(
            "Sesijos",
            values(&[
                120.0, 180.0, 240.0, 310.0, 295.0, 420.0, 640.0, 910.0, 1320.0, 1849.0, 1210.0,
                860.0,
            ]),
        )],
        ..Chart::new("line", ChartKind::Line, ChartUnit::Count, &count)
    };

    let mut group = c.benchmark_group("charts");
    group
        .throughput(Throughput::Elements(1))
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for (name, chart) in [
        ("bar_5", &bar),
        ("grouped_3x4", &grouped),
        ("donut_4", &donut),
        ("line_12", &line),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| draw_svg(black_box(chart), &fonts).expect("draws"))
        });
    }
    let card = Card {
        title: "Poveikio ataskaita 2019–2020",
        figure: "1\u{a0}971\u{a0}352",
        figure_label: "žmonės, kuriuos pasiekė mūsų kampanijos",
        organisation: "STOP THE TRAFFIK",
        colour: impact::charts::palette::SERIES[0],
        logo: None,
    };
    group.sample_size(10);
    group.bench_function("card_png", |b| {
        b.iter(|| draw_card_png(black_box(&card), &fonts).expect("draws"))
    });
    group.finish();
}

criterion_group!(benches, charts);
criterion_main!(benches);
