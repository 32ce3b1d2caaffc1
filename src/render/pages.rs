//! The context of each kind of page (language chooser, home, report,
//! campaign, 404), built from the model through a [`Viewer`].

use serde::Serialize;

use super::paths;
use super::resolve::{quote_html, PageResolver};
use super::view::{DocView, FigureView, Viewer};
use crate::diagnostics::Diagnostics;
use crate::markdown::shortcode;
use crate::model::*;

/// What every page has.
#[derive(Serialize)]
pub struct Common {
    /// Page language code.
    pub lang: String,
    /// Output path of this page (for relative links).
    pub page_path: String,
    /// Prefix back to the output root.
    pub root: String,
    /// Site-wide text.
    pub site: SiteView,
    /// The same page in every language.
    pub alternates: Vec<Alternate>,
    /// Public URL of this page.
    pub canonical: String,
    /// Path from the home page to here.
    pub breadcrumbs: Vec<Crumb>,
    /// The page's title (for `<title>`).
    pub title: String,
    /// One sentence for `<meta name=description>`.
    pub description: String,
    /// Absolute URL of the page's social card (`og:image`).
    pub card: Option<String>,
    /// The page language as Open Graph wants it (`en_GB`, `lt_LT`).
    pub og_locale: String,
    /// The report's period and data hash, in the footer of its pages.
    pub version: Option<String>,
}

/// Site-wide text in the page's language.
#[derive(Serialize)]
pub struct SiteView {
    /// Site title.
    pub title: Localised,
    /// Site description.
    pub description: Option<Localised>,
    /// Publisher's name.
    pub organisation: String,
    /// Publisher's site.
    pub organisation_url: Option<String>,
    /// "Published by …" as one message, HTML: the name is a link when the
    /// publisher has a site.
    pub published_by: String,
    /// Link to this language's home page.
    pub home: String,
    /// Public URL of the language chooser (the `x-default` alternate).
    pub root_url: String,
}

/// The same page in one language.
#[derive(Serialize)]
pub struct Alternate {
    /// Language code.
    pub lang: String,
    /// The language's name in itself ("Lietuvių").
    pub name: String,
    /// Relative link.
    pub href: String,
    /// Public URL (for `hreflang` alternates).
    pub url: String,
    /// Whether this is the page being rendered.
    pub current: bool,
}

/// A step of the breadcrumb trail.
#[derive(Serialize)]
pub struct Crumb {
    /// Title.
    pub title: String,
    /// Relative link.
    pub href: String,
}

/// A report in a list.
#[derive(Serialize)]
pub struct ReportCard {
    /// Title.
    pub title: Localised,
    /// Summary.
    pub summary: Localised,
    /// Period text.
    pub period: String,
    /// Link.
    pub href: String,
    /// The first headline figures.
    pub headline: Vec<FigureView>,
}

/// A campaign in a report's list.
#[derive(Serialize)]
pub struct CampaignCard {
    /// Name.
    pub title: Localised,
    /// Summary.
    pub summary: Localised,
    /// Period text.
    pub period: String,
    /// Link.
    pub href: String,
    /// Country names.
    pub countries: Vec<String>,
}

/// A report section.
#[derive(Serialize)]
pub struct SectionView {
    /// Anchor id.
    pub id: String,
    /// Rendered text.
    pub doc: DocView,
}

/// Income and expenditure.
#[derive(Serialize)]
pub struct FinancesView {
    /// Period text.
    pub period: String,
    /// Short money ("£844K").
    pub income: String,
    /// Short money.
    pub expenditure: String,
    /// Full money ("£844,000.00").
    pub income_full: String,
    /// Full money.
    pub expenditure_full: String,
}

/// The report page.
#[derive(Serialize)]
pub struct ReportView {
    /// Folder name.
    pub slug: String,
    /// Title.
    pub title: Localised,
    /// Summary.
    pub summary: Localised,
    /// Period text.
    pub period: String,
    /// Big figures.
    pub headline: Vec<FigureView>,
    /// Introduction.
    pub intro: Option<DocView>,
    /// Sections in order.
    pub sections: Vec<SectionView>,
    /// Campaigns in order.
    pub campaigns: Vec<CampaignCard>,
    /// Money.
    pub finances: Option<FinancesView>,
    /// Income and expenditure as a chart (HTML).
    pub finance_chart: Option<String>,
    /// Links to the PDF and single-file HTML of this report.
    pub downloads: Vec<Download>,
    /// What a partner quotes to say which version they hold: the period and
    /// a short hash of the data that built it.
    pub version: String,
    /// Whether any text on the page is a fallback.
    pub untranslated: bool,
}

