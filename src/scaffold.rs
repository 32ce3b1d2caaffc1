//! `impact new campaign|report <slug>`: a new folder with every field
//! written out and commented, in every site language, that builds at once.
//! Writes only inside `content/`, and never over an existing folder.

use std::fs;
use std::path::{Path, PathBuf};

use crate::load::is_slug;
use crate::model::Lang;

/// What to scaffold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `content/campaigns/<slug>/`.
    Campaign,
    /// `content/reports/<slug>/`.
    Report,
}

/// Why scaffolding failed.
#[derive(Debug, thiserror::Error)]
pub enum ScaffoldError {
    /// The slug cannot be a folder name in a web address; the second field
    /// is the name it would accept instead (empty when nothing is left).
    #[error("`{0}` cannot be used as a folder name (it becomes part of the web address): use lowercase letters, digits and hyphens{suggestion}", suggestion = suggestion_text(.1))]
    BadSlug(String, String),
    /// The folder exists.
    #[error("{0} already exists; choose another name or edit the files there")]
    Exists(String),
    /// No site here.
    #[error("no content/site.yaml in {0}: run this in the site's folder or pass --root DIR")]
    NoSite(String),
    /// The file system said no.
    #[error("failed to write {path} ({source})")]
    Io {
        /// The path.
        path: String,
        /// The error.
        source: std::io::Error,
    },
}

fn suggestion_text(suggestion: &str) -> String {
    if suggestion.is_empty() {
        ", e.g. winter-appeal-2024".to_string()
    } else {
        format!(": `{suggestion}` would do")
    }
}

/// The folder name `name` would become: lower case, Lithuanian letters
/// without their marks, anything else between words a single hyphen.
/// "Kaunas Youth Safety 2024" -> `kaunas-youth-safety-2024`.
pub fn suggest_slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'ą' | 'à' | 'á' | 'ä' | 'â' => 'a',
            'č' | 'ç' => 'c',
            'ę' | 'ė' | 'é' | 'è' | 'ë' | 'ê' => 'e',
            'į' | 'í' | 'ì' | 'ï' | 'î' => 'i',
            'š' => 's',
            'ų' | 'ū' | 'ú' | 'ù' | 'ü' | 'û' => 'u',
            'ž' => 'z',
            'ó' | 'ò' | 'ö' | 'ô' => 'o',
            c => c,
        };
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Creates the folder and files; returns the files written (relative).
pub fn scaffold(root: &Path, kind: Kind, slug: &str) -> Result<Vec<String>, ScaffoldError> {
    if !is_slug(slug) {
        return Err(ScaffoldError::BadSlug(slug.to_string(), suggest_slug(slug)));
    }
    let langs = site_languages(root)?;
    let folder = match kind {
        Kind::Campaign => format!("content/campaigns/{slug}"),
        Kind::Report => format!("content/reports/{slug}"),
    };
    let dir = root.join(&folder);
    if dir.exists() {
        return Err(ScaffoldError::Exists(folder));
    }
    let mut files: Vec<(String, String)> = Vec::new();
    match kind {
        Kind::Campaign => {
            files.push((
                format!("{folder}/campaign.yaml"),
                campaign_yaml(slug, &langs),
            ));
            for l in &langs {
                files.push((format!("{folder}/story.{l}.md"), story_md(l)));
            }
        }
        Kind::Report => {
            files.push((format!("{folder}/report.yaml"), report_yaml(slug, &langs)));
            for l in &langs {
                files.push((format!("{folder}/index.{l}.md"), intro_md(l)));
            }
        }
    }
    let io = |path: &PathBuf| {
        let path = path.display().to_string();
        move |source| ScaffoldError::Io { path, source }
    };
    fs::create_dir_all(&dir).map_err(io(&dir))?;
    for (rel, text) in &files {
        let path = root.join(rel);
        fs::write(&path, text).map_err(io(&path))?;
    }
    Ok(files.into_iter().map(|(rel, _)| rel).collect())
}

/// The languages of `content/site.yaml`, read leniently (a scaffold should
/// work even while other files have errors).
fn site_languages(root: &Path) -> Result<Vec<Lang>, ScaffoldError> {
    let path = root.join("content/site.yaml");
    let text =
        fs::read_to_string(&path).map_err(|_| ScaffoldError::NoSite(root.display().to_string()))?;
    #[derive(serde::Deserialize)]
    struct Langs {
        #[serde(default)]
        languages: Vec<String>,
    }
    let langs: Vec<Lang> = serde_saphyr::from_str::<Langs>(&text)
        .map(|l| l.languages.iter().filter_map(|c| Lang::parse(c)).collect())
        .unwrap_or_default();
    if langs.is_empty() {
        // site.yaml is broken right now; scaffold the usual pair.
        return Ok(Lang::parse("en")
            .into_iter()
            .chain(Lang::parse("lt"))
            .collect());
    }
    Ok(langs)
}

