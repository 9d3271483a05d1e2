/* The study-abroad application (二.5) inside <xueshe-check>: loaded on demand
 * with the take-away module, never in the page's first load.
 *
 *   window.xuesheApplication(container, takeawayModule, member, lang)
 *
 * container: an element inside the element's open shadow root; takeawayModule: the loaded
 * take-away module (applicationForm, application); member: what the module
 * evaluates again, [policy text, base files JSON, answers JSON, as-of date]
 * (as the page's own module was given them). Renders the form the core defines (every label, hint and message comes
 * from the core's JSON), checks the typed fields in the core on submit, and
 * shows each error under its field, or the A4 application with a Print button
 * that prints only the application. What the member types never leaves the
 * device: no request, no storage. Every text is set as text, never as HTML.
 *
 * Test hooks (data-testid): application-form, application-field [data-field],
 * application-error [data-field] ("" when not about one field),
 * application-submit, application-document, application-print.
 */
(() => {
  const base = document.currentScript?.src || location.href;
  const CSS = new URL('xueshe-application.css', base).href;
  const PRINT = 'application';

  /*js:dom.js*/

  // A stylesheet once per root (the shadow root for the form and the sheet; the
  // document, for print only, for the host page around the element and @page).
  // In xueshe-offline.html the stylesheet is inline, in a <template>, as the page's own is.
  function sheet(root, parent, media) {
    const mark = media ? 'data-xueshe-application-print' : 'data-xueshe-application';
    const inline = document.getElementById('xueshe-application-css');
    let link = root.querySelector(`[${mark}]`);
    if (!link) {
      link = inline ? inline.content.firstElementChild.cloneNode(true) : h('link', { rel: 'stylesheet', href: CSS });
      link.setAttribute(mark, '');
      if (media) link.media = media;
      if (!inline) link.loaded = new Promise((ok) => (link.onload = link.onerror = ok));
      parent.append(link);
    }
    return link.loaded || Promise.resolve();
  }

  function parse(text) {
    try { return JSON.parse(text); } catch { return { error: { code: 'application_bad_reply', field: '', message: String(text) } }; }
  }

  window.xuesheApplication = async (container, takeawayModule, member, lang) => {
    const root = container.getRootNode();
    const host = root.host || document.documentElement;
    await sheet(root, root === document ? document.head : root);
    const lv = host.hasAttribute && host.hasAttribute('app') ? 2 : 3;
    const heading = (n) => 'h' + Math.min(lv + n, 6);
    const got = parse(takeawayModule.applicationForm(...member, lang));
    if (!got.form) {
      container.replaceChildren(errorBox(got.error));
      return;
    }
    const form = got.form, labels = form.labels, id = (f, s = '') => `xa-${f}${s}`;
    const inputs = {};

    const fields = form.fields.map((f) => {
      // The length limit is said only once the text is over it (as the core says on submit), not under every field.
      const hint = f.hint || '';
      const attrs = { id: id(f.id), name: f.id, required: f.required, 'aria-describedby': hint ? id(f.id, '-hint') : null,
        autocomplete: f.id == 'name' ? 'name' : 'off', spellcheck: 'false' };
      let input;
      if (f.kind == 'textarea') input = h('textarea', { ...attrs, rows: 3 });
      else input = h('input', { ...attrs, type: f.kind == 'tel' ? 'tel' : f.kind == 'date' ? 'date' : 'text',
        maxlength: f.kind == 'tel' ? f.max_chars : null, inputmode: f.kind == 'tel' ? 'tel' : null });
      input.value = f.value || '';
      input.hint = hint && id(f.id, '-hint');
      inputs[f.id] = input;
      const over = f.limit && h('p', { class: 'xa-over', 'aria-live': 'polite', 'data-testid': 'application-limit' });
      if (over) input.addEventListener('input', () => { over.textContent = [...input.value].length > f.max_chars ? f.limit : ''; });
      return h('div', { class: 'xa-f', 'data-testid': 'application-field', 'data-field': f.id },
        h('label', { for: id(f.id) }, f.label, ' ', h('span', { class: f.required ? 'xa-req' : 'xa-opt' }, `(${f.required ? labels.required : labels.optional})`)),
        hint && h('p', { class: 'xa-hint', id: id(f.id, '-hint') }, hint),
        input, over);
    });
    const summary = h('div', { class: 'xa-sum', tabindex: -1 });
    const formEl = h('form', { class: 'xa-form', novalidate: true, onsubmit: (e) => { e.preventDefault(); submit(); } },
      fields, summary,
      h('button', { type: 'submit', class: 'xa-go', 'data-testid': 'application-submit' }, labels.submit));
    const clause = form.clause_text;
    const formSection = h('section', { class: 'xa', 'data-testid': 'application-form', 'aria-labelledby': 'xa-h', lang: form.lang },
      h(heading(0), { id: 'xa-h', tabindex: -1 }, form.title),
      h('p', {}, form.intro),
      form.due && h('p', { class: 'xa-due' }, form.due),
      clause && h('details', { class: 'xa-clause' }, h('summary', {}, clause.title), h('p', {}, clause.text)),
      h('p', { class: 'xa-privacy' }, labels.privacy),
      formEl);
    const docArea = h('div', { class: 'xa-out' });
    container.replaceChildren(formSection, docArea);
    formSection.querySelector('#xa-h').focus();

    function clearErrors() {
      for (const e of formEl.querySelectorAll('.xa-err')) e.remove();
      for (const k in inputs) {
        inputs[k].removeAttribute('aria-invalid');
        if (inputs[k].hint) inputs[k].setAttribute('aria-describedby', inputs[k].hint);
        else inputs[k].removeAttribute('aria-describedby');
      }
      summary.replaceChildren();
    }

    function submit() {
      clearErrors();
      docArea.replaceChildren();
      const typed = {};
      for (const k in inputs) typed[k] = inputs[k].value;
      const r = parse(takeawayModule.application(...member, JSON.stringify(typed), lang));
      if (r.document) return showDocument(r.document);
      const errors = r.errors || [r.error || {}];
      let first = null;
      const general = [];
      for (const e of errors) {
        const f = String(e.field || '').replace(/^applicant\./, '');
        const input = Object.hasOwn(inputs, f) && e.field == 'applicant.' + f ? inputs[f] : null;
        if (!input) { general.push(errorBox(e)); continue; }
        const err = h('p', { class: 'xa-err', id: id(f, '-err'), 'data-testid': 'application-error', 'data-field': f, 'data-code': e.code }, e.message);
        input.after(err);
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', [input.hint, id(f, '-err')].filter(Boolean).join(' '));
        first ||= input;
      }
      summary.replaceChildren(h('p', { role: 'alert' }, labels.errors.replace('{n}', errors.length)), ...general);
      (first || summary).focus?.();
      if (!first) summary.scrollIntoView?.({ block: 'nearest' });
    }

    function showDocument(d) {
      formSection.hidden = true;
      const fill = (l) => h('p', { class: 'xa-fill' }, h('span', {}, l.label, d.labels.colon), h('span', { class: 'xa-line' }, l.fill));
      const title = h(heading(0), { class: 'xa-title', tabindex: -1 }, d.title);
      const printBtn = h('button', { type: 'button', class: 'xa-go', 'data-testid': 'application-print', onclick: () => printOnly() }, d.labels.print);
      const edit = h('button', { type: 'button', onclick: () => {
        docArea.replaceChildren();
        formSection.hidden = false;
        formSection.querySelector('input,textarea').focus();
      } }, d.labels.edit);
      docArea.replaceChildren(
        h('div', { class: 'xa-tools' }, printBtn, edit),
        h('article', { class: 'xa-sheet', 'data-testid': 'application-document', lang: d.lang },
          title,
          h('p', { class: 'xa-to' }, d.addressee),
          d.body.map((p) => h('p', { class: 'xa-p' }, p)),
          h(heading(1), {}, d.rows_heading),
          h('table', { class: 'xa-rows' }, h('tbody', {}, d.rows.map((r) =>
            h('tr', { 'data-field': r.field }, h('th', { scope: 'row' }, r.label), h('td', {}, r.value))))),
          h('p', { class: 'xa-p' }, d.pledge),
          h('div', { class: 'xa-sign' }, d.signature.map(fill)),
          h('section', { class: 'xa-approval' },
            h(heading(1), {}, d.approval.title),
            h('ul', {}, d.approval.options.map((o) => h('li', {}, o))),
            d.approval.lines.map(fill),
            h('p', { class: 'xa-seal' }, d.approval.seal)),
          h('p', { class: 'xa-foot' }, d.footer)));
      title.focus();
    }

    // Prints the application alone: the host carries data-print while the
    // browser prints (xueshe-application.css hides everything else), and the
    // document gets the same stylesheet, print-only, for the page around the
    // element and the A4 page box. Both go again after printing.
    async function printOnly() {
      const page = document.documentElement;
      await sheet(document, document.head, 'print');
      const done = () => {
        removeEventListener('afterprint', done);
        host.removeAttribute('data-print');
        page.removeAttribute('data-xueshe-print');
        document.head.querySelector('[data-xueshe-application-print]')?.remove();
      };
      addEventListener('afterprint', done);
      host.setAttribute('data-print', PRINT);
      page.setAttribute('data-xueshe-print', PRINT);
      print();
    }
  };

  function errorBox(e) {
    return h('div', { class: 'xa-err xa-box', role: 'alert', 'data-testid': 'application-error', 'data-field': '', 'data-code': e?.code || '' },
      e?.message || '', e?.field ? ` (${e.field})` : '');
  }
})();
