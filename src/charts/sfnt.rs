//! The few facts plotters does not expose about a TrueType/OpenType font,
//! read straight from its tables: the family name (`name`), and each
//! glyph's left side bearing (`cmap`, `hmtx`, `hhea`, `OS/2`).
//!
//! plotters' bitmap text drawing places every glyph's ink box at the pen
//! position, ignoring the side bearing, so `j` drifts right and `i` left;
//! the social card draws letter by letter and adds the bearing back.
//! Every read is bounds-checked: a malformed font gives `None`, never a
//! panic.

/// Big-endian readers over font bytes.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn u16(&self, at: usize) -> Option<u16> {
        let b = self.0.get(at..at.checked_add(2)?)?;
        Some(u16::from_be_bytes([b[0], b[1]]))
    }
    fn i16(&self, at: usize) -> Option<i16> {
        self.u16(at).map(|v| v as i16)
    }
    fn u32(&self, at: usize) -> Option<u32> {
        let b = self.0.get(at..at.checked_add(4)?)?;
        Some(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn offset(&self, at: usize) -> Option<usize> {
        usize::try_from(self.u32(at)?).ok()
    }
}

/// The bytes of table `tag`.
fn table<'a>(font: &'a [u8], tag: &[u8; 4]) -> Option<&'a [u8]> {
    let f = Bytes(font);
    let count = usize::from(f.u16(4)?);
    (0..count).find_map(|i| {
        let record = 12 + 16 * i;
        if font.get(record..record + 4)? != tag {
            return None;
        }
        let (start, len) = (f.offset(record + 8)?, f.offset(record + 12)?);
        font.get(start..start.checked_add(len)?)
    })
}

/// The family name (name id 16, the typographic family, else 1) from the
/// Windows Unicode or Mac Roman records.
pub(crate) fn family_name(font: &[u8]) -> Option<String> {
    let name = table(font, b"name")?;
    let t = Bytes(name);
    let count = usize::from(t.u16(2)?);
    let strings = usize::from(t.u16(4)?);
    let mut found: Option<(u8, String)> = None;
    for i in 0..count {
        let rec = 6 + 12 * i;
        let (platform, encoding, id) = (t.u16(rec)?, t.u16(rec + 2)?, t.u16(rec + 6)?);
        let rank = match id {
            16 => 2,
            1 => 1,
            _ => continue,
        };
        if found.as_ref().is_some_and(|(r, _)| *r >= rank) {
            continue;
        }
        let (len, offset) = (usize::from(t.u16(rec + 8)?), usize::from(t.u16(rec + 10)?));
        let Some(bytes) = name.get(strings + offset..strings + offset + len) else {
            continue;
        };
        let text = match (platform, encoding) {
            (3, 0 | 1) | (0, _) => {
                let units: Vec<u16> = bytes
                    .chunks_exact(2)
                    .map(|p| u16::from_be_bytes([p[0], p[1]]))
                    .collect();
                String::from_utf16_lossy(&units)
            }
            (1, 0) if bytes.is_ascii() => String::from_utf8_lossy(bytes).into_owned(),
            _ => continue,
        };
        if !text.trim().is_empty() {
            found = Some((rank, text.trim().to_string()));
        }
    }
    found.map(|(_, name)| name)
}

/// The left side bearing of `c` as a fraction of the height ab_glyph (and
/// so plotters) scales by: ascender minus descender, from `OS/2` when the
/// font asks for its typographic metrics, else from `hhea`.
pub(crate) fn left_bearing(font: &[u8], c: char) -> Option<f64> {
    let glyph = glyph_id(font, c)?;
    let hhea = Bytes(table(font, b"hhea")?);
    let metrics = usize::from(hhea.u16(34)?);
    let hmtx = Bytes(table(font, b"hmtx")?);
    let lsb = if glyph < metrics {
        hmtx.i16(4 * glyph + 2)?
    } else {
        hmtx.i16(4 * metrics + 2 * (glyph - metrics))?
    };
    let (mut ascender, mut descender) = (hhea.i16(4)?, hhea.i16(6)?);
    if let Some(os2) = table(font, b"OS/2") {
        let os2 = Bytes(os2);
        let use_typo = os2
            .u16(62)
            .is_some_and(|selection| selection & (1 << 7) != 0);
        if use_typo {
            ascender = os2.i16(68)?;
            descender = os2.i16(70)?;
        }
    }
    let height = f64::from(ascender) - f64::from(descender);
    (height > 0.0).then(|| f64::from(lsb) / height)
}

