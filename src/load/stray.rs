//! Files the loader would otherwise pass over without a word: a story
//! saved as `Story.en.md`, a `notes.en.md` in a campaign folder, a story
//! put in `content/campaigns/` itself, a Markdown file for a language the
//! site does not have. Each gets a message that says where it should go.

use std::path::Path;

use super::files::Reader;
use crate::diagnostics::Diagnostic;
use crate::model::{Lang, Span};

/// Markdown files of one report or campaign folder that no rule reads.
/// `stem` is the one name a campaign folder's Markdown has (`story`);
/// `None` for a report folder, where any `<name>.<lang>.md` is a section.
pub fn check_folder(r: &mut Reader, dir: &Path, langs: &[Lang], stem: Option<&str>) {
    if langs.is_empty() {
        return;
    }
    let known = langs
        .iter()
        .map(Lang::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    for path in r.list_dir(dir) {
        let name = file_name(&path);
        let Some(base) = name
            .strip_suffix(".md")
            .or_else(|| name.strip_suffix(".MD"))
        else {
            continue;
        };
        let (file_stem, lang_part) = match base.rsplit_once('.') {
            Some((s, l)) => (s, Some(l)),
            None => (base, None),
        };
        let lang = lang_part
            .and_then(|l| Lang::parse(&l.to_lowercase()))
            .filter(|l| langs.contains(l));
        let problem = match (lang, stem) {
            (None, _) => Some((
                true,
                format!("{name} is not named for a site language"),
                format!("Markdown files are named <name>.<language>.md with a language of site.yaml ({known}), e.g. {}.{}.md", stem.unwrap_or(file_stem), langs[0]),
            )),
            (Some(lang), _) if lang_part != Some(lang.as_str()) || name.ends_with(".MD") => Some((
                false,
                format!("{name} is not read: its name is not all lower case"),
                format!("rename it to {}.{lang}.md", file_stem.to_lowercase()),
            )),
            (Some(lang), Some(stem)) if file_stem != stem => {
                let help = if file_stem.eq_ignore_ascii_case(stem) {
                    format!("rename it to {stem}.{lang}.md")
                } else {
                    format!("a campaign's text is {stem}.{lang}.md; to publish this text, put it in it, or make it a section of a report (content/reports/<report>/{}.{lang}.md)", file_stem.to_lowercase())
                };
                Some((false, format!("{name} is not read"), help))
            }
            _ => None,
        };
        if let Some((is_error, message, help)) = problem {
            let id = r.sources.add(r.name(&path), String::new());
            let d = if is_error {
                Diagnostic::error(Span::file(id), message)
            } else {
                Diagnostic::warning(Span::file(id), message)
            };
            r.diags.push(d.help(help));
        }
    }
}

/// Content files directly in `content/`, `content/campaigns/` or
/// `content/reports/`, where nothing is read but site.yaml.
pub fn check_loose_files(r: &mut Reader, content: &Path) {
    for (dir, what) in [
        (content.to_path_buf(), None),
        (content.join("campaigns"), Some("campaigns")),
        (content.join("reports"), Some("reports")),
    ] {
        for path in r.list_dir(&dir) {
            let name = file_name(&path);
            let lower = name.to_lowercase();
            let content_like = [".md", ".yaml", ".yml"].iter().any(|e| lower.ends_with(e));
            if !content_like || r.is_real_dir(&path) || (what.is_none() && name == "site.yaml") {
                continue;
            }
            let help = match what {
                Some("campaigns") => format!(
                    "a campaign's files go in a folder of their own: content/campaigns/<campaign>/{} (`impact new campaign <name>` makes one)",
                    likely_name(&lower, "story", "campaign.yaml")
                ),
                Some(_) => format!(
                    "a report's files go in a folder of their own: content/reports/<report>/{} (`impact new report <name>` makes one)",
                    likely_name(&lower, "index", "report.yaml")
                ),
                None if lower == "site.yml" || lower == "site.yaml" => {
                    "rename it to site.yaml (lower case, .yaml)".to_string()
                }
                None => "content/ holds site.yaml and the campaigns/ and reports/ folders; move the file into the folder of the campaign or report it belongs to".to_string(),
            };
            let id = r.sources.add(r.name(&path), String::new());
            r.diags.push(
                Diagnostic::warning(Span::file(id), format!("{name} is not read here")).help(help),
            );
        }
    }
}

/// What a loose file is probably meant to be called in its folder.
fn likely_name(lower: &str, text_stem: &str, yaml: &str) -> String {
    if lower.ends_with(".md") {
        let lang = lower
            .trim_end_matches(".md")
            .rsplit_once('.')
            .map(|(_, l)| l.to_string())
            .unwrap_or_else(|| "en".into());
        format!("{text_stem}.{lang}.md")
    } else {
        yaml.to_string()
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
