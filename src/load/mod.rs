//! Files -> typed model. Reads `content/`, `locales/` and
//! `themes/<theme>/` under the site root, and nothing else. Every problem
//! found is collected; the model holds whatever could be read, so that
//! `validate` can report the rest of the site's problems in the same run.
//! Loading never formats text.

mod convert;
mod files;
mod front_matter;
pub mod raw;
mod stray;
mod svg;
pub(crate) mod yaml;
mod yaml_plain;

use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::*;
pub use convert::is_slug;
use files::Reader;
pub use front_matter::read_markdown;

/// What loading produced: the model (when site.yaml could be read), every
/// file read, and every problem found.
pub struct Loaded {
    /// The site, if `content/site.yaml` was readable.
    pub site: Option<Site>,
    /// Every text file read.
    pub sources: SourceMap,
    /// Problems found while loading.
    pub diags: Diagnostics,
}

/// Loads the site under `root`.
pub fn load_site(root: &Path) -> Loaded {
    let mut reader = match Reader::new(root) {
        Ok(r) => r,
        Err(e) => {
            let mut diags = Diagnostics::default();
            diags.push(
                Diagnostic::error(
                    None,
                    format!("cannot open the site folder {} ({e})", root.display()),
                )
                .help("run impact in the site's folder, or pass it with --root DIR"),
            );
            return Loaded {
                site: None,
                sources: SourceMap::default(),
                diags,
            };
        }
    };
    let site = load_with(&mut reader);
    Loaded {
        site,
        sources: reader.sources,
        diags: reader.diags,
    }
}

fn load_with(r: &mut Reader) -> Option<Site> {
    let root = r.root().to_path_buf();
    let site_path = root.join("content/site.yaml");
    if !site_path.exists() {
        r.diags.push(
            Diagnostic::error(None, format!("no content/site.yaml in {}", root.display()))
                .help("run impact in the site's folder (the one with content/, locales/ and themes/), or pass it with --root DIR"),
        );
        return None;
    }
    let mut config = read_yaml::<raw::RawSite>(r, &site_path)
        .and_then(|(id, raw)| convert::site_config(raw, id, &mut r.diags));
    if let Some(c) = config.as_mut() {
        c.brand.logo = c.brand.logo.take().and_then(|l| read_logo(r, &root, l));
    }
    let langs: Vec<Lang> = config
        .as_ref()
        .map(|c| c.languages.clone())
        .unwrap_or_default();

    let content = root.join("content");
    r.prefetch(
        &[content.join("reports"), content.join("campaigns")],
        read_ahead,
    );
    let (campaigns, unreadable_campaigns) =
        load_campaigns(r, &root.join("content/campaigns"), &langs);
    let (reports, unreadable_reports) = load_reports(r, &root.join("content/reports"), &langs);
    let locales = load_locales(r, &root.join("locales"), &langs);
    let theme_name = config
        .as_ref()
        .map(|c| c.theme.clone())
        .unwrap_or_else(|| "default".into());
    let theme = load_theme(r, &theme_name);
    let media = load_media(r, &root.join("content"));
    let statics = load_statics(r, &root.join(STATIC_DIR));
    stray::check_loose_files(r, &content);
    Some(Site {
        config: config?,
        reports,
        campaigns,
        unreadable_campaigns,
        unreadable_reports,
        locales,
        theme,
        media,
        photos: Default::default(),
        statics,
    })
}

/// The logo's bytes and size, from `content/<path>`; reported at its line
/// in site.yaml when it is missing or unreadable as what its name says.
fn read_logo(r: &mut Reader, root: &Path, mut logo: Logo) -> Option<Logo> {
    let path = root.join("content").join(&logo.path);
    if !r.exists(&path) {
        r.diags.push(
            Diagnostic::error(
                logo.span,
                format!("there is no logo at content/{}", logo.path),
            )
            .help("put the logo file there, or fix the path (it is relative to content/)"),
        );
        return None;
    }
    let bytes = r.read_bytes(&path)?;
    let Some((width, height)) = crate::brand::logo_size(logo.format, &bytes) else {
        r.diags.push(
            Diagnostic::error(
                logo.span,
                format!("the size of the logo content/{} cannot be read", logo.path),
            )
            .help(match logo.format {
                LogoFormat::Svg => "give the <svg> element width and height, or a viewBox",
                LogoFormat::Png => "save the logo again as a PNG image",
            }),
        );
        return None;
    };
    // Drawn once for every social card; a file browsers show but that
    // cannot be drawn is found here, at its line, not in the middle of
    // rendering.
    let card = crate::brand::card_raster(
        logo.format,
        &bytes,
        crate::charts::CARD_LOGO_WIDTH,
        crate::charts::CARD_LOGO_HEIGHT,
        crate::charts::CARD_LOGO_COLOURS,
    );
    match card {
        Ok(raster) => logo.card = Some(raster),
        Err(e) => {
            r.diags.push(
                Diagnostic::error(
                    logo.span,
                    format!("the logo content/{} cannot be drawn: {e}", logo.path),
                )
                .help(match logo.format {
                    LogoFormat::Svg => "open it in a browser; save it again as plain SVG",
                    LogoFormat::Png => "save the logo again as a PNG image",
                }),
            );
            return None;
        }
    }
    logo.bytes = bytes;
    logo.width = width;
    logo.height = height;
    Some(logo)
}

