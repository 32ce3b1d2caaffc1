//! Model + localiser -> output files: every page in every language
//! (rendered in parallel), the language chooser, 404, sitemap and the
//! theme's static files under hashed names. Each file goes to the caller's
//! [`Sink`] as soon as it is made, so memory holds a page per thread rather
//! than the whole site. Rendering never reads files; it returns every
//! problem it finds together.

mod cards;
mod charts;
mod data;
pub mod documents;
mod emit;
mod error;
mod font_faces;
mod hosting;
mod media;
mod open_data;
mod pages;
pub mod paths;
mod report_doc;
mod resolve;
mod single_html;
mod sitemap;
mod templates;
mod view;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;
use sha2::{Digest, Sha256};
use tera::{Context, Tera};

pub use media::missing_file_message;
pub use templates::REQUIRED_TEMPLATES;

use crate::charts::Fonts;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::document::Owner;
use crate::l10n::Localiser;
use crate::model::*;
pub use charts::Drawn;
use documents::{CampaignDoc, Documents, ReportDoc};
use emit::{DataLinks, PageEmit, PdfEmit};
pub use error::RenderError;
use pages::Crumb;
use view::Viewer;

/// A file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Path relative to the output root, `/`-separated.
    pub path: String,
    /// Contents.
    pub bytes: Vec<u8>,
}

/// One page to render, from its document; a report's data version (a
/// hash of all its sources) is worked out once, not once per page.
enum Job<'a> {
    Home(&'a Lang),
    Report(&'a ReportDoc, &'a str),
    Campaign(&'a ReportDoc, &'a str, &'a CampaignDoc),
}

/// What to make besides the pages.
#[derive(Debug, Clone, Copy)]
pub struct SiteOptions {
    /// Typeset a PDF of every report in every language (slow; skipped by
    /// `--no-pdf` and in preview).
    pub pdf: bool,
    /// Render for `impact serve`: a report's version is its period alone,
    /// without the hash of its sources, and no downloads are made. The
    /// hash changes with every edit and every page of the report shows it,
    /// so with it one edit would change every page; and a download holds
    /// the whole report (11 MB of HTML for 1000 campaigns), so remaking it
    /// would cost every edit of any campaign most of a second. Without
    /// them an edit changes only the pages that show what was edited.
    pub preview: bool,
}

/// Typesets a report document as PDF bytes, or says why it cannot.
type PdfMaker = dyn Fn(&crate::pdf::PdfDocument) -> Result<Vec<u8>, String> + Send + Sync;

/// What every report job needs to make its downloads.
struct Downloads {
    /// The theme's style sheet with its fonts inlined.
    css: String,
    /// The PDF engine, when PDFs are made.
    pdf: Option<Box<PdfMaker>>,
}

/// Where rendered files go as they are made: the build's staging folder,
/// or nowhere for `impact check`. Called from many threads at once; an
/// error (the disk is full) is reported as a problem of the build.
pub type Sink<'a> = dyn Fn(OutputFile) -> Result<(), String> + Sync + 'a;

/// Which pages to render.
#[derive(Debug, Clone, Copy)]
pub enum Pages<'a> {
    /// The whole site.
    All,
    /// Only the files an edit of these campaigns can change (the preview
    /// after an edit): their pages and cards, the pages of campaigns whose
    /// story names one of them (a `metric` shortcode may show its
    /// figures), the reports that list or name them with their downloads,
    /// and the home pages. Everything else depends on files that were not
    /// edited, so it is left as it is.
    Touching(&'a std::collections::BTreeSet<String>),
}

impl Pages<'_> {
    /// Whether a page made from these Markdown texts (and listing these
    /// campaigns) can change.
    pub(crate) fn touches<'d>(
        &self,
        mut listed: impl Iterator<Item = &'d str>,
        mut docs: impl Iterator<Item = &'d LangDocs>,
    ) -> bool {
        match self {
            Pages::All => true,
            Pages::Touching(slugs) => {
                listed.any(|slug| slugs.contains(slug))
                    || docs.any(|d| {
                        d.docs
                            .values()
                            .any(|doc| slugs.iter().any(|s| doc.body().contains(s.as_str())))
                    })
            }
        }
    }
}

/// Everything rendering needs besides the model, made once: the fonts, the
/// templates, the theme's assets and the PDF engine. The preview keeps one
/// between edits.
pub struct Renderer {
    l10n: Arc<Localiser>,
    fonts: Fonts,
    downloads: Downloads,
    asset_files: Vec<OutputFile>,
    tera: Tera,
    opts: SiteOptions,
    /// The last build's output, whose social cards are taken where they
    /// are the ones this build would draw.
    earlier: Option<PathBuf>,
}

