// Facts about the built site: where it is, its base_url and languages, and
// every HTML page in it.
import fs from 'node:fs';
import path from 'node:path';

/** Read one top-level scalar from a YAML file without a YAML library. */
function yamlScalar(text, key) {
  const re = new RegExp(`^${key}:[ \\t]*(?:"((?:[^"\\\\]|\\\\.)*)"|'((?:[^']|'')*)'|([^#\\s][^#\\n]*?))[ \\t]*(?:#.*)?$`, 'm');
  const m = text.match(re);
  if (!m) return undefined;
  if (m[1] !== undefined) return m[1].replace(/\\(.)/g, '$1');
  if (m[2] !== undefined) return m[2].replace(/''/g, "'");
  return m[3];
}

/** Read a top-level list of plain scalars, flow ([a, b]) or block (- a). */
function yamlList(text, key) {
  const flow = text.match(new RegExp(`^${key}:[ \\t]*\\[([^\\]]*)\\]`, 'm'));
  if (flow) return flow[1].split(',').map((s) => s.trim().replace(/^["']|["']$/g, '')).filter(Boolean);
  const block = text.match(new RegExp(`^${key}:[ \\t]*(?:#.*)?\\n((?:[ \\t]+-[^\\n]*\\n?)+)`, 'm'));
  if (block) return block[1].split('\n').map((l) => l.replace(/^\s*-\s*/, '').replace(/#.*$/, '').trim().replace(/^["']|["']$/g, '')).filter(Boolean);
  return undefined;
}

export function readSiteConfig(siteRoot) {
  const file = path.join(siteRoot, 'content', 'site.yaml');
  if (!fs.existsSync(file)) return { file: null };
  const text = fs.readFileSync(file, 'utf8');
  return { file, baseUrl: yamlScalar(text, 'base_url'), languages: yamlList(text, 'languages') };
}

export function walkFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Every HTML file in the output, with its role in the site. */
export function discoverPages(outDir, languages) {
  const pages = [];
  for (const abs of walkFiles(outDir)) {
    if (!/\.html?$/i.test(abs)) continue;
    const rel = path.relative(outDir, abs).split(path.sep).join('/');
    const parts = rel.split('/');
    const base = parts[parts.length - 1];
    let kind = 'other';
    let lang = null;
    if (rel === 'index.html') kind = 'chooser';
    else if (rel === '404.html') kind = 'notfound';
    else if (languages.includes(parts[0])) {
      lang = parts[0];
      if (base === 'index.html') kind = ['home', 'report', 'campaign'][parts.length - 2] ?? 'page';
      else kind = 'download';
    }
    // The URL path a server would show: directories end in "/".
    const urlPath = base === 'index.html' ? rel.slice(0, -'index.html'.length) : rel;
    pages.push({ rel, abs, kind, lang, urlPath, size: fs.statSync(abs).size });
  }
  return pages;
}

/** Map a URL path relative to the site root to a file, as a static host would. */
export function fileForPath(outDir, relPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(relPath);
  } catch {
    return { error: 'bad percent-encoding' };
  }
  const file = path.resolve(outDir, decoded);
  if (file !== outDir && !file.startsWith(outDir + path.sep)) return { error: 'leaves the output directory' };
  let st;
  try {
    st = fs.statSync(file);
  } catch {
    return { error: 'no such file' };
  }
  if (st.isDirectory()) {
    const idx = path.join(file, 'index.html');
    if (fs.existsSync(idx)) return { file: idx, directory: true };
    return { error: 'directory without index.html' };
  }
  return { file };
}
