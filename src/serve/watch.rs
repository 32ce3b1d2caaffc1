//! Watching the site's sources (`content/`, `locales/`, `themes/`,
//! `static/`) for changes, and the debounce that turns a burst of file
//! events (an editor's save is often several) into one rebuild, with every
//! path it touched.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

/// The folders whose changes trigger a rebuild.
pub const WATCHED: &[&str] = &["content", "locales", "themes", crate::model::STATIC_DIR];

/// How long the sources must be quiet before a rebuild starts. An
/// editor's save (a scratch file written, renamed over the old one) is a
/// burst of events a few milliseconds apart; this is what the preview
/// waits after the last one, so it counts in every update's time.
pub const QUIET: Duration = Duration::from_millis(25);

/// A message to the rebuild loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Signal {
    /// Sources changed: these paths.
    Changed(Vec<PathBuf>),
    /// Events may have been missed (the watcher failed): anything may
    /// have changed.
    Unknown,
    /// Shut down.
    Stop,
}

/// What changed during one burst of events.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Edits {
    /// Every path an event named.
    pub paths: BTreeSet<PathBuf>,
    /// Events may have been missed: rebuild everything.
    pub unknown: bool,
}

/// Starts watching the source folders of `root` that exist; each change is
/// sent to `tx`. Watching ends when the returned watcher is dropped.
pub fn watch_sources(root: &Path, tx: Sender<Signal>) -> notify::Result<RecommendedWatcher> {
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let signal = match event {
            Ok(e) if matches!(e.kind, EventKind::Access(_)) => return,
            // The system's event queue overflowed: events were lost.
            Ok(e) if e.need_rescan() => Signal::Unknown,
            Ok(e) => {
                let paths: Vec<PathBuf> = e.paths.into_iter().filter(|p| !is_scratch(p)).collect();
                if paths.is_empty() {
                    return;
                }
                Signal::Changed(paths)
            }
            // An error may mean missed events: rebuild to be safe.
            Err(_) => Signal::Unknown,
        };
        let _ = tx.send(signal);
    })?;
    for dir in WATCHED {
        let path = root.join(dir);
        if path.is_dir() {
            watcher.watch(&path, RecursiveMode::Recursive)?;
        }
    }
    Ok(watcher)
}

/// Editors' swap, backup and lock files, which no build reads.
fn is_scratch(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.starts_with(".#")
        || name == "4913"
}

/// Waits for the next change and for the quiet after it, and returns
/// what changed; `None` when it is time to stop.
pub fn next_change(rx: &Receiver<Signal>) -> Option<Edits> {
    let mut edits = Edits::default();
    let mut signal = rx.recv().ok()?;
    loop {
        match signal {
            Signal::Changed(paths) => edits.paths.extend(paths),
            Signal::Unknown => edits.unknown = true,
            Signal::Stop => return None,
        }
        signal = match rx.recv_timeout(QUIET) {
            Ok(signal) => signal,
            Err(RecvTimeoutError::Disconnected) => return None,
            Err(RecvTimeoutError::Timeout) => return Some(edits),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Instant;

    #[test]
    fn a_burst_of_changes_is_one_rebuild() {
        let (tx, rx) = mpsc::channel();
        for i in 0..5 {
            tx.send(Signal::Changed(vec![PathBuf::from(format!(
                "content/{}",
                i % 2
            ))]))
            .unwrap();
        }
        let started = Instant::now();
        let edits = next_change(&rx).unwrap();
        assert!(started.elapsed() >= QUIET);
        let expected: BTreeSet<PathBuf> = ["content/0", "content/1"].map(PathBuf::from).into();
        assert_eq!(edits.paths, expected);
        assert!(!edits.unknown);
        tx.send(Signal::Stop).unwrap();
        assert_eq!(next_change(&rx), None);
    }

    #[test]
    fn stop_during_the_quiet_wins() {
        let (tx, rx) = mpsc::channel();
        tx.send(Signal::Changed(vec![PathBuf::from("content/a")]))
            .unwrap();
        tx.send(Signal::Stop).unwrap();
        assert_eq!(next_change(&rx), None);
    }

    #[test]
    fn a_watcher_error_in_the_burst_asks_for_everything() {
        let (tx, rx) = mpsc::channel();
        tx.send(Signal::Changed(vec![PathBuf::from("content/a")]))
            .unwrap();
        tx.send(Signal::Unknown).unwrap();
        assert!(next_change(&rx).unwrap().unknown);
    }

    #[test]
    fn editor_scratch_files_are_ignored() {
        assert!(is_scratch(Path::new("content/.story.en.md.swp")));
        assert!(is_scratch(Path::new("content/story.en.md~")));
        assert!(is_scratch(Path::new("content/.#story.en.md")));
        assert!(!is_scratch(Path::new("content/story.en.md")));
    }

    #[test]
    fn a_file_written_in_content_is_noticed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content/campaigns")).unwrap();
        let (tx, rx) = mpsc::channel();
        let _watcher = watch_sources(dir.path(), tx).unwrap();
        let story = dir.path().join("content/campaigns/story.en.md");
        std::fs::write(&story, "hi").unwrap();
        match rx.recv_timeout(Duration::from_secs(5)) {
            Ok(Signal::Changed(paths)) => assert!(paths.contains(&story), "{paths:?}"),
            other => panic!("{other:?}"),
        }
    }
}
