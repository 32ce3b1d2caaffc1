//! The whole build, top to bottom: load -> localise -> validate -> document
//! -> chart -> render (pages, single-file HTML, PDF) -> publish. `impact check` runs the same function without publishing, so
//! the two can never disagree about what is wrong.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::l10n::Localiser;
use crate::model::{Site, SourceMap};
use crate::render::{OutputFile, Pages, Renderer, SiteOptions};
use crate::{load, publish, validate};

/// What to build and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site root (with `content/`, `locales/`, `themes/`).
    pub root: PathBuf,
    /// Where the site goes; replaced as a whole.
    pub out: PathBuf,
    /// Build even when translations are missing, showing the default
    /// language's text, marked.
    pub allow_missing: bool,
    /// Write the output (false for `impact check`).
    pub write: bool,
    /// Make the PDF of every report (false for `--no-pdf`, `check` and
    /// the preview).
    pub pdf: bool,
}

/// A step of the build, named for progress lines and `--verbose` timings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Files to model.
    Load,
    /// Photos checked, turned upright, resized and stripped of metadata
    /// (or taken from the cache).
    Images,
    /// Fluent bundles and number formats per language.
    Localise,
    /// Whole-site checks.
    Validate,
    /// Every report and campaign in every language as one document, each
    /// text parsed once.
    Document,
    /// Every chart of the documents drawn once per language.
    Chart,
    /// Pages and assets, written into a staging folder as they are made.
    Render,
    /// Swapping the staging folder in for the output folder.
    Publish,
}

impl Stage {
    /// The stage's name as the command line prints it.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Load => "load",
            Stage::Images => "images",
            Stage::Localise => "localise",
            Stage::Validate => "validate",
            Stage::Document => "document",
            Stage::Chart => "chart",
            Stage::Render => "render",
            Stage::Publish => "publish",
        }
    }
}

/// What a build did.
#[derive(Debug)]
pub struct BuildOutcome {
    /// Every file read (for showing diagnostics); shared with what the
    /// preview keeps for the next edit.
    pub sources: Arc<SourceMap>,
    /// Every problem found.
    pub diags: Diagnostics,
    /// Number of HTML pages produced (0 when the build failed).
    pub pages: usize,
    /// Number of files produced.
    pub files: usize,
    /// Number of languages the site was built in.
    pub languages: usize,
    /// The files produced, relative to the output folder, `/`-separated,
    /// sorted (empty when the build failed); for `build --verbose`.
    pub paths: Vec<String>,
    /// Whether the output was replaced.
    pub written: bool,
    /// How long it took.
    pub elapsed: Duration,
    /// How long each stage that ran took, in order.
    pub stages: Vec<(Stage, Duration)>,
    /// Only the pages an edit changed were rendered (the preview after an
    /// edit of campaign files); `pages` and `files` count those.
    pub partial: bool,
    /// How many images were encoded and how many taken from the cache.
    pub images: crate::images::Stats,
}

impl BuildOutcome {
    /// True when there were errors (nothing was written).
    pub fn failed(&self) -> bool {
        self.diags.has_errors()
    }
}

/// Builds the site described by `opts`.
pub fn run(opts: &BuildOptions) -> BuildOutcome {
    run_with_progress(opts, &mut |_| {})
}

/// Builds the site described by `opts`, telling `progress` as each stage
/// starts (the command line shows it on a terminal; a build of many PDFs
/// takes long enough to want it).
pub fn run_with_progress(opts: &BuildOptions, progress: &mut dyn FnMut(Stage)) -> BuildOutcome {
    run_keeping(opts, false, progress).0
}

/// What a good build of the preview keeps, so that after an edit of a few
/// campaigns only they are read again and only the pages they change are
/// rendered (see [`update`] and `crate::serve::builds`).
pub struct Kept {
    /// The model.
    pub site: Site,
    /// Every file read.
    pub sources: Arc<SourceMap>,
    /// Messages and formats; they depend only on site.yaml and `locales/`.
    pub l10n: Arc<Localiser>,
    /// Fonts, templates and assets; they depend only on the theme.
    pub renderer: Renderer,
    /// The problems of loading and localising (warnings: the build was
    /// good). Validation and rendering run again after every edit.
    pub loaded_diags: Diagnostics,
    /// The figure comparisons of every story, kept for the ones not edited.
    pub figure_checks: validate::FigureChecks,
    /// What reading each campaign again after an edit found, by campaign.
    pub reloaded_diags: BTreeMap<String, Diagnostics>,
}

impl std::fmt::Debug for Kept {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Kept")
            .field("campaigns", &self.site.campaigns.len())
            .field("files", &self.sources.files().count())
            .finish_non_exhaustive()
    }
}

