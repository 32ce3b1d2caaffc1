//! Answering one request of the preview: files of the current build (HTML
//! with the live-reload script added), the site's `404.html` for anything
//! else, and the preview's own `/__impact/` addresses. Files are found only
//! through [`paths::resolve`].

use std::fs::File;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use super::builds::{Builds, Status};
use super::inject;
use super::paths::{self, Resolved};
use super::server::{Body, Request, Response};

/// The live-reload script.
const LIVE_JS_SOURCE: &str = include_str!("live.js");
/// The error overlay's styles.
const LIVE_CSS_SOURCE: &str = include_str!("live.css");
/// How long `/__impact/events` waits for a build before answering anyway.
const LONG_POLL: Duration = Duration::from_secs(20);
/// Live-reload polls waiting at once: a quarter of the server's workers,
/// so pages are answered however many tabs are open. A poll over the limit
/// is told "busy" and its page tries again a second later.
const MAX_POLLS: usize = super::server::WORKERS / 4;

/// What every request handler needs.
#[derive(Debug, Clone)]
pub struct Context {
    /// The builds.
    pub builds: Arc<Builds>,
    /// The port we listen on (to check the `Host` header).
    pub port: u16,
    /// Live-reload polls waiting now.
    pub polls: Arc<AtomicUsize>,
}

type Reply = Response;

/// The answer to `request`.
pub fn answer(request: &Request, cx: &Context) -> Reply {
    if !matches!(request.method.as_str(), "GET" | "HEAD") {
        return with_header(
            text(405, "only GET and HEAD are served\n"),
            "Allow",
            "GET, HEAD",
        );
    }
    if !host_is_local(request, cx.port) {
        // A page elsewhere whose name was pointed at 127.0.0.1 (DNS
        // rebinding) must not read the preview.
        return text(403, "the preview answers only to 127.0.0.1 and localhost\n");
    }
    let target = request.target.as_str();
    if let Some(own) = target.strip_prefix("/__impact/") {
        return own_address(own, cx);
    }
    let status = cx.builds.status();
    let Some(current) = cx.builds.current() else {
        let page = inject::live_page(NOT_BUILT, 0, &status.instance, overlay(&status));
        return bytes(503, "text/html; charset=utf-8", page.into_bytes());
    };
    let served = Served {
        generation: current.generation,
        status: &status,
    };
    match paths::resolve(&current.dir, target) {
        Resolved::File(path) => serve_file(&path, 200, &served),
        Resolved::AddSlash(location) => with_header(text(301, "moved\n"), "Location", &location),
        Resolved::NotFound => match paths::resolve(&current.dir, "/404.html") {
            Resolved::File(path) => serve_file(&path, 404, &served),
            _ => text(404, "not found\n"),
        },
    }
}

/// What a served page is told about the builds.
struct Served<'a> {
    /// The good build its files come from.
    generation: u64,
    /// The latest build, good or not.
    status: &'a Status,
}

/// The overlay for pages served while the latest build is failing.
fn overlay(status: &Status) -> Option<inject::Overlay<'_>> {
    (!status.ok).then_some(inject::Overlay {
        summary: &status.summary,
        report: &status.report,
    })
}

/// `/__impact/…`: the script, its styles, the build status.
fn own_address(rest: &str, cx: &Context) -> Reply {
    let (name, query) = rest.split_once('?').unwrap_or((rest, ""));
    match name {
        "live.js" => bytes(200, "text/javascript; charset=utf-8", LIVE_JS_SOURCE.into()),
        "live.css" => bytes(200, "text/css; charset=utf-8", LIVE_CSS_SOURCE.into()),
        "status" => json(&cx.builds.status()),
        "events" => {
            let after = query
                .split('&')
                .find_map(|kv| kv.strip_prefix("after="))
                .and_then(|v| v.parse::<u64>().ok());
            let Some(after) = after else {
                return json(&cx.builds.status());
            };
            if cx.polls.fetch_add(1, Ordering::SeqCst) >= MAX_POLLS {
                cx.polls.fetch_sub(1, Ordering::SeqCst);
                return busy();
            }
            let status = cx.builds.wait_for_build(after, LONG_POLL);
            cx.polls.fetch_sub(1, Ordering::SeqCst);
            json(&status)
        }
        _ => text(404, "not found\n"),
    }
}

