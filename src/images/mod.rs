//! Photos and drawings kept beside the Markdown, made fit to publish: the
//! file is checked to be what its name says, turned upright (EXIF
//! orientation), stripped of every metadata block (a phone photo carries
//! where it was taken and the camera's serial; for an anti-trafficking
//! charity that can put people in danger), and made again at a few widths
//! ([`WIDTHS`], never larger than it is) for `srcset`. The original file is
//! never published. SVG drawings were checked for scripts by the loader and
//! are published as they are; a small animated GIF keeps its frames and
//! their timing, written again without its other blocks.
//!
//! Images are made in parallel and kept in a cache (`.impact/cache/images`
//! of the site) keyed by their bytes and these settings, so a rebuild
//! re-encodes nothing.

mod cache;
mod encode;
pub mod sniff;

use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::prelude::*;

pub use cache::{clean, Cache};
use sniff::Sniffed;

/// The widths of the renditions, in pixels: a phone (480 CSS px at 1×,
/// or 390 at 2×… the 960), a laptop's column (672 CSS px) at 1× and at 2×
/// (the 1600).
pub const WIDTHS: [u32; 3] = [480, 960, 1600];
/// The width of the rendition an image's `src` names (a laptop's column
/// at 1×); `srcset` offers the others.
pub const DEFAULT_WIDTH: u32 = 960;
/// JPEG quality of the renditions (libjpeg's scale): the sizes measured
/// in docs/images.md.
pub const JPEG_QUALITY: u8 = 80;
/// The largest image file read (bytes).
pub const MAX_BYTES: u64 = 50 * 1000 * 1000;
/// The most pixels an image may have (40 megapixels: a phone's largest
/// photo is 48 MP binned to 12; 40 MP is a professional camera's).
pub const MAX_PIXELS: u64 = 40 * 1000 * 1000;
/// An animated GIF up to this size keeps its animation (its frames written
/// again, without its other blocks); a larger one is shown by its first
/// frame.
pub const SMALL_GIF_BYTES: usize = 1000 * 1000;
/// Everything that changes what is made from the same bytes: part of the
/// cache key, so a change of settings makes every image again.
const SETTINGS: &str =
    "impact-images 2: gif frames only, widths 480 960 1600, jpeg 80, png, webp lossless, area averaging";

/// File endings read as images (the rest of the media, PDFs, are
/// published as they are).
pub const EXTENSIONS: &[&str] = &[
    "jpg", "jpeg", "png", "gif", "webp", "svg", "avif", "heic", "heif",
];

/// Whether the file at `path` (by its ending) is an image.
pub fn is_image(path: &str) -> bool {
    path.rsplit_once('.')
        .is_some_and(|(_, ext)| EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()))
}

/// Why an image cannot be published, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageError {
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: String,
}

impl ImageError {
    fn new(message: impl Into<String>, help: impl Into<String>) -> Self {
        ImageError {
            message: message.into(),
            help: help.into(),
        }
    }
}

/// The format of a published rendition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Format {
    /// Photos.
    Jpeg,
    /// Images with transparency.
    Png,
    /// Lossless WebP beside PNG, where it is smaller.
    Webp,
    /// A small animated GIF, as it was.
    Gif,
    /// A checked SVG drawing, as it was.
    Svg,
}

impl Format {
    /// The file ending.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Jpeg => "jpg",
            Format::Png => "png",
            Format::Webp => "webp",
            Format::Gif => "gif",
            Format::Svg => "svg",
        }
    }

    /// The MIME type.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Jpeg => "image/jpeg",
            Format::Png => "image/png",
            Format::Webp => "image/webp",
            Format::Gif => "image/gif",
            Format::Svg => "image/svg+xml",
        }
    }
}

/// One published file of an image.
#[derive(Debug, Clone)]
pub struct Rendition {
    /// Pixels across (for SVG, its own width in CSS px).
    pub width: u32,
    /// Pixels down.
    pub height: u32,
    /// Its format.
    pub format: Format,
    /// The file (empty for `impact check`, which encodes nothing).
    pub bytes: Arc<Vec<u8>>,
    /// Where it is published (`assets/media/photo-960.<hash>.jpg`).
    pub path: String,
}

impl Rendition {
    fn new(width: u32, height: u32, format: Format, bytes: Vec<u8>) -> Self {
        Rendition {
            width,
            height,
            format,
            bytes: Arc::new(bytes),
            path: String::new(),
        }
    }
}

/// An image made fit to publish.
#[derive(Debug, Clone)]
pub struct Photo {
    /// Width as it stands (upright), in pixels.
    pub width: u32,
    /// Height as it stands.
    pub height: u32,
    /// Its renditions, narrowest first (one for SVG and kept GIFs).
    pub renditions: Vec<Rendition>,
    /// The same widths as lossless WebP, when every one is smaller; else
    /// empty.
    pub webp: Vec<Rendition>,
}

impl Photo {
    /// The widest rendition no wider than `width` (the narrowest when
    /// every one is wider).
    pub fn at_most(&self, width: u32) -> &Rendition {
        self.renditions
            .iter()
            .rev()
            .find(|r| r.width <= width)
            .unwrap_or(&self.renditions[0])
    }

