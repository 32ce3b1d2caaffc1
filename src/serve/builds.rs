//! The builds behind the preview. A whole build runs the same pipeline as
//! `impact build`, into a fresh folder of the preview's own temporary
//! workspace (never the site's `output/`), and keeps its model. After an
//! edit of campaign files only, [`build::update`] reads those campaigns
//! again, checks the whole site and renders only the pages they change,
//! and the files are swapped into the folder served, one rename each. A
//! good build becomes the one served; a failed one leaves the last good
//! build served and its problems on record for the browser overlay.

use std::collections::{BTreeSet, VecDeque};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use serde::Serialize;

use super::edits::edited_campaigns;
use super::watch::Edits;
use crate::build::{self, BuildOptions, BuildOutcome, Kept};
use crate::diagnostics::{self, Severity};
use crate::render::OutputFile;

/// The result of the latest build, as `/__impact/status` reports it.
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    /// Names this server, so a page can tell it was restarted.
    pub instance: String,
    /// How many builds have finished, good or not.
    pub attempt: u64,
    /// How many good builds there have been: the one served.
    pub generation: u64,
    /// Whether the latest build succeeded.
    pub ok: bool,
    /// "3 errors", when the latest build failed.
    pub summary: String,
    /// Each error on one line, `file:line:col: error: message`.
    pub errors: Vec<String>,
    /// Every problem as `impact build` prints it, without colour.
    pub report: String,
}

/// The site being served.
#[derive(Debug, Clone)]
pub struct Current {
    /// Its folder.
    pub dir: PathBuf,
    /// Which good build it is.
    pub generation: u64,
}

/// What the request handlers see of the builds; shared between threads.
#[derive(Debug)]
pub struct Builds {
    state: Mutex<State>,
    changed: Condvar,
}

#[derive(Debug)]
struct State {
    current: Option<Current>,
    status: Status,
}

