//! `impact check --translations [--mark-translated]`: the translator's list.

use std::path::Path;

use super::{EXIT_CONTENT, EXIT_OK};
use crate::diagnostics::{self, Diagnostics};
use crate::l10n::Localiser;
use crate::translations::{self, Lock, State};

/// Prints the status per language; exit 1 when something is missing.
pub fn run(root: &Path, mark: bool, verbose: bool) -> u8 {
    let loaded = crate::load::load_site(root);
    let Some(site) = loaded.site else {
        eprint!(
            "{}",
            diagnostics::render(&loaded.diags, &loaded.sources, false)
        );
        return EXIT_CONTENT;
    };
    // Missing translations are what this command lists, not a reason to stop.
    let mut ignored = Diagnostics::default();
    let Some(l10n) = Localiser::new(&site, &loaded.sources, true, &mut ignored) else {
        eprint!("{}", diagnostics::render(&ignored, &loaded.sources, false));
        return EXIT_CONTENT;
    };
    let mut lock = Lock::read(root);
    let report = translations::status(&site, &loaded.sources, &l10n, &lock);
    print!(
        "{}",
        translations::render(&report, site.config.default_lang(), verbose)
    );
    if !mark {
        print!(
            "{}",
            translations::next_steps(&report, site.config.default_lang())
        );
    }
    if mark {
        lock.mark_all(&report);
        if let Err(e) = lock.write(root) {
            eprintln!("error: failed to write {} ({e})", translations::LOCK_PATH);
            return EXIT_CONTENT;
        }
        println!(
            "recorded the current source of every translation in {}",
            translations::LOCK_PATH
        );
    }
    let missing = report.values().flatten().any(|r| r.state == State::Missing);
    if missing {
        EXIT_CONTENT
    } else {
        EXIT_OK
    }
}
