//! Every kind drawn in English and Lithuanian, checked as a reader and the
//! site's CSP would see it; and every awkward input drawn without a panic.

use crate::model::{ChartKind, ChartUnit};

use super::figure::Figure;
use super::testing::{fonts, formats, formatter, sample, KINDS};
use super::{draw_card_png, draw_svg, lay_out, Card, Chart, ChartError, Series};

/// Draws the sample of `kind` in `lang`.
fn sample_svg(kind: ChartKind, lang: &str) -> String {
    let f = formats(lang);
    let s = sample(kind, lang);
    let format = formatter(&f, s.unit);
    let percent = |x: f64| f.share(x);
    let id = format!("{}-{lang}", super::kind_name(kind));
    draw_svg(&s.chart(&id, &format, &percent), &fonts()).expect("the sample draws")
}

/// The root `<svg …>` tag.
fn root(svg: &str) -> &str {
    svg.split_once('>').map_or("", |(tag, _)| tag)
}

/// The text of every `<text>` element.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let (_, rest) = t.split_once('>')?;
            let (content, _) = rest.split_once("</text>")?;
            Some(content.to_string())
        })
        .collect()
}

/// Element names open and closed in order: a cheap well-formedness check.
fn assert_balanced(svg: &str) {
    let mut stack = Vec::new();
    for part in svg.split('<').skip(1) {
        let tag = part.split(['>', ' ', '/', '\n']).next().unwrap_or_default();
        if let Some(name) = part.strip_prefix('/') {
            let name = name.split('>').next().unwrap_or_default();
            assert_eq!(stack.pop(), Some(name.to_string()), "unbalanced </{name}>");
        } else if !part.split('>').next().unwrap_or_default().ends_with('/') {
            stack.push(tag.to_string());
        }
    }
    assert!(stack.is_empty(), "unclosed {stack:?}");
}

