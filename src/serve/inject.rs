//! What `impact serve` changes in a page on its way to the browser, and
//! only there (the built files stay as `impact build` writes them): a
//! `<script>` for live reload before `</body>`, a Content-Security-Policy
//! that lets that script load and talk to the preview server and, while the
//! latest build is failing, the error overlay itself. The overlay is written
//! into the page here (not only by the script) so that it is there from the
//! first paint, for a page opened or reloaded while the site is broken.

use crate::markup::escape;

/// The address of the live-reload script.
pub const LIVE_JS: &str = "/__impact/live.js";
/// The address of the overlay's styles.
pub const LIVE_CSS: &str = "/__impact/live.css";

/// Why the latest build failed, for the overlay.
#[derive(Debug, Clone, Copy)]
pub struct Overlay<'a> {
    /// "1 error".
    pub summary: &'a str,
    /// The diagnostics as the terminal shows them, without colour.
    pub report: &'a str,
}

/// Sources the live-reload script needs, added to the page's policy.
const NEEDED: &[&str] = &["script-src", "connect-src", "style-src"];

/// `html` with the live-reload script added and its policy widened.
/// `generation` is the build the page comes from and `instance` names this
/// server, so the script can tell when it is out of date. With `overlay`,
/// the page also carries the errors of the latest (failed) build.
pub fn live_page(
    html: &str,
    generation: u64,
    instance: &str,
    overlay: Option<Overlay<'_>>,
) -> String {
    let html = widen_policy(html);
    let mut tag = overlay
        .map(|o| overlay_html(o, generation))
        .unwrap_or_default();
    tag.push_str(&format!(
        "<script src=\"{LIVE_JS}\" data-generation=\"{generation}\" data-instance=\"{}\"></script>",
        escape(instance)
    ));
    let at = find_ascii_ci(&html, "</body>", true).unwrap_or(html.len());
    let mut out = String::with_capacity(html.len() + tag.len());
    out.push_str(&html[..at]);
    out.push_str(&tag);
    out.push_str(&html[at..]);
    out
}

/// The overlay as `live.js` builds it (the two must stay alike: the script
/// replaces this one when the next build fails, and removes it when one
/// succeeds). Generation 0 means nothing has built since the preview began.
fn overlay_html(overlay: Overlay<'_>, generation: u64) -> String {
    let advice = if generation == 0 {
        "Nothing has built since the preview started."
    } else {
        "This is the last version that built."
    };
    format!(
        "<link id=\"impact-live-css\" rel=\"stylesheet\" href=\"{LIVE_CSS}\">\
         <section id=\"impact-overlay\" role=\"alert\">\
         <h2>The site did not build: {}</h2>\
         <p>{advice} Fix the problem below and save the file; the page updates by itself.</p>\
         <pre>{}</pre><button type=\"button\">Hide</button></section>",
        escape(overlay.summary),
        escape(overlay.report),
    )
}

/// Rewrites the `content` of the page's Content-Security-Policy `<meta>`
/// (if any) so scripts, fetches and styles from the preview server itself
/// are allowed.
fn widen_policy(html: &str) -> String {
    let Some(equiv) = find_ascii_ci(html, "http-equiv=\"content-security-policy\"", false) else {
        return html.to_string();
    };
    let Some(tag_start) = html[..equiv].rfind('<') else {
        return html.to_string();
    };
    let Some(tag_len) = html[tag_start..].find('>') else {
        return html.to_string();
    };
    let tag = &html[tag_start..tag_start + tag_len];
    let Some(content_at) = find_ascii_ci(tag, "content=\"", false) else {
        return html.to_string();
    };
    let value_start = tag_start + content_at + "content=\"".len();
    let Some(value_len) = html[value_start..].find('"') else {
        return html.to_string();
    };
    let value_end = value_start + value_len;
    let widened = allow_self(&html[value_start..value_end]);
    format!("{}{}{}", &html[..value_start], widened, &html[value_end..])
}

