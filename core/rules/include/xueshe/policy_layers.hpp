// Layered policies: a policy file may `extend` another (national → guide →
// province → school). This resolves the chain and merges it into one
// effective document, remembering which layer each value came from.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "xueshe/error.hpp"

namespace xueshe {

// The text of the policy with this id, or nullopt when none is known.
using PolicyTexts = std::function<std::optional<std::string>(const std::string& id)>;

struct PolicyLayerInfo {
  std::string id;
  std::string layer;  // national | guide | province | school
  std::string hash;   // FNV-1a of the file's bytes
  nlohmann::json document;  // the file as written
};

struct LayeredPolicy {
  nlohmann::json merged;                 // the effective document (clauses: every layer's, leaf first)
  std::vector<PolicyLayerInfo> layers;   // leaf first, root last
  // JSON path of each effective value -> id of the layer that set it.
  std::vector<std::pair<std::string, std::string>> provenance;
  std::optional<Error> error;            // field = JSON path; params "policy" names the file's id
};

// Longest chain accepted (a loop or a runaway chain is an error before this).
inline constexpr int kMaxPolicyLayers = 8;

LayeredPolicy resolve_policy_layers(std::string_view leaf_text, const PolicyTexts& texts);

// The id of the layer that set `path` (the longest recorded path it lies in),
// or "" when none did.
std::string layer_that_set(const std::vector<std::pair<std::string, std::string>>& provenance, const std::string& path);

// Base files handed over as one JSON object {"<id>": "<file text>", …} (how the
// page passes the bases it fetched beside a policy): a lookup over it, or an
// error naming the key when it is not such an object. "" is no bases.
struct PolicyTextsFromJson {
  PolicyTexts texts;
  std::optional<Error> error;
};
PolicyTextsFromJson policy_texts_from_json(std::string_view bases_json);

}  // namespace xueshe