impl Builds {
    /// No build yet.
    pub fn new(instance: String) -> Self {
        Builds {
            state: Mutex::new(State {
                current: None,
                status: Status {
                    instance,
                    attempt: 0,
                    generation: 0,
                    ok: true,
                    summary: String::new(),
                    errors: Vec::new(),
                    report: String::new(),
                },
            }),
            changed: Condvar::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A handler that panicked cannot leave the state half-changed (it
        // is replaced whole), so a poisoned lock is still good to read.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The last good build, if there has been one.
    pub fn current(&self) -> Option<Current> {
        self.lock().current.clone()
    }

    /// The latest status.
    pub fn status(&self) -> Status {
        self.lock().status.clone()
    }

    /// The status once a build after `after` has finished, or the present
    /// one when `timeout` passes first.
    pub fn wait_for_build(&self, after: u64, timeout: Duration) -> Status {
        let guard = self.lock();
        let (guard, _) = self
            .changed
            .wait_timeout_while(guard, timeout, |s| s.status.attempt == after)
            .unwrap_or_else(|e| e.into_inner());
        guard.status.clone()
    }

    fn record(&self, current: Option<Current>, status: Status) {
        let mut state = self.lock();
        if current.is_some() {
            state.current = current;
        }
        state.status = status;
        self.changed.notify_all();
    }
}

/// Builds the site again and again into folders of `workspace`.
#[derive(Debug)]
pub struct Builder {
    root: PathBuf,
    allow_missing: bool,
    workspace: PathBuf,
    builds: Arc<Builds>,
    attempts: u64,
    generation: u64,
    /// Folders of good builds still on disk, oldest first: the one served
    /// and the one before (a request may still be reading from it).
    kept: VecDeque<PathBuf>,
    /// The model of the last good whole build, brought up to date by
    /// every update since; `None` until a whole build succeeds.
    model: Option<Kept>,
    /// Campaigns edited since the folder served was last brought up to
    /// date (an update with errors writes nothing, so the next good one
    /// renders their pages too).
    pending: BTreeSet<String>,
}

impl Builder {
    /// A builder for the site at `root`, writing into `workspace`.
    pub fn new(
        root: PathBuf,
        allow_missing: bool,
        workspace: PathBuf,
        builds: Arc<Builds>,
    ) -> Self {
        Builder {
            root,
            allow_missing,
            workspace,
            builds,
            attempts: 0,
            generation: 0,
            kept: VecDeque::new(),
            model: None,
            pending: BTreeSet::new(),
        }
    }

    fn options(&self, out: PathBuf) -> BuildOptions {
        // PDFs are left out of the preview: they cost the most of a build
        // and nobody reads them while editing; `impact serve` says so once
        // at start (see `serve::DOWNLOADS_NOTE`).
        BuildOptions {
            root: self.root.clone(),
            out,
            allow_missing: self.allow_missing,
            write: true,
            pdf: false,
        }
    }

    /// Brings the site served up to date with `edits`: only the pages of
    /// the edited campaigns when that is all that changed (see
    /// [`edited_campaigns`]), else the whole site. `None` when the events
    /// named no file the site is made of (an editor's scratch file).
    pub fn rebuild(&mut self, edits: &Edits) -> Option<BuildOutcome> {
        let edited = self
            .model
            .as_ref()
            .and_then(|m| edited_campaigns(&self.root, &m.site, &m.sources, edits));
        match edited {
            Some(edited) if edited.is_empty() => None,
            Some(edited) => Some(self.update(&edited)),
            None => Some(self.build()),
        }
    }

    /// Renders the pages the campaigns `edited` change, and swaps them
    /// into the folder served when the site has no errors.
    fn update(&mut self, edited: &BTreeSet<String>) -> BuildOutcome {
        let started = Instant::now();
        self.pending.extend(edited.iter().cloned());
        let Some(dir) = self.kept.back().cloned() else {
            return self.build();
        };
        let opts = self.options(dir.clone());
        let Some(model) = self.model.as_mut() else {
            return self.build();
        };
        self.attempts += 1;
        let (outcome, files) = build::update(model, &opts, edited, &self.pending);
        let ok = outcome.written;
        if ok && write_in_place(&dir, &files).is_err() {
            // The folder served may be half updated: build the site whole
            // into a new one now (its problems, if any, are the ones shown).
            self.model = None;
            return self.build();
        }
        let current = ok.then(|| {
            self.pending.clear();
            dir
        });
        self.finish(outcome, current, started)
    }

    /// Builds the whole site once and makes it the one served if it is
    /// good; returns what the build did.
    pub fn build(&mut self) -> BuildOutcome {
        let started = Instant::now();
        self.attempts += 1;
        let out = self.workspace.join(format!("site-{}", self.attempts));
        let (outcome, model) = build::run_for_preview(&self.options(out.clone()));
        self.model = model;
        self.pending.clear();
        let ok = outcome.written && !outcome.failed();
        let current = ok.then(|| {
            self.kept.push_back(out.clone());
            while self.kept.len() > 2 {
                if let Some(old) = self.kept.pop_front() {
                    let _ = fs::remove_dir_all(old);
                }
            }
            out
        });
        self.finish(outcome, current, started)
    }

    /// Records a build: `served` is the folder now served when the build
    /// was good. The time reported includes the swap.
    fn finish(
        &mut self,
        mut outcome: BuildOutcome,
        served: Option<PathBuf>,
        started: Instant,
    ) -> BuildOutcome {
        let ok = served.is_some();
        let current = served.map(|dir| {
            self.generation += 1;
            Current {
                dir,
                generation: self.generation,
            }
        });
        let status = self.status(&outcome, ok);
        self.builds.record(current, status);
        outcome.elapsed = started.elapsed();
        outcome
    }

    fn status(&self, outcome: &BuildOutcome, ok: bool) -> Status {
        let instance = self.builds.status().instance;
        let mut status = Status {
            instance,
            attempt: self.attempts,
            generation: self.generation,
            ok,
            summary: String::new(),
            errors: Vec::new(),
            report: String::new(),
        };
        if !ok {
            let errors = outcome.diags.error_count().max(1);
            status.summary = format!("{errors} error{}", if errors == 1 { "" } else { "s" });
            status.errors = outcome
                .diags
                .sorted()
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .map(|d| diagnostics::render_short(d, &outcome.sources))
                .collect();
            status.report = diagnostics::render(&outcome.diags, &outcome.sources, false);
        }
        status
    }
}

/// Writes `files` into the folder `dir`, each to a scratch name first and
/// renamed over the old one, so a request never reads half a file.
fn write_in_place(dir: &Path, files: &[OutputFile]) -> Result<(), String> {
    for file in files {
        let target = dir.join(&file.path);
        let scratch = target.with_file_name(format!(
            ".{}.new",
            target
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("file")
        ));
        let fail =
            |e: std::io::Error| format!("failed to update the preview's {} ({e})", file.path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(fail)?;
        }
        fs::write(&scratch, &file.bytes).map_err(fail)?;
        fs::rename(&scratch, &target).map_err(fail)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waiting_returns_at_once_when_a_newer_build_exists() {
        let builds = Builds::new("i".into());
        builds.record(
            None,
            Status {
                attempt: 2,
                ..builds.status()
            },
        );
        let started = Instant::now();
        let status = builds.wait_for_build(1, Duration::from_secs(5));
        assert_eq!(status.attempt, 2);
        assert!(started.elapsed() < Duration::from_secs(1));
    }

    #[test]
    fn waiting_times_out_with_the_present_status() {
        let builds = Builds::new("i".into());
        let status = builds.wait_for_build(0, Duration::from_millis(20));
        assert_eq!(status.attempt, 0);
    }

    #[test]
    fn a_failed_build_keeps_the_last_good_site() {
        let builds = Builds::new("i".into());
        let good = Current {
            dir: PathBuf::from("/tmp/site-1"),
            generation: 1,
        };
        builds.record(Some(good), builds.status());
        builds.record(
            None,
            Status {
                ok: false,
                attempt: 2,
                ..builds.status()
            },
        );
        let current = builds.current().unwrap();
        assert_eq!(current.generation, 1);
        assert!(!builds.status().ok);
    }
}
