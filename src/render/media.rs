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

/// "there is no file …", naming the file probably meant when one differs
/// only in capitals, spaces, hyphens or underscores (`Photo.JPG` for
/// `photo.jpg`): web servers and most computers other than the author's
/// tell them apart, so the name must match exactly.
pub fn missing_file_message<'a>(target: &str, files: impl Iterator<Item = &'a String>) -> String {
    let loose = |s: &str| -> String {
        s.chars()
            .filter(|c| !matches!(c, ' ' | '-' | '_'))
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (dir, _) = target.rsplit_once('/').unwrap_or(("", target));
    let wanted = loose(target);
    let meant = files
        .filter(|f| f.rsplit_once('/').map(|(d, _)| d) == Some(dir))
        .find(|f| loose(f) == wanted);
    match meant {
        Some(f) => {
            let name = f.rsplit('/').next().unwrap_or(f);
            format!("there is no file {target}; the folder has {name}: write its name exactly as it is, capitals, spaces and hyphens alike")
        }
        None => format!("there is no file {target}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_in_other_capitals_names_the_file_meant() {
        let files = [
            "content/campaigns/bali/workshop-photo.png".to_string(),
            "content/campaigns/other/photo.jpg".to_string(),
        ];
        let m = missing_file_message("content/campaigns/bali/Workshop Photo.PNG", files.iter());
        assert!(m.contains("the folder has workshop-photo.png"), "{m}");
        let m = missing_file_message("content/campaigns/bali/photo.jpg", files.iter());
        assert_eq!(m, "there is no file content/campaigns/bali/photo.jpg");
    }

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
