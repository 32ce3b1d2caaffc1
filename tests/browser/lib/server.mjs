// A tiny static file server for the built site, written with node:http only.
// It serves OUTPUT_DIR under a mount path (the path of base_url, "/" by
// default), never anything outside it, with the content types a real host
// sends, and 404.html (status 404) for anything it does not have.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.csv': 'text/csv; charset=utf-8',
  '.zip': 'application/zip',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.webmanifest': 'application/manifest+json',
};

export function contentType(file) {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Map a request path to a file inside root, or return a reason why not.
 * Returns { file } | { redirect } | { status, reason }.
 */
export function resolveRequest(root, mount, rawUrl) {
  let pathname = rawUrl.split('?')[0].split('#')[0];
  if (!pathname.startsWith('/')) return { status: 400, reason: 'request target must start with /' };
  if (!pathname.startsWith(mount)) {
    // "/impact" without the slash when mounted at "/impact/".
    if (pathname + '/' === mount) return { redirect: mount };
    return { status: 404, reason: 'outside the mount path' };
  }
  let rel;
  try {
    rel = decodeURIComponent(pathname.slice(mount.length));
  } catch {
    return { status: 400, reason: 'bad percent-encoding' };
  }
  // Reject traversal before touching the file system: any ".." segment, a
  // backslash (a separator on some systems), a NUL, or an absolute part.
  const segments = rel.split('/');
  if (rel.includes('\\') || rel.includes('\0') || segments.some((s) => s === '..' || s === '.')) {
    return { status: 400, reason: 'path traversal rejected' };
  }
  let file = path.resolve(root, ...segments.filter((s) => s !== ''));
  if (file !== root && !file.startsWith(root + path.sep)) {
    return { status: 400, reason: 'outside the output directory' };
  }
  let st;
  try {
    st = fs.statSync(file);
  } catch {
    return { status: 404, reason: 'no such file' };
  }
  if (st.isDirectory()) {
    if (!pathname.endsWith('/')) return { redirect: pathname + '/' };
    file = path.join(file, 'index.html');
    try {
      st = fs.statSync(file);
    } catch {
      return { status: 404, reason: 'directory without index.html' };
    }
  }
  if (!st.isFile()) return { status: 404, reason: 'not a regular file' };
  // A symlink could still point outside: compare real paths.
  const real = fs.realpathSync(file);
  const realRoot = fs.realpathSync(root);
  if (!real.startsWith(realRoot + path.sep)) return { status: 400, reason: 'symlink leaves the output directory' };
  return { file };
}

// `hostFiles` maps request paths outside the mount to files, as a host
// serves its own /robots.txt beside a site published under a sub-path.
export function startServer(rootDir, { mount = '/', host = '127.0.0.1', hostFiles = {} } = {}) {
  const root = path.resolve(rootDir);
  if (!mount.startsWith('/')) mount = '/' + mount;
  if (!mount.endsWith('/')) mount += '/';
  const notFound = path.join(root, '404.html');
  const log = [];

  const server = http.createServer((req, res) => {
    const send = (status, headers, body) => {
      log.push({ method: req.method, url: req.url, status });
      res.writeHead(status, {
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        ...headers,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }, 'method not allowed\n');
    }
    const hostFile = Object.hasOwn(hostFiles, req.url) ? hostFiles[req.url] : null;
    if (hostFile && fs.existsSync(hostFile)) {
      const body = fs.readFileSync(hostFile);
      return send(200, { 'Content-Type': contentType(hostFile), 'Content-Length': body.length }, body);
    }
    const r = resolveRequest(root, mount, req.url);
    if (r.redirect) return send(301, { Location: r.redirect, 'Content-Type': 'text/plain; charset=utf-8' }, '');
    if (r.file) {
      const body = fs.readFileSync(r.file);
      return send(200, { 'Content-Type': contentType(r.file), 'Content-Length': body.length }, body);
    }
    if (r.status === 404 && fs.existsSync(notFound)) {
      const body = fs.readFileSync(notFound);
      return send(404, { 'Content-Type': CONTENT_TYPES['.html'], 'Content-Length': body.length }, body);
    }
    return send(r.status, { 'Content-Type': 'text/plain; charset=utf-8' }, `${r.status} ${r.reason}\n`);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address();
      resolve({
        server,
        port,
        origin: `http://${host}:${port}`,
        url: `http://${host}:${port}${mount}`,
        mount,
        log,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

/** A raw GET that does not normalise the path the way URL parsers do. */
export function rawGet(port, rawPath, host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const req = http.request({ host, port, method: 'GET', path: rawPath }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}
