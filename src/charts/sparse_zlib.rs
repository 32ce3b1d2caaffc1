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
//!
//! Written for a processor that guesses branches: which bytes of a span
//! are zero is the data's own pattern, and branching on it byte by byte
//! (or word by word) was mispredicted so often that it was most of this
//! encoder's time. So the non-zero bytes of a span are listed first
//! without a branch, and each is written with the run of zeros before it
//! as one code from a table ([`RUNS`]); the checksum of the span is
//! `simd-adler32`'s, over all of it at once.

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
        out.filter_byte();
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
            out.skip(span.start - x);
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
        out.skip(width - x);
    }
    out.finish()
}

/// A deflate stream being written, with the Adler-32 of what it holds.
struct Deflate {
    bits: Bits,
    /// Zero bytes not yet encoded.
    zeros: usize,
    /// Zero bytes not yet in the checksum (those skipped over since the
    /// last bytes written).
    unsummed: usize,
    /// Adler-32 of all written but [`Deflate::unsummed`], a slice at a
    /// time with the processor's widest vectors.
    adler: simd_adler32::Adler32,
    /// Where the non-zero bytes of a span are, reused span after span.
    inked: Vec<u32>,
}

impl Deflate {
    fn new(capacity: usize) -> Deflate {
        let mut bits = Bits::with_capacity(capacity);
        // zlib header: deflate with a 32 KiB window, no dictionary, the
        // check bits making 0x7801 a multiple of 31.
        bits.put(0x78 | 0x01 << 8, 16);
        // One block, the last (BFINAL = 1), fixed Huffman codes (BTYPE = 01).
        bits.put(0b011, 3);
        Deflate {
            bits,
            zeros: 0,
            unsummed: 0,
            adler: simd_adler32::Adler32::new(),
            inked: Vec::new(),
        }
    }

    /// `n` zero bytes, where nothing was painted.
    fn skip(&mut self, n: usize) {
        self.zeros += n;
        self.unsummed += n;
    }

    /// Adds `data`, after the zeros skipped, to the checksum. Zeros leave
    /// `a` as it is and add `a` to `b` once each.
    fn sum(&mut self, data: &[u8]) {
        let unsummed = std::mem::take(&mut self.unsummed) as u64;
        if unsummed > 0 {
            let sum = self.adler.finish();
            let (a, b) = (u64::from(sum & 0xffff), u64::from(sum >> 16));
            let b = (b + unsummed % u64::from(ADLER) * a) % u64::from(ADLER);
            self.adler = simd_adler32::Adler32::from_checksum((b as u32) << 16 | a as u32);
        }
        self.adler.write(data);
    }

    /// Writes a row's filter byte.
    fn filter_byte(&mut self) {
        self.sum(&[UP]);
        self.write_zeros();
        let (code, len) = LITERALS[usize::from(UP)];
        self.bits.put(code.into(), len);
    }

    /// Writes the pending zeros, with room for a code after them.
    fn write_zeros(&mut self) {
        let zeros = std::mem::take(&mut self.zeros);
        self.bits.room(zeros / 64 + 32);
        self.bits.zeros(zeros);
    }

    /// Writes `data` after the pending zeros; the zeros at its end are
    /// left pending. The non-zero bytes are found first, without a branch
    /// per byte; each is then written with the run of zeros before it as
    /// one code from a table, again without branching on the data (the
    /// branches the bytes steered were most of this encoder's time).
    fn bytes(&mut self, data: &[u8]) {
        self.sum(data);
        self.inked.resize(data.len(), 0);
        let mut inked = 0;
        for (i, &byte) in data.iter().enumerate() {
            self.inked[inked] = i as u32;
            inked += usize::from(byte != 0);
        }
        // At most a run's code and a literal (35 bits, 5 bytes) per byte
        // written, and for runs too long for the table, a literal and a
        // 13-bit back-reference per 258 zeros.
        self.bits
            .room(self.zeros / 64 + data.len() / 16 + inked * 5 + 32);
        // Where the current run of zeros began, counting from `data[0]`.
        let mut run = -(self.zeros as isize);
        for &at in &self.inked[..inked] {
            let at = at as usize;
            let zeros = (at as isize - run) as usize;
            let (code, len) = match RUNS.get(zeros) {
                Some(&(code, len)) => (code, len),
                None => {
                    self.bits.zeros(zeros);
                    (0, 0)
                }
            };
            let (literal, width) = LITERALS[usize::from(data[at])];
            self.bits
                .put(u64::from(code) | u64::from(literal) << len, len + width);
            run = at as isize + 1;
        }
        self.zeros = (data.len() as isize - run) as usize;
    }

    fn finish(mut self) -> Vec<u8> {
        self.sum(&[]);
        self.write_zeros();
        // End of block.
        let (code, len) = symbol(256);
        self.bits.put(code.into(), len);
        let mut out = self.bits.finish();
        out.extend_from_slice(&self.adler.finish().to_be_bytes());
        out
    }
}

