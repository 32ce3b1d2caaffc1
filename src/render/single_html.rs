//! The single-file HTML of a report: the same documents as the pages and
//! the PDF, written by the theme's `single.html` template as one web page
//! that opens from an e-mail attachment with no network. The style sheet
//! is inlined with the font faces its text uses as `data:` URLs (allowed
//! by its hash in the one Content-Security-Policy of `_head.html`; the
//! faces are chosen in `render::report_downloads`), the charts are inline
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
    /// The report's page on the live site, when the site knows its full
    /// address (`base_url` is not a path).
    pub url: Option<String>,
    /// The favicon, as a `data:` URL (`_head.html` links it).
    pub favicon: String,
    /// The organisation's logo, as a `data:` URL, at the header's size.
    pub logo: Option<SingleLogo>,
    /// The report, as its page has it (without its list of campaigns).
    pub report: ReportView,
    /// Every campaign, as its page has it.
    pub campaigns: Vec<SingleCampaign>,
}

/// The logo inside the single-file HTML.
#[derive(Serialize)]
pub struct SingleLogo {
    /// `data:image/…;base64,…`.
    pub src: String,
    /// Width in CSS pixels at the header's height.
    pub width: u32,
    /// Height in CSS pixels.
    pub height: u32,
}

/// `data:<mime>;base64,…`.
fn data_uri(mime: &str, bytes: &[u8]) -> String {
    format!(
        "data:{mime};base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
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

/// The context of the single-file HTML of `doc`, with no style sheet yet
/// (`set_style` gives it the faces its rendered text needs).
pub fn context(
    site: &Site,
    doc: &ReportDoc,
    slug: &str,
    version: &str,
    url: Option<&str>,
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
        style_hash: style_hash(""),
        style: String::new(),
        organisation: site.config.organisation.name.clone(),
        url: url.map(str::to_string),
        favicon: data_uri(
            "image/svg+xml",
            crate::brand::favicon_svg(&site.config.brand, &site.config.organisation.name)
                .as_bytes(),
        ),
        logo: site.config.brand.logo.as_ref().and_then(|l| {
            let view = pages::LogoView::of(Some(l))?;
            Some(SingleLogo {
                src: data_uri(l.format.mime(), &l.bytes),
                width: view.width,
                height: view.height,
            })
        }),
        report,
        campaigns,
    }
}

impl SingleContext {
    /// Puts `css` in the file's `<style>`, with the hash that lets it
    /// through the Content-Security-Policy.
    pub fn set_style(&mut self, css: &str) {
        self.style_hash = style_hash(css);
        self.style = css.to_string();
    }
}

/// SHA-256 of the style sheet, base64, as a CSP `style-src` names it.
fn style_hash(css: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(css))
}
