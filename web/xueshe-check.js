/* <xueshe-check>: the questionnaire as a custom element. It only renders what
 * the wasm core decides (questions, outcome, dates, errors, every text); it
 * holds the state (answers, as-of date, language) and nothing else.
 *
 * Attributes: policy="URL" (a school's policy file; default: the built-in one; the
 * base files of a layered policy are fetched beside it, <id>.json, as the core asks for them; such an element
 * loads the modules that read policy files, xueshe-policy.js with xueshe-policy.wasm or xueshe-policy-en.wasm),
 * lang="zh-CN|en" (none: the member's earlier choice on this device, else the browser's language), app (this element is the whole page: it sets <html lang> and
 * the title, uses <h1>, links the offline file and registers sw.js).
 * timeout="ms" (how long a policy file may take to arrive; default 15000).
 * element.ready: a Promise resolved once the first screen is rendered (or an error shown: it always settles).
 *
 * Test hooks, data-testid inside the open shadow root:
 *  question [data-question-id], question-text, progress, option [data-value],
 *  date-suggested (the cohort's usual date: one tap answers), date-input (typed YYYY-MM-DD: what is submitted), date-picker (native picker,
 *  fills date-input), date-submit, back, summary, change [data-field], restart,
 *  outcome, receiving-org, fallback [data-route], alternative [data-route], step [data-where],
 *  deadline [data-kind, data-state, data-date], warning [data-code],
 *  clause [data-clause, aria-expanded], general-advice (a clause toggle named in words), clause-text, error [data-code, data-field],
 *  share, share-link, print, lang-switch, settings (<details>), as-of-input,
 *  policy-banner, policy-changed, share-contains, share-copy, retry, update [data-kind=ready|needed], update-reload.
 *  Besides the core's error codes the page has its own: policy_fetch, policy_timeout and too_large
 *  (field "policy"), bad_link (field "#xs"), wasm (no module).
 *  The option answered before (after Back/Change) has aria-pressed="true".
 * Share link: #xs=1&h=<policy hash>&p=<policy id>&l=<lang>[&t=<as-of>]&a=<base64url JSON answers>
 * (a fragment: never sent to a server; replayed through the core, which validates it). Only the first
 * element of a page (the app element if there is one) replays it.
 *
 * The outcome screen, the share link, the calendar file and the paper are in xueshe-outcome.js, fetched once the
 * first screen is up and the browser is idle (or when first needed), so they are not in the first load.
 *
 * Versions: the build stamps BUILD (web/tools/stamp-version.mjs) with the version of the set of files this
 * script loads and each file's integrity hash; it loads them as <file>?v=<version> with that hash, so the
 * browser refuses another version's bytes (from a cache or a redeployed site) and the page offers to reload
 * instead of mixing versions. A new service worker waiting is announced the same way. Reloading keeps the
 * answers: they go into this tab's history state (not the URL) and are read back once.
 */
