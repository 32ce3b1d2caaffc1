//! Draws the sample site's pictures, so that it shows photos in every
//! output without shipping anyone's photograph (issue 17):
//!
//! - `content/reports/impact-2019-2020/cover.jpg`: an illustration of a
//!   neighbourhood at dawn with people meeting (the report's cover);
//! - `content/campaigns/lithuanian-communities/phone.png`: a phone with a
//!   message and a warning sign, on a transparent background (placed in
//!   the campaign's story in both languages).
//!
//! Run from the project folder: `cargo run --example draw_sample_images`.
//!
//! `cargo run --example draw_sample_images -- --photos DIR N` instead
//! writes N camera-sized pictures (4000 × 3000 JPEG with texture that
//! compresses like a photo; the same pixels, each file made different by a
//! JPEG comment, so each is its own cache entry) into DIR: the corpus of
//! the image benchmark in docs/PERFORMANCE.md.
//! The same program draws the same bytes. The pictures are the project's
//! own, released under CC0 1.0 (see IMAGES-LICENCE.txt beside each).

use image::{Rgba, RgbaImage};

type Colour = [u8; 4];

const NIGHT: Colour = [34, 44, 92, 255];
const DAWN: Colour = [244, 170, 120, 255];
const GROUND: Colour = [52, 92, 70, 255];
const WALL: Colour = [236, 226, 208, 255];
const ROOF: Colour = [150, 62, 52, 255];
const WINDOW: Colour = [255, 214, 110, 255];
const PEOPLE: [Colour; 5] = [
    [28, 110, 140, 255],
    [214, 90, 60, 255],
    [88, 60, 130, 255],
    [230, 180, 40, 255],
    [40, 140, 90, 255],
];
const SKIN: [Colour; 3] = [
    [240, 200, 170, 255],
    [190, 140, 100, 255],
    [120, 80, 55, 255],
];

fn blend(a: Colour, b: Colour, t: f32) -> Colour {
    let m = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
    [m(a[0], b[0]), m(a[1], b[1]), m(a[2], b[2]), m(a[3], b[3])]
}

/// Paints the pixels whose centre `inside` accepts, 4 × 4 samples each for
/// smooth edges.
fn paint(
    img: &mut RgbaImage,
    colour: Colour,
    bounds: (f32, f32, f32, f32),
    inside: impl Fn(f32, f32) -> bool,
) {
    let (x0, y0, x1, y1) = bounds;
    let (w, h) = (img.width() as f32, img.height() as f32);
    for y in (y0.max(0.0) as u32)..(y1.min(h).ceil() as u32) {
        for x in (x0.max(0.0) as u32)..(x1.min(w).ceil() as u32) {
            let mut hits = 0u32;
            for sy in 0..4 {
                for sx in 0..4 {
                    let px = x as f32 + (sx as f32 + 0.5) / 4.0;
                    let py = y as f32 + (sy as f32 + 0.5) / 4.0;
                    hits += u32::from(inside(px, py));
                }
            }
            if hits == 0 {
                continue;
            }
            let cover = hits as f32 / 16.0 * f32::from(colour[3]) / 255.0;
            let old = img.get_pixel(x, y).0;
            let alpha = f32::from(old[3]) / 255.0;
            let out_a = cover + alpha * (1.0 - cover);
            let mix = |c: u8, o: u8| {
                if out_a == 0.0 {
                    0
                } else {
                    ((f32::from(c) * cover + f32::from(o) * alpha * (1.0 - cover)) / out_a).round()
                        as u8
                }
            };
            img.put_pixel(
                x,
                y,
                Rgba([
                    mix(colour[0], old[0]),
                    mix(colour[1], old[1]),
                    mix(colour[2], old[2]),
                    (out_a * 255.0).round() as u8,
                ]),
            );
        }
    }
}

