// The policy studio's offers: values the notice's own words or the base chain
// already give for fields the form leaves empty, each with its clause and the
// words it came from, for the author to take in one action per item or all at
// once. Taken, a value stays in the studio file's `unverified` until the
// author confirms it; nothing here invents a rule or a date, and nothing is
// taken without the author's action.
//
// - identity: the school, from the signature line "共青团…委员会" (落款);
// - destinations and rules: what the notice's words name (notice_named_things)
//   where the base says something else (the guide's clause, its bases); a
//   destination the notice covers and the base chain removed (null), as the
//   layer below the removal had it;
// - periods: a period in a destination's clause, by its sentence: the
//   unsettled's 保留 → retention, the further studies' 创建 → new_org, else
//   theirs → transfer_window; where the base says something else;
// - routes: the clause of each route a covered destination sends its members
//   to (its slots, not the classified's: they go the military's way), when the
//   route's clause is not that destination's notice clause; a route key the
//   base chain removed, as the layer below had it;
// - dates: a deadline for each date whose sentence says one
//   (notice_deadline_words), not in the form yet;
// - steps, per route, for its step list's picker: a step for each named rule
//   (the sentence that says it, `where: info`), and the steps any layer of the
//   base chain gives that route, each not in the form's list yet.
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "xueshe/lang.hpp"
#include "xueshe/policy_layers.hpp"

namespace xueshe {

// `studio_json`: the studio file; `values_json`: the split's candidate values
// (notice_split_body's "values"). Returns
//   {"offers": [{part, path, field, clause, words, from, set: [{path, value}], unverified: [path]}
//               | {part: "dates", path: "deadlines", …, add: "deadlines", item: {…}, unverified: [key]}],
//    "steps": {"<route>": [{key, from, label, step: {…}}]}}
// (`from`: "notice" or the base layer's id; an unreadable input gives none).
nlohmann::ordered_json studio_offers(std::string_view studio_json, std::string_view values_json, const PolicyTexts& bases,
                                     Lang lang);

}  // namespace xueshe
