//! The command line: one file per subcommand, each returning the exit code.

mod build;

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
    },
    /// Check everything a build checks, writing nothing.
    Check {
        /// The site folder (with content/, locales/, themes/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Report missing translations as warnings, as `build --allow-missing` would.
        #[arg(long)]
        allow_missing: bool,
    },
}

/// Runs the parsed command line and returns the exit code.
pub fn run(cli: Cli) -> u8 {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    match cli.command {
        Command::Build {
            root,
            out,
            allow_missing,
            no_pdf: _,
        } => {
            let out = out.unwrap_or_else(|| root.join("output"));
            build::run(root, out, allow_missing, true, color)
        }
        Command::Check {
            root,
            allow_missing,
        } => {
            let out = root.join("output");
            build::run(root, out, allow_missing, false, color)
        }
    }
}
