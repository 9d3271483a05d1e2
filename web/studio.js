/* The policy studio: the staff page's third tab, 通知 → 政策. A league office
 * turns this year's notice into a policy file: a starting point (base), the
 * notice pasted or opened, its split checked and corrected, a form with one
 * section per part of the policy format, checked live, previewed, exported.
 * Core (xueshe-staff.wasm) splits the notice, proposes its values, corrects the
 * split, builds and checks the policy file and names errors by form field; this
 * file only renders and keeps the work in progress on this device
 * (localStorage). Every text from the notice is put on the page as text.
 *
 * staff.js mounts it: XuesheStudio.show(panel, {staffModule, t, lang, h, put, today}).
 * Test hooks (data-testid): studio-base, studio-base-file, studio-notice,
 * studio-notice-file, studio-split, studio-error [data-code], studio-notes,
 * studio-clauses [data-count], clause-row [data-id], clause-id, clause-text,
 * clause-merge, clause-split, clause-split-id, clause-remove, studio-form,
 * controls by data-path (the policy's JSON path), candidates [data-path],
 * add [data-list], remove-item [data-item], route-add-id, route-add, route-override,
 * base-says / removed [data-path] with remove-base / restore-base [data-path]
 * (a base's value removed: null, a route's steps: []), confirm-removed, studio-check
 * [data-state: ok|error|none], studio-field-error [data-path], unverified
 * [data-count], confirm [data-path], preview-questions [data-count],
 * preview-table [data-count], preview-diff [data-count], export-policy,
 * export-draft, open-draft, studio-clear, studio-saved; studio-offers [data-count] with
 * offer [data-path], accept-offer, accept-offers (core's offers: values the notice's
 * words or the base give, taken unverified), step-from [data-route] (a route's step
 * from a named rule or a base layer).
 */
