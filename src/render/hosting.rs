//! Files for the host rather than the reader: `robots.txt` (always) and,
//! when `site.yaml` sets `headers_file: true`, a `_headers` file that
//! Netlify and Cloudflare Pages read. docs/hosting.md gives the same
//! headers for nginx and Apache. This module only writes text from the
//! site's configuration and page list; the pages' Content-Security-Policy
//! is the one their `<meta>` carries (`PAGE_CSP`).

use super::paths;
use super::OutputFile;
use crate::model::Lang;

/// The policy every page carries in its `<meta>`, sent as a header too by
/// hosts that can. The single-file downloads carry their own (their style
/// is allowed by its hash), so this header is never sent with them.
pub const PAGE_CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'";

/// Assets have content-hashed names: a changed file gets a new name, so a
/// browser may keep one for a year without asking again.
pub const ASSET_CACHE: &str = "public, max-age=31536000, immutable";

/// Pages and downloads keep their names when they change: a browser keeps
/// them ten minutes, then asks whether they changed.
pub const PAGE_CACHE: &str = "public, max-age=600, must-revalidate";

/// `robots.txt`: every crawler may read everything; the sitemap's address
/// when `base_url` is a full address (a sitemap line must be absolute).
pub fn robots(base: &str) -> OutputFile {
    let mut text = String::from("User-agent: *\nAllow: /\n");
    if base.contains("://") {
        text.push_str(&format!("\nSitemap: {base}sitemap.xml\n"));
    }
    OutputFile {
        path: "robots.txt".into(),
        bytes: text.into_bytes(),
    }
}

/// `_headers` for Netlify and Cloudflare Pages: long caching for `assets/`,
/// short for everything else, and the pages' CSP on the pages alone. Paths
/// are under the path of `base_url`, where the host serves the site.
/// Cloudflare Pages reads at most 100 rules: one per page kind and
/// language is used, and a campaign page is matched by a placeholder.
pub fn headers_file(base_url: &str, languages: &[Lang], reports: &[&str]) -> OutputFile {
    let root = base_path(base_url);
    let mut t = String::from(
        "# Written by impact (site.yaml: headers_file: true); docs/hosting.md explains each header.\n",
    );
    // Both hosts join the values of a header that several matching rules
    // set, so no two rules that can match one path set the same header:
    // files that are neither assets nor pages keep the host's default
    // caching (Netlify's and Cloudflare's both revalidate).
    t.push_str(&format!(
        "{root}*\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n\n"
    ));
    t.push_str(&format!(
        "{root}assets/*\n  Cache-Control: {ASSET_CACHE}\n\n"
    ));
    // Pages by their folder address and by their index.html; a download
    // (`<lang>/<report>/<report>.html`) matches none of these.
    let mut pages = vec![String::new(), "404.html".to_string()];
    for lang in languages {
        let home = paths::home(lang);
        pages.push(home.replace("index.html", ""));
        for slug in reports {
            let report = paths::report(lang, slug).replace("index.html", "");
            pages.push(report.clone());
            pages.push(format!("{report}:campaign/"));
        }
    }
    for page in pages {
        let mut addresses = vec![format!("{root}{page}")];
        if page.is_empty() || page.ends_with('/') {
            addresses.push(format!("{root}{page}index.html"));
        }
        for a in addresses {
            t.push_str(&format!(
                "{a}\n  Content-Security-Policy: {PAGE_CSP}\n  Cache-Control: {PAGE_CACHE}\n\n"
            ));
        }
    }
    OutputFile {
        path: "_headers".into(),
        bytes: t.trim_end().to_string().into_bytes(),
    }
}

/// The path part of `base_url` (`/impact/` of `https://x.org/impact/`).
pub fn base_path(base_url: &str) -> String {
    match base_url.split_once("://") {
        Some((_, rest)) => match rest.find('/') {
            Some(i) => rest[i..].to_string(),
            None => "/".into(),
        },
        None => base_url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_path_of_urls() {
        assert_eq!(base_path("https://x.org/impact/"), "/impact/");
        assert_eq!(base_path("https://x.org/"), "/");
        assert_eq!(base_path("/"), "/");
    }

    #[test]
    fn robots_names_the_sitemap_only_at_a_full_address() {
        let text = |b: &str| String::from_utf8(robots(b).bytes).unwrap();
        assert_eq!(
            text("https://x.org/impact/"),
            "User-agent: *\nAllow: /\n\nSitemap: https://x.org/impact/sitemap.xml\n"
        );
        assert_eq!(text("/"), "User-agent: *\nAllow: /\n");
    }

    #[test]
    fn headers_cache_assets_for_ever_and_give_pages_their_policy() {
        let langs = [Lang::parse("en").unwrap(), Lang::parse("lt").unwrap()];
        let file = headers_file("https://x.org/impact/", &langs, &["r2020"]);
        let t = String::from_utf8(file.bytes).unwrap();
        assert!(t.contains(&format!(
            "/impact/assets/*\n  Cache-Control: {ASSET_CACHE}\n"
        )));
        for page in [
            "/impact/\n",
            "/impact/index.html\n",
            "/impact/lt/\n",
            "/impact/lt/r2020/index.html\n",
            "/impact/en/r2020/:campaign/\n",
            "/impact/en/r2020/:campaign/index.html\n",
        ] {
            assert!(
                t.contains(&format!(
                    "{page}  Content-Security-Policy: {PAGE_CSP}\n  Cache-Control: {PAGE_CACHE}\n"
                )),
                "{page}{t}"
            );
        }
        assert!(!t.contains("r2020.html"), "a download keeps its own policy");
        // A header set by two rules that match one path would be joined
        // ("max-age=600, …, max-age=31536000"): only the asset rule and
        // the page rules set Cache-Control, and they never share a path.
        let star = t
            .split("\n\n")
            .find(|r| r.lines().any(|l| l == "/impact/*"))
            .unwrap();
        assert!(!star.contains("Cache-Control"), "{star}");
    }
}
