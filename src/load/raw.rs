//! The YAML files as written, before checking: plain structs with a
//! [`Spanned`] location on every value a later message may point at.
//! Unknown fields are rejected here, so a typo names its line. The same
//! types generate the JSON Schema (`impact schema`). Field meanings are
//! documented for users in docs/content.md.

#![allow(missing_docs)]

use std::fmt;
use std::marker::PhantomData;

use schemars::JsonSchema;
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

/// A name written either once for every language (`"KOPŽI"`) or as a
/// language map (`{ en: "…", lt: "…" }`).
#[derive(Debug)]
pub enum RawText {
    /// One string, the same in every language.
    One(String),
    /// A string per language, keys with their location.
    PerLang(Vec<(Spanned<String>, Spanned<String>)>),
}

impl<'de> Deserialize<'de> for RawText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = RawText;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a name, or a name per language: `{ en: \"…\", lt: \"…\" }`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawText, E> {
                Ok(RawText::One(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawText, A::Error> {
                let mut out = Vec::new();
                while let Some(k) = map.next_key::<Spanned<String>>()? {
                    out.push((k, map.next_value()?));
                }
                Ok(RawText::PerLang(out))
            }
        }
        d.deserialize_any(TextVisitor)
    }
}

/// What a name that is a string or a language map looks like in the JSON
/// Schema.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
pub enum TextSchema {
    /// The same name in every language.
    One(String),
    /// A name per language.
    PerLang(LangMapSchema),
}

/// `brand:` in site.yaml.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawBrand {
    /// The logo, an SVG or PNG file, relative to `content/`
    /// (e.g. `brand/logo.svg`).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub logo: Option<Spanned<String>>,
    /// The main colour, `#rrggbb`: links, headings' accents, the first
    /// chart series. Needs 4.5:1 contrast on white.
    #[serde(default)]
    #[schemars(with = "Option<String>", regex(pattern = "^#[0-9a-fA-F]{6}$"))]
    pub colour: Option<Spanned<String>>,
    /// The second colour, `#rrggbb`: rules and the second chart series.
    /// Needs 3:1 contrast on white.
    #[serde(default)]
    #[schemars(with = "Option<String>", regex(pattern = "^#[0-9a-fA-F]{6}$"))]
    pub accent: Option<Spanned<String>>,
}

/// `data_licence:` in site.yaml.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawLicence {
    /// The licence's identifier, as SPDX or the Open Definition write it:
    /// `CC-BY-4.0`, `CC0-1.0`, `ODbL-1.0`, `OGL-UK-3.0`.
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// Where its text is (a web address).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub url: Option<Spanned<String>>,
    /// Its full name ("Creative Commons Attribution 4.0"), the same in
    /// every language or one per language, as each language's readers
    /// know it.
    #[serde(default)]
    #[schemars(with = "Option<TextSchema>")]
    pub title: Option<Spanned<RawText>>,
}

/// A partner of a campaign.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPartner {
    #[schemars(with = "TextSchema")]
    pub name: Spanned<RawText>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub url: Option<Spanned<String>>,
}

/// A metric value as written; `validate` checks it against the kind its
/// key declares.
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
    /// `{ seconds: 113 }` (may be negative here; the checker rejects that).
    Duration(f64),
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
        let mut seconds = None;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "amount" => amount = Some(map.next_value::<f64>()?),
                "currency" => currency = Some(map.next_value()?),
                "change" => change = Some(map.next_value::<f64>()?),
                "seconds" => seconds = Some(map.next_value::<f64>()?),
                other => {
                    return Err(de::Error::custom(format!(
                        "unknown field `{other}` in a value; a value map has either \
                         `amount` and `currency` (money), `change` or `seconds` (a duration)"
                    )))
                }
            }
        }
        if let Some(s) = seconds {
            return match (amount, currency, change) {
                (None, None, None) => Ok(RawValue::Duration(s)),
                _ => Err(de::Error::custom(
                    "a duration is `{ seconds: 113 }` alone, without `amount`, `currency` or `change`",
                )),
            };
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
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPeriod {
    /// First day.
    #[schemars(with = "String")]
    pub start: Spanned<String>,
    /// Last day.
    #[schemars(with = "String")]
    pub end: Spanned<String>,
}

/// `content/site.yaml`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSite {
    #[schemars(with = "LangMapSchema")]
    pub title: RawLangMap,
    #[serde(default)]
    #[schemars(with = "Option<LangMapSchema>")]
    pub description: Option<RawLangMap>,
    #[schemars(with = "Vec<String>")]
    pub languages: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub base_url: Option<Spanned<String>>,
    pub organisation: RawOrganisation,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub theme: Option<Spanned<String>>,
    #[serde(default)]
    pub allow_raw_html: bool,
    /// Write `_headers` into the output (caching and the pages' security
    /// policy, for Netlify and Cloudflare Pages); docs/hosting.md.
    #[serde(default)]
    pub headers_file: bool,
    /// The organisation's logo and colours.
    #[serde(default)]
    pub brand: Option<RawBrand>,
    /// Under which licence partners may reuse the figures (the open-data
    /// pack's `datapackage.json` and workbook say it), e.g.
    /// `{ name: CC-BY-4.0, url: "https://creativecommons.org/licenses/by/4.0/" }`.
    #[serde(default)]
    pub data_licence: Option<RawLicence>,
    /// CLDR locale used to format numbers and dates per language, e.g.
    /// `{ en: en-GB }` for day-month-year English dates.
    #[serde(default)]
    #[schemars(with = "Option<std::collections::BTreeMap<String, String>>")]
    pub formats: Option<Ordered<Spanned<String>>>,
}

