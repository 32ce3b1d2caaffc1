//! The engine on sample reports: it renders, deterministically, with the
//! metadata and fonts a partner's PDF reader needs, and prints hostile text
//! as written. Checks that read the PDF back use poppler's tools: a bare
//! `cargo test` reports them ignored, CI installs poppler-utils and runs
//! them with `--include-ignored`.

mod sample;

use std::io::Write;
use std::process::Command;
use std::sync::OnceLock;
use std::time::Instant;

use super::{Block, FigureItem, Inline, PdfDocument, PdfEngine, PdfError, PdfSection};
use sample::text;

const TEMPLATE: &str = include_str!("../../../themes/default/pdf/report.typ");

fn fonts() -> Vec<Vec<u8>> {
    vec![
        include_bytes!("../../../themes/default/fonts/DejaVuSans.ttf").to_vec(),
        include_bytes!("../../../themes/default/fonts/DejaVuSans-Bold.ttf").to_vec(),
        include_bytes!("../../../themes/default/fonts/DejaVuSans-Oblique.ttf").to_vec(),
        include_bytes!("../../../themes/default/fonts/DejaVuSans-BoldOblique.ttf").to_vec(),
    ]
}

fn engine() -> &'static PdfEngine {
    static ENGINE: OnceLock<PdfEngine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        PdfEngine::new(TEMPLATE.to_owned(), fonts()).expect("the default template loads")
    })
}

/// Renders `doc`, failing the test with Typst's messages, and insists on no
/// warnings (a warning is usually a missing glyph or font).
fn render(doc: &PdfDocument) -> Vec<u8> {
    let rendered = match engine().render_with_warnings(doc) {
        Ok(rendered) => rendered,
        Err(err) => panic!("{err}"),
    };
    let warnings: Vec<String> = rendered.warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        warnings.is_empty(),
        "typst warned:\n{}",
        warnings.join("\n")
    );
    rendered.pdf
}

/// Runs a poppler tool on `pdf`. Only ignored tests call it (see the top
/// of this file); without the tool they fail, saying so.
fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let mut file = tempfile::Builder::new()
        .suffix(".pdf")
        .tempfile()
        .expect("a temporary file");
    file.write_all(pdf).expect("the PDF written");
    let output = Command::new(tool)
        .args(args)
        .arg(file.path())
        .args(tool_tail(tool))
        .output()
        .unwrap_or_else(|e| panic!("{tool} did not run ({e}): apt-get install poppler-utils"));
    assert!(
        output.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// pdftotext writes to a file unless told `-` for standard output.
fn tool_tail(tool: &str) -> &'static [&'static str] {
    if tool == "pdftotext" {
        &["-"]
    } else {
        &[]
    }
}

/// pdftotext may write U+00A0 as a plain space; both are right.
fn contains_either_space(haystack: &str, needle_with_nbsp: &str) -> bool {
    haystack.contains(needle_with_nbsp)
        || haystack.contains(&needle_with_nbsp.replace('\u{a0}', " "))
}

#[test]
fn english_and_lithuanian_samples_render_as_pdf() {
    for doc in [sample::english(), sample::lithuanian()] {
        let pdf = render(&doc);
        assert!(
            pdf.starts_with(b"%PDF-"),
            "{} PDF does not start with %PDF",
            doc.lang
        );
        assert!(pdf.len() > 10_000, "{} PDF is suspiciously small", doc.lang);
    }
}

#[test]
fn same_document_gives_identical_bytes() {
    let doc = sample::lithuanian();
    let first = render(&doc);
    let second = render(&doc);
    assert!(first == second, "two renders of the same document differ");
    let other_engine = PdfEngine::new(TEMPLATE.to_owned(), fonts()).unwrap();
    assert!(
        other_engine.render(&doc).unwrap() == first,
        "a second engine gives different bytes"
    );
}

#[test]
fn catalog_names_language_and_date() {
    let pdf = render(&sample::lithuanian());
    let raw = String::from_utf8_lossy(&pdf);
    assert!(raw.contains("/Lang (lt)"), "catalog has no /Lang (lt)");
    assert!(
        raw.contains("D:20191231"),
        "creation date is not the document's date"
    );
}

#[test]
#[ignore = "needs pdfinfo (poppler-utils)"]
fn metadata_names_title_language_and_date() {
    let doc = sample::lithuanian();
    let pdf = render(&doc);
    let info = poppler("pdfinfo", &["-isodates"], &pdf);
    // pdfinfo pads its keys differently from one poppler version to the next.
    let field = |key: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(key)?.strip_prefix(':').map(str::trim))
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(field("Title"), doc.title, "{info}");
    assert_eq!(field("Author"), "STOP THE TRAFFIK", "{info}");
    assert!(field("Keywords").starts_with("prekyba žmonėmis"), "{info}");
    assert!(field("CreationDate").starts_with("2019-12-31"), "{info}");
    assert!(
        field("Page size").starts_with("595.276 x 841.89 pts (A4)"),
        "{info}"
    );
    let pages: u32 = field("Pages").parse().expect("pdfinfo prints a page count");
    assert!(
        pages >= 4,
        "cover, contents and two sections need 4 pages, got {pages}"
    );
}

