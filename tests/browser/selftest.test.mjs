// Tests of the suite itself (run with: node --test tests/browser/).
// Unit tests for the server and parsers, then a run of run.mjs over a small
// generated site with seeded defects: every defect must be reported, and the
// clean pages must pass every suite (no false alarms).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { resolveRequest } from './lib/server.mjs';
import { parseSrcset, cssUrls } from './lib/links.mjs';
import { cspProblems } from './lib/browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

test('server refuses to leave the output directory', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'impact-srv-'));
  fs.mkdirSync(path.join(root, 'en'));
  fs.writeFileSync(path.join(root, 'en', 'index.html'), 'x');
  fs.writeFileSync(path.join(root, 'a b.css'), 'x');
  assert.equal(resolveRequest(root, '/', '/en/').file, path.join(root, 'en', 'index.html'));
  assert.deepEqual(resolveRequest(root, '/', '/en'), { redirect: '/en/' });
  assert.equal(resolveRequest(root, '/', '/a%20b.css').file, path.join(root, 'a b.css'));
  assert.equal(resolveRequest(root, '/', '/nope.html').status, 404);
  for (const evil of ['/../etc/passwd', '/%2e%2e/etc/passwd', '/en/..%2f..%2fetc', '/en/..%5c..%5cetc', '/%00', '/./en/']) {
    assert.equal(resolveRequest(root, '/', evil).status, 400, evil);
  }
  assert.equal(resolveRequest(root, '/sub/', '/en/').status, 404);
  assert.equal(resolveRequest(root, '/sub/', '/sub/en/').file, path.join(root, 'en', 'index.html'));
  assert.deepEqual(resolveRequest(root, '/sub/', '/sub'), { redirect: '/sub/' });
  fs.symlinkSync('/etc', path.join(root, 'link'));
  assert.equal(resolveRequest(root, '/', '/link/hostname').status, 400);
  fs.rmSync(root, { recursive: true, force: true });
});

test('srcset, CSS url() and CSP parsing', () => {
  assert.deepEqual(parseSrcset('a.png 1x, b.png 2x'), ['a.png', 'b.png']);
  // Per the HTML spec a URL may contain commas: only trailing ones end it.
  assert.deepEqual(parseSrcset('a.png,b.png 200w'), ['a.png,b.png']);
  assert.deepEqual(parseSrcset('a.png 1x,b.png 2x'), ['a.png', 'b.png']);
  assert.deepEqual(parseSrcset(' a.png '), ['a.png']);
  assert.deepEqual(cssUrls('a{b:url(x.png)} /* url(no.png) */ c{d:url( "y z.woff2" )} @import "i.css"; e{f:url(\'q.svg#a\')}'), ['x.png', 'y z.woff2', 'i.css', 'q.svg#a']);
  assert.deepEqual(cspProblems("default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'"), []);
  assert.equal(cspProblems("style-src 'self'").length, 1);
  assert.equal(cspProblems("default-src 'self' https://cdn.example").length, 1);
  assert.equal(cspProblems("default-src *").length, 1);
});

// ---- a small site with known defects ----

const BASE = 'https://fixture.example/';
const CSP = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; base-uri 'none'; form-action 'none'">`;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

// Every fixture page links an icon, as impact's pages do; without one the
// browser asks for /favicon.ico and the suite (rightly) reports its 404.
const ICON = `<link rel="icon" href="data:image/png;base64,${PNG.toString('base64')}">`;

function page({ lang, title, depth, slug, other, otherHref, body, csp = true, extraHead = '', htmlLang = lang }) {
  const up = '../'.repeat(depth);
  const names = { en: 'English', lt: 'Lietuvių' };
  const url = (l) => `${BASE}${l}/${slug ? slug + '/' : ''}`;
  return `<!DOCTYPE html>
<html lang="${htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${csp ? CSP : ''}
${ICON}
<title>${title}</title>
<link rel="canonical" href="${url(lang)}">
<link rel="alternate" hreflang="en" href="${url('en')}">
<link rel="alternate" hreflang="lt" href="${url('lt')}">
<link rel="stylesheet" href="${up}assets/style.css">
${extraHead}
</head>
<body>
<header>
<nav class="lang-switch" aria-label="Language"><ul><li><span aria-current="true" lang="${lang}">${names[lang]}</span></li><li><a href="${otherHref ?? `${up}${other}/${slug ? slug + '/' : ''}index.html`}" hreflang="${other}" lang="${other}">${names[other]}</a></li></ul></nav>
</header>
<main id="main">
<h1>${title}</h1>
${body}
</main>
</body>
</html>
`;
}

