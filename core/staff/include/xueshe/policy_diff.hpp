// What changes between two policies (e.g. this year's and the draft for next
// year, or the draft before and after checking it against the new notice):
// clauses added, removed or reworded (by id); values changed (dates, numbers,
// lists, texts, by JSON path); and which paths' outcomes change — every path
// of A evaluated under A and under B (the answers' dates moved by the
// difference of the cohorts), comparing route, alternatives, deadlines
// (kind, date, clause) and clauses.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "xueshe/policy_layers.hpp"

#include "xueshe/error.hpp"
#include "xueshe/lang.hpp"

namespace xueshe {

struct PolicyDiff {
  nlohmann::json diff;         // see README "policy diff"
  std::optional<Error> error;  // render with policy_tool_error_body
  std::string which;           // "a" or "b": the file the error is in
};

// Both texts are policy files; drafts (with "unverified") are allowed.
PolicyDiff diff_policies(std::string_view a_text, std::string_view b_text, Lang lang,
                         const PolicyTexts& a_bases = nullptr, const PolicyTexts& b_bases = nullptr);

}  // namespace xueshe
