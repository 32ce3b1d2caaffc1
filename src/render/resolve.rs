//! What `@/` links, files and `{{ shortcodes }}` in a text resolve to, as
//! typed parts of the document: pages of the site, files beside the text,
//! figures formatted by CLDR, quotes in the page's language and charts for
//! the chart stage. Where each of them is shown is the emitters' business.

use std::cell::RefCell;

use super::charts::ChartData;
use super::view::Viewer;
use crate::diagnostics::Diagnostics;
use crate::document::{ChartRef, Owner, Placement, Target};
use crate::l10n::phrase;
use crate::markdown::{Resolver, Shortcode};
use crate::model::*;

/// Resolves the links and shortcodes of one text of a report or campaign.
pub struct DocResolver<'a> {
    /// Formatting and messages for the text's page language.
    pub viewer: &'a Viewer<'a>,
    /// The report the text is shown in.
    pub report: Option<&'a Report>,
    /// The campaign whose text it is.
    pub campaign: Option<&'a Campaign>,
    /// The folder of the text's Markdown files, from the site root
    /// (`content/campaigns/bali`), for images written relative to them.
    pub media_dir: String,
    /// The charts the text places, for the chart stage.
    pub charts: RefCell<Vec<(ChartRef, ChartData)>>,
}

impl<'a> DocResolver<'a> {
    /// A resolver for a text of report `r` (and campaign `c`).
    pub fn new(viewer: &'a Viewer<'a>, r: &'a Report, c: Option<&'a Campaign>) -> Self {
        DocResolver {
            viewer,
            report: Some(r),
            campaign: c,
            media_dir: match c {
                Some(c) => format!("content/campaigns/{}", c.slug),
                None => format!("content/reports/{}", r.slug),
            },
            charts: RefCell::new(Vec::new()),
        }
    }

    fn site(&self) -> &Site {
        self.viewer.site
    }

    /// The report whose copy of `campaign` a link should lead to: the
    /// current report when it has the campaign, else the first that does.
    fn report_for(&self, campaign: &str) -> Option<&Report> {
        if let Some(r) = self.report {
            if r.campaigns.iter().any(|(c, _)| c == campaign) {
                return Some(r);
            }
        }
        self.site()
            .reports
            .iter()
            .find(|r| r.campaigns.iter().any(|(c, _)| c == campaign))
    }

    fn campaign_named(&self, sc: &Shortcode) -> Result<&Campaign, String> {
        match sc.text("campaign") {
            Some(slug) => self.site().campaigns.get(slug).ok_or_else(|| {
                let known: Vec<&str> = self.site().campaigns.keys().map(String::as_str).collect();
                format!(
                    "there is no campaign `{slug}` (the campaigns are: {})",
                    known.join(", ")
                )
            }),
            None => self.campaign.ok_or_else(|| {
                format!(
                    "`{}` outside a campaign story needs campaign=\"<folder>\"",
                    sc.name
                )
            }),
        }
    }

    fn metric(&self, sc: &Shortcode) -> Result<Placement, String> {
        let figure = self.figure(sc)?;
        let key = figure.metric.clone();
        let mut diags = Diagnostics::default();
        Ok(Placement::Metric {
            key,
            text: self
                .viewer
                .value(&figure.value, figure.qualifier, &mut diags),
        })
    }

