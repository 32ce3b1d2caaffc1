//! Model + localiser -> output files in memory: every page in every
//! language (rendered in parallel), the language chooser, 404, sitemap and
//! the theme's static files under hashed names. Rendering never reads
//! files; it returns every problem it finds together.

mod html;
mod media;
mod pages;
pub mod paths;
mod resolve;
mod sitemap;
mod templates;
mod view;

use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;
use sha2::{Digest, Sha256};
use tera::{Context, Tera};

pub use templates::REQUIRED_TEMPLATES;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::l10n::Localiser;
use crate::model::*;
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

/// One page to render.
enum Job<'a> {
    Home(&'a Lang),
    Report(&'a Lang, &'a Report),
    Campaign(&'a Lang, &'a Report, &'a Campaign),
}

/// Renders the whole site.
pub fn site(
    site: &Site,
    sources: &SourceMap,
    l10n: Arc<Localiser>,
) -> Result<Vec<OutputFile>, Diagnostics> {
    let mut diags = Diagnostics::default();
    let (asset_files, asset_names) = assets(&site.theme);
    let asset_names = Arc::new(asset_names);
    let Some(tera) = templates::build(site, sources, l10n.clone(), asset_names, &mut diags) else {
        return Err(diags);
    };

    let mut jobs = Vec::new();
    for lang in &site.config.languages {
        jobs.push(Job::Home(lang));
        for r in &site.reports {
            jobs.push(Job::Report(lang, r));
            for (slug, _) in &r.campaigns {
                if let Some(c) = site.campaigns.get(slug) {
                    jobs.push(Job::Campaign(lang, r, c));
                }
            }
        }
    }

    let results: Vec<(Option<OutputFile>, Diagnostics)> = jobs
        .par_iter()
        .map(|job| {
            let mut d = Diagnostics::default();
            let file = render_job(job, site, sources, &l10n, &tera, &mut d);
            (file, d)
        })
        .collect();

    let mut files = asset_files;
    for (file, d) in results {
        diags.extend(d);
        files.extend(file);
    }
    files.extend(chooser(site, &l10n, &tera, &mut diags));
    files.extend(not_found(site, &l10n, &tera, &mut diags));
    files.push(sitemap::sitemap(site));
    files.extend(site.media.iter().map(|(path, bytes)| OutputFile {
        path: media::output_path(path, bytes),
        bytes: bytes.clone(),
    }));

    if diags.has_errors() {
        return Err(diags);
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

fn render_job(
    job: &Job,
    site: &Site,
    sources: &SourceMap,
    l10n: &Localiser,
    tera: &Tera,
    diags: &mut Diagnostics,
) -> Option<OutputFile> {
    match *job {
        Job::Home(lang) => {
            let v = Viewer { site, l10n, lang };
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
        }
        Job::Report(lang, r) => {
            let v = Viewer { site, l10n, lang };
            let path = paths::report(lang, &r.slug);
            let report = v.report_view(r, &path, sources, diags);
            let crumbs = vec![home_crumb(&v, &path, diags)];
            let common = v.common(
                &path,
                &|l| paths::report(l, &r.slug),
                report.title.text.clone(),
                report.summary.text.clone(),
                crumbs,
                diags,
            );
            #[derive(Serialize)]
            struct Ctx {
                #[serde(flatten)]
                common: pages::Common,
                report: pages::ReportView,
            }
            render_page(
                tera,
                "report.html",
                &Ctx { common, report },
                path,
                site,
                diags,
            )
        }
        Job::Campaign(lang, r, c) => {
            let v = Viewer { site, l10n, lang };
            let path = paths::campaign(lang, &r.slug, &c.slug);
            let campaign = v.campaign_view(c, r, &path, sources, diags);
            let crumbs = vec![
                home_crumb(&v, &path, diags),
                Crumb {
                    title: campaign.report_title.text.clone(),
                    href: campaign.report_href.clone(),
                },
            ];
            let common = v.common(
                &path,
                &|l| paths::campaign(l, &r.slug, &c.slug),
                campaign.title.text.clone(),
                campaign.summary.text.clone(),
                crumbs,
                diags,
            );
            #[derive(Serialize)]
            struct Ctx {
                #[serde(flatten)]
                common: pages::Common,
                campaign: pages::CampaignView,
            }
            render_page(
                tera,
                "campaign.html",
                &Ctx { common, campaign },
                path,
                site,
                diags,
            )
        }
    }
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
    match tera.render(template, &context) {
        Ok(html) => Some(OutputFile {
            path,
            bytes: html.into_bytes(),
        }),
        Err(e) => {
            diags.push(templates::template_error(&e, site));
            None
        }
    }
}

/// `index.html` at the root: pick a language.
fn chooser(
    site: &Site,
    l10n: &Localiser,
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
        choices: Vec<Choice>,
        organisation: String,
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
        choices,
        organisation: site.config.organisation.name.clone(),
    };
    render_page(tera, "chooser.html", &ctx, "index.html".into(), site, diags)
}

/// `404.html` at the root, in every language; its links are absolute paths
/// (a server shows it at any depth).
fn not_found(
    site: &Site,
    l10n: &Localiser,
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
    }
    let base_path = base_path(&site.config.base_url);
    let mut parts = Vec::new();
    for l in &site.config.languages {
        let v = Viewer {
            site,
            l10n,
            lang: l,
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
    let (_, names) = assets(&site.theme);
    let ctx = Ctx {
        lang: default.to_string(),
        page_path: "404.html".into(),
        title: parts.first().map(|p| p.title.clone()).unwrap_or_default(),
        css: names
            .get("style.css")
            .map(|c| format!("{base_path}{c}"))
            .unwrap_or_default(),
        parts,
    };
    render_page(tera, "404.html", &ctx, "404.html".into(), site, diags)
}

/// The path part of `base_url` (`/impact/` of `https://x.org/impact/`).
fn base_path(base_url: &str) -> String {
    match base_url.split_once("://") {
        Some((_, rest)) => match rest.find('/') {
            Some(i) => rest[i..].to_string(),
            None => "/".into(),
        },
        None => base_url.to_string(),
    }
}

/// The theme's static files under `assets/`, each name carrying a hash of
/// its content so browsers can cache them for ever. CSS references to other
/// static files are rewritten to the hashed names.
fn assets(theme: &Theme) -> (Vec<OutputFile>, BTreeMap<String, String>) {
    let mut names = BTreeMap::new();
    let mut files = Vec::new();
    let (css, other): (Vec<_>, Vec<_>) = theme
        .static_files
        .iter()
        .partition(|(p, _)| p.ends_with(".css"));
    for (path, bytes) in other {
        let hashed = format!("assets/{}", hashed_name(path, bytes));
        names.insert(path.clone(), hashed.clone());
        files.push(OutputFile {
            path: hashed,
            bytes: bytes.clone(),
        });
    }
    for (path, bytes) in css {
        let mut text = String::from_utf8_lossy(bytes).into_owned();
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
        let hashed = format!("assets/{}", hashed_name(path, text.as_bytes()));
        names.insert(path.clone(), hashed.clone());
        files.push(OutputFile {
            path: hashed,
            bytes: text.into_bytes(),
        });
    }
    (files, names)
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

    #[test]
    fn base_path_of_urls() {
        assert_eq!(base_path("https://x.org/impact/"), "/impact/");
        assert_eq!(base_path("https://x.org/"), "/");
        assert_eq!(base_path("/"), "/");
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
        let (files, names) = assets(&theme);
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
