//! One document, every output: every placement of the document model
//! (figure, quote, chart, image) appears exactly once in the page that
//! shows it, once in its report's single-file HTML and once in its PDF.
//! Checked on the sample site and on `tests/fixtures/every-shortcode`,
//! whose stories write every shortcode with and without spaces (the PDF
//! once showed `{{ quote(n = 1) }}` twice: it searched the text for
//! `quote(n=1)`).

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use common::*;
use impact::diagnostics::Diagnostics;
use impact::document::{Block, ChartRef, Doc, Inline, Owner, Placement};
use impact::l10n::Localiser;
use impact::render::documents::{Documents, ReportDoc};
use impact::render::{Drawn, Pages, Renderer, SiteOptions};

/// The sample site with the fixture's files laid over it.
fn every_shortcode_site() -> tempfile::TempDir {
    let site = sample_site();
    copy_dir(
        &project().join("tests/fixtures/every-shortcode"),
        site.path(),
    );
    site
}

/// The documents and drawings of the site at `root`, as a build makes them.
fn model(root: &Path) -> (impact::model::Site, Documents, Drawn) {
    let loaded = impact::load::load_site(root);
    let mut site = loaded.site.expect("the site loads");
    // The image stage, as a build runs it (from the build's cache).
    let cache = impact::images::Cache::of_site(root, false);
    let (photos, errors, _) = impact::images::process(&site.media, &cache, true);
    assert!(errors.is_empty(), "{errors:?}");
    site.photos = photos;
    let mut diags = Diagnostics::default();
    let l10n = Localiser::new(&site, &loaded.sources, false, &mut diags).expect("localises");
    let opts = SiteOptions {
        pdf: false,
        preview: false,
    };
    let Ok(renderer) = Renderer::new(&site, &loaded.sources, Arc::new(l10n), opts) else {
        panic!("the theme loads")
    };
    let docs = renderer.documents(&site, Pages::All, &mut diags);
    let drawn = renderer.charts(&site, &docs, &mut diags);
    assert!(!diags.has_errors(), "{diags:?}");
    (site, docs, drawn)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// The placements of a text, with those in its inline runs.
fn placements(doc: &Doc) -> Vec<Placement> {
    doc.placements().into_iter().cloned().collect()
}

/// What one part (a campaign, or the report's own texts) shows.
#[derive(Default, Debug)]
struct Shown {
    quotes: Vec<String>,
    charts: Vec<ChartRef>,
    figures: Vec<String>,
    phrases: Vec<String>,
    images: usize,
}

impl Shown {
    fn add(&mut self, p: &Placement) {
        match p {
            Placement::Quote(q) => self.quotes.push(q.text.text.clone()),
            Placement::Chart(c) => self.charts.push((**c).clone()),
            Placement::Metric { text, .. } => self.figures.push(text.clone()),
            Placement::Phrase { text, .. } => self.phrases.push(text.text.clone()),
            Placement::Image(_) => self.images += 1,
        }
    }
}

/// The report's own texts and each campaign's, as the model has them.
fn shown(r: &ReportDoc) -> (Shown, Vec<(String, Shown)>) {
    let mut own = Shown::default();
    for d in r.intro.iter().chain(r.sections.iter().map(|(_, d)| d)) {
        for p in placements(d) {
            own.add(&p);
        }
    }
    own.charts.extend(r.finance_chart.clone());
    let campaigns = r
        .campaigns
        .iter()
        .map(|c| {
            let mut s = Shown::default();
            for p in c.story.iter().flat_map(placements) {
                s.add(&p);
            }
            s.quotes
                .extend(c.quotes.iter().map(|q| q.text.text.clone()));
            s.charts.extend(
                c.audience_charts
                    .iter()
                    .chain(&c.result_charts)
                    .chain(&c.charts)
                    .cloned(),
            );
            // A cover photo opens the campaign's page and its part of the
            // single file (issue 17).
            s.images += usize::from(c.cover.is_some());
            (c.facts.slug.clone(), s)
        })
        .collect();
    (own, campaigns)
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// Checks the pages and the single-file HTML of every report and
/// language against the model; returns how many placements were checked.
fn check_html(root: &Path) -> usize {
    let outcome = build(root, false);
    assert!(!outcome.failed(), "{}", messages(&outcome).join("\n"));
    let (site, docs, _) = model(root);
    let mut checked = 0;
    for r in &docs.reports {
        let slug = &site.reports[r.index].slug;
        let lang = r.lang.as_str();
        let single = read(root, &format!("{lang}/{slug}/{slug}.html"));
        let report_page = read(root, &format!("{lang}/{slug}/index.html"));
        let (own, campaigns) = shown(r);
        for q in &own.quotes {
            assert_eq!(count(&report_page, &escape(q)), 1, "{lang}/{slug}: {q}");
        }
        for c in &own.charts {
            let id = format!("id=\"chart-{}\"", c.id);
            assert_eq!(count(&report_page, &id), 1, "{lang}/{slug}: {id}");
            assert_eq!(count(&single, &id), 1, "{lang}/{slug}.html: {id}");
        }
        let mut figures: BTreeMap<&str, usize> = BTreeMap::new();
        for f in &own.figures {
            *figures.entry(f).or_default() += 1;
        }
        // The report's cover is in its single file, as its campaigns' are.
        let mut images = own.images + usize::from(r.cover.is_some());
        for (i, (campaign, s)) in campaigns.iter().enumerate() {
            let page = read(root, &format!("{lang}/{slug}/{campaign}/index.html"));
            let mut on_page: BTreeMap<&str, usize> = BTreeMap::new();
            for f in &s.figures {
                *on_page.entry(f).or_default() += 1;
                *figures.entry(f).or_default() += 1;
            }
            for (f, n) in on_page {
                let span = format!("<span class=\"figure\">{}</span>", escape(f));
                assert_eq!(count(&page, &span), n, "{lang}/{campaign}: {f}");
            }
            for q in &s.quotes {
                assert_eq!(count(&page, &escape(q)), 1, "{lang}/{campaign}: {q}");
                assert_eq!(count(&single, &escape(q)), 1, "{lang}/{slug}.html: {q}");
            }
            for c in &s.charts {
                assert_eq!(c.owner, Owner::Campaign(campaign.clone()));
                let id = format!("id=\"chart-{}\"", c.id);
                assert_eq!(count(&page, &id), 1, "{lang}/{campaign}: {id}");
                let id = format!("id=\"c{}-chart-{}\"", i + 1, c.id);
                assert_eq!(count(&single, &id), 1, "{lang}/{slug}.html: {id}");
            }
            assert_eq!(
                count(&page, "<img src=\"../../../assets/media/"),
                s.images,
                "{lang}/{campaign}: images"
            );
            images += s.images;
            checked += s.quotes.len() + s.charts.len() + s.figures.len() + s.images;
        }
        for (f, n) in figures {
            let span = format!("<span class=\"figure\">{}</span>", escape(f));
            assert_eq!(count(&single, &span), n, "{lang}/{slug}.html: {f}");
        }
        assert_eq!(
            count(&single, "<img src=\"data:image/"),
            images,
            "{lang}/{slug}.html: images go inside the file"
        );
        checked += own.quotes.len() + own.charts.len() + own.figures.len() + own.images;
    }
    checked
}

#[test]
fn every_placement_of_the_sample_site_is_shown_once_on_pages_and_in_the_single_file() {
    let site = sample_site();
    let checked = check_html(site.path());
    assert!(checked > 50, "only {checked} placements");
}

#[test]
fn every_shortcode_written_both_ways_is_shown_once_on_pages_and_in_the_single_file() {
    let site = every_shortcode_site();
    let (_, docs, _) = model(site.path());
    // The model: the story's quotes and charts are placements, written
    // with and without spaces alike.
    for r in &docs.reports {
        for c in r
            .campaigns
            .iter()
            .filter(|c| c.facts.slug == "lithuanian-communities")
        {
            let story = c.story.as_ref().expect("a story");
            let kinds: Vec<&str> = story
                .placements()
                .iter()
                .map(|p| match p {
                    Placement::Metric { .. } => "metric",
                    Placement::Phrase { .. } => "phrase",
                    Placement::Quote(_) => "quote",
                    Placement::Chart(_) => "chart",
                    Placement::Image(_) => "image",
                })
                .collect();
            assert_eq!(
                kinds,
                ["metric", "metric", "quote", "quote", "chart", "chart", "image"],
                "{}",
                r.lang
            );
            assert!(c.quotes.is_empty() && c.charts.is_empty(), "all placed");
            let links = story.blocks.iter().any(|b| {
                matches!(b, Block::Paragraph(t) if t.iter().any(|i| matches!(i, Inline::Link { target, .. } if matches!(&**target, impact::document::Target::Page { path, .. } if path.ends_with("lithuanian-communities-evaluation/index.html")))))
            });
            assert!(links, "the content link is a page of the site");
        }
    }
    check_html(site.path());
}

/// The text of a PDF, its words one space apart.
fn pdf_words(file: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(file)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) runs");
    assert!(out.status.success());
    words(&String::from_utf8_lossy(&out.stdout))
}

fn words(s: &str) -> String {
    s.replace('\u{a0}', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The words of every text of a report, its campaigns' stories included.
fn prose(r: &ReportDoc) -> String {
    fn blocks(bs: &[Block], out: &mut String) {
        for b in bs {
            match b {
                Block::Paragraph(t) | Block::Plain(t) | Block::Heading { text: t, .. } => {
                    out.push_str(&impact::markdown::plain_text(t));
                    out.push(' ');
                }
                Block::List { items, .. } => items.iter().for_each(|i| blocks(i, out)),
                Block::Quote(inner) | Block::Footnote { blocks: inner, .. } => blocks(inner, out),
                Block::Table { head, rows, .. } => {
                    for cell in head.iter().chain(rows.iter().flatten()) {
                        out.push_str(&impact::markdown::plain_text(cell));
                        out.push(' ');
                    }
                }
                _ => {}
            }
        }
    }
    let mut out = String::new();
    let texts = r
        .intro
        .iter()
        .chain(r.sections.iter().map(|(_, d)| d))
        .chain(r.campaigns.iter().filter_map(|c| c.story.as_ref()));
    for d in texts {
        blocks(&d.blocks, &mut out);
    }
    out
}

fn check_pdf(root: &Path) {
    let outcome = build_with_pdf(root);
    assert!(!outcome.failed(), "{}", messages(&outcome).join("\n"));
    let (site, docs, drawn) = model(root);
    for r in &docs.reports {
        let slug = &site.reports[r.index].slug;
        let lang = r.lang.as_str();
        let text = pdf_words(&root.join(format!("output/{lang}/{slug}/{slug}.pdf")));
        let (_, campaigns) = shown(r);
        let mut titles: BTreeMap<String, usize> = BTreeMap::new();
        for (campaign, s) in &campaigns {
            for q in &s.quotes {
                assert_eq!(
                    count(&text, &words(q)),
                    1,
                    "{lang}/{slug}.pdf, {campaign}: {q}"
                );
            }
            for c in &s.charts {
                let title = drawn.get(&r.lang, c).expect("drawn").title.text.clone();
                *titles.entry(words(&title)).or_default() += 1;
            }
        }
        // A title may also be said in the text ("Employment cases at
        // Citizens Advice Lincolnshire went from 23 … to 42").
        let prose = words(&prose(r));
        for (title, n) in titles {
            let said = count(&prose, &title);
            assert_eq!(
                count(&text, &title),
                n + said,
                "{lang}/{slug}.pdf: chart {title}"
            );
        }
    }
}

#[test]
#[ignore = "needs pdftotext (poppler-utils)"]
fn every_quote_and_chart_of_the_sample_site_is_in_the_pdf_once() {
    let site = sample_site();
    check_pdf(site.path());
}

#[test]
#[ignore = "needs pdftotext (poppler-utils)"]
fn every_shortcode_written_both_ways_is_in_the_pdf_once() {
    let site = every_shortcode_site();
    check_pdf(site.path());
}
