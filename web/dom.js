// h(tag, attrs, ...kids): one element, the way every page script builds its
// screens. Written into each script that asks for it (a comment `js:dom.js`
// between slash-stars) when the site is built (web/tools/inline.mjs), so
// there is no extra request.
//   attrs: on… names are handlers (e.onclick = f); any other is an attribute,
//     true as an empty one (disabled), null, undefined and false left out.
//   kids: nodes and text, nested in arrays up to three deep; null, undefined,
//     false and '' are left out, so `cond && part` works. Numbers, 0 too, are
//     text: write `list.length > 0 && part`, not `list.length && part`.
function h(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const k in attrs) {
    const v = attrs[k];
    if (v == null || v === false) continue;
    if (k.startsWith('on')) e[k] = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  e.append(...kids.flat(3).filter((x) => x != null && x !== false && x !== ''));
  return e;
}
