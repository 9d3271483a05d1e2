/* The staff page (staff.html), for school league offices: a roster CSV checked
 * on this device by the core (xueshe-staff.wasm) — a summary, every row with its
 * route, dates and errors, the annotated roster to download — and the policy's
 * decision table. It only renders what the module returns (no rules here);
 * every text comes from the module's catalog, and every cell of a roster or a
 * policy is put on the page as text, never as HTML. Nothing leaves the device:
 * the only requests are for the page's own files.
 *
 * The third tab, 通知 → 政策 (the policy studio), is studio.js's: this file only
 * adds the tab and hands it the module and the catalog.
 *
 * Test hooks (data-testid): lang-switch, tab-roster, tab-table, tab-studio, roster-file,
 * encoding, as-of, policy-file, policy-main, policy-builtin, template, policy-info, policy-add [data-file],
 * unverified-banner [data-count], error [data-code, data-field], file-info
 * [data-encoding], mapping, map-select [data-col], mapping-reset, summary
 * [data-rows], route-count [data-route], state-count [data-state], completion,
 * duplicates, export, filter-route, filter-state, filter-errors, filter-dups,
 * filter-text, roster-table [data-count], row [data-line, data-route,
 * data-state, data-errors, data-duplicate], row-error, row-details [data-line] (dd [data-col]), page-info, prev, next,
 * decision-table [data-count], table-group [data-route], table-row [data-route, data-number];
 * #app [data-ready] once the module is loaded, [data-practised] the pieces of the practice roster checked,
 * [data-warmed] the MiB of memory written once after them (0: the heap could not grow).
 */
