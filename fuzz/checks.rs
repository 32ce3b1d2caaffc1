//! What each fuzz target checks, one function per target taking the raw
//! input. Shared by the targets in `fuzz_targets/` and by the project's
//! `tests/fuzz_regressions.rs`, which runs the seed corpus and every input a
//! fuzzer once crashed on through the same functions on every `cargo test`.
//!
//! Each function feeds the input to the project's real entry points, prints
//! the diagnostics as the command line would, and panics only where the
//! project misbehaved (a panic inside the project counts the same).

#![allow(dead_code)]

use std::collections::BTreeMap;

use impact::diagnostics::{render, render_short, Diagnostic, Diagnostics};
use impact::document::{ChartRef, Owner, Placement, Target};
use impact::l10n::{Arg, Localiser};
use impact::load::{campaign_from_yaml, read_markdown};
use impact::markdown::{self, RenderOptions, Resolver, Shortcode};
use impact::model::{FluentFile, Lang, SourceMap, Span};

/// The site languages every check uses.
fn en_lt() -> (Lang, Lang) {
    match (Lang::parse("en"), Lang::parse("lt")) {
        (Some(en), Some(lt)) => (en, lt),
        _ => unreachable!("en and lt are language codes"),
    }
}

/// Prints every diagnostic both ways, as `impact build` and the tests do.
fn print(diags: &Diagnostics, sources: &SourceMap) {
    let _ = render(diags, sources, false);
    for d in diags.sorted() {
        let _ = render_short(&d, sources);
    }
}

/// Resolves some links, shortcodes and images and refuses the rest, so
/// that both paths are taken.
struct SomeResolve;

impl Resolver for SomeResolve {
    fn link(&self, path: &str) -> Result<Target, String> {
        match path.len() % 2 {
            0 => Ok(Target::Page {
                path: "en/r/bali/index.html".into(),
                fragment: String::new(),
            }),
            _ => Err(format!("there is no page {path}")),
        }
    }
    fn shortcode(&self, sc: &Shortcode) -> Result<Placement, String> {
        match sc.name.as_str() {
            "metric" => Ok(Placement::Metric {
                key: "reach".into(),
                text: "515\u{a0}839".into(),
            }),
            "quote" | "chart" => Ok(Placement::Chart(Box::new(ChartRef {
                owner: Owner::Campaign("x".into()),
                id: "q".into(),
            }))),
            other => Err(format!("unknown shortcode `{other}`")),
        }
    }
    fn media(&self, path: &str) -> Result<Target, String> {
        match path.ends_with(".jpg") {
            true => Ok(Target::Media {
                path: "assets/media/photo.jpg".into(),
                source: format!("content/campaigns/x/{path}"),
            }),
            false => Err(format!("no file {path}")),
        }
    }
}

/// A Markdown file as the loader reads it (front matter, then the body),
/// rendered in both languages with and without raw HTML, its problems
/// turned into diagnostics and printed. Raw HTML must never get through
/// when the site does not allow it.
pub fn markdown_page(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // What the loader does to every text file before parsing it.
    let text = text
        .strip_prefix('\u{feff}')
        .unwrap_or(text)
        .replace("\r\n", "\n");
    let mut sources = SourceMap::default();
    let file = sources.add("content/campaigns/x/story.lt.md".into(), text);
    let text = sources.get(file).text.clone();
    let mut diags = Diagnostics::default();
    let Some(doc) = read_markdown(file, &text, &mut diags) else {
        assert!(diags.has_errors(), "a document refused without a reason");
        print(&diags, &sources);
        return;
    };
    for (lang, allow_raw_html) in [("en", false), ("lt", false), ("lt", true)] {
        let opts = RenderOptions {
            lang,
            allow_raw_html,
            id_prefix: "story",
            footnotes_label: "Notes",
        };
        let (html, problems) = markdown::render(doc.body(), &opts, &SomeResolve);
        if !allow_raw_html {
            assert!(
                !html.to_ascii_lowercase().contains("<script"),
                "raw HTML got through: {html}"
            );
        }
        for p in problems {
            let line = p.line.saturating_add(doc.body_line_offset);
            diags.push(Diagnostic::error(Span::at(file, line, p.col), p.message).help(p.help));
        }
    }
    print(&diags, &sources);
}

/// A `campaign.yaml` parsed and converted to the model as the loader does
/// it. A refused file must come with an error.
pub fn campaign_yaml(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (en, lt) = en_lt();
    let mut sources = SourceMap::default();
    let file = sources.add("content/campaigns/x/campaign.yaml".into(), text.to_string());
    let mut diags = Diagnostics::default();
    let campaign = campaign_from_yaml(file, text, "x", &[en, lt], &mut diags);
    if campaign.is_none() {
        assert!(diags.has_errors(), "a campaign refused without a reason");
    }
    print(&diags, &sources);
}

/// Numbers a message may be given: plural edge cases of Lithuanian, a
/// fraction, a negative, huge and not-a-number values.
const NUMBERS: [f64; 7] = [1.0, 22.0, 2.5, -3.0, 1e21, f64::MAX, f64::NAN];

/// Two `.ftl` files, English and Lithuanian (the input split at its first
/// NUL byte), loaded into the site's Fluent bundles with every check the
/// build makes, then every message formatted with numbers that exercise
/// the plural rules and the number formatter.
pub fn fluent_locales(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (en_text, lt_text) = text.split_once('\0').unwrap_or((text, ""));
    let (en, lt) = en_lt();
    let mut sources = SourceMap::default();
    let en_file = sources.add("locales/en/fuzz.ftl".into(), en_text.to_string());
    let lt_file = sources.add("locales/lt/fuzz.ftl".into(), lt_text.to_string());
    let locales = BTreeMap::from([
        (en.clone(), vec![FluentFile { file: en_file }]),
        (lt.clone(), vec![FluentFile { file: lt_file }]),
    ]);
    let langs = [
        (en.clone(), "en".to_string()),
        (lt.clone(), "lt".to_string()),
    ];
    let span = Span::file(en_file);
    let mut diags = Diagnostics::default();
    if let Some(l10n) = Localiser::with_locales(&langs, &locales, span, &sources, false, &mut diags)
    {
        for lang in [&en, &lt] {
            let ids: Vec<String> = l10n
                .messages(lang)
                .map(|(id, _, _)| id.to_string())
                .collect();
            for id in ids.iter().take(64) {
                for n in NUMBERS {
                    let args = [
                        ("count", Arg::Number(n)),
                        ("name", Arg::Text("Ąžuolas".into())),
                    ];
                    let _ = l10n.message(lang, id, &args);
                }
                let _ = l10n.text(lang, id);
            }
        }
    }
    print(&diags, &sources);
}
