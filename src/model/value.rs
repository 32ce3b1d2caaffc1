//! Metric values, whose kind decides how they are formatted.

use std::fmt;

/// A metric value, as written in YAML: an integer is read as a count, a
/// number with a decimal point as a share, a map with `amount` and
/// `currency` as money, a map with `change` as a relative change, a map
/// with `seconds` as a duration. What a key's values must be is declared
/// once, with its label (`.kind` on `metric-<key>` in the default
/// language's `.ftl`); `validate` checks each value against that
/// declaration and its kind's range, so a share written `87` is an error
/// rather than a count of 87.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    /// How many of something; never negative.
    Count(u64),
    /// A fraction in 0..=1, shown as a percent.
    Share(f64),
    /// An amount of money.
    Money {
        /// The amount, in the currency's main unit.
        amount: f64,
        /// ISO 4217 code.
        currency: Currency,
        /// Shown in short (`€1.2M`) where the figure asks for it
        /// (`compact: true`) and the amount is a million or more; exact
        /// everywhere else.
        compact: bool,
    },
    /// A relative change: 1.77 is "+177 %".
    Change(f64),
    /// A length of time in whole seconds, shown in units by CLDR rules
    /// ("1 min, 53 sec" / "1 min. 53 sek.").
    Duration {
        /// The length of time.
        seconds: u64,
    },
}

/// The kind of a [`Value`], as a metric key declares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ValueKind {
    /// [`Value::Count`].
    Count,
    /// [`Value::Share`].
    Share,
    /// [`Value::Money`].
    Money,
    /// [`Value::Change`].
    Change,
    /// [`Value::Duration`].
    Duration,
}

/// Every kind by the name a `.kind` attribute gives it. Adding a kind is one
/// line here (and its arm in the `match`es the compiler then asks for).
pub const KIND_NAMES: &[(&str, ValueKind)] = &[
    ("count", ValueKind::Count),
    ("share", ValueKind::Share),
    ("money", ValueKind::Money),
    ("change", ValueKind::Change),
    ("duration", ValueKind::Duration),
];

impl ValueKind {
    /// The kind a `.kind` attribute names (`count`, `share`, …).
    pub fn from_name(name: &str) -> Option<ValueKind> {
        KIND_NAMES
            .iter()
            .find(|(n, _)| *n == name.trim())
            .map(|(_, k)| *k)
    }

    /// The name a `.kind` attribute gives this kind.
    pub fn name(self) -> &'static str {
        KIND_NAMES
            .iter()
            .find(|(_, k)| *k == self)
            .map(|(n, _)| *n)
            .unwrap_or("count")
    }

    /// The names of every kind, for messages: "count, share, money or change".
    pub fn names() -> String {
        let names: Vec<&str> = KIND_NAMES.iter().map(|(n, _)| *n).collect();
        match names.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
            _ => names.join(""),
        }
    }

    /// How a value of this kind is written, for the help line of a value
    /// of the wrong kind.
    pub fn how_written(self) -> &'static str {
        match self {
            ValueKind::Count => "a whole number, e.g. 11972",
            ValueKind::Share => "a fraction from 0 to 1, e.g. 0.87 for 87 %",
            ValueKind::Money => "`{ amount: 12500, currency: EUR }`",
            ValueKind::Change => "`{ change: 0.12 }` for +12 % (or -0.12 for a fall)",
            ValueKind::Duration => "`{ seconds: 113 }` for 1 min 53 s (whole seconds)",
        }
    }
}

impl Value {
    /// The value's kind.
    pub fn kind(&self) -> ValueKind {
        match self {
            Value::Count(_) => ValueKind::Count,
            Value::Share(_) => ValueKind::Share,
            Value::Money { .. } => ValueKind::Money,
            Value::Change(_) => ValueKind::Change,
            Value::Duration { .. } => ValueKind::Duration,
        }
    }

    /// The value as a plain number (for charts and counts in messages).
    pub fn as_f64(&self) -> f64 {
        match *self {
            Value::Count(n) => n as f64,
            Value::Share(x) | Value::Change(x) => x,
            Value::Money { amount, .. } => amount,
            Value::Duration { seconds } => seconds as f64,
        }
    }
}

impl fmt::Display for ValueKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ValueKind::Count => "a count",
            ValueKind::Share => "a share",
            ValueKind::Money => "money",
            ValueKind::Change => "a change",
            ValueKind::Duration => "a duration",
        })
    }
}

/// How sure a figure is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, serde::Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// "1,971,352+": at least this many.
    AtLeast,
    /// "~50%": approximately.
    About,
}

/// An ISO 4217 currency code (three upper-case letters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency([u8; 3]);

impl Currency {
    /// Parses a three-letter upper-case code.
    pub fn parse(code: &str) -> Option<Currency> {
        let b = code.as_bytes();
        if b.len() == 3 && b.iter().all(|c| c.is_ascii_uppercase()) {
            Some(Currency([b[0], b[1], b[2]]))
        } else {
            None
        }
    }

    /// The code, e.g. `"GBP"`.
    pub fn as_str(&self) -> &str {
        // Only ASCII upper-case letters are ever stored, so this never
        // falls back; if it did, `XXX` is ISO 4217's "no currency" code.
        std::str::from_utf8(&self.0).unwrap_or("XXX")
    }
}

/// A calendar day (ISO), checked to exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month 1–12.
    pub month: u8,
    /// Day 1–31.
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD`, rejecting days that do not exist.
    pub fn parse(s: &str) -> Option<Date> {
        let mut it = s.trim().splitn(3, '-');
        let (y, m, d) = (it.next()?, it.next()?, it.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let date = Date {
            year: y.parse().ok()?,
            month: m.parse().ok()?,
            day: d.parse().ok()?,
        };
        let days = match date.month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if date.year % 4 == 0 && (date.year % 100 != 0 || date.year % 400 == 0) => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days).contains(&date.day).then_some(date)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_rejects_days_that_do_not_exist() {
        assert!(Date::parse("2019-07-01").is_some());
        assert!(Date::parse("2020-02-29").is_some());
        assert!(Date::parse("2019-02-29").is_none());
        assert!(Date::parse("2019-13-01").is_none());
        assert!(Date::parse("19-7-1").is_none());
    }

    #[test]
    fn kinds_are_named_once() {
        for (name, kind) in KIND_NAMES {
            assert_eq!(ValueKind::from_name(name), Some(*kind));
            assert_eq!(kind.name(), *name);
        }
        assert_eq!(ValueKind::from_name(" share "), Some(ValueKind::Share));
        assert_eq!(ValueKind::from_name("percent"), None);
        assert_eq!(
            ValueKind::names(),
            "count, share, money, change or duration"
        );
    }

    #[test]
    fn currency_is_three_upper_case_letters() {
        assert_eq!(
            Currency::parse("GBP").map(|c| c.as_str().to_string()),
            Some("GBP".into())
        );
        assert!(Currency::parse("gbp").is_none());
        assert!(Currency::parse("POUND").is_none());
    }
}
