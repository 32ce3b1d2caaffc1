//! The site's `static/` folder: files a host needs that impact does not
//! make (`CNAME` for GitHub Pages, a search engine's verification page, a
//! leaflet to download), published as they are at the same path, and read
//! as safely as the content is.

mod common;

use std::fs;

use common::*;

#[test]
fn files_in_static_are_published_as_they_are_at_their_path() {
    let site = sample_site();
    let root = site.path();
    // Over the 8 MB a content file may be: a report's PDF to download.
    let leaflet: Vec<u8> = (0..=255u8).cycle().take(9 << 20).collect();
    fs::create_dir_all(root.join("static/downloads/2020")).unwrap();
    fs::write(root.join("static/CNAME"), "impact.example.org\n").unwrap();
    fs::write(
        root.join("static/google1234abcd.html"),
        "google-site-verification: google1234abcd.html",
    )
    .unwrap();
    fs::write(root.join("static/downloads/2020/leaflet.pdf"), &leaflet).unwrap();
    fs::write(root.join("static/.notes.txt"), "not for the public").unwrap();
    fs::create_dir_all(root.join("static/.drafts")).unwrap();
    fs::write(root.join("static/.drafts/plan.txt"), "not for the public").unwrap();
    // The hidden files a host reads are published: Apache's `.htaccess`
    // (in any folder) and `.well-known/` at the top.
    fs::write(
        root.join("static/.htaccess"),
        "ErrorDocument 404 /404.html\n",
    )
    .unwrap();
    fs::write(
        root.join("static/downloads/.htaccess"),
        "Options -Indexes\n",
    )
    .unwrap();
    fs::create_dir_all(root.join("static/.well-known")).unwrap();
    fs::write(
        root.join("static/.well-known/security.txt"),
        "Contact: mailto:security@example.org\n",
    )
    .unwrap();
    fs::create_dir_all(root.join("static/downloads/.well-known")).unwrap();
    fs::write(
        root.join("static/downloads/.well-known/x.txt"),
        "not at the top",
    )
    .unwrap();

    for build_number in 1..=2 {
        let outcome = build(root, false);
        assert!(!outcome.failed(), "{:?}", messages(&outcome));
        let out = root.join("output");
        assert_eq!(
            fs::read(out.join("CNAME")).unwrap(),
            b"impact.example.org\n",
            "build {build_number}"
        );
        assert_eq!(
            fs::read(out.join("downloads/2020/leaflet.pdf")).unwrap(),
            leaflet
        );
        assert!(read(root, "google1234abcd.html").starts_with("google-site-verification"));
        assert_eq!(read(root, ".htaccess"), "ErrorDocument 404 /404.html\n");
        assert_eq!(read(root, "downloads/.htaccess"), "Options -Indexes\n");
        assert!(read(root, ".well-known/security.txt").starts_with("Contact:"));
        let files = files_under(&out);
        assert!(
            !files
                .iter()
                .any(|f| f.contains("notes") || f.contains("plan.txt") || f.contains("x.txt")),
            "hidden files stay behind: {files:?}"
        );
        assert!(
            outcome.paths.contains(&"CNAME".to_string()),
            "counted as a file made"
        );
        // The pages are still there beside them.
        assert!(out.join("en/index.html").is_file());
    }
}

#[test]
fn a_static_file_in_the_place_of_one_impact_makes_is_an_error_and_nothing_changes() {
    let site = sample_site();
    let root = site.path();
    let first = build(root, false);
    assert!(!first.failed(), "{:?}", messages(&first));
    let before = tree_bytes(&root.join("output"));

    fs::create_dir_all(root.join("static/lt")).unwrap();
    fs::write(
        root.join("static/robots.txt"),
        "User-agent: *\nDisallow: /\n",
    )
    .unwrap();
    fs::write(root.join("static/en"), "a file where the English pages go").unwrap();
    fs::write(root.join("static/lt/index.html"), "<p>mine</p>").unwrap();
    fs::write(root.join("static/lt/extra.txt"), "beside the pages: fine").unwrap();
    let run = impact(root, &["build", "--no-pdf"]);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{err}");
    for (file, clash) in [
        ("static/robots.txt", "robots.txt"),
        ("static/en", "en"),
        ("static/lt/index.html", "lt/index.html"),
    ] {
        assert!(
            err.contains(&format!(
                "{file} takes the place of {clash}, which impact makes"
            )),
            "{file} not named:\n{err}"
        );
    }
    assert!(err.contains("rename or move it"), "{err}");
    assert!(!err.contains("static/lt/extra.txt"), "{err}");
    assert_eq!(
        tree_bytes(&root.join("output")),
        before,
        "the previous output is left as it was"
    );
}

/// A link in `static/` is not followed, so a secret beside the site (or
/// anywhere else) is never published through it.
#[cfg(unix)]
#[test]
fn a_link_in_static_is_refused_and_its_target_not_published() {
    let site = sample_site();
    let root = site.path();
    fs::write(root.join(".env"), "API_TOKEN=secret-token-1234").unwrap();
    fs::create_dir_all(root.join("static")).unwrap();
    std::os::unix::fs::symlink("../.env", root.join("static/env.txt")).unwrap();
    std::os::unix::fs::symlink("../content", root.join("static/content")).unwrap();
    let run = impact(root, &["build", "--no-pdf"]);
    let err = stderr(&run);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(
        err.lines()
            .any(|l| l.contains("static/env.txt") && l.contains("is a link to another file")),
        "{err}"
    );
    assert!(
        err.contains("static/content is a link to a folder"),
        "{err}"
    );
    assert_eq!(
        err.matches("static/content is a link").count(),
        1,
        "said once: {err}"
    );
    assert!(!root.join("output").exists(), "nothing was written");
}

/// An SVG served from the site runs its scripts when opened on its own:
/// one in `static/` is checked as an image beside a story is.
#[test]
fn an_svg_with_a_script_in_static_is_an_error_at_its_line() {
    let site = sample_site();
    let root = site.path();
    fs::create_dir_all(root.join("static")).unwrap();
    fs::write(
        root.join("static/badge.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">\n<script>alert(1)</script>\n</svg>\n",
    )
    .unwrap();
    let outcome = build(root, false);
    assert!(outcome.failed());
    assert_diag(&outcome, &["static/badge.svg:2:", "script"]);
    assert!(!root.join("output").exists());
}
