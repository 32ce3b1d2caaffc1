//! Raw YAML structs -> checked model types. Each function checks what can be
//! checked within one file (a share in 0..1, a count not negative, a date
//! that exists, a language code the site has) and reports every problem;
//! checks across files belong to `validate`.

use serde_saphyr::Spanned;

use super::raw::*;
use super::yaml::span_of;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::*;

/// What conversion needs to know about the file being converted.
pub struct Ctx<'a> {
    /// The file.
    pub file: FileId,
    /// Lines before the YAML (front matter), added to every line.
    pub line_offset: u32,
    /// The site's languages, when site.yaml could be read.
    pub langs: &'a [Lang],
    /// Where problems go.
    pub diags: &'a mut Diagnostics,
}

impl Ctx<'_> {
    fn span<T>(&self, v: &Spanned<T>) -> Span {
        span_of(self.file, v, self.line_offset)
    }

    /// A `cover:`; its file is looked for in `dir` (from the site root).
    fn cover(&mut self, raw: RawCover, dir: &str) -> Cover {
        let span = self.span(&raw.src);
        let written = raw.src.value.clone();
        let inside = !written.contains(['/', '\\', ':', '\0']) && !written.starts_with('.');
        if !inside {
            self.error(
                span,
                format!("the cover `{written}` is not a file in this folder"),
                "put the photo in the same folder as this file and write its name, e.g. src: cover.jpg",
            );
        }
        Cover {
            src: if inside {
                format!("{dir}/{written}")
            } else {
                String::new()
            },
            written,
            span,
            alt: self.lang_map(raw.alt, "cover.alt"),
            credit: raw
                .credit
                .map(|c| c.value.trim().to_string())
                .filter(|c| !c.is_empty()),
        }
    }

    fn error(&mut self, span: Span, msg: impl Into<String>, help: impl Into<String>) {
        self.diags.push(Diagnostic::error(span, msg).help(help));
    }

    /// A `{ en: "…", lt: "…" }` map; unknown languages are errors, missing
    /// ones are left for `validate` (which knows about `--allow-missing`).
    pub fn lang_map(&mut self, raw: RawLangMap, key: impl Into<String>) -> LangMap {
        let key = key.into();
        let span = self.span(&raw);
        let limit = text_limit(&key);
        let mut values = std::collections::BTreeMap::new();
        for (lang_key, text) in raw.value.0 {
            let key_span = self.span(&lang_key);
            match Lang::parse(&lang_key.value) {
                Some(lang) if self.langs.is_empty() || self.langs.contains(&lang) => {
                    let text_span = self.span(&text);
                    let value = self.capped(text.value, limit, text_span);
                    values.insert(lang, value);
                }
                _ => {
                    let known = self
                        .langs
                        .iter()
                        .map(Lang::as_str)
                        .collect::<Vec<_>>()
                        .join(", ");
                    let curly = lang_key.value.contains(['“', '”', '‘', '’'])
                        || text.value.contains(['“', '”', '‘', '’']);
                    let help = match lang_hint(&lang_key.value).filter(|l| self.langs.is_empty() || self.langs.contains(l)) {
                        _ if curly => "this map has curly quotes “ ”, which YAML does not read as quote marks, so a comma inside the text split it: put each text in straight quotes, en: \"…\"".to_string(),
                        Some(l) => format!("write `{l}:` (language codes are two lower-case letters); the site's languages are: {known}"),
                        None => format!("the site's languages (site.yaml `languages`) are: {known}"),
                    };
                    self.error(
                        key_span,
                        format!("unknown language `{}` in a text map", lang_key.value),
                        help,
                    );
                }
            }
        }
        LangMap { values, span, key }
    }

    /// `text`, or an error when it is longer than `limit` characters (then
    /// cut there, so that later stages never see a text of megabytes).
    fn capped(&mut self, text: String, limit: usize, span: Span) -> String {
        let Some((cut, _)) = text.char_indices().nth(limit) else {
            return text;
        };
        let len = text.chars().count();
        self.error(
            span,
            format!("this text is {len} characters long; at most {limit} fit here"),
            "shorten it: names and titles are a line, summaries a paragraph; longer text goes in the Markdown",
        );
        let mut text = text;
        text.truncate(cut);
        text
    }

    /// A name written once for every language or as a language map.
    pub fn text(&mut self, raw: Spanned<RawText>, key: impl Into<String>) -> LangMap {
        let span = self.span(&raw);
        match raw.value {
            RawText::One(text) => {
                let key = key.into();
                let text = self.capped(text, text_limit(&key), span);
                LangMap {
                    values: self
                        .langs
                        .iter()
                        .map(|l| (l.clone(), text.clone()))
                        .collect(),
                    span,
                    key,
                }
            }
            RawText::PerLang(pairs) => self.lang_map(
                Spanned::new(Ordered(pairs), raw.referenced, raw.defined),
                key,
            ),
        }
    }

    /// A partner: its name (one or per language) and web address.
    fn partner(&mut self, raw: RawPartner, index: usize) -> Partner {
        if let Some(url) = &raw.url {
            self.web_address(url);
        }
        Partner {
            name: self.text(raw.name, format!("partners.{}.name", index + 1)),
            url: raw.url.map(|u| u.value),
        }
    }

    fn web_address(&mut self, url: &Spanned<String>) {
        if !(url.value.starts_with("https://") || url.value.starts_with("http://")) {
            let span = self.span(url);
            self.error(
                span,
                format!("`{}` is not a web address", url.value),
                "write the full address, starting with https://",
            );
        }
    }

    /// A date written `YYYY-MM-DD`.
    pub fn date(&mut self, raw: &Spanned<String>) -> Option<Date> {
        let d = Date::parse(&raw.value);
        if d.is_none() {
            let span = self.span(raw);
            self.error(
                span,
                format!("`{}` is not a date", raw.value),
                "write dates as YYYY-MM-DD, e.g. 2019-07-01",
            );
        }
        d
    }

    /// `{ start, end }`, with `end` not before `start`.
    pub fn period(&mut self, raw: &RawPeriod) -> Option<Period> {
        let (start, end) = (self.date(&raw.start), self.date(&raw.end));
        let (start, end) = (start?, end?);
        if end < start {
            let span = self.span(&raw.end);
            self.error(
                span,
                format!("the period ends ({end}) before it starts ({start})"),
                "swap `start` and `end`",
            );
            return None;
        }
        Some(Period { start, end })
    }

    /// A metric value as written. Its kind and range are checked by
    /// `validate` against the kind its key declares (a share written `87`
    /// is only wrong because the key is a share); here only what is wrong
    /// whatever the key is reported: a negative whole number, a currency
    /// code that is not one, a negative amount. An invalid value is
    /// reported and replaced by a stand-in of the same kind (the build
    /// fails anyway), so later checks do not report follow-on errors such
    /// as "no figure `reach`" for a figure that is there but wrong.
    pub fn value(&mut self, raw: &Spanned<RawValue>) -> Option<(Value, bool)> {
        let errors = self.diags.error_count();
        let v = self.checked_value(raw);
        match (v, raw.value) {
            (Some(v), _) => Some((v, false)),
            (None, RawValue::Int(_)) if self.diags.error_count() > errors => {
                Some((Value::Count(0), true))
            }
            _ => None,
        }
    }

    fn checked_value(&mut self, raw: &Spanned<RawValue>) -> Option<Value> {
        let span = self.span(raw);
        match raw.value {
            RawValue::Int(n) if n < 0 => {
                self.error(
                    span,
                    format!("a figure cannot be negative (found {n})"),
                    "write 0 or more; for a fall, write `{ change: -0.12 }` under a key declared a change",
                );
                None
            }
            RawValue::Int(n) => Some(Value::Count(n as u64)),
            RawValue::Float(x) => Some(Value::Share(x)),
            RawValue::Change(x) => Some(Value::Change(x)),
            RawValue::Duration(s) if s < 0.0 || s.fract() != 0.0 || s > 1e15 => {
                self.error(
                    span,
                    format!("a duration must be a whole number of seconds, 0 or more (found {s})"),
                    "write `{ seconds: 113 }` for 1 min 53 seconds",
                );
                None
            }
            RawValue::Duration(s) => Some(Value::Duration { seconds: s as u64 }),
            RawValue::Money {
                amount,
                currency,
                len,
            } => {
                let code = std::str::from_utf8(&currency[..len.min(8)]).unwrap_or("");
                let currency = match Currency::parse(code) {
                    Some(c) if len == 3 => c,
                    _ => {
                        let upper = code.to_ascii_uppercase();
                        let hint = match Currency::parse(&upper) {
                            Some(_) if len == 3 => {
                                format!("write `{upper}`: currency codes are in capitals")
                            }
                            _ => "use the three-letter ISO 4217 code in capitals: GBP, EUR, USD"
                                .to_string(),
                        };
                        self.error(span, format!("`{code}` is not a currency code"), hint);
                        return None;
                    }
                };
                if amount < 0.0 {
                    self.error(
                        span,
                        "an amount of money cannot be negative",
                        "write the amount without a minus sign",
                    );
                    return None;
                }
                Some(Value::Money {
                    amount,
                    currency,
                    compact: false,
                })
            }
        }
    }

    /// A headline figure or result.
    pub fn figure(&mut self, raw: RawFigure) -> Option<Figure> {
        let span = self.span(&raw.metric);
        self.metric_key(&raw.metric);
        let (mut value, stand_in) = self.value(&raw.value)?;
        if let Some(c) = &raw.compact {
            match &mut value {
                Value::Money { compact, .. } => *compact = c.value,
                _ => {
                    let span = self.span(c);
                    self.error(
                        span,
                        "`compact` only shortens money",
                        "remove `compact:`; counts, shares and changes are always shown in full",
                    );
                }
            }
        }
        Some(Figure {
            metric: raw.metric.value,
            value,
            qualifier: raw.qualifier.map(|q| q.value),
            audience: raw.audience.map(|a| a.value),
            span,
            value_span: self.span(&raw.value),
            stand_in,
        })
    }

    fn metric_key(&mut self, key: &Spanned<String>) {
        let ok = !key.value.is_empty()
            && key
                .value
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !ok {
            let span = self.span(key);
            self.error(
                span,
                format!("`{}` is not a valid metric key", key.value),
                "metric keys use lowercase letters, digits and underscores, e.g. video_plays_95",
            );
        }
    }

    /// An identifier used in URLs or shortcodes.
    pub fn ident(&mut self, raw: &Spanned<String>, what: &str) -> String {
        if !is_slug(&raw.value) {
            let span = self.span(raw);
            self.error(
                span,
                format!("`{}` is not a valid {what}", raw.value),
                "use lowercase letters, digits and hyphens, e.g. lincolnshire or lithuania-first-phase",
            );
        }
        raw.value.clone()
    }

    fn organisation(&mut self, raw: RawOrganisation) -> Organisation {
        if let Some(url) = &raw.url {
            self.web_address(url);
        }
        let span = self.span(&raw.name);
        Organisation {
            name: self.capped(raw.name.value, MAX_NAME_CHARS, span),
            url: raw.url.map(|u| u.value),
        }
    }
}

