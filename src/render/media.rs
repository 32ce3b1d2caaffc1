//! Images and files placed from Markdown: where a relative path leads, and
//! where the file is published (under `assets/media/`, with a content hash
//! in its name, shared by every language).

/// Resolves `path`, written in a Markdown file of `dir` (both relative to
/// the site root), to a path from the root; `None` when it leaves
/// `content/` or is absolute.
pub fn resolve_path(dir: &str, path: &str) -> Option<String> {
    let path = path.split(['#', '?']).next().unwrap_or(path);
    if path.starts_with('/') || path.contains('\\') || path.contains('\0') || path.contains(':') {
        return None;
    }
    let mut parts: Vec<&str> = dir.split('/').filter(|p| !p.is_empty()).collect();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    (parts.first() == Some(&"content") && parts.len() > 1).then(|| parts.join("/"))
}

/// `content/campaigns/bali/photo.jpg` -> `assets/media/photo.<hash>.jpg`.
pub fn output_path(path: &str, bytes: &[u8]) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    format!("assets/media/{}", super::hashed_name(name, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_content() {
        let dir = "content/campaigns/bali";
        assert_eq!(
            resolve_path(dir, "photo.jpg").as_deref(),
            Some("content/campaigns/bali/photo.jpg")
        );
        assert_eq!(
            resolve_path(dir, "../x/a.png").as_deref(),
            Some("content/campaigns/x/a.png")
        );
        assert_eq!(resolve_path(dir, "../../../secret.png"), None);
        assert_eq!(resolve_path(dir, "../../../../etc/passwd"), None);
        assert_eq!(resolve_path(dir, "/etc/passwd"), None);
        assert_eq!(resolve_path(dir, "..\\..\\x.png"), None);
        assert_eq!(resolve_path(dir, "C:/x.png"), None);
    }
}
