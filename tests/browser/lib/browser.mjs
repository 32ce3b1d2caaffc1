// Everything that needs a real browser: page visits over http:// and file://
// at phone and desktop widths, the language switcher, axe-core, screenshots.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
export const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const AXE_VERSION = require('axe-core/package.json').version;
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export const WIDTHS = {
  390: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 },
  1280: { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 },
};

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launch(executablePath) {
  // chromium.launch() always starts Chromium with a fresh temporary
  // --user-data-dir of its own and deletes it on close (it refuses a
  // --user-data-dir argument), so no profile state leaks between runs.
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

// Recorded in every page before its own code runs: CSP violations, as the
// browser reports them to the page.
const INIT_SCRIPT = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push({ directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber, disposition: e.disposition });
  });
`;

export async function newContext(browser, { width, bypassCSP = false, allowed }) {
  const ctx = await browser.newContext({ ...WIDTHS[width], bypassCSP, javaScriptEnabled: true, serviceWorkers: 'block', locale: 'en-GB' });
  if (!bypassCSP) await ctx.addInitScript(INIT_SCRIPT);
  // Nothing may leave the site: requests to other origins are recorded by the
  // visit and aborted here so a run never waits on the network.
  await ctx.route((u) => !allowed(u.href), (route) => route.abort('blockedbyclient'));
  ctx.setDefaultTimeout(30_000);
  ctx.setDefaultNavigationTimeout(30_000);
  return ctx;
}

export function normalUrl(u) {
  const x = new URL(u);
  x.hash = '';
  x.search = '';
  if (x.pathname.endsWith('/index.html')) x.pathname = x.pathname.slice(0, -'index.html'.length);
  return x.href;
}

/** Attach listeners that turn anything going wrong on a page into problems. */
function watch(page, { allowed, mainUrl, expectMainStatus }) {
  const problems = [];
  const externalSeen = new Set();
  page.on('console', (m) => {
    const t = m.type();
    const text = m.text();
    if (t === 'error' || (t === 'warning' && /Content Security Policy/i.test(text))) {
      // The deliberate 404 document itself is logged as a failed resource.
      if (expectMainStatus === 404 && /status of 404/.test(text) && normalUrl(m.location().url || mainUrl) === normalUrl(mainUrl)) return;
      const loc = m.location();
      problems.push(`console ${t}: ${text}${loc?.url ? ` (at ${loc.url}${loc.lineNumber != null ? `:${loc.lineNumber + 1}` : ''})` : ''}`);
    }
  });
  page.on('pageerror', (e) => problems.push(`uncaught exception: ${e.message}`));
  page.on('request', (r) => {
    const u = r.url();
    if (!allowed(u) && !externalSeen.has(u)) {
      externalSeen.add(u);
      problems.push(`request to another origin: ${r.resourceType()} ${u}`);
    }
  });
  page.on('requestfailed', (r) => {
    if (externalSeen.has(r.url())) return;
    problems.push(`request failed: ${r.resourceType()} ${r.url()} (${r.failure()?.errorText})`);
  });
  page.on('response', (r) => {
    const isMain = r.request().isNavigationRequest() && r.frame() === page.mainFrame();
    if (isMain && expectMainStatus != null) {
      if (r.status() !== expectMainStatus && normalUrl(r.url()) === normalUrl(mainUrl)) problems.push(`HTTP ${r.status()} for the page, expected ${expectMainStatus}`);
      if (r.status() === expectMainStatus) return;
    }
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${r.request().resourceType()} ${r.url()}`);
  });
  return problems;
}

// ---- In-page measurements (these functions run inside the browser) ----

async function settle() {
  await document.fonts.ready;
  for (const img of document.images) if (img.loading === 'lazy') img.loading = 'eager';
  await Promise.all(
    [...document.images].map((img) =>
      img.complete
        ? null
        : new Promise((r) => {
            img.addEventListener('load', r, { once: true });
            img.addEventListener('error', r, { once: true });
            setTimeout(r, 5000);
          }),
    ),
  );
}

function measureOverflow() {
  const se = document.scrollingElement;
  const cw = se.clientWidth;
  const sw = se.scrollWidth;
  if (sw <= cw + 1) return null;
  const desc = (el) => {
    let s = el.localName;
    if (el.id) s += `#${el.id}`;
    if (el.classList.length) s += '.' + [...el.classList].join('.');
    const txt = (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return txt ? `${s} "${txt}"` : s;
  };
  const clipped = (el) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const ox = getComputedStyle(a).overflowX;
      if (ox !== 'visible') return true;
    }
    return false;
  };
  const over = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.right > cw + 1 && !clipped(el)) over.push([el, r]);
  }
  const set = new Set(over.map(([el]) => el));
  // Report the innermost offenders: the elements actually too wide.
  const inner = over.filter(([el]) => ![...el.children].some((c) => set.has(c)));
  return {
    scrollWidth: sw,
    clientWidth: cw,
    culprits: inner.slice(0, 5).map(([el, r]) => `${desc(el)} (right edge at ${Math.round(r.right)}px, width ${Math.round(r.width)}px)`),
  };
}

