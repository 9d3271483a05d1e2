// Reads the national layer as strictly as a school policy.
#include "policy_reader.hpp"
#include "xueshe/limits.hpp"
#include "xueshe/national.hpp"

std::string_view xueshe_embedded_national();

namespace xueshe {
namespace {

using nlohmann::json;

const std::vector<std::string> kNationalRules = {"age_out", "age_out_procedure", "party_members_transfer",
                                                 "why_transfer", "external_systems", "guangdong_registration",
                                                 "system_committees"};
const std::vector<std::string> kRegions = {"beijing", "guangdong", "fujian"};
const std::vector<std::string> kAgeCounting = {"graduation_month", "graduation_day"};

class NationalLoader : public policy_reading::PolicyReader {
 public:
  bool load(const json& root, NationalLayer& n) {
    if (!keys(root, "", {"format", "id", "title", "last_verified", "clauses", "age_limit", "age_counted_at", "rules",
                         "external_regions"}))
      return false;
    std::string format;
    if (!string(root["format"], "format", format)) return false;
    if (format != "xueshe-national/1")
      return fail("policy_unknown_value", "format", {{"got", format}, {"allowed", "xueshe-national/1"}});
    if (!string(root["id"], "id", n.id) || !localized(root["title"], "title", n.title) ||
        !date(root["last_verified"], "last_verified", n.last_verified) || !clauses(root["clauses"], n.clauses))
      return false;
    if (!cited(root["age_limit"], "age_limit", n.age_limit,
               [this](const json& v, const std::string& path, int& out) { return integer(v, path, 14, 60, out); }))
      return false;
    if (!cited(root["age_counted_at"], "age_counted_at", n.age_counted_at,
               [this](const json& v, const std::string& path, std::string& out) {
                 if (!string(v, path, out)) return false;
                 return policy_reading::contains(kAgeCounting, out) ||
                        fail("policy_unknown_value", path, {{"got", out}, {"allowed", policy_reading::join(kAgeCounting)}});
               }))
      return false;
    if (!named_clauses(root["rules"], "rules", kNationalRules, n.rule_clauses)) return false;
    return cited(root["external_regions"], "external_regions", n.external_regions,
                 [this](const json& v, const std::string& path, std::vector<std::string>& out) {
                   return string_list(v, path, kRegions, out, true);
                 });
  }
};

}  // namespace

NationalLoad load_national(std::string_view text) {
  NationalLoad out;
  StrictJson parsed = policy_reading::parse_policy_json(text);
  if (parsed.error) {
    out.error = parsed.error;
    return out;
  }
  NationalLoader loader;
  NationalLayer n;
  if (!loader.load(parsed.value, n)) {
    out.error = loader.error;
    return out;
  }
  n.hash = fnv1a_hex(text);
  out.layer = std::move(n);
  return out;
}

std::string_view builtin_national_text() { return xueshe_embedded_national(); }

}  // namespace xueshe