/// Renders the whole site, handing every file to `sink`; returns the paths
/// of the files made, sorted. After an error, some files may already have
/// gone to `sink`: the caller throws them away.
pub fn site(
    site: &Site,
    sources: &SourceMap,
    l10n: Arc<Localiser>,
    opts: SiteOptions,
    sink: &Sink,
) -> Result<Vec<String>, Diagnostics> {
    let renderer = Renderer::new(site, sources, l10n, opts)?;
    let mut diags = Diagnostics::default();
    let docs = renderer.documents(site, Pages::All, &mut diags);
    let drawn = renderer.charts(site, &docs, &mut diags);
    if diags.has_errors() {
        return Err(diags);
    }
    renderer.render(site, sources, &docs, &drawn, Pages::All, sink)
}

impl Renderer {
    /// Reads the theme's fonts, templates and assets and starts the PDF
    /// engine (when PDFs are made).
    pub fn new(
        site: &Site,
        sources: &SourceMap,
        l10n: Arc<Localiser>,
        opts: SiteOptions,
    ) -> Result<Renderer, Diagnostics> {
        // Every problem of the theme is found before any is reported: a
        // theme without its font and without its PDF template says both.
        let mut diags = Diagnostics::default();
        let fonts = theme_fonts(&site.theme).map_err(|e| diags.push(e.diagnostic()));
        let pdf = match opts.pdf {
            true => pdf_engine(&site.theme)
                .map(Some)
                .map_err(|e| diags.push(e.diagnostic())),
            false => Ok(None),
        };
        let (asset_files, asset_names) = assets(&site.theme, &site.config);
        let asset_names = Arc::new(asset_names);
        let tera = templates::build(site, sources, l10n.clone(), asset_names, &mut diags);
        let (Ok(fonts), Ok(pdf), Some(tera)) = (fonts, pdf, tera) else {
            return Err(diags);
        };
        let downloads = Downloads {
            css: single_css(&site.theme, &site.config.brand),
            pdf,
        };
        Ok(Renderer {
            l10n,
            fonts,
            downloads,
            asset_files,
            tera,
            opts,
            earlier: None,
        })
    }

    /// Takes social cards from `out`, the last build's output, where they
    /// are the ones this build would draw (same text, fonts and program).
    /// Only for a folder the build writes to: `out` has passed the checks
    /// that keep it out of the site's sources.
    pub fn reuse_cards_from(&mut self, out: &Path) {
        self.earlier = Some(out.to_path_buf());
    }

    /// The document stage: the reports and campaigns `pages` shows, in
    /// every language, each text parsed once.
    pub fn documents(&self, site: &Site, pages: Pages, diags: &mut Diagnostics) -> Documents {
        documents::build(site, &self.l10n, pages, diags)
    }

    /// The chart stage: every chart of `docs` drawn once per language.
    pub fn charts(&self, site: &Site, docs: &Documents, diags: &mut Diagnostics) -> Drawn {
        charts::draw_all(site, &self.l10n, &self.fonts, docs, diags)
    }

    /// Renders `pages` of `site` from its documents and drawings, handing
    /// every file to `sink`; returns the paths of the files made, sorted.
    /// After an error, some files may already have gone to `sink`: the
    /// caller throws them away.
    pub fn render(
        &self,
        site: &Site,
        sources: &SourceMap,
        docs: &Documents,
        drawn: &Drawn,
        pages: Pages,
        sink: &Sink,
    ) -> Result<Vec<String>, Diagnostics> {
        let mut diags = Diagnostics::default();
        let l10n = &*self.l10n;
        let versions: Vec<String> = site
            .reports
            .iter()
            .map(|r| match self.opts.preview {
                true => String::new(),
                false => report_doc::version(r, sources),
            })
            .collect();
        let mut jobs = Vec::new();
        for lang in &site.config.languages {
            jobs.push(Job::Home(lang));
            for doc in docs.reports.iter().filter(|d| &d.lang == lang) {
                let version = &versions[doc.index];
                if doc.page {
                    jobs.push(Job::Report(doc, version));
                }
                for c in &doc.campaigns {
                    jobs.push(Job::Campaign(doc, version, c));
                }
            }
        }

        // Hands a file to the sink, remembering its path.
        let emit = |file: OutputFile, paths: &mut Vec<String>, d: &mut Diagnostics| {
            let path = file.path.clone();
            match sink(file) {
                Ok(()) => paths.push(path),
                Err(e) => d.push(Diagnostic::error(None, e).help(
                    "check the --out folder, that you may write to it and that the disk has room",
                )),
            }
        };

        let run = |job: &Job| {
            let mut d = Diagnostics::default();
            let mut paths = Vec::new();
            let files = self.render_job(job, site, drawn, &mut d);
            for file in files {
                emit(file, &mut paths, &mut d);
            }
            (paths, d)
        };
        // A report's page comes with its downloads, each as large as all
        // its campaigns together (11 MB of HTML for 1000 campaigns), made
        // side by side (see `report_downloads`). Reports go first, so
        // that their long jobs start while campaign pages fill the gaps.
        let (reports, rest): (Vec<&Job>, Vec<&Job>) =
            jobs.iter().partition(|job| matches!(job, Job::Report(..)));
        let results: Vec<_> = reports.into_par_iter().chain(rest).map(run).collect();

        let mut paths = Vec::new();
        for (p, d) in results {
            diags.extend(d);
            paths.extend(p);
        }
        if let Pages::All = pages {
            let (fonts, tera) = (&self.fonts, &self.tera);
            let mut rest = self.asset_files.clone();
            rest.extend(chooser(site, l10n, fonts, tera, &mut diags));
            rest.extend(not_found(site, l10n, fonts, tera, &mut diags));
            // A sitemap lists full addresses only (sitemaps.org): without
            // one (a path base_url) it is left out, as validation warns.
            rest.extend(sitemap::sitemap(site));
            rest.push(hosting::robots(&site.config.base_url));
            if site.config.headers_file {
                let slugs: Vec<&str> = site.reports.iter().map(|r| r.slug.as_str()).collect();
                let (base, langs) = (&site.config.base_url, &site.config.languages);
                rest.push(hosting::headers_file(base, langs, &slugs));
            }
            // Images are published as their renditions, never as they
            // were (their metadata stays behind); other files (PDFs) as
            // they are.
            for (path, bytes) in &site.media {
                match site.photos.get(path) {
                    Some(photo) => rest.extend(photo.files().map(|r| OutputFile {
                        path: r.path.clone(),
                        bytes: r.bytes.to_vec(),
                    })),
                    None if crate::images::is_image(path) => {}
                    None => rest.push(OutputFile {
                        path: media::output_path(path, bytes),
                        bytes: bytes.clone(),
                    }),
                }
            }
            for file in rest {
                emit(file, &mut paths, &mut diags);
            }
            for file in statics(site, &paths, &mut diags) {
                emit(file, &mut paths, &mut diags);
            }
        }

        if diags.has_errors() {
            return Err(diags);
        }
        paths.sort();
        Ok(paths)
    }

