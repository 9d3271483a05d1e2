// A first visit on a phone: the service worker keeps the page's files for
// offline use without downloading again what the page has just loaded (its
// module, script and stylesheet come from the browser's HTTP cache under their
// versioned URLs, checked against the build's integrity hashes), and what it
// keeps is this build's bytes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PHONE, launch, precached, ready, serve, siteCopy, waitUntilCached } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const sha = (bytes) => createHash('sha256').update(bytes).digest('hex');

for (const cacheControl of ['no-cache', 'max-age=3600']) {
  test(`first visit (${cacheControl}): the worker downloads nothing the page already has, and keeps this build's bytes`, async () => {
    const dir = siteCopy();
    const server = await serve(dir, { cacheControl });
    const context = await browser.newContext(PHONE);
    try {
      const page = await context.newPage();
      await page.goto(server.origin + '/');
      await ready(page);
      await page.evaluate(() => navigator.serviceWorker.ready);
      await waitUntilCached(page, await precached(page));
      const asked = (p) => server.requests.filter((r) => r == p).length;
      // Loaded by the page, then kept by the worker from the HTTP cache: asked for once.
      for (const f of ['xueshe.wasm', 'xueshe.js', 'xueshe.css']) assert.equal(asked('/' + f), 1, `${f} asked for ${asked('/' + f)} times`);
      // Not loaded by the page on a Chinese first visit: the worker fetches it, once.
      assert.equal(asked('/xueshe-en.wasm'), 1);
      // What the worker keeps is the site's bytes, file for file.
      for (const f of ['xueshe.wasm', 'xueshe.js', 'xueshe.css', 'xueshe-en.wasm', 'xueshe-takeaway.wasm']) {
        const kept = await page.evaluate(async (name) => {
          const r = await caches.match(new URL(name, location.href).href);
          return r ? Array.from(new Uint8Array(await r.arrayBuffer())) : null;
        }, f);
        assert.ok(kept, `${f} kept`);
        assert.equal(sha(Buffer.from(kept)), sha(readFileSync(path.join(dir, f))), `${f} kept as built`);
      }
    } finally {
      await context.close();
      await server.close();
    }
  });
}
