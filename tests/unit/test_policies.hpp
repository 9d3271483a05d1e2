// The policies the tests run against: the built-in 2022 one and the fixtures in
// tests/policies/ that differ from it in the ways other schools' notices do.
#pragma once
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "xueshe/policy.hpp"

inline std::string read_text(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

inline std::vector<std::string> policy_texts() {
  return {std::string(xueshe::builtin_policy_text()),
          read_text(std::string(XUESHE_SOURCE_DIR) + "/tests/policies/example-2025-12m.json"),
          read_text(std::string(XUESHE_SOURCE_DIR) + "/tests/policies/example-2024-0m.json")};
}

// A layered policy's bases, read from policies/ (where every shipped policy file lives).
inline xueshe::PolicyTexts policies_folder() {
  return [](const std::string& id) -> std::optional<std::string> {
    std::string text = read_text(std::string(XUESHE_SOURCE_DIR) + "/policies/" + id + ".json");
    if (text.empty()) return std::nullopt;
    return text;
  };
}

inline xueshe::Policy must_load(const std::string& text) {
  auto r = xueshe::load_policy(text, policies_folder());
  if (!r.policy) throw std::runtime_error("policy did not load: " + r.error->code + " at " + r.error->field);
  return *r.policy;
}