    /// The figure `metric(key=…, audience=…, campaign=…)` names.
    fn figure(&self, sc: &Shortcode) -> Result<&Figure, String> {
        let key = sc
            .text("key")
            .ok_or("the metric shortcode needs key=\"<metric>\"")?;
        let figure = if self.campaign.is_none() && sc.text("campaign").is_none() {
            let report = self
                .report
                .ok_or("metric(...) here needs campaign=\"<folder>\"")?;
            report
                .headline
                .iter()
                .find(|f| f.metric == key)
                .ok_or_else(|| format!("the report has no headline figure `{key}`"))?
        } else {
            let c = self.campaign_named(sc)?;
            match sc.text("audience") {
                Some(aud) => {
                    let a = c
                        .audiences
                        .iter()
                        .find(|a| a.id == aud)
                        .ok_or_else(|| {
                            let ids: Vec<&str> = c.audiences.iter().map(|a| a.id.as_str()).collect();
                            format!("the campaign `{}` has no audience `{aud}` (its audiences are: {})", c.slug, ids.join(", "))
                        })?;
                    a.metrics
                        .iter()
                        .chain(c.results.iter().filter(|r| r.audience.as_deref() == Some(aud)))
                        .find(|f| f.metric == key)
                        .ok_or_else(|| format!("the audience `{aud}` of `{}` has no figure `{key}`", c.slug))?
                }
                None => c
                    .results
                    .iter()
                    .find(|r| r.metric == key && r.audience.is_none())
                    .ok_or_else(|| {
                        format!("the campaign `{}` has no result `{key}` without an audience; add audience=\"<id>\"", c.slug)
                    })?,
            }
        };
        Ok(figure)
    }

    /// `phrase(id="…", n=metric(…))` or `phrase(id="…", n=12)`: the site's
    /// Fluent message `id` with the number in it (see [`phrase`]).
    fn phrase(&self, sc: &Shortcode) -> Result<Placement, String> {
        let id = sc.text("id").ok_or(
            "the phrase shortcode needs id=\"<message>\", a message of a .ftl file in locales/<language>/",
        )?;
        let number = match (sc.call("n"), sc.number("n")) {
            (Some(call), _) if call.name == "metric" => {
                let f = self.figure(&call)?;
                let mut diags = Diagnostics::default();
                phrase::PhraseNumber {
                    n: phrase::shown_number(&f.value),
                    value: self.viewer.value(&f.value, f.qualifier, &mut diags),
                }
            }
            (Some(call), _) => {
                return Err(format!(
                    "n=… of a phrase is a number or metric(…), not {}(…)",
                    call.name
                ))
            }
            (None, Some(n)) => phrase::PhraseNumber {
                n,
                value: self.viewer.l10n.formats(self.viewer.lang).number(n, 3),
            },
            (None, None) => {
                return Err(
                    "the phrase shortcode needs n=<number> or n=metric(key=\"…\")".to_string(),
                )
            }
        };
        let text = phrase::phrase(self.viewer.l10n, self.viewer.lang, id, &number).map_err(|e| {
            format!("{e}; write `{id} = {{ PLURAL($n) -> … }}` in a .ftl file of every locales/<language>/ folder")
        })?;
        Ok(Placement::Phrase {
            id: id.to_string(),
            text: Box::new(text),
        })
    }

    fn quote(&self, sc: &Shortcode) -> Result<Placement, String> {
        let c = self.campaign_named(sc)?;
        let n = sc
            .number("n")
            .ok_or("the quote shortcode needs n=<number>, e.g. n=1")?;
        let q = (n >= 1.0 && n.fract() == 0.0)
            .then(|| c.quotes.get(n as usize - 1))
            .flatten()
            .ok_or_else(|| {
                format!(
                    "there is no quote {n} in `{}` (it has {})",
                    c.slug,
                    c.quotes.len()
                )
            })?;
        Ok(Placement::Quote(Box::new(
            self.viewer.quote(c, n as usize, q),
        )))
    }

    fn chart(&self, sc: &Shortcode) -> Result<Placement, String> {
        let id = sc
            .text("id")
            .ok_or("the chart shortcode needs id=\"<chart id>\"")?;
        let c = self.campaign_named(sc)?;
        let chart = c.charts.iter().find(|ch| ch.id == id).ok_or_else(|| {
            let known: Vec<&str> = c.charts.iter().map(|ch| ch.id.as_str()).collect();
            format!(
                "there is no chart `{id}` in `{}` (its charts: {})",
                c.slug,
                if known.is_empty() {
                    "none".into()
                } else {
                    known.join(", ")
                }
            )
        })?;
        let key = ChartRef {
            owner: Owner::Campaign(c.slug.clone()),
            id: id.to_string(),
        };
        // Problems of the chart's text are the campaign's, reported with
        // its other charts.
        let data = self
            .viewer
            .declared_chart(chart, &mut Diagnostics::default());
        self.charts.borrow_mut().push((key.clone(), data));
        Ok(Placement::Chart(Box::new(key)))
    }
}

