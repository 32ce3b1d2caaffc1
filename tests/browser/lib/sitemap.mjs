// sitemap.xml: well-formed XML (parsed by the browser's XML parser), every
// <loc> absolute under base_url and backed by a file, and every page that
// should be indexed listed.
import fs from 'node:fs';
import path from 'node:path';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

function parseInBrowser({ xml, ns }) {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const err = doc.getElementsByTagName('parsererror')[0];
  if (err) return { error: err.textContent.replace(/\s+/g, ' ').trim() };
  const root = doc.documentElement;
  const urls = [];
  for (const u of root.children) {
    if (u.namespaceURI !== ns || u.localName !== 'url') {
      urls.push({ stray: `<${u.tagName}>` });
      continue;
    }
    const kids = [...u.children];
    urls.push({
      locs: kids.filter((k) => k.namespaceURI === ns && k.localName === 'loc').map((k) => k.textContent),
      lastmod: kids.filter((k) => k.namespaceURI === ns && k.localName === 'lastmod').map((k) => k.textContent),
      alternates: kids
        .filter((k) => k.namespaceURI === 'http://www.w3.org/1999/xhtml' && k.localName === 'link')
        .map((k) => ({ rel: k.getAttribute('rel'), hreflang: k.getAttribute('hreflang'), href: k.getAttribute('href') })),
    });
  }
  return { rootNs: root.namespaceURI, rootName: root.localName, urls };
}

export async function checkSitemap({ page, outDir, baseUrl, pages, parsed, report }) {
  const SUITE = 'sitemap';
  const file = path.join(outDir, 'sitemap.xml');
  if (!fs.existsSync(file)) {
    report.check(SUITE, 'sitemap.xml', ['missing']);
    return;
  }
  const xml = fs.readFileSync(file, 'utf8');
  const top = [];
  if (xml.charCodeAt(0) === 0xfeff) top.push('starts with a byte-order mark');
  const r = await page.evaluate(parseInBrowser, { xml, ns: SITEMAP_NS });
  if (r.error) {
    report.check(SUITE, 'sitemap.xml well-formed', [`XML parse error: ${r.error}`]);
    return;
  }
  if (r.rootNs !== SITEMAP_NS || r.rootName !== 'urlset') top.push(`root element is {${r.rootNs}}${r.rootName}, expected {${SITEMAP_NS}}urlset`);
  if (r.urls.length === 0) top.push('lists no URLs');
  report.check(SUITE, 'sitemap.xml well-formed', top);

  const listed = new Map(); // file -> loc
  const mapLoc = (loc) => {
    let u;
    try {
      u = new URL(loc);
    } catch {
      return { problem: `"${loc}" is not an absolute URL` };
    }
    if (!loc.startsWith(baseUrl)) return { problem: `"${loc}" does not start with base_url ${baseUrl}` };
    let rel = loc.slice(baseUrl.length).split('#')[0].split('?')[0];
    try {
      rel = decodeURIComponent(rel);
    } catch {
      return { problem: `"${loc}" has bad percent-encoding` };
    }
    let f = path.resolve(outDir, rel);
    if (f !== outDir && !f.startsWith(outDir + path.sep)) return { problem: `"${loc}" leaves the output directory` };
    if (rel === '' || rel.endsWith('/')) f = path.join(f, 'index.html');
    if (!fs.existsSync(f)) return { problem: `"${loc}" has no file ${path.relative(outDir, f)} in the output` };
    if (fs.statSync(f).isDirectory()) return { problem: `"${loc}" is a folder; give it a trailing slash` };
    return { file: f, protocol: u.protocol };
  };

  let locCount = 0;
  let altCount = 0;
  for (const [i, u] of r.urls.entries()) {
    const problems = [];
    if (u.stray) {
      report.check(SUITE, `entry ${i + 1}`, [`unexpected element ${u.stray} in <urlset>`]);
      continue;
    }
    const subject = u.locs[0] ?? `entry ${i + 1}`;
    if (u.locs.length !== 1) problems.push(`<url> has ${u.locs.length} <loc> elements, expected 1`);
    for (const raw of u.locs) {
      locCount++;
      const loc = raw.trim();
      if (loc !== raw) problems.push(`<loc> has surrounding whitespace`);
      const m = mapLoc(loc);
      if (m.problem) problems.push(m.problem);
      else {
        if (listed.has(m.file)) problems.push(`the same page is also listed as ${listed.get(m.file)}`);
        listed.set(m.file, loc);
      }
    }
    for (const lm of u.lastmod) {
      if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(lm.trim())) problems.push(`<lastmod>${lm}</lastmod> is not a W3C date`);
    }
    for (const a of u.alternates) {
      altCount++;
      if (a.rel !== 'alternate') problems.push(`<xhtml:link rel="${a.rel}"> should be rel="alternate"`);
      if (!a.hreflang) problems.push(`<xhtml:link href="${a.href}"> has no hreflang`);
      const m = mapLoc(a.href ?? '');
      if (m.problem) problems.push(`xhtml:link: ${m.problem}`);
      else if (a.hreflang && a.hreflang !== 'x-default') {
        const lang = parsed.get(m.file)?.lang;
        if (lang && lang !== a.hreflang) problems.push(`xhtml:link hreflang="${a.hreflang}" points at a page with <html lang="${lang}">`);
      }
    }
    report.check(SUITE, subject, problems);
  }

  // Every page meant for readers and search engines is listed; nothing else.
  const coverage = [];
  for (const p of pages) {
    const indexable = ['chooser', 'home', 'report', 'campaign', 'page'].includes(p.kind);
    const noindex = /<meta\s+name=["']?robots["']?\s+content=["'][^"']*noindex/i.test(fs.readFileSync(p.abs, 'utf8'));
    if (indexable && !noindex && !listed.has(p.abs)) {
      coverage.push(`${p.rel} (${p.kind}) is not in sitemap.xml (expected <loc>${baseUrl}${p.urlPath}</loc>)${p.kind === 'chooser' ? '; list the root with x-default alternates, or mark the chooser noindex' : ''}`);
    }
    if (p.kind === 'notfound' && listed.has(p.abs)) coverage.push('404.html is listed in sitemap.xml');
  }
  report.check(SUITE, 'every page listed', coverage);
  report.setCount(SUITE, 'urls', r.urls.length);
  report.setCount(SUITE, 'locs checked', locCount);
  report.setCount(SUITE, 'alternates checked', altCount);
}