/// Bits packed least significant first, as deflate wants them, into a
/// buffer kept longer than what is written (see [`Bits::room`]), so that
/// each code is written as a whole word without asking whether it fits.
struct Bits {
    out: Vec<u8>,
    /// Bytes written.
    len: usize,
    /// Bits not yet a whole byte (fewer than 8).
    acc: u64,
    count: u32,
}

impl Bits {
    fn with_capacity(capacity: usize) -> Bits {
        Bits {
            out: vec![0; capacity + 8],
            len: 0,
            acc: 0,
            count: 0,
        }
    }

    /// Makes room for `bytes` more bytes of codes, and the word
    /// [`Bits::put`] writes past them.
    fn room(&mut self, bytes: usize) {
        let needed = self.len + bytes + 8;
        if self.out.len() < needed {
            self.out.resize(needed.max(self.out.len() * 2), 0);
        }
    }

    /// Appends the `len` low bits of `bits` (at most 56 at a time): the
    /// whole word is written, and as many bytes as are full kept.
    #[inline(always)]
    fn put(&mut self, bits: u64, len: u32) {
        self.acc |= bits << self.count;
        self.count += len;
        self.out[self.len..self.len + 8].copy_from_slice(&self.acc.to_le_bytes());
        let whole = self.count / 8;
        self.len += whole as usize;
        self.acc >>= whole * 8;
        self.count -= whole * 8;
    }

    /// Writes `n` zeros after a byte that is not zero: a literal zero,
    /// then back-references to the byte before (room for them made).
    fn zeros(&mut self, mut n: usize) {
        if n == 0 {
            return;
        }
        let (code, len) = LITERALS[0];
        self.put(code.into(), len);
        n -= 1;
        while n >= MIN_MATCH {
            let len = n.min(MAX_MATCH);
            let (code, bits) = MATCHES[len];
            self.put(code.into(), bits);
            n -= len;
        }
        for _ in 0..n {
            self.put(code.into(), len);
        }
    }

    /// The bytes, the last one padded with zero bits.
    fn finish(mut self) -> Vec<u8> {
        if self.count > 0 {
            self.out[self.len] = self.acc as u8;
            self.len += 1;
        }
        self.out.truncate(self.len);
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

/// For each run of 0..=259 zeros after a byte that is not zero, its whole
/// code: a literal zero, then a back-reference for the rest when it is
/// long enough, else literal zeros (as [`Bits::zeros`] writes it).
const RUNS: [(u32, u32); MAX_MATCH + 2] = {
    let mut table = [(0, 0); MAX_MATCH + 2];
    let (zero, bits) = LITERALS[0];
    let mut n = 1;
    while n < table.len() {
        let rest = n - 1;
        table[n] = if rest >= MIN_MATCH {
            let (code, len) = MATCHES[rest];
            (zero | code << bits, bits + len)
        } else {
            let mut code = zero;
            let mut i = 0;
            while i < rest {
                code |= zero << (bits * (i as u32 + 1));
                i += 1;
            }
            (code, bits * (rest as u32 + 1))
        };
        n += 1;
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
    fn spans_with_nothing_changed_in_them_round_trip() {
        // Sparse ink on random rows, each row's spans a random cover of
        // its changed columns: some empty, some all zeros, some touching,
        // some runs of zeros longer than a back-reference inside them.
        let mut seed = 7u64;
        let mut next = move |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n.max(1)
        };
        let width = 900;
        for _ in 0..20 {
            let height = 1 + next(12);
            let mut pixels = vec![0u8; width * height];
            for _ in 0..next(200) {
                pixels[next(width * height)] = next(256) as u8;
            }
            let mut cover: Vec<Vec<Range<usize>>> = Vec::new();
            for _ in 0..height {
                let mut row = Vec::new();
                let mut x = 0;
                while x < width {
                    let start = x + next(40);
                    let end = (start + next(400)).min(width);
                    if start <= end {
                        row.push(start..end);
                    }
                    x = end + next(3);
                }
                cover.push(row);
            }
            // Every changed column inside a span: widen the spans over them.
            let zlib = up_filtered(&pixels, width, |y, out| {
                let mut spans = cover[y].clone();
                spans.push(0..0);
                let above = |x: usize| {
                    if y == 0 {
                        0
                    } else {
                        pixels[(y - 1) * width + x]
                    }
                };
                let changed: Vec<usize> = (0..width)
                    .filter(|&x| pixels[y * width + x] != above(x))
                    .collect();
                spans.extend(changed.iter().map(|&x| x..x + 1));
                spans.sort_by_key(|r| (r.start, r.end));
                let mut merged: Vec<Range<usize>> = Vec::new();
                for r in spans {
                    match merged.last_mut() {
                        Some(last) if r.start < last.end => last.end = last.end.max(r.end),
                        _ => merged.push(r),
                    }
                }
                out.extend(merged);
            });
            assert_eq!(decode(&zlib, width), pixels);
        }
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
