//! Which file of the built site a request path names. This is the only
//! place where a URL becomes a file name, so it is strict: it decodes each
//! path segment on its own, refuses anything that could step out of the
//! site folder (`..`, encoded slashes or backslashes, NUL, drive letters,
//! hidden names) and, after following symlinks, serves only files that are
//! still inside the site folder. It must not read the files it finds.

use std::fs;
use std::path::{Component, Path, PathBuf};

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// What a request path names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// A file inside the site folder (canonical path).
    File(PathBuf),
    /// A folder asked for without its trailing slash; the browser is sent
    /// to this address instead, so the page's relative links work.
    AddSlash(String),
    /// Nothing the preview may serve.
    NotFound,
}

/// Resolves the request target `target` (path and query, as it came on the
/// request line) against the site folder `site`. Folders serve their
/// `index.html`.
pub fn resolve(site: &Path, target: &str) -> Resolved {
    let (path, query) = match target.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (target, None),
    };
    let path = path.split('#').next().unwrap_or_default();
    let Some(rest) = path.strip_prefix('/') else {
        return Resolved::NotFound;
    };
    let mut segments = Vec::new();
    for raw in rest.split('/') {
        if raw.is_empty() {
            continue;
        }
        match decode_segment(raw) {
            Some(segment) => segments.push(segment),
            // The one hidden folder a site publishes (`static/.well-known/`).
            None if segments.is_empty() && raw == WELL_KNOWN => segments.push(raw.to_string()),
            None => return Resolved::NotFound,
        }
    }
    let wants_folder = rest.is_empty() || rest.ends_with('/');

    let mut candidate = site.to_path_buf();
    candidate.extend(&segments);
    let Ok(meta) = fs::metadata(&candidate) else {
        return Resolved::NotFound;
    };
    if meta.is_dir() {
        if !wants_folder {
            let mut location = String::from("/");
            for s in &segments {
                location.push_str(&encode_segment(s));
                location.push('/');
            }
            if let Some(q) = query.filter(|q| is_plain_query(q)) {
                location.push('?');
                location.push_str(q);
            }
            return Resolved::AddSlash(location);
        }
        candidate.push("index.html");
    } else if wants_folder {
        return Resolved::NotFound;
    }
    inside(site, &candidate).map_or(Resolved::NotFound, Resolved::File)
}

/// The canonical form of `file` when, with every symlink followed, it is a
/// regular file inside `site`.
fn inside(site: &Path, file: &Path) -> Option<PathBuf> {
    let site = site.canonicalize().ok()?;
    let file = file.canonicalize().ok()?;
    (file.starts_with(&site) && file != site && file.is_file()).then_some(file)
}

/// The hidden folder at the top of a site that hosts serve (RFC 8615:
/// `security.txt`, domain checks), published from `static/.well-known/`.
/// Every other hidden name (`.htaccess` among them, which web servers
/// refuse too) names nothing.
const WELL_KNOWN: &str = ".well-known";

/// One percent-decoded path segment, or `None` when it is not a plain file
/// or folder name: `.`, `..`, hidden names, anything holding a slash,
/// backslash, colon or control character (decoded or not), bad escapes or
/// text that is not UTF-8.
fn decode_segment(raw: &str) -> Option<String> {
    // `percent-encoding` keeps a `%` without two hex digits as it is; here
    // such a segment names nothing.
    let well_formed = raw.split('%').skip(1).all(|after| {
        after
            .as_bytes()
            .get(..2)
            .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit))
    });
    if !well_formed {
        return None;
    }
    let segment = percent_decode_str(raw).decode_utf8().ok()?;
    let plain = !segment.starts_with('.')
        && !segment
            .chars()
            .any(|c| matches!(c, '/' | '\\' | ':') || c.is_control());
    // Belt and braces: the segment must be exactly one ordinary component.
    let mut components = Path::new(segment.as_ref()).components();
    let one_name =
        matches!(components.next(), Some(Component::Normal(_))) && components.next().is_none();
    (plain && one_name).then(|| segment.into_owned())
}

