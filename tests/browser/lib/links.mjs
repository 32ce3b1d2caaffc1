// Static checks of every internal reference in every HTML page: href, src,
// srcset, poster, CSS url(...) in style attributes, <style> and linked
// stylesheets, hreflang alternates, canonical links and fragments. HTML is
// parsed by the browser's own parser (DOMParser), not by regular expressions.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

/** Runs inside the browser: parse one HTML document and list what it refers to. */
function extractInBrowser(src) {
  const doc = new DOMParser().parseFromString(src, 'text/html');
  const ids = [];
  for (const el of doc.querySelectorAll('[id]')) ids.push(el.getAttribute('id'));
  for (const el of doc.querySelectorAll('a[name]')) ids.push(el.getAttribute('name'));
  const refs = [];
  const styles = [];
  const describe = (el) => {
    let s = el.localName;
    if (el.id) s += `#${el.id}`;
    return s;
  };
  for (const el of doc.querySelectorAll('*')) {
    const tag = el.localName;
    const rel = (el.getAttribute('rel') || '').toLowerCase().split(/\s+/).filter(Boolean);
    for (const a of el.attributes) {
      const n = a.name.toLowerCase();
      const base = { tag, el: describe(el), attr: n, rel, hreflang: el.getAttribute('hreflang') };
      if (n === 'href' || n === 'xlink:href' || n === 'src' || n === 'poster' || n === 'action' || n === 'formaction' || (n === 'data' && tag === 'object')) {
        refs.push({ ...base, value: a.value });
      } else if (n === 'srcset' || n === 'imagesrcset') {
        refs.push({ ...base, value: a.value, srcset: true });
      } else if (n === 'style') {
        styles.push({ el: describe(el), where: 'style attribute', text: a.value });
      }
    }
    if (tag === 'meta') {
      const p = (el.getAttribute('property') || el.getAttribute('name') || '').toLowerCase();
      if (/^(og:url|og:image(:url|:secure_url)?|twitter:image)$/.test(p)) {
        refs.push({ tag, el: `meta[${p}]`, attr: 'content', rel: [], meta: p, value: el.getAttribute('content') || '' });
      }
    }
    if (tag === 'style') styles.push({ el: 'style', where: '<style>', text: el.textContent });
  }
  return {
    ids,
    refs,
    styles,
    lang: doc.documentElement.getAttribute('lang'),
    hasBase: !!doc.querySelector('base'),
  };
}

/** Candidate URLs of a srcset value (per the HTML parsing rules, simplified). */
export function parseSrcset(value) {
  const urls = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && /[\s,]/.test(value[i])) i++;
    if (i >= value.length) break;
    let j = i;
    while (j < value.length && !/\s/.test(value[j])) j++;
    let url = value.slice(i, j);
    i = j;
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      // Skip descriptors up to the next comma outside parentheses.
      let depth = 0;
      while (i < value.length) {
        const c = value[i];
        if (c === '(') depth++;
        else if (c === ')') depth--;
        else if (c === ',' && depth <= 0) break;
        i++;
      }
    }
    if (url) urls.push(url);
  }
  return urls;
}

/** url(...) and @import targets in a piece of CSS. */
export function cssUrls(css) {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const out = [];
  const re = /url\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^)'"\s]*))\s*\)|@import\s+(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')/gi;
  let m;
  while ((m = re.exec(text))) {
    const v = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5];
    if (v !== undefined) out.push(v.replace(/\\(.)/g, '$1'));
  }
  return out;
}

// References that make the browser fetch something (as opposed to links a
// reader may follow, or metadata).
function isLoading(ref) {
  if (ref.css) return true;
  if (ref.attr === 'src' || ref.attr === 'srcset' || ref.attr === 'imagesrcset' || ref.attr === 'poster' || ref.attr === 'data') return true;
  if (ref.tag === 'link') return ref.rel.some((r) => ['stylesheet', 'icon', 'preload', 'modulepreload', 'prefetch', 'manifest', 'apple-touch-icon', 'mask-icon'].includes(r));
  if (ref.tag === 'use' || ref.tag === 'image' || ref.tag === 'feimage') return true;
  return false;
}

