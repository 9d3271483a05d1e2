// The staff page's files are versioned like the member page's (web/tools/stamp-staff.mjs): each is loaded as
// <file>?v=<version> with its integrity hash, so behind a host that lets browsers keep files for an hour
// (Cache-Control: max-age=3600) a redeployed staff page never takes the old files from the HTTP cache, and a file of
// another version is refused rather than run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { launch, root, serve, siteCopy, writeFile } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

// The site's staff page stamped again, as the build does, after a change to its stylesheet.
function redeploy(dir, css) {
  appendFileSync(path.join(dir, 'staff.css'), css);
  const r = spawnSync(process.execPath, [path.join(root, 'web/tools/stamp-staff.mjs'), dir, path.join(root, 'web/staff.html'),
    path.join(dir, 'staff.js')], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
}

async function visit(context, origin, requests) {
  const page = await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(origin + '/staff.html');
  await page.locator('#app[data-ready]').waitFor();
  return page;
}

test('each of the staff page\'s files is loaded by its version and integrity hash', async () => {
  const dir = siteCopy(), server = await serve(dir);
  const context = await browser.newContext();
  const requests = [];
  await visit(context, server.origin, requests);
  for (const f of ['staff.css', 'studio.css', 'xueshe-staff.js', 'studio.js', 'staff.js', 'xueshe-staff.wasm'])
    assert.ok(requests.some((u) => new RegExp(`/${f.replace('.', '\\.')}\\?v=[0-9a-f]{16}$`).test(u)), `${f} by version: ${requests.join(' ')}`);
  const html = readFileSync(path.join(dir, 'staff.html'), 'utf8');
  assert.equal((html.match(/integrity="sha384-[A-Za-z0-9+/=]+"/g) || []).length, 5, html);
  await context.close();
  await server.close();
});

test('behind max-age=3600, a redeployed staff page loads the new files, not the cached old ones', async () => {
  const dir = siteCopy(), server = await serve(dir, { cacheControl: 'max-age=3600' });
  const context = await browser.newContext();
  const requests = [];
  const page = await visit(context, server.origin, requests);
  const colour = () => page.evaluate(() => getComputedStyle(document.body).outlineColor);
  const before = await colour();
  redeploy(dir, '\nbody{outline:1px solid rgb(1, 2, 3)}\n');
  await page.reload();
  await page.locator('#app[data-ready]').waitFor();
  assert.notEqual(before, 'rgb(1, 2, 3)');
  assert.equal(await colour(), 'rgb(1, 2, 3)', 'the new stylesheet, though the old one was still fresh in the HTTP cache');
  await context.close();
  await server.close();
});

test('a module file of another version is refused, not run', async () => {
  const dir = siteCopy();
  // Another build's wasm: the same module with a custom section appended (valid, different bytes), not stamped.
  const wasm = readFileSync(path.join(dir, 'xueshe-staff.wasm'));
  writeFile(dir, 'xueshe-staff.wasm', Buffer.concat([wasm, Buffer.from([0, 4, 3, 0x76, 0x32, 0x21])]));
  const server = await serve(dir);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.origin + '/staff.html');
  await page.locator('[data-testid=error][data-code=wasm]').waitFor();
  assert.equal(await page.locator('#app[data-ready]').count(), 0);
  await context.close();
  await server.close();
});
