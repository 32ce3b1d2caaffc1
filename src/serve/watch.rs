//! Watching the site's sources (`content/`, `locales/`, `themes/`) for
//! changes, and the debounce that turns a burst of file events (an editor's
//! save is often several) into one rebuild. It only says *that* something
//! changed: every rebuild is a whole build.

use std::path::Path;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

/// The folders whose changes trigger a rebuild.
pub const WATCHED: &[&str] = &["content", "locales", "themes"];

/// How long the sources must be quiet before a rebuild starts.
pub const QUIET: Duration = Duration::from_millis(60);

/// A message to the rebuild loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// A source changed.
    Changed,
    /// Shut down.
    Stop,
}

/// Starts watching the source folders of `root` that exist; each change is
/// sent to `tx`. Watching ends when the returned watcher is dropped.
pub fn watch_sources(root: &Path, tx: Sender<Signal>) -> notify::Result<RecommendedWatcher> {
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let relevant = match event {
            Ok(e) => {
                !matches!(e.kind, EventKind::Access(_)) && !e.paths.iter().all(|p| is_scratch(p))
            }
            // An error may mean missed events: rebuild to be safe.
            Err(_) => true,
        };
        if relevant {
            let _ = tx.send(Signal::Changed);
        }
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

/// Waits for the next change and for the quiet after it. Returns false
/// when it is time to stop.
pub fn next_change(rx: &Receiver<Signal>) -> bool {
    match rx.recv() {
        Ok(Signal::Changed) => {}
        Ok(Signal::Stop) | Err(_) => return false,
    }
    loop {
        match rx.recv_timeout(QUIET) {
            Ok(Signal::Changed) => continue,
            Ok(Signal::Stop) | Err(RecvTimeoutError::Disconnected) => return false,
            Err(RecvTimeoutError::Timeout) => return true,
        }
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
        for _ in 0..5 {
            tx.send(Signal::Changed).unwrap();
        }
        let started = Instant::now();
        assert!(next_change(&rx));
        assert!(started.elapsed() >= QUIET);
        tx.send(Signal::Stop).unwrap();
        assert!(!next_change(&rx));
    }

    #[test]
    fn stop_during_the_quiet_wins() {
        let (tx, rx) = mpsc::channel();
        tx.send(Signal::Changed).unwrap();
        tx.send(Signal::Stop).unwrap();
        assert!(!next_change(&rx));
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
        std::fs::write(dir.path().join("content/campaigns/story.en.md"), "hi").unwrap();
        assert_eq!(rx.recv_timeout(Duration::from_secs(5)), Ok(Signal::Changed));
    }
}