fn rect(img: &mut RgbaImage, c: Colour, x: f32, y: f32, w: f32, h: f32) {
    paint(img, c, (x, y, x + w, y + h), |px, py| {
        px >= x && px < x + w && py >= y && py < y + h
    });
}

fn rounded(img: &mut RgbaImage, c: Colour, x: f32, y: f32, w: f32, h: f32, r: f32) {
    paint(img, c, (x, y, x + w, y + h), |px, py| {
        let dx = (x + r - px).max(px - (x + w - r)).max(0.0);
        let dy = (y + r - py).max(py - (y + h - r)).max(0.0);
        px >= x && px < x + w && py >= y && py < y + h && dx * dx + dy * dy <= r * r
    });
}

fn circle(img: &mut RgbaImage, c: Colour, cx: f32, cy: f32, r: f32) {
    paint(img, c, (cx - r, cy - r, cx + r, cy + r), |px, py| {
        (px - cx).powi(2) + (py - cy).powi(2) <= r * r
    });
}

fn triangle(img: &mut RgbaImage, c: Colour, p: [(f32, f32); 3]) {
    let xs = p.map(|q| q.0);
    let ys = p.map(|q| q.1);
    let min = |v: [f32; 3]| v.iter().copied().fold(f32::MAX, f32::min);
    let max = |v: [f32; 3]| v.iter().copied().fold(f32::MIN, f32::max);
    let side = |a: (f32, f32), b: (f32, f32), x: f32, y: f32| {
        (b.0 - a.0) * (y - a.1) - (b.1 - a.1) * (x - a.0)
    };
    paint(img, c, (min(xs), min(ys), max(xs), max(ys)), |x, y| {
        let (d1, d2, d3) = (
            side(p[0], p[1], x, y),
            side(p[1], p[2], x, y),
            side(p[2], p[0], x, y),
        );
        !((d1 < 0.0 || d2 < 0.0 || d3 < 0.0) && (d1 > 0.0 || d2 > 0.0 || d3 > 0.0))
    });
}

/// A person: head, shoulders and body, `s` tall.
fn person(img: &mut RgbaImage, x: f32, ground: f32, s: f32, clothes: Colour, skin: Colour) {
    rounded(
        img,
        clothes,
        x - s * 0.16,
        ground - s * 0.72,
        s * 0.32,
        s * 0.72,
        s * 0.12,
    );
    circle(img, skin, x, ground - s * 0.86, s * 0.13);
}

fn cover() -> RgbaImage {
    let (w, h) = (2000u32, 1000u32);
    let mut img = RgbaImage::new(w, h);
    for y in 0..h {
        let t = (y as f32 / (h as f32 * 0.7)).min(1.0);
        let c = blend(NIGHT, DAWN, t.powf(1.6));
        for x in 0..w {
            img.put_pixel(x, y, Rgba(c));
        }
    }
    circle(&mut img, [255, 232, 170, 255], 1480.0, 640.0, 120.0);
    // Hills.
    circle(&mut img, [70, 110, 84, 255], 400.0, 1500.0, 900.0);
    circle(&mut img, [62, 104, 80, 255], 1700.0, 1550.0, 950.0);
    rect(&mut img, GROUND, 0.0, 800.0, w as f32, 200.0);
    // Houses.
    for (i, x) in [120.0f32, 420.0, 1180.0, 1560.0].iter().enumerate() {
        let (hw, hh) = (220.0, 180.0 + 30.0 * (i % 2) as f32);
        rect(&mut img, WALL, *x, 800.0 - hh, hw, hh);
        triangle(
            &mut img,
            ROOF,
            [
                (*x - 20.0, 800.0 - hh),
                (*x + hw + 20.0, 800.0 - hh),
                (*x + hw / 2.0, 800.0 - hh - 110.0),
            ],
        );
        rect(&mut img, WINDOW, *x + 30.0, 800.0 - hh + 40.0, 50.0, 50.0);
        rect(
            &mut img,
            WINDOW,
            *x + hw - 80.0,
            800.0 - hh + 40.0,
            50.0,
            50.0,
        );
        rect(
            &mut img,
            ROOF,
            *x + hw / 2.0 - 25.0,
            800.0 - 90.0,
            50.0,
            90.0,
        );
    }
    // People meeting in the square.
    for i in 0..9 {
        let x = 720.0 + i as f32 * 70.0;
        let s = 230.0 + ((i * 37) % 5) as f32 * 12.0;
        person(&mut img, x, 900.0, s, PEOPLE[i % 5], SKIN[i % 3]);
    }
    img
}

