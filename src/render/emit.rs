//! Where a document's texts go, and what that changes: a page of the site
//! links relative to itself, the single-file HTML links to the live site
//! and carries its images, the PDF links to the live site and prints the
//! drawing of each chart at its size. Each is a context of the emitters
//! in `crate::document`.

use base64::Engine as _;

use super::charts::Drawn;
use super::data::chart_file;
use super::paths;
use crate::document::html::Emit;
use crate::document::pdf::EmitPdf;
use crate::document::{ChartRef, ImageView, Owner, Placement, QuoteView, Target};
use crate::markup::escape;
use crate::model::{Lang, Localised, Site};
use crate::pdf::Block as PdfBlock;

/// A page of the site at `page_path`.
pub struct PageEmit<'a> {
    /// The page's language.
    pub lang: &'a Lang,
    /// The chart stage's drawings.
    pub drawn: &'a Drawn,
    /// The page's output path (links are relative to it).
    pub page_path: &'a str,
    /// Where its charts' CSVs are.
    pub data: DataLinks,
}

/// Where the CSVs of a part's charts are: beside the page that shows the
/// part (see [`chart_file`]), linked from that page itself or, from a
/// download, on the live site. And which drawings a chart brings: a page
/// both (CSS shows the narrow one on phones), a download the wide one.
#[derive(Debug, Clone)]
pub struct DataLinks {
    /// What goes before a file's name: empty on the page itself, the page
    /// folder's full address in a download; none when a download has no
    /// full address to link to (`base_url` is a path).
    pub base: Option<String>,
    /// Whose charts are the page's own.
    pub owner: Owner,
    /// Whether each chart carries its narrow drawing too (pages), or only
    /// the wide one (the single-file HTML, which stays small).
    pub narrow: bool,
}

impl DataLinks {
    /// Links relative to the page itself.
    pub fn beside(owner: Owner) -> DataLinks {
        DataLinks {
            base: Some(String::new()),
            owner,
            narrow: true,
        }
    }

    /// Links from a download to the page at `page_path` on the live site.
    pub fn live(site: &Site, page_path: &str, owner: Owner) -> DataLinks {
        let dir = page_path.strip_suffix("index.html").unwrap_or(page_path);
        DataLinks {
            base: site.config.address().map(|a| paths::absolute(a, dir)),
            owner,
            narrow: false,
        }
    }

    /// The address of `key`'s CSV.
    pub fn chart(&self, key: &ChartRef) -> Option<String> {
        self.file(&chart_file(key, &self.owner))
    }

    /// The address of the file `name` beside the page.
    pub fn file(&self, name: &str) -> Option<String> {
        self.base.as_ref().map(|b| format!("{b}{name}"))
    }
}

impl Emit for PageEmit<'_> {
    fn url(&self, target: &Target) -> String {
        match target {
            Target::Web(url) => url.clone(),
            Target::Page { path, fragment } => {
                format!("{}{fragment}", paths::relative(self.page_path, path))
            }
            Target::Media { path, .. } => paths::relative(self.page_path, path),
            Target::Broken => "#".into(),
        }
    }

    fn block(&self, placement: &Placement) -> String {
        block_html(placement, self.drawn, self.lang, "", &self.data)
    }
}

/// The single-file HTML: one page for the whole report, opened from an
/// e-mail with no network. `prefix` keeps the ids of each part's charts
/// apart (every campaign has a reach chart).
pub struct SingleEmit<'a> {
    /// The site (its address and media).
    pub site: &'a Site,
    /// The report's language.
    pub lang: &'a Lang,
    /// The chart stage's drawings.
    pub drawn: &'a Drawn,
    /// Prefix of the part's ids (its anchors, footnotes and charts).
    pub prefix: String,
    /// Where the part's charts' CSVs are on the live site.
    pub data: DataLinks,
}

impl Emit for SingleEmit<'_> {
    fn url(&self, target: &Target) -> String {
        live_url(self.site, target).unwrap_or_else(|| "#".into())
    }

    /// A link into the site leads to the live site, when `base_url` is a
    /// full address; with a path, its words stay, unlinked.
    fn link(&self, target: &Target) -> Option<String> {
        match target {
            Target::Broken => Some("#".into()),
            t => live_url(self.site, t),
        }
    }

    fn embeds_images(&self) -> bool {
        true
    }

    /// Images go inside the file, as `data:` addresses.
    fn image(&self, target: &Target) -> String {
        match target {
            Target::Media { source, .. } => match self.site.media.get(source) {
                // An image is embedded by the HTML emitter, as a rendition.
                Some(_) if self.site.photos.contains_key(source) => String::new(),
                Some(bytes) => format!(
                    "data:{};base64,{}",
                    mime_of(source),
                    base64::engine::general_purpose::STANDARD.encode(bytes)
                ),
                None => String::new(),
            },
            other => self.url(other),
        }
    }

    fn id(&self, id: &str) -> String {
        format!("{}{id}", self.prefix)
    }

    fn block(&self, placement: &Placement) -> String {
        block_html(placement, self.drawn, self.lang, &self.prefix, &self.data)
    }
}

