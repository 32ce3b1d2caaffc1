//! `impact serve`: start the preview, print a line per rebuild (and the same
//! diagnostics as `impact build` when one fails), stop on Ctrl+C.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::mpsc;

use super::{EXIT_CONTENT, EXIT_OK, EXIT_USAGE};
use crate::diagnostics;
use crate::serve::{self, ServeEvent, ServeOptions};

/// Runs the preview until Ctrl+C; returns the exit code.
pub fn run(root: PathBuf, port: u16, open: bool, allow_missing: bool, color: bool) -> u8 {
    let (stop_tx, stop_rx) = mpsc::channel();
    // Kept so that, should the handler fail to install, the preview is not
    // told to stop at once (Ctrl+C then ends the process as usual).
    let _keep = stop_tx.clone();
    if let Err(e) = ctrlc::set_handler(move || {
        let _ = stop_tx.send(());
    }) {
        eprintln!("warning: Ctrl+C will not stop the preview cleanly ({e})");
    }
    let opts = ServeOptions {
        root,
        port,
        allow_missing,
    };
    let report = |event: ServeEvent<'_>| print_event(&event, open, color);
    match serve::run(&opts, stop_rx, &report) {
        Ok(()) => EXIT_OK,
        Err(e) => {
            eprintln!("error: {e}");
            eprintln!("help: {}", e.help());
            if e.is_usage() {
                EXIT_USAGE
            } else {
                EXIT_CONTENT
            }
        }
    }
}

fn print_event(event: &ServeEvent<'_>, open: bool, color: bool) {
    match event {
        ServeEvent::Built {
            outcome,
            first,
            serving,
        } => {
            eprint!(
                "{}",
                diagnostics::render(&outcome.diags, &outcome.sources, color)
            );
            let ms = outcome.elapsed.as_secs_f64() * 1000.0;
            if outcome.failed() {
                let errors = outcome.diags.error_count().max(1);
                println!(
                    "build failed: {errors} error{} — {}",
                    plural(errors),
                    if *serving {
                        "showing the last good site"
                    } else {
                        "nothing to show until it builds; fix the errors and save"
                    }
                );
            } else {
                let warnings = outcome.diags.warning_count();
                let warnings = if warnings > 0 {
                    format!(", {warnings} warning{}", plural(warnings))
                } else {
                    String::new()
                };
                if outcome.partial {
                    println!(
                        "updated {} page{} in {ms:.0} ms{warnings}",
                        outcome.pages,
                        plural(outcome.pages)
                    );
                } else {
                    println!(
                        "{} in {ms:.0} ms ({} pages){warnings}",
                        if *first { "built" } else { "rebuilt" },
                        outcome.pages,
                    );
                }
            }
        }
        ServeEvent::Listening { url } => {
            println!("Serving {url} — press Ctrl+C to stop");
            println!("note: {}", serve::DOWNLOADS_NOTE);
            if open {
                open_browser(url);
            }
        }
        ServeEvent::Stopped => println!("stopped"),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Opens `url` in the desktop's browser, if there is a way to; failures are
/// ignored (the URL is printed anyway).
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let child = Command::new(opener)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    if let Ok(mut child) = child {
        // Reap it when it ends, so it does not linger as a zombie.
        std::thread::spawn(move || child.wait());
    }
}
