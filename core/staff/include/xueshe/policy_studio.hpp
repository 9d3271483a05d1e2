// The policy studio (staff page, tab 通知 → 政策): a notice turned into a school
// layer on a chosen base, by a person, in the browser. The page keeps a
// *studio file* (the work in progress, also what "save the draft" exports):
//
//   {"studio": 1,
//    "base": "cn-league",                 the file the policy extends
//    "clauses": [{id, title, text}],      the notice's split, as the user corrected it
//    "policy": {id, title, school, …},    the school layer's keys, texts as plain
//                                         Chinese strings (the notice's own words)
//    "unverified": ["periods.retention.value", …]}  values not confirmed yet
//
// Core builds the policy file from it (texts as {"zh-CN", "en"}, the English
// copy being the Chinese words until someone translates them; empty fields
// left out, so a value not given is the base's; a null kept, so a value the
// author removed is removed from the base's; a route the base chain does
// not define gets `steps: []` when none are given; the clauses from the
// split), checks it with the policy loader and
// its bases, and names any error by the form field it is in (words, not a
// JSON path). Nothing here invents a value: the form's values are the user's,
// proposed ones (from the notice's candidate values) stay in `unverified`
// until the user confirms them.
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "xueshe/policy_layers.hpp"
#include "xueshe/lang.hpp"

namespace xueshe {

// A new studio file on `base` from a split notice (notice_split_body's JSON):
// the clauses (引言, 附件 and 落款 too: the user removes what is not a rule),
// and, proposed and so unverified, the title (引言's first line), the cohort
// (the notice's year), the notice date (its signature date) and what the
// notice's words name where the base chain does not say it already
// (notice_named_things: destinations' clauses, named rules, the unsettled's
// bases). `today` is last_verified; `bases`: base files beyond the built-in
// ones. {"error": …} when the split is an error or unreadable.
nlohmann::ordered_json studio_start(const std::string& base, std::string_view split_json, const std::string& today,
                                    Lang lang, const PolicyTexts& bases = {});

// A correction of the split: {"op": "merge", "at": i} (clause i+1 joins
// clause i), {"op": "split", "at": i, "chars": n, "id": "new id"} (clause i's
// text from its n-th character on becomes a new clause after it),
// {"op": "renumber", "at": i, "id": "new id"}, {"op": "remove", "at": i}.
// Returns {"clauses": […], "renamed"?: {from, to}} (renumber and merge: the
// candidate values of clause `from` now belong to `to`) or
// {"error": {code, field, message}}: ids must be
// non-empty, unique and free of spaces; `at` in range.
nlohmann::ordered_json studio_edit_clauses(std::string_view clauses_json, std::string_view op_json,
                                           Lang lang);

// The policy file a studio file makes, checked:
//   {"policy_text": "…", "unverified": […], "finished": bool,
//    "error": null | {code, path, field, message}}
// `path` is the form field's path (the policy's JSON path without the text's
// language), `field` that field in words, `message` the loader's message
// naming the field in words. `bases`: base files beyond the built-in ones.
nlohmann::ordered_json studio_build(std::string_view studio_json, const PolicyTexts& bases, Lang lang);

// The base chain of a studio file (built-in files, else `bases`), leaf first;
// empty (merged null, no layers) when there is no base, it is not found or
// does not load.
LayeredPolicy studio_base_layers(const std::string& base, const PolicyTexts& bases);

// A policy JSON path in words: "routes.employer_org.org.en" → "路线 employer_org · 接收组织".
std::string studio_field_words(const std::string& path, Lang lang);

}  // namespace xueshe