/// A file to download, with its size in the page's language.
#[derive(Serialize, Clone)]
pub struct Download {
    /// Relative link.
    pub href: String,
    /// "PDF, 1,2 MB".
    pub label: String,
    /// What it is ("Download the report as PDF").
    pub title: String,
    /// MIME type, for the `type` attribute.
    pub mime: String,
}

/// Figures per audience as a table: one column per audience.
#[derive(Serialize)]
pub struct MetricTable {
    /// Column headings.
    pub audiences: Vec<Localised>,
    /// One row per metric.
    pub rows: Vec<MetricRow>,
}

/// A row of [`MetricTable`].
#[derive(Serialize)]
pub struct MetricRow {
    /// Metric name.
    pub name: Localised,
    /// One formatted value per audience ("–" where there is none).
    pub cells: Vec<String>,
}

/// A partner.
#[derive(Serialize)]
pub struct PartnerView {
    /// Name.
    pub name: String,
    /// Site.
    pub url: Option<String>,
}

/// The campaign page.
#[derive(Serialize)]
pub struct CampaignView {
    /// Folder name.
    pub slug: String,
    /// Name.
    pub title: Localised,
    /// Summary.
    pub summary: Localised,
    /// Period text.
    pub period: String,
    /// Country names.
    pub countries: Vec<String>,
    /// Names of the languages the campaign ran in.
    pub languages: Vec<String>,
    /// Partners.
    pub partners: Vec<PartnerView>,
    /// Figures per audience.
    pub metrics: Option<MetricTable>,
    /// Single findings.
    pub results: Vec<FigureView>,
    /// Reach, potential reach and the funnel, drawn (HTML).
    pub audience_charts: Vec<String>,
    /// Survey results and changes per audience, drawn (HTML).
    pub result_charts: Vec<String>,
    /// Quotes the story does not place itself (HTML).
    pub quotes: Vec<String>,
    /// Charts the story does not place itself (HTML).
    pub charts: Vec<String>,
    /// The story.
    pub story: Option<DocView>,
    /// The report this page belongs to.
    pub report_title: Localised,
    /// Link to it.
    pub report_href: String,
    /// Whether any text on the page is a fallback.
    pub untranslated: bool,
}