impl Resolver for DocResolver<'_> {
    fn link(&self, path: &str) -> Result<Target, String> {
        let (path, fragment) = match path.split_once('#') {
            Some((p, f)) => (p, format!("#{f}")),
            None => (path, String::new()),
        };
        let rest = path.trim_start_matches("@/").trim_end_matches('/');
        let lang = self.viewer.lang;
        let target = match rest.split('/').collect::<Vec<_>>().as_slice() {
            [""] => super::paths::home(lang),
            ["reports", slug] => {
                if !self.site().reports.iter().any(|r| r.slug == *slug) {
                    return Err(format!("there is no report `{slug}` for the link {path}"));
                }
                super::paths::report(lang, slug)
            }
            ["campaigns", slug] if self.site().unreadable_campaigns.contains(*slug) => {
                // Reported where its campaign.yaml failed; the build stops anyway.
                return Ok(Target::Broken);
            }
            ["campaigns", slug] => {
                if !self.site().campaigns.contains_key(*slug) {
                    return Err(format!("there is no campaign `{slug}` for the link {path}"));
                }
                let report = self.report_for(slug).ok_or_else(|| {
                    format!(
                        "the campaign `{slug}` is in no report, so {path} has no page to lead to"
                    )
                })?;
                super::paths::campaign(lang, &report.slug, slug)
            }
            _ => return Err(format!("{path} is not a content path")),
        };
        Ok(Target::Page {
            path: target,
            fragment,
        })
    }

    fn media(&self, path: &str) -> Result<Target, String> {
        if path.starts_with("http://") || path.starts_with("https://") || path.starts_with("//") {
            return Err(format!(
                "{path} is on another server: the site loads nothing from elsewhere, so readers are not tracked"
            ));
        }
        let source = super::media::resolve_path(&self.media_dir, path)
            .ok_or_else(|| format!("{path} points outside the site's content folder"))?;
        let Some(bytes) = self.site().media.get(&source) else {
            return Err(super::media::missing_file_message(
                &source,
                self.site().media.keys(),
            ));
        };
        // An image is never published as it was: a link or a picture
        // leads to its rendition for a laptop's column.
        let path = match self.site().photos.get(&source) {
            Some(photo) => photo.at_most(crate::images::DEFAULT_WIDTH).path.clone(),
            None => super::media::output_path(&source, bytes),
        };
        Ok(Target::Media { path, source })
    }

    fn photo(&self, target: &Target) -> Option<std::sync::Arc<crate::images::Photo>> {
        match target {
            Target::Media { source, .. } => self.site().photos.get(source).cloned(),
            _ => None,
        }
    }

    fn credit(&self, credit: &str) -> String {
        let mut diags = Diagnostics::default();
        let args = [("credit", crate::l10n::Arg::Text(credit.to_string()))];
        self.viewer.msg("image-credit", &args, &mut diags).text
    }

    fn shortcode(&self, sc: &Shortcode) -> Result<Placement, String> {
        match sc.name.as_str() {
            "metric" => self.metric(sc),
            "phrase" => self.phrase(sc),
            "quote" => self.quote(sc),
            "chart" => self.chart(sc),
            other => Err(format!("there is no shortcode `{other}`")),
        }
    }
}

/// Who said a quote, as the language introduces them (`— name` in
/// English, `– vardas` in Lithuanian): one message, never a dash glued on
/// by a template or a style sheet.
pub fn attribution(viewer: &Viewer, who: &Localised) -> Localised {
    let mut diags = Diagnostics::default();
    let line = viewer.msg(
        "quote-attribution",
        &[("who", crate::l10n::Arg::Text(who.text.clone()))],
        &mut diags,
    );
    // An untranslated attribution keeps its own language's dash.
    match who.fallback {
        true => viewer
            .l10n
            .message(
                &who.lang,
                "quote-attribution",
                &[("who", crate::l10n::Arg::Text(who.text.clone()))],
            )
            .map(|m| Localised {
                fallback: true,
                ..m
            })
            .unwrap_or(line),
        false => line,
    }
}
