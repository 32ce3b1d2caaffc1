//! Two `.ftl` files, English and Lithuanian (the input split at its first
//! NUL byte), loaded into the site's Fluent bundles with every check the
//! build makes, then every message formatted with numbers that exercise
//! the plural rules and the number formatter. Must never panic.

#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::fluent_locales(data));