(() => {
  // Shown only when the module itself cannot load, so there is no catalog to take it from.
  const FAIL = '无法加载程序（需要支持 WebAssembly 的浏览器）。Could not load the program (a browser with WebAssembly is needed).';
  const PAGE = 100;  // table rows per page: a 100,000-row roster never becomes 100,000 DOM rows
  const LANGS = ['zh-CN', 'en'];
  const VIEWS = ['roster', 'table', 'studio'];
  const STATES = ['overdue', 'today', 'due_soon', 'upcoming', 'none'];
  // This build's version of the module and the wasm's integrity hash (web/tools/stamp-staff.mjs; none unstamped):
  // the wasm is loaded as xueshe-staff.wasm?v=<version> with that hash, never another version's bytes.
  const BUILD = 'xueshe-staff-build:dev';
  const [V, WASM_SRI] = BUILD.split(':')[1].split(';').map((x) => x.slice(x.indexOf('=') + 1));
  const WASM = WASM_SRI ? 'xueshe-staff.wasm?v=' + V : 'xueshe-staff.wasm';
  const module = () => (WASM_SRI ? new Promise((ok, no) => createXuesheStaff({
    instantiateWasm(imports, done) {
      fetch(WASM, { integrity: WASM_SRI }).then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(r.status))))
        .then((b) => WebAssembly.instantiate(b, imports)).then((x) => done(x.instance, x.module), no);
      return {};
    },
  }).then(ok, no)) : createXuesheStaff());
  // The page's own files as it loads them (versioned by the build), fetched once more after a first visit so that
  // sw.js has cached them.
  const own = () => ['staff.html', WASM, 'icon.svg',
    ...[...document.querySelectorAll('script[src], link[rel=stylesheet]')].map((e) => e.src || e.href)];
  const app = document.getElementById('app');

  /*js:dom.js*/
  // Replaces a node's children, leaving out the false/empty parts of `cond && part`.
  const put = (node, ...kids) => node.replaceChildren(...kids.flat(3).filter((x) => x != null && x !== false && x !== ''));
  const today = () => {
    const d = new Date(), p = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  };

  let staffModule, cat, tool, decisionTable;  // module, catalog, StaffTool, the decision table shown
  // The state: language, view, as-of date, encoding choice, the policy files chosen ({name, text}) and which of them
  // is the policy (the others are its base files), the roster's bytes and name, the column mapping (null: as the
  // headers name them), filter, page.
  const pageState = { lang: 'zh-CN', view: 'roster', asOf: today(), enc: 'auto', files: [], main: 0,
    file: '', bytes: null, mapping: null, filter: { route: '', state: '', errors: false, duplicates: false, text: '' }, page: 0 };
  let lastCheck = null;  // the last check: {summary, route_order, column_choices} or {error, columns?, column_choices?}
  let policyInfo = null;  // the policy as the module describes it, or {error}
  let count = 0; // rows the filter selects
  const el = {};

  const t = (k, v) => (cat[k] ?? k).replace(/\{(\w+)\}/g, (m, x) => v?.[x] ?? m);
  const sep = () => t('roster.list_separator');
  const stateName = (s) => s == 'none' || !s ? t('roster.summary.no_deadline') : t('state.' + s);

  // Saves a file made of one or more parts (Uint8Arrays or Blobs).
  function save(parts, name) {
    const url = URL.createObjectURL(new Blob(parts, { type: 'text/csv;charset=utf-8' }));
    const a = h('a', { href: url, download: name, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  function errBox(e) {
    return h('div', { class: 'err', role: 'alert', 'data-testid': 'error', 'data-code': e.code, 'data-field': e.field || '' },
      h('p', {}, e.message),
      h('p', { class: 'code' }, t('staffpage.code'), ' ', h('code', {}, e.code), e.field && [' · ', t('staffpage.field'), ' ', h('code', {}, e.field)]));
  }

  // ---- loading: the module, a policy, a roster ----

  // The chosen policy file with the others as its bases, keyed by file name without ".json" (no files: the built-in policy).
  function usePolicy() {
    const bases = {};
    pageState.files.forEach((f, i) => { if (i != pageState.main) bases[f.name.replace(/\.json$/i, '')] = f.text; });
    tool?.delete();
    tool = new staffModule.StaffTool(pageState.files[pageState.main]?.text ?? '', pageState.files.length > 1 ? JSON.stringify(bases) : '');
    policyInfo = JSON.parse(tool.policy(pageState.lang));
  }

  function check() {
    if (!pageState.bytes) { lastCheck = null; return; }
    // The module reads the bytes as pageState.enc says (auto: UTF-8 when they are, else GB18030, as the browser reads it) and
    // says what it read them as (lastCheck.encoding).
    lastCheck = JSON.parse(tool.checkAs(pageState.bytes, pageState.enc, pageState.asOf, pageState.lang, pageState.mapping ? JSON.stringify(pageState.mapping) : ''));
    // The module's check selects every row: only a filter needs selecting again.
    if (filtered()) select();
    else count = lastCheck.error ? 0 : lastCheck.summary.rows;
  }

  const filtered = () => { const f = pageState.filter; return f.route || f.state || f.errors || f.duplicates || f.text; };
  function select() {
    count = lastCheck && !lastCheck.error ? tool.select(filtered() ? JSON.stringify(pageState.filter) : '') : 0;
  }

  // While staff look for their file: a made-up roster (StaffTool.practise) checked a piece at a time when the
  // browser is idle, and dropped. A browser compiles the module's code when it first runs and optimizes it only after
  // many runs; without this the first real roster paid for both (a 100,000-row roster's first check ≈ 0.6 s, after
  // the practice ≈ 0.3 s, the second ≈ 0.15 s). Stops once a roster is chosen. The practice is many small pieces, each
  // one idle callback: a file chosen meanwhile waits for the piece running then, and a piece of 1,000 rows took up to
  // ≈ 0.1 s on the bench's machine (cold code); one of 250 rows takes a quarter of that.
  // Then, idle again and still without a roster, the memory a large roster's check writes is written once
  // (warmHeap, wasm/warm_heap.hpp): a browser's fresh memory costs a fault on its first write, a fifth of a
  // 100,000-row roster's check. 64 MiB, kept by the module as after one such check; none on a device that says it
  // has less than 4 GB (navigator.deviceMemory).
  const PIECES = 20, PIECE_ROWS = 250;
  let practice = PIECES;  // pieces still to check
  let warm = (navigator.deviceMemory ?? 8) >= 4 ? 64 : 0;  // MiB still to write once
  const whenIdle = (f) => (window.requestIdleCallback ? requestIdleCallback(f, { timeout: 3000 }) : setTimeout(f, 200));
  function practise() {
    const next = () => {
      if (practice <= 0) return;
      practice--;
      tool.practise(pageState.asOf, PIECE_ROWS);
      app.dataset.practised = String(PIECES - practice);
      if (practice > 0) practise();
      else if (warm > 0) whenIdle(warmHeap);
    };
    if (practice > 0) whenIdle(next);
  }
  function warmHeap() {
    if (warm <= 0) return;
    app.dataset.warmed = staffModule.warmHeap(warm) ? String(warm) : '0';
    warm = 0;
  }

  async function onRoster(input) {
    const f = input.files[0];
    if (!f) return;
    practice = warm = 0;
    pageState.file = f.name;
    pageState.mapping = null;
    pageState.page = 0;
    try { pageState.bytes = new Uint8Array(await f.arrayBuffer()); } catch (e) {
      pageState.bytes = null;
      lastCheck = JSON.parse(staffModule.rosterError('roster_unreadable', 'input', JSON.stringify({ got: `${f.name}: ${e}` }), pageState.lang));
      return showRoster();
    }
    check();
    showRoster();
  }

  async function onPolicy(input) {
    if (!input.files.length) return;
    // An empty or unreadable file is an error, not the built-in policy.
    pageState.files = await Promise.all([...input.files].map(async (f) => ({ name: f.name, text: (await f.text().catch(() => '')) || ' ' })));
    pageState.main = 0;
    usePolicy();
    refresh();
  }

  // After a change of policy, date or language: everything again.
  function refresh() {
    check();
    showPolicy();
    showRoster();
    decisionTable = null;
    if (pageState.view == 'table') showTable();
  }

  // ---- the page ----

  function build() {
    const L = pageState.lang, other = LANGS[(LANGS.indexOf(L) + 1) % LANGS.length];
    document.documentElement.lang = L;
    document.title = t('staffpage.title');
    const tab = (id, key) => h('button', { type: 'button', role: 'tab', id: 'tab-' + id, 'aria-controls': 'panel-' + id,
      'aria-selected': String(pageState.view == id), tabindex: pageState.view == id ? null : '-1', 'data-testid': 'tab-' + id,
      onclick: () => view(id), onkeydown: (e) => {
        if (e.key == 'ArrowRight' || e.key == 'ArrowLeft') {
          const o = VIEWS[(VIEWS.indexOf(id) + (e.key == 'ArrowRight' ? 1 : VIEWS.length - 1)) % VIEWS.length];
          view(o);
          document.getElementById('tab-' + o).focus();
        }
      } }, t(key));
    const field = (id, key, control, hint) => h('div', { class: 'f' }, h('label', { for: id }, t(key)), control, hint && h('p', { class: 'hint', id: id + '-hint' }, hint));
    const encoding = h('select', { id: 'enc', 'data-testid': 'encoding', onchange: (e) => { pageState.enc = e.target.value; pageState.page = 0; check(); showRoster(); } },
      ['auto', 'utf-8', 'gb18030'].map((v) => h('option', { value: v, selected: pageState.enc == v }, t('staffpage.enc.' + v.replace('-', '')))));
    el.policy = h('div', { class: 'pol', 'aria-live': 'polite' });
    el.roster = h('div');
    el.table = h('div');
    el.studio = h('div');
    put(app,
      h('header', {},
        h('h1', {}, t('staffpage.title')),
        h('button', { type: 'button', lang: other, 'data-testid': 'lang-switch', onclick: () => setLang(other) }, t('staffpage.lang_other'))),
      h('p', { class: 'intro' }, t('staffpage.intro')),
      h('section', { class: 'box setup', 'aria-labelledby': 'setup-h' },
        h('h2', { id: 'setup-h' }, t('staffpage.setup')),
        h('div', { class: 'grid' },
          field('roster-file', 'staffpage.file', h('input', { type: 'file', id: 'roster-file', accept: '.csv,text/csv', 'data-testid': 'roster-file',
            'aria-describedby': 'roster-file-hint', onchange: (e) => onRoster(e.target) }), t('staffpage.file_hint')),
          field('enc', 'staffpage.encoding', encoding),
          field('as-of', 'staffpage.as_of', h('input', { type: 'date', id: 'as-of', 'data-testid': 'as-of', value: pageState.asOf, required: true,
            onchange: (e) => { if (e.target.value) { pageState.asOf = e.target.value; refresh(); } } })),
          field('policy-file', 'staffpage.policy_file', h('input', { type: 'file', id: 'policy-file', accept: '.json,application/json', multiple: true, 'data-testid': 'policy-file',
            'aria-describedby': 'policy-file-hint', onchange: (e) => onPolicy(e.target) }), t('staffpage.policy_hint'))),
        el.policy),
      h('div', { role: 'tablist', 'aria-label': t('staffpage.views'), class: 'tabs' }, tab('roster', 'staffpage.tab.roster'), tab('table', 'staffpage.tab.table'),
        tab('studio', 'staffpage.tab.studio')),
      h('section', { role: 'tabpanel', id: 'panel-roster', 'aria-labelledby': 'tab-roster', hidden: pageState.view != 'roster' }, el.roster),
      h('section', { role: 'tabpanel', id: 'panel-table', 'aria-labelledby': 'tab-table', hidden: pageState.view != 'table' }, el.table),
      h('section', { role: 'tabpanel', id: 'panel-studio', 'aria-labelledby': 'tab-studio', hidden: pageState.view != 'studio' }, el.studio),
      h('footer', {}, h('p', {}, t('staffpage.privacy')), h('p', {}, h('a', { href: 'index.html' }, t('staffpage.member_page')))));
    showPolicy();
    showRoster();
    if (pageState.view == 'table') showTable();
    if (pageState.view == 'studio') showStudio();
  }

  const showStudio = () => window.XuesheStudio?.show(el.studio, { staffModule, t, lang: pageState.lang, h, put, today });

  function view(id) {
    pageState.view = id;
    for (const v of VIEWS) {
      const b = document.getElementById('tab-' + v);
      b.setAttribute('aria-selected', String(v == id));
      if (v == id) b.removeAttribute('tabindex'); else b.setAttribute('tabindex', '-1');
      document.getElementById('panel-' + v).hidden = v != id;
    }
    if (id == 'table' && !decisionTable) showTable();
    if (id == 'studio' && !el.studio.childElementCount) showStudio();
  }

  function setLang(l) {
    pageState.lang = l;
    cat = JSON.parse(staffModule.catalog(l));
    policyInfo = JSON.parse(tool.policy(l));
    check();
    decisionTable = null;
    build();
    document.querySelector('[data-testid=lang-switch]').focus();
  }

  function showPolicy() {
    const name = pageState.files[pageState.main]?.name;
    // Several files chosen: the user says which one is the school's policy; the others are its bases.
    const main = pageState.files.length > 1 && h('div', { class: 'f' }, h('label', { for: 'policy-main' }, t('staffpage.policy_main')),
      h('select', { id: 'policy-main', 'data-testid': 'policy-main', 'aria-describedby': 'policy-main-hint',
        onchange: (e) => { pageState.main = Number(e.target.value); usePolicy(); refresh(); document.getElementById('policy-main').focus(); } },
      pageState.files.map((f, i) => h('option', { value: i, selected: i == pageState.main }, f.name))),
      h('p', { class: 'hint', id: 'policy-main-hint' }, t('staffpage.policy_main_hint')));
    if (policyInfo.error) {
      const missing = policyInfo.error.code == 'policy_missing_base' && policyInfo.error.missing + '.json';
      put(el.policy, main, h('h3', {}, t('staffpage.policy_error', { file: name })), errBox(policyInfo.error),
        missing && h('p', { 'data-testid': 'policy-add', 'data-file': missing }, t('staffpage.policy_add', { file: missing })), builtinButton());
      return;
    }
    const n = policyInfo.unverified.length;
    put(el.policy, main,
      h('p', { class: 'acts' }, h('button', { type: 'button', 'data-testid': 'template', onclick: () => save([tool.templateCsv(pageState.lang).slice()], t('staffpage.template_file')) },
        t('staffpage.template'))),
      // A policy for no one cohort (a sub-district's standing guide) has cohort 0.
      h('p', { 'data-testid': 'policy-info' }, t(policyInfo.cohort ? 'staffpage.policy_info' : 'staffpage.policy_info_no_cohort',
        { title: policyInfo.title, id: policyInfo.id, cohort: policyInfo.cohort, date: policyInfo.last_verified, hash: policyInfo.hash }),
        name && [' ', builtinButton()]),
      n > 0 && h('div', { class: 'banner', role: 'alert', 'data-testid': 'unverified-banner', 'data-count': n },
        h('p', {}, policyInfo.banner),
        h('p', {}, t('staffpage.unverified', { n })),
        h('details', {}, h('summary', {}, t('staffpage.unverified_list', { n })), h('ul', {}, policyInfo.unverified.map((p) => h('li', {}, h('code', {}, p)))))));
  }

  function builtinButton() {
    return h('button', { type: 'button', 'data-testid': 'policy-builtin', onclick: () => {
      document.getElementById('policy-file').value = '';
      pageState.files = [];
      pageState.main = 0;
      usePolicy();
      refresh();
    } }, t('staffpage.policy_builtin'));
  }

  // ---- the roster: file, mapping, summary, filters, rows ----

  function showRoster() {
    if (!lastCheck) return put(el.roster, h('p', { class: 'empty' }, t('staffpage.choose_file')));
    const parts = [];
    if (lastCheck.encoding) parts.push(h('p', { class: 'file', 'data-testid': 'file-info', 'data-encoding': lastCheck.encoding },
      t('staffpage.read_as', { file: pageState.file, encoding: t('staffpage.enc.' + lastCheck.encoding.replace('-', '')) })));
    if (lastCheck.error) {
      parts.push(errBox(lastCheck.error));
      if (lastCheck.columns) parts.push(mapping(lastCheck.columns, lastCheck.column_choices));
      return put(el.roster, ...parts);
    }
    const s = lastCheck.summary;
    parts.push(mapping(s.columns, lastCheck.column_choices), summary(s), filters());
    el.rows = h('div', { class: 'rows' });
    parts.push(el.rows);
    put(el.roster, ...parts);
    showRows();
  }

  function mapping(columns, choices) {
    const pick = (c, i) => h('select', { 'data-testid': 'map-select', 'data-col': i, 'aria-label': t('staffpage.mapping_select', { n: i + 1, header: c.header }),
      onchange: () => {
        pageState.mapping = [...el.roster.querySelectorAll('[data-testid=map-select]')].map((x) => x.value);
        pageState.page = 0;
        check();
        showRoster();
        el.roster.querySelector(`[data-testid=map-select][data-col="${i}"]`)?.focus();
      } },
      h('option', { value: '', selected: !c.column }, t('staffpage.mapping_none')),
      choices.map((o) => h('option', { value: o.id, selected: c.column == o.id }, o.name)));
    return h('details', { class: 'box map', 'data-testid': 'mapping', open: !!(lastCheck.error || pageState.mapping) },
      h('summary', {}, t('staffpage.mapping')),
      h('p', { class: 'hint' }, t('staffpage.mapping_hint')),
      h('div', { class: 'scroll' }, h('table', {},
        h('caption', {}, t('staffpage.mapping')),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('staffpage.mapping_n')), h('th', { scope: 'col' }, t('staffpage.mapping_header')),
          h('th', { scope: 'col' }, t('staffpage.mapping_as')))),
        h('tbody', {}, columns.map((c, i) => h('tr', {}, h('td', {}, String(i + 1)), h('th', { scope: 'row' }, c.header), h('td', {}, pick(c, i))))))),
      pageState.mapping && h('button', { type: 'button', 'data-testid': 'mapping-reset', onclick: () => { pageState.mapping = null; pageState.page = 0; check(); showRoster(); } },
        t('staffpage.mapping_reset')));
  }

  function countTable(caption, head, rows) {
    return h('table', { class: 'counts' }, h('caption', {}, caption),
      h('thead', {}, h('tr', {}, head.map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, rows));
  }

  function summary(s) {
    const c = s.completion, d = s.duplicates, L = s.deadlines;
    const routes = lastCheck.route_order.filter((r) => s.routes[r]);
    const kinds = Object.keys(L).filter((k) => STATES.some((x) => L[k][x]));
    const pct = (x) => `${(x * 100).toFixed(1)}%`;
    return h('section', { class: 'box sum', 'data-testid': 'summary', 'data-rows': s.rows, 'aria-labelledby': 'sum-h' },
      h('h2', { id: 'sum-h' }, t('staffpage.summary')),
      h('p', { 'data-testid': 'summary-rows' }, t('roster.summary.rows', { rows: s.rows, header: s.file.header_line, blank: s.file.blank_lines,
        evaluated: s.rows_evaluated, errors: s.rows_with_errors })),
      h('p', { class: 'acts' }, h('button', { type: 'button', class: 'go', 'data-testid': 'export', onclick: exportCsv }, t('staffpage.export'))),
      h('div', { class: 'cols' },
        countTable(t('staffpage.routes'), [t('roster.out.route'), t('staffpage.count')],
          routes.length ? routes.map((r) => h('tr', { 'data-testid': 'route-count', 'data-route': r }, h('th', { scope: 'row' }, t('roster.route.' + r)), h('td', {}, String(s.routes[r]))))
            : h('tr', {}, h('td', { colspan: 2 }, t('staffpage.none')))),
        countTable(t('staffpage.states'), [t('roster.out.urgent_state'), t('staffpage.count')],
          STATES.map((x) => h('tr', { 'data-testid': 'state-count', 'data-state': x, class: 'st-' + x }, h('th', { scope: 'row' }, stateName(x)), h('td', {}, String(s.most_urgent[x]))))),
        kinds.length > 0 && countTable(t('staffpage.kinds'), [t('staffpage.kind'), ...STATES.slice(0, 4).map(stateName)],
          kinds.map((k) => h('tr', {}, h('th', { scope: 'row' }, t('deadline.' + k)), STATES.slice(0, 4).map((x) => h('td', {}, String(L[k][x]))))))),
      h('p', { 'data-testid': 'completion', class: 'comp' }, !c ? t('staffpage.no_status')
        : !c.must_transfer ? t('roster.summary.completion_none')
          : t('roster.summary.completion', { completed: c.completed, must: c.must_transfer, rate: pct(c.rate),
            clause: c.target_clause ? t('roster.summary.target_clause', { clause: c.target_clause }) : '', gap: c.open, overdue_open: c.overdue_open })),
      c && (c.unknown_status || c.not_counted_errors) ? h('p', {}, t('staffpage.not_counted', { unknown: c.unknown_status, errors: c.not_counted_errors })) : null,
      h('p', { 'data-testid': 'duplicates' }, d.student_ids ? t('roster.summary.duplicates', { n: d.student_ids, rows: d.rows }) : t('staffpage.no_duplicates')));
  }

  // The annotated roster as the core writes it, piece by piece (about 1 MiB each): every piece is copied out of the
  // module's memory into a Blob at once, so a 1,000,000-row roster never needs its whole output in the module.
  function exportCsv() {
    const parts = [];
    tool.annotatedParts((piece) => parts.push(new Blob([piece.slice()])));
    save(parts, pageState.file.replace(/\.[^.]*$/, '') + t('staffpage.export_suffix') + '.csv');
  }

  function filters() {
    const f = pageState.filter;
    const set = (k, v) => { f[k] = v; pageState.page = 0; select(); showRows(); };
    const box = (k, key) => h('div', { class: 'chk' }, h('input', { type: 'checkbox', id: 'f-' + k, checked: f[k], 'data-testid': 'filter-' + (k == 'errors' ? 'errors' : 'dups'),
      onchange: (e) => set(k, e.target.checked) }), h('label', { for: 'f-' + k }, t(key)));
    return h('section', { class: 'box filt', 'aria-labelledby': 'filt-h' },
      h('h2', { id: 'filt-h' }, t('staffpage.filters')),
      h('div', { class: 'grid' },
        h('div', { class: 'f' }, h('label', { for: 'f-route' }, t('staffpage.filter_route')),
          h('select', { id: 'f-route', 'data-testid': 'filter-route', onchange: (e) => set('route', e.target.value) },
            h('option', { value: '' }, t('staffpage.all')), lastCheck.route_order.map((r) => h('option', { value: r, selected: f.route == r }, t('roster.route.' + r))))),
        h('div', { class: 'f' }, h('label', { for: 'f-state' }, t('staffpage.filter_state')),
          h('select', { id: 'f-state', 'data-testid': 'filter-state', onchange: (e) => set('state', e.target.value) },
            h('option', { value: '' }, t('staffpage.all')), STATES.map((x) => h('option', { value: x, selected: f.state == x }, stateName(x))))),
        h('div', { class: 'f' }, h('label', { for: 'f-text' }, t('staffpage.filter_text')),
          h('input', { type: 'search', id: 'f-text', 'data-testid': 'filter-text', value: f.text, autocomplete: 'off', oninput: (e) => set('text', e.target.value) })),
        h('div', { class: 'f' }, box('errors', 'staffpage.filter_errors'), box('duplicates', 'staffpage.filter_dups'))));
  }

  // The results: one short row per roster row — line, who, route, most urgent date, errors (with their reasons) and
  // warnings by name — in fixed columns, so a page of them reads at a glance and the page itself scrolls; everything
  // else (every input cell, the receiving organization, each date, the warnings in full) in the row's details below it.
  function showRows() {
    const cols = lastCheck.summary.columns, pages = Math.max(1, Math.ceil(count / PAGE));
    pageState.page = Math.min(pageState.page, pages - 1);
    const from = pageState.page * PAGE, rows = JSON.parse(tool.rows(from, PAGE));
    const info = count ? t('staffpage.page_info', { from: from + 1, to: from + rows.length, n: count, total: lastCheck.summary.rows }) : t('staffpage.no_rows');
    const go = (p) => { pageState.page = p; showRows(); el.rows.querySelector('caption')?.focus(); };
    const nav = (key) => h('nav', { class: 'pager', 'aria-label': t(key) },
      h('button', { type: 'button', 'data-testid': 'prev', disabled: pageState.page == 0, onclick: () => go(pageState.page - 1) }, t('staffpage.prev')),
      h('span', { 'data-testid': 'page-info' }, info),
      h('button', { type: 'button', 'data-testid': 'next', disabled: pageState.page >= pages - 1, onclick: () => go(pageState.page + 1) }, t('staffpage.next')));
    // Who the row is: the student number and name columns (the first column when neither is there).
    const who = ['student_id', 'name'].map((id) => cols.findIndex((c) => c.column == id)).filter((i) => i >= 0);
    if (!who.length && cols.length) who.push(0);
    const head = [['line', t('roster.out.line')], ['who', t('staffpage.who')], ['route', t('staffpage.outcome')],
      ['urgent', t('staffpage.urgent')], ['problems', t('staffpage.problems')], ['more', t('staffpage.details')]];
    const label = Object.fromEntries(head);
    const lines = (items) => items.map((x) => h('div', {}, x));
    const dup = (d) => {
      const list = d.lines.slice(0, 10).join(t('roster.word_separator'));
      return d.lines.length > 10 ? t('roster.duplicate_many', { id: d.student_id, n: d.lines.length, lines: list }) : t('roster.duplicate', { id: d.student_id, lines: list });
    };
    const item = (key, value) => value && (Array.isArray(value) ? value.length : true) ? [h('dt', {}, key), h('dd', {}, value)] : null;
    const tr = (r) => {
      const more = 'row-more-' + r.line, state = r.route ? r.urgent_state || 'none' : '';
      const main = h('tr', { 'data-testid': 'row', 'data-line': r.line, 'data-route': r.route || '', 'data-state': state,
        'data-errors': r.errors.map((e) => e.code).join(' '), 'data-duplicate': r.duplicate ? 'true' : null, class: r.errors.length ? 'bad' : null },
        h('th', { scope: 'row', 'data-label': label.line }, String(r.line)),
        h('td', { class: 'who', 'data-label': label.who }, lines(who.map((i) => r.cells[i]).filter(Boolean))),
        h('td', { 'data-label': label.route }, r.route_name || t('staffpage.no_problem')),
        h('td', { class: r.urgent_state ? 'st-' + r.urgent_state : null, 'data-label': label.urgent },
          r.route ? (r.urgent_state ? [t('state.' + r.urgent_state), ' ', h('span', { class: 'date' }, r.urgent_date)] : stateName('none')) : ''),
        h('td', { class: 'probs', 'data-label': label.problems },
          r.errors.map((e) => h('div', { class: 'errs', 'data-testid': 'row-error' }, e.message)),
          r.duplicate && h('div', { class: 'errs' }, dup(r.duplicate)),
          (r.warnings || []).length > 0 && h('div', { class: 'warns' }, (r.warnings || []).map((w) => t('roster.warning_name.' + w.code)).join(sep())),
          !r.errors.length && !r.duplicate && !(r.warnings || []).length && t('staffpage.no_problem')),
        h('td', { 'data-label': label.more }, h('button', { type: 'button', class: 'more', 'aria-expanded': 'false', 'aria-controls': more,
          'aria-label': t('staffpage.row_details', { line: r.line }), onclick: (e) => {
            const open = e.currentTarget.getAttribute('aria-expanded') != 'true';
            e.currentTarget.setAttribute('aria-expanded', String(open));
            document.getElementById(more).hidden = !open;
          } }, t('staffpage.details'))));
      const details = h('tr', { id: more, class: 'more-row', hidden: true, 'data-testid': 'row-details', 'data-line': r.line },
        h('td', { colspan: head.length }, h('dl', {},
          cols.map((c, i) => [h('dt', {}, c.header), h('dd', { 'data-col': i }, r.cells[i])]),
          item(t('roster.out.org'), r.org),
          item(t('roster.out.alternatives'), (r.alternatives || []).join(sep())),
          item(t('staffpage.deadlines'), lines((r.deadlines || []).map((d) => h('span', { class: 'st-' + d.state },
            t('staffpage.deadline_item', { kind: d.kind_name, date: d.date, state: t('state.' + d.state), clause: d.clause }))))),
          item(t('roster.out.warnings'), lines((r.warnings || []).map((w) => w.text))),
          item(t('roster.out.clauses'), (r.clauses || []).join(' ')))));
      return [main, details];
    };
    put(el.rows, nav('staffpage.pages'),
      h('table', { class: 'data results', 'data-testid': 'roster-table', 'data-count': count },
        h('caption', { id: 'rows-cap', tabindex: '-1' }, t('staffpage.rows_caption', { file: pageState.file }), ' · ', info),
        h('colgroup', {}, head.map(([k]) => h('col', { class: 'c-' + k }))),
        h('thead', {}, h('tr', {}, head.map(([, x]) => h('th', { scope: 'col' }, x)))),
        h('tbody', {}, rows.map(tr))),
      count > PAGE && nav('staffpage.pages_below'));
  }

  // ---- the decision table ----

  // Grouped by route (the policy's order), the usual paths of each route first, everything in words: the core's
  // decision_table_view sorts and names; this lays it out.
  function showTable() {
    decisionTable = JSON.parse(tool.table(pageState.asOf, pageState.lang));
    if (decisionTable.error) return put(el.table, errBox(decisionTable.error));
    const head = [['number', t('table.col.number')], ['answers', t('table.col.answers')], ['alternatives', t('table.col.alternatives')],
      ['deadlines', t('table.col.deadlines')], ['clauses', t('table.col.clauses')], ['warnings', t('table.col.warning_names')]];
    const label = Object.fromEntries(head);
    put(el.table,
      h('p', { class: 'hint' }, t('table.note', { paths: decisionTable.count, cohort: policyInfo.cohort, today: pageState.asOf })),
      h('table', { class: 'data paths', 'data-testid': 'decision-table', 'data-count': decisionTable.count },
        h('caption', { id: 'dt-cap' }, t('table.title', { title: policyInfo.title })),
        h('colgroup', {}, head.map(([k]) => h('col', { class: 'c-' + k }))),
        h('thead', {}, h('tr', {}, head.map(([, x]) => h('th', { scope: 'col' }, x)))),
        decisionTable.groups.map((g) => h('tbody', { 'data-testid': 'table-group', 'data-route': g.route },
          h('tr', { class: 'grp' }, h('th', { scope: 'colgroup', colspan: head.length },
            h('span', { class: 'gname' }, t('table.group', { name: g.name ?? t('staffpage.no_problem'), n: g.rows.length })),
            g.org && [' ', h('span', { class: 'gorg' }, t('table.group_org', { org: g.org }))])),
          g.rows.map((r) => h('tr', { 'data-testid': 'table-row', 'data-route': g.route, 'data-number': r.number, class: r.error ? 'bad' : null },
            h('th', { scope: 'row', 'data-label': label.number }, String(r.number)),
            h('td', { 'data-label': label.answers }, r.error ? r.error
              : r.answers.length ? r.answers.map((a) => h('span', { class: 'ans', 'data-field': a.field }, t('table.answer', { name: a.name, word: a.word })))
                : t('table.no_answers')),
            h('td', { 'data-label': label.alternatives }, r.alternatives.join(sep())),
            h('td', { 'data-label': label.deadlines }, r.deadlines.map((d) => h('div', {}, t('table.deadline', { kind: d.kind_name, date: d.date, clause: d.clause })))),
            h('td', { 'data-label': label.clauses }, r.clauses.join(' ')),
            h('td', { 'data-label': label.warnings }, r.warnings.map((w) => h('div', {}, w)))))))));
  }

  // ---- start ----

  function offline() {
    if (!('serviceWorker' in navigator) || !location.protocol.startsWith('http')) return;
    const first = !navigator.serviceWorker.controller;
    navigator.serviceWorker.register('sw.js').then(() => {
      // On a first visit the page's files came before the worker did: ask again, through it.
      if (first) navigator.serviceWorker.addEventListener('controllerchange', () => Promise.all(own().map((f) => fetch(f).catch(() => {}))), { once: true });
    }).catch(() => {});
  }

  (async () => {
    try {
      staffModule = await module();
    } catch {
      put(app, h('p', { class: 'err', role: 'alert', 'data-testid': 'error', 'data-code': 'wasm' }, FAIL));
      return;
    }
    pageState.lang = new URLSearchParams(location.search).get('lang') == 'en' ? 'en' : 'zh-CN';  // zh-CN first
    cat = JSON.parse(staffModule.catalog(pageState.lang));
    usePolicy();
    build();
    app.dataset.ready = 'true';
    offline();
    practise();
  })();
})();
