//! The zlib stream of a PNG's image data, for a bitmap that is background
//! except where something was painted, written without visiting the rest.
//!
//! Why our own: a social card is 756 KB of pixels of which about 5 % are
//! not background, and at a thousand campaigns there are two thousand
//! cards. `png` with its fastest setting (`fdeflate`) filters every row,
//! checksums every byte and scans every byte for runs of zeros: 0.2 ms a
//! card, a fifth of a whole build's CPU, spent on bytes known to be zero.
//! No crate takes "these spans may have changed" as input, and the deflate
//! format makes it cheap to say: a run of zeros is one back-reference of
//! distance 1 per 258 bytes, and Adler-32 of `n` zeros is `b += n · a`.
//! `png` still writes the container (header, palette, text, CRCs); only
//! the IDAT payload comes from here.
//!
//! The stream is one final deflate block with the fixed Huffman codes
//! (RFC 1951, 3.2.6), rows filtered with `Up` (PNG filter type 2), so a
//! row the same as the one above is all zeros.

use std::ops::Range;

/// Filter type `Up`: each byte minus the byte above it.
const UP: u8 = 2;

/// Adler-32's modulus (RFC 1950).
const ADLER: u32 = 65521;

/// The zlib stream of `pixels` (rows of `width` bytes, one byte a pixel),
/// every row `Up`-filtered.
///
/// `spans(y, out)` pushes the column ranges of row `y` where a pixel may
/// differ from the pixel above it (for the first row: may be non-zero),
/// sorted and not overlapping. Every pixel outside them must equal the
/// one above it (be zero on the first row); the caller knows this from
/// what it painted, and the tests check the decoded image.
pub(super) fn up_filtered(
    pixels: &[u8],
    width: usize,
    mut spans: impl FnMut(usize, &mut Vec<Range<usize>>),
) -> Vec<u8> {
    let height = pixels.len().checked_div(width).unwrap_or(0);
    // A card's stream is about a fortieth of its pixels: room for a
    // thirty-second grows the buffer once at most.
    let mut out = Deflate::new(pixels.len() / 32 + 1024);
    let blank = vec![0; width];
    let mut diff = vec![0; width];
    let mut row_spans = Vec::new();
    for y in 0..height {
        out.literal(UP);
        let row = &pixels[y * width..][..width];
        let above = match y {
            0 => &blank[..],
            _ => &pixels[(y - 1) * width..][..width],
        };
        row_spans.clear();
        spans(y, &mut row_spans);
        let mut x = 0;
        for span in &row_spans {
            debug_assert!(x <= span.start && span.end <= width, "spans out of order");
            out.zeros += span.start - x;
            // The differences first, in one pass the compiler vectorises.
            let diff = &mut diff[..span.len()];
            for ((d, &p), &q) in diff
                .iter_mut()
                .zip(&row[span.clone()])
                .zip(&above[span.clone()])
            {
                *d = p.wrapping_sub(q);
            }
            out.bytes(diff);
            x = span.end;
        }
        out.zeros += width - x;
    }
    out.finish()
}

/// A deflate stream being written, with the Adler-32 of what it holds.
struct Deflate {
    bits: Bits,
    /// Adler-32's two sums; `b` is reduced only when it grows large, as
    /// a modulo for every run of zeros was a third of this encoder's time.
    a: u32,
    b: u64,
    /// Zero bytes not yet written.
    zeros: usize,
    /// Whether the last byte written was a zero (a run can refer to it).
    after_zero: bool,
}

impl Deflate {
    fn new(capacity: usize) -> Deflate {
        let mut bits = Bits {
            out: Vec::with_capacity(capacity),
            ..Bits::default()
        };
        // zlib header: deflate with a 32 KiB window, no dictionary, the
        // check bits making 0x7801 a multiple of 31.
        bits.out.extend_from_slice(&[0x78, 0x01]);
        // One block, the last (BFINAL = 1), fixed Huffman codes (BTYPE = 01).
        bits.put(0b011, 3);
        Deflate {
            bits,
            a: 1,
            b: 0,
            zeros: 0,
            after_zero: false,
        }
    }

