// html-validate over every HTML file, with tests/browser/.htmlvalidate.mjs.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';

const here = path.dirname(fileURLToPath(import.meta.url));

export async function validateHtml({ pages, report }) {
  const SUITE = 'html-validate';
  const config = (await import(pathToFileURL(path.join(here, '..', '.htmlvalidate.mjs')).href)).default;
  const hv = new HtmlValidate(new StaticConfigLoader(config));
  let messages = 0;
  for (const p of pages) {
    const r = await hv.validateFile(p.abs);
    const problems = [];
    for (const res of r.results) {
      for (const m of res.messages) {
        messages++;
        const sev = m.severity === 2 ? 'error' : 'warning';
        const sel = m.selector ? ` at ${m.selector}` : '';
        problems.push(`${m.line}:${m.column} ${sev} ${m.ruleId}: ${m.message}${sel}`);
      }
    }
    // Warnings fail too: the preset only warns for things worth fixing.
    report.check(SUITE, p.rel, problems);
  }
  report.setCount(SUITE, 'HTML files validated', pages.length);
  report.setCount(SUITE, 'messages', messages);
}
