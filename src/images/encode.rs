//! A raster image read, turned upright and made again at the widths the
//! pages use. Nothing of the original file but its pixels (and its colour
//! profile, so that colours stay as the camera saw them) reaches the
//! renditions: image-rs's encoders write no EXIF, XMP or text chunk unless
//! asked, and they are not asked.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::codecs::webp::WebPEncoder;
use image::{DynamicImage, ExtendedColorType, ImageDecoder, ImageEncoder, ImageFormat};

use super::sniff::{self, Sniffed};
use super::{Format, ImageError, Rendition, JPEG_QUALITY, MAX_PIXELS, WIDTHS};

/// An image read and turned upright.
pub struct Upright {
    /// The pixels, oriented as the camera was held.
    pub image: DynamicImage,
    /// The embedded colour profile, kept in the renditions.
    pub icc: Option<Vec<u8>>,
    /// Some pixel is not fully opaque: the renditions are PNG.
    pub transparent: bool,
}

/// The size of the image in `bytes` as it will stand (EXIF orientation
/// applied), read from its header only.
pub fn upright_size(kind: Sniffed, bytes: &[u8]) -> Result<(u32, u32), ImageError> {
    let mut decoder = decoder(kind, bytes)?;
    let (w, h) = decoder.dimensions();
    check_pixels(w, h)?;
    let orientation = decoder.orientation().map_err(damaged)?;
    Ok(turned(orientation, w, h))
}

/// Reads the image in `bytes` (of kind `kind`) and turns it upright.
pub fn read(kind: Sniffed, bytes: &[u8]) -> Result<Upright, ImageError> {
    if kind == Sniffed::Jpeg && !sniff::jpeg_is_complete(bytes) {
        return Err(ImageError::new(
            "is incomplete: the JPEG ends before the end of the picture",
            "the file was cut off while it was copied: copy it again from the camera or phone",
        ));
    }
    let mut decoder = decoder(kind, bytes)?;
    let (w, h) = decoder.dimensions();
    check_pixels(w, h)?;
    let orientation = decoder.orientation().map_err(damaged)?;
    let icc = decoder.icc_profile().ok().flatten();
    let mut image = DynamicImage::from_decoder(decoder).map_err(damaged)?;
    image.apply_orientation(orientation);
    let transparent = image.color().has_alpha() && image.to_rgba8().pixels().any(|p| p.0[3] < 255);
    Ok(Upright {
        image,
        icc,
        transparent,
    })
}

/// The widths of the renditions of an image `width` wide: those of
/// [`WIDTHS`] below it, and its own width when that is under the largest
/// (an image is never made larger than it is).
pub fn widths(width: u32) -> Vec<u32> {
    let mut out: Vec<u32> = WIDTHS.iter().copied().filter(|w| *w < width).collect();
    if width <= WIDTHS[WIDTHS.len() - 1] {
        out.push(width);
    } else {
        out.push(WIDTHS[WIDTHS.len() - 1]);
    }
    out.dedup();
    out
}

/// The height of a rendition `to` wide of an image `w` × `h`.
pub fn height_at(w: u32, h: u32, to: u32) -> u32 {
    let scaled = (u64::from(h) * u64::from(to) + u64::from(w) / 2) / u64::from(w.max(1));
    (scaled as u32).max(1)
}

/// The renditions of `up` (JPEG, or PNG when it is transparent), and its
/// lossless WebP renditions when they are all smaller than the PNG ones.
/// image-rs encodes WebP losslessly only: for photos that is always larger
/// than JPEG, so it is only tried beside PNG.
pub fn renditions(up: &Upright) -> Result<(Vec<Rendition>, Vec<Rendition>), ImageError> {
    let (w, h) = (up.image.width(), up.image.height());
    let mut main = Vec::new();
    let mut webp = Vec::new();
    // The largest is made from the original, each smaller one from the
    // one above it. Area averaging (image-rs's `thumbnail`), not Lanczos3:
    // for these reductions (2.5× from a phone's 4000 px) it does not
    // alias, and took 0.17 s where Lanczos3 took 1.7 s on a 12 MP photo
    // (docs/PERFORMANCE.md).
    let mut source = up.image.clone();
    for &to in widths(w).iter().rev() {
        let th = height_at(w, h, to);
        let resized = if (to, th) == (source.width(), source.height()) {
            source
        } else {
            source.thumbnail_exact(to, th)
        };
        if up.transparent {
            let rgba = resized.to_rgba8();
            let png = encode_png(&rgba, up.icc.as_deref())?;
            let lossless = encode_webp(&rgba)?;
            main.push(Rendition::new(to, th, Format::Png, png));
            webp.push(Rendition::new(to, th, Format::Webp, lossless));
        } else {
            let rgb = resized.to_rgb8();
            let jpeg = encode_jpeg(&rgb, up.icc.as_deref())?;
            main.push(Rendition::new(to, th, Format::Jpeg, jpeg));
        }
        source = resized;
    }
    main.reverse();
    webp.reverse();
    let smaller = webp
        .iter()
        .zip(&main)
        .all(|(w, m)| w.bytes.len() < m.bytes.len());
    if !smaller {
        webp.clear();
    }
    Ok((main, webp))
}