/// An organisation: the publisher or a partner.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawOrganisation {
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub url: Option<Spanned<String>>,
}

/// A headline figure or a result.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFigure {
    #[schemars(with = "String")]
    pub metric: Spanned<String>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub audience: Option<Spanned<String>>,
    #[schemars(with = "RawValue")]
    pub value: Spanned<RawValue>,
    #[serde(default)]
    #[schemars(with = "Option<Qualifier>")]
    pub qualifier: Option<Spanned<Qualifier>>,
    /// Money shown in short (`€1.2M`) when it is a million or more.
    #[serde(default)]
    #[schemars(with = "Option<bool>")]
    pub compact: Option<Spanned<bool>>,
}

/// `finances:` of a report.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFinances {
    pub period: RawPeriod,
    #[schemars(with = "String")]
    pub currency: Spanned<String>,
    #[schemars(with = "f64")]
    pub income: Spanned<f64>,
    #[schemars(with = "f64")]
    pub expenditure: Spanned<f64>,
}

/// `content/reports/<slug>/report.yaml`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawReport {
    #[schemars(with = "LangMapSchema")]
    pub title: RawLangMap,
    pub period: RawPeriod,
    #[schemars(with = "LangMapSchema")]
    pub summary: RawLangMap,
    #[serde(default)]
    pub headline: Vec<RawFigure>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub campaigns: Vec<Spanned<String>>,
    #[serde(default)]
    pub finances: Option<RawFinances>,
    #[serde(default)]
    pub cover: Option<RawCover>,
}

/// A cover photo: at the top of the page, on the social card and on the
/// PDF's cover.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    description = "A cover photo beside this file: { src: cover.jpg, alt: { en: \"…\", lt: \"…\" }, credit: \"…\" }"
)]
pub struct RawCover {
    /// The image file's name, in this folder (JPEG, PNG, GIF, WebP or SVG).
    #[schemars(with = "String")]
    pub src: Spanned<String>,
    /// What it shows, in every site language, for readers who cannot see it.
    #[schemars(with = "LangMapSchema")]
    pub alt: RawLangMap,
    /// Who made it (shown under it: "Credit: …").
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub credit: Option<Spanned<String>>,
}

/// An audience of a campaign.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAudience {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[schemars(with = "TextSchema")]
    pub name: Spanned<RawText>,
    #[serde(default)]
    #[schemars(with = "Option<std::collections::BTreeMap<String, RawValue>>")]
    pub metrics: Option<Ordered<Spanned<RawValue>>>,
}

/// A quote.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawQuote {
    #[schemars(with = "LangMapSchema")]
    pub text: RawLangMap,
    #[schemars(with = "LangMapSchema")]
    pub who: RawLangMap,
}

/// A declared chart.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawChart {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[schemars(with = "ChartKind")]
    pub kind: Spanned<ChartKind>,
    #[schemars(with = "LangMapSchema")]
    pub title: RawLangMap,
    #[serde(default = "default_unit")]
    #[schemars(with = "ChartUnit")]
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
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDatum {
    #[schemars(with = "LangMapSchema")]
    pub label: RawLangMap,
    #[schemars(with = "f64")]
    pub value: Spanned<f64>,
}

/// `content/campaigns/<slug>/campaign.yaml`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCampaign {
    #[schemars(with = "LangMapSchema")]
    pub name: RawLangMap,
    #[schemars(with = "LangMapSchema")]
    pub summary: RawLangMap,
    pub period: RawPeriod,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub countries: Vec<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub languages: Vec<Spanned<String>>,
    #[serde(default)]
    pub partners: Vec<RawPartner>,
    #[serde(default)]
    pub audiences: Vec<RawAudience>,
    #[serde(default)]
    pub results: Vec<RawFigure>,
    #[serde(default)]
    pub quotes: Vec<RawQuote>,
    #[serde(default)]
    pub charts: Vec<RawChart>,
    #[serde(default)]
    pub cover: Option<RawCover>,
}

/// Front matter of a Markdown file.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFrontMatter {
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub title: Option<Spanned<String>>,
    #[serde(default)]
    pub weight: Option<i64>,
}

/// What a `{ en: "…", lt: "…" }` map looks like in the JSON Schema.
#[derive(JsonSchema)]
#[schemars(
    description = "Text in every site language, e.g. { en: \"Reach\", lt: \"Pasiekiamumas\" }"
)]
pub struct LangMapSchema(#[allow(dead_code)] std::collections::BTreeMap<String, String>);

impl JsonSchema for RawValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Value".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A figure, of the kind its metric key declares (`.kind` in locales/<default language>/*.ftl): a whole number for a count, a fraction 0..1 for a share, { amount, currency } for money, { change } for a relative change, { seconds } for a duration",
            "oneOf": [
                { "type": "integer", "minimum": 0, "description": "a count" },
                { "type": "number", "minimum": 0, "maximum": 1, "description": "a share: 0.92 is 92 %" },
                { "type": "object", "additionalProperties": false, "required": ["amount", "currency"],
                  "properties": { "amount": { "type": "number", "minimum": 0 }, "currency": { "type": "string", "pattern": "^[A-Z]{3}$" } } },
                { "type": "object", "additionalProperties": false, "required": ["change"],
                  "properties": { "change": { "type": "number", "description": "1.77 is +177 %" } } },
                { "type": "object", "additionalProperties": false, "required": ["seconds"],
                  "properties": { "seconds": { "type": "integer", "minimum": 0, "description": "a length of time in seconds: 113 is shown as 1 min, 53 sec" } } }
            ]
        })
    }
}
