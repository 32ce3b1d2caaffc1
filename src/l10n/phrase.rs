//! `{{ phrase(id="people-reached", n=metric(key="reach")) }}`: a number
//! placed inside a Fluent message of the site's own `.ftl` files.
//!
//! A bare `{{ metric(...) }}` can only put a number in a sentence; the noun
//! after it then cannot agree ("515 839 žmones", "21 kampanija", "11
//! kampanijų"), and in Lithuanian the form also depends on the sentence's
//! case. A phrase hands the number to a message the translator writes in
//! the case the sentence needs, and the message picks the noun's form with
//! `PLURAL($n)`, the project's CLDR plural rules.
//!
//! The message gets two arguments:
//! - `$n`: the number as the reader sees it (a share's percent, 30.8 for
//!   "30,8 %", not 0.308), so `PLURAL($n)` picks the form that agrees with
//!   what is printed; shown with `{ $n }` it is formatted by the same CLDR
//!   number formatter as every other number;
//! - `$value`: the figure exactly as `metric(...)` shows it, with its
//!   qualifier and unit ("ne mažiau kaip 500 000", "30,8 %").
//!
//! This is one small step of its own (number in, text out) so it can be
//! moved into any document model unchanged.

use super::{Arg, Localiser, MessageError};
use crate::model::{Lang, Localised, Value};

/// The number a phrase's message selects on, and how it is shown.
#[derive(Debug, Clone, PartialEq)]
pub struct PhraseNumber {
    /// `$n`: the number as shown (percent for shares and changes).
    pub n: f64,
    /// `$value`: the figure as shown, qualifier included.
    pub value: String,
}

