//! Whole-site checks over the loaded model: every text in every language,
//! every metric key with a label and one kind, every reference resolving.
//! Returns every problem found, never just the first. Missing translations
//! are errors, or warnings that name the fallback under `--allow-missing`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Mutex;

use rayon::prelude::*;

mod figures;
mod values;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::l10n::Localiser;
use crate::model::*;

/// Checks `site`; `l10n` says which Fluent messages exist.
pub fn check(
    site: &Site,
    sources: &SourceMap,
    l10n: &Localiser,
    allow_missing: bool,
) -> Diagnostics {
    check_with(site, sources, l10n, allow_missing, &FigureChecks::default())
}

/// Comparisons of the figures of two languages' Markdown, by the pair of
/// files compared. They are the costliest check (every number of every
/// story), so they run in parallel, and the preview keeps them between
/// edits: a file read again gets a new id, so an entry never goes stale.
#[derive(Debug, Default)]
pub struct FigureChecks(Mutex<HashMap<(FileId, FileId), Vec<Diagnostic>>>);

impl FigureChecks {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(FileId, FileId), Vec<Diagnostic>>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Compares every pair of `docs` not compared yet, in parallel.
    fn fill(&self, docs: &[&LangDocs], default: &Lang, sources: &SourceMap) {
        let pairs: Vec<(&MarkdownDoc, &Lang, &MarkdownDoc)> = {
            let done = self.lock();
            docs.iter()
                .filter_map(|d| d.docs.get(default).map(|base| (base, *d)))
                .flat_map(|(base, d)| {
                    d.docs
                        .iter()
                        .filter(|(lang, _)| *lang != default)
                        .map(move |(lang, doc)| (base, lang, doc))
                })
                .filter(|(base, _, doc)| !done.contains_key(&(base.file, doc.file)))
                .collect()
        };
        let found: Vec<((FileId, FileId), Vec<Diagnostic>)> = pairs
            .par_iter()
            .map(|(base, lang, doc)| {
                let warnings = figures::compare(base, default, doc, lang, sources);
                ((base.file, doc.file), warnings)
            })
            .collect();
        self.lock().extend(found);
    }

    fn get(&self, base: FileId, doc: FileId) -> Vec<Diagnostic> {
        self.lock().get(&(base, doc)).cloned().unwrap_or_default()
    }

    /// Forgets the comparisons of files `site` no longer has (they were
    /// read again since), so a long preview session does not pile them up.
    pub fn forget_others(&self, site: &Site) {
        let current: std::collections::HashSet<FileId> = markdown_docs(site)
            .iter()
            .flat_map(|d| d.docs.values().map(|doc| doc.file))
            .collect();
        self.lock()
            .retain(|(a, b), _| current.contains(a) && current.contains(b));
    }
}

/// Every Markdown text of the site: report introductions and sections,
/// campaign stories.
fn markdown_docs(site: &Site) -> Vec<&LangDocs> {
    site.reports
        .iter()
        .flat_map(|r| std::iter::once(&r.intro).chain(r.sections.iter().map(|s| &s.docs)))
        .chain(site.campaigns.values().map(|c| &c.story))
        .collect()
}

/// Like [`check`], with the figure comparisons made so far.
pub fn check_with(
    site: &Site,
    sources: &SourceMap,
    l10n: &Localiser,
    allow_missing: bool,
    figure_checks: &FigureChecks,
) -> Diagnostics {
    let docs = markdown_docs(site);
    if let Some(default) = site.config.languages.first() {
        figure_checks.fill(&docs, default, sources);
    }
    let mut v = Validator {
        langs: &site.config.languages,
        sources,
        l10n,
        allow_missing,
        diags: Diagnostics::default(),
        unknown_metrics: BTreeMap::new(),
        figure_checks,
    };
    v.site_config(&site.config);
    for report in &site.reports {
        v.report(report, site);
    }
    for campaign in site.campaigns.values() {
        v.campaign(campaign);
    }
    v.covers(site);
    v.unknown_metrics();
    v.unlisted_campaigns(site);
    v.theme(site);
    v.diags
}