/// Builds like [`run`], for the preview: a report's version is its period
/// alone (see [`SiteOptions::preview`]), and a good build's model is kept.
pub fn run_for_preview(opts: &BuildOptions) -> (BuildOutcome, Option<Kept>) {
    run_keeping(opts, true, &mut |_| {})
}

fn run_keeping(
    opts: &BuildOptions,
    preview: bool,
    progress: &mut dyn FnMut(Stage),
) -> (BuildOutcome, Option<Kept>) {
    let mut clock = Clock::new(progress);
    clock.start(Stage::Load);
    let loaded = load::load_site(&opts.root);
    let (mut sources, mut diags) = (loaded.sources, loaded.diags);
    let Some(mut site) = loaded.site else {
        return (
            clock.outcome(Arc::new(sources), diags, Vec::new(), 0, false),
            None,
        );
    };

    // Photos are made before the documents, which need their sizes.
    clock.start(Stage::Images);
    let image_stats = make_images(&mut site, &opts.root, opts.write, &mut sources, &mut diags);
    let sources = Arc::new(sources);
    clock.images = image_stats;
    let languages = site.config.languages.len();

    clock.start(Stage::Localise);
    let Some(l10n) = Localiser::new(&site, &sources, opts.allow_missing, &mut diags) else {
        return (
            clock.outcome(sources, diags, Vec::new(), languages, false),
            None,
        );
    };
    let l10n = Arc::new(l10n);
    let loaded_diags = diags.clone();
    let figure_checks = validate::FigureChecks::default();
    // The theme's fonts, templates and PDF engine, made once; what is wrong
    // with them is reported with the content's problems.
    let site_opts = SiteOptions {
        pdf: opts.pdf,
        preview,
    };

    // Validation and the documents only read the model, and the documents
    // are made even when validation fails (to report problems in the
    // Markdown too), so the two run side by side: validation is one long
    // loop, which the documents' campaigns fill the other cores beside.
    clock.start(Stage::Validate);
    let ((checked, validated), (renderer, docs, mut made, documented)) = rayon::join(
        || {
            let started = Instant::now();
            let checked =
                validate::check_with(&site, &sources, &l10n, opts.allow_missing, &figure_checks);
            (checked, started.elapsed())
        },
        || {
            let started = Instant::now();
            let renderer = Renderer::new(&site, &sources, l10n.clone(), site_opts);
            let mut made = Diagnostics::default();
            let docs = crate::render::documents::build(&site, &l10n, Pages::All, &mut made);
            (renderer, docs, made, started.elapsed())
        },
    );
    clock.side_by_side([(Stage::Validate, validated), (Stage::Document, documented)]);
    diags.extend(checked);
    // Reports of messages validation already named (which have no span)
    // are left out of the documents' and charts' problems.
    let had_errors = diags.has_errors();
    clock.start(Stage::Chart);
    let drawn = match &renderer {
        Ok(renderer) => renderer.charts(&site, &docs, &mut made),
        Err(_) => Default::default(),
    };
    let mut renderer = match renderer {
        Ok(renderer) => renderer,
        Err(theme) => {
            made.extend(theme);
            add_render_problems(&mut diags, made, had_errors);
            return (
                clock.outcome(sources, diags, Vec::new(), languages, false),
                None,
            );
        }
    };
    add_render_problems(&mut diags, made, had_errors);

    // Files are written into a staging folder as they are rendered (when
    // there is anything to publish), and only a build without errors
    // swaps it in.
    clock.start(Stage::Render);
    let had_errors = diags.has_errors();
    let staging = if opts.write && !had_errors {
        match publish::OutDir::resolve(&opts.root, &opts.out)
            .and_then(|out| publish::Staging::new(&out).map(|staging| (out, staging)))
        {
            Ok(staging) => Some(staging),
            Err(e) => {
                diags.push(
                    Diagnostic::error(None, e.to_string())
                        .help("check the --out folder and that you may write to it"),
                );
                None
            }
        }
    } else {
        None
    };
    let write = |file: &OutputFile| match &staging {
        Some((_, staging)) => staging.write(file).map_err(|e| e.to_string()),
        None => Ok(()),
    };
    let stopped = AtomicBool::new(false);
    let sink = |file: OutputFile| first_failure_only(&stopped, || write(&file));
    // Cards the last build drew are taken from its output where they are
    // the ones this build would draw.
    if let Some((out, _)) = &staging {
        renderer.reuse_cards_from(out.path());
    }
    let rendered = renderer
        .render(&site, &sources, &docs, &drawn, Pages::All, &sink)
        .map(|paths| (renderer, paths));
    free_aside((docs, drawn));
    let (renderer, paths) = match rendered {
        Ok(rendered) => rendered,
        Err(render_diags) => {
            add_render_problems(&mut diags, render_diags, had_errors);
            return (
                clock.outcome(sources, diags, Vec::new(), languages, false),
                None,
            );
        }
    };
    if diags.has_errors() {
        return (
            clock.outcome(sources, diags, Vec::new(), languages, false),
            None,
        );
    }
    let Some((_, staging)) = staging else {
        return (clock.outcome(sources, diags, paths, languages, false), None);
    };
    clock.start(Stage::Publish);
    if let Err(e) = staging.commit() {
        diags.push(
            Diagnostic::error(None, e.to_string())
                .help("check the --out folder and that you may write to it"),
        );
        return (clock.outcome(sources, diags, paths, languages, false), None);
    }
    let kept = preview.then(|| Kept {
        site,
        sources: sources.clone(),
        l10n,
        renderer,
        loaded_diags,
        figure_checks,
        reloaded_diags: BTreeMap::new(),
    });
    (clock.outcome(sources, diags, paths, languages, true), kept)
}

