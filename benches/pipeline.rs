//! The stages of a build, one benchmark each: Markdown of a sample story,
//! Fluent messages and CLDR number formats, one PDF typeset by Typst, and
//! the whole sample site with and without PDFs.
//!
//! `cargo bench --bench pipeline` (add `-- --quick` for a fast estimate,
//! or a filter such as `-- l10n`). Figures are in docs/PERFORMANCE.md.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use impact::build::{self, BuildOptions};
use impact::document::{Placement, Target};
use impact::l10n::{Arg, Formats, Localiser};
use impact::markdown::{self, RenderOptions, Resolver, Shortcode};
use impact::model::{Date, Lang};

/// The project root: the sample site, its locales and the default theme.
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).expect("the sample site is in the checkout")
}

/// Links and shortcodes resolve to fixed HTML, so only Markdown is timed.
struct Fixed;

impl Resolver for Fixed {
    fn link(&self, path: &str) -> Result<Target, String> {
        Ok(Target::Page {
            path: format!("{}/index.html", path.trim_start_matches("@/")),
            fragment: String::new(),
        })
    }
    fn shortcode(&self, _sc: &Shortcode) -> Result<Placement, String> {
        Ok(Placement::Metric {
            key: "reach".into(),
            text: "515 839".into(),
        })
    }
    fn media(&self, path: &str) -> Result<Target, String> {
        Ok(Target::Media {
            path: path.to_string(),
            source: path.to_string(),
        })
    }
}

fn markdown(c: &mut Criterion) {
    let mut group = c.benchmark_group("markdown");
    for (lang, file) in [
        ("en", "content/campaigns/lithuanian-communities/story.en.md"),
        ("lt", "content/campaigns/lithuanian-communities/story.lt.md"),
    ] {
        let body = read(file);
        let opts = RenderOptions {
            lang,
            allow_raw_html: false,
            id_prefix: "story-",
            footnotes_label: "Notes",
        };
        group.throughput(Throughput::Bytes(body.len() as u64));
        group.bench_function(BenchmarkId::new("story", lang), |b| {
            b.iter(|| markdown::render(black_box(&body), &opts, &Fixed))
        });
    }
    group.finish();
}

fn l10n(c: &mut Criterion) {
    let lt = Lang::parse("lt").expect("lt");
    let loaded = impact::load::load_site(&root());
    let site = loaded.site.expect("the sample site loads");
    let mut diags = Default::default();
    let l10n =
        Localiser::new(&site, &loaded.sources, false, &mut diags).expect("the sample locales");
    let formats = l10n.formats(&lt);
    let date = Date::parse("2019-07-01").expect("a date");

    let mut group = c.benchmark_group("l10n");
    group.throughput(Throughput::Elements(1));
    group.bench_function("fluent_text", |b| {
        b.iter(|| {
            l10n.text(&lt, black_box("report-headline"))
                .expect("exists")
        })
    });
    group.bench_function("fluent_plural_number", |b| {
        b.iter(|| {
            l10n.message(
                &lt,
                black_box("report-campaigns-count"),
                &[("count", Arg::Number(1_971_352.0))],
            )
            .expect("exists")
        })
    });
    group.bench_function("count", |b| b.iter(|| formats.count(black_box(515_839))));
    group.bench_function("share", |b| b.iter(|| formats.share(black_box(0.308))));
    group.bench_function("date", |b| b.iter(|| formats.date(black_box(date))));
    group.bench_function("formats_new", |b| {
        b.iter(|| Formats::new(black_box(&lt)).expect("CLDR data"))
    });
    group.finish();
}

