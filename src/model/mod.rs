//! The checked content model: what the loader produces from YAML, Markdown,
//! Fluent and theme files, and every later stage consumes. Values keep the
//! [`Span`] they were read from. Nothing here reads files or formats text.

mod lang;
mod span;
mod value;

pub use lang::{Lang, LangMap, Localised};
pub use span::{display_name, line_col, FileId, SourceFile, SourceMap, Span};
pub use value::{Currency, Date, Qualifier, Value, ValueKind, KIND_NAMES};

pub use crate::brand::colour::Rgb;

use std::collections::BTreeMap;

/// A whole site, as loaded from its root folder.
#[derive(Debug)]
pub struct Site {
    /// `content/site.yaml`.
    pub config: SiteConfig,
    /// Reports, sorted by slug.
    pub reports: Vec<Report>,
    /// Campaigns by slug.
    pub campaigns: BTreeMap<String, Campaign>,
    /// Campaign folders whose campaign.yaml could not be read (already
    /// reported); references to them are not errors of their own.
    pub unreadable_campaigns: std::collections::BTreeSet<String>,
    /// Report folders whose report.yaml could not be read (already
    /// reported): a campaign may be listed there, so "in no report" is not
    /// said of any campaign.
    pub unreadable_reports: std::collections::BTreeSet<String>,
    /// Fluent files, by language.
    pub locales: BTreeMap<Lang, Vec<FluentFile>>,
    /// The theme's templates and static files.
    pub theme: Theme,
    /// Images and other media beside the Markdown, by path from the site
    /// root (`content/campaigns/bali/photo.jpg`).
    pub media: BTreeMap<String, Vec<u8>>,
    /// The images among `media`, made fit to publish by the image stage
    /// of the build (empty until then).
    pub photos: crate::images::Photos,
    /// The files of the site's `static/` folder, published as they are at
    /// the same path in the output (`static/CNAME` -> `CNAME`), by that
    /// path: what a host needs that impact does not make.
    pub statics: BTreeMap<String, StaticFile>,
}

/// The folder beside `content/` whose files are published as they are.
pub const STATIC_DIR: &str = "static";

/// A file of `static/`.
#[derive(Debug, Clone)]
pub struct StaticFile {
    /// Its bytes, published as they are.
    pub bytes: Vec<u8>,
    /// Its name in the source map (with no text), for what is said of it.
    pub file: FileId,
}

/// File endings the loader reads as media for Markdown to show or link.
pub const MEDIA_EXTENSIONS: &[&str] = &[
    "png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "heic", "heif", "pdf",
];

/// `content/site.yaml`.
#[derive(Debug)]
pub struct SiteConfig {
    /// Site title per language.
    pub title: LangMap,
    /// One sentence about the site, per language.
    pub description: Option<LangMap>,
    /// Site languages; the first is the default.
    pub languages: Vec<Lang>,
    /// Where the site is published, ending in `/`: a full address
    /// (`https://example.org/impact/`) or a path on the organisation's own
    /// domain (`/reports/`). Links inside the site are always relative;
    /// what needs a full address (the sitemap, Open Graph tags) is left out
    /// when this is a path (see [`SiteConfig::address`]).
    pub base_url: String,
    /// Who publishes the reports.
    pub organisation: Organisation,
    /// Theme folder name under `themes/`.
    pub theme: String,
    /// Whether raw HTML in Markdown is passed through (off by default).
    pub allow_raw_html: bool,
    /// Write `_headers` for Netlify and Cloudflare Pages (docs/hosting.md).
    pub headers_file: bool,
    /// CLDR locale for formatting, per language (`en` -> `en-GB`); a
    /// language not listed is formatted by its own code.
    pub format_locales: BTreeMap<Lang, String>,
    /// The organisation's logo and colours.
    pub brand: Brand,
    /// The licence of the published figures, for the open-data pack.
    pub data_licence: Option<Licence>,
    /// Where the file is.
    pub span: Span,
    /// Where `base_url` was written (the whole file when it was not).
    pub base_url_span: Span,
}

impl SiteConfig {
    /// The default language (the first of `languages`).
    pub fn default_lang(&self) -> &Lang {
        &self.languages[0]
    }

    /// The site's full address (`https://…/`), or `None` when `base_url`
    /// is a path and the site does not know its host.
    pub fn address(&self) -> Option<&str> {
        let b = self.base_url.as_str();
        (b.starts_with("https://") || b.starts_with("http://")).then_some(b)
    }
}

/// `brand:` in site.yaml: how the site shows whose it is. Every part is
/// optional; the theme's own look stands in for what is not given.
#[derive(Debug, Clone, Default)]
pub struct Brand {
    /// The logo, for the header, the PDF cover, social cards and favicon.
    pub logo: Option<Logo>,
    /// The main colour: links, text accents, the first chart series.
    /// Checked at 4.5:1 on the page background.
    pub colour: Option<Rgb>,
    /// The second colour: interface boundaries and the second chart
    /// series. Checked at 3:1 on the page background (WCAG 1.4.11).
    pub accent: Option<Rgb>,
}