/// The preview's update after an edit of the campaigns `edited`, on the
/// model a good build kept: those campaigns are read again, the whole
/// site is checked again (checks span campaigns: metric kinds, links),
/// and the pages that the campaigns in `touched` (the edited ones and
/// any edited since the last good update) can change are rendered into
/// memory. The caller writes the files only when the outcome has no
/// errors. A campaign that can no longer be read is marked unreadable,
/// as a whole build marks it, and its problems are reported.
pub fn update(
    kept: &mut Kept,
    opts: &BuildOptions,
    edited: &BTreeSet<String>,
    touched: &BTreeSet<String>,
) -> (BuildOutcome, Vec<OutputFile>) {
    let mut progress = |_| {};
    let mut clock = Clock::new(&mut progress);
    clock.start(Stage::Load);
    let langs = kept.site.config.languages.clone();
    // A file of the campaign's folder, or the folder itself.
    let in_edited = |name: &str| {
        name.strip_prefix("content/campaigns/")
            .map(|rest| rest.split_once('/').map_or(rest, |(slug, _)| slug))
            .is_some_and(|slug| edited.contains(slug))
    };
    let sources = Arc::make_mut(&mut kept.sources);
    // The whole build's problems with these campaigns' files are replaced
    // by what reading them again finds.
    kept.loaded_diags
        .retain(|d| !d.span.is_some_and(|s| in_edited(sources.name(s.file))));
    for slug in edited {
        let (campaign, diags) = load::reload_campaign(&opts.root, sources, slug, &langs);
        kept.reloaded_diags.insert(slug.clone(), diags);
        // As a whole build would have it: a campaign that cannot be read
        // is unreadable, and references to it are not errors of their own.
        match campaign {
            Some(campaign) => {
                kept.site.unreadable_campaigns.remove(slug);
                kept.site.campaigns.insert(slug.clone(), campaign);
            }
            None => {
                kept.site.campaigns.remove(slug);
                kept.site.unreadable_campaigns.insert(slug.clone());
            }
        }
    }
    let (site, sources) = (&kept.site, &kept.sources);
    let mut diags = kept.loaded_diags.clone();
    for reloaded in kept.reloaded_diags.values() {
        diags.extend(reloaded.clone());
    }

    clock.start(Stage::Validate);
    diags.extend(validate::check_with(
        site,
        sources,
        &kept.l10n,
        opts.allow_missing,
        &kept.figure_checks,
    ));
    kept.figure_checks.forget_others(site);

    let had_errors = diags.has_errors();
    let pages = Pages::Touching(touched);
    clock.start(Stage::Document);
    let mut made = Diagnostics::default();
    let docs = kept.renderer.documents(site, pages, &mut made);
    clock.start(Stage::Chart);
    let drawn = kept.renderer.charts(site, &docs, &mut made);
    add_render_problems(&mut diags, made, had_errors);

    clock.start(Stage::Render);
    let had_errors = diags.has_errors();
    let files = std::sync::Mutex::new(Vec::new());
    let sink = |file: OutputFile| {
        files.lock().unwrap_or_else(|e| e.into_inner()).push(file);
        Ok(())
    };
    let paths = match kept
        .renderer
        .render(site, sources, &docs, &drawn, pages, &sink)
    {
        Ok(paths) => paths,
        Err(render_diags) => {
            add_render_problems(&mut diags, render_diags, had_errors);
            Vec::new()
        }
    };
    let files = files.into_inner().unwrap_or_else(|e| e.into_inner());
    let written = !diags.has_errors();
    let mut outcome = clock.outcome(sources.clone(), diags, paths, langs.len(), written);
    outcome.partial = true;
    let files = if written { files } else { Vec::new() };
    (outcome, files)
}