fn placeholder(lang: &Lang, en: &str, lt: &str) -> String {
    match lang.as_str() {
        "lt" => lt.to_string(),
        _ => en.to_string(),
    }
}

/// `{ en: "…", lt: "…" }` with placeholder text in each language.
fn map(langs: &[Lang], en: &str, lt: &str) -> String {
    let parts: Vec<String> = langs
        .iter()
        .map(|l| format!("{l}: \"{}\"", placeholder(l, en, lt)))
        .collect();
    format!("{{ {} }}", parts.join(", "))
}

fn campaign_yaml(slug: &str, langs: &[Lang]) -> String {
    format!(
        r#"# yaml-language-server: $schema=../../../schema/campaign.schema.json
# A campaign: where it ran and what it achieved.
# Text readers see is given in every site language. Figures are written
# as their metric's kind says (declared once, with `.kind` beside the
# metric's label in locales/en/*.ftl): a count 11972, a share 0.92 (shown
# as 92 %), money {{ amount: 844000, currency: GBP }}, a change
# {{ change: 1.77 }} (+177 %), a duration {{ seconds: 113 }} (1 min, 53 sec).
# Add "{slug}" to `campaigns:` in a report.yaml so it gets a page.

# Name and one-sentence summary, per language.
name: {name}
summary: {summary}

# When it ran (YYYY-MM-DD).
period: {{ start: 2024-01-01, end: 2024-03-31 }}

# Where it ran: ISO 3166-1 codes (GB, LT, NO). Every language names them
# by CLDR; a `country-XX = …` message in locales/<language>/ overrides one.
countries: [GB]

# Languages the campaign itself used (optional, ISO 639-1 codes).
# languages: [en]

# Who worked with you (url optional). A name is one string, or one per
# language: name: {partner}
partners:
  - {{ name: "Partner organisation", url: "https://example.org/" }}

# Where the campaign ran, with figures per place. Each metric key needs a
# label in locales/*/ and, in locales/en/, its kind (see
# locales/en/metrics.ftl for the common ones). A new key, e.g. workshops:
#   locales/en/site.ftl:  metric-workshops = Workshops
#                             .kind = count
#   locales/lt/site.ftl:  metric-workshops = Seminarai
audiences:
  - id: main-audience
    name: {audience}
    metrics:
      impressions: 0
      reach: 0
      # potential_reach_share: 0.5
      # landing_page_sessions: 0
      # video_plays_95: 0
      # reactions: 0
      # shares: 0
      # comments: 0
      # average_time_on_page: {{ seconds: 113 }}

# Single findings such as survey answers; audience is optional.
results: []
#  - {{ metric: would_behave_differently, audience: main-audience, value: 0.2 }}

# Quotes, placed in the story with {{{{ quote(n=1) }}}} or listed on the page.
quotes: []
#  - text: {quote}
#    who: {who}

# Extra charts (bar, hbar, grouped, line, donut), placed with
# {{{{ chart(id="...") }}}} or listed on the page.
charts: []
#  - id: calls-per-month
#    kind: bar
#    title: {chart}
#    unit: count
#    data:
#      - {{ label: {label}, value: 23 }}

# A cover photo (optional), in this folder: at the top of the page, on
# the picture a link preview shows, and in the PDF. Describe it in every
# language; credit is who made it. Photos in the story are placed with
# ![What it shows](photo.jpg "Caption | Credit").
# cover:
#   src: cover.jpg
#   alt: {cover_alt}
#   credit: "Name of the photographer"
"#,
        name = map(langs, "New campaign", "Nauja kampanija"),
        summary = map(
            langs,
            "One sentence about the campaign.",
            "Vienas sakinys apie kampaniją."
        ),
        audience = map(langs, "Main audience", "Pagrindinė auditorija"),
        partner = map(langs, "Partner organisation", "Organizacija partnerė"),
        quote = map(langs, "What someone said.", "Kieno nors pasakyti žodžiai."),
        who = map(langs, "Who said it", "Kas tai pasakė"),
        chart = map(langs, "Calls per month", "Skambučiai per mėnesį"),
        label = map(langs, "January 2024", "2024 m. sausis"),
        cover_alt = map(langs, "What the photo shows", "Kas matyti nuotraukoje"),
    )
}

