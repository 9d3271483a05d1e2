// Roster columns and cell words: catalog texts of every language, plus the
// synonyms below (words staff commonly write that no catalog text spells).
#include "xueshe/roster_columns.hpp"

#include <deque>
#include <string_view>

#include "every_catalog.hpp"
#include "xueshe/messages.hpp"
#include "xueshe/route_text.hpp"
#include "xueshe/strict_json.hpp"

namespace xueshe {
namespace {

// field (or column) id, value, words separated by '|'.
struct Synonyms {
  const char* id;
  const char* value;
  const char* words;
};

const Synonyms kHeaderSynonyms[] = {
    {"student_id", "", "学生学号"},
    {"name", "", "学生姓名"},
    {"college", "", "所在学院|二级学院|院系"},
    {"destination", "", "毕业去向|去向类别"},
    {"graduation_date", "", "毕业时间"},
    {"party_member", "", "是否中共党员|是否为党员"},
    {"status", "", "转接情况|是否完成转接|团组织关系转接状态"},
};

const Synonyms kValueSynonyms[] = {
    {"destination", "employed", "就业|已落实工作单位|签约就业|工作"},
    {"destination", "further_study", "读研|考研|专升本|继续升学"},
    {"destination", "military", "参军|入伍|应征入伍"},
    {"destination", "unsettled", "待就业|暂未就业|尚未就业|未落实|尚未落实就业去向"},
    {"destination", "study_abroad", "出国留学|留学|出国(境)学习|出国(境)学习研究|出国深造|出境学习"},
    {"destination", "work_abroad", "出国(境)工作|出境工作|境外工作"},
    {"destination", "delayed_graduation", "延期毕业|延毕"},
    {"study_level", "postgraduate", "硕士|博士|硕士研究生|博士研究生|读研"},
    {"study_level", "other", "专升本|第二学士学位|其它"},
    {"unsettled_choice", "retain_at_school", "保留在学校|学校保留|保留|在校保留团组织关系"},
    {"unsettled_choice", "transfer_to_community", "转社区|转到乡镇街道|转至乡镇街道|流动团员团支部|转至流动团员团支部"},
    {"community_basis", "residence", "本人居住地"},
    {"community_basis", "hukou", "户籍地|户籍|户口所在地"},
    {"community_basis", "origin", "生源所在地"},
    {"abroad_kind", "official", "公派"},
    {"receiving_region", "beijing", "北京市"},
    {"receiving_region", "guangdong", "广东省"},
    {"receiving_region", "fujian", "福建省"},
    {"receiving_region", "other", "其它|其他省份|其他地区"},
};

const Synonyms kBoolSynonyms[] = {
    {"", "true", "是|有|已建立|已建|true|yes|y|1"},
    {"", "false", "否|无|没有|未建立|未建|false|no|n|0"},
};

const Synonyms kStatusSynonyms[] = {
    {"", "completed", "完成|已转接|已转出|已接收|是|done|completed|yes"},
    {"", "open", "未转接|未转出|办理中|进行中|待转接|待接收|否|pending|open|no"},
};

template <typename F>
void for_each_word(const char* words, F f) {
  std::string_view all(words);
  while (!all.empty()) {
    std::size_t bar = all.find('|');
    f(std::string(all.substr(0, bar)));
    if (bar == std::string_view::npos) break;
    all.remove_prefix(bar + 1);
  }
}

// What two spellings of one word have in common: no spaces anywhere, ASCII
// parentheses for full-width ones, ASCII lower case.
std::string normalize(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') { ++i; continue; }
    if (c == 0xE3 && s.substr(i, 3) == "\xE3\x80\x80") { i += 3; continue; }  // U+3000
    if (c == 0xC2 && s.substr(i, 2) == "\xC2\xA0") { i += 2; continue; }      // U+00A0
    if (c == 0xEF && s.substr(i, 3) == "\xEF\xBC\x88") { out += '('; i += 3; continue; }
    if (c == 0xEF && s.substr(i, 3) == "\xEF\xBC\x89") { out += ')'; i += 3; continue; }
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
    ++i;
  }
  return out;
}

std::string catalog_text(const nlohmann::json& cat, const std::string& key) {
  auto it = cat.find(key);
  return it != cat.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Whether catalog() holds `entry`'s language with its engine, page and staff parts.
bool displayed(const EmbeddedCatalog& entry) {
  const CatalogTable shown = catalog_table();  // catalog()'s, its first entry for each language
  for (std::size_t i = 0; i < shown.count; ++i) {
    const EmbeddedCatalog& e = shown.entries[i];
    if (std::string_view(e.lang) == entry.lang)
      return lang_named(e.lang) && e.engine == entry.engine && e.page == entry.page && e.staff == entry.staff;
  }
  return false;
}

// Every language's catalog (every_catalog(): its engine, page and staff
// parts), in every_catalog()'s order. Where this binary displays the
// language with those same parts (the CLI displays every language), the one
// catalog() already holds is read: it has the outcome and take-away parts
// too, and the vocabulary's keys are in neither (the catalog test checks).
// Immutable after first use: constant data, not state (as catalog() is).
const std::vector<const nlohmann::json*>& every_catalog_json() {
  struct Catalogs {
    Catalogs() {
      const CatalogTable table = every_catalog();
      for (std::size_t i = 0; i < table.count; ++i) {
        const EmbeddedCatalog& entry = table.entries[i];
        if (displayed(entry)) {
          all.push_back(&catalog(*lang_named(entry.lang)));
        } else {
          own.push_back(merged_catalog(entry));  // a deque: what `all` points to stays put
          all.push_back(&own.back());
        }
      }
    }
    std::deque<nlohmann::json> own;  // the languages not displayed, read here
    std::vector<const nlohmann::json*> all;
  };
  static const Catalogs catalogs;
  return catalogs.all;
}

}  // namespace

const std::vector<std::string>& roster_column_ids() {
  static const std::vector<std::string> ids = [] {
    std::vector<std::string> out{"student_id", "name", "college"};
    for (const char* f : {"destination", "graduation_date", "birth_date", "party_member", "holds_league_post",
                          "employer_type", "self_employed", "employer_classified", "civil_servant", "employer_has_league_org",
                          "youth_home_has_league_org", "study_level", "enrollment_date", "new_school_org_created",
                          "unsettled_choice", "community_basis", "abroad_kind", "departure_date", "receiving_region"})
      out.push_back(f);
    out.push_back("status");
    return out;
  }();
  return ids;
}

void RosterVocabulary::add(std::unordered_map<std::string, std::string>& map, const std::string& word,
                           const std::string& value, const std::string& what) {
  const std::string key = normalize(word);
  if (key.empty()) return;
  auto [it, inserted] = map.emplace(key, value);
  if (!inserted && it->second != value) conflicts_.push_back(what + ": " + word + " -> " + it->second + " / " + value);
}

RosterVocabulary::RosterVocabulary(const Policy& policy) {
  const std::vector<const nlohmann::json*>& catalogs = every_catalog_json();
  // Option labels name the policy's retention period and age limit, in each catalog's language.
  std::vector<std::map<std::string, std::string>> params(catalogs.size());
  for (std::size_t i = 0; i < catalogs.size() && i < supported_languages().size(); ++i) {
    if (const Period* retention = policy.period("retention"))
      params[i]["period"] = period_text(*retention, supported_languages()[i]);
    params[i]["limit"] = std::to_string(policy.national.age_limit.value);
  }

  for (const std::string& id : roster_column_ids()) {
    add(headers_, id, id, "header");
    for (const auto* cat : catalogs) add(headers_, catalog_text(*cat, "roster.column." + id), id, "header");
  }
  for (const Synonyms& s : kHeaderSynonyms) for_each_word(s.words, [&](const std::string& w) { add(headers_, w, s.id, "header"); });

  for (const Field& f : answer_fields()) {
    auto& words = words_[f.id];
    if (f.kind == FieldKind::choice) {
      for (const std::string& v : f.values) {
        add(words, v, v, f.id);
        for (std::size_t i = 0; i < catalogs.size(); ++i) {
          const auto& cat = *catalogs[i];
          add(words, fill_placeholders(catalog_text(cat, "option." + std::string(f.id) + "." + v), params[i]), v, f.id);
          add(words, catalog_text(cat, "roster.value." + std::string(f.id) + "." + v), v, f.id);
        }
      }
    } else if (f.kind == FieldKind::boolean) {
      for (const char* v : {"true", "false"})
        for (const auto* cat : catalogs) add(words, catalog_text(*cat, std::string("bool.") + v), v, f.id);
      if (f.unknown_allowed) {
        add(words, "unknown", "unknown", f.id);
        for (const auto* cat : catalogs) add(words, catalog_text(*cat, "bool.unknown"), "unknown", f.id);
      }
      for (const Synonyms& s : kBoolSynonyms) for_each_word(s.words, [&](const std::string& w) { add(words, w, s.value, f.id); });
    }
  }
  for (const Synonyms& s : kValueSynonyms)
    for_each_word(s.words, [&](const std::string& w) { add(words_[s.id], w, s.value, s.id); });

  // A policy's named situations (二战考研, …) are answers in the destination column.
  for (const Situation& s : policy.situations) {
    add(words_["destination"], s.id, s.id, "destination");
    for (const auto& [lang, label] : s.label) add(words_["destination"], label, s.id, "destination");
  }

  for (const char* v : {"completed", "open"})
    for (const auto* cat : catalogs) add(statuses_, catalog_text(*cat, std::string("roster.status.") + v), v, "status");
  for (const Synonyms& s : kStatusSynonyms) for_each_word(s.words, [&](const std::string& w) { add(statuses_, w, s.value, "status"); });
}

std::string RosterVocabulary::column_for_header(std::string_view header) const {
  auto it = headers_.find(normalize(header));
  return it == headers_.end() ? std::string() : it->second;
}

std::optional<std::string> RosterVocabulary::word(const Field& field, std::string_view cell) const {
  auto f = words_.find(field.id);
  if (f == words_.end()) return std::nullopt;
  auto it = f->second.find(normalize(cell));
  if (it == f->second.end()) return std::nullopt;
  return it->second;
}

TransferStatus RosterVocabulary::status(std::string_view cell) const {
  const std::string key = normalize(cell);
  if (key.empty()) return TransferStatus::open;
  auto it = statuses_.find(key);
  if (it == statuses_.end()) return TransferStatus::unknown;
  return it->second == "completed" ? TransferStatus::completed : TransferStatus::open;
}

std::string_view trim_cell_spaces(std::string_view s) {
  // Byte by byte, not substr() == (a roster trims every cell of every row).
  auto at = [&s](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  auto space_at_start = [&]() -> std::size_t {
    const std::size_t n = s.size();
    if (n == 0) return 0;
    if (s[0] == ' ' || s[0] == '\t') return 1;
    if (n >= 3 && at(0) == 0xE3 && at(1) == 0x80 && at(2) == 0x80) return 3;  // U+3000
    if (n >= 2 && at(0) == 0xC2 && at(1) == 0xA0) return 2;                   // U+00A0
    return 0;
  };
  auto space_at_end = [&]() -> std::size_t {
    const std::size_t n = s.size();
    if (n == 0) return 0;
    if (s[n - 1] == ' ' || s[n - 1] == '\t') return 1;
    if (n >= 3 && at(n - 3) == 0xE3 && at(n - 2) == 0x80 && at(n - 1) == 0x80) return 3;
    if (n >= 2 && at(n - 2) == 0xC2 && at(n - 1) == 0xA0) return 2;
    return 0;
  };
  for (std::size_t k; (k = space_at_start()) != 0;) s.remove_prefix(k);
  for (std::size_t k; (k = space_at_end()) != 0;) s.remove_suffix(k);
  return s;
}

std::string roster_column_name(const std::string& column, Lang lang) {
  return message(lang, "roster.column." + column);
}

std::string roster_value_word(const std::string& field, const AnswerValue& value, Lang lang) {
  if (auto* b = std::get_if<bool>(&value)) return message(lang, *b ? "bool.true" : "bool.false");
  if (auto* s = std::get_if<std::string>(&value)) {
    const Field* f = find_field(field);
    if (f && f->kind == FieldKind::boolean) return message(lang, "bool.unknown");  // 不知道
    return message(lang, "roster.value." + field + "." + *s);
  }
  return format_iso_date(std::get<Date>(value));
}

}  // namespace xueshe