/// The image stage: every image of the site's media checked and made fit
/// to publish (`site.photos`), through the site's cache; `write` false
/// (`impact check`) reads the cache but encodes and writes nothing. What
/// is wrong with an image is reported naming its file.
fn make_images(
    site: &mut Site,
    root: &std::path::Path,
    write: bool,
    sources: &mut SourceMap,
    diags: &mut Diagnostics,
) -> crate::images::Stats {
    let cache = crate::images::Cache::of_site(root, write);
    let (photos, errors, stats) = crate::images::process(&site.media, &cache, write);
    for (path, e) in errors {
        let id = sources.add(path.clone(), String::new());
        diags.push(
            Diagnostic::error(
                crate::model::Span::file(id),
                format!("{path} {}", e.message),
            )
            .help(e.help),
        );
    }
    site.photos = photos;
    stats
}

/// Adds what rendering found to `diags`. When validation already failed,
/// rendering's reports of messages validation named (which have no span)
/// are left out.
fn add_render_problems(diags: &mut Diagnostics, render_diags: Diagnostics, had_errors: bool) {
    for d in render_diags.sorted() {
        if !had_errors || d.span.is_some() {
            diags.push(d);
        }
    }
}

/// Frees `value` on a thread of its own. The documents and drawings of a
/// thousand campaigns are millions of small allocations: freed where they
/// were made, at the end of the build, they held the one core still busy
/// for a fortieth of the build while the other had nothing left to do.
/// `impact build` then exits without waiting (its memory goes back to the
/// system as a whole); the preview's thread finishes in the background.
fn free_aside<T: Send + 'static>(value: T) {
    std::thread::spawn(move || drop(value));
}

/// Runs `write` until it first fails, and reports that failure once: when
/// the disk fills up, every file after it would fail the same way, and a
/// comms person needs one clear error, not four thousand.
fn first_failure_only(
    stopped: &AtomicBool,
    write: impl FnOnce() -> Result<(), String>,
) -> Result<(), String> {
    if stopped.load(Ordering::Relaxed) {
        return Ok(());
    }
    write().or_else(|e| {
        if stopped.swap(true, Ordering::Relaxed) {
            Ok(())
        } else {
            Err(e)
        }
    })
}

/// Times the stages of one build and reports each start.
struct Clock<'a> {
    started: Instant,
    progress: &'a mut dyn FnMut(Stage),
    current: Option<(Stage, Instant)>,
    stages: Vec<(Stage, Duration)>,
    images: crate::images::Stats,
}

impl<'a> Clock<'a> {
    fn new(progress: &'a mut dyn FnMut(Stage)) -> Self {
        Clock {
            started: Instant::now(),
            progress,
            current: None,
            stages: Vec::new(),
            images: Default::default(),
        }
    }

    /// Ends the stage running (if any) and records `stages`, which ran
    /// side by side, each with its own time: their sum is more than the
    /// time they took together. Progress names those not yet named.
    fn side_by_side(&mut self, stages: [(Stage, Duration); 2]) {
        let running = self.current.take().map(|(stage, _)| stage);
        for (stage, took) in stages {
            if Some(stage) != running {
                (self.progress)(stage);
            }
            self.stages.push((stage, took));
        }
    }

    /// Ends the stage running (if any) and starts `stage`.
    fn start(&mut self, stage: Stage) {
        self.stop();
        (self.progress)(stage);
        self.current = Some((stage, Instant::now()));
    }

    fn stop(&mut self) {
        if let Some((stage, since)) = self.current.take() {
            self.stages.push((stage, since.elapsed()));
        }
    }

    /// The outcome of a build that produced the files at `paths` (counted
    /// only when it had no errors).
    fn outcome(
        mut self,
        sources: Arc<SourceMap>,
        diags: Diagnostics,
        paths: Vec<String>,
        languages: usize,
        written: bool,
    ) -> BuildOutcome {
        self.stop();
        let paths = if diags.has_errors() {
            Vec::new()
        } else {
            paths
        };
        BuildOutcome {
            sources,
            diags,
            pages: paths
                .iter()
                .filter(|p| p.ends_with("index.html") || *p == "404.html")
                .count(),
            files: paths.len(),
            languages,
            paths,
            written,
            elapsed: self.started.elapsed(),
            stages: self.stages,
            partial: false,
            images: self.images,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_failure_is_reported_once_and_writing_stops() {
        let stopped = AtomicBool::new(false);
        let mut writes = 0;
        assert_eq!(first_failure_only(&stopped, || Ok(())), Ok(()));
        let full = || Err("failed to write a (No space left on device)".to_string());
        assert!(first_failure_only(&stopped, full).is_err());
        for _ in 0..3 {
            let r = first_failure_only(&stopped, || {
                writes += 1;
                full()
            });
            assert_eq!(r, Ok(()), "later failures are not reported again");
        }
        assert_eq!(writes, 0, "nothing more is written after the first failure");
    }
}
