// Loads the shipped wasm module (the very files the page serves) in Node, and
// runs the native CLI, so tests can compare the two.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const site = process.env.XUESHE_SITE || path.join(root, 'build/wasm/site');
export const cli = process.env.XUESHE_BINARY || path.join(root, 'build/native/cli/xueshe');

// As the page loads them: per language, the first-load module (xueshe.js with xueshe.wasm for zh-CN,
// xueshe-en.wasm for English: the built-in policy only, compact) and the module that reads policy files
// (xueshe-policy.js with xueshe-policy.wasm, xueshe-policy-en.wasm).
export const wasmFile = { 'zh-CN': 'xueshe.wasm', en: 'xueshe-en.wasm' };
export const policyWasmFile = { 'zh-CN': 'xueshe-policy.wasm', en: 'xueshe-policy-en.wasm' };

function factoryFor(glue, wasm) {
  const factory = createRequire(import.meta.url)(path.join(site, glue));
  // Debian's Emscripten 3.1.6 loader cannot fetch a file path under Node 18+: pass the bytes.
  return factory({ wasmBinary: readFileSync(path.join(site, wasm)) });
}

// The language's two modules: { builtin, policy }. openPolicy picks between them as the page does.
export async function loadModule(lang = 'zh-CN') {
  return { builtin: await factoryFor('xueshe.js', wasmFile[lang]), policy: await factoryFor('xueshe-policy.js', policyWasmFile[lang]) };
}

export async function loadModules() {
  return { 'zh-CN': await loadModule('zh-CN'), en: await loadModule('en') };
}

export function policyText(name) {
  return !name || name === 'hxci-2022' ? '' : readFileSync(path.join(root, name), 'utf8');
}

// A layered policy's bases as the page passes them: every policy file in the
// policy's own folder, by id ({"<id>": "<text>"}); "" for the built-in policy.
export function basesFor(name) {
  if (!name || name === 'hxci-2022') return '';
  const dir = path.dirname(path.join(root, name));
  const files = {};
  for (const f of readdirSync(dir)) if (f.endsWith('.json')) files[f.slice(0, -5)] = readFileSync(path.join(dir, f), 'utf8');
  return JSON.stringify(files);
}

export function runCli(args, input) {
  const r = spawnSync(cli, args, { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// The CLI prints exactly the JSON text plus a newline.
export function cliJson(r) {
  return r.out.endsWith('\n') ? r.out.slice(0, -1) : r.out;
}

// The take-away module (xueshe-takeaway.js/.wasm): the outcome, calendar, application and share link.
export async function loadTakeaway() {
  const factory = createRequire(import.meta.url)(path.join(site, 'xueshe-takeaway.js'));
  return factory({ wasmBinary: readFileSync(path.join(site, 'xueshe-takeaway.wasm')) });
}
const takeaway = await loadTakeaway();

// A policy loaded into a page module, as the page holds it (web/xueshe-check.js): open() gives a handle that
// error, evaluate and close take back. evaluate gives the result as the page shows it: the question module's,
// or — where it says needs_outcome_module (an outcome, options side by side) — the take-away module's `evaluate`
// for the same input (SPEC §3's contract); questions() gives the question module's own.
// Which module: the first-load one for the built-in policy (no text, no bases), else the one that reads policy files
// (web/xueshe-check.js chooses by the same rule). M: a language's pair (loadModule) or one module.
export function openPolicy(pair, text, bases) {
  const M = pair.builtin ? (text === '' && bases === '' ? pair.builtin : pair.policy) : pair;
  const p = M.open(text, bases);
  const questions = (a, t, l) => M.questions(p, a, t, l);
  const evaluate = (a, t, l) => {
    const own = questions(a, t, l);
    return JSON.parse(own).needs_outcome_module ? takeaway.evaluate(text, bases, a, t, l) : own;
  };
  return { error: (l) => M.error(p, l), evaluate, questions, delete: () => M.close(p) };
}

// The scenario files (tests/scenarios/*.json), in order.
export const scenarioDir = path.join(root, 'tests/scenarios');
export const scenarioFiles = () => readdirSync(scenarioDir).filter((f) => f.endsWith('.json')).sort();

// One engine per policy and language, made once, as the page makes them (each checked to load).
export function enginesFor(modules) {
  const engines = new Map();
  return (policy, lang) => {
    const key = `${policy || 'hxci-2022'} ${lang}`;
    if (!engines.has(key)) {
      const e = openPolicy(modules[lang], policyText(policy), basesFor(policy));
      if (e.error(lang)) throw new Error(`policy ${key} does not load: ${e.error(lang)}`);
      engines.set(key, e);
    }
    return engines.get(key);
  };
}