/// Whether the loader reads `path` when it finds it in a report or
/// campaign folder (YAML, Markdown, media): those are read ahead on every
/// core. Nothing is reported here: the loader reports what it finds as it
/// asks for them.
fn read_ahead(path: &Path) -> bool {
    let ext = extension(path);
    ext == "yaml" || ext == "md" || MEDIA_EXTENSIONS.contains(&ext.as_str())
}

/// `path`'s extension in lowercase (`PNG` and `png` are one kind of file).
fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

/// Whether the SVG image at `path` may be published; what makes it unsafe
/// is reported at its line.
fn svg_is_safe(r: &mut Reader, path: &Path, bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    let refusals = svg::check(&text);
    if refusals.is_empty() {
        return true;
    }
    let id = r.sources.add(r.name(path), text.into_owned());
    for refusal in refusals {
        r.diags.push(
            Diagnostic::error(Span::at(id, refusal.line, refusal.col), refusal.message).help(
                "an SVG image must be a plain drawing: save it again without scripts, \
                 links or embedded HTML (Inkscape: File > Save As > Optimized SVG), \
                 or export it as PNG",
            ),
        );
    }
    false
}

/// Media files in report and campaign folders, by path from the root.
fn load_media(r: &mut Reader, content: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut media = BTreeMap::new();
    for kind in ["reports", "campaigns"] {
        for folder in r.list_dir(&content.join(kind)) {
            if !r.is_real_dir(&folder) {
                continue;
            }
            for path in r.list_dir(&folder) {
                let ext = extension(&path);
                if MEDIA_EXTENSIONS.contains(&ext.as_str()) {
                    let Some(bytes) = r.read_bytes(&path) else {
                        continue;
                    };
                    if ext == "svg" && !svg_is_safe(r, &path, &bytes) {
                        continue;
                    }
                    media.insert(r.name(&path), bytes);
                }
            }
        }
    }
    media
}

/// The files under `static/`, by their path inside it (`CNAME`,
/// `downloads/annual-report.pdf`), read as every other file is: inside the
/// root, no links, no hidden files or folders but the two a host reads
/// ([`files::PUBLISHED_HIDDEN`]). An SVG is checked as a media SVG is,
/// since a browser runs a script in one opened from the site.
fn load_statics(r: &mut Reader, dir: &Path) -> BTreeMap<String, StaticFile> {
    let mut statics = BTreeMap::new();
    if !r.is_real_dir(dir) {
        return statics;
    }
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let [htaccess, well_known] = files::PUBLISHED_HIDDEN.map(|name| folder.join(name));
        let mut entries = r.list_dir(&folder);
        entries.extend(r.is_listed(&htaccess).then_some(htaccess));
        entries.extend((folder == dir && r.is_listed(&well_known)).then_some(well_known));
        for path in entries {
            if r.is_real_dir(&path) {
                folders.push(path);
                continue;
            }
            // A link to a folder, reported by `is_real_dir`.
            if path.is_dir() {
                continue;
            }
            let Some(bytes) = r.read_bytes(&path) else {
                continue;
            };
            if extension(&path) == "svg" && !svg_is_safe(r, &path, &bytes) {
                continue;
            }
            let file = r.sources.add(r.name(&path), String::new());
            statics.insert(display_name(dir, &path), StaticFile { bytes, file });
        }
    }
    statics
}

fn read_yaml<T: serde::de::DeserializeOwned>(r: &mut Reader, path: &Path) -> Option<(FileId, T)> {
    let id = r.read_source(path)?;
    match yaml::parse::<T>(id, &r.sources.get(id).text, 0) {
        Ok(v) => Some((id, v)),
        Err(d) => {
            r.diags.push(d);
            None
        }
    }
}

