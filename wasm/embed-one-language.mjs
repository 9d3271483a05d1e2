// Build step for the page's one-language modules: embeds a built-in policy
// file (policies/<id>.json) with only one language's texts, minified, plus the
// hash of the file as published (FNV-1a 64, as core's fnv1a_hex), so the
// module reports the same policy hash as the CLI and the other language's module.
// Usage: node embed-one-language.mjs POLICY.json OUT.cpp NAME LANG
// A text in the policy format is an object whose keys are exactly the
// languages ({"zh-CN": …, "en": …}); every other value is kept as it is.
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output, name, lang] = process.argv.slice(2);
const languages = ['zh-CN', 'en'];
if (!languages.includes(lang)) throw new Error(`unknown language ${lang}`);

const published = readFileSync(input);
let hash = 0xcbf29ce484222325n;
for (const byte of published) hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
const hex = hash.toString(16).padStart(16, '0');

const isText = (v) => v && typeof v === 'object' && !Array.isArray(v) &&
  Object.keys(v).length === languages.length && languages.every((l) => typeof v[l] === 'string');
const oneLanguage = (v) => {
  if (Array.isArray(v)) return v.map(oneLanguage);
  if (!v || typeof v !== 'object') return v;
  if (isText(v)) return { [lang]: v[lang] };
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, oneLanguage(x)]));
};
const text = Buffer.from(JSON.stringify(oneLanguage(JSON.parse(published.toString('utf8')))), 'utf8');

const bytes = [...text].map((b) => `'\\x${b.toString(16).padStart(2, '0')}'`).join(',');
writeFileSync(output, `// Generated from ${input} (${lang} texts only) by wasm/embed-one-language.mjs; do not edit.
#include <string_view>
static const char data_${name}[] = {${bytes}, 0};
std::string_view xueshe_embedded_${name}() { return std::string_view(data_${name}, ${text.length}); }
std::string_view xueshe_embedded_${name}_hash() { return "${hex}"; }
`);
