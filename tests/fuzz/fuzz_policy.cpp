// libFuzzer target: arbitrary bytes as a policy file. Loading gives a policy or
// an error naming a path, never both; a policy that loads answers every path,
// and its compact form (policy_binary.hpp) reads back to a policy that writes
// the same bytes. The input read as a compact form is refused or read, never
// a crash.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "result_check.hpp"
#include "xueshe/engine.hpp"
#include "xueshe/flow_export.hpp"
#include "xueshe/policy_binary.hpp"

using xueshe::fuzzing::violated;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  // Only the build writes a compact form, from a policy the loader checked; here only reading is checked.
  (void)xueshe::policy_from_binary(text);
  xueshe::PolicyLoad load = xueshe::load_policy(text);
  if (load.policy.has_value() == load.error.has_value()) violated("a policy and an error, or neither");
  if (load.error) {
    if (load.error->code.empty() || load.error->field.empty()) violated("error without code or field");
    return 0;
  }
  const std::string compact = xueshe::policy_to_binary(*load.policy);
  auto back = xueshe::policy_from_binary(compact);
  if (!back || xueshe::policy_to_binary(*back) != compact) violated("a loaded policy's compact form does not read back");
  xueshe::Engine engine(std::move(*load.policy));
  if (!xueshe::unreachable_nodes(engine.flow()).empty()) violated("a loaded policy with unreachable nodes");
  const xueshe::Date today = engine.policy().notice_date;
  std::size_t n = 0;
  for (const auto& line : xueshe::evaluate_all_paths(engine, today, xueshe::Lang::zh_CN)) {
    const auto& body = line["result"];
    std::string problem = xueshe::fuzzing::check_result(body, !body.contains("error"));
    if (problem.empty() && body.value("status", "") != "outcome") problem = "a full path that is not an outcome";
    if (!problem.empty()) violated(problem + ": " + line["answers"].dump());
    if (++n > 2000) violated("too many paths");
  }
  return 0;
}