    /// What a page in `lang` is rendered with.
    fn viewer<'a>(&'a self, site: &'a Site, lang: &'a Lang) -> Viewer<'a> {
        Viewer {
            site,
            l10n: &self.l10n,
            lang,
            fonts: Some(&self.fonts),
        }
    }

    /// Renders one page, and its social card where it has one.
    fn render_job(
        &self,
        job: &Job,
        site: &Site,
        drawn: &Drawn,
        diags: &mut Diagnostics,
    ) -> Vec<OutputFile> {
        let (tera, downloads) = (&self.tera, &self.downloads);
        match *job {
            Job::Home(lang) => {
                let v = self.viewer(site, lang);
                let path = paths::home(lang);
                let title = v.text(&site.config.title).text;
                let description = site
                    .config
                    .description
                    .as_ref()
                    .map(|d| v.text(d).text)
                    .unwrap_or_default();
                let common = v.common(
                    &path,
                    &|l| paths::home(l),
                    title,
                    description,
                    vec![],
                    diags,
                );
                let reports = v.home_cards(&path, diags);
                #[derive(Serialize)]
                struct Ctx {
                    #[serde(flatten)]
                    common: pages::Common,
                    reports: Vec<pages::ReportCard>,
                }
                render_page(
                    tera,
                    "home.html",
                    &Ctx { common, reports },
                    path,
                    site,
                    diags,
                )
                .into_iter()
                .collect()
            }
            Job::Report(doc, version) => {
                let r = &site.reports[doc.index];
                let lang = &doc.lang;
                let v = self.viewer(site, lang);
                let path = paths::report(lang, &r.slug);
                let owner = Owner::Report(r.slug.clone());
                let cx = PageEmit {
                    lang,
                    drawn,
                    page_path: &path,
                    data: DataLinks::beside(owner.clone()),
                };
                let cards = v.campaign_cards(
                    r,
                    &|c| paths::relative(&path, &paths::campaign(lang, &r.slug, c)),
                    diags,
                );
                let chart =
                    |c: &crate::document::ChartRef| emit::chart_html(drawn, lang, c, "", &cx.data);
                let mut report = pages::report_view(doc, &r.slug, cards, &cx, &chart);
                // The preview makes no downloads (see `SiteOptions::preview`).
                let files = match self.opts.preview {
                    true => Vec::new(),
                    false => {
                        let version = v.version_text(r, version, diags);
                        report_downloads(&v, doc, &version, drawn, downloads, tera, diags)
                    }
                };
                report.downloads = files.iter().map(|(d, _)| d.clone()).collect();
                report.version = v.version_text(r, version, diags);
                let crumbs = vec![home_crumb(&v, &path, diags)];
                let card = v.report_card(r, &path, self.earlier.as_deref(), diags);
                let mut common = v.common(
                    &path,
                    &|l| paths::report(l, &r.slug),
                    report.title.text.clone(),
                    report.summary.text.clone(),
                    crumbs,
                    diags,
                );
                common.card = card.as_ref().and_then(|c| c.url.clone());
                if let Some(c) = &card {
                    common.card_image = c.image.clone();
                }
                common.version = Some(report.version.clone());
                #[derive(Serialize)]
                struct Ctx {
                    #[serde(flatten)]
                    common: pages::Common,
                    report: pages::ReportView,
                }
                let data = data_files(&path, &doc.chart_data, None, drawn, lang, &owner);
                let page = render_page(
                    tera,
                    "report.html",
                    &Ctx { common, report },
                    path,
                    site,
                    diags,
                );
                page.into_iter()
                    .chain(card.and_then(|c| c.file))
                    .chain(files.into_iter().map(|(_, f)| f))
                    .chain(data)
                    .collect()
            }
            Job::Campaign(rdoc, version, doc) => {
                let r = &site.reports[rdoc.index];
                let lang = &rdoc.lang;
                let v = self.viewer(site, lang);
                let Some(c) = site.campaigns.get(&doc.facts.slug) else {
                    return Vec::new();
                };
                let path = paths::campaign(lang, &r.slug, &c.slug);
                let owner = Owner::Campaign(c.slug.clone());
                let cx = PageEmit {
                    lang,
                    drawn,
                    page_path: &path,
                    data: DataLinks::beside(owner.clone()),
                };
                let chart =
                    |c: &crate::document::ChartRef| emit::chart_html(drawn, lang, c, "", &cx.data);
                let campaign = pages::campaign_view(
                    doc,
                    rdoc.title.clone(),
                    paths::relative(&path, &paths::report(lang, &r.slug)),
                    &cx,
                    &chart,
                    cx.data.file(data::FIGURES_FILE),
                );
                let crumbs = vec![
                    home_crumb(&v, &path, diags),
                    Crumb {
                        title: campaign.report_title.text.clone(),
                        href: campaign.report_href.clone(),
                    },
                ];
                let mut common = v.common(
                    &path,
                    &|l| paths::campaign(l, &r.slug, &c.slug),
                    campaign.facts.title.text.clone(),
                    campaign.facts.summary.text.clone(),
                    crumbs,
                    diags,
                );
                let card = v.campaign_card(c, &path, self.earlier.as_deref(), diags);
                common.card = card.as_ref().and_then(|c| c.url.clone());
                if let Some(c) = &card {
                    common.card_image = c.image.clone();
                }
                common.version = Some(v.version_text(r, version, diags));
                #[derive(Serialize)]
                struct Ctx {
                    #[serde(flatten)]
                    common: pages::Common,
                    campaign: pages::CampaignView,
                }
                let data = data_files(
                    &path,
                    &doc.chart_data,
                    doc.metric_data.as_ref(),
                    drawn,
                    lang,
                    &owner,
                );
                let page = render_page(
                    tera,
                    "campaign.html",
                    &Ctx { common, campaign },
                    path,
                    site,
                    diags,
                );
                page.into_iter()
                    .chain(card.and_then(|c| c.file))
                    .chain(data)
                    .collect()
            }
        }
    }
}

