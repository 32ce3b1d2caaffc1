//! Every figure's value against the kind its metric key declares: a share
//! written `87` is an error at its line with "write 0.87 for 87 %", never a
//! page that says "87 of pupils".

use crate::diagnostics::Diagnostic;
use crate::model::{Figure, SourceMap, Span, Value, ValueKind};

/// The problem with `f`'s value, if it is not a value of `kind` (declared
/// at `declared`) or is out of that kind's range.
pub fn check(
    f: &Figure,
    kind: ValueKind,
    declared: Span,
    sources: &SourceMap,
) -> Option<Diagnostic> {
    let at = format!("{}:{}", sources.name(declared.file), declared.line);
    let key = &f.metric;
    let written = written(&f.value);
    let wrong_kind = |help: String| {
        Some(
            Diagnostic::error(
                f.value_span,
                format!("`{written}` is not {kind}: `{key}` is declared {kind} ({at})"),
            )
            .help(help),
        )
    };
    match (kind, f.value) {
        (ValueKind::Count, Value::Count(_))
        | (ValueKind::Money, Value::Money { .. })
        | (ValueKind::Change, Value::Change(_))
        | (ValueKind::Duration, Value::Duration { .. }) => None,
        (ValueKind::Share, Value::Share(x)) if (0.0..=1.0).contains(&x) => None,
        (ValueKind::Share, Value::Share(x)) => {
            let help = if x > 1.0 && x <= 100.0 {
                format!(
                    "shares are fractions: write {} for {} %",
                    trim_float(x / 100.0),
                    trim_float(x)
                )
            } else {
                "shares are fractions from 0 to 1: write 0.92 for 92 %".to_string()
            };
            Some(
                Diagnostic::error(
                    f.value_span,
                    format!("a share must be between 0 and 1 (found {written})"),
                )
                .help(help),
            )
        }
        (ValueKind::Share, Value::Count(n)) => wrong_kind(match n {
            0 => "shares are fractions: write 0.0 for 0 %".to_string(),
            1 => "shares are fractions: write 0.01 for 1 %, or 1.0 for 100 %".to_string(),
            2..=100 => format!("shares are fractions: write {} for {n} %", trim_float(n as f64 / 100.0)),
            _ => format!("shares are fractions from 0 to 1 (0.87 is 87 %); if {n} is how many, it needs a metric key of its own, declared `.kind = count`"),
        }),
        (ValueKind::Count, Value::Share(x)) if x.fract() == 0.0 && x >= 0.0 => {
            wrong_kind(format!("write {} without the decimal point", x as u64))
        }
        (ValueKind::Count, Value::Share(_)) => wrong_kind(
            "a count is a whole number, e.g. 11972; if this figure is a share, it needs a metric key of its own, declared `.kind = share`".to_string(),
        ),
        (ValueKind::Money, Value::Count(_) | Value::Share(_)) => wrong_kind(format!(
            "write money with its currency: `{{ amount: {written}, currency: EUR }}` (GBP, EUR, USD …)"
        )),
        (ValueKind::Change, Value::Count(_) | Value::Share(_)) => wrong_kind(format!(
            "write a change as `{{ change: 0.12 }}` for +12 % (or -0.12 for a fall); {written} as a change is `{{ change: {written} }}`"
        )),
        (ValueKind::Duration, Value::Count(n)) => wrong_kind(format!(
            "write a duration in whole seconds: `{{ seconds: {n} }}` ({n} seconds)"
        )),
        (_, _) => wrong_kind(format!("write {}", kind.how_written())),
    }
}

/// The value as the author wrote it, for messages.
fn written(v: &Value) -> String {
    match *v {
        Value::Count(n) => n.to_string(),
        Value::Share(x) => trim_float(x),
        Value::Change(x) => format!("{{ change: {} }}", trim_float(x)),
        Value::Duration { seconds } => format!("{{ seconds: {seconds} }}"),
        Value::Money {
            amount, currency, ..
        } => format!(
            "{{ amount: {}, currency: {} }}",
            trim_float(amount),
            currency.as_str()
        ),
    }
}

