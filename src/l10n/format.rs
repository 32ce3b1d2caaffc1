//! Numbers, percentages, money, dates and plural categories by CLDR rules,
//! through ICU4X's compiled data: `515 839`, `30,8 %`, `844 000 £`,
//! `2019 m. liepos 1 d.` in Lithuanian. No string tricks: every separator,
//! sign and word comes from CLDR for the language.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use fixed_decimal::{Decimal, SignDisplay};
use icu_calendar::{Date as IcuDate, Iso};
use icu_datetime::fieldsets::{YM, YMD};
use icu_datetime::DateTimeFormatter;
use icu_decimal::DecimalFormatter;
use icu_experimental::dimension::currency::formatter::CurrencyFormatter;
use icu_experimental::dimension::currency::CurrencyType;
use icu_experimental::dimension::percent::formatter::PercentFormatter;
use icu_locale_core::Locale;
use icu_plurals::{PluralCategory, PluralRules};

use crate::model::{Currency, Date, Lang, Qualifier, Value};

/// Every CLDR formatter one language needs, built once per build.
pub struct Formats {
    decimal: DecimalFormatter,
    percent: PercentFormatter<DecimalFormatter>,
    date: DateTimeFormatter<YMD>,
    month: DateTimeFormatter<YM>,
    plurals: PluralRules,
    locale: Locale,
    names: super::names::Names,
    /// Built on first use: most sites have no durations.
    /// The second one shows zero seconds, for a duration of 0.
    duration: std::sync::OnceLock<Option<[icu_experimental::duration::DurationFormatter; 2]>>,
    /// Currency formatters are per currency; built on first use.
    money: Mutex<HashMap<Currency, Arc<MoneyFormats>>>,
}

struct MoneyFormats {
    full: CurrencyFormatter<DecimalFormatter>,
    compact: CurrencyFormatter<icu_decimal::CompactDecimalFormatter>,
}

/// A formatter could not be built (a language ICU4X has no data for).
#[derive(Debug, thiserror::Error)]
#[error("no CLDR data to format {what} in `{lang}` ({source})")]
pub struct FormatError {
    lang: String,
    what: &'static str,
    source: icu_provider::DataError,
}

impl Formats {
    /// Builds the formatters for `lang`.
    pub fn new(lang: &Lang) -> Result<Formats, FormatError> {
        Formats::with_locale(lang, lang.as_str())
    }

    /// Builds the formatters for `lang` with the CLDR conventions of
    /// `locale` (e.g. `en-GB` for day-month-year dates in English).
    pub fn with_locale(lang: &Lang, locale: &str) -> Result<Formats, FormatError> {
        let locale = Locale::try_from_str(locale).unwrap_or(Locale::UNKNOWN);
        let err = |what| {
            let lang = lang.to_string();
            move |source| FormatError { lang, what, source }
        };
        Ok(Formats {
            decimal: DecimalFormatter::try_new(locale.clone().into(), Default::default())
                .map_err(err("numbers"))?,
            percent: PercentFormatter::try_new(locale.clone().into(), Default::default())
                .map_err(err("percentages"))?,
            date: DateTimeFormatter::try_new(locale.clone().into(), YMD::long()).map_err(|e| {
                FormatError {
                    lang: lang.to_string(),
                    what: "dates",
                    source: datetime_error(e),
                }
            })?,
            month: DateTimeFormatter::try_new(locale.clone().into(), YM::long()).map_err(|e| {
                FormatError {
                    lang: lang.to_string(),
                    what: "months",
                    source: datetime_error(e),
                }
            })?,
            plurals: PluralRules::try_new_cardinal(locale.clone().into())
                .map_err(err("plurals"))?,
            names: super::names::Names::new(&locale).map_err(err("country and language names"))?,
            duration: std::sync::OnceLock::new(),
            locale,
            money: Mutex::new(HashMap::new()),
        })
    }

    /// The CLDR locale these formats follow, as a BCP 47 tag (`en-GB`).
    pub fn locale(&self) -> String {
        self.locale.to_string()
    }