/// Longest name, title or label, in characters: a line of a page.
pub const MAX_NAME_CHARS: usize = 300;
/// Longest summary, description or quote, in characters: a paragraph.
pub const MAX_PARAGRAPH_CHARS: usize = 3000;

/// How long the text under `key` may be (a 2 MB campaign name took the PDF
/// engine past 4 GB of memory).
fn text_limit(key: &str) -> usize {
    let paragraph = ["summary", "description", ".text"]
        .iter()
        .any(|end| key.ends_with(end));
    match paragraph {
        true => MAX_PARAGRAPH_CHARS,
        false => MAX_NAME_CHARS,
    }
}

/// The language code meant by a common wrong spelling: `EN` -> `en`,
/// `English` -> `en`, `Lithuanian` or `lietuvių` -> `lt`.
fn lang_hint(written: &str) -> Option<Lang> {
    let lower = written.trim().to_lowercase();
    let code = match lower.as_str() {
        "english" | "eng" => "en",
        "lithuanian" | "lietuvių" | "lietuviu" | "lit" => "lt",
        other => other,
    };
    Lang::parse(code)
}

impl Ctx<'_> {
    /// `base_url`: a full address or a path, ending in `/` (added when
    /// missing); `/` when not given.
    fn base_url(&mut self, raw: Option<&Spanned<String>>) -> String {
        let Some(b) = raw else {
            return "/".into();
        };
        let v = b.value.trim();
        let address = v.starts_with("https://") || v.starts_with("http://");
        let path = v.starts_with('/') && !v.starts_with("//");
        let clean = !v.contains(['?', '#', ' ', '\\']) && !v.split('/').any(|s| s == "..");
        if !(address || path) || !clean {
            let span = self.span(b);
            self.error(
                span,
                format!("`{}` is not a site address or path", b.value),
                "write the full address where the site is published (https://example.org/impact/) or its path on your domain (/impact/)",
            );
        }
        let mut url = v.to_string();
        if !url.ends_with('/') {
            url.push('/');
        }
        url
    }

    /// `brand:`: colours parsed and checked for contrast where they are
    /// used; the logo's path checked (the loader reads it).
    fn brand(&mut self, raw: RawBrand) -> Brand {
        let colour = raw
            .colour
            .as_ref()
            .and_then(|c| self.brand_colour(c, crate::brand::Use::Text));
        let accent = raw
            .accent
            .as_ref()
            .and_then(|c| self.brand_colour(c, crate::brand::Use::Marks));
        let logo = raw.logo.as_ref().and_then(|l| self.logo(l));
        Brand {
            logo,
            colour,
            accent,
        }
    }

    /// The logo's path, checked to stay inside `content/` and to name an
    /// SVG or PNG. The loader reads the file and fills in its bytes and size.
    fn logo(&mut self, raw: &Spanned<String>) -> Option<Logo> {
        let span = self.span(raw);
        let path = raw.value.trim();
        let inside = !path.is_empty()
            && !path.starts_with('/')
            && !path.contains('\\')
            && !path.split('/').any(|s| s == ".." || s.is_empty());
        if !inside {
            self.error(
                span,
                format!("`{}` is not a path inside content/", raw.value),
                "write the logo's path from the content/ folder, e.g. brand/logo.svg",
            );
            return None;
        }
        let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
        let format = match ext.as_deref() {
            Some("svg") => LogoFormat::Svg,
            Some("png") => LogoFormat::Png,
            _ => {
                self.error(
                    span,
                    format!("the logo `{path}` is neither SVG nor PNG"),
                    "save the logo as .svg (best: sharp at every size) or .png",
                );
                return None;
            }
        };
        Some(Logo {
            path: path.to_string(),
            format,
            bytes: Vec::new(),
            width: 0,
            height: 0,
            card: None,
            span,
        })
    }

    fn brand_colour(&mut self, raw: &Spanned<String>, usage: crate::brand::Use) -> Option<Rgb> {
        let span = self.span(raw);
        let Some(rgb) = Rgb::parse(raw.value.trim()) else {
            self.error(
                span,
                format!("`{}` is not a colour", raw.value),
                "write a colour as # and six hex digits, in quotes: \"#0b5d6b\"",
            );
            return None;
        };
        if let Err(problem) = crate::brand::check_contrast(rgb, usage) {
            self.diags.push(problem.diagnostic(span));
        }
        Some(rgb)
    }
}

