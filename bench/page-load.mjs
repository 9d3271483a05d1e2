// Benchmark (not a test): what a real first visit costs. Service workers are
// allowed, as on a real first visit (the page registers sw.js once the first
// question is usable and the browser is idle, and sw.js then precaches the
// rest). Prints
//  - the bytes the server sent (gzip -9, as served) up to the moment the first
//    question is usable, per file and in total (issue 14's goal: at most 75 KB), and what was
//    sent after it (the precache, the outcome script) within the next seconds;
//  - the time from navigation to the first question being usable in Chromium
//    with 4x CPU throttling and a 1.6 Mbps / 150 ms network (median of RUNS; goal: at most 1.2 s).
// Usage: node bench/page-load.mjs [RUNS] [OTHER_SITE]   (after the wasm preset has built the site)
// With OTHER_SITE (another build's site folder, e.g. a copy of build/wasm/site made before a change), each run visits
// both sites one after the other, in turns first, and prints both medians and the median of the pairs' differences:
// on a shared machine the time of one visit drifts by ±0.2 s from minute to minute, and two visits a few seconds
// apart drift together, so a pair's difference says more than two medians taken minutes apart.
import path from 'node:path';
import { launch, serve, siteCopy } from '../tests/browser/harness.mjs';

const runs = Number(process.argv[2] || 5);
const other = process.argv[3] && path.resolve(process.argv[3]);
const AFTER_MS = 8000;  // how long to keep watching what is sent once the first question is usable
const browser = await launch();

// One first visit: { at: ms from navigation to the first usable question, first: what was sent until then, later:
// what was sent in the AFTER_MS after it }.
async function visit(site) {
  // A fresh server and context each run: an empty cache (the browser's own, as on a first visit, not disabled) and no
  // service worker from an earlier run.
  const server = await serve(site, { gzip: true });
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, serviceWorkers: 'allow' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8) });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  // Usable: the first question is on screen and answerable (its options enabled, or its date input), seen by the
  // page itself at each frame (a few lines run from the document's start) and read from Node afterwards. Polling
  // with page.waitForFunction made Playwright evaluate its own injected script in the page while it loaded
  // (≈ 120 ms of the main thread at 4x CPU) and noticed the question up to 50 ms late.
  await context.addInitScript(() => {
    const usable = () => {
      const root = document.querySelector('xueshe-check')?.shadowRoot;
      const q = root?.querySelector('[data-testid=question]');
      const input = q?.querySelector('[data-testid=option], [data-testid=date-input]');
      return input && !input.disabled && input.getBoundingClientRect().height > 0;
    };
    const frame = () => (usable() ? (window.benchUsable = performance.now()) : requestAnimationFrame(frame));
    requestAnimationFrame(frame);
  });
  await page.goto(server.origin + '/', { waitUntil: 'commit' });
  let at;
  for (const start = Date.now(); !(at = await page.evaluate('window.benchUsable')); await new Promise((r) => setTimeout(r, 50)))
    if (Date.now() - start > 120000) throw new Error('the first question never became usable');
  const atUsable = server.sent.length;
  await page.waitForTimeout(AFTER_MS);
  const seen = { at, first: server.sent.slice(0, atUsable), later: server.sent.slice(atUsable) };
  await context.close();
  await server.close();
  return seen;
}

const times = [], otherTimes = [];
let first = [], later = [];
const visitThis = async () => {
  const seen = await visit(siteCopy());
  times.push(seen.at);
  ({ first, later } = seen);
};
const visitOther = async () => other && otherTimes.push((await visit(siteCopy(other))).at);
for (let i = 0; i < runs; i++) {
  const order = i % 2 ? [visitOther, visitThis] : [visitThis, visitOther];
  for (const go of order) await go();
}
await browser.close();

const table = (title, list) => {
  let total = 0;
  console.log(title);
  for (const { path, bytes } of list) {
    total += bytes;
    console.log(`  ${path.padEnd(28)} ${String(bytes).padStart(7)}`);
  }
  return total;
};
const total = table('sent before the first question was usable (gzip -9 as served, bytes):', first);
console.log(`  ${'total'.padEnd(28)} ${String(total).padStart(7)}  (${(total / 1024).toFixed(1)} KiB; goal <= 75 KB: ${total <= 75000 ? 'met' : 'MISSED'})`);
const rest = table(`sent in the ${AFTER_MS / 1000} s after it (service worker precache, outcome script):`, later);
console.log(`  ${'total'.padEnd(28)} ${String(rest).padStart(7)}`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const runsOf = (xs) => [...xs].sort((a, b) => a - b).map((t) => t.toFixed(0)).join(', ');
console.log(`navigation -> first question usable, 4x CPU, 1.6 Mbps / 150 ms: median ${median(times).toFixed(0)} ms ` +
  `(runs: ${runsOf(times)}; goal <= 1.2 s: ${median(times) <= 1200 ? 'met' : 'MISSED'})`);
if (other) {
  const differences = times.map((t, i) => t - otherTimes[i]);
  console.log(`  ${other}: median ${median(otherTimes).toFixed(0)} ms (runs: ${runsOf(otherTimes)})`);
  console.log(`  this site minus the other, visit by visit: median ${median(differences).toFixed(0)} ms ` +
    `(sooner in ${differences.filter((d) => d < 0).length} of ${differences.length} pairs)`);
}
