//! `impact build` and `impact check`: run the pipeline, print every
//! problem, then a one-line summary.

use std::path::PathBuf;

use super::{EXIT_CONTENT, EXIT_OK};
use crate::build::{self, BuildOptions};
use crate::diagnostics;

/// Builds (or, with `write` false, checks) and reports; returns the exit code.
pub fn run(
    root: PathBuf,
    out: PathBuf,
    allow_missing: bool,
    write: bool,
    pdf: bool,
    color: bool,
) -> u8 {
    let opts = BuildOptions {
        root,
        out,
        allow_missing,
        write,
        pdf,
    };
    let outcome = build::run(&opts);
    let report = diagnostics::render(&outcome.diags, &outcome.sources, color);
    eprint!("{report}");
    let (errors, warnings) = (outcome.diags.error_count(), outcome.diags.warning_count());
    if outcome.failed() {
        eprintln!(
            "{} error{}, {} warning{}: nothing was written{}",
            errors,
            if errors == 1 { "" } else { "s" },
            warnings,
            if warnings == 1 { "" } else { "s" },
            if write {
                "; the previous output is unchanged"
            } else {
                ""
            }
        );
        return EXIT_CONTENT;
    }
    let fallbacks = outcome
        .diags
        .sorted()
        .iter()
        .filter(|d| d.message.contains("; using "))
        .count();
    if fallbacks > 0 {
        eprintln!("{fallbacks} text{} shown in the default language, marked as not yet translated (listed above)", if fallbacks == 1 { " is" } else { "s are" });
    }
    let ms = outcome.elapsed.as_secs_f64() * 1000.0;
    if write {
        eprintln!(
            "built {} pages ({} files) into {} in {ms:.0} ms{}",
            outcome.pages,
            outcome.files,
            opts.out.display(),
            if warnings > 0 {
                format!(
                    ", {warnings} warning{}",
                    if warnings == 1 { "" } else { "s" }
                )
            } else {
                String::new()
            }
        );
    } else {
        eprintln!(
            "checked {} pages in {ms:.0} ms: no errors{}",
            outcome.pages,
            if warnings > 0 {
                format!(
                    ", {warnings} warning{}",
                    if warnings == 1 { "" } else { "s" }
                )
            } else {
                String::new()
            }
        );
    }
    EXIT_OK
}
