//! The localised view of each page: every number formatted by CLDR, every
//! label from Fluent, every Markdown text rendered, for one language.
//! Templates only display what is here; they never format or look up.

use serde::Serialize;

use super::charts::Drawings;
use super::resolve::PageResolver;
use crate::charts::Fonts;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::l10n::{format::qualifier_message, Arg, Localiser};
use crate::markdown::{self, RenderOptions};
use crate::model::*;

/// Builds views for one language.
pub struct Viewer<'a> {
    /// The site.
    pub site: &'a Site,
    /// Messages and formats.
    pub l10n: &'a Localiser,
    /// The page language.
    pub lang: &'a Lang,
    /// The theme font, for charts.
    pub fonts: &'a Fonts,
    /// Drawings shared between pages and downloads, when downloads are
    /// made.
    pub drawings: Option<&'a Drawings>,
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
}

/// Rendered Markdown.
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
        FigureView {
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

    /// Renders the Markdown of `docs` for this language (or the default's,
    /// marked, when it is missing and validation allowed that).
    pub fn doc(
        &self,
        docs: &LangDocs,
        id_prefix: &str,
        resolver: &PageResolver,
        sources: &SourceMap,
        diags: &mut Diagnostics,
    ) -> Option<DocView> {
        let (doc, fallback) = match docs.docs.get(self.lang) {
            Some(d) => (d, false),
            None => (docs.docs.get(self.default_lang())?, true),
        };
        let doc_lang = if fallback {
            self.default_lang()
        } else {
            self.lang
        };
        let opts = RenderOptions {
            lang: doc_lang.as_str(),
            allow_raw_html: self.site.config.allow_raw_html,
            id_prefix,
        };
        let (html, problems) = markdown::render(&doc.body, &opts, resolver);
        for p in problems {
            let line = p.line + doc.body_line_offset;
            let _ = sources;
            diags.push(Diagnostic::error(Span::at(doc.file, line, p.col), p.message).help(p.help));
        }
        Some(DocView {
            html,
            fallback,
            lang: doc_lang.to_string(),
            title: doc.title.clone(),
        })
    }
}