/// A logo image read from the site.
#[derive(Debug, Clone)]
pub struct Logo {
    /// Its path as written in site.yaml, relative to `content/`.
    pub path: String,
    /// SVG or PNG.
    pub format: LogoFormat,
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Its size in CSS pixels (PNG pixels, or the SVG's width and height
    /// or viewBox), to reserve its box on the page.
    pub width: u32,
    /// See `width`.
    pub height: u32,
    /// The logo as the social cards paint it, made once when the site is
    /// read (`None` until then).
    pub card: Option<LogoRaster>,
    /// Where `logo:` was written.
    pub span: Span,
}

/// A logo rasterised for the social cards, which are palette images: at
/// most a fixed number of colours, already laid on the card's white.
#[derive(Debug, Clone, PartialEq)]
pub struct LogoRaster {
    /// Width in card pixels.
    pub width: u32,
    /// Height in card pixels.
    pub height: u32,
    /// The colours it is painted in.
    pub colours: Vec<[u8; 3]>,
    /// Row by row, one per pixel: 0 for the card's white, `i` for
    /// `colours[i - 1]`.
    pub pixels: Vec<u8>,
    /// SHA-256 of all of the above, for the card's key.
    pub digest: [u8; 32],
}

/// The image formats a logo may have: ones every browser, Typst and our
/// card drawing can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogoFormat {
    /// `image/svg+xml`.
    Svg,
    /// `image/png`.
    Png,
}

impl LogoFormat {
    /// The file extension, also used in output names.
    pub fn extension(self) -> &'static str {
        match self {
            LogoFormat::Svg => "svg",
            LogoFormat::Png => "png",
        }
    }

    /// The MIME type.
    pub fn mime(self) -> &'static str {
        match self {
            LogoFormat::Svg => "image/svg+xml",
            LogoFormat::Png => "image/png",
        }
    }
}

/// Under which terms the figures may be reused.
#[derive(Debug, Clone)]
pub struct Licence {
    /// Its identifier (`CC-BY-4.0`).
    pub name: String,
    /// Where its text is.
    pub url: Option<String>,
    /// Its full name, per language.
    pub title: Option<LangMap>,
}

/// The organisation that publishes the site.
#[derive(Debug, Clone)]
pub struct Organisation {
    /// Its name, the same in every language.
    pub name: String,
    /// Its home page.
    pub url: Option<String>,
}

/// A partner organisation: its name may differ per language
/// ("Missing Persons' Families Support Centre" / "Dingusių žmonių šeimų
/// paramos centras").
#[derive(Debug, Clone)]
pub struct Partner {
    /// Its name per language (one name written as a string is the same in
    /// every language).
    pub name: LangMap,
    /// Its home page.
    pub url: Option<String>,
}

/// An inclusive period of days.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Period {
    /// First day.
    pub start: Date,
    /// Last day.
    pub end: Date,
}

/// A figure: a metric key, its value and how sure it is.
#[derive(Debug, Clone)]
pub struct Figure {
    /// Metric key, e.g. `reach`; its label is the Fluent message `metric-<key>`.
    pub metric: String,
    /// The value.
    pub value: Value,
    /// "at least", "about".
    pub qualifier: Option<Qualifier>,
    /// The audience it belongs to, for campaign results.
    pub audience: Option<String>,
    /// Where it was written (its metric key).
    pub span: Span,
    /// Where its value is written (checked against the key's kind).
    pub value_span: Span,
    /// The value written could not be read and `value` stands in for it
    /// (already reported), so it is not checked again.
    pub stand_in: bool,
}

/// A Markdown file in one language: its front matter and body.
#[derive(Debug, Clone)]
pub struct MarkdownDoc {
    /// The file.
    pub file: FileId,
    /// Title from front matter, if any.
    pub title: Option<String>,
    /// Order among sections (lower first).
    pub weight: i64,
    /// The whole file's text, shared with the source map.
    pub text: std::sync::Arc<str>,
    /// Where the Markdown after the front matter starts in it.
    pub body_start: usize,
    /// Lines before the body (front matter), to report body lines correctly.
    pub body_line_offset: u32,
}

impl MarkdownDoc {
    /// The Markdown after the front matter.
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }
}

/// A Markdown text given once per language; a language may be missing when
/// the build allows it.
#[derive(Debug, Clone, Default)]
pub struct LangDocs {
    /// Documents by language.
    pub docs: BTreeMap<Lang, MarkdownDoc>,
    /// Languages whose file exists but could not be read (already
    /// reported, e.g. not UTF-8): not "missing" as well.
    pub unreadable: std::collections::BTreeSet<Lang>,
}

/// `content/reports/<slug>/`.
#[derive(Debug)]
pub struct Report {
    /// Folder name; also the URL segment.
    pub slug: String,
    /// Title per language.
    pub title: LangMap,
    /// Period covered.
    pub period: Period,
    /// Summary per language.
    pub summary: LangMap,
    /// The big figures at the top.
    pub headline: Vec<Figure>,
    /// Campaign slugs, in display order.
    pub campaigns: Vec<(String, Span)>,
    /// Income and expenditure, if given.
    pub finances: Option<Finances>,
    /// `index.<lang>.md`: the introduction.
    pub intro: LangDocs,
    /// `<name>.<lang>.md` sections, sorted by weight then name.
    pub sections: Vec<Section>,
    /// `report.yaml`.
    pub file: FileId,
    /// Its cover photo.
    pub cover: Option<Cover>,
}