/// The CSVs beside the page at `page_path`: one per chart it shows (each
/// once, however often it is placed) and its table of figures per
/// audience, the files its "Get the data" links lead to.
fn data_files(
    page_path: &str,
    charts: &[(crate::document::ChartRef, charts::ChartData)],
    figures: Option<&data::Dataset>,
    drawn: &Drawn,
    lang: &Lang,
    owner: &crate::document::Owner,
) -> Vec<OutputFile> {
    let dir = page_path.strip_suffix("index.html").unwrap_or(page_path);
    let mut files = BTreeMap::new();
    for (key, _) in charts {
        if let Some(chart) = drawn.get(lang, key) {
            files
                .entry(data::chart_file(key, owner))
                .or_insert_with(|| chart.data.csv());
        }
    }
    if let Some(figures) = figures {
        files.insert(data::FIGURES_FILE.to_string(), figures.csv());
    }
    files
        .into_iter()
        .map(|(name, bytes)| OutputFile {
            path: format!("{dir}{name}"),
            bytes,
        })
        .collect()
}

/// The report as one document, written as a single-file HTML and (when
/// PDFs are on) a PDF beside the report's page, with its open-data pack,
/// and the links to them. The four files are independent and each is as
/// large as the whole report, so they are made side by side: a thread
/// with nothing left to render takes one over.
fn report_downloads(
    v: &Viewer,
    rdoc: &ReportDoc,
    version: &str,
    drawn: &Drawn,
    downloads: &Downloads,
    tera: &Tera,
    diags: &mut Diagnostics,
) -> Vec<(pages::Download, OutputFile)> {
    let r = &v.site.reports[rdoc.index];
    let url = v
        .site
        .config
        .address()
        .map(|a| paths::absolute(a, &paths::report(v.lang, &r.slug)));
    let made =
        |kind: &str, bytes: Vec<u8>, d: &mut Diagnostics| download_file(v, &r.slug, kind, bytes, d);

    // The PDF's document is made only for a PDF: for a report of a
    // thousand campaigns it is as large as its single-file HTML.
    let pdf = || {
        let mut d = Diagnostics::default();
        let Some(pdf) = &downloads.pdf else {
            return (None, d);
        };
        let cx = PdfEmit {
            site: v.site,
            lang: v.lang,
            drawn,
        };
        let doc = v.report_document(r, rdoc, version, &cx, &mut d);
        let file = match pdf(&doc) {
            Ok(bytes) => Some(made("pdf", bytes, &mut d)),
            Err(reason) => {
                d.push(
                    RenderError::Pdf {
                        file: r.file,
                        lang: v.lang.to_string(),
                        report: r.slug.clone(),
                        reason,
                    }
                    .diagnostic(),
                );
                None
            }
        };
        (file, d)
    };
    // The file carries only the font faces its text uses, and its text is
    // what the template makes of the report: it is rendered once with the
    // style left open, and the faces its characters need are filled in.
    let single = || {
        let mut d = Diagnostics::default();
        let path =
            paths::report(v.lang, &r.slug).replace("index.html", &format!("{}.html", r.slug));
        let mut ctx = single_html::context(v.site, rdoc, &r.slug, version, url.as_deref(), drawn);
        ctx.leave_style_open();
        let room = ctx.size_hint;
        let Some(open) = render_text(tera, "single.html", &ctx, &path, v.site, &mut d, room) else {
            return (None, d);
        };
        drop(ctx);
        let html = single_html::fill_style(open, |text| {
            font_faces::faces_for_text(&downloads.css, text.iter().copied())
        });
        (Some(made("html", html.into_bytes(), &mut d)), d)
    };
    // The open-data pack: every table of the report as CSV with its Data
    // Package description, zipped, and the same tables as a workbook.
    let info = open_data::PackInfo {
        name: format!("{}-{}", r.slug, v.lang),
        title: rdoc.title.text.clone(),
        description: rdoc.summary.text.clone(),
        version: version.to_string(),
        homepage: url.clone(),
        lang: v.lang.to_string(),
    };
    let resources = open_data::resources(rdoc, &r.slug, drawn);
    let pack = |kind| pack_file(v, &r.slug, r.file, &info, &resources, kind);
    let ((pdf, single), (zip, xlsx)) = rayon::join(
        || rayon::join(pdf, single),
        || rayon::join(|| pack("zip"), || pack("xlsx")),
    );
    let mut out = Vec::new();
    for made in [pdf, single, zip, xlsx] {
        out.extend(made_into(made, diags));
    }
    out
}

