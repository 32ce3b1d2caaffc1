//! The document stage: every report and campaign in every language as one
//! [`ReportDoc`] or [`CampaignDoc`], built once after validation and
//! localisation. Each text is parsed once (see [`crate::document`]); every
//! figure is formatted, every label looked up, every chart prepared for
//! the chart stage. The emitters (the pages, the single-file HTML, the
//! PDF) only arrange what is here.

use std::collections::BTreeSet;

use rayon::prelude::*;

use super::charts::ChartData;
use super::data::Dataset;
use super::pages::{CampaignFacts, FinancesView, MetricRow, MetricTable, PartnerView};
use super::resolve::DocResolver;
use super::view::{FigureView, Viewer};
use super::Pages;
use crate::diagnostics::Diagnostics;
use crate::document::{ChartRef, Doc, ImageView, Owner, Placement, QuoteView, Target};
use crate::model::*;

/// A campaign in one language, as part of one report.
pub struct CampaignDoc {
    /// What the campaign is: names, period, partners, figures.
    pub facts: CampaignFacts,
    /// Reach, potential reach and the funnel.
    pub audience_charts: Vec<ChartRef>,
    /// Survey results and changes per audience.
    pub result_charts: Vec<ChartRef>,
    /// Quotes the story does not place itself.
    pub quotes: Vec<QuoteView>,
    /// Declared charts the story does not place itself.
    pub charts: Vec<ChartRef>,
    /// The story.
    pub story: Option<Doc>,
    /// Every chart this campaign shows, for the chart stage.
    pub chart_data: Vec<(ChartRef, ChartData)>,
    /// Its figures per audience as data (the table's CSV).
    pub metric_data: Option<Dataset>,
    /// Its results as data (the open-data pack).
    pub results_data: Option<Dataset>,
    /// Its cover photo.
    pub cover: Option<ImageView>,
}

/// A report in one language, with its campaigns.
pub struct ReportDoc {
    /// Which report of the site (index in `site.reports`).
    pub index: usize,
    /// The page language.
    pub lang: Lang,
    /// Title.
    pub title: Localised,
    /// Summary.
    pub summary: Localised,
    /// Period text.
    pub period: String,
    /// Big figures.
    pub headline: Vec<FigureView>,
    /// Introduction.
    pub intro: Option<Doc>,
    /// Sections in order: anchor id and text.
    pub sections: Vec<(String, Doc)>,
    /// Money.
    pub finances: Option<FinancesView>,
    /// Income and expenditure as a chart.
    pub finance_chart: Option<ChartRef>,
    /// Whether any text of the report itself is a fallback.
    pub untranslated: bool,
    /// Whether the report's own page (and downloads) are made: always
    /// for a whole build, after an edit only when it shows what changed.
    pub page: bool,
    /// The report's campaigns in order (only those whose pages are made
    /// when not all are).
    pub campaigns: Vec<CampaignDoc>,
    /// The report's own charts, for the chart stage.
    pub chart_data: Vec<(ChartRef, ChartData)>,
    /// Its headline figures as data (the open-data pack).
    pub headline_data: Option<Dataset>,
    /// Its cover photo.
    pub cover: Option<ImageView>,
}

/// Every document of a build, in the order their pages are listed.
#[derive(Default)]
pub struct Documents {
    /// One per report and language.
    pub reports: Vec<ReportDoc>,
}

impl Documents {
    /// Every chart of every document, for the chart stage.
    pub fn charts(&self) -> impl Iterator<Item = (&Lang, &ChartRef, &ChartData)> {
        self.reports.iter().flat_map(|r| {
            r.chart_data
                .iter()
                .chain(r.campaigns.iter().flat_map(|c| &c.chart_data))
                .map(move |(k, d)| (&r.lang, k, d))
        })
    }
}

/// Builds the documents `pages` needs: with [`Pages::All`] every report
/// with all its campaigns; after an edit, the reports and campaigns whose
/// pages change.
pub fn build(
    site: &Site,
    l10n: &crate::l10n::Localiser,
    pages: Pages,
    diags: &mut Diagnostics,
) -> Documents {
    let mut wanted = Vec::new();
    for lang in &site.config.languages {
        for (i, r) in site.reports.iter().enumerate() {
            wanted.push((lang, i, r));
        }
    }
    let built: Vec<(Option<ReportDoc>, Diagnostics)> = wanted
        .par_iter()
        .map(|&(lang, index, r)| {
            let mut d = Diagnostics::default();
            let v = Viewer {
                site,
                l10n,
                lang,
                fonts: None,
            };
            let listed = r.campaigns.iter().map(|(slug, _)| slug.as_str());
            let texts = std::iter::once(&r.intro).chain(r.sections.iter().map(|s| &s.docs));
            let report_touched = pages.touches(listed, texts);
            let campaigns: Vec<&Campaign> = r
                .campaigns
                .iter()
                .filter_map(|(slug, _)| site.campaigns.get(slug))
                .filter(|c| {
                    pages.touches(std::iter::once(c.slug.as_str()), std::iter::once(&c.story))
                })
                .collect();
            if !report_touched && campaigns.is_empty() {
                return (None, d);
            }
            let mut doc = v.report_doc(index, r, &mut d);
            doc.page = report_touched;
            // A report of many campaigns is most of the work: its
            // campaigns go on every core, their problems kept in order.
            let made: Vec<(CampaignDoc, Diagnostics)> = campaigns
                .into_par_iter()
                .map(|c| {
                    let mut d = Diagnostics::default();
                    (v.campaign_doc(c, r, &mut d), d)
                })
                .collect();
            doc.campaigns = made
                .into_iter()
                .map(|(c, cd)| {
                    d.extend(cd);
                    c
                })
                .collect();
            (Some(doc), d)
        })
        .collect();
    let mut docs = Documents::default();
    for (doc, d) in built {
        diags.extend(d);
        docs.reports.extend(doc);
    }
    docs
}

