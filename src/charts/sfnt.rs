//! The one fact neither plotters nor ab_glyph exposes about a
//! TrueType/OpenType font, read straight from its tables: the family name
//! (`name`), which the SVG `font-family` names. Every read is
//! bounds-checked: a malformed font gives `None`, never a panic.

/// Big-endian readers over font bytes.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn u16(&self, at: usize) -> Option<u16> {
        let b = self.0.get(at..at.checked_add(2)?)?;
        Some(u16::from_be_bytes([b[0], b[1]]))
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
    fn malformed_fonts_give_nothing() {
        assert_eq!(family_name(&REGULAR[..13]), None);
    }
}