/// The glyph for `c` from the Unicode `cmap` subtable (format 12 for the
/// full range, else format 4).
fn glyph_id(font: &[u8], c: char) -> Option<usize> {
    let cmap = table(font, b"cmap")?;
    let t = Bytes(cmap);
    let count = usize::from(t.u16(2)?);
    let subtables: Vec<(u16, u16, usize)> = (0..count)
        .filter_map(|i| Some((t.u16(4 + 8 * i)?, t.u16(6 + 8 * i)?, t.offset(8 + 8 * i)?)))
        .collect();
    let pick = |format: u16| {
        subtables.iter().find_map(|&(platform, encoding, offset)| {
            let unicode = platform == 0 || (platform == 3 && matches!(encoding, 1 | 10));
            (unicode && t.u16(offset)? == format).then_some(offset)
        })
    };
    if let Some(offset) = pick(12) {
        return format_12(&t, offset, u32::from(c));
    }
    let code = u16::try_from(u32::from(c)).ok()?;
    format_4(&t, pick(4)?, code)
}

fn format_12(t: &Bytes, offset: usize, c: u32) -> Option<usize> {
    let groups = t.offset(offset + 12)?;
    (0..groups).find_map(|i| {
        let g = offset + 16 + 12 * i;
        let (start, end, glyph) = (t.u32(g)?, t.u32(g + 4)?, t.u32(g + 8)?);
        if (start..=end).contains(&c) {
            usize::try_from(glyph.checked_add(c - start)?).ok()
        } else {
            None
        }
    })
}

fn format_4(t: &Bytes, offset: usize, c: u16) -> Option<usize> {
    let segments = usize::from(t.u16(offset + 6)?) / 2;
    let ends = offset + 14;
    let starts = ends + 2 * segments + 2;
    let deltas = starts + 2 * segments;
    let ranges = deltas + 2 * segments;
    for i in 0..segments {
        if t.u16(ends + 2 * i)? < c {
            continue;
        }
        let start = t.u16(starts + 2 * i)?;
        if start > c {
            return None;
        }
        let delta = t.u16(deltas + 2 * i)?;
        let range = usize::from(t.u16(ranges + 2 * i)?);
        let glyph = if range == 0 {
            c.wrapping_add(delta)
        } else {
            let at = ranges + 2 * i + range + 2 * usize::from(c - start);
            match t.u16(at)? {
                0 => 0,
                g => g.wrapping_add(delta),
            }
        };
        return (glyph != 0).then_some(usize::from(glyph));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const REGULAR: &[u8] = include_bytes!("../../themes/default/fonts/DejaVuSans.ttf");

    #[test]
    fn family_names() {
        assert_eq!(family_name(REGULAR).as_deref(), Some("DejaVu Sans"));
        assert_eq!(family_name(b"not a font"), None);
        assert_eq!(family_name(&[]), None);
    }

    #[test]
    fn bearings_of_dejavu_letters() {
        let j = left_bearing(REGULAR, 'j').unwrap();
        let i = left_bearing(REGULAR, 'i').unwrap();
        assert!(j < 0.0, "j overhangs to the left: {j}");
        assert!(i > 0.0, "i stands off: {i}");
        assert!(left_bearing(REGULAR, 'ž').is_some());
        assert!(left_bearing(REGULAR, '\u{10FFFF}').is_none());
    }

    #[test]
    fn malformed_fonts_give_nothing() {
        let mut broken = REGULAR[..2000].to_vec();
        assert_eq!(left_bearing(&broken, 'a'), None);
        broken.truncate(13);
        assert_eq!(left_bearing(&broken, 'a'), None);
        assert_eq!(family_name(&broken), None);
    }
}