fn story_md(lang: &Lang) -> String {
    placeholder(
        lang,
        "## Why we ran it\n\nReplace this text with the campaign's story. Place figures from campaign.yaml\nso both languages always agree: the campaign reached\n{{ metric(key=\"reach\", audience=\"main-audience\") }} people.\n\n## What happened\n\nLink to other pages with [their content path](@/).\n",
        "## Kodėl vykdėme šią kampaniją\n\nPakeiskite šį tekstą kampanijos istorija. Skaičius iš campaign.yaml įterpkite\ntaip, kad abiejų kalbų tekstuose jie visada sutaptų: kampanija pasiekė\n{{ phrase(id=\"people-reached\", n=metric(key=\"reach\", audience=\"main-audience\")) }}.\nTinkamą žodžio po skaičiaus formą parenka frazė iš locales/lt/phrases.ftl.\n\n## Kas įvyko\n\nNuorodose į kitus puslapius rašykite [jų kelią aplanke content](@/).\n",
    )
}

fn report_yaml(slug: &str, langs: &[Lang]) -> String {
    format!(
        r#"# yaml-language-server: $schema=../../../schema/report.schema.json
# A report: a period, its headline figures and the campaigns it covers.
# Its introduction is index.<language>.md; further sections are
# <name>.<language>.md files with front matter (title, weight).
# The report is published at <language>/{slug}/.

title: {title}
summary: {summary}

# The period covered (YYYY-MM-DD).
period: {{ start: 2024-01-01, end: 2024-12-31 }}

# Big figures at the top: metric keys with values, written as the key's
# kind says (locales/en/*.ftl, `.kind`); qualifier at_least or about;
# `compact: true` shortens money of a million or more (£2.4M).
headline:
  - {{ metric: campaigns, value: 0 }}
  # - {{ metric: people_reached, value: 100000, qualifier: at_least }}

# Campaign folder names under content/campaigns/, in the order to show them.
campaigns: []

# Money in and out (optional).
# finances:
#   period: {{ start: 2024-01-01, end: 2024-12-31 }}
#   currency: GBP
#   income: 0
#   expenditure: 0

# A cover photo (optional), in this folder: at the top of the page, on
# the picture a link preview shows, and on the PDF's cover.
# cover:
#   src: cover.jpg
#   alt: {cover_alt}
#   credit: "Name of the photographer"
"#,
        title = map(langs, "New report", "Nauja ataskaita"),
        summary = map(
            langs,
            "One or two sentences about the report.",
            "Vienas ar du sakiniai apie ataskaitą."
        ),
        cover_alt = map(langs, "What the photo shows", "Kas matyti nuotraukoje"),
    )
}

fn intro_md(lang: &Lang) -> String {
    placeholder(
        lang,
        "Replace this text with the report's introduction.\n\nHeadline figures can be placed in the text: {{ metric(key=\"campaigns\") }}.\n",
        "Pakeiskite šį tekstą ataskaitos įžanga.\n\nPagrindinius skaičius galima įterpti į tekstą: {{ metric(key=\"campaigns\") }}.\n",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("content")).unwrap();
        fs::write(
            dir.path().join("content/site.yaml"),
            "title: { en: A, lt: B }\nlanguages: [en, lt]\norganisation: { name: X }\n",
        )
        .unwrap();
        dir
    }

    #[test]
    fn refuses_bad_slugs_and_existing_folders() {
        let s = site();
        assert!(matches!(
            scaffold(s.path(), Kind::Campaign, "Winter Appeal"),
            Err(ScaffoldError::BadSlug(_, _))
        ));
        assert!(matches!(
            scaffold(s.path(), Kind::Campaign, "../x"),
            Err(ScaffoldError::BadSlug(_, _))
        ));
        scaffold(s.path(), Kind::Campaign, "winter").unwrap();
        assert!(matches!(
            scaffold(s.path(), Kind::Campaign, "winter"),
            Err(ScaffoldError::Exists(_))
        ));
    }

    #[test]
    fn a_refused_name_comes_with_the_one_that_would_do() {
        let s = site();
        let e = scaffold(s.path(), Kind::Report, "Kaunas Youth Safety 2024").unwrap_err();
        assert!(
            e.to_string()
                .ends_with("`kaunas-youth-safety-2024` would do"),
            "{e}"
        );
        assert_eq!(
            suggest_slug("Žiemos prieglauda – Šiauliai"),
            "ziemos-prieglauda-siauliai"
        );
        assert_eq!(suggest_slug("../x"), "x");
        assert_eq!(suggest_slug("!!"), "");
    }

    #[test]
    fn writes_a_file_per_language() {
        let s = site();
        let files = scaffold(s.path(), Kind::Report, "annual-2024").unwrap();
        assert_eq!(
            files,
            vec![
                "content/reports/annual-2024/report.yaml",
                "content/reports/annual-2024/index.en.md",
                "content/reports/annual-2024/index.lt.md"
            ]
        );
    }
}
