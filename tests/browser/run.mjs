#!/usr/bin/env node
// Browser and validator suite for the site `impact build` writes.
//
//   node tests/browser/run.mjs [OUTPUT_DIR] [--base-url URL] [--root DIR]
//        [--jobs N] [--chromium PATH] [--screenshots DIR] [--json FILE]
//        [--only suite,suite] [--phone-shots DIR]
//
// Suites: server, links, sitemap, html, browser (http + file:// visits,
// language switcher, deliberate 404), weight (first-visit budget), phones
// (chart text, overflow, tables and headline figures at 320–1920 px), axe. Prints every failure with its page
// and detail, counts per suite, and closes with "N passed, N failed"; exits 1
// if anything failed, 2 if it could not run at all.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Report } from './lib/report.mjs';
import { readSiteConfig, discoverPages, walkFiles } from './lib/site.mjs';
import { startServer, rawGet, contentType } from './lib/server.mjs';
import { checkLinks } from './lib/links.mjs';
import { checkSitemap } from './lib/sitemap.mjs';
import { validateHtml } from './lib/htmlvalidate.mjs';
import { launch, newContext, visit, runAxe, pool, normalUrl, AXE_VERSION, AXE_TAGS } from './lib/browser.mjs';
import { BUDGET, weighVisit, weighDownload, kb } from './lib/weight.mjs';
import { PHONE_WIDTHS, MIN_CHART_PX, phoneContext, checkPhone } from './lib/phones.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');

function usage(msg) {
  if (msg) console.error(`run.mjs: ${msg}`);
  console.error('usage: node tests/browser/run.mjs [OUTPUT_DIR] [--base-url URL] [--root DIR] [--jobs N] [--chromium PATH] [--screenshots DIR] [--json FILE] [--only suites]');
  console.log('0 passed, 1 failed');
  process.exit(2);
}

// ---- arguments ----
const opts = { out: 'output', jobs: 2, chromium: process.env.CHROMIUM_PATH || '/usr/bin/chromium', only: null };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const val = () => {
    if (i + 1 >= argv.length) usage(`${a} needs a value`);
    return argv[++i];
  };
  if (a === '--base-url') opts.baseUrl = val();
  else if (a === '--root') opts.root = val();
  else if (a === '--jobs') opts.jobs = Math.max(1, parseInt(val(), 10) || 1);
  else if (a === '--chromium') opts.chromium = val();
  else if (a === '--screenshots') opts.screenshots = val();
  else if (a === '--json') opts.json = val();
  else if (a === '--only') opts.only = new Set(val().split(','));
  else if (a === '--phone-shots') opts.phoneShots = val();
  else if (a === '-h' || a === '--help') usage();
  else if (a.startsWith('--')) usage(`unknown option ${a}`);
  else opts.out = a;
}
const want = (s) => !opts.only || opts.only.has(s);

const outDir = fs.realpathSync(path.resolve(opts.out));
if (!fs.existsSync(path.join(outDir, 'index.html'))) usage(`${outDir} has no index.html; build the site first (impact build)`);
const siteRoot = path.resolve(opts.root ?? path.dirname(outDir));
const site = readSiteConfig(siteRoot);
let baseUrl = opts.baseUrl ?? site.baseUrl;
if (!baseUrl) usage(`no base_url: pass --base-url, or --root with content/site.yaml (looked in ${siteRoot})`);
// A path base_url ("/reports/"): the site knows no host, so it has no
// sitemap and its canonical links are paths (impact says so when it builds).
const pathBase = !/^https?:\/\//.test(baseUrl);
if (pathBase) {
  // Checks that resolve URLs need a host: localhost stands in.
  baseUrl = new URL(baseUrl, 'http://localhost').href;
}
if (!baseUrl.endsWith('/')) baseUrl += '/';
const mount = new URL(baseUrl).pathname;
let languages = site.languages;
if (!languages?.length) {
  languages = fs.readdirSync(outDir).filter((d) => /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(d) && fs.existsSync(path.join(outDir, d, 'index.html')));
}
const shotsDir = path.resolve(opts.screenshots ?? path.join(repoRoot, 'target', 'browser-screenshots'));
const jsonOut = path.resolve(opts.json ?? path.join(repoRoot, 'target', 'browser-report.json'));