/// What a `Location` header percent-encodes in a segment: all but the
/// unreserved characters of RFC 3986.
const ENCODED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Percent-encodes a decoded segment for a `Location` header.
fn encode_segment(segment: &str) -> String {
    utf8_percent_encode(segment, ENCODED).to_string()
}

/// True when a query string can be repeated in a header as it is.
fn is_plain_query(q: &str) -> bool {
    q.bytes()
        .all(|b| b.is_ascii_graphic() && !matches!(b, b'"' | b'<' | b'>' | b'\\'))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A site folder inside a parent that also holds a secret file.
    struct Fixture {
        _dir: tempfile::TempDir,
        site: PathBuf,
        secret: PathBuf,
    }

    fn fixture() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        for folder in ["en", "lt/žiema", "assets"] {
            fs::create_dir_all(site.join(folder)).unwrap();
        }
        fs::write(site.join("index.html"), "chooser").unwrap();
        fs::write(site.join("404.html"), "not found page").unwrap();
        fs::write(site.join("en/index.html"), "english").unwrap();
        fs::write(site.join("lt/žiema/index.html"), "žiema").unwrap();
        fs::write(site.join("assets/site.css"), "body{}").unwrap();
        fs::write(site.join(".hidden"), "hidden").unwrap();
        fs::write(site.join(".htaccess"), "Options -Indexes").unwrap();
        fs::create_dir_all(site.join(".well-known/.inner")).unwrap();
        fs::write(site.join(".well-known/security.txt"), "Contact: x").unwrap();
        fs::write(site.join(".well-known/.inner/x"), "hidden").unwrap();
        let secret = dir.path().join("secret.txt");
        fs::write(&secret, "secret").unwrap();
        Fixture {
            site,
            secret,
            _dir: dir,
        }
    }

    fn file(f: &Fixture, rel: &str) -> Resolved {
        Resolved::File(f.site.join(rel).canonicalize().unwrap())
    }

    #[test]
    fn folders_serve_their_index() {
        let f = fixture();
        assert_eq!(resolve(&f.site, "/"), file(&f, "index.html"));
        assert_eq!(resolve(&f.site, "/en/"), file(&f, "en/index.html"));
        assert_eq!(resolve(&f.site, "/en/?x=1"), file(&f, "en/index.html"));
        assert_eq!(
            resolve(&f.site, "/en/index.html"),
            file(&f, "en/index.html")
        );
        assert_eq!(
            resolve(&f.site, "/assets/site.css"),
            file(&f, "assets/site.css")
        );
        assert_eq!(
            resolve(&f.site, "//en//index.html"),
            file(&f, "en/index.html")
        );
    }

    #[test]
    fn the_well_known_folder_at_the_top_is_served() {
        let f = fixture();
        assert_eq!(
            resolve(&f.site, "/.well-known/security.txt"),
            file(&f, ".well-known/security.txt")
        );
    }

    #[test]
    fn percent_encoded_utf8_names_resolve() {
        let f = fixture();
        assert_eq!(
            resolve(&f.site, "/lt/%C5%BEiema/"),
            file(&f, "lt/žiema/index.html")
        );
    }

    #[test]
    fn folder_without_slash_redirects() {
        let f = fixture();
        assert_eq!(resolve(&f.site, "/en"), Resolved::AddSlash("/en/".into()));
        assert_eq!(
            resolve(&f.site, "/en?lang=1"),
            Resolved::AddSlash("/en/?lang=1".into())
        );
        assert_eq!(
            resolve(&f.site, "/lt/%C5%BEiema"),
            Resolved::AddSlash("/lt/%C5%BEiema/".into())
        );
    }

    /// A name with spaces and reserved characters decodes to the folder
    /// and is encoded again, uppercase hex, in the redirect.
    #[test]
    fn reserved_characters_round_trip_into_the_redirect() {
        let f = fixture();
        fs::create_dir_all(f.site.join("a b&c+d")).unwrap();
        fs::write(f.site.join("a b&c+d/index.html"), "odd").unwrap();
        assert_eq!(
            resolve(&f.site, "/a%20b%26c+d"),
            Resolved::AddSlash("/a%20b%26c%2Bd/".into())
        );
        assert_eq!(
            resolve(&f.site, "/a%20b&c%2bd/"),
            file(&f, "a b&c+d/index.html")
        );
        // `%` must start an escape of two hex digits, also at the end: a
        // file whose name holds `%` is asked for as `%25`, never by a bare
        // `%` that a lenient decoder would keep.
        fs::write(f.site.join("x%zz.html"), "percent").unwrap();
        assert_eq!(resolve(&f.site, "/x%25zz.html"), file(&f, "x%zz.html"));
        for bad in ["/x%zz.html", "/a%20b%26c+d%", "/a%2", "/a%g0"] {
            assert_eq!(resolve(&f.site, bad), Resolved::NotFound, "{bad}");
        }
    }

    #[test]
    fn missing_files_are_not_found() {
        let f = fixture();
        for target in ["/nope.html", "/en/nope/", "/en/index.html/", "/etc/passwd"] {
            assert_eq!(resolve(&f.site, target), Resolved::NotFound, "{target}");
        }
    }

    #[test]
    fn traversal_is_refused() {
        let f = fixture();
        for target in [
            "/../secret.txt",
            "/en/../../secret.txt",
            "/en/../index.html",
            "/./index.html",
            "/%2e%2e/secret.txt",
            "/%2E%2E/secret.txt",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/..%2fsecret.txt",
            "/..%2Fsecret.txt",
            "/en%2f..%2f..%2fsecret.txt",
            "/..%2f..%2fetc/passwd",
            "/en/..%5c..%5csecret.txt",
            "/en/..\\..\\secret.txt",
            "/en\\..\\..\\secret.txt",
            "/%5c..%5csecret.txt",
            "/.hidden",
            "/%2ehidden",
            "/.htaccess",
            "/en/.well-known/security.txt",
            "/%2ewell-known/security.txt",
            "/.well-known/.inner/x",
        ] {
            assert_eq!(resolve(&f.site, target), Resolved::NotFound, "{target}");
        }
    }

    #[test]
    fn absolute_and_odd_targets_are_refused() {
        let f = fixture();
        let absolute = format!("{}", f.secret.display());
        for target in [
            absolute.as_str(),
            "secret.txt",
            "",
            "*",
            "http://evil.example/",
            "/C:/Windows/win.ini",
            "/c%3a/secret.txt",
            "/%00",
            "/en/index.html%00.css",
            "/en/index%00",
            "/%",
            "/%2",
            "/%zz",
            "/%ff",
            "/%0d%0aSet-Cookie:x",
        ] {
            assert_eq!(resolve(&f.site, target), Resolved::NotFound, "{target:?}");
        }
        // An absolute path after the leading slash is still inside the site.
        let doubled = format!("/{}", f.secret.display());
        assert_eq!(resolve(&f.site, &doubled), Resolved::NotFound);
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_leading_out_are_refused() {
        use std::os::unix::fs::symlink;
        let f = fixture();
        symlink(&f.secret, f.site.join("en/leak.html")).unwrap();
        symlink(f.secret.parent().unwrap(), f.site.join("en/up")).unwrap();
        symlink("/etc", f.site.join("etc")).unwrap();
        symlink(f.site.join("en/index.html"), f.site.join("en/alias.html")).unwrap();
        assert_eq!(resolve(&f.site, "/en/leak.html"), Resolved::NotFound);
        assert_eq!(resolve(&f.site, "/en/up/secret.txt"), Resolved::NotFound);
        assert_eq!(resolve(&f.site, "/etc/passwd"), Resolved::NotFound);
        // A link that stays inside the site is fine.
        assert_eq!(
            resolve(&f.site, "/en/alias.html"),
            file(&f, "en/index.html")
        );
    }

    #[test]
    fn redirect_location_never_carries_header_breaking_text() {
        let f = fixture();
        assert_eq!(
            resolve(&f.site, "/en?a\"b"),
            Resolved::AddSlash("/en/".into())
        );
    }
}