    /// The widest rendition.
    pub fn largest(&self) -> &Rendition {
        &self.renditions[self.renditions.len() - 1]
    }

    /// Whether the renditions are sizes of a raster image (`srcset`
    /// applies), not one file kept as it was.
    pub fn resized(&self) -> bool {
        !matches!(self.renditions[0].format, Format::Svg | Format::Gif)
    }

    /// Every published file of it.
    pub fn files(&self) -> impl Iterator<Item = &Rendition> {
        self.renditions.iter().chain(&self.webp)
    }
}

/// The images of a site, by their path from the site root.
pub type Photos = BTreeMap<String, Arc<Photo>>;

/// What the image stage did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    /// Images encoded by this build.
    pub encoded: usize,
    /// Images taken from the cache.
    pub reused: usize,
}

/// Makes every image among `media` (path from the site root -> bytes) fit
/// to publish, on every core. `encode` is false for `impact check`, which
/// reads and checks every image but encodes (and writes) nothing.
pub fn process(
    media: &BTreeMap<String, Vec<u8>>,
    cache: &Cache,
    encode: bool,
) -> (Photos, Vec<(String, ImageError)>, Stats) {
    type Made<'a> = (&'a String, Result<(Photo, bool), ImageError>);
    let results: Vec<Made> = media
        .par_iter()
        .filter(|(path, _)| is_image(path))
        .map(|(path, bytes)| (path, process_one(path, bytes, cache, encode)))
        .collect();
    let mut photos = Photos::new();
    let mut errors = Vec::new();
    let mut stats = Stats::default();
    for (path, result) in results {
        match result {
            Ok((photo, reused)) => {
                match reused {
                    true => stats.reused += 1,
                    false => stats.encoded += usize::from(encode),
                }
                photos.insert(path.clone(), Arc::new(photo));
            }
            Err(e) => errors.push((path.clone(), e)),
        }
    }
    (photos, errors, stats)
}

/// One image: from the cache, or checked and made. The flag says it came
/// from the cache.
fn process_one(
    path: &str,
    bytes: &[u8],
    cache: &Cache,
    encode: bool,
) -> Result<(Photo, bool), ImageError> {
    // What the file is, checked first: the same bytes under another name
    // may be in the cache.
    let kind = kind_of(path, bytes)?;
    let key = cache::key(bytes);
    let (mut photo, reused) = match cache.get(&key) {
        Some(photo) => (photo, true),
        None => {
            let photo = make(kind, bytes, encode)?;
            if encode {
                cache.put(&key, &photo);
            }
            (photo, false)
        }
    };
    name_files(&mut photo, path, &key);
    Ok((photo, reused))
}

/// Where each rendition is published: `assets/media/<name>-<width>.<key>.<ext>`.
fn name_files(photo: &mut Photo, path: &str, key: &str) {
    let file = path.rsplit('/').next().unwrap_or(path);
    let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
    let short = &key[..10];
    let resized = photo.resized();
    for r in photo.renditions.iter_mut().chain(photo.webp.iter_mut()) {
        let ext = r.format.extension();
        r.path = match resized {
            true => format!("assets/media/{stem}-{}.{short}.{ext}", r.width),
            false => format!("assets/media/{stem}.{short}.{ext}"),
        };
    }
}

/// What the image at `path` is, when it is what its name says and of a
/// kind that can be published.
fn kind_of(path: &str, bytes: &[u8]) -> Result<Sniffed, ImageError> {
    let ext = path.rsplit_once('.').map_or("", |(_, e)| e);
    let named = Sniffed::of_extension(ext);
    let kind = sniff::sniff(bytes);
    if bytes.len() as u64 > MAX_BYTES {
        return Err(ImageError::new(
            format!("is over {} MB", MAX_BYTES / 1_000_000),
            "export it smaller, e.g. as a JPEG 4000 pixels wide: the pages show it at most 1600 wide",
        ));
    }
    match kind {
        Sniffed::Heic | Sniffed::Avif => return Err(phone_format(kind)),
        Sniffed::Text => {
            return Err(ImageError::new(
                format!("is named .{ext} but holds text, not an image"),
                "put the image itself here (a JPEG or PNG file), or remove the file",
            ))
        }
        Sniffed::Unknown => {
            return Err(ImageError::new(
                format!("is named .{ext} but is not an image that can be read"),
                "save the image as JPEG (photos) or PNG (drawings) and put that file here",
            ))
        }
        _ => {}
    }
    if kind != named {
        let right = kind.extension().unwrap_or("jpg");
        let renamed = format!(
            "{}.{right}",
            path.rsplit('/')
                .next()
                .unwrap_or(path)
                .rsplit_once('.')
                .map_or(path, |(s, _)| s)
        );
        return Err(ImageError::new(
            format!("is named .{ext} but is {}", kind.name()),
            format!("rename it {renamed}, and write that name in the Markdown"),
        ));
    }
    Ok(kind)
}

