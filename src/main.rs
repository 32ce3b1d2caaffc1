//! The `impact` command: parse the command line, run one subcommand, print
//! its diagnostics, exit 0 (ok), 1 (content errors) or 2 (usage errors).

use std::process::ExitCode;

use clap::Parser;

/// jemalloc instead of the system's malloc: a build allocates and frees
/// millions of small strings on every core at once, which glibc's malloc
/// serves slowly (docs/PERFORMANCE.md, sixth round).
#[cfg(all(feature = "jemalloc", not(target_env = "msvc")))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's options, read before `main` (its `malloc_conf`): memory
/// freed is given back to the system after a second instead of ten, and
/// at once where jemalloc would first mark it lazily, so a long build of
/// thousands of campaigns holds less (at five thousand, 414 MiB at its
/// peak instead of 435–441 MiB) at no cost in time. `_RJEM_MALLOC_CONF` in
/// the environment still overrides it.
#[cfg(all(feature = "jemalloc", not(target_env = "msvc")))]
#[export_name = "_rjem_malloc_conf"]
static ALLOCATOR_OPTIONS: &u8 = &b"dirty_decay_ms:1000,muzzy_decay_ms:0\0"[0];

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