function inspect() {
  const out = {};
  out.lang = document.documentElement.getAttribute('lang');
  out.title = document.title;
  // Content-Security-Policy <meta>: present, in <head>, before anything it governs.
  const metas = [...document.querySelectorAll('meta[http-equiv]')].filter((m) => m.httpEquiv.toLowerCase() === 'content-security-policy');
  out.csp = metas.map((m) => {
    const first = document.querySelector('link[rel~="stylesheet"], link[rel~="icon"], link[rel~="preload"], style, script, img, svg, picture');
    return {
      content: m.content,
      inHead: m.parentElement === document.head,
      after: first && m.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_PRECEDING ? first.outerHTML.slice(0, 80) : null,
    };
  });
  out.icons = [...document.querySelectorAll('link[rel~="icon"]')].map((l) => ({ href: l.href, raw: l.getAttribute('href') }));
  out.stylesheets = [...document.querySelectorAll('link[rel~="stylesheet"]')].map((l) => ({ href: l.getAttribute('href'), applied: !!l.sheet }));
  out.brokenImages = [...document.images].filter((i) => !i.complete || i.naturalWidth === 0).map((i) => i.currentSrc || i.getAttribute('src'));
  // Photos (issue 17): none wider than the column it stands in, nor than
  // the window, whatever its intrinsic size.
  const viewport = document.documentElement.clientWidth;
  out.images = document.images.length;
  out.wideImages = [...document.images].flatMap((i) => {
    const r = i.getBoundingClientRect();
    const box = i.parentElement?.closest('figure, p, li, td, section, article, main, body');
    const room = box ? box.getBoundingClientRect() : { left: 0, right: viewport };
    const src = (i.currentSrc || i.getAttribute('src') || '').slice(0, 80);
    return r.width > 0 && (r.right > Math.min(viewport, room.right) + 1 || r.left < Math.max(0, room.left) - 1)
      ? [`${src} spans ${Math.round(r.left)}–${Math.round(r.right)} px, its column ${Math.round(room.left)}–${Math.round(room.right)} px of ${viewport}`]
      : [];
  });
  // Charts: open every disclosure first, so a chart inside one is measured as shown.
  for (const d of document.querySelectorAll('details')) d.open = true;
  // A chart drawn twice (wide and narrow, `figure.chart-two`) shows one
  // drawing at a time by CSS: the other is left out here, and the figure
  // must show exactly one.
  const alternate = (s) => {
    const w = s.closest('.chart-wide, .chart-narrow');
    return !!w && getComputedStyle(w).display === 'none';
  };
  out.doubleCharts = [...document.querySelectorAll('figure.chart-two')].map((f) => ({
    id: f.id,
    shown: [...f.querySelectorAll('.chart-wide, .chart-narrow')].filter((w) => getComputedStyle(w).display !== 'none').length,
  }));
  out.svgs = [...document.querySelectorAll('svg[role="img"]')].filter((s) => !alternate(s)).map((s) => {
    const r = s.getBoundingClientRect();
    return { w: r.width, h: r.height, label: (s.querySelector('title')?.textContent || s.getAttribute('aria-label') || s.id || '').trim().slice(0, 60) };
  });
  out.switchNav = !!document.querySelector('.lang-switch');
  out.switcher = [...document.querySelectorAll('.lang-switch a[hreflang]')].map((a) => ({ hreflang: a.getAttribute('hreflang'), href: a.href, raw: a.getAttribute('href') }));
  out.cspViolations = window.__cspViolations || [];
  return out;
}

// ---- CSP policy: does the meta say "nothing leaves the site"? ----

export function cspProblems(content) {
  const problems = [];
  const directives = new Map();
  for (const part of content.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (!name) continue;
    directives.set(name.toLowerCase(), values);
  }
  if (!directives.has('default-src')) problems.push('CSP has no default-src, so anything not named is allowed');
  for (const [name, values] of directives) {
    if (name === 'report-uri' || name === 'report-to') {
      problems.push(`CSP ${name} would send reports elsewhere`);
      continue;
    }
    for (const v of values) {
      const lv = v.toLowerCase();
      const local = lv.startsWith("'") || ['data:', 'blob:'].includes(lv);
      if (!local) problems.push(`CSP ${name} allows "${v}", which is not the site itself`);
    }
  }
  return problems;
}

// ---- A full visit of one page ----

