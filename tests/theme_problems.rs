//! Errors typed per stage, reported at the edge: a theme without its font
//! and without its PDF template, and a story with a broken link, are all
//! reported in the same run, each once (the theme's font was the only
//! problem reported: the build stopped at it).

mod common;

use std::fs;

use common::*;

#[test]
fn a_theme_without_font_or_pdf_template_is_reported_with_the_content_errors_once() {
    let site = sample_site();
    let root = site.path();
    fs::remove_dir_all(root.join("themes/default/fonts")).unwrap();
    fs::remove_dir_all(root.join("themes/default/pdf")).unwrap();
    let story = root.join("content/campaigns/bali/story.en.md");
    let text = fs::read_to_string(&story).unwrap();
    fs::write(
        &story,
        format!("{text}\nSee [nothing](@/campaigns/nowhere).\n"),
    )
    .unwrap();

    let outcome = build_with_pdf(root);
    assert!(outcome.failed());
    let all = messages(&outcome);
    let count = |part: &str| all.iter().filter(|m| m.contains(part)).count();
    assert_eq!(count("has no font in themes/default/fonts/"), 1, "{all:#?}");
    assert_eq!(count("has no PDF template"), 1, "{all:#?}");
    assert_eq!(count("there is no campaign `nowhere`"), 1, "{all:#?}");
    assert!(
        all.iter()
            .any(|m| m.contains("content/campaigns/bali/story.en.md") && m.contains("nowhere")),
        "the link's problem names its file: {all:#?}"
    );
    assert!(!root.join("output").exists(), "nothing is written");
}