/// Whether `s` is usable as a URL segment or identifier.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// `content/site.yaml` -> [`SiteConfig`].
pub fn site_config(raw: RawSite, file: FileId, diags: &mut Diagnostics) -> Option<SiteConfig> {
    let mut langs = Vec::new();
    for l in &raw.languages.value {
        match Lang::parse(&l.value) {
            Some(lang) if !langs.contains(&lang) => langs.push(lang),
            Some(_) => diags.push(
                Diagnostic::error(
                    span_of(file, l, 0),
                    format!("language `{}` is listed twice", l.value),
                )
                .help("list each language once"),
            ),
            None => diags.push(
                Diagnostic::error(
                    span_of(file, l, 0),
                    format!("`{}` is not a language code", l.value),
                )
                .help(match lang_hint(&l.value) {
                    Some(code) => format!(
                        "write `{code}`: language codes are two lower-case letters (ISO 639-1)"
                    ),
                    None => "use two-letter ISO 639-1 codes in lower case, e.g. en, lt".to_string(),
                }),
            ),
        }
    }
    if langs.is_empty() {
        diags.push(
            Diagnostic::error(
                span_of(file, &raw.languages, 0),
                "the site needs at least one language",
            )
            .help("write `languages: [en, lt]`; the first is the default"),
        );
        return None;
    }
    let mut ctx = Ctx {
        file,
        line_offset: 0,
        langs: &langs,
        diags,
    };
    let title = ctx.lang_map(raw.title, "title");
    let description = raw.description.map(|d| ctx.lang_map(d, "description"));
    let organisation = ctx.organisation(raw.organisation);
    let base_url = ctx.base_url(raw.base_url.as_ref());
    let base_url_span = raw
        .base_url
        .as_ref()
        .map(|b| ctx.span(b))
        .unwrap_or(Span::file(file));
    let brand = raw.brand.map(|b| ctx.brand(b)).unwrap_or_default();
    let data_licence = raw.data_licence.map(|l| {
        if let Some(url) = &l.url {
            ctx.web_address(url);
        }
        let span = ctx.span(&l.name);
        if l.name.value.trim().is_empty() || l.name.value.contains(char::is_whitespace) {
            ctx.error(
                span,
                format!("`{}` is not a licence identifier", l.name.value),
                "write the licence's SPDX identifier, e.g. `name: CC-BY-4.0`, and its full name under `title:`",
            );
        }
        Licence {
            name: l.name.value.trim().to_string(),
            url: l.url.map(|u| u.value),
            title: l.title.map(|t| ctx.text(t, "data_licence.title")),
        }
    });
    let theme = raw
        .theme
        .map(|t| ctx.ident(&t, "theme name"))
        .unwrap_or_else(|| "default".into());
    let mut format_locales = std::collections::BTreeMap::new();
    for (key, value) in raw.formats.map(|f| f.0).unwrap_or_default() {
        let lang = Lang::parse(&key.value).filter(|l| langs.contains(l));
        let locale_ok = icu_locale_core::Locale::try_from_str(&value.value)
            .is_ok_and(|l| Some(l.id.language.as_str()) == lang.as_ref().map(Lang::as_str));
        match lang {
            Some(lang) if locale_ok => {
                format_locales.insert(lang, value.value.clone());
            }
            _ => {
                let span = ctx.span(&value);
                ctx.error(
                    span,
                    format!("`{}: {}` is not a site language with a locale of that language", key.value, value.value),
                    "write `formats: { en: en-GB }`: a site language, then a CLDR locale of the same language",
                );
            }
        }
    }
    Some(SiteConfig {
        title,
        description,
        languages: langs,
        base_url,
        organisation,
        theme,
        allow_raw_html: raw.allow_raw_html,
        headers_file: raw.headers_file,
        format_locales,
        brand,
        data_licence,
        span: Span::file(file),
        base_url_span,
    })
}

