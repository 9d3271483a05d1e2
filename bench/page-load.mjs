// Benchmark (not a test): what a first visit costs. Prints
//  - the gzipped bytes of everything the page loads before its first question
//    is usable (HTML, CSS, JS, wasm, policy), per file and in total (budget 100 KB);
//  - the time from navigation to the first question being usable in Chromium
//    with 4x CPU throttling and a 1.6 Mbps / 150 ms network (median of RUNS).
// Usage: node bench/page-load.mjs [RUNS]   (after the wasm preset has built the site)
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launch, serve, siteCopy, builtSite } from '../tests/browser/harness.mjs';

const runs = Number(process.argv[2] || 5);
const browser = await launch();
const server = await serve(siteCopy(), { gzip: true });
const times = [];
let loaded = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8) });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(server.origin + '/', { waitUntil: 'commit' });
  // Usable: the first question's input (a date question) or its options are on screen and enabled.
  const usable = '[data-testid=question] :is([data-testid=date-input], [data-testid=option])';
  await page.locator(usable).first().waitFor({ state: 'visible', timeout: 120000 });
  await page.waitForFunction((sel) => {
    const root = document.querySelector('xueshe-check')?.shadowRoot;
    const b = root?.querySelector(sel);
    return b && !b.disabled;
  }, usable);
  times.push(await page.evaluate(() => performance.now()));
  loaded = [...new Set(requests)];
  await context.close();
}
await browser.close();
await server.close();

let total = 0;
console.log('first load, gzip -9 bytes:');
for (const p of loaded) {
  const file = path.join(builtSite, p === '/' ? 'index.html' : p);
  let bytes;
  try { bytes = gzipSync(readFileSync(file), { level: 9 }).length; } catch { continue; }
  total += bytes;
  console.log(`  ${p.padEnd(28)} ${String(bytes).padStart(7)}`);
}
console.log(`  ${'total'.padEnd(28)} ${String(total).padStart(7)}  (${(total / 1024).toFixed(1)} KiB; budget 100 KB = ${total <= 100000 ? 'met' : 'MISSED'})`);
times.sort((a, b) => a - b);
console.log(`navigation -> first question usable, 4x CPU, 1.6 Mbps / 150 ms: median ${times[Math.floor(times.length / 2)].toFixed(0)} ms ` +
  `(runs: ${times.map((t) => t.toFixed(0)).join(', ')})`);