fn serve_file(path: &Path, code: u16, served: &Served<'_>) -> Reply {
    let kind = content_type(path);
    if kind.starts_with("text/html") {
        return match std::fs::read(path) {
            Ok(raw) => match String::from_utf8(raw) {
                Ok(html) => {
                    let page = inject::live_page(
                        &html,
                        served.generation,
                        &served.status.instance,
                        overlay(served.status),
                    );
                    bytes(code, kind, page.into_bytes())
                }
                Err(e) => bytes(code, kind, e.into_bytes()),
            },
            Err(_) => text(404, "not found\n"),
        };
    }
    let opened = File::open(path).and_then(|file| Ok((file.metadata()?.len(), file)));
    match opened {
        Ok((len, file)) => {
            let reply = Response {
                status: code,
                headers: Vec::new(),
                body: Body::File(file, len),
            };
            with_common_headers(reply, kind)
        }
        Err(_) => text(404, "not found\n"),
    }
}

/// The `Content-Type` for a file of the built site.
pub fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "csv" => "text/csv; charset=utf-8",
        "zip" => "application/zip",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        _ => "application/octet-stream",
    }
}

/// True when the `Host` header (if any) names this machine's loopback.
fn host_is_local(request: &Request, port: u16) -> bool {
    let Some(host) = request.header("Host") else {
        return true;
    };
    let host = host.to_ascii_lowercase();
    ["127.0.0.1", "localhost", "[::1]"]
        .iter()
        .any(|name| host == *name || host == format!("{name}:{port}"))
}

/// `reply` with the header added.
fn with_header(reply: Reply, name: &str, value: &str) -> Reply {
    reply.header(name, value)
}

/// The policy sent with the preview's pages: what the site's own `<meta>`
/// policy allows, plus the live-reload script and its polls from the
/// preview itself (both policies apply; each must allow what a page does).
pub const PAGE_POLICY: &str = "default-src 'none'; script-src 'self'; connect-src 'self'; \
style-src 'self'; img-src 'self' data:; font-src 'self'; base-uri 'none'; form-action 'none'; \
frame-ancestors 'none'";

/// The policy sent with everything else: an SVG or a file opened on its
/// own runs no script and reaches nothing (a chart's SVG may style itself).
pub const FILE_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; \
img-src 'self' data:; font-src 'self' data:; sandbox";

/// The headers of every answer: its type, no caching, no type sniffing, and
/// a Content-Security-Policy, so that no file of the site, whatever its
/// type, can run a script with the preview's authority.
fn with_common_headers(reply: Reply, kind: &str) -> Reply {
    let policy = match kind.starts_with("text/html") {
        true => PAGE_POLICY,
        false => FILE_POLICY,
    };
    let reply = with_header(reply, "Content-Type", kind);
    let reply = with_header(reply, "Cache-Control", "no-store");
    let reply = with_header(reply, "Content-Security-Policy", policy);
    with_header(reply, "X-Content-Type-Options", "nosniff")
}

/// "503 busy", with the headers every answer has and a second to wait
/// (the live-reload script tries again after a second anyway).
pub fn busy() -> Reply {
    with_header(text(503, "busy\n"), "Retry-After", "1")
}

fn bytes(code: u16, kind: &str, body: Vec<u8>) -> Reply {
    let reply = Response {
        status: code,
        headers: Vec::new(),
        body: Body::Bytes(body),
    };
    with_common_headers(reply, kind)
}

fn text(code: u16, body: &str) -> Reply {
    bytes(code, "text/plain; charset=utf-8", body.as_bytes().to_vec())
}

fn json(status: &Status) -> Reply {
    let body = serde_json::to_vec(status).unwrap_or_else(|_| b"{}".to_vec());
    bytes(200, "application/json", body)
}

/// Shown until the first good build, with the overlay saying why.
const NOT_BUILT: &str = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<title>impact preview</title></head><body>\
<p>The site has not built yet. The problems are listed over this page; fix them and save, and this page reloads by itself.</p>\
</body></html>\n";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_match_the_files_a_site_has() {
        for (name, kind) in [
            ("en/index.html", "text/html; charset=utf-8"),
            ("assets/site.1a2b.css", "text/css; charset=utf-8"),
            ("en/r/chart.svg", "image/svg+xml"),
            ("en/r/card.PNG", "image/png"),
            ("en/r/r.pdf", "application/pdf"),
            ("en/r/c/chart-reach.csv", "text/csv; charset=utf-8"),
            ("en/r/r.zip", "application/zip"),
            ("sitemap.xml", "application/xml; charset=utf-8"),
            ("assets/x.js", "text/javascript; charset=utf-8"),
            ("assets/DejaVuSans.woff2", "font/woff2"),
            ("LICENSE", "application/octet-stream"),
        ] {
            assert_eq!(content_type(Path::new(name)), kind, "{name}");
        }
    }
}
