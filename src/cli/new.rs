//! `impact new campaign|report <slug>`.

use std::path::Path;

use super::{NewKind, EXIT_OK, EXIT_USAGE};
use crate::scaffold::{self, Kind, ScaffoldError};

/// Scaffolds and says what to do next; returns the exit code.
pub fn run(root: &Path, kind: NewKind, slug: &str) -> u8 {
    let kind = match kind {
        NewKind::Campaign => Kind::Campaign,
        NewKind::Report => Kind::Report,
    };
    match scaffold::scaffold(root, kind, slug) {
        Ok(files) => {
            for f in &files {
                println!("created {f}");
            }
            match kind {
                Kind::Campaign => println!(
                    "next: fill in the files, then add `{slug}` to `campaigns:` in a report.yaml and run `impact build`"
                ),
                Kind::Report => println!("next: fill in the files, list its campaigns under `campaigns:`, and run `impact build`"),
            }
            EXIT_OK
        }
        Err(ScaffoldError::BadSlug(name, suggestion)) => {
            eprintln!(
                "error: {}",
                ScaffoldError::BadSlug(name, suggestion.clone())
            );
            if !suggestion.is_empty() {
                let what = match kind {
                    Kind::Campaign => "campaign",
                    Kind::Report => "report",
                };
                eprintln!("help: run `impact new {what} {suggestion}`");
            }
            EXIT_USAGE
        }
        Err(e @ (ScaffoldError::Exists(_) | ScaffoldError::NoSite(_))) => {
            eprintln!("error: {e}");
            EXIT_USAGE
        }
        Err(e) => {
            eprintln!("error: {e}");
            super::EXIT_CONTENT
        }
    }
}
