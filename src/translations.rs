//! What a translator should do next: per language, which texts are
//! missing, which exist only in that language, and which were translated
//! from a default-language text that has changed since.
//!
//! "Changed since" is known from `.impact/translations.lock` in the site
//! root: for each translated text, a short hash of the default-language
//! text it was translated from. `impact check --translations
//! --mark-translated` records the current hashes once a translator is done.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::l10n::Localiser;
use crate::model::{Lang, LangDocs, LangMap, Site, SourceMap, Span};

/// Where the lock lives, relative to the site root.
pub const LOCK_PATH: &str = ".impact/translations.lock";

/// A short, stable hash of a text.
pub fn short_hash(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The state of one text in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum State {
    /// The default language has it; this language does not.
    Missing,
    /// This language has it; the default language does not.
    OnlyHere,
    /// Translated from a default-language text that has changed since.
    Stale,
    /// Translated, and no record of its source yet.
    Untracked,
    /// Translated from the current default-language text.
    Current,
}

impl State {
    fn label(self) -> &'static str {
        match self {
            State::Missing => "missing",
            State::OnlyHere => "only here",
            State::Stale => "outdated",
            State::Untracked => "untracked",
            State::Current => "up to date",
        }
    }
}

/// One translatable text in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Its state.
    pub state: State,
    /// Stable id (`content/campaigns/bali/campaign.yaml#name`).
    pub id: String,
    /// Where to look (`file:line`).
    pub location: String,
    /// Hash of the default-language text (empty when there is none).
    pub source_hash: String,
}

/// Recorded source hashes: (language, id) -> hash.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Lock {
    entries: BTreeMap<(String, String), String>,
}

impl Lock {
    /// Reads the lock of `root`; a missing file is an empty lock.
    pub fn read(root: &Path) -> Lock {
        let text = std::fs::read_to_string(root.join(LOCK_PATH)).unwrap_or_default();
        let mut entries = BTreeMap::new();
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let mut parts = line.split('\t');
            if let (Some(lang), Some(id), Some(hash)) = (parts.next(), parts.next(), parts.next()) {
                entries.insert((lang.to_string(), id.to_string()), hash.to_string());
            }
        }
        Lock { entries }
    }

    /// Records the current source of every translated text in `report`.
    pub fn mark_all(&mut self, report: &BTreeMap<Lang, Vec<Row>>) {
        for (lang, rows) in report {
            for r in rows {
                if matches!(r.state, State::Stale | State::Untracked | State::Current) {
                    self.entries
                        .insert((lang.to_string(), r.id.clone()), r.source_hash.clone());
                }
            }
        }
    }

    /// Writes the lock (sorted, so it diffs well in git).
    pub fn write(&self, root: &Path) -> std::io::Result<()> {
        let mut text = String::from(
            "# Which default-language text each translation was made from.\n# Written by `impact check --translations --mark-translated`; keep it in version control.\n# language\ttext\tsource hash\n",
        );
        for ((lang, id), hash) in &self.entries {
            let _ = writeln!(text, "{lang}\t{id}\t{hash}");
        }
        let path = root.join(LOCK_PATH);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(path, text)
    }
}

/// The state of every translatable text, per non-default language.
pub fn status(
    site: &Site,
    sources: &SourceMap,
    l10n: &Localiser,
    lock: &Lock,
) -> BTreeMap<Lang, Vec<Row>> {
    let default = site.config.default_lang();
    let loc = |span: Span| {
        if span.line > 0 {
            format!("{}:{}", sources.name(span.file), span.line)
        } else {
            sources.name(span.file).to_string()
        }
    };
    let mut out = BTreeMap::new();
    for lang in site.config.languages.iter().filter(|l| *l != default) {
        let mut rows = Vec::new();
        let mut add = |id: String, location: String, source: Option<String>, present: bool| {
            let source_hash = source.as_deref().map(short_hash).unwrap_or_default();
            let state = match (source.is_some(), present) {
                (true, false) => State::Missing,
                (false, true) => State::OnlyHere,
                (false, false) => return,
                (true, true) => match lock.entries.get(&(lang.to_string(), id.clone())) {
                    None => State::Untracked,
                    Some(h) if *h == source_hash => State::Current,
                    Some(_) => State::Stale,
                },
            };
            rows.push(Row {
                state,
                id,
                location,
                source_hash,
            });
        };
        for (file, map) in lang_maps(site) {
            let id = format!("{}#{}", sources.name(file), map.key);
            add(
                id,
                loc(map.span),
                map.values.get(default).cloned(),
                map.values.contains_key(lang),
            );
        }
        for (dir, stem, docs) in lang_docs(site) {
            let id = format!("{dir}/{stem}.md");
            let location = match docs.docs.get(lang) {
                Some(d) => sources.name(d.file).to_string(),
                None => format!("{dir}/{stem}.{lang}.md"),
            };
            add(
                id,
                location,
                docs.docs.get(default).map(|d| d.body().to_string()),
                docs.docs.contains_key(lang),
            );
        }
        // A country or language name override belongs to its language
        // alone (the others keep CLDR's): it is nothing to translate.
        let own: BTreeMap<&str, Span> = l10n
            .messages(lang)
            .filter(|(id, _, _)| !crate::l10n::is_name_override(id))
            .map(|(id, span, _)| (id, span))
            .collect();
        let base: BTreeMap<&str, (Span, &str)> = l10n
            .messages(default)
            .filter(|(id, _, _)| !crate::l10n::is_name_override(id))
            .map(|(id, span, h)| (id, (span, h)))
            .collect();
        for (id, (span, hash)) in &base {
            let location = own.get(id).map(|s| loc(*s)).unwrap_or_else(|| loc(*span));
            add(
                format!("locales#{id}"),
                location,
                Some(hash.to_string()),
                own.contains_key(id),
            );
        }
        for (id, span) in &own {
            if !base.contains_key(id) {
                add(format!("locales#{id}"), loc(*span), None, true);
            }
        }
        // Complete in form, not only in name: an attribute the default
        // language has (`.count`) and a plural form the language needs.
        let base_infos: BTreeMap<&str, &crate::l10n::MessageInfo> =
            l10n.message_infos(default).collect();
        for (id, info) in l10n.message_infos(lang) {
            if let Some(base_info) = base_infos.get(id) {
                for name in base_info.attrs.keys() {
                    if name != crate::l10n::kinds::KIND_ATTRIBUTE && !info.attrs.contains_key(name)
                    {
                        add(
                            format!("locales#{id}.{name}"),
                            loc(info.span),
                            Some(base_info.hash.clone()),
                            false,
                        );
                    }
                }
            }
            for m in &info.missing_forms {
                let forms: Vec<String> = m.categories.iter().map(|c| format!("[{c}]")).collect();
                add(
                    format!("locales#{} {}", m.part, forms.join(" ")),
                    loc(m.span),
                    Some(info.hash.clone()),
                    false,
                );
            }
        }
        rows.sort_by(|a, b| (a.state, &a.location, &a.id).cmp(&(b.state, &b.location, &b.id)));
        out.insert(lang.clone(), rows);
    }
    out
}