impl Viewer<'_> {
    /// A link to one of a report's downloads, with its size in the page's
    /// language ("PDF, 1,2 MB").
    pub fn download(
        &self,
        kind: &str,
        slug: &str,
        bytes: usize,
        diags: &mut Diagnostics,
    ) -> Download {
        let f = self.l10n.formats(self.lang);
        let size = if bytes >= 100_000 {
            format!("{}\u{a0}MB", f.number(bytes as f64 / 1_000_000.0, 1))
        } else {
            format!("{}\u{a0}kB", f.number((bytes as f64 / 1000.0).ceil(), 0))
        };
        Download {
            href: format!("{slug}.{kind}"),
            label: self
                .msg(
                    &format!("download-{kind}"),
                    &[("size", crate::l10n::Arg::Text(size))],
                    diags,
                )
                .text,
            title: self.msg(&format!("download-{kind}-title"), &[], diags).text,
            mime: if kind == "pdf" {
                "application/pdf"
            } else {
                "text/html"
            }
            .into(),
        }
    }

    /// The parts every page shares. `path_in` gives this page's path in
    /// another language.
    pub fn common(
        &self,
        page_path: &str,
        path_in: &dyn Fn(&Lang) -> String,
        title: String,
        description: String,
        breadcrumbs: Vec<Crumb>,
        diags: &mut Diagnostics,
    ) -> Common {
        let c = &self.site.config;
        let alternates = c
            .languages
            .iter()
            .map(|l| {
                let target = path_in(l);
                Alternate {
                    lang: l.to_string(),
                    name: self
                        .l10n
                        .text(l, "language-name")
                        .map(|m| m.text)
                        .unwrap_or_else(|_| l.to_string()),
                    href: paths::relative(page_path, &target),
                    url: paths::absolute(&c.base_url, &target),
                    current: l == self.lang,
                }
            })
            .collect();
        Common {
            lang: self.lang.to_string(),
            page_path: page_path.to_string(),
            root: paths::root_of(page_path),
            site: SiteView {
                title: self.text(&c.title),
                description: c.description.as_ref().map(|d| self.text(d)),
                organisation: c.organisation.name.clone(),
                organisation_url: c.organisation.url.clone(),
                published_by: self.msg_html(
                    "footer-published-by",
                    &[],
                    &[("organisation", organisation_html(&c.organisation))],
                    diags,
                ),
                home: paths::relative(page_path, &paths::home(self.lang)),
                root_url: c.base_url.clone(),
            },
            alternates,
            canonical: paths::absolute(&c.base_url, page_path),
            breadcrumbs,
            title,
            description,
            card: None,
            version: None,
            og_locale: og_locale(&self.l10n.formats(self.lang).locale(), self.lang),
        }
    }

    fn country_names(
        &self,
        codes: &[String],
        prefix: &str,
        diags: &mut Diagnostics,
    ) -> Vec<String> {
        codes
            .iter()
            .map(|c| self.msg(&format!("{prefix}-{c}"), &[], diags).text)
            .collect()
    }

    /// The home page of this language: every report.
    pub fn home_cards(&self, page_path: &str, diags: &mut Diagnostics) -> Vec<ReportCard> {
        self.site
            .reports
            .iter()
            .map(|r| ReportCard {
                title: self.text(&r.title),
                summary: self.text(&r.summary),
                period: self.period(&r.period, diags),
                href: paths::relative(page_path, &paths::report(self.lang, &r.slug)),
                headline: r
                    .headline
                    .iter()
                    .take(3)
                    .map(|f| self.figure(f, None, diags))
                    .collect(),
            })
            .collect()
    }

    /// The report page.
    pub fn report_view(
        &self,
        r: &Report,
        page_path: &str,
        sources: &SourceMap,
        diags: &mut Diagnostics,
    ) -> ReportView {
        let resolver = PageResolver {
            viewer: self,
            page_path,
            report: Some(r),
            campaign: None,
            media_dir: format!("content/reports/{}", r.slug),
        };
        let intro = self.doc(&r.intro, "intro", &resolver, sources, diags);
        let sections: Vec<SectionView> = r
            .sections
            .iter()
            .filter_map(|s| {
                let doc = self.doc(&s.docs, &s.name, &resolver, sources, diags)?;
                Some(SectionView {
                    id: s.name.clone(),
                    doc,
                })
            })
            .collect();
        let campaigns = r
            .campaigns
            .iter()
            .filter_map(|(slug, _)| self.site.campaigns.get(slug))
            .map(|c| CampaignCard {
                title: self.text(&c.name),
                summary: self.text(&c.summary),
                period: self.period(&c.period, diags),
                href: paths::relative(page_path, &paths::campaign(self.lang, &r.slug, &c.slug)),
                countries: self.country_names(&c.countries, "country", diags),
            })
            .collect::<Vec<_>>();
        let finances = r.finances.as_ref().map(|f| {
            let fm = self.l10n.formats(self.lang);
            FinancesView {
                period: self.period(&f.period, diags),
                income: fm.money_compact(f.income, f.currency),
                expenditure: fm.money_compact(f.expenditure, f.currency),
                income_full: fm.money(f.income, f.currency),
                expenditure_full: fm.money(f.expenditure, f.currency),
            }
        });
        let finance_chart = self
            .finance_chart(r, diags)
            .and_then(|d| self.draw(&d, diags))
            .map(|c| c.html);
        let title = self.text(&r.title);
        let summary = self.text(&r.summary);
        let untranslated = title.fallback
            || summary.fallback
            || intro.as_ref().is_some_and(|d| d.fallback)
            || sections.iter().any(|s| s.doc.fallback)
            || campaigns
                .iter()
                .any(|c| c.title.fallback || c.summary.fallback);
        ReportView {
            slug: r.slug.clone(),
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
            campaigns,
            finances,
            finance_chart,
            downloads: Vec::new(),
            version: String::new(),
            untranslated,
        }
    }

    /// The campaign page, as part of report `r`.
    pub fn campaign_view(
        &self,
        c: &Campaign,
        r: &Report,
        page_path: &str,
        sources: &SourceMap,
        diags: &mut Diagnostics,
    ) -> CampaignView {
        let resolver = PageResolver {
            viewer: self,
            page_path,
            report: Some(r),
            campaign: Some(c),
            media_dir: format!("content/campaigns/{}", c.slug),
        };
        let story = self.doc(&c.story, "story", &resolver, sources, diags);
        let placed = placed_in(&c.story);
        let audiences_by_id = |id: &str| {
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
            .map(|f| self.figure(f, f.audience.as_deref().and_then(audiences_by_id), diags))
            .collect();
        let quotes = c
            .quotes
            .iter()
            .enumerate()
            .filter(|(i, _)| !placed.quotes.contains(&(i + 1)))
            .map(|(_, q)| quote_html(self, q))
            .collect();
        let charts = c
            .charts
            .iter()
            .filter(|ch| !placed.charts.contains(&ch.id))
            .filter_map(|ch| {
                let data = self.declared_chart(ch, diags);
                self.draw(&data, diags)
            })
            .map(|c| c.html)
            .collect();
        let audience_charts = self
            .audience_charts(c, diags)
            .iter()
            .filter_map(|d| self.draw(d, diags))
            .map(|c| c.html)
            .collect();
        let result_charts = self
            .result_charts(c, diags)
            .iter()
            .filter_map(|d| self.draw(d, diags))
            .map(|c| c.html)
            .collect();
        let title = self.text(&c.name);
        let summary = self.text(&c.summary);
        let untranslated =
            title.fallback || summary.fallback || story.as_ref().is_some_and(|d| d.fallback);
        CampaignView {
            slug: c.slug.clone(),
            period: self.period(&c.period, diags),
            countries: self.country_names(&c.countries, "country", diags),
            languages: self.country_names(&c.languages, "language", diags),
            partners: c
                .partners
                .iter()
                .map(|p| PartnerView {
                    name: p.name.clone(),
                    url: p.url.clone(),
                })
                .collect(),
            metrics,
            results,
            audience_charts,
            result_charts,
            quotes,
            charts,
            story,
            report_title: self.text(&r.title),
            report_href: paths::relative(page_path, &paths::report(self.lang, &r.slug)),
            title,
            summary,
            untranslated,
        }
    }
}