#[test]
#[ignore = "needs pdftotext (poppler-utils)"]
fn lithuanian_text_copies_out_and_fonts_are_embedded() {
    let pdf = render(&sample::lithuanian());
    let text = poppler("pdftotext", &["-enc", "UTF-8"], &pdf);
    for letter in [
        "ą", "č", "ę", "ė", "į", "š", "ų", "ū", "ž", "Ą", "Č", "Ę", "Ė", "Į", "Š", "Ų", "Ū", "Ž",
    ] {
        assert!(
            text.contains(letter),
            "{letter} missing from the text:\n{text}"
        );
    }
    assert!(
        text.contains("„Lietuvos bendruomenės“"),
        "„…“ lost:\n{text}"
    );
    assert!(
        contains_either_space(&text, "515\u{a0}839"),
        "515 839 lost:\n{text}"
    );
    // The chart's labels are text in the PDF, not outlines.
    assert!(
        text.contains("Chartų tekstas lieka tekstu"),
        "chart text is not text:\n{text}"
    );
    // Footer: page numbers in the language's form, the version on every page.
    assert!(
        text.contains("2 psl. iš "),
        "no Lithuanian page numbers:\n{text}"
    );
    assert!(text.contains("3f2a9c1b"), "no version string:\n{text}");
    // Contents and the footnote.
    assert!(text.contains("Turinys"), "{text}");
    assert!(
        text.contains("Abu kampanijos etapai kartu"),
        "footnote text missing:\n{text}"
    );

    let fonts = poppler("pdffonts", &[], &pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "no fonts listed:\n{fonts}");
    for row in rows {
        let columns: Vec<&str> = row.split_whitespace().collect();
        // name type [encoding…] emb sub uni object-id generation
        let emb = columns[columns.len() - 5];
        assert_eq!(emb, "yes", "font not embedded: {row}");
    }
}

#[test]
#[ignore = "needs pdftotext (poppler-utils)"]
fn english_footer_uses_english_page_numbers() {
    let pdf = render(&sample::english());
    let text = poppler("pdftotext", &["-enc", "UTF-8"], &pdf);
    assert!(
        text.contains("Page 2 of "),
        "no English page numbers:\n{text}"
    );
    assert!(
        !text.contains("psl. iš"),
        "Lithuanian label in the English PDF"
    );
}

/// Strings that would be code or markup if pasted into Typst source.
const HOSTILE: [&str; 10] = [
    "#panic(\"x\")",
    "$x$",
    "*bold*",
    "<script>alert(1)</script>",
    "back\\slash",
    "close]bracket",
    "_under_ `tick` @ref <label>",
    "#{ 1 + 1 }",
    "// not a comment",
    "= not a heading",
];

fn hostile_document() -> PdfDocument {
    let lines: Vec<Inline> = HOSTILE
        .iter()
        .flat_map(|s| [text(s), Inline::LineBreak])
        .collect();
    let mut doc = sample::english();
    doc.title = "#panic(\"title\") ]".into();
    doc.summary = "$x$ *bold* \\ ]".into();
    doc.organisation = "#set page(paper: \"a5\")".into();
    doc.version = "#v ] \\".into();
    doc.labels.page_of = "{page} #of {total} ]".into();
    doc.cover_figures = vec![FigureItem {
        value: "#1".into(),
        label: "]*x*".into(),
        prefix: "$y$".into(),
    }];
    doc.sections.push(PdfSection {
        title: "#heading[x]".into(),
        bookmark: true,
        blocks: vec![
            Block::Paragraph {
                text: lines.clone(),
            },
            Block::Heading {
                level: 3,
                text: vec![text("#h(1em) ]")],
            },
            Block::Table {
                header: vec![vec![text("#table]")]],
                rows: vec![vec![
                    vec![text("*cell*")],
                    vec![text("extra cell, no header")],
                ]],
                caption: Some("#caption ]".into()),
                numeric_columns: vec![true, false, true],
            },
            Block::Quote {
                text: vec![text("\"quoted\" #quote")],
                who: Some("] who".into()),
            },
            Block::Paragraph {
                text: vec![Inline::Link {
                    url: "#not-a-url\"]".into(),
                    children: vec![text("link ]")],
                }],
            },
            Block::Paragraph {
                text: vec![Inline::FootnoteRef {
                    label: "#missing".into(),
                }],
            },
            Block::Footnotes {
                items: vec![("#n".into(), vec![text("#unused note ]")])],
            },
            Block::Paragraph { text: vec![] },
            Block::List {
                ordered: true,
                items: vec![vec![], vec![Block::Rule]],
            },
            Block::Table {
                header: vec![],
                rows: vec![],
                caption: None,
                numeric_columns: vec![],
            },
            Block::Figures { items: vec![] },
        ],
    });
    doc
}

