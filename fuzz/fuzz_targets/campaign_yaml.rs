//! A `campaign.yaml` parsed and converted to the model as the loader does
//! it, every problem rendered as the command line would print it. Must
//! never panic, and a refused file must come with an error.

#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::campaign_yaml(data));