/// A report's download of `kind` (its extension), beside the report's page
/// in the language of `v`, with its link.
fn download_file(
    v: &Viewer,
    slug: &str,
    kind: &str,
    bytes: Vec<u8>,
    d: &mut Diagnostics,
) -> (pages::Download, OutputFile) {
    let page = paths::report(v.lang, slug);
    let path = page.replace("index.html", &format!("{slug}.{kind}"));
    (
        v.download(kind, slug, bytes.len(), d),
        OutputFile { path, bytes },
    )
}

/// A download made on its own: the file with its link, or nothing and why,
/// and the problems found on the way.
type Made = (Option<(pages::Download, OutputFile)>, Diagnostics);

/// The file of a download that was made, its problems added to `diags`.
fn made_into((file, d): Made, diags: &mut Diagnostics) -> Option<(pages::Download, OutputFile)> {
    diags.extend(d);
    file
}

/// A report's open-data pack, `kind` `zip` (every table as CSV with its
/// Data Package description) or `xlsx` (the same tables as a workbook), in
/// the language of `v`; `file` is the report's source, for its errors.
fn pack_file(
    v: &Viewer,
    slug: &str,
    file: FileId,
    info: &open_data::PackInfo,
    resources: &[open_data::Resource],
    kind: &str,
) -> Made {
    let mut d = Diagnostics::default();
    let bytes = match kind {
        "zip" => v.data_zip(info, resources, &mut d),
        _ => v.data_workbook(info, resources, &mut d),
    };
    let file = match bytes {
        Ok(bytes) => Some(download_file(v, slug, kind, bytes, &mut d)),
        Err(reason) => {
            d.push(
                RenderError::OpenData {
                    file,
                    lang: v.lang.to_string(),
                    report: slug.to_string(),
                    what: kind.to_string(),
                    reason,
                }
                .diagnostic(),
            );
            None
        }
    };
    (file, d)
}

/// The theme's style sheet for the single-file HTML, fonts inlined: the
/// web fonts in `static/fonts/` (the same files the pages load) and any
/// theme font in `fonts/` that the sheet names; the brand's colours applied.
fn single_css(theme: &Theme, brand: &Brand) -> String {
    let css = theme
        .static_files
        .iter()
        .filter(|(p, _)| p.ends_with(".css"))
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
        + &crate::brand::css_overrides(brand);
    let web_fonts = theme
        .static_files
        .iter()
        .filter_map(|(p, b)| Some((p.strip_prefix("fonts/")?, b)));
    let fonts: Vec<(String, Vec<u8>)> = web_fonts
        .chain(theme.fonts.iter().map(|(n, b)| (n.as_str(), b)))
        .filter(|(name, _)| css.contains(&format!("url(fonts/{name})")))
        .map(|(n, b)| (n.to_string(), b.clone()))
        .collect();
    font_faces::inline_fonts(&css, &fonts)
}

