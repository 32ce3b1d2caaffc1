//! Numbers inside Fluent messages (`{ $count } campaigns`) formatted by the
//! same CLDR rules as the rest of the page. fluent-bundle takes a plain
//! function pointer, so the ICU formatter is kept in the bundle's
//! per-language memoizer rather than captured.

use fixed_decimal::Decimal;
use fluent_bundle::memoizer::MemoizerKind;
use fluent_bundle::FluentValue;
use icu_decimal::DecimalFormatter;
use intl_memoizer::concurrent::IntlLangMemoizer;
use intl_memoizer::Memoizable;
use unic_langid::LanguageIdentifier;

/// An ICU decimal formatter that the memoizer can build per language.
pub struct IcuDecimal(DecimalFormatter);

impl Memoizable for IcuDecimal {
    type Args = ();
    type Error = ();

    fn construct(lang: LanguageIdentifier, _args: ()) -> Result<Self, ()> {
        let locale = icu_locale_core::Locale::try_from_str(&lang.to_string()).map_err(|_| ())?;
        DecimalFormatter::try_new(locale.into(), Default::default())
            .map(IcuDecimal)
            .map_err(|_| ())
    }
}

/// The formatter hook of every bundle (`FluentBundle::set_formatter`).
pub fn format_fluent_number(value: &FluentValue, memoizer: &IntlLangMemoizer) -> Option<String> {
    let FluentValue::Number(n) = value else {
        return None;
    };
    let places = n.options.maximum_fraction_digits.unwrap_or(3).min(6);
    let text = format!("{:.*}", places, n.value);
    let mut d = Decimal::try_from_str(&text).ok()?;
    d.absolute.trim_end();
    memoizer
        .with_try_get_threadsafe::<IcuDecimal, _, _>((), |f| f.0.format(&d).to_string())
        .ok()
}