/// `report.yaml` -> the YAML part of a [`Report`] (Markdown is added by the loader).
pub fn report(
    raw: RawReport,
    slug: &str,
    file: FileId,
    langs: &[Lang],
    diags: &mut Diagnostics,
) -> Option<Report> {
    let mut ctx = Ctx {
        file,
        line_offset: 0,
        langs,
        diags,
    };
    let title = ctx.lang_map(raw.title, "title");
    let summary = ctx.lang_map(raw.summary, "summary");
    let period = ctx.period(&raw.period);
    let headline: Vec<Figure> = raw
        .headline
        .into_iter()
        .filter_map(|f| ctx.figure(f))
        .collect();
    let campaigns = raw
        .campaigns
        .iter()
        .map(|c| (ctx.ident(c, "campaign name"), ctx.span(c)))
        .collect();
    let finances = raw.finances.and_then(|f| {
        let period = ctx.period(&f.period);
        let currency = Currency::parse(&f.currency.value);
        if currency.is_none() {
            let span = ctx.span(&f.currency);
            ctx.error(
                span,
                format!("`{}` is not a currency code", f.currency.value),
                "use the three-letter ISO 4217 code in capitals: GBP, EUR, USD",
            );
        }
        for v in [&f.income, &f.expenditure] {
            if v.value < 0.0 {
                let span = ctx.span(v);
                ctx.error(
                    span,
                    "an amount of money cannot be negative",
                    "write the amount without a minus sign",
                );
            }
        }
        Some(Finances {
            period: period?,
            currency: currency?,
            income: f.income.value,
            expenditure: f.expenditure.value,
        })
    });
    Some(Report {
        slug: slug.to_string(),
        title,
        period: period?,
        summary,
        headline,
        campaigns,
        finances,
        intro: LangDocs::default(),
        sections: Vec::new(),
        file,
        cover: raw
            .cover
            .map(|c| ctx.cover(c, &format!("content/reports/{slug}"))),
    })
}

