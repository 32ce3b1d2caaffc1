//! The whole build, top to bottom: load -> localise -> validate -> render ->
//! publish. `impact check` runs the same function without publishing, so
//! the two can never disagree about what is wrong.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::l10n::Localiser;
use crate::model::SourceMap;
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
    /// Whether the output was replaced.
    pub written: bool,
    /// How long it took.
    pub elapsed: Duration,
}

impl BuildOutcome {
    /// True when there were errors (nothing was written).
    pub fn failed(&self) -> bool {
        self.diags.has_errors()
    }
}

/// Builds the site described by `opts`.
pub fn run(opts: &BuildOptions) -> BuildOutcome {
    let started = Instant::now();
    let loaded = load::load_site(&opts.root);
    let (sources, mut diags) = (loaded.sources, loaded.diags);
    let done = |sources, diags, pages, files, written| BuildOutcome {
        sources,
        diags,
        pages,
        files,
        written,
        elapsed: started.elapsed(),
    };
    let Some(site) = loaded.site else {
        return done(sources, diags, 0, 0, false);
    };

    let Some(l10n) = Localiser::new(&site, &sources, opts.allow_missing, &mut diags) else {
        return done(sources, diags, 0, 0, false);
    };
    let l10n = Arc::new(l10n);
    diags.extend(validate::check(&site, &sources, &l10n, opts.allow_missing));

    // Render even when validation failed, to report problems in the
    // Markdown too; its reports of messages validation already named
    // (which have no span) are left out.
    let had_errors = diags.has_errors();
    let files = match render::site(&site, &sources, l10n, SiteOptions { pdf: opts.pdf }) {
        Ok(files) => files,
        Err(render_diags) => {
            for d in render_diags.sorted() {
                if !had_errors || d.span.is_some() {
                    diags.push(d);
                }
            }
            return done(sources, diags, 0, 0, false);
        }
    };
    if diags.has_errors() {
        return done(sources, diags, 0, 0, false);
    }

    let pages = files.iter().filter(|f| f.path.ends_with(".html")).count();
    let count = files.len();
    if !opts.write {
        return done(sources, diags, pages, count, false);
    }
    if let Err(e) = publish::check_out_dir(&opts.root, &opts.out)
        .and_then(|_| publish::publish(&files, &opts.out))
    {
        diags.push(
            Diagnostic::error(None, e.to_string())
                .help("check the --out folder and that you may write to it"),
        );
        return done(sources, diags, pages, count, false);
    }
    done(sources, diags, pages, count, true)
}
