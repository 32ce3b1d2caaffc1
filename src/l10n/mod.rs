//! One view of the site per language: Fluent messages for interface text
//! and metric labels, CLDR formatting for numbers, money and dates, and the
//! fallback to the default language that `--allow-missing` permits (always
//! marked, never silent).

mod bundles;
pub mod format;
pub mod kinds;
pub mod names;
mod numbers;
pub mod phrase;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentValue};

pub use format::Formats;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::{FluentFile, Lang, Localised, Site, SourceMap, Span, ValueKind};
pub use bundles::{is_name_override, AttrInfo, MessageInfo, MissingForms};

/// Interface text and formatting for every site language.
pub struct Localiser {
    default: Lang,
    langs: BTreeMap<Lang, LangData>,
    /// Every metric key's kind, as its default-language label declares it.
    kinds: kinds::DeclaredKinds,
}

struct LangData {
    bundle: bundles::Bundle,
    formats: Arc<Formats>,
    index: bundles::MessageIndex,
}

/// A value passed to a Fluent message.
#[derive(Debug, Clone)]
pub enum Arg {
    /// A number (formatted by CLDR, selectable with `PLURAL()`).
    Number(f64),
    /// Text.
    Text(String),
}

/// A message that could not be produced.
#[derive(Debug, Clone, thiserror::Error)]
pub enum MessageError {
    /// No such message (or attribute) in any language.
    #[error("there is no Fluent message `{0}`")]
    Missing(String),
    /// The message exists but formatting it failed (a missing `$argument`).
    #[error("the Fluent message `{id}` could not be formatted: {detail}")]
    Format {
        /// Message id.
        id: String,
        /// What fluent said.
        detail: String,
    },
}

impl Localiser {
    /// Builds bundles and formatters for every site language, reporting
    /// Fluent syntax errors, duplicates and missing translations.
    pub fn new(
        site: &Site,
        sources: &SourceMap,
        allow_missing: bool,
        diags: &mut Diagnostics,
    ) -> Option<Localiser> {
        let langs: Vec<(Lang, String)> = site
            .config
            .languages
            .iter()
            .map(|lang| {
                let locale = site.config.format_locales.get(lang);
                let locale = locale.map(String::as_str).unwrap_or(lang.as_str());
                (lang.clone(), locale.to_string())
            })
            .collect();
        Self::with_locales(
            &langs,
            &site.locales,
            site.config.span,
            sources,
            allow_missing,
            diags,
        )
    }

    /// Like [`Localiser::new`] from the Fluent files alone: `langs` pairs
    /// each language (the first is the default) with the CLDR locale its
    /// numbers and dates are formatted by, and `span` is where a locale
    /// CLDR does not know is reported. `None` when there is no language or
    /// a locale is unknown. Public so tests and fuzzing can check `.ftl`
    /// text without a whole site.
    pub fn with_locales(
        langs: &[(Lang, String)],
        locales: &BTreeMap<Lang, Vec<FluentFile>>,
        span: Span,
        sources: &SourceMap,
        allow_missing: bool,
        diags: &mut Diagnostics,
    ) -> Option<Localiser> {
        let default = langs.first()?.0.clone();
        let mut data = BTreeMap::new();
        for (lang, locale) in langs {
            let formats = match Formats::with_locale(lang, locale) {
                Ok(f) => Arc::new(f),
                Err(e) => {
                    diags.push(
                        Diagnostic::error(span, e.to_string())
                            .help("use a language that CLDR covers, e.g. en, lt, de, pl"),
                    );
                    return None;
                }
            };
            let files: Vec<_> = locales
                .get(lang)
                .map(|v| v.iter().map(|f| f.file).collect())
                .unwrap_or_default();
            let (bundle, index) =
                bundles::build_bundle(lang, &files, sources, formats.clone(), diags);
            kinds::check_forms(lang, &index, &formats, allow_missing, diags);
            data.insert(
                lang.clone(),
                LangData {
                    bundle,
                    formats,
                    index,
                },
            );
        }
        let indexes: BTreeMap<Lang, bundles::MessageIndex> = data
            .iter()
            .map(|(l, d)| (l.clone(), d.index.clone()))
            .collect();
        bundles::check_complete(&indexes, &default, allow_missing, diags);
        let kinds = indexes
            .get(&default)
            .map(|index| kinds::declared_kinds(index, diags))
            .unwrap_or_default();
        Some(Localiser {
            default,
            langs: data,
            kinds,
        })
    }

    /// The site's default language.
    pub fn default_lang(&self) -> &Lang {
        &self.default
    }

    /// CLDR formatters for `lang`.
    pub fn formats(&self, lang: &Lang) -> &Formats {
        &self.data(lang).formats
    }

    fn data(&self, lang: &Lang) -> &LangData {
        self.langs
            .get(lang)
            .or_else(|| self.langs.get(&self.default))
            .unwrap_or_else(|| unreachable_no_languages())
    }

    /// Whether `id` exists in the default language (so in every language,
    /// once validation has passed, or as a fallback).
    pub fn has_message(&self, id: &str) -> bool {
        self.data(&self.default).bundle.has_message(id)
    }

