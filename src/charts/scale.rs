//! The value axis: a range that starts at zero, round tick values, and the
//! mapping from values to pixels.
//!
//! Bars always start at zero (a bar from 400 to 500 would lie about the
//! ratio), shares always show the whole 0–100 % range, and counts never
//! get ticks between whole numbers.

use crate::model::ChartUnit;

/// A value range with its ticks.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Scale {
    /// The lowest value shown (the first tick).
    pub lo: f64,
    /// The highest value shown (the last tick).
    pub hi: f64,
    /// Tick values from `lo` to `hi`.
    pub ticks: Vec<f64>,
}

impl Scale {
    /// A range covering `values` and zero with about `target` intervals
    /// between round ticks (1, 2, 2.5 or 5 times a power of ten); `None`
    /// when the values are too large to step through.
    pub fn new(
        values: impl IntoIterator<Item = f64>,
        unit: ChartUnit,
        target: usize,
    ) -> Option<Scale> {
        let (mut lo, mut hi) = values
            .into_iter()
            .filter(|v| v.is_finite())
            .fold((0.0_f64, 0.0_f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
        if unit == ChartUnit::Share {
            hi = hi.max(1.0);
        }
        if hi - lo <= 0.0 {
            hi = 1.0;
        }
        if lo < 0.0 && hi <= 0.0 {
            hi = 0.0;
            lo = lo.min(-1.0);
        }
        let span = hi - lo;
        if !span.is_finite() {
            return None;
        }
        let (mantissa, exponent) = nice_step(span / target.max(1) as f64);
        let (mut mantissa, mut exponent) = (mantissa, exponent);
        if unit == ChartUnit::Count && step_value(1, mantissa, exponent) < 1.0 {
            (mantissa, exponent) = (1, 0);
        }
        let step = step_value(1, mantissa, exponent);
        let first = (lo / step).floor();
        let last = (hi / step).ceil();
        if !first.is_finite() || !last.is_finite() || last - first > 1000.0 {
            return None;
        }
        // At most a thousand ticks, so the casts cannot overflow.
        let ticks: Vec<f64> = (first as i64..=last as i64)
            .map(|k| step_value(k, mantissa, exponent))
            .collect();
        if ticks.iter().any(|t| !t.is_finite()) {
            return None;
        }
        Some(Scale {
            lo: *ticks.first()?,
            hi: *ticks.last()?,
            ticks,
        })
    }

    /// Where `v` falls between pixel `from` (at `lo`) and pixel `to` (at
    /// `hi`); values outside the range are clamped to it.
    pub fn map(&self, v: f64, from: f64, to: f64) -> f64 {
        let t = ((v - self.lo) / (self.hi - self.lo)).clamp(0.0, 1.0);
        if t.is_nan() {
            from
        } else {
            from + t * (to - from)
        }
    }
}

/// A round step near `raw` as mantissa (10, 20, 25, 50 or 100) times ten
/// to the exponent minus one, so steps like 0.2 stay exact in decimal.
fn nice_step(raw: f64) -> (i64, i32) {
    if !(raw.is_finite() && raw > 0.0) {
        return (10, 0);
    }
    let exponent = raw.log10().floor() as i32;
    let fraction = raw / 10f64.powi(exponent);
    let mantissa = if fraction <= 1.0 {
        10
    } else if fraction <= 2.0 {
        20
    } else if fraction <= 2.5 {
        25
    } else if fraction <= 5.0 {
        50
    } else {
        100
    };
    (mantissa, exponent - 1)
}

/// `k * mantissa * 10^exponent`, dividing by an exact power of ten for
/// small steps so 3 × 0.2 gives 0.6, not 0.6000000000000001.
fn step_value(k: i64, mantissa: i64, exponent: i32) -> f64 {
    let whole = k.saturating_mul(mantissa) as f64;
    if exponent < 0 {
        whole / 10f64.powi(-exponent)
    } else {
        whole * 10f64.powi(exponent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_get_round_whole_ticks_from_zero() {
        let s = Scale::new([23.0, 34.0], ChartUnit::Count, 5).unwrap();
        assert_eq!(s.ticks, vec![0.0, 10.0, 20.0, 30.0, 40.0]);
        let s = Scale::new([3.0], ChartUnit::Count, 5).unwrap();
        assert_eq!(s.ticks, vec![0.0, 1.0, 2.0, 3.0]);
    }

    #[test]
    fn shares_span_at_least_the_whole() {
        let s = Scale::new([0.206, 0.308], ChartUnit::Share, 5).unwrap();
        assert_eq!(s.ticks, vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        let s = Scale::new([1.77], ChartUnit::Share, 4).unwrap();
        assert_eq!(s.hi, 2.0);
    }

    #[test]
    fn all_zero_or_empty_still_has_a_range() {
        for values in [vec![], vec![0.0, 0.0], vec![f64::NAN]] {
            let s = Scale::new(values, ChartUnit::Count, 5).unwrap();
            assert_eq!((s.lo, s.hi), (0.0, 1.0));
        }
    }

    #[test]
    fn negative_values_extend_below_zero() {
        let s = Scale::new([-15.0, 40.0], ChartUnit::Money, 5).unwrap();
        assert!(s.lo <= -15.0 && s.hi >= 40.0 && s.ticks.contains(&0.0));
        let s = Scale::new([-3.0], ChartUnit::Count, 5).unwrap();
        assert_eq!((s.lo, s.hi), (-3.0, 0.0));
    }

    #[test]
    fn huge_values_give_a_range_or_an_error() {
        let s = Scale::new([1e300], ChartUnit::Money, 5).unwrap();
        assert!(s.hi >= 1e300 && s.hi.is_finite());
        assert!(Scale::new([f64::MAX], ChartUnit::Money, 5).is_none());
        assert!(Scale::new([f64::MAX, -f64::MAX], ChartUnit::Money, 5).is_none());
    }

    #[test]
    fn map_clamps_to_the_range() {
        let s = Scale::new([10.0], ChartUnit::Count, 5).unwrap();
        assert_eq!(s.map(5.0, 100.0, 0.0), 50.0);
        assert_eq!(s.map(-5.0, 100.0, 0.0), 100.0);
        assert_eq!(s.map(f64::NAN, 100.0, 0.0), 100.0);
    }
}
