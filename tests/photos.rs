//! Photos in every output (issue 17), with fixture images the tests make:
//! a 4000 × 3000 phone photo with GPS and camera EXIF that stands upright
//! only when its orientation (6) is applied, a PNG with transparency, and
//! files that must be refused (cut off, text named .jpg, an SVG with a
//! script, an iPhone's HEIC). What is published is read back with
//! decoders (image-rs, kamadak-exif), never searched for bytes.

mod common;

use std::fs;
use std::io::Cursor;
use std::path::Path;
use std::process::Command;

use common::*;
use image::{ImageDecoder, ImageEncoder};

const CAMPAIGN_DIR: &str = "content/campaigns/winter-shelter";
const PAGE_EN: &str = "en/annual-2021/winter-shelter/index.html";
const PAGE_LT: &str = "lt/annual-2021/winter-shelter/index.html";

/// EXIF of a phone photo: camera, serial, GPS position (Vilnius), and
/// orientation 6 (the phone was held upright: the pixels lie on their side).
fn phone_exif() -> Vec<u8> {
    use exif::{Field, In, Rational, Tag, Value};
    let fields = [
        Field {
            tag: Tag::Make,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![b"PhoneMaker".to_vec()]),
        },
        Field {
            tag: Tag::Model,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![b"Phone 12".to_vec()]),
        },
        Field {
            tag: Tag::Orientation,
            ifd_num: In::PRIMARY,
            value: Value::Short(vec![6]),
        },
        Field {
            tag: Tag::BodySerialNumber,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![b"SN-0042-SECRET".to_vec()]),
        },
        Field {
            tag: Tag::GPSLatitudeRef,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![b"N".to_vec()]),
        },
        Field {
            tag: Tag::GPSLatitude,
            ifd_num: In::PRIMARY,
            value: Value::Rational(vec![
                Rational { num: 54, denom: 1 },
                Rational { num: 41, denom: 1 },
                Rational { num: 12, denom: 1 },
            ]),
        },
        Field {
            tag: Tag::GPSLongitudeRef,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![b"E".to_vec()]),
        },
        Field {
            tag: Tag::GPSLongitude,
            ifd_num: In::PRIMARY,
            value: Value::Rational(vec![
                Rational { num: 25, denom: 1 },
                Rational { num: 16, denom: 1 },
                Rational { num: 48, denom: 1 },
            ]),
        },
    ];
    let mut writer = exif::experimental::Writer::new();
    for f in &fields {
        writer.push_field(f);
    }
    let mut buf = Cursor::new(Vec::new());
    writer.write(&mut buf, false).unwrap();
    buf.into_inner()
}

/// A `w` × `h` JPEG whose left half is dark and right half light, with
/// `exif` in it.
fn jpeg(w: u32, h: u32, exif: Option<Vec<u8>>) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        let v = if x < w / 2 { 40 } else { 220 };
        image::Rgb([v, (y * 255 / h) as u8, 128])
    });
    let mut out = Vec::new();
    let mut enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85);
    if let Some(exif) = exif {
        enc.set_exif_metadata(exif).unwrap();
    }
    enc.write_image(img.as_raw(), w, h, image::ExtendedColorType::Rgb8)
        .unwrap();
    out
}