fn phone() -> RgbaImage {
    let mut img = RgbaImage::new(800, 800);
    rounded(&mut img, [30, 34, 48, 255], 250.0, 60.0, 300.0, 600.0, 40.0);
    rounded(
        &mut img,
        [240, 244, 250, 255],
        268.0,
        110.0,
        264.0,
        480.0,
        12.0,
    );
    // Messages.
    rounded(
        &mut img,
        [200, 214, 235, 255],
        290.0,
        140.0,
        170.0,
        60.0,
        18.0,
    );
    rounded(
        &mut img,
        [28, 110, 140, 255],
        340.0,
        220.0,
        170.0,
        80.0,
        18.0,
    );
    rounded(
        &mut img,
        [200, 214, 235, 255],
        290.0,
        320.0,
        140.0,
        50.0,
        18.0,
    );
    // The warning sign beside the phone.
    triangle(
        &mut img,
        [230, 170, 30, 255],
        [(600.0, 520.0), (760.0, 520.0), (680.0, 380.0)],
    );
    rect(&mut img, [30, 34, 48, 255], 672.0, 430.0, 16.0, 52.0);
    circle(&mut img, [30, 34, 48, 255], 680.0, 500.0, 9.0);
    img
}

/// A 4000 × 3000 picture, `n` making each different: gradients and a
/// pseudo-random grain, so that JPEG has a photo's work to do.
fn camera_photo(n: u32) -> image::RgbImage {
    let mut state = 0x9E37_79B9u32.wrapping_mul(n + 1);
    image::RgbImage::from_fn(4000, 3000, |x, y| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let grain = (state % 24) as i32 - 12;
        let base = |v: u32, span: u32| ((v * 255 / span) as i32 + grain).clamp(0, 255) as u8;
        image::Rgb([
            base((x + n * 97) % 4000, 4000),
            base(y, 3000),
            base((x / 2 + y / 2 + n * 13) % 3500, 3500),
        ])
    })
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    if let [_, flag, dir, n] = args.as_slice() {
        if flag == "--photos" {
            let dir = std::path::Path::new(dir);
            std::fs::create_dir_all(dir)?;
            let mut photo = Vec::new();
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut photo, 90)
                .encode_image(&camera_photo(0))?;
            for i in 0..n.parse::<u32>()? {
                // SOI, then a COM segment naming the copy, then the rest.
                let note = format!("impact benchmark photo {i}");
                let len = u16::try_from(note.len() + 2)?.to_be_bytes();
                let mut out = photo[..2].to_vec();
                out.extend([0xFF, 0xFE, len[0], len[1]]);
                out.extend(note.as_bytes());
                out.extend(&photo[2..]);
                std::fs::write(dir.join(format!("photo-{i:03}.jpg")), out)?;
            }
            return Ok(());
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let cover_path = root.join("content/reports/impact-2019-2020/cover.jpg");
    let rgb = image::DynamicImage::ImageRgba8(cover()).to_rgb8();
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 88).encode_image(&rgb)?;
    std::fs::write(&cover_path, out)?;
    let phone_path = root.join("content/campaigns/lithuanian-communities/phone.png");
    phone().save(&phone_path)?;
    println!(
        "wrote {}\nwrote {}",
        cover_path.display(),
        phone_path.display()
    );
    Ok(())
}