/// The number a reader sees for `v`: a count as it is, a share or a change
/// as its percent rounded as it is printed (two decimals at most), money
/// as its amount, a duration as its seconds.
pub fn shown_number(v: &Value) -> f64 {
    match *v {
        Value::Count(n) => n as f64,
        Value::Share(x) | Value::Change(x) => round2(x * 100.0),
        Value::Money { amount, .. } => amount,
        Value::Duration { seconds } => seconds as f64,
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The message `id` in `lang` with the number placed in it.
pub fn phrase(
    l10n: &Localiser,
    lang: &Lang,
    id: &str,
    number: &PhraseNumber,
) -> Result<Localised, MessageError> {
    l10n.message(
        lang,
        id,
        &[
            ("n", Arg::Number(number.n)),
            ("value", Arg::Text(number.value.clone())),
        ],
    )
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::diagnostics::Diagnostics;
    use crate::model::{FileId, FluentFile, SourceMap, Span};

    /// A localiser of the two languages with `en` and `lt` as their only
    /// `.ftl` files.
    fn localiser(en: &str, lt: &str) -> Localiser {
        let mut sources = SourceMap::default();
        let mut locales = BTreeMap::new();
        for (code, text) in [("en", en), ("lt", lt)] {
            let file = sources.add(format!("locales/{code}/site.ftl"), text.to_string());
            let lang = Lang::parse(code).unwrap();
            locales.insert(lang, vec![FluentFile { file }]);
        }
        let langs = vec![
            (Lang::parse("en").unwrap(), "en-GB".to_string()),
            (Lang::parse("lt").unwrap(), "lt".to_string()),
        ];
        let mut diags = Diagnostics::default();
        let span = Span::file(FileId(0));
        let l = Localiser::with_locales(&langs, &locales, span, &sources, false, &mut diags)
            .expect("both languages are known to CLDR");
        assert!(!diags.has_errors(), "{diags:?}");
        l
    }

    const EN: &str =
        "people-reached = { PLURAL($n) ->\n    [one] { $n } person\n   *[other] { $n } people\n}\n";
    /// Accusative, as after "pasiekėme" (we reached).
    const LT: &str = "people-reached = { PLURAL($n) ->\n    [one] { $n } žmogų\n    [few] { $n } žmones\n    [many] { $n } žmogaus\n   *[other] { $n } žmonių\n}\n";

    fn lt_phrase(l: &Localiser, n: f64) -> String {
        let lang = Lang::parse("lt").unwrap();
        let number = PhraseNumber {
            n,
            value: String::new(),
        };
        phrase(l, &lang, "people-reached", &number).unwrap().text
    }

    #[test]
    fn lithuanian_nouns_agree_with_the_number() {
        let l = localiser(EN, LT);
        let cases = [
            (1.0, "1 žmogų"),
            (2.0, "2 žmones"),
            (10.0, "10 žmonių"),
            (11.0, "11 žmonių"),
            (21.0, "21 žmogų"),
            (22.0, "22 žmones"),
            (25.0, "25 žmones"),
            (102.0, "102 žmones"),
            (111.0, "111 žmonių"),
            (1.5, "1,5 žmogaus"),
            (515_839.0, "515\u{a0}839 žmones"),
        ];
        for (n, want) in cases {
            assert_eq!(lt_phrase(&l, n), want, "{n}");
        }
    }

    #[test]
    fn english_uses_its_own_rules_and_format() {
        let l = localiser(EN, LT);
        let en = Lang::parse("en").unwrap();
        let say = |n: f64| {
            let number = PhraseNumber {
                n,
                value: String::new(),
            };
            phrase(&l, &en, "people-reached", &number).unwrap().text
        };
        assert_eq!(say(1.0), "1 person");
        assert_eq!(say(21.0), "21 people");
        assert_eq!(say(1_971_352.0), "1,971,352 people");
    }

    #[test]
    fn the_value_carries_the_qualifier_and_the_number_selects() {
        let lt = "reached = pasiekėme { PLURAL($n) ->\n    [one] { $value } žmogų\n    [few] { $value } žmones\n    [many] { $value } žmogaus\n   *[other] { $value } žmonių\n}\n";
        let en = "reached = we reached { $value } people\n";
        let l = localiser(en, lt);
        let lang = Lang::parse("lt").unwrap();
        let number = PhraseNumber {
            n: 500_000.0,
            value: "ne mažiau kaip 500\u{a0}000".into(),
        };
        let text = phrase(&l, &lang, "reached", &number).unwrap().text;
        assert_eq!(text, "pasiekėme ne mažiau kaip 500\u{a0}000 žmonių");
    }

    /// PLURAL() must see 30.8 for "30,8 %" (many: a fraction), 21 for
    /// "21 %" (one), not the fractions 0.308 and 0.21 (both "many").
    #[test]
    fn a_share_is_selected_by_its_percent() {
        assert_eq!(shown_number(&Value::Share(0.308)), 30.8);
        assert_eq!(shown_number(&Value::Share(0.21)), 21.0);
        assert_eq!(shown_number(&Value::Change(1.77)), 177.0);
        assert_eq!(shown_number(&Value::Count(16_616)), 16_616.0);
        let cat = "cat = { PLURAL($n) ->\n    [one] one\n    [few] few\n    [many] many\n   *[other] other\n} ({ $value })\n";
        let l = localiser(cat, cat);
        let lang = Lang::parse("lt").unwrap();
        let say = |x: f64| {
            let v = Value::Share(x);
            let number = PhraseNumber {
                n: shown_number(&v),
                value: l.formats(&lang).value(&v),
            };
            phrase(&l, &lang, "cat", &number).unwrap().text
        };
        assert_eq!(say(0.21), "one (21\u{a0}%)");
        assert_eq!(say(0.308), "many (30,8\u{a0}%)");
        assert_eq!(say(0.64), "few (64\u{a0}%)");
        assert_eq!(say(0.3), "other (30\u{a0}%)");
    }

    #[test]
    fn a_missing_message_is_an_error_naming_it() {
        let l = localiser(EN, LT);
        let lang = Lang::parse("lt").unwrap();
        let number = PhraseNumber {
            n: 1.0,
            value: "1".into(),
        };
        let e = phrase(&l, &lang, "no-such", &number).unwrap_err();
        assert!(e.to_string().contains("`no-such`"), "{e}");
    }
}