(() => {
  const base = document.currentScript?.src || location.href;
  const at = (p) => new URL(p, base).href;
  // This build's version and the integrity hash of each file it loads (none in the offline file, where all is inline).
  const BUILD = 'xueshe-build:dev';
  const [V, ...HASHES] = BUILD.split(':')[1].split(';');
  const SRI = Object.fromEntries(HASHES.map((x) => [x.slice(0, x.indexOf('=')), x.slice(x.indexOf('=') + 1)]));
  const vat = (f) => (SRI[f] ? at(f) + '?v=' + V : at(f));
  // A versioned file that failed to load although the server has it: the site holds another version (stale).
  const stale = (f) => (SRI[f] ? fetch(vat(f)).then((r) => r.ok, () => false) : Promise.resolve(false));
  // A module factory given its wasm file: fetched here with its integrity hash when the build stamped one.
  const create = (factory, wasm) => (SRI[wasm]
    ? new Promise((ok, no) => factory({
      instantiateWasm(imports, done) {
        fetch(vat(wasm), { integrity: SRI[wasm] }).then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(r.status))))
          .then((b) => WebAssembly.instantiate(b, imports)).then((x) => done(x.instance, x.module), no);
        return {};
      },
    }).then(ok, no))
    : factory({ locateFile: (p) => at(p.endsWith('.wasm') ? wasm : p) }));
  // One wasm module per language, loaded once per page and shared by every element. The page's first load carries
  // only the built-in policy (in a compact form, without the policy reader); an element given a school's policy file
  // uses the policy modules instead (their own glue, xueshe-policy.js), fetched only then.
  const WASM = { 'zh-CN': 'xueshe.wasm', en: 'xueshe-en.wasm' };
  const POLICY_WASM = { 'zh-CN': 'xueshe-policy.wasm', en: 'xueshe-policy-en.wasm' };
  const LANGS = Object.keys(WASM);
  const lang = (l) => (Object.hasOwn(WASM, l) ? l : null);  // never __proto__ or constructor
  // The language of an element whose page names none: the one the member chose here before with the language switch
  // (kept on this device under KEPT), else the browser's: the first of navigator.languages that is English (en-*) or
  // Chinese decides, English → English, anything else → Chinese. A share link's language still wins (see link).
  const KEPT = 'xueshe.lang';
  const keep = (l) => { try { localStorage.setItem(KEPT, l); } catch {} };
  const firstLang = () => {
    let kept = null;
    try { kept = lang(localStorage.getItem(KEPT)); } catch {}
    const preferred = (navigator.languages?.length ? navigator.languages : [navigator.language || ''])
      .map((x) => String(x).toLowerCase()).find((x) => /^(en|zh)\b/.test(x));
    return kept || (preferred?.startsWith('en') ? 'en' : 'zh-CN');
  };
  const mods = {}, scripts = {};
  // Policy and base files this page has asked for, and the modules that read them (absolute URLs): asked for again
  // through the service worker once it takes over on a first visit, so that it keeps them for offline use.
  const fetched = new Set();
  // At most this many base files are fetched for one policy (the core itself refuses a longer chain).
  const MAX_BASES = 8;
  // A policy file is read up to the core's limit for one (1 MiB) and no further; it must arrive within the timeout.
  const POLICY_LIMIT = 1 << 20, TIMEOUT = 15000;
  // Shown in the fragment's "policy changed" note: as given, but bounded and without direction or control characters.
  const shown = (x) => String(x ?? '').replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').slice(0, 64);
  // A classic script of ours, added once (the offline file has the page's module inline already), with its
  // integrity hash; a failure says whether the site now holds another version of the file.
  const js = (f, ready) => (scripts[f] ||= ready ? Promise.resolve()
    : new Promise((ok, no) => document.head.append(h('script', { src: vat(f), integrity: SRI[f], onload: ok,
      onerror: (e) => { delete scripts[f]; stale(f).then((s) => no(s ? 'stale' : e)); } }))));
  const failed = (f, e) => stale(f).then((s) => { throw s ? 'stale' : e; });
  // The module glue index.html loaded is ours only if it is this version's (its tag names the version; the browser
  // checked its hash); else this script loads its own.
  const glue = () => typeof createXueshe == 'function' && (!SRI['xueshe.js'] || !!document.querySelector(`script[src="xueshe.js?v=${V}"]`));
  // A module, made once per page under `key`: its glue script (unless `ready`), then the factory the glue defines
  // (named by `factory`, read once the glue has run) over `wasm`. A failure is not kept: the next call tries again.
  const module = (key, glueFile, ready, factory, wasm) => (mods[key] ||= js(glueFile, ready)
    .then(() => create(factory(), wasm).catch((e) => failed(wasm, e)))
    .catch((e) => { delete mods[key]; throw e; }));
  const load = (l) => module(l, 'xueshe.js', glue(), () => createXueshe, WASM[l]);
  // The module that reads policy files (the offline file's one module does: its glue names itself both ways).
  // Like the policy files, they are asked for again once the service worker is in control (fetched), which keeps them.
  const loadPolicy = (l) => (fetched.add(vat('xueshe-policy.js')), fetched.add(vat(POLICY_WASM[l])),
    module('policy ' + l, 'xueshe-policy.js', typeof createXueshePolicy == 'function', () => createXueshePolicy, POLICY_WASM[l]));
  // The take-away module (calendar file, written application): loaded only when asked for.
  const takeaway = () => module('tk', 'xueshe-takeaway.js', typeof createXuesheTakeaway == 'function', () => createXuesheTakeaway,
    'xueshe-takeaway.wasm');
  // The outcome screen, the share link, the calendar file and the paper (xueshe-outcome.js): not in the first load.
  // Fetched when the browser is idle after the first screen, or when first needed; its methods join the class.
  const more = () => js('xueshe-outcome.js', !!customElements.get('xueshe-check').prototype.outcome);
  const idle = (f) => (window.requestIdleCallback || setTimeout)(f, { timeout: 3000 });
  // The first date input a page makes costs Chromium's date machinery its start-up (≈ 35 ms on this project's machine,
  // ≈ 150 ms at the bench's 4× slower CPU, and its first layout as much again), and the first screen would wait for
  // it. So until the browser is idle after the first screen, a date picker is made as a disabled plain field
  // (data-date) in its place, and turned into the picker then; the date is typed in a text field anyway.
  let datesReady = false, datesAsked = false;
  const dateInput = (attrs) => h('input', datesReady ? { ...attrs, type: 'date' } : { ...attrs, 'data-date': '', disabled: true });
  // Asked for once (every screen shown before the idle moment calls it).
  const readyDates = () => datesAsked || (datesAsked = true, idle(() => {
    datesReady = true;
    for (const e of all()) e.shadowRoot?.querySelectorAll('input[data-date]').forEach((i) => {
      i.type = 'date';
      i.disabled = false;
      i.removeAttribute('data-date');
    });
  }));
  // Shown only when the module itself cannot load, so there is no catalog to take it from.
  const FAIL = '无法加载程序（需要支持 WebAssembly 的浏览器）。Could not load the program (a browser with WebAssembly is needed).';
  const STALE = ['网站上的程序文件已更新，请重新加载。This page’s files have been updated on the site: please reload.', '重新加载 Reload'];

  // Updates: which notice every element shows (null, 'ready' or 'needed'); the service worker's registration (sw.reg),
  // made by xueshe-outcome.js once the first screen is usable, and whether the page is reloading (sw.reloading).
  let update = null;
  const sw = {};
  const all = () => [...document.querySelectorAll('xueshe-check')];
  const notify = (kind) => {
    if (update == 'needed') return;
    update = kind;
    for (const e of all()) e.notice?.();
  };
  // Reloads the page on the newest version, each element's answers kept in this tab's history state.
  const reload = () => {
    if (sw.reloading) return;
    sw.reloading = true;
    const keep = {};
    all().forEach((e, i) => e.state && (keep[i] = { a: e.state.answers, t: e.state.asOf, l: e.state.lang }));
    try { history.replaceState({ ...history.state, xueshe: keep }, ''); } catch {}
    const w = sw.reg?.waiting;
    if (!w) return location.reload();
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload());
    w.postMessage('xueshe-activate');
  };
  // A policy loaded into a module: the module keeps it behind a handle that every call takes back, until close.
  const open = (pageModule, text, bases) => {
    const p = pageModule.open(text, bases);
    return { error: (l) => pageModule.error(p, l), questions: (a, t, l) => pageModule.questions(p, a, t, l), delete: () => pageModule.close(p) };
  };

  /*js:dom.js*/
  const today = () => {
    const d = new Date(), p = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  };
  const unb64 = (s) => new TextDecoder('utf-8', { fatal: true })
    .decode(Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));
  const ours = () => new URLSearchParams(location.hash.slice(1)).has('xs') && location.hash;

  class XuesheCheck extends HTMLElement {
    static observedAttributes = ['lang', 'policy'];
    // What xueshe-outcome.js takes from this script.
    static kit = { h, takeaway, js, notify, today, at, fetched, sw };

    constructor() {
      super();
      this.ready = new Promise((r) => (this.done = r));
      const root = this.attachShadow({ mode: 'open' });
      const inline = document.getElementById('xueshe-css'); // the offline file's <template>
      const css = inline ? inline.content.cloneNode(true) : h('link', { rel: 'stylesheet', href: vat('xueshe.css'), integrity: SRI['xueshe.css'] });
      this.css = !inline && new Promise((r) => {
        css.onload = r;
        css.onerror = () => (r(), stale('xueshe.css').then((x) => x && notify('needed')));
      });
      this.box = h('div', { class: 'w' }, h('slot'));
      root.append(css, this.box);
      this.engines = {};
    }

    t = (k, v) => (this.cat[k] ?? k).replace(/\{(\w+)\}/g, (m, x) => v?.[x] ?? m);

    connectedCallback() {
      if (this.state) return;
      const l = this.getAttribute('lang');
      this.state = { answers: {}, asOf: '', lang: l ? (l.startsWith('en') ? 'en' : 'zh-CN') : firstLang(), removed: {} };
      this.app = this.hasAttribute('app');
      this.gen = 0;
      // Answers kept across a reload onto a new version (see reload): read back once.
      const i = all().indexOf(this), st = history.state, kept = st?.xueshe?.[i];
      if (kept && typeof kept.a == 'object') {
        Object.assign(this.state, { answers: kept.a, asOf: String(kept.t || ''), lang: lang(kept.l) || this.state.lang });
        this.kept = 1;
        const rest = { ...st.xueshe };
        delete rest[i];
        try { history.replaceState({ ...st, xueshe: rest }, ''); } catch {}
      }
      if (this.app) addEventListener('hashchange', () => ours() && this.owns() && (this.link(), this.use().then(() => this.go(null, 1))));
      // Once the first screen is usable: the outcome script, which then registers the service worker (the app's page).
      this.boot().then(() => idle(() => more().then(() => this.app && this.register?.(), () => {})));
    }

    // The element that replays a share link: the app element, else the page's first.
    owns() {
      return (document.querySelector('xueshe-check[app]') || document.querySelector('xueshe-check')) == this;
    }

    attributeChangedCallback(n, o, v) {
      if (!this.result || o == v) return;
      if (n == 'policy') this.boot();
      else if (v != this.state.lang) this.setLang(v?.startsWith('en') ? 'en' : 'zh-CN');
    }

    // The update notice (see notify), at the top of the element, or gone.
    notice() {
      this.box.querySelector('[data-testid=update]')?.remove();
      if (!update) return;
      const t = this.cat ? this.t : null;
      this.box.prepend(h('div', { class: 'note upd', role: 'status', 'data-testid': 'update', 'data-kind': update },
        h('p', {}, t ? t('page.update_' + update) : STALE[0]),
        h('button', { type: 'button', 'data-testid': 'update-reload', onclick: reload }, t ? t('page.update_reload') : STALE[1])));
    }

    // Loads the policy: its file, then — a layered policy — each base file the core says is missing,
    // fetched beside it (<id>.json) until the core has the whole chain or says what else is wrong.
    // A newer boot (the policy attribute changed again) supersedes this one: whatever it awaited, it stops, so the
    // last policy asked for is the one shown.
    async boot() {
      const p = this.getAttribute('policy'), bases = {}, gen = ++this.gen, old = () => gen != this.gen;
      this.text = '';
      this.bases = '';
      this.ferr = null;
      this.drop();
      this.link();
      try {
        if (p) {
          const got = await this.get(p);
          if (old()) return;
          [this.text, this.ferr] = got;
        }
        this.drop();
        await this.use();
        for (let n = 0; n < MAX_BASES && this.engine && !old(); n++) {
          const e = JSON.parse(this.engine.error(this.state.lang) || '{}').error;
          if (e?.code != 'policy_missing_base' || e.missing in bases) break;
          const [text, err] = await this.get(new URL(e.missing + '.json', new URL(p, document.baseURI)).href);
          if (old()) return;
          if (text == null) {
            this.ferr = err;
            break;
          }
          bases[e.missing] = text;
          this.bases = JSON.stringify(bases);
          this.drop();
          await this.use();
        }
        if (old()) return;
      } catch (e) {
        if (old()) return;
        if (e == 'stale') {
          update = 'needed';
          this.box.replaceChildren();
          this.notice();
        } else this.box.replaceChildren(h('p', { class: 'err', role: 'alert', 'data-testid': 'error', 'data-code': 'wasm' }, FAIL));
        return this.done();
      }
      await this.css;
      if (old()) return;
      await this.go();
      this.done();
    }

    // A policy file: [text] or [null, {code, key, …}] when it could not be fetched, took longer than the timeout
    // (attribute timeout, ms) or was larger than a policy may be (reading stops there).
    async get(url) {
      fetched.add(new URL(url, document.baseURI).href);
      const ms = Number(this.getAttribute('timeout')) || TIMEOUT, stop = new AbortController(), timer = setTimeout(() => stop.abort(), ms);
      try {
        const r = await fetch(url, { signal: stop.signal });
        if (!r.ok) throw `${r.status} ${r.statusText}`;
        const parts = [], reader = r.body.getReader();
        for (let n = 0; ;) {
          const { done, value } = await reader.read();
          if (done) break;
          if ((n += value.length) > POLICY_LIMIT) {
            stop.abort();
            return [null, { code: 'too_large', key: 'page.policy_too_large', url, limit: POLICY_LIMIT }];
          }
          parts.push(value);
        }
        // "" means the built-in policy: give the core an empty file as a blank, which it rejects as empty.
        return [new TextDecoder().decode(await new Blob(parts).arrayBuffer()) || ' '];
      } catch (e) {
        return [null, stop.signal.aborted ? { code: 'policy_timeout', key: 'page.policy_timeout', url, seconds: ms / 1000 }
          : { code: 'policy_fetch', key: 'page.policy_fetch', url, got: String(e) }];
      } finally {
        clearTimeout(timer);
      }
    }

    drop() {
      for (const l in this.engines) this.engines[l].delete();
      this.engines = {};
    }

    // The module, catalog and engine for the current language (every language's engine gets the same bases).
    async use() {
      const l = this.state.lang, k = lang(l) || LANGS[0], pageModule = await (this.text || this.bases ? loadPolicy(k) : load(k));
      this.cat = Object.assign({}, ...JSON.parse(pageModule.catalog(l)));  // the catalog's parts, merged
      this.engine = this.ferr ? null : (this.engines[k] ||= open(pageModule, this.text, this.bases));
    }

    // Reads a share link from the fragment; the core validates what is in it.
    // A language the page does not have (or no language, or __proto__) is the element's own.
    link() {
      const f = ours();
      if (!f || !this.owns() || this.kept) return (this.kept = 0);
      const q = new URLSearchParams(f.slice(1)), s = this.state;
      this.from = 1;
      this.bad = 0;
      s.removed = {};
      try {
        s.answers = JSON.parse(unb64(q.get('a')));
        s.asOf = q.get('t') || '';
        s.lang = lang(q.get('l')) || s.lang;
        this.old = q.has('h') && { id: shown(q.get('p')), hash: shown(q.get('h')) };
      } catch { this.bad = 1; }
    }

    ev() {
      const s = this.state, t = this.t;
      if (this.ferr) return { error: { code: this.ferr.code, field: 'policy', message: t(this.ferr.key, this.ferr) }, head: 'page.policy_error', retry: 1 };
      const pe = this.engine.error(s.lang);
      if (pe) return { ...JSON.parse(pe), head: 'page.policy_error' };
      if (this.bad) return { error: { code: 'bad_link', field: '#xs', message: t('page.bad_link') }, head: 'page.link_error' };
      const r = JSON.parse(this.engine.questions(JSON.stringify(s.answers), s.asOf || today(), s.lang));
      if (r.error && this.from) r.head = 'page.link_error';
      return r;
    }

    // Evaluates the state; if a change (undo-able) made it invalid, undoes it and shows the core's error.
    go(undo, focus) {
      let r = this.ev(), err;
      if (r.error && undo) {
        err = r.error;
        undo();
        r = this.ev();
      }
      if (r.answered) this.state.answers = Object.fromEntries(r.answered.filter((x) => !x.implied).map((x) => [x.id, x.value]));
      this.result = r;
      const n = this.seq = (this.seq || 0) + 1, root = this.shadowRoot, f = err ? (err.field == 'today' ? 'asof' : 'di') : focus;
      const shown = (whole) => {
        if (n != this.seq) return;  // a later change is on screen already
        if (whole) this.result = r = whole;
        this.show(r, err);
        if (f) (root.getElementById(f == 1 ? 'qh' : f) || root.getElementById('qh'))?.focus();
      };
      // An outcome, and options side by side, are the take-away module's to work out and xueshe-outcome.js's to show
      // (both usually here already while the questions were answered): the question module says needs_outcome_module.
      if (!r.needs_outcome_module) return shown();
      this.box.setAttribute('aria-busy', 'true');
      return this.later(() => this.complete().then(shown, (e) => this.unloaded(e))).finally(() => this.box.removeAttribute('aria-busy'));
    }

    // Runs f once xueshe-outcome.js is here; if it cannot load, says so (or, another version on the site, offers a reload).
    later(f) {
      return more().then(f, (e) => this.unloaded(e));
    }

    // What could not load (xueshe-outcome.js, the take-away module) is said in words, with a retry that keeps the answers.
    unloaded(e) {
      if (e == 'stale') return notify('needed');
      this.box.replaceChildren(h('div', { class: 'err', role: 'alert', 'data-testid': 'error', 'data-code': 'outcome' },
        h('p', {}, this.t('page.takeaway_fail')),
        h('button', { type: 'button', 'data-testid': 'retry', onclick: () => this.go(null, 1) }, this.t('page.retry'))));
    }

    answer(id, v) {
      const s = this.state, a = s.answers;
      a[id] = v;
      this.go(() => { delete a[id]; s.removed[id] = v; }, 1);
    }

    asOf(v) {
      const s = this.state, o = s.asOf;
      s.asOf = v;
      this.go(() => (s.asOf = o), 'asof');
    }

    // Removes the answer to `id` and every answer given after it, then asks again.
    change(id) {
      const s = this.state, all = this.result.answered;
      for (const x of all.slice(all.findIndex((x) => x.id == id))) {
        s.removed[x.id] = x.value;
        delete s.answers[x.id];
      }
      this.go(null, 1);
    }

    restart() {
      const s = this.state;
      if (this.result.error) {
        s.asOf = '';
        s.lang = lang(s.lang) || LANGS[0];
      }
      s.answers = {};
      s.removed = {};
      this.from = this.bad = this.old = 0;
      if (ours()) history.replaceState(null, '', location.href.split('#')[0]);
      this.use().then(() => this.go(null, 1));
    }

    async setLang(l) {
      const s = this.state, o = s.lang;
      s.lang = l;
      try { await this.use(); } catch (e) {
        s.lang = o;
        return e == 'stale' && notify('needed');
      }
      this.go(null, 'ls');
    }

    show(r, err) {
      const s = this.state, t = this.t, p = r.policy, lv = this.app ? 1 : 2, heading = (n) => 'h' + (lv + n);
      const shownLang = lang(s.lang) || LANGS[0];
      if (lang(s.lang)) this.setAttribute('lang', shownLang);
      if (this.app) {
        document.documentElement.lang = shownLang;
        document.title = t('ui.title');
      }
      const other = LANGS[(LANGS.indexOf(shownLang) + 1) % LANGS.length];
      const tErr = err?.field == 'today' && err;
      const settings = h('details', { 'data-testid': 'settings', open: s.open || !!tErr },
        h('summary', {}, t('page.settings')),
        h('label', { for: 'asof' }, t('page.as_of')),
        dateInput({ id: 'asof', 'data-testid': 'as-of-input', value: s.asOf, onchange: (e) => this.asOf(e.target.value) }),
        s.asOf && h('button', { type: 'button', onclick: () => this.asOf('') }, t('page.as_of_clear')),
        tErr && this.errBox(tErr));
      settings.ontoggle = () => (s.open = settings.open);
      const any = r.answered?.some((x) => !x.implied);
      const area = h('div', { class: 'share' });
      this.box.replaceChildren(...[
        [p?.unverified_text, !r.cohort_misfit && p?.outdated_text].map((x) => x && h('p', { class: 'banner', role: 'note', 'data-testid': 'policy-banner' }, x)),
        r.cohort_misfit && h('p', { class: 'banner', role: 'note', 'data-testid': 'cohort-banner', 'data-reason': r.cohort_misfit.reason }, r.cohort_misfit.text),
        this.old && p && this.old.hash != p.hash && h('p', { class: 'note', 'data-testid': 'policy-changed' },
          t('page.policy_changed', { id: this.old.id, hash: this.old.hash, now: `${p.id} · ${p.hash}` })),
        h('header', {},
          h(heading(0), {}, t('ui.title')),
          h('button', { type: 'button', id: 'ls', lang: other, 'data-testid': 'lang-switch', onclick: () => (keep(other), this.setLang(other)) }, t('page.lang_other')),
          settings,
          !r.answered?.length && h('p', { class: 'intro' }, t('page.intro'))),
        r.error ? h('section', { class: 'fail' }, h(heading(1), { id: 'qh', tabindex: -1 }, t(r.head || 'page.error')), this.errBox(r.error),
          r.retry && h('button', { type: 'button', 'data-testid': 'retry', onclick: () => this.boot() }, t('page.retry')))
          : r.question ? this.question(r, heading, !tErr && err) : this.outcome(r, heading),
        h('div', { class: 'acts' },
          any && h('button', { type: 'button', 'data-testid': 'back', onclick: () => this.back() }, t('page.back')),
          r.status == 'outcome' && h('button', { type: 'button', 'data-testid': 'print', onclick: () => print() }, t('page.print')),
          r.deadlines?.length > 0 && h('button', { type: 'button', 'data-testid': 'calendar', onclick: () => this.later(() => this.calendar(area)) }, t('page.calendar')),
          any && !r.error && h('button', { type: 'button', 'data-testid': 'share', onclick: () => this.later(() => this.share(area)) }, t('page.share')),
          (any || this.from) && h('button', { type: 'button', 'data-testid': 'restart', onclick: () => this.restart() }, t('page.restart'))),
        area,
        r.answered?.length > 0 && this.summary(r, heading),
        p && h('footer', {},
          h('p', {}, t('page.footer', { title: p.title, id: p.id, hash: p.hash, date: p.last_verified, today: r.today })),
          this.app && location.protocol.startsWith('http') && h('p', {}, h('a', { href: at('xueshe-offline.html'), download: '' }, t('page.offline')),
            ' · ', h('a', { href: at('staff.html'), 'data-testid': 'staff-link' }, t('page.staff'))))].flat().filter(Boolean));
      this.notice();
      readyDates();
    }

    back() {
      const all = this.result.answered.filter((x) => !x.implied);
      this.change(all[all.length - 1].id);
    }

    question(r, heading, err) {
      const q = r.question, t = this.t, prev = this.state.removed[q.id];
      let body;
      if (q.kind == 'date') {
        const u = q.suggested, inp = h('input', { id: 'di', 'data-testid': 'date-input', inputmode: 'numeric', autocomplete: 'off', placeholder: t('page.date_hint'),
          value: prev ?? '', 'aria-invalid': err ? 'true' : null, 'aria-describedby': err ? 'err' : null });
        const pick = dateInput({ id: 'dp', 'data-testid': 'date-picker', oninput: () => (inp.value = pick.value) });
        body = h('form', { class: 'date', onsubmit: (e) => { e.preventDefault(); this.answer(q.id, inp.value); } },
          // The cohort's usual date, where the notice states one: one tap answers with it.
          u && h('p', {}, h('button', { type: 'button', class: 'opt', 'data-testid': 'date-suggested', 'data-value': u.value,
            onclick: () => this.answer(q.id, u.value) }, u.label), ' ', this.clause(u.clause, u, u.clause_text)),
          // A destination that needs no graduation date (delayed graduation) is answered here instead.
          q.instead?.map((o) => h('p', {}, h('button', { type: 'button', class: 'opt', 'data-testid': 'option', 'data-field': o.field, 'data-value': o.value,
            onclick: () => this.answer(o.field, o.value) }, o.label))),
          h('label', { for: 'dp' }, t('page.date_pick')), pick,
          h('label', { for: 'di' }, t('page.date_type')), inp,
          err && this.errBox(err),
          h('button', { class: 'go', 'data-testid': 'date-submit' }, t('page.ok')));
      } else {
        body = [h('div', { class: 'opts', role: 'group', 'aria-labelledby': 'qh' }, q.options.map((o) =>
          h('button', { type: 'button', class: 'opt', 'data-testid': 'option', 'data-value': String(o.value), 'aria-pressed': o.value === prev ? 'true' : null,
            onclick: () => this.answer(q.id, o.value) }, o.label))), err && this.errBox(err)];
      }
      return h('section', { class: 'q', 'data-testid': 'question', 'data-question-id': q.id },
        h('p', { class: 'prog', 'data-testid': 'progress' }, t('page.progress', { n: r.answered.length + 1, m: q.remaining_at_most })),
        h(heading(1), { id: 'qh', tabindex: -1, 'data-testid': 'question-text' }, q.text),
        q.help && h('p', { class: 'help' }, q.help),
        q.compare && this.compare(q, heading),
        body);
    }

    // A clause id as a toggle that shows the notice's own words beneath it. General advice (core marks it, and
    // cites the tool's own statement of what it is) is one toggle named in words, "一般建议", not by that id.
    clause(id, r, own, advice) {
      if (!id) return null;
      const c = r.clause_texts?.find((x) => x.id == id) || own, name = advice ? this.t('ui.general_advice') : id;
      const b = h('button', { type: 'button', class: advice ? 'cl adv' : 'cl', 'data-testid': advice ? 'general-advice' : 'clause', 'data-clause': id,
        'aria-expanded': 'false', 'aria-label': advice ? c?.title || name : this.t('page.clause', { id }) }, name);
      b.onclick = () => {
        b.setAttribute('aria-expanded', !b.p);
        if (b.p) b.p = b.p.remove();
        else b.parentNode.append(b.p = h('div', { class: 'ct', 'data-testid': 'clause-text' }, h('strong', {}, c?.title || id), c && h('p', {}, c.text)));
      };
      return b;
    }

    summary(r, heading) {
      const t = this.t;
      return h('section', { class: 'sum', 'data-testid': 'summary' }, h(heading(2), {}, t('page.summary')),
        h('dl', {}, r.answered.map((x) => h('div', {}, h('dt', {}, x.question), h('dd', {}, x.label, ' ', x.implied ? h('small', {}, t('page.implied'))
          : h('button', { type: 'button', class: 'ln', 'data-testid': 'change', 'data-field': x.id, 'aria-label': t('page.change_q', { q: x.question }),
            onclick: () => this.change(x.id) }, t('page.change')))))));
    }

    // The core's message says what is wrong in words and names the question (or, in a policy file, its
    // place); the code and field stay out of sight, for tests and support only.
    errBox(e) {
      return h('div', { class: 'err', id: 'err', role: 'alert', 'data-testid': 'error', 'data-code': e.code, 'data-field': e.field || '' },
        h('p', {}, e.message));
    }
  }

  customElements.define('xueshe-check', XuesheCheck);
})();
