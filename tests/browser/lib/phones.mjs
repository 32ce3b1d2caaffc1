// The `phones` suite: every chooser, home, report and campaign page at the
// widths readers use, from a small phone to a desktop. At each width:
//
// - the smallest text drawn inside a visible chart is at least 12 CSS px
//   (its font size in the drawing times the drawing's scale on the page,
//   and the height of its box, which must agree);
// - nothing overflows sideways (the page's scroll width is the window's);
// - at 390 px no table needs sideways scrolling inside its box (at 320 px
//   no table of figures per audience or of a chart's numbers);
// - every figure's number (headline, report cards) is one line (one line box), never
//   broken inside.
//
// Screenshots of a campaign page at 390 px in every language go where
// `--phone-shots DIR` says (the docs keep them as docs/images/phone-*.png).

export const PHONE_WIDTHS = [320, 390, 768, 1280, 1920];
// At this width no table may need sideways scrolling (issue 20); below it,
// tables of figures per audience and charts' numbers still may not, while
// a wide table written in a text may scroll inside its box.
export const NO_TABLE_SCROLL_AT = 390;
/// The smallest chart text a reader must get, in CSS px.
export const MIN_CHART_PX = 12;

export async function phoneContext(browser, width, allowed) {
  const phone = width < 768;
  const ctx = await browser.newContext({
    viewport: { width, height: phone ? 844 : 900 },
    isMobile: phone,
    hasTouch: phone,
    deviceScaleFactor: 1,
    javaScriptEnabled: true,
    serviceWorkers: 'block',
    locale: 'en-GB',
  });
  await ctx.route((u) => !allowed(u.href), (route) => route.abort('blockedbyclient'));
  ctx.setDefaultTimeout(30_000);
  ctx.setDefaultNavigationTimeout(30_000);
  return ctx;
}

// Runs in the page: what the checks need, measured as the reader sees it.
function measurePage() {
  // Tables behind "Show the numbers" count as shown.
  for (const d of document.querySelectorAll('details')) d.open = true;
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const describe = (el) => {
    const fig = el.closest('figure[id], section[id]');
    return fig ? `#${fig.id}` : el.tagName.toLowerCase();
  };
  const texts = [];
  let charts = 0;
  for (const svg of document.querySelectorAll('svg[role="img"]')) {
    if (!shown(svg)) continue;
    const vb = svg.viewBox.baseVal;
    if (!vb || !vb.width) continue;
    charts++;
    const scale = svg.getBoundingClientRect().width / vb.width;
    for (const t of svg.querySelectorAll('text')) {
      if (!t.textContent.trim()) continue;
      const size = parseFloat(getComputedStyle(t).fontSize);
      const rendered = size * scale;
      const box = t.getBoundingClientRect().height;
      texts.push({ where: describe(svg), text: t.textContent.trim().slice(0, 40), rendered, box });
    }
  }
  texts.sort((a, b) => a.rendered - b.rendered);
  const se = document.scrollingElement;
  const wide = [];
  if (se.scrollWidth > innerWidth) {
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right > innerWidth + 1 && r.width > 0) wide.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : ''}`);
      if (wide.length >= 5) break;
    }
  }
  const scrolling = [];
  for (const w of document.querySelectorAll('.table-wrap')) {
    if (!shown(w)) continue;
    const figures = !!w.querySelector('table.metrics') || !!w.closest('.chart-data');
    if (w.scrollWidth > w.clientWidth + 1) scrolling.push({ figures, where: `${describe(w)} (${w.scrollWidth} px in ${w.clientWidth})` });
  }
  const numbers = [];
  for (const n of document.querySelectorAll('.figure .number')) {
    const lines = n.getClientRects().length;
    numbers.push({ text: n.textContent, lines });
  }
  return {
    charts,
    smallest: texts.slice(0, 3),
    scrollWidth: se.scrollWidth,
    innerWidth,
    wide,
    scrolling,
    numbers,
  };
}

// The problems of one page at one width.
export async function checkPhone(ctx, url, width, screenshot) {
  const page = await ctx.newPage();
  const problems = [];
  let m;
  try {
    const resp = await page.goto(url, { waitUntil: 'load' });
    if (!resp || resp.status() !== 200) problems.push(`status ${resp?.status()}`);
    await page.evaluate(() => document.fonts.ready);
    m = await page.evaluate(measurePage);
    for (const t of m.smallest) {
      if (t.rendered < MIN_CHART_PX - 0.01) problems.push(`chart text "${t.text}" in ${t.where} is ${t.rendered.toFixed(1)} px (box ${t.box.toFixed(1)} px), under ${MIN_CHART_PX}`);
      if (t.box > 0 && t.box < MIN_CHART_PX - 0.5) problems.push(`chart text "${t.text}" in ${t.where} renders in a box ${t.box.toFixed(1)} px high`);
    }
    if (m.scrollWidth > m.innerWidth) problems.push(`the page scrolls sideways: ${m.scrollWidth} px in a ${m.innerWidth} px window (${m.wide.join(', ')})`);
    for (const s of m.scrolling) {
      if (width === NO_TABLE_SCROLL_AT || (width < NO_TABLE_SCROLL_AT && s.figures)) problems.push(`a table scrolls sideways: ${s.where}`);
    }
    for (const n of m.numbers) if (n.lines !== 1) problems.push(`headline number "${n.text}" is on ${n.lines} lines`);
    for (const shot of screenshot ?? []) {
      await page.evaluate((sel) => {
        for (const d of document.querySelectorAll('details')) d.open = false;
        document.querySelector(sel)?.scrollIntoView({ block: 'start' });
      }, shot.selector);
      await page.screenshot({ path: shot.path });
    }
  } catch (e) {
    problems.push(`could not measure: ${e.message.split('\n')[0]}`);
  } finally {
    await page.close();
  }
  return { problems, m };
}