/// `campaign.yaml` -> the YAML part of a [`Campaign`].
pub fn campaign(
    raw: RawCampaign,
    slug: &str,
    file: FileId,
    langs: &[Lang],
    diags: &mut Diagnostics,
) -> Option<Campaign> {
    let mut ctx = Ctx {
        file,
        line_offset: 0,
        langs,
        diags,
    };
    let name = ctx.lang_map(raw.name, "name");
    let summary = ctx.lang_map(raw.summary, "summary");
    let period = ctx.period(&raw.period);
    let mut countries = Vec::new();
    for c in &raw.countries {
        let span = ctx.span(c);
        if c.value.len() == 2 && c.value.chars().all(|ch| ch.is_ascii_alphabetic()) {
            countries.push((c.value.clone(), span));
        } else {
            ctx.error(
                span,
                format!("`{}` is not a country code", c.value),
                "use two-letter ISO 3166-1 codes in capitals: GB, LT, NO",
            );
        }
    }
    let mut languages = Vec::new();
    for l in &raw.languages {
        let span = ctx.span(l);
        if Lang::parse(&l.value).is_some() {
            languages.push((l.value.clone(), span));
        } else {
            let help = match lang_hint(&l.value) {
                Some(code) => {
                    format!("write `{code}`: language codes are two lower-case letters (ISO 639-1)")
                }
                None => "use two-letter ISO 639-1 codes in lower case: en, lt, id".to_string(),
            };
            ctx.error(span, format!("`{}` is not a language code", l.value), help);
        }
    }
    let partners = raw
        .partners
        .into_iter()
        .enumerate()
        .map(|(i, p)| ctx.partner(p, i))
        .collect();
    let mut audiences = Vec::new();
    for a in raw.audiences {
        let span = ctx.span(&a.id);
        let id = ctx.ident(&a.id, "audience id");
        let name = ctx.text(a.name, format!("audiences.{id}.name"));
        let mut metrics = Vec::new();
        for (key, value) in a.metrics.map(|m| m.0).unwrap_or_default() {
            ctx.metric_key(&key);
            let kspan = ctx.span(&key);
            if let Some((v, stand_in)) = ctx.value(&value) {
                metrics.push(Figure {
                    metric: key.value,
                    value: v,
                    qualifier: None,
                    audience: Some(id.clone()),
                    span: kspan,
                    value_span: ctx.span(&value),
                    stand_in,
                });
            }
        }
        audiences.push(Audience {
            id,
            name,
            metrics,
            span,
        });
    }
    let results = raw
        .results
        .into_iter()
        .filter_map(|f| ctx.figure(f))
        .collect();
    let quotes = raw
        .quotes
        .into_iter()
        .enumerate()
        .map(|(i, q)| Quote {
            text: ctx.lang_map(q.text, format!("quotes.{}.text", i + 1)),
            who: ctx.lang_map(q.who, format!("quotes.{}.who", i + 1)),
        })
        .collect();
    let mut charts = Vec::new();
    for c in raw.charts {
        let span = ctx.span(&c.id);
        let id = ctx.ident(&c.id, "chart id");
        let title = ctx.lang_map(c.title, format!("charts.{id}.title"));
        let mut data = Vec::new();
        for (i, d) in c.data.into_iter().enumerate() {
            if !d.value.value.is_finite() || d.value.value < 0.0 {
                let span = ctx.span(&d.value);
                ctx.error(
                    span,
                    "a chart value must be a number of 0 or more",
                    "write the figure without quotes or signs",
                );
            }
            data.push(ChartDatum {
                label: ctx.lang_map(d.label, format!("charts.{id}.data.{}.label", i + 1)),
                value: d.value.value,
            });
        }
        charts.push(ChartSpec {
            id,
            kind: c.kind.value,
            title,
            unit: c.unit.value,
            data,
            span,
        });
    }
    Some(Campaign {
        slug: slug.to_string(),
        name,
        summary,
        period: period?,
        countries,
        languages,
        partners,
        audiences,
        results,
        quotes,
        charts,
        story: LangDocs::default(),
        file,
        cover: raw
            .cover
            .map(|c| ctx.cover(c, &format!("content/campaigns/{slug}"))),
    })
}