/// `policy` with `'self'` allowed for each of [`NEEDED`] (a `'none'` in
/// those directives is dropped, as it would otherwise win).
fn allow_self(policy: &str) -> String {
    let mut directives: Vec<String> = policy
        .split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(str::to_string)
        .collect();
    for name in NEEDED {
        let found = directives.iter_mut().find(|d| {
            d.split_whitespace()
                .next()
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
        });
        match found {
            Some(d) => {
                let mut parts: Vec<&str> = d
                    .split_whitespace()
                    .filter(|t| !t.eq_ignore_ascii_case("'none'"))
                    .collect();
                if !parts.iter().any(|t| t.eq_ignore_ascii_case("'self'")) {
                    parts.push("'self'");
                }
                *d = parts.join(" ");
            }
            None => directives.push(format!("{name} 'self'")),
        }
    }
    directives.join("; ")
}

/// Byte offset of `needle` (ASCII) in `hay`, ignoring ASCII case; the last
/// match when `last` is set.
fn find_ascii_ci(hay: &str, needle: &str, last: bool) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.len() > h.len() {
        return None;
    }
    let matches = |i: &usize| h[*i..*i + n.len()].eq_ignore_ascii_case(n);
    let mut starts = 0..=h.len() - n.len();
    if last {
        starts.rev().find(matches)
    } else {
        starts.find(matches)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!doctype html><html><head>\
        <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'; img-src 'self' data:\">\
        </head><body><p>hi</p></body></html>";

    #[test]
    fn script_goes_before_the_closing_body() {
        let out = live_page(PAGE, 3, "abc", None);
        assert!(
            out.ends_with(
                "<p>hi</p><script src=\"/__impact/live.js\" data-generation=\"3\" data-instance=\"abc\"></script></body></html>"
            ),
            "{out}"
        );
    }

    #[test]
    fn policy_allows_the_preview_server() {
        let out = live_page(PAGE, 1, "x", None);
        assert!(
            out.contains("content=\"default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; connect-src 'self'\""),
            "{out}"
        );
    }

    #[test]
    fn none_is_replaced_and_self_not_repeated() {
        assert_eq!(
            allow_self("default-src 'none'; script-src 'none'; connect-src 'self' https://x"),
            "default-src 'none'; script-src 'self'; connect-src 'self' https://x; style-src 'self'"
        );
    }

    #[test]
    fn pages_without_body_or_policy_still_get_the_script() {
        let out = live_page("<p>bare", 0, "i", None);
        assert!(
            out.starts_with("<p>bare<script src=\"/__impact/live.js\""),
            "{out}"
        );
    }

    #[test]
    fn last_body_tag_is_used_and_case_is_ignored() {
        let out = live_page("<pre>&lt;/body&gt; </body></pre></BODY>", 0, "i", None);
        assert!(out.ends_with("</script></BODY>"), "{out}");
    }

    #[test]
    fn a_failed_build_puts_its_errors_over_the_page_escaped() {
        let overlay = Overlay {
            summary: "1 error",
            report: "error: bad\n2 | name: <script>alert(1)</script> & more\n",
        };
        let out = live_page(PAGE, 4, "i", Some(overlay));
        let at = out.find("<section id=\"impact-overlay\"").expect("overlay");
        assert!(at < out.find("<script src=").unwrap(), "{out}");
        assert!(out.contains("<h2>The site did not build: 1 error</h2>"));
        assert!(out.contains("This is the last version that built."));
        assert!(out.contains("name: &lt;script&gt;alert(1)&lt;/script&gt; &amp; more"));
        assert!(!out.contains("<script>alert"), "{out}");
    }

    #[test]
    fn overlay_before_any_good_build_says_nothing_has_built() {
        let overlay = Overlay {
            summary: "2 errors",
            report: "",
        };
        let out = live_page("<body></body>", 0, "i", Some(overlay));
        assert!(out.contains("Nothing has built since the preview started."));
    }
}
