//! The logo as the social cards paint it. Cards are palette PNGs drawn by
//! our own code (`charts::card`), so the logo is made once per build into
//! pixels of a few colours on the card's white: a PNG decoded by `png` and
//! resampled, an SVG drawn by `resvg` (the renderer Typst's PDF writer
//! already brings) at the card's size, so it stays sharp.
//!
//! Nothing is read but the logo's own bytes: an SVG's `<image>` may carry
//! a `data:` image, never a file path or an address.

use sha2::{Digest, Sha256};

use crate::model::{LogoFormat, LogoRaster};

/// The card's background, which transparent parts of the logo show.
const PAPER: [u8; 3] = [0xff, 0xff, 0xff];

/// Why a logo cannot be drawn on a card.
#[derive(Debug, thiserror::Error)]
pub enum RasterError {
    /// The PNG could not be decoded.
    #[error("the PNG cannot be decoded ({0})")]
    Png(String),
    /// The SVG could not be read.
    #[error("the SVG cannot be read ({0})")]
    Svg(String),
    /// It has no area.
    #[error("it has no size to draw")]
    Empty,
}

/// `bytes` drawn to fit in `max_width` × `max_height` card pixels, keeping
/// its proportions, in at most `max_colours` colours besides the white.
pub fn card_raster(
    format: LogoFormat,
    bytes: &[u8],
    max_width: u32,
    max_height: u32,
    max_colours: usize,
) -> Result<LogoRaster, RasterError> {
    let (width, height, rgb) = match format {
        LogoFormat::Png => png_on_paper(bytes, max_width, max_height)?,
        LogoFormat::Svg => svg_on_paper(bytes, max_width, max_height)?,
    };
    let (colours, pixels) = quantise(&rgb, max_colours);
    let mut hash = Sha256::new();
    hash.update(width.to_le_bytes());
    hash.update(height.to_le_bytes());
    for c in &colours {
        hash.update(c);
    }
    hash.update(&pixels);
    Ok(LogoRaster {
        width,
        height,
        colours,
        pixels,
        digest: hash.finalize().into(),
    })
}

/// The size that fits `(w, h)` in the box, and its scale.
fn fit(w: f64, h: f64, max_width: u32, max_height: u32) -> Result<(u32, u32, f64), RasterError> {
    if !(w > 0.0 && h > 0.0 && w.is_finite() && h.is_finite()) {
        return Err(RasterError::Empty);
    }
    let scale = (f64::from(max_width) / w).min(f64::from(max_height) / h);
    let tw = ((w * scale).round() as u32).clamp(1, max_width);
    let th = ((h * scale).round() as u32).clamp(1, max_height);
    Ok((tw, th, scale))
}

