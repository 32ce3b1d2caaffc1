//! `impact serve`: a preview of the site on 127.0.0.1 that rebuilds on every
//! change to `content/`, `locales/` or `themes/` and reloads open pages.
//!
//! The first build is a whole build, the same as `impact build` (without
//! PDFs), written into a private temporary folder: the preview never
//! touches the site's `output/`. An edit of campaign files re-renders only
//! the pages it changes; any other edit builds the whole site again. The
//! pieces: [`builds`] (rebuilding and what is served), [`edits`] (what an
//! edit touched), [`watch`] (file events and their debounce), [`http`]
//! (answering requests), [`paths`] (URL to file, the security-critical
//! part) and [`inject`] (the live-reload script).
//! This module only starts and stops them; it prints nothing itself but
//! hands each [`ServeEvent`] to the caller.

pub mod builds;
pub mod differences;
pub mod edits;
pub mod http;
pub mod inject;
pub mod paths;
pub mod server;
pub mod watch;

use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::build::BuildOutcome;
use builds::{Builder, Builds};
use watch::Signal;

/// The port used when none is given.
pub const DEFAULT_PORT: u16 = 8787;

/// Said once at start: the preview builds everything but the PDFs, which
/// are slow to make and not what one checks while editing.
pub const DOWNLOADS_NOTE: &str =
    "the PDF and single-file downloads are not made in preview; `impact build` makes them";

/// What to preview.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site root (with `content/`, `locales/`, `themes/`).
    pub root: PathBuf,
    /// The port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    /// Build even when translations are missing, as `build --allow-missing`.
    pub allow_missing: bool,
}

/// Something the person running the preview should hear about.
#[derive(Debug)]
pub enum ServeEvent<'a> {
    /// A build finished. `first` for the one at start; `serving` tells
    /// whether a good site is being served (after a failure: the last good
    /// one, if any).
    Built {
        /// What the build did.
        outcome: &'a BuildOutcome,
        /// The build at start.
        first: bool,
        /// Whether some good build is being served.
        serving: bool,
    },
    /// The server is listening at `url`.
    Listening {
        /// `http://127.0.0.1:PORT/`.
        url: &'a str,
    },
    /// The preview has shut down and removed its files.
    Stopped,
}

/// Why the preview could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// There is no site at the root.
    #[error("no site at {root}: there is no content/ folder")]
    NoSite {
        /// The root given.
        root: PathBuf,
    },
    /// The port is taken.
    #[error("port {port} on 127.0.0.1 is already in use (is another preview running?)")]
    PortInUse {
        /// The port asked for.
        port: u16,
    },
    /// Listening failed for another reason.
    #[error("failed to listen on 127.0.0.1:{port} ({source})")]
    Listen {
        /// The port asked for.
        port: u16,
        /// The error.
        source: std::io::Error,
    },
    /// The temporary folder for the preview's builds could not be made.
    #[error("failed to create a temporary folder for the preview ({0})")]
    Workspace(std::io::Error),
    /// The source folders cannot be watched.
    #[error("failed to watch the site's folders for changes ({0})")]
    Watch(#[from] notify::Error),
}

impl ServeError {
    /// How to fix it.
    pub fn help(&self) -> String {
        match self {
            ServeError::NoSite { .. } => {
                "run `impact serve` in your site's folder, or give it with --root DIR".into()
            }
            ServeError::PortInUse { port } => format!(
                "stop the other program, or choose another port: --port {} (or --port 0 for any free port)",
                port.wrapping_add(1).max(1024)
            ),
            ServeError::Listen { .. } => {
                "choose another port with --port N (above 1024), or --port 0 for any free one".into()
            }
            ServeError::Workspace(_) => "check that the temporary folder (TMPDIR) is writable".into(),
            ServeError::Watch(_) => {
                "on Linux, raise fs.inotify.max_user_watches, or close other programs that watch files".into()
            }
        }
    }

    /// True when the command line (root or port) is what needs changing.
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            ServeError::NoSite { .. } | ServeError::PortInUse { .. } | ServeError::Listen { .. }
        )
    }
}

/// Runs the preview until `stop` receives a message (or its sender is
/// dropped); `report` hears about every build. Returns after removing the
/// preview's files.
pub fn run(
    opts: &ServeOptions,
    stop: Receiver<()>,
    report: &(dyn Fn(ServeEvent<'_>) + Sync),
) -> Result<(), ServeError> {
    if !opts.root.join("content").is_dir() {
        return Err(ServeError::NoSite {
            root: opts.root.clone(),
        });
    }
    let listener = listen(opts.port)?;
    let port = listener
        .local_addr()
        .map_err(|source| ServeError::Listen {
            port: opts.port,
            source,
        })?
        .port();
    // Watched by its full path, so that the paths of file events start
    // with the root the builder compares them to.
    let root = opts
        .root
        .canonicalize()
        .unwrap_or_else(|_| opts.root.clone());
    let workspace = tempfile::Builder::new()
        .prefix("impact-serve-")
        .tempdir()
        .map_err(ServeError::Workspace)?;

    let builds = Arc::new(Builds::new(instance_id()));
    let mut builder = Builder::new(
        root.clone(),
        opts.allow_missing,
        workspace.path().to_path_buf(),
        builds.clone(),
    );
    let (signals, changes) = mpsc::channel();
    // Watch before the first build, so an edit made during it is not lost.
    let watcher = watch::watch_sources(&root, signals.clone())?;
    // The outcome shares the kept sources; it is dropped once reported, so
    // the first update does not copy them.
    report(ServeEvent::Built {
        outcome: &builder.build(),
        first: true,
        serving: builds.current().is_some(),
    });

    let cx = http::Context {
        builds: builds.clone(),
        port,
        polls: Arc::new(AtomicUsize::new(0)),
    };
    let url = format!("http://127.0.0.1:{port}/");

    let stopping = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let builds = &builds;
        scope.spawn(move || {
            while let Some(edits) = watch::next_change(&changes) {
                let Some(outcome) = builder.rebuild(&edits) else {
                    continue;
                };
                report(ServeEvent::Built {
                    outcome: &outcome,
                    first: false,
                    serving: builds.current().is_some(),
                });
            }
        });
        let stopping = &stopping;
        scope.spawn(move || {
            server::run(
                listener,
                move |request| http::answer(request, &cx),
                http::busy,
                stopping,
            )
        });
        report(ServeEvent::Listening { url: &url });

        // Ctrl+C (or the caller) says stop: let the rebuild loop finish
        // its build, then stop taking requests.
        let _ = stop.recv();
        let _ = signals.send(Signal::Stop);
        stopping.store(true, Ordering::SeqCst);
    });
    drop(watcher);
    // Requests still being answered may hold files open; removing the
    // folder is still safe on Unix, and best effort elsewhere.
    let _ = workspace.close();
    report(ServeEvent::Stopped);
    Ok(())
}

/// Binds 127.0.0.1 (never all interfaces) on `port`.
fn listen(port: u16) -> Result<TcpListener, ServeError> {
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    TcpListener::bind(addr).map_err(|source| {
        if source.kind() == std::io::ErrorKind::AddrInUse {
            ServeError::PortInUse { port }
        } else {
            ServeError::Listen { port, source }
        }
    })
}

/// Tells this server from an earlier one on the same port, so pages reload
/// after a restart.
fn instance_id() -> String {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!("{:x}-{:x}", std::process::id(), nanos)
}