/// A report as the render stage makes one: a cover, six sections of
/// paragraphs, a table, a quote and a chart drawn by plotters.
#[cfg(feature = "pdf")]
fn report_document(chart_svg: String) -> impact::pdf::PdfDocument {
    use impact::pdf::{Block, FigureItem, Inline, Labels, PdfDocument, PdfSection};
    let para = |s: &str| Block::Paragraph {
        text: vec![Inline::text(s)],
    };
    let prose = "Kampaniją įvertino „Humankind Research“. Trumpų vaizdo įrašų serija perspėjo \
                 Linkolnšyre ir visoje Lietuvoje gyvenančius lietuvius apie per gerus, kad būtų \
                 tiesa, darbo pasiūlymus; ąčęėįšųūž ir ĄČĘĖĮŠŲŪŽ raidės turi išlikti kopijuojant.";
    let cell = |s: &str| vec![Inline::text(s)];
    let sections = (1..=6)
        .map(|i| PdfSection {
            title: format!("Skyrius {i}"),
            bookmark: true,
            blocks: vec![
                para(prose),
                Block::Heading {
                    level: 2,
                    text: vec![Inline::text("Ką parodė apklausos")],
                },
                para(prose),
                Block::Table {
                    header: vec![cell("Rezultatas"), cell("JK"), cell("Lietuva")],
                    rows: (0..5)
                        .map(|_| {
                            vec![
                                cell("Po vaizdo įrašo elgtųsi kitaip"),
                                cell("20,6\u{a0}%"),
                                cell("30,8\u{a0}%"),
                            ]
                        })
                        .collect(),
                    caption: Some("Apklausų rezultatai".into()),
                    numeric_columns: vec![false, true, true],
                },
                Block::Quote {
                    text: vec![Inline::text("Niekada nemaniau, kad tai gali nutikti man.")],
                    who: Some("Moteris, 46 m.".into()),
                },
                Block::Chart {
                    svg: chart_svg.clone(),
                    caption: "Pasiekta žmonių".into(),
                },
                para(prose),
            ],
        })
        .collect();
    let figure = |value: &str, label: &str| FigureItem {
        value: value.into(),
        label: label.into(),
        prefix: String::new(),
    };
    PdfDocument {
        lang: "lt".into(),
        title: "Poveikio ataskaita 2019–2020".into(),
        period: "2019 m. sausio 1 d. – 2020 m. rugpjūčio 31 d.".into(),
        organisation: "STOP THE TRAFFIK".into(),
        version: "2019-01-01–2020-08-31 · 3f2a9c1b".into(),
        summary: prose.into(),
        cover_figures: vec![
            figure("9", "kampanijos"),
            figure("1\u{a0}971\u{a0}352", "pasiekti žmonės"),
        ],
        labels: Labels {
            contents: "Turinys".into(),
            page_of: "{page} psl. iš {total}".into(),
            version: "Versija".into(),
            notes: "Pastabos".into(),
        },
        sections,
        created: Some("2020-09-01".into()),
        ..PdfDocument::default()
    }
}

