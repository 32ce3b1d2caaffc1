//! Markdown files: YAML front matter between `---` lines, then the body.

use super::raw::RawFrontMatter;
use super::yaml;
use crate::diagnostics::Diagnostics;
use crate::model::{FileId, MarkdownDoc};

/// Splits `text` into front matter and body and reads the front matter.
/// A file without front matter is all body.
pub fn read_markdown(
    file: FileId,
    text: &std::sync::Arc<str>,
    diags: &mut Diagnostics,
) -> Option<MarkdownDoc> {
    let (front, body, body_line_offset) = split(text);
    // The body is the end of the text: where it starts is all to keep.
    let body_start = text.len() - body.len();
    let fm = match front {
        Some(yaml_text) if !yaml_text.trim().is_empty() => {
            match yaml::parse::<RawFrontMatter>(file, yaml_text, 1) {
                Ok(fm) => fm,
                Err(d) => {
                    diags.push(d);
                    return None;
                }
            }
        }
        _ => RawFrontMatter::default(),
    };
    Some(MarkdownDoc {
        file,
        title: fm.title.map(|t| t.value),
        weight: fm.weight.unwrap_or(0),
        text: text.clone(),
        body_start,
        body_line_offset,
    })
}

/// `(front matter, body, lines before the body)`.
fn split(text: &str) -> (Option<&str>, &str, u32) {
    let Some(rest) = text.strip_prefix("---\n") else {
        return (None, text, 0);
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let front = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let lines = 2 + front.matches('\n').count() as u32;
            return (Some(front), body, lines);
        }
        offset += line.len();
    }
    (None, text, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_counts_lines() {
        let (fm, body, off) = split("---\ntitle: A\nweight: 2\n---\n# Body\n");
        assert_eq!(fm, Some("title: A\nweight: 2\n"));
        assert_eq!(body, "# Body\n");
        assert_eq!(off, 4);
    }

    #[test]
    fn no_front_matter_is_all_body() {
        let (fm, body, off) = split("# Body\n---\n");
        assert_eq!(fm, None);
        assert_eq!(body, "# Body\n---\n");
        assert_eq!(off, 0);
    }

    #[test]
    fn bad_front_matter_names_its_line() {
        let mut diags = Diagnostics::default();
        let doc = read_markdown(
            FileId(0),
            &"---\ntitle: A\ncolour: red\n---\nbody\n".into(),
            &mut diags,
        );
        assert!(doc.is_none());
        let d = &diags.sorted()[0];
        assert_eq!(d.span.map(|s| s.line), Some(3), "{d:?}");
    }
}