impl Viewer<'_> {
    /// A quote of campaign `c` (its `n`th) in this language.
    pub fn quote(&self, c: &Campaign, n: usize, q: &Quote) -> QuoteView {
        QuoteView {
            campaign: c.slug.clone(),
            n,
            text: self.text(&q.text),
            who: super::resolve::attribution(self, &self.text(&q.who)),
        }
    }

    /// The text of `docs` in this language (or the default's, marked,
    /// when it is missing and validation allowed that), parsed once.
    fn parse(
        &self,
        docs: &LangDocs,
        prefix: &str,
        resolver: &DocResolver,
        diags: &mut Diagnostics,
    ) -> Option<Doc> {
        let default = self.site.config.default_lang();
        let (doc, fallback) = match docs.docs.get(self.lang) {
            Some(d) => (d, false),
            None => (docs.docs.get(default)?, true),
        };
        let doc_lang = if fallback { default } else { self.lang };
        let notes = self.msg("pdf-notes", &[], diags).text;
        let opts = crate::markdown::RenderOptions {
            lang: doc_lang.as_str(),
            allow_raw_html: self.site.config.allow_raw_html,
            id_prefix: prefix,
            footnotes_label: &notes,
        };
        let (blocks, problems) = crate::markdown::parse(doc.body(), &opts, resolver);
        for p in problems {
            let line = p.line + doc.body_line_offset;
            diags.push(
                crate::diagnostics::Diagnostic::error(Span::at(doc.file, line, p.col), p.message)
                    .help(p.help),
            );
        }
        Some(Doc {
            raw_html: crate::document::html::has_raw_html(&blocks),
            blocks,
            fallback,
            lang: doc_lang.to_string(),
            title: doc.title.clone(),
            prefix: prefix.to_string(),
            footnotes_label: notes.clone(),
        })
    }

    fn report_doc(&self, index: usize, r: &Report, diags: &mut Diagnostics) -> ReportDoc {
        let resolver = DocResolver::new(self, r, None);
        let intro = self.parse(&r.intro, "intro", &resolver, diags);
        let sections: Vec<(String, Doc)> = r
            .sections
            .iter()
            .filter_map(|s| {
                Some((
                    s.name.clone(),
                    self.parse(&s.docs, &s.name, &resolver, diags)?,
                ))
            })
            .collect();
        let finances = r.finances.as_ref().map(|f| {
            let fm = self.l10n.formats(self.lang);
            FinancesView {
                period: self.period(&f.period, diags),
                income: fm.money(f.income, f.currency),
                expenditure: fm.money(f.expenditure, f.currency),
                income_full: fm.money(f.income, f.currency),
                expenditure_full: fm.money(f.expenditure, f.currency),
            }
        });
        let mut chart_data = resolver.charts.into_inner();
        let finance_chart = self.finance_chart(r, diags).map(|data| {
            let key = ChartRef {
                owner: Owner::Report(r.slug.clone()),
                id: data.id.clone(),
            };
            chart_data.push((key.clone(), data));
            key
        });
        let title = self.text(&r.title);
        let summary = self.text(&r.summary);
        let untranslated = title.fallback
            || summary.fallback
            || intro.as_ref().is_some_and(|d| d.fallback)
            || sections.iter().any(|(_, d)| d.fallback);
        let headline_data = self.figures_dataset(
            self.msg("report-headline", &[], diags).text,
            String::new(),
            &r.headline,
            None,
            diags,
        );
        ReportDoc {
            headline_data,
            index,
            lang: self.lang.clone(),
            headline: r
                .headline
                .iter()
                .map(|f| self.figure(f, None, diags))
                .collect(),
            period: self.period(&r.period, diags),
            title,
            summary,
            intro,
            sections,
            finances,
            finance_chart,
            untranslated,
            page: true,
            campaigns: Vec::new(),
            chart_data,
            cover: self.cover(r.cover.as_ref()),
        }
    }

    fn campaign_doc(&self, c: &Campaign, r: &Report, diags: &mut Diagnostics) -> CampaignDoc {
        let resolver = DocResolver::new(self, r, Some(c));
        let story = self.parse(&c.story, "story", &resolver, diags);
        let mut chart_data = resolver.charts.into_inner();
        // What the story places is not shown again after it.
        let mut placed_quotes = BTreeSet::new();
        let mut placed_charts = BTreeSet::new();
        for p in story.iter().flat_map(|s| s.placements()) {
            match p {
                Placement::Quote(q) if q.campaign == c.slug => {
                    placed_quotes.insert(q.n);
                }
                Placement::Chart(key) if key.owner == Owner::Campaign(c.slug.clone()) => {
                    placed_charts.insert(key.id.clone());
                }
                _ => {}
            }
        }
        let owner = Owner::Campaign(c.slug.clone());
        let mut keep = |data: ChartData, out: &mut Vec<ChartRef>| {
            let key = ChartRef {
                owner: owner.clone(),
                id: data.id.clone(),
            };
            out.push(key.clone());
            chart_data.push((key, data));
        };
        let mut audience_charts = Vec::new();
        for d in self.audience_charts(c, diags) {
            keep(d, &mut audience_charts);
        }
        let mut result_charts = Vec::new();
        for d in self.result_charts(c, diags) {
            keep(d, &mut result_charts);
        }
        let mut charts = Vec::new();
        for spec in c.charts.iter().filter(|ch| !placed_charts.contains(&ch.id)) {
            keep(self.declared_chart(spec, diags), &mut charts);
        }
        let quotes = c
            .quotes
            .iter()
            .enumerate()
            .filter(|(i, _)| !placed_quotes.contains(&(i + 1)))
            .map(|(i, q)| self.quote(c, i + 1, q))
            .collect();

        let audience_name = |id: &str| {
            c.audiences
                .iter()
                .find(|a| a.id == id)
                .map(|a| self.text(&a.name))
        };
        let mut keys: Vec<&str> = Vec::new();
        for a in &c.audiences {
            for m in &a.metrics {
                if !keys.contains(&m.metric.as_str()) {
                    keys.push(&m.metric);
                }
            }
        }
        let metrics = (!keys.is_empty()).then(|| MetricTable {
            audiences: c.audiences.iter().map(|a| self.text(&a.name)).collect(),
            rows: keys
                .iter()
                .map(|k| MetricRow {
                    name: self.metric_name(k, diags),
                    cells: c
                        .audiences
                        .iter()
                        .map(|a| {
                            a.metrics
                                .iter()
                                .find(|m| m.metric == *k)
                                .map(|m| self.value(&m.value, m.qualifier, diags))
                                .unwrap_or_else(|| "–".into())
                        })
                        .collect(),
                })
                .collect(),
        });
        let results = c
            .results
            .iter()
            .map(|f| self.figure(f, f.audience.as_deref().and_then(audience_name), diags))
            .collect();
        let title = self.text(&c.name);
        let summary = self.text(&c.summary);
        let untranslated =
            title.fallback || summary.fallback || story.as_ref().is_some_and(|d| d.fallback);
        CampaignDoc {
            facts: CampaignFacts {
                slug: c.slug.clone(),
                period: self.period(&c.period, diags),
                countries: self.names(&c.countries, "country", diags),
                languages: self.names(&c.languages, "language", diags),
                partners: c
                    .partners
                    .iter()
                    .map(|p| PartnerView {
                        name: self.text(&p.name),
                        url: p.url.clone(),
                    })
                    .collect(),
                metrics,
                results,
                title,
                summary,
                untranslated,
            },
            audience_charts,
            result_charts,
            quotes,
            charts,
            story,
            chart_data,
            metric_data: self.metric_dataset(c, diags),
            results_data: self.figures_dataset(
                self.msg("campaign-results", &[], diags).text,
                String::new(),
                &c.results,
                Some(c),
                diags,
            ),
            cover: self.cover(c.cover.as_ref()),
        }
    }

    /// A cover as the page's language shows it (`None` when its image
    /// could not be made: that was reported).
    fn cover(&self, cover: Option<&Cover>) -> Option<ImageView> {
        let cover = cover?;
        let photo = self.site.photos.get(&cover.src)?.clone();
        let mut diags = Diagnostics::default();
        let credit = cover.credit.as_ref().map(|c| {
            let args = [("credit", crate::l10n::Arg::Text(c.clone()))];
            self.msg("image-credit", &args, &mut diags).text
        });
        Some(ImageView {
            target: Target::Media {
                path: photo.at_most(crate::images::DEFAULT_WIDTH).path.clone(),
                source: cover.src.clone(),
            },
            alt: self.text(&cover.alt).text,
            decorative: false,
            caption: String::new(),
            credit,
            photo: Some(photo),
        })
    }

    /// Names of countries or languages (`prefix` `country` or `language`)
    /// in the page's language: the site's override, else CLDR's.
    pub fn names(
        &self,
        codes: &[(String, Span)],
        prefix: &str,
        diags: &mut Diagnostics,
    ) -> Vec<String> {
        codes
            .iter()
            .map(|(c, _)| self.code_name(prefix, c, diags))
            .collect()
    }
}
