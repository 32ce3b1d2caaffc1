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
use super::emit::{chart_html, DataLinks, SingleEmit};
use super::pages::{self, CampaignView, ReportView};
use super::paths;
use crate::document::Owner;
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
    /// About how long the rendered file is: the campaigns' drawings and
    /// stories are nearly all of it. Its buffer is made this large at
    /// once (memory not written to is not taken), instead of growing by
    /// doubling, a fresh copy each time.
    #[serde(skip)]
    pub size_hint: usize,
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
/// (see [`fill_style`]: the sheet has the faces its rendered text needs).
pub fn context(
    site: &Site,
    doc: &ReportDoc,
    slug: &str,
    version: &str,
    url: Option<&str>,
    drawn: &Drawn,
) -> SingleContext {
    let lang = &doc.lang;
    let emit = |prefix: &str, data: &DataLinks| SingleEmit {
        site,
        lang,
        drawn,
        prefix: prefix.to_string(),
        data: data.clone(),
    };
    // Each part's data is beside its page on the live site.
    let report_data = DataLinks::live(site, &paths::report(lang, slug), Owner::Report(slug.into()));
    let report_charts =
        |c: &crate::document::ChartRef| chart_html(drawn, lang, c, "", &report_data);
    let mut report = pages::report_view(
        doc,
        slug,
        Vec::new(),
        &emit("", &report_data),
        &report_charts,
    );
    report.version = version.to_string();
    let campaigns: Vec<SingleCampaign> = doc
        .campaigns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let anchor = format!("c{}-", i + 1);
            let page = paths::campaign(lang, slug, &c.facts.slug);
            let data = DataLinks::live(site, &page, Owner::Campaign(c.facts.slug.clone()));
            let cx = emit(&anchor, &data);
            let charts = |r: &crate::document::ChartRef| chart_html(drawn, lang, r, &anchor, &data);
            let no_title = Localised {
                text: String::new(),
                lang: lang.clone(),
                fallback: false,
            };
            let figures = data.file(super::data::FIGURES_FILE);
            SingleCampaign {
                campaign: pages::campaign_view(c, no_title, String::new(), &cx, &charts, figures),
                anchor,
            }
        })
        .collect();
    let size_hint = 2 * campaigns
        .iter()
        .map(|c| c.campaign.html_len())
        .sum::<usize>()
        + (1 << 20);
    SingleContext {
        size_hint,
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

/// Where the style sheet goes in the rendered file, and where its hash
/// goes in the Content-Security-Policy: the file is rendered once, its
/// text read for the font faces it needs, and then the two are filled in
/// (a report of a thousand campaigns is 10 MB of HTML; rendering it a
/// second time cost more than the rest of its download). Private-use
/// characters, which no text of a report has before its `<style>`.
const STYLE_SLOT: &str = "\u{E000}impact-style\u{E000}";
const HASH_SLOT: &str = "\u{E000}impact-style-hash\u{E000}";

impl SingleContext {
    /// Leaves the style sheet and its hash to [`fill_style`].
    pub fn leave_style_open(&mut self) {
        self.style = STYLE_SLOT.to_string();
        self.style_hash = HASH_SLOT.to_string();
    }
}

/// The file `html` (rendered after [`SingleContext::leave_style_open`]) with
/// the style sheet `css_for` makes from its text in its `<style>`, and that
/// sheet's hash in its Content-Security-Policy; `css_for` is given the
/// file's text without the slots. A theme's `single.html` may leave either
/// out, as it could before.
pub fn fill_style(mut html: String, css_for: impl FnOnce(&[&str]) -> String) -> String {
    let mut slots: Vec<(usize, &str)> = [HASH_SLOT, STYLE_SLOT]
        .into_iter()
        .filter_map(|slot| Some((html.find(slot)?, slot)))
        .collect();
    slots.sort_unstable();
    let mut pieces = Vec::new();
    let mut from = 0;
    for &(at, slot) in &slots {
        pieces.push(&html[from..at]);
        from = at + slot.len();
    }
    pieces.push(&html[from..]);
    let css = css_for(&pieces);
    let hash = style_hash(&css);
    // Filled in place, the last slot first so that the first's offset
    // holds: a copy of the whole file was 10 MB of fresh memory for a
    // report of a thousand campaigns.
    html.reserve(css.len() + hash.len());
    for (at, slot) in slots.into_iter().rev() {
        let text = if slot == HASH_SLOT { &hash } else { &css };
        html.replace_range(at..at + slot.len(), text);
    }
    html
}

/// SHA-256 of the style sheet, base64, as a CSP `style-src` names it.
fn style_hash(css: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(css))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_style_and_its_hash_fill_their_slots_from_the_text_around_them() {
        let html = format!(
            "<meta content=\"style-src 'sha256-{HASH_SLOT}'\"><style>{STYLE_SLOT}</style><p>ą</p>"
        );
        let mut seen = String::new();
        let out = fill_style(html, |pieces| {
            seen = pieces.concat();
            format!("b{{}}/* {} */", pieces.len())
        });
        assert_eq!(
            seen, "<meta content=\"style-src 'sha256-'\"><style></style><p>ą</p>",
            "the text the faces are chosen from has no slot in it"
        );
        let css = "b{}/* 3 */";
        assert_eq!(
            out,
            format!(
                "<meta content=\"style-src 'sha256-{}'\"><style>{css}</style><p>ą</p>",
                style_hash(css)
            )
        );
    }

    #[test]
    fn a_template_without_a_style_is_left_as_it_is() {
        let out = fill_style("<p>no style</p>".into(), |_| "b{}".to_string());
        assert_eq!(out, "<p>no style</p>");
    }
}