const report = new Report();
const pages = discoverPages(outDir, languages);
console.log(`impact browser suite: ${outDir}`);
console.log(`base_url ${baseUrl} (from ${opts.baseUrl ? '--base-url' : site.file}), languages ${languages.join(', ')}, ${pages.length} HTML pages: ${Object.entries(pages.reduce((m, p) => ((m[p.kind] = (m[p.kind] ?? 0) + 1), m), {})).map(([k, v]) => `${v} ${k}`).join(', ')}`);

const server = await startServer(outDir, { mount });
console.log(`serving on ${server.url}`);
let browser;
try {
  // ---- server: the test server itself, and the types the site's files get ----
  if (want('server')) {
    const S = 'server';
    const r1 = await rawGet(server.port, mount);
    report.check(S, `GET ${mount}`, r1.status === 200 && /text\/html/.test(r1.headers['content-type']) ? [] : [`status ${r1.status} ${r1.headers['content-type']}`]);
    for (const evil of ['/../Cargo.toml', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/assets/..%5c..%5cCargo.toml', '/%2e%2e%2f%2e%2e%2fetc%2fpasswd', '/./index.html']) {
      const r = await rawGet(server.port, mount.replace(/\/$/, '') + evil);
      const leak = /root:|\[package\]/.test(r.body.toString('utf8'));
      report.check(S, `traversal ${evil}`, r.status === 400 && !leak ? [] : [`answered ${r.status}${leak ? ' and leaked a file outside the output' : ''}; expected 400`]);
    }
    // Every file the site ships is served with a proper type.
    let typed = 0;
    for (const f of walkFiles(outDir)) {
      const rel = path.relative(outDir, f).split(path.sep).join('/');
      const ct = contentType(f);
      if (ct === 'application/octet-stream') report.warn(S, rel, 'extension unknown to the test server; a static host may serve it as application/octet-stream');
      const r = await rawGet(server.port, mount + rel.split('/').map(encodeURIComponent).join('/'));
      typed++;
      report.check(S, `GET ${rel}`, r.status === 200 && r.headers['content-type'] === ct && r.body.equals(fs.readFileSync(f)) ? [] : [`status ${r.status}, type ${r.headers['content-type']}`]);
    }
    report.setCount(S, 'files served', typed);
  }

  // ---- html-validate (no browser needed) ----
  if (want('html')) await validateHtml({ pages, report });

  // ---- everything else needs Chromium ----
  if (want('links') || want('sitemap') || want('browser') || want('weight') || want('phones') || want('axe')) {
    if (!fs.existsSync(opts.chromium)) {
      report.check('setup', 'chromium', [`no Chromium at ${opts.chromium}: apt-get install -y chromium (or pass --chromium PATH)`]);
      throw new Error('no chromium');
    }
    browser = await launch(opts.chromium);
    console.log(`Chromium ${browser.version()}, axe-core ${AXE_VERSION}`);
    const util = await browser.newContext({ javaScriptEnabled: true });
    const utilPage = await util.newPage();
    let parsed = new Map();
    if (want('links') || want('sitemap')) parsed = await checkLinks({ page: utilPage, outDir, pages, baseUrl, languages, pathBase, report: want('links') ? report : new Report() });
    if (want('sitemap') && pathBase) {
      const made = fs.existsSync(path.join(outDir, 'sitemap.xml'));
      report.check('sitemap', 'sitemap.xml', made ? [`base_url is a path (${mount}), so a sitemap has no full addresses to list, yet sitemap.xml was written`] : []);
    } else if (want('sitemap')) await checkSitemap({ page: utilPage, outDir, baseUrl, pages, parsed, report });
    await util.close();

    const httpAllowed = (u) => u.startsWith(server.origin + '/') || /^(data|blob|about):/.test(u);
    const fileAllowed = (u) => {
      if (/^(data|blob|about):/.test(u)) return true;
      if (!u.startsWith('file:')) return false;
      try {
        const f = fileURLToPath(u.split('#')[0].split('?')[0]);
        return f === outDir || f.startsWith(outDir + path.sep);
      } catch {
        return false;
      }
    };
    const httpUrl = (p) => server.url + p.urlPath.split('/').map(encodeURIComponent).join('/');
    const fileUrl = (p) => pathToFileURL(p.abs).href;

    // Pages to photograph: home en/lt, the largest report in lt, the largest
    // campaign in lt and the same campaign in en, at both widths.
    const shots = new Map();
    const largest = (kind, lang) => pages.filter((p) => p.kind === kind && p.lang === lang).sort((a, b) => b.size - a.size || a.rel.localeCompare(b.rel))[0];
    const pick = [pages.find((p) => p.rel === `${languages[0]}/index.html`), pages.find((p) => p.rel === `${languages[1]}/index.html`), largest('report', languages[1])];
    const camp = largest('campaign', languages[1]);
    if (camp) pick.push(camp, pages.find((p) => p.rel === camp.rel.replace(new RegExp(`^${languages[1]}/`), `${languages[0]}/`)));
    for (const p of pick.filter(Boolean)) shots.set(p.rel, `${p.lang}-${p.kind}${p.kind === 'home' ? '' : '-' + p.rel.split('/').slice(-2, -1)[0]}`);
    if (want('browser')) {
      fs.rmSync(shotsDir, { recursive: true, force: true });
      fs.mkdirSync(shotsDir, { recursive: true });
    }

    const needsSwitcher = (p) => ['home', 'report', 'campaign', 'page'].includes(p.kind);
    const switcherShape = (p, info) => {
      const problems = [];
      if (!needsSwitcher(p) || !info) return problems;
      if (!info.switchNav) problems.push('no language switcher (.lang-switch)');
      for (const l of languages.filter((l) => l !== p.lang)) {
        const n = info.switcher.filter((s) => s.hreflang === l).length;
        if (n !== 1) problems.push(`language switcher has ${n} links with hreflang="${l}", expected 1`);
      }
      for (const s of info.switcher) if (!languages.includes(s.hreflang) || s.hreflang === p.lang) problems.push(`language switcher link hreflang="${s.hreflang}" is not another language of the site`);
      return problems;
    };

    if (want('browser')) {
      for (const mode of ['http', 'file']) {
        for (const width of [390, 1280]) {
          const S = `browser ${mode} ${width}`;
          const ctx = await newContext(browser, { width, allowed: mode === 'http' ? httpAllowed : fileAllowed });
          // 404.html is only ever served by a host, for missing URLs at any
          // depth; opening it from disk is not a use case.
          const list = mode === 'file' ? pages.filter((p) => p.kind !== 'notfound') : pages;
          const follow = width === 1280;
          await pool(list, opts.jobs, async (p) => {
            const shot = mode === 'http' && shots.has(p.rel) ? path.join(shotsDir, `${shots.get(p.rel)}-${width}.png`) : null;
            const { problems, info } = await visit(ctx, {
              url: mode === 'http' ? httpUrl(p) : fileUrl(p),
              allowed: mode === 'http' ? httpAllowed : fileAllowed,
              expectMainStatus: mode === 'http' ? 200 : null,
              screenshot: shot,
              follow: follow && needsSwitcher(p),
              outDir,
              selfContained: p.kind === 'download',
            });
            if (follow) problems.push(...switcherShape(p, info));
            report.check(S, p.rel, problems);
            report.count(S, 'pages visited');
            if (info?.images) report.count(S, 'images checked (loaded, within their column)', info.images);
            if (p.lang) report.count(S, `pages in ${p.lang}`);
            if (shot) report.count(S, 'screenshots');
          });
          await ctx.close();
        }
      }

      // The deliberate 404: a missing URL gets 404.html with status 404, and
      // the page works (styles load) at any depth.
      const S = '404';
      const missingRoot = `${mount}no-such-page-${process.pid}/`;
      const r = await rawGet(server.port, missingRoot);
      const nf = path.join(outDir, '404.html');
      report.check(S, `GET ${missingRoot}`, [
        ...(r.status === 404 ? [] : [`status ${r.status}, expected 404`]),
        ...(fs.existsSync(nf) ? (r.body.equals(fs.readFileSync(nf)) ? [] : ['body is not 404.html']) : ['the output has no 404.html']),
      ]);
      for (const width of [390, 1280]) {
        const ctx = await newContext(browser, { width, allowed: httpAllowed });
        for (const miss of [`missing-${process.pid}.html`, `${languages[0]}/no/such/deep/page/`, `${languages[1] ?? languages[0]}/missing/index.html`]) {
          const { problems } = await visit(ctx, { url: server.url + miss, allowed: httpAllowed, expectMainStatus: 404 });
          report.check(S, `${mount}${miss} [${width}]`, problems);
          report.count(S, 'missing URLs visited');
        }
        await ctx.close();
      }
    }

    // ---- weight: each page's first visit on a phone, within the budget ----
    if (want('weight')) {
      const S = 'weight';
      const visited = pages.filter((p) => ['chooser', 'home', 'report', 'campaign', 'page', 'notfound'].includes(p.kind));
      const rows = [];
      await pool(visited, opts.jobs, async (p) => {
        const w = await weighVisit(browser, httpUrl(p), httpAllowed);
        rows.push({ p, w });
        const over = w.total > BUDGET ? [`first visit ${kb(w.total)} without photos, over the budget of ${kb(BUDGET)}: ${Object.entries(w.byType).map(([t, b]) => `${t} ${kb(b)}`).join(', ')}`] : [];
        report.check(S, p.rel, over);
        report.count(S, 'pages weighed');
      });
      rows.sort((a, b) => b.w.total - a.w.total || a.p.rel.localeCompare(b.p.rel));
      console.log(`\n== Page weight (first visit at 390 px, budget ${kb(BUDGET)} without photos) ==`);
      for (const { p, w } of rows) {
        const parts = Object.entries(w.byType).sort().map(([t, b]) => `${t} ${kb(b)}`).join(', ');
        console.log(`${kb(w.total).padStart(9)}  photos ${kb(w.photos).padStart(9)}  ${p.rel} (${w.requests} requests: ${parts}; fonts: ${w.fonts.join(' ') || 'none'})`);
      }
      if (rows.length) {
        const h = rows[0];
        console.log(`heaviest page: ${h.p.rel}, ${kb(h.w.total)} without photos (${h.w.total} bytes), photos ${kb(h.w.photos)}`);
        report.setCount(S, 'heaviest page', `${h.p.rel} ${h.w.total} B`);
      }
      for (const p of pages.filter((p) => p.kind === 'download')) {
        const d = weighDownload(p.abs);
        console.log(`single file ${p.rel}: ${kb(d.total)} (fonts ${kb(d.fonts)}, images ${kb(d.images)}, without images ${kb(d.total - d.images)})`);
      }
    }

    // ---- phones: chart text, overflow, tables and headline figures by width ----
    if (want('phones')) {
      const visited = pages.filter((p) => ['chooser', 'home', 'report', 'campaign', 'page'].includes(p.kind));
      const phoneShots = opts.phoneShots ? path.resolve(opts.phoneShots) : null;
      if (phoneShots) fs.mkdirSync(phoneShots, { recursive: true });
      const shotCampaign = largest('campaign', languages[1]);
      let smallest = null;
      for (const width of PHONE_WIDTHS) {
        const S = `phones ${width}`;
        const ctx = await phoneContext(browser, width, httpAllowed);
        await pool(visited, opts.jobs, async (p) => {
          const same = shotCampaign && p.rel.split('/').slice(1).join('/') === shotCampaign.rel.split('/').slice(1).join('/');
          const shot = phoneShots && width === 390 && same
            ? [['table', '[id$="figures"]'], ['chart', '#chart-funnel']].map(([what, selector]) => ({ path: path.join(phoneShots, `phone-${p.lang}-${what}.png`), selector }))
            : null;
          const { problems, m } = await checkPhone(ctx, httpUrl(p), width, shot);
          report.check(S, p.rel, problems);
          report.count(S, 'pages measured');
          if (m) {
            report.count(S, 'charts measured', m.charts);
            const t = m.smallest[0];
            if (t && (!smallest || t.rendered < smallest.rendered)) smallest = { ...t, width, page: p.rel };
          }
        });
        await ctx.close();
      }
      if (smallest) {
        console.log(`smallest chart text: ${smallest.rendered.toFixed(1)} px ("${smallest.text}", ${smallest.page} ${smallest.where} at ${smallest.width} px; at least ${MIN_CHART_PX})`);
        report.setCount('phones 390', 'smallest chart text (px, any width)', smallest.rendered.toFixed(1));
      }
    }

    // ---- axe-core, in a context that bypasses CSP so axe can be injected ----
    if (want('axe')) {
      const incompleteSeen = new Map();
      const ruleIds = new Set();
      for (const width of [390, 1280]) {
        const S = `axe ${width}`;
        const ctx = await newContext(browser, { width, bypassCSP: true, allowed: httpAllowed });
        let rulesRun = 0;
        await pool(pages, opts.jobs, async (p) => {
          const problems = [];
          let r;
          try {
            r = await runAxe(ctx, httpUrl(p));
          } catch (e) {
            report.check(S, p.rel, [`axe could not run: ${e.message.split('\n')[0]}`]);
            return;
          }
          for (const v of r.violations) {
            const detail = `${v.id} (${v.impact}) ${v.help}: ${v.count} element(s): ${v.nodes.map((n) => `${n.target} — ${n.summary}`).join(' | ')}`;
            if (v.impact === 'serious' || v.impact === 'critical') problems.push(detail);
            else report.warn(S, p.rel, `axe ${detail}`);
          }
          for (const v of r.incomplete) {
            const k = `${width} px: ${v.id} (${v.impact ?? 'n/a'}) ${v.help}`;
            if (!incompleteSeen.has(k)) incompleteSeen.set(k, { pages: new Set(), example: `${v.nodes[0]?.target} — ${v.nodes[0]?.summary}` });
            incompleteSeen.get(k).pages.add(p.rel);
          }
          const ids = new Set([...r.passes, ...r.violations.map((v) => v.id), ...r.incomplete.map((v) => v.id)]);
          ids.forEach((id) => ruleIds.add(id));
          rulesRun += ids.size;
          report.check(S, p.rel, problems);
          report.count(S, 'pages checked');
        });
        report.setCount(S, 'rules checked (passes+violations+incomplete, summed over pages)', rulesRun);
        await ctx.close();
      }
      report.setCount('axe 1280', `distinct rules checked (tags ${AXE_TAGS.join(',')})`, ruleIds.size);
      for (const [k, v] of incompleteSeen) report.warn('axe', `${v.pages.size} page(s), e.g. ${[...v.pages][0]}`, `needs review (axe "incomplete"): ${k}; e.g. ${v.example}`);
    }
  }
} catch (e) {
  if (e.message !== 'no chromium') {
    report.check('setup', 'run', [`the suite itself crashed: ${e.stack}`]);
  }
} finally {
  if (browser) await browser.close();
  await server.close();
}

report.print();
fs.mkdirSync(path.dirname(jsonOut), { recursive: true });
fs.writeFileSync(jsonOut, JSON.stringify(report.toJSON(), null, 2) + '\n');
if (want('browser')) console.log(`screenshots in ${shotsDir}; full report in ${jsonOut}`);
process.exit(report.totals().failed ? 1 : 0);
