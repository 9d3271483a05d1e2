#include "xueshe/answers.hpp"

#include "xueshe/fields.hpp"
#include "xueshe/json_text.hpp"
#include "xueshe/limits.hpp"
#include "xueshe/member_date.hpp"
#include "xueshe/strict_json.hpp"

namespace xueshe {

std::optional<std::string> Answers::choice(const std::string& field) const {
  auto it = values.find(field);
  if (it == values.end()) return std::nullopt;
  if (auto* s = std::get_if<std::string>(&it->second)) return *s;
  return std::nullopt;
}

std::optional<bool> Answers::flag(const std::string& field) const {
  auto it = values.find(field);
  if (it == values.end()) return std::nullopt;
  if (auto* b = std::get_if<bool>(&it->second)) return *b;
  return std::nullopt;
}

std::optional<Date> Answers::date(const std::string& field) const {
  auto it = values.find(field);
  if (it == values.end()) return std::nullopt;
  if (auto* d = std::get_if<Date>(&it->second)) return *d;
  return std::nullopt;
}

std::string answer_token(const AnswerValue& v) {
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
  return format_iso_date(std::get<Date>(v));
}

namespace {

std::string preview(const nlohmann::json& v) {
  std::string s = v.is_string() ? v.get_ref<const std::string&>()
                                : to_json_text(v);
  if (s.size() > 40) {
    size_t cut = 40;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0u) == 0x80u) --cut;  // keep UTF-8 whole
    s = s.substr(0, cut) + "…";
  }
  return s;
}

std::optional<Error> read_value(const Field& f, const nlohmann::json& v, Answers& out) {
  const std::string id = f.id;
  switch (f.kind) {
    case FieldKind::boolean:
      if (f.unknown_allowed && v.is_string() && v.get_ref<const std::string&>() == "unknown") {
        out.values[id] = std::string("unknown");
        return std::nullopt;
      }
      if (!v.is_boolean()) return Error{"wrong_type", id, {{"expected", "bool"}, {"got", preview(v)}}};
      out.values[id] = v.get<bool>();
      return std::nullopt;
    case FieldKind::choice: {
      if (!v.is_string()) return Error{"wrong_type", id, {{"expected", "choice"}, {"got", preview(v)}}};
      const std::string& s = v.get_ref<const std::string&>();
      bool word = f.policy_values && !s.empty() && s.size() <= 64;
      for (char c : s) word = word && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
      for (const std::string& allowed : f.values)
        if (s == allowed) word = true;
      if (word) {
        out.values[id] = s;
        return std::nullopt;
      }
      std::string list;
      for (const std::string& allowed : f.values) list += (list.empty() ? "" : ", ") + allowed;
      return Error{"unknown_value", id, {{"got", preview(v)}, {"allowed", list}}};
    }
    case FieldKind::date: {
      if (!v.is_string()) return Error{"wrong_type", id, {{"expected", "date"}, {"got", preview(v)}}};
      // As the member typed it (2022/6/30, 2022年6月30日, …); kept as the day.
      const MemberDate read = read_member_date(v.get_ref<const std::string&>());
      if (!read.date) return member_date_error(read, id, preview(v));
      out.values[id] = *read.date;
      return std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace

AnswersParse parse_answers(std::string_view text) {
  AnswersParse out;
  StrictJson parsed = parse_strict_json(text, answers_json_limits());
  if (parsed.error) {
    out.error = parsed.error;
    return out;
  }
  const nlohmann::json& root = parsed.value;
  if (!root.is_object()) {
    out.error = Error{"not_an_object", "$", {}};
    return out;
  }
  for (auto it = root.begin(); it != root.end(); ++it) {
    const Field* f = find_field(it.key());
    if (!f) {
      out.error = Error{"unknown_field", json_path_key("", it.key()), {}};
      return out;
    }
    if (auto err = read_value(*f, it.value(), out.answers)) {
      out.error = err;
      return out;
    }
  }
  // A field answered in place of another (age_band for birth_date) is one answer, not a second one.
  for (const Field& f : answer_fields())
    if (f.stands_for && out.answers.has(f.id) && out.answers.has(f.stands_for)) {
      out.error = Error{"both_given", f.id, {{"other_field", f.stands_for}}};
      return out;
    }
  return out;
}

}  // namespace xueshe
