//! A report as one document in one language: the [`PdfDocument`] that both
//! downloads (the PDF and the single-file HTML) are made from. It holds the
//! whole report: cover, introduction and sections, every campaign with its
//! figures, charts, story and quotes, and the finances.

use std::collections::BTreeSet;

use sha2::{Digest, Sha256};

use super::charts::{ChartData, DrawnChart};
use super::doc_blocks::{self, DocResolver, Piece};
use super::paths;
use super::resolve::PageResolver;
use super::view::Viewer;
use crate::diagnostics::Diagnostics;
use crate::l10n::Arg;
use crate::markdown::{Placement, Resolver, Shortcode};
use crate::model::*;
use crate::pdf::{Block, FigureItem, Inline, Labels, PdfDocument, PdfSection};

/// What a partner quotes, with the report's period, to say which version
/// of a report they hold: a short hash of every file its content comes
/// from (`3f2a9c1b`). Each language writes the period and the hash in its
/// own words through the `version` message.
pub fn version(r: &Report, sources: &SourceMap) -> String {
    let report_dir = format!("content/reports/{}/", r.slug);
    // A set, not a list of prefixes: a report may have thousands of
    // campaigns, and every file is checked.
    let campaigns: BTreeSet<&str> = r.campaigns.iter().map(|(slug, _)| slug.as_str()).collect();
    let in_campaign = |name: &str| {
        name.strip_prefix("content/campaigns/")
            .and_then(|rest| rest.split_once('/'))
            .is_some_and(|(slug, _)| campaigns.contains(slug))
    };
    let mut files: Vec<(&str, &str)> = sources
        .files()
        .map(|(_, f)| (f.name.as_str(), f.text.as_str()))
        .filter(|(name, _)| {
            name.starts_with(&report_dir)
                || name.starts_with("content/site.yaml")
                || name.starts_with("locales/")
                || in_campaign(name)
        })
        .collect();
    files.sort();
    let mut hash = Sha256::new();
    for (name, text) in files {
        hash.update(name.as_bytes());
        hash.update([0]);
        hash.update(text.as_bytes());
        hash.update([0]);
    }
    let short: String = hash.finalize()[..4]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    short
}

/// Shortcodes and links as the document shows them.
struct Places<'a> {
    page: PageResolver<'a>,
}

impl DocResolver for Places<'_> {
    fn place(&self, sc: &Shortcode) -> Option<Piece> {
        let v = self.page.viewer;
        match sc.name.as_str() {
            "quote" => {
                let c = self.page.campaign_named(sc).ok()?;
                let n = sc.number("n")?;
                let q = c.quotes.get((n as usize).checked_sub(1)?)?;
                Some(Piece::Block(quote_block(v, q)))
            }
            "chart" => {
                let c = self.page.campaign_named(sc).ok()?;
                let id = sc.text("id")?;
                let spec = c.charts.iter().find(|ch| ch.id == id)?;
                let mut diags = Diagnostics::default();
                let drawn = v.draw(&v.declared_chart(spec, &mut diags), &mut diags)?;
                Some(Piece::Block(chart_block(&drawn)))
            }
            _ => match self.page.shortcode(sc).ok()? {
                Placement::Inline(html) | Placement::Block(html) => {
                    Some(Piece::Inline(Inline::text(text_of_html(&html))))
                }
            },
        }
    }

    fn link(&self, path: &str) -> Option<String> {
        let target = self.page.link(path).ok()?;
        Some(paths::absolute(
            &self.page.viewer.site.config.base_url,
            &target,
        ))
    }
}