    /// Writes `data`, eight bytes at a time: a word of zeros adds to the
    /// run, and in any other the non-zero bytes are found by their bits.
    fn bytes(&mut self, data: &[u8]) {
        let mut words = data.chunks_exact(8);
        for word in &mut words {
            let mut w = u64::from_le_bytes(word.try_into().expect("eight bytes"));
            let mut left = 8;
            while w != 0 {
                let skip = w.trailing_zeros() / 8;
                self.zeros += skip as usize;
                w >>= skip * 8;
                self.literal(w as u8);
                w >>= 8;
                left -= skip + 1;
            }
            self.zeros += left as usize;
        }
        for &value in words.remainder() {
            match value {
                0 => self.zeros += 1,
                _ => self.literal(value),
            }
        }
    }

    fn literal(&mut self, value: u8) {
        if self.zeros > 0 {
            self.write_zeros();
        }
        self.put_literal(value);
        self.a += u32::from(value);
        if self.a >= ADLER {
            self.a -= ADLER;
        }
        self.b += u64::from(self.a);
    }

    fn put_literal(&mut self, value: u8) {
        let (code, len) = LITERALS[usize::from(value)];
        self.bits.put(code, len);
        self.after_zero = value == 0;
    }

    /// Writes the pending zeros: a literal zero where the byte before is
    /// not one, then back-references to the byte before.
    fn write_zeros(&mut self) {
        let mut n = std::mem::take(&mut self.zeros);
        if n == 0 {
            return;
        }
        // Zeros leave `a` as it is and add `a` to `b` once each.
        self.b += n as u64 * u64::from(self.a);
        if self.b >= 1 << 48 {
            self.b %= u64::from(ADLER);
        }
        if !self.after_zero {
            self.put_literal(0);
            n -= 1;
        }
        while n >= MIN_MATCH {
            let len = n.min(MAX_MATCH);
            let (code, bits) = MATCHES[len];
            self.bits.put(code, bits);
            n -= len;
        }
        for _ in 0..n {
            self.put_literal(0);
        }
        self.after_zero = true;
    }

    fn finish(mut self) -> Vec<u8> {
        self.write_zeros();
        // End of block.
        let (code, len) = symbol(256);
        self.bits.put(code, len);
        let mut out = self.bits.finish();
        let b = (self.b % u64::from(ADLER)) as u32;
        out.extend_from_slice(&((b << 16) | self.a).to_be_bytes());
        out
    }
}

/// Bits packed least significant first, as deflate wants them.
#[derive(Default)]
struct Bits {
    out: Vec<u8>,
    acc: u64,
    count: u32,
}

impl Bits {
    /// Appends the `len` low bits of `bits` (at most 32 at a time).
    fn put(&mut self, bits: u32, len: u32) {
        self.acc |= u64::from(bits) << self.count;
        self.count += len;
        if self.count >= 32 {
            self.out.extend_from_slice(&(self.acc as u32).to_le_bytes());
            self.acc >>= 32;
            self.count -= 32;
        }
    }

    /// The bytes, the last one padded with zero bits.
    fn finish(mut self) -> Vec<u8> {
        while self.count > 0 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.count = self.count.saturating_sub(8);
        }
        self.out
    }
}

const MIN_MATCH: usize = 3;
const MAX_MATCH: usize = 258;

/// `code`'s `len` bits in reverse order: Huffman codes are sent from their
/// most significant bit, into a stream filled from the least.
const fn reversed(code: u32, len: u32) -> u32 {
    let mut out = 0;
    let mut i = 0;
    while i < len {
        out |= ((code >> i) & 1) << (len - 1 - i);
        i += 1;
    }
    out
}

/// The fixed Huffman code of literal/length symbol `value` (0..=287), as
/// bits to put and their number.
const fn symbol(value: u32) -> (u32, u32) {
    match value {
        0..=143 => (reversed(0x30 + value, 8), 8),
        144..=255 => (reversed(0x190 + value - 144, 9), 9),
        256..=279 => (reversed(value - 256, 7), 7),
        _ => (reversed(0xC0 + value - 280, 8), 8),
    }
}

/// Each byte's literal code.
const LITERALS: [(u32, u32); 256] = {
    let mut table = [(0, 0); 256];
    let mut v = 0;
    while v < 256 {
        table[v] = symbol(v as u32);
        v += 1;
    }
    table
};

