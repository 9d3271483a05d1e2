// Resolves a policy's `extends` chain and merges it from the root down:
// objects key by key, while value objects ({"value": …}), texts ({"zh-CN": …})
// and lists are replaced whole; `null` removes an inherited key. Each file's own
// keys (id, format, layer, extends, clauses, unverified) are not inherited.
#include "xueshe/policy_layers.hpp"

#include <map>
#include <memory>
#include <set>

#include "xueshe/limits.hpp"
#include "xueshe/strict_json.hpp"
#include "policy_reader.hpp"

namespace xueshe {
namespace {

using nlohmann::json;

const char* const kFormat = "xueshe-policy/2";
const std::vector<std::string> kLayers = {"national", "guide", "province", "school"};
const std::vector<std::string> kOwnKeys = {"format", "id", "layer", "extends", "clauses", "unverified"};

int layer_rank(const std::string& layer) {
  for (size_t i = 0; i < kLayers.size(); ++i)
    if (kLayers[i] == layer) return static_cast<int>(i);
  return -1;
}

// A value that a layer states as a whole: never merged key by key. A route's
// own deadline and fallback are whole too: a layer that restates one means all of it.
bool is_whole(const std::string& key, const json& v) {
  return !v.is_object() || v.contains("value") || v.contains("zh-CN") || v.contains("en") || key == "deadline" ||
         key == "fallback";
}

struct Merger {
  std::string layer_id;
  std::vector<std::pair<std::string, std::string>>& provenance;

  void set(const std::string& path) {
    // A later layer's word replaces an earlier one's for the same path and below.
    std::vector<std::pair<std::string, std::string>> kept;
    for (auto& p : provenance)
      if (!(p.first == path || p.first.rfind(path + ".", 0) == 0 || p.first.rfind(path + "[", 0) == 0))
        kept.push_back(std::move(p));
    provenance = std::move(kept);
    provenance.emplace_back(path, layer_id);
  }

