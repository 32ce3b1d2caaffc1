//! Social cards: a PNG per report and campaign per language, which link
//! previews (`og:image`, `twitter:image`) show when someone shares a page.
//!
//! A card whose text and font are unchanged since the last build is taken
//! from that build's output instead of being drawn again (see
//! [`charts::card_key`]), as Hugo keeps processed images between builds.

use std::fs;
use std::path::Path;

use super::paths;
use super::view::{FigureView, Viewer};
use super::OutputFile;
use crate::charts::{self, Card};
use crate::diagnostics::Diagnostics;
use crate::model::*;

/// A drawn card and the public URL that names it.
pub struct SocialCard {
    /// `base_url` + path, as `og:image` needs an absolute URL; `None`
    /// when `base_url` is a path (the card is still made, for sharing by
    /// hand and for a later build with a full address).
    pub url: Option<String>,
    /// The PNG, beside the page it belongs to (`None` for a cover photo,
    /// which is published as the page's images are).
    pub file: Option<OutputFile>,
    /// What `og:image:*` says of it.
    pub image: super::pages::CardImage,
}

impl Viewer<'_> {
    /// The card of a report: its title and first headline figure.
    /// `earlier` is the last build's output, whose cards may be taken.
    pub fn report_card(
        &self,
        r: &Report,
        page_path: &str,
        earlier: Option<&Path>,
        diags: &mut Diagnostics,
    ) -> Option<SocialCard> {
        if let Some(card) = self.cover_card(r.cover.as_ref()) {
            return Some(card);
        }
        let figure = r.headline.first().map(|f| self.figure(f, None, diags));
        self.card(page_path, &self.text(&r.title).text, figure, earlier, diags)
    }

    /// The card of a campaign: its name and first result.
    pub fn campaign_card(
        &self,
        c: &Campaign,
        page_path: &str,
        earlier: Option<&Path>,
        diags: &mut Diagnostics,
    ) -> Option<SocialCard> {
        if let Some(card) = self.cover_card(c.cover.as_ref()) {
            return Some(card);
        }
        let figure = c
            .results
            .iter()
            .find(|f| f.audience.is_none())
            .or(c.results.first())
            .map(|f| self.figure(f, None, diags));
        self.card(page_path, &self.text(&c.name).text, figure, earlier, diags)
    }

    /// A page with a cover photo shares the photo (its widest rendition)
    /// rather than a drawn card.
    fn cover_card(&self, cover: Option<&Cover>) -> Option<SocialCard> {
        let photo = self.site.photos.get(&cover?.src)?;
        if !photo.resized() {
            return None; // an SVG or GIF: link previews want JPEG or PNG
        }
        let r = photo.largest();
        Some(SocialCard {
            url: self
                .site
                .config
                .address()
                .map(|a| paths::absolute(a, &r.path)),
            file: None,
            image: super::pages::CardImage {
                mime: r.format.mime().into(),
                width: r.width,
                height: r.height,
                alt: Some(self.text(&cover?.alt).text),
            },
        })
    }

    fn card(
        &self,
        page_path: &str,
        title: &str,
        figure: Option<FigureView>,
        earlier: Option<&Path>,
        diags: &mut Diagnostics,
    ) -> Option<SocialCard> {
        let (value, label) = figure.map(|f| (f.value, f.label.text)).unwrap_or_default();
        let card = Card {
            title,
            figure: &value,
            figure_label: &label,
            organisation: &self.site.config.organisation.name,
            colour: match self.site.config.brand.colour {
                Some(c) => charts::palette::rgb((c.0, c.1, c.2)),
                None => charts::palette::SERIES[0],
            },
            logo: self
                .site
                .config
                .brand
                .logo
                .as_ref()
                .and_then(|l| l.card.as_ref()),
        };
        let path = card_path(page_path);
        let fonts = self.fonts?;
        let kept = earlier.and_then(|dir| earlier_card(dir, &path, &card, fonts));
        match kept.map_or_else(|| charts::draw_card_png(&card, fonts), Ok) {
            Ok(bytes) => Some(SocialCard {
                url: self
                    .site
                    .config
                    .address()
                    .map(|a| paths::absolute(a, &path)),
                file: Some(OutputFile { path, bytes }),
                image: super::pages::CardImage::default(),
            }),
            Err(e) => {
                let error = super::RenderError::Card {
                    page: page_path.to_string(),
                    reason: e.to_string(),
                };
                diags.push(error.diagnostic());
                None
            }
        }
    }
}

/// The card at `path` in the last build's output `dir`, if it is the card
/// this build would draw: a plain file (a link is not followed) carrying
/// the key of `card`. Anything else (no file, another card, a file that is
/// not a PNG) means drawing it.
fn earlier_card(dir: &Path, path: &str, card: &Card, fonts: &charts::Fonts) -> Option<Vec<u8>> {
    let file = dir.join(path);
    if !fs::symlink_metadata(&file).ok()?.is_file() {
        return None;
    }
    let bytes = fs::read(&file).ok()?;
    (charts::key_in_card(&bytes)? == charts::card_key(card, fonts)).then_some(bytes)
}

/// `en/r/index.html` -> `en/r/card.png`.
fn card_path(page_path: &str) -> String {
    let dir = page_path.strip_suffix("index.html").unwrap_or(page_path);
    format!("{dir}card.png")
}

#[cfg(test)]
mod tests {
    #[test]
    fn cards_sit_beside_their_page() {
        assert_eq!(super::card_path("en/r/c/index.html"), "en/r/c/card.png");
    }
}