    /// A whole number: `515,839` / `515 839`.
    pub fn count(&self, n: u64) -> String {
        self.decimal.format(&Decimal::from(n)).to_string()
    }

    /// Any number, with up to `max_fraction` decimals and no trailing zeros.
    pub fn number(&self, x: f64, max_fraction: i16) -> String {
        self.decimal.format(&decimal(x, max_fraction)).to_string()
    }

    /// A share 0..1 as a percent with up to two decimals: `30.8%` / `30,8 %`.
    pub fn share(&self, x: f64) -> String {
        self.percent.format(&decimal(x * 100.0, 2)).to_string()
    }

    /// A relative change with its sign: `+177%` / `+177 %`.
    pub fn change(&self, x: f64) -> String {
        let d = decimal(x * 100.0, 2).with_sign_display(SignDisplay::ExceptZero);
        self.percent.format(&d).to_string()
    }

    /// Money exactly: `£844,000` / `844 000 £`, with minor units only when
    /// the amount has them (`£12,500.50`). A funder reading a budget wants
    /// the amount, so this is how money is shown unless a figure asks for
    /// [`Formats::money_compact`].
    ///
    /// ICU4X's currency formatter always pads to the currency's minor units
    /// (`£844,000.00`); for a whole amount its number part, which is the
    /// locale's decimal format of the padded amount, is swapped for the
    /// decimal format of the whole amount, keeping CLDR's symbol, its place
    /// and its spacing. Should the number part not be found (no CLDR
    /// locale does this), the padded form is kept: exact either way.
    pub fn money(&self, amount: f64, currency: Currency) -> String {
        let Some(f) = self.money_formats(currency) else {
            return format!("{} {}", self.number(amount, 2), currency.as_str());
        };
        let exact = decimal(amount, 2);
        let full = f.full.format_fixed_decimal(&exact).to_string();
        let cents = (amount * 100.0).round() as i64;
        if cents % 100 != 0 {
            return full;
        }
        let mut padded = exact.clone();
        padded.absolute.pad_end(-2);
        let padded_text = self.decimal.format(&padded).to_string();
        let whole_text = self.decimal.format(&decimal(amount, 0)).to_string();
        match full.find(&padded_text) {
            Some(i) if padded_text != whole_text => format!(
                "{}{whole_text}{}",
                &full[..i],
                &full[i + padded_text.len()..]
            ),
            _ => full,
        }
    }

    /// A money figure as its figure asks: exact, or in short when it is
    /// declared `compact` and is a million or more (below that the short
    /// form hides thousands a reader may need: `€12K` for €12,500).
    pub fn money_figure(&self, amount: f64, currency: Currency, compact: bool) -> String {
        if compact && amount >= COMPACT_FROM {
            self.money_compact(amount, currency)
        } else {
            self.money(amount, currency)
        }
    }

    /// Money in short: `£844K` / `844 tūkst. £`.
    pub fn money_compact(&self, amount: f64, currency: Currency) -> String {
        match self.money_formats(currency) {
            Some(f) => f
                .compact
                .format_fixed_decimal(&decimal(amount, 0))
                .to_string(),
            None => format!("{} {}", self.number(amount, 0), currency.as_str()),
        }
    }

    /// The formatters for `currency`, built on first use; `None` when CLDR
    /// has no data for it (the amount is then shown with the ISO code).
    fn money_formats(&self, currency: Currency) -> Option<Arc<MoneyFormats>> {
        // A poisoned lock only means another thread panicked mid-insert;
        // the map itself is still usable.
        let mut cache = self.money.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(f) = cache.get(&currency) {
            return Some(f.clone());
        }
        let code = CurrencyType::try_from_str(currency.as_str()).ok()?;
        let full =
            CurrencyFormatter::try_new_symbol(self.locale.clone().into(), code, Default::default())
                .ok()?;
        let compact = CurrencyFormatter::try_new_compact_symbol(
            self.locale.clone().into(),
            code,
            Default::default(),
        )
        .ok()?;
        let f = Arc::new(MoneyFormats { full, compact });
        cache.insert(currency, f.clone());
        Some(f)
    }