#[cfg(feature = "pdf")]
fn pdf(c: &mut Criterion) {
    use impact::charts::{draw_svg, Chart, Fonts, Series};
    use impact::model::{ChartKind, ChartUnit};
    use impact::pdf::{PdfEngine, FONT_FILES, TEMPLATE_FILE};

    let theme = root().join("themes/default");
    let template = std::fs::read_to_string(theme.join(TEMPLATE_FILE)).expect("the template");
    let font_bytes: Vec<Vec<u8>> = FONT_FILES
        .iter()
        .map(|f| std::fs::read(theme.join(f)).expect("a theme font"))
        .collect();
    let fonts = Fonts::new(font_bytes[0].clone(), Some(font_bytes[1].clone())).expect("fonts");
    let lt = Formats::new(&Lang::parse("lt").expect("lt")).expect("CLDR data");
    let count = |x: f64| lt.number(x, 0);
    let chart = Chart {
        title: "Pasiekta žmonių",
        description: "Daugiausia žmonių pasiekta Lietuvoje.",
        categories: vec!["Linkolnšyras".into(), "Lietuva".into(), "Balis".into()],
        series: vec![Series::new(
            "Pasiekta",
            vec![Some(11_972.0), Some(515_839.0), Some(348_873.0)],
        )],
        ..Chart::new("reach", ChartKind::Hbar, ChartUnit::Count, &count)
    };
    let svg = draw_svg(&chart, &fonts).expect("draws");
    let doc = report_document(svg);

    let mut group = c.benchmark_group("pdf");
    group
        .sample_size(10)
        .throughput(Throughput::Elements(1))
        .measurement_time(Duration::from_secs(10));
    group.bench_function("engine_new", |b| {
        b.iter(|| PdfEngine::new(template.clone(), font_bytes.clone()).expect("engine"))
    });
    let engine = PdfEngine::new(template.clone(), font_bytes.clone()).expect("engine");
    // Typst memoises: the same document again is mostly a cache hit, as
    // is the unchanged part of a report rebuilt in `serve`.
    group.bench_function("report_lt_same", |b| {
        b.iter(|| engine.render(black_box(&doc)).expect("typesets"))
    });
    // A document Typst has not seen, as each report of a build is: every
    // paragraph differs, so little is reused.
    let mut n = 0u64;
    group.bench_function("report_lt_new", |b| {
        b.iter_batched(
            || {
                n += 1;
                let mut fresh = doc.clone();
                for s in &mut fresh.sections {
                    for block in &mut s.blocks {
                        if let impact::pdf::Block::Paragraph { text } = block {
                            text.push(impact::pdf::Inline::text(format!(" ({n})")));
                        }
                    }
                }
                fresh
            },
            |fresh| engine.render(&fresh).expect("typesets"),
            criterion::BatchSize::SmallInput,
        )
    });
    group.finish();
}

#[cfg(not(feature = "pdf"))]
fn pdf(_c: &mut Criterion) {}

/// The whole sample site (`impact build`), written to a temporary folder.
fn site(c: &mut Criterion) {
    let out = tempfile::tempdir().expect("a temporary folder");
    let options = |pdf: bool| BuildOptions {
        root: root(),
        out: out.path().join("site"),
        allow_missing: false,
        write: true,
        pdf,
    };
    let pages = build::run(&options(false)).pages;

    let mut group = c.benchmark_group("site");
    group
        .sample_size(10)
        .throughput(Throughput::Elements(pages as u64))
        .measurement_time(Duration::from_secs(10));
    group.bench_function("sample_no_pdf", |b| b.iter(|| built(&options(false))));
    if cfg!(feature = "pdf") {
        group.bench_function("sample_with_pdf", |b| b.iter(|| built(&options(true))));
    }
    group.finish();
}

fn built(opts: &BuildOptions) -> usize {
    let outcome = build::run(opts);
    assert!(!outcome.failed(), "the sample site builds");
    assert!(Path::new(&opts.out).join("index.html").exists());
    outcome.files
}

/// Inputs that grew work quadratically (issue 23): 16 000 headings with
/// the same text (each id was tried against every earlier twin) and 64 000
/// shortcodes (each placement searched the whole page). Both are one pass
/// now; these keep them so.
fn hostile_markdown(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile");
    group.sample_size(10);
    let opts = RenderOptions {
        lang: "en",
        allow_raw_html: false,
        id_prefix: "story-",
        footnotes_label: "Notes",
    };
    let headings = "## Results\n\nText.\n\n".repeat(16_000);
    group.bench_function("16000 same headings", |b| {
        b.iter(|| markdown::render(black_box(&headings), &opts, &Fixed))
    });
    let shortcodes = "We reached {{ metric(key=\"reach\") }} people. ".repeat(64_000);
    group.bench_function("64000 shortcodes", |b| {
        b.iter(|| markdown::render(black_box(&shortcodes), &opts, &Fixed))
    });
    group.finish();
}

criterion_group!(benches, markdown, hostile_markdown, l10n, pdf, site);
criterion_main!(benches);
