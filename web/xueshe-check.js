/* <xueshe-check>: the questionnaire as a custom element. It only renders what
 * the wasm core decides (questions, outcome, dates, errors, every text); it
 * holds the state (answers, as-of date, language) and nothing else.
 *
 * Attributes: policy="URL" (a school's policy file; default: the built-in one; the
 * base files of a layered policy are fetched beside it, <id>.json, as the core asks for them),
 * lang="zh-CN|en", app (this element is the whole page: it sets <html lang> and
 * the title, uses <h1>, links the offline file and registers sw.js).
 * element.ready: a Promise resolved once the first screen is rendered.
 *
 * Test hooks, data-testid inside the open shadow root:
 *  question [data-question-id], question-text, progress, option [data-value],
 *  date-input (typed YYYY-MM-DD: what is submitted), date-picker (native picker,
 *  fills date-input), date-submit, back, summary, change [data-field], restart,
 *  outcome, receiving-org, fallback [data-route], alternative [data-route], step [data-where],
 *  deadline [data-kind, data-state, data-date], warning [data-code],
 *  clause [data-clause, aria-expanded], clause-text, error [data-code, data-field],
 *  share, share-link, print, lang-switch, settings (<details>), as-of-input,
 *  policy-banner, policy-changed. Besides the core's error codes the page has three
 *  of its own: policy_fetch (field "policy"), bad_link (field "#xs"), wasm (no module).
 *  The option answered before (after Back/Change) has aria-pressed="true".
 * Share link: #xs=1&h=<policy hash>&p=<policy id>&l=<lang>[&t=<as-of>]&a=<base64url JSON answers>
 * (a fragment: never sent to a server; replayed through the core, which validates it).
 */
