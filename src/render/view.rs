//! The localised view of each page: every number formatted by CLDR, every
//! label from Fluent, every Markdown text rendered, for one language.
//! Templates only display what is here; they never format or look up.

use serde::Serialize;

use crate::charts::Fonts;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::l10n::{format::qualifier_message, Arg, Localiser};
use crate::model::*;

/// Builds views for one language.
pub struct Viewer<'a> {
    /// The site.
    pub site: &'a Site,
    /// Messages and formats.
    pub l10n: &'a Localiser,
    /// The page language.
    pub lang: &'a Lang,
    /// The theme font, for charts and cards (none in the document stage,
    /// which draws nothing, so a theme without a font does not keep the
    /// content's problems from being reported).
    pub fonts: Option<&'a Fonts>,
}

/// A figure ready to show.
#[derive(Debug, Serialize, Clone)]
pub struct FigureView {
    /// Metric key.
    pub key: String,
    /// The formatted value, with its qualifier ("1,971,352+").
    pub value: String,
    /// The number alone ("1,971,352").
    pub number: String,
    /// Qualifier words before the number ("daugiau kaip"), for big figures
    /// that set them smaller.
    pub prefix: String,
    /// Qualifier after the number ("+").
    pub suffix: String,
    /// The label: after a number for counts ("campaigns"), else the metric name.
    pub label: Localised,
    /// The metric name as a heading ("Campaigns").
    pub name: Localised,
    /// Audience name, for results.
    pub audience: Option<Localised>,
    /// The figure as one line of a list, HTML: one message with the value,
    /// the noun in the form the number needs (counts) or the metric's name
    /// (others), and the audience ("16 616 apsilankymų svetainėje").
    pub line: String,
}

/// A text of the document as a page shows it.
#[derive(Debug, Serialize, Clone, Default)]
pub struct DocView {
    /// The HTML.
    pub html: String,
    /// True when this language had no text and the default's is shown.
    pub fallback: bool,
    /// The language the HTML is in.
    pub lang: String,
    /// Title from front matter.
    pub title: Option<String>,
}

