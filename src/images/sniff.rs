//! What an image file really is, from its first bytes (its "magic"), not
//! from its name: a PNG saved as `photo.jpg`, a text file named `.jpg`, or
//! an iPhone's HEIC photo renamed by hand all reach the build, and each
//! needs its own advice.

/// What the bytes of a file are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    /// JPEG (`FF D8 FF`).
    Jpeg,
    /// PNG.
    Png,
    /// GIF87a / GIF89a.
    Gif,
    /// WebP (`RIFF….WEBP`).
    Webp,
    /// An SVG drawing (XML text with an `<svg` element).
    Svg,
    /// HEIC / HEIF, what iPhones save (an ISO media file with a HEIF brand).
    Heic,
    /// AVIF (an ISO media file with an AVIF brand).
    Avif,
    /// Text that is not an SVG.
    Text,
    /// Anything else.
    Unknown,
}

impl Sniffed {
    /// What a reader calls it.
    pub fn name(self) -> &'static str {
        match self {
            Sniffed::Jpeg => "a JPEG image",
            Sniffed::Png => "a PNG image",
            Sniffed::Gif => "a GIF image",
            Sniffed::Webp => "a WebP image",
            Sniffed::Svg => "an SVG drawing",
            Sniffed::Heic => "a HEIC photo",
            Sniffed::Avif => "an AVIF image",
            Sniffed::Text => "text",
            Sniffed::Unknown => "not an image this tool can read",
        }
    }

    /// The file ending it should have.
    pub fn extension(self) -> Option<&'static str> {
        match self {
            Sniffed::Jpeg => Some("jpg"),
            Sniffed::Png => Some("png"),
            Sniffed::Gif => Some("gif"),
            Sniffed::Webp => Some("webp"),
            Sniffed::Svg => Some("svg"),
            Sniffed::Heic => Some("heic"),
            Sniffed::Avif => Some("avif"),
            Sniffed::Text | Sniffed::Unknown => None,
        }
    }

    /// What a file ending promises (`jpeg` and `jpg` alike).
    pub fn of_extension(ext: &str) -> Sniffed {
        match ext.to_ascii_lowercase().as_str() {
            "jpg" | "jpeg" => Sniffed::Jpeg,
            "png" => Sniffed::Png,
            "gif" => Sniffed::Gif,
            "webp" => Sniffed::Webp,
            "svg" => Sniffed::Svg,
            "heic" | "heif" => Sniffed::Heic,
            "avif" => Sniffed::Avif,
            _ => Sniffed::Unknown,
        }
    }
}

/// What `bytes` are.
pub fn sniff(bytes: &[u8]) -> Sniffed {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Sniffed::Jpeg;
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Sniffed::Png;
    }
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        return Sniffed::Gif;
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Sniffed::Webp;
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        // The major brand, then the compatible ones, name the kind.
        let size = u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as usize;
        let end = size.clamp(12, bytes.len().min(64));
        let brands: Vec<&[u8]> = bytes[8..end]
            .chunks_exact(4)
            .enumerate()
            .filter(|(i, _)| *i != 1) // the minor version
            .map(|(_, b)| b)
            .collect();
        if brands.iter().any(|b| matches!(*b, b"avif" | b"avis")) {
            return Sniffed::Avif;
        }
        if brands.iter().any(|b| {
            matches!(
                *b,
                b"heic" | b"heix" | b"hevc" | b"hevx" | b"mif1" | b"msf1"
            )
        }) {
            return Sniffed::Heic;
        }
        return Sniffed::Unknown;
    }
    let head = &bytes[..bytes.len().min(4096)];
    let text = std::str::from_utf8(head).ok().or_else(|| {
        // A multi-byte character cut at the end of the head.
        let cut = std::str::from_utf8(head).err()?.valid_up_to();
        (head.len() - cut < 4).then(|| std::str::from_utf8(&head[..cut]).ok())?
    });
    match text {
        Some(t) if t.contains("<svg") => Sniffed::Svg,
        Some(t) if !t.contains('\0') => Sniffed::Text,
        _ => Sniffed::Unknown,
    }
}

/// Whether a JPEG holds its end marker after its image data. The JPEG
/// decoder fills what is missing of a cut-off file with grey and says
/// nothing, so a photo half copied from a phone would be published with a
/// grey lower half. The markers are walked from the start (a thumbnail in
/// the EXIF block has its own end marker, before the image data); inside
/// the image data every `FF` byte is escaped, so the first `FF D9` after
/// the first scan is the image's end. Bytes after it (phones append
/// videos there) are allowed.
pub fn jpeg_is_complete(bytes: &[u8]) -> bool {
    let mut i = 2; // after FF D8
    loop {
        // Fill bytes before a marker.
        while bytes.get(i) == Some(&0xFF) && bytes.get(i + 1) == Some(&0xFF) {
            i += 1;
        }
        let (Some(&0xFF), Some(&marker)) = (bytes.get(i), bytes.get(i + 1)) else {
            return false;
        };
        if marker == 0xDA {
            break; // start of scan
        }
        if marker == 0xD9 {
            return false; // ended before any image data
        }
        if (0xD0..=0xD7).contains(&marker) || marker == 0x01 {
            i += 2;
            continue;
        }
        let (Some(&hi), Some(&lo)) = (bytes.get(i + 2), bytes.get(i + 3)) else {
            return false;
        };
        i += 2 + usize::from(u16::from_be_bytes([hi, lo]));
    }
    bytes[i..].windows(2).any(|w| w == [0xFF, 0xD9])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_told_apart_by_their_bytes() {
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE0rest"), Sniffed::Jpeg);
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\nrest"), Sniffed::Png);
        assert_eq!(sniff(b"GIF89a...."), Sniffed::Gif);
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), Sniffed::Webp);
        assert_eq!(sniff(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic"), Sniffed::Heic);
        assert_eq!(
            sniff(b"\0\0\0\x1cftypavif\0\0\0\0avifmif1miaf"),
            Sniffed::Avif
        );
        assert_eq!(
            sniff(b"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
            Sniffed::Svg
        );
        assert_eq!(sniff("Nuotrauka bus vėliau\n".as_bytes()), Sniffed::Text);
        assert_eq!(sniff(&[0, 1, 2, 3, 0xFE]), Sniffed::Unknown);
    }

    #[test]
    fn a_cut_off_jpeg_is_told_from_a_whole_one() {
        // SOI, an APP1 holding a thumbnail's own end marker, SOS, data, EOI.
        let mut whole = vec![0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x06, 0xFF, 0xD9, 0x00, 0x00];
        whole.extend([0xFF, 0xDA, 0x00, 0x04, 0x01, 0x02, 0x11, 0xFF, 0x00, 0x22]);
        let cut = whole.clone();
        whole.extend([0xFF, 0xD9]);
        assert!(jpeg_is_complete(&whole));
        assert!(!jpeg_is_complete(&cut));
        let mut trailer = whole.clone();
        trailer.extend(b"motion photo video");
        assert!(jpeg_is_complete(&trailer));
        assert!(!jpeg_is_complete(&whole[..5]));
    }
}