/// `x` with up to six decimals and no trailing zeros (`0.875`, `87.5`).
fn trim_float(x: f64) -> String {
    let s = format!("{x:.6}");
    let s = s.trim_end_matches('0');
    match s.strip_suffix('.') {
        Some(whole) => format!("{whole}.0"),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Currency, FileId};

    fn figure(value: Value) -> Figure {
        Figure {
            metric: "found_helpful".into(),
            value,
            qualifier: None,
            audience: None,
            span: Span::at(FileId(0), 3, 5),
            value_span: Span::at(FileId(0), 3, 20),
            stand_in: false,
        }
    }

    fn problem(kind: ValueKind, value: Value) -> Option<Diagnostic> {
        let mut sources = SourceMap::default();
        let file = sources.add("locales/en/site.ftl".into(), String::new());
        check(&figure(value), kind, Span::at(file, 4, 5), &sources)
    }

    #[test]
    fn share_written_as_a_whole_percent_says_how_to_write_it() {
        let d = problem(ValueKind::Share, Value::Count(87)).unwrap();
        assert_eq!(
            d.message,
            "`87` is not a share: `found_helpful` is declared a share (locales/en/site.ftl:4)"
        );
        assert_eq!(
            d.help.as_deref(),
            Some("shares are fractions: write 0.87 for 87 %")
        );
        assert_eq!(d.span.map(|s| (s.line, s.col)), Some((3, 20)));
    }

    #[test]
    fn share_above_one_with_a_decimal_point() {
        let d = problem(ValueKind::Share, Value::Share(87.5)).unwrap();
        assert_eq!(d.message, "a share must be between 0 and 1 (found 87.5)");
        assert_eq!(
            d.help.as_deref(),
            Some("shares are fractions: write 0.875 for 87.5 %")
        );
    }

    #[test]
    fn values_of_their_kind_pass() {
        let eur = Currency::parse("EUR").unwrap();
        assert!(problem(ValueKind::Share, Value::Share(0.87)).is_none());
        assert!(problem(ValueKind::Count, Value::Count(87)).is_none());
        assert!(problem(ValueKind::Change, Value::Change(-0.1)).is_none());
        let money = Value::Money {
            amount: 12_500.0,
            currency: eur,
            compact: false,
        };
        assert!(problem(ValueKind::Money, money).is_none());
        let time = Value::Duration { seconds: 113 };
        assert!(problem(ValueKind::Duration, time).is_none());
    }

    #[test]
    fn other_kinds_say_how_they_are_written() {
        let d = problem(ValueKind::Count, Value::Share(0.5)).unwrap();
        assert!(d.message.contains("`0.5` is not a count"), "{d:?}");
        let d = problem(ValueKind::Count, Value::Share(12.0)).unwrap();
        assert_eq!(
            d.help.as_deref(),
            Some("write 12 without the decimal point")
        );
        let d = problem(ValueKind::Money, Value::Count(12500)).unwrap();
        assert!(d.help.unwrap().contains("{ amount: 12500, currency: EUR }"));
        let d = problem(ValueKind::Change, Value::Share(0.12)).unwrap();
        assert!(d.help.unwrap().contains("{ change: 0.12 }"));
    }

    #[test]
    fn a_duration_is_declared_and_checked_like_the_other_kinds() {
        let d = problem(ValueKind::Duration, Value::Count(113)).unwrap();
        assert!(d.message.contains("`113` is not a duration"), "{d:?}");
        assert_eq!(
            d.help.as_deref(),
            Some("write a duration in whole seconds: `{ seconds: 113 }` (113 seconds)")
        );
        let d = problem(ValueKind::Count, Value::Duration { seconds: 113 }).unwrap();
        assert!(
            d.message.contains("`{ seconds: 113 }` is not a count"),
            "{d:?}"
        );
        let d = problem(ValueKind::Duration, Value::Share(0.5)).unwrap();
        assert!(d.help.unwrap().contains("{ seconds: 113 }"));
    }
}
