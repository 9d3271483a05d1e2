#include "xueshe/notice_split_json.hpp"

#include "xueshe/messages.hpp"
#include "xueshe/notice_split.hpp"
#include "xueshe/notice_values.hpp"
#include "xueshe/policy_draft.hpp"

namespace xueshe {

using json = nlohmann::ordered_json;

json notice_split_body(std::string_view text, Lang lang_in) {
  const Lang lang = carried_or_default(lang_in);
  NoticeSplit split = split_notice(text);
  if (split.error) return json::parse(policy_tool_error_body(*split.error, lang).dump());
  std::vector<NoticeNote> notes = split.notes;
  const std::vector<NoticeValue> values = notice_values(split, notes);

  json clauses = json::array();
  for (const NoticeClause& c : split.clauses) clauses.push_back(json{{"id", c.id}, {"title", c.title}, {"text", c.text}});
  json vals = json::array();
  for (const NoticeValue& v : values) {
    json o{{"kind", v.kind}, {"value", v.value}, {"words", v.words}, {"clause", v.clause}};
    if (!v.bound.empty()) o["bound"] = v.bound;
    if (!v.year.empty()) o["year"] = v.year;
    if (!v.opens.empty()) o["opens"] = v.opens;
    if (v.cap) o["cap"] = *v.cap;
    vals.push_back(std::move(o));
  }
  json notice{{"year", split.year.year ? json(split.year.year) : json(nullptr)},
              {"year_from", split.year.from.empty() ? json(nullptr) : json(split.year.from)},
              {"date", split.year.date ? json(format_iso_date(*split.year.date)) : json(nullptr)}};
  json list = json::array();
  for (const NoticeNote& n : notes) {
    std::map<std::string, std::string> params = n.params;
    params["clause"] = n.clause;
    list.push_back(json{{"code", n.code}, {"clause", n.clause}, {"message", message(lang, "notice.note." + n.code, params)}});
  }
  return json{{"clauses", clauses}, {"values", vals}, {"notice", notice}, {"notes", list}};
}

}  // namespace xueshe
