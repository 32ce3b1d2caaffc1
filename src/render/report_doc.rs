//! The PDF emitter of a report: its [`ReportDoc`] (with every campaign's
//! [`CampaignDoc`]) as the [`PdfDocument`] the theme's Typst template
//! prints: cover, introduction and sections, every campaign with its
//! figures, charts, story and quotes, and the finances.

use std::collections::BTreeSet;

use sha2::{Digest, Sha256};

use super::documents::{CampaignDoc, ReportDoc};
use super::emit::PdfEmit;
use super::view::Viewer;
use crate::diagnostics::Diagnostics;
use crate::document::pdf::{emit, quote, EmitPdf};
use crate::document::ChartRef;
use crate::l10n::Arg;
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
        .map(|(_, f)| (f.name.as_str(), &f.text[..]))
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

/// The brand as the PDF needs it: its colours, and its logo for the cover.
fn doc_brand(config: &SiteConfig) -> crate::pdf::DocBrand {
    let brand = &config.brand;
    let colours = crate::brand::Colours::of(brand);
    let logo = brand.logo.as_ref().map(|l| {
        let view = super::pages::LogoView::of(Some(l));
        crate::pdf::DocLogo {
            format: l.format.extension(),
            width: view.as_ref().map_or(l.width, |v| v.width),
            height: view.as_ref().map_or(l.height, |v| v.height),
            bytes: l.bytes.clone(),
        }
    });
    crate::pdf::DocBrand {
        colour: brand
            .colour
            .map(|_| colours.main.to_string())
            .unwrap_or_default(),
        colour_strong: brand
            .colour
            .map(|_| colours.strong.to_string())
            .unwrap_or_default(),
        accent: brand.accent.map(|a| a.to_string()).unwrap_or_default(),
        logo,
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

fn charts(refs: &[ChartRef], cx: &PdfEmit) -> Vec<Block> {
    refs.iter().filter_map(|c| cx.chart(c)).collect()
}

impl Viewer<'_> {
    /// The whole report in this language, as the PDF's data.
    pub fn report_document(
        &self,
        r: &Report,
        doc: &ReportDoc,
        version: &str,
        cx: &PdfEmit,
        diags: &mut Diagnostics,
    ) -> PdfDocument {
        let mut sections = Vec::new();
        if let Some(intro) = &doc.intro {
            sections.push(PdfSection {
                title: self.msg("report-introduction", &[], diags).text,
                blocks: emit(&intro.blocks, cx),
                bookmark: true,
            });
        }
        for (name, text) in &doc.sections {
            sections.push(PdfSection {
                title: text.title.clone().unwrap_or_else(|| name.clone()),
                blocks: emit(&text.blocks, cx),
                bookmark: true,
            });
        }
        for c in &doc.campaigns {
            sections.push(self.campaign_section(c, cx, diags));
        }
        if let Some(f) = &doc.finances {
            let mut blocks = vec![
                para(f.period.clone()),
                Block::Figures {
                    items: vec![
                        FigureItem {
                            value: f.income.clone(),
                            label: self.msg("finances-income", &[], diags).text,
                            prefix: String::new(),
                        },
                        FigureItem {
                            value: f.expenditure.clone(),
                            label: self.msg("finances-expenditure", &[], diags).text,
                            prefix: String::new(),
                        },
                    ],
                },
            ];
            blocks.extend(charts(doc.finance_chart.as_slice(), cx));
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
            title: doc.title.text.clone(),
            period: doc.period.clone(),
            organisation: self.site.config.organisation.name.clone(),
            version: version.to_string(),
            summary: doc.summary.text.clone(),
            cover_figures: doc
                .headline
                .iter()
                .map(|v| FigureItem {
                    value: format!("{}{}", v.number, v.suffix),
                    label: v.label.text.clone(),
                    prefix: v.prefix.clone(),
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
            brand: doc_brand(&self.site.config),
            // Under the cover's figures: at most a third of the page high.
            cover: doc
                .cover
                .as_ref()
                .and_then(|c| super::emit::pdf_photo(c, super::emit::TEXT_COLUMN_MM, 80.0)),
        }
    }

    fn campaign_section(
        &self,
        c: &CampaignDoc,
        cx: &PdfEmit,
        diags: &mut Diagnostics,
    ) -> PdfSection {
        let mut blocks = vec![Block::Paragraph {
            text: vec![Inline::Emph {
                children: vec![Inline::text(c.facts.summary.text.clone())],
            }],
        }];
        let mut facts = vec![c.facts.period.clone()];
        if !c.facts.countries.is_empty() {
            facts.push(c.facts.countries.join(", "));
        }
        if !c.facts.partners.is_empty() {
            facts.push(format!(
                "{}: {}",
                self.msg("campaign-partners", &[], diags).text,
                c.facts
                    .partners
                    .iter()
                    .map(|p| p.name.text.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        blocks.push(para(facts.join(" · ")));
        if let Some(cover) = &c.cover {
            blocks.extend(cx.photo(cover));
        }

        if let Some(m) = &c.facts.metrics {
            blocks.push(Block::Heading {
                level: 2,
                text: cell(self.msg("campaign-figures", &[], diags).text),
            });
            let header = std::iter::once(cell(self.msg("campaign-metric", &[], diags).text))
                .chain(m.audiences.iter().map(|a| cell(a.text.clone())))
                .collect::<Vec<_>>();
            let rows = m
                .rows
                .iter()
                .map(|row| {
                    std::iter::once(cell(row.name.text.clone()))
                        .chain(row.cells.iter().map(|v| cell(v.clone())))
                        .collect()
                })
                .collect();
            let numeric_columns = (0..=m.audiences.len()).map(|i| i > 0).collect();
            blocks.push(Block::Table {
                header,
                rows,
                caption: None,
                numeric_columns,
            });
        }
        blocks.extend(charts(&c.audience_charts, cx));

        if !c.facts.results.is_empty() {
            blocks.push(Block::Heading {
                level: 2,
                text: cell(self.msg("campaign-results", &[], diags).text),
            });
            let rows = c
                .facts
                .results
                .iter()
                .map(|f| {
                    vec![
                        cell(f.name.text.clone()),
                        cell(
                            f.audience
                                .as_ref()
                                .map(|a| a.text.clone())
                                .unwrap_or_default(),
                        ),
                        cell(f.value.clone()),
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
            blocks.extend(charts(&c.result_charts, cx));
        }

        if let Some(story) = &c.story {
            let story = emit(&story.blocks, cx);
            if !story.is_empty() {
                blocks.push(Block::Heading {
                    level: 2,
                    text: cell(self.msg("campaign-story", &[], diags).text),
                });
                blocks.extend(story);
            }
        }
        blocks.extend(c.quotes.iter().map(quote));
        blocks.extend(charts(&c.charts, cx));

        PdfSection {
            title: c.facts.title.text.clone(),
            blocks,
            bookmark: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        sources.add(format!("content/campaigns/{slug}-2/story.en.md"), "x");
        sources.add("content/campaigns/unlisted/story.en.md".into(), "x");
        sources.add(format!("content/reports/{}-2/index.en.md", r.slug), "x");
        assert_eq!(version(r, &sources), base, "files of other pages");

        sources.add(format!("content/campaigns/{slug}/notes.en.md"), "x");
        assert_ne!(version(r, &sources), base, "a file of one of its campaigns");
    }
}
