/* The outcome screen of <xueshe-check> and what a member takes away from it: the share link, the calendar file and
 * the written application (both from the take-away module); and a choice's options side by side, each with the
 * outcome it leads to in brief. Its methods join the element's class. xueshe-check.js fetches this file when the
 * browser is idle after the first screen, or when first needed (an outcome or a comparison to show, a share asked
 * for), so it is not in the first load; like the element it only renders what the core decides.
 * Loaded after xueshe-check.js (the offline file has both inline, in that order).
 */
(() => {
  const CheckElement = customElements.get('xueshe-check');
  const { h, takeaway, js, notify, today, at, fetched, sw } = CheckElement.kit;
  // The outcome screen's styles and its printed form (xueshe-outcome.css, written into this file when it is built):
  // adopted by an element's shadow root the first time it shows an outcome.
  const CSS = /*css:xueshe-outcome.css*/'';
  let sheet;
  const styled = (root) => {
    if (!('adoptedStyleSheets' in root)) return root.querySelector('style[data-outcome]') || root.append(h('style', { 'data-outcome': '' }, CSS));
    if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(CSS);
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  };
  const b64 = (s) => btoa(String.fromCharCode(...new TextEncoder().encode(s))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

  class Outcome {
    // The share link, with what it contains said before anything is copied; it is copied to the clipboard only when
    // the member presses the button, and never written into the address bar or the history. What it carries is the
    // core's (share): the answers on the path, the birth date as the age answer the outcome needs; the page lists them.
    // The take-away module works it out from what this element's module was given.
    async share(area) {
      const s = this.state, p = this.result.policy, t = this.t, takeawayModule = await this.tk(area);
      if (!takeawayModule) return;
      const c = JSON.parse(takeawayModule.share(this.text, this.bases, JSON.stringify(s.answers), s.asOf || today(), s.lang));
      if (c.error) return area.replaceChildren(this.errBox(c.error));
      const q = new URLSearchParams({ xs: 1, h: p.hash, p: p.id, l: s.lang });
      if (s.asOf) q.set('t', s.asOf);
      q.set('a', b64(JSON.stringify(c.answers)));
      const u = location.href.split('#')[0] + '#' + q;
      const items = [...c.contains.map((x) => t('page.share_item', x)), s.asOf && t('page.share_as_of', { date: s.asOf }), t('page.share_rest')]
        .filter(Boolean).join(t('page.share_separator'));
      const f = h('input', { id: 'sl', readonly: true, value: u, 'data-testid': 'share-link', onfocus: () => f.select() });
      const msg = h('p', { role: 'status' });
      const copy = h('button', { type: 'button', 'data-testid': 'share-copy', onclick: () =>
        (navigator.clipboard ? navigator.clipboard.writeText(u) : Promise.reject())
          .then(() => (msg.textContent = t('page.copied')), () => (msg.textContent = t('page.copy_failed'))) }, t('page.share_copy'));
      area.replaceChildren(h('p', { 'data-testid': 'share-contains' }, t('page.share_contains', { items })),
        ...c.notes.map((n) => h('p', { 'data-testid': 'share-note' }, n)),
        h('label', { for: 'sl' }, t('page.link')), f, copy, msg);
      f.focus();
    }

    // What the take-away module evaluates again for the outcome shown: the policy text and base files, the
    // answers and the as-of date (its calendar and application take these, then the language).
    member() {
      return [this.text, this.bases, JSON.stringify(this.state.answers), this.result.today];
    }

    // The outcome's calendar file, made by the take-away module from the outcome shown; saved as a download.
    async calendar(area) {
      const r = await this.tk(area), c = r && JSON.parse(r.calendar(...this.member(), this.state.lang));
      if (!c) return;
      if (c.error) return area.replaceChildren(this.errBox(c.error));
      const a = h('a', { href: URL.createObjectURL(new Blob([c.ics], { type: 'text/calendar;charset=utf-8' })), download: c.filename });
      a.click();
      area.replaceChildren(h('p', { role: 'status' }, this.t('page.calendar_saved', { file: c.filename })));
    }

    // A paper the core prepares for a step (the written application): its form, below the outcome.
    async paper(doc) {
      const f = 'xueshe' + doc[0].toUpperCase() + doc.slice(1), area = this.shadowRoot.querySelector('.share');
      const takeawayModule = await this.tk(area, 'xueshe-' + doc + '.js', window[f]);
      takeawayModule && window[f](area, takeawayModule, this.member(), this.state.lang);
    }

    // Registers sw.js (the app's page, once its first screen is usable and the browser is idle): it then precaches the
    // rest. Once per page; not for the offline file (everything inline), even where a site serves it.
    register() {
      const c = navigator.serviceWorker;
      if (sw.reg !== undefined || !c || !location.protocol.startsWith('http') || document.getElementById('xueshe-css')) return;
      sw.reg = null;
      let first = !c.controller;
      // On a first visit this page and its policy files came before the worker did: ask for them again, through it.
      // Later, a worker taking over that this page did not ask for is a new version: offer to reload.
      // Once it serves this page, the take-away module (the outcome's) is made ready from its cache, not the network.
      const warm = () => takeaway().catch(() => {});
      if (!first) warm();
      c.addEventListener('controllerchange', () => first && !sw.reloading ? (first = 0, warm(), [location.href.split('#')[0], ...fetched].forEach((u) => fetch(u).catch(() => {})))
        : !sw.reloading && notify('ready'));
      c.register(at('sw.js')).then((r) => {
        sw.reg = r;
        const waiting = () => r.waiting && c.controller && notify('ready');
        const watch = (w) => w?.addEventListener('statechange', () => w.state == 'installed' && waiting());
        waiting();
        watch(r.installing);
        r.addEventListener('updatefound', () => watch(r.installing));
        document.addEventListener('visibilitychange', () => document.visibilityState == 'visible' && r.update().catch(() => {}));
      }).catch(() => {});
    }

    // The whole result where the question module left the outcome (or the options side by side) to the take-away
    // module: worked out there from the same policy, answers, as-of date and language.
    complete() {
      const s = this.state;
      return takeaway().then((takeawayModule) => JSON.parse(takeawayModule.evaluate(this.text, this.bases, JSON.stringify(s.answers), s.asOf || today(), s.lang)));
    }

    // The take-away module (and the script a paper has of its own), or — they did not load, e.g. offline before
    // ever using them — a message saying so.
    async tk(area, f, ready) {
      try {
        const takeawayModule = await takeaway();
        if (f) await js(f, ready);
        return takeawayModule;
      } catch (e) {
        if (e == 'stale') return notify('needed');
        area.replaceChildren(h('p', { class: 'err', role: 'alert', 'data-testid': 'error', 'data-code': 'takeaway' }, this.t('page.takeaway_fail')));
      }
    }

    // Options side by side before choosing, each with the outcome it leads to in brief (core's question.compare):
    // where, until when, what happens next, and any conflict.
    compare(q, heading) {
      styled(this.shadowRoot);
      const t = this.t;
      return h('div', { class: 'cmp', 'data-testid': 'compare' }, q.compare.map((c, i) => {
        const cl = (id) => this.clause(id, c), label = q.options.find((o) => o.value == c.value)?.label;
        return h('section', { class: 'col', 'data-testid': 'compare-option', 'data-value': c.value, 'aria-labelledby': 'cmp' + i },
          h(heading(2), { id: 'cmp' + i }, label),
          h('dl', {},
            h('dt', {}, t('page.compare_where')), h('dd', { 'data-testid': 'compare-where' }, c.where, ' ', cl(c.clause)),
            h('dt', {}, t('page.compare_until')), h('dd', { 'data-testid': 'compare-until' }, c.until.length
              ? c.until.map((d) => h('p', {}, d.label, ' ', h('strong', {}, d.date), ' ', cl(d.clause))) : t('page.compare_no_date')),
            c.next.length > 0 && [h('dt', {}, t('page.compare_next')), h('dd', { 'data-testid': 'compare-next' }, c.next.map((x) =>
              h('p', {}, x.text, ' ', this.clause(x.clause, c, x.clause_text, x.general_advice))))],
            c.conflicts.length > 0 && [h('dt', {}, t('page.compare_conflict')), h('dd', { class: 'warns' }, c.conflicts.map((w) =>
              h('p', { 'data-testid': 'compare-conflict', 'data-code': w.code }, w.text, ' ', [...new Set(w.clauses)].map(cl))))]));
      }));
    }

    outcome(r, heading) {
      styled(this.shadowRoot);
      const t = this.t, rc = r.receiving || {}, cl = (id) => this.clause(id, r);
      const list = (key, tag, items, cls) => items?.length ? h('section', { class: cls }, h(heading(2), {}, t(key)), h(tag, {}, items)) : null;
      const left = (n) => n > 0 ? t('days_left.future', { n }) : n < 0 ? t('days_left.past', { n: -n }) : t('days_left.today');
      return h('section', { class: 'out', 'data-testid': 'outcome' },
        h(heading(1), { id: 'qh', tabindex: -1, 'data-testid': 'receiving-heading' }, rc.heading || t('ui.receiving')),
        h('div', { class: 'org' }, h('p', { 'data-testid': 'receiving-org' }, rc.org), cl(rc.clause)),
        r.fallbacks?.length > 0 && h('ul', { class: 'fb' }, r.fallbacks.map((f) => h('li', { 'data-testid': 'fallback', 'data-route': f.route },
          t('page.fallback', { when: f.when, org: f.org }), ' ', cl(f.clause)))),
        rc.started_by && h('dl', { class: 'by' }, h('dt', {}, t('ui.started_by')), h('dd', {}, rc.started_by)),
        list('ui.warnings', 'ul', r.warnings?.map((w) => h('li', { 'data-testid': 'warning', 'data-code': w.code },
          h('p', {}, w.text), [...new Set(w.clauses)].map(cl))), 'warns'),
        list('ui.deadlines', 'ul', r.deadlines?.map((d) => h('li', { class: 'dl', 'data-testid': 'deadline', 'data-kind': d.kind, 'data-state': d.state, 'data-date': d.date },
          h('p', { class: 'when' }, h('strong', {}, d.date), ' ', h('span', { class: 'st' }, t('state.' + d.state)), ' ', h('span', {}, left(d.days_left))),
          h('div', {}, h('strong', {}, d.label), d.what && ' · ' + d.what, ' ', cl(d.clause)),
          d.note && h('p', { class: 'whose', 'data-testid': 'deadline-note' }, d.note))), 'dls') || h('p', {}, t('ui.no_deadlines')),
        list('ui.steps', 'ol', r.steps?.map((x) => h('li', { 'data-testid': 'step', 'data-where': x.where },
          h('span', { class: 'b ' + x.where }, t('ui.where.' + x.where)), ' ', x.text, ' ', cl(x.clause),
          x.document && h('button', { type: 'button', class: 'cl doc', 'data-testid': x.document + '-open', onclick: () => this.paper(x.document) }, t('page.' + x.document)))), 'steps'),
        list('ui.alternatives', 'ul', r.alternative_options?.map((a) => h('li', { 'data-testid': 'alternative', 'data-route': a.route }, a.org, ' ', cl(a.clause)))),
        list('ui.if_stuck', 'ul', r.if_stuck?.map((x) => h('li', { 'data-testid': 'if-stuck', 'data-id': x.id },
          x.text, ' ', this.clause(x.clause, r, x.clause_text, x.general_advice))), 'stuck'),
        list('ui.notes', 'ul', r.notes?.map((x) => h('li', {}, x.text, ' ', cl(x.clause)))),
        list('ui.clauses', 'ul', r.clauses?.map((c) => h('li', {}, cl(c))), 'cls'));
    }
  }

  for (const k of Object.getOwnPropertyNames(Outcome.prototype)) if (k != 'constructor') CheckElement.prototype[k] = Outcome.prototype[k];
})();