/// A PNG decoded, resampled (4 × 4 samples a pixel, alpha-weighted) and
/// laid on white: RGB rows.
fn png_on_paper(
    bytes: &[u8],
    max_width: u32,
    max_height: u32,
) -> Result<(u32, u32, Vec<u8>), RasterError> {
    let err = |e: png::DecodingError| RasterError::Png(e.to_string());
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(err)?;
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).map_err(err)?;
    let channels = match info.color_type {
        png::ColorType::Grayscale => 1,
        png::ColorType::GrayscaleAlpha => 2,
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        png::ColorType::Indexed => return Err(RasterError::Png("palette not expanded".into())),
    };
    let (w, h) = (info.width as usize, info.height as usize);
    let rgba = |x: usize, y: usize| -> [f64; 4] {
        let p = &buf[y * info.line_size + x * channels..][..channels];
        let (rgb, a) = match channels {
            1 => ([p[0]; 3], 255),
            2 => ([p[0]; 3], p[1]),
            3 => ([p[0], p[1], p[2]], 255),
            _ => ([p[0], p[1], p[2]], p[3]),
        };
        let a = f64::from(a) / 255.0;
        [
            f64::from(rgb[0]) * a,
            f64::from(rgb[1]) * a,
            f64::from(rgb[2]) * a,
            a,
        ]
    };
    let (tw, th, scale) = fit(w as f64, h as f64, max_width, max_height)?;
    const SAMPLES: usize = 4;
    let mut out = Vec::with_capacity(tw as usize * th as usize * 3);
    for ty in 0..th as usize {
        for tx in 0..tw as usize {
            let mut sum = [0.0; 4];
            for sy in 0..SAMPLES {
                for sx in 0..SAMPLES {
                    let at = |t: usize, s: usize, len: usize| {
                        let v = (t as f64 + (s as f64 + 0.5) / SAMPLES as f64) / scale;
                        (v as usize).min(len - 1)
                    };
                    let p = rgba(at(tx, sx, w), at(ty, sy, h));
                    for (acc, v) in sum.iter_mut().zip(p) {
                        *acc += v;
                    }
                }
            }
            let n = (SAMPLES * SAMPLES) as f64;
            let alpha = sum[3] / n;
            for (c, paper) in sum[..3].iter().zip(PAPER) {
                let v = c / n + (1.0 - alpha) * f64::from(paper);
                out.push(v.round().clamp(0.0, 255.0) as u8);
            }
        }
    }
    Ok((tw, th, out))
}

/// An SVG drawn by resvg at the size that fits, laid on white: RGB rows.
fn svg_on_paper(
    bytes: &[u8],
    max_width: u32,
    max_height: u32,
) -> Result<(u32, u32, Vec<u8>), RasterError> {
    use resvg::{tiny_skia, usvg};
    // No file or address is read for an <image>: only data: images.
    let options = usvg::Options {
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: usvg::ImageHrefResolver::default_data_resolver(),
            resolve_string: Box::new(|_, _| None),
        },
        ..Default::default()
    };
    let tree =
        usvg::Tree::from_data(bytes, &options).map_err(|e| RasterError::Svg(e.to_string()))?;
    let size = tree.size();
    let (w, h) = (f64::from(size.width()), f64::from(size.height()));
    let (tw, th, scale) = fit(w, h, max_width, max_height)?;
    let mut pixmap = tiny_skia::Pixmap::new(tw, th).ok_or(RasterError::Empty)?;
    let transform = tiny_skia::Transform::from_scale(scale as f32, scale as f32);
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    // Premultiplied RGBA over white: colour + (1 - alpha) × white.
    let out = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|p| {
            let rest = 255 - p[3];
            [
                p[0].saturating_add(rest),
                p[1].saturating_add(rest),
                p[2].saturating_add(rest),
            ]
        })
        .collect();
    Ok((tw, th, out))
}