const GOOD_BODY = (up) => `<p>Text with <a href="#main">a fragment</a>, <a href="${up}en/good/index.html#facts">another page</a> and <a href="https://www.example.org/" rel="external">an external link</a>.</p>
<p id="facts"><img src="${up}assets/dot.png" alt="A dot" width="10" height="10"></p>
<svg role="img" width="40" height="20" viewBox="0 0 40 20"><title>A chart</title><rect width="40" height="20"></rect></svg>`;

function writeFixture(dir) {
  const w = (rel, text) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  w('assets/style.css', `body { margin: 0; font-family: sans-serif; color: #111; background: #fff; }
a { color: #0b5f6b; }
.too-wide { width: 2000px; }
.no-size { width: 0; height: 0; }
.faint { color: #cccccc; }
`);
  w('assets/bad.css', `.x { background: url(nope.png); }\n`);
  fs.writeFileSync(path.join(dir, 'assets/dot.png'), PNG);
  w('index.html', `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${CSP}
${ICON}
<title>Fixture</title>
<link rel="alternate" hreflang="en" href="${BASE}en/">
<link rel="alternate" hreflang="lt" href="${BASE}lt/">
<link rel="stylesheet" href="assets/style.css">
</head>
<body>
<main id="main"><h1>Fixture</h1><ul><li><a href="en/index.html" hreflang="en">English</a></li><li lang="lt"><a href="lt/index.html" hreflang="lt">Lietuvių</a></li></ul></main>
</body>
</html>
`);
  w('404.html', `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${CSP}
${ICON}
<title>Not found</title>
<link rel="stylesheet" href="/assets/style.css">
</head>
<body>
<main id="main"><h1>Not found</h1><p><a href="/en/index.html">Home</a></p></main>
</body>
</html>
`);
  for (const [lang, other] of [['en', 'lt'], ['lt', 'en']]) {
    w(`${lang}/index.html`, page({ lang, other, title: `Home ${lang}`, depth: 1, slug: '', body: `<p><a href="good/index.html">Good</a> <a href="bad/index.html">Bad</a></p>` }));
    w(`${lang}/good/index.html`, page({ lang, other, title: `Good ${lang}`, depth: 2, slug: 'good', body: GOOD_BODY('../../') }));
  }
  // Seeded defects, one per line, named D1.. so a failure points at its cause.
  w('en/bad/index.html', page({
    lang: 'en', other: 'lt', title: 'Bad en', depth: 2, slug: 'bad',
    otherHref: '../../lt/good/index.html', // D11 switcher leads to a page that does not link back
    extraHead: `<link rel="stylesheet" href="../../assets/bad.css">
<style>p { color: red; }</style>
<script>console.log("inline");</script>`, // D14 css url() to a missing file; D7 inline style; D8 inline script
    body: `<p><img src="https://tracker.invalid/pixel.png" alt="pixel"></p>
<p><img src="missing.png" alt="missing"></p>
<div class="too-wide">wide</div>
<svg role="img" class="no-size"><title>Zero chart</title></svg>
<p><a href="#nowhere">D5</a> <a href="../good/index.html#nope">D6</a> <a href="../good/">D12</a> <a href="/en/good/index.html">D13</a></p>
<p><img src="../../assets/dot.png" width="10" height="10"></p>
<p><span>D10 <div>block in p</div></span></p>
<p class="faint">D17 low contrast</p>`,
  }));
  const download = (lang, extra) => `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${CSP}
${ICON}
<title>Download</title>
${extra}
</head>
<body>
<main id="main"><h1>Download</h1><p><a href="${BASE}${lang}/good/">On the site</a> <a href="#main">Top</a></p><img src="data:image/png;base64,${PNG.toString('base64')}" alt="A dot" width="10" height="10"></main>
</body>
</html>
`;
  w('en/good/good.html', download('en', ''));
  w('en/bad/bad.html', download('en', '<link rel="stylesheet" href="../../assets/style.css">')); // D18 download not self-contained
  w('lt/bad/index.html', page({ lang: 'lt', other: 'en', title: 'Bad lt', depth: 2, slug: 'bad', csp: false, body: '<p>Be CSP (D15).</p>' }));
  w('sitemap.xml', `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${['', 'en/', 'lt/', 'en/good/', 'lt/good/', 'lt/bad/'].map((p) => `  <url><loc>${BASE}${p}</loc></url>`).join('\n')}
  <url><loc>${BASE}en/gone/</loc></url>
  <url><loc>https://other.example/en/</loc></url>
</urlset>
`);
}