    /// The kind the metric `key` declares (`.kind` on `metric-<key>` in
    /// the default language) and where; `None` when it has no label or
    /// declares none (both reported when the bundles were built).
    pub fn metric_kind(&self, key: &str) -> Option<(ValueKind, Span)> {
        self.kinds.get(key).copied()
    }

    /// Every metric key with a label in the default language.
    pub fn metric_keys(&self) -> impl Iterator<Item = &str> {
        self.data(&self.default)
            .index
            .keys()
            .filter_map(|id| id.strip_prefix(kinds::METRIC_PREFIX))
    }

    /// Every message of `lang` with its attributes and incomplete plural
    /// choices.
    pub fn message_infos(&self, lang: &Lang) -> impl Iterator<Item = (&str, &MessageInfo)> {
        self.data(lang).index.iter().map(|(id, m)| (id.as_str(), m))
    }

    /// Every message id of `lang` with where it is defined and a hash of
    /// its text.
    pub fn messages(&self, lang: &Lang) -> impl Iterator<Item = (&str, Span, &str)> {
        self.data(lang)
            .index
            .iter()
            .map(|(id, m)| (id.as_str(), m.span, m.hash.as_str()))
    }

    /// Ids of the messages `lang` lacks, compared with the default language.
    pub fn missing_ids(&self, lang: &Lang) -> BTreeSet<String> {
        let base = &self.data(&self.default).index;
        let own = &self.data(lang).index;
        base.keys()
            .filter(|k| !own.contains_key(*k))
            .cloned()
            .collect()
    }

    /// The message `id` (or `id.attr`) in `lang`, falling back to the
    /// default language (marked) when `lang` lacks it.
    pub fn message(
        &self,
        lang: &Lang,
        id: &str,
        args: &[(&str, Arg)],
    ) -> Result<Localised, MessageError> {
        let (msg_id, attr) = match id.split_once('.') {
            Some((m, a)) => (m, Some(a)),
            None => (id, None),
        };
        if let Some(text) = self.format_in(lang, msg_id, attr, args)? {
            return Ok(Localised {
                text,
                lang: lang.clone(),
                fallback: false,
            });
        }
        if let Some(text) = self.format_in(&self.default, msg_id, attr, args)? {
            return Ok(Localised {
                text,
                lang: self.default.clone(),
                fallback: lang != &self.default,
            });
        }
        Err(MessageError::Missing(id.to_string()))
    }

    /// The name of the country `code` in `lang`: the site's `country-XX`
    /// message when it has one (an override), else CLDR's name. `None`
    /// for a code that is neither an ISO 3166-1 country nor overridden.
    pub fn country_name(&self, lang: &Lang, code: &str) -> Option<Localised> {
        self.named(lang, &format!("country-{code}"), |f| {
            f.names().country(code)
        })
    }

    /// The name of the language `code` in `lang`: the site's
    /// `language-xx` message, else CLDR's name.
    pub fn language_name(&self, lang: &Lang, code: &str) -> Option<Localised> {
        self.named(lang, &format!("language-{code}"), |f| {
            f.names().language(code)
        })
    }

    /// An override message in `lang`, then CLDR's name in `lang`, then the
    /// override in the default language (marked as a fallback).
    fn named(
        &self,
        lang: &Lang,
        id: &str,
        cldr: impl Fn(&Formats) -> Option<&str>,
    ) -> Option<Localised> {
        let own = |text: String, lang: &Lang| Localised {
            text,
            lang: lang.clone(),
            fallback: false,
        };
        if let Ok(Some(text)) = self.format_in(lang, id, None, &[]) {
            return Some(own(text, lang));
        }
        if let Some(text) = cldr(self.formats(lang)) {
            return Some(own(text.to_string(), lang));
        }
        self.message(lang, id, &[]).ok()
    }

    /// Like [`Localiser::message`] with no arguments.
    pub fn text(&self, lang: &Lang, id: &str) -> Result<Localised, MessageError> {
        self.message(lang, id, &[])
    }

    fn format_in(
        &self,
        lang: &Lang,
        id: &str,
        attr: Option<&str>,
        args: &[(&str, Arg)],
    ) -> Result<Option<String>, MessageError> {
        let data = self.data(lang);
        let Some(msg) = data.bundle.get_message(id) else {
            return Ok(None);
        };
        let pattern = match attr {
            Some(a) => match msg.get_attribute(a) {
                Some(at) => at.value(),
                None => return Ok(None),
            },
            None => match msg.value() {
                Some(v) => v,
                None => return Ok(None),
            },
        };
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            match v {
                Arg::Number(n) => fargs.set(*k, FluentValue::from(*n)),
                Arg::Text(s) => fargs.set(*k, FluentValue::from(s.clone())),
            }
        }
        let mut errors = Vec::new();
        let text = data
            .bundle
            .format_pattern(pattern, Some(&fargs), &mut errors);
        if let Some(e) = errors.first() {
            return Err(MessageError::Format {
                id: id.to_string(),
                detail: e.to_string(),
            });
        }
        Ok(Some(text.into_owned()))
    }
}

#[cold]
fn unreachable_no_languages() -> ! {
    // Site::config guarantees at least one language and the Localiser is
    // built with all of them; reaching here is a bug, not bad input.
    panic!("Localiser has no languages")
}
