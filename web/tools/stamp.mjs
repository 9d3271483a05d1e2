// What the stamping scripts (stamp-version.mjs: the member's page; stamp-staff.mjs: the staff page) share: a file's
// integrity hash, the version of a set of files, and a replacement that must match exactly once.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

// A file of the built site, by name.
export const reader = (site) => (f) => readFileSync(path.join(site, f));
// Subresource integrity (sha384) of some bytes.
export const integrity = (bytes) => 'sha384-' + createHash('sha384').update(bytes).digest('base64');
// The version of a set of files: a hash of their names and bytes, in order.
export function version(files, bytes) {
  const set = createHash('sha256');
  for (const f of files) set.update(f + '\0').update(bytes(f));
  return set.digest('hex').slice(0, 16);
}
export const once = (text, re, to, what) => {
  if ((text.match(new RegExp(re.source, 'g')) || []).length != 1) throw new Error(`stamp: expected exactly one ${what}`);
  return text.replace(re, () => to);
};
