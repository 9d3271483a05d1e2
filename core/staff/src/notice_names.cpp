// What a notice's words name among the format's named things (see notice_names.hpp).
#include "xueshe/notice_names.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "notice_text.hpp"

namespace xueshe {
namespace {

using nlohmann::ordered_json;

struct Named {
  const char* name;
  std::array<std::string_view, 4> words;  // any of them ("" = none)
};

// Destinations by the words a clause's heading uses for them (full- and half-width brackets both).
constexpr std::array<Named, 7> kDestinations{{
    {"employed", {"已落实工作单位", "已就业的", "", ""}},
    {"further_study", {"升学", "", "", ""}},
    {"military", {"参军入伍", "应征入伍", "", ""}},
    {"unsettled", {"未落实就业", "未就业", "", ""}},
    {"study_abroad", {"出国（境）学习", "出国(境)学习", "出国留学", "出境学习"}},
    {"work_abroad", {"出国（境）工作", "出国(境)工作", "在国(境)外工作", "在国（境）外工作"}},
    {"delayed_graduation", {"延迟毕业", "", "", ""}},
}};

// Named rules by the words a clause's text says them in.
constexpr std::array<Named, 5> kRules{{
    {"edit_until_accepted", {"修改和撤回", "修改或撤回", "", ""}},
    {"second_transfer", {"二次转接", "第二次转接", "", ""}},
    {"classified_as_military", {"涉密单位", "", "", ""}},
    {"higher_notice_prevails", {"以上级通知为准", "以上级文件为准", "", ""}},
    {"youth_home_alternative", {"青年之家", "", "", ""}},
}};

// The places an unsettled member's township branch is chosen by, longest words first (父母居住地 before 居住地).
constexpr std::array<std::pair<std::string_view, const char*>, 6> kBases{{
    {"父母居住地", "parents_residence"},
    {"经常居住地", "usual_residence"},
    {"实际居住地", "actual_residence"},
    {"户籍所在地", "hukou"},
    {"生源地", "origin"},
    {"居住地", "residence"},
}};

std::string field(const ordered_json& c, const char* key) {
  auto it = c.find(key);
  return it != c.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Where a text first says one of a name's words (npos: nowhere).
std::size_t said_at(const std::string& text, const Named& n) {
  std::size_t at = std::string::npos;
  for (std::string_view w : n.words)
    if (!w.empty()) at = std::min(at, text.find(w));
  return at;
}
bool says(const std::string& text, const Named& n) { return said_at(text, n) != std::string::npos; }

// The bases a text names, in its order, each once.
ordered_json bases_in(const std::string& text) {
  ordered_json out = ordered_json::array();
  for (std::size_t i = 0; i < text.size();) {
    bool hit = false;
    for (const auto& [words, base] : kBases)
      if (text.compare(i, words.size(), words) == 0) {
        if (std::find(out.begin(), out.end(), base) == out.end()) out.push_back(base);
        i += words.size();
        hit = true;
        break;
      }
    if (!hit) ++i;
  }
  return out;
}

}  // namespace

std::vector<NamedInNotice> notice_named_things(const ordered_json& clauses) {
  std::vector<NamedInNotice> out;
  if (!clauses.is_array()) return out;
  for (const Named& d : kDestinations)
    for (const auto& c : clauses)
      if (c.is_object() && says(field(c, "title"), d)) {
        const std::string id = field(c, "id");
        out.push_back({std::string("destinations.") + d.name + ".clause", id, {}});
        if (std::string_view(d.name) == "unsettled") {
          ordered_json bases = bases_in(field(c, "text"));
          if (!bases.empty()) out.push_back({"destinations.unsettled.bases", {{"value", bases}, {"clause", id}}, {}});
        }
        break;
      }
  for (const Named& r : kRules)
    for (const auto& c : clauses) {
      const std::string text = field(c, "text").empty() ? field(c, "title") : field(c, "text");
      if (c.is_object() && says(text, r)) {
        out.push_back({std::string("rules.") + r.name, field(c, "id"), notice::sentence_at(text, said_at(text, r))});
        break;
      }
    }
  return out;
}

}  // namespace xueshe
