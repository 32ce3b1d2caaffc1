//! Languages and per-language values.

use std::collections::BTreeMap;
use std::fmt;

use super::Span;

/// A site language: a lowercase BCP 47 language code (`en`, `lt`) that ICU
/// and Fluent both understand. Built only through [`Lang::parse`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct Lang(String);

impl Lang {
    /// Parses a language code, accepting only what ICU4X knows as a language
    /// subtag (2–3 lowercase letters), so every later stage can trust it.
    pub fn parse(code: &str) -> Option<Lang> {
        let ok = (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase());
        if !ok {
            return None;
        }
        icu_locale_core::Locale::try_from_str(code).ok()?;
        Some(Lang(code.to_string()))
    }

    /// The code, e.g. `"lt"`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Short text given once per language in YAML (`{ en: "…", lt: "…" }`).
///
/// Validation guarantees that the default language is present; other
/// languages may be missing only when the build allows it, and then
/// [`LangMap::get`] falls back to the default language and says so.
#[derive(Debug, Clone)]
pub struct LangMap {
    /// The values given, by language.
    pub values: BTreeMap<Lang, String>,
    /// Where the map was written.
    pub span: Span,
    /// Its place in the file (`name`, `audiences.lincolnshire.name`), stable
    /// across edits that move lines; used to track translations.
    pub key: String,
}

/// A piece of text for one language, and whether it is a fallback.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Localised {
    /// The text.
    pub text: String,
    /// The language the text is really in (differs from the page's when it
    /// is a fallback).
    pub lang: Lang,
    /// True when the page's language had no text and the default was used.
    pub fallback: bool,
}

impl LangMap {
    /// The text for `lang`, or the `default` language's text marked as a
    /// fallback. Validation has checked that `default` is present.
    pub fn get(&self, lang: &Lang, default: &Lang) -> Localised {
        if let Some(text) = self.values.get(lang) {
            return Localised {
                text: text.clone(),
                lang: lang.clone(),
                fallback: false,
            };
        }
        Localised {
            text: self.values.get(default).cloned().unwrap_or_default(),
            lang: default.clone(),
            fallback: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lang_accepts_only_language_codes() {
        assert!(Lang::parse("lt").is_some());
        assert!(Lang::parse("en").is_some());
        assert!(Lang::parse("EN").is_none());
        assert!(Lang::parse("english").is_none());
        assert!(Lang::parse("").is_none());
        assert!(Lang::parse("e1").is_none());
    }
}
