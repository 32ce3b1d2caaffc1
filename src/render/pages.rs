//! The context of each kind of page (language chooser, home, report,
//! campaign, 404), built from the model through a [`Viewer`].

use serde::Serialize;

use super::documents::{CampaignDoc, ReportDoc};
use super::emit::quote_html;
use super::paths;
use super::view::{DocView, FigureView, Viewer};
use crate::diagnostics::Diagnostics;
use crate::document::html::Emit;
use crate::document::{ChartRef, Doc};
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
    /// Public URL of this page: a full address, or a path from the host's
    /// root when `base_url` is a path.
    pub canonical: String,
    /// The page's full address for Open Graph (`og:url`), which must be
    /// absolute; `None` when `base_url` is a path.
    pub social_url: Option<String>,
    /// Path from the home page to here.
    pub breadcrumbs: Vec<Crumb>,
    /// The page's title (for `<title>`).
    pub title: String,
    /// One sentence for `<meta name=description>`.
    pub description: String,
    /// Absolute URL of the page's social card (`og:image`).
    pub card: Option<String>,
    /// The card's MIME type, size and description (a drawn card, or the
    /// page's cover photo).
    pub card_image: CardImage,
    /// The page language as Open Graph wants it (`en_GB`, `lt_LT`).
    pub og_locale: String,
    /// The report's period and data hash, in the footer of its pages.
    pub version: Option<String>,
    /// The hash of an inline style sheet for the Content-Security-Policy
    /// (`_head.html`); pages link theirs, so none.
    pub style_hash: Option<String>,
}

/// What `og:image:*` says of a social card.
#[derive(Serialize, Clone, Debug)]
pub struct CardImage {
    /// `image/png` (a drawn card) or the cover's type.
    pub mime: String,
    /// Pixels across.
    pub width: u32,
    /// Pixels down.
    pub height: u32,
    /// The cover's description; `None`: the page title describes a drawn card.
    pub alt: Option<String>,
}

impl Default for CardImage {
    fn default() -> Self {
        CardImage {
            mime: "image/png".into(),
            width: 1200,
            height: 630,
            alt: None,
        }
    }
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
    /// The organisation's logo, for the header.
    pub logo: Option<LogoView>,
}

/// The logo as a page shows it: the asset's name (for `asset()`) and its
/// box, scaled to the header's height.
#[derive(Serialize)]
pub struct LogoView {
    /// `brand/logo.svg`: pass to `asset(path=…)`.
    pub asset: String,
    /// Width in CSS pixels at [`LOGO_HEIGHT`].
    pub width: u32,
    /// [`LOGO_HEIGHT`].
    pub height: u32,
}

/// The logo's height in the header, in CSS pixels.
pub const LOGO_HEIGHT: u32 = 40;

impl LogoView {
    /// The view of `logo`, or `None`.
    pub fn of(logo: Option<&Logo>) -> Option<LogoView> {
        logo.map(|l| LogoView {
            asset: super::logo_asset(l),
            width: (f64::from(l.width) * f64::from(LOGO_HEIGHT) / f64::from(l.height.max(1)))
                .round()
                .max(1.0) as u32,
            height: LOGO_HEIGHT,
        })
    }
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
#[derive(Serialize, Clone)]
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
    /// The cover photo (HTML).
    pub cover: Option<String>,
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
#[derive(Serialize, Clone)]
pub struct MetricTable {
    /// Column headings.
    pub audiences: Vec<Localised>,
    /// One row per metric.
    pub rows: Vec<MetricRow>,
}

/// A row of [`MetricTable`].
#[derive(Serialize, Clone)]
pub struct MetricRow {
    /// Metric name.
    pub name: Localised,
    /// One formatted value per audience ("–" where there is none).
    pub cells: Vec<String>,
}

/// A partner.
#[derive(Serialize, Clone)]
pub struct PartnerView {
    /// Name, in the page's language where it is given per language.
    pub name: Localised,
    /// Site.
    pub url: Option<String>,
}

/// The campaign page.
#[derive(Serialize)]
pub struct CampaignView {
    /// What the campaign is, as its document has it.
    #[serde(flatten)]
    pub facts: CampaignFacts,
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
    /// The address of the CSV of its figures per audience.
    pub figures_data: Option<String>,
    /// The cover photo (HTML).
    pub cover: Option<String>,
}

impl CampaignView {
    /// The length of its HTML parts: drawings, quotes, story and cover.
    pub fn html_len(&self) -> usize {
        let parts = [
            &self.audience_charts,
            &self.result_charts,
            &self.quotes,
            &self.charts,
        ];
        parts
            .iter()
            .flat_map(|p| p.iter())
            .map(String::len)
            .sum::<usize>()
            + self.story.as_ref().map_or(0, |s| s.html.len())
            + self.cover.as_ref().map_or(0, String::len)
    }
}

/// A campaign's facts and figures in one language: the same in its
/// document, on its page, in the single-file HTML and in the PDF.
#[derive(Serialize, Clone)]
pub struct CampaignFacts {
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
    /// Whether any text is a fallback.
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
            mime: match kind {
                "pdf" => "application/pdf",
                "zip" => "application/zip",
                "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                _ => "text/html",
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
                logo: LogoView::of(c.brand.logo.as_ref()),
            },
            alternates,
            canonical: paths::absolute(&c.base_url, page_path),
            social_url: c.address().map(|a| paths::absolute(a, page_path)),
            breadcrumbs,
            title,
            description,
            card: None,
            card_image: CardImage::default(),
            version: None,
            style_hash: None,
            og_locale: og_locale(&self.l10n.formats(self.lang).locale(), self.lang),
        }
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

