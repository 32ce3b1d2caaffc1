//! The `impact` command: parse the command line, run one subcommand, print
//! its diagnostics, exit 0 (ok), 1 (content errors) or 2 (usage errors).

use std::process::ExitCode;

use clap::Parser;

/// jemalloc instead of the system's malloc: a build allocates and frees
/// millions of small strings on every core at once, which glibc's malloc
/// serves slowly (docs/PERFORMANCE.md, sixth round).
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    let cli = match impact::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version to stdout with exit 0, usage
            // errors to stderr with exit 2.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    ExitCode::from(impact::cli::run(cli))
}