    /// A metric value by its kind; money exact unless the figure is
    /// declared compact (see [`Formats::money_figure`]).
    pub fn value(&self, v: &Value) -> String {
        match *v {
            Value::Count(n) => self.count(n),
            Value::Share(x) => self.share(x),
            Value::Change(x) => self.change(x),
            Value::Money {
                amount,
                currency,
                compact,
            } => self.money_figure(amount, currency, compact),
            Value::Duration { seconds } => self.duration(seconds),
        }
    }

    /// A length of time split into days, hours, minutes and seconds by us
    /// and written by CLDR's short unit patterns: `1 min, 53 sec` /
    /// `1 min. 53 sek.`. Units that are zero are left out. Each number is
    /// held to its unit by a no-break space, as CLDR holds a number to its
    /// `%` and group separators: a line may break between units, never
    /// between `1` and `min.`.
    pub fn duration(&self, seconds: u64) -> String {
        let formatter = self.duration.get_or_init(|| {
            let units = duration_formatter(&self.locale, false).ok()?;
            Some([units, duration_formatter(&self.locale, true).ok()?])
        });
        let Some([units, zero]) = formatter else {
            // No CLDR duration data for this locale: seconds as a number
            // (CLDR covers every language a site can have; never seen).
            return self.count(seconds);
        };
        let d = icu_experimental::duration::Duration {
            days: seconds / 86_400,
            hours: seconds % 86_400 / 3_600,
            minutes: seconds % 3_600 / 60,
            seconds: seconds % 60,
            ..Default::default()
        };
        let text = match seconds {
            0 => zero.format(&d).to_string(),
            _ => units.format(&d).to_string(),
        };
        bind_numbers(&text, Bind::ToTheUnitAfter)
    }

    /// CLDR's country and language names in this language.
    pub fn names(&self) -> &super::names::Names {
        &self.names
    }

    /// A day: `1 July 2019` / `2019 m. liepos 1 d.`, each number held to
    /// the words either side of it by no-break spaces (`2019 m.`,
    /// `liepos 1 d.`, `1 July 2019`): a line may break only after `m.`.
    pub fn date(&self, d: Date) -> String {
        match icu_date(d) {
            Some(date) => bind_numbers(&self.date.format(&date).to_string(), Bind::BothSides),
            None => d.to_string(),
        }
    }

    /// A month: `July 2019` / `2019 m. liepa`, the year held to `m.` by a
    /// no-break space.
    pub fn month(&self, d: Date) -> String {
        match icu_date(d) {
            Some(date) => bind_numbers(&self.month.format(&date).to_string(), Bind::BothSides),
            None => d.to_string(),
        }
    }

    /// The CLDR plural category of `x` (`one`, `few`, `many`, `other`, …),
    /// as Fluent variant keys spell them.
    pub fn plural_category(&self, x: f64) -> &'static str {
        category_name(self.plurals.category_for(&decimal(x, 6)))
    }

    /// Every plural category the language has (`one`, `few`, `many`,
    /// `other` in Lithuanian; `one`, `other` in English), in CLDR order.
    pub fn plural_categories(&self) -> Vec<&'static str> {
        self.plurals.categories().map(category_name).collect()
    }

    /// A few numbers that take `category`, for a help line that says what
    /// a missing form is used for: "2, 3, 4" for Lithuanian `few`.
    pub fn plural_examples(&self, category: &str) -> Vec<String> {
        let whole = (0..200u32).map(f64::from);
        let fractions = [0.5, 1.5, 2.5, 10.5];
        whole
            .chain(fractions)
            .filter(|x| self.plural_category(*x) == category)
            .take(3)
            .map(|x| self.number(x, 1))
            .collect()
    }
}

/// The smallest amount shown in short form, even where a figure asks for it.
pub const COMPACT_FROM: f64 = 1_000_000.0;

/// A value with its qualifier as plain text is built by Fluent messages
/// (`qualifier-at-least = at least { $value }`); this says which message.
pub fn qualifier_message(q: Qualifier) -> &'static str {
    match q {
        Qualifier::AtLeast => "qualifier-at-least",
        Qualifier::About => "qualifier-about",
    }
}