  void merge(json& into, const json& from, const std::string& path) {
    for (auto it = from.begin(); it != from.end(); ++it) {
      const std::string p = json_path_key(path, it.key());
      if (it.value().is_null()) {
        into.erase(it.key());
        set(p);
        provenance.back().second = layer_id + " (removed)";
        continue;
      }
      if (!is_whole(it.key(), it.value()) && into.contains(it.key()) && !is_whole(it.key(), into[it.key()])) {
        merge(into[it.key()], it.value(), p);
        continue;
      }
      into[it.key()] = it.value();
      set(p);
    }
  }
};

struct Reader : policy_reading::PolicyReader {
  // The header every file carries: format, id, layer, extends.
  bool header(const json& doc, PolicyLayerInfo& info, std::string& extends) {
    if (!doc.is_object()) return fail_with("policy_wrong_type", "", "expected", "object");
    for (const char* k : {"format", "id", "layer"})
      if (!doc.contains(k)) return fail("policy_missing_key", k);
    std::string format;
    if (!string(doc["format"], "format", format)) return false;
    if (format != kFormat) return fail("policy_unknown_value", "format", {{"got", format}, {"allowed", kFormat}});
    if (!string(doc["id"], "id", info.id) || !string(doc["layer"], "layer", info.layer)) return false;
    for (char c : info.id)
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
        return fail_with("policy_bad_id", "id", "got", info.id);
    if (layer_rank(info.layer) < 0)
      return fail("policy_unknown_value", "layer", {{"got", info.layer}, {"allowed", policy_reading::join(kLayers)}});
    if (doc.contains("extends")) {
      if (!string(doc["extends"], "extends", extends)) return false;
      // The id names a file beside this one: letters, digits and '-' only, so it can name no other folder.
      for (char c : extends)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
          return fail_with("policy_bad_id", "extends", "got", extends);
    }
    if (extends.empty() && info.layer != "national")
      return fail("policy_missing_key", "extends");
    if (!extends.empty() && info.layer == "national")
      return fail_with("policy_unknown_key", "extends", "allowed", "—");
    return true;
  }
};

}  // namespace

LayeredPolicy resolve_policy_layers(std::string_view leaf_text, const PolicyTexts& texts) {
  LayeredPolicy out;
  std::string text(leaf_text);
  std::string wanted;  // the id the child asked for ("" for the leaf)
  std::set<std::string> seen;
  for (int depth = 0;; ++depth) {
    const std::string file = wanted.empty() ? std::string() : wanted;
    auto fail = [&](Error e) {
      if (!file.empty()) e.params["policy"] = file;
      out.error = std::move(e);
      return out;
    };
    StrictJson parsed = policy_reading::parse_policy_json(text);
    if (parsed.error) return fail(*parsed.error);
    Reader reader;
    PolicyLayerInfo info;
    std::string extends;
    if (!reader.header(parsed.value, info, extends)) return fail(*reader.error);
    if (!wanted.empty() && info.id != wanted)
      return fail(Error{"policy_base_id_mismatch", "id", {{"got", info.id}, {"expected", wanted}}});
    if (!out.layers.empty() && layer_rank(info.layer) > layer_rank(out.layers.back().layer))
      return fail(Error{"policy_layer_order", "layer", {{"got", info.layer}, {"child", out.layers.back().layer}}});
    info.hash = policy_file_hash(text);
    info.document = std::move(parsed.value);
    seen.insert(info.id);
    out.layers.push_back(std::move(info));
    if (extends.empty()) break;
    if (seen.count(extends)) {
      wanted.clear();
      Error e{"policy_extends_cycle", "extends", {{"got", extends}}};
      e.params["policy"] = out.layers.back().id;
      out.error = e;
      return out;
    }
    if (depth + 1 >= kMaxPolicyLayers) {
      Error e{"policy_too_many_layers", "extends", {{"max", std::to_string(kMaxPolicyLayers)}}};
      e.params["policy"] = out.layers.back().id;
      out.error = e;
      return out;
    }
    std::optional<std::string> base = texts ? texts(extends) : std::nullopt;
    if (!base) {
      Error e{"policy_missing_base", "extends", {{"got", extends}}};
      e.params["policy"] = out.layers.back().id;
      out.error = e;
      return out;
    }
    text = std::move(*base);
    wanted = extends;
  }

  // Merge from the root down.
  out.merged = json::object();
  for (auto layer = out.layers.rbegin(); layer != out.layers.rend(); ++layer) {
    json own = layer->document;
    for (const auto& k : kOwnKeys) own.erase(k);
    Merger{layer->id, out.provenance}.merge(out.merged, own, "");
  }
  return out;
}

std::string layer_that_set(const std::vector<std::pair<std::string, std::string>>& provenance, const std::string& path) {
  std::string best, layer;
  for (const auto& [at, from] : provenance)
    if ((path == at || path.rfind(at + ".", 0) == 0 || path.rfind(at + "[", 0) == 0) && at.size() >= best.size()) {
      best = at;
      layer = from.substr(0, from.find(' '));  // "guangdong (removed)" -> "guangdong"
    }
  return layer;
}

PolicyTextsFromJson policy_texts_from_json(std::string_view bases_json) {
  PolicyTextsFromJson out;
  auto files = std::make_shared<std::map<std::string, std::string>>();
  if (!bases_json.empty()) {
    // Each file is checked again, strictly, when it is read as a policy.
    StrictJson parsed = parse_strict_json(bases_json, JsonLimits{8 * policy_json_limits().max_bytes, 2,
                                                                 policy_json_limits().max_bytes});
    if (parsed.error) {
      out.error = Error{"policy_" + parsed.error->code, "bases", parsed.error->params};
      return out;
    }
    if (!parsed.value.is_object()) {
      out.error = Error{"policy_wrong_type", "bases", {{"expected", "object"}}};
      return out;
    }
    for (auto it = parsed.value.begin(); it != parsed.value.end(); ++it) {
      if (!it.value().is_string()) {
        out.error = Error{"policy_wrong_type", json_path_key("bases", it.key()), {{"expected", "string"}}};
        return out;
      }
      (*files)[it.key()] = it.value().get<std::string>();
    }
  }
  out.texts = [files](const std::string& id) -> std::optional<std::string> {
    auto it = files->find(id);
    if (it == files->end()) return std::nullopt;
    return it->second;
  };
  return out;
}

}  // namespace xueshe
