//! The single-file HTML of a report: the same documents as the pages and
//! the PDF, written by the theme's `single.html` template as one web page
//! that opens from an e-mail attachment with no network. The style sheet
//! is inlined with the theme font as `data:` URLs (allowed by its hash in
//! the one Content-Security-Policy of `_head.html`), the charts are inline
//! SVG, images are `data:` URLs, and the only addresses left are links to
//! the live site.

use base64::Engine as _;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::charts::Drawn;
use super::documents::ReportDoc;
use super::emit::{chart_html, SingleEmit};
use super::pages::{self, CampaignView, ReportView};
use crate::model::{Localised, Site};

/// The style sheet with every `url(fonts/<file>)` replaced by the font's
/// bytes, so the page needs nothing beside it.
pub fn inline_fonts(css: &str, fonts: &[(String, Vec<u8>)]) -> String {
    let mut out = css.to_string();
    for (name, bytes) in fonts {
        let data = base64::engine::general_purpose::STANDARD.encode(bytes);
        let mime = if name.to_lowercase().ends_with(".otf") {
            "font/otf"
        } else {
            "font/ttf"
        };
        out = out.replace(
            &format!("url(fonts/{name})"),
            &format!("url(data:{mime};base64,{data})"),
        );
    }
    out
}

/// What `single.html` is given.
#[derive(Serialize)]
pub struct SingleContext {
    /// The report's language.
    pub lang: String,
    /// For the template functions that ask (there are no assets to link).
    pub page_path: String,
    /// The theme's style sheet, fonts inlined.
    pub style: String,
    /// Its SHA-256, base64, for the Content-Security-Policy.
    pub style_hash: String,
    /// The publisher.
    pub organisation: String,
    /// The report's page on the live site.
    pub url: String,
    /// The report, as its page has it (without its list of campaigns).
    pub report: ReportView,
    /// Every campaign, as its page has it.
    pub campaigns: Vec<SingleCampaign>,
}

/// A campaign in the single-file HTML.
#[derive(Serialize)]
pub struct SingleCampaign {
    /// Prefix of the campaign's ids (`c3-`): every campaign has a reach
    /// chart and a story section.
    pub anchor: String,
    /// The campaign.
    pub campaign: CampaignView,
}

/// The context of the single-file HTML of `doc`.
pub fn context(
    site: &Site,
    doc: &ReportDoc,
    slug: &str,
    version: &str,
    css: &str,
    url: &str,
    drawn: &Drawn,
) -> SingleContext {
    let lang = &doc.lang;
    let emit = |prefix: &str| SingleEmit {
        site,
        lang,
        drawn,
        prefix: prefix.to_string(),
    };
    let chart = |prefix: &'static str| {
        move |c: &crate::document::ChartRef| chart_html(drawn, lang, c, prefix)
    };
    let mut report = pages::report_view(doc, slug, Vec::new(), &emit(""), &chart(""));
    report.version = version.to_string();
    let campaigns = doc
        .campaigns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let anchor = format!("c{}-", i + 1);
            let cx = emit(&anchor);
            let charts = |r: &crate::document::ChartRef| chart_html(drawn, lang, r, &anchor);
            let no_title = Localised {
                text: String::new(),
                lang: lang.clone(),
                fallback: false,
            };
            SingleCampaign {
                campaign: pages::campaign_view(c, no_title, String::new(), &cx, &charts),
                anchor,
            }
        })
        .collect();
    SingleContext {
        lang: lang.to_string(),
        page_path: String::new(),
        style_hash: base64::engine::general_purpose::STANDARD.encode(Sha256::digest(css)),
        style: css.to_string(),
        organisation: site.config.organisation.name.clone(),
        url: url.to_string(),
        report,
        campaigns,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fonts_become_data_urls() {
        let css = inline_fonts(
            "@font-face{src:url(fonts/A.ttf)}",
            &[("A.ttf".into(), b"FONT".to_vec())],
        );
        assert_eq!(css, "@font-face{src:url(data:font/ttf;base64,Rk9OVA==)}");
    }
}