/// RGB pixels as palette indices: white is 0; the `max_colours` most used
/// other colours are kept exactly (a logo's own colours, which fill most
/// of it), the rest (anti-aliased edges) take the nearest of those or
/// white. Ties go to the lower colour, so the result is the same each time.
fn quantise(rgb: &[u8], max_colours: usize) -> (Vec<[u8; 3]>, Vec<u8>) {
    use std::collections::BTreeMap;
    let pixels: Vec<[u8; 3]> = rgb.chunks_exact(3).map(|p| [p[0], p[1], p[2]]).collect();
    let mut counts: BTreeMap<[u8; 3], usize> = BTreeMap::new();
    for p in &pixels {
        if *p != PAPER {
            *counts.entry(*p).or_default() += 1;
        }
    }
    let mut by_use: Vec<([u8; 3], usize)> = counts.into_iter().collect();
    by_use.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let colours: Vec<[u8; 3]> = by_use
        .iter()
        .take(max_colours.min(255))
        .map(|(c, _)| *c)
        .collect();
    let mut index: BTreeMap<[u8; 3], u8> = colours
        .iter()
        .enumerate()
        .map(|(i, c)| (*c, i as u8 + 1))
        .collect();
    index.insert(PAPER, 0);
    let distance = |a: [u8; 3], b: [u8; 3]| -> i32 {
        a.iter()
            .zip(b)
            .map(|(x, y)| (i32::from(*x) - i32::from(y)).pow(2))
            .sum()
    };
    let out = pixels
        .iter()
        .map(|p| {
            if let Some(i) = index.get(p) {
                return *i;
            }
            let nearest = std::iter::once((0u8, PAPER))
                .chain(colours.iter().enumerate().map(|(i, c)| (i as u8 + 1, *c)))
                .min_by_key(|(i, c)| (distance(*p, *c), *i))
                .map_or(0, |(i, _)| i);
            index.insert(*p, nearest);
            nearest
        })
        .collect();
    (colours, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32, rgba: &[u8]) -> Vec<u8> {
        let mut bytes = Vec::new();
        let mut encoder = png::Encoder::new(&mut bytes, width, height);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().unwrap();
        writer.write_image_data(rgba).unwrap();
        writer.finish().unwrap();
        bytes
    }

    #[test]
    fn a_png_is_scaled_to_fit_and_keeps_its_colours() {
        // 4 × 2: left half red, right half transparent.
        let px = |x: u32| {
            if x < 2 {
                [0xc0, 0x10, 0x20, 0xff]
            } else {
                [0, 0, 0, 0]
            }
        };
        let rgba: Vec<u8> = (0..2).flat_map(|_| (0..4).flat_map(px)).collect();
        let r = card_raster(LogoFormat::Png, &png(4, 2, &rgba), 100, 20, 189).unwrap();
        assert_eq!((r.width, r.height), (40, 20));
        assert_eq!(r.colours, vec![[0xc0, 0x10, 0x20]]);
        assert_eq!(r.pixels[0], 1, "left is the logo's red");
        assert_eq!(r.pixels[39], 0, "right is the card's white");
    }

    #[test]
    fn an_svg_is_drawn_at_the_card_size() {
        let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 5"><rect width="5" height="5" fill="#0b5d6b"/></svg>"##;
        let r = card_raster(LogoFormat::Svg, svg, 200, 50, 189).unwrap();
        assert_eq!((r.width, r.height), (100, 50));
        assert_eq!(r.colours[0], [0x0b, 0x5d, 0x6b]);
        assert_eq!(r.pixels[10 * 100 + 10], 1);
        assert_eq!(r.pixels[10 * 100 + 90], 0);
    }

    #[test]
    fn an_svg_reads_no_file() {
        // A red PNG beside the test, which usvg's own resolver would read.
        let file = std::env::temp_dir().join(format!("impact-logo-{}.png", std::process::id()));
        std::fs::write(&file, png(1, 1, &[0xff, 0, 0, 0xff])).unwrap();
        let svg = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><image width="10" height="10" xlink:href="{}"/></svg>"#,
            file.display()
        );
        let r = card_raster(LogoFormat::Svg, svg.as_bytes(), 10, 10, 189);
        std::fs::remove_file(&file).ok();
        assert!(r.unwrap().pixels.iter().all(|p| *p == 0));
    }

    #[test]
    fn broken_logos_are_errors() {
        assert!(card_raster(LogoFormat::Png, b"not a png", 10, 10, 189).is_err());
        assert!(card_raster(LogoFormat::Svg, b"<svg", 10, 10, 189).is_err());
    }

    #[test]
    fn colours_past_the_limit_take_the_nearest_kept_one() {
        let rgb = [
            [10, 10, 10],
            [10, 10, 10],
            [200, 0, 0],
            [200, 0, 0],
            [12, 10, 10],
            [250, 250, 250],
        ]
        .concat();
        let (colours, pixels) = quantise(&rgb, 2);
        assert_eq!(colours, vec![[10, 10, 10], [200, 0, 0]]);
        assert_eq!(pixels, vec![1, 1, 2, 2, 1, 0]);
    }
}