/// The text of a small piece of our own HTML (a figure in a `<span>`).
fn text_of_html(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn quote_block(v: &Viewer, q: &Quote) -> Block {
    Block::Quote {
        text: vec![Inline::text(v.text(&q.text).text)],
        who: Some(super::resolve::attribution(v, &v.text(&q.who)).text),
    }
}

fn chart_block(c: &DrawnChart) -> Block {
    Block::Chart {
        svg: fixed_size_svg(&c.svg),
        caption: c.title.clone(),
    }
}

/// The pages' SVG is `width="100%"`; a document needs its drawing size.
fn fixed_size_svg(svg: &str) -> String {
    let size = svg.find("viewBox=\"0 0 ").and_then(|i| {
        let rest = &svg[i + 13..];
        let end = rest.find('"')?;
        let mut parts = rest[..end].split(' ');
        Some((parts.next()?.to_string(), parts.next()?.to_string()))
    });
    match size {
        Some((w, h)) => svg.replacen(
            "width=\"100%\"",
            &format!("width=\"{w}\" height=\"{h}\""),
            1,
        ),
        None => svg.to_string(),
    }
}

fn cell(s: impl Into<String>) -> Vec<Inline> {
    vec![Inline::text(s)]
}

fn para(s: impl Into<String>) -> Block {
    Block::Paragraph {
        text: vec![Inline::text(s)],
    }
}

impl Viewer<'_> {
    fn doc_blocks(&self, docs: &LangDocs, page: PageResolver) -> Vec<Block> {
        let doc = docs
            .docs
            .get(self.lang)
            .or_else(|| docs.docs.get(self.site.config.default_lang()));
        match doc {
            Some(d) => doc_blocks::blocks(
                &d.body,
                self.lang.as_str(),
                self.site.config.allow_raw_html,
                &Places { page },
            ),
            None => Vec::new(),
        }
    }

    fn page_resolver<'b>(&'b self, r: &'b Report, c: Option<&'b Campaign>) -> PageResolver<'b> {
        PageResolver {
            viewer: self,
            // Links resolve from the output root, then become absolute.
            page_path: "index.html",
            report: Some(r),
            campaign: c,
            media_dir: match c {
                Some(c) => format!("content/campaigns/{}", c.slug),
                None => format!("content/reports/{}", r.slug),
            },
        }
    }

    fn draw_blocks(&self, data: Vec<ChartData>, diags: &mut Diagnostics) -> Vec<Block> {
        data.iter()
            .filter_map(|d| self.draw(d, diags))
            .map(|c| chart_block(&c))
            .collect()
    }

    /// The whole report in this language, as one document.
    pub fn report_document(
        &self,
        r: &Report,
        version: &str,
        diags: &mut Diagnostics,
    ) -> PdfDocument {
        let mut sections = Vec::new();
        if !r.intro.docs.is_empty() {
            sections.push(PdfSection {
                title: self.msg("report-introduction", &[], diags).text,
                blocks: self.doc_blocks(&r.intro, self.page_resolver(r, None)),
                bookmark: true,
            });
        }
        for s in &r.sections {
            let doc = s
                .docs
                .docs
                .get(self.lang)
                .or_else(|| s.docs.docs.get(self.site.config.default_lang()));
            let title = doc
                .and_then(|d| d.title.clone())
                .unwrap_or_else(|| s.name.clone());
            sections.push(PdfSection {
                title,
                blocks: self.doc_blocks(&s.docs, self.page_resolver(r, None)),
                bookmark: true,
            });
        }
        for (slug, _) in &r.campaigns {
            if let Some(c) = self.site.campaigns.get(slug) {
                sections.push(self.campaign_section(r, c, diags));
            }
        }
        if let Some(f) = &r.finances {
            let fm = self.l10n.formats(self.lang);
            let mut blocks = vec![
                para(self.period(&f.period, diags)),
                Block::Figures {
                    items: vec![
                        FigureItem {
                            value: fm.money_compact(f.income, f.currency),
                            label: self.msg("finances-income", &[], diags).text,
                            prefix: String::new(),
                        },
                        FigureItem {
                            value: fm.money_compact(f.expenditure, f.currency),
                            label: self.msg("finances-expenditure", &[], diags).text,
                            prefix: String::new(),
                        },
                    ],
                },
            ];
            blocks.extend(
                self.draw_blocks(self.finance_chart(r, diags).into_iter().collect(), diags),
            );
            sections.push(PdfSection {
                title: self.msg("finances-title", &[], diags).text,
                blocks,
                bookmark: true,
            });
        }

        let page_of = self
            .msg(
                "pdf-page-of",
                &[
                    ("page", Arg::Text("{page}".into())),
                    ("total", Arg::Text("{total}".into())),
                ],
                diags,
            )
            .text;
        PdfDocument {
            lang: self.lang.to_string(),
            title: self.text(&r.title).text,
            period: self.period(&r.period, diags),
            organisation: self.site.config.organisation.name.clone(),
            version: version.to_string(),
            summary: self.text(&r.summary).text,
            cover_figures: r
                .headline
                .iter()
                .map(|f| {
                    let v = self.figure(f, None, diags);
                    FigureItem {
                        value: format!("{}{}", v.number, v.suffix),
                        label: v.label.text,
                        prefix: v.prefix,
                    }
                })
                .collect(),
            labels: Labels {
                contents: self.msg("report-contents", &[], diags).text,
                page_of,
                version: self
                    .msg(
                        "pdf-version",
                        &[("version", Arg::Text(version.into()))],
                        diags,
                    )
                    .text,
                notes: self.msg("pdf-notes", &[], diags).text,
            },
            sections,
            author: self.site.config.organisation.name.clone(),
            keywords: vec![
                self.site
                    .config
                    .title
                    .get(self.lang, self.site.config.default_lang())
                    .text,
            ],
            created: Some(r.period.end.to_string()),
        }
    }

    fn campaign_section(&self, r: &Report, c: &Campaign, diags: &mut Diagnostics) -> PdfSection {
        let mut blocks = vec![Block::Paragraph {
            text: vec![Inline::Emph {
                children: vec![Inline::text(self.text(&c.summary).text)],
            }],
        }];
        let mut facts = vec![self.period(&c.period, diags)];
        let countries: Vec<String> = c
            .countries
            .iter()
            .map(|k| self.msg(&format!("country-{k}"), &[], diags).text)
            .collect();
        if !countries.is_empty() {
            facts.push(countries.join(", "));
        }
        if !c.partners.is_empty() {
            facts.push(format!(
                "{}: {}",
                self.msg("campaign-partners", &[], diags).text,
                c.partners
                    .iter()
                    .map(|p| p.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        blocks.push(para(facts.join(" · ")));

        // Figures per audience, as on the page.
        let mut keys: Vec<&str> = Vec::new();
        for a in &c.audiences {
            for m in &a.metrics {
                if !keys.contains(&m.metric.as_str()) {
                    keys.push(&m.metric);
                }
            }
        }
        if !keys.is_empty() {
            blocks.push(Block::Heading {
                level: 2,
                text: cell(self.msg("campaign-figures", &[], diags).text),
            });
            let header = std::iter::once(cell(self.msg("campaign-metric", &[], diags).text))
                .chain(c.audiences.iter().map(|a| cell(self.text(&a.name).text)))
                .collect::<Vec<_>>();
            let rows = keys
                .iter()
                .map(|k| {
                    std::iter::once(cell(self.metric_name(k, diags).text))
                        .chain(c.audiences.iter().map(|a| {
                            cell(
                                a.metrics
                                    .iter()
                                    .find(|m| m.metric == *k)
                                    .map(|m| self.value(&m.value, m.qualifier, diags))
                                    .unwrap_or_else(|| "–".into()),
                            )
                        }))
                        .collect()
                })
                .collect();
            let numeric_columns = (0..=c.audiences.len()).map(|i| i > 0).collect();
            blocks.push(Block::Table {
                header,
                rows,
                caption: None,
                numeric_columns,
            });
            blocks.extend(self.draw_blocks(self.audience_charts(c, diags), diags));
        }

        if !c.results.is_empty() {
            blocks.push(Block::Heading {
                level: 2,
                text: cell(self.msg("campaign-results", &[], diags).text),
            });
            let audience = |id: &Option<String>| {
                id.as_deref()
                    .and_then(|id| c.audiences.iter().find(|a| a.id == id))
                    .map(|a| self.text(&a.name).text)
                    .unwrap_or_default()
            };
            let rows = c
                .results
                .iter()
                .map(|f| {
                    vec![
                        cell(self.metric_name(&f.metric, diags).text),
                        cell(audience(&f.audience)),
                        cell(self.value(&f.value, f.qualifier, diags)),
                    ]
                })
                .collect();
            blocks.push(Block::Table {
                header: vec![
                    cell(self.msg("campaign-metric", &[], diags).text),
                    cell(self.msg("chart-audience", &[], diags).text),
                    cell(self.msg("chart-value", &[], diags).text),
                ],
                rows,
                caption: None,
                numeric_columns: vec![false, false, true],
            });
            blocks.extend(self.draw_blocks(self.result_charts(c, diags), diags));
        }

        let story = self.doc_blocks(&c.story, self.page_resolver(r, Some(c)));
        let placed = |needle: &str| c.story.docs.values().any(|d| d.body.contains(needle));
        if !story.is_empty() {
            blocks.push(Block::Heading {
                level: 2,
                text: cell(self.msg("campaign-story", &[], diags).text),
            });
            blocks.extend(story);
        }
        let quotes: Vec<Block> = c
            .quotes
            .iter()
            .enumerate()
            .filter(|(i, _)| !placed(&format!("quote(n={})", i + 1)))
            .map(|(_, q)| quote_block(self, q))
            .collect();
        blocks.extend(quotes);
        let declared: Vec<ChartData> = c
            .charts
            .iter()
            .filter(|ch| !placed(&format!("\"{}\"", ch.id)))
            .map(|ch| self.declared_chart(ch, diags))
            .collect();
        blocks.extend(self.draw_blocks(declared, diags));

        PdfSection {
            title: self.text(&c.name).text,
            blocks,
            bookmark: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_svg_gets_its_drawing_size() {
        let svg = "<svg viewBox=\"0 0 560 340\" width=\"100%\" role=\"img\">";
        assert_eq!(
            fixed_size_svg(svg),
            "<svg viewBox=\"0 0 560 340\" width=\"560\" height=\"340\" role=\"img\">"
        );
    }

    /// The version was computed per page against a list of prefixes
    /// (quadratic in the number of campaigns); it now looks slugs up in a
    /// set, and must still hash exactly the report's own files.
    #[test]
    fn version_hashes_the_reports_campaigns_and_nothing_else() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let loaded = crate::load::load_site(root);
        let site = loaded.site.expect("the sample site loads");
        let r = &site.reports[0];
        let (slug, _) = &r.campaigns[0];
        let base = version(r, &loaded.sources);

        let mut sources = crate::load::load_site(root).sources;
        sources.add(
            format!("content/campaigns/{slug}-2/story.en.md"),
            "x".into(),
        );
        sources.add("content/campaigns/unlisted/story.en.md".into(), "x".into());
        sources.add(
            format!("content/reports/{}-2/index.en.md", r.slug),
            "x".into(),
        );
        assert_eq!(version(r, &sources), base, "files of other pages");

        sources.add(format!("content/campaigns/{slug}/notes.en.md"), "x".into());
        assert_ne!(version(r, &sources), base, "a file of one of its campaigns");
    }

    #[test]
    fn html_of_a_figure_becomes_its_text() {
        assert_eq!(
            text_of_html("<span class=\"figure\">£844K &amp; more</span>"),
            "£844K & more"
        );
    }
}