fn encode_jpeg(rgb: &image::RgbImage, icc: Option<&[u8]>) -> Result<Vec<u8>, ImageError> {
    let mut out = Vec::new();
    let mut encoder = JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY);
    if let Some(icc) = icc {
        let _ = encoder.set_icc_profile(icc.to_vec());
    }
    encoder
        .write_image(
            rgb.as_raw(),
            rgb.width(),
            rgb.height(),
            ExtendedColorType::Rgb8,
        )
        .map_err(failed)?;
    Ok(out)
}

fn encode_png(rgba: &image::RgbaImage, icc: Option<&[u8]>) -> Result<Vec<u8>, ImageError> {
    let mut out = Vec::new();
    let mut encoder = PngEncoder::new(&mut out);
    if let Some(icc) = icc {
        let _ = encoder.set_icc_profile(icc.to_vec());
    }
    write_rgba(encoder, rgba)?;
    Ok(out)
}

fn encode_webp(rgba: &image::RgbaImage) -> Result<Vec<u8>, ImageError> {
    let mut out = Vec::new();
    write_rgba(WebPEncoder::new_lossless(&mut out), rgba)?;
    Ok(out)
}

/// Writes `rgba` with `encoder`, whatever its format.
fn write_rgba(encoder: impl ImageEncoder, rgba: &image::RgbaImage) -> Result<(), ImageError> {
    encoder
        .write_image(
            rgba.as_raw(),
            rgba.width(),
            rgba.height(),
            ExtendedColorType::Rgba8,
        )
        .map_err(failed)
}

fn decoder(kind: Sniffed, bytes: &[u8]) -> Result<impl ImageDecoder + '_, ImageError> {
    let format = match kind {
        Sniffed::Jpeg => ImageFormat::Jpeg,
        Sniffed::Png => ImageFormat::Png,
        Sniffed::Gif => ImageFormat::Gif,
        Sniffed::Webp => ImageFormat::WebP,
        _ => {
            return Err(ImageError::new(
                "is not an image that can be read",
                "save it as JPEG or PNG",
            ))
        }
    };
    image::ImageReader::with_format(Cursor::new(bytes), format)
        .into_decoder()
        .map_err(damaged)
}

fn check_pixels(w: u32, h: u32) -> Result<(), ImageError> {
    let pixels = u64::from(w) * u64::from(h);
    if pixels > MAX_PIXELS {
        return Err(ImageError::new(
            format!(
                "is {w} × {h} pixels ({} megapixels; at most {} are read)",
                pixels / 1_000_000,
                MAX_PIXELS / 1_000_000
            ),
            "export it smaller, e.g. 4000 pixels wide: the pages show it at most 1600 wide",
        ));
    }
    if w == 0 || h == 0 {
        return Err(ImageError::new("has no pixels", "export it again"));
    }
    Ok(())
}

fn turned(orientation: image::metadata::Orientation, w: u32, h: u32) -> (u32, u32) {
    use image::metadata::Orientation as O;
    match orientation {
        O::Rotate90 | O::Rotate270 | O::Rotate90FlipH | O::Rotate270FlipH => (h, w),
        _ => (w, h),
    }
}

/// An image the decoder could not read, as the user is told.
pub(super) fn damaged(e: image::ImageError) -> ImageError {
    ImageError::new(
        format!("cannot be read: it is damaged or incomplete ({e})"),
        "open it in an image editor and export it again as JPEG or PNG",
    )
}

/// An image the encoder could not write, as the user is told.
pub(super) fn failed(e: image::ImageError) -> ImageError {
    ImageError::new(
        format!("could not be encoded ({e})"),
        "export it again as JPEG or PNG",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_are_never_made_larger() {
        assert_eq!(widths(4000), vec![480, 960, 1600]);
        assert_eq!(widths(1600), vec![480, 960, 1600]);
        assert_eq!(widths(1200), vec![480, 960, 1200]);
        assert_eq!(widths(480), vec![480]);
        assert_eq!(widths(300), vec![300]);
        assert_eq!(height_at(4000, 3000, 1600), 1200);
        assert_eq!(height_at(3, 1, 1), 1);
    }
}