/// The PDF engine for the theme's template and fonts.
#[cfg(feature = "pdf")]
fn pdf_engine(theme: &Theme) -> Result<Box<PdfMaker>, RenderError> {
    let Some((file, template)) = &theme.pdf_template else {
        return Err(RenderError::NoPdfTemplate {
            theme: theme.name.clone(),
        });
    };
    let fonts = theme.fonts.values().cloned().collect();
    match crate::pdf::PdfEngine::new(template.clone(), fonts) {
        Ok(engine) => Ok(Box::new(move |doc: &crate::pdf::PdfDocument| {
            engine.render(doc).map_err(|e| e.to_string())
        })),
        Err(e) => Err(RenderError::PdfTemplate {
            file: *file,
            reason: e.to_string(),
        }),
    }
}

/// Without the `pdf` feature there is no engine: asking for PDFs is an
/// error that says how to get them.
#[cfg(not(feature = "pdf"))]
fn pdf_engine(_theme: &Theme) -> Result<Box<PdfMaker>, RenderError> {
    Err(RenderError::NoPdfSupport)
}

fn home_crumb(v: &Viewer, path: &str, diags: &mut Diagnostics) -> Crumb {
    Crumb {
        title: v.msg("nav-home", &[], diags).text,
        href: paths::relative(path, &paths::home(v.lang)),
    }
}

fn render_page<T: Serialize>(
    tera: &Tera,
    template: &str,
    ctx: &T,
    path: String,
    site: &Site,
    diags: &mut Diagnostics,
) -> Option<OutputFile> {
    let html = render_text(tera, template, ctx, &path, site, diags, PAGE_ROOM)?;
    Some(OutputFile {
        path,
        bytes: html.into_bytes(),
    })
}

/// The bytes made room for at once when rendering a page (a campaign's is
/// 17 kB at a thousand campaigns).
const PAGE_ROOM: usize = 32 << 10;

/// The text [`render_page`] writes for `path`, rendered into a buffer of
/// `capacity` bytes made at once.
fn render_text<T: Serialize>(
    tera: &Tera,
    template: &str,
    ctx: &T,
    path: &str,
    site: &Site,
    diags: &mut Diagnostics,
    capacity: usize,
) -> Option<String> {
    let context = match Context::from_serialize(ctx) {
        Ok(c) => c,
        Err(e) => {
            diags.push(Diagnostic::error(
                None,
                format!("internal error preparing {path}: {e}"),
            ));
            return None;
        }
    };
    let mut out = Vec::with_capacity(capacity);
    tera.render_to(template, &context, &mut out)
        .map_err(|e| diags.push(templates::template_error(&e, site)))
        .ok()?;
    String::from_utf8(out)
        .map_err(|e| {
            diags.push(Diagnostic::error(
                None,
                format!("internal error rendering {path}: {e}"),
            ))
        })
        .ok()
}

/// The files of `static/` as they are, each at its path. One that would
/// take the place of a file or folder impact makes (`static/robots.txt`,
/// `static/en`) is an error naming both, since a host can serve only one.
fn statics(site: &Site, made: &[String], diags: &mut Diagnostics) -> Vec<OutputFile> {
    use std::collections::HashSet;
    if site.statics.is_empty() {
        return Vec::new();
    }
    let files: HashSet<&str> = made.iter().map(String::as_str).collect();
    let folders: HashSet<&str> = made
        .iter()
        .flat_map(|p| p.match_indices('/').map(move |(i, _)| &p[..i]))
        .collect();
    let mut out = Vec::new();
    for (path, file) in &site.statics {
        let clash = std::iter::once(path.as_str())
            .chain(path.match_indices('/').map(|(i, _)| &path[..i]))
            .find(|p| files.contains(p))
            .or_else(|| folders.contains(path.as_str()).then_some(path.as_str()));
        if let Some(clash) = clash {
            diags.push(
                Diagnostic::error(
                    crate::model::Span::file(file.file),
                    format!("static/{path} takes the place of {clash}, which impact makes"),
                )
                .help("rename or move it: impact writes that path itself on every build"),
            );
            continue;
        }
        out.push(OutputFile {
            path: path.clone(),
            bytes: file.bytes.clone(),
        });
    }
    out
}