/// Quotes and charts a story places itself (so the page does not repeat them).
#[derive(Default)]
struct Placed {
    quotes: Vec<usize>,
    charts: Vec<String>,
}

fn placed_in(docs: &LangDocs) -> Placed {
    let mut placed = Placed::default();
    for doc in docs.docs.values() {
        let (_, found, _) = shortcode::extract(&doc.body);
        for sc in found {
            match sc.name.as_str() {
                "quote" => {
                    if let Some(n) = sc.number("n") {
                        placed.quotes.push(n as usize);
                    }
                }
                "chart" => {
                    if let Some(id) = sc.text("id") {
                        placed.charts.push(id.to_string());
                    }
                }
                _ => {}
            }
        }
    }
    placed
}

/// `en-GB` -> `en_GB`; a bare `lt` gets its usual country (`lt_LT`).
fn og_locale(locale: &str, lang: &Lang) -> String {
    match locale.split_once('-') {
        Some((l, region)) => format!("{l}_{region}"),
        None => match lang.as_str() {
            "en" => "en_GB".into(),
            other => format!("{other}_{}", other.to_uppercase()),
        },
    }
}

/// The publisher's name, a link to their site when they have one.
fn organisation_html(o: &Organisation) -> String {
    let name = crate::markup::escape(&o.name);
    match &o.url {
        Some(url) => format!(
            "<a href=\"{}\" rel=\"external\">{name}</a>",
            crate::markup::escape(url)
        ),
        None => name,
    }
}