// References that must be absolute URLs (the site's own base_url).
function mustBeAbsolute(ref) {
  if (ref.meta) return true;
  return ref.tag === 'link' && ref.rel.some((r) => r === 'canonical' || r === 'alternate');
}

export async function checkLinks({ page, outDir, pages, baseUrl, languages, report, pathBase = false }) {
  const SUITE = 'links';
  const base = new URL(baseUrl);
  const mountPath = base.pathname;
  const parsed = new Map(); // abs file -> extraction

  for (const p of pages) {
    const src = fs.readFileSync(p.abs, 'utf8');
    parsed.set(p.abs, await page.evaluate(extractInBrowser, src));
  }
  const htmlFiles = new Set(pages.map((p) => p.abs));
  const idsOf = (file) => {
    if (!parsed.has(file) && htmlFiles.has(file)) return null;
    return parsed.has(file) ? new Set(parsed.get(file).ids) : null;
  };

  let internal = 0;
  let fragments = 0;
  let external = 0;
  const cssFiles = new Map(); // css file -> first page that links it

  const within = (file) => file === outDir || file.startsWith(outDir + path.sep);
  const relOut = (file) => path.relative(outDir, file).split(path.sep).join('/') || '.';

  /** Resolve one reference to { file, fragment } or a problem. */
  function resolveRef(value, fromFile, ref, allowRootAbsolute) {
    const v = value.trim();
    if (v === '') return { problem: `empty ${ref.attr}` };
    const scheme = v.match(/^([a-zA-Z][a-zA-Z0-9+.-]*):/);
    if (scheme) {
      const s = scheme[1].toLowerCase();
      if (s === 'javascript') return { problem: `javascript: URL in ${ref.attr}` };
      if (s === 'data') return { skip: true };
      if (s === 'mailto' || s === 'tel') return { external: true };
      if (s !== 'http' && s !== 'https' && s !== 'file') return { external: true };
      if (s === 'file') return { problem: `file: URL ${v} only works on the build machine` };
      const u = new URL(v);
      const baseNoSlash = baseUrl.replace(/\/$/, '');
      if (u.origin === base.origin && (u.pathname.startsWith(mountPath) || u.pathname + '/' === mountPath || v === baseNoSlash)) {
        const rest = u.pathname.slice(mountPath.length);
        return { siteAbsolute: true, relPath: rest, fragment: u.hash ? u.hash.slice(1) : null };
      }
      return { external: true };
    }
    if (v.startsWith('//')) {
      const u = new URL('https:' + v);
      if (u.host === base.host) return { problem: `protocol-relative URL to the site itself: ${v}` };
      return { external: true };
    }
    if (v.startsWith('#')) return { samePage: true, fragment: v.slice(1) };
    if (v.startsWith('/')) {
      const u = new URL(v, base.origin);
      if (!u.pathname.startsWith(mountPath)) {
        return { problem: `root-absolute ${v} is outside base_url's path ${mountPath}` };
      }
      return { rootAbsolute: true, relPath: u.pathname.slice(mountPath.length), fragment: u.hash ? u.hash.slice(1) : null };
    }
    const u = new URL(v, pathToFileURL(fromFile));
    const file = fileURLToPath(new URL(u.pathname, 'file://'));
    if (!within(file)) return { problem: `${v} resolves to ${file}, outside the output directory` };
    return { relFile: file, trailingSlash: u.pathname.endsWith('/'), fragment: u.hash ? u.hash.slice(1) : null };
  }

  /** Map a path relative to the site root to a file. */
  function fileFor(relPath) {
    let decoded;
    try {
      decoded = decodeURIComponent(relPath);
    } catch {
      return { problem: 'bad percent-encoding' };
    }
    const file = path.resolve(outDir, decoded);
    if (!within(file)) return { problem: 'leaves the output directory' };
    return { file };
  }

  function existsAs(file) {
    let decoded = file;
    try {
      decoded = decodeURIComponent(file);
    } catch {}
    for (const f of [decoded, file]) {
      try {
        const st = fs.statSync(f);
        if (st.isDirectory()) {
          const idx = path.join(f, 'index.html');
          return fs.existsSync(idx) ? { file: idx, directory: true } : { missing: 'a folder without index.html' };
        }
        return { file: f };
      } catch {}
    }
    return { missing: 'no such file' };
  }

  function checkOne(ref, value, fromFile, pageInfo, problems, cssContext = null) {
    const where = cssContext ? `${cssContext} url(${value})` : `<${ref.el} ${ref.attr}="${value}">`;
    // A path base_url (`/reports/`) gives no host: canonical and hreflang
    // links are then paths from the host's root, which HTML allows.
    const allowRootAbsolute = pageInfo?.kind === 'notfound' || (pathBase && mustBeAbsolute(ref));
    const r = resolveRef(value, fromFile, ref, allowRootAbsolute);
    if (r.skip) return;
    if (r.problem) {
      problems.push(`${where}: ${r.problem}`);
      return;
    }
    if (r.external) {
      external++;
      if (isLoading(ref)) problems.push(`${where}: loads a resource from another site (nothing may be loaded from elsewhere)`);
      return;
    }
    if (r.samePage) {
      fragments++;
      const frag = safeDecode(r.fragment);
      if (frag === '') problems.push(`${where}: empty fragment "#" links nowhere`);
      else if (!idsOf(fromFile)?.has(frag) && frag !== 'top') problems.push(`${where}: no element with id "${frag}" on this page`);
      return;
    }
    internal++;
    let target;
    if (r.siteAbsolute || r.rootAbsolute) {
      const f = fileFor(r.relPath);
      if (f.problem) {
        problems.push(`${where}: ${f.problem}`);
        return;
      }
      target = f.file;
      if (r.rootAbsolute && !allowRootAbsolute) {
        problems.push(`${where}: root-absolute URL; links must be relative so the site works from disk and under any sub-path`);
      }
      if (r.siteAbsolute && !mustBeAbsolute(ref) && pageInfo && pageInfo.kind !== 'download' && pageInfo.kind !== 'notfound') {
        problems.push(`${where}: absolute URL to the site itself; make it relative so the copy on disk or on another host stays self-contained`);
      }
    } else {
      target = r.relFile;
      if (pageInfo?.kind === 'download' && !cssContext) {
        problems.push(`${where}: relative URL in a single-file HTML download, which is shared on its own where nothing sits beside it: inline it, or link to the site with an absolute URL under base_url`);
      }
      if (pageInfo?.kind === 'notfound' && !cssContext) {
        problems.push(`${where}: relative URL in 404.html; a host serves 404.html for a missing URL at any depth, where relative URLs resolve elsewhere: use a root-absolute URL built from base_url's path`);
      }
      if (mustBeAbsolute(ref)) problems.push(`${where}: should be an absolute URL under base_url ${baseUrl}${pathBase ? ' (or its path)' : ''}`);
    }
    const e = existsAs(target);
    if (e.missing) {
      problems.push(`${where}: target ${relOut(target)} does not exist (${e.missing})`);
      return;
    }
    if (e.directory && !r.siteAbsolute && !r.rootAbsolute && !cssContext) {
      problems.push(`${where}: links to a folder; opened from disk (file://) that shows a folder listing, not ${relOut(e.file)}: link to index.html`);
    }
    if (ref.tag === 'link' && ref.rel.includes('stylesheet') && /\.css$/i.test(e.file) && !cssFiles.has(e.file)) {
      cssFiles.set(e.file, pageInfo?.rel ?? '?');
    }
    if (r.fragment != null && r.fragment !== '') {
      fragments++;
      const frag = safeDecode(r.fragment);
      if (/\.html?$/i.test(e.file)) {
        const ids = idsOf(e.file);
        if (ids && !ids.has(frag) && frag !== 'top') problems.push(`${where}: ${relOut(e.file)} has no element with id "${frag}"`);
      }
    }
    return e.file;
  }

  const byFile = new Map(pages.map((p) => [p.abs, p]));

  for (const p of pages) {
    const x = parsed.get(p.abs);
    const problems = [];
    if (x.hasBase) problems.push('<base> element changes how every relative link resolves; the site relies on relative links');
    // <html lang> must match the language folder.
    if (p.lang && x.lang !== p.lang) problems.push(`<html lang="${x.lang}"> in the ${p.lang}/ folder`);
    if (!p.lang && p.kind !== 'notfound' && x.lang && !languages.includes(x.lang)) problems.push(`<html lang="${x.lang}"> is not one of the site's languages ${languages.join(', ')}`);
    if (!x.lang) problems.push('<html> has no lang attribute');

    for (const ref of x.refs) {
      const values = ref.srcset ? parseSrcset(ref.value) : [ref.value];
      for (const v of values) {
        // <a name> without href and <form> without action are not collected.
        const target = checkOne(ref, v, p.abs, p, problems);
        // Canonical must point at the page itself.
        if (target && ref.tag === 'link' && ref.rel.includes('canonical') && target !== p.abs) {
          problems.push(`<link rel="canonical" href="${v}"> points at ${relOut(target)}, not at this page`);
        }
        // hreflang alternates: the target is in that language and links back.
        if (target && ref.tag === 'link' && ref.rel.includes('alternate') && ref.hreflang && ref.hreflang !== 'x-default') {
          const tx = parsed.get(target);
          if (!tx) problems.push(`<link rel="alternate" hreflang="${ref.hreflang}" href="${v}"> is not an HTML page of the site`);
          else {
            if (tx.lang !== ref.hreflang) problems.push(`<link rel="alternate" hreflang="${ref.hreflang}" href="${v}">: that page has <html lang="${tx.lang}">`);
            const back = tx.refs.some((tr) => tr.tag === 'link' && tr.rel.includes('alternate') && tr.hreflang === x.lang && (() => {
              const rr = resolveRef(tr.value, target, tr, false);
              const f = rr.relPath != null ? fileFor(rr.relPath).file : rr.relFile;
              const ex = f ? existsAs(f) : {};
              return ex.file === p.abs;
            })());
            // The root language chooser is not itself a language version, so
            // the versions do not list it back (it would be their x-default).
            if (!back && x.lang && p.kind !== 'chooser') problems.push(`<link rel="alternate" hreflang="${ref.hreflang}" href="${v}">: ${relOut(target)} has no alternate hreflang="${x.lang}" back to this page`);
          }
        }
      }
    }
    for (const st of x.styles) {
      for (const u of cssUrls(st.text)) checkOne({ tag: st.el, el: st.el, attr: 'url', rel: [], css: true }, u, p.abs, p, problems, `${st.where} in ${st.el}`);
    }
    report.check(SUITE, p.rel, problems);
  }

  // Linked stylesheets: every url(...) and @import inside them.
  for (const [css, fromPage] of cssFiles) {
    const problems = [];
    const text = fs.readFileSync(css, 'utf8');
    for (const u of cssUrls(text)) {
      checkOne({ tag: 'css', el: 'css', attr: 'url', rel: [], css: true }, u, css, { kind: 'css', rel: fromPage }, problems, relOut(css));
    }
    report.check(SUITE, relOut(css), problems);
  }

  report.setCount(SUITE, 'HTML pages scanned', pages.length);
  report.setCount(SUITE, 'stylesheets scanned', cssFiles.size);
  report.setCount(SUITE, 'internal links checked', internal);
  report.setCount(SUITE, 'fragments checked', fragments);
  report.setCount(SUITE, 'external links seen (not fetched)', external);
  return parsed;
}

function safeDecode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