/// The text of a `campaign.yaml` (already in the source map as `file`) ->
/// the YAML part of a [`Campaign`], for the campaign folder `slug` on a
/// site with `langs`. Every problem goes to `diags`; `None` when the file
/// could not be read as a campaign at all. This is the loader's own path,
/// public so that tests and fuzzing can reach it without a site on disk.
pub fn campaign_from_yaml(
    file: FileId,
    text: &str,
    slug: &str,
    langs: &[Lang],
    diags: &mut Diagnostics,
) -> Option<Campaign> {
    match yaml::parse::<raw::RawCampaign>(file, text, 0) {
        Ok(raw) => convert::campaign(raw, slug, file, langs, diags),
        Err(d) => {
            diags.push(d);
            None
        }
    }
}

/// Folders under `dir` whose names are valid slugs; other names are errors.
fn slug_dirs(r: &mut Reader, dir: &Path, what: &str) -> Vec<(String, std::path::PathBuf)> {
    let mut out = Vec::new();
    for path in r.list_dir(dir) {
        if !r.is_real_dir(&path) {
            continue;
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !is_slug(&name) {
            let id = r.sources.add(r.name(&path), String::new());
            r.diags.push(
                Diagnostic::error(Span::file(id), format!("the {what} folder name `{name}` cannot be used in a web address"))
                    .help("rename the folder with lowercase letters, digits and hyphens, e.g. lithuanian-communities"),
            );
            continue;
        }
        out.push((name, path));
    }
    out
}

fn load_campaigns(
    r: &mut Reader,
    dir: &Path,
    langs: &[Lang],
) -> (
    BTreeMap<String, Campaign>,
    std::collections::BTreeSet<String>,
) {
    // Read in folder order, so file ids are the same on every run; parsed
    // on every core, each campaign on its own.
    let texts: Vec<CampaignTexts> = slug_dirs(r, dir, "campaign")
        .into_iter()
        .filter_map(|(slug, path)| read_campaign(r, slug, &path, langs))
        .collect();
    let sources = &r.sources;
    let parsed: Vec<(Option<Campaign>, Diagnostics)> = texts
        .par_iter()
        .map(|t| parse_campaign(t, sources, langs))
        .collect();
    let mut out = BTreeMap::new();
    let mut unreadable = std::collections::BTreeSet::new();
    for (t, (campaign, diags)) in texts.into_iter().zip(parsed) {
        r.diags.extend(diags);
        match campaign {
            Some(c) => {
                out.insert(t.slug, c);
            }
            // Its campaign.yaml is broken: references to it are not errors
            // of their own.
            None => {
                unreadable.insert(t.slug);
            }
        }
    }
    (out, unreadable)
}

/// A campaign folder's texts, read but not parsed.
struct CampaignTexts {
    slug: String,
    /// `story.<lang>.md` files that exist.
    stories: Vec<DocText>,
    /// `campaign.yaml`, when it could be read as text.
    yaml: Option<FileId>,
}

/// Reads one campaign folder: its stories and `campaign.yaml`. `None` when
/// there is no campaign.yaml (reported).
fn read_campaign(
    r: &mut Reader,
    slug: String,
    path: &Path,
    langs: &[Lang],
) -> Option<CampaignTexts> {
    let yaml_path = path.join("campaign.yaml");
    if !r.exists(&yaml_path) {
        let id = r.sources.add(r.name(path), String::new());
        r.diags.push(
            Diagnostic::error(Span::file(id), format!("campaign folder `{slug}` has no campaign.yaml"))
                .help(format!("add content/campaigns/{slug}/campaign.yaml (`impact new campaign {slug}` writes one), or remove the folder")),
        );
        return None;
    }
    let stories = read_docs(r, path, "story", langs);
    stray::check_folder(r, path, langs, Some("story"));
    let yaml = r.read_source(&yaml_path);
    Some(CampaignTexts {
        slug,
        stories,
        yaml,
    })
}

/// A campaign from its texts, and every problem found in them; `None`
/// when campaign.yaml cannot be read as a campaign.
fn parse_campaign(
    t: &CampaignTexts,
    sources: &SourceMap,
    langs: &[Lang],
) -> (Option<Campaign>, Diagnostics) {
    let mut diags = Diagnostics::default();
    let story = parse_docs(&t.stories, sources, &mut diags);
    let campaign = t.yaml.and_then(|id| {
        let text = &sources.get(id).text;
        let mut c = campaign_from_yaml(id, text, &t.slug, langs, &mut diags)?;
        c.story = story;
        Some(c)
    });
    (campaign, diags)
}

/// Reads the campaign folder `slug` again after an edit, for the preview:
/// its files are added to `sources` under new ids (the old texts stay,
/// unused), and every problem found in them is returned. `None` when the
/// campaign cannot be read.
pub fn reload_campaign(
    root: &Path,
    sources: &mut SourceMap,
    slug: &str,
    langs: &[Lang],
) -> (Option<Campaign>, Diagnostics) {
    let mut r = match Reader::new(root) {
        Ok(r) => r,
        Err(e) => {
            let mut diags = Diagnostics::default();
            diags.push(Diagnostic::error(
                None,
                format!("cannot open the site folder {} ({e})", root.display()),
            ));
            return (None, diags);
        }
    };
    r.sources = std::mem::take(sources);
    let path = r.root().join("content/campaigns").join(slug);
    let texts = read_campaign(&mut r, slug.to_string(), &path, langs);
    *sources = r.sources;
    let mut diags = r.diags;
    let campaign = texts.and_then(|t| {
        let (campaign, parse_diags) = parse_campaign(&t, sources, langs);
        diags.extend(parse_diags);
        campaign
    });
    (campaign, diags)
}

fn load_reports(
    r: &mut Reader,
    dir: &Path,
    langs: &[Lang],
) -> (Vec<Report>, std::collections::BTreeSet<String>) {
    let mut out = Vec::new();
    let mut unreadable = std::collections::BTreeSet::new();
    for (slug, path) in slug_dirs(r, dir, "report") {
        let yaml_path = path.join("report.yaml");
        if !r.exists(&yaml_path) {
            let id = r.sources.add(r.name(&path), String::new());
            r.diags.push(
                Diagnostic::error(Span::file(id), format!("report folder `{slug}` has no report.yaml"))
                    .help(format!("add content/reports/{slug}/report.yaml (`impact new report {slug}` writes one), or remove the folder")),
            );
            continue;
        }
        let intro = load_docs(r, &path, "index", langs);
        let sections = load_sections(r, &path, langs);
        let Some((id, raw)) = read_yaml::<raw::RawReport>(r, &yaml_path) else {
            unreadable.insert(slug);
            continue;
        };
        match convert::report(raw, &slug, id, langs, &mut r.diags) {
            Some(mut rep) => {
                rep.intro = intro;
                rep.sections = sections;
                out.push(rep);
            }
            None => {
                unreadable.insert(slug);
            }
        }
    }
    (out, unreadable)
}

/// `<stem>.<lang>.md` files of one folder.
fn load_docs(r: &mut Reader, dir: &Path, stem: &str, langs: &[Lang]) -> LangDocs {
    let texts = read_docs(r, dir, stem, langs);
    stray::check_folder(r, dir, langs, None);
    parse_docs(&texts, &r.sources, &mut r.diags)
}

/// The texts of the `<stem>.<lang>.md` files of one folder that exist (a
/// link that leads nowhere is read, to be reported).
fn read_docs(r: &mut Reader, dir: &Path, stem: &str, langs: &[Lang]) -> Vec<DocText> {
    let mut texts = Vec::new();
    for lang in langs {
        let path = dir.join(format!("{stem}.{lang}.md"));
        if r.is_listed(&path) {
            match r.read_source(&path) {
                Some(id) => texts.push(DocText::Read(lang.clone(), id)),
                None => texts.push(DocText::Unreadable(lang.clone())),
            }
        }
    }
    texts
}

/// A `<stem>.<lang>.md` file found in a folder.
enum DocText {
    /// Its text, in the source map.
    Read(Lang, FileId),
    /// It could not be read (reported): not "missing" as well.
    Unreadable(Lang),
}

/// Front matter and body of each text read by [`read_docs`].
fn parse_docs(texts: &[DocText], sources: &SourceMap, diags: &mut Diagnostics) -> LangDocs {
    let mut docs = LangDocs::default();
    for t in texts {
        match t {
            DocText::Read(lang, id) => {
                match front_matter::read_markdown(*id, &sources.get(*id).text, diags) {
                    Some(doc) => {
                        docs.docs.insert(lang.clone(), doc);
                    }
                    None => {
                        docs.unreadable.insert(lang.clone());
                    }
                }
            }
            DocText::Unreadable(lang) => {
                docs.unreadable.insert(lang.clone());
            }
        }
    }
    docs
}

/// Report sections: every `<name>.<lang>.md` except `index`.
fn load_sections(r: &mut Reader, dir: &Path, langs: &[Lang]) -> Vec<Section> {
    let mut names: Vec<String> = Vec::new();
    for path in r.list_dir(dir) {
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Some((name, _lang)) = file.strip_suffix(".md").and_then(|s| s.rsplit_once('.')) {
            if name != "index" && !names.iter().any(|n| n == name) {
                names.push(name.to_string());
            }
        }
    }
    let mut sections = Vec::new();
    for name in names {
        if !is_slug(&name) {
            let id = r.sources.add(r.name(&dir.join(&name)), String::new());
            r.diags.push(
                Diagnostic::error(Span::file(id), format!("the section name `{name}` cannot be used as a page anchor"))
                    .help("rename the file with lowercase letters, digits and hyphens, e.g. learning.en.md"),
            );
            continue;
        }
        let docs = load_section_docs(r, dir, &name, langs);
        sections.push(Section { name, docs });
    }
    sections.sort_by(|a, b| {
        let wa = a.docs.docs.values().next().map(|d| d.weight).unwrap_or(0);
        let wb = b.docs.docs.values().next().map(|d| d.weight).unwrap_or(0);
        (wa, &a.name).cmp(&(wb, &b.name))
    });
    sections
}

fn load_section_docs(r: &mut Reader, dir: &Path, name: &str, langs: &[Lang]) -> LangDocs {
    let mut docs = LangDocs::default();
    for lang in langs {
        let path = dir.join(format!("{name}.{lang}.md"));
        if path.exists() {
            if let Some(id) = r.read_source(&path) {
                let text = &r.sources.get(id).text;
                if let Some(doc) = front_matter::read_markdown(id, text, &mut r.diags) {
                    docs.docs.insert(lang.clone(), doc);
                }
            }
        }
    }
    docs
}

/// `locales/<lang>/*.ftl`, for the site's languages.
fn load_locales(r: &mut Reader, dir: &Path, langs: &[Lang]) -> BTreeMap<Lang, Vec<FluentFile>> {
    let mut out = BTreeMap::new();
    for lang in langs {
        let lang_dir = dir.join(lang.as_str());
        let mut files = Vec::new();
        if !lang_dir.is_dir() {
            r.diags.push(
                Diagnostic::error(
                    None,
                    format!("no locales/{lang}/ folder for the site language `{lang}`"),
                )
                .help(format!(
                    "copy locales/en/ to locales/{lang}/ and translate the messages"
                )),
            );
        }
        for path in r.list_dir(&lang_dir) {
            if path.extension().is_some_and(|e| e == "ftl") {
                if let Some(file) = r.read_source(&path) {
                    files.push(FluentFile { file });
                }
            }
        }
        out.insert(lang.clone(), files);
    }
    out
}

/// `themes/<name>/templates/*.html`, `static/**`, `fonts/*` and
/// `pdf/report.typ`.
fn load_theme(r: &mut Reader, name: &str) -> Theme {
    let dir = r.root().join("themes").join(name);
    let mut theme = Theme {
        name: name.to_string(),
        ..Theme::default()
    };
    if !dir.is_dir() {
        r.diags.push(
            Diagnostic::error(None, format!("the theme `{name}` is not at themes/{name}/"))
                .help("copy the themes/ folder that comes with impact next to content/, or set `theme:` in site.yaml to a theme you have"),
        );
        return theme;
    }
    for path in r.list_dir(&dir.join("templates")) {
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if file.ends_with(".html") || file.ends_with(".xml") {
            if let Some(id) = r.read_source(&path) {
                theme.templates.insert(file, id);
            }
        }
    }
    let static_dir = dir.join("static");
    let mut stack = vec![static_dir.clone()];
    while let Some(d) = stack.pop() {
        for path in r.list_dir(&d) {
            if r.is_real_dir(&path) {
                stack.push(path);
            } else if let Some(bytes) = r.read_bytes(&path) {
                let rel = display_name(&static_dir, &path);
                theme.static_files.insert(rel, bytes);
            }
        }
    }
    for path in r.list_dir(&dir.join("fonts")) {
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let lower = file.to_lowercase();
        if lower.ends_with(".ttf") || lower.ends_with(".otf") {
            if let Some(bytes) = r.read_bytes(&path) {
                theme.fonts.insert(file, bytes);
            }
        }
    }
    let template = dir.join("pdf").join("report.typ");
    if template.is_file() {
        theme.pdf_template = r.read_text(&template);
    }
    theme
}