pub(super) fn assert_accessible(svg: &str, id: &str, title: &str) {
    let root = root(svg);
    assert!(root.contains(r#"role="img""#), "{root}");
    assert!(root.contains(&format!(r#"aria-labelledby="{id}-title {id}-desc""#)));
    assert!(root.contains(r#"viewBox="0 0 "#));
    assert!(root.contains(r#"width="100%""#));
    assert!(!root.contains("height="), "fixed height left: {root}");
    assert!(
        root.contains(r#"font-family="&#39;DejaVu Sans&#39;, sans-serif""#),
        "{root}"
    );
    let after_root = &svg[root.len() + 2..];
    assert!(after_root.starts_with(&format!(
        "<title id=\"{id}-title\">{title}</title>\n<desc id=\"{id}-desc\">"
    )));
    assert!(!svg.contains("style="), "inline style found");
    assert!(
        !svg.contains("impact-chart-font"),
        "internal font name leaked"
    );
    for id_attr in svg.split(" id=\"").skip(1) {
        assert!(
            id_attr.starts_with(&format!("{id}-")),
            "id not prefixed: {id_attr:.40}"
        );
    }
    assert_balanced(svg);
}

#[test]
fn every_kind_in_english_is_accessible_text_with_formatted_numbers() {
    for kind in KINDS {
        let svg = sample_svg(kind, "en");
        let s = sample(kind, "en");
        let id = format!("{}-en", super::kind_name(kind));
        assert_accessible(&svg, &id, s.title);
        let texts = texts(&svg).join(" ");
        // A line chart labels every other month when they do not all fit.
        let every = if kind == ChartKind::Line { 2 } else { 1 };
        for category in s.categories.iter().step_by(every) {
            for word in category.split(' ') {
                assert!(
                    texts.contains(word),
                    "{kind:?}: `{word}` missing from {texts}"
                );
            }
        }
        let expected = match kind {
            ChartKind::Bar | ChartKind::Hbar => "515,839",
            ChartKind::Grouped => "30.8%",
            ChartKind::Line => "1,849",
            ChartKind::Donut => "61.5% (438,500)",
        };
        assert!(
            texts.contains(expected),
            "{kind:?}: no `{expected}` in {texts}"
        );
    }
}

#[test]
fn every_kind_in_lithuanian_keeps_letters_and_cldr_numbers() {
    for kind in KINDS {
        let svg = sample_svg(kind, "lt");
        let s = sample(kind, "lt");
        let id = format!("{}-lt", super::kind_name(kind));
        assert_accessible(&svg, &id, s.title);
        let texts = texts(&svg).join(" ");
        // A line chart labels every other month when they do not all fit.
        let every = if kind == ChartKind::Line { 2 } else { 1 };
        for category in s.categories.iter().step_by(every) {
            for word in category.split(' ') {
                assert!(
                    texts.contains(word),
                    "{kind:?}: `{word}` missing from {texts}"
                );
            }
        }
        let expected = match kind {
            ChartKind::Bar | ChartKind::Hbar => "515\u{a0}839",
            ChartKind::Grouped => "30,8\u{a0}%",
            ChartKind::Line => "1\u{a0}849",
            ChartKind::Donut => "61,5\u{a0}% (438\u{a0}500)",
        };
        assert!(
            texts.contains(expected),
            "{kind:?}: no `{expected}` in {texts}"
        );
        // The only character reference is the escaped quote of the font name.
        assert!(
            !svg.replace("&#39;", "").contains("&#"),
            "letters must stay characters"
        );
    }
    let all: String = KINDS.iter().map(|&k| sample_svg(k, "lt")).collect();
    for letter in ['ą', 'č', 'ę', 'ė', 'į', 'š', 'ų', 'ū', 'ž'] {
        assert!(all.contains(letter), "`{letter}` missing");
    }
}

#[test]
fn share_axes_run_to_100_percent_in_both_languages() {
    let en = texts(&sample_svg(ChartKind::Grouped, "en"));
    assert!(
        en.contains(&"100%".to_string()) && en.contains(&"0%".to_string()),
        "{en:?}"
    );
    let lt = texts(&sample_svg(ChartKind::Grouped, "lt"));
    assert!(lt.contains(&"100\u{a0}%".to_string()), "{lt:?}");
}

#[test]
fn grouped_series_have_legend_names_and_patterns() {
    let svg = sample_svg(ChartKind::Grouped, "en");
    let texts = texts(&svg);
    for name in ["Before", "After", "Six months on"] {
        assert!(texts.contains(&name.to_string()), "legend lacks {name}");
    }
    assert!(svg.contains("<pattern id=\"grouped-en-diagonal\""));
    assert!(svg.contains("fill=\"url(#grouped-en-dots)\""));
}

#[test]
fn the_same_chart_gives_the_same_bytes() {
    for kind in KINDS {
        for lang in ["en", "lt"] {
            assert_eq!(
                sample_svg(kind, lang),
                sample_svg(kind, lang),
                "{kind:?} {lang}"
            );
        }
    }
}

/// No two labels overlap and none leaves the canvas.
fn assert_labels_clear(figure: &Figure, what: &str) {
    let boxes = figure.text_boxes(&fonts());
    let (w, h) = (f64::from(figure.width), f64::from(figure.height));
    for (i, (text, b)) in boxes.iter().enumerate() {
        assert!(
            b[0] >= -0.5 && b[1] >= -0.5 && b[2] <= w + 0.5 && b[3] <= h + 0.5,
            "{what}: `{text}` {b:?} leaves the {w}x{h} canvas"
        );
        for (other, c) in &boxes[i + 1..] {
            let apart = b[2] <= c[0] || c[2] <= b[0] || b[3] <= c[1] || c[3] <= b[1];
            assert!(apart, "{what}: `{text}` {b:?} overlaps `{other}` {c:?}");
        }
    }
}

#[test]
fn sample_labels_never_overlap() {
    for kind in KINDS {
        for lang in ["en", "lt"] {
            let f = formats(lang);
            let s = sample(kind, lang);
            let format = formatter(&f, s.unit);
            let percent = |x: f64| f.share(x);
            let figure = lay_out(&s.chart("c", &format, &percent), &fonts()).unwrap();
            assert_labels_clear(&figure, &format!("{kind:?} {lang}"));
        }
    }
}

/// A chart of `kind` over `categories` with one series of `values`.
fn draw(
    kind: ChartKind,
    categories: &[&str],
    values: &[Option<f64>],
) -> Result<String, ChartError> {
    let f = formats("lt");
    let format = formatter(&f, ChartUnit::Count);
    let chart = Chart {
        categories: categories.iter().map(|c| c.to_string()).collect(),
        series: vec![Series::new("Reikšmės", values.to_vec())],
        ..Chart::new("edge", kind, ChartUnit::Count, &format)
    };
    draw_svg(&chart, &fonts())
}

#[test]
fn no_data_is_an_error_not_a_panic() {
    for kind in KINDS {
        assert!(
            matches!(draw(kind, &[], &[]), Err(ChartError::NoData { .. })),
            "{kind:?}"
        );
        let nothing = draw(kind, &["a", "b"], &[None, Some(f64::NAN)]);
        assert!(
            matches!(nothing, Err(ChartError::NoData { .. })),
            "{kind:?}"
        );
        let f = formats("en");
        let format = formatter(&f, ChartUnit::Count);
        let no_series = Chart {
            categories: vec!["a".into()],
            ..Chart::new("x", kind, ChartUnit::Count, &format)
        };
        assert!(matches!(
            draw_svg(&no_series, &fonts()),
            Err(ChartError::NoData { .. })
        ));
    }
}

#[test]
fn zeros_single_values_and_gaps_draw() {
    for kind in [
        ChartKind::Bar,
        ChartKind::Hbar,
        ChartKind::Grouped,
        ChartKind::Line,
    ] {
        let zeros = draw(kind, &["a", "b", "c"], &[Some(0.0); 3]).unwrap();
        assert!(texts(&zeros).contains(&"0".to_string()), "{kind:?}");
        draw(kind, &["vienas"], &[Some(7.0)]).unwrap();
        draw(kind, &["a", "b", "c"], &[Some(1.0), None, Some(f64::NAN)]).unwrap();
        draw(kind, &["a", "b"], &[Some(-5.0), Some(3.0)]).unwrap();
        draw(kind, &["a", "b"], &[Some(f64::INFINITY), Some(3.0)]).unwrap();
    }
    assert!(matches!(
        draw(ChartKind::Donut, &["a", "b"], &[Some(0.0), Some(0.0)]),
        Err(ChartError::NoData { .. })
    ));
    draw(ChartKind::Donut, &["vienas"], &[Some(7.0)]).unwrap();
    draw(
        ChartKind::Donut,
        &["a", "b", "c"],
        &[Some(1.0), None, Some(0.0)],
    )
    .unwrap();
    assert!(matches!(
        draw(ChartKind::Donut, &["a", "b"], &[Some(-1.0), Some(2.0)]),
        Err(ChartError::NegativeSlice { .. })
    ));
}

#[test]
fn huge_numbers_draw_or_fail_cleanly() {
    for kind in KINDS {
        draw(kind, &["a", "b"], &[Some(1e300), Some(2e300)]).unwrap();
        match draw(kind, &["a", "b"], &[Some(f64::MAX), Some(f64::MAX)]) {
            Ok(_) | Err(ChartError::OutOfRange { .. }) => {}
            Err(e) => panic!("{kind:?}: {e}"),
        }
        let _ = draw(kind, &["a", "b"], &[Some(f64::MAX), Some(-f64::MAX)]);
        draw(kind, &["a"], &[Some(1e-300)]).unwrap();
    }
}

#[test]
fn long_labels_wrap_instead_of_overlapping_on_pages_and_phones() {
    let long =
        "Lietuvių bendruomenės Jungtinėje Karalystėje ir Airijoje, kurioms kampanija buvo skirta";
    let word = "Nepriklausomybėsatkūrimodienosminėjimorenginiųdalyviai";
    let f = formats("lt");
    let format = formatter(&f, ChartUnit::Count);
    for kind in KINDS {
        for categories in [vec![long, "Balis", word], vec![long; 12], vec![word; 30]] {
            let n = categories.len();
            let chart = Chart {
                categories: categories.iter().map(|c| c.to_string()).collect(),
                series: vec![Series::new(
                    long,
                    (0..n).map(|i| Some(1000.0 * i as f64 + 5.0)).collect(),
                )],
                ..Chart::new("long", kind, ChartUnit::Count, &format)
            };
            let figure = lay_out(&chart, &fonts()).unwrap();
            assert_labels_clear(&figure, &format!("{kind:?} with {n} long labels"));
            // The phone's drawing of the same chart keeps them inside too.
            let narrow = Chart {
                width: super::NARROW_WIDTH,
                height: 0,
                narrow: true,
                ..chart
            };
            let figure = lay_out(&narrow, &fonts()).unwrap();
            assert_labels_clear(&figure, &format!("narrow {kind:?} with {n} long labels"));
        }
    }
}

#[test]
fn long_series_names_wrap_in_the_legend() {
    let long = "Lietuvių bendruomenės Jungtinėje Karalystėje ir Airijoje po kampanijos";
    let f = formats("lt");
    let format = formatter(&f, ChartUnit::Share);
    for kind in [ChartKind::Grouped, ChartKind::Line] {
        let chart = Chart {
            categories: vec!["a".into(), "b".into()],
            series: (0..7)
                .map(|k| Series::new(format!("{long} {k}"), vec![Some(0.1 * k as f64), Some(0.5)]))
                .collect(),
            ..Chart::new("legend", kind, ChartUnit::Share, &format)
        };
        assert_labels_clear(&lay_out(&chart, &fonts()).unwrap(), &format!("{kind:?}"));
    }
}

#[test]
fn wrong_shapes_are_errors() {
    let f = formats("en");
    let format = formatter(&f, ChartUnit::Count);
    let two = Chart {
        categories: vec!["a".into()],
        series: vec![
            Series::new("x", vec![Some(1.0)]),
            Series::new("y", vec![Some(2.0)]),
        ],
        ..Chart::new("two", ChartKind::Bar, ChartUnit::Count, &format)
    };
    assert!(matches!(
        draw_svg(&two, &fonts()),
        Err(ChartError::SeriesCount { count: 2, .. })
    ));
    let short = Chart {
        categories: vec!["a".into(), "b".into()],
        series: vec![Series::new("x", vec![Some(1.0)])],
        ..Chart::new("short", ChartKind::Line, ChartUnit::Count, &format)
    };
    let err = draw_svg(&short, &fonts()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "chart `short`: series `x` has 1 values for 2 categories"
    );
    for bad in ["", "two words", "a\"b", "ą"] {
        let chart = Chart {
            categories: vec!["a".into()],
            series: vec![Series::new("x", vec![Some(1.0)])],
            ..Chart::new(bad, ChartKind::Bar, ChartUnit::Count, &format)
        };
        assert!(matches!(
            draw_svg(&chart, &fonts()),
            Err(ChartError::InvalidId { .. })
        ));
    }
}

#[test]
fn markup_in_text_is_escaped() {
    let evil = |_: f64| "<script>&\u{1}".to_string();
    for kind in KINDS {
        let chart = Chart {
            title: "A & B <c>",
            description: "\"quoted\" 'single'",
            categories: vec!["<b>bold</b>".into(), "x\ny".into()],
            series: vec![Series::new("</text>", vec![Some(1.0), Some(2.0)])],
            ..Chart::new("esc", kind, ChartUnit::Count, &evil)
        };
        let svg = draw_svg(&chart, &fonts()).unwrap();
        assert!(
            !svg.contains("<script>") && !svg.contains("<b>"),
            "{kind:?}"
        );
        assert!(svg.contains("<title id=\"esc-title\">A &amp; B &lt;c&gt;</title>"));
        assert!(!svg.contains('\u{1}'));
        assert_balanced(&svg);
    }
}

#[test]
fn tiny_and_huge_canvases_draw() {
    let f = formats("en");
    let format = formatter(&f, ChartUnit::Count);
    for kind in KINDS {
        for (width, height) in [(0, 0), (1, 1), (100_000, 100_000)] {
            let chart = Chart {
                categories: vec!["Lithuanian communities".into(), "Bali".into()],
                series: vec![Series::new("x", vec![Some(1.0), Some(2.0)])],
                width,
                height,
                ..Chart::new("size", kind, ChartUnit::Count, &format)
            };
            let figure = lay_out(&chart, &fonts()).unwrap();
            assert_labels_clear(&figure, &format!("{kind:?} {width}x{height}"));
        }
    }
}

#[test]
fn many_categories_draw() {
    let f = formats("en");
    let format = formatter(&f, ChartUnit::Count);
    let categories: Vec<String> = (0..120).map(|i| format!("Category {i}")).collect();
    for kind in KINDS {
        let chart = Chart {
            categories: categories.clone(),
            series: vec![Series::new(
                "x",
                (0..120).map(|i| Some(f64::from(i))).collect(),
            )],
            ..Chart::new("many", kind, ChartUnit::Count, &format)
        };
        let figure = lay_out(&chart, &fonts()).unwrap();
        assert_labels_clear(&figure, &format!("{kind:?} with 120 categories"));
    }
}

#[test]
fn bars_with_long_labels_turn_horizontal() {
    let f = formats("lt");
    let format = formatter(&f, ChartUnit::Count);
    let chart = Chart {
        categories: vec![
            "Lietuvių bendruomenės Jungtinėje Karalystėje ir Airijoje".into(),
            "Nepriklausomybėsatkūrimodienos".into(),
        ],
        series: vec![Series::new("x", vec![Some(1.0), Some(2.0)])],
        ..Chart::new("turn", ChartKind::Bar, ChartUnit::Count, &format)
    };
    let figure = lay_out(&chart, &fonts()).unwrap();
    let rects: Vec<_> = figure
        .shapes
        .iter()
        .filter_map(|s| match s {
            super::figure::Shape::Rect { x0, y0, x1, y1, .. } => Some((x1 - x0, y1 - y0)),
            _ => None,
        })
        .collect();
    assert_eq!(rects.len(), 2);
    assert!(rects.iter().all(|(w, h)| h < w || *h <= 24.0), "{rects:?}");
}

#[test]
fn a_card_is_a_1200_by_630_png() {
    let card = Card {
        title: "Poveikio ataskaita 2019–2020",
        figure: "1\u{a0}971\u{a0}352",
        figure_label: "pasiekta žmonių",
        organisation: "STOP THE TRAFFIK",
        colour: crate::charts::palette::SERIES[0],
        logo: None,
    };
    let png = draw_card_png(&card, &fonts()).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(&png[12..16], b"IHDR");
    assert_eq!(
        u32::from_be_bytes([png[16], png[17], png[18], png[19]]),
        1200
    );
    assert_eq!(
        u32::from_be_bytes([png[20], png[21], png[22], png[23]]),
        630
    );
    assert_eq!(&png[png.len() - 8..png.len() - 4], b"IEND");
    assert_eq!(
        png,
        draw_card_png(&card, &fonts()).unwrap(),
        "cards are deterministic"
    );
}

#[test]
fn a_card_with_overlong_text_still_draws() {
    let long = "Lietuvių bendruomenės Jungtinėje Karalystėje ir Airijoje ".repeat(8);
    let card = Card {
        title: &long,
        figure: "123\u{a0}456\u{a0}789\u{a0}012\u{a0}345\u{a0}678",
        figure_label: &long,
        organisation: &long,
        colour: crate::charts::palette::SERIES[0],
        logo: None,
    };
    draw_card_png(&card, &fonts()).unwrap();
    let empty = Card {
        title: "",
        figure: "",
        figure_label: "",
        organisation: "",
        colour: crate::charts::palette::SERIES[0],
        logo: None,
    };
    draw_card_png(&empty, &fonts()).unwrap();
}

/// Every kind's narrow layout, in both languages: drawn at the phone's
/// width (never widened), every label clear of the others and inside, no
/// text under 14 px in the drawing (13 px or more on a 320 px screen);
/// bars, grouped bars and donuts become horizontal bars with each label
/// above its bars, starting at the left edge.
#[test]
fn narrow_layouts_fit_a_phone() {
    use super::figure::Shape;
    use super::NARROW_WIDTH;
    for kind in KINDS {
        for lang in ["en", "lt"] {
            let f = formats(lang);
            let s = sample(kind, lang);
            let format = formatter(&f, s.unit);
            let percent = |x: f64| f.share(x);
            let chart = Chart {
                width: NARROW_WIDTH,
                height: if kind == ChartKind::Line { 340 } else { 0 },
                narrow: true,
                ..s.chart("n", &format, &percent)
            };
            let what = format!("narrow {kind:?} {lang}");
            let figure = lay_out(&chart, &fonts()).unwrap();
            assert_eq!(figure.width, NARROW_WIDTH, "{what}");
            assert_labels_clear(&figure, &what);
            for shape in &figure.shapes {
                if let Shape::Text(l) = shape {
                    assert!(l.px >= 14.0, "{what}: `{}` at {} px", l.text, l.px);
                }
            }
            if kind != ChartKind::Line {
                let boxes = figure.text_boxes(&fonts());
                for category in &s.categories {
                    let first = category.split(' ').next().unwrap();
                    let label = boxes
                        .iter()
                        .find(|(t, _)| t.starts_with(first))
                        .unwrap_or_else(|| panic!("{what}: no label `{category}`"));
                    assert!(
                        (label.1[0] - super::figure::PAD).abs() < 0.5,
                        "{what}: `{}` does not start at the left edge: {:?}",
                        label.0,
                        label.1
                    );
                }
            }
            let svg = draw_svg(&chart, &fonts()).unwrap();
            assert_accessible(&svg, "n", s.title);
        }
    }
}
