// `xueshe policy split` and the policy studio's split, as one JSON body:
//   {"clauses": [{id, title, text}],
//    "values": [{kind, value, words, clause, bound?, year?, opens?, cap?}],
//    "notice": {"year", "year_from", "date"},   (null where none was found)
//    "notes": [{code, clause, message}]}
// or {"error": {code, message, field}} (notice_too_large, notice_not_utf8,
// notice_empty), the messages in `lang`.
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "xueshe/lang.hpp"

namespace xueshe {

// Keys in the order above (ordered_json).
nlohmann::ordered_json notice_split_body(std::string_view text, Lang lang);

}  // namespace xueshe