/**
 * Visit one page and return { problems, info }. Options: url, allowed(url),
 * expectMainStatus (200 over http, 404 for the deliberate miss, null for file),
 * screenshot (path or null), follow (follow the language switcher).
 */
export async function visit(ctx, { url, allowed, expectMainStatus = 200, screenshot = null, follow = false, outDir = null, selfContained = false }) {
  const page = await ctx.newPage();
  const problems = watch(page, { allowed, mainUrl: url, expectMainStatus });
  if (selfContained) {
    // A single-file download is shared on its own: it may load nothing but itself.
    page.on('request', (r) => {
      if (r.isNavigationRequest() && r.frame() === page.mainFrame()) return;
      if (!/^(data|blob|about):/.test(r.url())) problems.push(`single-file HTML is not self-contained: it loads ${r.resourceType()} ${r.url()}`);
    });
  }
  let info = null;
  try {
    let resp;
    try {
      resp = await page.goto(url, { waitUntil: 'load' });
    } catch (e) {
      problems.push(`navigation failed: ${e.message.split('\n')[0]}`);
      return { problems, info };
    }
    if (expectMainStatus != null && resp && resp.status() !== expectMainStatus && !problems.some((p) => p.startsWith('HTTP'))) {
      problems.push(`HTTP ${resp.status()} for the page, expected ${expectMainStatus}`);
    }
    await page.evaluate(settle);
    const overflow = await page.evaluate(measureOverflow);
    if (overflow) problems.push(`horizontal overflow: scrollWidth ${overflow.scrollWidth}px > clientWidth ${overflow.clientWidth}px; too wide: ${overflow.culprits.join('; ') || '(no single element found)'}`);
    if (screenshot) {
      fs.mkdirSync(path.dirname(screenshot), { recursive: true });
      await page.screenshot({ path: screenshot, fullPage: true });
    }
    info = await page.evaluate(inspect);
    // Opening disclosures may reveal wide content too.
    const overflowOpen = overflow ? null : await page.evaluate(measureOverflow);
    if (overflowOpen) problems.push(`horizontal overflow with <details> open: scrollWidth ${overflowOpen.scrollWidth}px > clientWidth ${overflowOpen.clientWidth}px; too wide: ${overflowOpen.culprits.join('; ')}`);
    if (info.csp.length === 0) problems.push('no Content-Security-Policy <meta>');
    for (const c of info.csp) {
      if (!c.inHead) problems.push('Content-Security-Policy <meta> is not in <head>');
      if (c.after) problems.push(`Content-Security-Policy <meta> comes after ${c.after}, which it therefore does not govern`);
      problems.push(...cspProblems(c.content));
    }
    for (const v of info.cspViolations) problems.push(`CSP violation: ${v.directive} blocked ${v.blocked || '(inline)'}${v.source ? ` in ${v.source}:${v.line}` : ''}`);
    for (const s of info.stylesheets) if (!s.applied) problems.push(`stylesheet ${s.href} was not applied`);
    problems.push(...(await iconProblems(ctx, info.icons)));
    for (const src of info.brokenImages) problems.push(`broken image (naturalWidth 0): ${src}`);
    for (const w of info.wideImages) problems.push(`image overflows: ${w}`);
    for (const s of info.svgs) if (!(s.w > 0 && s.h > 0)) problems.push(`<svg role="img"> "${s.label}" has zero size (${s.w}×${s.h})`);
    for (const f of info.doubleCharts) if (f.shown !== 1) problems.push(`chart #${f.id} shows ${f.shown} of its two drawings, not one`);
    // Late console messages (e.g. a font that failed after load).
    await page.waitForTimeout(20);
  } finally {
    await page.close();
  }
  // Follow the switcher in a page of its own, so what happens on the target
  // pages (checked in their own visits) is not blamed on this one.
  const own = [...problems];
  if (follow && info) own.push(...(await followSwitcher(ctx, url, info, { expectHttp: expectMainStatus != null, outDir })));
  return { problems: own, info };
}

/**
 * The favicon: a page without <link rel="icon"> makes the browser ask for
 * /favicon.ico on its own (outside the page's own requests, so the response
 * watcher never sees it), which answers 404 on a site that has none. Every
 * page must link one, and each linked icon must load as an image.
 */