impl Viewer<'_> {
    fn default_lang(&self) -> &Lang {
        self.site.config.default_lang()
    }

    /// A language map's text for this page.
    pub fn text(&self, m: &LangMap) -> Localised {
        m.get(self.lang, self.default_lang())
    }

    /// An interface message (validated to exist, so a failure is reported).
    pub fn msg(&self, id: &str, args: &[(&str, Arg)], diags: &mut Diagnostics) -> Localised {
        match self.l10n.message(self.lang, id, args) {
            Ok(t) => t,
            Err(e) => {
                diags.push(Diagnostic::error(None, e.to_string()).help(format!(
                    "add `{id} = …` to a .ftl file in every locales/<language>/ folder"
                )));
                Localised {
                    text: id.to_string(),
                    lang: self.lang.clone(),
                    fallback: false,
                }
            }
        }
    }

    /// The name of a country or language code (`kind` `country` or
    /// `language`) in this page's language: the site's `country-XX`
    /// message, else CLDR's. Validation has checked every code has one.
    pub fn code_name(&self, kind: &str, code: &str, diags: &mut Diagnostics) -> String {
        let name = match kind {
            "country" => self.l10n.country_name(self.lang, code),
            _ => self.l10n.language_name(self.lang, code),
        };
        match name {
            Some(n) => n.text,
            None => {
                diags.push(Diagnostic::error(
                    None,
                    format!("there is no name for the {kind} code `{code}`"),
                ));
                code.to_string()
            }
        }
    }

    /// A period: "1 January 2019 – 31 August 2020".
    pub fn period(&self, p: &Period, diags: &mut Diagnostics) -> String {
        let f = self.l10n.formats(self.lang);
        self.msg(
            "period",
            &[
                ("start", Arg::Text(f.date(p.start))),
                ("end", Arg::Text(f.date(p.end))),
            ],
            diags,
        )
        .text
    }

    /// A value formatted with its qualifier.
    pub fn value(&self, v: &Value, q: Option<Qualifier>, diags: &mut Diagnostics) -> String {
        let text = self.l10n.formats(self.lang).value(v);
        match q {
            Some(q) => {
                self.msg(qualifier_message(q), &[("value", Arg::Text(text))], diags)
                    .text
            }
            None => text,
        }
    }

    /// The metric's name ("Reach").
    pub fn metric_name(&self, key: &str, diags: &mut Diagnostics) -> Localised {
        self.msg(&format!("metric-{key}"), &[], diags)
    }

    /// The metric's name as it reads mid-sentence (its `.lower` attribute,
    /// "reach"); the name itself when a locale gives no such attribute.
    pub fn metric_lower(&self, key: &str, diags: &mut Diagnostics) -> Localised {
        self.l10n
            .message(self.lang, &format!("metric-{key}.lower"), &[])
            .unwrap_or_else(|_| self.metric_name(key, diags))
    }

    /// The message `id` as HTML: its text escaped, with `html` arguments
    /// put in as they are (a link, a styled number). The message still
    /// decides where they go, so no template joins words around it.
    pub fn msg_html(
        &self,
        id: &str,
        args: &[(&str, Arg)],
        html: &[(&str, String)],
        diags: &mut Diagnostics,
    ) -> String {
        let marker = |i: usize| format!("\u{E010}{i}\u{E011}");
        let mut all: Vec<(&str, Arg)> = args.to_vec();
        for (i, (k, _)) in html.iter().enumerate() {
            all.push((k, Arg::Text(marker(i))));
        }
        let text = self.msg(id, &all, diags).text;
        let mut out = crate::markup::escape(&text);
        for (i, (_, h)) in html.iter().enumerate() {
            out = out.replace(&marker(i), h);
        }
        out
    }

    /// A report's data version in this language: its period and the hash
    /// of its data (`hash` is empty in the preview: the period alone).
    pub fn version_text(&self, r: &Report, hash: &str, diags: &mut Diagnostics) -> String {
        let period = self.period(&r.period, diags);
        if hash.is_empty() {
            return period;
        }
        self.msg(
            "version",
            &[
                ("period", Arg::Text(period)),
                ("hash", Arg::Text(hash.into())),
            ],
            diags,
        )
        .text
    }

    /// A figure ready to show; counts take the plural form of their label.
    pub fn figure(
        &self,
        f: &Figure,
        audience: Option<Localised>,
        diags: &mut Diagnostics,
    ) -> FigureView {
        let name = self.metric_name(&f.metric, diags);
        let label = match f.value {
            Value::Count(n) => self
                .l10n
                .message(
                    self.lang,
                    &format!("metric-{}.count", f.metric),
                    &[("count", Arg::Number(n as f64))],
                )
                .unwrap_or_else(|_| name.clone()),
            _ => name.clone(),
        };
        let number = self.l10n.formats(self.lang).value(&f.value);
        let value = self.value(&f.value, f.qualifier, diags);
        let (prefix, suffix) = match value.find(&number) {
            Some(i) => (
                value[..i].trim_end().to_string(),
                value[i + number.len()..].to_string(),
            ),
            None => (String::new(), String::new()),
        };
        let value_html = format!(
            "<span class=\"value\">{}</span>",
            crate::markup::escape(&value)
        );
        let counted = matches!(f.value, Value::Count(_)) && label.text != name.text;
        let mut args: Vec<(&str, Arg)> = Vec::new();
        if let Some(a) = &audience {
            args.push(("audience", Arg::Text(a.text.clone())));
        }
        let id = match (counted, audience.is_some()) {
            (true, false) => "result-count",
            (true, true) => "result-count-audience",
            (false, false) => "result-named",
            (false, true) => "result-named-audience",
        };
        if counted {
            args.push(("noun", Arg::Text(label.text.clone())));
        } else {
            args.push(("name", Arg::Text(name.text.clone())));
            let lower = self.metric_lower(&f.metric, diags);
            args.push(("lower", Arg::Text(lower.text)));
        }
        let line = self.msg_html(id, &args, &[("value", value_html)], diags);
        FigureView {
            line,
            key: f.metric.clone(),
            value,
            number,
            prefix,
            suffix,
            label,
            name,
            audience,
        }
    }
}
