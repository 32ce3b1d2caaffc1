//! `impact build` and `impact check`: run the pipeline, print every
//! problem, then a one-line summary. Everything goes to stderr, so stdout
//! stays empty for scripts. Progress is shown only on a terminal (a log
//! file gets no half-overwritten lines); `--quiet` leaves only errors and
//! `--verbose` adds the files written and each stage's time.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use super::{Verbosity, EXIT_CONTENT, EXIT_OK};
use crate::build::{self, BuildOptions, BuildOutcome, Stage};
use crate::diagnostics::{self, Diagnostics, Severity};

/// Builds (or, with `write` false, checks) and reports; returns the exit code.
pub fn run(
    root: PathBuf,
    out: PathBuf,
    allow_missing: bool,
    write: bool,
    pdf: bool,
    verbosity: Verbosity,
    color: bool,
) -> u8 {
    let opts = BuildOptions {
        root,
        out,
        allow_missing,
        write,
        pdf,
    };
    let mut progress =
        Progress::new(verbosity == Verbosity::Normal && std::io::stderr().is_terminal());
    let outcome = build::run_with_progress(&opts, &mut |stage| progress.show(stage));
    progress.clear();

    let shown = if verbosity == Verbosity::Quiet {
        errors_only(&outcome.diags)
    } else {
        outcome.diags.clone()
    };
    eprint!("{}", diagnostics::render(&shown, &outcome.sources, color));
    let (errors, warnings) = (outcome.diags.error_count(), outcome.diags.warning_count());
    if outcome.failed() {
        eprintln!(
            "{errors} error{}, {warnings} warning{}: nothing was written{}",
            plural(errors),
            plural(warnings),
            if write {
                "; the previous output is unchanged"
            } else {
                ""
            }
        );
        return EXIT_CONTENT;
    }
    if verbosity == Verbosity::Quiet {
        return EXIT_OK;
    }
    let fallbacks = outcome
        .diags
        .sorted()
        .iter()
        .filter(|d| d.message.contains("; using "))
        .count();
    if fallbacks > 0 {
        eprintln!(
            "{fallbacks} text{} shown in the default language, marked as not yet translated (listed above)",
            if fallbacks == 1 { " is" } else { "s are" }
        );
    }
    if verbosity == Verbosity::Verbose {
        eprint!("{}", details(&outcome, write));
    }
    eprintln!("{}", summary(&outcome, write, &opts.out));
    EXIT_OK
}

/// The last line of a good run:
/// `built 20 pages, 2 languages, 22 files in 0.04 s → output/`.
fn summary(outcome: &BuildOutcome, write: bool, out: &Path) -> String {
    let mut counts = vec![
        count(outcome.pages, "page"),
        count(outcome.languages, "language"),
    ];
    let made = |suffix: &str| outcome.paths.iter().filter(|p| p.ends_with(suffix)).count();
    if write {
        let pdfs = made(".pdf");
        if pdfs > 0 {
            counts.push(count(pdfs, "PDF"));
        }
        counts.push(count(made("/card.png"), "social card"));
        counts.push(count(outcome.files, "file"));
    }
    let seconds = outcome.elapsed.as_secs_f64();
    let warnings = outcome.diags.warning_count();
    let warnings = if warnings > 0 {
        format!(", {}", count(warnings, "warning"))
    } else {
        String::new()
    };
    if write {
        format!(
            "built {} in {seconds:.2} s → {}{warnings}",
            counts.join(", "),
            folder(out)
        )
    } else {
        format!(
            "checked {} in {seconds:.2} s: no errors{warnings}",
            counts.join(", ")
        )
    }
}

/// `--verbose`: each stage's time, then every file written.
fn details(outcome: &BuildOutcome, write: bool) -> String {
    let mut text = String::new();
    for (stage, took) in &outcome.stages {
        text.push_str(&format!(
            "  {:<9} {:>7.1} ms\n",
            stage.name(),
            took.as_secs_f64() * 1000.0
        ));
    }
    let images = outcome.images;
    if images.encoded + images.reused > 0 {
        text.push_str(&format!(
            "  images: {} encoded, {} reused from .impact/cache\n",
            images.encoded, images.reused
        ));
    }
    if write {
        for path in &outcome.paths {
            text.push_str(&format!("  wrote {path}\n"));
        }
    }
    text
}

/// `output/` for `./output`: the folder as the user would type it.
fn folder(out: &Path) -> String {
    let shown = out.strip_prefix(".").unwrap_or(out).display().to_string();
    if shown.ends_with(std::path::MAIN_SEPARATOR) {
        shown
    } else {
        format!("{shown}{}", std::path::MAIN_SEPARATOR)
    }
}

fn errors_only(diags: &Diagnostics) -> Diagnostics {
    let mut only = Diagnostics::default();
    for d in diags.sorted() {
        if d.severity == Severity::Error {
            only.push(d);
        }
    }
    only
}

fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", plural(n))
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The stage running, on one line of a terminal that the next stage (and
/// finally the summary) overwrites.
struct Progress {
    enabled: bool,
    shown: bool,
}

impl Progress {
    fn new(enabled: bool) -> Self {
        Progress {
            enabled,
            shown: false,
        }
    }

    fn show(&mut self, stage: Stage) {
        if self.enabled {
            // \r and "erase line": the next line starts where this one did.
            eprint!("\r\x1b[2K{}…", stage.name());
            let _ = std::io::stderr().flush();
            self.shown = true;
        }
    }

    fn clear(&mut self) {
        if self.shown {
            eprint!("\r\x1b[2K");
            let _ = std::io::stderr().flush();
            self.shown = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_is_shown_as_typed_with_a_trailing_slash() {
        let sep = std::path::MAIN_SEPARATOR;
        assert_eq!(folder(Path::new("./output")), format!("output{sep}"));
        assert_eq!(folder(Path::new("output")), format!("output{sep}"));
        assert_eq!(folder(Path::new("site/out/")), format!("site/out{sep}"));
    }

    #[test]
    fn counts_say_one_and_many() {
        assert_eq!(count(1, "page"), "1 page");
        assert_eq!(count(20, "page"), "20 pages");
        assert_eq!(count(0, "warning"), "0 warnings");
    }
}
