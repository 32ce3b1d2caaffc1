//! A Markdown file as the loader reads it (front matter, then the body),
//! rendered in both languages with and without raw HTML, its problems
//! turned into diagnostics and printed. Must never panic; raw HTML must
//! never get through when the site does not allow it.

#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::markdown_page(data));
