//! `sitemap.xml`: every page with absolute URLs from `base_url`, and its
//! other-language versions as `xhtml:link` alternates.

use super::paths;
use super::OutputFile;
use crate::markup::escape;
use crate::model::Site;

/// Builds the sitemap; `None` when `base_url` is a path, since a sitemap
/// must give full addresses.
pub fn sitemap(site: &Site) -> Option<OutputFile> {
    let base = site.config.address()?;
    let langs = &site.config.languages;
    let mut pages: Vec<Vec<String>> = Vec::new();
    pages.push(langs.iter().map(paths::home).collect());
    for r in &site.reports {
        pages.push(langs.iter().map(|l| paths::report(l, &r.slug)).collect());
        for (c, _) in &r.campaigns {
            if site.campaigns.contains_key(c) {
                pages.push(
                    langs
                        .iter()
                        .map(|l| paths::campaign(l, &r.slug, c))
                        .collect(),
                );
            }
        }
    }
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    // The language chooser, with every language and itself as x-default.
    xml.push_str(&format!("  <url>\n    <loc>{}</loc>\n", escape(base)));
    for (l, home) in langs.iter().zip(&pages[0]) {
        xml.push_str(&format!(
            "    <xhtml:link rel=\"alternate\" hreflang=\"{l}\" href=\"{}\"/>\n",
            escape(&paths::absolute(base, home))
        ));
    }
    xml.push_str(&format!(
        "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>\n  </url>\n",
        escape(base)
    ));
    for versions in &pages {
        for path in versions {
            xml.push_str(&format!(
                "  <url>\n    <loc>{}</loc>\n",
                escape(&paths::absolute(base, path))
            ));
            for (l, alt) in langs.iter().zip(versions) {
                xml.push_str(&format!(
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{l}\" href=\"{}\"/>\n",
                    escape(&paths::absolute(base, alt))
                ));
            }
            xml.push_str("  </url>\n");
        }
    }
    xml.push_str("</urlset>\n");
    Some(OutputFile {
        path: "sitemap.xml".into(),
        bytes: xml.into_bytes(),
    })
}