/// A 1200 × 800 PNG, its left half transparent.
fn png_with_alpha() -> Vec<u8> {
    let img = image::RgbaImage::from_fn(1200, 800, |x, y| {
        let a = if x < 600 { 0 } else { 255 };
        image::Rgba([(x % 256) as u8, (y % 256) as u8, 90, a])
    });
    let mut out = Vec::new();
    img.write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

/// Appends `text` to a story of the partner site.
fn add_to_story(root: &Path, lang: &str, text: &str) {
    let path = root.join(CAMPAIGN_DIR).join(format!("story.{lang}.md"));
    let story = fs::read_to_string(&path).unwrap();
    fs::write(&path, format!("{story}\n{text}\n")).unwrap();
}

/// The partner site with a phone photo and a transparent PNG, placed in
/// both languages with alt text, caption and credit.
fn site_with_photos() -> tempfile::TempDir {
    let site = fixture_site("partner-site");
    let root = site.path();
    let dir = root.join(CAMPAIGN_DIR);
    fs::write(
        dir.join("packing.jpg"),
        jpeg(4000, 3000, Some(phone_exif())),
    )
    .unwrap();
    fs::write(dir.join("logo-mark.png"), png_with_alpha()).unwrap();
    add_to_story(
        root,
        "en",
        "![Volunteers packing food parcels](packing.jpg \"Packing day in Vilnius | Ona Petraitė\")\n\n\
         Our mark ![Shelter mark](logo-mark.png \"The mark on parcels\") is on every parcel.",
    );
    add_to_story(
        root,
        "lt",
        "![Savanoriai pakuoja maisto siuntinius](packing.jpg \"Pakavimo diena Vilniuje | Ona Petraitė\")\n\n\
         Mūsų ženklas ![Prieglaudos ženklas](logo-mark.png) yra ant kiekvieno siuntinio.",
    );
    site
}

fn built(site: &tempfile::TempDir) -> impact::build::BuildOutcome {
    let outcome = build(site.path(), false);
    assert!(!outcome.failed(), "{}", messages(&outcome).join("\n"));
    outcome
}

/// The published image files (under `assets/media/`), by path.
fn media_files(root: &Path) -> Vec<(String, Vec<u8>)> {
    let dir = root.join("output");
    files_under(&dir)
        .into_iter()
        .filter(|p| p.starts_with("assets/media/"))
        .map(|p| {
            let bytes = fs::read(dir.join(&p)).unwrap();
            (p, bytes)
        })
        .collect()
}

/// No EXIF block in `bytes`, as two decoders read it.
fn assert_no_exif(path: &str, bytes: &[u8]) {
    let exif = exif::Reader::new().read_from_container(&mut Cursor::new(bytes));
    assert!(
        exif.is_err(),
        "{path} carries EXIF: {:?}",
        exif.map(|e| e.fields().count())
    );
    let format = image::guess_format(bytes).unwrap();
    let mut decoder = image::ImageReader::with_format(Cursor::new(bytes), format)
        .into_decoder()
        .unwrap();
    assert_eq!(decoder.exif_metadata().unwrap(), None, "{path}");
}

#[test]
fn a_phone_photo_is_published_upright_no_wider_than_1600_and_without_its_metadata() {
    let site = site_with_photos();
    let root = site.path();
    built(&site);
    let original = fs::read(root.join(CAMPAIGN_DIR).join("packing.jpg")).unwrap();
    let media = media_files(root);
    let photos: Vec<&(String, Vec<u8>)> = media
        .iter()
        .filter(|(p, _)| p.starts_with("assets/media/packing-"))
        .collect();
    assert_eq!(photos.len(), 3, "480, 960 and 1600 wide: {media:?}");
    let mut widest = 0;
    for (path, bytes) in &media {
        assert_ne!(bytes, &original, "{path}: the original is never published");
        assert_no_exif(path, bytes);
        let img = image::load_from_memory(bytes).unwrap();
        assert!(img.width() <= 1600, "{path} is {} wide", img.width());
        widest = widest.max(img.width());
    }
    assert_eq!(widest, 1600);
    for (path, bytes) in photos {
        assert!(path.ends_with(".jpg"), "{path}");
        let img = image::load_from_memory(bytes).unwrap().to_rgb8();
        // Orientation 6 applied: 4000 × 3000 on its side stands 3 : 4.
        assert!(img.height() > img.width(), "{path} is not upright");
        assert_eq!(img.height(), img.width() * 4 / 3, "{path}");
        // The dark half of the pixels (their left) is now the top.
        let top = img.get_pixel(img.width() / 2, img.height() / 10)[0];
        let bottom = img.get_pixel(img.width() / 2, img.height() * 9 / 10)[0];
        assert!(
            top < 100 && bottom > 160,
            "{path}: top {top}, bottom {bottom}"
        );
    }
}

#[test]
fn a_transparent_png_stays_transparent_and_png() {
    let site = site_with_photos();
    built(&site);
    let marks: Vec<(String, Vec<u8>)> = media_files(site.path())
        .into_iter()
        .filter(|(p, _)| p.starts_with("assets/media/logo-mark-"))
        .collect();
    assert!(!marks.is_empty());
    for (path, bytes) in &marks {
        assert!(path.ends_with(".png") || path.ends_with(".webp"), "{path}");
        let img = image::load_from_memory(bytes).unwrap().to_rgba8();
        assert_eq!(img.get_pixel(2, 2)[3], 0, "{path}: transparency lost");
        assert_eq!(img.get_pixel(img.width() - 2, 2)[3], 255, "{path}");
    }
}

#[test]
fn pages_show_the_photo_as_a_responsive_figure_in_each_language() {
    let site = site_with_photos();
    let root = site.path();
    built(&site);
    for (page, alt, caption, credit) in [
        (
            PAGE_EN,
            "Volunteers packing food parcels",
            "Packing day in Vilnius",
            "Credit: Ona Petraitė",
        ),
        (
            PAGE_LT,
            "Savanoriai pakuoja maisto siuntinius",
            "Pakavimo diena Vilniuje",
            "Šaltinis: Ona Petraitė",
        ),
    ] {
        let html = read(root, page);
        let start = html
            .find("<figure class=\"photo\">")
            .unwrap_or_else(|| panic!("{page}: no photo figure"));
        let figure = &html[start..start + html[start..].find("</figure>").unwrap()];
        for part in [
            "<img src=\"../../../assets/media/packing-960.".to_string(),
            format!("alt=\"{alt}\""),
            "width=\"960\" height=\"1280\"".to_string(),
            "loading=\"lazy\"".to_string(),
            "decoding=\"async\"".to_string(),
            " 480w, ".to_string(),
            " 1600w\"".to_string(),
            "sizes=\"".to_string(),
            format!("<figcaption>{caption} <span class=\"credit\">{credit}</span></figcaption>"),
        ] {
            assert!(figure.contains(&part), "{page}: no {part} in {figure}");
        }
        // The figure stands alone: not inside a paragraph.
        let before = &html[..start];
        assert!(
            before
                .rfind("<p>")
                .is_none_or(|p| before[p..].contains("</p>")),
            "{page}: the figure is inside a <p>"
        );
        // The image in a sentence stays in the line, without a figure.
        let inline = html.find("class=\"inline-img\"").expect("inline image");
        let para = html[..inline].rfind("<p>").unwrap();
        assert!(!html[para..inline].contains("<figure"), "{page}");
        if page == PAGE_EN {
            assert!(
                html[inline..].starts_with("class=\"inline-img\" title=\"The mark on parcels\"")
            );
        }
    }
}

#[test]
fn the_single_file_html_embeds_a_modest_rendition_in_each_language() {
    let site = site_with_photos();
    let root = site.path();
    built(&site);
    for (lang, alt) in [
        ("en", "Volunteers packing food parcels"),
        ("lt", "Savanoriai pakuoja maisto siuntinius"),
    ] {
        let html = read(root, &format!("{lang}/annual-2021/annual-2021.html"));
        let marker = "<img src=\"data:image/jpeg;base64,";
        let start = html.find(marker).expect("embedded photo");
        let rest = &html[start + marker.len()..];
        let data = &rest[..rest.find('"').unwrap()];
        use base64::Engine as _;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(data)
            .unwrap();
        assert_no_exif("embedded", &bytes);
        let img = image::load_from_memory(&bytes).unwrap();
        assert_eq!((img.width(), img.height()), (960, 1280));
        assert!(rest[..rest.find('>').unwrap()].contains(&format!("alt=\"{alt}\"")));
        assert!(html.contains("Ona Petraitė"), "{lang}: credit");
        assert!(
            !html.contains("assets/media/"),
            "{lang}: the single file loads nothing"
        );
    }
}

#[test]
fn a_rebuild_takes_every_image_from_the_cache_and_check_writes_none() {
    let site = site_with_photos();
    let root = site.path();
    // `check` reads every image but writes no cache.
    let out = impact(root, &["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!root.join(".impact").exists(), "check wrote the cache");

    let first = built(&site);
    assert_eq!((first.images.encoded, first.images.reused), (2, 0));
    let before = tree_bytes(&root.join("output"));
    let second = built(&site);
    assert_eq!((second.images.encoded, second.images.reused), (0, 2));
    assert_eq!(
        before,
        tree_bytes(&root.join("output")),
        "same input, same bytes"
    );

    let out = impact(root, &["build", "--verbose", "--no-pdf"]);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("images: 0 encoded, 2 reused")
            || stderr(&out).contains("images: 0 encoded, 2 reused"),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        stderr(&out)
    );

    // A replaced photo is made again (its bytes are its key).
    fs::write(
        root.join(CAMPAIGN_DIR).join("packing.jpg"),
        jpeg(800, 600, None),
    )
    .unwrap();
    let third = built(&site);
    assert_eq!((third.images.encoded, third.images.reused), (1, 1));
    assert!(read(root, PAGE_EN).contains("width=\"800\" height=\"600\""));

    let out = impact(root, &["clean"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!root.join(".impact/cache").exists());
    assert_eq!(built(&site).images.encoded, 2);
}

#[test]
fn bad_images_fail_the_build_naming_each_file_and_the_old_output_stays() {
    let site = site_with_photos();
    let root = site.path();
    built(&site);
    let before = tree_bytes(&root.join("output"));
    let dir = root.join(CAMPAIGN_DIR);
    let whole = jpeg(400, 300, None);
    fs::write(dir.join("cut.jpg"), &whole[..whole.len() * 6 / 10]).unwrap();
    fs::write(dir.join("notes.jpg"), "Photo to follow, ask Ona\n").unwrap();
    fs::write(
        dir.join("drawing.svg"),
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>"#,
    )
    .unwrap();
    fs::write(
        dir.join("IMG_0042.HEIC"),
        b"\0\0\0\x18ftypheic\0\0\0\0mif1heic",
    )
    .unwrap();
    fs::write(dir.join("renamed.jpg"), png_with_alpha()).unwrap();
    let out = impact(root, &["build", "--no-pdf"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    for part in [
        "winter-shelter/cut.jpg is incomplete",
        "winter-shelter/notes.jpg is named .jpg but holds text",
        "winter-shelter/drawing.svg",
        "`<script>`",
        "winter-shelter/IMG_0042.HEIC is a HEIC photo",
        "convert it to JPEG",
        "winter-shelter/renamed.jpg is named .jpg but is a PNG image",
        "rename it renamed.png",
    ] {
        assert!(err.contains(part), "no {part:?} in:\n{err}");
    }
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(
        before,
        tree_bytes(&root.join("output")),
        "old output changed"
    );
}

#[test]
fn an_image_needs_alt_text_unless_it_says_it_is_decorative() {
    let site = fixture_site("partner-site");
    let root = site.path();
    fs::write(root.join(CAMPAIGN_DIR).join("border.png"), png_with_alpha()).unwrap();
    add_to_story(root, "en", "![](border.png)");
    add_to_story(root, "lt", "![{decorative}](border.png)");
    let o = build(root, false);
    assert!(o.failed());
    assert_diag(
        &o,
        &[
            "story.en.md:",
            "the image `border.png` has no description",
            "![{decorative}](border.png)",
        ],
    );
    let msgs = messages(&o);
    assert!(
        !msgs.iter().any(|m| m.contains("story.lt.md")),
        "a decorative image is no error: {msgs:?}"
    );
    add_to_story(root, "en", "![{decorative}](border.png)");
    let story = fs::read_to_string(root.join(CAMPAIGN_DIR).join("story.en.md")).unwrap();
    fs::write(
        root.join(CAMPAIGN_DIR).join("story.en.md"),
        story.replace("![](border.png)", ""),
    )
    .unwrap();
    let o = build(root, false);
    assert!(!o.failed(), "{}", messages(&o).join("\n"));
    assert!(read(root, PAGE_EN).contains("alt=\"\""));
}

/// The partner site's campaign with the phone photo as its cover too.
fn site_with_cover() -> tempfile::TempDir {
    let site = site_with_photos();
    let yaml = site.path().join(CAMPAIGN_DIR).join("campaign.yaml");
    let text = fs::read_to_string(&yaml).unwrap();
    fs::write(
        &yaml,
        format!(
            "{text}cover:\n  src: packing.jpg\n  alt:\n    en: \"Parcels stacked by the door\"\n    lt: \"Prie durų sukrauti siuntiniai\"\n  credit: \"Ona Petraitė\"\n"
        ),
    )
    .unwrap();
    site
}

#[test]
fn a_cover_opens_the_page_and_is_its_link_preview() {
    let site = site_with_cover();
    let root = site.path();
    built(&site);
    for (page, alt) in [
        (PAGE_EN, "Parcels stacked by the door"),
        (PAGE_LT, "Prie durų sukrauti siuntiniai"),
    ] {
        let html = read(root, page);
        let start = html.find("<div class=\"wrap cover\">").expect("cover");
        let cover = &html[start..start + html[start..].find("</div>").unwrap()];
        assert!(cover.contains(&format!("alt=\"{alt}\"")), "{page}: {cover}");
        assert!(cover.contains("fetchpriority=\"high\""), "{page}: {cover}");
        assert!(
            !cover.contains("loading=\"lazy\""),
            "{page}: above the fold"
        );
        let og = html
            .split("<meta property=\"og:image\" content=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .expect("og:image");
        assert!(
            og.starts_with("https://partner.example.net/results/assets/media/packing-1600."),
            "{page}: {og}"
        );
        assert!(html.contains("<meta property=\"og:image:type\" content=\"image/jpeg\">"));
        assert!(html.contains("<meta property=\"og:image:width\" content=\"1600\">"));
        assert!(html.contains(&format!(
            "<meta property=\"og:image:alt\" content=\"{alt}\">"
        )));
        assert!(
            !root
                .join("output")
                .join(page.replace("index.html", "card.png"))
                .exists(),
            "{page}: no card is drawn when there is a cover"
        );
    }
}

fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(tool)
        .args(args)
        .arg(pdf)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils) runs: {e}"));
    assert!(
        out.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
#[ignore = "needs pdfimages and pdftotext (poppler-utils)"]
fn the_pdf_prints_the_photo_at_no_more_than_300_dpi_with_caption_and_credit() {
    let site = site_with_cover();
    let root = site.path();
    let outcome = build_with_pdf(root);
    assert!(!outcome.failed(), "{}", messages(&outcome).join("\n"));
    for (lang, caption, credit) in [
        ("en", "Packing day in Vilnius", "Credit: Ona Petraitė"),
        ("lt", "Pakavimo diena Vilniuje", "Šaltinis: Ona Petraitė"),
    ] {
        let pdf = root.join(format!("output/{lang}/annual-2021/annual-2021.pdf"));
        let list = poppler("pdfimages", &["-list"], &pdf);
        // page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
        let photos: Vec<Vec<&str>> = list
            .lines()
            .skip(2)
            .map(|l| l.split_whitespace().collect::<Vec<_>>())
            .filter(|c| c.len() >= 14 && c[2] == "image" && c[8] == "jpeg")
            .collect();
        assert!(!photos.is_empty(), "{lang}: no photo in the PDF:\n{list}");
        for c in &photos {
            let (w, h): (u32, u32) = (c[3].parse().unwrap(), c[4].parse().unwrap());
            assert!(
                w <= 1600 && h > w,
                "{lang}: {w} × {h} is not the upright rendition"
            );
            let ppi: f64 = c[12].parse().unwrap();
            assert!(ppi <= 301.0, "{lang}: printed at {ppi} ppi:\n{list}");
        }
        let text = poppler("pdftotext", &["-enc", "UTF-8"], &pdf);
        let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(words.contains(caption), "{lang}: caption missing");
        assert!(words.contains(credit), "{lang}: credit missing");
    }
}

/// A small animated GIF keeps its animation (its frames written again,
/// without the comment block an editor left in it); a still one is made
/// into renditions.
#[test]
fn a_small_animated_gif_keeps_its_frames() {
    use image::codecs::gif::{GifEncoder, Repeat};
    let frame = |v: u8| {
        image::Frame::new(image::RgbaImage::from_pixel(
            40,
            30,
            image::Rgba([v, 80, 160, 255]),
        ))
    };
    let mut gif = Vec::new();
    {
        let mut enc = GifEncoder::new(&mut gif);
        enc.set_repeat(Repeat::Infinite).unwrap();
        enc.encode_frames([frame(10), frame(200), frame(90)])
            .unwrap();
    }
    // A comment block naming its author, before the trailer, as an
    // editor may leave one: it must not be published.
    assert_eq!(gif.pop(), Some(0x3B));
    let comment = b"Author: Ona Petraite";
    gif.extend([0x21, 0xFE, comment.len() as u8]);
    gif.extend(comment);
    gif.extend([0x00, 0x3B]);
    let site = fixture_site("partner-site");
    let root = site.path();
    fs::write(root.join(CAMPAIGN_DIR).join("spinner.gif"), &gif).unwrap();
    add_to_story(root, "en", "![A spinning parcel](spinner.gif)");
    add_to_story(root, "lt", "![Besisukantis siuntinys](spinner.gif)");
    built(&site);
    let gifs: Vec<(String, Vec<u8>)> = media_files(root)
        .into_iter()
        .filter(|(p, _)| p.starts_with("assets/media/spinner."))
        .collect();
    assert_eq!(gifs.len(), 1, "{gifs:?}");
    assert!(gifs[0].0.ends_with(".gif"));
    use image::AnimationDecoder;
    let frames = image::codecs::gif::GifDecoder::new(Cursor::new(&gifs[0].1))
        .unwrap()
        .into_frames()
        .collect_frames()
        .unwrap();
    assert_eq!(frames.len(), 3, "the animation is kept");
    assert!(
        !gifs[0].1.windows(comment.len()).any(|w| w == comment),
        "the GIF's comment block is published"
    );
    let page = read(root, PAGE_EN);
    assert!(
        page.contains("width=\"40\" height=\"30\" alt=\"A spinning parcel\""),
        "{page}"
    );
}
