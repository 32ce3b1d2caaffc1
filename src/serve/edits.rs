//! Which campaigns a burst of file events edited. When the events name
//! nothing but the `campaign.yaml` and stories of campaigns the preview
//! already has, only those campaigns are read again and only the pages
//! they change are rendered ([`crate::build::update`]). Anything else (a
//! new or removed folder, a photo, a report, a translation, the theme,
//! site.yaml) gets a whole build, as does an event the watcher may have
//! missed.

use std::collections::BTreeSet;
use std::path::{Component, Path};

use super::watch::Edits;
use crate::model::{Site, SourceMap};

/// The campaigns `edits` touched, or `None` when a whole build is needed.
/// `root` is the site root as the watcher was given it.
pub fn edited_campaigns(
    root: &Path,
    site: &Site,
    sources: &SourceMap,
    edits: &Edits,
) -> Option<BTreeSet<String>> {
    if edits.unknown {
        return None;
    }
    let mut slugs = BTreeSet::new();
    for path in &edits.paths {
        let rel = relative(root, path)?;
        let parts: Vec<&str> = rel.split('/').collect();
        if !path.exists() {
            // A file of a campaign's folder that came and went (an
            // editor's scratch copy, renamed over the story) was never
            // read; one that was read is a removal. Anything else that is
            // gone (a theme file, a folder) asks for a whole build.
            match parts.as_slice() {
                ["content", "campaigns", slug, _]
                    if site.campaigns.contains_key(*slug) && !was_read(&rel, site, sources) =>
                {
                    continue
                }
                _ => return None,
            }
        }
        match parts.as_slice() {
            ["content", "campaigns", slug, file] if path.is_file() => {
                site.campaigns.get(*slug)?;
                if !is_campaign_text(file, site) {
                    return None;
                }
                slugs.insert(slug.to_string());
            }
            _ => return None,
        }
    }
    Some(slugs)
}

/// `path` under `root`, `/`-separated; `None` when it is not under it (or
/// not plain), which asks for a whole build.
fn relative(root: &Path, path: &Path) -> Option<String> {
    let rest = path.strip_prefix(root).ok()?;
    let mut parts = Vec::new();
    for c in rest.components() {
        match c {
            Component::Normal(p) => parts.push(p.to_str()?),
            _ => return None,
        }
    }
    Some(parts.join("/"))
}

/// `campaign.yaml` or `story.<language>.md` of a site language.
fn is_campaign_text(file: &str, site: &Site) -> bool {
    file == "campaign.yaml"
        || file
            .strip_prefix("story.")
            .and_then(|rest| rest.strip_suffix(".md"))
            .is_some_and(|lang| site.config.languages.iter().any(|l| l.as_str() == lang))
}

/// Whether the last build read the file `rel`.
fn was_read(rel: &str, site: &Site, sources: &SourceMap) -> bool {
    site.media.contains_key(rel) || sources.files().any(|(_, f)| f.name == rel)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    /// The sample site's model and a copy of the site to edit.
    fn sample() -> (tempfile::TempDir, Site, SourceMap) {
        let dir = tempfile::tempdir().unwrap();
        let project = Path::new(env!("CARGO_MANIFEST_DIR"));
        for part in ["content", "locales", "themes"] {
            copy_dir(&project.join(part), &dir.path().join(part));
        }
        let loaded = crate::load::load_site(dir.path());
        (dir, loaded.site.unwrap(), loaded.sources)
    }

    fn copy_dir(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy_dir(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }

    fn edits(root: &Path, paths: &[&str]) -> Edits {
        Edits {
            paths: paths.iter().map(|p| root.join(p)).collect(),
            unknown: false,
        }
    }

    #[test]
    fn stories_and_campaign_files_name_their_campaigns() {
        let (dir, site, sources) = sample();
        let slug = site.campaigns.keys().next().unwrap().clone();
        let story = format!("content/campaigns/{slug}/story.lt.md");
        let yaml = format!("content/campaigns/{slug}/campaign.yaml");
        let scratch = format!("content/campaigns/{slug}/story.lt.md.tmp-1234");
        let found = edited_campaigns(
            dir.path(),
            &site,
            &sources,
            &edits(dir.path(), &[&story, &yaml, &scratch]),
        );
        assert_eq!(found, Some(BTreeSet::from([slug])));
    }

    #[test]
    fn anything_else_asks_for_a_whole_build() {
        let (dir, site, sources) = sample();
        let slug = site.campaigns.keys().next().unwrap().clone();
        let report = &site.reports[0].slug;
        std::fs::write(
            dir.path()
                .join(format!("content/campaigns/{slug}/photo.jpg")),
            b"x",
        )
        .unwrap();
        std::fs::create_dir_all(dir.path().join("content/campaigns/new-one")).unwrap();
        std::fs::write(
            dir.path().join("content/campaigns/new-one/story.en.md"),
            "x",
        )
        .unwrap();
        let removed = format!("content/campaigns/{slug}/story.en.md");
        let folder = format!("content/campaigns/{slug}");
        assert_eq!(
            edited_campaigns(dir.path(), &site, &sources, &edits(dir.path(), &[&folder])),
            None,
            "an event on the folder itself (moved, replaced)"
        );
        let gone_theme_file = "themes/default/static/gone.png";
        assert_eq!(
            edited_campaigns(
                dir.path(),
                &site,
                &sources,
                &edits(dir.path(), &[gone_theme_file])
            ),
            None,
            "a theme file removed"
        );
        for path in [
            format!("content/campaigns/{slug}/photo.jpg"),
            "content/campaigns/new-one/story.en.md".into(),
            format!("content/reports/{report}/report.yaml"),
            "content/site.yaml".into(),
            "locales/lt/ui.ftl".into(),
            "themes/default/templates/base.html".into(),
            "static/CNAME".into(),
        ] {
            assert_eq!(
                edited_campaigns(dir.path(), &site, &sources, &edits(dir.path(), &[&path])),
                None,
                "{path}"
            );
        }
        std::fs::remove_file(dir.path().join(&removed)).unwrap();
        let gone = edits(dir.path(), &[&removed]);
        assert_eq!(edited_campaigns(dir.path(), &site, &sources, &gone), None);
        let missed = Edits {
            unknown: true,
            ..Edits::default()
        };
        assert_eq!(edited_campaigns(dir.path(), &site, &sources, &missed), None);
        let outside = Edits {
            paths: [PathBuf::from("/elsewhere/story.en.md")].into(),
            unknown: false,
        };
        assert_eq!(
            edited_campaigns(dir.path(), &site, &sources, &outside),
            None
        );
    }
}