/// `index.html` at the root: pick a language.
fn chooser(
    site: &Site,
    l10n: &Localiser,
    _fonts: &Fonts,
    tera: &Tera,
    diags: &mut Diagnostics,
) -> Option<OutputFile> {
    #[derive(Serialize)]
    struct Choice {
        lang: String,
        name: String,
        title: String,
        prompt: String,
        href: String,
        url: String,
    }
    #[derive(Serialize)]
    struct Ctx {
        lang: String,
        page_path: String,
        title: String,
        description: String,
        canonical: String,
        choices: Vec<Choice>,
        organisation: String,
        style_hash: Option<String>,
        logo: Option<pages::LogoView>,
    }
    let default = site.config.default_lang();
    let choices = site
        .config
        .languages
        .iter()
        .map(|l| Choice {
            lang: l.to_string(),
            name: l10n
                .text(l, "language-name")
                .map(|m| m.text)
                .unwrap_or_else(|_| l.to_string()),
            title: site.config.title.get(l, default).text,
            prompt: l10n
                .text(l, "chooser-prompt")
                .map(|m| m.text)
                .unwrap_or_default(),
            href: paths::home(l),
            url: paths::absolute(&site.config.base_url, &paths::home(l)),
        })
        .collect();
    let ctx = Ctx {
        lang: default.to_string(),
        page_path: "index.html".into(),
        title: site.config.title.get(default, default).text,
        // Search engines show this under the title (Lighthouse's SEO audit
        // fails a page without one); a site without a description gets
        // its title rather than nothing.
        description: match &site.config.description {
            Some(d) => d.get(default, default).text,
            None => site.config.title.get(default, default).text,
        },
        canonical: site.config.base_url.clone(),
        choices,
        organisation: site.config.organisation.name.clone(),
        style_hash: None,
        logo: pages::LogoView::of(site.config.brand.logo.as_ref()),
    };
    render_page(tera, "chooser.html", &ctx, "index.html".into(), site, diags)
}

/// `404.html` at the root, in every language; its links are absolute paths
/// (a server shows it at any depth).
fn not_found(
    site: &Site,
    l10n: &Localiser,
    fonts: &Fonts,
    tera: &Tera,
    diags: &mut Diagnostics,
) -> Option<OutputFile> {
    #[derive(Serialize)]
    struct Part {
        lang: String,
        title: String,
        text: String,
        home_label: String,
        home: String,
    }
    #[derive(Serialize)]
    struct Ctx {
        lang: String,
        page_path: String,
        title: String,
        parts: Vec<Part>,
        css: String,
        style_hash: Option<String>,
        favicon: String,
    }
    let base_path = hosting::base_path(&site.config.base_url);
    let mut parts = Vec::new();
    for l in &site.config.languages {
        let v = Viewer {
            site,
            l10n,
            lang: l,
            fonts: Some(fonts),
        };
        parts.push(Part {
            lang: l.to_string(),
            title: v.msg("not-found-title", &[], diags).text,
            text: v.msg("not-found-text", &[], diags).text,
            home_label: v.msg("nav-home", &[], diags).text,
            home: format!("{base_path}{}", paths::home(l)),
        });
    }
    let default = site.config.default_lang();
    let (_, names) = assets(&site.theme, &site.config);
    let at_root = |name: &str| {
        names
            .get(name)
            .map(|c| format!("{base_path}{c}"))
            .unwrap_or_default()
    };
    let ctx = Ctx {
        lang: default.to_string(),
        page_path: "404.html".into(),
        title: parts.first().map(|p| p.title.clone()).unwrap_or_default(),
        css: at_root("style.css"),
        favicon: at_root(FAVICON),
        parts,
        style_hash: None,
    };
    render_page(tera, "404.html", &ctx, "404.html".into(), site, diags)
}

/// The favicon's name among the assets (templates link
/// `asset(path="brand/favicon.svg")`).
pub const FAVICON: &str = "brand/favicon.svg";

/// The logo's name among the assets: `brand/logo.svg` or `brand/logo.png`.
pub fn logo_asset(logo: &Logo) -> String {
    format!("brand/logo.{}", logo.format.extension())
}

/// The brand's files: the favicon, always, and the logo when there is one.
fn brand_files(config: &SiteConfig) -> Vec<(String, Vec<u8>)> {
    let brand = &config.brand;
    let favicon = crate::brand::favicon_svg(brand, &config.organisation.name);
    let mut files = vec![(FAVICON.to_string(), favicon.into_bytes())];
    if let Some(logo) = &brand.logo {
        files.push((logo_asset(logo), logo.bytes.clone()));
    }
    files
}

