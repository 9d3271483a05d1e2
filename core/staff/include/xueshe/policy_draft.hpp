// Next year's policy from this year's, and the marker that says which of its
// values nobody has checked against the new notice yet.
//
// The marker is an optional top-level key of a policy file:
//   "unverified": ["notice_date", "deadlines[0].date", "clauses[13].text.zh-CN", …]
// — JSON paths in the loader's own syntax (the one its error messages use).
// Staff delete each entry once they have checked that value against the
// notice; a file without the key (or with an empty list) is a finished policy.
// The policy loader does not know the key yet (it rejects unknown keys), so
// load_policy_or_draft() checks the marker, strips it and loads the rest.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "xueshe/json_at_path.hpp"
#include "xueshe/policy.hpp"
#include "xueshe/lang.hpp"

namespace xueshe {

struct DraftAwareLoad {
  std::optional<Policy> policy;
  std::vector<std::string> unverified;  // empty: a finished policy
  nlohmann::ordered_json document;      // the file without the marker, keys in file order
  std::optional<Error> error;           // render with policy_tool_error_body
};

DraftAwareLoad load_policy_or_draft(std::string_view text, const PolicyTexts& bases = nullptr);

struct PolicyDraft {
  std::string text;  // the draft file (JSON, 2-space indent, final newline)
  std::vector<std::string> unverified;
  std::optional<Error> error;
};

// Every date of `source` (a policy file, itself possibly a draft) moved to
// `cohort` by whole years (29 February becomes 28 February in a common year),
// `cohort` and `id` updated, `last_verified` set to the new notice date, and
// "unverified" listing every date, every number and every text that names a
// number or date (the notice's words are kept, never rewritten). The draft is
// checked: it loads with load_policy_or_draft.
PolicyDraft draft_policy(std::string_view source, int cohort, const PolicyTexts& bases = nullptr);

// {"error": {...}} for an error from load_policy_or_draft, draft_policy or
// diff_policies: their own codes from "policytool.error.<code>", the
// loader's from "error.<code>".
nlohmann::json policy_tool_error_body(const Error& error, Lang lang);

}  // namespace xueshe