(() => {
  const base = document.currentScript?.src || location.href;
  const at = (p) => new URL(p, base).href;
  // One wasm module per language, loaded once per page and shared by every element.
  const WASM = { 'zh-CN': 'xueshe.wasm', en: 'xueshe-en.wasm' };
  const LANGS = Object.keys(WASM);
  const mods = {}, scripts = {};
  // Policy and base files this page has asked for (absolute URLs): asked for again through the service worker
  // once it takes over on a first visit, so that it keeps them for offline use (see connectedCallback).
  const fetched = new Set();
  // At most this many base files are fetched for one policy (the core itself refuses a longer chain).
  const MAX_BASES = 8;
  // A classic script of ours, added once (the offline file has the page's module inline already).
  const js = (f, ready) => (scripts[f] ||= ready ? Promise.resolve()
    : new Promise((ok, no) => document.head.append(h('script', { src: at(f), onload: ok, onerror: (e) => { delete scripts[f]; no(e); } }))));
  const load = (l) => (mods[l] ||= js('xueshe.js', typeof createXueshe == 'function')
    .then(() => createXueshe({ locateFile: (p) => at(p == 'xueshe.wasm' ? WASM[l] : p) })));
  // The take-away module (calendar file, written application): loaded only when asked for.
  const takeaway = () => (mods.tk ||= js('xueshe-takeaway.js', typeof createXuesheTakeaway == 'function').then(() => createXuesheTakeaway({ locateFile: at }))
    .catch((e) => { delete mods.tk; throw e; }));
  // Shown only when the module itself cannot load, so there is no catalog to take it from.
  const FAIL = '无法加载程序（需要支持 WebAssembly 的浏览器）。Could not load the program (a browser with WebAssembly is needed).';

  function h(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const k in attrs) {
      const v = attrs[k];
      if (v == null || v === false) continue;
      if (k.startsWith('on')) e[k] = v;
      else e.setAttribute(k, v === true ? '' : v);
    }
    e.append(...kids.flat(3).filter(Boolean));
    return e;
  }
  const today = () => {
    const d = new Date(), p = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  };
  const b64 = (s) => btoa(String.fromCharCode(...new TextEncoder().encode(s))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const unb64 = (s) => new TextDecoder('utf-8', { fatal: true })
    .decode(Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));
  const ours = () => new URLSearchParams(location.hash.slice(1)).has('xs') && location.hash;

  class XuesheCheck extends HTMLElement {
    static observedAttributes = ['lang', 'policy'];

    constructor() {
      super();
      this.ready = new Promise((r) => (this.done = r));
      const root = this.attachShadow({ mode: 'open' });
      const inline = document.getElementById('xueshe-css'); // the offline file's <template>
      const css = inline ? inline.content.cloneNode(true) : h('link', { rel: 'stylesheet', href: at('xueshe.css') });
      this.css = !inline && new Promise((r) => (css.onload = css.onerror = r));
      this.box = h('div', { class: 'w' }, h('slot'));
      root.append(css, this.box);
      this.engines = {};
    }

    t = (k, v) => (this.cat[k] ?? k).replace(/\{(\w+)\}/g, (m, x) => v?.[x] ?? m);

    connectedCallback() {
      if (this.s) return;
      const l = this.getAttribute('lang');
      this.s = { a: {}, t: '', l: l?.startsWith('en') ? 'en' : 'zh-CN', m: {} };
      this.app = this.hasAttribute('app');
      if (this.app) {
        const sw = navigator.serviceWorker;
        if (sw && location.protocol.startsWith('http')) {
          // On a first visit this page and its policy files came before the worker did: ask for them again, through it.
          if (!sw.controller) sw.addEventListener('controllerchange', () => [location.href.split('#')[0], ...fetched].forEach((u) => fetch(u).catch(() => {})), { once: true });
          sw.register(at('sw.js')).catch(() => {});
        }
        addEventListener('hashchange', () => ours() && (this.link(), this.use().then(() => this.go(null, 1))));
      }
      this.boot();
    }

    attributeChangedCallback(n, o, v) {
      if (!this.r || o == v) return;
      if (n == 'policy') this.boot();
      else if (v != this.s.l) this.setLang(v?.startsWith('en') ? 'en' : 'zh-CN');
    }

    // Loads the policy: its file, then — a layered policy — each base file the core says is missing,
    // fetched beside it (<id>.json) until the core has the whole chain or says what else is wrong.
    async boot() {
      const p = this.getAttribute('policy'), bases = {};
      this.text = '';
      this.bases = '';
      this.ferr = null;
      this.drop();
      this.link();
      try {
        if (p) this.text = await this.get(p);
        await this.use();
        for (let n = 0; n < MAX_BASES && this.E; n++) {
          const e = JSON.parse(this.E.error(this.s.l) || '{}').error;
          if (e?.code != 'policy_missing_base' || e.missing in bases) break;
          const text = await this.get(new URL(e.missing + '.json', new URL(p, document.baseURI)).href);
          if (text == null) break;
          bases[e.missing] = text;
          this.bases = JSON.stringify(bases);
          this.drop();
          await this.use();
        }
      } catch {
        this.box.replaceChildren(h('p', { class: 'err', role: 'alert', 'data-testid': 'error', 'data-code': 'wasm' }, FAIL));
        return this.done();
      }
      await this.css;
      this.go();
      this.done();
    }

    // A policy file's text, or null with this.ferr ({url, got}) set when it could not be fetched.
    async get(url) {
      fetched.add(new URL(url, document.baseURI).href);
      try {
        const r = await fetch(url);
        if (!r.ok) throw `${r.status} ${r.statusText}`;
        // "" means the built-in policy: give the core an empty file as a blank, which it rejects as empty.
        return (await r.text()) || ' ';
      } catch (e) {
        this.ferr = { url, got: String(e) };
        return null;
      }
    }

    drop() {
      for (const l in this.engines) this.engines[l].delete();
      this.engines = {};
    }

    // The module, catalog and engine for the current language (every language's engine gets the same bases).
    async use() {
      const l = this.s.l, k = WASM[l] ? l : LANGS[0], M = await load(k);
      this.cat = JSON.parse(M.catalog(l));
      this.E = this.ferr ? null : (this.engines[k] ||= new M.Engine(this.text, this.bases));
    }

    // Reads a share link from the fragment; the core validates what is in it.
    link() {
      const f = ours();
      if (!f) return;
      const q = new URLSearchParams(f.slice(1)), s = this.s;
      this.from = 1;
      this.bad = 0;
      s.m = {};
      try {
        s.a = JSON.parse(unb64(q.get('a')));
        s.t = q.get('t') || '';
        s.l = q.get('l') || s.l;
        this.old = q.has('h') && { id: q.get('p'), hash: q.get('h') };
      } catch { this.bad = 1; }
    }

    ev() {
      const s = this.s, t = this.t;
      if (this.ferr) return { error: { code: 'policy_fetch', field: 'policy', message: t('page.policy_fetch', this.ferr) }, head: 'page.policy_error' };
      const pe = this.E.error(s.l);
      if (pe) return { ...JSON.parse(pe), head: 'page.policy_error' };
      if (this.bad) return { error: { code: 'bad_link', field: '#xs', message: t('page.bad_link') }, head: 'page.link_error' };
      const r = JSON.parse(this.raw = this.E.evaluate(JSON.stringify(s.a), s.t || today(), s.l));
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
      if (r.answered) this.s.a = Object.fromEntries(r.answered.filter((x) => !x.implied).map((x) => [x.id, x.value]));
      this.r = r;
      this.show(r, err);
      const root = this.shadowRoot, f = err ? (err.field == 'today' ? 'asof' : 'di') : focus;
      if (f) (root.getElementById(f == 1 ? 'qh' : f) || root.getElementById('qh'))?.focus();
    }

    answer(id, v) {
      const s = this.s, a = s.a;
      a[id] = v;
      this.go(() => { delete a[id]; s.m[id] = v; }, 1);
    }

    asOf(v) {
      const s = this.s, o = s.t;
      s.t = v;
      this.go(() => (s.t = o), 'asof');
    }

    // Removes the answer to `id` and every answer given after it, then asks again.
    change(id) {
      const s = this.s, all = this.r.answered;
      for (const x of all.slice(all.findIndex((x) => x.id == id))) {
        s.m[x.id] = x.value;
        delete s.a[x.id];
      }
      this.go(null, 1);
    }

    restart() {
      const s = this.s;
      if (this.r.error) {
        s.t = '';
        if (!WASM[s.l]) s.l = LANGS[0];
      }
      s.a = {};
      s.m = {};
      this.from = this.bad = this.old = 0;
      if (ours()) history.replaceState(null, '', location.href.split('#')[0]);
      this.use().then(() => this.go(null, 1));
    }

    async setLang(l) {
      const s = this.s, o = s.l;
      s.l = l;
      try { await this.use(); } catch { s.l = o; return; }
      this.go(null, 'ls');
    }

    share(area) {
      const s = this.s, p = this.r.policy;
      const q = new URLSearchParams({ xs: 1, h: p.hash, p: p.id, l: s.l });
      if (s.t) q.set('t', s.t);
      q.set('a', b64(JSON.stringify(s.a)));
      const u = location.href.split('#')[0] + '#' + q;
      try { history.replaceState(null, '', u); } catch {}
      const f = h('input', { id: 'sl', readonly: true, value: u, 'data-testid': 'share-link', onfocus: () => f.select() });
      const msg = h('p', { role: 'status' });
      area.replaceChildren(h('label', { for: 'sl' }, this.t('page.link')), f, msg);
      f.focus();
      (navigator.clipboard ? navigator.clipboard.writeText(u) : Promise.reject())
        .then(() => (msg.textContent = this.t('page.copied')), () => (msg.textContent = this.t('page.copy_failed')));
    }

    show(r, err) {
      const s = this.s, t = this.t, p = r.policy, lv = this.app ? 1 : 2, H = (n) => 'h' + (lv + n);
      const L = WASM[s.l] ? s.l : LANGS[0];
      if (WASM[s.l]) this.setAttribute('lang', L);
      if (this.app) {
        document.documentElement.lang = L;
        document.title = t('ui.title');
      }
      const other = LANGS[(LANGS.indexOf(L) + 1) % LANGS.length];
      const tErr = err?.field == 'today' && err;
      const settings = h('details', { 'data-testid': 'settings', open: s.open || !!tErr },
        h('summary', {}, t('page.settings')),
        h('label', { for: 'asof' }, t('page.as_of')),
        h('input', { type: 'date', id: 'asof', 'data-testid': 'as-of-input', value: s.t, onchange: (e) => this.asOf(e.target.value) }),
        s.t && h('button', { type: 'button', onclick: () => this.asOf('') }, t('page.as_of_clear')),
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
          h(H(0), {}, t('ui.title')),
          h('button', { type: 'button', id: 'ls', lang: other, 'data-testid': 'lang-switch', onclick: () => this.setLang(other) }, t('page.lang_other')),
          settings,
          !r.answered?.length && h('p', { class: 'intro' }, t('page.intro'))),
        r.error ? h('section', { class: 'fail' }, h(H(1), { id: 'qh', tabindex: -1 }, t(r.head || 'page.error')), this.errBox(r.error))
          : r.question ? this.question(r, H, !tErr && err) : this.outcome(r, H),
        h('div', { class: 'acts' },
          any && h('button', { type: 'button', 'data-testid': 'back', onclick: () => this.back() }, t('page.back')),
          r.status == 'outcome' && h('button', { type: 'button', 'data-testid': 'print', onclick: () => print() }, t('page.print')),
          r.deadlines?.length && h('button', { type: 'button', 'data-testid': 'calendar', onclick: () => this.calendar(area) }, t('page.calendar')),
          any && !r.error && h('button', { type: 'button', 'data-testid': 'share', onclick: () => this.share(area) }, t('page.share')),
          (any || this.from) && h('button', { type: 'button', 'data-testid': 'restart', onclick: () => this.restart() }, t('page.restart'))),
        area,
        r.answered?.length && this.summary(r, H),
        p && h('footer', {},
          h('p', {}, t('page.footer', { title: p.title, id: p.id, hash: p.hash, date: p.last_verified, today: r.today })),
          this.app && location.protocol.startsWith('http') && h('p', {}, h('a', { href: at('xueshe-offline.html'), download: '' }, t('page.offline')),
            ' · ', h('a', { href: at('staff.html'), 'data-testid': 'staff-link' }, t('page.staff'))))].flat().filter(Boolean));
    }

    // The outcome's calendar file, made by the take-away module from the very result shown; saved as a download.
    async calendar(area) {
      const r = await this.tk(area), c = r && JSON.parse(r.calendar(this.raw, this.s.l));
      if (!c) return;
      if (c.error) return area.replaceChildren(this.errBox(c.error));
      const a = h('a', { href: URL.createObjectURL(new Blob([c.ics], { type: 'text/calendar;charset=utf-8' })), download: c.filename });
      a.click();
      area.replaceChildren(h('p', { role: 'status' }, this.t('page.calendar_saved', { file: c.filename })));
    }

    // A paper the core prepares for a step (the written application): its form, below the outcome.
    async paper(doc) {
      const f = 'xueshe' + doc[0].toUpperCase() + doc.slice(1), area = this.shadowRoot.querySelector('.share');
      const M = await this.tk(area, 'xueshe-' + doc + '.js', window[f]);
      M && window[f](area, M, this.raw, this.s.l);
    }

    // The take-away module (and the script a paper has of its own), or — they did not load, e.g. offline before
    // ever using them — a message saying so.
    async tk(area, f, ready) {
      try {
        const M = await takeaway();
        if (f) await js(f, ready);
        return M;
      } catch { area.replaceChildren(h('p', { class: 'err', role: 'alert', 'data-testid': 'error', 'data-code': 'takeaway' }, this.t('page.takeaway_fail'))); }
    }

    back() {
      const all = this.r.answered.filter((x) => !x.implied);
      this.change(all[all.length - 1].id);
    }

    question(r, H, err) {
      const q = r.question, t = this.t, prev = this.s.m[q.id];
      let body;
      if (q.kind == 'date') {
        const inp = h('input', { id: 'di', 'data-testid': 'date-input', inputmode: 'numeric', autocomplete: 'off', placeholder: t('page.date_hint'),
          value: prev ?? '', 'aria-invalid': err ? 'true' : null, 'aria-describedby': err ? 'err' : null });
        const pick = h('input', { type: 'date', id: 'dp', 'data-testid': 'date-picker', oninput: () => (inp.value = pick.value) });
        body = h('form', { class: 'date', onsubmit: (e) => { e.preventDefault(); this.answer(q.id, inp.value); } },
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
        h(H(1), { id: 'qh', tabindex: -1, 'data-testid': 'question-text' }, q.text),
        q.help && h('p', { class: 'help' }, q.help),
        body);
    }

    outcome(r, H) {
      const t = this.t, rc = r.receiving || {}, cl = (id) => this.clause(id, r);
      const list = (key, tag, items, cls) => items?.length ? h('section', { class: cls }, h(H(2), {}, t(key)), h(tag, {}, items)) : null;
      const left = (n) => n > 0 ? t('days_left.future', { n }) : n < 0 ? t('days_left.past', { n: -n }) : t('days_left.today');
      return h('section', { class: 'out', 'data-testid': 'outcome' },
        h(H(1), { id: 'qh', tabindex: -1 }, t('ui.receiving')),
        h('div', { class: 'org' }, h('p', { 'data-testid': 'receiving-org' }, rc.org), cl(rc.clause)),
        r.fallbacks?.length && h('ul', { class: 'fb' }, r.fallbacks.map((f) => h('li', { 'data-testid': 'fallback', 'data-route': f.route },
          t('page.fallback', { when: f.when, org: f.org }), ' ', cl(f.clause)))),
        rc.started_by && h('dl', { class: 'by' }, h('dt', {}, t('ui.started_by')), h('dd', {}, rc.started_by)),
        list('ui.warnings', 'ul', r.warnings?.map((w) => h('li', { 'data-testid': 'warning', 'data-code': w.code },
          h('p', {}, w.text), [...new Set(w.clauses)].map(cl))), 'warns'),
        list('ui.deadlines', 'ul', r.deadlines?.map((d) => h('li', { class: 'dl', 'data-testid': 'deadline', 'data-kind': d.kind, 'data-state': d.state, 'data-date': d.date },
          h('p', { class: 'when' }, h('strong', {}, d.date), ' ', h('span', { class: 'st' }, t('state.' + d.state)), ' ', h('span', {}, left(d.days_left))),
          h('div', {}, h('strong', {}, d.label), d.what && ' · ' + d.what, ' ', cl(d.clause)))), 'dls') || h('p', {}, t('ui.no_deadlines')),
        list('ui.steps', 'ol', r.steps?.map((x) => h('li', { 'data-testid': 'step', 'data-where': x.where },
          h('span', { class: 'b ' + x.where }, t('ui.where.' + x.where)), ' ', x.text, ' ', cl(x.clause),
          x.document && h('button', { type: 'button', class: 'cl doc', 'data-testid': x.document + '-open', onclick: () => this.paper(x.document) }, t('page.' + x.document)))), 'steps'),
        list('ui.alternatives', 'ul', r.alternative_options?.map((a) => h('li', { 'data-testid': 'alternative', 'data-route': a.route }, a.org, ' ', cl(a.clause)))),
        list('ui.if_stuck', 'ul', r.if_stuck?.map((x) => h('li', { 'data-testid': 'if-stuck', 'data-id': x.id },
          x.text, ' ', x.general_advice && h('span', { class: 'adv', 'data-testid': 'general-advice' }, t('ui.general_advice')), ' ',
          this.clause(x.clause, r, x.clause_text))), 'stuck'),
        list('ui.notes', 'ul', r.notes?.map((x) => h('li', {}, x.text, ' ', cl(x.clause)))),
        list('ui.clauses', 'ul', r.clauses?.map((c) => h('li', {}, cl(c))), 'cls'));
    }

    // A clause id as a toggle that shows the notice's own words beneath it.
    clause(id, r, own) {
      if (!id) return null;
      const c = r.clause_texts?.find((x) => x.id == id) || own;
      const b = h('button', { type: 'button', class: 'cl', 'data-testid': 'clause', 'data-clause': id, 'aria-expanded': 'false', 'aria-label': this.t('page.clause', { id }) }, id);
      b.onclick = () => {
        b.setAttribute('aria-expanded', !b.p);
        if (b.p) b.p = b.p.remove();
        else b.parentNode.append(b.p = h('div', { class: 'ct', 'data-testid': 'clause-text' }, h('strong', {}, c?.title || id), c && h('p', {}, c.text)));
      };
      return b;
    }

    summary(r, H) {
      const t = this.t;
      return h('section', { class: 'sum', 'data-testid': 'summary' }, h(H(2), {}, t('page.summary')),
        h('dl', {}, r.answered.map((x) => h('div', {}, h('dt', {}, x.question), h('dd', {}, x.label, ' ', x.implied ? h('small', {}, t('page.implied'))
          : h('button', { type: 'button', class: 'ln', 'data-testid': 'change', 'data-field': x.id, 'aria-label': t('page.change_q', { q: x.question }),
            onclick: () => this.change(x.id) }, t('page.change')))))));
    }

    errBox(e) {
      const t = this.t;
      return h('div', { class: 'err', id: 'err', role: 'alert', 'data-testid': 'error', 'data-code': e.code, 'data-field': e.field || '' },
        h('p', {}, e.message),
        h('p', { class: 'code' }, t('page.code'), ' ', h('code', {}, e.code), e.field && [' · ', t('page.field'), ' ', h('code', {}, e.field)]));
    }
  }

  customElements.define('xueshe-check', XuesheCheck);
})();