/// Every text map in the site, with its file.
fn lang_maps(site: &Site) -> Vec<(crate::model::FileId, &LangMap)> {
    let mut out = Vec::new();
    let c = &site.config;
    out.push((c.span.file, &c.title));
    if let Some(d) = &c.description {
        out.push((c.span.file, d));
    }
    for r in &site.reports {
        out.push((r.file, &r.title));
        out.push((r.file, &r.summary));
    }
    for c in site.campaigns.values() {
        out.push((c.file, &c.name));
        out.push((c.file, &c.summary));
        out.extend(c.audiences.iter().map(|a| (c.file, &a.name)));
        out.extend(c.partners.iter().map(|p| (c.file, &p.name)));
        for q in &c.quotes {
            out.push((c.file, &q.text));
            out.push((c.file, &q.who));
        }
        for ch in &c.charts {
            out.push((c.file, &ch.title));
            out.extend(ch.data.iter().map(|d| (c.file, &d.label)));
        }
    }
    out
}

/// Every Markdown text in the site: (folder, stem, docs).
fn lang_docs(site: &Site) -> Vec<(String, String, &LangDocs)> {
    let mut out = Vec::new();
    for r in &site.reports {
        let dir = format!("content/reports/{}", r.slug);
        out.push((dir.clone(), "index".to_string(), &r.intro));
        out.extend(
            r.sections
                .iter()
                .map(|s| (dir.clone(), s.name.clone(), &s.docs)),
        );
    }
    for c in site.campaigns.values() {
        out.push((
            format!("content/campaigns/{}", c.slug),
            "story".to_string(),
            &c.story,
        ));
    }
    out
}

/// The report as text: a summary line and a table per language.
pub fn render(report: &BTreeMap<Lang, Vec<Row>>, default: &Lang, verbose: bool) -> String {
    let mut out = String::new();
    for (lang, rows) in report {
        let count = |s: State| rows.iter().filter(|r| r.state == s).count();
        let _ = writeln!(
            out,
            "{lang}: {} missing, {} only in {lang}, {} outdated (the {default} text changed since), {} untracked, {} up to date",
            count(State::Missing),
            count(State::OnlyHere),
            count(State::Stale),
            count(State::Untracked),
            count(State::Current)
        );
        for r in rows {
            let show =
                matches!(r.state, State::Missing | State::OnlyHere | State::Stale) || verbose;
            if show {
                let _ = writeln!(
                    out,
                    "  {:<10}  {:<60}  {}",
                    r.state.label(),
                    r.location,
                    r.id
                );
            }
        }
    }
    out
}

/// What to do next, after the table: a first run (nothing recorded yet)
/// shows every translation as untracked, which says nothing on its own.
pub fn next_steps(report: &BTreeMap<Lang, Vec<Row>>, default: &Lang) -> String {
    let count = |s: State| report.values().flatten().filter(|r| r.state == s).count();
    let (missing, only, stale, untracked) = (
        count(State::Missing),
        count(State::OnlyHere),
        count(State::Stale),
        count(State::Untracked),
    );
    let mut steps = Vec::new();
    if missing > 0 {
        steps.push(format!(
            "translate the {missing} missing text(s) listed above (each line gives the file to edit), then run `impact check --translations` again"
        ));
    }
    if only > 0 {
        steps.push(format!(
            "{only} text(s) exist only in a translation: add them in {default} too, or delete them if they are no longer used"
        ));
    }
    if stale > 0 {
        steps.push(format!(
            "update the {stale} outdated translation(s) to match the new {default} text, then run `impact check --translations --mark-translated` to record that they are up to date"
        ));
    }
    if untracked > 0 {
        steps.push(format!(
            "{untracked} translation(s) have no record yet of the {default} text they were made from (normal the first time). Once a translator has checked them, run `impact check --translations --mark-translated`: it writes {LOCK_PATH} (keep it in version control), and from then on this list shows each text whose {default} source changes"
        ));
    }
    if steps.is_empty() {
        return "every translation is complete and up to date\n".to_string();
    }
    let mut out = String::from("next:\n");
    for s in steps {
        let _ = writeln!(out, "  - {s}");
    }
    out
}