/// The theme's static files and the brand's (favicon, logo) under
/// `assets/`, each name carrying a hash of its content so browsers can
/// cache them for ever. CSS references to other static files are rewritten
/// to the hashed names, and the brand's colours appended to style sheets.
fn assets(theme: &Theme, config: &SiteConfig) -> (Vec<OutputFile>, BTreeMap<String, String>) {
    let mut names = BTreeMap::new();
    let mut files = Vec::new();
    let brand_css = crate::brand::css_overrides(&config.brand);
    // Theme fonts that a style sheet names (`url(fonts/<file>)`) are
    // published beside it as web fonts.
    let theme_fonts: Vec<(String, Vec<u8>)> = theme
        .fonts
        .iter()
        .filter(|(name, _)| {
            theme.static_files.iter().any(|(p, b)| {
                p.ends_with(".css") && String::from_utf8_lossy(b).contains(&format!("fonts/{name}"))
            })
        })
        .map(|(name, bytes)| (format!("fonts/{name}"), bytes.clone()))
        .collect();
    let (css, other): (Vec<_>, Vec<_>) = theme
        .static_files
        .iter()
        .map(|(p, b)| (p.clone(), b.clone()))
        .chain(theme_fonts)
        .chain(brand_files(config))
        .partition(|(p, _)| p.ends_with(".css"));
    for (path, bytes) in other {
        let hashed = format!("assets/{}", hashed_name(&path, &bytes));
        names.insert(path, hashed.clone());
        files.push(OutputFile {
            path: hashed,
            bytes,
        });
    }
    for (path, bytes) in css {
        let mut text = String::from_utf8_lossy(&bytes).into_owned() + &brand_css;
        let dir = path
            .rsplit_once('/')
            .map(|(d, _)| format!("{d}/"))
            .unwrap_or_default();
        for (orig, hashed) in &names {
            let rel_from_css = orig.strip_prefix(&dir).unwrap_or(orig);
            let target = hashed.trim_start_matches("assets/");
            let target_rel = target.strip_prefix(&dir).unwrap_or(target);
            text = text.replace(
                &format!("url({rel_from_css})"),
                &format!("url({target_rel})"),
            );
            text = text.replace(
                &format!("url(\"{rel_from_css}\")"),
                &format!("url(\"{target_rel}\")"),
            );
        }
        let hashed = format!("assets/{}", hashed_name(&path, text.as_bytes()));
        names.insert(path, hashed.clone());
        files.push(OutputFile {
            path: hashed,
            bytes: text.into_bytes(),
        });
    }
    (files, names)
}

/// The theme font for charts: the regular face (a file whose name says
/// neither bold, italic nor oblique) and the bold one.
fn theme_fonts(theme: &Theme) -> Result<Fonts, RenderError> {
    let style = |name: &str| {
        let n = name.to_lowercase();
        (
            n.contains("bold"),
            n.contains("italic") || n.contains("oblique"),
        )
    };
    let regular = theme.fonts.iter().find(|(n, _)| style(n) == (false, false));
    let bold = theme.fonts.iter().find(|(n, _)| style(n) == (true, false));
    let Some((name, regular)) = regular else {
        return Err(RenderError::NoFont {
            theme: theme.name.clone(),
        });
    };
    Fonts::new(regular.clone(), bold.map(|(_, b)| b.clone())).map_err(|e| RenderError::BadFont {
        theme: theme.name.clone(),
        name: name.clone(),
        reason: e.to_string(),
    })
}

/// `style.css` -> `style.1a2b3c4d5e.css`.
pub(crate) fn hashed_name(path: &str, bytes: &[u8]) -> String {
    let hash = Sha256::digest(bytes);
    let short: String = hash.iter().take(5).map(|b| format!("{b:02x}")).collect();
    match path.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{short}.{ext}"),
        None => format!("{path}.{short}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn test_config() -> SiteConfig {
        let file = FileId(0);
        let en = Lang::parse("en").unwrap();
        SiteConfig {
            title: LangMap {
                values: [(en.clone(), "T".to_string())].into(),
                span: Span::file(file),
                key: "title".into(),
            },
            description: None,
            languages: vec![en],
            base_url: "/".into(),
            organisation: Organisation {
                name: "Pagalba".into(),
                url: None,
            },
            theme: "default".into(),
            allow_raw_html: false,
            headers_file: false,
            format_locales: BTreeMap::new(),
            brand: Brand::default(),
            data_licence: None,
            span: Span::file(file),
            base_url_span: Span::file(file),
        }
    }

    #[test]
    fn brand_colours_reach_the_style_sheet_and_the_favicon_is_an_asset() {
        let mut theme = Theme::default();
        theme
            .static_files
            .insert("style.css".into(), b":root{--accent:#0b5f6b}".to_vec());
        let mut config = test_config();
        config.brand.colour = Rgb::parse("#7a1f5c");
        let (files, names) = assets(&theme, &config);
        let css = files.iter().find(|f| f.path.ends_with(".css")).unwrap();
        assert!(String::from_utf8_lossy(&css.bytes).contains("--accent: #7a1f5c;"));
        let favicon = names.get(FAVICON).unwrap();
        assert!(favicon.starts_with("assets/brand/favicon.") && favicon.ends_with(".svg"));
        let icon = files.iter().find(|f| &f.path == favicon).unwrap();
        assert!(String::from_utf8_lossy(&icon.bytes).contains("fill=\"#7a1f5c\""));
    }

    #[test]
    fn assets_are_hashed_and_css_references_follow() {
        let mut theme = Theme::default();
        theme.static_files.insert(
            "style.css".into(),
            b"@font-face{src:url(fonts/a.woff2)}".to_vec(),
        );
        theme
            .static_files
            .insert("fonts/a.woff2".into(), b"FONT".to_vec());
        let config = test_config();
        let (files, names) = assets(&theme, &config);
        let font = names.get("fonts/a.woff2").unwrap();
        assert!(
            font.starts_with("assets/fonts/a.") && font.ends_with(".woff2"),
            "{font}"
        );
        let css = files.iter().find(|f| f.path.ends_with(".css")).unwrap();
        let text = String::from_utf8_lossy(&css.bytes);
        assert!(text.contains(font.trim_start_matches("assets/")), "{text}");
    }
}
