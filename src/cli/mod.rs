//! The command line: one file per subcommand, each returning the exit code.

mod build;
mod new;
mod serve;
mod translations;

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Exit code: everything fine.
pub const EXIT_OK: u8 = 0;
/// Exit code: the content has errors.
pub const EXIT_CONTENT: u8 = 1;
/// Exit code: the command line was wrong.
pub const EXIT_USAGE: u8 = 2;

/// Builds a bilingual impact-report website from campaign data and narrative.
#[derive(Debug, Parser)]
#[command(name = "impact", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder (replaced only when the build succeeds).
    Build {
        /// The site folder (with content/, locales/, themes/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site [default: <root>/output].
        #[arg(long)]
        out: Option<PathBuf>,
        /// Build even with missing translations, showing the default language's text, marked.
        #[arg(long)]
        allow_missing: bool,
        /// Skip the PDF downloads (for fast previews).
        #[arg(long)]
        no_pdf: bool,
        /// Also list every file written and the time each stage took.
        #[arg(long, short, conflicts_with = "quiet")]
        verbose: bool,
        /// Print errors only: no warnings, no progress, no summary.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Check everything a build checks, writing nothing.
    Check {
        /// The site folder (with content/, locales/, themes/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Report missing translations as warnings, as `build --allow-missing` would.
        #[arg(long)]
        allow_missing: bool,
        /// Instead of checking, list per language what is missing, only translated, or outdated.
        #[arg(long)]
        translations: bool,
        /// With --translations: record that every translation is up to date with its source now.
        #[arg(long, requires = "translations")]
        mark_translated: bool,
        /// Also show the time each stage took; with --translations: also list texts that are up to date.
        #[arg(long, short, conflicts_with = "quiet")]
        verbose: bool,
        /// Print errors only: no warnings, no summary.
        #[arg(long, short, conflicts_with = "translations")]
        quiet: bool,
    },
    /// Preview the site on 127.0.0.1, rebuilding and reloading on every change.
    Serve {
        /// The site folder (with content/, locales/, themes/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The port on 127.0.0.1 (0 picks a free one).
        #[arg(long, default_value_t = crate::serve::DEFAULT_PORT)]
        port: u16,
        /// Open the preview in the browser.
        #[arg(long)]
        open: bool,
        /// Build even with missing translations, showing the default language's text, marked.
        #[arg(long)]
        allow_missing: bool,
    },
    /// Write JSON Schemas of site.yaml, report.yaml and campaign.yaml for editors.
    Schema {
        /// The site folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write them [default: <root>/schema].
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Empty the cache of processed images (.impact/cache); the next build makes them again.
    Clean {
        /// The site folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Start a new campaign or report: a folder with every field written out, in every language.
    New {
        /// What to create.
        #[arg(value_enum)]
        kind: NewKind,
        /// Folder name (lowercase letters, digits, hyphens; part of the web address).
        slug: String,
        /// The site folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

/// How much `build` and `check` say besides errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verbosity {
    /// Errors only (`--quiet`): for scripts that want silence on success.
    Quiet,
    /// Problems, progress on a terminal, and a one-line summary.
    Normal,
    /// Also every file written and each stage's time (`--verbose`).
    Verbose,
}

impl Verbosity {
    fn from_flags(verbose: bool, quiet: bool) -> Self {
        match (verbose, quiet) {
            (_, true) => Verbosity::Quiet,
            (true, false) => Verbosity::Verbose,
            (false, false) => Verbosity::Normal,
        }
    }
}

/// What `impact new` creates.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum NewKind {
    /// content/campaigns/<slug>/ with campaign.yaml and a story per language.
    Campaign,
    /// content/reports/<slug>/ with report.yaml and an introduction per language.
    Report,
}

/// Runs the parsed command line and returns the exit code.
pub fn run(cli: Cli) -> u8 {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    match cli.command {
        Command::Build {
            root,
            out,
            allow_missing,
            no_pdf,
            verbose,
            quiet,
        } => {
            let out = out.unwrap_or_else(|| root.join("output"));
            let verbosity = Verbosity::from_flags(verbose, quiet);
            build::run(root, out, allow_missing, true, !no_pdf, verbosity, color)
        }
        Command::Check {
            root,
            translations: true,
            mark_translated,
            verbose,
            ..
        } => translations::run(&root, mark_translated, verbose),
        Command::Check {
            root,
            allow_missing,
            verbose,
            quiet,
            ..
        } => {
            let out = root.join("output");
            let verbosity = Verbosity::from_flags(verbose, quiet);
            build::run(root, out, allow_missing, false, false, verbosity, color)
        }
        Command::New { kind, slug, root } => new::run(&root, kind, &slug),
        Command::Clean { root } => match crate::images::clean(&root) {
            Ok(true) => {
                println!("emptied {}", root.join(".impact/cache").display());
                EXIT_OK
            }
            Ok(false) => {
                println!("no cache to empty in {}", root.display());
                EXIT_OK
            }
            Err(e) => {
                eprintln!(
                    "error: cannot remove {} ({e})",
                    root.join(".impact/cache").display()
                );
                EXIT_CONTENT
            }
        },
        Command::Schema { root, out } => write_schemas(&root, out),
        Command::Serve {
            root,
            port,
            open,
            allow_missing,
        } => serve::run(root, port, open, allow_missing, color),
    }
}

fn write_schemas(root: &std::path::Path, out: Option<PathBuf>) -> u8 {
    let out = out.unwrap_or_else(|| root.join("schema"));
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("error: cannot create {} ({e})", out.display());
        return EXIT_CONTENT;
    }
    for (name, json) in crate::schema::schemas() {
        let path = out.join(name);
        if let Err(e) = std::fs::write(&path, json) {
            eprintln!("error: cannot write {} ({e})", path.display());
            return EXIT_CONTENT;
        }
        println!("wrote {}", path.display());
    }
    EXIT_OK
}