export async function iconProblems(ctx, icons) {
  const problems = [];
  if (!icons.length) problems.push('no <link rel="icon">: the browser asks for /favicon.ico, which answers 404');
  for (const { href, raw } of icons) {
    if (href.startsWith('data:')) {
      if (!/^data:image\//.test(href)) problems.push(`favicon ${raw.slice(0, 40)} is not an image`);
    } else if (href.startsWith('file:')) {
      const f = fileURLToPath(href.split('#')[0].split('?')[0]);
      if (!fs.existsSync(f)) problems.push(`favicon ${raw} is missing (${f})`);
    } else {
      const r = await ctx.request.get(href);
      const type = r.headers()['content-type'] || '';
      if (r.status() !== 200) problems.push(`HTTP ${r.status()} for the favicon ${href}`);
      else if (!type.startsWith('image/')) problems.push(`favicon ${href} is served as ${type}, not an image`);
    }
  }
  return problems;
}

/** Click every language link; the target must be that language and link back. */
async function followSwitcher(ctx, from, info, { expectHttp, outDir }) {
  const problems = [];
  const page = await ctx.newPage();
  try {
    problems.push(...(await followFrom(page, from, info, { expectHttp, outDir })));
  } catch (e) {
    problems.push(`following the language switcher failed: ${e.message.split('\n')[0]}`);
  } finally {
    await page.close();
  }
  return problems;
}

async function followFrom(page, from, info, { expectHttp, outDir }) {
  const problems = [];
  const fromLang = info.lang;
  for (let i = 0; i < info.switcher.length; i++) {
    const { hreflang, href, raw } = info.switcher[i];
    if (normalUrl(href) === normalUrl(from)) {
      problems.push(`language switcher link hreflang="${hreflang}" (${raw}) points at this same page`);
      continue;
    }
    if (href.startsWith('file:') && outDir) {
      const f = fileURLToPath(new URL(href).href.split('#')[0]);
      if (!fs.existsSync(f) || fs.statSync(f).isDirectory()) {
        problems.push(`language switcher link hreflang="${hreflang}" (${raw}) leads to ${f}, which is not a file (from disk a folder shows a listing)`);
        continue;
      }
    }
    await page.goto(from, { waitUntil: 'load' });
    let status = null;
    const onResp = (r) => {
      if (r.request().isNavigationRequest() && r.frame() === page.mainFrame()) status = r.status();
    };
    page.on('response', onResp);
    try {
      await Promise.all([page.waitForURL((u) => normalUrl(u.href) === normalUrl(href), { waitUntil: 'load', timeout: 15_000 }), page.locator('.lang-switch a[hreflang]').nth(i).click()]);
    } catch (e) {
      problems.push(`following language switcher link hreflang="${hreflang}" (${raw}) did not reach ${href}: ${e.message.split('\n')[0]}`);
      page.off('response', onResp);
      continue;
    }
    page.off('response', onResp);
    if (expectHttp && status !== 200) problems.push(`language switcher link hreflang="${hreflang}" (${raw}) answered HTTP ${status}`);
    const there = await page.evaluate(() => ({
      lang: document.documentElement.getAttribute('lang'),
      links: [...document.querySelectorAll('.lang-switch a[hreflang]')].map((a) => ({ hreflang: a.getAttribute('hreflang'), href: a.href, raw: a.getAttribute('href') })),
    }));
    if (there.lang !== hreflang) problems.push(`language switcher link hreflang="${hreflang}" (${raw}) leads to a page with <html lang="${there.lang}">`);
    const back = there.links.filter((l) => l.hreflang === fromLang);
    if (back.length === 0) problems.push(`language switcher link hreflang="${hreflang}" (${raw}) leads to a page with no switcher link hreflang="${fromLang}" back`);
    else if (!back.some((l) => normalUrl(l.href) === normalUrl(from))) problems.push(`language switcher link hreflang="${hreflang}" (${raw}) leads to a page whose hreflang="${fromLang}" link goes to ${back[0].raw} (${back[0].href}), not back to ${from}`);
  }
  return problems;
}

/** Run axe-core on one page (in a context that bypasses CSP so axe can be injected). */
export async function runAxe(ctx, url) {
  const page = await ctx.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(settle);
    await page.evaluate(() => {
      for (const d of document.querySelectorAll('details')) d.open = true;
    });
    await page.addScriptTag({ content: AXE_SOURCE });
    return await page.evaluate(async (tags) => {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] });
      const nodes = (list) => list.slice(0, 4).map((n) => ({ target: n.target.join(' '), summary: (n.failureSummary || '').replace(/\s+/g, ' ').trim(), html: n.html.slice(0, 160) }));
      return {
        violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, count: v.nodes.length, nodes: nodes(v.nodes) })),
        incomplete: r.incomplete.map((v) => ({ id: v.id, impact: v.impact, help: v.help, count: v.nodes.length, nodes: nodes(v.nodes) })),
        passes: r.passes.map((v) => v.id),
        inapplicable: r.inapplicable.length,
      };
    }, AXE_TAGS);
  } finally {
    await page.close();
  }
}

/** Run tasks with at most n at a time, in order of the list. */
export async function pool(items, n, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return results;
}
