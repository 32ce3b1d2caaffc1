//! The whole build, top to bottom: load -> localise -> validate -> render ->
//! publish. `impact check` runs the same function without publishing, so
//! the two can never disagree about what is wrong.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::l10n::Localiser;
use crate::model::SourceMap;
use crate::render::OutputFile;
use crate::render::SiteOptions;
use crate::{load, publish, render, validate};

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
    /// Fluent bundles and number formats per language.
    Localise,
    /// Whole-site checks.
    Validate,
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
            Stage::Localise => "localise",
            Stage::Validate => "validate",
            Stage::Render => "render",
            Stage::Publish => "publish",
        }
    }
}

/// What a build did.
#[derive(Debug)]
pub struct BuildOutcome {
    /// Every file read (for showing diagnostics).
    pub sources: SourceMap,
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
    let mut clock = Clock::new(progress);
    clock.start(Stage::Load);
    let loaded = load::load_site(&opts.root);
    let (sources, mut diags) = (loaded.sources, loaded.diags);
    let Some(site) = loaded.site else {
        return clock.outcome(sources, diags, Vec::new(), 0, false);
    };
    let languages = site.config.languages.len();

    clock.start(Stage::Localise);
    let Some(l10n) = Localiser::new(&site, &sources, opts.allow_missing, &mut diags) else {
        return clock.outcome(sources, diags, Vec::new(), languages, false);
    };
    let l10n = Arc::new(l10n);
    clock.start(Stage::Validate);
    diags.extend(validate::check(&site, &sources, &l10n, opts.allow_missing));

    // Render even when validation failed, to report problems in the
    // Markdown too; its reports of messages validation already named
    // (which have no span) are left out. Files are written into a staging
    // folder as they are rendered (when there is anything to publish), and
    // only a build without errors swaps it in.
    clock.start(Stage::Render);
    let had_errors = diags.has_errors();
    let staging = if opts.write && !had_errors {
        match publish::check_out_dir(&opts.root, &opts.out)
            .and_then(|_| publish::Staging::new(&opts.out))
        {
            Ok(staging) => Some(staging),
            Err(e) => {
                // Rendering goes on, to report the content's problems too.
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
        Some(staging) => staging.write(file).map_err(|e| e.to_string()),
        None => Ok(()),
    };
    let stopped = AtomicBool::new(false);
    let sink = |file: OutputFile| first_failure_only(&stopped, || write(&file));
    let paths = match render::site(&site, &sources, l10n, SiteOptions { pdf: opts.pdf }, &sink) {
        Ok(paths) => paths,
        Err(render_diags) => {
            for d in render_diags.sorted() {
                if !had_errors || d.span.is_some() {
                    diags.push(d);
                }
            }
            return clock.outcome(sources, diags, Vec::new(), languages, false);
        }
    };
    if diags.has_errors() {
        return clock.outcome(sources, diags, Vec::new(), languages, false);
    }
    let Some(staging) = staging else {
        return clock.outcome(sources, diags, paths, languages, false);
    };
    clock.start(Stage::Publish);
    if let Err(e) = staging.commit() {
        diags.push(
            Diagnostic::error(None, e.to_string())
                .help("check the --out folder and that you may write to it"),
        );
        return clock.outcome(sources, diags, paths, languages, false);
    }
    clock.outcome(sources, diags, paths, languages, true)
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
}

impl<'a> Clock<'a> {
    fn new(progress: &'a mut dyn FnMut(Stage)) -> Self {
        Clock {
            started: Instant::now(),
            progress,
            current: None,
            stages: Vec::new(),
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
        sources: SourceMap,
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
