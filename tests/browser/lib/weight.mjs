// Page weight: what a phone downloads on a first visit to each page (fresh
// browser context, so nothing is cached), measured in Chromium at 390 px.
// Photos (raster images) are reported beside the budget, not in it: the
// budget is for what every visit pays (HTML, CSS, fonts, scripts, charts).
// The single-file downloads are weighed from disk: their fonts and images
// are data: URLs inside them.
import fs from 'node:fs';
import { WIDTHS } from './browser.mjs';

/** The budget for a first visit without photos, in bytes (150 KB). */
export const BUDGET = 150_000;

const PHOTO = /^image\/(jpeg|png|webp|avif|gif)/;

/** Bytes of one first visit to `url`: { total, photos, byType, requests, fonts }. */
export async function weighVisit(browser, url, allowed) {
  const ctx = await browser.newContext({ ...WIDTHS[390], serviceWorkers: 'block', locale: 'en-GB' });
  await ctx.route((u) => !allowed(u.href), (route) => route.abort('blockedbyclient'));
  const page = await ctx.newPage();
  const finished = [];
  page.on('requestfinished', (req) => finished.push(req));
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    await page.evaluate(() => document.fonts.ready.then(() => null));
    // Lazy images below the fold are photos; the budget does not wait for them.
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
    const out = { total: 0, photos: 0, byType: {}, requests: 0, fonts: [] };
    for (const req of finished) {
      const res = await req.response();
      if (!res) continue;
      const sizes = await req.sizes();
      const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
      const type = (res.headers()['content-type'] ?? '').split(';')[0];
      out.requests += 1;
      if (PHOTO.test(type)) {
        out.photos += bytes;
        continue;
      }
      out.total += bytes;
      const kind = req.resourceType();
      out.byType[kind] = (out.byType[kind] ?? 0) + bytes;
      if (kind === 'font') out.fonts.push(req.url().split('/').pop());
    }
    return out;
  } finally {
    await ctx.close();
  }
}

/** A single-file download's size and what its data: URLs hold. */
export function weighDownload(file) {
  const text = fs.readFileSync(file, 'latin1');
  const out = { total: Buffer.byteLength(text, 'latin1'), fonts: 0, images: 0 };
  for (const m of text.matchAll(/data:(font|image)\/[a-z0-9.+-]+;base64,[A-Za-z0-9+/=]+/g)) {
    out[m[1] === 'font' ? 'fonts' : 'images'] += m[0].length;
  }
  return out;
}

/** `123456` -> `120.6 KB` (KB = 1000 bytes, as in the budget). */
export function kb(bytes) {
  return `${(bytes / 1000).toFixed(1)} KB`;
}