/// Checks and makes one image of kind `kind` (`encode` false: checks and
/// measures only).
fn make(kind: Sniffed, bytes: &[u8], encode: bool) -> Result<Photo, ImageError> {
    if kind == Sniffed::Svg {
        return svg(bytes);
    }
    if kind == Sniffed::Gif && bytes.len() <= SMALL_GIF_BYTES {
        let frames = gif_frames(bytes)?;
        if frames.len() > 1 {
            let (width, height) = encode::upright_size(kind, bytes)?;
            // Written again from its frames alone: a GIF's comment and
            // application blocks (XMP) can name its author, and nothing
            // but pixels and timing is published.
            let gif = match encode {
                true => gif_from_frames(frames)?,
                false => Vec::new(),
            };
            return Ok(Photo {
                width,
                height,
                renditions: vec![Rendition::new(width, height, Format::Gif, gif)],
                webp: Vec::new(),
            });
        }
    }
    let up = encode::read(kind, bytes)?;
    let (width, height) = (up.image.width(), up.image.height());
    let (renditions, webp) = match encode {
        true => encode::renditions(&up)?,
        false => (
            encode::widths(width)
                .into_iter()
                .map(|w| {
                    let format = if up.transparent {
                        Format::Png
                    } else {
                        Format::Jpeg
                    };
                    Rendition::new(w, encode::height_at(width, height, w), format, Vec::new())
                })
                .collect(),
            Vec::new(),
        ),
    };
    Ok(Photo {
        width,
        height,
        renditions,
        webp,
    })
}

/// The frames of a (small) GIF; every frame is read, so a damaged one is
/// found before anything is published.
fn gif_frames(bytes: &[u8]) -> Result<Vec<image::Frame>, ImageError> {
    use image::AnimationDecoder;
    let decoder = image::codecs::gif::GifDecoder::new(std::io::Cursor::new(bytes))
        .map_err(encode::damaged)?;
    decoder
        .into_frames()
        .collect_frames()
        .map_err(encode::damaged)
}

/// An animated GIF of `frames` (with their delays), looping, and nothing
/// else: no comment, no application or metadata block.
fn gif_from_frames(frames: Vec<image::Frame>) -> Result<Vec<u8>, ImageError> {
    use image::codecs::gif::{GifEncoder, Repeat};
    let failed = encode::failed;
    let mut gif = Vec::new();
    {
        let mut encoder = GifEncoder::new(&mut gif);
        encoder.set_repeat(Repeat::Infinite).map_err(failed)?;
        encoder.encode_frames(frames).map_err(failed)?;
    }
    Ok(gif)
}

/// An SVG drawing's size (it was checked for scripts when it was read).
fn svg(bytes: &[u8]) -> Result<Photo, ImageError> {
    use resvg::usvg;
    let options = usvg::Options {
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: usvg::ImageHrefResolver::default_data_resolver(),
            resolve_string: Box::new(|_, _| None),
        },
        ..Default::default()
    };
    let tree = usvg::Tree::from_data(bytes, &options).map_err(|e| {
        ImageError::new(
            format!("cannot be read as an SVG drawing ({e})"),
            "export it again from the drawing program, or as PNG",
        )
    })?;
    let size = tree.size();
    let (width, height) = (
        (size.width().round() as u32).max(1),
        (size.height().round() as u32).max(1),
    );
    Ok(Photo {
        width,
        height,
        renditions: vec![Rendition::new(width, height, Format::Svg, bytes.to_vec())],
        webp: Vec::new(),
    })
}

/// HEIC and AVIF, what phones send: image-rs reads them only with C
/// libraries (libheif, dav1d), which the build does without.
fn phone_format(kind: Sniffed) -> ImageError {
    ImageError::new(
        format!(
            "is {}, which web browsers and this tool cannot all show",
            kind.name()
        ),
        "convert it to JPEG: on an iPhone, send it by e-mail or AirDrop as \"Most Compatible\" \
         (Settings > Camera > Formats > Most Compatible takes JPEG from now on); on a Mac, open it \
         in Preview and use File > Export > JPEG; on Windows, open it in Photos and use \
         Save as > .jpg",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_lying_about_its_type_is_refused_with_its_right_name() {
        let png = {
            let mut out = Vec::new();
            image::RgbaImage::from_pixel(4, 3, image::Rgba([10, 20, 30, 128]))
                .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
                .unwrap();
            out
        };
        let e = kind_of("content/campaigns/a/photo.jpg", &png).unwrap_err();
        assert_eq!(e.message, "is named .jpg but is a PNG image");
        assert!(e.help.contains("rename it photo.png"), "{}", e.help);
        let kind = kind_of("content/campaigns/a/photo.png", &png).unwrap();
        let photo = make(kind, &png, true).unwrap();
        assert_eq!((photo.width, photo.height), (4, 3));
        assert_eq!(photo.renditions.len(), 1);
        assert_eq!(photo.renditions[0].format, Format::Png);
    }

    #[test]
    fn phone_formats_say_how_to_convert() {
        let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic".to_vec();
        let e = kind_of("content/campaigns/a/IMG_0001.HEIC", &heic).unwrap_err();
        assert!(e.message.contains("HEIC"), "{}", e.message);
        assert!(e.help.contains("convert it to JPEG"), "{}", e.help);
    }
}