/// Which spaces next to a number [`bind_numbers`] makes no-break.
#[derive(Clone, Copy, PartialEq)]
enum Bind {
    /// The one after it: `1 min, 53 sec` may break after the comma.
    ToTheUnitAfter,
    /// Both: `liepos 1 d.` stays on one line.
    BothSides,
}

/// `text` with the spaces next to its digits made no-break spaces (CLDR's
/// duration and date patterns put ordinary ones between a number and its
/// unit: `1 min`, `2019 m.`, `1 d.`), so that a line never breaks there.
fn bind_numbers(text: &str, bind: Bind) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    let mut chars = text.chars().peekable();
    let mut after_digit = false;
    while let Some(c) = chars.next() {
        let before_digit = chars.peek().is_some_and(char::is_ascii_digit);
        out.push(match c {
            ' ' if after_digit || (bind == Bind::BothSides && before_digit) => '\u{a0}',
            c => c,
        });
        after_digit = c.is_ascii_digit();
    }
    out
}

fn category_name(c: PluralCategory) -> &'static str {
    match c {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

/// CLDR's short duration style (`1 min, 53 sec`), units that are zero
/// left out (seconds shown always when `zero_seconds`, for `0 sec`).
fn duration_formatter(
    locale: &Locale,
    zero_seconds: bool,
) -> Result<icu_experimental::duration::DurationFormatter, icu_provider::DataError> {
    use icu_experimental::duration::options::{BaseStyle, DurationFormatterOptions, FieldDisplay};
    use icu_experimental::duration::{DurationFormatter, ValidatedDurationFormatterOptions};
    let mut options = DurationFormatterOptions::default();
    options.base = BaseStyle::Short;
    if zero_seconds {
        options.second_visibility = Some(FieldDisplay::Always);
    }
    let options = ValidatedDurationFormatterOptions::validate(options)
        .map_err(|_| icu_provider::DataErrorKind::InvalidRequest.into_error())?;
    DurationFormatter::try_new(locale.clone().into(), options)
}

fn icu_date(d: Date) -> Option<IcuDate<Iso>> {
    IcuDate::try_new_iso(d.year, d.month, d.day).ok()
}

fn datetime_error(e: icu_datetime::DateTimeFormatterLoadError) -> icu_provider::DataError {
    match e {
        icu_datetime::DateTimeFormatterLoadError::Data(d) => d,
        _ => icu_provider::DataErrorKind::InvalidRequest.into_error(),
    }
}

/// `x` as an ICU decimal rounded to `max_fraction` places, trailing zeros
/// removed (so 0.92 is "92 %", not "92.00 %").
fn decimal(x: f64, max_fraction: i16) -> Decimal {
    let text = format!("{:.*}", max_fraction.max(0) as usize, x);
    let mut d = Decimal::try_from_str(&text).unwrap_or_default();
    d.absolute.trim_end();
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lt() -> Formats {
        Formats::new(&Lang::parse("lt").unwrap()).unwrap()
    }
    fn en() -> Formats {
        Formats::new(&Lang::parse("en").unwrap()).unwrap()
    }

    #[test]
    fn lithuanian_numbers_use_nbsp_groups_and_decimal_comma() {
        assert_eq!(lt().count(515_839), "515\u{a0}839");
        assert_eq!(en().count(515_839), "515,839");
        assert_eq!(lt().number(1.5, 2), "1,5");
    }

    #[test]
    fn lithuanian_percent_has_space_before_sign() {
        assert_eq!(lt().share(0.308), "30,8\u{a0}%");
        assert_eq!(en().share(0.308), "30.8%");
        assert_eq!(en().share(0.92), "92%");
        assert_eq!(en().share(0.0309), "3.09%");
    }

    #[test]
    fn change_shows_its_sign() {
        assert_eq!(en().change(1.77), "+177%");
        assert_eq!(lt().change(34.49), "+3\u{a0}449\u{a0}%");
        assert_eq!(en().change(-0.1), "-10%");
    }

    #[test]
    fn money_short_and_full() {
        let gbp = Currency::parse("GBP").unwrap();
        assert_eq!(en().money_compact(844_000.0, gbp), "£844K");
        assert_eq!(lt().money_compact(844_000.0, gbp), "844\u{a0}tūkst.\u{a0}£");
        assert_eq!(en().money(844_000.0, gbp), "£844,000");
    }

    /// Money is exact: minor units only when the amount has them.
    #[test]
    fn money_is_exact_in_every_language() {
        let eur = Currency::parse("EUR").unwrap();
        assert_eq!(en().money(12_500.0, eur), "€12,500");
        assert_eq!(lt().money(12_500.0, eur), "12\u{a0}500\u{a0}€");
        assert_eq!(en().money(12_500.5, eur), "€12,500.50");
        assert_eq!(lt().money(12_500.5, eur), "12\u{a0}500,50\u{a0}€");
        assert_eq!(en().money(0.0, eur), "€0");
        let jpy = Currency::parse("JPY").unwrap();
        assert_eq!(en().money(1_500.0, jpy), "¥1,500");
    }

    #[test]
    fn money_figures_are_short_only_when_asked_and_large() {
        let eur = Currency::parse("EUR").unwrap();
        let v = |amount, compact| Value::Money {
            amount,
            currency: eur,
            compact,
        };
        assert_eq!(en().value(&v(12_500.0, false)), "€12,500");
        assert_eq!(en().value(&v(12_500.0, true)), "€12,500");
        assert_eq!(en().value(&v(999_999.0, true)), "€999,999");
        assert_eq!(en().value(&v(2_400_000.0, false)), "€2,400,000");
        assert_eq!(en().value(&v(2_400_000.0, true)), "€2.4M");
        assert_eq!(lt().value(&v(2_400_000.0, true)), "2,4\u{a0}mln.\u{a0}€");
    }

    #[test]
    fn british_english_dates_put_the_day_first() {
        let gb = Formats::with_locale(&Lang::parse("en").unwrap(), "en-GB").unwrap();
        let d = Date::parse("2019-07-01").unwrap();
        assert_eq!(gb.date(d), "1\u{a0}July\u{a0}2019");
        assert_eq!(gb.count(515_839), "515,839");
    }

    #[test]
    fn lithuanian_dates() {
        let d = Date::parse("2019-07-01").unwrap();
        assert_eq!(lt().date(d), "2019\u{a0}m. liepos\u{a0}1\u{a0}d.");
        assert_eq!(lt().month(d), "2019\u{a0}m. liepa");
        assert_eq!(en().date(d), "July\u{a0}1,\u{a0}2019");
    }

    #[test]
    fn durations_by_cldr_in_each_language() {
        assert_eq!(en().duration(113), "1\u{a0}min, 53\u{a0}sec");
        assert_eq!(lt().duration(113), "1\u{a0}min. 53\u{a0}sek.");
        assert_eq!(
            en().duration(3_600 * 26 + 5),
            "1\u{a0}day, 2\u{a0}hr, 5\u{a0}sec"
        );
        assert_eq!(en().duration(0), "0\u{a0}sec");
    }

    /// fluent-bundle's bundled rules get these wrong; ours must not.
    #[test]
    fn lithuanian_plural_categories_follow_cldr() {
        let f = lt();
        let cases = [
            (1.0, "one"),
            (2.0, "few"),
            (10.0, "other"),
            (11.0, "other"),
            (21.0, "one"),
            (22.0, "few"),
            (25.0, "few"),
            (102.0, "few"),
            (111.0, "other"),
            (1.5, "many"),
            (2.5, "many"),
            (0.0, "other"),
        ];
        for (n, cat) in cases {
            assert_eq!(f.plural_category(n), cat, "{n}");
        }
    }

    #[test]
    fn categories_of_each_language() {
        assert_eq!(lt().plural_categories(), ["one", "few", "many", "other"]);
        assert_eq!(en().plural_categories(), ["one", "other"]);
        assert_eq!(lt().plural_examples("few"), ["2", "3", "4"]);
        assert_eq!(lt().plural_examples("many"), ["0,5", "1,5", "2,5"]);
    }
}