(() => {
  const KEY = 'xueshe-studio-v1';
  const BUILTIN_BASES = ['cn-league', 'hxci-2022'];
  const DESTINATIONS = {
    employed: ['with_org', 'without_org', 'youth_home', 'classified'],
    further_study: ['route', 'mode'],
    military: ['route'],
    unsettled: ['community', 'retain', 'retention'],
    study_abroad: ['route'],
    work_abroad: ['mode', 'official', 'private', 'office', 'no_office', 'route'],
    delayed_graduation: ['route'],
  };
  const CHOICES = {
    region: ['other', 'beijing', 'guangdong', 'fujian'],
    unit: ['days', 'months', 'years'],
    'further_study.mode': ['new_school_creates', 'member_transfers'],
    'work_abroad.mode': ['official_private', 'office_in_china', 'one'],
    retention: ['allowed', 'exceptional'],
    kind: ['apply_by', 'complete_by', 'all_complete_by', 'review_window', 'form_by'],
    route_deadline_kind: ['new_org_created_by', 'retention_ends', 'before_departure', 'transfer_by', 'retained_until'],
    from: ['graduation_date', 'enrollment_date', 'departure_date'],
    where: ['system', 'offline', 'info'],
    bases: ['residence', 'usual_residence', 'actual_residence', 'hukou', 'origin', 'parents_residence'],
  };
  const CASES = ['employed', 'self_employed', 'civil_servant', 'classified', 'postgraduate', 'further_study_other', 'military',
    'unsettled_community', 'unsettled_retain', 'study_abroad', 'work_abroad_official', 'work_abroad_private', 'delayed_graduation'];
  const PERIODS = ['retention', 'new_org', 'transfer_window'];
  const RULES = ['edit_until_accepted', 'second_transfer', 'classified_as_military', 'higher_notice_prevails', 'youth_home_alternative'];

  let staffModule, t, lang, root, h, put, today;  // from staff.js: module, catalog lookup, language, DOM helpers, the local date
  // The work: the base chosen, base files opened ({name, text}), the notice's text, the split's candidate values and
  // notes, the studio file (core's format), the last build, the last split error.
  let work = { base: 'cn-league', files: [], notice: '', values: [], notes: [], draft: null };
  let lastBuild = null, offered = { offers: [], steps: {} }, splitError = null, timer = 0, previewTimer = 0, storeNote = '';
  const PREVIEW_PAUSE = 600;  // ms without an edit before the preview is worked out
  const el = {};

  const idOf = (path) => 'sf-' + path.replace(/[^A-Za-z0-9_-]/g, (c) => '_' + c.charCodeAt(0).toString(16));

  // ---- paths into the studio file's policy ----
  const segs = (path) => path.match(/[^.[\]]+|\[\d+\]/g).map((s) => (s[0] == '[' ? Number(s.slice(1, -1)) : s));
  function get(path) {
    let o = work.draft?.policy;
    for (const s of segs(path)) { if (o == null) return undefined; o = o[s]; }
    return o;
  }
  function set(path, v) {
    const ss = segs(path);
    let o = work.draft.policy;
    ss.slice(0, -1).forEach((s, i) => { if (o[s] == null || typeof o[s] != 'object') o[s] = typeof ss[i + 1] == 'number' ? [] : {}; o = o[s]; });
    const last = ss[ss.length - 1];
    if (v === '' || v == null) { if (Array.isArray(o)) o[last] = ''; else delete o[last]; } else o[last] = v;
  }
  // A null the author chose: the base's value at `path` removed (the notice does not say it), unverified until confirmed.
  function setRemoved(path) {
    const ss = segs(path);
    let o = work.draft.policy;
    ss.slice(0, -1).forEach((s) => { if (o[s] == null || typeof o[s] != 'object') o[s] = {}; o = o[s]; });
    o[ss[ss.length - 1]] = null;
  }
  function unverify(path, on) {
    const u = work.draft.unverified;
    const i = u.indexOf(path);
    if (on && i < 0) u.push(path);
    if (!on && i >= 0) u.splice(i, 1);
  }

  // Item `at` of the list at `path` removed: what is still to be checked in the items after it moves up with them,
  // and what was to be checked in the removed item goes with it (it would otherwise stay on the item that took its
  // place, and a value checked there be asked again while the one after it went unasked).
  function removedItem(path, at) {
    const prefix = path + '[';
    work.draft.unverified = work.draft.unverified.flatMap((p) => {
      const m = p.startsWith(prefix) && /^(\d+)\]/.exec(p.slice(prefix.length));
      if (!m || Number(m[1]) < at) return [p];
      return Number(m[1]) == at ? [] : [`${prefix}${Number(m[1]) - 1}]${p.slice(prefix.length + m[0].length)}`];
    });
  }

  // ---- keeping the work on this device ----
  function store() {
    try {
      localStorage.setItem(KEY, JSON.stringify(work));
      storeNote = '';
    } catch (e) {
      storeNote = String(e && e.name || e);
    }
  }
  function restore() {
    try {
      const w = JSON.parse(localStorage.getItem(KEY) || 'null');
      if (w && typeof w == 'object' && Array.isArray(w.files)) work = { ...work, ...w };
    } catch {}
  }

  // ---- core calls ----
  const basesJson = () => (work.files.length ? JSON.stringify(Object.fromEntries(work.files.map((f) => [f.name.replace(/\.json$/i, ''), f.text]))) : '');
  const baseText = () => (BUILTIN_BASES.includes(work.base) ? staffModule.builtinPolicy(work.base) : work.files.find((f) => f.name.replace(/\.json$/i, '') == work.base)?.text ?? '');

  function doSplit(input) {
    const r = JSON.parse(staffModule.splitNotice(input, lang));
    if (r.error) { splitError = r.error; showNotice(); return; }
    splitError = null;
    const d = JSON.parse(staffModule.studioStart(work.base, JSON.stringify(r), today(), basesJson(), lang));
    if (d.error) { splitError = d.error; showNotice(); return; }
    // A second split keeps what the form holds; only the clauses are new.
    if (work.draft) { work.draft.clauses = d.clauses; work.draft.base = work.base; } else work.draft = d;
    work.values = r.values;
    work.notes = r.notes;
    store();
    render();
    el.split.querySelector('h2')?.focus();
  }

  function editClauses(op, focusId) {
    const r = JSON.parse(staffModule.studioEditClauses(JSON.stringify(work.draft.clauses), JSON.stringify(op), lang));
    if (r.error) { el.splitMsg = r.error; showSplit(); return; }
    el.splitMsg = null;
    work.draft.clauses = r.clauses;
    // The notice's candidate values, and the form's citations, follow their clause to its new id, as core says.
    if (r.renamed) {
      for (const v of work.values) if (v.clause == r.renamed.from) v.clause = r.renamed.to;
      followClause(work.draft.policy, r.renamed.from, r.renamed.to, false);
    }
    store();
    showSplit();
    showForm();
    build();
    if (focusId) document.getElementById(focusId)?.focus();
  }

  // Replaces citations of clause `from` by `to`: every `clause` and `no_residence_org`, and the named rules' clauses.
  function followClause(o, from, to, rules) {
    for (const [k, v] of Object.entries(o || {})) {
      if (typeof v == 'string') { if (v == from && (rules || k == 'clause' || k == 'no_residence_org')) o[k] = to; }
      else if (v && typeof v == 'object') followClause(v, from, to, o === work.draft.policy && k == 'rules');
    }
  }

  function build() {
    if (!work.draft) { lastBuild = null; offered = { offers: [], steps: {} }; showOffers(); showCheck(); return; }
    work.draft.base = work.base;
    lastBuild = JSON.parse(staffModule.studioBuild(JSON.stringify(work.draft), basesJson(), lang));
    store();
    offersNow();
    showOffers();
    showCheck();
  }
  // What core offers for the form's empty fields now (the notice's words, the base chain).
  function offersNow() {
    const r = work.draft ? JSON.parse(staffModule.studioOffers(JSON.stringify(work.draft), JSON.stringify(work.values || []), basesJson(), lang)) : null;
    offered = r && Array.isArray(r.offers) ? r : { offers: [], steps: {} };
    return offered;
  }
  const later = () => { clearTimeout(timer); timer = setTimeout(build, 120); root.dataset.state = 'busy'; };

  // ---- the page ----
  function show(panel, ctx) {
    ({ staffModule, t, lang, h, put, today } = ctx);
    if (!root) restore();
    root = panel;
    root.dataset.testid = 'studio';
    render();
  }

  function render() {
    for (const k of ['base', 'notice', 'split', 'offers', 'form', 'check', 'out']) el[k] = h('section', { class: 'box studio-step', 'aria-labelledby': 'st-' + k });
    put(root, h('p', { class: 'intro' }, t('studio.intro')), el.base, el.notice, el.split, el.offers, el.form, el.check, el.out);
    showBase();
    showNotice();
    showSplit();
    showForm();
    build();
    showOut();
  }

  function fieldBox(id, label, control, hint) {
    return h('div', { class: 'f' }, h('label', { for: id }, label), control, hint && h('p', { class: 'hint', id: id + '-hint' }, hint));
  }

  function showBase() {
    const opts = [...BUILTIN_BASES.map((b) => [b, t('studio.base.' + b)]),
      ...work.files.map((f) => [f.name.replace(/\.json$/i, ''), t('studio.base.file', { file: f.name })])];
    put(el.base, h('h2', { id: 'st-base', tabindex: '-1' }, t('studio.step.base')),
      h('div', { class: 'grid' },
        fieldBox('studio-base', t('studio.base'), h('select', { id: 'studio-base', 'data-testid': 'studio-base', 'aria-describedby': 'studio-base-hint',
          onchange: (e) => { work.base = e.target.value; build(); } }, opts.map(([v, l]) => h('option', { value: v, selected: v == work.base }, l))), t('studio.base_hint')),
        fieldBox('studio-base-file', t('studio.base_file'), h('input', { type: 'file', id: 'studio-base-file', multiple: true, accept: '.json,application/json',
          'data-testid': 'studio-base-file', onchange: async (e) => {
            const files = [...e.target.files];
            if (!files.length) return;
            work.files = await Promise.all(files.map(async (f) => ({ name: f.name, text: (await f.text().catch(() => '')) || ' ' })));
            work.base = work.files[0].name.replace(/\.json$/i, '');
            store();
            showBase();
            build();
            document.getElementById('studio-base').focus();
          } }))));
  }

  function errBox(e, testid = 'studio-error') {
    return h('div', { class: 'err', role: 'alert', 'data-testid': testid, 'data-code': e.code, 'data-path': e.path || null },
      h('p', {}, e.message), e.field && h('p', { class: 'code' }, t('staffpage.field'), ' ', e.field));
  }

  function showNotice() {
    const area = h('textarea', { id: 'studio-notice', rows: 8, 'data-testid': 'studio-notice', 'aria-describedby': 'studio-notice-hint', spellcheck: 'false',
      oninput: (e) => { work.notice = e.target.value; } });
    area.value = work.notice;
    put(el.notice, h('h2', { id: 'st-notice', tabindex: '-1' }, t('studio.step.notice')),
      fieldBox('studio-notice', t('studio.notice_text'), area, t('studio.notice_hint')),
      h('div', { class: 'grid' },
        fieldBox('studio-notice-file', t('studio.notice_file'), h('input', { type: 'file', id: 'studio-notice-file', accept: '.txt,text/plain', 'data-testid': 'studio-notice-file',
          onchange: async (e) => {
            const f = e.target.files[0];
            if (!f) return;
            // The file's bytes go to core as they are: core checks the UTF-8 and the size and names the line.
            let bytes;
            try { bytes = new Uint8Array(await f.slice(0, 1024 * 1024 + 1).arrayBuffer()); } catch (err) {
              splitError = { code: 'file', message: t('studio.file_error', { got: `${f.name}: ${err}` }) };
              return showNotice();
            }
            try { work.notice = new TextDecoder('utf-8', { fatal: true }).decode(bytes); } catch { work.notice = ''; }
            doSplit(bytes);
          } }))),
      h('p', { class: 'acts' }, h('button', { type: 'button', class: 'go', 'data-testid': 'studio-split', onclick: () => doSplit(work.notice) }, t('studio.split'))),
      splitError && errBox(splitError));
  }

  function showSplit() {
    const d = work.draft;
    if (!d) return put(el.split, h('h2', { id: 'st-split', tabindex: '-1' }, t('studio.step.split')), h('p', { class: 'empty' }, t('studio.preview.none')));
    const rows = d.clauses.map((c, i) => {
      const cid = 'cl-' + i;
      const text = h('textarea', { id: cid + '-text', rows: Math.min(6, 1 + Math.ceil(c.text.length / 60)), readonly: true, 'data-testid': 'clause-text',
        'aria-label': t('studio.col.text') + ' ' + c.id });
      text.value = c.text || c.title;
      return h('tr', { 'data-testid': 'clause-row', 'data-id': c.id },
        h('td', {}, h('input', { type: 'text', id: cid, value: c.id, size: 6, 'data-testid': 'clause-id', 'aria-label': t('studio.col.id') + ' ' + (i + 1),
          onchange: (e) => editClauses({ op: 'renumber', at: i, id: e.target.value }, cid) })),
        h('td', {}, c.title && c.text ? h('p', { class: 'ct' }, c.title) : null, text),
        h('td', { class: 'fix' },
          h('button', { type: 'button', 'data-testid': 'clause-merge', disabled: i + 1 >= d.clauses.length, onclick: () => editClauses({ op: 'merge', at: i }, cid) }, t('studio.merge')),
          h('input', { type: 'text', id: cid + '-new', size: 6, 'data-testid': 'clause-split-id', 'aria-label': t('studio.new_id') + ' ' + c.id, placeholder: t('studio.new_id') }),
          h('button', { type: 'button', 'data-testid': 'clause-split', onclick: () => {
            // The cursor's place in characters (code points), as core counts them.
            const at = [...text.value.slice(0, text.selectionStart)].length;
            editClauses({ op: 'split', at: i, chars: at, id: document.getElementById(cid + '-new').value }, cid);
          } }, t('studio.split_here')),
          h('button', { type: 'button', 'data-testid': 'clause-remove', onclick: () => editClauses({ op: 'remove', at: i }, i ? 'cl-' + (i - 1) : null) }, t('studio.remove'))));
    });
    put(el.split, h('h2', { id: 'st-split', tabindex: '-1' }, t('studio.step.split')),
      work.notes.length > 0 && h('div', { class: 'banner', 'data-testid': 'studio-notes' }, h('p', {}, t('studio.notes')), h('ul', {}, work.notes.map((n) => h('li', {}, n.message)))),
      el.splitMsg && errBox(el.splitMsg, 'studio-split-error'),
      h('p', { class: 'hint' }, t('studio.split_hint')),
      h('div', { class: 'scroll clauses', tabindex: '0', role: 'region', 'aria-labelledby': 'cl-cap' },
        h('table', { class: 'data', 'data-testid': 'studio-clauses', 'data-count': d.clauses.length },
          h('caption', { id: 'cl-cap' }, t('studio.clauses', { n: d.clauses.length })),
          h('thead', {}, h('tr', {}, [t('studio.col.id'), t('studio.col.text'), t('studio.col.fix')].map((x) => h('th', { scope: 'col' }, x)))),
          h('tbody', {}, rows))));
  }

  // ---- offers: what the notice's words and the base give, taken in one action each or all at once ----

  // Takes an offer into the form: its values set, the ones core names unverified until confirmed.
  function take(o) {
    if (o.add) {
      const items = get(o.add) || [];
      const p = `${o.add}[${items.length}]`;
      set(o.add, [...items, structuredClone(o.item)]);
      for (const k of o.unverified) unverify(`${p}.${k}`, true);
    } else {
      for (const x of o.set) set(x.path, structuredClone(x.value));
      for (const q of o.unverified) unverify(q, true);
    }
  }
  const offerValue = (o) => (o.add ? `${t('deadline.' + o.item.kind)}：${o.item.date}` : o.set.map((x) => shortJson(x.value)).join('；'));
  function showOffers() {
    if (!el.offers) return;
    const head = h('h2', { id: 'st-offers', tabindex: '-1' }, t('studio.step.offers'));
    if (!work.draft) return put(el.offers, head, h('p', { class: 'empty' }, t('studio.preview.none')));
    const list = offered.offers;
    const after = () => { showForm(); later(); document.getElementById('st-offers')?.focus(); };
    put(el.offers, head, h('p', { class: 'hint' }, t('studio.offers_hint')),
      h('div', { 'data-testid': 'studio-offers', 'data-count': list.length },
        list.length ? [
          h('p', { class: 'acts' }, h('button', { type: 'button', class: 'go', 'data-testid': 'accept-offers', onclick: () => { for (const o of list) take(o); after(); } },
            t('studio.accept_offers', { n: list.length }))),
          h('ul', { class: 'offers' }, list.map((o, i) => h('li', { 'data-testid': 'offer', 'data-path': o.path, 'data-part': o.part },
            h('strong', {}, o.field), '：', h('code', {}, offerValue(o)), ' · ',
            t(o.from == 'notice' ? 'studio.offer_notice' : 'studio.offer_base', { clause: o.clause, layer: o.from }), ' ',
            h('q', { class: 'ctext' }, o.words || clauseText(o.clause).slice(0, 120)), ' ',
            h('button', { type: 'button', 'data-testid': 'accept-offer', 'data-path': o.path, 'aria-label': `${t('studio.accept_offer')} ${o.field} ${i + 1}`,
              onclick: () => { take(o); after(); } }, t('studio.accept_offer')))))]
          : h('p', {}, t('studio.offers_none'))));
  }

  // A route's step taken from a rule the notice names or from a layer of the base (core's list), unverified.
  function stepFrom(r) {
    const list = offered.steps[r] || [];
    if (!list.length) return null;
    const id = idOf(`routes.${r}`) + '-stepfrom';
    return h('div', { class: 'f cand' }, h('label', { for: id }, t('studio.step_from')),
      h('select', { id, 'data-testid': 'step-from', 'data-route': r, onchange: (e) => {
        const c = list.find((x) => x.key == e.target.value);
        if (!c) return;
        const p = `routes.${r}.steps`, items = get(p) || [];
        set(p, [...items, structuredClone(c.step)]);
        unverify(`${p}[${items.length}]`, true);
        showForm(id);
        later();
      } }, h('option', { value: '' }, t('studio.step_from')),
        list.map((c) => h('option', { value: c.key }, `${c.step.id}：${String(c.step.text || '').slice(0, 50)}（${c.from}）`))));
  }

  // ---- the form ----

  const clauseText = (id) => { const c = work.draft.clauses.find((x) => x.id == id); return c ? (c.text || c.title) : ''; };
  const keyWord = (k) => t('studio.key.' + k);

  // One control bound to a path of the policy. kind: text, number, date, select (opts: [[value, label]]), check, clause.
  function control(path, kind, label, opts) {
    const id = idOf(path), v = get(path);
    const common = { id, 'data-path': path, 'aria-describedby': id + '-err' };
    const changed = (val) => { set(path, val); unverify(path, false); later(); };
    let c;
    if (kind == 'check') {
      c = h('input', { ...common, type: 'checkbox', checked: v === true, onchange: (e) => changed(e.target.checked ? true : '') });
      return h('div', { class: 'chk' }, c, h('label', { for: id }, label), h('p', { class: 'ferr', id: id + '-err', 'data-testid': 'studio-field-error', 'data-path': path, hidden: true }));
    }
    if (kind == 'select' || kind == 'clause') {
      const choices = kind == 'clause' ? work.draft.clauses.map((x) => [x.id, x.title ? `${x.id} ${x.title}` : x.id]) : opts;
      const withBlank = [['', kind == 'clause' ? t('studio.clause_none') : t('studio.none')], ...choices];
      const side = kind == 'clause' && h('p', { class: 'ctext', 'data-testid': 'clause-beside' }, clauseText(v));
      c = h('select', { ...common, onchange: (e) => {
        const val = e.target.value;
        changed(kind == 'select' && (val == 'true' || val == 'false') ? val == 'true' : val);
        if (side) side.textContent = clauseText(val);
      } }, withBlank.map(([o, l]) => h('option', { value: o, selected: String(v ?? '') == String(o) }, l)));
      return h('div', { class: 'f' + (kind == 'clause' ? ' cl' : '') }, h('label', { for: id }, label), c, side,
        h('p', { class: 'ferr', id: id + '-err', 'data-testid': 'studio-field-error', 'data-path': path, hidden: true }));
    }
    const type = kind == 'number' ? 'number' : kind == 'date' ? 'date' : 'text';
    c = h('input', { ...common, type, value: v ?? '', list: opts?.list || null, autocomplete: 'off',
      oninput: (e) => changed(kind == 'number' ? (e.target.value === '' ? '' : Number(e.target.value)) : e.target.value) });
    return h('div', { class: 'f' + (kind == 'text' && !opts?.short ? ' wide' : '') }, h('label', { for: id }, label), c,
      h('p', { class: 'ferr', id: id + '-err', 'data-testid': 'studio-field-error', 'data-path': path, hidden: true }));
  }

  // A picker of the notice's candidate values of one kind: choosing one fills the fields `fill(value)` names,
  // the first of them (the value) unverified until confirmed.
  function candidates(path, kinds, fill) {
    const list = work.values.filter((v) => kinds.includes(v.kind));
    if (!list.length) return null;
    const id = idOf(path) + '-cand';
    return h('div', { class: 'f cand' }, h('label', { for: id }, t('studio.candidates')),
      h('select', { id, 'data-testid': 'candidates', 'data-path': path, onchange: (e) => {
        const v = list[Number(e.target.value)];
        if (!v) return;
        // The value itself waits for a tick; its unit, clause and opening day come with it and are shown beside it.
        Object.entries(fill(v)).forEach(([p, val], i) => { set(p, val); unverify(p, i == 0); });
        showForm(id);
        later();
      } }, h('option', { value: '' }, t('studio.candidates')), list.map((v, i) => h('option', { value: i }, t('studio.candidate', { words: v.words, clause: v.clause, value: candidateWords(v) })))));
  }
  const candidateWords = (v) => v.kind == 'date' ? v.value : v.kind == 'percent' ? `${v.value.value}%` : `${v.value.value} ${t('studio.unit.' + v.value.unit)}`;

  // A list of objects at `path`: each item rendered by `item(path[i])`, an add and a remove button; with `found`
  // ({kinds, fill}), also a picker that adds an item from one of the notice's candidate values of those kinds, its
  // fields filled by `fill(value, itemPath)` as the item's own picker fills them (the value unverified).
  function listOf(path, label, item, found) {
    const items = get(path) || [];
    const list = found ? work.values.filter((v) => found.kinds.includes(v.kind)) : [];
    const fromId = idOf(path) + '-from';
    const addFrom = list.length > 0 && h('div', { class: 'f cand' }, h('label', { for: fromId }, t('studio.add_from_found'), ' · ', label),
      h('select', { id: fromId, 'data-testid': 'add-from', 'data-list': path, onchange: (e) => {
        const v = list[Number(e.target.value)];
        if (!v) return;
        const p = `${path}[${items.length}]`;
        set(path, [...items, {}]);
        Object.entries(found.fill(v, p)).forEach(([q, val], i) => { set(q, val); unverify(q, i == 0); });
        showForm(fromId);
        later();
      } }, h('option', { value: '' }, t('studio.add_from_found')), list.map((v, i) => h('option', { value: i }, t('studio.candidate', { words: v.words, clause: v.clause, value: candidateWords(v) })))));
    return h('fieldset', { class: 'list' }, h('legend', {}, label),
      items.map((_, i) => h('div', { class: 'item' }, h('p', { class: 'itemh' }, t('studio.item', { n: i + 1 })), item(`${path}[${i}]`),
        h('button', { type: 'button', 'data-testid': 'remove-item', 'data-item': `${path}[${i}]`, onclick: () => {
          items.splice(i, 1);
          set(path, items.length || path.endsWith('.steps') ? items : '');
          removedItem(path, i);
          showForm();
          later();
        } }, t('studio.delete')))),
      h('button', { type: 'button', 'data-testid': 'add', 'data-list': path, onclick: () => {
        set(path, [...items, {}]);
        showForm(idOf(`${path}[${items.length}]`) + '-first');
        later();
      } }, t('studio.add'), ' · ', label), addFrom);
  }
  // Checkboxes for a list of words (cases), in a fixed order.
  function checks(path, label, words, wordOf) {
    const chosen = get(path) || [];
    return h('fieldset', { class: 'checks' }, h('legend', {}, label),
      words.map((w) => {
        const id = idOf(path) + '-' + w;
        return h('div', { class: 'chk' }, h('input', { type: 'checkbox', id, 'data-path': path, 'data-value': w, checked: chosen.includes(w), onchange: (e) => {
          const now = (get(path) || []).filter((x) => x != w);
          if (e.target.checked) now.push(w);
          set(path, words.filter((x) => now.includes(x)).length ? words.filter((x) => now.includes(x)) : '');
          unverify(path, false);
          later();
        } }), h('label', { for: id }, wordOf(w)));
      }),
      h('p', { class: 'ferr', id: idOf(path) + '-err', 'data-testid': 'studio-field-error', 'data-path': path, hidden: true }));
  }
  const opts = (key, words) => words.map((w) => [w, t(key + w)]);
  const routeIds = () => Object.keys(get('routes') || {});
  // The periods the form offers: the format's named ones and any the user added.
  const periodNames = () => [...new Set([...PERIODS, ...Object.keys(get('periods') || {})])];
  const periodWord = (p) => (PERIODS.includes(p) ? t('studio.periods.' + p) : p);

  // The route ids the base chain defines (its files as opened; the built-in national layer's own).
  function baseRouteIds() {
    const ids = new Set();
    for (const text of [baseText(), ...work.files.map((f) => f.text)]) {
      try { Object.keys(JSON.parse(text).routes || {}).forEach((r) => ids.add(r)); } catch {}
    }
    return ids;
  }

  // What the base chain says at a path (undefined: nothing; null: a layer removed it), from the chosen base up its
  // `extends`, each file as opened or built in.
  function baseSays(path) {
    const textOf = (id) => (BUILTIN_BASES.includes(id) ? staffModule.builtinPolicy(id) : work.files.find((f) => f.name.replace(/\.json$/i, '') == id)?.text);
    for (let id = work.base, n = 0; id && n < 8; n++) {
      let o;
      try { o = JSON.parse(textOf(id) || ''); } catch { return undefined; }
      const next = o.extends;
      let found = true;
      for (const s of segs(path)) {
        if (o === null) return null;
        if (typeof o != 'object' || !(s in o)) { found = false; break; }
        o = o[s];
      }
      if (found) return o;
      id = next;
    }
    return undefined;
  }
  const shortJson = (v) => { const x = typeof v == 'string' ? v : JSON.stringify(v); return x.length > 160 ? x.slice(0, 160) + '…' : x; };
  // Beside a field the base fills and the form leaves empty: what the base says and a button that removes it (the
  // notice does not say it); once removed, that shown as such with a button that gives the base's value back.
  // A removed value is null; a route's steps removed are none of its own (`[]`: the loader wants a route's steps).
  function removal(path) {
    const was = baseSays(path), v = get(path), list = path.endsWith('.steps');
    const removed = list ? Array.isArray(v) && !v.length && Array.isArray(was) && was.length > 0 : v === null;
    if (!removed && (v !== undefined || was == null || (list && !was.length))) return null;
    const id = idOf(path) + '-rm';
    return h('div', { class: 'f rm', 'data-testid': removed ? 'removed' : 'base-says', 'data-path': path },
      h('p', { class: 'hint', id }, t(removed ? 'studio.removed' : 'studio.base_says', { what: was == null ? '—' : shortJson(was) })),
      h('button', { type: 'button', 'data-testid': removed ? 'restore-base' : 'remove-base', 'data-path': path, 'aria-describedby': id, onclick: () => {
        if (removed) set(path, ''); else if (list) set(path, []); else setRemoved(path);
        unverify(path, !removed);
        showForm(idOf(path) + (removed ? '-rm-remove' : '-rm-restore'));
        later();
      }, id: id + (removed ? '-restore' : '-remove') }, t(removed ? 'studio.restore_base' : 'studio.remove_base')));
  }

  // A destination's route slot: the id of a route; one that neither the form nor the base defines can be created
  // from here, citing the destination's clause until the author picks another in the route table.
  function routeSlot(dest, s, baseRoutes) {
    const path = `destinations.${dest}.${s}`;
    const box = control(path, 'text', keyWord(s), { list: 'studio-routes', short: true });
    const holder = h('div', { class: 'newroute' });
    const offer = () => {
      const id = String(get(path) || '').trim();
      const clause = get(`destinations.${dest}.clause`) || '';
      const known = !id || /\s/.test(id) || routeIds().includes(id) || baseRoutes.has(id);
      holder.replaceChildren(...(known ? [] : [
        h('button', { type: 'button', 'data-testid': 'route-new', 'data-path': path, 'aria-describedby': idOf(path) + '-new',
          onclick: () => {
            set('routes.' + id, clause ? { clause } : {});
            // A clause the notice's words proposed for the destination and nobody confirmed yet is the route's to check too.
            if (clause && work.draft.unverified.includes(`destinations.${dest}.clause`)) unverify(`routes.${id}.clause`, true);
            showForm(idOf(`routes.${id}.org`));
            later();
          } }, t('studio.new_route', { id })),
        h('p', { class: 'hint', id: idOf(path) + '-new' }, t('studio.new_route_hint', { id, clause: clause || '—' }))]));
    };
    box.querySelector('input').addEventListener('input', offer);
    offer();
    box.append(holder);
    return box;
  }

  // Copies another route's procedure (who starts it, whether it transfers or asks the region, its steps and its
  // deadline) into this one: the author's choice, shown in the form at once and editable.
  function copyProcedure(r) {
    const id = idOf(`routes.${r}`) + '-copy';
    const others = routeIds().filter((x) => x != r);
    if (!others.length) return null;
    return h('div', { class: 'f' }, h('label', { for: id }, t('studio.copy_from')),
      h('select', { id, 'data-testid': 'route-copy', 'data-route': r, 'aria-describedby': id + '-hint', onchange: (e) => {
        const from = get('routes.' + e.target.value);
        if (!from) return;
        for (const k of ['started_by', 'transfers', 'ask_region', 'steps', 'deadline'])
          if (from[k] != null) { set(`routes.${r}.${k}`, structuredClone(from[k])); unverify(`routes.${r}.${k}`, false); }
        showForm(id);
        later();
      } }, h('option', { value: '' }, t('studio.copy_pick')), others.map((x) => h('option', { value: x }, x))),
      h('p', { class: 'hint', id: id + '-hint' }, t('studio.copy_hint')));
  }

  // A deadline's cases (applies to, not for) copied from another deadline's, to be ticked further from there.
  function sameCases(p) {
    const at = Number(p.match(/\[(\d+)\]$/)[1]);
    // Every other deadline (its cases may be ticked after this list is drawn).
    const others = (get('deadlines') || []).map((d, i) => [d, i]).filter(([d, i]) => i != at && d);
    if (!others.length) return null;
    const id = idOf(p) + '-cases';
    return h('div', { class: 'f' }, h('label', { for: id }, t('studio.cases_same')),
      h('select', { id, 'data-testid': 'cases-same', 'data-item': p, onchange: (e) => {
        const from = (get('deadlines') || [])[Number(e.target.value)];
        if (!from) return;
        for (const k of ['applies_to', 'not_for']) { set(`${p}.${k}`, from[k] ? [...from[k]] : ''); unverify(`${p}.${k}`, false); }
        showForm(id);
        later();
      } }, h('option', { value: '' }, t('studio.copy_pick')), others.map(([, i]) => h('option', { value: i }, t('studio.item', { n: i + 1 })))));
  }

  function section(id, title, ...kids) {
    return h('fieldset', { class: 'sect', id: 'sec-' + id }, h('legend', {}, title), kids);
  }

  function showForm(focusId) {
    const d = work.draft;
    if (!d) return put(el.form, h('h2', { id: 'st-form', tabindex: '-1' }, t('studio.step.form')), h('p', { class: 'empty' }, t('studio.preview.none')));
    const routeList = h('datalist', { id: 'studio-routes' }, routeIds().map((r) => h('option', { value: r })));
    offersNow();

    const identity = section('identity', t('studio.form.identity'),
      h('div', { class: 'grid' },
        control('id', 'text', t('studio.section.id'), { short: true }),
        control('title', 'text', t('studio.section.title')),
        control('school', 'text', t('studio.section.school')),
        control('cohort', 'number', t('studio.section.cohort')),
        control('notice_date', 'date', t('studio.section.notice_date')),
        control('last_verified', 'date', t('studio.section.last_verified')),
        control('region', 'select', t('studio.section.region'), opts('studio.region.', CHOICES.region)),
        control('ask_whom.text', 'text', t('studio.section.ask_whom')),
        control('ask_whom.clause', 'clause', keyWord('clause'))),
      h('p', { class: 'hint' }, t('studio.english_note')));

    const rules = section('rules', t('studio.form.rules'),
      h('div', { class: 'grid' }, RULES.map((r) => control('rules.' + r, 'clause', t('studio.rules.' + r)))));

    const periods = section('periods', t('studio.form.periods'),
      periodNames().map((p) => h('div', { class: 'sub' }, h('h3', {}, periodWord(p)),
        candidates('periods.' + p, ['period'], (v) => ({ [`periods.${p}.value`]: v.value.value, [`periods.${p}.unit`]: v.value.unit,
          [`periods.${p}.clause`]: v.clause, ...(v.cap ? { [`periods.${p}.cap.value`]: v.cap.value, [`periods.${p}.cap.unit`]: v.cap.unit } : {}) })),
        h('div', { class: 'grid' },
          control(`periods.${p}.value`, 'number', keyWord('value')),
          control(`periods.${p}.unit`, 'select', keyWord('unit'), opts('studio.unit.', CHOICES.unit)),
          control(`periods.${p}.clause`, 'clause', keyWord('clause')),
          control(`periods.${p}.cap.value`, 'number', keyWord('cap') + ' · ' + keyWord('value')),
          control(`periods.${p}.cap.unit`, 'select', keyWord('cap') + ' · ' + keyWord('unit'), opts('studio.unit.', CHOICES.unit)),
          control(`periods.${p}.cap.when`, 'text', keyWord('cap') + ' · ' + keyWord('when'))))),
      h('div', { class: 'grid add' },
        h('div', { class: 'f' }, h('label', { for: 'period-add-name' }, t('studio.period_name')),
          h('input', { type: 'text', id: 'period-add-name', 'data-testid': 'period-add-name', autocomplete: 'off', 'aria-describedby': 'period-add-hint' }),
          h('p', { class: 'hint', id: 'period-add-hint' }, t('studio.period_hint'))),
        h('div', { class: 'f' }, h('button', { type: 'button', 'data-testid': 'period-add', onclick: () => {
          const id = document.getElementById('period-add-name').value.trim();
          if (!id || periodNames().includes(id)) return;
          set('periods.' + id, {});
          showForm(idOf(`periods.${id}.value`));
        } }, t('studio.add_period')))));

    const baseRoutes = baseRouteIds();
    // The base's routes the form does not change yet: one can be taken into the form to change it there.
    const baseOnly = [...baseRoutes].filter((r) => !routeIds().includes(r)).sort();
    const destinations = section('destinations', t('studio.form.destinations'), routeList,
      Object.entries(DESTINATIONS).map(([dest, slots]) => h('div', { class: 'sub' }, h('h3', {}, t('roster.value.destination.' + dest)),
        h('div', { class: 'grid' },
          control(`destinations.${dest}.clause`, 'clause', keyWord('clause')),
          slots.map((s) => s == 'mode' ? control(`destinations.${dest}.mode`, 'select', keyWord('mode'), opts('studio.mode.', CHOICES[dest + '.mode']))
            : s == 'retention' ? control(`destinations.${dest}.retention`, 'select', keyWord('retention'), opts('studio.retention.', CHOICES.retention))
              : routeSlot(dest, s, baseRoutes)),
          dest == 'further_study' && control('destinations.further_study.no_residence_org', 'clause', keyWord('no_residence_org')),
          dest == 'further_study' && removal('destinations.further_study.no_residence_org')))));

    const routes = section('routes', t('studio.form.routes'),
      routeIds().map((r) => {
        const p = 'routes.' + r;
        return h('div', { class: 'sub route', 'data-route': r }, h('h3', {}, h('code', {}, r)),
          h('div', { class: 'grid' },
            control(p + '.clause', 'clause', keyWord('clause')),
            copyProcedure(r),
            control(p + '.org', 'text', keyWord('org')),
            control(p + '.started_by', 'text', keyWord('started_by')),
            control(p + '.transfers', 'select', keyWord('transfers'), [['true', '✓'], ['false', '✗']]),
            control(p + '.ask_region', 'select', keyWord('ask_region'), [['true', '✓'], ['false', '✗']])),
          listOf(p + '.steps', keyWord('steps'), (sp) => h('div', { class: 'grid' },
            control(sp + '.id', 'text', keyWord('id'), { short: true }),
            control(sp + '.where', 'select', keyWord('where'), opts('studio.where.', CHOICES.where)),
            control(sp + '.text', 'text', keyWord('text')),
            control(sp + '.rule', 'select', t('studio.section.rules'), RULES.map((x) => [x, t('studio.rules.' + x)])),
            control(sp + '.if', 'text', keyWord('if'), { short: true }),
            control(sp + '.document', 'select', keyWord('document'), [['application', t('studio.key.document')]]))),
          stepFrom(r),
          removal(p + '.steps'),
          h('details', { class: 'more', open: get(p + '.deadline') ? true : null }, h('summary', {}, keyWord('deadline')),
            h('div', { class: 'grid' },
              control(p + '.deadline.kind', 'select', keyWord('kind'), CHOICES.route_deadline_kind.map((k) => [k, t('deadline.' + k)])),
              control(p + '.deadline.from', 'select', keyWord('from'), opts('studio.from.', CHOICES.from)),
              control(p + '.deadline.period', 'select', keyWord('period'), periodNames().map((x) => [x, periodWord(x)])),
              control(p + '.deadline.if', 'text', keyWord('if'), { short: true }),
              control(p + '.deadline.what', 'text', keyWord('what')))));
      }),
      h('div', { class: 'grid add' },
        baseOnly.length > 0 && h('div', { class: 'f' }, h('label', { for: 'route-override' }, t('studio.route_override')),
          h('select', { id: 'route-override', 'data-testid': 'route-override', 'aria-describedby': 'route-override-hint', onchange: (e) => {
            const id = e.target.value;
            if (!id || get('routes.' + id)) return;
            set('routes.' + id, {});
            showForm(idOf(`routes.${id}.clause`));
            later();
          } }, h('option', { value: '' }, t('studio.copy_pick')), baseOnly.map((r) => h('option', { value: r }, r))),
          h('p', { class: 'hint', id: 'route-override-hint' }, t('studio.route_override_hint'))),
        h('div', { class: 'f' }, h('label', { for: 'route-add-id' }, t('studio.route_id')), h('input', { type: 'text', id: 'route-add-id', 'data-testid': 'route-add-id', autocomplete: 'off' })),
        h('div', { class: 'f' }, h('button', { type: 'button', 'data-testid': 'route-add', onclick: () => {
          const id = document.getElementById('route-add-id').value.trim();
          if (!id || get('routes.' + id)) return;
          set('routes.' + id, {});
          showForm(idOf(`routes.${id}.clause`));
          later();
        } }, t('studio.add_route')))));

    const fallbacks = section('fallbacks', t('studio.form.fallbacks'),
      h('div', { class: 'sub' }, h('h3', {}, t('roster.value.destination.unsettled'), ' · ', keyWord('bases')),
        h('div', { class: 'grid' },
          [0, 1, 2, 3].map((i) => control(`destinations.unsettled.bases.value[${i}]`, 'select', `${keyWord('bases')} ${i + 1}`, opts('studio.base_value.', CHOICES.bases))),
          control('destinations.unsettled.bases.clause', 'clause', keyWord('clause')),
          control('destinations.unsettled.bases.preferred_first', 'check', keyWord('preferred_first')))),
      routeIds().map((r) => h('div', { class: 'sub' }, h('h3', {}, h('code', {}, r), ' · ', keyWord('fallback')),
        h('div', { class: 'grid' },
          control(`routes.${r}.fallback.route`, 'text', keyWord('route'), { list: 'studio-routes', short: true }),
          control(`routes.${r}.fallback.when`, 'text', keyWord('when')),
          control(`routes.${r}.fallback.clause`, 'clause', keyWord('clause')),
          removal(`routes.${r}.fallback`)))));

    const dateFill = (p) => (v) => ({ [p + '.date']: v.value, [p + '.clause']: v.clause, ...(v.opens ? { [p + '.opens']: v.opens } : {}) });
    const staffDateFill = (p) => (v) => ({ [p + '.date']: v.value, [p + '.clause']: v.clause });
    const targetFill = (p) => (v) => ({ [p + '.percent']: v.value.value, [p + '.clause']: v.clause });
    const dates = section('dates', t('studio.form.dates'),
      listOf('deadlines', t('studio.section.deadlines'), (p) => [candidates(p, ['date'], dateFill(p)),
        h('div', { class: 'grid' },
          control(p + '.kind', 'select', keyWord('kind'), CHOICES.kind.map((k) => [k, t('deadline.' + k)])),
          control(p + '.date', 'date', keyWord('date')),
          control(p + '.opens', 'date', keyWord('opens')),
          control(p + '.clause', 'clause', keyWord('clause')),
          control(p + '.what', 'text', keyWord('what'))),
        sameCases(p),
        checks(p + '.applies_to', keyWord('applies_to'), CASES, (c) => t('studio.case.' + c)),
        checks(p + '.not_for', keyWord('not_for'), CASES, (c) => t('studio.case.' + c))], { kinds: ['date'], fill: (v, p) => dateFill(p)(v) }),
      listOf('staff_dates', t('studio.section.staff_dates'), (p) => [candidates(p, ['date'], staffDateFill(p)),
        h('div', { class: 'grid' }, control(p + '.date', 'date', keyWord('date')), control(p + '.clause', 'clause', keyWord('clause')), control(p + '.what', 'text', keyWord('what')))],
      { kinds: ['date'], fill: (v, p) => staffDateFill(p)(v) }),
      listOf('targets', t('studio.section.targets'), (p) => [candidates(p, ['percent'], targetFill(p)),
        h('div', { class: 'grid' }, control(p + '.percent', 'number', keyWord('percent')), control(p + '.date', 'date', keyWord('date')),
          control(p + '.clause', 'clause', keyWord('clause')), control(p + '.what', 'text', keyWord('what')))], { kinds: ['percent'], fill: (v, p) => targetFill(p)(v) }));

    const situations = section('situations', t('studio.form.situations'),
      listOf('situations', t('studio.section.situations'), (p) => h('div', { class: 'grid' },
        control(p + '.id', 'text', keyWord('id'), { short: true }),
        control(p + '.label', 'text', keyWord('label')),
        control(p + '.destination', 'select', keyWord('destination'), Object.keys(DESTINATIONS).map((x) => [x, t('roster.value.destination.' + x)])),
        control(p + '.clause', 'clause', keyWord('clause')))));

    put(el.form, h('h2', { id: 'st-form', tabindex: '-1' }, t('studio.step.form')),
      h('nav', { class: 'toc', 'aria-label': t('studio.step.form') }, h('ul', {},
        [['identity', 'studio.form.identity'], ['destinations', 'studio.form.destinations'], ['routes', 'studio.form.routes'], ['fallbacks', 'studio.form.fallbacks'],
          ['periods', 'studio.form.periods'], ['dates', 'studio.form.dates'], ['situations', 'studio.form.situations'], ['rules', 'studio.form.rules']]
          .map(([id, k]) => h('li', {}, h('a', { href: '#sec-' + id }, t(k)))))),
      h('div', { 'data-testid': 'studio-form' }, identity, destinations, routes, fallbacks, periods, dates, situations, rules));
    // A list's new item: focus its first control.
    if (focusId) {
      const m = focusId.match(/^(.*)-first$/);
      const node = m ? el.form.querySelector(`[id^="${m[1]}"]`) : document.getElementById(focusId);
      node?.focus();
    }
  }

  // ---- check, preview ----

  // The part of the form a policy path is in (the checklist's groups).
  const PARTS = { destinations: 'destinations', routes: 'routes', periods: 'periods', deadlines: 'dates', staff_dates: 'dates', targets: 'dates',
    situations: 'situations', rules: 'rules' };
  const IDENTITY = ['id', 'title', 'school', 'cohort', 'notice_date', 'last_verified', 'region', 'ask_whom'];
  function partOf(path) {
    const head = segs(path)[0];
    return IDENTITY.includes(head) ? 'identity' : PARTS[head] || 'other';
  }

  // The form control of a path: its own, else the first inside it (a missing section), else the nearest above it.
  function controlFor(path) {
    const all = [...el.form.querySelectorAll(':is(input,select,textarea)[data-path]:not([data-testid=candidates])')];
    for (let p = path; p;) {
      const c = all.find((x) => x.dataset.path == p) || all.find((x) => x.dataset.path.startsWith(p + '.') || x.dataset.path.startsWith(p + '['));
      if (c) return [c.dataset.path, c];
      const up = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
      if (up == p) break;
      p = up;
    }
    return [null, null];
  }

  function showCheck() {
    if (!el.check) return;
    const head = h('h2', { id: 'st-check', tabindex: '-1' }, t('studio.step.check'));
    root.dataset.state = !lastBuild ? 'none' : lastBuild.error ? 'error' : 'ok';
    el.check.dataset.testid = 'studio-check';
    el.check.setAttribute('data-state', root.dataset.state);
    for (const p of el.form.querySelectorAll('.ferr')) { p.hidden = true; p.textContent = ''; }
    for (const c of el.form.querySelectorAll('[aria-invalid]')) c.removeAttribute('aria-invalid');
    if (!lastBuild) return put(el.check, head, h('p', { class: 'empty' }, t('studio.preview.none')));
    if (lastBuild.error && !lastBuild.policy_text) return put(el.check, head, errBox(lastBuild.error));
    const parts = [head];
    if (lastBuild.error) {
      const e = lastBuild.error;
      const [path, ctl] = controlFor(e.path);
      if (ctl) {
        ctl.setAttribute('aria-invalid', 'true');
        const p = document.getElementById(ctl.id + '-err') || el.form.querySelector(`.ferr[data-path="${CSS.escape(path)}"]`);
        if (p) { p.textContent = e.message; p.hidden = false; }
      }
      parts.push(h('div', { class: 'err', role: 'alert', 'data-testid': 'studio-error', 'data-code': e.code, 'data-path': e.path },
        h('p', {}, t('studio.invalid'), ' ', e.message), h('p', { class: 'code' }, t('staffpage.field'), ' ', e.field,
          ctl && [' · ', h('a', { href: '#' + ctl.id, onclick: (ev) => { ev.preventDefault(); ctl.focus(); } }, t('studio.goto'))])));
    } else {
      parts.push(h('p', { class: 'ok', role: 'status' }, t('studio.valid')));
    }
    // The values still to check, by the part of the form they are in: each shown with its clause's words and ticked
    // on its own, or a whole part at once once its values (all on screen) have been read.
    const u = lastBuild.unverified;
    const byPart = new Map();
    for (const p of u) { const k = partOf(p); byPart.set(k, [...(byPart.get(k) || []), p]); }
    const one = (p) => {
      const id = 'unv-' + idOf(p), v = get(p), clause = get(p.replace(/\.(value|unit|date|opens|percent)$/, '.clause'));
      return h('div', { class: 'chk' }, h('input', { type: 'checkbox', id, 'data-testid': 'confirm', 'data-path': p, onchange: () => { unverify(p, false); later(); } }),
        h('label', { for: id }, staffModule.studioFieldWords(p, lang), '：', v === null || (p.endsWith('.steps') && Array.isArray(v) && !v.length) ? h('del', { 'data-testid': 'confirm-removed' }, t('studio.removed', { what: shortJson(baseSays(p)) }))
          : h('code', {}, typeof v == 'object' ? JSON.stringify(v) : String(v)),
          typeof clause == 'string' && clause && [' · ', clause, ' ', h('q', { class: 'ctext' }, clauseText(clause).slice(0, 120))]));
    };
    parts.push(h('div', { class: 'unv', 'data-testid': 'unverified', 'data-count': u.length },
      u.length ? h('fieldset', {}, h('legend', {}, t('studio.unverified', { n: u.length })),
        [...byPart].map(([part, paths]) => h('div', { class: 'unvpart', 'data-part': part },
          h('h3', {}, t(part == 'other' ? 'studio.part.other' : 'studio.form.' + part)),
          paths.map(one),
          paths.length > 1 && h('button', { type: 'button', 'data-testid': 'confirm-part', 'data-part': part, onclick: () => { for (const p of paths) unverify(p, false); later(); } },
            t('studio.confirm_part', { n: paths.length }))))) : h('p', {}, t('studio.unverified_none'))));
    // The preview (questionnaire, decision table, diff against the base: hundreds of paths evaluated) follows the
    // check once the author pauses, not after every keystroke or tick.
    const pv = !lastBuild.error && h('div', { 'data-testid': 'preview', 'data-state': 'busy' });
    if (pv) parts.push(pv);
    put(el.check, ...parts);
    clearTimeout(previewTimer);
    if (pv) previewTimer = setTimeout(() => { pv.replaceChildren(...preview()); pv.dataset.state = 'ready'; }, PREVIEW_PAUSE);
    showOut();
  }

  function preview() {
    const policyText = lastBuild.policy_text;
    const asOf = get('notice_date') || today();
    const tool = new staffModule.StaffTool(policyText, basesJson());
    let decisionTable;
    try { decisionTable = JSON.parse(tool.table(asOf, lang)); } finally { tool.delete(); }
    const policyDiff = JSON.parse(staffModule.diffPolicies(baseText(), policyText, basesJson(), lang));
    const out = [];
    if (decisionTable.error) out.push(errBox(decisionTable.error));
    else {
      const member = h('div', { class: 'member', 'data-testid': 'preview-member', role: 'group', 'aria-label': t('studio.preview.try') });
      out.push(h('details', { class: 'pv', 'data-testid': 'preview-questions', 'data-count': decisionTable.fields.length, open: true },
        h('summary', {}, t('studio.preview.questions', { n: decisionTable.fields.length })),
        h('p', { class: 'hint' }, t('studio.preview.try')), member,
        h('details', { class: 'allq' }, h('summary', {}, t('studio.preview.all_questions')), h('ol', {}, decisionTable.fields.map((f) => h('li', {}, decisionTable.field_names[f]))))));
      ask(member, policyText, asOf);
      // The decision table as the staff page has it (grouped by route, each row its answers in words), its rows drawn
      // only when someone opens it.
      const rows = () => h('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': t('studio.preview.table', { n: decisionTable.count }) },
        h('table', { class: 'data' },
          h('thead', {}, h('tr', {}, [t('table.col.number'), t('table.col.answers'), t('table.col.route'), t('table.col.org'), t('table.col.clauses')]
            .map((x) => h('th', { scope: 'col' }, x)))),
          h('tbody', {}, decisionTable.groups.flatMap((g) => g.rows.map((r) => h('tr', {}, h('th', { scope: 'row' }, String(r.number)),
            h('td', {}, r.error || r.answers.map((a) => t('table.answer', { name: a.name, word: a.word })).join('；')),
            h('td', {}, g.name ?? ''), h('td', {}, r.org), h('td', {}, r.clauses.join(' '))))))));
      const table = h('details', { class: 'pv', 'data-testid': 'preview-table', 'data-count': decisionTable.count,
        ontoggle: () => table.open && !table.querySelector('.scroll') && table.append(rows()) },
        h('summary', {}, t('studio.preview.table', { n: decisionTable.count })));
      out.push(table);
    }
    if (policyDiff.error) out.push(h('div', { class: 'pv', 'data-testid': 'preview-diff', 'data-count': -1 }, errBox(policyDiff.error, 'diff-error')));
    else {
      const n = policyDiff.values.length + policyDiff.clauses.length;
      out.push(h('details', { class: 'pv', 'data-testid': 'preview-diff', 'data-count': n },
        h('summary', {}, t('studio.preview.diff', { n })),
        h('ul', {}, policyDiff.clauses.slice(0, 200).map((c) => h('li', {}, h('code', {}, c.id), ' ', c.change)),
          policyDiff.values.slice(0, 300).map((v) => h('li', {}, staffModule.studioFieldWords(v.path, lang), '：', h('del', {}, v.a == null ? '—' : JSON.stringify(v.a)), ' → ',
            h('ins', {}, v.b == null ? '—' : JSON.stringify(v.b)))))));
    }
    return out;
  }

  // The member's questionnaire under the draft, one question at a time, as core asks it (the answers so far are kept
  // while the draft changes, so an edit's effect on the outcome shows at once).
  let memberAnswers = [];  // [[question id, value]…] in the order answered
  function ask(box, policyText, asOf, focus) {
    const tool = new staffModule.StaffTool(policyText, basesJson());
    let r;
    try { r = JSON.parse(tool.evaluate(JSON.stringify(Object.fromEntries(memberAnswers)), asOf, lang)); } finally { tool.delete(); }
    const again = (answers) => { memberAnswers = answers; ask(box, policyText, asOf, true); };
    const answer = (id, value) => again([...memberAnswers.filter(([k]) => k != id), [id, value]]);
    const status = r.error ? 'error' : r.status;
    box.dataset.state = status;
    const answered = (r.answered || []).filter((a) => !a.implied);
    const parts = [];
    if (answered.length) parts.push(h('ol', { class: 'answered' }, answered.map((a) => h('li', {}, a.question, '：', h('strong', {}, a.label)))));
    if (r.error) parts.push(errBox(r.error, 'preview-member-error'));
    else if (r.status == 'question') {
      const q = r.question, qid = 'pvq-' + q.id;
      let input = null;
      parts.push(h('fieldset', { class: 'q', 'data-question': q.id, 'data-kind': q.kind }, h('legend', { id: qid }, q.text), q.help && h('p', { class: 'hint' }, q.help),
        q.kind == 'date'
          ? h('div', { class: 'f' }, input = h('input', { type: 'date', id: qid + '-in', 'data-testid': 'preview-date', 'aria-labelledby': qid }),
            h('button', { type: 'button', 'data-testid': 'preview-answer', onclick: () => input.value && answer(q.id, input.value) }, t('studio.preview.answer')))
          : h('div', { class: 'opts' }, q.options.map((o) => h('button', { type: 'button', 'data-testid': 'preview-option', 'data-value': JSON.stringify(o.value),
            onclick: () => answer(q.id, o.value) }, o.label)))));
    } else {
      const rc = r.receiving || {};
      parts.push(h('div', { class: 'outcome', 'data-testid': 'preview-outcome', 'data-route': r.route || '' },
        h('h3', { tabindex: '-1' }, t('studio.preview.outcome')),
        h('p', {}, rc.heading, '：', h('strong', {}, rc.org), ' ', h('code', {}, r.route), rc.clause && ['（', rc.clause, '）']),
        rc.started_by && h('p', {}, t('studio.preview.started_by'), '：', rc.started_by),
        (r.deadlines || []).length > 0 && [h('h4', {}, t('studio.preview.deadlines')),
          h('ul', {}, r.deadlines.map((d) => h('li', {}, d.label, '：', d.date || '—', d.clause && `（${d.clause}）`, d.what && [' ', d.what])))],
        h('p', { class: 'hint' }, t('table.col.clauses'), '：', (r.clauses || []).join(' '))));
    }
    parts.push(h('p', { class: 'acts' },
      h('button', { type: 'button', 'data-testid': 'preview-back', disabled: !memberAnswers.length, onclick: () => again(memberAnswers.slice(0, -1)) }, t('studio.preview.back')),
      ' ', h('button', { type: 'button', 'data-testid': 'preview-restart', disabled: !memberAnswers.length, onclick: () => again([]) }, t('studio.preview.restart'))));
    put(box, ...parts);
    if (focus) (box.querySelector('fieldset.q button, fieldset.q input, .outcome h3') || box).focus?.();
  }

  // ---- export, keep, publish ----

  function save(text, name, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = h('a', { href: url, download: name, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  function showOut() {
    if (!el.out) return;
    const name = (get('id') || 'policy').replace(/[^\w.-]/g, '_');
    const ready = lastBuild && !lastBuild.error && lastBuild.policy_text;
    put(el.out, h('h2', { id: 'st-out', tabindex: '-1' }, t('studio.step.export')),
      ready && !lastBuild.finished && h('p', { class: 'banner' }, t('studio.export_unfinished')),
      h('p', { class: 'acts' },
        h('button', { type: 'button', class: 'go', 'data-testid': 'export-policy', disabled: !ready, onclick: () => save(lastBuild.policy_text, name + '.json', 'application/json') }, t('studio.export_policy')),
        ' ', h('button', { type: 'button', 'data-testid': 'export-draft', disabled: !work.draft, onclick: () => save(JSON.stringify(work.draft, null, 2) + '\n', name + '.studio.json', 'application/json') }, t('studio.export_draft')),
        ' ', h('label', { class: 'filebtn', for: 'open-draft' }, t('studio.open_draft')),
        h('input', { type: 'file', id: 'open-draft', accept: '.json,application/json', 'data-testid': 'open-draft', onchange: async (e) => {
          const f = e.target.files[0];
          if (!f) return;
          let d = null;
          try { d = JSON.parse(await f.text()); } catch {}
          const r = JSON.parse(staffModule.studioBuild(JSON.stringify(d ?? null), basesJson(), lang));
          if (r.error && !r.policy_text) { lastBuild = r; return showCheck(); }
          work.draft = d;
          work.base = d.base || work.base;
          store();
          render();
        } }),
        ' ', h('button', { type: 'button', 'data-testid': 'studio-clear', onclick: () => {
          work = { base: 'cn-league', files: [], notice: '', values: [], notes: [], draft: null };
          try { localStorage.removeItem(KEY); } catch {}
          lastBuild = null;
          render();
        } }, t('studio.clear'))),
      h('p', { class: 'hint', 'data-testid': 'studio-saved' }, t('studio.saved'), storeNote && [' ', h('strong', {}, storeNote)]),
      h('h3', {}, t('studio.publish')),
      h('ol', { class: 'publish' }, [1, 2, 3, 4].map((i) => h('li', {}, t('studio.publish.' + i)))));
  }

  window.XuesheStudio = { show };
})();