    /// The campaigns of report `r` as its page lists them, linked from
    /// `page_path`.
    pub fn campaign_cards(
        &self,
        r: &Report,
        link: &dyn Fn(&str) -> String,
        diags: &mut Diagnostics,
    ) -> Vec<CampaignCard> {
        r.campaigns
            .iter()
            .filter_map(|(slug, _)| self.site.campaigns.get(slug))
            .map(|c| CampaignCard {
                title: self.text(&c.name),
                summary: self.text(&c.summary),
                period: self.period(&c.period, diags),
                href: link(&c.slug),
                countries: self.names(&c.countries, "country", diags),
            })
            .collect()
    }
}

/// A text of the document as HTML for the place `cx` describes.
pub fn doc_view(doc: &Doc, cx: &dyn Emit) -> DocView {
    DocView {
        html: crate::document::html::emit(
            &doc.blocks,
            doc.raw_html,
            &doc.prefix,
            &doc.footnotes_label,
            cx,
        ),
        fallback: doc.fallback,
        lang: doc.lang.clone(),
        title: doc.title.clone(),
    }
}

/// The report's view for a page or the single-file HTML: `cx` says how
/// its texts' links and placements are written, `campaigns` its list.
pub fn report_view(
    doc: &ReportDoc,
    slug: &str,
    campaigns: Vec<CampaignCard>,
    cx: &dyn Emit,
    chart: &dyn Fn(&ChartRef) -> String,
) -> ReportView {
    let intro = doc.intro.as_ref().map(|d| doc_view(d, cx));
    let sections = doc
        .sections
        .iter()
        .map(|(id, d)| SectionView {
            id: id.clone(),
            doc: doc_view(d, cx),
        })
        .collect();
    let untranslated = doc.untranslated
        || campaigns
            .iter()
            .any(|c| c.title.fallback || c.summary.fallback);
    ReportView {
        slug: slug.to_string(),
        title: doc.title.clone(),
        summary: doc.summary.clone(),
        period: doc.period.clone(),
        headline: doc.headline.clone(),
        intro,
        sections,
        campaigns,
        finances: doc.finances.clone(),
        finance_chart: doc.finance_chart.as_ref().map(chart),
        downloads: Vec::new(),
        version: String::new(),
        untranslated,
        cover: doc
            .cover
            .as_ref()
            .map(|c| crate::document::html::cover_html(c, cx)),
    }
}

/// A campaign's view for its page or the single-file HTML.
pub fn campaign_view(
    doc: &CampaignDoc,
    report_title: Localised,
    report_href: String,
    cx: &dyn Emit,
    chart: &dyn Fn(&ChartRef) -> String,
    figures_data: Option<String>,
) -> CampaignView {
    let charts = |refs: &[ChartRef]| -> Vec<String> {
        refs.iter().map(chart).filter(|h| !h.is_empty()).collect()
    };
    CampaignView {
        facts: doc.facts.clone(),
        audience_charts: charts(&doc.audience_charts),
        result_charts: charts(&doc.result_charts),
        quotes: doc.quotes.iter().map(quote_html).collect(),
        charts: charts(&doc.charts),
        story: doc.story.as_ref().map(|d| doc_view(d, cx)),
        report_title,
        report_href,
        figures_data: doc.metric_data.as_ref().and(figures_data),
        cover: doc
            .cover
            .as_ref()
            .map(|c| crate::document::html::cover_html(c, cx)),
    }
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
