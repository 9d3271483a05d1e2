// Policies for the staff commands (roster, table, policy …): a built-in id or
// a file, and files that are drafts ("unverified" values) load too, with a
// banner on stderr saying so.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "io.hpp"

namespace xueshe::cli {

// The text of a policy named by the id of the built-in one or by a file path.
std::optional<std::string> policy_text_for(const std::string& name);

struct StaffSetup {
  std::optional<Engine> engine;
  std::vector<std::string> unverified;  // the draft's unchecked values
  Date today;
  Lang lang = Lang::zh_CN;
};

// As setup(), but --policy may be a draft or the built-in id. On failure the
// error has been printed; the caller exits 2.
StaffSetup staff_setup(const CommonOptions& options);

// Prints the draft banner to stderr when the policy has unverified values.
void print_draft_banner(const StaffSetup& s);

// Prints an error object from the policy tools (JSON on stdout, the message
// on stderr) and returns 2.
int print_tool_error(const nlohmann::json& error_body);

}  // namespace xueshe::cli