/// `cover:` of a report or campaign: a photo at the top of its page, on
/// its social card and on its PDF's cover.
#[derive(Debug, Clone)]
pub struct Cover {
    /// The file, from the site root (`content/campaigns/x/cover.jpg`);
    /// empty when what was written leaves the folder (reported).
    pub src: String,
    /// `src` as written.
    pub written: String,
    /// Where `src` was written.
    pub span: Span,
    /// What it shows, per language.
    pub alt: LangMap,
    /// Who made it.
    pub credit: Option<String>,
}

/// A report section (`<name>.<lang>.md`).
#[derive(Debug)]
pub struct Section {
    /// File stem; also the anchor id on the page.
    pub name: String,
    /// The section text per language.
    pub docs: LangDocs,
}

/// A report's money in and out over a period.
#[derive(Debug, Clone)]
pub struct Finances {
    /// The financial year.
    pub period: Period,
    /// ISO 4217 currency.
    pub currency: Currency,
    /// Money in.
    pub income: f64,
    /// Money out.
    pub expenditure: f64,
}

/// `content/campaigns/<slug>/`.
#[derive(Debug)]
pub struct Campaign {
    /// Folder name; also the URL segment.
    pub slug: String,
    /// Name per language.
    pub name: LangMap,
    /// Summary per language.
    pub summary: LangMap,
    /// When it ran.
    pub period: Period,
    /// ISO 3166-1 alpha-2 codes, upper case, with where each was written.
    pub countries: Vec<(String, Span)>,
    /// Languages the campaign itself ran in (ISO 639 codes), with where
    /// each was written.
    pub languages: Vec<(String, Span)>,
    /// Partner organisations.
    pub partners: Vec<Partner>,
    /// Where it ran, with figures per place.
    pub audiences: Vec<Audience>,
    /// Single findings.
    pub results: Vec<Figure>,
    /// Quotes.
    pub quotes: Vec<Quote>,
    /// Declared charts.
    pub charts: Vec<ChartSpec>,
    /// `story.<lang>.md`.
    pub story: LangDocs,
    /// `campaign.yaml`.
    pub file: FileId,
    /// Its cover photo.
    pub cover: Option<Cover>,
}

/// A place or group a campaign targeted.
#[derive(Debug)]
pub struct Audience {
    /// Identifier used by results and shortcodes.
    pub id: String,
    /// Display name per language.
    pub name: LangMap,
    /// Figures, in the order written.
    pub metrics: Vec<Figure>,
    /// Where the audience was written.
    pub span: Span,
}

/// A quote with who said it.
#[derive(Debug)]
pub struct Quote {
    /// The words.
    pub text: LangMap,
    /// Who said it.
    pub who: LangMap,
}

/// A declared chart (`charts:` in campaign.yaml).
#[derive(Debug)]
pub struct ChartSpec {
    /// Identifier for `{{ chart(id="…") }}`.
    pub id: String,
    /// How to draw it.
    pub kind: ChartKind,
    /// Title per language.
    pub title: LangMap,
    /// What the values are.
    pub unit: ChartUnit,
    /// Data points.
    pub data: Vec<ChartDatum>,
    /// Where it was written.
    pub span: Span,
}

/// Chart kinds of DESIGN.md.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, serde::Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum ChartKind {
    /// Vertical bars.
    Bar,
    /// Horizontal bars.
    Hbar,
    /// Bars grouped by series.
    Grouped,
    /// A line over categories.
    Line,
    /// A ring of shares.
    Donut,
}

/// What a chart's values are.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, serde::Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum ChartUnit {
    /// Whole numbers.
    Count,
    /// Fractions 0..1 shown as percent.
    Share,
    /// Amounts of money.
    Money,
    /// Lengths of time in seconds, shown in units (`1 min, 53 sec`).
    Duration,
}

/// One labelled value of a declared chart.
#[derive(Debug)]
pub struct ChartDatum {
    /// Category label per language.
    pub label: LangMap,
    /// The value.
    pub value: f64,
}

/// A Fluent file of one language.
#[derive(Debug, Clone)]
pub struct FluentFile {
    /// The file.
    pub file: FileId,
}

/// A theme: templates by name and static files by path.
#[derive(Debug, Default)]
pub struct Theme {
    /// Folder name.
    pub name: String,
    /// `templates/*.html`, by file name.
    pub templates: BTreeMap<String, FileId>,
    /// `static/**`, by path relative to `static/`, with their bytes.
    pub static_files: BTreeMap<String, Vec<u8>>,
    /// `fonts/*.ttf|otf`, by file name: the one font family that the pages
    /// (as web fonts), the charts and the PDF all use.
    pub fonts: BTreeMap<String, Vec<u8>>,
    /// `pdf/report.typ`: the Typst template of the report PDF.
    pub pdf_template: Option<(FileId, String)>,
}