/// Match lengths: where each length symbol (257 + index) starts, and how
/// many extra bits it takes (RFC 1951, 3.2.5).
const LENGTH_BASE: [u32; 29] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
];
const LENGTH_EXTRA: [u32; 29] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];

/// For each length 3..=258, the whole back-reference to the byte before:
/// its length symbol, extra bits and distance code 0 (distance 1, five
/// zero bits), as bits to put and their number.
const MATCHES: [(u32, u32); MAX_MATCH + 1] = {
    let mut table = [(0, 0); MAX_MATCH + 1];
    let mut len = MIN_MATCH;
    while len <= MAX_MATCH {
        // The last length symbol whose range holds `len` (258 has its own).
        let mut i = 0;
        while i + 1 < LENGTH_BASE.len() && LENGTH_BASE[i + 1] <= len as u32 {
            i += 1;
        }
        let (code, bits) = symbol(257 + i as u32);
        let extra = len as u32 - LENGTH_BASE[i];
        table[len] = (code | extra << bits, bits + LENGTH_EXTRA[i] + 5);
        len += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    /// Unfilters a stream of `Up` rows back into pixels, through another
    /// inflater (miniz_oxide) and an Adler-32 of our own.
    fn decode(zlib: &[u8], width: usize) -> Vec<u8> {
        let raw = miniz_oxide::inflate::decompress_to_vec_zlib(zlib).expect("valid zlib");
        let (mut a, mut b) = (1u32, 0u32);
        for &byte in &raw {
            a = (a + u32::from(byte)) % ADLER;
            b = (b + a) % ADLER;
        }
        assert_eq!(zlib[zlib.len() - 4..], ((b << 16) | a).to_be_bytes());
        let mut pixels = Vec::new();
        let mut above = vec![0u8; width];
        for row in raw.chunks(width + 1) {
            assert_eq!(row[0], UP);
            let cur: Vec<u8> = row[1..]
                .iter()
                .zip(&above)
                .map(|(d, a)| d.wrapping_add(*a))
                .collect();
            pixels.extend_from_slice(&cur);
            above = cur;
        }
        pixels
    }

    /// Every row whole: always right, the slow way.
    fn encode_whole(pixels: &[u8], width: usize) -> Vec<u8> {
        up_filtered(pixels, width, |_, out| out.push(0..width))
    }

    #[test]
    fn a_blank_bitmap_is_runs_of_zeros() {
        let (width, height) = (1200, 630);
        let pixels = vec![0; width * height];
        let zlib = up_filtered(&pixels, width, |_, _| {});
        assert_eq!(decode(&zlib, width), pixels);
        // A row is its filter byte, one zero and back-references for the
        // other 1199 (four of 258 and one of 167): 86 bits, 11 bytes.
        assert!(zlib.len() <= 630 * 11, "{} bytes", zlib.len());
    }

    #[test]
    fn every_byte_value_and_run_length_round_trips() {
        let width = 700;
        let mut pixels = Vec::new();
        // Runs of every length up to past a match's longest, then every value.
        for run in 0..=600usize {
            pixels.extend(std::iter::repeat_n(0, run));
            pixels.push((run % 255 + 1) as u8);
        }
        pixels.extend(0..=255u8);
        pixels.resize(pixels.len().div_ceil(width) * width, 7);
        assert_eq!(decode(&encode_whole(&pixels, width), width), pixels);
    }

    #[test]
    fn spans_are_all_it_reads() {
        // A box of ink in rows 3..6, columns 10..20: rows 3..=6 may differ
        // from the row above (row 6 where the ink ends).
        let width = 64;
        let mut pixels = vec![0u8; width * 10];
        for y in 3..6 {
            for x in 10..20 {
                pixels[y * width + x] = (x + y) as u8;
            }
        }
        let zlib = up_filtered(&pixels, width, |y, out| {
            if (3..=6).contains(&y) {
                out.push(8..12);
                out.push(12..24);
            }
        });
        assert_eq!(decode(&zlib, width), pixels);
        assert_eq!(zlib, encode_whole(&pixels, width));
    }
}
