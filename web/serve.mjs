// A tiny static server for the built site (node: built-ins only):
//   node web/serve.mjs ROOT [PORT]   → prints http://127.0.0.1:PORT/
// Sends the page's Content-Security-Policy, so what works here works under it
// (xueshe-offline.html, whose scripts and styles are inline, gets one that
// allows exactly those by hash: tools/offline-csp.mjs).
import { createServer } from 'node:http';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { offlineCsp } from './tools/offline-csp.mjs';

const root = path.resolve(process.argv[2] || '.');
const port = Number(process.argv[3] || 8123);
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; worker-src 'self'; manifest-src 'self'; base-uri 'none'; frame-ancestors *";
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
};

const fileFor = (pathname) => {
  const file = path.join(root, path.normalize(decodeURIComponent(pathname)));
  if (file != root && !file.startsWith(root + path.sep)) return null;
  try {
    const s = statSync(file);
    return s.isDirectory() ? fileFor(path.posix.join(pathname, 'index.html')) : s.isFile() && file;
  } catch { return null; }
};

createServer((req, res) => {
  let file;
  try { file = fileFor(new URL(req.url, 'http://x').pathname); } catch { file = null; }
  const headers = { 'Content-Security-Policy': file && path.basename(file) == 'xueshe-offline.html' ? offlineCsp(readFileSync(file, 'utf8')) : CSP,
    'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' };
  if (!file || !['GET', 'HEAD'].includes(req.method)) {
    res.writeHead(file ? 405 : 404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end(file ? 'method not allowed\n' : 'not found\n');
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' });
  if (req.method == 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}).listen(port, '127.0.0.1', function () {
  console.log(`http://127.0.0.1:${this.address().port}/`);
});