/// The PDF of a report.
pub struct PdfEmit<'a> {
    /// The site (its address).
    pub site: &'a Site,
    /// The report's language.
    pub lang: &'a Lang,
    /// The chart stage's drawings.
    pub drawn: &'a Drawn,
}

impl EmitPdf for PdfEmit<'_> {
    fn url(&self, target: &Target) -> Option<String> {
        match target {
            Target::Web(url)
                if url.starts_with("http://")
                    || url.starts_with("https://")
                    || url.starts_with("mailto:") =>
            {
                Some(url.clone())
            }
            Target::Web(_) | Target::Broken => None,
            other => live_url(self.site, other),
        }
    }

    fn photo(&self, image: &ImageView) -> Option<PdfBlock> {
        pdf_photo(image, TEXT_COLUMN_MM, PHOTO_MAX_HEIGHT_MM)
    }

    fn chart(&self, chart: &ChartRef) -> Option<PdfBlock> {
        let drawn = self.drawn.get(self.lang, chart)?;
        Some(PdfBlock::Chart {
            svg: drawn.svg_fixed(&format!("chart-{}", chart.id)),
            caption: drawn.title.text.clone(),
        })
    }
}

/// The width of the PDF's text column (A4, 24 mm margins).
pub const TEXT_COLUMN_MM: f64 = 162.0;
/// The tallest a photo in the text is printed.
pub const PHOTO_MAX_HEIGHT_MM: f64 = 110.0;
/// The most dots per inch a printed photo needs; its rendition is the
/// widest with no more at its printed width.
pub const MAX_DPI: f64 = 300.0;
/// A photo is not printed larger than this many dots per inch make it
/// (a small picture stretched over the column would look blurred).
pub const MIN_DPI: f64 = 150.0;
/// The tallest a narrow photo is printed (A4's text height with 24 mm
/// margins, less room for its caption) when [`PHOTO_MAX_HEIGHT_MM`] would
/// make it too narrow for its narrowest rendition at [`MAX_DPI`].
pub const PHOTO_TALLEST_MM: f64 = 230.0;

/// A photo as the PDF prints it, at most `max_w` × `max_h` mm: the
/// rendition is the widest at no more than [`MAX_DPI`] at its printed
/// width, and it is printed no larger than [`MIN_DPI`] allows.
pub fn pdf_photo(image: &ImageView, max_w: f64, max_h: f64) -> Option<PdfBlock> {
    let photo = image.photo.as_ref()?;
    let (w, h) = (f64::from(photo.width), f64::from(photo.height.max(1)));
    let mut width_mm = max_w.min(max_h * w / h);
    if photo.resized() {
        width_mm = width_mm.min(w / MIN_DPI * 25.4);
        // A tall, narrow picture (a poster, an infographic) held to
        // `max_h` would print even its narrowest rendition at more than
        // MAX_DPI: it is printed wide enough for that rendition, taller,
        // up to a page's height.
        let narrowest_mm = f64::from(photo.at_most(0).width) / MAX_DPI * 25.4;
        if width_mm < narrowest_mm {
            width_mm = narrowest_mm.min(max_w).min(PHOTO_TALLEST_MM * w / h);
        }
    }
    let most = (width_mm / 25.4 * MAX_DPI).floor() as u32;
    let r = photo.at_most(most);
    let name = r.path.rsplit('/').next().unwrap_or(&r.path);
    Some(PdfBlock::Photo {
        file: format!("img/{name}"),
        width_mm: (width_mm * 10.0).round() / 10.0,
        alt: image.alt.clone(),
        caption: image.caption.clone(),
        credit: image.credit.clone(),
        bytes: r.bytes.clone(),
    })
}

/// The address of a target on the live site.
fn live_url(site: &Site, target: &Target) -> Option<String> {
    match target {
        Target::Web(url) => Some(url.clone()),
        // A download is read away from the site: only a full address
        // leads back to it (with a path base_url there is none).
        Target::Page { path, fragment } => Some(format!(
            "{}{fragment}",
            paths::absolute(site.config.address()?, path)
        )),
        Target::Media { path, .. } => Some(paths::absolute(site.config.address()?, path)),
        Target::Broken => None,
    }
}

