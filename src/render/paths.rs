//! Where each page goes in the output, and relative links between pages.
//! Links always name `index.html`, so the site works from a static server,
//! under any sub-path, and opened straight from disk.

use crate::model::Lang;

/// `en/index.html`.
pub fn home(lang: &Lang) -> String {
    format!("{lang}/index.html")
}

/// `en/<report>/index.html`.
pub fn report(lang: &Lang, report: &str) -> String {
    format!("{lang}/{report}/index.html")
}

/// `en/<report>/<campaign>/index.html`.
pub fn campaign(lang: &Lang, report: &str, campaign: &str) -> String {
    format!("{lang}/{report}/{campaign}/index.html")
}

/// The prefix that leads from the page at `from` back to the output root
/// (`""` at the root, `"../"` one level down, …).
pub fn root_of(from: &str) -> String {
    "../".repeat(from.matches('/').count())
}

/// A relative link from the page at `from` to the output file `to`.
pub fn relative(from: &str, to: &str) -> String {
    format!("{}{to}", root_of(from))
}

/// The public URL of an output file: `base_url` + path, with `index.html`
/// dropped (what a visitor sees in the address bar of a static server).
pub fn absolute(base_url: &str, path: &str) -> String {
    let p = path.strip_suffix("index.html").unwrap_or(path);
    format!("{base_url}{p}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_links_climb_to_the_root() {
        assert_eq!(relative("index.html", "en/index.html"), "en/index.html");
        assert_eq!(
            relative("en/r/c/index.html", "lt/r/c/index.html"),
            "../../../lt/r/c/index.html"
        );
        assert_eq!(root_of("en/index.html"), "../");
    }

    #[test]
    fn absolute_drops_index_html() {
        assert_eq!(
            absolute("https://x.org/impact/", "en/r/index.html"),
            "https://x.org/impact/en/r/"
        );
    }
}