struct Validator<'a> {
    langs: &'a [Lang],
    sources: &'a SourceMap,
    l10n: &'a Localiser,
    allow_missing: bool,
    diags: Diagnostics,
    /// Every use of each metric key that has no label, reported once per
    /// key when all are known.
    unknown_metrics: BTreeMap<String, Vec<Span>>,
    /// The figures of every pair of languages, compared.
    figure_checks: &'a FigureChecks,
}

impl Validator<'_> {
    fn default_lang(&self) -> &Lang {
        &self.langs[0]
    }

    /// A missing translation: an error, or a warning naming the fallback.
    fn missing(&mut self, span: Span, lang: &Lang, what: String, help: String) {
        let default = self.default_lang().clone();
        if lang == &default {
            self.diags
                .push(Diagnostic::error(span, format!("{what} has no {lang} text")).help(help));
        } else if self.allow_missing {
            self.diags.push(
                Diagnostic::warning(span, format!("{what} has no {lang} text; using {default}"))
                    .help(help),
            );
        } else {
            self.diags.push(
                Diagnostic::error(span, format!("{what} has no {lang} text"))
                    .help(format!("{help} (or build with --allow-missing to show the {default} text, marked as not yet translated)")),
            );
        }
    }

    fn lang_map(&mut self, map: &LangMap, what: &str) {
        for lang in self.langs {
            if !map.values.contains_key(lang) {
                let help = format!("add `{lang}: \"…\"` to this map");
                self.missing(map.span, lang, what.to_string(), help);
            } else if map.values.get(lang).is_some_and(|t| t.trim().is_empty()) {
                self.diags.push(
                    Diagnostic::error(map.span, format!("{what} is empty in {lang}"))
                        .help(format!("write the {lang} text between the quotes")),
                );
            }
        }
    }

    /// Markdown in every language: `required` makes the default language's
    /// file mandatory even when no language has one.
    fn docs(
        &mut self,
        docs: &LangDocs,
        dir: &str,
        stem: &str,
        what: &str,
        required: bool,
        anchor: Span,
    ) {
        if docs.docs.is_empty() && docs.unreadable.is_empty() && !required {
            return;
        }
        let default = self.default_lang().clone();
        if let Some(base) = docs.docs.get(&default) {
            for (lang, doc) in &docs.docs {
                if lang != &default {
                    for w in self.figure_checks.get(base.file, doc.file) {
                        self.diags.push(w);
                    }
                }
            }
        }
        for lang in self.langs {
            if !docs.docs.contains_key(lang) && !docs.unreadable.contains(lang) {
                let path = format!("{dir}/{stem}.{lang}.md");
                let help = match docs.docs.keys().next() {
                    Some(other) => format!("create {path}, translating {dir}/{stem}.{other}.md"),
                    None => format!("create {path}"),
                };
                self.missing(anchor, lang, format!("{what} ({path})"), help);
            }
        }
    }

    fn site_config(&mut self, c: &SiteConfig) {
        self.lang_map(&c.title, "the site title");
        if let Some(title) = c.data_licence.as_ref().and_then(|l| l.title.as_ref()) {
            self.lang_map(title, "the data licence's title");
        }
        if let Some(d) = &c.description {
            self.lang_map(d, "the site description");
        }
        if c.address().is_none() {
            self.diags.push(
                Diagnostic::warning(
                    c.base_url_span,
                    format!(
                        "base_url `{}` is a path, so the site is built without sitemap.xml, Open Graph addresses (og:url, og:image) and the link to the live page in downloads: those need a full address",
                        c.base_url
                    ),
                )
                .help("links between pages work as they are; to have the rest, write the full address, e.g. base_url: \"https://example.org/reports/\""),
            );
        }
    }

    /// A figure's key has a label, and its value is of the kind the key
    /// declares.
    fn figure(&mut self, f: &Figure) {
        if !self.l10n.has_message(&format!("metric-{}", f.metric)) {
            self.unknown_metrics
                .entry(f.metric.clone())
                .or_default()
                .push(f.span);
            return;
        }
        if f.stand_in {
            return;
        }
        if let Some((kind, declared)) = self.l10n.metric_kind(&f.metric) {
            if let Some(d) = values::check(f, kind, declared, self.sources) {
                self.diags.push(d);
            }
        }
    }

    /// One error per metric key without a label, at its first use, listing
    /// the others: a key used thirteen times is one mistake.
    fn unknown_metrics(&mut self) {
        let unknown = std::mem::take(&mut self.unknown_metrics);
        for (key, mut uses) in unknown {
            uses.sort();
            uses.dedup();
            let first = uses[0];
            let id = format!("metric-{key}");
            let closest = self.closest_metric(&key);
            let mut help = match &closest {
                Some(m) => format!(
                    "if you meant `{m}`, fix the spelling; if `{key}` is new, give it a label and a kind in every language: `{id} = …` with `    .kind = count` (or share, money, change) under it, in a .ftl file under locales/{}/",
                    self.default_lang()
                ),
                None => format!(
                    "fix the spelling, or give it a label and a kind: `{id} = …` with `    .kind = count` (or share, money, change) under it, in a .ftl file under locales/{}/ (and its translation in every other language)",
                    self.default_lang()
                ),
            };
            if uses.len() > 1 {
                let places: Vec<String> = uses[1..]
                    .iter()
                    .map(|s| format!("{}:{}", self.sources.name(s.file), s.line))
                    .collect();
                help.push_str(&format!("; it is also used at {}", places.join(", ")));
            }
            let msg = if uses.len() > 1 {
                format!(
                    "unknown metric `{key}`: it has no label (used {} times)",
                    uses.len()
                )
            } else {
                format!("unknown metric `{key}`: it has no label")
            };
            self.diags.push(Diagnostic::error(first, msg).help(help));
        }
    }

    /// The labelled metric key nearest to `key`, never `key` itself.
    fn closest_metric(&self, key: &str) -> Option<String> {
        self.l10n
            .metric_keys()
            .filter(|k| *k != key)
            .map(|k| (edit_distance(k, key), k))
            .filter(|(d, _)| *d <= 3)
            .min()
            .map(|(_, k)| k.to_string())
    }

    fn report(&mut self, r: &Report, site: &Site) {
        let yaml = Span::file(r.file);
        let dir = format!("content/reports/{}", r.slug);
        self.lang_map(&r.title, "the report title");
        self.lang_map(&r.summary, "the report summary");
        for f in &r.headline {
            self.figure(f);
        }
        self.docs(
            &r.intro,
            &dir,
            "index",
            "the report introduction",
            false,
            yaml,
        );
        for s in &r.sections {
            let anchor = s
                .docs
                .docs
                .values()
                .next()
                .map(|d| Span::file(d.file))
                .unwrap_or(yaml);
            self.docs(
                &s.docs,
                &dir,
                &s.name,
                &format!("the section `{}`", s.name),
                true,
                anchor,
            );
            for (lang, d) in &s.docs.docs {
                if d.title.is_none() {
                    self.diags.push(
                        Diagnostic::error(Span::file(d.file), format!("the section `{}` has no title in {lang}", s.name))
                            .help("start the file with front matter:\n---\ntitle: \"Objectives\"\nweight: 10\n---"),
                    );
                }
            }
            let weights: BTreeSet<i64> = s.docs.docs.values().map(|d| d.weight).collect();
            if weights.len() > 1 {
                self.diags.push(
                    Diagnostic::warning(anchor, format!("the section `{}` has a different weight in each language", s.name))
                        .help("use the same `weight:` in every language so sections are in the same order"),
                );
            }
        }
        let mut seen = BTreeSet::new();
        for (slug, span) in &r.campaigns {
            if !seen.insert(slug) {
                self.diags.push(
                    Diagnostic::error(*span, format!("the campaign `{slug}` is listed twice"))
                        .help("list each campaign once"),
                );
            }
            if !site.campaigns.contains_key(slug) && !site.unreadable_campaigns.contains(slug) {
                let known = site
                    .campaigns
                    .keys()
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ");
                self.diags.push(
                    Diagnostic::error(*span, format!("there is no campaign `{slug}`"))
                        .help(format!("campaigns are the folders of content/campaigns/ ({known}); fix the name or create content/campaigns/{slug}/")),
                );
            }
        }
    }

    /// Every `cover:`: its file is there and its description is given in
    /// every language (what is wrong with the image itself is reported by
    /// the image stage).
    fn covers(&mut self, site: &Site) {
        let covers = site
            .reports
            .iter()
            .filter_map(|r| r.cover.as_ref())
            .chain(site.campaigns.values().filter_map(|c| c.cover.as_ref()));
        for cover in covers {
            self.lang_map(&cover.alt, "the cover's description (alt)");
            for (lang, text) in &cover.alt.values {
                if text.trim().is_empty() {
                    self.diags.push(
                        Diagnostic::error(
                            cover.alt.span,
                            format!("the cover's description (alt) in `{lang}` is empty"),
                        )
                        .help("say what the photo shows, for readers who cannot see it"),
                    );
                }
            }
            if cover.src.is_empty() {
                continue; // reported when it was read
            }
            if !site.media.contains_key(&cover.src) {
                let mut message =
                    crate::render::missing_file_message(&cover.src, site.media.keys());
                if !crate::images::is_image(&cover.src) {
                    message = format!(
                        "the cover {} is not an image (JPEG, PNG, GIF, WebP or SVG)",
                        cover.written
                    );
                }
                self.diags.push(
                    Diagnostic::error(cover.span, message)
                        .help("put the photo in the same folder as this file and write its name exactly, e.g. src: cover.jpg"),
                );
            }
        }
    }

    fn campaign(&mut self, c: &Campaign) {
        let yaml = Span::file(c.file);
        let dir = format!("content/campaigns/{}", c.slug);
        self.lang_map(&c.name, "the campaign name");
        self.lang_map(&c.summary, "the campaign summary");
        self.docs(&c.story, &dir, "story", "the campaign story", true, yaml);
        for (code, span) in &c.countries {
            self.country(code, *span);
        }
        for (code, span) in &c.languages {
            self.language(code, *span);
        }
        for p in &c.partners {
            self.lang_map(&p.name, "the partner name");
        }
        let mut ids = BTreeSet::new();
        for a in &c.audiences {
            if !ids.insert(a.id.clone()) {
                self.diags.push(
                    Diagnostic::error(a.span, format!("the audience id `{}` is used twice", a.id))
                        .help("give each audience its own id"),
                );
            }
            self.lang_map(&a.name, "the audience name");
            for m in &a.metrics {
                self.figure(m);
            }
        }
        for r in &c.results {
            self.figure(r);
            if let Some(a) = &r.audience {
                if !ids.contains(a) {
                    let known = ids.iter().cloned().collect::<Vec<_>>().join(", ");
                    self.diags.push(
                        Diagnostic::error(
                            r.span,
                            format!("there is no audience `{a}` in this campaign"),
                        )
                        .help(format!("use one of the audience ids above: {known}")),
                    );
                }
            }
        }
        for q in &c.quotes {
            self.lang_map(&q.text, "the quote");
            self.lang_map(&q.who, "who said the quote");
        }
        let mut chart_ids = BTreeSet::new();
        for ch in &c.charts {
            if !chart_ids.insert(ch.id.clone()) {
                self.diags.push(
                    Diagnostic::error(ch.span, format!("the chart id `{}` is used twice", ch.id))
                        .help("give each chart its own id"),
                );
            }
            self.lang_map(&ch.title, "the chart title");
            for d in &ch.data {
                self.lang_map(&d.label, "the chart label");
            }
            if ch.data.is_empty() {
                self.diags.push(
                    Diagnostic::error(ch.span, format!("the chart `{}` has no data", ch.id))
                        .help("add `data:` entries with a label and a value"),
                );
            }
            if ch.unit == ChartUnit::Share && ch.data.iter().any(|d| d.value > 1.0) {
                self.diags.push(
                    Diagnostic::error(
                        ch.span,
                        format!("the chart `{}` is in shares but has values above 1", ch.id),
                    )
                    .help(
                        "shares are fractions (0.92 is 92%); use `unit: count` for whole numbers",
                    ),
                );
            }
        }
    }

    /// A country code must be an ISO 3166-1 country (whose name CLDR
    /// gives in every language) or have a `country-XX` message of its own.
    fn country(&mut self, code: &str, span: Span) {
        let lang = self.l10n.default_lang().clone();
        if self.l10n.country_name(&lang, code).is_some() {
            return;
        }
        let upper = code.to_ascii_uppercase();
        let capitals = upper != code && self.l10n.country_name(&lang, &upper).is_some();
        let help = match crate::l10n::names::country_hint(&upper) {
            _ if capitals => format!("write `{upper}`: country codes are in capitals"),
            Some(hint) => hint.to_string(),
            None => format!(
                "use an ISO 3166-1 alpha-2 code (GB, LT, NO); for a place that has none, add `country-{code} = …` to locales/<language>/"
            ),
        };
        self.diags
            .push(Diagnostic::error(span, format!("`{code}` is not a country code")).help(help));
    }

    /// A language code must be one CLDR names, or have a `language-xx`
    /// message of its own.
    fn language(&mut self, code: &str, span: Span) {
        let lang = self.l10n.default_lang().clone();
        if self.l10n.language_name(&lang, code).is_some() {
            return;
        }
        self.diags.push(
            Diagnostic::error(span, format!("`{code}` is not a language code CLDR knows"))
                .help(format!(
                    "use an ISO 639-1 code (en, lt, ro), or name it with `language-{code} = …` in locales/<language>/"
                )),
        );
    }

    fn unlisted_campaigns(&mut self, site: &Site) {
        // A report that could not be read may list them: its error is the
        // one to fix first.
        if !site.unreadable_reports.is_empty() {
            return;
        }
        let listed: BTreeSet<&str> = site
            .reports
            .iter()
            .flat_map(|r| r.campaigns.iter().map(|(s, _)| s.as_str()))
            .collect();
        for c in site.campaigns.values() {
            if !listed.contains(c.slug.as_str()) {
                self.diags.push(
                    Diagnostic::warning(
                        Span::file(c.file),
                        format!(
                            "the campaign `{}` is in no report, so it gets no page",
                            c.slug
                        ),
                    )
                    .help(format!("add `{}` to `campaigns:` in a report.yaml", c.slug)),
                );
            }
        }
    }

    fn theme(&mut self, site: &Site) {
        for name in crate::render::REQUIRED_TEMPLATES {
            if !site.theme.templates.contains_key(*name) {
                self.diags.push(
                    Diagnostic::error(
                        None,
                        format!("the theme `{}` has no templates/{name}", site.theme.name),
                    )
                    .help("copy it from the default theme that comes with impact"),
                );
            }
        }
    }
}

/// Levenshtein distance, for "did you mean" hints.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::edit_distance;

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("reach", "reach"), 0);
        assert_eq!(edit_distance("reach", "raech"), 2);
        assert_eq!(edit_distance("shares", "share"), 1);
    }
}