#[test]
#[ignore = "needs pdftotext (poppler-utils)"]
fn hostile_text_prints_literally() {
    let pdf = render(&hostile_document());
    let out = poppler("pdftotext", &["-enc", "UTF-8"], &pdf);
    for s in HOSTILE {
        assert!(out.contains(s), "{s:?} did not print literally:\n{out}");
    }
    for s in [
        "#panic(\"title\") ]",
        "$x$ *bold* \\ ]",
        "#SET PAGE(PAPER: \"A5\")",
        "#v ] \\",
        "#of",
        "$y$",
        "]*x*",
        "#heading[x]",
        "#h(1em) ]",
        "#table]",
        "*cell*",
        "#caption ]",
        "\"quoted\" #quote",
        "] who",
        "link ]",
        "[#missing]",
        "#unused note ]",
    ] {
        assert!(out.contains(s), "{s:?} did not print literally:\n{out}");
    }
}

#[test]
fn bad_language_and_date_are_errors_not_panics() {
    let mut doc = sample::english();
    doc.lang = "english\"); panic(".into();
    assert!(matches!(
        engine().render(&doc),
        Err(PdfError::BadLanguage(_))
    ));
    let mut doc = sample::english();
    doc.created = Some("2019-02-30".into());
    assert!(matches!(engine().render(&doc), Err(PdfError::BadDate(_))));
    doc.created = None;
    assert!(engine().render(&doc).is_ok(), "no creation date is fine");
}

#[test]
fn broken_chart_svg_is_an_error_naming_the_template_line() {
    let mut doc = sample::english();
    doc.sections[0].blocks.push(Block::Chart {
        svg: "<svg><rect".into(),
        caption: "broken".into(),
    });
    let err = engine()
        .render(&doc)
        .expect_err("a broken SVG cannot be drawn");
    let message = err.to_string();
    assert!(message.contains("pdf/report.typ:"), "{message}");
    assert!(message.to_lowercase().contains("svg"), "{message}");
}

#[test]
fn template_errors_name_file_line_and_column() {
    let broken = "#let data = json(\"data.json\")\n#text(data.nothing)\n".to_owned();
    let engine = PdfEngine::new(broken, fonts()).unwrap();
    let message = engine.render(&sample::english()).unwrap_err().to_string();
    assert!(message.contains("pdf/report.typ:2:"), "{message}");

    let syntax = "#let x = (\n".to_owned();
    let message = PdfEngine::new(syntax, fonts())
        .err()
        .expect("syntax error caught early")
        .to_string();
    assert!(message.contains("pdf/report.typ:"), "{message}");
}

#[test]
fn files_and_fonts_outside_the_world_are_not_reachable() {
    let template = "#read(\"/etc/passwd\")".to_owned();
    let engine = PdfEngine::new(template, fonts()).unwrap();
    let message = engine.render(&sample::english()).unwrap_err().to_string();
    assert!(message.contains("not found"), "{message}");

    assert!(matches!(
        PdfEngine::new(TEMPLATE.into(), vec![b"not a font".to_vec()]),
        Err(PdfError::BadFont { index: 0 })
    ));
    assert!(matches!(
        PdfEngine::new(TEMPLATE.into(), vec![]),
        Err(PdfError::NoFonts { given: 0 })
    ));
}

#[test]
fn engine_is_send_and_sync_and_renders_in_parallel() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<PdfEngine>();
    let docs = [sample::english(), sample::lithuanian()];
    let expected: Vec<Vec<u8>> = docs.iter().map(render).collect();
    std::thread::scope(|scope| {
        let handles: Vec<_> = docs
            .iter()
            .map(|doc| scope.spawn(move || engine().render(doc).unwrap()))
            .collect();
        for (handle, expected) in handles.into_iter().zip(&expected) {
            assert!(
                handle.join().unwrap() == *expected,
                "parallel render differs"
            );
        }
    });
}

/// `cargo test --release --lib pdf::tests::time_per_pdf -- --ignored --nocapture`
#[test]
#[ignore = "timing, run by hand; needs pdfinfo (poppler-utils)"]
fn time_per_pdf() {
    let doc = sample::long_lithuanian();
    let started = Instant::now();
    let first = render(&doc);
    let cold = started.elapsed();
    let info = poppler("pdfinfo", &[], &first);
    let pages = info
        .lines()
        .find(|l| l.starts_with("Pages:"))
        .unwrap_or("Pages: ?");
    println!("long sample: {pages}, {} KiB", first.len() / 1024);
    let runs = 20;
    let started = Instant::now();
    for n in 0..runs {
        let mut doc = doc.clone();
        // A different version each time, so no run is answered from cache.
        doc.version = format!("2019-01-01–2019-12-31 · run {n}");
        render(&doc);
    }
    let warm = started.elapsed() / runs;
    println!(
        "first PDF (engine warm-up included): {cold:?}; then {warm:?} per PDF over {runs} runs"
    );
}