test('the suite reports every seeded defect and nothing on clean pages', { timeout: 300_000 }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'impact-fixture-'));
  const out = path.join(dir, 'output');
  writeFixture(out);
  const json = path.join(dir, 'report.json');
  const r = spawnSync(process.execPath, [path.join(here, 'run.mjs'), out, '--base-url', BASE, '--json', json, '--screenshots', path.join(dir, 'shots')], { encoding: 'utf8', timeout: 280_000 });
  assert.equal(r.status, 1, `run.mjs should fail on the fixture; output:\n${r.stdout}\n${r.stderr}`);
  assert.match(r.stdout, /^\d+ passed, \d+ failed$/m);
  const rep = JSON.parse(fs.readFileSync(json, 'utf8'));
  const all = Object.entries(rep.suites).flatMap(([suite, s]) => s.failures.map((f) => ({ suite, ...f })));
  const dump = () => all.map((f) => `[${f.suite}] ${f.subject}: ${f.detail}`).join('\n');
  const expect = (suite, subject, detail) => {
    const hit = all.some((f) => suite.test(f.suite) && subject.test(f.subject) && detail.test(f.detail));
    assert.ok(hit, `expected a failure [${suite}] ${subject}: ${detail}\nall failures:\n${dump()}`);
  };
  const bad = /^en\/bad\/index\.html$/;
  // D1 external image
  expect(/^links$/, bad, /pixel\.png.*another site/);
  for (const s of ['browser http 390', 'browser http 1280', 'browser file 390', 'browser file 1280']) {
    const S = new RegExp(`^${s}$`);
    expect(S, bad, /request to another origin: image https:\/\/tracker\.invalid/);
    expect(S, bad, /missing\.png/); // D2 failed request
    expect(S, bad, /broken image/); // D2
    expect(S, bad, /horizontal overflow.*too-wide/); // D3
    expect(S, bad, /<svg role="img"> "Zero chart" has zero size/); // D4
    expect(S, bad, /CSP violation: style-src/); // D7
    expect(S, bad, /CSP violation: script-src/); // D8
    expect(S, bad, /console error: .*Content Security Policy/); // D7/D8
    expect(S, /^lt\/bad\/index\.html$/, /no Content-Security-Policy/); // D15
  }
  expect(/^browser http 390$/, bad, /HTTP 404 for image/);
  expect(/^browser (http|file) 1280$/, bad, /switcher link hreflang="lt" \(..\/..\/lt\/good\/index.html\) leads to a page whose hreflang="en" link goes to .*not back/); // D11
  expect(/^links$/, bad, /missing\.png.*does not exist/); // D2
  expect(/^links$/, bad, /no element with id "nowhere"/); // D5
  expect(/^links$/, bad, /good\/index\.html has no element with id "nope"/); // D6
  expect(/^links$/, bad, /links to a folder/); // D12
  expect(/^links$/, bad, /root-absolute URL/); // D13
  expect(/^links$/, /^assets\/bad\.css$/, /nope\.png.*does not exist/); // D14
  expect(/^html-validate$/, bad, /wcag\/h37/); // D9
  expect(/^html-validate$/, bad, /element-permitted-content/); // D10
  expect(/^axe (390|1280)$/, bad, /image-alt \(critical\)/); // D9
  expect(/^axe (390|1280)$/, bad, /color-contrast \(serious\)/); // D17
  expect(/^links$/, /^en\/bad\/bad\.html$/, /relative URL in a single-file HTML download/); // D18
  expect(/^browser http 1280$/, /^en\/bad\/bad\.html$/, /not self-contained: it loads stylesheet/); // D18
  expect(/^sitemap$/, /en\/gone/, /no file en\/gone\/index\.html/);
  expect(/^sitemap$/, /other\.example/, /does not start with base_url/);
  expect(/^sitemap$/, /every page listed/, /en\/bad\/index\.html \(report\) is not in sitemap/);
  // No false alarms on the clean pages, in any suite.
  const clean = /^(index\.html|404\.html|en\/index\.html|lt\/index\.html|en\/good\/index\.html|lt\/good\/index\.html|en\/good\/good\.html)( |$)/;
  const falseAlarms = all.filter((f) => clean.test(f.subject) || /^\/(missing|en\/no|lt\/missing)/.test(f.subject) || f.suite === 'server' || f.suite === 'setup');
  assert.deepEqual(falseAlarms, [], `clean pages failed:\n${falseAlarms.map((f) => `[${f.suite}] ${f.subject}: ${f.detail}`).join('\n')}`);
  // Screenshots were taken.
  assert.ok(fs.readdirSync(path.join(dir, 'shots')).some((f) => f.endsWith('.png')));
  fs.rmSync(dir, { recursive: true, force: true });
});
