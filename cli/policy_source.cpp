#include "policy_source.hpp"

#include <iostream>

#include "xueshe/limits.hpp"
#include "xueshe/messages.hpp"
#include "xueshe/policy_draft.hpp"

namespace xueshe::cli {

std::optional<std::string> policy_text_for(const std::string& name) {
  static const std::string builtin_id = [] {
    PolicyLoad l = load_policy(builtin_policy_text());
    return l.policy ? l.policy->id : std::string();
  }();
  if (name == builtin_id) return std::string(builtin_policy_text());
  return read_file(name, policy_json_limits().max_bytes);
}

StaffSetup staff_setup(const CommonOptions& options) {
  StaffSetup out;
  CommonOptions builtin = options;
  builtin.policy_file.clear();
  Setup s = setup(builtin);  // --lang and --today, checked the usual way
  if (!s.engine) return out;
  out.today = s.today;
  out.lang = s.lang;
  if (options.policy_file.empty()) {
    out.engine = std::move(s.engine);
    return out;
  }
  auto text = policy_text_for(options.policy_file);
  if (!text) {
    print_error(policy_unreadable(options.policy_file), out.lang);
    return out;
  }
  DraftAwareLoad load = load_policy_or_draft(*text, policy_files_beside(options.policy_file));
  if (load.error) {
    print_tool_error(policy_tool_error_body(*load.error, out.lang));
    return out;
  }
  out.engine.emplace(std::move(*load.policy));
  out.unverified = std::move(load.unverified);
  return out;
}

void print_draft_banner(const StaffSetup& s) {
  if (s.unverified.empty()) return;
  std::cerr << message(s.lang, "warning.policy_unverified",
                       {{"id", s.engine->policy().id}, {"n", std::to_string(s.unverified.size())}})
            << "\n";
}

int print_tool_error(const nlohmann::json& body) {
  print_json(body, false);
  std::cerr << body["error"]["message"].get<std::string>() << "\n";
  return 2;
}

}  // namespace xueshe::cli