/// The HTML of a quote or chart placement; chart ids start with `prefix`.
fn block_html(
    placement: &Placement,
    drawn: &Drawn,
    lang: &Lang,
    prefix: &str,
    data: &DataLinks,
) -> String {
    match placement {
        Placement::Quote(q) => quote_html(q),
        Placement::Chart(key) => chart_html(drawn, lang, key, prefix, data),
        // Figures and images are written by the Markdown emitter.
        Placement::Metric { .. } | Placement::Phrase { .. } | Placement::Image(_) => String::new(),
    }
}

/// A chart's figure, with the link to its CSV (nothing when it could not
/// be drawn: that was reported).
pub fn chart_html(
    drawn: &Drawn,
    lang: &Lang,
    key: &ChartRef,
    prefix: &str,
    data: &DataLinks,
) -> String {
    drawn
        .get(lang, key)
        .map(|c| {
            let id = format!("{prefix}chart-{}", key.id);
            c.figure_html(&id, data.chart(key).as_deref(), data.narrow)
        })
        .unwrap_or_default()
}

/// A quote as a figure with its attribution.
pub fn quote_html(q: &QuoteView) -> String {
    format!(
        "<figure class=\"quote\"><blockquote{}><p>{}</p></blockquote><figcaption{}>{}</figcaption></figure>",
        lang_attr(&q.text),
        escape(&q.text.text),
        lang_attr(&q.who),
        escape(&q.who.text)
    )
}

fn lang_attr(t: &Localised) -> String {
    if t.fallback {
        format!(" lang=\"{}\" class=\"untranslated\"", t.lang)
    } else {
        String::new()
    }
}

/// The MIME type of a file kept beside the Markdown, by its extension.
fn mime_of(path: &str) -> &'static str {
    let ext = path
        .rsplit('.')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    match ext.as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "svg" => "image/svg+xml",
        "avif" => "image/avif",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::images::{Format, Photo, Rendition};
    use std::sync::Arc;

    /// A photo `w` × `h` px with renditions at `widths`.
    fn image(w: u32, h: u32, widths: &[u32]) -> ImageView {
        let renditions = widths
            .iter()
            .map(|&rw| Rendition {
                width: rw,
                height: rw * h / w,
                format: Format::Jpeg,
                bytes: Arc::new(Vec::new()),
                path: format!("assets/media/p-{rw}.jpg"),
            })
            .collect();
        ImageView {
            target: Target::Web(String::new()),
            alt: "a".into(),
            decorative: false,
            caption: String::new(),
            credit: None,
            photo: Some(Arc::new(Photo {
                width: w,
                height: h,
                renditions,
                webp: Vec::new(),
            })),
        }
    }

    /// The dots per inch of the rendition `block` prints, at its width.
    fn dpi(block: &PdfBlock, widths: &[u32]) -> f64 {
        let PdfBlock::Photo { file, width_mm, .. } = block else {
            panic!("not a photo: {block:?}");
        };
        let px = widths
            .iter()
            .find(|w| file.ends_with(&format!("p-{w}.jpg")))
            .expect("a rendition");
        f64::from(*px) / (width_mm / 25.4)
    }

    #[test]
    fn a_photo_prints_its_widest_rendition_at_no_more_than_300_dpi() {
        let widths = [480, 960, 1600];
        let block = pdf_photo(
            &image(4000, 3000, &widths),
            TEXT_COLUMN_MM,
            PHOTO_MAX_HEIGHT_MM,
        )
        .unwrap();
        let d = dpi(&block, &widths);
        assert!(d <= MAX_DPI + 0.5 && d > 200.0, "{d} dpi");
    }

    #[test]
    fn a_tall_narrow_picture_is_printed_taller_rather_than_above_300_dpi() {
        // 1:4, a poster: held to 110 mm tall it would be 27.5 mm wide,
        // and its 480 px rendition 443 dpi.
        let widths = [480, 960];
        let block = pdf_photo(
            &image(1000, 4000, &widths),
            TEXT_COLUMN_MM,
            PHOTO_MAX_HEIGHT_MM,
        )
        .unwrap();
        let d = dpi(&block, &widths);
        assert!(d <= MAX_DPI + 0.5, "{d} dpi");
        let PdfBlock::Photo { width_mm, .. } = block else {
            unreachable!()
        };
        assert!(
            width_mm * 4.0 <= PHOTO_TALLEST_MM + 0.5,
            "{width_mm} mm wide"
        );
    }
}
