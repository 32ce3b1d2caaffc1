//! The preview is the build: `impact serve` shows the bytes `impact build`
//! writes, except for the differences listed here, each with its reason.
//! This is the one list in the code (docs/preview.md says the same for
//! readers); `tests/preview_is_the_build.rs` holds every page of the
//! preview to a whole build, after [`as_previewed`], after a whole build
//! and after an update.

/// One way the preview's pages differ from the built ones.
#[derive(Debug, Clone, Copy)]
pub struct Difference {
    /// What differs.
    pub what: &'static str,
    /// Why the preview must.
    pub why: &'static str,
}

/// Every difference, in the order a page meets them.
pub const DIFFERENCES: [Difference; 4] = [
    Difference {
        what: "the live-reload <script> before </body> (and, while a build fails, the error overlay)",
        why: "the preview reloads open pages after each save and shows why a build failed; added on the way to the browser (serve::inject), never written",
    },
    Difference {
        what: "script-src and style-src 'self' added to the Content-Security-Policy (and connect-src 'self', where a theme's page lacks what the default theme's have)",
        why: "the reload script, its server events and the overlay's style come from the preview server",
    },
    Difference {
        what: "no downloads: a report page has no links to its PDF and single-file HTML",
        why: "they hold the whole report (11 MB of HTML at 1000 campaigns) and would be remade after every edit of any campaign; `impact build` makes them",
    },
    Difference {
        what: "a report's version is its period alone, without the short hash of its sources",
        why: "the hash changes with every edit and every page of the report shows it, so one edit would remake every page",
    },
];

/// A page as `impact build` wrote it, as the preview writes it: the
/// downloads section left out and the version's hash dropped. The reload
/// script and its policy are added later, when the page is served
/// (`serve::inject::live_page`).
pub fn as_previewed(built: &str) -> String {
    let mut page = built.to_string();
    // The downloads section's lines, as the template leaves them out
    // when there are none.
    if let Some(at) = page.find("<section id=\"downloads\"") {
        if let Some(len) = page[at..].find("</section>") {
            let mut start = page[..at].rfind('\n').map_or(0, |i| i + 1);
            // With the `{% if %}` line before it, which is left blank.
            let before = page[..start.saturating_sub(1)]
                .rfind('\n')
                .map_or(0, |i| i + 1);
            if start > 0 && page[before..start - 1].trim().is_empty() {
                start = before;
            }
            let close = at + len;
            let end = page[close..]
                .find('\n')
                .map_or(page.len(), |i| close + i + 1);
            page.replace_range(start..end, "");
        }
    }
    drop_version_hashes(&page)
}

/// `… 31 August 2020, 3f2a9c1b` -> `… 31 August 2020`: the hash after
/// the period in the `version` message (", " and eight hexadecimal digits,
/// in every language of the sample).
fn drop_version_hashes(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(i) = rest.find(", ") {
        let after = &rest[i + 2..];
        let is_hash = after.get(..8).is_some_and(|h| {
            h.bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        }) && !after[8..].starts_with(|c: char| c.is_alphanumeric());
        out.push_str(&rest[..i]);
        if is_hash {
            rest = &after[8..];
        } else {
            out.push_str(", ");
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_loses_its_hash_and_nothing_else_does() {
        assert_eq!(
            drop_version_hashes("<p>Version: 1 May 2019 – 31 August 2020, 3f2a9c1b</p> a, b"),
            "<p>Version: 1 May 2019 – 31 August 2020</p> a, b"
        );
        assert_eq!(drop_version_hashes("x, deadbeefcafe"), "x, deadbeefcafe");
    }
}
