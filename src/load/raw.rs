//! The YAML files as written, before checking: plain structs with a
//! [`Spanned`] location on every value a later message may point at.
//! Unknown fields are rejected here, so a typo names its line.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::model::{ChartKind, ChartUnit, Qualifier};

/// A YAML mapping whose order is kept (for metrics, written in the order the
/// author wants them shown) and whose keys keep their location.
#[derive(Debug)]
pub struct Ordered<V>(pub Vec<(Spanned<String>, V)>);

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Ordered<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V2<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for V2<V> {
            type Value = Ordered<V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping of `key: value` lines")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(k) = map.next_key::<Spanned<String>>()? {
                    out.push((k, map.next_value()?));
                }
                Ok(Ordered(out))
            }
        }
        d.deserialize_map(V2(PhantomData))
    }
}

/// `{ en: "…", lt: "…" }`.
pub type RawLangMap = Spanned<Ordered<Spanned<String>>>;

/// A metric value as written: the kind follows from the YAML.
#[derive(Debug, Clone, Copy)]
pub enum RawValue {
    /// A whole number (may be negative here; the checker rejects that).
    Int(i64),
    /// A number with a decimal point.
    Float(f64),
    /// `{ amount, currency }`.
    Money {
        /// Amount.
        amount: f64,
        /// Currency code as written (checked later).
        currency: [u8; 8],
        /// Length of the code.
        len: usize,
    },
    /// `{ change: 1.77 }`.
    Change(f64),
}

impl<'de> Deserialize<'de> for RawValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RawValueVisitor)
    }
}

struct RawValueVisitor;

impl<'de> Visitor<'de> for RawValueVisitor {
    type Value = RawValue;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(
            "a number (a count like 11972, or a share like 0.92), \
             `{ amount: 844000, currency: GBP }` or `{ change: 1.77 }`",
        )
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawValue, E> {
        Ok(RawValue::Int(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawValue, E> {
        i64::try_from(v)
            .map(RawValue::Int)
            .map_err(|_| E::custom("this number is too large"))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawValue, E> {
        if v.is_finite() {
            Ok(RawValue::Float(v))
        } else {
            Err(E::custom("a value must be a finite number"))
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<RawValue, E> {
        Err(E::custom(format!(
            "expected a number, found the text \"{v}\" (write numbers without quotes, \
             separators or % signs: 11972, 0.308)"
        )))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawValue, A::Error> {
        let (mut amount, mut currency, mut change) = (None, None::<String>, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "amount" => amount = Some(map.next_value::<f64>()?),
                "currency" => currency = Some(map.next_value()?),
                "change" => change = Some(map.next_value::<f64>()?),
                other => {
                    return Err(de::Error::custom(format!(
                        "unknown field `{other}` in a value; a value map has either \
                         `amount` and `currency` (money) or `change`"
                    )))
                }
            }
        }
        match (amount, currency, change) {
            (Some(amount), Some(code), None) => {
                let mut buf = [0u8; 8];
                let len = code.len().min(8);
                buf[..len].copy_from_slice(&code.as_bytes()[..len]);
                Ok(RawValue::Money {
                    amount,
                    currency: buf,
                    len: code.len(),
                })
            }
            (None, None, Some(c)) => Ok(RawValue::Change(c)),
            (Some(_), None, None) => Err(de::Error::custom(
                "money needs a currency: `{ amount: 844000, currency: GBP }`",
            )),
            _ => Err(de::Error::custom(
                "a value map is either `{ amount: 844000, currency: GBP }` or `{ change: 1.77 }`",
            )),
        }
    }
}

/// `period: { start: 2019-01-01, end: 2020-08-31 }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPeriod {
    /// First day.
    pub start: Spanned<String>,
    /// Last day.
    pub end: Spanned<String>,
}

/// `content/site.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSite {
    pub title: RawLangMap,
    #[serde(default)]
    pub description: Option<RawLangMap>,
    pub languages: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    pub base_url: Option<Spanned<String>>,
    pub organisation: RawOrganisation,
    #[serde(default)]
    pub theme: Option<Spanned<String>>,
    #[serde(default)]
    pub allow_raw_html: bool,
}

/// An organisation: the publisher or a partner.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOrganisation {
    pub name: Spanned<String>,
    #[serde(default)]
    pub url: Option<Spanned<String>>,
}

/// A headline figure or a result.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFigure {
    pub metric: Spanned<String>,
    #[serde(default)]
    pub audience: Option<Spanned<String>>,
    pub value: Spanned<RawValue>,
    #[serde(default)]
    pub qualifier: Option<Spanned<Qualifier>>,
}

/// `finances:` of a report.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFinances {
    pub period: RawPeriod,
    pub currency: Spanned<String>,
    pub income: Spanned<f64>,
    pub expenditure: Spanned<f64>,
}

/// `content/reports/<slug>/report.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReport {
    pub title: RawLangMap,
    pub period: RawPeriod,
    pub summary: RawLangMap,
    #[serde(default)]
    pub headline: Vec<RawFigure>,
    #[serde(default)]
    pub campaigns: Vec<Spanned<String>>,
    #[serde(default)]
    pub finances: Option<RawFinances>,
}

/// An audience of a campaign.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAudience {
    pub id: Spanned<String>,
    pub name: RawLangMap,
    #[serde(default)]
    pub metrics: Option<Ordered<Spanned<RawValue>>>,
}

/// A quote.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuote {
    pub text: RawLangMap,
    pub who: RawLangMap,
}

/// A declared chart.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChart {
    pub id: Spanned<String>,
    pub kind: Spanned<ChartKind>,
    pub title: RawLangMap,
    #[serde(default = "default_unit")]
    pub unit: Spanned<ChartUnit>,
    pub data: Vec<RawDatum>,
}

fn default_unit() -> Spanned<ChartUnit> {
    Spanned::new(
        ChartUnit::Count,
        serde_saphyr::Location::UNKNOWN,
        serde_saphyr::Location::UNKNOWN,
    )
}

/// A labelled value of a declared chart.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDatum {
    pub label: RawLangMap,
    pub value: Spanned<f64>,
}

/// `content/campaigns/<slug>/campaign.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCampaign {
    pub name: RawLangMap,
    pub summary: RawLangMap,
    pub period: RawPeriod,
    #[serde(default)]
    pub countries: Vec<Spanned<String>>,
    #[serde(default)]
    pub languages: Vec<Spanned<String>>,
    #[serde(default)]
    pub partners: Vec<RawOrganisation>,
    #[serde(default)]
    pub audiences: Vec<RawAudience>,
    #[serde(default)]
    pub results: Vec<RawFigure>,
    #[serde(default)]
    pub quotes: Vec<RawQuote>,
    #[serde(default)]
    pub charts: Vec<RawChart>,
}

/// Front matter of a Markdown file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFrontMatter {
    #[serde(default)]
    pub title: Option<Spanned<String>>,
    #[serde(default)]
    pub weight: Option<i64>,
}
